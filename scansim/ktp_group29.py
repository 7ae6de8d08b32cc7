"""Twenty-ninth-group KTP prints and print looks: a print of pucuk pakis (young fern
fronds: rows of fiddleheads, each a curl rolled in on itself at the tip of a bending stalk,
turned left and right by turns, the rows in two colours by turns), a print of tikar pandan
(a mat plaited of pandan leaf strips: bands of fine parallel lines running one way and the
other in a check, the strips of the two directions in the two colours), a card whose
personalisation print has faded with years in a wallet (pudar: the printed text and photo
lost 30-60 % of their darkness, unevenly, only 10-20 % along the card's top that sat deep
in the wallet's slot, a broad soft patch where the thumb rubs paler still and rubbed into
broken streaks, the black gone brownish, while the offset-printed security ground has
barely faded and now stands out against the text; the NIK kept legible, a digit or two
of it sometimes very pale),
and a card photocopied and then marked by an office clerk with a ballpoint (coretan: ticks
beside the NIK and the name, a line drawn under the NIK touching the digits' feet, the birth
date loosely circled, "Sesuai asli" and a paraf across the card's lower right corner; on a
copy page also a phone number, and now and then a date, written on the sheet beside the
card)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from scansim.draw import make_signature
from scansim.handwriting import _slanted, hand_fonts

# A card whose personalisation print faded in a wallet (see pudar_plan): each drawn per card.
FADE = {"keep": (0.4, 0.7),            # the print's darkness kept overall (30-60 % lost)
        "top_keep": (0.8, 0.9),        # ... kept along the card's top, deep in the wallet's
        "deep_mm": (14.5, 16.0),       # slot (the heading and the NIK), easing into the
        "ease_mm": 4.0,                # overall keep over 4 mm below this
        "uneven": (0.1, 0.2),          # its unevenness, in blotches of 4-8 mm
        "most": 0.95,                  # never more kept than this
        "patch_keep": (0.35, 0.6),     # what the thumb's patch keeps of that at its heart
        "patch_x": (0.3, 0.62),        # the patch's centre (share of the card's width ...
        "patch_y": (0.55, 0.78),       # ... and of its height: the middle and lower half)
        "patch_mm": ((14.0, 22.0), (9.0, 14.0)),   # its half width and half height
        "breaks": (0.3, 0.5),          # the share of the patch's print rubbed off in streaks
        "brown": (0.35, 0.7),          # how far what is left of the black turned brown
        "ground": (0.02, 0.06),        # how much the offset-printed ground itself faded
        "nik_spot": 0.5,               # the share of cards with a worn spot on the NIK's line
        "nik_spot_mm": (2.0, 3.5),     # ... its radius (a digit or two very pale)
        "nik_floor": 0.3}              # the NIK's darkness never below this share of its own
# The faded print's darkness per channel (red, green, blue) at full browning: the red and
# green lost more than the blue, so the black turns a yellowish brown.
BROWN = (0.72, 0.9, 1.08)
# A card copied and marked with a clerk's ballpoint (see coretan_plan).
PENS = ((28, 52, 150), (36, 40, 118), (26, 26, 34))   # blue, blue-black, black ballpoint
PEN = {"width_mm": (0.28, 0.42),       # the ball's line
       "tick_mm": (2.6, 3.6),          # a tick's size
       "under_mm": (-0.35, 0.15),      # the line under the NIK off its digits' feet (+ lower)
       "slope": (-0.008, 0.008),       # ... and its slope (mm per mm)
       "ring_mm": ((1.2, 2.2), (0.8, 1.5)),   # the ring's room round the date (x, y)
       "note_mm": (2.6, 3.4),          # the height of "Sesuai asli"'s capitals
       "phone_mm": (3.8, 5.0),         # ... and of the phone number's on a copy page
       "date_share": 0.5}              # the share of copy pages with a date written too
NOTES = ("Sesuai asli", "Cocok dgn asli", "Sesuai dgn asli", "Ssi asli")
# Mobile prefixes (08xx) of the country's operators: a phone number written on the sheet.
PREFIXES = ("0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0814",
            "0815", "0816", "0855", "0856", "0857", "0858", "0817", "0818", "0819",
            "0859", "0877", "0878", "0895", "0896", "0897", "0898", "0899", "0881",
            "0882", "0883", "0887", "0888")
PHONE_LEADS = ("", "", "", "HP ", "Hp. ", "Telp. ", "WA ")


# -- the security prints ------------------------------------------------------------------

def pucuk_pakis(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Pucuk pakis: fiddleheads in rows 3.6-4.2 mm apart, 3.8-4.6 mm apart along the row
    (each row shifted half a step), each a stalk rising 1.8-2.4 mm from its foot into a
    curl that rolls over and in on itself almost two turns (a spiral 1.5-1.9 mm across),
    turned left and right by turns; the rows in ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.09 * u))
    row = rng.uniform(3.6, 4.2) * u
    step = rng.uniform(3.8, 4.6) * u
    curl = rng.uniform(0.75, 0.95) * u
    oy, ox = rng.uniform(0, row), rng.uniform(0, step)
    for k, base in enumerate(np.arange(oy - row, h + 2 * row, row)):
        ink = color if k % 2 == 0 else second
        for j, x in enumerate(np.arange(ox - step + (k % 2) * step / 2, w + step, step)):
            side = 1 if (j + k) % 2 == 0 else -1
            tall = rng.uniform(1.8, 2.4) * u
            # the stalk: from its foot up, leaning a little towards its curl
            stalk = [(x + side * 0.35 * curl * t * t, base - tall * t)
                     for t in np.linspace(0, 1, 8)]
            d.line(stalk, fill=ink, width=width)
            # the curl: from the stalk's top over and round, rolling in two turns
            tx, ty = stalk[-1]
            cx, cy = tx + side * curl, ty
            turns = np.linspace(0, 3.6 * math.pi, 48)
            pts = [(cx - side * curl * (1 - t / (4.2 * math.pi)) * math.cos(t),
                    cy - curl * (1 - t / (4.2 * math.pi)) * math.sin(t)) for t in turns]
            d.line(pts, fill=ink, width=width)


def tikar_pandan(img: Image.Image, rng: random.Random, color, u: float, *,
                 second) -> None:
    """Tikar pandan: a mat plaited of strips 2.6-3.2 mm wide, set at 45 degrees, each
    strip's cell hatched with three or four fine lines along it; the strips running one
    way in ``color``, the other way in ``second``, over and under by turns (a check of
    cells hatched one way and the other), a fine line at each strip's edge."""
    w, h = img.size
    strip = rng.uniform(2.6, 3.2) * u
    lines = rng.randint(3, 4)
    width = max(1, round(0.08 * u))
    big = int(math.hypot(w, h)) + 4 * int(strip)
    layer = Image.new("RGB", (big, big), (255, 255, 255))
    mask = Image.new("L", (big, big), 0)
    d, m = ImageDraw.Draw(layer), ImageDraw.Draw(mask)
    n = int(big / strip) + 1
    for i in range(n):
        for j in range(n):
            x0, y0 = i * strip, j * strip
            if (i + j) % 2 == 0:   # a strip running across: lines along x
                for k in range(lines):
                    y = y0 + (k + 0.5) * strip / lines
                    d.line([(x0, y), (x0 + strip, y)], fill=color, width=width)
                    m.line([(x0, y), (x0 + strip, y)], fill=255, width=width)
                d.line([(x0, y0), (x0 + strip, y0)], fill=color, width=width)
                m.line([(x0, y0), (x0 + strip, y0)], fill=255, width=width)
            else:                  # a strip running down: lines along y
                for k in range(lines):
                    x = x0 + (k + 0.5) * strip / lines
                    d.line([(x, y0), (x, y0 + strip)], fill=second, width=width)
                    m.line([(x, y0), (x, y0 + strip)], fill=255, width=width)
                d.line([(x0, y0), (x0, y0 + strip)], fill=second, width=width)
                m.line([(x0, y0), (x0, y0 + strip)], fill=255, width=width)
    angle = 45 + rng.uniform(-4, 4)
    layer = layer.rotate(angle, resample=Image.NEAREST, center=(big / 2, big / 2))
    mask = mask.rotate(angle, resample=Image.NEAREST, center=(big / 2, big / 2))
    left, top = (big - w) // 2 + rng.randint(0, int(strip)), (big - h) // 2
    img.paste(layer.crop((left, top, left + w, top + h)), (0, 0),
              mask.crop((left, top, left + w, top + h)))


