"""Eighteenth-group KTP prints and print looks: a security print of batik parang (diagonal
bands of leaning S-shaped blades, each outlined twice, the bands parted by a row of small
lozenges), a print of batik truntum (small star-flowers of eight petals round a ringed
heart strewn in staggered rows, four-pointed sparks between them), a card copied on a
copier whose drum is scratched (a grey-black line of toner down the card along the sheet's
way through the copier, lumpy along its length, a faint wake beside it, now and then a
second hairline, the copy a little fogged grey with scattered toner), and a card copied
onto the back of a used sheet (kertas bekas: the old typed letter on the other side shows
through the paper, mirrored, soft and pale, its lines of text, its letterhead rule or a
table's rules lying under the card's print)."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from scansim.draw import font

# The typed letters whose backs offices copy onto: the phrases their lines are made of.
LETTER_PHRASES = (
    "Sehubungan dengan surat Saudara", "Nomor : 470/218/DISDUKCAPIL/2023",
    "perihal permohonan data kependudukan,", "bersama ini kami sampaikan bahwa",
    "berdasarkan Peraturan Bupati Kotawaringin Barat", "tentang tata cara pelayanan",
    "kepada yang bersangkutan agar melengkapi", "persyaratan sebagaimana terlampir",
    "paling lambat tanggal 15 Maret 2023.", "Demikian untuk menjadi perhatian",
    "dan atas kerja samanya diucapkan terima kasih.", "Kepala Dinas Pekerjaan Umum",
    "dan Penataan Ruang Kabupaten", "Rekapitulasi kegiatan triwulan II tahun anggaran 2022",
    "Lampiran : 1 (satu) berkas", "Hal : Undangan rapat koordinasi",
    "yang akan dilaksanakan pada hari Senin,", "bertempat di Aula Kantor Bupati,",
    "Jl. Sutan Syahrir No. 62 Pangkalan Bun", "Tembusan disampaikan kepada Yth.",
)
# The typed letter's faces (Times-like, as office letters are typed), DejaVu standing in.
LETTER_FACES = ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
                "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf")


def _lines(d: ImageDraw.ImageDraw, pts, color, width: int) -> None:
    """A polyline of ``pts`` in ``color``."""
    d.line([tuple(p) for p in pts], fill=color, width=width, joint="curve")


def _s_blade(height: float, lean: float, n: int = 28) -> np.ndarray:
    """An S of two round bowls ``height`` px tall, leaning ``lean`` (shear along its width
    per px of height), as points (x along, y across) round its middle."""
    r = height / 4
    top = np.radians(np.linspace(20, 270, n))          # the upper bowl, left round to the middle
    foot = np.radians(np.linspace(90, -160, n))        # the lower bowl, right round to its end
    pts = np.concatenate([np.stack([r * np.cos(top), -r - r * np.sin(top)], axis=1),
                          np.stack([r * np.cos(foot), r - r * np.sin(foot)], axis=1)])
    pts[:, 0] = pts[:, 0] * 0.8 + lean * pts[:, 1]
    return pts


def parang(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Batik parang: bands 6-7 mm apart running slantwise up to the right, each a row of
    leaning S-shaped blades outlined in ``color`` with a smaller S inside in ``second``,
    the band's edges fine lines, the strip between bands a row of small lozenges
    (mlinjon) in ``second``."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    width = max(1, round(0.08 * u))
    pitch = rng.uniform(6.0, 7.0) * u
    along, across = np.array([1.0, -1.0]) / math.sqrt(2), np.array([1.0, 1.0]) / math.sqrt(2)
    blade = 0.62 * pitch                                 # the blades' strip, across the band
    step = rng.uniform(0.62, 0.72) * blade               # from one blade to the next
    outer, inner = _s_blade(blade * 0.92, 0.45), _s_blade(blade * 0.6, 0.45)
    reach = (w + h) / math.sqrt(2)
    phase = rng.uniform(0, pitch)
    for k in range(int(reach / pitch) + 2):
        t = phase + k * pitch - pitch                    # the band's middle, across
        for edge in (-blade / 2, blade / 2):
            a = across * (t + edge)
            _lines(d, [a - along * reach, a + along * reach], color, width)
        s = -reach + rng.uniform(0, step)
        while s < reach:
            mid = along * s + across * t
            for shape, ink in ((outer, color), (inner, second)):
                _lines(d, mid + shape[:, :1] * along + shape[:, 1:] * across, ink, width)
            gem = along * (s + step / 2) + across * (t + pitch / 2)
            g = 0.055 * pitch
            d.polygon([tuple(gem + along * g), tuple(gem + across * g * 0.8),
                       tuple(gem - along * g), tuple(gem - across * g * 0.8)], outline=second)
            s += step


def _petal(cx: float, cy: float, angle: float, base: float, tip: float,
           half: float) -> list[tuple[float, float]]:
    """A pointed petal from ``base`` to ``tip`` px off the centre along ``angle``, its
    widest ``half`` px from its axis, as a closed outline."""
    ca, sa = math.cos(angle), math.sin(angle)
    left = [(base + (tip - base) * t, half * math.sin(math.pi * t) ** 0.8)
            for t in np.linspace(0, 1, 9)]
    right = [(r, -o) for r, o in reversed(left)]
    return [(cx + r * ca - o * sa, cy + r * sa + o * ca) for r, o in left + right]


def truntum(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Batik truntum: small star-flowers in staggered rows 3.6-4.4 mm apart, each a little
    off its place and turned at random, of eight pointed petals in ``color`` round a
    ringed heart in ``second``; between the flowers four-pointed sparks in ``second``."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    width = max(1, round(0.08 * u))
    pitch = rng.uniform(3.6, 4.4) * u
    row = pitch * 0.87
    radius = 0.32 * pitch
    x0, y0 = rng.uniform(0, pitch), rng.uniform(0, row)
    for j in range(int(h / row) + 3):
        for i in range(int(w / pitch) + 3):
            cx = x0 + (i - 1 + (0.5 if j % 2 else 0.0)) * pitch + rng.gauss(0, 0.06) * pitch
            cy = y0 + (j - 1) * row + rng.gauss(0, 0.06) * pitch
            turn = rng.uniform(0, math.pi / 4)
            for k in range(8):
                _lines(d, _petal(cx, cy, turn + k * math.pi / 4, 0.34 * radius, radius,
                                 0.16 * radius), color, width)
            heart = 0.22 * radius
            d.ellipse([cx - heart, cy - heart, cx + heart, cy + heart], outline=second,
                      width=width)
            sx, sy, arm = cx + pitch / 2, cy + row / 2, 0.12 * pitch
            for dx, dy in ((arm, 0), (0, arm)):
                d.line([(sx - dx, sy - dy), (sx + dx, sy + dy)], fill=second, width=width)


def _ink_columns(grey: np.ndarray, box) -> np.ndarray:
    """The columns (px) inside ``box`` of ``grey`` holding dark print, the outer eighth of
    their run left out at each end (empty when there is next to none)."""
    x0, y0, x1, y1 = (int(round(v)) for v in box)
    h, w = grey.shape
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    cols = x0 + np.flatnonzero((grey[y0:y1, x0:x1] < 120).sum(axis=0) >= 2)
    if cols.size < 5:
        return cols[:0]
    lo, hi = cols[0] + (cols[-1] - cols[0]) / 8, cols[-1] - (cols[-1] - cols[0]) / 8
    return cols[(cols >= lo) & (cols <= hi)]


def _lumps(g: np.random.Generator, n: int, count: int, low: float) -> np.ndarray:
    """A smooth random profile of ``n`` values, about 1, dipping to ``low`` here and there:
    how much toner a streak carries along its length."""
    knots = np.clip(1 + g.normal(0, 0.22, count), low, 1.25)
    return np.interp(np.linspace(0, 1, n), np.linspace(0, 1, count), knots)


def _streak(shape: tuple[int, int], x: float, slant: float, half: float,
            along: np.ndarray) -> np.ndarray:
    """How much of a vertical streak centred on ``x`` (px, at the top; leaning ``slant``
    px per px down) and ``half`` px wide each way covers each pixel: a flat core with soft
    edges, times ``along`` (per row)."""
    h, w = shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    off = np.abs(xx - (x + slant * yy))
    return np.exp(-(off / half) ** 4) * along[:, None]


def drum_streak(img: Image.Image, rng: random.Random, amount: float, dpi: int,
                through=None) -> Image.Image:
    """The card copied on a copier whose drum is scratched: a line of toner down the card
    (the sheet's way through the copier, across the card's short side), 0.25-0.5 mm wide,
    grey-black rather than full black and lumpy along its length, a faint grey wake beside
    it where the cleaning blade let toner by; now and then a second, fainter hairline; the
    copy a little fogged grey, with scattered toner dots. The line crosses the print found
    in ``through`` (a px box: the NIK's place), so it runs through the NIK's digits and
    every row under them; the print stays darker than the line (toner adds up).
    ``amount`` (0..1): how worn the drum."""
    u = dpi / 25.4
    w, h = img.size
    g = np.random.default_rng(rng.getrandbits(32))
    grey = np.asarray(img.convert("L"))
    cols = _ink_columns(grey, through) if through is not None else np.zeros(0)
    # on a stroke of a digit (not in a gap between two), else anywhere in the middle
    x = float(rng.choice(cols.tolist())) if cols.size else rng.uniform(0.3, 0.7) * w
    slant = math.tan(math.radians(rng.uniform(-0.5, 0.5)))
    at = (through[1] + through[3]) / 2 if through is not None else h / 2
    x -= slant * at                                      # passing x at the NIK's row
    core = _streak((h, w), x, slant, rng.uniform(0.12, 0.25) * u, _lumps(g, h, 12, 0.55))
    wake = _streak((h, w), x, slant, rng.uniform(0.9, 1.5) * u, _lumps(g, h, 6, 0.5))
    dark = amount * (rng.uniform(0.5, 0.62) * core + 0.1 * wake)
    if rng.random() < 0.5:                               # a second, fainter hairline
        far = rng.uniform(0.05, 0.95) * w
        dark = dark + amount * rng.uniform(0.2, 0.3) * _streak(
            (h, w), far, slant, max(0.6, 0.05 * u), _lumps(g, h, 8, 0.3))
    fog = 1 - amount * rng.uniform(0.04, 0.07)
    keep = fog * (1 - np.clip(dark, 0, 0.7))
    for _ in range(int(amount * g.integers(20, 60))):   # toner scattered over the copy
        cx, cy = int(g.integers(0, w)), int(g.integers(0, h))
        r = max(1, int(g.uniform(0.04, 0.1) * u))
        keep[max(0, cy - r):cy + r, max(0, cx - r):cx + r] *= g.uniform(0.4, 0.75)
    arr = np.asarray(img, np.float32) * keep[..., None]
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


def _letter_face(size: int) -> ImageFont.FreeTypeFont:
    """A Times-like face at ``size`` px (DejaVu Serif when none is installed)."""
    for path in LETTER_FACES:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return font("serif", size)


def _letter_line(words: list[str], rng: random.Random, fnt, d: ImageDraw.ImageDraw,
                 room: float) -> str:
    """A typed line filling up to ``room`` px, its words taken off the front of ``words``
    (the letter's running text, phrases of :data:`LETTER_PHRASES`, topped up as it runs
    out)."""
    line: list[str] = []
    while True:
        if not words:
            words.extend(rng.choice(LETTER_PHRASES).split(" "))
        if line and d.textlength(" ".join(line + words[:1]), font=fnt) > room:
            return " ".join(line)
        line.append(words.pop(0))


def typed_letter(size: tuple[int, int], rng: random.Random, u: float) -> Image.Image:
    """The part of a typed A4 letter lying behind the card, as ink (L, white on black):
    12 pt lines 5-6.5 mm apart from its left margin (the window's edge somewhere in the
    letter), short at a paragraph's end, and now and then the letterhead's double rule or
    a table's ruled cells."""
    w, h = size
    layer = Image.new("L", size, 0)
    d = ImageDraw.Draw(layer)
    fnt = _letter_face(int(4.2 * u))
    pitch = rng.uniform(5.0, 6.5) * u
    margin = rng.uniform(-30, 8) * u
    y = rng.uniform(-0.8, 0.2) * pitch
    rule = max(1, round(0.2 * u))
    if rng.random() < 0.3:                               # the letterhead's double rule
        top = rng.uniform(0.1, 0.45) * h
        d.line([(margin, top), (w, top)], fill=255, width=3 * rule)
        d.line([(margin, top + 0.9 * u), (w, top + 0.9 * u)], fill=255, width=rule)
        y = top + 2.5 * u
    table = rng.random() < 0.3
    words: list[str] = []
    while y < h:
        if table and rng.random() < 0.35:                # a table's ruled row of cells
            cells = np.cumsum([margin] + [rng.uniform(12, 30) * u for _ in range(6)])
            for c in cells:
                d.line([(c, y - 1.2 * u), (c, y + pitch - 1.2 * u)], fill=255, width=rule)
            d.line([(margin, y - 1.2 * u), (w, y - 1.2 * u)], fill=255, width=rule)
            for left, right in zip(cells[:-1], cells[1:], strict=True):
                words.clear()
                d.text((left + 1.2 * u, y),
                       _letter_line(words, rng, fnt, d, right - left - 2.4 * u),
                       font=fnt, fill=255)
        else:
            indent = 12 * u if rng.random() < 0.15 else 0.0
            full = rng.uniform(155, 165) * u                 # an A4 letter's line
            end = margin + (full if rng.random() < 0.8 else rng.uniform(0.2, 0.8) * full)
            d.text((margin + indent, y),
                   _letter_line(words, rng, fnt, d, end - margin - indent),
                   font=fnt, fill=255)
        y += pitch
    return layer


def show_through(img: Image.Image, rng: random.Random, amount: float,
                 dpi: int) -> Image.Image:
    """The card copied onto the back of a used sheet (kertas bekas): the typed letter on
    the other side shows through the paper into the scan, mirrored, softened by the paper
    it passes through and pale (a fifth or so of its darkness), its lines running along
    the card or upside down, a degree or two off the card's own; the letter only darkens
    what lies over it (the card's print stays darker). ``amount`` (0..1): how thin the
    paper."""
    u = dpi / 25.4
    w, h = img.size
    pad = int(6 * u)
    letter = typed_letter((w + 2 * pad, h + 2 * pad), rng, u)
    turn = rng.choice((0, 180)) + rng.uniform(-2.0, 2.0)
    letter = ImageOps.mirror(letter).rotate(turn, resample=Image.BICUBIC)
    letter = letter.crop((pad, pad, pad + w, pad + h))
    letter = letter.filter(ImageFilter.GaussianBlur(max(0.6, rng.uniform(0.1, 0.16) * u)))
    share = np.asarray(letter, np.float32) / 255 * amount * rng.uniform(0.2, 0.27)
    arr = np.asarray(img, np.float32) * (1 - share[..., None])
    return Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")


__all__ = ["LETTER_FACES", "LETTER_PHRASES", "drum_streak", "parang", "show_through",
           "truntum", "typed_letter"]
