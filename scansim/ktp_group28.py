"""Twenty-eighth-group KTP prints and print looks: a print of pring sedapur (clumps of
bamboo: a few thin jointed stems rising from one root and leaning apart, narrow leaves in
pairs off their upper joints, in staggered rows), a print of latohan (Lasem's sea grape:
upright fronds swaying side to side, strung with small round beads on little stalks, the
fronds in two colours by turns), a card "scanned" with a phone's document-scanner app in
its automatic magic-colour mode (ajaib: photographed on a table, its corners found a
little off by the app, then the paper bleached to pure white, the colours made loud, the
contrast crushed so pale print thins or breaks, the strokes sharpened with hard halos, the
app's small mark stamped in a bottom corner, saved as a JPEG of the app's own size; on a
copy page the app's ID-card page, front and back on one white sheet), and a card copied
lying at the corner of the copier's glass on a copier low on toner (pojok: a strip of up
to 4 mm off one or two of its sides lost past the edge the copier prints to, never the
NIK's digits nor the name's line; horizontal bands of paler print where the toner ran
thin, the toner's mottle)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

from scansim.draw import font as dejavu
from scansim.formpages import jpeg

# A card scanned with a phone's document-scanner app (see ajaib_plan): each drawn per card.
APP = {"page_px": (1240, 1654),       # the app's A4 page, its width in px (150-200 an inch)
       "quality": (68, 84),           # its JPEG
       "corner_mm": (-0.6, 0.7),      # how far out (+) the corners it found lie off the card's
       "light": (0.12, 0.3),          # how much darker the photo is on its dim side
       "cast": (-0.05, 0.06),         # the room light's warmth
       "white": (0.72, 0.82),         # the magic colour's white point (share of the paper's):
       "black": (0.2, 0.32),          # ... lighter goes white, pale print thins or breaks;
       "gamma": (0.85, 1.05),         # ... and its black point, its middle tones
       "saturation": (1.6, 2.1),      # the colours made loud
       "sharpen_mm": (0.18, 0.32),    # its sharpening's reach ...
       "sharpen": (1.4, 2.2),         # ... and strength (hard halos)
       "mark_mm": (1.5, 2.0)}         # the height of the app's mark on a card's picture
APPS = ("PindaiKilat", "KertasScan", "DokuCepat")   # the apps' names in their marks
MARK_INKS = ((38, 150, 96), (28, 110, 190), (214, 86, 40))   # their marks' colours
TABLES = ((96, 70, 52), (64, 60, 66), (150, 120, 88), (40, 52, 70))   # under the card
# A card copied at the corner of the glass on a copier low on toner (see pojok_plan).
CORNER = {"cut_mm": (1.5, 4.0),       # the strip lost past the copy's printing edge
          "left_mm": (0.8, 2.2),      # ... at the card's left, short of its labels
          "two": 0.5}                 # the share of cards losing two sides
# Where the card lost its strips: its top, its left or its right, or the top and one side
# (laid face down with its top against the glass's rear guide).
SIDES = (("top",), ("left",), ("right",), ("top", "left"), ("top", "right"))
TONER = {"overall": (0.76, 0.9),      # the darkness the print keeps everywhere
         "bands": (2, 4),             # horizontal bands of paler print
         "band_mm": (1.5, 6.0),       # each one's height
         "keep": (0.45, 0.7),         # the darkness kept in a band's middle
         "mottle": (0.12, 0.22)}      # the toner's patchiness


# -- the security prints ------------------------------------------------------------------

def pring_sedapur(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Pring sedapur: clumps of bamboo 8-9.5 mm apart in staggered rows, each of four to
    six thin stems rising from one root and leaning apart, a short tick across each joint
    (every 1.6-2.2 mm), narrow leaves in pairs off the upper joints; the stems in ``color``,
    the leaves in ``second``."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.1 * u))
    pitch_x = rng.uniform(8.0, 9.5) * u
    pitch_y = rng.uniform(8.0, 9.0) * u
    tall = 0.95 * pitch_y
    ts = np.linspace(0.0, 1.0, 10)
    ox, oy = rng.uniform(0, pitch_x), rng.uniform(0, pitch_y)
    for k, base in enumerate(np.arange(oy - pitch_y, h + tall, pitch_y)):
        for cx in np.arange(ox - pitch_x + (k % 2) * pitch_x / 2, w + pitch_x, pitch_x):
            n = rng.randint(4, 6)
            for s in range(n):
                off = s - (n - 1) / 2
                lean = off * rng.uniform(0.07, 0.12)
                top = tall * rng.uniform(0.78, 1.0)
                stem = (cx + off * 0.45 * u, base, lean, top, rng.uniform(-0.05, 0.05) * top)
                d.line([_along(stem, t) for t in ts], fill=color, width=width)
                joint = rng.uniform(1.6, 2.2) * u
                j = joint
                while j < top - 0.3 * u:
                    x, y = _along(stem, j / top)
                    d.line([(x - 0.25 * u, y), (x + 0.25 * u, y)], fill=color, width=width)
                    if j > 0.45 * top:   # a pair of leaves off the upper joints
                        for side in (-1, 1):
                            if rng.random() < 0.6:
                                _leaf(d, (x, y), side, rng.uniform(1.8, 2.8) * u,
                                      rng.uniform(20, 45), second, width)
                    j += joint


def _along(stem: tuple[float, float, float, float, float], t: float) -> tuple[float, float]:
    """The point ``t`` (0 root .. 1 tip) up a bamboo stem (its root's x and y, its lean,
    height and sideways bend, px)."""
    x0, base, lean, top, bend = stem
    return x0 + lean * t * top + bend * math.sin(math.pi * t), base - t * top


def _leaf(d: ImageDraw.ImageDraw, root: tuple[float, float], side: int, length: float,
          droop: float, ink, width: int) -> None:
    """A narrow bamboo leaf ``length`` px long off ``root``, pointing to ``side`` and
    drooping ``droop`` degrees: its outline, widest a third of the way along."""
    a = math.radians(droop)
    ax, ay = side * math.cos(a), math.sin(a)   # along the leaf
    nx, ny = -ay, ax                            # across it
    half = 0.16 * length
    pts = []
    for t in np.linspace(0.0, 1.0, 8):
        r = half * math.sin(math.pi * t ** 0.7)
        pts.append((root[0] + ax * length * t + nx * r, root[1] + ay * length * t + ny * r))
    for t in np.linspace(1.0, 0.0, 8):
        r = half * math.sin(math.pi * t ** 0.7)
        pts.append((root[0] + ax * length * t - nx * r, root[1] + ay * length * t - ny * r))
    d.line(pts, fill=ink, width=width)


def latohan(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Latohan: upright fronds 2.8-3.4 mm apart swaying side to side (a swing of 0.5-0.8 mm
    every 6-9 mm), strung with small round beads on short stalks, by turns left and right
    of the frond every 1.5-2 mm; the fronds in ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.09 * u))
    pitch = rng.uniform(2.8, 3.4) * u
    swing = rng.uniform(0.5, 0.8) * u
    wave = rng.uniform(6.0, 9.0) * u
    bead = rng.uniform(1.5, 2.0) * u
    r = 0.28 * u
    ys = np.arange(-2 * u, h + 2 * u, 0.5 * u)
    for k, x0 in enumerate(np.arange(rng.uniform(-pitch, 0), w + pitch, pitch)):
        ink = color if k % 2 == 0 else second
        phase = rng.uniform(0, 2 * math.pi)
        sway = x0 + swing * np.sin(2 * math.pi * ys / wave + phase)
        d.line(list(zip(sway.tolist(), ys.tolist(), strict=True)), fill=ink, width=width)
        side = 1
        for y in np.arange(rng.uniform(0, bead), h + bead, bead):
            x = x0 + swing * math.sin(2 * math.pi * y / wave + phase)
            bx, by = x + side * 0.7 * u, y - 0.35 * u
            d.line([(x, y), (bx, by)], fill=ink, width=width)
            d.ellipse([bx - r, by - r, bx + r, by + r], outline=ink, width=width)
            side = -side


# -- scanned with a phone's document-scanner app ----------------------------------------------

def ajaib_plan(size: tuple[int, int], rng: random.Random, u: float) -> dict:
    """How the app made the card's picture, for a card of ``size`` (px, ``u`` px a mm):
    how far out each of the corners it found lies (mm, along each side), the table under
    the card, the photo's light (its dim side, how much darker, its warmth), the magic
    colour's white and black points, gamma, saturation and sharpening, the app's page size
    and JPEG quality, and its mark (the app's name, colour, corner and height)."""
    return {"corners": [(rng.uniform(*APP["corner_mm"]), rng.uniform(*APP["corner_mm"]))
                        for _ in range(4)],
            "table": np.array(rng.choice(TABLES), np.float32),
            "dim": rng.uniform(0, 2 * math.pi), "light": rng.uniform(*APP["light"]),
            "cast": rng.uniform(*APP["cast"]),
            "white": rng.uniform(*APP["white"]), "black": rng.uniform(*APP["black"]),
            "gamma": rng.uniform(*APP["gamma"]), "saturation": rng.uniform(*APP["saturation"]),
            "sharpen_mm": rng.uniform(*APP["sharpen_mm"]), "sharpen": rng.uniform(*APP["sharpen"]),
            "page_px": rng.randint(*APP["page_px"]), "quality": rng.randint(*APP["quality"]),
            "app": rng.choice(APPS), "mark_ink": rng.choice(MARK_INKS),
            "mark_side": rng.choice(("left", "right")),
            "mark_mm": rng.uniform(*APP["mark_mm"])}


def _photographed(card: np.ndarray, plan: dict, u: float) -> np.ndarray:
    """The card (h, w, 3 floats) as the phone saw it on the table and the app cut it out:
    its rounded corners and any sliver of table the app's corners took in, the room's
    light falling off towards one side, warmer or cooler, the phone's soft optics."""
    h, w, _ = card.shape
    pad = round(3 * u)
    scene = np.empty((h + 2 * pad, w + 2 * pad, 3), np.float32)
    scene[:] = plan["table"]
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(3.2 * u),
                                           fill=255)
    alpha = np.asarray(mask, np.float32)[..., None] / 255
    scene[pad:pad + h, pad:pad + w] = card * alpha + plan["table"] * (1 - alpha)
    (a, b), (c, d), (e, f), (g, k) = plan["corners"]   # out along x and along y, mm
    quad = np.float32([[pad - a * u, pad - b * u], [pad + w + c * u, pad - d * u],
                       [pad + w + e * u, pad + h + f * u], [pad - g * u, pad + h + k * u]])
    rect = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(rect, quad)
    out = cv2.warpPerspective(scene, matrix, (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                              borderMode=cv2.BORDER_REPLICATE)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    along = ((xx - w / 2) * math.cos(plan["dim"]) + (yy - h / 2) * math.sin(plan["dim"])) \
        / math.hypot(w, h) + 0.5
    light = 1 - plan["light"] * np.clip(along, 0, 1)
    warm = plan["cast"]
    out = out * light[..., None] * np.array((1 + warm / 2, 1.0, 1 - warm), np.float32)
    return cv2.GaussianBlur(out, (0, 0), max(0.6, 0.06 * u))


def magic_colour(arr: np.ndarray, plan: dict, u: float) -> np.ndarray:
    """The app's magic colour over an image (h, w, 3 floats 0..255): the light evened out
    against the paper (each pixel over the brightest within 12 mm), every tint lighter than
    the white point bleached to pure white, the middle tones pushed down below it (pale
    print thinned or broken), the colours made loud, the strokes sharpened with hard
    halos."""
    h, w, _ = arr.shape
    grey = arr.mean(axis=2)
    step = max(1.0, 0.5 * u)   # the paper's light found at half a millimetre a pixel
    small = cv2.resize(grey, (max(2, round(w / step)), max(2, round(h / step))),
                       interpolation=cv2.INTER_AREA)
    reach = 2 * round(12 * u / step) + 1   # the brightest within 12 mm: the paper round it
    paper = cv2.dilate(small, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (reach, reach)))
    paper = cv2.GaussianBlur(paper, (0, 0), 4 * u / step)
    paper = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR)
    flat = arr / np.maximum(paper, 40.0)[..., None]
    b, wp = plan["black"], plan["white"]
    tone = np.clip((flat - b) / (wp - b), 0, 1) ** plan["gamma"]
    mean = tone.mean(axis=2, keepdims=True)
    tone = np.clip(mean + (tone - mean) * plan["saturation"], 0, 1)
    soft = cv2.GaussianBlur(tone, (0, 0), max(0.7, plan["sharpen_mm"] * u))
    tone = tone + plan["sharpen"] * (tone - soft)
    return np.clip(tone * 255, 0, 255)


