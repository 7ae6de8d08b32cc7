"""Ingest of simulated returned batches, checked page by page against the simulator's truth.

One workspace for the module (building it reads ~40 pages with real Tesseract):
two personal packs, two returned blank packs, and the bad cases of tests/support/ingest_batch.py.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from formgen.checks import check_applicants
from formgen.domain.doctypes import FORMS as FORM_DOCS
from formgen.ingest.archive import sha256_file
from formgen.ingest.run import ingest_paths
from tests.support.ingest_batch import build_bad_cases, build_batch, cli_json, page_row, run_cli

pytestmark = pytest.mark.slow

MAIN = ("main", "copy", "blank1", "blank2")
BAD = ("no_separator", "qr_damaged", "foreign", "blank_code_on_personal", "unknown_pack")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ingest_batch")
    b = build_batch(tmp)
    build_bad_cases(b, tmp)
    b.reports["main_list"] = ingest_paths(b.ws, [b.files[k] for k in MAIN], jobs=2).files
    b.reports["bad"] = ingest_paths(b.ws, [b.files[k] for k in BAD], jobs=2).files
    yield b
    b.ws.close()


def claimed_applicant(batch, pack: dict) -> int:
    return batch.ws.conn.execute("SELECT applicant_id FROM packs WHERE id = ?",
                                 (int(Path(pack["path"]).stem.lstrip("P")),)).fetchone()[0]


def truth_pages(batch):
    """(file path, truth page, expected applicant) for every page the simulator wrote."""
    out = []
    for t in batch.sim.truth:
        if t.duplicate_of is None:
            out.append((batch.files["main"], t, t.applicant))
    for sim, pack in zip(batch.blank_sims, batch.blank_packs, strict=True):
        for t in sim.truth:
            out.append((sim.files[0], t, claimed_applicant(batch, pack)))
    return out


def test_every_page_goes_to_its_applicant_or_to_review(batch):
    statuses = [f.status for f in batch.reports["main_list"]]
    assert statuses == ["ingested", "duplicate", "ingested", "ingested"]
    attributed = 0
    for path, truth, expected in truth_pages(batch):
        row = page_row(batch.ws, path, truth.index)
        assert row is not None, (path.name, truth.index)
        if row["applicant_id"] is None:
            assert row["review"], (path.name, truth.index, truth.doc)
        else:
            assert row["applicant_id"] == expected, (path.name, truth.index, truth.doc)
            assert row["review"] is None
            attributed += 1
        if truth.doc in FORM_DOCS:  # identified by its code, never by a guess
            assert row["doc"] == truth.doc
        if truth.review == "ktp_other_person":
            assert (row["applicant_id"], row["review"]) == (None, "ktp_nik_mismatch")
    assert attributed >= len(truth_pages(batch)) - 2
    # the page accounting of every file adds up
    for entry in [*batch.reports["main_list"], *batch.reports["bad"]]:
        if entry.status == "ingested":
            assert entry.attributed + entry.review + entry.blank == entry.pages


def test_upside_down_pages_and_blank_backs(batch):
    flipped = [t for t in batch.sim.truth if t.upside_down and t.duplicate_of is None]
    assert flipped, "the simulator was asked for upside-down pages"
    for t in flipped:
        row = page_row(batch.ws, batch.files["main"], t.index)
        assert row["rotation"] == 180
        if t.doc != "ktp":  # the KTP of another person waits in review
            assert row["applicant_id"] == t.applicant
    (back,) = [t for t in batch.sim.truth if t.doc == "blank" and t.duplicate_of is None]
    row = page_row(batch.ws, batch.files["main"], back.index)
    assert (row["doc"], row["applicant_id"], row["review"]) == ("blank", back.applicant, None)


def test_each_review_reason_is_reached(batch):
    ws = batch.ws
    reasons = {}
    for key in BAD:
        rows = ws.conn.execute("SELECT * FROM pages WHERE sha256 = ? ORDER BY idx",
                               (sha256_file(batch.files[key]),)).fetchall()
        reasons[key] = rows
    # attachments without their separator wait unless they show whose they are (a KTP by
    # its NIK, an ijazah or a pas foto sheet by its name); the forms in that file identify
    # themselves
    for row in reasons["no_separator"]:
        if row["qr_text"]:
            assert row["applicant_id"] == batch.ids[1] and row["review"] is None
        elif row["applicant_id"] is not None:
            assert (row["applicant_id"], row["review"]) == (batch.ids[1], None)
            assert row["doc"] in ("ktp", "ijazah", "pas_foto")
        else:
            assert row["review"] in ("no_separator", "blank_without_separator")
    assert any(r["review"] == "no_separator" for r in reasons["no_separator"])
    assert any(r["doc"] == "ktp" and r["applicant_id"] == batch.ids[1]
               for r in reasons["no_separator"])
    expected = {"qr_damaged": "qr_unreadable", "foreign": "foreign_workspace",
                "blank_code_on_personal": "qr_mismatch", "unknown_pack": "unknown_pack"}
    for key, reason in expected.items():
        (row,) = reasons[key]
        assert (row["applicant_id"], row["review"]) == (None, reason), key


def test_same_file_again_changes_nothing(batch):
    ws = batch.ws
    before = {
        "pages": ws.conn.execute("SELECT count(*) FROM pages").fetchone()[0],
        "findings": ws.conn.execute("SELECT count(*) FROM findings").fetchone()[0],
        "applicants": ws.conn.execute("SELECT count(*) FROM applicants").fetchone()[0],
        "ingests": ws.conn.execute("SELECT count(*) FROM audit WHERE action = 'ingest'"
                                   ).fetchone()[0],
    }
    report = cli_json(batch.root, "ingest", "--jobs", "2", batch.files["main"],
                      batch.files["copy"], batch.files["qr_damaged"])
    assert [f["status"] for f in report["files"]] == ["duplicate"] * 3
    assert [f["pages"] for f in report["files"]][:2] == [len(
        [t for t in batch.sim.truth if t.duplicate_of is None])] * 2
    after = {
        "pages": ws.conn.execute("SELECT count(*) FROM pages").fetchone()[0],
        "findings": ws.conn.execute("SELECT count(*) FROM findings").fetchone()[0],
        "applicants": ws.conn.execute("SELECT count(*) FROM applicants").fetchone()[0],
        "ingests": ws.conn.execute("SELECT count(*) FROM audit WHERE action = 'ingest'"
                                   ).fetchone()[0],
    }
    assert after == before


def test_pages_json_contract_and_filters(batch):
    pages = cli_json(batch.root, "pages")["pages"]
    assert len(pages) == batch.ws.conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    docs = {"sampul", "permohonan", "pengalaman_kerja", "pernyataan_kebenaran", "ktp",
            "ijazah", "pas_foto", "blank", "other"}
    for p in pages:
        assert {"sha256", "index", "applicant", "nik", "doc", "review", "signatures",
                "materai", "fields"} <= p.keys()
        assert (p["applicant"] is None) == (p["review"] is not None)
        assert p["doc"] in docs
        assert p["materai"] in (True, False, None)
        assert all(isinstance(v, bool) for v in p["signatures"].values())
        if p["applicant"] is not None and p["nik"] is not None:
            assert len(p["nik"]) == 16
    # a KTP's values as SPEC §7 names them; one not read with confidence is null
    ktp_pages = [p for p in pages if p["doc"] == "ktp"]
    assert ktp_pages
    for p in ktp_pages:
        sure = {f["name"]: f["value"] for f in p["findings"]
                if f["kind"] == "ktp" and f["confidence"] >= 0.6}
        for key in ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat"):
            assert p["fields"].get(key) == sure.get(key), (key, p["fields"])
        assert p["fields"].get("jenis_kelamin") in ("L", "P", None)
        born = p["fields"].get("tanggal_lahir")
        assert born is None or (len(born) == 10 and born[4] == born[7] == "-")
    own = [p for p in ktp_pages if p["nik"] is not None and p["fields"].get("nik")]
    assert own and all(p["fields"]["nik"] == p["nik"] for p in own)
    # a pas foto sheet's name under the photos, where one was read
    for p in (p for p in pages if p["doc"] == "pas_foto"):
        read = [f["value"] for f in p["findings"] if (f["kind"], f["name"]) == ("pas_foto", "nama")]
        assert p["fields"].get("nama") == (read[0] if read else None)
    first = batch.ids[0]
    mine = cli_json(batch.root, "pages", "--applicant", first)["pages"]
    assert mine and all(p["applicant"] == first for p in mine)
    assert len(mine) == sum(p["applicant"] == first for p in pages)
    by_nik = cli_json(batch.root, "pages", "--applicant", batch.people[0]["nik"])["pages"]
    assert [p["id"] for p in by_nik] == [p["id"] for p in mine]
    waiting = cli_json(batch.root, "pages", "--review")["pages"]
    assert waiting and all(p["review"] and not p["rejected"] for p in waiting)
    assert {p["id"] for p in waiting} == {p["id"] for p in pages if p["review"]
                                          and not p["rejected"]}
    unknown = run_cli(batch.root, "pages", "--applicant", "999999", "--json")
    assert unknown.exit_code != 0 and "999999" in unknown.stderr


def test_blank_pack_with_a_ktp_becomes_a_new_applicant(batch):
    conn = batch.ws.conn
    applicant = claimed_applicant(batch, batch.blank_packs[1])
    row = conn.execute("SELECT * FROM applicants WHERE id = ?", (applicant,)).fetchone()
    assert row["nik"] == batch.outsider["nik"] and row["provisional"] == 0
    assert row["nama"]
    assert conn.execute("SELECT count(*) FROM applicants WHERE nik = ?",
                        (batch.outsider["nik"],)).fetchone()[0] == 1
    assert applicant not in batch.ids


def test_blank_pack_identified_by_a_person_joins_the_roster(batch):
    conn = batch.ws.conn
    pack = batch.blank_packs[0]
    provisional = claimed_applicant(batch, pack)
    assert provisional not in batch.ids
    row = conn.execute("SELECT * FROM applicants WHERE id = ?", (provisional,)).fetchone()
    assert row["provisional"] == 1 and row["nik"] is None
    listed = cli_json(batch.root, "review")["provisional"]
    assert provisional in [e["applicant"] for e in listed]
    pages_before = conn.execute("SELECT count(*) FROM pages WHERE applicant_id = ?",
                                (provisional,)).fetchone()[0]
    assert pages_before == len(batch.blank_sims[0].truth)

    bad = run_cli(batch.root, "review", "identify", provisional, "--nik", "1234")
    assert bad.exit_code == 1 and "1234" in bad.stderr
    not_provisional = run_cli(batch.root, "review", "identify", batch.ids[0], "--nik",
                              batch.people[2]["nik"])
    assert not_provisional.exit_code == 1

    roster_third, nik = batch.ids[2], batch.people[2]["nik"]
    done = run_cli(batch.root, "review", "identify", provisional, "--nik", nik)
    assert done.exit_code == 0, done.output
    assert conn.execute("SELECT count(*) FROM applicants WHERE nik = ?", (nik,)).fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM applicants WHERE id = ?",
                        (provisional,)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM pages WHERE applicant_id = ?",
                        (roster_third,)).fetchone()[0] == pages_before
    assert claimed_applicant(batch, pack) == roster_third
    decision = conn.execute("SELECT * FROM decisions WHERE action = 'set_nik'").fetchone()
    assert decision["applicant_id"] == roster_third
    assert conn.execute("SELECT count(*) FROM audit WHERE action = 'review_set_nik'"
                        ).fetchone()[0] == 1
    assert cli_json(batch.root, "review")["provisional"] == []
    # the pack's pages read again later still go to the joined applicant
    verdicts = {a["applicant"]: a for a in check_applicants(batch.ws)}
    assert verdicts[roster_third]["requirements"]["permohonan"]["status"] != "missing"


def _verdict(batch, applicant: int) -> dict:
    return {a["applicant"]: a for a in cli_json(batch.root, "check")["applicants"]}[applicant]


def _counts(conn, action: str) -> tuple[int, int]:
    return (conn.execute("SELECT count(*) FROM decisions WHERE action = ?",
                         (action,)).fetchone()[0],
            conn.execute("SELECT count(*) FROM audit WHERE action = ?",
                         (f"review_{action}",)).fetchone()[0])


def test_review_cli_records_decisions_and_check_follows(batch):
    conn, root, first = batch.ws.conn, batch.root, batch.ids[0]
    queue = cli_json(root, "review")["pages"]
    assert queue
    for page in queue:
        assert page["thumbnail"] and Path(page["thumbnail"]).is_file()
        assert Path(page["thumbnail"]).parent == root / "review"
    text = run_cli(root, "review")
    assert text.exit_code == 0 and "KTP" in text.output and "[" not in text.output

    # assign: the KTP of another person, handed in with the first applicant
    (ktp,) = [p for p in queue if p["review"] == "ktp_nik_mismatch"]
    # while it waits, the applicant's KTP requirement waits for a person too
    assert _verdict(batch, first)["requirements"]["ktp"]["status"] == "review"
    assert run_cli(root, "review", "assign", ktp["id"], first).exit_code == 0
    assert _counts(conn, "assign") == (1, 1)
    # assigned, the other person's NIK makes the requirement invalid, not missing
    assert _verdict(batch, first)["requirements"]["ktp"]["status"] == "invalid"
    row = conn.execute("SELECT applicant_id, review FROM pages WHERE id = ?",
                       (ktp["id"],)).fetchone()
    assert tuple(row) == (first, None)
    nik_finding = conn.execute("SELECT expected, ok FROM findings WHERE page_id = ? AND "
                               "kind = 'ktp' AND name = 'nik'", (ktp["id"],)).fetchone()
    assert json.loads(nik_finding["expected"]) == batch.people[0]["nik"]
    assert nik_finding["ok"] == 0

    # reject: the first applicant's ijazah goes, and check says it is missing
    (ijazah,) = [p for p in cli_json(root, "pages", "--applicant", first)["pages"]
                 if p["doc"] == "ijazah"]
    assert _verdict(batch, first)["requirements"]["ijazah"]["status"] != "missing"
    assert run_cli(root, "review", "reject", ijazah["id"]).exit_code == 0
    assert _counts(conn, "reject") == (1, 1)
    assert _verdict(batch, first)["requirements"]["ijazah"]["status"] == "missing"
    (rejected,) = [p for p in cli_json(root, "pages")["pages"] if p["id"] == ijazah["id"]]
    assert (rejected["applicant"], rejected["review"], rejected["rejected"]) == (
        None, "rejected", True)
    assert ijazah["id"] not in [p["id"] for p in cli_json(root, "review")["pages"]]

    # type: a page waiting in review gets its document type from a person
    waiting = cli_json(root, "review")["pages"][0]
    assert run_cli(root, "review", "type", waiting["id"], "pas_foto").exit_code == 0
    assert _counts(conn, "set_type") == (1, 1)
    assert conn.execute("SELECT doc FROM pages WHERE id = ?",
                        (waiting["id"],)).fetchone()[0] == "pas_foto"
    assert run_cli(root, "review", "type", waiting["id"], "surat").exit_code == 2

    # finding: a person accepts a signature the reader did not see
    finding = conn.execute(
        "SELECT f.id FROM findings f JOIN pages p ON p.id = f.page_id WHERE p.applicant_id = ? "
        "AND f.kind = 'signature' ORDER BY f.id LIMIT 1", (first,)).fetchone()
    assert run_cli(root, "review", "finding", finding["id"], "accept").exit_code == 0
    assert _counts(conn, "accept_finding") == (1, 1)
    assert run_cli(root, "review", "finding", 999999, "accept").exit_code == 1
    assert run_cli(root, "review", "assign", 999999, first).exit_code == 1


def test_pages_json_carries_the_ijazah_reading(batch):
    """An ijazah page's ``fields``: nama, jenjang, tahun, sekolah, nomor (SPEC §7), each the
    value printed or null; never another value."""
    by_id = {p["id"]: p for p in cli_json(batch.root, "pages")["pages"]}
    read = 0
    for path, truth, _ in truth_pages(batch):
        if truth.doc != "ijazah" or not truth.attachment:
            continue
        page = by_id[page_row(batch.ws, path, truth.index)["id"]]
        fields = page["fields"]
        assert {"nama", "jenjang", "tahun", "sekolah", "nomor"} <= fields.keys()
        want = truth.attachment
        # a space between two words may be missed, never a letter
        assert fields["nama"] is None or fields["nama"].replace(" ", "") == \
            want["nama"].replace(" ", "")
        assert fields["jenjang"] in (None, want["jenjang"])
        assert fields["tahun"] in (None, want["tahun"])
        read += fields["nama"] is not None and fields["jenjang"] is not None
    assert read >= 1
