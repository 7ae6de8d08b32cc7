"""The twenty-third held-out group of card designs: kept apart (registered in group 23,
never drawn unasked), what is new on them shows on the rendered cards (a card handed in as
a WhatsApp photo printed on a cheap inkjet: warm, dithered, its corners showing the table;
a copy stamped in a purple box over the field block, dated and initialled in ballpoint),
what is printed is the truth, their faces' files are installed, and the earlier designs
keep their drawing (the new looks are off on all of them). No reader runs here."""
from __future__ import annotations

import random
import re
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_faces as IF
from scansim import ijazah_group23 as IG23
from scansim import ktp_designs as KD
from scansim import ktp_group23 as KG23
from scansim.draw import mm_px
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    _card,
    _diploma_faces_from_packages,
    _faces_from_new_packages,
    _grey,
    _new_diploma_group,
    _new_ktp_group,
    _pair,
    _printed,
    _two_colour_lines,
)

KTP_23 = ("aerial_wa_cetak", "gulim_stempel")


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261223)


def _purple(img) -> np.ndarray:
    """Where a card shows the stamp's purple: blue and red well above green."""
    rgb = np.asarray(img.convert("RGB")).astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return (b - g > 35) & (r - g > 15)


# -- the group --------------------------------------------------------------------------

def test_group_23_differs_from_every_earlier_design():
    earlier = _new_ktp_group(23, KTP_23)
    _faces_from_new_packages(earlier, KTP_23)
    wa, stempel = (KD.DESIGNS[n] for n in KTP_23)
    assert wa.wa_cetak > 0 and not wa.stempel_ungu
    assert stempel.stempel_ungu > 0 and not stempel.wa_cetak
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.wa_cetak or e.stempel_ungu for e in earlier)
    assert {"jlamprang", "tambal"} <= set(KD.PATTERNS)
    assert wa.nik_face != wa.label_face and stempel.nik_face != stempel.label_face


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_23_backgrounds_have_both_colours(dpi):
    """Jlamprang and tambal: marks in both of each print's colours."""
    _two_colour_lines("aerial_wa_cetak", 3, dpi, 0.01)
    _two_colour_lines("gulim_stempel", 4, dpi, 0.01)


# -- a WhatsApp photo printed on an inkjet -------------------------------------------------

@pytest.mark.parametrize("dpi", [200, 300])
def test_wa_cetak_is_warm_dithered_and_shows_the_table(dpi):
    """A white card through the chain: warmer than it was (red over blue), grainy where
    it was flat (the dither's dots), and at its corners the table the phone saw."""
    u = dpi / 25.4
    out = KG23.wa_cetak(_card((255, 255, 255), dpi), random.Random(3), 0.8, dpi)
    rgb = np.asarray(out).astype(float)
    mid = rgb[int(15 * u):int(40 * u), int(20 * u):int(65 * u)]
    assert mid.mean() > 200
    assert mid[..., 0].mean() - mid[..., 2].mean() > 8              # the warm light
    grey = mid.mean(axis=2)
    fine = grey - cv2.GaussianBlur(grey, (0, 0), 2.0)
    assert fine.std() > 1.5                                           # the dots' grain
    corners = [rgb[:3, :3], rgb[:3, -3:], rgb[-3:, :3], rgb[-3:, -3:]]
    assert min(c.mean() for c in corners) < mid.mean() - 30          # the table


def test_wa_cetak_varies_from_card_to_card():
    """Each card its own quality, light and perspective: two seeds, two different prints."""
    card = _card((255, 255, 255), 200)
    a, b = (np.asarray(KG23.wa_cetak(card, random.Random(s), 0.8, 200)).astype(float)
            for s in (1, 2))
    assert np.abs(a - b).mean() > 3


