"""The pages of a printed pack as the applicant hands them back: rendered, signed, stamped.

``form_pages`` lists a pack PDF's pages, each drawn only when its turn comes: rendered
with its filled values, every ``ttd_*`` signature field of the applicant's side signed,
a materai stuck on the ``materai`` field, and on a self-assessment (FR.APL.02) the K box
of every unit printed on it ticked.
"""
from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from ocr.pageid import find_page_code, parse_page_id
from scansim.documents import make_materai, make_signature
from scansim.draw import BLACK_INK, BLUE_INK

# Signature fields filled in later by the LSP or the office, not by the applicant's side.
UNSIGNED_BY_APPLICANT = ("admin", "lsp", "asesor", "petugas")
# A unit of competency's "kompeten" box on FR.APL.02, and the title printed on its row.
_UNIT_K = re.compile(r"unit_(\d+)_k")
TICK = "tick:"  # prefix of the boxes the applicant ticks, in pack_boxes' result


@dataclass
class Page:
    """A page to be scanned: what it carries, and how to draw it when its turn comes."""
    doc: str
    draw: Callable[[], Image.Image]
    page_id: str | None = None
    signed: dict[str, bool] = field(default_factory=dict)
    materai: bool | None = None
    attachment: dict | None = None
    review: str | None = None
    defects: list[str] = field(default_factory=list)
    color_doc: bool = True


def _field_name(annot) -> tuple[str, str | None]:
    """Full dotted name and field type of a widget annotation (walking up its parents)."""
    names, ftype, node = [], None, annot
    while node is not None:
        if "/T" in node:
            names.append(str(node["/T"]))
        if ftype is None and "/FT" in node:
            ftype = str(node["/FT"])
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return ".".join(reversed(names)), ftype


def pack_boxes(path: Path) -> list[dict[str, tuple[float, float, float, float]]]:
    """Per page, the signature and materai fields: short name -> (x0, y0, x1, y1) in points
    from the top-left corner of the page; and the K boxes of the units printed on a
    self-assessment page, as ``tick:unit_<n>_k``."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = []
    for page in reader.pages:
        box = page.mediabox
        left, top = float(box.left), float(box.top)
        found, titled = {}, set()
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget" or "/Rect" not in annot:
                continue
            name, _ftype = _field_name(annot)
            short = name.rsplit(".", 1)[-1]
            unit = re.fullmatch(r"unit_(\d+)_judul", short)
            if unit and str(_value(annot)).strip():
                titled.add(unit[1])
            if _UNIT_K.fullmatch(short):
                short = TICK + short
            elif not (short.startswith("ttd_") or short == "materai"):
                continue
            x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
            found[short] = (min(x0, x1) - left, top - max(y0, y1), max(x0, x1) - left,
                            top - min(y0, y1))
        pages.append({k: v for k, v in found.items()
                      if not k.startswith(TICK) or _UNIT_K.fullmatch(k[len(TICK):])[1] in titled})
    return pages


def _value(annot) -> object:
    """A widget's field value (on the widget or the field it belongs to)."""
    node = annot
    while node is not None:
        if "/V" in node:
            return node["/V"]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return ""


def _tick(image: Image.Image, rect, scale: float, rng: random.Random,
          ink: tuple[int, int, int]) -> None:
    """A hand-drawn cross in a checkbox."""
    x0, y0, x1, y1 = (v * scale for v in rect)
    w, h = x1 - x0, y1 - y0
    draw = ImageDraw.Draw(image)
    width = max(2, int(w * 0.12))
    j = lambda: rng.uniform(-0.08, 0.08) * w  # noqa: E731 - a wobble of the hand
    draw.line([(x0 + 0.2 * w + j(), y0 + 0.2 * h + j()), (x1 - 0.2 * w + j(), y1 - 0.2 * h + j())],
              fill=ink, width=width)
    draw.line([(x1 - 0.2 * w + j(), y0 + 0.2 * h + j()), (x0 + 0.2 * w + j(), y1 - 0.2 * h + j())],
              fill=ink, width=width)


