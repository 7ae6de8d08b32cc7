"""The thirty-second held-out group of card and diploma designs: kept apart (registered in
group 32, never drawn unasked), what is new on them shows on the rendered pages (a card
photographed under a desk's glass top: the glass's green cast, the tube lights' reflected
bars never over the NIK's digits nor the name; a card scanned on a failing flatbed: its
colour lines out of register, a sensor element's line never through the NIK's digits nor
the name, its lamp dim at one end, the lid round the card; an ST certificate known only
from an archive's microfilm: low greys, the film's black round the page, scratches along
the roll and dust off the name's line; a pesantren's MA diploma photographed in a tree's
dappled shade: sun and shade over the page, the name evenly lit), what is printed is the
truth, their faces' files are installed, and the earlier designs keep their drawing (the
new looks are off on all of them). No reader runs here."""
from __future__ import annotations

import dataclasses
import math
import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group28 as IG28
from scansim import ijazah_group32 as IG32
from scansim import ktp as KTP
from scansim import ktp_designs as KD
from scansim import ktp_group32 as KG32
from scansim.draw import mm_px
from scansim.ijazah_era import by_year
from scansim.ktp import make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    _diploma_faces,
    _diploma_faces_from_packages,
    _every_field_printed,
    _grey,
    _new_diploma_group,
    _new_looks,
    _printed,
    _two_colour_lines,
)

KTP_32 = ("klee_kaca", "kiloji_usang")
IJAZAH_32 = ("st_mikrofilm", "ma_pondok_teduh")
# The font package each of the group's new diploma faces comes from, by file name.
PACKAGES_32 = {"ipaexm": "fonts-ipaexfont-mincho", "TrainOne": "fonts-train",
               "TlwgTypo": "fonts-tlwg-typo-ttf", "Lateef": "fonts-sil-lateef",
               "le-murmure": "fonts-le-murmure"}


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261232)


def _keep_boxes(des, dpi: int) -> list[tuple[float, float, float, float]]:
    """The NIK's digits and the name's value on a card of design ``des`` (px), with the
    print's offset (up to 0.6 mm) and a little more round them."""
    u = dpi / 25.4
    name_foot = (des.first_y_mm + des.text_mm + 0.8) * u
    return [((des.label_x_mm + 12.0) * u, (des.nik_y_mm - 1.2) * u, (des.photo_x_mm) * u,
             (des.nik_y_mm + des.nik_mm + 1.4) * u),
            ((des.colon_x_mm + des.value_gap_mm - 1.1) * u, name_foot - (des.text_mm + 2.0) * u,
             des.photo_x_mm * u, name_foot + 0.6 * u)]


# -- the card group -------------------------------------------------------------------------

def test_group_32_differs_from_every_earlier_design():
    _new_looks(32, KTP_32, ("kaca", "usang"), {"gigi_haruan", "enggang"})


def test_group_32_backgrounds_have_both_colours():
    """Gigi haruan and enggang: marks in both of each print's colours."""
    _two_colour_lines("klee_kaca", 3, 200, 0.01)
    _two_colour_lines("kiloji_usang", 4, 200, 0.005)


@pytest.mark.parametrize("name", KTP_32)
def test_group_32_cards_print_every_field(people, name):
    """Every row has ink left of its colon (the label) and right of it (the value), the
    NIK its digits, on the cards as they are handed in (under the desk's glass; from the
    failing flatbed)."""
    _every_field_printed(people, name)


