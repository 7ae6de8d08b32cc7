"""Recap workbook and CSV files read back; the LSP bundle and its manifest."""
from __future__ import annotations

import csv
import hashlib
import json
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from formgen.outputs.dossier import write_dossiers
from formgen.outputs.recap import siki_missing, write_recap
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
    ws.conn.execute("UPDATE experience SET nilai_proyek = 1250000000 WHERE nama_proyek ="
                    " 'Gedung Kantor Camat'")
    return a, b


def test_recap_workbook(workspace):
    a, b = make(workspace)
    result = write_recap(workspace)
    assert result["applicants"] == 2
    wb = load_workbook(result["xlsx"])
    assert wb.sheetnames == ["LSP", "Disdukcapil", "SIKI", "SIKI_Proyek"]

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
    for col in ("nik", "nama", "tempat_lahir", "tanggal_lahir", "npwp", "propinsi", "kodepos",
                "nama_sekolah_perguruan_tinggi", "program_studi", "no_ijazah", "tahun_lulus",
                "jenjang_pendidikan", "klasifikasi", "subklasifikasi", "kualifikasi",
                "jabatan_kerja", "jenjang", "scan_ijazah"):
        assert col in sh
    siki_rows = {r[sh.index("nik")]: r for r in siki.iter_rows(min_row=2, values_only=True)}
    assert len(siki_rows) == 2  # one row per applicant
    budi = siki_rows[nik_for(1)]
    assert budi[sh.index("propinsi")] == "Kalimantan Tengah"
    assert budi[sh.index("tahun_lulus")] == "2008"  # read from the ijazah
    assert budi[sh.index("npwp")] == nik_for(1)  # the NIK serves as NPWP
    assert budi[sh.index("tanggal_lahir")] == "1990-03-12"  # SIKI's date format
    assert budi[sh.index("klasifikasi")] == "Sipil"
    assert budi[sh.index("subklasifikasi")] == "Gedung"
    assert budi[sh.index("kualifikasi")] == "Operator"
    other = siki_rows[nik_for(2, female=True)]
    assert other[sh.index("kualifikasi")] == "Teknisi/Analis"

    proyek = wb["SIKI_Proyek"]
    ph = [c.value for c in proyek[1]]
    for col in ("nik", "nama_proyek", "lokasi_proyek", "tanggal_awal", "tanggal_akhir",
                "jabatan", "nilai_proyek", "pemberi_kerja", "jenis_pengalaman",
                "surat_referensi"):
        assert col in ph
    rows = list(proyek.iter_rows(min_row=2, values_only=True))
    assert [r[ph.index("nama_proyek")] for r in rows] == ["Gedung Kantor Camat", "Jalan Desa"]
    assert rows[0][ph.index("pemberi_kerja")] == "'@CV Maju"
    assert rows[0][ph.index("tanggal_awal")] == "2020-01-05"
    assert rows[0][ph.index("nilai_proyek")] == 1250000000


def test_siki_missing_names_what_is_still_empty(workspace, cli):
    a, b = make(workspace)
    with workspace.conn:
        workspace.conn.execute(
            "UPDATE applicants SET kode_pos = '74112', nama_sekolah = 'SMA Negeri 1 Kumai',"
            " no_ijazah = 'DN-15 Ma 0012345', propinsi_sekolah = 'Kalimantan Tengah',"
            " kabupaten_sekolah = 'Kotawaringin Barat' WHERE id = ?", (a,))
        workspace.conn.execute(
            "UPDATE experience SET jenis_pengalaman = 'Pelaksanaan', nilai_proyek = 350000000"
            " WHERE applicant_id = ?", (a,))
    missing = siki_missing(workspace)
    assert missing[a] == []
    assert "kode_pos" in missing[b] and "no_ijazah" in missing[b] and "proyek" in missing[b]
    result = cli("check", "--json")
    data = {r["applicant"]: r for r in json.loads(result.stdout)["applicants"]}
    assert data[a]["siki_missing"] == [] and "kodepos" in data[b]["siki_missing"]
    text = cli("check").stdout
    assert "Data SIKI yang belum ada: " in text and "kode pos" in text and "nomor ijazah" in text


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


def test_a_diploma_number_read_unsurely_stays_out_of_the_siki_sheet(workspace):
    """A number the reader was not sure of is asked for, never passed on misread."""
    a = complete_applicant(workspace, nik=nik_for(3), nama="SITI AMINAH", images=False)
    page = workspace.conn.execute("SELECT id FROM pages WHERE applicant_id = ? AND doc = "
                                  "'ijazah'", (a,)).fetchone()[0]
    workspace.conn.execute("INSERT INTO findings(page_id, kind, name, value, confidence) "
                           "VALUES (?, 'ijazah', 'nomor', 'DN-13 Ma 2254299', 0.5)", (page,))
    assert "no_ijazah" in siki_missing(workspace)[a]
    workspace.conn.execute("UPDATE findings SET confidence = 0.7 WHERE page_id = ? AND "
                           "name = 'nomor'", (page,))
    assert "no_ijazah" not in siki_missing(workspace).get(a, [])
