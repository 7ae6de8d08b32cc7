"""Twenty-seventh-group KTP prints and print looks: a print of lurik (the striped cloth of
Javanese hand looms: bundles of fine threads running across, a bundle in one colour, the
next in the other, and now and then a pair of threads running the other way, so that the
stripes make loose checks), a print of sawat (the garuda's spread wings: a fan of
curved feathers either side of a small body, a tail of three strokes under it, in
staggered rows of the two colours by turns), a card copied lying on its holder's Kartu
Keluarga (keluarga: the family card's table of the other members of the household, their
names and NIKs beside and round the card, which hides part of it; on a copy page the
whole family card reduced beside the card), and a card photographed at night under one
warm lamp (malam: the lamp's yellow cast and falloff, the phone's soft shadow across the
lower part of the card, the phone moving along one axis while the shutter was open, the
noise of a small sensor in little light smoothed away by the phone and a JPEG)."""
from __future__ import annotations

import datetime as dt
import math
import random
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from scansim.draw import font as dejavu
from scansim.formpages import jpeg
from scansim.ktp_group26 import photo_quad
from scansim.people import load_data as people_data

# A card laid on the holder's family card and copied with it (see keluarga).
FAMILY = {"scale": (0.86, 0.91),       # the card's share of the picture (the rest: the KK)
          "members": (3, 5),           # the other people the family card lists
          "kk_scale": (0.6, 0.66)}     # the family card reduced on a copy page
KK_MM = (297.0, 210.0)                 # the family card's sheet, landscape
KK_TINT = (228, 240, 234)              # its security blank's pale green
KK_GUILLOCHE = (196, 222, 210)         # ... and that blank's fine lines
KK_INK = (28, 28, 30)
# The family card's member table: heading, width (mm) and key of each column.
KK_COLUMNS = (("No", 8, "no"), ("Nama Lengkap", 52, "nama"), ("NIK", 42, "nik"),
              ("Jenis Kelamin", 22, "sex"), ("Tempat Lahir", 30, "tempat"),
              ("Tanggal Lahir", 24, "tanggal"), ("Agama", 18, "agama"),
              ("Pendidikan", 32, "pendidikan"), ("Jenis Pekerjaan", 34, "pekerjaan"),
              ("Gol. Darah", 15, "darah"))
KK_TABLE = (10.0, 56.0, 5.4, 10)       # its left edge and top (mm), row pitch, rows
KK_STATUS = (("No", 8, "no"), ("Status Perkawinan", 34, "kawin"),
             ("Status Hubungan Dalam Keluarga", 50, "hubungan"),
             ("Kewarganegaraan", 30, "wn"), ("Nama Ayah", 50, "ayah"),
             ("Nama Ibu", 50, "ibu"))
SCHOOLING = {"adult": ("TAMAT SD/SEDERAJAT", "SLTP/SEDERAJAT", "SLTA/SEDERAJAT",
                       "SLTA/SEDERAJAT", "DIPLOMA IV/STRATA I"),
             "child": ("TIDAK/BELUM SEKOLAH", "BELUM TAMAT SD/SEDERAJAT", "SLTP/SEDERAJAT",
                       "SLTA/SEDERAJAT")}
WORK = {"KEPALA KELUARGA": ("WIRASWASTA", "PETANI/PEKEBUN", "KARYAWAN SWASTA",
                            "BURUH HARIAN LEPAS", "NELAYAN/PERIKANAN"),
        "ISTRI": ("MENGURUS RUMAH TANGGA", "MENGURUS RUMAH TANGGA", "WIRASWASTA",
                  "GURU", "PEDAGANG"),
        "ANAK": ("PELAJAR/MAHASISWA", "BELUM/TIDAK BEKERJA", "KARYAWAN SWASTA"),
        "MERTUA": ("MENGURUS RUMAH TANGGA", "PETANI/PEKEBUN", "PENSIUNAN")}
