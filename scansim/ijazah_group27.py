"""Twenty-seventh-group diplomas: a state school of economics' (SMEA: Sekolah Menengah
Ekonomi Atas, a senior high school of the years before 1997; its level is SMA) diploma of
the Departemen Pendidikan dan Kebudayaan, 1980-1996 (BIZ UDPMincho, "IJAZAH" in Jessen
Mittel, a hybrid of roman and gothic), upright in a band of clove buds (cengkeh), the
head's sentence and the blank's lower-case rows over dotted lines, the particulars
lettered in by a clerk with a broad pen (Hamlet, a calligraphic roman; the hand's
wavering line, the strokes thicker and thinner, the ink darker after each dip); the
sheet yellowed and foxed in a drawer, where termites ate into it (rayap: galleries eaten
in from its edges, the paper through to the scanner's lid, grazed thin round them, the
termites' mud crusted along their banks, bore holes beside them; all of it kept off the
name's line); and a college of health sciences' (STIKES) diploma, 2012-2023 (Damase,
"IJAZAH" in Oldania ADF, the name in Lobster Two), in a band of small crosses (palang),
the chairman's sentence on the graduation board's decision, the name large and centred,
the NIM, birth and study programme in rows, the degree of that programme, printed on
copy-evident security paper whose pale dotted ground hides words (SALINAN, COPY) in
coarser dots: photocopied, the fine dots drop out and the coarse ones stay, so the words
come out across the whole sheet, under the name too (salinan)."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from formgen.core.yamlfile import load_yaml
from scansim.draw import font as plain_font
from scansim.ijazah_group16 import wrap
from scansim.ijazah_holders import titled
from scansim.ijazah_numbers import styled_number
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group27.yaml"
KEEP_CASE = {"Dan": "dan", "Smea": "SMEA"}   # words written so in Title Case
# The SMEA's number, printed at the top right by a numbering machine (mm): kept clear of
# the termites as the name is.
SMEA_NUMBER = (118.0, 17.0, 190.0, 27.0)
# A clerk's broad-pen lettering (see lettered): each drawn per line.
HAND = {"wave_mm": (0.12, 0.26),       # how far its line wavers up and down
        "wave_len_mm": (14.0, 30.0),   # over how long a stretch
        "weight": (0.36, 0.56),        # where the stroke's edge is cut (thicker .. thinner)
        "dip_mm": (40.0, 70.0),        # lettering done between two dips of the pen
        "fade": (0.18, 0.32)}          # how much paler the ink runs before the next dip
PEN_INKS = ((28, 24, 22), (30, 34, 78))   # Indian ink, blue-black
# Termites in the drawer (see rayap_plan): each drawn per sheet.
TERMITES = {"attacks": (3, 5),         # galleries eaten in from the sheet's edges
            "width_mm": (2.5, 6.0),    # a gallery's width
            "turn": 9.0,               # how far it turns at each bite (degrees, spread)
            "chamber": 0.07,           # the share of bites eaten out into a wider chamber
            "length_mm": (35.0, 90.0),
            "step_mm": 0.8,
            "keep_mm": 3.0,            # how far they keep off the name's and number's lines
            "graze_mm": (0.5, 1.3),    # the paper grazed thin round a gallery
            "bores": (3, 8),           # round bore holes beside them
            "bore_mm": (0.5, 1.4)}     # their radius
LID = (250.0, 250.0, 247.0)            # the scanner's lid seen through a hole ...
BACKING = (30.0, 30.0, 32.0)           # ... or the dark sheet laid behind the page
MUD = (118.0, 88.0, 58.0)              # the termites' soil crust
# Copy-evident ground (see ground_plan, copy_evident): its dots, in mm.
VOID = {"fine": (0.42, 0.1),           # the ground's dots: pitch, radius (drop out on a copy)
        "coarse": (1.1, 0.26),         # the hidden words' dots: same tint, kept on a copy
        "word_mm": (8.0, 10.0),        # the words' height
        "row_mm": (20.0, 26.0),        # rows of words this far apart
        "angle": (25.0, 40.0)}         # degrees the rows rise
VOID_INK = (96, 152, 164)              # the ground's teal
# The photocopy of it (see salinan).
COPIER = {"white": (0.84, 0.9),        # tints lighter than this come out as paper
          "black": (0.12, 0.2),
          "blur_mm": (0.08, 0.12),     # the copier's optics
          "grain": (0.012, 0.022)}


@cache
def _data() -> dict:
    """The twenty-seventh group's wording (data/ijazah_group27.yaml)."""
    return load_yaml(DATA)


