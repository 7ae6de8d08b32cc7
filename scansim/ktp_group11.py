"""Eleventh-group KTP prints and print looks: a card core with coloured security fibres
under a pale Garuda-like emblem, an iris (rainbow) print of fine guilloche lines whose colour
runs across the card, a card lying curved on the copier's glass (its lines bow and its ends,
off the glass, come out darker and softer), a card copied inside a plastic sleeve (a milky
haze and a bright reflection band across it), and a personalisation pass turned a little
against the pre-printed labels."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from scansim.draw import guilloche

FIBRE_COLOURS = ((214, 74, 96), (72, 104, 206), (150, 178, 44))   # red, blue, yellow-green
FIBRES_PER_CM2 = 2.6        # security fibres in the card's core
SLEEVE_HAZE = (238, 240, 242)


def _emblem(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill) -> None:
    """A plain Garuda-like silhouette: spread wings of five feathers a side, a tail fan, a
    head, and a shield on the breast (left unfilled, as a watermark shows it)."""
    for side in (-1, 1):
        for k in range(5):
            a = math.radians(12 + k * 15)
            tip = (cx + side * r * (0.45 + 0.55 * math.cos(a)), cy - r * 0.95 * math.sin(a))
            d.polygon([(cx + side * r * 0.18, cy - r * 0.05), tip,
                       (cx + side * r * (0.35 + 0.5 * math.cos(a)), cy - r * 0.75 * math.sin(a)
                        + r * 0.12)], fill=fill)
    for k in range(-2, 3):
        d.polygon([(cx - r * 0.1, cy + r * 0.4), (cx + r * (0.12 * k - 0.05), cy + r * 0.95),
                   (cx + r * (0.12 * k + 0.05), cy + r * 0.95), (cx + r * 0.1, cy + r * 0.4)],
                  fill=fill)
    d.ellipse([cx - r * 0.12, cy - r * 0.72, cx + r * 0.12, cy - r * 0.46], fill=fill)
    d.polygon([(cx - r * 0.3, cy - r * 0.35), (cx + r * 0.3, cy - r * 0.35),
               (cx + r * 0.3, cy + r * 0.1), (cx, cy + r * 0.42), (cx - r * 0.3, cy + r * 0.1)],
              outline=fill, width=max(1, round(r * 0.05)))


def fibres(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Sparse fine wavy lines, a pale emblem behind the field block in the second colour,
    and short curled security fibres (red, blue, yellow-green) strewn over the card."""
    w, h = img.size
    width = max(1, round(0.05 * u))
    guilloche(img, rng, color, lines=int(h / (1.9 * u)), amplitude=0.035, width=width)
    d = ImageDraw.Draw(img)
    _emblem(d, rng.uniform(0.38, 0.46) * w, rng.uniform(0.52, 0.6) * h,
            rng.uniform(15, 18) * u, second)
    count = int(FIBRES_PER_CM2 * (w / u / 10) * (h / u / 10))
    for _ in range(count):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        length, a = rng.uniform(1.2, 3.5) * u, rng.uniform(0, math.pi)
        curl = rng.uniform(-2.0, 2.0)
        base = rng.choice(FIBRE_COLOURS)
        pale = rng.uniform(0.15, 0.45)   # deeper in the core: paler
        fill = tuple(int(c + (245 - c) * pale) for c in base)
        pts = [(x + length * t * math.cos(a + curl * t), y + length * t * math.sin(a + curl * t))
               for t in np.linspace(0, 1, 8)]
        d.line(pts, fill=fill, width=max(1, round(0.06 * u)))


def _iris(size: tuple[int, int], stops, rng: random.Random) -> Image.Image:
    """A colour running smoothly across the card through ``stops`` (an iris print's duct)."""
    w, h = size
    xs = np.linspace(0, 1, w)
    where = np.linspace(0, 1, len(stops))
    shift = rng.uniform(-0.08, 0.08)
    row = np.stack([np.interp(np.clip(xs + shift, 0, 1), where, [s[c] for s in stops])
                    for c in range(3)], axis=-1)
    return Image.fromarray(np.uint8(np.repeat(row[None], h, axis=0)), "RGB")


