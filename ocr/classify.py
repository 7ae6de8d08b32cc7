"""What kind of attachment a page is: ktp, ijazah, pas_foto, blank or other.

Cheap evidence first, on the page as it was scanned, whichever way up: a
near-empty page is blank without any OCR; a card-sized rectangle is confirmed as
a KTP by reading it (the front's printed labels, read the right way round, which
also tells how the page is turned); a photo-sized region with one face on a page with
little text is a pas foto (the face tells which way is up). Only then is the
page read, downscaled to about 150 dpi, for the words of an ijazah or a KTP: as
it lies first, and turned by Tesseract OSD only when those words do not read. A page
with neither, little text and faces of a photo's size is a pas foto whose outline was
not found (unsure).
"""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from ocr import tesseract
from ocr.features import MM_PER_INCH, content_mask, estimate_dpi, to_rgb
from ocr.ijazah_text import (
    PageText,
    cleaned,
    form_words,
    has_title,
    keyword_count,
    page_text,
    reads_across,
    sheet_level,
)
from ocr.imaging import downscale, grey_percentiles
from ocr.ktp import MIN_PRINT_SHARE, find_cards, print_share, read_ktp
from ocr.ktp.wordcards import CUTS, cards_by_words, standing_turn
from ocr.pasfoto import check_pas_foto, is_whole_photo, photo_by_faces, photo_quads, quad_box
from ocr.upright import upright_by_reading

BLANK_MAX_INK = 0.0015        # share of the page (at ~75 dpi) that is not paper
LITTLE_TEXT = 80              # letter-sized marks on a photo page (a name written under it)
TEXT_PAGE = 3 * LITTLE_TEXT   # more marks than this, photos and all: a page of text
MARK_DARKER = 70              # grey levels below the paper a mark's print lies at least
TINT_KERNEL_MM = 2.0          # wider than a letter's stroke: what lies around a mark on a tint
UNSURE_PHOTO = 0.6            # faces of a pas foto's size, but no photo outline found
WORD_CARD_WORDS = 3           # KTP words on a page whose card is then looked for by its labels
UNREAD_CARD = 0.5             # a KTP-shaped printed card nothing could be read from
SAME_BOX = 0.7                # overlap (of the union) at which a photo's outline is a card's,
#                               or (of the photo) at which it lies on the card
KTP_WORDS = ("PROVINSI", "KABUPATEN", "KOTA", "NIK", "NAMA", "LAHIR", "KELAMIN", "ALAMAT",
             "AGAMA", "BERLAKU", "KEWARGANEGARAAN", "PEKERJAAN", "PERKAWINAN")


def ink_share(rgb: np.ndarray) -> float:
    """Share of the page that is not paper, at ~75 dpi (speckle and streaks average away)."""
    small, _ = downscale(rgb, 900)
    mask = content_mask(small, delta=40).astype(np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return float(mask.mean())


def text_marks(rgb: np.ndarray, dpi: float, exclude: list | None = None,
               on_tint: bool = False) -> int:
    """Letter-sized dark marks on the page (0.8-8 mm), outside the ``exclude`` boxes: marks
    MARK_DARKER than the paper, or on a faded copy whose darkest print is pale, darker
    than halfway from its print to its paper (a faded diploma's text is still text); the
    paper is the sheet's own, not the lighter lid around a tinted sheet.
    ``on_tint``: or, where more, the marks MARK_DARKER than what lies around them, so that
    the letters of a card printed on a dark tint (tint and letters one blob by the paper's
    measure) are counted; a photo's inside is more than letters, so this is asked only
    with the photos excluded."""
    small, f = downscale(rgb, 1400)
    grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    ink, paper = grey_percentiles(grey, (1,))[0], sheet_level(grey, 95)
    px_mm = dpi / MM_PER_INCH * f
    masks = [grey < max(paper - MARK_DARKER, (ink + paper) / 2)]
    if on_tint:
        side = max(3, round(px_mm * TINT_KERNEL_MM)) | 1
        around = cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, np.ones((side, side), np.uint8))
        masks.append(around > MARK_DARKER)
    return max(_letter_sized(mask.astype(np.uint8), exclude, f, px_mm) for mask in masks)


def _letter_sized(mask: np.ndarray, exclude: list | None, f: float, px_mm: float) -> int:
    for x0, y0, x1, y1 in exclude or []:
        mask[int(y0 * f):int(y1 * f), int(x0 * f):int(x1 * f)] = 0
    _, _, stats, _ = cv2.connectedComponentsWithStats(mask, 8)
    h = stats[1:, cv2.CC_STAT_HEIGHT] / px_mm
    w = stats[1:, cv2.CC_STAT_WIDTH] / px_mm
    return int(((h >= 0.8) & (h <= 8) & (w <= 10)).sum())


def ktp_words(text: str) -> list[str]:
    upper = text.upper()
    return [w for w in KTP_WORDS if w in upper]


def _photo_confidence(faces: int) -> float:
    """A photo with one face is surely a pas foto; without one (or with two) it is a bad one."""
    return 0.9 if faces == 1 else 0.6


