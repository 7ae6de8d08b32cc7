"""Thirtieth-group diplomas: a state teachers' training school's (SPG: Sekolah Pendidikan
Guru, a senior high school of the years before 1992; its level is SMA) diploma of the
Departemen Pendidikan dan Kebudayaan, 1978-1991 (Galatia SIL), upright in a band of
strung beads (manik_manik), its particulars (the name, the birth, the parents, the register
and examination numbers) written into the blank's dotted lines by a clerk with a fountain
pen in a blue-black ink (Kristi), hung for years framed on a sunny wall (luntur: inside the
mat's window the light faded the dyes, the pen's ink browned and paled, the coloured print
and the stamp bleached, the paper yellowed, a brown line of mat burn along the window's
edge, the margin under the mat as it was; then scanned in colour); and an Universitas
Terbuka's (the open university's) S1 diploma, 2005-2024 (Summersby, "IJAZAH", the
headings and the name in Apropal), upright in a band of a picket fence (pagar), the
ministry of its year, the regional office, the rector's sentence, the name large and
centred, the rows under it and the degree of its study programme, photocopied on a
copier whose fuser and drum were worn (hantu: a pale ghost of the whole page repeated a
roller's turn further down the sheet, a fainter second one under it, a band of unfused
toner smeared along the feed off the name's line, the drum's grey haze and specks; a grey
copy)."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from formgen.core.yamlfile import load_yaml
from scansim.ijazah_era import by_year
from scansim.ijazah_group16 import wrap
from scansim.ijazah_group29 import Filler
from scansim.ijazah_holders import holder_rows, titled
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group30.yaml"
KEEP_CASE = {"Spg": "SPG", "Dan": "dan", "Ut": "UT"}   # words written so in Title Case
PEN_INKS = ((30, 40, 92), (24, 30, 70), (40, 46, 110))   # a fountain pen's blue-black inks
SERIAL_RED = (170, 40, 40)      # the blank's serial, printed in red
# Framed on a sunny wall for years (see luntur_plan): each per page.
SUN = {"window_mm": ((14.0, 22.0), (16.0, 26.0)),   # the mat's window in from the sides, top/foot
       "light": (0.75, 1.0),           # the light at the window's darker side (1 at the other)
       "yellow": (0.08, 0.18),         # how far the paper in the window yellowed
       "pen_keep": (0.6, 0.78),        # the pen's ink darkness kept in the window
       "pen_brown": (0.45, 0.75),      # ... and how far it turned brown
       "colour_fade": (0.45, 0.75),    # how much of the coloured print's colour went
       "burn_mm": (0.6, 1.2),          # the mat burn's line along the window's edge
       "burn": (0.12, 0.22),           # ... and its darkness
       "grey_scan": 0.0}               # scanned in colour
IRON_GALL = np.array((104, 78, 50), np.float32)   # a faded blue-black ink's brown
# A copier whose fuser and drum were worn (see hantu_plan): each per page.
GHOST = {"pitch_mm": (75.0, 95.0),     # the fuser roller's turn: where the ghost lands below
         "strength": (0.1, 0.18),      # the ghost's share of the print's darkness
         "second": (0.35, 0.55),       # a second ghost's share of the first's
         "shift_mm": (-0.4, 0.4),      # its sideways offset
         "smear_mm": (6.0, 14.0),      # a band of unfused toner smeared along the feed: width
         "smear_len_mm": (1.0, 2.6),   # ... how far it was dragged
         "haze": (6.0, 14.0),          # the drum's grey haze (levels)
         "specks": (150, 450)}         # toner specks


@cache
def _data() -> dict:
    """The thirtieth group's wording (data/ijazah_group30.yaml)."""
    return load_yaml(DATA)


# -- frames -------------------------------------------------------------------------------

