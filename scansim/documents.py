"""Synthetic attachments as images: pas foto, materai (KTP: scansim.ktp; ijazah: scansim.ijazah).

Each maker draws with Pillow and returns ``(image, truth)``: ``truth`` is a JSON-ready dict
of what a reader should find on the image. Images are RGB (greyscale content when
``color=False``); the materai and the signature are RGBA, to be pasted onto a page.
"""
from __future__ import annotations

import datetime as dt
import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from scansim.draw import (
    centered,
    draw_person,
    fit_font,
    font,
    guilloche,
    make_signature,
    mm_px,
)
from scansim.handwriting import hand_fonts, write_line
from scansim.ornament import emblem

__all__ = ["PAS_FOTO_KINDS", "make_materai", "make_pas_foto", "make_pas_foto_page",
           "make_signature"]

PAS_FOTO_MM = (30.0, 40.0)
MATERAI_MM = (30.0, 25.0)
PAS_FOTO_KINDS = ("ok", "square", "no_face", "two_faces", "busy_background")
PHOTO_BACKGROUNDS = {"red": (196, 32, 38), "blue": (28, 72, 168), "white": (246, 246, 244)}


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _grey(img: Image.Image) -> Image.Image:
    return img.convert("L").convert("RGB")


def _blur(img: Image.Image, dpi: int, factor: float = 1.0) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(max(0.4, dpi / 300 * factor)))


# --------------------------------------------------------------------------- pas foto

def _look(person: dict, rng: random.Random) -> dict:
    """How the person is drawn: women wear a hijab (most Muslim women) or long hair."""
    if person.get("jenis_kelamin") != "P":
        return {}
    muslim = person.get("agama", "ISLAM") == "ISLAM"
    return {"hijab": True} if muslim and rng.random() < 0.75 else {"long_hair": True}


def _portrait(rng: random.Random, size: tuple[int, int], background, *, kind: str,
              look: dict) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size, background)
    if kind == "busy_background":
        d = ImageDraw.Draw(img)
        for _ in range(40):
            x, y = rng.uniform(-0.2, 1) * w, rng.uniform(-0.2, 1) * h
            c = tuple(rng.randint(40, 230) for _ in range(3))
            d.rectangle([x, y, x + rng.uniform(0.05, 0.4) * w, y + rng.uniform(0.05, 0.4) * h],
                        fill=c)
        for _ in range(10):
            d.line([(rng.uniform(0, w), rng.uniform(0, h)), (rng.uniform(0, w), rng.uniform(0, h))],
                   fill=tuple(rng.randint(0, 255) for _ in range(3)), width=rng.randint(2, 9))
    if kind == "two_faces":
        draw_person(img, (-0.04 * w, 0.2 * h, 0.56 * w, 1.0 * h), rng, **look)
        draw_person(img, (0.46 * w, 0.22 * h, 1.04 * w, 1.0 * h), rng)
    elif kind == "square":
        draw_person(img, ((w - h * 0.75) / 2, 0, (w + h * 0.75) / 2, h), rng, **look)
    else:
        draw_person(img, (0, 0, w, h), rng, facing=kind != "no_face", **look)
    return img


def make_pas_foto(person: dict, *, rng: random.Random, dpi: int = 300, kind: str = "ok",
                  background: str | None = None) -> tuple[Image.Image, dict]:
    """A 3 x 4 cm colour photo on a plain red, blue or white background.

    ``kind``: ``ok``; ``square`` (4 x 4 cm); ``no_face`` (back of the head);
    ``two_faces``; ``busy_background`` (a room instead of a plain backdrop).
    """
    if kind not in PAS_FOTO_KINDS:
        raise ValueError(f"unknown pas foto kind {kind!r}")
    bg_name = background or rng.choice(list(PHOTO_BACKGROUNDS))
    w_mm, h_mm = (40.0, 40.0) if kind == "square" else PAS_FOTO_MM
    size = (mm_px(w_mm, dpi), mm_px(h_mm, dpi))
    img = _portrait(rng, size, PHOTO_BACKGROUNDS[bg_name], kind=kind, look=_look(person, rng))
    img = _blur(img, dpi, 1.6)
    truth = {"doc": "pas_foto", "kind": kind, "nik": person.get("nik"),
             "faces": {"no_face": 0, "two_faces": 2}.get(kind, 1),
             "background": "busy" if kind == "busy_background" else bg_name,
             "plain_background": kind != "busy_background",
             "width_mm": w_mm, "height_mm": h_mm, "aspect": round(w_mm / h_mm, 3),
             "aspect_ok": kind != "square", "color": True}
    return img, truth


