"""Marks an applicant makes in empty boxes: checkbox ticks and signatures.

Crops are greyscale uint8 arrays of a registered box (border included, as the
template drew it). Box interiors carry no printed ink by template design, so
dark pixels well inside the box are the applicant's. Crops may be shifted by a
pixel or two, so the border is cut off with an inset and any remaining
border-like line (a row or column that is nearly all ink) is ignored.
"""
from __future__ import annotations

import cv2
import numpy as np

from ocr.findings import Finding

CHECKBOX_INSET = 0.18        # fraction of each side dropped (border line, shift)
CHECKBOX_MIN_INK = 0.035     # ink fraction of the interior that makes a tick
SIGNATURE_INSET_MM = 1.2     # border line plus a shifted scan
SPECKLE_MM = 0.35            # components smaller than this square are noise
STROKE_MIN_MM = 4.0          # a signature has at least one stroke this long
STAMP_MIN_DIAMETER_MM = 14.0
MM_PER_INCH = 25.4


def as_grey(img) -> np.ndarray:
    """uint8 greyscale array from a PIL image or a grey/RGB array."""
    arr = np.asarray(img)
    if arr.ndim == 3:
        arr = cv2.cvtColor(arr[:, :, :3].astype(np.uint8), cv2.COLOR_RGB2GRAY)
    return arr.astype(np.uint8, copy=False)


def ink_mask(grey: np.ndarray) -> np.ndarray:
    """Boolean mask of ink: clearly darker than the paper around it.

    The paper level is a high percentile of the crop, so dark scans and JPEG noise
    move the threshold with the paper instead of flooding the mask.
    """
    if grey.size == 0:
        return np.zeros(grey.shape, bool)
    paper = float(np.percentile(grey, 90))
    threshold = min(paper - 45.0, paper * 0.66)
    return grey < max(threshold, 20.0)


def drop_border_lines(mask: np.ndarray, fill: float = 0.7) -> np.ndarray:
    """Clear rows and columns that are nearly all ink (a border line left by a shift)."""
    mask = mask.copy()
    if mask.size == 0:
        return mask
    rows = mask.mean(axis=1) >= fill
    cols = mask.mean(axis=0) >= fill
    for idx in np.flatnonzero(rows):
        mask[max(idx - 1, 0):idx + 2, :] = False
    for idx in np.flatnonzero(cols):
        mask[:, max(idx - 1, 0):idx + 2] = False
    return mask


