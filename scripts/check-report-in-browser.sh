#!/usr/bin/env bash
# Opens the comparison report (comparison/target/comparison/comparison.html) in a real headless browser,
# Debian's Chromium, takes a screenshot of it, and fails unless the rendered page has the operations table,
# the three statements-versus-users charts, the chart of median times and the side-by-side SQL of every operation,
# and fetches nothing from the network.
#
#   scripts/check-report-in-browser.sh [screenshot.png]
#
# Writes the report first (the README's first command) when it is missing. Installs Chromium with apt-get when
# /usr/bin/chromium is missing (needs root). The screenshot defaults to comparison/target/comparison/comparison.png.
set -euo pipefail
cd "$(dirname "$0")/.."

report=comparison/target/comparison/comparison.html
screenshot=${1:-comparison/target/comparison/comparison.png}

if [ ! -f "$report" ]; then
  echo "== no report yet: writing it with the README's first command"
  ./mvnw -B -q -pl comparison -am compile exec:java >/dev/null
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium"
  apt-get update
  apt-get install -y chromium
fi

profile=$(mktemp -d)
dom=$(mktemp)
trap 'rm -rf "$profile" "$dom"' EXIT
# The background-networking flags keep Chromium from calling home: on a closed network those calls fail.
chromium_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars
  --user-data-dir="$profile")
url="file://$(realpath "$report")"

echo "== rendering $report in $(/usr/bin/chromium --version 2>/dev/null)"
/usr/bin/chromium "${chromium_flags[@]}" --window-size=1280,2400 --screenshot="$(realpath -m "$screenshot")" \
  "$url" 2>/dev/null
/usr/bin/chromium "${chromium_flags[@]}" --dump-dom "$url" >"$dom" 2>/dev/null

failures=0
# expect <description> <minimum> <count>: fails the check when count < minimum.
expect() {
  if [ "$3" -ge "$2" ]; then
    echo "   ok   $1: $3"
  else
    echo "   FAIL $1: $3, expected at least $2"
    failures=$((failures + 1))
  fi
}
count() { grep -o -- "$1" "$dom" | wc -l; }
section() { sed -n "/<section id=\"$1\">/,/<\/section>/p" "$dom"; }

echo "== checking the rendered DOM"
expect "operations table" 1 "$(count '<table id="operations-table">')"
expect "operations in the table (rows)" 12 "$(count '<tr data-operation=')"
expect "library columns (Hibernate ORM, MyBatis, Jdbi)" 3 \
  "$(section operations | grep -o -e '<th>Hibernate ORM</th>' -e '<th>MyBatis</th>' -e '<th>Jdbi</th>' | wc -l)"
expect "statements-versus-users charts (svg)" 3 "$(section statements-chart | grep -o '<svg' | wc -l)"
expect "lines in them (JOINED, SELECT_IN, SUBQUERY, NAIVE per library)" 12 "$(section statements-chart | grep -o '<polyline' | wc -l)"
expect "NAIVE reaching N + 1 = 201 statements" 3 "$(section statements-chart | grep -o 'NAIVE, users (N) = 200: 201' | wc -l)"
expect "median-time chart (svg)" 1 "$(section time-chart | grep -o '<svg' | wc -l)"
expect "bars in it (12 operations x 3 libraries)" 36 "$(section time-chart | grep -o '<rect[^>]*height="9.0"' | wc -l)"
expect "side-by-side SQL blocks (one per operation)" 12 "$(count 'class="sql-grid"')"
expect "SQL listings (3 per operation)" 36 "$(section sql | grep -o '<pre>' | wc -l)"
if grep -q 'id="failures"' "$dom"; then
  echo "   FAIL the page reports a run that broke the contract"
  failures=$((failures + 1))
fi
external=$(grep -o -E '(src|href)="[^"]*"|url\([^)]*\)|https?://[^" ]*' "$dom" | grep -v -F 'http://www.w3.org/2000/svg' || true)
if [ -n "$external" ]; then
  echo "   FAIL the page refers to something outside itself: $external"
  failures=$((failures + 1))
else
  echo "   ok   standalone: no link, script, stylesheet or image to fetch"
fi
size=$(stat -c %s "$screenshot" 2>/dev/null || echo 0)
expect "screenshot bytes ($screenshot)" 20000 "$size"

if [ "$failures" -gt 0 ]; then
  echo "== the report page is incomplete: $failures check(s) failed"
  exit 1
fi
echo "== the report page renders with its table, its charts and the SQL side by side; screenshot: $screenshot"
