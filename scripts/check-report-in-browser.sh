#!/usr/bin/env bash
# Opens the comparison report (comparison/target/comparison/comparison.html) in a real headless browser,
# Debian's Chromium, takes a screenshot of it, and fails unless the rendered page has, for every database it
# covers, the operations table (objects for a read, rows for a write, and the rows of the libraries' own ways beside
# their operations: jOOQ's multiset, Spring Data JDBC's save of the whole aggregate), the steady-state times with
# their spread, ratios and calls (a "fastest" mark only with its word, no column naming a benchmark), the cold start
# with each library's start-up, the statements-versus-users charts on a logarithmic axis and the chart of median
# times; the side-by-side SQL of every operation and own way (long in (...) lists shortened, every annotation before
# its statement); no contract failure; and fetches nothing from the network (the only links are the page's own
# anchors).
#
#   scripts/check-report-in-browser.sh [--all] [--lang en|ru] [screenshot.png]
#
# The page of one database (the first command's, H2 by default) is checked as it is. The page of -Ddb=all is
# recognised by its database switch, and checked for a part per database (H2, PostgreSQL, MariaDB), a part that
# is not cold not headed "Cold start", the one line saying the statements agree on every database, and the times
# of every operation and library on every database; a database whose server did not answer may show
# its one line instead of its part, unless --all is given: then all three must have run.
#
# The page's language is read from its <html lang>: English or Russian (-Dlang=ru, or a Russian locale), each
# checked in its own words. --lang makes another language a failure (and writes a missing report in that one).
#
# Writes the report first (the README's first command) when it is missing. Installs Chromium with apt-get when
# /usr/bin/chromium is missing (needs root). The screenshot defaults to comparison/target/comparison/comparison.png.
set -euo pipefail
cd "$(dirname "$0")/.."

require_all=false
want_lang=''
while [ $# -gt 0 ]; do
  case "$1" in
    --all) require_all=true; shift ;;
    --lang) want_lang=${2:-}; shift 2 || shift ;;
    --lang=*) want_lang=${1#--lang=}; shift ;;
    *) break ;;
  esac
done
if [ -n "$want_lang" ] && [ "$want_lang" != en ] && [ "$want_lang" != ru ]; then
  echo "--lang: en or ru, not '$want_lang'" >&2
  exit 2
fi
report=comparison/target/comparison/comparison.html
screenshot=${1:-comparison/target/comparison/comparison.png}

if [ ! -f "$report" ]; then
  echo "== no report yet: writing it with the README's first command"
  ./mvnw -B -q -pl comparison -am compile exec:java ${want_lang:+-Dlang=$want_lang} >/dev/null
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
# The page's words in its language: the unit of a millisecond and a second, the calls of a cell, the rule's
# terms, the statements-versus-users chart's x axis.
page_lang=$(grep -o -m1 '<html lang="[a-z]*"' "$dom" | sed 's/.*lang="\([a-z]*\)"/\1/' || true)
case "$page_lang" in
  ru) ms='мс' s='с' calls_re='вызовы: [0-9]+ \+ [0-9]+\*?' rule_terms=('коэффициент вариации' 'доверительный интервал')
      users_axis='пользователи (N)' log_axis='логарифмическая шкала' fastest='быстрее всех' cold_heading='Холодный старт'
      objects='объект' rows='строк' ;;
  *) ms='ms' s='s' calls_re='[0-9]+ \+ [0-9]+\*? calls' rule_terms=('coefficient of variation' 'confidence interval')
      users_axis='users (N)' log_axis='logarithmic scale' fastest='fastest' cold_heading='Cold start'
      objects='object' rows='row' ;;
esac
# expect <description> <minimum> <count>: fails the check when count < minimum.
expect() {
  if [ "$3" -ge "$2" ]; then
    echo "   ok   $1: $3"
  else
    echo "   FAIL $1: $3, expected at least $2"
    failures=$((failures + 1))
  fi
}
# expect_none <description> <count>: fails the check unless count is 0.
expect_none() {
  if [ "$2" -eq 0 ]; then
    echo "   ok   $1"
  else
    echo "   FAIL $1: $2 found"
    failures=$((failures + 1))
  fi
}
count() { grep -o -- "$1" "$dom" | wc -l; }
section() { sed -n "/<section id=\"$1\">/,/<\/section>/p" "$dom"; }

