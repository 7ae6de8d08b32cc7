"""Form templates: geometry, layout ids, template checks with FILE:LINE, preview and CLI."""
from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from formgen.core.errors import TemplateError
from formgen.core.resources import shipped_templates
from formgen.forms import (
    check_template,
    document_geometry,
    render_preview,
    template_names,
)
from formgen.forms._appearance import MIN_VALUE_SIZE, fit_value
from ocr.geometry import DocumentGeometry

DOCS = ["sampul", "permohonan", "pengalaman_kerja", "pernyataan_kebenaran"]


def test_templates_listed():
    assert set(DOCS) <= set(template_names())
    assert "_common" not in template_names()


@pytest.mark.parametrize("doc", DOCS)
def test_shipped_templates_pass_check(doc):
    assert check_template(doc) == []


@pytest.mark.parametrize("paper,size", [("A4", (210, 297)), ("F4", (215, 330))])
def test_geometry_shape(paper, size):
    for doc in DOCS:
        geometry = document_geometry(doc, paper)
        assert geometry.size_mm == size and geometry.paper == paper and geometry.doc == doc
        assert DocumentGeometry.from_json(geometry.to_json()) == geometry
        for page in geometry.pages:
            assert len(page.marks) == 4
            for x, y, side in page.marks:
                assert side == 5
                assert min(x, size[0] - x) == 10 and min(y, size[1] - y) == 10
            qx, qy, qw, qh = page.qr
            assert qw == qh >= 22
            assert 0 < qx and qx + qw < size[0] and 0 < qy and qy + qh < size[1]
            names = [b.name for b in page.boxes]
            assert len(names) == len(set(names))


def test_geometry_ids_stable_and_distinct():
    ids = {(doc, paper): document_geometry(doc, paper).id for doc in DOCS for paper in ("A4", "F4")}
    assert len(set(ids.values())) == len(ids)
    assert document_geometry("permohonan", "A4").id == ids[("permohonan", "A4")]
    assert all(len(i) == 8 and int(i, 16) >= 0 for i in ids.values())


def test_boxes_and_charsets():
    boxes = {b.name: b for p in document_geometry("permohonan", "A4").pages for b in p.boxes}
    assert boxes["nik"].kind == "text" and boxes["nik"].charset == "digits"
    assert boxes["no_hp"].charset == "digits"
    assert boxes["tanggal_lahir"].charset == "date"
    assert boxes["nama"].charset == "alpha" and boxes["nama"].key == "nama"
    assert boxes["alamat"].charset == "any"
    assert boxes["ttd_pemohon"].kind == "signature"
    assert boxes["jenis_kelamin_l"].kind == "checkbox"
    kinds = {b.kind for p in document_geometry("pernyataan_kebenaran", "F4").pages
             for b in p.boxes}
    assert kinds == {"text", "signature", "materai"}
    rows = [b for p in document_geometry("pengalaman_kerja", "A4").pages for b in p.boxes
            if b.name.endswith("_pemberi_kerja") and b.name.startswith("proyek_")]
    assert len(rows) >= 5
    signers = {b.name for p in document_geometry("pengalaman_kerja", "A4").pages
               for b in p.boxes if b.kind == "signature"}
    assert signers == {"ttd_pemohon", "ttd_pemberi_kerja"}


@pytest.fixture
def template_copy(tmp_path, monkeypatch):
    """A writable copy of form_templates/ used instead of the shipped one."""
    folder = tmp_path / "form_templates"
    shutil.copytree(shipped_templates(), folder)
    monkeypatch.setenv("FORMGEN_TEMPLATES", str(folder))
    return folder


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_check_reports_unknown_element_with_line(template_copy):
    path = template_copy / "pernyataan_kebenaran.yaml"
    text = path.read_text(encoding="utf-8").replace("  - text: \"dengan ini menyatakan",
                                                    "  - paragraf: \"dengan ini menyatakan")
    path.write_text(text, encoding="utf-8")
    problems = check_template("pernyataan_kebenaran")
    assert len(problems) == 1
    assert problems[0].path == str(path)
    assert problems[0].line == _line_of(path, "paragraf:")
    assert problems[0].one_line().startswith(f"{path}:{problems[0].line}:")


