"""Later KTP security prints and print faults: a sunburst of fine rays, tiled micro-text,
an over-inked (bolder) print and a card edge rubbed pale."""
from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw, ImageFilter

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


__all__ = ["MICROTEXT", "microtext", "spread", "sunburst", "worn_edge"]
