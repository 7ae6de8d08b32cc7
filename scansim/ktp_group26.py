"""Twenty-sixth-group KTP prints and print looks: a print of ukel (the batik of little curls:
rows of small spirals, each leading into the next by its tail, turned one way on a row and
the other way on the next, the rows in two colours), a print of tumpal (bands of tall
triangles standing side by side, a smaller one and a dot inside each, pointing up in one
band and down in the next), a card handed in as a phone's photo of it held in the hand
(genggam: the card pinched between a thumb lying over one of its lower corners and the
fingers behind it, whose tips show below its foot; a desk or a cloth with things lying
about behind it; seen a few degrees from square, a little shaken, a JPEG), and a card
copied and that copy scanned through a sheet feeder whose rollers slipped (selip: the
image drawn out and squeezed in bands along the feed, rows read twice where the sheet
stopped for a moment and rows never read where it jumped; a line of dust on the scan bar
drawing a thin streak down the whole sheet; the red, green and blue sensor lines, which
read each row at slightly different moments, lying a fraction of a row apart, more so
where the sheet's speed strayed)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

from scansim.formpages import jpeg

# A card held in the hand and photographed (see genggam): each drawn per card from its
# range; sizes in mm at the card's own scale.
HAND = {"fill": (0.84, 0.9),         # the card's width as a share of the picture's
        "keystone": (0.015, 0.045),  # how much shorter its far side (share of its size)
        "turn": (-3.0, 3.0),         # degrees the card is turned in the picture
        "thumb_mm": (15.5, 19.0),    # the thumb's width
        "finger_mm": (12.5, 15.0),   # the other fingers' width
        "shake_mm": (0.12, 0.4),     # how far the phone moved while the shutter was open
        "quality": (72, 88)}         # the phone's JPEG
# Skin from light to dark brown (the back of a hand in indoor light).
SKINS = ((236, 198, 170), (224, 180, 146), (206, 156, 118), (186, 134, 98),
         (156, 106, 76), (124, 84, 60))
# How the card is held: a right thumb over the lower right corner, a right thumb lying
# along the foot (over the ends of the lowest rows' values), a left thumb over the lower
# left corner (over the lowest rows' labels).
GRIPS = ("sudut", "sudut", "bawah", "kiri")
SURFACES = ("meja", "kain", "taplak")   # a desk with things on it, a sarong, a tablecloth
WOODS = ((198, 162, 120), (180, 138, 96), (214, 206, 192), (160, 120, 86))
CLOTHS = (((120, 36, 44), (36, 52, 96), (232, 226, 210)),   # maroon and navy checks
          ((40, 92, 70), (196, 160, 60), (236, 232, 220)),    # green and mustard
          ((70, 70, 120), (150, 60, 110), (230, 230, 236)))   # indigo and plum
# A card copied and then fed through a slipping sheet feeder (see selip).
FEED = {"bands": (4.0, 8.0),         # stretches where the sheet's speed strayed, per 100 mm
        "band_mm": (4.0, 16.0),      # each one's length along the feed
        "speed": (0.03, 0.08),       # how far its speed strayed there (share)
        "stalls": (1.0, 2.5),        # moments the sheet stopped (rows read again), per 100 mm
        "stall_mm": (0.25, 0.9),
        "skips": (1.0, 2.5),         # moments it jumped (rows never read), per 100 mm
        "skip_mm": (0.15, 0.6),
        "drift": 0.01,               # the sheet's length as read within this share of its own
        "gap_rows": (4.0, 8.0),      # rows (at 300 dpi) between the sensor's colour lines
        "fringe": (0.2, 0.45),       # their fixed misregistration (px at 300 dpi)
        "dust_mm": (0.08, 0.22),     # the dust streak's width
        "dust": (0.3, 0.55)}         # how much of the light it blocks


# -- the security prints ------------------------------------------------------------------

def ukel(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Ukel: rows of curls 2.4-3 mm apart, each a spiral of one and a half turns whose
    outer end runs on as a tail into the next curl, the spirals of one row winding one way
    and those of the next the other way; the rows in ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    pitch = rng.uniform(2.4, 3.0) * u
    row = 0.85 * pitch
    r = 0.34 * pitch
    width = max(1, round(0.07 * u))
    ts = np.linspace(0, 3 * math.pi, 36)
    radii = r * (1 - ts / (3.6 * math.pi))
    spiral = list(zip(radii * np.cos(ts), -radii * np.sin(ts), strict=True))
    tail = [(r, 0.0), (0.62 * pitch, 0.45 * r), (pitch - r * 0.95, 0.1 * r)]
    ox, oy = rng.uniform(0, pitch), rng.uniform(0, row)
    for k, cy in enumerate(np.arange(oy - row, h + row, row)):
        sx = 1 if k % 2 == 0 else -1
        ink = color if k % 2 == 0 else second
        for cx in np.arange(ox - pitch + (k % 2) * pitch / 2, w + pitch, pitch):
            for shape in (spiral, tail):
                d.line([(cx + sx * x, cy + y) for x, y in shape], fill=ink, width=width)


def tumpal(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Tumpal: bands 4.5-5.5 mm tall of triangles 2.6-3.2 mm wide standing side by side,
    a smaller triangle and a dot inside each, pointing up in one band and down in the
    next, a thin rule between the bands; the bands in ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    band = rng.uniform(4.5, 5.5) * u
    base = rng.uniform(2.6, 3.2) * u
    width = max(1, round(0.07 * u))
    dot = max(1.0, 0.16 * u)
    oy = rng.uniform(0, band)
    for k, y0 in enumerate(np.arange(oy - band, h + band, band)):
        ink = color if k % 2 == 0 else second
        d.line([(0, y0), (w, y0)], fill=ink, width=width)
        foot, apex = (y0 + 0.9 * band, y0 + 0.14 * band) if k % 2 == 0 else \
            (y0 + 0.1 * band, y0 + 0.86 * band)
        for x0 in np.arange(-base + (k % 2) * base / 2, w + base, base):
            outer = [(x0, foot), (x0 + base / 2, apex), (x0 + base, foot)]
            cx, cy = x0 + base / 2, (2 * foot + apex) / 3
            inner = [(cx + 0.5 * (x - cx), cy + 0.5 * (y - cy)) for x, y in outer]
            d.line(outer, fill=ink, width=width)
            d.polygon(inner, outline=ink, width=width)
            d.ellipse([cx - dot, cy - dot, cx + dot, cy + dot], fill=ink)


# -- held in the hand and photographed ----------------------------------------------------

def _capsule(shape: tuple[int, int], tip, direction, radius: float, length: float,
             soft: float) -> tuple[tuple[slice, slice], np.ndarray, np.ndarray, np.ndarray]:
    """A finger lying on a plane of ``shape`` (h, w): its round tip's centre at ``tip``
    (px), pointing along ``direction`` (unit, from its root to its tip), ``radius`` px
    wide at the tip, a fifth wider towards its root, ``length`` px long from the tip
    back. Returns the part of the plane it lies in (slices) and there how much of each
    pixel it covers (0..1, an edge ``soft`` px wide), how far each pixel lies back from the
    tip's centre along it (px) and across it (in its own half widths, signed)."""
    h, w = shape
    dx, dy = direction
    ends = np.array([tip, (tip[0] - dx * length, tip[1] - dy * length)])
    reach = 1.3 * radius + soft
    x0, y0 = np.floor(ends.min(axis=0) - reach).astype(int)
    x1, y1 = np.ceil(ends.max(axis=0) + reach).astype(int)
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, max(x1, 0)), min(h, max(y1, 0))
    box = (slice(y0, max(y0, y1)), slice(x0, max(x0, x1)))
    yy, xx = np.mgrid[y0:max(y0, y1), x0:max(x0, x1)].astype(np.float32)
    rx, ry = xx - tip[0], yy - tip[1]
    along = -(rx * dx + ry * dy)
    across = -rx * dy + ry * dx
    half = radius * (1 + 0.2 * np.clip(along / (3 * radius), 0, 1)
                     + 0.04 * np.exp(-((along - 2.6 * radius) / (0.5 * radius)) ** 2))
    tip_round = np.sqrt((np.minimum(along, 0) / 1.12) ** 2 + across ** 2) / radius
    dist = np.where(along < 0, tip_round, np.abs(across) / half)
    cover = np.clip((1 - dist) * radius / soft + 0.5, 0, 1) * (along < length)
    return box, cover.astype(np.float32), along, (across / half).astype(np.float32)