# A card photographed at night under one lamp (see malam): each drawn per card.
NIGHT = {"fill": (0.93, 0.97),         # the card's width as a share of the picture's
         "keystone": (0.01, 0.03),
         "turn": (-2.5, 2.5),          # degrees
         "blur_mm": (0.3, 0.65),       # how far the phone moved along its axis
         "axis_off": (-8.0, 8.0),      # degrees the move strays off level or upright
         "shadow": (0.25, 0.4),        # how much of the light the phone's shadow takes
         "exposure": (0.7, 0.84),     # the light that reached the sensor
         "noise": (5.0, 8.0),          # the sensor's noise (levels)
         "quality": (66, 82)}          # the phone's JPEG
LAMPS = ((1.0, 0.8, 0.52), (1.0, 0.76, 0.46), (1.0, 0.84, 0.6))   # a bulb's warm light
SURFACES = ((96, 70, 50), (78, 74, 82), (120, 90, 64), (70, 80, 94))   # wood, a cloth


@lru_cache(maxsize=64)
def plain_font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    """A DejaVu face (the family card's office print) at ``size`` px, kept once loaded."""
    return dejavu(kind, size)


# -- the security prints ------------------------------------------------------------------

def lurik(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Lurik: bundles of two to four fine threads 0.4-0.6 mm apart running across the card,
    1.3-2.6 mm of ground between bundles, the bundles in ``color`` and ``second`` by turns;
    every 8-12 mm a pair of threads of ``second`` running down, so the stripes make loose
    checks."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    width = max(1, round(0.07 * u))
    y = rng.uniform(-2, 0) * u
    k = 0
    while y < h:
        ink = color if k % 2 == 0 else second
        gap = rng.uniform(0.4, 0.6) * u
        for j in range(rng.randint(2, 4)):
            d.line([(0, y + j * gap), (w, y + j * gap)], fill=ink, width=width)
        y += 3 * gap + rng.uniform(1.3, 2.6) * u
        k += 1
    x = rng.uniform(0, 6) * u
    while x < w:
        for j in (0, 1):
            d.line([(x + j * 0.5 * u, 0), (x + j * 0.5 * u, h)], fill=second, width=width)
        x += rng.uniform(8, 12) * u


def sawat(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Sawat: the garuda's spread wings 5.5-6.5 mm across in staggered rows, each a small
    round body, a fan of four curved feathers either side rising from it and a tail of
    three strokes under it; the rows in ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    span = rng.uniform(5.5, 6.5) * u
    pitch_x, pitch_y = 1.25 * span, 0.8 * span
    width = max(1, round(0.07 * u))
    ts = np.linspace(0.0, 1.0, 12)
    ox, oy = rng.uniform(0, pitch_x), rng.uniform(0, pitch_y)
    for k, cy in enumerate(np.arange(oy - pitch_y, h + pitch_y, pitch_y)):
        ink = color if k % 2 == 0 else second
        for cx in np.arange(ox - pitch_x + (k % 2) * pitch_x / 2, w + pitch_x, pitch_x):
            r = 0.07 * span
            d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=ink, width=width)
            for side in (-1, 1):
                for f in range(4):   # the feathers, the upper ones longer
                    reach = span * (0.5 - 0.06 * f)
                    rise = span * (0.34 - 0.1 * f)
                    pts = [(cx + side * (r + reach * t), cy - rise * math.sin(math.pi * 0.8 * t)
                            - 0.12 * span * f * t) for t in ts]
                    d.line(pts, fill=ink, width=width)
            for t in (-1, 0, 1):   # the tail
                d.line([(cx, cy + r), (cx + t * 0.1 * span, cy + 0.32 * span)], fill=ink,
                       width=width)


# -- the family card ----------------------------------------------------------------------

def _nik(prefix: str, birth: dt.date, sex: str, serial: int) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    return f"{prefix}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def family(fields: dict | None = None, rng: random.Random | None = None) -> dict:
    """The holder's Kartu Keluarga as it lists the others in the household: its number,
    the head's name (never the holder's), the address (the holder's own, from ``fields``,
    a card's values; else made up), and three to five members, each with a name and a NIK
    of their own (the holder's district and the NIK's structure, never the holder's NIK
    nor name), sex, birth, religion, schooling, work, marriage, place in the family and
    parents. The same holder's card always lists the same family; without ``fields`` one
    is drawn from ``rng``."""
    fields = fields or {}
    own = random.Random(f"kk-{fields['nik']}") if "nik" in fields else \
        random.Random((rng or random.Random()).getrandbits(32))
    data = people_data()
    groups = data["names"]
    group = groups[own.choice(sorted(groups))]
    nik = fields.get("nik", f"6201{own.randint(1, 6):02d}0000000000")
    prefix = nik[:6]
    taken = {nik, fields.get("nama", "")}

    def name(sex: str) -> str:
        key = "male" if sex == "L" else "female"
        while True:
            shown = own.choice(group[key])
            if own.random() < 0.7:
                second = own.choice(group["second_" + key])
                if second.lower() not in shown.lower():
                    shown = f"{shown} {second}"
            if shown.upper() not in taken:
                taken.add(shown.upper())
                return shown.upper()

    def birth(first: int, last: int) -> dt.date:
        return dt.date(own.randint(first, last), own.randint(1, 12), own.randint(1, 28))

    places = [p for p, _ in data["birthplaces"]]
    religion = own.choice(group["religion"]).upper()
    head_born = birth(1958, 1986)
    people = [("KEPALA KELUARGA", "L", head_born),
              ("ISTRI", "P", birth(head_born.year, min(head_born.year + 8, 1990)))]
    for _ in range(own.randint(FAMILY["members"][0], FAMILY["members"][1]) - 2):
        if own.random() < 0.15:
            people.append(("MERTUA", own.choice("LP"), birth(1938, head_born.year - 18)))
        else:
            people.append(("ANAK", own.choice("LP"),
                           birth(head_born.year + 20, min(head_born.year + 40, 2022))))
    father, mother = name("L"), name("P")   # the children's parents' names: head and wife
    members = []
    for k, (relation, sex, born) in enumerate(people):
        full = father if k == 0 else mother if k == 1 else name(sex)
        while True:
            number = _nik(prefix, born, sex, own.randint(1, 120))
            if number not in taken:
                taken.add(number)
                break
        child = relation == "ANAK"
        members.append({
            "no": str(k + 1), "nama": full, "nik": number,
            "sex": "LAKI-LAKI" if sex == "L" else "PEREMPUAN",
            "tempat": own.choice(places), "tanggal": f"{born:%d-%m-%Y}", "agama": religion,
            "pendidikan": own.choice(SCHOOLING["child" if child and born.year > 2008
                                               else "adult"]),
            "pekerjaan": own.choice(WORK[relation]), "darah": own.choice(("-", "O", "A", "B")),
            "kawin": "BELUM KAWIN" if child else "KAWIN", "hubungan": relation, "wn": "WNI",
            "ayah": father if child else name("L"), "ibu": mother if child else name("P")})
    issued = dt.date(own.randint(2013, 2023), own.randint(1, 12), own.randint(1, 28))
    number = f"{prefix}{issued:%d%m%y}{own.randint(1, 9999):04d}"
    return {"nomor": number, "kepala": father, "members": members, "issued": issued,
            "alamat": fields.get("alamat", f"{own.choice(data['streets']).upper()}"),
            "rt_rw": fields.get("rt_rw", f"{own.randint(1, 30):03d}/{own.randint(1, 9):03d}"),
            "kel_desa": fields.get("kel_desa", "RAJA"),
            "kecamatan": fields.get("kecamatan", "ARUT SELATAN")}


def draw_family_card(img: Image.Image, kk: dict, rng: random.Random, *, u: float,
                     origin: tuple[float, float] = (0.0, 0.0)) -> None:
    """The family card (KK_MM, landscape) drawn onto ``img`` at ``u`` px a mm, its top left
    corner ``origin`` mm off the image's (negative: the image shows a part further in):
    the blank's pale green under fine lines, "KARTU KELUARGA" and its number, the head's
    name and the address in two columns, the members' table (KK_COLUMNS) with the others'
    names and NIKs, the second table of their marriage, place in the family and parents,
    and the date and office at its foot."""
    d = ImageDraw.Draw(img)
    ox, oy = origin

    def at(x: float, y: float) -> tuple[float, float]:
        return (ox + x) * u, (oy + y) * u

    d.rectangle([*at(0, 0), *at(*KK_MM)], fill=KK_TINT)
    thin = max(1, round(0.08 * u))
    for k in range(0, 44):   # the blank's fine waves
        y0 = 6 + k * 4.6
        pts = [at(x, y0 + 1.2 * math.sin(x / 9.0 + k)) for x in np.arange(0, KK_MM[0] + 3, 3)]
        d.line(pts, fill=KK_GUILLOCHE, width=thin)
    line = max(1, round(0.18 * u))

    def text(x: float, y: float, value: str, size: float, kind: str = "sans", **kw) -> None:
        d.text(at(x, y), value, font=plain_font(kind, max(4, round(size * u))), fill=KK_INK,
               **kw)

    text(KK_MM[0] / 2, 9, "KARTU KELUARGA", 6.0, "bold", anchor="ma")
    text(KK_MM[0] / 2, 17, f"No. {kk['nomor']}", 4.2, "bold", anchor="ma")
    left = [("Nama Kepala Keluarga", kk["kepala"]), ("Alamat", kk["alamat"]),
            ("RT/RW", kk["rt_rw"]), ("Desa/Kelurahan", kk["kel_desa"])]
    right = [("Kecamatan", kk["kecamatan"]), ("Kabupaten/Kota", "KOTAWARINGIN BARAT"),
             ("Kode Pos", "74112"), ("Provinsi", "KALIMANTAN TENGAH")]
    for k, ((a, b), (c, e)) in enumerate(zip(left, right, strict=True)):
        y = 27 + k * 5.2
        text(12, y, a, 2.6)
        text(52, y, f": {b}", 2.6)
        text(170, y, c, 2.6)
        text(200, y, f": {e}", 2.6)

    def table(top: float, columns, rows: list[dict]) -> float:
        x0, _, pitch, n = KK_TABLE
        x1 = x0 + sum(c[1] for c in columns)
        head = 7.0
        d.rectangle([*at(x0, top), *at(x1, top + head)], fill=(206, 224, 216))
        for k in range(n + 2):
            y = top if k == 0 else top + head + (k - 1) * pitch
            d.line([at(x0, y), at(x1, y)], fill=KK_INK, width=line)
        x = x0
        for title, width, _ in columns:
            d.line([at(x, top), at(x, top + head + n * pitch)], fill=KK_INK, width=line)
            text(x + width / 2, top + 2.2, title, 2.2, "bold", anchor="ma")
            x += width
        d.line([at(x1, top), at(x1, top + head + n * pitch)], fill=KK_INK, width=line)
        for r, row in enumerate(rows):
            x = x0
            y = top + head + r * pitch + 1.4
            for _, width, key in columns:
                text(x + 1.0, y, row[key], 2.4)
                x += width
        return top + head + n * pitch

    foot = table(KK_TABLE[1], KK_COLUMNS, kk["members"])
    foot = table(foot + 6, KK_STATUS, kk["members"])
    text(12, 203, f"Dikeluarkan Tanggal : {kk['issued']:%d-%m-%Y}", 2.4)
    text(230, 196, "KEPALA DINAS KEPENDUDUKAN DAN", 2.2, anchor="ma")
    text(230, 199.5, "PENCATATAN SIPIL", 2.2, anchor="ma")


def _copier_edge(card: Image.Image, u: float, amount: float) -> tuple[Image.Image, Image.Image]:
    """The card's rounded outline as a copier's lamp draws it where the card stands off the
    sheet under it: its mask (L) and the card with a dark rim, darker with ``amount``."""
    w, h = card.size
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(3.2 * u),
                                           fill=255)
    rim = card.copy()
    ImageDraw.Draw(rim).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(3.2 * u),
                                          outline=tuple(int(60 - 30 * amount) for _ in range(3)),
                                          width=max(1, round(0.25 * u)))
    return rim, mask


