"""Form-box crops as a scan of a filled pack would give them, with known truth.

Boxes are drawn by reportlab and rendered by pypdfium2 at the scan dpi; the
applicant's ink (ticks, signatures, handwriting, a stamp, a sticker) is drawn
with Pillow; a scan is imitated with gain, noise, speckle, a shift of a pixel or
two and JPEG compression. Used by the reader tests and benchmarks/accuracy.py.
"""
from __future__ import annotations

import io
import math
import random

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from scansim.documents import make_materai
from scansim.draw import make_signature

PAD_MM = 3.0
NAMES = ["AHMAD SUBAGIO", "SITI NURHALIZA", "MUHAMMAD RIZKY PRATAMA", "DEWI LESTARI",
         "YOHANES K. TAMBUNAN", "I GUSTI NGURAH RAI", "NUR'AINI", "RAHMAT HIDAYAT"]


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=max(8, size))


def render_box(w_mm: float, h_mm: float, dpi: int, *, text: str | None = None,
               font_size: float = 10, shift: tuple[int, int] = (0, 0)) -> Image.Image:
    """The crop of one template box (border included), optionally with a typed value."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=((w_mm + 2 * PAD_MM) * mm, (h_mm + 2 * PAD_MM) * mm))
    c.setLineWidth(0.8)
    c.rect(PAD_MM * mm, PAD_MM * mm, w_mm * mm, h_mm * mm)
    if text:
        c.setFont("Helvetica", font_size)
        c.drawString((PAD_MM + 1.5) * mm, (PAD_MM + h_mm / 2) * mm - font_size * 0.35, text)
    c.save()
    page = pdfium.PdfDocument(buf.getvalue())[0]
    img = page.render(scale=dpi / 72).to_pil().convert("RGB")
    s = dpi / 25.4
    x0, y0 = round(PAD_MM * s) + shift[0], round(PAD_MM * s) + shift[1]
    return img.crop((x0, y0, x0 + round(w_mm * s), y0 + round(h_mm * s)))


def scan(img: Image.Image, rng: np.random.Generator, *, grey: bool = True, jpeg: int = 60,
         noise: float = 6.0, speckle: int = 0) -> Image.Image:
    """Imitate a scanner: gain, sensor noise, dust speckle, JPEG; L or RGB out."""
    a = np.asarray(img.convert("RGB")).astype(np.float32)
    a = a * rng.uniform(0.88, 0.97) + rng.uniform(2, 12) + rng.normal(0, noise, a.shape)
    if speckle:
        ys = rng.integers(0, a.shape[0], speckle)
        xs = rng.integers(0, a.shape[1], speckle)
        a[ys, xs] = rng.uniform(30, 120, (speckle, 1))
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if grey:
        out = out.convert("L")
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=jpeg)
    buf.seek(0)
    return Image.open(buf).convert("L" if grey else "RGB")


def skew(img: Image.Image, rng: np.random.Generator, max_deg: float = 1.5) -> Image.Image:
    """A page fed a little askew: rotated on the scanner bed's grey."""
    angle = float(rng.uniform(-max_deg, max_deg))
    bed = (238, 238, 236) if img.mode == "RGB" else 238
    return img.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=bed)


def draw_tick(img: Image.Image, rng: np.random.Generator, kind: str = "v") -> Image.Image:
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(2, round(w * rng.uniform(0.05, 0.09)))
    ink = (int(rng.uniform(10, 80)),) * 3

    def jitter(pts):
        return [(x + rng.uniform(-2, 2), y + rng.uniform(-2, 2)) for x, y in pts]

    if kind == "x":
        d.line(jitter([(w * .25, h * .25), (w * .75, h * .75)]), fill=ink, width=width)
        d.line(jitter([(w * .75, h * .25), (w * .25, h * .75)]), fill=ink, width=width)
    else:
        d.line(jitter([(w * .25, h * .5), (w * .45, h * .75), (w * .8, h * .2)]), fill=ink,
               width=width)
    return img


