"""A page or a card photographed with a phone: on a table, in perspective, unevenly lit.

``photograph`` lays a document image (a rendered page at a known dpi, or a card) on a
table, looks at it through a pinhole camera tilted up to ``MAX_TILT`` degrees, lights it
with a gradient and a soft shadow, blurs it a little, adds sensor noise and writes an
8 or 12 megapixel JPEG whose pixels are stored as the sensor holds them, with the EXIF
Orientation tag that turns them the way the photographer saw them, and the 72 dpi that
phones write.
"""
from __future__ import annotations

import io
import math
import random

import cv2
import numpy as np
from PIL import Image

# Sensor sizes (landscape) of 8 and 12 megapixel phone cameras.
SENSORS = ((3264, 2448), (4032, 3024))
MAX_TILT = 25.0                 # degrees between the camera's axis and the document's normal
FOCAL_OF_DIAGONAL = 0.85        # focal length / sensor diagonal (a phone's ~26 mm lens)
TABLES = ((122, 84, 52), (92, 70, 55), (70, 72, 78), (150, 140, 125), (45, 45, 50))
PHONE_DPI = 72
# EXIF orientation -> how the stored pixels are turned from what the photographer saw
# (``exif_transpose`` undoes it): 1 as seen, 6 sensor held upright (turned a quarter),
# 8 the other way, 3 upside down.
ORIENTATIONS = {1: None, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270,
                3: Image.Transpose.ROTATE_180}
EXIF_ORIENTATION_TAG = 0x0112


