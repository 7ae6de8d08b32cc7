"""Thirty-first-group diplomas: a state agricultural senior high school's (SPMA: Sekolah
Pertanian Menengah Atas, of the Departemen Pertanian, 1980-1997; its level is SMA)
diploma (Lexi Saebom, "IJAZAH" and the headings in Alkalami), upright in a garland of rice
ears (untai_padi), its numbered rows ruled, its particulars (the number, the name, the
birth, the parents, the register number, the course) typed into the blank on a manual
typewriter (TlwgTypist), caught in a house fire and scanned (hangus: an edge or a corner
burnt away to the scanner's lid, the char ragged and black along it, the paper scorched
brown and tanned further in, an ember's hole or two, sooty finger smudges; all of it kept
off the name's line); and a university's two-year diploma for primary school teachers
(D-II PGSD of the Universitas Palangka Raya, 1993-2008: Garuda, "IJAZAH" in Uroob),
landscape in a band of rattan caning (rotan), the ministry of its year, the rector's
sentence, the name large and centred, the rows under it and the sebutan Ahli Madya
Pendidikan, photographed with a phone on a desk under flickering tube lights (kedip: the
phone's rolling shutter catching the lamps' flicker as soft dark bands across the whole
picture, tinged green or magenta; the page a little from aside, the desk round it, a
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
from scansim.formpages import jpeg
from scansim.ijazah_era import by_year
from scansim.ijazah_group16 import wrap
from scansim.ijazah_group28 import Typist
from scansim.ijazah_holders import titled
from scansim.ktp_group26 import SURFACES, _surface, photo_quad, shake_kernel
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group31.yaml"
KEEP_CASE = {"Spma": "SPMA", "Dan": "dan", "Pgsd": "PGSD"}   # words written so in Title Case
TOWN_CODES = {"PALANGKA RAYA": "PR", "PANGKALAN BUN": "PB", "SAMPIT": "SPT",
              "BANJARBARU": "BJB"}
# Caught in a house fire (see hangus_plan): each per page.
FIRE = {"edges": ("bottom", "bottom", "left", "right", "bottom_left", "bottom_right",
                  "top_right"),
        "depth_mm": (8.0, 30.0),       # how far in from a side the paper burnt away
        "corner_mm": (40.0, 85.0),     # ... from a corner
        "jag_mm": (0.4, 1.4),          # the burnt edge's ragged bite
        "char_mm": (1.2, 3.0),         # the black char along it
        "scorch_mm": (6.0, 14.0),      # the brown scorch further in
        "tan_mm": (18.0, 40.0),        # the heat's tan beyond it
        "holes": (1, 3),               # embers' holes burnt through, in the scorch
        "hole_mm": (0.8, 2.6),
        "soot": (2, 5),                # sooty fingers' smudges
        "name_room_mm": 3.0}           # the scorch's heart kept this far off the name
CHAR = np.array((34, 30, 28), np.float32)
SCORCH = np.array((96, 58, 30), np.float32)
LID = np.array((242, 242, 238), np.float32)   # the scanner's lid where the paper is gone
# Photographed under flickering tube lights (see kedip_plan): each per page.
FLICKER = {"fill": (0.86, 0.92),       # the page's width as a share of the picture's
           "keystone": (0.02, 0.05),   # its far side shorter (a share of its size)
           "turn": (-2.5, 2.5),        # degrees turned in the picture
           "period": (0.07, 0.16),     # the bands' period, a share of the picture across them
           "depth": (0.14, 0.3),       # how much darker the darkest band
           "duty": (0.45, 0.7),        # a pulsed lamp's share of light in each period
           "tint": (0.0, 0.05),        # the bands' green or magenta cast
           "shake_mm": (0.06, 0.2),    # the phone's movement while the shutter was open
           "noise": (2.0, 3.5),
           "quality": (74, 88)}


@cache
def _data() -> dict:
    """The thirty-first group's wording (data/ijazah_group31.yaml)."""
    return load_yaml(DATA)


# -- frames -------------------------------------------------------------------------------

def _grain(d: ImageDraw.ImageDraw, cx: float, cy: float, angle: float, length: float,
           width: float, color, line: int) -> None:
    """A grain of rice (a pointed oval ``length`` by ``width`` px, turned ``angle``
    radians) outlined at (``cx``, ``cy``)."""
    pts = []
    for t in np.linspace(0, 2 * math.pi, 16, endpoint=False):
        a, b = 0.5 * length * math.cos(t), 0.5 * width * math.sin(t) * (0.6 + 0.4 * abs(
            math.sin(t)))
        pts.append((cx + a * math.cos(angle) - b * math.sin(angle),
                    cy + a * math.sin(angle) + b * math.cos(angle)))
    d.polygon(pts, outline=color, width=line)