def manik_manik(img: Image.Image, color, rng: random.Random, *, dpi: int,
                margin_mm: float) -> None:
    """A band 7.5 mm wide of beads strung on a cord (manik-manik, as Dayak beadwork strings
    them): round beads every 3.2 mm, each third a long bead across the band, the cord a
    fine line through them, between a double outer rule and a fine inner one; a rosette
    of six beads at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 7.5 * u
    fine = max(1, round(0.15 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.5 * u)))
    d.rectangle([m + 1.0 * u, m + 1.0 * u, w - m - 1.0 * u, h - m - 1.0 * u], outline=color,
                width=fine)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=fine)
    pitch = 3.2 * u
    r = 0.75 * u
    mid = m + 1.0 * u + (band - 1.0 * u) / 2

    def run(a0: float, a1: float, at: float, along_x: bool) -> None:
        line = [(a0, at), (a1, at)] if along_x else [(at, a0), (at, a1)]
        d.line(line, fill=color, width=fine)
        for k, t in enumerate(np.arange(a0 + pitch / 2, a1 - pitch / 2, pitch)):
            if k % 3 == 2:   # a long bead across the band
                box = [t - 0.55 * r, at - 2.2 * r, t + 0.55 * r, at + 2.2 * r]
                if not along_x:
                    box = [at - 2.2 * r, t - 0.55 * r, at + 2.2 * r, t + 0.55 * r]
                d.rounded_rectangle(box, radius=0.5 * r, outline=color, width=fine)
            else:
                cx, cy = (t, at) if along_x else (at, t)
                d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=color, width=fine)
                d.ellipse([cx - 0.3 * r, cy - 0.3 * r, cx + 0.3 * r, cy + 0.3 * r], fill=color)

    for y in (mid, h - mid):
        run(m + band, w - m - band, y, True)
    for x in (mid, w - mid):
        run(m + band, h - m - band, x, False)
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            for k in range(6):
                a = k * math.pi / 3
                bx, by = cx + 1.6 * r * math.cos(a), cy + 1.6 * r * math.sin(a)
                d.ellipse([bx - 0.7 * r, by - 0.7 * r, bx + 0.7 * r, by + 0.7 * r],
                          outline=color, width=fine)
            d.ellipse([cx - 0.6 * r, cy - 0.6 * r, cx + 0.6 * r, cy + 0.6 * r], fill=color)


def pagar(img: Image.Image, color, rng: random.Random, *, dpi: int,
          margin_mm: float) -> None:
    """A band 7 mm wide of a picket fence (pagar): pickets 1.2 mm wide every 2.4 mm with
    pointed tops facing the page's edge, two rails through them, between a heavy outer rule
    and a fine inner one; a square post with a ball at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 7.0 * u
    fine = max(1, round(0.14 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.7 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=fine)
    pitch, half = 2.4 * u, 0.6 * u

    def picket(t: float, out: float, inn: float, along_x: bool) -> None:
        sign = 1 if inn > out else -1
        tip = out + sign * 1.2 * u
        pts = [(t - half, inn - sign * 0.6 * u), (t - half, tip + sign * 0.9 * u), (t, tip),
               (t + half, tip + sign * 0.9 * u), (t + half, inn - sign * 0.6 * u)]
        if not along_x:
            pts = [(q, p) for p, q in pts]
        d.line(pts, fill=color, width=fine)

    for out, inn in ((m, m + band), (h - m, h - m - band)):
        for t in np.arange(m + band + pitch / 2, w - m - band, pitch):
            picket(t, out, inn, True)
        for f in (0.45, 0.75):
            y = out + (inn - out) * f
            d.line([(m + band, y), (w - m - band, y)], fill=color, width=fine)
    for out, inn in ((m, m + band), (w - m, w - m - band)):
        for t in np.arange(m + band + pitch / 2, h - m - band, pitch):
            picket(t, out, inn, False)
        for f in (0.45, 0.75):
            x = out + (inn - out) * f
            d.line([(x, m + band), (x, h - m - band)], fill=color, width=fine)
    s = 0.3 * band
    for cx in (m + band / 2, w - m - band / 2):
        for cy in (m + band / 2, h - m - band / 2):
            d.rectangle([cx - s, cy - s, cx + s, cy + s], outline=color, width=fine)
            d.ellipse([cx - 0.45 * s, cy - 0.45 * s, cx + 0.45 * s, cy + 0.45 * s], fill=color)


# -- the SPG's blank, its particulars written in by hand ------------------------------------

class Pen(Filler):
    """A clerk's fountain pen writing the particulars into the blank: :class:`Filler`'s
    marking of where the ink lies (the page's ``filled`` layer), in the pen's blue-black
    ``ink``, each run a little off its line and turned a fraction of a degree."""

    def __init__(self, p, role: str, ink) -> None:
        super().__init__(p, role)
        self.ink = ink

    def text_px(self, at, text: str, fnt, fill=None, anchor: str = "ls") -> None:
        x, y = at
        box = self.p.d.textbbox((0, 0), text, font=fnt, anchor=anchor)
        pad = int(fnt.size)
        tile = Image.new("L", (box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad), 0)
        nib = max(0, round(0.08 * self.p.u))   # the nib's line, broader than the face's
        ImageDraw.Draw(tile).text((pad - box[0], pad - box[1]), text, font=fnt, fill=255,
                                  anchor=anchor, stroke_width=nib, stroke_fill=255)
        lean = (len(text) % 5 - 2) * 0.15   # a hand's line rises or falls a little
        tile = tile.rotate(lean, resample=Image.BICUBIC)
        left, top = round(x + box[0] - pad), round(y + box[1] - pad)
        self.p.img.paste(self.ink, (left, top), tile)
        self.p.filled.paste(255, (left, top), tile)


def spg_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
               size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The SPG's face on the Departemen's blank: "No." at the top right with the blank's
    serial printed in red, the emblem, "DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN", "REPUBLIK
    INDONESIA", the directorate, "IJAZAH" in the title face, the level written out and
    the school year. The clerk's pen (a :class:`Pen`) is kept as ``p.pen``. Returns the y
    (mm) the holder's part begins at and the number."""
    words = _data()["spg"]
    p.school = school
    p.layout = random.Random(rng.getrandbits(32))
    p.pen = Pen(p, dz.name_face, p.layout.choice(PEN_INKS))
    nomor = f"{rng.randint(1, 27):02d} Pg {rng.randint(0, 999999):06d}"
    right = size_mm[0] - 26
    p.text(right - 30, 24, "No.", dz.body, 3.2, anchor="rs")
    p.text(right - 28, 24, nomor, dz.heading, 3.6, fill=SERIAL_RED, anchor="ls")
    draw_seal(p.d, dz.seal, p.w / 2, 40 * p.u, 11.5 * p.u, dz.accent)
    p.centre(55, dz.ministry, dz.heading, 4.2)
    p.centre(61, "REPUBLIK INDONESIA", dz.heading, 3.8)
    p.centre(66.5, words["directorate"], dz.body, 3.0)
    p.centre(73, dz.title_text, dz.title, 14.0 + p.layout.uniform(-0.5, 0.5), fill=dz.accent)
    p.centre(91, words["level"], dz.heading, 5.2, fill=dz.accent)
    p.centre(98.5, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.6)
    return 107.0, nomor


def spg_tulis(p, dz, y: float, name: str, rows: list[tuple[str, str]],
              sizes: tuple[float, float]) -> float:
    """The head's sentence, then the blank's rows, each a printed label, a colon and a
    dotted line, the particulars written on them by the clerk's pen (the header's
    :class:`Pen`, each row a little off its line): the name (by _Page.name, in capitals,
    larger; its box kept as ``p.name_box``), the birth, the parents, the register and
    the examination numbers; then the blank's closing sentence."""
    body, big = sizes
    words = _data()["spg"]
    lay = getattr(p, "layout", None) or random.Random(name)
    pen = getattr(p, "pen", None) or Pen(p, dz.name_face, PEN_INKS[0])
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "SPG Negeri", KEEP_CASE)
    lab_x, col_x = wmm * 0.14, wmm * 0.14 + 54
    size = body * 0.95
    for line in wrap(p, words["opening"].format(school=school), dz.body, size, wmm * 0.72):
        p.text(lab_x, y, line, dz.body, size)
        y += size + 1.5
    y += 4
    items = [(words["rows"][0], name),
             (words["rows"][1], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][2], titled(values.get("nama orang tua/wali", ""), {})),
             (words["rows"][3], f"{lay.randint(100, 2999)}"),
             (words["rows"][4], f"{lay.randint(10, 27):02d}-{lay.randint(1, 99):02d}-"
                                f"{lay.randint(1, 999):03d}")]
    dots = p.font(dz.body, body)
    end = wmm * 0.86
    line = "." * int((end - col_x) * p.u / max(1.0, p.d.textlength(".", font=dots)))
    for k, (label, value) in enumerate(items):
        base = y + (big if k == 0 else body) + 1.0
        p.text(lab_x, base, label, dz.body, body, anchor="ls")
        p.text(col_x - 3, base, ":", dz.body, body, anchor="ls")
        p.d.text((col_x * p.u, (base + 0.7) * p.u), line, font=dots, fill=p.ink, anchor="ls")
        x = col_x + 2 + lay.uniform(0, 3)
        off = lay.uniform(-0.9, 0.1)   # written a little above or on the dotted line
        if k == 0:   # the name as every diploma draws it, written by the pen
            p.name(x, base + off, value, dz.name_face, big * lay.uniform(1.4, 1.55), end - x,
                   body, anchor="ls", draw=pen.text_px)
            y = base + 3.8
        else:
            pen.text(x, base + off, value, body * 1.6)
            y = base + 4.2
    y += 2
    for line in wrap(p, words["closing"], dz.body, size, wmm * 0.72):
        p.text(lab_x, y, line, dz.body, size)
        y += size + 1.5
    return y + 2


