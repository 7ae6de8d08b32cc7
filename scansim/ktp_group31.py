"""Thirty-first-group KTP prints and print looks: a print of batang garing (the Ngaju
Dayak tree of life: rows of upright trunks, each with pairs of branches curling outwards
in spirals up its length, a spearhead at its top and a small jar at its foot, in two
colours by turns), a print of talawang (rows of the Dayak's long shields, each a tall
hexagon with an inner outline and a lozenge with two hooks at its heart, the rows set half
a shield along and in two colours by turns), a card photographed close up with a phone's
wide-angle lens and its flash in a dim office (kilat: the lens's barrel distortion bowing
the card's edges, the flash's hard hot spot on the laminate, washed out round its heart
but never on the NIK's digits nor the name, the laminate's scuffs lit round it, the
light falling off fast towards the picture's corners, the desk dim round the card, the
phone's noise and JPEG), and a card handed in as a colour photocopy of it cut out with
scissors and laminated at a copy kiosk in a pouch (laminasi: the copy's colours and toner
dust, the paper's white margin cut unevenly round the card, the pouch's clear sealed
border with rounded corners, air trapped in blisters under the film, a cloudy patch where
the laminator ran cold, the rollers' faint ripples and a rainbow sheen where the thick
film lay on the scanner's glass; scanned in colour)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

from scansim.formpages import jpeg
from scansim.ktp_group14 import colour_copy
from scansim.ktp_group21 import _blister
from scansim.ktp_group26 import SURFACES, _surface, photo_quad, shake_kernel

# A card photographed close up with a phone's flash (see kilat_plan): each per picture.
FLASH = {"fill": (0.86, 0.93),        # the card's width as a share of the picture's
         "keystone": (0.005, 0.025),  # its far side shorter (a share of its size)
         "turn": (-2.5, 2.5),         # degrees turned in the picture
         "barrel": (0.05, 0.11),      # the wide-angle lens's distortion (at the corners)
         "core_mm": (3.0, 4.6),       # the flash's hot spot: its blown-out heart's radius
         "halo_mm": (9.0, 15.0),      # ... and its glow's
         "core": (0.9, 0.98),         # how white its heart
         "halo": (0.45, 0.65),        # how much its glow washes out
         "sheen": (0.1, 0.2),         # the laminate's broad sheen round it all
         "falloff": (0.4, 0.6),       # the light lost towards the picture's corners
         "exposure": (0.8, 0.9),      # the card's own light (the flash's glare comes on top)
         "ambient": (0.45, 0.7),      # the desk's light against the card's
         "shake_mm": (0.03, 0.12),    # the flash freezes the hand: a short blur
         "noise": (2.4, 4.2),
         "quality": (72, 88)}
FLASH_WHITE = np.array((252, 253, 255), np.float32)
# A colour copy cut out and laminated in a pouch (see laminasi_plan): each per card.
POUCH = {"sizes": ((90.0, 60.0), (95.0, 65.0)),   # ID-card pouches (mm)
         "scale": (0.84, 0.9),        # the pouch's scan as a share of the card's own size
         "margin_mm": (0.6, 2.2),     # the paper's white margin round the copied card
         "cut": (-0.9, 0.9),          # degrees each scissor cut ran off square
         "askew": (-1.8, 1.8),        # degrees the paper lay askew in the pouch
         "copy": (0.5, 0.9),          # how dark and dusty the colour copy
         "fade": (0.12, 0.3),         # the copy's colours paler than the card's
         "bubbles": (2, 6),           # air trapped under the film
         "bubble_mm": (0.6, 2.4),
         "cloudy": 0.6,               # the share of pouches with a cold, cloudy patch
         "cloudy_mm": ((10.0, 24.0), (3.0, 6.0)),
         "haze": (0.04, 0.09),        # the film's milkiness
         "sheen": (6.0, 14.0),        # the rainbow sheen's strength (levels)
         "ripple": (2.0, 5.0),        # the rollers' ripples (levels)
         "noise": (1.4, 2.6)}
PAPER = np.array((249, 248, 243), np.float32)   # the copy's paper
LID = np.array((226, 228, 226), np.float32)     # the scanner's lid round the pouch
FILM = np.array((0.95, 0.965, 0.975), np.float32)   # the clear film over the lid: a little
#                                                    darker, a little cool


# -- the security prints ------------------------------------------------------------------

def batang_garing(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Batang garing: trees of life 5.2-6.0 mm apart in rows 7.0-8.0 mm apart (each row
    set half a tree along), each an upright trunk with three pairs of branches curling
    outwards into spirals up its length, a spearhead at its top and a small jar at its
    foot; the rows in ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    across = rng.uniform(5.2, 6.0) * u
    row = rng.uniform(7.0, 8.0) * u
    width = max(1, round(0.08 * u))
    oy, ox = rng.uniform(0, row), rng.uniform(0, across)
    tall = 0.78 * row
    for k, base in enumerate(np.arange(oy - row, h + row, row)):
        ink = color if k % 2 == 0 else second
        for x in np.arange(ox - across + (k % 2) * across / 2, w + across, across):
            top = base - tall
            d.line([(x, base), (x, top + 0.9 * u)], fill=ink, width=width)
            d.polygon([(x, top), (x - 0.45 * u, top + 1.0 * u), (x, top + 0.8 * u),
                       (x + 0.45 * u, top + 1.0 * u)], outline=ink)
            d.arc([x - 0.7 * u, base - 0.2 * u, x + 0.7 * u, base + 1.0 * u], 180, 360,
                  fill=ink, width=width)
            for j, f in enumerate((0.25, 0.5, 0.72)):
                y = base - f * tall
                reach = (1.5 - 0.35 * j) * u
                for side in (-1, 1):
                    pts = []
                    for t in np.linspace(0, 1, 12):
                        a = t * 1.8 * math.pi
                        r = reach * (1 - 0.75 * t)
                        pts.append((x + side * (reach - r * math.cos(a)) * 0.9,
                                    y - 0.5 * reach * t - r * math.sin(a) * 0.5))
                    d.line(pts, fill=ink, width=width)


def talawang(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Talawang: long shields 3.2-3.8 mm wide and 7.5-8.5 mm tall in staggered rows, each
    a tall hexagon pointed at top and foot with an inner outline, a lozenge at its heart
    and two hooks curling from it up and down; the rows in ``color`` and ``second`` by
    turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    sw = rng.uniform(3.2, 3.8) * u
    sh = rng.uniform(7.5, 8.5) * u
    gap = rng.uniform(1.2, 1.8) * u
    width = max(1, round(0.08 * u))
    oy, ox = rng.uniform(0, sh), rng.uniform(0, sw + gap)
    for k, cy in enumerate(np.arange(oy - sh, h + sh, 0.62 * sh)):
        ink = color if k % 2 == 0 else second
        for cx in np.arange(ox - sw + (k % 2) * (sw + gap) / 2, w + sw, sw + gap):
            for f in (1.0, 0.74):
                hw, hh = f * sw / 2, f * sh / 2
                d.polygon([(cx, cy - hh), (cx + hw, cy - 0.55 * hh), (cx + hw, cy + 0.55 * hh),
                           (cx, cy + hh), (cx - hw, cy + 0.55 * hh), (cx - hw, cy - 0.55 * hh)],
                          outline=ink, width=width)
            s = 0.32 * sw
            d.polygon([(cx, cy - s), (cx + 0.6 * s, cy), (cx, cy + s), (cx - 0.6 * s, cy)],
                      outline=ink, width=width)
            for sign in (-1, 1):
                d.arc([cx - 0.5 * s, cy + sign * 1.4 * s - 0.5 * s, cx + 0.5 * s,
                       cy + sign * 1.4 * s + 0.5 * s], 0 if sign > 0 else 180,
                      270 if sign > 0 else 90, fill=ink, width=width)


# -- photographed close up with the phone's flash ---------------------------------------------

def _clear_of(centre: tuple[float, float], radius: float,
              boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether a circle at ``centre`` (px) of ``radius`` lies off every box (x0, y0, x1,
    y1, px)."""
    cx, cy = centre
    for x0, y0, x1, y1 in boxes:
        nx, ny = min(max(cx, x0), x1), min(max(cy, y0), y1)
        if math.hypot(cx - nx, cy - ny) < radius:
            return False
    return True


