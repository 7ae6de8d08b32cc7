"""Render the README's pictures from what `formgen demo` wrote (output/demo by default).

    .venv/bin/formgen demo && .venv/bin/python scripts/readme_images.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]


def render_first_page(pdf_path: Path, out: Path, *, page: int = 0, dpi: int = 90) -> None:
    pdf = pdfium.PdfDocument(pdf_path)
    pdf.init_forms()
    try:
        image = pdf[page].render(scale=dpi / 72, may_draw_forms=True).to_pil().convert("L")
    finally:
        pdf.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(out, optimize=True)
    print(out)


def main() -> None:
    workspace = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "output" / "demo"
    packs = sorted((workspace / "packs").glob("*_*.pdf"))
    packs = [p for p in packs if not p.name.startswith("cetak_")]
    dossiers = sorted((workspace / "dossiers").glob("*.pdf"))
    if not packs or not dossiers:
        sys.exit(f"{workspace}: run `formgen demo` first (no packs or dossiers there)")
    render_first_page(packs[0], ROOT / "docs" / "img" / "form_permohonan.png", page=1)
    render_first_page(dossiers[0], ROOT / "docs" / "img" / "dossier_cover.png")


if __name__ == "__main__":
    main()
