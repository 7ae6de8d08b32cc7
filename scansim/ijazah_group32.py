"""Thirty-second-group diplomas: a state technical junior school's (ST: Sekolah Teknik, of
the Departemen Pendidikan dan Kebudayaan, 1972-1994; its level is SMP) certificate of
completion, the "Surat Tanda Tamat Belajar" (IPAex Mincho, the title in Train One's
outlined capitals), upright in a band of nuts and bolts (mur_baut), its rows dotted, its
particulars typed into the blank on a manual typewriter (TlwgTypo), known only as a
microfilm reader-printer's print from an archive's roll, scanned (mikrofilm: the page
filmed, the film's black round it with its frame number and blip, printed on the reader's
toner printer in low greys, the film's grain, its scratches along the roll and the dust on
it, the reader's lamp brighter at the middle, all of it kept off the name's line); and a
pesantren's Madrasah Aliyah diploma (2008-2020: Lateef, the basmalah over it in Arabic,
"IJAZAH" in Le Murmure's tall capitals), upright in a band of kambang kacang (the Banjar
sasirangan's long bean flowers on a winding vine), the ministry of its year, the head's
sentence with the madrasah's statistical number, the name large and centred, the rows
under it, photographed with a phone outdoors in a tree's dappled shade (bayang_daun:
patches of sunlight nearly blown out and warm among bluish shade, round sun flecks, their
edges never across the name, the page a little from aside on a seat or a table, a
JPEG)."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from formgen.core.yamlfile import load_yaml
from scansim.draw import off_box
from scansim.formpages import jpeg
from scansim.ijazah_era import by_year
from scansim.ijazah_faces import face
from scansim.ijazah_group16 import wrap
from scansim.ijazah_group28 import Typist
from scansim.ijazah_holders import titled
from scansim.ktp_group26 import SURFACES, _surface, photo_quad, shake_kernel
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group32.yaml"
KEEP_CASE = {"Dan": "dan", "Ma": "MA"}   # words written so in Title Case
TOWN_CODES = {"MARTAPURA": "03", "BANJARMASIN": "01", "AMUNTAI": "08", "KANDANGAN": "06"}
# A reader-printer's print of the diploma's microfilm (see mikrofilm_plan): each per page.
FILM = {"fill": (0.86, 0.92),          # the page's width as a share of the print's
        "turn": (-1.2, 1.2),           # degrees the page lay turned on the film
        "paper": (206.0, 224.0),       # the print's lightest grey (the page's paper)
        "ink": (58.0, 92.0),           # ... and its darkest (the print)
        "surround": (18.0, 40.0),      # the film's clear edge, printed near black
        "grain": (4.0, 8.0),           # the film's grain (levels)
        "scratches": (2, 6),           # scratches along the roll
        "dust": (20, 60),              # specks of dust on the film (printed white)
        "hairs": (0, 3),               # hairs on it
        "hotspot": (0.06, 0.14),       # the lamp brighter at the middle (share)
        "blur_mm": (0.12, 0.25),       # the reader's lens, a little soft
        "name_room_mm": 2.5}           # the scratches, dust and hairs kept this far off the name
# A phone's photo in a tree's dappled shade (see bayang_daun_plan): each per page.
SHADE = {"fill": (0.84, 0.91),         # the page's width as a share of the picture's
         "keystone": (0.02, 0.05),
         "turn": (-3.0, 3.0),
         "leaves": (60, 140),          # leaves' shadows over the picture
         "leaf_mm": (14.0, 40.0),      # a leaf's shadow's length
         "flecks": (8, 24),            # round sun flecks in the shade
         "penumbra_mm": (2.5, 6.0),    # the shadows' soft edges
         "sun": (0.35, 0.55),          # the share of the picture in sunlight
         "shade": (0.48, 0.64),        # the shade's light against the sun's
         "blue": (0.05, 0.12),         # the shade's blue cast (skylight)
         "name_room_mm": 3.0,          # the light even this far round the name
         "shake_mm": (0.05, 0.16),
         "noise": (1.6, 3.0),
         "quality": (72, 88)}


@cache
def _data() -> dict:
    """The thirty-second group's wording (data/ijazah_group32.yaml)."""
    return load_yaml(DATA)


# -- frames -------------------------------------------------------------------------------