def render_page(pdf, index: int, scale: float, *, forms: bool = True) -> Image.Image:
    """One page of an open pdfium document as an RGB image, freeing pdfium's memory at once."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=scale, may_draw_forms=forms)
        try:
            return bitmap.to_pil().convert("RGB")
        finally:
            bitmap.close()
    finally:
        page.close()


def _page_id(pdf_page) -> str | None:
    textpage = pdf_page.get_textpage()
    text = textpage.get_text_range()
    textpage.close()
    return find_page_code(text)


def _qr_page_id(image: Image.Image) -> str | None:
    import zxingcpp

    small = image.convert("L")
    small = small.resize((small.width // 2, small.height // 2))
    for result in zxingcpp.read_barcodes(small):
        code = find_page_code(result.text)
        if code:
            return code
    return None


def _doc_of(page_id: str | None, index: int) -> str:
    parsed = parse_page_id(page_id) if page_id else None
    if parsed:
        return parsed.doc
    return "sampul" if index == 0 else "other"


# --------------------------------------------------------------------------- page making

def _sign_page(image: Image.Image, boxes: dict, scale: float, rng: random.Random, *,
               skip: set[str], materai: bool, dpi: int, ink: tuple[int, int, int]
               ) -> tuple[dict[str, bool], bool | None]:
    signed: dict[str, bool] = {}
    has_materai = None
    if "materai" in boxes:
        has_materai = materai
        if materai:
            sticker = make_materai(rng=rng, dpi=dpi).rotate(rng.uniform(-6, 6), expand=True,
                                                           resample=Image.BICUBIC)
            x0, y0, x1, y1 = (v * scale for v in boxes["materai"])
            cx = (x0 + x1) / 2 + rng.uniform(-0.1, 0.1) * (x1 - x0)
            cy = (y0 + y1) / 2 + rng.uniform(-0.1, 0.1) * (y1 - y0)
            image.paste(sticker, (int(cx - sticker.width / 2), int(cy - sticker.height / 2)),
                        sticker)
    for name, rect in sorted(boxes.items()):
        if name.startswith(TICK):
            _tick(image, rect, scale, rng, ink)
            continue
        if not name.startswith("ttd_"):
            continue
        if any(word in name for word in UNSIGNED_BY_APPLICANT) or name in skip:
            signed[name] = False
            continue
        x0, y0, x1, y1 = (v * scale for v in rect)
        w, h = x1 - x0, y1 - y0
        sw, sh = int(w * rng.uniform(0.7, 0.95)), int(h * rng.uniform(0.7, 0.95))
        sig = make_signature(rng=rng, width_px=sw, height_px=sh, ink=ink)
        px = x0 + rng.uniform(0, max(0.0, w - sw))
        py = y0 + rng.uniform(0, max(0.0, h - sh))
        if has_materai and name == "ttd_pemohon" and rng.random() < 0.6:
            # People sign across the stamp: up to a quarter of the signature over the materai.
            mx = (boxes["materai"][0] + boxes["materai"][2]) / 2 * scale
            px += math.copysign(rng.uniform(0.1, 0.25) * sw, mx - (x0 + x1) / 2)
        image.paste(sig, (int(px), int(py)), sig)
        signed[name] = True
    return signed, has_materai


def form_pages(pdf, boxes: list[dict], rng: random.Random, dpi: int,
                defects: set[str]) -> list[Page]:
    """The pack's pages, to be rendered as filled in and signed by the applicant."""
    scale = dpi / 72
    ink = BLUE_INK if rng.random() < 0.6 else BLACK_INK
    signable = [i for i, b in enumerate(boxes) if "ttd_pemohon" in b]
    unsigned_at = rng.choice(signable) if "unsigned" in defects and signable else None
    pages: list[Page] = []
    for i in range(len(pdf)):
        pdf_page = pdf[i]
        page_id = _page_id(pdf_page)
        pdf_page.close()
        if page_id is None:
            page_id = _qr_page_id(render_page(pdf, i, 150 / 72))
        page = Page(_doc_of(page_id, i), draw=lambda: None, page_id=page_id)
        skip = {"ttd_pemohon"} if i == unsigned_at else set()
        if skip:
            page.defects.append("unsigned")
        if "materai" in (boxes[i] if i < len(boxes) else {}) and "no_materai" in defects:
            page.defects.append("no_materai")

        def draw(page=page, i=i, skip=skip) -> Image.Image:
            image = render_page(pdf, i, scale)
            page.signed, page.materai = _sign_page(
                image, boxes[i] if i < len(boxes) else {}, scale, rng, skip=skip,
                materai="no_materai" not in defects, dpi=dpi, ink=ink)
            return image

        page.draw = draw
        pages.append(page)
    return pages