@pytest.mark.parametrize("name", KTP_32)
def test_group_32_cards_print_the_truth(people, name, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = make_ktp(people[2], rng=random.Random(5), dpi=100, design=name)
    for key in ("nik", "nama", "tempat_tgl_lahir", "alamat", "kel_desa", "kecamatan"):
        assert truth[key] in texts, key
    assert truth["nama"] == people[2]["nama"].upper()


@pytest.mark.parametrize("name", KTP_32)
def test_group_32_backs_and_copy_pages(people, name):
    """The back goes the same way as the front (under the glass; the same flatbed); a copy
    page prints the card as it was handed in, the NIK's row dark on it."""
    back = make_ktp_back(rng=random.Random(3), dpi=150, design=name)
    plain = make_ktp_back(rng=random.Random(3), dpi=150,
                          design=dataclasses.replace(KD.DESIGNS[name], kaca=0.0, usang=0.0))
    assert back.size == plain.size and np.abs(_grey(back) - _grey(plain)).mean() > 4
    page, truth = make_ktp_copy_page(people[1], rng=random.Random(4), dpi=150, back=True,
                                     design=name)
    x0, y0, x1, y1 = truth["card_box"]
    assert (_grey(page)[y0:y1, x0:x1] < 110).mean() > 0.02
    assert truth["nik"] == people[1]["nik"]


@pytest.mark.parametrize("name", KTP_32)
def test_group_32_cards_are_deterministic(people, name):
    a, _ = make_ktp(people[0], rng=random.Random(1), dpi=100, design=name)
    b, _ = make_ktp(people[0], rng=random.Random(1), dpi=100, design=name)
    c, _ = make_ktp(people[0], rng=random.Random(2), dpi=100, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- under the glass top of a desk --------------------------------------------------------------

def test_kaca_plan_keeps_the_bars_off_the_nik_and_name():
    """Over many pictures each tube light's core (with a millimetre more) never touches the
    NIK's digits nor the name; with no room left it goes down the photo."""
    dpi = 200
    u = dpi / 25.4
    des = KD.DESIGNS["klee_kaca"]
    size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
    keep = _keep_boxes(des, dpi)
    angles = set()
    for seed in range(200):
        plan = KG32.kaca_plan(size, random.Random(seed), u, keep=keep)
        assert 1 <= len(plan["bars"]) <= 2
        for bar in plan["bars"]:
            assert KG32._bar_off(bar["line"], bar["half"], keep)
            a, b, _ = bar["line"]
            angles.add(round(math.degrees(math.atan2(b, a))) // 20)
        if plan["print"] is not None:
            cx, cy, _ = plan["print"]
            for x0, y0, x1, y1 in keep:
                assert not (x0 - 5 * u < cx < x1 + 5 * u and y0 - 5 * u < cy < y1 + 5 * u)
    assert len(angles) >= 4                                      # bars at many angles
    full = [(0, 0, size[0], size[1])]
    plan = KG32.kaca_plan(size, random.Random(1), u, keep=full)
    assert all(bar["line"] == (1.0, 0.0, 0.86 * size[0]) for bar in plan["bars"])


def test_reflections_are_bright_along_the_bars():
    dpi = 150
    u = dpi / 25.4
    size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
    for seed in range(4):
        plan = KG32.kaca_plan(size, random.Random(seed), u)
        wash = KG32.reflections(size, plan, random.Random(seed), u)
        assert wash.shape == (size[1], size[0]) and 0 <= wash.min() and wash.max() <= 1
        yy, xx = np.mgrid[0:size[1], 0:size[0]]
        for bar in plan["bars"]:
            a, b, c = bar["line"]
            on = np.abs(a * xx + b * yy - c) < 0.5 * bar["half"]
            if on.sum() > 20:
                assert np.median(wash[on]) > 0.8 * bar["strength"]


def test_klee_kaca_photo_is_green_with_bars(people, monkeypatch):
    """The card's own picture against the same picture without the glass's reflections:
    brighter along the bars, the NIK's digits still dark; a green cast over it all."""
    des = KD.DESIGNS["klee_kaca"]
    dpi = 200
    u = dpi / 25.4
    real = KTP.kaca
    for seed in range(3):
        card, truth = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="klee_kaca")
        with monkeypatch.context() as mp:
            mp.setattr(KTP, "kaca", lambda *a, **k: real(*a, **k, glare=False))
            bare, _ = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="klee_kaca")
        a, b = _grey(card), _grey(bare)
        assert ((a - b) > 30).sum() > (3.0 * u) ** 2                # the bars' cores
        nik = a[int((des.nik_y_mm + 0.2) * u):int((des.nik_y_mm + des.nik_mm + 0.6) * u),
                int((des.label_x_mm + 15) * u):int((des.photo_x_mm - 6) * u)]
        assert (nik < 120).mean() > 0.04
        assert truth["nik"] == people[seed]["nik"]


def test_kaca_tints_a_grey_card_green():
    dpi = 100
    card = Image.new("RGB", (mm_px(85.6, dpi), mm_px(53.98, dpi)), (200, 200, 200))
    w, h = card.size
    for seed in range(4):
        out = np.asarray(KG32.kaca(card, random.Random(seed), 1.0, dpi, glare=False)
                         ).astype(float)
        middle = out[int(0.4 * h):int(0.6 * h), int(0.4 * w):int(0.6 * w)].reshape(-1, 3)
        r, g, b = middle.mean(axis=0)
        assert g > r + 4 and g > b + 2                                  # the glass's green


# -- scanned on a failing flatbed ---------------------------------------------------------------

def test_usang_plan_keeps_the_sensor_lines_off_the_nik_and_name():
    dpi = 200
    u = dpi / 25.4
    des = KD.DESIGNS["kiloji_usang"]
    size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
    keep = _keep_boxes(des, dpi)
    ways = set()
    for seed in range(200):
        plan = KG32.usang_plan(size, random.Random(seed), u, keep=keep)
        sx, sy = plan["scale"]
        ox, oy = plan["offset"]
        ways.add(plan["along_y"])
        assert 1 <= len(plan["lines"]) <= 2 and 0.01 <= plan["stretch"] <= 0.035
        assert (sy > sx) == plan["along_y"]                          # stretched along the scan
        for line in plan["lines"]:
            for x0, y0, x1, y1 in keep:
                a, b = ((x0 * sx + ox, x1 * sx + ox) if plan["along_y"]
                        else (y0 * sy + oy, y1 * sy + oy))
                assert line["at"] + line["width"] < a or line["at"] > b
    assert ways == {True, False}


def test_usang_fringes_a_black_bar_along_the_scan():
    """A black bar across a white card: with the faults its red and blue edges lie apart
    along the scan (a fringe), without them they lie together."""
    dpi = 200
    card = Image.new("RGB", (mm_px(85.6, dpi), mm_px(53.98, dpi)), (250, 250, 250))
    d = ImageDraw.Draw(card)
    w, h = card.size
    d.rectangle([0.3 * w, 0.3 * h, 0.7 * w, 0.7 * h], fill=(0, 0, 0))
    for seed in range(6):
        plan = KG32.usang_plan(card.size, random.Random(seed), dpi / 25.4)
        out = np.asarray(KG32.usang(card, random.Random(seed), 1.0, dpi)).astype(float)
        flat = np.asarray(KG32.usang(card, random.Random(seed), 1.0, dpi, faults=False)
                          ).astype(float)
        fringe = np.abs(out[..., 0] - out[..., 2])
        assert fringe.max() > 60 and np.abs(flat[..., 0] - flat[..., 2]).max() < 40
        lid = out[h // 2, :2].mean() if plan["along_y"] else out[:2, w // 2].mean()
        assert lid > 150                                             # the lid round the card


def test_kiloji_usang_keeps_the_nik_clear(people):
    des = KD.DESIGNS["kiloji_usang"]
    dpi = 200
    u = dpi / 25.4
    for seed in range(4):
        card, truth = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="kiloji_usang")
        g = _grey(card)
        nik = g[int((des.nik_y_mm + 0.2) * u):int((des.nik_y_mm + des.nik_mm + 0.4) * u),
                int((des.label_x_mm + 15) * u):int((des.photo_x_mm - 6) * u)]
        assert (nik < 120).mean() > 0.04
        rgb = np.asarray(card).astype(int)
        assert (rgb.max(axis=2) - rgb.min(axis=2)).mean() > 4       # a colour scan
        assert truth["nik"] == people[seed]["nik"]


# == diplomas: an ST's microfilm print, a pesantren MA's photo in dappled shade ===========

@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-32 diploma at 100 dpi in colour and in grey, and again in colour (same
    seed) without its finish, keyed with "bare"."""
    out = {}
    for k, name in enumerate(IJAZAH_32):
        for color in (True, False):
            out[name, color] = IJ.make_ijazah(people[k], rng=random.Random(320), dpi=100,
                                              color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(IJ.HAND_INS, "mikrofilm", lambda img, rng, dpi, **k: img)
        mp.setitem(IJ.HAND_INS, "bayang_daun", lambda img, rng, dpi, **k: img)
        for k, name in enumerate(IJAZAH_32):
            out[name, "bare"] = IJ.make_ijazah(people[k], rng=random.Random(320), dpi=100,
                                               color=True, design=name)
    return out


def test_group_32_diplomas_differ_from_every_earlier_design():
    _new_diploma_group(32, IJAZAH_32)
    st, ma = (IJ.get_design(n) for n in IJAZAH_32)
    assert IJ.programs_of(st) == ["SMP"] and IJ.programs_of(ma) == ["MA"]
    assert IJ.HAND_INS["mikrofilm"] is IG32.mikrofilm
    assert IJ.HAND_INS["bayang_daun"] is IG32.bayang_daun
    assert IJ.BORDERS["mur_baut"] is IG32.mur_baut
    assert IJ.BORDERS["kambang_kacang"] is IG32.kambang_kacang
    assert {"mikrofilm", "bayang_daun"} <= IJ.CLEAR_OF_NAME
    assert not {"mikrofilm", "bayang_daun"} & IJ.GIVEN_FILL_IN
    assert _diploma_faces(st).isdisjoint(_diploma_faces(ma))
    assert not any(d.finish in ("mikrofilm", "bayang_daun") for d in IJ.DESIGNS if d.group < 32)
    assert not any(d.header in ("st_kepala", "ma_pondok_kepala") for d in IJ.DESIGNS
                   if d.group < 32)


def test_group_32_faces_come_from_their_new_packages():
    _diploma_faces_from_packages(32, IJAZAH_32, PACKAGES_32)


@pytest.mark.parametrize("name", IJAZAH_32)
@pytest.mark.parametrize("color", [True, False])
def test_group_32_diplomas_render_grey_and_colour(diplomas, people, name, color):
    page, truth = diplomas[name, color]
    assert page.size == (mm_px(210, 100), mm_px(297, 100))
    assert truth["design"] == name and truth["group"] == 32 and truth["held_out"]
    assert truth["nama"] == people[IJAZAH_32.index(name)]["nama"].upper()
    if not color:
        rgb = np.asarray(page).astype(int)
        assert (rgb.max(axis=2) - rgb.min(axis=2)).max() == 0


def test_group_32_truth_is_as_the_designs_promise(people):
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30, design="st_mikrofilm")
        assert truth["jenjang"] == "SMP"
        assert truth["sekolah"].startswith("SEKOLAH TEKNIK NEGERI ")
        assert 1972 <= truth["tahun"] <= 1994
        assert re.fullmatch(r"15 ST \d{7}", truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30,
                                  design="ma_pondok_teduh")
        assert truth["jenjang"] == "SMA"
        assert truth["sekolah"].startswith("MA PONDOK PESANTREN NURUL HIKMAH ")
        assert 2008 <= truth["tahun"] <= 2020
        assert re.fullmatch(r"MA\.17\.\d{2}/PP\.01\.1/\d{4}/\d{4}", truth["nomor"])
        assert truth["nomor"].endswith(str(truth["tahun"]))


def test_st_types_the_truth_on_its_rows(people, monkeypatch):
    """The serial printed in red, the name and the rows typed (group 28's typist, letter
    by letter) after the blank's printed labels; the title and the level printed."""
    typed = []
    type_px = IG28.Typist.type_px

    def recorded(self, at, text, *a, **k):
        typed.append(text)
        return type_px(self, at, text, *a, **k)
    monkeypatch.setattr(IG28.Typist, "type_px", recorded)
    words = IG32._data()["st"]
    for k in range(3):
        typed.clear()
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="st_mikrofilm")
        assert f"No. {truth['nomor']}" in texts
        assert typed[0] == truth["nama"] and typed[-1] in words["majors"]
        assert re.fullmatch(r"\d{4}", typed[-2])
        for label in words["rows"]:
            assert label in texts
        assert "SURAT TANDA TAMAT BELAJAR" in texts and words["level"] in texts
        assert truth["nama"] not in texts   # never drawn whole: struck letter by letter
        town = truth["sekolah"].removeprefix("SEKOLAH TEKNIK NEGERI ").title()
        assert f"dari Sekolah Teknik Negeri {town} pada tahun {truth['tahun']}." in texts


