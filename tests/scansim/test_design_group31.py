"""The thirty-first held-out group of card and diploma designs: kept apart (registered in
group 31, never drawn unasked), what is new on them shows on the rendered pages (a card
photographed close up with a phone's flash: the flash's hot spot washing the laminate out,
never with its heart on the NIK's digits nor the name, the lens's barrel bowing straight
edges outwards; a colour copy of a card cut out with scissors and laminated: the paper's
white margin cut a little off square, the pouch's clear border with the scanner's lid
through it, the film's blisters and sheen, its cold cloudy patch off the NIK and the name;
an SPMA diploma typed into its blank and caught in a house fire: an edge burnt away to the
scanner's lid, the black char and the brown scorch along it, all of it off the name's
line; a D-II PGSD diploma photographed under flickering tube lights: the rolling shutter's
dark bands across the whole picture at the lamps' period), what is printed is the truth,
their faces' files are installed, and the earlier designs keep their drawing (the new looks
are off on all of them). No reader runs here."""
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
from scansim import ijazah_group31 as IG31
from scansim import ktp as KTP
from scansim import ktp_designs as KD
from scansim import ktp_group31 as KG31
from scansim.draw import mm_px
from scansim.ijazah_era import by_year
from scansim.ktp import make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    _card,
    _diploma_faces,
    _diploma_faces_from_packages,
    _every_field_printed,
    _grey,
    _new_diploma_group,
    _new_looks,
    _printed,
    _two_colour_lines,
)

KTP_31 = ("harmattan_kilat", "motoya_laminasi")
IJAZAH_31 = ("spma_hangus", "pgsd_kedip")
# The font package each of the group's new diploma faces comes from, by file name.
PACKAGES_31 = {"Alkalami": "fonts-sil-alkalami", "LexiSaebom": "fonts-lexi-saebom",
               "TlwgTypist": "fonts-tlwg-typist-ttf", "Garuda": "fonts-tlwg-garuda-ttf",
               "Uroob": "fonts-smc-uroob"}


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261231)


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

def test_group_31_differs_from_every_earlier_design():
    _new_looks(31, KTP_31, ("kilat", "laminasi"), {"batang_garing", "talawang"})


def test_group_31_backgrounds_have_both_colours():
    """Batang garing and talawang: marks in both of each print's colours."""
    _two_colour_lines("harmattan_kilat", 3, 200, 0.01)
    _two_colour_lines("motoya_laminasi", 4, 200, 0.01)


@pytest.mark.parametrize("name", KTP_31)
def test_group_31_cards_print_every_field(people, name):
    """Every row has ink left of its colon (the label) and right of it (the value), the
    NIK its digits, on the cards as they are handed in (photographed with the flash; a
    laminated copy)."""
    _every_field_printed(people, name)


