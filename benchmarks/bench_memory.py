"""Peak memory of ``formgen ingest`` (the parent and its page workers together).

    python -m benchmarks.bench_memory [--pages 1000] [--applicants 25] [--jobs 2]
                                      [--only pdf|batch] [--quick]

Two runs, each a real ``python -m formgen ingest`` in a fresh workspace:
a PDF of ``--pages`` small pages (limit 1 GB), and a simulated batch of
``--applicants`` returned packs, about 8 pages each (limit 500 MB). The
memory of the whole process tree (formgen, its page workers, their
Tesseract runs) is sampled every 0.1 s; the figure is the highest sum of
PSS (proportional set size: a page shared by forked workers is counted
once, split between them). The highest sum of RSS, which counts shared
pages once per process, is printed beside it. Exit 1 when a limit is passed.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from benchmarks._build import printed_batch

MB = 1024 * 1024


def many_page_pdf(path: Path, pages: int) -> Path:
    """``pages`` small pages (10 x 14 cm), each with a little text and a box."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(283, 397))
    for i in range(pages):
        c.setFont("Helvetica-Bold", 28)
        c.drawString(30, 330, f"Halaman {i + 1}")
        c.rect(30, 30, 150 + i % 80, 60, fill=1)
        c.showPage()
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def peak_memory(args: list[str]) -> tuple[int, int, float, int]:
    """Run ``args``; (peak PSS, peak RSS of its process tree in bytes, seconds, exit code)."""
    start = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    parent = psutil.Process(proc.pid)
    peak_pss = peak_rss = 0
    while proc.poll() is None:
        pss = rss = 0
        try:
            tree = [parent, *parent.children(recursive=True)]
        except psutil.Error:
            tree = []
        for p in tree:
            try:
                info = p.memory_full_info()
            except psutil.Error:
                continue
            pss, rss = pss + info.pss, rss + info.rss
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.1)
    err = proc.stderr.read()
    if proc.returncode not in (0, 1):
        print(err, file=sys.stderr)
    return peak_pss, peak_rss, time.monotonic() - start, proc.returncode


def ingest(workspace: Path, files: list[Path], jobs: int) -> tuple[int, int, float, int]:
    from formgen.core.workspace import init_workspace

    if not workspace.exists():
        init_workspace(workspace)[0].close()
    return peak_memory([sys.executable, "-m", "formgen", "--workspace", str(workspace), "ingest",
                     "-j", str(jobs), *map(str, files)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--applicants", type=int, default=25)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", choices=("pdf", "batch"))
    parser.add_argument("--quick", action="store_true", help="200 pages and 5 applicants")
    opts = parser.parse_args()
    if opts.quick:
        opts.pages, opts.applicants = 200, 5
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if opts.only != "batch":
            ok &= bench_pdf(tmp, opts.pages, opts.jobs)
        if opts.only != "pdf":
            ok &= bench_batch(tmp, opts.applicants, opts.jobs)
    return 0 if ok else 1


def bench_pdf(tmp: Path, pages: int, jobs: int) -> bool:
    pdf = many_page_pdf(tmp / "seribu.pdf", pages)
    peak, rss, seconds, code = ingest(tmp / "ws1", [pdf], jobs)
    print(f"{pages}-page PDF ({pdf.stat().st_size // 1024} KB): peak {peak / MB:.0f} MB PSS "
          f"(limit 1024 MB; RSS sum {rss / MB:.0f} MB), {seconds:.0f} s, "
          f"{seconds / pages * 1000:.0f} ms/page, exit {code}", flush=True)
    return peak < 1024 * MB and code == 0


def bench_batch(tmp: Path, applicants: int, jobs: int) -> bool:
    ws, _people, batch = printed_batch(tmp / "ws2", tmp / "scans", applicants=applicants,
                                       seed=11, dpi=150, scan_dpi=100, upside_down_rate=0.0,
                                       file_mode="per_applicant")
    ws.close()
    pages = len(batch.truth)
    peak, rss, seconds, code = ingest(tmp / "ws2", batch.files, jobs)
    print(f"simulated batch, {len(batch.files)} files, {pages} pages: peak {peak / MB:.0f} MB "
          f"PSS (limit 500 MB; RSS sum {rss / MB:.0f} MB), {seconds:.0f} s, "
          f"{seconds / pages * 1000:.0f} ms/page, exit {code}", flush=True)
    return peak < 500 * MB and code == 0


if __name__ == "__main__":
    sys.exit(main())
