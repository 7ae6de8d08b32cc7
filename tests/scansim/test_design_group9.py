"""The ninth held-out group of card and diploma designs: what is new on them shows on the
rendered cards and pages, every field is printed, and the earlier designs keep their
drawing (the new looks are off on all of them). No reader runs here."""
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
from scansim.ijazah_group9 import crest, mixed_case
from scansim.ktp import KTP_MM, make_ktp
from scansim.ktp_group9 import scratched_laminate, uneven_copy
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_9,
    KTP_9,
    _dark_share,
    _faces_from_new_packages,
    _grey,
    _new_diploma_group,
    _new_ktp_group,
)

ROWS = 12   # Nama .. Berlaku Hingga


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261209)


def _plain(name: str, **changes) -> KD.KtpDesign:
    """Design ``name`` with nothing random after the print (no wear, scratches, shade)."""
    return dataclasses.replace(KD.DESIGNS[name], wear=0.0, glare=0.0, scratches=0, uneven=0.0,
                               **changes)


def test_group_9_differs_from_every_earlier_design():
    earlier = _new_ktp_group(9, KD.HELD_OUT_9)
    _faces_from_new_packages(earlier, KTP_9, head=False)
    gores, sisik = (KD.DESIGNS[n] for n in KTP_9)
    assert gores.value_jitter_mm > 0 and gores.scratches > 0 and gores.uneven > 0
    assert sisik.label_ink and any(sisik.label_pass_mm) and sisik.label_right
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.label_ink or any(e.label_pass_mm) or e.label_right or e.value_jitter_mm
                   or e.scratches or e.uneven for e in earlier)


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("name", KTP_9)
def test_group_9_cards_print_every_field(people, name, dpi):
    """Every row has ink left of its colon (the label) and right of it (the value), the
    cards drawn as they are measured (worn, scratched, shaded)."""
    u = dpi / 25.4
    des = KD.DESIGNS[name]
    card, truth = make_ktp(people[0], rng=random.Random(dpi), dpi=dpi, design=name)
    assert truth["design"] == name and truth["nik"] == people[0]["nik"]
    for k in range(ROWS):
        top = des.first_y_mm + k * des.step_mm
        rows = (int((top - 0.4) * u), int((top + des.text_mm + 0.4) * u))
        label = (int((des.label_x_mm + 0.5) * u), rows[0], int((des.colon_x_mm - 0.8) * u),
                 rows[1])
        value = (int((des.colon_x_mm + 1.0) * u), rows[0], int((des.colon_x_mm + 9) * u),
                 rows[1])
        assert _dark_share(card, label) > 0.003, k   # (short labels flush right)
        assert _dark_share(card, value) > 0.02, k


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_9_labels_are_a_blue_pass_flush_right(people, dpi):
    """The scale card's labels are blue and set flush right against the colons, the
    values black; the labels' pass lies off the values' (moving it changes only the
    labels' column)."""
    u = dpi / 25.4
    des = _plain("b612_sisik")
    card, _ = make_ktp(people[1], rng=random.Random(5), dpi=dpi, design=des)
    rgb = np.asarray(card).astype(int)
    blue = (rgb[..., 2] > rgb[..., 0] + 60) & (rgb[..., 2] > 110) & (rgb[..., 0] < 90)
    black = rgb.max(axis=2) < 90
    top, bottom = int(des.first_y_mm * u), int((des.first_y_mm + ROWS * des.step_mm) * u)
    labels = slice(int(des.label_x_mm * u), int((des.colon_x_mm - 0.6) * u))
    values = slice(int((des.colon_x_mm + 1.2) * u), int((des.photo_x_mm - 2) * u))
    assert blue[top:bottom, labels].sum() > 10 * max(1, black[top:bottom, labels].sum())
    assert black[top:bottom, values].sum() > 10 * max(1, blue[top:bottom, values].sum())
    ends, starts = [], []   # each label's right and left edge
    for k in range(ROWS):
        y = des.first_y_mm + k * des.step_mm
        cols = np.nonzero(blue[int(y * u):int((y + des.text_mm) * u), labels].any(axis=0))[0]
        ends.append(cols[-1] / u)
        starts.append(cols[0] / u)
    assert max(ends) - min(ends) < 0.8 and max(starts) - min(starts) > 8
    aligned, _ = make_ktp(people[1], rng=random.Random(5), dpi=dpi,
                          design=dataclasses.replace(des, label_pass_mm=(0.0, 0.0)))
    changed = np.abs(_grey(card) - _grey(aligned)) > 40
    sex = des.first_y_mm + 2 * des.step_mm   # (its row has the blood group's label too)
    changed[int((sex - 0.6) * u):int((sex + des.step_mm) * u)] = False
    cols = np.nonzero(changed.any(axis=0))[0] / u
    assert cols.size and cols.max() < des.colon_x_mm + 1.2


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_9_values_move_one_by_one(people, dpi):
    """Fed unevenly, the values stand off their places while the labels stay put."""
    u = dpi / 25.4
    des = _plain("opensans_gores")
    moved, _ = make_ktp(people[2], rng=random.Random(7), dpi=dpi, design=des)
    still, _ = make_ktp(people[2], rng=random.Random(7), dpi=dpi,
                        design=dataclasses.replace(des, value_jitter_mm=0.0))
    top, bottom = int(des.first_y_mm * u), int((des.first_y_mm + ROWS * des.step_mm) * u)
    diff = np.abs(_grey(moved) - _grey(still))[top:bottom] > 40
    assert not diff[:, :int((des.colon_x_mm - 0.2) * u)].any()
    assert diff[:, int(des.colon_x_mm * u):int((des.photo_x_mm - 1) * u)].sum() > 50


