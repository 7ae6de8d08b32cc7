"""The sixteenth held-out group of card and diploma designs: what is new on them shows on
the rendered cards and pages, every field is printed (and what is printed is the truth),
their type faces' files are installed, and the earlier designs keep their drawing (the new
looks are off on all of them). No reader runs here."""
from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from PIL import Image

from scansim import ijazah as IJ
from scansim import ijazah_faces as IF
from scansim import ktp_designs as KD
from scansim.draw import mm_px
from scansim.ijazah_group16 import desk_photo, long_school
from scansim.ktp import make_ktp, make_ktp_copy_page
from scansim.ktp_group16 import LEGALISED, dark_copy, legal_stamp, legalised
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_16,
    KTP_16,
    _card,
    _faces_from_new_packages,
    _grey,
    _new_diploma_group,
    _new_ktp_group,
    _printed,
    _two_colour_lines,
)


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261216)


def _stamp_ink(rgb: np.ndarray) -> np.ndarray:
    """Pixels of a violet or blue stamp pad's ink: blue well above red and green."""
    r, g, b = (rgb[..., k].astype(int) for k in range(3))
    return (b - g > 25) & (b - r > 10)


def test_group_16_differs_from_every_earlier_design():
    earlier = _new_ktp_group(16, KD.HELD_OUT_16)
    _faces_from_new_packages(earlier, KTP_16)
    stamped, dark = (KD.DESIGNS[n] for n in KTP_16)
    assert stamped.legalised > 0 and not stamped.dark_copy
    assert dark.dark_copy > 0 and not dark.legalised
    assert dark.upper_labels and not stamped.upper_labels
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.legalised or e.dark_copy for e in earlier)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_16_ikat_background(dpi):
    """The ikat card's print has lozenge outlines in both of its colours."""
    _two_colour_lines("slab_legalisir", 3, dpi, 0.01)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_16_plaited_background(dpi):
    """The plaited card's print has strip edges in both of its colours."""
    _two_colour_lines("dosis_gelap", 4, dpi, 0.01)


def test_legal_stamp_reads_fotokopi_sesuai_dengan_aslinya():
    """The stamp's mask is a ring (its rim heavy) with the three words across the middle."""
    mask = np.asarray(legal_stamp(400, random.Random(1))) > 128
    assert LEGALISED == ("FOTOKOPI", "SESUAI DENGAN", "ASLINYA")
    assert 0.08 < mask.mean() < 0.4
    yy, xx = np.mgrid[0:400, 0:400]
    r = np.hypot(xx - 200, yy - 200)
    assert mask[(r > 182) & (r < 188)].mean() > 0.6          # the rim, round the whole stamp
    assert mask[r < 60].mean() > 0.08                         # the words across its middle
    assert mask[(r > 200)].mean() < 0.01


@pytest.mark.parametrize("dpi", [200, 300])
def test_legalised_stamp_lies_over_the_print(dpi):
    """On a blank card the stamp and signature leave blue-violet ink over a good part of
    the card's lower and right half; black print under it stays black (the stamp's ink
    lies over the print, as a person reads the rows through it)."""
    u = dpi / 25.4
    img = _card(dpi=dpi)
    img.paste((0, 0, 0), (int(40 * u), int(38 * u), int(62 * u), int(40 * u)))
    out = np.asarray(legalised(img, random.Random(2), 0.85, dpi))
    ink = _stamp_ink(out)
    assert ink.mean() > 0.015
    ys, xs = np.nonzero(ink)
    assert xs.mean() > 30 * u and ys.mean() > 18 * u
    bar = out[int(38.3 * u):int(39.7 * u), int(40.3 * u):int(61.7 * u)]
    assert np.percentile(bar.max(axis=2), 95) < 90


