"""Seventh-group KTP prints and print looks: tiled concentric guilloche rosettes, a pale
two-band (flag-like) card under fine diagonal stripes and a map-like blob, a NIK set with
wide letter spacing in an ink of its own or on a pale strip, and a light, thin print with
the faint ghost of a second strike beside it."""
from __future__ import annotations

import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont


def _ring(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, lobes: int, depth: float,
          color, width: int) -> None:
    """One closed, scalloped guilloche ring: a circle of radius ``r`` whose radius swings
    ``depth`` of itself ``lobes`` times round."""
    pts = [(cx + r * (1 + depth * math.sin(lobes * t)) * math.cos(t),
            cy + r * (1 + depth * math.sin(lobes * t)) * math.sin(t))
           for t in (2 * math.pi * i / 360 for i in range(361))]
    d.line(pts, fill=color, width=width)


def rosette_tiles(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Concentric guilloche rosettes tiled over the card in staggered rows, the rings of
    each rosette alternating the two colours, their lobes turning from ring to ring."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.06 * u))
    pitch = rng.uniform(11.0, 12.5) * u
    lobes = rng.choice((12, 14, 16))
    row = 0
    y = rng.uniform(-0.3, 0.0) * pitch
    while y < h + pitch:
        x = -(row % 2) * pitch / 2
        while x < w + pitch:
            for k in range(6):
                r = pitch * (0.18 + 0.085 * k)
                _ring(d, x, y, r, lobes + 2 * k, 0.08 + 0.01 * k, color if k % 2 else second,
                      width)
            x += pitch
        y += pitch * 0.87
        row += 1


def flag_stripes(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A pale two-band card, the upper band washed with ``second`` and fading into the
    lower, under fine diagonal stripes and a map-like blob of islands across the middle."""
    w, h = img.size
    band = Image.linear_gradient("L").resize((w, h))
    split = rng.uniform(0.42, 0.5)
    band = band.point(lambda v: int(255 * min(1.0, max(0.0, (split - v / 255) / 0.1 + 0.5))))
    img.paste(Image.blend(img, Image.new("RGB", img.size, second), 0.55), (0, 0), band)
    blob = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(blob)
    x, y = w * rng.uniform(0.05, 0.12), h * rng.uniform(0.5, 0.6)
    while x < w * 0.95:   # islands along a gently bending line, each a lumpy outline
        r = rng.uniform(2.0, 5.5) * u
        terms = [(rng.randint(2, 6), rng.uniform(0.08, 0.2), rng.uniform(0, 6.3))
                 for _ in range(3)]
        d.polygon([(x + r * (1 + sum(f * math.sin(k * a + p) for k, f, p in terms))
                    * math.cos(a) * 1.8,
                    y + r * (1 + sum(f * math.sin(k * a + p) for k, f, p in terms)) * math.sin(a))
                   for a in (2 * math.pi * i / 90 for i in range(90))], fill=70)
        x += r * rng.uniform(3.2, 4.4)
        y += rng.uniform(-2.0, 2.0) * u
    deep = tuple(max(0, c - 14) for c in color)
    img.paste(Image.new("RGB", img.size, deep), (0, 0), blob.filter(ImageFilter.GaussianBlur(2)))
    d = ImageDraw.Draw(img)
    width = max(1, round(0.05 * u))
    pitch = rng.uniform(0.75, 0.9) * u
    k = -h
    while k < w:
        d.line([(k, h), (k + h, 0)], fill=color, width=width)
        k += pitch


def tracked_text(d: ImageDraw.ImageDraw, xy: tuple[float, float], text: str,
                 fnt: ImageFont.FreeTypeFont, ink, track_px: float) -> None:
    """``text`` set letter by letter with ``track_px`` of extra space between letters."""
    x, y = xy
    for ch in text:
        d.text((x, y), ch, font=fnt, fill=ink)
        x += d.textlength(ch, font=fnt) + track_px


def nik_strip(d: ImageDraw.ImageDraw, box: tuple[float, float, float, float], color) -> None:
    """The pale coloured strip some printers lay under the NIK's digits."""
    d.rounded_rectangle(box, radius=max(1, round((box[3] - box[1]) * 0.2)), fill=color)


def light_print(mask: Image.Image, thin: float, ghost_mm: tuple[float, float], dpi: int
                ) -> tuple[Image.Image, Image.Image | None]:
    """A worn ribbon's print of the type in ``mask``: strokes thinned by ``thin`` (0..1) and
    the faint ghost of a second strike ``ghost_mm`` (right, down) beside them (None when
    there is none)."""
    if thin:
        eroded = mask.filter(ImageFilter.MinFilter(3))
        mask = Image.blend(mask, eroded, min(1.0, thin))
    ghost = None
    if any(ghost_mm):
        u = dpi / 25.4
        ghost = ImageChops.offset(mask, round(ghost_mm[0] * u), round(ghost_mm[1] * u))
        ghost = ghost.point(lambda v: v * 2 // 5)
    return mask, ghost


__all__ = ["flag_stripes", "light_print", "nik_strip", "rosette_tiles", "tracked_text"]
