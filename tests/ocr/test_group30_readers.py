"""A KTP sent on by fax; a KTP photographed in an ID-card holder; an SPG diploma whose
particulars were written in with a pen: read as the held-out group 30 showed they were
not."""
from __future__ import annotations

CARDS = ["comic_faks", "dyslexic_kalung"]


def _card(index: int, n: int) -> dict:
    from benchmarks import ktp_accuracy as K
    from scansim.people import roster_names

    people = K.make_people(10, seed=11)
    return K.card_case(people[index], n, 11, CARDS,
                       roster=tuple(roster_names(people, 300, seed=11)))


def _diploma(dpi: int, copy: str, index: int):
    from benchmarks import accuracy as A
    from scansim.people import make_people, roster_names

    people = make_people(19, seed=18)
    person = people[(index * 6 + A.IJAZAH_COPIES.index(copy)) % len(people)]
    page, truth = A.ijazah_page("spg_luntur", dpi, copy, index, person, 11)
    return page, truth, roster_names(people, 300, seed=11)


def _read(page, dpi: int, names) -> dict:
    from ocr.attachments import read_attachment_page

    return {f.name: f.value for f in read_attachment_page(page, dpi=dpi, names=names).findings}


def test_a_faxed_card_whose_photo_came_out_black_is_no_pas_foto():
    """200 dpi grey: the fax made the card's photo a black block and its small print
    dots; nothing on the card read, and the photo lying on it had the page taken for a
    pas foto. A photo on a printed card found on the page is the card's own: a KTP whose
    owner a person confirms."""
    case = _card(6, 52)
    assert case["design"] == "comic_faks" and case["dpi"] == 200 and not case["colour"]
    assert case["doc"] == "ktp" and not case["nik_wrong"]


def test_a_name_read_without_its_first_word_is_not_taken():
    """300 dpi grey: IJAI ARSYAD's thin-stroked IJAI lost in the card's fan pattern, every
    reading agreed on 'ARSYAD'. A roster name but for a whole word is doubted."""
    case = _card(2, 23)
    assert case["design"] == "dyslexic_kalung" and case["truth_nama"] == "IJAI ARSYAD"
    assert case["read_nama"] in (None, "IJAI ARSYAD")


def test_a_pen_written_name_on_an_spg_diploma_is_matched_against_the_roster():
    """200 dpi colour: "Nama : SETIAWAN" written in with a fountain pen, the row missed by
    the page's reading and read again as 'Nam:' alone. The name is looked for right of
    the label and matched against the roster; the school's name gives the level."""
    from scansim.people import roster_without

    page, truth, names = _diploma(200, "colour", 2)
    assert truth["nama"] == "SETIAWAN"
    read = _read(page, 200, names)
    assert read["nama"] == "SETIAWAN" and read["jenjang"] == "SMA"
    assert _read(page, 200, roster_without(names, truth["nama"]))["nama"] is None


def test_a_shorter_roster_name_is_not_taken_for_a_pen_written_name():
    """200 dpi colour: 'HERU SAPUTRO' in a pen's hand, its holder off the roster; HERU (a
    roster name) fitted a roomy crop read 'HER UT' while the tight crop read surely
    'HERU SAPUTRO'. Not taken: the line shows more than it spells."""
    from scansim.people import roster_without

    page, truth, names = _diploma(200, "colour", 0)
    assert truth["nama"] == "HERU SAPUTRO"
    assert _read(page, 200, roster_without(names, truth["nama"]))["nama"] is None
