"""Twentieth-group KTP prints and print looks: a print of pucuk rebung (rows of tall
bamboo-shoot triangles, each filled with chevrons round a spine, the rows pointing up and
down by turns in two colours), a print of sulur (vines running across the card in waves,
a curling tendril at each crest and a leaf at each trough), a card photocopied onto
coloured HVS paper (pink, pale green or yellow, as copy shops stock it: the card's colours
gone, only the toner's grey on the paper's colour, the toner laid down unevenly in
patches and along a roller's band), a fingertip of whoever held the card on the copier's
glass over one of its corners (the pad pressed to the glass lit and showing its ridges,
the rest of the finger, further from the lamp, dark) and the copy folded in four and
flattened again (a crease across the card, another down it now and then: the print a
fraction of a millimetre off on either side, the toner cracked off along the ridge, a
shadow beside it)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

# HVS copy paper in colour, as copy shops stock it (name: the paper's colour under the lamp)
PAPERS = {"merah muda": (250, 208, 222), "hijau muda": (214, 240, 206),
          "kuning": (252, 242, 168)}
TONER = (34, 32, 34)           # a copier's black toner
BACKGROUND = 0.9               # the copier drops any grey paler than this share (its tints)
SHIFT_MM = (0.12, 0.3)         # how far the print lies off across a flattened crease
FINGER_MM = (14.0, 17.0)       # a fingertip's width on the glass
CORNER_MM = {"top_left": (13.0, 12.5), "top_right": (14.0, 11.0),
             "bottom_left": (19.0, 12.5), "bottom_right": (17.0, 13.0)}
# the most of the card (mm from its corner, across and down) a finger at each corner takes:
# at the top left short of the NIK's digits, at the bottom left short of the values


# -- the security prints --------------------------------------------------------------

def pucuk_rebung(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Rows of pucuk rebung 5-6 mm high: tall triangles side by side, each outlined with
    two chevrons inside it and a spine up its middle, the rows pointing up in ``color``
    and down in ``second`` by turns, the down row's triangles standing between the up
    row's."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    width = max(1, round(0.08 * u))
    tall = rng.uniform(5.0, 6.0) * u
    base = rng.uniform(0.55, 0.65) * tall
    x0, y0 = rng.uniform(0, base), rng.uniform(0, tall)
    for j in range(int(h / tall) + 3):
        up = j % 2 == 0
        ink = color if up else second
        top = y0 + (j - 1) * tall
        shift = 0.0 if up else base / 2
        for i in range(int(w / base) + 3):
            left = x0 + (i - 1) * base + shift
            mid = left + base / 2
            tip, foot = (top, top + tall) if up else (top + tall, top)
            for k in range(3):                       # the outline and two chevrons in it
                s = 1 - 0.3 * k
                half = base / 2 * s
                apex = foot + (tip - foot) * (0.15 * k + s * 0.85 + 0.15 * (1 - s)) \
                    if k else tip
                d.line([(mid - half, foot), (mid, apex), (mid + half, foot)], fill=ink,
                       width=width)
            d.line([(mid, foot), (mid, foot + (tip - foot) * 0.55)], fill=ink, width=width)


def sulur(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Vines 5.5-6.5 mm apart running across the card in waves of ``color``, a tendril
    curling off at each crest (a loosening spiral) and a leaf (a pointed oval) in
    ``second`` hanging at each trough."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    width = max(1, round(0.08 * u))
    pitch = rng.uniform(5.5, 6.5) * u
    period = rng.uniform(9.0, 11.0) * u
    amp = 0.22 * pitch
    y0, phase = rng.uniform(0, pitch), rng.uniform(0, 2 * math.pi)
    step = max(1.0, 0.3 * u)
    for j in range(int(h / pitch) + 3):
        cy = y0 + (j - 1) * pitch
        off = phase + j * math.pi / 2
        xs = np.arange(-period, w + period, step)
        d.line([(x, cy + amp * math.sin(2 * math.pi * x / period + off)) for x in xs],
               fill=color, width=width)
        first = -((off / (2 * math.pi)) % 1) * period - period
        for k in range(int(w / period) + 3):
            crest = first + (k + 0.75) * period    # where sin(...) = -1: the wave's top
            trough = crest + period / 2
            cx_, ty = crest, cy - amp
            pts = []
            for t in np.linspace(0, 3.2 * math.pi, 40):   # the tendril: a loosening spiral
                r = 0.06 * pitch + 0.035 * pitch * t
                pts.append((cx_ + r * math.sin(t), ty - 0.05 * pitch - r * (1 - math.cos(t))))
            d.line(pts, fill=color, width=width)
            lx, ly = trough, cy + amp
            leaf = [(lx + 0.16 * pitch * math.sin(t), ly + 0.22 * pitch * (1 - math.cos(t)))
                    for t in np.linspace(-math.pi, math.pi, 24)]
            d.line(leaf, fill=second, width=width)
            d.line([(lx, ly), (lx, ly + 0.38 * pitch)], fill=second, width=width)


# -- a copy on coloured paper -----------------------------------------------------------

def _field(shape: tuple[int, int], cells: tuple[int, int], g: np.random.Generator
           ) -> np.ndarray:
    """Smooth noise over ``shape`` (h, w), about ``cells`` (rows, columns) blobs, -1..1."""
    small = g.uniform(-1, 1, (cells[0] + 2, cells[1] + 2)).astype(np.float32)
    img = Image.fromarray(np.uint8((small + 1) * 127.5)).resize((shape[1], shape[0]),
                                                                 Image.BICUBIC)
    return np.asarray(img, np.float32) / 127.5 - 1


def hvs_copy(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
             paper: str | None = None) -> tuple[Image.Image, str]:
    """The card photocopied onto coloured HVS paper (``paper``, a key of PAPERS; else one
    drawn): the copier reads the card in grey and drops its palest tints (the security
    print comes out thin and faint, the colour of the photo's ground gone), the toner
    lies on the paper's colour in patches a little denser or thinner (a worn developer
    roller) and thinner along one band down the feed, with specks of stray toner.
    ``amount`` (0..1): how uneven. Returns the copy and its paper's name."""
    u = dpi / 25.4
    w, h = img.size
    name = paper or rng.choice(sorted(PAPERS))
    colour = np.array(PAPERS[name], np.float32)
    g = np.random.default_rng(rng.getrandbits(32))
    grey = np.asarray(img.convert("L"), np.float32) / 255
    black = rng.uniform(0.1, 0.16)
    grey = np.clip((grey - black) / (BACKGROUND - black), 0, 1)
    density = 1 - grey
    patches = _field((h, w), (max(2, round(h / (9 * u))), max(2, round(w / (9 * u)))), g)
    band_at, band_w = rng.uniform(0.15, 0.85) * w, rng.uniform(5, 10) * u
    band = np.exp(-((np.arange(w, dtype=np.float32) - band_at) / band_w) ** 2)[None, :]
    density *= 1 + amount * (0.14 * patches - 0.22 * band)
    density = np.clip(density + (g.random((h, w)) < 0.0015 * amount) * 0.5, 0, 1)
    out = colour * (1 - density[..., None]) + np.array(TONER, np.float32) * density[..., None]
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB"), name


