"""Fourteenth-group diplomas: an SMA ijazah of the national-examination years whose head,
"berdasarkan hasil Ujian Nasional dan Ujian Sekolah", hands the diploma over ("menyerahkan
Ijazah ini kepada") to the examinee named on the "Nama Peserta Ujian" row with the
"Nomor Peserta Ujian" under it, in a frame of a chain of oval links between two rules,
crumpled once and pressed flat again before it was scanned (creases all over it, each a
fine dark and light line, the paper's facets lit unevenly); and a community academy's
one- or two-year diploma whose director "menetapkan bahwa" the holder, named at the left
over an accent rule, has passed, the particulars in two columns under the name, in a thin
rule with solid corner pieces and hatched bands, handed in as a copy of a filed copy: two
punched holes at the left, every stroke doubled by a fainter one where the sheet slipped
in the copier, scanned to a small JPEG with a cold colour cast."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from scansim.formpages import jpeg
from scansim.ijazah_faces import face


def _name_left(p, dz, x_mm: float, y_mm: float, name: str, size_mm: float,
               width_mm: float) -> float:
    """The name at ``x_mm`` in the design's name face, as large as fits ``width_mm``; its
    width (mm)."""
    size = int(size_mm * p.u)
    fnt = face(dz.name_face, size)
    while size > 8 and p.d.textlength(name, font=fnt) > width_mm * p.u:
        size -= 1
        fnt = face(dz.name_face, size)
    p.d.text((x_mm * p.u, y_mm * p.u), name, font=fnt, fill=p.ink)
    return p.d.textlength(name, font=fnt) / p.u


def peserta_ujian(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """"Kepala Sekolah, berdasarkan hasil Ujian Nasional dan Ujian Sekolah, menyerahkan
    Ijazah ini kepada :" over two lines at the left, then rows with the labels in a column:
    "Nama Peserta Ujian" (the name in bold capitals), "Nomor Peserta Ujian" (the
    examination's dashed number), the birth, the parent and the student number."""
    body, big = sizes
    wmm = p.w / p.u
    lab_x = wmm * 0.14
    col_x = lab_x + 50
    p.text(lab_x, y, "Kepala Sekolah, berdasarkan hasil Ujian Nasional dan Ujian Sekolah,",
           dz.body, body, width_mm=wmm * 0.72)
    p.text(lab_x, y + body + 2.2, "menyerahkan Ijazah ini kepada :", dz.body, body)
    y += 2 * body + 7
    values = dict(rows)
    nisn = values.get("nomor induk siswa nasional", "0000000000")
    exam = f"{nisn[0]}-{nisn[1:3]}-{nisn[3:5]}-{nisn[5:7]}-{nisn[7:10]}-" \
           f"{int(nisn[-3:]) % 300:03d}-{int(nisn) % 9}"
    size = min(big * 0.82, body * 1.5)
    p.text(lab_x, y, "Nama Peserta Ujian", dz.body, body)
    p.text(col_x - 3, y, ":", dz.body, body)
    _name_left(p, dz, col_x, y - (size - body) * 0.7, name, size, wmm - col_x - lab_x + 4)
    y += size + 3.6
    for label, value in (("Nomor Peserta Ujian", exam),
                         ("Tempat dan Tanggal Lahir", values.get("tempat dan tanggal lahir", "")),
                         ("Nama Orang Tua/Wali", values.get("nama orang tua/wali", "")),
                         ("Nomor Induk Siswa", nisn[-5:])):
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, dz.body, body, width_mm=wmm - col_x - lab_x)
        y += body + 3.4
    return y


