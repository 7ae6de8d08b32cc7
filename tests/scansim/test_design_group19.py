"""The nineteenth held-out group of card and diploma designs: kept apart (registered in group
19, never drawn unasked, listed by the benchmark), what is new on them shows on the rendered
cards and pages (a card printed from a black-and-white scan, all black and white dots; a
copy punched and stapled, the hole through the labels' column only; a diploma's dry seal in
relief over the photo and the name's first letters; a diploma scanned on a jittering
carriage, its upright rules stepped), what is printed is the truth, their faces' files are
installed, and the earlier designs keep their drawing (the new looks are off on all of
them). No reader runs here."""
from __future__ import annotations

import dataclasses
import math
import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group19 as IG19
from scansim import ktp_designs as KD
from scansim.draw import mm_px
from scansim.ijazah_group19 import cap_timbul, carriage_jitter
from scansim.ktp import make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.ktp_group19 import BEHIND, HOLE_MM, LINEART_DPI, lineart, punched
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_19,
    KTP_19,
    _card,
    _faces_from_new_packages,
    _grey,
    _listed_apart,
    _new_ktp_group,
    _pair,
    _printed,
    _two_colour_lines,
)


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261219)


def test_group_19_is_held_out_and_listed():
    assert KD.HELD_OUT_19 == KTP_19 and IJ.HELD_OUT_19 == IJAZAH_19
    _listed_apart(19, KTP_19, IJAZAH_19)


def test_group_19_differs_from_every_earlier_design():
    earlier = _new_ktp_group(19, KD.HELD_OUT_19)
    _faces_from_new_packages(earlier, KTP_19)
    dotted, punch = (KD.DESIGNS[n] for n in KTP_19)
    assert dotted.lineart > 0 and not dotted.punched
    assert punch.punched > 0 and not punch.lineart and punch.upper_labels
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.lineart or e.punched for e in earlier)
    assert {"kawung", "bintang"} <= set(KD.PATTERNS)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_19_kawung_background(dpi):
    """The kawung card's print has petals and seed-lines in both of its colours."""
    _two_colour_lines("routed_hitamputih", 3, dpi, 0.01)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_19_star_background(dpi):
    """The star card's print has stars and crossed bars in both of its colours."""
    _two_colour_lines("beteckna_staples", 4, dpi, 0.01)


@pytest.mark.parametrize("dpi", [200, 300])
def test_lineart_turns_greys_into_dots(dpi):
    """A pale tint comes back as sparse black dots on white, a dark bar as solid black,
    white as white; nothing in between; at 300 dpi each of the scan's dots is a block of
    the 200 dpi grid."""
    u = dpi / 25.4
    img = _card((228, 232, 236), dpi)
    d = ImageDraw.Draw(img)
    d.rectangle([5 * u, 5 * u, 40 * u, 12 * u], fill=(24, 24, 30))
    d.rectangle([50 * u, 5 * u, 80 * u, 12 * u], fill=(255, 255, 255))
    grey = _grey(lineart(img, random.Random(1), 0.7, dpi))
    assert set(np.unique(grey)) <= {0, 255}
    tint = grey[int(20 * u):int(50 * u), int(5 * u):int(80 * u)] == 0
    assert 0.02 < tint.mean() < 0.3
    assert (grey[int(6 * u):int(11 * u), int(6 * u):int(39 * u)] == 0).mean() > 0.97
    assert (grey[int(6 * u):int(11 * u), int(51 * u):int(79 * u)] == 255).all()
    if dpi > LINEART_DPI:   # the scan's dots, each printed as a little block
        small = (round(grey.shape[1] * LINEART_DPI / dpi), round(grey.shape[0] * LINEART_DPI / dpi))
        dots = Image.fromarray(np.uint8(grey)).resize(small, Image.NEAREST)
        assert np.array_equal(_grey(dots.resize(img.size, Image.NEAREST)), grey)


