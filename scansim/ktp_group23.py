"""Twenty-third-group KTP prints and print looks: a print of jlamprang (the Pekalongan batik
from the patola cloths: eight-pointed stars, each of two squares crossed, in circles on a
square grid, small dots between them, in two colours), a print of tambal (the patchwork
batik: a grid of squares cut on a diagonal, each half filled with its own fine texture
of lines, dots or rings, in two colours), a card handed in as a printed WhatsApp photo
(photographed on a table with a phone in a little perspective under warm light, sent on
WhatsApp, the small heavily compressed JPEG printed on a cheap inkjet on plain paper, that
printout scanned: blocks, a warm cast and the printer's dither dots) and a copy stamped
with a rectangular purple "sesuai dengan aslinya" stamp over the field block, its date and
paraf written into it in ballpoint."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scansim.draw import font as dejavu
from scansim.draw import make_signature
from scansim.formpages import jpeg
from scansim.handwriting import hand_fonts

TABLES = ((118, 86, 60), (86, 70, 58), (70, 74, 82), (168, 160, 146), (40, 40, 46))
# desks and table cloths the card is photographed on
WA_RANGES = {"long_px": (480.0, 800.0), "quality": (35, 55), "warm": (0.06, 0.16),
             "inset": (0.004, 0.03), "dot_dpi": (300.0, 400.0)}
# the card's long side in the WhatsApp image (px), the JPEG's quality, how warm the light
# (the blue's loss), how far a corner is pulled in by the perspective (share of the side),
# the inkjet's dither dots per inch
# CMYK inks of a cheap dye inkjet on plain paper (what each lets through, 0..255)
INKJET_INKS = ((40, 168, 222), (214, 52, 130), (246, 224, 48), (34, 34, 40))
STAMP_PURPLES = ((118, 54, 160), (96, 52, 150), (132, 66, 168))
PEN_BLUES = ((26, 46, 150), (30, 38, 120))
STEMPEL_MM = {"width": (40.0, 50.0), "height": (15.0, 19.0), "turn": (-7.0, 7.0)}
STEMPEL_TEXTS = (("FOTOCOPY SESUAI", "DENGAN ASLINYA"), ("LEGALISIR",
                 "SESUAI DENGAN ASLINYA"), ("FOTO COPY INI SESUAI", "DENGAN ASLINYA"))


# -- the security prints ------------------------------------------------------------------

def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, ink, width: int) -> None:
    """An eight-pointed star: two squares of half-diagonal ``r`` crossed at 45 degrees."""
    for turn in (0.0, math.pi / 4):
        pts = [(cx + r * math.cos(turn + k * math.pi / 2),
                cy + r * math.sin(turn + k * math.pi / 2)) for k in range(4)]
        d.polygon(pts, outline=ink, width=width)


def jlamprang(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Eight-pointed stars (two squares crossed) 4-5 mm across in ``color`` on a square
    grid 6-7.5 mm apart, each in a circle of ``second`` with a small ring at its heart,
    a dot of ``second`` on the grid between four stars and fine lines joining circles."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    pitch = rng.uniform(6.0, 7.5) * u
    r = pitch * rng.uniform(0.3, 0.34)
    width = max(1, round(0.09 * u))
    ox, oy = rng.uniform(0, pitch), rng.uniform(0, pitch)
    dot = max(1.0, 0.35 * u)
    for cy in np.arange(oy - pitch, h + pitch, pitch):
        for cx in np.arange(ox - pitch, w + pitch, pitch):
            ring = r * 1.08
            d.ellipse([cx - ring, cy - ring, cx + ring, cy + ring], outline=second, width=width)
            _star(d, cx, cy, r, color, width)
            core = 0.28 * r
            d.ellipse([cx - core, cy - core, cx + core, cy + core], outline=color, width=width)
            mx, my = cx + pitch / 2, cy + pitch / 2      # between four stars
            d.ellipse([mx - dot, my - dot, mx + dot, my + dot], fill=second)
            d.line([(cx + ring, cy), (cx + pitch - ring, cy)], fill=second, width=width)
            d.line([(cx, cy + ring), (cx, cy + pitch - ring)], fill=second, width=width)


def tambal(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Patchwork: squares 7-9 mm a side outlined in ``second``, each cut on one of its
    diagonals; each half filled with its own fine texture in ``color`` or ``second``
    (hatching one way or the other, a grid of dots, small rings, or left plain)."""
    w, h = img.size
    side = rng.uniform(7.0, 9.0) * u
    width = max(1, round(0.08 * u))
    ox, oy = rng.uniform(-side, 0), rng.uniform(-side, 0)
    layer = {ink: Image.new("L", (w, h), 0) for ink in (color, second)}
    draws = {ink: ImageDraw.Draw(im) for ink, im in layer.items()}
    texture = Image.new("L", (math.ceil(side) + 1, math.ceil(side) + 1), 0)
    n = round(side)
    for y in np.arange(oy, h, side):
        for x in np.arange(ox, w, side):
            flip = rng.random() < 0.5            # which diagonal cuts it
            corners = [(0, 0), (n, 0), (n, n), (0, n)]
            halves = ([corners[0], corners[1], corners[2]], [corners[0], corners[2],
                                                             corners[3]]) if flip else \
                ([corners[0], corners[1], corners[3]], [corners[1], corners[2], corners[3]])
            for half in halves:
                kind = rng.choice(("hatch", "hatch_back", "dots", "rings", "plain", "plain"))
                ink = color if rng.random() < 0.6 else second
                tile = texture.copy()
                td = ImageDraw.Draw(tile)
                step = rng.uniform(0.7, 1.0) * u
                if kind in ("hatch", "hatch_back"):
                    for k in np.arange(-n, 2 * n, step):
                        a, b = (k, 0), (k + n, n) if kind == "hatch" else (k - n, n)
                        td.line([a, b], fill=255, width=width)
                elif kind == "dots":
                    rr = max(1.0, 0.13 * u)
                    for ty in np.arange(step / 2, n, step):
                        for tx in np.arange(step / 2, n, step):
                            td.ellipse([tx - rr, ty - rr, tx + rr, ty + rr], fill=255)
                elif kind == "rings":
                    rr = 0.45 * step * 1.4
                    for ty in np.arange(step, n, 1.4 * step):
                        for tx in np.arange(step, n, 1.4 * step):
                            td.ellipse([tx - rr, ty - rr, tx + rr, ty + rr], outline=255,
                                       width=width)
                cut = Image.new("L", tile.size, 0)
                ImageDraw.Draw(cut).polygon(half, fill=255)
                tile = Image.fromarray(np.minimum(np.asarray(tile), np.asarray(cut)))
                layer[ink].paste(255, (int(x), int(y)), tile)
            box = [x, y, x + n, y + n]
            draws[second].rectangle(box, outline=255, width=width)
            a, b = ((x, y), (x + n, y + n)) if flip else ((x + n, y), (x, y + n))
            draws[second].line([a, b], fill=255, width=width)
    for ink, im in layer.items():
        img.paste(ink, (0, 0), im)


