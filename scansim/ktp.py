"""Synthetic KTP-el cards (front and back) of many designs, and photocopy pages of them.

The front follows the KTP-el layout (SPEC §8): PROVINSI and KABUPATEN/KOTA on top, then
NIK, Nama, Tempat/Tgl Lahir, Jenis Kelamin with Gol. Darah, Alamat, RT/RW, Kel/Desa,
Kecamatan, Agama, Status Perkawinan, Pekerjaan, Kewarganegaraan, Berlaku Hingga; the
photo on the right on red (odd birth year) or blue (even). The design (scansim.ktp_designs)
sets faces, background, offsets and print quality. A copy page holds the card, or the
front and the back, anywhere on the sheet at 80-160 % zoom, any quarter turn and a few
degrees askew, in grey or colour. Makers return ``(image, truth)``.
"""
from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from dataclasses import replace

from PIL import Image, ImageDraw, ImageFilter

from scansim.documents import (
    PHOTO_BACKGROUNDS,
    _grey,
    _look,
    _paper,
    _photocopy,
    _portrait,
)
from scansim.draw import BLACK_INK, centered, make_signature, mm_px
from scansim.ktp_designs import (
    DESIGNS,
    DRAWN,
    KtpDesign,
    background,
    face,
    fit_face,
    glare,
    wear,
)
from scansim.ktp_group7 import light_print, nik_strip, tracked_text
from scansim.ktp_group8 import faint_side, fringe, hologram, mixed_case
from scansim.ktp_group9 import label_pass, scratched_laminate, uneven_copy, value_offsets
from scansim.ktp_group10 import crease, undersized
from scansim.ktp_group11 import bow, sleeve, turned_pass
from scansim.ktp_group12 import chat_jpeg, yellowed
from scansim.ktp_group13 import coffee_stain, low_toner
from scansim.ktp_group14 import colour_copy, overexposed
from scansim.ktp_group15 import inkjet_copy, pen_note
from scansim.ktp_group16 import dark_copy, legalised
from scansim.ktp_group17 import highlighted, marked_rows, recopied
from scansim.ktp_group18 import drum_streak, show_through
from scansim.ktp_group19 import lineart, punched
from scansim.ktp_group20 import fingertip, folded_copy, hvs_copy, on_paper
from scansim.ktp_group21 import lepuh, lid_open, lid_page
from scansim.ktp_group22 import buram_copy, buram_page, klip
from scansim.ktp_group23 import stempel_ungu, wa_cetak
from scansim.ktp_group24 import selotip, tembus, tembus_page
from scansim.ktp_group25 import layar, piksel
from scansim.ktp_group26 import fed_y, genggam, selip, selip_page
from scansim.ktp_group27 import keluarga, keluarga_page, malam
from scansim.ktp_group28 import ajaib, ajaib_page, pojok, pojok_page, pojok_page_plan
from scansim.ktp_group29 import copy_look, coretan, coretan_page, pudar
from scansim.ktp_group30 import faks, faks_page, kalung
from scansim.ktp_group31 import kilat, laminasi
from scansim.ktp_group32 import kaca, usang
from scansim.ktp_group33 import semen, stensil
from scansim.ktp_prints import dot_text, spread, worn_edge
from scansim.ktp_screens import head_streaks, offset_nik

__all__ = ["KTP_MM", "ktp_fields", "make_ktp", "make_ktp_back", "make_ktp_copy_page"]

KTP_MM = (85.6, 53.98)
KTP_JOBS = {"Tukang Batu": "TUKANG BATU", "Tukang Kayu": "TUKANG KAYU",
            "Tukang Besi": "TUKANG LAS/PANDAI BESI"}
KTP_OTHER_JOBS = ["WIRASWASTA", "KARYAWAN SWASTA", "BURUH HARIAN LEPAS"]
PROVINCE, REGENCY = "KALIMANTAN TENGAH", "KOTAWARINGIN BARAT"
INDENTED = ("RT/RW", "Kel/Desa", "Kecamatan")


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def ktp_fields(person: dict, rng: random.Random) -> dict:
    """The values a KTP-el of ``person`` shows, as printed (upper case)."""
    birth = _date(person["tanggal_lahir"])
    job = KTP_JOBS.get(person.get("jabatan_kerja", ""), None)
    if job is None or rng.random() < 0.3:
        job = rng.choice(KTP_OTHER_JOBS)
    rt, rw = person.get("rt", "001"), person.get("rw", "001")
    jalan = person.get("jalan") or person["alamat"]
    return {
        "nik": person["nik"],
        "nama": person["nama"].upper(),
        "tempat_lahir": person["tempat_lahir"].upper(),
        "tanggal_lahir": birth.isoformat(),
        "tempat_tgl_lahir": f"{person['tempat_lahir'].upper()}, {birth:%d-%m-%Y}",
        "jenis_kelamin": person["jenis_kelamin"],
        "jenis_kelamin_text": "LAKI-LAKI" if person["jenis_kelamin"] == "L" else "PEREMPUAN",
        "gol_darah": person.get("gol_darah", "-"),
        "alamat": jalan.upper(),
        "rt_rw": f"{rt}/{rw}",
        "kel_desa": person["kelurahan"].upper(),
        "kecamatan": person["kecamatan"].upper(),
        "agama": person.get("agama", "ISLAM"),
        "status_perkawinan": person.get("status_perkawinan", "KAWIN"),
        "pekerjaan": job,
        "kewarganegaraan": "WNI",
        "berlaku_hingga": "SEUMUR HIDUP",
        "photo_background": "red" if birth.year % 2 else "blue",
    }