@pytest.mark.parametrize("name", KTP_31)
def test_group_31_cards_print_the_truth(people, name, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = make_ktp(people[2], rng=random.Random(5), dpi=100, design=name)
    for key in ("nik", "nama", "tempat_tgl_lahir", "alamat", "kel_desa", "kecamatan"):
        assert truth[key] in texts, key
    assert truth["nama"] == people[2]["nama"].upper()


@pytest.mark.parametrize("name", KTP_31)
def test_group_31_backs_and_copy_pages(people, name):
    """The back goes the same way as the front (photographed with the flash; laminated);
    a copy page prints the card as it was handed in, the NIK's row dark on it."""
    back = make_ktp_back(rng=random.Random(3), dpi=150, design=name)
    plain = make_ktp_back(rng=random.Random(3), dpi=150,
                          design=dataclasses.replace(KD.DESIGNS[name], kilat=0.0, laminasi=0.0))
    assert back.size == plain.size and np.abs(_grey(back) - _grey(plain)).mean() > 4
    page, truth = make_ktp_copy_page(people[1], rng=random.Random(4), dpi=150, back=True,
                                     design=name)
    x0, y0, x1, y1 = truth["card_box"]
    assert (_grey(page)[y0:y1, x0:x1] < 110).mean() > 0.02
    assert truth["nik"] == people[1]["nik"]


# -- photographed close up with the flash -------------------------------------------------------

def test_kilat_plan_keeps_the_hot_spot_off_the_nik_and_name():
    """Over many pictures the hot spot's heart (with a rim of half its radius) never
    touches the NIK's digits nor the name; with no room left it goes to the photo."""
    dpi = 200
    u = dpi / 25.4
    des = KD.DESIGNS["harmattan_kilat"]
    size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
    keep = _keep_boxes(des, dpi)
    spots = set()
    for seed in range(200):
        plan = KG31.kilat_plan(size, random.Random(seed), u, keep=keep)
        assert KG31._clear_of(plan["spot"], 1.5 * plan["core_r"], keep)
        assert 3.0 * u <= plan["core_r"] <= 4.6 * u and plan["halo_r"] > 2 * plan["core_r"]
        spots.add((round(plan["spot"][0] / (10 * u)), round(plan["spot"][1] / (10 * u))))
    assert len(spots) > 12                                       # all over the card
    full = [(0, 0, size[0], size[1])]
    plan = KG31.kilat_plan(size, random.Random(1), u, keep=full)
    assert plan["spot"] == (0.86 * size[0], 0.62 * size[1])


def test_hot_spot_is_white_at_its_heart_and_fades():
    dpi = 200
    u = dpi / 25.4
    size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
    for seed in range(4):
        plan = KG31.kilat_plan(size, random.Random(seed), u)
        wash = KG31.hot_spot(size, plan, random.Random(seed), u)
        sx, sy = (int(v) for v in plan["spot"])
        assert wash.shape == (size[1], size[0])
        assert wash[sy, sx] > 0.85
        far = wash[np.hypot(*np.mgrid[0:size[1], 0:size[0]][::-1] -
                            np.array((sx, sy))[:, None, None]) > 3 * plan["halo_r"]]
        assert far.size == 0 or far.mean() < 0.12


def test_barrel_bows_a_straight_edge_outwards():
    """A straight row near the top comes out highest at its middle and lower at its ends
    (the ends drawn in towards the middle): the lens's barrel."""
    img = np.full((300, 500, 3), 255, np.float32)
    img[40:44, 20:480] = 0
    out = KG31.barrel(img, 0.1)

    def row_of(col: int) -> float:
        dark = np.where(out[:, col, 0] < 128)[0]
        return float(dark.mean())
    assert row_of(250) < row_of(40) - 2 and row_of(250) < row_of(460) - 2
    assert np.allclose(KG31.barrel(img, 0.0), img, atol=1)


def test_harmattan_kilat_photo_shows_the_flash(people, monkeypatch):
    """The card's own picture against the same picture without the hot spot: a bright
    blob where the plan put it, washed near white; the NIK's digits still dark."""
    des = KD.DESIGNS["harmattan_kilat"]
    dpi = 200
    u = dpi / 25.4
    real = KTP.kilat
    for seed in range(3):
        card, truth = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="harmattan_kilat")
        with monkeypatch.context() as mp:
            mp.setattr(KTP, "kilat", lambda *a, **k: real(*a, **k, spot=False))
            bare, _ = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="harmattan_kilat")
        a, b = _grey(card), _grey(bare)
        lift = a - b
        assert (lift > 25).sum() > (3.0 * u) ** 2                 # the heart and its glow
        assert (a > 245).sum() > (b > 245).sum() + (2.0 * u) ** 2   # the heart near white
        nik = a[int((des.nik_y_mm - 0.5) * u):int((des.nik_y_mm + des.nik_mm + 1.2) * u),
                int((des.label_x_mm + 14) * u):int((des.photo_x_mm - 4) * u)]
        assert (nik < 110).mean() > 0.05
        assert truth["nik"] == people[seed]["nik"]


def test_harmattan_kilat_photo_is_a_dim_desk_round_the_card(people):
    """The desk round the card is lit far less than the card (its middle) and the
    corners fall off."""
    card, _ = make_ktp(people[0], rng=random.Random(7), dpi=150, design="harmattan_kilat")
    g = _grey(card)
    h, w = g.shape
    middle = g[int(0.4 * h):int(0.6 * h), int(0.35 * w):int(0.55 * w)]
    corner = np.concatenate([g[:6, :6].ravel(), g[-6:, -6:].ravel(), g[:6, -6:].ravel(),
                             g[-6:, :6].ravel()])
    assert np.median(corner) < np.median(middle) - 40


