"""Zonal OCR of one typed value in a registered text box, compared with the roster.

Values are typed into the form by the pack generator (Helvetica). A value is given
only when it is read with certainty: confidently, and for digits, dates, values on
several lines, a value with a word read softly and every value of a photographed page
alike by a second model (on a photo, each word of it surely); an
e-mail address by four readings that leave no doubt. A box with ink but no certain
reading is reported as ``handwritten`` with no value (never a guess); a box without
ink as ``empty``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import cv2
import numpy as np

from ocr import tesseract
from ocr.findings import Finding
from ocr.imaging import runs
from ocr.marks import as_grey, drop_border_lines, ink_mask, remove_speckle

WHITELISTS = {
    # The space must be listed: a gap Tesseract takes for one would otherwise be glued
    # over, letters read right but with no confidence. Digits and dates drop it after.
    "digits": "0123456789 ",
    "date": "0123456789-/. ",
    "alpha": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,'-",
    # Read without a whitelist first; the e-mail reading adds whitelisted ones (below).
    "email": None,
    "any": None,
}
# Models tried in turn until one reads confidently: on digit strings ``ind`` and ``eng``
# fail on different values (7/1, 0/6, a dropped digit), and say so by a low confidence.
LANGUAGES = {"digits": ("ind", "eng"), "date": ("eng", "ind")}
# Values where one misread character changes the meaning (a NIK, a year): the other model
# must read the same. So must a value read as several lines, where one model now and then
# reads a small word confidently wrong.
CONFIRMED = ("digits", "date")
FIRM_WORD = 0.85            # a scan's one-model reading with a word below it is confirmed
THIRD_SCALE = 1.35           # the text enlarged for a third reading when two models disagree
STRICT_CONFIDENCE = 0.75     # a photographed page's value: the mean confidence it needs
# ... and its weakest word: soft print gives a confident line with one word misread at
# 0.6 ('CV Pangkalan Bun Teknit' for Teknik, both models alike); right values on photos
# had a word below 0.72 in no model's reading that was taken
STRICT_WORD_CONFIDENCE = 0.70
SHARPEN_SIGMA_PX = 1.0       # unsharp mask of a photographed page's boxes (crops at ~200 dpi)
SHARPEN_AMOUNT = 1.0
MIN_CONFIDENCE = 0.70        # mean word confidence (0..1) of a typed reading
MIN_WORD_CONFIDENCE = 0.40   # no single word below this
EMPTY_INK = 0.002            # ink fraction below which a box is empty
TARGET_TEXT_PX = 36          # text line height Tesseract reads best
INSET_PX = 3                 # border line plus a shifted crop
FORMATS = {
    "digits": re.compile(r"\d+"),
    "date": re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"),
    "email": re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"),
}
# An e-mail address is read four ways (two models, each with and without a whitelist of
# the characters addresses are typed with): Tesseract is unsure of any long token outside
# its dictionaries, and one model alone misreads now and then (``ijai59`` as ``ijais59``).
EMAIL_WHITELIST = "abcdefghijklmnopqrstuvwxyz0123456789.@_-"
EMAIL_READINGS = (("eng", None), ("ind", None), ("eng", EMAIL_WHITELIST),
                  ("ind", EMAIL_WHITELIST))
EMAIL_MIN_VOTES = 3              # readings agreeing, when some reading says otherwise
# Tesseract confusions that no typed Indonesian value contains: the street abbreviation
# "Jl." read as "Ji.", "JI." or "J1."; a diploma number's series "Dl" (DN-12 Dl 4163691:
# a small L, as the series Dd, Ma and Mk are a capital and a small letter) read "DI" or
# "Di" (no series is Di); a state primary school's "SDN 3" read "SON 3", its D as an O
# (no school is a SON, and project names often name one).
TEXT_FIXES = ((re.compile(r"\bJ[iI1|]\.(?=\s)"), "Jl."),
              (re.compile(r"\b(DN-\d{2} D)[iI1|](?= \d)"), r"\1l"),
              (re.compile(r"\bS[O0]N(?= \d)"), "SDN"))
LEFT_OUT_SHARE = 0.3             # ink this share of the line's height wide is a letter
LINE_SHARE = 0.4                 # an ink band this share of the tallest one is a text line
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
            return "{:02d}{:02d}{:04d}".format(*parts)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _capital_i(text: str) -> str:
    """``text`` with a word's first letter read as a small l made a capital I where the
    other words start with capitals ('ljai Arsyad': Ijai); a value typed in small
    letters keeps its l."""
    words = text.split()
    if not any(w[0].isupper() for w in words) or any(
            w[0].islower() and not re.match(r"l[a-z]", w) for w in words):
        return text
    return re.sub(r"\bl(?=[a-z])", "I", text)


def _alike(a: str, b: str, charset: str) -> bool:
    """Whether two readings give the same value: alike as normalised, or, in words, but
    for a word's capital I one model read as a small l (the form's sans type draws the
    two alike: 'ljai Arsyad' beside 'Ijai Arsyad')."""
    if normalise(a, charset) == normalise(b, charset):
        return True
    return charset in ("any", "alpha") and \
        normalise(_capital_i(a), charset) == normalise(_capital_i(b), charset)


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


def stretched(image: np.ndarray) -> np.ndarray:
    """``image`` with its darkest ink made black and white everything lighter than halfway
    between the ink/paper threshold and the paper: soft print made crisp, its grey fringe
    paper."""
    threshold, _ = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    paper = image[image > threshold]
    if paper.size == 0:
        return image
    black, white = float(image.min()), (threshold + float(np.median(paper))) / 2
    if white - black < 1:
        return image
    out = (image.astype(np.float32) - black) * (255 / (white - black))
    return np.clip(out, 0, 255).astype(np.uint8)


def _ocr(image: np.ndarray, psm: int, charset: str, lang: str) -> tuple[str, float, float]:
    """(text, length-weighted mean confidence, weakest word confidence), confidences 0..1."""
    words = tesseract.ocr_data(image, psm=psm, whitelist=WHITELISTS[charset], lang=lang)
    if not words:  # soft print on grey paper: some Tesseract builds give no word at all
        words = tesseract.ocr_data(stretched(image), psm=psm, whitelist=WHITELISTS[charset],
                                   lang=lang)
    text = tesseract.join_lines(words) if psm == 6 else " ".join(w["text"] for w in words)
    if not words:
        return "", 0.0, 0.0
    if _ink_left_out(image, words):
        return text, 0.0, 0.0
    return (text, *_confidences(words))


def _ink_left_out(image: np.ndarray, words: list[dict]) -> bool:
    """Whether a stretch of the line's ink as wide as a letter lies outside every word read:
    Tesseract now and then drops a word's first or last letters and is sure of the rest
    ('pang' for Lapangan). Only the line's own band of rows counts (not the tail of a g
    from the line above)."""
    mask = remove_speckle(ink_mask(image), 4)
    bands = runs(mask.any(axis=1))
    if not bands:
        return False
    top, bottom = max(bands, key=lambda band: band[1] - band[0])
    covered = np.zeros(mask.shape[1], bool)
    pad = max(2, image.shape[0] // 20)
    for w in words:
        covered[max(w["left"] - pad, 0):w["left"] + w["width"] + pad] = True
    letter = (bottom - top) * LEFT_OUT_SHARE
    return any(b - a >= letter for a, b in runs(mask[top:bottom].any(axis=0) & ~covered))


def _confidences(words: list[dict]) -> tuple[float, float]:
    """(length-weighted mean, weakest word) confidences 0..1 of a reading's words."""
    if not words:
        return 0.0, 0.0
    # Weighted by length: Tesseract gives a forced single letter ("I") a confidence of 0.
    lengths = [len(w["text"]) for w in words]
    confidence = float(np.average([w["conf"] for w in words], weights=lengths)) / 100
    # a one-character value (jenjang "4") has no longer word: its own confidence counts
    weakest = min((w["conf"] for w in words if len(w["text"]) > 1),
                  default=confidence * 100) / 100
    return confidence, weakest


