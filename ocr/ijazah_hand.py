"""Whether a name's line was written in by hand (a joined pen script on a pre-printed form),
which a reader of print leaves to a person however surely Tesseract seems to read it.

A pen's joined script differs from print, whatever its face, in two ways seen together:
its letters are drawn with a thin line that fills little of the shapes it makes (print,
even a light or italic face, fills more of its letters' boxes), and after a word's first
letter it runs on in small letters, which Tesseract reads as such. A printed name in
capitals, or in Title Case in a face of full strokes, is not taken for handwriting.
"""
from __future__ import annotations

import re
import statistics

import cv2
import numpy as np

from ocr.ijazah_words import word_letters

SCALE = 2.0            # the line looked at twice the size of the page as read (300 dpi)
INK_SHARE = 0.35       # of the way from the paper to the darkest ink: darker is a stroke
TALL = 0.4             # of a word's height: a mark this tall is a letter (or letters joined)
PEN_FILL = 0.33        # a letter's strokes filling less of its box: drawn with a thin line
SMALL_LETTERS = 0.6    # of a line's letters read in small letters: a running hand
MIN_LETTERS = 3        # words shorter than this say nothing about the hand


def stroke_fill(crop: np.ndarray) -> float | None:
    """How much of their boxes the letters of one word (``crop``: grey, dark on light)
    fill with ink (median over its letters, or the strokes of letters joined)."""
    paper, ink = np.percentile(crop, 90), np.percentile(crop, 0.5)
    if paper - ink < 40:
        return None   # no print to judge
    marks = (crop < paper - INK_SHARE * (paper - ink)).astype(np.uint8)
    _, _, stats, _ = cv2.connectedComponentsWithStats(marks, connectivity=8)
    tall = stats[1:][stats[1:, 3] >= TALL * crop.shape[0]]
    if not len(tall):
        return None
    return float(np.median(tall[:, 4] / (tall[:, 2] * tall[:, 3])))


def _running(letters: str) -> bool:
    """Whether ``letters`` as read are mostly small letters (a running hand's)."""
    return bool(letters) and sum(c.islower() for c in letters) >= SMALL_LETTERS * len(letters)


def script_line(text: str, pixels, box: tuple[float, float, float, float]) -> bool:
    """Whether a line a recognizer read as ``text`` in ``box`` (page as read) is a script
    of thin strokes, a pen's or a copperplate face's ('Teguh Sutrisno' on a university's
    diploma, read 'Feguh Sutrisne' as surely): read mostly in small letters, its strokes
    filling little of their shapes."""
    if not _running(re.sub(r"[^A-Za-z]", "", text)) or pixels is None:
        return False
    crop = pixels.crop(box, scale=SCALE)
    fill = stroke_fill(crop) if crop is not None else None
    return fill is not None and fill < PEN_FILL


def written_by_hand(words: list[dict], pixels) -> bool:
    """Whether the name's ``words`` (as read on the page, in its pixels) stand in a line
    written with a pen: read mostly in small letters, and the letters' strokes thin."""
    if not _running("".join(word_letters(w) for w in words)):
        return False
    if pixels is None or pixels.small is None:
        return False
    fills = []
    for w in words:
        if len(word_letters(w)) < MIN_LETTERS:
            continue
        crop = pixels.crop((w["left"], w["top"], w["left"] + w["width"], w["top"] + w["height"]),
                           scale=SCALE)
        fill = stroke_fill(crop) if crop is not None else None
        if fill is not None:
            fills.append(fill)
    return bool(fills) and statistics.median(fills) < PEN_FILL
