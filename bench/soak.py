#!/usr/bin/env python3
"""Soak load for Tradeline: mixed reads and writes at a FIXED rate for a fixed time (see bench/soak.sh).

Reads (READ_RATE/s) cycle through public pages, JSON, feeds and exports of the seeded timeline, a
2,000-event timeline and the soak timeline that the writes change; a fifth of them revalidate with
If-None-Match. Writes (WRITE_RATE/s) go through the API with a Bearer token: create an event, update
it twice, delete the oldest once the timeline holds 40 of a writer's events, so the data stays the same
size and any growth in heap is the server's. Every write is read back from the JSON API and compared.

Pacing is open-loop: request i is due at t0 + i/rate whatever the previous answers took (a slow
answer makes the next requests late, it does not lower the offered rate); lateness is reported.
An error is any status other than 200/201/204/304 (404 only where expected), a connection failure,
or a read-back that does not show what was written. Prints a JSON summary on stdout.
"""
import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse

APP, DURATION, READ_RATE, WRITE_RATE, PASSWORD = (sys.argv[1], float(sys.argv[2]), float(sys.argv[3]),
                                                  float(sys.argv[4]), sys.argv[5])
URL = urllib.parse.urlparse(APP)
SEED = "nippon-steel-us-steel"
BIG = "soak-2k"
SOAK = "soak"
READ_THREADS = 24
WRITE_THREADS = 2


def connect():
    return http.client.HTTPConnection(URL.hostname, URL.port, timeout=30)


sys.path.insert(0, __import__("os").path.dirname(__file__))
from apitoken import bearer  # noqa: E402

AUTH = bearer(APP, PASSWORD, "soak")
JSON_HEADERS = {"Content-Type": "application/json", "Authorization": AUTH}


def setup():
    c = connect()
    c.request("POST", "/api/timelines", json.dumps({"slug": SOAK, "title": "Soak timeline", "summary": "Written by bench/soak.py.",
                                                    "status": "published", "actors": [{"id": "acme", "name": "Acme"}]}),
              JSON_HEADERS)
    r = c.getresponse()
    r.read()
    assert r.status == 201, f"cannot create the soak timeline: {r.status}"


setup()

# path, expected marker in a 200 body
READS = [
    ("/", SEED),
    (f"/timelines/{SEED}", "<h1"),
    (f"/timelines/{SEED}?category=litigation", "<h1"),
    (f"/timelines/{SEED}/events/biden-blocks-acquisition", "<h1"),
    (f"/api/timelines/{SEED}", f'"slug":"{SEED}"'),
    (f"/api/timelines/{SEED}/events?size=10&q=steel", '"events"'),
    (f"/api/timelines/{SEED}/timelinejs", '"events"'),
    (f"/timelines/{SEED}/feed.atom", "<feed"),
    (f"/timelines/{SEED}/calendar.ics", "BEGIN:VCALENDAR"),
    (f"/timelines/{SEED}/events.csv", "Headline"),
    (f"/embed/timelines/{SEED}", "<html"),
    ("/api/timelines", '"timelines"'),
    (f"/timelines/{SOAK}", "<h1"),
    (f"/api/timelines/{SOAK}", f'"slug":"{SOAK}"'),
    (f"/timelines/{SOAK}/feed.atom", "<feed"),
    ("/static/tradeline.css", "{"),
]
BIG_PAGES = 20  # 2,000 events: 20 pages of 100 on the page, 40 of 50 in the API


def big_read(rng):
    if rng.random() < 0.5:
        return f"/timelines/{BIG}?page={rng.randint(1, BIG_PAGES)}", "<h1"
    return f"/api/timelines/{BIG}/events?page={rng.randint(1, 2 * BIG_PAGES)}&size=50", '"events"'


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.count = {}
        self.errors = []
        self.error_count = 0
        self.error_kinds = {}
        self.latencies = {"read": [], "write": []}
        self.late = []

    def record(self, kind, status, latency, late, error=None):
        with self.lock:
            self.count[(kind, status)] = self.count.get((kind, status), 0) + 1
            self.latencies[kind].append(latency)
            self.late.append(late)
            if error:
                self.error_count += 1
                kind = re.sub(r"\d+", "N", error)
                self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1
                if len(self.errors) < 20:
                    self.errors.append(error)


STATS = Stats()


class Pacer:
    def __init__(self, rate, t0, end):
        self.rate, self.t0, self.end = rate, t0, end
        self.n = 0
        self.lock = threading.Lock()

    def next(self):
        with self.lock:
            due = self.t0 + self.n / self.rate
            self.n += 1
        if due >= self.end:
            return None
        delay = due - time.time()
        if delay > 0:
            time.sleep(delay)
        return due


def request(conn_box, method, path, body=None, headers=None):
    for attempt in (1, 2):
        try:
            c = conn_box[0]
            c.request(method, path, body, headers or {})
            r = c.getresponse()
            data = r.read()
            return r, data
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # A keep-alive connection the server closed between requests: reconnect once (not an error).
            conn_box[0].close()
            conn_box[0] = connect()
            if attempt == 2:
                raise