@pytest.mark.parametrize("dpi", [200, 300])
def test_wa_cetak_keeps_the_nik_dark(people, dpi):
    """Against the same card not put through the chain: blockier and grainier, yet the
    NIK's digits stay dark enough to read."""
    u = dpi / 25.4
    des = KD.DESIGNS["aerial_wa_cetak"]
    card, bare, _ = _pair(people[2], "aerial_wa_cetak", dpi, dpi, wa_cetak=0.0)
    grey, plain = _grey(card).astype(float), _grey(bare).astype(float)
    assert np.abs(grey - plain).mean() > 4
    nik = grey[int(des.nik_y_mm * u):int((des.nik_y_mm + des.nik_mm) * u),
               int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
    assert (nik < 110).mean() > 0.06


# -- a purple box stamp, dated and initialled ---------------------------------------------

def test_stempel_mask_is_a_box_with_wording_and_a_written_date():
    dpi = 300
    u = dpi / 25.4
    stamp, pen = KG23.stempel_mask((45.0, 17.0), KG23.STEMPEL_TEXTS[0], dpi,
                                   random.Random(4))
    ink = np.asarray(stamp) > 128
    assert ink.shape == (round(17 * u), round(45 * u))
    assert ink[:, :3].mean() > 0.8 and ink[:3, :].mean() > 0.8      # the box's frame
    assert 0.03 < ink[int(3 * u):int(9 * u), int(5 * u):int(40 * u)].mean() < 0.5   # wording
    assert (np.asarray(pen) > 128).mean() > 0.01                      # date and paraf


@pytest.mark.parametrize("dpi", [200, 300])
def test_stempel_ungu_lies_over_the_field_block_in_purple(people, dpi):
    """Against the same card unstamped: purple ink in the middle of the field block
    (over the values), none of it on the NIK's row nor on the name's, and blue ballpoint
    somewhere inside it."""
    u = dpi / 25.4
    des = KD.DESIGNS["gulim_stempel"]
    card, bare, truth = _pair(people[3], "gulim_stempel", dpi, dpi, stempel_ungu=0.0)
    purple = _purple(card) & ~_purple(bare)
    block = purple[int(22 * u):int(46 * u), int(des.colon_x_mm * u):int(55 * u)]
    assert block.mean() > 0.02
    top = int((des.first_y_mm + des.text_mm) * u)
    assert purple[:top].mean() < 0.001
    rgb = np.asarray(card).astype(int)
    pen = (rgb[..., 2] - rgb[..., 0] > 60) & (rgb[..., 2] > 100) & (rgb[..., 1] < 110)
    assert pen[int(20 * u):int(48 * u), int(10 * u):int(62 * u)].sum() > 20 * u
    assert truth["nama"] == people[3]["nama"].upper()


def test_stempel_ungu_lands_differently_on_each_card():
    dpi = 200
    u = dpi / 25.4
    card = _card((255, 255, 255), dpi)
    ImageDraw.Draw(card).rectangle([0, 0, 1, 1], fill=(0, 0, 0))
    centres = []
    for seed in range(6):
        ys, xs = np.nonzero(_purple(KG23.stempel_ungu(card, random.Random(seed), 0.8, dpi)))
        centres.append((xs.mean() / u, ys.mean() / u))
        assert 24 < xs.mean() / u < 52 and 24 < ys.mean() / u < 40
    assert len({round(x) for x, _ in centres} | {round(y) for _, y in centres}) > 3



# == diplomas: a special school's printed from a WhatsApp photo, a polytechnic's with a
# == hologram sticker =======================================================================

IJAZAH_23 = ("slb_wa_cetak", "poltekkes_hologram")
# The font package each of the group's new faces comes from, by its files' family name.
PACKAGES_23 = {"Kinnari": "fonts-tlwg-kinnari-ttf", "Umpush": "fonts-tlwg-umpush-ttf",
               "Irianis": "fonts-adf-irianis", "Ikarius": "fonts-adf-ikarius"}
LEVELS_23 = {"SD": "SEKOLAH DASAR LUAR BIASA (SDLB)",
             "SMP": "SEKOLAH MENENGAH PERTAMA LUAR BIASA (SMPLB)",
             "SMA": "SEKOLAH MENENGAH ATAS LUAR BIASA (SMALB)"}
PAPER = np.array([250, 250, 247])   # the inkjet's sheet where no ink fell


def _no_sticker(img, rng, dpi, name_box=None):
    return img


def _no_finish(img, rng, dpi):
    return img


@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-23 diploma at 200 and 300 dpi in colour and grey (rendered once), and
    some of them again (same seed) with the new look off, keyed with "bare": the SLB's
    without its WhatsApp print, the polytechnic's without its hologram."""
    out = {}
    for k, name in enumerate(IJAZAH_23):
        for dpi in (200, 300):
            for color in (True, False):
                out[name, dpi, color] = IJ.make_ijazah(
                    people[k], rng=random.Random(dpi), dpi=dpi, color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(IJ.HAND_INS, "wa_cetak", _no_finish)
        mp.setitem(IJ.STICKERS, "hologram", _no_sticker)
        out["slb_wa_cetak", 200, True, "bare"] = IJ.make_ijazah(
            people[0], rng=random.Random(200), dpi=200, color=True, design="slb_wa_cetak")
        for dpi in (200, 300):
            for color in (True, False):
                out["poltekkes_hologram", dpi, color, "bare"] = IJ.make_ijazah(
                    people[1], rng=random.Random(dpi), dpi=dpi, color=color,
                    design="poltekkes_hologram")
    return out


# -- the group ----------------------------------------------------------------------------

def test_group_23_diplomas_differ_from_every_earlier_design():
    earlier = _new_diploma_group(23, IJAZAH_23)
    slb, poltekkes = (IJ.get_design(n) for n in IJAZAH_23)
    assert IJ.programs_of(slb) == ["SD", "SMP", "SMA"] and IJ.programs_of(poltekkes) == ["D4"]
    assert (slb.finish, slb.sticker) == ("wa_cetak", "")
    assert (poltekkes.finish, poltekkes.sticker) == ("", "hologram")
    assert not slb.landscape and poltekkes.landscape
    assert {slb.header, poltekkes.header} == {"slb_kepala", "kemenkes_kepala"}
    assert {slb.border, poltekkes.border} == {"anyaman", "jlamprang"}
    # only they are printed from a WhatsApp photo, carry a sticker, draw these faces
    assert "wa_cetak" not in {d.finish for d in earlier}
    assert not any(d.sticker or d.towns for d in earlier)
    assert not {d.header for d in earlier} & {"slb_kepala", "kemenkes_kepala"}
    assert IJ.HAND_INS["wa_cetak"] is IG23.wa_cetak
    assert IJ.STICKERS["hologram"] is IG23.hologram


def _family(path: str) -> str:
    """A font file's family as PACKAGES_23 names them ("Kinnari-Bold.ttf" -> "Kinnari")."""
    return next((f for f in PACKAGES_23 if Path(path).name.startswith(f)), "")


def test_group_23_faces_come_from_their_new_packages():
    """Every face of the two designs opens a file of Kinnari, Umpush, Irianis ADF or Ikarius
    ADF (see _diploma_faces_from_packages); so does the hologram's microtext, and no card
    draws from them."""
    _diploma_faces_from_packages(23, IJAZAH_23, PACKAGES_23)
    assert _family(IF.face("ikarius_bold", 40).path) == "Ikarius"
    assert not any(_family(v[0]) for v in KD.FACES.values())


def test_group_23_pages_are_set_in_those_faces(people, monkeypatch):
    """While a page is drawn its title, headings, rows and name go out in the new faces'
    files: the SLB's title in Kinnari, its rows and name in Umpush; the polytechnic's
    title and headings in Irianis, its name and the hologram's microtext in Ikarius."""
    drawn: list[tuple[str, str]] = []
    original = ImageDraw.ImageDraw.text

    def text(self, xy, value, *args, **kwargs):
        fnt = kwargs.get("font") or (args[1] if len(args) > 1 else None)
        drawn.append((str(value), _family(getattr(fnt, "path", "") or "")))
        return original(self, xy, value, *args, **kwargs)
    monkeypatch.setattr(ImageDraw.ImageDraw, "text", text)
    _, truth = IJ.make_ijazah(people[0], rng=random.Random(4), dpi=60, design="slb_wa_cetak")
    faces = dict(drawn)
    assert faces["IJAZAH"] == "Kinnari" and faces["REPUBLIK INDONESIA"] == "Kinnari"
    assert faces[truth["nama"]] == faces["nomor induk siswa nasional"] == "Umpush"
    assert {f for _, f in drawn} >= {"Kinnari", "Umpush"}
    drawn.clear()
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(4), dpi=60,
                              design="poltekkes_hologram")
    faces = dict(drawn)
    titled = " ".join(w[:1] + w[1:].lower() for w in truth["nama"].split(" "))
    assert faces["IJAZAH"] == faces[truth["sekolah"]] == "Irianis"
    assert faces[titled] == "Ikarius"
    assert faces["K"] == faces["\u2022"] == "Ikarius"        # round the hologram's rim


# -- rendering and the truth ------------------------------------------------------------

@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_23)
def test_group_23_diplomas_render_grey_and_colour(diplomas, people, name, dpi, color):
    page, truth = diplomas[name, dpi, color]
    long_px, short_px = mm_px(297, dpi), mm_px(210, dpi)
    landscape = name == "poltekkes_hologram"
    assert page.size == ((long_px, short_px) if landscape else (short_px, long_px))
    rgb = np.asarray(page).astype(int)
    assert bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 20) is color
    assert truth["color"] is color and truth["design"] == name
    assert truth["group"] == 23 and truth["held_out"] and truth["landscape"] is landscape
    assert truth["nama"] == people[IJAZAH_23.index(name)]["nama"].upper()
    # printed: ink well darker than its paper, on some of it but far from all
    grey = _grey(page)
    assert 0.01 < (grey < np.median(grey) - 70).mean() < 0.25
    # grey and colour pages of one seed are of the same diploma
    assert truth == dict(diplomas[name, dpi, not color][1], color=color)