@pytest.mark.parametrize("dpi", [200, 300])
def test_slab_legalisir_card_is_stamped(people, dpi):
    """The card as drawn against the same card without the stamp: only the stamp and the
    signature differ, blue-violet, over the card's lower rows or the photo's edge; the NIK
    row keeps its ink."""
    des = KD.DESIGNS["slab_legalisir"]
    plain = dataclasses.replace(des, legalised=0.0)
    card, truth = make_ktp(people[0], rng=random.Random(dpi), dpi=dpi, design=des)
    bare, _ = make_ktp(people[0], rng=random.Random(dpi), dpi=dpi, design=plain)
    a, b = np.asarray(card).astype(int), np.asarray(bare).astype(int)
    changed = np.abs(a - b).sum(axis=2) > 40
    assert changed.mean() > 0.03 and (_stamp_ink(a) & changed).sum() > 0.3 * changed.sum()
    u = dpi / 25.4
    ys, xs = np.nonzero(changed)
    assert ys.mean() > 18 * u and 35 * u < xs.mean() < 75 * u
    assert truth["design"] == "slab_legalisir" and truth["nik"] == people[0]["nik"]


@pytest.mark.parametrize("dpi", [200, 300])
def test_dark_copy_greys_everything_but_keeps_the_print_apart(dpi):
    """A white card comes out a mid grey (never white), a black bar stays near black, and
    the two stay far enough apart to read."""
    u = dpi / 25.4
    img = _card(dpi=dpi)
    img.paste((0, 0, 0), (int(10 * u), int(20 * u), int(60 * u), int(24 * u)))
    img.paste((190, 190, 190), (int(10 * u), int(35 * u), int(60 * u), int(45 * u)))
    grey = _grey(dark_copy(img, random.Random(4), 0.8, dpi))
    paper = grey[:int(15 * u)]
    bar = grey[int(20.5 * u):int(23.5 * u), int(11 * u):int(59 * u)]
    tint = grey[int(36 * u):int(44 * u), int(11 * u):int(59 * u)]
    assert 150 < paper.mean() < 215 and paper.max() < 245
    assert bar.mean() < 25
    assert paper.mean() - tint.mean() > 25          # the pale print sinks hardest
    assert paper.mean() - bar.mean() > 120