def rainbow(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Fine guilloche lines printed in an iris: their colour runs from ``color`` through a
    pale yellow to ``second`` across the card, a denser band of them across its lower half."""
    w, h = img.size
    lines = Image.new("RGB", img.size, (255, 255, 255))
    width = max(1, round(0.05 * u))
    guilloche(lines, rng, (0, 0, 0), lines=int(h / (1.1 * u)), amplitude=0.04, width=width)
    band = Image.new("RGB", (w, int(h * 0.34)), (255, 255, 255))
    guilloche(band, rng, (0, 0, 0), lines=int(band.height / (0.45 * u)), amplitude=0.12,
              width=width)
    lines.paste((0, 0, 0), (0, int(h * 0.58)), band.convert("L").point(lambda v: 255 - v))
    mask = lines.convert("L").point(lambda v: 255 - v)
    img.paste(_iris(img.size, (color, (238, 226, 150), second), rng), (0, 0), mask)


def bow(img: Image.Image, rng: random.Random, amount_mm: float, dpi: int) -> Image.Image:
    """A card lying curved on the glass, its middle down and its ends lifted: each line of
    print bows (its ends ride up to ``amount_mm``), and the lifted ends come out darker and
    softer than the middle."""
    u = dpi / 25.4
    w, h = img.size
    arr = np.asarray(img, float)
    centre = rng.uniform(0.42, 0.58)
    t = (np.arange(w) / w - centre) / max(centre, 1 - centre)   # -1 .. 1 across the card
    lift = t ** 2
    shift = amount_mm * u * lift                                # px each column moves up
    ys = np.arange(h)[:, None] + shift[None, :]                 # source row of each pixel
    lo = np.clip(np.floor(ys).astype(int), 0, h - 1)
    hi = np.clip(lo + 1, 0, h - 1)
    frac = (ys - np.floor(ys))[..., None]
    cols = np.arange(w)[None, :]
    out = arr[lo, cols] * (1 - frac) + arr[hi, cols] * frac
    soft = np.asarray(Image.fromarray(np.uint8(np.clip(out, 0, 255))).filter(
        ImageFilter.GaussianBlur(0.12 * u)), float)
    mix = lift[None, :, None] * min(1.0, amount_mm)
    out = out * (1 - mix) + soft * mix
    out *= 1 - 0.12 * min(1.0, amount_mm) * lift[None, :, None]
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


def sleeve(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """A card copied in a clear plastic sleeve: a faint milky haze all over and a bright
    reflection band (soft edges, a brighter core) running slantwise across it."""
    u = dpi / 25.4
    w, h = img.size
    out = Image.blend(img, Image.new("RGB", img.size, SLEEVE_HAZE), 0.07 * amount)
    yy, xx = np.mgrid[0:h, 0:w]
    angle = math.radians(rng.uniform(55, 75) * rng.choice((-1, 1)))
    at = rng.uniform(0.3, 0.7) * w
    across = (xx - at - (yy - h / 2) / math.tan(angle)) * math.sin(angle)   # px off its axis
    half = rng.uniform(3.0, 4.5) * u
    band = np.exp(-(across / half) ** 4)                  # flat top, soft edges
    core = np.exp(-((across - 0.3 * half) / (0.25 * half)) ** 2)
    light = np.clip(amount * (0.36 * band + 0.2 * core), 0, 0.8)[..., None]
    arr = np.asarray(out, float)
    arr = arr + (252 - arr) * light
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def turned_pass(mask: Image.Image, degrees: float, pivot: tuple[float, float]) -> Image.Image:
    """The personalisation's ink ``mask`` turned ``degrees`` (counter-clockwise) about
    ``pivot``: the card fed a little askew for the values against its pre-printed labels."""
    return mask.rotate(degrees, resample=Image.BICUBIC, center=pivot)


__all__ = ["bow", "fibres", "rainbow", "sleeve", "turned_pass"]
