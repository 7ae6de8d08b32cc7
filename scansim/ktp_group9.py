"""Ninth-group KTP prints and print looks: a herringbone of fine chevron lines, overlapping
fish scales (seigaiha), labels pre-printed in a colour ink on a pass of their own (a little
off the personalisation's black), values set a little off their line one by one, a worn
lamination with long scratches and a haze, and a copy darker on one side than the other."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw


def herringbone(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Columns of fine chevrons, each column's zigzag pointing the other way, every third
    line in the second colour."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.05 * u))
    col = rng.uniform(3.2, 3.8) * u
    pitch = rng.uniform(0.85, 1.0) * u
    for c in range(int(w / col) + 1):
        x0, sign = c * col, 1 if c % 2 else -1
        for k in range(-4, int(h / pitch) + 4):
            y = k * pitch
            fill = second if k % 3 == 0 else color
            d.line([(x0, y), (x0 + col / 2, y + sign * col * 0.35), (x0 + col, y)],
                   fill=fill, width=width)


def scales(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Overlapping fish scales (seigaiha): rows of concentric half rings, each row half a
    scale over from the one above, the outer ring in the second colour."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.05 * u))
    r = rng.uniform(2.6, 3.1) * u
    rows = int(h / (r * 0.5)) + 2
    for row in range(rows):
        cy = row * r * 0.5
        shift = r if row % 2 else 0
        for k in range(-1, int(w / (2 * r)) + 2):
            cx = k * 2 * r + shift
            for ring in range(4):
                rr = r * (1 - ring * 0.24)
                d.arc([cx - rr, cy - rr, cx + rr, cy + rr], 180, 360,
                      fill=second if ring == 0 else color, width=width)


def label_pass(img: Image.Image, mask: Image.Image, color, shift_mm: tuple[float, float],
               dpi: int) -> None:
    """The labels pre-printed on the blank card in a colour ink ``color``: their ``mask``
    laid ``shift_mm`` (right, down) off where the personalisation put the values."""
    u = dpi / 25.4
    dx, dy = round(shift_mm[0] * u), round(shift_mm[1] * u)
    moved = Image.new("L", mask.size, 0)
    moved.paste(mask, (dx, dy))
    img.paste(Image.new("RGB", img.size, color), (0, 0), moved)


def value_offsets(rng: random.Random, lines: int, jitter_mm: float,
                  u: float) -> list[tuple[float, float]]:
    """Each value's own small shift (px, right and down): a card fed unevenly line by line."""
    return [(rng.uniform(-jitter_mm, jitter_mm) * u, rng.uniform(-jitter_mm, jitter_mm) * 0.6 * u)
            for _ in range(lines)]


def scratched_laminate(img: Image.Image, rng: random.Random, scratches: int,
                       dpi: int) -> Image.Image:
    """A worn lamination: a faint milky haze, ``scratches`` long fine scratches (light
    where the film scatters the light, a dark hairline along some) and a few scuffs."""
    u = dpi / 25.4
    w, h = img.size
    out = Image.blend(img, Image.new("RGB", img.size, (236, 236, 232)), 0.08)
    d = ImageDraw.Draw(out)
    for _ in range(scratches):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        angle = rng.uniform(-0.5, 0.5) + (math.pi / 2 if rng.random() < 0.3 else 0)
        length = rng.uniform(12, 40) * u
        bend = rng.uniform(-0.3, 0.3)
        pts = []
        for t in np.linspace(0, 1, 24):
            a = angle + bend * t
            pts.append((x + math.cos(a) * length * t, y + math.sin(a) * length * t))
        d.line(pts, fill=(246, 246, 244), width=max(1, round(0.1 * u)))
        if rng.random() < 0.4:
            d.line([(px + 0.1 * u, py + 0.1 * u) for px, py in pts], fill=(120, 120, 120),
                   width=1)
    for _ in range(rng.randint(2, 5)):   # rubbed patches: lighter, roughly round
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(2, 5) * u
        patch = Image.new("L", img.size, 0)
        ImageDraw.Draw(patch).ellipse([cx - r, cy - r * 0.6, cx + r, cy + r * 0.6], fill=40)
        out.paste((250, 250, 248), (0, 0), patch)
    return out


def uneven_copy(img: Image.Image, rng: random.Random, amount: float) -> Image.Image:
    """A card copied not lying flat: darker towards one edge (by ``amount`` of its
    lightness there), the shade growing smoothly across."""
    w, h = img.size
    angle = rng.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:h, 0:w]
    t = (xx / w - 0.5) * math.cos(angle) + (yy / h - 0.5) * math.sin(angle)
    shade = 1.0 - amount * np.clip(t + 0.5, 0, 1) ** 2
    arr = np.asarray(img, float) * shade[..., None]
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


__all__ = ["herringbone", "label_pass", "scales", "scratched_laminate", "uneven_copy",
           "value_offsets"]
