"""The card's print without its security background: fine lines, gradients and colour.

The text of a KTP-el is dark and neutral; the background is pale and tinted, its fine
lines a little darker than their surroundings. Three steps, all OpenCV:
the brightest channel per pixel (a pale blue or green line is bright in one of them,
toner is dark in all; on a card printed on a strong, saturated colour the lightness
instead, :mod:`ocr.ktp.colour`; in and next to a dark coloured ink, which is bright in
its own channel, the lightness); division by the local background (a closing wider than
a stroke, so gradients and lamination haze level out; on a strongly coloured card a
glare patch's white veil is lifted off first); a threshold between the print and
the background's remains (Otsu on the dark pixels) that also leaves out a pixel lighter
than the middle of its neighbourhood (the gap between two strokes a copier's toner has
darkened), after which the long thin fragments of lines that survive are dropped by
their shape (letters a fine line joins into one wide component are cut apart by an
opening and kept). The NIK's heavy digits get a cut of their own, nearer the ink.
"""
from __future__ import annotations

import math

import cv2
import numpy as np

from ocr.imaging import grey_percentiles
from ocr.ktp.cards import PX_PER_MM, Card, mm
from ocr.ktp.colour import VEIL_WHITE, glare_veil, strong_share
from ocr.ktp.streaks import lift_streaks

BACKGROUND_MM = 1.2          # closing size: wider than any stroke of the field text
MAX_GLYPH_MM = (9.0, 6.5)    # a component wider or taller than this is not a letter
MIN_GLYPH_PX = 6
NEAR_PRINT_PX = 2             # grey kept this close to the print in the masked rendering
SHARE = (0.3, 0.55)          # bounds of the ink cut, from the ink level to the paper
LOCAL_PX = 7                 # window of the local mid-level (wider than a bold stroke)
DIGITS_TOWARD_INK = 0.7      # the NIK's cut: this share of the way from the ink to Otsu's
DIGITS_FLOOR = 0.2
PALE_FROM_MM = 13.0           # the field block's top, under the NIK's line
LOCAL_CONTRAST = 64          # below this spread the window lies within one stroke
SPLIT_PX = 3                 # opening that cuts a fine line joining letters (not a stroke)
EDGE_MM = 0.5                # the card's outline: print this near the card's edge is none
OUTLINE_SHARE = 0.5          # ... a line along it inked for this share of the side
MIN_PIECE_MM = 0.9           # a piece cut from a joined component this tall may be a letter
DARK_INK_LUMA = (70, 140)    # lightness of a coloured ink (the lightness taken) .. of the
                             # darkest pale tint's lines (the brightest channel taken)
INK_CHROMA = (40, 60)        # brightest channel less lightness: near-neutral ink .. coloured
PATTERN_MARK_MM = (2.5, 0.6)  # a security print's dot or dash: at most this wide and tall
PATTERN_ROW_MM = 0.4         # ... on one row (its centre this near)
PATTERN_REACH_MM = 12.0      # ... with this many others of the kind this near along it
PATTERN_MARKS = 8
INK_EDGE_PX = 5              # the darkest lightness this near counts (a stroke's soft edge)


