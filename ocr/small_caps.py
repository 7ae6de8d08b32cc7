"""A line set in small capitals, and the same line with its capitals brought to one height.

In small capitals each word starts with a full capital and goes on in capitals of the
height of small letters ('RAFII' printed R, then A F I I as high as an x). A text model
reads those as small letters ('Rarii': a small capital F is a small r to it, an I has
lost its dot) and is sure of it. Letters of one height with none reaching above it, no
dot and nothing below the line, after a taller first letter, are such a line; with every
taller letter brought down to the height of the others, the line reads as capitals.
"""
from __future__ import annotations

import cv2
import numpy as np

LETTER = 0.4          # of the tallest mark on the line: a letter, not a speck
SMALL = (0.55, 0.9)   # a small capital's height, as a share of the full capital's
EVEN = 0.12           # the small capitals' heights and feet agree within this share
WORD_SPACE = 0.2      # of the full capitals' height: the least space between words
DOT = 0.1             # of the small letters' height: the least dot of an i
JOINED = 0.5          # a tall mark going on this many of its heights past its tall part
#                       holds the letter after it too (a kerned pair touching)


def _marks(crop: np.ndarray, band: tuple[float, float]):
    """Ink marks (x, y, w, h) of ``crop`` (dark print on white) on the line ``band`` (top,
    bottom in ``crop``'s pixels), with the label image they were found in."""
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    x, y, w, h = (stats[1:, k] for k in (cv2.CC_STAT_LEFT, cv2.CC_STAT_TOP,
                                         cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT))
    mid = y + h / 2
    on = (mid > band[0]) & (mid < band[1])
    return np.flatnonzero(on), x, y, w, h, labels


def _heights(crop: np.ndarray, band: tuple[float, float]):
    """(full height, small height, baseline, marks of the line, x, y, w, h, labels) when the
    line's letters stand at two heights on one baseline, else None."""
    on, x, y, w, h, labels = _marks(crop, band)
    if len(on) < 3:
        return None
    full = float(h[on].max())
    letters = on[h[on] >= LETTER * full]
    foot = y[letters] + h[letters]
    base = float(np.median(foot))
    if np.any(np.abs(foot - base) > EVEN * full):
        return None   # a letter reaching below the line: small letters, not small capitals
    short = letters[h[letters] < (1 - EVEN) * full]
    if len(short) < 2:
        return None
    small = float(np.median(h[short]))
    if not SMALL[0] <= small / full <= SMALL[1]:
        return None
    if np.any((h[letters] > small + EVEN * full) & (h[letters] < (1 - EVEN) * full)):
        return None   # letters of more than two heights: small letters with ascenders
    return full, small, base, on, x, y, w, h, labels


def small_capitals(crop: np.ndarray | None, band: tuple[float, float]) -> bool:
    """Whether the line ``band`` of ``crop`` is set in small capitals: its letters stand at
    two heights on one baseline, the short ones the most, with no dot or speck above them
    (a small i's dot, a small letter's accent) and nothing between the two heights."""
    if crop is None:
        return False
    found = _heights(crop, band)
    if found is None:
        return False
    full, small, base, on, x, y, w, h, _ = found
    letters = on[h[on] >= LETTER * full]
    tall = letters[h[letters] >= (1 - EVEN) * full]
    if len(tall) * 2 > len(letters):
        return False   # mostly full capitals: a line in capitals
    for t in tall:   # a full capital starts a word: a tall letter inside one is a small
        before = letters[x[letters] + w[letters] <= x[t] + EVEN * full]   # letter's ascender
        if len(before) and x[t] - (x[before] + w[before]).max() < WORD_SPACE * full:
            return False
    top = base - small
    dots = on[(h[on] < LETTER * full) & (h[on] >= DOT * small)
              & (y[on] + h[on] < top + EVEN * full) & (y[on] > base - full - EVEN * full)]
    # a dot over a letter (a speck of the copy beside the name is none)
    return not any(np.any((x[letters] <= x[d] + w[d]) & (x[d] <= x[letters] + w[letters]))
                   for d in dots)


def even_capitals(crop: np.ndarray, band: tuple[float, float]) -> np.ndarray:
    """``crop`` with every full capital on the line ``band`` brought down to the height of
    the small capitals beside it, standing on the same baseline (unchanged when the line
    is not at two heights)."""
    found = _heights(crop, band)
    if found is None:
        return crop
    full, small, base, on, x, y, w, h, labels = found
    out = crop.copy()
    factor = small / full
    letters = on[h[on] >= LETTER * full]
    for i in letters[h[letters] >= (1 - EVEN) * full]:
        x0, y0, x1, y1 = x[i], y[i], x[i] + w[i], y[i] + h[i]
        mask = labels[y0:y1, x0:x1] == i + 1
        above = mask[: max(1, int(round(y1 - small * (1 + EVEN) - y0)))].any(axis=0)
        cols = np.flatnonzero(above)
        if len(cols) and x1 - (x0 + cols[-1]) > JOINED * h[i]:
            # the next letter touches this one: cut where the ink across is thinnest
            start = x0 + cols[-1] + max(1, int(0.1 * h[i]))
            stop = x1 - max(1, int(0.3 * h[i]))
            if stop > start:
                x1 = start + int(np.argmin(mask[:, start - x0:stop - x0].sum(axis=0)))
        # the letter's box, its pale edges and loose bits too (a hairline serif the
        # threshold parted from it), but not its neighbours' ink
        y0 = max(0, int(y0 - EVEN * full))
        others = np.isin(labels[y0:y1, x0:x1], np.setdiff1d(letters, [i]) + 1)
        others = cv2.dilate(others.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
        region = out[y0:y1, x0:x1]
        glyph = np.where(others, 255, region).astype(np.uint8)
        region[~others] = 255
        gw, gh = max(1, round(glyph.shape[1] * factor)), max(1, round(glyph.shape[0] * factor))
        shrunk = cv2.resize(glyph, (gw, gh), interpolation=cv2.INTER_AREA)
        top, left = int(y1 - gh), int(x0 + (glyph.shape[1] - gw) // 2)
        place = out[top:top + gh, left:left + gw]
        np.minimum(place, shrunk[:place.shape[0], :place.shape[1]], out=place)
    return out
