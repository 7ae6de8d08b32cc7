"""Turn a page image upright: quarter turns from its QR code, Tesseract OSD or its lines
read both ways, then deskew.

Decisions are made on a small grey copy (at most 150 dpi); the full image is
turned once. Angles are counter-clockwise degrees, as in ``PIL.Image.rotate``.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import cv2
import numpy as np
from PIL import Image

from ocr import tesseract
from ocr.imaging import pixels, runs, scale_array, to_gray
from ocr.pageid import parse_page_id
from ocr.qr import QrHit

log = logging.getLogger(__name__)
T = TypeVar("T")

_WORK_DPI = 150          # the small copy's resolution; below it 10-11 pt text misleads OSD
_OSD_MIN_CONF = 2.0      # below this, OSD's answer is a guess
_SIDEWAYS_MARGIN = 1.2   # lines standing on end this plainly: a page lying sideways
_NOT_ASKED = object()    # OSD not run yet
_MAX_SKEW = 6.0          # degrees searched by the projection profile
MAX_OBJECT_SKEW = 6.0    # a card or photo turned further than this is crooked, not the page
_MIN_SKEW = 0.15         # smaller skews are left alone (no resampling)
_MAX_BLOB_MM = 15.0      # ink blobs larger than this are no text
# Telling which way a sideways page is turned by reading a few of its lines both ways:
_PROBE_LINES = 2         # lines read at most: those with the most letter-sized marks
_LETTER_SHARE = 0.4      # a mark at least this share of its line's height: a letter's size
_LINE_INK = 0.01         # share of a row that is ink for the row to be part of a line
_MIN_LINE_PX = 4         # thinner runs of rows are rules or specks
_BODY_LINE = (0.8, 1.25)  # a body line's height, as a share of the typical line's
_LINE_PAD = 3            # pixels kept above and below a line
_WORD_MIN_CONF = 70.0    # words read at least this surely count
_PROBE_MIN_WEIGHT = 150.0  # summed word confidence the better way must reach
_PROBE_MARGIN = 2.0      # and this many times the other way's


@dataclass(frozen=True)
class Upright:
    """``image`` upright; ``rotation`` (0/90/180/270) and ``skew`` are the counter-clockwise
    degrees applied (rotation first); ``matrix`` maps input pixels to output pixels (2x3);
    ``hits`` are the QR hits given, moved into the upright image."""

    image: Image.Image
    rotation: int
    skew: float
    confidence: float
    method: str  # "qr", "osd", "lines" (text-line direction only), "card", "photo" or "none"
    matrix: np.ndarray = field(repr=False)
    hits: tuple[QrHit, ...] = ()

    def map_points(self, points) -> np.ndarray:
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        return pts @ self.matrix[:, :2].T + self.matrix[:, 2]


def make_upright(img: Image.Image, *, qr_hits: list[QrHit] | None = None,
                 deskew: bool = True) -> Upright:
    """``img`` turned upright and deskewed.

    With a formgen QR among ``qr_hits`` the symbol's orientation gives rotation and skew
    exactly. Otherwise Tesseract OSD decides the quarter turn (falling back to the
    direction of text lines when OSD cannot tell) and a projection profile the skew.
    """
    hits = list(qr_hits or ())
    own = [h for h in hits if parse_page_id(h.text) is not None]
    if own:
        return turn_page(img, own[0].orientation_deg, method="qr", confidence=1.0,
                         deskew=deskew, hits=hits)
    small, work_dpi = _small_grey(img)
    rotation, confidence, method = _quarter_turn(small, work_dpi, hits)
    skew = _projection_skew(np.rot90(small, rotation // 90), work_dpi) if deskew else 0.0
    return _turned(img, rotation, skew, confidence, method, hits)


def upright_by_reading(img: Image.Image, read: Callable[[np.ndarray, float], T],
                       accept: Callable[[T], bool],
                       clean: Callable[[np.ndarray], np.ndarray] | None = None
                       ) -> tuple[Upright, T]:
    """``img`` turned upright, and ``read(grey, dpi)`` of its upright, deskewed small copy.

    Most pages arrive the right way up, and a reading that ``accept`` takes (the words of
    an ijazah, say) proves it: the page is read as it lies first, and only when that
    reading is refused does Tesseract OSD decide the quarter turn and the page is read
    again, turned. A page whose lines plainly stand on end is read turned first, the
    way a line or two of it read as words (:func:`_sideways_turn`). No reading and no
    OSD answer is made twice. ``clean``: what OSD and those lines are looked at on
    instead of the grey page (frames and backgrounds that mislead them painted over).
    When neither the lines nor OSD tell the way up, a line or two read turned may; a
    quarter turn whose reading is refused gives way to the opposite quarter turn when
    that one's reading is accepted; when nothing tells, the page is read upside down too.
    """
    small, work_dpi = _small_grey(img)
    view = clean(small) if clean else small
    osd: tuple[int, float] | None | object = _NOT_ASKED
    tried: dict[int, tuple[float, T]] = {}     # rotation -> (skew, reading) already made

    def turned(rotation: int) -> tuple[float, T]:
        if rotation not in tried:
            tried[rotation] = _turned_reading(small, work_dpi, rotation, read)
        return tried[rotation]

    sideways: tuple[int, ...] = ()    # quarter turns read only if the page as it lies is not
    if _lines_vertical(view, work_dpi, margin=_SIDEWAYS_MARGIN):
        # lines plainly standing on end (a landscape sheet on an upright glass): read
        # turned the way a few of its lines read as words (OSD when they do not tell),
        # else the other way, before reading it as it lies; when OSD says the page stands
        # upright (a table's column rules or a page copied beside it standing on end),
        # as it lies first, and turned only when that reading is refused
        turn = _sideways_turn(view)
        if turn is None:
            osd = _osd(view, work_dpi)
            upright = osd is not None and osd[0] in (0, 180) and osd[1] >= _OSD_MIN_CONF
            turn = osd[0] if osd is not None and osd[0] in (90, 270) else 90
            sideways = (turn, 360 - turn) if upright else ()
        for rotation in () if sideways else (turn, 360 - turn):
            skew, reading = turned(rotation)
            if accept(reading):
                return _turned(img, rotation, skew, 0.8, "text", []), reading
    skew = _projection_skew(small, work_dpi)
    first = read(_deskewed(small, skew), work_dpi)
    if accept(first):
        return _turned(img, 0, skew, 0.9, "text", []), first
    for rotation in sideways:
        turned_skew, reading = turned(rotation)
        if accept(reading):
            return _turned(img, rotation, turned_skew, 0.8, "text", []), reading
    rotation, confidence, method = _quarter_turn(view, work_dpi, [], osd=osd)
    if rotation == 0 and method == "none" and (turn := _sideways_turn(view)) is not None:
        # neither the lines nor OSD told, but a line or two read as words turned: the
        # page is read that way too (a fine-lined frame hides a landscape sheet's lines)
        rotation, confidence, method = turn, 0.6, "text"
    if rotation == 0 and method == "none":
        # nothing told the way up (a faint copy OSD finds too few letters on): the page
        # is read the other way up too, and kept so when that reading is accepted
        other_skew, other_reading = turned(180)
        if accept(other_reading):
            return _turned(img, 180, other_skew, 0.7, "text", []), other_reading
    if rotation == 0:
        return _turned(img, 0, skew, confidence, method, []), first
    skew, reading = turned(rotation)
    if not accept(reading) and rotation in (90, 270):
        # OSD may take a page on end for its mirror turn (a landscape diploma in a frame
        # of fine lines, scanned on an upright glass): the other quarter turn is read too
        # and kept when its reading is accepted
        other_skew, other_reading = turned(360 - rotation)
        if accept(other_reading):
            return _turned(img, 360 - rotation, other_skew, 0.8, "text", []), other_reading
    return _turned(img, rotation, skew, confidence, method, []), reading


def _sideways_turn(grey: np.ndarray) -> int | None:
    """90 or 270 for a page whose text lines stand on end: the quarter turn under which
    its lines of body height with the most letter-sized marks read as words, where the
    other shows them upside down (the second line is read only when the first does not
    tell); None when they do not tell. A line or two read both ways cost less than
    Tesseract's orientation detection over the whole page."""
    turned = np.ascontiguousarray(np.rot90(grey, 1))
    _, ink = cv2.threshold(turned, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    profile = ink.sum(axis=1, dtype=np.int64)
    lines = [(a, b) for a, b in runs(profile > max(2, _LINE_INK * turned.shape[1]))
             if b - a >= _MIN_LINE_PX]
    if len(lines) < 2:
        return None
    typical = float(np.median([b - a for a, b in lines]))
    body = [(a, b) for a, b in lines if _BODY_LINE[0] <= (b - a) / typical <= _BODY_LINE[1]]
    chosen = sorted(body, key=lambda ab: -_letter_marks(ink[ab[0]:ab[1]]))[:_PROBE_LINES]
    weight = {90: 0.0, 270: 0.0}
    for a, b in chosen:
        line = turned[max(0, a - _LINE_PAD):b + _LINE_PAD]
        weight[90] += _word_weight(tesseract.ocr_data(line, psm=7))
        weight[270] += _word_weight(tesseract.ocr_data(np.ascontiguousarray(line[::-1, ::-1]),
                                                       psm=7))
        best = max(weight, key=weight.get)
        if weight[best] >= _PROBE_MIN_WEIGHT and weight[best] >= _PROBE_MARGIN * weight[360 - best]:
            return best
    return None


def _letter_marks(strip: np.ndarray) -> int:
    """How many marks of a letter's size stand in ``strip`` (a line's rows of ink): a
    line of words has many, a signature's stroke, a seal or an ornament few."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(strip.astype(np.uint8),
                                                          connectivity=8)
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    return int((heights >= _LETTER_SHARE * strip.shape[0]).sum())


def _word_weight(words: list[dict]) -> float:
    """Summed confidence of the surely read words of three letters or more."""
    return sum(w["conf"] for w in words
               if w["conf"] >= _WORD_MIN_CONF and sum(c.isalpha() for c in w["text"]) >= 3)


def _turned_reading(small: np.ndarray, work_dpi: float, rotation: int,
                    read: Callable[[np.ndarray, float], T]) -> tuple[float, T]:
    """(skew, reading) of the small copy turned by ``rotation``."""
    turned = np.ascontiguousarray(np.rot90(small, rotation // 90))
    skew = _projection_skew(turned, work_dpi)
    return skew, read(_deskewed(turned, skew), work_dpi)


def _small_grey(img: Image.Image) -> tuple[np.ndarray, float]:
    """The grey copy decisions are made on, and its dpi (at most ``_WORK_DPI``)."""
    dpi = _dpi_of(img)
    work_dpi = min(dpi, _WORK_DPI)
    return scale_array(to_gray(img), work_dpi / dpi), work_dpi


def _deskewed(grey: np.ndarray, skew: float) -> np.ndarray:
    if abs(skew) < _MIN_SKEW:
        return grey
    return np.asarray(_rotate(Image.fromarray(grey), 0, skew)[0])


def turn_page(img: Image.Image, angle: float, *, method: str, confidence: float,
              deskew: bool = True, max_skew: float | None = None,
              hits: list[QrHit] | None = None) -> Upright:
    """``img`` turned counter-clockwise by ``angle`` degrees, which something printed on the
    page told (a QR symbol's edge, a card's, a photo's): the nearest quarter turn, and the
    rest as skew unless it exceeds ``max_skew`` (a card laid crooked on the glass: then the
    page is only quarter turned)."""
    rotation = int(round(angle / 90.0)) % 4 * 90
    skew = _wrap(angle - rotation) if deskew else 0.0
    if max_skew is not None and abs(skew) > max_skew:
        skew = 0.0
    return _turned(img, rotation, skew, confidence, method, list(hits or ()))


def _turned(img: Image.Image, rotation: int, skew: float, confidence: float, method: str,
            hits: list[QrHit]) -> Upright:
    if abs(skew) < _MIN_SKEW:
        skew = 0.0
    image, matrix = _rotate(img, rotation, skew)
    moved = tuple(h.mapped(matrix) for h in hits)
    return Upright(image, rotation, skew, confidence, method, matrix, moved)


def _dpi_of(img: Image.Image) -> float:
    try:
        dpi = float(img.info["dpi"][0])
    except (KeyError, TypeError, ValueError, IndexError):
        dpi = 0.0
    if dpi < 50:  # unknown: assume the long side is an A4/F4 page's
        dpi = max(img.size) / (330 / 25.4)
    return dpi


def _wrap(angle: float) -> float:
    """``angle`` in (-180, 180]."""
    angle = math.fmod(angle, 360.0)
    if angle <= -180:
        angle += 360
    elif angle > 180:
        angle -= 360
    return angle


def _quarter_turn(small: np.ndarray, dpi: float, hits: list[QrHit], *,
                  osd: tuple[int, float] | None | object = _NOT_ASKED
                  ) -> tuple[int, float, str]:
    """(rotation, confidence, method) for a page without a formgen QR (``osd``: Tesseract's
    answer for ``small`` when already asked)."""
    if osd is _NOT_ASKED:
        osd = _osd(small, dpi)
    if osd is not None and osd[1] >= _OSD_MIN_CONF:
        return osd[0], min(1.0, osd[1] / 10.0), "osd"
    if hits:  # a foreign code (an e-Meterai's, a card's) is printed upright on its document
        return int(round(hits[0].orientation_deg / 90.0)) % 4 * 90, 0.5, "qr"
    vertical = _lines_vertical(small, dpi)
    if osd is not None and vertical is not None and vertical == (osd[0] in (90, 270)):
        return osd[0], 0.3, "osd"  # a weak OSD answer that the text lines agree with
    if vertical is None:
        return 0, 0.0, "none"
    return (90, 0.2, "lines") if vertical else (0, 0.3, "lines")


def _osd(gray: np.ndarray, dpi: float) -> tuple[int, float] | None:
    """Tesseract's (counter-clockwise correction, confidence), or None when it cannot tell."""
    return tesseract.orientation(gray, dpi=dpi)


def _ink_points(gray: np.ndarray, dpi: float, limit: int = 40000) -> np.ndarray | None:
    """(x, y) of dark pixels in text-sized blobs, thinned to at most ``limit``.

    Blobs larger than ``_MAX_BLOB_MM`` (a scanner's dark border, a photo, a filled
    area) are left out: they would outweigh the text lines.
    """
    _, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    biggest = _MAX_BLOB_MM * dpi / 25.4
    keep = (stats[:, cv2.CC_STAT_WIDTH] <= biggest) & (stats[:, cv2.CC_STAT_HEIGHT] <= biggest)
    keep[0] = False
    ys, xs = np.nonzero(keep[labels])
    if len(xs) < 200:  # blank, or nothing like text
        return None
    if len(xs) > limit:
        pick = np.random.default_rng(0).choice(len(xs), limit, replace=False)
        xs, ys = xs[pick], ys[pick]
    return np.stack([xs, ys], axis=1).astype(np.float64)


def _profile_score(pts: np.ndarray, angle_deg: float) -> float:
    """Sharpness of the row profile after turning the ink ``angle_deg`` counter-clockwise."""
    a = math.radians(angle_deg)
    ys = pts[:, 1] * math.cos(a) - pts[:, 0] * math.sin(a)
    hist = np.bincount((ys - ys.min()).astype(np.int64))
    return float(np.square(hist.astype(np.float64)).sum())


def _projection_skew(gray: np.ndarray, dpi: float) -> float:
    """Counter-clockwise degrees that make text lines horizontal (0 when it cannot tell)."""
    pts = _ink_points(gray, dpi)
    if pts is None:
        return 0.0
    coarse = np.arange(-_MAX_SKEW, _MAX_SKEW + 1e-9, 0.5)
    scores = [_profile_score(pts, a) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.1)
    fine_scores = [_profile_score(pts, a) for a in fine]
    if max(fine_scores) <= min(scores) * 1.05:  # flat profile: no text lines
        return 0.0
    return float(fine[int(np.argmax(fine_scores))])


def _lines_vertical(gray: np.ndarray, dpi: float, *, margin: float = 1.15) -> bool | None:
    """Whether text lines run vertically (True), horizontally (False) or nobody can tell
    (neither profile ``margin`` times as sharp as the other)."""
    pts = _ink_points(gray, dpi)
    if pts is None:
        return None
    horizontal = _profile_score(pts, 0.0)
    vertical = _profile_score(pts[:, ::-1], 0.0)
    if max(horizontal, vertical) < margin * min(horizontal, vertical):
        return None
    return vertical > horizontal


# counter-clockwise quarter turns, as np.rot90 turns
_QUARTER_TURNS = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
                  270: Image.Transpose.ROTATE_270}

def _rotate(img: Image.Image, rotation: int, skew: float) -> tuple[Image.Image, np.ndarray]:
    """``img`` turned counter-clockwise by rotation + skew (canvas grown, white filled)."""
    w, h = img.size
    angle = rotation + skew
    a = math.radians(angle)
    cos, sin = math.cos(a), math.sin(a)
    if skew == 0.0:
        cos, sin = round(cos), round(sin)
    new_w = int(math.ceil(abs(w * cos) + abs(h * sin) - 1e-6))
    new_h = int(math.ceil(abs(w * sin) + abs(h * cos) - 1e-6))
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    ncx, ncy = (new_w - 1) / 2.0, (new_h - 1) / 2.0
    # Counter-clockwise on screen (y down): x' = cos*dx + sin*dy, y' = -sin*dx + cos*dy.
    matrix = np.array([[cos, sin, ncx - cos * cx - sin * cy],
                       [-sin, cos, ncy + sin * cx - cos * cy]], dtype=np.float64)
    if angle == 0:
        return img, matrix
    info = dict(img.info)
    if skew == 0.0:   # a quarter turn: Pillow's own transpose, several times numpy's copy
        result = img.transpose(_QUARTER_TURNS[rotation % 360])
        result.info.update(info)
        return result, matrix
    arr = pixels(img)
    fill = 255 if arr.ndim == 2 else (255, 255, 255)
    out = cv2.warpAffine(arr, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=fill)
    result = Image.fromarray(out, img.mode)
    result.info.update(info)
    out.flags.writeable = False
    result.__dict__["_formgen_pixels"] = {img.mode: out}  # see ocr.imaging.pixels
    return result, matrix
