"""Later KTP security prints and print looks: a sunburst of fine rays, tiled micro-text, a
two-colour cross-hatch, a cloud texture under off-centre rings, a lamination glare, a worn
card, an over-inked (bolder) print, a NIK struck in dots by a dot-matrix head and a card
edge rubbed pale."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scansim.draw import font

MICROTEXT = "REPUBLIK INDONESIA"


def sunburst(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Fine rays from a point low behind the photo, the two colours alternating, with a few
    faint rings round the same point."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    cx, cy = w * rng.uniform(0.74, 0.84), h * rng.uniform(0.62, 0.78)
    reach = math.hypot(w, h)
    width = max(1, round(0.06 * u))
    rays = int(rng.uniform(300, 340))
    turn = rng.uniform(0, 2 * math.pi)
    for k in range(rays):
        a = turn + 2 * math.pi * k / rays
        bend = 0.04 * math.sin(3 * a)   # the rays sway a little, as an engraved burst does
        d.line([(cx + r * math.cos(a + bend * r / reach), cy + r * math.sin(a + bend * r / reach))
                for r in (reach * i / 24 for i in range(25))],
               fill=color if k % 2 else second, width=width)
    for ring in range(1, 6):
        r = ring * rng.uniform(8.5, 9.5) * u
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=second, width=width)


def microtext(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Rows of tiny "REPUBLIK INDONESIA" tiled across the card, each row shifted, under a
    few broad sine bands of the second colour."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.06 * u))
    for band in range(4):   # broad, pale sine bands behind the words
        y0 = h * (0.15 + 0.25 * band) + rng.uniform(-2, 2) * u
        amp, period = rng.uniform(1.5, 3.0) * u, rng.uniform(25, 40) * u
        for k in range(5):
            d.line([(x, y0 + 0.45 * u * k + amp * math.sin(2 * math.pi * x / period + band))
                    for x in range(0, w + 6, 5)], fill=second, width=width)
    fnt = font("cond", max(4, round(0.8 * u)))
    line = (MICROTEXT + "  ") * 12
    pitch = rng.uniform(1.05, 1.2) * u
    step = d.textlength(MICROTEXT + "  ", font=fnt)
    y, row = -0.5 * u, 0
    while y < h:
        d.text((-(row * 0.37 % 1.0) * step, y), line, font=fnt, fill=color)
        y += pitch
        row += 1


def glare(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Light caught by the lamination: a soft white oval washing out part of the print."""
    u = dpi / 25.4
    w, h = img.size
    mask = Image.new("L", img.size, 0)
    x, y = rng.uniform(0.15, 0.75) * w, rng.uniform(0.25, 0.8) * h
    rx, ry = rng.uniform(8, 16) * u, rng.uniform(3, 6) * u
    ImageDraw.Draw(mask).ellipse([x - rx, y - ry, x + rx, y + ry],
                                 fill=int(rng.uniform(120, 170)))
    mask = mask.filter(ImageFilter.GaussianBlur(2.2 * u)).rotate(rng.uniform(-35, 35),
                                                                 center=(x, y))
    return Image.composite(Image.new("RGB", img.size, (252, 252, 250)), img, mask)


