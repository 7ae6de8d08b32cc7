"""Ingest gives the readers the workspace roster's NIKs: a card's NIK its readings did not
settle (a card printed from a tiny photo: every digit a block of pixels, the birth line
unread) is matched against them and stored as so matched, with the date it carries."""
from __future__ import annotations

import json

import pytest

from benchmarks.ktp_accuracy import LATER, case_page, stream
from formgen.core.workspace import init_workspace
from formgen.ingest.run import ingest_paths
from formgen.roster import import_roster
from ocr import roster_match
from ocr.attachments import read_attachment_page
from scansim.people import make_people, write_roster_xlsx

pytestmark = pytest.mark.slow


def test_a_pixelated_card_s_nik_is_matched_against_the_roster(tmp_path):
    people = make_people(10, seed=11)
    page, truth, design, dpi, _ = case_page(people[0], 1, 11, list(LATER[25]), stream(25))
    assert design == "dustismo_piksel" and dpi == 200
    blind = {f.name: f for f in read_attachment_page(page, dpi=dpi).findings}
    assert blind["nik"].value is None or blind["nik"].confidence < 0.6   # not read surely
    ws, _ = init_workspace(tmp_path / "ws", dpi=200)
    try:
        write_roster_xlsx(people, tmp_path / "roster.xlsx")
        import_roster(ws, tmp_path / "roster.xlsx")
        scan = tmp_path / "ktp.png"
        page.save(scan, dpi=(dpi, dpi))
        ingest_paths(ws, [scan], jobs=1)
        rows = {r["name"]: r for r in ws.conn.execute(
            "SELECT f.name, f.value, f.note, f.confidence FROM findings f "
            "WHERE f.kind = 'ktp' AND f.name IN ('nik', 'tanggal_lahir')")}
    finally:
        ws.close()
    assert json.loads(rows["nik"]["value"]) == truth["nik"]
    assert rows["nik"]["note"] == roster_match.NOTE
    assert rows["nik"]["confidence"] < 0.6    # confirms its own applicant only
    assert json.loads(rows["tanggal_lahir"]["value"]) == truth["tanggal_lahir"]
