"""Sixteenth-group diplomas: a "Surat Keterangan Pengganti Ijazah", the letter an education
office issues in place of a lost or ruined diploma (the office's letterhead over a double
rule, the title underlined with the letter's own number under it, "Yang bertanda tangan di
bawah ini ... menerangkan bahwa" the holder's rows, then "adalah benar telah lulus dari"
the school written out in full, its year and the lost diploma's serial, the photo, the
head of the office's signature and stamp, the copies' list; the level shows only in the
school's name), folded in three and kept; and a university's or polytechnic's diploma,
landscape, the holder's name in a large copperplate script (Elegante) between
centred phrases, in a frame of kawung (four petals round a point), photographed on a desk
slightly turned, a thumb holding its edge down."""
from __future__ import annotations

import datetime as dt
import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from scansim.draw import BLACK_INK, draw_person, make_signature, mm_px
from scansim.formpages import jpeg
from scansim.ijazah_holders import title_case
from scansim.ornament import draw_seal, stamp

STAMP_INK = (70, 54, 150)
LONG = {"SMK": "Sekolah Menengah Kejuruan", "SMA": "Sekolah Menengah Atas",
        "SMP": "Sekolah Menengah Pertama"}
SERIES = {"SMK": "Mk", "SMA": "Ma", "SMP": "Dl"}
RANKS = ("Pembina Utama Muda", "Pembina Tingkat I", "Pembina Utama Madya")


def long_school(school: str) -> str:
    """"SMK NEGERI 2 PANGKALAN BUN" (or "Smk Negeri 2 ...") as a letter writes it out:
    "Sekolah Menengah Kejuruan Negeri 2 Pangkalan Bun"."""
    first, _, rest = school.partition(" ")
    return f"{LONG.get(first.upper(), first)} {rest.title()}"


def wrap(p, text: str, role: str, size_mm: float, width_mm: float) -> list[str]:
    """``text`` broken into lines no wider than ``width_mm`` in ``role`` at ``size_mm``."""
    fnt = p.font(role, size_mm)
    lines, line = [], ""
    for word in text.split(" "):
        trial = f"{line} {word}".strip()
        if line and p.d.textlength(trial, font=fnt) > width_mm * p.u:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line]


def _paragraph(p, x_mm: float, y_mm: float, text: str, role: str, size_mm: float,
               width_mm: float, indent_mm: float = 0.0) -> float:
    """A left-aligned paragraph, its first line indented; the y (mm) under it."""
    lines = wrap(p, text, role, size_mm, width_mm - indent_mm)
    for k, line in enumerate(lines):
        p.text(x_mm + (indent_mm if k == 0 else 0), y_mm, line, role, size_mm)
        y_mm += size_mm * 1.55
    return y_mm


def _issuer(school: str, issued: int) -> tuple[str, str]:
    """Who issues the letter: a province's education office for an SMA or SMK from 2017
    (when the provinces took them over), else the regency's; and its town."""
    if school.split(" ")[0] in ("SMA", "SMK") and issued >= 2017:
        return "PROVINSI KALIMANTAN TENGAH", "Palangka Raya"
    return "KABUPATEN KOTAWARINGIN BARAT", "Pangkalan Bun"


