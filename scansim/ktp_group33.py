"""Thirty-third-group KTP prints and print looks: a print of bunga tanjung (rows of the
tanjung tree's small star-shaped flowers, five pointed petals round a dot, staggered, in
two colours by rows), a print of biji timun (rows of cucumber seeds, small pointed ovals
slanting by turns, in two colours by rows), a card copied on a village office's stencil
duplicator (stensil: the master burnt from the card in the duplicator's photo mode as a
grainy stochastic screen, the soy ink spreading into cheap absorbent paper, its density
uneven round the drum and mottled, the feed roller's grey tracks along the sheet never
over the NIK's digits nor the name, the card's edge printed as a dark outline), and a card
handled on a building site and scanned (semen: a mason's cement-dusted fingertips pressed
on the laminate as pale grey ridged prints, a film of cement powder thicker towards the
card's edges, dried mortar specks with their shadows, none of it over the NIK's digits nor
the name, scanned in colour on a flatbed)."""
from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

# A card copied on a stencil duplicator (see stensil_plan): each per copy.
STENCIL = {"grain_mm": (0.07, 0.12),    # the photo mode's screen grain
           "spread_mm": (0.06, 0.14),   # the ink spreading into the paper round a dot
           "density": (0.72, 0.92),     # the ink's darkness where it is thickest
           "drum": (0.08, 0.2),         # the ink's loss towards one end of the drum
           "mottle": (0.06, 0.14),      # its blotchy unevenness
           "rollers": (1, 2),           # the feed roller's grey tracks along the sheet
           "roller_mm": (2.5, 4.5),     # ... each this wide
           "noise": (2.0, 4.0)}
STENCIL_INK = np.array((34, 36, 40), np.float32)    # the duplicator's black soy ink
STENCIL_PAPER = np.array((238, 236, 226), np.float32)   # cheap absorbent HVS
# A card dusted with cement on a building site (see semen_plan): each per card.
CEMENT = {"prints": (2, 4),             # the mason's fingertips on the laminate
          "print_mm": (8.0, 11.0),      # a print's width (its height 1.3 times)
          "print": (0.35, 0.6),         # how far a print's ridges cover what is under them
          "film": (0.04, 0.12),         # the powder's film over the card
          "specks": (4, 12),            # dried mortar specks
          "speck_mm": (0.4, 1.4),
          "noise": (1.2, 2.4)}
CEMENT_GREY = np.array((178, 176, 168), np.float32)   # dry cement powder


def _clear_of(box: tuple[float, float, float, float], keep) -> bool:
    """Whether ``box`` (x0, y0, x1, y1, px) overlaps none of the ``keep`` boxes."""
    x0, y0, x1, y1 = box
    return all(x1 < k0 or x0 > k2 or y1 < k1 or y0 > k3 for k0, k1, k2, k3 in keep)


# -- the security prints ------------------------------------------------------------------

