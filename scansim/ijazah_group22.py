"""Twenty-second-group diplomas: a private university's diploma worded in English first
(GFS Artemisia, in a band of cross-stitch), the university, "IJAZAH" and the holder's name
in a blackletter (Blankenburg), "This is to certify that" over "dengan ini menyatakan
bahwa", each row's English label over its Indonesian one, scanned with a clerk's sticky
note left on it; and a diploma of a Sekolah Menengah Umum (SMU, as senior high schools
were named from 1994 to 2003: the level printed is not "SMA"), its blank (Essays 1743, in
a band of two crossing waves) numbered in red at the top, its rows filled in by a
dot-matrix printer whose pass ran off the form's dotted lines, handed in stapled to the
sheets behind it with its corner folded down, the sheet under it showing there."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from formgen.core.yamlfile import load_yaml
from scansim.handwriting import write_line
from scansim.ijazah_era import by_year
from scansim.ijazah_holders import title_case, titled
from scansim.ijazah_numbers import styled_number
from scansim.ktp_prints import dot_text
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group22.yaml"
RIBBON = (40, 40, 50)          # a dot-matrix printer's black ribbon, worn a little
NUMBERING = (176, 38, 44)      # a numbering machine's red
NOTES = ((252, 236, 120), (250, 196, 210), (204, 240, 172))   # sticky notes
PASS_MM = {"dx": (-1.0, 2.5), "dy": (-2.0, 1.4), "turn": (-0.5, 0.5)}
# how far the printer's pass over the form ran off its dotted lines: right, down (mm) and
# turned (degrees)
FOLD_MM = {"top_right": (16.0, 24.0), "bottom_right": (15.0, 24.0)}
# a folded corner's legs (mm) in each corner it is folded at


@cache
def _data() -> dict:
    """The twenty-second group's wording (data/ijazah_group22.yaml)."""
    return load_yaml(DATA)


KEEP_CASE = {"Smu": "SMU", "Ii": "II"}   # words written so in Title Case


def _shifted(arr: np.ndarray, down: int, right: int) -> np.ndarray:
    """``arr`` moved ``down`` rows and ``right`` columns (either may be negative), what
    comes in from beyond its edges zero."""
    out = np.zeros_like(arr)
    h, w = arr.shape[:2]
    out[max(0, down):h + min(0, down), max(0, right):w + min(0, right)] = \
        arr[max(0, -down):h - max(0, down), max(0, -right):w - max(0, right)]
    return out


# -- frames -------------------------------------------------------------------------------