def test_group_23_truth_is_as_the_designs_promise(people):
    """The SLB's level is its school's (SDLB, SMPLB, SMALB read as SD, SMP, SMA), its
    serial of the 2013 blanks; the polytechnic's a D4 of a Kemenkes polytechnic in one of
    its towns, numbered on the ministry's register; both within their eras."""
    levels = set()
    towns = IJ.get_design("poltekkes_hologram").towns
    for k in range(8):
        person = people[k % 4]
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30, design="slb_wa_cetak")
        jenjang, tahun = truth["jenjang"], truth["tahun"]
        levels.add(jenjang)
        assert jenjang in ("SD", "SMP", "SMA") and truth["program"] == jenjang
        assert truth["nama"] == person["nama"].upper() and 2014 <= tahun <= 2024
        assert re.fullmatch(r"SLB NEGERI [1-4] [A-Z][A-Z ]+", truth["sekolah"])
        tier = "M" if jenjang == "SMA" else "D"
        assert re.fullmatch(rf"DN-\d\d/{tier}-{jenjang}LB/K13/{tahun % 100:02d}/\d{{7}}",
                            truth["nomor"])
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30,
                                  design="poltekkes_hologram")
        assert truth["jenjang"] == truth["program"] == "D4"
        assert truth["nama"] == person["nama"].upper() and 2016 <= truth["tahun"] <= 2024
        assert truth["sekolah"].removeprefix("POLITEKNIK KESEHATAN KEMENKES ") in towns
        assert re.fullmatch(rf"DL\.02\.02/[1-9]/\d{{4}}/{truth['tahun']}", truth["nomor"])
    assert levels == {"SD", "SMP", "SMA"}


