"""Diploma numbers as each kind of issuer prints them, beside the plain DN- serial."""
from __future__ import annotations

import random


def styled_number(style: str, nomor: str, *, spec: dict, tahun: int, school: str,
                  rng: random.Random) -> str:
    """The number of a diploma in ``style`` (a Design's nomor_style); ``nomor`` stands when
    the style adds nothing (dn)."""
    if style == "pc":
        return f"DN-PC/{rng.randint(1, 34):02d} {rng.randint(0, 9999999):07d}"
    if style == "pin":
        return f"{rng.randint(1001, 99999):06d}{tahun}{rng.randint(1, 99999):05d}"
    if style == "smk":
        return f"DN-{rng.randint(1, 34):02d} Mk/{tahun % 100:02d} {rng.randint(0, 9999999):07d}"
    if style == "kemenag":
        return f"{spec['short']}.{rng.randint(11, 34)}.{rng.randint(1, 20):02d}/PP.01.1/" \
               f"{rng.randint(1, 999):04d}/{tahun}"
    if style == "seri":   # a university's own series: its initials, the year, the level
        initials = "".join(word[0] for word in school.split())
        return f"{initials}.{tahun}.{spec['jenjang']}.{rng.randint(1, 999999):06d}"
    if style == "sd":   # an elementary certificate's serial (Dd: pendidikan dasar)
        return f"DN-{rng.randint(1, 34):02d} Dd {rng.randint(0, 9999999):07d}"
    if style == "akademi":   # an academy's register: number, code, level, year
        return f"{rng.randint(1, 9999):04d}/AK.{rng.randint(10, 99)}/{spec['short']}/{tahun}"
    if style == "sttb":   # an STTB's serial: the province, the school type, a number
        kind = {"SMP": "Ob", "STM": "Ot"}.get(spec["short"], "Oc")
        return f"{rng.randint(1, 27):02d} {kind} {rng.randint(0, 999999):06d}"
    if style == "k13":   # a national serial of the 2013 curriculum's diplomas
        return f"DN-{rng.randint(1, 34):02d}/M-{spec['short']}/K13/{tahun % 100:02d}/" \
               f"{rng.randint(0, 9999999):07d}"
    if style == "pb":   # a Paket B certificate's serial of the years round 2000
        return f"DN-PB/{rng.randint(1, 30):02d} {rng.randint(0, 999999):06d}"
    if style == "pa":   # a Paket A certificate's national serial
        return f"DN-PA/{rng.randint(1, 34):02d} {rng.randint(0, 9999999):07d}"
    if style == "depag_lama":   # an old madrasah's register: level, province, number, year
        return f"{spec['short']}/{rng.randint(1, 27):02d}/{rng.randint(1, 9999):04d}/{tahun}"
    if style == "sd_lama":   # an old SD diploma's serial: the province, Da, a number
        return f"{rng.randint(1, 27):02d} Da {rng.randint(0, 999999):06d}"
    return nomor