def mur_baut(img: Image.Image, color, rng: random.Random, *, dpi: int,
             margin_mm: float) -> None:
    """A band 7 mm wide of nuts and bolts (as a technical school's blank has it): hexagon
    nuts with their holes and the bolts' round heads with a slot, 8.0-9.0 mm apart by
    turns along the band's middle, a fine line joining them like a threaded rod, between
    a heavy outer rule and a double inner one; a gear's wheel at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 7.0 * u
    fine = max(1, round(0.13 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.55 * u)))
    for k in (0, 0.7):
        d.rectangle([m + band + k * u, m + band + k * u, w - m - band - k * u,
                     h - m - band - k * u], outline=color, width=fine)
    mid = m + band / 2
    pitch = rng.uniform(8.0, 9.0) * u
    r = 2.0 * u

    def nut(x: float, y: float) -> None:
        d.polygon([(x + r * math.cos(a), y + r * math.sin(a))
                   for a in np.arange(6) * math.pi / 3 + math.pi / 6], outline=color, width=fine)
        d.ellipse([x - 0.55 * r, y - 0.55 * r, x + 0.55 * r, y + 0.55 * r], outline=color,
                  width=fine)

    def bolt(x: float, y: float, along_x: bool) -> None:
        d.ellipse([x - 0.85 * r, y - 0.85 * r, x + 0.85 * r, y + 0.85 * r], outline=color,
                  width=fine)
        if along_x:
            d.line([(x, y - 0.6 * r), (x, y + 0.6 * r)], fill=color, width=fine)
        else:
            d.line([(x - 0.6 * r, y), (x + 0.6 * r, y)], fill=color, width=fine)

    for along_x, at, length in ((True, mid, w), (True, h - mid, w), (False, mid, h),
                                (False, w - mid, h)):
        start, end = m + band + 2.5 * u, length - m - band - 2.5 * u
        if along_x:
            d.line([(start, at), (end, at)], fill=color, width=fine)
        else:
            d.line([(at, start), (at, end)], fill=color, width=fine)
        n = max(1, int((end - start) / pitch))
        step = (end - start) / n
        for k in range(n + 1):
            t = start + k * step
            x, y = (t, at) if along_x else (at, t)
            if k % 2 == 0:
                nut(x, y)
            else:
                bolt(x, y, along_x)
    for cx in (mid, w - mid):   # a gear wheel at each corner
        for cy in (mid, h - mid):
            teeth = []
            for k in range(24):
                a = k * math.pi / 12
                rr = 2.9 * u if k % 2 == 0 else 2.3 * u
                teeth.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
            d.polygon(teeth, outline=color, width=fine)
            d.ellipse([cx - 0.9 * u, cy - 0.9 * u, cx + 0.9 * u, cy + 0.9 * u], outline=color,
                      width=fine)


def kambang_kacang(img: Image.Image, color, rng: random.Random, *, dpi: int,
                   margin_mm: float) -> None:
    """A band 9 mm wide of kambang kacang (the Banjar sasirangan's long bean flowers): a
    vine winding along the band's middle, at each of its bends a four-petalled flower
    and a pair of leaves, a long bean pod hanging now and then, between a broad rule and
    a fine one; a larger flower at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 9.0 * u
    fine = max(1, round(0.14 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.8 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=fine)
    wave = rng.uniform(11.0, 13.0) * u
    amp = 1.8 * u
    mid = m + band / 2

    def flower(x: float, y: float, r: float) -> None:
        for a in (0, math.pi / 2, math.pi, 1.5 * math.pi):
            px, py = x + 0.9 * r * math.cos(a), y + 0.9 * r * math.sin(a)
            d.ellipse([px - 0.55 * r, py - 0.55 * r, px + 0.55 * r, py + 0.55 * r],
                      outline=color, width=fine)
        d.ellipse([x - 0.3 * r, y - 0.3 * r, x + 0.3 * r, y + 0.3 * r], fill=color)

    def run(a0: float, a1: float, at: float, along_x: bool) -> None:
        def pt(t: float, off: float = 0.0):
            v = at + amp * math.sin((t - a0) / wave * 2 * math.pi) + off
            return (t, v) if along_x else (v, t)
        d.line([pt(t) for t in np.arange(a0, a1, 0.4 * u)], fill=color, width=fine)
        for k, t in enumerate(np.arange(a0 + wave / 4, a1 - 2 * u, wave / 2)):
            side = 1 if k % 2 == 0 else -1
            x, y = pt(t, -side * 2.1 * u)
            flower(x, y, 1.1 * u)
            for lean in (-1, 1):   # a pair of leaves at the bend
                lx, ly = pt(t + lean * 2.2 * u, side * 0.9 * u)
                d.ellipse([lx - 1.0 * u, ly - 0.45 * u, lx + 1.0 * u, ly + 0.45 * u] if along_x
                          else [lx - 0.45 * u, ly - 1.0 * u, lx + 0.45 * u, ly + 1.0 * u],
                          outline=color, width=fine)
            if k % 3 == 1:   # a long bean's pod
                px, py = pt(t + wave / 4, side * 1.6 * u)
                d.line([(px, py), (px + 2.6 * u, py + 0.5 * u * side)] if along_x else
                       [(px, py), (px + 0.5 * u * side, py + 2.6 * u)], fill=color,
                       width=max(1, round(0.3 * u)))

    for y in (mid, h - mid):
        run(m + band, w - m - band, y, True)
    for x in (mid, w - mid):
        run(m + band, h - m - band, x, False)
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            flower(cx, cy, 1.9 * u)


# -- the ST's blank, its particulars typed in -------------------------------------------------

def st_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
              size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The ST's face on the Departemen Pendidikan dan Kebudayaan's blank: its serial
    printed at the top right, the emblem, "REPUBLIK INDONESIA", the ministry, the title in
    the title face, the level written out, its abbreviation spaced and the school year.
    The typist (a :class:`Typist` of group 28's in the design's name face) is kept as
    ``p.typist``. Returns the y (mm) the holder's part begins at and the serial."""
    words = _data()["st"]
    p.school = school
    p.typist = Typist(p, dz.name_face, rng.getrandbits(32))
    p.layout = random.Random(rng.getrandbits(32))
    nomor = words["serial"].format(n=rng.randint(1, 99999))
    p.text(size_mm[0] - 26, 23, f"No. {nomor}", dz.body, 3.2, fill=(150, 40, 36), anchor="ra")
    draw_seal(p.d, dz.seal, p.w / 2, 40 * p.u, 11 * p.u, (60, 60, 60))
    p.centre(55, "REPUBLIK INDONESIA", dz.heading, 4.2)
    p.centre(61, words["ministry"], dz.heading, 4.2)
    p.centre(70, dz.title_text, dz.title, 8.6, fill=dz.accent, width_mm=size_mm[0] * 0.74)
    p.centre(84, words["level"], dz.heading, 5.4)
    p.centre(91, words["short"], dz.heading, 3.8)
    p.centre(97, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.5)
    return 106.0, nomor


def st_ketik(p, dz, y: float, name: str, rows: list[tuple[str, str]],
             sizes: tuple[float, float]) -> float:
    """The head's sentence, then the blank's rows, each a label, a colon and a dotted
    line, the particulars typed on them by the header's typist (the sheet a little off
    the lines and askew): the name (by _Page.name, in capitals; its box kept as
    ``p.name_box``), the birth, the parents, the register number, the course; then the
    blank's closing sentence."""
    body, _ = sizes
    words = _data()["st"]
    typist = getattr(p, "typist", None) or Typist(p, dz.name_face, hash(name) & 0xFFFF)
    lay = getattr(p, "layout", None) or random.Random(name)
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Sekolah Teknik Negeri", KEEP_CASE)
    left = wmm * 0.14
    for line in wrap(p, words["opening"].format(school=school), dz.body, body, wmm * 0.72):
        p.text(left, y, line, dz.body, body)
        y += body + 1.6
    y += 4
    fed = lay.uniform(-1.2, -0.3)
    skew = lay.uniform(-0.008, 0.008)
    items = [(words["rows"][0], name),
             (words["rows"][1], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][2], values.get("nama orang tua/wali", "")),
             (words["rows"][3], f"{lay.randint(1, 1999):04d}"),
             (words["rows"][4], lay.choice(words["majors"]))]
    col_x = left + 48
    end = wmm * 0.86
    dot = max(1, round(0.16 * p.u))
    for k, (label, value) in enumerate(items):
        base = y + body
        p.text(left, base, label, dz.body, body, anchor="ls")
        p.text(col_x - 3, base, ":", dz.body, body, anchor="ls")
        for x in np.arange(col_x, end, 0.9):   # the blank's dotted line
            p.d.ellipse([x * p.u - dot / 2, (base + 0.8) * p.u - dot / 2, x * p.u + dot / 2,
                         (base + 0.8) * p.u + dot / 2], fill=(90, 86, 80))
        x = col_x + 1.5
        at = base + fed + skew * (x - left)
        if k == 0:   # the name as every diploma draws it, struck by the typist
            p.name(x, at, value, dz.name_face, typist.size, end - x, typist.size * 0.7,
                   anchor="ls", draw=typist.type_px)
        else:
            typist.type(x, at, value)
        y += body + 5.4
    y += 1
    for line in wrap(p, words["closing"], dz.body, body, wmm * 0.72):
        p.text(left, y, line, dz.body, body)
        y += body + 1.6
    return y + 2


# -- the pesantren's Madrasah Aliyah -------------------------------------------------------------

def ma_pondok_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                     size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The madrasah's face: the basmalah in Arabic, the emblem, the ministry of its year
    and its provincial office, "IJAZAH" in the title face, the level and the school year,
    the ministry's register number under them. The madrasah's statistical number is kept
    as ``p.nsm``. Returns the y (mm) the holder's part begins at and the number."""
    words = _data()["ma"]
    p.school = school
    p.layout = random.Random(rng.getrandbits(32))
    town = school.rsplit(" ", 1)[-1]
    p.nsm = f"131263{TOWN_CODES.get(town, '05')}{rng.randint(1000, 9999)}"
    nomor = words["register"].format(code=TOWN_CODES.get(town, "05"), n=rng.randint(1, 480),
                                     year=tahun)
    p.centre(22, words["basmalah"], dz.heading, 6.0)
    draw_seal(p.d, dz.seal, p.w / 2, 41 * p.u, 10.5 * p.u, dz.accent)
    p.centre(55, by_year(words["ministries"], tahun), dz.heading, 4.4)
    p.centre(61, words["office"], dz.body, 3.4)
    p.centre(67, dz.title_text, dz.title, 16.0 + p.layout.uniform(-0.6, 0.6), fill=dz.accent)
    p.centre(85, words["level"], dz.heading, 5.0)
    p.centre(91.5, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.5)
    p.centre(97.5, f"Nomor : {nomor}", dz.body, 3.3)
    return 106.0, nomor


def ma_pondok_nama(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                   sizes: tuple[float, float]) -> float:
    """The head's sentence with the madrasah's statistical number, the holder's name large
    and centred (by _Page.name; its box kept as ``p.name_box``) over a fine rule with a
    flower at each end, then the rows in a block: the birth, the parents, the santri's
    number, the national student number and the programme; then the closing sentence."""
    body, big = sizes
    words = _data()["ma"]
    lay = getattr(p, "layout", None) or random.Random(name)
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "MA Pondok Pesantren", KEEP_CASE)
    nsm = getattr(p, "nsm", "131263050000")
    for line in wrap(p, words["opening"].format(school=school, nsm=nsm), dz.body, body,
                     wmm * 0.72):
        p.centre(y, line, dz.body, body)
        y += body + 1.5
    y += 3
    p.name(None, y, name, dz.name_face, big * lay.uniform(1.0, 1.1), wmm * 0.66, body,
           anchor="ma")
    y = p.name_box[3] + 2.2
    half = wmm * 0.24
    mid = wmm / 2
    p.d.line([((mid - half) * p.u, y * p.u), ((mid + half) * p.u, y * p.u)], fill=dz.accent,
             width=max(1, round(0.2 * p.u)))
    for x in (mid - half, mid + half):
        p.d.ellipse([(x - 0.8) * p.u, (y - 0.8) * p.u, (x + 0.8) * p.u, (y + 0.8) * p.u],
                    outline=dz.accent, width=max(1, round(0.2 * p.u)))
    y += 5
    items = [(words["rows"][0], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][1], values.get("nama orang tua/wali", "")),
             (words["rows"][2], f"{lay.randint(1, 2999):04d}/{lay.randint(10, 99)}"),
             (words["rows"][3], values.get("nomor induk siswa nasional", "")),
             (words["rows"][4], lay.choice(words["programmes"]))]
    lab_x = wmm * 0.17
    col_x = lab_x + 56
    for label, value in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, dz.body, body, width_mm=wmm * 0.84 - col_x)
        y += body + 1.9
    y += 1.5
    for line in wrap(p, words["closing"], dz.body, body, wmm * 0.72):
        p.centre(y, line, dz.body, body)
        y += body + 1.5
    return y + 2


