"""Twenty-first-group diplomas: an SMK diploma (STIX) in a frame of gear teeth whose head
names the school and its NPSN and then the holder, the name large in a brush script
(Kaushan Script) in Title Case, scanned still in its padded diploma folder opened flat
(the folder's cover beyond the page's edge, the page curving off the glass towards the
spine: darker there, its lines squeezed and bent); and an SMP diploma of the 2000s (Libris
ADF) in a band of running spirals (pilin), a printed form whose dotted lines the school's
clerk filled in by hand with a ballpoint (Breip), the name in capitals, scanned on thin
paper under a bright lamp so that the list of marks printed on its back shows through,
mirrored and faint."""
from __future__ import annotations

import math
import random
import textwrap
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from formgen.core.yamlfile import load_yaml
from scansim.ijazah_faces import face
from scansim.ijazah_holders import title_case

DATA = Path(__file__).with_name("data") / "ijazah_group21.yaml"
PEN_INK = (28, 34, 92)         # a blue-black ballpoint
FOLDERS = ((92, 22, 30), (24, 34, 78), (22, 60, 40))   # leatherette: maroon, navy, green
SPINE_MM = (22.0, 34.0)        # how far from the spine the page lifts off the glass


@cache
def _data() -> dict:
    """The twenty-first group's wording (data/ijazah_group21.yaml)."""
    return load_yaml(DATA)


def _school(value: str) -> str:
    """A school's name in Title Case with its level's abbreviation as schools write it."""
    return " ".join({"Smk": "SMK", "Smp": "SMP"}.get(w, w) for w in value.title().split(" "))


# -- frames -------------------------------------------------------------------------------