def keluarga_plan(size: tuple[int, int], rng: random.Random) -> dict:
    """Where the card lies in its picture of ``size`` (px): its scale (a share of the
    picture, FAMILY["scale"]) and its top left corner (px); and where on the family card
    the picture's top left corner lies (mm, at the card's own scale): over the members'
    table, so that its rows run out from under the card on either side."""
    w, h = size
    s = rng.uniform(*FAMILY["scale"])
    cw, ch = round(w * s), round(h * s)
    x = round((w - cw) / 2 + rng.uniform(-0.3, 0.3) * (w - cw))
    y = round((h - ch) / 2 + rng.uniform(-0.3, 0.3) * (h - ch))
    return {"scale": s, "card": (x, y, cw, ch),
            "origin": (rng.uniform(20, 150), rng.uniform(KK_TABLE[1] - 6, KK_TABLE[1] + 30))}


def keluarga(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
             fields: dict | None = None, card: bool = True) -> Image.Image:
    """The card copied lying on its holder's Kartu Keluarga (:func:`family` of ``fields``,
    the card's values; the other members only) and that copy scanned in colour: the card
    86-91 % of the picture (:func:`keluarga_plan`), round it the family card's table at the
    card's scale, its rows, the others' names and NIKs, running out from under the card;
    the card's rounded edge dark as the copier's lamp draws it, a soft shade along two of
    its sides; the copy's contrast and grain. With ``card`` False the card is left off
    (the family card alone, every draw the same)."""
    u = dpi / 25.4
    w, h = img.size
    plan = keluarga_plan((w, h), rng)
    s = plan["scale"]
    kk = family(fields, rng)
    sheet = Image.new("RGB", (w, h), KK_TINT)
    ox, oy = plan["origin"]
    draw_family_card(sheet, kk, rng, u=u * s, origin=(-ox, -oy))
    x, y, cw, ch = plan["card"]
    small = img.convert("RGB").resize((cw, ch), Image.LANCZOS)
    rim, mask = _copier_edge(small, u * s, amount)
    arr = np.asarray(sheet, np.float32)
    shade = np.zeros((h, w), np.float32)   # the card's thickness: a soft shade off two sides
    sx, sy = rng.choice((-1, 1)) * 0.35 * u, rng.choice((-1, 1)) * 0.35 * u
    shade[max(0, round(y + sy)):round(y + sy + ch), max(0, round(x + sx)):round(x + sx + cw)] = 1
    shade = cv2.GaussianBlur(shade, (0, 0), max(0.8, 0.3 * u))
    arr *= (1 - 0.35 * amount * shade)[..., None]
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    if card:
        out.paste(rim, (x, y), mask)
    g = np.random.default_rng(rng.getrandbits(32))
    arr = np.asarray(out, np.float32)
    arr = 255 * np.clip((arr / 255 - 0.03) / 0.95, 0, 1) ** 1.08   # the copy's contrast
    arr += g.normal(0, 2.2, arr.shape).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def keluarga_page(page: Image.Image, rng: random.Random, dpi: int,
                  cards: tuple[int, int, int, int], fields: dict | None = None) -> tuple[
                      Image.Image, tuple[int, int, int, int]]:
    """A copy page on which the holder's family card (:func:`family` of ``fields``) was
    copied with the card: reduced to 60-66 % (FAMILY["kk_scale"]), a little turned, in
    the wider of the bands above and below the cards' place ``cards`` (px: x0, y0, x1, y1)
    and against that edge of the sheet (where it is too tall for the band the cards lie
    on it). Returns the page and the family card's box (px)."""
    u = dpi / 25.4
    W, H = page.size
    k = rng.uniform(*FAMILY["kk_scale"])
    kk = family(fields, rng)
    sheet = Image.new("RGB", (round(KK_MM[0] * k * u), round(KK_MM[1] * k * u)), KK_TINT)
    draw_family_card(sheet, kk, rng, u=u * k)
    sheet = sheet.convert("RGBA").rotate(rng.uniform(-1.2, 1.2), expand=True,
                                         resample=Image.BICUBIC, fillcolor=(0, 0, 0, 0))
    x = round((W - sheet.width) / 2 + rng.uniform(-4, 4) * u)
    above, below = cards[1], H - cards[3]
    margin = round(rng.uniform(5, 9) * u)
    y = margin if above >= below else H - margin - sheet.height
    x = min(max(0, x), max(0, W - sheet.width))
    page = page.copy()
    page.paste(sheet.convert("RGB"), (x, y), sheet)
    return page, (x, y, x + sheet.width, y + sheet.height)


