"""Drawing laid-out pages with reportlab: printed ink, page identity, and AcroForm fields.

Fields are written as low-level PDF objects (reportlab's pdfdoc), so that we
control their appearance streams (values shrink or wrap inside fixed boxes),
their hierarchical names (``permohonan.nama``; ``P000012.permohonan.nama`` in a
print file) and signature fields (``/FT /Sig``), which reportlab has no helper for.
"""
from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.units import mm
from reportlab.pdfbase.acroform import PDFFromString, escPDF
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

from ..config import Settings
from ..letterhead import draw_letterhead
from ._layout import FONTS, PT, text_width, wrap
from ._model import DocumentLayout, Field, Letterhead, Line, PageLayout, Rect, Text, TextBlock

QR_MASK = 2  # fixed mask pattern: choosing the "best" of eight costs 10x the encoding time
QR_LEVEL = "M"
MIN_VALUE_SIZE = 5.0  # points
_ANNOT_PRINT = 4
_FF_MULTILINE = 1 << 12
_FF_COMB = 1 << 24
_FF_DONOTSCROLL = 1 << 23


def qr_modules(text: str) -> list[list[bool]]:
    """The QR matrix of ``text`` (reportlab's encoder, error correction M, fixed mask)."""
    qr = QrCodeWidget(text, barLevel=QR_LEVEL).qr
    qr.version = qr.calculate_version()
    qr.makeImpl(False, QR_MASK)
    return qr.modules


def _ascii_for_ap(text: str) -> str:
    """Characters the standard Helvetica of an appearance stream can show."""
    return text.encode("latin-1", "replace").decode("latin-1")