def pengganti_head(p, dz, rng: random.Random, school: str, spec: dict, tahun: int,
                   data: dict) -> tuple[float, str]:
    """The education office's letterhead (the emblem at the left, "PEMERINTAH ...",
    "DINAS PENDIDIKAN", the address) over a heavy and a thin rule, the title underlined and
    the letter's number under it. Returns the y (mm) the text begins at and the lost
    diploma's serial (which the text cites)."""
    wmm = p.w / p.u
    issued = rng.randint(min(tahun + 2, 2024), 2025)
    region, town = _issuer(school, issued)
    first = school.split(" ")[0]
    serial = f"DN-{rng.randint(10, 34)} {SERIES.get(first, 'Ma')} {rng.randint(0, 9999999):07d}"
    p.letter = {"serial": serial, "issued": issued, "region": region, "town": town,
                "school": school, "tahun": tahun}
    left, right = rng.uniform(20, 24), wmm - rng.uniform(18, 22)
    top = rng.uniform(14, 18)
    draw_seal(p.d, dz.seal, (left + 11) * p.u, (top + 11) * p.u, 11 * p.u, (60, 60, 64))
    mid = (left + 24 + right) / 2
    p.text(mid, top, f"PEMERINTAH {region}", dz.heading, 4.4, anchor="ma",
           width_mm=right - left - 28)
    p.text(mid, top + 6.2, "DINAS PENDIDIKAN", dz.title, 6.4, anchor="ma")
    street = rng.choice(("Jalan Tjilik Riwut Km. 5,5", "Jalan Pangeran Antasari No. 12",
                         "Jalan Sutan Syahrir No. 40", "Jalan Rangkasa No. 3"))
    p.text(mid, top + 15, f"{street}, {town}, Telepon (0536) {rng.randint(3200000, 3299999)}",
           dz.body, 3.0, anchor="ma", width_mm=right - left - 28)
    rule = top + 21.5
    p.d.line([(left * p.u, rule * p.u), (right * p.u, rule * p.u)], fill=p.ink,
             width=max(2, round(0.7 * p.u)))
    p.d.line([(left * p.u, (rule + 1.3) * p.u), (right * p.u, (rule + 1.3) * p.u)],
             fill=p.ink, width=max(1, round(0.2 * p.u)))
    y = rule + 9
    title = dz.title_text
    fnt = p.font(dz.title, 4.6)
    tw = p.d.textlength(title, font=fnt) / p.u
    p.centre(y, title, dz.title, 4.6)
    p.d.line([((wmm - tw) / 2 * p.u, (y + 5.6) * p.u), ((wmm + tw) / 2 * p.u, (y + 5.6) * p.u)],
             fill=p.ink, width=max(1, round(0.25 * p.u)))
    code = "Disdik" if region.startswith("PROVINSI") else "Dikbud"
    p.centre(y + 7.2, f"Nomor : 421.{rng.randint(2, 5)}/{rng.randint(100, 2999):04d}/"
             f"{code}/{issued}", dz.body, 3.6)
    return y + 18, serial


def menerangkan_pengganti(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                          sizes: tuple[float, float]) -> float:
    """"Yang bertanda tangan di bawah ini, Kepala Dinas Pendidikan ..., menerangkan bahwa:",
    the rows (Nama first, in bold), then "adalah benar telah lulus dari" the school written
    out, its school year and the lost diploma's serial; what became of the original and
    what the letter stands for."""
    body = 3.6
    wmm = p.w / p.u
    info = p.letter
    left, width = 24.0, wmm - 48.0
    y = _paragraph(p, left, y, "Yang bertanda tangan di bawah ini, Kepala Dinas Pendidikan "
                   f"{info['region'].title()}, menerangkan bahwa :", dz.body, body, width, 10)
    y += 2
    values = dict(rows)
    items = [("Nama", name, dz.name_face),
             ("Tempat dan Tanggal Lahir", values.get("tempat dan tanggal lahir", ""), dz.body),
             ("Nama Orang Tua/Wali", values.get("nama orang tua/wali", ""), dz.body),
             ("Nomor Induk Siswa Nasional", values.get("nomor induk siswa nasional", ""),
              dz.body)]
    lab_x, col_x = left + 10, left + 66
    for label, value, role in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, role, body * (1.1 if role == dz.name_face else 1.0),
               width_mm=wmm - 24 - col_x)
        y += body * 1.75
    y += 2
    school = long_school(info["school"])
    tahun = info["tahun"]
    y = _paragraph(p, left, y, f"adalah benar telah lulus dari {school} pada tahun pelajaran "
                   f"{tahun - 1}/{tahun} dengan Nomor Seri Ijazah {info['serial']}.",
                   dz.body, body, width, 10)
    y = _paragraph(p, left, y + 1.5, "Ijazah asli yang bersangkutan hilang, sebagaimana "
                   "Surat Keterangan Tanda Lapor Kehilangan dari Kepolisian Sektor "
                   f"{info['town']} yang dilampirkan pada permohonannya.",
                   dz.body, body, width, 10)
    y = _paragraph(p, left, y + 1.5, "Surat keterangan ini berlaku sebagai pengganti ijazah "
                   "dan mempunyai kekuatan hukum yang sama dengan ijazah yang hilang.",
                   dz.body, body, width, 10)
    return y