# one_database <id prefix> <name>: the checks of one database's part of the page.
one_database() {
  local p=$1 name=$2
  local ops
  ops=$(section "${p}operations" | grep -o '<tr data-operation=' | wc -l)
  expect "$name: operations table" 1 "$(count "<table id=\"${p}operations-table\">")"
  expect "$name: operations in it (rows)" 12 "$ops"
  expect "$name: objects for a read, rows for a write, named apart" 2 \
    "$(section "${p}operations" | grep -o -E -e "· [0-9]+ $objects" -e "· [0-9]+ $rows" | sed -E 's/· [0-9]+ //' | sort -u | wc -l)"
  expect "$name: the libraries' own ways, a row each beside its operation (multiset, save of the aggregate)" 2 \
    "$(section "${p}operations" | grep -o '<tr class="own" data-own-way=' | wc -l)"
  expect "$name: ... a cell for the library that has it, a dash for each other" 2 \
    "$(section "${p}operations" | grep -o '<td class="cell none">—</td>' | wc -l)"
  expect "$name: library columns (Hibernate ORM, MyBatis, Jdbi)" 3 \
    "$(section "${p}operations" | grep -o -e '<th>Hibernate ORM</th>' -e '<th>MyBatis</th>' -e '<th>Jdbi</th>' | wc -l)"
  expect "$name: steady-state times, a row per operation" "$ops" "$(section "${p}times" | grep -o '<tr data-timed-operation=' | wc -l)"
  expect "$name: medians with their interquartile range [q1–q3]" $((3 * ops)) \
    "$(section "${p}times" | grep -o -E "<td class=\"cell time( fastest)?\">[0-9.]+ $ms \\[[0-9.]+–[0-9.]+\\]" | wc -l)"
  expect "$name: ratios to the fastest library" $((3 * ops)) "$(section "${p}times" | grep -o -E '<span class="ratio">[0-9.]+×</span>' | wc -l)"
  expect "$name: a fastest library per operation (1.00×)" "$ops" "$(section "${p}times" | grep -o '<span class="ratio">1.00×</span>' | wc -l)"
  expect "$name: calls per cell (warm-up + measured)" $((3 * ops)) \
    "$(section "${p}times" | grep -o -E "<span class=\"calls\">$calls_re</span>" | wc -l)"
  expect_none "$name: no column that names a benchmark instead of a figure (JMH row)" \
    "$(section "${p}times" | grep -c -e 'class="jmh"' -e 'JMH row' -e 'Строка JMH' || true)"
  expect "$name: a fastest mark only with its word, on a cell whose range is apart" \
    "$(section "${p}times" | grep -o 'class="cell time fastest"' | wc -l)" \
    "$(section "${p}times" | grep -o "<span class=\"mark\">$fastest</span>" | wc -l)"
  expect "$name: the rule stated (coefficient of variation, confidence interval)" 2 \
    "$(section "${p}times" | grep -o -e "${rule_terms[0]}" -e "${rule_terms[1]}" | sort -u | wc -l)"
  expect "$name: cold start, each library's start-up" 3 "$(section "${p}cold" | grep '<tr data-startup' | grep -o -E "<td class=\"cell\">[0-9.]+ ($ms|$s)</td>" | wc -l)"
  expect "$name: cold start, the first call of each operation" "$ops" "$(section "${p}cold" | grep -o '<tr data-first-call=' | wc -l)"
  expect_none "$name: a part that is not cold not headed \"$cold_heading\"" \
    "$(( $(section "${p}cold" | grep -c '<p class="not-cold">' || true) * $(section "${p}cold" | grep -c "<h2>$cold_heading</h2>" || true) ))"
  expect "$name: statements-versus-users charts (svg)" 3 "$(section "${p}statements-chart" | grep -o '<svg' | wc -l)"
  expect "$name: lines in them (JOINED, SELECT_IN, SUBQUERY, NAIVE per library)" 12 "$(section "${p}statements-chart" | grep -o '<polyline' | wc -l)"
  expect "$name: on a logarithmic scale, with ticks at 1, 2 and 200" 3 \
    "$(( $(section "${p}statements-chart" | grep -c "$log_axis" || true) > 0 ? $(section "${p}statements-chart" | grep -o -E '>(1|2|200)</text>' | sort -u | wc -l) : 0 ))"
  expect "$name: NAIVE reaching N + 1 = 201 statements" 3 "$(section "${p}statements-chart" | grep -o -F "NAIVE, $users_axis = 200: 201" | wc -l)"
  expect "$name: median-time chart (svg)" 1 "$(section "${p}time-chart" | grep -o '<svg' | wc -l)"
  expect "$name: bars in it (operations x 3 libraries)" $((3 * ops)) "$(section "${p}time-chart" | grep -o '<rect[^>]*height="9.0"' | wc -l)"
  operations=$ops
}

