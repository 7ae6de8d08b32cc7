"""Seventeenth-group diplomas: a madrasah's diploma (MTs or MA) of the Kementerian Agama
whose head is set in two scripts, the ministry and the republic in Indonesian at the left
of the emblem and in Arabic at its right, "IJAZAH" over "الشهادة" and the madrasah's kind
in both, the holder's particulars in a table of ruled cells (a number, the label in
Indonesian with its Arabic under it, the value; "Nama Lengkap" first), in a chain of
interlocking rings (PT Serif, Jara, Noto Naskh Arabic), on security paper printed with a
fine halftone tint that the copy turned into a strong moiré (bands and swirls of tint
across the page where the screen beat against the copier's grid); and a polytechnic's D3
or D4 diploma (Cantarell, Open Sans) in a frame of mega mendung (the layered clouds of
Cirebon batik), the holder's rows set with dotted leaders from each label to its colon
("Nama ........ :"), copied reduced to fit A4 while it lay in a folder beside its
transcript: the diploma smaller in one corner of the sheet, the transcript's edge and the
first or last columns of its table beside it past a dark gutter, the copier's lid
below."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from scansim.ijazah_faces import face
from scansim.ijazah_numbers import styled_number
from scansim.ornament import draw_seal

# The madrasah's kind as the head prints it, in Indonesian and in Arabic.
KINDS = {"MTS": ("MADRASAH TSANAWIYAH", "المدرسة الثانوية"),
         "MA": ("MADRASAH ALIYAH", "المدرسة العالية")}
LONG = {"Mts": "Madrasah Tsanawiyah", "MTs": "Madrasah Tsanawiyah", "Ma": "Madrasah Aliyah",
        "MA": "Madrasah Aliyah"}
# The table's rows: the row of data it shows, its Indonesian label and its Arabic one.
CELLS = (("", "Nama Lengkap", "الاسم الكامل"),
         ("tempat dan tanggal lahir", "Tempat dan Tanggal Lahir", "مكان وتاريخ الميلاد"),
         ("nama orang tua/wali", "Nama Orang Tua/Wali", "اسم ولي الأمر"),
         ("nomor induk siswa nasional", "Nomor Induk Siswa Nasional", "رقم القيد الوطني"))
DEPARTMENTS = {"Teknik Sipil": "Teknik Sipil", "Arsitektur": "Teknik Sipil",
               "Teknik Elektro": "Teknik Elektro"}


def dua_aksara(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
               size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The madrasah diploma's head: the emblem in the middle, "KEMENTERIAN AGAMA / REPUBLIK
    INDONESIA" at its left and the same in Arabic at its right, a double rule, "IJAZAH"
    over "الشهادة", the madrasah's kind in both scripts, the school year and the number.
    Returns the y (mm) the holder's part begins at and the number."""
    wmm = size_mm[0]
    left, right = wmm * 0.13, wmm * 0.87
    top = 22.0
    draw_seal(p.d, dz.seal, p.w / 2, (top + 7) * p.u, 11 * p.u, (150, 120, 40))
    p.text(left, top, "KEMENTERIAN AGAMA", dz.heading, 4.3)
    p.text(left, top + 6.2, "REPUBLIK INDONESIA", dz.heading, 4.3)
    p.text(right, top - 1.2, "وزارة الشؤون الدينية", "naskh_bold", 5.0, anchor="ra")
    p.text(right, top + 5.6, "جمهورية إندونيسيا", "naskh_bold", 5.0, anchor="ra")
    rule = top + 19.5
    heavy, thin = max(2, round(0.6 * p.u)), max(1, round(0.2 * p.u))
    p.d.line([(left * p.u, rule * p.u), (right * p.u, rule * p.u)], fill=dz.accent,
             width=heavy)
    p.d.line([(left * p.u, (rule + 1.3) * p.u), (right * p.u, (rule + 1.3) * p.u)],
             fill=dz.accent, width=thin)
    y = rule + 5
    p.centre(y, dz.title_text, dz.title, 11.5, fill=dz.accent)
    p.centre(y + 13.5, "الشهادة", "naskh_bold", 7.0, fill=dz.accent)
    kind, arabic = KINDS.get(spec["short"].upper(), (spec["title"], ""))
    y += 26
    p.centre(y, f"{kind} ({spec['short']})", dz.heading, 5.0)
    p.centre(y + 6.5, arabic, "naskh", 4.8)
    y += 15.5
    p.centre(y, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.6)
    nomor = styled_number(dz.nomor_style, "", spec=spec, tahun=tahun, school=school, rng=rng)
    p.centre(y + 5.5, f"Nomor : {nomor}", dz.body, 3.3)
    return y + 14, nomor