def test_check_reports_yaml_error_with_line(template_copy):
    path = template_copy / "sampul.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[10] = "  - title: [tidak ditutup"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_template("sampul")
    assert problems and problems[0].code == "template_yaml"
    assert problems[0].path == str(path) and problems[0].line in (11, 12)


def test_check_reports_bad_value_with_line(template_copy):
    path = template_copy / "sampul.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    lines: 1\n", "    lines: satu\n", 1), encoding="utf-8")
    problems = check_template("sampul")
    assert problems[0].code == "template_value"
    assert problems[0].line == _line_of(path, "lines: satu")
    path.write_text(text.replace("row_height: 6.8", "row_height: tinggi"), encoding="utf-8")
    problems = check_template("sampul")
    assert problems[0].code == "template_value" and problems[0].line


def test_check_catches_ink_inside_signature_box(template_copy):
    """A text pulled up over the signature box (negative spacing) must be reported."""
    path = template_copy / "pengalaman_kerja.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    gap: 12\n", "    gap: 12\n    after: -30\n  - text: \"Catatan tambahan\"\n")
    path.write_text(text, encoding="utf-8")
    problems = check_template("pengalaman_kerja")
    assert {p.code for p in problems} >= {"box_ink"}
    assert all(p.path == str(path) and p.line for p in problems)


def test_check_catches_duplicate_names_and_unknown_variables(template_copy):
    path = template_copy / "permohonan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("key: nomor_skema", "key: nama"), encoding="utf-8")
    problems = check_template("permohonan")
    assert problems[0].code == "template_name"
    assert problems[0].line == _line_of(path, "Nomor skema")
    path.write_text(text.replace("Bagian 1: Rincian", "Bagian {{ nomor }}: Rincian"),
                    encoding="utf-8")
    problems = check_template("permohonan")
    assert problems[0].code == "template_jinja"
    assert problems[0].line == _line_of(path, "Bagian {{ nomor }}")


def test_text_using_settings_needs_fixed_lines(template_copy):
    path = template_copy / "sampul.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    lines: 1\n    align: centre\n    after: 3\n",
                                 "    align: centre\n    after: 3\n", 1), encoding="utf-8")
    problems = check_template("sampul")
    assert problems[0].code == "template_lines"


def test_unknown_template():
    with pytest.raises(TemplateError):
        document_geometry("tidak_ada", "A4")


def test_preview_pdf(tmp_path):
    out = tmp_path / "p.pdf"
    pages = render_preview("permohonan", out, paper="F4")
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == pages == len(document_geometry("permohonan", "F4").pages)
    assert reader.get_fields()["permohonan.nama"]["/V"]
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
    assert "FR.APL.01" in text and "Bagian 1" in text and "Data Pribadi" in text


def test_cli_template_commands(cli, tmp_path, template_copy):
    result = cli("template", "list")
    assert result.exit_code == 0 and "permohonan" in result.stdout.split()
    result = cli("template", "check", "permohonan")
    assert result.exit_code == 0, result.output
    out = tmp_path / "s.pdf"
    result = cli("template", "preview", "sampul", "--paper", "F4", "-o", str(out))
    assert result.exit_code == 0 and out.is_file()
    path = template_copy / "sampul.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("- notice:", "- noticee:"),
                    encoding="utf-8")
    result = cli("template", "check", "sampul")
    assert result.exit_code == 1
    assert f"{path}:{_line_of(path, 'noticee')}:" in result.stderr
    result = cli("template", "check", "sampul", "--json")
    assert '"ok": false' in result.stdout


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1,
                    max_size=260),
       w=st.floats(20, 500), h=st.floats(12, 80), lines=st.integers(1, 3))
def test_fitted_values_never_leave_the_box(text, w, h, lines):
    size, shown = fit_value(text, w, h, max_size=10, lines=lines)
    assert MIN_VALUE_SIZE <= size <= 10
    assert all(stringWidth(line, "Helvetica", size) <= w + 1e-6 for line in shown)
    assert len(shown) * size * 1.15 <= h + 1e-6 or len(shown) == 1


def test_check_keeps_ink_clear_of_corner_marks(template_copy):
    path = template_copy / "_common.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("margin_left: 20", "margin_left: 12")
                    .replace("margin_top: 16", "margin_top: 10"), encoding="utf-8")
    assert "ink_near_mark" in {p.code for p in check_template("sampul")}
