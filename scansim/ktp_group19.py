"""Nineteenth-group KTP prints and print looks: a print of batik kawung (rows of four oval
petals round a point, each petal outlined with a seed-line inside it, a dot where four
meet), a print of eight-pointed stars (two squares laid across each other, the stars
joined by short crossing bars, a small square between each four), a card printed from a
scan made in the scanner's black-and-white mode (lineart at 200 dpi: every dot black or
white, the tints and the photo turned into scattered dots by error diffusion, the print
solid black with ragged edges), and a copy punched for a ring binder and stapled to the
application form (a 6 mm hole through the card's left end, the sheet behind showing
through it with the hole's shadow on one side; a staple across the card's top left
corner, its crown a metal bar with a bright ridge and a shadow, the paper puckered round
its legs)."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

LINEART_DPI = 200              # the scanner's black-and-white mode, as offices leave it
DARK = 0.22                    # its contrast: any grey darker than this share comes out black
WHITE = 0.97                   # ... and any paler than this white
HOLE_MM = 6.0                  # a two-hole punch's hole (ISO 838)
STAPLE_MM = (12.7, 0.7)        # a 24/6 staple's crown: length, width
BEHIND = (244, 244, 240)       # the sheet behind the copy, seen through the hole


def _oval(cx: float, cy: float, angle: float, half_long: float, half_short: float,
          n: int = 28) -> list[tuple[float, float]]:
    """An ellipse centred on (cx, cy) whose long axis lies along ``angle``, as points."""
    ca, sa = math.cos(angle), math.sin(angle)
    pts = []
    for k in range(n):
        t = 2 * math.pi * k / n
        x, y = half_long * math.cos(t), half_short * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def kawung(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Batik kawung: on a square grid 4.6-5.4 mm apart, four oval petals round every node
    along the diagonals (the palm fruit cut across), each outlined in ``color`` with a
    short seed-line inside it in ``second``; a dot in ``second`` where four petals meet."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    width = max(1, round(0.08 * u))
    pitch = rng.uniform(4.6, 5.4) * u
    x0, y0 = rng.uniform(0, pitch), rng.uniform(0, pitch)
    reach = 0.35 * pitch                      # from the node to a petal's middle
    for j in range(int(h / pitch) + 3):
        for i in range(int(w / pitch) + 3):
            cx, cy = x0 + (i - 1) * pitch, y0 + (j - 1) * pitch
            for k in range(4):
                a = math.pi / 4 + k * math.pi / 2
                px, py = cx + reach * math.cos(a), cy + reach * math.sin(a)
                pts = _oval(px, py, a, 0.3 * pitch, 0.17 * pitch)
                d.line(pts + pts[:1], fill=color, width=width)
                seed = 0.12 * pitch
                d.line([(px - seed * math.cos(a), py - seed * math.sin(a)),
                        (px + seed * math.cos(a), py + seed * math.sin(a))], fill=second,
                       width=width)
            r = 0.06 * pitch
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=second)


def bintang(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Eight-pointed stars on a square grid 5.5-6.5 mm apart, each two squares laid across
    each other in ``color``; each star joined to the next by a short bar with a cross-bar
    in ``second``, and a small square turned on its point between every four stars."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    width = max(1, round(0.08 * u))
    pitch = rng.uniform(5.5, 6.5) * u
    x0, y0 = rng.uniform(0, pitch), rng.uniform(0, pitch)
    r = 0.3 * pitch
    for j in range(int(h / pitch) + 3):
        for i in range(int(w / pitch) + 3):
            cx, cy = x0 + (i - 1) * pitch, y0 + (j - 1) * pitch
            for turn in (0.0, math.pi / 4):
                corners = [(cx + r * math.cos(turn + k * math.pi / 2 + math.pi / 4),
                            cy + r * math.sin(turn + k * math.pi / 2 + math.pi / 4))
                           for k in range(4)]
                d.line(corners + corners[:1], fill=color, width=width)
            for dx, dy in ((1, 0), (0, 1)):         # the bars to the next star right, down
                ax, ay = cx + dx * r, cy + dy * r
                bx, by = cx + dx * (pitch - r), cy + dy * (pitch - r)
                d.line([(ax, ay), (bx, by)], fill=second, width=width)
                mx, my, bar = (ax + bx) / 2, (ay + by) / 2, 0.09 * pitch
                d.line([(mx - dy * bar, my - dx * bar), (mx + dy * bar, my + dx * bar)],
                       fill=second, width=width)
            gx, gy, g = cx + pitch / 2, cy + pitch / 2, 0.12 * pitch
            d.polygon([(gx, gy - g), (gx + g, gy), (gx, gy + g), (gx - g, gy)],
                      outline=second)


def lineart(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """The card as printed from a scan made in the scanner's black-and-white (lineart)
    mode at 200 dpi: every dot black or white. The scanner's contrast setting turns dark
    greys (thin strokes half caught by a dot) black and the palest white, its brightness
    setting lifts the paler tints a little before error diffusion (Floyd-Steinberg)
    spreads each dot's remainder to the dots after it, so the card's tints and its
    pattern come out as scattered dots (sparser the paler), the photo as a dense dither,
    the print solid black with ragged edges; printed at its size, each of the scan's dots
    a little square. ``amount`` (0..1): how far the brightness was left down (more dots
    in the tints)."""
    w, h = img.size
    g = np.random.default_rng(rng.getrandbits(32))
    sw, sh = (round(w * LINEART_DPI / dpi), round(h * LINEART_DPI / dpi)) \
        if dpi > LINEART_DPI else (w, h)
    grey = np.asarray(img.convert("L").resize((sw, sh), Image.BOX), np.float32) / 255
    grey = grey + g.normal(0, 0.02, grey.shape)                # the sensor's noise
    lift = 1.0 - 0.45 * amount * rng.uniform(0.8, 1.0)       # the brightness setting
    grey = np.clip((grey - DARK) / (WHITE - DARK), 0, 1) ** lift   # and its contrast
    dots = Image.fromarray(np.uint8(np.round(grey * 255)), "L").convert("1")   # diffused
    return dots.convert("L").resize((w, h), Image.NEAREST).convert("RGB")


def _hole(img: Image.Image, rng: random.Random, centre: tuple[float, float], u: float,
          amount: float) -> Image.Image:
    """A punched hole at ``centre`` (px): the sheet behind it showing through, the hole's
    edge shading it on the side away from the scanner's lamp, a fine grey rim of cut
    fibres round it."""
    w, h = img.size
    cx, cy = centre
    r = HOLE_MM / 2 * u
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dist = np.hypot(xx - cx, yy - cy)
    inside = np.clip(r - dist + 0.5, 0, 1)                  # anti-aliased disc
    lamp = rng.uniform(0, 2 * math.pi)                      # the lamp's side, in the plane
    shift = rng.uniform(0.35, 0.6) * u                      # how far the edge's shadow falls
    shade = np.hypot(xx - cx - shift * math.cos(lamp), yy - cy - shift * math.sin(lamp))
    shadow = inside * np.clip(shade - r + 0.5, 0, 1)        # the crescent by the lit edge
    rim = np.exp(-((dist - r) / max(0.6, 0.06 * u)) ** 2)
    arr = np.asarray(img, np.float32)
    arr = arr * (1 - inside[..., None]) + np.array(BEHIND, np.float32) * inside[..., None]
    arr *= (1 - amount * 0.5 * shadow)[..., None]
    arr *= (1 - 0.2 * rim)[..., None]
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def _staple(img: Image.Image, rng: random.Random, u: float, amount: float) -> Image.Image:
    """A staple across the card's top left corner: its crown a narrow metal bar (grey, a
    bright ridge along it, rounded ends where the legs go through), a soft shadow beside
    it, the paper puckered into a few short shallow folds from each leg."""
    w, h = img.size
    length, wide = STAPLE_MM[0] * u, STAPLE_MM[1] * u
    cx, cy = rng.uniform(6.0, 7.2) * u, rng.uniform(5.5, 7.0) * u
    a = math.radians(rng.uniform(20, 50) * rng.choice((-1, 1)))
    ca, sa = math.cos(a), math.sin(a)
    ends = [(cx - ca * length / 2, cy - sa * length / 2), (cx + ca * length / 2,
                                                           cy + sa * length / 2)]
    fold = Image.new("L", img.size, 0)                      # the puckered paper's folds
    fd = ImageDraw.Draw(fold)
    for ex, ey in ends:
        for _ in range(rng.randint(2, 4)):
            t = a + rng.uniform(-1.2, 1.2) + (0 if ex > cx else math.pi)
            reach = rng.uniform(1.2, 2.2) * u
            fd.line([(ex, ey), (ex + reach * math.cos(t), ey + reach * math.sin(t))],
                    fill=int(150 * amount), width=max(1, round(0.3 * u)))
    fold = fold.filter(ImageFilter.GaussianBlur(0.35 * u))
    shadow = Image.new("L", img.size, 0)
    off = 0.45 * u
    ImageDraw.Draw(shadow).line([(x + off, y + off) for x, y in ends], fill=255,
                                width=max(2, round(1.3 * wide)))
    shadow = shadow.filter(ImageFilter.GaussianBlur(0.3 * u))
    arr = np.asarray(img, np.float32)
    arr *= (1 - np.asarray(fold, np.float32) / 255 * 0.18)[..., None]
    arr *= (1 - np.asarray(shadow, np.float32) / 255 * 0.45 * amount)[..., None]
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    d = ImageDraw.Draw(out)
    d.line(ends, fill=(64, 66, 70), width=max(3, round(wide) + 2))         # the crown's edges
    d.line(ends, fill=(150, 152, 156), width=max(1, round(wide)))           # its faces
    d.line(ends, fill=(226, 228, 232), width=max(1, round(0.25 * wide)))    # its ridge
    for ex, ey in ends:                                     # where the legs bend through
        e = 0.5 * wide
        d.ellipse([ex - e, ey - e, ex + e, ey + e], fill=(84, 86, 90))
    return out


def punched(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
            staple: bool = True) -> Image.Image:
    """The copy punched for a ring binder and stapled to the application form: the punch
    (holes 12 mm in from the sheet's edge, the card laid 3.5-8 mm from it) cuts a 6 mm
    hole into the card's left end somewhere down it, through the labels' column but short
    of the values and the NIK's digits; with ``staple``, a staple across the card's top
    left corner. ``amount`` (0..1): how deep the shadows the scanner's lamp casts."""
    u = dpi / 25.4
    w, h = img.size
    centre = (rng.uniform(4.0, 8.0) * u, rng.uniform(0.22, 0.85) * h)
    img = _hole(img.convert("RGB"), rng, centre, u, amount)
    return _staple(img, rng, u, amount) if staple else img


__all__ = ["BEHIND", "HOLE_MM", "LINEART_DPI", "STAPLE_MM", "bintang", "kawung", "lineart",
           "punched"]
