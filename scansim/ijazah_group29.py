"""Twenty-ninth-group diplomas: a state junior high school's (SMP) diploma of the
Departemen Pendidikan Nasional, 2003-2009 (Rachana: a Malayalam family's Latin), upright
in a band of nested chevrons (siku_keluang), the blank printed in a dark blue offset ink and
its particulars (the number, the name, the birth, the parents, the register and the
national examination's numbers) printed into it on the school's inkjet printer in its
water-soluble black (Meera), which went through one of Kotawaringin Barat's floods (banjir:
the water's tide lines across part of the sheet, the inkjet's particulars bled where the
sheet was wet, haloed, feathered into the fibres and run downward, mould's foxing spots, the
paper cockled as it dried; then scanned in colour or copied in grey); and a private
university's S1 diploma with its national diploma number (Sophia Nubian, "IJAZAH" in
Abyssinica SIL, the name and its degree in Havana's script), upright in a band of mangosteen
calyx rosettes (tampuk_manggis), scanned through an office copier's automatic document
feeder in its black-and-white text mode (pengumpan: 200 dpi, one bit a pixel, hard on the
text and diffused for the greys, dust on the feeder's glass drawing one or two dark lines
down the whole page, the sheet stretched or squeezed a little along the feed and askew,
its leading edge curled)."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from formgen.core.yamlfile import load_yaml
from scansim.ijazah_group16 import wrap
from scansim.ijazah_holders import titled
from scansim.ijazah_numbers import styled_number
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group29.yaml"
KEEP_CASE = {"Smp": "SMP", "Dan": "dan"}   # words written so in Title Case
BLANK_INK = (30, 40, 78)        # the SMP blank's offset ink, a dark blue
DYE_BLACK = (22, 20, 26)        # the school inkjet's black (a water-soluble dye)
# A flood: the water, the ink, the mould and the paper (see banjir_plan): each per page.
FLOOD = {"edges": ("bottom", "bottom", "bottom", "left", "right"),   # where it came from
         "fronts": (1, 3),             # tide lines: where the water stood, one to three times
         "front_gap_mm": (6.0, 20.0),  # ... each earlier one nearer the edge it came from
         "past_name_mm": (8.0, 40.0),  # the highest front past the name's far side
         "wave_mm": (2.0, 6.0),        # a front's waviness ...
         "wave_len_mm": (40.0, 120.0),  # ... and its length
         "stain": (0.2, 0.5),          # the brown wash of the water inside the fronts
         "line": (0.45, 0.8),          # the tide line's brown at its edge
         "halo_mm": (0.35, 0.6),       # the bled ink's halo round each letter
         "halo": (0.3, 0.45),          # ... and its strength
         "feather": (0.35, 0.6),       # the ink wicked into the fibres
         "run_mm": (0.6, 1.5),         # the ink run downward: its reach (decay) ...
         "runs": (0.3, 0.6),           # ... over this share of the letters
         "spots": (25, 90),            # mould's foxing spots
         "colonies": (2, 4),           # mould's speckled colonies
         "cockle_mm": (0.3, 0.8),      # the cockled paper's displacement
         "cockle_light": (0.04, 0.08),  # ... and its shading
         "grey_copy": 0.35}            # the share of pages copied in grey (else a colour scan)
STAIN = np.array((0.05, 0.1, 0.2), np.float32)   # darkness of the water's brown per channel
HALO_INK = np.array((96, 82, 128), np.float32)   # the dye's halo: its blue and violet part
# An automatic document feeder's black-and-white scan (see feeder_plan): each per page.
FEEDER = {"dpi": 200,                  # its black-and-white mode's resolution
          "stretch": (0.97, 1.03),     # along the feed (the sheet slipping or dragged)
          "skew": (-1.0, 1.0),         # degrees off the feed
          "lead_mm": (1.0, 2.5),       # the backing scanned before the sheet's leading edge
          "curl_mm": (0.8, 2.4),       # the leading edge's curve
          "curl_reach_mm": (8.0, 16.0),  # how far into the sheet the curl reaches
          "streaks": (1, 2),           # dust on the feeder's glass: dark lines down the page
          "streak_px": (1, 3),         # ... each this wide at 200 dpi
          "on_name": 0.5,              # the share of pages with a streak across the name
          "threshold": (0.5, 0.62),    # the text mode's threshold (share of the paper's white)
          "contrast": (3.0, 4.5)}      # how steeply it pushes greys off the threshold


@cache
def _data() -> dict:
    """The twenty-ninth group's wording (data/ijazah_group29.yaml)."""
    return load_yaml(DATA)


