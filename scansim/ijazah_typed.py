"""Sixth-group diplomas: an old STTB (Surat Tanda Tamat Belajar) whose pre-printed form was
filled in on a typewriter over dotted lines, its paper yellowed, spotted and folded, and
a Paket certificate that names its holder in mixed case after "kepada saudara"."""
from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from scansim.ijazah_faces import face
from scansim.ornament import stamp

# How an STTB of the 1980s and 90s words the rows of its form ("" leaves a row out).
OLD_ROWS = {"tempat dan tanggal lahir": "Tempat dan Tanggal Lahir",
            "nomor induk siswa nasional": "Nomor Induk", "nama orang tua/wali": "Nama Orang Tua",
            "satuan pendidikan": "", "kompetensi keahlian": "Jurusan"}
RIBBON = (30, 28, 34)   # a worn black typewriter ribbon


def typed(p, x_mm: float, y_mm: float, text: str, size_mm: float, rng: random.Random) -> None:
    """``text`` struck on a typewriter: fixed pitch, each letter a little off the line and
    inked more or less as the ribbon and the key's force give."""
    fnt = face("typewriter", int(size_mm * p.u))
    x = x_mm * p.u
    heavy = round(0.05 * p.u)   # the type bar presses ink wider than the face draws
    for ch in text:
        if ch != " ":
            light = rng.uniform(0.0, 0.3)
            ink = tuple(int(c + light * (190 - c)) for c in RIBBON)
            dy = rng.gauss(0, 0.07) * p.u
            p.d.text((x, y_mm * p.u + dy), ch, font=fnt, fill=ink, stroke_width=heavy,
                     stroke_fill=ink)
        x += p.d.textlength(ch, font=fnt)


def dotted_rows(p, dz, body: float, x: tuple[float, float, float], y: float,
                items: list[tuple[str, str]], *, dots_dy: float, dots_fill: tuple,
                pitch: float, fill_in) -> float:
    """A form's rows: each a printed label at ``x[0]``, a colon and a dotted line from
    ``x[1]`` to ``x[2]`` (mm), ``dots_dy`` below the row's top, in ``dots_fill``; each
    value put on its line by ``fill_in(label, value, y)``, the rows ``pitch`` apart. The
    y after the last row."""
    lab_x, col_x, end = x
    dot_font = face(dz.body, int(body * p.u))
    dots = "." * int((end - col_x) * p.u / p.d.textlength(".", font=dot_font))
    for label, value in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y + dots_dy, dots, dz.body, body, fill=dots_fill)
        fill_in(label, value, y)
        y += pitch
    return y


def pelajar_ketik(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """"menerangkan bahwa :", then the form's rows ("Nama Pelajar" first), each a printed
    label, a colon and a dotted line the value is typed onto; the school's stamp pressed
    over the end of the last rows."""
    body, _ = sizes
    rng = random.Random(name)   # the typist's hand: the same for the same holder
    wmm = p.w / p.u
    lab_x, col_x, end = wmm * 0.13, wmm * 0.13 + 55, wmm * 0.86
    p.text(lab_x, y, "Kepala Sekolah tersebut di atas menerangkan bahwa :", dz.body, body)
    y += body + 6
    school = dict(rows).get("satuan pendidikan", "").upper()
    items = [("Nama Pelajar", name)] + [(OLD_ROWS.get(label, label.title()), value)
                                        for label, value in rows if OLD_ROWS.get(label, "x")]

    def type_in(label: str, value: str, row_y: float) -> None:
        if label == "Nomor Induk":
            value = value[-4:]   # a school's own register number, before the NISN
        typed(p, col_x + 2, row_y - 0.2, value, body * 1.1, rng)

    y = dotted_rows(p, dz, body, (lab_x, col_x, end), y, items, dots_dy=0.4,
                    dots_fill=(90, 80, 70), pitch=body + 5, fill_in=type_in)
    seal = stamp(int(27 * p.u), rng, school or "SEKOLAH", (96, 70, 150), seal="garuda")
    seal = seal.rotate(rng.uniform(-25, 25))
    p.img.paste(seal, (int((end - 30) * p.u), int((y - 2 * body - 19) * p.u)), seal)
    return y


def kepada_saudara(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                   sizes: tuple[float, float]) -> float:
    """A sentence ending "kepada saudara :", the name under it in mixed case as the holder
    writes it ("Ahmad Fauzi"), a rule under the name, then the rows."""
    body, big = sizes
    wmm = p.w / p.u
    lab_x, col_x = wmm * 0.14, wmm * 0.14 + 56
    p.text(lab_x, y, "Pusat Kegiatan Belajar Masyarakat tersebut di atas memberikan ijazah",
           dz.body, body)
    p.text(lab_x, y + body + 2, "kepada saudara :", dz.body, body)
    y += 2 * body + 6
    shown = " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    p.centre(y, shown, dz.name_face, big, width_mm=wmm * 0.66)
    rule = (y + big * 1.2) * p.u
    p.d.line([(wmm * 0.2 * p.u, rule), (wmm * 0.8 * p.u, rule)], fill=dz.accent,
             width=max(1, round(0.25 * p.u)))
    y += big + 8
    for label, value in rows:
        p.text(lab_x, y, label[:1].upper() + label[1:], dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value.replace("Pkbm", "PKBM"), dz.body, body,
               width_mm=wmm * 0.86 - col_x)
        y += body + 3
    return y


def aged_paper(img: Image.Image, rng: random.Random, amount: float, dpi: int) -> Image.Image:
    """Thirty years in a drawer: the sheet yellowed towards its edges, brown foxing spots,
    and the creases of a sheet once folded in four."""
    u = dpi / 25.4
    w, h = img.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    edge = np.maximum(np.abs(xx / w - 0.5), np.abs(yy / h - 0.5)) * 2   # 0 middle, 1 edge
    brown = np.array([196, 160, 98], np.float32)
    share = (amount * (0.12 + 0.3 * edge ** 3))[..., None]
    out = np.asarray(img, np.float32) * (1 - share) + brown * share
    img = Image.fromarray(np.uint8(np.clip(out, 0, 255)))
    spots = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(spots)
    for _ in range(int(rng.randint(20, 45) * amount)):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.4, 2.2) * u
        d.ellipse([x - r, y - r, x + r, y + r], fill=int(rng.uniform(40, 110) * amount))
    spots = spots.filter(ImageFilter.GaussianBlur(0.6 * u))
    img = Image.composite(Image.new("RGB", img.size, (150, 104, 52)), img, spots)
    crease = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(crease)
    cx, cy = w / 2 + rng.uniform(-3, 3) * u, h / 2 + rng.uniform(-3, 3) * u
    d.line([(cx, 0), (cx + rng.uniform(-2, 2) * u, h)], fill=int(120 * amount),
           width=max(1, round(0.25 * u)))
    d.line([(0, cy), (w, cy + rng.uniform(-2, 2) * u)], fill=int(120 * amount),
           width=max(1, round(0.25 * u)))
    crease = crease.filter(ImageFilter.GaussianBlur(0.4 * u))
    return Image.composite(Image.new("RGB", img.size, (120, 100, 70)), img, crease)


TYPED_CUES = {"pelajar_ketik": pelajar_ketik, "kepada_saudara": kepada_saudara}

__all__ = ["TYPED_CUES", "aged_paper", "kepada_saudara", "pelajar_ketik", "typed"]
