"""The twenty-first held-out group of card and diploma designs: kept apart (registered in
group 21, never drawn unasked, listed by the benchmark), what is new on them shows on the
rendered cards and pages (a card whose lamination blistered and peels at a corner; a card
copied with the lid open, black round it; an SMK diploma naming its holder in a brush
script, scanned in its folder; an SMP diploma filled in by hand whose back's marks show
through), what is printed is the truth, their faces' files are installed, and the earlier
designs keep their drawing (the new looks are off on all of them). No reader runs here."""
from __future__ import annotations

import dataclasses
import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group21 as IG21
from scansim import ktp_designs as KD
from scansim import ktp_group21 as KG21
from scansim.draw import mm_px
from scansim.ktp import make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_21,
    KTP_21,
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
    return make_people(4, seed=20261221)


def test_group_21_is_held_out_and_listed():
    assert KD.HELD_OUT_21 == KTP_21 and IJ.HELD_OUT_21 == IJAZAH_21
    _listed_apart(21, KTP_21, IJAZAH_21)


def test_group_21_differs_from_every_earlier_design():
    earlier = _new_ktp_group(21, KD.HELD_OUT_21)
    _faces_from_new_packages(earlier, KTP_21)
    lepuh, terbuka = (KD.DESIGNS[n] for n in KTP_21)
    assert lepuh.blistered > 0 and not lepuh.lid_open
    assert terbuka.lid_open > 0 and not terbuka.blistered
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.blistered or e.lid_open for e in earlier)
    assert {"udan_liris", "sekar_jagad"} <= set(KD.PATTERNS)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_21_backgrounds_have_both_colours(dpi):
    """Udan liris and sekar jagad: lines in both of each print's colours."""
    _two_colour_lines("nanum_lepuh", 3, dpi, 0.01)
    _two_colour_lines("quicksand_terbuka", 4, dpi, 0.01)


# -- a blistered, peeling lamination ------------------------------------------------------

def _dark_card(dpi: int) -> Image.Image:
    """A card printed solid mid-dark grey: what a veil or a rim does shows on it."""
    return _card((70, 70, 70), dpi)


@pytest.mark.parametrize("dpi", [200, 300])
def test_a_blister_is_a_milky_ring_of_light(dpi):
    """Inside a blister the print lies under a pale veil (lighter, not white); its rim is
    lit on one side and shaded on the other; far from it the card is as it was."""
    u = dpi / 25.4
    arr = np.asarray(_dark_card(dpi), np.float32).copy()
    centre, radii = (40 * u, 27 * u), (3.0 * u, 2.4 * u)
    KG21._blister(arr, random.Random(2), u, centre, radii)
    grey = arr.mean(axis=2)
    cx, cy = (int(v) for v in centre)
    inside = grey[cy - int(u):cy + int(u), cx - int(u):cx + int(u)]
    assert 90 < inside.mean() < 140
    ring = grey[cy - int(4.5 * u):cy + int(4.5 * u), cx - int(4.5 * u):cx + int(4.5 * u)]
    assert ring.max() > 170 and ring.min() < 60
    assert np.abs(grey[:int(10 * u), :int(10 * u)] - 70).max() < 1


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("corner", sorted(KG21.PEEL_MM))
def test_a_peeled_corner_keeps_to_the_photos_side(dpi, corner):
    """The peeled flap lies in its corner's room only (over the photo's side, short of the
    NIK's digits and the values): milky there, its edge a line of light, the rest as it
    was."""
    u = dpi / 25.4
    arr = np.asarray(_dark_card(dpi), np.float32).copy()
    KG21._peel(arr, random.Random(5), u, corner)
    grey = arr.mean(axis=2)
    changed = np.abs(grey - 70) > 6
    h, w = grey.shape
    reach_x, reach_y = (int((c + 1.5) * u) for c in KG21.PEEL_MM[corner])
    ys = slice(h - reach_y, h) if corner.startswith("bottom") else slice(0, reach_y)
    room = np.zeros_like(changed)
    room[ys, w - reach_x:] = True
    assert not (changed & ~room).any()
    assert (grey[room] > 180).sum() / u ** 2 > 15                # mm², the milky flap
    assert not changed[:, :int(61 * u)].any()                    # the NIK and the values


