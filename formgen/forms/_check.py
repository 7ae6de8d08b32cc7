"""Validating a form template: it lays out on every paper and keeps its boxes clean and apart."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import getAscentDescent

from formgen.core.config import PAPER_SIZES_MM
from formgen.core.errors import TemplateError
from formgen.core.i18n import t
from formgen.forms._layout import layout_document
from formgen.forms._measure import PT, text_width
from formgen.forms._model import DocumentLayout, Letterhead, Line, Rect, Text, TextBlock

CLEAR_INTERIOR = ("checkbox", "signature", "materai")
INSET = 0.6  # mm: a box's own border may touch this margin, nothing may enter further
MARK_CLEARANCE = 2.0  # mm around corner marks and the QR


def check_template(name: str) -> list[TemplateError]:
    """Every problem of template ``name`` (empty when it is fine)."""
    problems: list[TemplateError] = []
    for paper in PAPER_SIZES_MM:
        try:
            layout = layout_document(name, paper)
        except TemplateError as exc:
            return [exc]
        problems += [p for p in _check_layout(layout)
                     if p.one_line() not in {q.one_line() for q in problems}]
    return problems


def _ink_boxes(ink) -> list[tuple[float, float, float, float]]:
    """Bounding boxes (x0, y0, x1, y1 in mm) of printed ink; rectangles give their four sides."""
    if isinstance(ink, Text):
        w = text_width(ink.text, ink.font, ink.size)
        asc, desc = (v * PT for v in getAscentDescent(ink.font, ink.size))
        x0 = ink.x - (w / 2 if ink.align == "centre" else w if ink.align == "right" else 0)
        return [(x0, ink.y - asc, x0 + w, ink.y - desc)]
    if isinstance(ink, Rect):
        if ink.fill is not None and ink.fill < 0.99:
            return [(ink.x, ink.y, ink.x + ink.w, ink.y + ink.h)]
        x0, y0, x1, y1 = ink.x, ink.y, ink.x + ink.w, ink.y + ink.h
        return [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
    if isinstance(ink, Line):
        return [(min(ink.x1, ink.x2), min(ink.y1, ink.y2), max(ink.x1, ink.x2),
                 max(ink.y1, ink.y2))]
    if isinstance(ink, Letterhead | TextBlock):
        return [(ink.x, ink.y, ink.x + ink.w, ink.y + ink.h)]
    return []


def _overlaps(a, b) -> bool:
    """Rectangles (x0, y0, x1, y1) share interior; a zero-width line crossing one counts."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _check_layout(layout: DocumentLayout) -> list[TemplateError]:
    problems = []
    W, H = layout.size_mm

    def problem(box_name: str, message: str, code: str) -> None:
        problems.append(TemplateError(f"{message} ({layout.paper})", path=layout.path,
                                      line=layout.lines.get(box_name), code=code))

    for page in layout.pages:
        furniture = [(x - s / 2 - MARK_CLEARANCE, y - s / 2 - MARK_CLEARANCE,
                      x + s / 2 + MARK_CLEARANCE, y + s / 2 + MARK_CLEARANCE)
                     for x, y, s in page.marks]
        qx, qy, qw, qh = page.qr
        furniture.append((qx, qy, qx + qw, qy + qh))
        ink_boxes = [b for ink in page.ink for b in _ink_boxes(ink)]
        if any(_overlaps(mark, b) for mark in furniture[:4] for b in ink_boxes):
            problems.append(TemplateError(f"{t('forms.check_marks')} ({layout.paper})",
                                          path=layout.path, code="ink_near_mark"))
        rects = []
        for f in page.fields:
            x, y, w, h = f.box.rect
            rect = (x, y, x + w, y + h)
            if x < 0 or y < 0 or x + w > W or y + h > H:
                problem(f.box.name, t("forms.check_off_page", name=f.box.name), "box_off_page")
            if any(_overlaps(rect, fb) for fb in furniture):
                problem(f.box.name, t("forms.check_furniture", name=f.box.name), "box_furniture")
            for other_name, other in rects:
                if _overlaps(rect, other):
                    problem(f.box.name, t("forms.check_overlap", name=f.box.name,
                                          other=other_name), "box_overlap")
            rects.append((f.box.name, rect))
            if f.box.kind in CLEAR_INTERIOR:
                inner = (x + INSET, y + INSET, x + w - INSET, y + h - INSET)
                if any(_overlaps(inner, b) for b in ink_boxes):
                    problem(f.box.name, t("forms.check_ink", name=f.box.name, kind=f.box.kind),
                            "box_ink")
    return problems

