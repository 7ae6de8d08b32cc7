"""Form packs read back: fields (pypdf), text (pdfplumber), QR codes and marks (renders)."""
from __future__ import annotations

import io
import json

import cv2
import numpy as np
import pdfplumber
import pypdf
import pytest
import zxingcpp
from PIL import Image

import formgen.forms._packs as packs_module
from formgen.core.errors import InputError, UsageError, WorkspaceError
from formgen.core.workspace import init_workspace, open_workspace
from formgen.forms import document_geometry, generate_packs, pack_docs
from ocr.pageid import parse_page_id
from tests.conftest import load_json
from tests.support.pack_support import add_applicant, flatten, px, render

LONG_NAME = "MUHAMMAD RIZKY PRATAMA WIJAYAKUSUMA HADINEGORO SANTOSO PUTRA"  # 60 characters
LONG_ADDRESS = ("Jalan Contoh Panjang Sekali Nomor 123 Blok C, RT 004/RW 012, Kompleks Perumahan "
                "Griya Contoh Sejahtera Indah Permai Tahap II, di belakang Gedung Serbaguna, dekat "
                "Masjid Contoh, Pangkalan Bun 74112")[:200]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """One workspace with two applicants (one with very long values) and a blank pack, printed."""
    ws, _ = init_workspace(tmp_path_factory.mktemp("packs") / "ws")
    first = add_applicant(ws, experience=3)
    long = add_applicant(ws, nik="6201024107900002", nama=LONG_NAME, alamat=LONG_ADDRESS,
                         jenis_kelamin="L", jenjang=4, experience=0)
    result = generate_packs(ws, applicant_ids=[first, long], blank=1)
    yield ws, result, first, long
    ws.close()


def test_result_shape_and_files(printed):
    ws, result, first, long = printed
    packs = result["packs"]
    assert [p["applicant"] for p in packs] == [first, long, None]
    assert [p["nik"] for p in packs] == ["6201021507880003", "6201024107900002", None]
    assert packs[0]["path"].endswith("6201021507880003_SITI_NURHALIZA_CONTOH_P000001.pdf")
    assert packs[2]["path"].endswith("P000003.pdf")
    for pack in packs:
        assert len(pypdf.PdfReader(pack["path"]).pages) == pack["pages"] == 5
    assert len(pypdf.PdfReader(result["print_file"]).pages) == 15
    rows = ws.conn.execute("SELECT number, applicant_id, paper, pages, path FROM packs "
                           "ORDER BY id").fetchall()
    assert [(r["number"], r["applicant_id"], r["pages"]) for r in rows] == [
        ("P000001", first, 5), ("P000002", long, 5), ("P000003", None, 5)]
    assert all(r["path"] and r["paper"] == "A4" for r in rows)
    actions = [r["action"] for r in ws.conn.execute("SELECT action FROM audit")]
    assert actions.count("pack.print") == 2 and actions.count("pack.generate") == 1


def test_layouts_stored_with_geometry(printed):
    ws, *_ = printed
    stored = {r["doc"]: r for r in ws.conn.execute("SELECT * FROM layouts")}
    assert set(stored) == set(pack_docs())
    for doc, row in stored.items():
        geometry = document_geometry(doc, "A4")
        assert row["id"] == geometry.id
        assert json.loads(row["geometry"]) == json.loads(geometry.to_json())


def test_fields_named_and_filled(printed):
    _, result, *_ = printed
    fields = pypdf.PdfReader(result["packs"][0]["path"]).get_fields()
    values = {name: f.get("/V") for name, f in fields.items()}
    assert values["permohonan.nama"] == "SITI NURHALIZA CONTOH"
    assert values["pernyataan_kebenaran.nik"] == "6201021507880003"
    assert values["permohonan.tanggal_lahir"] == "15-07-1988"
    assert values["pengalaman_kerja.proyek_3_nama"] == "Proyek Contoh 3"
    assert values["pengalaman_kerja.proyek_1_mulai"] == "03-2010"
    assert values["pengalaman_kerja.proyek_4_nama"] is None
    assert values["permohonan.jenis_kelamin_p"] == "/Yes"
    assert values["permohonan.jenis_kelamin_l"] == "/Off"
    assert values["permohonan.jenjang_2"] == "/Yes"
    for key in ("nama", "nik", "tempat_lahir", "tanggal_lahir", "alamat", "kelurahan",
                "kecamatan", "no_hp", "email", "pendidikan", "jabatan_kerja"):
        assert values[f"permohonan.{key}"], key
    signatures = sorted(n for n, f in fields.items() if f.get("/FT") == "/Sig")
    assert signatures == ["pengalaman_kerja.ttd_pemberi_kerja", "pengalaman_kerja.ttd_pemohon",
                          "permohonan.ttd_admin_lsp", "permohonan.ttd_pemohon",
                          "pernyataan_kebenaran.materai", "pernyataan_kebenaran.ttd_pemohon"]