def app_mark(img: Image.Image, plan: dict, height: float, *, margin: float) -> tuple[
        int, int, int, int]:
    """The app's mark stamped in a bottom corner of ``img`` (the plan's side): a small
    rounded square in the app's colour with its initial, and "Dipindai dengan <app>" in
    grey, ``height`` px tall, ``margin`` px in from the edges. Returns its box (px)."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    size = max(6, round(height))
    fnt = dejavu("sans", size)
    text = f"Dipindai dengan {plan['app']}"
    tw = d.textlength(text, font=fnt)
    icon = round(1.15 * size)
    total = icon + round(0.4 * size) + tw
    x0 = margin if plan["mark_side"] == "left" else w - margin - total
    y1 = h - margin
    y0 = y1 - icon
    d.rounded_rectangle([x0, y0, x0 + icon, y1], radius=max(1, icon // 4),
                        fill=plan["mark_ink"])
    d.text((x0 + icon / 2, (y0 + y1) / 2), plan["app"][0], font=dejavu("bold", round(0.8 * size)),
           fill=(255, 255, 255), anchor="mm")
    d.text((x0 + icon + round(0.4 * size), (y0 + y1) / 2), text, font=fnt, fill=(112, 112, 112),
           anchor="lm")
    return round(x0), round(y0), round(x0 + total), round(y1)


def app_jpeg(img: Image.Image, plan: dict, share: float) -> Image.Image:
    """``img`` saved as the app saves its page: at the app's size (``share``: the part of
    the page's width ``img`` is), a JPEG of its quality; brought back to ``img``'s size."""
    w, h = img.size
    small_w = max(16, round(plan["page_px"] * share))
    small = img.resize((small_w, max(16, round(h * small_w / w))), Image.LANCZOS)
    return jpeg(small, plan["quality"]).convert("RGB").resize((w, h), Image.BICUBIC)


def ajaib(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
          magic: bool = True, mark: bool = True) -> Image.Image:
    """The card "scanned" with a phone's document-scanner app in its magic-colour mode
    (:func:`ajaib_plan`): photographed on a table and cut out by the corners the app found
    (a sliver of table where they lie outside the card, its rounded corners), the room's
    light falling off; then the magic colour (:func:`magic_colour`: paper bleached to pure
    white, colours loud, contrast crushed, hard halos; left out with ``magic`` False); the
    app's mark in a bottom corner (left out with ``mark`` False); saved as a JPEG of the
    app's size (the card 85.6 mm of its A4 page's 210). Every draw is the same whatever is
    left out."""
    u = dpi / 25.4
    plan = ajaib_plan(img.size, rng, u)
    arr = _photographed(np.asarray(img.convert("RGB"), np.float32), plan, u)
    if magic:
        arr = magic_colour(arr, plan, u) * amount + arr * (1 - amount) if amount < 1 \
            else magic_colour(arr, plan, u)
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    if mark:
        app_mark(out, plan, plan["mark_mm"] * u, margin=0.9 * u)
    return app_jpeg(out, plan, 85.6 / 210)


def ajaib_page(page: Image.Image, rng: random.Random, dpi: int, *,
               color: bool = True) -> Image.Image:
    """A copy page made by the app's ID-card mode: the cards laid out on its white A4
    page, the magic colour over all of it, the app's mark in a bottom corner of the page
    (2.2-2.8 mm tall), saved as a JPEG of the app's size; in grey when not ``color``."""
    u = dpi / 25.4
    plan = ajaib_plan(page.size, rng, u)
    arr = magic_colour(np.asarray(page.convert("RGB"), np.float32), plan, u)
    out = Image.fromarray(np.uint8(arr), "RGB")
    app_mark(out, plan, rng.uniform(2.2, 2.8) * u, margin=rng.uniform(4, 7) * u)
    out = app_jpeg(out, plan, 1.0)
    return out if color else out.convert("L").convert("RGB")


