#!/usr/bin/env bash
# Several instances on one PostgreSQL: instance B's read throughput with revisions pushed
# (tradeline.cache.revisions=push, the default on PostgreSQL) and read per request (database),
# each against one H2 instance (the default build) in the same run, alternating; and how long a
# write acknowledged by instance A takes to be visible on B and C (bench/visible.py).
# Usage: bash bench/instances.sh   (runs itself under .ci/postgresql, a throwaway PostgreSQL server,
# unless QUARKUS_DATASOURCE_JDBC_URL names one; installs wrk from Debian when missing)
# Writes the "Several instances" section of bench/RESULTS.md, replacing an earlier one.
# Settings: DURATION (s, 10), CONNECTIONS (32), WRITES (200), JAVA_OPTS (as bench/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
  exec .ci/postgresql bash bench/instances.sh "$@"
fi
ROOT=$(pwd)
OUT=$ROOT/bench/out/instances
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
WRITES=${WRITES:-200}
JAVA_OPTS=${JAVA_OPTS:-"-Xms24m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Xss512k"}
PASSWORD=bench-password-1
# Free ports (the machine may run other copies of the app): the H2 instance, then A, B and C.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
H2_PORT=$(free_port)
PORTS=($(free_port) $(free_port) $(free_port))
url() { echo "http://127.0.0.1:$1"; }

command -v wrk >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
rm -rf "$OUT" && mkdir -p "$OUT"
# Quarkus fixes the database kind at build time: one build of each.
./mvnw -q -B package -DskipTests -Dskip.npm
cp -r target/quarkus-app "$OUT/h2-app"
./mvnw -q -B package -DskipTests -Dskip.npm -Ppostgresql
cp -r target/quarkus-app "$OUT/pg-app"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # name port app [env…]: starts an instance in its own folder and waits for its first 200
  local name=$1 port=$2 app=$3; shift 3
  mkdir -p "$OUT/$name"
  (cd "$OUT/$name" && env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 TRADELINE_DATA_DIR="$OUT/$name/data" \
    TRADELINE_IMPORTING_DIRS="$ROOT/timelines" TRADELINE_ADMIN_PASSWORD=$PASSWORD TRADELINE_SESSION_SECRET=bench-secret "$@" \
    java $JAVA_OPTS -jar "$OUT/$app/quarkus-run.jar" >> "$OUT/$name.log" 2>&1) &
  PIDS+=($!)
  until curl -sf -o /dev/null "$(url "$port")/timelines/nippon-steel-us-steel"; do sleep 0.2; done
}
stop_instances() { # stops A, B and C (not the H2 instance, the first started)
  for p in "${PIDS[@]:1}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PIDS=("${PIDS[0]}")
}
start_instances() { # mode
  local i=0
  for name in a b c; do
    start "$name" "${PORTS[$i]}" pg-app TRADELINE_CACHE_REVISIONS="$1"
    i=$((i + 1))
  done
}

measure() { # url → "req/s p99"
  wrk -t2 "-c$CONNECTIONS" "-d${DURATION}s" --latency "$1" > "$OUT/wrk.txt"
  echo "$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt") $(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")"
}
ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.1f", n }'; }
ENDPOINTS=(
  "timeline JSON|/api/timelines/nippon-steel-us-steel"
  "timeline page|/timelines/nippon-steel-us-steel"
  "Atom feed|/timelines/nippon-steel-us-steel/feed.atom"
)
declare -A RESULT
throughput() { # mode: B against the H2 instance, alternating, after a warm-up of both
  local b; b=$(url "${PORTS[1]}")
  for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path <<< "$e"
    wrk -t2 "-c$CONNECTIONS" -d3s "$(url $H2_PORT)$path" > /dev/null
    wrk -t2 "-c$CONNECTIONS" -d3s "$b$path" > /dev/null
    RESULT["$1|$name|h2"]=$(measure "$(url $H2_PORT)$path")
    RESULT["$1|$name|pg"]=$(measure "$b$path")
    echo "$1, $name: H2 ${RESULT["$1|$name|h2"]}, B ${RESULT["$1|$name|pg"]}"
  done
}
visible() { # mode
  RESULT["$1|visible"]=$(python3 bench/visible.py "$(url "${PORTS[0]}")" "$(url "${PORTS[1]}"),$(url "${PORTS[2]}")" "$WRITES" $PASSWORD)
  echo "$1, write on A to visible on B and C: ${RESULT["$1|visible"]}"
}

