"""Handwritten digits in the cells of a comb box (a NIK on a walk-in pack), one cell at a time.

Every cell is cut out clear of the printed ticks and its ink given to a classifier
trained on real handwriting (:mod:`ocr.digitclass`). A digit is taken only when the
classifier is sure of it (``MIN_SHARE`` of the nearest training digits are that digit,
or one fewer when a third opinion confirms it too) and a second, independent opinion
agrees: the classifier's pixel machine, or else one of two Tesseract models reading the
cell as one character. One doubtful cell leaves the whole value unread (a person then
reads the crop), never guessed. A NIK read this way must also be a well-formed NIK
(``formgen.domain.nik``) and agree with the birth date and sex read on the page
(:func:`cross_check_nik`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import cv2
import numpy as np

from formgen.domain.nik import check_nik
from ocr import digitclass, tesseract
from ocr.findings import Finding
from ocr.marks import drop_border_lines, ink_mask, remove_speckle

DIGITS = "0123456789"
MODELS = ("eng", "ind")
MIN_SHARE = 6 / 9             # of the nearest training digits (see read_cell)
CELL_MARGIN = 0.12            # share of the cell width cut off each side (the ticks)
BORDER_FILL = 0.9             # a row (or column) of a cell this full of ink is a printed line
GLYPH_PX = 40                 # the digit's height as Tesseract is given it
MIN_INK = 0.015               # share of a cell's pixels that make a written digit
# Closed loops a written digit can have: only an 8 has two (a loop is paper enclosed by
# ink of at least (cell height / LOOP_SCALE)² pixels).
MAX_LOOPS = {"8": 2}
LOOP_SCALE = 35
# Typed digits share a cap height and a baseline: in a typed comb the highest and lowest
# digit tops (and feet) lie this share of the cell's height apart at most (measured: 0.04
# on soft phone photographs; 0.16 to 0.29 for digits written by hand).
TYPE_LEVEL = 0.08
INK_LEVEL = 60                # a row with ink this dark (0..255 of the cell's range) is print
MIN_TYPE_CELLS = 8            # inked cells needed to tell print by its level
HANDWRITTEN = "handwritten"   # ink, but no certain reading: a person reads the crop
WRITTEN = "written"           # written by hand and read with certainty


@dataclass(frozen=True)
class CellReading:
    """One cell of a comb: the digit taken (None: empty or doubtful) and how sure."""

    digit: str | None
    confidence: float = 0.0
    inked: bool = True


def comb_value(readings: list[CellReading]) -> tuple[str | None, float]:
    """(digits, the least confidence) when every cell's digit was taken; (None, 0.0)."""
    if any(r.digit is None for r in readings):
        return None, 0.0
    return "".join(r.digit for r in readings), round(min(r.confidence for r in readings), 3)


def _cells(crop: np.ndarray, cells: int) -> list[np.ndarray]:
    """The comb's cells (grey), each cut clear of the ticks on either side."""
    grey = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    w = grey.shape[1]
    return [grey[:, round((k + CELL_MARGIN) * w / cells):round((k + 1 - CELL_MARGIN) * w / cells)]
            for k in range(cells)]


def read_comb_cells(crop: np.ndarray, cells: int) -> list[CellReading]:
    """Every cell of a comb box read on its own (see the module's rule)."""
    return [read_cell(cell) for cell in _cells(crop, cells)]


def typed_or_written(crop: np.ndarray, typed: str, readings: list[CellReading]) -> str:
    """Whether a comb read as the typed line ``typed`` holds that print ("typed"), digits
    written by hand that Tesseract read as a typed line, and misread ("written": the
    cells' own ``readings`` hold), or cannot be told ("unsure"). Each cell whose
    handwritten digit differs from the typed one is read alone by both Tesseract models:
    both seeing the typed digit, it is print the classifier misread (it learnt pens: on a
    soft photograph it reads a printed 1, its flag and foot, as a 9); neither seeing it,
    the typed line misread the cell; one of the two seeing it, a person decides. But
    digits that stand on one baseline at one height are print (:func:`_set_in_type`):
    there a cell one model alone sees as typed is print too (a soft photograph's 1 read
    4 by one model), and a cell neither sees so is a question for a person, never
    handwriting."""
    split = written = False
    cells = _cells(crop, len(readings))
    for cell, reading, digit in zip(cells, readings, typed, strict=True):
        if reading.digit in (None, digit):
            continue
        ink = _ink(cell)
        seen = _tesseract_reads(ink) if ink is not None else []
        if seen == [digit] * len(MODELS):
            continue
        split, written = split or digit in seen, written or digit not in seen
    if not (split or written):
        return "typed"
    if _set_in_type(cells):
        return "unsure" if written else "typed"
    return "unsure" if split else "written"


def _set_in_type(cells: list[np.ndarray]) -> bool:
    """Whether the digits in ``cells`` are print: their tops and their feet each level
    within ``TYPE_LEVEL`` of the cell's height (a pen's digits differ by a fifth or more)."""
    tops, feet = [], []
    for cell in cells:
        ink = _ink(cell)
        rows = np.flatnonzero((ink > INK_LEVEL).any(axis=1)) if ink is not None else []
        if len(rows):
            tops.append(rows[0])
            feet.append(rows[-1])
    if len(tops) < MIN_TYPE_CELLS:
        return False
    height = cells[0].shape[0]
    return np.ptp(tops) <= TYPE_LEVEL * height and np.ptp(feet) <= TYPE_LEVEL * height


