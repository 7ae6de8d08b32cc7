"""A copier drum's streak down a KTP copy is lifted off the flattened card: a grey line by
dividing it out (the print under it stays print), a line as dark as print by filling it
in; a card without one, its photo and its print untouched; and a card copied through a
scratched drum is read as the same card without the line."""
from __future__ import annotations

import dataclasses
import random

import cv2
import numpy as np
import pytest

from ocr.ktp import read_ktp
from ocr.ktp.cards import CARD_MM, mm
from ocr.ktp.streaks import lift_streaks
from scansim.ktp import make_ktp_copy_page
from scansim.ktp_designs import DESIGNS
from scansim.people import make_people

ROWS = ("NAMA  : BUDI SANTOSO", "LAHIR : PANGKALAN BUN", "ALAMAT : JL. KASUARI 12",
        "AGAMA : ISLAM", "PEKERJAAN : WIRASWASTA", "STATUS : KAWIN", "WNI")


def _card() -> np.ndarray:
    """A flattened card: paper 250, a NIK band, rows of values, a dark photo at the right."""
    card = np.full((mm(CARD_MM[1]), mm(CARD_MM[0])), 250, np.uint8)
    cv2.putText(card, "6201022409000030", (mm(3), mm(10)), cv2.FONT_HERSHEY_SIMPLEX, 1.4, 20,
                4)
    for i, row in enumerate(ROWS):
        cv2.putText(card, row, (mm(3), mm(16 + 4.5 * i)), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 25,
                    2)
    card[mm(14):mm(44), mm(60):mm(82)] = 40
    return card


def _streak(card: np.ndarray, x_mm: float, keep: float, slant: float = 0.004) -> np.ndarray:
    """``card`` with a line 0.4 mm wide down it at ``x_mm`` (slightly slanted) letting
    ``keep`` of the light through: print under it darker still (toner adds up)."""
    h, w = card.shape
    out = card.astype(np.float32)
    for y in range(h):
        x = mm(x_mm) + slant * y
        out[y, int(x - mm(0.2)):int(x + mm(0.2)) + 1] *= keep
    return out.astype(np.uint8)


def test_a_card_without_a_streak_is_left_as_it_is():
    card = _card()
    assert lift_streaks(card) is card


@pytest.mark.parametrize("keep", [0.45, 0.08])
def test_a_streak_is_lifted_and_the_print_under_it_kept(keep):
    card = _card()
    streaked = _streak(card, 9.0, keep)
    lifted = lift_streaks(streaked)
    line = (streaked != card)
    paper = line & (card == 250)
    assert np.median(streaked[paper]) < 130
    assert np.median(lifted[paper]) > 215                  # the line is gone from the paper
    print_under = line & (card < 60)
    if keep > 0.3:                                          # a grey line: the print stays
        assert np.median(lifted[print_under]) < 80
    # nothing away from the line changed: the other print, the photo
    away = np.ones(card.shape, bool)
    away[:, mm(7.5):mm(11.5)] = False
    assert (lifted[away] == streaked[away]).all()


def test_a_photo_s_edge_and_a_column_of_letters_are_no_streak():
    card = _card()
    for i in range(7):   # a letter's stem at the same place on every row
        card[mm(13.5 + 4.5 * i):mm(16 + 4.5 * i), mm(30):mm(30.4)] = 20
    assert (lift_streaks(card) == card).all()


@pytest.fixture(scope="module")
def person():
    return make_people(1, seed=20261205)[0]


@pytest.mark.parametrize(("dpi", "colour"), [(300, False), (200, True)])
def test_a_card_copied_through_a_scratched_drum_reads_as_without_it(person, dpi, colour):
    """A tuned design's card with a drum's line through its NIK and the rows under it:
    the NIK and name read as on the same copy without the line, never another NIK."""
    design = dataclasses.replace(DESIGNS["dejavu_guilloche"], drum_streak=0.9)
    page, truth = make_ktp_copy_page(person, rng=random.Random(7), dpi=dpi, color=colour,
                                     design=design, scale=1.2, turn=1)
    reading = read_ktp(page, dpi=dpi)
    sure = reading.confident_values()
    assert sure.get("nik") == truth["nik"]
    assert sure.get("nama") in (None, truth["nama"])
