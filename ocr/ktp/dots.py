"""Print struck in dots (a dot-matrix head): recognised on a band and joined into strokes.

A dot-matrix printer draws each glyph as a grid of small round dots. On the cleaned
print its strokes come out pitted: the dots touch, but small specks of paper stay
between them, inside the strokes and notching their edges, and at low resolution a
stroke falls apart into pieces; neither the text model nor the digit-shape reader takes
such glyphs for digits. A band is taken as dotted when, on the line of its digits (the
remains of the background above and below left out, :func:`ocr.ktp.nikread.fit_band`),
many separate specks of paper lie enclosed in its strokes (solid print, even worn, holds
almost none) and a closing one dot gap wide (DOT_GAP_MM) would fill some paper beside
its ink. At 200 dpi the dots have run together more than at 300: the closing fills less,
but the specks between them stay. Its print is then closed with that disc, its grey
blurred over about one dot pitch, so that each glyph reads as solid strokes.
"""
from __future__ import annotations

import cv2
import numpy as np

from ocr.ktp.cards import mm
from ocr.ktp.nikread import fit_band

DOT_GAP_MM = 0.25         # the paper left between a dot-matrix head's dots
MIN_GAP_SHARE = 0.015     # paper a closing of DOT_GAP_MM fills, per pixel of ink
MIN_SPECKS = 10           # specks of paper enclosed in the digits' line
SPECK_PX = 12             # area of the largest such speck (a digit's counter is larger)
BLUR_SIGMA_MM = 0.12      # the grey's blur: about half the pitch of the dots


def _disc() -> np.ndarray:
    size = max(3, mm(DOT_GAP_MM)) | 1
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))


def gap_share(binary: np.ndarray) -> float:
    """Paper a closing one dot gap wide fills, per pixel of ink (white paper, black ink)."""
    ink = (binary == 0).astype(np.uint8)
    total = int(ink.sum())
    if total == 0:
        return 0.0
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, _disc())
    return float(closed.sum() - total) / total


def enclosed_specks(binary: np.ndarray) -> int:
    """Small specks of paper wholly surrounded by ink."""
    paper = (binary > 0).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(paper, 4)
    return int((stats[1:, cv2.CC_STAT_AREA] <= SPECK_PX).sum())


def dotted(binary: np.ndarray) -> bool:
    """Whether a band of print was struck in dots (see the module docstring)."""
    return gap_share(binary) >= MIN_GAP_SHARE and enclosed_specks(binary) >= MIN_SPECKS


def join_print(binary: np.ndarray) -> np.ndarray:
    """The print with its dots joined into strokes: closed with a disc one dot gap wide."""
    ink = cv2.morphologyEx((binary == 0).astype(np.uint8), cv2.MORPH_CLOSE, _disc())
    return np.where(ink > 0, 0, 255).astype(np.uint8)


def join_grey(grey: np.ndarray, px_per_mm: float | None = None) -> np.ndarray:
    """The grey with its dots run together: blurred over about half a pitch (``px_per_mm``:
    its resolution, a card's when not given)."""
    return cv2.GaussianBlur(grey, (0, 0), BLUR_SIGMA_MM * (px_per_mm or mm(1.0)))


def join_dotted(flat: np.ndarray, binary: np.ndarray, thin: np.ndarray,
                rows: slice, cols: slice) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(grey, print, thin print) of a card with the band ``rows``, ``cols`` joined when
    the line of digits on it was struck in dots (:func:`dotted`); the same arrays
    otherwise."""
    line_rows, line_cols = fit_band(binary, rows, cols)
    if not dotted(binary[line_rows, line_cols]):
        return flat, binary, thin
    flat, binary, thin = flat.copy(), binary.copy(), thin.copy()
    flat[rows, cols] = join_grey(flat[rows, cols])
    binary[rows, cols] = join_print(binary[rows, cols])
    thin[rows, cols] = join_print(thin[rows, cols])
    return flat, binary, thin
