"""Cheap image features shared by the attachment readers: colour, paper, rectangles, faces.

Pages arrive upright as PIL images (RGB or L) at roughly 300 dpi; the dpi of a
page is estimated from its size when the caller does not know it.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ocr.imaging import downscale, grey_percentiles, pixels

MM_PER_INCH = 25.4
PAGE_WIDTHS_MM = (210.0, 215.0)     # A4 and F4 portrait
COLOR_CHROMA = 18.0                 # Lab chroma above the page's own tint that counts as colour
COLOR_MIN_SHARE = 0.04              # share of non-paper pixels that must be coloured
TINTED_PAPER_SHARE = 0.5            # paper this saturated (of content_mask's bar) is tinted
TINTED_PAPER_CHROMA = 20.0          # Lab a*b* distance from a tinted paper's own colour
LID_OPEN_SURROUND = 60              # a page whose median grey is darker: copied with the lid open
LID_OPEN_CONTRAST = 120             # ... when what lies on it is this much lighter (95th pct)
LID_OPEN_RIM = 0.015                # of the shorter side: the rim of the glass, light or not
LID_OPEN_PAPER = 0.2                # of the way from the paper to the black: still paper (the
#                                     light leaking in along an edge is darker)
# Grey recycled paper: its most common grey, this many levels either side holding this
# share of the page, at most GREY_PAPER_MAX and GREY_PAPER_BELOW darker than the lightest.
GREY_PAPER_SPREAD = 10
GREY_PAPER_SHARE = 0.5
GREY_PAPER_MAX = 215
GREY_PAPER_BELOW = 12
FACE_CASCADE = "haarcascade_frontalface_default.xml"


def to_rgb(img) -> np.ndarray:
    """uint8 RGB array from a PIL image (any mode; read-only, see
    :func:`ocr.imaging.pixels`) or an array."""
    if hasattr(img, "convert"):
        return pixels(img, "RGB")
    arr = np.asarray(img)
    if arr.ndim == 2:
        return np.repeat(arr[:, :, None], 3, axis=2)
    return arr[:, :, :3]


def estimate_dpi(shape: tuple[int, ...]) -> float:
    """dpi of a page image from its width (portrait A4/F4), or of its longer side (landscape)."""
    h, w = shape[:2]
    short = min(h, w)
    return short / (PAGE_WIDTHS_MM[0] / MM_PER_INCH)


def paper_level(grey: np.ndarray) -> float:
    return grey_percentiles(grey, (95,))[0]


def content_mask(rgb: np.ndarray, *, delta: float = 28.0,
                 saturation: int = 60) -> np.ndarray:
    """Pixels that are not plain paper: ``delta`` darker than the paper or coloured
    (HSV saturation above ``saturation``).

    On coloured paper (a copy made on pink, green or yellow HVS) the paper itself is
    saturated: there a pixel is coloured when its colour lies away from the paper's
    (:data:`TINTED_PAPER_CHROMA` in CIELAB a*b*). On a page copied with the lid open
    (:func:`lid_open_surround`) the sheets and cards lying in the black are the content."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    paper = paper_level(grey)
    surround = lid_open_surround(grey)
    if surround is not None:   # the black round the sheets is no content: the sheets are,
        light = grey > paper - LID_OPEN_PAPER * (paper - surround)
        rim = max(1, int(LID_OPEN_RIM * min(grey.shape)))   # ... but not the light along
        light[:rim], light[-rim:], light[:, :rim], light[:, -rim:] = False, False, False, False
        return light   # the glass's rim, which a card laid against the edge would join
    dark = grey < paper - delta
    if (buram := grey_paper(grey, paper)) is not None:
        # on grey paper a card's white lies lighter than the paper: content too
        dark = (grey < buram - delta) | (grey > buram + delta)
    sat = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)[:, :, 1]
    plain = sat[~dark]
    if plain.size and np.median(plain) <= saturation * TINTED_PAPER_SHARE:
        return dark | (sat > saturation)
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB)
    a, b = lab[:, :, 1].astype(np.float32), lab[:, :, 2].astype(np.float32)
    a0, b0 = float(np.median(a[~dark])), float(np.median(b[~dark]))
    return dark | (np.hypot(a - a0, b - b0) > TINTED_PAPER_CHROMA)


