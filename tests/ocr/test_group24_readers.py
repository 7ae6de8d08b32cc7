"""A diploma photographed curling off the table: read as the held-out group 24 showed it
was not."""
from __future__ import annotations


def test_a_bowed_rows_top_in_the_gap_over_it_is_no_line_of_its_own():
    """An Islamic college's S1 diploma photographed as it curls, grey at 200 dpi: the
    name's row bows, so the gap between the cue ("... kepada") and the row Tesseract read
    as ANWAR HIDAYAT held the top of HIDAYAT, which the line recognizer read surely as a
    name of its own. Print cut by the gap's edge is now no line in the gap."""
    from benchmarks import accuracy as A
    from ocr.attachments import read_attachment_page
    from scansim.people import make_people

    people = make_people(13, seed=18)
    page, truth = A.ijazah_page("stai_gulung", 200, "grey", 1, people[7], 11)
    found = {f.name: f for f in read_attachment_page(page, dpi=200).findings}
    assert truth["nama"] == "ANWAR HIDAYAT"
    assert found["nama"].value == "ANWAR HIDAYAT" and found["nama"].confidence >= 0.6


def test_two_cards_the_other_side_shows_between_are_found_apart():
    """A card's front and back copied upright side by side on thin paper (300 dpi, grey):
    the other side's print showing through between them joined the two into one blob of
    a card's proportions at 1.6 times its size, and nothing was read. The blob is now
    looked at again with narrow marks cut off, and the front is read."""
    from benchmarks import ktp_accuracy as K
    from scansim.people import roster_names

    people = K.make_people(10, seed=11)
    case = K.card_case(people[79 // 8], 79, 11, ["ume_selotip", "dotum_tembus"],
                       roster=tuple(roster_names(people, 300, seed=11)))
    assert case["design"] == "dotum_tembus" and case["nik_right"] and case["name"]