load() { cut -d' ' -f1 /proc/loadavg; }
LOAD_BEFORE=$(load)
echo "Starting the H2 instance and three PostgreSQL instances (push)…"
start h2 $H2_PORT h2-app QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:retry:$OUT/h2/data/tradeline;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=4096"
start_instances push
throughput push
visible push
echo "The same three instances, revisions read per request (database)…"
stop_instances
start_instances database
throughput database
visible database

ROWS=""
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name path <<< "$e"
  read -r ph2 ph2p99 <<< "${RESULT["push|$name|h2"]}"; read -r push pushp99 <<< "${RESULT["push|$name|pg"]}"
  read -r dh2 dh2p99 <<< "${RESULT["database|$name|h2"]}"; read -r db dbp99 <<< "${RESULT["database|$name|pg"]}"
  ROWS+="| $name | $ph2 | $push | $(ms "$pushp99") | **$(awk -v a="$push" -v b="$ph2" 'BEGIN { printf "%.2f", a/b }')** | $dh2 | $db | $(ms "$dbp99") | $(awk -v a="$db" -v b="$dh2" 'BEGIN { printf "%.2f", a/b }') |"$'\n'
done
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
VROWS=""
for mode in push database; do
  v=${RESULT["$mode|visible"]}
  VROWS+="| \`$mode\` | $(field "$v" writes) | $(field "$v" p50_ms) | $(field "$v" p99_ms) | $(field "$v" max_ms) | $(field "$v" answered_p50_ms) | $(field "$v" answered_p99_ms) | $(field "$v" own_misses) |"$'\n'
done
CPU=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
PG=$(psql --version 2>/dev/null | awk '{print $3}')
SECTION="## Several instances

Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bash bench/instances.sh\` on $(nproc) cores ($CPU) shared with other work
(load average over 1 min: $LOAD_BEFORE at the start, $(load) at the end), $(java -version 2>&1 | head -1),
\`$JAVA_OPTS\`. Three instances of the \`-Ppostgresql\` build (A, B, C) on one PostgreSQL ${PG:-15} on the same
machine, and one instance of the default build on its embedded H2. wrk -t2 -c$CONNECTIONS -d${DURATION}s against instance B
alone, alternating with the H2 instance after a warm-up of both; then the three instances restarted with
\`tradeline.cache.revisions=database\` and measured the same way. Latencies in ms.

| response | H2 req/s | B, \`push\` req/s | p99 | push/H2 | H2 req/s | B, \`database\` req/s | p99 | database/H2 |
|---|---|---|---|---|---|---|---|---|
${ROWS}
Write to visible elsewhere (\`bench/visible.py\`): $WRITES updates of one event through A's JSON API, one at a time;
after each acknowledgement B and C are read every 2 ms until each shows it, and A is read once (\"A missed\": reads
on the writer's own instance that did not show its acknowledged write). \"Stale\" is the time from the
acknowledgement to the start of the first read that showed the write (a read begun later shows it), over every
write and instance; \"answered\" is to the end of that read, which includes the instance rebuilding the changed
answer, as every first reader after a write waits for on any instance.

| revision mode | writes | stale p50 ms | stale p99 ms | stale max ms | answered p50 ms | answered p99 ms | A missed |
|---|---|---|---|---|---|---|---|
${VROWS}"
python3 bench/section.py bench/RESULTS.md "$SECTION"
echo; echo "$SECTION"
