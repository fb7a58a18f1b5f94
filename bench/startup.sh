#!/usr/bin/env bash
# Tradeline start-up: time from `java` to the first 200 of the timeline page, and RSS once idle, on an
# existing database (the seeded timeline plus a 10,000-event one, as bench/run.sh), with the
# production JVM options (README "Heap and memory"). In one run, alternating, STARTS times each:
#   - Java 25, the aot-jar with its AOT cache (JEP 483/514/515; `./mvnw verify -Paot` trains it), in target/
#   - Java 25, the same aot-jar without the cache (the ratio)
#   - Java 17, the default fast-jar (what the README's two commands run), without and with an AppCDS
#     archive (the fallback when there is no Java 25)
# Without a JDK 25 (JAVA25_HOME, else /usr/lib/jvm/*25*) only the Java 17 rows are measured, and the
# section says so. Writes (or replaces) the "## Start-up" section of bench/RESULTS.md.
# Usage: bash bench/startup.sh   Settings: STARTS (3), EVENTS (10000), IDLE (s before reading RSS, 5),
# PORT (18095), JAVA_OPTS, SKIP_BUILD=1 (reuse bench/out/startup/fast and the -Paot build in target/).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out/startup
STARTS=${STARTS:-3}
EVENTS=${EVENTS:-10000}
IDLE=${IDLE:-5}
PORT=${PORT:-18095}
APP=http://127.0.0.1:$PORT
JAVA_OPTS=${JAVA_OPTS:-"-Xms24m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Xss512k -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000 -Djdk.nio.maxCachedBufferSize=262144"}
# Two glibc malloc arenas (README "Heap and memory"); the same for every row.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

JAVA25=${JAVA25_HOME:-}
if [ -z "$JAVA25" ]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    [ -x "$j/bin/java" ] && { JAVA25=$j; break; }
  done
fi
if [ -n "$JAVA25" ] && ! "$JAVA25/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then JAVA25=; fi
[ -n "$JAVA25" ] || echo "No JDK 25 found (set JAVA25_HOME): only the Java 17 fast-jar is measured, with and without AppCDS."

if curl -s -o /dev/null "$APP/"; then echo "port $PORT is already in use" >&2; exit 1; fi
# The aot-jar runs where it was built and trained: Quarkus's launcher finds its files from the code
# source of its own class, which an AOT cache keeps as it was at training time, so a copy elsewhere
# would read the files of whatever build is at the old place. The fast-jar is built first and copied.
AOT=$ROOT/target/quarkus-app
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  rm -rf "$OUT/fast"
  mkdir -p "$OUT"
  echo "Building the fast-jar on Java 17…"
  ./mvnw -q -B package -DskipTests -Dskip.npm
  cp -a target/quarkus-app "$OUT/fast"
  if [ -n "$JAVA25" ]; then
    echo "Building the aot-jar on $JAVA25 and training its AOT cache (AotTrainingIT)…"
    JAVA_HOME=$JAVA25 ./mvnw -q -B verify -Paot
  fi
fi
[ -z "$JAVA25" ] || [ -f "$AOT/app.aot" ] || { echo "no AOT cache in $AOT: run without SKIP_BUILD" >&2; exit 1; }

APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true; }
trap cleanup EXIT

