"""Handwritten digits in the cells of a comb box (a NIK on a walk-in pack), one cell at a time.

Every cell is cut out clear of the printed ticks, its ink centred on paper at the
height Tesseract reads single characters best, and read as one character by two
models with a digits-only whitelist. A digit is taken only when both models read it
alike and confidently; one doubtful cell leaves the whole value unread (a person
then reads the crop), never guessed. A NIK read this way must also be a well-formed
NIK (``formgen.domain.nik``) and agree with the birth date and sex read on the page
(:func:`cross_check_nik`).
"""
from __future__ import annotations

import datetime as dt
import re

import cv2
import numpy as np

from formgen.domain.nik import check_nik
from ocr import tesseract
from ocr.findings import Finding
from ocr.marks import ink_mask, remove_speckle

DIGITS = "0123456789"
MODELS = ("eng", "ind")
MIN_DIGIT_CONFIDENCE = 0.80   # each model's confidence in a cell's digit
CELL_MARGIN = 0.12            # share of the cell width cut off each side (the ticks)
CELL_INSET = 0.08             # share of the box height cut off top and bottom (the border)
GLYPH_PX = 40                 # the digit's height as Tesseract is given it
MIN_INK = 0.015               # share of a cell's pixels that make a written digit
HANDWRITTEN = "handwritten"   # ink, but no certain reading: a person reads the crop
WRITTEN = "written"           # written by hand and read with certainty


def read_comb_digits(crop: np.ndarray, cells: int) -> tuple[str | None, float]:
    """(digits, confidence) of a comb box whose every cell holds a handwritten digit read
    with certainty; (None, 0.0) otherwise."""
    grey = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    h, w = grey.shape
    top, bottom = round(h * CELL_INSET), h - round(h * CELL_INSET)
    digits, confidences = [], []
    for k in range(cells):
        x0 = round((k + CELL_MARGIN) * w / cells)
        x1 = round((k + 1 - CELL_MARGIN) * w / cells)
        glyph = _glyph(grey[top:bottom, x0:x1])
        if glyph is None:
            return None, 0.0
        read = _read_digit(glyph)
        if read is None:
            return None, 0.0
        digits.append(read[0])
        confidences.append(read[1])
    return "".join(digits), round(min(confidences), 3)


def _glyph(cell: np.ndarray) -> np.ndarray | None:
    """The cell's ink, centred on white paper at ``GLYPH_PX`` high; None for an empty cell."""
    if cell.size == 0:
        return None
    mask = remove_speckle(ink_mask(cell), max(4, cell.shape[0] // 12))
    if mask.mean() < MIN_INK:
        return None
    ys, xs = np.nonzero(mask)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    ink = cell[y0:y1, x0:x1].astype(np.float32)
    paper = float(np.percentile(cell, 90))
    ink = np.clip((ink - ink.min()) / max(paper - ink.min(), 1.0) * 255, 0, 255)
    ink[~mask[y0:y1, x0:x1] & (ink > 160)] = 255
    scale = GLYPH_PX / max(y1 - y0, 1)
    ink = cv2.resize(ink.astype(np.uint8), None, fx=scale, fy=scale,
                     interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    side = GLYPH_PX // 2
    return cv2.copyMakeBorder(ink, side, side, side, side, cv2.BORDER_CONSTANT, value=255)


def _read_digit(glyph: np.ndarray) -> tuple[str, float] | None:
    """The digit both models read alike and confidently, with the lower confidence."""
    seen = []
    for lang in MODELS:
        words = tesseract.ocr_data(glyph, psm=10, whitelist=DIGITS, lang=lang)
        text = "".join(w["text"] for w in words)
        if len(text) != 1 or not text.isdigit():
            return None
        confidence = min(w["conf"] for w in words) / 100
        if confidence < MIN_DIGIT_CONFIDENCE:
            return None
        seen.append((text, confidence))
    if len({text for text, _ in seen}) != 1:
        return None
    return seen[0][0], min(c for _, c in seen)


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
