"""Twenty-fifth-group KTP prints and print looks: a print of kopi pecah (the "split coffee
bean" batik: staggered rows of small oval beans, each split along its length by an S-shaped
line, the rows in two colours by turns), a print of cakar ayam (the "chicken's claw"
batik: three-toed claw marks on a grid, turned one way and the other by rows, a small
four-dot flower between each four), a card handed in as a phone's photo of a screen that
showed it (layar: the card on a phone's or laptop's screen with the viewer's black round
it, photographed a little from the side so its edges are keystoned and turned; the
screen's red, green and blue stripes and the dark lines between its pixel rows sampled
by the camera into a fine colour mesh and rainbow moire bands; the screen darker and
bluer towards the side it was seen at an angle from; a window's reflection in the glass
washing part of the card out; a JPEG), and a card printed from a tiny photo of it
(piksel: a photo of about 75-95 dpi, a JPEG, pasted into a word processor and printed at
the card's size on an office laser printer, its pixels enlarged into blocks (nearest
neighbour) or smeared soft (bilinear), the printer's grey a round-dot screen; that print
scanned and saved as a JPEG, its block edges ringing)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

from scansim.formpages import jpeg
from scansim.ktp_group17 import dot_screen

# A screen photographed (see layar): each drawn per card from its range.
SCREEN = {"pitch": (0.88, 1.18),       # the card's pixels' size on the screen (scan px)
          "fill": (0.86, 0.93),        # how much of the picture the shown card fills
          "keystone": (0.012, 0.03),   # how much shorter its far side (share of width)
          "turn": (-2.0, 2.0),         # degrees the phone was turned against the screen
          "stripes": (0.3, 0.55),      # the red, green and blue stripes' contrast
          "rows": (0.2, 0.35),         # the dark lines between pixel rows
          "angle": (0.08, 0.2),        # how much darker the screen at its far side
          "reflection": (0.18, 0.38),  # how far a window's reflection lifts the card
          "quality": (72, 88)}         # the phone's JPEG
VIEWER_BLACK = (14, 14, 17)            # a photo viewer's background round the card
SUBPIXELS = (1 / 6, 1 / 2, 5 / 6)      # where across a pixel its red, green, blue stripes lie
# A card printed from a tiny photo (see piksel): each drawn per card from its range.
PIKSEL = {"dpi": (76.0, 96.0),         # the little photo's resolution at the card's size
          "photo_quality": (48, 72),   # its JPEG
          "contrast": (0.55, 0.7),     # the printer driver's: this much cover prints solid
          "lpi": (106.0, 141.0),       # the laser printer's screen (lines an inch)
          "scan_quality": (35, 55)}    # the scan's JPEG (a "small file" setting)
PRINTER_DPI = 600                      # an office laser printer's raster
PAPER = 249.0                          # the sheet's white, scanned
TONER = 26.0                           # solid toner, scanned


# -- the security prints ------------------------------------------------------------------

def kopi_pecah(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Kopi pecah: staggered rows of oval beans 2.2-2.8 mm long, each turned 25-40 degrees
    one way or the other by rows, outlined and split along its length by an S-shaped
    line; the rows in ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    long_, wide = rng.uniform(1.1, 1.4) * u, rng.uniform(0.75, 0.95) * u
    pitch_x, pitch_y = 2.9 * long_, 2.1 * wide
    tilt = math.radians(rng.uniform(25, 40))
    width = max(1, round(0.08 * u))
    ts = np.linspace(0, 2 * math.pi, 28)
    ss = np.linspace(-1, 1, 9)
    ox, oy = rng.uniform(0, pitch_x), rng.uniform(0, pitch_y)
    outline = [(long_ * math.cos(t), wide * math.sin(t)) for t in ts]
    split = [(s * long_ * 0.9, 0.3 * wide * math.sin(math.pi * s)) for s in ss]
    for k, cy in enumerate(np.arange(oy - pitch_y, h + pitch_y, pitch_y)):
        a = tilt if k % 2 else -tilt
        ca, sa = math.cos(a), math.sin(a)
        ink = color if k % 2 == 0 else second
        for cx in np.arange(ox - pitch_x + (k % 2) * pitch_x / 2, w + pitch_x, pitch_x):
            for shape in (outline, split):   # the bean turned, at its place
                d.line([(cx + x * ca - y * sa, cy + x * sa + y * ca) for x, y in shape],
                       fill=ink, width=width)


def cakar_ayam(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Cakar ayam: on a grid 3.2-4 mm square, a claw mark of three toes fanning from a
    heel, pointing up on one row and down on the next, in ``color``; a flower of four
    dots of ``second`` where four cells meet."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    pitch = rng.uniform(3.2, 4.0) * u
    toe = 0.34 * pitch
    width = max(1, round(0.1 * u))
    dot = max(1.0, 0.2 * u)
    ox, oy = rng.uniform(0, pitch), rng.uniform(0, pitch)
    for k, cy in enumerate(np.arange(oy - pitch, h + pitch, pitch)):
        up = -1 if k % 2 else 1
        for cx in np.arange(ox - pitch, w + pitch, pitch):
            heel = (cx, cy + up * 0.3 * pitch)
            for spread in (-35, 0, 35):
                a = math.radians(spread)
                tip = (heel[0] + toe * math.sin(a), heel[1] - up * toe * math.cos(a))
                d.line([heel, tip], fill=color, width=width)
            d.line([heel, (heel[0], heel[1] + up * 0.12 * pitch)], fill=color, width=width)
            fx, fy = cx + pitch / 2, cy + pitch / 2
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                px, py = fx + dx * 1.3 * dot, fy + dy * 1.3 * dot
                d.ellipse([px - dot, py - dot, px + dot, py + dot], fill=second)


# -- photographed off a screen ------------------------------------------------------------

def screen_geometry(size: tuple[int, int], rng: random.Random
                    ) -> tuple[np.ndarray, tuple[int, int], float]:
    """How the card's picture lies on the screen as the phone saw it: the 3 x 3 matrix
    taking a point of the photo (px) to the screen (its pixels, 0 .. n across the shown
    card), the shown card's size on the screen (pixels across, down) and which way its
    far side lies (-1 left, 1 right). The card fills 86-93 % of the photo, its far side
    shorter by 1.2-3 % of the width, its top a little shorter than its foot, turned up to
    two degrees."""
    w, h = size
    pitch = rng.uniform(*SCREEN["pitch"])
    fill = rng.uniform(*SCREEN["fill"])
    half_w, half_h = w * fill / 2, h * fill / 2
    far = rng.choice((-1, 1))
    squeeze = rng.uniform(*SCREEN["keystone"]) * w
    top = rng.uniform(0.2, 0.6) * squeeze
    quad = np.array([[-half_w + top, -half_h], [half_w - top, -half_h],
                     [half_w, half_h], [-half_w, half_h]], np.float64)
    for k in ((1, 2) if far > 0 else (0, 3)):   # the far side: shorter
        quad[k, 1] *= 1 - 2 * squeeze / (2 * half_h)
    turn = math.radians(rng.uniform(*SCREEN["turn"]))
    rot = np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    centre = np.array([w / 2 + rng.uniform(-0.015, 0.015) * w,
                       h / 2 + rng.uniform(-0.015, 0.015) * h])
    quad = quad @ rot.T + centre
    shown = (max(8, round(2 * half_w / pitch)), max(8, round(2 * half_h / pitch)))
    rect = np.float32([[0, 0], [shown[0], 0], [shown[0], shown[1]], [0, shown[1]]])
    to_screen = cv2.getPerspectiveTransform(quad.astype(np.float32), rect)
    return to_screen, shown, far


def window_reflection(size: tuple[int, int], rng: random.Random, *,
                      strength: tuple[float, float] = SCREEN["reflection"]) -> np.ndarray:
    """A window reflected in a sheet of glass (h, w, 0..1: how much light it adds): a
    soft-edged slanting pane over a third to a half of the picture's width, parted by one
    or two darker bars of its frame, lifting by ``strength`` (drawn from the range), over
    a faint sheen brighter towards one corner. Its edges and bars are sized by the
    picture, as a window seen from the same place is whatever lies under it."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    slant = math.radians(rng.uniform(-25, 25))
    across = (xx - rng.uniform(0.2, 0.8) * w) * math.cos(slant) + yy * math.sin(slant)
    half = rng.uniform(0.17, 0.26) * w
    edge = rng.uniform(0.025, 0.06) * w
    pane = np.clip((half - np.abs(across)) / edge + 0.5, 0, 1)
    for _ in range(rng.randint(1, 2)):   # the window's bars
        at = rng.uniform(-0.6, 0.6) * half
        bar = rng.uniform(0.018, 0.035) * w
        pane *= 1 - 0.75 * np.exp(-((across - at) / bar) ** 2)
    down = (yy / h) if rng.random() < 0.5 else (1 - yy / h)
    pane *= 0.75 + 0.25 * down
    sheen = 0.04 * (1 - np.hypot(xx / w - rng.choice((0, 1)), yy / h - rng.choice((0, 1))))
    return np.clip(pane * rng.uniform(*strength) + sheen, 0, 1)


