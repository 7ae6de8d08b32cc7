"""An attachment page (no QR): its kind, its findings, and the page turned upright."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from ocr import tesseract, textline
from ocr.classify import classify_attachment
from ocr.features import estimate_dpi, to_rgb
from ocr.findings import Finding
from ocr.ijazah import read_ijazah
from ocr.ktp import read_ktp
from ocr.ktp.glyphs import templates
from ocr.pasfoto import check_pas_foto, holder_name
from ocr.photo import find_document_quad, rectify_photo
from ocr.upright import MAX_OBJECT_SKEW, Upright, make_upright, turn_page

# Pages read again as the photographed sheet they show when read as these: no document,
# or a diploma whose name was not read
SHEET_RETRY = ("other", "ijazah")
SHEET_SHARE = 0.8   # a sheet covering less of the page than this lies in a photo
SHEETS = ("A4", "F4", "letter")   # the papers such a sheet may be (a card is the card reader's)


@dataclass
class AttachmentPage:
    doc: str
    confidence: float
    findings: list[Finding]
    upright: Upright
    form_page: bool = False    # its words are the office's own form's: its QR code was lost


def warm_up() -> None:
    """What every reader loads once per process, loaded now (a worker's start) rather than
    on the first page it reads: Tesseract's engines, the line recognizer, the NIK's digit
    shapes (about 0.9 s of CPU that the first page would otherwise carry)."""
    tesseract.warm_up()
    textline.warm_up()
    templates()


def read_attachment_page(page: Image.Image, *, dpi: float | None = None,
                         names: Sequence[str] = (), niks: Sequence[str] = ()
                         ) -> AttachmentPage:
    """Classify and read an attachment page as scanned, and turn it upright; ``names``
    and ``niks``: the roster's, which a name or a card's NIK no reading settled is
    matched against.

    The way up comes from what was read: the KTP front's labels, the face on a pas foto,
    or (for pages read as text) the words, with Tesseract's orientation detection when
    they do not read as they lie. A blank page
    is left as it is; a page whose photo shows no face is turned as OSD says.

    A page that shows a sheet of paper photographed (a diploma on a wall or a table,
    the photo printed and copied) is read as the sheet again, cut out and flattened, when
    the page as a whole is no document or no diploma's name was read on it: its print is
    small and keystoned there. The sheet's reading is kept when it is a diploma's and
    reads more; the page is then the flattened sheet.
    """
    rgb = to_rgb(page)    # once: every look below works on the same pixels
    found = _read_page(page, rgb, dpi, names, niks)
    if found.form_page or found.doc not in SHEET_RETRY or _has_name(found):
        return found
    quad = find_document_quad(rgb, papers=SHEETS)
    if quad is None or cv2.contourArea(quad.astype(np.float32)) >= SHEET_SHARE * page.width \
            * page.height:
        return found   # no sheet in it, or the sheet is the page itself
    sheet = rectify_photo(page, dpi=round(dpi or estimate_dpi(rgb.shape)), quad=quad,
                          papers=SHEETS)
    if sheet is None:
        return found
    again = _read_page(sheet, to_rgb(sheet), sheet.info["dpi"][0], names, niks)
    if again.doc == "ijazah" and (found.doc != "ijazah" or _has_name(again)):
        if found.doc == "ijazah":
            again.findings = _filled(again.findings, found.findings)
        return again
    return found


def _filled(findings: list[Finding], first: list[Finding]) -> list[Finding]:
    """``findings`` (the photographed sheet read flattened) with each value they did not
    read taken from ``first`` (the same page read as it lies), where that read it: a
    crease or a dark quarter may cost the flattened sheet's lines that the page read
    (its level, its year)."""
    earlier = {f.name: f for f in first if f.value is not None}
    return [earlier.get(f.name, f) if f.value is None else f for f in findings]


def _has_name(page: AttachmentPage) -> bool:
    return any(f.name == "nama" and f.value for f in page.findings)


def _read_page(page: Image.Image, rgb: np.ndarray, dpi: float | None,
               names: Sequence[str], niks: Sequence[str] = ()) -> AttachmentPage:
    """``page`` (``rgb``: its pixels) classified, read and turned upright."""
    doc, confidence, details = classify_attachment(rgb, dpi=dpi, page=page)
    findings = read_attachment(rgb, doc, dpi=dpi, details=details, names=names, niks=niks)
    upright = details.get("upright")
    if upright is None:
        angle = details.get("upright_angle")
        if doc == "blank":
            upright = turn_page(page, 0.0, method="none", confidence=0.0)
        elif angle is not None:
            upright = turn_page(page, angle, method="card" if doc == "ktp" else "photo",
                                confidence=0.9, max_skew=MAX_OBJECT_SKEW)
        else:
            upright = make_upright(page)
    if doc == "pas_foto":
        name = holder_name(upright.image, dpi=dpi)
        if name is not None:
            findings.append(Finding("pas_foto", "nama", *name))
    return AttachmentPage(doc, float(confidence), findings, upright,
                          form_page=bool(details.get("form_page")))


def read_attachment(page, doc: str, *, dpi: float | None = None,
                    details: dict | None = None, names: Sequence[str] = (),
                    niks: Sequence[str] = ()) -> list[Finding]:
    """Findings for an attachment ``page`` classified as ``doc`` (none for others).

    ``details``: the classifier's evidence; the KTP reading, the cards, the photo check and
    the page text it made (``ktp``, ``found_cards``, ``pas_foto``; ``text`` with
    ``ocr_confidence``) are reused rather than made again. Comparison with the roster
    happens later, once the page's applicant is known.
    """
    details = details or {}
    if doc == "ktp":
        reading = details.get("ktp") or read_ktp(page, dpi=dpi, cards=details.get("found_cards"))
        reading.match_roster(names, niks)
        return reading.findings(None)
    if doc == "ijazah":
        upright = details.get("upright")
        return read_ijazah(page, dpi=dpi, read=details.get("page_text"),
                           upright=upright.image if upright is not None else None,
                           names=names).findings()
    if doc == "pas_foto":
        photo = details.get("pas_foto")
        return (photo or check_pas_foto(page, dpi=dpi)).findings()
    return []
