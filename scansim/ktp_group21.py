"""Twenty-first-group KTP prints and print looks: a print of udan liris (the "drizzle"
batik: diagonal bands side by side, each filled with a motif of its own, rain dashes, a
zigzag, a row of lozenges, dots between two rules, in two colours by turns), a print of
sekar jagad (the "flower of the world" batik: a patchwork of rounded islands, each
outlined and filled with a fine fill of its own), a card whose lamination has bubbled and
begun to peel (blisters where the film lifted off the print, milky and ringed with light,
a corner of the film curled up off the photo's side) and a card copied with the copier's
lid left open (all round the card black, the card's edges grey where it does not lie flat
on the glass, its middle washed a little paler by the copier's exposure against so much
black)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

LID_BLACK = 18                 # the open lid's room seen by the copier: near black
PEEL_MM = {"top_right": (13.0, 10.0), "bottom_right": (15.0, 11.0)}
# the most of the card (mm from its corner, across and down) a peeled corner takes: over the
# photo's side only, short of the NIK's digits and the values


# -- the security prints ------------------------------------------------------------------

def _band_motif(d: ImageDraw.ImageDraw, kind: int, y0: float, y1: float, x0: float,
                x1: float, u: float, width: int) -> None:
    """One udan liris band between ``y0`` and ``y1`` (drawn level, turned later)."""
    mid, tall = (y0 + y1) / 2, y1 - y0
    if kind == 0:   # rain: short slanted dashes in two staggered rows
        step = 1.1 * u
        for row, dy in enumerate((0.28, 0.72)):
            x = x0 + row * step / 2
            while x < x1:
                y = y0 + dy * tall
                d.line([(x, y - 0.18 * tall), (x + 0.35 * u, y + 0.18 * tall)], width=width,
                       fill=255)
                x += step
    elif kind == 1:   # a zigzag between two rules
        step = 1.4 * u
        d.line([(x0, y0 + 0.1 * tall), (x1, y0 + 0.1 * tall)], width=width, fill=255)
        d.line([(x0, y1 - 0.1 * tall), (x1, y1 - 0.1 * tall)], width=width, fill=255)
        pts, x, up = [], x0, True
        while x < x1 + step:
            pts.append((x, y0 + (0.25 if up else 0.75) * tall))
            x, up = x + step / 2, not up
        d.line(pts, width=width, fill=255)
    elif kind == 2:   # a row of lozenges, a dot in each
        step = 1.8 * u
        x = x0
        while x < x1:
            half = 0.42 * tall
            d.polygon([(x, mid - half), (x + step / 2 - 0.1 * u, mid), (x, mid + half),
                       (x - step / 2 + 0.1 * u, mid)], outline=255, width=width)
            r = max(1.0, 0.12 * u)
            d.ellipse([x - r, mid - r, x + r, mid + r], fill=255)
            x += step
    else:   # dots between two rules
        d.line([(x0, y0 + 0.15 * tall), (x1, y0 + 0.15 * tall)], width=width, fill=255)
        d.line([(x0, y1 - 0.15 * tall), (x1, y1 - 0.15 * tall)], width=width, fill=255)
        step, r = 0.9 * u, max(1.0, 0.14 * u)
        x = x0
        while x < x1:
            d.ellipse([x - r, mid - r, x + r, mid + r], fill=255)
            x += step


def udan_liris(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Diagonal bands 2.6-3.4 mm wide rising to the right, each filled with one of four
    motifs in turn (rain dashes, a zigzag, lozenges, dots between rules), in ``color`` and
    ``second`` by turns, a thin rule between bands."""
    w, h = img.size
    side = int(math.hypot(w, h)) + 4
    width = max(1, round(0.07 * u))
    layers = [Image.new("L", (side, side), 0) for _ in range(2)]
    draws = [ImageDraw.Draw(layer) for layer in layers]
    band = rng.uniform(2.6, 3.4) * u
    start = rng.randrange(4)
    y, k = -rng.uniform(0, band), 0
    while y < side:
        d = draws[k % 2]
        _band_motif(d, (start + k) % 4, y + 0.25 * u, y + band - 0.25 * u, 0, side, u, width)
        draws[0].line([(0, y), (side, y)], width=width, fill=255)
        y, k = y + band, k + 1
    angle = rng.uniform(30, 40)
    for layer, ink in zip(layers, (color, second), strict=True):
        turned = layer.rotate(angle, resample=Image.BILINEAR)
        box = ((side - w) // 2, (side - h) // 2)
        img.paste(ink, (0, 0), turned.crop((box[0], box[1], box[0] + w, box[1] + h)))


def sekar_jagad(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A patchwork of rounded islands 8-12 mm across (the cells round scattered points,
    their borders made wavy), each outlined in ``color`` and filled with a fine fill of
    its own in ``color`` or ``second``: hatching at its own angle, rings round its middle,
    a grid of dots or a cross-hatch."""
    w, h = img.size
    g = np.random.default_rng(rng.getrandbits(32))
    cell = rng.uniform(8.0, 12.0) * u
    nx, ny = int(w / cell) + 2, int(h / cell) + 2
    gx, gy = np.meshgrid(np.arange(nx), np.arange(ny))
    seeds = np.stack([(gx.ravel() - 0.5 + g.uniform(0.15, 0.85, gx.size)) * cell,
                      (gy.ravel() - 0.5 + g.uniform(0.15, 0.85, gy.size)) * cell], axis=1)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    wx = xx + 0.9 * u * np.sin(yy / (2.1 * u)) + 0.6 * u * np.sin(xx / (3.3 * u))
    wy = yy + 0.9 * u * np.sin(xx / (2.4 * u)) + 0.6 * u * np.cos(yy / (2.9 * u))
    best = np.full((h, w), np.inf, np.float32)
    label = np.zeros((h, w), np.int32)
    for i, (sx, sy) in enumerate(seeds):
        dist = (wx - sx) ** 2 + (wy - sy) ** 2
        closer = dist < best
        best[closer], label[closer] = dist[closer], i
    n = len(seeds)
    kind = g.integers(0, 4, n)[label]
    angle = g.uniform(0, math.pi, n)[label]
    pitch = (g.uniform(0.7, 1.0, n) * u)[label]
    cx, cy = seeds[label, 0], seeds[label, 1]
    line = max(0.8, 0.08 * u)
    along = xx * np.cos(angle) + yy * np.sin(angle)
    across = -xx * np.sin(angle) + yy * np.cos(angle)
    hatch = np.abs((along % pitch) - pitch / 2) < line / 2
    rings = np.abs((np.hypot(xx - cx, yy - cy) % (1.3 * pitch)) - 0.65 * pitch) < line / 2
    dot = np.hypot((along % pitch) - pitch / 2, (across % pitch) - pitch / 2) < 1.1 * line
    cross = hatch | (np.abs((across % (1.4 * pitch)) - 0.7 * pitch) < line / 2)
    fill = np.select([kind == 0, kind == 1, kind == 2], [hatch, rings, dot], cross)
    edge = np.zeros((h, w), bool)
    edge[:, 1:] |= label[:, 1:] != label[:, :-1]
    edge[1:, :] |= label[1:, :] != label[:-1, :]
    edge = cv2.dilate(np.uint8(edge), np.ones((max(1, round(0.12 * u)),) * 2, np.uint8)) > 0
    own = np.asarray(g.random(n) < 0.5)[label]
    for ink, mask in ((second, fill & own & ~edge), (color, (fill & ~own) | edge)):
        img.paste(ink, (0, 0), Image.fromarray(np.uint8(mask) * 255))


# -- a blistered, peeling lamination ------------------------------------------------------

def _blister(arr: np.ndarray, rng: random.Random, u: float, centre, radii) -> None:
    """One blister where the film lifted off the print (in place): inside it the print
    seen through a thin air gap (a milky veil, a little soft), a crescent of light on the
    lamp's side of its rim and a thin dark line on the other."""
    h, w = arr.shape[:2]
    cx, cy = centre
    rx, ry = radii
    tilt = rng.uniform(0, math.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = ((xx - cx) * math.cos(tilt) + (yy - cy) * math.sin(tilt)) / rx
    b = (-(xx - cx) * math.sin(tilt) + (yy - cy) * math.cos(tilt)) / ry
    r = np.sqrt(a ** 2 + b ** 2)
    inside = np.clip((1 - r) / 0.08, 0, 1)
    soft = cv2.GaussianBlur(arr, (0, 0), max(0.6, 0.07 * u))
    veil = rng.uniform(0.16, 0.26)
    inner = soft + (246 - soft) * veil
    arr[:] = arr * (1 - inside[..., None]) + inner * inside[..., None]
    lamp = math.atan2(-1.0, rng.uniform(-0.6, 0.6))   # the copier's lamp: from above
    facing = np.cos(np.arctan2(yy - cy, xx - cx) - lamp)
    rim = np.exp(-((r - 1) / (0.6 * u / max(rx, ry))) ** 2 / 2)
    light = rim * np.clip(facing, 0, 1) ** 2 * 0.75
    dark = rim * np.clip(-facing, 0, 1) ** 2 * 0.35
    arr[:] = arr + (255 - arr) * light[..., None]
    arr[:] = arr * (1 - dark[..., None])


def _peel(arr: np.ndarray, rng: random.Random, u: float, corner: str) -> None:
    """The film peeled back from ``corner`` (in place): under the lifted flap a milky
    white with the print faint through it, the flap's torn edge a crinkled line of light
    with its shadow on the print beside it."""
    h, w = arr.shape[:2]
    reach_x, reach_y = (c * u * rng.uniform(0.8, 1.0) for c in PEEL_MM[corner])
    cx0, cy0 = w, (h if corner.startswith("bottom") else 0)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    fx = (cx0 - xx) / reach_x                            # 0 at the corner, 1 at its reach
    fy = np.abs(cy0 - yy) / reach_y
    wobble = 0.05 * np.sin(xx / (0.7 * u) + rng.uniform(0, 6)) \
        + 0.04 * np.sin(yy / (0.45 * u))
    edge = fx + fy + wobble                              # < 1: under the flap
    flap = np.clip((1 - edge) / 0.03, 0, 1)
    arr[:] = arr + (238 - arr) * (0.72 * flap)[..., None]
    line = np.exp(-((edge - 1) / (0.25 * u / max(reach_x, reach_y))) ** 2)
    shade = np.exp(-np.clip(edge - 1.02, 0, None) / (0.9 * u / max(reach_x, reach_y))) \
        * (edge > 1.02)
    arr[:] = arr * (1 - 0.35 * shade[..., None])
    arr[:] = arr + (255 - arr) * (0.85 * line)[..., None]


def lepuh(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
          corner: str | None = None) -> Image.Image:
    """The card's lamination blistered and peeling: two to five blisters (3-7 mm, round
    or oval, anywhere on the card) and, on most cards, the film peeled back from one of
    the right-hand corners (``corner``, a key of PEEL_MM; else one drawn). ``amount``
    (0..1): how many blisters, how likely the peel."""
    u = dpi / 25.4
    w, h = img.size
    arr = np.asarray(img.convert("RGB"), np.float32).copy()
    for _ in range(2 + round(3 * amount * rng.random())):
        rx = rng.uniform(1.5, 3.5) * u
        ry = rx * rng.uniform(0.6, 1.0)
        _blister(arr, rng, u, (rng.uniform(0.05, 0.95) * w, rng.uniform(0.08, 0.92) * h),
                 (rx, ry))
    if corner or rng.random() < 0.4 + 0.5 * amount:
        _peel(arr, rng, u, corner or rng.choice(sorted(PEEL_MM)))
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


# -- copied with the lid open -----------------------------------------------------------

def lid_open(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """The card copied with the copier's lid left open: beyond its rounded corners the
    room's black, along its edges a grey falloff 1.5-3 mm deep (the card's edge off the
    glass, lit from the side) a little deeper on some sides than others, its middle
    washed paler (the copier's exposure set against so much black), a grain of toner
    over all. ``amount`` (0..1): how dark the edges."""
    u = dpi / 25.4
    w, h = img.size
    g = np.random.default_rng(rng.getrandbits(32))
    arr = np.asarray(img.convert("RGB"), np.float32)
    lift = rng.uniform(0.12, 0.2)
    arr = 255 - (255 - arr) * (1 - lift * (arr / 255) ** 0.5)   # the pale tints washed out
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    depth = [rng.uniform(1.5, 3.0) * u for _ in range(4)]   # left, top, right, bottom
    fall = np.zeros((h, w), np.float32)
    for dist, deep in zip((xx, yy, w - 1 - xx, h - 1 - yy), depth, strict=True):
        fall = np.maximum(fall, np.exp(-dist / (0.45 * deep)))
    grey = amount * rng.uniform(0.55, 0.7)
    arr = arr * (1 - grey * fall[..., None])
    radius = 3.2 * u
    cx = np.clip(xx, radius, w - radius)
    cy = np.clip(yy, radius, h - radius)
    outside = np.clip((np.hypot(xx - cx, yy - cy) - radius) / max(1.0, 0.2 * u) + 0.5, 0, 1)
    arr = arr * (1 - outside[..., None]) + LID_BLACK * outside[..., None]
    arr = arr + g.normal(0, 3.0, (h, w))[..., None]
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def lid_page(page: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """A copy sheet as the open lid leaves it: black all over but for a grey glow along
    one edge where the room's light fell in, grainy."""
    u = dpi / 25.4
    w, h = page.size
    g = np.random.default_rng(rng.getrandbits(32))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    side = rng.choice(("left", "right", "top", "bottom"))
    dist = {"left": xx, "right": w - 1 - xx, "top": yy, "bottom": h - 1 - yy}[side]
    glow = 70 * np.exp(-dist / (rng.uniform(12, 25) * u))
    arr = LID_BLACK + glow + g.normal(0, 4.0, (h, w))
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "L").convert("RGB")


__all__ = ["LID_BLACK", "PEEL_MM", "lepuh", "lid_open", "lid_page", "sekar_jagad",
           "udan_liris"]