# -- a microfilm reader-printer's print ----------------------------------------------------------

def mikrofilm_plan(size: tuple[int, int], rng: random.Random, u: float,
                   name_box: tuple[float, float, float, float] | None = None) -> dict:
    """How the archive's reader-printer printed the page of ``size`` (px, ``u`` px a mm)
    from its microfilm: the page's share of the print and its turn on the film, the roll
    running down the page or across it; the print's greys (paper, ink, the film's clear
    surround); the grain; the scratches along the roll (each a place across it, px of the
    print, off the name's box there with FILM's room, its darkness and waver); the dust's
    specks and hairs (off the name); the lamp's hot spot; the lens's softness; the frame's
    number and its blip. ``name_box``: the name's box (mm of the page), kept as it lies on
    the print (px, ``name_px``)."""
    w, h = size
    plan = {"fill": rng.uniform(*FILM["fill"]), "turn": rng.uniform(*FILM["turn"]),
            "shift": (rng.uniform(-0.012, 0.012), rng.uniform(-0.012, 0.012))}
    place = page_place(size, plan)
    if name_box is not None:   # the name's box on the print
        x0, y0, x1, y1 = (v * u for v in name_box)
        pts = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]]) @ place.T
        name_box = (pts[:, 0].min(), pts[:, 1].min(), pts[:, 0].max(), pts[:, 1].max())
    down = rng.random() < 0.6   # the roll runs down the page (else across it)
    room = FILM["name_room_mm"]
    off = off_box(name_box, room * u)
    scratches = []
    for _ in range(rng.randint(*FILM["scratches"])):
        for _try in range(20):
            at = rng.uniform(0.04, 0.96) * (w if down else h)
            if name_box is None or (at < (name_box[0] if down else name_box[1]) - room * u or
                                    at > (name_box[2] if down else name_box[3]) + room * u):
                break
        else:
            at = 0.03 * (w if down else h)
        scratches.append({"at": at, "dark": rng.uniform(0.3, 0.75),
                          "width": rng.choice((1, 1, 2)), "waver": rng.uniform(0.1, 0.6) * u,
                          "period": rng.uniform(30, 80) * u,
                          "from": rng.uniform(0, 0.4), "to": rng.uniform(0.6, 1.0)})
    dust = []
    for _ in range(rng.randint(*FILM["dust"])):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        if off(x, y):
            dust.append((x, y, rng.uniform(0.08, 0.35) * u))
    hairs = []
    for _ in range(rng.randint(*FILM["hairs"])):
        x, y = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        a, length = rng.uniform(0, math.pi), rng.uniform(3, 9) * u
        ends = [(x + t * length * math.cos(a), y + t * length * math.sin(a))
                for t in (0, 0.5, 1)]
        if all(off(px, py) for px, py in ends):
            hairs.append((x, y, a, length, rng.uniform(-0.4, 0.4)))
    return {**plan, "place": place, "name_px": name_box, "down": down,
            "paper": rng.uniform(*FILM["paper"]), "ink": rng.uniform(*FILM["ink"]),
            "surround": rng.uniform(*FILM["surround"]), "grain": rng.uniform(*FILM["grain"]),
            "scratches": scratches, "dust": dust, "hairs": hairs,
            "hotspot": rng.uniform(*FILM["hotspot"]),
            "blur": rng.uniform(*FILM["blur_mm"]) * u, "frame": rng.randint(12, 980),
            "tint": rng.choice(((1.0, 1.0, 1.0), (0.99, 1.0, 1.02), (1.02, 1.0, 0.97)))}


