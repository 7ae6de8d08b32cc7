"""Twentieth-group diplomas: an SMA or MA diploma (Arapey, Doulos SIL) in a band of fish
scales whose holder's name stands centred under "Ijazah ini diberikan kepada :" in
capitals set far apart ("A H M A D   F A U Z I": a letter's width between letters, three
between words), a rule under it, the school's round stamp pressed in red ink partly over
the head's signature; and an old madrasah diploma of the Departemen Agama years (Linden
Hill) in a thick-and-thin rule with quatrefoils at its corners, a printed form typed in
on a machine with a condensed face (Yanone Kaffeesatz), whose holder is named as the
madrasah registered them, with "BIN" or "BINTI" and the father's name ("AHMAD FAUZI BIN
SAMSUDIN", all of it the name printed: on its dotted line, or "BIN ..." on the line under
it where the typist broke it there); its paper yellowed and foxed (clusters of rust-brown
spots, most towards the edges), handed in as a grey photocopy."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from formgen.core.yamlfile import load_yaml

DATA = Path(__file__).with_name("data") / "ijazah_group20.yaml"
TRACK = 0.62                   # the spaced name's gap between letters, of its size
WORD_GAP = 2.0                 # ... and between words, in those gaps (with the space)
RUST = (170, 104, 52)          # foxing: the iron in the paper rusting in damp
TYPE_INK = (34, 30, 36)        # the typewriter's ribbon
BREAK_SHARE = 0.45             # how often the typist broke the name before "bin"


@cache
def _data() -> dict:
    """The twentieth group's wording (data/ijazah_group20.yaml)."""
    return load_yaml(DATA)


def with_father(person: dict) -> tuple[str, str]:
    """The holder's name as an old madrasah registered it and its diploma prints it (the
    holder's own name in capitals, "BIN" for a son or "BINTI" for a daughter, and the
    father's name), and the father's name (Title Case), the same for the same holder."""
    words = _data()["bin_ayah"]
    rng = random.Random(f"ayah-{person.get('nik')}-{person['nama']}")
    father = rng.choice(words["fathers"])
    link = words["daughter"] if person.get("jenis_kelamin") == "P" else words["son"]
    return f"{person['nama'].upper()} {link} {father.upper()}", father


# -- frames -------------------------------------------------------------------------------