@pytest.mark.parametrize("dpi", [200, 300])
def test_nanum_lepuh_card_is_blistered(people, dpi):
    """The card as drawn against the same card without the blisters: patches paler
    (veiled) here and there, the NIK's digits still dark."""
    u = dpi / 25.4
    des = KD.DESIGNS["nanum_lepuh"]
    card, bare, truth = _pair(people[0], "nanum_lepuh", dpi, dpi, blistered=0.0)
    grey, plain = _grey(card), _grey(bare)
    assert ((grey - plain) > 20).sum() / u ** 2 > 10
    nik = grey[int(des.nik_y_mm * u):int((des.nik_y_mm + des.nik_mm) * u),
               int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
    assert (nik < 110).mean() > 0.08
    assert truth["nik"] == people[0]["nik"] and truth["design"] == "nanum_lepuh"


# -- copied with the lid open -------------------------------------------------------------

@pytest.mark.parametrize("dpi", [200, 300])
def test_lid_open_blackens_round_the_card_and_greys_its_edges(dpi):
    """Beyond the rounded corners near black; along the edges a grey falloff (darker
    than a little further in); the middle's pale tint washed paler, not darker."""
    u = dpi / 25.4
    img = _card((200, 214, 206), dpi)
    out = _grey(KG21.lid_open(img, random.Random(3), 0.8, dpi))
    before = _grey(img)
    h, w = out.shape
    assert out[:max(2, int(0.4 * u)), :max(2, int(0.4 * u))].mean() < 40   # a corner
    edge = out[h // 3:2 * h // 3, :int(0.5 * u)].mean()
    inner = out[h // 3:2 * h // 3, int(6 * u):int(8 * u)].mean()
    assert edge < inner - 40
    middle = out[h // 3:2 * h // 3, w // 3:2 * w // 3]
    assert middle.mean() > before[h // 3:2 * h // 3, w // 3:2 * w // 3].mean() + 4


@pytest.mark.parametrize("color", [True, False])
def test_lid_open_copy_page_is_black_round_the_cards(people, color):
    """On a copy page with the back, the sheet round the cards is dark, the cards' middles
    light, their print dark."""
    page, truth = make_ktp_copy_page(people[1], rng=random.Random(8), dpi=150, color=color,
                                     back=True, design="quicksand_terbuka")
    grey = _grey(page)
    sheet = np.ones_like(grey, bool)
    for box in (truth["card_box"], truth["back_box"]):
        x0, y0, x1, y1 = box
        sheet[max(0, y0 - 10):y1 + 10, max(0, x0 - 10):x1 + 10] = False
    assert np.median(grey[sheet]) < 60
    x0, y0, x1, y1 = truth["card_box"]
    inner = grey[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4, x0 + (x1 - x0) // 8:
                 x0 + (x1 - x0) // 2]
    assert np.percentile(inner, 50) > 150 and np.percentile(inner, 3) < 110


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", KTP_21)
def test_group_21_copies_stay_legible(people, name, color):
    """On a grey or colour copy page at 200 dpi the card's print is still far darker than
    the card round it (the thin labels of the washed-out open-lid copy a little less)."""
    page, truth = make_ktp_copy_page(people[3], rng=random.Random(3), dpi=200, color=color,
                                     design=name)
    x0, y0, x1, y1 = truth["card_box"]
    inner = _grey(page)[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4,
                        x0 + (x1 - x0) // 8:x0 + (x1 - x0) // 2]
    assert np.percentile(inner, 50) > 150 and np.percentile(inner, 3) < 110
    assert truth["design"] == name and truth["nik"] == people[3]["nik"]


@pytest.mark.parametrize("name", KTP_21)
def test_group_21_cards_are_deterministic(people, name):
    a, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    b, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    assert a.tobytes() == b.tobytes()
    back = make_ktp_back(rng=random.Random(1), dpi=100, design=name)
    plain = make_ktp_back(rng=random.Random(1), dpi=100,
                          design=dataclasses.replace(KD.DESIGNS[name], blistered=0.0,
                                                     lid_open=0.0))
    assert back.size == a.size and back.tobytes() != plain.tobytes()   # the same card


# -- diplomas -----------------------------------------------------------------------------

def test_group_21_diplomas_differ_and_are_numbered(people):
    kuas, tembus = (IJ.get_design(n) for n in IJAZAH_21)
    assert IJ.programs_of(kuas) == ["SMK"] and IJ.programs_of(tembus) == ["SMP"]
    for k in range(3):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="smk_nama_kuas")
        assert truth["jenjang"] == "SMA" and truth["group"] == 21 and truth["held_out"]
        assert 2016 <= truth["tahun"] <= 2024 and truth["nama"] == people[k]["nama"].upper()
        assert re.fullmatch(r"DN-\d\d Mk/\d\d \d{7}", truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="smp_tulis_tembus")
        assert truth["jenjang"] == "SMP" and 2001 <= truth["tahun"] <= 2010
        assert truth["nama"] == people[k]["nama"].upper()
        assert re.fullmatch(r"DN-\d\d (Mk|Ma|Dl|Pc) \d{7}", truth["nomor"])


@pytest.mark.parametrize("name", IJAZAH_21)
def test_group_21_diplomas_print_the_truth(people, name, monkeypatch):
    """The holder's name is printed whole (in Title Case in the brush script; in capitals
    letter by letter by hand), the level, the year and the number as the truth has them."""
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(6), dpi=60, design=name)
    joined = " ".join(texts)
    if name == "smk_nama_kuas":
        assert truth["nama"].title() in texts
        assert "SEKOLAH MENENGAH KEJURUAN" in joined and "Nomor Pokok Sekolah" in joined
    else:
        letters = "".join(t for t in texts if len(t) == 1 and t != ":")
        assert truth["nama"].replace(" ", "") in letters
        assert "SEKOLAH MENENGAH PERTAMA" in joined and "Nama" in texts
    assert str(truth["tahun"]) in joined and truth["nomor"] in joined


@pytest.mark.parametrize("dpi", [150, 300])
def test_map_folder_shows_the_cover_and_shades_the_spine(dpi):
    """On a white page: a strip of the folder's coloured cover at the left edge, the page
    darker near it than further in, the right half as it was."""
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 250))
    out = np.asarray(IG21.map_folder(img, random.Random(4), dpi)).astype(int)
    h, w, _ = out.shape
    strip = out[h // 4:3 * h // 4, :int(3 * u)].reshape(-1, 3)
    assert strip.mean() < 110 and np.ptp(strip.mean(axis=0)) > 15     # a coloured cover
    near = out[h // 4:3 * h // 4, int(10 * u):int(12 * u)].mean()
    far = out[h // 4:3 * h // 4, int(60 * u):int(62 * u)].mean()
    assert near < far - 40
    assert np.abs(out[:, w // 2:] - 250).max() < 3


def test_map_folder_squeezes_the_lines_near_the_spine():
    """Bars a millimetre apart come out closer together near the spine than further in."""
    dpi = 200
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 250))
    d = ImageDraw.Draw(img)
    for k in range(200):
        x = (2 + 1.0 * k) * u
        d.line([(x, 0), (x, img.height)], fill=(0, 0, 0), width=1)
    out = _grey(IG21.map_folder(img, random.Random(1), dpi))
    row = out[out.shape[0] // 2]

    def count(a: float, b: float) -> int:
        seg = row[int(a * u):int(b * u)] < 150
        return int((np.diff(seg.astype(int)) == 1).sum())
    assert count(12, 22) > count(150, 160) + 2


@pytest.mark.parametrize("dpi", [150, 300])
def test_tembus_nilai_shows_the_back_mirrored_and_faint(dpi):
    """On a white page the back's table shows through faint (nothing dark), and it is the
    back mirrored: it matches the flipped back far better than the back as printed."""
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 250))
    out = _grey(IG21.tembus_nilai(img, random.Random(3), dpi))
    assert out.min() > 150 and (out < 244).mean() > 0.005
    back = IG21._marks_back(img.size, random.Random(0), dpi)
    ink = 255 - np.asarray(back, float)
    shown = 250 - out.astype(float)
    flipped = (shown * ink[:, ::-1]).sum()
    plain = (shown * ink).sum()
    assert flipped > 1.2 * plain   # (the table's rules are near symmetric: its words tell)


def test_the_clerks_hand_is_the_same_for_the_same_holder(people, monkeypatch):
    """The handwritten rows wobble the same way for the same holder (a seed of its own):
    two pages of the same holder write the name alike."""
    texts = _printed(monkeypatch)
    IJ.make_ijazah(people[2], rng=random.Random(1), dpi=40, design="smp_tulis_tembus")
    first = list(texts)
    texts.clear()
    IJ.make_ijazah(people[2], rng=random.Random(1), dpi=40, design="smp_tulis_tembus")
    assert texts == first


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_21)
def test_group_21_diplomas_draw_grey_and_colour(people, name, color):
    page, truth = IJ.make_ijazah(people[0], rng=random.Random(2), dpi=100, color=color,
                                 design=name)
    assert page.size == (mm_px(210, 100), mm_px(297, 100))
    rgb = np.asarray(page).astype(int)
    coloured = bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 20)
    assert coloured == color
    assert truth["color"] is color and truth["group"] == 21


@pytest.mark.parametrize("name", IJAZAH_21)
def test_group_21_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    b, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    assert a.tobytes() == b.tobytes()