def untai_padi(img: Image.Image, color, rng: random.Random, *, dpi: int,
               margin_mm: float) -> None:
    """A band 8 mm wide of a garland of rice ears (untai padi, as the nation's emblem
    carries them): a wavy stalk along the band's middle strung with grains on both sides,
    leaning along it, a ribbon's knot every 30-36 mm, between a heavy outer rule and a fine
    inner one; a boll of cotton (five lobes round a heart) at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 8.0 * u
    fine = max(1, round(0.15 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.6 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=fine)
    pitch = 1.5 * u
    knot = rng.uniform(30, 36) * u
    mid = m + band / 2

    def run(a0: float, a1: float, at: float, along_x: bool) -> None:
        pts = []
        for t in np.arange(a0, a1, 0.5 * u):
            off = 0.35 * u * math.sin((t - a0) / (4.0 * u))
            pts.append((t, at + off) if along_x else (at + off, t))
        d.line(pts, fill=color, width=fine)
        for k, t in enumerate(np.arange(a0 + pitch, a1 - pitch, pitch)):
            if (t - a0) % knot < 2.2 * pitch:   # the ribbon's knot: no grains
                if (t - a0) % knot < pitch:
                    box = [t - 0.8 * u, at - 1.6 * u, t + 0.8 * u, at + 1.6 * u]
                    if not along_x:
                        box = [at - 1.6 * u, t - 0.8 * u, at + 1.6 * u, t + 0.8 * u]
                    d.ellipse(box, outline=color, width=fine)
                continue
            side = 1 if k % 2 else -1
            off = 0.35 * u * math.sin((t - a0) / (4.0 * u)) + side * 1.05 * u
            lean = side * 0.6
            if along_x:
                _grain(d, t, at + off, lean, 2.1 * u, 0.9 * u, color, fine)
            else:
                _grain(d, at + off, t, math.pi / 2 - lean, 2.1 * u, 0.9 * u, color, fine)

    for y in (mid, h - mid):
        run(m + band, w - m - band, y, True)
    for x in (mid, w - mid):
        run(m + band, h - m - band, x, False)
    r = 1.5 * u
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            for k in range(5):
                a = k * 2 * math.pi / 5 - math.pi / 2
                bx, by = cx + 1.1 * r * math.cos(a), cy + 1.1 * r * math.sin(a)
                d.ellipse([bx - 0.75 * r, by - 0.75 * r, bx + 0.75 * r, by + 0.75 * r],
                          outline=color, width=fine)
            d.ellipse([cx - 0.5 * r, cy - 0.5 * r, cx + 0.5 * r, cy + 0.5 * r], fill=color)


def rotan(img: Image.Image, color, rng: random.Random, *, dpi: int, margin_mm: float) -> None:
    """A band 7 mm wide of rattan caning (anyaman rotan, as chairs are caned): strands
    across, along and on both diagonals every 2.6 mm, leaving the cane's octagonal holes,
    each strand a pair of fine lines, between a double outer rule and a fine inner one."""
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 7.0 * u
    fine = max(1, round(0.12 * u))
    layer = Image.new("L", (w, h), 0)
    ld = ImageDraw.Draw(layer)
    pitch = 2.6 * u
    gap = 0.32 * u
    ox = rng.uniform(0, pitch)
    for k in np.arange(ox - pitch, max(w, h) + pitch, pitch):
        for e in (-gap / 2, gap / 2):
            ld.line([(k + e, 0), (k + e, h)], fill=255, width=fine)
            ld.line([(0, k + e), (w, k + e)], fill=255, width=fine)
    for k in np.arange(ox - h - pitch, w + h, pitch * math.sqrt(2)):
        for e in (-gap / 2, gap / 2):
            ld.line([(k + e, 0), (k + e + h, h)], fill=255, width=fine)
            ld.line([(k + e + h, 0), (k + e, h)], fill=255, width=fine)
    keep = Image.new("L", (w, h), 0)
    ImageDraw.Draw(keep).rectangle([m, m, w - m, h - m], fill=255)
    ImageDraw.Draw(keep).rectangle([m + band, m + band, w - m - band, h - m - band], fill=0)
    img.paste(color, (0, 0), Image.fromarray(np.minimum(np.asarray(layer),
                                                        np.asarray(keep))))
    d = ImageDraw.Draw(img)
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.45 * u)))
    d.rectangle([m - 1.0 * u, m - 1.0 * u, w - m + 1.0 * u, h - m + 1.0 * u], outline=color,
                width=fine)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color,
                width=max(1, round(0.3 * u)))


# -- the SPMA's blank, its particulars typed in ---------------------------------------------

def spma_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The SPMA's face on the Departemen Pertanian's blank: "No. Ijazah :" at the top left
    with the number typed after it (the typist, a :class:`Typist` of group 28's in the
    design's name face, kept as ``p.typist``), the emblem, "REPUBLIK INDONESIA", the
    ministry and its agency of that year, "IJAZAH" in the title face, the level written
    out, its abbreviation spaced and the school year. Returns the y (mm) the holder's part
    begins at and the number."""
    words = _data()["spma"]
    p.school = school
    p.typist = Typist(p, dz.name_face, rng.getrandbits(32))
    p.layout = random.Random(rng.getrandbits(32))
    town = school.split(" NEGERI ")[-1]
    nomor = words["register"].format(n=rng.randint(1, 240), code=TOWN_CODES.get(town, "KT"),
                                     year=tahun)
    p.text(27, 24, "No. Ijazah :", dz.body, 3.2, anchor="ls")
    label = p.d.textlength("No. Ijazah :  ", font=p.font(dz.body, 3.2)) / p.u
    p.typist.type(27 + label, 24 + p.layout.uniform(-0.6, 0.2), nomor)
    draw_seal(p.d, dz.seal, p.w / 2, 44 * p.u, 12 * p.u, (136, 108, 40))
    p.centre(59, "REPUBLIK INDONESIA", dz.heading, 4.4)
    p.centre(65, dz.ministry, dz.heading, 4.4)
    p.centre(71, by_year(words["agencies"], tahun), dz.body, 3.3, width_mm=size_mm[0] * 0.7)
    p.centre(77, dz.title_text, dz.title, 15.0 + p.layout.uniform(-0.6, 0.6), fill=dz.accent)
    p.centre(96, words["level"], dz.heading, 5.0, fill=dz.accent)
    p.centre(102.5, words["short"], dz.heading, 3.8)
    p.centre(108.5, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.5)
    return 117.0, nomor


