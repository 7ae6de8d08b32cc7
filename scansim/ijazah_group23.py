"""Twenty-third-group diplomas: a special school's (Sekolah Luar Biasa) diploma of the 2013
curriculum's blanks (Kinnari, Umpush), for its elementary, junior or senior high level
("SEKOLAH MENENGAH ATAS LUAR BIASA"), in a band of woven strips (anyaman), its rows in
lower case with the NISN before the name, the kind of special need last; handed in as a
phone photo sent by WhatsApp and printed on a cheap inkjet (the page keystoned and warm
with the desk round it, shrunk and squeezed into a heavy JPEG, then printed with the
inkjet's dot grain, its head's bands and a clogged nozzle's streak); and a health
polytechnic's applied bachelor's diploma (Politeknik Kesehatan of the Ministry of Health,
D4: Irianis ADF, Ikarius ADF), landscape in a band of jlamprang (the circled eight-pointed
stars of Pekalongan batik), the director's decree sentence before the holder's name in
Title Case, the NIM under the name; a round hologram sticker stuck on it (an opaque
foil or a clear overlay) by the name's end, over the photo's corner or in a corner,
scanned as a flatbed sees one: dark foil with rainbow bands and a glare streak."""
from __future__ import annotations

import colorsys
import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from formgen.core.yamlfile import load_yaml
from scansim.formpages import jpeg
from scansim.ijazah_era import by_year
from scansim.ijazah_faces import face
from scansim.ijazah_holders import title_case, titled
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group23.yaml"
# The WhatsApp photo printed on a cheap inkjet (see wa_cetak): how the phone photo and the
# print came out, each drawn per page from its range.
WA = {"long_px": (1280, 1600),      # the long side WhatsApp shrinks a photo to (pixels)
      "quality": (35, 55),          # the JPEG quality it recompresses at
      "keystone": (0.006, 0.022),   # how far each page corner lands off (share of the side)
      "turn": (-1.5, 1.5),          # degrees the phone was turned
      "warm": (0.04, 0.10),         # the lamp's warm cast (red up, blue down this much)
      "band_mm": (2.4, 4.2),        # the inkjet head's pass: a band every so far
      "exposure": (0.78, 0.9),      # the photo's white: paper under a room's light is grey
      "band": (0.06, 0.14),         # how much lighter the bands' seams print
      "streaks": (0, 3),            # clogged nozzles' pale streaks across the page
      "margin_mm": (3.5, 6.0)}      # the printer's white margin round the photo
# The hologram sticker: its diameter (mm) and where it is stuck (with how likely).
HOLO_MM = (16.0, 21.0)
HOLO_PLACES = {"nama": 0.5, "foto": 0.3, "sudut": 0.2}
HOLO_KINDS = ("foil", "clear")
# the photo box sign_block draws on a landscape page: left, top from the foot, width, height
PHOTO_MM = (0.2, 62.0, 30.0, 40.0)


@cache
def _data() -> dict:
    """The twenty-third group's wording (data/ijazah_group23.yaml)."""
    return load_yaml(DATA)


KEEP_CASE = {"Slb": "SLB", "Kemenkes": "Kemenkes"}   # words written so in Title Case


# -- frames -------------------------------------------------------------------------------

