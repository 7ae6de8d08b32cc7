"""The twelfth held-out group of card and diploma designs: what is new on them shows on the
rendered cards and pages, every field is printed, their type faces' files are installed,
and the earlier designs keep their drawing (the new looks are off on all of them). No
reader runs here."""
from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from PIL import Image

from scansim import ijazah as IJ
from scansim import ktp_designs as KD
from scansim.draw import mm_px
from scansim.ijazah_group12 import phone_photo, toner_band
from scansim.ktp import KTP_MM, make_ktp, make_ktp_copy_page
from scansim.ktp_group12 import chat_jpeg, yellowed
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_12,
    KTP_12,
    _dark_share,
    _faces_from_new_packages,
    _grey,
    _new_diploma_group,
    _new_ktp_group,
    _two_colour_lines,
)

ROWS = 12   # Nama .. Berlaku Hingga


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261212)


def _plain(name: str, **changes) -> KD.KtpDesign:
    """Design ``name`` with nothing random after the print (no wear, yellowing, JPEG)."""
    return dataclasses.replace(KD.DESIGNS[name], **{"wear": 0.0, "glare": 0.0, "yellowed": 0.0,
                                                     "jpeg_quality": 0, **changes})


def _ink_share(img, box) -> float:
    return float((_grey(img.crop(box)) < 150).mean())


def test_group_12_differs_from_every_earlier_design():
    earlier = _new_ktp_group(12, KD.HELD_OUT_12)
    _faces_from_new_packages(earlier, KTP_12)
    karla, manrope = (KD.DESIGNS[n] for n in KTP_12)
    assert karla.yellowed > 0 and not karla.jpeg_quality
    assert manrope.jpeg_quality and not manrope.yellowed
    # the field block set right and low on one, left and high on the other
    assert karla.label_x_mm > 3.0 and karla.first_y_mm >= 16.0
    assert manrope.label_x_mm < 2.3 and manrope.first_y_mm <= 15.0
    assert manrope.colon_x_mm - manrope.label_x_mm > karla.colon_x_mm - karla.label_x_mm + 3
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.yellowed or e.jpeg_quality for e in earlier)


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("name", KTP_12)
def test_group_12_cards_print_every_field(people, name, dpi):
    """Every row has ink left of its colon (the label) and right of it (the value), the
    cards drawn as they are measured (worn, yellowed, compressed)."""
    u = dpi / 25.4
    des = KD.DESIGNS[name]
    card, truth = make_ktp(people[0], rng=random.Random(dpi), dpi=dpi, design=name)
    assert truth["design"] == name and truth["nik"] == people[0]["nik"]

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
def test_group_12_map_background(dpi):
    """The map card's print shows islands in the second colour across its middle band, not
    in its top corners, and a graticule of straight lines in the line colour."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    des = KD.DESIGNS["karla_nusantara"]
    rgb = np.asarray(KD.background(des, size, random.Random(3), dpi)).astype(int)
    h, w = rgb.shape[:2]
    near = np.abs(rgb - np.array(des.second_color)).sum(axis=2) < 12
    assert near[int(0.25 * h):int(0.8 * h)].mean() > 0.05
    assert near[:int(0.12 * h), int(0.45 * w):int(0.7 * w)].mean() < 0.02
    lines = np.abs(rgb - np.array(des.line_color)).sum(axis=2) < 12
    columns = lines.mean(axis=0)
    assert (columns > 0.6).sum() >= 6   # meridians run the card's height
    assert 190 < _grey(Image.fromarray(np.uint8(rgb))).mean() < 245


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_12_slant_waves_alternate(dpi):
    """The slant-wave card's lines come in both of its colours, by turns."""
    _two_colour_lines("manrope_miring", 5, dpi, 0.02)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_12_yellowed_lamination(dpi):
    """The yellowed card is warmer than the clear one (blue lost more than red), more so at
    one end, and the print stays where it was."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    grey = Image.new("RGB", size, (200, 200, 200))
    out = np.asarray(yellowed(grey, random.Random(1), 0.9, dpi)).astype(int)
    warm = out[..., 0] - out[..., 2]
    assert warm.mean() > 5
    w = warm.shape[1]
    assert abs(warm[:, :w // 5].mean() - warm[:, -w // 5:].mean()) > 3
    lift = np.abs(out.mean(axis=2) - 200)
    assert lift.max() < 40


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_12_chat_jpeg_softens_but_keeps_the_print(people, dpi):
    """The compressed card differs from the sharp one only slightly on the whole, most at
    the print's edges; its NIK is still dark ink."""
    des = _plain("manrope_miring")
    sharp, _ = make_ktp(people[1], rng=random.Random(3), dpi=dpi, design=des)
    sent = chat_jpeg(sharp, random.Random(3), KD.DESIGNS["manrope_miring"].jpeg_quality, dpi)
    diff = np.abs(_grey(sent) - _grey(sharp))
    assert 0.5 < diff.mean() < 12 and diff.max() > 40
    u = dpi / 25.4
    nik = (int((des.label_x_mm + 13) * u), int((des.nik_y_mm - 0.8) * u),
           int((des.photo_x_mm - 2) * u), int((des.nik_y_mm + des.nik_mm + 1) * u))
    assert _dark_share(sent, nik) > 0.06


