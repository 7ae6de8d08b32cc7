"""Drawing laid-out pages with reportlab: printed ink, page identity, and AcroForm fields.

Fields are written as low-level PDF objects (reportlab's pdfdoc), so that we
control their appearance streams (values shrink or wrap inside fixed boxes),
their hierarchical names (``permohonan.nama``) and signature fields
(``/FT /Sig``), which reportlab has no helper for. A flattened writer (the
print file) prints the same appearances into the page content instead.
"""
from __future__ import annotations

import contextlib
import functools

from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QRUtil
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.acroform import escPDF
from reportlab.pdfbase.pdfdoc import PDFObject, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from formgen.core.config import Settings
from formgen.forms._layout import FONTS, PT, wrap
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
from formgen.outputs.letterhead import draw_letterhead

QR_MASK = 2  # fixed mask pattern: choosing the "best" of eight costs 10x the encoding time
QR_LEVEL = "M"
MIN_VALUE_SIZE = 5.0  # points: the smallest a value is printed
SINGLE_LINE_MIN = 6.5  # points: below this, a long value wraps rather than shrinking further
WRAPPED_TOP_PAD = 3.0  # points between a multi-line box's top border and its first line
_VALUE_FONT = "Helvetica"
_ANNOT_PRINT = 4
_FF_MULTILINE = 1 << 12
_FF_COMB = 1 << 24
_FF_DONOTSCROLL = 1 << 23


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


def _ascii_for_ap(text: str) -> str:
    """Characters the standard Helvetica of an appearance stream can show."""
    return text.encode("latin-1", "replace").decode("latin-1")


class _Raw(PDFObject):
    """A PDF object already serialised (references resolved when it was made)."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document) -> bytes:
        return self.data


class _FieldNode(PDFObject):
    """A non-terminal field (``permohonan`` or ``P000012``): its kids are known only at the end."""

    def __init__(self, name: str, parent: str | None):
        self.name, self.parent, self.kids = name, parent, []

    def format(self, document) -> bytes:
        parent = f" /Parent {self.parent}" if self.parent else ""
        return (f"<< /T {pdf_string(self.name)}{parent} /Kids [{' '.join(self.kids)}] >>"
                ).encode("latin-1")


def pdf_string(text: str) -> str:
    """A PDF text string: literal when ASCII, UTF-16BE with BOM otherwise."""
    if text.isascii() and text.isprintable():
        return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


@contextlib.contextmanager
def _binary_streams():
    """Compressed streams without the ASCII85 layer (a third smaller, and much faster to write)."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