def tabel_aksara(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                 sizes: tuple[float, float]) -> float:
    """"Kepala Madrasah ... menerangkan bahwa :" at the left, then a table of ruled cells:
    a number, the label in Indonesian with its Arabic under it (right-aligned), the value
    beside (the name first, after "Nama Lengkap", in the name's bold face)."""
    body, big = sizes
    wmm = p.w / p.u
    values = dict(rows)
    school = values.get("satuan pendidikan", "")
    first, _, rest = school.partition(" ")
    x0, x3 = wmm * 0.12, wmm * 0.88
    p.text(x0, y, f"Kepala {LONG.get(first, first)} {rest} menerangkan bahwa :", dz.body,
           body, width_mm=x3 - x0)
    y += body + 4.5
    x1, x2 = x0 + 9, x0 + 9 + 60
    thin, heavy = max(1, round(0.22 * p.u)), max(2, round(0.45 * p.u))
    top = y
    for k, (key, label, arabic) in enumerate(CELLS):
        value, role, size = (name, dz.name_face, big * 0.78) if not key else \
            (values.get(key, ""), dz.body, body)
        height = body * 1.25 + 4.6 + 4.2
        p.text(x0 + 4.5, y + 2.2, f"{k + 1}.", dz.body, body, anchor="ma")
        p.text(x1 + 2, y + 2.0, label, dz.body, body)
        p.text(x2 - 2, y + body * 1.25 + 1.6, arabic, "naskh", body * 1.05, anchor="ra")
        p.text(x2 + 3, y + (height - size) / 2 - 0.4, value, role, size,
               width_mm=x3 - x2 - 6)
        y += height
        if k < len(CELLS) - 1:
            p.d.line([(x0 * p.u, y * p.u), (x3 * p.u, y * p.u)], fill=p.ink, width=thin)
    for x in (x1, x2):
        p.d.line([(x * p.u, top * p.u), (x * p.u, y * p.u)], fill=p.ink, width=thin)
    p.d.rectangle([x0 * p.u, top * p.u, x3 * p.u, y * p.u], outline=p.ink, width=heavy)
    return y + 5


def titik_pandu(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """"Direktur, berdasarkan keputusan yudisium, menerangkan bahwa :" at the left, then
    the rows with a dotted leader from each label to its colon ("Nama ........ :"), the
    name first in bold capitals, the study programme and its department last."""
    body, big = sizes
    wmm = p.w / p.u
    values = dict(rows)
    lab_x, col_x, end = wmm * 0.13, wmm * 0.13 + 58, wmm * 0.87
    p.text(lab_x, y, "Direktur, berdasarkan keputusan yudisium, menerangkan bahwa :",
           dz.body, body, width_mm=end - lab_x)
    y += body + 6
    programme = values.get("program studi", "")
    items = [("Nama", name, dz.name_face, big * 0.82),
             ("Nomor Induk Mahasiswa", values.get("nomor induk mahasiswa", ""), dz.body, body),
             ("Tempat dan Tanggal Lahir", values.get("tempat dan tanggal lahir", ""), dz.body,
              body),
             ("Program Studi", programme, dz.body, body),
             ("Jurusan", DEPARTMENTS.get(programme, programme), dz.body, body)]
    dot = max(1, round(0.17 * p.u))
    for label, value, role, size in items:
        p.text(lab_x, y, label, dz.heading, body)
        start = lab_x + p.d.textlength(label, font=p.font(dz.heading, body)) / p.u + 1.5
        x = start * p.u
        while x < (col_x - 5) * p.u:   # the leader, on the labels' baseline
            p.d.ellipse([x, (y + body * 0.78) * p.u, x + dot, (y + body * 0.78) * p.u + dot],
                        fill=p.ink)
            x += dot * 3.4
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y - (size - body) * 0.72, value, role, size, width_mm=end - col_x)
        y += size + 3.4
    return y + 2