@pytest.mark.parametrize("dpi", [200, 300])
def test_routed_hitamputih_is_black_and_white(people, dpi):
    """The card as drawn is all black and white (the same card drawn without the scan's
    mode is mostly greys and colours); its tints below the field block are scattered
    dots, the NIK's digits solid; grey or colour, it is the same."""
    u = dpi / 25.4
    des = KD.DESIGNS["routed_hitamputih"]
    card, bare, truth = _pair(people[0], "routed_hitamputih", dpi, dpi, lineart=0.0)
    rgb = np.asarray(card).astype(int)
    assert set(np.unique(rgb)) <= {0, 255}
    assert (rgb.max(axis=2) == rgb.min(axis=2)).all()
    grey, plain = _grey(card), _grey(bare)
    assert ((plain > 20) & (plain < 235)).mean() > 0.3
    below = grey[int(50 * u):, int(30 * u):int(55 * u)] == 0
    assert 0.02 < below.mean() < 0.4
    nik = grey[int((des.nik_y_mm - 0.5) * u):int((des.nik_y_mm + des.nik_mm + 0.5) * u),
               int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
    assert (nik == 0).mean() > 0.12
    assert truth["nik"] == people[0]["nik"] and truth["design"] == "routed_hitamputih"
    grey_card, _ = make_ktp(people[0], rng=random.Random(dpi), dpi=dpi, color=False,
                            design="routed_hitamputih")
    assert np.array_equal(_grey(grey_card), grey)


def _print_block(dpi: int) -> Image.Image:
    """A tinted card with a dark bar in every row of the labels' column, the NIK's and
    the values' places."""
    u = dpi / 25.4
    img = _card((226, 236, 230), dpi)
    d = ImageDraw.Draw(img)
    for k in range(12):
        y = (15.6 + 2.95 * k) * u
        d.rectangle([2.5 * u, y, 19 * u, y + 1.8 * u], fill=(30, 30, 30))
        d.rectangle([23 * u, y, 60 * u, y + 1.8 * u], fill=(30, 30, 30))
    d.rectangle([15.5 * u, 9.7 * u, 60 * u, 13.7 * u], fill=(30, 30, 30))
    return img


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_punch_takes_a_round_hole_from_the_labels_only(dpi, seed):
    """The hole is a 6 mm disc at the card's left end, the sheet behind it showing (pale,
    a darker crescent along one side); the staple lies across the top left corner; the
    NIK's place and the values' are untouched."""
    u = dpi / 25.4
    img = _print_block(dpi)
    before = _grey(img)
    after = _grey(punched(img, random.Random(seed), 0.85, dpi))
    changed = np.abs(after - before) > 30
    assert not changed[:, int(20 * u):].any()                # the values' column
    assert not changed[int(9.7 * u):int(13.7 * u), int(15.5 * u):].any()   # the NIK
    rgb = np.asarray(punched(img, random.Random(seed), 0.85, dpi)).astype(int)
    behind = (np.abs(rgb - np.array(BEHIND)).sum(axis=2) < 12)
    area = behind.sum() / u ** 2                             # mm²
    assert 0.5 * math.pi * (HOLE_MM / 2) ** 2 < area < 1.05 * math.pi * (HOLE_MM / 2) ** 2
    ys, xs = np.nonzero(behind)
    assert xs.mean() / u < 9.0 and xs.max() / u < 11.5      # at the left end
    yy, xx = np.mgrid[0:img.height, 0:img.width]
    near = np.hypot(xx - xs.mean(), yy - ys.mean()) < (HOLE_MM / 2 + 0.5) * u
    crescent = near & changed & ~behind & (after < 200) & (after > 60)
    assert crescent.sum() > 0.04 * behind.sum()             # the edge's shadow, grey
    corner = changed[:int(12.5 * u), :int(16 * u)]
    assert corner.sum() / u ** 2 > 3                         # the staple's crown


@pytest.mark.parametrize("dpi", [200, 300])
def test_beteckna_staples_hole_and_staple_show(people, dpi):
    """The card as drawn against the same card unpunched: the difference lies at the left
    end only (the hole and the staple), the NIK row and every value as they were."""
    u = dpi / 25.4
    des = KD.DESIGNS["beteckna_staples"]
    card, bare, truth = _pair(people[1], "beteckna_staples", dpi, dpi, punched=0.0)
    diff = np.abs(_grey(card) - _grey(bare))
    assert (diff > 30).sum() / u ** 2 > 0.5 * math.pi * (HOLE_MM / 2) ** 2
    assert (diff[:, int((des.colon_x_mm + 0.5) * u):] < 3).all()
    nik = diff[int(des.nik_y_mm * u):int((des.nik_y_mm + des.nik_mm) * u),
               int((des.label_x_mm + 13) * u):]
    assert (nik < 3).all()
    assert truth["nik"] == people[1]["nik"] and truth["design"] == "beteckna_staples"


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", KTP_19)
def test_group_19_copies_stay_legible(people, name, color):
    """On a grey or colour copy page at 200 dpi the card's print is still far darker than
    the paper round it (the dots and the hole are paler than the print)."""
    page, truth = make_ktp_copy_page(people[3], rng=random.Random(3), dpi=200, color=color,
                                     design=name)
    x0, y0, x1, y1 = truth["card_box"]
    inner = _grey(page)[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4,
                        x0 + (x1 - x0) // 8:x0 + (x1 - x0) // 2]
    assert np.percentile(inner, 50) > 150 and np.percentile(inner, 3) < 70
    assert truth["design"] == name and truth["nik"] == people[3]["nik"]


@pytest.mark.parametrize("name", KTP_19)
def test_group_19_cards_are_deterministic(people, name):
    a, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    b, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    assert a.tobytes() == b.tobytes()
    back = make_ktp_back(rng=random.Random(1), dpi=100, design=name)
    plain = make_ktp_back(rng=random.Random(1), dpi=100,
                          design=dataclasses.replace(KD.DESIGNS[name], lineart=0.0,
                                                     punched=0.0))
    assert back.size == a.size and back.tobytes() != plain.tobytes()   # the same copy


# -- diplomas ---------------------------------------------------------------------------

def test_group_19_diplomas_differ_and_are_numbered(people):
    timbul, goyang = (IJ.get_design(n) for n in IJAZAH_19)
    assert IJ.programs_of(timbul) == ["S1"] and IJ.programs_of(goyang) == ["PAKET A"]
    assert timbul.photo_beside and goyang.finish == "carriage_jitter"
    for k in range(3):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="swasta_cap_timbul")
        assert truth["jenjang"] == "S1" and truth["group"] == 19 and truth["held_out"]
        assert 1991 <= truth["tahun"] <= 1998 and truth["sekolah"].startswith("UNIVERSITAS ")
        assert truth["nama"] == people[k]["nama"].upper()
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="paket_a_goyang")
        assert truth["jenjang"] == "SD" and truth["program"] == "PAKET A"
        assert 2012 <= truth["tahun"] <= 2019 and truth["sekolah"].startswith("PKBM ")
        assert re.fullmatch(r"DN-PA/\d\d \d{7}", truth["nomor"])
        assert truth["nama"] == people[k]["nama"].upper()