def _inset(arr: np.ndarray, dy: int, dx: int) -> np.ndarray:
    h, w = arr.shape[:2]
    dy, dx = min(dy, h // 3), min(dx, w // 3)
    return arr[dy:h - dy, dx:w - dx]


def remove_speckle(mask: np.ndarray, min_area: int) -> np.ndarray:
    """Keep only 8-connected components of at least ``min_area`` pixels."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), 8)
    keep = np.zeros(count, bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] >= min_area
    return keep[labels]


def read_checkbox(crop) -> tuple[bool, float]:
    """(ticked, confidence) from the ink ratio of the box interior."""
    grey = as_grey(crop)
    h, w = grey.shape
    interior = _inset(grey, round(h * CHECKBOX_INSET), round(w * CHECKBOX_INSET))
    mask = drop_border_lines(ink_mask(interior))
    side = max(min(interior.shape), 1)
    mask = remove_speckle(mask, max(3, round((side * 0.06) ** 2)))
    ratio = float(mask.mean()) if mask.size else 0.0
    ticked = bool(ratio >= CHECKBOX_MIN_INK)
    # Distance from the threshold, in units of the threshold, mapped to 0.5..1.
    margin = abs(ratio - CHECKBOX_MIN_INK) / CHECKBOX_MIN_INK
    return ticked, round(min(1.0, 0.5 + 0.5 * min(margin, 1.0)), 3)


def _fit_circle(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float]:
    """Least-squares (Kasa) circle through points: centre x, centre y, radius."""
    a = np.column_stack([xs, ys, np.ones_like(xs)])
    b = xs ** 2 + ys ** 2
    (c0, c1, c2), *_ = np.linalg.lstsq(a, b, rcond=None)
    cx, cy = c0 / 2, c1 / 2
    return float(cx), float(cy), float(np.sqrt(max(c2 + cx ** 2 + cy ** 2, 0.0)))


def _ring(xs: np.ndarray, ys: np.ndarray, px_per_mm: float):
    """(cx, cy, r, inlier mask) when the points lie mostly on one circular arc, else None."""
    band = 1.2 * px_per_mm
    inliers = np.ones(xs.shape, bool)
    for _ in range(3):  # refit on inliers: lettering or a stroke touching the ring
        if inliers.sum() < 20:
            return None
        cx, cy, r = _fit_circle(xs[inliers], ys[inliers])
        inliers = np.abs(np.hypot(xs - cx, ys - cy) - r) <= band
    radius_mm = r / px_per_mm
    if not STAMP_MIN_DIAMETER_MM / 2 <= radius_mm <= 30 or inliers.mean() < 0.5:
        return None
    angles = np.arctan2(ys[inliers] - cy, xs[inliers] - cx)
    covered = np.unique(((angles + np.pi) / (2 * np.pi) * 36).astype(int) % 36).size
    # A ring clipped by the box shows as arcs: shorter arcs must fit the circle tightly.
    if covered < 6 or (covered < 10 and inliers.mean() < 0.95) or \
            (covered < 15 and inliers.mean() < 0.85):
        return None
    return cx, cy, r, inliers


def _remove_stamp_rings(mask: np.ndarray, px_per_mm: float) -> tuple[np.ndarray, np.ndarray]:
    """(mask without ring pixels, mask of the discs inside the rings)."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), 8)
    out = mask.copy()
    disc = np.zeros(mask.shape, bool)
    yy, xx = np.mgrid[0:mask.shape[0], 0:mask.shape[1]]
    circles = []
    for i in range(1, count):
        if max(stats[i, 2], stats[i, 3]) < STAMP_MIN_DIAMETER_MM / 2 * px_per_mm:
            continue
        ys, xs = np.nonzero(labels == i)
        found = _ring(xs.astype(float), ys.astype(float), px_per_mm)
        if found is None:
            continue
        cx, cy, r, inliers = found
        out[ys[inliers], xs[inliers]] = False
        disc |= np.hypot(xx - cx, yy - cy) <= r
        circles.append((cx, cy, r))
    # Short pieces of a found ring (cut by the crop edge) go too.
    band = 1.2 * px_per_mm
    for cx, cy, r in circles:
        out &= ~(np.abs(np.hypot(xx - cx, yy - cy) - r) <= band)
    return out, disc


def signature_evidence(crop, *, dpi: int = 200) -> dict:
    """Measurements behind :func:`read_signature` (for tuning and review)."""
    grey = as_grey(crop)
    px_per_mm = dpi / MM_PER_INCH
    inset = round(SIGNATURE_INSET_MM * px_per_mm)
    mask = drop_border_lines(ink_mask(_inset(grey, inset, inset)))
    speckle = max(4, round((SPECKLE_MM * px_per_mm) ** 2))
    mask = remove_speckle(mask, speckle)
    strokes, disc = _remove_stamp_rings(mask, px_per_mm)
    strokes = remove_speckle(strokes, speckle * 4)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(strokes.astype(np.uint8), 8)
    longest = 0.0
    for i in range(1, count):
        x, y, w, h, _area = stats[i]
        extent = max(w, h) / px_per_mm
        if disc.any() and extent < 3 * STROKE_MIN_MM:
            comp = labels[y:y + h, x:x + w] == i
            if disc[y:y + h, x:x + w][comp].mean() > 0.9:
                continue  # the stamp's own lettering or emblem
        longest = max(longest, extent)
    return {"longest_mm": round(float(longest), 2), "stamp": bool(disc.any()),
            "ink": round(float(strokes.mean()), 4) if strokes.size else 0.0}


def read_signature(crop, *, dpi: int = 200) -> tuple[bool, float]:
    """(signed, confidence): stroke components of meaningful size, not speckle or a stamp alone."""
    ev = signature_evidence(crop, dpi=dpi)
    longest = ev["longest_mm"]
    signed = bool(longest >= STROKE_MIN_MM)
    if signed:
        confidence = 0.6 + 0.4 * min(1.0, (longest - STROKE_MIN_MM) / STROKE_MIN_MM)
    else:
        confidence = 0.6 + 0.4 * min(1.0, (STROKE_MIN_MM - longest) / STROKE_MIN_MM)
    return signed, round(confidence, 3)


def checkbox_finding(name: str, crop) -> Finding:
    ticked, confidence = read_checkbox(crop)
    return Finding("checkbox", name, ticked, confidence)


def signature_finding(name: str, crop, *, dpi: int = 200) -> Finding:
    signed, confidence = read_signature(crop, dpi=dpi)
    return Finding("signature", name, signed, confidence)
