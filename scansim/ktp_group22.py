"""Twenty-second-group KTP prints and print looks: a print of nitik (the Yogyakarta batik
built of small squares, as if woven: four-petalled flowers of squares on a square grid,
a finer grid of specks between them, in two colours), a print of insang (the "gill"
batik of Pontianak: rows of overlapping crescents, each row set half a crescent along,
dots inside them, in two colours by rows), a card photocopied onto kertas buram (the
cheap grey recycled newsprint of small copy shops: a grey-beige sheet with dark flecks
and coloured fibres in it, the toner lying grainy and broken on its rough face, the
card's pale tints gone) and a copy of a card with a paper clip over it (the clip that
held the copy to the form scanned with it: a loop of bright wire pressed dark on the
glass, the paper round it lifted and shaded)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

BURAM = (201, 194, 178)        # kertas buram: a grey-beige recycled newsprint
BURAM_TONER = (34, 33, 36)
FIBRES = ((92, 104, 150), (150, 86, 84), (96, 96, 92))   # blue, red and grey pulp fibres
CLIP_MM = {"width": (5.5, 8.5), "depth": (16.0, 24.0), "wire": (0.7, 0.9)}
# a clip's loop as it lies on the card: its width across, how far it reaches in from the
# card's edge, the wire's thickness


def _shifted(arr: np.ndarray, down: int, right: int) -> np.ndarray:
    """``arr`` moved ``down`` rows and ``right`` columns (either may be negative), what
    comes in from beyond its edges zero."""
    out = np.zeros_like(arr)
    h, w = arr.shape[:2]
    out[max(0, down):h + min(0, down), max(0, right):w + min(0, right)] = \
        arr[max(0, -down):h - max(0, down), max(0, -right):w - max(0, right)]
    return out


# -- the security prints ------------------------------------------------------------------

def nitik(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Flowers of small squares on a square grid 6.5-8 mm apart: a square at the heart,
    four petals of three squares each in ``color`` and four leaves between them in
    ``second``; a finer grid of single specks (in ``color``) fills the rest."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    pitch = rng.uniform(6.5, 8.0) * u
    sq = max(1.0, 0.38 * u)      # one "nitik": a little square

    def square(x: float, y: float, ink) -> None:
        d.rectangle([x - sq / 2, y - sq / 2, x + sq / 2, y + sq / 2], fill=ink)

    ox, oy = rng.uniform(0, pitch), rng.uniform(0, pitch)
    speck = max(1.0, 0.12 * u)
    step = pitch / 6
    for gy in np.arange(oy - pitch, h + pitch, step):   # the fine grid of specks
        for gx in np.arange(ox - pitch, w + pitch, step):
            d.rectangle([gx, gy, gx + speck, gy + speck], fill=color)
    gap = 0.62 * u
    for cy in np.arange(oy - pitch, h + pitch, pitch):
        for cx in np.arange(ox - pitch, w + pitch, pitch):
            square(cx, cy, color)
            for ax, ay in ((1, 0), (0, 1), (-1, 0), (0, -1)):   # the petals
                for k in (1, 2, 3):
                    square(cx + ax * k * gap, cy + ay * k * gap, color)
                square(cx + ax * 2 * gap + ay * gap, cy + ay * 2 * gap + ax * gap, color)
                square(cx + ax * 2 * gap - ay * gap, cy + ay * 2 * gap - ax * gap, color)
            for ax, ay in ((1, 1), (-1, 1), (-1, -1), (1, -1)):   # the leaves
                for k in (1.5, 2.5):
                    square(cx + ax * k * gap, cy + ay * k * gap, second)
            for ax, ay in ((0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5), (0.5, -0.5)):
                square(cx + ax * pitch, cy + ay * pitch, second)   # between flowers


def insang(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Rows 2.2-2.8 mm apart of crescents 4-5 mm wide opening downwards, each row set
    half a crescent along from the one above and overlapping it (the gills), a dot in
    each crescent; rows in ``color`` and ``second`` by turns, the whole a little wavy."""
    w, h = img.size
    layers = [Image.new("L", (w, h), 0) for _ in range(2)]
    draws = [ImageDraw.Draw(layer) for layer in layers]
    width = max(1, round(0.09 * u))
    span = rng.uniform(4.0, 5.0) * u
    row = rng.uniform(2.2, 2.8) * u
    wave = rng.uniform(0.4, 0.8) * u
    phase = rng.uniform(0, 6.3)
    r = max(1.0, 0.16 * u)
    y, k = -row, 0
    while y < h + row:
        d = draws[k % 2]
        x = -span + (span / 2 if k % 2 else 0) - rng.uniform(0, span / 4)
        while x < w + span:
            dy = wave * math.sin(x / (9 * u) + phase)
            box = [x, y + dy, x + span, y + dy + 1.1 * span]
            d.arc(box, 200, 340, fill=255, width=width)       # the crescent's outer rim
            inner = [x + 0.18 * span, y + dy + 0.22 * span, x + 0.82 * span,
                     y + dy + 1.0 * span]
            d.arc(inner, 210, 330, fill=255, width=width)     # and its inner rim
            cx, cy = x + span / 2, y + dy + 0.12 * span
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=255)
            x += span
        y, k = y + row, k + 1
    for layer, ink in zip(layers, (color, second), strict=True):
        img.paste(ink, (0, 0), layer)