# -- frames -------------------------------------------------------------------------------

def cengkeh(img: Image.Image, color, rng: random.Random, *, dpi: int,
            margin_mm: float) -> None:
    """A band 6 mm wide of clove buds between a double outer rule and a single inner one:
    four-petalled buds on short stalks turned alternately out and in, a small lozenge
    between each two, and at each corner a larger bud in a circle."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 6.0 * u
    thin = max(1, round(0.18 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.5 * u)))
    d.rectangle([m + 0.9 * u, m + 0.9 * u, w - m - 0.9 * u, h - m - 0.9 * u], outline=color,
                width=thin)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)

    def bud(cx: float, cy: float, r: float, up: int, vertical: bool) -> None:
        for a in range(4):
            t = a * math.pi / 2 + math.pi / 4
            px, py = cx + 0.55 * r * math.cos(t), cy + 0.55 * r * math.sin(t)
            d.ellipse([px - 0.45 * r, py - 0.45 * r, px + 0.45 * r, py + 0.45 * r],
                      outline=color, width=thin)
        d.ellipse([cx - 0.22 * r, cy - 0.22 * r, cx + 0.22 * r, cy + 0.22 * r], fill=color)
        stalk = (0, up * 1.4 * r) if not vertical else (up * 1.4 * r, 0)
        d.line([(cx, cy), (cx + stalk[0], cy + stalk[1])], fill=color, width=thin)

    def lozenge(cx: float, cy: float, r: float) -> None:
        d.polygon([(cx - r, cy), (cx, cy - r), (cx + r, cy), (cx, cy + r)], fill=color)

    step = 5.0 * u
    r = 0.9 * u
    mid = m + band / 2 + 0.4 * u
    for k, x in enumerate(np.arange(m + band + step / 2, w - m - band, step)):
        for y, out in ((mid, -1), (h - mid, 1)):
            bud(x, y, r, out if k % 2 else -out, False)
            lozenge(x + step / 2, y, 0.3 * u) if x + step < w - m - band else None
    for k, y in enumerate(np.arange(m + band + step / 2, h - m - band, step)):
        for x, out in ((mid, -1), (w - mid, 1)):
            bud(x, y, r, out if k % 2 else -out, True)
            lozenge(x, y + step / 2, 0.3 * u) if y + step < h - m - band else None
    for cx in (m + band / 2, w - m - band / 2):
        for cy in (m + band / 2, h - m - band / 2):
            d.ellipse([cx - 0.42 * band, cy - 0.42 * band, cx + 0.42 * band, cy + 0.42 * band],
                      outline=color, width=thin)
            bud(cx, cy, 1.3 * u, 0, False)


def palang(img: Image.Image, color, rng: random.Random, *, dpi: int,
           margin_mm: float) -> None:
    """A band 5 mm wide of small even crosses (the health services' sign) and dots
    between a heavy outer rule and a thin inner one; at each corner a larger cross in a
    ring."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 5.0 * u
    thin = max(1, round(0.2 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.8 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)

    def cross(cx: float, cy: float, r: float) -> None:
        arm = 0.32 * r
        d.rectangle([cx - r, cy - arm, cx + r, cy + arm], fill=color)
        d.rectangle([cx - arm, cy - r, cx + arm, cy + r], fill=color)

    step = 4.0 * u
    mid = m + band / 2 + 0.3 * u
    for k, x in enumerate(np.arange(m + band + step / 2, w - m - band, step / 2)):
        for y in (mid, h - mid):
            if k % 2 == 0:
                cross(x, y, 0.8 * u)
            else:
                d.ellipse([x - 0.25 * u, y - 0.25 * u, x + 0.25 * u, y + 0.25 * u], fill=color)
    for k, y in enumerate(np.arange(m + band + step / 2, h - m - band, step / 2)):
        for x in (mid, w - mid):
            if k % 2 == 0:
                cross(x, y, 0.8 * u)
            else:
                d.ellipse([x - 0.25 * u, y - 0.25 * u, x + 0.25 * u, y + 0.25 * u], fill=color)
    for cx in (m + band / 2, w - m - band / 2):
        for cy in (m + band / 2, h - m - band / 2):
            d.ellipse([cx - 0.45 * band, cy - 0.45 * band, cx + 0.45 * band, cy + 0.45 * band],
                      outline=color, width=thin)
            cross(cx, cy, 1.3 * u)


# -- lettered by hand with a broad pen ------------------------------------------------------

def lettered(p, x_mm: float, y_mm: float, text: str, role: str, size_mm: float,
             rng: random.Random, *, ink=None, width_mm: float | None = None,
             anchor: str = "la") -> tuple[float, float, float, float]:
    """``text`` lettered in by hand at (``x_mm``, ``y_mm``) in the face of ``role``: drawn
    whole, then its line made to waver up and down (HAND["wave_mm"] over a stretch of
    HAND["wave_len_mm"]) and a little to the sides, its strokes cut thicker or thinner
    along it (the pen's pressure), its ink (``ink``; else Indian ink or blue-black) darker
    after each dip and paler towards the next; made smaller to fit ``width_mm``. Returns
    its box (mm)."""
    u = p.u
    size = size_mm
    fnt = p.font(role, size)
    if width_mm:
        fnt, size = p.fitted(role, size_mm, text, width_mm, size_mm * 0.6)
    at = (x_mm * u, y_mm * u)
    x0, y0, x1, y1 = p.d.textbbox(at, text, font=fnt, anchor=anchor)
    pad = int(math.ceil(1.2 * size * u)) + 2
    ox, oy = int(x0) - pad, int(y0) - pad
    layer = Image.new("L", (int(x1 - x0) + 2 * pad, int(y1 - y0) + 2 * pad), 0)
    ImageDraw.Draw(layer).text((at[0] - ox, at[1] - oy), text, font=fnt, fill=255, anchor=anchor)
    arr = np.asarray(layer, np.float32) / 255
    h, w = arr.shape
    xs = np.arange(w, dtype=np.float32)
    ys = np.arange(h, dtype=np.float32)
    wave = rng.uniform(*HAND["wave_mm"]) * u
    length = rng.uniform(*HAND["wave_len_mm"]) * u
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(3)]
    dy = wave * (0.7 * np.sin(2 * math.pi * xs / length + phases[0])
                 + 0.3 * np.sin(2 * math.pi * xs / (0.37 * length) + phases[1]))
    dx = 0.35 * wave * np.sin(2 * math.pi * ys / (0.8 * size * u) + phases[2])
    map_x = (xs[None, :] + dx[:, None]).astype(np.float32)
    map_y = (ys[:, None] + dy[None, :]).astype(np.float32)
    arr = cv2.remap(arr, map_x, map_y, cv2.INTER_LINEAR, borderValue=0)
    soft = cv2.GaussianBlur(arr, (0, 0), max(0.5, 0.05 * u))
    lo, hi = HAND["weight"]
    cut = lo + (hi - lo) * (0.5 + 0.5 * np.sin(2 * math.pi * xs / rng.uniform(6, 12) / u
                                              + rng.uniform(0, 6.3)))
    cover = np.clip((soft - cut[None, :]) / 0.12 + 0.5, 0, 1)
    dip = rng.uniform(*HAND["dip_mm"]) * u
    start = rng.uniform(0, dip)
    density = 1 - rng.uniform(*HAND["fade"]) * np.mod(xs + start, dip) / dip
    cover *= density[None, :]
    colour = np.array(ink or rng.choice(PEN_INKS), np.float32)
    box = (max(0, ox), max(0, oy), min(p.w, ox + w), min(p.h, oy + h))
    region = np.asarray(p.img.crop(box).convert("RGB"), np.float32)
    sub = cover[box[1] - oy:box[3] - oy, box[0] - ox:box[2] - ox, None]
    region = region * (1 - sub) + colour * sub
    p.img.paste(Image.fromarray(np.uint8(np.clip(region, 0, 255)), "RGB"), box[:2])
    return x0 / u, y0 / u, x1 / u, y1 / u


# -- the SMEA's diploma -------------------------------------------------------------------

def smea_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The SMEA's face on the ministry's blank: its serial at the top right in red as a
    numbering machine struck it ("No. 14 Oc 048213"), the emblem, "REPUBLIK INDONESIA",
    the ministry (Departemen Pendidikan dan Kebudayaan), "IJAZAH" in the title face, the
    school's level written out and the school year. Returns the y (mm) the holder's part
    begins at and the number."""
    p.school = school   # the head's sentence names it
    words = _data()["smea"]
    nomor = f"{rng.randint(1, 27):02d} Oc {rng.randint(0, 999999):06d}"
    p.text(size_mm[0] - 24, 19, f"No. {nomor}", "mono_bold", 3.4, fill=(168, 36, 32),
           anchor="ra")
    draw_seal(p.d, dz.seal, p.w / 2, 40 * p.u, 12 * p.u, (150, 120, 40))
    bold = max(1, round(0.08 * p.u))
    for y, text, size in ((56, words["republic"], 4.6), (63, dz.ministry, 4.0)):
        p.d.text((p.w / 2, y * p.u), text, font=p.font(dz.heading, size), fill=p.ink,
                 anchor="ma", stroke_width=bold, stroke_fill=p.ink)
    p.centre(71, dz.title_text, dz.title, 14.0, fill=dz.accent)
    p.d.text((p.w / 2, 90 * p.u), words["level"], font=p.font(dz.heading, 5.0), fill=p.ink,
             anchor="ma", stroke_width=bold, stroke_fill=p.ink)
    p.centre(98, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.6)
    return 110.0, nomor


def smea_lettered(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """The head's sentence at the left ("Kepala SMEA Negeri ... dengan ini menerangkan
    bahwa :"), then the blank's rows, a lower-case label, a colon and a dotted line, on
    which a clerk lettered the particulars by hand (:func:`lettered`, in the name's face):
    the name larger, the birth, the parents, the school's register number and the
    course. The name's box (mm) is kept as ``p.name_box``."""
    body, big = sizes
    words = _data()["smea"]
    rng = random.Random(f"smea-{name}")   # this diploma's own hand and numbers
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "SMEA Negeri", KEEP_CASE)
    lab_x, col_x = wmm * 0.15, wmm * 0.15 + 50
    for line in wrap(p, words["opening"].format(school=school), dz.body, body, wmm * 0.7):
        p.text(lab_x, y, line, dz.body, body)
        y += body + 1.8
    y += 5
    ink = rng.choice(PEN_INKS)
    labels = words["rows"]
    items = [(labels[0], name), (labels[1], values.get("tempat dan tanggal lahir", "")),
             (labels[2], values.get("nama orang tua/wali", "")),
             (labels[3], f"{rng.randint(1, 2999):04d}"), (labels[4], rng.choice(words["majors"]))]
    dots = p.font(dz.body, body)
    room = wmm * 0.86 - col_x
    for k, (label, value) in enumerate(items):
        size = big * 0.95 if k == 0 else body * 1.25
        pitch = size + 4.2
        base = y + pitch - 1.2   # the dotted line the clerk wrote on
        p.text(lab_x, base - body, label, dz.body, body)
        p.text(col_x - 3, base - body, ":", dz.body, body)
        line = "." * int(room * p.u / max(1.0, p.d.textlength(".", font=dots)))
        p.d.text((col_x * p.u, (base - body) * p.u), line, font=dots, fill=p.ink)
        box = lettered(p, col_x + 1.5, base - 1.5, value, dz.name_face, size, rng, ink=ink,
                       width_mm=room - 3, anchor="ls")
        if k == 0:
            p.name_box = box
        y += pitch
    return y + 4


# -- the STIKES's diploma -----------------------------------------------------------------

def ground_plan(size: tuple[int, int], u: float, rng: random.Random) -> dict:
    """Where the copy-evident ground's hidden words lie on a page of ``size`` (px, ``u`` px
    a mm): their rows' angle (degrees), spacing and offset, their height and the words
    (data's latent, by turns)."""
    return {"angle": rng.uniform(*VOID["angle"]), "row": rng.uniform(*VOID["row_mm"]) * u,
            "height": rng.uniform(*VOID["word_mm"]) * u, "offset": rng.uniform(0, 1),
            "words": tuple(_data()["stikes"]["latent"])}


def latent_mask(size: tuple[int, int], u: float, plan: dict) -> np.ndarray:
    """Where the hidden words lie (h, w floats 0..1) on a page of ``size`` by ``plan``
    (:func:`ground_plan`): rows of the words in a heavy sans, set apart, rising at its
    angle across the page."""
    w, h = size
    side = int(math.hypot(w, h)) + 4
    sheet = Image.new("L", (side, side), 0)
    d = ImageDraw.Draw(sheet)
    fnt = plain_font("bold", max(6, round(plan["height"] * 1.3)))
    row = plan["row"]
    for k, y in enumerate(np.arange(plan["offset"] * row - row, side, row)):
        word = plan["words"][k % len(plan["words"])]
        gap = d.textlength(word + "   ", font=fnt)
        x = -(k % 2) * gap / 2
        while x < side:
            d.text((x, y), word, font=fnt, fill=255)
            x += gap
    sheet = sheet.rotate(plan["angle"], resample=Image.BILINEAR)
    left, top = (side - w) // 2, (side - h) // 2
    return np.asarray(sheet.crop((left, top, left + w, top + h)), np.float32) / 255


def _dots(xx: np.ndarray, yy: np.ndarray, pitch: float, radius: float, u: float
          ) -> np.ndarray:
    """How much of each pixel a screen of round dots covers (pitch and radius in px, the
    screen turned 45 degrees)."""
    a = (xx + yy) / math.sqrt(2)
    b = (xx - yy) / math.sqrt(2)
    da = a - pitch * np.round(a / pitch)
    db = b - pitch * np.round(b / pitch)
    return np.clip(radius - np.hypot(da, db) + 0.5, 0, 1)


def copy_evident(p, rng: random.Random, box_mm: tuple[float, float, float, float]) -> None:
    """Copy-evident security ground over ``box_mm`` (x0, y0, x1, y1) of the page: a pale
    dotted tint (VOID_INK), fine dots (VOID["fine"]) over the ground and coarse dots
    (VOID["coarse"]) of the same tint where the hidden words (:func:`ground_plan`,
    :func:`latent_mask`) lie, so that the words do not show on the print."""
    u = p.u
    plan = ground_plan((p.w, p.h), u, rng)
    x0, y0, x1, y1 = (round(v * u) for v in box_mm)
    words = latent_mask((p.w, p.h), u, plan)[y0:y1, x0:x1]
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    fine = _dots(xx, yy, VOID["fine"][0] * u, VOID["fine"][1] * u, u)
    coarse = _dots(xx, yy, VOID["coarse"][0] * u, VOID["coarse"][1] * u, u)
    fine = np.clip(fine * coarse.mean() / max(1e-6, fine.mean()), 0, 1)   # the same tint
    cover = np.where(words > 0.5, coarse, fine)
    region = np.asarray(p.img.crop((x0, y0, x1, y1)), np.float32)
    ink = np.array(VOID_INK, np.float32)
    region = region * (1 - cover[..., None]) + ink * cover[..., None]
    p.img.paste(Image.fromarray(np.uint8(np.clip(region, 0, 255)), "RGB"), (x0, y0))


def stikes_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                  size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The college's face on copy-evident paper (:func:`copy_evident` inside the frame):
    the national diploma number (PIN) at the top right, the emblem, the ministry of that
    year, the college in the accent colour, "IJAZAH" in the title face and the programme.
    Returns the y (mm) the holder's part begins at and the number."""
    copy_evident(p, rng, (24.0, 24.0, size_mm[0] - 24.0, size_mm[1] - 24.0))
    p.school, p.level, p.tahun = school, spec["jenjang"], tahun   # the cue names them
    nomor = styled_number("pin", "", spec=spec, tahun=tahun, school=school, rng=rng)
    p.text(size_mm[0] - 27, 28, f"Nomor Ijazah Nasional : {nomor}", dz.body, 3.0, anchor="ra")
    draw_seal(p.d, dz.seal, p.w / 2, 46 * p.u, 11 * p.u, dz.accent)
    ministry = ("KEMENTERIAN PENDIDIKAN DAN KEBUDAYAAN" if tahun <= 2014 else
                "KEMENTERIAN RISET, TEKNOLOGI, DAN PENDIDIKAN TINGGI" if tahun <= 2019 else
                "KEMENTERIAN PENDIDIKAN DAN KEBUDAYAAN" if tahun <= 2021 else
                "KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI")
    p.centre(62, ministry, dz.body, 3.6, width_mm=size_mm[0] * 0.7)
    p.centre(68, school, dz.heading, 5.4, fill=dz.accent, width_mm=size_mm[0] * 0.72)
    p.centre(76, dz.title_text, dz.title, 14.0, fill=dz.accent)
    p.centre(95, f"{spec['title']} ({spec['short']})", dz.heading, 4.4)
    return 106.0, nomor


def stikes_ketua(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                 sizes: tuple[float, float]) -> float:
    """The chairman's sentence centred over two or three lines ("Ketua Sekolah Tinggi
    Ilmu Kesehatan ..., berdasarkan hasil Yudisium tanggal ..., menyatakan bahwa"), the
    holder's name large and centred, then rows of label, colon and value either side of
    the page's middle: the NIM, the birth and the study programme of the holder's level.
    The degree is kept as ``p.degree``, the name's box (mm) as ``p.name_box``."""
    body, big = sizes
    words = _data()["stikes"]
    rng = random.Random(f"stikes-{name}")   # this diploma's own numbers
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Sekolah Tinggi Ilmu Kesehatan", KEEP_CASE)
    nim = values.get("nomor induk mahasiswa", "2016000000")
    year = getattr(p, "tahun", int(nim[:4]) + 4)   # the graduation board sat that year
    date = f"{rng.randint(1, 28)} {rng.choice(('Juli', 'Agustus', 'September'))} {year}"
    for line in wrap(p, words["opening"].format(school=school, date=date), dz.body, body,
                     wmm * 0.72):
        p.centre(y, line, dz.body, body)
        y += body + 1.8
    y += 3.5
    p.name(None, y, name, dz.name_face, big * 1.2, wmm * 0.7, body, anchor="ma")
    y = p.name_box[3] + 5
    study, degree = rng.choice(words["studies"][getattr(p, "level", "S1")])
    items = [(words["rows"][0], nim),
             (words["rows"][1], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][2], study)]
    mid = wmm / 2 - 10
    for label, value in items:
        p.text(mid - 2, y, label, dz.body, body, anchor="ra")
        p.text(mid, y, ":", dz.body, body)
        p.text(mid + 3, y, value, dz.body, body, width_mm=wmm * 0.86 - mid - 3)
        y += body + 2.4
    p.degree = degree
    return y + 2