def _skin(skin: np.ndarray, across: np.ndarray, light: float = 1.0) -> np.ndarray:
    """Skin shaded round like a finger lit from above and a little left: darker at its
    sides, a soft bright ridge a third of the way in from its lit side."""
    n = np.clip(across, -1, 1)
    shade = 0.7 + 0.34 * np.sqrt(1 - n ** 2) + 0.1 * np.exp(-((n + 0.35) / 0.25) ** 2)
    return skin[None, None, :] * (light * shade)[..., None]


def grip_plan(size: tuple[int, int], rng: random.Random, u: float, *, clear: float = 0.0,
              grip: str | None = None) -> dict:
    """How the hand holds a card of ``size`` (px, at ``u`` px a mm): ``grip`` (a key of
    GRIPS; else drawn), the thumb's tip (its round's centre, px on the card), which way
    it points (unit, from its root to its tip) and its half width (px); the other
    fingers' (tip, direction, half width) below the card's foot; the palm's centre and
    half axes. The thumb keeps below ``clear`` (px from the card's top: the NIK's and
    the name's lines) by its tip's round and a millimetre more."""
    w, h = size
    wmm, hmm = w / u, h / u
    grip = grip or rng.choice(GRIPS)
    r = rng.uniform(*HAND["thumb_mm"]) / 2
    low = clear / u + 1.15 * r + 1.0
    if grip == "sudut":     # over the lower right corner, pointing up and left
        tip = (wmm - rng.uniform(13, 24), max(low, rng.uniform(31, 44)))
        a = math.radians(rng.uniform(35, 65))
        direction = (-math.cos(a), -math.sin(a))
    elif grip == "bawah":   # lying along the foot from the right, over the rows' ends
        tip = (rng.uniform(38, 52), max(low, rng.uniform(45, 50)))
        a = math.radians(rng.uniform(4, 16))
        direction = (-math.cos(a), -math.sin(a))
    else:                   # kiri: a left thumb over the lower left corner
        tip = (rng.uniform(12, 22), max(low, rng.uniform(40, 48)))
        a = math.radians(rng.uniform(30, 60))
        direction = (math.cos(a), -math.sin(a))
    side = -1 if grip == "kiri" else 1          # the hand's side: +1 right, -1 left
    fingers = []
    fr = rng.uniform(*HAND["finger_mm"]) / 2
    base_x = wmm - 20 if side > 0 else 20
    for k in range(rng.randint(2, 3)):   # curled under the foot, their tips towards the middle
        fx = base_x - side * (10 + 13 * k + rng.uniform(-2, 2))
        fy = hmm + fr * rng.uniform(0.15, 0.7) + 1.2 * k
        b = math.radians(rng.uniform(-14, 4))
        fingers.append(((fx * u, fy * u), (-side * math.cos(b), math.sin(b)), fr * u * 0.97 ** k))
    palm = ((wmm + 8 if side > 0 else -8) * u, (hmm + 18) * u, 34 * u, 24 * u)
    return {"grip": grip, "tip": (tip[0] * u, tip[1] * u), "direction": direction,
            "radius": r * u, "fingers": fingers, "palm": palm}


