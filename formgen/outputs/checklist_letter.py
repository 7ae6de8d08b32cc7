"""The checklist letter: one printable page telling an applicant what is missing and what to bring.

Wording lives in form_templates/checklist/letter.yaml (Jinja2 text); the page is
drawn with reportlab on the office letterhead and shrunk to fit one page.
"""
from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from formgen.checks import check_applicants, load_rules
from formgen.core.atomic import write_bytes
from formgen.core.db import audit, write_transaction
from formgen.core.i18n import get_language, language
from formgen.core.jinjaenv import render_text
from formgen.core.resources import template_path
from formgen.core.safenames import applicant_filename
from formgen.core.workspace import Workspace
from formgen.core.yamlfile import load_yaml
from formgen.domain.dates import format_numeric, format_tanggal
from formgen.outputs.letterhead import draw_letterhead
from formgen.roster.store import require_applicant

MARGIN = 20 * mm


def letter_wording() -> dict:
    return load_yaml(template_path("checklist", "letter.yaml"))


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=10.5, leading=14)
    return {"base": base,
            "right": ParagraphStyle("right", parent=base, alignment=2),
            "bold": ParagraphStyle("bold", parent=base, fontName="Helvetica-Bold"),
            "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5),
            "head": ParagraphStyle("head", parent=base, fontSize=9, leading=11.5,
                                   fontName="Helvetica-Bold")}


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text.strip()).replace("\n", "<br/>"), style)


def build_letter(ws: Workspace, applicant: dict, verdict: dict, *, today: date,
                 number: int = 1) -> bytes:
    """The letter PDF (one page) for one applicant's verdict; ``number`` is its running
    number among the workspace's checklist letters."""
    words = letter_wording()
    rules = load_rules()
    office = ws.settings.office

    def render(text: str) -> str:
        return render_text(
            text, office=office, applicant=applicant, lsp=ws.settings.lsp_nama,
            tanggal=format_tanggal(today), tahun=today.year, nomor_urut=f"{number:04d}",
            alamat=", ".join(x for x in (applicant.get("alamat"), applicant.get("kelurahan"),
                                         applicant.get("kecamatan")) if x),
            tanggal_lahir=format_numeric(applicant.get("tanggal_lahir")))

    st = _styles()
    rows = [[_para(h, st["head"]) for h in words["tabel_judul"]]]
    bring = []
    for n, req in enumerate(rules.requirements, start=1):
        res = verdict["requirements"][req.code]
        rows.append([_para(str(n), st["cell"]), _para(req.title, st["cell"]),
                     _para(words["status"][res["status"]], st["cell"]),
                     _para("; ".join(res["reasons"]) or "-", st["cell"])])
        if res["status"] in ("missing", "invalid"):
            bring.append(render(words["bawa"][req.code]))
    pw, ph = ws.settings.paper_mm[0] * mm, ws.settings.paper_mm[1] * mm
    inner = pw - 2 * MARGIN
    table = Table(rows, colWidths=[10 * mm, 62 * mm, 30 * mm, inner - 102 * mm], repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8"))]
    for i, req in enumerate(rules.requirements, start=1):
        if verdict["requirements"][req.code]["status"] in ("missing", "invalid"):
            style.append(("FONTNAME", (2, i), (2, i), "Helvetica-Bold"))
    table.setStyle(TableStyle(style))
    opening = words["pembuka"].get(verdict["status"], words["pembuka"]["belum_lengkap"])
    story = [_para(render(words["tempat_tanggal"]), st["right"]), Spacer(1, 3 * mm),
             _para(f"{words['nomor_label']}: {render(words['nomor'])}", st["base"]),
             _para(f"{words['perihal_label']}: {render(words['perihal'])}", st["base"]),
             Spacer(1, 3 * mm), _para(render(words["kepada"]), st["base"]), Spacer(1, 4 * mm),
             _para(render(words["salam"]), st["base"]), Spacer(1, 2 * mm),
             _para(render(opening), st["base"]), Spacer(1, 3 * mm), table, Spacer(1, 4 * mm),
             _para(words["bawa_judul"], st["bold"])]
    closing = " ".join(render(words["penutup"]).split())
    if bring:
        story += [_para(f"{i}. {text}", st["base"]) for i, text in enumerate(bring, start=1)]
        closing = f"{' '.join(render(words['serahkan']).split())} {closing}"
    else:
        story.append(_para(render(words["tidak_ada_yang_dibawa"]), st["base"]))
    story += [Spacer(1, 4 * mm), _para(closing, st["base"]),
              Spacer(1, 6 * mm), _para(render(words["penanda_tangan"]), st["base"])]
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(pw, ph), pageCompression=1)
    canvas.setTitle(f"Daftar kekurangan berkas pemohon {applicant['id']:06d}")
    canvas.setCreator("formgen")
    top = draw_letterhead(canvas, office, left=MARGIN, top=ph - 12 * mm, width=inner)
    frame = Frame(MARGIN, 15 * mm, inner, top - 15 * mm, showBoundary=0)
    frame.addFromList([KeepInFrame(inner, top - 15 * mm, story, mode="shrink")], canvas)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def write_letters(ws: Workspace, results: list[dict] | None = None, *,
                  today: date | None = None) -> list[dict]:
    """A letter in letters/ for every applicant in ``results`` (default: all) not lengkap.

    Returns ``[{"applicant": id, "nik": nik, "status": s, "path": p}]``.
    """
    if results is None or get_language() != "id":  # the letter's reasons in its language
        with language("id"):
            fresh = check_applicants(ws)
        wanted = None if results is None else {r["applicant"] for r in results}
        results = [v for v in fresh if wanted is None or v["applicant"] in wanted]
    today = today or date.today()
    folder = ws.dir("letters")
    issued = ws.conn.execute("SELECT count(*) FROM audit WHERE action = 'checklist_letter'"
                             ).fetchone()[0]
    written = []
    for verdict in results:
        person = dict(require_applicant(ws.conn, verdict["applicant"]))
        name = applicant_filename(person["nik"], person["nama"], applicant_id=person["id"],
                                  suffix="_kekurangan.pdf")
        if verdict["status"] == "lengkap":
            (folder / name).unlink(missing_ok=True)  # an old letter no longer holds
            continue
        number = issued + len(written) + 1
        path = write_bytes(folder / name, build_letter(ws, person, verdict, today=today,
                                                       number=number))
        written.append({"applicant": person["id"], "nik": person["nik"],
                        "status": verdict["status"], "path": str(path), "number": number})
    if written:
        with write_transaction(ws.conn):
            for item in written:
                audit(ws.conn, "checklist_letter", applicant_id=item["applicant"],
                      number=item["number"])
    return written
