"""Dotted fill-in lines (a row of small dots a value is typed or written on) made paper.

An old form prints a dotted line after each label; the value is typed over it, the dots
just under the letters. Tesseract reads the dots as letters or marks of the line above
('KUSASI' lost, 'ocean' read) or takes the line for a picture. A dot is a small mark;
a dotted line is many of them, evenly spaced along one line: no letter or word is that.
"""
from __future__ import annotations

import cv2
import numpy as np

DOT_MM = 0.7       # a dot is at most this wide and high
PITCH_MM = 2.2     # dots of one line stand at most this far apart (centre to centre)
DRIFT_MM = 0.35    # ... their centres this far apart up or down (a skewed page)
RUN = 8            # a dotted line has at least this many dots
INK = 210          # grey below this is print (a pale dot too)


def dotted_lines(grey: np.ndarray, px_per_mm: float) -> np.ndarray:
    """A mask (bool, ``grey``'s shape) of the dots of ``grey``'s dotted lines (dark print
    on light paper, ``px_per_mm`` pixels to the millimetre)."""
    ink = (grey < INK).astype(np.uint8)
    count, labels, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    size = max(2.0, DOT_MM * px_per_mm)
    small = np.flatnonzero((stats[1:, cv2.CC_STAT_WIDTH] <= size) &
                           (stats[1:, cv2.CC_STAT_HEIGHT] <= size)) + 1
    mask = np.zeros(grey.shape[:2], bool)
    if len(small) < RUN:
        return mask
    order = small[np.argsort(centres[small, 0], kind="stable")]
    xs, ys = centres[order, 0], centres[order, 1]
    pitch, drift = PITCH_MM * px_per_mm, max(1.5, DRIFT_MM * px_per_mm)
    parent = np.arange(len(order))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(order)):   # each dot joined to its nearest neighbour to the right
        j = i + 1
        while j < len(order) and xs[j] - xs[i] <= pitch:
            if xs[j] > xs[i] and abs(ys[j] - ys[i]) <= drift:
                parent[root(j)] = root(i)
                break
            j += 1
    roots = np.array([root(i) for i in range(len(order))])
    ids, sizes = np.unique(roots, return_counts=True)
    keep = order[np.isin(roots, ids[sizes >= RUN])]
    if len(keep):
        mask = np.isin(labels, keep)
    return mask


def clear_dotted(grey: np.ndarray, px_per_mm: float) -> np.ndarray:
    """``grey`` (dark print on light paper) with the dots of its dotted lines made paper."""
    mask = dotted_lines(grey, px_per_mm)
    if not mask.any():
        return grey
    out = grey.copy()
    out[mask] = 255
    return out
