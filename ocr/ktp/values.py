"""A value of the field block read again on its own line, and the readings put to a vote.

The block reading sees a value once; a word misread there (``SANTOSI``) would pass as
read. The value's line is read twice more, cut out on its own: from the cleaned print
enlarged, and from the flattened grey. A value two readings agree on is taken; one read three
ways is shown to a person.
"""
from __future__ import annotations

from collections import Counter

import cv2
import numpy as np

from ocr import tesseract
from ocr.imaging import runs
from ocr.ktp.cards import mm

AGREED = 0.9
DISPUTED = 0.3
PAD_MM = 1.0
LEFT_PAD_MM = 0.4
ROW_MARGIN_PX = 3           # kept above and below the value's own line of print
END_GAP_MM = 3.0            # a wider gap on the value's line ends the value (specks beyond)


def own_rows(ink: np.ndarray, middle: int) -> tuple[int, int] | None:
    """(first, end) rows of the line of print through row ``middle`` of a crop's print
    mask: the run of rows with print around it, the halves of the lines above and below
    (which a crop padded for skew catches on a tightly set card) left out. None when
    no print lies near the middle."""
    inked = ink.any(axis=1)
    near = [y for y in range(max(0, middle - 3), min(len(inked), middle + 4)) if inked[y]]
    if not near:
        return None
    return next((a, b) for a, b in runs(inked) if a <= near[0] < b)


def print_end(ink: np.ndarray) -> int | None:
    """The column where the print of a value's line (``ink``: its rows, from the value's
    start on) ends: at the first gap wider than END_GAP_MM, so that remains of the
    background further right are not read as more words. None without print."""
    cols = np.flatnonzero(ink.any(axis=0))
    if cols.size == 0:
        return None
    gaps = np.flatnonzero(np.diff(cols) > mm(END_GAP_MM))
    return int(cols[gaps[0]] if gaps.size else cols[-1]) + 1


def line_readings(images: list[tuple[np.ndarray, float]], box: tuple[int, int, int, int], *,
                  right: int, whitelist: str | None = None,
                  print_: np.ndarray | None = None) -> list[str]:
    """The text of ``box`` (widened to ``right``, where the photo starts) in each image,
    the cut-out scaled by the factor given with it. ``print_``: the cleaned print of the
    card (black on white), by which rows of other lines are whitened in the crops."""
    x0, y0, x1, y1 = box
    pad = mm(PAD_MM)
    top, left = max(0, y0 - pad), max(0, x0 - mm(LEFT_PAD_MM))
    rows = None
    if print_ is not None:
        rows = own_rows(print_[top:y1 + pad, x0:max(x1, x0 + 1)] == 0, (y0 + y1) // 2 - top)
    if rows is not None:
        end = print_end(print_[top + rows[0]:top + rows[1], x0:right] == 0)
        if end is not None:
            right = min(right, x0 + end + mm(1.0))
    out = []
    for img, factor in images:
        # little room on the left: the colon before the value must stay out
        crop = img[top:y1 + pad, left:right]
        if rows is not None:
            crop = crop.copy()
            crop[:max(0, rows[0] - ROW_MARGIN_PX)] = 255
            crop[rows[1] + ROW_MARGIN_PX:] = 255
        if factor != 1.0:
            crop = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
        crop = cv2.copyMakeBorder(crop, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)
        lang = "eng" if whitelist else "ind"
        out.append(tesseract.ocr_text(crop, psm=7, lang=lang, whitelist=whitelist)[0])
    return out


def read_agreed(first: str | None, images: list[tuple[np.ndarray, float]],
                box: tuple[int, int, int, int], *, right: int, clean,
                whitelist: str | None = None,
                print_: np.ndarray | None = None) -> tuple[str | None, float]:
    """A value read in the block (``first``) and again on its own line in each (image,
    scale), in turn until two readings (as ``clean`` makes them) agree."""
    values = [clean(first)]
    for img in images:
        values.append(clean(line_readings([img], box, right=right, whitelist=whitelist,
                                          print_=print_)[0]))
        value, conf = vote(values)
        if conf >= AGREED:
            return value, conf
    return vote(values)


def vote(values: list[str | None]) -> tuple[str | None, float]:
    """The value most readings agree on (at least two; a space read or not makes no
    difference, the reading with the most words is taken) and AGREED; else the first
    value read and DISPUTED; (None, 0) when nothing was read."""
    read = [v for v in values if v]
    if not read:
        return None, 0.0
    key, count = Counter(v.replace(" ", "") for v in read).most_common(1)[0]
    if count >= 2:
        same = [v for v in read if v.replace(" ", "") == key]
        return max(same, key=lambda v: v.count(" ")), AGREED
    return read[0], DISPUTED