def on_paper(img: Image.Image, paper: str) -> Image.Image:
    """A sheet of white copy ``img`` as the same sheet of coloured ``paper`` (a key of
    PAPERS): each colour multiplied by the paper's."""
    arr = np.asarray(img.convert("RGB"), np.float32) * np.array(PAPERS[paper], np.float32) / 255
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


# -- a finger on the glass, a copy folded in four ------------------------------------------

def _finger_mask(size: tuple[int, int], corner: str, rng: random.Random, u: float
                 ) -> tuple[np.ndarray, np.ndarray]:
    """A fingertip over ``corner`` of a card of ``size``: how much of each dot it covers
    (0..1, a soft edge where the finger curls away from the glass) and where its pad
    presses on the glass (0..1)."""
    w, h = size
    reach_x, reach_y = (c * u for c in CORNER_MM[corner])
    right, bottom = corner.endswith("right"), corner.startswith("bottom")
    sx, sy = (-1 if right else 1), (-1 if bottom else 1)   # from the corner into the card
    cx0, cy0 = (w if right else 0), (h if bottom else 0)
    half_w = rng.uniform(*FINGER_MM) * u / 2   # the finger's width on the glass, halved
    half_l = 3.2 * half_w                        # it reaches on well past the corner
    # its tip's round centred so that the finger stays inside the corner's room: past the
    # tip's round nothing of it reaches further in, behind it only back out of the card
    fit = rng.uniform(0.86, 1.0)
    ccx = cx0 + sx * max(0.2 * half_w, reach_x * fit - half_w)
    ccy = cy0 + sy * max(0.2 * half_w, reach_y * fit - half_w)
    a = math.atan2(ccy - cy0, ccx - cx0) + math.radians(rng.uniform(-10, 10))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    along = (xx - ccx) * math.cos(a) + (yy - ccy) * math.sin(a)   # + towards the tip
    across = -(xx - ccx) * math.sin(a) + (yy - ccy) * math.cos(a)
    # a rounded tip on straight sides: a disc of the width ahead, a band behind it
    behind = np.clip(-along, 0, 2 * half_l)
    r = np.sqrt(((along + behind) / half_w) ** 2 + (across / half_w) ** 2)
    soft = max(1.0, 0.6 * u) / half_w
    cover = np.clip((1 - r) / soft + 0.5, 0, 1) * (r < 1 + soft)
    pad_r = np.sqrt(((along + 0.15 * half_w) / (0.8 * half_w)) ** 2
                    + (across / (0.62 * half_w)) ** 2)
    pad = np.clip(1 - pad_r, 0, 1) ** 0.8 * cover
    return cover, pad


