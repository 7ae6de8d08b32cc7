"""Twenty-fourth-group KTP prints and print looks: a print of gringsing (the old batik of
small scales: staggered rows of little overlapping circles, a dot at each one's heart, in
two colours), a print of tirta teja (diagonal bands of fine wavy lines like rippling
water, the bands parted by a double rule dotted between its lines), a card that cracked
across and was mended with clear sticky tape (selotip) before it was copied (one or two
jagged cracks through the card, the pieces lying a hair off and a fraction of a degree
turned, the crack a thin dark line with the laminate's broken white edge beside it; the
tape laid along each crack, its band a little yellowed, its edges a thin bright and dark
line, a glare streak along it, small air bubbles and specks of dust trapped under it),
and a card copied double-sided on thin 60-70 gsm paper (what is printed on the sheet's
other side, a copy of a card's back or a typed page, shows through mirrored and faint,
more on one sheet than on another, the copy a little grey)."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from scansim.draw import font as dejavu
from scansim.ijazah_group18 import tear_path
from scansim.ktp_group18 import typed_letter

# Clear sticky tape as sold in rolls (its width, mm), how far a crack's pieces lie off
# (mm) and turn (degrees), and the tape's yellowing (what it lets through, per channel, of
# new tape and of the oldest).
TAPE_MM = (12.0, 15.0, 18.0)
CRACK_SHIFT_MM = (0.08, 0.3)
CRACK_TURN = (0.15, 0.6)
TAPE_NEW = np.array((0.995, 0.985, 0.93), np.float32)
TAPE_OLD = np.array((0.99, 0.96, 0.85), np.float32)
GAP = (236, 236, 232)   # what shows where the pieces no longer meet: the tape's glue
# Thin copy paper: how dark the other side shows through (share of its own darkness) at
# the least and most, and how grey the copier leaves the copy.
TEMBUS_SHARE = (0.08, 0.25)
COPIER_GREY = (0.25, 0.5)


# -- the security prints ------------------------------------------------------------------

def gringsing(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Gringsing: staggered rows of circles 2.3-2.8 mm across, each row overlapping the one
    above by a third like scales, drawn in ``color``; a dot of ``second`` at each circle's
    heart and a smaller one where three circles meet."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    r = rng.uniform(1.15, 1.4) * u
    pitch_x, pitch_y = 2 * r, 1.35 * r
    width = max(1, round(0.08 * u))
    dot, small = max(1.0, 0.3 * u), max(1.0, 0.15 * u)
    ox, oy = rng.uniform(0, pitch_x), rng.uniform(0, pitch_y)
    for k, cy in enumerate(np.arange(oy - pitch_y, h + pitch_y, pitch_y)):
        shift = (k % 2) * r
        for cx in np.arange(ox - pitch_x + shift, w + pitch_x, pitch_x):
            d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=color, width=width)
    for k, cy in enumerate(np.arange(oy - pitch_y, h + pitch_y, pitch_y)):
        shift = (k % 2) * r
        for cx in np.arange(ox - pitch_x + shift, w + pitch_x, pitch_x):
            d.ellipse([cx - dot, cy - dot, cx + dot, cy + dot], fill=second)
            mx, my = cx + r, cy + pitch_y / 2            # between this row and the next
            d.ellipse([mx - small, my - small, mx + small, my + small], fill=second)


def tirta_teja(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Tirta teja: bands 6-8 mm wide running at 35-55 degrees, each of four to six fine
    wavy lines in ``color`` along it, the bands parted by a double rule of ``second``
    with small dots between its lines."""
    w, h = img.size
    band = rng.uniform(6.0, 8.0) * u
    angle = math.radians(rng.uniform(35, 55))
    ca, sa = math.cos(angle), math.sin(angle)
    width = max(1, round(0.08 * u))
    lines = rng.randint(4, 6)
    wave, amp = rng.uniform(2.5, 3.5) * u, rng.uniform(0.25, 0.4) * u
    reach = math.hypot(w, h)
    d = ImageDraw.Draw(img)
    offset = rng.uniform(0, band)

    def to_xy(t: float, s: float) -> tuple[float, float]:
        """Along the band ``t``, across it ``s``: the card's pixel."""
        return (w / 2 + t * ca - s * sa, h / 2 + t * sa + s * ca)

    ts = np.arange(-reach / 2, reach / 2, max(1.0, 0.25 * u))
    rule_gap = 0.6 * u
    for s0 in np.arange(-reach / 2 + offset, reach / 2, band):
        for k in range(lines):   # the water's wavy lines
            s = s0 + rule_gap * 1.5 + (k + 0.5) * (band - 3 * rule_gap) / lines
            phase = k * 0.9
            pts = [to_xy(t, s + amp * math.sin(2 * math.pi * t / wave + phase)) for t in ts]
            d.line(pts, fill=color, width=width)
        for s in (s0, s0 + rule_gap):   # the double rule
            d.line([to_xy(-reach / 2, s), to_xy(reach / 2, s)], fill=second, width=width)
        rd = max(1.0, 0.17 * u)
        for t in np.arange(-reach / 2, reach / 2, 1.2 * u):
            x, y = to_xy(t, s0 + rule_gap / 2)
            d.ellipse([x - rd, y - rd, x + rd, y + rd], fill=second)


