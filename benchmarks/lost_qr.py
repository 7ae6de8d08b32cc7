"""Form pages whose QR code was lost on the way back: how many are still known, none misfiled.

    python -m benchmarks.lost_qr [--applicants 6] [--seed 21] [--dpi 200] [--share 0.5]
                                 [--keep DIR] [--misses]

The office's packs are printed, signed and scanned by the simulator (one stack per
applicant); then on a share of the form pages the QR code is taken away as paper loses
it: a white label stuck over it, a dark stain over most of it, or the page's corner
torn off with the QR (the code line printed beside it left whole, or its end torn off
too). ``formgen ingest`` reads the stacks; ``pages --json`` says where each page went.

Printed: form pages that lost their QR code, how many were still filed under the right
applicant (their printed code read), how many wait for a person and why, and pages
misfiled (target 0) — for the damaged pages and for every page of their stacks.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image, ImageDraw, ImageFilter

from benchmarks._figures import report
from benchmarks.outside import formgen

DAMAGES = ("label", "stain", "torn", "torn_code")


def build(tmp: Path, applicants: int, seed: int, dpi: int):
    from scansim.people import make_people, write_roster_xlsx
    from scansim.scan import simulate_returns

    ws, scans = tmp / "ws", tmp / "scans"
    formgen(ws, "init", "--dpi", str(dpi))
    people = make_people(applicants, seed=seed)
    formgen(ws, "roster", "import", str(write_roster_xlsx(people, tmp / "roster.xlsx")),
            "--json")
    packs = formgen(ws, "pack", "--all", "--json")["packs"]
    by_nik = {p["nik"]: p for p in people}
    batch = simulate_returns(packs, scans, dpi=dpi, seed=seed,
                             people={pk["applicant"]: by_nik[pk["nik"]] for pk in packs},
                             file_mode="per_applicant", upside_down_rate=0.05,
                             truth_file=tmp / "truth.json")
    return ws, scans, batch


def damage(image: Image.Image, kind: str, rng: random.Random) -> bool:
    """Take the page's QR code away as ``kind`` says; False when no QR code is seen."""
    codes = [c for c in zxingcpp.read_barcodes(image) if c.text.startswith("FG1 ")]
    if not codes:
        return False
    p = codes[0].position
    xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
    ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    side = x1 - x0
    draw = ImageDraw.Draw(image)
    if kind == "label":      # a white sticker, a little larger than the code, a little askew
        pad = side * rng.uniform(0.08, 0.2)
        draw.rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), fill=(250, 250, 246))
    elif kind == "stain":    # a dark blot over most of the symbol, its finder patterns too
        blot = Image.new("L", image.size, 0)
        ImageDraw.Draw(blot).ellipse((x0 - side * 0.1, y0 - side * 0.05, x1 - side * 0.05,
                                      y1 + side * 0.1), fill=170)
        blot = blot.filter(ImageFilter.GaussianBlur(side * 0.06))
        image.paste(Image.new("RGB", image.size, (92, 70, 48)), (0, 0), blot)
    else:                    # the corner torn off: the page's edge runs past the code
        width, height = image.size
        cut_x = x0 - side * (rng.uniform(0.05, 0.15) if kind == "torn" else rng.uniform(1, 2))
        cut_y = y0 - side * rng.uniform(0.05, 0.2)
        if y1 > height / 2:
            draw.polygon([(cut_x, height), (cut_x, cut_y + side * 0.3), (cut_x + side * 0.3, cut_y),
                          (width, cut_y), (width, height)], fill=(255, 255, 255))
        else:                # a code in the body (the separator): a label over it instead
            draw.rectangle((x0 - 4, y0 - 4, x1 + 4, y1 + 4), fill=(255, 255, 255))
    return True


def damage_stacks(scans: Path, batch, share: float, dpi: int, rng: random.Random):
    """Rewrite every stack with the QR codes of ``share`` of its form pages taken away;
    returns {(file, index): kind} of the pages damaged."""
    forms = {(t.file, t.index) for t in batch.truth if t.page_id and t.duplicate_of is None}
    damaged = {}
    for path in sorted(scans.glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        pages = [pdf[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(pdf))]
        pdf.close()
        for index, image in enumerate(pages):
            if (path.name, index) in forms and rng.random() < share:
                kind = rng.choice(DAMAGES)
                if damage(image, kind, rng):
                    damaged[(path.name, index)] = kind
        pages[0].save(path, save_all=True, append_images=pages[1:], resolution=dpi)
    return damaged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=6)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--share", type=float, default=0.5)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="formgen-lostqr-"))
    started = time.time()
    try:
        ws, scans, batch = build(tmp, args.applicants, args.seed, args.dpi)
        damaged = damage_stacks(scans, batch, args.share, args.dpi, random.Random(args.seed))
        formgen(ws, "ingest", str(scans), "--json", ok=(0, 1, 2))
        pages = formgen(ws, "pages", "--json")["pages"]
        sha = {hashlib.sha256(p.read_bytes()).hexdigest(): p.name for p in scans.glob("*.pdf")}
        truth = {(t.file, t.index): t for t in batch.truth if t.duplicate_of is None}
        fate: Counter = Counter()
        kinds: Counter = Counter()
        misfiled = filed_all = 0
        for page in pages:
            key = (sha.get(page["sha256"]), page["index"])
            t = truth.get(key)
            if t is None:
                continue
            owner = t.belongs_to or t.applicant
            wrong = page["applicant"] is not None and page["applicant"] != owner
            misfiled += wrong
            filed_all += page["applicant"] is not None
            if key in damaged:
                how = ("MISFILED" if wrong else "filed" if page["applicant"] is not None
                       else f"review: {page['review']}")
                fate[how] += 1
                kinds[(damaged[key], how)] += 1
                if args.misses and how != "filed":
                    print(f"  {key[0]}#{key[1]} {t.doc} ({damaged[key]}): {how}")
        n = len(damaged)
        print(f"{args.applicants} applicants at {args.dpi} dpi, {len(pages)} pages, "
              f"{time.time() - started:.0f} s; {n} form pages lost their QR code")
        for (kind, how), count in sorted(kinds.items()):
            print(f"  {kind:10s} {how:40s} {count}")
        report("lost QR: form pages still filed by their printed code",
               100 * fate["filed"] / max(n, 1), "%")
        report("lost QR: pages misfiled", misfiled, "pages", target=0, better="lower",
               note=f"of {len(pages)} pages, {filed_all} filed")
        if args.keep:
            shutil.copytree(tmp, args.keep, dirs_exist_ok=True)
        return 0 if misfiled == 0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