# -- the open university's diploma ------------------------------------------------------------

def ministry_of(year: int) -> str:
    """The ministry the open university stood under in ``year``."""
    return by_year(_data()["ut"]["ministries"], year)


def ut_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
              size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The open university's face: its register number at the top left and its regional
    office at the top right, the emblem, the ministry of its year, "UNIVERSITAS TERBUKA",
    "IJAZAH" in the title face and the programme. Returns the y (mm) the holder's part
    begins at and the number."""
    words = _data()["ut"]
    p.school = school
    p.layout = random.Random(rng.getrandbits(32))
    programme = p.layout.choice(sorted(words["programmes"]))
    p.programme = programme
    faculty, degree = words["programmes"][programme]
    p.faculty, p.degree = faculty, degree
    kind = "".join(w[0] for w in faculty.replace(",", "").split() if w[0].isupper())
    nomor = words["register"].format(n=rng.randint(1, 299999), kind=kind, year=tahun)
    p.text(27, 24, f"Nomor : {nomor}", dz.body, 3.0)
    p.text(size_mm[0] - 27, 24, words["office"], dz.body, 3.0, anchor="ra")
    draw_seal(p.d, dz.seal, p.w / 2, 42 * p.u, 11 * p.u, dz.accent)
    p.centre(57, ministry_of(tahun), dz.heading, 3.6, width_mm=size_mm[0] * 0.72)
    p.centre(63, school, dz.heading, 6.4, fill=dz.accent)
    p.centre(74, dz.title_text, dz.title, 15.0 + p.layout.uniform(-0.6, 0.6), fill=dz.accent)
    p.centre(93, f"{spec['title']}", dz.heading, 4.6)
    return 103.0, nomor


def ut_rektor(p, dz, y: float, name: str, rows: list[tuple[str, str]],
              sizes: tuple[float, float]) -> float:
    """The rector's sentence centred, the holder's name large and centred (by _Page.name;
    its box kept as ``p.name_box``), a double rule under it, then the rows at a left
    column: the student number (nine figures), the birth, the study programme and its
    faculty (the header's, whose degree the page then confers)."""
    body, big = sizes
    words = _data()["ut"]
    lay = getattr(p, "layout", None) or random.Random(name)
    wmm = p.w / p.u
    values = dict(rows)
    for line in wrap(p, words["opening"], dz.body, body, wmm * 0.7):
        p.centre(y, line, dz.body, body)
        y += body + 1.5
    y += 3
    p.name(None, y, name, dz.name_face, big * lay.uniform(1.1, 1.2), wmm * 0.72, body,
           anchor="ma")
    y = p.name_box[3] + 2.2
    rule = wmm * 0.25
    for dy in (0, 0.8):
        p.d.line([((wmm / 2 - rule) * p.u, (y + dy) * p.u), ((wmm / 2 + rule) * p.u,
                                                           (y + dy) * p.u)],
                 fill=dz.accent, width=max(1, round(0.15 * p.u)))
    y += 5
    programme = getattr(p, "programme", "Manajemen")
    items = [(words["rows"][0], f"0{lay.randint(10000000, 99999999)}"),
             (words["rows"][1], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][2], programme),
             (words["rows"][3], getattr(p, "faculty", "Fakultas Ekonomi"))]
    lab_x = wmm * 0.2
    col_x = lab_x + 52
    return holder_rows(p, dz, y, items, body, lab_x, col_x, gap=2.2,
                       value_mm=wmm * 0.82 - col_x) + 2