# -- frames -------------------------------------------------------------------------------

def siku_keluang(img: Image.Image, color, rng: random.Random, *, dpi: int,
                 margin_mm: float) -> None:
    """A band 7 mm wide of nested chevrons (siku keluang: a bat's folded wings, three
    angles one inside the next, all pointing along the band the same way) between a
    heavy outer rule and a fine inner one; a diamond in a square at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 7.0 * u
    fine = max(1, round(0.16 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.8 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=fine)
    pitch = 4.0 * u
    half = 0.32 * band

    def run(a0: float, a1: float, at: float, along_x: bool) -> None:
        for t in np.arange(a0 + pitch / 2, a1 - pitch / 2, pitch):
            for k in range(3):
                s = half * (1 - 0.3 * k)
                tip = t + 0.45 * pitch - 0.3 * k * pitch
                pts = [(tip - s, at - s), (tip, at), (tip - s, at + s)]
                if not along_x:
                    pts = [(q, p) for p, q in pts]
                d.line(pts, fill=color, width=fine)

    mid = m + band / 2 + 0.3 * u
    for y in (mid, h - mid):
        run(m + band, w - m - band, y, True)
    for x in (mid, w - mid):
        run(m + band, h - m - band, x, False)
    r = 0.36 * band
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            d.rectangle([cx - r, cy - r, cx + r, cy + r], outline=color, width=fine)
            d.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], outline=color)


def tampuk_manggis(img: Image.Image, color, rng: random.Random, *, dpi: int,
                   margin_mm: float) -> None:
    """A band 8 mm wide of mangosteen calyx rosettes (four to six broad rounded lobes
    round a ring, as the fruit's crown shows from above) every 9 mm, small dots between
    them, between two fine rules and a heavier outer one."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 8.0 * u
    fine = max(1, round(0.15 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.6 * u)))
    d.rectangle([m + 0.9 * u, m + 0.9 * u, w - m - 0.9 * u, h - m - 0.9 * u], outline=color,
                width=fine)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=fine)
    lobes = rng.randint(4, 6)
    r = 0.3 * band
    pitch = 9.0 * u

    def rosette(cx: float, cy: float, turn: float) -> None:
        for k in range(lobes):
            a = turn + 2 * math.pi * k / lobes
            px, py = cx + 0.55 * r * math.cos(a), cy + 0.55 * r * math.sin(a)
            d.ellipse([px - 0.48 * r, py - 0.48 * r, px + 0.48 * r, py + 0.48 * r],
                      outline=color, width=fine)
        d.ellipse([cx - 0.28 * r, cy - 0.28 * r, cx + 0.28 * r, cy + 0.28 * r], fill=color)

    mid = m + 0.45 * u + band / 2
    for k, t in enumerate(np.arange(m + band + pitch / 2, w - m - band, pitch)):
        for y in (mid, h - mid):
            rosette(t, y, k * 0.3)
            d.ellipse([t + pitch / 2 - 0.3 * u, y - 0.3 * u, t + pitch / 2 + 0.3 * u,
                       y + 0.3 * u], fill=color)
    for k, t in enumerate(np.arange(m + band + pitch / 2, h - m - band, pitch)):
        for x in (mid, w - mid):
            rosette(x, t, k * 0.3)
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            rosette(cx, cy, 0.0)


# -- the SMP's blank, its particulars printed in on an inkjet ----------------------------------

class Filler:
    """The school's inkjet printing the particulars into the blank: ``role`` of the page's
    faces in the printer's water-soluble black, each run of text also marked on the page's
    ``filled`` layer (a mask of where that ink lies, for what water does to it)."""

    def __init__(self, p, role: str) -> None:
        self.p, self.role = p, role
        if getattr(p, "filled", None) is None:
            p.filled = Image.new("L", p.img.size, 0)
        self.mask = ImageDraw.Draw(p.filled)

    def text_px(self, at, text: str, fnt, fill=None, anchor: str = "ls") -> None:
        """``text`` printed with ``fnt`` by ``anchor`` at ``at`` (px), as _Page.name draws a
        name (``fill`` is the printer's black)."""
        self.p.d.text(at, text, font=fnt, fill=DYE_BLACK, anchor=anchor)
        self.mask.text(at, text, font=fnt, fill=255, anchor=anchor)

    def text(self, x_mm: float, y_mm: float, text: str, size_mm: float, *,
             anchor: str = "ls") -> None:
        self.text_px((x_mm * self.p.u, y_mm * self.p.u), text,
                     self.p.font(self.role, size_mm), None, anchor)


