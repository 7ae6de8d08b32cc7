"""Thirty-second-group KTP prints and print looks: a print of gigi haruan (the Banjar
sasirangan's rows of snakehead fish's teeth: bands of small sharp zigzag teeth between
running stitches, the stitch holes of the tie-dye as dots, in two colours by turns), a
print of enggang (rows of the Dayak's hornbill heads, each a curved beak with its casque
curling back into a spiral and an eye, facing left and right by rows, in two colours by
turns), a card slid under the glass top of an office desk and photographed there with a
phone (kaca: the glass's green cast and faint haze, the ceiling's tube lights reflected in
it as long bright bars each with a fainter twin from the glass's lower face, never over the
NIK's digits nor the name, dust and a fingerprint on the glass, the desk's cloth round the
card with a slip of paper lying beside it, the picture a little from aside, a JPEG), and a
card scanned on an old flatbed whose scanner is failing (usang: its three colour lines out
of register along the scan, one or two dead or stuck elements of its sensor drawing a
line the length of the scan, never through the NIK's digits nor the name, its lamp dimmer
towards one end and not yet warm where the scan began, its motor a little slow so the card
comes out stretched, the sensor's column noise, the lid round the card)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

from scansim.formpages import jpeg
from scansim.ktp_group26 import SURFACES, _surface, photo_quad, shake_kernel

# A card under a desk's glass top, photographed (see kaca_plan): each per picture.
GLASS = {"fill": (0.8, 0.88),          # the card's width as a share of the picture's
         "keystone": (0.01, 0.03),     # its far side shorter (a share of its size)
         "turn": (-4.0, 4.0),          # degrees turned in the picture
         "tint": (0.04, 0.09),         # the glass's green: red and blue lost (share)
         "haze": (0.03, 0.07),         # the glass's milkiness
         "bars": (1, 2),               # tube lights reflected
         "bar_mm": (4.0, 7.0),         # a bar's bright core, wide (on the card's scale)
         "bar": (0.45, 0.7),           # how far its core washes out to the lamp's white
         "ghost_mm": (1.2, 2.4),       # its twin from the glass's lower face, this far off
         "ghost": (0.25, 0.45),        # ... and as strong as a share of the bar
         "dust": (30, 90),             # specks of dust on the glass
         "print": 0.7,                 # the share of pictures with a fingerprint on the glass
         "shake_mm": (0.04, 0.14),
         "noise": (1.8, 3.4),
         "quality": (70, 86)}
LAMP = np.array((250, 252, 248), np.float32)     # a tube light's white
# A card scanned on a failing flatbed (see usang_plan): each per scan.
FLATBED = {"margin_mm": (1.5, 3.5),    # the lid's white round the card in the scan
           "stretch": (0.01, 0.035),   # the slow motor: the card longer along the scan
           "register_mm": (0.06, 0.16),  # the colour lines out of register along the scan
           "wobble_mm": (0.02, 0.06),  # ... and how much that varies along it
           "lines": (1, 2),            # dead or stuck sensor elements
           "dim": (0.1, 0.24),         # the lamp dimmer towards one end (share lost)
           "warm": (0.08, 0.18),       # the cold lamp's loss where the scan began
           "warm_mm": (8.0, 20.0),     # ... fading over this far
           "column": (0.6, 1.6),       # the sensor's column noise (levels)
           "noise": (1.2, 2.4)}
LID = np.array((236, 236, 232), np.float32)   # the scanner's lid round the card


# -- the security prints ------------------------------------------------------------------

def gigi_haruan(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Gigi haruan: bands 4.2-5.0 mm apart of small sharp teeth (a zigzag 1.6-2.0 mm
    high, a tooth every 1.4-1.8 mm) between two rows of running stitches, a row of the
    tie-dye's stitch holes (dots) between the bands; the bands in ``color`` and ``second``
    by turns, slanting a little."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    pitch = rng.uniform(4.2, 5.0) * u
    tall = rng.uniform(1.6, 2.0) * u
    tooth = rng.uniform(1.4, 1.8) * u
    slope = math.tan(math.radians(rng.uniform(-6, 6)))
    width = max(1, round(0.08 * u))
    oy = rng.uniform(0, pitch)
    for k, y0 in enumerate(np.arange(oy - pitch - w * abs(slope), h + pitch + w * abs(slope),
                                     pitch)):
        ink = color if k % 2 == 0 else second
        shift = (k % 2) * tooth / 2
        pts = []
        for j, x in enumerate(np.arange(-tooth + shift, w + tooth, tooth / 2)):
            pts.append((x, y0 + x * slope + (0 if j % 2 == 0 else -tall)))
        d.line(pts, fill=ink, width=width)
        for edge in (0.35 * u, -tall - 0.35 * u):   # the running stitches above and below
            for x in np.arange(-tooth, w + tooth, 0.9 * u):
                y = y0 + edge + x * slope
                d.line([(x, y), (x + 0.5 * u, y + 0.5 * u * slope)], fill=ink, width=width)
        mid = y0 + pitch / 2 - tall / 2   # the stitch holes between the bands
        r = max(1.0, 0.14 * u)
        for x in np.arange(shift, w + tooth, tooth):
            y = mid + x * slope
            d.ellipse([x - r, y - r, x + r, y + r], fill=ink)


def enggang(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Enggang: hornbill heads 6.0-6.8 mm apart in rows 4.6-5.4 mm apart, each a round
    head with an eye, a long beak curving down to its tip (its upper and lower edges), the
    casque riding on the beak's top and curling up and back at its front, and a crest of
    three feathers behind the head; the rows face left and right and are drawn in
    ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    across = rng.uniform(6.0, 6.8) * u
    row = rng.uniform(4.6, 5.4) * u
    width = max(1, round(0.08 * u))
    oy, ox = rng.uniform(0, row), rng.uniform(0, across)

    def curve(points, face, x, y):
        return [(x + face * px * u, y + py * u) for px, py in points]

    ts = np.linspace(0, 1, 14)
    upper = [(0.5 + 2.9 * t, -0.55 + 1.75 * t ** 2.5) for t in ts]   # the beak's top
    lower = [(0.6 + 2.8 * t, 0.35 + 0.85 * t ** 1.3) for t in ts]     # ... its foot
    casque = [(0.3, -0.7), (1.7, -0.85), (2.0, -0.3)]                 # riding on it
    curl = [(1.7 + 0.35 * (1 - a / 6) * math.sin(a), -1.2 + 0.35 * (1 - a / 6) * math.cos(a))
            for a in np.linspace(0, 1.6 * math.pi, 16)]               # ... curling up, back
    for k, y in enumerate(np.arange(oy - row, h + row, row)):
        ink = color if k % 2 == 0 else second
        face = 1 if k % 2 == 0 else -1
        for x in np.arange(ox - across + (k % 2) * across / 2, w + across, across):
            x -= face * 1.5 * u
            d.ellipse([x - 0.75 * u, y - 0.75 * u, x + 0.75 * u, y + 0.75 * u], outline=ink,
                      width=width)
            d.ellipse([x + face * 0.2 * u - 0.16 * u, y - 0.36 * u, x + face * 0.2 * u
                       + 0.16 * u, y - 0.04 * u], fill=ink)
            for part in (upper, lower, casque, curl):
                d.line(curve(part, face, x, y), fill=ink, width=width)
            for j, a in enumerate((150, 170, 190)):   # the crest behind the head
                r = (1.4 + 0.25 * j) * u
                ang = math.radians(a)
                d.line([(x - face * 0.5 * u, y - 0.3 * u),
                        (x + face * r * math.cos(ang), y - 0.3 * u - r * math.sin(ang) * 0.5)],
                       fill=ink, width=width)


# -- under the glass top of an office desk ---------------------------------------------------

def _bar_off(line: tuple[float, float, float], half: float,
             boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether a bar ``half`` px either side of the line (a, b, c: a x + b y = c, a and b
    a unit normal) keeps off every box (x0, y0, x1, y1, px)."""
    a, b, c = line
    for x0, y0, x1, y1 in boxes:
        ds = [a * x + b * y - c for x in (x0, x1) for y in (y0, y1)]
        if min(ds) < half and max(ds) > -half:
            return False
    return True


