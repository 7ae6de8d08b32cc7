"""Two more ways an ijazah introduces its holder: a centred sentence and a ruled table."""
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


CUES = {"kepada_prose": kepada_prose, "table_ruled": table_ruled}
