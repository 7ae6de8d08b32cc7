"""Eighteenth-group diplomas: an SMP or SMA diploma of the national-examination years
(Noto Serif Display, Quercus) whose head sets the emblem at the left beside the republic
and the ministry, the holder's rows in a panel with rounded corners, in a band of
microprint (lines of "REPUBLIK INDONESIA" in letters under a millimetre high), copied
"2 in 1" with its SKHUN (Surat Keterangan Hasil Ujian Nasional, set in Tinos): both pages
reduced to about 70 % side by side on one landscape sheet, each a little turned as it lay
on the glass, the SKHUN naming the same holder under its own title and its own number;
and an institute of technology's S1 diploma of 1999-2008 (Computer Modern's Concrete,
Serif and Sans) in a band of truntum (the budding flowers of Javanese batik) that names
its holder in the middle of a justified sentence ("... dengan ini menyatakan bahwa NAME,
lahir di ..."), torn across along the fold it was kept folded at and mended with sticky tape since
yellowed: the two pieces laid together a little off, a hair of the copier's lid between
them, a strip or two of amber tape along the tear."""
from __future__ import annotations

import datetime as dt
import random
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from formgen.core.yamlfile import load_yaml
from scansim.draw import BLACK_INK, draw_person, make_signature, mm_px
from scansim.ijazah_faces import face
from scansim.ijazah_group16 import long_school, wrap
from scansim.ornament import draw_seal, stamp

DATA = Path(__file__).with_name("data") / "ijazah_group18.yaml"
SKHUN_FACES = ("tinos", "tinos_bold")     # the SKHUN's body and bold
SKHUN_PAPER = (251, 251, 247)
TWO_UP_SCALE = (0.69, 0.71)      # a copier's "A4 -> A5" reduction, 2 in 1
TWO_UP_TURN = (0.2, 1.1)         # degrees each page lay turned on the glass
TEAR_SHIFT_MM = (0.3, 0.9)       # how far off the lower piece was taped (across)
TEAR_TURN = (0.15, 0.5)          # and turned (degrees, about the tear's first end)
TAPE_MM = (18.0, 19.0, 24.0)     # widths of the sticky tape sold in rolls
LID = (214, 214, 210)            # the copier's lid, seen through a gap in the sheet
GRADES = (4.5, 9.85)             # a national-examination grade's range


@cache
def _data() -> dict:
    """The eighteenth group's wording (data/ijazah_group18.yaml)."""
    return load_yaml(DATA)


def _serial(rng: random.Random, series: str, province: str = "") -> str:
    """A national serial: "DN-", the province, the series letters and seven digits (the
    province given when a second paper of the same school must share it)."""
    province = province or f"DN-{rng.randint(1, 34):02d}"
    return f"{province} {series} {rng.randint(0, 9999999):07d}"


def peserta_number(nisn: str) -> str:
    """The national examination's participant number, fixed for the holder's NISN so that
    the diploma and the SKHUN print the same: province, regency, school, pupil, check."""
    r = random.Random(f"peserta {nisn}")
    return f"{r.randint(1, 34):02d}-{r.randint(1, 30):02d}-{r.randint(1, 150):03d}-" \
           f"{r.randint(1, 400):03d}-{r.randint(0, 9)}"


def _lines(p, x_mm: float, y_mm: float, text: str, role: str, size_mm: float,
           width_mm: float) -> float:
    """A left-aligned paragraph; the y (mm) under it."""
    for line in wrap(p, text, role, size_mm, width_mm):
        p.text(x_mm, y_mm, line, role, size_mm)
        y_mm += size_mm * 1.6
    return y_mm


def _rules(p, x0: float, x1: float, y: float, color) -> None:
    """A heavy rule with a thin one under it, from ``x0`` to ``x1`` (mm)."""
    heavy, thin = max(2, round(0.55 * p.u)), max(1, round(0.2 * p.u))
    p.d.line([(x0 * p.u, y * p.u), (x1 * p.u, y * p.u)], fill=color, width=heavy)
    p.d.line([(x0 * p.u, (y + 1.3) * p.u), (x1 * p.u, (y + 1.3) * p.u)], fill=color,
             width=thin)


def _pale(tint, accent, share: float) -> tuple[int, int, int]:
    return tuple(int(t * (1 - share) + a * share) for t, a in zip(tint, accent, strict=True))