def test_blank_pack_fields_empty_but_presets(printed):
    _, result, *_ = printed
    fields = pypdf.PdfReader(result["packs"][2]["path"]).get_fields()
    assert fields["permohonan.nama"].get("/V") is None
    assert fields["permohonan.kebangsaan"].get("/V") == "Indonesia"
    assert fields["permohonan.jenis_kelamin_l"].get("/V") == "/Off"


def test_values_have_appearance_streams(printed, tmp_path):
    """pypdfium2 shows the values: rendered with forms, and as text once flattened."""
    _, result, *_ = printed
    path = result["packs"][0]["path"]
    box = document_geometry("permohonan", "A4").page(1).box("nama")
    x, y, w, h = (px(v, 100) for v in box.rect)
    with_values = render(path, 1, 100, forms=True)[y + 2:y + h - 2, x + 2:x + w - 2]
    blank = render(result["packs"][2]["path"], 1, 100, forms=True)[y + 2:y + h - 2,
                                                                   x + 2:x + w - 2]
    assert (with_values < 128).sum() > 50
    assert (blank < 128).sum() == 0
    flatten(path, tmp_path / "flat.pdf")
    with pdfplumber.open(tmp_path / "flat.pdf") as pdf:
        text = pdf.pages[1].extract_text()
    assert "SITI NURHALIZA CONTOH" in text and "Arut Selatan" in text


def _chars_in(page, rect_mm, slack=0.2):
    x, y, w, h = (v * 72 / 25.4 for v in rect_mm)
    inside, crossing = [], []
    for ch in page.chars:
        if ch["x1"] < x or ch["x0"] > x + w or ch["bottom"] < y or ch["top"] > y + h:
            continue
        if (ch["x0"] >= x - slack and ch["x1"] <= x + w + slack and ch["top"] >= y - slack
                and ch["bottom"] <= y + h + slack):
            inside.append(ch)
        else:
            crossing.append(ch)
    return inside, crossing


def test_long_values_stay_inside_their_boxes(printed, tmp_path):
    _, result, *_ = printed
    flatten(result["packs"][1]["path"], tmp_path / "long.pdf")
    geometry = document_geometry("permohonan", "A4").page(1)
    with pdfplumber.open(tmp_path / "long.pdf") as pdf:
        page = pdf.pages[1]
        inside, crossing = _chars_in(page, geometry.box("nama").rect)
        assert not crossing
        assert "".join(c["text"] for c in inside).replace(" ", "") == LONG_NAME.replace(" ", "")
        inside, crossing = _chars_in(page, geometry.box("alamat").rect)
        assert not crossing
        shown = "".join(c["text"] for c in inside).replace(" ", "")
        assert len(shown) > 100
        assert LONG_ADDRESS.replace(" ", "").startswith(shown.rstrip(".")[:100])
        assert len({round(c["top"]) for c in inside}) >= 2  # wrapped onto several lines


@pytest.mark.parametrize("dpi", [150, 300])
def test_qr_decodes_to_page_id(printed, dpi):
    ws, result, first, _ = printed
    path = result["packs"][0]["path"]
    expected = [(doc, page.page, len(document_geometry(doc, "A4").pages))
                for doc in pack_docs() for page in document_geometry(doc, "A4").pages]
    for index in range(len(expected)):
        image = render(path, index, dpi)
        found = [parse_page_id(b.text) for b in zxingcpp.read_barcodes(image)]
        found = [f for f in found if f]
        assert len(found) == 1, (index, dpi)
        pid = found[0]
        doc, page, total = expected[index]
        assert (pid.workspace, pid.pack, pid.applicant) == (ws.settings.workspace_id, 1, first)
        assert (pid.doc, pid.page, pid.total) == (doc, page, total)
        assert pid.layout == document_geometry(doc, "A4").id


def test_qr_text_printed_beside_code(printed):
    _, result, *_ = printed
    with pdfplumber.open(result["packs"][2]["path"]) as pdf:
        text = pdf.pages[0].extract_text()
    layout = document_geometry("sampul", "A4").id
    assert f"P000003 - sampul 1/1 {layout}" in text


