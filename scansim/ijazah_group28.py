"""Twenty-eighth-group diplomas: a state technical school's (STM: Sekolah Teknik Menengah,
a senior high school of the years before 1994; its level is SMA) diploma of the Departemen
Pendidikan dan Kebudayaan, 1976-1993 (IndUni-N, a schoolbook roman, "IJAZAH" in Solide
Mirage, a narrow didone), upright in a band of cogwheels (roda_gigi), whose particulars
(the serial, the name, the birth, the parents, the register number, the course) were typed
into the printed blank on a manual typewriter (TlwgTypewriter: each letter struck harder or
softer, a little off the line, some letters always riding high or low on that machine, a
faded ribbon's grainy ink, now and then a letter struck twice), then photocopied, and that
copy copied again (salin_ulang: at each copy the sheet a little askew and off, the optics'
blur and the toner's threshold fattening the strokes and dropping fine lines and pale
tints, the drum's grey speckle and haze); and a learning centre's (PKBM) Paket C
certificate, 2021-2025 (Loma, "IJAZAH" in IndUni-T, the name in Sawasdee), landscape in a
twisted cord (tali_pintal), the ministry of its year, the number, a QR code, the head's
sentence, the name large and centred, the rows under it and the holder's colour photo
at the foot, printed from the template on an office inkjet and scanned on a
flatbed whose lid was not pressed down (tutup_renggang: the inkjet's passes and a clogged
nozzle's pale line, then the sheet lifting off the glass along one edge: a dark vignette,
a soft blur band and lines curving near that side, a dark gap past its edge)."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from formgen.core.yamlfile import load_yaml
from scansim.documents import PHOTO_BACKGROUNDS, _portrait
from scansim.emeterai import qr_image
from scansim.ijazah_era import by_year
from scansim.ijazah_group16 import wrap
from scansim.ijazah_holders import titled
from scansim.ijazah_numbers import styled_number
from scansim.ornament import draw_seal, stamp
from scansim.people import load_data as people_data

DATA = Path(__file__).with_name("data") / "ijazah_group28.yaml"
KEEP_CASE = {"Stm": "STM", "Pkbm": "PKBM"}   # words written so in Title Case
# A manual typewriter (see Typist): each drawn per machine and per strike.
TYPEWRITER = {"pitch_mm": 2.54,        # pica: ten letters to the inch
              "size_mm": 4.2,          # its type's size
              "strike": (0.6, 1.0),    # how hard a key was struck
              "weak": 0.05,            # the share of strikes far softer (0.42-0.58)
              "line_mm": 0.07,         # each letter's own wander off the line (spread)
              "rogue": (2, 4),         # letters that always ride high or low on this machine
              "rogue_mm": (0.12, 0.22),
              "ribbon": (0.12, 0.26),  # how far the ribbon has faded towards the paper
              "grain": (0.2, 0.35),    # its fabric's weave in the ink
              "tilt": (-0.35, 0.35),   # the type bar's tilt: one edge of each letter paler
              "twice": 0.035,          # the share of letters struck twice
              "twice_mm": (0.08, 0.2)}
RIBBONS = ((34, 32, 36), (40, 34, 70))   # a black ribbon, a blue-black one
# Photocopied, and the copy copied again (see salin_ulang): each drawn per copy.
COPY = {"generations": 2,
        "turn": (-0.45, 0.45),         # degrees the sheet lay askew
        "shift_mm": (-2.0, 2.0),
        "zoom": (0.992, 1.008),
        "blur_mm": (0.07, 0.1),        # the optics
        "drop": (0.14, 0.2),           # darkness below this comes out as paper
        "full": (0.42, 0.55),          # darkness above this comes out as full toner
        "specks": (250, 600),          # the drum's specks, per copy over the sheet
        "haze": (0.02, 0.05)}          # its grey haze, patchy
# Printed on an office inkjet (see inkjet_print).
INKJET = {"pass_mm": (6.0, 10.0),      # the head's swath
          "band": (0.04, 0.08),        # how much the passes' density differs
          "nozzles": (1, 3),           # clogged nozzles: a pale line in every pass
          "bleed_mm": (0.04, 0.07)}    # the ink running into plain paper
# Scanned with the lid not pressed down (see lid_plan).
LID = {"lift_mm": (3.0, 7.0),          # how far the sheet stands off the glass at its edge
       "reach_mm": (18.0, 32.0),       # how far in from that edge it lifts
       "dark": (0.35, 0.55),           # the light lost where it lifts most
       "vignette": (0.08, 0.16),       # the light lost round every edge (no lid's white)
       "blur_mm": (0.3, 0.55),         # the defocus at that edge
       "bend_mm": (1.2, 2.6),          # how far the lines near it curve
       "gap_mm": (0.6, 2.5)}           # the dark gap past the lifted edge


@cache
def _data() -> dict:
    """The twenty-eighth group's wording (data/ijazah_group28.yaml)."""
    return load_yaml(DATA)