def channels(card_rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the brightest channel, the lightness) of each pixel of a colour card."""
    top = cv2.max(cv2.max(card_rgb[:, :, 0], card_rgb[:, :, 1]), card_rgb[:, :, 2])
    return top, cv2.cvtColor(np.ascontiguousarray(card_rgb), cv2.COLOR_RGB2GRAY)


def brightness(top: np.ndarray, luma: np.ndarray, share: float) -> np.ndarray:
    """The grey the background is removed from, given a colour card's :func:`channels`.

    On a pale card the brightest channel of each pixel: a pale blue or green line is
    bright in one of them, toner is dark in all. On a card printed on a strong colour
    the brightest channel of the background is dark or changes along the gradient, and
    a colour copy's JPEG smears the background's colour into thin strokes (their
    brightest channel lightens): there the lightness a grey copy shows reads better
    (grey copies of such cards read well). Between the two, a blend (``share``: the
    card's :func:`ocr.ktp.colour.strong_share`)."""
    if share == 0.0:
        return top
    return luma if share == 1.0 else cv2.addWeighted(top, 1.0 - share, luma, share, 0.0)


def dark_ink(top: np.ndarray, luma: np.ndarray) -> np.ndarray:
    """How much (0-1) each pixel of a colour card lies in or next to a dark coloured ink:
    darker in lightness than any pale tint's lines, its brightest channel far brighter
    than its lightness. Such an ink (a NIK in dark blue) is bright in its own channel, so
    the brightest channel shows it as pale as a tint; its lightness holds it whole, soft
    edges and all, as a grey copy does. A near-neutral ink is left to the brightest
    channel, which keeps thin pale print (worn labels) above the cut. ``top``, ``luma``:
    the card's :func:`channels`."""
    near = np.ones((INK_EDGE_PX, INK_EDGE_PX), np.uint8)
    dark = luma < DARK_INK_LUMA[1]
    # how far the brightest channel of the dark pixels nearby outshines their lightness
    chroma = cv2.dilate(np.where(dark, cv2.subtract(top, luma), 0).astype(np.uint8), near)
    lightness = cv2.erode(luma, near).astype(np.float32)
    return np.clip((DARK_INK_LUMA[1] - lightness) / (DARK_INK_LUMA[1] - DARK_INK_LUMA[0]),
                   0.0, 1.0) * np.clip((chroma.astype(np.float32) - INK_CHROMA[0])
                                       / (INK_CHROMA[1] - INK_CHROMA[0]), 0.0, 1.0)


def _level(v: np.ndarray, share: float) -> np.ndarray:
    """``v`` divided by its local background (float, paper 255)."""
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (mm(BACKGROUND_MM) | 1,) * 2)
    # closed in the grey's own type (exact, and far quicker on bytes than on floats);
    # blurred to three sigmas a side, where the float default reaches four for nothing
    background = cv2.morphologyEx(v, cv2.MORPH_CLOSE, k).astype(np.float32)
    sigma = mm(0.8)
    background = cv2.GaussianBlur(background, (2 * math.ceil(3 * sigma) + 1,) * 2, sigma)
    v = v.astype(np.float32)
    if share > 0.0:
        # a lamination glare veils print and background alike: lifted off both, the
        # print under it is as dark against its background as elsewhere
        white = share * VEIL_WHITE * glare_veil(background, PX_PER_MM)
        v, background = v - white, np.maximum(background - white, 1.0)
    return v / np.maximum(background, 1.0) * 255.0


def flatten(card_rgb: np.ndarray, share: float | None = None) -> np.ndarray:
    """The card divided by its local background: paper 255 everywhere, print dark; in and
    next to a dark ink (:func:`dark_ink`) the lightness so divided; a copier's drum
    streak lifted off (:func:`ocr.ktp.streaks.lift_streaks`).
    ``share``: the card's :func:`ocr.ktp.colour.strong_share`, when known."""
    share = strong_share(card_rgb) if share is None else share
    if card_rgb.ndim != 3:        # a grey copy: the grey itself
        return lift_streaks(np.clip(_level(card_rgb, share), 0, 255).astype(np.uint8))
    top, luma = channels(card_rgb)
    flat = _level(brightness(top, luma, share), share)
    dark = dark_ink(top, luma) if share < 1.0 else None
    if dark is not None and dark.any():
        flat += dark * (_level(luma, share) - flat)
    return lift_streaks(np.clip(flat, 0, 255).astype(np.uint8))