def bunga_tanjung(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Bunga tanjung: the tanjung tree's small flowers 4.6-5.2 mm apart in rows 3.8-4.4 mm
    apart, every other row shifted half a flower; each five narrow pointed petals round a
    small dot (a star 1.8-2.2 mm across), turned a little flower by flower; the rows in
    ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    across = rng.uniform(4.6, 5.2) * u
    row = rng.uniform(3.8, 4.4) * u
    r = rng.uniform(0.9, 1.1) * u
    width = max(1, round(0.08 * u))
    oy, ox = rng.uniform(0, row), rng.uniform(0, across)
    for k, y in enumerate(np.arange(oy - row, h + row, row)):
        ink = color if k % 2 == 0 else second
        for x in np.arange(ox - across + (k % 2) * across / 2, w + across, across):
            turn = rng.uniform(0, 2 * math.pi / 5)
            for j in range(5):
                a = turn + j * 2 * math.pi / 5
                tip = (x + r * math.cos(a), y + r * math.sin(a))
                side = 0.32 * r
                left = (x + side * math.cos(a - 0.9), y + side * math.sin(a - 0.9))
                right = (x + side * math.cos(a + 0.9), y + side * math.sin(a + 0.9))
                d.line([left, tip, right], fill=ink, width=width)
            c = max(1.0, 0.16 * u)
            d.ellipse([x - c, y - c, x + c, y + c], fill=ink)


def biji_timun(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Biji timun: cucumber seeds, pointed ovals 1.8-2.2 mm long, 2.4-2.8 mm apart in rows
    3.0-3.4 mm apart, every other row shifted half a seed; the seeds slant 35-50 degrees
    one way in a row and the other way in the next, and the rows are drawn in ``color``
    and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    across = rng.uniform(2.4, 2.8) * u
    row = rng.uniform(3.0, 3.4) * u
    long = rng.uniform(1.8, 2.2) * u / 2
    slant = math.radians(rng.uniform(35, 50))
    width = max(1, round(0.08 * u))
    oy, ox = rng.uniform(0, row), rng.uniform(0, across)
    ts = np.linspace(-1, 1, 9)
    for k, y in enumerate(np.arange(oy - row, h + row, row)):
        ink = color if k % 2 == 0 else second
        a = slant if k % 2 == 0 else math.pi - slant
        ca, sa = math.cos(a), math.sin(a)
        for x in np.arange(ox - across + (k % 2) * across / 2, w + across, across):
            for side in (1, -1):   # the seed's two edges, meeting at its points
                pts = [(x + t * long * ca - side * 0.34 * long * (1 - t * t) * sa,
                        y + t * long * sa + side * 0.34 * long * (1 - t * t) * ca) for t in ts]
                d.line(pts, fill=ink, width=width)


# -- copied on a stencil duplicator ----------------------------------------------------------

def stensil_plan(size: tuple[int, int], rng: random.Random, u: float, *,
                 keep: list[tuple[float, float, float, float]] = ()) -> dict:
    """How the card of ``size`` (px, ``u`` px a mm) went through the stencil duplicator:
    the screen's grain and the ink's spread, its density, its loss towards one end of the
    drum (``drum_end``: which end of the sheet's feed, the sheet fed down the card or
    across it, ``along_y``) and its mottle; the feed roller's tracks (each a place across
    the feed and its width, px, off the ``keep`` boxes with 0.6 mm more: the NIK's digits
    and the name, px of the card) and the print's noise."""
    w, h = size
    along_y = rng.random() < 0.5
    across = w if along_y else h
    spans = [(x0, x1) if along_y else (y0, y1) for x0, y0, x1, y1 in keep]
    rollers = []
    for _ in range(rng.randint(*STENCIL["rollers"])):
        half = rng.uniform(*STENCIL["roller_mm"]) * u / 2
        for _try in range(30):
            at = rng.uniform(0.05, 0.95) * across
            if all(at + half < a - 0.6 * u or at - half > b + 0.6 * u for a, b in spans):
                rollers.append({"at": at, "half": half, "strength": rng.uniform(0.1, 0.22),
                                "period": rng.uniform(0.3, 0.5) * (h if along_y else w)})
                break
    return {"grain": rng.uniform(*STENCIL["grain_mm"]) * u,
            "spread": rng.uniform(*STENCIL["spread_mm"]) * u,
            "density": rng.uniform(*STENCIL["density"]), "drum": rng.uniform(*STENCIL["drum"]),
            "drum_end": rng.choice((0, 1)), "along_y": along_y,
            "mottle": rng.uniform(*STENCIL["mottle"]), "rollers": rollers,
            "threshold": rng.uniform(0.46, 0.54), "noise": rng.uniform(*STENCIL["noise"])}


def stensil(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
            keep: list[tuple[float, float, float, float]] = (), rollers: bool = True
            ) -> Image.Image:
    """The card copied on a stencil duplicator (:func:`stensil_plan`): its greys burnt into
    the master as a grainy screen of dots (white or inked, nothing between), the card's
    edge a dark outline; the soy ink spreading into the cheap paper round every dot (its
    strokes bolder and softer), as dark as ``amount`` lets it be and paler towards one
    end of the drum and in blotches; the feed roller's grey tracks along the sheet
    (``rollers``), off the ``keep`` boxes (px of the card); the paper's fibres and the
    print's noise. Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = stensil_plan((w, h), rng, u, keep=keep)
    g = np.random.default_rng(rng.getrandbits(32))
    grey = np.asarray(img.convert("L"), np.float32) / 255
    edge = Image.new("L", (w, h), 0)   # the card's edge, caught by the master as a line
    ImageDraw.Draw(edge).rounded_rectangle([1, 1, w - 2, h - 2], radius=round(3.2 * u),
                                           outline=255, width=max(1, round(0.25 * u)))
    grey = np.minimum(grey, 1 - np.asarray(edge, np.float32) / 255)
    grey = 0.5 + (grey - 0.5) * 1.35   # the photo mode's contrast
    grain = g.standard_normal((h, w)).astype(np.float32)
    grain = cv2.GaussianBlur(grain, (0, 0), plan["grain"] / 2)
    grain /= grain.std() + 1e-6
    inked = (grey + 0.16 * grain < plan["threshold"]).astype(np.float32)
    ink = cv2.GaussianBlur(inked, (0, 0), plan["spread"])
    ink = np.clip(ink * 1.6, 0, 1)   # spread past the dot's edge
    along = h if plan["along_y"] else w
    t = np.linspace(0, 1, along, dtype=np.float32)
    if plan["drum_end"]:
        t = t[::-1]
    loss = 1 - plan["drum"] * t ** 1.5
    loss = loss[:, None] if plan["along_y"] else loss[None, :]
    small = g.standard_normal((max(2, h // 24), max(2, w // 24))).astype(np.float32)
    mottle = cv2.resize(cv2.GaussianBlur(small, (0, 0), 1.2), (w, h),
                        interpolation=cv2.INTER_CUBIC)
    dark = plan["density"] * (0.7 + 0.3 * amount) * loss * (1 - plan["mottle"] * mottle)
    cover = np.clip(ink * dark, 0, 1)[..., None]
    fibres = cv2.GaussianBlur(g.standard_normal((h, w)).astype(np.float32), (0, 0), 0.6)
    paper = STENCIL_PAPER + (3.0 * fibres)[..., None]
    out = paper * (1 - cover) + STENCIL_INK * cover
    if rollers:   # the feed roller's inked tracks along the sheet, in beats
        for r in plan["rollers"]:
            pos = np.arange(w if plan["along_y"] else h, dtype=np.float32)
            band = np.clip((r["half"] - np.abs(pos - r["at"])) / (0.6 * u), 0, 1)
            beat = 0.55 + 0.45 * np.cos(np.arange(along, dtype=np.float32) / r["period"]
                                         * 2 * math.pi)
            track = (band[None, :] * beat[:, None]) if plan["along_y"] else \
                (band[:, None] * beat[None, :])
            out = out * (1 - r["strength"] * track[..., None]) + \
                STENCIL_INK * r["strength"] * track[..., None]
    out = out + g.normal(0, plan["noise"], out.shape).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


# -- dusted with cement on a building site ----------------------------------------------------

def semen_plan(size: tuple[int, int], rng: random.Random, u: float, *,
               keep: list[tuple[float, float, float, float]] = ()) -> dict:
    """Where the mason's cement lies on the card of ``size`` (px, ``u`` px a mm): the
    fingertips' prints (each a centre, width, turn and strength; the print with 0.5 mm
    more off the ``keep`` boxes, px of the card, most of them by the card's edges where it
    was held), the powder's film, the mortar specks (each a centre and radius, off the
    boxes too) and the scan's noise."""
    w, h = size
    prints = []
    for _ in range(rng.randint(*CEMENT["prints"])):
        pw = rng.uniform(*CEMENT["print_mm"]) * u
        ph = 1.3 * pw
        for _try in range(40):
            if rng.random() < 0.7:   # held by the edges
                side = rng.choice(("left", "right", "top", "bottom"))
                cx = {"left": rng.uniform(0, 0.08) * w, "right": rng.uniform(0.92, 1.0) * w}.get(
                    side, rng.uniform(0.05, 0.95) * w)
                cy = {"top": rng.uniform(0, 0.1) * h, "bottom": rng.uniform(0.9, 1.0) * h}.get(
                    side, rng.uniform(0.05, 0.95) * h)
            else:
                cx, cy = rng.uniform(0.05, 0.95) * w, rng.uniform(0.05, 0.95) * h
            r = 0.5 * max(pw, ph) + 0.5 * u
            if _clear_of((cx - r, cy - r, cx + r, cy + r), keep):
                prints.append({"at": (cx, cy), "width": pw, "turn": rng.uniform(0, math.pi),
                               "strength": rng.uniform(*CEMENT["print"]),
                               "pitch": rng.uniform(0.42, 0.52) * u})
                break
    specks = []
    for _ in range(rng.randint(*CEMENT["specks"])):
        for _try in range(20):
            r = rng.uniform(*CEMENT["speck_mm"]) * u / 2
            x, y = rng.uniform(0.02, 0.98) * w, rng.uniform(0.02, 0.98) * h
            if _clear_of((x - r - 0.5 * u, y - r - 0.5 * u, x + r + 0.5 * u, y + r + 0.5 * u),
                         keep):
                specks.append((x, y, r))
                break
    return {"prints": prints, "film": rng.uniform(*CEMENT["film"]), "specks": specks,
            "noise": rng.uniform(*CEMENT["noise"])}