def smp_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
               size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The SMP's face on the ministry's blank, all of it in the blank's dark blue (the
    page's ink from here on): "Nomor Seri" at the top right with the number printed after
    it by the school's inkjet, the emblem, "REPUBLIK INDONESIA", the Departemen Pendidikan
    Nasional, "IJAZAH" in the title face, the level written out and the school year.
    The inkjet (a :class:`Filler`) is kept as ``p.filler``. Returns the y (mm) the
    holder's part begins at and the number."""
    words = _data()["smp"]
    p.ink = BLANK_INK
    p.school = school
    p.filler = Filler(p, dz.name_face)
    p.layout = random.Random(rng.getrandbits(32))
    nomor = styled_number("dn", f"DN-{rng.randint(1, 34):02d} Dl {rng.randint(0, 9999999):07d}",
                          spec=spec, tahun=tahun, school=school, rng=rng)
    right = size_mm[0] - 27
    label = "Nomor Seri :"
    p.text(right - 38, 25, label, dz.body, 3.2, anchor="rs")
    p.filler.text(right - 37 + p.layout.uniform(-0.4, 0.6), 25 + p.layout.uniform(-0.5, 0.4),
                  nomor, 3.3)
    draw_seal(p.d, dz.seal, p.w / 2, 40 * p.u, 11.5 * p.u, (150, 118, 40))
    p.centre(55, "REPUBLIK INDONESIA", dz.heading, 4.4)
    p.centre(61, dz.ministry, dz.heading, 4.0)
    p.centre(69, dz.title_text, dz.title, 14.0 + p.layout.uniform(-0.5, 0.5), fill=dz.accent)
    p.centre(88, words["level"], dz.heading, 5.0)
    p.centre(95, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.6)
    return 104.0, nomor


def smp_isian(p, dz, y: float, name: str, rows: list[tuple[str, str]],
              sizes: tuple[float, float]) -> float:
    """The head's sentence (the school, the regency, the province), then the blank's rows,
    each a printed label, a colon and a dotted line, the particulars printed on them by
    the school's inkjet (the header's :class:`Filler`; the printer's sheet feed a little
    off the lines): the name (by _Page.name, in capitals, larger; its box kept as
    ``p.name_box``), the birth, the parents, the register number and the national
    examination's participant number; then the blank's closing sentence."""
    body, big = sizes
    words = _data()["smp"]
    filler = getattr(p, "filler", None) or Filler(p, dz.name_face)
    lay = getattr(p, "layout", None) or random.Random(name)
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "SMP Negeri", KEEP_CASE)
    lab_x, col_x = wmm * 0.13, wmm * 0.13 + 56
    size = body * 0.95
    for line in wrap(p, words["opening"].format(school=school), dz.body, size, wmm * 0.74):
        p.text(lab_x, y, line, dz.body, size)
        y += size + 1.5
    y += 4
    fed = lay.uniform(-0.9, 0.3)   # the printer's lines off the dotted ones (mm)
    exam = f"{lay.randint(1, 3)}-{lay.randint(5, 9):02d}-15-{lay.randint(1, 12):02d}-" \
           f"{lay.randint(1, 120):03d}-{lay.randint(1, 320):03d}-{lay.randint(1, 9)}"
    items = [(words["rows"][0], name),
             (words["rows"][1], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][2], values.get("nama orang tua/wali", "")),
             (words["rows"][3], f"{lay.randint(1, 999):04d}/{lay.randint(100, 999)}"),
             (words["rows"][4], exam)]
    dots = p.font(dz.body, body)
    end = wmm * 0.87
    line = "." * int((end - col_x) * p.u / max(1.0, p.d.textlength(".", font=dots)))
    for k, (label, value) in enumerate(items):
        base = y + (big if k == 0 else body)
        p.text(lab_x, base, label, dz.body, body, anchor="ls")
        p.text(col_x - 3, base, ":", dz.body, body, anchor="ls")
        p.d.text((col_x * p.u, (base + 0.7) * p.u), line, font=dots, fill=BLANK_INK,
                 anchor="ls")
        x = col_x + 1.5
        if k == 0:   # the name as every diploma draws it, printed by the inkjet
            p.name(x, base + fed, value, dz.name_face, big * lay.uniform(0.95, 1.05), end - x,
                   body, anchor="ls", draw=filler.text_px)
            y = base + 3.2
        else:
            filler.text(x, base + fed, value, body * 1.05)
            y = base + 3.6
    y += 2
    for line in wrap(p, words["closing"], dz.body, size, wmm * 0.74):
        p.text(lab_x, y, line, dz.body, size)
        y += size + 1.5
    return y + 2


