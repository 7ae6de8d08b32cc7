"""Fourteenth-group KTP prints and print looks: a security print of a fine lattice bulging
as if seen through a lens (its rows in one colour, its columns in another), a print of
fine concentric ripples spreading from two centres in two colours (where they cross, a
moire), a card scanned over-exposed (the tints gone white, the print washed out to a pale
grey, paler towards the lamp's side), and a card on a colour photocopy (a dark band where
the copier's lid shaded the card's edges, toner dust, the colours printed a little off
one another)."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def lens_lattice(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A fine square lattice pushed outward round a point as under a magnifying lens: its
    rows drawn in ``color``, its columns in ``second``, the cells growing towards the
    lens's middle."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    thin = max(1, round(0.05 * u))
    cx, cy = rng.uniform(0.3, 0.55) * w, rng.uniform(0.4, 0.65) * h
    radius = rng.uniform(14, 18) * u
    push = rng.uniform(0.55, 0.75)
    pitch = rng.uniform(1.15, 1.35) * u

    def bulge(xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        k = 1 + push * np.exp(-((xs - cx) ** 2 + (ys - cy) ** 2) / radius ** 2)
        return cx + (xs - cx) * k, cy + (ys - cy) * k

    steps = np.arange(-2 * u, max(w, h) + 2 * u, max(2.0, 0.3 * u))
    y = rng.uniform(0, pitch) - pitch
    while y < h + pitch:
        xs, ys = bulge(steps[steps < w + 2 * u], np.full((steps < w + 2 * u).sum(), y))
        d.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=color, width=thin)
        y += pitch
    x = rng.uniform(0, pitch) - pitch
    while x < w + pitch:
        ys, xs = steps[steps < h + 2 * u], np.full((steps < h + 2 * u).sum(), x)
        xs, ys = bulge(xs, ys)
        d.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=second, width=thin)
        x += pitch


def ripples(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Fine rings spreading from two centres, one left of the card's middle and one right,
    each ring a little wavy; the left centre's rings in ``color``, the right's in
    ``second``. Where the two sets cross they make a moire of their own."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    thin = max(1, round(0.05 * u))
    centres = ((rng.uniform(0.05, 0.3) * w, rng.uniform(0.2, 0.8) * h, color),
               (rng.uniform(0.7, 0.95) * w, rng.uniform(0.2, 0.8) * h, second))
    reach = math.hypot(w, h)
    for cx, cy, ink in centres:
        pitch = rng.uniform(1.25, 1.5) * u
        lobes, depth, phase = rng.randint(9, 14), rng.uniform(0.12, 0.2), rng.uniform(0, 6.3)
        r = pitch
        while r < reach:
            n = max(24, int(2 * math.pi * r / (0.4 * u)))
            a = np.linspace(0, 2 * math.pi, n + 1)
            rr = r + depth * pitch * np.sin(lobes * a + phase + r / (6 * u))
            xs, ys = cx + rr * np.cos(a), cy + rr * np.sin(a)
            d.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=ink, width=thin)
            r += pitch


def overexposed(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """The card scanned with the exposure set too high: every tone lifted (pale tints go
    white, black print comes out a mid grey, its thin edges eaten away), more so towards
    the side the lamp stood nearest, and the colours washed out. ``amount`` (0..1): how
    far over."""
    w, h = img.size
    arr = np.asarray(img, float) / 255.0
    grey = arr.mean(axis=2, keepdims=True)
    arr = arr + (grey - arr) * 0.45 * amount    # colours washed out
    xs = np.linspace(0, 1, w)[None, :]
    ys = np.linspace(0, 1, h)[:, None]
    side = rng.choice(((1, 0), (-1, 0), (0, 1), (0, -1)))
    towards = (xs if side[0] > 0 else 1 - xs) if side[0] else (ys if side[1] > 0 else 1 - ys)
    gain = 1 + amount * (0.06 + 0.14 * towards + 0.02 * rng.random())
    gamma = 1 - 0.45 * amount
    lift = 0.08 * amount                         # no black left: the darkest is a grey
    out = lift + (1 - lift) * np.power(np.clip(arr, 0, 1), gamma) * np.asarray(gain)[..., None]
    return Image.fromarray(np.uint8(np.clip(out * 255, 0, 255)), "RGB")


def colour_copy(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """The card on a colour photocopy: a dark band along one long edge and one short edge
    where the lid, held up by the card, let in shade (darkest at the card's rim, gone a
    few millimetres in), toner dust spattered over the card in specks and a few small
    clusters, the colour passes printed a fraction of a millimetre off one another and the
    white of the paper a little grey. ``amount`` (0..1): how dark and dusty."""
    u = dpi / 25.4
    w, h = img.size
    arr = np.asarray(img, float)
    shift = max(1, round(rng.uniform(0.08, 0.16) * u))   # the red pass off the others
    arr[..., 0] = np.roll(arr[..., 0], (rng.choice((-1, 1)) * shift,
                                        rng.choice((-1, 1)) * shift), axis=(0, 1))
    arr = arr * 0.96 + 4                                  # the copy's grey white
    ys = np.arange(h, dtype=float)[:, None]
    xs = np.arange(w, dtype=float)[None, :]
    long_edge = ys if rng.random() < 0.5 else h - 1 - ys   # top or bottom
    short_edge = w - 1 - xs                                # the photo's side
    shade = np.zeros((h, w))
    for dist, reach in ((long_edge, rng.uniform(2.6, 3.6) * u),
                        (short_edge, rng.uniform(2.0, 3.0) * u)):
        wobble = 1 + 0.25 * np.sin(np.arange(max(h, w)) / (rng.uniform(6, 11) * u)
                                   + rng.uniform(0, 6.3))
        along = wobble[:w][None, :] if dist is long_edge else wobble[:h][:, None]
        shade = np.maximum(shade, np.exp(-dist / (reach * along)))
    shade = amount * 0.8 * shade
    arr = arr * (1 - shade[..., None]) + 24 * shade[..., None]
    dust = Image.new("L", (w, h), 0)
    dd = ImageDraw.Draw(dust)
    for _ in range(int(amount * rng.randint(260, 420) * (w * h) / (1012 * 637))):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(0.02, 0.09) * u
        dd.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(110, 230))
    for _ in range(rng.randint(2, 4)):   # clusters where toner fell off the drum in a lump
        cx, cy = rng.uniform(0.05, 0.95) * w, rng.uniform(0.05, 0.95) * h
        for _ in range(rng.randint(12, 30)):
            x, y = cx + rng.gauss(0, 0.9 * u), cy + rng.gauss(0, 0.6 * u)
            r = rng.uniform(0.03, 0.12) * u
            dd.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(140, 240))
    dust = np.asarray(dust.filter(ImageFilter.GaussianBlur(max(0.3, 0.02 * u))), float)
    share = (dust / 255.0 * amount)[..., None]
    arr = arr * (1 - share) + 30 * share
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


__all__ = ["colour_copy", "lens_lattice", "overexposed", "ripples"]
