"""Security prints of the second and third groups of KTP-el card designs: fine guilloche in
two colours round a looping rosette, a kawung-like batik tiling under contour lines, a wavy
two-colour mesh over a strong gradient and a random stipple under a pale emblem."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from scansim.draw import guilloche
from scansim.ornament import emblem


def _waves_down(img: Image.Image, rng: random.Random, color, *, pitch: float, amp: float,
                width: int) -> None:
    """Fine sine lines running down the card (guilloche runs across)."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    period = h / rng.uniform(0.8, 1.6)
    x, k = -amp, 0
    while x < w + amp:
        phase = k * 0.37
        d.line([(x + amp * math.sin(2 * math.pi * y / period + phase), y)
                for y in range(0, h + 6, 4)], fill=color, width=width)
        x += pitch
        k += 1


def _spiro(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color, width: int,
           lobes: int, ratio: float) -> None:
    """A hypotrochoid: the closed looping curve of a guilloche rosette."""
    big, small = r, r / lobes
    arm = small * ratio
    pts = []
    for i in range(721):
        t = 2 * math.pi * i / 720
        pts.append((cx + (big - small) * math.cos(t) + arm * math.cos((big - small) / small * t),
                    cy + (big - small) * math.sin(t) - arm * math.sin((big - small) / small * t)))
    d.line(pts, fill=color, width=width)


def twotone(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Dense fine guilloche in two colours, one family across and one down, with a looping
    rosette in the middle of the card."""
    width = max(1, round(0.06 * u))
    guilloche(img, rng, color, lines=int(img.height / (0.7 * u)), amplitude=0.025,
              width=width)
    _waves_down(img, rng, second, pitch=1.1 * u, amp=0.35 * u, width=width)
    d = ImageDraw.Draw(img)
    cx, cy = img.width * rng.uniform(0.42, 0.5), img.height * rng.uniform(0.52, 0.6)
    deep = tuple(max(0, c - 26) for c in color)
    for k, r in enumerate((0.42, 0.36, 0.3, 0.22)):
        _spiro(d, cx, cy, img.height * r, deep if k % 2 else second, width, 9 + 2 * k,
               0.55 + 0.1 * k)


def batik(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A pale kawung-like batik tiling under a few map-like contour lines."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.06 * u))
    cell = rng.uniform(4.2, 5.0) * u
    for row in range(int(h / cell) + 2):
        for col in range(int(w / cell) + 2):
            cx, cy = col * cell, row * cell
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                ex, ey = cx + dx * cell * 0.25, cy + dy * cell * 0.25
                rx, ry = (0.24, 0.13) if dx else (0.13, 0.24)
                d.ellipse([ex - rx * cell, ey - ry * cell, ex + rx * cell, ey + ry * cell],
                          outline=color, width=width)
            d.ellipse([cx - 0.05 * cell, cy - 0.05 * cell, cx + 0.05 * cell, cy + 0.05 * cell],
                      fill=color)
    for _ in range(2):
        mx, my = w * rng.uniform(0.25, 0.7), h * rng.uniform(0.3, 0.7)
        terms = [(rng.randint(2, 5), rng.uniform(0.08, 0.22), rng.uniform(0, 6.3))
                 for _ in range(3)]
        for ring in range(1, 8):
            radius = ring * 0.06 * w
            pts = []
            for i in range(181):
                a = 2 * math.pi * i / 180
                rr = radius * (1 + sum(f * math.sin(k * a + p) for k, f, p in terms))
                pts.append((mx + rr * math.cos(a), my + 0.7 * rr * math.sin(a)))
            d.line(pts, fill=second, width=width)


def sunset(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A faint mesh of wavy lines in two colours over the strong orange-to-green gradient."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.06 * u))
    pitch, amp = rng.uniform(1.6, 2.1) * u, rng.uniform(0.5, 0.8) * u
    for tone, slope in ((color, 0.45), (second, -0.45)):
        k = -h
        while k < w + h:
            d.line([(k + slope * y + amp * math.sin(y / (1.9 * u) + k / (7 * u)), y)
                    for y in range(0, h + 4, 3)], fill=tone, width=width)
            k += pitch


def stipple(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A fine random stipple, denser in soft bands, under a pale Garuda-like watermark in
    the middle of the card, behind the values."""
    w, h = img.size
    g = np.random.default_rng(rng.randrange(2 ** 32))
    yy, xx = np.mgrid[0:h, 0:w]
    density = 0.035 + 0.075 * (0.5 + 0.5 * np.sin(xx / (6 * u) + np.sin(yy / (9 * u)) * 2.2))
    dots = g.random((h, w)) < density
    if u > 10:   # a printer's dot is larger than one pixel at 300 dpi
        dots |= np.roll(dots, 1, axis=1) & (g.random((h, w)) < 0.5)
    ink = Image.fromarray(np.uint8(dots) * 255, "L")
    img.paste(Image.new("RGB", img.size, color), (0, 0), ink)
    layer = Image.new("RGB", img.size, (0, 0, 0))
    emblem(ImageDraw.Draw(layer), w * rng.uniform(0.42, 0.48), h * rng.uniform(0.5, 0.56),
           h * 0.3, (255, 255, 255))
    # The emblem's shape at full strength, its shield face lighter: one pale colour.
    mask = layer.convert("L").point(lambda v: 150 if v > 240 else 60 if v > 0 else 0)
    img.paste(ImageChops.darker(img, Image.new("RGB", img.size, second)), (0, 0), mask)


__all__ = ["batik", "stipple", "sunset", "twotone"]