start_app() { # java app-dir log-name [extra JVM options]; sets STARTUP (s), STARTED (Quarkus's "started in")
  QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 TRADELINE_DATA_DIR="$OUT/data" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:retry:$OUT/data/tradeline;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=4096" \
  TRADELINE_IMPORTING_DIRS="timelines,$OUT/timelines" TRADELINE_ADMIN_PASSWORD=bench-password-1 \
  TRADELINE_SESSION_SECRET=bench-secret TRADELINE_SITE_BASE_URL=$APP \
    "$1" $JAVA_OPTS ${4:-} -jar "$2/quarkus-run.jar" > "$OUT/app-$3.log" 2>&1 &
  APP_PID=$!
  local t0; t0=$(date +%s.%N)
  until curl -sf -o /dev/null "$APP/timelines/nippon-steel-us-steel"; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited; see $OUT/app-$3.log" >&2; tail -5 "$OUT/app-$3.log" >&2; exit 1; }
    sleep 0.02
  done
  STARTUP=$(echo "$(date +%s.%N) - $t0" | bc)
  STARTED=$(grep -o 'started in [0-9.]*s' "$OUT/app-$3.log" | grep -o '[0-9.]*' || echo "?")
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID") / 1024 )); }

# The existing database: a first start (Java 17) imports the timelines.
rm -rf "$OUT/data" "$OUT/timelines" && mkdir -p "$OUT/data" "$OUT/timelines"
python3 bench/generate.py "$EVENTS" > "$OUT/timelines/bench-10k.yaml"
echo "First start: creating the database ($EVENTS + 28 events)…"
start_app java "$OUT/fast" create
stop_app
# The AppCDS archive for Java 17: recorded at the exit of a start on that database that served a few pages.
echo "Recording the AppCDS archive (Java 17)…"
rm -f "$OUT/tradeline.jsa"
start_app java "$OUT/fast" cds-training "-XX:ArchiveClassesAtExit=$OUT/tradeline.jsa"
for p in / /api/timelines/nippon-steel-us-steel /timelines/nippon-steel-us-steel/events/biden-blocks-acquisition; do
  curl -sf -o /dev/null "$APP$p"
done
stop_app

VARIANTS=()
[ -n "$JAVA25" ] && VARIANTS+=("java25-aot-cache|Java 25, aot-jar, with its AOT cache|$JAVA25/bin/java|$AOT|-XX:AOTCache=$AOT/app.aot -XX:AOTMode=on"
                               "java25-aot-plain|Java 25, the same aot-jar, no cache|$JAVA25/bin/java|$AOT|")
VARIANTS+=("java17-fast|Java 17, fast-jar (the default)|java|$OUT/fast|"
           "java17-fast-cds|Java 17, fast-jar, AppCDS archive|java|$OUT/fast|-XX:SharedArchiveFile=$OUT/tradeline.jsa")
: > "$OUT/starts.tsv"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$STARTS"); do
  for v in "${VARIANTS[@]}"; do
    IFS='|' read -r key label java dir opts <<< "$v"
    start_app "$java" "$dir" "$key-$round" "$opts"
    sleep "$IDLE"
    rss=$(rss_mb)
    stop_app
    printf '%s\t%s\t%s\t%s\n' "$key" "$STARTUP" "$STARTED" "$rss" >> "$OUT/starts.tsv"
    printf 'round %d, %s: first 200 after %.2f s (Quarkus: started in %s s), RSS %s MB\n' "$round" "$label" "$STARTUP" "$STARTED" "$rss"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

LABELS=$(for v in "${VARIANTS[@]}"; do IFS='|' read -r key label _ <<< "$v"; printf '%s\t%s\n' "$key" "$label"; done)
SECTION=$(RUN_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')" NPROC=$(nproc) JAVA_OPTS="$JAVA_OPTS" STARTS=$STARTS \
  IDLE=$IDLE EVENTS=$EVENTS LOAD_BEFORE="$LOAD_BEFORE" LOAD_AFTER="$LOAD_AFTER" LABELS="$LABELS" \
  JAVA17="$(java -version 2>&1 | head -1)" JAVA25V="$([ -n "$JAVA25" ] && "$JAVA25/bin/java" -version 2>&1 | head -1)" \
  python3 - "$OUT/starts.tsv" <<'PY'
import os, statistics, sys
env = os.environ
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
labels = dict(l.split("\t", 1) for l in env["LABELS"].splitlines())
by = {k: [r for r in rows if r[0] == k] for k in labels}
med = {k: statistics.median(float(r[1]) for r in v) for k, v in by.items()}
out = ["## Start-up", "",
       f"Run {env['RUN_DATE']} by `bash bench/startup.sh` on {env['NPROC']} cores, shared (load average "
       f"{env['LOAD_BEFORE']} before, {env['LOAD_AFTER']} after). Time from launching `java` to the first 200 of",
       f"`/timelines/nippon-steel-us-steel`, on an existing H2 database (the seeded timeline and a {int(env['EVENTS']):,}-event one),",
       f"{env['STARTS']} starts of each, alternating; RSS {env['IDLE']} s after that 200. JVM options `{env['JAVA_OPTS']}`,",
       f"`MALLOC_ARENA_MAX={os.environ.get('MALLOC_ARENA_MAX', '')}`. {env['JAVA17']}"
       + (f"; {env['JAVA25V']}." if env["JAVA25V"] else ". No JDK 25 was found: the AOT cache rows are missing."),
       "", "| start | first 200, median | min – max | Quarkus \"started in\", median | RSS idle, median |",
       "|---|---|---|---|---|"]
for k, label in labels.items():
    v = by[k]
    t = [float(r[1]) for r in v]
    s = [float(r[2]) for r in v if r[2] != "?"]
    rss = [int(r[3]) for r in v]
    out.append(f"| {label} | {med[k]:.2f} s | {min(t):.2f} – {max(t):.2f} s | "
               + (f"{statistics.median(s):.2f} s" if s else "?") + f" | {statistics.median(rss):.0f} MB |")
out.append("")
if "java25-aot-cache" in med:
    out.append(f"The AOT cache: {med['java25-aot-plain'] / med['java25-aot-cache']:.2f}× faster to the first 200 than the same jar "
               f"without it, {med['java17-fast'] / med['java25-aot-cache']:.2f}× faster than the Java 17 fast-jar.")
out.append(f"AppCDS on Java 17: {med['java17-fast'] / med['java17-fast-cds']:.2f}× faster than without it.")
print("\n".join(out))
PY
)
python3 bench/section.py bench/RESULTS.md "$SECTION"
echo; echo "$SECTION"
