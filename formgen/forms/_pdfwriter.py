"""One output PDF of forms: the canvas, the AcroForm field tree written as low-level objects.

Fields are written as PDF objects (reportlab's pdfdoc), so that we control their
appearance streams (``_appearance``), their hierarchical names (``permohonan.nama``)
and signature fields (``/FT /Sig``), which reportlab has no helper for. A flattened
writer (the print file) prints the same appearances into the page content instead.
"""
from __future__ import annotations

import contextlib

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFObject, PDFString
from reportlab.pdfgen.canvas import Canvas

from formgen.core.config import Settings
from formgen.forms._appearance import checkbox_cross, value_appearance
from formgen.forms._measure import FONTS, PT
from formgen.forms._model import (
    Field,
)

_ANNOT_PRINT = 4
_FF_MULTILINE = 1 << 12
_FF_COMB = 1 << 24
_FF_DONOTSCROLL = 1 << 23


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
                self._print(f, page_h, checkbox_cross(size))
            return
        ap = self._checkbox_ap.get(size)
        if ap is None:
            on = self._stream(size, size, checkbox_cross(size))
            ap = self._checkbox_ap[size] = f"<< /Yes {on} /Off {self._stream(size, size, '')} >>"
        state = "/Yes" if checked else "/Off"
        self._add_widget(prefix, f.box.name,
                         f"/FT /Btn /V {state} /AS {state} /Rect {self._rect(f, page_h)} "
                         f"/MK << /CA (8) >> /AP << /N {ap} >>")

    def signature(self, prefix: tuple[str, ...], f: Field, page_h: float) -> None:
        if self.flatten:
            return
        self._add_widget(prefix, f.box.name,
                         f"/FT /Sig /Rect {self._rect(f, page_h)} /AP << /N {self._empty()} >>")