def _dark_squares(image: np.ndarray, dpi: int) -> list[tuple[float, float, float]]:
    """Centres (mm) and sides of filled dark squares found in a render."""
    _, binary = cv2.threshold(image, 128, 255, cv2.THRESH_BINARY_INV)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(binary)
    squares = []
    for i in range(1, count):
        x, y, w, h, area = stats[i]
        if w > 10 and abs(w - h) <= 2 and area > 0.9 * w * h:
            squares.append((centroids[i][0] * 25.4 / dpi, centroids[i][1] * 25.4 / dpi,
                            w * 25.4 / dpi))
    return squares


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_marks_where_geometry_says(tmp_path, paper):
    ws, _ = init_workspace(tmp_path / "ws")
    result = generate_packs(ws, blank=1, paper=paper)
    path = result["packs"][0]["path"]
    reader = pypdf.PdfReader(path)
    width, height = document_geometry("permohonan", paper).size_mm
    assert float(reader.pages[1].mediabox.width) == pytest.approx(width * 72 / 25.4, abs=0.1)
    assert float(reader.pages[1].mediabox.height) == pytest.approx(height * 72 / 25.4, abs=0.1)
    for index, (doc, page_no) in enumerate([("sampul", 1), ("permohonan", 1)]):
        geometry = document_geometry(doc, paper).page(page_no)
        image = render(path, index, 150)
        codes = [parse_page_id(b.text) for b in zxingcpp.read_barcodes(image)]
        assert [(c.doc, c.page, c.layout) for c in codes if c] == [
            (doc, page_no, document_geometry(doc, paper).id)]
        squares = _dark_squares(image, 150)
        for cx, cy, side in geometry.marks:
            near = [s for s in squares if abs(s[0] - cx) < 1 and abs(s[1] - cy) < 1]
            assert near, (doc, cx, cy)
            assert near[0][2] == pytest.approx(side, abs=0.4)
    ws.close()


def test_box_interiors_print_no_ink(printed):
    """Checkbox, signature and materai boxes are empty on a blank pack's render."""
    _, result, *_ = printed
    path = result["packs"][2]["path"]
    index = 0
    for doc in pack_docs():
        for page in document_geometry(doc, "A4").pages:
            image = render(path, index, 150)
            for box in page.boxes:
                if box.kind == "text":
                    continue
                x, y, w, h = box.rect
                inner = image[px(y + 0.8, 150):px(y + h - 0.8, 150),
                              px(x + 0.8, 150):px(x + w - 0.8, 150)]
                assert inner.min() > 200, (doc, box.name)
            index += 1


def test_print_file_flattened_with_everyone(printed):
    _, result, *_ = printed
    reader = pypdf.PdfReader(result["print_file"])
    assert not reader.get_fields()
    with pdfplumber.open(result["print_file"]) as pdf:
        assert "SITI NURHALIZA CONTOH" in pdf.pages[1].extract_text()
        assert "P000002" in pdf.pages[5].extract_text()
        assert "SITI" not in pdf.pages[11].extract_text()  # the blank pack's permohonan


def test_selection_errors(workspace):
    with pytest.raises(UsageError):
        generate_packs(workspace)
    with pytest.raises(UsageError):
        generate_packs(workspace, blank=1, paper="A3")
    with pytest.raises(InputError):
        generate_packs(workspace, applicant_ids=[99])
    with pytest.raises(InputError):
        generate_packs(workspace, all_applicants=True)
    assert workspace.conn.execute("SELECT COUNT(*) FROM packs").fetchone()[0] == 0


def test_cli_pack(cli, workspace):
    add_applicant(workspace)
    assert cli("pack").exit_code == 2
    assert cli("pack", "--all", "--applicant", "1").exit_code == 2
    assert cli("pack", "--blank", "-3").exit_code == 2
    result = cli("pack", "--applicant", "6201021507880003", "--json")
    assert result.exit_code == 0, result.output
    data = load_json(result)
    assert data["packs"][0]["applicant"] == 1 and data["packs"][0]["nik"] == "6201021507880003"
    assert data["print_file"].endswith(".pdf")
    result = cli("pack", "--blank", "2", "--paper", "F4")
    assert result.exit_code == 0
    assert result.stdout.count(".pdf") >= 3
    result = cli("pack", "--applicant", "42")
    assert result.exit_code == 1 and "42" in result.stderr
    numbers = [r[0] for r in workspace.conn.execute("SELECT number FROM packs ORDER BY id")]
    assert numbers == ["P000001", "P000002", "P000003"]
    result = cli("pack", "--applicant", "42", "--applicant", "1", "--json")
    assert result.exit_code == 1 and "42" in result.stderr
    data = load_json(result)
    assert [p["applicant"] for p in data["packs"]] == [1]
    assert data["rejected"][0]["applicant"] == "42"