# -- faded in a wallet ------------------------------------------------------------------------

def pudar_plan(size: tuple[int, int], rng: random.Random, u: float) -> dict:
    """How the print of a card of ``size`` (px, ``u`` px a mm) faded: the darkness it keeps
    overall and along its top (deep in the wallet's slot, down to ``deep`` px) and how
    unevenly, the thumb's patch (centre and half axes, px, what it keeps at its heart,
    the share of it rubbed off in streaks), on half the cards a worn spot on the NIK's
    line (where along it, a share of its length, and its radius, px; else None), how
    brown the black turned, how much the ground itself faded."""
    w, h = size
    (ax0, ax1), (ay0, ay1) = FADE["patch_mm"]
    spot = (rng.uniform(0.1, 0.9), rng.uniform(*FADE["nik_spot_mm"]) * u)
    return {"keep": rng.uniform(*FADE["keep"]), "uneven": rng.uniform(*FADE["uneven"]),
            "top_keep": rng.uniform(*FADE["top_keep"]), "deep": rng.uniform(*FADE["deep_mm"]) * u,
            "nik_spot": spot if rng.random() < FADE["nik_spot"] else None,
            "patch": (rng.uniform(*FADE["patch_x"]) * w, rng.uniform(*FADE["patch_y"]) * h,
                      rng.uniform(ax0, ax1) * u, rng.uniform(ay0, ay1) * u),
            "patch_keep": rng.uniform(*FADE["patch_keep"]),
            "breaks": rng.uniform(*FADE["breaks"]), "brown": rng.uniform(*FADE["brown"]),
            "ground": rng.uniform(*FADE["ground"])}