def cincin(img: Image.Image, color, rng: random.Random, *, dpi: int,
           margin_mm: float) -> None:
    """A chain of interlocking rings between a thin outer rule and a heavier inner one,
    each ring overlapping the next by half (lens shapes where they cross), a dot in each
    ring's middle, a larger ring at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, rng.uniform(6.5, 7.5) * u
    thin, heavy = max(1, round(0.2 * u)), max(2, round(0.5 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=thin)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=heavy)
    r = band * 0.36

    def ring(cx: float, cy: float, radius: float) -> None:
        d.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=color,
                  width=thin)

    for horizontal, fixed in ((True, m + band / 2), (True, h - m - band / 2),
                              (False, m + band / 2), (False, w - m - band / 2)):
        start, stop = m + band * 1.4, (w if horizontal else h) - m - band * 1.4
        n = max(2, int((stop - start) / r))
        for k in range(n + 1):
            t = start + k * (stop - start) / n
            cx, cy = (t, fixed) if horizontal else (fixed, t)
            ring(cx, cy, r)
            if k % 2 == 0:
                s = 0.09 * r
                d.ellipse([cx - s, cy - s, cx + s, cy + s], fill=color)
    for cx, cy in ((m + band / 2, m + band / 2), (w - m - band / 2, m + band / 2),
                   (m + band / 2, h - m - band / 2), (w - m - band / 2, h - m - band / 2)):
        ring(cx, cy, band * 0.44)
        ring(cx, cy, band * 0.26)


def _cloud(d: ImageDraw.ImageDraw, cx: float, cy: float, size: float, color, width: int,
           flip: int) -> None:
    """One mega mendung cloud: three nested outlines of a cloud of four rounded lobes
    (the largest in the middle), each closed by its base line, a scroll curling in at
    each end of the outermost."""
    lobes = ((-0.6, 0.3), (-0.22, 0.42), (0.22, 0.48), (0.62, 0.3))
    xs = np.linspace(-0.92, 0.92, 60)
    top = np.zeros_like(xs)
    for dx, r in lobes:
        top = np.maximum(top, np.sqrt(np.clip(r * r - (xs - dx) ** 2, 0, None)))
    base = cy + flip * size * 0.36
    for shrink in (1.0, 0.72, 0.44):
        s = size * shrink
        pts = [(cx + x * s, base - flip * t * s * 1.45) for x, t in zip(xs, top, strict=True)]
        d.line(pts, fill=color, width=width, joint="curve")
        d.line([pts[0], pts[-1]], fill=color, width=width)
    for side in (-1, 1):   # the scrolls at the ends, curling in
        ex, ey = cx + side * 0.92 * size, base
        spiral = []
        for j in range(40):
            a = j / 39 * 3.6 * math.pi
            rr = size * 0.26 * (1 - j / 46)
            spiral.append((ex - side * size * 0.26 + side * rr * math.cos(a),
                           ey - flip * size * 0.26 + flip * rr * math.sin(a)))
        d.line(spiral, fill=color, width=width, joint="curve")


def mega_mendung(img: Image.Image, color, rng: random.Random, *, dpi: int,
                 margin_mm: float) -> None:
    """A band of mega mendung between two rules: clouds of three nested scroll outlines
    along each side, alternately rising and hanging, a solid rule inside them."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, rng.uniform(8.5, 9.5) * u
    thin, heavy = max(1, round(0.2 * u)), max(2, round(0.6 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=thin)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=heavy)
    size = band * 0.5
    step = size * 2.05
    for fixed, flip in ((m + band / 2, 1), (h - m - band / 2, -1)):   # tops outwards
        n = max(2, int((w - 2 * m) / step))
        for k in range(n):
            _cloud(d, m + (k + 0.5) * (w - 2 * m) / n, fixed, size, color, thin, flip)
    # up the sides the clouds are drawn on a strip of their own, then turned
    strip_len = int(h - 2 * m - 2 * band)
    for x0, flip in ((m, 1), (w - m - band, -1)):
        strip = Image.new("L", (strip_len, int(band)), 0)
        sd = ImageDraw.Draw(strip)
        n = max(2, int(strip_len / step))
        for k in range(n):
            _cloud(sd, (k + 0.5) * strip_len / n, band / 2, size, 255, thin, flip)
        turned = strip.rotate(90, expand=True)
        img.paste(Image.new("RGB", turned.size, color), (int(x0), int(m + band)), turned)