# -- copied at the corner of the glass, low on toner ------------------------------------------

def pojok_plan(size: tuple[int, int], rng: random.Random, u: float, *,
               left_clear: float | None = None, keep: tuple[float, float] | None = None,
               sides: tuple[str, ...] | None = None) -> dict:
    """How the card of ``size`` (px, ``u`` px a mm) was copied at the corner of the glass:
    the sides it lost (SIDES; else ``sides``) and how much of each (px: 1.5-4 mm, its left
    0.8-2.2 mm and never past ``left_clear``, px from its left edge: its labels); the
    copy's toner (the darkness it keeps overall) and its horizontal bands of paler print
    (centre and half height, px; the darkness kept in the middle), none of them over the
    rows ``keep`` (px from the top: the NIK's line)."""
    w, h = size
    if sides is None:
        sides = rng.choice(SIDES)
    cuts = {}
    for side in sides:
        if side == "left":
            most = CORNER["left_mm"][1] * u
            if left_clear is not None:
                most = min(most, left_clear)
            cuts[side] = rng.uniform(min(CORNER["left_mm"][0] * u, most), most)
        else:
            cuts[side] = rng.uniform(*CORNER["cut_mm"]) * u
    bands = []
    for _ in range(rng.randint(*TONER["bands"])):
        half = rng.uniform(*TONER["band_mm"]) * u / 2
        for _ in range(20):
            mid = rng.uniform(0, h)
            if keep is None or mid + 1.6 * half < keep[0] or mid - 1.6 * half > keep[1]:
                bands.append((mid, half, rng.uniform(*TONER["keep"])))
                break
    return {"cuts": cuts, "overall": rng.uniform(*TONER["overall"]), "bands": bands,
            "mottle": rng.uniform(*TONER["mottle"])}


