"""Eleventh-group diplomas: an SMA or MA ijazah whose pre-printed blank (lower-case labels on
ruled lines, as the 2013 curriculum's forms set them) the school filled in on an office
inkjet, the name in Title Case, the sheet lying a little turned and off the lines; and an
SMP ijazah handed in as a legalised photocopy of a photocopy, the holder in a ruled
three-column table ("Nama Lengkap | : | NAME"), the legalising school's round stamp pressed
over the end of the name's row and a "sesuai dengan aslinya" stamp signed in pen. Two
frames of their own: a wave band and a wide band of looped guilloche."""
from __future__ import annotations

import math
import random
import re

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

from scansim.draw import make_signature
from scansim.ijazah_cues import _titled
from scansim.ijazah_faces import face
from scansim.ijazah_holders import title_case
from scansim.ornament import stamp

INKJET_INK = (30, 30, 40)        # an office inkjet's composite black
INKJET_TURN = (0.35, 0.9)        # degrees the sheet lay turned in the printer
INKJET_SHIFT_MM = (1.8, 1.4)     # how far (right, down) the fill may land off the lines
BAND_PITCH_MM = 2.1              # the inkjet head's pass: a faint band every so far
STAMP_INK = (98, 54, 160)        # a legalising office's violet stamp pad
PEN_INK = (24, 44, 150)          # the blue ballpoint that signs the legalisation
# The lower-case labels of the 2013 curriculum's blanks ("" leaves a row out).
BLANK_ROWS = {"tempat dan tanggal lahir": "tempat dan tanggal lahir",
              "nomor induk siswa nasional": "nomor induk siswa nasional",
              "nama orang tua/wali": "nama orang tua/wali",
              "satuan pendidikan": "", "kompetensi keahlian": "kompetensi keahlian"}
LEVELS = re.compile(r"\b(Sd|Smp|Sma|Smk|Ma|Mts|Mi)\b")



def _levels(text: str) -> str:
    """A school's name with its level's abbreviation in capitals ("Ma Negeri" -> "MA")."""
    return LEVELS.sub(lambda m: "MTs" if m.group(1) == "Mts" else m.group(1).upper(), text)


def _inkjet(img: Image.Image, mask: Image.Image, rng: random.Random, pivot: tuple[float, float],
            u: float) -> tuple[float, float, float]:
    """Lay the fill's ``mask`` on ``img`` as an inkjet prints it on a blank fed a little
    turned and off: returns (degrees, right mm, down mm) of the misfeed."""
    angle = rng.uniform(*INKJET_TURN) * rng.choice((-1, 1))
    dx = rng.uniform(0.2, 1.0) * INKJET_SHIFT_MM[0] * rng.choice((-1, 1))
    dy = rng.uniform(-1.0, 1.0) * INKJET_SHIFT_MM[1]
    moved = mask.rotate(angle, resample=Image.BICUBIC, center=pivot,
                        translate=(dx * u, dy * u))
    moved = moved.filter(ImageFilter.GaussianBlur(max(0.5, 0.04 * u)))   # ink wicks in
    rows = np.arange(img.height)
    band = 1.0 - 0.2 * (np.sin(2 * math.pi * rows / (BAND_PITCH_MM * u)) > 0.85)
    moved = Image.fromarray(np.uint8(np.asarray(moved, float) * band[:, None]))
    img.paste(INKJET_INK, (0, 0), moved)
    return angle, dx, dy


def peserta_inkjet(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                   sizes: tuple[float, float]) -> float:
    """"Dengan ini menerangkan bahwa peserta didik:" and the blank's lower-case labels, each
    with a ruled line; the name (Title Case) and values printed on them by the school's
    inkjet, all turned and shifted together by the same misfeed."""
    body, big = sizes
    wmm = p.w / p.u
    lab_x, col_x, end = wmm * 0.15, wmm * 0.15 + 56, wmm * 0.86
    p.text(lab_x, y, "Dengan ini menerangkan bahwa peserta didik:", dz.body, body)
    y += body + 6
    mask = Image.new("L", p.img.size, 0)
    md = ImageDraw.Draw(mask)
    items = [("nama peserta didik", title_case(name), big * 0.85)] + [
        (BLANK_ROWS.get(label, label), _levels(value), body * 1.05) for label, value in rows
        if BLANK_ROWS.get(label, label)]
    top = y
    thin = max(1, round(0.2 * p.u))
    for label, value, size in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        line_y = (y + body * 1.2) * p.u
        p.d.line([(col_x * p.u, line_y), (end * p.u, line_y)], fill=(120, 120, 120),
                 width=thin)
        fnt = face(dz.name_face, int(size * p.u))
        while fnt.size > 8 and md.textlength(value, font=fnt) > (end - col_x - 3) * p.u:
            fnt = face(dz.name_face, fnt.size - 1)
        md.text(((col_x + 1.5) * p.u, line_y - 0.4 * p.u), value, font=fnt, fill=255,
                anchor="ls")   # meant to sit on its line
        y += body + 5.2 + (size - body if size > body * 1.1 else 0)
    rng = random.Random(f"inkjet {name}")   # the same sheet's feed for the same holder
    _inkjet(p.img, mask, rng, ((lab_x + end) / 2 * p.u, (top + y) / 2 * p.u), p.u)
    return y


