"""Recap workbook and CSV files read back; the LSP bundle and its manifest."""
from __future__ import annotations

import csv
import hashlib
import json
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from formgen.outputs.dossier import write_dossiers
from formgen.outputs.recap import write_recap
from scansim.records import complete_applicant, nik_for

DISDUKCAPIL = ["No", "Nama", "NIK", "Tempat/Tanggal Lahir", "Alamat",
               "Jawaban (sesuai / tidak sesuai)", "Nama Koreksi", "NIK Koreksi",
               "Tempat Lahir Koreksi", "Tanggal Lahir Koreksi", "Keterangan"]
EVIL = '=HYPERLINK("x")'


def make(ws):
    a = complete_applicant(ws, nik=nik_for(1), nama="BUDI SANTOSO", images=False)
    b = complete_applicant(ws, nik=nik_for(2, female=True), nama=EVIL, images=False,
                           skip=("ktp",), jenis_kelamin="P", jenjang=5)
    ws.conn.execute("INSERT INTO experience(applicant_id, nama_proyek, pemberi_kerja, jabatan, "
                    "lokasi, mulai, selesai) VALUES (?, 'Gedung Kantor Camat', '@CV Maju', "
                    "'Tukang', 'Kumai', '2020-01-05', '2020-06-30'), (?, 'Jalan Desa', "
                    "'PT Contoh', 'Mandor', 'Arut Selatan', '2021-02-01', '2021-09-30')", (a, a))
    return a, b


def test_recap_workbook(workspace):
    a, b = make(workspace)
    result = write_recap(workspace)
    assert result["applicants"] == 2
    wb = load_workbook(result["xlsx"])
    assert wb.sheetnames == ["LSP", "Disdukcapil", "SIKI"]

    dis = wb["Disdukcapil"]
    assert [c.value for c in dis[1]] == DISDUKCAPIL
    assert all(c.font.bold for c in dis[1]) and dis.freeze_panes == "A2"
    nik_cell = dis.cell(row=2, column=3)
    assert nik_cell.value == nik_for(1) and isinstance(nik_cell.value, str)
    assert len(nik_cell.value) == 16 and nik_cell.value.startswith("62")
    assert nik_cell.number_format == "@" and dis.cell(row=3, column=8).number_format == "@"
    assert dis.cell(row=2, column=4).value == "Pangkalan Bun, 12-03-1990"
    evil = dis.cell(row=3, column=2)
    assert evil.data_type == "s" and evil.value == "'" + EVIL
    assert not any(isinstance(c.value, str) and c.value.startswith("=")
                   for sheet in wb for row in sheet.iter_rows() for c in row)

    lsp = wb["LSP"]
    header = [c.value for c in lsp[1]]
    for col in ("NIK", "Nama", "Status", "KTP", "Pas Foto", "Keterangan"):
        assert col in header
    rows = {r[header.index("Nomor Pemohon")]: r for r in lsp.iter_rows(min_row=2, values_only=True)}
    assert rows[a][header.index("Status")] == "lengkap"
    assert rows[b][header.index("Status")] == "belum lengkap"
    assert rows[b][header.index("KTP")] == "belum ada"
    assert "KTP: belum diserahkan" in rows[b][header.index("Keterangan")]
    assert lsp.column_dimensions["D"].width >= len("BUDI SANTOSO")

    siki = wb["SIKI"]
    sh = [c.value for c in siki[1]]
    for col in ("nik", "nama", "tempat_lahir", "tanggal_lahir", "npwp", "propinsi",
                "nama_sekolah", "tahun_lulus", "nama_proyek", "pemberi_kerja", "klasifikasi",
                "kualifikasi", "jabatan_kerja", "jenjang"):
        assert col in sh
    siki_rows = list(siki.iter_rows(min_row=2, values_only=True))
    assert len(siki_rows) == 3  # one per project, one for the applicant without any
    budi = [r for r in siki_rows if r[sh.index("nik")] == nik_for(1)]
    assert [r[sh.index("nama_proyek")] for r in budi] == ["Gedung Kantor Camat", "Jalan Desa"]
    assert budi[0][sh.index("pemberi_kerja")] == "'@CV Maju"
    assert budi[0][sh.index("propinsi")] == "Kalimantan Tengah"
    assert budi[0][sh.index("tahun_lulus")] == "2008"
    other = next(r for r in siki_rows if r[sh.index("nik")] == nik_for(2, female=True))
    assert other[sh.index("kualifikasi")] == "Teknisi/Analis"


def test_recap_csv(workspace):
    make(workspace)
    result = write_recap(workspace)
    raw = Path(result["csv"]["Disdukcapil"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with Path(result["csv"]["Disdukcapil"]).open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == DISDUKCAPIL
    assert rows[1][2] == nik_for(1) and rows[2][1] == "'" + EVIL
    with Path(result["csv"]["LSP"]).open(encoding="utf-8-sig", newline="") as fh:
        lsp = list(csv.DictReader(fh))
    assert [r["Status"] for r in lsp] == ["lengkap", "belum lengkap"]


def test_recap_bundle_cli(workspace, cli):
    complete_applicant(workspace, nik=nik_for(3), nama="ANDI",
                       skip=("permohonan", "pengalaman_kerja", "pernyataan_kebenaran", "ktp",
                             "ijazah"))
    write_dossiers(workspace, all_applicants=True, force=True)
    result = cli("recap", "--bundle", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    with zipfile.ZipFile(data["bundle"]) as zf:
        names = zf.namelist()
        manifest = zf.read("MANIFEST.txt").decode()
        assert f"dossiers/{nik_for(3)}_ANDI.pdf" in names and "rekap/rekap.xlsx" in names
        assert "kata sandi" in manifest.lower()
        sums = [line.split("  ") for line in manifest.splitlines()
                if line and not line.startswith("#")]
        assert len(sums) == len(names) - 1
        for digest, name in sums:
            assert hashlib.sha256(zf.read(name)).hexdigest() == digest
    text = cli("recap")
    assert text.exit_code == 0 and "rekap.xlsx" in text.stdout