def test_group_12_diplomas_differ_and_are_numbered(people):
    before = _new_diploma_group(12, IJAZAH_12)
    assert not any(b.finish for b in before)
    assert IJ.programs_of(IJ.get_design("mts_bintang")) == ["MTS"]
    assert IJ.programs_of(IJ.get_design("sarjana_emas")) == ["D3", "S1"]
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="mts_bintang")
        assert truth["group"] == 12 and truth["held_out"] and 2018 <= truth["tahun"] <= 2024
        assert truth["jenjang"] == "SMP" and not truth["landscape"]
        assert truth["nomor"].startswith("MTs.")
        assert truth["nama"] == people[k]["nama"].upper()
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="sarjana_emas")
        assert truth["group"] == 12 and truth["jenjang"] in ("D3", "S1")
        assert 2021 <= truth["tahun"] <= 2024
        assert truth["landscape"] and truth["nomor"]
        assert truth["nama"] == people[k]["nama"].upper()


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_12_diplomas_print_the_name(people, dpi):
    """The name's line carries dark ink: on the MTs page right of the "Nama" label's colon,
    on the university page large in the middle."""
    u = dpi / 25.4
    for name in IJAZAH_12:
        page, truth = IJ.make_ijazah(people[2], rng=random.Random(dpi), dpi=dpi, design=name)
        grey = _grey(page)
        assert (grey < 90).mean() > 0.005, name
        band = grey[int(60 * u):int(page.height * 0.7), int(page.width * 0.3):
                    int(page.width * 0.7)]
        assert (band < 90).mean() > 0.01, name


@pytest.mark.parametrize("dpi", [100, 200])
def test_phone_photo_is_keystoned_warm_and_uneven(dpi):
    """A white page comes out warm (red over blue), brighter in one corner than the one
    across, with dark wedges at the top corners where the keystoned page leaves the table."""
    u = dpi / 25.4
    img = Image.new("RGB", (int(210 * u), int(297 * u)), (250, 250, 250))
    out = np.asarray(phone_photo(img, random.Random(2), dpi)).astype(int)
    h, w = out.shape[:2]
    page = out[h // 3:2 * h // 3, w // 3:2 * w // 3]
    assert (page[..., 0] - page[..., 2]).mean() > 20
    assert out[1, 1].mean() < 90 and out[1, -2].mean() < 90   # the table at the top corners
    assert out[-2, w // 2].mean() > 150                       # the page's bottom edge
    corners = [out[int(0.1 * h), int(0.1 * w)].mean(), out[int(0.1 * h), int(0.9 * w)].mean()]
    assert abs(corners[0] - corners[1]) > 5


@pytest.mark.parametrize("dpi", [100, 200])
def test_toner_band_lightens_ink_in_one_band(dpi):
    """Black ink comes out paler in one band down the page and as it was elsewhere; white
    stays white."""
    u = dpi / 25.4
    img = Image.new("RGB", (int(297 * u), int(40 * u)), (255, 255, 255))
    img.paste((20, 20, 20), (0, 0, img.width, int(20 * u)))
    out = np.asarray(toner_band(img, random.Random(4), dpi)).astype(int)
    ink = out[:int(20 * u)].mean(axis=(0, 2))
    assert ink.max() > 80 and ink.min() <= 21
    assert (ink > 60).mean() < 0.15
    assert out[int(25 * u):].min() == 255


def test_group_12_pages_are_deterministic(people):
    """The same seed draws the same card, copy page and diploma, byte for byte."""
    for name in KTP_12:
        one, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        two, _ = make_ktp_copy_page(people[0], rng=random.Random(8), dpi=150, color=False,
                                    back=True, design=name, scale=1.3, turn=1)
        assert one.tobytes() == two.tobytes()
    for name in IJAZAH_12:
        one, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        two, _ = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=60, design=name)
        assert one.tobytes() == two.tobytes()
