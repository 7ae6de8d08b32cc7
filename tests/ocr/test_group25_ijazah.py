"""A madrasah's diploma on a dark green security blank, copied in grey with a round stamp
over the holder's name: read as the held-out group 25 showed it was not."""
from __future__ import annotations


def _page(dpi: int, copy: str, index: int):
    from benchmarks import accuracy as A
    from scansim.people import make_people

    people = make_people(19, seed=18)
    person = people[(index * 6 + A.IJAZAH_COPIES.index(copy)) % len(people)]
    return A.ijazah_page("mts_cap_menimpa", dpi, copy, index, person, 11)


def _found(page, dpi: int, names=()) -> tuple[str, dict]:
    from ocr.attachments import read_attachment_page

    result = read_attachment_page(page, dpi=dpi, names=names)
    return result.doc, {f.name: f for f in result.findings}


def test_a_tinted_sheet_on_a_lighter_lid_is_read_as_a_diploma():
    """Grey copy at 200 dpi: the white lid around the sheet (and the corners a straightened
    page gains) was taken for its paper, so the dark tint was kept as print and nothing was
    read. The paper is now the sheet's own: the page is an ijazah, level and year read."""
    page, truth = _page(200, "grey", 1)
    doc, found = _found(page, 200)
    assert doc == "ijazah"
    assert found["jenjang"].value == truth["jenjang"] == "SMP"
    assert found["tahun"].value == truth["tahun"]


def test_a_faded_copy_of_a_tinted_sheet_is_no_pas_foto():
    """Faded grey copy at 200 dpi: print and tint 40 grey levels apart, no letter counted,
    and the diploma's photo made it a pas foto. Its text is now counted and read."""
    page, truth = _page(200, "faded", 0)
    doc, found = _found(page, 200)
    assert doc == "ijazah"
    assert found["jenjang"].value == truth["jenjang"]
    assert found["nama"].value in (None, truth["nama"])


def test_a_name_under_a_stamp_is_left_to_the_roster():
    """Grey copy at 300 dpi: the stamp's ring crosses the name, read surely as 'ANWAR
    HIDAVAT'. A name a stamp runs across is now taken only as the roster spells it: with
    the holder on the roster it is his, without him none is taken."""
    from scansim.people import make_people, roster_names, roster_without

    page, truth = _page(300, "grey", 1)
    names = roster_names(make_people(19, seed=18), 300, seed=11)
    _, found = _found(page, 300, names)
    assert found["nama"].value == truth["nama"] == "ANWAR HIDAYAT"
    _, found = _found(page, 300, roster_without(names, truth["nama"]))
    assert found["nama"].value is None
