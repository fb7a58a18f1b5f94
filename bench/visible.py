#!/usr/bin/env python3
"""Write-to-visible latency between instances: COUNT writes through one instance, each an update of
one event's headline through the JSON API; after each acknowledgement, at the same time (a thread
each), the writer's own instance is read once (it must show the write at once: read-your-writes)
and each other instance is read until it shows it. Prints JSON over every (write, other instance) pair,
in ms: p50/p99/max staleness (from the acknowledgement to the start of the first read that showed
the write: a read begun later shows it, one begun earlier may not), answered_p50/p99 (to the end of
that read, which includes the instance rebuilding the changed answer), and how many reads on the
writer's instance missed its write (must be 0).

Usage: python3 bench/visible.py WRITER_URL OTHER_URL[,OTHER_URL...] COUNT [admin-password]
Writes with an editor's API token (bench/apitoken.py), as the other bench scripts do."""
import concurrent.futures, http.client, json, os, sys, time, urllib.parse, uuid

sys.path.insert(0, os.path.dirname(__file__))
from apitoken import bearer  # noqa: E402

writer, others, count = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
password = sys.argv[4] if len(sys.argv) > 4 else "bench-password-1"


class Client:
    """One keep-alive connection to an instance."""

    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)

    def call(self, method, path, body=None, headers=None):
        self.conn.request(method, path, body, headers or {})
        r = self.conn.getresponse()
        return r.status, r.read().decode()


w = Client(writer)
jsonh = {"Content-Type": "application/json", "Authorization": bearer(writer, password, "visible")}

slug = "visible-" + uuid.uuid4().hex[:8]
status, body = w.call("POST", "/api/timelines", json.dumps(
    {"slug": slug, "title": "Write to visible", "summary": "Benchmark.", "status": "published"}), jsonh)
assert status == 201, (status, body)


def event(headline, version=None):
    e = {"headline": headline, "date": "2026-01-01", "precision": "day", "category": "deal", "status": "published",
         "sources": [{"title": "S", "publisher": "P"}]}
    if version is not None:
        e["version"] = version
    return json.dumps(e)


status, body = w.call("POST", f"/api/timelines/{slug}/events", event("Visible 0"), jsonh)
assert status == 201, (status, body)
event_id = json.loads(body)["id"]
version = json.loads(body)["version"]
path = f"/api/timelines/{slug}/events/{event_id}"
own = Client(writer)  # a reader of the writer's instance, without the editor's cookie
readers = [Client(o) for o in others]
for r in readers:  # every instance has read the event once, as a warm cache would have
    while r.call("GET", path)[0] != 200:
        time.sleep(0.01)


def own_read(headline):
    return headline in own.call("GET", path)[1]


def watch(reader, headline, acked):
    started = time.perf_counter()
    while headline not in reader.call("GET", path)[1]:
        if time.perf_counter() - acked > 10:
            raise RuntimeError(f"not visible after 10 s: {headline}")
        time.sleep(0.002)  # a reader every 2 ms, not a busy loop that takes the CPU from what it measures
        started = time.perf_counter()
    return (started - acked) * 1000, (time.perf_counter() - acked) * 1000


pool = concurrent.futures.ThreadPoolExecutor(len(readers) + 1)
delays, answered, own_misses = [], [], 0
for i in range(1, count + 1):
    headline = f"Visible {i} {uuid.uuid4().hex[:6]}"
    status, body = w.call("PUT", path, event(headline, version), jsonh)
    acked = time.perf_counter()
    assert status == 200, (status, body)
    version = json.loads(body)["version"]
    mine = pool.submit(own_read, headline)
    theirs = [pool.submit(watch, r, headline, acked) for r in readers]
    own_misses += 0 if mine.result() else 1
    for f in theirs:
        stale, done = f.result()
        delays.append(stale)
        answered.append(done)
    time.sleep(0.02)

delays.sort()
answered.sort()
pick = lambda values, q: round(values[min(len(values) - 1, int(q * len(values)))], 1)
print(json.dumps({"writes": count, "pairs": len(delays), "p50_ms": pick(delays, 0.50), "p99_ms": pick(delays, 0.99),
                  "max_ms": round(delays[-1], 1), "answered_p50_ms": pick(answered, 0.50),
                  "answered_p99_ms": pick(answered, 0.99), "own_misses": own_misses}))
