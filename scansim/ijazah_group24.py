"""Twenty-fourth-group diplomas: a regency nursing academy's Diploma III diploma (Akademi
Keperawatan Pemerintah Kabupaten, of the years higher education stood under the Ministry
of Research, Technology and Higher Education: Norasi), upright in a band of lace (renda),
the director's sentence before the holder's name, the rows under it, the degree Ahli
Madya Keperawatan; handed in scanned inside a glossy plastic sheet protector (map plastik:
a milky haze over it, broad soft glare bands and a few hard highlights washing out text,
the sleeve's wrinkles as faint curved lines, its punched strip beyond the page's edge);
and a private Islamic college's bachelor's diploma (Sekolah Tinggi Agama Islam, under the
Ministry of Religious Affairs: Laksaman, the title in Isabella's calligraphy), landscape in
a band of stepped kufic squares (kufi), the chairman's decree before the holder, the
degree of the holder's study programme; kept rolled in a tube and photographed by a phone
as it curls up off the table (the page bowed into a cylinder towards one end, its lines
bent and squeezed there and shaded along the curl, a thumb or a weight holding a corner,
the table round it, a JPEG with no EXIF)."""
from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from formgen.core.yamlfile import load_yaml
from scansim.formpages import jpeg
from scansim.ijazah_group16 import thumb_image
from scansim.ijazah_group23 import desk_texture
from scansim.ijazah_holders import titled
from scansim.ornament import draw_seal

DATA = Path(__file__).with_name("data") / "ijazah_group24.yaml"
# The sheet protector (see map_plastik): each drawn per page from its range.
SLEEVE = {"haze": (0.06, 0.12),        # the plastic's milky veil (share of white)
          "bands": (1, 2),             # broad soft glare bands across the page
          "band_mm": (14.0, 32.0),     # their width (mm, between half-strength points)
          "band_lift": (0.45, 0.7),    # how far toward white a band's middle goes
          "spots": (2, 5),             # hard specular highlights
          "spot_mm": (3.0, 9.0),       # their size (mm)
          "wrinkles": (3, 7),          # the sleeve's creases
          "strip_mm": (11.0, 15.0),    # the punched strip beyond the page's edge (mm)
          "holes": (4, 11)}            # 4-hole or 11-hole (universal) punching
HOLE_MM = 5.5                          # a punched hole's diameter
LID = (214, 216, 214)                  # the scanner lid's white seen through the sleeve
# The rolled diploma photographed curling (see gulung): each drawn per page from its range.
CURL = {"flat": (0.72, 0.82),          # how much of the page lies flat (share of its length)
        "radius": (0.08, 0.12),        # the curl's radius (share of the page's length)
        "sweep": (1.45, 1.75),         # how far round the curl turns up at most (radians)
        "bow": (0.04, 0.09),           # how much earlier the curl begins mid-page (share)
        "scale": (0.8, 0.88),          # the page's size in the photo (share of the frame)
        "turn": (-3.0, 3.0),           # degrees the phone was turned
        "quality": (72, 88)}           # the phone's JPEG quality
WEIGHTS = ((40, 40, 44), (168, 30, 36), (30, 70, 140), (230, 230, 226))   # a phone, a
# stapler, a pencil case, a mug's foot: what holds the page's corner down


@cache
def _data() -> dict:
    """The twenty-fourth group's wording (data/ijazah_group24.yaml)."""
    return load_yaml(DATA)


KEEP_CASE = {"Dan": "dan", "Al-Falah": "Al-Falah", "Iii": "III"}   # words written so in Title Case


# -- frames -------------------------------------------------------------------------------