def _design(design: str | KtpDesign | None, rng: random.Random) -> KtpDesign:
    if isinstance(design, KtpDesign):
        return design
    return DESIGNS[design] if design else DESIGNS[rng.choice(DRAWN)]


def _ink(design: KtpDesign, rng: random.Random) -> tuple[int, int, int]:
    """The toner colour: the design's ink, lighter on worn or lightly printed cards."""
    fade = min(1.0, max(0.0, design.fade + rng.uniform(-0.1, 0.1)))
    return tuple(int(c + fade * (110 - c) * 0.9) for c in design.ink)


def make_ktp(person: dict, *, rng: random.Random, dpi: int = 300, color: bool = True,
             design: str | KtpDesign | None = None) -> tuple[Image.Image, dict]:
    """The front of a KTP-el card of ``person`` at ``dpi`` (85.6 x 53.98 mm).

    ``design``: a name in :data:`scansim.ktp_designs.DESIGNS` (default: one of the tuned
    designs at random)."""
    des = _design(design, rng)
    f = ktp_fields(person, rng)
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    w, _ = size
    img = background(des, size, rng, dpi)
    ground = img.copy() if des.pudar else None   # the security print before any text
    u = dpi / 25.4
    toner = _ink(des, rng)
    # An over-inked design's type goes onto a layer first, to grow its strokes.
    layered = des.spread_mm or des.thin or any(des.ghost_mm) or des.fringe or des.faint_side \
        or des.label_ink
    layer = Image.new("L", size, 0) if layered else None
    d = ImageDraw.Draw(layer if layer else img)
    ink = 255 if layer else toner
    # Labels pre-printed in a colour ink of their own go onto a layer of their own.
    labels = Image.new("L", size, 0) if des.label_ink else None
    ld = ImageDraw.Draw(labels) if labels else d
    jx, jy = rng.uniform(-0.6, 0.6) * u, rng.uniform(-0.5, 0.5) * u   # print offset
    head = face(des.head_face, int(2.7 * u))
    centered(d, w / 2 + jx, 1.6 * u + jy, f"PROVINSI {PROVINCE}", head, ink)
    centered(d, w / 2 + jx, 4.9 * u + jy, f"KABUPATEN {REGENCY}", head, ink)
    lx, cx = des.label_x_mm * u + jx, des.colon_x_mm * u + jx
    photo_left = des.photo_x_mm * u + jx
    nik_label = face(des.head_face, int(3.6 * u))
    ny = des.nik_y_mm * u + jy
    ld.text((lx, ny + 0.3 * u), "NIK", font=nik_label, fill=ink)
    ld.text((lx + 11.0 * u, ny + 0.3 * u), ":", font=nik_label, fill=ink)
    track = des.nik_track_mm * u
    nik_font = fit_face(d, f["nik"], des.nik_face, int(des.nik_mm * u),
                        photo_left - lx - 15.0 * u - track * (len(f["nik"]) - 1))
    if des.nik_strip:   # on the card itself, under whatever ink follows
        nik_strip(ImageDraw.Draw(img), (lx + 12.2 * u, ny - 0.4 * u, photo_left - 1.0 * u,
                                        ny + (des.nik_mm + 0.5) * u), des.nik_strip)
    if des.nik_ink or track:   # its own ink (faded as the rest), its digits set apart
        own = tuple(int(c + des.fade * (110 - c) * 0.9) for c in des.nik_ink) \
            if des.nik_ink else ink
        tracked_text(ImageDraw.Draw(img) if des.nik_ink else d, (lx + 13.0 * u, ny), f["nik"],
                     nik_font, own, track)
    elif des.nik_dots:
        dot_text(d, (lx + 13.0 * u, ny), f["nik"], nik_font, ink, slant=des.nik_slant)
    elif des.nik_spread_mm or des.nik_tilt or des.nik_drop_mm:
        offset_nik(layer or img, (lx + 13.0 * u, ny), f["nik"], nik_font, ink,
                   spread_mm=des.nik_spread_mm, tilt=des.nik_tilt, drop_mm=des.nik_drop_mm,
                   dpi=dpi)
    else:
        d.text((lx + 13.0 * u, ny), f["nik"], font=nik_font, fill=ink)
    size_px = int(des.text_mm * u)
    value_px = int(des.value_mm * u) if des.value_mm else size_px
    lines = [("Nama", f["nama"]), ("Tempat/Tgl Lahir", f["tempat_tgl_lahir"]),
             ("Jenis Kelamin", f["jenis_kelamin_text"]), ("Alamat", f["alamat"]),
             ("RT/RW", f["rt_rw"]), ("Kel/Desa", f["kel_desa"]),
             ("Kecamatan", f["kecamatan"]), ("Agama", f["agama"]),
             ("Status Perkawinan", f["status_perkawinan"]), ("Pekerjaan", f["pekerjaan"]),
             ("Kewarganegaraan", f["kewarganegaraan"]), ("Berlaku Hingga", f["berlaku_hingga"])]
    y = des.first_y_mm * u + jy
    dy = des.value_dy_mm * u
    # Values on a pass turned against the labels go onto a mask of their own first.
    turned = Image.new("L", size, 0) if des.value_turn else None
    vd, vink = (ImageDraw.Draw(turned), 255) if turned is not None else (d, ink)
    moved = value_offsets(rng, len(lines), des.value_jitter_mm, u) if des.value_jitter_mm \
        else [(0.0, 0.0)] * len(lines)
    for (name, text), (mx, my) in zip(lines, moved, strict=True):
        shown = des.label(name)
        text = mixed_case(text) if name in des.mixed else text
        x = lx + (des.indent_mm * u if name in INDENTED else 0)
        fnt = fit_face(ld, shown, des.label_face, size_px, cx - x - 0.8 * u)
        if des.label_right:   # flush right against the colon
            ld.text((cx - 0.8 * u, y), shown, font=fnt, fill=ink, anchor="ra")
        else:
            ld.text((x, y), shown, font=fnt, fill=ink)
        ld.text((cx, y), ":", font=face(des.label_face, size_px), fill=ink)
        room = (15.5 if name == "Jenis Kelamin" else des.photo_x_mm - des.colon_x_mm - 3.0) * u
        at = (cx + des.value_gap_mm * u + mx, y + dy + my)
        if des.value_track_mm:   # letter-spaced: the spaces between letters count in the room
            track = des.value_track_mm * u
            fnt = fit_face(d, text, des.value_face, value_px, room - track * (len(text) - 1))
            tracked_text(vd, at, text, fnt, vink, track)
        else:
            fnt = fit_face(d, text, des.value_face, value_px, room)
            vd.text(at, text, font=fnt, fill=vink)
        if name == "Jenis Kelamin":
            gx = cx + 17.5 * u
            gol = des.label("Gol. Darah")
            ld.text((gx, y), gol, font=fit_face(ld, gol, des.label_face, size_px, 10.5 * u),
                    fill=ink)
            ld.text((gx + 11.5 * u, y), ":", font=face(des.label_face, size_px), fill=ink)
            vd.text((gx + 12.9 * u + mx, y + dy + my), f["gol_darah"],
                    font=face(des.value_face, value_px), fill=vink)
        y += des.step_mm * u
    if turned is not None:   # pivoting where the first value starts
        turned = turned_pass(turned, des.value_turn, (cx, des.first_y_mm * u + jy))
        if layer:
            layer.paste(255, (0, 0), turned)
        else:
            img.paste(toner, (0, 0), turned)
    pbox = (int(photo_left + 0.5 * u), int(10.5 * u + jy), int(photo_left + 21.5 * u),
            int(38.5 * u + jy))
    portrait = _portrait(rng, (pbox[2] - pbox[0], pbox[3] - pbox[1]),
                         PHOTO_BACKGROUNDS[f["photo_background"]], kind="ok",
                         look=_look(person, rng))
    img.paste(portrait.filter(ImageFilter.GaussianBlur(max(0.4, dpi / 300 * 0.8))), pbox[:2])
    small = face(des.label_face, int(1.75 * u))
    issued = dt.date(rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28))
    mid = (pbox[0] + pbox[2]) / 2
    centered(d, mid, 39.3 * u + jy, REGENCY, small, ink)
    centered(d, mid, 41.6 * u + jy, f"{issued:%d-%m-%Y}", small, ink)
    if layer:
        mask = spread(layer, des.spread_mm, dpi) if des.spread_mm else layer
        mask, ghost = light_print(mask, des.thin, des.ghost_mm, dpi)
        if des.faint_side:
            mask = faint_side(mask, des.faint_side)
        if des.fringe:
            fringe(img, mask, des.fringe, des.fringe_mm, dpi)
        if labels:
            label_pass(img, labels, des.label_ink, des.label_pass_mm, dpi)
        if ghost:
            img.paste(toner, (0, 0), ghost)
        img.paste(toner, (0, 0), mask)
    sig = make_signature(rng=rng, width_px=int(18 * u), height_px=int(7 * u), ink=BLACK_INK)
    img.paste(sig, (int(pbox[0] + 1.5 * u), int(44.2 * u + jy)), sig)
    if des.pudar:   # the personal print faded in a wallet, the ground barely: never the NIK
        img = pudar(img, ground, rng, des.pudar, dpi,
                    nik=(lx + 12.6 * u, ny - 0.6 * u, photo_left - 0.6 * u,
                         ny + (des.nik_mm + 0.8) * u))
    if des.print_scale < 1:
        img, _ = undersized(img, rng, des.print_scale, des.blank, des.frame, dpi)
    if des.hologram_mm:
        img = hologram(img, rng, des.hologram_mm, dpi)
    if des.glare and rng.random() < des.glare:
        img = glare(img, rng, dpi)
    if des.wear:
        img = wear(img, rng, des.wear, dpi)
    if des.edge_wear:
        img = worn_edge(img, rng, des.edge_wear, dpi)
    if des.scratches:
        img = scratched_laminate(img, rng, des.scratches, dpi)
    if des.uneven:
        img = uneven_copy(img, rng, des.uneven)
    if des.crease:
        img = crease(img, rng, des.crease, dpi)
    if des.bow_mm:
        img = bow(img, rng, des.bow_mm, dpi)
    if des.sleeve:
        img = sleeve(img, rng, des.sleeve, dpi)
    if des.yellowed:
        img = yellowed(img, rng, des.yellowed, dpi)
    if des.coffee:
        img = coffee_stain(img, rng, des.coffee, dpi)
    if des.head_streaks:
        img = head_streaks(img, rng, des.head_streaks, dpi)
    if des.low_toner:   # the copy itself: over the card and whatever lies on it
        img = low_toner(img, rng, des.low_toner, dpi)
    if des.colour_copy:   # the copy too: over the card's edges and whatever lies on it
        img = colour_copy(img, rng, des.colour_copy, dpi)
    if des.overexposed:   # the scan itself, set too bright
        img = overexposed(img, rng, des.overexposed, dpi)
    if des.inkjet:   # the copy, made on an inkjet copier
        img = inkjet_copy(img, rng, des.inkjet, dpi)
    if des.pen_note:   # written on the copy, over the card, after it was made
        img = pen_note(img, rng, des.pen_note, dpi)
    if des.dark_copy:   # the copy, made with the copier set far too dark
        img = dark_copy(img, rng, des.dark_copy, dpi)
    if des.legalised:   # stamped and signed on the copy, at an office
        img = legalised(img, rng, des.legalised, dpi)
    if des.recopied:   # copied enlarged, and that copy copied back down
        img = recopied(img, rng, des.recopied, dpi)
    if des.highlight:   # marked on the copy with a highlighter, over the values it marks
        img = highlighted(img, rng, des.highlight, dpi, marked_rows(des, dpi, (jx, jy)))
    if des.show_through:   # copied onto a used sheet: the letter on its back shows through
        img = show_through(img, rng, des.show_through, dpi)
    if des.drum_streak:   # a scratched drum's line down the copy, through the NIK's digits
        img = drum_streak(img, rng, des.drum_streak, dpi,
                          marked_rows(des, dpi, (jx, jy))["nik"])
    if des.punched:   # punched for a binder and stapled to the form: a hole, a staple
        img = punched(img, rng, des.punched, dpi)
    if des.fingertip:   # a finger holding the card down on the copier's glass
        img = fingertip(img, rng, des.fingertip, dpi)
    if des.blistered:   # the card's own lamination, blistered and peeling
        img = lepuh(img, rng, des.blistered, dpi)
    if des.lid_open:   # copied with the lid open: black round the card, its edges grey
        img = lid_open(img, rng, des.lid_open, dpi)
    kertas = {}
    if des.hvs:   # the copy made on coloured paper (its name kept: the back's is the same)
        img, kertas["kertas"] = hvs_copy(img, rng, des.hvs, dpi)
    if des.folded:   # the copy folded in four and flattened again
        img = folded_copy(img, rng, des.folded, dpi)
    if des.buram:   # the copy made on kertas buram, grey recycled newsprint
        img = buram_copy(img, rng, des.buram, dpi)
    if des.klip:   # the clip that held the copy to the form, scanned over the card
        img = klip(img, rng, des.klip, dpi)
    if des.wa_cetak:   # photographed, sent on WhatsApp, printed on an inkjet: that print
        img = wa_cetak(img, rng, des.wa_cetak, dpi)
    if des.stempel_ungu:   # the copy stamped and dated in a purple box at an office
        img = stempel_ungu(img, rng, des.stempel_ungu, dpi)
    if des.selotip:   # the card cracked across and mended with clear tape, then copied
        img = selotip(img, rng, des.selotip, dpi)
    if des.tembus:   # copied on thin paper: the sheet's other side showing through
        img = tembus(img, rng, des.tembus, dpi)
    if des.layar:   # shown on a screen and photographed off it
        img = layar(img, rng, des.layar, dpi)
    if des.piksel:   # a tiny photo of the card printed enlarged on a laser printer, scanned
        img = piksel(img, rng, des.piksel, dpi)
    if des.genggam:   # held in the hand and photographed: the thumb below the name's line
        clear = (des.first_y_mm + max(0.0, des.value_dy_mm) + des.text_mm + 0.8) * u + jy
        img = genggam(img, rng, des.genggam, dpi, clear=clear)
    if des.selip:   # its copy scanned through a sheet feeder whose rollers slipped
        img = selip(img, rng, des.selip, dpi)
    if des.keluarga:   # copied lying on the holder's family card: its table round the card
        img = keluarga(img, rng, des.keluarga, dpi, fields=f)
    if des.malam:   # photographed at night under a lamp: the phone's shadow below the name
        clear = (des.first_y_mm + max(0.0, des.value_dy_mm) + des.text_mm + 0.8) * u + jy
        img = malam(img, rng, des.malam, dpi, clear=clear)
    if des.ajaib:   # "scanned" with a phone's scanner app: magic colour, its mark, its JPEG
        img = ajaib(img, rng, des.ajaib, dpi)
    if des.pojok:   # copied at the glass's corner, low on toner: never past the labels' edge
        img = pojok(img, rng, des.pojok, dpi, left_clear=lx - 0.3 * u,
                    keep=(ny - 0.6 * u, ny + (des.nik_mm + 0.6) * u))
    if des.coretan:   # copied in grey, the copy marked with a clerk's ballpoint
        img = coretan(img, rng, des.coretan, dpi, des, (jx, jy))
    name_foot = (des.first_y_mm + max(0.0, des.value_dy_mm) + des.text_mm + 0.8) * u + jy
    if des.faks:   # copied and sent on by fax: no line lost from the NIK's to the name's foot
        img = faks(img, rng, des.faks, dpi, keep=(ny - 0.8 * u, name_foot))
    if des.kalung:   # photographed in an ID holder: its glare off the NIK's and name's lines
        img = kalung(img, rng, des.kalung, dpi,
                     clear=[(ny - 0.6 * u, ny + (des.nik_mm + 0.8) * u),
                            (name_foot - (des.text_mm + 1.4) * u, name_foot)])
    if des.kilat or des.laminasi or des.kaca or des.usang or des.stensil or des.semen:
        # the NIK's digits and the name's value, kept clear
        keep = [(lx + 12.6 * u, ny - 0.6 * u, photo_left - 0.6 * u, ny + (des.nik_mm + 0.8) * u),
                (cx + (des.value_gap_mm - 0.5) * u, name_foot - (des.text_mm + 1.4) * u,
                 photo_left - 1.0 * u, name_foot)]
        if des.kilat:   # photographed with the flash: its hot spot off them
            img = kilat(img, rng, des.kilat, dpi, keep=keep)
        if des.laminasi:   # copied, cut out and laminated: the cold film's patch off them
            img = laminasi(img, rng, des.laminasi, dpi, keep=keep)
        if des.kaca:   # under a desk's glass top: the tube lights' reflections off them
            img = kaca(img, rng, des.kaca, dpi, keep=keep)
        if des.usang:   # on a failing flatbed: its sensor's lines off them
            img = usang(img, rng, des.usang, dpi, keep=keep)
        if des.semen:   # dusted with cement: the prints and the mortar off them
            img = semen(img, rng, des.semen, dpi, keep=keep)
        if des.stensil:   # on a stencil duplicator: the feed roller's tracks off them
            img = stensil(img, rng, des.stensil, dpi, keep=keep)
    img = img.filter(ImageFilter.GaussianBlur(max(0.4, dpi / 300 * des.blur)))
    if des.lineart:   # printed from a scan in black-and-white mode: after the optics' blur
        img = lineart(img, rng, des.lineart, dpi)
    if des.jpeg_quality:   # passed on after the blur a copy or camera gives it
        img = chat_jpeg(img, rng, des.jpeg_quality, dpi)
    if not color:
        img = _grey(img)
    truth = {"doc": "ktp", **f, "tanggal_terbit": issued.isoformat(), "color": color,
             "side": "front", "design": des.name, **kertas}
    return img, truth