def read_cell(cell: np.ndarray) -> CellReading:
    """The handwritten digit of one comb cell (grey), when sure and confirmed.

    The classifier's digit counts the nearest training digits that agree with it; a
    second opinion must confirm it (the pixel machine, else a Tesseract model), and each
    further confirming opinion counts as one more agreeing neighbour. The digit is taken
    when that count reaches ``MIN_SHARE`` of the neighbours; the count is its confidence.
    """
    ink = _ink(cell)
    if ink is None:
        return CellReading(None, inked=False)
    opinion = digitclass.classify(ink)
    one = 1 / digitclass.NEIGHBOURS
    if opinion is None or not opinion.familiar or opinion.share + one < MIN_SHARE - 1e-6:
        return CellReading(None)
    if _loops(ink > 0) > MAX_LOOPS.get(opinion.digit, 1):
        return CellReading(None)  # e.g. an 8 whose loops came out too small to see, read 0
    confirmations = int(opinion.second == opinion.digit)
    if confirmations == 0 or opinion.share < MIN_SHARE - 1e-6:
        confirmations += opinion.digit in _tesseract_digits(ink)
    score = opinion.share + max(confirmations - 1, 0) * one
    if confirmations == 0 or score < MIN_SHARE - 1e-6:
        return CellReading(None)
    return CellReading(opinion.digit, round(min(score, 1.0), 3))


def _ink(cell: np.ndarray) -> np.ndarray | None:
    """The cell's ink, light on dark (0..255, paper 0); None for an empty cell."""
    if cell.size == 0:
        return None
    mask = remove_speckle(drop_border_lines(ink_mask(cell), BORDER_FILL),
                          max(4, cell.shape[0] // 12))
    if mask.mean() < MIN_INK:
        return None
    paper = float(np.percentile(cell, 90))
    ink = np.clip((paper - cell.astype(np.float32)) / max(paper - float(cell.min()), 1.0) * 255,
                  0, 255)
    ink[~mask] = 0
    return ink


def _loops(mask: np.ndarray) -> int:
    """How many closed loops the ink encloses (holes of paper it surrounds)."""
    paper = (~mask).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(paper, connectivity=4)
    h, w = mask.shape
    min_area = max(2, round((h / LOOP_SCALE) ** 2))
    loops = 0
    for x, y, bw, bh, area in stats[1:]:
        if x > 0 and y > 0 and x + bw < w and y + bh < h and area >= min_area:
            loops += 1
    return loops


def _tesseract_reads(ink: np.ndarray) -> list[str]:
    """What each of Tesseract's models reads in the cell as one digit ('' for anything
    else)."""
    glyph = _glyph(ink)
    out = []
    for lang in MODELS:
        text = "".join(w["text"] for w in
                       tesseract.ocr_data(glyph, psm=10, whitelist=DIGITS, lang=lang))
        out.append(text if len(text) == 1 and text.isdigit() else "")
    return out


def _tesseract_digits(ink: np.ndarray) -> set[str]:
    """The digits Tesseract's models read in the cell, each as one character."""
    return {text for text in _tesseract_reads(ink) if text}


def _glyph(ink: np.ndarray) -> np.ndarray:
    """The ink dark on white paper, cut to its box, ``GLYPH_PX`` high with a margin."""
    ys, xs = np.nonzero(ink)
    ink = 255 - ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    scale = GLYPH_PX / ink.shape[0]
    ink = cv2.resize(ink.astype(np.uint8), None, fx=scale, fy=scale,
                     interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    side = GLYPH_PX // 2
    return cv2.copyMakeBorder(ink, side, side, side, side, cv2.BORDER_CONSTANT, value=255)


def cross_check_nik(findings: list[Finding]) -> list[Finding]:
    """``findings`` of one form page with a NIK written by hand kept only when it is a
    well-formed NIK (region codes, birth date, serial) that agrees with the birth date
    and the sex read on the same page, where the page shows them; otherwise it goes back
    to a person (value None, note ``handwritten``)."""
    by_name = {f.name: f for f in findings if f.kind in ("field", "checkbox")}
    nik = by_name.get("nik")
    if nik is None or nik.note != WRITTEN or not nik.value:
        return findings
    birth = _birth_date(by_name.get("tanggal_lahir"))
    agrees = check_nik(nik.value, tanggal_lahir=birth, jenis_kelamin=_sex(by_name)).ok
    out = []
    for f in findings:
        if f is nik:
            f = Finding(f.kind, f.name, f.value if agrees else None,
                        f.confidence if agrees else 0.0, f.expected, f.ok,
                        note=WRITTEN if agrees else HANDWRITTEN)
        out.append(f)
    return out


def _birth_date(finding: Finding | None) -> dt.date | None:
    if finding is None or not finding.value:
        return None
    parts = re.findall(r"\d+", str(finding.value))
    if len(parts) != 3:
        return None
    day, month, year = (int(p) for p in parts)
    if len(parts[0]) == 4:
        day, year = year, day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _sex(by_name: dict[str, Finding]) -> str | None:
    ticked = [code for code, name in (("L", "jenis_kelamin_l"), ("P", "jenis_kelamin_p"))
              if by_name.get(name) is not None and by_name[name].value is True]
    return ticked[0] if len(ticked) == 1 else None