def fade_keep(shape: tuple[int, int], plan: dict, rng: random.Random, u: float, *,
              nik: tuple[float, float, float, float] | None = None,
              patch: bool = True) -> np.ndarray:
    """The share of its darkness the print keeps (h, w) by ``plan`` (:func:`pudar_plan`):
    the overall keep (more along the card's top, deep in the wallet's slot), uneven in
    soft blotches; in the thumb's patch (left out with ``patch`` False) less still,
    falling off softly to its rim, and there streaks along the card's length (it slides
    in and out of the wallet) rubbed off almost bare; in the box ``nik`` (px: the NIK's
    digits) the plan's worn spot, and never under FADE["nik_floor"] there. Every draw is
    the same whatever is left out."""
    h, w = shape
    g = np.random.default_rng(rng.getrandbits(32))
    step = max(1.0, 0.5 * u)   # the blotches drawn at half a millimetre a pixel
    sw, sh = max(2, round(w / step)), max(2, round(h / step))
    blot = cv2.GaussianBlur(g.normal(0, 1, (sh, sw)).astype(np.float32), (0, 0), 6 * u / step)
    blot /= max(1e-6, float(blot.std()))
    blot = cv2.resize(blot, (w, h), interpolation=cv2.INTER_LINEAR)
    ys = np.arange(h, dtype=np.float32)
    ease = np.clip((ys - plan["deep"]) / (FADE["ease_mm"] * u), 0, 1)
    base = plan["top_keep"] + (plan["keep"] - plan["top_keep"]) * ease
    keep = np.minimum(base[:, None] * (1 + plan["uneven"] * np.clip(blot, -2, 2)), FADE["most"])
    rub = g.normal(0, 1, (h, w)).astype(np.float32)   # streaks along the card's length
    rub = cv2.GaussianBlur(rub, (0, 0), sigmaX=max(1.0, 1.4 * u), sigmaY=max(0.5, 0.1 * u))
    rub /= max(1e-6, float(rub.std()))
    cut = float(np.quantile(rub, 1 - plan["breaks"]))
    bare = np.clip((rub - cut) / 0.6 + 0.5, 0, 1)
    if patch:
        cx, cy, ax, ay = plan["patch"]
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        r2 = ((xx - cx) / ax) ** 2 + ((yy - cy) / ay) ** 2
        heart = np.exp(-1.6 * r2)   # 1 at its heart, falling off softly past its rim
        keep = keep * (1 - (1 - plan["patch_keep"]) * heart)
        keep = keep * (1 - 0.92 * bare * np.clip(1.4 * heart - 0.15, 0, 1))
    keep = np.clip(keep, 0, 1).astype(np.float32)
    if nik is not None:
        if plan.get("nik_spot"):   # a worn spot on the NIK's line: a digit or two pale
            at, r = plan["nik_spot"]
            sx, sy = nik[0] + at * (nik[2] - nik[0]), (nik[1] + nik[3]) / 2
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            keep = keep * (1 - 0.75 * np.exp(-(((xx - sx) ** 2 + (yy - sy) ** 2) / (r * r))))
        x0, y0, x1, y1 = (int(round(v)) for v in nik)
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        box = keep[y0:y1, x0:x1]
        keep[y0:y1, x0:x1] = np.maximum(box, FADE["nik_floor"])
    return keep


