#!/usr/bin/env bash
# Lighthouse (mobile: its default phone profile, simulated slow 4G and CPU) on the seeded timeline page, in
# Debian's Chromium. Lighthouse comes from npm (bench/lighthouse/package.json); no browser is downloaded.
# Usage: bash bench/lighthouse.sh [URL]   (without URL: builds and starts Tradeline, then audits its seeded page)
# Prints the four scores of each run, and of the median run every audit that did not pass; reports in bench/out-lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/app.sh
OUT=$(pwd)/bench/out-lighthouse
APP_PORT=${APP_PORT:-$(free_port)}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export PUPPETEER_SKIP_DOWNLOAD=1
[ -x bench/lighthouse/node_modules/.bin/lighthouse ] || (cd bench/lighthouse && npm ci --no-audit --no-fund --silent)
rm -rf "$OUT" && mkdir -p "$OUT"
URL=${1:-}
if [ -z "$URL" ]; then
  [ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B package -DskipTests -Dskip.npm
  trap stop_app EXIT
  trap 'exit 143' INT TERM
  start_app lighthouse
  URL=http://localhost:$APP_PORT/timelines/nippon-steel-us-steel  # localhost: a secure context, as HTTPS would be
  curl -sf -o /dev/null "$URL"; curl -sf -o /dev/null "$APP/static/tradeline.css"
fi
# Lighthouse's own advice: scores vary between runs (more so on a shared machine), so run it RUNS
# times (default 3) and report the run with the median performance score.
RUNS=${RUNS:-3}
for i in $(seq 1 "$RUNS"); do
  # --no-sandbox: Chromium's sandbox needs user namespaces that containers and root shells often lack.
  bench/lighthouse/node_modules/.bin/lighthouse "$URL" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --output=json --output=html --output-path="$OUT/run$i"
done
node -e '
const runs = process.argv.slice(1).map(f => require(f));
const score = (r, c) => Math.round(r.categories[c].score * 100);
for (const [i, r] of runs.entries())
  console.log(`run ${i + 1}: ` + Object.keys(r.categories).map(c => `${r.categories[c].title} ${score(r, c)}`).join(", ")
    + `, load average ${require("os").loadavg()[0].toFixed(1)} now`);
const r = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score)[Math.floor(runs.length / 2)];
console.log(`Median run: Lighthouse ${r.lighthouseVersion}, ${r.environment.hostUserAgent.match(/Chrome\/[\d.]+/)[0]}, ${r.configSettings.formFactor}, ${r.requestedUrl}, benchmark index ${r.environment.benchmarkIndex}`);
for (const c of Object.values(r.categories)) console.log(`${c.title}: ${Math.round(c.score * 100)}`);
for (const m of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"])
  console.log(`  ${r.audits[m].title}: ${r.audits[m].displayValue}`);
for (const a of Object.values(r.audits))
  if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
    console.log(`not passed: ${a.id} (${a.score}) ${a.title}`);
' $(for i in $(seq 1 "$RUNS"); do echo "$OUT/run$i.report.json"; done)
