"""The layout engine's core: template access, paragraphs, the flow of blocks down pages, furniture.

Positions depend only on the template and the paper, never on the values filled in.
"""
from __future__ import annotations

from dataclasses import replace

from jinja2 import TemplateSyntaxError, meta
from reportlab.pdfbase.pdfmetrics import getAscentDescent

from formgen.core.config import PAPER_SIZES_MM
from formgen.core.i18n import t
from formgen.core.jinjaenv import sandboxed_environment
from formgen.forms._measure import FONTS, PT, wrap
from formgen.forms._model import Field, Letterhead, Line, PageLayout, Text, TextBlock
from formgen.forms._templates import Node, TemplateFile

LAYOUT_SCOPE = {"page", "total", "form"}
SETTINGS_SCOPE = {"office", "lsp"}
PACK_SCOPE = {"pack_number", "values"}

# Templates are edited by office staff: a sandbox keeps their text from reaching Python.
_env = sandboxed_environment()


class EngineBase:
    """Lays out one template on one paper size: reading the template, the flow of blocks
    down the pages, and page furniture; the elements come from mixins (``_elements``,
    ``_tables``)."""

    def __init__(self, tf: TemplateFile, common: TemplateFile, paper: str):
        self.tf, self.common, self.paper = tf, common, paper
        if paper not in PAPER_SIZES_MM:
            raise tf.error(t("forms.paper_unknown", paper=paper), code="paper")
        self.W, self.H = PAPER_SIZES_MM[paper]
        c = common.data
        self.c = c
        page = self._get(common, c, "page", dict)
        self.left = float(page["margin_left"])
        self.right = self.W - float(page["margin_right"])
        self.top = float(page["margin_top"])
        self.bottom = self.H - float(page["content_bottom"])
        self.width = self.right - self.left
        self.st = self._get(common, c, "style", dict)
        self.form = tf.data
        self.pages: list[PageLayout] = []
        self.names: dict[str, int] = {}

    # -- helpers -----------------------------------------------------------------------------
    def _get(self, tf: TemplateFile, node: Node, key: str, kind: type, default=None):
        if key not in node:
            if default is not None:
                return default
            raise tf.error(t("forms.key_missing", field=key), node, code="template_key")
        value = node[key]
        if kind is dict and not isinstance(value, dict):
            raise tf.error(t("forms.key_type", field=key, kind="mapping"), node, key,
                           code="template_value")
        if kind is list and not isinstance(value, list):
            raise tf.error(t("forms.key_type", field=key, kind="list"), node, key,
                           code="template_value")
        if kind is float and not isinstance(value, int | float):
            raise tf.error(t("forms.key_type", field=key, kind="number"), node, key,
                           code="template_value")
        if kind is str and not isinstance(value, str | int | float):
            raise tf.error(t("forms.key_type", field=key, kind="text"), node, key,
                           code="template_value")
        return value

    def err(self, message: str, node, key: str | None = None, code: str = "template_error"):
        return self.tf.error(message, node, key, code=code)

    def style(self, name: str) -> tuple[str, float]:
        s = self.st.get(name)
        if not isinstance(s, dict):
            raise self.common.error(t("forms.key_missing", field=f"style.{name}"), self.st)
        return FONTS.get(s.get("font", "regular"), "Helvetica"), float(s.get("size", 9))

    def num(self, node: Node, key: str, default: float) -> float:
        value = node.get(key, default)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.err(t("forms.key_type", field=key, kind="number"), node, key,
                           code="template_value")
        return float(value)

    def opt_int(self, node: Node, key: str) -> int | None:
        value = node.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise self.err(t("forms.key_type", field=key, kind="whole number"), node, key,
                           code="template_value")
        return value

    def compile(self, source, node: Node, key: str):
        """A jinja template and its scope: 'layout', 'settings' or 'pack'."""
        if not isinstance(source, str):
            source = str(source)
        try:
            names = meta.find_undeclared_variables(_env.parse(source))
            template = _env.from_string(source)
        except TemplateSyntaxError as exc:
            raise self.tf.error(t("forms.jinja", detail=exc.message or ""), node, key,
                                code="template_jinja") from exc
        unknown = names - LAYOUT_SCOPE - SETTINGS_SCOPE - PACK_SCOPE
        if unknown:
            raise self.err(t("forms.jinja_unknown", names=", ".join(sorted(unknown))), node, key,
                           code="template_jinja")
        scope = "pack" if names & PACK_SCOPE else "settings" if names & SETTINGS_SCOPE else "layout"
        return template, scope

    def claim(self, name: str, node: Node, key: str = "name") -> str:
        if not isinstance(name, str) or not name.replace("_", "").isalnum() or not name.islower():
            raise self.err(t("forms.bad_name", name=name), node, key, code="template_name")
        if name in self.names:
            raise self.err(t("forms.duplicate_name", name=name, line=self.names[name]), node, key,
                           code="template_name")
        self.names[name] = node.line_of(key) if isinstance(node, Node) else 0
        return name

    def charset(self, key: str | None, node: Node) -> str:
        if "charset" in node:
            value = node["charset"]
            if value not in ("digits", "date", "alpha", "email", "any"):
                raise self.err(t("forms.bad_charset", value=value), node, "charset")
            return value
        return self.c.get("charsets", {}).get(key or "", "any")

    # -- text ---------------------------------------------------------------------------------
    def paragraph(self, node: Node, key: str, x: float, y: float, w: float, *, font: str,
                  size: float, align: str = "left", leading: float = 1.3, grey: float = 0.0,
                  lines: int | None = None, layout_ctx: dict | None = None) -> tuple[list, float]:
        """Ink for a paragraph starting at top ``y``; returns (ink, height in mm)."""
        source = node[key] if isinstance(node, dict) else node
        template, scope = self.compile(source, node, key)
        line_h = size * leading * PT
        if scope != "layout":
            if lines is None:
                raise self.err(t("forms.needs_lines"), node, key, code="template_lines")
            h = lines * line_h
            return [TextBlock(x, y, w, h, template, font, size, max(5.0, size * 0.6), align,
                              lines, scope)], h
        text = template.render(**(layout_ctx or {})).strip()
        wrapped = wrap(text, font, size, w)
        if lines is not None and len(wrapped) > lines:
            raise self.err(t("forms.text_too_long", lines=lines), node, key,
                           code="template_overflow")
        ink = []
        ascent = getAscentDescent(font, size)[0] * PT
        for i, line in enumerate(wrapped):
            ax = x if align == "left" else x + w / 2 if align == "centre" else x + w
            ink.append(Text(ax, y + i * line_h + ascent + (line_h - size * PT) / 2, line, font,
                            size, align, grey))
        return ink, (lines or len(wrapped)) * line_h

    # -- elements -----------------------------------------------------------------------------
    def layout(self) -> list[PageLayout]:
        body = self._get(self.tf, self.form, "body", list)
        self.new_page()
        if self.form.get("letterhead", True):
            h = float(self.c["letterhead"]["height"])
            self.page.ink.append(Letterhead(self.left, self.y, self.width, h))
            self.y += h
        pending: list[Block] = []  # headings kept on the page of what follows them
        for element in body:
            if not isinstance(element, Node) or not element:
                raise self.err(t("forms.element_shape"), element if isinstance(element, Node)
                               else body, code="template_shape")
            kind = next(iter(element))
            handler = getattr(self, f"el_{kind}", None)
            if handler is None:
                raise self.err(t("forms.element_unknown", kind=kind), element, kind,
                               code="template_element")
            if kind == "page_break":
                self._flush(pending)
                pending = []
                self.new_page()
                continue
            block = Block()
            try:
                handler(element, block)
            except (TypeError, ValueError, KeyError, AttributeError) as exc:
                raise self.err(t("forms.element_invalid", detail=str(exc)), element, kind,
                               code="template_value") from exc
            if block.h > self.bottom - self.top:
                raise self.err(t("forms.element_too_tall"), element, kind,
                               code="template_overflow")
            block.keep_with_next = bool(element.get("keep", block.keep_with_next))
            pending.append(block)
            if not block.keep_with_next:
                self._flush(pending)
                pending = []
        self._flush(pending)
        self.finish_pages()
        return self.pages

    def _flush(self, blocks: list[Block]) -> None:
        """Place ``blocks`` together: on this page if all fit, else all on a new page."""
        if not blocks:
            return
        total = sum(b.h + b.after for b in blocks) - blocks[-1].after
        if self.y + total > self.bottom + 1e-6 and self.y > self.top:
            self.new_page()
        for block in blocks:
            block.place(self.page, self.left, self.y)
            self.y += block.h + block.after

    def new_page(self) -> None:
        self.page = PageLayout(number=len(self.pages) + 1)
        self.pages.append(self.page)
        self.y = self.top

    # -- page furniture -----------------------------------------------------------------------
    def ctx(self, page: int | None = None, total: int | None = None) -> dict:
        return {"form": {"code": self.form.get("code", ""), "title": self.form.get("title", "")},
                "page": page, "total": total}

    def finish_pages(self) -> None:
        total = len(self.pages)
        marks = self.c["marks"]
        m_size, m_c = float(marks["size"]), float(marks["centre"])
        qr = self.c["qr"]
        q_size = float(qr["size"])
        footer = self.c["footer"]
        font, size = self.style("footer")
        for page in self.pages:
            page.marks = ((m_c, m_c, m_size), (self.W - m_c, m_c, m_size),
                          (m_c, self.H - m_c, m_size), (self.W - m_c, self.H - m_c, m_size))
            rule_y = self.H - float(footer["rule"])
            page.ink.append(Line(self.left, rule_y, self.right, rule_y, 0.5, 0.4))
            ctx = self.ctx(page.number, total)
            ink, _ = self.paragraph(footer, "text", self.left, rule_y + 1.5,
                                    self.right - self.left - q_size - 4, font=font, size=size,
                                    lines=2, grey=0.3, layout_ctx=ctx)
            page.ink += ink
            qr_x = self.W - float(qr["right"]) - q_size
            qr_y = self.H - float(qr["bottom"]) - q_size
            if page.qr == (0, 0, 0, 0):
                page.qr = (qr_x, qr_y, q_size, q_size)
                page.qr_text_anchor = (qr_x - 1.5, self.H - float(qr["bottom"]) - 2.5, "right")
            else:
                footer_qr = page.qr
                page.qr_text_anchor = (footer_qr[0] + footer_qr[2] / 2,
                                       footer_qr[1] + footer_qr[3] + 1.5, "centre")


class Block:
    """Ink and boxes of one element, laid out from its own top-left (0, 0)."""

    def __init__(self):
        self.ink: list = []
        self.fields: list[Field] = []
        self.h = 0.0
        self.after = 0.0
        self.keep_with_next = False
        self.qr: tuple[float, float, float] | None = None

    def place(self, page: PageLayout, dx: float, dy: float) -> None:
        for ink in self.ink:
            page.ink.append(_shift(ink, dx, dy))
        for f in self.fields:
            x, y, w, h = f.box.rect
            rect = (round_mm(x + dx), round_mm(y + dy), round_mm(w), round_mm(h))
            page.fields.append(replace(f, box=replace(f.box, rect=rect)))
        if self.qr:
            x, y, size = self.qr
            page.qr = (round_mm(x + dx), round_mm(y + dy), size, size)


def round_mm(v: float) -> float:
    return round(v, 2)


def _shift(ink, dx: float, dy: float):
    if isinstance(ink, Line):
        return replace(ink, x1=ink.x1 + dx, y1=ink.y1 + dy, x2=ink.x2 + dx, y2=ink.y2 + dy)
    return replace(ink, x=ink.x + dx, y=ink.y + dy)
