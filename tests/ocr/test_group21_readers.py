"""A card copied with the copier's lid open, black all round it; a name printed by hand
in capitals; a cue's line joined to the next by a streak: read as the held-out group 21
showed they were not."""
from __future__ import annotations

import numpy as np
import pytest

from benchmarks import ktp_accuracy as K
from benchmarks.accuracy import IJAZAH_COPIES, ijazah_page
from ocr import roster_match
from ocr.attachments import read_attachment_page
from ocr.features import content_mask, lid_open_surround
from scansim.people import make_people, roster_names

GROUP_21 = ["nanum_lepuh", "quicksand_terbuka"]


@pytest.fixture(scope="module")
def people():
    return K.make_people(10, seed=11)


@pytest.mark.parametrize("n, dpi, colour", [(3, 300, True), (45, 200, False)])
def test_a_card_copied_with_the_lid_open_is_found_and_read(people, n, dpi, colour):
    """The page is black but for the card (and, on case 45, the light leaking in along
    one edge, which touches the card): the card is what lies light on the black, and
    its NIK and name are read."""
    case = K.card_case(people[n // 8], n, 11, GROUP_21,
                       roster=tuple(roster_names(people, 300, seed=11)))
    assert (case["design"], case["dpi"], case["colour"]) == ("quicksand_terbuka", dpi, colour)
    assert case["doc"] == "ktp"
    assert case["nik_right"] and case["name"] and not case["name_wrong"]


def test_a_card_laid_against_the_glass_s_rim_is_found_apart_from_it(people):
    """The default run's card of group 21 for person 2: it lies against the page's edge,
    where the glass's rim shows light; the rim is not taken for part of the card."""
    case = K.card_case(people[2], 5, 11, list(K.LATER[21]), K.stream(21),
                       roster=tuple(roster_names(people, 300, seed=11)))
    assert (case["design"], case["dpi"], case["colour"]) == ("quicksand_terbuka", 200, False)
    assert case["doc"] == "ktp" and case["nik_right"] and case["name"]


def test_on_a_black_page_the_sheets_lying_on_it_are_the_content():
    page = np.full((400, 300, 3), 12, np.uint8)
    page[100:200, 50:210] = 235                 # a card, its text dark on it
    page[140:150, 70:190] = 30
    page[:, 290:] = 120                          # light leaking in along the edge
    grey = page[:, :, 0]
    assert lid_open_surround(grey) == pytest.approx(12)
    mask = content_mask(page)
    assert mask[120, 100] and not mask[300, 100] and not mask[200, 295]
    white = np.full((400, 300, 3), 245, np.uint8)
    white[140:150, 70:190] = 30
    assert lid_open_surround(white[:, :, 0]) is None
    assert content_mask(white)[145, 100] and not content_mask(white)[300, 100]


def test_a_name_printed_by_hand_in_capitals_is_the_roster_s_or_a_person_s_to_read():
    """'TECUH SUTRISNO' (a ballpoint's G left open) was read at 0.99, with TEGUH SUTRISNO
    on the roster and without: capitals printed by hand are no print, so the line is
    matched against the roster (which it spells), and without one left to a person."""
    people = make_people(13, seed=18)
    copy = "faded"
    page, truth = ijazah_page("smp_tulis_tembus", 200, copy, 0,
                              people[IJAZAH_COPIES.index(copy) % len(people)], 11)
    assert truth["nama"] == "TEGUH SUTRISNO"
    roster = tuple(roster_names(people, 300, seed=11))
    name = next(f for f in read_attachment_page(page, dpi=200, names=roster).findings
                if f.name == "nama")
    assert name.value == truth["nama"] and name.note == roster_match.NOTE
    alone = next(f for f in read_attachment_page(page, dpi=200).findings if f.name == "nama")
    assert alone.value is None or alone.confidence < roster_match.CONFIDENCE


def test_a_word_boxed_tall_by_a_streak_does_not_join_two_lines():
    """'Kepala' crossed by a copier's streak was boxed 47 px tall (its line's words 14),
    reaching into the next line ('Sekolah Nasional ..., menerangkan bahwa :'): the two
    lines stay two rows."""
    from ocr.ijazah_words import rows_of

    def word(text, left, top, height, line):
        return {"text": text, "left": left, "top": top, "width": 40, "height": height,
                "conf": 95, "block": line, "par": 1, "line": 1}

    first = [word(t, 100 + 50 * k, 662, 14, 1)
             for k, t in enumerate(["Yang", "bertanda", "tangan", "di", "bawah", "ini"])]
    first.insert(3, word("Kepala", 250, 662, 47, 1))
    second = [word(t, 120 + 50 * k, 695, 14, 2)
              for k, t in enumerate(["Sekolah", "Nasional", "menerangkan", "bahwa"])]
    rows = rows_of(first + second)
    assert [r.text for r in rows] == ["Yang bertanda tangan Kepala di bawah ini",
                                      "Sekolah Nasional menerangkan bahwa"]
