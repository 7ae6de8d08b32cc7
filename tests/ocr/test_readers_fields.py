"""Zonal OCR of typed values in form boxes, compared with roster values."""
from __future__ import annotations

import numpy as np
import pytest

from benchmarks import formboxes as F
from ocr import tesseract
from ocr.fields import normalise, read_field


@pytest.fixture
def g():
    return np.random.default_rng(11)


def _typed(g, value, dpi=200, w_mm=90):
    box = F.render_box(w_mm, 7, dpi, text=value, shift=F.random_shift(g))
    return np.asarray(F.scan(box, g))


@pytest.mark.parametrize("charset,value", [
    ("digits", "6201041608850029"),
    ("date", "16-08-1985"),
    ("alpha", "I GUSTI NGURAH RAI"),
    ("alpha", "NUR'AINI"),
    ("any", "Jl. Pangeran Antasari No. 17 RT 004"),
])
def test_typed_values_read_exactly(g, charset, value):
    reading = read_field(_typed(g, value), charset=charset, expected=value)
    assert reading.ok is True, reading
    assert reading.note is None and reading.confidence >= 0.7
    assert normalise(reading.text, charset) == normalise(value, charset)


@pytest.mark.parametrize("value", ["siti_rahma@yahoo.co.id", "rina.wulandari1990@gmail.com",
                                   "ahmad.f@pupr-kobar.go.id"])
def test_typed_email_read_to_the_letter(g, value):
    """Underscores and dots survive (a space where ``_`` was is no address)."""
    reading = read_field(_typed(g, value), charset="email", expected=value)
    assert (reading.text, reading.ok, reading.note) == (value, True, None), reading


def test_typed_value_at_300_dpi_and_case_insensitive_compare(g):
    reading = read_field(_typed(g, "SITI NURHALIZA", dpi=300), charset="alpha",
                         expected="Siti  Nurhaliza")
    assert reading.ok is True


def test_mismatch_with_roster(g):
    reading = read_field(_typed(g, "6201041608850029"), charset="digits",
                         expected="6201041608850030")
    assert reading.text == "6201041608850029" and reading.ok is False
    finding = reading.finding("nik")
    assert (finding.kind, finding.name, finding.ok) == ("field", "nik", False)


def test_date_compared_across_formats(g):
    reading = read_field(_typed(g, "03-01-2003"), charset="date", expected="2003-01-03")
    assert reading.ok is True


def test_empty_box(g):
    box = F.render_box(90, 7, 200)
    reading = read_field(np.asarray(F.scan(box, g, speckle=8)), charset="alpha",
                         expected="AHMAD")
    assert reading.note == "empty" and reading.text is None


def test_handwriting_is_not_guessed(g):
    for _ in range(3):
        box = F.draw_handwriting(F.render_box(90, 7, 200), g, 200)
        reading = read_field(np.asarray(F.scan(box, g)), charset="alpha", expected="AHMAD")
        assert reading.note == "handwritten" and reading.text is None and reading.ok is None


def test_unknown_charset_is_refused(g):
    with pytest.raises(ValueError):
        read_field(_typed(g, "1"), charset="roman")


def test_tesseract_probe_and_missing_language():
    version, languages = tesseract.probe()
    assert version.startswith(("4", "5")) and "ind" in languages
    with pytest.raises(tesseract.TesseractMissing, match="tesseract-ocr-zzz"):
        tesseract.ocr_text(np.full((20, 20), 255, np.uint8), psm=7, lang="zzz")


def test_digits_with_uneven_gaps_read_confidently(g):
    """Packed comb cells leave uneven gaps; a gap read as a space is dropped, not glued over
    (which left the right digits with no confidence)."""
    reading = read_field(_typed(g, "6 2 0   1012310770   023"), charset="digits",
                         expected="6201012310770023")
    assert (reading.text, reading.ok, reading.note) == ("6201012310770023", True, None)
    assert reading.confidence >= 0.7
