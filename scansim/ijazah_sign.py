"""The foot and number box of a synthetic ijazah: the photo box, the place and date, the
head's signature, stamp, name and NIP, and a serial number in a ruled box."""
from __future__ import annotations

import datetime as dt
import random

from PIL import Image

from scansim.draw import BLACK_INK, draw_person, make_signature, mm_px
from scansim.ijazah_faces import face
from scansim.ornament import stamp


def sign_block(p, dz, rng: random.Random, person: dict, school: str, spec: dict,
               tahun: int, land: bool, data: dict) -> None:
    """The photo box left (unless the design sets it beside the holder's rows), the place
    and date, the head's signature, stamp and name right."""
    wmm, hmm = p.w / p.u, p.h / p.u
    base = hmm - (62 if land else 72)
    pw, ph = mm_px(30, int(p.u * 25.4)), mm_px(40, int(p.u * 25.4))
    px = int(wmm * (0.2 if land else 0.18) * p.u)
    if not dz.photo_beside:   # else the photo stands beside the holder's rows
        photo = Image.new("RGB", (pw, ph), (232, 232, 232))
        look = {"hijab": True} if person.get("jenis_kelamin") == "P" else {}
        draw_person(photo, (0, 0, pw, ph), rng, **look)
        p.img.paste(photo.convert("L").convert("RGB"), (px, int(base * p.u)))
        p.d.rectangle([px, int(base * p.u), px + pw, int(base * p.u) + ph], outline=p.ink,
                      width=2)
    sx = wmm * (0.58 if land else 0.55)
    day = dt.date(tahun, rng.randint(5, 7), rng.randint(1, 28))
    town = rng.choice(data["school_towns"]).title()
    p.text(sx, base, f"{town}, {day.day} {data['months'][day.month - 1]} {tahun}", dz.body, 3.4)
    # the head who signs: the programme's, or the one a design's face names (a rector)
    p.text(sx, base + 5.5, f"{getattr(p, 'head_title', '') or spec['head']},", dz.body, 3.4)
    sig = make_signature(rng=rng, width_px=int(45 * p.u), height_px=int(18 * p.u),
                         ink=BLACK_INK if rng.random() < 0.5 else None)
    ink = dz.stamp_ink or (dz.accent if dz.seal_over else (90, 60, 150))
    seal = None if dz.big_stamp else stamp(int(30 * p.u), rng, school, ink, seal=dz.seal)
    if seal is None:   # the large stamp comes last, over the head's name
        p.img.paste(sig, (int(sx * p.u), int((base + 9) * p.u)), sig)
    elif dz.seal_over:   # signed first, then stamped across the signature
        p.img.paste(sig, (int(sx * p.u), int((base + 9) * p.u)), sig)
        p.img.paste(seal, (int((sx + 3) * p.u), int((base + 3) * p.u)), seal)
    else:
        p.img.paste(seal, (int((sx - 14) * p.u), int((base + 6) * p.u)), seal)
        p.img.paste(sig, (int(sx * p.u), int((base + 9) * p.u)), sig)
    head = rng.choice(data["head_titles"]) + rng.choice(data["heads"])
    p.text(sx, base + 30, head + (", M.Pd." if spec["family"] != "pt" else ", M.T."),
           dz.heading, 3.5)
    p.text(sx, base + 35.5, f"NIP {rng.randint(10**17, 10**18 - 1)}", dz.body, 3.2)
    if dz.big_stamp:   # stamped last, across the left half of the head's name
        big = stamp(int(40 * p.u), rng, school, (70, 50, 140), seal=dz.seal)
        p.img.paste(big, (int((sx - 22) * p.u), int((base + 15) * p.u)), big)


def boxed_number(p, dz, nomor: str, width_mm: float) -> None:
    """The serial number in a small ruled box at the top right, its label above it."""
    right, top = width_mm - 24, 21
    text = face(dz.body, int(3.0 * p.u))
    box_w = p.d.textlength(nomor, font=text) / p.u + 5
    p.text(right - box_w, top - 4.5, "Nomor Seri Ijazah", dz.body, 2.6)
    p.d.rectangle([(right - box_w) * p.u, top * p.u, right * p.u, (top + 6) * p.u],
                  outline=dz.accent, width=max(1, round(0.3 * p.u)))
    p.text(right - box_w + 2.5, top + 1.4, nomor, dz.body, 3.0)


__all__ = ["boxed_number", "sign_block"]