def semen(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
          keep: list[tuple[float, float, float, float]] = (), dust: bool = True
          ) -> Image.Image:
    """The card handled on a building site with cement-dusted hands, then scanned in
    colour on a flatbed (:func:`semen_plan`; ``dust``): the fingertips' prints as pale
    grey whorls of ridges (stronger with ``amount``), the powder's film thicker towards
    the card's edges and blotchy, dried mortar specks, each lit from one side and
    shadowed on the other; none over the ``keep`` boxes (px of the card); the scan's
    softness and noise. Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = semen_plan((w, h), rng, u, keep=keep)
    g = np.random.default_rng(rng.getrandbits(32))
    out = np.asarray(img.convert("RGB"), np.float32).copy()
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cover = np.zeros((h, w), np.float32)
    edge = np.minimum(np.minimum(xx, w - 1 - xx), np.minimum(yy, h - 1 - yy)) / (6.0 * u)
    small = g.standard_normal((max(2, h // 30), max(2, w // 30))).astype(np.float32)
    blotch = cv2.resize(cv2.GaussianBlur(small, (0, 0), 1.0), (w, h),
                        interpolation=cv2.INTER_CUBIC)
    cover += plan["film"] * np.clip(1.4 - edge, 0.3, 1.4) * np.clip(1 + 0.8 * blotch, 0, 2)
    grit = g.random((h, w)).astype(np.float32)
    for p in plan["prints"]:
        cx, cy = p["at"]
        dx, dy = xx - cx, yy - cy
        ca, sa = math.cos(p["turn"]), math.sin(p["turn"])
        ex = (dx * ca + dy * sa) / (p["width"] / 2)
        ey = (-dx * sa + dy * ca) / (0.65 * p["width"])
        r = np.sqrt(ex * ex + ey * ey)
        ridges = 0.5 + 0.5 * np.sin(r * p["width"] / 2 / p["pitch"] * 2 * math.pi
                                    + 0.6 * np.arctan2(ey, ex))
        pad = np.clip((1.0 - r) / 0.25, 0, 1)
        cover += p["strength"] * (0.7 + 0.3 * amount) * pad * ridges * (0.6 + 0.4 * grit)
    cover = np.clip(cover, 0, 0.85)
    if dust:
        out = out * (1 - cover[..., None]) + CEMENT_GREY * cover[..., None]
        for x, y, r in plan["specks"]:   # a lump of mortar, lit from the top left
            d = np.sqrt((xx - x) ** 2 + (yy - y) ** 2)
            lump = np.clip((r - d) / max(1.0, 0.25 * r), 0, 1)
            shade = np.clip(((xx - x) + (yy - y)) / (r + 1e-3), -1, 1)
            tone = 150 - 40 * shade
            out = out * (1 - lump[..., None]) + (tone[..., None] * np.array(
                (1.0, 0.99, 0.95), np.float32)) * lump[..., None]
            cast = np.clip((r - np.sqrt((xx - x - 0.3 * r) ** 2 + (yy - y - 0.3 * r) ** 2))
                           / max(1.0, 0.5 * r), 0, 1) * (1 - lump)
            out = out * (1 - 0.35 * cast[..., None])
    out = cv2.GaussianBlur(out, (0, 0), max(0.4, 0.04 * u))
    out = out + g.normal(0, plan["noise"], out.shape).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


__all__ = ["CEMENT", "CEMENT_GREY", "STENCIL", "STENCIL_INK", "STENCIL_PAPER", "biji_timun",
           "bunga_tanjung", "semen", "semen_plan", "stensil", "stensil_plan"]
