"""Units and text measurement for form layout: mm per point, font names, widths, wrapping."""
from __future__ import annotations

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

PT = 25.4 / 72  # mm per point
FONTS = {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique",
         "bolditalic": "Helvetica-BoldOblique", "mono": "Courier"}


def text_width(text: str, font: str, size: float) -> float:
    """Width in mm."""
    return stringWidth(text, font, size) * PT


def wrap(text: str, font: str, size: float, width_mm: float) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(simpleSplit(para, font, size, width_mm / PT) or [""])
    return lines