# -- cracked, mended with clear tape --------------------------------------------------------

def crack_path(size: tuple[int, int], rng: random.Random, u: float, at: float
               ) -> list[tuple[float, float]]:
    """A crack across the card's short way, from its top edge to its bottom: starting at
    ``at`` (share of the width), leaning up to a sixth of the height either way, ragged
    and finely jagged (pixel points, top to bottom)."""
    w, h = size
    slope = rng.uniform(-0.18, 0.18)
    ragged = tear_path(h, 0.0, rng, u * 0.6)   # along the crack: (distance, off it)
    return [(at * w + off + (t - h / 2) * slope, t) for t, off in ragged]


def tape_band(size: tuple[int, int], path: list[tuple[float, float]], rng: random.Random,
              u: float) -> tuple[np.ndarray, float, np.ndarray]:
    """The strip of tape laid along crack ``path``: its signed distance across the strip
    (h, w px, 0 on its middle), its half width (px) and the distance along it (h, w px)."""
    w, h = size
    (x0, y0), (x1, y1) = path[0], path[-1]
    angle = math.atan2(x1 - x0, y1 - y0) + math.radians(rng.uniform(-2.5, 2.5))
    mid_x = (x0 + x1) / 2 + rng.uniform(-2.0, 2.0) * u
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    across = (xx - mid_x) * math.cos(angle) - (yy - h / 2) * math.sin(angle)
    along = (xx - mid_x) * math.sin(angle) + (yy - h / 2) * math.cos(angle)
    return across, rng.choice(TAPE_MM) * u / 2, along


def _crack(img: Image.Image, rng: random.Random, u: float, path) -> Image.Image:
    """The card cracked along ``path``: the piece right of it laid back a hair off and a
    fraction of a degree turned, the crack a thin dark line, the laminate's broken edge a
    broken white line beside it."""
    w, h = img.size
    right = Image.new("L", img.size, 0)
    ImageDraw.Draw(right).polygon(path + [(w + 2, h + 2), (w + 2, -2)], fill=255)
    pivot = path[0] if rng.random() < 0.5 else path[-1]
    angle = rng.uniform(*CRACK_TURN) * rng.choice((-1, 1))
    shift = (rng.uniform(*CRACK_SHIFT_MM) * u * rng.choice((-1, 1)),
             rng.uniform(*CRACK_SHIFT_MM) * u * rng.choice((-1, 1)))
    moved = img.rotate(angle, resample=Image.BICUBIC, center=pivot, translate=shift,
                       fillcolor=GAP)
    moved_mask = right.rotate(angle, resample=Image.BICUBIC, center=pivot, translate=shift)
    out = Image.new("RGB", img.size, GAP)   # (the dark line is drawn over the gap)
    out.paste(img, (0, 0), ImageOps.invert(right))
    out.paste(moved, (0, 0), moved_mask)
    d = ImageDraw.Draw(out)
    d.line(path, fill=(34, 32, 30), width=max(1, round(rng.uniform(0.12, 0.2) * u)))
    lip = [(x + rng.choice((-1, 1)) * 0.22 * u, y) for x, y in path]
    for a, b in zip(lip[:-1], lip[1:], strict=True):   # the laminate's white broken edge
        if rng.random() < 0.6:
            d.line([a, b], fill=(250, 250, 248), width=max(1, round(0.08 * u)))
    return out


