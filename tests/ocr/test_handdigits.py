"""Handwritten NIK digits in a comb box: read cell by cell only with certainty, never guessed,
and a written NIK kept only when it agrees with the birth date and sex on the page."""
from __future__ import annotations

import datetime as dt
import random
import time

import cv2
import numpy as np
import pytest

from benchmarks import formboxes as F
from formgen.domain.nik import make_nik
from ocr import digitclass
from ocr.findings import Finding
from ocr.formpage import BORDER_INSET_MM, read_text_box
from ocr.geometry import Box
from ocr.handdigits import HANDWRITTEN, WRITTEN, cross_check_nik, read_cell, read_comb_cells
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


def _written_comb(digits: str, dpi: int, rng: random.Random, g: np.random.Generator,
                  **scan) -> np.ndarray:
    """The crop of a NIK comb box with ``digits`` written by hand, as a scan gives it."""
    img = F.render_comb(122.0, 7.5, 16, dpi, shift=F.random_shift(g))
    write_digits(img, (0, 0, img.width, img.height), digits, rng)
    inset = round(BORDER_INSET_MM * dpi / 25.4)
    return np.asarray(F.scan(img, g, **scan))[inset:-inset, inset:-inset]


@pytest.mark.skipif(not hand_fonts(), reason="no handwriting typeface installed")
def test_handwritten_nik_boxes_are_read_and_never_wrong():
    rng, g = random.Random(7), np.random.default_rng(7)
    read = 0
    for i, person in enumerate(make_people(6, seed=7)):
        dpi = (200, 300)[i % 2]
        reading = read_text_box(_written_comb(person["nik"], dpi, rng, g), NIK_BOX, dpi)
        assert reading.text in (None, person["nik"]), reading
        if reading.text is None:
            assert reading.note == HANDWRITTEN  # the crop goes to a person
        else:
            assert reading.note == WRITTEN and reading.confidence >= 0.6, reading
            read += 1
    assert read >= 3, f"only {read} of 6 handwritten NIKs read"


@pytest.mark.skipif(not hand_fonts(), reason="no handwriting typeface installed")
def test_handwritten_nik_is_read_cell_by_cell_and_kept_by_its_checks():
    rng, g = random.Random(11), np.random.default_rng(11)
    person = make_people(1, seed=11)[0]
    crop = _written_comb(person["nik"], 300, rng, g)
    reading = read_text_box(crop, NIK_BOX, 300)
    assert (reading.text, reading.note) == (person["nik"], WRITTEN), reading
    page = [reading.finding("nik"),
            Finding("field", "tanggal_lahir", f"{person['tanggal_lahir']:%d-%m-%Y}", 0.9),
            Finding("checkbox", "jenis_kelamin_l", person["jenis_kelamin"] == "L", 0.9),
            Finding("checkbox", "jenis_kelamin_p", person["jenis_kelamin"] == "P", 0.9)]
    assert cross_check_nik(page)[0].value == person["nik"]


@pytest.mark.skipif(not hand_fonts(), reason="no handwriting typeface installed")
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_doubtful_cell_leaves_the_whole_nik_to_a_person(seed):
    """A cross where a serial digit belongs: that cell is not read, nor is the NIK."""
    rng, g = random.Random(seed), np.random.default_rng(seed)
    crop = _written_comb("620102150970X037", 200, rng, g)
    cells = read_comb_cells(crop, 16)
    assert cells[12].digit is None and cells[12].inked
    assert sum(c.digit is not None for c in cells) >= 12  # the others mostly read
    assert all(c.digit in (None, d) for c, d in zip(cells, "620102150970X037", strict=True))
    reading = read_text_box(crop, NIK_BOX, 200)
    assert (reading.text, reading.note) == (None, HANDWRITTEN), reading


def test_empty_comb_cells_are_not_inked():
    img = F.render_comb(122.0, 7.5, 16, 200)
    inset = round(BORDER_INSET_MM * 200 / 25.4)
    crop = np.asarray(F.scan(img, np.random.default_rng(1)))[inset:-inset, inset:-inset]
    assert [c.inked for c in read_comb_cells(crop, 16)] == [False] * 16


