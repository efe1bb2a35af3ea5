#!/usr/bin/env bash
# The room's real minutes per exercise, from the participants' .exercise-times.tsv files (the board writes one at
# the root of each participant's clone; ./exercise --times prints it). Collect one file per participant after the
# session (any names: anna.tsv, boris.tsv, ...), then:
#
#   scripts/collect-times.sh times/*.tsv
#
# prints, per library and exercise: how many participants ran it and how many made it pass, and the minutes it took
# those who did (the median, the fastest, the slowest). A cell's minutes run from its first run to its first ✔; when
# the participant's previous exercise in that library went green later than this one's first run (the whole board
# run at the start, say), they run from that green instead, so that a board run early does not count as work.
# Cells run only on solutions/ are never recorded. No JDK needed: bash and awk (POSIX).
# Exit status: 0, or 2 on a usage error (no file, or a file that is not there).
set -uo pipefail

if [[ $# -eq 0 ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
for file in "$@"; do
  [[ -f "$file" ]] || { echo "no such file: $file" >&2; exit 2; }
done

awk -F'\t' '
  # seconds since 1970 of an ISO-8601 instant in UTC, 2026-12-03T09:12:33Z (days from the civil date)
  function epoch(t,   y, m, d, era, yoe, doy, doe) {
    y = substr(t, 1, 4) + 0; m = substr(t, 6, 2) + 0; d = substr(t, 9, 2) + 0
    if (m <= 2) y--
    era = int((y >= 0 ? y : y - 399) / 400)
    yoe = y - era * 400
    doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
    doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
    return (era * 146097 + doe - 719468) * 86400 \
      + substr(t, 12, 2) * 3600 + substr(t, 15, 2) * 60 + substr(t, 18, 2)
  }
  /^#/ || NF < 4 || $3 == "" { next }
  {
    key = FILENAME SUBSEP $1 SUBSEP ($2 + 0)
    run[key] = epoch($3)
    if ($4 != "") green[key] = epoch($4)
    cells[$1 SUBSEP ($2 + 0)] = 1
  }
  END {
    printf "%-9s %-9s %-12s %-7s %-8s %-8s\n", "library", "exercise", "passed/ran", "median", "fastest", "slowest"
    n = 0
    for (cell in cells) order[++n] = cell
    # sort the cells by library, then exercise number (insertion sort: a room has at most 30 cells)
    for (i = 2; i <= n; i++) {
      cur = order[i]; split(cur, ci, SUBSEP)
      for (j = i - 1; j >= 1; j--) {
        split(order[j], cj, SUBSEP)
        if (cj[1] < ci[1] || (cj[1] == ci[1] && cj[2] + 0 <= ci[2] + 0)) break
        order[j + 1] = order[j]
      }
      order[j + 1] = cur
    }
    for (i = 1; i <= n; i++) {
      split(order[i], c, SUBSEP)
      ran = 0; passed = 0; delete minutes
      for (key in run) {
        split(key, k, SUBSEP)
        if (k[2] != c[1] || k[3] + 0 != c[2] + 0) continue
        ran++
        if (!(key in green)) continue
        start = run[key]
        previous = k[1] SUBSEP k[2] SUBSEP (k[3] - 1)
        if ((previous in green) && green[previous] > start && green[previous] <= green[key]) start = green[previous]
        minutes[++passed] = int((green[key] - start) / 60)
      }
      for (a = 2; a <= passed; a++) {
        v = minutes[a]
        for (b = a - 1; b >= 1 && minutes[b] > v; b--) minutes[b + 1] = minutes[b]
        minutes[b + 1] = v
      }
      if (passed == 0) {
        printf "%-9s %-9s %-12s %-7s %-8s %-8s\n", c[1], c[2], passed "/" ran, "-", "-", "-"
      } else {
        median = passed % 2 ? minutes[(passed + 1) / 2] : (minutes[passed / 2] + minutes[passed / 2 + 1]) / 2
        printf "%-9s %-9s %-12s %-7s %-8s %-8s\n", c[1], c[2], passed "/" ran, median, minutes[1], minutes[passed]
      }
    }
  }
' "$@"
