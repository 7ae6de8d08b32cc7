"""Drawing helpers shared by the synthetic documents: fonts, text fitting, a drawn person, ink."""
from __future__ import annotations

import math
import random
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/local/share/fonts"), Path("/Library/Fonts")]
FONTS = {
    "sans": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "cond": "DejaVuSansCondensed.ttf",
    "cond_bold": "DejaVuSansCondensed-Bold.ttf",
    "mono_bold": "DejaVuSansMono-Bold.ttf",
    "serif": "DejaVuSerif.ttf",
    "serif_bold": "DejaVuSerif-Bold.ttf",
    "serif_italic": "DejaVuSerif-Italic.ttf",
}

BLUE_INK = (25, 45, 150)
BLACK_INK = (22, 22, 30)


@lru_cache(maxsize=256)
def font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    """A DejaVu face at ``size`` px; Pillow's built-in scalable face when DejaVu is missing."""
    name = FONTS[kind]
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), max(4, int(size)))
    return ImageFont.load_default(max(4, int(size)))


def fit_font(draw: ImageDraw.ImageDraw, text: str, kind: str, size: int, width: float):
    """The largest font of ``kind`` not above ``size`` in which ``text`` fits ``width`` px."""
    while size > 6 and draw.textlength(text, font=font(kind, size)) > width:
        size -= 1
    return font(kind, size)


def mm_px(mm: float, dpi: int) -> int:
    return int(round(mm / 25.4 * dpi))


def off_box(box, room: float):
    """A test of whether a point (px) lies off ``box`` (px; grown by ``room`` px on every
    side): where a capture's damage may fall without touching what it must leave legible.
    No box: every point is off it."""
    if box is None:
        return lambda x, y: True
    x0, y0, x1, y1 = box
    return lambda x, y: not (x0 - room < x < x1 + room and y0 - room < y < y1 + room)


def centered(draw: ImageDraw.ImageDraw, cx: float, y: float, text: str, fnt, fill) -> None:
    draw.text((cx - draw.textlength(text, font=fnt) / 2, y), text, font=fnt, fill=fill)


SKINS = [(224, 184, 150), (205, 160, 120), (188, 140, 100), (232, 196, 165), (170, 120, 85)]
HAIRS = [(20, 18, 18), (35, 28, 24), (50, 40, 30)]
SHIRTS = [(245, 245, 245), (30, 40, 80), (20, 20, 20), (90, 110, 140), (150, 30, 40),
          (60, 90, 60)]


def draw_person(img: Image.Image, box: tuple[float, float, float, float], rng: random.Random,
                *, facing: bool = True, hijab: bool = False, long_hair: bool = False) -> None:
    """A head-and-shoulders portrait inside ``box`` (x0, y0, x1, y1), the way a pas foto frames it.

    The face is drawn with the contrasts a frontal-face detector looks for (dark brows and
    eyes over lighter cheeks, a light nose bridge); ``facing=False`` draws the back of the head.
    """
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    d = ImageDraw.Draw(img)

    def p(fx: float, fy: float) -> tuple[float, float]:
        return (x0 + fx * w, y0 + fy * h)

    def ell(a: float, b: float, c: float, e: float, fill) -> None:
        d.ellipse([p(a, b), p(c, e)], fill=fill)

    skin = rng.choice(SKINS)
    dark = tuple(int(c * 0.78) for c in skin)
    hair = rng.choice(HAIRS)
    shirt = rng.choice(SHIRTS)
    cx = 0.5 + rng.uniform(-0.02, 0.02)
    d.polygon([p(0.0, 1.0), p(0.02, 0.86), p(0.2, 0.78), p(0.8, 0.78), p(0.98, 0.86),
               p(1.0, 1.0)], fill=shirt)
    d.rectangle([p(cx - 0.1, 0.6), p(cx + 0.1, 0.82)], fill=dark)
    collar = (250, 250, 250) if shirt != SHIRTS[0] else (222, 222, 222)
    for s in (-1, 1):
        d.polygon([p(cx + s * 0.13, 0.77), p(cx, 0.88), p(cx + s * 0.02, 0.93),
                   p(cx + s * 0.2, 0.82)], fill=collar, outline=(120, 120, 120))
    if shirt != SHIRTS[0]:
        for k in range(3):
            ell(cx - 0.008, 0.9 + k * 0.035, cx + 0.008, 0.912 + k * 0.035, (230, 230, 230))
    if not facing:
        ell(cx - 0.3, 0.38, cx - 0.22, 0.52, dark)
        ell(cx + 0.22, 0.38, cx + 0.3, 0.52, dark)
        ell(cx - 0.27, 0.1, cx + 0.27, 0.68, hair)
        return
    if hijab:
        scarf = rng.choice([(40, 40, 60), (120, 40, 70), (230, 230, 235), (60, 80, 120)])
        ell(cx - 0.32, 0.08, cx + 0.32, 0.75, scarf)
        d.polygon([p(cx - 0.3, 0.5), p(cx + 0.3, 0.5), p(cx + 0.42, 0.95), p(cx - 0.42, 0.95)],
                  fill=scarf)
    else:
        if long_hair:
            d.rounded_rectangle([p(cx - 0.31, 0.25), p(cx + 0.31, 0.84)], radius=0.1 * w,
                                fill=hair)
        ell(cx - 0.29, 0.1, cx + 0.29, 0.5, hair)
        ell(cx - 0.3, 0.38, cx - 0.22, 0.52, dark)
        ell(cx + 0.22, 0.38, cx + 0.3, 0.52, dark)
    ell(cx - 0.25, 0.18, cx + 0.25, 0.68, skin)
    if not hijab:
        d.chord([p(cx - 0.26, 0.12), p(cx + 0.26, 0.42)], 180, 360, fill=hair)
    # Shading a camera would catch: darker temples and eye sockets, a lit nose bridge.
    shade = tuple(int(c * 0.9) for c in skin)
    d.chord([p(cx - 0.25, 0.18), p(cx + 0.25, 0.68)], 100, 260, fill=shade)
    d.chord([p(cx - 0.25, 0.18), p(cx + 0.25, 0.68)], -80, 80, fill=shade)
    ell(cx - 0.2, 0.2, cx + 0.2, 0.66, skin)
    light = tuple(min(255, int(c * 1.08)) for c in skin)
    ell(cx - 0.03, 0.4, cx + 0.03, 0.52, light)
    socket = tuple(int(c * 0.82) for c in skin)
    for s in (-1, 1):
        ex = cx + s * 0.105
        ell(ex - 0.085, 0.37, ex + 0.085, 0.45, socket)
    for s in (-1, 1):
        ex = cx + s * 0.105
        d.line([p(ex - 0.07, 0.355), p(ex, 0.345), p(ex + 0.07, 0.355)], fill=hair,
               width=max(2, int(0.02 * h)))
        ell(ex - 0.055, 0.393, ex + 0.055, 0.423, (235, 235, 230))
        ell(ex - 0.022, 0.39, ex + 0.022, 0.426, (40, 28, 20))
        ell(ex - 0.008, 0.402, ex + 0.008, 0.414, (5, 5, 5))
    d.line([p(cx - 0.025, 0.43), p(cx - 0.035, 0.52)], fill=dark, width=max(1, int(0.008 * h)))
    ell(cx - 0.05, 0.51, cx + 0.05, 0.54, dark)
    ell(cx - 0.035, 0.52, cx - 0.012, 0.535, (90, 60, 45))
    ell(cx + 0.012, 0.52, cx + 0.035, 0.535, (90, 60, 45))
    ell(cx - 0.075, 0.575, cx + 0.075, 0.6, (140, 70, 65))
    d.line([p(cx - 0.07, 0.587), p(cx + 0.07, 0.587)], fill=(80, 35, 35),
           width=max(1, int(0.006 * h)))


