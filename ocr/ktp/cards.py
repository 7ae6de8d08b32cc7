"""Finding ID-1 cards on a page and standing each one upright by where its photo is.

A card is a rectangle of the card's proportions (85.6 x 53.98 mm) at any place, any
angle and at 80-160 % of its size (copies made with zoom). Each is cut out at
:data:`PX_PER_MM` of the card, long side on top. The front of a KTP-el carries its photo
on the right: a large block of dark or strongly coloured pixels that survives an opening
that wipes out every text stroke and security line. The side it is on tells whether the
cut-out is upside down; a cut-out without it is the back (or not a KTP front). On a
card printed on a strong, saturated gradient everything is strongly coloured: there the
photo is the block of colours the gradient does not take
(:func:`ocr.ktp.colour.off_background`), a rectangle that survives an opening wider than
a line of text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from ocr.features import (
    estimate_dpi,
    find_rectangles,
    order_corners,
    to_rgb,
    upright_angle,
    warp_corners,
)
from ocr.imaging import grey_percentiles
from ocr.ktp.colour import off_background, strong_share

CARD_MM = (85.6, 53.98)
ASPECT_TOLERANCE = 0.1            # relative, of long side / short side
ZOOM_RANGE = (0.72, 1.75)         # card sizes accepted, relative to ID-1
PX_PER_MM = 12                    # working resolution of a cut-out card (~305 dpi)
MIN_FILL = 0.85
# A dark streak a copier ran across the sheet joins a card's outline: a blob of a card's
# size that has no card's proportions is looked at again with the narrow marks cut off.
STREAK_OPEN_MM = (2.0, 5.0)
# How much darker than the paper, or how saturated, a card's pixels are: first as a card
# of any tint shows on a copy; then, no card found so, as a faint one (a copy whose toner
# ran low leaves a pale tint barely darker than the paper, its print broken).
CARD_CONTENT = ((18.0, 60), (10.0, 15))
# Two cards standing side by side (front and back copied upright) make a blob of a card's
# proportions at 1.3-1.7 times its size, when something faint between them joins them:
# such a blob is looked at again with the narrow marks cut off too.
TWO_UP_ZOOM = 1.3
# A card shown on a screen and photographed, the photo printed: the viewer's black lies
# round the card, and the blob found is the photo, black frame and all. Its cut-out is cut
# again at the frame's inner edge when each side's outer strip is this dark for this share
# of its length, and the light inside holds a card's proportions over this much of it.
FRAME_STRIP = 0.03                # of the side: a frame, not a copy's dark outline of the card
FRAME_DARK = (70, 0.8)
FRAME_INNER_AREA = 0.55
FRAME_STEP = 25                   # the card inside is this much lighter than the frame
FRAME_SAMPLES = 60                # columns the frame's inner edge is looked for in, a side
FRAME_FIT_PX = 4                  # ... and how far off the line through them one may lie
# A photographed card printed on the page: the photo's rectangle is found, the desk or the
# scanner's lid round the card in it. The card's own outline inside is a line of edges
# (Canny thresholds) over this share of each side's middle, at most a few degrees off
# the side, this far in (share of the cut-out), with a plain surround outside it (edges
# on at most this share of the rows' samples); the area it closes round: at least this.
OUTLINE_CANNY = (20, 60)
OUTLINE_LINE = 0.6
OUTLINE_TILTS = np.arange(-5.0, 5.01, 0.5)
OUTLINE_BAND = (0.01, 0.22)
OUTLINE_INSET = 0.03
OUTLINE_PLAIN = 0.2
OUTLINE_GAP_PX = 3
OUTLINE_SAMPLES = 120
OUTLINE_MIN_AREA = 0.5
TURNS_WITH_CARD = ("strong", "flat")   # memo entries still true of the card turned round
PHOTO_MM = ((11.0, 28.0), (14.0, 34.0))    # accepted photo width and height ranges
PHOTO_OPEN_MM = 1.3               # wider than any stroke, narrower than the photo
PHOTO_MIN_FILL = 0.3              # of its box: a face and a light shirt leave gaps
STRONG_PX_PER_MM = 4              # a strongly coloured card's photo is looked for at this
OFF_BACKGROUND = 40.0             # RGB distance from the background's colours: the photo's
STRONG_OPEN_MM = 3.0              # wider than a line of text (the photo's caption below it)
STRONG_CLOSE_MM = 2.0             # mends the photo's colours the gradient also takes
STRONG_MIN_FILL = 0.5             # of its box: the photo's backdrop fills it


@dataclass(frozen=True)
class Card:
    """A card cut out of a page: ``image`` (RGB, landscape, at PX_PER_MM) and ``corners``,
    the page pixels of the cut-out's top-left, top-right, bottom-right, bottom-left."""

    image: np.ndarray
    corners: np.ndarray
    # what was measured on the image once, for every later look (images turned with it)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def flipped(self) -> Card:
        """The same card turned round (upside down)."""
        memo = {k: cv2.rotate(v, cv2.ROTATE_180) if isinstance(v, np.ndarray) else v
                for k, v in self.memo.items() if k in TURNS_WITH_CARD}
        return Card(cv2.rotate(self.image, cv2.ROTATE_180), np.roll(self.corners, 2, axis=0),
                    memo)

    @property
    def strong(self) -> float:
        """How strongly the card is coloured (:func:`ocr.ktp.colour.strong_share`)."""
        if "strong" not in self.memo:
            self.memo["strong"] = strong_share(self.image)
        return self.memo["strong"]

    @property
    def upright_angle(self) -> float:
        """Counter-clockwise degrees that turn the page so that this cut-out stands upright."""
        return upright_angle(self.corners)


