"""A KTP handed in as an inkjet print of a WhatsApp photo: read as the held-out group 23
showed it was not."""
from __future__ import annotations

import pytest

from benchmarks import ktp_accuracy as K

GROUP_23 = ["aerial_wa_cetak", "gulim_stempel"]


@pytest.fixture(scope="module")
def people():
    return K.make_people(10, seed=11)


@pytest.mark.parametrize("n, name", [(4, "YUSUF AKBAR"), (46, "RUDI WIBOWO")])
def test_a_name_in_an_inkjet_prints_grain_is_read_softened(people, n, name):
    """Grey copies of the printed photo: the inkjet's dither grain broke the name's
    letters ('PNUSUFAKBAR', 'ZARUDIWBOW', left to a person); the card read again softened
    reads it surely, its NIK alike."""
    case = K.card_case(people[n // 8], n, 11, GROUP_23)
    assert (case["design"], case["colour"]) == ("aerial_wa_cetak", False)
    assert case["nik_right"] and case["read_nama"] == name and case["name"]


def test_a_diplomas_name_label_misread_in_the_grain_is_read_again():
    """An SLB diploma printed from a phone photo, faded grey copy at 200 dpi: its "nama"
    label read 'Tama.' (Tesseract 31), so only the cue above the NISN row was found and
    no name; the label read again by the line recognizer finds the holder's row."""
    from benchmarks import accuracy as A
    from ocr.attachments import read_attachment_page

    people = K.make_people(13, seed=18)
    page, truth = A.ijazah_page("slb_wa_cetak", 200, "faded", 0, people[2], 11)
    found = {f.name: f for f in read_attachment_page(page, dpi=200).findings}
    assert truth["nama"] == "TEGUH SUTRISNO"
    assert found["nama"].value == "TEGUH SUTRISNO" and found["nama"].confidence >= 0.6