def spma_ketik(p, dz, y: float, name: str, rows: list[tuple[str, str]],
               sizes: tuple[float, float]) -> float:
    """The head's sentence, then the blank's numbered rows, each a printed number and
    label, a colon and a ruled line, the particulars typed above the lines by the header's
    typist (the sheet fed a little off the lines and askew): the name (by _Page.name, in
    capitals; its box kept as ``p.name_box``), the birth, the parents, the register number,
    the course; then the blank's closing sentence."""
    body, _ = sizes
    words = _data()["spma"]
    typist = getattr(p, "typist", None) or Typist(p, dz.name_face, hash(name) & 0xFFFF)
    lay = getattr(p, "layout", None) or random.Random(name)
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "SPMA Negeri", KEEP_CASE)
    num_x, lab_x = wmm * 0.13, wmm * 0.13 + 7
    col_x = lab_x + 50
    for line in wrap(p, words["opening"].format(school=school), dz.body, body, wmm * 0.74):
        p.text(num_x, y, line, dz.body, body)
        y += body + 1.6
    y += 4
    fed = lay.uniform(-1.4, -0.4)      # the typed lines above the ruled ones (mm)
    skew = lay.uniform(-0.01, 0.01)    # ... and askew (mm per mm across)
    items = [(words["rows"][0], name),
             (words["rows"][1], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][2], values.get("nama orang tua/wali", "")),
             (words["rows"][3], f"{lay.randint(1, 1999):04d}"),
             (words["rows"][4], lay.choice(words["majors"]))]
    end = wmm * 0.87
    rule = max(1, round(0.1 * p.u))
    for k, (label, value) in enumerate(items):
        base = y + body
        p.text(num_x, base, f"{k + 1}.", dz.body, body, anchor="ls")
        p.text(lab_x, base, label, dz.body, body, anchor="ls")
        p.text(col_x - 3, base, ":", dz.body, body, anchor="ls")
        p.d.line([(col_x * p.u, (base + 0.9) * p.u), (end * p.u, (base + 0.9) * p.u)],
                 fill=(80, 74, 70), width=rule)
        x = col_x + 2
        at = base + fed + skew * (x - lab_x)
        if k == 0:   # the name as every diploma draws it, struck by the typist
            p.name(x, at, value, dz.name_face, typist.size, end - x, typist.size * 0.7,
                   anchor="ls", draw=typist.type_px)
        else:
            typist.type(x, at, value)
        y += body + 5.6
    y += 1
    for line in wrap(p, words["closing"], dz.body, body, wmm * 0.74):
        p.text(num_x, y, line, dz.body, body)
        y += body + 1.6
    return y + 2


