"""Cards found on a page and stood upright by their photo: on strong saturated gradients
(where the whole background is as coloured as a photo), and with a copier's dark streak
running off the card."""
from __future__ import annotations

import dataclasses
import random

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr.ktp import find_cards, read_card
from ocr.ktp.cards import PX_PER_MM, Card, mm, stand_upright
from scansim.draw import mm_px
from scansim.ktp import make_ktp
from scansim.ktp_designs import DESIGNS
from scansim.ktp_group20 import PAPERS, on_paper
from scansim.people import make_people


def _card(design: str, *, glare: float = 0.0, dpi: float = PX_PER_MM * 25.4, person: int = 1):
    des = dataclasses.replace(DESIGNS[design], glare=glare)
    who = make_people(3, seed=7)[person]
    card, truth = make_ktp(who, rng=random.Random(person), dpi=dpi, design=des)
    return np.asarray(card.convert("RGB")), truth


def _on_a4(design: str, dpi: float) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A card of ``design`` on a near-white A4 page at ``dpi``, and its (top, left, height,
    width) there."""
    image, _ = _card(design, dpi=dpi)
    page = np.full((mm_px(297, dpi), mm_px(210, dpi), 3), 250, np.uint8)
    top, left = mm_px(60, dpi), mm_px(40, dpi)
    h, w = image.shape[:2]
    page[top:top + h, left:left + w] = image
    return page, (top, left, h, w)


@pytest.mark.parametrize("design", ["magenta_teal", "forest_amber"])
@pytest.mark.parametrize("person", [0, 1])       # a red and a blue photo backdrop, or both
def test_the_photo_of_a_card_on_a_strong_gradient_is_found_either_way_round(design, person):
    image, _ = _card(design, person=person)
    image = cv2.resize(image, (mm(85.6), mm(53.98)), interpolation=cv2.INTER_AREA)
    corners = np.zeros((4, 2), np.float32)
    photo_x = DESIGNS[design].photo_x_mm + 0.5
    for turned in (False, True):
        card = Card(image, corners)
        card = card.flipped() if turned else card
        upright, box = stand_upright(card)
        assert box is not None
        x0, y0, x1, y1 = box
        assert abs(x0 - mm(photo_x)) <= mm(1.5)
        assert mm(18.0) <= x1 - x0 <= mm(24.0) and mm(20.0) <= y1 - y0 <= mm(33.0)
        assert np.array_equal(upright.image, image)      # turned back the right way


def test_a_dark_streak_running_off_the_card_does_not_hide_it():
    dpi = 200
    page, (top, left, h, w) = _on_a4("dejavu_guilloche", dpi)
    # a grey streak the copier drew down the sheet, from the card's bottom edge on
    x = left + w // 2
    page[top + h:, x:x + mm_px(2.5, dpi)] = 150
    cards = find_cards(page, dpi=dpi)
    assert len(cards) == 1
    corners = cards[0].corners
    assert corners[:, 1].max() <= top + h + mm_px(2.0, dpi)      # the streak left off



def test_streaks_down_the_whole_sheet_through_an_enlarged_card_do_not_hide_it():
    """Streaks across a card's short side, from the sheet's top to its bottom, make the
    blob as wide as the card is long: a card copied at 140 % is still found."""
    dpi = 200
    image, _ = _card("dejavu_guilloche", dpi=dpi)
    image = cv2.resize(image, None, fx=1.4, fy=1.4, interpolation=cv2.INTER_CUBIC)
    page = np.full((mm_px(297, dpi), mm_px(210, dpi), 3), 250, np.uint8)
    top, left = mm_px(60, dpi), mm_px(30, dpi)
    h, w = image.shape[:2]
    page[top:top + h, left:left + w] = image
    for x in (left + w // 5, left + 3 * w // 5):
        page[:, x:x + mm_px(3.0, dpi)] = 140
    cards = find_cards(page, dpi=dpi)
    assert len(cards) == 1
    corners = cards[0].corners
    assert corners[:, 1].min() >= top - mm_px(2.0, dpi)
    assert corners[:, 1].max() <= top + h + mm_px(2.0, dpi)

def test_a_front_whose_photo_was_taken_for_a_patch_of_background_is_read_turned_round():
    image, truth = _card("magenta_teal")
    image = cv2.resize(image, (mm(85.6), mm(53.98)), interpolation=cv2.INTER_AREA)
    card = Card(image, np.zeros((4, 2), np.float32))
    upright, box = stand_upright(card)
    wrong = (upright.flipped(), (mm(70.0), 0, mm(85.0), mm(15.0)))   # the photo "top right"
    read = read_card(upright, wrong)
    assert read is not None
    reading, turned = read
    assert np.array_equal(turned.image, image)
    assert reading.front_words >= 8


def test_birth_line_whose_label_washed_out_is_read_where_the_card_puts_it():
    image, truth = _card("dejavu_guilloche")
    image = cv2.resize(image, (mm(85.6), mm(53.98)), interpolation=cv2.INTER_AREA)
    des = DESIGNS["dejavu_guilloche"]
    washed = image.copy()
    # the labels of the name and birth lines gone white (a glare), their values kept
    washed[mm(des.first_y_mm - 0.6):mm(des.first_y_mm + 2 * des.step_mm),
           mm(1.0):mm(des.colon_x_mm - 0.8)] = 255
    reading, _ = read_card(Card(washed, np.zeros((4, 2), np.float32)))
    assert reading.tempat_lahir == truth["tempat_lahir"]
    assert reading.nama == truth["nama"] and reading.value_confidence("nama") >= 0.6
    assert reading.tanggal_lahir == truth["tanggal_lahir"]
    assert reading.nik == truth["nik"] and reading.value_confidence("nik") >= 0.95


def test_a_card_a_low_toner_colour_copy_left_barely_darker_than_the_paper_is_found():
    """`din_toner`'s 300 dpi colour copy: the card's tint is 16 grey levels below the
    paper and hardly coloured, its print broken by the streaks, so no blob of the first
    look is a card; the fainter second look finds it, and it is read."""
    from benchmarks.ktp_accuracy import card_case

    people = make_people(18, seed=11)
    case = card_case(people[1], 1 * 8 + 3, 11, ["andika_kopi", "din_toner"])
    assert case["design"] == "din_toner" and case["dpi"] == 300 and case["colour"]
    assert case["doc"] == "ktp" and case["nik_right"] and case["name"]


def test_a_plain_page_shows_no_card_at_either_look():
    """The second, fainter look finds no card on a page of print (a form page's text)."""
    page = Image.new("RGB", (1654, 2339), (236, 236, 234))
    draw = ImageDraw.Draw(page)
    for row in range(60):
        draw.text((120, 120 + row * 34), "Nama lengkap : ........................ " * 2,
                  fill=(40, 40, 40))
    assert find_cards(np.asarray(page), dpi=200) == []


@pytest.mark.parametrize("paper", ["merah muda", "hijau muda", "kuning"])
def test_a_card_copied_onto_coloured_paper_is_found(paper):
    """The whole sheet is the paper's colour: the card is what differs from the paper,
    not what is saturated."""
    dpi = 200
    page, (top, left, _, _) = _on_a4("dejavu_guilloche", dpi)
    grey = np.asarray(Image.fromarray(page).convert("L").convert("RGB"))
    coloured = np.asarray(on_paper(Image.fromarray(grey), paper))
    assert paper in PAPERS
    cards = find_cards(coloured, dpi=dpi)
    assert len(cards) == 1
    xs, ys = cards[0].corners[:, 0], cards[0].corners[:, 1]
    assert abs(xs.min() - left) <= mm_px(2, dpi) and abs(ys.min() - top) <= mm_px(2, dpi)


def test_a_card_shown_on_a_screen_is_cut_out_inside_the_viewer_s_black():
    """A phone's photo of a screen showing the card, printed: the viewer's black lies round
    the card, and the blob found is the photo. The card is cut again at the frame's inner
    edge, so its fields lie where a card's do."""
    dpi = 200
    image, _ = _card("dejavu_guilloche", dpi=dpi)
    h, w = image.shape[:2]
    pad_y, pad_x = h // 12, w // 14
    photo = np.full((h + 2 * pad_y, w + 2 * pad_x, 3), 8, np.uint8)   # the screen's black
    photo[pad_y:pad_y + h, pad_x:pad_x + w] = image
    page = np.full((mm_px(297, dpi), mm_px(210, dpi), 3), 250, np.uint8)
    top, left = mm_px(50, dpi), mm_px(30, dpi)
    page[top:top + photo.shape[0], left:left + photo.shape[1]] = photo
    (card,) = find_cards(page, dpi=dpi)
    xs, ys = card.corners[:, 0], card.corners[:, 1]
    assert abs(xs.min() - (left + pad_x)) <= 4 and abs(xs.max() - (left + pad_x + w)) <= 4
    assert abs(ys.min() - (top + pad_y)) <= 4 and abs(ys.max() - (top + pad_y + h)) <= 4
    # a card on the page itself keeps its own outline
    plain, (top, left, h, w) = _on_a4("dejavu_guilloche", dpi)
    (card,) = find_cards(plain, dpi=dpi)
    assert abs(card.corners[:, 0].min() - left) <= 4 and abs(card.corners[:, 1].min() - top) <= 4
