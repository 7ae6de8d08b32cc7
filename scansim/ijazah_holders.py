"""Ways a diploma introduces its holder that the later tuned designs carry: "kepada:" alone
on its line, a name in capitals set wide apart, a ruled table of cells, a long name broken
over two lines and a label standing above the name."""
from __future__ import annotations

LABEL_W = {True: 60.0, False: 54.0}   # mm from the labels to the values (landscape, portrait)
NAME_COLUMN_MM = 40.0   # the narrow column a long name is broken in


def title_case(name: str) -> str:
    """A name in capitals as a diploma sets it in Title Case ('SUGENG KURNIAWAN' ->
    'Sugeng Kurniawan'; only a word's first letter stays a capital, "MUH." -> "Muh.")."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def titled(value: str, keep: dict[str, str]) -> str:
    """A name or an institution's name in Title Case, the words ``keep`` lists written as
    it gives them (abbreviations, little words: "Slb" -> "SLB", "Dan" -> "dan")."""
    return " ".join(keep.get(w, w) for w in value.title().split(" "))


def holder_rows(p, dz, y: float, rows: list[tuple[str, str]], body: float, lab_x: float,
                col_x: float, *, gap: float = 3.2, value_mm: float | None = None) -> float:
    """The holder's other rows: label, colon and value, ``gap`` mm between them, a value
    at most ``value_mm`` wide (else to the page's margin); returns y under them."""
    val_w = p.w / p.u - col_x - lab_x if value_mm is None else value_mm
    for lab, val in rows:
        p.text(lab_x, y, lab, dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, val, dz.body, body, width_mm=val_w)
        y += body + gap
    return y


def _columns(p, dz) -> tuple[float, float]:
    lab_x = p.w / p.u * 0.15
    return lab_x, lab_x + LABEL_W[dz.landscape]


def _name(p, dz, x_mm: float, y_mm: float, name: str, size_mm: float, *,
          anchor: str = "la", width_mm: float | None = None) -> None:
    """The name in the design's name face, its strokes thickened where the face is heavy."""
    size = int(size_mm * p.u)
    fnt = p.font(dz.name_face, size_mm)
    if width_mm:
        while size > 8 and p.d.textlength(name, font=fnt) > width_mm * p.u:
            size -= 1
            fnt = p.font(dz.name_face, size / p.u)
    stroke = round(dz.name_stroke_mm * p.u)
    p.d.text((x_mm * p.u, y_mm * p.u), name, font=fnt, fill=p.ink, anchor=anchor,
             stroke_width=stroke, stroke_fill=p.ink)


def kepada_alone(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                 sizes: tuple[float, float]) -> float:
    """"Ijazah ini diberikan" centred, "kepada:" alone at the left under it, the name centred
    in the name face under that, then the rows."""
    body, big = sizes
    lab_x, col_x = _columns(p, dz)
    p.centre(y, "Ijazah ini diberikan", dz.body, body)
    p.text(lab_x, y + body + 3, "kepada:", dz.body, body)
    _name(p, dz, p.w / p.u / 2, y + 2 * body + 6, name, big, anchor="ma",
          width_mm=p.w / p.u * 0.7)
    return holder_rows(p, dz, y + 2 * body + big + 12, rows, body, lab_x, col_x)


def peserta_spaced(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                   sizes: tuple[float, float]) -> float:
    """"Nama Peserta Didik :" at the left, the name beside it in capitals set wide apart
    (each letter half its height from the next, a word three times that)."""
    body, big = sizes
    lab_x, col_x = _columns(p, dz)
    p.text(lab_x, y, "Nama Peserta Didik", dz.body, body)
    p.text(col_x - 3, y, ":", dz.body, body)
    size = big * 0.8
    fnt = p.font(dz.name_face, size)
    track = 0.5 * size * p.u
    room = (p.w / p.u - col_x - lab_x) * p.u
    while size > 3 and sum(p.d.textlength(c, font=fnt) + track for c in name) > room:
        size *= 0.95
        fnt, track = p.font(dz.name_face, size), 0.5 * size * p.u
    x, top = col_x * p.u, (y - (size - body) * 0.6) * p.u
    for c in name:
        if c == " ":
            x += 2 * track
            continue
        p.d.text((x, top), c, font=fnt, fill=p.ink)
        x += p.d.textlength(c, font=fnt) + track
    return holder_rows(p, dz, y + big + 4, rows, body, lab_x, col_x)


def cell_table(p, dz, y: float, name: str, rows: list[tuple[str, str]],
               sizes: tuple[float, float]) -> float:
    """A ruled table: the labels in cells down the left ("Nama Lengkap" first), the values
    in the cells beside them (the name in the heavy name face), no colons."""
    body, big = sizes
    wmm = p.w / p.u
    x0, x1, x2 = wmm * 0.12, wmm * 0.12 + 52, wmm * 0.88
    line = max(1, round(0.3 * p.u))
    cells = [("Nama Lengkap", name, big + 5)] + [(a.title(), b, body + 4.5) for a, b in rows]
    top = y
    for k, (label, value, height) in enumerate(cells):
        p.text(x0 + 2, top + (height - body) / 2, label, dz.body, body)
        if k == 0:
            _name(p, dz, x1 + 3, top + 2.2, name, big, width_mm=x2 - x1 - 6)
        else:
            p.text(x1 + 3, top + (height - body) / 2, value, dz.body, body,
                   width_mm=x2 - x1 - 6)
        p.d.line([(x0 * p.u, top * p.u), (x2 * p.u, top * p.u)], fill=dz.accent, width=line)
        top += height
    p.d.line([(x0 * p.u, top * p.u), (x2 * p.u, top * p.u)], fill=dz.accent, width=line)
    for x in (x0, x1, x2):
        p.d.line([(x * p.u, y * p.u), (x * p.u, top * p.u)], fill=dz.accent, width=line)
    return top + 4


def split_name(p, dz, y: float, name: str, rows: list[tuple[str, str]],
               sizes: tuple[float, float]) -> float:
    """"Nama :" and the name in a narrow column beside it, broken between words onto a
    second line when it does not fit (never smaller type), then the rows."""
    body, big = sizes
    lab_x, col_x = _columns(p, dz)
    p.text(lab_x, y, "Nama", dz.body, body)
    p.text(col_x - 3, y, ":", dz.body, body)
    fnt, room = p.font(dz.name_face, big), NAME_COLUMN_MM * p.u
    lines = [[]]
    for word in name.split():
        if lines[-1] and p.d.textlength(" ".join([*lines[-1], word]), font=fnt) > room:
            lines.append([])
        lines[-1].append(word)
    for k, words in enumerate(lines):
        _name(p, dz, col_x, y - (big - body) * 0.6 + k * big * 1.15, " ".join(words), big)
    return holder_rows(p, dz, y + len(lines) * big * 1.15 + 3, rows, body, lab_x, col_x)


def label_above(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                sizes: tuple[float, float]) -> float:
    """"NAMA MAHASISWA" in small capitals alone on its line, the name under it at the same
    left edge, then the rows."""
    body, big = sizes
    lab_x, col_x = _columns(p, dz)
    p.text(lab_x, y, "NAMA MAHASISWA", dz.body, body * 0.85)
    _name(p, dz, lab_x, y + body + 2, name, big, width_mm=p.w / p.u - 2 * lab_x)
    return holder_rows(p, dz, y + body + big + 8, rows, body, lab_x, col_x)


HOLDERS = {"kepada_alone": kepada_alone, "peserta_spaced": peserta_spaced,
           "cell_table": cell_table, "split_name": split_name, "label_above": label_above}
