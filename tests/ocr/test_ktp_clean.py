"""A KTP's print kept apart from the fine lines of its security background at 200 dpi."""
from __future__ import annotations

import cv2
import numpy as np

from ocr.ktp.cards import mm
from ocr.ktp.clean import drop_lines
from ocr.ktp.glyphs import glyph_spans, read_glyphs
from ocr.ktp.nikread import fit_band

NIK = "6201022409000030"


def _band(text: str = NIK) -> np.ndarray:
    """Bold digits set apart, as a card prints its NIK, at the cut-out card's resolution."""
    img = np.full((mm(7.0), mm(60.0)), 255, np.uint8)
    for i, digit in enumerate(text):
        cv2.putText(img, digit, (mm(2.0 + 3.0 * i), mm(5.0)), cv2.FONT_HERSHEY_SIMPLEX,
                    1.2, 0, 4)
    return img


def test_digits_a_fine_line_joins_are_kept_and_the_line_dropped():
    band = _band()
    alone = int((band == 0).sum())
    joined = band.copy()
    joined[mm(5.0) - 3:mm(5.0) - 1, :] = 0       # a line two pixels wide along the baseline
    kept = drop_lines(joined)
    assert (kept == 0).sum() >= 0.95 * alone      # not dropped as one wide component
    assert (kept[:, -mm(5.0):] == 0).sum() == 0   # the line beyond the digits is gone
    line_only = np.full_like(band, 255)
    line_only[mm(3.0):mm(3.0) + 2, :] = 0
    assert (drop_lines(line_only) == 0).sum() == 0


def test_a_light_streak_across_the_nik_cuts_neither_its_line_nor_its_glyphs():
    band = _band()
    ink_rows = np.flatnonzero((band == 0).any(axis=1))
    streaked = band.copy()
    near_top = ink_rows[0] + 5
    streaked[near_top:near_top + 2, :] = 255      # a copier's light streak
    boxes = glyph_spans(streaked)
    assert len(boxes) == len(NIK)
    assert all(y0 <= ink_rows[0] + 1 and y1 >= ink_rows[-1] for _, _, y0, y1 in boxes)
    page = np.full((mm(20.0), band.shape[1]), 255, np.uint8)
    page[mm(6.0):mm(6.0) + band.shape[0]] = streaked
    rows, _ = fit_band(page, slice(0, page.shape[0]), slice(0, page.shape[1]))
    assert rows.start <= mm(6.0) + ink_rows[0] and rows.stop >= mm(6.0) + ink_rows[-1]
    assert read_glyphs(band, glyph_spans(band)).count("?") < len(NIK)
