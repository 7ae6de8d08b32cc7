"""Twenty-sixth-group diplomas: a private university's bachelor's diploma on a large A3
sheet (Averia Serif, "IJAZAH" in Museum, a Centaur revival), upright in a band of untu
walang (a batik edge's rows of small teeth), the rector's sentence on the senate's decision before
the holder's name, the degree of the faculty's study programme; too large for a copier's
A4 glass, so copied in two passes, its upper half and its lower half, the two copies
taped together into one sheet and that sheet copied again, reduced to A4 (sambung: a
seam across the page where the halves meet, the edge of the one sheet lying on the other,
the tape's pieces over it; the halves a few millimetres out of line, a little turned and
scaled against each other, a strip either side of the seam printed twice or never; the
seam kept off the name's line); and a state polytechnic's electronic diploma (ijazah
elektronik: Verana Sans, "IJAZAH" in Klaudia; the national diploma number (PIN) and a QR
code to check it at the top, the line on its electronic signature at the foot), opened
in a phone's PDF viewer, screenshotted, the screenshot printed to fit an A4 sheet on an
inkjet printer and that print scanned (tangkapan layar: the phone's status bar and the
viewer's toolbar above the landscape page, which fills the upright screenshot's width
only, so the diploma is small on the sheet; the screenshot's JPEG blocks; the inkjet's
banding, its grain and a nozzle's missing line)."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from formgen.core.yamlfile import load_yaml
from scansim.draw import font as plain_font
from scansim.draw import mm_px
from scansim.emeterai import qr_image
from scansim.formpages import jpeg
from scansim.ijazah_group16 import wrap
from scansim.ijazah_holders import titled
from scansim.ijazah_numbers import styled_number
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group26.yaml"
KEEP_CASE = {"Dan": "dan"}   # words written so in Title Case
# The two halves of the A3 diploma taped together (see sambung), in the page's mm (the
# A4 copy shows the A3 sheet at 71 %): each drawn per page from its range.
JOIN = {"seam": (0.44, 0.56),         # where the halves meet (share of the page's height)
        "clear_mm": (3.0, 8.0),       # how far the seam keeps off the name's line at least
        "overlap_mm": (1.2, 3.5),     # a strip on both halves, printed twice ...
        "gap_mm": (1.0, 3.0),         # ... or on neither
        "shift_mm": (0.8, 3.0),       # the lower half out of line sideways
        "turn": (0.25, 0.9),          # degrees it is turned against the upper half
        "scale": (0.006, 0.02),       # how much larger or smaller it came out
        "tape_mm": (13.0, 17.0),      # the tape's width
        "piece_mm": (22.0, 40.0)}     # a piece's length across the seam
TAPE = np.array((0.975, 0.965, 0.925), np.float32)   # what clear tape lets through
# A phone's screen (px across, down; px a dp) and its PDF viewer (see screenshot).
PHONES = ((1080, 2400, 2.75), (1080, 2340, 2.75), (720, 1600, 1.875), (1080, 2408, 2.625))
VIEWER_GREYS = ((232, 234, 237), (218, 220, 224), (204, 206, 210))
TOOLBARS = (((255, 255, 255), (60, 64, 67)), ((246, 247, 250), (32, 33, 36)),
            ((38, 40, 44), (236, 238, 240)), ((190, 32, 40), (255, 255, 255)))
SHOT_QUALITY = (58, 82)                # the screenshot's JPEG
# An inkjet's print of the screenshot fitted to A4 (see inkjet_print).
INKJET = {"margin_mm": (3.0, 6.0),     # the printer's unprintable edge
          "swath_mm": (4.2, 8.5),      # the head's pass down the sheet
          "band": (0.05, 0.12),        # how much more or less ink a pass's seam lays
          "streak": (0.3, 0.6),        # how much of one ink a dry nozzle leaves out
          "grain": (7.0, 12.0)}        # the dots' grain (levels, on half-inked areas)
PAPER = 248.0


@cache
def _data() -> dict:
    """The twenty-sixth group's wording (data/ijazah_group26.yaml)."""
    return load_yaml(DATA)


# -- frames -------------------------------------------------------------------------------

