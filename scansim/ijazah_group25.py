"""Twenty-fifth-group diplomas: a private school of economics' bachelor's diploma (Sekolah
Tinggi Ilmu Ekonomi, S1, of the years higher education stood under the Ministry of
Education, Culture, Research and Technology: Dustismo Roman, "IJAZAH" in Gamaliel),
landscape in a band of a chain of lozenges (wajik), the chairman's sentence on the
graduation board before the holder's name, the degree of the holder's study programme;
hung framed behind glass on a wall at home and photographed there by a phone from a
little below and to one side (bingkai kaca: the frame's moulding and the mat round the
page, the whole keystoned, a window's reflection and a lamp's hot spot on the glass
washing part of the print out, the wall and the frame's shadow round it, a JPEG whose
EXIF orientation says how to turn it upright); and a state Madrasah Tsanawiyah's diploma
on the Ministry of Religious Affairs' dark green blank (Lemonada), its ground a dense
guilloche and microtext in deep green inside a band of lereng stripes, the head's
sentence before rows whose first is the name, the madrasah's round stamp pressed partly
over the name (cap nama); handed in as a grey photocopy (kertas gelap: the copier reads
the dark ground as a middling grey, so the print lies on it with little contrast, the
toner mottled and grainy)."""
from __future__ import annotations

import io
import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from formgen.core.yamlfile import load_yaml
from scansim.draw import guilloche
from scansim.ijazah_holders import titled
from scansim.ijazah_numbers import styled_number
from scansim.ktp_group25 import window_reflection
from scansim.ktp_prints import microtext
from scansim.ornament import draw_seal, stamp
from scansim.phone import EXIF_ORIENTATION_TAG, ORIENTATIONS, projected_corners

DATA = Path(__file__).with_name("data") / "ijazah_group25.yaml"
# The framed diploma on the wall (see bingkai_kaca): each drawn per page from its range.
FRAME = {"mat_mm": (16.0, 28.0),       # the mat (passe-partout) round the page's window
         "hide_mm": (3.0, 7.0),        # how far the mat's window laps over the page
         "moulding_mm": (10.0, 18.0),  # the moulding's face
         "cover": (0.9, 0.97),         # how much of the photo the frame fills
         "tilt": 16.0,                 # degrees the phone looked up and aside at most
         "window": (0.45, 0.7),        # a window's reflection: how far it lifts the print
         "lamp": (0.7, 0.92),          # a lamp's hot spot at its middle
         "lamp_mm": (18.0, 36.0),      # its size
         "quality": (80, 92)}          # the phone's JPEG
MOULDINGS = ((182, 142, 96), (178, 142, 74), (176, 176, 170), (232, 230, 224),
             (132, 92, 60))            # light oak, gilt, silver, white, walnut
MATS = ((244, 240, 228), (236, 232, 220), (246, 246, 242))
WALLS = ((226, 220, 204), (214, 226, 214), (234, 234, 230), (208, 218, 228))
SKY = (238, 244, 252)                  # what the glass throws back: daylight, a lamp
ORIENTED = (1, 1, 1, 3)                # the phone held level, now and then the other way up
# The madrasah's dark blank (see lereng) and its grey copy (see kertas_gelap).
GROUND = (70, 124, 100)                # the blank's deep green
GUILLOCHE_LIGHT = (104, 156, 128)      # its guilloche's pale lines
GUILLOCHE_DARK = (58, 108, 86)         # ... and its darker ones
MICRO = (50, 98, 78)                   # its microtext
GOLD = (206, 186, 120)                 # the lereng band's pale gold
COPY = {"black": (0.12, 0.16),         # what the copier's darkest toner comes out as
        "white": (0.96, 0.99),         # ... and its paper
        "mottle": (0.015, 0.03),       # the toner's uneven lay over the grey ground
        "grain": (0.015, 0.025)}       # its grain
STAMP_INKS = ((96, 60, 150), (40, 62, 150))   # violet, blue
STAMP_MM = (30.0, 36.0)


@cache
def _data() -> dict:
    """The twenty-fifth group's wording (data/ijazah_group25.yaml)."""
    return load_yaml(DATA)


