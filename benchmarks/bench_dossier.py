"""Benchmark: dossiers for many synthetic applicants; seconds per dossier and size distribution.

    python -m benchmarks.bench_dossier [--applicants 100] [--keep DIR]

Each applicant has the full set of pages (2 + 1 + 1 form pages, KTP, ijazah, pas foto)
drawn at the workspace's scan dpi, so each dossier has 8 pages with an OCR text layer on 6.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks._figures import report
from formgen.core.workspace import init_workspace
from formgen.outputs.dossier import write_dossiers
from scansim.records import complete_applicant, nik_for

FIRST = ["BUDI", "SITI", "AGUS", "DEWI", "RUDI", "NUR", "HENDRA", "RINA", "JOKO", "LINA"]
LAST = ["SANTOSO", "AMINAH", "PRATAMA", "LESTARI", "HIDAYAT", "WAHYUNI", "SAPUTRA", "KURNIAWAN"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "ws"
        ws, _ = init_workspace(root)
        start = time.perf_counter()
        ids = [complete_applicant(ws, nik=nik_for(i + 1),
                                  nama=f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]} {i + 1}")
               for i in range(args.applicants)]
        print(f"workspace: {args.applicants} applicants, pages drawn in "
              f"{time.perf_counter() - start:.1f} s")
        seconds, sizes, pages = [], [], []
        for app in ids:
            t0 = time.perf_counter()
            (entry,) = write_dossiers(ws, applicant=app)["dossiers"]
            seconds.append(time.perf_counter() - t0)
            sizes.append(entry["bytes"])
            pages.append(entry["pages"])
        ws.close()
    print(f"dossiers: {len(seconds)} ({min(pages)}-{max(pages)} pages each)")
    print(f"seconds per dossier: median {statistics.median(seconds):.2f}  "
          f"min {min(seconds):.2f}  max {max(seconds):.2f}  total {sum(seconds):.0f}")
    print(f"bytes: min {min(sizes):,}  median {int(statistics.median(sizes)):,}  "
          f"max {max(sizes):,}")
    report("dossier: seconds per dossier (median)", statistics.median(seconds), "s")
    report("dossier: largest 8-page dossier", max(sizes) / 1e6, "MB", target=2.0,
           better="lower")


if __name__ == "__main__":
    main()