def sharpened(grey: np.ndarray) -> np.ndarray:
    """``grey`` with its edges steepened (unsharp masking): a photo's soft print, on which
    Tesseract reads an f as a t, made more like a scan's."""
    soft = cv2.GaussianBlur(grey.astype(np.float32), (0, 0), SHARPEN_SIGMA_PX)
    return np.clip(grey + SHARPEN_AMOUNT * (grey - soft), 0, 255).astype(np.uint8)


def _closed_up(text: str, charset: str) -> str:
    """``text`` without the gaps Tesseract reads into values that have none."""
    if charset in SPACES_IGNORED:
        return text.replace(" ", "")
    gaps = SYMBOL_GAPS.get(charset)
    text = gaps.sub(r"\1", text) if gaps else text
    if charset == "email":  # no address has a dot beside its @ or two dots in a row
        text = re.sub(r"\.{2,}", ".", text.replace("@.", "@").replace(".@", "@")).strip(".")
    elif charset in ("any", "alpha"):
        for pattern, fixed in TEXT_FIXES:
            text = pattern.sub(fixed, text)
    return text


def _third_opinion(image: np.ndarray, charset: str, languages: tuple[str, ...],
                   readings: list[tuple[str, float, bool]]) -> tuple[str, float, bool] | None:
    """When two models disagree: the confident reading that every model of ``languages``,
    given the text a third larger, reads again; None (a person looks) otherwise."""
    bigger = cv2.resize(image, None, fx=THIRD_SCALE, fy=THIRD_SCALE,
                        interpolation=cv2.INTER_CUBIC)
    again = {normalise(_closed_up(_read_as_lines(bigger, charset, lang)[0], charset), charset)
             for lang in languages}
    if len(again) != 1:
        return None
    text = again.pop()
    return next((r for r in readings if r[2] and normalise(r[0], charset) == text), None)


