"""Dossiers read back with pypdf and Tesseract: order, bookmarks, text layer, size, encryption."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytesseract
import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from formgen.core.errors import UsageError
from formgen.outputs.dossier import write_dossiers
from scansim.records import complete_applicant, nik_for

FORBIDDEN = {"/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/OpenAction",
             "/AA", "/URI", "/SubmitForm"}
ONLY_PHOTO = ("permohonan", "pengalaman_kerja", "pernyataan_kebenaran", "ktp", "ijazah")


def active_keys(reader: PdfReader) -> set[str]:
    """Every dictionary key reachable from the trailer (walks the object graph)."""
    seen, keys, stack = set(), set(), [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            keys |= set(obj.keys())
            stack.extend(v for k, v in obj.items() if k != "/Parent")
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return keys


@pytest.fixture
def lengkap(workspace):
    app = complete_applicant(workspace, nik=nik_for(1), nama="BUDI SANTOSO")
    return workspace, app


def test_dossier_order_bookmarks_text_size_and_metadata(lengkap):
    ws, app = lengkap
    result = write_dossiers(ws, applicant=app)
    (entry,) = result["dossiers"]
    assert result["skipped"] == [] and "password" not in result
    assert entry["applicant"] == app and entry["nik"] == nik_for(1) and entry["pages"] == 8
    path = ws.root / "dossiers" / f"{nik_for(1)}_BUDI_SANTOSO.pdf"
    assert entry["path"] == str(path) and path.stat().st_size == entry["bytes"]
    assert entry["bytes"] < 2_000_000
    assert path.stat().st_mode & 0o077 == 0

    reader = PdfReader(path)
    assert len(reader.pages) == 8
    titles = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert [t for t, _ in titles] == [
        "Sampul dan daftar periksa",
        "1. Form Surat Permohonan sesuai format LSP",
        "2. Form Keterangan Pengalaman Kerja sesuai format LSP",
        "3. Form Pernyataan Kebenaran Data bermeterai Rp10.000 sesuai format LSP",
        "4. Foto/fotokopi KTP berwarna, 1 lembar",
        "5. Foto/fotokopi ijazah terakhir berwarna, 1 lembar",
        "6. Pas foto resmi 3 x 4 (kemeja berkerah, latar belakang polos)"]
    assert [n for _, n in titles] == [0, 1, 3, 4, 5, 6, 7]

    cover = reader.pages[0].extract_text()
    assert "BUDI SANTOSO" in cover and nik_for(1) in cover and "LENGKAP" in cover
    # the invisible text layer makes the scanned pages searchable, in requirement order
    texts = [reader.pages[i].extract_text().upper() for i in range(1, 8)]
    assert "PERMOHONAN" in texts[0] and "PERMOHONAN" in texts[1]
    assert "PENGALAMAN" in texts[2] and "PERNYATAAN" in texts[3]
    assert "KOTAWARINGIN" in texts[4] and "IJAZAH" in texts[5]

    # the KTP image as stored in the dossier still gives its NIK to OCR
    (image,) = reader.pages[5].images
    ktp = Image.open(io.BytesIO(image.data))
    assert ktp.mode == "RGB"
    read = pytesseract.image_to_string(ktp.convert("L"), lang="ind")
    assert nik_for(1) in re.sub(r"[^\d\n]", "", read)
    # a form page that is not in colour is stored grey
    assert Image.open(io.BytesIO(reader.pages[1].images[0].data)).mode == "L"

    meta = reader.metadata
    assert meta.title == f"Berkas sertifikasi pemohon {app:06d}"
    assert meta.producer.startswith("formgen")
    everything = " ".join(str(v) for v in meta.values()).upper()
    assert "BUDI" not in everything and nik_for(1) not in everything
    assert not active_keys(reader) & FORBIDDEN

    rows = ws.conn.execute("SELECT * FROM dossiers WHERE applicant_id = ?", (app,)).fetchall()
    assert len(rows) == 1 and rows[0]["pages"] == 8 and not rows[0]["encrypted"]
    assert ws.conn.execute("SELECT count(*) FROM audit WHERE action = 'dossier'").fetchone()[0]


def test_only_lengkap_unless_forced_and_rerun_is_not_doubled(workspace):
    done = complete_applicant(workspace, nik=nik_for(2), nama="SITI", skip=ONLY_PHOTO)
    nothing = complete_applicant(workspace, nik=nik_for(3), nama="ANDI", images=False)
    result = write_dossiers(workspace, all_applicants=True)
    assert result["dossiers"] == []
    skipped = {s["applicant"]: s["code"] for s in result["skipped"]}
    assert skipped == {done: "not_lengkap", nothing: "no_pages"}
    forced = write_dossiers(workspace, applicant=nik_for(2), force=True)
    assert [d["pages"] for d in forced["dossiers"]] == [2]
    reader = PdfReader(forced["dossiers"][0]["path"])
    assert "BELUM LENGKAP" in reader.pages[0].extract_text()
    assert "belum diserahkan" in reader.pages[0].extract_text()
    write_dossiers(workspace, applicant=done, force=True)
    assert workspace.conn.execute("SELECT count(*) FROM dossiers").fetchone()[0] == 1
    assert len(list((workspace.root / "dossiers").glob("*.pdf"))) == 1
    with pytest.raises(UsageError):
        write_dossiers(workspace)


def test_encrypted_dossier_aes256(workspace):
    app = complete_applicant(workspace, nik=nik_for(4), nama="SITI", skip=ONLY_PHOTO)
    result = write_dossiers(workspace, applicant=app, force=True, encrypt=True)
    password = result["password"]
    assert len(password) >= 12
    path = result["dossiers"][0]["path"]
    assert b"SITI" not in Path(path).read_bytes()
    reader = PdfReader(path)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert not PdfReader(path).decrypt("salah")
    reader = PdfReader(path)
    assert reader.decrypt(password)
    assert "SITI" in reader.pages[0].extract_text()
    # a password given is used and not echoed back
    given = write_dossiers(workspace, applicant=app, force=True, encrypt=True, password="rahasia-1")
    assert "password" not in given
    assert PdfReader(given["dossiers"][0]["path"]).decrypt("rahasia-1")


def test_same_name_gets_unique_file_and_cli_json(workspace, cli):
    a = complete_applicant(workspace, nik=None, nama="ANDI", skip=ONLY_PHOTO)
    b = complete_applicant(workspace, nik=None, nama="ANDI", skip=ONLY_PHOTO)
    result = cli("dossier", "--all", "--force", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    names = sorted(d["path"].rsplit("/", 1)[1] for d in data["dossiers"])
    assert names == [f"ID{a:06d}_ANDI.pdf", f"ID{b:06d}_ANDI.pdf"]
    assert {d["applicant"] for d in data["dossiers"]} == {a, b}
    assert cli("dossier").exit_code == 2


def test_unreadable_page_image_skips_that_dossier_only(workspace, cli):
    good = complete_applicant(workspace, nik=nik_for(5), nama="SITI", skip=ONLY_PHOTO)
    bad = complete_applicant(workspace, nik=nik_for(6), nama="ANDI", skip=ONLY_PHOTO)
    rel = workspace.conn.execute("SELECT image_path FROM pages WHERE applicant_id = ?",
                                 (bad,)).fetchone()[0]
    (workspace.root / rel).write_bytes(b"not an image")
    result = cli("dossier", "--all", "--force", "--json")
    assert result.exit_code == 1
    assert rel in result.stderr and "bad_image" in result.stderr
    data = json.loads(result.stdout)
    assert [d["applicant"] for d in data["dossiers"]] == [good]
    assert [s["applicant"] for s in data["skipped"]] == [bad]
