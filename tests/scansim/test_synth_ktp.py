"""Synthetic KTP-el cards of every design and their photocopy pages."""
from __future__ import annotations

import random

import cv2
import numpy as np
import pytest
from PIL import ImageDraw

from scansim.ktp import make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.ktp_designs import DESIGNS, FACES, FONT_ROOT, HELD_OUT, TUNED, face
from scansim.people import make_people


@pytest.fixture(scope="module")
def people():
    return make_people(8, seed=21)


def test_designs_differ_and_two_are_held_out():
    assert len(DESIGNS) >= 6 and len(HELD_OUT) >= 2
    assert set(HELD_OUT) <= set(DESIGNS) and not set(HELD_OUT) & set(TUNED)
    assert len({d.nik_face for d in DESIGNS.values()}) >= 4
    assert len({d.label_face for d in DESIGNS.values()}) >= 3
    assert len({d.background for d in DESIGNS.values()}) >= 4
    assert any(d.nik_face == "ocr_a" for d in DESIGNS.values())


def test_fonts_of_the_designs_are_installed():
    """scripts/setup.sh installs them; a missing package would quietly fall back to DejaVu."""
    for path, _ in FACES.values():
        assert (FONT_ROOT / path).is_file(), path
    d = ImageDraw.Draw(make_ktp_back(rng=random.Random(0), dpi=100))
    assert d.textlength("6201", font=face("ocr_a", 40)) != \
        d.textlength("6201", font=face("dejavu_mono_bold", 40))


@pytest.mark.parametrize("design", TUNED)
def test_card_size_photo_colour_and_truth(people, design):
    person = people[TUNED.index(design) % len(people)]
    card, truth = make_ktp(person, rng=random.Random(1), dpi=300, design=design)
    assert card.size == (1011, 638)  # 85.6 x 53.98 mm at 300 dpi
    assert truth["nik"] == person["nik"] and truth["nama"] == person["nama"].upper()
    assert truth["design"] == design
    # Photo background: red for odd birth years, blue for even, right of the field block.
    r, g, b = card.getpixel((int(64.5 / 25.4 * 300), int(12 / 25.4 * 300)))
    red = person["tanggal_lahir"].year % 2 == 1
    assert (r > 150 and b < 90) if red else (b > 130 and r < 80), (r, g, b)
    # The security background is tinted, not plain white.
    corner = np.asarray(card)[200:260, 5:60].reshape(-1, 3).mean(axis=0)
    assert corner.min() < 245 and corner.max() - corner.min() > 4


def test_greyscale_card_is_grey(people):
    grey, _ = make_ktp(people[0], rng=random.Random(0), dpi=150, color=False)
    arr = np.asarray(grey)
    assert grey.size == (506, 319) and np.array_equal(arr[..., 0], arr[..., 2])


@pytest.mark.parametrize("turn,scale", [(0, 0.8), (1, 1.6), (2, 1.2), (3, 1.0)])
def test_copy_page_zoom_turn_and_boxes(people, turn, scale):
    page, truth = make_ktp_copy_page(people[2], rng=random.Random(turn), dpi=100,
                                     color=False, back=True, scale=scale, turn=turn,
                                     design=TUNED[turn])
    assert page.size == (827, 1169)  # A4 at 100 dpi
    arr = np.asarray(page).astype(int)
    assert np.abs(arr[..., 0] - arr[..., 1]).max() == 0  # a black-and-white copy
    x0, y0, x1, y1 = truth["card_box"]
    long_px, short_px = max(x1 - x0, y1 - y0), min(x1 - x0, y1 - y0)
    expected = 85.6 / 25.4 * 100 * scale
    assert abs(long_px - expected) < 0.12 * expected and long_px > short_px
    assert (x1 - x0 > y1 - y0) == (turn % 2 == 0)      # a quarter turn stands it on end
    assert arr[y0:y1, x0:x1].mean() < arr.mean() + 5
    assert truth["back_box"] is not None and truth["turn"] == turn
    turned = (truth["card_angle"] + 45) % 360 // 90
    assert turned == turn


def test_copy_page_in_colour_keeps_the_tint(people):
    page, truth = make_ktp_copy_page(people[2], rng=random.Random(4), dpi=100,
                                     paper_mm=(215, 330), color=True)
    assert page.size == (846, 1299) and truth["color"] and truth["back_box"] is None
    x0, y0, x1, y1 = truth["card_box"]
    card = np.asarray(page.crop((x0, y0, x1, y1)).convert("HSV"))
    assert np.median(card[..., 1]) > 20


def test_too_big_a_zoom_is_refused(people):
    with pytest.raises(ValueError):
        make_ktp_copy_page(people[0], rng=random.Random(0), dpi=50, back=True, scale=3.0)


@pytest.mark.parametrize("seed", [0, 2])
def test_copy_page_can_give_any_design_a_glare_patch(people, seed):
    """A pale design without glare of its own: asked for, a copy's card catches a soft
    white glare patch (the print side whitens); not asked for, the seed's page stays."""
    def lightest(share):
        page, truth = make_ktp_copy_page(people[3], rng=random.Random(seed), dpi=100,
                                         design="dejavu_guilloche", max_skew=0,
                                         glare_share=share)
        x0, y0, x1, y1 = truth["card_box"]
        card = np.asarray(page.crop((x0, y0, x1, y1)))
        side = card[5:-5, 5:int(0.6 * card.shape[1])].min(axis=2).astype(np.float32)
        return truth["glare"], np.percentile(cv2.GaussianBlur(side, (0, 0), 4), 99), page

    plain, without, page = lightest(0.0)
    glared, within, _ = lightest(1.0)
    assert not plain and glared and within > without + 8
    again, _ = make_ktp_copy_page(people[3], rng=random.Random(seed), dpi=100,
                                  design="dejavu_guilloche", max_skew=0)
    assert np.array_equal(np.asarray(again), np.asarray(page))