def _held(card: Image.Image, rng: random.Random, u: float, plan: dict, skin: np.ndarray,
          margin: int, *, thumb: bool) -> tuple[np.ndarray, np.ndarray]:
    """The card in the hand on a plane ``margin`` px wider all round than the card: the
    palm and the curled fingers behind and below it, the card (its corners rounded), the
    thumb over it with its soft shadow on the card (left out with ``thumb`` False).
    Returns the colours (H, W, 3) and how much of each pixel they cover (H, W)."""
    w, h = card.size
    H, W = h + 2 * margin, w + 2 * margin
    g = np.random.default_rng(rng.getrandbits(32))   # the skin's texture
    rgb = np.zeros((H, W, 3), np.float32)
    alpha = np.zeros((H, W), np.float32)
    soft = max(0.8, 0.15 * u)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    px, py, ax, ay = plan["palm"]
    pr = np.hypot((xx - px - margin) / ax, (yy - py - margin) / ay)
    palm = np.clip((1 - pr) * ax / soft + 0.5, 0, 1)
    rgb += _skin(skin, np.clip((xx - px - margin) / ax, -1, 1), 0.82) * palm[..., None]
    alpha = np.maximum(alpha, palm)
    for tip, direction, radius in plan["fingers"]:
        box, cover, along, across = _capsule((H, W), (tip[0] + margin, tip[1] + margin),
                                             direction, radius, 80 * u, soft)
        crease = 1 - 0.14 * np.exp(-((along - 2.2 * radius - 0.3 * radius * across ** 2)
                                     / (0.06 * radius)) ** 2)
        colour = _skin(skin, across, 0.88) * crease[..., None]
        rgb[box] = rgb[box] * (1 - cover[..., None]) + colour * cover[..., None]
        alpha[box] = np.maximum(alpha[box], cover)
    # the card, its corners rounded, over the hand behind it
    mask = Image.new("L", card.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(3.2 * u),
                                           fill=255)
    a = np.asarray(mask, np.float32) / 255
    inside = (slice(margin, margin + h), slice(margin, margin + w))
    face = np.asarray(card.convert("RGB"), np.float32)
    rgb[inside] = rgb[inside] * (1 - a[..., None]) + face * a[..., None]
    alpha[inside] = np.maximum(alpha[inside], a)
    if thumb:
        tip = (plan["tip"][0] + margin, plan["tip"][1] + margin)
        r = plan["radius"]
        box, cover, along, across = _capsule((H, W), tip, plan["direction"], r, 90 * u, soft)
        full = np.zeros((H, W), np.float32)
        full[box] = cover
        shadow = cv2.GaussianBlur(np.roll(full, (round(1.4 * u), round(0.9 * u)), (0, 1)),
                                  (0, 0), 1.1 * u)
        rgb *= (1 - 0.45 * shadow * (1 - full))[..., None]
        bh, bw = cover.shape
        blotch = cv2.resize(g.normal(0, 1, (max(2, bh // 40), max(2, bw // 40))).astype(
            np.float32), (bw, bh), interpolation=cv2.INTER_CUBIC)
        grain = g.normal(0, 1, (bh, bw)).astype(np.float32)
        colour = _skin(skin, across) * (1 + 0.025 * blotch + 0.012 * grain)[..., None]
        flush = np.exp(-np.maximum(along + r, 0) / (1.6 * r))   # the tip a little redder
        colour *= (1 + np.array((0.03, -0.04, -0.05), np.float32) * flush[..., None])
        half = across * r   # px across the axis
        shape = np.abs((along - 0.68 * r) / (0.7 * r)) ** 3 + np.abs(half / (0.56 * r)) ** 3
        nail = shape < 1
        pink = np.array((240, 206, 200), np.float32)
        plate = (0.6 * skin + 0.4 * pink)[None, None, :] * \
            (0.9 + 0.12 * np.sqrt(np.clip(1 - across ** 2, 0, 1)))[..., None]
        shine = np.exp(-((across + 0.25) / 0.12) ** 2) \
            * np.exp(-((along - 0.7 * r) / (0.35 * r)) ** 2)   # the nail's gloss
        plate = plate + 40 * shine[..., None]
        free = np.clip(1 - (along + 0.02 * r + 0.25 * r * across ** 2) / (0.14 * r), 0, 1)
        plate = plate * (1 - free[..., None]) \
            + np.array((240, 232, 222), np.float32) * free[..., None]   # its free edge
        colour = np.where(nail[..., None], plate, colour)
        rim = np.exp(-((shape - 1) / 0.1) ** 2) * (along > 0.75 * r)   # the cuticle's fold
        colour *= (1 - 0.16 * rim)[..., None]
        for at in (2.45 * r, 2.7 * r):   # the knuckle's creases, bowed
            line = np.exp(-((along - at - 0.3 * r * across ** 2) / (0.045 * r)) ** 2)
            colour *= (1 - 0.12 * line * np.clip(1.3 - np.abs(across), 0, 1))[..., None]
        rgb[box] = rgb[box] * (1 - cover[..., None]) + colour * cover[..., None]
        alpha[box] = np.maximum(alpha[box], cover)
    return rgb, alpha


def photo_quad(size: tuple[float, float], plan: dict, centre: tuple[float, float]
               ) -> np.ndarray:
    """Where a flat sheet or card ``size`` (w, h) lies in a photo of it (float64, its
    corners from the top left, clockwise): ``plan["fill"]`` of its own size, the side
    ``plan["far"]`` from the lens shortened by ``plan["keystone"]``, turned
    ``plan["turn"]`` degrees, about ``centre``."""
    cw, ch = plan["fill"] * size[0], plan["fill"] * size[1]
    quad = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2],
                     [-cw / 2, ch / 2]], np.float64)
    pairs = list({"left": (0, 3), "right": (1, 2), "top": (0, 1), "bottom": (3, 2)}[plan["far"]])
    mid = quad[pairs].mean(axis=0)
    quad[pairs] = mid + (quad[pairs] - mid) * (1 - plan["keystone"])
    turn = math.radians(plan["turn"])
    rot = np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    return quad @ rot.T + np.array(centre)