class PdfWriter:
    """One output PDF: a canvas plus the field tree and the caches that make drawing fast."""

    def __init__(self, path_or_buffer, *, size_mm: tuple[float, float], settings: Settings,
                 title: str = "", compress: bool = True):
        self.canvas = Canvas(path_or_buffer, pagesize=(size_mm[0] * mm, size_mm[1] * mm),
                             pageCompression=1 if compress else 0, invariant=1)
        self.canvas.setTitle(title)
        self.canvas.setCreator("formgen")
        self.settings = settings
        doc = self.canvas._doc
        for font in FONTS.values():  # fixed order: recorded static ink uses the same names
            doc.getInternalFontName(font)
        self.form = self.canvas.acroForm
        font_ref, self.font_key = self.form.makeFont("Helvetica")
        self.font_resources = PDFFromString(
            f"<< /ProcSet [/PDF /Text] /Font << /{self.font_key} {font_ref} >> >>")
        self.form.extras["DA"] = PDFString(f"/{self.font_key} 0 Tf 0 g")
        self._nodes: dict[tuple[str, ...], tuple[PDFDictionary, PDFArray]] = {}
        self._checkbox_ap: dict[float, PDFDictionary] = {}
        self._empty_ap = None

    # -- page -----------------------------------------------------------------------------
    def set_page_size(self, size_mm: tuple[float, float]) -> None:
        self.canvas.setPageSize((size_mm[0] * mm, size_mm[1] * mm))

    def show_page(self) -> None:
        self.canvas.showPage()

    def save(self) -> None:
        self.canvas.save()

    # -- field tree -------------------------------------------------------------------------
    def _parent(self, path: tuple[str, ...]):
        node = self._nodes.get(path)
        if node is None:
            kids = PDFArray([])
            d = PDFDictionary({"T": PDFString(path[-1]), "Kids": kids})
            ref = self.canvas._doc.Reference(d)
            if len(path) > 1:
                parent, parent_kids = self._parent(path[:-1])
                d.dict["Parent"] = self.canvas._doc.Reference(parent)
                parent_kids.sequence.append(ref)
            else:
                self.form.fields.append(ref)
            node = self._nodes[path] = (d, kids)
        return node

    def _add_widget(self, prefix: tuple[str, ...], name: str, entries: dict) -> None:
        doc = self.canvas._doc
        entries.update(T=PDFString(name), Subtype=PDFName("Widget"), Type=PDFName("Annot"),
                       F=_ANNOT_PRINT, P=doc.thisPageRef())
        widget = PDFDictionary(entries)
        if prefix:
            parent, kids = self._parent(prefix)
            widget.dict["Parent"] = doc.Reference(parent)
        self.canvas._addAnnotation(widget)
        ref = doc.Reference(widget)
        if prefix:
            kids.sequence.append(ref)
        else:
            self.form.fields.append(ref)

    def _stream(self, w: float, h: float, code: str):
        return self.canvas._doc.Reference(
            self.form.makeStream(w, h, code, Resources=self.font_resources))

    def _empty(self):
        if self._empty_ap is None:
            self._empty_ap = self._stream(1, 1, "")
        return self._empty_ap

    def text_field(self, prefix: tuple[str, ...], f: Field, value: str, page_h: float) -> None:
        x, y, w, h = f.box.rect
        rect = PDFArray([x * mm, (page_h - y - h) * mm, (x + w) * mm, (page_h - y) * mm])
        ff = _FF_DONOTSCROLL
        if f.lines > 1:
            ff |= _FF_MULTILINE
        entries = {"FT": PDFName("Tx"), "Rect": rect, "Ff": ff,
                   "DA": PDFString(f"/{self.font_key} 0 Tf 0 g")}
        if f.comb:
            entries["Ff"] = ff | _FF_COMB
            entries["MaxLen"] = f.comb
        if value:
            entries["V"] = PDFString(value)
            code = value_appearance(value, w / PT, h / PT, font_key=self.font_key,
                                    max_size=f.size, lines=f.lines, comb=f.comb)
            entries["AP"] = PDFDictionary({"N": self._stream(w / PT, h / PT, code)})
        else:
            entries["AP"] = PDFDictionary({"N": self._empty()})
        self._add_widget(prefix, f.box.name, entries)

    def checkbox(self, prefix: tuple[str, ...], f: Field, checked: bool, page_h: float) -> None:
        x, y, w, h = f.box.rect
        size = w / PT
        ap = self._checkbox_ap.get(size)
        if ap is None:
            i = size * 0.2
            cross = (f"q 0 g 0 G 1.3 w 1 J {i:.2f} {i:.2f} m {size - i:.2f} {size - i:.2f} l S "
                     f"{i:.2f} {size - i:.2f} m {size - i:.2f} {i:.2f} l S Q")
            ap = self._checkbox_ap[size] = PDFDictionary(
                {"Yes": self._stream(size, size, cross), "Off": self._stream(size, size, "")})
        state = PDFName("Yes" if checked else "Off")
        entries = {"FT": PDFName("Btn"), "V": state, "AS": state,
                   "Rect": PDFArray([x * mm, (page_h - y - h) * mm, (x + w) * mm,
                                     (page_h - y) * mm]),
                   "AP": PDFDictionary({"N": ap}),
                   "MK": PDFDictionary({"CA": PDFString("8")})}
        self._add_widget(prefix, f.box.name, entries)

    def signature(self, prefix: tuple[str, ...], f: Field, page_h: float) -> None:
        x, y, w, h = f.box.rect
        entries = {"FT": PDFName("Sig"),
                   "Rect": PDFArray([x * mm, (page_h - y - h) * mm, (x + w) * mm,
                                     (page_h - y) * mm]),
                   "AP": PDFDictionary({"N": self._empty()})}
        self._add_widget(prefix, f.box.name, entries)


