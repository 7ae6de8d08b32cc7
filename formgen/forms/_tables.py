"""Layout of the table and signature elements of a form."""
from __future__ import annotations

from dataclasses import replace

from reportlab.pdfbase.pdfmetrics import getAscentDescent

from formgen.core.i18n import t
from formgen.forms._engine import Block
from formgen.forms._measure import PT, text_width, wrap
from formgen.forms._model import Field, Line, Rect, Text
from formgen.forms._templates import Node
from ocr.geometry import Box


class TableElements:
    """``el_table`` and ``el_signatures`` (mixed into the engine)."""

    def el_table(self, node: Node, b: Block) -> None:
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

    def el_signatures(self, node: Node, b: Block) -> None:
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

    def _small_fields(self, rows: list, b: Block, x: float, y: float, w: float) -> float:
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
