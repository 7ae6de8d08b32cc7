"""Tenth-group diplomas: an SMK ijazah that sets its holder's name in capitals in a tinted,
ruled box, and an SMP ijazah of the 2000s whose pre-printed form (its labels in a green ink,
"N a m a" spaced out to the width of the longer labels) the school filled in on a dot-matrix
printer, the paper fed a little off so the values sit off their dotted lines."""
from __future__ import annotations

import random

from scansim.ijazah_cues import _titled
from scansim.ijazah_faces import face
from scansim.ktp_prints import dot_text

BOX_PAD_MM = 4.0          # the name box's padding round the name, left and right
MISFEED_MM = (1.6, 1.2)   # how far (right, down) a form may be fed off its dotted lines
# How a form of the 2000s words its rows ("" leaves a row out).
FORM_ROWS = {"tempat dan tanggal lahir": "Tempat dan Tanggal Lahir",
             "nama orang tua/wali": "Nama Orang Tua / Wali",
             "nomor induk siswa nasional": "Nomor Induk Siswa Nasional",
             "satuan pendidikan": "", "kompetensi keahlian": "Program Keahlian"}
DOT_INK = (34, 32, 40)    # a dot-matrix printer's worn black ribbon
NAME_SCALE = 1.45         # the printed name this much larger than the other values


def _pale(color, share: float) -> tuple[int, ...]:
    return tuple(int(c * share + 255 * (1 - share)) for c in color)


def nama_kotak(p, dz, y: float, name: str, rows: list[tuple[str, str]],
               sizes: tuple[float, float]) -> float:
    """"Kepala Sekolah Menengah Kejuruan dengan ini menerangkan bahwa" centred, the name in
    capitals centred in a pale tinted box ruled in the accent colour, then the rows with
    their labels in the accent colour."""
    body, big = sizes
    wmm = p.w / p.u
    p.centre(y, "Kepala Sekolah Menengah Kejuruan dengan ini menerangkan bahwa", dz.body, body)
    y += body + 4
    fnt = p.font(dz.name_face, big)
    text_mm = min(p.d.textlength(name, font=fnt) / p.u, wmm * 0.56)
    half = max(text_mm / 2 + BOX_PAD_MM, wmm * 0.22)
    u, cx = p.u, wmm / 2
    top, high = y - big * 0.4, big * 1.8
    p.d.rounded_rectangle([(cx - half) * u, top * u, (cx + half) * u, (top + high) * u],
                          radius=1.6 * u, fill=_pale(dz.accent, 0.12), outline=dz.accent,
                          width=max(2, round(0.5 * u)))
    p.centre(y, name, dz.name_face, big, width_mm=wmm * 0.56)
    y = top + high + 4
    lab_x, col_x = wmm * 0.22, wmm * 0.22 + 62
    for label, value in rows:
        p.text(lab_x, y, _titled(label).replace("/wali", "/Wali"), dz.body, body,
               fill=dz.accent)
        p.text(col_x - 3, y, ":", dz.body, body, fill=dz.accent)
        p.text(col_x, y, value.replace("Smk", "SMK"), dz.body, body,
               width_mm=wmm * 0.8 - col_x)
        y += body + 2.2
    return y


def spaced_label(label: str) -> str:
    """A short label spread letter by letter, as old forms set it: "Nama" -> "N a m a"."""
    return " ".join(label)


def isian_printer(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """"Yang bertanda tangan di bawah ini, Kepala Sekolah Menengah Pertama, menerangkan
    dengan sesungguhnya bahwa:", then the form's rows in the accent ink ("N a m a" first),
    each with a dotted line; the values struck by a dot-matrix printer in black, all of
    them off their lines by the same misfeed."""
    body, _ = sizes
    big = body * NAME_SCALE
    rng = random.Random(f"misfeed {name}")   # the same sheet's feed for the same holder
    wmm = p.w / p.u
    lab_x, col_x, end = wmm * 0.14, wmm * 0.14 + 58, wmm * 0.86
    lines = ("Yang bertanda tangan di bawah ini, Kepala Sekolah Menengah Pertama,",
             "menerangkan dengan sesungguhnya bahwa :")
    for line in lines:
        p.text(lab_x, y, line, dz.body, body, fill=dz.accent)
        y += body + 1.8
    y += 4
    items = [(spaced_label("Nama"), name)] + [
        (FORM_ROWS.get(label, _titled(label)), value) for label, value in rows
        if FORM_ROWS.get(label, "x")]
    dx, dy = (rng.uniform(-0.4, 1.0) * MISFEED_MM[0], rng.uniform(-1.0, 1.0) * MISFEED_MM[1])
    dots_font = face(dz.body, int(body * p.u))
    dots = "." * int((end - col_x) * p.u / p.d.textlength(".", font=dots_font))
    pitch = body + 6
    for k, (label, value) in enumerate(items):
        p.text(lab_x, y, label, dz.body, body, fill=dz.accent)
        p.text(col_x - 3, y, ":", dz.body, body, fill=dz.accent)
        p.text(col_x, y + 0.6, dots, dz.body, body, fill=_pale(dz.accent, 0.7))
        size = big if k == 0 else body * 1.05
        fnt = face(dz.name_face, int(size * p.u))
        room = (end - col_x - 2 - dx) * p.u
        while fnt.size > 8 and p.d.textlength(value, font=fnt) > room:
            fnt = face(dz.name_face, fnt.size - 1)
        # set on the dotted line: the value's foot where the dots sit, as the form means
        foot = y + body * 0.95 - fnt.size / p.u * 0.8
        dot_text(p.d, ((col_x + 2 + dx) * p.u, (foot + dy) * p.u), value, fnt, DOT_INK,
                 rows=14, dot=0.58)
        y += pitch + (big - body if k == 0 else 0)
    return y


GROUP10_CUES = {"nama_kotak": nama_kotak, "isian_printer": isian_printer}

__all__ = ["GROUP10_CUES", "isian_printer", "nama_kotak", "spaced_label"]