def untu_walang(img: Image.Image, color, rng: random.Random, *, dpi: int,
                margin_mm: float) -> None:
    """A band 7 mm wide of untu walang (the "grasshopper's teeth" of a batik's edge)
    between a heavy outer rule and a thin inner one: a row of small teeth pointing in from
    the outer rule, a row pointing out from the inner one set half a tooth along, and a
    wavy line running between their points; a square with a cross at each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 7.0 * u
    thin = max(1, round(0.2 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.7 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    tooth, deep = 2.4 * u, 2.2 * u

    def side(start, end, outer, inward) -> None:
        """Teeth along the line from ``start`` to ``end`` (the band's outer edge is
        ``outer`` along ``inward``, a unit vector into the band)."""
        (x0, y0), (x1, y1) = start, end
        length = math.hypot(x1 - x0, y1 - y0)
        ax, ay = (x1 - x0) / length, (y1 - y0) / length
        ix, iy = inward
        n = max(1, int(length / tooth))
        step = length / n

        def at(t: float, off: float) -> tuple[float, float]:
            return x0 + ax * t + ix * off, y0 + ay * t + iy * off

        for k in range(n):
            t = k * step
            d.polygon([at(t, outer), at(t + step, outer), at(t + step / 2, outer + deep)],
                      fill=color)
            if k < n - 1:   # the inner row, half a tooth along, pointing out
                inner = band - outer
                d.polygon([at(t + step / 2, inner), at(t + 1.5 * step, inner),
                           at(t + step, inner - deep)], outline=color, width=thin)
        wave = [(x0 + ax * t + ix * (band / 2 + 0.5 * u * math.sin(2 * math.pi * t / step)),
                 y0 + ay * t + iy * (band / 2 + 0.5 * u * math.sin(2 * math.pi * t / step)))
                for t in np.linspace(0, length, max(8, int(length / (0.4 * u))))]
        d.line(wave, fill=color, width=thin)

    a, b = m + band, w - m - band
    c, e = m + band, h - m - band
    side((a, m), (b, m), 0.3 * u, (0, 1))
    side((a, h - m), (b, h - m), 0.3 * u, (0, -1))
    side((m, c), (m, e), 0.3 * u, (1, 0))
    side((w - m, c), (w - m, e), 0.3 * u, (-1, 0))
    for cx in (m + band / 2, w - m - band / 2):
        for cy in (m + band / 2, h - m - band / 2):
            r = 0.4 * band
            d.rectangle([cx - r, cy - r, cx + r, cy + r], outline=color, width=thin)
            d.line([(cx - r, cy - r), (cx + r, cy + r)], fill=color, width=thin)
            d.line([(cx - r, cy + r), (cx + r, cy - r)], fill=color, width=thin)


def garis_digital(img: Image.Image, color, rng: random.Random, *, dpi: int,
                  margin_mm: float) -> None:
    """An electronic document's frame: a thin rule, inside it a band 4 mm wide of fine
    slanting lines in a pale tint of ``color`` between two hairlines, and at each corner an
    L of the full colour."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 4.0 * u
    hair = max(1, round(0.15 * u))
    pale = tuple(int(255 - 0.35 * (255 - c)) for c in color)
    step = 0.9 * u
    mask = Image.new("L", img.size, 0)
    md = ImageDraw.Draw(mask)
    md.rectangle([m, m, w - m, h - m], fill=255)
    md.rectangle([m + band, m + band, w - m - band, h - m - band], fill=0)
    lines = Image.new("RGB", img.size, (255, 255, 255))
    ld = ImageDraw.Draw(lines)
    for x in np.arange(-h, w, step):
        ld.line([(x, h), (x + h, 0)], fill=pale, width=hair)
    img.paste(lines, (0, 0), Image.composite(mask, Image.new("L", img.size, 0),
                                             lines.convert("L").point(lambda v: 255 * (v < 250))))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.35 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=pale, width=hair)
    arm, thick = 14 * u, max(1, round(1.0 * u))
    for cx, sx in ((m, 1), (w - m, -1)):
        for cy, sy in ((m, 1), (h - m, -1)):
            d.line([(cx, cy), (cx + sx * arm, cy)], fill=color, width=thick)
            d.line([(cx, cy), (cx, cy + sy * arm)], fill=color, width=thick)


# -- the university's A3 diploma ----------------------------------------------------------

def univ_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The university's face: its own series number at the top right, its emblem large,
    the university's name in the accent colour, "IJAZAH" in the title face and the
    programme. Returns the y (mm) the holder's part begins at and the number."""
    p.school = school   # the rector's sentence names it
    nomor = styled_number("seri", "", spec=spec, tahun=tahun, school=school, rng=rng)
    p.text(size_mm[0] - 25, 22, f"Nomor Seri Ijazah : {nomor}", dz.body, 2.9, anchor="ra")
    draw_seal(p.d, dz.seal, p.w / 2, 45 * p.u, 14 * p.u, dz.accent)
    p.centre(64, school, dz.heading, 6.2, fill=dz.accent, width_mm=size_mm[0] * 0.72)
    p.centre(73, dz.title_text, dz.title, 15.0, fill=dz.accent)
    p.centre(93, f"{spec['title']} ({spec['short']})", dz.heading, 4.2)
    return 103.0, nomor