def draw_stamp(img: Image.Image, rng: np.random.Generator, dpi: int) -> Image.Image:
    """An office rubber stamp: two concentric rings with lettering, partly over the box."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    s = dpi / 25.4
    r = s * rng.uniform(15, 19)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.4, 0.6)
    ink = (90, 70, 150)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=ink, width=max(2, round(s * 0.5)))
    d.ellipse([cx - r * .75, cy - r * .75, cx + r * .75, cy + r * .75], outline=ink,
              width=max(1, round(s * 0.25)))
    font = _font(int(s * 2.5))
    for i, ch in enumerate("DINAS PUPR KOTAWARINGIN"):
        a = math.pi * (0.9 + i / 22 * 1.2)
        d.text((cx + r * .87 * math.cos(a) - s, cy + r * .87 * math.sin(a) - s), ch, fill=ink,
               font=font)
    d.text((cx - s * 8, cy - s * 1.5), "PUPR", fill=ink, font=font)
    return img


def draw_handwriting(img: Image.Image, rng: np.random.Generator, dpi: int) -> Image.Image:
    """Cursive-like loops in pen: ink that is not a typed value."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    s = dpi / 25.4
    x, y = w * 0.05, h * 0.7
    pts = []
    while x < w * rng.uniform(0.4, 0.8):
        amp = h * rng.uniform(0.2, 0.45)
        for t in np.linspace(0, 2 * math.pi, 8):
            pts.append((x + s * 0.6 * math.cos(t) + t * s * 0.2, y - amp * abs(math.sin(t))))
        x += s * rng.uniform(1.2, 2.2)
    d.line(pts, fill=(30, 30, 90), width=max(2, round(s * 0.3)))
    return img


def typed_value(rng: np.random.Generator, charset: str) -> str:
    if charset == "digits":
        return "62" + "".join(str(int(d)) for d in rng.integers(0, 10, 14))
    if charset == "date":
        day, month, year = rng.integers(1, 29), rng.integers(1, 13), rng.integers(1960, 2005)
        return f"{day:02d}-{month:02d}-{year:04d}"
    if charset == "alpha":
        return NAMES[int(rng.integers(0, len(NAMES)))]
    return f"Jl. Pangeran Antasari No. {rng.integers(1, 200)} RT {rng.integers(1, 20):03d}"


def random_shift(rng: np.random.Generator) -> tuple[int, int]:
    return int(rng.integers(-2, 3)), int(rng.integers(-2, 3))


def letter_page(rng: np.random.Generator, dpi: int = 300) -> Image.Image:
    """A typed letter that is none of the attachments (an 'other' page)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(210 * mm, 297 * mm))
    c.setFont("Helvetica-Bold", 13)
    c.drawCentredString(105 * mm, 260 * mm, "SURAT KETERANGAN DOMISILI")
    c.setFont("Helvetica", 11)
    words = ("warga kelurahan yang tersebut di bawah ini benar berdomisili di wilayah kami "
             "dan surat ini dibuat untuk dipergunakan sebagaimana mestinya").split()
    y = 240
    for _ in range(int(rng.integers(10, 22))):
        line = " ".join(words[int(i)] for i in rng.integers(0, len(words), 11))
        c.drawString(25 * mm, y * mm, line.capitalize())
        y -= 7
    c.drawString(120 * mm, (y - 10) * mm, "Pangkalan Bun, 12 Maret 2025")
    c.drawString(120 * mm, (y - 16) * mm, "Lurah,")
    c.save()
    page = pdfium.PdfDocument(buf.getvalue())[0]
    return page.render(scale=dpi / 72).to_pil().convert("RGB")


def blank_page(rng: np.random.Generator, dpi: int = 300) -> Image.Image:
    """An empty sheet as a scanner gives it: paper tone, noise, a few toner specks."""
    w, h = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    a = rng.normal(248, 3, (h, w)).astype(np.float32)
    for _ in range(int(rng.integers(5, 60))):
        y, x = int(rng.integers(0, h - 3)), int(rng.integers(0, w - 3))
        a[y:y + 2, x:x + 2] = 60
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).convert("RGB")


def paste_signature(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The applicant's signature (scansim) across most of the box."""
    w, h = img.size
    sig = make_signature(rng=rng, width_px=int(w * rng.uniform(0.6, 0.85)),
                         height_px=int(h * rng.uniform(0.6, 0.85)))
    img.paste(sig, (int(w * rng.uniform(0.04, 0.12)), int(h * rng.uniform(0.05, 0.15))), sig)
    return img