def _bezier(p0, p1, p2, p3, n: int):
    for i in range(n + 1):
        t = i / n
        a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
        yield (a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0],
               a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1])


def make_signature(*, rng: random.Random, width_px: int, height_px: int,
                   ink: tuple[int, int, int] | None = None) -> Image.Image:
    """A handwritten-looking signature: joined bezier loops and a flourish, on transparency."""
    img = Image.new("RGBA", (max(8, width_px), max(8, height_px)), (0, 0, 0, 0))
    w, h = img.size
    d = ImageDraw.Draw(img)
    color = ink or (BLUE_INK if rng.random() < 0.6 else BLACK_INK)
    pen = max(2, int(round(min(h / 22, w / 60))))
    x = w * rng.uniform(0.05, 0.15)
    mid = h * rng.uniform(0.45, 0.6)
    pts = [(x, mid)]
    strokes = rng.randint(4, 8)
    step = (w * 0.75 - x) / strokes
    for _ in range(strokes):
        nx = x + step * rng.uniform(0.7, 1.3)
        up = h * rng.uniform(0.1, 0.42)
        down = h * rng.uniform(0.05, 0.3)
        c1 = (x + step * rng.uniform(0.1, 0.9), mid - up * 1.6)
        c2 = (x + step * rng.uniform(-0.4, 0.5), mid + down * 1.4)
        end = (nx, mid + rng.uniform(-0.12, 0.12) * h)
        pts.extend(_bezier(pts[-1], c1, c2, end, 24))
        x = nx
    # The flourish: a long sweep back under the name.
    sweep_end = (w * rng.uniform(0.1, 0.3), h * rng.uniform(0.7, 0.88))
    pts.extend(_bezier(pts[-1], (w * 0.98, h * 0.95), (w * 0.6, h * 0.75), sweep_end, 40))
    pts = [(min(w - pen, max(pen, px)), min(h - pen, max(pen, py))) for px, py in pts]
    d.line(pts, fill=color + (235,), width=pen, joint="curve")
    if rng.random() < 0.5:
        dot = (w * rng.uniform(0.6, 0.9), h * rng.uniform(0.15, 0.35))
        d.ellipse([dot[0] - pen, dot[1] - pen, dot[0] + pen, dot[1] + pen], fill=color + (235,))
    return img


def guilloche(img: Image.Image, rng: random.Random, color, *, lines: int = 40,
              amplitude: float = 0.06, width: int = 1) -> None:
    """Interlaced sine curves across ``img``, the security background of cards and stamps."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    period = w / rng.uniform(1.5, 3.5)
    for k in range(lines):
        base = h * (k + 0.5) / lines
        phase = k * 0.45 + rng.uniform(0, 0.2)
        amp = h * amplitude * (1 + 0.4 * math.sin(k * 0.7))
        pts = [(x, base + amp * math.sin(2 * math.pi * x / period + phase))
               for x in range(0, w + 8, 6)]
        d.line(pts, fill=color, width=width)
