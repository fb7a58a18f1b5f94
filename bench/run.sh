#!/usr/bin/env bash
# Tradeline benchmark: Tradeline against nginx serving the same bytes, in one run, alternating.
# Usage: bash bench/run.sh   (from a clone; installs nginx and wrk from Debian when missing)
# Writes the table to bench/RESULTS.md. Settings: DURATION (s, default 10), CONNECTIONS (32), HEAP (256m).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
HEAP=${HEAP:-256m}
APP_PORT=18080
NGINX_PORT=18081
APP=http://127.0.0.1:$APP_PORT
BASE=http://127.0.0.1:$NGINX_PORT

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

start_app() {
  QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1 TRADELINE_DATA_DIR="$OUT/data" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$OUT/data/tradeline;WRITE_DELAY=0" \
  TRADELINE_IMPORTING_DIRS="timelines,$OUT/timelines" TRADELINE_ADMIN_PASSWORD=bench-password-1 \
  TRADELINE_SESSION_SECRET=bench-secret TRADELINE_SITE_BASE_URL=$APP \
    java -Xmx$HEAP -jar target/quarkus-app/quarkus-run.jar > "$OUT/app-$1.log" 2>&1 &
  APP_PID=$!
  local t0; t0=$(date +%s.%N)
  until curl -sf -o /dev/null "$APP/timelines/nippon-steel-us-steel"; do sleep 0.02; done
  STARTUP=$(echo "$(date +%s.%N) - $t0" | bc)
}
rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID") / 1024 )); }

echo "First start (fresh database, imports 10,000 events)…"
start_app first
FIRST_START=$STARTUP
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
while curl -s -o /dev/null "$APP/"; do sleep 0.1; done
echo "Second start (existing database)…"
start_app second
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
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name path file <<< "$e"
  curl -sf -o "$OUT/www/$file" "$APP$path"
done
sed -e "s|__OUT__|$OUT|g" -e "s|__PORT__|$NGINX_PORT|g" bench/nginx.conf.template > "$OUT/nginx.conf"
nginx -c "$OUT/nginx.conf"

# wrk prints Requests/sec and, with --latency, the 50% and 99% lines.
measure() { # url [header]
  local args=(-t2 "-c$CONNECTIONS" "-d${DURATION}s" --latency)
  [ -n "${2:-}" ] && args+=(-H "$2")
  wrk "${args[@]}" "$1" > "$OUT/wrk.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")
  echo "$rps $p50 $p99"
}
ms() { # wrk latency (us/ms/s) to ms
  awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}

ROWS=""
row() { # name tradeline-result nginx-result
  read -r trps tp50 tp99 <<< "$2"; read -r nrps np50 np99 <<< "$3"
  local ratio; ratio=$(awk -v a="$trps" -v b="$nrps" 'BEGIN { printf "%.2f", a/b }')
  ROWS+="| $1 | $trps | $(ms "$tp50") | $(ms "$tp99") | $nrps | $(ms "$np50") | $(ms "$np99") | $ratio |"$'\n'
  echo "$1: Tradeline $trps req/s, nginx $nrps req/s, ratio $ratio"
}

for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name path file <<< "$e"
  t=$(measure "$APP$path"); n=$(measure "$BASE/$file")
  row "$name" "$t" "$n"
done
ETAG=$(curl -sI "$APP/api/timelines/nippon-steel-us-steel" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
NETAG=$(curl -sI "$BASE/timeline.json" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
t=$(measure "$APP/api/timelines/nippon-steel-us-steel" "If-None-Match: $ETAG")
n=$(measure "$BASE/timeline.json" "If-None-Match: $NETAG")
row "304 revalidation (JSON)" "$t" "$n"
RSS_LOAD=$(rss_mb)

# Writes: each creation through the API, then a read of its permalink page and of the timeline JSON, which must show it.
WRITES=${WRITES:-300}
WRITE_RATE=$(python3 - "$APP" "$WRITES" <<'PY'
import http.client, json, sys, time, urllib.parse
app, n = sys.argv[1], int(sys.argv[2])
u = urllib.parse.urlparse(app)
import re
c = http.client.HTTPConnection(u.hostname, u.port)
# A personal API token, made through the editor's forms as a person would (Basic would spend a
# bcrypt check on every request, which is what tokens are for).
def call(method, path, body=None, headers=None, cookies={}):
    h = dict(headers or {})
    if cookies:
        h["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    c.request(method, path, body, h)
    r = c.getresponse(); data = r.read().decode()
    for k, v in r.getheaders():
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            cookies[name] = rest.split(";")[0]
    return r, data
jar = {}
_, page = call("GET", "/login", cookies=jar)
csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
form = {"Content-Type": "application/x-www-form-urlencoded"}
call("POST", "/login", urllib.parse.urlencode({"_csrf": csrf, "username": "admin", "password": "bench-password-1"}), form, jar)
r, page = call("POST", "/editor/account/tokens", urllib.parse.urlencode({"_csrf": csrf, "name": "bench"}), form, jar)
auth = "Bearer " + re.search(r"<code>(tl_[^<]+)</code>", page).group(1)
t0 = time.time()
for i in range(n):
    body = json.dumps({"headline": f"Bench write {i}", "date": "2026-01-01", "precision": "day", "category": "deal",
                       "sources": [{"title": "S", "publisher": "P"}]})
    c.request("POST", "/api/timelines/nippon-steel-us-steel/events", body, {"Content-Type": "application/json", "Authorization": auth})
    r = c.getresponse(); r.read()
    assert r.status == 201, r.status
    event_id = json.loads(json.dumps(r.getheader("Location"))).rsplit("/", 1)[1]
    for path in ("/timelines/nippon-steel-us-steel/events/" + event_id, "/api/timelines/nippon-steel-us-steel"):
        c.request("GET", path); r = c.getresponse(); page = r.read().decode()
        assert r.status == 200 and f"Bench write {i}" in page and event_id in page, path
print(f"{n / (time.time() - t0):.1f}")
PY
)

CPU=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
JAVA=$(java -version 2>&1 | head -1)
{
  echo "# Benchmark results"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bash bench/run.sh\` on $(nproc) cores ($CPU), $JAVA, heap -Xmx$HEAP,"
  echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s against Tradeline and against nginx serving the same bytes, alternating, both on loopback,"
  echo "sharing the machine with wrk. Latencies in ms."
  echo
  echo "| response | Tradeline req/s | p50 | p99 | nginx req/s | p50 | p99 | Tradeline/nginx |"
  echo "|---|---|---|---|---|---|---|---|"
  printf "%s" "$ROWS"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| start to first 200, fresh database (imports 28 + 10,000 events) | ${FIRST_START} s |"
  echo "| start to first 200, existing database | ${SECOND_START} s |"
  echo "| RSS idle | ${RSS_IDLE} MB |"
  echo "| RSS after the load | ${RSS_LOAD} MB |"
  echo "| writes: event created via the API, then page and JSON read back showing it | ${WRITE_RATE} events/s |"
} > bench/RESULTS.md
cat bench/RESULTS.md