def _screen(xx: np.ndarray, yy: np.ndarray, period: float, angle: float) -> np.ndarray:
    """A dot screen of ``period`` (pixels) turned by ``angle``: 1 at a dot's middle, 0
    between the dots."""
    ca, sa = math.cos(angle), math.sin(angle)
    along = (xx * ca + yy * sa) * (2 * math.pi / period)
    across = (-xx * sa + yy * ca) * (2 * math.pi / period)
    return ((1 + np.cos(along)) * (1 + np.cos(across)) / 4) ** 1.5


def moire_copy(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The diploma's security paper carries a fine halftone tint; copied, its dot screen
    and the copier's own (a little finer, at another angle, the sheet not quite flat on
    the glass) beat into a strong moiré: bands and swirls of tint a few millimetres apart
    across the page, darkest on bare paper, the print still dark over them."""
    u = dpi / 25.4
    w, h = img.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    period = rng.uniform(0.34, 0.42) * u                 # the tint's screen
    angle = rng.choice((15.0, 45.0, 75.0))
    printed = _screen(xx, yy, period, math.radians(angle))
    # the sheet lies a little wavy on the glass: the copier's screen meets it bent
    bend = rng.uniform(0.6, 1.2) * period
    wx = xx + bend * np.sin(2 * np.pi * yy / (rng.uniform(50, 80) * u) + rng.random() * 6.3)
    wy = yy + bend * np.sin(2 * np.pi * xx / (rng.uniform(40, 70) * u) + rng.random() * 6.3)
    turn = math.radians(angle + rng.choice((-1, 1)) * rng.uniform(2.0, 4.0))
    copier = _screen(wx, wy, period * rng.uniform(0.95, 0.98), turn)
    beat = printed * copier                              # where the two dots meet
    beat = np.asarray(Image.fromarray(np.uint8(np.clip(beat, 0, 1) * 255)).filter(
        ImageFilter.GaussianBlur(0.45 * u)), np.float32) / 255
    low, high = np.percentile(beat, (3, 97))
    tint = 0.3 * printed + 0.7 * np.clip((beat - low) / (high - low + 1e-6), 0, 1)
    arr = np.asarray(img, np.float32)
    light = np.clip((arr.mean(axis=2) - 90) / 140, 0, 1)[..., None]   # bare paper most
    ink = np.array((52, 116, 100), np.float32)
    share = rng.uniform(0.5, 0.62) * tint[..., None] * light
    out = arr * (1 - share) + ink * share
    out = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return out.filter(ImageFilter.GaussianBlur(max(0.5, 0.06 * u)))


def _transcript(size: tuple[int, int], rng: random.Random, u: float, shown: str
                ) -> Image.Image:
    """The edge of the transcript beside the diploma (``shown``: which part of it shows,
    its first columns at its left edge or its last at its right): a ruled table of
    courses, credits and grades, its heading cut by the sheet's end."""
    w, h = size
    page = Image.new("RGB", (w, h), (246, 245, 240))
    d = ImageDraw.Draw(page)
    fnt = face("opensans", int(2.4 * u))
    bold = face("opensans_bold", int(3.4 * u))
    thin = max(1, round(0.2 * u))
    courses = ("Matematika Teknik", "Mekanika Tanah", "Gambar Teknik", "Bahasa Inggris",
               "Statika", "Hidrologi", "Ilmu Ukur Tanah", "Teknologi Bahan", "Pancasila",
               "Struktur Beton", "Manajemen Proyek", "Kerja Praktik", "Rekayasa Jalan")
    y = 28 * u
    if shown == "first":   # its left part: the number and the course
        d.text((6 * u, 14 * u), "TRANSKRIP AKADEMIK", font=bold, fill=(40, 40, 46))
        cols = (3 * u, 9 * u, 20 * u)
    else:                  # its right part: credits, grade, points
        d.text((w - 6 * u, 14 * u), "ACADEMIC TRANSCRIPT", font=bold, fill=(40, 40, 46),
               anchor="ra")
        cols = (w - 34 * u, w - 22 * u, w - 10 * u)
    k = 0
    while y < h - 30 * u:
        d.line([(0, y), (w, y)], fill=(60, 60, 66), width=thin)
        cells = (f"{k + 1}", f"TS{rng.randint(101, 499)}", courses[k % len(courses)]) \
            if shown == "first" else (f"{rng.randint(2, 4)}", rng.choice("AAABBC"),
                                      f"{rng.choice((8, 9, 12, 6, 16))},00")
        for x, text in zip(cols, cells, strict=True):
            d.text((x, y + 1.2 * u), text, font=fnt, fill=(50, 50, 56))
        y += 5.6 * u
        k += 1
    for x in cols:
        d.line([(x - 1.5 * u, 26 * u), (x - 1.5 * u, y)], fill=(60, 60, 66), width=thin)
    return page


