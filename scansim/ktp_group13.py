"""Thirteenth-group KTP prints and print looks: a security print of a fine honeycomb of
hexagonal cells under a soft rose bloom, a print of braided bands of guilloche strands
crossing the card slantwise in two colours, a card a coffee cup was set on (a brown tide
ring, a pale stain inside it and a few dried drops), and a card photocopied while the
copier's toner ran low (the print light all over, paler in streaks along the paper's way
through the copier, the toner mottled)."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

COFFEE = np.array((0.80, 0.62, 0.42))   # what a dried coffee stain lets through, per channel


def honeycomb(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A soft bloom of ``second`` round a point behind the field block, under a fine
    honeycomb of hexagonal cells (flat sides up) in ``color``; every fourth row's cells
    drawn a little heavier."""
    w, h = img.size
    cx, cy = rng.uniform(0.3, 0.45) * w, rng.uniform(0.45, 0.6) * h
    yy, xx = np.mgrid[0:h, 0:w]
    bloom = np.exp(-(((xx - cx) / (0.35 * w)) ** 2 + ((yy - cy) / (0.45 * h)) ** 2))
    arr = np.asarray(img, float)
    share = (0.8 * bloom)[..., None]
    arr = arr * (1 - share) + np.array(second, float) * share
    img.paste(Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB"))
    d = ImageDraw.Draw(img)
    r = rng.uniform(1.7, 2.0) * u                 # the cells' radius
    thin, heavy = max(1, round(0.05 * u)), max(1, round(0.09 * u))
    dx, dy = 1.5 * r, math.sqrt(3) * r
    ox, oy = rng.uniform(0, dx), rng.uniform(0, dy)
    col = -1
    x = ox - dx
    while x < w + dx:
        row = -1
        y = oy - dy + (dy / 2 if col % 2 else 0)
        while y < h + dy:
            pts = [(x + r * math.cos(k * math.pi / 3), y + r * math.sin(k * math.pi / 3))
                   for k in range(7)]
            d.line(pts, fill=color, width=heavy if row % 4 == 0 else thin)
            y += dy
            row += 1
        x += dx
        col += 1


def braid(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Braided bands of guilloche: three or four bands crossing the card slantwise, each
    of eight sine strands with phases spread round the cycle (so they cross and re-cross
    like a plait), the bands alternating ``color`` and ``second``; sparse fine lines
    between them."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    thin = max(1, round(0.05 * u))
    slope = math.tan(math.radians(rng.uniform(-14, -8)))
    period = rng.uniform(9, 12) * u
    half = rng.uniform(2.2, 2.8) * u           # the band's half width
    gap = rng.uniform(12.5, 14.5) * u            # from one band's axis to the next
    xs = np.arange(-2 * u, w + 2 * u, max(2.0, 0.25 * u))
    first = rng.uniform(0, gap)
    k = 0
    base = first - gap
    while base < h + gap - slope * w:
        axis = base + slope * xs
        ink = color if k % 2 else second
        for s in range(8):
            phase = 2 * math.pi * s / 8
            ys = axis + half * np.sin(2 * math.pi * xs / period + phase)
            d.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=ink, width=thin)
        for t in (0.33, 0.66):   # sparse straight lines between the bands
            ys = axis + gap * t
            d.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=color, width=thin)
        base += gap
        k += 1


def coffee_stain(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """A coffee cup set down on the card: a ring 15-19 mm across (most of a circle, its
    tide line darker), a pale brown stain inside it, and a few small dried drops near it;
    ``amount`` (0..1) how strong. The print shows through."""
    u = dpi / 25.4
    w, h = img.size
    arr = np.asarray(img, float) / 255.0
    cx, cy = rng.uniform(0.25, 0.6) * w, rng.uniform(0.35, 0.8) * h
    r = rng.uniform(7.5, 9.5) * u
    yy, xx = np.mgrid[0:h, 0:w]
    ang = np.arctan2(yy - cy, xx - cx)
    wobble = 1 + 0.025 * np.sin(3 * ang + rng.uniform(0, 6.3)) \
        + 0.015 * np.sin(7 * ang + rng.uniform(0, 6.3))
    dist = np.hypot(xx - cx, yy - cy) / wobble
    gap_at = rng.uniform(-math.pi, math.pi)   # where the ring breaks off
    arc = 0.5 + 0.5 * np.cos(ang - gap_at)
    arc = np.clip(1.6 * (1 - arc ** 6), 0, 1)
    tide = np.exp(-((dist - r) / (0.35 * u)) ** 2) * arc
    inside = np.clip((r - dist) / (1.5 * u), 0, 1) * 0.42
    dark = amount * (0.8 * tide + inside)
    for _ in range(rng.randint(2, 5)):   # dried drops, each with its own rim
        a = rng.uniform(0, 2 * math.pi)
        rr = r * rng.uniform(1.15, 1.6)
        dx_, dy_ = cx + rr * math.cos(a), cy + rr * math.sin(a)
        size = rng.uniform(0.5, 1.4) * u
        dd = np.hypot(xx - dx_, yy - dy_)
        dark = dark + amount * (0.35 * np.exp(-((dd - size) / (0.2 * u)) ** 2)
                                + 0.2 * (dd < size))
    dark = np.clip(dark, 0, 1)[..., None]
    out = arr * (1 - dark * (1 - COFFEE))
    img = Image.fromarray(np.uint8(np.clip(out * 255, 0, 255)), "RGB")
    return img.filter(ImageFilter.GaussianBlur(0.3 * dpi / 300))


def low_toner(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """A photocopy made as the toner ran out: every dark keeps only part of its darkness,
    less in streaks of varying width running along the card's short side (the way the
    paper went through), and the toner lies mottled (a fine grain of paler specks).
    ``amount`` (0..1): how little toner was left."""
    u = dpi / 25.4
    w, h = img.size
    arr = np.asarray(img, float)
    keep = np.full(w, 1 - 0.3 * amount)
    xs = np.arange(w)
    for _ in range(rng.randint(4, 7)):
        at, width = rng.uniform(0, w), rng.uniform(0.6, 4.5) * u
        depth = amount * rng.uniform(0.18, 0.32)
        keep -= depth * np.exp(-((xs - at) / width) ** 4)
    keep = np.clip(keep, 0.5, 1.0)
    noise = np.random.default_rng(rng.getrandbits(32)).normal(128, 60, (h, w))
    grain = np.asarray(Image.fromarray(np.uint8(np.clip(noise, 0, 255))).filter(
        ImageFilter.GaussianBlur(max(0.5, 0.06 * u))), float)
    grain = 1 - amount * 0.28 * np.clip((grain - 128) / 30, 0, 1)
    share = keep[None, :] * grain * (1 - 0.03 * rng.random())
    out = 255 - (255 - arr) * share[..., None]
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


__all__ = ["braid", "coffee_stain", "honeycomb", "low_toner"]
