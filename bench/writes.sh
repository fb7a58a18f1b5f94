#!/usr/bin/env bash
# Write-then-read rate (bench/writes.py) on the seeded timeline and on a 2,000-event one, 4 clients.
# Usage: bash bench/writes.sh [quarkus-app folder] [label]
#   The folder defaults to target/quarkus-app (build it first: ./mvnw -q -B package -DskipTests -Dskip.npm).
#   To compare with another build in the same run, copy its target/quarkus-app aside and pass it.
#   PostgreSQL: a -Ppostgresql build, run under .ci/postgresql (which sets QUARKUS_DATASOURCE_JDBC_URL
#   and the credentials; the database must be fresh for each run).
# Settings: WRITES (per timeline, default 300), WRITES_2K (on the 2,000-event one, default WRITES),
#   WARMUP (write-read-delete cycles on each timeline before measuring, 6000; WARMUP_2K on the 2,000-event
#   one, 12000), CLIENTS (4; each a process of its own, CLIENT_THREADS=1 for threads of one process),
#   JFR=file.jfr (records a JFR profile of the measured runs), JAVA_OPTS, PORT (18082).
# Prints one line per timeline: "label seeded|2k cycles/s load-average server-cpu=ms/cycle" (and
#   "database-cpu=ms/cycle" on PostgreSQL), then
#   "label seeded-rebuild median … ms": the first read after a timeline edit, which rebuilds the
#   snapshot from the database with the warm-up's 12,000 revisions in the history (bench/rebuild.py).
set -euo pipefail
cd "$(dirname "$0")/.."
APP_DIR=${1:-target/quarkus-app}
LABEL=${2:-$(git rev-parse --short HEAD)}
WRITES=${WRITES:-300}
WRITES_2K=${WRITES_2K:-$WRITES}
# The JIT needs thousands of cycles before it stops compiling (on 2 cores C2 took a third of the CPU
# for the first few thousand, and the 2,000-event timeline's paths need their own): the warm-up
# cycles delete each event once checked, so the measured timelines keep their sizes.
WARMUP=${WARMUP:-6000}
# The 2,000-event timeline's paths take longer: C2's CPU per 1,000 cycles there fell 974, 716, 382, 271,
# 150, 96, 69 ticks over the first 7,000 (2026-12-01), so it gets 12,000 before it is measured.
WARMUP_2K=${WARMUP_2K:-12000}
PORT=${PORT:-18082}
HEAP=${HEAP:-256m}
JAVA_OPTS=${JAVA_OPTS:-"-Xms24m -Xmx$HEAP -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Xss512k"}
OUT=$(mktemp -d /tmp/tradeline-writes.XXXXXX)
APP=http://127.0.0.1:$PORT
mkdir -p "$OUT/timelines" "$OUT/data"
python3 bench/generate.py 2000 | sed 's/^slug: bench-10k$/slug: bench-2k/' > "$OUT/timelines/bench-2k.yaml"
if curl -s -o /dev/null "$APP/"; then echo "port $PORT is already in use" >&2; exit 1; fi
EXTRA=()
[ -n "${JFR:-}" ] && EXTRA+=("-XX:StartFlightRecording=filename=$JFR,settings=profile,delay=20s")
QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 TRADELINE_DATA_DIR="$OUT/data" \
QUARKUS_DATASOURCE_JDBC_URL="${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:h2:retry:$OUT/data/tradeline;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=4096}" \
TRADELINE_IMPORTING_DIRS="timelines,$OUT/timelines" TRADELINE_ADMIN_PASSWORD=bench-password-1 \
TRADELINE_SESSION_SECRET=bench-secret TRADELINE_SITE_BASE_URL=$APP \
  java $JAVA_OPTS "${EXTRA[@]}" -jar "$APP_DIR/quarkus-run.jar" > "$OUT/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null; rm -rf "$OUT"' EXIT
until curl -sf -o /dev/null "$APP/timelines/bench-2k"; do
  kill -0 $APP_PID 2>/dev/null || { cat "$OUT/app.log" >&2; exit 1; }
  sleep 0.2
done
# One sign-in (a bcrypt check, about 0.5 s of CPU) for every run, made before any CPU is counted.
AUTH=$(cd bench && python3 -c "import sys; from apitoken import bearer; print(bearer(sys.argv[1], 'bench-password-1', 'bench'))" "$APP")
export AUTH
for slug in nippon-steel-us-steel bench-2k; do
  CLEANUP=1 SLUG=$slug python3 bench/writes.py "$APP" "$([ "$slug" = bench-2k ] && echo "$WARMUP_2K" || echo "$WARMUP")" > /dev/null
done
# On PostgreSQL, its processes' CPU too (every process called postgres on this machine, the pool's
# sessions included, which live as long as the server): there it shares the cores with the server.
database_ticks() {
  case "${QUARKUS_DATASOURCE_JDBC_URL:-}" in
    jdbc:postgresql:*) for p in $(pgrep -x postgres); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done \
        | awk '{s += $1} END {print s + 0}' ;;
  esac
}
for slug in nippon-steel-us-steel bench-2k; do
  n=$([ "$slug" = bench-2k ] && echo "$WRITES_2K" || echo "$WRITES")
  cpu0=$(awk '{print $14 + $15}' /proc/$APP_PID/stat)
  db0=$(database_ticks)
  rate=$(SLUG=$slug python3 bench/writes.py "$APP" "$n")
  cpu1=$(awk '{print $14 + $15}' /proc/$APP_PID/stat)
  db1=$(database_ticks)
  name=$([ "$slug" = bench-2k ] && echo 2k || echo seeded)
  # The server's own CPU per cycle (user + system; the sign-in was made before the warm-up) is
  # steadier than the rate on a shared machine, where the clients and other work take the same cores.
  ms=$(python3 -c "import os; print(f'{($cpu1 - $cpu0) * 1000 / os.sysconf(\"SC_CLK_TCK\") / $n:.2f}')")
  db=""
  [ -n "$db0" ] && db=" database-cpu=$(python3 -c "import os; print(f'{($db1 - $db0) * 1000 / os.sysconf(\"SC_CLK_TCK\") / $n:.2f}')")ms/cycle"
  echo "$LABEL $name $rate $(cut -d' ' -f1-3 /proc/loadavg) server-cpu=${ms}ms/cycle$db"
done
echo "$LABEL seeded-rebuild $(python3 bench/rebuild.py "$APP" nippon-steel-us-steel 40)"
