"""The tenth held-out group of card and diploma designs: what is new on them shows on the
rendered cards and pages, every field is printed, their type faces' files are installed,
and the earlier designs keep their drawing (the new looks are off on all of them). No
reader runs here."""
from __future__ import annotations

import dataclasses
import random
import re

import numpy as np
import pytest

from scansim import ijazah as IJ
from scansim import ktp_designs as KD
from scansim.draw import mm_px
from scansim.ijazah_group10 import spaced_label
from scansim.ktp import KTP_MM, make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.ktp_group10 import print_box
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_10,
    KTP_10,
    _dark_share,
    _faces_from_new_packages,
    _grey,
    _new_diploma_group,
    _new_ktp_group,
)

ROWS = 12   # Nama .. Berlaku Hingga


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261210)


def _plain(name: str, **changes) -> KD.KtpDesign:
    """Design ``name`` with nothing random after the print (no wear, glare, crease)."""
    return dataclasses.replace(KD.DESIGNS[name], **{"wear": 0.0, "glare": 0.0, "crease": 0.0,
                                                     **changes})


def _frame(card, des: KD.KtpDesign) -> tuple[int, int, int, int]:
    """The box (px) inside the coloured frame line round an undersized print."""
    rgb = np.asarray(card).astype(int)
    near = (np.abs(rgb - np.array(des.frame)).sum(axis=2) < 90)
    rows, cols = np.nonzero(near.any(axis=1))[0], np.nonzero(near.any(axis=0))[0]
    line = max(1, round(0.45 * card.width / KTP_MM[0]))
    return cols[0] + line, rows[0] + line, cols[-1] - line + 1, rows[-1] - line + 1


