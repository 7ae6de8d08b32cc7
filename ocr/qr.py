"""Read QR codes on a page and tell its formgen page identity (or that it cannot be read)."""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

from ocr.features import upright_angle
from ocr.imaging import ImageLike, downscale, to_gray
from ocr.pageid import PageId, parse_page_id

_QR = zxingcpp.BarcodeFormat.QRCode
# The second, cheaper pass works near this long side (about 150 dpi on A4/F4).
_SMALL_LONG_SIDE = 1800
# A suspected symbol must be at least this big (px on the small copy) and near square.
_MIN_SYMBOL_PX = 24
_MAX_SIDE_RATIO = 1.6


@dataclass(frozen=True)
class QrHit:
    """A decoded QR symbol. ``corners_px``: the symbol's own top-left, top-right,
    bottom-right, bottom-left in image pixels; ``orientation_deg``: the counter-clockwise
    rotation in [0, 360) that turns the symbol (and the page it is printed on) upright;
    ``modules``: the symbol's width in modules (0 when unknown)."""

    text: str
    corners_px: tuple[tuple[float, float], ...]
    orientation_deg: float
    modules: int = 0

    @property
    def centre(self) -> tuple[float, float]:
        pts = np.asarray(self.corners_px)
        return float(pts[:, 0].mean()), float(pts[:, 1].mean())

    @property
    def side_px(self) -> float:
        pts = np.asarray(self.corners_px)
        return float(np.mean(np.linalg.norm(pts - np.roll(pts, -1, axis=0), axis=1)))

    def mapped(self, matrix: np.ndarray) -> QrHit:
        """This hit with its corners moved by a 2x3 affine ``matrix`` (e.g. a page rotation)."""
        pts = np.asarray(self.corners_px, dtype=np.float64)
        moved = pts @ np.asarray(matrix)[:, :2].T + np.asarray(matrix)[:, 2]
        return QrHit(self.text, tuple((float(x), float(y)) for x, y in moved),
                     upright_angle(moved), self.modules)


@dataclass(frozen=True)
class Identity:
    """What a page's QR codes say: ``status`` is "ok", "none" or "unreadable"."""

    page_id: PageId | None
    status: str
    hit: QrHit | None = None


def _hits(results, factor: float) -> list[QrHit]:
    out = []
    for r in results:
        p = r.position
        pts = np.array([[p.top_left.x, p.top_left.y], [p.top_right.x, p.top_right.y],
                        [p.bottom_right.x, p.bottom_right.y], [p.bottom_left.x, p.bottom_left.y]],
                       dtype=np.float64) / factor
        out.append(QrHit(r.text, tuple((float(x), float(y)) for x, y in pts), upright_angle(pts),
                         _modules(r)))
    return out


def _modules(result) -> int:
    try:
        return 17 + 4 * int(result.extra["Version"])
    except (AttributeError, KeyError, TypeError, ValueError):
        return 0


def _small_binary(gray: np.ndarray) -> tuple[np.ndarray, float]:
    small, factor = downscale(gray, _SMALL_LONG_SIDE)
    binary = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY,
                                   31, 10)
    return binary, factor


def _read(gray: np.ndarray, *, errors: bool = False):
    return zxingcpp.read_barcodes(gray, formats=_QR, try_rotate=True, try_downscale=True,
                                  try_invert=False, return_errors=errors)


def _scan(gray: np.ndarray) -> tuple[list[QrHit], list[QrHit]]:
    """(decoded, located but undecoded) symbols: the full image first, then a downscaled,
    binarised copy when the full image decodes nothing."""
    found = _read(gray, errors=True)
    decoded = _hits([r for r in found if r.valid], 1.0)
    failed = _hits([r for r in found if not r.valid], 1.0)
    if decoded:
        return decoded, failed
    binary, factor = _small_binary(gray)
    found = _read(binary, errors=True)
    return (_hits([r for r in found if r.valid], factor),
            failed + _hits([r for r in found if not r.valid], factor))


def read_codes(img: ImageLike) -> list[QrHit]:
    """Decoded QR codes: the full image first, then a downscaled, binarised copy."""
    return _scan(to_gray(img))[0]


def identify(img: ImageLike, *, hits: list[QrHit] | None = None) -> Identity:
    """The page's formgen identity (``hits``: from :func:`read_codes`, when already read).

    "none": no QR-like thing, or only foreign codes (an e-Meterai's, a KTP's) that decode
    but are no page id. "unreadable": a QR symbol is visibly there but no page id decodes,
    or two different page ids are on one page; such a page needs a person.
    """
    gray = to_gray(img)
    failed = None
    if hits is None:
        hits, failed = _scan(gray)
    ids = [(pid, h) for h in hits if (pid := parse_page_id(h.text)) is not None]
    if ids:
        if len({pid for pid, _ in ids}) > 1:
            return Identity(None, "unreadable")
        return Identity(ids[0][0], "ok", ids[0][1])
    if qr_symbol_present(gray, decoded=hits, failed=failed):
        return Identity(None, "unreadable")
    return Identity(None, "none")


def find_page_id(img: ImageLike, *, hits: list[QrHit] | None = None) -> tuple[PageId | None, str]:
    """``(page_id, status)`` with status "ok", "none" or "unreadable" (see :func:`identify`)."""
    ident = identify(img, hits=hits)
    return ident.page_id, ident.status


def qr_symbol_present(img: ImageLike, *, decoded: list[QrHit] = (),
                      failed: list[QrHit] | None = None) -> bool:
    """Whether a QR symbol that is not among ``decoded`` is visibly on the page.

    Seen either by zxing (a symbol located whose decoding failed: ``failed``, when the
    caller already scanned for them) or by OpenCV's finder-pattern detector (a
    near-square quadrangle of plausible size).
    """
    gray = to_gray(img)
    if failed is None:
        failed = _scan(gray)[1]
    if any(not _overlaps(hit.corners_px, decoded) for hit in failed):
        return True
    small, factor = downscale(gray, _SMALL_LONG_SIDE)
    detector = cv2.QRCodeDetector()
    try:
        ok, quads = detector.detectMulti(small)
    except cv2.error:
        ok, quads = False, None
    if not ok or quads is None:
        return False
    for quad in np.asarray(quads, dtype=np.float64).reshape(-1, 4, 2):
        sides = np.linalg.norm(quad - np.roll(quad, -1, axis=0), axis=1)
        if sides.min() < _MIN_SYMBOL_PX or sides.max() / max(sides.min(), 1e-6) > _MAX_SIDE_RATIO:
            continue
        if not _overlaps(quad / factor, decoded):
            return True
    return False


def _overlaps(corners, hits) -> bool:
    """Whether the centre of ``corners`` lies inside the box of one of ``hits``."""
    cx, cy = np.asarray(corners, dtype=np.float64).mean(axis=0)
    for h in hits:
        pts = np.asarray(h.corners_px)
        xs, ys = pts[:, 0], pts[:, 1]
        if xs.min() <= cx <= xs.max() and ys.min() <= cy <= ys.max():
            return True
    return False
