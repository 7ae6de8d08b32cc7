"""A holder's "bin" and father's name set on the form's next row: read as the held-out
group 20 showed they were not."""
from __future__ import annotations

import pytest

from benchmarks.accuracy import IJAZAH_COPIES, ijazah_page
from ocr.attachments import read_attachment_page
from ocr.ijazah_name import _patronymic
from scansim.people import make_people


def test_a_name_whose_father_s_name_goes_on_the_next_row_is_read_whole():
    """'Nama : TEGUH SUTRISNO' and, a form's row below with its label column empty,
    'BIN JAMALUDDIN': one name, not cut before "bin"."""
    people = make_people(13, seed=18)
    copy = "faded"
    person = people[IJAZAH_COPIES.index(copy) % len(people)]
    page, truth = ijazah_page("mts_bin_ketik", 200, copy, 0, person, 11)
    assert " BIN " in truth["nama"]
    read = {f.name: f.value for f in read_attachment_page(page, dpi=200).findings}
    assert read.get("nama") == truth["nama"]


@pytest.mark.parametrize("text, left, starts", [
    ("BIN", 100, True), ("BINTI", 104, True), ("BlN", 96, True), ("bt.", 100, True),
    ("BIN", 160, False),      # further right than the name begins: another column's word
    ("BINTANG", 100, False),  # a word that only begins so
    ("JAMALUDDIN", 100, False)])
def test_a_patronymic_row_begins_with_bin_where_the_name_begins(text, left, starts):
    words = [{"text": text, "left": left, "top": 0, "width": 40, "height": 20, "conf": 90}]
    assert _patronymic(words, 100, 20) is starts