class PdfWriter:
    """One output PDF: a canvas plus the field tree and the caches that make drawing fast."""

    def __init__(self, path_or_buffer, *, size_mm: tuple[float, float], settings: Settings,
                 title: str = "", flatten: bool = False):
        """``flatten``: values are printed as page content and no fields are written."""
        self.canvas = Canvas(path_or_buffer, pagesize=(size_mm[0] * mm, size_mm[1] * mm),
                             pageCompression=1, invariant=1)
        self.canvas.setTitle(title)
        self.canvas.setCreator("formgen")
        self.settings = settings
        self.doc = self.canvas._doc
        for font in FONTS.values():  # fixed order: recorded static ink uses the same names
            self.doc.getInternalFontName(font)
        self.flatten = flatten
        self.forms: set[str] = set()
        self.page_font = self.doc.getInternalFontName("Helvetica").lstrip("/")
        if flatten:
            return
        self.form = self.canvas.acroForm
        font_ref, self.font_key = self.form.makeFont("Helvetica")
        self.resources = f"<< /ProcSet [/PDF /Text] /Font << /{self.font_key} {font_ref} >> >>"
        self.da = pdf_string(f"/{self.font_key} 0 Tf 0 g")
        self.form.extras["DA"] = PDFString(f"/{self.font_key} 0 Tf 0 g")
        self._nodes: dict[tuple[str, ...], _FieldNode] = {}
        self._checkbox_ap: dict[float, str] = {}
        self._empty_ap: str | None = None

    # -- page -----------------------------------------------------------------------------
    def set_page_size(self, size_mm: tuple[float, float]) -> None:
        self.canvas.setPageSize((size_mm[0] * mm, size_mm[1] * mm))

    def show_page(self) -> None:
        with _binary_streams():
            self.canvas.showPage()

    def save(self) -> None:
        with _binary_streams():
            self.canvas.save()

    # -- objects --------------------------------------------------------------------------
    def _ref(self, obj: PDFObject) -> str:
        name = self.doc.Reference(obj).name
        number, version = self.doc.idToObjectNumberAndVersion[name]
        return f"{number} {version} R"

    def _stream(self, w: float, h: float, code: str) -> str:
        data = code.encode("latin-1")
        head = (f"<< /Type /XObject /Subtype /Form /FormType 1 /BBox [0 0 {w:.2f} {h:.2f}] "
                f"/Resources {self.resources} /Length {len(data)} >>\nstream\n")
        return self._ref(_Raw(head.encode("latin-1") + data + b"\nendstream"))

    def _empty(self) -> str:
        if self._empty_ap is None:
            self._empty_ap = self._stream(1, 1, "")
        return self._empty_ap

    def _parent(self, path: tuple[str, ...]) -> _FieldNode:
        node = self._nodes.get(path)
        if node is None:
            parent = self._parent(path[:-1]) if len(path) > 1 else None
            node = _FieldNode(path[-1], parent.ref if parent else None)
            node.ref = self._ref(node)
            if parent:
                parent.kids.append(node.ref)
            else:
                self.form.fields.append(self.doc.Reference(node))
            self._nodes[path] = node
        return node

    def _add_widget(self, prefix: tuple[str, ...], name: str, body: str) -> None:
        parent = self._parent(prefix) if prefix else None
        link = f" /Parent {parent.ref}" if parent else ""
        widget = _Raw(f"<< /Type /Annot /Subtype /Widget /F {_ANNOT_PRINT} /T {pdf_string(name)}"
                      f"{link} {body} >>".encode("latin-1"))
        self.canvas._addAnnotation(widget)
        if parent:
            parent.kids.append(self._ref(widget))
        else:
            self.form.fields.append(self.doc.Reference(widget))

    @staticmethod
    def _rect(f: Field, page_h: float) -> str:
        x, y, w, h = f.box.rect
        return (f"[{x * mm:.2f} {(page_h - y - h) * mm:.2f} {(x + w) * mm:.2f} "
                f"{(page_h - y) * mm:.2f}]")

    # -- fields ---------------------------------------------------------------------------
    def _print(self, f: Field, page_h: float, code: str) -> None:
        x, y, _, h = f.box.rect
        self.canvas._code.append(f"q 1 0 0 1 {x * mm:.2f} {(page_h - y - h) * mm:.2f} cm {code} Q")

    def text_field(self, prefix: tuple[str, ...], f: Field, value: str, page_h: float) -> None:
        _, _, w, h = f.box.rect
        if self.flatten:
            if value:
                self._print(f, page_h, value_appearance(
                    value, w / PT, h / PT, font_key=self.page_font, max_size=f.size,
                    lines=f.lines, comb=f.comb, top_align=f.top_align))
            return
        ff = _FF_DONOTSCROLL | (_FF_MULTILINE if f.lines > 1 else 0)
        extra = ""
        if f.comb:
            ff |= _FF_COMB
            extra = f" /MaxLen {f.comb}"
        if value:
            code = value_appearance(value, w / PT, h / PT, font_key=self.font_key,
                                    max_size=f.size, lines=f.lines, comb=f.comb,
                                    top_align=f.top_align)
            extra += f" /V {pdf_string(value)}"
            ap = self._stream(w / PT, h / PT, code)
        else:
            ap = self._empty()
        self._add_widget(prefix, f.box.name,
                         f"/FT /Tx /Ff {ff} /Rect {self._rect(f, page_h)} /DA {self.da}{extra} "
                         f"/AP << /N {ap} >>")

    def checkbox(self, prefix: tuple[str, ...], f: Field, checked: bool, page_h: float) -> None:
        size = f.box.rect[2] / PT
        if self.flatten:
            if checked:
                self._print(f, page_h, _cross(size))
            return
        ap = self._checkbox_ap.get(size)
        if ap is None:
            ap = self._checkbox_ap[size] = (f"<< /Yes {self._stream(size, size, _cross(size))} "
                                            f"/Off {self._stream(size, size, '')} >>")
        state = "/Yes" if checked else "/Off"
        self._add_widget(prefix, f.box.name,
                         f"/FT /Btn /V {state} /AS {state} /Rect {self._rect(f, page_h)} "
                         f"/MK << /CA (8) >> /AP << /N {ap} >>")

    def signature(self, prefix: tuple[str, ...], f: Field, page_h: float) -> None:
        if self.flatten:
            return
        self._add_widget(prefix, f.box.name,
                         f"/FT /Sig /Rect {self._rect(f, page_h)} /AP << /N {self._empty()} >>")