def page_place(size: tuple[int, int], plan: dict) -> np.ndarray:
    """Where the page of ``size`` (px) lies on the print (a 2 x 3 affine matrix): at the
    plan's share of the print, turned, a little off the middle."""
    w, h = size
    m = cv2.getRotationMatrix2D((w / 2, h / 2), plan["turn"], plan["fill"])
    m[:, 2] += (plan["shift"][0] * w, plan["shift"][1] * h)
    return m


def mikrofilm(img: Image.Image, rng: random.Random, dpi: int, *,
              name_box: tuple[float, float, float, float] | None = None, film: bool = True,
              capture: bool = True) -> Image.Image:
    """The diploma known only from an archive's microfilm, as its reader-printer printed
    it and that print was scanned (:func:`mikrofilm_plan`): the page in grey, its paper
    gone to the print's light grey and its ink to a dark grey (the film's high contrast
    printed in low greys), lying a little turned in the film's near-black surround, the
    frame's number and its blip printed white in it; the reader's lamp brighter at the
    middle, the lens a little soft; the film's grain, its scratches along the roll (dark
    lines, wavering, some only part of the way), the dust's white specks and hairs
    (``film``: all of it kept off the name, ``name_box`` mm of the page); the scan's noise
    (``capture``). Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = mikrofilm_plan((w, h), rng, u, name_box)
    place = plan["place"]
    g = np.random.default_rng(rng.getrandbits(32))
    grey = np.asarray(img.convert("L"), np.float32)
    # the film's contrast: the paper (its brightest tenth) white, the print dark
    paper = float(np.percentile(grey, 90))
    tone = np.clip((grey - 70) / max(1.0, paper - 70 - 8), 0, 1) ** 1.3
    cover = cv2.warpAffine(np.ones((h, w), np.float32), place, (w, h), flags=cv2.INTER_LINEAR)
    tone = cv2.warpAffine(tone, place, (w, h), flags=cv2.INTER_AREA, borderValue=0.0)
    # halation: the surround's dark creeping a little over the page's edge
    tone = tone * (0.82 + 0.18 * cv2.GaussianBlur(cover, (0, 0), 1.5 * u))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    frame = Image.new("L", (w, h), 0)   # the frame's number and blip, clear on the film
    fd = ImageDraw.Draw(frame)
    label = face("mono_bold", max(8, int(3.0 * u)))
    fd.text((0.05 * w, 0.985 * h), f"{plan['frame']:04d}", font=label, fill=255, anchor="ls")
    fd.rectangle([0.82 * w, 0.988 * h - 2.2 * u, 0.82 * w + 5 * u, 0.988 * h], fill=255)
    marks = np.asarray(frame, np.float32) / 255 * (1 - cover)
    level = plan["surround"] + (plan["paper"] - plan["surround"]) * marks
    out = np.where(cover > 0.5, plan["ink"] + (plan["paper"] - plan["ink"]) * tone, level)
    out = out * cover + level * (1 - cover)
    if film:
        line = np.zeros((h, w), np.float32)   # scratches along the roll: dark on the print
        for s in plan["scratches"]:
            n = h if plan["down"] else w
            t = np.arange(n, dtype=np.float32)
            wob = s["waver"] * np.sin(t / s["period"] * 2 * math.pi)
            lo, hi = int(s["from"] * n), int(s["to"] * n)
            for k in range(s["width"]):
                pos = np.clip((s["at"] + wob + k).astype(int), 0, (w if plan["down"] else h) - 1)
                if plan["down"]:
                    line[np.arange(lo, hi), pos[lo:hi]] = s["dark"]
                else:
                    line[pos[lo:hi], np.arange(lo, hi)] = s["dark"]
        line = cv2.GaussianBlur(line, (0, 0), 0.5)
        out = out * (1 - line) + plan["surround"] * line
        specks = Image.new("L", (w, h), 0)
        sd = ImageDraw.Draw(specks)
        for x, y, r in plan["dust"]:
            sd.ellipse([x - r, y - r, x + r, y + r], fill=255)
        for x, y, a, length, bend in plan["hairs"]:
            pts = [(x + t * length * math.cos(a + bend * t),
                    y + t * length * math.sin(a + bend * t)) for t in np.linspace(0, 1, 12)]
            sd.line(pts, fill=255, width=max(1, round(0.06 * u)))
        white = cv2.GaussianBlur(np.asarray(specks, np.float32) / 255, (0, 0), 0.6)
        out = out * (1 - white) + min(250.0, plan["paper"] + 25) * white
    d = np.hypot((xx - w / 2) / w, (yy - h / 2) / h)
    out = out * (1 + plan["hotspot"] * (0.5 - np.clip(d / 0.7, 0, 1)))
    out = cv2.GaussianBlur(out, (0, 0), max(0.5, plan["blur"]))
    if film:
        grain = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 0.6)
        out = out + plan["grain"] * grain / (grain.std() + 1e-6)
    if capture:
        out = out + g.normal(0, 1.5, out.shape).astype(np.float32)
    rgb = np.clip(out[..., None] * np.array(plan["tint"], np.float32), 0, 255)
    return Image.fromarray(np.uint8(rgb), "RGB")


# -- photographed in a tree's dappled shade ------------------------------------------------------

def bayang_daun_plan(size: tuple[int, int], rng: random.Random, u: float) -> dict:
    """How the phone took the page of ``size`` (px, ``u`` px a mm) in a tree's dappled
    shade: the page's share of the picture, keystone, turn and place; what it lay on; the
    leaves' shadows (each a centre as a share of the picture, its length and breadth,
    mm, and its angle), the round sun flecks, the shadows' penumbra, the share in the sun,
    the shade's light and blue cast; the shake, the noise and the JPEG."""
    leaves = [((rng.uniform(-0.1, 1.1), rng.uniform(-0.1, 1.1)),
               rng.uniform(*SHADE["leaf_mm"]), rng.uniform(0.3, 0.5), rng.uniform(0, math.pi))
              for _ in range(rng.randint(*SHADE["leaves"]))]
    flecks = [((rng.uniform(0, 1), rng.uniform(0, 1)), rng.uniform(2.0, 6.0))
              for _ in range(rng.randint(*SHADE["flecks"]))]
    return {"fill": rng.uniform(*SHADE["fill"]), "keystone": rng.uniform(*SHADE["keystone"]),
            "far": rng.choice(("top", "top", "left", "right")),
            "turn": rng.uniform(*SHADE["turn"]),
            "shift": (rng.uniform(-0.015, 0.015), rng.uniform(-0.015, 0.015)),
            "surface": rng.choice(SURFACES), "leaves": leaves, "flecks": flecks,
            "penumbra": rng.uniform(*SHADE["penumbra_mm"]), "sun": rng.uniform(*SHADE["sun"]),
            "shade": rng.uniform(*SHADE["shade"]), "blue": rng.uniform(*SHADE["blue"]),
            "warm": rng.uniform(0.02, 0.06),
            "shake": rng.uniform(*SHADE["shake_mm"]) * u, "shake_angle": rng.uniform(0, math.pi),
            "noise": rng.uniform(*SHADE["noise"]), "quality": rng.randint(*SHADE["quality"])}