def value_appearance(value: str, w: float, h: float, *, font_key: str, max_size: float,
                     lines: int = 1, comb: int = 0) -> str:
    """Appearance stream (points, box origin) showing ``value`` inside a w x h box.

    The value shrinks to fit; when it cannot fit on one line at the smallest
    size it wraps onto as many lines as the box holds, and what still does not
    fit is cut with an ellipsis. Nothing is ever drawn outside the box.
    """
    text = _ascii_for_ap(" ".join(value.split()))
    pad = 2.0
    inner_w, inner_h = w - 2 * pad, h - 2 * pad * 0.5
    font = "Helvetica"
    if comb:
        cell = w / comb
        size = min(max_size, cell * 0.9, h * 0.6)
        parts = []
        for i, ch in enumerate(text[:comb]):
            cx = i * cell + (cell - text_width(ch, font, size) / PT) / 2
            parts.append(f"1 0 0 1 {cx:.2f} {h / 2 - size * 0.35:.2f} Tm ({escPDF(ch)}) Tj")
        body = " ".join(parts)
        return f"/Tx BMC q BT /{font_key} {size:.2f} Tf 0 g {body} ET Q EMC"
    size = min(max_size, inner_h / 1.15 if lines == 1 else max_size)
    chosen: list[str] = []
    while True:
        leading = size * 1.15
        capacity = max(1, int(inner_h // leading))
        width_mm = inner_w * PT
        if capacity <= 1 or lines == 1 and size > MIN_VALUE_SIZE:
            if text_width(text, font, size) <= width_mm:
                chosen = [text]
                break
        else:
            wrapped = wrap(text, font, size, width_mm)
            if len(wrapped) <= capacity:
                chosen = wrapped
                break
        if size <= MIN_VALUE_SIZE:
            capacity = max(1, int(inner_h // leading))
            wrapped = wrap(text, font, size, width_mm)
            chosen = wrapped[:capacity]
            if len(wrapped) > capacity or any(text_width(c, font, size) > width_mm
                                              for c in chosen):
                last = chosen[-1]
                while last and text_width(last + "...", font, size) > width_mm:
                    last = last[:-1]
                chosen[-1] = last.rstrip() + "..."
            break
        size = max(MIN_VALUE_SIZE, size - 0.5)
    leading = size * 1.15
    block_h = leading * (len(chosen) - 1) + size * 0.7
    top = h / 2 + block_h / 2 - size * 0.7  # baseline of the first line
    if len(chosen) > 1:
        top = h - pad * 0.5 - size * 0.85
    parts = [f"1 0 0 1 {pad:.2f} {top - i * leading:.2f} Tm ({escPDF(line)}) Tj"
             for i, line in enumerate(chosen)]
    return (f"/Tx BMC q {pad / 2:.2f} {pad / 2:.2f} {w - pad:.2f} {h - pad:.2f} re W n "
            f"BT /{font_key} {size:.2f} Tf 0 g {' '.join(parts)} ET Q EMC")


class PageDrawer:
    """Draws pages of laid-out documents; static ink is drawn once and replayed afterwards."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._static: dict[tuple, list[str]] = {}
        self._font = None

    def draw_page(self, out: PdfWriter, layout: DocumentLayout, page: PageLayout, *,
                  page_id: str, values: dict, prefix: tuple[str, ...],
                  pack_ctx: dict) -> None:
        c = out.canvas
        page_h = layout.size_mm[1]
        out.set_page_size(layout.size_mm)
        key = (layout.geometry.id, page.number)
        code = self._static.get(key)
        if code is None:
            start = len(c._code)
            self._draw_static(c, page, page_h)
            code = self._static[key] = c._code[start:]
        else:
            c._code.extend(code)
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
        modules = qr_modules(page_id)
        n = len(modules)
        quiet = 4
        cell = w / (n + 2 * quiet)
        c.saveState()
        c.setFillGray(1)
        c.rect(x * mm, (page_h - y - w) * mm, w * mm, w * mm, stroke=0, fill=1)
        c.setFillGray(0)
        path = c.beginPath()
        top = page_h - y
        for r, row in enumerate(modules):
            cx = 0
            while cx < n:
                if row[cx]:
                    start = cx
                    while cx < n and row[cx]:
                        cx += 1
                    path.rect((x + (start + quiet) * cell) * mm,
                              (top - (r + quiet + 1) * cell) * mm,
                              (cx - start) * cell * mm, cell * mm * 1.02)
                else:
                    cx += 1
        c.drawPath(path, stroke=0, fill=1)
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
