"""Seventeenth-group KTP prints and print looks: a security print of a Truchet labyrinth
(labirin: square tiles each holding two quarter-circle ribbons that join the midpoints of
its sides, turned one way or the other at random, so the ribbons run on from tile to tile
into meandering paths and closed loops), a print of crazed cells (retak: the cells of a
cracked glaze or of dried mud, each outlined by a fine line with a second line set just
inside it), a copy someone ran a highlighter over (the NIK and the name, now and then the
birth or the address, each under a broad band of fluorescent dye, streaky along the
felt, darker where the tip rested or went over twice), and a card copied twice over: first
enlarged to 130-150 % on a copier, then that copy copied back down to the card's size (the
pale tints thinned to sparse dots, the rest of the print and the photo broken into the first
copier's dot screen and, shrunk, into a moire against the second's, the strokes grown a
little bolder by the toner of two copies, a stray speck or two from each)."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageFilter

# Highlighter inks: fluorescent yellow, green, pink and orange (yellow the commonest).
MARKERS = ((255, 236, 64), (150, 236, 96), (255, 140, 196), (255, 184, 84))
# The rows of the field block a person may mark, by their place in it (0 is Nama).
ROWS = {"nama": 0, "tempat_tgl_lahir": 1, "alamat": 3}


def _blend(img: Image.Image, share: np.ndarray, ink) -> np.ndarray:
    """``img`` with ``ink`` laid over it at ``share`` (0..1 per pixel), as floats."""
    arr = np.asarray(img, float)
    return arr * (1 - share[..., None]) + np.array(ink, float) * share[..., None]


def labirin(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A Truchet labyrinth: square tiles 2.6-3.2 mm a side, each with two quarter-circle
    ribbons round two opposite corners (which two, at random), every ribbon edged by two
    fine lines in ``color`` with a finer middle line in ``second`` and a pale wash of
    ``second`` between its edges; the ribbons join at the sides' midpoints into paths."""
    w, h = img.size
    side = rng.uniform(2.6, 3.2) * u
    yy, xx = np.mgrid[0:h, 0:w].astype(float)
    x0, y0 = rng.uniform(0, side), rng.uniform(0, side)
    fx, fy = (xx + x0) / side, (yy + y0) / side
    i, j = np.floor(fx).astype(int), np.floor(fy).astype(int)
    fx, fy = fx - i, fy - j
    g = np.random.default_rng(rng.getrandbits(32))
    turn = g.random((j.max() + 1, i.max() + 1)) < 0.5
    flip = turn[j, i]
    # the two corners the arcs turn round: (0, 0) and (1, 1), or (1, 0) and (0, 1)
    ax = np.where(flip, 1.0, 0.0)
    r = np.minimum(np.hypot(fx - ax, fy), np.hypot(fx - (1 - ax), fy - 1))
    half = max(0.55, 0.05 * u) / side          # a line's half width, in tiles
    edge_at = rng.uniform(0.12, 0.15)           # the ribbon's edges off its middle

    def line(at: float, width: float) -> np.ndarray:
        return np.clip(1.5 - np.abs(r - at) / width, 0, 1)
    edges = np.maximum(line(0.5 - edge_at, half), line(0.5 + edge_at, half))
    middle = line(0.5, half * 0.7)
    wash = np.where(np.abs(r - 0.5) < edge_at, 0.22, 0.0)
    arr = _blend(img, wash, second)
    for share, ink in ((np.clip(middle, 0, 1), second), (np.clip(edges, 0, 1), color)):
        arr = arr * (1 - share[..., None]) + np.array(ink, float) * share[..., None]
    img.paste(Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB"))


def retak(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Crazed cells (a cracked glaze, dried mud): points scattered one to a square of
    3.2-4.2 mm, each pixel in the cell of the nearest point; the cells' borders a fine
    line in ``color`` and a second fine line in ``second`` set 0.45-0.6 mm inside each
    cell, every other cell washed faintly with ``color``."""
    w, h = img.size
    cell = rng.uniform(3.2, 4.2) * u
    g = np.random.default_rng(rng.getrandbits(32))
    cols, rows = int(w / cell) + 3, int(h / cell) + 3
    px = (np.arange(cols)[None, :] - 1 + g.uniform(0.1, 0.9, (rows, cols))) * cell
    py = (np.arange(rows)[:, None] - 1 + g.uniform(0.1, 0.9, (rows, cols))) * cell
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ci, cj = (xx / cell).astype(int) + 1, (yy / cell).astype(int) + 1
    near = [(cj + dj, ci + di) for dj in (-1, 0, 1) for di in (-1, 0, 1)]
    dist = np.stack([np.hypot(xx - px[a, b], yy - py[a, b]) for a, b in near])
    k = np.argmin(dist, axis=0)
    own_x = np.choose(k, [px[a, b] for a, b in near])
    own_y = np.choose(k, [py[a, b] for a, b in near])
    own_d2 = (xx - own_x) ** 2 + (yy - own_y) ** 2
    # the distance to the cell's border: to the nearest bisector with another point
    border = np.full((h, w), np.inf, np.float32)
    for a, b in near:
        ox, oy = px[a, b], py[a, b]
        gap = np.hypot(ox - own_x, oy - own_y)
        other = ((xx - ox) ** 2 + (yy - oy) ** 2 - own_d2) / np.maximum(2 * gap, 1e-3)
        border = np.minimum(border, np.where(gap > 1e-3, other, np.inf))
    half = max(0.55, 0.05 * u)
    inset = rng.uniform(0.45, 0.6) * u
    outer = np.clip(1.5 - border / half, 0, 1)
    inner = np.clip(1.5 - np.abs(border - inset) / (half * 0.8), 0, 1)
    parity = np.choose(k, [(a + b) % 2 for a, b in near]) == 0
    wash = np.where(parity & (border > inset), 0.16, 0.0)
    arr = _blend(img, wash, color)
    for share, ink in ((inner, second), (outer, color)):
        arr = arr * (1 - share[..., None]) + np.array(ink, float) * share[..., None]
    img.paste(Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB"))


def marked_rows(design, dpi: int, offset: tuple[float, float]) -> dict:
    """Where the values a person may highlight are printed on a card of ``design`` whose
    print lies ``offset`` (px, right and down) off its place: boxes (px) round the NIK's
    digits and round the value of each row of :data:`ROWS`, left of the photo."""
    u = dpi / 25.4
    jx, jy = offset
    right = (design.photo_x_mm - 0.6) * u + jx
    nik_x = design.label_x_mm * u + 13.0 * u + jx
    boxes = {"nik": (nik_x - 1.0 * u, (design.nik_y_mm - 0.6) * u + jy, right,
                     (design.nik_y_mm + design.nik_mm + 0.6) * u + jy)}
    left = (design.colon_x_mm + 0.6) * u + jx
    for name, k in ROWS.items():
        top = (design.first_y_mm + design.value_dy_mm + k * design.step_mm) * u + jy
        boxes[name] = (left, top - 0.3 * u, right, top + (design.text_mm + 0.5) * u)
    return boxes


def _ink_span(grey: np.ndarray, box) -> tuple[float, float, float, float] | None:
    """The extent (px) of the dark print inside ``box`` of ``grey``, or None."""
    x0, y0, x1, y1 = (int(round(v)) for v in box)
    h, w = grey.shape
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    dark = grey[y0:y1, x0:x1] < 120
    if dark.sum() < 6:
        return None
    cols, rows = np.flatnonzero(dark.any(axis=0)), np.flatnonzero(dark.any(axis=1))
    return x0 + cols[0], y0 + rows[0], x0 + cols[-1] + 1, y0 + rows[-1] + 1


def _stroke(size: tuple[int, int], g: np.random.Generator, start, end, tip: float,
            slant: float, u: float) -> np.ndarray:
    """One pass of a chisel-tipped marker from ``start`` to ``end`` (px), ``tip`` px broad,
    its ends cut at ``slant`` (radians) as the tip was held: how much dye lies on each
    pixel (0..1), streaky along the felt, heavier where the tip rested at each end, a
    little drier towards its end."""
    w, h = size
    (sx, sy), (ex, ey) = start, end
    length = math.hypot(ex - sx, ey - sy)
    ux, uy = (ex - sx) / length, (ey - sy) / length
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    along = (xx - sx) * ux + (yy - sy) * uy
    across = -(xx - sx) * uy + (yy - sy) * ux
    t = np.clip(along / length, 0, 1)
    across = across - g.uniform(-0.4, 0.4) * u * np.sin(math.pi * t)   # a hand's slight bow
    # the band's edges wander a little; the felt leaves streaks along the stroke
    n = max(8, int(length / (1.5 * u)))
    wobble = np.interp(t, np.linspace(0, 1, n), g.normal(0, 0.08 * u, n))
    half = tip / 2 + wobble
    soft = max(0.6, 0.06 * u)
    band = np.clip((half - np.abs(across)) / soft + 0.5, 0, 1)
    cut = math.tan(slant)
    ends = np.clip((along + across * cut) / soft + 0.5, 0, 1) * \
        np.clip((length - along - across * cut) / soft + 0.5, 0, 1)
    k = max(6, int(tip / (0.25 * u)))
    felt = np.interp(np.clip(across / tip + 0.5, 0, 1), np.linspace(0, 1, k),
                     1 + g.normal(0, 0.12, k))
    rest = 1 + 0.35 * (np.exp(-(along / (0.9 * u)) ** 2) +
                       np.exp(-((length - along) / (0.9 * u)) ** 2))
    dry = 1 - g.uniform(0.05, 0.25) * t ** 2
    return np.clip(band * ends * felt * rest * dry, 0, 1.3)


def highlighted(img: Image.Image, rng: random.Random, amount: float, dpi: int,
                rows: dict) -> Image.Image:
    """The copy marked with a highlighter: a broad band of fluorescent dye run over the
    NIK and over the name (most copies both, every copy one of them), now and then over
    the birth or the address too; each band from a little before the value to a little
    past it, slightly off level and bowed, broader than the print (reaching into the
    rows above and below), streaky, darker where the tip rested and, where the person
    went over a value twice, where the passes overlap. The dye is clear: the print shows
    through it. ``rows``: :func:`marked_rows`; ``amount`` (0..1): how much dye."""
    u = dpi / 25.4
    w, h = img.size
    grey = np.asarray(img.convert("L"))
    g = np.random.default_rng(rng.getrandbits(32))
    marker = np.array(rng.choices(MARKERS, weights=(0.4, 0.25, 0.2, 0.15))[0], float)
    chosen = [name for name, p in (("nik", 0.85), ("nama", 0.8), ("tempat_tgl_lahir", 0.3),
                                   ("alamat", 0.2)) if rng.random() < p]
    if not {"nik", "nama"} & set(chosen):
        chosen.insert(0, rng.choice(("nik", "nama")))
    slant = math.radians(rng.uniform(-40, -20))   # one hand, one way of holding the pen
    dye = np.zeros((h, w), np.float32)
    for name in chosen:
        span = _ink_span(grey, rows[name])
        if span is None:
            continue
        x0, y0, x1, y1 = span
        mid = (y0 + y1) / 2 + rng.gauss(0, 0.3) * u
        tip = (rng.uniform(3.8, 4.8) if name == "nik" else rng.uniform(3.0, 4.0)) * u
        sx, ex = x0 - rng.uniform(0.4, 2.0) * u, min(w - 1.0, x1 + rng.uniform(0.5, 2.5) * u)
        rise = math.tan(math.radians(rng.uniform(-2.5, 2.5))) * (ex - sx)
        passes = [((sx, mid - rise / 2), (ex, mid + rise / 2))]
        if rng.random() < 0.35:   # back over part of it, a little higher or lower
            back = rng.uniform(0.3, 0.8) * u * rng.choice((-1, 1))
            cut = sx + rng.uniform(0.2, 0.5) * (ex - sx)
            passes.append(((ex, mid + rise / 2 + back), (cut, mid + back)))
        for start, end in passes:
            dye = dye + _stroke((w, h), g, start, end, tip, slant, u)
    share = np.clip(np.clip(dye, 0, 1.6) * (0.4 + 0.3 * amount), 0, 0.85)
    arr = np.asarray(img, float)
    arr = arr * (1 - share[..., None] * (1 - marker / 255))   # the dye is clear: multiplied
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def dot_screen(shape: tuple[int, int], pitch: float, angle: float, phase) -> np.ndarray:
    """A copier's (or a laser printer's) round-dot screen at ``pitch`` px and ``angle``
    (radians): the threshold (0.08..0.92) each pixel's coverage must pass to take toner."""
    h, w = shape
    x, y = np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32)
    c, s = math.cos(angle), math.sin(angle)
    total = np.full((h, w), 0.5, np.float32)
    # cos(2 pi (x ca + y sa) / pitch + phase), summed over the screen's two directions,
    # as outer products of a row and a column (cos(A + B) = cos A cos B - sin A sin B)
    for ca, sa, ph in ((c, s, phase[0]), (-s, c, phase[1])):
        ax = 2 * math.pi * (x * ca / pitch + ph)
        by = 2 * math.pi * (y * sa / pitch)
        total += 0.21 * (np.outer(np.cos(by), np.cos(ax)) - np.outer(np.sin(by), np.sin(ax)))
    return total


