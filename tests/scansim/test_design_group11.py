"""The eleventh held-out group of card and diploma designs: what is new on them shows on the
rendered cards and pages, every field is printed, their type faces' files are installed,
and the earlier designs keep their drawing (the new looks are off on all of them). No
reader runs here."""
from __future__ import annotations

import dataclasses
import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ktp_designs as KD
from scansim.draw import mm_px
from scansim.ijazah_group11 import INKJET_TURN, STAMP_INK, _inkjet
from scansim.ijazah_holders import title_case
from scansim.ktp import KTP_MM, make_ktp, make_ktp_copy_page
from scansim.ktp_group11 import sleeve
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_11,
    KTP_11,
    _dark_share,
    _faces_from_new_packages,
    _grey,
    _new_diploma_group,
    _new_ktp_group,
)

ROWS = 12   # Nama .. Berlaku Hingga


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261211)


def _plain(name: str, **changes) -> KD.KtpDesign:
    """Design ``name`` with nothing random after the print (no wear, glare, bow, sleeve)."""
    return dataclasses.replace(KD.DESIGNS[name], **{"wear": 0.0, "glare": 0.0, "bow_mm": 0.0,
                                                     "sleeve": 0.0, **changes})


def _ink_share(img, box) -> float:
    return float((_grey(img.crop(box)) < 150).mean())


