"""Nineteenth-group diplomas: a private university's S1 diploma of the 1990s (BABEL,
Emerita Latina) in double rules with guilloche rosettes at the corners and a twisted cable
between the rules, whose rector "dengan status DISAMAKAN ... menyatakan bahwa :" the
holder pictured beside the particulars, the name large in bold italics at the photo's
right; the university's dry seal (cap timbul: no ink, the paper pressed into relief)
squeezed over the photo's right edge and the start of the name, as the scanner's lamp,
shining from one side, shows it (its rings, lettering and emblem bright on the edges that
face the lamp, shadowed on those away from it); and a Paket A certificate (Karmilla, PT
Sans Narrow, PT Mono) in a band of ceplok (four-petalled flowers in squares, a motif of
batik), the learner's particulars printed into captioned boxes (the name alone in the
first, as wide as the two columns under it), scanned on a flatbed whose carriage jittered
as it ran down the page (bands of lines shifted sideways a fraction of a millimetre, a
line read twice where the carriage caught, one skipped where it lurched on)."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from formgen.core.yamlfile import load_yaml
from scansim.draw import draw_person
from scansim.ijazah_group15 import _levels
from scansim.ijazah_group16 import wrap
from scansim.ktp_group16 import _ring_text
from scansim.ktp_patterns import _spiro
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group19.yaml"
SEAL_MM = (19.0, 21.0)         # a dry seal's radius: embossers press 38-42 mm seals
RELIEF = (0.26, 0.34)          # how strongly its slopes catch or lose the lamp's light
JITTER_MM = (0.08, 0.2)        # how far a band of lines lies off to the side
BAND_MM = (1.2, 6.0)           # the bands' heights: how long the carriage ran true
CAPTION_MM = 2.3               # a box's caption


@cache
def _data() -> dict:
    """The nineteenth group's wording (data/ijazah_group19.yaml)."""
    return load_yaml(DATA)