def kaca_plan(size: tuple[int, int], rng: random.Random, u: float, *,
              keep: list[tuple[float, float, float, float]] = ()) -> dict:
    """How the card of ``size`` (px, ``u`` px a mm) lay under the desk's glass and was
    photographed: its share of the picture, keystone and turn; the desk's cloth; the
    glass's tint and haze; the tube lights' reflected bars (each a line a x + b y = c on
    the card, px, its core's half width, strength, its twin's offset and strength; the
    core, with a millimetre more, off the ``keep`` boxes: the NIK's digits and the name,
    px of the card; else over the photo at the card's right end); the dust, a fingerprint
    (its centre, off the boxes too) or none; the slip of paper beside the card; the shake,
    the noise and the JPEG."""
    w, h = size
    bars = []
    for _ in range(rng.randint(*GLASS["bars"])):
        half = rng.uniform(*GLASS["bar_mm"]) * u / 2
        fallback = None
        for _try in range(24):
            steep = rng.random() < 0.5   # across the rows below the name, or down the card
            ang = math.radians(rng.uniform(-25, 25) + (90 if steep else 0))
            a, b = -math.sin(ang), math.cos(ang)   # the bar's normal
            px, py = rng.uniform(0, w), rng.uniform(0, h)
            line = (a, b, a * px + b * py)
            fallback = fallback or line
            if _bar_off(line, half + 1.0 * u, list(keep)):
                break
        else:   # no room found: down the photo at the card's right end
            line = (1.0, 0.0, 0.86 * w)
        bars.append({"line": line, "half": half, "strength": rng.uniform(*GLASS["bar"]),
                     "ghost": rng.uniform(*GLASS["ghost_mm"]) * u * rng.choice((-1, 1)),
                     "ghost_strength": rng.uniform(*GLASS["ghost"])})
    spot = None
    if rng.random() < GLASS["print"]:
        for _try in range(12):
            cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.15, 0.85) * h
            r = 5.0 * u
            if all(cx + r < x0 or cx - r > x1 or cy + r < y0 or cy - r > y1
                   for x0, y0, x1, y1 in keep):
                spot = (cx, cy, rng.uniform(0, math.pi))
                break
    return {"fill": rng.uniform(*GLASS["fill"]), "keystone": rng.uniform(*GLASS["keystone"]),
            "far": rng.choice(("left", "right", "top", "bottom")),
            "turn": rng.uniform(*GLASS["turn"]),
            "shift": (rng.uniform(-0.02, 0.02), rng.uniform(-0.02, 0.02)),
            "surface": rng.choice(SURFACES), "tint": rng.uniform(*GLASS["tint"]),
            "haze": rng.uniform(*GLASS["haze"]), "bars": bars,
            "dust": rng.randint(*GLASS["dust"]), "print": spot,
            "slip": rng.choice(("left", "right", "top", "bottom", None)),
            "slip_gap": rng.uniform(0.02, 0.07),
            "light": rng.uniform(0.88, 0.98),
            "shake": rng.uniform(*GLASS["shake_mm"]) * u, "shake_angle": rng.uniform(0, math.pi),
            "noise": rng.uniform(*GLASS["noise"]), "quality": rng.randint(*GLASS["quality"])}