def tabel_tiga(p, dz, y: float, name: str, rows: list[tuple[str, str]],
               sizes: tuple[float, float]) -> float:
    """"Kepala Sekolah Menengah Pertama menerangkan bahwa yang namanya tersebut di bawah
    ini:", then a fully ruled table of three columns (label | : | value), the name in
    capitals in its first row; the name's box (mm: its row, up to where the name ends) is
    kept as ``p.name_box``."""
    body, big = sizes
    wmm = p.w / p.u
    p.centre(y, "Kepala Sekolah Menengah Pertama menerangkan bahwa yang namanya tersebut di "
             "bawah ini:", dz.body, body, width_mm=wmm * 0.76)
    y += body + 3.5
    x0, x3 = wmm * 0.16, wmm * 0.84
    x1 = x0 + 62
    x2 = x1 + 6
    line = max(1, round(0.28 * p.u))
    cells = [("Nama Lengkap", name, dz.name_face, big, big + 3.5)] + [
        (_titled(label).replace("/wali", "/Wali"), _levels(value), dz.body, body, body + 3.6)
        for label, value in rows]
    top = y
    for k, (label, value, role, size, height) in enumerate(cells):
        p.text(x0 + 2.5, top + (height - body) / 2, label, dz.body, body)
        p.text((x1 + x2) / 2, top + (height - body) / 2, ":", dz.body, body, anchor="ma")
        p.text(x2 + 2.5, top + (height - size) / 2 - size * 0.08, value, role, size,
               width_mm=x3 - x2 - 5)
        if k == 0:   # where the name ends, as p.text fits it into the cell
            fnt = p.font(role, size)
            while fnt.size > 8 and p.d.textlength(value, font=fnt) > (x3 - x2 - 5) * p.u:
                fnt = face(role, fnt.size - 1)
            p.name_box = (x2, top, x2 + 2.5 + p.d.textlength(value, font=fnt) / p.u,
                          top + height)
        p.d.line([(x0 * p.u, top * p.u), (x3 * p.u, top * p.u)], fill=dz.accent, width=line)
        top += height
    p.d.line([(x0 * p.u, top * p.u), (x3 * p.u, top * p.u)], fill=dz.accent, width=line)
    for x in (x0, x1, x2, x3):
        p.d.line([(x * p.u, y * p.u), (x * p.u, top * p.u)], fill=dz.accent, width=line)
    return top + 2


def _second_copy(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """A photocopy of a photocopy: grey, hard and mottled, the strokes a little soft and
    thick, a dark shade along one edge where the original did not lie under the lid."""
    u = dpi / 25.4
    grey = img.convert("L")
    for _ in range(2):   # each generation: the copier's levels, then its softness
        grey = ImageOps.autocontrast(grey, cutoff=0.5)
        grey = ImageEnhance.Contrast(grey).enhance(rng.uniform(1.25, 1.45))
        grey = grey.filter(ImageFilter.GaussianBlur(0.05 * u))
    arr = np.asarray(grey, float)
    g = np.random.default_rng(rng.randrange(2 ** 32))
    coarse = g.random((12, 9))
    mottle = np.asarray(Image.fromarray(np.uint8(coarse * 255)).resize(
        grey.size, Image.BICUBIC), float) / 255.0
    arr = arr * (0.9 + 0.08 * mottle) - 6
    w = arr.shape[1]
    side = rng.choice((0, 1))
    reach = rng.uniform(4, 9) * u
    xs = np.arange(w) if side == 0 else np.arange(w)[::-1]
    arr = arr * (1 - 0.55 * np.exp(-xs / reach))[None, :]
    specks = g.random(arr.shape) < 0.0004
    arr[specks] = 40
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255))).convert("RGB")


