"""The fourteenth held-out group of card and diploma designs: what is new on them shows on
the rendered cards and pages, every field is printed (and what is printed is the truth),
their type faces' files are installed, and the earlier designs keep their drawing (the new
looks are off on all of them). No reader runs here."""
from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image

from scansim import ijazah as IJ
from scansim import ktp_designs as KD
from scansim.draw import mm_px
from scansim.ijazah_group14 import crumpled, filed_copy
from scansim.ktp import KTP_MM, make_ktp_copy_page
from scansim.ktp_group14 import colour_copy, overexposed
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_14,
    KTP_14,
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
    return make_people(4, seed=20261214)


def test_group_14_differs_from_every_earlier_design():
    earlier = _new_ktp_group(14, KD.HELD_OUT_14)
    _faces_from_new_packages(earlier, KTP_14)
    sora, tiresias = (KD.DESIGNS[n] for n in KTP_14)
    assert sora.overexposed > 0 and not sora.colour_copy
    assert tiresias.colour_copy > 0 and not tiresias.overexposed
    # one block set in from the edge with its colons close, the other low with its values
    # far from colons set well out
    assert sora.label_x_mm > max(e.label_x_mm for e in earlier)
    assert sora.colon_x_mm - sora.label_x_mm < min(e.colon_x_mm - e.label_x_mm
                                                   for e in earlier)
    assert tiresias.first_y_mm > max(e.first_y_mm for e in earlier)
    assert tiresias.value_gap_mm > 2.0 and tiresias.upper_labels
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.overexposed or e.colour_copy for e in earlier)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_14_lens_lattice_background(dpi):
    """The lens card's print has lattice lines in both of its colours."""
    _two_colour_lines("sora_terang", 3, dpi, 0.01)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_14_ripples_background(dpi):
    """The ripple card's print has rings in both of its colours."""
    _two_colour_lines("tiresias_fotokopi", 5, dpi, 0.01)


@pytest.mark.parametrize("dpi", [200, 300])
def test_overexposure_washes_out(dpi):
    """Black print comes out a grey, a mid grey lighter on one side than the other, a
    pale tint all but white and a strong colour loses much of its colour."""
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi)), (226, 236, 244))
    img.paste((20, 20, 20), (0, int(20 * u), img.width, int(30 * u)))
    img.paste((200, 40, 40), (0, int(40 * u), img.width, int(50 * u)))
    img.paste((128, 128, 128), (0, int(32 * u), img.width, int(37 * u)))
    out = np.asarray(overexposed(img, random.Random(1), 0.7, dpi)).astype(int)
    black = out[int(22 * u):int(28 * u)].mean(axis=(0, 2))
    assert 50 < black.min() and black.max() < 110
    mid = out[int(33 * u):int(36 * u)].mean(axis=2)
    assert mid.min() > 150 and max(np.ptp(mid.mean(axis=0)), np.ptp(mid.mean(axis=1))) > 8
    assert out[:int(15 * u)].mean(axis=2).min() > 248   # the pale tint all but gone
    red = out[int(42 * u):int(48 * u)].reshape(-1, 3).mean(axis=0)
    assert red[0] - red[2] < 0.8 * 160


@pytest.mark.parametrize("dpi", [200, 300])
def test_colour_copy_shades_two_edges_and_leaves_dust(dpi):
    """On a flat white card the lid's shade darkens a long edge and the short right edge
    (darkest at the rim), the middle stays near white but for specks of toner dust."""
    u = dpi / 25.4
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    out = np.asarray(colour_copy(Image.new("RGB", size, (255, 255, 255)), random.Random(2),
                                 0.85, dpi)).astype(int).mean(axis=2)
    rim = min(out[:2].mean(), out[-2:].mean())
    assert rim < 150 and out[:, -2:].mean() < 150
    middle = out[int(15 * u):int(40 * u), int(15 * u):int(60 * u)]
    assert np.median(middle) > 235
    assert 0.0002 < (middle < 200).mean() < 0.05   # the dust
    assert out[:, :int(3 * u)].mean() > out[:, -int(3 * u):].mean() + 10


def test_group_14_diplomas_differ_and_are_numbered(people):
    before = _new_diploma_group(14, IJAZAH_14)
    assert not any(b.finish in ("crumpled", "filed_copy") for b in before)
    assert IJ.programs_of(IJ.get_design("sma_kusut")) == ["SMA"]
    assert IJ.programs_of(IJ.get_design("d1_arsip")) == ["D1", "D2"]
    # no held-out diploma before was drawn for D1 or D2 alone
    assert not any(set(IJ.programs_of(b)) <= {"D1", "D2"} for b in before)
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="sma_kusut")
        assert truth["group"] == 14 and truth["held_out"] and 2003 <= truth["tahun"] <= 2008
        assert truth["jenjang"] == "SMA" and not truth["landscape"]
        assert truth["nomor"].startswith("DN-")
        assert truth["nama"] == people[k]["nama"].upper()
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="d1_arsip")
        assert truth["group"] == 14 and truth["jenjang"] in ("D1", "D2")
        assert 2019 <= truth["tahun"] <= 2024 and not truth["landscape"]
        assert truth["sekolah"].startswith("AKADEMI KOMUNITAS NEGERI ")
        assert len(truth["nomor"]) == 15 and str(truth["tahun"]) in truth["nomor"]
        assert truth["nama"] == people[k]["nama"].upper()