def sisik_ikan(img: Image.Image, color, rng: random.Random, *, dpi: int,
               margin_mm: float) -> None:
    """A heavy outer rule and a thin inner one 7 mm inside it, the band between them
    filled with fish scales: rows of half rings, each row set half a scale along from the
    one before, opening towards the page."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, 7.0 * u
    thin, heavy = max(1, round(0.18 * u)), max(2, round(0.6 * u))
    scale = rng.uniform(2.6, 3.0) * u
    box = (m + band, m + band, w - m - band, h - m - band)
    layer = Image.new("L", img.size, 0)
    ld = ImageDraw.Draw(layer)
    r = scale / 2
    for row in range(int(h / (0.5 * scale)) + 2):
        y = m + row * 0.5 * scale
        shift = (row % 2) * r
        x = m + shift - r
        while x < w - m + r:
            ld.arc([x - r, y - r, x + r, y + r], 0, 180, fill=255, width=thin)
            x += scale
    ring = Image.new("L", img.size, 0)
    rd = ImageDraw.Draw(ring)
    rd.rectangle([m, m, w - m, h - m], fill=255)
    rd.rectangle(box, fill=0)
    layer = Image.composite(layer, Image.new("L", img.size, 0), ring)
    img.paste(color, (0, 0), layer)
    d.rectangle([m, m, w - m, h - m], outline=color, width=heavy)
    d.rectangle(box, outline=color, width=thin)


def _quatrefoil(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color,
                width: int) -> None:
    """Four round lobes round a point, each touching the next, and a dot in the middle."""
    for k in range(4):
        a = k * math.pi / 2 + math.pi / 4
        px, py = cx + 0.45 * r * math.cos(a), cy + 0.45 * r * math.sin(a)
        d.ellipse([px - 0.45 * r, py - 0.45 * r, px + 0.45 * r, py + 0.45 * r],
                  outline=color, width=width)
    s = 0.12 * r
    d.ellipse([cx - s, cy - s, cx + s, cy + s], fill=color)


def titik_sudut(img: Image.Image, color, rng: random.Random, *, dpi: int,
                margin_mm: float) -> None:
    """A thick rule with a thin one 1.5 mm inside it, a row of small dots 4 mm inside
    that, and at each corner a ruled square holding a quatrefoil, as the printers of
    old forms set them from stock ornaments."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    thin, heavy = max(1, round(0.2 * u)), max(2, round(0.9 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=heavy)
    inner = m + 1.5 * u
    d.rectangle([inner, inner, w - inner, h - inner], outline=color, width=thin)
    dots = inner + 4.0 * u
    pitch, r = rng.uniform(2.3, 2.7) * u, max(1.0, 0.28 * u)
    corner = 9.0 * u
    for (xa, ya), (xb, yb) in (((dots + corner, dots), (w - dots - corner, dots)),
                               ((dots + corner, h - dots), (w - dots - corner, h - dots)),
                               ((dots, dots + corner), (dots, h - dots - corner)),
                               ((w - dots, dots + corner), (w - dots, h - dots - corner))):
        n = max(1, int(math.hypot(xb - xa, yb - ya) / pitch))
        for k in range(n + 1):
            x, y = xa + (xb - xa) * k / n, ya + (yb - ya) * k / n
            d.ellipse([x - r, y - r, x + r, y + r], fill=color)
    paper = img.getpixel((int(w / 2), int(h / 2)))[:3]
    for cx in (dots, w - dots):
        for cy in (dots, h - dots):
            half = 0.55 * corner
            d.rectangle([cx - half, cy - half, cx + half, cy + half], fill=paper,
                        outline=color, width=thin)
            _quatrefoil(d, cx, cy, 0.9 * half, color, thin)


# -- the letter-spaced name ---------------------------------------------------------------

def _school(value: str) -> str:
    """A school's name in Title Case with its level's abbreviation as schools write it."""
    return " ".join({"Sma": "SMA", "Ma": "MA", "Mts": "MTs", "Smk": "SMK"}.get(w, w)
                    for w in value.split(" "))


def spaced_width(p, text: str, fnt, track: float) -> float:
    """The width (px) of ``text`` letter-spaced by ``track`` px, words ``WORD_GAP``
    gaps apart."""
    return sum(p.d.textlength(ch, font=fnt) + (WORD_GAP * track if ch == " " else track)
               for ch in text) - track


def kepada_renggang(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                    sizes: tuple[float, float]) -> float:
    """"Ijazah ini diberikan kepada :" centred; under it the name centred in capitals
    set far apart (each letter drawn alone, a gap of ``TRACK`` of the size after it,
    ``WORD_GAP`` gaps between words), a fine rule under it in the accent colour; then the
    rows as a table. The name's box (mm) is kept as ``p.name_box``."""
    body, big = sizes
    wmm = p.w / p.u
    words = _data()["renggang"]
    p.centre(y, words["opening"], dz.body, body * 1.05)
    size = big * 0.95
    fnt = p.font(dz.name_face, size)
    while size > body and spaced_width(p, name, fnt, TRACK * size * p.u) > wmm * 0.76 * p.u:
        size -= 0.2
        fnt = p.font(dz.name_face, size)
    track = TRACK * size * p.u
    span = spaced_width(p, name, fnt, track)
    x = p.w / 2 - span / 2
    top = y + body + 5
    p.name_box = (x / p.u, top, (x + span) / p.u, top + size)
    for ch in name:
        if ch != " ":
            p.d.text((x, top * p.u), ch, font=fnt, fill=p.ink)
        x += p.d.textlength(ch, font=fnt) + (WORD_GAP * track if ch == " " else track)
    rule = (top + size * 1.25) * p.u
    p.d.line([(p.w / 2 - span / 2 - 3 * p.u, rule), (p.w / 2 + span / 2 + 3 * p.u, rule)],
             fill=dz.accent, width=max(1, round(0.2 * p.u)))
    y = top + size + 8
    values = dict(rows)
    lab_x, col_x = wmm * 0.17, wmm * 0.17 + 56
    for key, label in words["rows"].items():
        value = _school(values.get(key, ""))
        p.text(lab_x, y, label, dz.body, body * 0.95)
        p.text(col_x - 3, y, ":", dz.body, body * 0.95)
        p.text(col_x, y, value, dz.body, body * 0.95, width_mm=wmm * 0.83 - col_x)
        y += body + 3
    return y