def photograph(document: Image.Image, rng: random.Random, *, cover=(0.7, 0.92),
               max_tilt: float = MAX_TILT, shadow: float = 0.6) -> tuple[bytes, dict]:
    """A phone's JPEG of ``document`` and what was done: ``{"orientation", "tilt",
    "sensor", "corners"}`` (``corners``: the document's corners as the photographer saw
    them, top-left, top-right, bottom-right, bottom-left of the document image).

    ``cover``: how far towards the frame's edge (from its centre) the document's farthest
    corner reaches; ``shadow``:
    the chance of a shadow across it.
    """
    doc = np.asarray(document.convert("RGB"))
    dh, dw = doc.shape[:2]
    sensor = rng.choice(SENSORS)
    portrait = dh >= dw
    view_w, view_h = (sensor[1], sensor[0]) if portrait else sensor
    corners, tilt = projected_corners(dw, dh, view_w, view_h, rng, cover, max_tilt)
    scene = _table((view_h, view_w), rng)
    src = np.array([[0, 0], [dw - 1, 0], [dw - 1, dh - 1], [0, dh - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    shrink = dh / max(np.linalg.norm(corners[3] - corners[0]), 1.0)
    if shrink > 1.5:  # anti-alias before a strong reduction
        doc = cv2.GaussianBlur(doc, (0, 0), 0.45 * shrink)
    warped = cv2.warpPerspective(doc, matrix, (view_w, view_h), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full((dh, dw), 255, np.uint8), matrix, (view_w, view_h),
                               flags=cv2.INTER_LINEAR)
    alpha = (mask.astype(np.float32) / 255.0)[:, :, None]
    scene = scene * (1 - alpha) + warped.astype(np.float32) * alpha
    light = _light(view_h // 8, view_w // 8, rng)
    if rng.random() < shadow:
        light *= _shadow(view_h // 8, view_w // 8, rng)
    light = cv2.resize(light, (view_w, view_h), interpolation=cv2.INTER_LINEAR)
    scene *= light[:, :, None] * _tint(rng)
    pixels = np.clip(scene, 0, 255).astype(np.uint8)
    pixels = cv2.GaussianBlur(pixels, (0, 0), rng.uniform(0.7, 1.6))
    cv2.setRNGSeed(rng.randrange(2**31))
    noise = np.empty(pixels.shape, np.int16)
    cv2.randn(noise, 0, rng.uniform(1.5, 4.0))
    pixels = cv2.add(pixels.astype(np.int16), noise, dtype=cv2.CV_16S)
    view = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    orientation = rng.choice([6, 6, 6, 1, 1, 8, 3]) if portrait else rng.choice([1, 1, 1, 3, 6])
    turn = ORIENTATIONS[orientation]
    stored = view if turn is None else view.transpose(turn)
    exif = Image.Exif()
    exif[EXIF_ORIENTATION_TAG] = orientation
    buf = io.BytesIO()
    stored.save(buf, "JPEG", quality=rng.randint(84, 93), exif=exif.tobytes(),
                dpi=(PHONE_DPI, PHONE_DPI))
    truth = {"orientation": orientation, "tilt": round(tilt, 1), "sensor": list(sensor),
             "corners": [[round(float(x), 1), round(float(y), 1)] for x, y in corners]}
    return buf.getvalue(), truth


def projected_corners(dw: int, dh: int, view_w: int, view_h: int, rng: random.Random,
                      cover=(0.7, 0.92), max_tilt: float = MAX_TILT) -> tuple[np.ndarray, float]:
    """Where a pinhole camera tilted up to ``max_tilt`` sees the document's corners, scaled
    and moved so the document spans ``cover`` of the frame; and the tilt in degrees."""
    tilt = rng.uniform(0.3, 1.0) * max_tilt
    direction = rng.uniform(0, 2 * math.pi)
    ax, ay = math.radians(tilt) * math.cos(direction), math.radians(tilt) * math.sin(direction)
    spin = math.radians(rng.gauss(0, 4))
    rotation = _rot_z(spin) @ _rot_y(ay) @ _rot_x(ax)
    half_w, half_h = dw / 2, dh / 2
    flat = np.array([[-half_w, -half_h, 0], [half_w, -half_h, 0], [half_w, half_h, 0],
                     [-half_w, half_h, 0]], np.float64)
    focal = FOCAL_OF_DIAGONAL * math.hypot(view_w, view_h)
    distance = focal * 1.2 * max(dw / view_w, dh / view_h)
    # Off the camera's axis by moving the document, not the picture: the lens's centre
    # stays at the frame's centre, as in a real photo.
    shift = np.array([rng.uniform(-0.1, 0.1) * dw, rng.uniform(-0.1, 0.1) * dh, distance])
    points = flat @ rotation.T + shift
    projected = focal * points[:, :2] / points[:, 2:3]
    # Nearer or farther (or zoomed): a scale about the frame's centre.
    reach = np.abs(projected).max(axis=0)
    scale = rng.uniform(*cover) * min(view_w / 2 / reach[0], view_h / 2 / reach[1])
    return projected * scale + np.array([view_w / 2, view_h / 2]), tilt


def _rot_x(a: float) -> np.ndarray:
    return np.array([[1, 0, 0], [0, math.cos(a), -math.sin(a)], [0, math.sin(a), math.cos(a)]])


def _rot_y(a: float) -> np.ndarray:
    return np.array([[math.cos(a), 0, math.sin(a)], [0, 1, 0], [-math.sin(a), 0, math.cos(a)]])


def _rot_z(a: float) -> np.ndarray:
    return np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]])


def _table(shape: tuple[int, int], rng: random.Random) -> np.ndarray:
    """A table top: a plain colour with a soft, coarse grain."""
    h, w = shape
    base = np.array(rng.choice(TABLES), np.float32)
    grain_rng = np.random.default_rng(rng.randrange(2**32))
    coarse = grain_rng.normal(0, 1, (max(2, h // 64), max(2, w // 8))).astype(np.float32)
    grain = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    return base[None, None, :] * (1 + 0.06 * grain[:, :, None])


def _light(h: int, w: int, rng: random.Random) -> np.ndarray:
    """Light falling off across the frame (a lamp or window to one side) and to the corners."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = rng.uniform(0, 2 * math.pi)
    ramp = ((xx / w - 0.5) * math.cos(a) + (yy / h - 0.5) * math.sin(a))
    strength = rng.uniform(0.15, 0.4)
    vignette = ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2) * rng.uniform(0.2, 0.5)
    return np.clip(rng.uniform(0.92, 1.05) + strength * ramp - vignette, 0.45, 1.1)


def _tint(rng: random.Random) -> np.ndarray:
    """Warm lamp light or cool daylight."""
    warm = rng.uniform(-0.06, 0.08)
    return np.array([1 + warm / 2, 1.0, 1 - warm], np.float32)


def _shadow(h: int, w: int, rng: random.Random) -> np.ndarray:
    """A soft shadow (the phone's or a hand's) reaching in from one edge of the frame."""
    mask = np.zeros((h, w), np.float32)
    edge = rng.randrange(4)
    depth = rng.uniform(0.2, 0.45)
    if edge in (0, 2):  # top or bottom
        y = depth * h if edge == 0 else (1 - depth) * h
        x0, x1 = sorted(rng.uniform(0, w) for _ in range(2))
        x1 = max(x1, x0 + 0.3 * w)
        far = 0 if edge == 0 else h
        pts = [(x0, far), (x1, far), (x1 - rng.uniform(0, 0.1) * w, y), (x0 + 0.05 * w, y)]
    else:
        x = depth * w if edge == 3 else (1 - depth) * w
        y0, y1 = sorted(rng.uniform(0, h) for _ in range(2))
        y1 = max(y1, y0 + 0.3 * h)
        far = 0 if edge == 3 else w
        pts = [(far, y0), (far, y1), (x, y1 - rng.uniform(0, 0.1) * h), (x, y0 + 0.05 * h)]
    cv2.fillPoly(mask, [np.array(pts, np.int32)], 1.0)
    mask = cv2.GaussianBlur(mask, (0, 0), rng.uniform(0.01, 0.03) * max(h, w))
    return 1 - rng.uniform(0.2, 0.4) * mask
