"""The NIK digit-shape reader per type face, the faces it may use as templates apart.

Each installed face with digits (print faces only: not the symbol, dingbat, maths and
handwriting faces, not italics) prints real-looking NIKs of scansim's people as a KTP
prints its NIK line: 3.8-4.3 mm type fitted to the band, in the toner of a tuned card
design on that design's security background, plain and in synthetic variants (squeezed
to 70-90 % of its width, thickened, thinned, slanted). The band is blurred as the card
is, copied in grey or colour at 80-160 % zoom, scanned (gain, noise, JPEG 70-90) at 200
or 300 dpi and resampled to the cut-out card's resolution; then it is cleaned, binarised
and cut into its glyphs as the KTP reader does (:mod:`ocr.ktp.clean`,
:func:`ocr.ktp.nikread.fit_band`) and read by the digit-shape readings the NIK reader makes
(:func:`ocr.ktp.nikread.shape_readings`).

Faces are split: TRAIN faces (the ones the reader may draw its templates from) and TEST
faces, never used as templates; the test faces' figures are the ones that count. Per
face: bands cut into sixteen glyphs, digits named, digits named wrong, and the share of
bands whose serial (the last four digits, which nothing on the card checks) the shapes
read right with no reading naming a serial digit otherwise.

    python -m benchmarks.nik_glyphs [--people 4] [--seed 1] [--workers 1] [--faces a,b]
"""
from __future__ import annotations

import argparse
import random
import subprocess
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from benchmarks import formboxes as F
from benchmarks._figures import report
from formgen.domain.nik import NIK_LENGTH
from ocr.ktp.cards import PX_PER_MM
from ocr.ktp.clean import clean_card, digits_print
from ocr.ktp.glyphs import FONT_ROOT, number_faces
from ocr.ktp.nikread import fit_band, shape_readings
from scansim.documents import _photocopy
from scansim.ktp_designs import DESIGNS, DRAWN, background
from scansim.people import make_people

# TRAIN faces are the reader's own template faces (ocr/data/nik_faces.txt: the monospaced
# faces of DejaVu, Liberation and FreeFont, OCR-A (regular), and the sans and serif faces of
# DejaVu and Liberation). Every other print face is a TEST face; several are of the same
# lineage as a train face (Nimbus Mono PS and FreeMono are Courier's, Nimbus Sans and
# FreeSans Helvetica's, Nimbus Roman and FreeSerif Times'), the others are new designs
# (OCR-A Bold and Condensed, URW Gothic, Bookman, Palatino and Century clones, condensed
# faces).
TRAIN_FACES = frozenset(number_faces())
# Not print faces a card's NIK is set in: symbols, dingbats, maths, handwriting.
NOT_PRINT = ("StandardSymbolsPS", "D050000L", "DejaVuMathTeXGyre", "breip", "femkeklaver",
             "fifthhorseman", "humor-sans", "rufscript", "Z003")
VARIANTS = ("plain", "squeezed", "thick", "thin", "slanted")
SUPERSAMPLE = 4
NIK_MM = (3.8, 4.3)          # type size of the NIK line
NIK_ROOM_MM = 45.0           # the band's width the NIK is fitted to
BAND_MM = (60.0, 9.0)
STROKE_MM = 0.06             # thickening / thinning, all round
SLANT = (0.12, 0.2)          # shear (tan of the slant angle)
SQUEEZE = (0.7, 0.9)
ZOOM = (0.8, 1.6)            # copier zoom, as KTP copies are made


def print_faces() -> list[str]:
    """Installed print faces with the digits (paths under FONT_ROOT), upright ones only."""
    out = subprocess.run(["fc-list", ":charset=30-39", "--format", "%{file}\n"],
                         capture_output=True, text=True, check=True).stdout.split()
    faces = []
    for path in sorted(set(out)):
        rel = str(Path(path).relative_to(FONT_ROOT)) if path.startswith(str(FONT_ROOT)) else ""
        low = rel.lower()
        if not rel or not low.endswith((".ttf", ".otf")) or any(
                n.lower() in low for n in NOT_PRINT) or any(
                s in low for s in ("italic", "oblique", "ita.", "bdita")):
            continue
        faces.append(rel)
    return faces


def _label(rel: str) -> str:
    return Path(rel).stem