# -- the diploma copied with its SKHUN ---------------------------------------------------

def kepala_kiri(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The head as the ministry printed its blanks in the national-examination years: the
    emblem at the left with "REPUBLIK INDONESIA" and the ministry beside it over a heavy
    and a thin rule; "IJAZAH" large in the display face, the school's level, the school
    year and the number centred under it. Returns the y (mm) the holder's part begins at
    and the number."""
    left, top = 27.0, 25.0
    draw_seal(p.d, dz.seal, (left + 8) * p.u, (top + 6.5) * p.u, 8.5 * p.u, (150, 120, 40))
    p.text(left + 19, top + 0.5, "REPUBLIK INDONESIA", dz.heading, 4.6)
    p.text(left + 19, top + 7.5, dz.ministry, dz.body, 3.6)
    _rules(p, left, size_mm[0] - left, top + 18, dz.accent)
    y = top + 24
    p.centre(y, dz.title_text, dz.title, 13.0, fill=dz.accent)
    y += 19
    p.centre(y, spec["title"], dz.heading, 5.0)
    p.centre(y + 8, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.6)
    nomor = _serial(rng, _data()["diploma_series"][spec["short"]])
    p.centre(y + 14, f"Nomor : {nomor}", dz.body, 3.4)
    return y + 24, nomor


def panel_bulat(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """"Yang bertanda tangan di bawah ini, Kepala ..., menerangkan bahwa :" at the left,
    then the holder's rows in a panel with rounded corners, ruled in the accent colour on a
    pale wash of it: "Nama" first with the name in bold capitals, the national
    examination's participant number last."""
    body, big = sizes
    wmm = p.w / p.u
    values = dict(rows)
    x0, x1 = wmm * 0.12, wmm * 0.88
    opening = _data()["panel_opening"].format(
        school=long_school(values.get("satuan pendidikan", "")))
    y = _lines(p, x0, y, opening, dz.body, body, x1 - x0) + 1.5
    nisn = values.get("nomor induk siswa nasional", "")
    items = [("Nama", name, dz.name_face, big * 0.8),
             ("Tempat dan Tanggal Lahir", values.get("tempat dan tanggal lahir", ""),
              dz.body, body),
             ("Nama Orang Tua/Wali", values.get("nama orang tua/wali", ""), dz.body, body),
             ("Nomor Induk Siswa Nasional", nisn, dz.body, body),
             ("Nomor Peserta Ujian Nasional", peserta_number(nisn), dz.body, body)]
    pitch = body + 3.6
    bottom = y + 3.5 + pitch * len(items) + (big * 0.8 - body)
    p.d.rounded_rectangle([x0 * p.u, y * p.u, x1 * p.u, bottom * p.u], radius=4 * p.u,
                          fill=_pale(dz.tint, dz.accent, 0.07), outline=dz.accent,
                          width=max(1, round(0.35 * p.u)))
    lab_x, col_x = x0 + 5, x0 + 64
    row = y + 3.5
    for label, value, role, size in items:
        p.text(lab_x, row + (size - body) * 0.7, label, dz.body, body)
        p.text(col_x - 3, row + (size - body) * 0.7, ":", dz.body, body)
        p.text(col_x, row, value, role, size, width_mm=x1 - col_x - 4)
        row += pitch + (size - body)
    return bottom + 4


def _grades(p, rng: random.Random, x0: float, x1: float, y: float, subjects: list[str],
            digits: list[str]) -> float:
    """The examination's table: number, subject, the grade in figures and in words, the
    sum in the last row; ruled all round. The y (mm) under it."""
    body, bold = SKHUN_FACES
    cols = (x0, x0 + 11, x0 + 74, x0 + 98, x1)
    pitch, thin = 6.6, max(1, round(0.22 * p.u))
    heads = ("No.", "Mata Pelajaran", "Angka", "Huruf")
    top = y
    for k, head in enumerate(heads):
        p.text((cols[k] + cols[k + 1]) / 2, y + 1.6, head, bold, 3.4, anchor="ma")
    y += pitch
    total = 0.0
    for k, subject in enumerate(subjects):
        grade = round(rng.uniform(*GRADES), 2)
        total += grade
        whole, frac = f"{grade:.2f}".split(".")
        words = f"{digits[int(whole)]} koma {digits[int(frac[0])]} {digits[int(frac[1])]}"
        p.d.line([(x0 * p.u, y * p.u), (x1 * p.u, y * p.u)], fill=p.ink, width=thin)
        cells = (f"{k + 1}.", subject, f"{grade:.2f}".replace(".", ","), words.title())
        for c, cell in enumerate(cells):
            x, anchor = ((cols[c] + cols[c + 1]) / 2, "ma") if c in (0, 2) else \
                (cols[c] + 2, "la")
            p.text(x, y + 1.6, cell, body, 3.4, anchor=anchor)
        y += pitch
    p.d.line([(x0 * p.u, y * p.u), (x1 * p.u, y * p.u)], fill=p.ink, width=thin * 2)
    p.text(cols[1] + 2, y + 1.6, "Jumlah", bold, 3.4)
    p.text((cols[2] + cols[3]) / 2, y + 1.6, f"{total:.2f}".replace(".", ","), bold, 3.4,
           anchor="ma")
    y += pitch
    for x in cols[1:-1]:
        p.d.line([(x * p.u, top * p.u), (x * p.u, y * p.u)], fill=p.ink, width=thin)
    p.d.rectangle([x0 * p.u, top * p.u, x1 * p.u, y * p.u], outline=p.ink, width=thin * 2)
    return y


def _skhun_close(p, rng: random.Random, y: float, school: str, tahun: int,
                 data: dict) -> None:
    """The SKHUN's foot: the pupil's photo at the left, the place and date, the head's
    title, signature and stamp, name and NIP at the right."""
    wmm = p.w / p.u
    pw, ph = mm_px(30, round(p.u * 25.4)), mm_px(40, round(p.u * 25.4))
    px, py = round(30 * p.u), round((y + 4) * p.u)
    photo = Image.new("RGB", (pw, ph), (232, 232, 232))
    draw_person(photo, (0, 0, pw, ph), rng)
    p.img.paste(photo.convert("L").convert("RGB"), (px, py))
    p.d.rectangle([px, py, px + pw, py + ph], outline=p.ink, width=2)
    sx = wmm * 0.56
    day = dt.date(tahun, 6, rng.randint(1, 28))
    town = rng.choice(data["school_towns"]).title()
    p.text(sx, y, f"{town}, {day.day} {data['months'][day.month - 1]} {tahun}",
           SKHUN_FACES[0], 3.4)
    p.text(sx, y + 5.5, "Kepala Sekolah,", SKHUN_FACES[0], 3.4)
    seal = stamp(round(28 * p.u), rng, school, (80, 60, 150), seal="tut_wuri")
    p.img.paste(seal, (round((sx - 12) * p.u), round((y + 6) * p.u)), seal)
    sig = make_signature(rng=rng, width_px=round(42 * p.u), height_px=round(16 * p.u),
                         ink=BLACK_INK)
    p.img.paste(sig, (round(sx * p.u), round((y + 9) * p.u)), sig)
    head = rng.choice(data["head_titles"]) + rng.choice(data["heads"]) + ", M.Pd."
    p.text(sx, y + 29, head, SKHUN_FACES[1], 3.4)
    p.text(sx, y + 34.5, f"NIP {rng.randint(10**17, 10**18 - 1)}", SKHUN_FACES[0], 3.2)


def skhun_page(p, dz, rng: random.Random, holder: dict) -> str:
    """The SKHUN the school issued with the diploma: the emblem, the ministry, the title,
    the level, the school year and its own number (the same province as the diploma's);
    the holder's rows (the same name, NISN and participant number); the examination's
    subjects with each grade in figures and in words, and their sum; the photo and the
    head's signature and stamp. Returns its number."""
    body, bold = SKHUN_FACES
    sk = _data()["skhun"]
    spec, tahun, values = holder["spec"], holder["tahun"], holder["rows"]
    x0, x1 = 25.0, p.w / p.u - 25.0
    draw_seal(p.d, "garuda", p.w / 2, 27 * p.u, 9 * p.u, (150, 120, 40))
    p.centre(40, dz.ministry, bold, 3.8)
    p.centre(47, sk["title"], bold, 4.8)
    p.centre(54.5, spec["title"], bold, 4.2)
    p.centre(61, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", body, 3.6)
    nomor = _serial(rng, _data()["skhun_series"], holder["nomor"].split(" ")[0])
    p.centre(67, f"Nomor : {nomor}", body, 3.4)
    opening = sk["opening"].format(school=long_school(holder["school"]))
    y = _lines(p, x0, 78, opening, body, 3.5, x1 - x0) + 1
    nisn = values.get("nomor induk siswa nasional", "")
    for label, value, role in (("Nama", holder["nama"], bold),
                               ("Tempat dan Tanggal Lahir",
                                values.get("tempat dan tanggal lahir", ""), body),
                               ("Nomor Induk Siswa Nasional", nisn, body),
                               ("Nomor Peserta", peserta_number(nisn), body)):
        p.text(x0 + 4, y, label, body, 3.5)
        p.text(x0 + 58, y, ":", body, 3.5)
        p.text(x0 + 61, y, value, role, 3.5)
        y += 6.2
    y = _lines(p, x0, y + 2, sk["sat"].format(years=f"{tahun - 1}/{tahun}"), body, 3.5,
               x1 - x0)
    y = _grades(p, rng, x0, x1, y + 2, sk["subjects"][spec["short"]], sk["digits"])
    _skhun_close(p, rng, y + 10, holder["school"], tahun, holder["data"])
    return nomor


def _edges(page: Image.Image, rng: random.Random) -> None:
    """The copier sees a sheet's edge: a faint grey line along one to three of its sides."""
    d = ImageDraw.Draw(page)
    w, h = page.size
    sides = [[(0, 0), (w - 1, 0)], [(0, h - 1), (w - 1, h - 1)], [(0, 0), (0, h - 1)],
             [(w - 1, 0), (w - 1, h - 1)]]
    for side in rng.sample(sides, rng.randint(1, 3)):
        d.line(side, fill=(150, 150, 150), width=1)


def dua_satu(first: Image.Image, second: Image.Image, rng: random.Random,
             dpi: int) -> Image.Image:
    """Two upright A4 pages copied "2 in 1" onto one landscape sheet: each reduced to about
    70 % and laid in its half, each a little turned and off as it lay on the glass (the
    copier scans them one after the other), a sheet's edge a faint grey line, toner specks
    over the copy."""
    u = dpi / 25.4
    sheet = Image.new("RGB", (first.height, first.width), (250, 250, 248))
    half = sheet.width // 2
    for k, page in enumerate((first, second)):
        scale = rng.uniform(*TWO_UP_SCALE)
        small = page.resize((round(page.width * scale), round(page.height * scale)),
                            Image.LANCZOS)
        _edges(small, rng)
        angle = rng.uniform(*TWO_UP_TURN) * rng.choice((-1, 1))
        turned = small.rotate(angle, resample=Image.BICUBIC, expand=True,
                              fillcolor=(250, 250, 248))
        room = Image.new("RGB", (half, sheet.height), (250, 250, 248))
        room.paste(turned, (round((half - turned.width) / 2 + rng.uniform(-1.5, 1.5) * u),
                            round((sheet.height - turned.height) / 2
                                  + rng.uniform(-2.0, 2.0) * u)))
        sheet.paste(room, (k * half, 0))
    d = ImageDraw.Draw(sheet)
    for _ in range(rng.randint(40, 120)):
        x, y = rng.uniform(0, sheet.width - 3), rng.uniform(0, sheet.height - 3)
        r = rng.uniform(0.5, 1.5)
        d.ellipse([x, y, x + r, y + r], fill=(70, 70, 70))
    arr = np.asarray(sheet, np.float32)
    return Image.fromarray(np.uint8(np.clip((arr - 10) * 1.05, 0, 255)), "RGB")


def skhun(img: Image.Image, blank, dz, rng: random.Random, holder: dict) -> Image.Image:
    """The diploma copied "2 in 1" with its SKHUN, drawn on ``blank`` (a page of its own):
    the two side by side on a landscape sheet, either at the left."""
    skhun_page(blank, dz, rng, holder)
    pages = (img, blank.img) if rng.random() < 0.6 else (blank.img, img)
    return dua_satu(*pages, rng, round(blank.u * 25.4))


def mikroteks(img: Image.Image, color, rng: random.Random, *, dpi: int,
              margin_mm: float) -> None:
    """A band of microprint as a blank's security printing carries it: lines of
    "REPUBLIK INDONESIA" repeated in letters under a millimetre high between a heavy outer
    rule and a thin inner one, three rings round each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, rng.uniform(5.0, 6.0) * u
    heavy, thin = max(2, round(0.5 * u)), max(1, round(0.2 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=heavy)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    fnt = face("tinos", max(4, round(0.85 * u)))
    words = "REPUBLIK INDONESIA  " * 40
    for length, at, turn in ((w - 2 * m - 2 * band, (m + band, m), False),
                             (w - 2 * m - 2 * band, (m + band, h - m - band), False),
                             (h - 2 * m - 2 * band, (m, m + band), True),
                             (h - 2 * m - 2 * band, (w - m - band, m + band), True)):
        strip = Image.new("L", (round(length), round(band)), 0)
        sd = ImageDraw.Draw(strip)
        for row in range(3):
            sd.text((-row * 2.1 * u, (row + 0.55) * band / 3.6), words, font=fnt, fill=255)
        if turn:
            strip = strip.rotate(90, expand=True)
        img.paste(Image.new("RGB", strip.size, color), (round(at[0]), round(at[1])), strip)
    for cx in (m + band / 2, w - m - band / 2):
        for cy in (m + band / 2, h - m - band / 2):
            for r in (0.42, 0.28, 0.12):
                d.ellipse([cx - r * band, cy - r * band, cx + r * band, cy + r * band],
                          outline=color, width=thin)


# -- the institute's diploma, torn and taped ----------------------------------------

def _tokens(text: str, role: str, size: float) -> list[tuple[str, str, float, bool]]:
    """A sentence's words as tokens (text, face, size, a space before it)."""
    return [(word, role, size, True) for word in text.split()]


def _token_lines(p, tokens: list, width_mm: float) -> list[list]:
    """Tokens broken into lines no wider than ``width_mm``; a token is never broken."""
    space = p.d.textlength(" ", font=p.font(tokens[0][1], tokens[0][2])) / p.u
    lines, line, used = [], [], 0.0
    for tok in tokens:
        wide = p.d.textlength(tok[0], font=p.font(tok[1], tok[2])) / p.u
        gap = space if tok[3] and line else 0.0
        if line and used + gap + wide > width_mm and tok[3]:
            lines.append(line)
            line, used, gap = [], 0.0, 0.0
        line.append(tok)
        used += gap + wide
    return lines + [line]


def _set_line(p, line: list, x_mm: float, base_mm: float, width_mm: float,
              justify: bool) -> None:
    """One line of tokens on its baseline, spread to ``width_mm`` when ``justify``."""
    space = p.d.textlength(" ", font=p.font(line[0][1], line[0][2])) / p.u
    wides = [p.d.textlength(t[0], font=p.font(t[1], t[2])) / p.u for t in line]
    gaps = sum(1 for t in line[1:] if t[3])
    extra = (width_mm - sum(wides) - gaps * space) / gaps if justify and gaps else 0.0
    extra = extra if extra < 3 * space else 0.0     # a line cut short stays as it is
    x = x_mm
    for k, (tok, wide) in enumerate(zip(line, wides, strict=True)):
        if k and tok[3]:
            x += space + extra
        p.text(x, base_mm, tok[0], tok[1], tok[2], anchor="ls")
        x += wide


def kalimat_nama(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                 sizes: tuple[float, float]) -> float:
    """One justified paragraph that names the holder in the middle of its sentence: "Rektor,
    ... dengan ini menyatakan bahwa NAME, lahir di ... pada tanggal ..., Nomor Pokok
    Mahasiswa ..., mahasiswa Program Studi ...,", the name in bold capitals a little larger
    than the words round it and never broken; the diploma's close goes on from its last
    comma ("telah menyelesaikan ...")."""
    body, _big = sizes
    wmm = p.w / p.u
    values = dict(rows)
    words = _data()["kalimat"]
    town, _, day = values.get("tempat dan tanggal lahir", "").partition(", ")
    tokens = _tokens(words["opening"], dz.body, body)
    tokens += [(name, dz.name_face, body * 1.15, True), (",", dz.body, body, False)]
    tokens += _tokens(words["birth"].format(town=town, day=day), dz.body, body)
    tokens += _tokens(words["number"].format(nim=values.get("nomor induk mahasiswa", "")),
                      dz.body, body)
    tokens += _tokens(words["programme"].format(programme=values.get("program studi", "")),
                      dz.body, body)
    x0, width = wmm * 0.15, wmm * 0.7
    lines = _token_lines(p, tokens, width)
    base = y + body
    for k, line in enumerate(lines):
        _set_line(p, line, x0, base, width, justify=k < len(lines) - 1)
        base += body * 1.95
    return base - body + 1


def _flower(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color,
            width: int) -> None:
    """A truntum flower: a dot ringed by eight small round petals."""
    for k in range(8):
        a = k * np.pi / 4
        px, py = cx + 0.62 * r * np.cos(a), cy + 0.62 * r * np.sin(a)
        d.ellipse([px - 0.3 * r, py - 0.3 * r, px + 0.3 * r, py + 0.3 * r], outline=color,
                  width=width)
    d.ellipse([cx - 0.2 * r, cy - 0.2 * r, cx + 0.2 * r, cy + 0.2 * r], fill=color)


def _bud(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color) -> None:
    """A truntum bud: four dots round a point."""
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        x, y = cx + dx * 0.3 * r, cy + dy * 0.3 * r
        d.ellipse([x - 0.1 * r, y - 0.1 * r, x + 0.1 * r, y + 0.1 * r], fill=color)


def truntum(img: Image.Image, color, rng: random.Random, *, dpi: int,
            margin_mm: float) -> None:
    """A band of truntum (the budding flowers of Javanese batik, scattered like stars)
    between a thin outer rule and a heavy inner one: flowers along the band, one a little
    outwards and the next a little inwards, a bud between each two."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, rng.uniform(7.0, 8.0) * u
    thin, heavy = max(1, round(0.2 * u)), max(2, round(0.55 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=thin)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=heavy)
    r, step, mid = band * 0.3, band * 0.78, m + band / 2
    sides = (((m + band / 2, mid), (w - m - band / 2, mid)),
             ((m + band / 2, h - mid), (w - m - band / 2, h - mid)),
             ((mid, m + band * 1.5), (mid, h - m - band * 1.5)),
             ((w - mid, m + band * 1.5), (w - mid, h - m - band * 1.5)))
    for (xa, ya), (xb, yb) in sides:
        n = max(2, int(max(abs(xb - xa), abs(yb - ya)) / step))
        across = (0, 1) if ya == yb else (1, 0)
        for k in range(n + 1):
            t = k / n
            x, y = xa + (xb - xa) * t, ya + (yb - ya) * t
            off = band * 0.12 * (1 if k % 2 else -1)
            _flower(d, x + across[0] * off, y + across[1] * off, r, color, thin)
            if k < n:
                _bud(d, x + (xb - xa) / n / 2, y + (yb - ya) / n / 2, r, color)


def tear_path(w: int, y0: float, rng: random.Random, u: float) -> list[tuple[float, float]]:
    """A tear across the sheet along its fold at ``y0``: a ragged line wandering a
    millimetre or two off the fold, finely jagged."""
    pts, x, drift = [], 0.0, 0.0
    while x < w:
        drift = max(-2.0 * u, min(2.0 * u, drift + rng.gauss(0, 0.35 * u)))
        pts.append((x, y0 + drift + rng.uniform(-0.25, 0.25) * u))
        x += rng.uniform(0.6, 1.6) * u
    return pts + [(float(w), pts[-1][1])]


def _strip(size: tuple[int, int], rng: random.Random, u: float, fold: float
           ) -> tuple[Image.Image, Image.Image]:
    """One strip of sticky tape along the fold: its mask (the cut ends jagged by the
    dispenser's teeth) and its edges' mask."""
    w, h = size
    x0 = rng.uniform(-3, 12) * u
    x1 = w - rng.uniform(-3, 12) * u
    wide = rng.choice(TAPE_MM) * u
    mid = fold + rng.uniform(-2.5, 2.5) * u
    slope = np.tan(np.radians(rng.uniform(-0.8, 0.8)))
    teeth = [(x0 + (0.5 * u if k % 2 else 0), mid - wide / 2 + k * wide / 12)
             for k in range(13)]
    upper = [(x1, mid - wide / 2), *[(x1 - (0.5 * u if k % 2 else 0),
                                     mid - wide / 2 + k * wide / 12) for k in range(13)]]
    outline = [(x0, mid - wide / 2), *upper, *reversed(teeth)]
    outline = [(x, y + (x - w / 2) * slope) for x, y in outline]
    mask, edge = Image.new("L", size, 0), Image.new("L", size, 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    ImageDraw.Draw(edge).line(outline + [outline[0]], fill=255,
                              width=max(1, round(0.3 * u)))
    return mask, edge


def _tape(img: Image.Image, rng: random.Random, u: float, fold: float) -> Image.Image:
    """One strip of tape along the tear, or two overlapping: the paper and print under
    them amber with age, each strip's edges a darker line, a faint sheen along one."""
    w, h = img.size
    arr = np.asarray(img, np.float32)
    age = rng.uniform(0.6, 1.0)
    amber = np.array([1 - 0.05 * age, 1 - 0.13 * age, 1 - 0.34 * age], np.float32)
    for _ in range(rng.choice((1, 1, 2))):
        mask, edge = _strip((w, h), rng, u, fold)
        m = (np.asarray(mask, np.float32) / 255)[..., None]
        e = (np.asarray(edge.filter(ImageFilter.GaussianBlur(0.2 * u)), np.float32) / 255)
        arr = arr * (1 - m + m * amber) * (1 - 0.22 * e[..., None])
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def taped_tear(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Torn across along the fold it was kept folded at and mended with sticky tape since
    yellowed, then photocopied: the lower piece laid back a little off (shifted along the
    tear, turned a fraction of a degree about the end the tear began at), a hair of the
    copier's lid between the pieces, the upper piece's torn edge whiter where its surface
    peeled, the lower one's casting a thin shadow, the tape amber over the tear."""
    u = dpi / 25.4
    w, h = img.size
    fold = h / 2 + rng.uniform(-3, 3) * u
    path = tear_path(w, fold, rng, u)
    below = Image.new("L", img.size, 0)
    ImageDraw.Draw(below).polygon(path + [(w, h), (0, h)], fill=255)
    pivot = (0.0 if rng.random() < 0.5 else float(w), fold)
    angle = rng.uniform(*TEAR_TURN) * rng.choice((-1, 1))
    shift = (rng.uniform(*TEAR_SHIFT_MM) * u * rng.choice((-1, 1)),
             rng.uniform(0.1, 0.35) * u)
    moved = img.rotate(angle, resample=Image.BICUBIC, center=pivot, translate=shift,
                       fillcolor=LID)
    moved_mask = below.rotate(angle, resample=Image.BICUBIC, center=pivot, translate=shift)
    out = Image.new("RGB", img.size, LID)
    out.paste(img, (0, 0), ImageChops.invert(below))
    fringe = Image.new("L", img.size, 0)
    ImageDraw.Draw(fringe).line(path, fill=255, width=max(2, round(rng.uniform(0.5, 0.9) * u)))
    fringe = ImageChops.multiply(fringe, ImageChops.invert(below)).point(lambda v: v * 0.55)
    out = Image.composite(Image.new("RGB", img.size, (252, 252, 250)), out, fringe)
    out.paste(moved, (0, 0), moved_mask)
    near = np.abs(np.arange(h, dtype=np.float32) - fold) < 5 * u     # the tear's rows only
    rim = np.asarray(ImageChops.subtract(moved_mask.filter(ImageFilter.MaxFilter(3)),
                                         moved_mask), np.float32) / 255 * near[:, None]
    arr = np.asarray(out, np.float32) * (1 - 0.45 * rim[..., None])
    out = _tape(Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB"), rng, u, fold)
    d = ImageDraw.Draw(out)
    for _ in range(rng.randint(30, 90)):   # the copier's toner specks
        x, y = rng.uniform(0, w - 3), rng.uniform(0, h - 3)
        r = rng.uniform(0.5, 1.4)
        d.ellipse([x, y, x + r, y + r], fill=(72, 70, 66))
    return out


HEADERS = {"kepala_kiri": kepala_kiri}
TWO_UPS = {"skhun": skhun}
FINISHES = {"taped_tear": taped_tear}
GROUP18_CUES = {"panel_bulat": panel_bulat, "kalimat_nama": kalimat_nama}
GROUP18_BORDERS = {"mikroteks": mikroteks, "truntum": truntum}

__all__ = ["FINISHES", "GROUP18_BORDERS", "GROUP18_CUES", "HEADERS", "TWO_UPS", "dua_satu",
           "kalimat_nama", "kepala_kiri", "mikroteks", "panel_bulat", "peserta_number",
           "skhun", "skhun_page", "taped_tear", "tear_path", "truntum"]