@pytest.mark.parametrize("program", ["SD", "SMP", "SMA"])
def test_slb_prints_the_truth(people, program, monkeypatch):
    """The level as a special school's (its truth the plain level), the school year, the
    serial, the NISN's row before the name's (in capitals, whole), the kind of special
    need last, and the school named in its close."""
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[2], rng=random.Random(7), dpi=60, design="slb_wa_cetak",
                              program=program)
    assert truth["jenjang"] == program
    assert LEVELS_23[program] in texts
    assert not any(t.startswith(f"{LEVELS_23[program].split(' LUAR')[0]} (") for t in texts)
    tahun, nomor = truth["tahun"], truth["nomor"]
    assert f"TAHUN PELAJARAN {tahun - 1}/{tahun}" in texts and f"No. {nomor}" in texts
    assert texts.index("nomor induk siswa nasional") < texts.index("nama") \
        < texts.index(truth["nama"]) < texts.index("jenis kekhususan")
    shown = "SLB " + truth["sekolah"].removeprefix("SLB ").title()
    assert f"dari {shown} pada tahun {tahun}." in texts
    assert any(t.startswith(f"Yang bertanda tangan di bawah ini, Kepala {shown},")
               for t in texts)


def test_poltekkes_prints_the_truth_and_its_programmes_degree(people, monkeypatch):
    """The number on the ministry's register, the polytechnic, the decree before the
    holder named in Title Case over a NIM, and the degree of the holder's own health
    programme (not the engineering degree a D4 otherwise gets)."""
    studies = IG23._data()["poltekkes"]["studies"]
    seen = set()
    for k in range(4):
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=60,
                                  design="poltekkes_hologram")
        assert f"Nomor Ijazah : {truth['nomor']}" in texts
        assert truth["sekolah"] in texts and "PROGRAM SARJANA TERAPAN" in texts
        titled = " ".join(w[:1] + w[1:].lower() for w in truth["nama"].split(" "))
        at = texts.index(titled)
        assert texts[at - 2].startswith("Direktur Politeknik Kesehatan Kemenkes ")
        assert texts[at - 1].startswith("berdasarkan Keputusan Direktur Nomor HK.02.03/")
        assert re.fullmatch(r"NIM P0\d{7}\d\d\d{3}", texts[at + 1])
        study, department, degree = next(
            s for s in studies if f"mahasiswa Program Studi {s[0]}, {s[1]}," in texts)
        assert degree in texts and "Sarjana Terapan Teknik (S.Tr.T.)" not in texts
        assert any(str(truth["tahun"]) in t for t in texts if t != texts[0])
        seen.add(study)
    assert len(seen) > 1