def reader(pacer, seed):
    rng = random.Random(seed)
    box = [connect()]
    etags = {}
    while (due := pacer.next()) is not None:
        path, marker = big_read(rng) if rng.random() < 0.2 else rng.choice(READS)
        headers = {"Accept-Encoding": "identity"}
        revalidate = path in etags and rng.random() < 0.2
        if revalidate:
            headers["If-None-Match"] = etags[path]
        t = time.time()
        try:
            r, data = request(box, "GET", path, headers=headers)
        except Exception as e:  # noqa: BLE001 - every failure counts
            STATS.record("read", "exception", time.time() - t, t - due, f"GET {path}: {e!r}")
            box = [connect()]
            continue
        latency = time.time() - t
        error = None
        if r.status == 200:
            if marker not in data.decode("utf-8", "replace"):
                error = f"GET {path}: 200 without {marker!r}"
            if r.getheader("ETag"):
                etags[path] = r.getheader("ETag")
        elif not (r.status == 304 and revalidate):
            error = f"GET {path}: {r.status}"
        STATS.record("read", r.status, latency, t - due, error)


def event_body(headline, version=None):
    body = {"date": "2026-02-03", "precision": "day", "headline": headline, "category": "deal", "actors": ["acme"],
            "body": "Soak text with a [link](https://example.org/soak).", "importance": "minor", "status": "published",
            "sources": [{"title": "Soak source", "publisher": "Soak Wire", "url": "https://example.org/s"}]}
    if version is not None:
        body["version"] = version
    return json.dumps(body)


def writer(pacer, wid):
    box = [connect()]
    mine = []  # [event id, version], oldest first
    n = 0
    while (due := pacer.next()) is not None:
        n += 1
        op = n % 4
        headline = f"Soak writer {wid} write {n}"
        t = time.time()
        try:
            if op == 0 and len(mine) > 40:
                eid, version = mine.pop(0)
                r, _ = request(box, "DELETE", f"/api/timelines/{SOAK}/events/{eid}",
                               headers={"Authorization": AUTH, "If-Match": f'"v{version}"'})
                expect, check = 204, (eid, None)
            elif op in (1, 2) and mine:
                entry = mine[-1]
                r, data = request(box, "PUT", f"/api/timelines/{SOAK}/events/{entry[0]}",
                                  event_body(headline, entry[1]), JSON_HEADERS)
                if r.status == 200:
                    entry[1] = json.loads(data)["version"]
                expect, check = 200, (entry[0], headline)
            else:
                r, data = request(box, "POST", f"/api/timelines/{SOAK}/events", event_body(headline), JSON_HEADERS)
                if r.status == 201:
                    created = json.loads(data)
                    mine.append([created["id"], created["version"]])
                    expect, check = 201, (created["id"], headline)
                else:
                    expect, check = 201, None
        except Exception as e:  # noqa: BLE001
            STATS.record("write", "exception", time.time() - t, t - due, f"write {n}: {e!r}")
            box = [connect()]
            continue
        latency = time.time() - t
        error = None if r.status == expect else f"write {n} ({['delete', 'update', 'update', 'create'][op]}): {r.status}"
        if error is None and check:
            # Read-your-write: the JSON API shows it at once (or no longer shows a deleted event).
            eid, want = check
            rr, data = request(box, "GET", f"/api/timelines/{SOAK}/events/{eid}", headers={"Accept-Encoding": "identity"})
            if want is None and rr.status != 404:
                error = f"deleted event {eid} still answers {rr.status}"
            elif want is not None and (rr.status != 200 or json.loads(data).get("headline") != want):
                error = f"event {eid} reads back {rr.status} without {want!r}"
        STATS.record("write", r.status, latency, t - due, error)


def percentile(values, p):
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(p / 100 * len(s)))]


t0 = time.time() + 0.5
end = t0 + DURATION
reads, writes = Pacer(READ_RATE, t0, end), Pacer(WRITE_RATE, t0, end)
threads = [threading.Thread(target=reader, args=(reads, i)) for i in range(READ_THREADS)]
threads += [threading.Thread(target=writer, args=(writes, i)) for i in range(WRITE_THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()
elapsed = time.time() - t0
n_reads = sum(v for (k, _), v in STATS.count.items() if k == "read")
n_writes = sum(v for (k, _), v in STATS.count.items() if k == "write")
print(json.dumps({
    "duration_s": round(elapsed, 1),
    "reads": n_reads, "writes": n_writes, "errors": STATS.error_count,
    "read_rate": round(n_reads / elapsed, 1), "write_rate": round(n_writes / elapsed, 2),
    "read_p50_ms": round(percentile(STATS.latencies["read"], 50) * 1000, 1),
    "read_p99_ms": round(percentile(STATS.latencies["read"], 99) * 1000, 1),
    "write_p50_ms": round(percentile(STATS.latencies["write"], 50) * 1000, 1),
    "write_p99_ms": round(percentile(STATS.latencies["write"], 99) * 1000, 1),
    "late_p99_ms": round(percentile(STATS.late, 99) * 1000, 1),
    "statuses": {f"{k} {s}": v for (k, s), v in sorted(STATS.count.items(), key=lambda x: str(x))},
    "first_errors": STATS.errors,
    "error_kinds": dict(sorted(STATS.error_kinds.items(), key=lambda kv: -kv[1])[:15]),
}))