# -- faded in a frame on a sunny wall ---------------------------------------------------------

def luntur_plan(size: tuple[int, int], rng: random.Random, u: float) -> dict:
    """How the light faded a sheet of ``size`` (px, ``u`` px a mm) in its frame: the mat's
    window (left, top, right, bottom, px), the side the light came from and how much less
    the far side got, the paper's yellowing, what the pen's ink kept and how brown it
    went, how much colour the coloured print lost, the mat burn's line."""
    w, h = size
    (sx0, sx1), (ty0, ty1) = SUN["window_mm"]
    window = (rng.uniform(sx0, sx1) * u, rng.uniform(ty0, ty1) * u,
              w - rng.uniform(sx0, sx1) * u, h - rng.uniform(ty0, ty1) * u)
    return {"window": window, "side": rng.choice(("left", "right", "top")),
            "light": rng.uniform(*SUN["light"]), "yellow": rng.uniform(*SUN["yellow"]),
            "pen_keep": rng.uniform(*SUN["pen_keep"]), "pen_brown": rng.uniform(*SUN["pen_brown"]),
            "colour_fade": rng.uniform(*SUN["colour_fade"]),
            "burn_w": rng.uniform(*SUN["burn_mm"]) * u, "burn": rng.uniform(*SUN["burn"])}