def grey_paper(grey: np.ndarray, paper: float) -> float | None:
    """The grey of a page copied onto grey recycled paper (kertas buram): most of the page
    lies within a few levels of one grey that is clearly darker than the page's lightest
    part (``paper``: a scanner's white margin, a card's white); None on white paper."""
    hist = cv2.calcHist([np.ascontiguousarray(grey)], [0], None, [256], [0, 256]).ravel()
    mode = int(np.argmax(np.convolve(hist, np.ones(GREY_PAPER_SPREAD), "same")))
    near = hist[max(0, mode - GREY_PAPER_SPREAD):mode + GREY_PAPER_SPREAD + 1].sum()
    if mode <= GREY_PAPER_MAX and paper - mode >= GREY_PAPER_BELOW and \
            near >= GREY_PAPER_SHARE * grey.size:
        return float(mode)
    return None


def lid_open_surround(grey: np.ndarray) -> float | None:
    """The grey level of the black round what was copied with the copier's lid open (most
    of the page far darker than the cards or sheets laid on it), else None."""
    surround, light = grey_percentiles(grey, (50, 95))
    if surround < LID_OPEN_SURROUND and light - surround >= LID_OPEN_CONTRAST:
        return float(surround)
    return None


def color_stats(rgb: np.ndarray, mask: np.ndarray | None = None, *,
                min_share: float = COLOR_MIN_SHARE) -> tuple[bool, float]:
    """(is colour, share of coloured pixels) over ``mask`` (default: everything but paper).

    The page's own tint (a yellowish or bluish greyscale scan) is the median chroma
    offset; only pixels far from it count as colour.
    """
    small, _ = downscale(rgb, 900)
    if mask is not None and mask.shape != small.shape[:2]:
        mask = cv2.resize(mask.astype(np.uint8), (small.shape[1], small.shape[0]),
                          interpolation=cv2.INTER_NEAREST).astype(bool)
    lab = cv2.cvtColor(small, cv2.COLOR_RGB2LAB).astype(np.float32)
    a, b = lab[:, :, 1] - 128, lab[:, :, 2] - 128
    a0, b0 = float(np.median(a)), float(np.median(b))
    chroma = np.hypot(a - a0, b - b0)
    region = mask if mask is not None else content_mask(small, delta=20)
    if region.sum() < 50:
        region = np.ones(chroma.shape, bool)
    share = float((chroma[region] > COLOR_CHROMA).mean())
    return share >= min_share, round(share, 4)


@dataclass(frozen=True)
class Quad:
    """A rotated rectangle found on a page (full-resolution pixels)."""

    center: tuple[float, float]
    size: tuple[float, float]          # long side, short side
    angle: float                       # degrees, as cv2.minAreaRect reports
    corners: np.ndarray                # 4x2 float32
    fill: float                        # contour area / rectangle area

    def width_mm(self, dpi: float) -> float:
        return self.size[0] / dpi * MM_PER_INCH

    def height_mm(self, dpi: float) -> float:
        return self.size[1] / dpi * MM_PER_INCH


def find_rectangles(rgb: np.ndarray, *, min_mm: float, dpi: float,
                    work_side: int = 1400, open_mm: float = 2.0,
                    content: tuple[float, int] = (18.0, 60)) -> list[Quad]:
    """Rectangle-like blobs of content (cards, photos) at least ``min_mm`` on the short side.
    ``open_mm``: marks narrower than this (a copier's dark streak running off a card) are
    cut off the blobs. ``content``: how much darker than the paper, or how saturated, a
    pixel of a blob is (:func:`content_mask`)."""
    small, f = downscale(rgb, work_side)
    mask = content_mask(small, delta=content[0], saturation=content[1]).astype(np.uint8)

    def square(size_mm: float) -> np.ndarray:
        k = max(3, int(round(size_mm / MM_PER_INCH * dpi * f)) | 1)
        return cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))

    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, square(2.0))   # gaps of ~2 mm closed
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, square(open_mm))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    quads = []
    min_px = min_mm / MM_PER_INCH * dpi * f
    for c in contours:
        rect = cv2.minAreaRect(c)
        if min(rect[1]) >= min_px:
            quads.append(quad_of(c, rect, f))
    quads.sort(key=lambda q: -q.size[0] * q.size[1])
    return quads


