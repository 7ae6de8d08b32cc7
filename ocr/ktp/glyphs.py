"""The NIK's digits one by one: cut apart on the band and matched against digit shapes.

A NIK is printed in a face of its own, often OCR-A-like, whose 1, 4, 6 and 0 a general
text model reads poorly. Its sixteen digits stand apart on the cleaned band, so each is
cut out and compared with the digits 0-9 drawn in a fixed list of faces
(``ocr/data/nik_faces.txt``: OCR-A, monospaced, sans and serif faces, each also drawn
thinner, the regular ones also thicker). A card's face need not be among them: the
sixteen glyphs of a band share one face, so the band as a whole is first brought to
the templates' proportions: its slant (the glyphs' median shear) is taken off and its
width scaled so that its wider glyphs are as wide, for their height, as the templates'
(a condensed face compares with a regular one; a narrow 1 stays narrow). Each face's
templates are brought to the same proportions the same way. A digit is named only
when its best match clearly beats the best match of any other digit; otherwise it is
left as ``?`` for the other readings to settle. A slashed or dotted zero, which matches
an 8 nearly as well as a 0, is told from it by its waist: a 0 keeps its width at
mid-height, an 8 pinches (mono faces' zeros are also drawn slashed, as dot-matrix heads
and many mono faces print them). A face whose digits differ from every template's (a flat
topped 3, a straight stemmed 6, a 0 with a bar inside, over-inked) matches its 3s and 6s
only about as well as their neighbours: a digit is then told from each digit matched
nearly as well by the side one of the two leaves open (a 6 against an 8 or a 0, a 3
against a 5); and a glyph matched worse than the band's others but far better as one digit
than as any other is named unless the band's glyphs of that digit match far better.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_ROOT = Path("/usr/share/fonts")
FACES_LIST = "nik_faces.txt"     # in ocr/data: the faces templates are drawn in
SHAPE = (24, 32)                 # width, height of a normalised digit
ASPECT = 0.62                    # width / height the wider half of a band's glyphs is set to
TEMPLATE_PX = 34                 # height templates are drawn at (a NIK digit on the cut-out)
SUPERSAMPLE = 4                  # templates are drawn this much larger, then reduced
MIN_SHEAR = 0.02                 # a band slanted less than this is left as it is
MIN_MATCH = 0.75                 # correlation a digit's best template must reach
BAND_MATCH_DROP = 0.12           # ... and no further below the band's median best match
MIN_MARGIN = 0.1                 # over the best template of any other digit
NEAR_MARGIN = 0.07               # over any other digit, when clear in the band's nearest face:
FACE_MARGIN = 0.08               # over that face's other digits
GLYPH_MIN_HEIGHT = 0.6           # of the tallest glyphs: shorter marks are the colon, specks
PIECE_MIN_HEIGHT = 0.3           # a piece of a glyph, within the line, joins its neighbour
LINE_SLACK = 0.1                 # of the glyphs' height: a piece may stand this far out of line
TOUCHING = 1.7                   # of the glyphs' width: a box this wide holds two that touch
TOUCHING_CUT = (0.35, 0.65)      # of its width: where the two are cut apart
STREAK_PX = 4                    # rows of a light streak bridged when cutting the glyphs
PITCH_TOLERANCE = 0.35           # of the pitch: a glyph's centre this far off an even step
SLASHED = "slashed"              # marks a face in the list whose zero is also drawn slashed
SLASH_INSET = (0.2, 0.15)        # of the zero's width, height: the slash's ends from its box
ZERO_WAIST = 0.88                # a 0 is at least this wide at mid-height (of its bowls' width)
EIGHT_WAIST = 0.8                # an 8 at most this: it pinches between its bowls
WAIST_ROWS = (0.35, 0.65)        # of the height: where the waist is looked for
DOT_ROW = 0.1                    # of the height: a dot-matrix head's row pitch (ten rows)
DOTTED_PAIR_MARGIN = 0.01        # a struck 0 or 8: the pair over any other digit
CLEAR_MARGIN = 0.25              # a glyph matched below the band's others, this clear, is named
SIDE_MIN_MATCH = 0.72            # a pair told apart by an open side: the best match's floor
SIDE_MIN_FILL = 0.12             # ... and the share of its box's height its ink fills per column
FAINT_INK = 0.3                  # a normalised glyph's grey above this may be a faint stroke
# Pairs of digits one of which leaves a side open where the other has ink: (open digit,
# inked digit, rows (of the height), side). A 6 is open on the right above its bowl where
# an 8 or a 0 has ink; a 3 open on the left of its upper half (a 5's stem: below a
# curved 3's top arm, or just below a flat-topped 3's bar, whose stroke runs back to the
# left above its waist) and of its lower half (an 8's bowl); a 5 open on the right above
# its bowl (an 8, a 3); a 7 open on the left below its bar (a 9's bowl). A pair with
# several tests is told by the sides found open, when one digit's are; otherwise by
# the sides found inked (a stroke may run across the other's open side, never leave
# its own inked side open). Hairline strokes are not judged
# (one blurred below half grey leaves a side open: SIDE_MIN_FILL). No digit of the print
# faces installed (drawn plain, bolder, thinner) then falls on the wrong side but a bold
# serif 9 drawn bolder (its ball terminal fills the side); as a bold serif 6's may, a
# side shown inked only confirms the best match, never names the runner-up.
SIDE_PAIRS = (("6", "8", (0.25, 0.4), "right"), ("6", "0", (0.25, 0.4), "right"),
              ("9", "8", (0.65, 0.75), "left"), ("9", "0", (0.65, 0.75), "left"),
              ("3", "5", (0.3, 0.45), "left"), ("3", "5", (0.25, 0.32), "left"),
              ("3", "8", (0.55, 0.7), "left"),
              ("5", "8", (0.2, 0.35), "right"), ("5", "3", (0.2, 0.35), "right"),
              ("7", "9", (0.35, 0.5), "left"))


@lru_cache(maxsize=1)
def _face_rows() -> tuple[tuple[str, ...], ...]:
    """The rows of the face list (ocr/data/FACES_LIST), comments left out, split."""
    text = files("ocr").joinpath("data", FACES_LIST).read_text(encoding="utf-8")
    return tuple(tuple(line.split()) for line in text.splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))


@lru_cache(maxsize=1)
def face_weights() -> dict[str, tuple[int, ...]]:
    """The faces templates are drawn in (paths under FONT_ROOT), as listed, each with the
    stroke changes (px at the drawn size) its digits are drawn with."""
    return {row[0]: tuple(int(w) for w in row[1:] if w != SLASHED) or (0,)
            for row in _face_rows()}


@lru_cache(maxsize=1)
def slashed_faces() -> frozenset[str]:
    """The listed faces whose zero is also drawn slashed (marked SLASHED in the list)."""
    return frozenset(row[0] for row in _face_rows() if SLASHED in row[1:])


def number_faces() -> tuple[str, ...]:
    """The faces templates are drawn in (paths under FONT_ROOT), as listed."""
    return tuple(face_weights())


def _tight(ink: np.ndarray) -> np.ndarray | None:
    """The ink (bool) cropped to its box; None for a speck."""
    mask = ink.astype(np.uint8)
    if cv2.countNonZero(mask) < 4:
        return None
    x, y, w, h = cv2.boundingRect(mask)
    return ink[y:y + h, x:x + w]


def _shear_of(ink: np.ndarray) -> float:
    """How far the ink leans: x moved per row down (its second moments)."""
    ys, xs = np.nonzero(ink)
    y, x = ys - ys.mean(), xs - xs.mean()
    spread = float((y * y).mean())
    return float((x * y).mean()) / spread if spread > 0 else 0.0


def _unshear(ink: np.ndarray, shear: float) -> np.ndarray:
    """The ink with ``shear`` taken off (rows moved back by their distance from the middle)."""
    h, w = ink.shape
    extra = int(abs(shear) * h) + 2
    m = np.float32([[1, -shear, shear * h / 2 + extra / 2], [0, 1, 0]])
    out = cv2.warpAffine(ink.astype(np.uint8) * 255, m, (w + extra, h),
                         flags=cv2.INTER_LINEAR) > 127
    return _tight(out) if out.sum() >= 4 else ink


def _fit(ink: np.ndarray, stretch: float) -> np.ndarray:
    """A glyph's ink scaled to SHAPE's height, its width ``stretch`` times as much,
    centred and blurred."""
    w, h = SHAPE
    new_w = max(1, min(w, int(round(ink.shape[1] * h / ink.shape[0] * stretch))))
    glyph = cv2.resize(ink.astype(np.float32), (new_w, h), interpolation=cv2.INTER_AREA)
    out = np.zeros((h, w), np.float32)
    x0 = (w - new_w) // 2
    out[:, x0:x0 + new_w] = glyph
    return cv2.GaussianBlur(out, (3, 3), 0)


def normalise_band(glyphs: list[np.ndarray]) -> list[np.ndarray | None]:
    """The glyphs of one face (bool ink arrays) brought to the templates' proportions:
    their median slant taken off, then their width scaled so that the median width over
    height of the wider half of them is ASPECT; None for a glyph without ink."""
    crops = [_tight(g) for g in glyphs]
    inked = [c for c in crops if c is not None]
    if not inked:
        return [None] * len(crops)
    shear = float(np.median([_shear_of(c) for c in inked]))
    if abs(shear) >= MIN_SHEAR:
        crops = [_unshear(c, shear) if c is not None else None for c in crops]
    aspects = sorted(c.shape[1] / c.shape[0] for c in crops if c is not None)
    stretch = ASPECT / float(np.median(aspects[len(aspects) // 2:]))
    return [_fit(c, stretch) if c is not None else None for c in crops]


def _slash(draw: ImageDraw.ImageDraw, zero: np.ndarray) -> None:
    """A slash across a drawn zero (``zero``: its ink), as wide as its stroke, rising
    from lower left to upper right inside its bowl: the slashed zero of dot-matrix heads
    and many monospaced faces."""
    x, y, w, h = cv2.boundingRect(zero.astype(np.uint8))
    dist = cv2.distanceTransform(zero.astype(np.uint8), cv2.DIST_L2, 3)
    width = max(1, int(round(2 * float(dist.max()))))
    dx, dy = SLASH_INSET[0] * w, SLASH_INSET[1] * h
    draw.line([(x + dx, y + h - dy), (x + w - dx, y + dy)], fill=255, width=width)


def _drawn(path: Path, weight: int, slashed: bool = False) -> list[np.ndarray]:
    """The digits 0-9 of a face as a card's cut-out shows them: TEMPLATE_PX high, strokes
    grown (or thinned) by ``weight`` px at SUPERSAMPLE times the size, cut at half grey;
    ``slashed``: then a slashed zero."""
    big = TEMPLATE_PX * SUPERSAMPLE
    font = ImageFont.truetype(str(path), int(big * 1.4))
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * abs(weight) + 1,) * 2)
    out = []
    for digit in "0123456789" + ("/" if slashed else ""):
        img = Image.new("L", (2 * big, 2 * big), 0)
        draw = ImageDraw.Draw(img)
        draw.text((big // 3, big // 4), "0" if digit == "/" else digit, font=font, fill=255)
        if digit == "/":
            _slash(draw, np.asarray(img) > 127)
        a = np.asarray(img)
        if weight:
            a = cv2.dilate(a, k) if weight > 0 else cv2.erode(a, k)
        ink = _tight(a > 127)
        size = (max(1, round(ink.shape[1] * TEMPLATE_PX / ink.shape[0])), TEMPLATE_PX)
        out.append(cv2.resize(ink.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 0.5)
    return out


@lru_cache(maxsize=1)
def templates() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(normalised digit shapes, their digits, their set: one per face and stroke weight)
    of the listed faces that are installed; each set's ten digits normalised together as
    a band is."""
    shapes, digits, sets = [], [], []
    for name, weights in face_weights().items():
        path = FONT_ROOT / name
        if not path.is_file():
            continue
        for weight in weights:
            drawn = _drawn(path, weight, name in slashed_faces())
            for digit, shape in enumerate(normalise_band(drawn)):
                if shape is not None:
                    shapes.append(shape)
                    digits.append(str(digit % 10))
                    sets.append(len(set(sets)) if digit == 0 else sets[-1])
    return np.array(shapes), np.array(digits), np.array(sets, int)


