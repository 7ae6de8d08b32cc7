"""Roster import: encodings, delimiters, XLSX, every row error, unreadable files, re-import."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from formgen.core import db
from formgen.core.errors import InputError, UsageError
from formgen.domain.nik import make_nik
from formgen.roster import get_applicant, import_roster, list_applicants, upsert_applicant

HEADER = ["nama", "nik", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat",
          "kelurahan", "kecamatan", "no_hp", "email", "pendidikan", "jabatan_kerja", "jenjang"]
EXPERIENCE_HEADER = ["nik", "nama_proyek", "pemberi_kerja", "jabatan", "lokasi", "mulai",
                     "selesai"]

BUDI = make_nik(birth=date(1990, 5, 15), sex="L", region="620102", serial=1)
SITI = make_nik(birth=date(1985, 11, 3), sex="P", region="620101", serial=12)
ANDI = make_nik(birth=date(2003, 1, 30), sex="L", region="620105", serial=7)


def person(nama="Budi Santoso", nik=BUDI, tanggal="15-05-1990", jk="L", **extra) -> list:
    values = {"nama": nama, "nik": nik, "tempat_lahir": "Pangkalan Bun", "tanggal_lahir": tanggal,
              "jenis_kelamin": jk, "alamat": "Jl. Pangeran Antasari No. 1",
              "kelurahan": "Raja", "kecamatan": "Arut Selatan", "no_hp": "081234567890",
              "email": "", "pendidikan": "SMA", "jabatan_kerja": "Tukang Batu", "jenjang": "2"}
    values.update(extra)
    return [values[h] for h in HEADER]


def people() -> list[list]:
    return [person(),
            person("Siti Aminah", SITI, "03/11/1985", "Perempuan", jabatan_kerja="Mandor",
                   jenjang="3"),
            person("Andi Pratama", ANDI, "2003-01-30", "Laki-laki", jenjang="")]


def write_csv(path: Path, rows: list[list], *, header=HEADER, delimiter=",",
              encoding="utf-8", prefix: bytes = b"") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(prefix + buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list], *, experience: list[list] | None = None,
               header=HEADER) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Peserta"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if experience is not None:
        extra = book.create_sheet("Pengalaman")
        extra.append(EXPERIENCE_HEADER)
        for row in experience:
            extra.append(row)
    book.save(path)
    return path


def count(ws, table: str) -> int:
    return ws.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def codes(result) -> dict[int, list[str]]:
    return {r.line: r.codes for r in result.rejected}


# -- formats -----------------------------------------------------------------

NAMES_1252 = ["José Suñarto", "Gérard Œuvre", "Ani Müller"]


@pytest.mark.parametrize(("encoding", "prefix"), [
    ("utf-8", b""),
    ("utf-8-sig", b""),
    ("cp1252", b""),
    ("cp1252", b"\xef\xbb\xbf"),  # a BOM glued in front of Windows-1252 text
    ("utf-16", b""),  # Python writes the BOM
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
])
def test_every_encoding(workspace, tmp_path, encoding, prefix):
    rows = [person(NAMES_1252[0], BUDI), person(NAMES_1252[1], SITI, "03-11-1985", "P"),
            person(NAMES_1252[2], ANDI, "30/01/2003", "L")]
    path = write_csv(tmp_path / "roster.csv", rows, encoding=encoding, prefix=prefix)
    result = import_roster(workspace, path)
    assert (result.imported, result.updated, result.rejected) == (3, 0, [])
    assert sorted(a["nama"] for a in list_applicants(workspace)) == sorted(NAMES_1252)


def test_mojibake_bom_text_is_dropped(workspace, tmp_path):
    text = "\u00ef\u00bb\u00bf" + ",".join(HEADER) + "\r\n" + ",".join(person()) + "\r\n"
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode("utf-8"))
    assert import_roster(workspace, path).imported == 1


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters(workspace, tmp_path, delimiter):
    rows = people()
    rows[0][5] = "Jl. Sutan Syahrir, Gg. Damai; RT 01"  # both delimiters inside a cell
    path = write_csv(tmp_path / "roster.csv", rows, delimiter=delimiter)
    result = import_roster(workspace, path)
    assert (result.imported, result.rejected) == (3, [])
    assert get_applicant(workspace, BUDI)["alamat"] == "Jl. Sutan Syahrir, Gg. Damai; RT 01"


def test_headers_match_loosely_and_title_rows_are_skipped(workspace, tmp_path):
    header = ["Nama Lengkap", " NIK ", "Tempat Lahir", "Tanggal Lahir (DD-MM-YYYY)",
              "JENIS KELAMIN", "Alamat", "Kelurahan", "Kecamatan", "No. HP", "E-mail",
              "Pendidikan", "Jabatan Kerja", "Jenjang KKNI"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["DAFTAR CALON PESERTA SERTIFIKASI"])
    writer.writerow([])
    writer.writerow(header)
    writer.writerows(people())
    path = tmp_path / "roster.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    result = import_roster(workspace, path)
    assert (result.imported, result.rejected) == (3, [])


def test_line_numbers_count_physical_lines(workspace, tmp_path):
    rows = people()
    rows[0][5] = "Jl. Kenanga\nRT 02 / RW 01"  # a cell over two lines
    rows[2][4] = "X"
    path = write_csv(tmp_path / "roster.csv", rows)
    result = import_roster(workspace, path)
    assert codes(result) == {5: ["bad_jenis_kelamin"]}
    assert get_applicant(workspace, BUDI)["alamat"] == "Jl. Kenanga RT 02 / RW 01"


def test_xlsx_with_pengalaman_sheet(workspace, tmp_path):
    rows = people()
    rows[0][3] = datetime(1990, 5, 15)  # a real date cell
    rows[1][12] = 3  # a number cell
    rows[1][8] = 81234567891  # a phone number typed as a number loses its leading 0
    experience = [
        [BUDI, "Gedung Kantor Dinas PUPR", "CV Maju Jaya", "Tukang Batu", "Pangkalan Bun",
         datetime(2018, 3, 1), datetime(2019, 2, 28)],
        [BUDI, "Jembatan Arut", "PT Kalteng Bangun", "Tukang Batu", "Arut Selatan",
         "01-04-2019", "sampai sekarang"],
        [SITI, "Pasar Kumai", "CV Sinar", "Mandor", "Kumai", "2015-01-01", "2015-12-31"],
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", rows, experience=experience)
    result = import_roster(workspace, path)
    assert (result.imported, result.experience, result.rejected) == (3, 3, [])
    budi = get_applicant(workspace, BUDI)
    assert budi["tanggal_lahir"] == "1990-05-15"
    assert [e["nama_proyek"] for e in budi["experience"]] == ["Gedung Kantor Dinas PUPR",
                                                               "Jembatan Arut"]
    assert budi["experience"][1]["selesai"] is None
    assert budi["experience"][0]["mulai"] == "2018-03-01"
    assert get_applicant(workspace, SITI)["jenjang"] == 3
    assert get_applicant(workspace, SITI)["no_hp"] == "081234567891"


def test_xlsx_saved_as_csv_is_still_read(workspace, tmp_path):
    path = write_xlsx(tmp_path / "roster.csv", people())
    assert import_roster(workspace, path).imported == 3


def test_pengalaman_file_replaces_experience_on_reimport(workspace, tmp_path):
    roster = write_csv(tmp_path / "roster.csv", people())
    first = write_csv(tmp_path / "p1.csv", [
        [BUDI, "Proyek A", "CV A", "Tukang", "Kumai", "2010-01-01", "2010-06-30"],
        [BUDI, "Proyek B", "CV B", "Tukang", "Kumai", "2011-01-01", "2011-06-30"],
        [SITI, "Proyek C", "CV C", "Mandor", "Kumai", "2012-01-01", ""],
    ], header=EXPERIENCE_HEADER, delimiter=";")
    assert import_roster(workspace, roster, pengalaman=first).experience == 3
    second = write_csv(tmp_path / "p2.csv", [
        [BUDI, "Proyek D", "CV D", "Kepala Tukang", "Kumai", "2020-01-01", "2020-12-31"],
    ], header=EXPERIENCE_HEADER)
    result = import_roster(workspace, roster, pengalaman=second)
    assert (result.imported, result.updated, result.experience) == (0, 3, 1)
    assert [e["nama_proyek"] for e in get_applicant(workspace, BUDI)["experience"]] == \
        ["Proyek D"]
    # Siti is not in the second file: her experience stays.
    assert [e["nama_proyek"] for e in get_applicant(workspace, SITI)["experience"]] == \
        ["Proyek C"]
    assert count(workspace, "experience") == 2


def test_experience_row_errors(workspace, tmp_path):
    roster_rows = people()
    roster_rows[2][4] = "?"  # Andi refused
    roster = write_csv(tmp_path / "roster.csv", roster_rows)
    unknown = make_nik(birth=date(1970, 1, 1), sex="L", region="620104")
    experience = write_csv(tmp_path / "p.csv", [
        [BUDI, "Proyek A", "CV A", "Tukang", "Kumai", "2010-01-01", "2009-01-01"],
        [BUDI, "", "CV A", "Tukang", "Kumai", "2010-01-01", ""],
        [unknown, "Proyek X", "CV X", "Tukang", "Kumai", "", ""],
        [ANDI, "Proyek Y", "CV Y", "Tukang", "Kumai", "", ""],
        ["6.2E+15", "Proyek Z", "CV Z", "Tukang", "Kumai", "", ""],
        [SITI, "Proyek W", "CV W", "Mandor", "Kumai", "1 Mei 2010", ""],
        [SITI, "Proyek V", "CV V", "Mandor", "Kumai", "2010-05-01", "2011-05-01"],
    ], header=EXPERIENCE_HEADER)
    result = import_roster(workspace, roster, pengalaman=experience)
    assert result.experience == 1
    by_file = {(Path(r.file).name, r.line): r.codes for r in result.rejected}
    assert by_file == {
        ("roster.csv", 4): ["bad_jenis_kelamin"],
        ("p.csv", 2): ["experience_dates_order"],
        ("p.csv", 3): ["required"],
        ("p.csv", 4): ["experience_unknown_nik"],
        ("p.csv", 5): ["experience_applicant_rejected"],
        ("p.csv", 6): ["nik_mangled"],
        ("p.csv", 7): ["bad_date"],
    }


def test_experience_twice_is_a_usage_error(workspace, tmp_path):
    roster = write_xlsx(tmp_path / "roster.xlsx", people(), experience=[])
    other = write_csv(tmp_path / "p.csv", [], header=EXPERIENCE_HEADER)
    with pytest.raises(UsageError):
        import_roster(workspace, roster, pengalaman=other)
    assert count(workspace, "applicants") == 0


# -- row errors -------------------------------------------------------------------

def test_every_row_error_kind(workspace, tmp_path):
    def siti(serial):
        return make_nik(birth=date(1985, 11, 3), sex="P", region="620101", serial=serial)

    def andi(serial):
        return make_nik(birth=date(2003, 1, 30), sex="L", region="620105", serial=serial)

    future = date.today() + timedelta(days=400)
    rows = [
        person(),                                                          # 2 ok
        person("Short NIK", BUDI[:15]),                                    # 3
        person("Bad Region", "9901021505900001"),                          # 4
        person("Bad District", "6201091505900001"),                        # 5
        person("Wrong Birth", siti(1), "04-11-1985", "P"),                 # 6
        person("Wrong Sex", siti(2), "03-11-1985", "L"),                   # 7
        person("Bad Date", andi(1), "30 Januari 2003", "L"),               # 8
        person("Bad Jenjang", andi(2), "30-01-2003", "L", jenjang="10"),   # 9
        person("Bad JK", andi(3), "30-01-2003", "X"),                      # 10
        person("", andi(4), "30-01-2003", "L"),                            # 11
        person("Budi Kembar", BUDI),                                       # 12
        person("Mangled", "3.2E+15"),                                      # 13
        person("Float", "6201021505900001.0"),                             # 14
        person("Serial", BUDI[:12] + "0000"),                              # 15
        person("Future", make_nik(birth=future, sex="L"), future.isoformat()),  # 16
        person("No Date", andi(5), "", "L"),                               # 17
        person("Bad Phone", andi(6), "30-01-2003", "L", no_hp="=HYPERLINK(\"x\")"),  # 18
        person("Bad Mail", andi(7), "30-01-2003", "L", email="@budi"),     # 19
        person("Jenjang Text", andi(8), "30-01-2003", "L", jenjang="dua"),  # 20
        person("Wrong Birth Again", siti(1), "03-11-1985", "P"),           # 21
    ]
    result = import_roster(workspace, write_csv(tmp_path / "roster.csv", rows))
    assert result.imported == 1
    assert codes(result) == {
        3: ["nik_length"],
        4: ["nik_province"],
        5: ["nik_district"],
        6: ["nik_birth_mismatch"],
        7: ["nik_sex_mismatch"],
        8: ["bad_date"],
        9: ["bad_jenjang"],
        10: ["bad_jenis_kelamin"],
        11: ["required"],
        12: ["nik_duplicate_in_file"],
        13: ["nik_mangled"],
        14: ["nik_mangled"],
        15: ["nik_serial"],
        16: ["date_out_of_range"],
        17: ["required"],
        18: ["bad_no_hp"],
        19: ["bad_email"],
        20: ["bad_jenjang"],
        21: ["nik_duplicate_in_file"],  # even though line 6 was refused
    }
    reasons = {r.line: r.reason for r in result.rejected}
    assert "jenis kelamin tidak cocok" in reasons[7] and "40" in reasons[7]
    assert "nik_sex_mismatch" in result.rejected[[r.line for r in result.rejected].index(7)].codes
    assert "baris 2" in reasons[12]
    assert count(workspace, "applicants") == 1


def test_several_reasons_in_one_row(workspace, tmp_path):
    rows = [person("", "12", "kemarin", "?", jenjang="0")]
    result = import_roster(workspace, write_csv(tmp_path / "roster.csv", rows))
    assert sorted(result.rejected[0].codes) == sorted(
        ["required", "bad_date", "bad_jenis_kelamin", "bad_jenjang", "nik_length"])


def test_numeric_nik_cells_in_xlsx(workspace, tmp_path):
    rows = people()
    rows[0][1] = int(BUDI[:15] + "0")  # what a spreadsheet keeps of a typed NIK
    rows[1][1] = int(SITI)  # stored exactly by a program: its last digit survived
    rows[2][1] = 6.20105e15  # a rounded number
    result = import_roster(workspace, write_xlsx(tmp_path / "roster.xlsx", rows))
    assert codes(result) == {2: ["nik_mangled"], 4: ["nik_mangled"]}
    assert [a["nik"] for a in list_applicants(workspace)] == [SITI]


# -- hostile text ---------------------------------------------------------------------

def test_hostile_names_are_kept_as_text_or_refused(workspace, tmp_path):
    niks = [make_nik(birth=date(1990, 5, 15), sex="L", serial=n) for n in range(1, 10)]
    rows = [
        person("../../etc/passwd", niks[0]),
        person("CON", niks[1]),
        person("Budi.", niks[2]),
        person("Siti\u202egpj.exe", niks[3]),
        person("Andi 😀 Pratama", niks[4]),
        person("A" * 300, niks[5]),
        person("Bad\x07Bell", niks[6]),
        person("=HYPERLINK(\"http://contoh.invalid\",\"klik\")", niks[7],
               no_hp="+62 812-3456-7890", email="budi@contoh.invalid"),
        person("@Budi", niks[8], alamat="+RT 01 -RW 02"),
    ]
    result = import_roster(workspace, write_csv(tmp_path / "roster.csv", rows))
    assert codes(result) == {7: ["too_long"], 8: ["control_chars"]}
    stored = {a["nik"]: a for a in list_applicants(workspace)}
    assert stored[niks[0]]["nama"] == "../../etc/passwd"
    assert stored[niks[1]]["nama"] == "CON"
    assert stored[niks[2]]["nama"] == "Budi."
    assert stored[niks[3]]["nama"] == "Sitigpj.exe"  # the RTL override is gone
    assert stored[niks[4]]["nama"] == "Andi 😀 Pratama"
    assert stored[niks[7]]["nama"] == "=HYPERLINK(\"http://contoh.invalid\",\"klik\")"
    assert stored[niks[7]]["no_hp"] == "+62 812-3456-7890"
    assert stored[niks[8]]["nama"] == "@Budi"
    assert stored[niks[8]]["alamat"] == "+RT 01 -RW 02"
    for nik in stored:
        assert isinstance(nik, str) and len(nik) == 16


def test_formula_cells_in_xlsx_are_text(workspace, tmp_path):
    rows = people()
    formula = "=HYPERLINK(\"http://contoh.invalid\",\"Budi\")"
    rows[0][0] = formula  # openpyxl stores it as a formula, never computed here
    rows[1][8] = "+6281234567890"
    import_roster(workspace, write_xlsx(tmp_path / "roster.xlsx", rows))
    assert get_applicant(workspace, BUDI)["nama"] == formula
    assert get_applicant(workspace, SITI)["no_hp"] == "+6281234567890"


# -- unreadable files -----------------------------------------------------------------

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.mark.parametrize(("content", "code"), [
    (b"", "empty_file"),
    (b"\r\n\r\n  \r\n", "empty_file"),
    (b"\xef\xbb\xbf", "empty_file"),
    (",".join(HEADER).encode() + b"\r\n", "empty_file"),
    (b"nama,nik,tempat_lahir\r\nBudi,6201021505900001,Kumai\r\n", "missing_column"),
    (b"foo,bar\r\n1,2\r\n", "missing_column"),
    (b"nama,nik,nama,tanggal_lahir,jenis_kelamin\r\n", "duplicate_column"),
    (PNG, "not_a_spreadsheet"),
    (bytes(range(256)) * 8, "not_a_spreadsheet"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "xls_not_supported"),
    (b"PK\x03\x04" + b"\x00" * 100, "not_a_spreadsheet"),
    (b"nama,nik\r\n\x81\x8d\x8f\x90\x9d,1\r\n", "unreadable_encoding"),
    (b"\xff\xfe\x00\xd8", "unreadable_encoding"),
])
def test_unreadable_file_imports_nothing(workspace, tmp_path, content, code):
    import_roster(workspace, write_csv(tmp_path / "before.csv", people()[:1]))
    path = tmp_path / "roster.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        import_roster(workspace, path)
    assert info.value.code == code
    assert info.value.path == str(path)
    assert "\n" not in info.value.one_line()
    assert count(workspace, "applicants") == 1


def test_missing_file(workspace, tmp_path):
    with pytest.raises(InputError) as info:
        import_roster(workspace, tmp_path / "nope.csv")
    assert info.value.code == "not_found"


def test_unreadable_pengalaman_imports_nothing(workspace, tmp_path):
    roster = write_csv(tmp_path / "roster.csv", people())
    bad = tmp_path / "p.csv"
    bad.write_bytes(PNG)
    with pytest.raises(InputError):
        import_roster(workspace, roster, pengalaman=bad)
    assert count(workspace, "applicants") == 0


def test_failure_while_writing_leaves_nothing(workspace, tmp_path, monkeypatch):
    """One transaction: a failure after some applicants were written rolls them all back."""
    from formgen.roster import importer

    roster = write_csv(tmp_path / "roster.csv", people())
    experience = write_csv(tmp_path / "p.csv", [[BUDI, "Proyek", "CV", "Tukang", "Kumai", "",
                                                  ""]], header=EXPERIENCE_HEADER)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(importer, "replace_experience", broken)
    with pytest.raises(OSError):
        import_roster(workspace, roster, pengalaman=experience)
    assert count(workspace, "applicants") == 0
    assert count(workspace, "audit") == 0
    monkeypatch.undo()
    assert import_roster(workspace, roster, pengalaman=experience).imported == 3


# -- re-import and the store ----------------------------------------------------------

def test_reimport_updates_never_duplicates(workspace, tmp_path):
    path = write_csv(tmp_path / "roster.csv", people())
    first = import_roster(workspace, path)
    ids = {a["nik"]: a["id"] for a in list_applicants(workspace)}
    rows = people()
    rows[0][11] = "Kepala Tukang"
    rows[0][9] = ""  # an empty cell does not erase
    second = import_roster(workspace, write_csv(tmp_path / "roster2.csv", rows))
    assert (first.imported, first.updated) == (3, 0)
    assert (second.imported, second.updated) == (0, 3)
    assert count(workspace, "applicants") == 3
    assert {a["nik"]: a["id"] for a in list_applicants(workspace)} == ids
    assert get_applicant(workspace, BUDI)["jabatan_kerja"] == "Kepala Tukang"


def test_timestamps_retention_and_audit(workspace, tmp_path):
    import_roster(workspace, write_csv(tmp_path / "roster.csv", people()))
    budi = get_applicant(workspace, BUDI)
    assert budi["created_at"] and budi["updated_at"]
    expected = date.today() + timedelta(days=workspace.settings.retention_days)
    assert budi["retention_until"] == expected.isoformat()
    details = [row["detail"] or "" for row in workspace.conn.execute("SELECT detail FROM audit")]
    assert any('"imported": 3' in d for d in details)
    text = json.dumps(details)
    for secret in (BUDI, "Budi", "Pangkalan Bun", "081234567890"):
        assert secret not in text


def test_get_applicant_by_id_or_nik(workspace, tmp_path):
    import_roster(workspace, write_csv(tmp_path / "roster.csv", people()))
    by_nik = get_applicant(workspace, SITI)
    assert get_applicant(workspace, str(by_nik["id"]))["nik"] == SITI
    assert get_applicant(workspace, "9999") is None
    assert get_applicant(workspace, "abc") is None
    assert get_applicant(workspace, "6201029999999999") is None


def test_upsert_claims_a_provisional_applicant(workspace):
    conn = workspace.conn
    with db.write_transaction(conn):
        cursor = conn.execute("INSERT INTO applicants (provisional, created_at, updated_at) "
                              "VALUES (1, ?, ?)", (db.now(), db.now()))
        provisional = cursor.lastrowid
        applicant_id, created = upsert_applicant(
            conn, {"id": provisional, "nik": BUDI, "nama": "Budi Santoso",
                   "tanggal_lahir": date(1990, 5, 15)}, retention_days=30)
    assert (applicant_id, created) == (provisional, False)
    row = get_applicant(workspace, BUDI)
    assert row["provisional"] == 0 and row["tanggal_lahir"] == "1990-05-15"
    with db.write_transaction(conn):
        other, created = upsert_applicant(conn, {"nik": SITI, "nama": "Siti"})
        assert created
        with pytest.raises(InputError) as info:
            upsert_applicant(conn, {"id": other, "nik": BUDI})
        assert info.value.code == "nik_taken"
        with pytest.raises(InputError):
            upsert_applicant(conn, {"nik": "123"})
        with pytest.raises(ValueError):
            upsert_applicant(conn, {"nik": ANDI, "password": "x"})


def test_exact_column_name_wins_over_alias(workspace, tmp_path):
    header = [*HEADER, "jabatan"]  # "jabatan" is also an alias of jabatan_kerja
    rows = [[*row, "Staf Gudang"] for row in people()]
    import_roster(workspace, write_csv(tmp_path / "roster.csv", rows, header=header))
    assert get_applicant(workspace, BUDI)["jabatan_kerja"] == "Tukang Batu"
    twice = write_csv(tmp_path / "twice.csv", [], header=[*HEADER, "Jabatan Kerja"])
    with pytest.raises(InputError) as info:
        import_roster(workspace, twice)
    assert info.value.code == "duplicate_column"


def test_rejected_experience_names_its_sheet(workspace, tmp_path):
    path = write_xlsx(tmp_path / "roster.xlsx", people(), experience=[
        [BUDI, "Proyek", "CV", "Tukang", "Kumai", "kemarin", ""]])
    result = import_roster(workspace, path)
    assert [(r.file, r.line, r.codes) for r in result.rejected] == [
        (f"{path}[Pengalaman]", 2, ["bad_date"])]