def kristik(img: Image.Image, color, rng: random.Random, *, dpi: int,
            margin_mm: float) -> None:
    """A thin rule, a band 5 mm wide of cross-stitch (small crosses on a grid forming a
    chain of diamonds, a cross at each diamond's heart) and a thin rule inside it."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    thin = max(1, round(0.25 * u))
    band = 5.0 * u
    d.rectangle([m, m, w - m, h - m], outline=color, width=thin)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    cell = band / 5
    arm = 0.36 * cell
    width = max(1, round(0.14 * u))

    def cross(x: float, y: float) -> None:
        d.line([(x - arm, y - arm), (x + arm, y + arm)], fill=color, width=width)
        d.line([(x - arm, y + arm), (x + arm, y - arm)], fill=color, width=width)

    def run(length: float, place) -> None:
        n = int(length / cell)
        for k in range(n):
            zig = abs((k % 8) - 4)                      # 4 3 2 1 0 1 2 3: a diamond chain
            rows = {zig if zig < 5 else 4, 4 - zig if zig < 5 else 0}
            if k % 8 == 0:
                rows.add(2)                             # the cross at a diamond's heart
            for r in rows:
                place(k * cell + cell / 2, r * cell + cell / 2)

    run(w - 2 * m, lambda a, b: cross(m + a, m + b))
    run(w - 2 * m, lambda a, b: cross(m + a, h - m - band + b))
    run(h - 2 * m - 2 * band, lambda a, b: cross(m + b, m + band + a))
    run(h - 2 * m - 2 * band, lambda a, b: cross(w - m - band + b, m + band + a))


def ombak(img: Image.Image, color, rng: random.Random, *, dpi: int,
          margin_mm: float) -> None:
    """Two rules 5 mm apart with two waves crossing between them (a small ring at each
    crossing) and a solid square at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 5.0 * u
    width = max(1, round(0.2 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.35 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=width)
    period = rng.uniform(7.0, 8.0) * u
    amp = 0.32 * band
    ring = max(1.0, 0.35 * u)

    def run(x0: float, y0: float, length: float, across: bool) -> None:
        steps = np.linspace(0, length, max(8, int(length / (0.4 * u))))
        for sign in (1, -1):
            pts = [(t, sign * amp * math.sin(2 * math.pi * t / period)) for t in steps]
            pts = [(x0 + b, y0 + a) if across else (x0 + a, y0 + b) for a, b in pts]
            d.line(pts, fill=color, width=width, joint="curve")
        t = 0.0
        while t <= length:   # the waves cross every half period
            cx, cy = (x0, y0 + t) if across else (x0 + t, y0)
            d.ellipse([cx - ring, cy - ring, cx + ring, cy + ring], outline=color,
                      width=max(1, round(0.12 * u)))
            t += period / 2

    mid = m + band / 2
    run(m + band, mid, w - 2 * (m + band), False)
    run(m + band, h - mid, w - 2 * (m + band), False)
    run(mid, m + band, h - 2 * (m + band), True)
    run(w - mid, m + band, h - 2 * (m + band), True)
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            q = 0.32 * band
            d.rectangle([cx - q, cy - q, cx + q, cy + q], fill=color)


# -- the English-first university diploma --------------------------------------------------

def gotik_kampus(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                 size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The university's emblem, its name in the blackletter, "IJAZAH" large in it,
    "D I P L O M A" under it, the programme in Indonesian and in English and the number
    under a bilingual label. Returns the y (mm) the holder's part begins at and the
    number."""
    words = _data()["gotik"]
    wmm = size_mm[0]
    draw_seal(p.d, dz.seal, p.w / 2, 34 * p.u, 11 * p.u, dz.accent)
    p.centre(50, titled(school, KEEP_CASE), dz.title, 8.0, fill=dz.accent, width_mm=wmm * 0.76)
    p.centre(62, "Ijazah", dz.title, 15.0, fill=dz.accent)
    p.centre(81, words["diploma"], dz.heading, 4.2)
    p.centre(88, f"{spec['title']} ({spec['short']})", dz.heading, 4.0)
    p.centre(94, words["programmes"][spec["jenjang"]], "artemisia_italic", 3.6)
    p.level = spec["jenjang"]   # the holder's part names the programme and degree too
    nomor = styled_number("seri", "", spec=spec, tahun=tahun, school=school, rng=rng)
    p.centre(101, f"{words['number']} : {nomor}", dz.body, 3.2)
    return 111.0, nomor


def certify_gotik(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """"This is to certify that" over "dengan ini menyatakan bahwa", the holder's name
    large in the blackletter in Title Case in the accent colour over a rule with a
    lozenge, the rows (each English label over its Indonesian one, the study programme
    in both languages) and the award of the degree in English. The name's box (mm) is
    kept as ``p.name_box``."""
    body, big = sizes
    words = _data()["gotik"]
    wmm = p.w / p.u
    p.centre(y, words["certify"], "artemisia_italic", body * 1.45)
    p.centre(y + body * 1.45 + 1.6, words["menyatakan"], "artemisia_italic", body * 0.9,
             fill=(88, 88, 96))
    y += body * 2.4 + 5
    shown = title_case(name)
    p.name(None, y, shown, dz.name_face, big * 1.5, wmm * 0.74, body, dz.accent, "mt")
    x0, _, x1, bottom = p.name_box
    rule = bottom + 3.0
    span = max(40.0, (x1 - x0) / 2 + 4)
    cx = p.w / 2
    p.d.line([(cx - span * p.u, rule * p.u), (cx + span * p.u, rule * p.u)], fill=dz.accent,
             width=max(1, round(0.22 * p.u)))
    q = 1.1 * p.u
    p.d.polygon([(cx - q, rule * p.u), (cx, rule * p.u - q), (cx + q, rule * p.u),
                 (cx, rule * p.u + q)], fill=dz.accent)
    y = rule + 7
    values = dict(rows)
    lab_x, col_x = wmm * 0.17, wmm * 0.17 + 54
    for key, (english, indonesian) in words["rows"].items():
        if key not in values:
            continue
        value = values[key]
        if key == "program studi":
            value = f"{value} / {words['studies'].get(value, value)}"
        p.text(lab_x, y, english, dz.heading, body * 0.92)
        p.text(lab_x, y + body * 0.95 + 0.4, indonesian, "artemisia_italic", body * 0.72,
               fill=(88, 88, 96))
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, dz.body, body, width_mm=wmm * 0.83 - col_x)
        y += body * 1.9 + 2.6
    jenjang = getattr(p, "level", "S1")   # as the face above named the programme
    programme = words["programmes"][jenjang]
    p.centre(y + 1, words["awarded"].format(programme=programme), "artemisia_italic", body,
             width_mm=wmm * 0.78)
    p.centre(y + body + 3.5, words["degrees"][jenjang],
             dz.heading, body * 1.3)
    return y + body * 2.6 + 7


# -- the SMU blank filled in by a dot-matrix printer ---------------------------------------

def smu_blanko(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
               size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The SMU blank's face: the emblem, "REPUBLIK INDONESIA", the ministry of the year,
    "IJAZAH", "SEKOLAH MENENGAH UMUM" and the school year; its serial number stamped in
    red by a numbering machine at the top right ("No. 05 Mu 0012345"). Returns the y (mm)
    the holder's part begins at and the number."""
    words = _data()["smu"]
    ministry = by_year(sorted(words["ministries"].items()), tahun)
    draw_seal(p.d, dz.seal, p.w / 2, 34 * p.u, 12 * p.u, (150, 120, 40))
    p.centre(50, "REPUBLIK INDONESIA", dz.heading, 4.6)
    p.centre(56.5, ministry, dz.body, 3.6, width_mm=size_mm[0] * 0.75)
    p.centre(64, dz.title_text, dz.title, 13.0, fill=dz.accent)
    p.centre(82, words["level"], dz.heading, 5.4)
    p.centre(90, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.6)
    nomor = f"{rng.randint(1, 27):02d} Mu {rng.randint(0, 9999999):07d}"
    p.text(size_mm[0] - 27, 22, f"No. {nomor}", "gw_mono", 3.6, fill=NUMBERING, anchor="ra")
    return 101.0, nomor


def matriks_isian(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """The blank's opening, then its rows (the name first), each a printed label, a colon
    and a dotted line; the values struck by a dot-matrix printer (the name in capitals, a
    little larger) on a pass that ran off the form: all of them shifted and a little
    turned against the dotted lines. The name's box (mm) is kept as ``p.name_box``."""
    body, _ = sizes
    words = _data()["smu"]
    rng = random.Random(f"matriks-{name}")   # this diploma's printing: the same each time
    wmm = p.w / p.u
    lab_x, col_x, end = wmm * 0.14, wmm * 0.14 + 54, wmm * 0.86
    p.text(lab_x, y, words["opening"], dz.body, body, width_mm=end - lab_x)
    y += body + 7
    values = dict(rows)
    school = titled(values.get("satuan pendidikan", ""), KEEP_CASE)
    items = [(words["name"], name)]
    for key, shown in words["rows"].items():
        if key in values:
            value = values[key][-5:] if key == "nomor induk siswa nasional" else values[key]
            items.append((shown, value))
    items += [(words["program"], rng.choice(words["programs"])), (words["school"], school)]
    dot_font = p.font(dz.body, body)
    dots = "." * int((end - col_x) * p.u / p.d.textlength(".", font=dot_font))
    fill = Image.new("L", p.img.size, 0)
    fd = ImageDraw.Draw(fill)
    name_box = (0.0, 0.0, 0.0, 0.0)
    for k, (label, value) in enumerate(items):
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y + 0.7, dots, dz.body, body, fill=(120, 110, 100))
        size = body * (1.2 if k == 0 else 1.0)
        top = y - (size - body) * 0.8 - 0.3
        fnt = p.font(dz.name_face, size)
        dot_text(fd, ((col_x + 2) * p.u, top * p.u), value, fnt, 255, rows=9, dot=0.36)
        if k == 0:
            name_box = (col_x + 2, top, col_x + 2 + p.d.textlength(value, font=fnt) / p.u,
                        top + size)
        y += body + 7
    dx, dy = rng.uniform(*PASS_MM["dx"]), rng.uniform(*PASS_MM["dy"])
    turn = rng.uniform(*PASS_MM["turn"])
    pivot = (col_x * p.u, (y - 20) * p.u)
    move = cv2.getRotationMatrix2D(pivot, turn, 1.0)
    move[:, 2] += (dx * p.u, dy * p.u)
    moved = cv2.warpAffine(np.asarray(fill), move, fill.size)
    p.img.paste(RIBBON, (0, 0), Image.fromarray(moved))
    corners = np.array([[name_box[0], name_box[1], 1], [name_box[2], name_box[3], 1]]) * \
        np.array([p.u, p.u, 1])
    (x0, y0), (x1, y1) = (corners @ move.T) / p.u
    p.name_box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return y


# -- how the pages were handed in ---------------------------------------------------------

def memo_tempel(img: Image.Image, rng: random.Random, dpi: int, *,
                place: str | None = None) -> Image.Image:
    """Scanned with a clerk's sticky note on it: a square note 45-55 mm, yellow, pink or
    green, a little askew, stuck over the frame's top right corner or over the photo
    (``place``: "corner" or "photo"; else one drawn), a note of one to three lines written
    on it in ballpoint; its free edge lifted off the glass (darker) and casting a thin
    shadow on the page."""
    u = dpi / 25.4
    w, h = img.size
    place = place or rng.choice(("corner", "photo"))
    side = int(rng.uniform(45, 55) * u)
    colour = rng.choice(NOTES)
    note = Image.new("RGB", (side, side), colour)
    lift = np.linspace(0, 1, side, dtype=np.float32)[:, None] ** 3   # the free edge, below
    arr = np.asarray(note, np.float32) * (1 - 0.1 * lift[..., None])
    note = Image.fromarray(np.uint8(arr), "RGB")
    lines = rng.choice(_data()["memo"]["notes"])
    for k, text in enumerate(lines):
        write_line(note, (0.1 * side, (0.2 + 0.24 * k) * side), str(text), int(4.2 * u), rng)
    mask = Image.new("L", (side, side), 255)
    angle = rng.uniform(-7, 7)
    note = note.rotate(angle, expand=True, resample=Image.BICUBIC)
    mask = mask.rotate(angle, expand=True, resample=Image.BICUBIC)
    if place == "corner":
        cx, cy = w - rng.uniform(28, 36) * u, rng.uniform(26, 34) * u
    else:   # over the photo, at the foot on the left
        cx, cy = w * 0.18 + rng.uniform(12, 20) * u, h - rng.uniform(48, 56) * u
    x, y = int(cx - note.width / 2), int(cy - note.height / 2)
    page = np.asarray(img.convert("RGB"), np.float32)
    shadow = np.zeros(page.shape[:2], np.float32)
    shadow[max(0, y):y + mask.height, max(0, x):x + mask.width] = \
        (np.asarray(mask, np.float32) / 255)[max(0, -y):h - y, max(0, -x):w - x]
    shadow = _shifted(cv2.GaussianBlur(shadow, (0, 0), 0.6 * u), int(0.8 * u), int(0.5 * u))
    page = page * (1 - 0.3 * shadow[..., None])
    out = Image.fromarray(np.uint8(np.clip(page, 0, 255)), "RGB")
    out.paste(note, (x, y), mask)
    return out


def _sheet_under(size: tuple[int, int], rng: random.Random, u: float) -> np.ndarray:
    """The sheet stapled under the diploma (its list of marks), as far as a folded corner
    shows it: white paper, a ruled table's rules and rows of grey words."""
    w, h = size
    img = Image.new("L", size, 246)
    d = ImageDraw.Draw(img)
    for k in range(int(h / (7 * u)) + 1):
        y = (12 + 7 * k) * u
        d.line([(0, y), (w, y)], fill=90, width=max(1, round(0.2 * u)))
        x = rng.uniform(2, 8) * u
        while x < w:
            length = rng.uniform(4, 14) * u
            d.rectangle([x, y - 4.6 * u, x + length, y - 2.4 * u], fill=150)
            x += length + rng.uniform(1.5, 3) * u
    d.line([(w - 30 * u, 0), (w - 30 * u, h)], fill=90, width=max(1, round(0.2 * u)))
    return np.asarray(img, np.float32)


def dog_ear(img: Image.Image, rng: random.Random, dpi: int, corner: str) -> Image.Image:
    """``corner`` ("top_right" or "bottom_right") folded down over the page: beyond the
    fold the sheet stapled under it shows, the folded flap lies over the diploma showing
    the paper's back (the print faint through it, mirrored) with a thin shadow round it."""
    u = dpi / 25.4
    if corner == "bottom_right":   # folded the same way, seen upside down
        flipped = img.transpose(Image.FLIP_TOP_BOTTOM)
        return dog_ear(flipped, rng, dpi, "top_right").transpose(Image.FLIP_TOP_BOTTOM)
    a, b = (rng.uniform(FOLD_MM[corner][0], FOLD_MM[corner][1]) * u for _ in range(2))
    arr = np.asarray(img.convert("RGB"), np.float32).copy()
    h, w = arr.shape[:2]
    box = int(min(w, h, 1.2 * (a + b)))
    x0 = w - box
    yy, xx = np.mgrid[0:box, x0:w].astype(np.float32)
    beyond = (w - xx) / a + yy / b < 1                          # the folded-off corner
    nx, ny = 1 / a, 1 / b                                        # the fold's normal ...
    norm = math.hypot(nx, ny)
    nx, ny = nx / norm, ny / norm
    dist = ((w - xx) / a + yy / b - 1) / norm                    # ... and distance to it
    rx = xx - 2 * dist * (-nx)                                   # each point's mirror
    ry = yy - 2 * dist * ny
    flap = (~beyond) & ((w - rx) / a + ry / b < 1) & (rx < w) & (ry >= 0)
    region = arr[0:box, x0:w]
    under = _sheet_under((box, box), rng, u)[..., None].repeat(3, axis=2)
    paper = np.percentile(region.reshape(-1, 3), 90, axis=0)
    src = cv2.remap(region, np.clip(rx - x0, 0, box - 1), np.clip(ry, 0, box - 1),
                    cv2.INTER_LINEAR)
    back = paper * 0.95 - 0.08 * (paper - src)                   # the back, print faint
    shade = np.exp(-np.clip(-dist, 0, None) / (1.5 * u)) * beyond   # the fold's shadow
    under = under * (1 - 0.35 * shade[..., None])
    out = np.where(beyond[..., None], under, region)
    edge = cv2.GaussianBlur(flap.astype(np.float32), (0, 0), 0.7 * u)
    rim = _shifted(edge, int(0.6 * u), -int(0.6 * u))
    out = out * (1 - 0.28 * np.clip(rim - flap, 0, 1)[..., None])
    out = np.where(flap[..., None], back, out)
    arr[0:box, x0:w] = out
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def staple(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """A staple through the top left corner, slanting: its steel crown with a glint and
    a soft shadow, the paper pinched round its legs."""
    u = dpi / 25.4
    out = img.convert("RGB").copy()
    cx, cy = rng.uniform(10, 15) * u, rng.uniform(10, 15) * u
    angle = math.radians(rng.uniform(-55, -35))
    half = 6.0 * u
    ends = [(cx - half * math.cos(angle), cy - half * math.sin(angle)),
            (cx + half * math.cos(angle), cy + half * math.sin(angle))]
    shade = Image.new("L", out.size, 0)
    ImageDraw.Draw(shade).line([(x + 0.5 * u, y + 0.6 * u) for x, y in ends], fill=110,
                               width=max(2, round(1.2 * u)))
    shade = shade.filter(ImageFilter.GaussianBlur(0.5 * u))
    out.paste((40, 40, 40), (0, 0), shade)
    d = ImageDraw.Draw(out)
    d.line(ends, fill=(84, 86, 92), width=max(2, round(0.75 * u)))
    d.line(ends, fill=(196, 198, 204), width=max(1, round(0.22 * u)))
    for x, y in ends:
        r = 0.45 * u
        d.ellipse([x - r, y - r, x + r, y + r], fill=(70, 70, 74))
    return out


def jepret_lipat(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Handed in stapled to the sheets behind it: a staple through the top left corner
    and a right-hand corner folded down, the sheet under it showing beyond the fold."""
    img = staple(img, rng, dpi)
    return dog_ear(img, rng, dpi, rng.choice(sorted(FOLD_MM)))


FINISHES = {"memo_tempel": memo_tempel, "jepret_lipat": jepret_lipat}
GROUP22_CUES = {"certify_gotik": certify_gotik, "matriks_isian": matriks_isian}
GROUP22_BORDERS = {"kristik": kristik, "ombak": ombak}
HEADERS = {"gotik_kampus": gotik_kampus, "smu_blanko": smu_blanko}

__all__ = ["FINISHES", "FOLD_MM", "GROUP22_BORDERS", "GROUP22_CUES", "HEADERS", "NOTES",
           "NUMBERING", "PASS_MM", "RIBBON", "certify_gotik", "dog_ear", "gotik_kampus",
           "jepret_lipat", "kristik", "matriks_isian", "memo_tempel", "ombak", "smu_blanko",
           "staple"]
