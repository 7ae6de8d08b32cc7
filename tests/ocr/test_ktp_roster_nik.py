"""A card's NIK its readings did not settle, matched against the roster's NIKs."""
from __future__ import annotations

import datetime as dt

from ocr import roster_match
from ocr.ktp.nikread import LINE, LINE_UNSURE, roster_nik
from ocr.ktp.reading import KtpReading

NIK = "6201020902050030"              # a man born 9 February 2005
TWIN = NIK[:12] + "0050"              # born the same day in the same district
OTHERS = ("6201011005800038", "6201066106970008")


def _readings(*made):
    return tuple(made)


def test_a_roster_nik_two_readers_spell_is_shown():
    made = _readings(("text", NIK), ("text", NIK[:12] + "0080"), (LINE, NIK),
                     ("glyph", "?2010209020?00?0"), ("text", "620102090200030"))
    assert roster_nik(made, (*OTHERS, NIK), None, None) == NIK
    assert roster_nik(made, (*OTHERS, NIK), None, "L") == NIK
    assert roster_nik(made, (*OTHERS, NIK), dt.date(2005, 2, 9), "L") == NIK


def test_one_reader_alone_or_one_reading_shows_no_roster_nik():
    # the same reader's renderings share its mistakes
    assert roster_nik(_readings(("text", NIK), ("text", NIK)), (NIK,), None, None) is None
    assert roster_nik(_readings(("text", NIK), (LINE, NIK[:15])), (NIK,), None, None) is None
    # the recognizer's sure and unsure readings are one reader
    assert roster_nik(_readings((LINE, NIK), (LINE_UNSURE, NIK)), (NIK,), None, None) is None


def test_a_reading_that_lost_only_the_first_digit_is_its_reader_s_support():
    """Tesseract reads a face's first digit as part of the label's colon: its fifteen
    digits are the second reader beside the line recognizer's sixteen."""
    made = _readings((LINE, NIK), (LINE_UNSURE, NIK), ("text", NIK[1:]), ("text", ""))
    assert roster_nik(made, (*OTHERS, NIK), None, None) == NIK
    # the last digit lost, or one digit otherwise: no support
    assert roster_nik(_readings((LINE, NIK), (LINE_UNSURE, NIK), ("text", NIK[:15])),
                      (NIK,), None, None) is None
    assert roster_nik(_readings((LINE, NIK), (LINE_UNSURE, NIK), ("text", TWIN[1:])),
                      (NIK,), None, None) is None
    # the holder off the roster: nothing
    assert roster_nik(made, OTHERS, None, None) is None


def test_the_holder_off_the_roster_takes_no_roster_nik():
    made = _readings(("text", NIK), (LINE, NIK), ("text", TWIN))
    assert roster_nik(made, OTHERS, None, None) is None
    # a twin's NIK read once, by one reader: not shown
    assert roster_nik(made, (*OTHERS, TWIN), None, None) is None


def test_rivals_shapes_and_the_card_s_lines_veto():
    both = _readings(("text", NIK), (LINE, NIK), ("text", TWIN), (LINE, TWIN))
    assert roster_nik(both, (NIK, TWIN), None, None) is None          # two roster NIKs shown
    rival = _readings(("text", NIK), (LINE, NIK), ("text", TWIN), ("text", TWIN))
    assert roster_nik(rival, (NIK,), None, None) is None               # read otherwise as often
    # a digit shape that names most digits and shows another serial digit
    shapes = _readings(("text", NIK), (LINE, NIK), ("glyph", TWIN[:15] + "?"))
    assert roster_nik(shapes, (NIK,), None, None) is None
    made = _readings(("text", NIK), (LINE, NIK))
    assert roster_nik(made, (NIK,), None, "P") is None                  # the card says a woman
    assert roster_nik(made, (NIK,), dt.date(2005, 2, 19), None) is None  # ... another day


def test_the_reading_takes_the_roster_nik_with_its_date_and_sex_noted_as_matched():
    reading = KtpReading(found=True, nik=NIK, nama="SYAHRUL", jenis_kelamin="L",
                         confidences={"nik": 0.4, "nama": 0.9, "jenis_kelamin": 0.85,
                                      "tanggal_lahir": 0.0},
                         nik_readings=_readings(("text", NIK), (LINE, NIK)))
    reading.match_roster(("SYAHRUL",), (*OTHERS, NIK))
    found = {f.name: f for f in reading.findings()}
    assert found["nik"].value == NIK and found["nik"].note == roster_match.NOTE
    assert found["tanggal_lahir"].value == "2005-02-09"
    assert found["tanggal_lahir"].note == roster_match.NOTE
    # the sex read surely on the card stays the card's
    assert found["jenis_kelamin"].value == "L" and found["jenis_kelamin"].note is None
    assert found["nama"].note is None

    unsure = KtpReading(found=True, nik=NIK, confidences={"nik": 0.4},
                        nik_readings=_readings(("text", NIK), (LINE, NIK)))
    unsure.match_roster((), OTHERS)
    assert {f.name: f.note for f in unsure.findings()}["nik"] is None


def test_a_nik_read_surely_is_not_matched():
    reading = KtpReading(found=True, nik=NIK, confidences={"nik": 0.95},
                         nik_readings=_readings(("text", TWIN), (LINE, TWIN)))
    reading.match_roster((), (TWIN,))
    assert reading.nik == NIK and not reading.from_roster
