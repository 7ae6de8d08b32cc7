"""Sixth-group KTP prints and print looks: a two-colour halftone dot screen, a moiré of two
fine line grids at a small angle, a NIK printed bolder and off its line, and the pale
streaks a thermal card printer's dead head elements leave along the card."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scansim.ktp_prints import spread


def _tone(h: int, w: int, rng: random.Random, u: float) -> np.ndarray:
    """A smooth field between 0 and 1: broad soft swells, as a printed picture's tones."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a, b = rng.uniform(7, 11) * u, rng.uniform(5, 8) * u
    p, q = rng.uniform(0, 6.3), rng.uniform(0, 6.3)
    swell = np.sin(xx / a + p) * np.cos(yy / b + q) + 0.6 * np.sin((xx + yy) / (1.7 * a) + q)
    return np.clip(0.5 + 0.3 * swell, 0, 1)


def _screen(h: int, w: int, tone: np.ndarray, pitch: float, degrees: float) -> np.ndarray:
    """Ink of a halftone screen at ``degrees``: a round dot per cell, its area the tone."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = math.radians(degrees)
    s, t = xx * math.cos(a) + yy * math.sin(a), -xx * math.sin(a) + yy * math.cos(a)
    ds = (s / pitch) % 1.0 - 0.5
    dt = (t / pitch) % 1.0 - 0.5
    return np.hypot(ds, dt) < np.sqrt(tone / math.pi)


def halftone(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A pale two-colour halftone: one dot screen at 45 degrees in ``color`` and a sparser
    one at 15 degrees in ``second``, their dots swelling and shrinking with a soft picture."""
    w, h = img.size
    pitch = rng.uniform(0.42, 0.5) * u
    tone = _tone(h, w, rng, u)
    for tint, degrees, share in ((color, 45.0, 0.45), (second, 15.0, 0.3)):
        dots = _screen(h, w, share * tone + 0.04, pitch, degrees + rng.uniform(-2, 2))
        img.paste(Image.new("RGB", img.size, tint), (0, 0),
                  Image.fromarray(np.uint8(dots) * 255, "L"))


def moire(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Two fine square grids of thin lines laid a few degrees apart (one per colour): where
    their lines fall in and out of step, broad beating bands of a moiré show."""
    w, h = img.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    base = rng.uniform(5, 15)
    for tint, degrees, pitch in ((color, base, rng.uniform(0.55, 0.62)),
                                 (second, base + rng.uniform(2.5, 4.0), rng.uniform(0.6, 0.68))):
        a, step = math.radians(degrees), pitch * u
        line = max(1.0, 0.06 * u) / step
        s = (xx * math.cos(a) + yy * math.sin(a)) / step
        t = (-xx * math.sin(a) + yy * math.cos(a)) / step
        ink = (s % 1.0 < line) | (t % 1.0 < line)
        img.paste(Image.new("RGB", img.size, tint), (0, 0),
                  Image.fromarray(np.uint8(ink) * 255, "L"))


def offset_nik(img: Image.Image, xy: tuple[float, float], text: str,
               fnt: ImageFont.FreeTypeFont, ink, *, spread_mm: float, tilt: float,
               drop_mm: float, dpi: int) -> None:
    """The NIK printed on its own pass: ``drop_mm`` lower than its line, turned ``tilt``
    degrees about its first digit, its strokes grown by ``spread_mm`` (ink spread)."""
    u = dpi / 25.4
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).text(xy, text, font=fnt, fill=255)
    if spread_mm:
        mask = spread(mask, spread_mm, dpi)
    mask = mask.rotate(tilt, resample=Image.BICUBIC, center=xy,
                       translate=(0, round(drop_mm * u)))
    img.paste(Image.new(img.mode, img.size, ink), (0, 0), mask)


def head_streaks(img: Image.Image, rng: random.Random, count: int, dpi: int) -> Image.Image:
    """A thermal card printer with ``count`` dead head elements: thin pale lines along the
    card's length where no ink (nor colour panel) was laid down."""
    u = dpi / 25.4
    w, h = img.size
    mask = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(mask)
    for _ in range(count):
        y = rng.uniform(0.12, 0.92) * h
        d.line([(0, y), (w, y)], fill=int(rng.uniform(170, 220)), width=max(1, round(0.08 * u)))
    mask = mask.filter(ImageFilter.GaussianBlur(0.3))
    return Image.composite(Image.new("RGB", img.size, (248, 248, 246)), img, mask)


__all__ = ["halftone", "head_streaks", "moire", "offset_nik"]
