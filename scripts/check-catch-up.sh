#!/usr/bin/env bash
# End-to-end check of ./exercise --catch-up, in a clone of this repository's last commit (the working copy is left
# alone): it refuses to overwrite uncommitted work, --force overwrites it, and after ./exercise --catch-up jdbi 1 the
# board has that cell ✔ and every other ✘, with only Jdbi's files changed;
# then, from the stubs again, ./exercise --catch-up jdbi 10 makes Jdbi 10 ✔ with only what exercise 10 builds on;
# and a catch-up whose solution clashes with a participant's helper of the same name does not compile, so every file
# goes back as it was (exit 4, said in Russian under --lang ru). Needs the Maven repository to be warm (it builds
# offline). Usage: scripts/check-catch-up.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/catch-up-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"
git config user.email check@example.invalid
git config user.name check
fail() { echo "check-catch-up: $*" >&2; exit 1; }

# 1. Uncommitted work in a file it would change: refused, file unchanged.
mappers=exercises/src/main/java/onetomany/exercises/jdbi/ExerciseRowMappers.java
echo "// my work" >>"$mappers"
status=0
./exercise --catch-up jdbi 1 >/dev/null 2>"$work/refusal" || status=$?
[[ $status -eq 3 ]] || fail "with uncommitted work, --catch-up exited $status, expected 3 (refused)"
grep -q 'my work' "$mappers" || fail "the refused catch-up changed $mappers"
grep -q -- '--force' "$work/refusal" || fail "the refusal does not say how to force it"

# 2. --force overwrites it (the line added outside any region stays; the regions are the solution's).
./exercise --catch-up jdbi 1 --force >/dev/null
grep -q "CommentEntity(rs.getLong" "$mappers" || fail "--force did not put the solution in $mappers"
git checkout -q -- exercises/src

# 3. From the committed stubs: catch up, then the whole board (offline, as in the room).
./exercise --catch-up jdbi 1
changed=$(git status --porcelain | awk '{print $2}')
echo "$changed" | grep -qv '/jdbi/' && fail "files outside Jdbi's changed: $changed"
MAVEN_ARGS="-o" ./exercise >/dev/null || true
results=exercise-kit/tests/target/exercise-results.txt
grep -qP '^CELL\tJdbi\t1\tPASSED$' "$results" || fail "Jdbi 1 is not ✔ after the catch-up"
failed=$(grep -cP '^CELL\t.*\tFAILED$' "$results")
# Every exercise (its instructions file) in every library the workshop teaches (the registry's, exercises not -), but Jdbi 1.
libraries=$(awk -F'|' '!/^[[:space:]]*#/ && NF > 1 { gsub(/^[ \t]+|[ \t]+$/, "", $7); if ($7 != "-") n++ }
  END { print n + 0 }' test-harness/src/main/resources/onetomany/libraries/libraries.txt)
others=$(( $(ls exercises/instructions/[0-9][0-9]-*.md | wc -l) * libraries - 1 ))
[[ $failed -eq $others ]] || fail "$failed cells are ✘ after catching up Jdbi 1, expected the other $others"

# 4. Exercise 10 from the stubs: it builds on exercises 1, 4 and 9 only, and its cell turns ✔.
git checkout -q -- exercises/src
./exercise --catch-up jdbi 10 >/dev/null
changed=$(git status --porcelain | awk '{print $2}')
echo "$changed" | grep -qv '/jdbi/' && fail "files outside Jdbi's changed: $changed"
grep -q 'TODO exercise 2:' exercises/src/main/java/onetomany/exercises/jdbi/JdbiExercises.java \
  || fail "catching up Jdbi 10 put exercise 2 in place, which exercise 10 does not need"
MAVEN_ARGS="-o" ./exercise jdbi 10 >/dev/null || fail "./exercise jdbi 10 is not ✔ after catching it up"
# 5. A helper of the participant's with the name of one the solution brings (exercise 1's foldPostRow in Jdbi): the
# catch-up compiles what it put in place, finds the clash, puts every file back, and says so in Russian; exit 4.
git checkout -q -- exercises/src
jdbi=exercises/src/main/java/onetomany/exercises/jdbi/JdbiExercises.java
awk '/\/\/ 3\. Three levels/ {
  print "    private static void foldPostRow(Map<Long, PostEntity> posts, RowView row) {"
  print "        posts.computeIfAbsent(row.getColumn(\"p_id\", Long.class), id -> row.getRow(PostEntity.class));"
  print "    }"
  print ""
} { print }' "$jdbi" >"$work/mine" && cp "$work/mine" "$jdbi"
MAVEN_ARGS="-o" ./mvnw -B -q -pl exercises -am compile >/dev/null || fail "the participant's code does not compile"
status=0
MAVEN_ARGS="-o" ./exercise --catch-up jdbi 3 --force --lang ru >"$work/out" 2>&1 || status=$?
[[ $status -eq 4 ]] || { cat "$work/out"; fail "a catch-up that cannot compile exited $status, expected 4"; }
cmp -s "$work/mine" "$jdbi" || fail "the catch-up that did not compile left $jdbi changed"
grep -q 'Ничего не сделано' "$work/out" || { cat "$work/out"; fail "the rollback is not said in Russian"; }
grep -q 'foldPostRow' "$work/out" || { cat "$work/out"; fail "the rollback does not show the compiler's error"; }
[[ -z "$(git status --porcelain | grep -v JdbiExercises.java)" ]] || fail "the rolled-back catch-up changed files"

echo "check-catch-up: refused without --force, forced with it; Jdbi 1 ✔, the other $others cells ✘, only Jdbi files" \
  "changed; Jdbi 10 ✔ after its own catch-up, exercise 2 left a stub; a catch-up that did not compile rolled back"