echo "== checking the rendered DOM (language: ${page_lang:-none})"
if [ -n "$want_lang" ] && [ "$page_lang" != "$want_lang" ]; then
  echo "   FAIL the page is in '${page_lang:-?}', not in '$want_lang' (write it with -Dlang=$want_lang)"
  failures=$((failures + 1))
fi
operations=12
if grep -q '<nav id="databases">' "$dom"; then
  echo "   the page of several databases (-Ddb=all)"
  ran=0
  for db in h2:H2 postgres:PostgreSQL mariadb:MariaDB; do
    id=${db%%:*} name=${db#*:}
    expect "$name: a part of the page, and the switch's link to it" 2 \
      "$(grep -o -e "<div class=\"database\" id=\"$id\">" -e "<a href=\"#$id\">" "$dom" | wc -l)"
    if grep -q "id=\"$id-unavailable\"" "$dom"; then
      if $require_all; then
        echo "   FAIL $name did not run: $(grep -o "id=\"$id-unavailable\">[^<]*" "$dom" | cut -c1-200)"
        failures=$((failures + 1))
      else
        echo "   note $name did not run (its server did not answer): its part says so"
      fi
    else
      one_database "$id-" "$name"
      ran=$((ran + 1))
    fi
  done
  expect "cold start labelled not cold after the first database (one JVM)" $((ran - 1)) \
    "$(grep -o '<p class="not-cold">' "$dom" | wc -l)"
  expect "statements of every database: one line saying they agree" 1 \
    "$(section statements-everywhere | grep -o '<p class="agree" id="statements-agree">' | wc -l)"
  expect_none "... and no cell where they differ" "$(section statements-everywhere | grep -o '<tr data-differing-operation=' | wc -l)"
  expect "times on every database: a row per operation and library" $((3 * operations)) \
    "$(section times-everywhere | grep -o '<tr data-timed-everywhere=' | wc -l)"
  expect "... a column per database that ran" "$ran" \
    "$(section times-everywhere | grep -o -e '<th>H2</th>' -e '<th>PostgreSQL</th>' -e '<th>MariaDB</th>' | wc -l)"
  echo "   info SQL that differs between databases: $(section sql | grep -o '<p class="differs">' | wc -l) forms, each headed by its databases"
else
  if $require_all; then
    echo "   FAIL --all: this is the page of one database, not of -Ddb=all"
    failures=$((failures + 1))
  fi
  one_database "" "the database"
fi
expect "side-by-side SQL blocks (one per operation)" "$operations" "$(count 'class="sql-grid"')"
expect "SQL listings (3 per operation at least)" $((3 * operations)) "$(section sql | grep -o '<pre>' | wc -l)"
expect "the SQL of each library's own way, after its operation's" 2 \
  "$(section sql | grep -o '<div class="sql-grid" data-own-way=' | wc -l)"
expect_none "in (...) lists of more than 5 parameters left whole (they are shortened with their count)" \
  "$(section sql | grep -c -E '\?( *, *\?){5}' || true)"
expect_none "annotations after their statement (every one stands before it)" "$(section sql | grep -c -e '-- as a batch of' || true)"
if grep -q 'id="failures"' "$dom"; then
  echo "   FAIL the page reports a run that broke the contract"
  failures=$((failures + 1))
fi
external=$(grep -o -E '(src|href)="[^"]*"|url\([^)]*\)|https?://[^" ]*' "$dom" | grep -v -F 'http://www.w3.org/2000/svg' \
  | grep -v -E '^href="#[a-z0-9-]+"$' || true)
if [ -n "$external" ]; then
  echo "   FAIL the page refers to something outside itself: $external"
  failures=$((failures + 1))
else
  echo "   ok   standalone: no link (but to its own anchors), script, stylesheet or image to fetch"
fi
size=$(stat -c %s "$screenshot" 2>/dev/null || echo 0)
expect "screenshot bytes ($screenshot)" 20000 "$size"

if [ "$failures" -gt 0 ]; then
  echo "== the report page is incomplete: $failures check(s) failed"
  exit 1
fi
echo "== the report page renders with its tables, its charts and the SQL side by side; screenshot: $screenshot"
