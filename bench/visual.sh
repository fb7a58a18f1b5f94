#!/usr/bin/env bash
# Issue 11's figures: the seeded page's weight (gzipped, with its CSS), the share cards' first render,
# the 10,000-event overview (time and size), and the pages' throughput against nginx serving the same bytes.
# Usage: bash bench/visual.sh   (from a clone; installs nginx and wrk from Debian when missing)
# Prints a Markdown section; paste it into bench/RESULTS.md. Settings: DURATION (s, default 10), CONNECTIONS (32).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
OUT=$(pwd)/bench/out-visual
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
APP_PORT=${APP_PORT:-$(free_port)}
NGINX_PORT=${NGINX_PORT:-$(free_port)}
SEED=/timelines/nippon-steel-us-steel
. bench/wrk.sh

command -v wrk >/dev/null && command -v nginx >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null; }
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B package -DskipTests -Dskip.npm
cleanup() {
  stop_nginx
  stop_app
}
trap cleanup EXIT
trap 'exit 143' INT TERM  # so that the EXIT trap stops the app and nginx
rm -rf "$OUT" && mkdir -p "$OUT/timelines"
python3 bench/generate.py 10000 > "$OUT/timelines/bench-10k.yaml"
echo "Starting Tradeline (imports the seeded timeline and 10,000 generated events)…" >&2
start_app visual

gz() { curl -sf -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$APP$1"; }
plain() { curl -sf -o /dev/null -w '%{size_download}' "$APP$1"; }

# Share cards: the first request for each (drawn then), the next (from the cache). The timelines' pages
# are asked for first, so that loading a timeline from the database is not counted as drawing its card.
curl -sf -o /dev/null "$APP$SEED"; curl -sf -o /dev/null "$APP/timelines/bench-10k"
CARD_ROWS=""
for c in "timeline|$SEED/card.png" "event|$SEED/events/biden-blocks-acquisition/card.png" \
    "event (span)|$SEED/events/cfius-review-period/card.png" "10,000-event timeline|/timelines/bench-10k/card.png"; do
  IFS='|' read -r name path <<< "$c"
  read -r first size <<< "$(curl -sf -o /dev/null -w '%{time_total} %{size_download}' "$APP$path")"
  read -r next _ <<< "$(curl -sf -o /dev/null -w '%{time_total} %{size_download}' "$APP$path")"
  etag=$(curl -sfI "$APP$path" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$APP$path")
  CARD_ROWS+="| $name | $((size / 1024)) KB | $(awk -v s="$first" 'BEGIN { printf "%.0f", s * 1000 }') ms | $(awk -v s="$next" 'BEGIN { printf "%.1f", s * 1000 }') ms | $status |"$'\n'
done

# Weight: the page and every stylesheet it links, as a browser asking for gzip gets them.
PAGE_GZ=$(gz "$SEED"); PAGE=$(plain "$SEED")
curl -sf "$APP$SEED" > "$OUT/seed.html"
CSS_ROWS=""; CSS_GZ=0
for css in $(grep -o '<link rel="stylesheet" href="[^"]*"' "$OUT/seed.html" | sed 's/.*href="//; s/"$//'); do
  g=$(gz "$css"); CSS_GZ=$((CSS_GZ + g))
  CSS_ROWS+="| $css | $(plain "$css") B | $g B |"$'\n'
done
FONTS=$(cat src/main/resources/META-INF/resources/static/*.css | grep -c '@font-face' || true)

# The overview: its bytes in the served pages, and the application's code drawing the 10,000 events here.
svg_bytes() { # the overview's <svg class="ov"> element (it holds nested svg elements), in bytes
  python3 -c '
import re, sys
s = sys.stdin.read(); i = s.find("<svg class=\"ov\""); depth = 0
for m in re.finditer(r"<svg\b|</svg>", s[i:]):
    depth += 1 if m.group(0) == "<svg" else -1
    if depth == 0: print(len(s[i:i + m.end()].encode())); break'
}
SEED_SVG=$(curl -sf "$APP$SEED" | svg_bytes)
BIG_SVG=$(curl -sf "$APP/timelines/bench-10k" | svg_bytes)
read -r N BENCH_SVG FIRST_CPU FIRST_WALL MEDIAN_CPU MEDIAN_WALL <<< "$(java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' \
  bench/OverviewBench.java "$APP/api/timelines/bench-10k")"

# Throughput: the pages that carry the overview, against nginx serving the bytes Tradeline sent.
ENDPOINTS=("timeline page|$SEED|timeline.html" "key events only|$SEED?key=true|key.html" "embed|/embed$SEED|embed.html"
  "10k: first page|/timelines/bench-10k|big.html")
serve_same_bytes
compare_endpoints

CPU=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
cat <<MD
## Overview, weight and share cards

Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bash bench/visual.sh\` on $(nproc) cores ($CPU), $(java -version 2>&1 | head -1),
load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (the machine is shared).

Weight of the seeded timeline page as a browser asking for gzip gets it, with every stylesheet it links
(no web fonts: $FONTS @font-face rules in the CSS):

| response | plain | gzip |
|---|---|---|
| $SEED | $PAGE B | $PAGE_GZ B |
${CSS_ROWS}| **in all** | | **$((PAGE_GZ + CSS_GZ)) B ($(awk -v b=$((PAGE_GZ + CSS_GZ)) 'BEGIN { printf "%.1f", b / 1024 }') KB)** |

The overview: $SEED_SVG B of SVG on the seeded page, $BIG_SVG B on the 10,000-event timeline's page. Drawn by the
application's code (bench/OverviewBench.java, the $N events read from the JSON API) in this thread's CPU time:
first render $FIRST_CPU ms ($FIRST_WALL ms wall), median of 21 $MEDIAN_CPU ms ($MEDIAN_WALL ms wall), $BENCH_SVG B.

Share cards (1200 x 630 PNG), curl's total time for the first request of each (drawn then; fonts and the PNG
encoder are loaded by the first card after a start) and the next (from the cache), and a conditional GET with the ETag:

| card | size | first request | next request | If-None-Match |
|---|---|---|---|---|
${CARD_ROWS}
Pages with the overview, wrk -t2 -c$CONNECTIONS -d${DURATION}s after a 3 s warm-up, against nginx ($(nginx -v 2>&1 | sed 's/.*: //'))
serving the same bytes, alternating, on loopback. Latencies in ms.

| response | Tradeline req/s | p50 | p99 | nginx req/s | p50 | p99 | Tradeline/nginx |
|---|---|---|---|---|---|---|---|
${ROWS}
MD
