"""Fifteenth-group KTP prints and print looks: a security print of Cirebon cloud motifs
(mega mendung: lobed clouds, each of nested fine outlines in two colours, the nearer ones
hiding those behind), a print of fine lozenges nested round a point behind the fields
(belah ketupat), each ring wavy and the two colours taking turns, a card copied on an
inkjet copier (bands along the head's passes, a clogged nozzle's pale line repeating in
every pass, a composite black with a colour cast, a dithered grain in the tints, ink
wicking a little into the paper), and a copy on which its owner wrote, in ballpoint,
across the card what the copy is for ("Hanya untuk ..."), dated and initialled, as people
do to keep a copy of their card from being misused."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scansim.draw import make_signature
from scansim.handwriting import hand_fonts

# What the owner of a card writes across a copy of it, and the pens they write with.
NOTES = ("Hanya untuk keperluan pendaftaran", "Khusus untuk lamaran kerja",
         "Hanya untuk keperluan administrasi", "Untuk persyaratan sertifikasi saja",
         "Hanya untuk pendaftaran pelatihan")
PENS = ((28, 48, 150), (30, 40, 120), (22, 22, 30))


def _cloud(cx: float, cy: float, rx: float, ry: float, lobes: int, phase: float,
           scale: float) -> list[tuple[float, float]]:
    """A mega mendung cloud's outline at ``scale`` of its size: wide and low, its top
    swelling in round lobes, its underside flatter."""
    pts = []
    for k in range(181):
        a = 2 * math.pi * k / 180
        top = max(0.0, -math.sin(a))            # the lobes stand on the cloud's upper side
        r = 1 + 0.16 * top * abs(math.sin(lobes * a / 2 + phase)) - 0.1 * max(0.0, math.sin(a))
        pts.append((cx + scale * rx * r * math.cos(a), cy + scale * ry * r * math.sin(a)))
    return pts


def mega_mendung(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Cirebon clouds in three staggered rows across the card: each cloud five to seven
    nested fine outlines, the outer ones in ``color`` and the inner ones in ``second``
    by turns, and each cloud hiding the lines of the clouds behind it (its ground is the
    card's own tint)."""
    w, h = img.size
    ground = img.copy()
    d = ImageDraw.Draw(img)
    thin = max(1, round(0.06 * u))
    clouds = []
    for row in range(4):
        cy = (row + rng.uniform(-0.1, 0.1)) * h / 3.2 + 0.1 * h
        x = -rng.uniform(0, 14) * u + (7 * u if row % 2 else 0)
        while x < w + 10 * u:
            rx, ry = rng.uniform(9, 12) * u, rng.uniform(4.2, 5.4) * u
            clouds.append((x + rx, cy, rx, ry, rng.randint(5, 7), rng.uniform(0, 6.3),
                           rng.randint(5, 7)))
            x += 2 * rx * rng.uniform(0.85, 1.05)
    rng.shuffle(clouds)
    for cx, cy, rx, ry, lobes, phase, rings in clouds:
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).polygon(_cloud(cx, cy, rx, ry, lobes, phase, 1.0), fill=255)
        img.paste(ground, (0, 0), mask)
        for k in range(rings):
            scale = 1 - k / rings * 0.9
            ink = color if k % 2 == 0 else second
            d.line(_cloud(cx, cy, rx, ry, lobes, phase, scale), fill=ink, width=thin)