def reduced_copy(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Copied reduced to fit A4 while it lay open in a folder beside its transcript: the
    diploma smaller against one corner of the glass, the transcript's edge beside it past
    the dark gutter where the folder's sheets rise off the glass (the first or the last
    columns of its table showing, cut at the sheet's end), the copier's grey lid below
    both, toner specks."""
    u = dpi / 25.4
    w, h = img.size
    scale = rng.uniform(0.8, 0.86)
    small = img.resize((round(w * scale), round(h * scale)), Image.LANCZOS)
    out = Image.new("RGB", (w, h), (200, 200, 196))        # the lid, where no sheet lay
    side = rng.choice(("left", "right"))                    # where the transcript lies
    y0 = round(rng.uniform(2.0, 5.0) * u)
    gutter = round(rng.uniform(2.5, 4.5) * u)
    if side == "right":
        x0 = round(rng.uniform(2.0, 5.0) * u)
        tx, tw = x0 + small.width + gutter, w - (x0 + small.width + gutter)
    else:
        x0 = w - small.width - round(rng.uniform(2.0, 5.0) * u)
        tx, tw = 0, x0 - gutter
    th = min(h - y0, round(h * rng.uniform(0.9, 0.97)))
    if tw > 0:
        sheet = _transcript((round(tw / scale), round(th / scale)), rng, u,
                            "first" if side == "right" else "last")
        out.paste(sheet.resize((tw, th), Image.LANCZOS), (tx, y0 + round(rng.uniform(-1, 2)
                                                                         * u)))
    out.paste(small, (x0, y0))
    arr = np.asarray(out, np.float32)
    xs = np.arange(w, dtype=np.float32)
    edge = x0 + small.width if side == "right" else x0       # the gutter's middle
    mid = edge + (gutter / 2 if side == "right" else -gutter / 2)
    shade = 0.62 * np.exp(-((xs - mid) / (gutter * 0.65)) ** 2)   # the sheets rise there
    arr = arr * (1 - shade[None, :, None])
    bottom = y0 + small.height
    ys = np.arange(h, dtype=np.float32)
    under = np.clip((ys - bottom) / (3 * u), 0, 1) * 0.08    # the lid a shade darker
    arr = arr * (1 - under[:, None, None])
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    d = ImageDraw.Draw(out)
    for _ in range(rng.randint(60, 160)):
        x, y = rng.uniform(0, w - 3), rng.uniform(0, h - 3)
        r = rng.uniform(0.5, 1.6)
        d.ellipse([x, y, x + r, y + r], fill=(60, 60, 60))
    return out.filter(ImageFilter.GaussianBlur(max(0.4, 0.05 * u)))


HEADERS = {"dua_aksara": dua_aksara}
FINISHES = {"moire_copy": moire_copy, "reduced_copy": reduced_copy}
GROUP17_CUES = {"tabel_aksara": tabel_aksara, "titik_pandu": titik_pandu}
GROUP17_BORDERS = {"cincin": cincin, "mega_mendung": mega_mendung}

__all__ = ["FINISHES", "GROUP17_BORDERS", "GROUP17_CUES", "HEADERS", "cincin", "dua_aksara",
           "mega_mendung", "moire_copy", "reduced_copy", "tabel_aksara",
           "titik_pandu"]
