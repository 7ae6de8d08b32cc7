"""Batches, stage records and where each applicant stands (the state machine in stages.yaml)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from formgen.cli import main
from formgen.service import status as status_lib
from formgen.service.batches import load_stages
from formgen.service.status import Facts, applicant_state

PEOPLE = [  # synthetic: NIK district 62.01.02, birth date in the NIK (+40 for women)
    ("6201024505900003", "SITI AMINAH", "1990-05-05", "P", "Sidorejo"),
    ("6201021203850001", "BUDI SANTOSO", "1985-03-12", "L", "Madurejo"),
    ("6201021707920002", "AHMAD RIFAI", "1992-07-17", "L", "Raja"),
]


def add_applicants(ws, people=PEOPLE) -> list[int]:
    ids = []
    for nik, nama, lahir, jk, kel in people:
        cur = ws.conn.execute(
            "INSERT INTO applicants(nik, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, "
            "kelurahan, created_at, updated_at) VALUES (?, ?, 'Pangkalan Bun', ?, ?, ?, 'x', 'x')",
            (nik, nama, lahir, jk, kel))
        ids.append(cur.lastrowid)
    return ids


def run_json(cli, *args):
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


STATE_CASES = [
    (Facts(), "terdaftar"),
    (Facts(check="belum_lengkap", clarified=True, certificate=True), "terdaftar"),
    (Facts(check="lengkap"), "berkas_lengkap"),
    (Facts(check="lengkap", clarified=True), "diklarifikasi"),
    (Facts(check="lengkap", clarified=True, dossier=True), "dikirim_lsp"),
    (Facts(check="lengkap", clarified=True, stages_done={"verifikasi"}), "dikirim_lsp"),
    (Facts(check="lengkap", clarified=True, dossier=True, stages_done={"input_portal"}),
     "input_siki"),
    (Facts(check="lengkap", clarified=True, dossier=True,
           stages_done={"input_portal", "uji_kompetensi"}), "diuji"),
    (Facts(check="lengkap", clarified=True, dossier=True,
           stages_done={"input_portal", "uji_kompetensi"}, certificate=True), "bersertifikat"),
    # a certificate without the test stage recorded does not skip a state
    (Facts(check="lengkap", clarified=True, dossier=True, stages_done={"input_portal"},
           certificate=True), "input_siki"),
    (Facts(check="perlu_diperiksa", clarified=True, dossier=True), "terdaftar"),
]


@pytest.mark.parametrize(("facts", "expected"), STATE_CASES)
def test_state_machine(facts, expected):
    table = load_stages()
    index, reached = applicant_state(table, facts)
    assert table.states[index].code == expected
    assert "terdaftar" in reached


def test_batch_create_assign_list(workspace, cli):
    ids = add_applicants(workspace)
    assert cli("batch", "create", "Gelombang 1", "--start", "02-11-2026").exit_code == 0
    again = cli("batch", "create", "Gelombang 1", "--start", "2026-11-02")
    assert again.exit_code == 1 and "Gelombang 1" in again.stderr and "[" not in again.stderr
    assigned = cli("batch", "assign", "Gelombang 1", "--applicant", PEOPLE[0][0],
                   "--applicant", str(ids[1]), "--applicant", "9999", "--json")
    assert assigned.exit_code == 1 and "9999" in assigned.stderr
    body = json.loads(assigned.stdout)
    assert body["assigned"] == ids[:2] and body["rejected"][0]["applicant"] == "9999"
    assert cli("batch", "create", "Gelombang 2", "--start", "2026-12-01").exit_code == 0
    assert cli("batch", "assign", "Gelombang 2", "--all-unassigned").exit_code == 0
    listed = run_json(cli, "batch", "list")["batches"]
    assert [(b["batch"], b["applicants"], b["end"]) for b in listed] == [
        ("Gelombang 1", 2, "2026-12-01"), ("Gelombang 2", 1, "2026-12-30")]
    assert cli("batch", "assign", "Gelombang 2").exit_code == 2
    assert cli("batch", "assign", "Tidak Ada", "--all-unassigned").exit_code == 2
    assert cli("batch", "create", "Gelombang 3", "--start", "31-02-2026").exit_code == 2


def test_stage_done_is_audited_and_validated(workspace, cli):
    assert cli("stage", "done", "pengumuman").exit_code == 2          # no batch yet
    cli("batch", "create", "G1", "--start", "2026-11-02")
    assert cli("stage", "done", "pengumuman", "--date", "2026-11-04").exit_code == 0
    bad = cli("stage", "done", "rapat", "--batch", "G1")
    assert bad.exit_code == 2 and "pengumuman" in bad.stderr
    cli("batch", "create", "G2", "--start", "2026-12-01")
    assert cli("stage", "done", "verifikasi").exit_code == 2          # which batch?
    assert cli("stage", "done", "verifikasi", "--batch", "G2",
               "--date", "2026-12-04").exit_code == 0
    actions = [r[0] for r in workspace.conn.execute(
        "SELECT action FROM audit WHERE action LIKE 'stage.%'")]
    assert actions == ["stage.done", "stage.done"]


def test_status_json_late_items_first(workspace, cli):
    ids = add_applicants(workspace)
    cli("batch", "create", "Gelombang 1", "--start", "2026-11-02")
    cli("batch", "assign", "Gelombang 1", "--all-unassigned")
    cli("stage", "done", "pengumuman", "--date", "2026-11-04")
    cli("stage", "done", "verifikasi", "--date", "2026-11-07")
    report = run_json(cli, "status", "--today", "2026-11-10")
    batch = report["batches"][0]
    assert batch["batch"] == "Gelombang 1"
    stages = {s["stage"]: s for s in batch["stages"]}
    assert [s["stage"] for s in batch["stages"]][0] == "pengumuman"
    assert stages["pengumuman"] == {**stages["pengumuman"], "due": "2026-11-04",
                                    "done": "2026-11-04", "late_days": 0}
    assert stages["verifikasi"]["late_days"] == 2                     # done 2 days after due
    assert stages["input_portal"]["done"] is None
    assert stages["input_portal"]["late_days"] == 3                   # due 7, today 10
    assert stages["proses_portal"]["late_days"] == 0
    assert {a["applicant"] for a in batch["applicants"]} == set(ids)
    for a in batch["applicants"]:
        assert a["state"] == "terdaftar" and a["nik"] in {p[0] for p in PEOPLE}
        assert a["late_days"] == 5                                    # paperwork due 5 Nov
        assert a["clarification"] == "belum_diklarifikasi"
    early = run_json(cli, "status", "--today", "2026-11-01")["batches"][0]
    assert [s["late_days"] for s in early["stages"]] == [0, 2, 0, 0, 0, 0]
    assert all(a["late_days"] == 0 for a in early["applicants"])
    text = cli("status", "--today", "2026-11-10")
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert "Input data ke portal" in lines[1] and "terlambat 3 hari" in lines[1]


def test_status_follows_applicants_through_the_states(workspace, cli, monkeypatch, tmp_path):
    ids = add_applicants(workspace)
    # the requirement check (another module) says who is complete
    monkeypatch.setattr(status_lib, "paperwork_results",
                        lambda ws, verdicts=None: {ids[0]: "lengkap", ids[1]: "lengkap",
                                    ids[2]: "belum_lengkap"})
    cli("batch", "create", "G1", "--start", "2026-11-02")
    cli("batch", "assign", "G1", "--all-unassigned")
    conn = workspace.conn
    for applicant_id in ids[:2]:
        conn.execute("INSERT INTO clarifications(applicant_id, answer, created_at, user) "
                     "VALUES (?, 'sesuai', 'x', 'x')", (applicant_id,))
    conn.execute("INSERT INTO dossiers(applicant_id, path, pages, bytes, sha256, created_at) "
                 "VALUES (?, 'd.pdf', 5, 100, 'ab', 'x')", (ids[0],))

    def states(today: str) -> dict[int, str]:
        report = run_json(cli, "status", "--batch", "G1", "--today", today)
        return {a["applicant"]: a["state"] for a in report["batches"][0]["applicants"]}

    assert states("2026-11-05") == {ids[0]: "dikirim_lsp", ids[1]: "diklarifikasi",
                                    ids[2]: "terdaftar"}
    cli("stage", "done", "verifikasi", "--date", "2026-11-05")
    cli("stage", "done", "input_portal", "--date", "2026-11-07")
    assert states("2026-11-08") == {ids[0]: "input_siki", ids[1]: "input_siki",
                                    ids[2]: "terdaftar"}
    cli("stage", "done", "uji_kompetensi", "--date", "2026-11-26")
    pdf = tmp_path / "skk.pdf"
    from reportlab.pdfgen.canvas import Canvas
    canvas = Canvas(str(pdf))
    canvas.drawString(100, 700, "Sertifikat Kompetensi Kerja")
    canvas.save()
    assert cli("certificate", "record", "--applicant", PEOPLE[0][0], "--number", "SKK-001",
               "--date", "2026-11-30", "--file", str(pdf)).exit_code == 0
    report = run_json(cli, "status", "--today", "2026-12-05")["batches"][0]
    by_id = {a["applicant"]: a for a in report["applicants"]}
    assert by_id[ids[0]]["state"] == "bersertifikat" and by_id[ids[0]]["certificate"] == "SKK-001"
    assert by_id[ids[0]]["late_days"] == 0
    assert by_id[ids[1]]["state"] == "diuji" and by_id[ids[1]]["late_days"] == 4
    assert by_id[ids[2]]["state"] == "terdaftar"
    # late first: the stuck applicant (paperwork due 5 Nov) leads
    assert report["applicants"][0]["applicant"] == ids[2]


def test_stage_done_takes_what_status_shows(workspace, cli):
    cli("batch", "create", "G1", "--start", "2026-11-02")
    shown = cli("status", "--today", "2026-11-03").stdout
    assert "Verifikasi data" in shown and "verifikasi " not in shown
    for typed, stage in (("Verifikasi data", "verifikasi"), ("VERIFIKASI DATA", "verifikasi"),
                         ("Verifikasi", "verifikasi"), ("input portal", "input_portal"),
                         ("Data verification", "verifikasi")):
        result = cli("stage", "done", typed, "--date", "2026-11-05")
        assert result.exit_code == 0, (typed, result.output)
        assert workspace.conn.execute("SELECT count(*) FROM batch_stages WHERE stage = ?",
                                      (stage,)).fetchone()[0] == 1
    bad = cli("stage", "done", "rapat")
    assert bad.exit_code == 2 and "Verifikasi data" in bad.stderr


def test_status_in_english_names_stages_and_states(workspace, cli):
    add_applicants(workspace)
    cli("batch", "create", "G1", "--start", "2026-11-02")
    cli("batch", "assign", "G1", "--all-unassigned")
    result = CliRunner().invoke(main, ["--lang", "en", "--workspace", str(workspace.root),
                                       "status", "--today", "2026-11-10"])
    assert result.exit_code == 0, result.output
    assert "Data verification" in result.stdout and "Registered" in result.stdout
    assert "Verifikasi data" not in result.stdout and "Terdaftar" not in result.stdout
