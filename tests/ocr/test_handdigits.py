"""Handwritten NIK digits in a comb box: read cell by cell only with certainty, never guessed,
and a written NIK kept only when it agrees with the birth date and sex on the page."""
from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from benchmarks import formboxes as F
from formgen.domain.nik import make_nik
from ocr.findings import Finding
from ocr.formpage import BORDER_INSET_MM, read_text_box
from ocr.geometry import Box
from ocr.handdigits import HANDWRITTEN, WRITTEN, cross_check_nik
from scansim.handwriting import hand_fonts, write_digits
from scansim.people import make_people

NIK_BOX = Box(name="nik", kind="text", rect=(0.0, 0.0, 122.0, 7.5), key="nik", charset="digits",
              comb=16)


def _page(nik_value, *, note=WRITTEN, birth="15-09-1970", sex="L"):
    return [Finding("field", "nik", nik_value, 0.9, note=note),
            Finding("field", "tanggal_lahir", birth, 0.9),
            Finding("checkbox", "jenis_kelamin_l", sex == "L", 0.9),
            Finding("checkbox", "jenis_kelamin_p", sex == "P", 0.9)]


def test_written_nik_agreeing_with_birth_date_and_sex_is_kept():
    nik = make_nik(birth=dt.date(1970, 9, 15), sex="L")
    kept = cross_check_nik(_page(nik))[0]
    assert (kept.value, kept.note) == (nik, WRITTEN)


@pytest.mark.parametrize("birth,sex", [("16-09-1970", "L"), ("15-09-1970", "P")])
def test_written_nik_disagreeing_goes_to_a_person(birth, sex):
    nik = make_nik(birth=dt.date(1970, 9, 15), sex="L")
    sent = cross_check_nik(_page(nik, birth=birth, sex=sex))[0]
    assert (sent.value, sent.note) == (None, HANDWRITTEN)


def test_malformed_written_nik_goes_to_a_person():
    sent = cross_check_nik(_page("6299990000000000"))[0]
    assert (sent.value, sent.note) == (None, HANDWRITTEN)


def test_typed_nik_is_left_alone():
    typed = _page("6201021509700037", note=None, birth="01-01-1999")
    assert cross_check_nik(typed) == typed


@pytest.mark.skipif(not hand_fonts(), reason="no handwriting typeface installed")
def test_handwritten_nik_boxes_never_give_a_wrong_value():
    rng, g = random.Random(7), np.random.default_rng(7)
    for i, person in enumerate(make_people(6, seed=7)):
        dpi = (200, 300)[i % 2]
        img = F.render_comb(122.0, 7.5, 16, dpi, shift=F.random_shift(g))
        write_digits(img, (0, 0, img.width, img.height), person["nik"], rng)
        inset = round(BORDER_INSET_MM * dpi / 25.4)
        crop = np.asarray(F.scan(img, g))[inset:-inset, inset:-inset]
        reading = read_text_box(crop, NIK_BOX, dpi)
        assert reading.text in (None, person["nik"]), reading
        if reading.text is None:
            assert reading.note == HANDWRITTEN  # the crop goes to a person


def test_typed_nik_in_a_comb_still_reads():
    g = np.random.default_rng(3)
    img = F.render_comb(122.0, 7.5, 16, 200, text="6201021509700037")
    inset = round(BORDER_INSET_MM * 200 / 25.4)
    crop = np.asarray(F.scan(img, g))[inset:-inset, inset:-inset]
    reading = read_text_box(crop, NIK_BOX, 200)
    assert (reading.text, reading.note) == ("6201021509700037", None), reading
