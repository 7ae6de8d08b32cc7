"""Thirteenth-group diplomas: an MI (madrasah ibtidaiyah) ijazah of the Departemen Agama
years whose head states "bahwa anak tersebut di bawah ini", its numbered rows filled in on
a typewriter, in a frame of a leafy vine between two rules, handed in as a fax (fine mode,
black and white, a little skewed, the sending machine's header line along the top); and a
magister's or doctor's diploma whose rector "menganugerahkan kepada" the holder, the name
centred in bold italics and the student number as "Nomor Pokok Mahasiswa", in triple rules
with laurel sprigs at the corners, laminated in clear plastic and scanned (a milky film,
light caught where the film stood off the glass, trapped air bubbles, Newton's rings)."""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from scansim.draw import font as dejavu
from scansim.ijazah_faces import face

RIBBON = (34, 30, 40)          # a typewriter's ribbon
FAX_DPI = (204, 196)           # a fax's fine mode: dots per inch across, lines per inch down


def _typed(p, role: str, x_mm: float, y_mm: float, text: str, size_mm: float,
           rng: random.Random) -> float:
    """``text`` struck on a typewriter in face ``role``: letter by letter, each a little
    off the line and inked as the key's force gives; the x (mm) after it."""
    fnt = face(role, int(size_mm * p.u))
    x = x_mm * p.u
    for ch in text:
        if ch != " ":
            light = rng.uniform(0.0, 0.25)
            ink = tuple(int(c + light * (170 - c)) for c in RIBBON)
            p.d.text((x + rng.gauss(0, 0.04) * p.u, y_mm * p.u + rng.gauss(0, 0.06) * p.u),
                     ch, font=fnt, fill=ink)
        x += p.d.textlength(ch, font=fnt)
    return x / p.u


