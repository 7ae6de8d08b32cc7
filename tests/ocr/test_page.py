"""The reader's whole decision for one page: form by QR, attachment without, and typed values."""
from __future__ import annotations

from PIL import Image

from ocr.findings import Finding
from ocr.load import open_document
from ocr.page import PageResult, apply_form_values, read_page
from ocr.source import describe_file
from scansim.formpages import PAGE_ID, document_geometry, make_form_pdf, rotate


def test_form_page_is_identified_registered_and_read_upright(tmp_path):
    pdf = tmp_path / "form.pdf"
    make_form_pdf(pdf)
    layouts = {PAGE_ID.layout: document_geometry()}
    with open_document(pdf) as document:
        result, upright = read_page(document, 0, dpi=150, layouts=layouts, sha256="ab" * 32)
    assert (result.error_code, result.qr_status, result.page_id) == (None, "ok", PAGE_ID)
    assert (result.doc, result.doc_confidence, result.registered) == ("permohonan", 1.0, True)
    assert {f.name for f in result.findings} == {"target", "ttd_pemohon"}
    assert upright is not None and upright.height > upright.width


def test_form_printed_elsewhere_is_identified_without_boxes(tmp_path):
    pdf = tmp_path / "form.pdf"
    make_form_pdf(pdf)
    with open_document(pdf) as document:
        result, _ = read_page(document, 0, dpi=150, layouts={})
    assert result.page_id == PAGE_ID and result.registered is None and result.findings == []


def test_page_without_qr_is_an_attachment_turned_upright(tmp_path):
    pdf = tmp_path / "plain.pdf"
    make_form_pdf(pdf, with_qr=False)
    turned = tmp_path / "turned.png"
    with open_document(pdf) as document:
        rotate(document.render(0, 150), 180).save(turned, dpi=(150, 150))
    with open_document(turned) as document:
        result, upright = read_page(document, 0, dpi=150, layouts={})
    assert result.qr_status == "none" and result.page_id is None
    assert result.doc not in (None, "blank", "ktp", "pas_foto")
    assert result.rotation == 180 and upright is not None


def test_a_page_that_cannot_be_rendered_is_a_result_with_a_code(tmp_path):
    png = tmp_path / "blank.png"
    Image.new("L", (100, 140), 255).save(png)
    with open_document(png) as document:
        result, upright = read_page(document, 5, dpi=150, layouts={})
    assert upright is None and result.error_code == "unreadable_page"


def test_typed_form_values_replace_ocr_of_the_same_field():
    result = PageResult("f" * 64, 0, doc="permohonan",
                        findings=[Finding("field", "nama", "AHMAD 5", 0.4),
                                  Finding("checkbox", "setuju", True, 0.9)])
    apply_form_values(result, {"permohonan.nama": "AHMAD SUBARI",
                               "pengalaman_kerja.nama": "OTHER"})
    assert [(f.kind, f.name, f.value, f.note) for f in result.findings] == [
        ("field", "nama", "AHMAD SUBARI", "acroform"), ("checkbox", "setuju", True, None)]
    unknown = PageResult("f" * 64, 1)
    apply_form_values(unknown, {"permohonan.nama": "AHMAD SUBARI"})
    assert unknown.findings == []


def test_describe_file_gives_pages_and_no_form_values_for_a_scan(tmp_path):
    pdf = tmp_path / "form.pdf"
    make_form_pdf(pdf)
    source = describe_file(pdf)
    assert (source.kind, source.page_count, source.repaired, source.form_values) == (
        "pdf", 1, False, {})
