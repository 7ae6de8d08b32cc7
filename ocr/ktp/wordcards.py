"""A card found by its words, where its outline is not found.

A card's edge can vanish on a copy: a pale card on white paper, a copy so light or so
dark that card and sheet are one, paper of the card's own tint. Its printed labels still
read on the page's text (:func:`ocr.ijazah_text.page_text`), and a KTP-el prints them in
one order, one under the other, at one pitch: from three of them the pitch gives the
card's scale and the first row its place, and the card is cut out where a KTP-el of that
scale has its field block there. The cut-out is then read like any other card.
"""
from __future__ import annotations

import statistics
from itertools import combinations

import numpy as np

from ocr.features import warp_corners
from ocr.ktp.cards import CARD_MM, ZOOM_RANGE, Card, mm
from ocr.ktp.labels import LABELS, Line, match_label

# The field rows of a KTP-el by their labels, Nama the first (0); the NIK's larger label,
# its top two rows' pitches above Nama's, counts as row -2 (the header is centred, so it
# tells neither the rows' pitch nor their left edge).
ROWS = {key: i for i, key in enumerate(list(LABELS)[list(LABELS).index("nama"):])}
ROWS["nik"] = -2
# Where a KTP-el prints its field rows (mm from the card's top left): the first row's top,
# the pitch of the rows and the labels' left edge.
FIRST_ROW_MM = 15.6
PITCH_MM = 2.95
LABEL_X_MM = 2.5
MIN_ROWS = 3           # labelled rows that must agree before a card is placed by them
LABEL_COLUMN = 3       # labels starting at one place (within a pitch) that make their column
ROW_SLACK = 0.5        # of a pitch: how far a row's label may sit off the rows' line
# A card placed by its labels is cut a little wider than they place it, then read again
# cut as placed: a reading that hangs on where the card's edges are (a digit's stroke
# read otherwise when the card is cut 2 % larger) is not taken (see KtpReading.keep_agreed)
CUTS = (1.02, 1.0)


# How a card can lie on the upright page, as Tesseract reads its lines: (the direction its
# text runs, the direction its rows follow each other), unit vectors in page pixels.
# Across: the card upright; down and up: turned a quarter, its lines read standing on end.
LIE = {"across": ((1.0, 0.0), (0.0, 1.0)), "down": ((0.0, 1.0), (-1.0, 0.0)),
       "up": ((0.0, -1.0), (1.0, 0.0))}


def _start(word: dict, lie: str) -> np.ndarray:
    """The corner of a word's box where its text starts, on its letters' top side."""
    t, n = (np.asarray(v) for v in LIE[lie])
    x0, y0 = word["left"], word["top"]
    x1, y1 = x0 + word["width"], y0 + word["height"]
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float64)
    return corners[int(np.argmin(corners @ (t + n)))]


def _label_rows(words: list[dict]) -> dict[str, dict[int, np.ndarray]]:
    """For each way a card can lie (:data:`LIE`): row number -> the start of each field
    label that begins a line of ``words`` lying that way."""
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault((w["block"], w["par"], w["line"]), []).append(w)
    rows: dict[str, dict[int, np.ndarray]] = {lie: {} for lie in LIE}
    for line_words in lines.values():
        standing = sum(w["height"] > w["width"] for w in line_words) * 2 > len(line_words)
        for lie in ("down", "up") if standing else ("across",):
            t = np.asarray(LIE[lie][0])
            ordered = sorted(line_words, key=lambda w: (w["left"] + w["width"] / 2) * t[0]
                             + (w["top"] + w["height"] / 2) * t[1])
            key, _n, _score = match_label(Line(ordered))
            if key in ROWS and ROWS[key] not in rows[lie]:
                rows[lie][ROWS[key]] = _start(ordered[0], lie)
    return rows


def _fit(rows: dict[int, np.ndarray], lie: str) -> tuple[float, float, list[int]] | None:
    """(pitch, first row's place along the rows, rows on that line) of the labelled rows
    of a card lying ``lie``, None when fewer than MIN_ROWS agree. The pitch is the median
    over pairs of rows, so one label read on the wrong line does not move it."""
    n = np.asarray(LIE[lie][1])
    along = {r: float(p @ n) for r, p in rows.items()}
    pitches = [(along[b] - along[a]) / (b - a) for a, b in combinations(sorted(along), 2)]
    if len(rows) < MIN_ROWS or not pitches:
        return None
    pitch = statistics.median(pitches)
    if pitch <= 0:
        return None
    starts = {r: at - r * pitch for r, at in along.items()}
    first = statistics.median(starts.values())
    agree = [r for r, start in starts.items() if abs(start - first) <= ROW_SLACK * pitch]
    if len(agree) < MIN_ROWS:
        return None
    return pitch, statistics.median(starts[r] for r in agree), agree


def _label_edge(starts: list[float], pitch: float) -> float:
    """The labels' left edge along the rows: the leftmost start that LABEL_COLUMN of them
    share within a row's pitch (the leftmost of all when none do). Some labels stand
    indented (RT/RW, Kel/Desa, Kecamatan); a line Tesseract ran on from something left of
    the card (a document the card lies on) starts far off to the left, alone."""
    shared = [x for x in starts if sum(abs(x - y) <= pitch for y in starts) >= LABEL_COLUMN]
    return min(shared or starts)


def cards_by_words(page_rgb: np.ndarray, words: list[dict], scale: float,
                   dpi: float, margin: float = 1.0) -> list[Card]:
    """The card whose field labels are among ``words`` (boxes in the pixels of a copy of
    ``page_rgb`` ``scale`` times smaller, the page upright; the card upright on it or
    turned a quarter), cut out as :func:`ocr.ktp.cards.find_cards` cuts one; none when
    too few labels line up or the card they place has no KTP's size. ``margin``: the cut
    is this many times the card the labels place, round its centre (their place is an
    estimate; see CUTS)."""
    found = _label_rows(words)
    lie = max(found, key=lambda k: len(found[k]))
    rows = found[lie]
    fit = _fit(rows, lie) if rows else None
    if fit is None:
        return []
    pitch, first, agree = fit
    px_mm = pitch * scale / PITCH_MM
    zoom = px_mm / (dpi / 25.4)
    if not ZOOM_RANGE[0] <= zoom <= ZOOM_RANGE[1]:
        return []
    t, n = (np.asarray(v) for v in LIE[lie])
    left = _label_edge([float(rows[r] @ t) for r in agree], pitch) * scale - LABEL_X_MM * px_mm
    top = first * scale - FIRST_ROW_MM * px_mm
    origin = left * t + top * n
    w, h = CARD_MM[0] * px_mm * t, CARD_MM[1] * px_mm * n
    corners = np.array([origin, origin + w, origin + w + h, origin + h], np.float32)
    centre = corners.mean(axis=0)
    corners = ((corners - centre) * margin + centre).astype(np.float32)
    image = warp_corners(page_rgb, corners, out_w=mm(CARD_MM[0]), out_h=mm(CARD_MM[1]))
    return [Card(image, corners)]


def standing_turn(words: list[dict]) -> int:
    """The counter-clockwise quarter turn (90 or 270) that stands upright a card whose
    labels among ``words`` read standing on end; 0 when none do."""
    rows = _label_rows(words)
    lie = max(rows, key=lambda k: len(rows[k]))
    return {"down": 90, "up": 270}.get(lie, 0) if rows[lie] else 0


__all__ = ["cards_by_words", "standing_turn"]
