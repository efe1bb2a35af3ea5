#!/usr/bin/env bash
# Renders the slides (Marp Markdown) to one standalone HTML page per language, with Marp CLI from the npm registry
# (Node.js 18 or newer; npx downloads the pinned version the first time):
#
#   scripts/render-slides.sh            target/slides/slides.html and target/slides/slides.ru.html
#   scripts/render-slides.sh --pdf      the same as PDF too (needs Chrome or Chromium; CHROME_PATH if not found)
#   scripts/render-slides.sh --notes    the speaker notes as text too (slides.txt, slides.ru.txt)
#
# In the HTML page, the arrow keys turn the slides, F goes full screen, and P opens the presenter view: the current
# slide, the next one, and the speaker notes (the <!-- --> comments of each slide), which the room does not see.
# Exit status: 0 when every page was written, 1 when Marp failed, 2 on a usage error.
set -uo pipefail
cd "$(dirname "$0")/.."

# The version these slides were rendered with; a newer one may lay them out differently.
marp=@marp-team/marp-cli@4.5.1
formats=(html)
for arg in "$@"; do
  case "$arg" in
    --pdf) formats+=(pdf) ;;
    --notes) formats+=(notes) ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
command -v npx >/dev/null || { echo "npx not found: install Node.js 18 or newer (it brings npm and npx)" >&2; exit 1; }
if [[ -z "${CHROME_PATH:-}" ]]; then
  for browser in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    [[ -x "$browser" ]] && export CHROME_PATH=$browser && break
  done
fi

out=target/slides
mkdir -p "$out"
for source in docs/slides.md docs/ru/slides.md; do
  name=slides
  [[ "$source" == docs/ru/* ]] && name=slides.ru
  for format in "${formats[@]}"; do
    case "$format" in
      html) args=(-o "$out/$name.html") ;;
      pdf) args=(--pdf --allow-local-files -o "$out/$name.pdf") ;;
      notes) args=(--notes -o "$out/$name.txt") ;;
    esac
    npx --yes "$marp" "$source" "${args[@]}" || exit 1
  done
done
ls -l "$out"
