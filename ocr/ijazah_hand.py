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
PEN_CAPITALS_FILL = 0.3   # ... capitals printed by hand with a ballpoint, every word (print's
#                        capitals, a regular face's or a bold one's, fill 0.35 and more)
EVEN_STROKES = 1.25    # a ballpoint's widest stroke to its typical (type's: 1.4 and more)
HAND_HEIGHTS = 0.035   # capitals' heights varying more (std over median): drawn one by one
HAND_BASELINE = 0.03   # ... or their feet off one line by more (of the median height)
SMALL_LETTERS = 0.6    # of a line's letters read in small letters: a running hand
MIN_LETTERS = 3        # words shorter than this say nothing about the hand


def _strokes(crop: np.ndarray) -> np.ndarray | None:
    """The strokes of ``crop`` (grey, dark on light) as a 0/1 mask; None when it holds no
    print to judge."""
    paper, ink = np.percentile(crop, 90), np.percentile(crop, 0.5)
    if paper - ink < 40:
        return None
    return (crop < paper - INK_SHARE * (paper - ink)).astype(np.uint8)


def stroke_fill(crop: np.ndarray) -> float | None:
    """How much of their boxes the letters of one word (``crop``: grey, dark on light)
    fill with ink (median over its letters, or the strokes of letters joined)."""
    marks = _strokes(crop)
    if marks is None:
        return None
    _, _, stats, _ = cv2.connectedComponentsWithStats(marks, connectivity=8)
    tall = stats[1:][stats[1:, 3] >= TALL * crop.shape[0]]
    if not len(tall):
        return None
    return float(np.median(tall[:, 4] / (tall[:, 2] * tall[:, 3])))


def even_strokes(crop: np.ndarray) -> bool:
    """Whether the strokes of ``crop`` (grey, dark on light) are of one width, as a
    ballpoint draws them: the widest (90th percentile along the strokes' middles) at most
    EVEN_STROKES times the typical. Type, even a light or calligraphic face, has thick
    and thin strokes."""
    marks = _strokes(crop)
    if marks is None:
        return False
    dist = cv2.distanceTransform(marks, cv2.DIST_L2, 5)
    middle = (dist >= cv2.dilate(dist, np.ones((3, 3), np.uint8))) & (marks > 0)
    widths = dist[middle]
    return widths.size > 0 and np.percentile(widths, 90) <= EVEN_STROKES * np.median(widths)


def uneven_capitals(crop: np.ndarray) -> bool:
    """Whether the capitals of ``crop`` (one word, grey, dark on light) vary in height or
    stand off one line as letters drawn one by one do: type sets every capital alike,
    however thin its face (a monoline sans prints as evenly as a ballpoint draws)."""
    marks = _strokes(crop)
    if marks is None:
        return False
    _, _, stats, _ = cv2.connectedComponentsWithStats(marks, connectivity=8)
    tall = stats[1:][stats[1:, 3] >= TALL * crop.shape[0]]
    if len(tall) < MIN_LETTERS:
        return False
    heights, feet = tall[:, 3].astype(float), (tall[:, 1] + tall[:, 3]).astype(float)
    typical = float(np.median(heights))
    return np.std(heights) >= HAND_HEIGHTS * typical or np.std(feet) >= HAND_BASELINE * typical


def _running(letters: str) -> bool:
    """Whether ``letters`` as read are mostly small letters (a running hand's)."""
    return bool(letters) and sum(c.islower() for c in letters) >= SMALL_LETTERS * len(letters)


def script_line(text: str, pixels, box: tuple[float, float, float, float]) -> bool:
    """Whether a line a recognizer read as ``text`` in ``box`` (page as read) is a script
    of thin strokes, a pen's or a copperplate face's ('Teguh Sutrisno' on a university's
    diploma, read 'Feguh Sutrisne' as surely): read mostly in small letters, its strokes
    filling little of their shapes; or capitals printed by hand, thinner still, of one
    width and uneven (:func:`uneven_capitals`)."""
    if pixels is None:
        return False
    crop = pixels.crop(box, scale=SCALE)
    fill = stroke_fill(crop) if crop is not None else None
    if fill is None:
        return False
    if _running(re.sub(r"[^A-Za-z]", "", text)):
        return fill < PEN_FILL
    return fill < PEN_CAPITALS_FILL and even_strokes(crop) and uneven_capitals(crop)


def written_by_hand(words: list[dict], pixels) -> bool:
    """Whether the name's ``words`` (as read on the page, in its pixels) stand in a line
    written with a pen: read mostly in small letters, and the letters' strokes thin; or
    in capitals printed by hand (a clerk's ballpoint on a form's dotted line), every
    word's strokes thinner still and all of one width, its capitals unlike each other in
    height or standing off one line."""
    if pixels is None or pixels.small is None:
        return False
    crops = [c for c in (pixels.crop((w["left"], w["top"], w["left"] + w["width"],
                                      w["top"] + w["height"]), scale=SCALE)
                         for w in words if len(word_letters(w)) >= MIN_LETTERS)
             if c is not None]   # each word long enough to judge
    fills = [f for f in map(stroke_fill, crops) if f is not None]
    if not fills:
        return False
    if _running("".join(word_letters(w) for w in words)):
        return statistics.median(fills) < PEN_FILL
    if max(fills) >= PEN_CAPITALS_FILL:
        return False
    return sum(even_strokes(c) for c in crops) * 2 >= len(crops) and \
        sum(uneven_capitals(c) for c in crops) * 2 >= len(crops)
