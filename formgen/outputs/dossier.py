"""One PDF dossier per applicant for the LSP: a cover with data and checklist, then the documents.

The documents follow the requirement order, each under a bookmark. Scanned
pages are recompressed (JPEG, grey unless the page is in colour, at most
``IMAGE_DPI``) and carry an invisible text layer from Tesseract so the PDF is
searchable: one ``image_to_data`` call per page on the image as stored, its
words drawn in render mode 3 — cheaper than Tesseract's own PDF output,
which would embed a second copy of each image.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import secrets
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from importlib import metadata
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from formgen.checks import (
    RequirementPage,
    check_applicants,
    load_evidence,
    load_rules,
    pages_by_requirement,
)
from formgen.core.atomic import write_bytes
from formgen.core.db import audit, now, write_transaction
from formgen.core.errors import InputError, UsageError
from formgen.core.i18n import language, t
from formgen.core.jinjaenv import render_text
from formgen.core.programs import require_tesseract
from formgen.core.resources import template_path
from formgen.core.safenames import applicant_filename, unique_name
from formgen.core.workspace import Workspace
from formgen.core.yamlfile import load_yaml
from formgen.domain.dates import format_numeric
from formgen.outputs.letterhead import draw_letterhead
from formgen.roster.store import select_applicants
from ocr import tesseract

log = logging.getLogger(__name__)

IMAGE_DPI = 200          # pixels per inch of page images in the dossier
JPEG_QUALITY = {"L": 55, "RGB": 50}
OCR_LANG = "ind"
OCR_WORKERS = max(1, min(2, os.cpu_count() or 1))
MARGIN = 18 * mm


def _version() -> str:
    try:
        return metadata.version("formgen")
    except metadata.PackageNotFoundError:
        return "dev"


# -- wording ----------------------------------------------------------------------------------

def _cover_wording() -> dict:
    return load_yaml(template_path("checklist", "cover.yaml"))


# -- page images --------------------------------------------------------------------------------

def page_jpeg(path: Path, *, color: bool, scan_dpi: int) -> tuple[bytes, Image.Image, float]:
    """The page image recompressed for the dossier: (JPEG bytes, grey image for OCR, its dpi)."""
    with Image.open(path) as img:
        img = ImageOps.exif_transpose(img)
        src_dpi = float((img.info.get("dpi") or (scan_dpi,))[0] or scan_dpi)
        if src_dpi < 50:  # a camera photo with a nonsense density: take the scan setting
            src_dpi = float(scan_dpi)
        img = img.convert("RGB" if color else "L")
        if src_dpi > IMAGE_DPI:
            scale = IMAGE_DPI / src_dpi
            img = img.resize((max(1, round(img.width * scale)), max(1, round(img.height * scale))),
                             Image.BOX)  # area average: fast, right for downscaling
            src_dpi = IMAGE_DPI
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=JPEG_QUALITY[img.mode], optimize=True,
             dpi=(src_dpi, src_dpi))
    return buf.getvalue(), img.convert("L"), src_dpi


def ocr_words(image: Image.Image) -> list[tuple[str, int, int, int, int]]:
    """Words Tesseract reads on ``image``: (text, left, top, width, height) in pixels."""
    # The command, one process per page: the threads below keep OCR_WORKERS of them busy.
    return [(w["text"], w["left"], w["top"], w["width"], w["height"])
            for w in tesseract.ocr_data(image, psm=3, lang=OCR_LANG, loaded=False)]


def draw_scanned_page(canvas: Canvas, jpeg: bytes, size_px: tuple[int, int], dpi: float,
                      words: list[tuple[str, int, int, int, int]]) -> None:
    """One page the size of the image, the image over all of it, the words invisible on top."""
    scale = 72.0 / dpi
    width, height = size_px[0] * scale, size_px[1] * scale
    canvas.setPageSize((width, height))
    canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=width, height=height)
    if words:
        text = canvas.beginText()
        text.setTextRenderMode(3)  # invisible: found by search and copy, never seen
        for word, left, top, w, h in words:
            size = max(h * scale, 1.0)
            natural = stringWidth(word, "Helvetica", size)
            text.setFont("Helvetica", size)
            text.setHorizScale(100.0 * (w * scale) / natural if natural else 100.0)
            text.setTextOrigin(left * scale, height - (top + h) * scale + size * 0.2)
            text.textOut(word)
        canvas.drawText(text)
    canvas.showPage()


# -- cover --------------------------------------------------------------------------------------

def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=9.5, leading=12)
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=12.5,
                                leading=16, alignment=1),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9, alignment=1),
        "heading": ParagraphStyle("heading", parent=base, fontName="Helvetica-Bold",
                                  fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "bold": ParagraphStyle("bold", parent=base, fontName="Helvetica-Bold"),
    }


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def draw_cover(canvas: Canvas, ws: Workspace, applicant: dict, verdict: dict, *,
               page_numbers: dict[str, list[int]], batch: str | None, today: str) -> None:
    """The cover page: letterhead, identity table, checklist with statuses and dossier pages."""
    words = _cover_wording()
    office = ws.settings.office
    pw, ph = ws.settings.paper_mm[0] * mm, ws.settings.paper_mm[1] * mm
    canvas.setPageSize((pw, ph))
    top = draw_letterhead(canvas, office, left=MARGIN, top=ph - 12 * mm, width=pw - 2 * MARGIN)
    st = _styles()
    values = {"office": office, "applicant": applicant, "batch": batch,
              "tanggal_lahir": format_numeric(applicant.get("tanggal_lahir")),
              "alamat": ", ".join(x for x in (applicant.get("alamat"), applicant.get("kelurahan"),
                                                applicant.get("kecamatan")) if x),
              "date": today}
    identity = [[_p(row["label"], st["cell"]),
                 _p(render_text(row["value"], **values), st["cell"])]
                for row in words["identity"]]
    id_table = Table(identity, colWidths=[45 * mm, pw - 2 * MARGIN - 45 * mm])
    id_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                                  ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    rules = load_rules()
    rows = [[_p(h, st["bold"]) for h in words["checklist_header"]]]
    for n, req in enumerate(rules.requirements, start=1):
        res = verdict["requirements"][req.code]
        pages = page_numbers.get(req.code) or []
        rows.append([_p(n, st["cell"]), _p(req.title, st["cell"]),
                     _p(words["status_labels"][res["status"]], st["cell"]),
                     _p("; ".join(res["reasons"]) or "-", st["cell"]),
                     _p(_page_ranges(pages) or "-", st["cell"])])
    inner = pw - 2 * MARGIN
    check_table = Table(rows, colWidths=[10 * mm, 62 * mm, 26 * mm, inner - 119 * mm, 21 * mm],
                        repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8"))]
    for i, req in enumerate(rules.requirements, start=1):
        if verdict["requirements"][req.code]["status"] != "ok":
            style.append(("BACKGROUND", (2, i), (2, i), colors.HexColor("#fde2e2")))
    check_table.setStyle(TableStyle(style))
    overall = render_text(words["overall"],
                      status_label=words["overall_labels"][verdict["status"]])
    story = [_p(render_text(words["title"], **values), st["title"]),
             _p(render_text(words["subtitle"], **values), st["subtitle"]), Spacer(1, 4 * mm),
             _p(words["identity_title"], st["heading"]), id_table,
             _p(words["checklist_title"], st["heading"]), check_table, Spacer(1, 3 * mm),
             _p(overall, st["bold"]), Spacer(1, 2 * mm),
             _p(render_text(words["footer"], **values), st["base"])]
    frame = Frame(MARGIN, 15 * mm, inner, top - 15 * mm, showBoundary=0)
    frame.addFromList([KeepInFrame(inner, top - 15 * mm, story, mode="shrink")], canvas)
    canvas.showPage()


def _page_ranges(numbers: list[int]) -> str:
    if not numbers:
        return ""
    return f"{numbers[0]}" if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"


@contextlib.contextmanager
def _binary_images():
    """Embed JPEG data as binary: reportlab's default ASCII85 armour costs time and 25 % size."""
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


