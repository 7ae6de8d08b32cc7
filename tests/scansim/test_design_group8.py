"""The eighth held-out group of card and diploma designs: what is new on them shows on the
rendered cards and pages, every field is printed, and the earlier designs keep their
drawing (the new looks are off on all of them). No reader runs here."""
from __future__ import annotations

import dataclasses
import random
import re

import numpy as np
import pytest

from scansim import ijazah as IJ
from scansim import ktp_designs as KD
from scansim.draw import mm_px
from scansim.ktp import KTP_MM, make_ktp
from scansim.ktp_group8 import mixed_case
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_8,
    KTP_8,
    _dark_share,
    _faces_from_new_packages,
    _grey,
    _ijazah_before,
    _new_diploma_group,
    _new_ktp_group,
)

ROWS = ("Nama", "Tempat/Tgl Lahir", "Jenis Kelamin", "Alamat", "RT/RW", "Kel/Desa",
        "Kecamatan", "Agama", "Status Perkawinan", "Pekerjaan", "Kewarganegaraan",
        "Berlaku Hingga")


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261208)


def _plain(name: str, **changes) -> KD.KtpDesign:
    """Design ``name`` with nothing random after the print (no wear, no glare)."""
    return dataclasses.replace(KD.DESIGNS[name], wear=0.0, glare=0.0, **changes)


def test_group_8_differs_from_every_earlier_design():
    earlier = _new_ktp_group(8, KD.HELD_OUT_8)
    _faces_from_new_packages(earlier, KTP_8, head=False)
    hologram, kontur = (KD.DESIGNS[n] for n in KTP_8)
    assert hologram.hologram_mm and hologram.fringe and hologram.mixed
    assert set(hologram.mixed) <= set(ROWS) and "Nama" not in hologram.mixed
    assert kontur.faint_side > 0
    # a label column wider than any card's before
    assert kontur.colon_x_mm > max(e.colon_x_mm for e in earlier)
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.hologram_mm or e.fringe or any(e.fringe_mm) or e.faint_side or e.mixed
                   for e in earlier)
    assert not any(d.photo_beside for d in _ijazah_before(8))


