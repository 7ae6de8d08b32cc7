"""Sixteenth-group KTP prints and print looks: a security print of woven ikat lozenges
(tenun ikat: rows of nested lozenges whose outlines are laid thread by thread, so their
edges step and feather where the dye crept along the yarn), a print of plaited strips
(anyaman: bamboo strips crossing on the diagonals, over one and under the next, each
strip's edges hidden where the other passes over it), a copy legalised at an office (a
round violet or blue "FOTOKOPI SESUAI DENGAN ASLINYA" stamp pressed partly over the card,
its ink uneven, and an official's ballpoint signature across it), and a card copied with
the copier set far too dark (a grey fill over everything, the print and the photo sunk
towards black, a mottled toner fog)."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from scansim.draw import font, make_signature

# Who legalises a copy of a card, and the inks their stamp pads hold.
OFFICES = (("DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "KAB. KOTAWARINGIN BARAT"),
           ("PEMERINTAH KABUPATEN KOTAWARINGIN BARAT", "KECAMATAN ARUT SELATAN"),
           ("PEMERINTAH KECAMATAN KUMAI", "KELURAHAN CANDI"),
           ("PEMERINTAH KECAMATAN ARUT SELATAN", "KELURAHAN MADUREJO"))
STAMP_INKS = ((92, 58, 168), (58, 62, 176), (110, 64, 150))
SIGN_INKS = ((24, 40, 140), (30, 30, 96))
LEGALISED = ("FOTOKOPI", "SESUAI DENGAN", "ASLINYA")


def tenun_ikat(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Rows of lozenges, each of three nested outlines in ``color`` and ``second`` by
    turns, staggered from row to row; each outline laid thread by thread as short
    horizontal dashes whose ends wander a little (the dye's bleed along the yarn), so the
    edges step and feather as woven ikat's do."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    thread = rng.uniform(0.34, 0.42) * u
    dash = max(1, round(thread * 0.55))
    half_w, half_h = rng.uniform(6.0, 7.2) * u, rng.uniform(4.2, 5.0) * u
    bleed = rng.uniform(0.18, 0.3) * u
    row = 0
    y0 = -rng.uniform(0, half_h)
    while y0 < h + half_h:
        x0 = -rng.uniform(0, half_w) + (half_w if row % 2 else 0)
        while x0 < w + half_w:
            for k, scale in enumerate((1.0, 0.68, 0.36)):
                a, b = half_w * scale * 0.94, half_h * scale * 0.94
                ink = color if k % 2 == 0 else second
                y = y0 - b
                while y <= y0 + b:
                    ext = a * (1 - abs(y - y0) / b)
                    seg = max(0.5 * u, 0.9 * thread * a / b)   # steeper sides, shorter dashes
                    for side in (-1, 1):
                        end = x0 + side * ext + rng.uniform(-bleed, bleed)
                        d.line([(end - seg / 2, y), (end + seg / 2, y)], fill=ink, width=dash)
                    y += thread
            x0 += 2 * half_w
        y0 += half_h * 1.02
        row += 1


def anyaman(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Bamboo strips plaited on the two diagonals, over one and under the next: the edges
    and two fine fibre lines of the strip on top at each crossing, those of one direction
    in ``color``, of the other in ``second``."""
    w, h = img.size
    strip = rng.uniform(3.0, 3.8) * u
    yy, xx = np.mgrid[0:h, 0:w].astype(float)
    x0, y0 = rng.uniform(0, strip), rng.uniform(0, strip)
    s = (xx - x0 + yy - y0) / math.sqrt(2) / strip     # across the strips of one direction
    t = (xx - x0 - yy + y0) / math.sqrt(2) / strip     # ... and of the other
    i, j = np.floor(s), np.floor(t)
    over = (i + j) % 2 == 0                            # the first direction's strip on top
    half = max(0.75, 0.06 * u) / strip                 # a line's half width, in strips

    def lines(f: np.ndarray) -> np.ndarray:
        """How much of a line covers each pixel: the strip's edges and two fibres."""
        edge = np.minimum(f, 1 - f)
        fibre = np.minimum(np.abs(f - 0.33), np.abs(f - 0.67))
        return np.clip(2.0 - edge / half, 0, 1) + \
            np.clip(1.0 - fibre / (half * 0.8), 0, 1) * 0.45
    fs, ft = s - i, t - j
    a = np.where(over, lines(fs), 0.0)
    b = np.where(over, 0.0, lines(ft))
    arr = np.asarray(img, float)
    for share, ink in ((np.clip(a, 0, 1), color), (np.clip(b, 0, 1), second)):
        arr = arr * (1 - share[..., None]) + np.array(ink, float) * share[..., None]
    img.paste(Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB"))


def _ring_text(d: ImageDraw.ImageDraw, layer: Image.Image, text: str, centre, radius: float,
               size: int, top: bool) -> None:
    """``text`` set round a circle of ``radius``: along the top reading clockwise, or
    along the foot reading left to right (each letter upright to the rim)."""
    fnt = font("bold", size)
    widths = [d.textlength(ch, font=fnt) for ch in text]
    while sum(widths) * 1.08 > radius * math.radians(165) and size > 5:   # to fit the arc
        size -= 1
        fnt = font("bold", size)
        widths = [d.textlength(ch, font=fnt) for ch in text]
    total = sum(widths) * 1.08
    span = total / radius
    spread = span / max(1.0, total)
    a = -math.pi / 2 - span / 2 if top else math.pi / 2 + span / 2
    for ch, wd in zip(text, widths, strict=True):
        step = wd * 1.08 * spread
        mid = a + (step / 2 if top else -step / 2)
        tile = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(tile).text((size, size), ch, font=fnt, fill=255, anchor="mm")
        turn = -math.degrees(mid) - 90 if top else -math.degrees(mid) + 90
        tile = tile.rotate(turn, resample=Image.BICUBIC)
        x = centre[0] + radius * math.cos(mid) - size
        y = centre[1] + radius * math.sin(mid) - size
        layer.paste(255, (int(x), int(y)), tile)
        a += step if top else -step


def legal_stamp(diameter: int, rng: random.Random) -> Image.Image:
    """A round legalisation stamp's ink as a mask (L): a heavy rim and a thin inner ring,
    the office round the top and its place round the foot, and "FOTOKOPI / SESUAI
    DENGAN / ASLINYA" across the middle between two small stars."""
    size = diameter
    layer = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(layer)
    rim = max(2, round(size / 42))
    c = size / 2
    d.ellipse([rim, rim, size - rim, size - rim], outline=255, width=rim)
    inner = size * 0.29
    d.ellipse([c - size * 0.335, c - size * 0.335, c + size * 0.335, c + size * 0.335],
              outline=255, width=max(1, rim // 2))
    office, place = rng.choice(OFFICES)
    letters = max(6, int(size * 0.075))
    _ring_text(d, layer, office, (c, c), size * 0.41, letters, top=True)
    _ring_text(d, layer, place, (c, c), size * 0.41, letters, top=False)
    big = font("bold", max(6, int(size * 0.085)))
    for k, line in enumerate(LEGALISED):
        fnt = big if k != 1 else font("bold", max(6, int(size * 0.066)))
        d.text((c, c + (k - 1) * size * 0.1), line, font=fnt, fill=255, anchor="mm")
    for side in (-1, 1):   # the small stars at the ends of the ring text
        sx, sy, r = c + side * inner * 1.22, c + size * 0.015, size * 0.022
        pts = [(sx + r * (1 if k % 2 == 0 else 0.45) * math.cos(k * math.pi / 5 - math.pi / 2),
                sy + r * (1 if k % 2 == 0 else 0.45) * math.sin(k * math.pi / 5 - math.pi / 2))
               for k in range(10)]
        d.polygon(pts, fill=255)
    return layer


def legalised(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """The copy legalised at an office: the round stamp pressed at a slant over the lower
    rows, the photo's left edge or (now and then) up over the name, part of it off the
    card, its pad's ink uneven (one side heavier, the rim broken in places), and the
    official's ballpoint signature across its right half. The stamp's ink lies over the
    print (a person still reads the rows through it). ``amount`` (0..1): how much ink."""
    u = dpi / 25.4
    w, h = img.size
    diameter = int(rng.uniform(27, 33) * u)
    mask = legal_stamp(diameter, rng).rotate(rng.uniform(-28, 28), resample=Image.BICUBIC)
    high = rng.random() < 0.3
    cx = rng.uniform(44, 64) * u
    cy = (rng.uniform(24, 30) if high else rng.uniform(36, 48)) * u
    x, y = int(cx - diameter / 2), int(cy - diameter / 2)
    canvas = Image.new("L", (w, h), 0)
    canvas.paste(mask, (x, y))
    g = np.random.default_rng(rng.getrandbits(32))
    pad = g.normal(0, 1, (h // max(1, int(2.5 * u)) + 2, w // max(1, int(2.5 * u)) + 2))
    pad = np.asarray(Image.fromarray(np.float32(pad), "F").resize((w, h), Image.BICUBIC))
    ax, ay = rng.uniform(-1, 1), rng.uniform(-1, 1)   # the side pressed harder
    yy, xx = np.mgrid[0:h, 0:w]
    tilt = ((xx - cx) * ax + (yy - cy) * ay) / (diameter / 2)
    press = np.clip(0.72 + 0.18 * pad + 0.2 * tilt, 0.15, 1.0)
    grain = g.random((h, w)) < 0.12                    # specks the pad missed
    share = np.asarray(canvas.filter(ImageFilter.GaussianBlur(max(0.3, 0.04 * u))), float) / 255
    share = share * press * (0.55 + 0.35 * amount) * np.where(grain, 0.4, 1.0)
    ink = np.array(rng.choice(STAMP_INKS), float)
    arr = np.asarray(img, float)
    arr = arr * (1 - share[..., None] * (1 - ink / 255))   # stamp ink lies over the print
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    sig = make_signature(rng=rng, width_px=int(rng.uniform(20, 26) * u),
                         height_px=int(rng.uniform(9, 12) * u), ink=rng.choice(SIGN_INKS))
    sig = sig.rotate(rng.uniform(-12, 18), expand=True, resample=Image.BICUBIC)
    out.paste(sig, (int(cx - rng.uniform(0.1, 0.35) * diameter),
                    int(cy - sig.height * rng.uniform(0.3, 0.6))), sig)
    return out


def dark_copy(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """The card copied with the copier set far too dark: the white of the card comes out a
    mid grey, the security print a darker grey, the ink and the photo sunk towards black
    (the darks run together, the mid tones pulled down hardest), over it a mottled toner
    fog and a fine grain, and the colours a little dirtier. ``amount`` (0..1): how far."""
    u = dpi / 25.4
    w, h = img.size
    arr = np.asarray(img, float) / 255
    g = np.random.default_rng(rng.getrandbits(32))
    fog = g.normal(0, 1, (h // max(1, int(4 * u)) + 2, w // max(1, int(4 * u)) + 2))
    fog = np.asarray(Image.fromarray(np.float32(fog), "F").resize((w, h), Image.BICUBIC))
    white = (0.8 - 0.07 * amount) * rng.uniform(0.96, 1.03) * (1 + 0.04 * fog)
    gamma = 1.25 + 0.5 * amount * rng.uniform(0.85, 1.1)
    out = white[..., None] * arr ** gamma
    grey = out.mean(axis=2, keepdims=True)
    out = grey + (out - grey) * rng.uniform(0.7, 0.9)    # the colours dirtier
    out = out + g.normal(0, 0.025 * amount, (h, w))[..., None]
    return Image.fromarray(np.uint8(np.clip(out * 255, 0, 255)), "RGB")


__all__ = ["LEGALISED", "OFFICES", "anyaman", "dark_copy", "legal_stamp", "legalised",
           "tenun_ikat"]