@pytest.mark.parametrize("name", IJAZAH_23)
def test_group_23_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=50, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=50, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=50, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- slb_wa_cetak: a WhatsApp photo printed on a cheap inkjet, scanned -------------------

def _a4(dpi: int, landscape: bool = False) -> Image.Image:
    """A blank A4 page of the SLB's paper (landscape: of the polytechnic's)."""
    size = (mm_px(210, dpi), mm_px(297, dpi))
    return Image.new("RGB", size[::-1] if landscape else size, (250, 250, 246))


def _band_peak(grey: np.ndarray, u: float) -> tuple[float, float]:
    """How strong (over the median of periods 1-12 mm) the strongest row-to-row ripple of
    period 2.3-4.3 mm is in ``grey`` (a head's passes), and its period (mm)."""
    rows = grey.mean(axis=1)
    rows = rows - cv2.GaussianBlur(rows.reshape(-1, 1), (0, 0), 3 * u).ravel()
    power = np.abs(np.fft.rfft(rows)) ** 2
    period = 1 / np.maximum(np.fft.rfftfreq(len(rows), d=1 / u), 1e-9)
    band = (period > 2.3) & (period < 4.3)
    ref = (period > 1.0) & (period < 12)
    return float(power[band].max() / np.median(power[ref])), float(period[band][
        power[band].argmax()])


def _wa_white(seed: int, dpi: int = 150) -> dict:
    """A blank page through the WhatsApp print, measured: the white margin (mm, each
    side), the picture's box (px), the middle's warmth, grain and bands, its corners."""
    u = dpi / 25.4
    out = np.asarray(IG23.wa_cetak(_a4(dpi), random.Random(seed), dpi)).astype(float)
    grey = out.mean(axis=2)
    ys, xs = np.nonzero(grey < 240)                  # the photo, the sheet round it
    h, w = grey.shape
    mid = out[int(60 * u):int(240 * u), int(40 * u):int(170 * u)]
    flat = mid.mean(axis=2)
    c = int(1 * u)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    sheet = np.ones_like(grey, bool)
    f = int(0.3 * u) + 1                               # (the ink spreads a little)
    sheet[max(0, y0 - f):y1 + f, max(0, x0 - f):x1 + f] = False
    assert np.abs(out[sheet] - PAPER).max() <= 1                    # no ink round the photo
    return {"out": out, "margins": (y0 / u, x0 / u, (h - y1) / u, (w - x1) / u),
            "warm": mid[..., 0].mean() - mid[..., 2].mean(), "mid": flat.mean(),
            "grain": (flat - cv2.GaussianBlur(flat, (0, 0), 2.0)).std(),
            "bands": _band_peak(flat, u),
            "corners": [grey[y0:y0 + c, x0:x0 + c].mean(), grey[y0:y0 + c, x1 - c:x1].mean(),
                        grey[y1 - c:y1, x0:x0 + c].mean(), grey[y1 - c:y1, x1 - c:x1].mean()]}