def menetapkan(p, dz, y: float, name: str, rows: list[tuple[str, str]],
               sizes: tuple[float, float]) -> float:
    """"Direktur, berdasarkan hasil Yudisium, menetapkan bahwa" at the left, the name under
    it at the left in large capitals over a rule in the accent colour, then two columns of
    particulars (the student number and the birth at the left, the study programme at the
    right), each a small label above its value."""
    body, big = sizes
    wmm = p.w / p.u
    lab_x = wmm * 0.13
    values = dict(rows)
    p.text(lab_x, y, "Direktur, berdasarkan hasil Yudisium, menetapkan bahwa", dz.body, body,
           width_mm=wmm * 0.74)
    y += body + 5
    size = big * 1.05
    _name_left(p, dz, lab_x, y, name, size, wmm * 0.74)
    y += size * 1.15 + 1.5
    p.d.rectangle([lab_x * p.u, y * p.u, (wmm - lab_x) * p.u, (y + 0.6) * p.u],
                  fill=dz.accent)
    y += 4
    small = body * 0.78
    right = wmm * 0.55
    for (l_lab, l_val), (r_lab, r_val) in (
            (("Nomor Induk Mahasiswa", values.get("nomor induk mahasiswa", "")),
             ("Program Studi", values.get("program studi", ""))),
            (("Tempat dan Tanggal Lahir", values.get("tempat dan tanggal lahir", "")),
             ("Status", "Lulus"))):
        p.text(lab_x, y, l_lab, dz.body, small, fill=dz.accent)
        p.text(right, y, r_lab, dz.body, small, fill=dz.accent)
        y += small + 1.4
        p.text(lab_x, y, l_val, dz.body, body, width_mm=right - lab_x - 3)
        p.text(right, y, r_val, dz.body, body, width_mm=wmm - right - lab_x)
        y += body + 3.6
    return y


def rantai(img: Image.Image, color, rng: random.Random, *, dpi: int,
           margin_mm: float) -> None:
    """A frame of a chain between two thin rules: oval links along every side, each
    lying across the next (long ones along the side, short ones standing across it), a
    small square at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, 5.5 * u
    thin = max(1, int(0.22 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=thin)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    mid = m + band / 2
    link = rng.uniform(4.2, 4.8) * u
    heavy = max(1, int(0.35 * u))

    def side(x0: float, y0: float, x1: float, y1: float) -> None:
        length = math.hypot(x1 - x0, y1 - y0)
        n = max(2, int(length / (link * 0.78)))
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        for k in range(n):
            t = (k + 0.5) * length / n
            cx, cy = x0 + t * ux, y0 + t * uy
            along, across = (link * 0.5, band * 0.2) if k % 2 == 0 else \
                (link * 0.42, band * 0.07)
            rx, ry = (along, across) if abs(ux) > abs(uy) else (across, along)
            d.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], outline=color, width=heavy)

    c = band
    side(m + c, mid, w - m - c, mid)
    side(m + c, h - mid, w - m - c, h - mid)
    side(mid, m + c, mid, h - m - c)
    side(w - mid, m + c, w - mid, h - m - c)
    for cx, cy in ((mid, mid), (w - mid, mid), (mid, h - mid), (w - mid, h - mid)):
        s = band * 0.3
        d.rectangle([cx - s, cy - s, cx + s, cy + s], outline=color, width=heavy)
        d.rectangle([cx - s / 3, cy - s / 3, cx + s / 3, cy + s / 3], fill=color)


def sudut_arsir(img: Image.Image, color, rng: random.Random, *, dpi: int,
                margin_mm: float) -> None:
    """A modern certificate's frame: one thin rule, a solid right-angled triangle in each
    corner, and a band of short slanted hatching along the top and the foot."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, int(0.3 * u)))
    leg = rng.uniform(16, 20) * u
    for cx, cy, sx, sy in ((m, m, 1, 1), (w - m, m, -1, 1), (m, h - m, 1, -1),
                           (w - m, h - m, -1, -1)):
        d.polygon([(cx, cy), (cx + sx * leg, cy), (cx, cy + sy * leg)], fill=color)
    step, tall = 1.6 * u, 3.0 * u
    thin = max(1, int(0.25 * u))
    for y0 in (m + 2.0 * u, h - m - 2.0 * u - tall):
        x = m + leg + 3 * u
        while x < w - m - leg - 3 * u:
            d.line([(x, y0 + tall), (x + tall * 0.6, y0)], fill=color, width=thin)
            x += step


