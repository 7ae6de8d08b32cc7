"""CPU seconds per page for the page core: load + upright + page id + registration.

    python -m benchmarks.bench_pagecore [--dpi 300] [--repeat 7]

Inputs of one A4 form page: the PDF itself (rendered), a straight scan (PNG), a
skewed, noisy JPEG scan turned upside down, and for comparison the same page
printed without its QR code (orientation then needs Tesseract OSD). CPU time
includes child processes (Tesseract).
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from benchmarks._figures import report
from ocr.load import open_document
from ocr.qr import identify
from ocr.register import register_page
from ocr.upright import make_upright
from scansim.formpages import A4, gaussian_noise, make_form_pdf, render_pdf, rotate


def cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def one_page(path: Path, geo, dpi: int) -> tuple[float, str]:
    start = cpu()
    with open_document(path) as doc:
        img = doc.render(0, dpi)
    ident = identify(img)
    up = make_upright(img, qr_hits=[ident.hit] if ident.hit else None)
    reg = register_page(up.image, geo, A4, qr_hit=up.hits[0] if up.hits else None)
    took = cpu() - start
    return took, f"{ident.status} rot={up.rotation} skew={up.skew:.2f} {up.method}/{reg.method} " \
                  f"residual={reg.residual_mm:.2f}mm"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pdf = tmp / "form.pdf"
        geo = make_form_pdf(pdf)
        make_form_pdf(tmp / "noqr.pdf", with_qr=False)
        page = render_pdf(pdf, args.dpi)
        page.save(tmp / "scan.png", dpi=(args.dpi, args.dpi))
        skewed = gaussian_noise(rotate(page.convert("L"), 181.5), 10)
        skewed.save(tmp / "scan.jpg", quality=75, dpi=(args.dpi, args.dpi))
        for name in ("form.pdf", "scan.png", "scan.jpg", "noqr.pdf"):
            times, note = [], ""
            for _ in range(args.repeat):
                took, note = one_page(tmp / name, geo, args.dpi)
                times.append(took)
            print(f"{name:9s} {args.dpi} dpi: median {statistics.median(times):.3f} s CPU/page "
                  f"(min {min(times):.3f})  [{note}]")
            if name != "noqr.pdf":
                report(f"page core ({name}, {args.dpi} dpi): identify + register",
                       statistics.median(times), "s CPU/page", target=0.5, better="lower")


if __name__ == "__main__":
    main()