def make_ktp_back(*, rng: random.Random, dpi: int = 300, color: bool = True,
                  design: str | KtpDesign | None = None, paper: str | None = None
                  ) -> Image.Image:
    """The back of a KTP-el: security print only, as the card's reverse shows.

    ``paper``: the coloured paper a copy on it was made on (the front's truth ``kertas``;
    else one drawn)."""
    des = _design(design, rng)
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    img = background(des, size, rng, dpi)
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    d.ellipse([size[0] * 0.55, size[1] * 0.25, size[0] * 0.9, size[1] * 0.8],
              outline=tuple(c - 20 for c in des.line_color), width=max(1, int(0.4 * u)))
    centered(d, size[0] * 0.3, size[1] * 0.45, "REPUBLIK INDONESIA",
             face(des.head_face, int(2.4 * u)), tuple(c - 30 for c in des.line_color))
    if des.wear:
        img = wear(img, rng, des.wear, dpi)
    if des.edge_wear:
        img = worn_edge(img, rng, des.edge_wear, dpi)
    if des.scratches:
        img = scratched_laminate(img, rng, des.scratches, dpi)
    if des.print_scale < 1:
        img, _ = undersized(img, rng, des.print_scale, des.blank, des.frame, dpi)
    if des.crease:   # folded with the front
        img = crease(img, rng, des.crease, dpi)
    if des.recopied:   # on the same copies as the front
        img = recopied(img, rng, des.recopied, dpi)
    if des.show_through:   # on the same used sheet as the front
        img = show_through(img, rng, des.show_through, dpi)
    if des.drum_streak:   # through the same copier as the front
        img = drum_streak(img, rng, des.drum_streak, dpi)
    if des.punched:   # the punch's other hole, on the same sheet as the front
        img = punched(img, rng, des.punched, dpi, staple=False)
    if des.hvs:   # on the same coloured sheet as the front
        img, _ = hvs_copy(img, rng, des.hvs, dpi, paper=paper)
    if des.folded:   # folded with the front
        img = folded_copy(img, rng, des.folded, dpi)
    if des.blistered:   # the same lamination on the back
        img = lepuh(img, rng, des.blistered, dpi)
    if des.lid_open:   # on the same open-lid copy as the front
        img = lid_open(img, rng, des.lid_open, dpi)
    if des.buram:   # on the same sheet of kertas buram as the front
        img = buram_copy(img, rng, des.buram, dpi)
    if des.wa_cetak:   # photographed and printed with the front, on the same sheet
        img = wa_cetak(img, rng, des.wa_cetak, dpi)
    if des.selotip:   # the same crack through the card's back, taped on that side too
        img = selotip(img, rng, des.selotip, dpi)
    if des.tembus:   # on the same thin double-sided sheet as the front
        img = tembus(img, rng, des.tembus, dpi)
    if des.layar:   # shown on the same screen after the front, photographed the same way
        img = layar(img, rng, des.layar, dpi)
    if des.piksel:   # its own tiny photo, printed on the same laser printer
        img = piksel(img, rng, des.piksel, dpi)
    if des.genggam:   # turned over in the same hand and photographed the same way
        img = genggam(img, rng, des.genggam, dpi)
    if des.selip:   # through the same slipping feeder as the front
        img = selip(img, rng, des.selip, dpi)
    if des.keluarga:   # turned over on the same family card and copied the same way
        img = keluarga(img, rng, des.keluarga, dpi)
    if des.malam:   # turned over under the same lamp and photographed the same way
        img = malam(img, rng, des.malam, dpi)
    if des.ajaib:   # turned over and scanned with the same app
        img = ajaib(img, rng, des.ajaib, dpi)
    if des.pojok:   # turned over and copied at the same corner of the glass
        img = pojok(img, rng, des.pojok, dpi)
    if des.coretan:   # copied with the front (the clerk marks only the front)
        img = copy_look(img, rng, dpi)
    if des.faks:   # on the same fax as the front
        img = faks(img, rng, des.faks, dpi)
    if des.kalung:   # turned over in the same holder and photographed the same way
        img = kalung(img, rng, des.kalung, dpi)
    if des.kilat:   # turned over and photographed with the same flash
        img = kilat(img, rng, des.kilat, dpi)
    if des.laminasi:   # the copy of the back, laminated back to back with the front's
        img = laminasi(img, rng, des.laminasi, dpi)
    if des.kaca:   # turned over under the same glass and photographed the same way
        img = kaca(img, rng, des.kaca, dpi)
    if des.usang:   # turned over on the same failing flatbed
        img = usang(img, rng, des.usang, dpi)
    if des.semen:   # the back handled with the same dusty hands
        img = semen(img, rng, des.semen, dpi)
    if des.stensil:   # the back through the same duplicator
        img = stensil(img, rng, des.stensil, dpi)
    img = img.filter(ImageFilter.GaussianBlur(max(0.4, dpi / 300 * des.blur)))
    if des.lineart:   # from the same scan as the front
        img = lineart(img, rng, des.lineart, dpi)
    return img if color else _grey(img)