def kilat_plan(size: tuple[int, int], rng: random.Random, u: float, *,
               keep: list[tuple[float, float, float, float]] = ()) -> dict:
    """How the card of ``size`` (px, ``u`` px a mm) was photographed with the flash: its
    share of the picture, keystone (the far side) and turn, the lens's barrel distortion;
    the flash's hot spot on the card (its heart and glow, px; its heart, with a rim of
    half its radius, off the ``keep`` boxes: the NIK's digits and the name, px of the
    card); the light's falloff, the desk and its dimness, the ambient light's warmth; the
    shake, the noise and the JPEG."""
    w, h = size
    core = rng.uniform(*FLASH["core_mm"]) * u
    spots = [(rng.uniform(0.18, 0.82) * w, rng.uniform(0.2, 0.85) * h) for _ in range(16)]
    spot = next((s for s in spots if _clear_of(s, 1.5 * core + 0.5 * u, list(keep))),
                (0.86 * w, 0.62 * h))   # else on the photo, far from both
    return {"fill": rng.uniform(*FLASH["fill"]), "keystone": rng.uniform(*FLASH["keystone"]),
            "far": rng.choice(("left", "right", "top", "bottom")),
            "turn": rng.uniform(*FLASH["turn"]), "barrel": rng.uniform(*FLASH["barrel"]),
            "spot": spot, "core_r": core, "halo_r": rng.uniform(*FLASH["halo_mm"]) * u,
            "core": rng.uniform(*FLASH["core"]), "halo": rng.uniform(*FLASH["halo"]),
            "sheen": rng.uniform(*FLASH["sheen"]),
            "falloff": rng.uniform(*FLASH["falloff"]), "ambient": rng.uniform(*FLASH["ambient"]),
            "exposure": rng.uniform(*FLASH["exposure"]),
            "warm": rng.uniform(0.03, 0.09), "surface": rng.choice(SURFACES),
            "shake": rng.uniform(*FLASH["shake_mm"]) * u, "shake_angle": rng.uniform(0, math.pi),
            "noise": rng.uniform(*FLASH["noise"]), "quality": rng.randint(*FLASH["quality"])}