def reflections(size: tuple[int, int], plan: dict, rng: random.Random, u: float) -> np.ndarray:
    """What the glass over a card of ``size`` (px) reflects back, as how far each point is
    washed to the lamp's white (h, w: 0..1): each tube light a long bar with a soft rim and
    its fainter twin, the dust's specks lit, a fingerprint's whorl of faint ridges."""
    w, h = size
    g = np.random.default_rng(rng.getrandbits(32))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    wash = np.zeros((h, w), np.float32)
    for bar in plan["bars"]:
        a, b, c = bar["line"]
        dist = np.abs(a * xx + b * yy - c)
        core = np.clip((bar["half"] - dist) / (0.8 * u) + 0.5, 0, 1)
        rim = np.exp(-(np.maximum(dist - bar["half"], 0) / (1.6 * u)) ** 2)
        twin = np.exp(-(np.abs(a * xx + b * yy - c - bar["ghost"]) / (0.7 * bar["half"])) ** 2)
        wash = np.maximum(wash, bar["strength"] * np.maximum(core, 0.45 * rim)
                          + bar["ghost_strength"] * bar["strength"] * twin)
    specks = np.zeros((h, w), np.float32)
    for _ in range(plan["dust"]):
        x, y = int(rng.uniform(0, w - 1)), int(rng.uniform(0, h - 1))
        specks[y, x] = rng.uniform(0.5, 1.0)
    specks = cv2.GaussianBlur(specks, (0, 0), max(0.6, 0.06 * u)) * 6
    wash = wash + np.clip(specks, 0, 0.5)
    if plan["print"] is not None:   # a fingertip's whorl of ridges left on the glass
        cx, cy, ang = plan["print"]
        dx, dy = xx - cx, yy - cy
        ex = (dx * math.cos(ang) + dy * math.sin(ang)) / (3.4 * u)
        ey = (-dx * math.sin(ang) + dy * math.cos(ang)) / (4.6 * u)
        r = np.sqrt(ex * ex + ey * ey)
        ridges = 0.5 + 0.5 * np.sin(r * 4.0 / 0.5 * 2 * math.pi + g.uniform(0, 6))
        wash = wash + 0.12 * ridges * np.clip(1.2 - r, 0, 1)
    return np.clip(wash, 0, 1)