def test_scratched_laminate_and_uneven_copy():
    """Scratches leave long light lines on a mid-grey card and a slight haze; the uneven
    copy darkens one side and leaves the opposite one."""
    dpi = 200
    card = Image.new("RGB", (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi)), (128, 128, 128))
    worn = _grey(scratched_laminate(card, random.Random(1), 14, dpi))
    assert (worn > 220).mean() > 0.003   # the light scratches
    assert np.median(worn) > 128   # the haze
    white = Image.new("RGB", card.size, (240, 240, 240))
    shaded = _grey(uneven_copy(white, random.Random(3), 0.3))
    corners = [shaded[:20, :20].mean(), shaded[:20, -20:].mean(), shaded[-20:, :20].mean(),
               shaded[-20:, -20:].mean()]
    assert max(corners) > 236 and min(corners) < 200


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_9_card_scratches_and_shade_show(people, dpi):
    des = _plain("opensans_gores")
    bare, _ = make_ktp(people[3], rng=random.Random(9), dpi=dpi, design=des)
    worn, _ = make_ktp(people[3], rng=random.Random(9), dpi=dpi,
                       design=dataclasses.replace(des, scratches=14, uneven=0.3))
    diff = _grey(worn) - _grey(bare)
    assert (diff > 40).sum() > 200   # light scratches over the print
    assert (diff < -25).mean() > 0.1   # a side of the card darker


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_9_backgrounds_are_pale_and_new(dpi):
    """The herringbone and the fish scales are pale prints varying across and down."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    for name in KTP_9:
        grey = _grey(KD.background(KD.DESIGNS[name], size, random.Random(3), dpi))
        assert 170 < grey.mean() < 245 and grey.std() > 3
        assert grey.mean(axis=1).std() > 0.5   # lines across, not a flat tint


def test_group_9_diplomas_differ_and_are_numbered(people):
    _new_diploma_group(9, IJAZAH_9, framed=False)
    assert IJ.programs_of(IJ.get_design("paket_c_lambang")) == ["PAKET C"]
    assert IJ.programs_of(IJ.get_design("sarjana_dua_tengah")) == ["D3", "S1"]
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="paket_c_lambang")
        assert truth["group"] == 9 and truth["held_out"] and 2014 <= truth["tahun"] <= 2024
        assert truth["jenjang"] == "SMA" and re.fullmatch(r"DN-PC/\d\d \d{7}", truth["nomor"])
        assert truth["nama"] == people[k]["nama"].upper() and truth["landscape"]
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="sarjana_dua_tengah")
        assert truth["jenjang"] in ("D3", "S1") and re.fullmatch(r"\d{15}", truth["nomor"])
        assert truth["group"] == 9 and truth["nama"] == people[k]["nama"].upper()


def test_mixed_case_names():
    assert mixed_case("SITI NUR AISYAH") == "Siti Nur Aisyah"
    assert mixed_case("MUH. RIDWAN") == "Muh. Ridwan"


def test_crest_lies_under_the_type():
    """The crest is pale, drawn where the page was blank, and leaves the type as it was."""
    dpi = 100
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(150, dpi)), (250, 228, 208))
    ImageDraw.Draw(img).rectangle([200, 200, 500, 230], fill=(25, 25, 30))
    page = IJ._Page(img, dpi, (25, 25, 30))
    before = _grey(img)
    crest(page, IJ.get_design("paket_c_lambang"), 105, 20, 110)
    after = _grey(img)
    assert (after[200:231, 200:501] == before[200:231, 200:501]).all()
    drawn = after < before - 5
    assert drawn.mean() > 0.02 and after[drawn].min() > 150


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_9_paket_crest_and_rows_show(people, dpi):
    """The Paket C page carries the crest's pale tone behind its numbered rows, in the
    middle of the sheet, which the earlier Paket C page has not."""
    u = dpi / 25.4

    def pale(name: str) -> float:
        page, _ = IJ.make_ijazah(people[0], rng=random.Random(1), dpi=dpi, design=name)
        grey = _grey(page)[int(80 * u):int(130 * u), int(130 * u):int(170 * u)]
        return float(((grey > 150) & (grey < 215)).mean())
    assert pale("paket_c_lambang") > 0.05 > pale("paket_c_pkbm")


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_9_sarjana_name_on_two_centred_lines(people, dpi):
    """Between the cue and the rows stand two lines of large type, both centred: the given
    name, then the family name alone; a one-word name stands on one line."""
    u = dpi / 25.4

    def name_lines(nama: str) -> list[tuple[int, int, int, int]]:
        page, _ = IJ.make_ijazah(dict(people[1], nama=nama), rng=random.Random(2), dpi=dpi,
                                 design="sarjana_dua_tengah")
        ink = _grey(page)[int(112 * u):int(132 * u), int(0.2 * page.width):int(0.8 * page.width)]
        ink = ink < 110
        found, start = [], None
        for r, on in enumerate([*ink.any(axis=1), False]):
            if on and start is None:
                start = r
            elif not on and start is not None:
                if r - start > 4 * u:   # the name's large type, not the rows' smaller
                    cols = np.nonzero(ink[start:r].any(axis=0))[0]
                    found.append((start, r, cols[0] + int(0.2 * page.width),
                                  cols[-1] + int(0.2 * page.width)))
                start = None
        return found
    two = name_lines("Ahmad Hakim")   # (no letter hangs below the line)
    assert len(two) == 2
    width = mm_px(210, dpi)
    for _, _, left, right in two:
        assert abs((left + right) / 2 - width / 2) < 3 * u
    assert len(name_lines("Sutrisno")) == 1
