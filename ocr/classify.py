"""What kind of attachment a page is: ktp, ijazah, pas_foto, blank or other.

Cheap evidence first: a near-empty page is blank without any OCR; a card-sized
rectangle is confirmed as a KTP by a few words of its header; a photo-sized
region with one face on a page with little text is a pas foto. Only then is the
page read (downscaled to about 150 dpi) for the words of an ijazah or a KTP.
"""
from __future__ import annotations

import cv2
import numpy as np

from ocr import tesseract
from ocr.features import MM_PER_INCH, content_mask, downscale, estimate_dpi, to_rgb
from ocr.ijazah import keyword_count, page_text
from ocr.ktp import PX_PER_MM, find_cards, print_share
from ocr.pasfoto import check_pas_foto, is_whole_photo

BLANK_MAX_INK = 0.0015        # share of the page (at ~75 dpi) that is not paper
LITTLE_TEXT = 80              # letter-sized marks on a photo page (a name written under it)
KTP_WORDS = ("PROVINSI", "KABUPATEN", "KOTA", "NIK", "NAMA", "LAHIR", "KELAMIN", "ALAMAT",
             "AGAMA", "BERLAKU", "KEWARGANEGARAAN", "PEKERJAAN", "PERKAWINAN")
DOCS = ("ktp", "ijazah", "pas_foto", "blank", "other")


def ink_share(rgb: np.ndarray) -> float:
    """Share of the page that is not paper, at ~75 dpi (speckle and streaks average away)."""
    small, _ = downscale(rgb, 900)
    mask = content_mask(small, delta=40).astype(np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return float(mask.mean())


def text_marks(rgb: np.ndarray, dpi: float, exclude: list | None = None) -> int:
    """Letter-sized dark marks on the page (0.8-8 mm), outside the ``exclude`` boxes."""
    small, f = downscale(rgb, 1400)
    grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    paper = float(np.percentile(grey, 95))
    mask = (grey < paper - 70).astype(np.uint8)
    for x0, y0, x1, y1 in exclude or []:
        mask[int(y0 * f):int(y1 * f), int(x0 * f):int(x1 * f)] = 0
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, 8)
    px_mm = dpi / MM_PER_INCH * f
    h = stats[1:, cv2.CC_STAT_HEIGHT] / px_mm
    w = stats[1:, cv2.CC_STAT_WIDTH] / px_mm
    return int(((h >= 0.8) & (h <= 8) & (w <= 10)).sum())


def ktp_words(text: str) -> list[str]:
    upper = text.upper()
    return [w for w in KTP_WORDS if w in upper]


def _card_header(card: np.ndarray) -> str:
    """Text of the card's header and NIK line (the top 30 %), read quickly."""
    grey = cv2.cvtColor(card, cv2.COLOR_RGB2GRAY)
    top = grey[:int(grey.shape[0] * 0.45), :int(60 * PX_PER_MM)]
    return tesseract.ocr_text(top, psm=6)[0]


def _photo_confidence(faces: int) -> float:
    """A photo with one face is surely a pas foto; without one (or with two) it is a bad one."""
    return 0.9 if faces == 1 else 0.6


def classify_attachment(img, *, dpi: float | None = None) -> tuple[str, float, dict]:
    """(doc, confidence, details) for an upright attachment page (PIL image or array).

    ``details`` holds the evidence: ink share, cards, photos, faces, text marks,
    keywords, the photo check (``pas_foto``, a :class:`PasFotoReading`) and the page
    text when OCR was needed (``text``, reusable by :func:`ocr.ijazah.read_ijazah`).
    """
    rgb = to_rgb(img)
    details: dict = {"ocr": False}
    ink = ink_share(rgb)
    details["ink"] = round(ink, 5)
    if ink < BLANK_MAX_INK:
        return "blank", round(min(0.99, 1.0 - ink / BLANK_MAX_INK * 0.5), 3), details

    if is_whole_photo(rgb):
        photo = check_pas_foto(rgb)
        details.update(faces=photo.faces, photos=1, pas_foto=photo)
        return "pas_foto", _photo_confidence(photo.faces), details

    dpi = dpi or estimate_dpi(rgb.shape)
    cards = [c for c in find_cards(rgb, dpi=dpi) if print_share(c) >= 0.03]
    details["cards"] = len(cards)
    for card in cards:
        for candidate in (card, cv2.rotate(card, cv2.ROTATE_180)):
            words = ktp_words(_card_header(candidate))
            if len(words) >= 2:
                details["keywords"] = words
                details["ocr"] = True
                return "ktp", round(min(0.98, 0.7 + 0.08 * len(words)), 3), details

    photo = check_pas_foto(rgb, dpi=dpi)
    details.update(photos=photo.copies, faces=photo.faces, pas_foto=photo)
    if photo.found:
        marks = text_marks(rgb, dpi, exclude=photo.boxes)
        details["text_marks"] = marks
        if marks <= LITTLE_TEXT:
            return "pas_foto", _photo_confidence(photo.faces), details

    text, conf = page_text(rgb, dpi=dpi)
    details.update(ocr=True, text=text, ocr_confidence=round(conf, 3))
    ij = keyword_count(text)
    kt = ktp_words(text)
    details["keywords"] = {"ijazah": ij, "ktp": kt}
    if ij >= 2 and ij >= len(kt) - 2:
        return "ijazah", round(min(0.97, 0.6 + 0.08 * ij), 3), details
    if len(kt) >= 4:
        return "ktp", round(min(0.9, 0.5 + 0.06 * len(kt)), 3), details
    return "other", 0.6, details

