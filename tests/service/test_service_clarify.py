"""Disdukcapil's answered sheet read back: every kind of mismatch, xlsx and csv."""
from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from formgen.service.clarify import (
    COLUMNS,
    blocks_dossier,
    clarification_status,
    is_clarified,
    normalise_answer,
)

# Synthetic people (NIK district 62.01.xx, birth date in the NIK, +40 for women).
PEOPLE = {
    "A": ("6201024505900003", "SITI AMINAH", "Pangkalan Bun", "1990-05-05", "P"),
    "B": ("6201021203850001", "BUDI SANTOSO", "Pangkalan Bun", "1985-03-12", "L"),
    "C": ("6201011707920002", "AHMAD RIFAI", "Kumai", "1992-07-17", "L"),
    "D": ("6201036108880004", "DEWI LESTARI", "Kumai", "1988-08-21", "P"),
    "F": ("6201020101800006", "EKO PRASETYO", "Pangkalan Bun", "1980-01-01", "L"),
    "G": ("6201024202950007", "FITRI HANDAYANI", "Pangkalan Bun", "1995-02-02", "P"),
    "H": ("6201021010870008", "HADI WIJAYA", "Pangkalan Bun", "1987-10-10", "L"),
    "I": ("6201020505930009", "IWAN SETIAWAN", "Pangkalan Bun", "1993-05-05", "L"),
    "J": ("6201025512910010", "JUWITA SARI", "Pangkalan Bun", "1991-12-15", "P"),
    "K": ("6201021010870012", "KARYA WIJAYA", "Pangkalan Bun", "1987-10-10", "L"),
}
UNKNOWN_NIK = "6201021111990011"
NEW_NIK_C = "6201011707920005"


def add_people(ws) -> dict[str, int]:
    ids = {}
    for key, (nik, nama, tempat, lahir, jk) in PEOPLE.items():
        cur = ws.conn.execute(
            "INSERT INTO applicants(nik, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', 'x')",
            (nik, nama, tempat, lahir, jk))
        ids[key] = cur.lastrowid
    return ids


def answer_rows() -> list[dict]:
    """The sheet as Disdukcapil sends it back (one row per case)."""
    def row(key, jawaban, **corr):
        nik, nama, tempat, lahir, _ = PEOPLE[key] if key in PEOPLE else (key, "X", "", "", "")
        return {"NIK": nik, "Nama": nama, "Tempat/Tanggal Lahir": f"{tempat}, {lahir}",
                "Alamat": "Jl. Contoh", "Jawaban": jawaban, **corr}
    return [
        row("A", "Sesuai"),
        row("B", "Tidak Sesuai", **{"Nama Koreksi": "BUDI SANTOSA"}),
        row("C", "tidak sesuai", **{"NIK Koreksi": NEW_NIK_C}),
        row("D", "TIDAK_SESUAI", **{"Tempat Lahir Koreksi": "Pangkalan Bun",
                                   "Tanggal Lahir Koreksi": "22-08-1988"}),
        row(UNKNOWN_NIK, "sesuai"),
        row("F", ""),
        row("G", "mungkin"),
        row("H", "tidak sesuai", **{"NIK Koreksi": PEOPLE["K"][0]}),  # valid, but K's
        row("I", "tidak sesuai", **{"NIK Koreksi": "620102050593"}),
        row("J", "tidak sesuai", Keterangan="data tidak ditemukan"),
    ]


def write_xlsx(path: Path, rows: list[dict], *, nik_as_number: bool = False) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Disdukcapil"
    sheet.append(["DAFTAR KLARIFIKASI DATA KEPENDUDUKAN"])   # a title row above the header
    sheet.append(list(COLUMNS))
    for number, row in enumerate(rows, start=1):
        values = {**row, "No": number}
        if nik_as_number:
            values["NIK"] = int(values["NIK"])
        if values.get("Tanggal Lahir Koreksi"):
            values["Tanggal Lahir Koreksi"] = datetime.strptime(
                values["Tanggal Lahir Koreksi"], "%d-%m-%Y")
        sheet.append([values.get(c) for c in COLUMNS])
    book.save(path)
    return path


def write_csv(path: Path, rows: list[dict], *, delimiter: str = ";") -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), delimiter=delimiter)
        writer.writeheader()
        for number, row in enumerate(rows, start=1):
            writer.writerow({**{c: "" for c in COLUMNS}, **row, "No": number})
    return path


