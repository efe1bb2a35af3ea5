#!/usr/bin/env bash
# The wrong turns: each tempting wrong solution kept in exercise-kit/wrong-turns/<library key>/<NN>-<name>/ (its
# change.patch, a change of solutions/, and its expected file, the message the board must show) is put in place in a
# copy of this repository, and the board, run against that copy's solutions/, must show exercise NN red for that
# library with that message (exercise-kit/wrong-turns/README.md lists them).
#
#   scripts/check-wrong-turns.sh           every wrong turn
#   scripts/check-wrong-turns.sh 6 10      the wrong turns of exercises 6 and 10
#
# A library's wrong turn changes only that library's files, and the board runs each library's tests apart: the
# wrong turns of one exercise in every library go in place together and one board run judges them all (a second run
# when a library has a second wrong turn for that exercise, and so on).
# Exit status: 0 when every wrong turn was red with its message, 1 when one was not, 2 on a usage error.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
turns=exercise-kit/wrong-turns
libraries=test-harness/src/main/resources/onetomany/libraries/libraries.txt

column() { # n: that column of every line of a library the workshop teaches (its exercises, column 7, not '-'), trimmed
  awk -F'|' -v n="$1" '!/^[[:space:]]*#/ && NF > 1 { gsub(/^[ \t]+|[ \t]+$/, "", $7); if ($7 == "-") next
    gsub(/^[ \t]+|[ \t]+$/, "", $n); print $n }' "$libraries"
}
mapfile -t keys < <(column 1)
mapfile -t labels < <(column 3)
label_of() { local i; for i in "${!keys[@]}"; do [[ "${keys[$i]}" == "$1" ]] && echo "${labels[$i]}"; done; }

numbers=("$@")
if [[ ${#numbers[@]} -eq 0 ]]; then
  mapfile -t numbers < <(ls exercises/instructions/[0-9][0-9]-*.md | sed -E 's#.*/0*([0-9]+)-.*#\1#')
fi
for n in "${numbers[@]}"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "usage: $0 [exercise number...]" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/wrong-turns.XXXXXX")
trap 'rm -rf "$work"' EXIT
copy=$work/repo
mkdir -p "$copy"
# The repository as it is, without its builds: the copy's first board run builds what it needs, as on a fresh clone.
tar -C "$root" --exclude=.git --exclude=target -cf - . | tar -C "$copy" -xf -

flat() { tr '\n\t' '  ' | tr -s ' ' | sed 's/^ //; s/ $//'; }
shows() { # text, expected: whether the text holds the expected one, in which '…' stands for any text
  local rest=$1 part -
  set -f
  local IFS=$'\x1f'
  for part in ${2//…/$'\x1f'}; do
    part=${part# }; part=${part% }
    [[ "$rest" == *"$part"* ]] || return 1
    rest=${rest#*"$part"}
  done
}
failures=0
checked=0
start=$SECONDS
for n in "${numbers[@]}"; do
  nn=$(printf %02d "$n")
  rounds=0
  for key in "${keys[@]}"; do
    count=$(ls -d "$turns/$key/$nn"-* "$turns/$key/$nn"[a-z]-* 2>/dev/null | wc -l)
    (( count > rounds )) && rounds=$count
  done
  for (( r = 0; r < rounds; r++ )); do
    round=()
    for key in "${keys[@]}"; do
      mapfile -t mine < <(ls -d "$turns/$key/$nn"-* "$turns/$key/$nn"[a-z]-* 2>/dev/null | sort)
      (( r < ${#mine[@]} )) && round+=("${mine[$r]}")
    done
    # solutions/ as it is, then this round's wrong turns on top of it
    rm -rf "$copy/solutions/src"
    cp -R "$root/solutions/src" "$copy/solutions/src"
    applied=()
    for turn in "${round[@]}"; do
      if (cd "$copy" && git apply -p1 "$root/$turn/change.patch"); then
        applied+=("$turn")
      else
        echo "✘ $turn: its change.patch no longer applies to solutions/: write it again against the solution"
        checked=$((checked + 1))
        failures=$((failures + 1))
      fi
    done
    [[ ${#applied[@]} -eq 0 ]] && continue
    board=$(cd "$copy" && ./exercise --solutions --lang en "$n" 2>&1)
    status=$?
    for turn in "${applied[@]}"; do
      checked=$((checked + 1))
      key=$(basename "$(dirname "$turn")")
      label=$(label_of "$key")
      expected=$(flat <"$turn/expected" 2>/dev/null)
      if [[ $status -eq 2 ]]; then
        echo "✘ $turn: the board did not run (the copy does not compile):"; echo "$board" | sed 's/^/    /'
        failures=$((failures + 1)); continue
      fi
      if ! grep -qP "^CELL\t$label\t$n\tFAILED\$" "$copy/exercise-kit/tests/target/exercise-results.txt"; then
        echo "✘ $turn: exercise $n in $label passed with this wrong turn in place"
        failures=$((failures + 1)); continue
      fi
      cell=$(printf '%s\n' "$board" | awk -v head="✘ $n $label — " '
        index($0, head) == 1 { on = 1; print; next }
        on && /^✘ / { exit }
        on { print }')
      if [[ -z "$expected" ]]; then
        echo "✘ $turn: no expected message ($turn/expected). The board showed:"; echo "$cell" | sed 's/^/    /'
        failures=$((failures + 1)); continue
      fi
      if ! shows "$(printf '%s' "$cell" | flat)" "$expected"; then
        echo "✘ $turn: red, but without its expected message"
        echo "    expected: $expected"
        echo "    the board showed:"; echo "$cell" | sed 's/^/    /'
        failures=$((failures + 1)); continue
      fi
      echo "✔ $turn: red, \"$expected\""
    done
  done
done
echo "$checked wrong turns run, $failures not as expected, in $((SECONDS - start)) s"
[[ $failures -eq 0 ]]