KEEP_CASE = {"Dan": "dan", "Stie": "STIE"}   # words written so in Title Case


# -- frames -------------------------------------------------------------------------------

def wajik(img: Image.Image, color, rng: random.Random, *, dpi: int, margin_mm: float) -> None:
    """A band 6 mm wide of a chain of lozenges (wajik) between a heavy outer rule and a
    thin inner one: lozenges touching tip to tip along each side, a dot at each one's
    heart, a lozenge inside a square at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 6.0 * u
    thin = max(1, round(0.2 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.6 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    half = 0.36 * band                               # a lozenge's half height
    dot = 0.1 * band

    def run(x0: float, y0: float, length: float, along_x: bool) -> None:
        n = max(1, int(length / (2.4 * half)))
        step = length / n
        for k in range(n):
            t = (k + 0.5) * step
            cx, cy = (x0 + t, y0) if along_x else (x0, y0 + t)
            a, b = (step / 2, half) if along_x else (half, step / 2)
            d.polygon([(cx - a, cy), (cx, cy - b), (cx + a, cy), (cx, cy + b)],
                      outline=color, width=thin)
            d.ellipse([cx - dot, cy - dot, cx + dot, cy + dot], fill=color)

    mid = m + band / 2
    run(m + band, mid, w - 2 * (m + band), True)
    run(m + band, h - mid, w - 2 * (m + band), True)
    run(mid, m + band, h - 2 * (m + band), False)
    run(w - mid, m + band, h - 2 * (m + band), False)
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            s = 0.42 * band
            d.rectangle([cx - s, cy - s, cx + s, cy + s], outline=color, width=thin)
            d.polygon([(cx - s, cy), (cx, cy - s), (cx + s, cy), (cx, cy + s)], fill=color)


def lereng(img: Image.Image, color, rng: random.Random, *, dpi: int, margin_mm: float) -> None:
    """The madrasah's dark blank as the ministry prints it before the school fills it in:
    the whole sheet laid in deep green, over it a dense guilloche of pale and darker
    lines and rows of microtext (:func:`scansim.ktp_prints.microtext`, in strips a card's
    width), then a band 7 mm wide of lereng (short diagonal stripes, slanting one way on
    the top and bottom, the other on the sides) in pale gold between two gold rules."""
    u = dpi / 25.4
    w, h = img.size
    img.paste(GROUND, (0, 0, w, h))
    guilloche(img, rng, GUILLOCHE_LIGHT, lines=int(h / (1.4 * u)), amplitude=0.01,
              width=max(1, round(0.12 * u)))
    guilloche(img, rng, GUILLOCHE_DARK, lines=int(h / (2.2 * u)), amplitude=0.016,
              width=max(1, round(0.1 * u)))
    strip = int(80 * u)
    for x0 in range(0, w, strip):   # microtext in strips a card's width (as it tiles)
        box = (x0, 0, min(w, x0 + strip), h)
        tile = img.crop(box)
        microtext(tile, rng, MICRO, u, second=GUILLOCHE_LIGHT)
        img.paste(tile, box[:2])
    d = ImageDraw.Draw(img)
    m = margin_mm * u
    band = 7.0 * u
    d.rectangle([m, m, w - m, h - m], outline=GOLD, width=max(1, round(0.5 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=GOLD,
                width=max(1, round(0.25 * u)))
    width = max(1, round(0.3 * u))
    pitch = 1.6 * u
    inset = 0.9 * u
    for t in np.arange(m + inset, w - m - inset - band * 0.6, pitch):   # top and bottom
        for y0 in (m + inset, h - m - band + inset):
            d.line([(t, y0 + band - 2 * inset), (t + band * 0.6, y0)], fill=GOLD, width=width)
    for t in np.arange(m + band, h - m - band - band * 0.6, pitch):       # the sides
        for x0 in (m + inset, w - m - band + inset):
            d.line([(x0, t), (x0 + band - 2 * inset, t + band * 0.6)], fill=GOLD, width=width)


# -- the school of economics' diploma -----------------------------------------------------

def stie_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The school's face, landscape: the national diploma number (PIN, fifteen digits) at
    the top right, the university emblem, the ministry of those years, the school in the
    accent colour, "IJAZAH" in the title face and the programme. Returns the y (mm) the
    holder's part begins at and the number."""
    p.school = school   # the chairman's sentence before the holder names it
    nomor = styled_number("pin", "", spec=spec, tahun=tahun, school=school, rng=rng)
    p.text(size_mm[0] - 26, 21, f"Nomor Ijazah Nasional : {nomor}", dz.body, 3.0,
           anchor="ra")
    draw_seal(p.d, dz.seal, p.w / 2, 31 * p.u, 9 * p.u, dz.accent)
    p.centre(43, dz.ministry, dz.heading, 3.7, width_mm=size_mm[0] * 0.7)
    p.centre(49, school, dz.heading, 5.0, fill=dz.accent, width_mm=size_mm[0] * 0.7)
    p.centre(56, dz.title_text, dz.title, 13.0, fill=dz.accent)
    p.centre(72, f"{spec['title']} ({spec['short']})", dz.heading, 4.0)
    return 80.0, nomor


