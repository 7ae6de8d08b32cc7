"""Digits written by hand into the cells of a comb box, as applicants fill a walk-in pack,
and a line written by hand (a name under the pas foto glued on a sheet).

Each digit is drawn in one of Debian's handwriting-like typefaces (installed by
scripts/setup.sh), with its own size, slant, turn, place in the cell and stroke width,
in blue or black ballpoint ink. ``write_digits`` draws onto an image whose comb box
position is known in pixels.
"""
from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

# Handwriting-like faces from Debian packages (fonts-humor-sans, fonts-dkg-handwriting,
# fonts-rufscript).
HAND_FONTS = (
    "/usr/share/fonts/truetype/humor-sans/Humor-Sans.ttf",
    "/usr/share/fonts/truetype/fifthhorseman/dkg.ttf",
    "/usr/share/fonts/truetype/rufscript/Rufscript010.ttf",
)
INKS = ((25, 45, 140), (20, 20, 30), (35, 35, 110))


@cache
def hand_fonts() -> tuple[str, ...]:
    """The handwriting faces installed on this machine (none: ``write_digits`` refuses)."""
    return tuple(path for path in HAND_FONTS if Path(path).is_file())


def _slanted(arr: np.ndarray, slant: float, degrees: float) -> np.ndarray:
    """Ink on a tile (light on dark) sheared by ``slant`` and turned by ``degrees``, as a
    hand slants and turns its writing."""
    shear = np.array([[1, slant, -slant * arr.shape[0] / 2], [0, 1, 0]], np.float32)
    arr = cv2.warpAffine(arr, shear, (arr.shape[1], arr.shape[0]))
    turn = cv2.getRotationMatrix2D((arr.shape[1] / 2, arr.shape[0] / 2), degrees, 1)
    return cv2.warpAffine(arr, turn, (arr.shape[1], arr.shape[0]))


def _glyph(digit: str, font_path: str, height_px: int, rng: random.Random,
           ink: tuple[int, int, int]) -> Image.Image:
    """One written digit on a transparent tile, slanted, turned and of varied stroke."""
    size = max(8, int(height_px * rng.uniform(1.15, 1.45)))
    font = ImageFont.truetype(font_path, size)
    tile = Image.new("L", (size * 2, size * 2), 0)
    draw = ImageDraw.Draw(tile)
    stroke = rng.choice([0, 0, 1]) if height_px > 30 else 0
    draw.text((size // 2, size // 3), digit, font=font, fill=255, stroke_width=stroke,
              stroke_fill=255)
    arr = _slanted(np.asarray(tile), rng.uniform(-0.25, 0.1), rng.uniform(-7, 7))
    if rng.random() < 0.3 and height_px > 30:  # a pen pressed harder
        arr = cv2.dilate(arr, np.ones((2, 2), np.uint8))
    ys, xs = np.nonzero(arr > 40)
    if ys.size == 0:
        raise ValueError(f"the face {font_path} has no glyph for {digit!r}")
    arr = arr[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    scale = height_px * rng.uniform(0.85, 1.05) / arr.shape[0]
    arr = cv2.resize(arr, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    glyph = Image.new("RGBA", (arr.shape[1], arr.shape[0]), ink + (0,))
    glyph.putalpha(Image.fromarray(arr))
    return glyph


def write_digits(image: Image.Image, box_px: tuple[float, float, float, float], digits: str,
                 rng: random.Random, *, cells: int | None = None) -> Image.Image:
    """``digits`` written one per cell into the comb box ``(x, y, w, h)`` (pixels) of
    ``image`` (changed in place and returned); one writer: one face and one ink."""
    fonts = hand_fonts()
    if not fonts:
        raise RuntimeError("no handwriting typeface installed (see scripts/setup.sh)")
    x, y, w, h = box_px
    cells = cells or len(digits)
    cell = w / cells
    font_path = rng.choice(fonts)
    ink = rng.choice(INKS)
    height = int(min(h * 0.62, cell * 1.1) * rng.uniform(0.85, 1.0))
    for k, digit in enumerate(digits[:cells]):
        glyph = _glyph(digit, font_path, height, rng, ink)
        gx = x + k * cell + (cell - glyph.width) / 2 + rng.uniform(-0.12, 0.12) * cell
        gy = y + (h - glyph.height) / 2 + rng.uniform(-0.12, 0.08) * h
        image.paste(glyph, (int(gx), int(gy)), glyph)
    return image


def write_line(image: Image.Image, xy: tuple[float, float], text: str, height_px: int,
               rng: random.Random) -> Image.Image:
    """``text`` written by hand at ``xy`` (its top left, pixels) of ``image``, its capitals
    about ``height_px`` tall, slanted and a little turned, in one face and one pen."""
    fonts = hand_fonts()
    if not fonts:
        raise RuntimeError("no handwriting typeface installed (see scripts/setup.sh)")
    font = ImageFont.truetype(rng.choice(fonts), max(8, int(height_px * 1.3)))
    left, top, right, bottom = font.getbbox(text)
    pad = height_px
    tile = Image.new("L", (right - left + 2 * pad, bottom - top + 2 * pad), 0)
    ImageDraw.Draw(tile).text((pad - left, pad - top), text, font=font, fill=255)
    arr = _slanted(np.asarray(tile), rng.uniform(-0.2, 0.05), rng.uniform(-3, 3))
    line = Image.new("RGBA", (arr.shape[1], arr.shape[0]), rng.choice(INKS) + (0,))
    line.putalpha(Image.fromarray(arr))
    image.paste(line, (int(xy[0]) - pad, int(xy[1]) - pad), line)
    return image
