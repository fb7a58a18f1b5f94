#!/usr/bin/env bash
# How fast an article becomes candidate events: starts the packaged app on a fresh database and
# runs bench/extract.py against it (a 2,000-word article, after a warm-up; the same request with
# no dates in the text as the baseline). Target: p50 under 100 ms.
# Usage: bash bench/extract.sh   (WARMUP, RUNS; JAVA_OPTS as in bench/run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/extract
PORT=18082
JAVA_OPTS=${JAVA_OPTS:-"-Xms24m -Xmx256m -XX:+UseSerialGC -Xss512k"}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests -Dskip.npm
rm -rf "$OUT" && mkdir -p "$OUT"
QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 TRADELINE_DATA_DIR="$OUT" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:retry:$PWD/$OUT/tradeline;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=4096" \
TRADELINE_ADMIN_PASSWORD=bench-password-1 TRADELINE_SESSION_SECRET=bench-secret \
  java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do sleep 0.1; done
python3 bench/extract.py "http://127.0.0.1:$PORT" bench-password-1 "${WARMUP:-100}" "${RUNS:-300}"