# -- the private university's diploma --------------------------------------------------------

def kampus_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                  size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The university's face: the national diploma number (PIN) at the top left, its own
    register number at the top right, its emblem, the foundation that runs it, its name
    large, its accreditation, "IJAZAH" in the title face and the programme. Returns the
    y (mm) the holder's part begins at and the number (the PIN)."""
    words = _data()["universitas"]
    p.school, p.degree_abbr = school, degree_of(spec)
    p.layout = random.Random(rng.getrandbits(32))
    nomor = styled_number("pin", "", spec=spec, tahun=tahun, school=school, rng=rng)
    town = school.removeprefix("UNIVERSITAS ")
    initials = "U" + "".join(w[0] for w in town.split())
    p.text(27, 24, f"Nomor Ijazah Nasional : {nomor}", dz.body, 2.9)
    register = words["register"].format(n=p.layout.randint(1, 2999), initials=initials,
                                        year=tahun)
    p.text(size_mm[0] - 27, 24, f"Nomor : {register}", dz.body, 2.9, anchor="ra")
    draw_seal(p.d, dz.seal, p.w / 2, 41 * p.u, 11 * p.u, dz.accent)
    p.centre(56, words["foundation"].format(town=town), dz.heading, 3.4)
    p.centre(61.5, school, dz.heading, 6.2, fill=dz.accent, width_mm=size_mm[0] * 0.72)
    p.centre(70, words["accreditation"], dz.body, 3.2)
    p.centre(77, dz.title_text, dz.title, 15.0 + p.layout.uniform(-0.6, 0.6), fill=dz.accent)
    p.centre(97, f"{spec['title']} ({spec['short']})", dz.heading, 4.4)
    return 107.0, nomor


def degree_of(spec: dict) -> str:
    """The abbreviation of a programme's degree ("Sarjana Teknik (S.T.)" -> "S.T.")."""
    full = spec.get("degree", "")
    return full[full.find("(") + 1:full.rfind(")")] if "(" in full else ""


def kampus_kaligrafi(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                     sizes: tuple[float, float]) -> float:
    """The rector's sentence centred, the holder's name large and centred in the script
    face with the degree after it ("RUDI HARTONO, S.T.", by _Page.name; its box kept as
    ``p.name_box``), a fine rule under it, then the rows centred on their colons: the
    student number, the birth, the study programme and its faculty."""
    body, big = sizes
    words = _data()["universitas"]
    lay = getattr(p, "layout", None) or random.Random(name)
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Universitas", KEEP_CASE)
    for line in wrap(p, words["opening"].format(school=school), dz.body, body, wmm * 0.7):
        p.centre(y, line, dz.body, body)
        y += body + 1.5
    y += 3
    shown = f"{name}, {p.degree_abbr}" if getattr(p, "degree_abbr", "") else name
    p.name(None, y, shown, dz.name_face, big * lay.uniform(1.15, 1.3), wmm * 0.7, body,
           anchor="ma")
    y = p.name_box[3] + 2.5
    rule = wmm * 0.22
    p.d.line([((wmm / 2 - rule) * p.u, y * p.u), ((wmm / 2 + rule) * p.u, y * p.u)],
             fill=dz.accent, width=max(1, round(0.2 * p.u)))
    y += 4
    programme = values.get("program studi", "Teknik Sipil")
    items = [(words["rows"][0], values.get("nomor induk mahasiswa", "")),
             (words["rows"][1], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][2], programme),
             (words["rows"][3], words["faculties"].get(programme, "Teknik"))]
    mid = wmm / 2 - 4 + lay.uniform(-2, 2)
    for label, value in items:
        p.text(mid - 2, y, label, dz.body, body, anchor="ra")
        p.text(mid, y, ":", dz.body, body)
        p.text(mid + 3, y, value, dz.heading, body, width_mm=wmm * 0.86 - mid - 3)
        y += body + 2.2
    return y + 2


# -- through a flood --------------------------------------------------------------------------

