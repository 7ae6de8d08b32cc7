"""Ornaments of official paper: emblems, logos, round seals, borders and tinted paper."""
from __future__ import annotations

import math
import random

from PIL import Image, ImageChops, ImageDraw

from scansim.draw import font, guilloche

BORDERS = ("double", "ornate", "guilloche", "guilloche_dense", "filigree", "corners", "rope",
           "band", "lattice", "meander", "twin", "arabesque", "side_band", "scallop", "deco",
           "parang", "beads", "none")
SEALS = ("garuda", "tut_wuri", "kemenag", "university")


def emblem(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color) -> None:
    """A Garuda-like emblem: a shield on spread wings, as a placeholder shape."""
    for s in (-1, 1):
        for k in range(5):
            spread = r * (1.0 - k * 0.13)
            d.polygon([(cx + s * r * 0.25, cy - r * 0.1 + k * r * 0.1),
                       (cx + s * spread * 1.25, cy - r * 0.6 + k * r * 0.18),
                       (cx + s * spread * 1.15, cy - r * 0.45 + k * r * 0.22),
                       (cx + s * r * 0.25, cy + r * 0.1 + k * r * 0.1)], fill=color)
    d.ellipse([cx - r * 0.22, cy - r * 1.05, cx + r * 0.22, cy - r * 0.6], fill=color)
    d.polygon([(cx - r * 0.45, cy - r * 0.45), (cx + r * 0.45, cy - r * 0.45),
               (cx + r * 0.4, cy + r * 0.35), (cx, cy + r * 0.7),
               (cx - r * 0.4, cy + r * 0.35)], fill=color)
    d.polygon([(cx - r * 0.3, cy - r * 0.3), (cx + r * 0.3, cy - r * 0.3),
               (cx + r * 0.27, cy + r * 0.3), (cx, cy + r * 0.55),
               (cx - r * 0.27, cy + r * 0.3)], fill=(235, 225, 200))
    d.ellipse([cx - r * 0.1, cy - r * 0.08, cx + r * 0.1, cy + r * 0.12], fill=color)
    d.polygon([(cx - r * 0.55, cy + r * 0.8), (cx + r * 0.55, cy + r * 0.8),
               (cx + r * 0.5, cy + r * 0.95), (cx - r * 0.5, cy + r * 0.95)], fill=color)


def tut_wuri(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color) -> None:
    """A school-ministry-like logo: a ring, a triangle of rays and a bird's wings."""
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=color, width=max(2, int(r / 9)))
    for k in range(5):
        a = math.pi * (0.15 + 0.175 * k)
        d.line([(cx, cy + r * 0.1), (cx + r * 0.8 * math.cos(a), cy - r * 0.8 * math.sin(a))],
               fill=color, width=max(1, int(r / 14)))
    d.polygon([(cx - r * 0.55, cy + r * 0.55), (cx + r * 0.55, cy + r * 0.55),
               (cx, cy - r * 0.1)], outline=color, width=max(1, int(r / 12)))
    d.pieslice([cx - r * 0.5, cy + r * 0.05, cx + r * 0.5, cy + r * 0.8], 200, 340, fill=color)


def kemenag(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color) -> None:
    """A religious-ministry-like logo: a five-pointed star over an open book, in a ring."""
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=color, width=max(2, int(r / 10)))
    pts = []
    for k in range(10):
        rad = r * (0.55 if k % 2 == 0 else 0.22)
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rad * math.cos(a), cy - r * 0.15 + rad * math.sin(a)))
    d.polygon(pts, fill=color)
    d.polygon([(cx - r * 0.6, cy + r * 0.45), (cx, cy + r * 0.6), (cx + r * 0.6, cy + r * 0.45),
               (cx + r * 0.6, cy + r * 0.7), (cx, cy + r * 0.85), (cx - r * 0.6, cy + r * 0.7)],
              fill=color)


