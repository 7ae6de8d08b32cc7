"""The fifteenth held-out group of card and diploma designs: what is new on them shows on
the rendered cards and pages, every field is printed (and what is printed is the truth),
their type faces' files are installed, and the earlier designs keep their drawing (the new
looks are off on all of them). No reader runs here."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ktp_designs as KD
from scansim.ijazah_group15 import scan_app, water_stain
from scansim.ktp import make_ktp, make_ktp_copy_page
from scansim.ktp_group15 import NOTES, inkjet_copy, pen_note
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_15,
    KTP_15,
    _card,
    _dark_share,
    _faces_from_new_packages,
    _grey,
    _new_diploma_group,
    _new_ktp_group,
    _printed,
    _two_colour_lines,
)


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261215)


def test_group_15_differs_from_every_earlier_design():
    earlier = _new_ktp_group(15, KD.HELD_OUT_15)
    _faces_from_new_packages(earlier, KTP_15)
    inkjet, note = (KD.DESIGNS[n] for n in KTP_15)
    assert inkjet.inkjet > 0 and not inkjet.pen_note
    assert note.pen_note > 0 and not note.inkjet
    # the inkjet card's values: larger than its labels and set tight (letters closer than
    # the face sets them), which no earlier card did
    assert inkjet.value_track_mm < 0 and inkjet.value_mm > inkjet.text_mm
    assert all(e.value_track_mm >= 0 for e in earlier)
    assert note.upper_labels and not inkjet.upper_labels
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.inkjet or e.pen_note for e in earlier)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_15_cloud_background(dpi):
    """The cloud card's print has outlines in both of its colours."""
    _two_colour_lines("switzera_inkjet", 3, dpi, 0.01)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_15_lozenge_background(dpi):
    """The lozenge card's print has rings in both of its colours."""
    _two_colour_lines("universalis_catatan", 5, dpi, 0.01)


@pytest.mark.parametrize("dpi", [200, 300])
def test_inkjet_copy_bands_and_casts(dpi):
    """A flat grey card comes out banded along one direction (the head's passes) and not
    the other; a black bar comes out a dark grey, not black, its channels apart (a
    composite black's cast)."""
    u = dpi / 25.4
    img = _card((150, 150, 150), dpi)
    img.paste((0, 0, 0), (int(10 * u), int(40 * u), int(70 * u), int(46 * u)))
    out = np.asarray(inkjet_copy(img, random.Random(3), 0.8, dpi)).astype(float)
    grey = out[:int(35 * u)].mean(axis=2)
    rows, cols = grey.mean(axis=1), grey.mean(axis=0)
    banded, smooth = sorted((rows, cols), key=np.std, reverse=True)
    assert np.ptp(banded) > 12                          # the bands, one way ...
    assert np.std(banded) > 2.5 * np.std(smooth)        # ... smooth the other way
    bar = out[int(41 * u):int(45 * u), int(20 * u):int(60 * u)].reshape(-1, 3).mean(axis=0)
    assert 18 < bar.mean() < 90 and np.ptp(bar) > 4


@pytest.mark.parametrize("dpi", [200, 300])
def test_pen_note_crosses_the_card(dpi):
    """A ballpoint note lies across the middle of a white card, rising to the right, and
    stays on the card: its top left corner and its rim untouched."""
    u = dpi / 25.4
    for seed in range(4):
        out = _grey(pen_note(_card(dpi=dpi), random.Random(seed), 0.85, dpi))
        ink = out < 200
        assert 0.01 < ink.mean() < 0.12, seed
        assert not ink[:int(6 * u), :int(10 * u)].any()
        assert not ink[:, -int(1 * u):].any() and not ink[:, :int(0.5 * u)].any()
        ys, xs = np.nonzero(ink)
        left, right = ys[xs < np.median(xs)].mean(), ys[xs >= np.median(xs)].mean()
        assert left > right + 2 * u, seed              # lower at the left: rising
        middle = ink[int(18 * u):int(36 * u)].mean()
        assert middle > ink.mean()


def test_pen_note_is_written_on_the_copy(people, monkeypatch):
    """The note's words are among the texts drawn on the card, after the card's own."""
    texts = _printed(monkeypatch)
    make_ktp(people[0], rng=random.Random(4), dpi=100, design="universalis_catatan")
    words = {w for note in NOTES for w in note.split(" ")}
    tail = texts[-6:]
    assert any(t in words for t in tail)
    assert any(re.fullmatch(r"\d{1,2}/\d{1,2}/20\d\d", t) for t in texts)