def ink_cut(flat: np.ndarray, toward_ink: float = 1.0) -> float:
    """The grey level between the print and what is left of the background: Otsu's split
    of the dark pixels, kept between 30 and 55 % of the way from the ink to the paper.
    ``toward_ink`` below 1 moves the cut that share of the way from the ink to the split,
    (floor 20 %) for the heavy NIK digits whose dotted zeros fill in at the split."""
    ink = grey_percentiles(flat, (0.5,))[0]
    dark = flat[flat < 215]
    if dark.size < 100:
        return ink + 0.5 * (255.0 - ink)
    otsu, _ = cv2.threshold(dark.reshape(1, -1), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    floor = SHARE[0] if toward_ink >= 1.0 else DIGITS_FLOOR
    return float(np.clip(ink + toward_ink * (otsu - ink), ink + floor * (255.0 - ink),
                         ink + SHARE[1] * (255.0 - ink)))


def digits_print(flat: np.ndarray, text_right: int | None = None) -> np.ndarray:
    """The print cut nearer the ink (black on white, line fragments dropped): the heavy
    NIK digits keep their bowls and the dots of their zeros apart."""
    cut = ink_cut(flat[:, :text_right], toward_ink=DIGITS_TOWARD_INK)
    return drop_lines(np.where(flat < cut, 0, 255).astype(np.uint8))


def binarise(flat: np.ndarray, text_right: int | None = None, from_row: int = 0
             ) -> np.ndarray:
    """Print black (0) on white (255). The cut is measured left of ``text_right`` (the
    photo's edge: its dark pixels are no print) and below ``from_row`` (see
    :func:`pale_print`). Nothing is bridged: a closing that would mend a copier's light
    streak fills the gaps of small bold letters (F reads P, 5 reads 6); the other
    renderings read across a streak instead."""
    ink = (flat < ink_cut(flat[from_row:, :text_right])).astype(np.uint8)
    # a pixel darker than the cut but lighter than the middle of its neighbourhood is the
    # gap between two strokes that toner and blur have darkened (the arms of an F)
    k = np.ones((LOCAL_PX, LOCAL_PX), np.uint8)
    hi, lo = cv2.dilate(flat, k).astype(np.int16), cv2.erode(flat, k).astype(np.int16)
    ink &= ((flat <= (hi + lo) // 2) | (hi - lo < LOCAL_CONTRAST)).astype(np.uint8)
    return np.where(ink > 0, 0, 255).astype(np.uint8)


def pale_print(flat: np.ndarray, text_right: int | None = None) -> np.ndarray:
    """The print cut from the ink of the field block under the NIK (lines dropped): where
    the fields' print has faded far paler than the NIK's heavy digits, a cut measured
    on the whole card, the NIK's black its ink, leaves most of the labels out."""
    return drop_lines(binarise(flat, text_right, from_row=mm(PALE_FROM_MM)))


def screened_print(flat: np.ndarray, text_right: int | None = None) -> np.ndarray:
    """The print cut at Otsu's split of the whole field block, paper and all (lines
    dropped): letters printed as a screen of fine dots (a stencil duplicator's photo mode,
    a dithered print) blur into a grey far paler than the NIK's solid digits and the
    photo, and every cut measured from that ink (:func:`ink_cut`) leaves them out. A
    second look only: on a card whose print is solid, this cut takes in the background."""
    block = np.ascontiguousarray(flat[:, :text_right])
    cut, _ = cv2.threshold(block, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return drop_lines(np.where(flat < cut, 0, 255).astype(np.uint8))


def _letter_like(stats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per component (rows of connectedComponentsWithStats): whether it may be a letter,
    and whether it is too wide, tall or sparse for one but not a thin line fragment."""
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    area = stats[:, cv2.CC_STAT_AREA]
    fill = area / np.maximum(w * h, 1)
    thin = ((h <= 2) & (w >= mm(1.2))) | ((w <= 2) & (h >= mm(3.5)))
    wide = (w > mm(MAX_GLYPH_MM[0])) | (h > mm(MAX_GLYPH_MM[1]))
    sparse = (fill < 0.12) & (np.maximum(w, h) > mm(2.0))
    keep = ~(thin | wide | sparse | (area < MIN_GLYPH_PX))
    keep[0] = False
    joined = (wide | sparse) & ~thin
    joined[0] = False
    return keep, joined


def _split_joined(part: np.ndarray) -> np.ndarray:
    """The letters in one component too wide to be a letter (``part``: its mask), when a
    fine background line only joins them (at 200 dpi a line is a pixel wide and touches
    the print): an opening cuts the line, and each piece of letter size keeps the
    component's pixels next to it."""
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (SPLIT_PX, SPLIT_PX))
    opened = cv2.morphologyEx(part, cv2.MORPH_OPEN, k)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(opened, 8)
    if count <= 1:
        return np.zeros(part.shape, bool)
    keep, _ = _letter_like(stats)
    keep &= stats[:, cv2.CC_STAT_HEIGHT] >= mm(MIN_PIECE_MM)
    pieces = keep[labels].astype(np.uint8)
    return (cv2.dilate(pieces, np.ones((3, 3), np.uint8)) > 0) & (part > 0)


def without_outline(binary: np.ndarray) -> np.ndarray:
    """``binary`` (print black on white) without the card's own outline: each side's edge
    strip cleared where a row or column along it is inked for OUTLINE_SHARE of the side
    (a dark copy prints the outline as a line three pixels wide down the whole card, which
    Tesseract reads as a column rule: '| NIP 5' for the name's row); no print of the card
    comes so near its edge. ``binary`` itself when no side holds an outline."""
    ink = binary == 0
    edge = mm(EDGE_MM)
    sides = ((np.s_[:edge], 1), (np.s_[-edge:], 1), (np.s_[:, :edge], 0),
             (np.s_[:, -edge:], 0))
    found = [side for side, along in sides if ink[side].size and
             ink[side].sum(axis=along).max() >= OUTLINE_SHARE * ink[side].shape[along]]
    if not found:
        return binary
    out = binary.copy()
    for side in found:
        out[side] = 255
    return out


def drop_lines(binary: np.ndarray) -> np.ndarray:
    """Remove dark components shaped like line fragments or specks, not letters; letters
    that a fine line joins into one wide component are cut apart and kept."""
    ink = (binary == 0).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, 8)
    keep, joined = _letter_like(stats)
    letters = keep[labels]
    for i in np.flatnonzero(joined):
        x, y, w, h = stats[i, :4]
        part = (labels[y:y + h, x:x + w] == i).astype(np.uint8)
        letters[y:y + h, x:x + w] |= _split_joined(part)
    return np.where(letters, 0, 255).astype(np.uint8)


def without_pattern(binary: np.ndarray) -> np.ndarray:
    """``binary`` without a security print's rows of dots and dashes (a sasirangan's
    stitch holes and running stitches): marks no taller than PATTERN_MARK_MM[1] and no
    wider than PATTERN_MARK_MM[0], each with PATTERN_MARKS others of the kind on its row
    within PATTERN_REACH_MM. Between a field's letters they make Tesseract read a row of
    specks as words. A row of text holds a few such marks at most (hyphens, the dots of
    an i); a dot-matrix face's dots are all marks, so this is only a second look at a
    card whose labels went unread, never the print every card is read in."""
    ink = (binary == 0).astype(np.uint8)
    _, labels, stats, centres = cv2.connectedComponentsWithStats(ink, 8)
    small = np.flatnonzero((stats[:, cv2.CC_STAT_WIDTH] <= mm(PATTERN_MARK_MM[0])) &
                           (stats[:, cv2.CC_STAT_HEIGHT] <= mm(PATTERN_MARK_MM[1])))
    small = small[small > 0]
    if len(small) <= PATTERN_MARKS:
        return binary
    rows = np.round(centres[small, 1] / mm(PATTERN_ROW_MM)).astype(int)
    xs = centres[small, 0]
    reach = mm(PATTERN_REACH_MM)
    pattern = []
    for row in np.unique(rows):
        on_row = np.flatnonzero(np.abs(rows - row) <= 1)      # the row and those beside it
        near = np.sort(xs[on_row])
        for k in np.flatnonzero(rows == row):
            others = np.searchsorted(near, xs[k] + reach, "right") - \
                np.searchsorted(near, xs[k] - reach, "left") - 1
            if others >= PATTERN_MARKS:
                pattern.append(small[k])
    if not pattern:
        return binary
    out = binary.copy()
    out[np.isin(labels, pattern)] = 255
    return out


def card_flat(card: Card) -> np.ndarray:
    """:func:`flatten` of a cut-out card, made once per card (and kept when it is turned)."""
    if "flat" not in card.memo:
        card.memo["flat"] = flatten(card.image, card.strong)
    return card.memo["flat"]


def clean_card(card: Card | np.ndarray, text_right: int | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
    """(flattened grey, binary print) of a cut-out card (or its image); ``text_right``:
    where the field block ends (the photo's left edge), when known."""
    flat = card_flat(card) if isinstance(card, Card) else flatten(card)
    return flat, drop_lines(binarise(flat, text_right))


def masked(flat: np.ndarray, binary: np.ndarray) -> np.ndarray:
    """The flattened grey near the print, white elsewhere: the letters' own soft edges
    (which the text model reads best) without the background lines between them."""
    near = cv2.dilate((binary == 0).astype(np.uint8), np.ones((3, 3), np.uint8),
                      iterations=NEAR_PRINT_PX)
    return np.where(near > 0, flat, 255).astype(np.uint8)
