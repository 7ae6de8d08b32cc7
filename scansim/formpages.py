"""Template-like form pages (corner marks, a page-id QR, boxes, text) and simple scan defects."""
from __future__ import annotations

import functools
import io
from pathlib import Path

import numpy as np
from PIL import Image
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from ocr.geometry import Box, DocumentGeometry, PageGeometry
from ocr.pageid import PageId

A4 = (210.0, 297.0)
PAGE_ID = PageId(workspace="7K3QX2", pack=12, applicant=34, doc="permohonan", page=1, total=2,
                 layout="3f9a1c2e")
MARK_SIDE = 5.0
MARK_INSET = 10.0
QR_RECT = (165.0, 22.0, 30.0, 30.0)
TARGET_BOX = Box(name="target", kind="text", rect=(30.0, 170.0, 80.0, 20.0), key="nama")
# A filled square drawn inside TARGET_BOX, centred at this offset from the box's top-left.
TARGET_FILL_CENTRE = (20.0, 10.0)
TARGET_FILL_SIDE = 6.0
TEXT = [
    "Dengan ini saya mengajukan permohonan sertifikasi kompetensi kerja konstruksi",
    "sesuai dengan jabatan kerja dan jenjang yang tercantum pada formulir berikut ini.",
    "Saya menyatakan bahwa data yang saya isikan adalah benar dan dapat dipertanggung",
    "jawabkan. Apabila di kemudian hari ditemukan ketidaksesuaian, saya bersedia",
    "menerima sanksi sesuai dengan ketentuan peraturan yang berlaku di Indonesia.",
]


def page_geometry(size_mm=A4) -> PageGeometry:
    w, h = size_mm
    c = MARK_INSET
    marks = ((c, c, MARK_SIDE), (w - c, c, MARK_SIDE), (c, h - c, MARK_SIDE),
             (w - c, h - c, MARK_SIDE))
    boxes = (TARGET_BOX, Box(name="ttd_pemohon", kind="signature", rect=(120.0, 220.0, 60.0, 30.0)))
    return PageGeometry(page=1, marks=marks, qr=QR_RECT, boxes=boxes)


def document_geometry(size_mm=A4) -> DocumentGeometry:
    return DocumentGeometry(id=PAGE_ID.layout, doc=PAGE_ID.doc, paper="A4", size_mm=size_mm,
                            pages=(page_geometry(size_mm),))


def make_form_pdf(path: Path, *, page_id: PageId = PAGE_ID, size_mm=A4, with_qr: bool = True,
                  with_marks: bool = True, extra_qr_text: str | None = None) -> PageGeometry:
    """Draw one template-like page; returns its geometry (mm, top-left origin)."""
    w, h = size_mm
    geo = page_geometry(size_mm)
    c = canvas.Canvas(str(path), pagesize=(w * mm, h * mm))

    def rect(x, y, rw, rh, fill=0):
        c.rect(x * mm, (h - y - rh) * mm, rw * mm, rh * mm, stroke=1 - fill, fill=fill)

    if with_marks:
        for cx, cy, side in geo.marks:
            rect(cx - side / 2, cy - side / 2, side, side, fill=1)
    if with_qr:
        _draw_qr(c, page_id.encode(), QR_RECT, h)
        c.setFont("Helvetica", 6)
        c.drawRightString((QR_RECT[0] + QR_RECT[2]) * mm, (h - QR_RECT[1] - QR_RECT[3] - 3) * mm,
                          page_id.encode())
    if extra_qr_text:
        _draw_qr(c, extra_qr_text, (130.0, 205.0, 24.0, 24.0), h)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(25 * mm, (h - 35) * mm, "FORMULIR PERMOHONAN SERTIFIKASI")
    c.setFont("Helvetica", 11)
    for i, line in enumerate(TEXT * 3):
        c.drawString(25 * mm, (h - 60 - 6 * i) * mm, line)
    bx, by, bw, bh = TARGET_BOX.rect
    c.setLineWidth(0.8)
    rect(bx, by, bw, bh)
    fx, fy = bx + TARGET_FILL_CENTRE[0], by + TARGET_FILL_CENTRE[1]
    rect(fx - TARGET_FILL_SIDE / 2, fy - TARGET_FILL_SIDE / 2, TARGET_FILL_SIDE, TARGET_FILL_SIDE,
         fill=1)
    for box in geo.boxes[1:]:
        rect(*box.rect)
    c.setFont("Helvetica", 9)
    c.drawString(25 * mm, (h - 240) * mm, "Pangkalan Bun, tanggal ..................")
    c.showPage()
    c.save()
    return geo


def _draw_qr(c: canvas.Canvas, text: str, rect_mm, page_h_mm: float) -> None:
    x, y, w, h = rect_mm
    widget = qr.QrCodeWidget(text, barLevel="M")
    d = Drawing(w * mm, h * mm)
    widget.barWidth, widget.barHeight = w * mm, h * mm
    d.add(widget)
    renderPDF.draw(d, c, x * mm, (page_h_mm - y - h) * mm)


def render_pdf(path: Path, dpi: int) -> Image.Image:
    """Page 1 of ``path`` at ``dpi`` (RGB, ``info["dpi"]`` set); repeated renders are cached."""
    stat = Path(path).stat()
    return _render(str(path), (stat.st_mtime_ns, stat.st_size), dpi).copy()


@functools.lru_cache(maxsize=16)
def _render(path: str, version: tuple[int, int], dpi: int) -> Image.Image:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        img = pdf[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        pdf.close()
    img.info["dpi"] = (dpi, dpi)
    return img


# Scan defects -----------------------------------------------------------------------------

def rotate(img: Image.Image, degrees_ccw: float) -> Image.Image:
    fill = 255 if img.mode == "L" else (255, 255, 255)
    out = img.rotate(degrees_ccw, resample=Image.BILINEAR, expand=True, fillcolor=fill)
    out.info.update(img.info)
    return out


def gaussian_noise(img: Image.Image, sigma: float = 12.0, seed: int = 1) -> Image.Image:
    arr = np.asarray(img).astype(np.int16)
    rng = np.random.default_rng(seed)
    noisy = arr + rng.normal(0, sigma, arr.shape).astype(np.int16)
    out = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8), img.mode)
    out.info.update(img.info)
    return out


def speckle(img: Image.Image, amount: float = 0.004, seed: int = 2) -> Image.Image:
    arr = np.array(img)
    rng = np.random.default_rng(seed)
    hits = rng.random(arr.shape[:2])
    arr[hits < amount / 2] = 0
    arr[hits > 1 - amount / 2] = 255
    out = Image.fromarray(arr, img.mode)
    out.info.update(img.info)
    return out


def jpeg(img: Image.Image, quality: int = 50) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    out = Image.open(buf)
    out.load()
    out.info["dpi"] = img.info.get("dpi", (72, 72))
    return out