def pudar(img: Image.Image, ground: Image.Image, rng: random.Random, amount: float,
          dpi: int, *, nik: tuple[float, float, float, float] | None = None,
          patch: bool = True, brown: bool = True) -> Image.Image:
    """The card's personalisation print (all that ``img`` has over its security ``ground``:
    the text, the photo, the signature) faded by years in a wallet (:func:`pudar_plan`,
    :func:`fade_keep`): its darkness kept only in part, unevenly, far less in the thumb's
    patch and there rubbed into broken streaks (left out with ``patch`` False), what is
    left turned a yellowish brown (left out with ``brown`` False); the offset-printed
    ground faded by only a few per cent. ``amount`` (0..1): how far. Every draw is the
    same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = pudar_plan((w, h), rng, u)
    keep = 1 - amount * (1 - fade_keep((h, w), plan, rng, u, nik=nik, patch=patch))
    arr = np.asarray(img.convert("RGB"), np.float32)
    base = np.asarray(ground.convert("RGB"), np.float32)
    dark = (base - arr) * keep[..., None]   # the print's own darkness over the ground
    if brown:
        b = plan["brown"] * amount
        tint = np.array([1 + b * (c - 1) for c in BROWN], np.float32)
        dark = dark * tint
    pale = 255 - (255 - base) * (1 - plan["ground"] * amount)   # the ground barely faded
    return Image.fromarray(np.uint8(np.clip(pale - dark, 0, 255)), "RGB")


# -- copied, and marked with a clerk's ballpoint ----------------------------------------------

def copy_look(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The card as an office copier gives it in grey: the paper white, the tints of the
    ground paled, the print darker and harder, the toner's fine grain."""
    u = dpi / 25.4
    grey = np.asarray(img.convert("L"), np.float32)
    lo, hi = rng.uniform(20, 34), rng.uniform(204, 218)
    out = 255 * np.clip((grey - lo) / (hi - lo), 0, 1) ** rng.uniform(1.0, 1.15)
    g = np.random.default_rng(rng.getrandbits(32))
    grain = cv2.GaussianBlur(g.normal(0, 1, grey.shape).astype(np.float32), (0, 0),
                             max(0.5, 0.06 * u))
    out = out + 5 * grain * (out < 245)
    out = np.clip(out, 0, 255).astype(np.uint8)
    return Image.fromarray(out, "L").convert("RGB")


def ink_span(grey: np.ndarray, box, *, below: int = 120) -> tuple[int, int, int, int] | None:
    """The extent (px) of the print darker than ``below`` inside ``box`` of ``grey``, or
    None where there is next to none."""
    x0, y0, x1, y1 = (int(round(v)) for v in box)
    h, w = grey.shape
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    if x1 <= x0 or y1 <= y0:
        return None
    dark = grey[y0:y1, x0:x1] < below
    if dark.sum() < 6:
        return None
    cols, rows = np.flatnonzero(dark.any(axis=0)), np.flatnonzero(dark.any(axis=1))
    return x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1