# -- frames -------------------------------------------------------------------------------

def _gear(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, teeth: int, turn: float,
          color, width: int) -> None:
    """A cogwheel's outline: ``teeth`` square teeth round a rim of radius ``r``, turned
    ``turn`` radians, a hub and its bore."""
    pts = []
    for k in range(teeth):
        a = turn + 2 * math.pi * k / teeth
        step = 2 * math.pi / teeth
        for da, rr in ((-0.28, r), (-0.2, 1.28 * r), (0.2, 1.28 * r), (0.28, r)):
            pts.append((cx + rr * math.cos(a + da * step), cy + rr * math.sin(a + da * step)))
    pts.append(pts[0])
    d.line(pts, fill=color, width=width)
    d.ellipse([cx - 0.42 * r, cy - 0.42 * r, cx + 0.42 * r, cy + 0.42 * r], outline=color,
              width=width)
    d.ellipse([cx - 0.14 * r, cy - 0.14 * r, cx + 0.14 * r, cy + 0.14 * r], fill=color)


def roda_gigi(img: Image.Image, color, rng: random.Random, *, dpi: int,
              margin_mm: float) -> None:
    """A band 7 mm wide of small cogwheels meshing in a row between a heavy outer rule with
    a fine one inside it and a fine inner rule (the technical schools' sign); at each
    corner a larger wheel."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 7.0 * u
    fine = max(1, round(0.15 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.7 * u)))
    d.rectangle([m + 1.1 * u, m + 1.1 * u, w - m - 1.1 * u, h - m - 1.1 * u], outline=color,
                width=fine)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=fine)
    r = 1.35 * u
    step = 2 * 1.28 * r + 0.05 * u   # neighbours' teeth just meet
    mid = m + 1.1 * u + (band - 1.1 * u) / 2
    teeth = 10
    for k, x in enumerate(np.arange(m + band + step / 2, w - m - band - step / 2, step)):
        for y in (mid, h - mid):
            _gear(d, x, y, r, teeth, (k % 2) * math.pi / teeth, color, fine)
    for k, y in enumerate(np.arange(m + band + step / 2, h - m - band - step / 2, step)):
        for x in (mid, w - mid):
            _gear(d, x, y, r, teeth, (k % 2) * math.pi / teeth, color, fine)
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            _gear(d, cx, cy, 1.9 * u, 12, 0.0, color, fine)


def tali_pintal(img: Image.Image, color, rng: random.Random, *, dpi: int,
                margin_mm: float) -> None:
    """A band 6 mm wide of two strands twisted round each other (a two-ply cord), a dot in
    each loop, between a heavy outer rule and a thin inner one; at each corner a four-lobed
    knot."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 6.0 * u
    thin = max(1, round(0.2 * u))
    strand = max(1, round(0.35 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.9 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    amp = 0.3 * band
    period = 7.0 * u
    mid = m + band / 2 + 0.2 * u

    def run(a0: float, a1: float, at: float, along_x: bool) -> None:
        ts = np.arange(a0, a1, 0.25 * u)
        for phase in (0.0, math.pi):
            off = amp * np.sin(2 * math.pi * (ts - a0) / period + phase)
            pts = [(t, at + o) if along_x else (at + o, t) for t, o in zip(ts, off, strict=True)]
            d.line(pts, fill=color, width=strand)
        for t in np.arange(a0 + period / 4, a1, period / 2):
            x, y = (t, at) if along_x else (at, t)
            d.ellipse([x - 0.35 * u, y - 0.35 * u, x + 0.35 * u, y + 0.35 * u], fill=color)

    for y in (mid, h - mid):
        run(m + band, w - m - band, y, True)
    for x in (mid, w - mid):
        run(m + band, h - m - band, x, False)
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            for a in range(4):
                t = a * math.pi / 2
                px, py = cx + 0.22 * band * math.cos(t), cy + 0.22 * band * math.sin(t)
                d.ellipse([px - 0.2 * band, py - 0.2 * band, px + 0.2 * band, py + 0.2 * band],
                          outline=color, width=thin)


# -- typed on a manual typewriter ------------------------------------------------------------

class Typist:
    """A manual typewriter and the hand at it (seeded by ``seed``): its face (``role`` of
    the page's faces) at a pica pitch, its ribbon (black or blue-black, faded), the
    letters that always ride high or low on it, its type bars' tilt; each strike as hard
    as the key was hit, a little off the line, now and then twice."""

    def __init__(self, p, role: str, seed: int) -> None:
        self.p, self.role = p, role
        self.rng = random.Random(seed)
        self.g = np.random.default_rng(self.rng.getrandbits(32))
        rng = self.rng
        ribbon = np.array(rng.choice(RIBBONS), np.float32)
        self.ink = ribbon + rng.uniform(*TYPEWRITER["ribbon"]) * (236 - ribbon)
        self.grain = rng.uniform(*TYPEWRITER["grain"])
        self.tilt = rng.uniform(*TYPEWRITER["tilt"])
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        self.rogue = {c: rng.choice((-1, 1)) * rng.uniform(*TYPEWRITER["rogue_mm"])
                      for c in rng.sample(letters, rng.randint(*TYPEWRITER["rogue"]))}
        self.size = TYPEWRITER["size_mm"]

    def font(self, size_mm: float | None = None):
        return self.p.font(self.role, size_mm or self.size)

    def strike(self, x: float, y: float, ch: str, fnt, power: float) -> None:
        """One letter ``ch`` struck with ``power`` (0..1) at (``x``, ``y``) px, the
        baseline: the ribbon's ink pressed onto the page, grainy, paler at the tilted
        type bar's far edge."""
        if ch == " ":
            return
        p = self.p
        x0, y0, x1, y1 = (int(v) for v in p.d.textbbox((x, y), ch, font=fnt, anchor="ls"))
        x0, y0, x1, y1 = x0 - 2, y0 - 2, x1 + 2, y1 + 2
        layer = Image.new("L", (x1 - x0, y1 - y0), 0)
        ImageDraw.Draw(layer).text((x - x0, y - y0), ch, font=fnt, fill=255, anchor="ls")
        cover = np.asarray(layer, np.float32) / 255
        hh, ww = cover.shape
        weave = cv2.GaussianBlur(self.g.random((hh, ww)).astype(np.float32), (0, 0),
                                 max(0.5, 0.04 * p.u))
        weave = np.clip((weave - 0.5) * 3 + 0.5, 0, 1)
        cover = cover * (1 - self.grain * weave)
        tilt = 1 + self.tilt * (np.linspace(-0.5, 0.5, hh, dtype=np.float32)[:, None])
        cover = np.clip(cover * power * tilt, 0, 1)
        bx0, by0 = max(0, x0), max(0, y0)
        bx1, by1 = min(p.w, x1), min(p.h, y1)
        if bx1 <= bx0 or by1 <= by0:
            return
        sub = cover[by0 - y0:by1 - y0, bx0 - x0:bx1 - x0, None]
        region = np.asarray(p.img.crop((bx0, by0, bx1, by1)).convert("RGB"), np.float32)
        region = region * (1 - sub) + self.ink * sub
        p.img.paste(Image.fromarray(np.uint8(np.clip(region, 0, 255)), "RGB"), (bx0, by0))

    def type(self, x_mm: float, y_mm: float, text: str, *, size_mm: float | None = None
             ) -> tuple[float, float, float, float]:
        """``text`` typed from (``x_mm``, ``y_mm``: the baseline) at the machine's pitch
        (scaled with ``size_mm``). Returns its box (mm)."""
        return self.type_px((x_mm * self.p.u, y_mm * self.p.u), text, self.font(size_mm),
                            None, "ls")

    def type_px(self, at, text: str, fnt, fill=None, anchor: str = "ls"
                ) -> tuple[float, float, float, float]:
        """``text`` typed letter by letter with ``fnt`` by ``anchor`` at ``at`` (px), as
        _Page.name draws a name (``fill`` is the ribbon's). Returns its box (mm)."""
        p, rng = self.p, self.rng
        u = p.u
        box = p.d.textbbox(at, text, font=fnt, anchor=anchor)
        own = p.d.textbbox((0, 0), text, font=fnt, anchor="ls")
        x, y = box[0] - own[0], box[1] - own[1]   # the first letter's origin on the baseline
        pitch = p.d.textlength("M", font=fnt)
        for k, ch in enumerate(text):
            power = rng.uniform(*TYPEWRITER["strike"])
            if rng.random() < TYPEWRITER["weak"]:
                power = rng.uniform(0.42, 0.58)
            dy = (rng.gauss(0, TYPEWRITER["line_mm"]) + self.rogue.get(ch, 0.0)) * u
            dx = rng.gauss(0, 0.03) * u
            cx, cy = x + k * pitch + dx, y + dy
            self.strike(cx, cy, ch, fnt, power)
            if ch != " " and rng.random() < TYPEWRITER["twice"]:   # struck over again
                off = rng.uniform(*TYPEWRITER["twice_mm"]) * u
                a = rng.uniform(-0.6, 0.6)
                self.strike(cx + off * math.cos(a), cy + off * math.sin(a), ch, fnt,
                            rng.uniform(0.6, 1.0))
        return tuple(v / u for v in box)


# -- the STM's diploma --------------------------------------------------------------------

def stm_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
               size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The STM's face on the ministry's blank: "No." at the top right with the serial
    typed after it, the emblem, "REPUBLIK INDONESIA", the ministry (Departemen Pendidikan
    dan Kebudayaan) and its directorate, "IJAZAH" in the title face, the level written
    out and the school year. The typist (a :class:`Typist`, its seed from ``rng``) is kept
    as ``p.typist``. Returns the y (mm) the holder's part begins at and the number."""
    words = _data()["stm"]
    p.school = school   # the head's sentence names it
    p.typist = Typist(p, dz.name_face, rng.getrandbits(32))
    p.layout = random.Random(rng.getrandbits(32))   # this page's own offsets and sizes
    nomor = styled_number("sttb", "", spec=spec, tahun=tahun, school=school, rng=rng)
    right = size_mm[0] - 26
    serial_w = p.d.textlength("M", font=p.typist.font()) * len(nomor) / p.u
    p.text(right - serial_w - 2, 23.2, "No. :", dz.body, 3.4, anchor="rs")
    p.d.line([((right - serial_w - 1) * p.u, 24.2 * p.u), (right * p.u, 24.2 * p.u)],
             fill=p.ink, width=max(1, round(0.12 * p.u)))
    p.typist.type(right - serial_w, 23.4 + p.layout.uniform(-0.5, 0.3), nomor)
    draw_seal(p.d, dz.seal, p.w / 2, 42 * p.u, 12 * p.u, (140, 112, 40))
    p.centre(57, "REPUBLIK INDONESIA", dz.heading, 4.6)
    p.centre(63.5, dz.ministry, dz.heading, 4.0)
    p.centre(69, words["directorate"], dz.body, 3.2)
    p.centre(75, dz.title_text, dz.title, 15.0 + p.layout.uniform(-0.6, 0.6), fill=dz.accent)
    p.centre(95, words["level"], dz.heading, 5.0)
    p.centre(102, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.6)
    return 112.0, nomor


def stm_ketik(p, dz, y: float, name: str, rows: list[tuple[str, str]],
              sizes: tuple[float, float]) -> float:
    """The head's sentence ("Kepala STM Negeri ... menerangkan bahwa :"), then the blank's
    rows, each a printed label, a colon and a dotted line, the particulars typed on them
    by the header's typist (:class:`Typist`, the sheet fed into the machine a little off
    the lines and askew): the name (by _Page.name, in capitals; its box kept as
    ``p.name_box``), the birth, the parents, the register number, the course; then the
    blank's closing sentence."""
    body, _ = sizes
    words = _data()["stm"]
    typist = getattr(p, "typist", None) or Typist(p, dz.name_face, hash(name) & 0xFFFF)
    lay = getattr(p, "layout", None) or random.Random(name)
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "STM Negeri", KEEP_CASE)
    lab_x, col_x = wmm * 0.14, wmm * 0.14 + 52
    p.text(lab_x, y, words["opening"].format(school=school), dz.body, body,
           width_mm=wmm * 0.72)
    y += body + 6
    fed = lay.uniform(-1.2, 0.2)      # the typed lines off the dotted ones (mm)
    skew = lay.uniform(-0.012, 0.012)  # ... and askew (mm per mm across)
    items = [(words["rows"][0], name), (words["rows"][1], values.get("tempat dan tanggal lahir",
                                                                      "")),
             (words["rows"][2], values.get("nama orang tua/wali", "")),
             (words["rows"][3], f"{lay.randint(1, 2999):04d}"),
             (words["rows"][4], lay.choice(words["majors"]))]
    dots = p.font(dz.body, body)
    end = wmm * 0.87
    line = "." * int((end - col_x) * p.u / max(1.0, p.d.textlength(".", font=dots)))
    pitch = body + 5.2
    for k, (label, value) in enumerate(items):
        base = y + body
        p.text(lab_x, base, label, dz.body, body, anchor="ls")
        p.text(col_x - 3, base, ":", dz.body, body, anchor="ls")
        p.d.text((col_x * p.u, (base + 0.6) * p.u), line, font=dots, fill=(70, 64, 60),
                 anchor="ls")
        x = col_x + 2
        at = base + fed + skew * (x - lab_x)
        if k == 0:   # the name as every diploma draws it, struck by the typist
            p.name(x, at, value, dz.name_face, typist.size, end - x, typist.size * 0.7,
                   anchor="ls", draw=typist.type_px)
        else:
            typist.type(x, at, value)
        y += pitch
    p.text(lab_x, y + 1, words["closing"], dz.body, body, width_mm=wmm * 0.72)
    return y + body + 4


# -- photocopied, and the copy copied again ---------------------------------------------------

def copy_plan(size: tuple[int, int], rng: random.Random, u: float) -> dict:
    """One photocopy of a sheet of ``size`` (px, ``u`` px a mm): how the sheet lay on the
    glass (turn, shift, the copier's zoom), its optics' blur, the toner's drop and full
    points, its specks and haze."""
    return {"turn": rng.uniform(*COPY["turn"]),
            "shift": (rng.uniform(*COPY["shift_mm"]) * u, rng.uniform(*COPY["shift_mm"]) * u),
            "zoom": rng.uniform(*COPY["zoom"]), "blur": rng.uniform(*COPY["blur_mm"]) * u,
            "drop": rng.uniform(*COPY["drop"]), "full": rng.uniform(*COPY["full"]),
            "specks": rng.randint(*COPY["specks"]), "haze": rng.uniform(*COPY["haze"])}


def photocopy(dark: np.ndarray, rng: random.Random, u: float, *, move: bool = True,
              specks: bool = True) -> np.ndarray:
    """One photocopy of a sheet's darkness (h, w floats 0 paper .. 1 full toner) by
    :func:`copy_plan`: the sheet a little askew, off and zoomed (left as it lay with
    ``move`` False), the original's edge a faint line where it lies inside the copy; the
    optics' blur; darkness under the drop point lost to paper and over the full point
    made full toner (strokes fatten, fine lines and pale tints go); the drum's grey haze
    and specks (left out with ``specks`` False). Every draw is the same whatever is left
    out."""
    h, w = dark.shape
    plan = copy_plan((w, h), rng, u)
    g = np.random.default_rng(rng.getrandbits(32))
    if move:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), plan["turn"], plan["zoom"])
        m[:, 2] += plan["shift"]
        edge = np.zeros((h, w), np.float32)
        t = max(1, round(0.15 * u))
        edge[:t], edge[-t:], edge[:, :t], edge[:, -t:] = 0.35, 0.35, 0.35, 0.35
        dark = np.maximum(dark, edge)
        dark = cv2.warpAffine(dark, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0.0)
    dark = cv2.GaussianBlur(dark, (0, 0), max(0.5, plan["blur"]))
    dark = np.clip((dark - plan["drop"]) / (plan["full"] - plan["drop"]), 0, 1)
    haze = cv2.resize(g.random((max(2, h // 40), max(2, w // 40))).astype(np.float32), (w, h),
                      interpolation=cv2.INTER_CUBIC)
    grain = cv2.GaussianBlur(g.random((h, w)).astype(np.float32), (0, 0), max(0.5, 0.05 * u))
    if specks:
        dark = np.maximum(dark, plan["haze"] * np.clip(haze, 0, 1) * (grain > 0.52))
        for _ in range(plan["specks"]):
            x, y = g.integers(0, w), g.integers(0, h)
            r = max(1, round(g.uniform(0.04, 0.16) * u))
            dark[max(0, y - r):y + r, max(0, x - r):x + r] = np.maximum(
                dark[max(0, y - r):y + r, max(0, x - r):x + r], g.uniform(0.35, 0.9))
    else:
        g.integers(0, 2, size=2 * plan["specks"])
    dark = dark * (1 - 0.12 * np.clip((grain - 0.5) * 4, 0, 1))   # the toner's mottle
    return dark


def salin_ulang(img: Image.Image, rng: random.Random, dpi: int, *,
                generations: int | None = None) -> Image.Image:
    """The diploma handed in as a copy of a copy (COPY["generations"], else
    ``generations``): each a :func:`photocopy` of the one before (in grey, on a B/W
    copier), the strokes fattening and the fine lines, dotted lines and pale tints going
    copy by copy, the specks and haze of both drums; on a slightly warm copy paper."""
    u = dpi / 25.4
    grey = np.asarray(img.convert("L"), np.float32) / 255
    paper = float(np.percentile(grey, 90))
    dark = np.clip((paper - grey) / max(0.2, paper), 0, 1)
    for _ in range(COPY["generations"] if generations is None else generations):
        dark = photocopy(dark, rng, u)
    sheet = np.array((247, 246, 241), np.float32)
    toner = np.array((28, 28, 30), np.float32)
    out = sheet * (1 - dark[..., None]) + toner * dark[..., None]
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


# -- the Paket C certificate ------------------------------------------------------------------

def pkbm_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The certificate's face as its 2020s template prints it: the number at the top left,
    a QR code of its verification address at the top right, the emblem, "REPUBLIK
    INDONESIA" and the ministry of that year, "IJAZAH" in the title face, the programme's
    two lines and the school year. This page's own sizes and offsets are kept as
    ``p.layout``. Returns the y (mm) the holder's part begins at and the number."""
    words = _data()["paket_c"]
    p.school, p.tahun = school, tahun
    p.layout = random.Random(rng.getrandbits(32))
    nomor = styled_number("pc", "", spec=spec, tahun=tahun, school=school, rng=rng)
    p.text(28, 25, f"Nomor : {nomor}", dz.body, 3.0)
    side = 19.0
    qr = qr_image(words["verify"].format(nomor=nomor.replace("/", "-").replace(" ", "")),
                  round(side * p.u))
    p.img.paste(qr, (round((size_mm[0] - 28 - side) * p.u), round(21 * p.u)))
    draw_seal(p.d, dz.seal, p.w / 2, 27 * p.u, 9 * p.u, (150, 118, 36))
    ministry = by_year(words["ministries"], tahun)
    p.centre(38, "REPUBLIK INDONESIA", dz.heading, 3.8)
    p.centre(42.8, ministry, dz.heading, 3.4, width_mm=size_mm[0] * 0.56)
    p.centre(49, dz.title_text, dz.title, 11.5 + p.layout.uniform(-0.5, 0.5), fill=dz.accent)
    first, second = words["programme"]
    p.centre(61, first, dz.heading, 4.0)
    p.centre(66, second, dz.heading, 4.0, fill=dz.accent)
    p.centre(71.5, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.2)
    return 78.0, nomor


def pkbm_data(p, dz, y: float, name: str, rows: list[tuple[str, str]],
              sizes: tuple[float, float]) -> float:
    """The head's sentence centred (on one or two lines), the holder's name large and centred
    (by _Page.name; its box kept as ``p.name_box``), then rows of label, colon and value
    either side of the page's middle: the birth, the parents, the NISN and the centre's
    own register number; the holder's colour photo (3 x 4, red or blue behind; a woman
    most often in a headscarf) printed in its place at the foot's left, the centre's stamp
    pressed over its corner."""
    body, big = sizes
    words = _data()["paket_c"]
    lay = getattr(p, "layout", None) or random.Random(name)
    wmm, hmm = p.w / p.u, p.h / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "PKBM", KEEP_CASE)
    size = body * lay.uniform(0.92, 1.0)
    opening = words["opening"].format(school=school, regency=lay.choice(words["regencies"]))
    for line in wrap(p, opening, dz.body, size, wmm * 0.7):
        p.centre(y, line, dz.body, size)
        y += size + 1.6
    y += 2.0
    p.name(None, y, name, dz.name_face, big * lay.uniform(1.0, 1.12), wmm * 0.6, body,
           anchor="ma")
    y = p.name_box[3] + 3.5
    items = [(label[:1].upper() + label[1:], values.get(label, "")) for label in words["rows"]]
    items[2] = (items[2][0], values.get("nomor induk siswa nasional", ""))
    items[3] = (items[3][0], f"{getattr(p, 'tahun', 2023) % 100:02d}{lay.randint(1, 999):03d}")
    mid = wmm / 2 - 6 + lay.uniform(-2, 2)
    for label, value in items:
        p.text(mid - 2, y, label, dz.body, size, anchor="ra")
        p.text(mid, y, ":", dz.body, size)
        p.text(mid + 3, y, value, dz.body, size, width_mm=wmm * 0.84 - mid - 3)
        y += size + 2.0
    pw, ph = 30.0, 40.0
    px, py = wmm * 0.2 + lay.uniform(-1.5, 1.5), hmm - 62 + lay.uniform(-1, 1)
    look = ({"hijab": True} if lay.random() < 0.75 else {"long_hair": True}) \
        if _woman(name) else {}
    photo = _portrait(lay, (round(pw * p.u), round(ph * p.u)),
                      PHOTO_BACKGROUNDS[lay.choice(("red", "blue"))], kind="ok", look=look)
    p.img.paste(photo, (round(px * p.u), round(py * p.u)))
    seal = stamp(round(24 * p.u), lay, school.upper(), (88, 60, 150), seal="tut_wuri")
    p.img.paste(seal, (round((px + pw - 9) * p.u), round((py + ph - 12) * p.u)), seal)
    return y + 1


def _woman(name: str) -> bool:
    """Whether the holder ``name`` is a woman's, by its first word among the women's first
    names the synthetic people are given."""
    first = name.split(" ")[0].lower()
    return any(first in {n.lower() for n in g["female"]}
               for g in people_data()["names"].values())


# -- printed on an inkjet, scanned with the lid not pressed down ----------------------------------

def inkjet_print(arr: np.ndarray, rng: random.Random, u: float) -> np.ndarray:
    """The page (h, w, 3 floats) as an office inkjet prints it on plain paper: the ink
    running a little, the head's passes (a swath of 6-10 mm) laying slightly more or less
    ink by turns, one to three clogged nozzles leaving a pale line at the same place in
    every pass, the black a composite of the colour inks."""
    h, w, _ = arr.shape
    paper = np.array((251, 251, 249), np.float32)
    dark = paper - arr.astype(np.float32)
    dark = cv2.GaussianBlur(dark, (0, 0), max(0.5, rng.uniform(*INKJET["bleed_mm"]) * u))
    swath = rng.uniform(*INKJET["pass_mm"]) * u
    ys = np.arange(h, dtype=np.float32)
    k = np.floor((ys - rng.uniform(0, swath)) / swath)
    density = 1 + rng.uniform(*INKJET["band"]) * np.where(k % 2 == 0, 1.0, -1.0)
    within = np.mod(ys, swath)
    for _ in range(rng.randint(*INKJET["nozzles"])):
        at, wide = rng.uniform(0, swath), max(0.6, 0.04 * u)
        density = density * (1 - 0.3 * np.exp(-((within - at) / wide) ** 2))
    tint = np.array((1.0, 0.97 + rng.uniform(-0.02, 0.02), 0.9 + rng.uniform(-0.04, 0.04)),
                    np.float32)
    dark *= density.astype(np.float32)[:, None, None]
    dark *= tint
    return paper - dark


def lid_plan(size: tuple[int, int], rng: random.Random, u: float) -> dict:
    """How the sheet of ``size`` (px, ``u`` px a mm) lay under a lid not pressed down: the
    edge it lifted along (the side it had been bound or folded at), how high and how far
    in, the light it lost there and round every edge, the defocus and the lines' bend
    there, the dark gap past that edge."""
    return {"edge": rng.choice(("left", "right", "top", "bottom")),
            "lift": rng.uniform(*LID["lift_mm"]) * u, "reach": rng.uniform(*LID["reach_mm"]) * u,
            "dark": rng.uniform(*LID["dark"]), "vignette": rng.uniform(*LID["vignette"]),
            "blur": rng.uniform(*LID["blur_mm"]) * u, "bend": rng.uniform(*LID["bend_mm"]) * u,
            "gap": rng.uniform(*LID["gap_mm"]) * u}


def lifted(size: tuple[int, int], plan: dict) -> np.ndarray:
    """How far off the glass (0..1 of the plan's lift) each column or row of a sheet of
    ``size`` stands, along the plan's edge (a 1-D array across that edge)."""
    w, h = size
    n = w if plan["edge"] in ("left", "right") else h
    dist = np.arange(n, dtype=np.float32)
    if plan["edge"] in ("right", "bottom"):
        dist = dist[::-1]
    return np.exp(-dist / (0.45 * plan["reach"])) * (dist < 2.5 * plan["reach"])


def tutup_renggang(img: Image.Image, rng: random.Random, dpi: int, *, bend: bool = True,
                   shade: bool = True, blur: bool = True) -> Image.Image:
    """The certificate printed on an office inkjet (:func:`inkjet_print`) and scanned on a
    flatbed whose lid was not pressed down (:func:`lid_plan`): along one edge the sheet
    lifts off the glass, so there its lines curve (those across that edge bend towards
    the sheet's middle; left out with ``bend`` False), its print goes soft (a blur band;
    left out with ``blur`` False) and it darkens, the light falling off round every edge
    too (a dark vignette; left out with ``shade`` False), past that edge a dark gap;
    the scanner's noise. Every draw is the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    arr = inkjet_print(np.asarray(img.convert("RGB"), np.float32), rng, u)
    plan = lid_plan((w, h), rng, u)
    z = lifted((w, h), plan)
    across = plan["edge"] in ("left", "right")
    # the strip along the edge where the sheet stands off the glass
    deep = int(min(len(z), math.ceil(2.5 * plan["reach"])))
    near = {"left": (slice(None), slice(0, deep)), "right": (slice(None), slice(w - deep, w)),
            "top": (slice(0, deep), slice(None)), "bottom": (slice(h - deep, h), slice(None))
            }[plan["edge"]]
    zs = (z[None, near[1]] if across else z[near[0], None]).astype(np.float32)
    if bend:   # lines across the edge bend towards the middle, squeezed towards the edge
        x0 = near[1].start or 0
        y0 = near[0].start or 0
        rows = np.arange(h if across else deep, dtype=np.float32)[:, None] + y0
        cols = np.arange(deep if across else w, dtype=np.float32)[None, :] + x0
        toward = 1 if plan["edge"] in ("left", "top") else -1
        if across:
            map_y = rows + plan["bend"] * zs * (rows - h / 2) / (h / 2)
            map_x = cols + toward * 0.4 * plan["bend"] * zs + 0 * rows
        else:
            map_x = cols + plan["bend"] * zs * (cols - w / 2) / (w / 2)
            map_y = rows + toward * 0.4 * plan["bend"] * zs + 0 * cols
        arr[near] = cv2.remap(arr, map_x.astype(np.float32), map_y.astype(np.float32),
                              cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    if blur:   # out of focus where it lifts: mixed towards a blurred copy
        part = arr[near]
        soft = cv2.GaussianBlur(part, (0, 0), max(0.6, plan["blur"]))
        mix = np.clip(zs * 1.4, 0, 1)[..., None].astype(np.float32)
        arr[near] = part * (1 - mix) + soft * mix
    if shade:   # the light falls off round every edge, and far more where it lifts
        dy = np.minimum(np.arange(h), np.arange(h)[::-1]).astype(np.float32)
        dx = np.minimum(np.arange(w), np.arange(w)[::-1]).astype(np.float32)
        edge_d = np.minimum.outer(dy, dx)
        light = 1 - plan["vignette"] * np.exp(-edge_d / (14 * u))
        light[near] *= (1 - plan["dark"] * zs ** 0.8).astype(np.float32)
        arr *= light[..., None]
    gap = round(plan["gap"])   # past the lifted edge: the dark under the raised lid
    dark = np.array((22, 22, 26), np.float32)
    if plan["edge"] == "left":
        arr[:, :gap] = dark
    elif plan["edge"] == "right":
        arr[:, w - gap:] = dark
    elif plan["edge"] == "top":
        arr[:gap] = dark
    else:
        arr[h - gap:] = dark
    g = np.random.default_rng(rng.getrandbits(32))
    arr += 1.6 * g.standard_normal(arr.shape, dtype=np.float32)
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


FINISHES = {"salin_ulang": salin_ulang, "tutup_renggang": tutup_renggang}
GROUP28_CUES = {"stm_ketik": stm_ketik, "pkbm_data": pkbm_data}
GROUP28_BORDERS = {"roda_gigi": roda_gigi, "tali_pintal": tali_pintal}
HEADERS = {"stm_kepala": stm_kepala, "pkbm_kepala": pkbm_kepala}

__all__ = ["COPY", "FINISHES", "GROUP28_BORDERS", "GROUP28_CUES", "HEADERS", "INKJET", "LID",
           "RIBBONS", "TYPEWRITER", "Typist", "copy_plan", "inkjet_print", "lid_plan",
           "lifted", "photocopy", "pkbm_data", "pkbm_kepala", "roda_gigi", "salin_ulang",
           "stm_kepala", "stm_ketik", "tali_pintal", "tutup_renggang"]
