#!/usr/bin/env bash
# Records the AOT cache of a -Paot build in the folder it will run from (README "Start-up with an AOT
# cache"): the cache must be trained where it runs. Usage, with the instance's environment set (its
# database, TRADELINE_* settings) and the instance itself stopped if it uses an H2 file:
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bin/train-aot.sh /srv/tradeline/quarkus-app
# Starts the app there with -XX:AOTCacheOutput on TRAIN_PORT (default 18097), reads every timeline's
# page and JSON ROUNDS times (default 20) and its feeds and exports every fifth (reads only), stops it, and
# waits while the JVM writes <folder>/app.aot (about a minute). JAVA_OPTS: the production options.
set -euo pipefail
DIR=$(cd "${1:?usage: bin/train-aot.sh <quarkus-app folder>}" && pwd)
JAVA=${JAVA:-java}
PORT=${TRAIN_PORT:-18097}
ROUNDS=${ROUNDS:-20}
JAVA_OPTS=${JAVA_OPTS:-"-Xms24m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Xss512k -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000 -Djdk.nio.maxCachedBufferSize=262144"}
APP=http://127.0.0.1:$PORT
"$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput ' ||
  { echo "$JAVA cannot record an AOT cache (it needs Java 25 or later): set JAVA" >&2; exit 1; }
rm -f "$DIR/app.aot"
QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 "$JAVA" $JAVA_OPTS -XX:AOTCacheOutput="$DIR/app.aot" \
  -jar "$DIR/quarkus-run.jar" > "$DIR/aot-training.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "$APP/q/health/ready"; do
  kill -0 "$PID" 2>/dev/null || { echo "the app exited; see $DIR/aot-training.log" >&2; exit 1; }
  sleep 0.2
done
SLUGS=$(curl -sf "$APP/api/timelines" | python3 -c 'import json, sys
d = json.load(sys.stdin); items = d if isinstance(d, list) else d.get("timelines", d.get("items", []))
print(" ".join(t["slug"] for t in items))')
for round in $(seq 1 "$ROUNDS"); do
  for path in / /embed.js /static/tradeline.css /openapi /q/health /api/timelines; do curl -s -o /dev/null "$APP$path"; done
  for slug in $SLUGS; do
    paths=("/timelines/$slug" "/embed/timelines/$slug" "/api/timelines/$slug/events")
    # The full exports (megabytes for a long timeline) every fifth round.
    ((round % 5 == 1)) && paths+=("/api/timelines/$slug" "/api/timelines/$slug/timelinejs" "/timelines/$slug/feed.atom" \
        "/timelines/$slug/calendar.ics" "/timelines/$slug/events.csv" "/timelines/$slug.yaml")
    for path in "${paths[@]}"; do
      curl -s -o /dev/null "$APP$path"
      curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$APP$path"
    done
  done
done
kill "$PID"
wait "$PID" || true
[ -f "$DIR/app.aot" ] || { echo "no cache written; see $DIR/aot-training.log" >&2; exit 1; }
echo "$DIR/app.aot: $(($(stat -c %s "$DIR/app.aot") >> 20)) MB. Start with: $JAVA -XX:AOTCache=$DIR/app.aot $JAVA_OPTS -jar $DIR/quarkus-run.jar"