def card_marks(card: Image.Image, design, u: float, offset: tuple[float, float] = (0, 0)
               ) -> dict:
    """Where a clerk marks a card (``card``: its picture, ``u`` px a mm, its print ``offset``
    px right and down of its place in ``design``): the NIK's digits' box and their feet
    (the lowest row of their print, px), the box of the "NIK" label's room before its colon,
    the name label's room, and the birth date's box (the last ten letters of the birth
    row's value)."""
    jx, jy = offset
    grey = np.asarray(card.convert("L")).astype(np.float32)
    below = 100   # the print's ink, not the ground's fine lines
    lx = design.label_x_mm * u + jx
    nik_y = design.nik_y_mm * u + jy
    nik_guess = (lx + 12.6 * u, nik_y - 0.6 * u, (design.photo_x_mm - 0.6) * u + jx,
                 nik_y + (design.nik_mm + 0.8) * u)
    nik = ink_span(grey, nik_guess, below=below) or tuple(int(v) for v in nik_guess)
    first = (design.first_y_mm + design.value_dy_mm) * u + jy
    step = design.step_mm * u
    text = design.text_mm * u
    birth_guess = (design.colon_x_mm * u + jx + 0.6 * u, first + step - 0.3 * u,
                   (design.photo_x_mm - 0.6) * u + jx, first + step + text + 0.5 * u)
    birth = ink_span(grey, birth_guess, below=below) or tuple(int(v) for v in birth_guess)
    date_w = 5.6 * text   # "dd-mm-yyyy": ten figures of the value's face at the row's size
    birth = (max(birth[0], round(birth[2] - date_w)), birth[1], birth[2], birth[3])
    return {"nik": nik, "nik_feet": nik[3],
            "nik_label": (lx + 7.2 * u, nik_y, lx + 10.8 * u, nik_y + design.nik_mm * u),
            "name_label": (lx + 10.5 * u, first, design.colon_x_mm * u + jx - 1.0 * u,
                           first + text),
            "birth": birth}


def coretan_plan(rng: random.Random, nik: str = "") -> dict:
    """What the clerk's ballpoint put down: its ink and line, the note ("Sesuai asli" ...),
    the phone number written beside the card on a copy page (08xx, 11 to 13 digits, in
    groups of four; never the card's ``nik`` nor a part of it) and its lead ("HP" ...),
    and now and then a date written under it (else "")."""
    while True:
        prefix = rng.choice(PREFIXES)
        rest = "".join(str(rng.randint(0, 9)) for _ in range(rng.randint(7, 9)))
        digits = prefix + rest
        if not nik or (digits not in nik and nik not in digits and digits[-8:] not in nik):
            break
    phone = "-".join([digits[:4], digits[4:8], digits[8:]])
    date = ""
    if rng.random() < PEN["date_share"]:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2025)
        date = rng.choice((f"{day}/{month}/{year % 100:02d}", f"{day}-{month}-{year}",
                           f"{day:02d}/{month:02d}/{year}"))
    return {"ink": rng.choice(PENS), "width_mm": rng.uniform(*PEN["width_mm"]),
            "note": rng.choice(NOTES), "phone": phone, "digits": digits,
            "lead": rng.choice(PHONE_LEADS), "date": date, "hand": rng.randrange(3)}


def _font(plan: dict) -> str:
    fonts = hand_fonts()
    if not fonts:
        raise RuntimeError("no handwriting typeface installed (see scripts/setup.sh)")
    return fonts[plan["hand"] % len(fonts)]


def _jitter(pts, rng: random.Random, by: float) -> list[tuple[float, float]]:
    return [(x + rng.gauss(0, by), y + rng.gauss(0, by)) for x, y in pts]


def tick(d: ImageDraw.ImageDraw, x: float, y: float, size: float, rng: random.Random,
         width: int) -> None:
    """A tick with its foot at (``x`` + a third of ``size``, ``y``): a short stroke down to
    its foot, a long one up and to the right, a little curved."""
    fx, fy = x + 0.3 * size, y
    down = [(x, fy - 0.42 * size), (x + 0.15 * size, fy - 0.2 * size), (fx, fy)]
    lean = rng.uniform(0.55, 0.75)
    up = [(fx + t * 0.7 * size + 0.05 * size * math.sin(math.pi * t),
           fy - t * lean * 1.25 * size - 0.08 * size * math.sin(math.pi * t))
          for t in np.linspace(0, 1, 7)]
    d.line(_jitter(down + up[1:], rng, 0.02 * size), fill=255, width=width, joint="curve")


