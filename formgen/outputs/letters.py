"""The recruitment letter: one PDF per kelurahan/desa on the office letterhead, plus a print file.

Wording lives in form_templates/letters/ (rekrutmen.yaml and its Jinja2 body).
The body markup is deliberately small: paragraphs separated by blank lines,
``1. item`` lines for a numbered list, ``| a | b |`` lines for a table.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date

from jinja2 import Environment, FileSystemLoader
from jinja2 import TemplateError as JinjaError
from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from formgen.core.atomic import write_bytes
from formgen.core.errors import TemplateError, UsageError
from formgen.core.i18n import t
from formgen.core.jinjaenv import sandboxed_environment
from formgen.core.resources import template_dirs, template_path
from formgen.core.safenames import safe_component, unique_name
from formgen.core.workspace import Workspace
from formgen.core.yamlfile import load_yaml
from formgen.domain.dates import format_span, format_tanggal
from formgen.outputs.letterhead import draw_letterhead
from formgen.service.batches import (
    batch_start,
    calendar_from_settings,
    get_batch,
    load_stages,
    schedule,
)

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 25 * mm, 20 * mm, 10 * mm, 14 * mm
FONT, FONT_BOLD = "Helvetica", "Helvetica-Bold"
_SMALL_WORDS = {"dan", "di", "ke", "dari", "yang", "atau", "untuk"}

BODY = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=13.2, alignment=TA_JUSTIFY,
                      firstLineIndent=10 * mm, spaceAfter=5)
PLAIN = ParagraphStyle("plain", fontName=FONT, fontSize=10.5, leading=13)
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=9.5, leading=11.5)
CELL_HEAD = ParagraphStyle("cell_head", parent=CELL, fontName=FONT_BOLD)


@dataclass(frozen=True)
class Letter:
    kelurahan: str
    pdf: bytes
    pages: int


def _title(text: str) -> str:
    """'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG' -> 'Dinas Pekerjaan Umum dan Penataan Ruang'."""
    words = text.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def _underlined(name: str) -> str:
    """A signer's name is underlined; a dotted blank for a hand-written one is not."""
    return name if set(name.strip()) <= {"."} else f"<u>{name}</u>"