@pytest.mark.parametrize("name", KTP_15)
def test_group_15_cards_print_the_truth(people, name, monkeypatch):
    """Every value is printed as the truth has it (the tight card's letter by letter, in
    order)."""
    texts = _printed(monkeypatch)
    _, truth = make_ktp(people[1], rng=random.Random(5), dpi=100, design=name)
    joined = "".join(texts)
    for key in ("nik", "nama", "tempat_tgl_lahir", "jenis_kelamin_text", "alamat", "rt_rw",
                "kel_desa", "kecamatan", "agama", "status_perkawinan", "pekerjaan"):
        assert truth[key] in (joined if name == "switzera_inkjet" else texts), key
    assert truth["nama"] == people[1]["nama"].upper()


def test_tight_values_set_closer(people):
    """The tight card's name is narrower than the same face sets it untracked."""
    des = KD.DESIGNS["switzera_inkjet"]
    dpi = 300
    u = dpi / 25.4
    name = people[2]["nama"].upper()
    fnt = KD.face(des.value_face, int(des.value_mm * u))
    d = ImageDraw.Draw(Image.new("L", (10, 10)))
    natural = d.textlength(name, font=fnt)
    tracked = sum(d.textlength(ch, font=fnt) for ch in name) + \
        des.value_track_mm * u * (len(name) - 1)
    assert tracked < natural - 0.05 * u * (len(name) - 1)


def test_group_15_diplomas_differ_and_are_numbered(people):
    before = _new_diploma_group(15, IJAZAH_15)
    assert not any(b.finish in ("water_stain", "scan_app") for b in before)
    assert IJ.programs_of(IJ.get_design("paket_b_sablon")) == ["PAKET B"]
    assert IJ.programs_of(IJ.get_design("ma_santri")) == ["MA"]
    # no held-out diploma before was drawn for Paket B alone, nor for MA alone
    held = [b for b in before if b.held_out]
    assert not any(IJ.programs_of(b) == ["PAKET B"] for b in held)
    assert not any(IJ.programs_of(b) == ["MA"] for b in held)
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="paket_b_sablon")
        assert truth["group"] == 15 and truth["held_out"] and 1999 <= truth["tahun"] <= 2003
        assert truth["jenjang"] == "SMP" and not truth["landscape"]
        assert re.fullmatch(r"DN-PB/\d\d \d{6}", truth["nomor"])
        assert truth["sekolah"].startswith("PKBM ")
        assert truth["nama"] == people[k]["nama"].upper()
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="ma_santri")
        assert truth["group"] == 15 and truth["jenjang"] == "SMA" and truth["landscape"]
        assert 2016 <= truth["tahun"] <= 2024
        assert truth["sekolah"].startswith("MA PONDOK PESANTREN ")
        assert re.fullmatch(rf"MA\.\d\d\.\d\d/PP\.01\.1/\d{{4}}/{truth['tahun']}",
                            truth["nomor"])
        assert truth["nama"] == people[k]["nama"].upper()


@pytest.mark.parametrize("name", IJAZAH_15)
def test_group_15_diplomas_print_the_truth(people, name, monkeypatch):
    """The name, the level and the year are printed as the truth has them, after the
    design's own words (the stencilled name letter by letter, in order)."""
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[3], rng=random.Random(6), dpi=50, design=name)
    level = {"PAKET B": "PROGRAM PAKET B", "MA": "MADRASAH ALIYAH"}[truth["program"]]
    assert level in texts
    assert any(str(truth["tahun"]) in t for t in texts)
    if name == "paket_b_sablon":
        assert "menerangkan bahwa warga belajar :" in texts
        assert "Nama Warga Belajar" in texts and "Nomor Induk Warga Belajar" in texts
        start = texts.index("Nama Warga Belajar")
        assert truth["nama"].replace(" ", "") in "".join(texts[start:start + 40])
    else:
        assert any(t.endswith("menerangkan bahwa santri :") for t in texts)
        assert "Nama Santri" in texts and "اسم الطالب :" in texts
        assert truth["nama"] in texts
        assert texts.index(truth["nama"]) == texts.index("Nama Santri") + 2


