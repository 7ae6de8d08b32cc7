"""Read every box of a registered form page: typed values, checkboxes, signatures, materai."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from ocr.fields import FieldReading, read_field
from ocr.findings import Finding
from ocr.geometry import Box, PageGeometry
from ocr.handdigits import (
    HANDWRITTEN,
    WRITTEN,
    comb_value,
    cross_check_nik,
    read_comb_cells,
    typed_or_written,
)
from ocr.marks import ink_mask, read_checkbox, read_signature
from ocr.materai import read_materai
from ocr.register import Registered

# Box borders are printed lines: read inside them.
BORDER_INSET_MM = 0.6
# Comb cells: the printed tick between cells is cut away this far on each side.
COMB_TICK_MARGIN_MM = 0.9
COMB_GAP_MM = 0.6
COMB_BAND = (0.15, 0.6)   # rows (share of the box height) a typed character always crosses
# A photographed page on which this many typed values, and this share of its filled text
# boxes, could not be read surely is printed too soft to trust: its other typed readings
# are withheld too. Every typed value read wrong on phone photos (both models, both
# contrasts alike: Kurnai for Kumai, 11-06 for 11-05, Sipd for Sipil) stood on such a page.
SOFT_PAGE_UNSURE = 3
SOFT_PAGE_SHARE = 0.15


def read_form_boxes(registered: Registered, page: PageGeometry, *, is_color: bool,
                    dpi: int = 200) -> list[Finding]:
    findings: list[Finding] = []
    for box in page.boxes:
        if box.kind == "text":
            reading = read_text_box(registered.crop(box.rect, dpi=dpi,
                                                    inset_mm=BORDER_INSET_MM), box, dpi,
                                    strict=registered.photo)
            findings.append(Finding("field", box.name, reading.text, reading.confidence,
                                    note=reading.note))
        elif box.kind == "checkbox":
            ticked, confidence = read_checkbox(registered.crop(box.rect, dpi=dpi))
            findings.append(Finding("checkbox", box.name, ticked, confidence))
        elif box.kind == "signature":
            signed, confidence = read_signature(registered.crop(box.rect, dpi=dpi), dpi=dpi)
            findings.append(Finding("signature", box.name, signed, confidence))
        elif box.kind == "materai":
            present, kind, confidence = read_materai(
                registered.crop(box.rect, dpi=dpi, color=True), is_color_scan=is_color)
            findings.append(Finding("materai", box.name, present, confidence, note=kind))
    return cross_check_nik(_withheld_when_soft(findings) if registered.photo else findings)


def _withheld_when_soft(findings: list[Finding]) -> list[Finding]:
    """``findings`` with every typed value left to a person when the page's print is too
    soft to trust (``SOFT_PAGE_UNSURE``); digits written by hand are read cell by cell and
    stand."""
    filled = [f for f in findings if f.kind == "field" and f.note != "empty"]
    unsure = sum(f.value is None and f.note == HANDWRITTEN for f in filled)
    if unsure < SOFT_PAGE_UNSURE or unsure < SOFT_PAGE_SHARE * len(filled):
        return findings
    return [replace(f, value=None, note=HANDWRITTEN)
            if f.kind == "field" and f.value is not None and f.note is None else f
            for f in findings]


def read_text_box(crop: np.ndarray, box: Box, dpi: int, *, strict: bool = False) -> FieldReading:
    """A text box's value: typed, or digits written by hand into a comb's cells.

    ``strict``: every value confirmed by a second model (a photographed page)."""
    if box.comb:
        reading = read_field(compact_comb(crop, box.comb, dpi), charset=box.charset,
                             strict=strict)
        if box.charset != "digits":
            return reading
        if reading.text is not None and len(reading.text) != box.comb:
            # a comb of digits is filled cell for cell (a NIK): fewer or more is a misreading
            reading = FieldReading(None, reading.confidence, HANDWRITTEN)
        if reading.text is None and reading.note != HANDWRITTEN:
            return reading
        cells = read_comb_cells(crop, box.comb)
        if reading.text is not None:
            verdict = typed_or_written(crop, reading.text, cells)
            if verdict == "typed":
                return reading
            reading = FieldReading(None, reading.confidence, HANDWRITTEN)
            if verdict == "unsure":
                return reading
        digits, confidence = comb_value(cells)
        if digits is not None:
            return FieldReading(digits, confidence, WRITTEN)
        return reading
    # the lines of a value (wrapped or not) are told by its ink
    return read_field(crop, charset=box.charset, strict=strict)


def compact_comb(crop: np.ndarray, cells: int, dpi: int) -> np.ndarray:
    """The characters of a comb box set side by side, without the ticks between cells.

    Tesseract reads a line of widely spaced digits with ticks between them
    badly; each cell's ink, cut clear of the ticks and packed close, it reads well.
    """
    h, w = crop.shape[:2]
    px_mm = dpi / 25.4
    margin, gap = round(COMB_TICK_MARGIN_MM * px_mm), round(COMB_GAP_MM * px_mm)
    # A character crosses the middle of its cell; a tick stands on the bottom edge, and one
    # that a shifted crop leaves inside the cell must not widen the character's part.
    band = ink_mask(crop)[round(h * COMB_BAND[0]):round(h * COMB_BAND[1])]
    parts = []
    for k in range(cells):
        x0, x1 = round(k * w / cells) + margin, round((k + 1) * w / cells) - margin
        if x1 <= x0:
            continue
        columns = np.flatnonzero(band[:, x0:x1].any(axis=0))
        if columns.size:
            parts.append(crop[:, x0 + max(columns[0] - 2, 0):x0 + min(columns[-1] + 3, x1 - x0)])
    if not parts:
        return crop
    paper = np.full((h, gap), 255, dtype=crop.dtype)
    pieces = [paper]
    for part in parts:
        pieces += [part, paper]
    return np.hstack(pieces)