# -- the D-II PGSD's diploma ------------------------------------------------------------------

def pgsd_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The university's face: its register number at the top left, the emblem, the
    ministry of its year, the university, its faculty, "IJAZAH" in the title face and the
    programme written out. The study programme, the sebutan it confers and the rector who
    signs are kept on the page (``p.degree``, ``p.head_title``). Returns the y (mm) the
    holder's part begins at and the number."""
    words = _data()["pgsd"]
    p.school = school
    p.layout = random.Random(rng.getrandbits(32))
    p.degree, p.head_title = words["degree"], words["head"]
    nomor = words["register"].format(n=rng.randint(1, 2400), year=tahun)
    p.text(24, 22, f"Nomor : {nomor}", dz.body, 3.0)
    draw_seal(p.d, dz.seal, p.w / 2, 31 * p.u, 10 * p.u, dz.accent)
    p.centre(43, by_year(words["ministries"], tahun), dz.heading, 3.4)
    p.centre(48.5, school, dz.heading, 5.6, fill=dz.accent)
    p.centre(57, words["faculty"], dz.body, 3.4)
    p.centre(63.5, dz.title_text, dz.title, 13.0 + p.layout.uniform(-0.5, 0.5), fill=dz.accent)
    p.centre(78, words["programme"], dz.heading, 4.2, width_mm=size_mm[0] * 0.7)
    return 86.0, nomor


def pgsd_rektor(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """The rector's sentence centred, the holder's name large and centred (by _Page.name;
    its box kept as ``p.name_box``), a rule with a lozenge at its middle under it, then
    the rows in a block at the page's middle: the student number, the birth, the study
    programme and the faculty."""
    body, big = sizes
    words = _data()["pgsd"]
    lay = getattr(p, "layout", None) or random.Random(name)
    wmm = p.w / p.u
    values = dict(rows)
    for line in wrap(p, words["opening"], dz.body, body, wmm * 0.66):
        p.centre(y, line, dz.body, body)
        y += body + 1.4
    y += 2.5
    p.name(None, y, name, dz.name_face, big * lay.uniform(1.05, 1.15), wmm * 0.6, body,
           anchor="ma")
    y = p.name_box[3] + 2.0
    half = wmm * 0.2
    mid = wmm / 2
    p.d.line([((mid - half) * p.u, y * p.u), ((mid + half) * p.u, y * p.u)], fill=dz.accent,
             width=max(1, round(0.2 * p.u)))
    s = 1.0
    p.d.polygon([((mid - s) * p.u, y * p.u), (mid * p.u, (y - s) * p.u),
                 ((mid + s) * p.u, y * p.u), (mid * p.u, (y + s) * p.u)], fill=dz.accent)
    y += 4
    # the row's year is four before the diploma's; a two-year programme's student entered
    # two years before it
    entered = (int(values.get("nomor induk mahasiswa", "0000")[:4]) + 2) % 100
    items = [(words["rows"][0], f"{entered:02d}0{lay.randint(1, 9)}{lay.randint(1, 999):03d}"),
             (words["rows"][1], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][2], words["study"]),
             (words["rows"][3], titled(words["faculty"], KEEP_CASE))]
    lab_x = wmm * 0.3
    col_x = lab_x + 50
    for label, value in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, dz.body, body, width_mm=wmm * 0.76 - col_x)
        y += body + 1.8
    return y + 1


# -- caught in a house fire ----------------------------------------------------------------

STEP_MM = 0.25   # the burnt front's profile is drawn every quarter millimetre along its edge


def _profile(n: int, g: np.random.Generator, periods_mm: tuple[float, ...]) -> np.ndarray:
    """A random profile ``n`` steps long (one every STEP_MM): octaves of smooth noise of
    the given periods (mm), each half as strong as the one before, about -1..1."""
    out = np.zeros(n, np.float32)
    weight = 1.0
    for period in periods_mm:
        knots = max(2, int(n * STEP_MM / period) + 3)
        row = g.normal(0, 1, knots).astype(np.float32)[None, :]
        out += weight * cv2.resize(row, (n, 1), interpolation=cv2.INTER_CUBIC)[0]
        weight *= 0.5
    return out / 1.6


