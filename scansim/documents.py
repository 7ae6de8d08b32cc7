"""Synthetic attachments as images: KTP-el card and its photocopy, pas foto, materai.

Each maker draws with Pillow and returns ``(image, truth)``: ``truth`` is a JSON-ready dict
of what a reader should find on the image. Images are RGB (greyscale content when
``color=False``); the materai and the signature are RGBA, to be pasted onto a page.
"""
from __future__ import annotations

import datetime as dt
import math
import random

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

from scansim.draw import (
    BLACK_INK,
    centered,
    draw_person,
    fit_font,
    font,
    guilloche,
    make_signature,
    mm_px,
)
from scansim.ornament import emblem

__all__ = ["KTP_MM", "PAS_FOTO_KINDS", "make_ktp", "make_ktp_back",
           "make_ktp_copy_page", "make_materai", "make_pas_foto", "make_pas_foto_page",
           "make_signature"]

KTP_MM = (85.6, 53.98)
PAS_FOTO_MM = (30.0, 40.0)
MATERAI_MM = (30.0, 25.0)
PAS_FOTO_KINDS = ("ok", "square", "no_face", "two_faces", "busy_background")
PHOTO_BACKGROUNDS = {"red": (196, 32, 38), "blue": (28, 72, 168), "white": (246, 246, 244)}

KTP_JOBS = {"Tukang Batu": "TUKANG BATU", "Tukang Kayu": "TUKANG KAYU",
            "Tukang Besi": "TUKANG LAS/PANDAI BESI"}
KTP_OTHER_JOBS = ["WIRASWASTA", "KARYAWAN SWASTA", "BURUH HARIAN LEPAS"]

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
    d = ImageDraw.Draw(page)
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
    ink = fit_font(d, person["nama"], "serif_italic", mm_px(5, dpi), page.width * 0.6)
    d.text((boxes[0][0], boxes[0][3] + mm_px(6, dpi)), person["nama"], font=ink,
           fill=(30, 40, 120))
    truth = dict(truth, photo_boxes=boxes, copies=copies)
    return page, truth


# --------------------------------------------------------------------------- KTP

def ktp_fields(person: dict, rng: random.Random) -> dict:
    """The values a KTP-el of ``person`` shows, as printed (upper case)."""
    birth = _date(person["tanggal_lahir"])
    job = KTP_JOBS.get(person.get("jabatan_kerja", ""), None)
    if job is None or rng.random() < 0.3:
        job = rng.choice(KTP_OTHER_JOBS)
    rt, rw = person.get("rt", "001"), person.get("rw", "001")
    jalan = person.get("jalan") or person["alamat"]
    return {
        "nik": person["nik"],
        "nama": person["nama"].upper(),
        "tempat_lahir": person["tempat_lahir"].upper(),
        "tanggal_lahir": birth.isoformat(),
        "tempat_tgl_lahir": f"{person['tempat_lahir'].upper()}, {birth:%d-%m-%Y}",
        "jenis_kelamin": person["jenis_kelamin"],
        "jenis_kelamin_text": "LAKI-LAKI" if person["jenis_kelamin"] == "L" else "PEREMPUAN",
        "gol_darah": person.get("gol_darah", "-"),
        "alamat": jalan.upper(),
        "rt_rw": f"{rt}/{rw}",
        "kel_desa": person["kelurahan"].upper(),
        "kecamatan": person["kecamatan"].upper(),
        "agama": person.get("agama", "ISLAM"),
        "status_perkawinan": person.get("status_perkawinan", "KAWIN"),
        "pekerjaan": job,
        "kewarganegaraan": "WNI",
        "berlaku_hingga": "SEUMUR HIDUP",
        "photo_background": "red" if birth.year % 2 else "blue",
    }