def test_ma_prints_the_truth(people, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=40, design="ma_pondok_teduh")
    words = IG32._data()["ma"]
    assert truth["nama"] in texts and f"Nomor : {truth['nomor']}" in texts
    assert words["basmalah"] in texts and words["level"] in texts
    ministry = by_year(words["ministries"], truth["tahun"])
    assert ministry in texts and "Kepala Madrasah," in texts
    assert any(t.startswith("dari MA Pondok Pesantren Nurul Hikmah ") for t in texts)


def test_ma_ministry_by_year():
    ministries = IG32._data()["ma"]["ministries"]
    assert by_year(ministries, 2008) == "DEPARTEMEN AGAMA REPUBLIK INDONESIA"
    assert by_year(ministries, 2015) == "KEMENTERIAN AGAMA REPUBLIK INDONESIA"


@pytest.mark.parametrize("name", IJAZAH_32)
def test_group_32_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=30, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- a microfilm reader-printer's print --------------------------------------------------------

NAME_BOX = (60.0, 140.0, 150.0, 148.0)


def _blank_page(dpi: int) -> Image.Image:
    """A cream page with black text bars across it, the name's bar in the middle."""
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (246, 242, 230))
    d = ImageDraw.Draw(page)
    for y in range(30, 280, 12):
        d.rectangle([30 * u, y * u, 180 * u, (y + 3) * u], fill=(20, 20, 24))
    return page