def hot_spot(size: tuple[int, int], plan: dict, rng: random.Random, u: float) -> np.ndarray:
    """The flash's reflection on the laminate of a card of ``size`` (px): how far each
    point is washed out to the flash's white (h, w: 0..1): a heart nearly white, its edge
    frayed by the film's orange peel, a glow round it and a broad sheen round all, the
    laminate's fine scuffs and a greasy smudge lit within the glow."""
    w, h = size
    g = np.random.default_rng(rng.getrandbits(32))
    sx, sy = plan["spot"]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r = np.hypot(xx - sx, (yy - sy) * 1.15)
    peel = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0),
                            max(0.8, 0.25 * u))
    peel /= peel.std() + 1e-6
    heart = np.clip((plan["core_r"] * (1 + 0.05 * peel) - r) / (1.1 * u) + 0.5, 0, 1) ** 0.7
    glow = np.exp(-(r / plan["halo_r"]) ** 1.6)
    scuffs = np.zeros((h, w), np.float32)
    layer = Image.new("L", (w, h), 0)
    sd = ImageDraw.Draw(layer)
    for _ in range(rng.randint(10, 22)):   # hairline scratches lit where the glow falls
        x0, y0 = sx + rng.gauss(0, plan["halo_r"]), sy + rng.gauss(0, plan["halo_r"] * 0.7)
        a, length = rng.uniform(0, math.pi), rng.uniform(2, 9) * u
        sd.line([(x0, y0), (x0 + length * math.cos(a), y0 + length * math.sin(a))],
                fill=rng.randint(60, 160), width=1)
    scuffs += np.asarray(layer, np.float32) / 255
    smudge = np.exp(-(((xx - sx - rng.uniform(-1, 1) * plan["halo_r"]) / (0.6 * plan["halo_r"]))
                      ** 2 + ((yy - sy - rng.uniform(-1, 1) * plan["halo_r"]) /
                              (0.4 * plan["halo_r"])) ** 2))
    broad = np.exp(-(r / (2.6 * plan["halo_r"])) ** 2)
    wash = np.maximum(plan["core"] * heart, plan["halo"] * glow * (0.85 + 0.15 * peel)
                      + 0.12 * smudge * glow + plan["sheen"] * broad)
    return np.clip(wash + 0.5 * scuffs * glow, 0, 1)


