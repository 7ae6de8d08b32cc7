"""A copier's drum streak lifted off a flattened card.

A scratched drum leaves a thin line of toner down every sheet it copies: on a card, a
line across its rows, through the NIK's digits and the first letters of values, that
the background's division leaves in (it is narrower than the background's closing).
Read as print it turns a 1 into an 8 and hides a name's first letters. Such a line is
told from print by its shape: in band after band of the card's height, a run of one or
a few columns darker than the columns beside it. Where it lies, each pixel is divided by
the line's own darkness there (toner adds up, so print under the line is darker still
and comes back as print), measured as a high percentile of the column over a window
taller than a NIK digit (a digit's stem never fills it); a line as dark as print is
filled in from the pixels beside it (a stroke across it mends, a stem under it is lost:
what the copy lost is left to the readers' doubt).
"""
from __future__ import annotations

import cv2
import numpy as np

from ocr.imaging import grey_percentiles
from ocr.ktp.cards import mm

BAND_MM = 8.0           # the card's height is looked at in bands this tall ...
STEP_MM = 4.0           # ... this far apart
BAND_PERCENTILE = 98    # a band's column level: near its lightest (a line is dark between rows too)
DARKER = 40             # a streak's column is this much darker than the columns beside it
CLEAN = 20              # ... which are paper: at most this much darker than the card's paper
MAX_LINES = 2           # a drum scratched once or twice; more lines are a printed pattern's
MAX_SLANT = 0.03        # a line across the card leans at most this much (about 1.7 degrees)
BESIDE_MM = 1.5         # ... looked for this far on either side
MAX_WIDTH_MM = 1.0      # a streak is at most this wide (the photo's edge is not one)
EDGE_MM = 3.0           # columns this near the card's sides are left alone (its outline)
MIN_SHARE = 0.6         # a streak darkens at least this share of the bands
DRIFT_MM = 0.6          # how far a streak may wander across the card's height (slant)
WINDOW_MM = 6.0         # the line's darkness: the column's level over this height ...
WINDOW_PERCENTILE = 90  # ... taken at this percentile (taller than a digit's stem)
MARGIN_PX = 2           # the line's soft edges
BLACK = 80              # a line this dark leaves nothing of the print under it to divide
UNDER = 30              # ... there a pixel up to this much darker than the line is the line
INPAINT_PX = 3


def _band_columns(flat: np.ndarray, top: int, bottom: int, paper: float) -> np.ndarray:
    """The columns of rows ``top:bottom`` that are darker than the columns beside them, in
    runs narrow enough to be a line, with clean paper beside them (``paper``: its level;
    a copy too dark all over has no line told apart)."""
    level = np.percentile(flat[top:bottom], BAND_PERCENTILE, axis=0).astype(np.float32)
    reach = mm(BESIDE_MM)
    padded = np.pad(level, reach, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, reach)
    left, right = windows[:level.size].max(axis=1), windows[reach + 1:].max(axis=1)
    beside = np.minimum(left, right)   # lighter on both sides: not the edge of a light line
    dark = ((beside - level >= DARKER) & (beside >= paper - CLEAN)).astype(np.uint8)
    edge = mm(EDGE_MM)
    dark[:edge], dark[-edge:] = 0, 0
    # a run wider than a line (the photo's edge, a block of print) is none
    wide = cv2.morphologyEx(dark.reshape(1, -1), cv2.MORPH_OPEN,
                            np.ones((1, mm(MAX_WIDTH_MM) + 1), np.uint8)).ravel()
    return (dark > 0) & (wide == 0)


def _line_masks(found: np.ndarray, tops, band: int, shape: tuple[int, int]) -> np.ndarray:
    """Where the lines are, row by row: each run of columns dark in enough bands is a line,
    its course the straight fit through the bands it was seen in (a band where print
    beside it hid it follows the others), its width theirs."""
    h, w = shape
    drift = np.ones(2 * mm(DRIFT_MM) + 1, np.uint8).reshape(1, -1)
    near = cv2.dilate(found.astype(np.uint8), drift) > 0
    lines = (near.mean(axis=0) >= MIN_SHARE).astype(np.uint8)
    mask = np.zeros(shape, bool)
    count, labels = cv2.connectedComponents(lines.reshape(1, -1), connectivity=4)
    if count - 1 > MAX_LINES:
        return mask   # evenly repeated lines: the card's own background (a faint grid)
    for i in range(1, count):
        run = np.flatnonzero(labels.ravel() == i)
        ys, xs, widths = [], [], []
        lo = max(0, run[0] - mm(DRIFT_MM))
        for t, row in zip(tops, found, strict=True):
            seen = np.flatnonzero(row[lo:run[-1] + mm(DRIFT_MM) + 1]) + lo
            if seen.size:
                ys.append(t + band / 2)
                xs.append((seen[0] + seen[-1]) / 2)
                widths.append(seen[-1] - seen[0] + 1)
        if len(ys) < 2 or run.size > mm(MAX_WIDTH_MM) + 2 * mm(DRIFT_MM):
            continue   # print in many bands side by side is no line
        slope, at = np.polyfit(ys, xs, 1)
        off = np.abs(np.asarray(xs) - (slope * np.asarray(ys) + at))
        if abs(slope) > MAX_SLANT or off.max() > mm(DRIFT_MM):
            continue   # dark pieces of many bands that no straight line runs through
        half = float(np.median(widths)) / 2 + MARGIN_PX
        centre = slope * np.arange(h) + at
        cols = np.arange(w)
        mask |= np.abs(cols[None, :] - centre[:, None]) <= half
    return mask


def lift_streaks(flat: np.ndarray) -> np.ndarray:
    """``flat`` (a card divided by its background, paper 255) with the long thin lines
    across its height lifted off; ``flat`` itself when it holds none."""
    h, w = flat.shape
    band, step = mm(BAND_MM), mm(STEP_MM)
    if h < 3 * band or w < 4 * mm(EDGE_MM):
        return flat
    tops = range(0, h - band + 1, step)
    paper = grey_percentiles(flat, (90,))[0]
    found = np.array([_band_columns(flat, t, t + band, paper) for t in tops])
    where = _line_masks(found, tops, band, flat.shape)
    if not where.any():
        return flat
    cols = np.flatnonzero(where.any(axis=0))
    where = where[:, cols]
    strip = flat[:, cols].astype(np.float32)
    half = mm(WINDOW_MM) // 2
    padded = np.pad(strip, ((half, half), (0, 0)), mode="edge")
    keep = np.percentile(np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1, axis=0),
                         WINDOW_PERCENTILE, axis=-1)
    grey = where & (keep < paper - DARKER / 2) & (keep >= BLACK)
    lifted = np.where(grey, strip * paper / np.maximum(keep, 1.0), strip)
    out = flat.copy()
    out[:, cols] = np.clip(lifted, 0, 255).astype(np.uint8)
    black = where & (keep < BLACK) & (strip < keep + UNDER)
    if black.any():   # as dark as print: filled in from beside it (strokes across it mend)
        mask = np.zeros((h, w), np.uint8)
        mask[:, cols] = black
        out = cv2.inpaint(out, mask, INPAINT_PX, cv2.INPAINT_TELEA)
    return out