# -- the typed form with "bin" ------------------------------------------------------------

def typed_words(p, x_mm: float, y_mm: float, text: str, role: str, size_mm: float,
                rng: random.Random) -> float:
    """``text`` typed word by word in ``role``: each word struck a little off the line and
    inked more or less as the ribbon gives; the x (mm) after it."""
    fnt = p.font(role, size_mm)
    x = x_mm * p.u
    space = p.d.textlength(" ", font=fnt)
    for word in text.split(" "):
        light = rng.uniform(0.0, 0.25)
        ink = tuple(int(c + light * (170 - c)) for c in TYPE_INK)
        p.d.text((x, (y_mm + rng.gauss(0, 0.06)) * p.u), word, font=fnt, fill=ink)
        x += p.d.textlength(word, font=fnt) + space
    return x / p.u


def name_lines(name: str, fits: bool, rng: random.Random) -> list[str]:
    """The printed name on one dotted line, or broken before "BIN"/"BINTI" onto the next
    where it does not ``fits`` the line or the typist broke it there."""
    words = _data()["bin_ayah"]
    for link in (words["daughter"], words["son"]):
        mark = f" {link} "
        if mark in name and (not fits or rng.random() < BREAK_SHARE):
            own, father = name.split(mark, 1)
            return [own, f"{link} {father}"]
    return [name]


def bin_ayah(p, dz, y: float, name: str, rows: list[tuple[str, str]],
             sizes: tuple[float, float]) -> float:
    """"Kepala Madrasah tersebut di atas menerangkan bahwa :", then the form's rows, each a
    printed label, a colon and a dotted line typed onto: "Nama" first, the holder's name
    with "BIN"/"BINTI" and the father's (see :func:`name_lines`), the father again on the
    "Nama Orang Tua" row. The name's box (mm) is kept as ``p.name_box``."""
    body, _ = sizes
    words = _data()["bin_ayah"]
    rng = random.Random(f"ketik-{name}")   # the typist's hand: the same for the same holder
    wmm = p.w / p.u
    lab_x, col_x, end = wmm * 0.13, wmm * 0.13 + 50, wmm * 0.87
    p.text(lab_x, y, words["opening"], dz.body, body)
    y += body + 6
    size = body * 1.25
    fnt = p.font(dz.name_face, size)
    fits = p.d.textlength(name, font=fnt) < (end - col_x - 3) * p.u
    items = [(words["name"], line) for line in name_lines(name, fits, rng)]
    values = dict(rows)
    items += [(shown, values[key]) for key, shown in words["rows"].items() if key in values]
    dot_font = p.font(dz.body, body)
    dots = "." * int((end - col_x) * p.u / p.d.textlength(".", font=dot_font))
    first, right = y, col_x
    for k, (label, value) in enumerate(items):
        if k == 0 or items[k - 1][0] != label:   # a broken name's second line: no label
            p.text(lab_x, y, label, dz.body, body)
            p.text(col_x - 3, y, ":", dz.body, body)
        if label == words["rows"].get("nomor induk siswa nasional"):
            value = value[-5:]   # the madrasah's own register number, before the NISN
        p.text(col_x, y + 0.6, dots, dz.body, body, fill=(110, 96, 80))
        after = typed_words(p, col_x + 2, y - (size - body) * 0.7, value, dz.name_face, size,
                            rng)
        if label == words["name"]:
            right = max(right, after)
            p.name_box = (col_x + 2, first - (size - body) * 0.7, right, y + size)
        y += body + 5.5
    return y


