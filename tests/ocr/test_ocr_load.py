"""Opening input files by content: every kind, the bad-input corpus, dpi and form fields."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from ocr.errors import BadInput
from ocr.load import extract_form_fields, iter_pages, open_document, sniff_kind
from tests.support import badinputs
from tests.support.badinputs import CORPUS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return badinputs.write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_case(corpus, name):
    case = CORPUS[name]
    if case.code:
        with pytest.raises(BadInput) as info:
            with open_document(corpus[name]) as doc:
                doc.render(0, dpi=72)
        assert info.value.code == case.code
        assert corpus[name].name in str(info.value)
        return
    with open_document(corpus[name]) as doc:
        assert (doc.kind, doc.page_count) == (case.kind, case.pages)
        img = doc.render(0, dpi=72)
        assert img.mode in ("RGB", "L")
        assert img.info["dpi"] == (72, 72)


def test_empty_and_text_are_told_by_content(corpus):
    assert sniff_kind(corpus["jpeg_named_pdf"]) == "jpeg"
    for name, code in (("empty", "empty_file"), ("html_named_pdf", "not_a_document")):
        with pytest.raises(BadInput) as info:
            sniff_kind(corpus[name])
        assert info.value.code == code
    assert "HTML" in str(badinputs_error(corpus["html_named_pdf"]))


def badinputs_error(path: Path) -> BadInput:
    try:
        open_document(path)
    except BadInput as exc:
        return exc
    raise AssertionError(f"{path} opened")


def test_sniff_other_kinds(tmp_path):
    p = tmp_path / "scan.bin"
    badinputs.sample_image().save(p, "PNG")
    assert sniff_kind(p) == "png"
    badinputs.sample_image().save(p, "TIFF")
    assert sniff_kind(p) == "tiff"
    p.write_bytes(b"\r\n" + badinputs.sample_pdf(1))  # junk before the header is allowed
    assert sniff_kind(p) == "pdf"


def test_truncated_pdf_is_repaired_with_its_pages(corpus):
    with open_document(corpus["truncated_pdf_repairable"]) as doc:
        assert doc.repaired and doc.page_count == 3
        first = np.asarray(doc.render(0, dpi=50).convert("L"))
        assert (first < 100).mean() > 0.05  # the filled block of page 1 is there


def test_encrypted_message_says_password(corpus):
    err = badinputs_error(corpus["encrypted_with_password"])
    assert err.code == "encrypted" and "password" in err.detail


def test_tiff_page_bound(corpus):
    with pytest.raises(BadInput) as info:
        open_document(corpus["tiff_500_frames"], max_pages=100)
    assert info.value.code == "too_many_pages"
    with open_document(corpus["tiff_500_frames"]) as doc:
        assert doc.page_count == 500
        assert np.asarray(doc.render(499, dpi=72)).max() == 499 % 256


def test_pdf_page_bound(tmp_path):
    p = tmp_path / "tiga.pdf"
    p.write_bytes(badinputs.sample_pdf(3))
    with pytest.raises(BadInput) as info:
        open_document(p, max_pages=2)
    assert info.value.code == "too_many_pages"
    pages = list(iter_pages(p, dpi=36))
    assert [i for i, _ in pages] == [0, 1, 2]
    assert pages[0][1].size == (150, 200)  # 300x400 pt at half of 72 dpi


def test_huge_pdf_page_is_a_bomb(tmp_path):
    p = tmp_path / "raksasa.pdf"
    c = canvas.Canvas(str(p), pagesize=(5000 * mm, 5000 * mm))
    c.drawString(100, 100, "x")
    c.save()
    with open_document(p) as doc, pytest.raises(BadInput) as info:
        doc.render(0, dpi=200)
    assert info.value.code == "decompression_bomb"


def test_image_normalisation(corpus):
    with open_document(corpus["cmyk_jpeg"]) as doc:
        img = doc.render(0, dpi=72)
    assert img.mode == "RGB"
    r, g, b = np.asarray(img)[25, 35].astype(int)
    assert r > 150 and g < 100 and b < 100  # the red block stays red
    with open_document(corpus["png_16bit"]) as doc:
        row = np.asarray(doc.render(0, dpi=72))[0]
    assert row[0] == 0 and row[63] == round(63 * 1024 / 257)  # 16-bit scaled to 8-bit
    with open_document(corpus["palette_png"]) as doc:
        assert doc.render(0, dpi=72).mode == "RGB"


def test_exif_orientation_applied(corpus):
    with open_document(corpus["exif_rotated_jpeg"]) as doc:
        img = doc.render(0, dpi=72)
    assert img.size == (160, 240)
    r, g, b = np.asarray(img)[30, 130].astype(int)  # top-left block turned to top-right
    assert r > 150 and g < 100


def test_scanned_dpi_is_respected(tmp_path):
    img = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    p = tmp_path / "scan.png"
    img.save(p, dpi=(150, 150))
    with open_document(p) as doc:
        assert doc.render(0, dpi=300).size == (2480, 3508)
    jp = tmp_path / "scan.jpg"
    Image.new("RGB", (2480, 3508), "white").save(jp, dpi=(300, 300), quality=70)
    with open_document(jp) as doc:  # decoded at reduced size, then fitted exactly
        assert doc.render(0, dpi=100).size == (827, 1169)
    # 72 dpi is what phones write when they know nothing: pixels are kept
    photo = tmp_path / "foto.jpg"
    Image.new("RGB", (800, 600), "white").save(photo, dpi=(72, 72))
    with open_document(photo) as doc:
        assert doc.render(0, dpi=200).size == (800, 600)


def _filled_form(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=(100 * mm, 60 * mm))
    form = c.acroForm
    form.textfield(name="nama", value="BUDI CONTOH", x=10 * mm, y=30 * mm, width=80 * mm,
                   height=12 * mm, fontSize=16, borderWidth=0)
    form.checkbox(name="setuju", checked=True, x=10 * mm, y=10 * mm, size=8 * mm)
    c.showPage()
    c.save()


def test_filled_form_values(tmp_path):
    p = tmp_path / "isian.pdf"
    _filled_form(p)
    assert extract_form_fields(p) == {"nama": "BUDI CONTOH", "setuju": "Yes"}
    with open_document(p) as doc:  # the field value is drawn in the rendering
        grey = np.asarray(doc.render(0, dpi=100).convert("L"))
    band = grey[int(18 / 25.4 * 100):int(30 / 25.4 * 100), int(10 / 25.4 * 100):]
    assert (band < 128).sum() > 200


def test_form_fields_of_other_files(corpus, tmp_path):
    assert extract_form_fields(corpus["jpeg_named_pdf"]) == {}
    p = tmp_path / "polos.pdf"
    p.write_bytes(badinputs.sample_pdf(1))
    assert extract_form_fields(p) == {}
    with pytest.raises(BadInput):
        extract_form_fields(corpus["encrypted_with_password"])


def test_close_removes_repair_copy(corpus):
    doc = open_document(corpus["truncated_pdf_repairable"])
    tmpdir = Path(doc._tmpdir)
    assert tmpdir.exists()
    doc.close()
    assert not tmpdir.exists()


def test_bad_input_code_is_checked():
    with pytest.raises(ValueError):
        BadInput("no_such_code")
    assert BadInput("truncated", "x", path="a.pdf").code == "truncated"


def test_png_bytes_roundtrip_rgba(tmp_path):
    img = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    p = tmp_path / "transparan.png"
    img.save(p)
    with open_document(p) as doc:
        out = doc.render(0, dpi=72)
    assert out.mode == "RGB" and np.asarray(out).min() == 255  # transparent -> white paper


def test_is_color_and_to_gray():
    from ocr.imaging import is_color, to_gray

    red_stamp = badinputs.sample_image((400, 300))
    assert is_color(red_stamp)
    assert not is_color(red_stamp.convert("L").convert("RGB"))
    assert not is_color(red_stamp.convert("L"))
    grey = to_gray(np.asarray(red_stamp))
    assert grey.shape == (300, 400) and grey.dtype == np.uint8
    assert np.array_equal(to_gray(red_stamp.convert("L")), grey) or \
        np.abs(to_gray(red_stamp).astype(int) - grey).max() <= 1


def _scan_pdf(path: Path, img: Image.Image, dpi: int) -> Path:
    img.save(path, "PDF", resolution=dpi)   # one JPEG image filling each page, as scanners write
    return path


@pytest.mark.parametrize("mode", ["L", "RGB"])
def test_scanned_page_is_its_image_at_the_scan_dpi(tmp_path, mode):
    """At the scan's own dpi the embedded image is the page (decoded, not re-rendered); at
    another dpi the page is rendered. Both show the same page."""
    import pypdfium2 as pdfium

    rng = np.random.default_rng(4)
    page = np.full((1100, 850, 3), 245, np.uint8)
    page[200:260, 100:700] = (30, 30, 30)
    page[400:600, 300:500] = (200, 40, 40) if mode == "RGB" else (90, 90, 90)
    page = np.clip(page + rng.normal(0, 4, page.shape), 0, 255).astype(np.uint8)
    path = _scan_pdf(tmp_path / "scan.pdf", Image.fromarray(page).convert(mode), 100)
    with open_document(path) as doc:
        direct = doc.render(0, dpi=100)
        resampled = doc.render(0, dpi=150)
    assert direct.mode == mode and direct.info["dpi"] == (100, 100)
    assert abs(direct.width - 850) <= 1 and abs(direct.height - 1100) <= 1
    assert resampled.mode in ("L", "RGB") and abs(resampled.width - 1275) <= 2
    pdf = pdfium.PdfDocument(str(path))
    rendered = pdf[0].render(scale=100 / 72).to_pil().convert(mode)
    pdf.close()
    a = np.asarray(direct, np.float32)
    b = np.asarray(rendered.resize(direct.size), np.float32)
    assert np.abs(a - b).mean() < 3.0


def test_page_with_more_than_a_scan_is_rendered(tmp_path):
    path = tmp_path / "mixed.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(85 * mm, 110 * mm))
    scan = tmp_path / "scan.png"
    Image.new("L", (335, 433), 255).save(scan)
    pdf.drawImage(str(scan), 0, 0, 85 * mm, 110 * mm)
    pdf.setFont("Helvetica", 20)
    pdf.drawString(20, 200, "STEMPEL")      # text drawn over the scan: only a render shows it
    pdf.save()
    with open_document(path) as doc:
        img = np.asarray(doc.render(0, dpi=100).convert("L"))
    assert img.min() < 100
