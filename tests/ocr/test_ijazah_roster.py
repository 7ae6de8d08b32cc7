"""A diploma whose way of naming its holder the reader does not know: the page's
name-like lines are matched against the roster, and the one roster name they spell is
taken; with the holder left off the roster, none is."""
from __future__ import annotations

import re

import pytest

import ocr.ijazah_name as name_finder
from benchmarks.accuracy import run_ijazah
from ocr.ijazah_roster import _value
from scansim.people import make_people, roster_names


def _w(text: str, left: float) -> dict:
    return {"text": text, "left": left, "top": 100, "width": 20 * len(text), "height": 20,
            "conf": 90, "block": 1, "par": 1, "line": 1}


def test_the_value_after_a_label_s_colon_is_what_may_be_a_name():
    from ocr.ijazah_words import Row

    row = Row([_w("Nama", 0), _w("Peserta", 100), _w("Ujian", 260), _w(":", 380),
               _w("HERU", 400), _w("SAPUTRO", 500)], 100, 120)
    assert [w["text"] for w in _value(row)] == ["HERU", "SAPUTRO"]
    alone = Row([_w("HERU", 400), _w("SAPUTRO", 500)], 100, 120)
    assert _value(alone) == alone.words


@pytest.mark.parametrize("design", ["sma_kusut", "d1_arsip"])
def test_a_name_introduced_in_a_way_not_known_is_found_by_the_roster(design, monkeypatch):
    """Group 14's diplomas as the reader first met them, their cues unknown ("Nama Peserta
    Ujian", "menetapkan bahwa"): no line is taken for the name, yet one of the page's
    lines spells the holder's roster name. 'Nama Peserta Ujian : HERU SAPUTRO' is now read
    blind all the same: its label's unknown words end at the colon."""
    monkeypatch.setattr(name_finder, "LABEL", re.compile(name_finder.LABEL.pattern.replace(
        r"peserta\s+(?:didik|ujian)", r"peserta\s+didik"), re.I))
    monkeypatch.setattr(name_finder, "CUE", re.compile(name_finder.CUE.pattern.replace(
        "menyatakan|menetapkan", "menyatakan"), re.I))
    people = make_people(9 * 6 + 1, seed=18)
    job = (design, 300, "colour", 0, people[0], 11)
    if design == "sma_kusut":
        blind = run_ijazah(job)
        assert blind["nama_exact"] and not blind["from_roster"]
        return
    assert run_ijazah(job)["nama"] is False                 # read blind: no name
    row = run_ijazah((*job, tuple(roster_names(people, 300, seed=11))))
    assert row["nama_exact"] and row["from_roster"]
    assert row["absent_checked"] and row["absent_taken"] is None


def test_a_parent_s_name_below_its_label_is_no_holder():
    """A madrasah's table sets the Arabic under each label, and a faded copy reads the
    parent's name as a row of its own under 'Nama Orang Tua/Wali'. That row is the
    parent's, not a name-like line of the holder's: the holder's short name unread, the
    page goes to a person and the parent, who is on the roster too, is not taken."""
    from ocr.ijazah_roster import _label_above
    from ocr.ijazah_words import Row

    rows = [Row([_w("Nama", 0), _w("Orang", 100), _w("Tua/Wali", 220)], 100, 120),
            Row([_w("Hasanah", 400)], 140, 160),
            Row([_w("3.", 0), _w("Nama", 40), _w("Ayah", 140), _w(":", 240),
                 _w("Hasanah", 400)], 180, 200),
            Row([_w("Nomor", 0), _w("Induk", 120)], 220, 240)]
    assert [_label_above(rows, k) for k in range(4)] == [False, True, False, False]
    people = make_people(2 * 6 + 1, seed=18)
    names = roster_names(people, 300, seed=11)
    row = run_ijazah(("madrasah_moire", 300, "faded", 1, people[1 * 6 + 2], 11, names))
    assert not row["nama_wrong"] and row["absent_taken"] is None
