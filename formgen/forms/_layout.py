"""The layout engine: turns a form template (data) into pages of ink and boxes, for one paper size.

It knows element types (title, section, text, fields, table, signatures, ...)
and page furniture, never a form's wording. Positions depend only on the
template and the paper, never on the values filled in, so the geometry of a
layout is fixed and can be stored and hashed.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace
from functools import lru_cache

from jinja2 import TemplateSyntaxError, meta
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth

from formgen.core.config import PAPER_SIZES_MM
from formgen.core.i18n import t
from formgen.core.jinjaenv import sandboxed_environment
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
from formgen.forms._templates import Node, TemplateFile, load_common, load_template
from ocr.geometry import Box, DocumentGeometry, PageGeometry

PT = 25.4 / 72  # mm per point
FONTS = {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique",
         "bolditalic": "Helvetica-BoldOblique", "mono": "Courier"}
LAYOUT_SCOPE = {"page", "total", "form"}
SETTINGS_SCOPE = {"office", "lsp"}
PACK_SCOPE = {"pack_number", "values"}

# Templates are edited by office staff: a sandbox keeps their text from reaching Python.
_env = sandboxed_environment()


def text_width(text: str, font: str, size: float) -> float:
    """Width in mm."""
    return stringWidth(text, font, size) * PT


def wrap(text: str, font: str, size: float, width_mm: float) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(simpleSplit(para, font, size, width_mm / PT) or [""])
    return lines


class _Engine:
    """Lays out one template on one paper size."""

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
        pending: list[_Block] = []  # headings kept on the page of what follows them
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
            block = _Block()
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

    def _flush(self, blocks: list[_Block]) -> None:
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

    def el_spacer(self, node: Node, b: _Block) -> None:
        b.h = self.num(node, "spacer", 4)

    def el_title(self, node: Node, b: _Block) -> None:
        font, size = self.style("title")
        size = self.num(node, "size", size)
        ink, h = self.paragraph(node, "title", 0, 0, self.width, font=font, size=size,
                                align=node.get("align", "centre"), leading=1.25,
                                lines=self.opt_int(node, "lines"), layout_ctx=self.ctx())
        b.ink += ink
        b.h = h
        b.after = self.num(node, "after", 1.5)

    def el_text(self, node: Node, b: _Block) -> None:
        font, size = self.style(node.get("style", "body"))
        size = self.num(node, "size", size)
        indent = self.num(node, "indent", 0)
        ink, h = self.paragraph(node, "text", indent, 0, self.width - indent, font=font,
                                size=size, align=node.get("align", "left"),
                                lines=self.opt_int(node, "lines"), layout_ctx=self.ctx())
        b.ink += ink
        b.h = h
        b.after = self.num(node, "after", 2)

    def el_section(self, node: Node, b: _Block) -> None:
        font, size = self.style("section")
        h = self.num(node, "height", 6.5)
        b.ink.append(Rect(0, 0, self.width, h, stroke=0.6, fill=0.86))
        ink, _ = self.paragraph(node, "section", 2, (h - size * 1.3 * PT) / 2, self.width - 4,
                                font=font, size=size, lines=1, layout_ctx=self.ctx())
        b.ink += ink
        b.h = h
        b.after = self.num(node, "after", 2.5)
        b.keep_with_next = True

    def el_subsection(self, node: Node, b: _Block) -> None:
        font, size = self.style("subsection")
        ink, h = self.paragraph(node, "subsection", 0, 0, self.width, font=font, size=size,
                                lines=1, layout_ctx=self.ctx())
        b.ink += ink
        b.h = h
        b.after = self.num(node, "after", 1.5)
        b.keep_with_next = True

    def el_notice(self, node: Node, b: _Block) -> None:
        """A framed block of text lines (title in bold)."""
        pad = 3.0
        y = pad
        if "heading" in node:
            font, size = self.style("notice_heading")
            ink, h = self.paragraph(node, "heading", pad, y, self.width - 2 * pad, font=font,
                                    size=size, align="centre",
                                    lines=self.opt_int(node, "heading_lines"),
                                    layout_ctx=self.ctx())
            b.ink += ink
            y += h + 1
        font, size = self.style("body")
        ink, h = self.paragraph(node, "notice", pad, y, self.width - 2 * pad, font=font,
                                size=self.num(node, "size", size), align=node.get("align", "left"),
                                lines=self.opt_int(node, "lines"), layout_ctx=self.ctx())
        b.ink += ink
        y += h + pad
        b.ink.insert(0, Rect(0, 0, self.width, y, stroke=1.0, fill=self.num(node, "fill", 0.96)))
        b.h = y
        b.after = self.num(node, "after", 3)

    def el_page_qr(self, node: Node, b: _Block) -> None:
        """The page's identity QR, large and in the body (the separator sheet)."""
        size = self.num(node, "page_qr", 55)
        x = (self.width - size) / 2
        b.qr = (x, 0, size)
        b.h = size + 4
        b.after = self.num(node, "after", 2)

    def el_page_break(self, node: Node, b: _Block) -> None:  # handled in layout()
        pass

    def el_fields(self, node: Node, b: _Block) -> None:
        rows = self._get(self.tf, node, "fields", list)
        f = self.c["field"]
        label_w = self.num(node, "label_width", float(f["label_width"]))
        indent = self.num(node, "indent", 0)
        box_h = float(f["height"])
        gap = float(f["row_gap"])
        lfont, lsize = self.style("label")
        y = 0.0
        for row in rows:
            if not isinstance(row, Node) or "label" not in row:
                raise self.err(t("forms.row_shape"), row if isinstance(row, Node) else rows,
                               code="template_shape")
            label_lines = wrap(str(row["label"]), lfont, lsize, label_w - 3)
            lines = int(self.num(row, "lines", 1))
            h = max(box_h + (lines - 1) * box_h * 0.75, len(label_lines) * lsize * 1.25 * PT + 1.5)
            if "choices" in row:
                ch = self._choices_height(row)
                h = max(h, ch)
            cap = 0.72 * lsize * PT
            llh = lsize * 1.25 * PT
            base = y + box_h / 2 + cap / 2 - (len(label_lines) - 1) * llh / 2
            for i, text in enumerate(label_lines):
                b.ink.append(Text(indent, base + i * llh, text, lfont, lsize))
            b.ink.append(Text(indent + label_w - 2, y + box_h / 2 + cap / 2, ":", lfont, lsize))
            x0 = indent + label_w
            avail = self.width - x0
            if "choices" in row:
                self._choices(row, b, x0, y, avail, box_h)
            elif "parts" in row:
                parts = self._get(self.tf, row, "parts", list)
                sep = 3.0
                fixed = sum(float(p.get("width", 0)) for p in parts if isinstance(p, Node))
                free = [p for p in parts if isinstance(p, Node) and "width" not in p]
                share = (avail - fixed - sep * (len(parts) - 1)) / max(1, len(free))
                x = x0
                for p in parts:
                    if not isinstance(p, Node):
                        raise self.err(t("forms.row_shape"), parts, code="template_shape")
                    w = float(p.get("width", share))
                    if "text" in p:  # a short label between boxes, e.g. "Tgl."
                        b.ink.append(Text(x, y + box_h / 2 + cap / 2, str(p["text"]), lfont,
                                          lsize))
                    else:
                        self._text_box(p, b, x, y, w, h)
                    x += w + sep
            else:
                w = self.num(row, "width", avail)
                self._text_box(row, b, x0, y, min(w, avail), h)
            y += h + gap
        b.h = y - gap
        b.after = self.num(node, "after", 3)

    def _text_box(self, node: Node, b: _Block, x: float, y: float, w: float, h: float) -> None:
        key = node.get("key")
        name = self.claim(node.get("name", key), node, "name" if "name" in node else "key")
        comb = int(self.num(node, "comb", 0))
        lines = int(self.num(node, "lines", 1))
        fill = self.c["field"].get("fill")
        b.ink.append(Rect(x, y, w, h, stroke=0.5, grey=0.35, fill=fill))
        if comb:
            cell = w / comb
            for i in range(1, comb):
                b.ink.append(Line(x + i * cell, y + h * 0.55, x + i * cell, y + h, 0.4, 0.35))
        preset = None
        if "preset" in node:
            preset, _ = self.compile(node["preset"], node, "preset")
        box = Box(name=name, kind="text", rect=(x, y, w, h), key=key,
                  charset=self.charset(key, node), comb=comb, lines=lines)
        b.fields.append(Field(box=box, lines=lines, comb=comb,
                              size=float(self.c["field"]["value_size"]), preset=preset,
                              top_align=lines > 1))

    def _option_list(self, row: Node) -> tuple[Node, list[tuple[str, str]]]:
        ch = row["choices"]
        if not isinstance(ch, Node) or "options" not in ch:
            raise self.err(t("forms.choices_shape"), row, "choices", code="template_shape")
        options = []
        for opt in ch["options"]:
            if isinstance(opt, list) and len(opt) == 2:
                options.append((str(opt[0]), str(opt[1])))
            else:
                options.append((str(opt), str(opt)))
        return ch, options

    def _choices_height(self, row: Node) -> float:
        ch, options = self._option_list(row)
        cols = int(ch.get("columns", len(options)))
        rows = -(-len(options) // cols)
        return rows * float(self.c["field"]["height"])

    def _choices(self, row: Node, b: _Block, x0: float, y: float, avail: float,
                 box_h: float) -> None:
        ch, options = self._option_list(row)
        cols = int(ch.get("columns", len(options)))
        col_w = float(ch.get("column_width", avail / cols))
        size = float(self.c["checkbox"]["size"])
        font, fsize = self.style("option")
        ascent = getAscentDescent(font, fsize)[0] * PT
        base = ch.get("name", ch.get("key"))
        for i, (value, label) in enumerate(options):
            cx = x0 + (i % cols) * col_w
            cy = y + (i // cols) * box_h + (box_h - size) / 2
            name = self.claim(f"{base}_{value}".lower().replace("-", "_"), ch,
                              "name" if "name" in ch else "key")
            b.fields.append(Field(box=Box(name=name, kind="checkbox", rect=(cx, cy, size, size),
                                          key=ch.get("key")),
                                  on_value=value if ch.get("key") else None))
            b.ink.append(Rect(cx, cy, size, size, stroke=0.8))
            b.ink.append(Text(cx + size + 1.8, cy + size / 2 + ascent / 2, label, font, fsize))

    def el_table(self, node: Node, b: _Block) -> None:
        columns = self._get(self.tf, node, "columns", list)
        rows_spec = node.get("rows", 5)
        row_h = self.num(node, "row_height", 8)
        head_h = self.num(node, "header_height", 9)
        fixed = sum(float(c.get("width", 0)) for c in columns)
        free = [c for c in columns if "width" not in c]
        share = (self.width - fixed) / max(1, len(free))
        widths = [float(c.get("width", share)) for c in columns]
        if isinstance(rows_spec, int):
            rows = [Node(index=i + 1) for i in range(rows_spec)]
            for r in rows:
                r.line, r.key_lines = node.line_of("rows"), {}
        elif isinstance(rows_spec, list):
            rows = rows_spec
        else:
            raise self.err(t("forms.key_type", field="rows", kind="number/list"), node, "rows")
        hfont, hsize = self.style("table_header")
        cfont, csize = self.style("table_cell")
        b.ink.append(Rect(0, 0, self.width, head_h, stroke=0, fill=0.9))
        x = 0.0
        for col, w in zip(columns, widths, strict=True):
            lines = wrap(str(col.get("title", "")), hfont, hsize, w - 2)
            lh = hsize * 1.2 * PT
            asc = getAscentDescent(hfont, hsize)[0] * PT
            top = (head_h - len(lines) * lh) / 2
            for i, text in enumerate(lines):
                b.ink.append(Text(x + w / 2, top + asc + i * lh, text, hfont, hsize, "centre"))
            x += w
        y = head_h
        csize_box = float(self.c["checkbox"]["size"])
        for index, row in enumerate(rows, start=1):
            x = 0.0
            ctx = {"i": index, "row": row.get("name", str(index)) if isinstance(row, Node) else ""}
            for col, w in zip(columns, widths, strict=True):
                cell = col.get("cell", "text")
                if cell == "number":
                    b.ink.append(Text(x + w / 2, y + row_h / 2 + csize * 0.35 * PT, f"{index}.",
                                      cfont, csize, "centre"))
                elif cell == "static":
                    ink, _ = self.paragraph(row, "text", x + 1.5, y + 0.8, w - 3, font=cfont,
                                            size=csize, leading=1.2,
                                            lines=int(row_h // (csize * 1.2 * PT)),
                                            layout_ctx=self.ctx())
                    # centre vertically
                    n = len(ink)
                    dy = (row_h - 1.6 - n * csize * 1.2 * PT) / 2
                    b.ink += [replace(i, y=i.y + dy) for i in ink]
                elif cell in ("text", "checkbox"):
                    pattern = col.get("name", col.get("key"))
                    if not isinstance(pattern, str):
                        raise self.err(t("forms.key_missing", field="name"), col,
                                       code="template_key")
                    name = pattern.format(**ctx)
                    key_pattern = col.get("key")
                    key = key_pattern.format(**ctx) if isinstance(key_pattern, str) else None
                    self.claim(name, col, "name" if "name" in col else "key")
                    if cell == "text":
                        inset = 0.6
                        box = Box(name=name, kind="text",
                                  rect=(x + inset, y + inset, w - 2 * inset, row_h - 2 * inset),
                                  key=key, charset=self.charset(col.get("charset_key", ""), col),
                                  lines=int(col.get("lines", 1)))
                        b.fields.append(Field(box=box, lines=int(col.get("lines", 1)),
                                              size=float(self.c["field"]["value_size"]) - 1))
                    else:
                        cx, cy = x + (w - csize_box) / 2, y + (row_h - csize_box) / 2
                        b.fields.append(Field(box=Box(name=name, kind="checkbox",
                                                      rect=(cx, cy, csize_box, csize_box),
                                                      key=key)))
                        b.ink.append(Rect(cx, cy, csize_box, csize_box, stroke=0.8))
                else:
                    raise self.err(t("forms.cell_unknown", cell=cell), col, "cell",
                                   code="template_element")
                x += w
            y += row_h
        # grid
        b.ink.append(Rect(0, 0, self.width, y, stroke=0.8))
        x = 0.0
        for w in widths[:-1]:
            x += w
            b.ink.append(Line(x, 0, x, y, 0.5))
        for r in range(len(rows) + 1):
            yy = head_h + r * row_h
            b.ink.append(Line(0, yy, self.width, yy, 0.5 if r else 0.8))
        b.h = y
        b.after = self.num(node, "after", 3)

    def el_signatures(self, node: Node, b: _Block) -> None:
        """Signature blocks side by side; their boxes line up whatever sits above them.

        A block: ``fields`` (small labelled boxes above, e.g. place and date),
        ``title``, the signature box ``name`` (``ttd_<who>``), optionally a
        ``materai`` box beside it, ``name_key`` (the signer's name in brackets),
        ``below`` (labelled boxes under it) and a ``caption``.
        """
        blocks = self._get(self.tf, node, "signatures", list)
        gap = self.num(node, "gap", 10)
        fixed = sum(self.num(s, "width", 0) for s in blocks)
        free = [s for s in blocks if "width" not in s]
        share = (self.width - fixed - gap * (len(blocks) - 1)) / max(1, len(free))
        font, size = self.style("label")
        bfont, _ = self.style("subsection")
        row_h = float(self.c["field"]["height"]) + 1.5
        title_lh = size * 1.3 * PT

        def title_h(s: Node) -> float:
            if "title" not in s:
                return 0.0
            lines = self.opt_int(s, "title_lines") or len(
                wrap(str(s["title"]), bfont, size, self.num(s, "width", share)))
            return lines * title_lh + 1

        def above(s: Node) -> float:
            return (len(s.get("fields", [])) * row_h + title_h(s)
                    + (4 if s.get("materai") else 0))

        top = max(above(s) for s in blocks)
        x = self.num(node, "offset", 0)
        if node.get("align") == "right" and len(blocks) == 1:
            x = self.width - self.num(blocks[0], "width", share)
        height = 0.0
        for s in blocks:
            w = self.num(s, "width", share)
            y = self._small_fields(s.get("fields", []), b, x, 0, w)
            if "title" in s:
                th = title_h(s)
                ink, _ = self.paragraph(s, "title", x, top - th - (4 if s.get("materai") else 0),
                                        w, font=bfont, size=size,
                                        lines=self.opt_int(s, "title_lines"),
                                        layout_ctx=self.ctx())
                b.ink += ink
            y = top
            sig_h = self.num(s, "height", 24)
            sx, sw = x, w
            if s.get("materai"):
                mw, mh = (float(v) for v in s.get("materai_size", [30, 24]))
                name = self.claim("materai", s, "materai")
                b.fields.append(Field(box=Box(name=name, kind="materai", rect=(x, y, mw, mh))))
                b.ink.append(Rect(x, y, mw, mh, stroke=0.7, dash=(2, 2), grey=0.3))
                label = str(s.get("materai_label", "Meterai Rp10.000"))
                b.ink.append(Text(x + mw / 2, y - 1.2, label, font, size - 1.5, "centre", 0.3))
                sx, sw = x + mw + 3, w - mw - 3
                sig_h = max(sig_h, mh)
            name = self.claim(self._get(self.tf, s, "name", str), s, "name")
            if not name.startswith("ttd_"):
                raise self.err(t("forms.signature_name", name=name), s, "name",
                               code="template_name")
            b.fields.append(Field(box=Box(name=name, kind="signature", rect=(sx, y, sw, sig_h))))
            b.ink.append(Rect(sx, y, sw, sig_h, stroke=0.4, dash=(1, 2), grey=0.55))
            y += sig_h + 1.2
            if "name_key" in s:  # the signer's name under the box, in brackets
                key = s["name_key"]
                sub = Node(key=key, name=s.get("name_field", key))
                sub.line, sub.key_lines = s.line_of("name_key"), {}
                fh = float(self.c["field"]["height"])
                base = y + fh / 2 + 0.72 * (size + 2) * PT / 2
                b.ink.append(Text(x, base, "(", font, size + 2))
                self._text_box(sub, b, x + 2.5, y, w - 5, fh)
                b.ink.append(Text(x + w - 1.6, base, ")", font, size + 2))
                y += fh + 0.5
            if "caption" in s:
                ink, h = self.paragraph(s, "caption", x, y, w, font=font, size=size - 1,
                                        align="centre", grey=0.25,
                                        lines=self.opt_int(s, "caption_lines"),
                                        layout_ctx=self.ctx())
                b.ink += ink
                y += h + 1
            y = self._small_fields(s.get("below", []), b, x, y, w)
            height = max(height, y)
            x += w + gap
        b.h = height
        b.after = self.num(node, "after", 3)

    def _small_fields(self, rows: list, b: _Block, x: float, y: float, w: float) -> float:
        """Labelled boxes stacked inside a signature block; returns the y below them."""
        font, size = self.style("label")
        fh = float(self.c["field"]["height"])
        for row in rows:
            if not isinstance(row, Node):
                raise self.err(t("forms.row_shape"), rows, code="template_shape")
            label = str(row.get("label", ""))
            lw = self.num(row, "label_width", text_width(label, font, size) + 2)
            b.ink.append(Text(x, y + fh / 2 + 0.72 * size * PT / 2, label, font, size))
            self._text_box(row, b, x + lw, y, w - lw, fh)
            y += fh + 1.5
        return y

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


class _Block:
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
            page.fields.append(replace(f, box=replace(f.box, rect=(_r(x + dx), _r(y + dy),
                                                                    _r(w), _r(h)))))
        if self.qr:
            x, y, size = self.qr
            page.qr = (_r(x + dx), _r(y + dy), size, size)


def _r(v: float) -> float:
    return round(v, 2)


def _shift(ink, dx: float, dy: float):
    if isinstance(ink, Line):
        return replace(ink, x1=ink.x1 + dx, y1=ink.y1 + dy, x2=ink.x2 + dx, y2=ink.y2 + dy)
    return replace(ink, x=ink.x + dx, y=ink.y + dy)


# -- public entry points ---------------------------------------------------------------------
def layout_document(doc: str, paper: str) -> DocumentLayout:
    tf = load_template(doc)
    common = load_common()
    return _layout_cached(doc, paper, tf.digest, common.digest)


@lru_cache(maxsize=32)
def _layout_cached(doc: str, paper: str, _digest: str, _common_digest: str) -> DocumentLayout:
    tf = load_template(doc)
    common = load_common()
    engine = _Engine(tf, common, paper)
    pages = engine.layout()
    size = PAPER_SIZES_MM[paper]
    geo_pages = tuple(PageGeometry(page=p.number, marks=p.marks, qr=tuple(_r(v) for v in p.qr),
                                   boxes=tuple(f.box for f in p.fields)) for p in pages)
    body = json.dumps([asdict(p) for p in geo_pages], separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(
        f"{doc}|{paper}|{body}|{tf.digest}|{common.digest}".encode()).hexdigest()[:8]
    geometry = DocumentGeometry(id=digest, doc=doc, paper=paper, size_mm=size, pages=geo_pages)
    font, size_pt = engine.style("page_id")
    return DocumentLayout(doc=doc, paper=paper, size_mm=size, title=str(tf.data.get("title", "")),
                          pages=pages, geometry=geometry, qr_text_size=size_pt,
                          lines=dict(engine.names), path=str(tf.path))