def university(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color) -> None:
    """A university-like logo: a shield with a torch and a ring of small marks."""
    for k in range(24):
        a = 2 * math.pi * k / 24
        x, y = cx + r * 0.95 * math.cos(a), cy + r * 0.95 * math.sin(a)
        d.ellipse([x - r * 0.05, y - r * 0.05, x + r * 0.05, y + r * 0.05], fill=color)
    d.polygon([(cx - r * 0.55, cy - r * 0.6), (cx + r * 0.55, cy - r * 0.6),
               (cx + r * 0.5, cy + r * 0.2), (cx, cy + r * 0.75), (cx - r * 0.5, cy + r * 0.2)],
              outline=color, width=max(2, int(r / 10)))
    d.rectangle([cx - r * 0.06, cy - r * 0.2, cx + r * 0.06, cy + r * 0.45], fill=color)
    d.ellipse([cx - r * 0.16, cy - r * 0.5, cx + r * 0.16, cy - r * 0.18], fill=color)


def draw_seal(d: ImageDraw.ImageDraw, kind: str, cx: float, cy: float, r: float, color) -> None:
    {"garuda": emblem, "tut_wuri": tut_wuri, "kemenag": kemenag,
     "university": university}[kind](d, cx, cy, r, color)


def stamp(size: int, rng: random.Random, text: str, color, *, seal: str = "garuda"
          ) -> Image.Image:
    """A round rubber stamp (RGBA): two rings, the institution's name round the top."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    lw = max(2, size // 45)
    d.ellipse([lw, lw, size - lw, size - lw], outline=color + (190,), width=lw)
    d.ellipse([size * 0.17, size * 0.17, size * 0.83, size * 0.83], outline=color + (190,),
              width=max(1, lw // 2))
    f = font("bold", max(6, size // 12))
    r = size * 0.41
    for i, ch in enumerate(text[:28]):
        a = math.pi * (1.1 + 0.8 * i / max(1, min(len(text), 28) - 1))
        d.text((size / 2 + r * math.cos(a) - size / 30, size / 2 + r * math.sin(a) - size / 24),
               ch, font=f, fill=color + (190,))
    draw_seal(d, seal, size / 2, size / 2, size * 0.18, color + (170,))
    return img.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)


def paper(size: tuple[int, int], tint: tuple[int, int, int], rng: random.Random,
          *, pattern: tuple[int, int, int] | None, dpi: int) -> Image.Image:
    """Paper of ``tint``, with a faint security pattern of ``pattern`` colour when given."""
    img = Image.new("RGB", size, tint)
    if pattern:
        guilloche(img, rng, pattern, lines=rng.randint(40, 70), amplitude=0.012,
                  width=max(1, dpi // 150))
    return img


def border(img: Image.Image, kind: str, color, rng: random.Random, *, dpi: int,
           margin_mm: float = 10.0) -> None:
    """Draw a frame of ``kind`` (see BORDERS) ``margin_mm`` inside the paper's edge."""
    if kind == "none":
        return
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    thin = max(1, int(0.35 * u))
    if kind in ("double", "ornate", "corners"):
        d.rectangle([m, m, w - m, h - m], outline=color, width=int(1.4 * u))
        d.rectangle([m + 2.4 * u, m + 2.4 * u, w - m - 2.4 * u, h - m - 2.4 * u],
                    outline=color, width=thin)
    if kind == "ornate":
        step = 6 * u
        for x0, y0, x1, _ in ((m, m, w - m, m), (m, h - m, w - m, h - m)):
            x = x0 + step
            while x < x1 - step / 2:
                d.ellipse([x - 1.2 * u, y0 - 1.2 * u, x + 1.2 * u, y0 + 1.2 * u],
                          outline=color, width=thin)
                x += step
        for x in (m, w - m):
            y = m + step
            while y < h - m - step / 2:
                d.ellipse([x - 1.2 * u, y - 1.2 * u, x + 1.2 * u, y + 1.2 * u], outline=color,
                          width=thin)
                y += step
    if kind in ("ornate", "corners"):
        for cx, cy, sx, sy in ((m, m, 1, 1), (w - m, m, -1, 1), (m, h - m, 1, -1),
                               (w - m, h - m, -1, -1)):
            for k in range(3):
                r = (6 + 4 * k) * u
                box = [cx + sx * 3 * u - r, cy + sy * 3 * u - r, cx + sx * 3 * u + r,
                       cy + sy * 3 * u + r]
                start = {(1, 1): 0, (-1, 1): 90, (-1, -1): 180, (1, -1): 270}[(sx, sy)]
                d.arc(box, start, start + 90, fill=color, width=thin + 1)
            d.regular_polygon((cx + sx * 5 * u, cy + sy * 5 * u, 2.2 * u), 4, rotation=45,
                              fill=color)
    if kind == "guilloche":
        band = int(7 * u)
        frame = Image.new("RGB", img.size, img.getpixel((w // 2, h // 2)))
        guilloche(frame, rng, color, lines=28, amplitude=0.004, width=thin)
        mask = Image.new("L", img.size, 0)
        md = ImageDraw.Draw(mask)
        md.rectangle([m, m, w - m, h - m], fill=255)
        md.rectangle([m + band, m + band, w - m - band, h - m - band], fill=0)
        img.paste(frame, (0, 0), mask)
        d.rectangle([m, m, w - m, h - m], outline=color, width=thin)
        d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    if kind == "guilloche_dense":   # a wide band of tight, dark interlaced curves
        band = int(rng.uniform(11, 15) * u)
        frame = Image.new("RGB", img.size, img.getpixel((w // 2, h // 2)))
        guilloche(frame, rng, color, lines=rng.randint(70, 110), amplitude=0.01,
                  width=max(1, int(0.25 * u)))
        across = Image.new("RGB", (h, w), img.getpixel((w // 2, h // 2)))
        guilloche(across, rng, color, lines=rng.randint(40, 60), amplitude=0.01)
        frame = ImageChops.darker(frame, across.transpose(Image.ROTATE_270))
        mask = Image.new("L", img.size, 0)
        md = ImageDraw.Draw(mask)
        md.rectangle([m, m, w - m, h - m], fill=255)
        md.rectangle([m + band, m + band, w - m - band, h - m - band], fill=0)
        img.paste(frame, (0, 0), mask)
        for k in (0, band):
            d.rectangle([m + k, m + k, w - m - k, h - m - k], outline=color, width=thin + 1)
    if kind == "filigree":   # rosettes side by side all round, a double rule inside
        step, r = 7 * u, 3.2 * u
        for horizontal, fixed, length in ((True, m, w), (True, h - m, w), (False, m, h),
                                          (False, w - m, h)):
            t = m
            while t <= length - m:
                cx, cy = (t, fixed) if horizontal else (fixed, t)
                for k in range(6):
                    a = math.pi * k / 3
                    ox, oy = r * 0.55 * math.cos(a), r * 0.55 * math.sin(a)
                    d.ellipse([cx + ox - r * 0.5, cy + oy - r * 0.5, cx + ox + r * 0.5,
                               cy + oy + r * 0.5], outline=color, width=thin)
                d.ellipse([cx - r * 0.2, cy - r * 0.2, cx + r * 0.2, cy + r * 0.2], fill=color)
                t += step
        for k in (5.5, 7.0):
            d.rectangle([m + k * u, m + k * u, w - m - k * u, h - m - k * u], outline=color,
                        width=thin)
    if kind == "rope":
        step = 3.2 * u
        for x0, y0, horizontal, length in ((m, m, True, w - 2 * m), (m, h - m, True, w - 2 * m),
                                           (m, m, False, h - 2 * m), (w - m, m, False, h - 2 * m)):
            t = 0.0
            while t < length:
                x, y = (x0 + t, y0) if horizontal else (x0, y0 + t)
                dx, dy = (step, 1.6 * u) if horizontal else (1.6 * u, step)
                d.line([(x - dx / 2, y - dy / 2), (x + dx / 2, y + dy / 2)], fill=color,
                       width=thin + 1)
                t += step * 0.8
    if kind == "band":
        d.rectangle([0, 0, w, int(m * 1.6)], fill=color)
        d.rectangle([0, h - int(m * 0.8), w, h], fill=color)
    if kind == "lattice":
        _lattice(img, color, m, u, thin)
    if kind == "meander":
        _meander(d, img.size, color, m, u, thin)
    if kind == "twin":
        _twin(d, img.size, color, m, u)
    if kind == "arabesque":
        _arabesque(d, img.size, color, m, u, thin)
    if kind == "side_band":
        _side_band(img, color, rng, m, u, thin)
    if kind == "scallop":
        _scallop(d, img.size, color, m, u, thin)
    if kind == "deco":
        _deco(d, img.size, color, m, u, thin)
    if kind == "parang":
        _parang(d, img.size, color, m, u, thin)
    if kind == "beads":
        _beads(d, img.size, color, m, u, thin)


def _scallop(d: ImageDraw.ImageDraw, size: tuple[int, int], color, m: float, u: float,
             thin: int) -> None:
    """A rule, then a row of half-rounds along each side bulging inward with a dot at each
    cusp, then a finer rule: the frame of many school certificates."""
    w, h = size
    d.rectangle([m, m, w - m, h - m], outline=color, width=thin * 2)
    inset = m + 2.2 * u
    for start, end, fixed, horizontal, sign in ((inset, w - inset, inset, True, 1),
                                                (inset, w - inset, h - inset, True, -1),
                                                (inset, h - inset, inset, False, 1),
                                                (inset, h - inset, w - inset, False, -1)):
        n = max(2, round((end - start) / (7 * u)))
        step = (end - start) / n
        r = step / 2
        for k in range(n + 1):
            t = start + k * step
            cx, cy = (t, fixed) if horizontal else (fixed, t)
            d.ellipse([cx - 0.7 * u, cy - 0.7 * u, cx + 0.7 * u, cy + 0.7 * u], fill=color)
            if k == n:
                continue
            mx, my = (t + r, fixed) if horizontal else (fixed, t + r)
            box = [mx - r, my - r, mx + r, my + r]
            arc = {(True, 1): (0, 180), (True, -1): (180, 360), (False, 1): (270, 450),
                   (False, -1): (90, 270)}[(horizontal, sign)]
            d.arc(box, *arc, fill=color, width=thin + 1)
    inner = inset + 5.5 * u
    d.rectangle([inner, inner, w - inner, h - inner], outline=color, width=thin)


def _deco(d: ImageDraw.ImageDraw, size: tuple[int, int], color, m: float, u: float,
          thin: int) -> None:
    """Two fine rules, stepped brackets in each corner (an art-deco frame) and a small
    bar with diamonds at the middle of the top."""
    w, h = size
    for k in (0, 1.6 * u):
        d.rectangle([m + k, m + k, w - m - k, h - m - k], outline=color, width=thin)
    for sx, sy, cx, cy in ((1, 1, m, m), (-1, 1, w - m, m), (1, -1, m, h - m),
                           (-1, -1, w - m, h - m)):
        for k, length in enumerate((32, 24, 16)):
            off = (3.4 + 2.2 * k) * u
            x0, y0 = cx + sx * off, cy + sy * off
            d.line([(x0 + sx * length * u, y0), (x0, y0), (x0, y0 + sy * length * u)],
                   fill=color, width=thin + (2 if k == 0 else 1), joint="curve")
        d.regular_polygon((cx + sx * 12.5 * u, cy + sy * 12.5 * u, 1.8 * u), 4, rotation=45,
                          fill=color)
    y = m + 3.6 * u
    d.line([(w / 2 - 22 * u, y), (w / 2 + 22 * u, y)], fill=color, width=thin + 1)
    for x in (w / 2 - 24 * u, w / 2, w / 2 + 24 * u):
        d.regular_polygon((x, y, 1.5 * u), 4, rotation=45, fill=color)


def _side_band(img: Image.Image, color, rng: random.Random, m: float, u: float,
               thin: int) -> None:
    """A broad band of fine wavy lines running down the left edge of the sheet, in a pale
    shade of ``color``, and a single thin rule round the rest."""
    w, h = img.size
    band = int(rng.uniform(20, 24) * u)
    pale = tuple(int(c * 0.45 + 255 * 0.55) for c in color)
    strip = Image.new("RGB", (h, band), tuple(int(c * 0.12 + 255 * 0.88) for c in color))
    guilloche(strip, rng, pale, lines=int(band / (0.9 * u)), amplitude=0.05, width=thin)
    img.paste(strip.transpose(Image.ROTATE_90), (0, 0))
    d = ImageDraw.Draw(img)
    d.line([(band, 0), (band, h)], fill=color, width=thin * 2)
    d.rectangle([band + 2.5 * u, m, w - m, h - m], outline=color, width=thin)


def _twin(d: ImageDraw.ImageDraw, size: tuple[int, int], color, m: float, u: float) -> None:
    """Two rules of equal weight, joined at each corner by a square block."""
    w, h = size
    rule, gap = max(2, int(0.9 * u)), 2.0 * u
    for k in (0, rule + gap):
        d.rectangle([m + k, m + k, w - m - k, h - m - k], outline=color, width=rule)
    side = 2 * rule + gap
    for cx, cy in ((m, m), (w - m - side, m), (m, h - m - side), (w - m - side, h - m - side)):
        d.rectangle([cx, cy, cx + side, cy + side], fill=color)


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color, width: int) -> None:
    """An eight-pointed star (khatam) round two interlaced squares, with a ring inside."""
    d.polygon([(cx + (r if k % 2 == 0 else r * 0.72) * math.cos(math.pi * k / 8),
                cy + (r if k % 2 == 0 else r * 0.72) * math.sin(math.pi * k / 8))
               for k in range(16)], outline=color, width=width)
    for rotation in (0, 45):
        d.regular_polygon((cx, cy, r * 0.66), 4, rotation=rotation, outline=color, width=width)
    d.ellipse([cx - r * 0.42, cy - r * 0.42, cx + r * 0.42, cy + r * 0.42], outline=color,
              width=width)
    d.regular_polygon((cx, cy, r * 0.22), 8, fill=color)


def _arabesque(d: ImageDraw.ImageDraw, size: tuple[int, int], color, m: float, u: float,
               thin: int) -> None:
    """A band of interlaced eight-pointed stars and pointed arches across the top, scallops
    hanging under it, and a thin double frame round the rest of the sheet."""
    w, h = size
    band = 13 * u
    d.rectangle([m, m, w - m, h - m], outline=color, width=thin + 1)
    d.rectangle([m + 1.6 * u, m + 1.6 * u, w - m - 1.6 * u, h - m - 1.6 * u], outline=color,
                width=thin)
    d.rectangle([m, m, w - m, m + band], outline=color, width=thin + 1)
    d.rectangle([m + 1.2 * u, m + 1.2 * u, w - m - 1.2 * u, m + band - 1.2 * u],
                outline=color, width=thin)
    cy, r = m + band / 2, band * 0.36
    count = max(3, int((w - 2 * m) / (band * 1.15)))
    step = (w - 2 * m) / count
    for k in range(count):
        cx = m + step * (k + 0.5)
        _star(d, cx, cy, r, color, thin)
        if k:   # a pointed arch between two stars, its feet on the band's lower rule
            ax = cx - step / 2
            foot = m + band - 1.2 * u
            half, spring = step * 0.18, cy + 0.8 * u
            for s in (-1, 1):   # a post, then an arc centred on the other springing point
                d.line([(ax + s * half, foot), (ax + s * half, spring)], fill=color,
                       width=thin)
                centre, r2 = ax - s * half, 2 * half
                d.arc([centre - r2, spring - r2, centre + r2, spring + r2],
                      180 if s < 0 else 300, 240 if s < 0 else 360, fill=color, width=thin)
            d.regular_polygon((ax, cy + r * 0.15, r * 0.18), 4, rotation=45, fill=color)
    scallop = step / 3
    x = m + 1.6 * u
    while x + scallop <= w - m - 1.6 * u:
        d.arc([x, m + band - scallop / 2, x + scallop, m + band + scallop / 2], 0, 180,
              fill=color, width=thin)
        x += scallop


def _lattice(img: Image.Image, color, m: float, u: float, thin: int) -> None:
    """A band of fine crossing diagonals (a diamond lattice) between two rules."""
    w, h = img.size
    band = 6 * u
    layer = Image.new("RGB", img.size, img.getpixel((w // 2, h // 2)))
    ld = ImageDraw.Draw(layer)
    pitch = 1.8 * u
    k = -h
    while k < w + h:
        ld.line([(k, 0), (k + h, h)], fill=color, width=thin)
        ld.line([(k, h), (k + h, 0)], fill=color, width=thin)
        k += pitch
    mask = Image.new("L", img.size, 0)
    md = ImageDraw.Draw(mask)
    md.rectangle([m, m, w - m, h - m], fill=255)
    md.rectangle([m + band, m + band, w - m - band, h - m - band], fill=0)
    img.paste(layer, (0, 0), mask)
    d = ImageDraw.Draw(img)
    d.rectangle([m, m, w - m, h - m], outline=color, width=int(1.0 * u))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color,
                width=thin * 2)


# One key of a meander in a unit square: along the edge (t), across the band (v, 0 outside).
_KEY = [(0.05, 0.85), (0.05, 0.15), (0.85, 0.15), (0.85, 0.7), (0.35, 0.7), (0.35, 0.42),
        (0.62, 0.42)]


def _meander(d: ImageDraw.ImageDraw, size: tuple[int, int], color, m: float, u: float,
             thin: int) -> None:
    """A Greek-key band between a heavy outer rule and a thin inner one."""
    w, h = size
    band = 5.5 * u
    d.rectangle([m, m, w - m, h - m], outline=color, width=int(1.2 * u))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    edges = (((m, m), (1, 0), (0, 1), w - 2 * m), ((m, h - m), (1, 0), (0, -1), w - 2 * m),
             ((m, m), (0, 1), (1, 0), h - 2 * m), ((w - m, m), (0, 1), (-1, 0), h - 2 * m))
    for (x0, y0), (ax, ay), (bx, by), length in edges:
        count = int((length - 2 * band) // band)
        step = (length - 2 * band) / count
        for k in range(count):
            t0 = band + k * step
            d.line([(x0 + ax * (t0 + t * step) + bx * v * band,
                     y0 + ay * (t0 + t * step) + by * v * band) for t, v in _KEY],
                   fill=color, width=thin + 1)


def _parang(d: ImageDraw.ImageDraw, size: tuple[int, int], color, m: float, u: float,
            thin: int) -> None:
    """A batik parang band: rows of slanted S-shaped strokes between two rules, the
    strokes leaning the same way all round, a small lozenge between each pair."""
    w, h = size
    band = 6.0 * u
    d.rectangle([m, m, w - m, h - m], outline=color, width=int(0.9 * u))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    step = 3.2 * u
    stroke = max(2, round(0.45 * u))
    edges = (((m, m), (1, 0), (0, 1), w - 2 * m), ((m, h - m - band), (1, 0), (0, 1), w - 2 * m),
             ((m, m + band), (0, 1), (1, 0), h - 2 * m - 2 * band),
             ((w - m - band, m + band), (0, 1), (1, 0), h - 2 * m - 2 * band))
    for (x0, y0), (ax, ay), (bx, by), length in edges:
        for k in range(int(length // step)):
            t0 = (k + 0.5) * step
            pts = []
            for i in range(13):   # an S from one rule to the other, leaning forward
                v = i / 12
                t = t0 + (v - 0.5) * step * 1.1 + 0.28 * step * math.sin(2 * math.pi * v)
                vv = 0.12 + 0.76 * v
                pts.append((x0 + ax * t + bx * vv * band, y0 + ay * t + by * vv * band))
            d.line(pts, fill=color, width=stroke)
            cx, cy = x0 + ax * (t0 + step / 2) + bx * band / 2, \
                y0 + ay * (t0 + step / 2) + by * band / 2
            r = 0.55 * u
            d.polygon([(cx - r, cy), (cx, cy - r), (cx + r, cy), (cx, cy + r)], fill=color)


def _beads(d: ImageDraw.ImageDraw, size: tuple[int, int], color, m: float, u: float,
           thin: int) -> None:
    """A string of pearls between a heavy outer rule and a thin inner one, a guilloche
    rosette at each corner."""
    w, h = size
    band = 4.2 * u
    d.rectangle([m, m, w - m, h - m], outline=color, width=int(1.1 * u))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    mid = m + band / 2
    r = 0.85 * u
    for (x0, y0), (ax, ay), length in (((mid, mid), (1, 0), w - 2 * mid),
                                       ((mid, h - mid), (1, 0), w - 2 * mid),
                                       ((mid, mid), (0, 1), h - 2 * mid),
                                       ((w - mid, mid), (0, 1), h - 2 * mid)):
        count = int(length // (2.6 * r))
        for k in range(2, count - 1):
            t = k * length / count
            cx, cy = x0 + ax * t, y0 + ay * t
            d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=color, width=thin)
            d.ellipse([cx - r / 3, cy - r / 3, cx + r / 3, cy + r / 3], fill=color)
    for cx, cy in ((mid, mid), (w - mid, mid), (mid, h - mid), (w - mid, h - mid)):
        rr = band * 0.8
        for k in range(12):
            a = k * math.pi / 6
            d.ellipse([cx + rr / 2 * math.cos(a) - rr / 2, cy + rr / 2 * math.sin(a) - rr / 2,
                       cx + rr / 2 * math.cos(a) + rr / 2, cy + rr / 2 * math.sin(a) + rr / 2],
                      outline=color, width=thin)