def renda(img: Image.Image, color, rng: random.Random, *, dpi: int, margin_mm: float) -> None:
    """A band 5 mm wide of lace between a heavy outer rule and a thin inner one: a row of
    scallops hanging from the outer rule, a small ring in each, a dot where two meet."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 5.0 * u
    thin = max(1, round(0.18 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.55 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    r = 0.34 * band

    def run(x0: float, y0: float, length: float, along_x: bool, out: float) -> None:
        n = max(1, int(length / (2 * r)))
        step = length / n
        for k in range(n):
            t = x0 + (k + 0.5) * step if along_x else y0 + (k + 0.5) * step
            cx, cy = (t, y0) if along_x else (x0, t)
            box = [cx - step / 2, cy - r, cx + step / 2, cy + r] if along_x else \
                [cx - r, cy - step / 2, cx + r, cy + step / 2]
            start = {(True, 1): 0, (True, -1): 180, (False, 1): 270, (False, -1): 90}[
                (along_x, out)]
            d.arc(box, start, start + 180, fill=color, width=thin)
            q = 0.32 * r
            ox, oy = (0, out * 0.45 * r) if along_x else (out * 0.45 * r, 0)
            d.ellipse([cx + ox - q, cy + oy - q, cx + ox + q, cy + oy + q], outline=color,
                      width=thin)
            dot = 0.12 * r
            ex, ey = (cx - step / 2, cy) if along_x else (cx, cy - step / 2)
            d.ellipse([ex - dot, ey - dot, ex + dot, ey + dot], fill=color)

    edge = m + 0.3 * u
    run(m + band, edge, w - 2 * (m + band), True, 1)
    run(m + band, h - edge, w - 2 * (m + band), True, -1)
    run(edge, m + band, h - 2 * (m + band), False, 1)
    run(w - edge, m + band, h - 2 * (m + band), False, -1)
    for cx in (m + band / 2, w - m - band / 2):     # a rosette in each corner
        for cy in (m + band / 2, h - m - band / 2):
            for k in range(6):
                a = k * math.pi / 3
                px, py = cx + 0.28 * band * math.cos(a), cy + 0.28 * band * math.sin(a)
                d.ellipse([px - 0.14 * band, py - 0.14 * band, px + 0.14 * band,
                           py + 0.14 * band], outline=color, width=thin)


def kufi(img: Image.Image, color, rng: random.Random, *, dpi: int, margin_mm: float) -> None:
    """A band 6 mm wide of stepped kufic squares between two rules: square knots of a
    square-kufic band, each a square with a hook turning in from each side, a small
    square at its heart, linked by a short bar to the next; a solid square at each
    corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    band = 6.0 * u
    thin = max(1, round(0.22 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=max(1, round(0.45 * u)))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color,
                width=thin)
    s = 0.32 * band                                  # a knot's half side

    def knot(cx: float, cy: float) -> None:
        d.rectangle([cx - s, cy - s, cx + s, cy + s], outline=color, width=thin)
        for k in range(4):   # a hook turning in from each side's middle
            a = k * math.pi / 2
            ax, ay = cx + s * math.cos(a), cy + s * math.sin(a)
            bx, by = cx + 0.45 * s * math.cos(a), cy + 0.45 * s * math.sin(a)
            hx = bx + 0.35 * s * math.cos(a + math.pi / 2)
            hy = by + 0.35 * s * math.sin(a + math.pi / 2)
            d.line([(ax, ay), (bx, by), (hx, hy)], fill=color, width=thin)
        q = 0.14 * s
        d.rectangle([cx - q, cy - q, cx + q, cy + q], fill=color)

    def run(x0: float, y0: float, length: float, along_x: bool) -> None:
        n = max(1, int(length / (3 * s)))
        step = length / n
        for k in range(n):
            t = (k + 0.5) * step
            cx, cy = (x0 + t, y0) if along_x else (x0, y0 + t)
            knot(cx, cy)
            if k + 1 < n:   # the bar linking it to the next
                a, b = ((cx + s, cy), (cx + step - s, cy)) if along_x else \
                    ((cx, cy + s), (cx, cy + step - s))
                d.line([a, b], fill=color, width=thin)

    mid = m + band / 2
    run(m + band, mid, w - 2 * (m + band), True)
    run(m + band, h - mid, w - 2 * (m + band), True)
    run(mid, m + band, h - 2 * (m + band), False)
    run(w - mid, m + band, h - 2 * (m + band), False)
    for cx in (mid, w - mid):
        for cy in (mid, h - mid):
            d.rectangle([cx - s, cy - s, cx + s, cy + s], fill=color)


# -- the nursing academy's diploma ------------------------------------------------------------