def glyph_spans(binary: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, x1, y0, y1) of the glyphs on a band of print: dark components as tall as
    the tallest ones (not the colon, not specks), those overlapping in x joined. A light
    streak across the band (a copier's, a scratch) does not cut a glyph in two: gaps of
    a few rows are bridged first."""
    ink = cv2.morphologyEx((binary == 0).astype(np.uint8), cv2.MORPH_CLOSE,
                           np.ones((STREAK_PX + 1, 1), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, 8)
    if count <= 1:
        return []
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    tall = float(np.percentile(heights, 90))
    tall_ones = stats[1:][heights >= GLYPH_MIN_HEIGHT * tall]
    top = float(np.median(tall_ones[:, cv2.CC_STAT_TOP]))
    bottom = top + float(np.median(tall_ones[:, cv2.CC_STAT_HEIGHT]))
    # parts of a glyph that broke off (the bowl of a 6, the foot of a 2 struck in dots)
    # join it; the colon's dots do not
    spans = sorted((int(x), int(x + w), int(y), int(y + h)) for x, y, w, h, _ in stats[1:]
                   if h >= GLYPH_MIN_HEIGHT * tall or (
                       PIECE_MIN_HEIGHT * tall <= max(h, w) and w <= tall
                       and y >= top - LINE_SLACK * tall and y + h <= bottom + LINE_SLACK * tall))
    merged: list[list[int]] = []
    for x0, x1, y0, y1 in spans:
        if merged and x0 < merged[-1][1] - 1:
            last = merged[-1]
            last[1], last[2], last[3] = max(last[1], x1), min(last[2], y0), max(last[3], y1)
        else:
            merged.append([x0, x1, y0, y1])
    boxes = _split_touching(_join_pieces(merged), ink)
    if len(boxes) > 1 and _lone_mark(boxes[0], boxes[1:], tall):
        boxes = boxes[1:]    # the colon before the digits, its two dots run together
    return [(a, b, c, d) for a, b, c, d in boxes]


def _lone_mark(box: list[int], others: list[list[int]], tall: float) -> bool:
    """Whether ``box`` is a short, narrow mark that joined no glyph: no taller than a
    piece of one, at most half as wide as the glyphs."""
    width = float(np.median([b[1] - b[0] for b in others]))
    return box[3] - box[2] < GLYPH_MIN_HEIGHT * tall and box[1] - box[0] <= 0.5 * width


def _split_touching(boxes: list[list[int]], ink: np.ndarray) -> list[list[int]]:
    """A box about twice as wide as the glyphs (two that touch: a slanted 2's foot run
    into the next digit) cut in two at its thinnest column about its middle."""
    if len(boxes) < 3:
        return boxes
    width = float(np.median([b[1] - b[0] for b in boxes]))
    out = []
    for x0, x1, y0, y1 in boxes:
        if x1 - x0 < TOUCHING * width:
            out.append([x0, x1, y0, y1])
            continue
        lo, hi = (int(share * (x1 - x0)) for share in TOUCHING_CUT)
        cols = ink[y0:y1, x0 + lo:x0 + hi].sum(axis=0)
        thinnest = np.flatnonzero(cols == cols.min())
        cut = x0 + lo + int(thinnest[len(thinnest) // 2])
        for a, b in ((x0, cut), (cut, x1)):
            rows = np.flatnonzero(ink[y0:y1, a:b].any(axis=1))
            if len(rows):
                out.append([a, b, y0 + int(rows[0]), y0 + int(rows[-1]) + 1])
    return out


def _join_pieces(boxes: list[list[int]]) -> list[list[int]]:
    """Join the pieces of a glyph drawn in separate strokes (OCR-A's 4): neighbours much
    closer than glyphs stand, together no wider than a glyph."""
    if len(boxes) < 3:
        return boxes
    width = float(np.median([b[1] - b[0] for b in boxes]))
    gap = float(np.median([b[0] - a[1] for a, b in zip(boxes, boxes[1:], strict=False)]))
    out = [boxes[0]]
    for box in boxes[1:]:
        last = out[-1]
        if box[0] - last[1] < 0.4 * gap and box[1] - last[0] <= 1.3 * width:
            last[1], last[2], last[3] = box[1], min(last[2], box[2]), max(last[3], box[3])
        else:
            out.append(box)
    return out


def _unit(rows: np.ndarray) -> np.ndarray:
    """Each row (a flattened shape) less its mean, scaled to length 1."""
    rows = rows - rows.mean(axis=1, keepdims=True)
    return rows / (np.sqrt((rows * rows).sum(axis=1, keepdims=True)) + 1e-6)


@lru_cache(maxsize=1)
def _unit_bank() -> np.ndarray:
    """The templates as unit columns (pixels x templates), ready for correlation."""
    bank = templates()[0]
    return np.ascontiguousarray(_unit(bank.reshape(len(bank), -1)).T)


def _similarity(shapes: np.ndarray) -> np.ndarray:
    """Correlation of each shape (n, h, w) with each template: (n, templates)."""
    return _unit(shapes.reshape(len(shapes), -1)) @ _unit_bank()


def _best_and_margin(sims: np.ndarray, digits: np.ndarray) -> tuple[str, float, float]:
    """(best digit, its best correlation, by how much it beats any other digit's best)."""
    best = int(np.argmax(sims))
    rival = float(sims[digits != digits[best]].max(initial=0.0))
    return str(digits[best]), float(sims[best]), float(sims[best]) - rival


def match_shapes(shapes: list[np.ndarray | None], dotted: bool = False) -> str:
    """The digits a band's normalised glyphs show, ``?`` where no digit matches clearly.

    A digit is named when its best template reaches MIN_MATCH (and comes within
    BAND_MATCH_DROP of the band's median glyph: one matched far worse was cut wrong, a
    3 whose arms broke off as narrow as a 1) and beats every other digit's best template
    by MIN_MARGIN; or, as the glyphs of a band share one face,
    when it is also the best digit among the templates of the set (face and weight) that
    fits the band best, beating that set's other digits by FACE_MARGIN, and beats every
    other digit's best template by NEAR_MARGIN (a heavy 0 of one face against another
    face's 6); or, a 0 or an 8 matched nearly as well as the other, by its waist
    (:func:`_waist_digit`; ``dotted``: the band was struck in dots)."""
    bank, digits, sets = templates()
    inked = [i for i, shape in enumerate(shapes) if shape is not None]
    out = ["?"] * len(shapes)
    if not inked or not len(bank):
        return "".join(out)
    sims = _similarity(np.array([shapes[i] for i in inked]))
    fit = [sims[:, sets == k].max(axis=1).mean() for k in range(int(sets.max()) + 1)]
    near = sets == int(np.argmax(fit))
    bests = sims.max(axis=1)              # each glyph's best match, and the digit of it
    least = max(MIN_MATCH, float(np.median(bests)) - BAND_MATCH_DROP)
    tops = digits[np.argmax(sims, axis=1)]
    for k, (row, i) in enumerate(zip(sims, inked, strict=True)):
        digit, score, margin = _best_and_margin(row, digits)
        kin = float(np.delete(bests, k)[np.delete(tops, k) == digit].max(initial=0.0))
        if score < SIDE_MIN_MATCH or score < kin - BAND_MATCH_DROP:
            continue    # matched far worse than its own kind on the band: cut wrong
        if score < MIN_MATCH or score < least and margin < CLEAR_MARGIN:
            # matched worse than the band's other glyphs (cut wrong: a 3 whose arms broke
            # off as narrow as a 1), unless far clearer than any other digit: only a
            # pair told apart by an open side is named
            out[i] = _side_digit(row, digits, shapes[i]) or "?"
            continue
        if margin >= MIN_MARGIN:
            out[i] = digit
            continue
        own, _, own_margin = _best_and_margin(row[near], digits[near])
        if own == digit and own_margin >= FACE_MARGIN and margin >= NEAR_MARGIN:
            out[i] = digit
        else:
            out[i] = _waist_digit(row, digits, digit, shapes[i], dotted) or \
                _side_digit(row, digits, shapes[i]) or "?"
    return "".join(out)


def waist(shape: np.ndarray, window: int = 1) -> float:
    """A normalised glyph's narrowest outer width at mid-height, over the width of the
    narrower of its top and bottom halves at their widest. ``window``: each row's width
    is the widest of that many rows about it (a notch between two dots of a column that
    struck it is no waist)."""
    ink = shape > 0.5
    widths = np.array([(xs[-1] - xs[0] + 1) if len(xs) else 0
                       for xs in (np.nonzero(r)[0] for r in ink)], float)
    h = len(widths)
    bowls = min(widths[:h // 2].max(), widths[h // 2:].max())
    if window > 1:
        half = window // 2
        widths = np.array([widths[max(0, k - half):k + half + 1].max() for k in range(h)])
    middle = widths[int(WAIST_ROWS[0] * h):int(WAIST_ROWS[1] * h)]
    return float(middle.min() / bowls) if bowls > 0 and len(middle) else 0.0


def _waist_digit(row: np.ndarray, digits: np.ndarray, digit: str, shape: np.ndarray,
                 dotted: bool) -> str | None:
    """A 0 or an 8 that matched an 8 or a 0 nearly as well (a slashed or dotted zero
    against an 8) told by its waist: a 0 keeps its width at mid-height, an 8 pinches.
    In ordinary print only the best match is confirmed, and only when it beats every
    digit but the other of the two by NEAR_MARGIN. Struck in dots, where a zero's slash
    runs into its sides, the two are the best matches by DOTTED_PAIR_MARGIN and the
    waist, measured over a dot row, names either."""
    pair = {"0": "8", "8": "0"}
    if digit not in pair:
        return None
    others = (digits != digit) & (digits != pair[digit])
    lead = float(row[~others].max()) - float(row[others].max(initial=0.0))
    if lead < (DOTTED_PAIR_MARGIN if dotted else NEAR_MARGIN):
        return None
    w = waist(shape, max(1, round(DOT_ROW * SHAPE[1])) if dotted else 1)
    named = "0" if w >= ZERO_WAIST else "8" if w <= EIGHT_WAIST else None
    return named if dotted or named == digit else None


def side_ink(shape: np.ndarray, rows: tuple[float, float], side: str) -> tuple[float, bool]:
    """(share of the rows ``rows`` (of the height) of a normalised glyph with ink in the
    third of its width on ``side``, left or right; whether that part is wholly clear of
    ink, even faint: a hairline stroke blurred below half grey is no open side)."""
    ink = shape > 0.5
    h = ink.shape[0]
    cols = np.flatnonzero(ink.any(axis=0))
    if not len(cols):
        return 0.0, False

    def at_side(parts: int) -> slice:     # the columns of 1/parts of the width on ``side``
        n = max(1, round((cols[-1] + 1 - cols[0]) / parts))
        return slice(cols[0], cols[0] + n) if side == "left" else \
            slice(cols[-1] + 1 - n, cols[-1] + 1)

    band = slice(int(rows[0] * h), int(rows[1] * h))
    part = ink[band, at_side(3)]
    if not part.size:
        return 0.0, False
    return float(part.any(axis=1).mean()), bool((shape[band, at_side(4)] < FAINT_INK).all())


def _shows(shape: np.ndarray, digit: str, rival: str) -> bool:
    """Whether a glyph shows ``digit`` rather than ``rival`` by a feature one of the two
    has and the other lacks: an open side (SIDE_PAIRS: every row of it open, or every row
    inked), or, for a 0 against an 8, the waist (a 0 keeps its width, an 8 pinches)."""
    ink = shape > 0.5
    columns = int(ink.any(axis=0).sum())
    if not columns or ink.sum() / (columns * ink.shape[0]) < SIDE_MIN_FILL:
        return False    # hairline strokes: one blurred below half grey leaves a side open
    inked_rows = np.flatnonzero(ink.any(axis=1))
    if len(inked_rows) != inked_rows[-1] + 1 - inked_rows[0]:
        return False    # broken across (a row without ink): a stroke may be missing
    if {digit, rival} == {"0", "8"}:
        w = waist(shape)
        return w >= ZERO_WAIST if digit == "0" else w <= EIGHT_WAIST
    opened, inked = set(), set()    # the digits the pair's tests show by an open side, by ink
    for open_digit, inked_digit, rows, side in SIDE_PAIRS:
        if {digit, rival} == {open_digit, inked_digit}:
            share, clear = side_ink(shape, rows, side)
            if clear:
                opened.add(open_digit)
            elif share == 1.0:
                inked.add(inked_digit)
    told = opened or inked      # a side wholly open is not made by a stroke run astray
    return told == {digit}


def _side_digit(row: np.ndarray, digits: np.ndarray, shape: np.ndarray) -> str | None:
    """The best matched digit when the glyph shows it rather than each digit matched less
    than MIN_MARGIN below it (the next best at least) by a feature (:func:`_shows`): a 6
    against an 8 and a 0 both matched nearly as well."""
    best = {d: float(row[digits == d].max(initial=0.0)) for d in "0123456789"}
    top = max(best.values())
    ranked = sorted(best, key=best.get, reverse=True)
    near = [d for d in ranked if best[d] > top - MIN_MARGIN]
    near = near if len(near) > 1 else ranked[:2]    # told from the next best at least
    first = near[0]
    return first if all(_shows(shape, first, r) for r in near[1:]) else None


def evenly_spaced(boxes: list[tuple[int, int, int, int]]) -> bool:
    """Whether the glyphs' centres step evenly along the band, as a NIK's digits do (a
    card sets them at one pitch); pieces of broken strokes do not."""
    if len(boxes) < 3:
        return True
    centres = np.array([(x0 + x1) / 2 for x0, x1, _, _ in boxes])
    steps = np.arange(len(centres))
    pitch, start = np.polyfit(steps, centres, 1)
    return pitch > 0 and float(np.abs(centres - start - pitch * steps).max()) \
        <= PITCH_TOLERANCE * pitch


def read_glyphs(binary: np.ndarray, boxes: list[tuple[int, int, int, int]],
                dotted: bool = False) -> str:
    """The digits of the glyphs in ``boxes`` of a band of print, ``?`` where unsure (the
    glyphs normalised together: :func:`normalise_band`); none named when the glyphs are
    not evenly spaced (the band was not cut into its digits). ``dotted``: the band was
    struck in dots (see :func:`match_shapes`)."""
    if not evenly_spaced(boxes):
        return "?" * len(boxes)
    ink = binary == 0
    return match_shapes(normalise_band([ink[y0:y1, x0:x1] for x0, x1, y0, y1 in boxes]),
                        dotted)
