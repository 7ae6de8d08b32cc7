"""What the service time produces: the timeline chart, recruitment letters, certificates."""
from __future__ import annotations

import hashlib
import json
import stat
from datetime import date
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

PEOPLE = [
    ("6201024505900003", "SITI AMINAH", "1990-05-05", "P", "Sidorejo"),
    ("6201021203850001", "BUDI SANTOSO", "1985-03-12", "L", "MADUREJO"),
    ("6201021707920002", "AHMAD RIFAI", "1992-07-17", "L", "Sidorejo"),
    ("6201025512910010", "JUWITA SARI", "1991-12-15", "P", "../Raja/..\\Seberang"),
]
REQUIREMENTS = ["Surat Permohonan", "Keterangan Pengalaman Kerja",
                "Pernyataan Kebenaran Data bermaterai Rp10.000", "fotokopi KTP",
                "ijazah terakhir", "Pas foto formal ukuran 3 x 4"]


@pytest.fixture
def batch(workspace, cli):
    for nik, nama, lahir, jk, kel in PEOPLE:
        workspace.conn.execute(
            "INSERT INTO applicants(nik, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, "
            "kelurahan, created_at, updated_at) VALUES (?, ?, 'Pangkalan Bun', ?, ?, ?, 'x', 'x')",
            (nik, nama, lahir, jk, kel))
    assert cli("batch", "create", "Gelombang 1", "--start", "2026-11-02").exit_code == 0
    assert cli("batch", "assign", "Gelombang 1", "--all-unassigned").exit_code == 0
    return "Gelombang 1"


def red_pixels(path: Path) -> int:
    pixels = np.asarray(Image.open(path).convert("RGB")).astype(int)
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return int(((r > 190) & (g < 90) & (b < 90)).sum())


def test_chart_is_a_png_of_the_expected_size(batch, cli, tmp_path):
    on_time = tmp_path / "tepat.png"
    assert cli("status", "--today", "2026-11-03", "--chart", str(on_time),
               "--json").exit_code == 0
    cli("stage", "done", "pengumuman", "--date", "2026-11-04")
    cli("stage", "done", "verifikasi", "--date", "2026-11-08")
    late = tmp_path / "terlambat.png"
    result = cli("status", "--today", "2026-11-20", "--chart", str(late))
    assert result.exit_code == 0 and str(late) in result.stdout
    with Image.open(late) as image:
        assert image.format == "PNG" and image.size == (1600, 900)
    assert red_pixels(late) > 20 * red_pixels(on_time) + 1000  # late parts drawn in red
    assert stat.S_IMODE(Path(late).stat().st_mode) == 0o600


def test_chart_stacks_batches(batch, cli, tmp_path):
    cli("batch", "create", "Gelombang 2", "--start", "2026-12-01")
    path = tmp_path / "dua.png"
    assert cli("status", "--today", "2026-11-20", "--chart", str(path)).exit_code == 0
    with Image.open(path) as image:
        assert image.size == (1600, 900)


def test_chart_notes_and_long_stage_names_fit(batch, workspace, tmp_path):
    from formgen.service.chart import build_figure
    from formgen.service.status import build_status

    cli_report = build_status(workspace, today=date(2027, 3, 30))
    for stage in cli_report["batches"][0]["stages"]:
        stage["nama"] = stage["nama"] + " beserta penjelasan yang sangat panjang sekali"
    fig = build_figure(cli_report)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    texts = [t for ax in fig.axes for t in ax.texts] + [
        label for ax in fig.axes for label in ax.get_yticklabels()]
    assert any("terlambat" in t.get_text() for t in texts)  # ~130 days late: long notes
    for text in texts:
        box = text.get_window_extent(renderer)
        assert box.x0 >= page.x0 - 1 and box.x1 <= page.x1 + 1, text.get_text()
    for ax in fig.axes:
        axes_box = ax.get_window_extent(renderer)
        notes = [t for t in ax.texts if "terlambat" in t.get_text()]
        assert all(t.get_window_extent(renderer).x1 <= axes_box.x1 for t in notes)
        ticks = sorted((label.get_window_extent(renderer) for label in ax.get_xticklabels()
                        if label.get_text()), key=lambda box: box.x0)
        assert len(ticks) >= 4
        assert all(a.x1 < b.x0 for a, b in zip(ticks, ticks[1:], strict=False))  # none overlap


