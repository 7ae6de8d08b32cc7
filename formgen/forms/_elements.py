"""Layout of the text elements of a form: title, text, sections, notices, page QR, fields."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import getAscentDescent

from formgen.core.i18n import t
from formgen.forms._engine import Block
from formgen.forms._measure import PT, wrap
from formgen.forms._model import Field, Line, Rect, Text
from formgen.forms._templates import Node
from ocr.geometry import Box


class TextElements:
    """``el_<kind>`` handlers for text and field elements (mixed into the engine)."""

    def el_spacer(self, node: Node, b: Block) -> None:
        b.h = self.num(node, "spacer", 4)

    def el_title(self, node: Node, b: Block) -> None:
        font, size = self.style("title")
        size = self.num(node, "size", size)
        ink, h = self.paragraph(node, "title", 0, 0, self.width, font=font, size=size,
                                align=node.get("align", "centre"), leading=1.25,
                                lines=self.opt_int(node, "lines"), layout_ctx=self.ctx())
        b.ink += ink
        b.h = h
        b.after = self.num(node, "after", 1.5)

    def el_text(self, node: Node, b: Block) -> None:
        font, size = self.style(node.get("style", "body"))
        size = self.num(node, "size", size)
        indent = self.num(node, "indent", 0)
        ink, h = self.paragraph(node, "text", indent, 0, self.width - indent, font=font,
                                size=size, align=node.get("align", "left"),
                                lines=self.opt_int(node, "lines"), layout_ctx=self.ctx())
        b.ink += ink
        b.h = h
        b.after = self.num(node, "after", 2)

    def el_section(self, node: Node, b: Block) -> None:
        font, size = self.style("section")
        h = self.num(node, "height", 6.5)
        b.ink.append(Rect(0, 0, self.width, h, stroke=0.6, fill=0.86))
        ink, _ = self.paragraph(node, "section", 2, (h - size * 1.3 * PT) / 2, self.width - 4,
                                font=font, size=size, lines=1, layout_ctx=self.ctx())
        b.ink += ink
        b.h = h
        b.after = self.num(node, "after", 2.5)
        b.keep_with_next = True

    def el_subsection(self, node: Node, b: Block) -> None:
        font, size = self.style("subsection")
        ink, h = self.paragraph(node, "subsection", 0, 0, self.width, font=font, size=size,
                                lines=1, layout_ctx=self.ctx())
        b.ink += ink
        b.h = h
        b.after = self.num(node, "after", 1.5)
        b.keep_with_next = True

    def el_notice(self, node: Node, b: Block) -> None:
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

    def el_page_qr(self, node: Node, b: Block) -> None:
        """The page's identity QR, large and in the body (the separator sheet)."""
        size = self.num(node, "page_qr", 55)
        x = (self.width - size) / 2
        b.qr = (x, 0, size)
        b.h = size + 4
        b.after = self.num(node, "after", 2)

    def el_page_break(self, node: Node, b: Block) -> None:  # handled in layout()
        pass

    def el_fields(self, node: Node, b: Block) -> None:
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

    def _text_box(self, node: Node, b: Block, x: float, y: float, w: float, h: float) -> None:
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

    def _choices(self, row: Node, b: Block, x0: float, y: float, avail: float,
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