@pytest.mark.parametrize("name", IJAZAH_14)
def test_group_14_diplomas_print_the_truth(people, name, monkeypatch):
    """The name, the level and the year are printed as the truth has them, after the
    design's own words."""
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[3], rng=random.Random(6), dpi=50, design=name)
    level = {"SMA": "SEKOLAH MENENGAH ATAS", "D1": "PROGRAM DIPLOMA I",
             "D2": "PROGRAM DIPLOMA II"}
    assert any(t.startswith(level[truth["jenjang"]]) for t in texts)
    assert any(str(truth["tahun"]) in t for t in texts)
    assert truth["nama"] in texts
    if name == "sma_kusut":
        assert "menyerahkan Ijazah ini kepada :" in texts
        assert "Nama Peserta Ujian" in texts and "Nomor Peserta Ujian" in texts
    else:
        assert "Direktur, berdasarkan hasil Yudisium, menetapkan bahwa" in texts


@pytest.mark.parametrize("dpi", [150, 200])
def test_group_14_diplomas_print_the_name(people, dpi):
    """The holder's part of the page carries dark ink; the filed copy has its two punched
    holes, dark, in the left margin."""
    u = dpi / 25.4
    for name in IJAZAH_14:
        page, _ = IJ.make_ijazah(people[2], rng=random.Random(dpi), dpi=dpi, design=name)
        grey = _grey(page)
        band = grey[int(100 * u):int(page.height * 0.6), int(page.width * 0.15):
                    int(page.width * 0.7)]
        assert (band < 110).mean() > 0.01, name
        if name == "d1_arsip":
            margin = grey[:, int(3 * u):int(10 * u)]
            dark_rows = np.flatnonzero((margin < 90).mean(axis=1) > 0.5)
            assert len(dark_rows) > 0
            assert dark_rows.max() - dark_rows.min() > 70 * u   # two holes, far apart


@pytest.mark.parametrize("dpi", [100, 200])
def test_crumpling_creases_but_keeps_print(dpi):
    """A plain page comes out with facets of different light and crease lines; black
    print stays black and the page stays light overall."""
    u = dpi / 25.4
    img = Image.new("RGB", (int(210 * u), int(297 * u)), (236, 236, 236))
    img.paste((20, 20, 20), (int(20 * u), int(100 * u), int(190 * u), int(110 * u)))
    out = np.asarray(crumpled(img, random.Random(4), dpi)).astype(int).mean(axis=2)
    paper = np.concatenate([out[:int(95 * u)].ravel(), out[int(115 * u):].ravel()])
    assert paper.std() > 3 and np.median(paper) > 200
    assert (paper < 200).mean() > 0.0002   # the creases' dark lines
    assert out[int(102 * u):int(108 * u), int(30 * u):int(180 * u)].mean() < 40


@pytest.mark.parametrize("dpi", [100, 200])
def test_filed_copy_doubles_strokes(dpi):
    """A thin black rule comes out with a fainter copy of it just under it; white paper
    comes out a little grey and cold (more blue than red)."""
    u = dpi / 25.4
    img = Image.new("RGB", (int(210 * u), int(297 * u)), (255, 255, 255))
    top = int(150 * u)
    img.paste((0, 0, 0), (int(40 * u), top, int(170 * u), top + max(1, int(0.2 * u))))
    out = np.asarray(filed_copy(img, random.Random(7), dpi)).astype(int)
    column = out[top - int(1 * u):top + int(2 * u), int(60 * u):int(150 * u)].mean(axis=(1, 2))
    ghost = column[int(1.3 * u):]
    assert column.min() < 80 and 80 < ghost.min() < 215
    paper = out[int(20 * u):int(60 * u), int(40 * u):int(170 * u)].reshape(-1, 3).mean(axis=0)
    assert 225 < paper.mean() < 252 and paper[2] > paper[0] + 3


def test_group_14_pages_are_deterministic(people):
    """The same seed draws the same card, copy page and diploma, byte for byte."""
    for name in KTP_14:
        one, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        two, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        assert one.tobytes() == two.tobytes()
        assert _dark_share(one) > 0.001
    for name in IJAZAH_14:
        one, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        two, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        assert one.tobytes() == two.tobytes()