def _fitted_line(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """One line of the signature block, its font shrunk until it fits ``width``."""
    size = style.fontSize
    while size > 8 and stringWidth(text, style.fontName, size) > width:
        size -= 0.25
    return Paragraph(text, ParagraphStyle("fitted", parent=style, fontSize=size,
                                          leading=style.leading))


def _load_template() -> tuple[dict, Environment]:
    path = template_path("letters", "rekrutmen.yaml")
    spec = load_yaml(path, code="template_error", message="letter.bad_template")
    for key in ("nomor", "perihal", "kepada", "body", "penandatangan", "persyaratan"):
        if key not in spec:
            raise TemplateError(t("letter.bad_template", detail=f"'{key}'"), path=str(path))
    env = sandboxed_environment(loader=FileSystemLoader([d / "letters" for d in template_dirs()]),
                                autoescape=True, keep_trailing_newline=True)
    return spec, env


def _render(env: Environment, text: str, context: dict) -> str:
    try:
        return env.from_string(text).render(**context)
    except JinjaError as exc:
        raise TemplateError(t("letter.bad_template", detail=str(exc)),
                            path=str(template_path("letters", "rekrutmen.yaml"))) from exc


def _blocks(markup: str) -> list:
    """Flowables from the body markup (paragraphs, numbered lists, tables)."""
    flowables: list = []
    for block in re.split(r"\n\s*\n", markup.strip()):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        if all(ln.startswith("|") for ln in lines):
            rows = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
            data = [[Paragraph(c, CELL_HEAD if r == 0 else CELL) for c in row]
                    for r, row in enumerate(rows)]
            table = Table(data, colWidths=[11 * mm, 88 * mm, 66 * mm], hAlign="CENTER")
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
            flowables += [table, Spacer(1, 7)]
        elif all(re.match(r"\d+\.\s", ln) for ln in lines):
            for ln in lines:
                number, text = ln.split(None, 1)
                flowables.append(Paragraph(
                    text, ParagraphStyle("item", parent=PLAIN, leftIndent=17 * mm,
                                         bulletIndent=10 * mm, spaceAfter=0.5),
                    bulletText=number))
            flowables.append(Spacer(1, 5))
        else:
            flowables.append(Paragraph(" ".join(lines), BODY))
    return flowables


def _context(ws: Workspace, batch, letter_date: date) -> dict:
    office = ws.settings.office
    plans = schedule(batch_start(batch), load_stages(), calendar_from_settings(ws.settings.raw))
    wilayah = _title(re.sub(r"^pemerintah\s+", "", office.pemerintah, flags=re.I))
    return {
        "tahun": letter_date.year, "batch": batch["name"], "wilayah": wilayah,
        "dinas": _title(office.nama), "alamat": office.alamat, "kota": office.kota,
        "telepon": office.telepon, "whatsapp": office.whatsapp, "email": office.email,
        "layanan": office.layanan or "Fasilitasi Sertifikasi Tenaga Kerja Konstruksi",
        "standar": office.standar or "SK 600.1/66/PUPR.I", "lsp": ws.settings.lsp_nama,
        "jadwal": [{"nama": p.nama, "waktu": format_span(p.start, p.due)} for p in plans],
        "total_hari": sum(p.hari for p in plans),
        "daftar": format_span(plans[0].start, plans[0].due),
    }


def kelurahan_for(ws: Workspace, batch_row, given: list[str] | None) -> list[str]:
    """Addressees: the names given, else formgen.toml [rekrutmen] kelurahan, else the roster's."""
    names = list(given or []) or list(ws.settings.raw.get("rekrutmen", {}).get("kelurahan", []))
    if not names:
        names = [r[0] for r in ws.conn.execute(
            "SELECT DISTINCT kelurahan FROM applicants WHERE batch_id = ? AND kelurahan IS NOT "
            "NULL AND trim(kelurahan) != '' ORDER BY kelurahan", (batch_row["id"],))]
    seen, out = set(), []
    for name in names:
        clean = " ".join(str(name).split())
        if clean and clean.upper() not in seen:
            seen.add(clean.upper())
            out.append(clean)
    if not out:
        raise UsageError(t("letter.no_kelurahan"), code="no_kelurahan")
    return out


def render_letter(ws: Workspace, spec: dict, env: Environment, context: dict,
                  kelurahan: str, nomor: str | None, letter_date: date) -> Letter:
    """One recruitment letter as PDF bytes."""
    ctx = {**context, "kelurahan": _title(kelurahan) if kelurahan.isupper() else kelurahan}
    overrides = ws.settings.raw.get("rekrutmen", {})

    def render(key: str, default: str = "") -> str:
        """A template value, or its override from formgen.toml [rekrutmen]."""
        return _render(env, str(overrides.get(key, default)), ctx)

    page_w, page_h = (v * mm for v in ws.settings.paper_mm)
    width = page_w - MARGIN_LEFT - MARGIN_RIGHT
    probe = Canvas(io.BytesIO(), pagesize=(page_w, page_h))
    head_bottom = draw_letterhead(probe, ws.settings.office, left=MARGIN_LEFT,
                                  top=page_h - MARGIN_TOP, width=width)

    def first_page(canvas: Canvas, doc) -> None:
        draw_letterhead(canvas, ws.settings.office, left=MARGIN_LEFT, top=page_h - MARGIN_TOP,
                        width=width)
        _footer(canvas, doc)

    def _footer(canvas: Canvas, doc) -> None:
        canvas.setFont(FONT, 8)
        canvas.drawRightString(page_w - MARGIN_RIGHT, MARGIN_BOTTOM / 2,
                               f"{ctx['kelurahan']} — hal. {doc.page}")

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=(page_w, page_h), leftMargin=MARGIN_LEFT,
                          rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
                          bottomMargin=MARGIN_BOTTOM,
                          title=f"{render('perihal', spec['perihal'])} — {ctx['kelurahan']}",
                          author=ws.settings.office.nama, subject=ctx["layanan"])
    first = Frame(MARGIN_LEFT, MARGIN_BOTTOM, width, head_bottom - MARGIN_BOTTOM - 2 * mm,
                  id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN_LEFT, MARGIN_BOTTOM, width, page_h - MARGIN_TOP - MARGIN_BOTTOM,
                  id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("first", [first], onPage=first_page, autoNextPageTemplate=
                                       "later"),
                          PageTemplate("later", [later], onPage=_footer)])

    story: list = []
    header = [("Nomor", nomor or render("nomor", spec["nomor"])),
              ("Sifat", render("sifat", spec.get("sifat", "-"))),
              ("Lampiran", render("lampiran", spec.get("lampiran", "-"))),
              ("Hal", f"<b>{render('perihal', spec['perihal'])}</b>")]
    rows = [[Paragraph(k, PLAIN), Paragraph(":", PLAIN), Paragraph(v, PLAIN), ""]
            for k, v in header]
    rows[0][3] = Paragraph(f"{ctx['kota']}, {format_tanggal(letter_date)}",
                           ParagraphStyle("date", parent=PLAIN, alignment=2))
    table = Table(rows, colWidths=[20 * mm, 4 * mm, width * 0.48, None], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                               ("SPAN", (2, 1), (3, 1)), ("SPAN", (2, 2), (3, 2)),
                               ("SPAN", (2, 3), (3, 3)),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 8)]
    for i, line in enumerate(spec["kepada"]):
        style = ParagraphStyle(f"to{i}", parent=PLAIN,
                               leftIndent=8 * mm if i == len(spec["kepada"]) - 1 else 0)
        story.append(Paragraph(_render(env, line, ctx), style))
    story.append(Spacer(1, 8))
    ctx_body = {**ctx, "persyaratan": [_render(env, p, ctx) for p in spec["persyaratan"]]}
    try:
        body = env.get_template(spec["body"]).render(**ctx_body)
    except JinjaError as exc:
        raise TemplateError(t("letter.bad_template", detail=str(exc)),
                            path=str(template_path("letters", spec["body"]))) from exc
    flowables = _blocks(body)
    story += flowables[:-1]
    signer = spec["penandatangan"]
    jabatan = render("penandatangan_jabatan", signer.get("jabatan", ""))
    sign_style = ParagraphStyle("sign", parent=PLAIN, alignment=1)
    sign_width = width * 0.62
    signature = [_fitted_line(line + ("," if i == len(lines) - 1 else ""), sign_style, sign_width)
                 for lines in [jabatan.splitlines()] for i, line in enumerate(lines)]
    name = _underlined(render("penandatangan_nama", signer.get("nama", "")))
    signature += [Spacer(1, 16 * mm), Paragraph(f"<b>{name}</b>", sign_style),
                  Paragraph(render("penandatangan_nip", signer.get("nip", "")), sign_style)]
    copies: list = []
    if spec.get("tembusan"):
        copies = [Paragraph("<u>Tembusan</u>:", CELL)]
        copies += [Paragraph(f"{i}. {_render(env, c, ctx)}", CELL)
                   for i, c in enumerate(spec["tembusan"], start=1)]
    block = Table([[copies, signature]], colWidths=[width - sign_width, sign_width])
    block.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (0, 0), "BOTTOM"),
                               ("VALIGN", (1, 0), (1, 0), "TOP")]))
    story.append(KeepTogether([flowables[-1], Spacer(1, 2), block]))
    doc.build(story)
    data = buffer.getvalue()
    return Letter(ctx["kelurahan"], data, len(PdfReader(io.BytesIO(data)).pages))