# -- eaten by termites ----------------------------------------------------------------------

def _blocked(x: float, y: float, r: float, keep: list) -> bool:
    return any(x0 - r < x < x1 + r and y0 - r < y < y1 + r for x0, y0, x1, y1 in keep)


def rayap_plan(size: tuple[int, int], rng: random.Random, u: float,
               keep: list[tuple[float, float, float, float]] = ()) -> dict:
    """Where termites ate into a sheet of ``size`` (px, ``u`` px a mm), keeping
    TERMITES["keep_mm"] off the boxes ``keep`` (mm: the name's and the number's lines):
    three to five galleries, each eaten in from a point of the sheet's edges (the foot
    most often) and wandering on, a chain of bites (centre and radius, px) 2.5-6 mm
    wide, 35-90 mm long, here and there eaten out wider, now and then a branch; where a
    bite would come too near a kept box the gallery turns away or stops. Bore holes beside
    the galleries; whether a dark sheet lay behind the page in the scanner (else its
    white lid)."""
    w, h = size
    boxes = [tuple(v * u for v in b) for b in keep]
    clear = TERMITES["keep_mm"] * u
    step = TERMITES["step_mm"] * u
    galleries = []

    def walk(x: float, y: float, heading: float, length: float, r0: float, depth: int) -> None:
        bites, r, gone = [], r0, 0.0
        while gone < length:
            if _blocked(x, y, r + clear, boxes):   # too near a kept line: turn away
                if not bites:
                    break
                bx, by = bites[-1][0], bites[-1][1]
                turns = [t for t in (50, -50, 100, -100, 150, -150) if not _blocked(
                    bx + step * math.cos(math.radians(heading + t)),
                    by + step * math.sin(math.radians(heading + t)), r + clear, boxes)]
                if not turns:
                    break
                heading += turns[0]
                a = math.radians(heading)
                x, y = bx + step * math.cos(a), by + step * math.sin(a)
                gone += step
                continue
            wide = r * rng.uniform(1.5, 2.2) if rng.random() < TERMITES["chamber"] else r
            if wide > r and _blocked(x, y, wide + clear, boxes):
                wide = r
            bites.append((x, y, wide))
            if depth == 0 and rng.random() < 0.035:
                walk(x, y, heading + rng.choice((-1, 1)) * rng.uniform(35, 70),
                     rng.uniform(0.25, 0.5) * (length - gone), 0.8 * r, 1)
            heading += rng.gauss(0, TERMITES["turn"])
            r = min(1.3 * r0, max(0.6 * r0, r * math.exp(rng.gauss(0, 0.08))))
            a = math.radians(heading)
            x, y = x + step * math.cos(a), y + step * math.sin(a)
            gone += step
            if not (-3 * r < x < w + 3 * r and -3 * r < y < h + 3 * r):
                break
        if bites:
            galleries.append(bites)

    for _ in range(rng.randint(*TERMITES["attacks"])):
        edge = rng.choices(("bottom", "left", "right", "top"), (4, 2, 2, 1))[0]
        if edge in ("bottom", "top"):
            x, y = rng.uniform(0.05, 0.95) * w, (h if edge == "bottom" else 0.0)
            heading = (-90 if edge == "bottom" else 90) + rng.uniform(-40, 40)
        else:
            x, y = (0.0 if edge == "left" else w), rng.uniform(0.1, 0.95) * h
            heading = (0 if edge == "left" else 180) + rng.uniform(-40, 40)
        r0 = rng.uniform(*TERMITES["width_mm"]) * u / 2
        walk(x, y, heading, rng.uniform(*TERMITES["length_mm"]) * u, r0, 0)
    bores = []
    for _ in range(rng.randint(*TERMITES["bores"])):
        if not galleries:
            break
        gx, gy, gr = rng.choice(rng.choice(galleries))
        a = rng.uniform(0, 2 * math.pi)
        r = rng.uniform(*TERMITES["bore_mm"]) * u
        bx, by = gx + math.cos(a) * (gr + rng.uniform(2, 6) * u), gy + math.sin(a) * (
            gr + rng.uniform(2, 6) * u)
        if not _blocked(bx, by, r + clear, boxes):
            bores.append((bx, by, r))
    return {"galleries": galleries, "bores": bores,
            "graze": rng.uniform(*TERMITES["graze_mm"]) * u,
            "backing": rng.random() < 0.3, "light": rng.uniform(0, 2 * math.pi)}