def fingertip(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
              corner: str | None = None) -> Image.Image:
    """A fingertip of whoever held the card down on the copier's glass, over one corner
    (``corner``, a key of CORNER_MM; else one drawn): the pad pressed on the glass lit by
    the lamp, skin-toned with the ridges of the print, the rest of the finger, curling up
    from the glass, dark as the lid's shadow; its edge soft. Short of the NIK's digits and
    the values at the left corners. ``amount`` (0..1): how dark the finger away from
    the glass."""
    u = dpi / 25.4
    corner = corner or rng.choice(sorted(CORNER_MM))
    cover, pad = _finger_mask(img.size, corner, rng, u)
    h, w = cover.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    turn = rng.uniform(0, math.pi)
    ridges = np.sin(2 * math.pi * (xx * math.cos(turn) + yy * math.sin(turn)
                                   + 0.8 * u * np.sin(yy / (2.2 * u) + xx / (3.1 * u)))
                    / (0.48 * u))
    dark = np.array((40, 34, 32), np.float32) * (1.25 - 0.45 * amount)
    skin = np.array((142, 118, 106), np.float32)
    colour = dark + (skin - dark) * (pad * (0.9 + 0.1 * ridges))[..., None]
    arr = np.asarray(img.convert("RGB"), np.float32)
    arr = arr * (1 - cover[..., None]) + colour * cover[..., None]
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def _crease(arr: np.ndarray, rng: random.Random, u: float, *, across: bool,
            at: float) -> np.ndarray:
    """One crease of a copy folded and flattened, ``across`` the card (else down it) at
    ``at`` px: the far side's print shifted off a fraction of a millimetre, the toner
    cracked off along the ridge in a broken pale line, a shadow along its foot and a
    shade on the side that still bends away."""
    h, w = arr.shape[:2]
    slope = math.tan(math.radians(rng.uniform(-1.5, 1.5)))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    side = (yy - at - slope * (xx - w / 2)) if across else (xx - at - slope * (yy - h / 2))
    shift = rng.uniform(*SHIFT_MM) * u * rng.choice((-1, 1))
    dx, dy = (0.4 * shift, shift) if across else (shift, 0.4 * shift)
    moved = cv2.warpAffine(arr, np.float32([[1, 0, dx], [0, 1, dy]]), (w, h),
                           flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    out = np.where((side > 0)[..., None], moved, arr)
    g = np.random.default_rng(rng.getrandbits(32))
    n = w if across else h
    broken = np.asarray(Image.fromarray(np.uint8(g.random((1, max(4, n // int(2 * u))))
                                                 * 255)).resize((n, 1), Image.BICUBIC),
                        np.float32)[0] / 255
    flake = (broken[None, :] if across else broken[:, None]) > 0.45
    crack = max(0.7, 0.09 * u)
    light = np.clip(1 - np.abs(side) / crack, 0, 1) * flake
    out = out + (248 - out) * (0.9 * light)[..., None]
    foot = np.clip(1 - np.abs(side + 2.2 * crack) / max(1.0, 0.15 * u), 0, 1)
    shade = 0.3 * foot + 0.08 * np.exp(-np.maximum(-side, 0) / (1.6 * u)) * (side < 0)
    return out * (1 - shade)[..., None]


def folded_copy(img: Image.Image, rng: random.Random, amount: float, dpi: int
                ) -> Image.Image:
    """The copy folded in four to go in a pocket and flattened again: the sheet's crease
    across it crosses the card below its NIK, the crease down the sheet now and then
    crosses it too (more often the more ``amount``, 0..1); each as :func:`_crease`."""
    u = dpi / 25.4
    w, h = img.size
    arr = np.asarray(img.convert("RGB"), np.float32)
    arr = _crease(arr, rng, u, across=True, at=rng.uniform(16.0, 46.0) * u)
    if rng.random() < 0.5 * amount + 0.2:
        arr = _crease(arr, rng, u, across=False, at=rng.uniform(0.3, 0.7) * w)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


__all__ = ["CORNER_MM", "PAPERS", "TONER", "fingertip", "folded_copy", "hvs_copy",
           "on_paper", "pucuk_rebung", "sulur"]