def write_recruitment_letters(ws: Workspace, batch_name: str | None, *,
                              kelurahan: list[str] | None = None, nomor: str | None = None,
                              letter_date: date | None = None) -> dict:
    """Write letters/rekrutmen_<batch>_<kelurahan>.pdf and a combined print file.

    Returns {"letters": [{"kelurahan", "path", "pages"}], "print_file": path}.
    """
    letter_date = letter_date or date.today()
    spec, env = _load_template()
    batch = get_batch(ws.conn, batch_name)
    context = _context(ws, batch, letter_date)
    names = kelurahan_for(ws, batch, kelurahan)
    out_dir = ws.dir("letters")
    stem = f"rekrutmen_{safe_component(context['batch'], max_len=40)}"
    taken: set[str] = {f"{stem}_gabungan.pdf"}
    merged = PdfWriter()
    results = []
    for name in names:
        letter = render_letter(ws, spec, env, context, name, nomor, letter_date)
        filename = unique_name(f"{stem}_{safe_component(name, max_len=40)}.pdf", taken)
        taken.add(filename)
        path = write_bytes(out_dir / filename, letter.pdf)
        start = len(merged.pages)
        merged.append(PdfReader(io.BytesIO(letter.pdf)))
        merged.add_outline_item(title=letter.kelurahan, page_number=start)
        results.append({"kelurahan": letter.kelurahan, "path": str(path), "pages": letter.pages})
    buffer = io.BytesIO()
    merged.add_metadata({"/Title": f"Surat rekrutmen — gelombang {context['batch']}"})
    merged.write(buffer)
    print_file = write_bytes(out_dir / f"{stem}_gabungan.pdf", buffer.getvalue())
    return {"batch": context["batch"], "letters": results, "print_file": str(print_file)}
