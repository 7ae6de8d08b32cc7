"""Twelfth-group diplomas: an MTs (madrasah tsanawiyah) ijazah whose head introduces the
holder with the madrasah's statistics numbers ("Kepala ..., NSM ..., NPSN ..., menerangkan
bahwa:") before Title Case labels, in a frame of eight-pointed stars, handed in as a phone
photograph taken under a lamp (a little keystoned, warm, lit unevenly); and a D3 or S1
university diploma, landscape in a gold frame, whose rector states the holder's name large
and centred over a rule, the other particulars in centred sentences rather than rows,
printed on an office laser printer whose drum leaves a pale band down the page."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw

from scansim.ijazah_faces import face

GOLD = (178, 138, 52)          # the frame's gold ink
GOLD_DEEP = (124, 88, 24)
LAMP = (255, 236, 204)         # a household lamp's warm light
STAR_PITCH_MM = 9.0            # the star band's repeat


def _title_levels(school: str) -> str:
    """A madrasah's name in Title Case with its level's abbreviation ("MTs Negeri 2 Kumai")."""
    words = [w.title() for w in school.split()]
    return " ".join("MTs" if w == "Mts" else "MA" if w == "Ma" else "MI" if w == "Mi" else w
                    for w in words)


def _statistics(name: str) -> tuple[str, str]:
    """The madrasah's NSM (12 digits) and NPSN (8 digits), fixed for its name."""
    rng = random.Random(f"madrasah {name}")
    return f"1211620{rng.randint(10000, 99999)}", f"6{rng.randint(0, 9999999):07d}"


def menerangkan_nsm(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                    sizes: tuple[float, float]) -> float:
    """"Yang bertanda tangan di bawah ini, Kepala MTs ..., Nomor Statistik Madrasah (NSM)
    ..., Nomor Pokok Sekolah Nasional (NPSN) ..., menerangkan bahwa:", then the holder's rows
    with Title Case labels, the name first in bold capitals after "Nama"."""
    body, big = sizes
    wmm = p.w / p.u
    lab_x, col_x = wmm * 0.14, wmm * 0.14 + 60
    school = next((v for k, v in rows if k == "satuan pendidikan"), "")
    nsm, npsn = _statistics(school)
    p.text(lab_x, y, "Yang bertanda tangan di bawah ini, Kepala "
           f"{_title_levels(school)},", dz.body, body, width_mm=wmm * 0.72)
    y += body + 2.6
    p.text(lab_x, y, f"Nomor Statistik Madrasah (NSM) {nsm}, Nomor Pokok Sekolah Nasional "
           f"(NPSN) {npsn},", dz.body, body, width_mm=wmm * 0.72)
    y += body + 2.6
    p.text(lab_x, y, "menerangkan bahwa:", dz.body, body)
    y += body + 5
    p.text(lab_x, y, "Nama", dz.body, body)
    p.text(col_x - 3, y, ":", dz.body, body)
    p.text(col_x, y - (big - body) * 0.55, name, dz.name_face, big,
           width_mm=wmm * 0.86 - col_x)
    y += big + 3.6
    for label, value in rows:
        if label == "satuan pendidikan":
            continue
        shown = " ".join(w if w in ("dan", "di") else w.title() for w in label.split())
        p.text(lab_x, y, shown.replace("/wali", "/Wali"), dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, dz.body, body, width_mm=wmm * 0.86 - col_x)
        y += body + 3.4
    return y


def rektor_menyatakan(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                      sizes: tuple[float, float]) -> float:
    """"dengan ini menyatakan bahwa", the name large and centred over a gold rule, then the
    other particulars in centred sentences ("Nomor Induk Mahasiswa ..., lahir di ...")."""
    body, big = sizes
    wmm = p.w / p.u
    values = dict(rows)
    p.centre(y, "dengan ini menyatakan bahwa", dz.body, body * 1.05)
    y += body + 3.5
    size = big * 1.15
    p.centre(y, name, dz.name_face, size, width_mm=wmm * 0.62)
    fnt = face(dz.name_face, int(size * p.u))
    span = min(p.d.textlength(name, font=fnt) / p.u, wmm * 0.62) / 2 + 8
    rule_y = (y + size * 1.18) * p.u
    p.d.line([((wmm / 2 - span) * p.u, rule_y), ((wmm / 2 + span) * p.u, rule_y)],
             fill=GOLD_DEEP, width=max(1, round(0.3 * p.u)))
    y += size * 1.18 + 4
    place, _, date = values.get("tempat dan tanggal lahir", "").partition(", ")
    lines = [f"Nomor Induk Mahasiswa {values.get('nomor induk mahasiswa', '')}, lahir di "
             f"{place}, tanggal {date},",
             f"pada Program Studi {values.get('program studi', '')}"]
    for line in lines:
        p.centre(y, line, dz.body, body, width_mm=wmm * 0.74)
        y += body + 2.8
    return y