def mm(value: float) -> int:
    """Card millimetres in cut-out pixels."""
    return int(round(value * PX_PER_MM))


def _card_shaped(long: float, short: float) -> bool:
    """Whether sides ``long`` and ``short`` (any unit) hold an ID-1 card's proportions."""
    return abs(long / max(short, 1e-6) / (CARD_MM[0] / CARD_MM[1]) - 1) <= ASPECT_TOLERANCE


def _card_like(w_mm: float, h_mm: float) -> bool:
    return _card_shaped(w_mm, h_mm) and ZOOM_RANGE[0] <= h_mm / CARD_MM[1] <= ZOOM_RANGE[1]


def _streaked(w_mm: float, h_mm: float) -> bool:
    """Whether a blob (``w_mm`` its long side) could be a card that streaks running off it
    lengthen: along its long side, or across it, which makes its short side as long as a
    card's long side at most (streaks down the sheet through a card lying across it)."""
    return h_mm <= CARD_MM[0] * ZOOM_RANGE[1]


def _two_up(h_mm: float) -> bool:
    """Whether a card-shaped blob ``h_mm`` high may be two cards standing side by side
    that something faint between them joins (a thin sheet's other side showing through,
    a dark copy's haze): their pair has a card's proportions at a large zoom."""
    return h_mm >= TWO_UP_ZOOM * CARD_MM[1]


