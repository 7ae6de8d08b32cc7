"""Synthetic attachments as images: ijazah, pas foto, materai (KTP cards: scansim.ktp).

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
    centered,
    draw_person,
    fit_font,
    font,
    guilloche,
    make_signature,
    mm_px,
)

__all__ = ["PAS_FOTO_KINDS", "make_ijazah", "make_materai", "make_pas_foto",
           "make_pas_foto_page", "make_signature"]

PAS_FOTO_MM = (30.0, 40.0)
MATERAI_MM = (30.0, 25.0)
PAS_FOTO_KINDS = ("ok", "square", "no_face", "two_faces", "busy_background")
PHOTO_BACKGROUNDS = {"red": (196, 32, 38), "blue": (28, 72, 168), "white": (246, 246, 244)}

LEVELS = {
    "SD": ("SEKOLAH DASAR", "SD NEGERI {n} {town}"),
    "SMP": ("SEKOLAH MENENGAH PERTAMA", "SMP NEGERI {n} {town}"),
    "SMA": ("SEKOLAH MENENGAH ATAS", "SMA NEGERI {n} {town}"),
    "SMK": ("SEKOLAH MENENGAH KEJURUAN", "SMK NEGERI {n} {town}"),
    "D1": ("DIPLOMA SATU (D-I)", "POLITEKNIK {town}"),
    "D2": ("DIPLOMA DUA (D-II)", "POLITEKNIK {town}"),
    "D3": ("DIPLOMA TIGA (D-III)", "POLITEKNIK {town}"),
    "D4": ("SARJANA TERAPAN (D-IV)", "POLITEKNIK {town}"),
    "S1": ("SARJANA (S-1)", "UNIVERSITAS {town}"),
    "S2": ("MAGISTER (S-2)", "UNIVERSITAS {town}"),
    "S3": ("DOKTOR (S-3)", "UNIVERSITAS {town}"),
}
SCHOOL_TOWNS = ["PANGKALAN BUN", "KUMAI", "KOTAWARINGIN LAMA", "PANGKALAN BANTENG",
                "PANGKALAN LADA", "ARUT UTARA"]
UNIVERSITY_TOWNS = ["PALANGKA RAYA", "ANTAKUSUMA", "LAMBUNG MANGKURAT", "BORNEO TARAKAN"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _title(text: str) -> str:
    """Title case that keeps school abbreviations (SD, SMP, SMA, SMK) upper case."""
    return " ".join(w if w in ("SD", "SMP", "SMA", "SMK") else w.title() for w in text.split())


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


# --------------------------------------------------------------------------- ijazah

def _emblem(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color) -> None:
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


def _stamp(size: int, rng: random.Random, text: str, color) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    lw = max(2, size // 45)
    d.ellipse([lw, lw, size - lw, size - lw], outline=color + (190,), width=lw)
    d.ellipse([size * 0.17, size * 0.17, size * 0.83, size * 0.83], outline=color + (190,),
              width=max(1, lw // 2))
    f = font("bold", max(6, size // 12))
    r = size * 0.41
    for i, ch in enumerate(text):
        a = math.pi * (1.1 + 0.8 * i / max(1, len(text) - 1))
        d.text((size / 2 + r * math.cos(a) - size / 30, size / 2 + r * math.sin(a) - size / 24),
               ch, font=f, fill=color + (190,))
    _emblem(d, size / 2, size / 2, size * 0.18, color + (170,))
    return img.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)


def make_ijazah(person: dict, *, rng: random.Random, dpi: int = 300, color: bool = True,
                paper_mm: tuple[float, float] = (210, 297)) -> tuple[Image.Image, dict]:
    """A diploma page (portrait A4) for the person's last schooling."""
    jenjang = person.get("pendidikan", "SMA")
    level, school_fmt = LEVELS.get(jenjang, LEVELS["SMA"])
    towns = UNIVERSITY_TOWNS if jenjang[0] in "DS" and jenjang not in ("SD", "SMP", "SMA", "SMK") \
        else SCHOOL_TOWNS
    school = school_fmt.format(n=rng.randint(1, 4), town=rng.choice(towns))
    birth = _date(person["tanggal_lahir"])
    tahun = int(person.get("tahun_lulus") or birth.year + 18)
    u = dpi / 25.4
    w, h = mm_px(paper_mm[0], dpi), mm_px(paper_mm[1], dpi)
    paper = (246, 240, 222) if color else (245, 245, 245)
    img = Image.new("RGB", (w, h), paper)
    accent = rng.choice([(20, 70, 40), (30, 50, 120), (110, 40, 30)])
    guilloche(img, rng, tuple(min(255, c + 8) for c in (226, 220, 200)), lines=60,
              amplitude=0.01, width=max(1, dpi // 150))
    d = ImageDraw.Draw(img)
    m = 10 * u
    d.rectangle([m, m, w - m, h - m], outline=accent, width=int(1.6 * u))
    d.rectangle([m + 2.5 * u, m + 2.5 * u, w - m - 2.5 * u, h - m - 2.5 * u], outline=accent,
                width=max(1, int(0.4 * u)))
    _emblem(d, w / 2, 38 * u, 13 * u, (150, 120, 40))
    ink = (25, 25, 30)
    centered(d, w / 2, 58 * u, "REPUBLIK INDONESIA", font("serif_bold", int(5 * u)), ink)
    centered(d, w / 2, 66 * u, "KEMENTERIAN PENDIDIKAN DAN KEBUDAYAAN",
             font("serif", int(3.6 * u)), ink)
    centered(d, w / 2, 80 * u, "IJAZAH", font("serif_bold", int(12 * u)), accent)
    centered(d, w / 2, 97 * u, level, font("serif_bold", int(5 * u)), ink)
    centered(d, w / 2, 105 * u, f"TAHUN PELAJARAN {tahun - 1}/{tahun}",
             font("serif", int(3.8 * u)), ink)
    body = font("serif", int(3.7 * u))
    centered(d, w / 2, 118 * u, f"Yang bertanda tangan di bawah ini, Kepala {_title(school)}",
             body, ink)
    centered(d, w / 2, 124 * u, "menerangkan bahwa:", body, ink)
    centered(d, w / 2, 134 * u, "diberikan kepada", font("serif_italic", int(3.8 * u)), ink)
    name = person["nama"].upper()
    centered(d, w / 2, 142 * u, name, fit_font(d, name, "serif_bold", int(7 * u), w - 50 * u),
             ink)
    rows = [("tempat dan tanggal lahir",
             f"{person['tempat_lahir'].title()}, {birth.day} {MONTHS[birth.month - 1]} "
             f"{birth.year}"),
            ("nomor induk siswa", f"{rng.randint(1000, 9999)}.{rng.randint(100, 999)}"),
            ("nama sekolah", _title(school))]
    y = 158 * u
    for lab, val in rows:
        d.text((35 * u, y), lab, font=body, fill=ink)
        d.text((85 * u, y), ":", font=body, fill=ink)
        d.text((89 * u, y), val, font=body, fill=ink)
        y += 8 * u
    centered(d, w / 2, y + 6 * u, "dinyatakan  L U L U S", font("serif_bold", int(5 * u)), ink)
    centered(d, w / 2, y + 16 * u, f"dari satuan pendidikan berdasarkan hasil ujian tahun {tahun}.",
             body, ink)
    # Photo box on the left, signature block on the right.
    py = int(228 * u)
    pw, ph = mm_px(30, dpi), mm_px(40, dpi)
    photo = _portrait(rng, (pw, ph), (235, 235, 235), kind="ok",
                      look=_look(person, rng))
    img.paste(_grey(photo), (int(45 * u), py))
    d.rectangle([int(45 * u), py, int(45 * u) + pw, py + ph], outline=ink, width=2)
    day = dt.date(tahun, rng.randint(5, 6), rng.randint(1, 28))
    sx = 115 * u
    d.text((sx, 225 * u), f"{rng.choice(SCHOOL_TOWNS).title()}, {day.day} "
           f"{MONTHS[day.month - 1]} {tahun}", font=body, fill=ink)
    d.text((sx, 231 * u), "Kepala Sekolah,", font=body, fill=ink)
    sig = make_signature(rng=rng, width_px=int(45 * u), height_px=int(20 * u))
    stamp = _stamp(int(32 * u), rng, school, (90, 60, 150))
    img.paste(stamp, (int(sx - 14 * u), int(233 * u)), stamp)
    img.paste(sig, (int(sx), int(236 * u)), sig)
    head = f"{rng.choice(['Drs.', 'H.', '', ''])} {rng.choice(['Suyanto', 'Hj. Rahmawati', 'Markus Tingang', 'Abdul Gani'])}"
    d.text((sx, 258 * u), head.strip() + ", S.Pd.", font=font("serif_bold", int(3.7 * u)),
           fill=ink)
    d.text((sx, 264 * u), f"NIP {rng.randint(10**17, 10**18 - 1)}", font=body, fill=ink)
    d.text((m + 5 * u, h - m - 9 * u), f"DN-15 {rng.choice(['Mk', 'Ma', 'Dl'])} "
           f"{rng.randint(0, 9999999):07d}", font=font("mono_bold", int(3.4 * u)),
           fill=(150, 30, 30))
    img = _blur(img, dpi, 0.5)
    if not color:
        img = _photocopy(img, color=False, rng=rng)
    truth = {"doc": "ijazah", "jenjang": jenjang, "nama": name, "tahun": tahun,
             "sekolah": school, "nik": person.get("nik"), "color": color}
    return img, truth


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
    _emblem(d, (hx0 + hx1) / 2, (hy0 + hy1) / 2 + 0.6 * u, 3.0 * u, (150, 120, 50))
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