def _paper_at(img: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    """The paper's colour at (x, y) px, for drawing over a frame's rule."""
    return img.getpixel((int(x), int(y)))[:3]


# -- the private university's diploma and its dry seal ---------------------------------

def roset_sudut(img: Image.Image, color, rng: random.Random, *, dpi: int,
                margin_mm: float) -> None:
    """A heavy outer rule and a thin inner one 8 mm inside it, a twisted cable of two fine
    waves between them, and a guilloche rosette at each corner (three looping curves
    inside each other, on a disc of the paper)."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, 8.0 * u
    thin, heavy = max(1, round(0.18 * u)), max(2, round(0.6 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=heavy)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    period, amp, mid = rng.uniform(5.5, 6.5) * u, 0.28 * band, band / 2
    for (xa, ya), (xb, yb) in (((m + band, m + mid), (w - m - band, m + mid)),
                               ((m + band, h - m - mid), (w - m - band, h - m - mid)),
                               ((m + mid, m + band), (m + mid, h - m - band)),
                               ((w - m - mid, m + band), (w - m - mid, h - m - band))):
        length = math.hypot(xb - xa, yb - ya)
        ax, ay = (xb - xa) / length, (yb - ya) / length
        for phase in (0.0, math.pi):
            pts = [(xa + ax * s - ay * amp * math.sin(2 * math.pi * s / period + phase),
                    ya + ay * s + ax * amp * math.sin(2 * math.pi * s / period + phase))
                   for s in np.arange(0, length, 0.4 * u)]
            d.line(pts, fill=color, width=thin)
    paper = _paper_at(img, m + band + 2 * u, m + band + 2 * u)
    r = 0.85 * band
    for cx in (m + mid, w - m - mid):
        for cy in (m + mid, h - m - mid):
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=paper)
            for k, (lobes, ratio) in enumerate(((11, 0.6), (9, 0.5), (7, 0.45))):
                _spiro(d, cx, cy, r * (1 - 0.22 * k), color, thin, lobes, ratio)


def relief_seal(size: int, text: str, foot: str, u: float) -> np.ndarray:
    """A dry seal's relief as heights 0..1 on a square of ``size`` px: a heavy rim, a fine
    inner ring, ``text`` round the top and ``foot`` round the foot, the university's emblem
    in the middle, the pressed edges rounded."""
    layer = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(layer)
    c, r = size / 2, size / 2 - 2
    rim = max(2, round(0.55 * u))
    d.ellipse([c - r, c - r, c + r, c + r], outline=255, width=rim)
    inner = 0.7 * r
    d.ellipse([c - inner, c - inner, c + inner, c + inner], outline=255,
              width=max(1, rim // 2))
    letters = max(6, round(0.11 * r))
    _ring_text(d, layer, text, (c, c), 0.85 * r, letters, top=True)
    _ring_text(d, layer, foot, (c, c), 0.85 * r, letters, top=False)
    draw_seal(d, "university", c, c, 0.5 * r, 255)
    soft = layer.filter(ImageFilter.GaussianBlur(max(0.8, 0.12 * u)))
    return np.asarray(soft, np.float32) / 255


def cap_timbul(img: Image.Image, rng: random.Random, centre: tuple[float, float],
               radius: float, text: str, foot: str, u: float) -> None:
    """The university's dry seal pressed into the sheet at ``centre`` (px), ``radius`` px, as
    the scanner shows it: no ink, only the relief lit by the lamp from one side (each slope
    facing the lamp brighter than the paper, each facing away shadowed), over whatever is
    printed or pasted there (the photo, the name's first letters)."""
    size = int(2 * radius) + 4
    height = relief_seal(size, text, foot, u)
    gy, gx = np.gradient(height)
    lamp = rng.uniform(0, 2 * math.pi)
    light = (gx * math.cos(lamp) + gy * math.sin(lamp)) * max(1.6, 0.3 * u)
    light = np.clip(light, -1, 1) * rng.uniform(*RELIEF)
    x0, y0 = int(centre[0] - size / 2), int(centre[1] - size / 2)
    box = (x0, y0, x0 + size, y0 + size)
    arr = np.asarray(img.crop(box), np.float32)
    arr = arr * (1 + light[..., None])
    img.paste(Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB"), box[:2])


def timbul_nama(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """The rector's opening ("Rektor, atas nama Senat Universitas, dengan status DISAMAKAN
    berdasarkan ... menyatakan bahwa :") at the left; under it the holder's photo at the
    left and, at its right, the name large in bold italics, then "lahir di ...", the
    student number and the programme; the university's dry seal pressed over the photo's
    right edge and the name's first letters. The name's box (mm) is kept as
    ``p.name_box``."""
    body, big = sizes
    wmm = p.w / p.u
    values = dict(rows)
    words = _data()["timbul"]
    x0, x1 = wmm * 0.12, wmm * 0.88
    rng = random.Random(f"timbul-{name}")   # the same holder's same photo and seal
    decree = f"{rng.randint(100, 499)}/DIKTI/Kep/{rng.randint(1984, 1990)}"
    for line in wrap(p, words["opening"].format(decree=decree), dz.body, body, x1 - x0):
        p.text(x0, y, line, dz.body, body)
        y += body * 1.6
    top = y + 2
    pw, ph = round(30 * p.u), round(40 * p.u)
    photo = Image.new("RGB", (pw, ph), (228, 228, 226))
    draw_person(photo, (0, 0, pw, ph), rng)
    px, py = round(x0 * p.u), round(top * p.u)
    p.img.paste(photo.convert("L").convert("RGB"), (px, py))
    p.d.rectangle([px, py, px + pw, py + ph], outline=p.ink, width=max(1, round(0.2 * p.u)))
    nx = x0 + 38
    size = big * 1.05
    p.text(nx, top + 1, name, dz.name_face, size, width_mm=x1 - nx)
    shown = min(p.d.textlength(name, font=p.font(dz.name_face, size)) / p.u, x1 - nx)
    p.name_box = (nx, top + 1, nx + shown, top + 1 + size)
    row = top + size + 6
    labels = [words["birth"], *words["rows"]]
    for label, value in zip(labels, (values.get("tempat dan tanggal lahir", ""),
                                     values.get("nomor induk mahasiswa", ""),
                                     values.get("program studi", "")), strict=True):
        p.text(nx, row, label, dz.body, body)
        p.text(nx + 44, row, ":", dz.body, body)
        p.text(nx + 47, row, value, dz.body, body, width_mm=x1 - nx - 47)
        row += body + 3.6
    # pressed over the photo's corner (so the photo cannot be changed), its rim reaching
    # into the name's first letters
    radius = rng.uniform(*SEAL_MM) * p.u
    centre = ((x0 + rng.uniform(32.0, 35.0)) * p.u, (top + rng.uniform(10.0, 15.0)) * p.u)
    cap_timbul(p.img, rng, centre, radius, dz.school.split("{")[0].strip(),
               words["seal_foot"], p.u)
    return max(row, top + 40) + 4


# -- the Paket A certificate and its jittery scan -------------------------------------

def _flower(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color, width: int) -> None:
    """A ceplok flower: four round petals round a small square turned on its point."""
    for k in range(4):
        a = k * math.pi / 2
        px, py = cx + 0.5 * r * math.cos(a), cy + 0.5 * r * math.sin(a)
        d.ellipse([px - 0.38 * r, py - 0.38 * r, px + 0.38 * r, py + 0.38 * r],
                  outline=color, width=width)
    s = 0.16 * r
    d.polygon([(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)], fill=color)


def ceplok(img: Image.Image, color, rng: random.Random, *, dpi: int,
           margin_mm: float) -> None:
    """A band of ceplok between a heavy outer rule and a thin inner one: squares along the
    band, each ruled and holding a four-petalled flower, the corners a larger square."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, rng.uniform(6.5, 7.5) * u
    thin, heavy = max(1, round(0.2 * u)), max(2, round(0.55 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=heavy)
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    for x0, y0, x1, y1 in ((m + band, m, w - m - band, m + band),
                           (m + band, h - m - band, w - m - band, h - m),
                           (m, m + band, m + band, h - m - band),
                           (w - m - band, m + band, w - m, h - m - band)):
        along = max(x1 - x0, y1 - y0)
        n = max(1, round(along / band))
        step = along / n
        for k in range(n):
            if x1 - x0 > y1 - y0:
                a, b = (x0 + k * step, y0), (x0 + (k + 1) * step, y1)
            else:
                a, b = (x0, y0 + k * step), (x1, y0 + (k + 1) * step)
            d.rectangle([a, b], outline=color, width=thin)
            _flower(d, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2, 0.42 * band, color, thin)
    for cx in (m + band / 2, w - m - band / 2):
        for cy in (m + band / 2, h - m - band / 2):
            d.rectangle([cx - band / 2, cy - band / 2, cx + band / 2, cy + band / 2],
                        fill=color)
            _flower(d, cx, cy, 0.42 * band, _paper_at(img, w / 2, h / 2), thin)


def _box(p, dz, x0: float, y0: float, x1: float, caption: str, value: str, role: str,
         size: float) -> float:
    """A ruled box from ``x0`` to ``x1`` (mm) with ``caption`` small in its top left corner
    and ``value`` under it; the y (mm) of its foot."""
    thin = max(1, round(0.25 * p.u))
    y1 = y0 + CAPTION_MM + size + 4.2
    p.d.rectangle([x0 * p.u, y0 * p.u, x1 * p.u, y1 * p.u], outline=dz.accent, width=thin)
    p.text(x0 + 1.6, y0 + 1.0, caption, dz.heading, CAPTION_MM, fill=dz.accent)
    p.text(x0 + 2.5, y0 + CAPTION_MM + 2.2, value, role, size, width_mm=x1 - x0 - 5)
    return y1


def kotak_isian(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """"Ketua PKBM ... menerangkan bahwa peserta didik Program Paket A setara SD/MI :" at
    the left, then the particulars printed into captioned boxes in the accent colour: the
    name in the first, as wide as the page's text, the others two by two under it, and the
    sentence that closes them."""
    body, big = sizes
    wmm = p.w / p.u
    values = dict(rows)
    words = _data()["kotak"]
    x0, x1 = wmm * 0.12, wmm * 0.88
    school = _levels(values.get("satuan pendidikan", ""))
    for line in wrap(p, words["opening"].format(school=school), dz.body, body, x1 - x0):
        p.text(x0, y, line, dz.body, body)
        y += body * 1.6
    y += 1.5
    foot = _box(p, dz, x0, y, x1, words["name"], name, dz.name_face, big * 0.8)
    p.name_box = (x0 + 2.5, y + CAPTION_MM + 2.2, x1 - 2.5, foot - 2)
    y = foot + 2.0
    mid = (x0 + x1) / 2
    boxes = words["boxes"]
    for k in range(0, len(boxes), 2):
        feet = []
        for (caption, key), (a, b) in zip(boxes[k:k + 2], ((x0, mid - 1), (mid + 1, x1)),
                                          strict=False):
            value = values.get(key, "")
            feet.append(_box(p, dz, a, y, b, caption, _levels(value), dz.body, body))
        y = max(feet) + 2.0
    for line in wrap(p, words["close"], dz.body, body, x1 - x0):
        p.text(x0, y + 1, line, dz.body, body)
        y += body * 1.6
    return y + 2


def _bands(n: int, rng: random.Random, g: np.random.Generator, u: float) -> np.ndarray:
    """How far (px) each of ``n`` lines lies off to the side: bands where the carriage ran
    true, each shifted as a whole (most a little, some not at all), with a fine wobble of
    the mirror on top."""
    shift = np.zeros(n, np.float32)
    y = 0
    while y < n:
        tall = int(rng.uniform(*BAND_MM) * u)
        if rng.random() < 0.7:
            shift[y:y + tall] = rng.uniform(*JITTER_MM) * u * rng.choice((-1, 1))
        y += max(1, tall)
    wobble = np.sin(np.arange(n) / (rng.uniform(0.8, 1.4) * u) + rng.uniform(0, 6.3))
    return shift + 0.025 * u * wobble + g.normal(0, 0.02 * u, n)


def _stalls(n: int, rng: random.Random, u: float) -> np.ndarray:
    """Which line of the page each line of the scan read: the carriage now and then caught
    (a line read again, once to a few times, a fraction of a millimetre in all) and
    lurched on (as many lines after it never read), so the page keeps its length."""
    src = np.arange(n)
    for _ in range(rng.randint(4, 9)):
        at = rng.randint(int(0.05 * n), int(0.95 * n))
        caught = rng.randint(1, max(1, round(0.25 * u)))
        src[at:at + caught + 1] = src[at]
    return src


def carriage_jitter(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page scanned on a flatbed whose carriage jittered as it ran down the page: in
    bands a millimetre to six high the lines lie shifted sideways by a tenth to a fifth of
    a millimetre (straight rules and upright strokes come out stepped), the mirror's fine
    wobble on top; here and there the carriage caught (a line read a few times over, a
    smear across the page) and lurched on (lines skipped), and the lamp flickered a
    little."""
    u = dpi / 25.4
    w, h = img.size
    g = np.random.default_rng(rng.getrandbits(32))
    src = _stalls(h, rng, u)
    shift = _bands(h, rng, g, u)
    # each line read a fraction of a dot off: its dots blended from the two it falls between
    map_x = (np.arange(w, dtype=np.float32)[None, :] - shift[:, None]).astype(np.float32)
    map_y = np.repeat(src.astype(np.float32)[:, None], w, axis=1)
    out = cv2.remap(np.asarray(img.convert("RGB")), map_x, map_y, cv2.INTER_LINEAR,
                    borderMode=cv2.BORDER_REPLICATE).astype(np.float32)
    gain = np.repeat(g.normal(1.0, 0.006, h // 8 + 1), 8)[:h]   # the lamp's flicker
    out *= gain[:, None, None]
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")


FINISHES = {"carriage_jitter": carriage_jitter}
GROUP19_CUES = {"timbul_nama": timbul_nama, "kotak_isian": kotak_isian}
GROUP19_BORDERS = {"roset_sudut": roset_sudut, "ceplok": ceplok}

__all__ = ["FINISHES", "GROUP19_BORDERS", "GROUP19_CUES", "cap_timbul", "carriage_jitter",
           "ceplok", "kotak_isian", "relief_seal", "roset_sudut", "timbul_nama"]