def _cross(size: float) -> str:
    i = size * 0.2
    return (f"q 0 g 0 G 1.3 w 1 J {i:.2f} {i:.2f} m {size - i:.2f} {size - i:.2f} l S "
            f"{i:.2f} {size - i:.2f} m {size - i:.2f} {i:.2f} l S Q")


def fit_value(text: str, w: float, h: float, *, max_size: float,
              lines: int = 1) -> tuple[float, list[str]]:
    """Font size (points) and lines that show ``text`` inside a w x h (points) text area.

    One line shrinks first (down to SINGLE_LINE_MIN); then the text wraps at
    the largest size whose lines fit the height (down to MIN_VALUE_SIZE); what
    still does not fit is cut with an ellipsis. Multi-line boxes wrap before
    they shrink.
    """
    per_point = stringWidth(text, _VALUE_FONT, 1) or 1.0
    one_line = min(max_size, h / 1.15, w / per_point)
    if lines == 1 and one_line >= SINGLE_LINE_MIN:
        return _floor(one_line), [text]
    size = _floor(min(max_size, h / 1.15))
    while True:
        capacity = max(1, int(h // (size * 1.15)))
        wrapped = _wrap(text, size, w)
        if len(wrapped) <= capacity:
            return size, wrapped
        if size <= MIN_VALUE_SIZE:
            break
        size = max(MIN_VALUE_SIZE, size - 0.5)
    shown = wrapped[:capacity]
    last = shown[-1]
    while last and stringWidth(last + "...", _VALUE_FONT, size) > w:
        last = last[:-1]
    shown[-1] = last.rstrip() + "..."
    return size, shown


def _wrap(text: str, size: float, w: float) -> list[str]:
    """Word wrap; a word wider than the box is broken between characters."""
    lines = []
    for line in simpleSplit(text, _VALUE_FONT, size, w) or [""]:
        while stringWidth(line, _VALUE_FONT, size) > w and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], _VALUE_FONT, size) > w:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def _floor(size: float) -> float:
    return int(size * 4) / 4


def value_appearance(value: str, w: float, h: float, *, font_key: str, max_size: float,
                     lines: int = 1, comb: int = 0, top_align: bool = False) -> str:
    """Appearance stream (points, box origin) showing ``value`` inside a w x h box.

    Drawing is clipped to the box as well, so nothing ever shows outside it.
    """
    text = _ascii_for_ap(" ".join(value.split()))
    if comb:
        cell = w / comb
        size = min(max_size, cell * 0.9, h * 0.6)
        parts = []
        for i, ch in enumerate(text[:comb]):
            cx = i * cell + (cell - stringWidth(ch, _VALUE_FONT, size)) / 2
            parts.append(f"1 0 0 1 {cx:.2f} {h / 2 - size * 0.35:.2f} Tm ({escPDF(ch)}) Tj")
        body = " ".join(parts)
        return f"/Tx BMC q BT /{font_key} {size:.2f} Tf 0 g {body} ET Q EMC"
    pad_x, pad_y = 2.0, 1.0
    # A multi-line box's first line keeps clear of the top border: a reader cuts a margin
    # inside the border, and capitals that touch it come back cropped.
    pad_top = WRAPPED_TOP_PAD if lines > 1 else pad_y
    size, shown = fit_value(text, w - 2 * pad_x, h - pad_top - pad_y, max_size=max_size,
                            lines=lines)
    leading = size * 1.15
    if len(shown) > 1 or top_align:
        top = h - pad_top - size * 0.85  # baseline of the first line
    else:
        top = h / 2 - size * 0.35
    parts = [f"1 0 0 1 {pad_x:.2f} {top - i * leading:.2f} Tm ({escPDF(line)}) Tj"
             for i, line in enumerate(shown)]
    return (f"/Tx BMC q {pad_y:.2f} {pad_y:.2f} {w - 2 * pad_y:.2f} {h - 2 * pad_y:.2f} re W n "
            f"BT /{font_key} {size:.2f} Tf 0 g {' '.join(parts)} ET Q EMC")


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
