"""How strongly a card is coloured, how much lamination glare veils its print, and which
pixels show no colour of the card's background.

Most KTP-el cards are printed on a pale tint; some on a strong, saturated gradient
(magenta to teal, green to amber). On those the brightest channel is no measure of the
print, and a glare patch shows as background lighter than the gradient around it, so
the cleaning undoes the veil there before it measures the print. Nor is the photo the
only strongly coloured thing on such a card: it is told by colours the gradient does not
take (:func:`off_background`).
"""
from __future__ import annotations

import cv2
import numpy as np

PALE_CHROMA = 55        # median chroma (max - min channel) of a pale tinted card
STRONG_CHROMA = 75      # ... and of a card printed on a strong, saturated colour
SAMPLE_STEP = 4         # the chroma is measured on every this-many'th pixel
VEIL_WHITE = 250.0      # the lamination's glare: a veil of this grey over the print
VEIL_SLACK = 6.0        # background this much lighter than the field is not yet glare
MAX_VEIL = 0.75         # the strongest veil undone (beyond it the print is gone)
VEIL_BLUR_MM = 0.5
VEIL_OPEN_MM = 18.0     # wider than a glare patch is high
VEIL_PX_PER_MM = 2      # the veil is measured at this resolution
CURVE_BINS = 12         # pieces of the background's path through colour space
EDGE_MM = 1.2           # the card's own edge, left out of the background's sample
# Where the background is sampled (card mm): the strips along the top and the bottom and
# the field block's middle between them, clear of the photo on either side, together
# reaching all four corners (where a gradient's two ends lie) and all between.
SAMPLE_ROWS_MM = (9.0, 44.0)        # above the first and below the second
SAMPLE_COLS_MM = (25.0, 60.0)       # between these


def strong_share(card_rgb: np.ndarray) -> float:
    """0 for a pale card (or a grey copy), 1 for one printed on a strong colour, between
    the two a share."""
    if card_rgb.ndim != 3:
        return 0.0
    sample = card_rgb[::SAMPLE_STEP, ::SAMPLE_STEP]
    chroma = float(np.median(sample.max(axis=2) - sample.min(axis=2)))
    return min(1.0, max(0.0, (chroma - PALE_CHROMA) / (STRONG_CHROMA - PALE_CHROMA)))


def glare_veil(background: np.ndarray, px_per_mm: float) -> np.ndarray:
    """How much (0-1) of a white glare veil lies over each pixel of a strongly coloured
    card, from its local background (``background``: the grey the print is measured in,
    print closed away): where that is lighter than the background around it (an opening
    wider than a glare patch, which keeps a gradient as it is). A veil ``a`` turns a grey
    ``g`` into ``(1 - a) g + a VEIL_WHITE``, print and background alike."""
    step = max(1, round(px_per_mm / VEIL_PX_PER_MM))
    small = background[::step, ::step].astype(np.float32)
    size = round(VEIL_OPEN_MM * px_per_mm / step) | 1
    disk = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    field = cv2.morphologyEx(cv2.copyMakeBorder(small, size, size, size, size,
                                                cv2.BORDER_REFLECT), cv2.MORPH_OPEN, disk)
    field = field[size:-size, size:-size]
    veil = np.clip((small - field - VEIL_SLACK) / np.maximum(VEIL_WHITE - field, 1.0),
                   0.0, MAX_VEIL)
    veil = cv2.resize(veil, background.shape[::-1], interpolation=cv2.INTER_LINEAR)
    return cv2.GaussianBlur(veil, (0, 0), VEIL_BLUR_MM * px_per_mm).astype(np.float32)


def off_background(card_rgb: np.ndarray, px_per_mm: float) -> np.ndarray:
    """How far (RGB distance) each pixel's colour lies from the colours the card's
    background takes: a path through colour space along their main direction (the
    gradient from one colour to another, as the copier bent it), in pieces each the
    median colour of the background pixels that project onto it. The path is sampled
    where no photo stands, and only the lighter three quarters of those pixels (print
    left out); a colour beyond either end is measured from that end."""
    h, w = card_rgb.shape[:2]
    px = card_rgb.reshape(-1, 3).astype(np.float32)
    where = np.zeros((h, w), bool)
    where[:round(SAMPLE_ROWS_MM[0] * px_per_mm)] = True
    where[round(SAMPLE_ROWS_MM[1] * px_per_mm):] = True
    where[:, round(SAMPLE_COLS_MM[0] * px_per_mm):round(SAMPLE_COLS_MM[1] * px_per_mm)] = True
    edge = max(1, round(EDGE_MM * px_per_mm))
    where[:edge] = where[-edge:] = False
    where[:, :edge] = where[:, -edge:] = False
    sample = px[where.ravel()]
    sample = sample[sample.sum(axis=1) > np.percentile(sample.sum(axis=1), 25)]
    mean = sample.mean(axis=0)
    direction = np.linalg.svd(sample - mean, full_matrices=False)[2][0]
    along = (sample - mean) @ direction
    cuts = np.percentile(along, np.linspace(1, 99, CURVE_BINS + 1))
    piece = np.clip(np.searchsorted(cuts, along) - 1, 0, CURVE_BINS - 1)
    used = [b for b in range(CURVE_BINS) if (piece == b).any()]
    centres = np.array([np.median(along[piece == b]) for b in used])
    colours = np.array([np.median(sample[piece == b], axis=0) for b in used])
    t = (px - mean) @ direction
    path = np.stack([np.interp(t, centres, colours[:, c]) for c in range(3)], axis=1)
    return np.linalg.norm(px - path, axis=1).reshape(h, w)
