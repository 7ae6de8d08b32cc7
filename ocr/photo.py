"""A phone photo of a page or a card made to look like a scan: the document's outline found
in the frame, its perspective undone, its light made even.

The outline is looked for on a small grey copy, as the largest convex quadrangle
whose four sides are edges all along (paper against a table, lit or shadowed),
found both by brightness and by edges. How long the rectangle is compared with
its width is measured with the camera's perspective taken into account (Zhang &
He, "Whiteboard scanning and image enhancement", 2007), which tells a card from
an A4 or F4 page; the document is then warped from the full photo to its size at
the working dpi. A photo whose outline is not found is left to the caller.
"""
from __future__ import annotations

import logging
import math

import cv2
import numpy as np
from PIL import Image

from ocr.imaging import scale_array

log = logging.getLogger(__name__)

# Documents a photo may show, as (short, long) sides in mm.
PAPERS_MM = {"card": (53.98, 85.6), "A4": (210.0, 297.0), "F4": (215.0, 330.0),
             "letter": (215.9, 279.4)}
# A phone's main camera: focal length / the frame's diagonal (23-28 mm lenses in 35 mm
# terms give 0.53-0.65; a little zoom, more).
PHONE_FOCAL = (0.5, 1.0)
CARD_DPI = 300            # a card is cut out at about the resolution its reader works at
PAGE_MAX_DPI = 300        # a page is cut out at the photo's own resolution, up to this
_WORK_SIDE = 1000         # long side of the copy the outline is searched on
_MIN_AREA = 0.12          # the document covers at least this share of the frame
_EDGE_MARGIN = 0.004      # a corner this close to the frame's edge: the document is cut off
_MIN_SUPPORT = 0.6        # share of each side that must lie on an edge
_ASPECT_TOLERANCE = 0.07  # relative error of the measured length/width still taken as a paper
_FLAT_KERNEL_MM = 60.0    # larger than a card or a photo on the page, smaller than a shadow
_FLAT_DPI = 25            # the light is estimated at this resolution
_PAPER_WHITE = 245.0      # the paper's level once the light is even (a scan's, not clipped:
                          # clipping near-white greys thins soft strokes into misreadings)
_MIN_SPREAD = 0.06        # lighter and darker paper differing less than this: light is even
# A white sheet on a light grey ground (a screen's, a wall's) is one with it at Otsu's level:
# it is looked for too as what is nearly as light as the lightest of the frame (its 97th
# percentile), at these shares of that level
_NEAR_WHITE = (0.95, 0.9)
_MIN_PRINT = 0.03         # share of a sheet's inside on an edge: print, not an empty screen