# -- one dossier ----------------------------------------------------------------------------------

def build_dossier(ws: Workspace, applicant: dict, verdict: dict, pages: list[RequirementPage], *,
                  batch: str | None = None, password: str | None = None) -> bytes:
    """The dossier PDF as bytes (encrypted with AES-256 when ``password`` is given)."""
    rules = load_rules()
    no_ocr = {r.code for r in rules.requirements if not r.ocr}
    page_numbers: dict[str, list[int]] = {}
    for n, item in enumerate(pages, start=2):
        page_numbers.setdefault(item.requirement, []).append(n)
    buf = io.BytesIO()
    canvas = Canvas(buf, pageCompression=1)
    draw_cover(canvas, ws, applicant, verdict, page_numbers=page_numbers, batch=batch,
               today=format_numeric(date.today()))
    def prepare(item: RequirementPage):
        try:
            jpeg, grey, dpi = page_jpeg(ws.root / item.page.image_path,
                                        color=bool(item.page.is_color), scan_dpi=ws.settings.dpi)
        except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
            log.warning("page image %s: %s", item.page.image_path, exc)
            raise InputError(t("dossier.bad_image"), path=item.page.image_path,
                             code="bad_image") from exc
        return jpeg, grey.size, dpi, [] if item.requirement in no_ocr else ocr_words(grey)

    # Tesseract runs as a subprocess: threads keep OCR_WORKERS of them busy at once.
    with ThreadPoolExecutor(max_workers=OCR_WORKERS) as pool, _binary_images():
        for jpeg, size, dpi, words in pool.map(prepare, pages):
            draw_scanned_page(canvas, jpeg, size, dpi, words)
        canvas.save()

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(buf.getvalue())), import_outline=False)
    words = _cover_wording()
    writer.add_outline_item(title=words["bookmark_cover"], page_number=0)
    for n, req in enumerate(rules.requirements, start=1):
        if req.code in page_numbers:
            writer.add_outline_item(title=f"{n}. {req.title}",
                                    page_number=page_numbers[req.code][0] - 1)
    office = ws.settings.office
    writer.add_metadata({
        "/Title": f"Berkas sertifikasi pemohon {applicant['id']:06d}",
        "/Subject": f"{office.layanan} ({office.standar})".strip(),
        "/Author": office.nama, "/Creator": "formgen", "/Producer": f"formgen {_version()}",
    })
    writer.page_mode = "/UseOutlines"
    if password:
        writer.encrypt(user_password=password, owner_password=secrets.token_urlsafe(24),
                       algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -- many dossiers ---------------------------------------------------------------------------------

def write_dossiers(ws: Workspace, *, applicant: str | int | None = None,
                   all_applicants: bool = False, force: bool = False, encrypt: bool = False,
                   password: str | None = None) -> dict:
    """Write the dossiers of lengkap applicants (any status with ``force``) into dossiers/.

    Returns ``{"dossiers": [...], "skipped": [...]}`` plus ``"password"`` when one was
    generated for ``encrypt`` (it is stored nowhere: show it once).
    """
    if applicant is None and not all_applicants:
        raise UsageError(t("dossier.need_target"), code="no_target")
    require_tesseract(command=True)
    targets = select_applicants(ws.conn, applicant)
    with language("id"):  # the cover is read by the LSP
        verdicts = {v["applicant"]: v for v in check_applicants(ws)}
    evidence = load_evidence(ws.conn)
    generated = None
    if encrypt and not password:
        password = generated = secrets.token_urlsafe(12)
    folder = ws.dir("dossiers")
    taken = {Path(r["path"]).name for r in ws.conn.execute(
        "SELECT path, applicant_id FROM dossiers") if r["applicant_id"] not in
        {a["id"] for a in targets}}
    batches = {r["id"]: r["name"] for r in ws.conn.execute("SELECT id, name FROM batches")}
    written, skipped = [], []
    for person in targets:
        verdict = verdicts[person["id"]]
        pages = pages_by_requirement(evidence, person["id"])
        reason = None
        if not pages:
            reason = ("no_pages", t("dossier.skip.no_pages"))
        elif verdict["status"] != "lengkap" and not force:
            reason = ("not_lengkap", t("dossier.skip.not_lengkap",
                                       status=t(f"check.applicant_status.{verdict['status']}")))
        if reason:
            skipped.append({"applicant": person["id"], "nik": person["nik"], "code": reason[0],
                            "reason": reason[1]})
            continue
        name = unique_name(applicant_filename(person["nik"], person["nama"],
                                              applicant_id=person["id"]), taken)
        taken.add(name)
        try:
            data = build_dossier(ws, person, verdict, pages,
                                 batch=batches.get(person["batch_id"]),
                                 password=password if encrypt else None)
        except InputError as exc:  # one unreadable page image: this dossier waits, others go on
            skipped.append({"applicant": person["id"], "nik": person["nik"], "code": exc.code,
                            "reason": exc.one_line()})
            continue
        path = write_bytes(folder / name, data)
        rel = str(path.relative_to(ws.root))
        n_pages = len(pages) + 1
        with write_transaction(ws.conn):
            old = ws.conn.execute("SELECT path FROM dossiers WHERE applicant_id = ?",
                                  (person["id"],)).fetchall()
            ws.conn.execute("DELETE FROM dossiers WHERE applicant_id = ?", (person["id"],))
            ws.conn.execute(
                "INSERT INTO dossiers(applicant_id, path, pages, bytes, sha256, encrypted, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (person["id"], rel, n_pages, len(data), hashlib.sha256(data).hexdigest(),
                 int(bool(encrypt)), now()))
            audit(ws.conn, "dossier", applicant_id=person["id"], pages=n_pages,
                  encrypted=bool(encrypt), status=verdict["status"])
        for row in old:  # a renamed dossier leaves no stale copy behind
            if row["path"] != rel:
                (ws.root / row["path"]).unlink(missing_ok=True)
        written.append({"applicant": person["id"], "nik": person["nik"], "path": str(path),
                        "pages": n_pages, "bytes": len(data), "encrypted": bool(encrypt)})
    result: dict = {"dossiers": written, "skipped": skipped}
    if generated and written:
        result["password"] = generated
    return result
