// Non-JVM reference point: chrono-node over the same articles.
// Reads a JSON array [{name, published, text}] from the file in argv[2]; writes
// {version, msPerArticle, results: {name: [{index, end, text, start, endDate, certainDay}]}} to stdout.
// chrono-node is installed outside the repo (see README.md); NODE_PATH points at it.
const fs = require('fs');
const chrono = require('chrono-node');
const articles = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const ymd = d => d.toISOString().slice(0, 10);
function run(a) {
  const ref = { instant: new Date(a.published + 'T12:00:00Z'), timezone: 0 };
  return chrono.parse(a.text, ref).map(r => ({
    index: r.index,
    end: r.index + r.text.length,
    text: r.text,
    start: ymd(r.start.date()),
    endDate: r.end ? ymd(r.end.date()) : null,
    certainDay: r.start.isCertain('day'),
  }));
}
const results = {};
for (const a of articles) results[a.name] = run(a);          // warm-up pass (its results are kept)
const t0 = process.hrtime.bigint();
for (const a of articles) run(a);                             // timed pass
const ms = Number(process.hrtime.bigint() - t0) / 1e6 / Math.max(1, articles.length);
let version = 'unknown';
try { version = require('chrono-node/package.json').version; } catch (e) {
  try { version = JSON.parse(fs.readFileSync(require.resolve('chrono-node').replace(/dist.*$/, 'package.json'))).version; } catch (e2) {}
}
process.stdout.write(JSON.stringify({ version, msPerArticle: ms, results }));