# -- yellowed, foxed, copied grey ---------------------------------------------------------

def foxing(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Foxing: clusters of small rust-brown spots (a darker core in a paler halo) where
    the paper's iron rusted in damp, most near the sheet's edges, a few pinpoints over
    it all."""
    u = dpi / 25.4
    w, h = img.size
    layer = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(layer)
    for _ in range(rng.randint(6, 10)):
        if rng.random() < 0.75:   # near an edge
            side = rng.choice("tblr")
            cx = rng.uniform(0, w) if side in "tb" else rng.uniform(5, 35) * u
            cy = rng.uniform(0, h) if side in "lr" else rng.uniform(5, 35) * u
            cx, cy = (w - cx if side == "r" else cx), (h - cy if side == "b" else cy)
        else:
            cx, cy = rng.uniform(0.15, 0.85) * w, rng.uniform(0.15, 0.85) * h
        for _ in range(rng.randint(4, 14)):
            x, y = cx + rng.gauss(0, 6) * u, cy + rng.gauss(0, 6) * u
            r = min(2.0, rng.expovariate(1 / 0.55) + 0.2) * u
            d.ellipse([x - 2.2 * r, y - 2.2 * r, x + 2.2 * r, y + 2.2 * r],
                      fill=int(rng.uniform(40, 70)))
            d.ellipse([x - r, y - r, x + r, y + r], fill=int(rng.uniform(150, 215)))
    for _ in range(rng.randint(40, 90)):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.12, 0.3) * u
        d.ellipse([x - r, y - r, x + r, y + r], fill=int(rng.uniform(90, 170)))
    share = np.asarray(layer.filter(ImageFilter.GaussianBlur(0.3 * u)), np.float32) / 255
    arr = np.asarray(img.convert("RGB"), np.float32)
    arr = arr * (1 - 0.75 * share[..., None]) + np.array(RUST, np.float32) * 0.75 * \
        share[..., None]
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def foxed_grey_copy(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The yellowed sheet foxed (:func:`foxing`) and handed in as a grey photocopy: the
    copier reads it in grey, lifts the paper's yellow to a pale grey and darkens the rest
    (the foxing and the creases grey blots and lines), its toner a little grainy, a few
    specks; grey whether scanned in grey or in colour."""
    u = dpi / 25.4
    img = foxing(img, rng, dpi)
    g = np.random.default_rng(rng.getrandbits(32))
    grey = np.asarray(img.convert("L"), np.float32) / 255
    lo, hi = rng.uniform(0.08, 0.14), rng.uniform(0.93, 0.99)
    grey = np.clip((grey - lo) / (hi - lo), 0, 1) ** rng.uniform(1.15, 1.35)
    grey = grey + g.normal(0, 0.018, grey.shape)
    h, w = grey.shape
    specks = g.random((h, w)) < 0.00025 * (300 / dpi) ** 2
    grey[specks] = 0.15
    out = Image.fromarray(np.uint8(np.clip(grey * 255, 0, 255)), "L")
    out = out.filter(ImageFilter.GaussianBlur(max(0.4, 0.06 * u)))
    return out.convert("RGB")


FINISHES = {"foxed_grey_copy": foxed_grey_copy}
GROUP20_CUES = {"kepada_renggang": kepada_renggang, "bin_ayah": bin_ayah}
GROUP20_BORDERS = {"sisik_ikan": sisik_ikan, "titik_sudut": titik_sudut}

__all__ = ["FINISHES", "GROUP20_BORDERS", "GROUP20_CUES", "TRACK", "WORD_GAP", "bin_ayah",
           "foxed_grey_copy", "foxing", "kepada_renggang", "name_lines", "sisik_ikan",
           "spaced_width", "titik_sudut", "typed_words", "with_father"]