def test_mikrofilm_plan_keeps_the_film_s_marks_off_the_name():
    dpi = 40
    u = dpi / 25.4
    size = (mm_px(210, dpi), mm_px(297, dpi))
    ways = set()
    room = IG32.FILM["name_room_mm"] * u
    for seed in range(80):
        plan = IG32.mikrofilm_plan(size, random.Random(seed), u, NAME_BOX)
        ways.add(plan["down"])
        x0, y0, x1, y1 = plan["name_px"]
        assert 0.86 <= plan["fill"] <= 0.92 and x1 - x0 > 50 * u
        for s in plan["scratches"]:
            lo, hi = (x0, x1) if plan["down"] else (y0, y1)
            assert s["at"] < lo - room or s["at"] > hi + room
        for x, y, _r in plan["dust"]:
            assert not (x0 - room < x < x1 + room and y0 - room < y < y1 + room)
    assert ways == {True, False}


def test_mikrofilm_prints_the_page_in_low_greys_in_the_film_s_black():
    dpi = 60
    page = _blank_page(dpi)
    for seed in range(3):
        out = np.asarray(IG32.mikrofilm(page, random.Random(seed), dpi, name_box=NAME_BOX)
                         ).astype(float)
        grey = out.mean(axis=2)
        h, w = grey.shape
        assert grey[:4, :].mean() < 70 and grey[-4:, :].mean() < 90       # the film's black
        middle = grey[int(0.3 * h):int(0.7 * h), int(0.2 * w):int(0.8 * w)]
        assert np.percentile(middle, 95) < 245 and np.percentile(middle, 5) > 30  # low greys
        assert np.percentile(middle, 95) - np.percentile(middle, 5) > 80       # still legible
        plain = np.asarray(IG32.mikrofilm(page, random.Random(seed), dpi, name_box=NAME_BOX,
                                          film=False)).astype(float)
        assert np.abs(out - plain).mean() > 1                     # the grain, scratches, dust


