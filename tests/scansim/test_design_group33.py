"""The thirty-third held-out group of card and diploma designs: kept apart (registered in
group 33, never drawn unasked), what is new on them shows on the rendered pages (a card
copied on a stencil duplicator: nothing but paper and ink tones, the feed roller's tracks
never over the NIK's digits nor the name; a card dusted with cement: pale grey prints and
specks never over the NIK's digits nor the name; an SMEP certificate rusted by a paper clip:
brown stains at its top edge, none by the name; a private university's diploma folded in
four and photographed: its creases, none across the name), renders are the same for the
same seed, and their faces' files are installed. No reader runs here."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from scansim import ijazah as IJ
from scansim import ijazah_faces as IF
from scansim import ijazah_group33 as IG33
from scansim import ktp_designs as KD
from scansim import ktp_group33 as KG33
from scansim.ktp import make_ktp, make_ktp_back
from scansim.people import make_people

KTP_33 = ("tahoma_stensil", "rocknroll_semen")
IJAZAH_33 = ("smep_karat", "sarjana_lipat_empat")


@pytest.fixture(scope="module")
def people():
    return make_people(6, seed=33)


def _card(size=(540, 340)):
    """A plain card: a pale ground, a dark bar where a NIK would be, a grey photo."""
    a = np.full((size[1], size[0], 3), 236, np.uint8)
    a[60:90, 60:380] = 30
    a[150:170, 120:360] = 40
    a[100:260, 400:500] = 120
    return Image.fromarray(a, "RGB")


def test_registered_held_out_and_never_drawn_unasked():
    assert KD.HELD_OUT_33 == KTP_33 and KD.HELD_OUT_GROUPS[33] == KTP_33
    assert IJ.HELD_OUT_33 == IJAZAH_33
    for name in KTP_33:
        assert KD.DESIGNS[name].group == 33 and name not in KD.TUNED
        assert name not in KD.DRAWN
    for name in IJAZAH_33:
        assert IJ.get_design(name).held_out and IJ.get_design(name).group == 33
    assert IJ.get_design("smep_karat").programs == ("SMP",)
    assert IJ.get_design("sarjana_lipat_empat").programs == ("S1",)


def test_faces_installed():
    for name in KTP_33:
        d = KD.DESIGNS[name]
        for role in (d.label_face, d.value_face, d.nik_face, d.head_face):
            assert (KD.FONT_ROOT / KD.FACES[role][0]).is_file(), role
    for role in ("sawarabi_mincho", "ecolier", "wine_tahoma", "wine_tahoma_bold", "bajaderka"):
        files, _ = IF.FACES[role]
        assert any(Path(f).is_file() if f.startswith("/") else f in IF._font_files()
                   for f in files), role
    setup = Path(__file__).resolve().parents[2].joinpath("scripts", "setup.sh").read_text()
    for pkg in ("fonts-wine", "fonts-noto-mono", "fonts-rocknroll", "fonts-triod-postnaja",
                "fonts-sawarabi-mincho", "fonts-ecolier-court", "fonts-bajaderka"):
        assert pkg in setup


@pytest.mark.parametrize("name", KTP_33)
def test_cards_deterministic_and_truthful(people, name):
    a, ta = make_ktp(people[0], rng=random.Random(5), dpi=200, design=name)
    b, tb = make_ktp(people[0], rng=random.Random(5), dpi=200, design=name)
    assert a.tobytes() == b.tobytes() and ta == tb
    assert ta["nik"] == people[0]["nik"] and len(ta["nik"]) == 16
    back1 = make_ktp_back(rng=random.Random(6), dpi=200, design=name)
    back2 = make_ktp_back(rng=random.Random(6), dpi=200, design=name)
    assert back1.tobytes() == back2.tobytes()


@pytest.mark.parametrize("name", IJAZAH_33)
def test_diplomas_deterministic_and_truthful(people, name):
    a, ta = IJ.make_ijazah(people[1], rng=random.Random(7), dpi=150, design=name)
    b, tb = IJ.make_ijazah(people[1], rng=random.Random(7), dpi=150, design=name)
    assert a.tobytes() == b.tobytes() and ta == tb
    assert ta["nama"] == people[1]["nama"].upper() and ta["group"] == 33
    lo, hi = IJ.get_design(name).era
    assert lo <= ta["tahun"] <= hi
    assert ta["jenjang"] == ("SMP" if name == "smep_karat" else "S1")


def test_stencil_copy_is_ink_on_paper_and_tracks_keep_off():
    card = _card()
    u = 200 / 25.4
    keep = [(60.0, 60.0, 380.0, 90.0), (120.0, 150.0, 360.0, 170.0)]
    out = np.asarray(KG33.stensil(card, random.Random(3), 1.0, 200, keep=keep), np.float32)
    grey = out.mean(axis=2)
    # the photo's even mid grey comes out as the master's grainy screen, not a flat tone
    photo = grey[120:240, 410:490]
    assert np.asarray(card, np.float32)[120:240, 410:490].std() == 0
    assert photo.std() > 8
    for seed in range(12):   # the roller's tracks never cross the kept boxes
        plan = KG33.stensil_plan(card.size, random.Random(seed), u, keep=keep)
        for r in plan["rollers"]:
            for x0, y0, x1, y1 in keep:
                a, b = (x0, x1) if plan["along_y"] else (y0, y1)
                assert r["at"] + r["half"] < a or r["at"] - r["half"] > b
    plain = np.asarray(KG33.stensil(card, random.Random(3), 1.0, 200, keep=keep,
                                    rollers=False), np.float32)
    assert np.abs(plain - out).max() > 10   # the tracks are there when drawn


def test_cement_is_grey_and_keeps_off():
    card = _card()
    keep = [(60.0, 60.0, 380.0, 90.0), (120.0, 150.0, 360.0, 170.0)]
    dusty = np.asarray(KG33.semen(card, random.Random(4), 1.0, 200, keep=keep), np.float32)
    clean = np.asarray(KG33.semen(card, random.Random(4), 1.0, 200, keep=keep, dust=False),
                       np.float32)
    diff = np.abs(dusty - clean).mean(axis=2)
    assert diff.max() > 30   # prints and specks show
    plan = KG33.semen_plan(card.size, random.Random(4), 200 / 25.4, keep=keep)
    assert plan["prints"]
    for x0, y0, x1, y1 in keep:
        for p in plan["prints"]:
            cx, cy = p["at"]
            r = 0.65 * 1.3 * p["width"]
            assert cx + r < x0 or cx - r > x1 or cy + r < y0 or cy - r > y1
        for x, y, r in plan["specks"]:
            assert x + r < x0 or x - r > x1 or y + r < y0 or y - r > y1


def test_rust_at_the_top_and_not_by_the_name():
    page = Image.new("RGB", (600, 840), (240, 234, 214))
    box = (30.0, 40.0, 70.0, 48.0)   # mm at 72 dpi
    u = 72 / 25.4
    rusty = np.asarray(IG33.karat(page, random.Random(2), 72, name_box=box), np.float32)
    clean = np.asarray(IG33.karat(page, random.Random(2), 72, name_box=box, rust=False),
                       np.float32)
    stain = (clean[..., 2] - rusty[..., 2])   # brown takes the blue away
    assert stain[:int(0.12 * 840)].max() > 40   # the clip's rust at the top edge
    x0, y0, x1, y1 = (int(v * u) for v in box)
    assert stain[y0:y1, x0:x1].max() < 12   # ... none by the name (the edges' tan only)


def test_fold_creases_keep_off_the_name():
    u = 150 / 25.4
    size = (1240, 1754)
    for seed in range(20):
        box = (40.0, 140.0 + seed * 0.5, 170.0, 152.0 + seed * 0.5)
        plan = IG33.lipat_empat_plan(size, random.Random(seed), u, box)
        cy = plan["crease"][1]
        assert cy < (box[1] - 2.9) * u or cy > (box[3] + 2.9) * u
    light = IG33.fold_light(size, plan, u)
    cx, cy = (int(v) for v in plan["crease"])
    assert light[cy, 100] < light[cy - 40, 100] - 0.05   # the crease's valley is darker
    assert light[100, cx] < light[100, cx - 40] - 0.05