def eaten_mask(size: tuple[int, int], plan: dict, rng: random.Random, u: float) -> np.ndarray:
    """Where the paper is gone (h, w floats 0..1) by ``plan`` (:func:`rayap_plan`): the
    galleries' bites and the bore holes, their edges ragged."""
    w, h = size
    layer = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(layer)
    for bites in plan["galleries"]:
        for x, y, r in bites:
            d.ellipse([x - r, y - r, x + r, y + r], fill=255)
    for x, y, r in plan["bores"]:
        d.ellipse([x - r, y - r, x + r, y + r], fill=255)
    g = np.random.default_rng(rng.getrandbits(32))
    rough = cv2.resize(g.normal(0, 1, (max(2, int(h / (0.6 * u))), max(2, int(w / (0.6 * u)))))
                       .astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    soft = cv2.GaussianBlur(np.asarray(layer, np.float32) / 255, (0, 0), max(0.7, 0.35 * u))
    return np.clip((soft + 0.12 * rough - 0.5) / 0.08 + 0.5, 0, 1)


def rayap(img: Image.Image, rng: random.Random, dpi: int, *,
          name_box: tuple[float, float, float, float] | None = None) -> Image.Image:
    """The sheet as termites left it in a drawer and a flatbed scanned it
    (:func:`rayap_plan`, kept off ``name_box`` and the number, mm): through the galleries
    and bore holes the scanner's white lid (or a dark sheet laid behind), a soft shade
    inside their edges on the side away from its lamp; round them the paper grazed thin
    (paler, its print worn away); the termites' brown mud crusted in patches along the
    galleries' banks; the scanner's grain."""
    u = dpi / 25.4
    w, h = img.size
    keep = [SMEA_NUMBER] + ([tuple(name_box)] if name_box else [])
    plan = rayap_plan((w, h), rng, u, keep)
    gone = eaten_mask((w, h), plan, rng, u)
    g = np.random.default_rng(rng.getrandbits(32))
    arr = np.asarray(img.convert("RGB"), np.float32)
    reach = max(1, round(plan["graze"]))
    near = cv2.dilate((gone > 0.05).astype(np.uint8), cv2.getStructuringElement(
        cv2.MORPH_ELLIPSE, (2 * reach + 1, 2 * reach + 1))).astype(np.float32)
    graze = cv2.GaussianBlur(near, (0, 0), max(0.6, 0.25 * u)) * (1 - gone)
    paper = np.median(arr.reshape(-1, 3)[::97], axis=0)   # the sheet's own colour
    fibre = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0),
                             max(0.5, 0.12 * u))
    thin = (paper + 0.35 * (255 - paper))[None, None, :] * (1 + 0.04 * fibre[..., None])
    arr = arr * (1 - 0.75 * graze[..., None]) + thin * 0.75 * graze[..., None]   # grazed
    mud = np.zeros((h, w), np.float32)
    for bites in plan["galleries"]:
        for x, y, r in bites[::3]:
            if rng.random() < 0.45:
                a = rng.uniform(0, 2 * math.pi)
                mx, my = x + (r + 0.3 * u) * math.cos(a), y + (r + 0.3 * u) * math.sin(a)
                mr = rng.uniform(0.3, 0.9) * u
                x0, y0 = max(0, int(mx - 2 * mr)), max(0, int(my - 2 * mr))
                x1, y1 = min(w, int(mx + 2 * mr) + 1), min(h, int(my + 2 * mr) + 1)
                if x1 > x0 and y1 > y0:
                    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
                    blob = np.clip(1.5 - np.hypot(xx - mx, yy - my) / mr, 0, 1)
                    mud[y0:y1, x0:x1] = np.maximum(mud[y0:y1, x0:x1], blob)
    mud *= 1 - gone
    arr = arr * (1 - 0.8 * mud[..., None]) + np.array(MUD, np.float32) * 0.8 * mud[..., None]
    behind = np.array(BACKING if plan["backing"] else LID, np.float32)
    sx, sy = math.cos(plan["light"]) * 0.5 * u, math.sin(plan["light"]) * 0.5 * u
    lip = np.roll(1 - gone, (round(sy), round(sx)), (0, 1))   # the hole's edge, off the lamp
    lip = cv2.GaussianBlur(lip, (0, 0), max(0.6, 0.3 * u)) * gone
    through = behind[None, None, :] * (1 - 0.35 * lip[..., None])
    arr = arr * (1 - gone[..., None]) + through * gone[..., None]
    arr += g.normal(0, 1.8, arr.shape).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


