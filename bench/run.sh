#!/usr/bin/env bash
# Tradeline benchmark: Tradeline against nginx serving the same bytes, in one run, alternating.
# Usage: bash bench/run.sh   (from a clone; installs nginx and wrk from Debian when missing)
# Writes the tables to bench/RESULTS.md (keeping its "## Soak" section, which bench/soak.sh writes), then
# runs bench/startup.sh (start-up with and without the Java 25 AOT cache; its "## Start-up" section).
# Settings: DURATION (s, default 10), CONNECTIONS (32), HEAP (256m), JAVA_OPTS (see below), STARTUP=0 to
# skip bench/startup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
HEAP=${HEAP:-256m}
# The production JVM settings README "Heap and memory" recommends: a capped heap, the serial
# collector (one small heap, two cores: least memory, short young pauses) and a heap that gives
# memory back after a burst.
# The native heap handed back to the OS every 2 s (Java 17.0.9+; idle RSS -15 MB), no per-thread NIO buffer
# kept above 256 KB, and two malloc arenas: README "Heap and memory".
JAVA_OPTS=${JAVA_OPTS:-"-Xms24m -Xmx$HEAP -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Xss512k -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000 -Djdk.nio.maxCachedBufferSize=262144"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
APP_PORT=18080
NGINX_PORT=18081
APP=http://127.0.0.1:$APP_PORT

command -v wrk >/dev/null && command -v nginx >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null; }
./mvnw -q -B package -DskipTests -Dskip.npm
APP_PID=
cleanup() {
  [ -f "$OUT/nginx.pid" ] && nginx -c "$OUT/nginx.conf" -s stop 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
}
trap cleanup EXIT
if curl -s -o /dev/null "$APP/"; then echo "port $APP_PORT is already in use" >&2; exit 1; fi

rm -rf "$OUT" && mkdir -p "$OUT/timelines" "$OUT/data" "$OUT/www"
python3 bench/generate.py 10000 > "$OUT/timelines/bench-10k.yaml"

start_app() { # log-name [extra JVM options]
  QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1 TRADELINE_DATA_DIR="$OUT/data" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:retry:$OUT/data/tradeline;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=4096" \
  TRADELINE_IMPORTING_DIRS="timelines,$OUT/timelines" TRADELINE_ADMIN_PASSWORD=bench-password-1 \
  TRADELINE_SESSION_SECRET=bench-secret TRADELINE_SITE_BASE_URL=$APP \
    java $JAVA_OPTS ${2:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/app-$1.log" 2>&1 &
  APP_PID=$!
  local t0; t0=$(date +%s.%N)
  until curl -sf -o /dev/null "$APP/timelines/nippon-steel-us-steel"; do sleep 0.02; done
  STARTUP=$(echo "$(date +%s.%N) - $t0" | bc)
}
rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID") / 1024 )); }

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

# The first start is also the training run of an application class-data-sharing archive (AppCDS,
# JDK 17's -XX:ArchiveClassesAtExit): it records the classes a start and the first requests load,
# and later starts map them instead of loading them again.
echo "First start (fresh database, imports 10,000 events; records the CDS archive)…"
start_app first "-XX:ArchiveClassesAtExit=$OUT/tradeline.jsa"
FIRST_START=$STARTUP
for p in / /timelines/nippon-steel-us-steel /api/timelines/nippon-steel-us-steel \
    /timelines/nippon-steel-us-steel/events/biden-blocks-acquisition /timelines/nippon-steel-us-steel/feed.atom; do
  curl -sf -o /dev/null "$APP$p"
done
stop_app
echo "Second start (existing database, no CDS archive)…"
start_app plain
PLAIN_START=$STARTUP
stop_app
echo "Third start (existing database, with the CDS archive)…"
start_app second "-XX:SharedArchiveFile=$OUT/tradeline.jsa"
SECOND_START=$STARTUP
sleep 3
RSS_IDLE=$(rss_mb)