@pytest.mark.parametrize("color", [True, False])
def test_dosis_gelap_is_dark_and_legible(people, color):
    """The card as drawn against the same card copied right: darker all over; its NIK and
    values still ink far darker than the grey round them, on the card and on a grey or
    colour copy page at 200 dpi."""
    dpi = 200
    des = KD.DESIGNS["dosis_gelap"]
    right = dataclasses.replace(des, dark_copy=0.0)
    card, _ = make_ktp(people[1], rng=random.Random(7), dpi=dpi, design=des)
    light, _ = make_ktp(people[1], rng=random.Random(7), dpi=dpi, design=right)
    assert _grey(light).mean() - _grey(card).mean() > 25
    u = dpi / 25.4
    nik = _grey(card)[int((des.nik_y_mm - 0.5) * u):int((des.nik_y_mm + des.nik_mm + 0.5) * u),
                      int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
    assert np.percentile(nik, 5) < 50 and np.percentile(nik, 60) > 110
    page, truth = make_ktp_copy_page(people[1], rng=random.Random(3), dpi=dpi, color=color,
                                     design="dosis_gelap")
    x0, y0, x1, y1 = truth["card_box"]
    inner = _grey(page)[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4,
                        x0 + (x1 - x0) // 8:x0 + (x1 - x0) // 2]
    assert np.percentile(inner, 50) < 215 and np.percentile(inner, 3) < 50


def test_group_16_diplomas_differ_from_every_earlier_design():
    _new_diploma_group(16, ("sarjana_elegan",))
    _new_diploma_group(16, ("pengganti_skpi",), framed=False)   # a letter has no frame
    letter, elegan = (IJ.get_design(n) for n in IJAZAH_16)
    assert IJ.HELD_OUT_16 == IJAZAH_16
    assert letter.letter == "pengganti" and letter.border == "none"
    assert not any(d.letter for d in IJ.DESIGNS if d.group < 16)
    assert elegan.finish == "desk_photo" and elegan.border == "kawung"
    for role in ("rasa", "rasa_bold", "elstob_bold", "prociono", "junicode", "elegante"):
        assert any(f in IF._font_files() for f in IF.FACES[role][0]), role


@pytest.mark.parametrize("program", ["SMA", "SMK", "SMP"])
def test_pengganti_names_the_level_only_in_the_school(people, program, monkeypatch):
    """The letter's title and text are printed, the holder's rows hold the truth, the
    school is written out in full in "adalah benar telah lulus dari ..." with the lost
    diploma's serial (the truth's number); no heading names the programme and no
    "IJAZAH" title stands alone."""
    texts = _printed(monkeypatch)
    person = people[0]
    _, truth = IJ.make_ijazah(person, rng=random.Random(9), dpi=60, design="pengganti_skpi",
                              program=program)
    joined = " ".join(texts)
    assert "SURAT KETERANGAN PENGGANTI IJAZAH" in texts
    assert truth["nama"] == person["nama"].upper() and truth["nama"] in texts
    school = long_school(truth["sekolah"])
    assert school.startswith({"SMA": "Sekolah Menengah Atas", "SMK": "Sekolah Menengah "
                              "Kejuruan", "SMP": "Sekolah Menengah Pertama"}[program])
    assert "adalah benar telah lulus dari" in joined and truth["nomor"] in joined
    assert school.split(" ")[-1] in joined
    titles = {"SEKOLAH MENENGAH ATAS", "SEKOLAH MENENGAH KEJURUAN", "SEKOLAH MENENGAH PERTAMA",
              "IJAZAH", "REPUBLIK INDONESIA"}
    assert not titles & set(texts)
    assert f"{truth['tahun'] - 1}/{truth['tahun']}" in joined


def test_sarjana_elegan_sets_the_name_in_script(people, monkeypatch):
    """The name is printed once in Title Case (the script's way) between "dengan ini
    menyatakan bahwa" and the birth; the level is a degree programme."""
    texts = _printed(monkeypatch)
    person = people[1]
    _, truth = IJ.make_ijazah(person, rng=random.Random(3), dpi=60, design="sarjana_elegan")
    shown = " ".join(w[:1] + w[1:].lower() for w in truth["nama"].split(" "))
    assert shown in texts
    start = texts.index("dengan ini menyatakan bahwa")
    assert texts[start + 1] == shown and texts[start + 2].startswith("lahir di ")
    assert truth["jenjang"] in ("S1", "D3") and truth["landscape"]


@pytest.mark.parametrize("dpi", [150, 300])
def test_desk_photo_turns_the_page_on_a_desk_with_a_thumb(dpi):
    """A white page comes out on a brown desk (its corners), turned (the desk shows at
    different depths at the two ends of an edge), with skin-coloured pixels of a thumb."""
    w, h = mm_px(297, dpi), mm_px(210, dpi)
    out = np.asarray(desk_photo(Image.new("RGB", (w, h), (250, 250, 250)),
                                random.Random(5), dpi)).astype(int)
    assert out.shape[:2] == (h, w)
    corners = np.concatenate([out[:8, :8], out[:8, -8:], out[-8:, :8], out[-8:, -8:]])
    r, g, b = (corners[..., k].mean() for k in range(3))
    assert r < 200 and r > b + 20                       # wood, not paper
    assert out[h // 2, w // 2].min() > 180              # the page in the middle
    paper = out.min(axis=2) > 180
    top = [np.argmax(paper[:, x]) for x in (w // 5, 4 * w // 5)]
    assert abs(top[0] - top[1]) > 0.01 * h              # turned
    rr, gg, bb = out[..., 0], out[..., 1], out[..., 2]
    skin = (rr > 140) & (rr - bb > 35) & (rr - gg > 15) & (rr < 245) & ~paper
    assert skin.mean() > 0.002


@pytest.mark.parametrize("name", IJAZAH_16)
def test_group_16_pages_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    b, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    assert a.tobytes() == b.tobytes()
    c, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=KTP_16[0])
    d, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=KTP_16[0])
    assert c.tobytes() == d.tobytes()