def test_st_page_is_a_microfilm_print(diplomas):
    page, _ = diplomas["st_mikrofilm", True]
    bare, _ = diplomas["st_mikrofilm", "bare"]
    a, b = (np.asarray(x).astype(float) for x in (page, bare))
    assert a[:3].mean() < 80 and b[:3].mean() > 150                # the film's black
    rgb = a.astype(int)
    assert (rgb.max(axis=2) - rgb.min(axis=2)).mean() < 8            # a grey print


# -- photographed in dappled shade -----------------------------------------------------------

def test_sunlight_leaves_the_name_evenly_lit():
    dpi = 40
    u = dpi / 25.4
    size = (mm_px(210, dpi), mm_px(297, dpi))
    box = (60 * u, 140 * u, 150 * u, 148 * u)
    for seed in range(20):
        plan = IG32.bayang_daun_plan(size, random.Random(seed), u)
        sun = IG32.sunlight(size, plan, u, box)
        assert 0 <= sun.min() and sun.max() <= 1.0001
        assert 0.15 < sun.mean() < 0.9                               # sun and shade both
        inside = sun[int(box[1]):int(box[3]), int(box[0]):int(box[2])]
        assert inside.min() > 0.9                                    # the name in the sun


def test_ma_page_is_a_photo_in_dappled_shade(diplomas):
    page, _ = diplomas["ma_pondok_teduh", True]
    bare, _ = diplomas["ma_pondok_teduh", "bare"]
    a, b = (np.asarray(x).astype(float) for x in (page, bare))
    assert np.abs(a - b).mean() > 8
    assert np.abs(a[:4, :4].mean(axis=(0, 1)) - b[:4, :4].mean(axis=(0, 1))).max() > 8


def test_bayang_daun_lays_sun_and_bluish_shade_over_the_page():
    """A plain page photographed with and without the dapple: the light's ratio spans
    sun and shade, the shade bluer than the sun."""
    dpi = 40
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (236, 232, 222))
    for seed in range(4):
        lit = np.asarray(IG32.bayang_daun(page, random.Random(seed), dpi, name_box=NAME_BOX,
                                          capture=False)).astype(float)
        flat = np.asarray(IG32.bayang_daun(page, random.Random(seed), dpi, name_box=NAME_BOX,
                                           dapple=False, capture=False)).astype(float)
        ratio = (lit.mean(axis=2) + 1) / (flat.mean(axis=2) + 1)
        assert np.percentile(ratio, 90) - np.percentile(ratio, 10) > 0.3
        shade = ratio < np.percentile(ratio, 10)
        sun = ratio > np.percentile(ratio, 90)
        blue = lit[..., 2] - lit[..., 0]
        assert blue[shade].mean() > blue[sun].mean() + 3
