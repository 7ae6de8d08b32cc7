"""More ways an ijazah introduces its holder: a centred sentence, a ruled table, a name
set in spaced capitals, a pre-printed table with dotted lines to type on, a bilingual
text with the English under the Indonesian, a name on a ribbon banner and an academy's
"Nama Mahasiswa" table."""
from __future__ import annotations

# How a row of the holder's table reads in a sentence ("lahir di Sampit, 3 Maret 1990").
PROSE = {"tempat dan tanggal lahir": "lahir di", "nomor induk siswa nasional":
         "Nomor Induk Siswa Nasional", "nama orang tua/wali": "anak dari",
         "satuan pendidikan": "peserta didik pada"}


def kepada_prose(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                 sizes: tuple[float, float]) -> float:
    """"Diberikan kepada" centred, the name under it, then the rows as centred phrases."""
    body, big = sizes
    wmm = p.w / p.u
    p.centre(y, "Diberikan kepada", dz.body, body * 1.1)
    p.centre(y + body + 3, name, dz.name_face, big, width_mm=wmm * 0.7)
    y += body + big + 8
    phrases = [f"{PROSE.get(label, label)} {value.replace('Pkbm', 'PKBM')}"
               for label, value in rows]
    for k in range(0, len(phrases), 2):
        p.centre(y, ",   ".join(phrases[k:k + 2]), dz.body, body, width_mm=wmm * 0.78)
        y += body + 2.6
    return y + 1


def _titled(label: str) -> str:
    return " ".join(w if w == "dan" else w[:1].upper() + w[1:] for w in label.split())


def table_ruled(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """A transcript-like table: an outer box, a rule under every row, a column rule, the
    name in the first row after "Nama Lengkap"."""
    body, big = sizes
    wmm = p.w / p.u
    left, right = wmm * 0.12, wmm * 0.88
    split = left + 52
    p.text(left, y, "Direktur dengan ini menerangkan bahwa:", dz.body, body)
    y += body + 4
    top = y
    thin = max(1, round(0.25 * p.u))
    items = [("Nama Lengkap", name, dz.name_face, big * 0.85)] + \
        [(_titled(label), value, dz.body, body) for label, value in rows]
    for label, value, role, size in items:
        height = size + 4.2
        p.text(left + 2, y + (height - body) / 2, label, dz.body, body)
        p.text(split + 2.5, y + (height - size) / 2, value, role, size,
               width_mm=right - split - 5)
        y += height
        p.d.line([(left * p.u, y * p.u), (right * p.u, y * p.u)], fill=dz.accent, width=thin)
    p.d.rectangle([left * p.u, top * p.u, right * p.u, y * p.u], outline=dz.accent,
                  width=thin * 2)
    p.d.line([(split * p.u, top * p.u), (split * p.u, y * p.u)], fill=dz.accent, width=thin)
    return y + 4


def _spaced_width(p, text: str, fnt, track: float) -> float:
    return sum(p.d.textlength(ch, font=fnt) + (3 * track if ch == " " else track)
               for ch in text) - track


def menyatakan_spaced(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                      sizes: tuple[float, float]) -> float:
    """"Dengan ini menyatakan bahwa" centred, the name centred in letter-spaced capitals,
    then the rows as a plain table."""
    body, big = sizes
    wmm = p.w / p.u
    p.centre(y, "Dengan ini menyatakan bahwa", dz.body, body * 1.05)
    size = big
    fnt = p.font(dz.name_face, size)
    while size > body and _spaced_width(p, name, fnt, 0.28 * size * p.u) > wmm * 0.72 * p.u:
        size -= 0.2
        fnt = p.font(dz.name_face, size)
    track = 0.28 * size * p.u
    x = p.w / 2 - _spaced_width(p, name, fnt, track) / 2
    for ch in name:
        p.d.text((x, (y + body + 4) * p.u), ch, font=fnt, fill=p.ink)
        x += p.d.textlength(ch, font=fnt) + (3 * track if ch == " " else track)
    y += body + big + 10
    lab_x, col_x = wmm * 0.17, wmm * 0.17 + 54
    for label, value in rows:
        p.text(lab_x, y, _titled(label), dz.body, body * 0.95)
        p.text(col_x - 3, y, ":", dz.body, body * 0.95)
        p.text(col_x, y, value, dz.body, body * 0.95, width_mm=wmm * 0.8 - col_x)
        y += body + 3
    return y


def madrasah_table(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                   sizes: tuple[float, float]) -> float:
    """A pre-printed table: labels, colons, and a dotted line under each typed value, the
    name after "Nama Peserta Didik :" in the body's size, set bold."""
    body, _ = sizes
    wmm = p.w / p.u
    lab_x, col_x, end = wmm * 0.13, wmm * 0.13 + 60, wmm * 0.87
    p.text(lab_x, y, "Yang bertanda tangan di bawah ini, Kepala Madrasah, menerangkan bahwa:",
           dz.body, body, width_mm=end - lab_x)
    y += body + 5
    dot = max(1, round(0.18 * p.u))
    items = [("Nama Peserta Didik", name, dz.name_face)] + \
        [(_titled(label), value.replace("Mts ", "MTs "), dz.body) for label, value in rows]
    for label, value, role in items:
        p.text(lab_x, y, label, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x + 1, y - 0.3, value, role, body * (1.1 if role == dz.name_face else 1),
               width_mm=end - col_x - 2)
        line_y = (y + body * 1.25) * p.u
        x = col_x * p.u
        while x < end * p.u:
            p.d.ellipse([x, line_y, x + dot, line_y + dot], fill=p.ink)
            x += dot * 3.5
        y += body + 4.2
    return y


# The English a bilingual diploma prints under each row's label.
ENGLISH = {"tempat dan tanggal lahir": "Place and Date of Birth",
           "nomor induk mahasiswa": "Student Registration Number",
           "program studi": "Study Programme"}


def dwibahasa(p, dz, y: float, name: str, rows: list[tuple[str, str]],
              sizes: tuple[float, float]) -> float:
    """"Memberikan ijazah kepada" with "confers upon" in italics under it, the name centred,
    then the rows, each label with its English under it."""
    body, big = sizes
    wmm = p.w / p.u
    p.centre(y, "Memberikan ijazah kepada", dz.body, body * 1.1)
    p.centre(y + body * 1.1 + 1.0, "confers upon", dz.name_face, body * 0.85, fill=dz.accent)
    y += body * 2 + 4.5
    p.centre(y, name, dz.name_face, big * 1.1, width_mm=wmm * 0.66)
    y += big * 1.1 + 4.5
    lab_x, col_x = wmm * 0.25, wmm * 0.25 + 44
    for label, value in rows:
        p.text(lab_x, y, _titled(label), dz.body, body)
        p.text(lab_x, y + body + 0.6, ENGLISH.get(label, ""), dz.name_face, body * 0.78,
               fill=dz.accent)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, dz.body, body, width_mm=wmm * 0.78 - col_x)
        y += body * 1.8 + 2.2
    return y