def _is_sure(text: str, confidence: float, weakest: float, charset: str,
             strict: bool) -> bool:
    """Whether one model's reading is certain enough to give: well formed, and its mean
    and weakest word confident (more so on a photo)."""
    pattern = FORMATS.get(charset)
    fits = bool(text) and (pattern is None or bool(pattern.fullmatch(text)))
    return fits and confidence >= (STRICT_CONFIDENCE if strict else MIN_CONFIDENCE) \
        and weakest >= (STRICT_WORD_CONFIDENCE if strict else MIN_WORD_CONFIDENCE)


def _read_email(image: np.ndarray, psm: int) -> tuple[str, float] | None:
    """(address, confidence) when the readings leave no doubt, else None.

    The address must be the only well-formed text any reading gives, read by at least
    two of them or confidently by one model; or, when a reading disagrees, read alike
    by at least ``EMAIL_MIN_VOTES`` of them. ``ind`` has no underscore: its reading of
    an address with one, the underscores left out, agrees with it.
    """
    pattern = FORMATS["email"]
    votes: dict[str, list[float]] = {}
    confident: set[str] = set()
    blind: list[tuple[str, float, bool]] = []
    for lang, whitelist in EMAIL_READINGS:
        words = tesseract.ocr_data(image, psm=psm, whitelist=whitelist, lang=lang)
        text = _closed_up(" ".join(w["text"] for w in words), "email")
        if not pattern.fullmatch(text):
            continue
        confidence, weakest = _confidences(words)
        sure = whitelist is None and confidence >= MIN_CONFIDENCE and \
            weakest >= MIN_WORD_CONFIDENCE
        if lang == "ind":
            blind.append((text, confidence, sure))
            continue
        votes.setdefault(text, []).append(confidence)
        if sure:
            confident.add(text)
    for text, confidence, sure in blind:
        seen = [other for other in votes if "_" in other and other.replace("_", "") == text]
        votes.setdefault(seen[0] if len(seen) == 1 else text, []).append(confidence)
        if sure and not seen:
            confident.add(text)
    if not votes:
        return None
    text, seen = max(votes.items(), key=lambda item: len(item[1]))
    alone = len(votes) == 1 and (len(seen) >= 2 or text in confident)
    if alone or len(seen) >= EMAIL_MIN_VOTES:
        return text, max(MIN_CONFIDENCE, max(seen))
    return None


def _text_lines(image: np.ndarray) -> list[tuple[int, int]]:
    """(top, bottom) rows of each text line in a prepared crop: bands of inked rows at least
    ``LINE_SHARE`` as tall as the tallest (an i's dot above a line is no line of its own)."""
    lines = runs(ink_mask(image).any(axis=1))
    if not lines:
        return []
    tallest = max(b - a for a, b in lines)
    return [(a, b) for a, b in lines if b - a >= LINE_SHARE * tallest]