# -- copied onto kertas buram -------------------------------------------------------------

def buram_sheet(size: tuple[int, int], rng: random.Random, amount: float,
                dpi: int) -> np.ndarray:
    """A sheet of kertas buram (h, w, 3 floats): grey-beige, cloudy where the pulp lies
    thicker, strewn with short fibres (paler, darker, some blue or red) and dark flecks
    of ink left in the recycled pulp. ``amount`` (0..1): how many fibres and flecks."""
    u = dpi / 25.4
    w, h = size
    g = np.random.default_rng(rng.getrandbits(32))
    base = np.array(BURAM, np.float32) + np.float32(rng.uniform(-5, 5))
    cloud = cv2.resize(g.normal(0, 1, (max(2, h // int(6 * u)), max(2, w // int(6 * u))))
                       .astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    sheet = base[None, None, :] + 2.5 * cloud[..., None]
    sheet = sheet + g.normal(0, 1.8, (h, w, 1)).astype(np.float32)   # the pulp's grain
    marks = Image.new("RGB", size, (0, 0, 0))
    alpha = Image.new("L", size, 0)
    dm, da = ImageDraw.Draw(marks), ImageDraw.Draw(alpha)
    area = (w / u) * (h / u)   # mm²
    for _ in range(int(area * (0.05 + 0.12 * amount))):   # fibres
        x, y = g.uniform(0, w), g.uniform(0, h)
        length, angle = g.uniform(0.4, 2.2) * u, g.uniform(0, math.pi)
        bend = g.uniform(-0.3, 0.3)
        pts = [(x + t * length * math.cos(angle + bend * t),
                y + t * length * math.sin(angle + bend * t)) for t in np.linspace(0, 1, 5)]
        kind = g.random()
        if kind < 0.5:
            ink, a = (236, 230, 214), 150   # a pale fibre
        elif kind < 0.85:
            ink, a = (120, 114, 104), 110   # a dark one
        else:
            ink, a = tuple(int(c) for c in FIBRES[g.integers(len(FIBRES))]), 170
        dm.line(pts, fill=ink, width=max(1, round(0.05 * u)))
        da.line(pts, fill=a, width=max(1, round(0.05 * u)))
    for _ in range(int(area * (0.015 + 0.05 * amount))):   # flecks of old ink
        x, y = g.uniform(0, w), g.uniform(0, h)
        r = g.uniform(0.04, 0.16) * u
        dm.ellipse([x - r, y - r * g.uniform(0.5, 1), x + r, y + r], fill=(48, 46, 48))
        da.ellipse([x - r, y - r * g.uniform(0.5, 1), x + r, y + r], fill=int(g.uniform(150,
                                                                                    240)))
    a = np.asarray(alpha, np.float32)[..., None] / 255
    sheet = sheet * (1 - a) + np.asarray(marks, np.float32) * a
    return np.clip(sheet, 0, 255)


def buram_copy(img: Image.Image, rng: random.Random, amount: float, dpi: int
               ) -> Image.Image:
    """The card photocopied onto kertas buram: the copier reads it in grey and drops its
    pale tints (the security print faint, broken), the toner on the rough sheet grainy,
    missing in pin-holes inside strokes and feathered at their edges, the sheet's flecks
    and fibres all over. ``amount`` (0..1): how rough the paper and how broken the toner."""
    u = dpi / 25.4
    w, h = img.size
    g = np.random.default_rng(rng.getrandbits(32))
    grey = np.asarray(img.convert("L"), np.float32) / 255
    black, white = rng.uniform(0.1, 0.15), rng.uniform(0.8, 0.86)
    density = 1 - np.clip((grey - black) / (white - black), 0, 1)
    density = cv2.GaussianBlur(density, (0, 0), max(0.5, 0.05 * u))    # feathered edges
    rough = cv2.GaussianBlur(g.random((h, w)).astype(np.float32), (0, 0), max(0.5, 0.06 * u))
    rough = (rough - rough.mean()) / (rough.std() + 1e-6)
    holes = rough > 2.1 - 0.5 * amount                # where the toner missed the fibres
    density = np.where(holes, density * 0.45, density * (1 + 0.06 * rough))
    density = np.clip(density, 0, 1)
    sheet = buram_sheet(img.size, rng, amount, dpi)
    out = sheet * (1 - density[..., None]) + np.array(BURAM_TONER, np.float32) * \
        density[..., None]
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


def buram_page(page: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """A white copy sheet as the same sheet of kertas buram: each colour multiplied by
    the buram's, with its fibres and flecks."""
    arr = np.asarray(page.convert("RGB"), np.float32)
    sheet = buram_sheet(page.size, rng, 0.5, dpi)
    return Image.fromarray(np.uint8(np.clip(arr * sheet / 255, 0, 255)), "RGB")


# -- a paper clip over the copy -----------------------------------------------------------

def clip_mask(size: tuple[int, int], x_mm: float, width_mm: float, depth_mm: float,
              wire_mm: float, dpi: int) -> np.ndarray:
    """The wire of a paper clip's loop (0..1 per pixel) on a card of ``size``: two legs
    ``width_mm`` apart centred at ``x_mm``, coming in from the card's top edge
    ``depth_mm`` deep and joined by a round end there."""
    u = dpi / 25.4
    w, h = size
    s = 4                                   # drawn four times over, then shrunk: smooth
    big = Image.new("L", (w * s, h * s), 0)
    d = ImageDraw.Draw(big)
    half = width_mm / 2 * u * s
    cx = x_mm * u * s
    bottom = depth_mm * u * s
    wire = max(1, round(wire_mm * u * s))
    top = -5 * u * s                          # from beyond the card's edge
    d.line([(cx - half, top), (cx - half, bottom - half)], fill=255, width=wire)
    d.line([(cx + half, top), (cx + half, bottom - half)], fill=255, width=wire)
    d.arc([cx - half, bottom - 2 * half, cx + half, bottom], 0, 180, fill=255, width=wire)
    return np.asarray(big.resize((w, h), Image.BOX), np.float32) / 255


def klip(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
         x_mm: float | None = None) -> Image.Image:
    """A paper clip over the copy, coming in from the card's top edge at ``x_mm`` (else
    anywhere along it): its loop pressed dark on the glass, a glint of light along each
    wire, and round it the paper lifted off the glass (shaded, darker on one side, the
    side its shadow falls). ``amount`` (0..1): how dark the shading."""
    u = dpi / 25.4
    w, h = img.size
    x = x_mm if x_mm is not None else rng.uniform(8.0, w / u - 8.0)
    width = rng.uniform(*CLIP_MM["width"])
    depth = rng.uniform(*CLIP_MM["depth"])
    wire = rng.uniform(*CLIP_MM["wire"])
    metal = clip_mask(img.size, x, width, depth, wire, dpi)
    glint = clip_mask(img.size, x + 0.12 * wire, width, depth, 0.25 * wire, dpi)
    arr = np.asarray(img.convert("RGB"), np.float32)
    near = cv2.distanceTransform(np.uint8(metal < 0.3), cv2.DIST_L2, 5) / u   # mm away
    lift = np.exp(-near / rng.uniform(0.9, 1.5)) * (1 - metal)
    dx, dy = (round(v * u) for v in (rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7)))
    shadow = _shifted(cv2.GaussianBlur(metal, (0, 0), max(0.8, 0.4 * u)), dy, dx) * (1 - metal)
    shade = 1 - amount * (0.18 * lift + 0.45 * shadow)
    arr = arr * shade[..., None]
    steel = np.array([62, 64, 70], np.float32) + np.float32(rng.uniform(-10, 10))
    arr = arr * (1 - metal[..., None]) + steel * metal[..., None]
    arr = arr + (205 - arr) * (0.8 * glint * metal)[..., None]
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


__all__ = ["BURAM", "CLIP_MM", "buram_copy", "buram_page", "buram_sheet", "clip_mask",
           "insang", "klip", "nitik"]