def edge_distance(size: tuple[int, int], edge: str, u: float) -> tuple[np.ndarray, np.ndarray]:
    """For a sheet of ``size`` (px, ``u`` px a mm) burnt from ``edge`` (a side or a
    corner): each pixel's distance in from it (mm) and its place along it (mm)."""
    w, h = size
    ys = np.arange(h, dtype=np.float32)[:, None]
    xs = np.arange(w, dtype=np.float32)[None, :]
    if edge == "bottom":
        return np.broadcast_to((h - 1 - ys) / u, (h, w)), np.broadcast_to(xs / u, (h, w))
    if edge == "left":
        return np.broadcast_to(xs / u, (h, w)), np.broadcast_to(ys / u, (h, w))
    if edge == "right":
        return np.broadcast_to((w - 1 - xs) / u, (h, w)), np.broadcast_to(ys / u, (h, w))
    cx = 0.0 if edge.endswith("left") else w - 1.0
    cy = 0.0 if edge.startswith("top") else h - 1.0
    dx, dy = np.abs(xs - cx), np.abs(ys - cy)
    dist = np.hypot(dx, dy) / u
    return dist, np.arctan2(dy, dx) * 60.0   # along the arc, some 60 mm a radian


def hangus_plan(size: tuple[int, int], rng: random.Random, u: float,
                name_box: tuple[float, float, float, float] | None = None) -> dict:
    """How the fire took a sheet of ``size`` (px, ``u`` px a mm): the side or corner it
    burnt from, how deep (its front's profile along the edge: broad lobes and a ragged
    bite, then moved back so that the char and the scorch's heart keep ``name_box``, mm,
    clear), the char's, the scorch's and the tan's widths, the embers' holes (in the
    scorch, off the name), the soot's smudges (off the name)."""
    w, h = size
    g = np.random.default_rng(rng.getrandbits(32))
    edge = rng.choice(FIRE["edges"])
    corner = "_" in edge
    depth = rng.uniform(*(FIRE["corner_mm"] if corner else FIRE["depth_mm"]))
    plan = {"edge": edge, "depth": depth, "jag": rng.uniform(*FIRE["jag_mm"]),
            "char": rng.uniform(*FIRE["char_mm"]), "scorch": rng.uniform(*FIRE["scorch_mm"]),
            "tan": rng.uniform(*FIRE["tan_mm"]), "lid": LID * rng.uniform(0.97, 1.0),
            "seed": rng.getrandbits(32)}
    n = int(max(w, h) / u * 1.6 / STEP_MM) + 16
    lobes = _profile(n, g, (rng.uniform(25, 45), 9.0))
    bite = _profile(n, g, (3.0, 1.2, 0.5))
    plan["profile"] = depth * (0.75 + 0.25 * lobes) + plan["jag"] * bite
    plan["widths"] = _profile(n, g, (14.0, 5.0))   # the char and scorch wider or narrower
    dist, along = edge_distance((w, h), edge, u)
    if name_box is not None:   # the front moved back off the name
        x0, y0, x1, y1 = (int(v * u) for v in name_box)
        x0, y0 = max(0, x0), max(0, y0)
        x1, y1 = min(w, max(x0 + 1, x1)), min(h, max(y0 + 1, y1))
        t = front_t(dist[y0:y1, x0:x1], along[y0:y1, x0:x1], plan)
        need = 1.3 * (plan["char"] + 0.6 * plan["scorch"]) + FIRE["name_room_mm"]
        short = float(need - t.min())
        if short > 0:
            plan["profile"] = np.maximum(1.5, plan["profile"] - short)

    def near_name(px: float, py: float, rx: float, ry: float) -> bool:
        return name_box is not None and name_box[0] * u - rx < px < name_box[2] * u + rx \
            and name_box[1] * u - ry < py < name_box[3] * u + ry

    holes = []
    for _ in range(rng.randint(*FIRE["holes"])):
        r = rng.uniform(*FIRE["hole_mm"]) * u
        spots = [(rng.uniform(0.05, 0.95) * w, rng.uniform(0.05, 0.95) * h) for _ in range(12)]
        for px, py in spots:
            t = float(front_t(dist[int(py), int(px)], along[int(py), int(px)], plan))
            if plan["char"] + 2 < t < plan["char"] + plan["scorch"] + 6 and \
                    not near_name(px, py, r + 8 * u, r + 8 * u):
                holes.append((px, py, r))
                break
    plan["holes"] = holes
    soot = []
    for _ in range(rng.randint(*FIRE["soot"])):
        px, py = rng.uniform(0.05, 0.95) * w, rng.uniform(0.05, 0.95) * h
        rx, ry = rng.uniform(5, 12) * u, rng.uniform(3, 6) * u
        smear = (rng.uniform(0, math.pi), rng.uniform(0.06, 0.16), rng.uniform(3, 9) * u)
        if not near_name(px, py, rx + smear[2], rx + smear[2]):
            soot.append((px, py, rx, ry) + smear)
    plan["soot"] = soot
    return plan