def wear(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """A used card: print rubbed pale in soft patches and a few fine light scratches."""
    u = dpi / 25.4
    w, h = img.size
    mask = Image.new("L", img.size, 0)
    md = ImageDraw.Draw(mask)
    for _ in range(rng.randint(3, 6)):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        rx, ry = rng.uniform(3, 12) * u, rng.uniform(2, 6) * u
        md.ellipse([x - rx, y - ry, x + rx, y + ry], fill=int(180 * amount))
    mask = mask.filter(ImageFilter.GaussianBlur(2.5 * u))
    pale = Image.blend(img, Image.new("RGB", img.size, (246, 246, 240)), 0.5)
    out = Image.composite(pale, img, mask)
    d = ImageDraw.Draw(out)
    for _ in range(int(rng.randint(4, 9) * amount) + 1):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        a, length = rng.uniform(0, math.pi), rng.uniform(5, 25) * u
        pts = [(x + t * length * math.cos(a), y + t * length * math.sin(a)
                + 0.8 * u * math.sin(6 * t)) for t in (i / 12 for i in range(13))]
        d.line(pts, fill=(238, 238, 234), width=1)
    return out


def spread(mask: Image.Image, amount_mm: float, dpi: int) -> Image.Image:
    """Type printed with too much ink: each stroke grows by about ``amount_mm`` all round."""
    radius = max(0.3, amount_mm * dpi / 25.4)
    grown = mask.filter(ImageFilter.GaussianBlur(radius))
    return grown.point(lambda v: min(255, v * 3))


def worn_edge(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """A card carried loose in a wallet: a band along its edges rubbed pale, most at the
    corners and in a few chips where the print is almost gone."""
    u = dpi / 25.4
    w, h = img.size
    mask = Image.new("L", img.size, 0)
    md = ImageDraw.Draw(mask)
    band = rng.uniform(1.8, 2.8) * u
    md.rectangle([0, 0, w - 1, h - 1], outline=int(150 * amount), width=max(1, int(band)))
    for x, y in ((0, 0), (w, 0), (0, h), (w, h)):
        r = rng.uniform(3, 5) * u
        md.ellipse([x - r, y - r, x + r, y + r], fill=int(200 * amount))
    for _ in range(rng.randint(4, 8)):   # chips along one of the edges
        side = rng.randrange(4)
        t = rng.uniform(0.05, 0.95)
        x, y = [(t * w, 0), (t * w, h), (0, t * h), (w, t * h)][side]
        rx, ry = rng.uniform(1.5, 4) * u, rng.uniform(0.8, 2.2) * u
        if side > 1:
            rx, ry = ry, rx
        md.ellipse([x - rx, y - ry, x + rx, y + ry], fill=int(230 * amount))
    mask = mask.filter(ImageFilter.GaussianBlur(0.8 * u))
    return Image.composite(Image.new("RGB", img.size, (238, 236, 226)), img, mask)


def crosshatch(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Two families of fine straight lines, each its own colour and slant, crossing at an
    odd angle; every few lines a slightly heavier one, as an engraved hatch has."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    thin = max(1, round(0.05 * u))
    for tone, degrees, pitch in ((color, rng.uniform(28, 34), rng.uniform(0.62, 0.72)),
                                 (second, rng.uniform(-64, -58), rng.uniform(0.8, 0.95))):
        a = math.radians(degrees)
        nx, ny = -math.sin(a), math.cos(a)   # the lines' normal
        reach = math.hypot(w, h)
        offset, k = -reach, 0
        while offset < reach:
            cx, cy = w / 2 + nx * offset, h / 2 + ny * offset
            dx, dy = math.cos(a) * reach, math.sin(a) * reach
            d.line([(cx - dx, cy - dy), (cx + dx, cy + dy)], fill=tone,
                   width=thin + (1 if k % 5 == 0 and u > 10 else 0))
            offset += pitch * u
            k += 1


def cloud_rings(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A pale cloudy texture, like a faint photograph printed under the card, with fine
    wavy rings round a centre off to the lower left."""
    w, h = img.size
    g = np.random.default_rng(rng.randrange(2 ** 32))
    cloud = np.zeros((h, w), np.float32)
    for cells, weight in ((3, 0.55), (7, 0.3), (16, 0.15)):   # soft noise, coarse to fine
        small = Image.fromarray(np.uint8(g.random((cells, max(2, cells * w // h))) * 255))
        cloud += weight * np.asarray(small.resize((w, h), Image.BICUBIC), np.float32) / 255
    cloud = Image.fromarray(np.uint8(np.clip((cloud - 0.3) * 1.8, 0, 1) * 170), "L")
    img.paste(Image.new("RGB", img.size, second), (0, 0),
              cloud.filter(ImageFilter.GaussianBlur(1.5 * u)))
    d = ImageDraw.Draw(img)
    cx, cy = w * rng.uniform(0.12, 0.3), h * rng.uniform(0.7, 0.95)
    lobes, wobble = rng.randint(14, 20), rng.uniform(0.25, 0.4) * u
    width = max(1, round(0.05 * u))
    r = 2.5 * u
    while r < math.hypot(w, h):
        steps = max(90, int(r / 2))
        d.line([(cx + (r + wobble * math.sin(lobes * t + r / (3 * u))) * math.cos(t),
                 cy + (r + wobble * math.sin(lobes * t + r / (3 * u))) * math.sin(t))
                for t in (2 * math.pi * i / steps for i in range(steps + 1))],
               fill=color, width=width)
        r += rng.uniform(0.85, 1.05) * u


def dot_text(d: ImageDraw.ImageDraw, xy: tuple[float, float], text: str,
             fnt: ImageFont.FreeTypeFont, fill, *, slant: float = 0.0, rows: int = 10,
             dot: float = 0.4) -> None:
    """``text`` as a dot-matrix head strikes it: each glyph of ``fnt`` sampled on its own
    grid of round dots, ``rows`` rows over the glyph's height (ten: a 24-pin head's letter
    quality), each dot ``dot`` of the row pitch in radius, leaning ``slant`` degrees right."""
    big = fnt.font_variant(size=fnt.size * 4)
    lean = math.tan(math.radians(slant))
    x = xy[0]
    for ch in text:
        left, top, right, bottom = d.textbbox((x, xy[1]), ch, font=fnt)
        if right <= left or bottom <= top:   # a space: no dots, only its advance
            x += d.textlength(ch, font=fnt)
            continue
        mask = Image.new("L", (int(4 * (right - left)) + 2, int(4 * (bottom - top)) + 2), 0)
        ImageDraw.Draw(mask).text((4 * (x - left), 4 * (xy[1] - top)), ch, font=big, fill=255)
        pitch_y = (bottom - top) / rows
        cols = max(1, round((right - left) / (0.9 * pitch_y)))
        pitch_x = (right - left) / cols
        cover = np.asarray(mask.resize((cols, rows), Image.BOX), np.float32) / 255
        r = dot * pitch_y
        for j, i in zip(*np.nonzero(cover > 0.35), strict=True):
            cx = left + (i + 0.5) * pitch_x + lean * (rows - 1 - j) * pitch_y
            cy = top + (j + 0.5) * pitch_y
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill)
        x += d.textlength(ch, font=fnt)


__all__ = ["MICROTEXT", "cloud_rings", "crosshatch", "dot_text", "glare", "microtext",
           "spread", "sunburst", "wear", "worn_edge"]