def _outlined(card: Image.Image, dpi: int) -> Image.Image:
    """The card with rounded corners and the dark edge a copier draws around it."""
    radius = mm_px(3.2, dpi)
    mask = Image.new("L", card.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, card.width - 1, card.height - 1],
                                           radius=radius, fill=255)
    out = card.convert("RGBA")
    out.putalpha(mask)
    ImageDraw.Draw(out).rounded_rectangle([0, 0, out.width - 1, out.height - 1], radius=radius,
                                          outline=(70, 70, 70, 255), width=max(1, dpi // 150))
    return out


def _turned(point, size, angle: float, new_size) -> tuple[float, float]:
    """Where ``point`` of an image of ``size`` lands after PIL's rotate(angle, expand=True)."""
    a = math.radians(angle)
    dx, dy = point[0] - size[0] / 2, point[1] - size[1] / 2
    return (new_size[0] / 2 + dx * math.cos(a) + dy * math.sin(a),
            new_size[1] / 2 - dx * math.sin(a) + dy * math.cos(a))


def make_ktp_copy_page(person: dict, *, rng: random.Random, dpi: int = 300,
                       paper_mm: tuple[float, float] = (210, 297), color: bool = True,
                       back: bool = False, design: str | KtpDesign | None = None,
                       scale: float = 1.0, turn: int = 0, max_skew: float = 4.0,
                       front: Callable[..., tuple[Image.Image, dict]] | None = None,
                       glare_share: float = 0.0) -> tuple[Image.Image, dict]:
    """A photocopy page of the KTP (with ``back=True`` the reverse under the front).

    ``front``: another maker of the card's front, called as ``front(person, rng=, dpi=)``
    and returning ``(image, truth)`` (default: :func:`make_ktp` in ``design``).
    ``scale``: the copier's zoom (0.8-1.6); ``turn``: quarter turns (counter-clockwise) of
    the cards on the sheet; the cards are a few degrees askew (up to ``max_skew``) and at
    a random place. ``glare_share``: the share of copies whose card (of any design) catches
    a lamination glare patch, on top of the design's own share. Truth adds
    ``card_box``/``back_box`` (page pixels), ``card_angle`` (degrees the front is turned
    on the sheet, counter-clockwise), ``design``, ``scale``, ``glare`` (whether this copy
    added a glare patch).
    """
    des = _design(design, rng)
    page = _paper((mm_px(paper_mm[0], dpi), mm_px(paper_mm[1], dpi)), rng, tone=252)
    # a copy fed through a slipping sheet feeder: the page as a whole goes through it below
    fed = bool(des.selip) and front is None
    drawn = replace(des, selip=0.0) if fed else des
    # copied with the holder's family card: the card drawn bare, the family card beside it
    with_kk = bool(des.keluarga) and front is None
    if with_kk:
        drawn = replace(drawn, keluarga=0.0)
    # the app's ID-card page, or a copy laid at the glass's corner: the cards drawn bare
    app = bool(des.ajaib) and front is None
    at_corner = bool(des.pojok) and front is None
    if app or at_corner:
        drawn = replace(drawn, ajaib=0.0, pojok=0.0)
    # a copy marked by a clerk: the cards drawn bare, the marks made on the copy
    marked = bool(des.coretan) and front is None
    if marked:
        drawn = replace(drawn, coretan=0.0)
    # a copy sent on by fax: the cards copied bare, the whole sheet faxed
    faxed = bool(des.faks) and front is None
    if faxed:
        drawn = replace(drawn, faks=0.0)
    card, truth = (front(person, rng=rng, dpi=dpi) if front is not None
                   else make_ktp(person, rng=rng, dpi=dpi, color=True, design=drawn))
    # drawn only when asked, after the card: a seed draws the same pages as before
    glared = bool(glare_share) and rng.random() < glare_share
    if glared:
        card = glare(card.convert("RGB"), rng, dpi)
    if truth.get("kertas"):   # the copy made on a coloured sheet: all of it that colour
        page = on_paper(page, truth["kertas"])
    if des.lid_open and front is None:   # the lid left open: the sheet black round them
        page = lid_page(page, rng, dpi)
    if des.buram and front is None:   # copied onto kertas buram: all the sheet grey, flecked
        page = buram_page(page, rng, dpi)
    if des.tembus and front is None:   # a thin sheet: the page on its back showing through
        page = tembus_page(page, rng, dpi)
    cards = [card] + ([make_ktp_back(rng=rng, dpi=dpi, design=drawn,
                                     paper=truth.get("kertas"))] if back else [])
    cards = [_outlined(c.resize((round(c.width * scale), round(c.height * scale)),
                                Image.LANCZOS), dpi) for c in cards]
    cw, ch = cards[0].size
    gap = mm_px(rng.uniform(8, 25), dpi)
    shift = mm_px(rng.uniform(-6, 6), dpi) if back else 0
    group = Image.new("RGBA", (cw + abs(shift), ch * len(cards) + gap * (len(cards) - 1)),
                      (0, 0, 0, 0))
    offsets = [(max(0, -shift), 0), (max(0, shift), ch + gap)][:len(cards)]
    for c, off in zip(cards, offsets, strict=True):
        group.paste(c, off, c)
    # squared against the glass's guides, or set upright by the app
    skew = min(max_skew, 0.4) if at_corner or app else max_skew
    angle = 90 * (turn % 4) + rng.uniform(-skew, skew)
    turned = group.rotate(angle, expand=True, resample=Image.BICUBIC)
    if turned.width > page.width or turned.height > page.height:
        raise ValueError("the cards do not fit on the sheet at this zoom")
    if at_corner:   # the front at the sheet's edge, a strip of it past the printing edge
        pts = [_turned((offsets[0][0] + px, offsets[0][1] + py), group.size, angle, turned.size)
               for px, py in ((0, 0), (cw, 0), (cw, ch), (0, ch))]
        corner = pojok_page_plan(rng, dpi, page.size, (
            round(min(p[0] for p in pts)), round(min(p[1] for p in pts)),
            round(max(p[0] for p in pts)), round(max(p[1] for p in pts))), turned.size,
            turn % 4, (des.label_x_mm - 0.9) * scale)
        x, y = corner["x"], corner["y"]
    elif app:   # the app lays the cards out centred across its page, in its upper part
        room_x, room_y = page.width - turned.width, page.height - turned.height
        x = min(room_x, max(0, room_x // 2 + mm_px(rng.uniform(-2, 2), dpi)))
        top = min(mm_px(20, dpi), room_y)
        y = rng.randint(top, max(top, min(room_y, room_y // 2)))
    else:
        x = rng.randint(0, page.width - turned.width)
        y = rng.randint(0, page.height - turned.height)
    if with_kk:   # the family card in the wider band beside the cards (under them at worst)
        page, _ = keluarga_page(page, rng, dpi, (x, y, x + turned.width, y + turned.height),
                                truth)
    page.paste(turned, (x, y), turned)
    boxes = []
    for off in offsets:
        pts = [_turned((off[0] + px, off[1] + py), group.size, angle, turned.size)
               for px, py in ((0, 0), (cw, 0), (cw, ch), (0, ch))]
        boxes.append([round(x + min(p[0] for p in pts)), round(y + min(p[1] for p in pts)),
                      round(x + max(p[0] for p in pts)), round(y + max(p[1] for p in pts))])
    if app:   # the app's page: its magic colour, its mark, its JPEG (no copier)
        page = ajaib_page(page, rng, dpi, color=color)
    else:
        page = _photocopy(page, color=color, rng=rng)
        if at_corner:   # the toner's pale bands, the sheet bare past the printing edge
            page = pojok_page(page, rng, dpi, corner)
        d = ImageDraw.Draw(page)   # copier streaks and toner specks
        for _ in range(rng.randint(0, 3)):
            sx = rng.randint(0, page.width)
            d.line([(sx, 0), (sx, page.height)], fill=(200, 200, 200), width=1)
        for _ in range(rng.randint(20, 120)):
            px, py = rng.randint(0, page.width - 1), rng.randint(0, page.height - 1)
            r = rng.choice([1, 1, 2])
            d.ellipse([px, py, px + r, py + r], fill=(60, 60, 60))
    if marked:   # the clerk's ballpoint on the copy: over the front, a phone number beside
        pts = [_turned((offsets[0][0] + px, offsets[0][1] + py), group.size, angle, turned.size)
               for px, py in ((0, 0), (cw, 0), (cw, ch), (0, ch))]
        centre = (x + sum(p[0] for p in pts) / 4, y + sum(p[1] for p in pts) / 4)
        page, _ = coretan_page(page, rng, dpi, card=cards[0], design=des, scale=scale,
                               centre=centre, angle=angle,
                               cards_box=(x, y, x + turned.width, y + turned.height),
                               nik=truth["nik"], color=color)
    if faxed:   # the copy sent on by fax: its header across the top, no line lost on the front
        page, _ = faks_page(page, rng, dpi, nik=truth["nik"], scale=scale,
                            keep=[(boxes[0][1], boxes[0][3])], color=color)
    if fed:   # the copy scanned through the slipping feeder, fed along the sheet's length
        page, rows = selip_page(page, rng, des.selip, dpi, color=color)
        boxes = [[x0, fed_y(rows, y0), x1, fed_y(rows, y1)] for x0, y0, x1, y1 in boxes]
    truth = dict(truth, color=color, card_box=boxes[0], card_angle=round(angle % 360, 2),
                 back=back, back_box=boxes[1] if back else None, scale=scale, turn=turn % 4,
                 glare=glared)
    return page, truth
