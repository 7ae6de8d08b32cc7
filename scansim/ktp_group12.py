"""Twelfth-group KTP prints and print looks: a security print of fine lines over a pale map
of the archipelago with a graticule, a print of fine wave lines running slantwise in two
alternating colours, a card whose lamination has yellowed (warmer towards one end) and
carries a greasy thumbprint, and a card sent on as a small, strongly compressed JPEG (a
photo passed on by a chat application: soft, with block edges round the print)."""
from __future__ import annotations

import io
import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from scansim.draw import guilloche

# The archipelago's main islands, west to east: (centre x, centre y) as shares of the
# card, half-length and half-width (shares of the card's width) and the tilt (degrees).
ISLANDS = ((0.16, 0.36, 0.17, 0.035, -38), (0.36, 0.66, 0.13, 0.022, -6),
           (0.39, 0.30, 0.09, 0.075, 0), (0.57, 0.40, 0.07, 0.02, 60),
           (0.61, 0.46, 0.05, 0.018, -30), (0.54, 0.74, 0.08, 0.012, -3),
           (0.86, 0.50, 0.12, 0.05, -8))
YELLOW = (236, 214, 150)     # an aged lamination's cast


def _island(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, spec, fill) -> None:
    """One island: an ellipse-like outline with a ragged coast."""
    cx, cy, a, b, tilt = spec
    cx, cy, a, b = cx * w, cy * h, a * w, b * w
    t = math.radians(tilt)
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(3)]
    pts = []
    for k in range(72):
        s = 2 * math.pi * k / 72
        r = 1 + 0.16 * math.sin(3 * s + phases[0]) + 0.1 * math.sin(7 * s + phases[1]) \
            + 0.06 * math.sin(13 * s + phases[2])
        x, y = a * r * math.cos(s), b * r * math.sin(s)
        pts.append((cx + x * math.cos(t) - y * math.sin(t), cy + x * math.sin(t) + y * math.cos(t)))
    d.polygon(pts, fill=fill)


def nusantara(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Fine wavy lines, a pale map of the archipelago's islands in the second colour across
    the card, and a thin graticule (meridians and parallels) over it."""
    w, h = img.size
    width = max(1, round(0.05 * u))
    guilloche(img, rng, color, lines=int(h / (1.4 * u)), amplitude=0.03, width=width)
    d = ImageDraw.Draw(img)
    for spec in ISLANDS:
        jitter = (spec[0] + rng.uniform(-0.015, 0.015), spec[1] + rng.uniform(-0.02, 0.02),
                  *spec[2:])
        _island(d, rng, w, h, jitter, second)
    pitch = rng.uniform(7.5, 8.5) * u
    off = rng.uniform(0, pitch)
    x = off
    while x < w:
        d.line([(x, 0), (x, h)], fill=color, width=width)
        x += pitch
    y = off / 2
    while y < h:
        d.line([(0, y), (w, y)], fill=color, width=width)
        y += pitch


def slant_waves(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Fine sine lines running slantwise (rising to the right) across the card, the colour
    alternating every line between ``color`` and ``second``."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    width = max(1, round(0.05 * u))
    angle = math.radians(rng.uniform(28, 36))
    pitch = rng.uniform(0.85, 1.0) * u
    period, amp = rng.uniform(9, 12) * u, rng.uniform(0.5, 0.8) * u
    ca, sa = math.cos(angle), math.sin(angle)
    reach = w * ca + h * sa
    along = np.arange(-reach, reach, max(2.0, 0.3 * u))
    k = 0
    off = -reach
    while off < reach:
        wave = amp * np.sin(2 * math.pi * along / period + 0.35 * k)
        # along the line's direction (ca, -sa); across it (sa, ca)
        xs = along * ca + (off + wave) * sa
        ys = h - (-along * sa + (off + wave) * ca)
        keep = (xs > -u) & (xs < w + u) & (ys > -u) & (ys < h + u)
        if keep.sum() > 1:
            d.line(list(zip(xs[keep].tolist(), ys[keep].tolist(), strict=True)),
                   fill=color if k % 2 else second, width=width)
        off += pitch
        k += 1


def yellowed(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """An aged lamination: a yellow cast over the card, stronger towards one end, and a
    greasy thumbprint (rings of ridges a little lighter and darker) on its lower half."""
    u = dpi / 25.4
    w, h = img.size
    arr = np.asarray(img, float)
    ramp = np.linspace(0, 1, w) if rng.random() < 0.5 else np.linspace(1, 0, w)
    share = amount * (0.1 + 0.18 * ramp)[None, :, None]
    arr = arr * (1 - share) + np.array(YELLOW, float) * share * (arr / 255.0) ** 0.3
    cx, cy = rng.uniform(0.25, 0.75) * w, rng.uniform(0.6, 0.85) * h
    rx, ry = rng.uniform(6, 7.5) * u, rng.uniform(8, 9.5) * u
    yy, xx = np.mgrid[0:h, 0:w]
    r = np.sqrt(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2)
    ridges = np.sin(2 * math.pi * r * rx / (0.45 * u) + 2 * np.arctan2(yy - cy, xx - cx) * 0.2)
    fall = np.clip(1.2 - r, 0, 1) ** 0.7
    arr = arr + (10 * amount * ridges * fall)[..., None]
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def chat_jpeg(img: Image.Image, rng: random.Random, quality: int, dpi: int) -> Image.Image:
    """The card as a chat application passes a photo on: scaled down to about 150 dpi,
    saved as a JPEG of ``quality`` (its colour at half resolution), scaled back up."""
    w, h = img.size
    scale = min(1.0, rng.uniform(140, 165) / dpi)
    small = img.resize((max(8, round(w * scale)), max(8, round(h * scale))), Image.LANCZOS) \
        if scale < 1 else img
    buf = io.BytesIO()
    small.save(buf, "JPEG", quality=int(quality), subsampling=2)
    buf.seek(0)
    out = Image.open(buf).convert("RGB")
    if out.size != img.size:
        out = out.resize(img.size, Image.BICUBIC)
    return out.filter(ImageFilter.UnsharpMask(radius=max(1, round(dpi / 200)), percent=40,
                                              threshold=2))


__all__ = ["chat_jpeg", "nusantara", "slant_waves", "yellowed"]