def classify_attachment(img, *, dpi: float | None = None,
                        page: Image.Image | None = None) -> tuple[str, float, dict]:
    """(doc, confidence, details) for an attachment page (PIL image or array), any way up;
    ``page``: the PIL image of the page when ``img`` is its array (it is turned upright).

    ``details`` holds the evidence: ink share, cards, photos (faces on a pas foto), text marks,
    keywords, whether the text is the office's own form's (``form_page``), the cards found
    (``found_cards``), the KTP reading (``ktp``), the
    photo check (``pas_foto``, a :class:`PasFotoReading`) and, when OCR was needed, the
    page text (``text``; ``page_text`` with its words, reused by
    :func:`ocr.ijazah.read_ijazah`). How the page stands
    upright: ``upright_angle`` (counter-clockwise degrees, from a card's header or a face)
    or ``upright`` (the :class:`ocr.upright.Upright` page that was read).
    """
    rgb = to_rgb(img)
    details: dict = {"ocr": False}
    ink = ink_share(rgb)
    details["ink"] = round(ink, 5)
    if ink < BLANK_MAX_INK:
        return "blank", round(min(0.99, 1.0 - ink / BLANK_MAX_INK * 0.5), 3), details

    if is_whole_photo(rgb):
        photo = check_pas_foto(rgb)
        details.update(faces=photo.faces, photos=1, pas_foto=photo,
                       upright_angle=photo.upright_angle)
        return "pas_foto", _photo_confidence(photo.faces), details

    dpi = dpi or estimate_dpi(rgb.shape)
    cards = find_cards(rgb, dpi=dpi)
    details.update(cards=len(cards), found_cards=cards)
    unread_card = None
    if any(print_share(card) >= MIN_PRINT_SHARE for card in cards):
        ktp = read_ktp(rgb, dpi=dpi, cards=cards)   # a card's front is read the right way round
        if ktp.found:
            details.update(ktp=ktp, ocr=True, upright_angle=ktp.upright_angle,
                           keywords=ktp.front_words)
            return "ktp", round(min(0.98, 0.7 + 0.08 * ktp.front_words), 3), details
        unread_card = ktp

    marks = details["text_marks"] = text_marks(rgb, dpi)
    # A page full of text is read, whatever photo it carries; the faces are looked for
    # only on a page that is little more than its photos (a diploma's photo box is not).
    quads = photo_quads(rgb, dpi) if marks <= TEXT_PAGE else []
    if unread_card is not None:     # a printed card's own outline is no photo's, nor
        #                             the card's photo (a faxed card's, black as a print)
        boxes = [_card_box(card) for card in cards]
        quads = [q for q in quads for box in [quad_box(q)]
                 if not any(_same_box(box, c) or _within(box, c) for c in boxes)]
    details["photos"] = len(quads)
    if quads:
        marks = details["text_marks"] = text_marks(rgb, dpi, exclude=[quad_box(q) for q in quads],
                                                   on_tint=True)
        if marks <= LITTLE_TEXT:
            photo = check_pas_foto(rgb, dpi=dpi, quads=quads)
            details.update(faces=photo.faces, pas_foto=photo, upright_angle=photo.upright_angle)
            return "pas_foto", _photo_confidence(photo.faces), details

    if page is None:
        page = img if isinstance(img, Image.Image) else _as_page(rgb, dpi)
    upright, reading = upright_by_reading(
        page, lambda grey, grey_dpi: page_text(grey, dpi=grey_dpi), _names_a_document,
        clean=cleaned)
    text = reading.text
    details["upright"] = upright
    details.update(ocr=True, text=text, page_text=reading,
                   ocr_confidence=round(reading.confidence, 3))
    ij = ijazah_score(reading)
    kt = ktp_words(text)
    details["keywords"] = {"ijazah": ij, "ktp": kt}
    details["form_page"] = form_words(text) >= 2
    if _is_ijazah(ij, kt):
        return "ijazah", round(min(0.97, 0.6 + 0.08 * ij), 3), details
    if len(kt) >= WORD_CARD_WORDS and not details["form_page"] and \
            (by_words := _ktp_by_words(upright, reading, dpi)) is not None:
        # a card whose outline was not found, found by its labels on the page's text; the
        # page is turned as that card stands upright (it may lie turned on the sheet)
        ktp, turn = by_words
        del details["upright"]
        details.update(ktp=ktp, upright_angle=(upright.rotation + upright.skew + turn
                                               + (ktp.upright_angle or 0.0)) % 360.0)
        return "ktp", round(min(0.98, 0.7 + 0.08 * ktp.front_words), 3), details
    if len(kt) >= 4 and not details["form_page"]:   # a form asks for what a KTP shows
        if unread_card is not None:   # the cards' reading, not made again by the reader
            details["ktp"] = unread_card
        return "ktp", round(min(0.9, 0.5 + 0.06 * len(kt)), 3), details
    if not quads and marks <= LITTLE_TEXT and unread_card is None and \
            (photo := photo_by_faces(rgb, dpi)) is not None:
        # no document's words, little text, faces of a pas foto's size: the faces tell
        # the way up better than the little text does (a printed card's face, on a card
        # too dark to read, is its own photo: the card waits for a person below)
        del details["upright"]
        details.update(faces=photo.faces, pas_foto=photo, upright_angle=photo.upright_angle)
        return "pas_foto", UNSURE_PHOTO, details
    if unread_card is not None and not details["form_page"]:
        # a printed card of a KTP's size and shape that nothing on it could be read from
        # (a copy far too dark): an identity card whose owner a person must confirm
        details["ktp"] = unread_card
        return "ktp", UNREAD_CARD, details
    return "other", 0.6, details