def underline(d: ImageDraw.ImageDraw, x0: float, x1: float, y: float, slope: float,
              rng: random.Random, width: int, u: float) -> None:
    """A line drawn freehand from ``x0`` to ``x1`` at ``y`` (at its middle), rising or
    falling by ``slope``, wavering a little, its ends hooked as a hand lifts the pen."""
    mid = (x0 + x1) / 2
    wave, phase = rng.uniform(0.05, 0.12) * u, rng.uniform(0, 2 * math.pi)
    pts = [(x, y + slope * (x - mid) + wave * math.sin(phase + 2 * math.pi * (x - x0) / (18 * u)))
           for x in np.linspace(x0, x1, 24)]
    hook = rng.uniform(0.3, 0.7) * u
    pts.append((x1 + 0.6 * hook, pts[-1][1] - hook))
    d.line(pts, fill=255, width=width, joint="curve")


def ring(d: ImageDraw.ImageDraw, box, rng: random.Random, width: int, u: float) -> None:
    """A loose ring round ``box`` (px), drawn in one movement: wider than the box by
    PEN["ring_mm"], tilted a few degrees, its radius drifting, its end overrunning its
    start."""
    x0, y0, x1, y1 = box
    (rx0, rx1), (ry0, ry1) = PEN["ring_mm"]
    cx, cy = (x0 + x1) / 2 + rng.uniform(-0.4, 0.4) * u, (y0 + y1) / 2
    ax = (x1 - x0) / 2 + rng.uniform(rx0, rx1) * u
    ay = (y1 - y0) / 2 + rng.uniform(ry0, ry1) * u
    tilt = math.radians(rng.uniform(-6, 6))
    start = rng.uniform(0, 2 * math.pi)
    over = rng.uniform(0.35, 0.9)
    drift = rng.uniform(-0.08, 0.08)
    pts = []
    for t in np.linspace(0, 2 * math.pi + over, 60):
        k = 1 + drift * t / (2 * math.pi)
        ex, ey = ax * k * math.cos(start + t), ay * k * math.sin(start + t)
        pts.append((cx + ex * math.cos(tilt) - ey * math.sin(tilt),
                    cy + ex * math.sin(tilt) + ey * math.cos(tilt)))
    d.line(pts, fill=255, width=width, joint="curve")


def hand_text(mask: Image.Image, at: tuple[float, float], text: str, height: float,
              font_path: str, rng: random.Random, angle: float = 0.0) -> tuple[int, int, int,
                                                                                  int]:
    """``text`` written by hand into ``mask`` (white on black) from ``at`` (its top left,
    px), its capitals about ``height`` px tall, slanted and turned ``angle`` degrees (up
    to the right). Returns its box (px)."""
    fnt = ImageFont.truetype(font_path, max(8, int(height * 1.3)))
    left, top, right, bottom = fnt.getbbox(text)
    pad = int(height)
    tile = Image.new("L", (right - left + 2 * pad, bottom - top + 2 * pad), 0)
    ImageDraw.Draw(tile).text((pad - left, pad - top), text, font=fnt, fill=255)
    arr = _slanted(np.asarray(tile), rng.uniform(-0.2, 0.05), angle)
    piece = Image.fromarray(arr)
    x, y = int(at[0]) - pad, int(at[1]) - pad
    mask.paste(Image.fromarray(np.maximum(np.asarray(mask.crop(
        (x, y, x + piece.width, y + piece.height))), arr)), (x, y))
    return x, y, x + piece.width, y + piece.height


def paraf(mask: Image.Image, at: tuple[float, float], u: float, rng: random.Random) -> None:
    """A paraf (a scribbled initial) 8-11 mm wide with its left end at ``at`` (px)."""
    sig = make_signature(rng=rng, width_px=int(rng.uniform(8, 11) * u),
                         height_px=int(rng.uniform(4, 5.5) * u), ink=(0, 0, 0))
    alpha = sig.split()[-1].rotate(rng.uniform(-8, 14), expand=True, resample=Image.BICUBIC)
    x, y = int(at[0]), int(at[1] - alpha.height / 2)
    region = mask.crop((x, y, x + alpha.width, y + alpha.height))
    mask.paste(Image.fromarray(np.maximum(np.asarray(region), np.asarray(alpha))), (x, y))