def anak_tersebut(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """"Kepala Madrasah Ibtidaiyah tersebut di atas dengan ini menyatakan, bahwa anak
    tersebut di bawah ini :", then numbered rows (1. Nama, 2. Tempat dan Tanggal Lahir, 3.
    Nama Orang Tua/Wali, 4. Nomor Induk), each value typed after its colon, the name in
    typed capitals a size larger."""
    body, big = sizes
    wmm = p.w / p.u
    lab_x = wmm * 0.13
    col_x = lab_x + 56
    rng = random.Random(f"mesin tik {name}")   # the typist's hand: the same for the holder
    p.text(lab_x, y, "Kepala Madrasah Ibtidaiyah tersebut di atas dengan ini menyatakan,",
           dz.body, body, width_mm=wmm * 0.74)
    y += body + 2.4
    p.text(lab_x, y, "bahwa anak tersebut di bawah ini :", dz.body, body)
    y += body + 6
    values = dict(rows)
    induk = values.get("nomor induk siswa nasional", "")[-4:]
    items = [("Nama", name), ("Tempat dan Tanggal Lahir",
                              values.get("tempat dan tanggal lahir", "")),
             ("Nama Orang Tua/Wali", values.get("nama orang tua/wali", "")),
             ("Nomor Induk", induk)]
    for k, (label, value) in enumerate(items, start=1):
        p.text(lab_x, y, f"{k}.", dz.body, body)
        p.text(lab_x + 6, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        if label == "Nama":
            size = min(big * 0.8, body * 1.5)
            _typed(p, dz.name_face, col_x + 1, y - (size - body) * 0.7, value, size, rng)
            y += size + 4
        else:
            _typed(p, dz.name_face, col_x + 1, y - 0.1, value, body * 1.05, rng)
            y += body + 3.6
    return y


def menganugerahkan(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                    sizes: tuple[float, float]) -> float:
    """"Berdasarkan keputusan Senat Universitas, Rektor dengan ini menganugerahkan kepada"
    centred, the name centred large in bold italics, then centred lines of the student
    number ("Nomor Pokok Mahasiswa"), the birth and the study programme."""
    body, big = sizes
    wmm = p.w / p.u
    values = dict(rows)
    p.centre(y, "Berdasarkan keputusan Senat Universitas,", dz.body, body)
    p.centre(y + body + 2.2, "Rektor dengan ini menganugerahkan kepada", dz.body, body)
    y += 2 * body + 7
    size = big * 1.1
    p.centre(y, name, dz.name_face, size, width_mm=wmm * 0.7)
    y += size * 1.2 + 4
    place, _, date = values.get("tempat dan tanggal lahir", "").partition(", ")
    for line in (f"Nomor Pokok Mahasiswa: {values.get('nomor induk mahasiswa', '')}",
                 f"lahir di {place}, tanggal {date}",
                 f"Program Studi {values.get('program studi', '')}"):
        p.centre(y, line, dz.body, body, width_mm=wmm * 0.74)
        y += body + 2.6
    return y


def _leaf(d: ImageDraw.ImageDraw, x: float, y: float, length: float, angle: float,
          color) -> None:
    """A lens-shaped leaf from (x, y), ``length`` long, pointing ``angle`` (radians)."""
    pts = []
    for k in range(13):
        t = k / 12
        pts.append((t, 0.28 * math.sin(math.pi * t)))
    pts += [(t, -s) for t, s in reversed(pts)]
    ca, sa = math.cos(angle), math.sin(angle)
    d.polygon([(x + length * (t * ca - s * sa), y + length * (t * sa + s * ca))
               for t, s in pts], fill=color)


def sulur_daun(img: Image.Image, color, rng: random.Random, *, dpi: int,
               margin_mm: float) -> None:
    """A frame of a leafy vine: a heavy outer rule, a thin inner one and between them a
    vine waving along every side, a leaf on alternate sides of it every half wave, a
    five-petalled flower in each corner."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m, band = margin_mm * u, 6.5 * u
    thin = max(1, int(0.22 * u))
    d.rectangle([m, m, w - m, h - m], outline=color, width=int(0.7 * u))
    d.rectangle([m + band, m + band, w - m - band, h - m - band], outline=color, width=thin)
    mid = m + band / 2
    period = rng.uniform(11, 13) * u
    amp = band * 0.16
    leaf = band * 0.34

    def vine(x0: float, y0: float, x1: float, y1: float) -> None:
        length = math.hypot(x1 - x0, y1 - y0)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        nx, ny = -uy, ux
        ts = np.arange(0, length, max(2.0, 0.3 * u))
        off = amp * np.sin(2 * math.pi * ts / period)
        d.line(list(zip((x0 + ts * ux + off * nx).tolist(), (y0 + ts * uy + off * ny).tolist(),
                        strict=True)), fill=color, width=thin)
        k = 0
        t = period / 4
        while t < length - period / 4:
            side = 1 if k % 2 == 0 else -1
            bx = x0 + t * ux + amp * side * nx
            by = y0 + t * uy + amp * side * ny
            ang = math.atan2(uy, ux) + side * math.radians(50)
            _leaf(d, bx, by, leaf, ang, color)
            t += period / 2
            k += 1

    corner = band * 0.9
    vine(m + corner, mid, w - m - corner, mid)
    vine(m + corner, h - mid, w - m - corner, h - mid)
    vine(mid, m + corner, mid, h - m - corner)
    vine(w - mid, m + corner, w - mid, h - m - corner)
    for cx, cy in ((mid, mid), (w - mid, mid), (mid, h - mid), (w - mid, h - mid)):
        for k in range(5):
            _leaf(d, cx, cy, band * 0.42, math.radians(18 + 72 * k), color)
        d.ellipse([cx - 0.7 * u, cy - 0.7 * u, cx + 0.7 * u, cy + 0.7 * u], outline=color,
                  width=thin)


def laurel_rules(img: Image.Image, color, rng: random.Random, *, dpi: int,
                 margin_mm: float) -> None:
    """Three rules round the page (thin, heavy, thin) and a laurel sprig in each corner: a
    curved stem along the corner's diagonal with pairs of leaves."""
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    w, h = img.size
    m = margin_mm * u
    for inset, width in ((0.0, 0.25), (1.3, 0.7), (2.9, 0.25)):
        k = m + inset * u
        d.rectangle([k, k, w - k, h - k], outline=color, width=max(1, int(width * u)))
    thin = max(1, int(0.25 * u))
    reach = rng.uniform(17, 20) * u
    inner = m + 5.5 * u
    for cx, cy, sx, sy in ((inner, inner, 1, 1), (w - inner, inner, -1, 1),
                           (inner, h - inner, 1, -1), (w - inner, h - inner, -1, -1)):
        for arm in (0, 1):   # two branches leaving the corner along its two rules
            pts = []
            for k in range(20):
                t = k / 19 * reach
                bow = 0.12 * reach * math.sin(math.pi * k / 19)
                x, y = (t, bow) if arm == 0 else (bow, t)
                pts.append((cx + sx * x, cy + sy * y))
            d.line(pts, fill=color, width=thin)
            for k in range(2, 19, 3):
                x0, y0 = pts[k]
                x1, y1 = pts[k + 1]
                ang = math.atan2(y1 - y0, x1 - x0)
                for side in (1, -1):
                    _leaf(d, x0, y0, 2.6 * u, ang + side * math.radians(40), color)


def fax(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page as a fax in fine mode prints it: read at 204 x 196 dpi, each dot black or
    white (no greys: pale tints and the paper go white), fed a little askew with the
    motor's small unevenness down the page, a few scan lines lost, and the sending machine's
    header line (the wartel's number and name, the date and time, the page) along the top."""
    w, h = img.size
    fw, fh = round(w * FAX_DPI[0] / dpi), round(h * FAX_DPI[1] / dpi)
    grey = img.convert("L").rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC,
                                   fillcolor=255)
    small = np.asarray(grey.resize((fw, fh), Image.BOX), float)
    # the motor's unevenness: each line read from a little above or below where it should
    drift = np.cumsum(np.random.default_rng(rng.getrandbits(32)).normal(0, 0.05, fh))
    drift -= np.linspace(0, drift[-1], fh)
    rows = np.clip(np.round(np.arange(fh) + drift).astype(int), 0, fh - 1)
    small = small[rows]
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0, 9, small.shape)
    dots = np.where(small + noise < rng.uniform(132, 150), 0, 255).astype(np.uint8)
    for _ in range(rng.randint(2, 5)):   # lines lost: the one before is printed again
        at = rng.randint(40, fh - 2)
        dots[at] = dots[at - 1]
    fx = Image.fromarray(dots, "L")
    d = ImageDraw.Draw(fx)
    when = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2005, 2013)} " \
           f"{rng.randint(7, 15):02d}:{rng.randint(0, 59):02d}"
    kiosk = rng.choice(["WARTEL MITRA", "WARTEL SINAR JAYA", "WARTEL BERKAH", "FOTOKOPI ANDA"])
    line = f"{when}   FAX 0532{rng.randint(20000, 29999)}   {kiosk}   " \
           f"HAL. 001/00{rng.randint(1, 3)}"
    d.text((round(fw * 0.04), round(fh * 0.006)), line,
           font=dejavu("mono_bold", max(8, round(fh * 0.0075))), fill=0)
    fx = fx.point(lambda v: 0 if v < 128 else 255)   # the header, too, in whole dots
    return fx.resize((w, h), Image.NEAREST).convert("RGB")