def pengganti_close(p, dz, rng: random.Random, person: dict, school: str, spec: dict,
                    tahun: int, y: float, data: dict) -> None:
    """The photo at the left with the stamp's rim over its corner, the place and date, the
    head of the office's title, signature, stamp, name, rank and NIP at the right, the
    copies' list at the foot."""
    info = p.letter
    wmm, hmm = p.w / p.u, p.h / p.u
    base = min(y + rng.uniform(9, 16), hmm - 100)
    dpi = int(p.u * 25.4)
    pw, ph = mm_px(30, dpi), mm_px(40, dpi)
    px, py = int(34 * p.u), int((base + 14) * p.u)
    photo = Image.new("RGB", (pw, ph), (206, 40, 40) if rng.random() < 0.5 else (40, 80, 180))
    look = {"hijab": True} if person.get("jenis_kelamin") == "P" else {}
    draw_person(photo, (0, 0, pw, ph), rng, **look)
    p.img.paste(photo, (px, py))
    sx = wmm * 0.55
    day = dt.date(info["issued"], rng.randint(1, 12), rng.randint(1, 28))
    p.text(sx, base, f"{info['town']}, {day.day} {data['months'][day.month - 1]} {day.year}",
           dz.body, 3.5)
    p.text(sx, base + 5.5, "Kepala Dinas Pendidikan", dz.body, 3.5)
    p.text(sx, base + 10.5, f"{info['region'].title()},", dz.body, 3.5)
    sig = make_signature(rng=rng, width_px=int(42 * p.u), height_px=int(17 * p.u),
                         ink=BLACK_INK if rng.random() < 0.4 else None)
    office = "DINAS PENDIDIKAN " + ("KALTENG" if info["region"].startswith("PROV") else "KOBAR")
    seal = stamp(int(31 * p.u), rng, office, STAMP_INK, seal=dz.seal)
    p.img.paste(seal, (int((sx - 15) * p.u), int((base + 10) * p.u)), seal)
    p.img.paste(sig, (int((sx + 2) * p.u), int((base + 13) * p.u)), sig)
    head = rng.choice(data["head_titles"]) + rng.choice(data["heads"]) + ", M.Pd."
    p.text(sx, base + 33, head, dz.title, 3.6)
    tw = p.d.textlength(head, font=p.font(dz.title, 3.6)) / p.u
    p.d.line([(sx * p.u, (base + 38) * p.u), ((sx + tw) * p.u, (base + 38) * p.u)],
             fill=p.ink, width=max(1, round(0.2 * p.u)))
    p.text(sx, base + 39.5, rng.choice(RANKS), dz.body, 3.3)
    p.text(sx, base + 44.5, f"NIP {rng.randint(10**17, 10**18 - 1)}", dz.body, 3.3)
    small = int(24 * p.u)   # the photo stamped too, the rim over its lower right corner
    corner = stamp(small, rng, office, STAMP_INK, seal=dz.seal)
    p.img.paste(corner, (px + pw - int(small * 0.45), py + ph - int(small * 0.55)), corner)
    foot = base + 60
    p.text(24, foot, "Tembusan :", dz.body, 3.1)
    first, _, rest = school.partition(" ")
    for k, line in enumerate((f"Kepala {first} {rest.title()}", "Yang bersangkutan", "Arsip")):
        p.text(26, foot + 4.6 * (k + 1), f"{k + 1}. {line}", dz.body, 3.1)


def nama_indah(p, dz, y: float, name: str, rows: list[tuple[str, str]],
               sizes: tuple[float, float]) -> float:
    """"dengan ini menyatakan bahwa" centred, the holder's name under it in a large
    copperplate script in Title Case with a fine rule beneath, then the birth, the student
    number and the study programme as centred phrases."""
    body, big = sizes
    wmm = p.w / p.u
    p.centre(y, "dengan ini menyatakan bahwa", dz.body, body * 1.05)
    shown = title_case(name)
    size = int(big * 1.75 * p.u)
    fnt = p.font(dz.name_face, size / p.u)
    while size > 8 and p.d.textlength(shown, font=fnt) > wmm * 0.62 * p.u:
        size -= 1
        fnt = p.font(dz.name_face, size / p.u)
    at = (p.w / 2, (y + body + 3) * p.u)
    p.d.text(at, shown, font=fnt, fill=p.ink, anchor="mt")   # from the letters' tops
    rule = p.d.textbbox(at, shown, font=fnt, anchor="mt")[3] / p.u + 2.5
    half = wmm * 0.26
    p.d.line([((wmm / 2 - half) * p.u, rule * p.u), ((wmm / 2 + half) * p.u, rule * p.u)],
             fill=dz.accent, width=max(1, round(0.15 * p.u)))
    y = rule + 4
    values = dict(rows)
    town, _, date = values.get("tempat dan tanggal lahir", "").partition(", ")
    phrases = [f"lahir di {town}, tanggal {date}",
               f"Nomor Induk Mahasiswa {values.get('nomor induk mahasiswa', '')}",
               f"Program Studi {values.get('program studi', '')}"]
    p.centre(y, ",  ".join(phrases[:2]), dz.body, body, width_mm=wmm * 0.78)
    p.centre(y + body + 2.4, phrases[2], dz.body, body, width_mm=wmm * 0.78)
    return y + 2 * body + 4