def _grown(ink: np.ndarray) -> np.ndarray:
    """``ink`` spread one pixel every way (the greatest of each 3 x 3 neighbourhood)."""
    wide = ink.copy()
    wide[:, 1:] = np.maximum(wide[:, 1:], ink[:, :-1])
    wide[:, :-1] = np.maximum(wide[:, :-1], ink[:, 1:])
    tall = wide.copy()
    tall[1:] = np.maximum(tall[1:], wide[:-1])
    tall[:-1] = np.maximum(tall[:-1], wide[1:])
    return tall


def _copy_pass(arr: np.ndarray, g: np.random.Generator, *, white: float, black: float,
               pitch: float, angles, grow: float) -> np.ndarray:
    """One copier's print of ``arr`` (floats 0..1, RGB): its grey pushed apart (above
    ``white`` to paper, below ``black`` to full toner) and its colour kept a little
    duller, each colour plane through its own dot screen, the toner grown ``grow``
    (share of a pixel) round every mark."""
    h, w, _ = arr.shape
    grey = arr.mean(axis=2, keepdims=True)
    tone = np.clip((grey - black) / (white - black), 0, 1) + (arr - grey) * 0.85
    cover = 1 - np.clip(tone, 0, 1)
    out = np.empty_like(arr)
    for c in range(3):
        screen = dot_screen((h, w), pitch, angles[c], g.uniform(0, 1, 2))
        ink = np.clip((cover[..., c] - screen) / 0.12 + 0.5, 0, 1)
        if grow:
            ink = np.maximum(ink, grow * _grown(ink))
        out[..., c] = 1 - ink
    return out


