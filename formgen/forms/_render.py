"""Drawing laid-out pages with reportlab: printed ink, page identity, and fields (via PdfWriter).

The ink that is the same on every pack is drawn once per template page and replayed.
"""
from __future__ import annotations

import functools

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QRUtil
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from formgen.core.config import Settings
from formgen.forms._measure import PT, wrap
from formgen.forms._model import (
    DocumentLayout,
    Field,
    Letterhead,
    Line,
    PageLayout,
    Rect,
    Text,
    TextBlock,
)
from formgen.forms._pdfwriter import PdfWriter
from formgen.outputs.letterhead import draw_letterhead

QR_MASK = 2  # fixed mask pattern: choosing the "best" of eight costs 10x the encoding time
QR_LEVEL = "M"


def qr_modules(text: str) -> list[list[bool]]:
    """The QR matrix of ``text`` (reportlab's encoder, error correction M, fixed mask)."""
    _cache_generator_polynomials()
    qr = QrCodeWidget(text, barLevel=QR_LEVEL).qr
    qr.version = qr.calculate_version()
    qr.makeImpl(False, QR_MASK)
    return qr.modules


def _cache_generator_polynomials() -> None:
    """Memoise the Reed-Solomon generator polynomial (a pure function of the EC length).

    reportlab rebuilds it for every code; that was a third of the time of a QR.
    """
    poly = QRUtil.getErrorCorrectPolynomial
    if not hasattr(poly, "cache_info"):
        QRUtil.getErrorCorrectPolynomial = staticmethod(functools.lru_cache(maxsize=64)(poly))


