"""Is there a materai (duty stamp) in the materai box?

A Rp10.000 sticker is a mostly pink, finely printed rectangle: on a colour scan a
pink/magenta patch of sticker size; on a greyscale scan a mid-grey textured
patch that a blank box (white) or a signature (thin dark strokes) does not make.
An e-Meterai carries a QR code. Signature ink over a sticker is normal.
"""
from __future__ import annotations

import cv2
import numpy as np
import zxingcpp

from ocr.findings import Finding
from ocr.marks import as_grey

MIN_PATCH_FRACTION = 0.12    # of the box area
MIN_PATCH_SIDE = 0.25        # of the box's shorter side, for both sides of the patch
MIN_TEXTURE_STD = 6.0        # grey levels: local variation inside a printed patch


def _as_rgb(img) -> np.ndarray:
    arr = np.asarray(img)
    if arr.ndim == 2:
        return np.repeat(arr[:, :, None], 3, axis=2).astype(np.uint8)
    return arr[:, :, :3].astype(np.uint8)


def _largest_patch(mask: np.ndarray, close_px: int) -> tuple[np.ndarray, float, tuple[int, int]]:
    """Close gaps (texture, ink over it), drop thin strokes; return (blob, area fraction, size)."""
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (close_px, close_px))
    m = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, k)
    m = cv2.morphologyEx(m, cv2.MORPH_OPEN, k)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(m, 8)
    if count <= 1:
        return np.zeros(mask.shape, bool), 0.0, (0, 0)
    best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    blob = labels == best
    return blob, float(blob.mean()), (int(stats[best, 2]), int(stats[best, 3]))


def _sticker_sized(fraction: float, size: tuple[int, int], shape: tuple[int, int]) -> bool:
    side = min(shape) * MIN_PATCH_SIDE
    return fraction >= MIN_PATCH_FRACTION and min(size) >= side


def pink_evidence(rgb: np.ndarray) -> tuple[float, tuple[int, int]]:
    """Area fraction and size of the largest pink/magenta patch."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    h, s, v = hsv[:, :, 0], hsv[:, :, 1], hsv[:, :, 2]
    pink = ((h >= 140) | (h <= 6)) & (s >= 45) & (v >= 90)
    close = max(3, min(rgb.shape[:2]) // 25)
    _, fraction, size = _largest_patch(pink, close)
    return fraction, size


def texture_evidence(grey: np.ndarray) -> tuple[float, tuple[int, int], float]:
    """Largest mid-grey textured patch: (area fraction, size, mean local std inside)."""
    paper = float(np.percentile(grey, 97))
    blur = cv2.blur(grey.astype(np.float32), (5, 5))
    mid = (blur < paper - 22) & (blur > 60)
    close = max(3, min(grey.shape) // 25)
    blob, fraction, size = _largest_patch(mid, close)
    if not blob.any():
        return 0.0, (0, 0), 0.0
    g = grey.astype(np.float32)
    local_std = np.sqrt(np.maximum(cv2.blur(g * g, (5, 5)) - cv2.blur(g, (5, 5)) ** 2, 0))
    # Within the blob the fill must itself be mid-grey (not a halo around dark strokes).
    filled = float(mid[blob].mean())
    return fraction * filled, size, float(local_std[blob].mean())


def find_qr(grey: np.ndarray) -> bool:
    """A QR code in the box: decoded by zxing-cpp, or (a signature across it spoils the
    decoding) one of its three finder patterns, which nothing else in the box draws."""
    for scale in (1.0, 2.0):
        img = grey if scale == 1.0 else cv2.resize(grey, None, fx=scale, fy=scale,
                                                   interpolation=cv2.INTER_CUBIC)
        if zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode):
            return True
    return finder_patterns(grey) >= 1


def finder_patterns(grey: np.ndarray) -> int:
    """QR finder patterns: a dark square ring around a light ring around a dark square
    (1:1:3:1:1), found as three nested square contours with the right area ratios."""
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    contours, hierarchy = cv2.findContours(binary, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return 0
    hierarchy = hierarchy[0]

    def square(i: int) -> float:
        x, y, w, h = cv2.boundingRect(contours[i])
        area = cv2.contourArea(contours[i])
        if w < 6 or h < 6 or not 0.75 <= w / h <= 1.33 or area < 0.7 * w * h:
            return 0.0
        return float(area)

    found = []
    for i in range(len(contours)):
        outer = square(i)
        child = hierarchy[i][2]
        if not outer or child < 0:
            continue
        grandchild = hierarchy[child][2]
        if grandchild < 0:
            continue
        inner = square(grandchild)
        # Outer 7x7 modules, inner 3x3: area ratio 49/9 = 5.4.
        if inner and 3.0 <= outer / inner <= 9.0:
            x, y, w, h = cv2.boundingRect(contours[i])
            centre = (x + w / 2, y + h / 2)
            if all(abs(centre[0] - c[0]) > w / 2 or abs(centre[1] - c[1]) > h / 2
                   for c in found):
                found.append(centre)
    return len(found)


def read_materai(crop_rgb, *, is_color_scan: bool) -> tuple[bool, str | None, float]:
    """(present, kind: "sticker" | "texture" | "e-meterai" | None, confidence)."""
    rgb = _as_rgb(crop_rgb)
    grey = as_grey(rgb)
    if min(grey.shape) < 8:
        return False, None, 0.5
    if find_qr(grey):
        return True, "e-meterai", 0.95
    if is_color_scan:
        fraction, size = pink_evidence(rgb)
        if _sticker_sized(fraction, size, grey.shape):
            return True, "sticker", round(min(1.0, 0.7 + fraction), 3)
    else:
        fraction, size, std = texture_evidence(grey)
        if _sticker_sized(fraction, size, grey.shape) and std >= MIN_TEXTURE_STD:
            return True, "texture", round(min(0.95, 0.6 + fraction * 0.5 + std / 100), 3)
    return False, None, round(max(0.5, 1.0 - fraction / MIN_PATCH_FRACTION * 0.5), 3)


def materai_finding(crop_rgb, *, is_color_scan: bool) -> Finding:
    present, kind, confidence = read_materai(crop_rgb, is_color_scan=is_color_scan)
    return Finding("materai", "materai", present, confidence, note=kind)