def letter_text(path: str) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_recruitment_letters_per_kelurahan(workspace, batch, cli):
    text = workspace.config_path.read_text(encoding="utf-8")
    workspace.config_path.write_text(
        text.replace('whatsapp = ""', 'whatsapp = "0812-0000-1111"'), encoding="utf-8")
    result = cli("letter", "rekrutmen", "--batch", batch, "--date", "2026-10-28", "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    letters = {item["kelurahan"]: item for item in body["letters"]}
    assert set(letters) == {"Sidorejo", "Madurejo", "../Raja/..\\Seberang"}
    letters_dir = (workspace.root / "letters").resolve()
    for name, item in letters.items():
        path = Path(item["path"])
        assert path.resolve().parent == letters_dir and path.name.isascii()
        assert "/" not in path.name and ".." not in path.stem and "\\" not in path.name
        assert stat.S_IMODE(Path(path).stat().st_mode) == 0o600
        content = letter_text(item["path"])
        flat = " ".join(content.split())
        assert f"Lurah/Kepala Desa {name}" in flat
        for requirement in REQUIREMENTS:
            assert requirement in flat, requirement
        assert "tidak dipungut biaya" in flat
        assert "Fasilitasi Sertifikasi Tenaga Kerja Konstruksi" in flat
        assert "SK 600.1/66/PUPR.I" in flat
        assert "WhatsApp 0812-0000-1111" in flat and "(0532) 21034" in flat
        assert "Jalan Sutan Syahrir No. 5" in flat
        assert "2–4 November 2026" in flat and "27 November – 1 Desember 2026" in flat
        assert "Pangkalan Bun, 28 Oktober 2026" in flat
        assert "NIP." in flat and "KEPALA DINAS PEKERJAAN UMUM" in flat
        assert item["pages"] == 1
    reader = PdfReader(body["print_file"])
    assert len(reader.pages) == sum(item["pages"] for item in body["letters"])
    assert [o.title for o in reader.outline] == [i["kelurahan"] for i in body["letters"]]


def test_letter_addressees_from_options_and_settings(workspace, batch, cli):
    result = cli("letter", "rekrutmen", "--kelurahan", "Kumai Hulu", "--kelurahan", "kumai hulu",
                 "--nomor", "600.1/123/PUPR.I/2026", "--json")
    body = json.loads(result.stdout)
    assert [i["kelurahan"] for i in body["letters"]] == ["Kumai Hulu"]
    assert "600.1/123/PUPR.I/2026" in letter_text(body["letters"][0]["path"])
    with Path(workspace.config_path).open("a", encoding="utf-8") as handle:
        handle.write('\n[rekrutmen]\nkelurahan = ["Pasir Panjang", "Mendawai"]\n'
                     'penandatangan_nama = "Ir. CONTOH PEJABAT, M.T."\n')
    body = json.loads(cli("letter", "rekrutmen", "--json").stdout)
    assert [i["kelurahan"] for i in body["letters"]] == ["Pasir Panjang", "Mendawai"]
    assert "Ir. CONTOH PEJABAT, M.T." in letter_text(body["letters"][1]["path"])


def test_letter_without_addressees_or_batch(workspace, cli):
    assert cli("letter", "rekrutmen").exit_code == 2                 # no batch yet
    cli("batch", "create", "Kosong", "--start", "2026-11-02")
    result = cli("letter", "rekrutmen", "--batch", "Kosong")
    assert result.exit_code == 2 and "tidak ada kelurahan/desa tujuan" in result.stderr


def make_pdf(path: Path) -> Path:
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "SERTIFIKAT KOMPETENSI KERJA")
    canvas.save()
    return path


def test_certificate_record(workspace, batch, cli, tmp_path):
    pdf = make_pdf(tmp_path / "skk.pdf")
    result = cli("certificate", "record", "--applicant", PEOPLE[0][0], "--number",
                 "SKK/001/2026", "--date", "30-11-2026", "--file", str(pdf), "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["number"] == "SKK/001/2026" and body["date"] == "2026-11-30"
    stored = workspace.root / body["path"]
    assert stored.parent.name == "sertifikat" and stored.name.startswith(PEOPLE[0][0])
    assert "/" not in stored.name.removeprefix(PEOPLE[0][0])
    assert stored.read_bytes() == pdf.read_bytes()
    assert stat.S_IMODE(Path(stored).stat().st_mode) == 0o600
    row = workspace.conn.execute("SELECT * FROM certificates").fetchone()
    assert row["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    # recording the same number again updates it, without a second row
    assert cli("certificate", "record", "--applicant", "1", "--number", "SKK/001/2026",
               "--date", "2026-12-01").exit_code == 0
    rows = workspace.conn.execute("SELECT issued_date, path FROM certificates").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("2026-12-01", body["path"])]
    report = json.loads(cli("status", "--json", "--today", "2026-12-02").stdout)
    certified = {a["nik"]: a["certificate"] for a in report["batches"][0]["applicants"]}
    assert certified[PEOPLE[0][0]] == "SKK/001/2026" and certified[PEOPLE[1][0]] is None


def test_certificate_bad_input(workspace, batch, cli, tmp_path):
    fake = tmp_path / "bukan.pdf"
    fake.write_bytes(b"GIF89a not a pdf")
    result = cli("certificate", "record", "--applicant", "1", "--number", "X1", "--date",
                 "2026-11-30", "--file", str(fake))
    assert result.exit_code == 1 and "bukan.pdf" in result.stderr and "bukan PDF" in result.stderr
    truncated = tmp_path / "potong.pdf"
    truncated.write_bytes(make_pdf(tmp_path / "utuh.pdf").read_bytes()[:60])
    assert cli("certificate", "record", "--applicant", "1", "--number", "X1", "--date",
               "2026-11-30", "--file", str(truncated)).exit_code == 1
    assert cli("certificate", "record", "--applicant", "99", "--number", "X1", "--date",
               "2026-11-30").exit_code == 2
    assert cli("certificate", "record", "--applicant", "1", "--number", "X1", "--date",
               "kemarin").exit_code == 2
    assert workspace.conn.execute("SELECT count(*) FROM certificates").fetchone()[0] == 0
    assert not (workspace.root / "sertifikat").exists() or not any(
        (workspace.root / "sertifikat").iterdir())