def _ktp_background(size, rng: random.Random) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size, (206, 228, 240))
    # A soft diagonal tint from pale blue to pale green, as the printed card has.
    grad = Image.linear_gradient("L").rotate(-35, expand=False).resize(size)
    tint = Image.new("RGB", size, (222, 238, 222))
    img = Image.composite(tint, img, grad)
    guilloche(img, rng, (176, 206, 226), lines=int(h / 9), amplitude=0.05,
              width=max(1, w // 600))
    guilloche(img, rng, (190, 215, 205), lines=int(h / 18), amplitude=0.12,
              width=max(1, w // 700))
    d = ImageDraw.Draw(img)
    # A faint rosette in the middle of the card.
    cx, cy, r = w * 0.45, h * 0.58, h * 0.3
    for k in range(36):
        a = k * math.pi / 18
        d.ellipse([cx + r * 0.5 * math.cos(a) - r * 0.5, cy + r * 0.5 * math.sin(a) - r * 0.5,
                   cx + r * 0.5 * math.cos(a) + r * 0.5, cy + r * 0.5 * math.sin(a) + r * 0.5],
                  outline=(185, 212, 228), width=max(1, w // 800))
    return img


def make_ktp(person: dict, *, rng: random.Random, dpi: int = 300,
             color: bool = True) -> tuple[Image.Image, dict]:
    """The front of a KTP-el card of ``person`` at ``dpi`` (85.6 x 53.98 mm)."""
    f = ktp_fields(person, rng)
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    w, h = size
    img = _ktp_background(size, rng)
    d = ImageDraw.Draw(img)
    u = dpi / 25.4  # px per mm
    ink = (18, 18, 22)
    head = font("bold", int(2.7 * u))
    centered(d, w / 2, 1.6 * u, "PROVINSI KALIMANTAN TENGAH", head, ink)
    centered(d, w / 2, 4.9 * u, "KABUPATEN KOTAWARINGIN BARAT", head, ink)
    d.text((2.5 * u, 10.0 * u), "NIK", font=font("bold", int(3.6 * u)), fill=ink)
    d.text((13.5 * u, 10.0 * u), ":", font=font("bold", int(3.6 * u)), fill=ink)
    d.text((15.5 * u, 9.7 * u), f["nik"], font=font("mono_bold", int(4.0 * u)), fill=ink)
    label = font("cond", int(2.05 * u))
    value = font("cond_bold", int(2.05 * u))
    photo_left = 60.5 * u
    lines = [
        ("Nama", f["nama"], 0),
        ("Tempat/Tgl Lahir", f["tempat_tgl_lahir"], 0),
        ("Jenis Kelamin", f["jenis_kelamin_text"], 0),
        ("Alamat", f["alamat"], 0),
        ("RT/RW", f["rt_rw"], 1),
        ("Kel/Desa", f["kel_desa"], 1),
        ("Kecamatan", f["kecamatan"], 1),
        ("Agama", f["agama"], 0),
        ("Status Perkawinan", f["status_perkawinan"], 0),
        ("Pekerjaan", f["pekerjaan"], 0),
        ("Kewarganegaraan", f["kewarganegaraan"], 0),
        ("Berlaku Hingga", f["berlaku_hingga"], 0),
    ]
    y = 15.6 * u
    step = 2.95 * u
    colon_x = 21.0 * u
    for name, text, indent in lines:
        d.text((2.5 * u + indent * 2.2 * u, y), name, font=label, fill=ink)
        d.text((colon_x, y), ":", font=label, fill=ink)
        room = photo_left - colon_x - 2.0 * u
        if name == "Jenis Kelamin":
            room = 14 * u
        fnt = fit_font(d, text, "cond_bold", int(2.05 * u), room)
        d.text((colon_x + 1.4 * u, y), text, font=fnt, fill=ink)
        if name == "Jenis Kelamin":
            d.text((38.5 * u, y), "Gol. Darah", font=label, fill=ink)
            d.text((50.0 * u, y), ":", font=label, fill=ink)
            d.text((51.4 * u, y), f["gol_darah"], font=value, fill=ink)
        y += step
    # Photo on the right: red background for odd birth years, blue for even.
    pbox = (int(photo_left + 2.0 * u), int(10.5 * u), int(photo_left + 23.0 * u), int(38.5 * u))
    portrait = _portrait(rng, (pbox[2] - pbox[0], pbox[3] - pbox[1]),
                         PHOTO_BACKGROUNDS[f["photo_background"]], kind="ok",
                         look=_look(person, rng))
    img.paste(_blur(portrait, dpi, 0.8), pbox[:2])
    small = font("cond", int(1.75 * u))
    issued = dt.date(rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28))
    centered(d, (pbox[0] + pbox[2]) / 2, 39.3 * u, "KOTAWARINGIN BARAT", small, ink)
    centered(d, (pbox[0] + pbox[2]) / 2, 41.6 * u, f"{issued:%d-%m-%Y}", small, ink)
    sig = make_signature(rng=rng, width_px=int(18 * u), height_px=int(7 * u), ink=BLACK_INK)
    img.paste(sig, (int(pbox[0] + 1.5 * u), int(44.2 * u)), sig)
    img = _blur(img, dpi, 0.5)
    if not color:
        img = _grey(img)
    truth = {"doc": "ktp", **f, "tanggal_terbit": issued.isoformat(), "color": color,
             "side": "front"}
    return img, truth


def make_ktp_back(*, rng: random.Random, dpi: int = 300, color: bool = True) -> Image.Image:
    """The back of a KTP-el: security print only, as the card's reverse shows."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    img = _ktp_background(size, rng)
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    # The chip's contact pattern is on the front of real cards; the back carries the map mark.
    d.ellipse([size[0] * 0.55, size[1] * 0.25, size[0] * 0.9, size[1] * 0.8],
              outline=(160, 190, 210), width=max(1, int(0.4 * u)))
    centered(d, size[0] * 0.3, size[1] * 0.45, "REPUBLIK INDONESIA",
             font("bold", int(2.4 * u)), (150, 175, 195))
    img = _blur(img, dpi, 0.5)
    return img if color else _grey(img)


def _rounded_card(card: Image.Image, dpi: int) -> Image.Image:
    mask = Image.new("L", card.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, card.width - 1, card.height - 1],
                                           radius=mm_px(3.2, dpi), fill=255)
    out = card.convert("RGBA")
    out.putalpha(mask)
    return out


def _photocopy(img: Image.Image, *, color: bool, rng: random.Random) -> Image.Image:
    """What an office copier makes of an image: higher contrast, darker mid-tones."""
    if not color:
        img = img.convert("L")
        img = ImageOps.autocontrast(img, cutoff=1)
        img = ImageEnhance.Contrast(img).enhance(rng.uniform(1.4, 1.9))
        img = ImageEnhance.Brightness(img).enhance(rng.uniform(0.92, 1.02))
        return img.convert("RGB")
    img = ImageEnhance.Color(img).enhance(rng.uniform(1.05, 1.3))
    return ImageEnhance.Contrast(img).enhance(rng.uniform(1.1, 1.35))


def make_ktp_copy_page(person: dict, *, rng: random.Random, dpi: int = 300,
                       paper_mm: tuple[float, float] = (210, 297), color: bool = True,
                       back: bool = False) -> tuple[Image.Image, dict]:
    """A photocopy page of the KTP: the card somewhere in the upper part, a little askew,
    and with ``back=True`` the reverse side copied under it."""
    page = _paper((mm_px(paper_mm[0], dpi), mm_px(paper_mm[1], dpi)), rng, tone=252)
    card, truth = make_ktp(person, rng=rng, dpi=dpi, color=True)
    cards = [card]
    if back:
        cards.append(make_ktp_back(rng=rng, dpi=dpi))
    x = mm_px(rng.uniform(20, paper_mm[0] - KTP_MM[0] - 25), dpi)
    y = mm_px(rng.uniform(15, 60), dpi)
    boxes, angles = [], []
    edge = (70, 70, 70)
    for i, c in enumerate(cards):
        angle = rng.uniform(-4, 4)
        rc = _rounded_card(c, dpi)
        outline = ImageDraw.Draw(rc)
        outline.rounded_rectangle([0, 0, rc.width - 1, rc.height - 1], radius=mm_px(3.2, dpi),
                                  outline=edge + (255,), width=max(1, dpi // 150))
        rc = rc.rotate(angle, expand=True, resample=Image.BICUBIC)
        if i == 1:
            x += mm_px(rng.uniform(-8, 8), dpi)
            y = boxes[0][3] + mm_px(rng.uniform(12, 30), dpi)
        page.paste(rc, (x, y), rc)
        boxes.append([x, y, x + rc.width, y + rc.height])
        angles.append(round(angle, 2))
    page = _photocopy(page, color=color, rng=rng)
    # Copier streaks and toner specks.
    d = ImageDraw.Draw(page)
    for _ in range(rng.randint(0, 3)):
        sx = rng.randint(0, page.width)
        d.line([(sx, 0), (sx, page.height)], fill=(200, 200, 200), width=1)
    for _ in range(rng.randint(20, 120)):
        px, py = rng.randint(0, page.width - 1), rng.randint(0, page.height - 1)
        r = rng.choice([1, 1, 2])
        d.ellipse([px, py, px + r, py + r], fill=(60, 60, 60))
    truth = dict(truth, color=color, card_box=boxes[0], card_angle=angles[0], back=back,
                 back_box=boxes[1] if back else None)
    return page, truth


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