def _pale(color, share: float) -> tuple[int, ...]:
    return tuple(int(c * share + 255 * (1 - share)) for c in color)


def bernama_pita(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                 sizes: tuple[float, float]) -> float:
    """Two centred lines ending "peserta didik yang bernama", the name on a ribbon banner
    (a pale band with folded tails), then the rows as a plain table."""
    body, big = sizes
    wmm = p.w / p.u
    p.centre(y, "Yang bertanda tangan di bawah ini menerangkan bahwa", dz.body, body)
    p.centre(y + body + 1.8, "peserta didik yang bernama", dz.body, body)
    y += 2 * body + 6
    text_mm = min(p.d.textlength(name, font=p.font(dz.name_face, big)) / p.u, wmm * 0.62)
    half, high = text_mm / 2 + 9, big * 1.75
    cx, top = wmm / 2, y - big * 0.45
    u, thin = p.u, max(1, round(0.3 * p.u))
    for side in (-1, 1):   # the tails, lower and behind the band, notched at the end
        x0, x1 = cx + side * (half - 4), cx + side * (half + 11)
        pts = [(x0, top + 3), (x1, top + 3), (x1 - side * 4, top + 3 + high / 2),
               (x1, top + 3 + high), (x0, top + 3 + high)]
        p.d.polygon([(a * u, b * u) for a, b in pts], fill=_pale(dz.accent, 0.35),
                    outline=dz.accent, width=thin)
        p.d.polygon([((cx + side * half) * u, (top + high) * u),
                     ((cx + side * (half - 4)) * u, (top + high + 3) * u),
                     ((cx + side * (half - 4)) * u, (top + high) * u)], fill=dz.accent)
    p.d.rectangle([(cx - half) * u, top * u, (cx + half) * u, (top + high) * u],
                  fill=_pale(dz.accent, 0.18), outline=dz.accent, width=thin)
    p.centre(y, name, dz.name_face, big, width_mm=wmm * 0.62)
    y = top + high + 8
    lab_x, col_x = wmm * 0.16, wmm * 0.16 + 58
    for label, value in rows:
        p.text(lab_x, y, _titled(label).replace("/wali", "/Wali"), dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value.replace("Pkbm", "PKBM"), dz.body, body,
               width_mm=wmm * 0.84 - col_x)
        y += body + 3
    return y


# How an academy words the rows of its table, in its own order.
ACADEMY = {"nomor induk mahasiswa": "Nomor Induk Mahasiswa (NIM)",
           "tempat dan tanggal lahir": "Tempat, Tanggal Lahir", "program studi": "Program Studi"}


def mahasiswa_kolom(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                    sizes: tuple[float, float]) -> float:
    """A left-aligned sentence, then a table whose first row is "Nama Mahasiswa :" with
    the name in its own face, a thin rule in the accent colour under the name."""
    body, big = sizes
    wmm = p.w / p.u
    lab_x, col_x = wmm * 0.2, wmm * 0.2 + 62
    p.text(lab_x, y, "Dengan ini menyatakan bahwa mahasiswa tersebut di bawah ini:", dz.body,
           body)
    y += body + 5
    p.text(lab_x, y, "Nama Mahasiswa", dz.body, body)
    p.text(col_x - 3, y, ":", dz.body, body)
    p.text(col_x, y - (big - body) * 0.7, name, dz.name_face, big, width_mm=wmm * 0.8 - col_x)
    rule_y = (y + body + 2.6) * p.u
    p.d.line([(col_x * p.u, rule_y), (wmm * 0.8 * p.u, rule_y)], fill=dz.accent,
             width=max(1, round(0.2 * p.u)))
    y += big + 4
    ordered = sorted(rows, key=lambda row: list(ACADEMY).index(row[0])
                     if row[0] in ACADEMY else len(ACADEMY))
    for label, value in ordered:
        p.text(lab_x, y, ACADEMY.get(label, _titled(label)), dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value, dz.body, body, width_mm=wmm * 0.8 - col_x)
        y += body + 2.8
    return y


CUES = {"kepada_prose": kepada_prose, "table_ruled": table_ruled,
        "menyatakan_spaced": menyatakan_spaced, "madrasah_table": madrasah_table,
        "dwibahasa": dwibahasa, "bernama_pita": bernama_pita,
        "mahasiswa_kolom": mahasiswa_kolom}
