#!/usr/bin/env python3
"""Write rate: creates events through the API, each followed by a read of its permalink page and
of the timeline JSON, which must show it. Prints events per second.
Several clients write at once (CLIENTS, default 4), as a newsroom's editors and importers do; each
checks its own writes. Each client is a process of its own (CLIENT_THREADS=1: threads of one process,
as before 2026-12-02, which share one interpreter lock: on the 2,000-event timeline, whose JSON is
5.2 MB, they took 9.3 ms of CPU a cycle and held the rate to what one core could receive). SLUG names the timeline (default: the seeded one; bench/writes.sh also uses a
2,000-event one). CLEANUP=1 deletes each event once checked, so the timeline keeps its size (bench/writes.sh
warms the JVM that way on a timeline of its own before measuring).
Usage: python3 bench/writes.py http://127.0.0.1:18080 300 [admin-password]"""
import http.client, json, sys, time, urllib.parse
app, n = sys.argv[1], int(sys.argv[2])
password = sys.argv[3] if len(sys.argv) > 3 else "bench-password-1"
u = urllib.parse.urlparse(app)
sys.path.insert(0, __import__("os").path.dirname(__file__))
from apitoken import bearer  # noqa: E402
# AUTH (an "Authorization" value) lets bench/writes.sh sign in once, outside the CPU it counts.
auth = __import__("os").environ.get("AUTH") or bearer(app, password, "bench")
import multiprocessing, os, threading
clients = int(os.environ.get("CLIENTS", "4"))
slug = os.environ.get("SLUG", "nippon-steel-us-steel")
cleanup = os.environ.get("CLEANUP") == "1"
failures = multiprocessing.get_context("fork").Queue()


def client(k, count):
    conn = http.client.HTTPConnection(u.hostname, u.port)
    try:
        for i in range(count):
            headline = f"Bench write {k}-{i}"
            body = json.dumps({"headline": headline, "date": "2026-01-01", "precision": "day", "category": "deal",
                               "sources": [{"title": "S", "publisher": "P"}]})
            conn.request("POST", "/api/timelines/" + slug + "/events", body,
                         {"Content-Type": "application/json", "Authorization": auth})
            r = conn.getresponse(); r.read()
            assert r.status == 201, r.status
            event_id = r.getheader("Location").rsplit("/", 1)[1]
            etag = r.getheader("ETag")
            # Checked on the bytes (ASCII headline and id), not on decoded text: decoding a 2,000-event
            # timeline's 5.8 MB each time would make this client the bottleneck. The JSON is searched once,
            # for the event's "id" member, and its headline must follow within that event's object (a
            # stricter check than two scans of the whole body for each string, at half the client's CPU).
            path = "/timelines/" + slug + "/events/" + event_id
            conn.request("GET", path); r = conn.getresponse(); page = r.read()
            assert r.status == 200 and headline.encode() in page and event_id.encode() in page, (path, r.status, page[:300])
            path = "/api/timelines/" + slug
            conn.request("GET", path); r = conn.getresponse(); body = r.read()
            at = body.find(b'"id":"' + event_id.encode() + b'"')
            assert r.status == 200 and at >= 0 and body.find(b'"headline":"' + headline.encode() + b'"', at, at + 400) > 0, \
                (path, r.status, r.getheader("ETag"), at)
            if cleanup:
                conn.request("DELETE", "/api/timelines/" + slug + "/events/" + event_id, None,
                             {"Authorization": auth, "If-Match": etag})
                r = conn.getresponse(); r.read()
                assert r.status == 204, r.status
    except Exception as e:  # reported below: a failed or invisible write fails the benchmark
        failures.put(repr(e))


t0 = time.time()
if os.environ.get("CLIENT_THREADS") == "1":
    workers = [threading.Thread(target=client, args=(k, n // clients)) for k in range(clients)]
else:
    workers = [multiprocessing.get_context("fork").Process(target=client, args=(k, n // clients)) for k in range(clients)]
for w in workers:
    w.start()
for w in workers:
    w.join()
elapsed = time.time() - t0
if not failures.empty():
    sys.exit("write check failed: " + failures.get())
if any(getattr(w, "exitcode", 0) for w in workers):
    sys.exit("a client stopped: exit codes " + str([w.exitcode for w in workers]))
print(f"{(n // clients) * clients / elapsed:.1f}")
