"""Align an upright page image to its template: corner marks give a homography mm -> pixels.

The four filled square marks of the geometry are searched in windows around where a
coarse estimate (from the page's QR code, else from the page size) puts them. Each
mark gives its four corners, so the 16-point fit has a meaningful residual. Without
marks the QR code alone gives a similarity transform of lower confidence.
"""
from __future__ import annotations

import itertools
import logging
import math
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

from ocr.errors import RegistrationError
from ocr.geometry import PageGeometry
from ocr.imaging import ImageLike, pixels, to_gray
from ocr.qr import QrHit

log = logging.getLogger(__name__)

#: Quiet zone (modules each side) included in the geometry's ``qr`` rectangle, as
#: reportlab's QR widget draws it; 0 is also tried when the page size tells otherwise.
QR_QUIET_MODULES = 4
_WINDOW_MM = (12.0, 24.0)  # half-sizes of the mark search window: first try, then wider
_MAX_RESIDUAL_MM = 1.0     # above this a fit is not trusted (ok=False)
_GOOD_RESIDUAL_MM = 0.5


@dataclass(frozen=True)
class Registered:
    """A page aligned to its template. ``homography`` maps template mm to image pixels.

    ``method``: "marks" (four corner marks), "marks3" (three, affine), "qr" (QR code
    similarity, maybe with one or two marks) or "none" (not aligned: ``ok`` False and
    ``crop``/``warp`` raise RegistrationError). ``photo``: the page was photographed
    (``ocr.photo``), so its print is softer than a scan's.
    """

    gray: np.ndarray = field(repr=False)
    size_mm: tuple[float, float]
    homography: np.ndarray | None
    method: str
    confidence: float
    residual_mm: float
    marks_found: int
    ok: bool
    rgb: np.ndarray | None = field(default=None, repr=False)  # the colour page, if colour
    photo: bool = False

    @property
    def px_per_mm(self) -> float:
        """The scan's scale at the page centre (pixels per template millimetre); 0 if not ok."""
        if self.homography is None:
            return 0.0
        cx, cy = self.size_mm[0] / 2, self.size_mm[1] / 2
        pts = self.to_px([(cx, cy), (cx + 1, cy), (cx, cy + 1)])
        return float((np.linalg.norm(pts[1] - pts[0]) + np.linalg.norm(pts[2] - pts[0])) / 2)

    def to_px(self, points_mm) -> np.ndarray:
        """Template points (mm) as image pixel coordinates."""
        pts = np.asarray(points_mm, dtype=np.float64).reshape(-1, 1, 2)
        return cv2.perspectiveTransform(pts, self._h()).reshape(-1, 2)

    def crop(self, rect_mm, *, dpi: int = 200, inset_mm: float = 0.0,
             color: bool = False) -> np.ndarray:
        """Grey pixels of template rectangle ``(x, y, w, h)`` mm, warped to the template frame
        at ``dpi`` (``inset_mm`` trims every side, e.g. to drop a box's own border).

        ``color``: RGB pixels instead, when the page was given in colour."""
        x, y, w, h = (float(v) for v in rect_mm)
        x, y, w, h = x + inset_mm, y + inset_mm, w - 2 * inset_mm, h - 2 * inset_mm
        if w <= 0 or h <= 0:
            raise ValueError(f"rectangle {rect_mm} vanishes with inset {inset_mm} mm")
        scale = dpi / 25.4
        out_w, out_h = max(1, round(w * scale)), max(1, round(h * scale))
        # output pixel (u, v) centre -> template mm
        to_mm = np.array([[w / out_w, 0, x + 0.5 * w / out_w],
                          [0, h / out_h, y + 0.5 * h / out_h],
                          [0, 0, 1]], dtype=np.float64)
        source = self.rgb if color and self.rgb is not None else self.gray
        border = (255, 255, 255) if source.ndim == 3 else 255
        return cv2.warpPerspective(source, self._h() @ to_mm, (out_w, out_h),
                                   flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                                   borderMode=cv2.BORDER_CONSTANT, borderValue=border)

    def warp(self, dpi: int = 150) -> np.ndarray:
        """The whole page in the template frame at ``dpi`` (grey)."""
        return self.crop((0.0, 0.0, self.size_mm[0], self.size_mm[1]), dpi=dpi)

    def _h(self) -> np.ndarray:
        if self.homography is None:
            raise RegistrationError("the page could not be aligned to its template")
        return self.homography