class PageDrawer:
    """Draws pages of laid-out documents.

    The ink that is the same on every pack (wording, lines, letterhead, marks)
    is drawn once per template page and its PDF operators are replayed on the
    next pages, in any PdfWriter: they all register their fonts in the same
    order, so the operators name the same fonts.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        self._static: dict[tuple, list[str]] = {}
        self._qr: dict[str, str] = {}

    def _qr_ops(self, text: str, x: float, top: float, side: float) -> str:
        """PDF operators drawing the QR of ``text`` (white square with a 4-module quiet zone)."""
        key = f"{text}|{x:.2f}|{top:.2f}|{side:.2f}"
        ops = self._qr.get(key)
        if ops is None:
            modules = qr_modules(text)
            n = len(modules)
            cell = side / (n + 8)
            parts = [f"1 g {x:.2f} {top - side:.2f} {side:.2f} {side:.2f} re f 0 g"]
            for r, row in enumerate(modules):
                y = top - (r + 5) * cell
                col = 0
                while col < n:
                    if row[col]:
                        start = col
                        while col < n and row[col]:
                            col += 1
                        parts.append(f"{x + (start + 4) * cell:.2f} {y:.2f} "
                                     f"{(col - start) * cell:.2f} {cell * 1.02:.2f} re")
                    else:
                        col += 1
            parts.append("f")
            ops = "\n".join(parts)
            if len(self._qr) > 256:
                self._qr.clear()
            self._qr[key] = ops
        return ops

    def draw_page(self, out: PdfWriter, layout: DocumentLayout, page: PageLayout, *,
                  page_id: str, values: dict, prefix: tuple[str, ...],
                  pack_ctx: dict) -> None:
        c = out.canvas
        page_h = layout.size_mm[1]
        out.set_page_size(layout.size_mm)
        key = (layout.geometry.id, page.number)
        if out.flatten:  # print file: the static ink of each template page once, as a form
            name = f"static_{layout.geometry.id}_{page.number}"
            if name not in out.forms:
                c.beginForm(name)
                self._replay_static(c, page, page_h, key)
                c.endForm()
                out.forms.add(name)
            c.doForm(name)
        else:
            self._replay_static(c, page, page_h, key)
        self._draw_pack_ink(c, page, page_h, pack_ctx)
        self._draw_identity(c, layout, page, page_h, page_id)
        for f in page.fields:
            kind = f.box.kind
            if kind == "text":
                out.text_field(prefix, f, field_value(f, values, pack_ctx), page_h)
            elif kind == "checkbox":
                checked = bool(f.on_value is not None and f.box.key
                               and str(values.get(f.box.key, "")) == f.on_value)
                out.checkbox(prefix, f, checked, page_h)
            else:
                out.signature(prefix, f, page_h)
        out.show_page()

    # -- ink ------------------------------------------------------------------------------
    def _replay_static(self, c: Canvas, page: PageLayout, page_h: float, key: tuple) -> None:
        code = self._static.get(key)
        if code is None:
            start = len(c._code)
            self._draw_static(c, page, page_h)
            self._static[key] = c._code[start:]
        else:
            c._code.extend(code)

    def _draw_static(self, c: Canvas, page: PageLayout, page_h: float) -> None:
        c.saveState()
        ctx = {"office": self.settings.office, "lsp": {"nama": self.settings.lsp_nama}}
        for ink in page.ink:
            if isinstance(ink, Text):
                draw_text(c, ink, page_h)
            elif isinstance(ink, Rect):
                c.setLineWidth(ink.stroke or 0.1)
                c.setStrokeGray(ink.grey)
                c.setDash(*(ink.dash,) if ink.dash else ([], 0))
                if ink.fill is not None:
                    c.setFillGray(ink.fill)
                c.rect(ink.x * mm, (page_h - ink.y - ink.h) * mm, ink.w * mm, ink.h * mm,
                       stroke=1 if ink.stroke else 0, fill=1 if ink.fill is not None else 0)
                c.setDash([], 0)
            elif isinstance(ink, Line):
                c.setLineWidth(ink.width)
                c.setStrokeGray(ink.grey)
                c.setDash(*(ink.dash,) if ink.dash else ([], 0))
                c.line(ink.x1 * mm, (page_h - ink.y1) * mm, ink.x2 * mm, (page_h - ink.y2) * mm)
            elif isinstance(ink, Letterhead):
                c.setFillGray(0)
                c.setStrokeGray(0)
                draw_letterhead(c, self.settings.office, left=ink.x * mm,
                                top=(page_h - ink.y) * mm, width=ink.w * mm)
            elif isinstance(ink, TextBlock) and ink.scope != "pack":
                draw_block(c, ink, page_h, ctx)
        c.setFillGray(0)
        for x, y, size in page.marks:
            c.rect((x - size / 2) * mm, (page_h - y - size / 2) * mm, size * mm, size * mm,
                   stroke=0, fill=1)
        c.restoreState()

    def _draw_pack_ink(self, c: Canvas, page: PageLayout, page_h: float, ctx: dict) -> None:
        blocks = [ink for ink in page.ink if isinstance(ink, TextBlock) and ink.scope == "pack"]
        if blocks:
            c.saveState()
            full = {"office": self.settings.office, "lsp": {"nama": self.settings.lsp_nama},
                    **ctx}
            for ink in blocks:
                draw_block(c, ink, page_h, full)
            c.restoreState()

    def _draw_identity(self, c: Canvas, layout: DocumentLayout, page: PageLayout,
                       page_h: float, page_id: str) -> None:
        x, y, w, _ = page.qr
        c.saveState()
        c._code.append(self._qr_ops(page_id, x * mm, (page_h - y) * mm, w * mm))
        tx, ty, align = page.qr_text_anchor
        c.setFont("Courier", layout.qr_text_size)
        draw = {"right": c.drawRightString, "centre": c.drawCentredString}.get(align,
                                                                               c.drawString)
        draw(tx * mm, (page_h - ty) * mm, page_id)
        c.restoreState()


def draw_text(c: Canvas, ink: Text, page_h: float) -> None:
    c.setFont(ink.font, ink.size)
    c.setFillGray(ink.grey)
    x, y = ink.x * mm, (page_h - ink.y) * mm
    if ink.align == "centre":
        c.drawCentredString(x, y, ink.text)
    elif ink.align == "right":
        c.drawRightString(x, y, ink.text)
    else:
        c.drawString(x, y, ink.text)


def draw_block(c: Canvas, ink: TextBlock, page_h: float, ctx: dict) -> None:
    """Render jinja text into its fixed box, shrinking it until it fits."""
    text = ink.source.render(**ctx).strip()
    size = ink.size
    while True:
        lines = wrap(text, ink.font, size, ink.w)
        leading = size * 1.3 * PT
        if (len(lines) <= ink.max_lines and len(lines) * leading <= ink.h + 0.01) \
                or size <= ink.min_size:
            break
        size = max(ink.min_size, size - 0.5)
    capacity = max(1, int((ink.h + 0.01) // leading))
    lines = lines[:capacity]
    c.setFont(ink.font, size)
    c.setFillGray(0)
    for i, line in enumerate(lines):
        y = ink.y + i * leading + leading * 0.5 + size * PT * 0.35
        x = ink.x if ink.align == "left" else ink.x + ink.w / 2 if ink.align == "centre" \
            else ink.x + ink.w
        draw_text(c, Text(x, y, line, ink.font, size, ink.align), page_h)


def field_value(f: Field, values: dict, ctx: dict) -> str:
    key = f.box.key
    value = values.get(key) if key else None
    if value in (None, "") and f.preset is not None:
        value = f.preset.render(**ctx)
    return "" if value is None else str(value)
