"""Run every benchmark and print one table of figures against the issues' targets.

    python -m benchmarks.run_all           # the sizes the issues name (takes a while)
    python -m benchmarks.run_all --quick   # smaller sizes, same figures
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# (module, full-size arguments, quick arguments)
BENCHMARKS = [
    ("bench_packs", ["--applicants", "500", "--runs", "3"], ["--applicants", "100", "--runs", "2"]),
    ("bench_pagecore", ["--repeat", "7"], ["--repeat", "3"]),
    ("bench_ingest", [], ["--quick"]),
    ("accuracy", ["--applicants", "50"], ["--applicants", "12"]),
    ("bench_dossier", ["--applicants", "100"], ["--applicants", "10"]),
    ("bench_memory", [], ["--quick"]),
    ("bench_demo", [], ["--applicants", "6"]),
    ("bench_web", [], ["--applicants", "40", "--requests", "10"]),
    ("phone", ["--applicants", "8"], ["--applicants", "3"]),
    ("handwriting", ["--boxes", "100"], ["--boxes", "20"]),
    ("nik_glyphs", ["--people", "4"], ["--people", "1"]),
    ("outside", ["--applicants", "12"], ["--applicants", "4"]),
    ("lost_qr", ["--applicants", "8"], ["--applicants", "3"]),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--only", nargs="*", help="benchmarks to run (module names)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures_file = Path(tmp) / "figures.jsonl"
        env = {**os.environ, "FORMGEN_BENCH_FIGURES": str(figures_file)}
        failures = []
        for script, full, quick in BENCHMARKS:
            if args.only and script not in args.only:
                continue
            start = time.monotonic()
            print(f"-- {script} {' '.join(quick if args.quick else full)}", flush=True)
            done = subprocess.run([sys.executable, "-m", f"benchmarks.{script}",
                                   *(quick if args.quick else full)], env=env)
            print(f"-- {script}: {time.monotonic() - start:.0f} s, exit {done.returncode}",
                  flush=True)
            if done.returncode:
                failures.append(script)
        rows = [json.loads(line) for line in figures_file.read_text().splitlines()] \
            if figures_file.exists() else []
    print()
    print(f"{'figure':<58} {'value':>12}  {'target':>14}  result")
    for row in rows:
        target = "" if row["target"] is None else \
            f"{'≥' if row['better'] == 'higher' else '≤'} {row['target']:g}"
        result = "" if row["met"] is None else ("met" if row["met"] else "MISSED")
        print(f"{row['name'][:58]:<58} {row['value']:>10.4g} {row['unit'][:10]:<10} "
              f"{target:>8}  {result}")
    if failures:
        print(f"benchmarks that failed to run: {', '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
