"""Fifteenth-group diplomas: a Paket B certificate of the years round 2000, whose learning
centre "menerangkan bahwa warga belajar" (the word non-formal education used for its
learners) the holder named on the "Nama Warga Belajar" row of a pre-printed form, the
name and particulars lettered in with a stencil and a technical pen, in a frame of
tumpal triangles (the pointed motif of batik and songket borders), handed in after a
flood had reached it (a brown tide line climbing from the foot, the paper cockled and
stained inside it, the ink there run a little); and a pesantren's Madrasah Aliyah
diploma, landscape, its rows labelled in Indonesian and in Arabic at the far end of the
row ("Nama Santri" ... "اسم الطالب"), in a frame whose inner rule rises into a niche
over the emblem (a mihrab), sent in as a phone scanning app exports a page (the paper
made pure white and the colours hard, the fine print gone, edges haloed, a sliver of the
table at a skewed edge, the app's line at the foot, a JPEG)."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from scansim.formpages import jpeg
from scansim.ijazah_faces import face
from scansim.ijazah_group12 import _perspective

PEN_INK = (22, 20, 26)          # a technical pen's India ink
ARABIC = {"tempat dan tanggal lahir": "مكان وتاريخ الميلاد",
          "nomor induk siswa nasional": "رقم القيد الوطني",
          "nama orang tua/wali": "اسم ولي الأمر"}
INDONESIAN = {"tempat dan tanggal lahir": "Tempat dan Tanggal Lahir",
              "nomor induk siswa nasional": "Nomor Induk Siswa Nasional",
              "nama orang tua/wali": "Nama Orang Tua/Wali"}


def _levels(name: str) -> str:
    """A school's name in Title Case with its level's abbreviation in capitals."""
    return " ".join("MA" if w == "Ma" else "PKBM" if w == "Pkbm" else w
                    for w in name.split(" "))


def stencilled(p, x_mm: float, y_mm: float, text: str, size_mm: float,
               rng: random.Random, role: str = "osifont") -> float:
    """``text`` lettered with a stencil and a technical pen: each letter traced through
    the template in turn (the template slid along a ruler, so the letters keep the line
    but not quite their spacing), the pen's ink a little heavier in some letters; the x
    (mm) after it."""
    fnt = face(role, int(size_mm * p.u))
    pen = max(1, round(0.018 * size_mm * p.u))
    x = x_mm * p.u
    for ch in text:
        if ch != " ":
            ink = tuple(int(c + rng.uniform(0, 0.22) * (150 - c)) for c in PEN_INK)
            p.d.text((x, y_mm * p.u + rng.gauss(0, 0.05) * p.u), ch, font=fnt, fill=ink,
                     stroke_width=pen, stroke_fill=ink)
        x += p.d.textlength(ch, font=fnt) * rng.uniform(1.0, 1.08) + 0.06 * size_mm * p.u
    return x / p.u


def _dotted(p, x0_mm: float, x1_mm: float, y_mm: float) -> None:
    """A pre-printed dotted line to letter a value on."""
    dot = max(1, round(0.16 * p.u))
    x = x0_mm * p.u
    while x < x1_mm * p.u:
        p.d.ellipse([x, y_mm * p.u, x + dot, y_mm * p.u + dot], fill=p.ink)
        x += dot * 3.2


def warga_belajar(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """"Penyelenggara Program Paket B setara SLTP ... menerangkan bahwa warga belajar :"
    at the left, then a pre-printed form of labels, colons and dotted lines whose values
    were lettered in capitals with a stencil: "Nama Warga Belajar" (the name larger),
    the birth, "Nomor Induk Warga Belajar" and the parent; then "telah mengikuti Ujian
    Nasional Program Paket B dan"."""
    body, big = sizes
    wmm = p.w / p.u
    rng = random.Random(f"sablon-{name}")   # the same holder's lettering
    values = dict(rows)
    school = _levels(values.get("satuan pendidikan", "Pkbm"))
    lab_x, col_x, end = wmm * 0.12, wmm * 0.12 + 58, wmm * 0.88
    p.text(lab_x, y, f"Penyelenggara Program Paket B setara SLTP {school}", dz.body, body,
           width_mm=end - lab_x)
    p.text(lab_x, y + body + 2.2, "menerangkan bahwa warga belajar :", dz.body, body)
    y += 2 * body + 8
    nisn = values.get("nomor induk siswa nasional", "0000000000")
    items = [("Nama Warga Belajar", name, big * 0.78),
             ("Tempat dan Tanggal Lahir", values.get("tempat dan tanggal lahir", "").upper(),
              body),
             ("Nomor Induk Warga Belajar", f"{nisn[-4:]}/PB/{nisn[3:5]}", body),
             ("Nama Orang Tua", values.get("nama orang tua/wali", "").upper(), body)]
    for label, value, size in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        _dotted(p, col_x, end, y + body * 1.22)
        stencilled(p, col_x + 1.5, y + body * 1.05 - size * 0.98, value, size, rng)
        y += max(body, size) + 4.6
    p.centre(y + 1, "telah mengikuti Ujian Nasional Program Paket B dan", dz.body, body)
    return y + body + 3


