#!/usr/bin/env bash
# Fills one folder with everything the workshop needs from the network, for a room without it: the Maven
# distribution the wrapper runs, and a Maven repository with every library and plugin that the participants'
# commands use. Run it once, with network, then copy the folder (a USB stick, a share) to each machine.
#
#   scripts/offline-repository.sh <folder>
#
# The folder then holds:
#   <folder>/repository      a Maven local repository (-Dmaven.repo.local), which is also the layout of a remote
#                            one: serve it as a mirror (settings.xml), and the wrapper can fetch Maven from it
#                            (MVNW_REPOURL), since the distribution's zip is in it too
#   <folder>/wrapper/dists   the Maven distribution, unpacked where the wrapper looks for it when MAVEN_USER_HOME
#                            is <folder>
#
# Use it, on a machine with the repository cloned and no network (docs/instructor.md, "The room checklist"):
#   export MAVEN_USER_HOME=<folder>
#   export MAVEN_ARGS="-o -Dmaven.repo.local=<folder>/repository"
#   ./exercise jpa 1
#
# What it runs, in a copy of this repository (this one is left as it is, .exercise-times.tsv included), with
# MAVEN_USER_HOME=<folder> and -Dmaven.repo.local=<folder>/repository, network allowed:
#   1. ./mvnw dependency:go-offline                     every module's libraries and build plugins
#   2. ./exercise --solutions, then ./exercise jpa 1    the board, both forms of the code (the test runner's own
#                                                       libraries, which go-offline leaves out)
#   3. ./mvnw -pl comparison -am compile exec:java      the Quick start's report (and the live N+1 demonstration)
#   4. ./mvnw test-compile                              every module compiles, the benchmarks' annotation processor
#   5. ./mvnw dependency:get ...apache-maven...:zip:bin  the wrapper's distribution, as a file of the repository
# It checks the folder at the end: the board of the solutions again, offline (-o).
# Exit status: 0 when the offline board was all ✔, 1 when a step failed, 2 on a usage error.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [[ $# -ne 1 || "$1" == -* ]]; then
  sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
mkdir -p "$1" || exit 2
folder=$(cd "$1" && pwd)
repository=$folder/repository

work=$(mktemp -d "${TMPDIR:-/tmp}/offline-repository.XXXXXX")
trap 'rm -rf "$work"' EXIT
copy=$work/repo
mkdir -p "$copy"
# The repository as a fresh clone has it: no builds, no git, no times of this machine.
tar -C "$root" --exclude=.git --exclude=target --exclude=.exercise-times.tsv -cf - . | tar -C "$copy" -xf -

export MAVEN_USER_HOME=$folder
export MAVEN_ARGS="-Dmaven.repo.local=$repository"
start=$SECONDS
step() { # name, command...: runs the command in the copy, its output in a log; stops on failure
  local name=$1; shift
  local log=$work/step.log
  printf '%-58s' "$name" >&2
  local t=$SECONDS
  if (cd "$copy" && "$@") >"$log" 2>&1; then
    echo " done ($((SECONDS - t)) s)" >&2
  else
    local status=$?
    # ./exercise jpa 1 on the stubs is red: exit status 1 is what it must say; 2 means the build failed
    if [[ "$name" == *stubs* && $status -eq 1 ]]; then
      echo " done, red as it must be ($((SECONDS - t)) s)" >&2
      return 0
    fi
    echo " FAILED (exit status $status); the last lines:" >&2
    tail -30 "$log" >&2
    exit 1
  fi
}

distribution=$(sed -n 's/^distributionUrl=.*apache-maven-\([0-9][0-9.]*\)-bin\.zip$/\1/p' \
  .mvn/wrapper/maven-wrapper.properties)
[[ -n "$distribution" ]] || { echo "no Maven version in .mvn/wrapper/maven-wrapper.properties" >&2; exit 1; }

echo "Filling $folder (Maven $distribution; a copy of the repository in $copy)" >&2
step "1/5 libraries and plugins (dependency:go-offline)" ./mvnw -B -q dependency:go-offline
step "2/5 the board of the solutions (./exercise --solutions)" ./exercise --solutions --lang en
step "    the board of the stubs (./exercise jpa 1)" ./exercise jpa 1 --lang en
step "3/5 the Quick start's report (comparison)" ./mvnw -B -q -pl comparison -am compile exec:java
step "4/5 every module compiled (test-compile)" ./mvnw -B -q test-compile
step "5/5 the wrapper's Maven as a file of the repository" ./mvnw -B -q dependency:get \
  -Dartifact="org.apache.maven:apache-maven:$distribution:zip:bin" -Dtransitive=false

# The check: offline now, the same folder.
export MAVEN_ARGS="-o -Dmaven.repo.local=$repository"
rm -rf "$copy"/*/target "$copy"/exercise-kit/*/target
step "check: offline (-o), ./exercise --solutions" ./exercise --solutions --lang en
echo "$folder: $(du -sh "$folder" | cut -f1), filled and checked in $((SECONDS - start)) s." >&2
echo "On each machine: export MAVEN_USER_HOME=$folder MAVEN_ARGS=\"-o -Dmaven.repo.local=$repository\"" >&2