def crumpled(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page crumpled once and pressed flat before it was scanned: a dozen or more
    creases running across it, each a fine line dark on one side and light on the other,
    and the flat facets between them each lit a little differently (the scanner's lamp
    catching them at their slight angles). The print stays readable through it all."""
    u = dpi / 25.4
    w, h = img.size
    sw, sh = max(8, w // 6), max(8, h // 6)   # the facets' light, worked out coarse
    ys, xs = np.mgrid[0:sh, 0:sw].astype(float)
    light = np.zeros((sh, sw))
    lines = []
    for _ in range(rng.randint(12, 18)):
        x0, y0 = rng.uniform(-0.1, 1.1) * w, rng.uniform(-0.1, 1.1) * h
        ang = rng.uniform(0, math.pi)
        nx, ny = -math.sin(ang), math.cos(ang)
        side = (xs * 6 - x0) * nx + (ys * 6 - y0) * ny
        light += rng.uniform(-1, 1) * 0.06 * np.tanh(side / (0.8 * u))
        lines.append((x0, y0, ang, rng.uniform(0.25, 1.0)))
    shade = Image.fromarray(np.uint8(np.clip(128 + 255 * light, 0, 255)), "L").resize(
        (w, h), Image.BILINEAR).filter(ImageFilter.GaussianBlur(0.4 * u))
    arr = np.asarray(img, float) * (1 + (np.asarray(shade, float)[..., None] - 128) / 255)
    dark = Image.new("L", (w, h), 0)
    bright = Image.new("L", (w, h), 0)
    dd, bd = ImageDraw.Draw(dark), ImageDraw.Draw(bright)
    off = max(1, round(0.15 * u))
    for x0, y0, ang, depth in lines:
        reach = math.hypot(w, h)
        cx, cy = math.cos(ang), math.sin(ang)
        t0, t1 = rng.uniform(-1.0, -0.1) * reach, rng.uniform(0.1, 1.0) * reach
        pts = []
        for k in range(9):   # a crease wanders a little along its way
            t = t0 + (t1 - t0) * k / 8
            wob = rng.gauss(0, 0.6 * u)
            pts.append((x0 + t * cx - wob * cy, y0 + t * cy + wob * cx))
        dd.line(pts, fill=int(70 + 100 * depth), width=max(1, round(0.18 * u)))
        bd.line([(x - off * cy, y + off * cx) for x, y in pts], fill=int(50 + 60 * depth),
                width=max(1, round(0.2 * u)))
    dark_a = np.asarray(dark.filter(ImageFilter.GaussianBlur(0.04 * u + 0.3)), float)
    bright_a = np.asarray(bright.filter(ImageFilter.GaussianBlur(0.06 * u + 0.4)), float)
    arr = arr * (1 - dark_a[..., None] / 255 * 0.45)
    arr = arr + (255 - arr) * (bright_a[..., None] / 255 * 0.5)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def filed_copy(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page as a copy of a filed copy, scanned: two punched holes at the left (dark,
    as the copier's lid showed through them), every stroke doubled by a fainter one a
    fraction of a millimetre lower where the sheet slipped as it was copied, the paper a
    little grey, then scanned with a cold colour cast and passed on as a small JPEG."""
    u = dpi / 25.4
    w, h = img.size
    grey = np.asarray(img.convert("L"), float)
    dy, dx = round(rng.uniform(0.35, 0.6) * u), round(rng.uniform(-0.15, 0.15) * u)
    ghost = np.roll(grey, (dy, dx), axis=(0, 1))
    ink = np.minimum(grey, 255 - (255 - ghost) * rng.uniform(0.35, 0.5))
    ink = 14 + ink * 0.9                                  # the copy's grey paper, its black
    out = Image.fromarray(np.uint8(np.clip(ink, 0, 255)), "L")
    d = ImageDraw.Draw(out)
    x = rng.uniform(5.5, 7.5) * u
    gap = 80 * u   # a two-hole punch: its holes 80 mm apart
    for cy in (h / 2 - gap / 2, h / 2 + gap / 2):
        r = 3.0 * u
        d.ellipse([x - r, cy - r, x + r, cy + r], fill=36)
    cast = np.array((rng.uniform(0.95, 0.97), rng.uniform(0.985, 1.0), 1.0))
    rgb = np.asarray(out.convert("RGB"), float) * cast + np.array((0.0, 2.0, 6.0))
    scanned = Image.fromarray(np.uint8(np.clip(rgb, 0, 255)), "RGB")
    return jpeg(scanned, rng.randint(24, 34)).convert("RGB")


FINISHES = {"crumpled": crumpled, "filed_copy": filed_copy}
GROUP14_CUES = {"peserta_ujian": peserta_ujian, "menetapkan": menetapkan}
GROUP14_BORDERS = {"rantai": rantai, "sudut_arsir": sudut_arsir}

__all__ = ["FINISHES", "GROUP14_BORDERS", "GROUP14_CUES", "crumpled", "filed_copy",
           "menetapkan", "peserta_ujian", "rantai", "sudut_arsir"]
