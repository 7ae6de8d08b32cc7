"""Checking a pas foto (3 x 4 passport photo): aspect, one face, plain background, colour.

The photo is found on the page as a rectangle that differs from the paper (after a
median blur, so a white backdrop still separates from white paper by a few grey
levels); an image that is itself the photo is taken whole. The face count uses
OpenCV's frontal-face Haar cascade; the background is judged on the strips above
and beside the head, which a plain backdrop keeps nearly uniform. The holder's name
written or typed under the photos, when both text models read it alike, is read too: it
files a sheet photographed on its own (``formgen.ingest.attribute``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import cv2
import numpy as np

from ocr import tesseract
from ocr.features import (
    MM_PER_INCH,
    Quad,
    color_stats,
    estimate_dpi,
    find_faces,
    order_corners,
    quad_of,
    to_rgb,
    upright_angle,
    warp_corners,
)
from ocr.findings import Finding
from ocr.imaging import downscale

ASPECT_RANGE = (0.70, 0.80)       # width / height of a 3 x 4 photo
# How far a measured aspect may stray from the photo's own: a shadow cast beside it, a
# corner cut by hand, the scan's skew. Within this of either bound the verdict is unsure.
ASPECT_UNCERTAINTY = 0.02
UNSURE = 0.4                      # confidence of a verdict a person should confirm
MIN_PHOTO_MM = 18.0               # shorter side of anything taken for a photo
MAX_PHOTO_MM = 70.0
PHOTO_FILL = 0.85                 # a photo's outline fills this much of its rectangle at least
PAPER_DELTA = 3.0                 # grey levels from the paper, after a median blur
FAINT_PAPER_DELTA = 2.0           # second look, for a white backdrop on white paper
# grey levels (90th percentile) in the top corners of a plain backdrop
BACKGROUND_MAX_SPREAD = 14.0
WORK_SIDE = 1400
# The third look, by edges: Canny's thresholds (grey levels, on the page shrunk to
# WORK_SIDE and softened a little: a backdrop's edge on paper is a step of a few levels),
# the shapes taken for a photo (short / long side: 2 x 3 to nearly square) and how near
# two outlines' centres lie when they are one photo's inner and outer edge.
EDGE_THRESHOLDS = (4, 12)
EDGE_PHOTO_SHAPE = (0.6, 0.9)
EDGE_SAME_MM = 4.0
# A sheet whose photos show no outline at all (a white backdrop on white paper, taken by
# phone) is known by its faces: the face detector's box on a photo of 2 x 3 to 4 x 6 is
# this wide, looked for on the page shrunk to FACE_LOOK_SIDE pixels, each way up.
FACE_MM = (10.0, 30.0)
FACE_LOOK_SIDE = 700
PHOTO_COLOR_SHARE = 0.01          # a dark-clothed person on white is still a colour photo
FACE_WORK_HEIGHT = 400            # photos are scaled to this height for the face search
# A strongly coloured backdrop bleeds into the paper beside it on a colour scan (a pale
# halo a millimetre or two wide, a few grey levels off the paper): its outline is taken
# where the distance from the paper falls to half the backdrop's, measured on a ring this
# far inside the outline first found (shrunk page pixels), kept when the tighter outline
# holds this share of the first one's area at least.
HALO_RING_PX = (12, 18)
HALO_KEPT = 0.8
LANDSCAPE = 1.1                   # width / height beyond which a photo lies a quarter turned
# The holder's name under the photos: looked for across the sheet in a band this far below
# the lowest one found (not every copy stands out from the paper); read by both models,
# which must read it alike.
NAME_BAND_MM = (1.0, 22.0)
NAME_MODELS = ("ind", "eng")
NAME_LINE = re.compile(r"[A-Za-z][A-Za-z.' -]*[A-Za-z]")


@dataclass
class PasFotoReading:
    found: bool = False
    aspect: float | None = None           # width / height
    aspect_ok: bool | None = None
    faces: int = 0
    plain_background: bool | None = None
    color: bool | None = None
    size_mm: tuple[float, float] | None = None
    background_spread: float | None = None
    copies: int = 0
    turned: bool = False                  # the photo was read turned (page not upright)
    upright_angle: float | None = None    # ccw degrees that stand the photo upright (its face)
    boxes: list = field(default_factory=list)  # (x0, y0, x1, y1) of each photo on the page

    @property
    def ok(self) -> bool:
        return bool(self.found and self.aspect_ok and self.faces == 1 and self.plain_background
                    and self.color)

    def findings(self) -> list[Finding]:
        conf = 0.9 if self.found else 0.3
        near_bound = self.aspect is not None and any(
            abs(self.aspect - bound) < ASPECT_UNCERTAINTY for bound in ASPECT_RANGE)
        return [
            Finding("pas_foto", "aspect", self.aspect, conf),
            Finding("pas_foto", "aspect_ok", self.aspect_ok, min(conf, UNSURE) if near_bound
                    else conf),
            Finding("pas_foto", "faces", self.faces, conf),
            Finding("pas_foto", "plain_background", self.plain_background, conf),
            Finding("pas_foto", "color", self.color, conf),
        ]


def photo_quads(rgb: np.ndarray, dpi: float) -> list[Quad]:
    """Photo-sized rectangles that differ from the paper; when none stands out, a second
    look with a finer threshold (a white backdrop is only a shade off white paper), then
    a third by the photos' sharp edges (a shadow on a phone photo differs from the paper
    as much as a backdrop does and joins the photo it falls on)."""
    small, f = downscale(rgb, WORK_SIDE)
    distance = _paper_distance(small)
    return (_quads(distance, f, dpi, PAPER_DELTA)
            or _quads(distance, f, dpi, FAINT_PAPER_DELTA)
            or _edge_quads(rgb, small, f, dpi))


def _edge_quads(rgb: np.ndarray, small: np.ndarray, f: float, dpi: float) -> list[Quad]:
    """Photo-sized rectangles outlined by sharp edges (a shadow's edge is soft), kept only
    when one of them shows a face: a rectangle drawn on a page is no photo."""
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY), (0, 0), 1.0)
    edges = cv2.dilate(cv2.Canny(grey, *EDGE_THRESHOLDS), np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    px_mm = dpi / MM_PER_INCH * f
    quads: list[Quad] = []
    for c in sorted(contours, key=cv2.contourArea, reverse=True):
        rect = cv2.minAreaRect(c)
        short, long_ = min(rect[1]) / px_mm, max(rect[1]) / px_mm
        if short < MIN_PHOTO_MM or long_ > MAX_PHOTO_MM or not \
                EDGE_PHOTO_SHAPE[0] <= short / long_ <= EDGE_PHOTO_SHAPE[1]:
            continue
        quad = quad_of(c, rect, f)
        if quad.fill < PHOTO_FILL or any(
                np.hypot(quad.center[0] - q.center[0], quad.center[1] - q.center[1]) * f
                < EDGE_SAME_MM * px_mm for q in quads):
            continue   # not a rectangle, or the inner outline of one already found
        quads.append(quad)
    if not any(_shows_face(rgb, quad) for quad in quads):
        return []
    quads.sort(key=lambda q: (q.center[1] // (dpi / 2), q.center[0]))  # reading order
    return quads


def _shows_face(rgb: np.ndarray, quad: Quad) -> bool:
    return analyse_photo(_cut_out(rgb, quad)[1]).faces > 0


def _cut_out(rgb: np.ndarray, quad: Quad) -> tuple[np.ndarray, np.ndarray]:
    """(its ordered corners, the photo cut out flat as it lies) of a photo on the page."""
    corners = order_corners(quad, landscape=None)
    w_px, h_px = _upright_size(corners)
    return corners, warp_corners(rgb, corners, out_w=int(round(w_px)), out_h=int(round(h_px)))


def _paper_distance(small: np.ndarray) -> np.ndarray:
    """Each pixel's largest channel distance from the paper colour, after a median blur."""
    blur = cv2.medianBlur(small, 5).astype(np.float32)
    paper = np.percentile(blur[::4, ::4].reshape(-1, 3), 60, axis=0)  # a sample is enough
    d = np.abs(blur - paper)
    return np.maximum(np.maximum(d[:, :, 0], d[:, :, 1]), d[:, :, 2])


def _quads(distance: np.ndarray, f: float, dpi: float, delta: float) -> list[Quad]:
    """Photo-sized rectangles more than ``delta`` grey levels from the paper (``distance``:
    :func:`_paper_distance` of the page shrunk by ``f``)."""
    mask = (distance > delta).astype(np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    mask = _drop_edge_regions(mask)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    px_mm = dpi / MM_PER_INCH * f
    quads = []
    for c in contours:
        rect = cv2.minAreaRect(c)
        short, long_ = min(rect[1]) / px_mm, max(rect[1]) / px_mm
        if short < MIN_PHOTO_MM or long_ > MAX_PHOTO_MM:
            continue
        quad = quad_of(c, rect, f)
        if quad.fill >= PHOTO_FILL:
            quads.append(_without_halo(distance, c, f, delta) or quad)
    quads.sort(key=lambda q: (q.center[1] // (dpi / 2), q.center[0]))  # reading order
    return quads


def _without_halo(distance: np.ndarray, contour: np.ndarray, f: float,
                  delta: float) -> Quad | None:
    """The photo's outline at half its backdrop's distance from the paper, when that
    level lies well above the first threshold (a coloured backdrop's halo then falls
    outside it); None when the backdrop is pale or the tighter outline is no rectangle."""
    x, y, w, h = cv2.boundingRect(contour)
    filled = np.zeros((h, w), np.uint8)
    cv2.drawContours(filled, [contour - (x, y)], -1, 1, cv2.FILLED)
    near, far = (np.ones((2 * r + 1, 2 * r + 1), np.uint8) for r in HALO_RING_PX)
    ring = cv2.erode(filled, near).astype(bool) & ~cv2.erode(filled, far).astype(bool)
    region = distance[y:y + h, x:x + w]
    if not ring.any():
        return None
    level = float(np.median(region[ring])) / 2
    if level < 2 * delta:
        return None
    tight = ((region > level) & filled.astype(bool)).astype(np.uint8)
    tight = cv2.morphologyEx(tight, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    contours, _ = cv2.findContours(tight, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    c = max(contours, key=cv2.contourArea) + (x, y)
    quad = quad_of(c, cv2.minAreaRect(c), f)
    kept = cv2.contourArea(c) >= HALO_KEPT * cv2.contourArea(contour)
    return quad if quad.fill >= PHOTO_FILL and kept else None


def _drop_edge_regions(mask: np.ndarray) -> np.ndarray:
    """The mask without the regions touching the image edge.

    Scanner bed and the fill of a deskewed page frame the sheet in a ring that would
    otherwise enclose (and hide) every photo glued on it; photos never touch the edge.
    """
    count, labels = cv2.connectedComponents(mask, connectivity=8)
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    keep = mask.copy()
    keep[np.isin(labels, edge[edge > 0])] = 0
    return keep


def is_whole_photo(rgb: np.ndarray) -> bool:
    """An image that is the photo itself (no paper margin): small and photo-shaped."""
    h, w = rgb.shape[:2]
    return 0.6 <= w / h <= 1.1 and estimate_dpi(rgb.shape) < 150


def photo_by_faces(rgb: np.ndarray, dpi: float) -> PasFotoReading | None:
    """A sheet of photos whose outlines do not show: the faces of a pas foto's size on it
    and the way up they tell, the photo's size and backdrop left for a person (``found``
    false: every finding unsure); None when no such face is on the page."""
    small, f = downscale(rgb, FACE_LOOK_SIDE)
    px_mm = dpi / MM_PER_INCH * f
    for turn in (0, 2, 1, 3):
        faces, _ = find_faces(np.ascontiguousarray(np.rot90(small, turn)),
                              min_face_px=max(20, int(FACE_MM[0] * px_mm)), neighbours=4,
                              scale_factor=1.05)
        if any(face[2] <= FACE_MM[1] * px_mm for face in faces):
            # copies of one photo or one photo of several people: the outline would tell
            return PasFotoReading(found=False, faces=1, color=color_stats(rgb)[0],
                                  upright_angle=90.0 * turn)
    return None


def _background_spread(photo: np.ndarray) -> float:
    """How far the backdrop strays from one colour over the two top corners of the photo.

    The 90th percentile of each pixel's distance (largest channel) from the corners'
    pooled median colour: two corners of different colour (a room, a curtain edge) count
    as spread, while a sliver of paper left by the crop or scanner specks do not.
    """
    h, w = photo.shape[:2]
    y0, y1 = int(h * 0.05), int(h * 0.17)
    xa, xb = int(w * 0.05), int(w * 0.19)
    corners = [photo[y0:y1, xa:xb], photo[y0:y1, w - xb:w - xa]]
    pixels = np.concatenate([c.reshape(-1, 3).astype(np.float32) for c in corners])
    if not pixels.size:
        return 0.0
    distance = np.abs(pixels - np.median(pixels, axis=0)).max(axis=1)
    return float(np.percentile(distance, 90))


def analyse_photo(photo: np.ndarray) -> PasFotoReading:
    """Check one photo already cut out (RGB), whichever way up it lies.

    A page with little text may reach us upside down or a quarter turned, so the photo
    is read as it lies and turned (round, or a quarter either way when it lies landscape)
    and the way where the face detector is surer wins (then the backdrop is judged in the
    right corners, and a photo that is landscape with its face upright stays landscape).
    """
    h, w = photo.shape[:2]
    turns = (0, 1, 3) if w > h * LANDSCAPE else (0, 2)
    best, best_weight = None, -1.0
    for turn in turns:
        reading, weight = _analyse_one(np.ascontiguousarray(np.rot90(photo, turn)))
        reading.turned = turn != 0
        reading.upright_angle = 90.0 * turn if reading.faces == 1 else None
        if weight > best_weight:
            best, best_weight = reading, weight
    return best


def _analyse_one(photo: np.ndarray) -> tuple[PasFotoReading, float]:
    """Check one photo already cut out (RGB, upright); also the face detector's score."""
    h, w = photo.shape[:2]
    scale = FACE_WORK_HEIGHT / h
    work = cv2.resize(photo, None, fx=scale, fy=scale,
                      interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    faces, weight = find_faces(work, min_face_px=int(FACE_WORK_HEIGHT * 0.14), neighbours=4,
                               scale_factor=1.05)
    spread = _background_spread(work)
    reading = PasFotoReading(found=True, aspect=round(w / h, 3),
                             aspect_ok=ASPECT_RANGE[0] <= w / h <= ASPECT_RANGE[1],
                             faces=len(faces), plain_background=spread <= BACKGROUND_MAX_SPREAD,
                             color=color_stats(photo, np.ones(photo.shape[:2], bool),
                                               min_share=PHOTO_COLOR_SHARE)[0],
                             background_spread=round(spread, 2))
    return reading, weight


def _upright_size(corners: np.ndarray) -> tuple[float, float]:
    """(width, height) of a photo as it lies on the page, from its ordered corners."""
    tl, tr, _br, bl = corners
    return float(np.linalg.norm(tr - tl)), float(np.linalg.norm(bl - tl))


def check_pas_foto(img, *, dpi: float | None = None,
                   quads: list[Quad] | None = None) -> PasFotoReading:
    """Find the pas foto on a page (or take the image as the photo) and check it;
    ``quads``: the page's :func:`photo_quads` when already found."""
    rgb = to_rgb(img)
    if is_whole_photo(rgb):
        reading = analyse_photo(rgb)
        reading.copies = 1
        return reading
    dpi = dpi or estimate_dpi(rgb.shape)
    if quads is None:
        quads = photo_quads(rgb, dpi)
    readings = []
    boxes = [quad_box(quad) for quad in quads]
    for quad in quads:
        corners, photo = _cut_out(rgb, quad)
        reading = analyse_photo(photo)
        if reading.upright_angle is not None:
            reading.upright_angle = (upright_angle(corners) + reading.upright_angle) % 360.0
        w_px, h_px = _upright_size(corners)
        reading.size_mm = (round(w_px / dpi * MM_PER_INCH, 1), round(h_px / dpi * MM_PER_INCH, 1))
        readings.append(reading)
        if reading.faces:
            break  # the first copy with a face is the one judged; the rest are only counted
    with_face = [r for r in readings if r.faces]
    if not readings:
        return PasFotoReading(found=False, color=color_stats(rgb)[0])
    best = (with_face or readings)[0]
    best.copies, best.boxes = len(quads), boxes
    return best


def quad_box(quad: Quad) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) around a photo found on the page."""
    xs, ys = quad.corners[:, 0], quad.corners[:, 1]
    return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


def holder_name(img, *, dpi: float | None = None) -> tuple[str, float] | None:
    """(name, confidence) written or typed under the photos of an upright pas foto sheet,
    when both text models read its line alike, letters only; None otherwise."""
    rgb = to_rgb(img)
    dpi = dpi or estimate_dpi(rgb.shape)
    boxes = [quad_box(quad) for quad in photo_quads(rgb, dpi)]
    if not boxes:
        return None
    px_mm = dpi / MM_PER_INCH
    bottom = max(box[3] for box in boxes)
    top, end = round(bottom + NAME_BAND_MM[0] * px_mm), round(bottom + NAME_BAND_MM[1] * px_mm)
    band = cv2.cvtColor(np.ascontiguousarray(rgb[top:end]), cv2.COLOR_RGB2GRAY)
    if band.size == 0:
        return None
    readings = []
    for lang in NAME_MODELS:
        text, confidence = tesseract.ocr_text(band, psm=6, lang=lang)
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        if len(lines) != 1 or not NAME_LINE.fullmatch(lines[0]):
            return None
        readings.append((lines[0], confidence))
    (name, first), (other, second) = readings
    if name.upper() != other.upper():
        return None
    return name, round(min(first, second), 3)