def univ_rektor(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """The rector's sentence centred over two or three lines ("Rektor Universitas ...,
    berdasarkan Keputusan Senat Universitas tanggal ..., dengan ini menyatakan bahwa :"),
    the holder's name large and centred, then as centred phrases the NPM, the birth and
    the faculty and study programme. The degree is kept as ``p.degree``, the name's box
    (mm) as ``p.name_box``."""
    body, big = sizes
    words = _data()["univ"]
    rng = random.Random(f"univ-{name}")   # this diploma's own numbers: the same each time
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Universitas", KEEP_CASE)
    npm = values.get("nomor induk mahasiswa", "2012000000")
    year = int(npm[:4]) + 4
    date = f"{rng.randint(1, 28)} {rng.choice(('Agustus', 'September', 'Oktober'))} {year}"
    for line in wrap(p, words["opening"].format(school=school, date=date), dz.body, body,
                       wmm * 0.74):
        p.centre(y, line, dz.body, body)
        y += body + 1.8
    y += 4
    p.name(None, y, name, dz.name_face, big * 1.25, wmm * 0.72, body, anchor="ma")
    y = p.name_box[3] + 4
    p.centre(y, f"{words['npm']} : {npm}", dz.body, body)
    place, _, born = values.get("tempat dan tanggal lahir", ", ").partition(", ")
    p.centre(y + body + 2.4, words["born"].format(place=place, date=born), dz.body, body)
    faculty, study, degree = rng.choice(words["studies"])
    p.centre(y + 2 * (body + 2.4), words["studied"].format(faculty=faculty, study=study),
             dz.body, body, width_mm=wmm * 0.76)
    p.degree = degree
    return y + 3 * body + 9


# -- the polytechnic's electronic diploma ---------------------------------------------------

def poltek_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                  size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The electronic diploma's face, landscape: the national diploma number (PIN) at the
    top left, a QR code to check it at the top right with its line under it, the emblem,
    the ministry of that year, the polytechnic in the accent colour, "IJAZAH" in the
    title face and the programme; the line on its electronic signature at the foot.
    Returns the y (mm) the holder's part begins at and the number."""
    p.school, p.level = school, spec["jenjang"]   # the cue names the level's programmes
    words = _data()["poltek"]
    nomor = styled_number("pin", "", spec=spec, tahun=tahun, school=school, rng=rng)
    p.text(27, 21, f"Nomor Ijazah Nasional : {nomor}", dz.body, 3.0)
    side = 21.0
    qr = qr_image(f"https://verifikasi-ijazah.example/pin/{nomor}", mm_px(side, p.u * 25.4))
    p.img.paste(qr, (round((size_mm[0] - 27 - side) * p.u), round(15 * p.u)))
    p.text(size_mm[0] - 27 - side / 2, 15 + side + 1.0, words["qr"], dz.body, 1.9, anchor="ma",
           width_mm=side + 22)
    draw_seal(p.d, dz.seal, p.w / 2, 29 * p.u, 9 * p.u, dz.accent)
    ministry = "KEMENTERIAN PENDIDIKAN TINGGI, SAINS, DAN TEKNOLOGI" if tahun >= 2025 else \
        "KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI"
    p.centre(41, ministry, dz.heading, 3.5, width_mm=size_mm[0] * 0.6)
    p.centre(47, school, dz.heading, 5.0, fill=dz.accent, width_mm=size_mm[0] * 0.6)
    p.centre(54, dz.title_text, dz.title, 12.5, fill=dz.accent)
    p.centre(70, f"{spec['title']} ({spec['short']})", dz.heading, 3.9)
    p.centre(size_mm[1] - 17.5, words["signed"], dz.body, 2.2, width_mm=size_mm[0] * 0.78)
    return 79.0, nomor


def poltek_direktur(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                    sizes: tuple[float, float]) -> float:
    """The director's sentence centred, the holder's name large and centred, then rows
    of label, colon and value set either side of the page's middle: the NIM, the birth
    and the study programme of the holder's level. The degree is kept as ``p.degree``,
    the name's box (mm) as ``p.name_box``."""
    body, big = sizes
    words = _data()["poltek"]
    rng = random.Random(f"poltek-{name}")
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Politeknik Negeri", KEEP_CASE)
    p.centre(y, words["opening"].format(school=school), dz.body, body, width_mm=wmm * 0.7)
    y += body + 4
    p.name(None, y, name, dz.name_face, big * 1.1, wmm * 0.7, body, anchor="ma")
    y = p.name_box[3] + 4
    study, degree = rng.choice(words["studies"][getattr(p, "level", "D3")])
    items = [(words["rows"][0], values.get("nomor induk mahasiswa", "")),
             (words["rows"][1], values.get("tempat dan tanggal lahir", "")),
             (words["rows"][2], study)]
    mid = wmm / 2 - 12
    for label, value in items:
        p.text(mid - 2, y, label, dz.body, body, anchor="ra")
        p.text(mid, y, ":", dz.body, body)
        p.text(mid + 3, y, value, dz.body, body, width_mm=wmm * 0.85 - mid - 3)
        y += body + 2.2
    p.degree = degree
    return y + 2


# -- two halves taped together and copied again -------------------------------------------

def join_plan(size: tuple[int, int], rng: random.Random, u: float,
              name_box: tuple[float, float, float, float] | None = None, *,
              join: str | None = None) -> dict:
    """How the two copied halves of a page of ``size`` (px, ``u`` px a mm) were taped
    together: the seam's row (px, where the lower sheet's edge crosses the page's middle),
    kept 3-8 mm or more off the name's line (``name_box``, mm) — moved below it or above
    it, whichever is nearer; ``join`` "tumpang" (the halves overlap: a strip 1.2-3.5 mm
    printed twice) or "celah" (a gap: a strip 1-3 mm on neither), else drawn; the lower
    half's sideways shift, turn (degrees) and scale against the upper one, the upper
    half's own small turn and shift; whether the lower sheet's unprinted edge shows; the
    tape's pieces (centre px, width, length px, degrees) or one long strip along the
    seam; the two passes' tones."""
    w, h = size
    join = join or rng.choice(("tumpang", "celah"))
    seam = rng.uniform(*JOIN["seam"]) * h
    if name_box:
        top, bottom = name_box[1] * u, name_box[3] * u
        clear = rng.uniform(*JOIN["clear_mm"]) * u
        if top - clear < seam < bottom + clear:   # off the name's line: the nearer way
            seam = top - clear if seam - top < bottom - seam else bottom + clear
    step = rng.uniform(*(JOIN["overlap_mm"] if join == "tumpang" else JOIN["gap_mm"])) * u
    plan = {"join": join, "seam": seam, "step": step if join == "tumpang" else -step,
            "shift": rng.choice((-1, 1)) * rng.uniform(*JOIN["shift_mm"]) * u,
            "turn": rng.choice((-1, 1)) * rng.uniform(*JOIN["turn"]),
            "scale": 1 + rng.choice((-1, 1)) * rng.uniform(*JOIN["scale"]),
            "upper_turn": rng.uniform(-0.3, 0.3),
            "upper_shift": (rng.uniform(-0.6, 0.6) * u, rng.uniform(-0.6, 0.6) * u),
            "edge": rng.uniform(0.3, 1.2) * u if rng.random() < 0.5 else 0.0,
            "tones": (rng.uniform(0.96, 1.03), rng.uniform(0.93, 1.05))}
    width = rng.uniform(*JOIN["tape_mm"]) * u
    near = name_box is not None and min(abs(name_box[1] * u - seam),
                                        abs(name_box[3] * u - seam)) < width
    pieces = []
    if near or rng.random() < 0.6:   # short pieces across the seam
        n = rng.randint(2, 4)
        for k in range(n):
            cx = (k + 0.5) / n * w + rng.uniform(-0.08, 0.08) * w
            length = rng.uniform(*JOIN["piece_mm"]) * u
            cy = seam + rng.uniform(-0.15, 0.15) * length
            if name_box:   # over the name's columns: its end short of the name's line
                x0, y0, x1, y1 = (v * u for v in name_box)
                top, foot = cy - length / 2, cy + length / 2
                if x0 - width < cx < x1 + width:
                    if y1 <= seam:
                        top = max(top, y1 + 1.5 * u)
                        foot = max(foot, seam + 6 * u)
                    else:
                        foot = min(foot, y0 - 1.5 * u)
                        top = min(top, seam - 6 * u)
                cy, length = (top + foot) / 2, foot - top
            pieces.append((cx, cy, width, length, 90 + rng.uniform(-6, 6)))
    else:   # one long strip along the seam
        pieces.append((w / 2, seam + rng.uniform(-1.5, 1.5) * u, width, w - 10 * u,
                       plan["turn"] * 0.5))
    plan["pieces"] = pieces
    plan["mono"] = rng.random() < 0.5
    return plan


def _tape(shape: tuple[int, int], piece, u: float
          ) -> tuple[tuple[slice, slice], np.ndarray, np.ndarray]:
    """One piece of clear tape (centre, width, length px, degrees of its length): the part
    of the page it lies in (slices) and there how much it covers each pixel and where its
    edges catch the light; its cut ends saw-toothed as a dispenser's teeth leave them."""
    h, w = shape
    cx, cy, width, length, angle = piece
    a = math.radians(angle)
    reach = (abs(length * math.cos(a)) + abs(width * math.sin(a))) / 2 + 2, \
        (abs(length * math.sin(a)) + abs(width * math.cos(a))) / 2 + 2
    x0, x1 = max(0, int(cx - reach[0])), min(w, int(cx + reach[0]) + 1)
    y0, y1 = max(0, int(cy - reach[1])), min(h, int(cy + reach[1]) + 1)
    box = (slice(y0, max(y0, y1)), slice(x0, max(x0, x1)))
    yy, xx = np.mgrid[y0:max(y0, y1), x0:max(x0, x1)].astype(np.float32)
    along = (xx - cx) * math.cos(a) + (yy - cy) * math.sin(a)
    across = -(xx - cx) * math.sin(a) + (yy - cy) * math.cos(a)
    tooth = max(1.0, 0.9 * u)
    saw = 0.5 * tooth * np.abs(np.mod(across / tooth, 2) - 1)
    inside = (np.abs(across) <= width / 2) & (np.abs(along) <= length / 2 - saw)
    lip = max(1.0, 0.12 * u)
    edge = (np.abs(np.abs(across) - width / 2) < lip) & (np.abs(along) <= length / 2)
    edge |= inside & (np.abs(along) > length / 2 - saw - lip)
    return box, inside.astype(np.float32), edge.astype(np.float32)


def sambung(img: Image.Image, rng: random.Random, dpi: int, *,
            name_box: tuple[float, float, float, float] | None = None,
            join: str | None = None, tape: bool = True) -> Image.Image:
    """The A3 diploma copied on an A4 glass in two passes, the two copies taped together
    and that sheet copied again reduced to A4 (the page as drawn is the A3 sheet at that
    reduction): above the seam (:func:`join_plan`) the upper half a little turned and
    moved, below it the lower half turned 0.25-0.9 degrees against it, 0.8-3 mm out of
    line sideways, 0.6-2 % larger or smaller, moved so that a strip beside the seam is
    printed twice or on neither half; the lower sheet's edge a thin dark line where it
    lies on the upper (its unprinted margin a white strip under it on some); the two
    passes a shade apart in tone; the tape's pieces (left out with ``tape`` False, every
    other draw the same) greying what they cover a little, their edges and saw-toothed
    ends catching the light; then the copy of it all: halves copied in grey on a
    black-and-white copier on some, the light tints gone pale, the darks deeper, its
    toner's grain."""
    u = dpi / 25.4
    w, h = img.size
    plan = join_plan((w, h), rng, u, name_box, join=join)
    g = np.random.default_rng(rng.getrandbits(32))
    arr = np.asarray(img.convert("RGB"), np.float32)
    if plan["mono"]:   # the halves copied in black and white
        arr = np.repeat((arr @ np.array((0.299, 0.587, 0.114), np.float32))[..., None], 3, 2)
    white = (252.0, 252.0, 250.0)
    seam = plan["seam"]

    def placed(turn: float, scale: float, dx: float, dy: float, about) -> np.ndarray:
        m = cv2.getRotationMatrix2D(about, turn, scale)
        m[:, 2] += (dx, dy)
        return cv2.warpAffine(arr, m, (w, h), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT, borderValue=white)

    upper = placed(plan["upper_turn"], 1.0, *plan["upper_shift"], (w / 2, h / 2))
    lower = placed(plan["upper_turn"] + plan["turn"], plan["scale"],
                   plan["upper_shift"][0] + plan["shift"], plan["upper_shift"][1] + plan["step"],
                   (w / 2, seam))
    upper *= plan["tones"][0]
    lower *= plan["tones"][1]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    slope = math.tan(math.radians(plan["upper_turn"] + plan["turn"]))
    below = yy - (seam + (xx - w / 2) * -slope)   # px below the lower sheet's edge
    out = np.where((below >= 0)[..., None], lower, upper)
    if plan["edge"]:   # the lower copy's unprinted margin under its edge
        out = np.where(((below >= 0) & (below < plan["edge"]))[..., None],
                       np.array(white, np.float32), out)
    line = max(0.8, 0.12 * u)   # the edge's shadow as the copier's lamp throws it
    out *= (1 - 0.55 * np.exp(-(below / line) ** 2)
            - 0.12 * np.exp(-np.maximum(below, 0) / (0.35 * u)) * (below >= 0))[..., None]
    # tape: drawn in any case, laid on only when asked
    tint = TAPE if not plan["mono"] else np.full(3, TAPE.mean(), np.float32)
    for piece in plan["pieces"]:
        if tape:
            box, cover, edge = _tape((h, w), piece, u)
            out[box] = out[box] * (1 - cover[..., None] * (1 - tint)) \
                * (1 - 0.35 * edge)[..., None]
    # the copy of the taped sheet
    tone = np.clip((out / 255 - 0.05) / 0.9, 0, 1) ** 1.12
    tone = tone + g.normal(0, 0.012, tone.shape).astype(np.float32)
    tone = cv2.GaussianBlur(tone, (0, 0), max(0.4, 0.05 * u))
    if plan["mono"]:
        tone = np.repeat(tone.mean(axis=2, keepdims=True), 3, axis=2)
    return Image.fromarray(np.uint8(np.clip(tone * 255, 0, 255)), "RGB")


# -- a screenshot of it, printed on an inkjet -----------------------------------------------

def _icons(d: ImageDraw.ImageDraw, dp: float, w: int, top: float, bar: float, ink,
           rng: random.Random, clock: str, battery: int) -> None:
    """The status bar's time at the left and its signal bars, Wi-Fi and battery with its
    percentage at the right, in ``ink``, ``bar`` px tall from ``top``."""
    mid = top + bar / 2
    fnt = plain_font("bold", round(13 * dp))
    d.text((18 * dp, mid), clock, font=fnt, fill=ink, anchor="lm")
    lw = max(1, round(1.5 * dp))
    for k, kind in enumerate(rng.sample(("chat", "mail", "play", "dot"), rng.randint(1, 3))):
        x = 18 * dp + d.textlength(clock, font=fnt) + (10 + 20 * k) * dp   # notifications
        if kind == "chat":   # a speech bubble
            d.ellipse([x, mid - 6 * dp, x + 12 * dp, mid + 5 * dp], outline=ink, width=lw)
            d.line([(x + 2 * dp, mid + 3 * dp), (x, mid + 7 * dp)], fill=ink, width=lw)
        elif kind == "mail":   # an envelope
            d.rectangle([x, mid - 5 * dp, x + 13 * dp, mid + 5 * dp], outline=ink, width=lw)
            d.line([(x, mid - 5 * dp), (x + 6.5 * dp, mid), (x + 13 * dp, mid - 5 * dp)],
                   fill=ink, width=lw)
        elif kind == "play":
            d.polygon([(x + 2 * dp, mid - 6 * dp), (x + 12 * dp, mid), (x + 2 * dp, mid + 6 * dp)],
                      fill=ink)
        else:
            d.ellipse([x + 2 * dp, mid - 4 * dp, x + 10 * dp, mid + 4 * dp], fill=ink)
    x = w - 16 * dp
    text = f"{battery}%"
    small = plain_font("sans", round(11 * dp))
    x -= d.textlength(text, font=small)
    d.text((x, mid), text, font=small, fill=ink, anchor="lm")
    x -= 26 * dp   # the battery
    d.rounded_rectangle([x, mid - 6 * dp, x + 20 * dp, mid + 6 * dp], radius=2.5 * dp,
                        outline=ink, width=max(1, round(1.4 * dp)))
    d.rectangle([x + 2.5 * dp, mid - 3.5 * dp, x + 2.5 * dp + 15 * dp * battery / 100,
                 mid + 3.5 * dp], fill=ink)
    d.rectangle([x + 20 * dp, mid - 2.5 * dp, x + 22 * dp, mid + 2.5 * dp], fill=ink)
    x -= 24 * dp   # the Wi-Fi's fan
    for k, r in enumerate((9, 6, 3)):
        d.arc([x - r * dp, mid + 5 * dp - r * dp, x + r * dp, mid + 5 * dp + r * dp],
              225, 315, fill=ink, width=max(1, round(2 * dp)))
        if k == 2:
            d.ellipse([x - 1.5 * dp, mid + 3.5 * dp, x + 1.5 * dp, mid + 6.5 * dp], fill=ink)
    x -= 30 * dp   # the signal's bars
    for k in range(4):
        d.rectangle([x + 4.5 * k * dp, mid + (4 - 2.5 * k) * dp, x + (4.5 * k + 3) * dp,
                     mid + 6 * dp], fill=ink)


def _toolbar(d: ImageDraw.ImageDraw, dp: float, w: int, top: float, bar: float, ink,
             title: str) -> None:
    """The viewer's toolbar: a back arrow, the file's name cut short with an ellipsis,
    and search, share and more icons at the right."""
    mid = top + bar / 2
    lw = max(1, round(2 * dp))
    x = 16 * dp
    d.line([(x, mid), (x + 16 * dp, mid)], fill=ink, width=lw)
    d.line([(x, mid), (x + 7 * dp, mid - 7 * dp)], fill=ink, width=lw)
    d.line([(x, mid), (x + 7 * dp, mid + 7 * dp)], fill=ink, width=lw)
    fnt = plain_font("sans", round(18 * dp))
    room = w - 72 * dp - 130 * dp
    shown = title
    while d.textlength(shown, font=fnt) > room and len(shown) > 4:
        shown = shown[:-2]
    if shown != title:
        shown = shown[:-1] + "\u2026"
    d.text((72 * dp, mid), shown, font=fnt, fill=ink, anchor="lm")
    x = w - 120 * dp   # search
    d.ellipse([x - 7 * dp, mid - 8 * dp, x + 5 * dp, mid + 4 * dp], outline=ink, width=lw)
    d.line([(x + 4 * dp, mid + 3 * dp), (x + 9 * dp, mid + 8 * dp)], fill=ink, width=lw)
    x = w - 72 * dp   # share: three dots joined
    pts = [(x + 6 * dp, mid - 7 * dp), (x - 6 * dp, mid), (x + 6 * dp, mid + 7 * dp)]
    d.line(pts, fill=ink, width=max(1, round(1.5 * dp)))
    for px, py in pts:
        d.ellipse([px - 3 * dp, py - 3 * dp, px + 3 * dp, py + 3 * dp], fill=ink)
    x = w - 24 * dp   # more
    for k in (-1, 0, 1):
        d.ellipse([x - 2.2 * dp, mid + 7 * k * dp - 2.2 * dp, x + 2.2 * dp,
                   mid + 7 * k * dp + 2.2 * dp], fill=ink)


def screenshot(page: Image.Image, rng: random.Random, *, phone=None
               ) -> tuple[Image.Image, dict]:
    """The landscape ``page`` open in a phone's PDF viewer, screenshotted: an upright
    screen of ``phone`` (a row of PHONES; else drawn), its status bar (time, notification
    icons, signal, Wi-Fi, battery) and the viewer's toolbar (back, the file's name,
    search, share, more) at the top in the toolbar's colour, the page fitted to the
    screen's width on the viewer's grey under a soft shadow, the page counter "1 / 1"
    over it, a pen button at the lower right on some, the gesture bar or the navigation
    buttons at the foot; saved as a JPEG. Returns the screenshot and where the page lies
    in it (``{"page": (x0, y0, x1, y1)}``, px)."""
    sw, sh, dp = phone or rng.choice(PHONES)
    grey = rng.choice(VIEWER_GREYS)
    bar_colour, ink = rng.choice(TOOLBARS)
    shot = Image.new("RGB", (sw, sh), grey)
    d = ImageDraw.Draw(shot)
    status, tool = round(rng.choice((24, 28)) * dp), round(56 * dp)
    d.rectangle([0, 0, sw, status + tool], fill=bar_colour)
    clock = f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
    _icons(d, dp, sw, 0, status, ink, rng, clock, rng.randint(8, 100))
    files = _data()["poltek"]["files"]
    title = rng.choice(files).format(n=rng.randint(10**9, 10**10 - 1), k=rng.randint(1, 4))
    _toolbar(d, dp, sw, status, tool, ink, title)
    side = round(rng.uniform(4, 12) * dp)
    pw = sw - 2 * side
    ph = round(pw * page.height / page.width)
    nav = round(rng.choice((16, 48)) * dp)
    room = sh - status - tool - nav
    y0 = status + tool + (round(rng.uniform(8, 16) * dp) if rng.random() < 0.5
                          else (room - ph) // 2)
    shadow = Image.new("L", (sw, sh), 0)
    ImageDraw.Draw(shadow).rectangle([side, y0 + round(2 * dp), side + pw, y0 + ph + round(3 * dp)],
                                     fill=90)
    arr = np.asarray(shot, np.float32)
    soft = cv2.GaussianBlur(np.asarray(shadow, np.float32) / 255, (0, 0), 3 * dp)
    shot = Image.fromarray(np.uint8(np.clip(arr * (1 - soft[..., None]), 0, 255)), "RGB")
    shown = cv2.resize(np.asarray(page.convert("RGB")), (pw, ph), interpolation=cv2.INTER_AREA)
    shot.paste(Image.fromarray(shown), (side, y0))
    d = ImageDraw.Draw(shot, "RGBA")
    cy = status + tool + round(12 * dp)   # the page counter, over the page's top if it is there
    d.rounded_rectangle([side + 10 * dp, cy, side + 58 * dp, cy + 26 * dp], radius=13 * dp,
                        fill=(32, 33, 36, 200))
    d.text((side + 34 * dp, cy + 13 * dp), "1 / 1", font=plain_font("sans", round(12 * dp)),
           fill=(255, 255, 255, 255), anchor="mm")
    if rng.random() < 0.5:   # the viewer's pen button
        r, cx, cy = 28 * dp, sw - 44 * dp, sh - nav - 44 * dp
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(210, 227, 252, 255))
        d.line([(cx - 9 * dp, cy + 9 * dp), (cx + 8 * dp, cy - 8 * dp)], fill=(30, 60, 120, 255),
               width=max(1, round(4 * dp)))
    if nav > 20 * dp:   # three navigation buttons on black
        d.rectangle([0, sh - nav, sw, sh], fill=(0, 0, 0, 255))
        for k, x in enumerate((sw * 0.25, sw * 0.5, sw * 0.75)):
            cy = sh - nav / 2
            if k == 1:
                d.ellipse([x - 8 * dp, cy - 8 * dp, x + 8 * dp, cy + 8 * dp],
                          outline=(230, 230, 230, 255), width=max(1, round(2 * dp)))
            elif k == 0:   # back
                d.polygon([(x + 7 * dp, cy - 8 * dp), (x - 7 * dp, cy), (x + 7 * dp, cy + 8 * dp)],
                          outline=(230, 230, 230, 255), width=max(1, round(2 * dp)))
            else:
                d.rectangle([x - 7 * dp, cy - 7 * dp, x + 7 * dp, cy + 7 * dp],
                            outline=(230, 230, 230, 255), width=max(1, round(2 * dp)))
    else:   # the gesture bar
        d.rounded_rectangle([sw / 2 - 54 * dp, sh - 9 * dp, sw / 2 + 54 * dp, sh - 5 * dp],
                            radius=2 * dp, fill=(40, 40, 40, 255))
    out = jpeg(shot, rng.randint(*SHOT_QUALITY)).convert("RGB")
    return out, {"page": (side, y0, side + pw, y0 + ph)}


def inkjet_print(shot: Image.Image, rng: random.Random, dpi: int, *, banding: bool = True,
                 paper_mm: tuple[float, float] = (210, 297)) -> Image.Image:
    """``shot`` printed "fit to page" on an upright A4 sheet by an inkjet printer and
    scanned at ``dpi``: the picture as large as the printable area lets it be, centred;
    its colours a little dull and shifted as the printer's inks give them, the ink a
    little spread into the paper; the dots' grain on half-inked areas; the head's passes
    4.2-8.5 mm tall down the sheet laying a little more or less ink each, a dark or pale
    line where two meet and in every pass a dry nozzle's line short of one ink (the
    banding, left out with ``banding`` False, every other draw the same); the sheet's
    white, the scanner's blur and noise."""
    u = dpi / 25.4
    W, H = mm_px(paper_mm[0], dpi), mm_px(paper_mm[1], dpi)
    margin = rng.uniform(*INKJET["margin_mm"])
    fit = min((paper_mm[0] - 2 * margin) / shot.width, (paper_mm[1] - 2 * margin) / shot.height)
    pw, ph = round(shot.width * fit * u), round(shot.height * fit * u)
    x0, y0 = (W - pw) // 2, (H - ph) // 2
    picture = cv2.resize(np.asarray(shot, np.float32), (pw, ph), interpolation=cv2.INTER_LINEAR)
    mix = np.array([[0.9, 0.06, 0.04], [0.04, 0.9, 0.06], [0.08, 0.04, 0.88]], np.float32)
    picture = np.clip(picture @ mix.T * 0.97 + 6, 0, 255)   # the inks' duller, shifted colours
    ink = 1 - picture / 255   # how much of each ink the printer lays (cyan, magenta, yellow)
    g = np.random.default_rng(rng.getrandbits(32))
    swath = rng.uniform(*INKJET["swath_mm"]) * u
    start = rng.uniform(0, swath)
    rows = np.arange(ph, dtype=np.float32)
    phase = np.mod(rows - start, swath) / swath
    passes = np.floor((rows - start) / swath).astype(int)
    level = np.array([rng.uniform(-1, 1) for _ in range(int(ph / swath) + 3)], np.float32)
    band = rng.uniform(*INKJET["band"])
    seam_line = np.exp(-((np.minimum(phase, 1 - phase) * swath) / max(0.8, 0.12 * u)) ** 2)
    sign = rng.choice((-1, 1))
    profile = 1 + 0.35 * band * level[np.clip(passes + 1, 0, len(level) - 1)] \
        + sign * band * seam_line
    dry = np.zeros((ph, 3), np.float32)
    nozzle = rng.uniform(0.2, 0.8)
    which = rng.randrange(3)
    dry[:, which] = rng.uniform(*INKJET["streak"]) * np.exp(
        -((phase - nozzle) * swath / max(0.6, 0.08 * u)) ** 2)
    if banding:
        ink = ink * profile[:, None, None] * (1 - dry[:, None, :])
    coverage = np.clip(ink, 0, 1)
    grain = rng.uniform(*INKJET["grain"]) / 255
    coverage = coverage + grain * 4 * coverage * (1 - coverage) * \
        g.normal(0, 1, coverage.shape).astype(np.float32)
    coverage = cv2.GaussianBlur(np.clip(coverage, 0, 1), (0, 0), max(0.5, 0.07 * u))
    sheet = np.full((H, W, 3), PAPER, np.float32)
    sheet[y0:y0 + ph, x0:x0 + pw] = PAPER * (1 - coverage)
    sheet = cv2.GaussianBlur(sheet, (0, 0), max(0.4, 0.045 * u))
    sheet += g.normal(0, 1.8, sheet.shape).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(sheet, 0, 255)), "RGB")