# -- a WhatsApp photo, printed on an inkjet, scanned ------------------------------------

def _photographed(img: Image.Image, rng: random.Random, amount: float) -> np.ndarray:
    """The card as a phone sees it on a table (h, w, 3 floats, the card's size): its
    corners pulled in a little each its own way (the perspective, the table showing in
    slivers round it), a warm, uneven light, a little out of focus, the camera's
    oversharpening and noise."""
    w, h = img.size
    g = np.random.default_rng(rng.getrandbits(32))
    lo, hi = WA_RANGES["inset"]
    dst = np.float32([[rng.uniform(lo, hi) * w, rng.uniform(lo, hi) * h],
                      [w - rng.uniform(lo, hi) * w, rng.uniform(lo, hi) * h],
                      [w - rng.uniform(lo, hi) * w, h - rng.uniform(lo, hi) * h],
                      [rng.uniform(lo, hi) * w, h - rng.uniform(lo, hi) * h]])
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    table = np.array(rng.choice(TABLES), np.float32)
    arr = cv2.warpPerspective(np.asarray(img.convert("RGB"), np.float32),
                              cv2.getPerspectiveTransform(src, dst), (w, h),
                              flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                              borderValue=tuple(float(c) for c in table))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, 2 * math.pi)
    ramp = ((xx / w - 0.5) * math.cos(ang) + (yy / h - 0.5) * math.sin(ang))
    light = 1.0 - rng.uniform(0.06, 0.16) * amount * (ramp + 0.5)     # falling off
    warm = rng.uniform(*WA_RANGES["warm"]) * (0.5 + 0.5 * amount)
    cast = np.array([1.02, 1.0 - 0.35 * warm, 1.0 - warm], np.float32)
    arr = arr * light[..., None] * cast
    arr = cv2.GaussianBlur(arr, (0, 0), max(0.5, w / 1400 * rng.uniform(0.8, 1.4)))
    soft = cv2.GaussianBlur(arr, (0, 0), max(1.0, w / 500))
    arr = arr + rng.uniform(0.5, 0.9) * (arr - soft)                   # the phone sharpens
    return arr + g.normal(0, 2.0, arr.shape).astype(np.float32)