def belah_ketupat(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Fine lozenges nested round a point behind the field block, a little wider than
    high, each ring a little wavy along its sides; the rings ``color`` and ``second`` by
    turns, every fifth one drawn heavier, out to the card's corners."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    thin, heavy = max(1, round(0.05 * u)), max(1, round(0.1 * u))
    cx, cy = rng.uniform(0.3, 0.45) * w, rng.uniform(0.45, 0.6) * h
    pitch = rng.uniform(1.1, 1.3) * u
    wide = rng.uniform(1.2, 1.45)
    waves, depth = rng.randint(5, 8), rng.uniform(0.1, 0.18) * pitch
    reach = (max(cx, w - cx) / wide + max(cy, h - cy)) + pitch
    k, r = 0, pitch * rng.uniform(0.5, 1.0)
    while r < reach:
        pts = []
        for j in range(4 * 48 + 1):
            side, t = divmod(j, 48)
            t /= 48
            corners = ((r * wide, 0), (0, r), (-r * wide, 0), (0, -r), (r * wide, 0))
            (x0, y0), (x1, y1) = corners[side % 4], corners[side % 4 + 1]
            wob = depth * math.sin(2 * math.pi * waves * t)
            nx, ny = (y1 - y0), -(x1 - x0)
            norm = math.hypot(nx, ny) or 1.0
            pts.append((cx + x0 + (x1 - x0) * t + wob * nx / norm,
                        cy + y0 + (y1 - y0) * t + wob * ny / norm))
        d.line(pts, fill=color if k % 2 == 0 else second,
               width=heavy if k % 5 == 4 else thin)
        r += pitch
        k += 1


def inkjet_copy(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """The card copied on an inkjet copier: the print laid down in passes of the head a few
    millimetres wide (each pass a little lighter or darker than the next, a fine dark or
    pale line where two meet), one or two clogged nozzles leaving a pale line at the same
    place in every pass, the black made of the three colours (dark, not black, with a
    cast), a dithered grain in the tints and the ink wicking a little into the paper.
    ``amount`` (0..1): how worn the head."""
    u = dpi / 25.4
    w, h = img.size
    across = rng.random() < 0.5          # passes running along the card's long side
    length = h if across else w
    swath = rng.uniform(4.0, 6.0) * u
    pos = np.arange(length, dtype=float) + rng.uniform(0, swath)
    k = np.floor(pos / swath)
    inner = pos - k * swath
    gain = 1 + amount * 0.07 * np.where(k % 2 == 0, 1, -1) * rng.uniform(0.6, 1.0)
    seam = np.exp(-(inner / (0.12 * u)) ** 2) + np.exp(-((swath - inner) / (0.12 * u)) ** 2)
    gain = gain + amount * rng.choice((0.22, -0.25)) * seam
    for _ in range(rng.randint(1, 2)):   # clogged nozzles: the same place in every pass
        at = rng.uniform(0.15, 0.85) * swath
        gain = gain - amount * rng.uniform(0.35, 0.55) * np.exp(-((inner - at) / (0.07 * u)) ** 2)
    gain = np.clip(gain, 0.3, 1.4)
    gain = gain[:, None] if across else gain[None, :]
    arr = np.asarray(img.filter(ImageFilter.GaussianBlur(max(0.4, 0.035 * u))), float)
    ink = 255 - arr
    cast = np.array(rng.choice(((0.86, 0.93, 0.8), (0.9, 0.8, 0.88), (0.8, 0.88, 0.92))))
    ink = ink * (1 - (1 - cast)[None, None, :] * (ink / 255) ** 2)   # composite black's cast
    tone = ink.mean(axis=2, keepdims=True) / 255
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0, 1, (h, w))[..., None]
    ink = ink + amount * 42 * noise * np.sqrt(np.clip(tone * (1 - tone), 0, 0.25))
    ink = ink * gain[..., None]
    out = 255 - np.clip(ink, 0, 255 * 0.9)     # the darkest an inkjet's copy black gets
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


def _pen_layer(size: tuple[int, int], lines: list[str], font_path: str, height_px: int,
               rng: random.Random) -> Image.Image:
    """The note's ink as a mask (white on black), written level: each line a little
    off the last one's start, the pen pressing unevenly (some strokes fainter)."""
    fnt = ImageFont.truetype(font_path, max(8, int(height_px * 1.3)))
    layer = Image.new("L", size, 0)
    d = ImageDraw.Draw(layer)
    y = 0.0
    for text in lines:
        x = rng.uniform(0, 1.5) * height_px
        for word in text.split(" "):
            d.text((x, y + rng.gauss(0, 0.06) * height_px), word, font=fnt, fill=255)
            x += d.textlength(word + " ", font=fnt) * rng.uniform(0.97, 1.06)
        y += height_px * rng.uniform(1.7, 1.9)
    arr = np.asarray(layer, float)
    press = np.random.default_rng(rng.getrandbits(32)).normal(0, 1, (size[1] // 8 + 1,
                                                                     size[0] // 8 + 1))
    press = np.asarray(Image.fromarray(np.uint8(np.clip(128 + 60 * press, 0, 255))).resize(
        size, Image.BILINEAR), float) / 255
    return Image.fromarray(np.uint8(arr * np.clip(0.55 + 0.7 * press, 0.45, 1.0)))


def pen_note(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """A ballpoint note across the card, written on its copy by its owner: what the copy
    is for on one line, the date under it with an initial after it, rising to the right
    at 10-22 degrees through the middle of the card (over whichever fields lie there),
    kept within the card. ``amount`` (0..1): how hard the pen pressed."""
    u = dpi / 25.4
    w, h = img.size
    fonts = hand_fonts()
    if not fonts:
        raise RuntimeError("no handwriting typeface installed (see scripts/setup.sh)")
    day = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2019, 2025)}"
    note, font_path = rng.choice(NOTES), rng.choice(fonts)
    angle = rng.uniform(10, 22)
    height = rng.uniform(3.0, 3.8) * u
    room = 0.7 * w / math.cos(math.radians(angle))   # the note's line stays on the card
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    wide = probe.textlength(note, font=ImageFont.truetype(font_path, int(height * 1.3)))
    if wide > room:
        height *= room / wide
    tile = _pen_layer((int(room * 1.15), int(height * 5)), [note, day], font_path,
                      int(height), rng)
    date_w = probe.textlength(day, font=ImageFont.truetype(font_path, int(height * 1.3)))
    sig = make_signature(rng=rng, width_px=int(10 * u), height_px=int(4.5 * u), ink=(0, 0, 0))
    mark = sig.split()[-1]
    tile.paste(mark, (int(date_w + 3 * u), int(height * 1.6)), mark)
    turned = tile.rotate(angle, expand=True, resample=Image.BICUBIC)
    # where it lands: its middle near the card's middle, a little left of the photo
    x = max(0, int((w - turned.width) / 2 - rng.uniform(0.0, 0.08) * w))
    y = int(rng.uniform(0.42, 0.55) * h - turned.height / 2)
    canvas = Image.new("L", (w, h), 0)
    canvas.paste(turned, (x, y))
    mask = canvas.filter(ImageFilter.GaussianBlur(max(0.3, 0.03 * u)))
    share = (np.asarray(mask, float) / 255 * (0.6 + 0.35 * amount))[..., None]
    pen = np.array(rng.choice(PENS), float)
    arr = np.asarray(img, float)
    arr = arr * (1 - share) + pen * share
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


__all__ = ["NOTES", "belah_ketupat", "inkjet_copy", "mega_mendung", "pen_note"]