def applicant(ws, applicant_id):
    return ws.conn.execute("SELECT * FROM applicants WHERE id = ?", (applicant_id,)).fetchone()


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_import_every_mismatch_kind(workspace, cli, tmp_path, kind):
    ids = add_people(workspace)
    for key in ("J",):  # J is blocked only once it is answered
        assert blocks_dossier(workspace.conn, ids[key]) is None
    path = (write_xlsx(tmp_path / "jawaban.xlsx", answer_rows(), nik_as_number=True)
            if kind == "xlsx" else write_csv(tmp_path / "jawaban.csv", answer_rows()))
    result = cli("clarify", "import", str(path), "--yes", "--json")
    assert result.exit_code == 1, result.output                  # some rows rejected
    body = json.loads(result.stdout)
    assert body["applied"] is True
    assert (body["sesuai"], body["tidak_sesuai"]) == (1, 4)
    assert body["unanswered"] == [{"line": 8 if kind == "xlsx" else 7, "nik": PEOPLE["F"][0]}]
    reasons = {p["nik"]: p["reason"] for p in body["problems"]}
    assert reasons == {UNKNOWN_NIK: "unknown_nik", PEOPLE["G"][0]: "bad_answer",
                       PEOPLE["H"][0]: "nik_collision", PEOPLE["I"][0]: "bad_nik"}
    for nik in reasons:                                          # each named on stderr
        assert nik in result.stderr and str(path) in result.stderr
    corrections = {(c["applicant"], c["field"]): (c["old"], c["new"])
                   for c in body["corrections"]}
    assert corrections == {
        (ids["B"], "nama"): ("BUDI SANTOSO", "BUDI SANTOSA"),
        (ids["C"], "nik"): (PEOPLE["C"][0], NEW_NIK_C),
        (ids["D"], "tempat_lahir"): ("Kumai", "Pangkalan Bun"),
        (ids["D"], "tanggal_lahir"): ("1988-08-21", "1988-08-22"),
    }
    conn = workspace.conn
    assert applicant(workspace, ids["B"])["nama"] == "BUDI SANTOSA"
    assert applicant(workspace, ids["C"])["nik"] == NEW_NIK_C
    assert applicant(workspace, ids["D"])["tanggal_lahir"] == "1988-08-22"
    assert applicant(workspace, ids["H"])["nik"] == PEOPLE["H"][0]   # collision: unchanged
    assert applicant(workspace, ids["I"])["nik"] == PEOPLE["I"][0]   # bad NIK: unchanged
    status = {k: clarification_status(conn, v) for k, v in ids.items()}
    assert status == {"A": "sesuai", "B": "tidak_sesuai", "C": "tidak_sesuai",
                      "D": "tidak_sesuai", "F": "belum_diklarifikasi",
                      "G": "belum_diklarifikasi", "H": "belum_diklarifikasi",
                      "I": "belum_diklarifikasi", "J": "tidak_sesuai",
                      "K": "belum_diklarifikasi"}
    # corrected data is clarified; contradicted and uncorrected data blocks the dossier
    assert {k for k, v in ids.items() if is_clarified(conn, v)} == {"A", "B", "C", "D"}
    assert all(blocks_dossier(conn, ids[k]) is None for k in "ABCDFGHIK")
    reason = blocks_dossier(conn, ids["J"])
    assert reason and "data tidak ditemukan" in reason
    # changing the roster back re-opens the contradiction
    conn.execute("UPDATE applicants SET nama = 'BUDI SANTOSO' WHERE id = ?", (ids["B"],))
    assert blocks_dossier(conn, ids["B"]) is not None
    audit = conn.execute("SELECT count(*) FROM audit WHERE action = 'clarify.answer'")
    assert audit.fetchone()[0] == 5


def test_corrections_wait_for_confirmation(workspace, cli, tmp_path):
    ids = add_people(workspace)
    path = write_csv(tmp_path / "jawaban.csv", answer_rows()[:2], delimiter=",")
    declined = cli("clarify", "import", str(path), input="n\n")
    assert declined.exit_code == 0
    assert "BUDI SANTOSO -> BUDI SANTOSA" in declined.stdout
    assert applicant(workspace, ids["B"])["nama"] == "BUDI SANTOSO"
    assert clarification_status(workspace.conn, ids["A"]) == "belum_diklarifikasi"
    accepted = cli("clarify", "import", str(path), input="y\n")
    assert accepted.exit_code == 0
    assert applicant(workspace, ids["B"])["nama"] == "BUDI SANTOSA"
    assert clarification_status(workspace.conn, ids["A"]) == "sesuai"


def test_answers_without_corrections_need_no_confirmation(workspace, cli, tmp_path):
    ids = add_people(workspace)
    path = write_xlsx(tmp_path / "jawaban.xlsx", [answer_rows()[0]])
    result = cli("clarify", "import", str(path))
    assert result.exit_code == 0
    assert clarification_status(workspace.conn, ids["A"]) == "sesuai"


def test_sesuai_with_corrections_and_duplicates_are_reported(workspace, cli, tmp_path):
    add_people(workspace)
    rows = answer_rows()
    rows = [{**rows[0], "Nama Koreksi": "SITI AMINA"}, rows[1], rows[1]]
    result = cli("clarify", "import", str(write_csv(tmp_path / "j.csv", rows)), "--yes",
                 "--json")
    reasons = [p["reason"] for p in json.loads(result.stdout)["problems"]]
    assert result.exit_code == 1 and reasons == ["sesuai_with_corrections", "duplicate_row"]


def test_bad_sheets(workspace, cli, tmp_path):
    add_people(workspace)
    bad = tmp_path / "salah.csv"
    bad.write_text("Nama;Alamat\nSITI;Jl. Contoh\n", encoding="utf-8")
    result = cli("clarify", "import", str(bad))
    assert result.exit_code == 1 and "kolom wajib tidak ditemukan" in result.stderr
    assert "salah.csv" in result.stderr
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    result = cli("clarify", "import", str(broken))
    assert result.exit_code == 1 and "rusak.xlsx" in result.stderr
    assert cli("clarify", "import", str(tmp_path / "tidak_ada.xlsx")).exit_code == 2  # usage
    rows = answer_rows()
    rows[3]["Tanggal Lahir Koreksi"] = "31-02-1988"
    result = cli("clarify", "import", str(write_csv(tmp_path / "tgl.csv", rows[3:4])),
                 "--yes", "--json")
    assert json.loads(result.stdout)["problems"][0]["reason"] == "bad_date"


@pytest.mark.parametrize(("text", "expected"), [
    ("Sesuai", "sesuai"), (" TIDAK  SESUAI ", "tidak_sesuai"), ("tidak-sesuai", "tidak_sesuai"),
    ("", ""), ("?", None), ("sesuaikan", None)])
def test_answer_spellings(text, expected):
    assert normalise_answer(text) == expected