@pytest.mark.parametrize("name", IJAZAH_19)
def test_group_19_diplomas_print_the_truth(people, name, monkeypatch):
    """The holder's name is printed whole, the level and the year as the truth has them."""
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(6), dpi=60, design=name)
    joined = " ".join(texts)
    assert truth["nama"] in texts
    assert str(truth["tahun"]) in joined
    assert ("PROGRAM SARJANA" if truth["jenjang"] == "S1" else "PROGRAM PAKET A") in joined


@pytest.mark.parametrize("dpi", [100, 200])
def test_dry_seal_is_relief_without_ink(dpi):
    """On flat paper the seal is a disc of relief: slopes lit brighter than the paper and
    slopes shadowed darker, about as much of each, none of it as dark as ink; nothing
    outside the disc changes."""
    u = dpi / 25.4
    paper = (240, 238, 232)
    img = Image.new("RGB", (mm_px(60, dpi), mm_px(60, dpi)), paper)
    centre, radius = (30 * u, 30 * u), 20 * u
    cap_timbul(img, random.Random(3), centre, radius, "SENAT UNIVERSITAS",
               "REPUBLIK INDONESIA", u)
    grey = _grey(img)
    flat = _grey(Image.new("RGB", img.size, paper))
    lit, shaded = grey > flat + 6, grey < flat - 6
    assert lit.mean() > 0.02 and shaded.mean() > 0.02
    assert 0.4 < lit.sum() / shaded.sum() < 2.5
    assert grey.min() > 120                                  # no ink
    yy, xx = np.mgrid[0:grey.shape[0], 0:grey.shape[1]]
    outside = np.hypot(xx - centre[0], yy - centre[1]) > radius + 1.5 * u   # its rim
    assert (grey[outside] == flat[outside]).all()


def test_swasta_cap_timbul_seal_lies_over_the_photo_and_the_name(people, monkeypatch):
    """The page's dry seal is pressed where the photo's right edge and the name's first
    letters are, and brightens the paper there past its own tint (no ink does); away from
    it, the paper is never brighter than its tint."""
    dpi = 150
    u = dpi / 25.4
    seen = {}
    press, cue = IG19.cap_timbul, IJ.CUE_MAKERS["timbul_nama"]

    def record(img, rng, centre, radius, *args):
        seen.update(centre=centre, radius=radius)
        return press(img, rng, centre, radius, *args)

    def holder(p, *args):
        y = cue(p, *args)
        seen["name"] = p.name_box
        return y
    monkeypatch.setattr(IG19, "cap_timbul", record)
    monkeypatch.setattr(IJ, "CUE_MAKERS", {**IJ.CUE_MAKERS, "timbul_nama": holder})
    page, truth = IJ.make_ijazah(people[2], rng=random.Random(4), dpi=dpi,
                                 design="swasta_cap_timbul")
    (cx, cy), radius = seen["centre"], seen["radius"]
    x0, y0, x1, y1 = (v * u for v in seen["name"])
    assert math.hypot(x0 + 2 * u - cx, (y0 + y1) / 2 - cy) < radius - 2 * u   # over the name
    assert x1 > cx + radius                                  # only its first letters
    blue = np.asarray(page).astype(int)[..., 2]
    tint = IJ.get_design("swasta_cap_timbul").tint[2]
    yy, xx = np.mgrid[0:blue.shape[0], 0:blue.shape[1]]
    disc = np.hypot(xx - cx, yy - cy) < radius
    assert (blue[disc] > tint + 8).sum() > 200
    band = blue[int(cy + radius + 25 * u):int(cy + radius + 45 * u)]
    assert (band <= tint + 3).all()
    assert truth["jenjang"] == "S1"