@pytest.mark.parametrize("seed", [0, 3])
def test_wa_cetak_is_warm_grainy_banded_in_a_white_margin_with_the_desk(seed, monkeypatch):
    """A blank page through the chain: the inkjet's white margin (3.5-6 mm, the sheet
    untouched) round the photo; in the photo the desk at each corner, far darker than the
    page; the page warm (red over blue), broken into the ink's dot grain, and rippled row
    by row at the head's pass (2.4-4.2 mm) -- which a print without the seams has not."""
    m = _wa_white(seed)
    top, left, bottom, right = m["margins"]
    assert 3.4 < top < 6.2 and 3.4 < left < 6.2 and 3.4 < right < 6.5 and bottom > 3.4
    assert m["mid"] > 170
    assert m["warm"] > 8
    assert m["grain"] > 8
    peak, period = m["bands"]
    assert peak > 60 and 2.35 < period < 4.25
    assert max(m["corners"]) < m["mid"] - 25
    monkeypatch.setitem(IG23.WA, "band", (0.0, 0.0))
    assert _wa_white(seed)["bands"][0] < 20
    monkeypatch.setitem(IG23.WA, "warm", (0.0, 0.0))
    assert abs(_wa_white(seed)["warm"]) < m["warm"] - 6


def test_wa_cetak_varies_from_page_to_page():
    """Each page its own photo and print: margins, head pitch, warmth and the picture
    itself differ from seed to seed."""
    runs = [_wa_white(s, 100) for s in range(5)]
    assert len({round(r["margins"][0], 1) for r in runs}) >= 4
    assert len({round(r["bands"][1], 2) for r in runs}) >= 3
    warm = [r["warm"] for r in runs]
    assert max(warm) - min(warm) > 4
    a, b = runs[0]["out"], runs[1]["out"]
    assert np.abs(a - b).mean() > 3


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("color", [True, False])
def test_slb_page_is_a_whatsapp_print(diplomas, dpi, color):
    """The rendered SLB page: the sheet's white margin at its top and sides, the desk
    showing at the photo's corners, the print grainy where paper is flat."""
    u = dpi / 25.4
    page, _ = diplomas["slb_wa_cetak", dpi, color]
    grey = _grey(page).astype(float)
    h, w = grey.shape
    edge = int(3.3 * u)
    for strip in (grey[:edge], grey[:, :edge], grey[:, w - edge:], grey[h - edge:]):
        assert np.abs(strip - 250).max() <= 2                           # untouched sheet
    ys, xs = np.nonzero(grey < 240)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    assert y0 < 6.3 * u and x0 < 6.3 * u and w - x1 < 6.6 * u      # margin at most 6 mm
    paper = np.median(grey[y0:y1, x0:x1])
    c = int(1 * u)
    for corner in (grey[y0:y0 + c, x0:x0 + c], grey[y0:y0 + c, x1 - c:x1],
                   grey[y1 - c:y1, x0:x0 + c], grey[y1 - c:y1, x1 - c:x1]):
        assert corner.mean() < paper - 25                               # the desk
    inner = grey[int(120 * u):int(200 * u), int(40 * u):int(170 * u)]
    fine = np.abs(inner - cv2.GaussianBlur(inner, (0, 0), 2.0))
    assert np.median(fine) > 3


