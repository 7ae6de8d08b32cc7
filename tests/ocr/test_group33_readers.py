"""A KTP copied on a stencil duplicator; a private university's S1 diploma folded in four
and photographed: read as the held-out group 33 showed they were not."""
from __future__ import annotations

from ocr.ktp.labels import Line, _value_words

CARDS = ["tahoma_stensil", "rocknroll_semen"]


def _card(index: int, n: int, roster: bool = True) -> dict:
    from benchmarks import ktp_accuracy as K
    from scansim.people import roster_names, roster_niks

    people = K.make_people(10, seed=11)
    known = (tuple(roster_names(people, 300, seed=11)), tuple(roster_niks(people, 300, seed=11))) \
        if roster else ((), ())
    return K.card_case(people[index], n, 11, CARDS, roster=known[0], niks=known[1])


def _word(text: str, left: int, conf: float = 90.0) -> dict:
    return {"text": text, "conf": conf, "left": left, "top": 10, "width": 12 * len(text),
            "height": 30}


def test_a_stencil_copy_s_screened_letters_are_cut_at_the_block_s_own_split():
    """200 dpi colour: the duplicator printed the card's greys as a screen of fine dots,
    and its small letters blurred into a grey far paler than the NIK's solid digits and
    the burnt-in photo; cut from that ink, only two labels were left. Cut at the field
    block's own split, the labels place the birth date that vouches for the NIK, and
    the name is read, without the roster."""
    case = _card(0, 0, roster=False)
    assert case["design"] == "tahoma_stensil" and case["dpi"] == 200 and case["colour"]
    assert case["nik_right"] and case["birth"] and case["sex"]
    assert case["read_nama"] == "YUSUF AKBAR"


def test_specks_before_a_value_far_from_it_are_no_part_of_it():
    """A background's flowers read as '3' and 'ap' between the label and the colon column,
    each far from what follows: the value is what stands after them."""
    line = Line([_word("Nama", 38), _word("3", 118, 24.6), _word("ap", 179, 0.0),
                 _word("YUSUF", 273, 60.8), _word("AKBAR", 352, 40.0)])
    assert [w["text"] for w in _value_words(line, 1, None)] == ["YUSUF", "AKBAR"]


def test_a_short_word_close_before_the_rest_stays_part_of_the_value():
    line = Line([_word("Nama", 38), _word("AL", 118, 40.0), _word("FAJAR", 150, 90.0)])
    assert [w["text"] for w in _value_words(line, 1, None)] == ["AL", "FAJAR"]


def test_a_folded_sheet_read_flattened_keeps_what_the_page_read():
    """300 dpi grey: the diploma folded in four, photographed on a patterned cloth. Read
    as it lies, the page names its level and year but not its holder; the sheet cut out
    and flattened names its holder but loses its lower half's lines under the dark
    quarter. The flattened reading is taken, and its unread level and year are the
    page's."""
    from benchmarks import accuracy as A
    from ocr.attachments import read_attachment_page
    from scansim.people import make_people

    people = make_people(19, seed=18)
    person = people[(1 * 6 + A.IJAZAH_COPIES.index("grey")) % len(people)]
    page, truth = A.ijazah_page("sarjana_lipat_empat", 300, "grey", 1, person, 11)
    read = {f.name: f.value for f in read_attachment_page(page, dpi=300).findings}
    assert read["nama"] == truth["nama"] == "ANWAR HIDAYAT"
    assert read["jenjang"] == "S1" and read["tahun"] == truth["tahun"]
