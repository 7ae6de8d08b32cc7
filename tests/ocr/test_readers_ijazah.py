"""The ijazah reader on rendered designs (scansim.ijazah), with real Tesseract.

Only the designs the reader was tuned on are drawn here; the held-out ones are measured
by benchmarks/accuracy.py alone.
"""
from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import ImageDraw

from ocr.attachments import read_attachment_page
from ocr.ijazah import read_ijazah
from ocr.ijazah_line import name_of
from ocr.ijazah_words import candidate
from ocr.names import letter_apart, maybe_split
from scansim import ijazah as IJ
from scansim.people import make_people

TUNED = [d.name for d in IJ.DESIGNS if not d.held_out]


@pytest.fixture(scope="module")
def people():
    return make_people(len(TUNED) + 2, seed=20261131)


def _page(person, design, *, seed, dpi=200, copy="grey", paper_mm=None):
    rng = random.Random(seed)
    page, truth = IJ.make_ijazah(person, rng=rng, dpi=dpi, design=design,
                                 color=copy == "colour", paper_mm=paper_mm)
    page = IJ.copy_quality(page, rng=rng, kind=copy)
    page.info["dpi"] = (dpi, dpi)
    return page, truth


def _values(findings):
    return {f.name: f.value for f in findings}


def test_every_tuned_design_read_by_its_words(people):
    """Each design read as ingest reads an attachment page: never a wrong value, and the
    name, level and year read on all but at most one design."""
    complete = 0
    for i, design in enumerate(TUNED):
        copy = ("grey", "colour", "faded")[i % 3]
        page, truth = _page(people[i], design, seed=40 + i, copy=copy)
        result = read_attachment_page(page, dpi=200)
        assert result.doc == "ijazah", design
        got = _values(result.findings)
        assert got["nama"] in (None, truth["nama"]), design
        assert got["jenjang"] in (None, truth["jenjang"]), design
        assert got["tahun"] in (None, truth["tahun"]), design
        assert got["color"] is (copy == "colour"), design
        complete += None not in (got["nama"], got["jenjang"], got["tahun"])
    assert complete >= len(TUNED) - 1


def test_label_layout_school_and_number(people):
    page, truth = _page(people[0], "kesetaraan", seed=7, dpi=300, copy="colour")
    reading = read_ijazah(page)
    assert (reading.nama, reading.jenjang, reading.tahun) == \
        (truth["nama"], truth["jenjang"], truth["tahun"])
    assert reading.sekolah == truth["sekolah"]
    assert reading.nomor.replace(" ", "") == truth["nomor"].replace(" ", "")


def test_landscape_ijazah_scanned_sideways_is_turned_and_read(people):
    page, truth = _page(people[1], "kesetaraan", seed=8, paper_mm=(210, 297))
    assert truth["turned"]
    result = read_attachment_page(page, dpi=200)
    assert result.doc == "ijazah" and result.upright.rotation in (90, 270)
    got = _values(result.findings)
    assert (got["jenjang"], got["tahun"]) == (truth["jenjang"], truth["tahun"])


def test_a_name_that_cannot_be_read_is_left_for_a_person(people):
    """Ink smeared across the name: no name (review), never a guess; the rest still read."""
    page, truth = _page(people[2], "sekolah_klasik", seed=9, copy="colour")
    reading = read_ijazah(page)
    assert reading.nama == truth["nama"]
    rows = np.asarray(page.convert("L")) < 110
    # The name is the largest dark line under the title: find it by its letters and smear it.
    smeared = page.copy()
    d = ImageDraw.Draw(smeared)
    ys = [y for y in range(int(page.height * 0.36), int(page.height * 0.5)) if rows[y].sum()
          > page.width * 0.02]
    top, bottom = min(ys), max(ys)
    rng = random.Random(3)
    for _ in range(300):
        x = rng.uniform(page.width * 0.2, page.width * 0.8)
        y = rng.uniform(top, bottom)
        d.line([(x, y), (x + rng.uniform(-40, 40), y + rng.uniform(-30, 30))],
               fill=(60, 60, 70), width=5)
    smeared.info["dpi"] = (200, 200)
    blurred = read_ijazah(smeared)
    assert blurred.nama is None
    assert blurred.jenjang == truth["jenjang"] and blurred.tahun == truth["tahun"]
    assert [f for f in blurred.findings() if f.name == "nama"][0].note == "unreadable"


def test_findings_carry_every_value(people):
    page, truth = _page(people[3], "madrasah", seed=10, copy="colour")
    found = {f.name: f for f in read_ijazah(page).findings()}
    assert set(found) == {"jenjang", "nama", "tahun", "sekolah", "nomor", "color"}
    assert found["jenjang"].value == truth["jenjang"] and found["jenjang"].confidence >= 0.9


def test_ornate_landscape_page_on_dark_paper_is_read_through_its_seal(people):
    """A landscape diploma on dark tinted paper, in a dense guilloche frame, a large seal
    printed behind the holder's rows, copied in hard grey: all of it is read."""
    page, truth = _page(people[4], "sekolah_piagam", seed=12, copy="grey")
    result = read_attachment_page(page, dpi=200)
    assert result.doc == "ijazah"
    got = _values(result.findings)
    assert (got["nama"], got["jenjang"], got["tahun"]) == \
        (truth["nama"], truth["jenjang"], truth["tahun"])


def test_name_after_atas_nama_under_a_spaced_title(people):
    """'I J A Z A H' set apart, and the holder introduced by 'diberikan atas nama'."""
    page, truth = _page(people[5], "sekolah_renggang", seed=13, copy="colour")
    result = read_attachment_page(page, dpi=200)
    assert result.doc == "ijazah"
    got = _values(result.findings)
    assert (got["nama"], got["jenjang"]) == (truth["nama"], truth["jenjang"])