def register_page(img: ImageLike, page: PageGeometry, size_mm, *,
                  qr_hit: QrHit | None = None) -> Registered:
    """Align upright ``img`` to ``page`` (template of ``size_mm`` = (width, height) mm).

    ``qr_hit``: the page's own QR hit in ``img`` coordinates (e.g. ``Upright.hits``),
    used for a coarse first estimate and as the fallback when marks are missing.
    """
    gray = to_gray(img)
    size_mm = (float(size_mm[0]), float(size_mm[1]))
    coarse, qr_sim = _coarse(gray.shape, page, size_mm, qr_hit)
    found = _find_marks(gray, page, coarse)
    if sum(m is not None for m in found) < 4 and qr_sim is None:
        # the page may not fill the image: retry around the marks that were found
        refined = _affine_from(found, page)
        if refined is not None:
            found = _find_marks(gray, page, refined, previous=found)
    homography, method, confidence, residual = _fit(found, page, qr_hit, qr_sim)
    n_found = sum(m is not None for m in found)
    ok = homography is not None and residual <= _MAX_RESIDUAL_MM and _plausible(homography)
    if homography is not None and not ok:
        log.info("registration rejected: method %s, residual %.2f mm", method, residual)
        confidence = min(confidence, 0.1)
    rgb = _rgb_of(img)
    photo = isinstance(img, Image.Image) and "photo" in img.info
    return Registered(gray, size_mm, homography if ok else None,
                      method if ok else "none", confidence if ok else 0.0,
                      residual, n_found, ok, rgb, photo)


def _rgb_of(img: ImageLike) -> np.ndarray | None:
    if isinstance(img, Image.Image):
        return pixels(img, "RGB") if img.mode not in ("L", "1") else None
    arr = np.asarray(img)
    return arr if arr.ndim == 3 and arr.shape[2] == 3 else None


# Coarse estimate ----------------------------------------------------------------------------

def _coarse(shape, page: PageGeometry, size_mm,
            qr_hit: QrHit | None) -> tuple[np.ndarray, np.ndarray | None]:
    """(2x3 affine mm -> px, the QR similarity or None): from the QR code when there is
    one, else from the page filling the image."""
    h_px, w_px = shape[:2]
    page_scale = (w_px / size_mm[0] + h_px / size_mm[1]) / 2
    fits_page = abs((w_px / h_px) / (size_mm[0] / size_mm[1]) - 1) < 0.08
    if qr_hit is not None:
        sim = _qr_similarity(qr_hit, page, page_scale if fits_page else None)
        if sim is not None:
            return sim, sim
    return np.array([[w_px / size_mm[0], 0, 0], [0, h_px / size_mm[1], 0]], dtype=np.float64), None


def _qr_symbol_corners_mm(page: PageGeometry, quiet: int, modules: int) -> np.ndarray:
    x, y, w, h = page.qr
    inset_x = w * quiet / (modules + 2 * quiet) if modules else 0.0
    inset_y = h * quiet / (modules + 2 * quiet) if modules else 0.0
    x0, y0, x1, y1 = x + inset_x, y + inset_y, x + w - inset_x, y + h - inset_y
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64)


def _qr_similarity(hit: QrHit, page: PageGeometry, page_scale: float | None) -> np.ndarray | None:
    """Similarity mm -> px mapping the geometry's QR symbol onto ``hit``.

    The quiet zone inside the geometry's rectangle is not known for sure: the
    hypothesis whose scale agrees with the page size wins (reportlab's 4 modules when
    the page size says nothing).
    """
    dst = np.asarray(hit.corners_px, dtype=np.float32)
    modules = hit.modules or 25
    options = []
    for quiet in (QR_QUIET_MODULES, 0):
        src = _qr_symbol_corners_mm(page, quiet, modules).astype(np.float32)
        sim, _ = cv2.estimateAffinePartial2D(src, dst, method=cv2.LMEDS)
        if sim is not None:
            options.append(sim)
    if not options:
        return None
    if page_scale is None:
        return options[0]
    return min(options, key=lambda m: abs(math.hypot(m[0, 0], m[1, 0]) / page_scale - 1))


