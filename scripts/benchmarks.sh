#!/usr/bin/env bash
# The benchmarks' one command: builds benchmarks/target/benchmarks.jar with the modules it measures,
# runs JMH with -prof gc, and writes jmh-result.json and benchmarks.md to benchmarks/target/benchmarks (the short
# profile) or benchmarks/target/benchmarks-<profile>.
#
#   scripts/benchmarks.sh                  # the short profile: every benchmark, about 4 minutes on 2 cores
#   scripts/benchmarks.sh targets          # the eager read at 10,000 users, every form of it, measured longer
#   scripts/benchmarks.sh long             # 3 forks, longer iterations: real numbers, about an hour
#   scripts/benchmarks.sh large            # a million posts: the stream beside JOINED, statements to N = 100,000
#   scripts/benchmarks.sh short -Ddb=postgres # any -D is passed to the JVM (and to JMH's forks)
#   scripts/benchmarks.sh targets -Ddb=postgres --keep targets-postgres
#       # also keeps the run in benchmarks/reference/targets-postgres (jmh-result.json, benchmarks.md and
#       # run.properties: date, commit, machine, database), whose figures the pages quote (Figures, FiguresTest);
#       # refused when the measured code has changes not committed, since the run names the commit it measured
set -euo pipefail
cd "$(dirname "$0")/.."

profile=short
keep=
java_options=(-Xms2g -Xmx2g)
database=h2
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=$2; shift ;;
    -Ddb=*) java_options+=("$1"); database=${1#-Ddb=} ;;
    -D*) java_options+=("$1") ;;
    *) profile="$1" ;;
  esac
  shift
done

# What a kept run measures: a change there after its commit makes it stale (Figures.MEASURED and every module).
measured=(pom.xml common-schema/src/main test-harness/src/main benchmarks/src/main module-*/src/main)
if [ -n "$keep" ] && [ -n "$(git status --porcelain -- "${measured[@]}")" ]; then
  echo "--keep: the measured code has changes not committed; commit them first:" >&2
  git status --short -- "${measured[@]}" >&2
  exit 2
fi

output=benchmarks/target/benchmarks
if [ "$profile" != short ]; then
  output="$output-$profile"
fi

./mvnw -q -B -pl benchmarks -am package -DskipTests
start=$SECONDS
java "${java_options[@]}" -jar benchmarks/target/benchmarks.jar "$profile" "$output"
if [ -n "$keep" ]; then
  kept=benchmarks/reference/$keep
  mkdir -p "$kept"
  cp "$output/jmh-result.json" "$output/benchmarks.md" "$kept/"
  {
    echo "# The run whose figures the pages quote: scripts/benchmarks.sh $profile --keep $keep"
    echo "date=$(date -u +%Y-%m-%d)"
    echo "commit=$(git rev-parse HEAD)"
    echo "profile=$profile"
    echo "database=$database"
    echo "machine=$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sm)"
    echo "jdk=$(java -version 2>&1 | head -1 | tr -d '\"')"
    echo "minutes=$(( (SECONDS - start + 30) / 60 ))"
  } > "$kept/run.properties"
  echo "kept in $kept"
fi