def kaca(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
         keep: list[tuple[float, float, float, float]] = (), glare: bool = True
         ) -> Image.Image:
    """The card slid under the glass top of an office desk and photographed there with a
    phone (:func:`kaca_plan`): the card 80-88 % of the picture's width, its far side a
    little shorter, turned a little, lying flat on the desk's cloth (the shared surfaces of
    the held card) with a slip of paper beside it; over all the glass's green cast and
    haze, and what it reflects (:func:`reflections`; ``glare``): the ceiling's tube lights
    as long bright bars with their twins (their cores off the ``keep`` boxes, px of the
    card), dust, a fingerprint; the phone's shake (longer with ``amount``), noise,
    sharpening and JPEG. Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = kaca_plan((w, h), rng, u, keep=keep)
    wash = reflections((w, h), plan, rng, u)
    if not glare:
        wash = np.zeros_like(wash)
    card = np.asarray(img.convert("RGB"), np.float32)
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(3.2 * u),
                                           fill=255)
    alpha = np.asarray(mask, np.float32) / 255
    quad = photo_quad((w, h), plan, (w / 2 + plan["shift"][0] * w, h / 2 + plan["shift"][1] * h))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(card, matrix, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(alpha, matrix, (w, h), flags=cv2.INTER_LINEAR)
    glare_map = cv2.warpPerspective(wash, matrix, (w, h), flags=cv2.INTER_LINEAR,
                                    borderMode=cv2.BORDER_REFLECT)
    desk = _surface((w, h), random.Random(rng.getrandbits(32)), u * plan["fill"],
                    plan["surface"])
    if plan["slip"]:   # a slip of paper under the glass beside the card, ruled
        sd = Image.new("L", (w, h), 0)
        q = quad.mean(axis=0)
        gap = 0.5 * plan["fill"] + 0.4 + plan["slip_gap"]   # its middle from the card's
        off = {"left": (-gap * w, 0), "right": (gap * w, 0), "top": (0, -(gap - 0.05) * h),
               "bottom": (0, (gap - 0.05) * h)}[plan["slip"]]
        cx, cy = q[0] + off[0], q[1] + off[1]
        ImageDraw.Draw(sd).rectangle([cx - 0.4 * w, cy - 0.35 * h, cx + 0.4 * w, cy + 0.35 * h],
                                     fill=255)
        slip = cv2.GaussianBlur(np.asarray(sd, np.float32) / 255, (0, 0), 0.3 * u)
        rows = (np.mod(np.arange(h, dtype=np.float32) - cy, 2.2 * u * plan["fill"]) < 0.15 * u)
        paper = np.full((h, w, 3), 244, np.float32)
        paper[rows] = (150, 160, 190)
        desk = desk * (1 - slip[..., None]) + paper * slip[..., None]
    shadow = cv2.GaussianBlur(np.roll(cover, (round(0.2 * u), round(0.15 * u)), (0, 1)),
                              (0, 0), 0.3 * u)   # the card lies flat: a hairline shadow
    desk *= (1 - 0.3 * shadow)[..., None]
    out = desk * (1 - cover[..., None]) + warped * cover[..., None]
    green = np.array((1 - plan["tint"], 1 - 0.2 * plan["tint"], 1 - 0.7 * plan["tint"]),
                     np.float32)
    out = out * green * plan["light"]
    out = out * (1 - plan["haze"]) + 235 * plan["haze"]
    out = out * (1 - glare_map[..., None]) + LAMP * glare_map[..., None]
    g = np.random.default_rng(rng.getrandbits(32))
    length = max(1.0, plan["shake"] * (0.6 + 0.4 * amount))
    out = cv2.filter2D(np.clip(out, 0, 255).astype(np.float32), -1,
                       shake_kernel(length, plan["shake_angle"]))
    out = out + g.normal(0, plan["noise"], out.shape).astype(np.float32)
    soft = cv2.GaussianBlur(out, (0, 0), max(1.0, 0.1 * u))
    out = out + 0.5 * (out - soft)
    picture = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return jpeg(picture, plan["quality"]).convert("RGB")


# -- scanned on a failing flatbed ---------------------------------------------------------------

def usang_plan(size: tuple[int, int], rng: random.Random, u: float, *,
               keep: list[tuple[float, float, float, float]] = ()) -> dict:
    """How the card of ``size`` (px, ``u`` px a mm) was scanned on the failing flatbed:
    along which of its axes the carriage ran (``along_y``: down the card), the lid's margin
    round the card and the motor's stretch along the scan; the colour lines out of
    register (red and blue px either side of green) and their wobble; the sensor's dead
    or stuck elements (each a place across the scan, px of the scan, off the ``keep``
    boxes with 0.6 mm more: the NIK's digits and the name, px of the card; its channel,
    level and width); the lamp's dim end and its strength, the cold lamp's loss at the
    scan's start; the column noise and the scan's noise."""
    w, h = size
    along_y = rng.random() < 0.6
    margin = rng.uniform(*FLATBED["margin_mm"]) * u
    stretch = rng.uniform(*FLATBED["stretch"])
    scale = min((w - 2 * margin) / (w * (1 if along_y else 1 + stretch)),
                (h - 2 * margin) / (h * (1 + stretch if along_y else 1)))
    sx = scale * (1 if along_y else 1 + stretch)
    sy = scale * (1 + stretch if along_y else 1)
    ox, oy = (w - sx * w) / 2, (h - sy * h) / 2
    spans = [((x0 * sx + ox), (x1 * sx + ox)) if along_y else ((y0 * sy + oy), (y1 * sy + oy))
             for x0, y0, x1, y1 in keep]
    across = w if along_y else h
    lines = []
    for _ in range(rng.randint(*FLATBED["lines"])):
        for _try in range(30):
            at = rng.uniform(0.03, 0.97) * across
            if all(at < a - 0.6 * u or at > b + 0.6 * u for a, b in spans):
                break
        else:
            at = 0.97 * across
        stuck = rng.random() < 0.6   # stuck bright in one channel, else dead (dark)
        lines.append({"at": at, "channel": rng.randrange(3), "stuck": stuck,
                      "level": rng.uniform(0.5, 0.9), "width": rng.choice((1, 1, 2))})
    reg = rng.uniform(*FLATBED["register_mm"]) * u
    return {"along_y": along_y, "scale": (sx, sy), "offset": (ox, oy), "stretch": stretch,
            "register": (reg * rng.choice((-1, 1)), rng.uniform(0.6, 1.0)),
            "wobble": rng.uniform(*FLATBED["wobble_mm"]) * u,
            "wobble_mm": rng.uniform(6.0, 14.0), "lines": lines,
            "dim_end": rng.choice((0, 1)), "dim": rng.uniform(*FLATBED["dim"]),
            "warm": rng.uniform(*FLATBED["warm"]), "warm_mm": rng.uniform(*FLATBED["warm_mm"]),
            "column": rng.uniform(*FLATBED["column"]), "noise": rng.uniform(*FLATBED["noise"])}


def usang(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
          keep: list[tuple[float, float, float, float]] = (), faults: bool = True
          ) -> Image.Image:
    """The card scanned on an old flatbed whose scanner is failing (:func:`usang_plan`):
    the card on the lid's white, stretched along the scan by the slow motor; its red and
    blue lines read off the green's place along the scan (colour fringes on every edge
    across it, the offset wobbling as the carriage ran); one or two elements of the sensor
    dead (a dark line the length of the scan) or stuck bright in one colour, off the
    ``keep`` boxes (px of the card); the lamp dimmer towards one end of the sensor and, not
    yet warm, dimmer and bluer where the scan began (``faults``; stronger with
    ``amount``); the sensor's column noise and the scan's noise. Every draw is the same
    whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = usang_plan((w, h), rng, u, keep=keep)
    g = np.random.default_rng(rng.getrandbits(32))
    card = np.asarray(img.convert("RGB"), np.float32)
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(3.2 * u),
                                           fill=255)
    sx, sy = plan["scale"]
    ox, oy = plan["offset"]
    place = np.float32([[sx, 0, ox], [0, sy, oy]])
    flat = cv2.warpAffine(card, place, (w, h), flags=cv2.INTER_AREA,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    cover = cv2.warpAffine(np.asarray(mask, np.float32) / 255, place, (w, h),
                           flags=cv2.INTER_LINEAR)[..., None]
    edge = cv2.GaussianBlur(cover, (0, 0), 0.25 * u)[..., None]   # the card's rim shadow
    out = LID * (1 - cover) + flat * cover
    out = out * (1 - 0.25 * np.clip(4 * edge * (1 - edge), 0, 1))
    along = h if plan["along_y"] else w
    t = np.arange(along, dtype=np.float32)
    reg, blue_share = plan["register"]
    wob = plan["wobble"] * np.sin(t / (plan["wobble_mm"] * u) * 2 * math.pi + g.uniform(0, 6))
    if faults:   # each colour line read a little off along the scan
        for ch, shift in ((0, reg + wob), (2, -blue_share * (reg + wob))):
            if plan["along_y"]:
                mx = np.broadcast_to(np.arange(w, dtype=np.float32)[None, :], (h, w))
                my = np.broadcast_to((t + shift)[:, None], (h, w))
            else:
                mx = np.broadcast_to((t + shift)[None, :], (h, w))
                my = np.broadcast_to(np.arange(h, dtype=np.float32)[:, None], (h, w))
            out[..., ch] = cv2.remap(np.ascontiguousarray(out[..., ch]),
                                     np.ascontiguousarray(mx), np.ascontiguousarray(my),
                                     cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    across_n = w if plan["along_y"] else h
    a = np.linspace(0, 1, across_n, dtype=np.float32)
    if plan["dim_end"]:
        a = a[::-1]
    lamp = 1 - plan["dim"] * (0.6 + 0.4 * amount) * a ** 1.6
    cold = plan["warm"] * np.exp(-t / (plan["warm_mm"] * u))
    columns = g.normal(0, plan["column"], across_n).astype(np.float32)
    if plan["along_y"]:
        light, start, col = lamp[None, :], cold[:, None], columns[None, :]
    else:
        light, start, col = lamp[:, None], cold[None, :], columns[:, None]
    if faults:
        out = out * light[..., None]
        out = out * (1 - start[..., None] * np.array((1.0, 0.8, 0.45), np.float32))
    out = out + col[..., None]
    if faults:
        for line in plan["lines"]:
            lo = int(line["at"])
            hi = min(across_n, lo + line["width"])
            sl = (slice(None), slice(lo, hi)) if plan["along_y"] else (slice(lo, hi), slice(None))
            if line["stuck"]:
                out[sl + (line["channel"],)] = out[sl + (line["channel"],)] * \
                    (1 - line["level"]) + 255 * line["level"]
            else:
                out[sl] = out[sl] * (1 - line["level"])
    out = cv2.GaussianBlur(out, (0, 0), max(0.4, 0.05 * u))
    out = out + g.normal(0, plan["noise"], out.shape).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


__all__ = ["FLATBED", "GLASS", "LAMP", "LID", "enggang", "gigi_haruan", "kaca", "kaca_plan",
           "reflections", "usang", "usang_plan"]