def _petal(cx: float, cy: float, angle: float, length: float, width: float) -> list:
    """An ellipse's outline ``length`` long and ``width`` wide, from (cx, cy) outwards
    along ``angle``."""
    pts = []
    for k in range(40):
        t = 2 * math.pi * k / 40
        a, b = length / 2 * math.cos(t), width / 2 * math.sin(t)
        x, y = a + length / 2, b
        pts.append((cx + x * math.cos(angle) - y * math.sin(angle),
                    cy + x * math.sin(angle) + y * math.cos(angle)))
    return pts


def kawung(img: Image.Image, color, rng: random.Random, *, dpi: int, margin_mm: float) -> None:
    """A band of kawung between a thin outer rule and a heavy inner one: units of four
    oval petals round a point (the palm fruit cut across), each petal with a small dot at
    its outer end, a lozenge between each two units; a small kawung at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, rng.uniform(7.0, 8.0) * u
    thin, heavy = max(1, round(0.2 * u)), max(1, round(0.55 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=thin)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=heavy)
    unit = band * 0.92

    def kawung_unit(cx: float, cy: float, r: float) -> None:
        for k in range(4):
            ang = math.pi / 4 + k * math.pi / 2
            d.polygon(_petal(cx, cy, ang, r * 0.92, r * 0.5), outline=color, width=thin)
            ex, ey = cx + r * 0.6 * math.cos(ang), cy + r * 0.6 * math.sin(ang)
            dot = max(1.0, 0.07 * r)
            d.ellipse([ex - dot, ey - dot, ex + dot, ey + dot], fill=color)
        d.ellipse([cx - 0.09 * r, cy - 0.09 * r, cx + 0.09 * r, cy + 0.09 * r], fill=color)

    for horizontal, fixed in ((True, m + band / 2), (True, h - m - band / 2),
                              (False, m + band / 2), (False, w - m - band / 2)):
        length = (w if horizontal else h) - 2 * m - 2 * band
        n = max(2, int(length / unit))
        for k in range(n):
            t = m + band + (k + 0.5) * length / n
            cx, cy = (t, fixed) if horizontal else (fixed, t)
            kawung_unit(cx, cy, band * 0.46)
            if k:   # the lozenge between two units
                t0 = m + band + k * length / n
                lx, ly = (t0, fixed) if horizontal else (fixed, t0)
                s = band * 0.12
                d.polygon([(lx, ly - s), (lx + s, ly), (lx, ly + s), (lx - s, ly)], fill=color)
    for cx, cy in ((m + band / 2, m + band / 2), (w - m - band / 2, m + band / 2),
                   (m + band / 2, h - m - band / 2), (w - m - band / 2, h - m - band / 2)):
        kawung_unit(cx, cy, band * 0.4)


def thumb_image(size: tuple[int, int], rng: random.Random, u: float, side: str):
    """A thumb reaching in from ``side`` of an image of ``size``: its RGBA layer (skin
    shaded round, a nail near the tip) and its soft shadow as a mask."""
    w, h = size
    reach, radius = rng.uniform(16, 24) * u, rng.uniform(8.5, 10) * u
    along = rng.uniform(0.3, 0.75)
    tilt = math.radians(rng.uniform(-20, 20))
    if side == "left":
        ax, ay, dx, dy = -2 * radius, along * h, 1.0, 0.0
    elif side == "right":
        ax, ay, dx, dy = w + 2 * radius, along * h, -1.0, 0.0
    else:
        ax, ay, dx, dy = along * w, h + 2 * radius, 0.0, -1.0
    dx, dy = dx * math.cos(tilt) - dy * math.sin(tilt), dx * math.sin(tilt) + dy * math.cos(tilt)
    length = reach + 2 * radius
    bx, by = ax + dx * length, ay + dy * length
    x0, x1 = int(max(0, min(ax, bx) - radius * 2)), int(min(w, max(ax, bx) + radius * 2))
    y0, y1 = int(max(0, min(ay, by) - radius * 2)), int(min(h, max(ay, by) + radius * 2))
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(float)
    t = np.clip(((xx - ax) * dx + (yy - ay) * dy) / length, 0, 1)
    px, py = ax + t * dx * length, ay + t * dy * length
    dist = np.hypot(xx - px, yy - py)
    inside = np.clip((radius - dist) / (0.08 * u * 10), 0, 1)
    skin = np.array(rng.choice(((196, 146, 116), (176, 124, 92), (210, 164, 136))), float)
    shade = 1 - 0.4 * (dist / radius) ** 2
    rgb = skin[None, None, :] * shade[..., None]
    nx, ny = bx - dx * radius * 0.55, by - dy * radius * 0.55   # the nail, near the tip
    along_n = (xx - nx) * dx + (yy - ny) * dy
    across_n = -(xx - nx) * dy + (yy - ny) * dx
    nail = ((along_n / (radius * 0.62)) ** 2 + (across_n / (radius * 0.5)) ** 2) < 1
    rgb[nail] = rgb[nail] * 0.7 + np.array((232, 196, 184)) * 0.3
    layer = np.zeros((h, w, 4), np.uint8)
    layer[y0:y1, x0:x1, :3] = np.uint8(np.clip(rgb, 0, 255))
    layer[y0:y1, x0:x1, 3] = np.uint8(inside * 255)
    alpha = Image.fromarray(layer[..., 3])
    shadow = alpha.transform(alpha.size, Image.AFFINE, (1, 0, -1.2 * u, 0, 1, -1.8 * u))
    shadow = shadow.filter(ImageFilter.GaussianBlur(1.8 * u))
    return Image.fromarray(layer, "RGBA"), shadow


def desk_photo(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page photographed lying on a wooden desk: a little smaller than the frame and
    turned a few degrees, the desk's grain round it and a soft shadow under its edge, a
    thumb holding one edge down (over the frame, its shadow beside it), the light falling
    off across the picture, a little out of focus, saved as a JPEG."""
    u = dpi / 25.4
    w, h = img.size
    yy, xx = np.mgrid[0:h, 0:w].astype(float)
    g = np.random.default_rng(rng.getrandbits(32))
    wood = np.array(rng.choice(((128, 88, 58), (150, 112, 76), (96, 66, 46))), float)
    grain = np.sin((xx * 0.02 + yy * 0.3 / u + 8 * np.sin(xx / (40 * u))) * 0.9) \
        + 0.4 * g.normal(0, 1, (h, w))
    desk = wood[None, None, :] * (1 + 0.06 * grain[..., None])
    scale = rng.uniform(0.9, 0.94)
    angle = rng.choice((-1, 1)) * rng.uniform(1.5, 4.5)
    small = img.resize((int(w * scale), int(h * scale)), Image.LANCZOS).convert("RGBA")
    turned = small.rotate(angle, expand=True, resample=Image.BICUBIC)
    x = (w - turned.width) // 2 + int(rng.uniform(-0.015, 0.015) * w)
    y = (h - turned.height) // 2 + int(rng.uniform(-0.015, 0.015) * h)
    out = Image.fromarray(np.uint8(np.clip(desk, 0, 255)), "RGB")
    shade = Image.new("L", (w, h), 0)
    shade.paste(turned.split()[-1], (x + int(1.5 * u), y + int(2.0 * u)))
    shade = shade.filter(ImageFilter.GaussianBlur(2.0 * u))
    out.paste((30, 22, 16), (0, 0), shade.point(lambda v: int(v * 0.55)))
    out.paste(turned, (x, y), turned)
    thumb, shadow = thumb_image((w, h), rng, u, rng.choice(("left", "right", "bottom")))
    out.paste((30, 22, 16), (0, 0), shadow.point(lambda v: int(v * 0.45)))
    out.paste(thumb, (0, 0), thumb)
    arr = np.asarray(out, float)
    lx, ly = rng.uniform(0, 1) * w, rng.uniform(-0.2, 0.3) * h
    light = 1.05 - 0.22 * np.hypot(xx - lx, yy - ly) / math.hypot(w, h)
    arr = arr * light[..., None] * np.array((1.0, 0.97, 0.9))
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    out = out.filter(ImageFilter.GaussianBlur(max(0.5, 0.06 * u)))
    return jpeg(out, rng.randint(70, 84)).convert("RGB")


LETTERS = {"pengganti": pengganti_head}
LETTER_CLOSES = {"pengganti": pengganti_close}
FINISHES = {"desk_photo": desk_photo}
GROUP16_CUES = {"pengganti": menerangkan_pengganti, "nama_indah": nama_indah}
GROUP16_BORDERS = {"kawung": kawung}

__all__ = ["FINISHES", "GROUP16_BORDERS", "GROUP16_CUES", "LETTERS", "LETTER_CLOSES",
           "desk_photo", "kawung", "long_school", "menerangkan_pengganti", "nama_indah",
           "pengganti_close", "pengganti_head", "thumb_image", "wrap"]