def paste_materai(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """A Rp10.000 sticker (scansim) stuck in the box, a little off centre."""
    sticker = make_materai(rng=rng, dpi=dpi).rotate(rng.uniform(-4, 4), expand=True)
    w, h = img.size
    x = int((w - sticker.width) / 2 + rng.uniform(-0.1, 0.1) * w)
    y = int((h - sticker.height) / 2 + rng.uniform(-0.1, 0.1) * h)
    img.paste(sticker, (x, y), sticker)
    return img


def paste_e_meterai(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """An e-Meterai mark: a QR code with 'METERAI ELEKTRONIK' and '10000' beside it."""
    s = dpi / 25.4
    side = int(14 * s)
    serial = "".join(str(rng.randint(0, 9)) for _ in range(22))
    qr = qrcode_image(f"https://pos.e-meterai.example/verify/{serial}", side)
    w, h = img.size
    x, y = int(w * 0.08), int((h - side) / 2)
    img.paste(qr, (x, y))
    d = ImageDraw.Draw(img)
    d.text((x + side + s, y + s), "METERAI\nELEKTRONIK", fill=(20, 20, 20),
           font=_font(int(2.4 * s)))
    d.text((x + side + s, y + 8 * s), "10000", fill=(20, 20, 20), font=_font(int(4 * s)))
    return img


def qrcode_image(text: str, side: int) -> Image.Image:
    """A QR code drawn by reportlab, rendered at ``side`` pixels."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    widget = QrCodeWidget(text)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(100, 100, transform=[100 / (x1 - x0), 0, 0, 100 / (y1 - y0), 0, 0])
    drawing.add(widget)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(100, 100))
    drawing.drawOn(c, 0, 0)
    c.save()
    page = pdfium.PdfDocument(buf.getvalue())[0]
    return page.render(scale=side / 100).to_pil().convert("RGB").resize((side, side))


def render_comb(w_mm: float, h_mm: float, cells: int, dpi: int, *, text: str = "",
                shift: tuple[int, int] = (0, 0)) -> Image.Image:
    """A comb box as the forms draw it: a frame, and ticks between the cells rising from
    the bottom edge to 45 % of the height, with ``text`` typed a character a cell
    (Helvetica 10 pt); the crop includes the frame."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=((w_mm + 2 * PAD_MM) * mm, (h_mm + 2 * PAD_MM) * mm))
    c.setStrokeGray(0.35)
    c.setLineWidth(0.5)
    c.rect(PAD_MM * mm, PAD_MM * mm, w_mm * mm, h_mm * mm)
    c.setLineWidth(0.4)
    for i in range(1, cells):
        x = (PAD_MM + i * w_mm / cells) * mm
        c.line(x, PAD_MM * mm, x, (PAD_MM + h_mm * 0.45) * mm)
    c.setFont("Helvetica", 10)
    for i, ch in enumerate(text[:cells]):
        c.drawCentredString((PAD_MM + (i + 0.5) * w_mm / cells) * mm,
                            (PAD_MM + h_mm / 2) * mm - 3.5, ch)
    c.save()
    page = pdfium.PdfDocument(buf.getvalue())[0]
    img = page.render(scale=dpi / 72).to_pil().convert("RGB")
    s = dpi / 25.4
    x0, y0 = round(PAD_MM * s) + shift[0], round(PAD_MM * s) + shift[1]
    return img.crop((x0, y0, x0 + round(w_mm * s), y0 + round(h_mm * s)))