def laminated(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The page laminated in clear plastic and scanned: a faint milky film over it, one or
    two soft bright bands where the film stood off the glass, a few trapped air bubbles
    (pale, with a fine rim) and a patch of Newton's rings (faint coloured rings) where the
    film touched the glass."""
    u = dpi / 25.4
    w, h = img.size
    arr = np.asarray(img, float)
    arr = arr * 0.92 + np.array((250.0, 250.0, 246.0)) * 0.08   # the film's haze
    ys = np.arange(h, dtype=float)[:, None]
    xs = np.arange(w, dtype=float)[None, :]
    lift = np.zeros((h, w))
    for _ in range(rng.randint(1, 2)):   # bands of light caught in the film
        at, half = rng.uniform(0.15, 0.85) * h, rng.uniform(5, 10) * u
        tilt = rng.uniform(-0.03, 0.03)
        lift += 0.4 * np.exp(-((ys - at - tilt * xs) / half) ** 2)
    for _ in range(rng.randint(3, 6)):   # trapped air (drawn in a window round each)
        bx, by = rng.uniform(0.08, 0.92) * w, rng.uniform(0.08, 0.92) * h
        rx, ry = rng.uniform(1.5, 5) * u, rng.uniform(1.0, 3.5) * u
        x0, x1 = max(0, int(bx - 1.5 * rx)), min(w, int(bx + 1.5 * rx) + 1)
        y0, y1 = max(0, int(by - 1.5 * ry)), min(h, int(by + 1.5 * ry) + 1)
        r = np.sqrt(((xs[:, x0:x1] - bx) / rx) ** 2 + ((ys[y0:y1] - by) / ry) ** 2)
        lift[y0:y1, x0:x1] += 0.22 * np.clip(1 - r, 0, 1) ** 0.5
        arr[y0:y1, x0:x1] -= (26 * np.exp(-((r - 1) / 0.08) ** 2))[..., None]
    lift = np.clip(lift, 0, 0.5)[..., None]
    arr = arr * (1 - lift) + 255 * lift
    nx, ny = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    x0, x1 = max(0, int(nx - 30 * u)), min(w, int(nx + 30 * u))
    y0, y1 = max(0, int(ny - 30 * u)), min(h, int(ny + 30 * u))
    r = np.hypot(xs[:, x0:x1] - nx, ys[y0:y1] - ny)
    ring = np.sin((r / (1.1 * u)) ** 2 * 0.8) * np.exp(-(r / (11 * u)) ** 2)
    arr[y0:y1, x0:x1] += ring[..., None] * np.array((12.0, -4.0, -12.0))
    out = Image.fromarray(np.uint8(np.clip(arr, 0, 255)), "RGB")
    return out.filter(ImageFilter.GaussianBlur(0.25 * dpi / 300))


FINISHES = {"fax": fax, "laminated": laminated}
GROUP13_CUES = {"anak_tersebut": anak_tersebut, "menganugerahkan": menganugerahkan}
GROUP13_BORDERS = {"sulur_daun": sulur_daun, "laurel_rules": laurel_rules}

__all__ = ["FINISHES", "GROUP13_BORDERS", "GROUP13_CUES", "anak_tersebut", "fax",
           "laminated", "laurel_rules", "menganugerahkan", "sulur_daun"]