# -- a colour copy cut out and laminated ------------------------------------------------------

def test_cut_piece_keeps_a_white_margin_cut_off_square():
    dpi = 200
    u = dpi / 25.4
    copy = np.asarray(_card((150, 150, 150), dpi), np.float32)
    plan = {"margins": [1.5, 1.0, 2.0, 1.2], "cuts": [0.9, 0.0, -0.9, 0.0]}
    piece, paper = KG31.cut_piece(copy, plan, u)
    h, w = copy.shape[:2]
    ml, mt = round(1.5 * u), round(1.0 * u)
    assert piece.shape[:2] == (h + mt + round(1.2 * u), w + ml + round(2.0 * u))
    assert piece[piece.shape[0] // 2, 2].min() > 240                 # the paper's white
    assert piece[mt + h // 2, ml + w // 2].max() < 160               # the copied card
    assert paper[piece.shape[0] // 2, piece.shape[1] // 2] > 0.99
    left_top, left_foot = (paper[2, :] > 0.5).argmax(), (paper[-3, :] > 0.5).argmax()
    assert left_foot - left_top >= 3                                 # the left cut aslant
    right_top = paper.shape[1] - (paper[2, ::-1] > 0.5).argmax()
    right_foot = paper.shape[1] - (paper[-3, ::-1] > 0.5).argmax()
    assert right_foot - right_top >= 3                               # ... the right one too
    quarter = paper.shape[1] // 4
    top_left = (paper[:, quarter] > 0.5).argmax()
    top_right = (paper[:, 3 * quarter] > 0.5).argmax()
    assert abs(int(top_left) - int(top_right)) <= 1                  # the top cut square


def test_laminasi_cloudy_patch_keeps_off_the_nik_and_name():
    dpi = 200
    u = dpi / 25.4
    des = KD.DESIGNS["motoya_laminasi"]
    size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
    keep = _keep_boxes(des, dpi)
    cloudy = 0
    for seed in range(200):
        plan = KG31.laminasi_plan(size, random.Random(seed), u, keep=keep)
        assert plan["pouch"] in KG31.POUCH["sizes"] and 2 <= len(plan["bubbles"]) <= 6
        if plan["cloudy"] is None:
            continue
        cloudy += 1
        cx, cy, rx, ry = (v * u for v in plan["cloudy"])
        for x0, y0, x1, y1 in keep:
            assert cx + rx < x0 or cx - rx > x1 or cy + ry < y0 or cy - ry > y1
    assert 40 < cloudy < 140


def test_motoya_laminasi_is_a_laminated_copy(people, monkeypatch):
    """The card's own picture: the scanner's lid at its sides (the pouch smaller than the
    card's picture), the card shrunk into it; the film (haze, blisters, ripples, sheen)
    changes it a little all over and the print stays."""
    real = KTP.laminasi
    dpi = 200
    for seed in range(3):
        card, truth = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="motoya_laminasi")
        with monkeypatch.context() as mp:
            mp.setattr(KTP, "laminasi", lambda *a, **k: real(*a, **k, film=False))
            bare, _ = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="motoya_laminasi")
        a, b = _grey(card), _grey(bare)
        h, w = a.shape
        band = a[h // 3:2 * h // 3]
        sides = np.concatenate([band[:, :3].ravel(), band[:, -3:].ravel()])
        assert abs(np.median(sides) - KG31.LID.mean()) < 14
        diff = np.abs(a - b)
        assert diff.mean() > 1.0 and np.median(diff) < 20
        assert 0.02 < (a < 110).mean() < 0.4
        rgb = np.asarray(card).astype(int)
        assert (rgb.max(axis=2) - rgb.min(axis=2)).mean() > 4       # a colour scan
        assert truth["nik"] == people[seed]["nik"]


# == diplomas: an SPMA's burnt, a D-II PGSD's photographed under flickering lights ===========

@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-31 diploma at 100 dpi in colour and in grey, and again in colour (same
    seed) without its finish, keyed with "bare"."""
    out = {}
    for k, name in enumerate(IJAZAH_31):
        for color in (True, False):
            out[name, color] = IJ.make_ijazah(people[k], rng=random.Random(310), dpi=100,
                                              color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(IJ.HAND_INS, "hangus", lambda img, rng, dpi, **k: img)
        mp.setitem(IJ.HAND_INS, "kedip", lambda img, rng, dpi, **k: img)
        for k, name in enumerate(IJAZAH_31):
            out[name, "bare"] = IJ.make_ijazah(people[k], rng=random.Random(310), dpi=100,
                                               color=True, design=name)
    return out


def test_group_31_diplomas_differ_from_every_earlier_design():
    _new_diploma_group(31, IJAZAH_31)
    spma, pgsd = (IJ.get_design(n) for n in IJAZAH_31)
    assert IJ.programs_of(spma) == ["SMA"] and IJ.programs_of(pgsd) == ["D2"]
    assert IJ.HAND_INS["hangus"] is IG31.hangus and IJ.HAND_INS["kedip"] is IG31.kedip
    assert IJ.BORDERS["untai_padi"] is IG31.untai_padi and IJ.BORDERS["rotan"] is IG31.rotan
    assert "hangus" in IJ.CLEAR_OF_NAME and "hangus" not in IJ.GIVEN_FILL_IN
    assert "kedip" not in IJ.CLEAR_OF_NAME | IJ.GIVEN_FILL_IN
    assert _diploma_faces(spma).isdisjoint(_diploma_faces(pgsd))
    assert not any(d.finish in ("hangus", "kedip") for d in IJ.DESIGNS if d.group < 31)
    assert not any(d.header in ("spma_kepala", "pgsd_kepala") for d in IJ.DESIGNS
                   if d.group < 31)


def test_group_31_faces_come_from_their_new_packages():
    _diploma_faces_from_packages(31, IJAZAH_31, PACKAGES_31)


@pytest.mark.parametrize("name", IJAZAH_31)
@pytest.mark.parametrize("color", [True, False])
def test_group_31_diplomas_render_grey_and_colour(diplomas, people, name, color):
    page, truth = diplomas[name, color]
    size = (mm_px(297, 100), mm_px(210, 100)) if name == "pgsd_kedip" else \
        (mm_px(210, 100), mm_px(297, 100))
    assert page.size == size
    assert truth["design"] == name and truth["group"] == 31 and truth["held_out"]
    assert truth["nama"] == people[IJAZAH_31.index(name)]["nama"].upper()
    if not color:
        rgb = np.asarray(page).astype(int)
        assert (rgb.max(axis=2) - rgb.min(axis=2)).max() == 0


def test_group_31_truth_is_as_the_designs_promise(people):
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30, design="spma_hangus")
        assert truth["jenjang"] == "SMA" and truth["sekolah"].startswith("SPMA NEGERI ")
        assert 1980 <= truth["tahun"] <= 1997
        assert re.fullmatch(r"\d{3}/SPMA/[A-Z]{2,3}/\d{4}", truth["nomor"])
        assert truth["nomor"].endswith(str(truth["tahun"]))
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30, design="pgsd_kedip")
        assert truth["jenjang"] == "D2" and truth["sekolah"] == "UNIVERSITAS PALANGKA RAYA"
        assert 1993 <= truth["tahun"] <= 2008 and truth["landscape"]
        assert re.fullmatch(r"\d{4}/J24/PP/\d{4}", truth["nomor"])


def test_spma_types_the_truth_on_its_rows(people, monkeypatch):
    """The number, the name and the rows are typed (group 28's typist, letter by letter)
    after the blank's printed labels; the name typed in capitals by the page's name step;
    the level written out and the ministry printed."""
    typed = []
    type_px = IG28.Typist.type_px

    def recorded(self, at, text, *a, **k):
        typed.append(text)
        return type_px(self, at, text, *a, **k)
    monkeypatch.setattr(IG28.Typist, "type_px", recorded)
    words = IG31._data()["spma"]
    for k in range(3):
        typed.clear()
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="spma_hangus")
        assert typed[0] == truth["nomor"] and typed[1] == truth["nama"]
        assert typed[-1] in words["majors"] and re.fullmatch(r"\d{4}", typed[-2])
        for label in words["rows"]:
            assert label in texts
        assert words["level"] in texts and "DEPARTEMEN PERTANIAN" in texts
        assert truth["nama"] not in texts   # never drawn whole: struck letter by letter
        town = truth["sekolah"].removeprefix("SPMA NEGERI ").title()
        assert f"dari SPMA Negeri {town} pada tahun {truth['tahun']}." in texts


def test_spma_agency_and_pgsd_ministry_by_year():
    spma, pgsd = IG31._data()["spma"], IG31._data()["pgsd"]
    assert by_year(spma["agencies"], 1982) == "PUSAT PENDIDIKAN DAN LATIHAN PERTANIAN"
    assert by_year(spma["agencies"], 1990).startswith("BADAN PENDIDIKAN, LATIHAN")
    assert by_year(pgsd["ministries"], 1995) == "DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN"
    assert by_year(pgsd["ministries"], 2004) == "DEPARTEMEN PENDIDIKAN NASIONAL"


def test_pgsd_prints_the_truth(people, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=40, design="pgsd_kedip")
    words = IG31._data()["pgsd"]
    assert truth["nama"] in texts and f"Nomor : {truth['nomor']}" in texts
    assert words["programme"] in texts and words["degree"] in texts
    assert "UNIVERSITAS PALANGKA RAYA" in texts and "Rektor," in texts
    ministry = "DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN" if truth["tahun"] <= 1999 else \
        "DEPARTEMEN PENDIDIKAN NASIONAL"
    assert ministry in texts


@pytest.mark.parametrize("name", IJAZAH_31)
def test_group_31_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=30, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- caught in a house fire --------------------------------------------------------------------

def _blank_page(dpi: int) -> Image.Image:
    """A cream page with black text bars across it, the name's bar in the middle."""
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (246, 242, 230))
    d = ImageDraw.Draw(page)
    for y in range(30, 280, 12):
        d.rectangle([30 * u, y * u, 180 * u, (y + 3) * u], fill=(20, 20, 24))
    return page


NAME_BOX = (60.0, 140.0, 150.0, 148.0)


def test_hangus_plan_keeps_the_fire_off_the_name():
    """Over many pages the front, the char and the scorch's heart stay clear of the name's
    box, the embers' holes lie in the scorch and off it, the soot off it too."""
    dpi = 40
    u = dpi / 25.4
    size = (mm_px(210, dpi), mm_px(297, dpi))
    edges = set()
    for seed in range(60):
        plan = IG31.hangus_plan(size, random.Random(seed), u, NAME_BOX)
        edges.add(plan["edge"])
        dist, along = IG31.edge_distance(size, plan["edge"], u)
        x0, y0, x1, y1 = (int(v * u) for v in NAME_BOX)
        t = IG31.front_t(dist[y0:y1, x0:x1], along[y0:y1, x0:x1], plan)
        assert t.min() >= plan["char"] + 0.6 * plan["scorch"] + 2.0
        for px, py, _r in plan["holes"]:
            assert not (x0 - 8 * u < px < x1 + 8 * u and y0 - 8 * u < py < y1 + 8 * u)
        for px, py, rx, _ry, _a, _s, drag in plan["soot"]:
            reach = rx + drag
            assert not (x0 - reach < px < x1 + reach and y0 - reach < py < y1 + reach)
    assert len(edges) >= 5


def test_hangus_burns_an_edge_away_and_scorches_it():
    """A blank page after the fire: some of it gone to the lid's grey-white, a black char
    along the front, brown scorch beyond (red over blue), the name's bar as it was; with
    everything left out the page is as it was but for nothing at all."""
    dpi = 80
    u = dpi / 25.4
    page = _blank_page(dpi)
    base = np.asarray(page).astype(float)
    for seed in range(6):
        out = np.asarray(IG31.hangus(page, random.Random(seed), dpi, name_box=NAME_BOX)
                         ).astype(float)
        none = np.asarray(IG31.hangus(page, random.Random(seed), dpi, name_box=NAME_BOX,
                                      burn=False, scorch=False, soot=False, capture=False)
                          ).astype(float)
        assert np.abs(none - base).max() <= 1
        plan = IG31.hangus_plan(page.size, random.Random(seed), u, NAME_BOX)
        dist, along = IG31.edge_distance(page.size, plan["edge"], u)
        t = IG31.front_t(dist, along, plan)
        gone = t < -1.5
        assert gone.sum() > 20
        assert np.abs(out[gone].mean(axis=0) - IG31.LID).max() < 25        # the lid
        char = (t > 0.3) & (t < plan["char"] * 0.5)
        assert out[char].mean() < 130                                       # black
        brown = (t > plan["char"] * 1.4 + 1.0) & (t < plan["char"] + 0.4 * plan["scorch"])
        brown &= base.mean(axis=2) > 200                                    # on the paper
        if brown.sum() > 10:
            assert (out[brown][:, 0] - out[brown][:, 2]).mean() > \
                (base[brown][:, 0] - base[brown][:, 2]).mean() + 10
        x0, y0, x1, y1 = (int(v * u) for v in NAME_BOX)
        assert np.abs(out[y0:y1, x0:x1] - base[y0:y1, x0:x1]).mean() < 12


def test_spma_page_shows_the_fire(diplomas):
    page, _ = diplomas["spma_hangus", True]
    bare, _ = diplomas["spma_hangus", "bare"]
    a, b = (np.asarray(x).astype(float) for x in (page, bare))
    changed = np.abs(a - b).max(axis=2) > 60
    assert changed.mean() > 0.005                                # burnt and scorched
    dark = (a.mean(axis=2) < 70) & (b.mean(axis=2) > 180)
    assert dark.sum() > 30                                        # the char on the paper


# -- photographed under flickering tube lights --------------------------------------------------

def test_flicker_is_periodic_at_the_lamps_period():
    for seed in range(10):
        plan = IG31.kedip_plan((800, 600), random.Random(seed), 4.0)
        n = 1000
        wave = IG31.flicker(n, plan)
        assert wave.max() <= 1.0001 and wave.min() >= 1 - plan["depth"] - 1e-4
        assert wave.max() - wave.min() > 0.8 * plan["depth"]
        period = plan["period"] * n
        k = int(round(period))
        assert np.corrcoef(wave[:-k], wave[k:])[0, 1] > 0.85
        half = int(round(period / 2))
        if not plan["pulsed"]:
            assert np.corrcoef(wave[:-half], wave[half:])[0, 1] < -0.5


def test_kedip_bands_cross_the_whole_picture():
    """The same photo with and without the flicker: their ratio varies across the rows (or
    the columns) with the plan's depth and period, and hardly along them."""
    dpi = 40
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(297, dpi), mm_px(210, dpi)), (240, 238, 230))
    for seed in range(4):
        plan = IG31.kedip_plan(page.size, random.Random(seed), u)
        lit = np.asarray(IG31.kedip(page, random.Random(seed), dpi, capture=False), float)
        flat = np.asarray(IG31.kedip(page, random.Random(seed), dpi, bands=False,
                                     capture=False), float)
        ratio = (lit.mean(axis=2) + 1) / (flat.mean(axis=2) + 1)
        across = ratio.mean(axis=1) if plan["rows"] else ratio.mean(axis=0)
        along = ratio.std(axis=1).mean() if plan["rows"] else ratio.std(axis=0).mean()
        assert across.max() - across.min() > 0.7 * plan["depth"]
        assert along < 0.03
        assert math.isclose(lit.shape[1], page.size[0])


def test_pgsd_page_is_a_photo_on_a_desk(diplomas):
    page, _ = diplomas["pgsd_kedip", True]
    bare, _ = diplomas["pgsd_kedip", "bare"]
    a, b = (np.asarray(x).astype(float) for x in (page, bare))
    h, w = a.shape[:2]
    corners = np.concatenate([a[:4, :4].reshape(-1, 3), a[-4:, -4:].reshape(-1, 3)])
    assert np.abs(corners.mean(axis=0) - b[:4, :4].reshape(-1, 3).mean(axis=0)).max() > 8
    assert np.abs(a - b).mean() > 8