@pytest.mark.parametrize("dpi", [150, 200])
def test_group_15_diplomas_print_the_name(people, dpi):
    """The holder's part of the page carries dark ink; the frames are inked."""
    u = dpi / 25.4
    for name in IJAZAH_15:
        page, _ = IJ.make_ijazah(people[2], rng=random.Random(dpi), dpi=dpi, design=name)
        grey = _grey(page)
        top = 85 if name == "paket_b_sablon" else 70
        band = grey[int(top * u):int(page.height * 0.62), int(page.width * 0.12):
                    int(page.width * 0.7)]
        assert (band < 110).mean() > 0.01, name
        frame = grey[int(40 * u):-int(40 * u), int(10 * u):int(17 * u)]
        assert (frame < 150).mean() > 0.03, name


@pytest.mark.parametrize("dpi", [100, 200])
def test_water_stain_tide_line_from_the_foot(dpi):
    """A plain page comes out stained from the foot up (yellowish, a darker brown tide
    line at its edge), the top untouched; black print inside the stain comes out paler
    and softer but still dark."""
    u = dpi / 25.4
    img = Image.new("RGB", (int(210 * u), int(297 * u)), (240, 240, 240))
    img.paste((10, 10, 10), (int(30 * u), int(270 * u), int(180 * u), int(272 * u)))
    img.paste((10, 10, 10), (int(30 * u), int(40 * u), int(180 * u), int(42 * u)))
    out = np.asarray(water_stain(img, random.Random(5), dpi)).astype(float)
    top = np.concatenate([out[:int(38 * u)], out[int(44 * u):int(150 * u)]])
    assert np.abs(top - 240).max() < 1.5
    foot = out[int(280 * u):int(290 * u)].reshape(-1, 3).mean(axis=0)
    assert foot[0] - foot[2] > 12 and foot.mean() < 236
    column = out[:, int(105 * u)].mean(axis=1)
    line = np.flatnonzero(column[int(150 * u):] < 232).min() + int(150 * u)
    assert 150 * u < line < 260 * u
    assert column[line:line + int(2 * u)].min() < column[line + int(8 * u):
                                                         line + int(12 * u)].mean() - 8
    dry = out[int(40 * u):int(42 * u), int(60 * u):int(150 * u)].mean()
    wet = out[int(270 * u):int(272 * u), int(60 * u):int(150 * u)].mean()
    assert dry < 20 and 25 < wet < 140


def test_scan_app_whitens_and_marks(people):
    """The app's export: tinted paper with a faint pattern comes out pure white, the
    print stays dark, the app's line sits at the foot's right, the table shows in a
    sliver along an edge."""
    dpi = 150
    u = dpi / 25.4
    img = Image.new("RGB", (int(297 * u), int(210 * u)), (246, 244, 230))
    d = ImageDraw.Draw(img)
    for k in range(0, img.height, int(4 * u)):
        d.line([(0, k), (img.width, k + 20)], fill=(234, 232, 210), width=1)
    d.rectangle([int(60 * u), int(100 * u), int(200 * u), int(103 * u)], fill=(25, 25, 30))
    out = np.asarray(scan_app(img, random.Random(2), dpi)).astype(float)
    paper = out[int(40 * u):int(90 * u), int(60 * u):int(200 * u)]
    assert np.median(paper) >= 250 and (paper.mean(axis=2) < 235).mean() < 0.002
    assert out[int(100.8 * u):int(102.2 * u), int(70 * u):int(190 * u)].mean() < 60
    foot = out[-int(6 * u):-int(1 * u), -int(80 * u):-int(5 * u)].mean(axis=2)
    assert (foot < 200).mean() > 0.02
    edges = [out[:int(1 * u)].mean(), out[-int(1 * u):].mean(), out[:, :int(1 * u)].mean(),
             out[:, -int(1 * u):].mean()]
    assert min(edges) < 200


def test_group_15_pages_are_deterministic(people):
    """The same seed draws the same card, copy page and diploma, byte for byte."""
    for name in KTP_15:
        one, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        two, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        assert one.tobytes() == two.tobytes()
        assert _dark_share(one) > 0.001
    for name in IJAZAH_15:
        one, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        two, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        assert one.tobytes() == two.tobytes()
