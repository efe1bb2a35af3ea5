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
set -euo pipefail
cd "$(dirname "$0")/.."

profile=short
java_options=(-Xms2g -Xmx2g)
for argument in "$@"; do
  case "$argument" in
    -D*) java_options+=("$argument") ;;
    *) profile="$argument" ;;
  esac
done

output=benchmarks/target/benchmarks
if [ "$profile" != short ]; then
  output="$output-$profile"
fi

./mvnw -q -B -pl benchmarks -am package -DskipTests
exec java "${java_options[@]}" -jar benchmarks/target/benchmarks.jar "$profile" "$output"