def test_slb_page_is_warmer_and_grainier_than_its_drawing(diplomas):
    """Against the same page (same seed) not printed from a photo: its paper redder than
    it is blue by far more, and grainy where the drawing is smooth."""
    dpi = 200
    u = dpi / 25.4
    page, _ = diplomas["slb_wa_cetak", dpi, True]
    bare, _ = diplomas["slb_wa_cetak", dpi, True, "bare"]
    def warmth_and_grain(img):
        rgb = np.asarray(img).astype(float)[int(120 * u):int(200 * u), int(40 * u):int(170 * u)]
        grey = rgb.mean(axis=2)
        paper = grey >= np.percentile(grey, 40)
        fine = np.abs(grey - cv2.GaussianBlur(grey, (0, 0), 2.0))
        return (rgb[..., 0][paper] - rgb[..., 2][paper]).mean(), np.median(fine)
    (warm, grain), (warm0, grain0) = warmth_and_grain(page), warmth_and_grain(bare)
    assert warm > warm0 + 5
    assert grain > grain0 + 2


# -- poltekkes_hologram: a round hologram sticker ------------------------------------------

NAME_BOX = (120.0, 95.0, 180.0, 105.0)   # a name's box (mm) on a landscape page


def _striped(dpi: int) -> Image.Image:
    """A landscape page with dark print (bars 0.7 mm wide every 2 mm) all over it."""
    img = _a4(dpi, landscape=True)
    d = ImageDraw.Draw(img)
    u = dpi / 25.4
    for x in range(0, img.width, int(2 * u)):
        d.rectangle([x, 0, x + int(0.7 * u), img.height], fill=(20, 20, 20))
    return img


def _disc(out: np.ndarray, under: np.ndarray, u: float, least: int = 6) -> dict:
    """Where ``out`` differs from ``under`` (by more than ``least`` in a channel): its
    width and height (mm), centre (mm), left edge (mm), how round it fills its box."""
    changed = np.abs(out.astype(int) - under.astype(int)).max(axis=2) > least
    ys, xs = np.nonzero(changed)
    bw, bh = xs.max() - xs.min() + 1, ys.max() - ys.min() + 1
    return {"mask": changed, "size": (bw / u, bh / u),
            "centre": ((xs.min() + xs.max()) / 2 / u, (ys.min() + ys.max()) / 2 / u),
            "left": xs.min() / u, "fill": changed.sum() / (np.pi / 4 * bw * bh)}


def _placed_right(disc: dict, place: str, kind: str, name_box=NAME_BOX) -> bool:
    """The sticker sits where ``place`` puts it: over the name's end (a foil's left edge
    0.3-2.5 mm, a clear one's 2-8 mm, left of it, level with it), over the photo's top
    right corner, or in the bottom right corner inside the frame."""
    cx, cy = disc["centre"]
    if place == "nama":
        x0, y0, x1, y1 = name_box
        over = (0.3, 2.5) if kind == "foil" else (2.0, 8.0)
        return x1 - over[1] - 0.7 < disc["left"] < x1 - over[0] + 0.7 and \
            abs(cy - (y0 + y1) / 2) < 3.7
    if place == "foto":
        return 84.6 < cx < 89.2 and 148.2 < cy < 152.8
    return 264.2 < cx < 271.8 and 177.2 < cy < 184.8


@pytest.mark.parametrize("kind", IG23.HOLO_KINDS)
@pytest.mark.parametrize("place", list(IG23.HOLO_PLACES))
def test_hologram_is_a_round_sticker_where_it_is_put(place, kind):
    """On a blank page: one round sticker 16-21 mm across, where ``place`` puts it."""
    dpi = 150
    u = dpi / 25.4
    white = _a4(dpi, landscape=True)
    for seed in (1, 2):
        out = IG23.hologram(white, random.Random(seed), dpi, NAME_BOX, place=place, kind=kind)
        disc = _disc(np.asarray(out), np.asarray(white), u)
        w, h = disc["size"]
        assert 15.5 < w < 21.6 and abs(w - h) < 0.6 and disc["fill"] > 0.9
        assert _placed_right(disc, place, kind), disc["centre"]


