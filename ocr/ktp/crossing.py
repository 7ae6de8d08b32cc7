"""Something dark lying across the NIK: a paper clip's wire, a pen's stroke.

A copy made with a clip still on the card, or a stroke drawn across it, puts a dark line
through one or two of the NIK's digits; the readers may then read another digit there,
and all of them alike (the wire through a 0 reads as a 3, across a 6 as a 1). Such a
line reaches well above and below the digits' line, which no print on a card does.
"""
from __future__ import annotations

import cv2
import numpy as np

from formgen.domain.nik import NIK_LENGTH
from ocr.ktp.clean import ink_cut

REACH = 0.6       # of the digits' height: how far beyond their line, above and below
INSIDE = 0.3      # ... and how far print lying within their line may reach past it
DIGIT_HEIGHT = 0.4   # of the band's height: the least a digit's print stands
MAX_WIDTH = 1.5   # digits' pitches: the widest a line across them lies on their line


def crossed_digits(flat: np.ndarray, rows: slice, cols: slice) -> set[int]:
    """Positions (0-15) of the NIK digits in the band ``rows``, ``cols`` of the flattened
    card ``flat`` that a dark line reaching beyond their line both above and below crosses."""
    height = rows.stop - rows.start
    top = max(0, rows.start - height)
    bottom = min(flat.shape[0], rows.stop + height)
    dark = (flat[top:bottom, cols] < ink_cut(flat)).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    above, below = rows.start - top - REACH * height, rows.stop - top + REACH * height
    line = labels[rows.start - top:rows.stop - top]
    across = [i for i in range(1, count) if stats[i, cv2.CC_STAT_TOP] <= above and
              stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] >= below]
    if not across:
        return set()
    # the digits run from the first print of a digit's height lying within their line to
    # the last (not a speck of the background, nor a line's piece that reaches beyond
    # the line on one side only, as a clip's loop does)
    inside = [i for i in range(1, count)
              if stats[i, cv2.CC_STAT_HEIGHT] >= DIGIT_HEIGHT * height and
              stats[i, cv2.CC_STAT_TOP] >= rows.start - top - INSIDE * height and
              stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT]
              <= rows.stop - top + INSIDE * height]
    print_cols = np.flatnonzero(np.isin(line, inside).any(axis=0))
    if print_cols.size < 2:
        return set()
    start, end = print_cols[0], print_cols[-1] + 1
    pitch = (end - start) / NIK_LENGTH
    crossed: set[int] = set()
    for i in across:      # a line beside the digits (past the last) crosses none of them
        xs = np.flatnonzero((line == i).any(axis=0))
        xs = xs[(xs >= start - pitch / 2) & (xs < end + pitch / 2)]
        if xs.size > MAX_WIDTH * pitch:
            continue     # wider than a line: print joined by a copy's dark background
        crossed.update(int(np.clip((x - start) // pitch, 0, NIK_LENGTH - 1)) for x in xs)
    return crossed


__all__ = ["crossed_digits"]
