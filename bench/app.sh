# Sourced by bench/visual.sh and bench/lighthouse.sh: starts and stops the packaged Tradeline.
# start_app needs APP_PORT and OUT (a scratch folder: the database, the logs); imports timelines/ and $OUT/timelines.
JAVA_OPTS=${JAVA_OPTS:-"-Xms24m -Xmx${HEAP:-256m} -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Xss512k"}
APP_PID=

# A port no one listens on now (the machine may be shared with other runs).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_app() { # log-name
  APP=http://127.0.0.1:$APP_PORT
  if curl -s -o /dev/null "$APP/"; then echo "port $APP_PORT is already in use" >&2; exit 1; fi
  mkdir -p "$OUT/data" "$OUT/timelines"
  QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1 TRADELINE_DATA_DIR="$OUT/data" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:retry:$OUT/data/tradeline;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=4096" \
  TRADELINE_IMPORTING_DIRS="timelines,$OUT/timelines" TRADELINE_ADMIN_PASSWORD=bench-password-1 \
  TRADELINE_SESSION_SECRET=bench-secret TRADELINE_SITE_BASE_URL=$APP \
    java $JAVA_OPTS -Djava.awt.headless=true -jar target/quarkus-app/quarkus-run.jar > "$OUT/app-$1.log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "$APP/timelines/nippon-steel-us-steel"; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "Tradeline did not start; see $OUT/app-$1.log" >&2; exit 1; }
    sleep 0.1
  done
  kill -0 "$APP_PID" 2>/dev/null || { echo "Tradeline did not start; see $OUT/app-$1.log" >&2; exit 1; }
}

stop_app() {
  [ -n "$APP_PID" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}
