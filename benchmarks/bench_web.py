"""Benchmark: 20 concurrent staff clients against formgen serve on a workspace of ~1,000 pages.

    python -m benchmarks.bench_web [--applicants 112] [--clients 20] [--requests 30] [--keep DIR]

Each client logs in, then loops over the screens a verification clerk uses: the
station's queue page, field crops and an applicant's page. Loopback only, a fixed
number of requests, each with a timeout. Two rounds: the first right after the
server starts (while it still cuts the queue's crops), the second in steady use;
p50/p95 latency and errors of both, the figure from the second.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from benchmarks._figures import report
from formgen.core.workspace import init_workspace
from formgen.service.accounts import add_user
from formgen.service.verify_queue import field_queue
from scansim.unsure import batch_for, office_workspace

PASSWORD = "rahasia-kantor-1"
TIMEOUT = 30.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _client(base: str, name: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(f"{base}/login", timeout=TIMEOUT).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"username": name, "password": PASSWORD,
                                   "csrf_token": token}).encode()
    answer = opener.open(f"{base}/login", data=data, timeout=TIMEOUT)
    assert answer.status == 200 and answer.url.rstrip("/") == base, "login failed"
    return opener


def _run_client(opener, base, plan, times, errors):
    for kind, path in plan:
        start = time.perf_counter()
        try:
            with opener.open(f"{base}{path}", timeout=TIMEOUT) as answer:
                answer.read()
                ok = answer.status == 200
        except Exception as exc:  # counted, reported
            ok = False
            errors.append(f"{path}: {exc}")
        elapsed = time.perf_counter() - start
        if ok:
            times.setdefault(kind, []).append(elapsed)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=143)  # 7 pages each
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=30, help="per client")
    parser.add_argument("--keep", type=Path, help="build the workspace here (reused if built)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "ws"
        ws, _ = init_workspace(root)
        start = time.perf_counter()
        if not ws.conn.execute("SELECT 1 FROM staff").fetchone():
            batch_for(ws, office_workspace(ws, args.applicants))
            for n in range(args.clients):
                add_user(ws.conn, f"petugas{n:02d}", "petugas", PASSWORD)
        ids = [r[0] for r in ws.conn.execute("SELECT id FROM applicants")]
        pages = ws.conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
        findings = [i.finding_id for i in field_queue(ws.conn)]
        print(f"workspace: {pages} pages, {len(ids)} applicants, {len(findings)} fields "
              f"waiting, built in {time.perf_counter() - start:.0f} s")
        ws.close()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "formgen", "--workspace", str(root),
                                   "serve", "--port", str(port)], stderr=subprocess.PIPE)
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.1)
            openers = [_client(base, f"petugas{n:02d}") for n in range(args.clients)]
            rng = random.Random(1)
            kinds = [("queue", lambda: "/verify"),
                     ("crop", lambda: f"/media/crop/{rng.choice(findings)}.jpg"),
                     ("crop", lambda: f"/media/crop/{rng.choice(findings)}.jpg"),
                     ("applicant", lambda: f"/applicants/{rng.choice(ids)}")]
            rounds = []
            for label in ("first round after start", "steady use"):
                plans = [[(k, make()) for k, make in (kinds[(c + i) % len(kinds)]
                                                      for i in range(args.requests))]
                         for c in range(args.clients)]
                rounds.append((label, *_round(openers, base, plans)))
        finally:
            server.terminate()
            server.wait(timeout=30)
    errors_all = 0
    for label, times, errors, wall in rounds:
        every = [v for values in times.values() for v in values]
        print(f"-- {label}: {len(every)} requests in {wall:.1f} s ({len(every) / wall:.0f}/s), "
              f"p95 {_p95(every) * 1000:.0f} ms, {len(errors)} errors")
        for kind, values in sorted(times.items()):
            p50, p95 = statistics.median(values) * 1000, _p95(values) * 1000
            print(f"   {kind:10s} n={len(values):4d}  p50 {p50:6.0f} ms  p95 {p95:6.0f} ms"
                  f"  max {max(values) * 1000:6.0f} ms")
        for line in errors[:5]:
            print("   error:", line)
        errors_all += len(errors)
    report(f"web p95 latency ({args.clients} clients, {pages} pages)", _p95(every) * 1000, "ms",
           target=300, better="lower", note="steady use: queue page, crops, applicant page")
    report("web errors", errors_all, "requests", target=0, better="lower")


def _round(openers, base, plans):
    times: dict[str, list[float]] = {}
    errors: list[str] = []
    threads = [threading.Thread(target=_run_client, args=(o, base, p, times, errors))
               for o, p in zip(openers, plans, strict=True)]
    wall = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors, time.perf_counter() - wall


if __name__ == "__main__":
    main()