def layar(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
          reflection: bool = True) -> Image.Image:
    """The card handed in as a phone's photo of a screen showing it: the card's picture
    on the screen at about the scan's own resolution, the viewer's black round it, seen a
    little from one side (:func:`screen_geometry`); each of its pixels three stripes of
    red, green and blue with a dark line under them, sampled by the camera (no smoothing
    before its pixels), so a fine colour mesh lies over everything and rainbow bands, a
    few pixels to many millimetres wide, run across the card; the screen darker and
    bluer towards its far side; a window's reflection (:func:`window_reflection`; left
    out with ``reflection`` False, every other draw the same) washing part of it; the
    phone's blur, sharpening and noise, a JPEG. ``amount`` (0..1): how strong the stripes
    and the moire."""
    u = dpi / 25.4
    w, h = img.size
    to_screen, shown, far = screen_geometry((w, h), rng)
    stripes = rng.uniform(*SCREEN["stripes"]) * (0.6 + 0.4 * amount)
    rows = rng.uniform(*SCREEN["rows"]) * (0.6 + 0.4 * amount)
    falloff = rng.uniform(*SCREEN["angle"])
    cast = np.array((rng.uniform(0.9, 0.96), rng.uniform(0.96, 1.0), 1.04), np.float32)
    lift = window_reflection((w, h), random.Random(rng.getrandbits(32)))
    g = np.random.default_rng(rng.getrandbits(32))
    quality = rng.randint(*SCREEN["quality"])
    picture = cv2.resize(np.asarray(img.convert("RGB"), np.float32), shown,
                         interpolation=cv2.INTER_AREA)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    m = to_screen.astype(np.float32)
    z = m[2, 0] * xx + m[2, 1] * yy + m[2, 2]
    sx = (m[0, 0] * xx + m[0, 1] * yy + m[0, 2]) / z
    sy = (m[1, 0] * xx + m[1, 1] * yy + m[1, 2]) / z
    ix, iy = np.floor(sx).astype(np.int32), np.floor(sy).astype(np.int32)
    inside = (ix >= 0) & (ix < shown[0]) & (iy >= 0) & (iy < shown[1])
    lit = np.where(inside[..., None],
                   picture[np.clip(iy, 0, shown[1] - 1), np.clip(ix, 0, shown[0] - 1)],
                   np.array(VIEWER_BLACK, np.float32))
    fx, fy = sx - ix, sy - iy
    for c, at in enumerate(SUBPIXELS):   # each stripe where the camera's pixel fell
        lit[..., c] *= 1 + stripes * np.cos(2 * math.pi * (fx - at))
    lit *= (1 - rows * (0.5 + 0.5 * np.cos(2 * math.pi * fy)))[..., None]
    side = xx / w if far > 0 else 1 - xx / w
    lit *= (1 - falloff * side)[..., None] * cast
    lit[..., 2] *= 1 + 0.5 * falloff * side   # bluer where seen at an angle
    if reflection:
        lit = lit + 235 * lift[..., None]
    lit = cv2.GaussianBlur(np.clip(lit, 0, 255), (0, 0), max(0.4, 0.035 * u))
    soft = cv2.GaussianBlur(lit, (0, 0), max(1.0, 0.12 * u))
    lit = lit + 0.5 * (lit - soft) + g.normal(0, 2.5, lit.shape).astype(np.float32)
    return jpeg(Image.fromarray(np.uint8(np.clip(lit, 0, 255)), "RGB"), quality).convert("RGB")