def _surface(size: tuple[int, int], rng: random.Random, u: float, kind: str) -> np.ndarray:
    """What lies behind the held card (h, w, 3): a desk's wood with a pen, a coin, the
    corner of a printed sheet and a cable lying about (meja), a sarong's checks with its
    weave and folds (kain) or a plastic tablecloth's scattered flowers (taplak)."""
    w, h = size
    g = np.random.default_rng(rng.getrandbits(32))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    low = cv2.resize(g.normal(0, 1, (6, 8)).astype(np.float32), (w, h),
                     interpolation=cv2.INTER_CUBIC)
    if kind == "meja":
        wood = np.array(rng.choice(WOODS), np.float32)
        a = math.radians(rng.uniform(-20, 20))
        along = -xx * math.sin(a) + yy * math.cos(a)
        grain = np.sin(along / (rng.uniform(1.2, 2.2) * u) + 2.5 * low) + \
            0.35 * cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 0.6 * u)
        out = wood[None, None, :] * (1 + 0.05 * grain[..., None])
        img = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
        d = ImageDraw.Draw(img)
        things = rng.sample(("pena", "koin", "kertas", "kabel"), rng.randint(2, 3))
        for thing in things:
            cx, cy = rng.uniform(0, w), rng.choice((rng.uniform(0, 0.15), rng.uniform(0.85, 1))) * h
            t = rng.uniform(0, math.pi)
            if thing == "pena":
                half, r = 70 * u, 4.2 * u
                ends = [(cx - half * math.cos(t), cy - half * math.sin(t)),
                        (cx + half * math.cos(t), cy + half * math.sin(t))]
                d.line(ends, fill=rng.choice(((30, 50, 140), (24, 24, 28), (200, 40, 40))),
                       width=round(2 * r))
                d.line([ends[0], ((ends[0][0] + cx) / 2, (ends[0][1] + cy) / 2)],
                       fill=(236, 236, 240), width=round(0.6 * r))
            elif thing == "koin":
                r = 12 * u
                d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(184, 178, 160),
                          outline=(120, 114, 100), width=max(1, round(0.8 * u)))
                d.ellipse([cx - 0.7 * r, cy - 0.7 * r, cx + 0.7 * r, cy + 0.7 * r],
                          outline=(150, 144, 128), width=max(1, round(0.4 * u)))
            elif thing == "kertas":
                sheet = Image.new("RGB", (round(120 * u), round(160 * u)), (246, 245, 240))
                sd = ImageDraw.Draw(sheet)
                for k in range(int(12 * u), sheet.height, int(4.5 * u)):
                    x, end = 12 * u, 12 * u + rng.uniform(40, 100) * u
                    while x < end:   # a printed line: its words
                        word = rng.uniform(3, 14) * u
                        sd.line([(x, k), (min(end, x + word), k)], fill=(120, 120, 128),
                                width=max(1, round(0.45 * u)))
                        x += word + 1.6 * u
                sheet = sheet.rotate(math.degrees(t), expand=True, fillcolor=(0, 0, 0))
                img.paste(sheet, (round(cx - sheet.width / 2), round(cy - sheet.height / 2)),
                          sheet.convert("L").point(lambda v: 255 if v else 0))
            else:   # a charging cable's loose loop
                pts = [(cx + 30 * u * math.cos(s) * (1 + 0.4 * math.sin(3 * s)),
                        cy + 18 * u * math.sin(s)) for s in np.linspace(0, 1.7 * math.pi, 40)]
                d.line(pts, fill=rng.choice(((238, 238, 236), (30, 30, 32))),
                       width=round(2.6 * u), joint="curve")
        out = np.asarray(img, np.float32)
    elif kind == "kain":
        dark, second, light = (np.array(c, np.float32) for c in rng.choice(CLOTHS))
        pitch = rng.uniform(14, 22) * u
        a = math.radians(rng.uniform(-12, 12))
        s = xx * math.cos(a) + yy * math.sin(a)
        t = -xx * math.sin(a) + yy * math.cos(a)
        band_s = (np.mod(s / pitch, 1) < 0.45).astype(np.float32)
        band_t = (np.mod(t / pitch, 1) < 0.45).astype(np.float32)
        thin = ((np.abs(np.mod(s / pitch, 1) - 0.72) < 0.03) |
                (np.abs(np.mod(t / pitch, 1) - 0.72) < 0.03)).astype(np.float32)
        both = band_s * band_t              # where two bands cross: the darkest
        one = band_s + band_t - 2 * both    # one band alone
        ground = (1 - band_s) * (1 - band_t)
        out = dark * both[..., None] + (0.5 * dark + 0.5 * second) * one[..., None] \
            + second * ground[..., None]
        out = out * (1 - thin[..., None]) + light * thin[..., None]
        weave = np.sin(s / (0.35 * u)) * np.sin(t / (0.35 * u))
        folds = np.sin((s * 0.7 + t * 0.3) / (rng.uniform(18, 30) * u) + 1.5 * low)
        out *= (1 + 0.05 * weave + 0.12 * folds)[..., None]
    else:   # taplak: a plastic tablecloth printed with flowers
        base = np.array(rng.choice(((238, 226, 204), (214, 232, 226), (238, 214, 218))),
                        np.float32)
        img = Image.fromarray(np.uint8(np.broadcast_to(base, (h, w, 3))), "RGB")
        d = ImageDraw.Draw(img)
        inks = rng.choice((((196, 70, 80), (80, 140, 90)), ((60, 100, 170), (220, 160, 40))))
        pitch = rng.uniform(16, 22) * u
        for k, cy in enumerate(np.arange(-pitch, h + pitch, pitch * 0.8)):
            for cx in np.arange(-pitch + (k % 2) * pitch / 2, w + pitch, pitch):
                r = 2.4 * u
                for p in range(5):
                    b = 2 * math.pi * p / 5
                    px, py = cx + 1.3 * r * math.cos(b), cy + 1.3 * r * math.sin(b)
                    d.ellipse([px - r, py - r, px + r, py + r], fill=inks[0])
                d.ellipse([cx - 0.7 * r, cy - 0.7 * r, cx + 0.7 * r, cy + 0.7 * r],
                          fill=(240, 220, 120))
                d.line([(cx + 2.5 * r, cy + 2.5 * r), (cx + 4.5 * r, cy + 2.2 * r)],
                       fill=inks[1], width=max(1, round(0.9 * u)))
        out = np.asarray(img, np.float32) * (1 + 0.06 * low[..., None])
    return np.clip(out, 0, 255).astype(np.float32)