def _frame_edge(grey: np.ndarray, level: float) -> tuple[float, float] | None:
    """The inner edge of a dark frame (``level``: its grey) along the top of ``grey``:
    (slope, offset) of the row where each column first turns lighter than the frame,
    fitted over the columns of its middle (a light streak across the frame, or a dark
    patch of the card by its edge, is left out as an outlier)."""
    h, w = grey.shape
    xs = np.linspace(0.1 * w, 0.9 * w, FRAME_SAMPLES).astype(int)
    light = grey[:h // 3, xs] >= level + FRAME_STEP
    # past the frame's first dark (a sliver of the page beyond the photo's edge is none)
    light &= np.arange(light.shape[0])[:, None] > (~light).argmax(axis=0)[None, :]
    found = light.any(axis=0)
    if found.mean() < 0.5:
        return None
    x, y = xs[found].astype(float), light.argmax(axis=0)[found].astype(float)
    fit = np.polyfit(x, y, 1)
    for _ in range(2):         # refitted without the points far off the line
        near = np.abs(np.polyval(fit, x) - y) <= FRAME_FIT_PX
        if near.sum() < 0.4 * len(xs):
            return None
        fit = np.polyfit(x[near], y[near], 1)
    return float(fit[0]), float(fit[1])


def _inside_frame(rgb: np.ndarray, card: Card) -> Card:
    """``card`` cut again at the inner edge of a dark frame round it (a screen's black round
    a card photographed on it); ``card`` itself when it has none."""
    grey = cv2.medianBlur(cv2.cvtColor(card.image, cv2.COLOR_RGB2GRAY), 5)
    h, w = grey.shape
    sy, sx = max(2, int(FRAME_STRIP * h)), max(2, int(FRAME_STRIP * w))
    strips = (grey[:sy], grey[-sy:], grey[:, :sx].T, grey[:, -sx:].T)
    if not all(((s < FRAME_DARK[0]).mean(axis=0) >= 0.5).mean() >= FRAME_DARK[1]
               for s in strips):
        return card
    # each side turned to the top, its edge found there and turned back
    top, bottom, left, right = (_frame_edge(side, float(np.median(strip)))
                                for side, strip in zip((grey, grey[::-1], grey.T, grey.T[::-1]),
                                                       strips, strict=True))
    if None in (top, bottom, left, right) or \
            min(top[1], bottom[1]) < sy or min(left[1], right[1]) < sx:
        return card     # no frame all round, or one no wider than a card's outline
    lines = [(top[0], -1.0, top[1]),                       # a x + b y + c = 0
             (-bottom[0], -1.0, h - 1 - bottom[1]),
             (-1.0, left[0], left[1]),
             (-1.0, -right[0], w - 1 - right[1])]
    return _recut(rgb, card, lines, FRAME_INNER_AREA) or card


def _recut(rgb: np.ndarray, card: Card, lines: list[tuple[float, float, float]],
           min_area: float) -> Card | None:
    """``card`` cut again from the page inside ``lines`` (top, bottom, left, right; each
    a x + b y + c = 0 in the cut-out's pixels); None when they do not close round a
    card-shaped area of at least ``min_area`` of the cut-out."""
    h, w = card.image.shape[:2]
    corners = []
    for one, two in ((0, 2), (0, 3), (1, 3), (1, 2)):
        m = np.array([lines[one][:2], lines[two][:2]])
        if abs(np.linalg.det(m)) < 1e-6:
            return None
        corners.append(np.linalg.solve(m, [-lines[one][2], -lines[two][2]]))
    inner = np.array(corners, np.float32)
    area = cv2.contourArea(inner)
    width = (np.linalg.norm(inner[1] - inner[0]) + np.linalg.norm(inner[2] - inner[3])) / 2
    height = (np.linalg.norm(inner[3] - inner[0]) + np.linalg.norm(inner[2] - inner[1])) / 2
    if area < min_area * h * w or not _card_shaped(width, height):
        return None
    # from the cut-out's pixels back to the page's
    to_page = cv2.getPerspectiveTransform(
        np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32),
        np.asarray(card.corners, np.float32))
    corners = cv2.perspectiveTransform(inner.reshape(-1, 1, 2), to_page).reshape(-1, 2)
    return Card(warp_corners(rgb, corners, out_w=w, out_h=h), corners.astype(np.float32))