# -- printed from a tiny photo --------------------------------------------------------------

def piksel(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
           mode: str | None = None) -> Image.Image:
    """The card printed from a tiny photo of it: the photo 76-96 dots an inch at the
    card's size and a JPEG (heavier with ``amount``), pasted into a word processor and
    printed at the card's size on an office laser printer at 600 dpi, the word
    processor's enlargement ``mode`` "blok" (each photo pixel a square block, nearest
    neighbour) or "halus" (smeared soft, bilinear), else drawn; the driver's contrast
    printing a middling grey and darker solid, the lighter greys as a round-dot screen of
    106-141 lines an inch at 45 degrees, the toner spreading a little; that print scanned
    at ``dpi`` (each scan pixel the average under it) and saved as a small JPEG, ringing
    round the blocks' edges. Grey: a black-and-white printer."""
    w, h = img.size
    mode = mode or rng.choice(("blok", "halus"))
    low = rng.uniform(*PIKSEL["dpi"])
    lo, hi = PIKSEL["photo_quality"]
    photo_quality = round(hi - (hi - lo) * amount * rng.uniform(0.6, 1.0))
    small = img.convert("RGB").resize((max(8, round(w * low / dpi)), max(8, round(h * low / dpi))),
                                      Image.LANCZOS)
    small = jpeg(small, photo_quality).convert("L")
    pw, ph = round(w * PRINTER_DPI / dpi), round(h * PRINTER_DPI / dpi)
    big = small.resize((pw, ph), Image.NEAREST if mode == "blok" else Image.BILINEAR)
    cover = 1 - np.asarray(big, np.float32) / 255
    cover = np.clip((cover - 0.03) / rng.uniform(*PIKSEL["contrast"]), 0, 1)
    pitch = PRINTER_DPI / rng.uniform(*PIKSEL["lpi"])
    screen = dot_screen((ph, pw), pitch, math.radians(45), (rng.random(), rng.random()))
    toner = np.clip((cover - screen) / 0.12 + 0.5, 0, 1)
    toner = cv2.GaussianBlur(toner, (0, 0), 0.6)   # the toner spreading
    sheet = PAPER - (PAPER - TONER) * np.clip(toner * rng.uniform(0.94, 1.0), 0, 1)
    scan = cv2.resize(sheet, (w, h), interpolation=cv2.INTER_AREA)
    out = Image.fromarray(np.uint8(np.clip(scan, 0, 255)), "L").convert("RGB")
    return jpeg(out, rng.randint(*PIKSEL["scan_quality"])).convert("RGB")


__all__ = ["PAPER", "PIKSEL", "PRINTER_DPI", "SCREEN", "SUBPIXELS", "TONER", "VIEWER_BLACK",
           "cakar_ayam", "kopi_pecah", "layar", "piksel", "screen_geometry",
           "window_reflection"]