def akper_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                 size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The academy's face: the emblem, the ministry of those years, the academy (its
    regency) in the accent colour, "IJAZAH" and the academy's own register number at the
    top left ("Nomor Ijazah : 0213/AKPER-KTM/D-III/2017"). Returns the y (mm) the holder's
    part begins at and the number."""
    p.school = school   # the director's sentence before the holder names it
    town = school.rsplit("KABUPATEN ", 1)[-1]
    code = "".join(w[0] for w in town.split(" "))[:3].ljust(3, town[-1])
    nomor = f"{rng.randint(1, 999):04d}/AKPER-{code}/D-III/{tahun}"
    p.text(27, 24, f"Nomor Ijazah : {nomor}", dz.body, 3.0)
    draw_seal(p.d, dz.seal, p.w / 2, 42 * p.u, 12 * p.u, dz.accent)
    p.centre(58, dz.ministry, dz.heading, 3.7, width_mm=size_mm[0] * 0.74)
    p.centre(64.5, school, dz.heading, 4.6, fill=dz.accent, width_mm=size_mm[0] * 0.74)
    p.centre(74, dz.title_text, dz.title, 12.5, fill=dz.accent)
    p.centre(90, f"{spec['title']} ({spec['short']})", dz.heading, 4.4)
    return 100.0, nomor


def akper_direktur(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                   sizes: tuple[float, float]) -> float:
    """The director's sentence centred ("Direktur Akademi Keperawatan ... dengan ini
    menerangkan bahwa"), the holder's name large and centred, then the rows: the NIM, the
    birth, the study programme (Diploma III Keperawatan) and the date of the graduation
    board. The degree is kept as ``p.degree``, the name's box (mm) as ``p.name_box``."""
    body, big = sizes
    words = _data()["akper"]
    rng = random.Random(f"akper-{name}")   # this diploma's own numbers: the same each time
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Akademi Keperawatan", KEEP_CASE)
    p.centre(y, words["opening"].format(school=school), dz.body, body, width_mm=wmm * 0.74)
    y += body + 5
    p.name(None, y, name, dz.name_face, big * 1.05, wmm * 0.72, body, anchor="ma")
    y = p.name_box[3] + 6
    year = int(values.get("nomor induk mahasiswa", "2015")[:4]) + 1   # three years' study
    months = ("Juni", "Juli", "Agustus")
    nim, born, study, judged = words["rows"]
    items = [(nim, f"{year % 100:02d}.{rng.randint(1, 140):03d}.{rng.randint(1, 9)}"),
             (born, values.get("tempat dan tanggal lahir", "")),
             (study, words["study"]),
             (judged, f"{rng.randint(1, 28)} {rng.choice(months)} {year + 3}")]   # its year
    lab_x, col_x = wmm * 0.17, wmm * 0.17 + 50
    for label, value in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, dz.body, body, width_mm=wmm * 0.83 - col_x)
        y += body + 3.0
    p.degree = words["degree"]
    return y + 2


# -- the Islamic college's diploma ----------------------------------------------------------