def _ktp_by_words(upright, reading: PageText, dpi: float):
    """(KTP reading, counter-clockwise quarter turn) of the card the page's text shows the
    labels of (:func:`ocr.ktp.wordcards.cards_by_words`; in the upright page, turned so
    when the card lies turned on it), None when no front is read there. The card is read
    at both of the wordcards CUTS, and only the values both readings take alike are
    taken: where the labels place the card is an estimate.

    A card lying turned on a document copied upright (a KTP copied across a family card)
    may be read by neither: the page's reading follows the document, and turned, the
    document's lines, then standing on end, can make Tesseract read the whole page
    turned. So the page turned each way is also read with standing lines not read as
    such (:func:`ocr.tesseract.ocr_data`)."""
    if reading.image is None or not reading.words:
        return None
    image = to_rgb(upright.image)
    scale = image.shape[1] / reading.image.shape[1]

    def tries():   # (turn, the page turned, words, its pixels per pixel of their boxes)
        yield 0, image, reading.words, scale
        # a card lying turned on the sheet: the page is read again turned as the card
        # stands, first the way the labels read standing on end say, if any do
        hint = standing_turn(reading.words)
        for turn in (hint, 360 - hint) if hint else (90, 270):
            small, turned = _turned(reading.image, turn), _turned(image, turn)
            again = page_text(small, dpi=dpi / scale)
            yield turn, turned, again.words, turned.shape[1] / again.image.shape[1]
            yield turn, turned, tesseract.ocr_data(small, psm=3, invert=False,
                                                   vertical=False), scale

    for turn, turned, words, factor in tries():
        cards = cards_by_words(turned, words, factor, dpi, margin=CUTS[0])
        if not cards:
            continue
        ktp = read_ktp(turned, dpi=dpi, cards=cards)
        if not ktp.found:
            continue
        if ktp.confident_values():
            ktp.keep_agreed(read_ktp(turned, dpi=dpi, cards=cards_by_words(
                turned, words, factor, dpi, margin=CUTS[1])))
        return ktp, turn
    return None


def _turned(image: np.ndarray, turn: int) -> np.ndarray:
    """``image`` turned ``turn`` (0, 90 or 270) degrees counter-clockwise."""
    codes = {90: cv2.ROTATE_90_COUNTERCLOCKWISE, 270: cv2.ROTATE_90_CLOCKWISE}
    return cv2.rotate(image, codes[turn]) if turn else image


def _card_box(card) -> tuple[float, float, float, float]:
    xs, ys = card.corners[:, 0], card.corners[:, 1]
    return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


def _area(box: tuple[float, ...]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """The area two boxes (x0, y0, x1, y1) share; 0 when they do not meet."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _same_box(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether two boxes (x0, y0, x1, y1) cover nearly the same part of the page."""
    shared = _overlap(a, b)
    return shared > 0 and shared >= SAME_BOX * (_area(a) + _area(b) - shared)


def _within(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether box ``a`` (x0, y0, x1, y1) lies nearly all inside box ``b``."""
    shared = _overlap(a, b)
    return shared > 0 and shared >= SAME_BOX * _area(a)


def ijazah_score(reading: PageText) -> int:
    """The words of a diploma on a page read as text, and one more for a large "IJAZAH"
    title however its face was read; none on a page carrying the office's own forms'
    words (a form asks for the ijazah's number, it is not one)."""
    if form_words(reading.text) >= 2:
        return 0
    return keyword_count(reading.text) + has_title(reading.words)


def _is_ijazah(ijazah_words: int, ktp_found: list[str]) -> bool:
    return ijazah_words >= 2 and ijazah_words >= len(ktp_found) - 2


def _names_a_document(reading: PageText) -> bool:
    """Whether a page's text shows it was read the right way up: an ijazah's or a KTP's
    words lying across the page (text read upside down yields none of them; a page lying
    sideways may, in words standing on end)."""
    if not reads_across(reading.words):
        return False
    kt = ktp_words(reading.text)
    return _is_ijazah(ijazah_score(reading), kt) or len(kt) >= 4


def _as_page(rgb: np.ndarray, dpi: float) -> Image.Image:
    page = Image.fromarray(rgb)
    page.info["dpi"] = (dpi, dpi)
    return page
