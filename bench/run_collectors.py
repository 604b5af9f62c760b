"""Logs in, runs every collector through POST /api/v1/collectors/{id}/run, and prints Markdown results.

Two passes: sequential (one run at a time, wall time = sum of runs) and parallel (4 client threads,
as several Quartz workers would). A baseline of raw SHA-256 throughput is measured in the same run.
"""
import hashlib
import http.cookiejar
import json
import os
import platform
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

base, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with opener.open(req, timeout=600) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


call("POST", "/api/v1/auth/login", {"username": user, "password": password})
collectors = call("GET", "/api/v1/collectors")
ids = [c["id"] for c in collectors]
types = {c["id"]: c["type"] for c in collectors}


def run(cid):
    t0 = time.perf_counter()
    r = call("POST", f"/api/v1/collectors/{cid}/run", {})
    return cid, r["status"], r["summary"], time.perf_counter() - t0


def pass_(workers):
    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as ex:
        results = list(ex.map(run, ids))
    return results, time.perf_counter() - t0


run(ids[0])  # warm-up: JIT, connection pool, HTTP client
seq, seq_wall = pass_(1)
par, par_wall = pass_(4)

payload = os.urandom(64 * 1024 * 1024)
t0 = time.perf_counter()
hashlib.sha256(payload).digest()
sha_mb_s = 64 / (time.perf_counter() - t0)

by_type = {}
for cid, status, _, secs in seq:
    t = by_type.setdefault(types[cid], [0, 0.0])
    t[0] += 1
    t[1] += secs
probe_secs = sum(s for c, _, _, s in seq if types[c] == "http-probe")
n = len(ids)
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print(f"## Run of {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}\n")
print(f"Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, Java via packaged app, PostgreSQL on localhost.\n")
print("| pass | collectors | wall time | items/s |")
print("|---|---|---|---|")
print(f"| sequential (1 client) | {n} | {seq_wall:.2f} s | {n / seq_wall:.1f} |")
print(f"| parallel (4 clients) | {n} | {par_wall:.2f} s | {n / par_wall:.1f} |")
print(f"| sequential, without http-probe | {n - by_type.get('http-probe', [0])[0]} | {seq_wall - probe_secs:.2f} s |"
      f" {(n - by_type.get('http-probe', [0])[0]) / (seq_wall - probe_secs):.1f} |")
print(f"\nBaseline in the same run: raw SHA-256 {sha_mb_s:.0f} MB/s (Python hashlib, 64 MiB).\n")
print("| type | collectors | total time (sequential) | mean per run |")
print("|---|---|---|---|")
for t, (count, secs) in sorted(by_type.items()):
    print(f"| {t} | {count} | {secs:.3f} s | {secs / count * 1000:.0f} ms |")
print("\nCoverage after the run (`GET /api/v1/frameworks/{id}/coverage`):\n")
print("| framework | controls | applicable | covered | passing | failing | stale |")
print("|---|---|---|---|---|---|---|")
for fw in ("iso27001", "soc2", "gdpr"):
    t = call("GET", f"/api/v1/frameworks/{fw}/coverage")["totals"]
    print(f"| {fw} | {t['total']} | {t['applicable']} | {t['covered']} | {t['passing']} | {t['failing']} | {t['stale']} |")
statuses = {}
for _, status, _, _ in seq:
    statuses[status] = statuses.get(status, 0) + 1
print(f"\nOutcomes on the sample organisation (sequential pass): {json.dumps(statuses, sort_keys=True)}\n")
print("| collector | status | summary |")
print("|---|---|---|")
for cid, status, summary, _ in sorted(seq):
    if status != "pass":
        print(f"| {cid} | {status} | {summary.replace('|', '/')[:160]} |")