def toner_keep(shape: tuple[int, int], plan: dict, rng: random.Random, u: float
               ) -> np.ndarray:
    """The share of its darkness the print keeps (h, w) by ``plan`` (:func:`pojok_plan`):
    overall, less in the horizontal bands (soft at their edges), and patchy (the toner's
    mottle, blotches about 0.5 mm across)."""
    h, w = shape
    ys = np.arange(h, dtype=np.float32)
    keep = np.full(h, plan["overall"], np.float32)
    for mid, half, kept in plan["bands"]:
        keep *= 1 - (1 - kept) * np.exp(-np.abs((ys - mid) / half) ** 3)
    g = np.random.default_rng(rng.getrandbits(32))
    mottle = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0),
                              max(0.6, 0.25 * u))
    mottle /= max(1e-6, float(mottle.std()))
    return np.clip(keep[:, None] * (1 - plan["mottle"] * np.clip(mottle, 0, 3) / 3), 0, 1)


def pojok(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
          left_clear: float | None = None, keep: tuple[float, float] | None = None,
          cut: bool = True, bands: bool = True) -> Image.Image:
    """The card copied lying at the corner of the copier's glass on a copier low on toner
    (:func:`pojok_plan`): the copy's contrast; its darkness kept only in part, less in
    horizontal bands (left out with ``bands`` False) and patchy; the strip of its lost
    sides gone past the edge the copier prints to, the copy paper bare there (left out
    with ``cut`` False), the card's edge the copier's lamp draws on the sides it kept.
    Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = pojok_plan((w, h), rng, u, left_clear=left_clear, keep=keep)
    if not bands:
        plan = dict(plan, bands=[])
    arr = np.asarray(img.convert("RGB"), np.float32)
    mean = arr.mean(axis=2, keepdims=True)
    arr = np.clip(mean + (arr - mean) * 1.1, 0, 255)                   # the copy's colours
    arr = 255 * np.clip((arr / 255 - 0.04) / 0.94, 0, 1) ** 1.1         # and its contrast
    kept = 1 - amount * (1 - toner_keep((h, w), plan, rng, u))
    paper = np.array((250, 249, 245), np.float32)
    arr = paper - (paper - arr) * np.clip(kept, 0, 1)[..., None]
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    d = ImageDraw.Draw(out)   # the card's edge where it lay on the glass
    d.rounded_rectangle([0, 0, w - 1, h - 1], radius=round(3.2 * u), outline=(92, 92, 92),
                        width=max(1, round(0.12 * u)))
    if cut:
        for side, px in plan["cuts"].items():
            box = {"top": (0, 0, w, round(px)), "left": (0, 0, round(px), h),
                   "right": (w - round(px), 0, w, h)}[side]
            d.rectangle([box[0], box[1], box[2] - 1, box[3] - 1], fill=tuple(int(c) for c in paper))
    g = np.random.default_rng(rng.getrandbits(32))
    arr = np.asarray(out, np.float32) + g.normal(0, 1.6, (h, w, 1)).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


# The sides of the card each side of the sheet shows after ``turn`` quarter turns
# counter-clockwise (the card's top, left, bottom, right going round that way).
ROUND = ("top", "left", "bottom", "right")
MOST_MM = {"top": 4.0, "right": 4.0, "bottom": 3.5}   # the most a copy page takes off each


def card_side(page_side: str, turn: int) -> str:
    """The side of a card turned ``turn`` quarter turns counter-clockwise that faces
    ``page_side`` of the sheet."""
    return ROUND[(ROUND.index(page_side) - turn) % 4]


def pojok_page_plan(rng: random.Random, dpi: int, page_size: tuple[int, int],
                    front: tuple[int, int, int, int], group: tuple[int, int], turn: int,
                    left_clear_mm: float) -> dict:
    """Where the cards (their turned picture ``group``, px, the front's box in it
    ``front``) lie on a copy page of ``page_size`` laid at the corner of the glass: one or
    two sides of the sheet (adjacent) on which the front lies outermost, the front's edge
    at the sheet's edge there and a strip of it (px) past the copier's printing edge: up
    to 4 mm (3.5 mm of its foot), at the card's left never past ``left_clear_mm``; the
    picture's place (x, y) and the copy's toner (:func:`pojok_plan`)."""
    u = dpi / 25.4
    W, H = page_size
    gw, gh = group
    fx0, fy0, fx1, fy1 = front
    tol = 0.5 * u
    outer = [s for s, gap in (("top", fy0), ("left", fx0), ("bottom", gh - fy1),
                              ("right", gw - fx1)) if gap <= tol]
    pairs = [(a, b) for a, b in (("top", "left"), ("top", "right"), ("bottom", "left"),
                                 ("bottom", "right")) if a in outer and b in outer]
    if pairs and rng.random() < CORNER["two"]:
        sides = rng.choice(pairs)
    else:
        sides = (rng.choice(outer),) if outer else ()
    cuts = {}
    for side in sides:
        own = card_side(side, turn)
        most = left_clear_mm if own == "left" else MOST_MM[own]
        least = min(1.5, 0.5 * most) if own != "left" else min(0.8, most)
        cuts[side] = rng.uniform(least, most) * u
    x = rng.randint(0, max(0, W - gw))
    y = rng.randint(0, max(0, H - gh))
    if "left" in cuts:
        x = -fx0
    if "right" in cuts:
        x = W - fx1
    if "top" in cuts:
        y = -fy0
    if "bottom" in cuts:
        y = H - fy1
    toner = pojok_plan((W, H), rng, u, sides=())
    return {"cuts": cuts, "x": x, "y": y, "toner": toner}


def pojok_page(page: Image.Image, rng: random.Random, dpi: int, plan: dict) -> Image.Image:
    """A copy page (after the copier's levels) of the card laid at the corner of the
    glass, by ``plan`` (:func:`pojok_page_plan`): the toner's horizontal bands of paler
    print and its mottle over the sheet, and the sheet bare along the edges where the
    front's strip went past the copier's printing edge."""
    u = dpi / 25.4
    W, H = page.size
    arr = np.asarray(page.convert("RGB"), np.float32)
    paper = np.median(arr.reshape(-1, 3)[::101], axis=0)
    kept = toner_keep((H, W), plan["toner"], rng, u)
    arr = paper - (paper - arr) * kept[..., None]
    for side, px in plan["cuts"].items():
        n = max(1, round(px))
        if side == "top":
            arr[:n] = paper
        elif side == "bottom":
            arr[H - n:] = paper
        elif side == "left":
            arr[:, :n] = paper
        else:
            arr[:, W - n:] = paper
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


__all__ = ["APP", "APPS", "CORNER", "MARK_INKS", "MOST_MM", "ROUND", "SIDES", "TABLES",
           "TONER", "ajaib", "ajaib_page", "ajaib_plan", "app_jpeg", "app_mark", "card_side",
           "latohan", "magic_colour", "pojok", "pojok_page", "pojok_page_plan", "pojok_plan",
           "pring_sedapur", "toner_keep"]