def front_t(dist: np.ndarray, along: np.ndarray, plan: dict) -> np.ndarray:
    """How far (mm) each point lies inside the burnt front (below 0: burnt away), at
    ``dist`` in from the edge and ``along`` it (mm)."""
    k = np.arange(len(plan["profile"]), dtype=np.float32) * STEP_MM
    return dist - np.interp(along, k, plan["profile"]).astype(np.float32)


def hangus(img: Image.Image, rng: random.Random, dpi: int, *,
           name_box: tuple[float, float, float, float] | None = None, burn: bool = True,
           scorch: bool = True, soot: bool = True, capture: bool = True) -> Image.Image:
    """The diploma after a house fire, scanned (:func:`hangus_plan`): from one side or a
    corner the paper burnt away (the scanner's lid showing there, a soft shadow under the
    curled char's edge), a ragged black char along the front, brown-black at its inner
    edge, mottled with grey ash (``burn``); further in the paper scorched brown over the
    print, unevenly, then tanned by the heat (``scorch``); an ember's hole or two burnt
    through in the scorch, each ringed with char (with ``burn``); sooty fingers' grey
    smears, off the name (``soot``); the scan's noise (``capture``). The char and the
    scorch's heart keep off the name (``name_box``, mm). Every draw is the same whatever
    is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = hangus_plan((w, h), rng, u, name_box)
    g = np.random.default_rng(plan["seed"])
    arr = np.asarray(img.convert("RGB"), np.float32).copy()
    dist, along = edge_distance((w, h), plan["edge"], u)
    # the front's lobes and islands across it (coarse noise, drawn small and enlarged)
    sw, sh = max(2, int(w / u)), max(2, int(h / u))
    wobble = cv2.resize(cv2.GaussianBlur(g.normal(0, 1, (sh, sw)).astype(np.float32),
                                         (0, 0), 1.2), (w, h), interpolation=cv2.INTER_LINEAR)
    mottle = cv2.resize(g.normal(0, 1, (max(2, int(h / u * 3)), max(2, int(w / u * 3)))).astype(
        np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    # the fire's reach (the tan fading out before it): only there is the sheet worked on
    reach = 1.35 * (plan["char"] + plan["scorch"]) + 2.5 * plan["tan"]
    coarse = front_t(dist[::8, ::8], along[::8, ::8], plan) + 1.6 * wobble[::8, ::8]
    rows, cols = np.where((coarse < reach + 2).any(axis=1))[0], \
        np.where((coarse < reach + 2).any(axis=0))[0]
    if rows.size and (burn or scorch):
        y0, y1 = max(0, rows[0] * 8 - 8), min(h, rows[-1] * 8 + 16)
        x0, x1 = max(0, cols[0] * 8 - 8), min(w, cols[-1] * 8 + 16)
        box = (slice(y0, y1), slice(x0, x1))
        t = front_t(dist[box], along[box], plan) + 1.6 * wobble[box]
        for px, py, r in plan["holes"]:   # each ringed with char and scorch like the front
            hx0, hx1 = max(x0, int(px - r - 30 * u)), min(x1, int(px + r + 30 * u))
            hy0, hy1 = max(y0, int(py - r - 30 * u)), min(y1, int(py + r + 30 * u))
            if hx1 <= hx0 or hy1 <= hy0:
                continue
            yy, xx = np.ogrid[hy0:hy1, hx0:hx1]
            hole = (np.hypot(xx - px, yy - py) - r) / u * 1.4
            part = (slice(hy0 - y0, hy1 - y0), slice(hx0 - x0, hx1 - x0))
            t[part] = np.minimum(t[part], hole)
        k = np.arange(len(plan["widths"]), dtype=np.float32) * STEP_MM
        vary = 1 + 0.35 * np.interp(along[box], k, plan["widths"]).astype(np.float32)
        char, sc = plan["char"] * vary, plan["scorch"] * vary
        sub, mot = arr[box], mottle[box]
        if scorch:   # tanned, then browned towards the front, over the print
            heat = t - char
            tan = np.exp(-np.clip(heat, 0, None) / plan["tan"]) * (heat > 0) * \
                np.clip((reach - t) / (0.5 * plan["tan"]), 0, 1)
            brown = np.clip(1 - heat / sc + 0.12 * mot, 0, 1) ** 1.7 * (heat > -0.3)
            sub *= (1 - 0.17 * tan[..., None] * np.array((0.05, 0.3, 0.75), np.float32)) * \
                (1 - 0.8 * brown[..., None] * (1 - SCORCH / 255))
        if burn:   # the char, brown-black, blacker towards the front; the lid past it
            depth = np.clip((char - t) / char, 0, 1)      # 0 the char's inner edge .. 1 front
            inside = (t < char) & (t >= 0)
            black = CHAR + (1 - depth[..., None]) * np.array((40, 22, 6), np.float32) \
                + (np.clip(mot - 1.3, 0, 1) * 80 + 8 * mot)[..., None]
            a = np.clip(depth / 0.3, 0, 1) * inside
            sub = sub * (1 - a[..., None]) + black * a[..., None]
            gone = t < 0
            shadow = cv2.GaussianBlur((np.exp(np.minimum(t, 0) / 1.1) * gone).astype(
                np.float32), (0, 0), 0.5 * u) * gone   # under the curled edge
            lid = plan["lid"] * (1 - 0.4 * shadow[..., None])
            sub = np.where(gone[..., None], lid, sub)
        arr[box] = sub
    if soot:   # a sooty finger's smears, each dragged one way
        for px, py, rx, ry, ang, strength, drag in plan["soot"]:
            span = int(rx + drag + 2 * u)
            x0, x1 = max(0, int(px - span)), min(w, int(px + span))
            y0, y1 = max(0, int(py - span)), min(h, int(py + span))
            if x1 <= x0 or y1 <= y0:
                continue
            yy, xx = np.ogrid[y0:y1, x0:x1]
            a_ = ((xx - px) * math.cos(ang) + (yy - py) * math.sin(ang)) / rx
            b_ = (-(xx - px) * math.sin(ang) + (yy - py) * math.cos(ang)) / ry
            blob = np.exp(-(a_ ** 2 + b_ ** 2) * 1.8) * (0.6 + 0.4 * np.clip(
                mottle[y0:y1, x0:x1] + 0.5, 0, 1.5))
            streak = strength * cv2.filter2D(blob.astype(np.float32), -1,
                                             shake_kernel(drag, ang))[..., None]
            arr[y0:y1, x0:x1] = arr[y0:y1, x0:x1] * (1 - streak) + 52 * streak
    if capture:
        arr += g.standard_normal(arr.shape, dtype=np.float32) * 1.8
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


# -- photographed under flickering tube lights ---------------------------------------------

def kedip_plan(size: tuple[int, int], rng: random.Random, u: float) -> dict:
    """How the phone took the page of ``size`` (px, ``u`` px a mm): the page's share of
    the picture, its keystone (the far side), turn and place; the desk; the flicker's
    bands (across the rows or the columns as the phone was held, their period, depth,
    shape, pulsed or smooth, phase and cast); the room's light, the shake, the noise and
    the JPEG."""
    return {"fill": rng.uniform(*FLICKER["fill"]),
            "keystone": rng.uniform(*FLICKER["keystone"]),
            "far": rng.choice(("top", "top", "left", "right")),
            "turn": rng.uniform(*FLICKER["turn"]),
            "shift": (rng.uniform(-0.015, 0.015), rng.uniform(-0.015, 0.015)),
            "surface": rng.choice(SURFACES),
            "rows": rng.random() < 0.6, "period": rng.uniform(*FLICKER["period"]),
            "depth": rng.uniform(*FLICKER["depth"]), "pulsed": rng.random() < 0.5,
            "duty": rng.uniform(*FLICKER["duty"]), "phase": rng.uniform(0, 1),
            "tint": rng.uniform(*FLICKER["tint"]) * rng.choice((-1, 1)),
            "light_at": (rng.uniform(0.2, 0.8), rng.uniform(-0.6, -0.1)),
            "shake": rng.uniform(*FLICKER["shake_mm"]) * u, "shake_angle": rng.uniform(0, math.pi),
            "noise": rng.uniform(*FLICKER["noise"]), "quality": rng.randint(*FLICKER["quality"])}


def flicker(n: int, plan: dict) -> np.ndarray:
    """The light along ``n`` sensor rows read one after another (1 at the lamps' peak,
    1 - depth at their trough): a smooth wave or a pulsed lamp's soft-edged steps."""
    phase = np.arange(n, dtype=np.float32) / (plan["period"] * n) + plan["phase"]
    frac = np.mod(phase, 1.0)
    if plan["pulsed"]:
        edge = 0.06
        on = np.clip((plan["duty"] - frac) / edge + 0.5, 0, 1) * np.clip(frac / edge + 0.5, 0, 1)
        wave = cv2.GaussianBlur(on[None, :], (0, 0), max(1.0, 0.01 * n))[0]
    else:
        wave = 0.5 + 0.5 * np.cos(2 * math.pi * frac)
    return 1 - plan["depth"] * (1 - wave)


