"""A KTP's print kept apart from the fine lines of its security background at 200 dpi,
and from strong coloured backgrounds and lamination glare."""
from __future__ import annotations

import dataclasses
import random

import cv2
import numpy as np
import pytest

from ocr.ktp.cards import PX_PER_MM, mm
from ocr.ktp.clean import clean_card, drop_lines, without_outline
from ocr.ktp.colour import strong_share
from ocr.ktp.glyphs import glyph_spans, read_glyphs
from ocr.ktp.nikread import fit_band
from scansim.ktp import make_ktp
from scansim.ktp_designs import DESIGNS
from scansim.people import make_people

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


def _card(design: str, *, glare: float = 0.0, color: bool = True) -> np.ndarray:
    """A card of ``design`` at the cut-out card's resolution (PX_PER_MM)."""
    des = dataclasses.replace(DESIGNS[design], glare=glare)
    person = make_people(2, seed=5)[1]
    card, _ = make_ktp(person, rng=random.Random(0), dpi=PX_PER_MM * 25.4, design=des,
                       color=color)
    return np.asarray(card.convert("RGB"))


def test_how_strongly_a_card_is_coloured():
    assert strong_share(_card("magenta_teal")) == 1.0
    assert strong_share(_card("forest_amber")) == 1.0
    assert strong_share(_card("dejavu_guilloche")) == 0.0
    assert strong_share(_card("forest_amber", color=False)) == 0.0


@pytest.mark.parametrize("design", ["magenta_teal", "forest_amber"])
def test_print_under_a_glare_patch_is_kept(design):
    """The glare veils print and background alike: lifted off both, most of the print
    under it stays print, and little else turns to print."""
    plain, glared = _card(design), _card(design, glare=1.0)
    washed = np.abs(glared.astype(int) - plain.astype(int)).max(axis=2) > 40
    washed[:, mm(60.0):] = False                  # the field block only, not the photo
    ink = clean_card(plain, mm(62.0))[1] == 0
    kept = clean_card(glared, mm(62.0))[1] == 0
    assert (ink & washed).sum() > 500             # the patch lies over some print
    assert (kept & ink & washed).sum() >= 0.5 * (ink & washed).sum()   # without: 6-14 %
    assert (kept & ~ink).sum() <= 0.1 * ink.sum()


@pytest.mark.parametrize("design", ["carlito_rosette", "bookman_sunburst"])
def test_a_dark_coloured_ink_is_kept_whole_as_on_a_grey_copy(design):
    """A dark blue ink is bright in its blue channel: cut by the brightest channel, the
    NIK of a colour copy kept 9 % of the print its grey copy keeps."""
    band = (slice(mm(7.0), mm(13.5)), slice(mm(20.0), mm(60.0)))
    colour = clean_card(_card(design), mm(60.0))[1][band] == 0
    grey = clean_card(_card(design, color=False), mm(60.0))[1][band] == 0
    assert (colour & grey).sum() >= 0.95 * grey.sum()
    assert (colour & ~grey).sum() <= 0.02 * grey.sum()


def test_the_card_s_outline_along_its_edge_can_be_dropped():
    """A dark copy prints the card's outline as a line three pixels wide down its whole
    side (Tesseract then reads the rows as a table's: '| NIP 5' for 'Nama SYAHRUL'); the
    print a little way in is kept."""
    card = np.full((mm(54.0), mm(85.6)), 255, np.uint8)
    for y in range(0, card.shape[0], mm(3.0)):            # the outline, left: pieces of
        card[y:y + mm(2.5), 1:4] = 0                      # letter size, a toner's breaks
    for x in range(0, card.shape[1], mm(3.0)):            # ... and top
        card[1:4, x:x + mm(2.5)] = 0
    cv2.putText(card, "NAMA", (mm(3.0), mm(12.0)), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 3)
    assert (drop_lines(card)[:, :mm(1.0)] == 0).sum() > 0   # pieces of letter size
    out = without_outline(drop_lines(card))
    assert (out[:, :mm(1.0)] == 0).sum() == 0 and (out[:mm(1.0)] == 0).sum() == 0
    assert (out[mm(8.0):mm(13.0), mm(3.0):mm(20.0)] == 0).sum() == \
        (card[mm(8.0):mm(13.0), mm(3.0):mm(20.0)] == 0).sum()
    assert without_outline(out) is out                    # none left: the print itself
