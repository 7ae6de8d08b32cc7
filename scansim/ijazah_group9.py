"""Ninth-group diplomas: a Paket C certificate on coloured paper naming its holder "atas
nama" in mixed case, its rows numbered, a large pale crest printed behind them; and a
university diploma whose holder's name stands centred on two lines in mixed case (the
family name alone on the second) over a table whose labels end at a centred gutter."""
from __future__ import annotations

import math

from PIL import Image, ImageChops, ImageDraw

from scansim.ijazah_cues import _titled


def mixed_case(name: str) -> str:
    """A name as a person writes it: "SITI NUR AISYAH" -> "Siti Nur Aisyah"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def crest(p, dz, cx_mm: float, top_mm: float, h_mm: float, share: float = 0.16) -> None:
    """A large pale shield crest (a star over a band, stripes below) printed behind what is
    already on the page: laid on as the darker of the two, so the type stays as it is."""
    u = p.u
    colour = tuple(int(t * (1 - share) + a * share) for t, a in zip(dz.tint, dz.accent,
                                                                     strict=True))
    layer = Image.new("RGB", p.img.size, (255, 255, 255))
    d = ImageDraw.Draw(layer)
    w, h = 0.78 * h_mm * u, h_mm * u
    x0, y0, cx = cx_mm * u - w / 2, top_mm * u, cx_mm * u
    side = y0 + 0.55 * h
    outline = [(x0, y0), (cx, y0 + 0.06 * h), (x0 + w, y0), (x0 + w, side)]
    steps = 24
    for k in range(1, steps):   # the lower half: a curve to the point
        t = k / steps
        outline.append((x0 + w - t * w / 2, side + (y0 + h - side) * (1 - (1 - t) ** 2)))
    outline.append((cx, y0 + h))
    outline += [(2 * cx - x, y) for x, y in reversed(outline[4:-1])]
    outline.append((x0, side))
    line = max(2, round(0.8 * u))
    d.polygon(outline, outline=colour, width=line)
    inner = [(cx + (x - cx) * 0.86, y0 + 0.05 * h + (y - y0) * 0.88) for x, y in outline]
    d.polygon(inner, outline=colour, width=max(1, line // 2))
    band = y0 + 0.36 * h
    d.rectangle([x0 + 0.08 * w, band, x0 + 0.92 * w, band + 0.08 * h], fill=colour)
    r = 0.12 * h
    star = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.42
        star.append((cx + rr * math.cos(a), y0 + 0.2 * h + rr * math.sin(a)))
    d.polygon(star, fill=colour)
    for k in range(-3, 4):   # stripes under the band
        x = cx + k * 0.1 * w
        d.line([(x, band + 0.14 * h), (x, band + 0.14 * h + (0.36 - abs(k) * 0.05) * h)],
               fill=colour, width=line)
    p.img.paste(ImageChops.darker(p.img, layer))


def atas_nama_bernomor(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                       sizes: tuple[float, float]) -> float:
    """A sentence ending "diberikan", then "atas nama :" and the name in mixed case, the
    other rows numbered (1. Tempat dan Tanggal Lahir ...), a pale crest behind them all."""
    body, big = sizes
    wmm = p.w / p.u
    top = y
    p.centre(y, "Kepala Pusat Kegiatan Belajar Masyarakat dengan ini menerangkan bahwa "
             "ijazah ini diberikan", dz.body, body, width_mm=wmm * 0.72)
    y += body + 5
    lab_x, col_x = wmm * 0.2, wmm * 0.2 + 64
    p.text(lab_x, y, "atas nama", dz.body, body)
    p.text(col_x - 3, y, ":", dz.body, body)
    p.text(col_x, y - (big - body) * 0.6, mixed_case(name), dz.name_face, big,
           width_mm=wmm * 0.8 - col_x)
    y += big + 4
    for k, (label, value) in enumerate(rows, 1):
        p.text(lab_x, y, f"{k}. {_titled(label)}", dz.body, body)
        p.text(col_x - 3, y, ":", dz.body, body)
        p.text(col_x, y, value.replace("Pkbm", "PKBM"), dz.body, body,
               width_mm=wmm * 0.8 - col_x)
        y += body + 3.4
    crest(p, dz, wmm / 2, top - 4, y - top + 10)
    return y


def nama_dua_baris(p, dz, y: float, name: str, rows: list[tuple[str, str]],
                   sizes: tuple[float, float]) -> float:
    """"Dengan ini menyatakan bahwa" centred, the name centred in mixed case on two lines
    (the last word alone on the second), then rows whose labels end at a centred gutter
    and whose values start after it."""
    body, big = sizes
    wmm = p.w / p.u
    p.centre(y, "Dengan ini menyatakan bahwa", dz.body, body)
    words = mixed_case(name).split()
    lines = [" ".join(words[:-1]), words[-1]] if len(words) > 1 else words
    y += body + 3
    for line in lines:
        p.centre(y, line, dz.name_face, big * 1.1, width_mm=wmm * 0.7)
        y += big * 1.25
    y += 4
    mid = wmm / 2
    for label, value in rows:
        p.text(mid - 4, y, _titled(label), dz.body, body, anchor="ra")
        p.text(mid - 1.6, y, ":", dz.body, body)
        p.text(mid + 1.5, y, value, dz.body, body, width_mm=wmm * 0.86 - mid)
        y += body + 3
    return y


GROUP9_CUES = {"atas_nama_bernomor": atas_nama_bernomor, "nama_dua_baris": nama_dua_baris}

__all__ = ["GROUP9_CUES", "atas_nama_bernomor", "crest", "mixed_case", "nama_dua_baris"]
