"""Tenth-group KTP prints and print looks: fine lines swelling over a hidden emblem (an
engraver's relief), a lattice of overlapping circles (six-petal flowers), a card folded once
in a wallet whose lamination cracked along the fold, and a front printed a little too small
on its blank, a plain margin and a coloured frame line round the print."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw

CREASE_SHIFT_MM = 0.14      # how far the two halves of a folded card stand apart at the crack
CREASE_SHADE_MM = 3.5       # the width of the shade along the fold where the card bends
FRAME_LINE_MM = 0.45        # the coloured frame line round an undersized print


def relief(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Fine lines across the card, swelling up over a round emblem behind the fields and a
    soft ridge along the card (an engraver's line relief), every fourth line in the second
    colour."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.05 * u))
    pitch = rng.uniform(0.62, 0.75) * u
    cx, cy = rng.uniform(0.3, 0.45) * w, rng.uniform(0.45, 0.6) * h
    r = rng.uniform(13, 16) * u
    lift = rng.uniform(1.6, 2.2) * u
    ridge = rng.uniform(0.6, 0.9) * u
    xs = np.arange(-2, w + 4, 3, dtype=float)
    for k in range(-4, int(h / pitch) + 6):
        y0 = k * pitch
        dist = np.hypot(xs - cx, y0 - cy) / r
        dome = np.where(dist < 1, np.cos(np.minimum(dist, 1) * math.pi / 2) ** 2, 0.0)
        rim = np.exp(-((dist - 1.0) / 0.08) ** 2)   # the emblem's raised ring
        ys = y0 - lift * dome - 0.5 * lift * rim + ridge * np.sin(xs / (11 * u) + y0 / (17 * u))
        d.line(list(zip(xs.tolist(), ys.tolist(), strict=True)),
               fill=second if k % 4 == 0 else color, width=width)


def circles(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Overlapping circles on a triangular grid, each centre on its neighbours' rings (the
    six-petal "flower" lattice), every other row's rings in the second colour."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.05 * u))
    r = rng.uniform(2.8, 3.3) * u
    row_h = r * math.sqrt(3) / 2
    x0, y0 = rng.uniform(0, r), rng.uniform(0, row_h)
    for row in range(-2, int(h / row_h) + 3):
        cy = y0 + row * row_h
        shift = r / 2 if row % 2 else 0.0
        fill = second if row % 2 else color
        for k in range(-2, int(w / r) + 3):
            cx = x0 + k * r + shift
            d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=fill, width=width)


def _fold_line(size: tuple[int, int], rng: random.Random) -> tuple[float, float, float]:
    """A fold across the card's short way (a card bent in a wallet): (x at the top edge,
    x at the bottom edge, the line's angle from the vertical in radians)."""
    w, h = size
    top = rng.uniform(0.34, 0.62) * w
    bottom = top + rng.uniform(-0.12, 0.12) * w
    return top, bottom, math.atan2(bottom - top, h)


def crease(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """A card folded once and flattened again: the half right of the fold stands a little
    off the other (the laminate buckled), a shade runs along the fold where the card still
    bends, and the lamination's crack shows as a broken light line with a dark edge.
    ``amount`` (0..1) scales how much of this shows."""
    u = dpi / 25.4
    w, h = img.size
    top, bottom, angle = _fold_line(img.size, rng)
    yy, xx = np.mgrid[0:h, 0:w]
    # signed distance (px) from the fold, right of it positive
    side = (xx - (top + (bottom - top) * yy / h)) * math.cos(angle)
    shift = CREASE_SHIFT_MM * amount * u
    nx, ny = math.cos(angle), -math.sin(angle)
    moved = img.transform(img.size, Image.AFFINE, (1, 0, -shift * nx, 0, 1, -shift * ny),
                          resample=Image.BILINEAR)
    right = Image.fromarray(np.uint8(side > 0) * 255)
    out = Image.composite(moved, img, right)
    arr = np.asarray(out, float)
    width = CREASE_SHADE_MM * u
    shade = 1.0 - 0.16 * amount * np.exp(-np.maximum(side, 0) / width) * (side > 0) \
        + 0.05 * amount * np.exp(np.minimum(side, 0) / width) * (side <= 0)
    arr = np.clip(arr * shade[..., None], 0, 255)
    # the crack: light where the film let go, broken along its length
    g = np.random.default_rng(rng.randrange(2 ** 32))
    along = np.asarray(Image.fromarray(np.uint8(g.random((1, 24)) * 255)).resize(
        (1, h), Image.BICUBIC), float)[:, 0] / 255.0
    crack = max(1.0, 0.12 * u) * (0.4 + along)[:, None]
    light = np.clip(1.0 - np.abs(side) / crack, 0, 1) * (along[:, None] > 0.25) * amount
    arr = arr + (250 - arr) * light[..., None] * 0.85
    edge = np.clip(1.0 - np.abs(side + 1.5 * crack) / max(1.0, 0.06 * u), 0, 1) * amount
    arr = arr * (1 - 0.35 * edge[..., None])
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def print_box(size: tuple[int, int], scale: float, offset: tuple[float, float]
              ) -> tuple[int, int, int, int]:
    """Where an undersized print of a card of ``size`` lands (px box): ``scale`` of the
    card, centred but for ``offset`` (px, right and down)."""
    w, h = size
    pw, ph = round(w * scale), round(h * scale)
    x0 = round((w - pw) / 2 + offset[0])
    y0 = round((h - ph) / 2 + offset[1])
    return x0, y0, x0 + pw, y0 + ph


def undersized(img: Image.Image, rng: random.Random, scale: float, blank, frame, dpi: int
               ) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """The front printed at ``scale`` of its size on a blank of colour ``blank``, a little
    off centre, a ``frame`` coloured line round the print; returns the card and the print's
    box (px)."""
    u = dpi / 25.4
    margin = (1 - scale) / 2
    offset = (rng.uniform(-0.4, 0.4) * margin * img.width,
              rng.uniform(-0.4, 0.4) * margin * img.height)
    box = print_box(img.size, scale, offset)
    out = Image.new("RGB", img.size, blank)
    out.paste(img.resize((box[2] - box[0], box[3] - box[1]), Image.LANCZOS), box[:2])
    line = max(1, round(FRAME_LINE_MM * u))
    ImageDraw.Draw(out).rectangle([box[0] - line, box[1] - line, box[2] + line - 1,
                                   box[3] + line - 1], outline=frame, width=line)
    return out, box


__all__ = ["circles", "crease", "print_box", "relief", "undersized"]
