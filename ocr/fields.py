"""Zonal OCR of one typed value in a registered text box, compared with the roster.

Values are typed into the form by the pack generator (Helvetica), so a clean
reading is expected. A box with ink but no confident reading is reported as
``handwritten`` with no value (never a guess); a box without ink as ``empty``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import cv2
import numpy as np

from ocr import tesseract
from ocr.findings import Finding
from ocr.marks import as_grey, drop_border_lines, ink_mask, remove_speckle

WHITELISTS = {
    # The space must be listed: a gap Tesseract takes for one would otherwise be glued
    # over, letters read right but with no confidence. Digits and dates drop it after.
    "digits": "0123456789 ",
    "date": "0123456789-/. ",
    "alpha": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,'-",
    # ``ind`` has no underscore to allow: a whitelist would only take letters from it.
    "email": None,
    "any": None,
}
# Models tried in turn until one reads confidently: on digit strings ``ind`` and ``eng``
# fail on different values (7/1, 0/6, a dropped digit), and say so by a low confidence;
# ``eng`` reads the underscores and dots of an address that ``ind`` turns into spaces.
LANGUAGES = {"digits": ("ind", "eng"), "date": ("eng", "ind"), "email": ("eng", "ind")}
MIN_CONFIDENCE = 0.70        # mean word confidence (0..1) of a typed reading
MIN_WORD_CONFIDENCE = 0.40   # no single word below this
EMPTY_INK = 0.002            # ink fraction below which a box is empty
TARGET_TEXT_PX = 36          # text line height Tesseract reads best
INSET_PX = 3                 # border line plus a shifted crop
FORMATS = {
    "digits": re.compile(r"\d+"),
    "date": re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"),
    "email": re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}"),
}
MIN_AGREED_CONFIDENCE = 0.50     # each model's, when every model read the same text
AGREEMENT_COUNTS = ("email",)    # charsets whose low-confidence readings may vouch for each other
SPACES_IGNORED = ("digits", "date")   # typed values with no space: a read space is a gap
# Tesseract sets the @ and dots of an address apart; a space elsewhere (an underscore read
# as a gap) is left, and the reading then fails the address format.
SYMBOL_GAPS = {"email": re.compile(r"\s*([@.])\s*")}


@dataclass(frozen=True)
class FieldReading:
    text: str | None
    confidence: float
    note: str | None = None          # "empty" | "handwritten" | None
    expected: str | None = None
    ok: bool | None = None

    def finding(self, name: str) -> Finding:
        return Finding(kind="field", name=name, value=self.text, confidence=self.confidence,
                       expected=self.expected, ok=self.ok, note=self.note)


def normalise(text: str, charset: str = "any") -> str:
    """Comparison form: case, accents, spaces and punctuation removed (dates as d-m-y numbers)."""
    if charset == "date":
        parts = _date_parts(text)
        if parts:
            return "%02d%02d%04d" % parts
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _date_parts(text: str) -> tuple[int, int, int] | None:
    nums = re.findall(r"\d+", text)
    if len(nums) != 3:
        return None
    a, b, c = (int(n) for n in nums)
    if len(nums[0]) == 4:
        a, c = c, a  # ISO: year first
    return a, b, c


def _ink_bounds(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    ys, xs = np.nonzero(mask)
    if ys.size == 0:
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def _line_height(mask: np.ndarray) -> int:
    """Height of the tallest run of inked rows (one text line)."""
    rows = mask.any(axis=1)
    best = run = 0
    for r in rows:
        run = run + 1 if r else 0
        best = max(best, run)
    return best


def prepare(grey: np.ndarray) -> tuple[np.ndarray | None, float]:
    """Crop to the ink, scale text to a readable height, pad with paper; (image, ink ratio)."""
    h, w = grey.shape
    inner = grey[INSET_PX:h - INSET_PX, INSET_PX:w - INSET_PX] if min(h, w) > 4 * INSET_PX else grey
    mask = remove_speckle(drop_border_lines(ink_mask(inner)), 4)
    ratio = float(mask.mean()) if mask.size else 0.0
    bounds = _ink_bounds(mask)
    if bounds is None or ratio < EMPTY_INK:
        return None, ratio
    x0, y0, x1, y1 = bounds
    pad = 4
    x0, y0 = max(x0 - pad, 0), max(y0 - pad, 0)
    x1, y1 = min(x1 + pad, inner.shape[1]), min(y1 + pad, inner.shape[0])
    text = inner[y0:y1, x0:x1].copy()
    text[~mask[y0:y1, x0:x1] & (text > 200)] = 255  # flatten paper noise
    scale = TARGET_TEXT_PX / max(_line_height(mask[y0:y1, x0:x1]), 1)
    scale = float(np.clip(scale, 1.0, 6.0))
    if scale > 1.05:
        text = cv2.resize(text, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return cv2.copyMakeBorder(text, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255), ratio


def _ocr(image: np.ndarray, psm: int, charset: str, lang: str) -> tuple[str, float, float]:
    """(text, length-weighted mean confidence, weakest word confidence), confidences 0..1."""
    words = tesseract.ocr_data(image, psm=psm, whitelist=WHITELISTS[charset], lang=lang)
    text = tesseract.join_lines(words) if psm == 6 else " ".join(w["text"] for w in words)
    if not words:
        return "", 0.0, 0.0
    # Weighted by length: Tesseract gives a forced single letter ("I") a confidence of 0.
    lengths = [len(w["text"]) for w in words]
    confidence = float(np.average([w["conf"] for w in words], weights=lengths)) / 100
    # a one-character value (jenjang "4") has no longer word: its own confidence counts
    weakest = min((w["conf"] for w in words if len(w["text"]) > 1),
                  default=confidence * 100) / 100
    return text, confidence, weakest


def _agreed(readings: list[tuple[str, float, float, bool]]) -> tuple[str, float] | None:
    """The one well-formed text every model read, each with at least some confidence.

    Tesseract is unsure of any long token outside its dictionaries (an e-mail address),
    even printed clean; two models reading it letter for letter alike vouch for it.
    """
    texts = {text for text, *_ in readings}
    if len(readings) < 2 or len(texts) != 1:
        return None
    if not all(fits and conf >= MIN_AGREED_CONFIDENCE for _, conf, _, fits in readings):
        return None
    return texts.pop(), max(MIN_CONFIDENCE, max(conf for _, conf, _, _ in readings))


def _closed_up(text: str, charset: str) -> str:
    """``text`` without the gaps Tesseract reads into values that have none."""
    if charset in SPACES_IGNORED:
        return text.replace(" ", "")
    gaps = SYMBOL_GAPS.get(charset)
    return gaps.sub(r"\1", text) if gaps else text


def read_field(crop, *, charset: str = "any", expected: str | None = None,
               multiline: bool = False) -> FieldReading:
    """Read a typed value; compare with ``expected`` (normalised) when given."""
    if charset not in WHITELISTS:
        raise ValueError(f"unknown charset {charset!r}")
    image, _ratio = prepare(as_grey(crop))
    if image is None:
        return FieldReading(None, 0.95, "empty", expected, None if expected is None else False)
    psm = 6 if multiline else 7
    pattern = FORMATS.get(charset)
    readings = []
    for lang in LANGUAGES.get(charset, ("ind",)):
        text, confidence, weakest = _ocr(image, psm, charset, lang)
        text = _closed_up(text, charset)
        fits = bool(text) and (pattern is None or bool(pattern.fullmatch(text)))
        readings.append((text, confidence, weakest, fits))
        if fits and confidence >= MIN_CONFIDENCE and weakest >= MIN_WORD_CONFIDENCE:
            break
    else:
        agreed = _agreed(readings) if charset in AGREEMENT_COUNTS else None
        if agreed is None:
            return FieldReading(None, round(confidence, 3), "handwritten", expected, None)
        text, confidence = agreed
    ok = None if expected is None else normalise(text, charset) == normalise(expected, charset)
    return FieldReading(text, round(confidence, 3), None, expected, ok)