def _rules(dpi: int) -> Image.Image:
    """A white page with upright black rules 20 mm apart and rows of text-like bars."""
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(120, dpi), mm_px(160, dpi)), (250, 250, 250))
    d = ImageDraw.Draw(img)
    for k in range(1, 6):
        d.rectangle([20 * k * u, 5 * u, 20 * k * u + 0.5 * u, 155 * u], fill=(10, 10, 10))
    return img


def _left_edges(grey: np.ndarray, x0: int, x1: int) -> np.ndarray:
    """Each row's first dark column between ``x0`` and ``x1`` (px)."""
    return x0 + np.argmax(grey[:, x0:x1] < 128, axis=1)


@pytest.mark.parametrize("dpi", [200, 300])
def test_carriage_jitter_steps_upright_rules(dpi):
    """Upright rules come out stepped: their left edge moves sideways from band to band,
    by no more than a quarter of a millimetre, some lines read twice; the page keeps its
    size and its ink."""
    u = dpi / 25.4
    img = _rules(dpi)
    out = carriage_jitter(img, random.Random(2), dpi)
    assert out.size == img.size
    grey = _grey(out)
    rows = slice(int(10 * u), int(150 * u))
    edges = _left_edges(grey[rows], int(18 * u), int(23 * u)).astype(float)
    plain = _left_edges(_grey(img)[rows], int(18 * u), int(23 * u))
    assert np.ptp(plain) == 0
    assert len(np.unique(edges)) >= 3 and edges.std() > 0.4
    assert np.abs(edges - plain).max() <= 0.3 * u + 1
    assert (grey < 128).mean() == pytest.approx((_grey(img) < 128).mean(), rel=0.1)


def test_carriage_stalls_read_lines_again():
    """Where the carriage caught, a line is read again and as many after it are never
    read: the scan's lines still run down the page, its length kept."""
    src = IG19._stalls(3000, random.Random(5), 300 / 25.4)
    steps = np.diff(src)
    assert len(src) == 3000 and (steps >= 0).all() and (steps == 0).any()
    assert np.abs(src - np.arange(3000)).max() <= 4


def test_paket_a_goyang_frame_is_stepped(people, monkeypatch):
    """The certificate as handed in against the same page scanned true: its frame's upright
    outer rule moves sideways from band to band, the holder's boxes and name printed."""
    dpi = 150
    u = dpi / 25.4
    texts = _printed(monkeypatch)
    page, truth = IJ.make_ijazah(people[3], rng=random.Random(7), dpi=dpi,
                                 design="paket_a_goyang")
    assert truth["nama"] in texts and "NAMA PESERTA DIDIK" in texts
    monkeypatch.setitem(IJ.HAND_INS, "carriage_jitter", lambda img, rng, dpi: img)
    true, _ = IJ.make_ijazah(people[3], rng=random.Random(7), dpi=dpi,
                             design="paket_a_goyang")
    rows = slice(int(60 * u), int(240 * u))
    shaky = _left_edges(_grey(page)[rows], int(4 * u), int(14 * u)).astype(float)
    level = _left_edges(_grey(true)[rows], int(4 * u), int(14 * u)).astype(float)
    assert np.ptp(level) <= 1
    assert len(np.unique(shaky)) >= 3 and np.abs(shaky - level).max() <= 0.3 * u + 1


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_19)
def test_group_19_diplomas_draw_grey_and_colour(people, name, color):
    page, truth = IJ.make_ijazah(people[0], rng=random.Random(2), dpi=100, color=color,
                                 design=name)
    assert page.size == (mm_px(210, 100), mm_px(297, 100))
    rgb = np.asarray(page).astype(int)
    assert (rgb.max(axis=2) - rgb.min(axis=2)).max() > 20 if color else \
        (rgb.max(axis=2) == rgb.min(axis=2)).all()
    assert truth["color"] is color and truth["group"] == 19


@pytest.mark.parametrize("name", IJAZAH_19)
def test_group_19_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    b, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    assert a.tobytes() == b.tobytes()
