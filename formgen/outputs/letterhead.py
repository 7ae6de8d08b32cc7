"""The office letterhead (kop surat) drawn with reportlab, shared by forms, letters and dossiers."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from formgen.core.config import Office

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"


def _fit(text: str, font: str, size: float, width: float, *, min_size: float = 6.0) -> float:
    while size > min_size and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def draw_letterhead(canvas: Canvas, office: Office, *, left: float, top: float,
                    width: float) -> float:
    """Draw the kop surat between ``left`` and ``left + width`` below ``top`` (points).

    Returns the y (points) just under its double rule.
    """
    centre = left + width / 2
    lines = [
        (office.pemerintah.upper(), FONT_BOLD, 11.5),
        (office.nama.upper(), FONT_BOLD, 13.5),
        (office.alamat, FONT, 8.5),
    ]
    contact = " · ".join(part for part in (
        f"Telp. {office.telepon}" if office.telepon else "",
        f"WhatsApp {office.whatsapp}" if office.whatsapp else "",
        office.email,
    ) if part)
    if contact:
        lines.append((contact, FONT, 8.5))
    y = top
    for text, font, size in lines:
        size = _fit(text, font, size, width)
        y -= size * 1.25
        canvas.setFont(font, size)
        canvas.drawCentredString(centre, y, text)
    y -= 2.5 * mm
    canvas.setLineWidth(1.6)
    canvas.line(left, y, left + width, y)
    canvas.setLineWidth(0.5)
    canvas.line(left, y - 1.2, left + width, y - 1.2)
    return y - 1.2 - 2 * mm