def stie_ketua(p, dz, y: float, name: str, rows: list[tuple[str, str]],
               sizes: tuple[float, float]) -> float:
    """The chairman's sentence centred ("Ketua Sekolah Tinggi Ilmu Ekonomi ...,
    berdasarkan hasil Yudisium tanggal ..., menyatakan bahwa"), the holder's name large
    and centred, then as centred phrases the NIM, the birth and the study programme. The
    degree of the programme is kept as ``p.degree``, the name's box (mm) as
    ``p.name_box``."""
    body, big = sizes
    words = _data()["stie"]
    rng = random.Random(f"stie-{name}")   # this diploma's own numbers: the same each time
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Sekolah Tinggi Ilmu Ekonomi", KEEP_CASE)
    nim = values.get("nomor induk mahasiswa", "2017000000")
    year = int(nim[:4]) + 4
    date = f"{rng.randint(1, 28)} {rng.choice(('Juli', 'Agustus', 'September'))} {year}"
    sentence = words["opening"].format(school=school, date=date)
    cut = sentence.index(" berdasarkan ")
    p.centre(y, sentence[:cut], dz.body, body, width_mm=wmm * 0.8)
    p.centre(y + body + 1.8, sentence[cut + 1:], dz.body, body, width_mm=wmm * 0.8)
    y += 2 * body + 6
    p.name(None, y, name, dz.name_face, big * 1.15, wmm * 0.7, body, anchor="ma")
    y = p.name_box[3] + 3.5
    p.centre(y, f"{words['nim']} : {nim}", dz.body, body)
    place, _, born = values.get("tempat dan tanggal lahir", ", ").partition(", ")
    p.centre(y + body + 2.2, words["born"].format(place=place, date=born), dz.body, body)
    study, degree = rng.choice(words["studies"])
    p.centre(y + 2 * (body + 2.2), words["studied"].format(study=study), dz.body, body,
             width_mm=wmm * 0.8)
    p.degree = degree
    return y + 3 * body + 6


# -- the madrasah's diploma ---------------------------------------------------------------