def banjir_plan(size: tuple[int, int], rng: random.Random, u: float,
                name_box: tuple[float, float, float, float] | None = None) -> dict:
    """How the flood reached a sheet of ``size`` (px, ``u`` px a mm): the edge the water
    came from, its tide lines (each the distance, px from that edge, its mean front stood
    at, its waviness, length and phase; the highest always past the name's far side,
    ``name_box`` mm, so the name was wet), the brown of the water and of its lines, the
    ink's halo, feathering and runs, the mould's spots and colonies, the paper's cockle,
    and whether it was copied in grey or scanned in colour."""
    w, h = size
    edge = rng.choice(FLOOD["edges"])
    across = h if edge == "bottom" else w
    if name_box is not None:
        x0, y0, x1, y1 = (v * u for v in name_box)
        far = {"bottom": h - y0, "left": x1, "right": w - x0}[edge]
    else:
        far = 0.55 * across
    top = min(0.92 * across, far + rng.uniform(*FLOOD["past_name_mm"]) * u)
    fronts = []
    at = top
    for _ in range(rng.randint(*FLOOD["fronts"])):
        fronts.append((at, rng.uniform(*FLOOD["wave_mm"]) * u,
                       rng.uniform(*FLOOD["wave_len_mm"]) * u, rng.uniform(0, 2 * math.pi)))
        at -= rng.uniform(*FLOOD["front_gap_mm"]) * u
        if at < 0.15 * across:
            break
    return {"edge": edge, "fronts": fronts, "stain": rng.uniform(*FLOOD["stain"]),
            "line": rng.uniform(*FLOOD["line"]), "halo_mm": rng.uniform(*FLOOD["halo_mm"]),
            "halo": rng.uniform(*FLOOD["halo"]), "feather": rng.uniform(*FLOOD["feather"]),
            "run_mm": rng.uniform(*FLOOD["run_mm"]), "runs": rng.uniform(*FLOOD["runs"]),
            "spots": rng.randint(*FLOOD["spots"]), "colonies": rng.randint(*FLOOD["colonies"]),
            "cockle": rng.uniform(*FLOOD["cockle_mm"]) * u,
            "cockle_light": rng.uniform(*FLOOD["cockle_light"]),
            "grey_copy": rng.random() < FLOOD["grey_copy"]}