def anyaman(img: Image.Image, color, rng: random.Random, *, dpi: int,
            margin_mm: float) -> None:
    """A band 5 mm wide of woven strips (anyaman bambu) between two rules: square cells,
    each three short strokes, along and across the band in turn, a dark square at each
    corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 5.0 * u
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.4 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color,
                width=max(1, round(0.2 * u)))
    cell = band / 2
    pad = 0.18 * cell
    width = max(1, round(0.16 * u))

    def weave(x0: float, y0: float, n: int, along_x: bool) -> None:
        for k in range(n):
            for row in range(2):
                cx = x0 + (k * cell if along_x else row * cell)
                cy = y0 + (row * cell if along_x else k * cell)
                across = (k + row) % 2 == 0
                for s in range(3):
                    t = pad + (cell - 2 * pad) * s / 2
                    if across:
                        d.line([(cx + pad, cy + t), (cx + cell - pad, cy + t)], fill=color,
                               width=width)
                    else:
                        d.line([(cx + t, cy + pad), (cx + t, cy + cell - pad)], fill=color,
                               width=width)

    span_x = int((w - 2 * m - 2 * band) / cell)
    span_y = int((h - 2 * m - 2 * band) / cell)
    ox = m + band + ((w - 2 * m - 2 * band) - span_x * cell) / 2
    oy = m + band + ((h - 2 * m - 2 * band) - span_y * cell) / 2
    weave(ox, m, span_x, True)
    weave(ox, h - m - band, span_x, True)
    weave(m, oy, span_y, False)
    weave(w - m - band, oy, span_y, False)
    for cx in (m, w - m - band):
        for cy in (m, h - m - band):
            d.rectangle([cx + pad, cy + pad, cx + band - pad, cy + band - pad], fill=color)


def jlamprang(img: Image.Image, color, rng: random.Random, *, dpi: int,
              margin_mm: float) -> None:
    """A band 6 mm wide of jlamprang between a heavy and a thin rule: a row of touching
    circles, an eight-pointed star (two squares, one turned) in each, a dot at its heart
    and a small lozenge where two circles meet."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 6.0 * u
    thin = max(1, round(0.18 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.5 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    r = 0.4 * band

    def motif(cx: float, cy: float) -> None:
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=color, width=thin)
        s = 0.62 * r
        for turn in (0.0, math.pi / 4):
            pts = [(cx + s * math.cos(turn + k * math.pi / 2),
                    cy + s * math.sin(turn + k * math.pi / 2)) for k in range(4)]
            d.polygon(pts, outline=color)
        q = 0.14 * r
        d.ellipse([cx - q, cy - q, cx + q, cy + q], fill=color)

    def run(x0: float, y0: float, length: float, along_x: bool) -> None:
        n = max(1, int(length / (2 * r)))
        step = length / n
        for k in range(n):
            t = (k + 0.5) * step
            motif(x0 + t, y0) if along_x else motif(x0, y0 + t)
            if k:   # a lozenge where two circles meet
                c = (x0 + k * step, y0) if along_x else (x0, y0 + k * step)
                q = 0.2 * r
                d.polygon([(c[0] - q, c[1]), (c[0], c[1] - q), (c[0] + q, c[1]),
                           (c[0], c[1] + q)], fill=color)

    mid = m + band / 2
    run(m + band, mid, w - 2 * (m + band), True)
    run(m + band, h - mid, w - 2 * (m + band), True)
    run(mid, m + band, h - 2 * (m + band), False)
    run(w - mid, m + band, h - 2 * (m + band), False)
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            motif(cx, cy)


# -- the special school's diploma -----------------------------------------------------------

def slb_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
               size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The special school's blank: the emblem, the ministry of its year, "REPUBLIK
    INDONESIA", "IJAZAH", the level as a special school's ("SEKOLAH DASAR LUAR BIASA
    (SDLB)") and the school year; its serial at the top right
    ("DN-15/D-SDLB/K13/19/0001234"). Returns the y (mm) the holder's part begins at and
    the number."""
    words = _data()["slb"]
    ministry = by_year(sorted(words["ministries"].items()), tahun)
    level, short = words["levels"][spec["jenjang"]]
    draw_seal(p.d, dz.seal, p.w / 2, 36 * p.u, 12 * p.u, dz.accent)
    p.centre(53, ministry, dz.heading, 3.8, width_mm=size_mm[0] * 0.76)
    p.centre(59, "REPUBLIK INDONESIA", dz.heading, 3.8)
    p.centre(67, dz.title_text, dz.title, 12.0, fill=dz.accent)
    p.centre(83, f"{level} ({short})", dz.heading, 4.6, width_mm=size_mm[0] * 0.8)
    p.centre(90, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.4)
    tier = "D" if spec["jenjang"] in ("SD", "SMP") else "M"
    nomor = f"DN-{rng.randint(1, 34):02d}/{tier}-{short}/K13/{tahun % 100:02d}/" \
            f"{rng.randint(0, 9999999):07d}"
    p.text(size_mm[0] - 25, 24, f"No. {nomor}", dz.body, 3.0, anchor="ra")
    p.level = short   # the holder's part names the school with it
    return 99.0, nomor


def nisn_dulu(p, dz, y: float, name: str, rows: list[tuple[str, str]],
              sizes: tuple[float, float]) -> float:
    """The head's opening (the school and its NPSN), then the blank's lower-case rows:
    the NISN first, the name second (in bold capitals, a little larger), the birth, the
    parent, the school's own number and the kind of special need. The name's box (mm) is
    kept as ``p.name_box``."""
    body, big = sizes
    words = _data()["slb"]
    rng = random.Random(f"slb-{name}")   # this diploma's own numbers: the same each time
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(values.get("satuan pendidikan", "SLB"), KEEP_CASE)
    opening = words["opening"].format(school=school, npsn=f"{rng.randint(30200000, 30299999)}")
    lab_x, col_x, end = wmm * 0.13, wmm * 0.13 + 58, wmm * 0.87
    fnt = p.font(dz.body, body)
    line, lines = "", []
    for word in opening.split(" "):   # wrapped to the rows' width
        trial = f"{line} {word}".strip()
        if p.d.textlength(trial, font=fnt) > (end - lab_x) * p.u and line:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    for k, text in enumerate(lines):
        p.text(lab_x, y + k * (body + 1.8), text, dz.body, body)
    y += len(lines) * (body + 1.8) + 4
    items = [(words["nisn"], values.get("nomor induk siswa nasional", "")), (words["name"], name)]
    items += [(label, values[key]) for key, label in words["rows"].items() if key in values]
    items += [(words["nis"], f"{rng.randint(1, 999):03d}/{rng.randint(10, 99)}"),
              (words["kind"], rng.choice(words["kinds"]))]
    for label, value in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        if label == words["name"]:
            top = y - (big * 0.92 - body) * 0.7
            y += p.name(col_x, top, name, dz.name_face, big * 0.92, end - col_x, body) + 3.2
        else:
            p.text(col_x, y, value, dz.body, body, width_mm=end - col_x)
            y += body + 3.2
    return y + 2


# -- the health polytechnic's diploma -------------------------------------------------------

def kemenkes_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                    size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The polytechnic's face: its number at the top right ("Nomor Ijazah :
    DL.02.02/3/0417/2019", the ministry's own register), the emblem, the Ministry of
    Health, the polytechnic in the accent colour, "IJAZAH" and the programme. Returns the y
    (mm) the holder's part begins at and the number."""
    words = _data()["poltekkes"]
    p.school = school   # the decree before the holder names it
    nomor = f"DL.02.02/{rng.randint(1, 9)}/{rng.randint(1, 9999):04d}/{tahun}"
    p.text(size_mm[0] - 25, 22, f"{words['number']} : {nomor}", dz.body, 3.0, anchor="ra")
    draw_seal(p.d, dz.seal, p.w / 2, 31 * p.u, 9 * p.u, dz.accent)
    p.centre(43, words["ministry"], dz.heading, 3.9)
    p.centre(49, school, dz.heading, 5.0, fill=dz.accent, width_mm=size_mm[0] * 0.7)
    p.centre(57, dz.title_text, dz.title, 11.0, fill=dz.accent)
    p.centre(71, spec["title"], dz.heading, 4.2)
    return 80.0, nomor


def sk_direktur(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """The director's decree sentence centred on two lines ("Direktur ..., berdasarkan
    Keputusan Direktur Nomor ..., menyatakan bahwa"), the holder's name large in Title
    Case, the NIM under it, the birth and the study programme as centred phrases; the
    degree of the programme is kept as ``p.degree`` for the close, the name's box (mm) as
    ``p.name_box``."""
    body, big = sizes
    words = _data()["poltekkes"]
    rng = random.Random(f"poltekkes-{name}")   # this diploma's own numbers
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Politeknik Kesehatan Kemenkes", KEEP_CASE)
    year = values.get("nomor induk mahasiswa", "2019")[:4]
    sk = f"HK.02.03/{rng.randint(1, 9)}/{rng.randint(100, 9999):04d}/{int(year) + 4}"
    sentence = words["decree"].format(school=school, sk=sk)
    cut = sentence.index("berdasarkan")
    p.centre(y, sentence[:cut].strip(), dz.body, body, width_mm=wmm * 0.8)
    p.centre(y + body + 1.8, sentence[cut:], dz.body, body, width_mm=wmm * 0.8)
    y += 2 * body + 6
    shown = title_case(name)
    p.name(None, y, shown, dz.name_face, big * 1.15, wmm * 0.7, body, anchor="ma")
    y = p.name_box[3] + 2.2
    nim = f"P0{rng.randint(7000000, 7999999)}{year[2:]}{rng.randint(1, 120):03d}"
    p.centre(y, f"{words['nim']} {nim}", dz.body, body * 0.95)
    y += body + 3
    place, _, date = values.get("tempat dan tanggal lahir", ", ").partition(", ")
    p.centre(y, words["born"].format(place=place, date=date), dz.body, body)
    study, department, degree = rng.choice(words["studies"])
    p.centre(y + body + 2.4, words["studied"].format(study=study, department=department),
             dz.body, body, width_mm=wmm * 0.8)
    p.degree = degree
    return y + 2 * body + 5


# -- how the pages were handed in -----------------------------------------------------------

def desk_texture(size: tuple[int, int], rng: random.Random) -> np.ndarray:
    """What lay round the page when it was photographed: a table top of one colour, a
    little brighter towards the light."""
    w, h = size
    colour = np.array(rng.choice(((92, 70, 52), (140, 128, 112), (60, 62, 70),
                                  (170, 150, 120))), np.float32)
    xx = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    yy = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    light = 0.85 + 0.25 * (1 - (xx + yy) / 2)
    return colour[None, None, :] * light[..., None]


def phone_wa(img: Image.Image, rng: random.Random) -> Image.Image:
    """The page photographed with a phone and sent by WhatsApp: keystoned and turned a
    little, the desk round it, a warm cast and light falling off to one corner, a touch
    out of focus; then shrunk to WhatsApp's size and recompressed as a heavy JPEG. Returns
    the received picture (small)."""
    w, h = img.size
    long_px = rng.randint(*WA["long_px"])
    scale = long_px / max(w, h)
    sw, sh = max(8, round(w * scale)), max(8, round(h * scale))
    small = np.asarray(img.convert("RGB").resize((sw, sh), Image.LANCZOS), np.float32)
    frame = 1.0 + rng.uniform(0.02, 0.06)   # the photo shows a little desk round the page
    fw, fh = round(sw * frame), round(sh * frame)
    ox, oy = (fw - sw) / 2, (fh - sh) / 2
    corners = np.float32([[0, 0], [sw, 0], [sw, sh], [0, sh]])
    turn = math.radians(rng.uniform(*WA["turn"]))
    cx, cy = fw / 2, fh / 2
    placed = []
    for x, y in corners:
        x += ox + rng.uniform(*WA["keystone"]) * sw * (1 if x == 0 else -1) * rng.choice((0, 1))
        y += oy + rng.uniform(*WA["keystone"]) * sh * (1 if y == 0 else -1) * rng.choice((0, 1))
        dx, dy = x - cx, y - cy
        placed.append([cx + dx * math.cos(turn) - dy * math.sin(turn),
                       cy + dx * math.sin(turn) + dy * math.cos(turn)])
    warp = cv2.getPerspectiveTransform(corners, np.float32(placed))
    page = cv2.warpPerspective(small, warp, (fw, fh), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    cover = cv2.warpPerspective(np.ones((sh, sw), np.float32), warp, (fw, fh),
                                flags=cv2.INTER_LINEAR)[..., None]
    out = page * cover + desk_texture((fw, fh), rng) * (1 - cover)
    warm = rng.uniform(*WA["warm"])
    out *= np.array([1 + warm * 0.4, 1.0, 1 - warm], np.float32) * rng.uniform(*WA["exposure"])
    gx, gy = rng.choice((0, 1)), rng.choice((0, 1))   # the light falls off away from it
    xx = np.linspace(0, 1, fw, dtype=np.float32)[None, :]
    yy = np.linspace(0, 1, fh, dtype=np.float32)[:, None]
    far = np.hypot(xx - gx, yy - gy) / math.sqrt(2)
    out *= (1 - rng.uniform(0.08, 0.18) * far ** 1.5)[..., None]
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.3, 0.6))
    pic = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return jpeg(pic, rng.randint(*WA["quality"]))   # colour at half resolution


def inkjet_print(pic: Image.Image, size: tuple[int, int], rng: random.Random,
                 dpi: int) -> Image.Image:
    """``pic`` printed on a sheet of ``size`` by a cheap inkjet: fitted inside the printer's
    white margin, its inks dull (black a dark grey, colours weak, now and then one
    cartridge running low), light tones broken into the ink's dot grain, a lighter seam
    every pass of the head across the page and a clogged nozzle's pale streak or two."""
    u = dpi / 25.4
    w, h = size
    margin = rng.uniform(*WA["margin_mm"]) * u
    fit = min((w - 2 * margin) / pic.width, (h - 2 * margin) / pic.height)
    pw, ph = round(pic.width * fit), round(pic.height * fit)
    body = np.asarray(pic.resize((pw, ph), Image.BICUBIC), np.float32) / 255
    sheet = np.ones((h, w, 3), np.float32)
    x0, y0 = (w - pw) // 2, round(margin)
    sheet[y0:y0 + ph, x0:x0 + pw] = body
    ink = 1 - sheet                                    # coverage of each ink (c, m, y)
    grey = ink.mean(axis=2, keepdims=True)
    ink = grey + (ink - grey) * rng.uniform(0.7, 0.85)   # dull inks
    ink *= rng.uniform(0.8, 0.88)                      # black prints a dark grey
    if rng.random() < 0.35:                            # one cartridge running low
        ink[..., rng.randrange(3)] *= rng.uniform(0.6, 0.8)
    ink = cv2.GaussianBlur(ink, (0, 0), 0.06 * u)      # the ink spreads in plain paper
    g = np.random.default_rng(rng.getrandbits(32))
    cell = max(1, round(0.09 * u))                     # the ink's dots, as the scan sees them
    grain = g.random((h // cell + 1, w // cell + 1, 3)).astype(np.float32)
    grain = np.repeat(np.repeat(grain, cell, axis=0), cell, axis=1)[:h, :w]
    dots = (ink > grain).astype(np.float32)
    light = np.clip(1 - ink * 1.8, 0, 1)               # dots show in light tones only
    ink = ink * (1 - 0.7 * light) + dots * 0.7 * light * np.minimum(1, ink * 4)
    pitch = rng.uniform(*WA["band_mm"]) * u
    yy = np.arange(h, dtype=np.float32)
    seam = np.exp(-((yy % pitch) / (0.3 * u)) ** 2) + 0.3 * np.sin(2 * math.pi * yy / pitch) \
        + 0.4 * np.sin(2 * math.pi * yy / (rng.uniform(25, 45) * u))   # and the feed's slow wave
    ink *= (1 - rng.uniform(*WA["band"]) * seam)[:, None, None]
    for _ in range(rng.randint(*WA["streaks"])):       # clogged nozzles
        y = rng.uniform(0.1, 0.95) * h
        thick = max(1, round(rng.uniform(0.1, 0.22) * u))
        ink[int(y):int(y) + thick, :, rng.randrange(3)] *= rng.uniform(0.2, 0.5)
    out = (1 - np.clip(ink, 0, 1)) * np.array([250, 250, 247], np.float32)
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


def wa_cetak(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Handed in as a phone photo sent by WhatsApp and printed on a cheap inkjet: the
    photo (:func:`phone_wa`) printed on an A4 sheet of the page's size
    (:func:`inkjet_print`)."""
    return inkjet_print(phone_wa(img, rng), img.size, rng, dpi)


# -- the hologram sticker -------------------------------------------------------------------

def _rainbow(n: int, rng: random.Random, size: int) -> np.ndarray:
    """An ``size`` square of a hologram's diffraction colours: bands of hue running
    across at a slant, rings round the heart, in RGB 0..1."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size - 0.5
    slant = rng.uniform(0, math.pi)
    phase = (xx * math.cos(slant) + yy * math.sin(slant)) * n + \
        0.35 * np.sin(np.hypot(xx, yy) * 40) + rng.random()
    hue = phase % 1.0
    rgb = np.zeros((size, size, 3), np.float32)
    for k, (r, g, b) in enumerate(colorsys.hsv_to_rgb(t / 24, 0.5, 1.0) for t in range(24)):
        band = (hue * 24).astype(int) == k
        rgb[band] = (r, g, b)
    return cv2.GaussianBlur(rgb, (0, 0), size / 120)


def sticker_mask(size: int) -> np.ndarray:
    """A round sticker's cover, 0..1, its edge smoothed over a pixel."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) + 0.5
    r = size / 2
    return np.clip(r - np.hypot(xx - r, yy - r), 0, 1)


def hologram(img: Image.Image, rng: random.Random, dpi: int,
             name_box: tuple[float, float, float, float] | None = None, *,
             place: str | None = None, kind: str | None = None) -> Image.Image:
    """A round hologram sticker (16-21 mm) stuck on the page as a flatbed scans it, at
    ``place``: "nama" (by the end of the name, ``name_box`` in mm, over its last 0.3-2.5
    mm; a clear one up to 8 mm), "foto" (over the photo's top right corner) or "sudut"
    (the bottom right corner, inside the frame); of ``kind`` "foil" (opaque: dark metal
    with rainbow bands, guilloche rings, the emblem pressed in it, a glare streak where it
    caught the lamp) or "clear" (an overlay: the print under it seen through a rainbow
    sheen and the streak). Either drawn when not given."""
    u = dpi / 25.4
    w, h = img.size
    places = list(HOLO_PLACES)
    place = place or rng.choices(places, weights=[HOLO_PLACES[k] for k in places])[0]
    kind = kind or rng.choice(HOLO_KINDS)
    diameter = rng.uniform(*HOLO_MM)
    size = max(8, round(diameter * u))
    wmm, hmm = w / u, h / u
    if place == "nama" and name_box:
        x0, y0, x1, y1 = name_box
        over = rng.uniform(0.3, 2.5) if kind == "foil" else rng.uniform(2.0, 8.0)
        cx = x1 - over + diameter / 2
        cy = (y0 + y1) / 2 + rng.uniform(-3.0, 3.0)
    elif place == "foto" or place == "nama":
        left, up, pw, _ = PHOTO_MM
        cx = wmm * left + pw - rng.uniform(1, 4)
        cy = hmm - up + rng.uniform(1, 4)
    else:
        cx = wmm - rng.uniform(26, 32)
        cy = hmm - rng.uniform(26, 32)
    cover = sticker_mask(size)
    sheen = _rainbow(rng.uniform(2.0, 4.5), rng, size)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size - 0.5
    theta = np.arctan2(yy, xx)   # a guilloche rosette's fine lines
    rings = 0.5 + 0.5 * np.cos(np.hypot(xx, yy) * size * 2 * math.pi / max(2, 0.7 * u)
                               + 2.5 * np.sin(7 * theta))
    glare_at = rng.uniform(-0.25, 0.25)
    glare = np.exp(-((yy - glare_at) / rng.uniform(0.05, 0.1)) ** 2)   # the lamp's streak
    emblem = Image.new("L", (size, size), 0)
    draw_seal(ImageDraw.Draw(emblem), "university", size / 2, size / 2, size * 0.24, 255)
    ed = ImageDraw.Draw(emblem)
    ring_font = face("ikarius_bold", max(6, round(size * 0.075)))
    text = "ASLI  \u2022  POLTEKKES  \u2022  ASLI  \u2022  KEMENKES  \u2022  "
    for k, ch in enumerate(text):   # microtext round the rim
        a = 2 * math.pi * k / len(text) - math.pi / 2
        ed.text((size / 2 + 0.4 * size * math.cos(a), size / 2 + 0.4 * size * math.sin(a)),
                ch, font=ring_font, fill=255, anchor="mm")
    pressed = np.asarray(emblem.filter(ImageFilter.GaussianBlur(0.6)), np.float32) / 255
    x, y = round(cx * u - size / 2), round(cy * u - size / 2)
    page = np.asarray(img.convert("RGB"), np.float32) / 255
    sx0, sy0, sx1, sy1 = max(0, -x), max(0, -y), min(size, w - x), min(size, h - y)
    if sx1 <= sx0 or sy1 <= sy0:
        return img
    under = page[y + sy0:y + sy1, x + sx0:x + sx1]
    c = cover[sy0:sy1, sx0:sx1, None]
    s = sheen[sy0:sy1, sx0:sx1]
    ring = rings[sy0:sy1, sx0:sx1, None]
    gl = glare[sy0:sy1, sx0:sx1, None]
    mark = pressed[sy0:sy1, sx0:sx1, None]
    if kind == "foil":
        metal = rng.uniform(0.28, 0.4) + 0.1 * ring
        top = metal * (0.65 + 0.35 * s) + 0.5 * gl * (0.5 + 0.5 * s)
        top = top * (1 - 0.3 * mark) + 0.3 * mark * s
    else:
        tint = 0.8 + 0.2 * s
        top = under * tint * (0.93 + 0.07 * ring) + 0.25 * gl * (0.5 + 0.5 * s)
        top = top * (1 - 0.12 * mark)
    edge = np.clip(c * (1 - c) * 4, 0, 1)               # the cut edge, a light rim
    top = top * (1 - 0.5 * edge) + 0.9 * edge
    page[y + sy0:y + sy1, x + sx0:x + sx1] = under * (1 - c) + np.clip(top, 0, 1) * c
    return Image.fromarray(np.uint8(np.clip(page * 255, 0, 255)), "RGB")


FINISHES = {"wa_cetak": wa_cetak}
GROUP23_CUES = {"nisn_dulu": nisn_dulu, "sk_direktur": sk_direktur}
GROUP23_BORDERS = {"anyaman": anyaman, "jlamprang": jlamprang}
HEADERS = {"slb_kepala": slb_kepala, "kemenkes_kepala": kemenkes_kepala}
STICKERS = {"hologram": hologram}

__all__ = ["FINISHES", "GROUP23_BORDERS", "GROUP23_CUES", "HEADERS", "HOLO_KINDS", "HOLO_MM",
           "HOLO_PLACES", "PHOTO_MM", "STICKERS", "WA", "anyaman", "hologram", "inkjet_print",
           "jlamprang", "kemenkes_kepala", "nisn_dulu", "phone_wa", "sk_direktur", "slb_kepala",
           "desk_texture", "sticker_mask", "wa_cetak"]