def gerigi(img: Image.Image, color, rng: random.Random, *, dpi: int,
           margin_mm: float) -> None:
    """A heavy rule with a row of square gear teeth standing inward from it, a thin rule
    inside them, and a gear wheel (a toothed ring round a hub) at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    heavy, thin = max(2, round(0.7 * u)), max(1, round(0.2 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=heavy)
    tooth, pitch = 1.6 * u, rng.uniform(3.6, 4.2) * u
    inner = m + heavy
    gear = 8.0 * u
    for a, b, fixed, across in ((inner + gear, w - inner - gear, inner, False),
                                (inner + gear, w - inner - gear, h - inner, False),
                                (inner + gear, h - inner - gear, inner, True),
                                (inner + gear, h - inner - gear, w - inner, True)):
        sign = 1 if fixed == inner else -1
        t = a
        while t + pitch / 2 < b:
            x0, x1 = t, t + pitch / 2
            y0, y1 = fixed, fixed + sign * tooth
            box = [min(y0, y1), x0, max(y0, y1), x1] if across else \
                [x0, min(y0, y1), x1, max(y0, y1)]
            d.rectangle(box, fill=color)
            t += pitch
    rule = inner + tooth + 0.8 * u
    d.rectangle([rule, rule, w - rule, h - rule], outline=color, width=thin)
    for cx in (inner + 0.55 * gear, w - inner - 0.55 * gear):
        for cy in (inner + 0.55 * gear, h - inner - 0.55 * gear):
            r = 0.42 * gear
            pts = []
            for k in range(48):   # twelve teeth: out, out, in, in
                a = 2 * math.pi * k / 48
                rr = r if (k // 2) % 2 == 0 else 0.78 * r
                pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
            d.polygon(pts, fill=color)
            hub = 0.45 * r
            paper = img.getpixel((int(w / 2), int(h / 2)))[:3]
            d.ellipse([cx - hub, cy - hub, cx + hub, cy + hub], fill=paper)
            d.ellipse([cx - 0.18 * r, cy - 0.18 * r, cx + 0.18 * r, cy + 0.18 * r], fill=color)


def pilin(img: Image.Image, color, rng: random.Random, *, dpi: int,
          margin_mm: float) -> None:
    """Two thin rules 6 mm apart with a band of running spirals between them (pilin: each
    spiral curls in from the wave that joins it to the next, up and down by turns)."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 6.0 * u
    width = max(1, round(0.22 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.35 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=width)
    pitch = rng.uniform(5.2, 5.8) * u
    r = 0.3 * band

    def run(x0: float, y0: float, length: float, across: bool) -> None:
        n = max(2, int(length / pitch))
        step = length / n
        for k in range(n):
            up = 1 if k % 2 == 0 else -1
            pts = []
            for t in np.linspace(0, 2.4 * math.pi, 36):   # the curl, loosening outward
                rr = r * (1 - t / (2.9 * math.pi))
                a = -up * t + (math.pi / 2 if up > 0 else -math.pi / 2)
                pts.append((step * (k + 0.5) + rr * math.cos(a), up * 0.05 * band
                            + rr * math.sin(a)))
            pts = pts[::-1] + [(step * (k + 1), 0.0)]   # out of the curl into the wave
            pts = [(x0 + py, y0 + px) if across else (x0 + px, y0 + py) for px, py in pts]
            d.line(pts, fill=color, width=width, joint="curve")

    mid = m + band / 2
    run(m + band, mid, w - 2 * (m + band), False)
    run(m + band, h - mid, w - 2 * (m + band), False)
    run(mid, m + band, h - 2 * (m + band), True)
    run(w - mid, m + band, h - 2 * (m + band), True)
    for cx in (mid, w - mid):   # a rosette of dots at each corner
        for cy in (mid, h - mid):
            for k in range(6):
                a = k * math.pi / 3
                q = max(1.0, 0.45 * u)
                px, py = cx + 0.28 * band * math.cos(a), cy + 0.28 * band * math.sin(a)
                d.ellipse([px - q, py - q, px + q, py + q], fill=color)


# -- the holder named in a brush script ----------------------------------------------------

def kuas_npsn(p, dz, y: float, name: str, rows: list[tuple[str, str]],
              sizes: tuple[float, float]) -> float:
    """The head's sentence naming the school and its NPSN, centred over two or three
    lines; under it the holder's name large in the brush script in Title Case, in the
    accent colour, a short rule under it; then the rows as a table. The name's box (mm)
    is kept as ``p.name_box``."""
    body, big = sizes
    wmm = p.w / p.u
    words = _data()["kuas"]
    values = dict(rows)
    school = _school(values.get("satuan pendidikan", ""))
    npsn = f"{sum(map(ord, name + school)) * 7919 % 10**8:08d}"   # the school's own, fixed
    sentence = words["opening"].format(school=school, npsn=npsn)
    for line in textwrap.wrap(sentence, 82):
        p.centre(y, line, dz.body, body * 1.02, width_mm=wmm * 0.8)
        y += body + 2
    shown = title_case(name)
    p.name(None, y + 3, shown, dz.name_face, big * 1.6, wmm * 0.66, body, dz.accent, "mt")
    x0, _, x1, bottom = p.name_box
    rule = bottom + 2.5
    span = (x1 - x0) / 2 + 6
    p.d.line([(p.w / 2 - span * p.u, rule * p.u), (p.w / 2 + span * p.u, rule * p.u)],
             fill=dz.accent, width=max(1, round(0.25 * p.u)))
    y = rule + 6
    lab_x, col_x = wmm * 0.16, wmm * 0.16 + 58
    for key, label in words["rows"].items():
        if key not in values:
            continue
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, values[key], dz.body, body, width_mm=wmm * 0.84 - col_x)
        y += body + 3
    return y


# -- the form filled in by hand -------------------------------------------------------------

