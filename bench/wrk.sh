# Sourced by bench/run.sh and bench/visual.sh: Tradeline against nginx serving the same bytes, with wrk.
# Needs APP, OUT, NGINX_PORT, DURATION, CONNECTIONS and ENDPOINTS ("name|path|file served by nginx" each).
BASE=http://127.0.0.1:$NGINX_PORT
ROWS=""

# Saves the exact bytes Tradeline answers for each endpoint under $OUT/www and serves them from nginx.
serve_same_bytes() {
  mkdir -p "$OUT/www"
  for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path file <<< "$e"
    curl -sf -o "$OUT/www/$file" "$APP$path"
  done
  sed -e "s|__OUT__|$OUT|g" -e "s|__PORT__|$NGINX_PORT|g" bench/nginx.conf.template > "$OUT/nginx.conf"
  nginx -c "$OUT/nginx.conf"
}

stop_nginx() {
  [ -f "$OUT/nginx.pid" ] && nginx -c "$OUT/nginx.conf" -s stop 2>/dev/null || true
}

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

row() { # name tradeline-result nginx-result: a Markdown row appended to ROWS
  read -r trps tp50 tp99 <<< "$2"; read -r nrps np50 np99 <<< "$3"
  local ratio; ratio=$(awk -v a="$trps" -v b="$nrps" 'BEGIN { printf "%.2f", a/b }')
  ROWS+="| $1 | $trps | $(ms "$tp50") | $(ms "$tp99") | $nrps | $(ms "$np50") | $(ms "$np99") | $ratio |"$'\n'
  echo "$1: Tradeline $trps req/s, nginx $nrps req/s, ratio $ratio" >&2
}

# Warm-up: a server that has been up a while has its hot paths compiled (the JIT); give each
# measured URL a few seconds of traffic first, unrecorded, as a running site has had. Then each
# endpoint, Tradeline and nginx alternating.
compare_endpoints() {
  for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path file <<< "$e"
    wrk -t2 "-c$CONNECTIONS" -d3s "$APP$path" > /dev/null
  done
  for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path file <<< "$e"
    row "$name" "$(measure "$APP$path")" "$(measure "$BASE/$file")"
  done
}