def quad_of(contour: np.ndarray, rect: tuple, f: float) -> Quad:
    """The Quad of ``contour`` found on a page shrunk by ``f`` (``rect``: its
    ``cv2.minAreaRect``), in the page's own pixels; its fill is the contour's convex hull
    over the rectangle's area."""
    (cx, cy), (w, h), angle = rect
    area = w * h
    fill = float(cv2.contourArea(cv2.convexHull(contour)) / area) if area else 0.0
    corners = cv2.boxPoints(((cx, cy), (w, h), angle)) / f
    return Quad((cx / f, cy / f), (max(w, h) / f, min(w, h) / f), angle,
                corners.astype(np.float32), fill)


def order_corners(quad: Quad, *, landscape: bool | None) -> np.ndarray:
    """The quad's corners as the top-left, top-right, bottom-right and bottom-left of its
    cut-out (landscape: long side on top; None: as it lies on the page, for near-square
    shapes), in page pixels."""
    pts = quad.corners
    s, d = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    ordered = np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)],
                        pts[np.argmax(d)]], np.float32)
    top = np.linalg.norm(ordered[1] - ordered[0])
    left = np.linalg.norm(ordered[3] - ordered[0])
    if landscape is not None and (top >= left) != landscape:
        ordered = np.roll(ordered, -1, axis=0) if top >= left else np.roll(ordered, 1, axis=0)
    return ordered


def warp_corners(rgb: np.ndarray, corners: np.ndarray, *, out_w: int, out_h: int) -> np.ndarray:
    """Cut out the quadrangle whose top-left, top-right, bottom-right, bottom-left are
    ``corners`` as an ``out_w`` x ``out_h`` upright image."""
    dst = np.array([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], np.float32)
    m = cv2.getPerspectiveTransform(np.asarray(corners, np.float32), dst)
    return cv2.warpPerspective(rgb, m, (out_w, out_h), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)


def upright_angle(corners: np.ndarray) -> float:
    """Counter-clockwise degrees in [0, 360) that turn a page so that the edge from
    ``corners[0]`` to ``corners[1]`` (a cut-out's top edge) points right."""
    (x0, y0), (x1, y1) = np.asarray(corners, np.float64)[:2]
    return float(np.degrees(np.arctan2(y1 - y0, x1 - x0)) % 360.0)


_cascade = None


def find_faces(rgb: np.ndarray, *, min_face_px: int = 40, neighbours: int = 6,
               scale_factor: float = 1.1) -> tuple[list[tuple], float]:
    """Frontal faces (x, y, w, h) found by OpenCV's Haar cascade, overlapping hits merged,
    and the cascade's strongest level weight (0 without a face): an upright face scores
    well above the same face upside down."""
    global _cascade
    if _cascade is None:
        _cascade = cv2.CascadeClassifier(cv2.data.haarcascades + FACE_CASCADE)
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    faces, _levels, weights = _cascade.detectMultiScale3(
        grey, scaleFactor=scale_factor, minNeighbors=neighbours,
        minSize=(min_face_px, min_face_px), outputRejectLevels=True)
    kept: list[tuple] = []
    for x, y, w, h in sorted((tuple(int(v) for v in f) for f in faces), key=lambda f: -f[2]):
        cx, cy = x + w / 2, y + h / 2
        if any(kx <= cx <= kx + kw and ky <= cy <= ky + kh for kx, ky, kw, kh in kept):
            continue  # a face inside a bigger hit: the same face found twice
        kept.append((x, y, w, h))
    return kept, float(np.max(weights)) if len(weights) else 0.0