def test_group_10_differs_from_every_earlier_design():
    earlier = _new_ktp_group(10, KD.HELD_OUT_10)
    _faces_from_new_packages(earlier, KTP_10)
    lipat, kecil = (KD.DESIGNS[n] for n in KTP_10)
    assert lipat.crease > 0 and lipat.value_track_mm > 0
    assert kecil.print_scale < 1 and kecil.blank and kecil.frame and kecil.value_mm > kecil.text_mm
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.crease or e.value_track_mm or e.value_mm or e.print_scale != 1
                   or e.blank or e.frame for e in earlier)


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("name", KTP_10)
def test_group_10_cards_print_every_field(people, name, dpi):
    """Every row has ink left of its colon (the label) and right of it (the value), the
    cards drawn as they are measured (worn, creased, undersized); the undersized print's
    places are its own, inside its frame."""
    u = dpi / 25.4
    des = KD.DESIGNS[name]
    card, truth = make_ktp(people[0], rng=random.Random(dpi), dpi=dpi, design=name)
    assert truth["design"] == name and truth["nik"] == people[0]["nik"]
    assert truth["photo_background"] == ("red" if int(truth["tanggal_lahir"][:4]) % 2
                                         else "blue")
    x0, y0, scale = 0, 0, 1.0
    if des.print_scale < 1:
        x0, y0, x1, _ = _frame(card, des)
        scale = (x1 - x0) / card.width
        assert abs(scale - des.print_scale) < 0.01

    def box(left: float, top: float, right: float, bottom: float) -> tuple[int, ...]:
        return (int(x0 + left * scale * u), int(y0 + top * scale * u),
                int(x0 + right * scale * u), int(y0 + bottom * scale * u))
    for k in range(ROWS):
        top = des.first_y_mm + k * des.step_mm
        bottom = top + max(des.text_mm, des.value_mm) + 0.4
        label = box(des.label_x_mm + 0.5, top - 0.4, des.colon_x_mm - 0.8, bottom)
        value = box(des.colon_x_mm + 1.0, top - 0.4, des.colon_x_mm + 9, bottom)
        assert _dark_share(card, label) > 0.01, k
        assert _dark_share(card, value) > 0.02, k
    nik = box(des.label_x_mm + 13, des.nik_y_mm, des.photo_x_mm - 2,
              des.nik_y_mm + des.nik_mm + 1)
    assert _dark_share(card, nik) > 0.06


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_10_values_are_letter_spaced(people, dpi):
    """The relief card's values run wider than the same values set solid; the labels stay."""
    u = dpi / 25.4
    des = _plain("ptsans_lipat")

    def ends(card) -> list[float]:
        grey = _grey(card)
        out = []
        for k in range(ROWS):
            top = des.first_y_mm + k * des.step_mm
            row = grey[int(top * u):int((top + des.text_mm) * u),
                       int((des.colon_x_mm + 0.6) * u):int((des.photo_x_mm - 0.5) * u)]
            cols = np.nonzero((row < 110).any(axis=0))[0]
            out.append(cols[-1] / u if cols.size else 0.0)
        return out
    spaced = ends(make_ktp(people[1], rng=random.Random(3), dpi=dpi, design=des)[0])
    solid = ends(make_ktp(people[1], rng=random.Random(3), dpi=dpi,
                          design=dataclasses.replace(des, value_track_mm=0.0))[0])
    wider = [a - b for a, b in zip(spaced, solid, strict=True)]
    assert min(wider) >= -0.05 and sum(w > 0.3 for w in wider) >= 6


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_10_crease_crosses_the_card(people, dpi):
    """The fold leaves a light crack running from the top edge to the bottom one, and the
    card right of it differs from the flat card (moved and shaded), left of it barely."""
    u = dpi / 25.4
    des = KD.DESIGNS["ptsans_lipat"]
    flat, _ = make_ktp(people[2], rng=random.Random(9), dpi=dpi, design=_plain("ptsans_lipat"))
    folded, _ = make_ktp(people[2], rng=random.Random(9), dpi=dpi,
                         design=_plain("ptsans_lipat", crease=des.crease))
    diff = np.abs(_grey(folded) - _grey(flat))
    changed = (diff > 12).mean(axis=0)   # per column
    # the columns touched lie on one side: the first changed column is the fold's
    cols = np.nonzero(changed > 0.05)[0]
    assert cols.size and cols[0] > 0.25 * flat.width
    assert changed[:max(1, cols[0] - int(6 * u))].max() < 0.02
    lighter = (_grey(folded) - _grey(flat)) > 40
    rows = np.nonzero(lighter.any(axis=1))[0]
    assert rows.size and rows[-1] - rows[0] > 0.6 * flat.height   # a line across the card
    back = make_ktp_back(rng=random.Random(2), dpi=dpi, design="ptsans_lipat")
    assert back.size == flat.size


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_10_print_is_undersized_in_a_frame(people, dpi):
    """The circle card's print is smaller than the card: the blank's colour all round it,
    the frame line just outside it, the print's own content scaled into it."""
    u = dpi / 25.4
    des = _plain("clearsans_kecil")
    card, _ = make_ktp(people[3], rng=random.Random(4), dpi=dpi, design=des)
    full, _ = make_ktp(people[3], rng=random.Random(4), dpi=dpi,
                       design=dataclasses.replace(des, print_scale=1.0))
    x0, y0, x1, y1 = _frame(card, des)
    assert abs((x1 - x0) / card.width - des.print_scale) < 0.01
    assert abs((y1 - y0) / card.height - des.print_scale) < 0.015
    rgb = np.asarray(card).astype(int)
    edge = np.concatenate([rgb[:max(1, y0 - int(0.6 * u)), :].reshape(-1, 3),
                           rgb[y1 + int(0.6 * u):, :].reshape(-1, 3)])
    assert edge.size and np.abs(edge.mean(axis=0) - np.array(des.blank)).max() < 8
    # the full-size card's print, shrunk into the frame, is the undersized card's
    shrunk = np.asarray(full.resize((x1 - x0, y1 - y0)).convert("L")).astype(int)
    inside = _grey(card)[y0:y1, x0:x1]
    assert np.abs(shrunk - inside).mean() < 12
    assert print_box(card.size, 0.95, (0, 0))[2] - print_box(card.size, 0.95, (0, 0))[0] \
        == round(card.width * 0.95)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_10_values_larger_than_labels(people, dpi):
    """On the circle card the values' capitals stand taller than the labels' (both upper
    case), on the row of the name."""
    u = dpi / 25.4
    des = _plain("clearsans_kecil", print_scale=1.0)
    card, _ = make_ktp(people[0], rng=random.Random(6), dpi=dpi, design=des)
    grey = _grey(card)
    top = des.first_y_mm
    rows = slice(int((top - 0.8) * u), int((top + des.step_mm) * u))

    def height(left: float, right: float) -> int:
        ink = (grey[rows, int(left * u):int(right * u)] < 110).any(axis=1)
        found = np.nonzero(ink)[0]
        return int(found[-1] - found[0])
    assert height(des.colon_x_mm + 1.5, des.colon_x_mm + 12) > \
        1.1 * height(des.label_x_mm, des.label_x_mm + 8)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_10_backgrounds_are_pale_and_new(dpi):
    """The line relief and the circle lattice are pale prints varying across and down."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    for name in KTP_10:
        grey = _grey(KD.background(KD.DESIGNS[name], size, random.Random(3), dpi))
        assert 170 < grey.mean() < 245 and grey.std() > 3
        assert grey.mean(axis=1).std() > 0.3 or grey.mean(axis=0).std() > 0.3


def test_group_10_diplomas_differ_and_are_numbered(people):
    _new_diploma_group(10, IJAZAH_10)
    assert IJ.programs_of(IJ.get_design("smk_kotak")) == ["SMK"]
    assert IJ.programs_of(IJ.get_design("smp_isian")) == ["SMP"]
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="smk_kotak")
        assert truth["group"] == 10 and truth["held_out"] and 2015 <= truth["tahun"] <= 2024
        assert truth["jenjang"] == "SMA" and truth["landscape"]
        assert re.fullmatch(r"DN-\d\d Mk/\d\d \d{7}", truth["nomor"])
        assert truth["nama"] == people[k]["nama"].upper()
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="smp_isian")
        assert truth["group"] == 10 and 2003 <= truth["tahun"] <= 2012
        assert truth["jenjang"] == "SMP" and not truth["landscape"] and truth["nomor"]
        assert truth["nama"] == people[k]["nama"].upper()


def test_spaced_label():
    assert spaced_label("Nama") == "N a m a"


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_10_smk_name_stands_in_a_box(people, dpi):
    """Round the SMK page's name: a ruled box in the accent colour, pale inside, the name
    dark in its middle."""
    u = dpi / 25.4
    des = IJ.get_design("smk_kotak")
    page, _ = IJ.make_ijazah(people[1], rng=random.Random(2), dpi=dpi, design="smk_kotak")
    rgb = np.asarray(page).astype(int)
    accent = np.abs(rgb - np.array(des.accent)).sum(axis=2) < 60
    band = accent[int(80 * u):int(140 * u), int(0.2 * page.width):int(0.8 * page.width)]
    rows = np.nonzero(band.mean(axis=1) > 0.5)[0]   # the box's top and bottom rules
    assert rows.size >= 2 and rows[-1] - rows[0] > 6 * u
    inside = _grey(page)[int(80 * u) + rows[0] + 3:int(80 * u) + rows[-1] - 2,
                         int(0.3 * page.width):int(0.7 * page.width)]
    assert (inside < 100).mean() > 0.02 and np.median(inside) > 200


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_10_smp_form_green_and_filled_in_black(people, dpi):
    """The SMP form's labels are green, the values struck in black dots right of them."""
    u = dpi / 25.4
    des = IJ.get_design("smp_isian")
    page, _ = IJ.make_ijazah(people[2], rng=random.Random(5), dpi=dpi, design="smp_isian")
    rgb = np.asarray(page).astype(int)
    rows = slice(int(130 * u), int(190 * u))
    labels = rgb[rows, int(0.14 * page.width):int(0.14 * page.width + 50 * u)].reshape(-1, 3)
    values = rgb[rows, int(0.14 * page.width + 60 * u):int(0.8 * page.width)].reshape(-1, 3)
    green = (labels[:, 1] > labels[:, 0] + 30) & (labels.max(axis=1) < 150)
    black = (values.max(axis=1) < 90) & (np.abs(values[:, 1] - values[:, 0]) < 20)
    assert green.mean() > 0.01 and black.mean() > 0.02
    assert (labels.max(axis=1) < 90).mean() < 0.2 * green.mean()
    assert des.accent[1] > des.accent[0] + 30


def test_group_10_pages_are_deterministic(people):
    """The same seed draws the same card, copy page and diploma, byte for byte (the fold,
    the undersized print's offset and the form's misfeed come from the seed)."""
    for name in KTP_10:
        one, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        two, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        assert one.tobytes() == two.tobytes()
        other, _ = make_ktp_copy_page(people[0], rng=random.Random(9), dpi=150, color=False,
                                      back=True, design=name, scale=1.3, turn=1)
        assert other.tobytes() != one.tobytes()
    for name in IJAZAH_10:
        one, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        two, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        assert one.tobytes() == two.tobytes()
