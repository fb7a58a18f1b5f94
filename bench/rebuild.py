#!/usr/bin/env python3
"""How long the first read after a timeline edit takes: the edit (a PUT of the timeline, its summary
changed) leaves the snapshot behind, so that read rebuilds it from the database. bench/writes.sh runs
it on the seeded timeline after its warm-up, which has left 12,000 revisions in the history.
Usage: AUTH='Bearer tl_…' python3 bench/rebuild.py http://127.0.0.1:18082 slug 40"""
import http.client, json, os, sys, time, urllib.parse
app, slug, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
u = urllib.parse.urlparse(app); auth = os.environ["AUTH"]
c = http.client.HTTPConnection(u.hostname, u.port)
times = []
for i in range(n):
    c.request("GET", "/api/timelines/" + slug); r = c.getresponse(); t = json.loads(r.read())
    body = {"title": t["title"], "summary": t["summary"] + ("" if i % 2 else " "), "status": "published",
            "actors": [{"id": a["id"], "name": a["name"], "aliases": a.get("aliases")} for a in t["actors"]], "version": t["version"]}
    c.request("PUT", "/api/timelines/" + slug, json.dumps(body), {"Content-Type": "application/json", "Authorization": auth})
    r = c.getresponse(); x = r.read(); assert r.status == 200, (r.status, x[:300])
    t0 = time.perf_counter(); c.request("GET", "/timelines/" + slug + "/events/" + t["events"][0]["id"]); r = c.getresponse(); r.read(); times.append(time.perf_counter() - t0)
times.sort(); print(f"median {1000*times[len(times)//2]:.1f} ms, min {1000*times[0]:.1f} ms over {n}")
