#!/usr/bin/env bash
# Render a report.html with headless Chromium and save a full-page PNG, to look at it the way a
# person would. Usage: scripts/screenshot.sh [REPORT_HTML] [OUT_PNG] [HEIGHT]
# Skips (exit 0, saying so) when no Chromium is installed: `apt-get install chromium`.
set -euo pipefail
html=${1:-reports/sample/report.html}
out=${2:-/tmp/skillfit-report.png}
height=${3:-6000}
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then
  echo "skipping: no Chromium installed (apt-get install chromium)"
  exit 0
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --virtual-time-budget=10000 --window-size=1280,"$height" \
  --screenshot="$out" "file://$(realpath "$html")" 2>/dev/null
echo "screenshot: $out"