def test_group_11_differs_from_every_earlier_design():
    earlier = _new_ktp_group(11, KD.HELD_OUT_11)
    _faces_from_new_packages(earlier, KTP_11)
    serat, pelangi = (KD.DESIGNS[n] for n in KTP_11)
    assert serat.bow_mm > 0 and not serat.value_turn and not serat.sleeve
    assert pelangi.value_turn and pelangi.sleeve > 0 and not pelangi.bow_mm
    assert serat.step_mm < 2.85 < 3.1 < pelangi.step_mm   # a tight pitch and a loose one
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.bow_mm or e.value_turn or e.sleeve for e in earlier)


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("name", KTP_11)
def test_group_11_cards_print_every_field(people, name, dpi):
    """Every row has ink left of its colon (the label) and right of it (the value), the
    cards drawn as they are measured (worn, bowed, in a sleeve, the values turned): ink
    darker than the palest a sleeve's reflection leaves it."""
    u = dpi / 25.4
    des = KD.DESIGNS[name]
    card, truth = make_ktp(people[0], rng=random.Random(dpi), dpi=dpi, design=name)
    assert truth["design"] == name and truth["nik"] == people[0]["nik"]
    assert truth["photo_background"] == ("red" if int(truth["tanggal_lahir"][:4]) % 2
                                         else "blue")

    def box(left: float, top: float, right: float, bottom: float) -> tuple[int, ...]:
        return int(left * u), int(top * u), int(right * u), int(bottom * u)
    for k in range(ROWS):
        top = des.first_y_mm + k * des.step_mm
        bottom = top + des.text_mm + 0.4
        label = box(des.label_x_mm + 0.5, top - 0.8, des.colon_x_mm - 0.8, bottom)
        value = box(des.colon_x_mm + 1.0, top - 0.4, des.colon_x_mm + 9, bottom)
        assert _ink_share(card, label) > 0.01, k
        assert _ink_share(card, value) > 0.02, k
    nik = box(des.label_x_mm + 13, des.nik_y_mm - 0.8, des.photo_x_mm - 2,
              des.nik_y_mm + des.nik_mm + 1)
    assert _dark_share(card, nik) > 0.06


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_11_fibres_and_emblem(dpi):
    """The fibre card's core shows coloured fibres all over it (red, blue and green ones in
    every quarter) and a pale emblem in the second colour behind the field block only."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    des = KD.DESIGNS["inter_serat"]
    rgb = np.asarray(KD.background(des, size, random.Random(4), dpi)).astype(int)
    h, w = rgb.shape[:2]
    for rows in (slice(0, h // 2), slice(h // 2, h)):
        for cols in (slice(0, w // 2), slice(w // 2, w)):
            px = rgb[rows, cols].reshape(-1, 3)
            red = (px[:, 0] > px[:, 2] + 50).sum()
            blue = (px[:, 2] > px[:, 0] + 70).sum()
            green = (px[:, 1] > px[:, 2] + 60).sum()
            assert min(red, blue, green) > 20
    near = np.abs(rgb - np.array(des.second_color)).sum(axis=2) < 14
    assert near[int(0.35 * h):int(0.75 * h), int(0.3 * w):int(0.55 * w)].mean() > 0.08
    assert near[:int(0.2 * h), :int(0.15 * w)].mean() < 0.01
    assert 190 < _grey(Image.fromarray(np.uint8(rgb))).mean() < 245


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_11_rainbow_runs_across(dpi):
    """The iris print's lines are pink at the card's left and blue at its right."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    rgb = np.asarray(KD.background(KD.DESIGNS["oxygen_pelangi"], size, random.Random(2),
                                   dpi)).astype(int)
    w = rgb.shape[1]

    def tone(cols: slice) -> float:
        px = rgb[:, cols].reshape(-1, 3)
        lines = px[px.min(axis=1) < 215]
        assert len(lines) > 500
        return float((lines[:, 0] - lines[:, 2]).mean())
    assert tone(slice(0, w // 6)) > 25 and tone(slice(5 * w // 6, w)) < -25
    assert 190 < _grey(Image.fromarray(np.uint8(rgb))).mean() < 245


def _ink_rows(grey: np.ndarray, cols: slice, u: float) -> float:
    """The mean row (px) of the dark ink in a column strip of the field block."""
    strip = grey[:, cols] < 110
    rows = np.nonzero(strip)[0]
    return float(rows.mean())


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_11_bowed_card_lifts_its_ends(people, dpi):
    """On the curved card the print at the left end rides up against the flat card's, the
    middle stays; the lifted ends are darker."""
    u = dpi / 25.4
    des = _plain("inter_serat")
    flat, _ = make_ktp(people[1], rng=random.Random(5), dpi=dpi, design=des)
    bowed, _ = make_ktp(people[1], rng=random.Random(5), dpi=dpi,
                        design=dataclasses.replace(des, bow_mm=KD.DESIGNS["inter_serat"].bow_mm))
    gf, gb = _grey(flat), _grey(bowed)
    block = slice(int(des.first_y_mm * u), int(50 * u))
    left = slice(int(3 * u), int(9 * u))
    middle = slice(int(40 * u), int(46 * u))
    lift_left = _ink_rows(gf[block], left, u) - _ink_rows(gb[block], left, u)
    lift_middle = _ink_rows(gf[block], middle, u) - _ink_rows(gb[block], middle, u)
    assert lift_left > 0.25 * u and abs(lift_middle) < 0.15 * u
    edge = slice(0, int(2 * u))
    assert gb[:, edge].mean() < gf[:, edge].mean() - 3


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_11_sleeve_lays_a_slanted_band(people, dpi):
    """The sleeve's reflection only lightens the card's print; on an even grey it is a band
    running slantwise across the card (its place along the rows moves from the top to the
    bottom) over a faint haze."""
    u = dpi / 25.4
    des = _plain("oxygen_pelangi")
    amount = KD.DESIGNS["oxygen_pelangi"].sleeve
    bare, _ = make_ktp(people[2], rng=random.Random(7), dpi=dpi, design=des)
    sleeved, _ = make_ktp(people[2], rng=random.Random(7), dpi=dpi,
                          design=dataclasses.replace(des, sleeve=amount))
    lift = _grey(sleeved) - _grey(bare)
    assert (lift < -4).mean() < 0.002 and (lift > 25).mean() > 0.002
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    lift = _grey(sleeve(Image.new("RGB", size, (100, 100, 100)), random.Random(7), amount,
                        dpi)) - 100
    assert lift.min() >= 0 and np.median(lift) > 3   # the haze
    band = lift > 30
    assert 0.04 < band.mean() < 0.3
    h = lift.shape[0]

    def centre(rows: slice) -> float:
        cols = np.nonzero(band[rows])[1]
        return float(cols.mean())
    assert abs(centre(slice(0, h // 5)) - centre(slice(4 * h // 5, h))) > 4 * u


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_11_values_turned_against_labels(people, dpi):
    """The turned pass moves the last row's value sideways against its place, the first
    row's hardly; the labels stay where they were."""
    u = dpi / 25.4
    des = _plain("oxygen_pelangi", blur=0.5)
    turned, _ = make_ktp(people[3], rng=random.Random(2), dpi=dpi, design=des)
    level, _ = make_ktp(people[3], rng=random.Random(2), dpi=dpi,
                        design=dataclasses.replace(des, value_turn=0.0))
    gt, gl = _grey(turned), _grey(level)

    def moved(row: int, left: float, right: float) -> int:
        """How far (px, right) the turned card's row lies from the level card's: the
        shift that best lays one on the other."""
        top = des.first_y_mm + row * des.step_mm
        rows = slice(int((top - 0.8) * u), int((top + des.text_mm + 0.8) * u))
        cols = slice(int(left * u), int(right * u))
        a, b = 255 - gt[rows, cols], 255 - gl[rows, cols]
        k = int(0.6 * u)
        return min(range(-k, k + 1), key=lambda s: np.abs(a[:, k + s:a.shape[1] - k + s]
                                                          - b[:, k:b.shape[1] - k]).sum())
    value = (des.colon_x_mm + 1.2, des.photo_x_mm - 3)
    label = (des.label_x_mm, des.colon_x_mm - 1.0)
    assert moved(ROWS - 1, *value) >= 0.18 * u and abs(moved(0, *value)) <= 0.05 * u
    assert moved(ROWS - 1, *label) == 0


def test_group_11_diplomas_differ_and_are_numbered(people):
    before = _new_diploma_group(11, IJAZAH_11)
    assert not any(b.legalised for b in before)
    assert IJ.programs_of(IJ.get_design("sma_inkjet")) == ["SMA", "MA"]
    assert IJ.programs_of(IJ.get_design("smp_legalisir")) == ["SMP"]
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="sma_inkjet")
        assert truth["group"] == 11 and truth["held_out"] and 2017 <= truth["tahun"] <= 2024
        assert truth["jenjang"] == "SMA" and not truth["landscape"]
        assert re.fullmatch(rf"DN-\d\d/M-{truth['program']}/K13/{truth['tahun'] % 100:02d}/"
                            r"\d{7}", truth["nomor"])
        assert truth["nama"] == people[k]["nama"].upper()   # whatever case the page prints
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="smp_legalisir")
        assert truth["group"] == 11 and 2012 <= truth["tahun"] <= 2019
        assert truth["jenjang"] == "SMP" and truth["landscape"] and truth["nomor"]
        assert truth["nama"] == people[k]["nama"].upper()


def test_title_case():
    assert title_case("SITI AMINAH") == "Siti Aminah"
    assert title_case("MUH. RIZKI  ARDIANSYAH") == "Muh. Rizki Ardiansyah"


@pytest.mark.parametrize("dpi", [200, 300])
def test_inkjet_fill_is_turned_shifted_and_banded(dpi):
    """A level bar laid by the inkjet comes out turned by the misfeed's angle, moved by its
    shift, in the inkjet's ink, a little lighter in some of the head's passes."""
    u = dpi / 25.4
    img = Image.new("RGB", (int(120 * u), int(60 * u)), (255, 255, 255))
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).rectangle([int(10 * u), int(28 * u), int(110 * u), int(32 * u)],
                                   fill=255)
    angle, dx, dy = _inkjet(img, mask, random.Random(3), (60 * u, 30 * u), u)
    assert INKJET_TURN[0] <= abs(angle) <= INKJET_TURN[1]
    grey = _grey(img)
    ink = grey < 128

    def middle(x_mm: float) -> float:
        return float(np.nonzero(ink[:, int(x_mm * u)])[0].mean())
    slope = (middle(100) - middle(20)) / (80 * u)
    assert abs(slope + np.tan(np.radians(angle))) < 0.003
    assert abs(middle(60 + dx) - (30 + dy) * u) < 0.3 * u
    core = grey[int((30 + dy - 1.5) * u):int((30 + dy + 1.5) * u), int((55 + dx) * u)]
    assert core.min() < 60 and core.max() - core.min() > 15   # banded


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_11_inkjet_values_fill_the_blank(people, dpi):
    """The blank's rows carry the inkjet's dark fill right of their colons."""
    u = dpi / 25.4
    page, _ = IJ.make_ijazah(people[0], rng=random.Random(1), dpi=dpi, design="sma_inkjet")
    grey = _grey(page)
    fill = grey[int(105 * u):int(160 * u), int(0.15 * page.width + 58 * u):int(0.8 * page.width)]
    labels = grey[int(105 * u):int(160 * u), int(0.15 * page.width):int(0.15 * page.width
                                                                           + 50 * u)]
    assert (fill < 100).mean() > 0.01 and (labels < 100).mean() > 0.01


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_11_legalised_copy_is_grey_but_its_stamps(people, dpi):
    """The legalised copy is grey (the paper's tint gone) with a dark shade down one side;
    the legalisation's violet stamps are the only colour, one of them at the holder's
    table."""
    u = dpi / 25.4
    page, _ = IJ.make_ijazah(people[1], rng=random.Random(4), dpi=dpi, design="smp_legalisir")
    rgb = np.asarray(page).astype(int)
    spread = rgb.max(axis=2) - rgb.min(axis=2)
    top = rgb[int(40 * u):int(60 * u), int(60 * u):int(230 * u)].reshape(-1, 3)
    assert np.abs(top[:, 0] - top[:, 2]).mean() < 4
    violet = (rgb[..., 2] > rgb[..., 1] + 40) & (rgb[..., 0] > rgb[..., 1] + 15)
    assert violet[int(85 * u):int(135 * u)].sum() > 200   # the stamp at the name's row
    assert violet.sum() > 0.6 * (spread > 40).sum()
    grey = _grey(page)
    sides = grey[:, :int(2 * u)].mean(), grey[:, -int(2 * u):].mean()
    assert min(sides) < grey[:, page.width // 2].mean() - 40
    assert STAMP_INK[2] > STAMP_INK[1] + 40


def test_group_11_pages_are_deterministic(people):
    """The same seed draws the same card, copy page and diploma, byte for byte (the bow, the
    sleeve's band, the inkjet's misfeed and the legalisation come from the seed)."""
    for name in KTP_11:
        one, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        two, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        assert one.tobytes() == two.tobytes()
        other, _ = make_ktp_copy_page(people[0], rng=random.Random(9), dpi=150, color=False,
                                      back=True, design=name, scale=1.3, turn=1)
        assert other.tobytes() != one.tobytes()
    for name in IJAZAH_11:
        one, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        two, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        assert one.tobytes() == two.tobytes()