# -- photocopied: the hidden words come out ---------------------------------------------------

def salinan(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The diploma handed in as a photocopy, in grey on most (in colour on some): the
    copier's optics soften the page (so the ground's fine dots merge into a tint and the
    coarse ones stay dots), its levels drop every tint lighter than COPIER["white"] to the
    paper's white (the fine dots' tint with them; the coarse dots' middles stay: the
    hidden words come out over the sheet), the print darker; the toner's grain and a few
    specks, the lid's shade along one edge, the sheet a little askew on the glass."""
    u = dpi / 25.4
    w, h = img.size
    mono = rng.random() < 0.75
    white, black = rng.uniform(*COPIER["white"]), rng.uniform(*COPIER["black"])
    arr = np.asarray(img.convert("RGB"), np.float32) / 255
    if mono:
        arr = np.repeat((arr @ np.array((0.299, 0.587, 0.114), np.float32))[..., None], 3, 2)
    arr = cv2.GaussianBlur(arr, (0, 0), max(0.7, rng.uniform(*COPIER["blur_mm"]) * u))
    tone = np.clip((arr - black) / (white - black), 0, 1) ** 1.3
    g = np.random.default_rng(rng.getrandbits(32))
    tone += g.normal(0, rng.uniform(*COPIER["grain"]), tone.shape[:2]).astype(
        np.float32)[..., None] * (1 - tone)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    edge = rng.choice(("left", "right", "top", "bottom"))
    dist = {"left": xx, "right": w - 1 - xx, "top": yy, "bottom": h - 1 - yy}[edge]
    tone *= (1 - 0.22 * np.exp(-dist / (rng.uniform(2, 5) * u)))[..., None]
    for _ in range(rng.randint(15, 60)):   # toner specks
        px, py = rng.randrange(w), rng.randrange(h)
        r = max(1, round(rng.uniform(0.05, 0.18) * u))
        tone[max(0, py - r):py + r, max(0, px - r):px + r] *= 0.35
    out = Image.fromarray(np.uint8(np.clip(tone * 255, 0, 255)), "RGB")
    return out.rotate(rng.uniform(-0.5, 0.5), resample=Image.BICUBIC,
                      fillcolor=(250, 250, 250))


FINISHES = {"rayap": rayap, "salinan": salinan}
NAME_CLEAR = ("rayap",)   # hand-ins given the name's box (mm) to keep clear of
GROUP27_CUES = {"smea_lettered": smea_lettered, "stikes_ketua": stikes_ketua}
GROUP27_BORDERS = {"cengkeh": cengkeh, "palang": palang}
HEADERS = {"smea_kepala": smea_kepala, "stikes_kepala": stikes_kepala}

__all__ = ["BACKING", "COPIER", "FINISHES", "GROUP27_BORDERS", "GROUP27_CUES", "HAND",
           "HEADERS", "LID", "MUD", "NAME_CLEAR", "PEN_INKS", "SMEA_NUMBER", "TERMITES",
           "VOID", "VOID_INK", "cengkeh", "copy_evident", "eaten_mask", "ground_plan",
           "latent_mask", "lettered", "palang", "rayap", "rayap_plan", "salinan",
           "smea_kepala", "smea_lettered", "stikes_kepala", "stikes_ketua"]