def sunlight(size: tuple[int, int], plan: dict, u: float,
             clear: tuple[float, float, float, float] | None = None) -> np.ndarray:
    """Where the sun reaches through the leaves over a picture of ``size`` (px): 1 in the
    sun, 0 in the shade (h, w), the leaves' shadows laid down until the plan's share lies
    in the shade, round sun flecks in it, every edge softened by the penumbra. No leaf's
    shadow, with its penumbra, reaches ``clear`` (a box, px, grown by SHADE's room): a gap
    in the leaves lets the sun fall evenly on it."""
    w, h = size
    sc = 4   # drawn at a quarter size: the penumbra is wide
    sw, sh = max(2, w // sc), max(2, h // sc)
    v = u / sc
    layer = Image.new("L", (sw, sh), 0)
    ld = ImageDraw.Draw(layer)
    reach = SHADE["name_room_mm"] + 1.5 * plan["penumbra"]
    for (fx, fy), length, breadth, ang in plan["leaves"]:
        cx, cy = fx * sw, fy * sh
        a, b = length * v / 2, length * breadth * v / 2
        grow = a + reach * v
        if clear is not None and clear[0] / sc - grow < cx < clear[2] / sc + grow \
                and clear[1] / sc - grow < cy < clear[3] / sc + grow:
            continue   # the gap over the name
        pts = [(cx + a * math.cos(t) * math.cos(ang) - b * math.sin(t) * math.sin(ang)
                * abs(math.sin(t)) ** 0.3, cy + a * math.cos(t) * math.sin(ang)
                + b * math.sin(t) * math.cos(ang) * abs(math.sin(t)) ** 0.3)
               for t in np.linspace(0, 2 * math.pi, 20, endpoint=False)]
        ld.polygon(pts, fill=255)
    shade = cv2.GaussianBlur(np.asarray(layer, np.float32) / 255, (0, 0), 2.0)
    cut = max(0.02, float(np.quantile(shade, plan["sun"])))
    sun = (shade <= cut).astype(np.float32)
    flecks = Image.new("L", (sw, sh), 0)
    fd = ImageDraw.Draw(flecks)
    for (fx, fy), r in plan["flecks"]:
        cx, cy, rr = fx * sw, fy * sh, r * v
        fd.ellipse([cx - rr, cy - 0.8 * rr, cx + rr, cy + 0.8 * rr], fill=255)
    sun = np.maximum(sun, np.asarray(flecks, np.float32) / 255)
    sun = cv2.GaussianBlur(sun, (0, 0), max(0.5, plan["penumbra"] * v / 2))
    return cv2.resize(sun, (w, h), interpolation=cv2.INTER_LINEAR)


def bayang_daun(img: Image.Image, rng: random.Random, dpi: int, *,
                name_box: tuple[float, float, float, float] | None = None, dapple: bool = True,
                capture: bool = True) -> Image.Image:
    """The diploma photographed with a phone outdoors in a tree's dappled shade
    (:func:`bayang_daun_plan`): the page 84-91 % of the picture, its far side a little
    shorter, turned a little, on a seat or a table (the shared surfaces) with its soft
    shadow; the light (:func:`sunlight`; ``dapple``): the sun's patches and round flecks
    nearly blown out and a little warm, the shade between them darker and bluish under
    the sky, the shadows' edges soft, the sun even on the name (``name_box``, mm of the page);
    the phone's shake, sharpening, noise and JPEG (``capture``). Every draw is the same
    whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = bayang_daun_plan((w, h), rng, u)
    page = np.asarray(img.convert("RGB"), np.float32)
    quad = photo_quad((w, h), plan, (w / 2 + plan["shift"][0] * w, h / 2 + plan["shift"][1] * h))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(page, matrix, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, (w, h),
                                flags=cv2.INTER_LINEAR)
    small = (max(2, w // 3), max(2, h // 3))
    ground = _surface(small, random.Random(rng.getrandbits(32)), u * plan["fill"] / 3,
                      plan["surface"])
    under = cv2.resize(cover, small, interpolation=cv2.INTER_AREA)
    under = cv2.GaussianBlur(np.roll(under, (round(0.5 * u), round(0.35 * u)), (0, 1)),
                             (0, 0), 0.6 * u)
    ground = cv2.GaussianBlur(ground, (0, 0), 0.8) * (1 - 0.35 * under)[..., None]
    ground = cv2.resize(ground, (w, h), interpolation=cv2.INTER_LINEAR)
    out = ground * (1 - cover[..., None]) + warped * cover[..., None]
    box = None
    if name_box is not None:
        x0, y0, x1, y1 = (v * u for v in name_box)
        pts = cv2.perspectiveTransform(np.float32([[[x0, y0], [x1, y0], [x1, y1], [x0, y1]]]),
                                       matrix)[0]
        box = (pts[:, 0].min(), pts[:, 1].min(), pts[:, 0].max(), pts[:, 1].max())
    sun = sunlight((w, h), plan, u, box)
    if dapple:
        sunny = np.array((1.06 + plan["warm"], 1.05, 1.04 - plan["warm"]), np.float32)
        shady = plan["shade"] * np.array((1 - plan["blue"], 1.0, 1 + plan["blue"]), np.float32)
        light = shady + (sunny - shady) * sun[..., None]
    else:
        light = np.full((h, w, 3), 0.9, np.float32)
    out = out * light
    g = np.random.default_rng(rng.getrandbits(32))
    if capture:
        out = np.clip(out, 0, 255)
        out = cv2.filter2D(out, -1, shake_kernel(max(1.0, plan["shake"]), plan["shake_angle"]))
        soft = cv2.GaussianBlur(out, (0, 0), max(1.0, 0.12 * u))
        out = out * 1.45 - 0.45 * soft
        out = out + g.standard_normal(out.shape, dtype=np.float32) * plan["noise"]
    picture = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return jpeg(picture, plan["quality"]).convert("RGB") if capture else picture


FINISHES = {"mikrofilm": mikrofilm, "bayang_daun": bayang_daun}
NAME_CLEAR = {"mikrofilm", "bayang_daun"}   # hand-ins given the name's box to keep off its line
GROUP32_CUES = {"st_ketik": st_ketik, "ma_pondok_nama": ma_pondok_nama}
GROUP32_BORDERS = {"mur_baut": mur_baut, "kambang_kacang": kambang_kacang}
HEADERS = {"st_kepala": st_kepala, "ma_pondok_kepala": ma_pondok_kepala}

__all__ = ["FILM", "FINISHES", "GROUP32_BORDERS", "GROUP32_CUES", "HEADERS", "NAME_CLEAR",
           "SHADE", "bayang_daun", "bayang_daun_plan", "kambang_kacang", "ma_pondok_kepala",
           "ma_pondok_nama", "mikrofilm", "mikrofilm_plan", "mur_baut", "page_place",
           "st_kepala", "st_ketik", "sunlight"]