def marks_mask(size: tuple[int, int], origin: tuple[float, float], marks: dict,
               plan: dict, rng: random.Random, u: float, card_size: tuple[int, int]
               ) -> Image.Image:
    """The clerk's marks on a card as a mask (white on black) of ``size`` px, the card's
    top left at ``origin`` in it (``card_size`` px, ``u`` px a mm; ``marks``: where to
    put them, :func:`card_marks`): a tick in the room before the NIK's colon and one in
    the name label's room, a line under the NIK's digits touching or crossing their feet,
    a loose ring round the birth date, the note and a paraf across the card's lower right
    corner."""
    mask = Image.new("L", size, 0)
    d = ImageDraw.Draw(mask)
    ox, oy = origin
    width = max(1, round(plan["width_mm"] * u))
    for key in ("nik_label", "name_label"):
        x0, y0, x1, y1 = marks[key]
        s = rng.uniform(*PEN["tick_mm"]) * u
        tick(d, ox + rng.uniform(x0, max(x0, x1 - 0.9 * s)), oy + y1 + rng.uniform(-0.3, 0.4) * u,
             s, rng, width)
    nx0, _, nx1, _ = marks["nik"]
    feet = marks["nik_feet"] + rng.uniform(*PEN["under_mm"]) * u
    underline(d, ox + nx0 - rng.uniform(0.5, 2.0) * u, ox + nx1 + rng.uniform(-1.0, 1.5) * u,
              oy + feet, rng.uniform(*PEN["slope"]), rng, width, u)
    bx0, by0, bx1, by1 = marks["birth"]
    ring(d, (ox + bx0, oy + by0, ox + bx1, oy + by1), rng, width, u)
    cw, ch = card_size
    font_path = _font(plan)
    height = rng.uniform(*PEN["note_mm"]) * u
    angle = rng.uniform(4, 14)
    x = ox + cw - rng.uniform(21, 30) * u
    y = oy + ch - rng.uniform(6.5, 9.5) * u
    hand_text(mask, (x, y), plan["note"], height, font_path, rng, angle)
    paraf(mask, (x + rng.uniform(3, 9) * u, y + height + rng.uniform(2.5, 4.5) * u), u, rng)
    return mask


def pen_over(img: Image.Image, mask: Image.Image, ink, rng: random.Random, u: float, *,
             grey: bool = False) -> Image.Image:
    """The ballpoint's ink of ``mask`` laid over ``img``: its pressure uneven along the
    strokes, the ball skipping now and then (small gaps), the ink's edge soft; the ink
    over the toner as a translucent film (``grey``: as a grey scan shows it)."""
    w, h = img.size
    g = np.random.default_rng(rng.getrandbits(32))
    share = np.asarray(mask, np.float32) / 255
    press = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0), max(0.8, 0.5 * u))
    press /= max(1e-6, float(press.std()))
    skip = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0), max(0.5, 0.12 * u))
    skip /= max(1e-6, float(skip.std()))
    share = share * np.clip(0.86 + 0.1 * press, 0.6, 1.0) * np.where(skip < -2.0, 0.3, 1.0)
    share = cv2.GaussianBlur(share, (0, 0), max(0.35, 0.025 * u))
    pen = np.array(ink, np.float32)
    if grey:
        pen = np.full(3, float(pen @ np.array([0.299, 0.587, 0.114], np.float32)), np.float32)
    arr = np.asarray(img.convert("RGB"), np.float32)
    arr = arr * (1 - share[..., None] * (1 - pen / 255))
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def coretan(img: Image.Image, rng: random.Random, amount: float, dpi: int, design,
            offset: tuple[float, float] = (0, 0), *, marks: bool = True) -> Image.Image:
    """The card photocopied in grey (:func:`copy_look`) and marked on its copy with a
    clerk's ballpoint (:func:`coretan_plan`, :func:`marks_mask`; left out with ``marks``
    False): ticks by the NIK and the name, a line under the NIK, a ring round the birth
    date, "Sesuai asli" and a paraf across its lower right corner (past the card's edge
    on the sheet, cut off here). ``amount`` (0..1): how hard the pen pressed. Every draw is
    the same whatever is left out."""
    u = dpi / 25.4
    out = copy_look(img, rng, dpi)
    plan = coretan_plan(rng)
    where = card_marks(out, design, u, offset)
    mask = marks_mask(out.size, (0, 0), where, plan, rng, u, out.size)
    if amount < 1:
        mask = Image.fromarray(np.uint8(np.asarray(mask, np.float32) * (0.6 + 0.4 * amount)))
    marked = pen_over(out, mask, plan["ink"], rng, u)
    return marked if marks else out