def _specks(arr: np.ndarray, g: np.random.Generator, count: int, size_px: float) -> None:
    """A few dark toner specks, each a few pixels across, in place."""
    h, w, _ = arr.shape
    for _ in range(count):
        x, y = int(g.integers(0, w)), int(g.integers(0, h))
        r = max(1, int(size_px * g.uniform(0.5, 1.2)))
        arr[max(0, y - r):y + r, max(0, x - r):x + r] *= g.uniform(0.1, 0.5)


def recopied(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """The card copied enlarged to 130-150 % on a copier (a copy at its own 400 dpi:
    the pale tints thinned to sparse dots, the darks to full toner, whatever lay between
    broken into its dot screen, each colour at its own angle), then that enlarged copy copied on
    another copier back down to the card's size (its reduction sampling the first screen
    without smoothing it, so the dots, now finer, beat against the second copier's own
    screen in a moire over the print's pale parts and the photo), the toner of the two
    copies growing the strokes a little bolder, a speck or two from each copy, the colours
    a little duller; the scan of it averaging that down to ``dpi``. ``amount`` (0..1): how
    hard each copy pushed."""
    w, h = img.size
    u = dpi / 25.4
    over = max(1.0, 400 / dpi)                 # the copiers' own raster: 400 dpi or more
    zoom = rng.uniform(1.3, 1.5)
    g = np.random.default_rng(rng.getrandbits(32))
    big = img.convert("RGB").resize((round(w * zoom * over), round(h * zoom * over)),
                                    Image.BICUBIC)
    fine = (round(w * over), round(h * over))
    arr = np.asarray(big, np.float32) / 255
    pitch = rng.uniform(0.2, 0.25) * u * over   # the screen, on the enlarged sheet
    turn = rng.uniform(0, math.pi / 2)
    first = _copy_pass(arr, g, white=0.98 - 0.04 * amount, black=0.1 + 0.08 * amount,
                       pitch=pitch, angles=(turn, turn + math.radians(30),
                                            turn + math.radians(60)), grow=0.2 + 0.3 * amount)
    _specks(first, g, int(g.integers(1, 4)), 0.15 * u * over)
    # copied back down: sampled point by point (no smoothing), the second copier's raster
    sheet = Image.fromarray(np.uint8(np.clip(first * 255, 0, 255)), "RGB")
    sheet = sheet.filter(ImageFilter.GaussianBlur(0.6))   # its scanner's optics
    down = sheet.transform(fine, Image.AFFINE,
                           (sheet.width / fine[0], 0, 0, 0, sheet.height / fine[1], 0),
                           resample=Image.BILINEAR)
    arr = np.asarray(down, np.float32) / 255
    turn = rng.uniform(0, math.pi / 2)
    second = _copy_pass(arr, g, white=0.97 - 0.04 * amount, black=0.08 + 0.06 * amount,
                        pitch=rng.uniform(0.18, 0.22) * u * over,
                        angles=(turn, turn + math.radians(30), turn + math.radians(60)),
                        grow=0.1 + 0.2 * amount)
    _specks(second, g, int(g.integers(1, 4)), 0.12 * u * over)
    grain = g.normal(0, 0.02 + 0.02 * amount, second.shape[:2]).astype(np.float32)
    second = np.clip(second * (1 + grain[..., None]), 0, 1)
    out = Image.fromarray(np.uint8(second * 255), "RGB")
    return out.resize((w, h), Image.BOX)       # the scan: each pixel the average under it


__all__ = ["MARKERS", "ROWS", "dot_screen", "highlighted", "labirin", "marked_rows",
           "recopied", "retak"]