def _read_as_lines(image: np.ndarray, charset: str, lang: str,
                   bands: list[tuple[int, int]] | None = None) -> tuple[str, float, float]:
    """:func:`_ocr` of a one-line value, :func:`_ocr_lines` of a value on several lines."""
    bands = _text_lines(image) if bands is None else bands
    if len(bands) > 1:
        return _ocr_lines(image, bands, charset, lang)
    return _ocr(image, 7, charset, lang)


def _ocr_lines(image: np.ndarray, bands: list[tuple[int, int]], charset: str,
               lang: str) -> tuple[str, float, float]:
    """Each text line cut out and read on its own (Tesseract's own layout analysis loses
    or merges closely set lines), joined by newlines; confidences as :func:`_ocr`."""
    cuts = [0] + [(bands[i][1] + bands[i + 1][0]) // 2 for i in range(len(bands) - 1)] \
        + [image.shape[0]]
    texts, weights, confidences, weakest = [], [], [], 1.0
    for top, bottom in zip(cuts[:-1], cuts[1:], strict=True):
        line = cv2.copyMakeBorder(image[top:bottom], 12, 12, 0, 0, cv2.BORDER_CONSTANT,
                                  value=255)
        text, confidence, weak = _ocr(line, 7, charset, lang)
        if not text:
            return "", 0.0, 0.0
        texts.append(text)
        weights.append(len(text))
        confidences.append(confidence)
        weakest = min(weakest, weak)
    return "\n".join(texts), float(np.average(confidences, weights=weights)), weakest


def read_field(crop, *, charset: str = "any", expected: str | None = None,
               strict: bool = False) -> FieldReading:
    """Read a typed value; compare with ``expected`` (normalised) when given.

    ``strict``: a photographed page, whose softer print now and then gives one model a
    confident misreading: the crop is sharpened and, whatever the charset, a second model
    must read the same. Its contrast is stretched first (soft grey print read as it is
    gave both models the same wrong letter now and then: Teknit, Pengawas pang); the
    crop as it is is read only when the stretched one gives no value."""
    if charset not in WHITELISTS:
        raise ValueError(f"unknown charset {charset!r}")
    grey = as_grey(crop)
    image, _ratio = prepare(sharpened(grey) if strict else grey)
    if image is None:
        return FieldReading(None, 0.95, "empty", expected, None if expected is None else False)
    chosen, confidence = _read_value(stretched(image) if strict else image, charset, strict)
    if chosen is None and strict:
        chosen, other = _read_value(image, charset, strict)
        confidence = max(confidence, other)
    if chosen is None:
        return FieldReading(None, round(confidence, 3), "handwritten", expected, None)
    text, confidence = chosen
    ok = None if expected is None else normalise(text, charset) == normalise(expected, charset)
    return FieldReading(text, round(confidence, 3), None, expected, ok)


def _read_value(image: np.ndarray, charset: str,
                strict: bool) -> tuple[tuple[str, float] | None, float]:
    """((value, confidence) or None when no reading is certain, the best confidence seen)
    of a prepared crop."""
    # a value wrapped onto a second line inside a one-line box is read as lines
    bands = _text_lines(image)
    if charset == "email":
        email = _read_email(image, 6 if len(bands) > 1 else 7)
        return email, 0.0 if email is None else email[1]
    confirm = strict or charset in CONFIRMED or len(bands) > 1
    languages = LANGUAGES.get(charset, ("ind", "eng"))
    readings, soft = [], False
    for lang in languages:
        text, confidence, weakest = _read_as_lines(image, charset, lang, bands)
        text = _closed_up(text, charset)
        sure = _is_sure(text, confidence, weakest, charset, strict)
        readings.append((text, confidence, sure))
        if sure and not confirm:
            if weakest >= FIRM_WORD:
                break
            # a soft word ('SIVK' for SMK at 0.75): the other model must read the same
            confirm = soft = True
    best = max(r[1] for r in readings)
    chosen = next((r for r in readings if r[2]), None)
    if chosen is not None and confirm and any(
            not _alike(other, chosen[0], charset) for other, *_ in readings):
        # on a photo every model must read it again, enlarged: the model that misread soft
        # print reads it the same way again, the other need not
        chosen = _third_opinion(image, charset,
                                languages if strict or soft else languages[:1], readings)
    elif chosen is not None and any(normalise(other, charset) != normalise(chosen[0], charset)
                                    for other, *_ in readings):
        chosen = (_capital_i(chosen[0]), *chosen[1:])
    if chosen is None:
        return None, best
    return (chosen[0], chosen[1]), best
