"""formgen roster import / list from the command line."""
from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from formgen.cli import main
from formgen.domain.nik import make_nik

BUDI = make_nik(birth=date(1990, 5, 15), sex="L", region="620102")
SITI = make_nik(birth=date(1985, 11, 3), sex="P", region="620101", serial=12)
ROSTER = (
    "Nama;NIK;Tempat Lahir;Tanggal Lahir;Jenis Kelamin;No HP;Jabatan Kerja;Jenjang\n"
    f"Budi Santoso;{BUDI};Pangkalan Bun;15-05-1990;L;+6281234567890;Tukang Batu;2\n"
    f"Siti Aminah;{SITI};Kumai;03/11/1985;Perempuan;081234567891;Mandor;3\n"
)


def _write(tmp_path, text, name="roster.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_and_list(cli, tmp_path):
    assert cli("init").exit_code == 0
    path = _write(tmp_path, ROSTER)
    result = cli("roster", "import", path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"imported": 2, "updated": 0, "experience": 0,
                                         "rejected": [], "ignored_columns": []}
    again = cli("roster", "import", path)
    assert again.exit_code == 0
    assert "0 pemohon baru, 2 diperbarui" in again.stdout

    listed = json.loads(cli("roster", "list", "--json").stdout)["applicants"]
    assert [(a["applicant"], a["nik"], a["nama"], a["jenjang"]) for a in listed] == [
        (1, BUDI, "Budi Santoso", 2), (2, SITI, "Siti Aminah", 3)]
    assert listed[0]["no_hp"] == "+6281234567890"

    table = cli("roster", "list").stdout.splitlines()
    assert table[0].split() == ["id", "NIK", "nama", "jabatan", "kerja", "jenjang"]
    assert BUDI in table[2] and "Budi Santoso" in table[2] and "Tukang Batu" in table[2]
    english = cli("roster", "list", "--lang", "en").stdout
    assert english.splitlines()[0].split()[:3] == ["id", "NIK", "name"]


def test_rejected_rows_exit_1_and_named_on_stderr(cli, tmp_path):
    cli("init")
    path = _write(tmp_path, ROSTER + f"Kembar;{BUDI};Kumai;15-05-1990;L;;;\n"
                  "Rusak;6.20102E+15;Kumai;15-05-1990;L;;;\n")
    result = cli("roster", "import", path, "--json")
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert (body["imported"], body["updated"]) == (2, 0)
    assert [(r["line"], r["codes"]) for r in body["rejected"]] == [
        (4, ["nik_duplicate_in_file"]), (5, ["nik_mangled"])]
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"{path}:4: ") and errors[0].endswith("[nik_duplicate_in_file]")
    assert errors[1].startswith(f"{path}:5: ") and "[nik_mangled]" in errors[1]


def test_unreadable_file_is_one_line_and_imports_nothing(cli, tmp_path):
    cli("init")
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    result = cli("roster", "import", path)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert str(path) in result.stderr and "bukan tabel CSV" in result.stderr
    assert "[not_a_spreadsheet]" not in result.stderr  # codes only with --verbose or --json
    missing = cli("roster", "import", _write(tmp_path, "nama,nik\nBudi,1\n", "b.csv"),
                  "--lang", "en")
    assert missing.exit_code == 1
    assert "required column missing: tanggal_lahir, jenis_kelamin\n" in \
        missing.stderr
    assert json.loads(cli("roster", "list", "--json").stdout) == {"applicants": []}
    assert "Belum ada pemohon" in cli("roster", "list").stdout


def test_pengalaman_option(cli, tmp_path):
    cli("init")
    roster = _write(tmp_path, ROSTER)
    experience = _write(tmp_path, "nik,nama_proyek,pemberi_kerja,jabatan,lokasi,mulai,selesai\n"
                        f"{BUDI},Gedung Serbaguna,CV Maju,Tukang Batu,Kumai,2019-01-01,"
                        "2019-06-30\n", "pengalaman.csv")
    result = cli("roster", "import", roster, "--pengalaman", experience, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["experience"] == 1
    listed = json.loads(cli("roster", "list", "--json").stdout)["applicants"]
    assert listed[0]["experience_rows"] == 1


def test_no_workspace_exit_3(cli, tmp_path):
    result = cli("roster", "list")
    assert result.exit_code == 3


def test_unknown_columns_are_named_with_the_known_ones(cli, tmp_path):
    cli("init")
    text = ROSTER.replace("Jenjang\n", "Jenjang;Desa/Kelurahan;Catatan Petugas\n")
    text = text.replace(";2\n", ";2;Raja;baru\n").replace(";3\n", ";3;Sidorejo;-\n")
    result = cli("roster", "import", _write(tmp_path, text))
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if "Catatan Petugas" in line]
    assert len(warning) == 1 and warning[0].startswith("peringatan: ")
    assert "kelurahan" in warning[0] and "tanggal_lahir" in warning[0]
    assert "Desa/Kelurahan" not in result.stderr  # read as the village
    listed = json.loads(cli("roster", "list", "--json").stdout)["applicants"]
    assert [a["kelurahan"] for a in listed] == ["Raja", "Sidorejo"]
    body = json.loads(cli("roster", "import", _write(tmp_path, text), "--json").stdout)
    assert body["ignored_columns"][0]["columns"] == ["Catatan Petugas"]


def test_codes_only_for_a_technician(cli, tmp_path):
    cli("init")
    path = _write(tmp_path, ROSTER + "Rusak;6.20102E+15;Kumai;15-05-1990;L;;;\n")
    plain = cli("roster", "import", path)
    assert plain.exit_code == 1 and "[" not in plain.stderr and "spreadsheet" in plain.stderr
    verbose = CliRunner().invoke(main, ["-v", "--workspace", str(tmp_path / "ws"), "roster",
                                        "import", str(path)])
    assert "[nik_mangled]" in verbose.stderr


def test_missing_file_is_a_usage_error(cli, tmp_path):
    cli("init")
    result = cli("roster", "import", tmp_path / "tidak_ada.csv")
    assert result.exit_code == 2
    assert "tidak ditemukan" in result.stderr and "[" not in result.stderr