def exposure(size: tuple[int, int], plan: dict, u: float) -> np.ndarray:
    """The light the sheet of ``size`` got (h, w: 0 under the mat, up to 1 in its window,
    less towards the window's far side from the light, the window's edge soft over half
    a millimetre)."""
    w, h = size
    x0, y0, x1, y1 = plan["window"]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    soft = max(0.5, 0.5 * u)
    inside = np.clip((xx - x0) / soft + 0.5, 0, 1) * np.clip((x1 - xx) / soft + 0.5, 0, 1) * \
        np.clip((yy - y0) / soft + 0.5, 0, 1) * np.clip((y1 - yy) / soft + 0.5, 0, 1)
    t = {"left": (xx - x0) / max(1.0, x1 - x0), "right": (x1 - xx) / max(1.0, x1 - x0),
         "top": (yy - y0) / max(1.0, y1 - y0)}[plan["side"]]
    light = 1 - (1 - plan["light"]) * np.clip(t, 0, 1)
    return inside * light


def luntur(img: Image.Image, rng: random.Random, dpi: int, *,
           name_box: tuple[float, float, float, float] | None = None,
           filled: Image.Image | None = None, pen: bool = True, colour: bool = True,
           paper: bool = True, burn: bool = True, capture: bool = True) -> Image.Image:
    """The diploma after years framed on a sunny wall (:func:`luntur_plan`,
    :func:`exposure`), taken out and scanned: inside the mat's window the pen's particulars
    (``filled``: where that ink lies; the name, ``name_box``, among them) kept only part of
    their darkness and turned brown (``pen``), the coloured print (the frame, the title,
    the stamp) lost much of its colour and some of its darkness while the black print held
    (``colour``), the paper yellowed (``paper``), a brown line of mat burn along the
    window's edge (``burn``); under the mat all as it was; then a colour flatbed scan's
    noise (``capture``). Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = luntur_plan((w, h), rng, u)
    sun = exposure((w, h), plan, u)[..., None]
    arr = np.asarray(img.convert("RGB"), np.float32)
    white = np.percentile(arr.reshape(-1, 3)[::53], 95, axis=0).astype(np.float32)
    if filled is not None:
        cover = np.asarray(filled.convert("L"), np.float32)[..., None] / 255
    else:
        cover = np.zeros((h, w, 1), np.float32)
    if colour:   # the coloured print loses its colour (and a little of its darkness)
        grey = arr.mean(axis=2, keepdims=True)
        chroma = np.clip((arr.max(axis=2, keepdims=True) - arr.min(axis=2, keepdims=True))
                         / 90.0, 0, 1) * (1 - cover)
        fade = plan["colour_fade"] * sun * chroma
        toward = grey + (white - grey) * 0.35
        arr = arr + (toward - arr) * fade
    if pen and cover.any():   # the pen's ink paled and browned
        keep = 1 - (1 - plan["pen_keep"]) * sun
        ink = arr * (1 - plan["pen_brown"] * sun) + IRON_GALL * plan["pen_brown"] * sun
        faded = white - (white - ink) * keep
        arr = arr * (1 - cover) + faded * cover
    if paper:   # yellowed where the light fell
        tint = 1 - plan["yellow"] * np.array((0.05, 0.25, 0.7), np.float32)
        arr = arr * (1 - sun + sun * tint)
    if burn:   # the mat's acid: a brown line just inside its window's edge
        x0, y0, x1, y1 = plan["window"]
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        edge = np.minimum(np.minimum(np.abs(xx - x0), np.abs(x1 - xx)),
                          np.minimum(np.abs(yy - y0), np.abs(y1 - yy)))
        inside = (xx > x0 - plan["burn_w"]) & (xx < x1 + plan["burn_w"]) & \
            (yy > y0 - plan["burn_w"]) & (yy < y1 + plan["burn_w"])
        line = np.exp(-(edge / plan["burn_w"]) ** 2) * inside * plan["burn"]
        arr = arr * (1 - line[..., None] * np.array((0.4, 0.6, 0.9), np.float32))
    g = np.random.default_rng(rng.getrandbits(32))
    if capture:
        arr = arr + g.normal(0, 1.8, arr.shape).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


# -- copied on a worn copier: the fuser's ghost ------------------------------------------------

def hantu_plan(size: tuple[int, int], rng: random.Random, u: float,
               name_box: tuple[float, float, float, float] | None = None) -> dict:
    """How the worn copier printed a sheet of ``size`` (px, ``u`` px a mm): the ghost's
    pitch down the sheet (the fuser roller's turn), its strength, a second ghost's share,
    its sideways shift; the smeared band (its left edge and width, px, never across the
    name, ``name_box`` mm, and how far the toner was dragged); the drum's haze and specks;
    the copier's levels."""
    w, h = size
    width = rng.uniform(*GHOST["smear_mm"]) * u
    spots = [(rng.uniform(0.05, 0.95) * (w - width)) for _ in range(6)]
    x = spots[0]
    if name_box is not None:
        nx0, nx1 = name_box[0] * u, name_box[2] * u
        free = [s for s in spots if s + width < nx0 - 2 * u or s > nx1 + 2 * u]
        x = free[0] if free else (0.02 * w if nx0 > width + 4 * u else w - width - 0.02 * w)
    return {"pitch": rng.uniform(*GHOST["pitch_mm"]) * u,
            "strength": rng.uniform(*GHOST["strength"]),
            "second": rng.uniform(*GHOST["second"]), "shift": rng.uniform(*GHOST["shift_mm"]) * u,
            "smear": (x, width), "drag": rng.uniform(*GHOST["smear_len_mm"]) * u,
            "haze": rng.uniform(*GHOST["haze"]), "specks": rng.randint(*GHOST["specks"]),
            "lo": rng.uniform(18, 30), "hi": rng.uniform(205, 222)}


def hantu(img: Image.Image, rng: random.Random, dpi: int, *,
          name_box: tuple[float, float, float, float] | None = None, ghost: bool = True,
          smear: bool = True, drum: bool = True) -> Image.Image:
    """The diploma photocopied in grey on a copier whose fuser and drum were worn
    (:func:`hantu_plan`): the copier's levels (paper white, print harder); the fuser
    roller, which kept some toner from each turn, laying a pale ghost of the print one
    turn further down the sheet and a fainter one a turn further (``ghost``); a band of
    toner left unfused and dragged along the feed, its print smeared downward and greyed
    (off the name, ``name_box`` mm; ``smear``); the drum's grey haze and toner specks
    (``drum``). Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = hantu_plan((w, h), rng, u, name_box)
    grey = np.asarray(img.convert("L"), np.float32)
    lo, hi = plan["lo"], plan["hi"]
    copy = 255 * np.clip((grey - lo) / (hi - lo), 0, 1) ** 1.1
    dark = 255 - copy
    if ghost:
        pitch, shift = int(round(plan["pitch"])), int(round(plan["shift"]))
        once = np.zeros_like(dark)
        once[pitch:] = dark[:-pitch] if pitch < h else 0
        once = np.roll(once, shift, axis=1)
        twice = np.zeros_like(dark)
        if 2 * pitch < h:
            twice[2 * pitch:] = dark[:-2 * pitch]
        twice = np.roll(twice, 2 * shift, axis=1)
        ghosted = once * plan["strength"] + twice * plan["strength"] * plan["second"]
        ghosted = cv2.GaussianBlur(ghosted, (0, 0), max(0.5, 0.12 * u))
        dark = np.maximum(dark, np.minimum(255, dark + ghosted))
    if smear:
        x, width = plan["smear"]
        x0, x1 = int(max(0, x)), int(min(w, x + width))
        reach = max(2, int(plan["drag"]))
        kernel = np.exp(-np.arange(reach, dtype=np.float32) / max(1.0, reach / 3))
        kernel = (kernel / kernel.sum())[:, None]
        band = dark[:, x0:x1]
        dragged = cv2.filter2D(band, -1, np.vstack([kernel[::-1], np.zeros_like(kernel)[1:]]),
                               anchor=(0, reach - 1), borderType=cv2.BORDER_REPLICATE)
        across = np.sin(np.linspace(0, math.pi, max(1, x1 - x0)))[None, :]
        dark[:, x0:x1] = band * (1 - 0.6 * across) + (dragged * 0.9 + 14) * 0.6 * across
    g = np.random.default_rng(rng.getrandbits(32))
    if drum:
        haze = cv2.GaussianBlur(g.normal(0, 1, (max(2, h // 40), max(2, w // 40))).astype(
            np.float32), (0, 0), 2)
        haze = cv2.resize(haze, (w, h), interpolation=cv2.INTER_CUBIC)
        dark = dark + plan["haze"] * (0.7 + 0.3 * np.clip(haze, -1, 1))
        for _ in range(plan["specks"]):
            sx, sy = int(g.uniform(0, w)), int(g.uniform(0, h))
            r = max(1, int(g.uniform(0.05, 0.18) * u))
            dark[max(0, sy - r):sy + r, max(0, sx - r):sx + r] = np.maximum(
                dark[max(0, sy - r):sy + r, max(0, sx - r):sx + r], g.uniform(120, 220))
    out = 255 - np.clip(dark, 0, 255) + g.normal(0, 2.2, (h, w)).astype(np.float32)
    out = np.clip(out, 0, 255).astype(np.uint8)
    return Image.fromarray(out, "L").convert("RGB")


FINISHES = {"luntur": luntur, "hantu": hantu}
FILLED = {"luntur"}          # hand-ins given the name's box and the pen's ink
NAME_CLEAR = {"hantu"}       # hand-ins given the name's box to keep off its line
GROUP30_CUES = {"spg_tulis": spg_tulis, "ut_rektor": ut_rektor}
GROUP30_BORDERS = {"manik_manik": manik_manik, "pagar": pagar}
HEADERS = {"spg_kepala": spg_kepala, "ut_kepala": ut_kepala}

__all__ = ["FILLED", "FINISHES", "GHOST", "GROUP30_BORDERS", "GROUP30_CUES", "HEADERS",
           "IRON_GALL", "NAME_CLEAR", "PEN_INKS", "Pen", "SUN", "exposure", "hantu",
           "hantu_plan", "luntur", "luntur_plan", "manik_manik", "ministry_of", "pagar",
           "spg_kepala", "spg_tulis", "ut_kepala", "ut_rektor"]