# Marks --------------------------------------------------------------------------------------

def _apply(affine: np.ndarray, x: float, y: float) -> tuple[float, float]:
    return (affine[0, 0] * x + affine[0, 1] * y + affine[0, 2],
            affine[1, 0] * x + affine[1, 1] * y + affine[1, 2])


def _find_marks(gray: np.ndarray, page: PageGeometry, coarse: np.ndarray,
                previous: list | None = None) -> list[np.ndarray | None]:
    """Each mark's four corners in px (TL, TR, BR, BL), or None when not found."""
    scale = math.sqrt(abs(np.linalg.det(coarse[:, :2])))
    found = []
    for i, (cx, cy, side) in enumerate(page.marks):
        if previous is not None and previous[i] is not None:
            found.append(previous[i])
            continue
        expected = _apply(coarse, cx, cy)
        corners = None
        for half_mm in _WINDOW_MM:
            corners = _mark_in_window(gray, expected, side * scale, half_mm * scale)
            if corners is not None:
                break
        found.append(corners)
    return found


def _mark_in_window(gray: np.ndarray, expected, side_px: float,
                    half_px: float) -> np.ndarray | None:
    h, w = gray.shape
    ex, ey = expected
    x0, y0 = max(0, int(ex - half_px)), max(0, int(ey - half_px))
    x1, y1 = min(w, int(ex + half_px)), min(h, int(ey + half_px))
    if x1 - x0 < side_px or y1 - y0 < side_px:
        return None
    window = gray[y0:y1, x0:x1]
    if int(window.min()) > 128:  # nothing dark here
        return None
    if side_px >= 12:  # JPEG noise and speckle: smooth a little first
        window = cv2.GaussianBlur(window, (3, 3), 0)
    thresh, binary = cv2.threshold(window, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if thresh > 200:  # a window of paper only: Otsu splits noise
        return None
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
    best, best_dist = None, None
    area_want = side_px * side_px
    for label in range(1, n):
        bx, by, bw, bh, area = stats[label]
        if not 0.5 * area_want <= area <= 1.8 * area_want:
            continue
        if not 0.7 <= bw / bh <= 1.43 or area < 0.75 * bw * bh:
            continue
        # cut by the window (not by the image's own edge): part of something larger
        if (bx == 0 < x0) or (by == 0 < y0) or (bx + bw == x1 - x0 and x1 < w) or \
                (by + bh == y1 - y0 and y1 < h):
            continue
        cx, cy = centroids[label]
        dist = math.hypot(cx + x0 - ex, cy + y0 - ey)
        if best_dist is None or dist < best_dist:
            best, best_dist = label, dist
    if best is None:
        return None
    ys, xs = np.nonzero(labels == best)
    pts = np.stack([xs, ys], axis=1).astype(np.float32)
    (rcx, rcy), (rw, rh), angle = cv2.minAreaRect(pts)
    # pixel centres span one pixel less than the square's edges
    box = cv2.boxPoints(((rcx, rcy), (rw + 1, rh + 1), angle)).astype(np.float64)
    box += (x0, y0)
    return _order_corners(box)


def _order_corners(box: np.ndarray) -> np.ndarray:
    s, d = box.sum(axis=1), box[:, 1] - box[:, 0]
    return np.array([box[np.argmin(s)], box[np.argmin(d)], box[np.argmax(s)], box[np.argmax(d)]])


def _mark_corners_mm(mark) -> np.ndarray:
    cx, cy, side = mark
    r = side / 2
    return np.array([[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r]])


# Fitting ------------------------------------------------------------------------------------

def _pairs(found, page: PageGeometry, indices) -> tuple[np.ndarray, np.ndarray]:
    src = np.concatenate([_mark_corners_mm(page.marks[i]) for i in indices])
    dst = np.concatenate([found[i] for i in indices])
    return src, dst


def _affine_from(found, page: PageGeometry) -> np.ndarray | None:
    indices = [i for i, m in enumerate(found) if m is not None]
    if len(indices) < 2:
        return None
    src, dst = _pairs(found, page, indices)
    model, _ = cv2.estimateAffinePartial2D(src.astype(np.float32), dst.astype(np.float32),
                                           method=cv2.LMEDS)
    return model


def _residual_mm(homography: np.ndarray, src: np.ndarray, dst: np.ndarray) -> float:
    back = cv2.perspectiveTransform(dst.reshape(-1, 1, 2).astype(np.float64),
                                    np.linalg.inv(homography)).reshape(-1, 2)
    return float(np.linalg.norm(back - src, axis=1).mean())


def _as_h(affine: np.ndarray) -> np.ndarray:
    return np.vstack([affine, [0.0, 0.0, 1.0]])


def _fit(found, page: PageGeometry, qr_hit: QrHit | None, qr_sim: np.ndarray | None):
    """(homography, method, confidence, residual_mm); homography None when nothing fits."""
    indices = [i for i, m in enumerate(found) if m is not None]
    four = None
    if len(indices) == 4:
        src, dst = _pairs(found, page, indices)
        homography, _ = cv2.findHomography(src, dst, 0)
        if homography is not None:
            four = (homography, _residual_mm(homography, src, dst))
            if four[1] <= _GOOD_RESIDUAL_MM:
                return four[0], "marks", 1.0, four[1]
            log.info("four marks fit poorly (%.2f mm); trying three", four[1])
    if len(indices) >= 3:
        best = None
        for subset in itertools.combinations(indices, 3):
            src, dst = _pairs(found, page, subset)
            homography = _as_h(_lstsq_affine(src, dst))
            residual = _residual_mm(homography, src, dst)
            if best is None or residual < best[1]:
                best = (homography, residual)
        if four is not None and four[1] <= _MAX_RESIDUAL_MM and four[1] <= best[1]:
            return four[0], "marks", 0.8, four[1]  # e.g. a curled page or a lens's distortion
        if best[1] <= _MAX_RESIDUAL_MM:
            return best[0], "marks3", 0.7, best[1]
    if qr_sim is not None:
        homography = _as_h(qr_sim)
        if indices:  # one or two marks refine the QR's estimate
            src, dst = _pairs(found, page, indices)
            qr_src = _qr_centre_mm(page)
            src = np.vstack([src, qr_src])
            dst = np.vstack([dst, np.asarray(qr_hit.centre)])
            model, _ = cv2.estimateAffinePartial2D(src.astype(np.float32),
                                                   dst.astype(np.float32), method=0)
            if model is not None:
                homography = _as_h(model)
            residual = _residual_mm(homography, src, dst)
        else:  # how well the symbol's corners fit (either quiet-zone reading of the rectangle)
            dst = np.asarray(qr_hit.corners_px, dtype=np.float64)
            residual = min(_residual_mm(homography, _qr_symbol_corners_mm(page, quiet,
                                                                          qr_hit.modules or 25),
                                        dst) for quiet in (QR_QUIET_MODULES, 0))
        return homography, "qr", 0.4, residual
    return None, "none", 0.0, float("inf")


def _qr_centre_mm(page: PageGeometry) -> np.ndarray:
    x, y, w, h = page.qr
    return np.array([[x + w / 2, y + h / 2]])


def _lstsq_affine(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    a = np.hstack([src, np.ones((len(src), 1))])
    sol, *_ = np.linalg.lstsq(a, dst, rcond=None)
    return sol.T


def _plausible(homography: np.ndarray) -> bool:
    """A scale between ~40 and ~1200 dpi and no mirror image."""
    det = np.linalg.det(homography[:2, :2])
    return det > 0 and 1.5 <= math.sqrt(det) <= 50