def _whatsapp(arr: np.ndarray, rng: random.Random, amount: float) -> Image.Image:
    """The photo as WhatsApp sends it on: the card ``long_px`` across (the photo scaled
    down to about 1000-1280 px), a JPEG of quality 35-55 with its colour at half
    resolution; returned at that small size."""
    h, w = arr.shape[:2]
    long_px = rng.uniform(*WA_RANGES["long_px"])
    scale = min(1.0, long_px / max(w, h))
    small = cv2.resize(np.clip(arr, 0, 255).astype(np.uint8),
                       (max(8, round(w * scale)), max(8, round(h * scale))),
                       interpolation=cv2.INTER_AREA)
    lo, hi = WA_RANGES["quality"]
    quality = round(rng.uniform(hi - (hi - lo) * amount, hi))
    return jpeg(Image.fromarray(small, "RGB"), quality)   # colour at half resolution


def _inkjet_print(small: Image.Image, size: tuple[int, int], rng: random.Random,
                  amount: float, dpi: int) -> np.ndarray:
    """The small JPEG printed at the card's size on a cheap inkjet on plain paper (h, w, 3
    floats): scaled up by the driver, split into cyan, magenta, yellow and a black that
    takes half the grey, each ink error-diffused into dots at 300-400 dots an inch (the
    scan, at its own dpi, averages them into a grain), the colours' passes a little out
    of register, the dye wicking into the paper, a paler line where the head's passes
    meet."""
    w, h = size
    u = dpi / 25.4
    g = np.random.default_rng(rng.getrandbits(32))
    dot_dpi = max(float(dpi), rng.uniform(*WA_RANGES["dot_dpi"]))
    gw, gh = max(8, round(w * dot_dpi / dpi)), max(8, round(h * dot_dpi / dpi))
    rgb = np.asarray(small.resize((gw, gh), Image.BICUBIC), np.float32) / 255
    cmy = 1 - rgb
    k = np.min(cmy, axis=2) * rng.uniform(0.45, 0.65)       # grey component replacement
    inks = [(cmy[..., i] - k) / np.maximum(1 - k, 1e-3) for i in range(3)] + [k]
    paper = np.float32(rng.uniform(246, 252))
    out = np.full((h, w, 3), paper, np.float32)
    for i, (share, ink) in enumerate(zip(inks, INKJET_INKS, strict=True)):
        dots = Image.fromarray(np.uint8(np.clip(1 - share, 0, 1) * 255), "L").convert("1")
        cover = 1 - np.asarray(dots.convert("L").resize((w, h), Image.BOX), np.float32) / 255
        if i < 3:   # the colour passes a little out of register with the black
            cover = np.roll(cover, (round(rng.uniform(-0.08, 0.08) * u),
                                    round(rng.uniform(-0.08, 0.08) * u)), axis=(0, 1))
        cover = cv2.GaussianBlur(cover, (0, 0), max(0.4, 0.035 * u))   # wicking
        out = out * (1 - cover[..., None] * (1 - np.array(ink, np.float32) / 255))
    swath = rng.uniform(2.5, 4.0) * u                     # the head's passes down the page
    pos = (np.arange(h, dtype=np.float32) + rng.uniform(0, swath)) % swath
    seam = np.exp(-(np.minimum(pos, swath - pos) / (0.1 * u)) ** 2)
    gain = 1 + amount * rng.uniform(0.03, 0.07) * seam
    gain = gain * (1 + amount * 0.015 * g.choice((-1, 1), size=h).astype(np.float32)
                   * (np.floor((np.arange(h) + pos[0]) / swath) % 2))
    out = 255 - (255 - out) / gain[:, None, None]
    return np.clip(out, 0, 255)