def mts_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
               size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The madrasah's face on its dark blank: the ministry's register number at the top
    left ("Nomor : MTs.23.04/PP.01.1/0318/2014"), the ministry's emblem, its name,
    "IJAZAH", "MADRASAH TSANAWIYAH" and the school year. Returns the y (mm) the holder's
    part begins at and the number."""
    p.school = school
    nomor = styled_number("kemenag", "", spec=spec, tahun=tahun, school=school, rng=rng)
    p.text(27, 27, f"Nomor : {nomor}", dz.body, 3.1)
    draw_seal(p.d, dz.seal, p.w / 2, 45 * p.u, 12 * p.u, dz.accent)
    p.centre(61, dz.ministry, dz.heading, 4.2, width_mm=size_mm[0] * 0.74)
    p.centre(68, dz.title_text, dz.title, 13.0, fill=dz.accent)
    p.centre(86, spec["title"], dz.heading, 5.0)
    p.centre(93, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.6)
    return 104.0, nomor


def mts_bertanda(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                 sizes: tuple[float, float]) -> float:
    """The head's sentence at the left over two lines ("Yang bertanda tangan di bawah ini,
    Kepala Madrasah Tsanawiyah Negeri ..., menerangkan bahwa :"), then the blank's rows,
    label, colon and value: the name (larger, in the name face), the birth, the parents,
    the school's register number and the NISN. The name's box (mm) is kept as
    ``p.name_box``."""
    body, big = sizes
    words = _data()["mts"]
    rng = random.Random(f"mts-{name}")   # this diploma's own numbers
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Madrasah Tsanawiyah", KEEP_CASE)
    lab_x, col_x = wmm * 0.15, wmm * 0.15 + 56
    sentence = words["opening"].format(school=school)
    cut = sentence.index(" Kepala ")
    p.text(lab_x, y, sentence[:cut], dz.body, body, width_mm=wmm * 0.7)
    p.text(lab_x, y + body + 2.0, sentence[cut + 1:], dz.body, body, width_mm=wmm * 0.7)
    y += 2 * (body + 2.0) + 4
    labels = words["rows"]
    items = [(labels[1], values.get("tempat dan tanggal lahir", "")),
             (labels[2], values.get("nama orang tua/wali", "")),
             (labels[3], f"{rng.randint(1, 999):04d}/{rng.randint(100, 999)}.{rng.randint(1, 9)}"),
             (labels[4], values.get("nomor induk siswa nasional", ""))]
    room = col_x - lab_x - 4
    p.text(lab_x, y, labels[0], dz.body, body, width_mm=room)
    p.text(col_x - 3, y, ":", dz.body, body)
    p.name(col_x, y - 0.4, name, dz.name_face, big * 0.85, wmm * 0.85 - col_x, body)
    y = max(y + body, p.name_box[3]) + 3.4
    for label, value in items:
        p.text(lab_x, y, label, dz.body, body, width_mm=room)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, dz.body, body, width_mm=wmm * 0.85 - col_x)
        y += body + 3.2
    return y + 2


def cap_nama(img: Image.Image, rng: random.Random, dpi: int,
             name_box: tuple[float, float, float, float] | None = None) -> Image.Image:
    """The madrasah's round stamp (30-36 mm, violet or blue) pressed partly over the
    holder's name (``name_box`` in mm; else the page's upper middle): its middle over the
    name's second half, above or below the name's line by an eighth to a third of its
    size, so its ring and lettering run through the name; the ink lies over the print (it
    darkens what it falls on), uneven."""
    u = dpi / 25.4
    w, h = img.size
    diameter = rng.uniform(*STAMP_MM)
    size = max(8, round(diameter * u))
    x0, y0, x1, y1 = name_box or (w / u * 0.35, h / u * 0.4, w / u * 0.65, h / u * 0.42)
    cx = x0 + rng.uniform(0.45, 0.9) * (x1 - x0)
    cy = (y0 + y1) / 2 + rng.choice((-1, 1)) * rng.uniform(0.12, 0.32) * diameter
    ink = rng.choice(STAMP_INKS)
    seal = stamp(size, rng, "MADRASAH TSANAWIYAH NEGERI", ink, seal="kemenag")
    g = np.random.default_rng(rng.getrandbits(32))
    uneven = cv2.resize(g.uniform(0.55, 1.0, (6, 6)).astype(np.float32), (size, size),
                        interpolation=cv2.INTER_CUBIC)
    share = np.asarray(seal.split()[-1], np.float32) / 255 * np.clip(uneven, 0, 1)
    layer = np.zeros((h, w), np.float32)
    px, py = round(cx * u - size / 2), round(cy * u - size / 2)
    sx0, sy0, sx1, sy1 = max(0, -px), max(0, -py), min(size, w - px), min(size, h - py)
    if sx1 > sx0 and sy1 > sy0:
        layer[py + sy0:py + sy1, px + sx0:px + sx1] = share[sy0:sy1, sx0:sx1]
    arr = np.asarray(img.convert("RGB"), np.float32)
    arr *= 1 - layer[..., None] * (1 - np.array(ink, np.float32) / 255)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


# -- framed behind glass, photographed on the wall ----------------------------------------

def _moulding(shape: tuple[int, int], rng: random.Random, width: float) -> np.ndarray:
    """The frame's moulding face (h, w, 3) ``width`` px wide: each side shaded by the
    light from above (the top brightest, the foot darkest, the mitres where two meet), a
    rounded profile with a bright ridge and a dark groove near its inner edge, a grain
    along each side."""
    h, w = shape
    colour = np.array(rng.choice(MOULDINGS), np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    sides = np.stack([yy, w - 1 - xx, h - 1 - yy, xx])      # top, right, foot, left
    which = np.argmin(sides, axis=0)
    t = np.clip(np.min(sides, axis=0) / width, 0, 1)        # 0 outer edge .. 1 inner
    light = np.array((1.12, 0.92, 0.78, 1.0), np.float32)[which]
    profile = 0.82 + 0.22 * np.sin(math.pi * t) + 0.18 * np.exp(-((t - 0.3) / 0.06) ** 2) \
        - 0.3 * np.exp(-((t - 0.85) / 0.05) ** 2)
    g = np.random.default_rng(rng.getrandbits(32))
    along = np.where(which % 2 == 0, xx, yy)
    grain = 0.04 * np.sin(along * 0.02 + 40 * t + g.uniform(0, 6)) + \
        0.03 * np.sin(t * 90 + np.sin(along * 0.01) * 3)
    return colour[None, None, :] * (light * profile + grain)[..., None]


def framed_page(page: np.ndarray, rng: random.Random, u: float) -> np.ndarray:
    """The page (h, w, 3 floats at ``u`` px a mm) behind a mat and in a moulding: the
    mat's window laps 3-7 mm over the page's edges, its bevelled edge bright below and
    right and shaded above and left (the page a little shaded under its top edge), the
    mat 16-28 mm wide, the moulding 10-18 mm. Returns the framed picture (H, W, 3)."""
    h, w = page.shape[:2]
    hide = round(rng.uniform(*FRAME["hide_mm"]) * u)
    mat = round(rng.uniform(*FRAME["mat_mm"]) * u)
    mould = round(rng.uniform(*FRAME["moulding_mm"]) * u)
    edge = mat + mould
    H, W = h - 2 * hide + 2 * edge, w - 2 * hide + 2 * edge
    out = _moulding((H, W), rng, mould)
    card = np.array(rng.choice(MATS), np.float32)
    out[mould:H - mould, mould:W - mould] = card
    win = page[hide:h - hide, hide:w - hide].copy()
    wh, ww = win.shape[:2]
    shade = np.ones((wh, ww), np.float32)
    deep = max(1.0, rng.uniform(1.5, 3.0) * u)
    ys, xs = np.arange(wh, dtype=np.float32)[:, None], np.arange(ww, dtype=np.float32)[None]
    shade *= 1 - 0.18 * np.exp(-ys / deep) - 0.1 * np.exp(-xs / deep)
    out[edge:edge + wh, edge:edge + ww] = win * shade[..., None]
    bevel = max(1, round(1.2 * u))
    lit, dim = np.minimum(card * 1.06 + 8, 255), card * 0.8
    out[edge - bevel:edge, edge - bevel:W - edge + bevel] = dim            # top: shaded
    out[edge:H - edge, edge - bevel:edge] = dim                            # left
    out[H - edge:H - edge + bevel, edge - bevel:W - edge + bevel] = lit    # foot: lit
    out[edge:H - edge, W - edge:W - edge + bevel] = lit                    # right
    lip = max(1, round(2.0 * u))   # the moulding's shadow on the mat's top
    top = np.exp(-np.arange(3 * lip, dtype=np.float32) / lip)[:, None, None]
    out[mould:mould + 3 * lip, mould:W - mould] *= 1 - 0.25 * top
    return out


def frame_corners(size: tuple[int, int], view: tuple[int, int], rng: random.Random
                  ) -> np.ndarray:
    """Where the framed picture's corners (of ``size``) land in a phone's picture of
    ``view`` (top-left, top-right, foot-right, foot-left): a pinhole camera tilted a
    little (:func:`scansim.phone.projected_corners`), always from below (its top edge the
    shorter, the frame hung above the eye), so far aside as the tilt falls."""
    corners, _ = projected_corners(size[0], size[1], view[0], view[1], rng,
                                   cover=FRAME["cover"], max_tilt=FRAME["tilt"])
    top = np.linalg.norm(corners[1] - corners[0])
    foot = np.linalg.norm(corners[2] - corners[3])
    if top > foot:   # seen from above: as it is from below, mirrored top to foot
        corners = corners[[3, 2, 1, 0]] * np.array([1, -1]) + np.array([0, view[1]])
    return corners.astype(np.float32)


def glass_light(size: tuple[int, int], rng: random.Random, u: float) -> np.ndarray:
    """The light the glass throws back (h, w, 0..1): a window's reflection
    (:func:`scansim.ktp_group25.window_reflection`) as strong as ``FRAME["window"]``
    and a lamp's round hot spot 18-36 mm across, nearly white at its heart."""
    w, h = size
    lift = window_reflection(size, rng, strength=FRAME["window"])
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0.15, 0.85) * w, rng.uniform(0.1, 0.5) * h
    r = rng.uniform(*FRAME["lamp_mm"]) * u / 2
    spot = np.exp(-(np.hypot((xx - cx) / 1.3, yy - cy) / r) ** 2)
    return np.clip(lift + rng.uniform(*FRAME["lamp"]) * spot, 0, 0.97)


