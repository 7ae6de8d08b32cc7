"""Eighth-group KTP prints and print looks: a woven basket of fine line bundles, contour
lines like a relief map's, a hologram sticker laid over part of the fields, a colour pass
printed a little off the black one (a misregistered fringe), a print that fades towards
one side of the card, and values set in mixed case."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageChops, ImageDraw


def weave(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """A basket weave: square cells of short parallel fine lines, across in one colour and
    down in the other, alternating like a chequer board."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.05 * u))
    cell = rng.uniform(2.6, 3.2) * u
    lines = 5
    for row in range(int(h / cell) + 1):
        for col in range(int(w / cell) + 1):
            x0, y0 = col * cell, row * cell
            across = (row + col) % 2 == 0
            for k in range(lines):
                t = (k + 0.5) / lines * cell
                if across:
                    d.line([(x0 + 0.08 * cell, y0 + t), (x0 + 0.92 * cell, y0 + t)],
                           fill=color, width=width)
                else:
                    d.line([(x0 + t, y0 + 0.08 * cell), (x0 + t, y0 + 0.92 * cell)],
                           fill=second, width=width)


def contours(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Contour lines of a smooth random relief, like a map's or a thumbprint's, every fifth
    line in the second colour."""
    w, h = img.size
    g = np.random.default_rng(rng.randrange(2 ** 32))
    small = g.random((6, 9))
    relief = np.asarray(Image.fromarray(np.uint8(small * 255)).resize((w, h), Image.BICUBIC),
                        float) / 255.0
    yy, xx = np.mgrid[0:h, 0:w]
    relief += 0.25 * np.sin(xx / (9.0 * u) + np.cos(yy / (7.0 * u)))
    levels = relief * rng.uniform(26, 32)
    frac = levels - np.floor(levels)
    gy, gx = np.gradient(levels)
    # a line of even width: the distance to the nearest level, in pixels, under half of it
    on = np.minimum(frac, 1 - frac) / (np.hypot(gx, gy) + 1e-6) < max(0.6, 0.035 * u)
    fifth = on & (np.floor(levels).astype(int) % 5 == 0)
    img.paste(Image.new("RGB", img.size, color), (0, 0),
              Image.fromarray(np.uint8(on & ~fifth) * 255))
    img.paste(Image.new("RGB", img.size, second), (0, 0), Image.fromarray(np.uint8(fifth) * 255))


def hologram(img: Image.Image, rng: random.Random, box_mm: tuple[float, float, float, float],
             dpi: int) -> Image.Image:
    """A clear hologram sticker over ``box_mm`` (x0, y0, x1, y1) of the card: rainbow bands,
    fine diffraction lines and a sheen over what lies under it (the type still showing
    through), the faint rings of an emblem, a thin bright edge."""
    u = dpi / 25.4
    x0, y0, x1, y1 = (round(v * u + rng.uniform(-0.8, 0.8) * u) for v in box_mm)
    w, h = x1 - x0, y1 - y0
    yy, xx = np.mgrid[0:h, 0:w]
    angle = rng.uniform(0.3, 1.2)
    t = (xx * math.cos(angle) + yy * math.sin(angle)) / (3.2 * u)
    rainbow = np.stack([np.sin(t + p) for p in (0.0, 2.1, 4.2)], axis=-1) * 0.5 + 0.5
    lines = 0.5 + 0.5 * np.sin((xx * math.sin(angle) - yy * math.cos(angle)) / (0.07 * u))
    colours = (110 + 120 * rainbow + 25 * lines[..., None]).astype(np.uint8)
    patch = Image.fromarray(colours, "RGB")
    d = ImageDraw.Draw(patch)
    for k in range(1, 4):   # the faint rings of an emblem
        r = min(w, h) * 0.14 * k
        d.ellipse([w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r], outline=(236, 236, 240),
                  width=max(1, round(0.12 * u)))
    sheen = np.clip(1 - np.abs(xx / w - yy / h - rng.uniform(-0.2, 0.2)) * 3, 0, 1)
    alpha = (0.32 + 0.2 * sheen) * 255
    oval = Image.new("L", (w, h), 0)
    ImageDraw.Draw(oval).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(min(w, h) * 0.3),
                                           fill=255)
    mask = ImageChops.multiply(Image.fromarray(alpha.astype(np.uint8)), oval)
    out = img.copy()
    under = out.crop((x0, y0, x1, y1))
    # the foil's colours laid over the print, the type still showing through
    out.paste(Image.composite(patch, under, mask), (x0, y0))
    ImageDraw.Draw(out).rounded_rectangle([x0, y0, x1 - 1, y1 - 1],
                                          radius=round(min(w, h) * 0.3),
                                          outline=(244, 244, 248), width=max(1, round(0.1 * u)))
    return out


def fringe(img: Image.Image, mask: Image.Image, color, shift_mm: tuple[float, float],
           dpi: int) -> None:
    """The type's colour pass, printed ``shift_mm`` (right, down) off the black pass: a
    coloured fringe along every stroke (under the black, which is pasted after)."""
    u = dpi / 25.4
    moved = ImageChops.offset(mask, round(shift_mm[0] * u), round(shift_mm[1] * u))
    img.paste(Image.new("RGB", img.size, color), (0, 0), moved.point(lambda v: v * 4 // 5))


def faint_side(mask: Image.Image, amount: float) -> Image.Image:
    """The type ``mask`` printed fainter towards the card's right edge: a head pressing
    less on one side. ``amount``: the share of ink lost at the right edge."""
    w, h = mask.size
    ramp = np.linspace(1.0, 1.0 - amount, w)[None, :] ** 1.5
    return Image.fromarray(np.uint8(np.asarray(mask, float) * ramp), "L")


def mixed_case(text: str) -> str:
    """A value as a printer sets it in mixed case: "LAKI-LAKI" -> "Laki-Laki"; short
    abbreviations (WNI) stay in capitals."""
    if len(text) <= 3:
        return text
    return "-".join(" ".join(w[:1].upper() + w[1:].lower() for w in part.split(" "))
                    for part in text.split("-"))


__all__ = ["contours", "faint_side", "fringe", "hologram", "mixed_case", "weave"]