def handwritten(p, x_mm: float, y_mm: float, text: str, role: str, size_mm: float,
                rng: random.Random, *, slope: float = 0.0) -> float:
    """``text`` written with a ballpoint in ``role``, letter by letter: each a little off
    the line and in size, the line drifting by ``slope`` (mm per mm), the pen pressing
    harder or lighter word by word; the x (mm) after it."""
    x = x_mm * p.u
    start = x
    ink = PEN_INK
    for ch in text:
        if ch == " ":
            x += p.d.textlength(" ", font=p.font(role, size_mm)) * rng.uniform(0.9, 1.3)
            light = rng.uniform(0.0, 0.3)
            ink = tuple(int(c + light * (150 - c)) for c in PEN_INK)
            continue
        fnt = p.font(role, size_mm * rng.uniform(0.94, 1.06))
        dy = (y_mm + slope * (x - start) / p.u + rng.gauss(0, 0.08)) * p.u
        p.d.text((x, dy), ch, font=fnt, fill=ink)
        x += p.d.textlength(ch, font=fnt) * rng.uniform(0.97, 1.08)
    return x / p.u


def isian_bolpoin(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """"Kepala Sekolah ... menerangkan bahwa :", then the form's rows, each a printed
    label, a colon and a dotted line with its value written on it by hand (the name first,
    in capitals, a little larger). The name's box (mm) is kept as ``p.name_box``."""
    body, _ = sizes
    words = _data()["isian"]
    rng = random.Random(f"bolpoin-{name}")   # the clerk's hand: the same for the same holder
    wmm = p.w / p.u
    lab_x, col_x, end = wmm * 0.14, wmm * 0.14 + 52, wmm * 0.86
    p.text(lab_x, y, words["opening"], dz.body, body, width_mm=end - lab_x)
    y += body + 7
    values = dict(rows)
    items = [(words["name"], name)]
    items += [(shown, values[key]) for key, shown in words["rows"].items() if key in values]
    dot_font = p.font(dz.body, body)
    dots = "." * int((end - col_x) * p.u / p.d.textlength(".", font=dot_font))
    slope = rng.uniform(-0.012, 0.012)
    for k, (label, value) in enumerate(items):
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y + 0.7, dots, dz.body, body, fill=(120, 120, 120))
        if label == words["rows"].get("nomor induk siswa nasional"):
            value = value[-5:]   # the school's own register number
        size = body * (1.5 if k == 0 else 1.3)
        top = y - (size - body) * 0.9
        after = handwritten(p, col_x + 2.5, top, value, dz.name_face, size, rng, slope=slope)
        if k == 0:
            p.name_box = (col_x + 2.5, top - 1, after, top + size + 1)
        y += body + 7
    return y


# -- scanned in its folder; its back showing through --------------------------------------

