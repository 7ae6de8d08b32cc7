"""Benchmark: packs for 500 synthetic applicants (2,500 pages, 5 a pack) in a temp workspace.

Prints pages per second (median of runs, one process). Run from the repository root:
    python -m benchmarks.bench_packs [--applicants 500] [--runs 3] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks._figures import report
from formgen.core.db import now, write_transaction
from formgen.core.workspace import init_workspace
from formgen.forms import generate_packs

FIRST = ["ADI", "BAYU", "CAHYO", "DEWI", "EKO", "FITRI", "GALIH", "HENDRA", "INDAH", "JOKO"]
LAST = ["PRASETYO", "SANTOSO", "WIBOWO", "LESTARI", "SAPUTRA", "HIDAYAT", "KURNIAWAN"]


def insert_applicants(ws, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    stamp = now()
    with write_transaction(ws.conn) as conn:
        for i in range(count):
            sex = rng.choice("LP")
            day = rng.randint(1, 28)
            nik = f"620102{day + (40 if sex == 'P' else 0):02d}{rng.randint(1, 12):02d}" \
                  f"{rng.randint(70, 99):02d}{i + 1:04d}"
            cur = conn.execute(
                "INSERT INTO applicants(nik, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, "
                "alamat, kelurahan, kecamatan, no_hp, email, pendidikan, jabatan_kerja, jenjang, "
                "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (nik, f"{rng.choice(FIRST)} {rng.choice(LAST)}", "Pangkalan Bun",
                 f"19{rng.randint(70, 99)}-{rng.randint(1, 12):02d}-{day:02d}", sex,
                 f"Jl. Contoh No. {i + 1}, RT 00{rng.randint(1, 9)}", "Baru", "Arut Selatan",
                 f"0812{rng.randint(10**7, 10**8 - 1)}", f"pemohon{i}@example.org", "SMA/SMK",
                 "Tukang Pasang Bata", rng.randint(1, 3), stamp, stamp))
            for n in range(rng.randint(1, 4)):
                conn.execute(
                    "INSERT INTO experience(applicant_id, nama_proyek, pemberi_kerja, jabatan, "
                    "lokasi, mulai, selesai) VALUES (?,?,?,?,?,?,?)",
                    (cur.lastrowid, f"Proyek Gedung {n + 1}", "CV Contoh", "Tukang",
                     "Kumai", f"20{10 + n}-01", f"20{10 + n}-06"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--applicants", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    rates, cpu_rates = [], []
    with tempfile.TemporaryDirectory() as tmp:
        ws, _ = init_workspace(Path(tmp) / "ws")
        insert_applicants(ws, args.applicants)
        for run in range(args.runs):
            profiler = cProfile.Profile() if args.profile and run == args.runs - 1 else None
            start, cpu_start = time.perf_counter(), time.process_time()
            if profiler:
                profiler.enable()
            result = generate_packs(ws, all_applicants=True)
            if profiler:
                profiler.disable()
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu_start
            pages = sum(p["pages"] for p in result["packs"])
            rates.append(pages / elapsed)
            cpu_rates.append(pages / cpu)
            print(f"run {run + 1}: {pages} pages (pack files + print file) in {elapsed:.2f} s wall"
                  f" = {pages / elapsed:.0f} pages/s; {cpu:.2f} s CPU = {pages / cpu:.0f} pages/s")
            if profiler:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        ws.close()
    print(f"median: {statistics.median(rates):.0f} pages/s wall-clock, "
          f"{statistics.median(cpu_rates):.0f} pages/s per CPU second (one core)")
    report("packs: pages per CPU second", statistics.median(cpu_rates), "pages/s", target=100)
    report("packs: pages per wall second", statistics.median(rates), "pages/s")


if __name__ == "__main__":
    main()
