"""Benchmark: `formgen demo` as a newcomer runs it; wall time, CPU time and the demo's dossiers.

    python -m benchmarks.bench_demo [--applicants 12] [--keep DIR]

Runs the real command in a fresh workspace (a child process, as from the shell) and
reports what README's "What the demo shows" quotes: seconds from start to the last
line, and the size and pages of the dossiers made from the simulated scans.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from benchmarks._figures import report

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="run the demo in this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "demo"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "formgen", "--workspace", str(root), "demo",
                               "--applicants", str(args.applicants), "--json"],
                              capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode:
            sys.exit(f"formgen demo failed ({done.returncode}): {done.stderr[-2000:]}")
        result = json.loads(done.stdout)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        dossiers = [Path(p) for p in result["paths"]["dossiers"]]
        sizes = [p.stat().st_size / 1024 for p in dossiers]
        pages = [len(PdfReader(p).pages) for p in dossiers]
        print(f"demo: {args.applicants} applicants, {len(dossiers)} dossiers, "
              f"{os.cpu_count()} cores")
        report(f"demo wall time ({args.applicants} applicants)", wall, "s")
        report(f"demo CPU time ({args.applicants} applicants)", cpu, "s")
        if sizes:
            report("demo dossier size, smallest", min(sizes), "KB", target=2048, better="lower",
                   note=f"{min(pages)}–{max(pages)} pages")
            report("demo dossier size, largest", max(sizes), "KB", target=2048, better="lower",
                   note=f"{min(pages)}–{max(pages)} pages")


if __name__ == "__main__":
    main()