# -- photographed at night under a lamp ---------------------------------------------------

def night_plan(size: tuple[int, int], rng: random.Random, u: float, amount: float, *,
               clear: float = 0.0) -> dict:
    """How the card was photographed at night, for a card of ``size`` (px, ``u`` px a mm):
    its share of the picture, keystone and turn; the phone's move (mm) along an axis
    (degrees: near level or near upright); the lamp's colour and place; the phone's
    shadow over a lower corner, all of it below ``clear`` (px from the card's top: the
    NIK's and the name's lines); exposure, noise and the JPEG's quality."""
    w, h = size
    upright = rng.random() < 0.4
    angle = (90.0 if upright else 0.0) + rng.uniform(*NIGHT["axis_off"])
    lamp = np.array(rng.choice(LAMPS), np.float32) * np.array(
        [1.0, rng.uniform(0.97, 1.03), rng.uniform(0.95, 1.05)], np.float32)
    side = rng.choice((-1, 1))
    sy = rng.uniform(0.88, 1.02) * h
    ry = min(rng.uniform(0.3, 0.42) * h, max(0.05 * h, (sy - clear) / 1.3))
    return {"fill": rng.uniform(*NIGHT["fill"]), "keystone": rng.uniform(*NIGHT["keystone"]),
            "far": rng.choice(("left", "right", "top", "bottom")),
            "turn": rng.uniform(*NIGHT["turn"]),
            "blur": rng.uniform(*NIGHT["blur_mm"]) * (0.6 + 0.4 * amount) * u, "angle": angle,
            "lamp": lamp, "light_at": (rng.uniform(-0.3, 1.3) * w, rng.uniform(-0.8, -0.2) * h),
            "shadow_at": (w / 2 + side * rng.uniform(0.3, 0.55) * w, sy),
            "shadow_r": (rng.uniform(0.28, 0.4) * w, ry),
            "shadow": rng.uniform(*NIGHT["shadow"]) * (0.7 + 0.3 * amount),
            "surface": np.array(rng.choice(SURFACES), np.float32),
            "exposure": rng.uniform(*NIGHT["exposure"]), "noise": rng.uniform(*NIGHT["noise"]),
            "quality": rng.randint(*NIGHT["quality"])}