def _mask(text: str, rel: str, variant: str, dpi: int, rng: random.Random) -> Image.Image:
    """The NIK's ink (L, 255 = ink) at ``dpi``, drawn SUPERSAMPLE times larger first."""
    u = dpi / 25.4 * SUPERSAMPLE
    size = int(rng.uniform(*NIK_MM) * u)
    path = str(FONT_ROOT / rel)
    font = ImageFont.truetype(path, size)
    while size > 8 and font.getlength(text) > NIK_ROOM_MM * u:
        size -= 2
        font = ImageFont.truetype(path, size)
    left, top, right, bottom = font.getbbox(text)
    pad = int(2 * u)
    img = Image.new("L", (right - left + 2 * pad, bottom - top + 2 * pad), 0)
    ImageDraw.Draw(img).text((pad - left, pad - top), text, font=font, fill=255)
    if variant == "squeezed":
        img = img.resize((int(img.width * rng.uniform(*SQUEEZE)), img.height), Image.LANCZOS)
    elif variant in ("thick", "thin"):
        r = max(1, round(STROKE_MM * u))
        k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))
        a = np.asarray(img)
        a = cv2.dilate(a, k) if variant == "thick" else cv2.erode(a, k)
        img = Image.fromarray(a)
    elif variant == "slanted":
        s = rng.uniform(*SLANT)
        img = img.transform((img.width + int(s * img.height), img.height), Image.AFFINE,
                            (1, s, -s * img.height, 0, 1, 0), resample=Image.BICUBIC)
    return img.resize((max(1, img.width // SUPERSAMPLE), max(1, img.height // SUPERSAMPLE)),
                      Image.LANCZOS)


def render_band(nik: str, rel: str, variant: str, *, dpi: int, colour: bool,
                rng: random.Random, g: np.random.Generator) -> np.ndarray:
    """The NIK band as the reader gets it: RGB at PX_PER_MM, after copy and scan."""
    des = DESIGNS[rng.choice(DRAWN)]
    u = dpi / 25.4
    size = (int(BAND_MM[0] * u), int(BAND_MM[1] * u))
    img = background(des, size, rng, dpi)
    mask = _mask(nik, rel, variant, dpi, rng)
    fade = min(1.0, max(0.0, des.fade + rng.uniform(-0.1, 0.1)))
    toner = tuple(int(c + fade * (110 - c) * 0.9) for c in des.ink)
    x = int(rng.uniform(2.0, 4.0) * u)
    y = max(0, (size[1] - mask.height) // 2 + int(rng.uniform(-0.5, 0.5) * u))
    img.paste(Image.new("RGB", mask.size, toner), (x, y), mask)
    img = img.filter(ImageFilter.GaussianBlur(max(0.4, dpi / 300 * des.blur)))
    zoom = rng.uniform(*ZOOM)      # a copy made with zoom: the card smaller or larger
    img = img.resize((round(img.width * zoom), round(img.height * zoom)), Image.LANCZOS)
    img = _photocopy(img if colour else img.convert("L").convert("RGB"), color=colour, rng=rng)
    scanned = F.scan(img, g, grey=False, jpeg=int(g.integers(70, 90)), noise=3.0)
    rgb = np.asarray(scanned.convert("RGB" if colour else "L").convert("RGB"))
    out = (round(BAND_MM[0] * PX_PER_MM), round(BAND_MM[1] * PX_PER_MM))
    return cv2.resize(rgb, out, interpolation=cv2.INTER_CUBIC)


def read_band(rgb: np.ndarray) -> list[str]:
    """The digit-shape readings of a band, cleaned and cut as the KTP reader does ([]:
    the band did not fall apart into sixteen glyphs)."""
    flat, binary = clean_card(rgb)
    thin = digits_print(flat)
    rows, cols = fit_band(binary, slice(0, binary.shape[0]), slice(0, binary.shape[1]))
    return [make() for make in shape_readings(flat[rows, cols], binary[rows, cols],
                                               thin[rows, cols])]


def band_case(args: tuple[str, str, int, int, bool, str, int]) -> dict:
    """Render and read one band; its counts."""
    rel, variant, dpi, n, colour, nik, seed = args
    rng = random.Random(f"{seed}-{rel}-{variant}-{dpi}-{n}")
    g = np.random.default_rng(rng.randrange(2 ** 32))
    rgb = render_band(nik, rel, variant, dpi=dpi, colour=colour, rng=rng, g=g)
    started = time.process_time()
    readings = read_band(rgb)
    cpu = time.process_time() - started
    made = readings or ["?" * NIK_LENGTH]
    named = sum(c != "?" for r in made for c in r)
    wrong = sum(c not in ("?", t) for r in made for c, t in zip(r, nik, strict=True))
    serial = bool(readings) and any(r[12:] == nik[12:] for r in readings) and not any(
        c not in ("?", t) for r in readings for c, t in zip(r[12:], nik[12:], strict=True))
    return {"face": rel, "variant": variant, "dpi": dpi, "cut": bool(readings),
            "digits": NIK_LENGTH * len(made), "named": named, "wrong": wrong,
            "serial": serial, "cpu": cpu, "nik": nik, "readings": readings}


def _row(label: str, cases: list[dict]) -> str:
    digits = sum(c["digits"] for c in cases)
    named = sum(c["named"] for c in cases)
    wrong = sum(c["wrong"] for c in cases)
    cut = 100.0 * sum(c["cut"] for c in cases) / len(cases)
    serial = 100.0 * sum(c["serial"] for c in cases) / len(cases)
    return (f"{label:34s} bands {len(cases):4d}  cut {cut:5.1f} %  named "
            f"{100.0 * named / digits:5.1f} %  wrong {wrong:3d} ({100.0 * wrong / digits:4.2f} %)"
            f"  serial read {serial:5.1f} %")


def summarise(cases: list[dict], *, wrongs: bool = False) -> None:
    """Print per face (by split), per variant and per split; report the split figures."""
    for split in ("train", "test"):
        part = [c for c in cases if (c["face"] in TRAIN_FACES) == (split == "train")]
        if not part:
            continue
        print(f"\n{split.upper()} faces")
        by_face = defaultdict(list)
        for c in part:
            by_face[c["face"]].append(c)
        for face, rows in sorted(by_face.items()):
            print(_row(_label(face), rows))
        for variant in VARIANTS:
            rows = [c for c in part if c["variant"] == variant]
            if rows:
                print(_row(f"  {split} {variant}", rows))
        for dpi in (200, 300):
            rows = [c for c in part if c["dpi"] == dpi]
            if rows:
                print(_row(f"  {split} {dpi} dpi", rows))
        print(_row(f"{split.upper()} FACES, ALL", part))
        digits = sum(c["digits"] for c in part)
        report(f"nik glyphs {split} faces named", 100.0 * sum(c["named"] for c in part)
               / digits, "%")
        report(f"nik glyphs {split} faces wrong", 100.0 * sum(c["wrong"] for c in part)
               / digits, "%", target=0.05 if split == "test" else None, better="lower")
        report(f"nik glyphs {split} serial read", 100.0 * sum(c["serial"] for c in part)
               / len(part), "%")
    cpu = sorted(c["cpu"] for c in cases)
    print(f"\nCPU per band (clean, cut, shape readings): median {cpu[len(cpu) // 2]:.3f} s, "
          f"max {cpu[-1]:.3f} s")
    if wrongs:
        for c in cases:
            if c["wrong"]:
                print(f"  {_label(c['face']):28s} {c['variant']:8s} {c['dpi']} {c['nik']} "
                      f"{' '.join(c['readings'])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=4, help="NIKs per face, variant and dpi")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--faces", help="comma-separated face file names (default: all)")
    ap.add_argument("--variants", help="comma-separated variants (default: all)")
    ap.add_argument("--wrongs", action="store_true", help="list the bands read wrong")
    args = ap.parse_args(argv)
    faces = print_faces()
    if args.faces:
        faces = [f for f in faces if Path(f).name in args.faces.split(",")]
    variants = args.variants.split(",") if args.variants else list(VARIANTS)
    people = make_people(args.people, seed=args.seed)
    jobs = [(rel, variant, dpi, n, n % 2 == 0, p["nik"], args.seed) for rel in faces
            for variant in variants for dpi in (200, 300) for n, p in enumerate(people)]
    started = time.time()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        cases = list(pool.map(band_case, jobs, chunksize=8))
    print(f"{len(cases)} NIK bands, {len(faces)} faces ({sum(f in TRAIN_FACES for f in faces)}"
          f" train), variants {', '.join(variants)}, seed {args.seed}, "
          f"{time.time() - started:.0f} s")
    summarise(cases, wrongs=args.wrongs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