def _outline_edge(edges: np.ndarray) -> tuple[float, float] | None:
    """The card's own edge along the top of ``edges`` (a cut-out's edge map turned so that
    side is on top): (slope, offset at the middle) of the first line, a few degrees off
    the side at most, that the edges follow over OUTLINE_LINE of the side's middle with
    only a plain surround (OUTLINE_PLAIN) between it and the cut-out's edge. Of the
    tilts, the line the edges follow best. None when there is none: a card cut at its
    own edge shows its security print right up to it."""
    h, w = edges.shape
    xs = np.linspace(0.15 * w, 0.85 * w, OUTLINE_SAMPLES).astype(int)
    rows = np.arange(int(OUTLINE_BAND[0] * h), int(OUTLINE_BAND[1] * h))
    best: tuple[float, float, float] | None = None     # (score, slope, offset)
    for slope in np.tan(np.deg2rad(OUTLINE_TILTS)):
        ys = rows[:, None] + np.round(slope * (xs[None, :] - w / 2)).astype(int)
        inside = (ys >= 0) & (ys < h)
        hit = np.zeros(ys.shape, bool)
        hit[inside] = edges[ys[inside], np.broadcast_to(xs, ys.shape)[inside]]
        score = hit.mean(axis=1)
        lines = np.flatnonzero((score >= OUTLINE_LINE) & (rows >= OUTLINE_INSET * h))
        if not len(lines):
            continue
        i = int(lines[0])
        if score[:max(1, i - OUTLINE_GAP_PX)].mean() > OUTLINE_PLAIN:
            continue     # print between it and the edge: a row of the card's own pattern
        if best is None or score[i] > best[0]:
            best = (float(score[i]), float(slope), float(rows[i]))
    return None if best is None else best[1:]


def _inside_outline(rgb: np.ndarray, card: Card) -> Card:
    """``card`` cut again at the card's own outline inside it: a photographed card printed
    on the page, the desk or the scanner's lid round it in the print, is found as the
    print's rectangle. Its text is then smaller than a card's at that size, and the photo
    and the labels stand where no card has them. ``card`` itself when no outline shows."""
    grey = cv2.GaussianBlur(cv2.cvtColor(card.image, cv2.COLOR_RGB2GRAY), (0, 0), 1.5)
    edges = cv2.dilate(cv2.Canny(grey, *OUTLINE_CANNY), np.ones((3, 3), np.uint8)) > 0
    h, w = edges.shape
    found = [_outline_edge(side) for side in (edges, edges[::-1], edges.T, edges.T[::-1])]
    if None in found:
        return card
    (ts, to), (bs, bo), (ls, lo), (rs, ro) = found
    lines = [(ts, -1.0, to - ts * w / 2),                  # y = to + ts (x - w/2)
             (-bs, -1.0, h - 1 - bo + bs * w / 2),         # y = h-1-bo - bs (x - w/2)
             (-1.0, ls, lo - ls * h / 2),                  # x = lo + ls (y - h/2)
             (-1.0, -rs, w - 1 - ro + rs * h / 2)]         # x = w-1-ro - rs (y - h/2)
    return _recut(rgb, card, lines, OUTLINE_MIN_AREA) or card


def find_cards(img, *, dpi: float | None = None) -> list[Card]:
    """Card-shaped rectangles on the page, each cut out landscape at PX_PER_MM.

    An image that is itself a card (a photo of the card, cropped) is returned whole.
    """
    rgb = to_rgb(img)
    h, w = rgb.shape[:2]
    out_w, out_h = mm(CARD_MM[0]), mm(CARD_MM[1])
    if 1.45 <= max(w, h) / min(w, h) <= 1.72:
        whole = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
        if h > w:
            whole = np.roll(whole, -1, axis=0)
        return [Card(warp_corners(rgb, whole, out_w=out_w, out_h=out_h), whole)]
    dpi = dpi or estimate_dpi(rgb.shape)
    best: list[Card] = []
    for content in CARD_CONTENT:
        pair = False     # looking again only for two cards a large card-shaped blob held
        for open_mm in STREAK_OPEN_MM:
            quads = find_rectangles(rgb, min_mm=CARD_MM[1] * ZOOM_RANGE[0], dpi=dpi,
                                    open_mm=open_mm, content=content)
            fit = [q for q in quads if _card_like(q.width_mm(dpi), q.height_mm(dpi))]
            cards = [Card(warp_corners(rgb, corners, out_w=out_w, out_h=out_h), corners)
                     for corners in (order_corners(q, landscape=True) for q in fit
                                     if q.fill >= MIN_FILL)]
            if cards and len(cards) >= len(best) + pair:
                best = cards   # a wider opening that cuts a streak off a card, or one that
                #                eats into a card of a coarse pattern and finds fewer: kept
            if all(q in fit or not _streaked(q.width_mm(dpi), q.height_mm(dpi))
                   for q in quads):
                if not any(_two_up(q.height_mm(dpi)) for q in fit):
                    break       # no blob is a card with a streak running off it, nor two
                pair = True
        if best:
            break
    return [_inside_outline(rgb, _inside_frame(rgb, card)) for card in best]