def test_failed_run_frees_its_numbers(workspace, monkeypatch):
    """A run that cannot write leaves no pack rows behind; the next run numbers from 1 again."""
    add_applicant(workspace)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(packs_module, "write_bytes", disk_full)
    with pytest.raises(WorkspaceError):
        generate_packs(workspace, all_applicants=True)
    assert workspace.conn.execute("SELECT COUNT(*) FROM packs").fetchone()[0] == 0
    monkeypatch.undo()
    result = generate_packs(workspace, all_applicants=True)
    assert result["packs"][0]["path"].endswith("_P000001.pdf")


def test_cover_names_free_service_and_complaint_contacts(tmp_path):
    ws, _ = init_workspace(tmp_path / "ws")
    ws.close()
    toml = ws.config_path.read_text(encoding="utf-8")
    ws.config_path.write_text(toml.replace('whatsapp = ""', 'whatsapp = "0812-0000-1111"'),
                              encoding="utf-8")
    ws = open_workspace(tmp_path / "ws")
    result = generate_packs(ws, blank=1)
    with pdfplumber.open(result["packs"][0]["path"]) as pdf:
        text = " ".join(pdf.pages[0].extract_text().split())
    assert "TIDAK DIPUNGUT BIAYA" in text
    assert "WhatsApp 0812-0000-1111" in text and "(0532) 21034" in text
    assert "Jalan Sutan Syahrir No. 5" in text
    assert "Nomor Berkas: P000001" in text
    for requirement in ("Formulir Surat Permohonan", "KTP", "ijazah", "Pas foto"):
        assert requirement in text
    ws.close()


def test_special_characters_survive(tmp_path):
    """Brackets, backslashes and accents in values; characters the form font lacks show as '?'."""
    ws, _ = init_workspace(tmp_path / "ws")
    add_applicant(ws, nama="ANDRÉ (NUR\\AINI) 李", alamat="Jl. Café 5 % (b)")
    result = generate_packs(ws, all_applicants=True)
    path = result["packs"][0]["path"]
    assert pypdf.PdfReader(path).get_fields()["permohonan.nama"]["/V"] == "ANDRÉ (NUR\\AINI) 李"
    flatten(path, tmp_path / "flat.pdf")
    for pdf_path in (tmp_path / "flat.pdf", result["print_file"]):
        with pdfplumber.open(pdf_path) as pdf:
            text = pdf.pages[1].extract_text()
        assert "ANDRÉ (NUR\\AINI) ?" in text and "Jl. Café 5 % (b)" in text
    ws.close()


def test_qr_survives_a_poor_scan(printed):
    """Greyscale JPEG at quality 50, turned 2 degrees, 150 dpi: the code still reads."""
    _, result, *_ = printed
    for index in (1, 4):
        image = Image.fromarray(render(result["packs"][0]["path"], index, 150))
        image = image.rotate(2, expand=True, fillcolor=255)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=50)
        scanned = Image.open(io.BytesIO(buffer.getvalue()))
        codes = [parse_page_id(b.text) for b in zxingcpp.read_barcodes(scanned)]
        assert [c for c in codes if c], index


def test_a_reprint_voids_the_old_numbers_and_says_so(tmp_path, cli):
    ws, _ = init_workspace(tmp_path / "ws")
    first = add_applicant(ws, experience=1)
    ws.close()
    assert cli("pack", "--all").exit_code == 0
    again = cli("pack", "--all", "--json")
    assert again.exit_code == 0, again.output
    (pack,) = load_json(again)["packs"]
    assert (pack["applicant"], pack["number"], pack["replaces"]) == (first, "P000002",
                                                                     ["P000001"])
    assert "P000002 menggantikan P000001" in again.stderr
    assert "tidak berlaku lagi" in again.stderr
    third = cli("pack", "--applicant", str(first))
    assert "P000003 menggantikan P000002;" in third.stderr  # P000001 was voided already
    with open_workspace(tmp_path / "ws") as reopened:
        from formgen.ingest.context import voided_packs
        assert voided_packs(reopened.conn) == {1, 2}
        assert reopened.conn.execute("SELECT count(*) FROM audit WHERE action = 'pack.void'"
                                     ).fetchone()[0] == 2