def rectify_photo(img: Image.Image, *, dpi: int, quad: np.ndarray | None = None,
                  papers: tuple[str, ...] = ()) -> Image.Image | None:
    """The document photographed in ``img``, flat, at the photo's own resolution between
    ``dpi`` and ``PAGE_MAX_DPI`` (``info["dpi"]`` says which; a card at ``CARD_DPI``,
    landscape); None when no document outline is found. Every resampling softens the
    print, and a photo's is soft already: what the camera resolved is kept.

    The result keeps the photo's way round (a page photographed sideways stays sideways:
    the upright step turns it). ``quad``: the outline when found already
    (:func:`find_document_quad`); ``papers``: the papers it may be (any, when empty).
    """
    rgb = np.asarray(img.convert("RGB")) if img.mode != "RGB" else np.asarray(img)
    quad = find_document_quad(rgb) if quad is None else quad
    if quad is None:
        return None
    # a focal length solved from corners a pixel or two off can be far out (a card taken
    # for A4 or for no paper at all): it is held to a phone camera's
    ratio = rectangle_ratio(quad, rgb.shape, focal_bounds=PHONE_FOCAL)
    paper = nearest_paper(ratio, papers)
    if paper is None:
        log.info("photo: outline found but its proportions (%.3f) fit no paper", ratio)
        return None
    short_mm, long_mm = PAPERS_MM[paper]
    top, side = _side_lengths(quad)
    landscape = top >= side
    native = max(top, side) / long_mm * 25.4
    out_dpi = CARD_DPI if paper == "card" else round(min(max(dpi, native), PAGE_MAX_DPI))
    long_px, short_px = round(long_mm / 25.4 * out_dpi), round(short_mm / 25.4 * out_dpi)
    out_w, out_h = (long_px, short_px) if landscape else (short_px, long_px)
    dst = np.array([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
    flat = cv2.warpPerspective(rgb, matrix, (out_w, out_h), flags=cv2.INTER_AREA
                               if _shrinks(quad, out_w, out_h) else cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)
    if paper == "card":
        if not landscape:
            flat = cv2.rotate(flat, cv2.ROTATE_90_CLOCKWISE)
    else:
        flat = flatten_light(flat, dpi=out_dpi)
    out = Image.fromarray(np.ascontiguousarray(flat), "RGB")
    if img.mode == "L":
        out = out.convert("L")
    out.info["dpi"] = (out_dpi, out_dpi)
    out.info["photo"] = paper
    return out


def _shrinks(quad: np.ndarray, out_w: int, out_h: int) -> bool:
    top, side = _side_lengths(quad)
    return max(top, side) > max(out_w, out_h)


def _side_lengths(quad: np.ndarray) -> tuple[float, float]:
    """Mean length of the top and bottom sides, and of the left and right ones."""
    q = np.asarray(quad, np.float64)
    top = (np.linalg.norm(q[1] - q[0]) + np.linalg.norm(q[2] - q[3])) / 2
    side = (np.linalg.norm(q[3] - q[0]) + np.linalg.norm(q[2] - q[1])) / 2
    return float(top), float(side)


# Outline ------------------------------------------------------------------------------------

def find_document_quad(rgb: np.ndarray, *, papers: tuple[str, ...] = ()
                       ) -> np.ndarray | None:
    """Corners (top-left, top-right, bottom-right, bottom-left, full-size pixels) of the
    document in a photo, or None. ``papers``: only an outline in the proportions of one
    of these (:data:`PAPERS_MM`) is taken, the largest such (a sheet shown inside a
    larger rectangle, a screen's or a frame's) that shows print (a screen's empty part
    below the sheet may have a paper's proportions too)."""
    h, w = rgb.shape[:2]
    factor = min(1.0, _WORK_SIDE / max(h, w))
    small = scale_array(np.ascontiguousarray(rgb), factor)
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    gradient = _gradient(small)
    best, best_area = None, 0.0
    for quad in _candidates(grey, small):
        area = cv2.contourArea(quad.astype(np.float32))
        if area < _MIN_AREA * grey.size or area <= best_area:
            continue
        if _touches_frame(quad, grey.shape) or not _is_convex(quad):
            continue
        if _support(quad, gradient) < _MIN_SUPPORT:
            continue
        if papers and (nearest_paper(rectangle_ratio(_order(quad), grey.shape,
                                                     focal_bounds=PHONE_FOCAL), papers) is None
                       or _print_share(quad, gradient) < _MIN_PRINT):
            continue
        best, best_area = quad, area
    if best is None:
        return None
    return _order(_refined(_order(best), gradient) / factor)


def _refined(quad: np.ndarray, gradient: np.ndarray, samples: int = 40) -> np.ndarray:
    """The corners as the crossings of lines fitted to each side's strongest edge.

    A polygon approximating the outline cuts a card's rounded corners and wanders by a
    pixel or two; the middle of each side, where the edge is straight, fixes the line.
    """
    h, w = gradient.shape
    reach = max(3, round(0.006 * max(h, w)))
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        direction = (b - a) / max(np.linalg.norm(b - a), 1e-6)
        normal = np.array([-direction[1], direction[0]])
        points = []
        for t in np.linspace(0.15, 0.85, samples):
            base = a + (b - a) * t
            offsets = np.arange(-reach, reach + 1)
            xs = np.clip(np.round(base[0] + offsets * normal[0]).astype(int), 0, w - 1)
            ys = np.clip(np.round(base[1] + offsets * normal[1]).astype(int), 0, h - 1)
            strengths = gradient[ys, xs]
            if strengths.max() > 0:
                points.append(base + offsets[int(np.argmax(strengths))] * normal)
        if len(points) < samples // 2:
            return quad
        vx, vy, x0, y0 = cv2.fitLine(np.asarray(points, np.float32), cv2.DIST_HUBER, 0, 0.01,
                                     0.01).ravel()
        lines.append((np.array([x0, y0], np.float64), np.array([vx, vy], np.float64)))
    corners = []
    for i in range(4):
        (p1, d1), (p2, d2) = lines[i - 1], lines[i]
        matrix = np.array([d1, -d2]).T
        if abs(np.linalg.det(matrix)) < 1e-6:
            return quad
        t = np.linalg.solve(matrix, p2 - p1)
        corners.append(p1 + t[0] * d1)
    refined = np.asarray(corners)
    if np.abs(refined - quad).max() > 4 * reach:  # the fit went astray
        return quad
    return refined


def _gradient(small: np.ndarray) -> np.ndarray:
    """Strength of edges, the strongest of the three colour channels (paper on a table of
    the same brightness still differs in colour)."""
    strength = None
    for c in range(3):
        channel = cv2.GaussianBlur(small[:, :, c], (3, 3), 0).astype(np.float32)
        gx = cv2.Sobel(channel, cv2.CV_32F, 1, 0, ksize=3)
        gy = cv2.Sobel(channel, cv2.CV_32F, 0, 1, ksize=3)
        mag = cv2.magnitude(gx, gy)
        strength = mag if strength is None else np.maximum(strength, mag)
    return strength


def _candidates(grey: np.ndarray, small: np.ndarray):
    """Quadrangles that may be the document: outlines of the bright region (Otsu, and a
    lower threshold for a page partly in shadow, and higher ones for a sheet on a light
    ground) and of closed edge contours."""
    masks = []
    otsu, bright = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    masks.append(bright)
    masks.append((grey > otsu * 0.75).astype(np.uint8) * 255)
    lightest = float(np.percentile(grey, 97))
    masks.extend((grey > lightest * share).astype(np.uint8) * 255 for share in _NEAR_WHITE)
    median = float(np.median(grey))
    edges = cv2.Canny(grey, 0.4 * median, 1.0 * median)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    masks.append(edges)
    for mask in masks:
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
        contours, _ = cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        contours = sorted(contours, key=cv2.contourArea, reverse=True)[:5]
        for contour in contours:
            quad = _quad_of(contour)
            if quad is not None:
                yield quad


def _quad_of(contour: np.ndarray) -> np.ndarray | None:
    """The four-cornered polygon that approximates ``contour``'s hull, or None."""
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for eps in (0.01, 0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, eps * perimeter, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float64)
        if len(approx) < 4:
            return None
    return None


def _touches_frame(quad: np.ndarray, shape) -> bool:
    h, w = shape[:2]
    m = _EDGE_MARGIN * max(h, w)
    return bool((quad[:, 0] <= m).any() or (quad[:, 0] >= w - 1 - m).any()
                or (quad[:, 1] <= m).any() or (quad[:, 1] >= h - 1 - m).any())


def _is_convex(quad: np.ndarray) -> bool:
    return bool(cv2.isContourConvex(quad.astype(np.float32).reshape(-1, 1, 2)))


def _edge_level(gradient: np.ndarray) -> float:
    """The gradient a point must reach to lie on an edge."""
    return max(float(np.percentile(gradient, 90)), 20.0)


def _support(quad: np.ndarray, gradient: np.ndarray, samples: int = 60) -> float:
    """The smallest share, over the four sides, of points that lie on an edge."""
    h, w = gradient.shape
    strong = _edge_level(gradient)
    worst = 1.0
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        t = np.linspace(0.08, 0.92, samples)[:, None]
        pts = a + (b - a) * t
        hits = 0
        for x, y in pts:
            x0, x1 = int(max(x - 2, 0)), int(min(x + 3, w))
            y0, y1 = int(max(y - 2, 0)), int(min(y + 3, h))
            if x1 > x0 and y1 > y0 and gradient[y0:y1, x0:x1].max() >= strong:
                hits += 1
        worst = min(worst, hits / samples)
    return worst


def _print_share(quad: np.ndarray, gradient: np.ndarray) -> float:
    """The share of the quadrangle's inside (its outline drawn in by a tenth) that lies on
    an edge."""
    strong = _edge_level(gradient)
    centre = quad.mean(axis=0)
    inner = (centre + (quad - centre) * 0.9).astype(np.int32)
    mask = np.zeros(gradient.shape, np.uint8)
    cv2.fillPoly(mask, [inner], 1)
    inside = gradient[mask > 0]
    return float((inside >= strong).mean()) if inside.size else 0.0


def _order(quad: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left (clockwise on screen)."""
    centre = quad.mean(axis=0)
    angles = np.arctan2(quad[:, 1] - centre[1], quad[:, 0] - centre[0])
    ring = quad[np.argsort(angles)]            # clockwise on screen, starting anywhere
    start = int(np.argmin(ring.sum(axis=1)))   # the top-left has the smallest x + y
    return np.roll(ring, -start, axis=0)


# Proportions --------------------------------------------------------------------------------

def rectangle_ratio(quad: np.ndarray, shape, *,
                    focal_bounds: tuple[float, float] | None = None) -> float:
    """Long side / short side of the real rectangle photographed as ``quad``.

    The focal length is solved from the quadrangle itself, with the principal point at
    the frame's centre and square pixels (Zhang & He); when the photo shows no
    perspective to solve it from, the mean side lengths are used. ``focal_bounds``
    (shares of the frame's diagonal): the solved focal length is held within them.
    """
    h, w = shape[:2]
    u0, v0 = w / 2.0, h / 2.0
    tl, tr, br, bl = (np.array([x, y, 1.0]) for x, y in np.asarray(quad, np.float64))
    m1, m2, m3, m4 = tl, tr, bl, br
    top, side = _side_lengths(quad)
    fallback = max(top, side) / max(min(top, side), 1e-6)
    denom2 = np.dot(np.cross(m2, m4), m3)
    denom3 = np.dot(np.cross(m3, m4), m2)
    if abs(denom2) < 1e-9 or abs(denom3) < 1e-9:
        return fallback
    k2 = np.dot(np.cross(m1, m4), m3) / denom2
    k3 = np.dot(np.cross(m1, m4), m2) / denom3
    n2 = k2 * m2 - m1
    n3 = k3 * m3 - m1
    if abs(n2[2]) < 1e-6 or abs(n3[2]) < 1e-6:
        ratio = math.sqrt((n2[0] ** 2 + n2[1] ** 2) / (n3[0] ** 2 + n3[1] ** 2))
    else:
        f2 = -((n2[0] * n3[0] - (n2[0] * n3[2] + n2[2] * n3[0]) * u0 + n2[2] * n3[2] * u0 ** 2)
               + (n2[1] * n3[1] - (n2[1] * n3[2] + n2[2] * n3[1]) * v0
                  + n2[2] * n3[2] * v0 ** 2)) / (n2[2] * n3[2])
        if f2 <= 0 or not 0.3 * max(h, w) <= math.sqrt(f2) <= 5 * max(h, w):
            return fallback  # too little perspective to tell the focal length
        if focal_bounds is not None:
            diagonal = math.hypot(h, w)
            f2 = float(np.clip(math.sqrt(f2), *(b * diagonal for b in focal_bounds))) ** 2
        a_inv = np.linalg.inv(np.array([[math.sqrt(f2), 0, u0], [0, math.sqrt(f2), v0],
                                        [0, 0, 1.0]]))
        w2 = a_inv.T @ a_inv
        ratio = math.sqrt(float(n2 @ w2 @ n2) / float(n3 @ w2 @ n3))
    return max(ratio, 1 / ratio)


def nearest_paper(ratio: float, papers: tuple[str, ...] = ()) -> str | None:
    """The paper in ``PAPERS_MM`` (of ``papers`` only, when given) whose proportions are
    nearest ``ratio``, if near enough."""
    best, best_error = None, None
    for name, (short, long) in PAPERS_MM.items():
        if papers and name not in papers:
            continue
        error = abs(math.log(ratio / (long / short)))
        if best_error is None or error < best_error:
            best, best_error = name, error
    return best if best_error <= _ASPECT_TOLERANCE else None


# Light --------------------------------------------------------------------------------------

def flatten_light(arr: np.ndarray, *, dpi: float) -> np.ndarray:
    """``arr`` (grey or RGB) with the paper made evenly white: each channel divided by the
    light falling on it, estimated by closing away everything smaller than a card.

    Evenly lit pages are returned as they are.
    """
    factor = min(1.0, _FLAT_DPI / dpi)
    small = scale_array(arr, factor).astype(np.float32)
    side = max(3, int(round(_FLAT_KERNEL_MM / 25.4 * _FLAT_DPI)) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (side, side))
    light = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel, borderType=cv2.BORDER_REPLICATE)
    # only the closing's blocks are smoothed: a wider blur spreads a shadow's edge over
    # the paper beside it, which then no longer looks like paper
    light = cv2.GaussianBlur(light, (0, 0), side / 16)
    level = light if light.ndim == 2 else light.mean(axis=2)
    lo, hi = np.percentile(level, (5, 95))
    if hi <= 0 or (hi - lo) / hi < _MIN_SPREAD:
        return arr
    light = cv2.resize(light, (arr.shape[1], arr.shape[0]), interpolation=cv2.INTER_LINEAR)
    out = arr.astype(np.float32) * (_PAPER_WHITE / np.maximum(light, 1.0))
    return np.clip(out, 0, 255).astype(np.uint8)