def shake_kernel(length: float, angle: float) -> np.ndarray:
    """A hand's shake: a straight blur ``length`` px long at ``angle`` radians (0 along the
    rows), its weights summing to one."""
    k = int(math.ceil(length)) * 2 + 1
    kernel = np.zeros((k, k), np.float32)
    c = k // 2
    for s in np.linspace(-length / 2, length / 2, 4 * k):
        kernel[round(c + s * math.sin(angle)), round(c + s * math.cos(angle))] += 1
    return kernel / kernel.sum()


def genggam(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
            clear: float = 0.0, grip: str | None = None, thumb: bool = True,
            surface: str | None = None) -> Image.Image:
    """The card handed in as a phone's photo of it held in the hand: pinched between a
    thumb over one of its lower corners (:func:`grip_plan`, ``grip``; kept below
    ``clear``, px from the card's top) and the fingers behind it, whose curled tips and
    palm show below and beside its foot (skin from light to dark brown, shaded round, the
    thumb's nail and creases); behind it a ``surface`` (a key of SURFACES; else drawn),
    the card and hand's soft shadow on it; the card filling 84-90 % of the picture's
    width, turned up to three degrees, its far side 1.5-4.5 % shorter; the room's light
    falling off across it, the phone moved a little while the shutter was open (a blur
    0.12-0.4 mm long, longer with ``amount``), its sharpening and noise, a JPEG. With
    ``thumb`` False the thumb and its shadow are left out, every other draw the same."""
    u = dpi / 25.4
    w, h = img.size
    plan = grip_plan((w, h), rng, u, clear=clear, grip=grip)
    skin = np.array(rng.choice(SKINS), np.float32) * np.array(
        [rng.uniform(0.96, 1.04) for _ in range(3)], np.float32)
    kind = surface or rng.choice(SURFACES)
    margin = round(30 * u)
    held, alpha = _held(img, rng, u, plan, skin, margin, thumb=thumb)
    # where the card's corners land in the picture
    fill = rng.uniform(*HAND["fill"])
    cw, ch = fill * w, fill * h
    side = 1 if plan["grip"] != "kiri" else -1
    cx = w / 2 - side * rng.uniform(0.0, 0.03) * w
    cy = h / 2 - rng.uniform(0.0, 0.04) * h
    quad = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2],
                     [-cw / 2, ch / 2]], np.float64)
    squeeze = rng.uniform(*HAND["keystone"])
    far = rng.choice(("left", "right", "top", "bottom"))
    pairs = {"left": (0, 3), "right": (1, 2), "top": (0, 1), "bottom": (3, 2)}[far]
    mid = quad[list(pairs)].mean(axis=0)
    quad[list(pairs)] = mid + (quad[list(pairs)] - mid) * (1 - squeeze)
    turn = math.radians(rng.uniform(*HAND["turn"]))
    rot = np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    quad = quad @ rot.T + np.array([cx, cy])
    src = np.float32([[margin, margin], [margin + w, margin], [margin + w, margin + h],
                      [margin, margin + h]])
    matrix = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(held, matrix, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(alpha, matrix, (w, h), flags=cv2.INTER_LINEAR)
    scene = _surface((w, h), random.Random(rng.getrandbits(32)), u * fill, kind)
    lift = rng.uniform(2.0, 4.0) * u   # the card held above the surface: a soft shadow
    shade = cv2.GaussianBlur(np.roll(cover, (round(0.8 * lift), round(0.5 * lift)), (0, 1)),
                             (0, 0), 0.8 * lift)
    scene *= (1 - 0.45 * shade)[..., None]
    out = scene * (1 - cover[..., None]) + warped * cover[..., None]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    lx, ly = rng.uniform(-0.2, 1.2) * w, rng.uniform(-0.4, 0.2) * h
    light = 1.06 - 0.2 * np.hypot(xx - lx, yy - ly) / math.hypot(w, h)
    warm = rng.uniform(-0.04, 0.07)
    out *= light[..., None] * np.array((1 + warm / 2, 1.0, 1 - warm), np.float32)
    length = max(1.0, rng.uniform(*HAND["shake_mm"]) * (0.6 + 0.4 * amount) * u)
    out = cv2.filter2D(np.clip(out, 0, 255), -1, shake_kernel(length, rng.uniform(0, math.pi)))
    soft = cv2.GaussianBlur(out, (0, 0), max(1.0, 0.1 * u))
    g = np.random.default_rng(rng.getrandbits(32))
    out = out + 0.6 * (out - soft) + g.normal(0, 2.8, out.shape).astype(np.float32)
    picture = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return jpeg(picture, rng.randint(*HAND["quality"])).convert("RGB")


# -- through a slipping sheet feeder ------------------------------------------------------

def feed_rows(n: int, rng: random.Random, amount: float, u: float, *, pad: int = 0
              ) -> np.ndarray:
    """Which row of the sheet (a float: between two rows, some of each) the feeder's
    sensor read as each of ``n`` rows of the scan (and ``pad`` rows either side, so that
    lines read a little earlier or later can be placed): the sheet at its speed but in
    bands 4-16 mm long, 4-8 to each 100 mm, where the rollers slipped and it went 3-8 %
    slower (the image drawn out) or caught up and went faster (squeezed); at 1-2.5 moments
    to each 100 mm it stopped for 0.25-0.9 mm (the same row read again and again: a smear)
    and at as many it jumped 0.15-0.6 mm on (rows never read); its whole length read
    within 1 % of its own. The sheet's first row lies at the scan's first."""
    total = n + 2 * pad
    mm = n / u
    v = np.ones(total, np.float64)
    ys = np.arange(total, dtype=np.float64)
    scale = 0.6 + 0.4 * amount
    for _ in range(max(1, round(rng.uniform(*FEED["bands"]) * mm / 100))):
        length = rng.uniform(*FEED["band_mm"]) * u
        at = rng.uniform(-0.3 * length, n - 0.7 * length) + pad
        t = np.clip((ys - at) / length, 0, 1)
        bump = np.where((ys >= at) & (ys <= at + length), 0.5 - 0.5 * np.cos(2 * math.pi * t), 0)
        v += rng.choice((-1, 1)) * rng.uniform(*FEED["speed"]) * scale * bump
    for _ in range(max(1, round(rng.uniform(*FEED["stalls"]) * mm / 100))):
        at = pad + rng.randrange(n)
        v[at:at + max(1, round(rng.uniform(*FEED["stall_mm"]) * scale * u))] = 0.0
    for _ in range(max(1, round(rng.uniform(*FEED["skips"]) * mm / 100))):
        v[pad + rng.randrange(n)] += max(1.0, rng.uniform(*FEED["skip_mm"]) * scale * u)
    s = np.cumsum(v)   # rows read so far
    s -= s[pad]
    read = s[pad + n - 1] if n > 1 else 1.0
    drift = FEED["drift"] * (n - 1)
    if abs(read - (n - 1)) > drift:   # the whole sheet read a little long or short at most
        s *= (n - 1 + math.copysign(drift, read - (n - 1))) / read
    return s


def _feed(arr: np.ndarray, rng: random.Random, amount: float, dpi: int, color: bool
          ) -> tuple[np.ndarray, np.ndarray]:
    """``arr`` (h, w, 3 floats) fed through the slipping feeder: its rows taken as
    :func:`feed_rows` reads them, the red and blue sensor lines ``FEED["gap_rows"]`` rows
    either side of the green reading the sheet at their own moments (so where its speed
    strayed they lie apart) and misregistered by a fixed fraction of a row besides (in a
    colour scan; a grey scan reads one line); the dust on the scan bar a thin streak down
    the whole sheet, coloured where it covers one line more than another. Returns the scan
    and the sheet's row read as each of its rows (green's)."""
    u = dpi / 25.4
    h, w = arr.shape[:2]
    gap = rng.uniform(*FEED["gap_rows"]) * dpi / 300
    pad = int(math.ceil(gap)) + 2
    s = feed_rows(h, rng, amount, u, pad=pad)
    fixed = rng.uniform(*FEED["fringe"]) * dpi / 300 * rng.choice((-1, 1))
    ys = np.arange(h, dtype=np.float64)
    xs = np.arange(-pad, h + pad, dtype=np.float64)
    out = np.empty_like(arr)
    map_x = np.broadcast_to(np.arange(w, dtype=np.float32)[None, :], (h, w))
    for c, k in enumerate((-1, 0, 1)):
        delta = k * gap if color else 0.0
        rows = np.interp(ys + delta, xs, s) - delta + (k * fixed if color else 0.0)
        map_y = np.broadcast_to(rows.astype(np.float32)[:, None], (h, w))
        out[..., c] = cv2.remap(arr[..., c], np.ascontiguousarray(map_x),
                                np.ascontiguousarray(map_y), cv2.INTER_LINEAR,
                                borderMode=cv2.BORDER_REPLICATE)
    at = rng.uniform(0.08, 0.92) * w
    width = max(0.6, rng.uniform(*FEED["dust_mm"]) * u)
    streak = np.exp(-((np.arange(w, dtype=np.float32) - at) / width) ** 4)
    dark = rng.uniform(*FEED["dust"]) * (0.7 + 0.3 * amount)
    lines = np.array([rng.uniform(0.55, 1.0) for _ in range(3)], np.float32) if color \
        else np.ones(3, np.float32)
    out *= (1 - dark * streak[None, :, None] * lines[None, None, :])
    g = np.random.default_rng(rng.getrandbits(32))
    out += g.normal(0, 1.6, out.shape).astype(np.float32)
    return out, np.interp(ys, xs, s)


def selip(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """The card as a scan of its copy fed through a sheet feeder whose rollers slipped
    (:func:`feed_rows`, the feed running down the card): bands drawn out and squeezed,
    rows smeared and dropped, a dust streak down the whole card, a slight colour fringe
    (the card is scanned in colour here; a grey copy of it is made from that)."""
    arr = np.asarray(img.convert("RGB"), np.float32)
    out, _ = _feed(arr, rng, amount, dpi, True)
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


def selip_page(page: Image.Image, rng: random.Random, amount: float, dpi: int, *,
               color: bool = True) -> tuple[Image.Image, np.ndarray]:
    """A copy page scanned through the slipping sheet feeder, fed along its length: as
    :func:`selip` over the whole sheet, the colour fringe only in a colour scan. Returns
    the scan and the sheet's row read as each of its rows (:func:`fed_y` takes a row of
    the sheet to the scan's)."""
    arr = np.asarray(page.convert("RGB"), np.float32)
    out, rows = _feed(arr, rng, amount, dpi, color)
    if not color:
        out = np.repeat(out.mean(axis=2, keepdims=True), 3, axis=2)
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB"), rows


def fed_y(rows: np.ndarray, y: float) -> int:
    """The scan's row showing row ``y`` of the sheet, given the rows read (from
    :func:`selip_page`)."""
    return int(np.clip(np.searchsorted(rows, y), 0, len(rows) - 1))


__all__ = ["CLOTHS", "FEED", "GRIPS", "HAND", "SKINS", "SURFACES", "WOODS", "feed_rows",
           "fed_y", "genggam", "grip_plan", "selip", "selip_page", "shake_kernel", "tumpal",
           "ukel"]
