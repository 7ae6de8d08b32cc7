"""A diploma handed in as an inkjet print of a WhatsApp photo: read as the held-out group
23 showed it was not; a card's name not read surely is not taken from a softened reading,
whose line is matched against the roster only."""
from __future__ import annotations

import pytest

from benchmarks import ktp_accuracy as K


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


@pytest.mark.parametrize("group, person, n", [(6, 6, 12), (8, 2, 4)])
def test_a_name_not_read_surely_is_not_taken_from_a_softened_reading(group, person, n):
    """Read again softened, these cards' names came out sure and wrong ('WAVIAN' for
    WAWAN on a halftone, 'ARSYAD' for IJAI ARSYAD under a hologram): only a NIK not read
    surely sends a card to be read softened, and no name is taken wrong."""
    case = K.card_case(K.make_people(10, seed=11)[person], n, 11, list(K.LATER[group]),
                       K.stream(group))
    assert (case["dpi"], case["colour"]) == (200, False)
    assert case["nik_right"] and not case["name_wrong"]


def test_a_grainy_cards_softened_name_line_spells_the_roster_name():
    """A grey copy of a card printed from a WhatsApp photo: the grain broke the name's
    letters ('AYN' for MAHYUNI), so neither its reading nor its line as the card was read
    spelled a roster name; the line of the card read again softened does. With the holder
    left off the roster, no name is taken."""
    from scansim.people import roster_names

    people = K.make_people(10, seed=11)
    roster = tuple(roster_names(people, 300, seed=11))
    case = K.card_case(people[3], 28, 11, ["aerial_wa_cetak", "gulim_stempel"],
                       roster=roster)
    assert (case["design"], case["dpi"], case["colour"]) == ("aerial_wa_cetak", 200, False)
    assert case["name"] and case["from_roster"]
    assert case["absent_checked"] and case["absent_taken"] is None