def _words(*pieces: tuple[str, float]) -> list[dict]:
    out, left = [], 500
    for text, conf in pieces:
        out.append({"text": text, "conf": conf, "left": left, "top": 100, "width": 30 * len(text),
                    "height": 40})
        left += 30 * len(text) + 15
    return out


def test_a_name_read_in_pieces_is_never_cut_short():
    """'NORHADI KU A I' (letters of the surname lost): not 'NORHADI', but unsure."""
    assert candidate(_words(("NORHADI", 90), ("KU", 97), ("A", 80), ("I", 93))) is None
    assert candidate(_words(("NORHADI", 90), ("KUSASI", 90), ("'", 40)))[0] == "NORHADI KUSASI"
    assert candidate(_words(("M.", 90), ("RIZKY", 95)))[0] == "M. RIZKY"
    glued = _words(("E", 90), ("NDANG", 95))
    glued[1]["left"] = glued[0]["left"] + glued[0]["width"] + 4     # read apart, yet touching
    assert candidate(glued)[0] == "ENDANG"
    assert candidate(_words(("i", 90), ("NDANG", 95), ("LESTARI", 95)))[0] == "NDANG LESTARI"


def test_short_pieces_of_a_name_are_checked_on_a_larger_reading():
    """A sure reading with a short piece ('AB DUL') is not taken without a second look;
    with nothing to look at again it is left for a person, while 'SRI' and 'NUR' read
    alike twice are names."""
    assert maybe_split("AB DUL") and maybe_split("SRI WAHYUNI")
    assert letter_apart("ENDAN G LESTARI") and not letter_apart("M. RIZKY")
    assert not maybe_split("M. RIZKY PRATAMA") and not maybe_split("DAMBUNG NYAHU")
    assert name_of(_words(("AB", 90), ("DUL", 90)), None) is None
    assert name_of(_words(("ABDUL", 90), ("GANI", 90)), None)[0] == "ABDUL GANI"


def _row_words(line: int, top: int, *words: str) -> list[dict]:
    out, left = [], 100
    for text in words:
        out.append({"text": text, "conf": 93, "left": left, "top": top, "width": 18 * len(text),
                    "height": 30, "block": 1, "par": 1, "line": line})
        left += 18 * len(text) + 14
    return out


def test_a_cue_followed_by_its_translation_leaves_the_name_to_the_next_cue():
    """A bilingual diploma: "Memberikan ijazah kepada", "confers upon" under it, then the
    name; the row under the first cue is its translation, not the name."""
    from ocr.ijazah_name import find_name
    from ocr.ijazah_words import rows_of

    words = [*_row_words(1, 100, "Memberikan", "ijazah", "kepada"),
             *_row_words(2, 145, "confers", "upon"),
             *_row_words(3, 200, "RAHMAT", "HAKIM"),
             *_row_words(4, 260, "Tempat", "dan", "tanggal", "lahir", ":", "Kumai")]
    name, confidence, row = find_name(rows_of(words))
    assert (name, row) == ("RAHMAT HAKIM", 1) and confidence > 0.9
    # one cue and a translation with no name after it: nothing is guessed
    name, _, row = find_name(rows_of(words[:5]))
    assert name is None and row == 0


def test_a_line_between_cue_and_name_that_is_no_name_is_passed_over():
    """The cue's translation in small italics, not read with the page, stands in the gap
    between the cue and the name: the row after the gap is the name."""
    from ocr.ijazah_name import find_name
    from ocr.ijazah_words import rows_of

    words = [*_row_words(1, 100, "Memberikan", "ijazah", "kepada"),
             *_row_words(2, 200, "PRASETYO", "NUGROHO"),
             *_row_words(3, 250, "Tempat", "dan", "tanggal", "lahir", ":", "Kumai")]
    name, confidence, _ = find_name(rows_of(words))
    assert name == "PRASETYO NUGROHO" and confidence > 0.9
    far = [*_row_words(1, 100, "Memberikan", "ijazah", "kepada"),
           *_row_words(2, 400, "PRASETYO", "NUGROHO")]
    assert find_name(rows_of(far))[0] is None        # too far below to be the cue's name


def test_a_label_naming_the_holder_is_never_taken_for_the_name():
    """An old STTB's "Nama Pelajar : ......" whose typed name was not read: the label's own
    word is no name; "kepada saudara :" is a cue like "kepada", its name in Title Case."""
    from ocr.ijazah_name import find_name
    from ocr.ijazah_words import rows_of

    unread = [*_row_words(1, 100, "Nama", "Pelajar", ":", "............"),
              *_row_words(2, 150, "Tempat", "dan", "Tanggal", "Lahir", ":", "Kumai")]
    assert find_name(rows_of(unread))[0] is None
    typed = [*_row_words(1, 100, "Nama", "Pelajar", ":", "HERU", "SAPUTRO"),
             *_row_words(2, 150, "Tempat", "dan", "Tanggal", "Lahir", ":", "Kumai")]
    assert find_name(rows_of(typed))[0] == "HERU SAPUTRO"
    for word in ("Murid", "Santri", "Saudara"):
        assert candidate(_words((word.upper(), 95))) is None
    saudara = [*_row_words(1, 100, "telah", "memberikan", "ijazah", "kepada", "saudara", ":"),
               *_row_words(2, 150, "Arbain", "Rahman"),
               *_row_words(3, 200, "Tempat", "dan", "tanggal", "lahir", ":", "Kumai")]
    assert find_name(rows_of(saudara))[0] == "ARBAIN RAHMAN"