def kedip(img: Image.Image, rng: random.Random, dpi: int, *, bands: bool = True,
          capture: bool = True) -> Image.Image:
    """The diploma photographed with a phone lying on a desk under flickering tube lights
    (:func:`kedip_plan`): the page 86-92 % of the picture, its far side a little shorter,
    turned a little, its soft shadow on the desk (the shared surfaces of the held card);
    the lamps' light falling off from above; the phone's rolling shutter reading the rows
    one after another while the lamps flickered, so that soft dark bands (14-30 % darker,
    a green or magenta cast in them) cross the whole picture (``bands``); its shake,
    noise, sharpening and JPEG (``capture``). Every draw is the same whatever is left
    out."""
    u = dpi / 25.4
    w, h = img.size
    plan = kedip_plan((w, h), rng, u)
    page = np.asarray(img.convert("RGB"), np.float32)
    fill = plan["fill"]
    quad = photo_quad((w, h), plan, (w / 2 + plan["shift"][0] * w,
                                     h / 2 + plan["shift"][1] * h))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(page, matrix, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, (w, h),
                                flags=cv2.INTER_LINEAR)
    small = (max(2, w // 3), max(2, h // 3))   # the desk drawn small: it is out of focus
    desk = _surface(small, random.Random(rng.getrandbits(32)), u * fill / 3, plan["surface"])
    under = cv2.resize(cover, small, interpolation=cv2.INTER_AREA)   # the page's shadow
    under = cv2.GaussianBlur(np.roll(under, (round(0.4 * u), round(0.27 * u)), (0, 1)),
                             (0, 0), 0.83 * u)
    desk = cv2.GaussianBlur(desk, (0, 0), 1.2) * (1 - 0.4 * under)[..., None]
    desk = cv2.resize(desk, (w, h), interpolation=cv2.INTER_LINEAR)
    out = warped - desk
    out *= cover[..., None]
    out += desk
    ys = np.arange(h, dtype=np.float32)[:, None]
    xs = np.arange(w, dtype=np.float32)[None, :]
    lx, ly = plan["light_at"][0] * w, plan["light_at"][1] * h
    light = 1.06 - 0.22 * np.hypot(xs - lx, ys - ly) / math.hypot(w, h)
    out *= light[..., None]
    if bands:   # the rolling shutter and the flickering lamps
        n = h if plan["rows"] else w
        wave = flicker(n, plan)
        wave = wave[:, None] if plan["rows"] else wave[None, :]
        dip = (1 - wave) / max(1e-6, plan["depth"])
        cast = 1 + plan["tint"] * dip[..., None] * np.array((1.0, -1.0, 1.0), np.float32)
        out *= wave[..., None] * cast
    g = np.random.default_rng(rng.getrandbits(32))
    if capture:
        np.clip(out, 0, 255, out=out)
        out = cv2.filter2D(out, -1, shake_kernel(max(1.0, plan["shake"]), plan["shake_angle"]))
        soft = cv2.GaussianBlur(out, (0, 0), max(1.0, 0.12 * u))
        out *= 1.45
        out -= 0.45 * soft
        out += g.standard_normal(out.shape, dtype=np.float32) * plan["noise"]
    picture = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return jpeg(picture, plan["quality"]).convert("RGB") if capture else picture


FINISHES = {"hangus": hangus, "kedip": kedip}
NAME_CLEAR = {"hangus"}      # hand-ins given the name's box to keep off its line
GROUP31_CUES = {"spma_ketik": spma_ketik, "pgsd_rektor": pgsd_rektor}
GROUP31_BORDERS = {"untai_padi": untai_padi, "rotan": rotan}
HEADERS = {"spma_kepala": spma_kepala, "pgsd_kepala": pgsd_kepala}

__all__ = ["CHAR", "FINISHES", "FIRE", "FLICKER", "GROUP31_BORDERS", "GROUP31_CUES",
           "HEADERS", "LID", "NAME_CLEAR", "SCORCH", "STEP_MM", "edge_distance", "flicker",
           "front_t", "hangus", "hangus_plan", "kedip", "kedip_plan", "pgsd_kepala",
           "pgsd_rektor", "rotan", "spma_kepala", "spma_ketik", "untai_padi"]