def _tape(arr: np.ndarray, rng: random.Random, u: float, across: np.ndarray, half: float,
          along: np.ndarray, age: float) -> np.ndarray:
    """Clear tape over ``arr`` where |``across``| < ``half``: a yellowed, faintly milky band,
    its edges a thin bright line inside a thin dark one, a glare streak along it brighter
    in places, air bubbles (pale, a dark rim) and dust trapped under it."""
    g = np.random.default_rng(rng.getrandbits(32))
    h, w = across.shape
    inside = np.clip(half - np.abs(across) + 0.5, 0, 1)[..., None]
    tint = TAPE_NEW + (TAPE_OLD - TAPE_NEW) * age
    film = arr * tint * 0.97 + 250 * 0.03
    arr = arr * (1 - inside) + film * inside
    edge = np.abs(across) - half
    dark = np.exp(-((edge - 0.12 * u) / max(0.6, 0.05 * u)) ** 2)
    bright = np.exp(-((edge + 0.12 * u) / max(0.6, 0.06 * u)) ** 2)
    arr = arr * (1 - 0.4 * dark[..., None])
    arr = arr + (255 - arr) * (0.55 * bright)[..., None]
    streak_at = rng.uniform(-0.5, 0.5) * half
    waves = 0.5 + 0.5 * np.sin(along / (rng.uniform(6, 12) * u) + rng.uniform(0, 6.3))
    glare = np.exp(-((across - streak_at) / (rng.uniform(0.5, 1.1) * u)) ** 2) * waves
    arr = arr + (255 - arr) * (rng.uniform(0.3, 0.5) * glare * inside[..., 0])[..., None]
    ys, xs = np.nonzero(inside[..., 0] > 0.99)
    if len(ys):
        for _ in range(rng.randint(3, 8)):   # trapped air
            k = g.integers(len(ys))
            by, bx = float(ys[k]), float(xs[k])
            rx, ry = rng.uniform(0.35, 1.3) * u, rng.uniform(0.3, 1.0) * u
            y0, y1 = max(0, int(by - 2 * ry)), min(h, int(by + 2 * ry) + 1)
            x0, x1 = max(0, int(bx - 2 * rx)), min(w, int(bx + 2 * rx) + 1)
            yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
            r = np.sqrt(((xx - bx) / rx) ** 2 + ((yy - by) / ry) ** 2)
            win = arr[y0:y1, x0:x1]
            win += (255 - win) * (0.35 * np.clip(1 - r, 0, 1) ** 0.5)[..., None]
            win *= (1 - 0.3 * np.exp(-((r - 1) / 0.12) ** 2))[..., None]
        for _ in range(rng.randint(6, 24)):   # dust and lint under the tape
            k = g.integers(len(ys))
            by, bx = int(ys[k]), int(xs[k])
            r = max(1, round(rng.uniform(0.04, 0.14) * u))
            arr[max(0, by - r):by + r + 1, max(0, bx - r):bx + r + 1] *= rng.uniform(0.35, 0.7)
    return arr


def selotip(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
            cracks: int | None = None) -> Image.Image:
    """The card cracked across once or twice (``cracks``, else drawn) and mended with
    clear tape along each crack: the pieces a hair off and a fraction of a degree turned,
    each crack a thin dark jagged line (through whatever rows it meets, the NIK's too)
    under a strip of tape 12-18 mm wide, yellowed with age, its edges a bright and a dark
    hairline, a glare streak, bubbles and dust under it. ``amount`` (0..1): how yellow the
    tape and how plain its edges."""
    u = dpi / 25.4
    w, h = img.size
    n = cracks or rng.choice((1, 1, 2))
    places = [rng.uniform(0.32, 0.68)] if n == 1 else [rng.uniform(0.2, 0.4),
                                                        rng.uniform(0.6, 0.8)]
    out = img.convert("RGB")
    paths = [crack_path(img.size, rng, u, at) for at in places]
    for path in paths:
        out = _crack(out, rng, u, path)
    arr = np.asarray(out, np.float32)
    age = min(1.0, amount * rng.uniform(0.5, 1.0))
    for path in paths:
        across, half, along = tape_band(img.size, path, rng, u)
        arr = _tape(arr, rng, u, across, half, along, age)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


# -- copied double-sided on thin paper --------------------------------------------------------