def barrel(img: np.ndarray, k: float) -> np.ndarray:
    """``img`` (h, w, c) seen through a wide-angle lens: each point drawn towards the
    middle by 1 + ``k`` r² (r: its distance from the middle over the half diagonal), so
    straight edges bow outwards."""
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = (w - 1) / 2, (h - 1) / 2
    half = math.hypot(cx, cy)
    dx, dy = (xx - cx) / half, (yy - cy) / half
    grow = 1 + k * (dx * dx + dy * dy)
    grow /= 1 + k * 0.55   # the edges' middles stay about where they were
    return cv2.remap(img, cx + dx * grow * half, cy + dy * grow * half, cv2.INTER_LINEAR,
                     borderMode=cv2.BORDER_REFLECT)


def kilat(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
          keep: list[tuple[float, float, float, float]] = (), spot: bool = True,
          distort: bool = True) -> Image.Image:
    """The card photographed close up with a phone's wide-angle lens and its flash in a
    dim office (:func:`kilat_plan`): the flash's hot spot on the laminate (:func:`hot_spot`;
    its heart off the ``keep`` boxes, px of the card; ``spot``), the card 86-93 % of the
    picture's width, its far side a little shorter, turned a little, on a desk (the shared
    surfaces of the held card) lit far less than the card, its thin shadow beside it; the
    flash's light falling off towards the corners, the room's warm ambient there; the
    lens's barrel distortion (``distort``); a short shake (longer with ``amount``), the
    phone's noise, its smoothing and sharpening, a JPEG. Every draw is the same whatever is
    left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = kilat_plan((w, h), rng, u, keep=keep)
    card = np.asarray(img.convert("RGB"), np.float32)
    wash = hot_spot((w, h), plan, rng, u) if spot else np.zeros((h, w), np.float32)
    if not spot:   # every draw as with it
        hot_spot((w, h), plan, rng, u)
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(3.2 * u),
                                           fill=255)
    alpha = np.asarray(mask, np.float32) / 255
    fill = plan["fill"]
    quad = photo_quad((w, h), plan, (w / 2, h / 2))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(card, matrix, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(alpha, matrix, (w, h), flags=cv2.INTER_LINEAR)
    glare = cv2.warpPerspective(wash, matrix, (w, h), flags=cv2.INTER_LINEAR) * cover
    scene = _surface((w, h), random.Random(rng.getrandbits(32)), u * fill, plan["surface"])
    scene *= plan["ambient"]
    edge = cv2.GaussianBlur(np.roll(cover, (round(0.35 * u), round(0.25 * u)), (0, 1)),
                            (0, 0), 0.4 * u)   # the card's thickness: a thin shadow
    scene *= (1 - 0.55 * edge)[..., None]
    out = scene * (1 - cover[..., None]) + warped * plan["exposure"] * cover[..., None]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    fx = plan["spot"][0] * fill + w / 2 * (1 - fill)
    fy = plan["spot"][1] * fill + h / 2 * (1 - fill)
    d = np.hypot((xx - (w / 2 + fx) / 2), (yy - (h / 2 + fy) / 2)) / math.hypot(w / 2, h / 2)
    light = 1 - plan["falloff"] * np.clip(d, 0, 1.4) ** 2
    warm = plan["warm"] * (1 - light)[..., None] * np.array((0.5, 0.1, -0.6), np.float32)
    out = out * light[..., None] * (1 + warm)
    out = out * (1 - glare[..., None]) + FLASH_WHITE * glare[..., None]   # the glare on top
    if distort:
        out = barrel(out, plan["barrel"])
    g = np.random.default_rng(rng.getrandbits(32))
    length = max(1.0, plan["shake"] * (0.6 + 0.4 * amount))
    out = cv2.filter2D(np.clip(out, 0, 255).astype(np.float32), -1,
                       shake_kernel(length, plan["shake_angle"]))
    out = out + g.normal(0, plan["noise"], out.shape).astype(np.float32)
    out = cv2.bilateralFilter(np.clip(out, 0, 255).astype(np.uint8), 5, 14, 3).astype(
        np.float32)
    soft = cv2.GaussianBlur(out, (0, 0), max(1.0, 0.1 * u))
    out = out + 0.55 * (out - soft)
    picture = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return jpeg(picture, plan["quality"]).convert("RGB")


# -- a colour copy cut out and laminated in a pouch ---------------------------------------------

def laminasi_plan(size: tuple[int, int], rng: random.Random, u: float, *,
                  keep: list[tuple[float, float, float, float]] = ()) -> dict:
    """How the card of ``size`` (px, ``u`` px a mm) was copied, cut out and laminated:
    the colour copy's darkness and paleness, the paper's margin past each side and each
    cut's slant, the pouch (its size, where the paper lay in it, askew), its blisters
    (each centre a share of the pouch, its radii mm), a cold cloudy patch (along one of
    the pouch's sides, never over the ``keep`` boxes, px of the card) or none, the film's
    haze, the rainbow sheen's strength and scale, the rollers' ripples, the scan's scale
    in the card's picture and its noise."""
    w, h = size
    pw, ph = rng.choice(POUCH["sizes"])
    margins = [rng.uniform(*POUCH["margin_mm"]) for _ in range(4)]   # left, top, right, foot
    cuts = [rng.uniform(*POUCH["cut"]) for _ in range(4)]
    paper_w = w / u + margins[0] + margins[2]
    paper_h = h / u + margins[1] + margins[3]
    room_x, room_y = max(0.0, pw - paper_w - 3.0), max(0.0, ph - paper_h - 3.0)
    at = (1.5 + rng.uniform(0, room_x), 1.5 + rng.uniform(0, room_y))
    bubbles = [((rng.uniform(0.08, 0.92), rng.uniform(0.1, 0.9)),
                rng.uniform(*POUCH["bubble_mm"]), rng.uniform(0.55, 1.0))
               for _ in range(rng.randint(*POUCH["bubbles"]))]
    (l0, l1), (d0, d1) = POUCH["cloudy_mm"]
    cloudy = None
    side = rng.choice(("top", "bottom", "left", "right"))
    length, depth, where = rng.uniform(l0, l1), rng.uniform(d0, d1), rng.uniform(0.1, 0.9)
    if rng.random() < POUCH["cloudy"]:
        cx = {"left": depth / 2, "right": w / u - depth / 2}.get(side, where * w / u)
        cy = {"top": depth / 2, "bottom": h / u - depth / 2}.get(side, where * h / u)
        rx, ry = (length / 2, depth) if side in ("top", "bottom") else (depth, length / 2)
        box = (cx * u - rx * u, cy * u - ry * u, cx * u + rx * u, cy * u + ry * u)
        if all(box[2] < x0 or box[0] > x1 or box[3] < y0 or box[1] > y1
               for x0, y0, x1, y1 in keep):
            cloudy = (cx, cy, rx, ry)
    return {"pouch": (pw, ph), "margins": margins, "cuts": cuts, "at": at,
            "askew": rng.uniform(*POUCH["askew"]), "copy": rng.uniform(*POUCH["copy"]),
            "fade": rng.uniform(*POUCH["fade"]), "bubbles": bubbles, "cloudy": cloudy,
            "haze": rng.uniform(*POUCH["haze"]), "sheen": rng.uniform(*POUCH["sheen"]),
            "sheen_mm": rng.uniform(8.0, 18.0), "ripple": rng.uniform(*POUCH["ripple"]),
            "ripple_mm": rng.uniform(1.2, 2.6), "ripple_across": rng.random() < 0.5,
            "scale": rng.uniform(*POUCH["scale"]),
            "shift": (rng.uniform(-0.015, 0.015), rng.uniform(-0.015, 0.015)),
            "noise": rng.uniform(*POUCH["noise"])}


def cut_piece(copy: np.ndarray, plan: dict, u: float) -> tuple[np.ndarray, np.ndarray]:
    """The copied card on its paper cut out with scissors: the copy (h, w, 3) on the
    paper's white with the plan's margins, the copier's dark line round the card's
    rounded corners, each side cut a little off square. Returns the piece and where the
    paper is (0..1)."""
    h, w = copy.shape[:2]
    ml, mt, mr, mb = (round(m * u) for m in plan["margins"])
    H, W = h + mt + mb, w + ml + mr
    piece = np.broadcast_to(PAPER, (H, W, 3)).copy()
    piece[mt:mt + h, ml:ml + w] = copy
    edge = Image.new("L", (W, H), 0)
    ImageDraw.Draw(edge).rounded_rectangle([ml, mt, ml + w - 1, mt + h - 1],
                                           radius=round(3.2 * u), outline=255,
                                           width=max(1, round(0.12 * u)))
    line = np.asarray(edge, np.float32)[..., None] / 255
    piece = piece * (1 - 0.7 * line) + 70 * 0.7 * line
    # each scissor cut: a straight line a little off the paper's side
    cl, ct, cr, cb = (math.tan(math.radians(c)) for c in plan["cuts"])
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    inside = (xx >= cl * (yy - H / 2) + abs(cl) * H / 2) & \
        (xx <= W - 1 - cr * (yy - H / 2) - abs(cr) * H / 2) & \
        (yy >= ct * (xx - W / 2) + abs(ct) * W / 2) & \
        (yy <= H - 1 - cb * (xx - W / 2) - abs(cb) * W / 2)
    paper = cv2.GaussianBlur(inside.astype(np.float32), (0, 0), 0.6)
    return piece, paper


def laminasi(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
             keep: list[tuple[float, float, float, float]] = (), film: bool = True
             ) -> Image.Image:
    """The card handed in as a colour photocopy of it, cut out with scissors and laminated
    in a pouch at a copy kiosk, the laminated piece scanned in colour
    (:func:`laminasi_plan`): the colour copy (group 14's, darker and dustier with
    ``amount``; its colours paler), cut out with its paper's white margin
    (:func:`cut_piece`), lying a little askew in the pouch, whose clear sealed border with
    rounded corners shows the scanner's lid through it, its cut edge a fine line; over it
    all the film's milky haze, blisters of trapped air, a cloudy patch where the
    laminator ran cold (never over the ``keep`` boxes, px of the card), the rollers' faint
    ripples and a rainbow sheen where the film lay on the glass (``film``); the pouch
    scanned at 84-90 % of the card's size and the scan's noise. Every draw is the same
    whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = laminasi_plan((w, h), rng, u, keep=keep)
    g = np.random.default_rng(rng.getrandbits(32))
    copy = np.asarray(colour_copy(img.convert("RGB"), rng, plan["copy"] * (0.6 + 0.4 * amount),
                                  dpi), np.float32)
    grey = copy.mean(axis=2, keepdims=True)
    copy = copy + (grey - copy) * plan["fade"]
    copy = 255 - (255 - copy) * 0.93   # the copier's levels: a little paler
    piece, paper = cut_piece(copy, plan, u)
    pw, ph = (round(v * u) for v in plan["pouch"])
    pouch = np.broadcast_to(LID * FILM, (ph, pw, 3)).copy()
    turned = cv2.getRotationMatrix2D((piece.shape[1] / 2, piece.shape[0] / 2), plan["askew"], 1)
    turned[:, 2] += (plan["at"][0] * u, plan["at"][1] * u)
    flat = cv2.warpAffine(piece, turned, (pw, ph), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)
    where = cv2.warpAffine(paper, turned, (pw, ph), flags=cv2.INTER_LINEAR)[..., None]
    pouch = pouch * (1 - where) + flat * where
    outline = Image.new("L", (pw, ph), 0)
    ImageDraw.Draw(outline).rounded_rectangle([0, 0, pw - 1, ph - 1], radius=round(3.0 * u),
                                              fill=255)
    inside = np.asarray(outline, np.float32) / 255
    rim = cv2.GaussianBlur(inside, (0, 0), 0.5 * u)
    rim = np.clip(4 * rim * (1 - rim), 0, 1)   # the film's cut edge catching the light
    ml, mt = plan["margins"][0] * u, plan["margins"][1] * u
    sheen_at = (rng.uniform(0.2, 0.8) * pw, rng.uniform(0.2, 0.8) * ph)
    air = random.Random(rng.getrandbits(32))   # the blisters' own draws
    grain = cv2.GaussianBlur(g.random((ph, pw)).astype(np.float32), (0, 0), 0.3 * u)
    small = (max(2, int(pw / u / 2)), max(2, int(ph / u / 2)))
    thick = cv2.resize(cv2.GaussianBlur(g.normal(0, 1, (small[1], small[0])).astype(
        np.float32), (0, 0), 1.5), (pw, ph), interpolation=cv2.INTER_CUBIC)
    if film:
        pouch = pouch * (1 - plan["haze"]) + 250 * plan["haze"]
        for (fx, fy), r, squash in plan["bubbles"]:
            _blister(pouch, air, u, (fx * pw, fy * ph), (r * u, r * u * squash))
        if plan["cloudy"] is not None:   # the film left frosted where it ran cold
            cx, cy, rx, ry = plan["cloudy"]
            cx, cy = turned @ np.array([cx * u + ml, cy * u + mt, 1.0])
            yy, xx = np.ogrid[0:ph, 0:pw]
            blob = np.exp(-(((xx - cx) / (rx * u)) ** 2 + ((yy - cy) / (ry * u)) ** 2) ** 2)
            frost = cv2.GaussianBlur(pouch, (0, 0), 0.5 * u)
            cloud = (blob * (0.45 + 0.3 * grain))[..., None]
            pouch = pouch * (1 - cloud) + (frost * 0.5 + 240 * 0.5) * cloud
        yy, xx = np.mgrid[0:ph, 0:pw].astype(np.float32)
        along = yy if plan["ripple_across"] else xx
        ripple = np.sin(along / (plan["ripple_mm"] * u) * 2 * math.pi
                        + 0.8 * np.sin((xx + yy) / (9 * u)))
        pouch = pouch + plan["ripple"] * ripple[..., None]
        reach = np.exp(-(((xx - sheen_at[0]) / (0.35 * pw)) ** 2
                         + ((yy - sheen_at[1]) / (0.45 * ph)) ** 2))
        phase = thick * 40.0 / max(1.0, plan["sheen_mm"] / 8)
        rainbow = np.stack([np.sin(phase + k * 2 * math.pi / 3) for k in range(3)], axis=2)
        pouch = pouch + plan["sheen"] * (reach ** 1.5)[..., None] * rainbow
        pouch = pouch * (1 - 0.25 * rim[..., None]) + 250 * 0.25 * rim[..., None]
    pouch = pouch * inside[..., None] + LID * (1 - inside[..., None])
    edge = np.clip(rim * 1.6, 0, 1)[..., None]
    pouch = pouch * (1 - 0.35 * edge) + 150 * 0.35 * edge
    # the pouch as the scan shows it, centred on the card's picture at the plan's scale
    s = plan["scale"]
    place = np.float32([[s, 0, w / 2 - s * pw / 2 + plan["shift"][0] * w],
                        [0, s, h / 2 - s * ph / 2 + plan["shift"][1] * h]])
    out = cv2.warpAffine(pouch.astype(np.float32), place, (w, h), flags=cv2.INTER_AREA,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=tuple(float(c) for c in LID))
    out = cv2.GaussianBlur(out, (0, 0), max(0.4, 0.05 * u))
    out = out + g.normal(0, plan["noise"], out.shape).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


__all__ = ["FLASH", "POUCH", "barrel", "batang_garing", "cut_piece", "hot_spot", "kilat",
           "kilat_plan", "laminasi", "laminasi_plan", "talawang"]