# name|path|file served by nginx
ENDPOINTS=(
  "timeline page|/timelines/nippon-steel-us-steel|timeline.html"
  "timeline JSON|/api/timelines/nippon-steel-us-steel|timeline.json"
  "permalink page|/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition|event.html"
  "TimelineJS export|/api/timelines/nippon-steel-us-steel/timelinejs|timelinejs.json"
  "Atom feed|/timelines/nippon-steel-us-steel/feed.atom|feed.atom"
  "filtered page|/timelines/nippon-steel-us-steel?category=litigation|filtered.html"
  "10k: first page|/timelines/bench-10k|big.html"
  "10k: JSON events page|/api/timelines/bench-10k/events|big-events.json"
)
. bench/wrk.sh
serve_same_bytes
compare_endpoints
ETAG=$(curl -sI "$APP/api/timelines/nippon-steel-us-steel" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
NETAG=$(curl -sI "$BASE/timeline.json" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
t=$(measure "$APP/api/timelines/nippon-steel-us-steel" "If-None-Match: $ETAG")
n=$(measure "$BASE/timeline.json" "If-None-Match: $NETAG")
row "304 revalidation (JSON)" "$t" "$n"
RSS_LOAD=$(rss_mb)

# Full exports of the 10,000-event timeline: the first request writes the file (streaming), later
# ones send it. Time and size of each, then the process's RSS.
EXPORT_ROWS=""
for e in "TimelineJS JSON|/api/timelines/bench-10k/timelinejs" "CSV|/timelines/bench-10k/events.csv" \
    "Atom|/timelines/bench-10k/feed.atom" "iCalendar|/timelines/bench-10k/calendar.ics" "timeline JSON|/api/timelines/bench-10k"; do
  IFS='|' read -r name path <<< "$e"
  read -r cold size <<< "$(curl -sf -o /dev/null -w '%{time_total} %{size_download}' "$APP$path")"
  read -r warm _ <<< "$(curl -sf -o /dev/null -w '%{time_total} %{size_download}' "$APP$path")"
  read -r gz gzsize <<< "$(curl -sf -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} %{size_download}' "$APP$path")"
  EXPORT_ROWS+="| $name | $((size / 1024)) KB | $cold s | $warm s | $((gzsize / 1024)) KB in $gz s |"$'\n'
  echo "export $name: $size bytes, first $cold s, then $warm s"
done
RSS_EXPORTS=$(rss_mb)

# Writes: each creation through the API, then a read of its permalink page and of the timeline JSON, which must show it.
WRITES=${WRITES:-300}
WRITE_RATE=$(python3 bench/writes.py "$APP" "$WRITES")

# Keep the sections the other scripts write: "## Soak" (bench/soak.sh), "## Start-up" (bench/startup.sh).
SOAK=""
[ -f bench/RESULTS.md ] && SOAK=$(python3 -c 'import re, sys; t = open(sys.argv[1]).read(); print("\n".join(m.group(0).rstrip() + "\n" for m in re.finditer(r"(?ms)^## (Soak|Start-up)$.*?(?=^## |\Z)", t)))' bench/RESULTS.md)
CPU=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
JAVA=$(java -version 2>&1 | head -1)
{
  echo "# Benchmark results"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bash bench/run.sh\` on $(nproc) cores ($CPU), $JAVA,"
  echo "\`$JAVA_OPTS\`. wrk -t2 -c$CONNECTIONS -d${DURATION}s against Tradeline and against nginx ($(nginx -v 2>&1 | sed 's/.*: //'),"
  echo "one worker per core) serving the same bytes, alternating, both on loopback, sharing the machine with wrk. Latencies in ms."
  echo
  echo "| response | Tradeline req/s | p50 | p99 | nginx req/s | p50 | p99 | Tradeline/nginx |"
  echo "|---|---|---|---|---|---|---|---|"
  printf "%s" "$ROWS"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  printf "| start to first 200, fresh database (imports 28 + 10,000 events) | %.2f s |\n" "$FIRST_START"
  printf "| start to first 200, existing database, with the AppCDS archive | %.2f s |\n" "$SECOND_START"
  printf "| start to first 200, existing database, without it | %.2f s |\n" "$PLAIN_START"
  echo "| RSS idle (after the start with the archive) | ${RSS_IDLE} MB |"
  echo "| RSS after the wrk runs | ${RSS_LOAD} MB |"
  echo "| RSS after the 10,000-event exports | ${RSS_EXPORTS} MB |"
  echo "| writes: event created via the API, then page and JSON read back showing it | ${WRITE_RATE} events/s |"
  echo
  echo "Full exports of the 10,000-event timeline (curl, one at a time):"
  echo
  echo "| export | size | first request (writes the file) | next request | gzip |"
  echo "|---|---|---|---|---|"
  printf "%s" "$EXPORT_ROWS"
  if [ -n "$SOAK" ]; then echo; echo "$SOAK"; fi
} > bench/RESULTS.md
cat bench/RESULTS.md

if [ "${STARTUP:-1}" != 0 ]; then
  stop_app
  bash bench/startup.sh
fi