def nama_santri(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """"Kepala MA Pondok Pesantren ... menerangkan bahwa santri :" at the left, its Arabic
    at the right under it; then rows each labelled twice, in Indonesian at the left and in
    Arabic at the right end ("Nama Santri" ... "اسم الطالب"), the name large between."""
    body, big = sizes
    wmm = p.w / p.u
    values = dict(rows)
    school = _levels(values.get("satuan pendidikan", "Madrasah Aliyah"))
    lab_x, col_x, end = wmm * 0.13, wmm * 0.13 + 58, wmm * 0.87
    p.text(lab_x, y, f"Kepala {school} menerangkan bahwa santri :", dz.body, body,
           width_mm=end - lab_x - 62)
    p.text(end, y + 0.6, "يشهد مدير المدرسة بأن الطالب :", "scheherazade", body * 1.25,
           anchor="ra")
    y += body + 8
    items = [("Nama Santri", "اسم الطالب", name, dz.name_face, big)] + \
        [(INDONESIAN[k], ARABIC[k], values.get(k, ""), dz.body, body)
         for k in ("tempat dan tanggal lahir", "nomor induk siswa nasional",
                   "nama orang tua/wali")]
    for latin, arabic, value, role, size in items:
        p.text(lab_x, y, latin, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y - (size - body) * 0.75, value, role, size, width_mm=end - col_x - 48)
        p.text(end, y - body * 0.25, f"{arabic} :", "scheherazade", body * 1.3, anchor="ra")
        y += size + 3.6
    return y


def tumpal(img: Image.Image, color, rng: random.Random, *, dpi: int,
           margin_mm: float) -> None:
    """A band of tumpal between a heavy outer rule and a thin inner one: tall triangles
    standing on the outer rule and pointing in, each with a smaller one inside it and a
    stem up its middle, small triangles hanging from the inner rule between them, a
    square with a lozenge in each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, 7.0 * u
    heavy, thin = max(1, round(0.5 * u)), max(1, round(0.2 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=heavy)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    base = rng.uniform(5.0, 5.8) * u

    def row(length: float, place) -> None:
        n = max(3, int(length / base))
        step = length / n
        for k in range(n):
            a, b = k * step, (k + 1) * step
            mid = (a + b) / 2
            tall = [place(a + 0.4 * u, 0.6 * u), place(b - 0.4 * u, 0.6 * u),
                    place(mid, band - 0.9 * u)]
            d.polygon(tall, outline=color, width=thin)
            inner = [place(a + 1.6 * u, 1.4 * u), place(b - 1.6 * u, 1.4 * u),
                     place(mid, band - 2.6 * u)]
            d.polygon(inner, outline=color, width=thin)
            d.line([place(mid, 0.6 * u), place(mid, band - 2.6 * u)], fill=color, width=thin)
            if k:   # a small one hanging from the inner rule between two tall ones
                d.polygon([place(a - 1.1 * u, band), place(a + 1.1 * u, band),
                           place(a, band - 2.2 * u)], fill=color)

    inner_w, inner_h = w - 2 * m - 2 * band, h - 2 * m - 2 * band
    row(inner_w, lambda t, s: (m + band + t, m + s))                 # top
    row(inner_w, lambda t, s: (m + band + t, h - m - s))             # foot
    row(inner_h, lambda t, s: (m + s, m + band + t))                 # left
    row(inner_h, lambda t, s: (w - m - s, m + band + t))             # right
    for cx, cy in ((m + band / 2, m + band / 2), (w - m - band / 2, m + band / 2),
                   (m + band / 2, h - m - band / 2), (w - m - band / 2, h - m - band / 2)):
        s = band / 2
        d.rectangle([cx - s, cy - s, cx + s, cy + s], outline=color, width=thin)
        d.polygon([(cx, cy - s * 0.7), (cx + s * 0.7, cy), (cx, cy + s * 0.7),
                   (cx - s * 0.7, cy)], fill=color)


def mihrab(img: Image.Image, color, rng: random.Random, *, dpi: int,
           margin_mm: float) -> None:
    """A thin outer rule and a heavier inner one whose top, in the middle, rises into a
    pointed niche (a mihrab) round the emblem; between the rules a chain of small
    eight-petalled rosettes, and a row of dots following the niche's arch inside it."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, gap = margin_mm * u, 6.0 * u
    thin, heavy = max(1, round(0.22 * u)), max(1, round(0.55 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=thin)
    top = m + gap
    cx, half = w / 2, rng.uniform(17, 19) * u
    shoulder = top + 9 * u            # where the niche's sides stand on the inner rule
    apex = m + 1.6 * u

    def arch(side: int, inset: float) -> list[tuple[float, float]]:
        """One half of the pointed arch, from the shoulder up to the apex."""
        pts = []
        for k in range(25):   # rising straight up, then leaning in to meet at a point
            t = k / 24
            x = cx + side * (half - inset) * math.cos(t * math.pi / 2)
            y = shoulder - (shoulder - apex - inset) * math.sin(0.6 * t * math.pi / 2) / \
                math.sin(0.3 * math.pi)
            pts.append((x, y))
        return pts

    # the inner rule: round the page, but for the niche over the emblem
    left, right = cx - half, cx + half
    d.line([(left, top), (m + gap, top), (m + gap, h - m - gap), (w - m - gap, h - m - gap),
            (w - m - gap, top), (right, top)], fill=color, width=heavy, joint="curve")
    d.line([(left, top), (left, shoulder)], fill=color, width=heavy)
    d.line([(right, top), (right, shoulder)], fill=color, width=heavy)
    d.line([(left, shoulder)] + arch(-1, 0)[1:], fill=color, width=heavy)
    d.line([(right, shoulder)] + arch(1, 0)[1:], fill=color, width=heavy)
    for side in (-1, 1):
        for x, y in arch(side, 2.2 * u)[2:-1:2]:
            r = 0.35 * u
            d.ellipse([x - r, y - r, x + r, y + r], fill=color)

    def rosette(x: float, y: float) -> None:
        r = gap * 0.32
        for k in range(8):
            a = k * math.pi / 4
            px, py = x + r * 0.55 * math.cos(a), y + r * 0.55 * math.sin(a)
            d.ellipse([px - r * 0.42, py - r * 0.42, px + r * 0.42, py + r * 0.42],
                      outline=color, width=thin)
        d.ellipse([x - r * 0.22, y - r * 0.22, x + r * 0.22, y + r * 0.22], fill=color)

    step = gap * 1.25
    for y0, x_from, x_to in ((m + gap / 2, m + gap / 2, w - m - gap / 2),
                             (h - m - gap / 2, m + gap / 2, w - m - gap / 2)):
        n = int((x_to - x_from) / step)
        for k in range(n + 1):
            x = x_from + k * (x_to - x_from) / n
            if y0 > h / 2 or abs(x - cx) > half + gap * 0.6:   # not inside the niche
                rosette(x, y0)
    for x0 in (m + gap / 2, w - m - gap / 2):
        n = int((h - 2 * m - 2 * gap) / step)
        for k in range(1, n):
            rosette(x0, m + gap / 2 + k * (h - 2 * m - gap) / n)


def water_stain(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page after a flood reached it: from the foot (and a little up one side) the
    paper drank water up to a ragged brown tide line, a fainter one inside it where it
    dried in two goes; inside, the paper is tinted and cockled (lighter and darker in
    soft ripples) and the ink has run a little (soft, and paler)."""
    u = dpi / 25.4
    w, h = img.size
    xs = np.arange(w, dtype=float) / w
    side = rng.choice((0.0, 1.0))                     # the corner it came up highest at
    reach = rng.uniform(0.24, 0.34) + 0.12 * np.exp(-((xs - side) / 0.3) ** 2)
    for k in range(7):                                # the line's ragged course
        f, ph = rng.uniform(1.5, 4) * 2 ** k, rng.uniform(0, 6.3)
        reach += rng.uniform(0.5, 1.0) * 0.018 / 2 ** k * np.sin(2 * math.pi * f * xs + ph)
    line = (1 - reach) * h
    depth = (np.arange(h, dtype=float)[:, None] - line[None, :]) / u   # mm below the line
    wet = np.clip(depth / 4.0 + 0.5, 0, 1)              # soft over 4 mm
    tide = np.exp(-(depth / 0.9) ** 2)
    second = rng.uniform(14, 26)
    tide2 = 0.5 * np.exp(-((depth - second) / 1.1) ** 2)
    sw, sh = max(4, round(w / (18 * u))), max(4, round(h / (18 * u)))   # ripples ~2 cm
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0, 1, (sh, sw))
    cockle = np.asarray(Image.fromarray(np.float32(noise), "F").resize((w, h), Image.BICUBIC))
    arr = np.asarray(img, float)
    run = np.asarray(img.filter(ImageFilter.GaussianBlur(0.12 * u)), float)
    run = 255 - (255 - run) * 0.86                       # the ink run and paler
    arr = arr * (1 - wet[..., None]) + run * wet[..., None]
    stain = np.array((0.96, 0.91, 0.8))                 # what the dirty water left
    arr = arr * (1 - wet[..., None] * (1 - stain))
    arr = arr * (1 + wet[..., None] * 0.03 * np.clip(cockle, -2, 2)[..., None])
    brown = np.array((0.62, 0.46, 0.3))
    for line, k in ((tide, 0.75), (tide2, 0.6)):
        arr = arr * (1 - (k * line)[..., None] * (1 - brown))
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def scan_app(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page as a phone scanning app exports it: photographed a little askew and the
    corners found not quite right (a sliver of the table along one or two edges), the
    paper then flattened to pure white and the colours made hard (pale fine print gone,
    faint tints gone), the strokes sharpened with a halo, the app's line at the foot, and
    saved as a JPEG from a photo of about 160 dpi."""
    u = dpi / 25.4
    w, h = img.size
    quad = []
    for cx, cy in ((0, 0), (0, h), (w, h), (w, 0)):
        quad += [cx + rng.uniform(-0.004, 0.012) * w * (1 if cx == 0 else -1),
                 cy + rng.uniform(-0.004, 0.012) * h * (1 if cy == 0 else -1)]
    out = img.transform((w, h), Image.PERSPECTIVE, _perspective(quad, (w, h)),
                        resample=Image.BICUBIC, fillcolor=(92, 70, 52))
    small = (max(8, round(w * min(1.0, 160 / dpi))), max(8, round(h * min(1.0, 160 / dpi))))
    out = out.resize(small, Image.LANCZOS).resize((w, h), Image.BICUBIC)
    arr = np.asarray(out, float)
    grey = arr.mean(axis=2)
    paper = np.percentile(grey, 70)
    white, black = paper * 0.9, 60.0
    arr = (arr - black) / (white - black) * 255
    mean = arr.mean(axis=2, keepdims=True)
    arr = mean + (arr - mean) * 1.45                     # colours made hard
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    out = out.filter(ImageFilter.UnsharpMask(radius=max(1.0, 0.25 * u), percent=160,
                                             threshold=2))
    d = ImageDraw.Draw(out)
    size = max(8, int(2.6 * u))
    text = "Dipindai dengan aplikasi pemindai"   # a scanning app's mark
    fnt = face("sans", size)
    tw = d.textlength(text, font=fnt)
    x, y = w - tw - 6 * u, h - 5.5 * u
    d.rounded_rectangle([x - size * 1.4, y - size * 0.05, x - size * 0.25, y + size * 1.05],
                        radius=size * 0.25, fill=(22, 150, 130))
    d.text((x, y), text, font=fnt, fill=(120, 120, 120))
    return jpeg(out, rng.randint(55, 70)).convert("RGB")


FINISHES = {"water_stain": water_stain, "scan_app": scan_app}
GROUP15_CUES = {"warga_belajar": warga_belajar, "nama_santri": nama_santri}
GROUP15_BORDERS = {"tumpal": tumpal, "mihrab": mihrab}

__all__ = ["FINISHES", "GROUP15_BORDERS", "GROUP15_CUES", "mihrab", "nama_santri",
           "scan_app", "stencilled", "tumpal", "warga_belajar", "water_stain"]
