"""The NIK's digits one by one: cut apart on the band and matched against digit shapes.

A NIK is printed in a face of its own, often OCR-A-like, whose 1, 4, 6 and 0 a general
text model reads poorly. Its sixteen digits stand apart on the cleaned band, so each is
cut out and compared with the digits 0-9 drawn in the number faces card printers use
(OCR-A and the common monospaced faces, installed from Debian packages). A digit is
named only when its best match clearly beats the best match of any other digit;
otherwise it is left as ``?`` for the other readings to settle.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_ROOT = Path("/usr/share/fonts/truetype")
# Number faces of card printers (Debian: fonts-ocr-a, fonts-dejavu-core, fonts-liberation,
# fonts-freefont-ttf). A face that is not installed is skipped.
NUMBER_FACES = ("ocr-a/OCRA.ttf", "dejavu/DejaVuSansMono-Bold.ttf",
                "liberation/LiberationMono-Bold.ttf", "freefont/FreeMonoBold.ttf",
                "dejavu/DejaVuSansMono.ttf", "liberation/LiberationMono-Regular.ttf")
SHAPE = (20, 28)                 # width, height of a normalised digit
MIN_MATCH = 0.75                 # correlation a digit's best template must reach
MIN_MARGIN = 0.1                 # over the best template of any other digit
GLYPH_MIN_HEIGHT = 0.6           # of the tallest glyphs: shorter marks are the colon, specks
PIECE_MIN_HEIGHT = 0.3           # a piece of a glyph, within the line, joins its neighbour
STREAK_PX = 4                    # rows of a light streak bridged when cutting the glyphs


def normalise(ink: np.ndarray) -> np.ndarray | None:
    """A glyph's ink (bool array) cropped to its box, scaled to SHAPE's height, centred."""
    ys, xs = np.nonzero(ink)
    if ys.size < 4:
        return None
    crop = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1].astype(np.float32)
    w, h = SHAPE
    scale = h / crop.shape[0]
    new_w = max(1, min(w, int(round(crop.shape[1] * scale))))
    glyph = cv2.resize(crop, (new_w, h), interpolation=cv2.INTER_AREA)
    out = np.zeros((h, w), np.float32)
    x0 = (w - new_w) // 2
    out[:, x0:x0 + new_w] = glyph
    return cv2.GaussianBlur(out, (3, 3), 0)


@lru_cache(maxsize=1)
def templates() -> tuple[np.ndarray, np.ndarray]:
    """(normalised digit shapes, their digits) of the installed number faces."""
    shapes, digits = [], []
    for name in NUMBER_FACES:
        path = FONT_ROOT / name
        if not path.is_file():
            continue
        font = ImageFont.truetype(str(path), 64)
        for digit in "0123456789":
            img = Image.new("L", (80, 100), 0)
            ImageDraw.Draw(img).text((8, 8), digit, font=font, fill=255)
            shape = normalise(np.asarray(img) > 127)
            if shape is not None:
                shapes.append(shape)
                digits.append(digit)
    return np.array(shapes), np.array(digits)


def glyph_spans(binary: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, x1, y0, y1) of the glyphs on a band of print: dark components as tall as
    the tallest ones (not the colon, not specks), those overlapping in x joined. A light
    streak across the band (a copier's, a scratch) does not cut a glyph in two: gaps of
    a few rows are bridged first."""
    ink = cv2.morphologyEx((binary == 0).astype(np.uint8), cv2.MORPH_CLOSE,
                           np.ones((STREAK_PX + 1, 1), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, 8)
    if count <= 1:
        return []
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    tall = float(np.percentile(heights, 90))
    tall_ones = stats[1:][heights >= GLYPH_MIN_HEIGHT * tall]
    top = float(np.median(tall_ones[:, cv2.CC_STAT_TOP]))
    bottom = top + float(np.median(tall_ones[:, cv2.CC_STAT_HEIGHT]))
    # parts of a glyph that broke off (the bowl of a 6) join it; the colon's dots do not
    spans = sorted((int(x), int(x + w), int(y), int(y + h)) for x, y, w, h, _ in stats[1:]
                   if h >= GLYPH_MIN_HEIGHT * tall or (
                       h >= PIECE_MIN_HEIGHT * tall and y >= top - 2 and y + h <= bottom + 2))
    merged: list[list[int]] = []
    for x0, x1, y0, y1 in spans:
        if merged and x0 < merged[-1][1] - 1:
            last = merged[-1]
            last[1], last[2], last[3] = max(last[1], x1), min(last[2], y0), max(last[3], y1)
        else:
            merged.append([x0, x1, y0, y1])
    return [(a, b, c, d) for a, b, c, d in _join_pieces(merged)]


def _join_pieces(boxes: list[list[int]]) -> list[list[int]]:
    """Join the pieces of a glyph drawn in separate strokes (OCR-A's 4): neighbours much
    closer than glyphs stand, together no wider than a glyph."""
    if len(boxes) < 3:
        return boxes
    width = float(np.median([b[1] - b[0] for b in boxes]))
    gap = float(np.median([b[0] - a[1] for a, b in zip(boxes, boxes[1:], strict=False)]))
    out = [boxes[0]]
    for box in boxes[1:]:
        last = out[-1]
        if box[0] - last[1] < 0.4 * gap and box[1] - last[0] <= 1.3 * width:
            last[1], last[2], last[3] = box[1], min(last[2], box[2]), max(last[3], box[3])
        else:
            out.append(box)
    return out


def _similarity(shape: np.ndarray, bank: np.ndarray) -> np.ndarray:
    a = shape - shape.mean()
    b = bank - bank.mean(axis=(1, 2), keepdims=True)
    num = (b * a).sum(axis=(1, 2))
    den = np.sqrt((a * a).sum() * (b * b).sum(axis=(1, 2))) + 1e-6
    return num / den


def match_digit(ink: np.ndarray) -> str:
    """The digit a glyph's ink shows, or ``?`` when no digit matches clearly."""
    shape = normalise(ink)
    bank, digits = templates()
    if shape is None or not len(bank):
        return "?"
    sims = _similarity(shape, bank)
    best = int(np.argmax(sims))
    rival = max((s for s, d in zip(sims, digits, strict=True) if d != digits[best]),
                default=0.0)
    if sims[best] < MIN_MATCH or sims[best] - rival < MIN_MARGIN:
        return "?"
    return str(digits[best])


def read_glyphs(binary: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> str:
    """The digits of the glyphs in ``boxes`` of a band of print, ``?`` where unsure."""
    ink = binary == 0
    return "".join(match_digit(ink[y0:y1, x0:x1]) for x0, x1, y0, y1 in boxes)