def stai_kepala(p, dz, rng: random.Random, spec: dict, school: str, tahun: int,
                size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The college's face, landscape: its serial at the top right ("Nomor Seri Ijazah :
    STAI-ALF.2019.S1.000417"), the Ministry of Religious Affairs' emblem and name, the
    college in the accent colour, "IJAZAH" in the calligraphic title face. Returns the y
    (mm) the holder's part begins at and the number."""
    p.school = school
    nomor = f"STAI-ALF.{tahun}.S1.{rng.randint(1, 2400):06d}"
    p.text(size_mm[0] - 25, 21, f"Nomor Seri Ijazah : {nomor}", dz.body, 2.9, anchor="ra")
    draw_seal(p.d, dz.seal, p.w / 2, 30 * p.u, 9 * p.u, dz.accent)
    p.centre(42, dz.ministry, dz.heading, 3.8)
    p.centre(48, school, dz.heading, 4.8, fill=dz.accent, width_mm=size_mm[0] * 0.7)
    p.centre(56, dz.title_text, dz.title, 13.0, fill=dz.accent)
    return 73.0, nomor


def stai_ketua(p, dz, y: float, name: str, rows: list[tuple[str, str]],
               sizes: tuple[float, float]) -> float:
    """The chairman's decree on the graduation (two centred lines), "memberikan ijazah dan
    gelar akademik kepada", the holder's name large and centred, the NIM, the birth and
    the study programme as centred phrases. The degree of the programme is kept as
    ``p.degree``, the name's box (mm) as ``p.name_box``."""
    body, big = sizes
    words = _data()["stai"]
    rng = random.Random(f"stai-{name}")   # this diploma's own numbers
    wmm = p.w / p.u
    values = dict(rows)
    school = titled(getattr(p, "school", "") or "Sekolah Tinggi Agama Islam", KEEP_CASE)
    year = int(values.get("nomor induk mahasiswa", "2015")[:4])
    sk = f"{rng.randint(10, 240):03d}/STAI-ALF/SK/{rng.choice(('VII', 'VIII', 'IX'))}/" \
         f"{year + 4}"
    sentence = words["decree"].format(school=school, sk=sk)
    cut = sentence.index(" Nomor ")
    p.centre(y, sentence[:cut], dz.body, body, width_mm=wmm * 0.78)
    p.centre(y + body + 1.8, sentence[cut + 1:], dz.body, body, width_mm=wmm * 0.78)
    p.centre(y + 2 * (body + 1.8), words["gives"], dz.body, body)
    y += 3 * (body + 1.8) + 2.5
    p.name(None, y, name, dz.name_face, big * 1.1, wmm * 0.7, body, anchor="ma")
    y = p.name_box[3] + 2.5
    nim = f"{year}{rng.randint(1, 5)}{rng.randint(1, 180):03d}"
    p.centre(y, f"{words['nim']} : {nim}", dz.body, body)
    y += body + 2.2
    place, _, date = values.get("tempat dan tanggal lahir", ", ").partition(", ")
    p.centre(y, words["born"].format(place=place, date=date), dz.body, body)
    study, degree = rng.choice(words["studies"])
    p.centre(y + body + 2.2, f"Program Studi {study}", dz.body, body, width_mm=wmm * 0.78)
    p.degree = degree
    return y + 2 * body + 5


# -- scanned in a plastic sheet protector ----------------------------------------------------

def sleeve_light(size: tuple[int, int], rng: random.Random, u: float) -> np.ndarray:
    """How far toward white the sleeve's light lifts each pixel (h, w, 0..1): one or two
    broad soft glare bands across the page at a slant, one of them through its middle
    third, and a few hard specular highlights."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    lift = np.zeros((h, w), np.float32)
    for k in range(rng.randint(*SLEEVE["bands"])):
        angle = math.radians(rng.uniform(-35, 35))
        at = rng.uniform(0.38, 0.62) * h if k == 0 else rng.uniform(0.12, 0.88) * h
        across = (yy - at) * math.cos(angle) - (xx - w / 2) * math.sin(angle)
        half = rng.uniform(*SLEEVE["band_mm"]) * u / 2
        lift += rng.uniform(*SLEEVE["band_lift"]) * np.exp(-np.log(2) * (across / half) ** 2)
    for _ in range(rng.randint(*SLEEVE["spots"])):
        cx, cy = rng.uniform(0.15, 0.85) * w, rng.uniform(0.15, 0.85) * h
        rx = rng.uniform(*SLEEVE["spot_mm"]) * u / 2
        ry = rx * rng.uniform(0.3, 0.7)
        r = np.sqrt(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2)
        lift += 0.95 * np.clip(1.4 - r, 0, 1) ** 0.6
    return np.clip(lift, 0, 0.97)


def _wrinkle(arr: np.ndarray, rng: random.Random, u: float) -> None:
    """One crease of the sleeve: a gentle curve 30-120 mm long, a light line beside a dark
    one (the plastic's two slopes), faint."""
    h, w = arr.shape[:2]
    cx, cy = rng.uniform(0.05, 0.95) * w, rng.uniform(0.05, 0.95) * h
    length = rng.uniform(30, 120) * u
    angle = rng.uniform(0, math.pi)
    bend = rng.uniform(-0.35, 0.35)
    ts = np.linspace(-0.5, 0.5, 60)
    pts = [(cx + t * length * math.cos(angle) - bend * length * (t * t - 0.25) *
            math.sin(angle), cy + t * length * math.sin(angle) + bend * length *
            (t * t - 0.25) * math.cos(angle)) for t in ts]
    for shift, gain in ((0.0, rng.uniform(14, 24)), (max(1.0, 0.2 * u), -rng.uniform(8, 16))):
        line = Image.new("L", (w, h), 0)
        moved = [(x + shift * math.sin(angle), y - shift * math.cos(angle)) for x, y in pts]
        ImageDraw.Draw(line).line(moved, fill=255, width=max(1, round(0.12 * u)))
        m = np.asarray(line.filter(ImageFilter.GaussianBlur(max(0.6, 0.1 * u))),
                       np.float32) / 255
        arr += (gain * m)[..., None]


def map_plastik(img: Image.Image, rng: random.Random, dpi: int, *,
                side: str | None = None) -> Image.Image:
    """Scanned inside a glossy plastic sheet protector: the page a little smaller than the
    scan, the sleeve's punched strip (11-15 mm, 4 or 11 holes showing the lid) beyond its
    left or right edge (``side``, else drawn) with the page's edge a fine line; over it all
    the plastic's milky haze, broad soft glare bands and a few hard highlights that wash
    the print out, and the sleeve's wrinkles as faint curved light-and-dark lines."""
    u = dpi / 25.4
    w, h = img.size
    side = side or rng.choice(("left", "right"))
    strip = rng.uniform(*SLEEVE["strip_mm"]) * u
    scale = (w - strip - rng.uniform(1.0, 2.5) * u) / w
    page = img.convert("RGB").resize((round(w * scale), round(h * scale)), Image.LANCZOS)
    out = Image.new("RGB", (w, h), LID)
    x0 = round(strip) if side == "left" else w - round(strip) - page.width
    y0 = (h - page.height) // 2
    out.paste(page, (x0, y0))
    d = ImageDraw.Draw(out)
    d.rectangle([x0, y0, x0 + page.width - 1, y0 + page.height - 1], outline=(150, 150, 148),
                width=1)
    holes = rng.choice(SLEEVE["holes"])
    hx = strip / 2 if side == "left" else w - strip / 2
    pitch = 80 * u if holes == 4 else 24 * u    # DIN 4-hole 80 mm; the 11-hole universal
    first = h / 2 - pitch * (holes - 1) / 2
    r = HOLE_MM * u / 2
    for k in range(holes):   # the punched holes: the lid, a darker rim round each
        hy = first + k * pitch
        d.ellipse([hx - r, hy - r, hx + r, hy + r], fill=(236, 236, 234),
                  outline=(120, 122, 124), width=max(1, round(0.15 * u)))
    seam = strip - 2.0 * u if side == "left" else w - strip + 2.0 * u   # the strip's weld
    d.line([(seam, 0), (seam, h)], fill=(196, 198, 200), width=max(1, round(0.25 * u)))
    arr = np.asarray(out, np.float32)
    haze = rng.uniform(*SLEEVE["haze"])
    arr = arr * (1 - haze) + 246 * haze
    for _ in range(rng.randint(*SLEEVE["wrinkles"])):
        _wrinkle(arr, rng, u)
    lift = sleeve_light((w, h), rng, u)[..., None]
    arr = arr * (1 - lift) + 253 * lift
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    return out.filter(ImageFilter.GaussianBlur(max(0.4, 0.04 * u)))


# -- kept rolled, photographed curling -----------------------------------------------------

def curl_maps(size: tuple[int, int], rng: random.Random, *, end: str = "far"
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Where each pixel of the photographed page comes from on the flat page (map_x, map_y,
    float32 h, w; outside it beyond the page), the page's cover (0..1) and its shade: the
    first part of the page along its length lies flat, the rest rises into a cylinder
    (its lines squeezed toward the curling ``end``, "far" at the bottom or top of the
    picture's long way, "near" the other end); the curl begins earlier mid-page than at
    the sides, so the lines there bow; what rises stands nearer the camera and shows a
    little wider; the curl is shaded as it turns from the light."""
    w, h = size
    long_ = max(w, h)
    flat = rng.uniform(*CURL["flat"]) * long_
    radius = rng.uniform(*CURL["radius"]) * long_
    sweep = min(rng.uniform(*CURL["sweep"]), (long_ - flat) / radius)
    bow = rng.uniform(*CURL["bow"]) * long_
    vertical = h >= w          # the page's length runs down the picture
    n_across, n_along = (w, h) if vertical else (h, w)
    across = np.arange(n_across, dtype=np.float32)
    mid = (n_across - 1) / 2
    start = flat - bow * (1 - ((across - mid) / mid) ** 2)        # (n_across,)
    along = np.arange(n_along, dtype=np.float32)[:, None]          # picture's position
    beyond = along - start[None, :]
    reach = radius * math.sin(sweep)
    inside = beyond <= reach
    s = np.where(beyond <= 0, along,
                 start[None, :] + radius * np.arcsin(np.clip(beyond / radius, -1, 1)))
    lift = np.where(beyond <= 0, 0.0, radius * (1 - np.cos(np.arcsin(np.clip(
        beyond / radius, -1, 1)))))
    grow = 1 + 0.35 * lift / long_
    src_across = mid + (across[None, :] - mid) / grow
    shade = np.where(beyond <= 0, 1.0, 1 - 0.45 * (np.clip(beyond / reach, 0, 1)) ** 1.6)
    cover = (inside & (s < n_along)).astype(np.float32)
    s = np.where(inside, s, n_along + 10)
    if vertical:
        map_x, map_y = src_across, s
    else:
        map_x, map_y = s.T, src_across.T
        cover, shade = cover.T, shade.T
    if end == "near":   # curling at the other end: the same, mirrored
        if vertical:
            map_x, map_y = map_x[::-1], (h - 1) - map_y[::-1]
            cover, shade = cover[::-1], shade[::-1]
        else:
            map_x, map_y = (w - 1) - map_x[:, ::-1], map_y[:, ::-1]
            cover, shade = cover[:, ::-1], shade[:, ::-1]
    return (np.ascontiguousarray(map_x, np.float32), np.ascontiguousarray(map_y, np.float32),
            np.ascontiguousarray(cover, np.float32), np.ascontiguousarray(shade, np.float32))


def _weight(size: tuple[int, int], rng: random.Random, u: float, corner: tuple[float, float]
            ) -> tuple[Image.Image, Image.Image]:
    """Something heavy set on the page's corner at ``corner`` (px): a phone, a stapler,
    a pencil case or a mug's foot, as an RGBA layer, and its soft shadow (L)."""
    w, h = size
    colour = np.array(rng.choice(WEIGHTS), np.float32)
    bw, bh = rng.uniform(40, 70) * u, rng.uniform(28, 45) * u
    angle = rng.uniform(-30, 30)
    block = Image.new("L", (int(bw), int(bh)), 0)
    ImageDraw.Draw(block).rounded_rectangle([0, 0, int(bw) - 1, int(bh) - 1],
                                            radius=int(5 * u), fill=255)
    block = block.rotate(angle, expand=True, resample=Image.BICUBIC)
    mask = Image.new("L", size, 0)
    mask.paste(block, (int(corner[0] - block.width / 2), int(corner[1] - block.height / 2)))
    yy = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    xx = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    sheen = 0.8 + 0.35 * (1 - (xx + yy) / 2)
    rgb = np.clip(colour[None, None, :] * sheen[..., None], 0, 255)
    layer = np.dstack([rgb, np.asarray(mask, np.float32)]).astype(np.uint8)
    shadow = mask.transform(size, Image.AFFINE, (1, 0, -2.5 * u, 0, 1, -3.5 * u))
    return Image.fromarray(layer, "RGBA"), shadow.filter(ImageFilter.GaussianBlur(3 * u))


def gulung(img: Image.Image, rng: random.Random, dpi: int, *, end: str | None = None,
           holder: str | None = None, turn: float | None = None) -> Image.Image:
    """A diploma kept rolled in a tube, photographed by a phone on a table while it curls
    up again: the page smaller than the frame with the table round it and turned a
    little (``turn`` degrees, else drawn), its far or near end (``end``) rising into a
    cylinder (:func:`curl_maps`: lines bowed and squeezed toward that end, shaded along
    the curl), the corner at the flat end held down by a thumb or a weight (``holder``:
    "jempol" or "beban", else drawn) with its shadow; the light falling off, a touch out
    of focus, the phone's noise, saved as a JPEG without EXIF."""
    u = dpi / 25.4
    w, h = img.size
    end = end or rng.choice(("far", "near"))
    holder = holder or rng.choice(("jempol", "beban"))
    map_x, map_y, cover, shade = curl_maps((w, h), rng, end=end)
    src = np.asarray(img.convert("RGB"), np.float32)
    page = cv2.remap(src, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                     borderValue=(0, 0, 0)) * shade[..., None]
    rgba = np.dstack([np.clip(page, 0, 255), cover * 255]).astype(np.uint8)
    photo = Image.fromarray(rgba, "RGBA")
    scale = rng.uniform(*CURL["scale"])
    photo = photo.resize((round(w * scale), round(h * scale)), Image.LANCZOS)
    angle = rng.uniform(*CURL["turn"]) if turn is None else turn
    photo = photo.rotate(angle, expand=True, resample=Image.BICUBIC)
    table = 255 - (255 - desk_texture((w, h), rng)) * rng.uniform(0.4, 0.55)   # a pale top
    g = np.random.default_rng(rng.getrandbits(32))
    grain = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 0.6 * u)
    out = Image.fromarray(np.uint8(np.clip(table * (1 + 0.05 * grain[..., None]), 0, 255)))
    x, y = (w - photo.width) // 2, (h - photo.height) // 2
    under = Image.new("L", (w, h), 0)
    under.paste(photo.split()[-1], (x + int(1.5 * u), y + int(2.5 * u)))
    out.paste((24, 20, 18), (0, 0), under.filter(ImageFilter.GaussianBlur(2.5 * u)).point(
        lambda v: int(v * 0.5)))
    out.paste(photo, (x, y), photo)
    # the flat end's corner: where the page lies on the table
    pw, ph = w * scale, h * scale
    near_start = (end == "far")          # the flat end: the start of the page's length
    if h >= w:
        flat_x = x + rng.choice((0.03, 0.97)) * pw
        flat_y = y + (0.03 if near_start else 0.97) * ph
    else:
        flat_x = x + (0.03 if near_start else 0.97) * pw
        flat_y = y + rng.choice((0.03, 0.97)) * ph
    if holder == "jempol":
        side = "left" if flat_x < w / 2 else "right"
        thumb, shadow = thumb_image((w, h), rng, u, side)
        out.paste((30, 22, 16), (0, 0), shadow.point(lambda v: int(v * 0.45)))
        out.paste(thumb, (0, 0), thumb)
    else:
        weight, shadow = _weight((w, h), rng, u, (flat_x, flat_y))
        out.paste((24, 20, 18), (0, 0), shadow.point(lambda v: int(v * 0.5)))
        out.paste(weight, (0, 0), weight)
    arr = np.asarray(out, np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    lx, ly = rng.uniform(0.2, 0.8) * w, rng.uniform(-0.2, 0.2) * h
    light = 1.04 - 0.25 * np.hypot(xx - lx, yy - ly) / math.hypot(w, h)
    arr = arr * light[..., None] * np.array((1.0, 0.98, 0.93), np.float32)
    arr = cv2.GaussianBlur(arr, (0, 0), max(0.5, 0.05 * u))
    arr = arr + g.normal(0, 2.5, arr.shape).astype(np.float32)
    pic = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    return jpeg(pic, rng.randint(*CURL["quality"]))   # (PIL writes no EXIF unless given)


FINISHES = {"map_plastik": map_plastik, "gulung": gulung}
GROUP24_CUES = {"akper_direktur": akper_direktur, "stai_ketua": stai_ketua}
GROUP24_BORDERS = {"renda": renda, "kufi": kufi}
HEADERS = {"akper_kepala": akper_kepala, "stai_kepala": stai_kepala}

__all__ = ["CURL", "FINISHES", "GROUP24_BORDERS", "GROUP24_CUES", "HEADERS", "HOLE_MM", "LID",
           "SLEEVE", "WEIGHTS", "akper_direktur", "akper_kepala", "curl_maps", "gulung",
           "kufi", "map_plastik", "renda", "sleeve_light", "stai_kepala", "stai_ketua"]
