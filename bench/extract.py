#!/usr/bin/env python3
"""Speed of drafting events from an article: POST /api/timelines/{slug}/extract with a
2,000-word article (the evaluation set's own articles, joined and cut at 2,000 words), after a
warm-up, against the same request with 2,000 words that hold no date (the cost of HTTP, sign-in by
token and JSON alone). Prints the latencies and writes a Markdown table to stdout's last lines.
Usage: python3 bench/extract.py http://127.0.0.1:18082 [admin-password] [warm-up] [runs]"""
import glob, http.client, json, statistics, sys, time, urllib.parse

app = sys.argv[1]
password = sys.argv[2] if len(sys.argv) > 2 else "bench-password-1"
warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 100
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 300
u = urllib.parse.urlparse(app)
sys.path.insert(0, __import__("os").path.dirname(__file__))
from apitoken import bearer  # noqa: E402
auth = {"Authorization": bearer(app, password, "bench-extract"), "Content-Type": "application/json"}
c = http.client.HTTPConnection(u.hostname, u.port)


def call(method, path, body=None, headers=None):
    c.request(method, path, body, headers or {})
    r = c.getresponse()
    return r, r.read().decode()


# The evaluation articles' text (block scalars after "text: |"), joined, cut at 2,000 words.
texts = []
for f in sorted(glob.glob("src/test/resources/extract/eval/[0-9]*.yaml")):
    lines = open(f, encoding="utf-8").read().split("\n")
    i = lines.index("text: |") + 1
    block = []
    while i < len(lines) and (lines[i].startswith("  ") or lines[i] == ""):
        block.append(lines[i][2:])
        i += 1
    texts.append("\n".join(block).strip())
words = "\n\n".join(texts).split(" ")
article = " ".join(words[:2000])
plain = " ".join(("Steel output rose as demand held firm across the region. " * 200).split(" ")[:2000])


def measure(text):
    body = json.dumps({"text": text, "published": "2025-01-07"})
    for _ in range(warmup):
        r, data = call("POST", "/api/timelines/nippon-steel-us-steel/extract", body, auth)
        assert r.status == 200, (r.status, data[:300])
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r, data = call("POST", "/api/timelines/nippon-steel-us-steel/extract", body, auth)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status == 200
    times.sort()
    return times, len(json.loads(data)["candidates"])


dated, n_dated = measure(article)
undated, n_undated = measure(plain)
p = lambda t, q: t[min(len(t) - 1, int(len(t) * q))]
print(f"article: {len(article.split())} words, {len(article)} characters, {n_dated} candidates; baseline: {n_undated} candidates")
print("| request | p50 ms | p95 ms | max ms |")
print("|---|---|---|---|")
print(f"| 2,000-word article, {n_dated} candidates | {statistics.median(dated):.1f} | {p(dated, .95):.1f} | {dated[-1]:.1f} |")
print(f"| 2,000 words without a date (HTTP, token, JSON only) | {statistics.median(undated):.1f} | {p(undated, .95):.1f} | {undated[-1]:.1f} |")