def tangkapan_layar(img: Image.Image, rng: random.Random, dpi: int, *,
                    banding: bool = True) -> Image.Image:
    """The electronic diploma (drawn landscape) handed in as a print of a phone's
    screenshot of it (:func:`screenshot`), printed to fit an upright A4 sheet on an
    inkjet and scanned (:func:`inkjet_print`; ``banding`` False leaves the passes' bands
    and the dry nozzle out)."""
    shot, _ = screenshot(img, rng)
    return inkjet_print(shot, rng, dpi, banding=banding)


FINISHES = {"sambung": sambung, "tangkapan_layar": tangkapan_layar}
NAME_CLEAR = ("sambung",)   # hand-ins given the name's box (mm) to keep clear of
GROUP26_CUES = {"univ_rektor": univ_rektor, "poltek_direktur": poltek_direktur}
GROUP26_BORDERS = {"untu_walang": untu_walang, "garis_digital": garis_digital}
HEADERS = {"univ_kepala": univ_kepala, "poltek_kepala": poltek_kepala}

__all__ = ["FINISHES", "GROUP26_BORDERS", "GROUP26_CUES", "HEADERS", "INKJET", "JOIN",
           "NAME_CLEAR", "PAPER", "PHONES", "SHOT_QUALITY", "TAPE", "TOOLBARS",
           "VIEWER_GREYS", "garis_digital", "inkjet_print", "join_plan",
           "poltek_direktur", "poltek_kepala", "sambung", "screenshot", "tangkapan_layar",
           "univ_kepala", "univ_rektor", "untu_walang"]
