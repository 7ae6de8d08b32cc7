"""Seventh-group diplomas: a modern SMA/SMK ijazah whose identity table names the parent
right under the holder, in the same type, and an old SD ijazah whose pre-printed form was
filled in by hand, with a pen, in a joined cursive."""
from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw

from formgen.core.yamlfile import load_yaml
from scansim.ijazah_faces import face
from scansim.ijazah_typed import dotted_rows

DATA = Path(__file__).with_name("data") / "ijazah.yaml"

# The identity rows of a modern ijazah, in their order and wording (the parent's name comes
# right under the holder's, from PARENTS below).
MODERN_ROWS = (("tempat dan tanggal lahir", "Tempat dan Tanggal Lahir"),
               ("nomor induk siswa nasional", "Nomor Induk Siswa Nasional"),
               ("satuan pendidikan", "Satuan Pendidikan"),
               ("kompetensi keahlian", "Kompetensi Keahlian"))
# The rows an SD form of the 1970s-80s has, as it words them ("" leaves a row out).
SD_ROWS = {"tempat dan tanggal lahir": "tempat dan tanggal lahir",
           "nomor induk siswa nasional": "nomor induk", "nama orang tua/wali": "nama orang tua",
           "satuan pendidikan": ""}
PEN = (28, 40, 104)   # blue-black fountain-pen ink


@cache
def _parents() -> tuple[str, ...]:
    return tuple(load_yaml(DATA)["parent_names"])


def parent_name(name: str) -> str:
    """A parent's full name (data/ijazah.yaml) for the holder ``name``: the same for the
    same holder, never the holder's own."""
    rng = random.Random(f"parent-{name}")
    return rng.choice([p for p in _parents() if p != name])


def orang_tua_table(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                    sizes: tuple[float, float]) -> float:
    """"menerangkan bahwa:", then the identity table: Nama, then Nama Orang Tua/Wali right
    under it, both in capitals in the same bold face and size, then the other rows."""
    body, _ = sizes
    wmm = p.w / p.u
    lab_x, col_x = wmm * 0.14, wmm * 0.14 + 58
    p.text(lab_x, y, "Kepala Sekolah tersebut di atas dengan ini menerangkan bahwa:", dz.body,
           body)
    y += body + 5
    values = dict(rows)
    items = [("Nama", name, True), ("Nama Orang Tua/Wali", parent_name(name), True)]
    items += [(shown, values[key], False) for key, shown in MODERN_ROWS if key in values]
    for label, value, bold in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y - (0.25 if bold else 0), value.replace("Sma ", "SMA "),
               dz.name_face if bold else dz.body, body * (1.15 if bold else 1.0),
               width_mm=wmm * 0.87 - col_x)
        y += body + 3.4
    return y


def _written(p, x_mm: float, y_mm: float, text: str, size_mm: float, rng: random.Random
             ) -> None:
    """``text`` written with a pen: joined cursive, words a little apart and off the line,
    the line rising a little to the right, the ink heavier and lighter with the pen."""
    fnt = face("dancing_script", int(size_mm * p.u))
    width = int(p.d.textlength(text, font=fnt) * 1.2 + 4 * p.u)
    height = int(size_mm * 2.2 * p.u)
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    x = 0.0
    for word in text.split():
        tone = rng.uniform(0.0, 0.25)
        ink = tuple(int(c + tone * (150 - c)) for c in PEN) + (255,)
        d.text((x, size_mm * 0.4 * p.u + rng.gauss(0, 0.12) * p.u), word, font=fnt, fill=ink,
               stroke_width=round(0.04 * p.u), stroke_fill=ink)
        x += d.textlength(word + " ", font=fnt) * rng.uniform(1.0, 1.15)
    layer = layer.rotate(rng.uniform(0.4, 1.6), resample=Image.BICUBIC, expand=True)
    p.img.paste(layer, (int(x_mm * p.u), int((y_mm - size_mm * 0.75) * p.u)), layer)


def tulis_tangan(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                 sizes: tuple[float, float]) -> float:
    """A pre-printed form: "menerangkan bahwa murid:", then rows of a label, a colon and a
    dotted line, the name and the other values written on them by hand in cursive."""
    body, _ = sizes
    rng = random.Random(f"pen-{name}")   # the clerk's hand: the same for the same holder
    wmm = p.w / p.u
    lab_x, col_x, end = wmm * 0.13, wmm * 0.13 + 50, wmm * 0.87
    p.text(lab_x, y, "Kepala Sekolah Dasar tersebut di atas menerangkan bahwa murid :",
           dz.body, body)
    y += body + 8
    shown = " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    items = [("nama murid", shown)] + [(SD_ROWS.get(label, label), value)
                                       for label, value in rows if SD_ROWS.get(label, "x")]

    def write_in(label: str, value: str, row_y: float) -> None:
        if label == "nomor induk":
            value = value[-3:]   # the school's own register number
        _written(p, col_x + rng.uniform(1, 4), row_y - 0.6, value, body * 1.45, rng)

    return dotted_rows(p, dz, body, (lab_x, col_x, end), y, items, dots_dy=0.5,
                       dots_fill=(110, 100, 90), pitch=body + 6.5, fill_in=write_in)


GROUP7_CUES = {"orang_tua_table": orang_tua_table, "tulis_tangan": tulis_tangan}

__all__ = ["GROUP7_CUES", "orang_tua_table", "parent_name", "tulis_tangan"]