def test_mixed_case_values():
    assert mixed_case("LAKI-LAKI") == "Laki-Laki"
    assert mixed_case("BELUM KAWIN") == "Belum Kawin"
    assert mixed_case("TUKANG LAS/PANDAI BESI") == "Tukang Las/pandai Besi"
    assert mixed_case("WNI") == "WNI" and mixed_case("-") == "-"


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_8_mixed_case_changes_only_those_values(people, dpi):
    """Set in capitals or mixed case, the card differs only right of the colons on the
    rows set in mixed case: the NIK, the name and the other rows are the same."""
    des = _plain("noto_hologram", hologram_mm=None)
    u = dpi / 25.4
    mixed, _ = make_ktp(people[0], rng=random.Random(4), dpi=dpi, design=des)
    upper, _ = make_ktp(people[0], rng=random.Random(4), dpi=dpi,
                        design=dataclasses.replace(des, mixed=()))
    changed = np.abs(_grey(mixed) - _grey(upper)) > 40
    assert changed.any()
    rows = np.nonzero(changed.any(axis=1))[0] / u   # mm from the card's top
    cols = np.nonzero(changed.any(axis=0))[0] / u
    assert cols.min() > des.colon_x_mm - 1
    allowed = [des.first_y_mm + ROWS.index(r) * des.step_mm for r in des.mixed]
    for y in rows:   # each changed line within one mixed row (the print offset aside)
        assert any(top - 1.2 <= y <= top + des.step_mm + 0.6 for top in allowed)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_8_hologram_and_fringe_show(people, dpi):
    """The sticker colours its box and nothing outside it, the type still darker than the
    foil; the misregistered colour pass leaves a magenta fringe beside the black strokes."""
    u = dpi / 25.4
    des = _plain("noto_hologram")
    foil, _ = make_ktp(people[1], rng=random.Random(6), dpi=dpi, design=des)
    bare, _ = make_ktp(people[1], rng=random.Random(6), dpi=dpi,
                       design=dataclasses.replace(des, hologram_mm=None))
    x0, y0, x1, y1 = des.hologram_mm
    diff = np.abs(_grey(foil) - _grey(bare))
    outside = diff.copy()
    outside[int((y0 - 1.5) * u):int((y1 + 1.5) * u), int((x0 - 1.5) * u):int((x1 + 1.5) * u)] = 0
    assert outside.max() == 0
    box = np.asarray(foil)[int(y0 * u):int(y1 * u), int(x0 * u):int(x1 * u)].astype(int)
    spread = box.max(axis=2) - box.min(axis=2)
    assert (spread > 40).mean() > 0.2   # rainbow colours, not a grey patch
    assert _grey(foil)[int(y0 * u):int(y1 * u), int(x0 * u):int(x1 * u)].min() < 140
    plain, _ = make_ktp(people[1], rng=random.Random(6), dpi=dpi,
                        design=dataclasses.replace(des, hologram_mm=None, fringe=None))
    rgb = np.asarray(bare).astype(int)[int(des.first_y_mm * u):int(30 * u),
                                       int(des.colon_x_mm * u):int(55 * u)]
    magenta = (rgb[..., 0] > rgb[..., 1] + 50) & (rgb[..., 2] > rgb[..., 1] + 30)
    rgb = np.asarray(plain).astype(int)[int(des.first_y_mm * u):int(30 * u),
                                        int(des.colon_x_mm * u):int(55 * u)]
    before = (rgb[..., 0] > rgb[..., 1] + 50) & (rgb[..., 2] > rgb[..., 1] + 30)
    assert magenta.sum() > 20 * max(1, before.sum())


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_8_print_fades_towards_the_right(people, dpi):
    """The contour card's type loses more ink at the right of the field block than at its
    left; the full print does not."""
    u = dpi / 25.4
    des = _plain("arimo_kontur")
    top, bottom = int(des.first_y_mm * u), int((des.first_y_mm + 12 * des.step_mm) * u)
    left = slice(int(des.label_x_mm * u), int(20 * u))
    right = slice(int((des.colon_x_mm + 14) * u), int((des.photo_x_mm - 2) * u))
    faint, _ = make_ktp(people[2], rng=random.Random(2), dpi=dpi, design=des)
    full, _ = make_ktp(people[2], rng=random.Random(2), dpi=dpi,
                       design=dataclasses.replace(des, faint_side=0.0))

    def kept(cols) -> float:   # how dark the full print's type still is
        a, b = _grey(faint)[top:bottom, cols], _grey(full)[top:bottom, cols]
        type_ = b < 120
        return float((255 - a[type_]).mean() / (255 - b[type_]).mean())
    kept_left, kept_right = kept(left), kept(right)
    assert kept_right < kept_left - 0.03


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_8_backgrounds_are_pale_and_new(dpi):
    """The weave and the contour lines are pale prints; the weave's cells alternate lines
    across and down, so its rows and columns both vary."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    for name in KTP_8:
        img = KD.background(KD.DESIGNS[name], size, random.Random(3), dpi)
        grey = _grey(img)
        assert 170 < grey.mean() < 245 and grey.std() > 3
    weave = _grey(KD.background(KD.DESIGNS["noto_hologram"], size, random.Random(3), dpi))
    assert weave.mean(axis=1).std() > 1 and weave.mean(axis=0).std() > 1


def test_group_8_diplomas_differ_and_are_numbered(people):
    _new_diploma_group(8, IJAZAH_8, framed=False)
    assert IJ.programs_of(IJ.get_design("madrasah_arab")) == ["MI", "MTS", "MA"]
    assert IJ.programs_of(IJ.get_design("garamond_dwikolom")) == ["SMP", "SMA"]
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="madrasah_arab")
        short = {"MI": "MI", "MTS": "MTs", "MA": "MA"}[truth["program"]]
        assert truth["group"] == 8 and truth["held_out"] and 2010 <= truth["tahun"] <= 2024
        assert re.fullmatch(rf"{short}\.\d\d\.\d\d/PP\.01\.1/\d{{4}}/{truth['tahun']}",
                            truth["nomor"])
        assert truth["nama"] == people[k]["nama"].upper()
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="garamond_dwikolom")
        assert truth["jenjang"] in ("SMP", "SMA") and 2008 <= truth["tahun"] <= 2013
        assert truth["group"] == 8 and truth["nama"] == people[k]["nama"].upper()


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_8_madrasah_header_and_photo(people, dpi):
    """The madrasah's Arabic header inks the top middle in its green; its photo stands
    beside the rows (right, under the name) and none at the foot, where other designs
    put it."""
    u = dpi / 25.4
    page, _ = IJ.make_ijazah(people[0], rng=random.Random(3), dpi=dpi, design="madrasah_arab")
    rgb = np.asarray(page).astype(int)
    head = rgb[int(14 * u):int(40 * u), int(70 * u):int(140 * u)].reshape(-1, 3)
    assert ((head[:, 1] > head[:, 0] + 40) & (head[:, 1] < 160)).mean() > 0.02
    foot = page.crop((int(38 * u), int(226 * u), int(66 * u), int(262 * u)))
    assert _dark_share(foot) < 0.01
    beside = page.crop((int(158 * u), int(135 * u), int(182 * u), int(165 * u)))
    assert _dark_share(beside) > 0.05
    other, _ = IJ.make_ijazah(people[0], rng=random.Random(3), dpi=dpi, design="madrasah")
    assert _dark_share(other.crop((int(38 * u), int(226 * u), int(66 * u),
                                   int(262 * u)))) > 0.05


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_8_garamond_name_stands_alone_in_small_caps(people, dpi):
    """The name's line holds nothing but the name, centred; set in small capitals, its
    letters after the first of each word are lower than the capitals and none of them
    (g, p, y) hangs below the line."""
    u = dpi / 25.4
    person = dict(people[1], nama="Agus Supriyanto")
    page, truth = IJ.make_ijazah(person, rng=random.Random(2), dpi=dpi,
                                 design="garamond_dwikolom")
    assert truth["nama"] == "AGUS SUPRIYANTO"
    ink = _grey(page) < 110
    inner = int(page.width * 0.12)   # inside the frame, under the title, programme, year
    body = ink[int(85 * u):int(135 * u), inner:page.width - inner]
    lines = []   # rows of ink, grouped into lines
    rows = np.nonzero(body.any(axis=1))[0]
    start = prev = rows[0]
    for r in [*rows[1:], 10 ** 9]:
        if r > prev + 2:
            lines.append((start, prev))
            start = r
        prev = r
    top, bottom = max(lines, key=lambda h: h[1] - h[0])   # the name: the largest type there
    line = body[top:bottom + 1]
    cols = [c for c in range(line.shape[1]) if line[:, c].any()]
    assert abs((cols[0] + cols[-1]) / 2 + inner - page.width / 2) < 4 * u   # centred
    assert cols[-1] - cols[0] < page.width * 0.5   # alone on its line
    height = bottom - top
    tops = [np.nonzero(line[:, c])[0][0] for c in cols]
    lows = [np.nonzero(line[:, c])[0][-1] for c in cols]
    assert max(tops) - min(tops) > 0.15 * height   # capitals and small capitals
    base = np.median(lows)   # the baseline: no letter hangs below it
    assert sum(low > base + 0.1 * height for low in lows) < 0.02 * len(cols)
