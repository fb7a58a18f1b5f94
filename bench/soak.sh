#!/usr/bin/env bash
# Tradeline soak: the packaged app with -Xmx256m on a fresh database, mixed reads and writes at a
# fixed rate for DURATION seconds (default 600), errors counted, heap after a full GC sampled every
# minute. Appends (or replaces) the "Soak" section of bench/RESULTS.md.
# Usage: bash bench/soak.sh   Settings: DURATION (s, 600), READ_RATE (/s, 200), WRITE_RATE (/s, 5),
# HEAP (256m), PORT (18090), SAMPLE_EVERY (s, 60), SKIP_BUILD=1 to use the jar already built.
# Needs Java 17 (java, jcmd) and python3. Exits non-zero when there was any error.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out/soak
DURATION=${DURATION:-600}
READ_RATE=${READ_RATE:-200}
WRITE_RATE=${WRITE_RATE:-5}
HEAP=${HEAP:-256m}
PORT=${PORT:-18090}
SAMPLE_EVERY=${SAMPLE_EVERY:-60}
# The same JVM settings as bench/run.sh (README "Heap and memory").
JAVA_OPTS=${JAVA_OPTS:-"-Xms24m -Xmx$HEAP -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Xss512k"}
APP=http://127.0.0.1:$PORT
PASSWORD=soak-password-1

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B package -DskipTests -Dskip.npm
if curl -s -o /dev/null "$APP/"; then echo "port $PORT is already in use" >&2; exit 1; fi
rm -rf "$OUT" && mkdir -p "$OUT/data" "$OUT/timelines"
# A 2,000-event timeline next to the seeded one, so reads cover long pages too.
python3 bench/generate.py 2000 | sed 's/^slug: bench-10k$/slug: soak-2k/' > "$OUT/timelines/soak-2k.yaml"

APP_PID=
SAMPLER_PID=
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
}
trap cleanup EXIT

QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 TRADELINE_DATA_DIR="$OUT/data" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:retry:$OUT/data/tradeline;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=4096" \
TRADELINE_IMPORTING_DIRS="timelines,$OUT/timelines" TRADELINE_ADMIN_PASSWORD=$PASSWORD \
TRADELINE_SESSION_SECRET=soak-secret TRADELINE_SITE_BASE_URL=$APP \
  java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "$APP/q/health/ready"; do
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app did not start; see $OUT/app.log" >&2; exit 1; }
  sleep 0.2
done
# The collector the JVM chose (ergonomic: G1 on 2+ cores and 1.8+ GB), for the report.
GC_NAME=$(java $JAVA_OPTS -XX:+PrintFlagsFinal -version 2>/dev/null \
  | awk '$2 ~ /^Use(G1|Serial|Parallel|Z|Shenandoah)GC$/ && $4 == "true" {sub(/^Use/, "", $2); print $2; exit}')

# Heap in use right after a full GC (what the app really keeps), and RSS, in MB.
sample() { # label
  jcmd "$APP_PID" GC.run > /dev/null || true
  local used rss
  used=$(jcmd "$APP_PID" GC.heap_info | awk '/total/ { if (match($0, /used [0-9]+K/)) { s += substr($0, RSTART + 5, RLENGTH - 6) } } END { printf "%.1f", s / 1024 }')
  rss=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
  printf '%s\t%s\t%s\n' "$1" "$used" "$rss" >> "$OUT/heap.tsv"
}
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
sample "start (before load)"
T0=$(date +%s)
(
  i=1
  while sleep "$SAMPLE_EVERY"; do sample "after $((i * SAMPLE_EVERY)) s"; i=$((i + 1)); done
) &
SAMPLER_PID=$!

echo "Soak: $DURATION s at $READ_RATE reads/s and $WRITE_RATE writes/s against $APP (pid $APP_PID, $GC_NAME)…"
python3 bench/soak.py "$APP" "$DURATION" "$READ_RATE" "$WRITE_RATE" "$PASSWORD" > "$OUT/summary.json"
kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=
sample "end (after load)"
cat "$OUT/summary.json"; echo; cat "$OUT/heap.tsv"

export RUN_DATE; RUN_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
export CPU; CPU=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
export JAVA_VERSION; JAVA_VERSION=$(java -version 2>&1 | head -1)
export NPROC; NPROC=$(nproc)
export HEAP GC_NAME READ_RATE WRITE_RATE LOAD_BEFORE SAMPLE_EVERY JAVA_OPTS
SECTION=$(python3 - "$OUT/summary.json" "$OUT/heap.tsv" <<'PY'
import json, os, sys
env = os.environ
s = json.load(open(sys.argv[1]))
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[2]) if line.strip()]
heap = [float(r[1]) for r in rows]
rss = [int(r[2]) for r in rows]
# Growth: heap after GC in the last third of the samples against the first third (after the start).
third = max(1, (len(heap) - 1) // 3)
early, late = heap[1:1 + third] or heap[:1], heap[-third:]
out = [
    "## Soak",
    "",
    f"Run {env['RUN_DATE']} by `bash bench/soak.sh` on {env['NPROC']} cores ({env['CPU']}), {env['JAVA_VERSION']},",
    f"`{env['JAVA_OPTS']}` ({env['GC_NAME']}), a fresh H2 database (the seeded timeline plus a 2,000-event one); load from",
    f"bench/soak.py on the same machine (load average {env['LOAD_BEFORE']} before the start: the machine is shared).",
    f"{s['duration_s']:.0f} s offered at a fixed {env['READ_RATE']} reads/s (pages, JSON, feeds, exports, embeds, static; a fifth",
    f"revalidating with If-None-Match) and {env['WRITE_RATE']} writes/s through the API with a Bearer token (create, update,",
    "update, delete; each write read back from the JSON API and compared). Heap is what is in use right after a",
    f"forced full GC (`jcmd GC.run`), sampled every {env['SAMPLE_EVERY']} s.",
    "",
    "| measure | value |",
    "|---|---|",
    f"| requests (reads + writes) | {s['reads'] + s['writes']:,} ({s['reads']:,} + {s['writes']:,}) |",
    f"| errors (not 2xx/304, failed connection, or a read-back mismatch) | {s['errors']} |",
    f"| rate achieved | {s['read_rate']} reads/s, {s['write_rate']} writes/s |",
    f"| read latency p50 / p99 | {s['read_p50_ms']} / {s['read_p99_ms']} ms |",
    f"| write latency p50 / p99 | {s['write_p50_ms']} / {s['write_p99_ms']} ms |",
    f"| lateness of sends against the schedule, p99 | {s['late_p99_ms']} ms |",
    f"| heap after GC: first / last / max | {heap[0]:.1f} / {heap[-1]:.1f} / {max(heap):.1f} MB |",
    f"| heap after GC: mean of the last third of the samples vs the first third | {sum(late)/len(late):.1f} vs {sum(early)/len(early):.1f} MB |",
    f"| RSS first / last / max | {rss[0]} / {rss[-1]} / {max(rss)} MB |",
    "",
    "| sample | heap after GC (MB) | RSS (MB) |",
    "|---|---|---|",
]
out += [f"| {r[0]} | {r[1]} | {r[2]} |" for r in rows]
if s["first_errors"]:
    out += ["", "First errors: " + "; ".join(s["first_errors"][:5])]
print("\n".join(out))
PY
)
# Replace an earlier Soak section (it runs to the next "## " heading or the end), else append.
python3 bench/section.py bench/RESULTS.md "$SECTION"
echo; echo "$SECTION"
ERRORS=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["errors"])' "$OUT/summary.json")
[ "$ERRORS" = 0 ]