def wet_map(size: tuple[int, int], plan: dict, u: float) -> tuple[np.ndarray, np.ndarray]:
    """Where the sheet of ``size`` got wet (h, w: 1 below the highest front, 0 past it,
    soft over a millimetre) and its tide lines' darkness (h, w: sharp at each front's
    outer edge, fading inwards over a few millimetres), by ``plan``
    (:func:`banjir_plan`)."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    edge = plan["edge"]
    dist = {"bottom": h - yy, "left": xx, "right": w - xx}[edge]   # from the water's edge
    along = xx if edge == "bottom" else yy
    wet = np.zeros((h, w), np.float32)
    lines = np.zeros((h, w), np.float32)
    for k, (at, wave, length, phase) in enumerate(plan["fronts"]):
        front = at + wave * np.sin(2 * np.pi * along / length + phase) \
            + 0.35 * wave * np.sin(2 * np.pi * along / (0.37 * length) + 2 * phase)
        inside = front - dist   # > 0 inside the front (the wet side)
        if k == 0:
            wet = np.clip(inside / max(1.0, 1.0 * u) + 0.5, 0, 1)
        ring = np.exp(-np.maximum(inside, 0) / max(1.0, 1.2 * u)) \
            * np.exp(np.minimum(inside, 0) / max(0.5, 0.15 * u))
        lines = np.maximum(lines, ring * (1 - 0.2 * k))
    return wet, lines


def bleed(filled: np.ndarray, wet: np.ndarray, plan: dict, rng: random.Random, u: float
          ) -> tuple[np.ndarray, np.ndarray]:
    """What water did to the inkjet's ink (``filled``: its cover, h, w 0..1) where the sheet
    was ``wet``: the dye's halo round each letter, its feathering along the paper's
    fibres, its runs downward under some letters (a share of the columns), the letters
    themselves a little paler. Returns the halo's cover and the black's (h, w)."""
    h, w = filled.shape
    g = np.random.default_rng(rng.getrandbits(32))
    halo = cv2.GaussianBlur(filled, (0, 0), max(0.6, plan["halo_mm"] * u))
    halo = np.clip(halo * 2.2, 0, 1) * plan["halo"]
    fibres = cv2.GaussianBlur(g.random((h, w)).astype(np.float32), (0, 0), max(0.5, 0.06 * u))
    fibres = np.clip((fibres - 0.5) * 6 + 0.5, 0, 1)
    near = cv2.GaussianBlur(filled, (0, 0), max(0.5, 0.22 * u))
    feather = np.clip(near * 2.5, 0, 1) * fibres * plan["feather"]
    reach = max(2, int(3.5 * plan["run_mm"] * u))
    kernel = np.exp(-np.arange(reach, dtype=np.float32) / max(1.0, plan["run_mm"] * u))
    kernel = (kernel / kernel.sum())[:, None]
    # each row takes the ink of the rows above it (the dye runs down the sheet)
    run = cv2.filter2D(filled, -1, np.vstack([kernel[::-1], np.zeros_like(kernel)[1:]]),
                       anchor=(0, reach - 1), borderType=cv2.BORDER_CONSTANT)
    cols = cv2.resize(g.random((1, max(2, w // max(1, int(1.5 * u))))).astype(np.float32),
                      (w, 1), interpolation=cv2.INTER_NEAREST)
    run = np.clip(run * 3.0, 0, 1) * (cols < plan["runs"]) * 0.55
    black = np.maximum(np.maximum(filled * 0.82, feather), run) * wet + filled * (1 - wet)
    return halo * wet * (1 - filled), black


def banjir(img: Image.Image, rng: random.Random, dpi: int, *,
           name_box: tuple[float, float, float, float] | None = None,
           filled: Image.Image | None = None, stain: bool = True, ink: bool = True,
           mould: bool = True, cockle: bool = True, capture: bool = True) -> Image.Image:
    """The diploma after a flood (:func:`banjir_plan`), dried and handed in: the inkjet's
    particulars (``filled``: where that ink lies) bled where the sheet was wet (the name,
    ``name_box`` mm, always: haloed, feathered, run downward; left out with ``ink``
    False); the water's brown wash and its tide lines across part of the sheet (left out
    with ``stain`` False); mould's foxing spots and speckled colonies, most of them in
    the wet part (``mould``); the paper cockled as it dried: small displacements and a
    soft shading (``cockle``); then scanned in colour or copied in grey (``capture``).
    Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = banjir_plan((w, h), rng, u, name_box)
    wet, lines = wet_map((w, h), plan, u)
    arr = np.asarray(img.convert("RGB"), np.float32)
    g = np.random.default_rng(rng.getrandbits(32))
    if filled is not None:
        cover = np.asarray(filled.convert("L"), np.float32) / 255
        if cover.shape != (h, w):
            cover = cv2.resize(cover, (w, h), interpolation=cv2.INTER_LINEAR)
    else:
        cover = np.zeros((h, w), np.float32)
    halo, black = bleed(cover, wet, plan, rng, u)
    if ink and cover.any():
        paper = np.percentile(arr.reshape(-1, 3)[::97], 90, axis=0).astype(np.float32)
        under = arr * (1 - cover[..., None]) + paper * cover[..., None]   # the ink lifted
        under = under * (1 - halo[..., None] * (1 - HALO_INK / 255))
        arr = under * (1 - black[..., None] * (1 - np.array(DYE_BLACK, np.float32) / 255))
    blot = cv2.resize(g.random((max(2, h // 60), max(2, w // 60))).astype(np.float32), (w, h),
                      interpolation=cv2.INTER_CUBIC)
    if stain:
        wash = plan["stain"] * wet * (0.6 + 0.4 * np.clip(blot, 0, 1))
        edge = plan["line"] * lines
        dark = np.clip(wash + edge, 0, 1.2)[..., None] * STAIN * 2.2
        arr = arr * (1 - np.clip(dark, 0, 0.8))
    spots = []
    for _ in range(plan["spots"]):
        for _ in range(8):   # most of them where it was wet
            x, y = g.uniform(0, w), g.uniform(0, h)
            if wet[int(y), int(x)] > 0.5 or g.random() < 0.3:
                break
        spots.append((x, y, g.uniform(0.2, 1.2) * u, g.uniform(0.15, 0.45)))
    colonies = [(g.uniform(0, w), g.uniform(0.35, 1.0) * h, g.uniform(2.5, 7.5) * u)
                for _ in range(plan["colonies"])]
    if mould:
        fox = np.zeros((h, w), np.float32)
        for x, y, r, strength in spots:
            x0, x1 = max(0, int(x - 3 * r)), min(w, int(x + 3 * r) + 1)
            y0, y1 = max(0, int(y - 3 * r)), min(h, int(y + 3 * r) + 1)
            if x1 <= x0 or y1 <= y0:
                continue
            sy, sx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
            d2 = ((sx - x) ** 2 + (sy - y) ** 2) / (r * r)
            fox[y0:y1, x0:x1] = np.maximum(fox[y0:y1, x0:x1],
                                          strength * np.exp(-d2) * (1 + 0.8 * np.exp(-6 * d2)))
        arr = arr * (1 - np.clip(fox, 0, 0.8)[..., None] * np.array((0.25, 0.45, 0.7),
                                                                    np.float32))
        speck = g.random((h, w)).astype(np.float32)
        for x, y, r in colonies:
            x0, x1 = max(0, int(x - r)), min(w, int(x + r) + 1)
            y0, y1 = max(0, int(y - r)), min(h, int(y + r) + 1)
            if x1 <= x0 or y1 <= y0:
                continue
            sy, sx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
            dens = np.clip(1 - np.hypot(sx - x, sy - y) / r, 0, 1) * 0.35
            dots = (speck[y0:y1, x0:x1] < dens).astype(np.float32)
            dots = cv2.GaussianBlur(dots, (0, 0), max(0.4, 0.05 * u))
            arr[y0:y1, x0:x1] *= 1 - np.clip(dots * 1.5, 0, 0.7)[..., None] * np.array(
                (0.62, 0.58, 0.6), np.float32)
    else:
        g.random((h, w))
    field = cv2.GaussianBlur(g.normal(0, 1, (max(2, h // 8), max(2, w // 8))).astype(np.float32),
                             (0, 0), max(1.0, 12 * u / 8))
    field /= max(1e-6, float(np.abs(field).max()))
    field = cv2.resize(field, (w, h), interpolation=cv2.INTER_CUBIC) * (0.35 + 0.65 * wet)
    if cockle:   # the paper warped as it dried: moved a little, lit unevenly
        gy, gx = np.gradient(field)
        scale = plan["cockle"] / max(1e-6, float(np.abs(field).max()))
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        map_x = (xx + field * scale * 0.6).astype(np.float32)
        map_y = (yy + field * scale).astype(np.float32)
        arr = cv2.remap(arr, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        slope = gx / max(1e-6, float(np.abs(gx).max()))
        arr = arr * (1 + plan["cockle_light"] * slope)[..., None]
    if capture:
        if plan["grey_copy"]:   # copied in grey: the copier's levels, its toner's grain
            grey = arr @ np.array((0.299, 0.587, 0.114), np.float32)
            grey = 255 * np.clip((grey - 24) / 214, 0, 1) ** 1.15
            grey = grey + g.normal(0, 3.0, (h, w)).astype(np.float32)
            arr = np.repeat(grey[..., None], 3, axis=2)
        else:                   # a colour flatbed scan: its noise
            arr = arr + g.normal(0, 1.8, arr.shape).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


# -- through an automatic document feeder in black and white -----------------------------------

def feeder_plan(size: tuple[int, int], rng: random.Random, u: float,
                name_box: tuple[float, float, float, float] | None = None) -> dict:
    """How the feeder took a sheet of ``size`` (px, ``u`` px a mm): its stretch along the
    feed, its skew, the backing read before its leading edge, that edge's curl (how deep,
    how far in), the dust's streaks on its glass (each a column, px on the sheet, a width
    at 200 dpi and a darkness; one across the name, ``name_box`` mm, on half the pages),
    the text mode's threshold and contrast."""
    w, h = size
    streaks = []
    for k in range(rng.randint(*FEEDER["streaks"])):
        if k == 0 and name_box is not None and rng.random() < FEEDER["on_name"]:
            x = rng.uniform(name_box[0] + 2, max(name_box[0] + 2, name_box[2] - 2)) * u
        else:
            x = rng.uniform(0.06, 0.94) * w
        streaks.append((x, rng.randint(*FEEDER["streak_px"]), rng.uniform(0.75, 0.95)))
    return {"stretch": rng.uniform(*FEEDER["stretch"]), "skew": rng.uniform(*FEEDER["skew"]),
            "lead": rng.uniform(*FEEDER["lead_mm"]) * u,
            "curl": rng.uniform(*FEEDER["curl_mm"]) * u,
            "curl_reach": rng.uniform(*FEEDER["curl_reach_mm"]) * u, "streaks": streaks,
            "threshold": rng.uniform(*FEEDER["threshold"]),
            "contrast": rng.uniform(*FEEDER["contrast"])}


def fed_sheet(grey: np.ndarray, plan: dict, u: float, *, move: bool = True,
              curl: bool = True) -> np.ndarray:
    """The sheet (``grey``, h, w floats 0..1 of its paper) as the feeder's scan line saw it,
    in a frame of its own size that starts a little before its leading edge (the plan's
    lead): stretched along the feed by the plan's stretch from that edge on and turned by
    its skew round that edge's middle (left as it lay with ``move`` False: no lead), its
    leading edge curled (bowed down into the page by the plan's curl at its middle, the
    print near it pulled along; ``curl``), the feeder's white backing past the sheet's
    edges (what runs past the frame's foot is lost) and the edges' thin shadow."""
    h, w = grey.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx = w / 2
    if move:
        a = math.radians(plan["skew"])
        dx, dy = xx - cx, (yy - plan["lead"]) / plan["stretch"]
        sx = cx + dx * math.cos(a) + dy * math.sin(a)
        sy = -dx * math.sin(a) + dy * math.cos(a)
    else:
        sx, sy = xx, yy
    # the leading edge bowed down into the page at its middle, the print near it with it
    bow = plan["curl"] * (1 - ((xx - cx) / (w / 2)) ** 2) if curl else np.zeros_like(xx)
    pull = np.clip(1 - sy / max(1.0, plan["curl_reach"]), 0, 1)
    sy = sy - bow * pull
    out = cv2.remap(grey.astype(np.float32), sx.astype(np.float32), sy.astype(np.float32),
                    cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=1.0)
    inside = (sx >= 0) & (sx <= w - 1) & (sy >= 0) & (sy <= h - 1)
    out = np.where(inside, out, 1.0)
    shadow = inside.astype(np.float32)
    edge = cv2.dilate(shadow, np.ones((3, 3), np.uint8)) - cv2.erode(shadow, np.ones((3, 3),
                                                                                    np.uint8))
    return np.minimum(out, 1 - 0.55 * np.clip(edge, 0, 1))


def pengumpan(img: Image.Image, rng: random.Random, dpi: int, *,
              name_box: tuple[float, float, float, float] | None = None,
              filled: Image.Image | None = None, move: bool = True, curl: bool = True,
              streaks: bool = True, binary: bool = True) -> Image.Image:
    """The diploma scanned through an office copier's automatic document feeder in its
    black-and-white text mode (:func:`feeder_plan`): read at 200 dpi (FEEDER["dpi"]),
    stretched or squeezed along the feed and askew, its leading edge curled
    (:func:`fed_sheet`; ``move``, ``curl``); the dust on the feeder's glass drawing its
    dark lines down the whole page (``streaks``); then one bit a pixel: the greys pushed
    hard off the threshold (text solid black, paper white) and what grey is left diffused
    into dots (Floyd-Steinberg; left out with ``binary`` False); brought back to the
    page's own size a pixel of it a block. Every draw is the same whatever is left out."""
    w, h = img.size
    scan = FEEDER["dpi"]
    su = scan / 25.4
    sw, sh = max(8, round(w * scan / dpi)), max(8, round(h * scan / dpi))
    plan = feeder_plan((sw, sh), rng, su, name_box)
    grey = np.asarray(img.convert("L").resize((sw, sh), Image.LANCZOS), np.float32)
    paper = max(1.0, float(np.percentile(grey, 92)))
    grey = np.clip(grey / paper, 0, 1)
    grey = fed_sheet(grey, plan, su, move=move, curl=curl)
    if streaks:
        g = np.random.default_rng(rng.getrandbits(32))
        for x, width, dark in plan["streaks"]:
            x0 = int(round(x))
            along = np.clip(dark + 0.08 * g.standard_normal(sh), 0.3, 1)[:, None]
            grey[:, max(0, x0):min(sw, x0 + width)] = np.minimum(
                grey[:, max(0, x0):min(sw, x0 + width)], 1 - along)
    else:
        rng.getrandbits(32)
    t, c = plan["threshold"], plan["contrast"]
    tone = np.clip(0.5 + (grey - t) * c, 0, 1)
    if binary:
        bits = Image.fromarray(np.uint8(tone * 255), "L").convert("1")
        out = bits.convert("L")
    else:
        out = Image.fromarray(np.uint8(tone * 255), "L")
    return out.resize((w, h), Image.NEAREST).convert("RGB")


FINISHES = {"banjir": banjir, "pengumpan": pengumpan}
FILLED = {"banjir", "pengumpan"}   # hand-ins given the name's box and the inkjet's ink
GROUP29_CUES = {"smp_isian": smp_isian, "kampus_kaligrafi": kampus_kaligrafi}
GROUP29_BORDERS = {"siku_keluang": siku_keluang, "tampuk_manggis": tampuk_manggis}
HEADERS = {"smp_kepala": smp_kepala, "kampus_kepala": kampus_kepala}

__all__ = ["BLANK_INK", "DYE_BLACK", "FEEDER", "FILLED", "FINISHES", "FLOOD", "Filler",
           "GROUP29_BORDERS", "GROUP29_CUES", "HEADERS", "banjir", "banjir_plan", "bleed",
           "degree_of", "fed_sheet", "feeder_plan", "kampus_kaligrafi", "kampus_kepala",
           "pengumpan", "siku_keluang", "smp_isian", "smp_kepala", "tampuk_manggis",
           "wet_map"]
