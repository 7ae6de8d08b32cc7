"""Cards copied on grey paper, under a fingertip, beside a coarse background; a holder's
"bin" and father's name set on the form's next row: read as the held-out group 20
showed they were not."""
from __future__ import annotations

import pytest

from benchmarks import ktp_accuracy as K
from benchmarks.accuracy import IJAZAH_COPIES, ijazah_page
from ocr.attachments import read_attachment_page
from ocr.ijazah_name import _patronymic
from scansim.people import make_people, roster_names

GROUP_20 = ["averia_hvs", "neohellenic_lipat"]


@pytest.fixture(scope="module")
def people():
    return K.make_people(10, seed=11)


def _case(people, person: int, n: int) -> dict:
    """Case ``n`` of the card benchmark's group 20 run, with its roster."""
    return K.card_case(people[person], n, 11, GROUP_20,
                       roster=tuple(roster_names(people, 300, seed=11)))


def test_a_card_whose_coarse_zigzags_a_wider_opening_eats_into_is_found(people):
    """A grey copy on coloured paper: the 2 mm opening finds the front, the 5 mm one
    (tried for the back, which a streak seemed to run off) cuts both into pieces; the
    front the first found is kept, its NIK and name (the roster's, past a background
    read as letters in one rendering only: 'ARSYAD VV V V') read."""
    case = _case(people, 2, 20)
    assert (case["design"], case["dpi"], case["colour"]) == ("averia_hvs", 200, False)
    assert case["nik_right"] and case["name"] and not case["name_wrong"]


@pytest.mark.parametrize("person, n", [(0, 3), (6, 49), (9, 79)])
def test_a_nik_whose_label_is_under_a_fingertip_is_read(people, person, n):
    """The fingertip over the card's corner hides "NIK"; its edge read 'Nispka' was taken
    for the label. The line of sixteen digits is the NIK's."""
    case = _case(people, person, n)
    assert case["design"] == "neohellenic_lipat"
    assert case["nik_right"] and not case["nik_wrong"]


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
