"""Ingest gives the readers the workspace roster's names: a handwritten diploma name no
reading settles blind is matched against them and stored as so matched."""
from __future__ import annotations

import json

import pytest

from benchmarks.accuracy import ijazah_page
from formgen.core.workspace import init_workspace
from formgen.ingest.run import ingest_paths
from formgen.roster import import_roster
from ocr import roster_match
from scansim.people import make_people, write_roster_xlsx

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_scanned_handwritten_ijazah_name_is_matched_against_the_roster(tmp_path, jobs):
    people = make_people(19, seed=18)
    ws, _ = init_workspace(tmp_path / "ws", dpi=200)
    try:
        write_roster_xlsx(people, tmp_path / "roster.xlsx")
        import_roster(ws, tmp_path / "roster.xlsx")
        page, truth = ijazah_page("sd_tulis_tangan", 200, "colour", 1, people[6], 11)
        scan = tmp_path / "ijazah.jpg"
        page.save(scan, dpi=(200, 200), quality=92)
        ingest_paths(ws, [scan], jobs=jobs)
        row = ws.conn.execute("SELECT f.value, f.note, f.confidence FROM findings f "
                              "JOIN pages p ON p.id = f.page_id "
                              "WHERE f.kind = 'ijazah' AND f.name = 'nama'").fetchone()
    finally:
        ws.close()
    assert row is not None
    assert json.loads(row["value"]).upper() == truth["nama"].upper()
    assert row["note"] == roster_match.NOTE
    assert row["confidence"] < 0.6    # confirms its own applicant only