def _oriented_jpeg(view: Image.Image, orientation: int, quality: int) -> Image.Image:
    """``view`` saved as a phone saves it: its pixels turned as the sensor held them, the
    EXIF Orientation tag saying how to turn them back (:data:`scansim.phone.ORIENTATIONS`)."""
    turn = ORIENTATIONS[orientation]
    stored = view if turn is None else view.transpose(turn)
    exif = Image.Exif()
    exif[EXIF_ORIENTATION_TAG] = orientation
    buf = io.BytesIO()
    stored.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
    buf.seek(0)
    out = Image.open(buf)
    out.load()
    return out


def bingkai_kaca(img: Image.Image, rng: random.Random, dpi: int, *,
                 orientation: int | None = None, reflections: bool = True) -> Image.Image:
    """The diploma hung framed behind glass on a wall, photographed there by a phone: the
    page in its mat and moulding (:func:`framed_page`), seen from a little below and to
    one side (:func:`frame_corners`: the frame keystoned, its top the shorter), the wall
    round it in its paint with the frame's soft shadow below and beside; on the glass
    over the mat and page a window's reflection and a lamp's hot spot (:func:`glass_light`;
    left out with ``reflections`` False, every other draw the same) washing part of the
    print out; the room's light falling off, a touch out of focus, the phone's noise;
    saved as a JPEG whose pixels lie as the phone held them, the EXIF Orientation tag
    (``orientation``: 1 level, 3 the other way up; else drawn) saying how to turn them."""
    u = dpi / 25.4
    w, h = img.size
    orientation = orientation or rng.choice(ORIENTED)
    mat_w = (w / u - 2 * FRAME["hide_mm"][1] + 2 * (FRAME["mat_mm"][1] + FRAME["moulding_mm"][1]))
    corners = frame_corners((round(mat_w * u), round(mat_w * u * h / w)), (w, h), rng)
    scale = min(1.0, 1.08 * float(np.linalg.norm(corners[2] - corners[3])) / (mat_w * u))
    small = img.convert("RGB").resize((round(w * scale), round(h * scale)), Image.LANCZOS)
    picture = framed_page(np.asarray(small, np.float32), rng, u * scale)
    ph, pw = picture.shape[:2]
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    matrix = cv2.getPerspectiveTransform(src, corners)
    warped = cv2.warpPerspective(picture, matrix, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(np.ones((ph, pw), np.float32), matrix, (w, h),
                                flags=cv2.INTER_LINEAR)
    inner = np.zeros((ph, pw), np.float32)
    mould = int(FRAME["moulding_mm"][0] * u * scale)
    inner[mould:ph - mould, mould:pw - mould] = 1          # the glass, inside the moulding
    glass = cv2.warpPerspective(inner, matrix, (w, h), flags=cv2.INTER_LINEAR)
    wall = np.array(rng.choice(WALLS), np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    room = wall[None, None, :] * (1.02 - 0.12 * yy / h - 0.06 * np.abs(xx / w - 0.5))[..., None]
    k = 8   # the frame's soft shadow on the wall, below and beside it: made small
    small = cv2.resize(cover, (max(2, w // k), max(2, h // k)), interpolation=cv2.INTER_AREA)
    small = cv2.warpAffine(small, np.float32([[1, 0, 1.5 * u / k], [0, 1, 4.0 * u / k]]),
                           small.shape[::-1])
    fall = cv2.resize(cv2.GaussianBlur(small, (0, 0), 4.0 * u / k), (w, h),
                      interpolation=cv2.INTER_LINEAR)
    room *= (1 - 0.35 * fall)[..., None]
    out = room * (1 - cover[..., None]) + warped * cover[..., None]
    lift = glass_light((w, h), random.Random(rng.getrandbits(32)), u)
    g = np.random.default_rng(rng.getrandbits(32))
    lx, ly = rng.uniform(0.2, 0.8) * w, rng.uniform(-0.3, 0.1) * h
    light = 1.05 - 0.22 * np.hypot(xx - lx, yy - ly) / math.hypot(w, h)
    out *= light[..., None] * np.array((1.02, 1.0, 0.95), np.float32)
    if reflections:
        out = out + (np.array(SKY, np.float32) - out) * (lift * glass)[..., None]
    out = cv2.GaussianBlur(np.clip(out, 0, 255), (0, 0), max(0.5, 0.06 * u))
    out = out + g.normal(0, 2.5, out.shape).astype(np.float32)
    view = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return _oriented_jpeg(view, orientation, rng.randint(*FRAME["quality"]))


# -- the dark blank copied in grey --------------------------------------------------------

def kertas_gelap(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page on its dark blank handed in as a grey photocopy: the copier reads it in
    grey and lays its toner from a little grey paper (96-99 %) down to a black of 12-16 %,
    so the deep green ground comes out a middling grey, the guilloche and microtext a
    shade either side of it and the print (and the stamp) only so much darker; the toner
    mottled over the large grey ground and grainy; grey whether scanned in grey or in
    colour."""
    u = dpi / 25.4
    g = np.random.default_rng(rng.getrandbits(32))
    grey = np.asarray(img.convert("L"), np.float32) / 255
    black, white = rng.uniform(*COPY["black"]), rng.uniform(*COPY["white"])
    tone = black + (white - black) * grey
    h, w = grey.shape
    coarse = g.normal(0, 1, (max(2, round(h / (6 * u))), max(2, round(w / (6 * u)))))
    mottle = cv2.resize(coarse.astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    tone = tone * (1 + rng.uniform(*COPY["mottle"]) * mottle)
    tone = tone + g.normal(0, rng.uniform(*COPY["grain"]), (h, w)).astype(np.float32)
    tone = cv2.GaussianBlur(tone, (0, 0), max(0.4, 0.05 * u))
    return Image.fromarray(np.uint8(np.clip(tone * 255, 0, 255)), "L").convert("RGB")


FINISHES = {"bingkai_kaca": bingkai_kaca, "kertas_gelap": kertas_gelap}
GROUP25_CUES = {"stie_ketua": stie_ketua, "mts_bertanda": mts_bertanda}
GROUP25_BORDERS = {"wajik": wajik, "lereng": lereng}
HEADERS = {"stie_kepala": stie_kepala, "mts_kepala": mts_kepala}
STICKERS = {"cap_nama": cap_nama}

__all__ = ["COPY", "FINISHES", "FRAME", "GOLD", "GROUND", "GROUP25_BORDERS", "GROUP25_CUES",
           "GUILLOCHE_DARK", "GUILLOCHE_LIGHT", "HEADERS", "MATS", "MICRO", "MOULDINGS",
           "ORIENTED", "STAMP_INKS", "STAMP_MM", "STICKERS", "WALLS", "bingkai_kaca",
           "cap_nama", "frame_corners", "framed_page", "glass_light", "kertas_gelap",
           "lereng", "mts_bertanda", "mts_kepala", "stie_kepala", "stie_ketua", "wajik"]