def card_back(size: tuple[int, int], rng: random.Random, u: float) -> Image.Image:
    """A copy of a KTP's back as it lies on the sheet's other side (ink, L, white on
    black, unmirrored): the card's outline a copier draws, somewhere near this card's
    place, the ellipse and REPUBLIK INDONESIA of the back, the copier's grey in its
    print."""
    w, h = size
    layer = Image.new("L", size, 0)
    d = ImageDraw.Draw(layer)
    cw, ch = 85.6 * u, 54.0 * u
    x0, y0 = rng.uniform(-0.3, 0.3) * w, rng.uniform(-0.5, 0.5) * h
    d.rounded_rectangle([x0, y0, x0 + cw, y0 + ch], radius=3.2 * u, outline=255,
                        width=max(1, round(0.3 * u)))
    inner = Image.new("L", size, 0)
    ImageDraw.Draw(inner).rounded_rectangle([x0, y0, x0 + cw, y0 + ch], radius=3.2 * u,
                                            fill=45)   # the back's tint, copied grey
    layer = Image.fromarray(np.maximum(np.asarray(layer), np.asarray(inner)))
    d = ImageDraw.Draw(layer)
    d.ellipse([x0 + 0.55 * cw, y0 + 0.25 * ch, x0 + 0.9 * cw, y0 + 0.8 * ch], outline=255,
              width=max(1, round(0.4 * u)))
    d.text((x0 + 0.3 * cw, y0 + 0.45 * ch), "REPUBLIK INDONESIA",
           font=dejavu("bold", int(2.6 * u)), fill=255, anchor="mm")
    return layer


def reverse_side(size: tuple[int, int], rng: random.Random, u: float) -> Image.Image:
    """What is printed on the sheet's other side behind the card (L, white on black, as
    printed there, unmirrored): a copy of a card's back, or a typed page's lines."""
    if rng.random() < 0.5:
        return card_back(size, rng, u)
    return typed_letter(size, rng, u)


def _show(arr: np.ndarray, layer: Image.Image, rng: random.Random, u: float,
          share: float, soft_mm: tuple[float, float] = (0.1, 0.18)) -> np.ndarray:
    """``layer`` (the other side, as printed there) seen through the paper: mirrored,
    softened by the paper (``soft_mm``), darkening what is under it by ``share`` of its
    ink."""
    seen = ImageOps.mirror(layer).filter(ImageFilter.GaussianBlur(
        max(0.6, rng.uniform(*soft_mm) * u)))
    ink = np.asarray(seen, np.float32) / 255 * share
    return arr * (1 - ink[..., None])


def tembus(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
           reverse: Image.Image | None = None) -> Image.Image:
    """The card copied on a thin 60-70 gsm sheet printed on both sides: what is on the
    other side (``reverse``, as printed there; else drawn: a card's back or a typed page)
    shows through mirrored and soft, darkening the card by a tenth to three tenths of its
    own ink, more on one sheet than another; the copy a little grey (its colours dulled,
    its paper not quite white). ``amount`` (0..1): how thin the paper."""
    u = dpi / 25.4
    w, h = img.size
    if reverse is None:
        pad = int(4 * u)
        reverse = reverse_side((w + 2 * pad, h + 2 * pad), rng, u).rotate(
            rng.choice((0, 180)) + rng.uniform(-1.5, 1.5), resample=Image.BICUBIC)
        reverse = reverse.crop((pad, pad, pad + w, pad + h))
    share = amount * rng.uniform(*TEMBUS_SHARE)
    arr = _show(np.asarray(img.convert("RGB"), np.float32), reverse, rng, u, share)
    grey = arr.mean(axis=2, keepdims=True)
    dull = rng.uniform(*COPIER_GREY) * amount
    arr = (arr * (1 - dull) + grey * dull) * rng.uniform(0.94, 0.97)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def tembus_page(page: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The copy page's sheet, thin and printed on its other side too: a typed page's
    lines showing through it mirrored and faint, as strong as this sheet lets them."""
    u = dpi / 25.4
    w, h = page.size
    left, top = rng.uniform(22, 32) * u, rng.uniform(25, 40) * u   # its typed block
    block = typed_letter((int(w - left - rng.uniform(20, 30) * u), int(h - top - 25 * u)), rng, u)
    layer = Image.new("L", page.size, 0)
    layer.paste(block, (int(left), int(top)))
    share = rng.uniform(*TEMBUS_SHARE) * 0.7
    arr = _show(np.asarray(page.convert("RGB"), np.float32), layer, rng, u, share,
                (0.15, 0.25))
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


__all__ = ["COPIER_GREY", "CRACK_SHIFT_MM", "CRACK_TURN", "TAPE_MM", "TAPE_NEW", "TAPE_OLD",
           "TEMBUS_SHARE", "card_back", "crack_path", "gringsing", "reverse_side", "selotip",
           "tape_band", "tembus", "tembus_page", "tirta_teja"]