def coretan_page(page: Image.Image, rng: random.Random, dpi: int, *, card: Image.Image,
                 design, scale: float, centre: tuple[float, float], angle: float,
                 cards_box: tuple[int, int, int, int], nik: str, color: bool) -> tuple[
                     Image.Image, dict]:
    """A copy page marked with the clerk's ballpoint: the marks of :func:`marks_mask` on the
    front's copy (``card``: the front as copied, unturned, at the copier's ``scale``; its
    centre lies at ``centre`` on the page, turned ``angle`` degrees), and on the sheet
    beside the cards (``cards_box``, px) the holder's phone number and now and then a date
    under it, written level with the sheet; in grey unless ``color``. Returns the page and
    the plan (:func:`coretan_plan`; its phone number never the card's ``nik``)."""
    u = dpi / 25.4
    cu = u * scale
    plan = coretan_plan(rng, nik)
    where = card_marks(card, design, cu)
    pad = int(16 * cu)
    size = (card.width + 2 * pad, card.height + 2 * pad)
    mask = marks_mask(size, (pad, pad), where, plan, rng, cu, card.size)
    turned = mask.rotate(angle, expand=True, resample=Image.BICUBIC)
    full = Image.new("L", page.size, 0)
    full.paste(turned, (round(centre[0] - turned.width / 2), round(centre[1] - turned.height / 2)))
    # the phone number (and date) on the sheet beside the cards, where there is room
    W, H = page.size
    x0, y0, x1, y1 = cards_box
    height = rng.uniform(*PEN["phone_mm"]) * u
    text = plan["lead"] + plan["phone"]
    fnt = ImageFont.truetype(_font(plan), max(8, int(height * 1.3)))
    tw = fnt.getlength(text) + 2 * height
    lines = 2.4 if plan["date"] else 1.2
    spots = []
    if W - x1 > tw + 8 * u:
        spots.append((rng.uniform(x1 + 4 * u, W - tw - 4 * u),
                      rng.uniform(y0, max(y0, y1 - lines * height))))
    if H - y1 > lines * height + 14 * u:
        spots.append((rng.uniform(max(6 * u, x0), max(6 * u, min(x1, W - tw - 4 * u))),
                      rng.uniform(y1 + 5 * u, H - lines * height - 8 * u)))
    if y0 > lines * height + 14 * u:
        spots.append((rng.uniform(max(6 * u, x0), max(6 * u, min(x1, W - tw - 4 * u))),
                      rng.uniform(6 * u, y0 - lines * height - 5 * u)))
    if x0 > tw + 8 * u:
        spots.append((rng.uniform(4 * u, x0 - tw - 4 * u),
                      rng.uniform(y0, max(y0, y1 - lines * height))))
    if not spots:   # the cards fill the sheet: over its margin at the foot
        spots.append((6 * u, H - lines * height - 6 * u))
    sx, sy = rng.choice(spots)
    angle_text = rng.uniform(-5, 5)
    box = hand_text(full, (sx, sy), text, height, _font(plan), rng, angle_text)
    plan = dict(plan, phone_box=box)
    if plan["date"]:
        hand_text(full, (sx + rng.uniform(0, 6) * u, sy + 1.5 * height), plan["date"],
                  height * rng.uniform(0.85, 1.0), _font(plan), rng, angle_text)
    return pen_over(page, full, plan["ink"], rng, u, grey=not color), plan


__all__ = ["BROWN", "FADE", "NOTES", "PEN", "PENS", "PREFIXES", "card_marks", "copy_look",
           "coretan", "coretan_page", "coretan_plan", "fade_keep", "hand_text", "ink_span",
           "marks_mask", "paraf", "pen_over", "pucuk_pakis", "pudar", "pudar_plan", "ring",
           "tick", "tikar_pandan", "underline"]