def map_folder(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The diploma scanned still in its padded folder, opened flat on the glass: the
    folder's leatherette cover shows in a strip beyond the page's left edge (the spine),
    and within 22-34 mm of it the page lifts off the glass: its lines squeezed towards the
    spine and bent towards the middle of the page, the page shaded darker the nearer the
    spine; the cover's clear sheet a pale line along the page's edge."""
    u = dpi / 25.4
    w, h = img.size
    src = np.asarray(img.convert("RGB"), np.float32)
    strip = rng.uniform(5.0, 9.0) * u
    lift = rng.uniform(*SPINE_MM) * u
    xx = np.arange(w, dtype=np.float32) - strip
    near = np.exp(-np.clip(xx, 0, None) / (0.4 * lift))
    b = 1.1                                      # the squeeze right at the spine
    a = (w - b * 0.4 * lift * (1 - math.exp(-(w - strip) / (0.4 * lift)))) / (w - strip)
    sx = a * xx + b * 0.4 * lift * (1 - near)
    grow = 1 + 0.03 * near                       # further from the glass: looks smaller
    yy = np.arange(h, dtype=np.float32)[:, None]
    cy = h / 2
    map_x = np.broadcast_to(sx[None, :], (h, w)).astype(np.float32)
    map_y = (cy + (yy - cy) * grow[None, :]).astype(np.float32)
    page = cv2.remap(src, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    shade = 1 - 0.6 * np.exp(-np.clip(xx, 0, None) / (0.22 * lift))
    page = page * shade[None, :, None]
    g = np.random.default_rng(rng.getrandbits(32))
    cover = np.array(rng.choice(FOLDERS), np.float32)
    grain = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 0.25 * u)
    leather = cover[None, None, :] * (0.75 + 0.12 * grain[..., None])
    edge = strip + 0.25 * u * np.sin(np.arange(h) / (40 * u))[:, None]   # never quite level
    on_page = np.clip(np.arange(w)[None, :] - edge + 0.5, 0, 1)[..., None]
    out = leather * (1 - on_page) + page * on_page
    sheet = np.exp(-((np.arange(w)[None, :] - edge - 1.2 * u) / (0.3 * u)) ** 2)
    out = out + (235 - out) * (0.35 * sheet)[..., None]
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


def _marks_back(size: tuple[int, int], rng: random.Random, dpi: int) -> Image.Image:
    """The back of the diploma: "DAFTAR NILAI" and a ruled table of subjects with their
    marks in figures and in words, in black on white (as the back is printed)."""
    u = dpi / 25.4
    w, h = size
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    words = _data()["nilai"]
    font = face("libris", int(3.4 * u))
    bold = face("libris_bold", int(5.0 * u))
    d.text((w / 2, 40 * u), words["title"], font=bold, fill=0, anchor="ma")
    d.text((w / 2, 48 * u), words["subtitle"], font=font, fill=0, anchor="ma")
    cols = [25 * u, 38 * u, 120 * u, 150 * u, 185 * u]
    top, row = 60 * u, 9 * u
    lines = len(words["subjects"]) + 2
    for k in range(lines + 1):
        d.line([(cols[0], top + k * row), (cols[-1], top + k * row)], fill=0,
               width=max(1, round(0.25 * u)))
    for x in cols:
        d.line([(x, top), (x, top + lines * row)], fill=0, width=max(1, round(0.25 * u)))
    for x, text in zip(cols, words["head"], strict=False):
        d.text((x + 2 * u, top + 2.5 * u), text, font=font, fill=0)
    ones = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
            "sembilan"]
    total = 0.0
    for k, subject in enumerate(words["subjects"]):
        mark = rng.randint(60, 95) / 10
        total += mark
        y = top + (k + 1) * row + 2.5 * u
        whole, tenth = f"{mark:.1f}".split(".")
        cells = (f"{k + 1}.", subject, f"{mark:.1f}".replace(".", ","),
                 f"{ones[int(whole)]} koma {ones[int(tenth)]}".title())
        for x, text in zip(cols, cells, strict=False):
            d.text((x + 2 * u, y), text, font=font, fill=0)
    y = top + (lines - 1) * row + 2.5 * u
    d.text((cols[1] + 2 * u, y), "Jumlah", font=font, fill=0)
    d.text((cols[2] + 2 * u, y), f"{total:.1f}".replace(".", ","), font=font, fill=0)
    return img


def tembus_nilai(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Scanned on thin paper under a bright lamp: the list of marks on the sheet's back
    shows through, mirrored, soft (spread in the paper) and faint, darker where the
    back's ink is heavy."""
    u = dpi / 25.4
    back = _marks_back(img.size, rng, dpi).transpose(Image.FLIP_LEFT_RIGHT)
    back = back.filter(ImageFilter.GaussianBlur(max(0.8, 0.3 * u)))
    through = 1 - np.asarray(back, np.float32) / 255
    strength = rng.uniform(0.09, 0.14)
    arr = np.asarray(img.convert("RGB"), np.float32)
    arr = arr * (1 - strength * through[..., None]) + 90 * strength * through[..., None]
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


FINISHES = {"map_folder": map_folder, "tembus_nilai": tembus_nilai}
GROUP21_CUES = {"kuas_npsn": kuas_npsn, "isian_bolpoin": isian_bolpoin}
GROUP21_BORDERS = {"gerigi": gerigi, "pilin": pilin}

__all__ = ["FINISHES", "FOLDERS", "GROUP21_BORDERS", "GROUP21_CUES", "PEN_INK", "gerigi",
           "handwritten", "isian_bolpoin", "kuas_npsn", "map_folder", "pilin",
           "tembus_nilai"]