def _photo_of(solid: np.ndarray, px_per_mm: float, min_fill: float
              ) -> tuple[int, int, int, int] | None:
    """The largest component of ``solid`` (uint8 mask at ``px_per_mm``) of a photo's size
    that fills ``min_fill`` of its box, as (x0, y0, x1, y1) in cut-out pixels."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(solid, 8)
    best = None
    (w_lo, w_hi), (h_lo, h_hi) = PHOTO_MM
    for i in range(1, count):
        x, y, w, h, area = stats[i]
        if w_lo <= w / px_per_mm <= w_hi and h_lo <= h / px_per_mm <= h_hi and \
                area >= min_fill * w * h and (best is None or area > best[4]):
            best = (x, y, w, h, area)
    if best is None:
        return None
    f = PX_PER_MM / px_per_mm
    x, y, w, h, _ = best
    return int(x * f), int(y * f), int((x + w) * f), int((y + h) * f)


def _block(px: float) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (int(round(px)) | 1,) * 2)


def _dark_photo(card_rgb: np.ndarray) -> tuple[int, int, int, int] | None:
    """The photo on a pale card: dark or strongly coloured pixels that survive an opening."""
    hsv = cv2.cvtColor(card_rgb, cv2.COLOR_RGB2HSV)
    grey = cv2.cvtColor(card_rgb, cv2.COLOR_RGB2GRAY)
    paper = grey_percentiles(grey, (90,))[0]
    solid = ((grey < paper * 0.62) | ((hsv[:, :, 1] > 110) & (hsv[:, :, 2] > 60)))
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (mm(PHOTO_OPEN_MM), mm(PHOTO_OPEN_MM)))
    solid = cv2.morphologyEx(solid.astype(np.uint8), cv2.MORPH_OPEN, k)
    solid = cv2.morphologyEx(solid, cv2.MORPH_CLOSE, k)
    return _photo_of(solid, PX_PER_MM, PHOTO_MIN_FILL)


def _off_gradient_photo(card_rgb: np.ndarray) -> tuple[int, int, int, int] | None:
    """The photo on a card printed on a strong gradient: colours the gradient does not take."""
    f = STRONG_PX_PER_MM / PX_PER_MM
    small = cv2.resize(card_rgb, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    solid = (off_background(small, STRONG_PX_PER_MM) > OFF_BACKGROUND).astype(np.uint8)
    solid = cv2.morphologyEx(solid, cv2.MORPH_OPEN, _block(STRONG_OPEN_MM * STRONG_PX_PER_MM))
    solid = cv2.morphologyEx(solid, cv2.MORPH_CLOSE, _block(STRONG_CLOSE_MM * STRONG_PX_PER_MM))
    return _photo_of(solid, STRONG_PX_PER_MM, STRONG_MIN_FILL)


def photo_box(card_rgb: np.ndarray, share: float | None = None
              ) -> tuple[int, int, int, int] | None:
    """The box (x0, y0, x1, y1) of the holder's photo on a cut-out card, None without one.
    ``share``: the card's :func:`ocr.ktp.colour.strong_share`, when known."""
    share = strong_share(card_rgb) if share is None else share
    if share == 0.0:
        return _dark_photo(card_rgb)
    box = _off_gradient_photo(card_rgb)
    return box if box is not None or share == 1.0 else _dark_photo(card_rgb)


def stand_upright(card: Card) -> tuple[Card, tuple[int, int, int, int] | None]:
    """The card turned so that its photo is on the right, and the photo's box.

    A card whose photo is not found is returned as it is, with None."""
    box = photo_box(card.image, card.strong)
    if box is None:
        return card, None
    width = card.image.shape[1]
    if (box[0] + box[2]) / 2 < width / 2:
        flipped = card.flipped()
        h = card.image.shape[0]
        return flipped, (width - box[2], h - box[3], width - box[0], h - box[1])
    return card, box
