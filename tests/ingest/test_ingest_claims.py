"""Returned blank packs: provisional applicants identified from a KTP read or by a person."""
from __future__ import annotations

import json

import pytest

from formgen.core import db
from formgen.core.errors import InputError
from formgen.ingest.claims import provisional_applicants, resolve_provisional_applicants
from formgen.ingest.context import pack_printed_blank, workspace_context
from formgen.ingest.review import identify_applicant
from scansim.people import make_people

PEOPLE = make_people(3, seed=77)


def add_roster(ws, person) -> int:
    now = db.now()
    return ws.conn.execute("INSERT INTO applicants(nik, nama, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?)", (person["nik"], person["nama"], now,
                                                   now)).lastrowid


def blank_pack(ws, number: int) -> int:
    """A blank pack as printed, then claimed by a scan of its sampul; returns the applicant."""
    conn = ws.conn
    conn.execute("INSERT INTO packs(id, number, paper, created_at) VALUES (?, ?, 'A4', ?)",
                 (number, f"P{number:06d}", db.now()))
    ctx = workspace_context(conn, ws.settings.workspace_id)
    pack = ctx.find_pack(number)
    assert pack.applicant_id is None and pack.printed_blank
    return ctx.claim_blank_pack(number)


def add_ktp_page(ws, applicant: int, person: dict, *, index: int, nik: str | None = None,
                 matches_card: bool = True, confidence: float = 0.8) -> int:
    conn = ws.conn
    sha = f"{applicant:02d}".ljust(64, "a")
    conn.execute("INSERT OR IGNORE INTO files(sha256, original_name, stored_path, status, "
                 "created_at) VALUES (?, 'scan.pdf', 'x', 'ingested', ?)", (sha, db.now()))
    page = conn.execute("INSERT INTO pages(sha256, idx, applicant_id, doc, created_at) "
                        "VALUES (?, ?, ?, 'ktp', ?)", (sha, index, applicant, db.now())).lastrowid
    values = {"nik": nik or person["nik"], "nama": person["nama"].upper(), "nik_valid": True,
              "nik_matches_card": matches_card, "jenis_kelamin": person["jenis_kelamin"]}
    for name, value in values.items():
        conn.execute("INSERT INTO findings(page_id, kind, name, value, confidence) "
                     "VALUES (?, 'ktp', ?, ?, ?)", (page, name, json.dumps(value), confidence))
    return page


def applicant(ws, applicant_id):
    return ws.conn.execute("SELECT * FROM applicants WHERE id = ?", (applicant_id,)).fetchone()


def test_ktp_read_makes_a_new_applicant(workspace):
    prov = blank_pack(workspace, 1)
    add_ktp_page(workspace, prov, PEOPLE[0], index=0)
    resolve_provisional_applicants(workspace.conn)
    row = applicant(workspace, prov)
    assert (row["nik"], row["provisional"]) == (PEOPLE[0]["nik"], 0)
    assert row["nama"] == PEOPLE[0]["nama"].upper()
    assert provisional_applicants(workspace.conn) == []
    # the pack stays known as printed blank after its claim
    assert pack_printed_blank(workspace.conn, 1)


def test_ktp_read_joins_the_roster_entry_with_that_nik(workspace):
    roster = add_roster(workspace, PEOPLE[1])
    prov = blank_pack(workspace, 1)
    page = add_ktp_page(workspace, prov, PEOPLE[1], index=0)
    resolve_provisional_applicants(workspace.conn)
    assert applicant(workspace, prov) is None
    conn = workspace.conn
    assert conn.execute("SELECT applicant_id FROM pages WHERE id = ?", (page,)).fetchone()[0] \
        == roster
    assert conn.execute("SELECT applicant_id FROM packs WHERE id = 1").fetchone()[0] == roster
    assert conn.execute("SELECT count(*) FROM applicants WHERE nik = ?",
                        (PEOPLE[1]["nik"],)).fetchone()[0] == 1
    ok = conn.execute("SELECT ok FROM findings WHERE page_id = ? AND name = 'nik'",
                      (page,)).fetchone()[0]
    assert ok == 1  # compared with the roster entry it joined


@pytest.mark.parametrize("case", ["name_differs", "nik_not_on_card", "two_ktps", "unsure"])
def test_doubtful_ktp_reading_leaves_the_applicant_provisional(workspace, case):
    prov = blank_pack(workspace, 1)
    if case == "name_differs":  # the roster holds this NIK under another name
        add_roster(workspace, {**PEOPLE[2], "nama": "Nama Lain Sekali"})
        add_ktp_page(workspace, prov, PEOPLE[2], index=0)
    elif case == "nik_not_on_card":
        add_ktp_page(workspace, prov, PEOPLE[0], index=0, matches_card=False)
    elif case == "two_ktps":
        add_ktp_page(workspace, prov, PEOPLE[0], index=0)
        add_ktp_page(workspace, prov, PEOPLE[1], index=1)
    else:
        add_ktp_page(workspace, prov, PEOPLE[0], index=0, confidence=0.3)
    resolve_provisional_applicants(workspace.conn)
    row = applicant(workspace, prov)
    assert (row["nik"], row["provisional"]) == (None, 1)
    assert [e["applicant"] for e in provisional_applicants(workspace.conn)] == [prov]
    assert provisional_applicants(workspace.conn)[0]["packs"] == ["P000001"]


def test_person_identifies_new_or_joins(workspace):
    roster = add_roster(workspace, PEOPLE[1])
    first, second = blank_pack(workspace, 1), blank_pack(workspace, 2)
    assert identify_applicant(workspace, first, PEOPLE[0]["nik"], nama="Budi") == first
    assert applicant(workspace, first)["nama"] == "Budi"
    assert identify_applicant(workspace, second, PEOPLE[1]["nik"]) == roster
    assert applicant(workspace, second) is None
    actions = [r["action"] for r in workspace.conn.execute("SELECT action FROM decisions")]
    assert actions == ["set_nik", "set_nik"]
    with pytest.raises(InputError) as bad:
        identify_applicant(workspace, roster, PEOPLE[2]["nik"])
    assert bad.value.code == "not_provisional"
    third = blank_pack(workspace, 3)
    with pytest.raises(InputError) as bad:
        identify_applicant(workspace, third, "62010112")
    assert bad.value.code == "bad_nik"
    # a NIK already given to the first blank pack: the third joins it, never a second record
    assert identify_applicant(workspace, third, PEOPLE[0]["nik"]) == first