def motion_kernel(length: float, angle: float) -> np.ndarray:
    """A straight blur ``length`` px long at ``angle`` degrees (0 along the rows), its
    weights summing to one."""
    a = math.radians(angle)
    k = int(math.ceil(length)) * 2 + 3
    kernel = np.zeros((k, k), np.float32)
    c = k // 2
    for s in np.linspace(-length / 2, length / 2, 8 * k):
        kernel[round(c - s * math.sin(a)), round(c + s * math.cos(a))] += 1
    return kernel / kernel.sum()


def malam(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
          clear: float = 0.0, shadow: bool = True, blur: bool = True) -> Image.Image:
    """The card handed in as a phone's photo taken at night on a dark table under one warm
    lamp (:func:`night_plan`): the card 93-97 % of the picture's width, turned and seen a
    little from aside; the lamp's yellow light falling off across it; the phone's soft
    shadow over a lower corner (all of it below ``clear``, px from the card's top; left out with
    ``shadow`` False); too little light: dark, the phone's gain lifting it and its noise,
    coloured in blotches, smoothed by its noise reduction; the phone moving 0.3-0.65 mm
    along one axis while the shutter was open (left out with ``blur`` False); its
    sharpening and JPEG. Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = night_plan((w, h), rng, u, amount, clear=clear)
    g = np.random.default_rng(rng.getrandbits(32))
    card = np.asarray(img.convert("RGB"), np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if shadow:   # the phone's shadow, on the card before it is placed (it moves with it)
        cx, cy = plan["shadow_at"]
        rx, ry = plan["shadow_r"]
        dist = np.hypot((xx - cx) / rx, (yy - cy) / ry)
        card *= (1 - plan["shadow"] * np.clip((1.3 - dist) / 0.5, 0, 1) ** 1.5)[..., None]
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(3.2 * u),
                                           fill=255)
    alpha = np.asarray(mask, np.float32) / 255
    quad = photo_quad((w, h), plan, (w / 2, h / 2))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(card, matrix, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(alpha, matrix, (w, h), flags=cv2.INTER_LINEAR)
    grain = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 0.5 * u)
    table = plan["surface"][None, None, :] * (1 + 0.08 * grain[..., None])
    under = cv2.GaussianBlur(np.roll(cover, (round(0.8 * u), round(0.6 * u)), (0, 1)), (0, 0),
                             1.2 * u)
    table *= (1 - 0.5 * under)[..., None]
    out = table * (1 - cover[..., None]) + warped * cover[..., None]
    lx, ly = plan["light_at"]
    light = 1.0 / (1 + (np.hypot(xx - lx, yy - ly) / (1.3 * math.hypot(w, h))) ** 2)
    light /= light.max()
    out *= (plan["exposure"] * (0.55 + 0.45 * light))[..., None] * plan["lamp"]
    if blur:
        out = cv2.filter2D(out, -1, motion_kernel(plan["blur"], plan["angle"]))
    noise = g.normal(0, plan["noise"], out.shape).astype(np.float32)
    blotch = cv2.resize(g.normal(0, 1, (max(2, h // 12), max(2, w // 12), 3)).astype(
        np.float32), (w, h), interpolation=cv2.INTER_CUBIC) * 0.8 * plan["noise"]
    out = out + noise + blotch * np.array((1.0, 0.6, 1.2), np.float32)
    out = 255 * (np.clip(out, 0, 255) / 255) ** 0.82 * 1.12   # the phone's gain lifting it
    out = np.clip(out, 0, 255).astype(np.uint8)
    out = cv2.bilateralFilter(out, 5, 18, 3).astype(np.float32)   # its noise reduction
    soft = cv2.GaussianBlur(out, (0, 0), max(1.0, 0.12 * u))
    out = out + 0.5 * (out - soft)
    picture = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return jpeg(picture, plan["quality"]).convert("RGB")


__all__ = ["FAMILY", "KK_COLUMNS", "KK_MM", "KK_STATUS", "KK_TABLE", "KK_TINT", "LAMPS",
           "NIGHT", "SURFACES", "draw_family_card", "family", "keluarga", "keluarga_page",
           "keluarga_plan", "lurik", "malam", "motion_kernel", "night_plan", "sawat"]
