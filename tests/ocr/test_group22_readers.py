"""A paper clip across the NIK, a card copied onto grey recycled paper, a name two letters
off the roster's: read as the held-out group 22 showed they were not."""
from __future__ import annotations

import numpy as np
import pytest

from benchmarks import ktp_accuracy as K
from formgen.domain.nik import region_by_names
from ocr.features import content_mask, grey_paper
from ocr.ktp.crossing import crossed_digits
from ocr.roster_match import letter_off
from scansim.people import roster_names

GROUP_22 = ["undotum_buram", "sawarabi_klip"]


@pytest.fixture(scope="module")
def people():
    return K.make_people(10, seed=11)


@pytest.mark.parametrize("n, read_as", [(3, "6201010701860329"), (9, "1201020902050030")])
def test_a_nik_a_clip_lies_across_is_left_to_a_person(people, n, read_as):
    """The clip's wire through a serial digit (0 read as 3), and through the first digit
    (6 read as 1, a region the header does not name): once both taken surely; now no NIK
    is taken and none wrongly."""
    case = K.card_case(people[n // 8], n, 11, GROUP_22,
                       roster=tuple(roster_names(people, 300, seed=11)))
    assert case["design"] == "sawarabi_klip" and case["doc"] == "ktp"
    assert not case["nik_wrong"]


@pytest.mark.parametrize("n", [26, 48])
def test_a_card_copied_onto_grey_recycled_paper_is_found_and_read(people, n):
    """On kertas buram the card's white lies lighter than the paper: the card is found
    (once the whole sheet counted as content, or the mottled paper did)."""
    case = K.card_case(people[n // 8], n, 11, GROUP_22,
                       roster=tuple(roster_names(people, 300, seed=11)))
    assert case["design"] == "undotum_buram" and case["doc"] == "ktp"
    assert case["name"] and not case["nik_wrong"]


def test_grey_paper_s_content_is_what_differs_from_it_either_way():
    rng = np.random.default_rng(1)
    page = np.clip(rng.normal(180, 4, (400, 300)), 0, 255).astype(np.uint8)
    page[:, :6] = 245                      # the scanner's white margin
    page[100:180, 60:190] = 228            # a card lighter than the paper
    page[130:140, 80:170] = 40             # its print
    assert grey_paper(page, 245.0) == pytest.approx(180, abs=3)
    mask = content_mask(np.dstack([page] * 3))
    assert mask[120, 100] and mask[135, 100] and not mask[300, 150]
    white = np.full((400, 300), 240, np.uint8)
    white[130:140, 80:170] = 40
    assert grey_paper(white, 240.0) is None


def test_a_line_reaching_beyond_the_digits_crosses_them():
    flat = np.full((150, 400), 245, np.uint8)
    for k in range(16):                    # sixteen digits of 12 x 30 pixels
        flat[60:90, 10 + 24 * k:22 + 24 * k] = 30
    assert crossed_digits(flat, slice(58, 92), slice(0, 400)) == set()
    flat[20:130, 250:253] = 20             # a wire from well above to well below
    assert crossed_digits(flat, slice(58, 92), slice(0, 400)) == {10}
    flat[40:75, 300:303] = 20              # a mark reaching only above: no crossing
    assert crossed_digits(flat, slice(58, 92), slice(0, 400)) == {10}


def test_the_header_names_the_region_and_a_name_two_letters_off_is_doubted():
    assert region_by_names("KALIMANTAN TENGAII", "KOTAWARINGlN BARAT") == ("62", "01")
    assert region_by_names("KALIMANTAN", None) == (None, None)     # four provinces alike
    assert letter_off("UAI ARSYAD", ["IJAI ARSYAD"])
    assert not letter_off("BUDI", ["BADU"])      # two letters off a short name: another name
