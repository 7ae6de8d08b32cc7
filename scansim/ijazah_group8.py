"""Eighth-group diplomas: a madrasah ijazah under an Arabic-script header (the basmalah and
"asy-syahadah" in Amiri) whose identity table carries the NISN on the name's line and a
photo, stamped over its corner, beside the rows; and a school diploma whose holder's name
stands alone in large EB Garamond small capitals, over a two-column Indonesian | English
table, on a darker security paper whose pattern comes through the copy."""
from __future__ import annotations

import random

from PIL import Image

from scansim.draw import draw_person
from scansim.ijazah_faces import face
from scansim.ornament import stamp

BASMALAH = "بِسْمِ اللهِ الرَّحْمٰنِ الرَّحِيْمِ"
SYAHADAH = "الشَّهَادَةُ"
# The English a two-column diploma sets beside each Indonesian label.
ENGLISH = {"tempat dan tanggal lahir": "Place and Date of Birth",
           "nomor induk siswa nasional": "National Student Number",
           "nama orang tua/wali": "Parent/Guardian",
           "satuan pendidikan": "School",
           "kompetensi keahlian": "Field of Expertise"}
STAMP_INK = (74, 52, 148)


def _titled(label: str) -> str:
    return " ".join(w if w in ("dan", "dan/atau") else w[:1].upper() + w[1:]
                    for w in label.split(" "))


def _photo(p, x_mm: float, y_mm: float, name: str, school: str) -> None:
    """A 3 x 4 photo pasted at (x_mm, y_mm), the school's stamp pressed over its lower left
    corner."""
    rng = random.Random(f"photo-{name}")   # the same holder's same photo
    pw, ph = round(28 * p.u), round(37 * p.u)
    photo = Image.new("RGB", (pw, ph), (226, 226, 226))
    draw_person(photo, (0, 0, pw, ph), rng)
    x, y = round(x_mm * p.u), round(y_mm * p.u)
    p.img.paste(photo.convert("L").convert("RGB"), (x, y))
    p.d.rectangle([x, y, x + pw, y + ph], outline=p.ink, width=max(1, round(0.2 * p.u)))
    seal = stamp(round(26 * p.u), rng, school, STAMP_INK, seal="kemenag")
    p.img.paste(seal, (x - round(11 * p.u), y + ph - round(14 * p.u)), seal)


def madrasah_arab(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                  sizes: tuple[float, float]) -> float:
    """The Arabic header at the top of the sheet; then "menerangkan bahwa:", the name in
    bold capitals after "Nama" with the NISN at the end of the same line, and the other rows
    beside a stamped photo."""
    body, _ = sizes
    wmm = p.w / p.u
    p.centre(17.5, BASMALAH, "amiri", 6.0)
    p.centre(28.0, SYAHADAH, "amiri_bold", 10.0, fill=dz.accent)
    lab_x, col_x, end = wmm * 0.12, wmm * 0.12 + 50, wmm * 0.88
    values = dict(rows)
    nisn = values.pop("nomor induk siswa nasional", "")
    school = values.get("satuan pendidikan", "MADRASAH")
    p.text(lab_x, y, "Kepala Madrasah dengan ini menerangkan bahwa:", dz.body, body)
    y += body + 5
    p.text(lab_x, y, "Nama", dz.body, body)
    p.text(col_x - 3, y, ":", dz.body, body)
    nisn_text = f"NISN : {nisn}"
    nisn_mm = p.d.textlength(nisn_text, font=face(dz.body, int(body * p.u))) / p.u
    room = end - col_x - nisn_mm - 8
    p.text(col_x, y - 0.3, name, dz.name_face, body * 1.2, width_mm=room)
    name_mm = p.d.textlength(name, font=face(dz.name_face, int(body * 1.2 * p.u))) / p.u
    p.text(col_x + min(name_mm, room) + 8, y, nisn_text, dz.body, body)
    y += body + 5
    photo_top = y
    _photo(p, end - 28, y, name, school.upper())
    for label, value in values.items():
        p.text(lab_x, y, _titled(label), dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value.replace("Mts ", "MTs ").replace("Ma ", "MA ")
               .replace("Mi ", "MI "), dz.body, body, width_mm=end - 34 - col_x)
        y += body + 4.5
    return max(y, photo_top + 40) + 2


def garamond_dwikolom(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                      sizes: tuple[float, float]) -> float:
    """"dengan ini menyatakan bahwa" over "this is to certify that", the name alone on its
    line in large small capitals, then each row's Indonesian label, a rule, its English
    label in italics, a colon and the value."""
    body, big = sizes
    wmm = p.w / p.u
    p.centre(y, "dengan ini menyatakan bahwa", dz.body, body * 1.1)
    p.centre(y + body * 1.1 + 1.0, "this is to certify that", "ebgaramond_italic", body,
             fill=dz.accent)
    y += body * 2.2 + 3
    shown = " ".join(w[:1] + w[1:].lower() for w in name.split())
    size = int(big * 1.4 * p.u)
    while size > 8 and p.d.textlength(shown, font=face(dz.name_face, size),
                                      features=["smcp"]) > wmm * 0.7 * p.u:
        size -= 1
    p.d.text((wmm / 2 * p.u, y * p.u), shown, font=face(dz.name_face, size), fill=p.ink,
             anchor="ma", features=["smcp"])
    y += size / p.u + 4
    lab_x = wmm * 0.16
    en_x, col_x = lab_x + 52, lab_x + 104
    for label, value in rows:
        p.text(lab_x, y, _titled(label), dz.body, body)
        p.d.line([((en_x - 4) * p.u, (y - 0.5) * p.u), ((en_x - 4) * p.u, (y + body + 0.5) * p.u)],
                 fill=dz.accent, width=max(1, round(0.2 * p.u)))
        p.text(en_x, y, ENGLISH.get(label, ""), "ebgaramond_italic", body, fill=dz.accent)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value.replace("Smp ", "SMP ").replace("Sma ", "SMA "), dz.body, body,
               width_mm=wmm * 0.86 - col_x)
        y += body + 2.3
    return y


GROUP8_CUES = {"madrasah_arab": madrasah_arab, "garamond_dwikolom": garamond_dwikolom}

__all__ = ["BASMALAH", "GROUP8_CUES", "SYAHADAH", "garamond_dwikolom", "madrasah_arab"]
