"""Small pack PDFs shaped like formgen's (QR page code, AcroForm signature fields), for tests."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

DOCS = [("sampul", 1), ("permohonan", 2), ("pengalaman_kerja", 1), ("pernyataan_kebenaran", 1)]
# field name -> rect (x, y, w, h) in mm from the top-left corner, per document
FIELDS = {
    "permohonan": {2: {"ttd_pemohon": (120, 220, 60, 25), "ttd_admin_lsp": (20, 220, 60, 25)}},
    "pengalaman_kerja": {1: {"ttd_pemohon": (120, 230, 60, 25),
                             "ttd_pemberi_kerja": (20, 230, 60, 25)}},
    "pernyataan_kebenaran": {1: {"materai": (110, 200, 35, 30), "ttd_pemohon": (105, 195, 70, 40)}},
}


def page_code(applicant: int, doc: str, page: int, total: int) -> str:
    return f"FG1 TEST01 P{applicant:06d} A{applicant:06d} {doc} {page}/{total} 0a1b2c3d"


def make_pack(path: Path, applicant: int, nama: str, *, hierarchical: bool = False) -> dict:
    """A pack PDF with a QR page code on every page and the signature/materai fields."""
    path = Path(path)
    w, h = A4
    c = Canvas(str(path), pagesize=A4, invariant=1)
    fields = []  # (page index, name, rect in points, bottom-left origin)
    index = 0
    for doc, total in DOCS:
        for page in range(1, total + 1):
            code = page_code(applicant, doc, page, total)
            size = 28 * mm
            qr = QrCodeWidget(code, barWidth=size, barHeight=size)
            d = Drawing(size, size)
            d.add(qr)
            renderPDF.draw(d, c, w - 40 * mm, h - 40 * mm)
            c.setFont("Helvetica", 7)
            c.drawString(15 * mm, h - 42 * mm, code)
            c.setFont("Helvetica-Bold", 16)
            c.drawString(15 * mm, h - 25 * mm, doc.upper().replace("_", " "))
            c.setFont("Helvetica", 11)
            c.drawString(15 * mm, h - 60 * mm, f"Nama: {nama}")
            for name, (x, y, bw, bh) in FIELDS.get(doc, {}).get(page, {}).items():
                c.rect(x * mm, h - (y + bh) * mm, bw * mm, bh * mm)
                fields.append((index, name, (x * mm, h - (y + bh) * mm, (x + bw) * mm, h - y * mm)))
            c.showPage()
            index += 1
    c.save()
    writer = PdfWriter(clone_from=PdfReader(str(path)))
    acro = DictionaryObject({NameObject("/Fields"): ArrayObject()})
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(acro)
    for page_index, name, rect in fields:
        widget = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
            NameObject("/F"): NumberObject(4),
        })
        page = writer.pages[page_index]
        if hierarchical:
            parent = DictionaryObject({NameObject("/T"): TextStringObject(f"p{page_index}"),
                                       NameObject("/Kids"): ArrayObject()})
            parent_ref = writer._add_object(parent)
            widget[NameObject("/T")] = TextStringObject(name)
            widget[NameObject("/FT")] = NameObject("/Sig")
            widget[NameObject("/Parent")] = parent_ref
            widget_ref = writer._add_object(widget)
            parent[NameObject("/Kids")].append(widget_ref)
            acro["/Fields"].append(parent_ref)
        else:
            widget[NameObject("/T")] = TextStringObject(name)
            widget[NameObject("/FT")] = NameObject("/Sig")
            widget_ref = writer._add_object(widget)
            acro["/Fields"].append(widget_ref)
        widget[NameObject("/P")] = page.indirect_reference
        if "/Annots" not in page:
            page[NameObject("/Annots")] = ArrayObject()
        page["/Annots"].append(widget_ref)
    with path.open("wb") as fh:
        writer.write(fh)
    return {"applicant": applicant, "path": str(path), "pages": index}