def wa_cetak(img: Image.Image, rng: random.Random, amount: float, dpi: int
             ) -> Image.Image:
    """The card handed in as a printed WhatsApp photo: photographed on a table with a
    phone (a little perspective, warm light), sent on WhatsApp (small, a JPEG of quality
    35-55), printed at the card's size on a cheap inkjet on plain paper (dither dots,
    slight banding), and that printout scanned. ``amount`` (0..1): how heavy the JPEG,
    how warm and uneven the light and how plain the banding."""
    arr = _photographed(img, rng, amount)
    small = _whatsapp(arr, rng, amount)
    out = _inkjet_print(small, img.size, rng, amount, dpi)
    return Image.fromarray(np.uint8(out), "RGB")


# -- a rectangular purple stamp, dated and initialled -----------------------------------

def stempel_mask(size_mm: tuple[float, float], lines: tuple[str, str], dpi: int,
                 rng: random.Random) -> tuple[Image.Image, Image.Image]:
    """A rectangular rubber stamp's ink (L, white on black) and the clerk's ballpoint
    (L) written into its blanks: a frame (doubled or single), the two lines of wording in
    a condensed bold, a rule under them, then "Tgl. ....  Paraf ...." on one row; the
    date written on the first blank, a paraf over the second (the pen's tile is the
    stamp's size: what runs past it is cut)."""
    u = dpi / 25.4
    w, h = round(size_mm[0] * u), round(size_mm[1] * u)
    stamp = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(stamp)
    rim = max(1, round(rng.uniform(0.45, 0.65) * u))
    d.rectangle([0, 0, w - 1, h - 1], outline=255, width=rim)
    inset = rim + max(1, round(0.5 * u))
    if rng.random() < 0.6:   # a second, thin frame inside the first
        d.rectangle([inset, inset, w - 1 - inset, h - 1 - inset], outline=255,
                    width=max(1, round(0.2 * u)))
    margin = inset + round(0.9 * u)
    row = (h - 2 * margin) / 3.5
    for k, text in enumerate(lines):
        size = int(row * 0.95)
        fnt = dejavu("cond_bold", size)
        while size > 6 and d.textlength(text, font=fnt) > w - 2 * margin:
            size -= 1
            fnt = dejavu("cond_bold", size)
        d.text((w / 2, margin + k * row), text, font=fnt, fill=255, anchor="ma")
    rule_y = margin + 2.1 * row
    d.line([(margin, rule_y), (w - margin, rule_y)], fill=255, width=max(1, round(0.25 * u)))
    small = dejavu("cond_bold", int(row * 0.75))
    pen = Image.new("L", (w, h), 0)
    pd = ImageDraw.Draw(pen)
    fonts = hand_fonts()
    y = rule_y + 0.45 * row
    base = y + 0.85 * row
    dd = max(1.0, 0.12 * u)
    half = (w - 2 * margin) / 2
    for k, label in enumerate(("Tgl.", "Paraf")):   # "Tgl. ......  Paraf ......"
        x0 = margin + k * half
        d.text((x0, y), label, font=small, fill=255)
        start = x0 + d.textlength(label, font=small) + 0.6 * u
        for x in np.arange(start, x0 + half - 1.2 * u, 0.7 * u):   # the dotted blank
            d.ellipse([x - dd, base - dd, x + dd, base + dd], fill=255)
        if k == 0 and fonts:   # the date, in ballpoint on its blank
            date = rng.choice(("{d}-{m}-{y}", "{d}/{m}/{y}", "{d}-{m}-{y2}")).format(
                d=rng.randint(1, 28), m=rng.randint(1, 12), y=rng.randint(2019, 2025),
                y2=rng.randint(19, 25))
            size = max(8, int(row * 1.25))
            fnt = ImageFont.truetype(rng.choice(fonts), size)
            while size > 8 and pd.textlength(date, font=fnt) > half - 1.5 * u:
                size -= 1
                fnt = ImageFont.truetype(fnt.path, size)
            pd.text((start + rng.uniform(0.2, 1.2) * u, base + rng.uniform(-0.2, 0.4) * u),
                    date, font=fnt, fill=255, anchor="ls")
        elif k == 1:   # the paraf: a quick initial over its blank, running past the frame
            sig = make_signature(rng=rng, width_px=int(rng.uniform(9, 13) * u),
                                 height_px=int(rng.uniform(5, 7) * u), ink=(0, 0, 0))
            pen.paste(255, (int(start + rng.uniform(0, 3) * u), int(base - sig.height * 0.8)),
                      sig.split()[-1])
    return stamp, pen