@pytest.mark.parametrize("place", list(IG23.HOLO_PLACES))
def test_hologram_foil_hides_the_print_a_clear_one_shows_it(place):
    """Foil: dark metal, a glare streak brighter than the rest, rainbow colours, and the
    print under it gone; clear: light, rainbow-tinted, the print seen through it."""
    dpi = 150
    u = dpi / 25.4
    white, striped = _a4(dpi, landscape=True), _striped(dpi)
    bars = _grey(striped) < 100
    for kind in IG23.HOLO_KINDS:
        on_white = np.asarray(IG23.hologram(white, random.Random(5), dpi, NAME_BOX,
                                            place=place, kind=kind)).astype(int)
        disc = _disc(on_white, np.asarray(white), u)["mask"]
        rgb = on_white[disc]
        lum = rgb.mean(axis=1)
        hues = np.bincount(rgb.argmax(axis=1), minlength=3) / len(rgb)
        assert (hues > 0.1).sum() >= 2                                  # a rainbow
        over = _grey(IG23.hologram(striped, random.Random(5), dpi, NAME_BOX, place=place,
                                   kind=kind))
        seen = over[disc & ~bars].mean() - over[disc & bars].mean()
        if kind == "foil":
            assert lum.mean() < 150 and np.percentile(lum, 99) > lum.mean() + 50
            assert abs(seen) < 30                                        # opaque
        else:
            assert lum.mean() > 200 and seen > 150                      # see-through


def test_hologram_varies_from_page_to_page(people):
    """On the polytechnic's pages (against each page drawn without it): one round
    sticker 16-21 mm where the design puts it (by the name's end, over the photo, in
    the corner), foil (far darker than what it covers) or clear; both kinds, more than
    one place and size over a dozen pages."""
    dpi = 100
    u = dpi / 25.4
    boxes = []

    def recorded(img, rng, dpi, name_box=None):
        boxes.append(name_box)
        return IG23.hologram(img, rng, dpi, name_box)
    places, kinds, sizes = set(), set(), set()
    with pytest.MonkeyPatch.context() as mp:
        for seed in range(12):
            mp.setitem(IJ.STICKERS, "hologram", recorded)
            page, _ = IJ.make_ijazah(people[seed % 4], rng=random.Random(seed), dpi=dpi,
                                     design="poltekkes_hologram")
            mp.setitem(IJ.STICKERS, "hologram", _no_sticker)
            bare, _ = IJ.make_ijazah(people[seed % 4], rng=random.Random(seed), dpi=dpi,
                                     design="poltekkes_hologram")
            a, b = np.asarray(page), np.asarray(bare)
            disc = _disc(a, b, u)
            w, h = disc["size"]
            assert 15.0 < w < 21.8 and abs(w - h) < 1.2 and disc["fill"] > 0.85
            darker = b[disc["mask"]].mean() - a[disc["mask"]].mean()
            kind = "foil" if darker > 60 else "clear"
            assert kind == "foil" or 3 < darker < 40
            place = next(p for p in IG23.HOLO_PLACES
                         if _placed_right(disc, p, kind, boxes[-1]))
            places.add(place)
            kinds.add(kind)
            sizes.add(round(w))
    assert kinds == set(IG23.HOLO_KINDS) and len(places) >= 2 and len(sizes) >= 3


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("color", [True, False])
def test_poltekkes_page_carries_one_hologram(diplomas, dpi, color):
    """The rendered page against the same page without its sticker: changed only within
    one round patch 16-21 mm across in one of the sticker's places."""
    u = dpi / 25.4
    page, _ = diplomas["poltekkes_hologram", dpi, color]
    bare, _ = diplomas["poltekkes_hologram", dpi, color, "bare"]
    a, b = np.asarray(page), np.asarray(bare)
    disc = _disc(a, b, u, least=4)
    w, h = disc["size"]
    assert 15.0 < w < 21.8 and abs(w - h) < 1.0 and disc["fill"] > 0.85
    cx, cy = disc["centre"]
    assert (84.6 < cx < 89.2 and 148.2 < cy < 152.8) or \
        (264.2 < cx < 271.8 and 177.2 < cy < 184.8) or (120 < cx < 230 and 80 < cy < 115)