def test_digits_of_the_training_sheet_read_back_from_a_scanned_cell():
    """Real handwritten digits, enlarged and printed dark on paper as a cell of a scan,
    come back as themselves: the cell and the training digits are treated alike."""
    started = time.process_time()
    digits, labels = digitclass.training_digits()
    digitclass.classify(digits[0].astype(np.float32))
    assert time.process_time() - started < 3.0  # trained once, quickly
    g = np.random.default_rng(5)
    read = 0
    for index in range(37, 5000, 250):  # two of each digit
        ink = cv2.resize(digits[index], None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)
        paper = np.clip(235 - ink.astype(np.float32) * 0.8 + g.normal(0, 4, ink.shape), 0, 255)
        cell = cv2.copyMakeBorder(paper.astype(np.uint8), 10, 10, 6, 6, cv2.BORDER_CONSTANT,
                                  value=235)
        reading = read_cell(cell)
        assert reading.digit in (None, str(labels[index])), (index, reading)
        read += reading.digit is not None
    assert read >= 17


def _typed_comb(typed: str, dpi: int, g: np.random.Generator) -> np.ndarray:
    """The crop of a NIK comb box with ``typed`` printed in it, as a scan gives it."""
    img = F.render_comb(122.0, 7.5, 16, dpi, text=typed)
    inset = round(BORDER_INSET_MM * dpi / 25.4)
    return np.asarray(F.scan(img, g))[inset:-inset, inset:-inset]


def test_typed_nik_in_a_comb_still_reads():
    crop = _typed_comb("6201021509700037", 200, np.random.default_rng(3))
    reading = read_text_box(crop, NIK_BOX, 200)
    assert (reading.text, reading.note) == ("6201021509700037", None), reading


def test_a_printed_digit_the_pen_classifier_misreads_does_not_undo_the_typed_nik():
    """On a soft phone photo the classifier, which learnt pens, reads a printed 1 (its flag
    and foot) as a 9: both Tesseract models read the cell's print as the typed 1, so the
    typed NIK stands. A cell whose print is another digit than the typed line's is the
    line's misreading: the comb is print, so a person reads it."""
    from ocr.handdigits import CellReading, typed_or_written

    typed = "6201021509700037"
    crop = _typed_comb(typed, 200, np.random.default_rng(3))
    cells = [CellReading(d, 0.9) for d in typed]
    assert typed_or_written(crop, typed, cells) == "typed"
    cells[3] = CellReading("9", 0.9)          # the printed 1 read as a 9 by the classifier
    assert typed_or_written(crop, typed, cells) == "typed"
    misread = typed[:15] + "1"                # the line misread: the last cell prints a 7
    assert typed_or_written(crop, misread, cells[:15] + [CellReading("7", 0.9)]) == "unsure"


@pytest.mark.skipif(not hand_fonts(), reason="no handwriting typeface installed")
def test_a_cell_one_model_alone_reads_as_typed_is_print_in_a_typed_comb(monkeypatch):
    """Digits on one baseline at one height are print: a cell the classifier misreads and
    only one Tesseract model reads as the typed digit (the other saw a 4 in a soft 1) does
    not send a typed NIK to a person; in a comb written by hand it does."""
    from ocr import handdigits
    from ocr.handdigits import CellReading, typed_or_written

    typed = "6201021509700037"
    crop = _typed_comb(typed, 200, np.random.default_rng(3))
    cells = [CellReading(d, 0.9) for d in typed]
    cells[3] = CellReading("9", 0.9)
    monkeypatch.setattr(handdigits, "_tesseract_reads", lambda ink: ["4", "1"])
    assert typed_or_written(crop, typed, cells) == "typed"
    rng = random.Random(5)
    written = _written_comb(typed, 200, rng, np.random.default_rng(5))
    assert typed_or_written(written, typed, cells) == "unsure"


@pytest.mark.skipif(not hand_fonts(), reason="no handwriting typeface installed")
def test_digits_written_by_hand_are_not_taken_for_print():
    from ocr.handdigits import _cells, _set_in_type

    rng, g = random.Random(9), np.random.default_rng(9)
    for i, person in enumerate(make_people(8, seed=9)):
        crop = _written_comb(person["nik"], (200, 300)[i % 2], rng, g)
        grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY) if crop.ndim == 3 else crop
        assert not _set_in_type(_cells(grey, 16)), person["nik"]
    crop = _typed_comb(make_people(1, seed=2)[0]["nik"], 300, g)
    assert _set_in_type(_cells(crop, 16))