def stempel_ungu(img: Image.Image, rng: random.Random, amount: float, dpi: int
                 ) -> Image.Image:
    """The copy stamped at an office with a rectangular "sesuai dengan aslinya" stamp in
    purple ink, turned up to 7 degrees, pressed over the middle of the field block (its
    box across the values, now and then up over the birth row), its pad's ink uneven
    (one end heavier, specks missed), the date and a paraf written into its blanks in
    blue ballpoint. Both lie over the print, a person still reads the rows through them.
    ``amount`` (0..1): how much ink."""
    u = dpi / 25.4
    w, h = img.size
    size_mm = (rng.uniform(*STEMPEL_MM["width"]), rng.uniform(*STEMPEL_MM["height"]))
    stamp, pen = stempel_mask(size_mm, rng.choice(STEMPEL_TEXTS), dpi, rng)
    turn = rng.uniform(*STEMPEL_MM["turn"])
    stamp = stamp.rotate(turn, expand=True, resample=Image.BICUBIC)
    pen = pen.rotate(turn + rng.uniform(-3, 3), expand=True, resample=Image.BICUBIC)
    cx = rng.uniform(32, 44) * u
    cy = (rng.uniform(27.5, 29) if rng.random() < 0.25 else rng.uniform(30, 37)) * u
    at = (int(cx - stamp.width / 2), int(cy - stamp.height / 2))
    canvas, ink_pen = Image.new("L", (w, h), 0), Image.new("L", (w, h), 0)
    canvas.paste(stamp, at)
    ink_pen.paste(pen, at)
    g = np.random.default_rng(rng.getrandbits(32))
    cell = max(1, int(3 * u))
    pad = g.normal(0, 1, (h // cell + 2, w // cell + 2)).astype(np.float32)
    pad = cv2.resize(pad, (w, h), interpolation=cv2.INTER_CUBIC)
    yy, xx = np.mgrid[0:h, 0:w]
    ax = rng.uniform(-1, 1)
    tilt = (xx - cx) * ax / (size_mm[0] * u / 2)              # one end pressed harder
    press = np.clip(0.78 + 0.16 * pad + 0.18 * tilt, 0.2, 1.0)
    grain = g.random((h, w)) < 0.1 + 0.1 * (1 - amount)       # specks the pad missed
    share = np.asarray(canvas.filter(ImageFilter.GaussianBlur(max(0.3, 0.05 * u))),
                       np.float32) / 255
    share = share * press * (0.55 + 0.35 * amount) * np.where(grain, 0.35, 1.0)
    purple = np.array(rng.choice(STAMP_PURPLES), np.float32)
    arr = np.asarray(img.convert("RGB"), np.float32)
    arr = arr * (1 - share[..., None] * (1 - purple / 255))
    line = np.asarray(ink_pen.filter(ImageFilter.GaussianBlur(max(0.3, 0.03 * u))),
                      np.float32)[..., None] / 255 * rng.uniform(0.75, 0.92)
    arr = arr * (1 - line) + np.array(rng.choice(PEN_BLUES), np.float32) * line
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


__all__ = ["INKJET_INKS", "STAMP_PURPLES", "STEMPEL_MM", "STEMPEL_TEXTS", "TABLES",
           "WA_RANGES", "jlamprang", "stempel_mask", "stempel_ungu", "tambal", "wa_cetak"]
