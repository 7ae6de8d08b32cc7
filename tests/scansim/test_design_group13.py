"""The thirteenth held-out group of card and diploma designs: what is new on them shows on
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
from scansim.ijazah_group13 import fax, laminated
from scansim.ktp import KTP_MM, make_ktp_copy_page
from scansim.ktp_group13 import coffee_stain, low_toner
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_13,
    KTP_13,
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
    return make_people(4, seed=20261213)


def test_group_13_differs_from_every_earlier_design():
    earlier = _new_ktp_group(13, KD.HELD_OUT_13)
    _faces_from_new_packages(earlier, KTP_13)
    andika, din = (KD.DESIGNS[n] for n in KTP_13)
    assert andika.coffee > 0 and not andika.low_toner
    assert din.low_toner > 0 and not din.coffee
    # one block set low with values close to the colons, the other high, tight, colons far
    assert andika.first_y_mm >= 15.8 and andika.step_mm > 3.05 and andika.value_gap_mm < 1.0
    assert din.first_y_mm <= 14.8 and din.step_mm < 2.9
    assert din.colon_x_mm - din.label_x_mm > andika.colon_x_mm - andika.label_x_mm + 2
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.coffee or e.low_toner for e in earlier)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_13_honeycomb_background(dpi):
    """The honeycomb card's print: cell lines in the line colour all over, the rose bloom
    stronger in the middle than at the corners."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    des = KD.DESIGNS["andika_kopi"]
    rgb = np.asarray(KD.background(des, size, random.Random(3), dpi)).astype(int)
    h, w = rgb.shape[:2]
    lines = np.abs(rgb - np.array(des.line_color)).sum(axis=2) < 24
    for part in (lines[:h // 2, :w // 2], lines[h // 2:, w // 2:]):
        assert 0.03 < part.mean() < 0.4
    red_over_blue = rgb[..., 0] - rgb[..., 2]
    middle = red_over_blue[h // 3:2 * h // 3, w // 4:w // 2].mean()
    corner = red_over_blue[:h // 6, -w // 6:].mean()
    assert middle > corner + 3
    assert 190 < _grey(Image.fromarray(np.uint8(rgb))).mean() < 245


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_13_braid_background(dpi):
    """The braided card's print has strands in both of its colours."""
    _two_colour_lines("din_toner", 5, dpi, 0.01)


@pytest.mark.parametrize("dpi", [200, 300])
def test_coffee_stain_is_a_brown_ring(dpi):
    """On a flat pale card the stain is brown (blue lost more than red), its tide line
    darker than the stain inside it, which is darker than the card round it; the card
    stays light enough to read print through it."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    flat = Image.new("RGB", size, (230, 230, 230))
    out = np.asarray(coffee_stain(flat, random.Random(2), 0.9, dpi)).astype(int)
    grey = out.mean(axis=2)
    stained = grey < 226
    assert 0.02 < stained.mean() < 0.35
    assert (out[..., 0] - out[..., 2])[stained].mean() > 10
    assert grey.min() > 120
    levels = np.sort(grey[stained])
    assert levels[: len(levels) // 20].mean() < levels[len(levels) // 2] - 5   # the tide line


@pytest.mark.parametrize("dpi", [200, 300])
def test_low_toner_lightens_ink_in_streaks(dpi):
    """Black ink comes out lighter all over and lighter still in streaks across the card's
    length; white stays white."""
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi)), (255, 255, 255))
    img.paste((20, 20, 20), (0, 0, img.width, int(20 * u)))
    out = np.asarray(low_toner(img, random.Random(4), 0.85, dpi)).astype(int)
    ink = out[:int(20 * u)].mean(axis=(0, 2))
    assert ink.min() > 60 and ink.max() < 170
    assert ink.max() - ink.min() > 25   # the streaks
    assert out[int(25 * u):].min() == 255


def test_group_13_diplomas_differ_and_are_numbered(people):
    before = _new_diploma_group(13, IJAZAH_13)
    assert not any(b.finish in ("fax", "laminated") for b in before)
    assert IJ.programs_of(IJ.get_design("mi_faks")) == ["MI"]
    assert IJ.programs_of(IJ.get_design("magister_laminasi")) == ["S2", "S3"]
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="mi_faks")
        assert truth["group"] == 13 and truth["held_out"] and 1994 <= truth["tahun"] <= 2004
        assert truth["jenjang"] == "SD" and not truth["landscape"]
        assert truth["nomor"].startswith("MI.")
        assert truth["nama"] == people[k]["nama"].upper()
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="magister_laminasi")
        assert truth["group"] == 13 and truth["jenjang"] in ("S2", "S3")
        assert 2005 <= truth["tahun"] <= 2009 and not truth["landscape"]
        assert f".{truth['tahun']}.{truth['jenjang']}." in truth["nomor"]
        assert truth["nama"] == people[k]["nama"].upper()


@pytest.mark.parametrize("name", IJAZAH_13)
def test_group_13_diplomas_print_the_truth(people, name, monkeypatch):
    """The name (typed letter by letter on the MI form), the level and the year are
    printed as the truth has them."""
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[3], rng=random.Random(6), dpi=50, design=name)
    level = {"SD": "MADRASAH IBTIDAIYAH", "S2": "PROGRAM MAGISTER", "S3": "PROGRAM DOKTOR"}
    assert any(t.startswith(level[truth["jenjang"]]) for t in texts)
    assert any(str(truth["tahun"]) in t for t in texts)
    if name == "mi_faks":
        typed = "".join(t for t in texts if len(t) == 1)
        assert truth["nama"].replace(" ", "") in typed
        assert "bahwa anak tersebut di bawah ini :" in texts
    else:
        assert truth["nama"] in texts
        assert "Rektor dengan ini menganugerahkan kepada" in texts


@pytest.mark.parametrize("dpi", [150, 200])
def test_group_13_diplomas_print_the_name(people, dpi):
    """The holder's part of the page carries dark ink; the fax comes out without colour and
    nearly all black or white."""
    u = dpi / 25.4
    for name in IJAZAH_13:
        page, _ = IJ.make_ijazah(people[2], rng=random.Random(dpi), dpi=dpi, design=name)
        grey = _grey(page)
        band = grey[int(100 * u):int(page.height * 0.6), int(page.width * 0.3):
                    int(page.width * 0.7)]
        assert (band < 110).mean() > 0.01, name
        if name == "mi_faks":
            rgb = np.asarray(page).astype(int)
            assert np.abs(rgb[..., 0] - rgb[..., 2]).max() == 0
            assert ((grey < 40) | (grey > 215)).mean() > 0.97


@pytest.mark.parametrize("dpi", [100, 200])
def test_fax_is_black_and_white_with_a_header(dpi):
    """Mid greys and pale tints come out white or black, nothing between; the header line
    puts black dots along the top of an otherwise white page."""
    u = dpi / 25.4
    img = Image.new("RGB", (int(210 * u), int(297 * u)), (236, 244, 230))
    img.paste((30, 30, 30), (int(20 * u), int(100 * u), int(190 * u), int(110 * u)))
    out = np.asarray(fax(img, random.Random(1), dpi)).astype(int)
    assert set(np.unique(out)) <= {0, 255}
    assert (out[:int(8 * u)] == 0).mean() > 0.002
    assert (out[int(30 * u):int(90 * u)] == 255).all()
    assert (out[int(102 * u):int(108 * u), int(40 * u):int(170 * u)] == 0).mean() > 0.95


@pytest.mark.parametrize("dpi", [75, 150])
def test_lamination_hazes_and_catches_light(dpi):
    """Black print comes out a little lifted by the film, more so in the band of caught
    light; the page keeps its print readable (black stays well below the paper)."""
    u = dpi / 25.4
    img = Image.new("RGB", (int(210 * u), int(297 * u)), (20, 20, 20))
    out = np.asarray(laminated(img, random.Random(3), dpi)).astype(int).mean(axis=2)
    rows = out.mean(axis=1)
    assert rows.min() > 25 and rows.max() - rows.min() > 30
    assert np.median(out) < 80


def test_group_13_pages_are_deterministic(people):
    """The same seed draws the same card, copy page and diploma, byte for byte."""
    for name in KTP_13:
        one, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        two, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        assert one.tobytes() == two.tobytes()
        assert _dark_share(one) > 0.001
    for name in IJAZAH_13:
        one, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        two, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        assert one.tobytes() == two.tobytes()
