"""A KTP whose personal print faded in a wallet; a university diploma naming its holder in
a script face with the degree after the name, fed through a document feeder in black and
white: read as the held-out group 29 showed they were not."""
from __future__ import annotations


def _diploma(dpi: int, copy: str, index: int):
    from benchmarks import accuracy as A
    from scansim.people import make_people, roster_names

    people = make_people(19, seed=18)
    person = people[(index * 6 + A.IJAZAH_COPIES.index(copy)) % len(people)]
    page, truth = A.ijazah_page("universitas_pengumpan", dpi, copy, index, person, 11)
    return page, truth, roster_names(people, 300, seed=11)


def _name(page, dpi: int, names) -> str | None:
    from ocr.attachments import read_attachment_page

    found = {f.name: f for f in read_attachment_page(page, dpi=dpi, names=names).findings}
    return found["nama"].value


def test_a_script_name_with_its_degree_is_matched_against_the_roster():
    """300 dpi colour: 'HERU SAPUTRO, S.T.' in a script face under "menyatakan bahwa", the
    rule under it read as '—' and so taken for the gap's reading, the degree read with the
    name by the line recognizer. The gap's one line is now read by the recognizer, its
    degree left out, and the roster's name is taken; none without the holder."""
    from scansim.people import roster_without

    page, truth, names = _diploma(300, "colour", 0)
    assert truth["nama"] == "HERU SAPUTRO"
    assert _name(page, 300, names) == "HERU SAPUTRO"
    assert _name(page, 300, roster_without(names, truth["nama"])) is None


def test_a_cue_wrapped_before_its_bahwa_introduces_the_name():
    """300 dpi colour: "... dengan ini menyatakan" ends a row and "bahwa" begins the next;
    the name under it, 'SETIAWAN, S.T.', its S read as an 8 ('SETIAWAN,8.T.')."""
    page, truth, names = _diploma(300, "colour", 2)
    assert truth["nama"] == "SETIAWAN"
    assert _name(page, 300, names) == "SETIAWAN"


def test_a_card_whose_fields_faded_paler_than_its_nik_is_read():
    """300 dpi colour copy of a card whose personal print faded, its NIK's band kept
    darker: cut at the NIK's black, only the NIK and the name's rows read, so no birth
    date vouched for the NIK. The fields are now read again cut from their own ink."""
    from benchmarks import ktp_accuracy as K
    from scansim.people import roster_names

    people = K.make_people(10, seed=11)
    case = K.card_case(people[0], 2, 11, ["padauk_pudar", "gayathri_coretan"],
                       roster=tuple(roster_names(people, 300, seed=11)))
    assert case["design"] == "padauk_pudar"
    assert case["nik_right"] and case["birth"] and case["sex"] and case["name"]