def legalised_copy(img: Image.Image, rng: random.Random, school: str, dpi: int,
                   name_box: tuple[float, float, float, float] | None) -> Image.Image:
    """The diploma as handed in: a photocopy of a photocopy, legalised: the school's round
    stamp pressed with its rim over the end of the name (``name_box``, mm), a rectangular
    "SESUAI DENGAN ASLINYA" stamp signed and dated in blue pen right of the photo."""
    u = dpi / 25.4
    out = _second_copy(img, rng, dpi)
    wmm, hmm = out.width / u, out.height / u
    size = int(rng.uniform(30, 34) * u)
    seal = stamp(size, rng, school, STAMP_INK, seal="tut_wuri")
    _, top, end, bottom = name_box or (0, hmm * 0.45, wmm * 0.6, hmm * 0.45 + 10)
    cx = end + size / u / 2 - rng.uniform(1.0, 4.0)   # the rim over the name's last letters
    cy = (top + bottom) / 2 + rng.uniform(-2, 5)
    out.paste(seal, (int(cx * u - size / 2), int(cy * u - size / 2)), seal)
    box = Image.new("RGBA", (int(62 * u), int(24 * u)), (0, 0, 0, 0))
    d = ImageDraw.Draw(box)
    ink = STAMP_INK + (200,)
    d.rectangle([1, 1, box.width - 2, box.height - 2], outline=ink, width=max(2, int(0.5 * u)))
    d.text((box.width / 2, 2.2 * u), "TELAH DILEGALISIR", font=face("vollkorn_bold",
           int(4.2 * u)), fill=ink, anchor="ma")
    d.text((box.width / 2, 7.6 * u), "SESUAI DENGAN ASLINYA", font=face("gentium_bold",
           int(3.2 * u)), fill=ink, anchor="ma")
    d.text((2.5 * u, 13 * u), "Tanggal :", font=face("gentium", int(2.8 * u)), fill=ink)
    d.text((2.5 * u, 18 * u), "Kepala Sekolah", font=face("gentium", int(2.8 * u)), fill=ink)
    box = box.rotate(rng.uniform(-4, 4), expand=True, resample=Image.BICUBIC)
    bx, by = rng.uniform(0.32, 0.35) * wmm, hmm - rng.uniform(46, 50)
    out.paste(box, (int(bx * u), int(by * u)), box)
    pen = ImageDraw.Draw(out)
    day = f"{rng.randint(1, 28)}-{rng.randint(1, 12)}-{rng.randint(2020, 2025)}"
    pen.text(((bx + 17) * u, (by + 12.4) * u), day, font=face("dancing_script", int(4 * u)),
             fill=PEN_INK)
    sig = make_signature(rng=rng, width_px=int(30 * u), height_px=int(12 * u), ink=PEN_INK)
    out.paste(sig, (int((bx + 30) * u), int((by + 12) * u)), sig)
    return out


def wave_band(img: Image.Image, color, rng: random.Random, *, dpi: int,
              margin_mm: float) -> None:
    """Two sine waves in opposite phase between a heavy outer rule and a thin inner one,
    a dot in each eye of the chain."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, 5.2 * u
    thin = max(1, int(0.3 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=int(1.0 * u))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    period = rng.uniform(7.5, 8.5) * u
    mid, amp = band / 2, band * 0.32
    for (x0, y0), (ax, ay), length in (((m, m + mid), (1, 0), w - 2 * m),
                                       ((m, h - m - mid), (1, 0), w - 2 * m),
                                       ((m + mid, m), (0, 1), h - 2 * m),
                                       ((w - m - mid, m), (0, 1), h - 2 * m)):
        ts = np.arange(band, length - band, max(2.0, u * 0.4))
        for sign in (1, -1):
            off = sign * amp * np.sin(2 * math.pi * ts / period)
            d.line([(x0 + ax * t + ay * o, y0 + ay * t + ax * o)
                    for t, o in zip(ts.tolist(), off.tolist(), strict=True)],
                   fill=color, width=thin + 1)
        t = band + period / 4
        while t < length - band:
            cx, cy = x0 + ax * t, y0 + ay * t
            r = 0.45 * u
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=color)
            t += period / 2


def looped_band(img: Image.Image, color, rng: random.Random, *, dpi: int,
                margin_mm: float) -> None:
    """A wide guilloche band: three chains of loops (prolate trochoids) interlaced along
    each edge on a pale wash of the colour, ruled inside and out."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, rng.uniform(12, 14) * u
    thin = max(1, int(0.22 * u))
    wash = Image.new("L", img.size, 0)
    md = ImageDraw.Draw(wash)
    md.rectangle([m, m, w - m, h - m], fill=38)
    md.rectangle([m + band, m + band, w - m - band, h - m - band], fill=0)
    img.paste(color, (0, 0), wash)
    step = band * 0.32
    for (x0, y0), (ax, ay), length in (((m, m + band / 2), (1, 0), w - 2 * m),
                                       ((m, h - m - band / 2), (1, 0), w - 2 * m),
                                       ((m + band / 2, m), (0, 1), h - 2 * m),
                                       ((w - m - band / 2, m), (0, 1), h - 2 * m)):
        s = np.arange(0, length / step * 2 * math.pi, 0.08)
        for phase in (0, 2 * math.pi / 3, 4 * math.pi / 3):
            t = s * step / (2 * math.pi) + 0.9 * step * np.cos(s + phase)
            o = band * 0.4 * np.sin(s + phase)
            keep = (t > 0) & (t < length)
            d.line([(x0 + ax * a + ay * b, y0 + ay * a + ax * b)
                    for a, b in zip(t[keep].tolist(), o[keep].tolist(), strict=True)],
                   fill=color, width=thin)
    for k in (0, band):
        d.rectangle([m + k, m + k, w - m - k, h - m - k], outline=color, width=thin * 3)


GROUP11_CUES = {"peserta_inkjet": peserta_inkjet, "tabel_tiga": tabel_tiga}
GROUP11_BORDERS = {"wave_band": wave_band, "looped_band": looped_band}

__all__ = ["GROUP11_BORDERS", "GROUP11_CUES", "legalised_copy", "peserta_inkjet",
           "tabel_tiga"]