def star_band(img: Image.Image, color, rng: random.Random, *, dpi: int,
              margin_mm: float) -> None:
    """A frame of eight-pointed stars (two squares turned on each other) between a heavy
    outer rule and a thin inner one, a small dot between each two stars."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, 7.0 * u
    thin = max(1, int(0.25 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=int(0.9 * u))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    pitch = rng.uniform(0.95, 1.05) * STAR_PITCH_MM * u
    r = band * 0.36

    def star(cx: float, cy: float) -> None:
        for turn in (0, math.pi / 4):
            d.polygon([(cx + r * math.cos(turn + k * math.pi / 2),
                        cy + r * math.sin(turn + k * math.pi / 2)) for k in range(4)],
                      outline=color, width=thin)
        d.ellipse([cx - r * 0.25, cy - r * 0.25, cx + r * 0.25, cy + r * 0.25], fill=color)

    mid = m + band / 2
    for length, place in ((w - 2 * m, lambda t: ((m + t, mid), (m + t, h - mid))),
                          (h - 2 * m, lambda t: ((mid, m + t), (w - mid, m + t)))):
        count = max(2, int((length - band) / pitch))
        step = (length - band) / count
        for k in range(count + 1):
            for cx, cy in place(band / 2 + k * step):
                star(cx, cy)
            if k < count:
                for cx, cy in place(band / 2 + (k + 0.5) * step):
                    d.ellipse([cx - 0.35 * u, cy - 0.35 * u, cx + 0.35 * u, cy + 0.35 * u],
                              fill=color)


def gold_frame(img: Image.Image, color, rng: random.Random, *, dpi: int,
               margin_mm: float) -> None:
    """A gold frame: a broad gold rule, a thin one inside it, a band of short gold hatching
    between, and a quarter-round fan in each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    gap = rng.uniform(4.2, 5.0) * u
    d.rectangle([m, m, w - m, h - m], outline=GOLD, width=int(1.6 * u))
    d.rectangle([m + gap, m + gap, w - m - gap, h - m - gap], outline=GOLD_DEEP,
                width=max(1, int(0.3 * u)))
    mid = m + 1.6 * u + (gap - 1.6 * u) / 2
    step = 1.2 * u
    half = (gap - 1.6 * u) * 0.32
    thin = max(1, int(0.18 * u))
    x = m + gap
    while x < w - m - gap:
        for y in (mid, h - mid):
            d.line([(x - half, y + half), (x + half, y - half)], fill=GOLD, width=thin)
        x += step
    y = m + gap
    while y < h - m - gap:
        for x in (mid, w - mid):
            d.line([(x - half, y + half), (x + half, y - half)], fill=GOLD, width=thin)
        y += step
    fan = 9 * u
    for cx, cy, start in ((m + gap, m + gap, 0), (w - m - gap, m + gap, 90),
                          (w - m - gap, h - m - gap, 180), (m + gap, h - m - gap, 270)):
        for k in range(1, 5):
            rr = fan * k / 4
            d.arc([cx - rr, cy - rr, cx + rr, cy + rr], start, start + 90, fill=GOLD,
                  width=max(1, int(0.25 * u)))
        for k in range(7):
            a = math.radians(start + k * 15)
            d.line([(cx, cy), (cx + fan * math.cos(a), cy + fan * math.sin(a))], fill=GOLD,
                   width=thin)


def phone_photo(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page photographed with a phone under a lamp: the top edge a little narrower than
    the bottom (the phone tilted), the light warm and falling off from one corner, a dark
    table showing in the wedges round the keystoned page."""
    w, h = img.size
    inset = rng.uniform(0.012, 0.022) * w
    drop = rng.uniform(0.004, 0.01) * h
    # the page's corners as they land: top-left, bottom-left, bottom-right, top-right
    quad = (inset, drop, 0, h, w, h, w - inset, drop)
    coeffs = _perspective(quad, (w, h))
    out = img.transform((w, h), Image.PERSPECTIVE, coeffs, resample=Image.BICUBIC,
                        fillcolor=(58, 48, 40))
    arr = np.asarray(out, float)
    yy, xx = np.mgrid[0:h, 0:w]
    cx, cy = rng.choice((0.15, 0.85)) * w, rng.uniform(0.1, 0.3) * h
    reach = math.hypot(w, h)
    fall = np.hypot(xx - cx, yy - cy) / reach
    light = 1.04 - 0.22 * fall
    arr = arr * light[..., None] * (np.array(LAMP, float) / 255.0)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def _perspective(quad, size) -> list[float]:
    """The coefficients PIL's PERSPECTIVE transform wants to draw the page with its corners
    at ``quad`` (output points back to the source's corners)."""
    w, h = size
    src = [(0, 0), (0, h), (w, h), (w, 0)]
    dst = list(zip(quad[0::2], quad[1::2], strict=True))
    rows, rhs = [], []
    for (x, y), (sx, sy) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -sx * x, -sx * y])
        rows.append([0, 0, 0, x, y, 1, -sy * x, -sy * y])
        rhs += [sx, sy]
    return np.linalg.solve(np.array(rows, float), np.array(rhs, float)).tolist()


def toner_band(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """An office laser print from a worn drum: a pale band 14-22 mm wide down the page where
    the print carries less toner (dark strokes lose up to a third of their darkness)."""
    u = dpi / 25.4
    w = img.width
    at = rng.uniform(0.3, 0.7) * w
    half = rng.uniform(7, 11) * u
    xs = np.arange(w)
    band = np.exp(-((xs - at) / half) ** 6)
    arr = np.asarray(img, float)
    ink = (255 - arr) * (1 - 0.34 * band)[None, :, None]
    return Image.fromarray(np.uint8(np.clip(255 - ink, 0, 255)), "RGB")


FINISHES = {"phone": phone_photo, "toner_band": toner_band}
GROUP12_CUES = {"menerangkan_nsm": menerangkan_nsm, "rektor_menyatakan": rektor_menyatakan}
GROUP12_BORDERS = {"star_band": star_band, "gold_frame": gold_frame}

__all__ = ["FINISHES", "GROUP12_BORDERS", "GROUP12_CUES", "gold_frame", "menerangkan_nsm",
           "phone_photo", "rektor_menyatakan", "star_band", "toner_band"]