def _paper(size: tuple[int, int], rng: random.Random, tone: int = 250) -> Image.Image:
    return Image.new("RGB", size, (tone, tone, max(0, tone - rng.randint(0, 6))))


def make_pas_foto_page(person: dict, *, rng: random.Random, dpi: int = 300,
                       kind: str = "ok", paper_mm: tuple[float, float] = (210, 297),
                       copies: int | None = None) -> tuple[Image.Image, dict]:
    """One to four copies of the pas foto glued on a sheet, with the name written under them."""
    page = _paper((mm_px(paper_mm[0], dpi), mm_px(paper_mm[1], dpi)), rng)
    photo, truth = make_pas_foto(person, rng=rng, dpi=dpi, kind=kind)
    copies = copies or rng.choice([1, 2, 2, 4])
    x = mm_px(rng.uniform(25, 45), dpi)
    y = mm_px(rng.uniform(25, 60), dpi)
    boxes = []
    for _ in range(copies):
        angle = rng.uniform(-2.5, 2.5)
        shadow = Image.new("RGBA", photo.size, (0, 0, 0, 70)).rotate(angle, expand=True)
        rotated = photo.convert("RGBA").rotate(angle, expand=True, resample=Image.BICUBIC)
        off = max(2, dpi // 100)
        page.paste(shadow, (x + off, y + off), shadow)
        page.paste(rotated, (x, y), rotated)
        boxes.append([x, y, x + rotated.width, y + rotated.height])
        x += rotated.width + mm_px(rng.uniform(6, 12), dpi)
    name_style = _write_name(page, person["nama"], (boxes[0][0], boxes[0][3] + mm_px(6, dpi)),
                             dpi)
    truth = dict(truth, photo_boxes=boxes, copies=copies, name_style=name_style)
    return page, truth


# How the holder's name is put under the photos, and how often: typed in a serif italic or
# in capitals, written by hand, or left off.
NAME_STYLES = {"serif_italic": 3, "capitals": 2, "hand": 3, "none": 2}


def _write_name(page: Image.Image, name: str, xy: tuple[int, int], dpi: int) -> str:
    """The name under the photos in a style drawn from the name itself (so the page's other
    draws are those of a sheet without it); the style used."""
    rng = random.Random(f"pas-foto-name {name}")
    style = rng.choices(list(NAME_STYLES), weights=list(NAME_STYLES.values()))[0]
    d = ImageDraw.Draw(page)
    if style == "hand" and hand_fonts():
        write_line(page, xy, name, mm_px(rng.uniform(3.5, 5.0), dpi), rng)
    elif style in ("serif_italic", "hand"):
        style = "serif_italic"
        ink = fit_font(d, name, "serif_italic", mm_px(5, dpi), page.width * 0.6)
        d.text(xy, name, font=ink, fill=(30, 40, 120))
    elif style == "capitals":
        ink = fit_font(d, name.upper(), "sans", mm_px(4, dpi), page.width * 0.6)
        d.text(xy, name.upper(), font=ink, fill=(20, 20, 20))
    return style


def _copier_levels(img: Image.Image) -> Image.Image:
    """Stretch the tones from the print's black to white, as a copier's fixed curve does.

    The black point is the darkest percent of the page but never above a dark grey: a small
    pale card on a white sheet must not have its own background taken for black."""
    a = np.asarray(img, dtype=np.float32)
    low = min(float(np.percentile(a, 1)), 60.0)
    high = max(float(np.percentile(a, 99)), low + 1.0)
    return Image.fromarray(np.clip((a - low) * 255.0 / (high - low), 0, 255).astype(np.uint8))


def _photocopy(img: Image.Image, *, color: bool, rng: random.Random) -> Image.Image:
    """What an office copier makes of an image: higher contrast, darker mid-tones."""
    if not color:
        img = img.convert("L")
        img = _copier_levels(img)
        img = ImageEnhance.Contrast(img).enhance(rng.uniform(1.4, 1.9))
        img = ImageEnhance.Brightness(img).enhance(rng.uniform(0.92, 1.02))
        return img.convert("RGB")
    img = ImageEnhance.Color(img).enhance(rng.uniform(1.05, 1.3))
    return ImageEnhance.Contrast(img).enhance(rng.uniform(1.1, 1.35))


# --------------------------------------------------------------------------- materai

def make_materai(*, rng: random.Random, dpi: int = 300) -> Image.Image:
    """A Rp10.000 meterai tempel (2021 design) as an RGBA sticker with perforated edges."""
    w, h = mm_px(MATERAI_MM[0], dpi), mm_px(MATERAI_MM[1], dpi)
    u = dpi / 25.4
    img = Image.new("RGB", (w, h), (232, 92, 160))
    grad = Image.linear_gradient("L").rotate(90).resize((w, h))
    img = Image.composite(Image.new("RGB", (w, h), (214, 48, 128)), img, grad)
    guilloche(img, rng, (246, 150, 196), lines=22, amplitude=0.05, width=max(1, dpi // 200))
    d = ImageDraw.Draw(img)
    # Hologram: a rainbow strip that changes colour along its length.
    hx0, hy0, hx1, hy1 = int(2 * u), int(2.2 * u), int(11 * u), int(11 * u)
    for i in range(hx1 - hx0):
        t = i / max(1, hx1 - hx0)
        c = (int(180 + 70 * math.sin(6.3 * t)), int(190 + 60 * math.sin(6.3 * t + 2)),
             int(200 + 55 * math.sin(6.3 * t + 4)))
        d.line([(hx0 + i, hy0), (hx0 + i, hy1)], fill=c)
    emblem(d, (hx0 + hx1) / 2, (hy0 + hy1) / 2 + 0.6 * u, 3.0 * u, (150, 120, 50))
    white = (255, 248, 252)
    dark = (95, 10, 55)
    d.text((12.5 * u, 2.3 * u), "METERAI", font=font("bold", int(2.9 * u)), fill=white)
    d.text((12.5 * u, 5.5 * u), "TEMPEL", font=font("bold", int(2.9 * u)), fill=white)
    big = fit_font(d, "10000", "bold", int(8 * u), w - 4 * u)
    centered(d, w / 2, 11.3 * u, "10000", big, white)
    d.text((w / 2 - d.textlength("10000", font=big) / 2 + 0.25 * u, 11.5 * u), "10000",
           font=big, fill=None, stroke_width=max(1, dpi // 300), stroke_fill=dark)
    centered(d, w / 2, 19.2 * u, "SEPULUH RIBU RUPIAH", font("cond_bold", int(2.1 * u)), white)
    serial = "".join(str(rng.randint(0, 9)) for _ in range(17))
    centered(d, w / 2, 22.0 * u, serial, font("mono_bold", int(1.8 * u)), dark)
    # Perforated edge: transparent half-discs around the border.
    mask = Image.new("L", (w, h), 255)
    md = ImageDraw.Draw(mask)
    r = max(2, int(0.55 * u))
    for x in range(0, w + r, int(2.2 * r)):
        md.ellipse([x - r, -r, x + r, r], fill=0)
        md.ellipse([x - r, h - r, x + r, h + r], fill=0)
    for y in range(0, h + r, int(2.2 * r)):
        md.ellipse([-r, y - r, r, y + r], fill=0)
        md.ellipse([w - r, y - r, w + r, y + r], fill=0)
    out = _blur(img, dpi, 0.4).convert("RGBA")
    out.putalpha(mask)
    return out
