"""The twenty-ninth held-out group of card and diploma designs: kept apart (registered in
group 29, never drawn unasked), what is new on them shows on the rendered pages (a card
whose personalisation print faded in a wallet: the text and photo paled unevenly, a
thumb's patch paler still and broken, the black gone brownish, the security ground barely
faded, the NIK still legible; a card photocopied and marked by a clerk's ballpoint: ticks
by the NIK and the name, the NIK underlined at its digits' feet, the birth date ringed,
"Sesuai asli" and a paraf over the lower right corner, on a copy page a phone number that
is never the NIK written beside the card; an SMP diploma whose inkjet-printed particulars
went through a flood: tide lines, the particulars bled, haloed and run downward, mould's
spots, the paper cockled; a university's diploma, the name and its degree in a script,
scanned through a document feeder in black and white: one bit at 200 dpi, dust's lines
down the whole page, stretched or squeezed along the feed, askew, its leading edge
curled), what is printed is the truth, their faces' files are installed, and the earlier
designs keep their drawing (the new looks are off on all of them). No reader runs here."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group29 as IG29
from scansim import ktp as KTP
from scansim import ktp_designs as KD
from scansim import ktp_group29 as KG29
from scansim.draw import mm_px
from scansim.ktp import make_ktp, make_ktp_copy_page
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    _card,
    _diploma_faces,
    _diploma_faces_from_packages,
    _every_field_printed,
    _grey,
    _new_diploma_group,
    _new_looks,
    _printed,
    _two_colour_lines,
)

KTP_29 = ("padauk_pudar", "gayathri_coretan")
IJAZAH_29 = ("smp_banjir", "universitas_pengumpan")
# The font package each of the group's new diploma faces comes from, by file name.
PACKAGES_29 = {"Rachana": "fonts-smc-rachana", "Meera": "fonts-smc-meera",
               "AbyssinicaSIL": "fonts-sil-abyssinica", "SN": "fonts-sil-sophia-nubian",
               "Havana": "fonts-havana"}


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261229)


# -- the card group -------------------------------------------------------------------------

def test_group_29_differs_from_every_earlier_design():
    _new_looks(29, KTP_29, ("pudar", "coretan"), {"pucuk_pakis", "tikar_pandan"})


def test_group_29_backgrounds_have_both_colours():
    """Pucuk pakis and tikar pandan: marks in both of each print's colours."""
    _two_colour_lines("padauk_pudar", 3, 200, 0.01)
    _two_colour_lines("gayathri_coretan", 4, 200, 0.01)


@pytest.mark.parametrize("name", KTP_29)
def test_group_29_cards_print_every_field(people, name):
    """Every row has ink left of its colon (the label) and right of it (the value), the
    NIK its digits, on the cards as they are handed in (faded; copied and marked)."""
    _every_field_printed(people, name)


# -- faded in a wallet ----------------------------------------------------------------------------

def _printed_card(dpi: int) -> tuple[Image.Image, Image.Image]:
    """A ground (pale blue with fine green lines) and the same ground printed with black
    text-like bars in rows across the card."""
    u = dpi / 25.4
    ground = _card((226, 236, 246), dpi)
    d = ImageDraw.Draw(ground)
    for x in np.arange(0, ground.width, 2.5 * u):
        d.line([(x, 0), (x, ground.height)], fill=(110, 170, 140), width=max(1, round(0.1 * u)))
    printed = ground.copy()
    d = ImageDraw.Draw(printed)
    for k in range(12):
        y = (6 + 4 * k) * u
        d.rectangle([6 * u, y, 80 * u, y + 1.6 * u], fill=(22, 22, 28))
    return ground, printed


def test_pudar_fades_the_print_and_barely_the_ground():
    """With the thumb's patch left out: the bars keep 30-75 % of their darkness over the
    ground (uneven, never all of it), their black gone brownish (with the browning, red
    lighter against blue than without); the ground between them nearly as it was."""
    dpi = 150
    u = dpi / 25.4
    ground, printed = _printed_card(dpi)
    g, pr = (np.asarray(x).astype(float) for x in (ground, printed))
    bars = pr.mean(axis=2) < 60
    for seed in range(4):
        out, plain = (np.asarray(KG29.pudar(printed, ground, random.Random(seed), 1.0, dpi,
                                            patch=False, brown=b)).astype(float)
                      for b in (True, False))
        kept = (g - plain)[bars].mean(axis=1) / (g - pr)[bars].mean(axis=1)
        assert 0.3 < np.median(kept) < 0.75 and kept.max() < 0.97
        shift = (out[bars][:, 0] - out[bars][:, 2]) - (plain[bars][:, 0] - plain[bars][:, 2])
        assert shift.mean() > 8                                   # gone brownish
        between = ~bars
        between[:int(4 * u)] = False
        assert np.abs(out[between] - g[between]).mean() < 6


def test_pudar_patch_is_paler_still_and_broken():
    """With and without the thumb's patch (same draws): at the patch's heart the bars keep
    far less of their darkness and some of their print is rubbed almost bare; far from it
    they are as they were."""
    dpi = 150
    ground, printed = _printed_card(dpi)
    g, pr = (np.asarray(x).astype(float).mean(axis=2) for x in (ground, printed))
    bars = pr < 60
    for seed in range(4):
        plan = KG29.pudar_plan(printed.size, random.Random(seed), dpi / 25.4)
        a, b = (np.asarray(KG29.pudar(printed, ground, random.Random(seed), 1.0, dpi,
                                      patch=p)).astype(float).mean(axis=2) for p in (True, False))
        cx, cy, ax, ay = plan["patch"]
        h, w = a.shape
        yy, xx = np.mgrid[0:h, 0:w]
        r2 = ((xx - cx) / ax) ** 2 + ((yy - cy) / ay) ** 2
        heart, far = bars & (r2 < 0.3), bars & (r2 > 6)
        if heart.sum() < 50:
            continue
        keep_a = (g - a)[heart] / (g - pr)[heart]
        keep_b = (g - b)[heart] / (g - pr)[heart]
        assert keep_a.mean() < 0.8 * keep_b.mean()
        assert (keep_a < 0.15).mean() > 0.05              # rubbed almost bare in streaks
        assert np.abs(a - b)[far].mean() < 3


def test_fade_keep_never_takes_the_nik_below_its_floor():
    dpi = 200
    u = dpi / 25.4
    size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
    nik = (15 * u, 9 * u, 62 * u, 14.5 * u)
    for seed in range(12):
        rng = random.Random(seed)
        plan = KG29.pudar_plan(size, rng, u)
        plan = dict(plan, patch=(38 * u, 12 * u, 20 * u, 12 * u))   # the thumb on the NIK
        keep = KG29.fade_keep((size[1], size[0]), plan, rng, u, nik=nik)
        box = keep[int(nik[1]) + 1:int(nik[3]) - 1, int(nik[0]) + 1:int(nik[2]) - 1]
        assert box.min() >= KG29.FADE["nik_floor"] - 1e-6
        assert keep.min() < 0.1    # elsewhere the patch rubs the print almost bare


def test_padauk_pudar_card_is_faded_and_its_nik_legible(people, monkeypatch):
    """The rendered cards: the text's darkest ink far lighter than the design's ink, the
    NIK's digits still a clear dark row over the ground, and browner than the same card
    (same draws) faded without the browning."""
    des = KD.DESIGNS["padauk_pudar"]
    dpi = 200
    u = dpi / 25.4
    real = KTP.pudar
    for seed in range(6):
        card, truth = make_ktp(people[seed % 4], rng=random.Random(seed), dpi=dpi,
                               design="padauk_pudar")
        with monkeypatch.context() as mp:
            mp.setattr(KTP, "pudar", lambda *a, **k: real(*a, **k, brown=False))
            plain, _ = make_ktp(people[seed % 4], rng=random.Random(seed), dpi=dpi,
                                design="padauk_pudar")
        rgb = np.asarray(card).astype(float)
        other = np.asarray(plain).astype(float)
        grey = rgb.mean(axis=2)
        rows = grey[int(des.first_y_mm * u):int((des.first_y_mm + 11 * des.step_mm) * u),
                    int(des.label_x_mm * u):int(55 * u)]
        assert np.percentile(rows, 0.5) > 45                     # no black left
        nik = (slice(int((des.nik_y_mm - 0.5) * u), int((des.nik_y_mm + des.nik_mm + 0.8) * u)),
               slice(int((des.label_x_mm + 13) * u), int((des.photo_x_mm - 2) * u)))
        assert (grey[nik] < 175).mean() > 0.05
        digits = other[nik].mean(axis=2) < 150
        shift = (rgb[nik][..., 0] - rgb[nik][..., 2]) - (other[nik][..., 0] - other[nik][..., 2])
        assert shift[digits].mean() > 5                                # gone brownish
        assert truth["nik"] == people[seed % 4]["nik"]


# -- copied and marked with a clerk's ballpoint ----------------------------------------------

def test_coretan_plan_writes_a_phone_number_never_the_nik(people):
    """Over many copies: an Indonesian mobile number of 11 to 13 digits (08xx) in groups
    of four, never the card's NIK nor a part of it; a date on about half of them."""
    dates = 0
    for seed in range(200):
        nik = people[seed % 4]["nik"]
        plan = KG29.coretan_plan(random.Random(seed), nik)
        digits = plan["phone"].replace("-", "")
        assert re.fullmatch(r"08\d{9,11}", digits) and digits == plan["digits"]
        assert re.fullmatch(r"08\d\d-\d{4}-\d{3,5}", plan["phone"])
        assert digits not in nik and nik not in digits and digits[-8:] not in nik
        assert plan["note"] in KG29.NOTES
        dates += bool(plan["date"])
    assert 60 < dates < 140


def test_coretan_plan_draws_again_a_number_inside_the_nik():
    """A draw whose number's last eight figures stand in the NIK is drawn again."""
    plan = KG29.coretan_plan(random.Random(3))
    trap = plan["digits"][-8:] + "12345678"   # a NIK holding the first draw's last figures
    again = KG29.coretan_plan(random.Random(3), trap)
    assert again["digits"] != plan["digits"] and again["digits"][-8:] not in trap


def _marked(person, seed: int, dpi: int, **off):
    """The coretan card as rendered, and the same draws without its marks."""
    des = KD.DESIGNS["gayathri_coretan"]
    calls = []
    real = KG29.coretan

    def recorded(img, rng, amount, dpi, design, offset=(0, 0), *, marks=True):
        calls.append((img, rng.getstate(), amount, design, offset))
        return real(img, rng, amount, dpi, design, offset, marks=marks)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(KTP, "coretan", recorded)
        card, truth = make_ktp(person, rng=random.Random(seed), dpi=dpi, design=des)
    img, state, amount, design, offset = calls[-1]
    rng = random.Random()
    rng.setstate(state)
    bare = real(img, rng, amount, dpi, design, offset, marks=False)
    rng.setstate(state)
    marked = real(img, rng, amount, dpi, design, offset)
    return np.asarray(marked).astype(float), np.asarray(bare).astype(float), img, offset, truth


def test_coretan_card_is_a_grey_copy_marked_in_ballpoint(people):
    """The card's own picture: a grey copy (no colour but the pen's), and the marks where
    a clerk makes them: a tick before the NIK's colon and one by the name's label, a line
    under the NIK's digits touching their feet, a ring round the birth date, the note and
    paraf in the lower right corner."""
    des = KD.DESIGNS["gayathri_coretan"]
    dpi = 200
    u = dpi / 25.4
    for seed in range(4):
        marked, bare, img, offset, truth = _marked(people[seed], seed, dpi)
        assert (bare.max(axis=2) - bare.min(axis=2)).max() <= 2          # a grey copy
        pen = np.abs(marked - bare).max(axis=2) > 40
        h, w = pen.shape
        where = KG29.card_marks(img, des, u, offset)
        lx = des.label_x_mm * u + offset[0]
        nik_y = des.nik_y_mm * u + offset[1]

        def zone(x0, y0, x1, y1, pen=pen):
            return pen[max(0, int(y0)):int(y1), max(0, int(x0)):int(x1)].sum()
        assert zone(lx + 6 * u, nik_y - 2 * u, lx + 12 * u, nik_y + 5 * u) > 5      # NIK tick
        first = des.first_y_mm * u + offset[1]
        assert zone(lx + 9 * u, first - 2.5 * u, des.colon_x_mm * u, first + 3 * u) > 5
        nx0, _, nx1, _ = where["nik"]
        feet = where["nik_feet"]
        band = pen[:, int(nx0 + 8 * u):int(nx1 - 8 * u)]
        rows = np.flatnonzero(band.any(axis=1))
        near = rows[(rows > feet - 1.2 * u) & (rows < feet + 1.2 * u)]
        assert len(near) and near.min() <= feet + 0.25 * u and near.max() >= feet - 0.45 * u
        bx0, by0, bx1, by1 = where["birth"]
        ring = zone(bx0 - 3 * u, by0 - 2.5 * u, bx1 + 3 * u, by1 + 2.5 * u)
        inside = zone(bx0 + 0.5 * u, by0, bx1 - 0.5 * u, by1)
        assert ring > 30 and inside < 0.3 * ring
        assert zone(w - 32 * u, h - 14 * u, w, h) > 30                               # note
        colour = marked[pen]
        assert (colour.max(axis=1) - colour.min(axis=1)).mean() > 15 or \
            colour.mean() < 90                                                       # ink
        assert truth["nik"] == people[seed]["nik"]


def test_coretan_copy_page_marks_the_front_and_writes_beside_it(people, monkeypatch):
    """On a copy page the marks lie on the front's copy (turned with it) and the phone
    number on the sheet beside the cards, never over them; in colour the pen's ink is
    the only colour on the sheet's white."""
    plans = []
    real = KTP.coretan_page

    def recorded(*a, **k):
        page, plan = real(*a, **k)
        plans.append((plan, k))
        return page, plan
    monkeypatch.setattr(KTP, "coretan_page", recorded)
    monkeypatch.setattr(KTP, "coretan", lambda *a, **k: pytest.fail("the card marked twice"))
    dpi = 100
    for seed in range(6):
        turn = seed % 4
        color = bool(seed % 2)
        page, truth = make_ktp_copy_page(people[seed % 4], rng=random.Random(seed), dpi=dpi,
                                         color=color, back=True, turn=turn,
                                         design="gayathri_coretan")
        plan, kw = plans[-1]
        assert kw["nik"] == truth["nik"] and plan["digits"] not in truth["nik"]
        boxes = [truth["card_box"], truth["back_box"]]
        px0, py0, px1, py1 = plan["phone_box"]
        pad = mm_px(3, dpi)
        for x0, y0, x1, y1 in boxes:   # the writing's tile (with its pad) clear of the cards
            assert px1 - pad <= x0 or px0 + pad >= x1 or py1 - pad <= y0 or py0 + pad >= y1
        grey = _grey(page)
        assert (grey[max(0, py0):py1, max(0, px0):px1] < 120).sum() > 20
        x0, y0, x1, y1 = truth["card_box"]
        assert (grey[y0:y1, x0:x1] < 110).mean() > 0.02
        rgb = np.asarray(page).astype(int)
        spread = rgb.max(axis=2) - rgb.min(axis=2)
        if color and plan["ink"] != KG29.PENS[2]:
            assert (spread[max(0, py0):py1, max(0, px0):px1] > 40).sum() > 10
            assert (spread[y0:y1, x0:x1] > 60).sum() > 10
        if not color:
            assert spread.max() <= 3


# == diplomas: an SMP's through a flood, a university's through a document feeder ===============

@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-29 diploma at 120 dpi in colour and in grey, and again in colour (same
    seed) without its finish, keyed with "bare"."""
    out = {}
    for k, name in enumerate(IJAZAH_29):
        for color in (True, False):
            out[name, color] = IJ.make_ijazah(people[k], rng=random.Random(290), dpi=120,
                                              color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(IJ.HAND_INS, "banjir", lambda img, rng, dpi, **k: img)
        mp.setitem(IJ.HAND_INS, "pengumpan", lambda img, rng, dpi, **k: img)
        for k, name in enumerate(IJAZAH_29):
            out[name, "bare"] = IJ.make_ijazah(people[k], rng=random.Random(290), dpi=120,
                                               color=True, design=name)
    return out


def test_group_29_diplomas_differ_from_every_earlier_design():
    earlier = _new_diploma_group(29, IJAZAH_29)
    smp, univ = (IJ.get_design(n) for n in IJAZAH_29)
    assert IJ.programs_of(smp) == ["SMP"] and IJ.programs_of(univ) == ["S1"]
    assert (smp.finish, univ.finish) == ("banjir", "pengumpan")
    assert {smp.header, univ.header} == {"smp_kepala", "kampus_kepala"}
    assert {smp.border, univ.border} == {"siku_keluang", "tampuk_manggis"}
    assert not {d.finish for d in earlier} & {"banjir", "pengumpan"}
    assert not {d.header for d in earlier} & {"smp_kepala", "kampus_kepala"}
    assert IJ.HAND_INS["banjir"] is IG29.banjir
    assert IJ.HAND_INS["pengumpan"] is IG29.pengumpan
    assert IJ.BORDERS["siku_keluang"] is IG29.siku_keluang
    assert IJ.BORDERS["tampuk_manggis"] is IG29.tampuk_manggis
    # of the hand-ins up to this group, these two are given the particulars' ink
    upto = {d.finish for d in IJ.DESIGNS if d.group <= 29}
    assert IJ.GIVEN_FILL_IN & upto == {"banjir", "pengumpan"}
    assert not IJ.GIVEN_FILL_IN & IJ.CLEAR_OF_NAME
    assert _diploma_faces(smp).isdisjoint(_diploma_faces(univ))


def test_group_29_faces_come_from_their_new_packages():
    _diploma_faces_from_packages(29, IJAZAH_29, PACKAGES_29)


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_29)
def test_group_29_diplomas_render_grey_and_colour(diplomas, people, name, color):
    page, truth = diplomas[name, color]
    assert page.size == (mm_px(210, 120), mm_px(297, 120))
    rgb = np.asarray(page).astype(int)
    coloured = bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 40)
    if not color or name == "universitas_pengumpan":   # a black-and-white scan
        assert not coloured
    assert truth["group"] == 29 and truth["held_out"] and truth["design"] == name
    assert truth["nama"] == people[IJAZAH_29.index(name)]["nama"].upper()
    assert truth["jenjang"] == {"smp_banjir": "SMP", "universitas_pengumpan": "S1"}[name]
    assert truth == dict(diplomas[name, not color][1], color=color)


def test_group_29_truth_is_as_the_designs_promise(people):
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30, design="smp_banjir")
        assert truth["program"] == "SMP" and 2003 <= truth["tahun"] <= 2009
        assert re.fullmatch(r"SMP NEGERI \d [A-Z ]+", truth["sekolah"])
        assert re.fullmatch(r"DN-\d{2} Dl \d{7}", truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30,
                                  design="universitas_pengumpan")
        assert truth["program"] == "S1" and 2017 <= truth["tahun"] <= 2024
        assert re.fullmatch(r"UNIVERSITAS [A-Z ]+", truth["sekolah"])
        assert re.fullmatch(rf"\d{{6}}{truth['tahun']}\d{{5}}", truth["nomor"])


def test_smp_prints_its_particulars_by_the_inkjet(people, monkeypatch):
    """The number, the name and the rows are printed by the school's inkjet (in its black,
    each marked on the page's filled-in layer) on the blank's rows; the blank's own words
    in its blue; the hand-in is given the name's box and that layer, which covers the
    name and nothing of the blank's heading."""
    printed = []
    text_px = IG29.Filler.text_px

    def recorded(self, at, text, *a, **k):
        printed.append(text)
        return text_px(self, at, text, *a, **k)
    monkeypatch.setattr(IG29.Filler, "text_px", recorded)
    handed = []
    monkeypatch.setitem(IJ.HAND_INS, "banjir",
                        lambda img, rng, dpi, **k: handed.append(k) or img)
    names = []
    name_step = IJ._Page.name

    def named(self, *a, **k):
        names.append((a[2], k.get("draw")))
        return name_step(self, *a, **k)
    monkeypatch.setattr(IJ._Page, "name", named)
    words = IG29._data()["smp"]
    dpi = 60
    u = dpi / 25.4
    for k in range(3):
        printed.clear()
        texts = _printed(monkeypatch)
        page, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=dpi,
                                     design="smp_banjir")
        assert printed[0] == truth["nomor"] and printed[1] == truth["nama"]
        assert names[-1][0] == truth["nama"] and names[-1][1] is not None
        assert re.fullmatch(r"\d-\d\d-15-\d\d-\d{3}-\d{3}-\d", printed[-1])
        for label in words["rows"]:
            assert label in texts
        assert "DEPARTEMEN PENDIDIKAN NASIONAL" in texts and words["level"] in texts
        town = truth["sekolah"].removeprefix("SMP NEGERI ").split(" ", 1)[1].title()
        assert f"dari SMP Negeri {truth['sekolah'].split()[2]} {town} pada tahun " \
            f"{truth['tahun']}." in texts
        given = handed[-1]
        x0, y0, x1, y1 = given["name_box"]
        filled = np.asarray(given["filled"]) > 128
        assert filled[int(y0 * u):int(y1 * u) + 1, int(x0 * u):int(x1 * u) + 1].mean() > 0.05
        assert not filled[int(30 * u):int(100 * u)].any()   # the emblem, ministry, title
        rgb = np.asarray(page).astype(int)
        title = rgb[int(55 * u):int(62 * u), int(60 * u):int(150 * u)]
        ink = title[title.sum(axis=2) < 450]
        assert (ink[:, 2] > ink[:, 0] + 20).mean() > 0.5           # the blank's blue


def test_universitas_prints_the_name_with_its_degree(people, monkeypatch):
    """The name is printed with the degree after it ("NAME, S.T."), in the script face;
    the truth is the bare name; the national number and the degree's line are printed."""
    handed = []
    monkeypatch.setitem(IJ.HAND_INS, "pengumpan",
                        lambda img, rng, dpi, **k: handed.append(k) or img)
    for k in range(3):
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=50,
                                  design="universitas_pengumpan")
        assert f"{truth['nama']}, S.T." in texts and truth["nama"] not in texts
        assert f"Nomor Ijazah Nasional : {truth['nomor']}" in texts
        assert "Sarjana Teknik (S.T.)" in texts and truth["sekolah"] in texts
        at = texts.index(f"{truth['nama']}, S.T.")
        assert texts[at + 1] == "Nomor Induk Mahasiswa"
        assert handed[-1]["name_box"] is not None and handed[-1]["filled"] is None


@pytest.mark.parametrize("name", IJAZAH_29)
def test_group_29_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=30, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- through a flood ------------------------------------------------------------------------------

def _flood_page(dpi: int):
    """A page (mm 120 x 160) with a printed bar (the blank's) and an inkjet bar (the
    particulars': also on the filled-in layer), both 1.2 mm tall across the middle."""
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(120, dpi), mm_px(160, dpi)), (248, 246, 238))
    filled = Image.new("L", page.size, 0)
    d, m = ImageDraw.Draw(page), ImageDraw.Draw(filled)
    d.rectangle([10 * u, 80 * u, 110 * u, 81.2 * u], fill=(30, 40, 78))
    for x in np.arange(10, 110, 2.5):   # letters of the particulars
        box = [x * u, 95 * u, (x + 1.2) * u, 98 * u]
        d.rectangle(box, fill=IG29.DYE_BLACK)
        m.rectangle(box, fill=255)
    return page, filled, (10.0, 95.0, 110.0, 98.0)


def test_banjir_plan_wets_the_name():
    """Over many sheets: the highest front stands past the name's far side (from the edge
    the water came from), so the name's whole box was wet."""
    dpi = 40
    u = dpi / 25.4
    size = (mm_px(210, dpi), mm_px(297, dpi))
    edges = set()
    for seed in range(40):
        box = (40.0, random.Random(seed).uniform(60, 200), 170.0, 0.0)
        box = (box[0], box[1], box[2], box[1] + 7)
        plan = IG29.banjir_plan(size, random.Random(seed), u, box)
        edges.add(plan["edge"])
        wet, lines = IG29.wet_map(size, plan, u)
        x0, y0, x1, y1 = (int(v * u) for v in box)
        assert wet[y0:y1 + 1, x0:x1 + 1].min() > 0.9
        assert 1 <= len(plan["fronts"]) <= 3 and lines.max() > 0.9
    assert edges == {"bottom", "left", "right"}


def test_banjir_bleeds_the_inkjets_particulars_not_the_blank():
    """The ink on and off (same draws, nothing else): the blank's printed bar as it was,
    the inkjet's letters haloed round and run downward (more ink below them than above),
    the letters themselves a little paler."""
    dpi = 150
    u = dpi / 25.4
    page, filled, box = _flood_page(dpi)
    for seed in range(4):
        kw = dict(name_box=box, filled=filled, stain=False, mould=False, cockle=False,
                  capture=False)
        a, b = (np.asarray(IG29.banjir(page, random.Random(seed), dpi, ink=i, **kw))
                .astype(float).mean(axis=2) for i in (True, False))
        printed = (slice(int(79 * u), int(82.5 * u)), slice(int(5 * u), int(115 * u)))
        assert np.abs(a - b)[printed].max() < 2
        above = (a - b)[int(93.8 * u):int(94.9 * u), int(10 * u):int(110 * u)]
        below = (a - b)[int(98.4 * u):int(101 * u), int(10 * u):int(110 * u)]
        assert below.mean() < above.mean() - 1 and below.min() < -40   # run downward
        assert above.mean() < -1                                          # a halo
        letters = np.asarray(filled) > 128
        assert (a - b)[letters].mean() > 5                                 # paler letters


def test_banjir_leaves_tide_lines_and_a_brown_wash():
    """A blank sheet with and without the water's stain: browner where it was wet, a
    sharp brown line at the front, unchanged past the highest front."""
    dpi = 60
    u = dpi / 25.4
    blank = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (248, 246, 238))
    for seed in range(4):
        plan = IG29.banjir_plan(blank.size, random.Random(seed), u, (60, 150, 150, 158))
        wet, lines = IG29.wet_map(blank.size, plan, u)
        kw = dict(ink=False, mould=False, cockle=False, capture=False, name_box=(60, 150, 150,
                                                                                  158))
        a, b = (np.asarray(IG29.banjir(blank, random.Random(seed), dpi, stain=s, **kw))
                .astype(float) for s in (True, False))
        brown = (a[..., 0] - a[..., 2]) - (b[..., 0] - b[..., 2])
        assert brown[wet > 0.99].mean() > 3
        assert np.abs(a - b)[(wet < 0.01) & (lines < 0.01)].max() <= 1
        assert (b - a).mean(axis=2)[lines > 0.95].mean() > 1.5 * (b - a).mean(axis=2)[
            (wet > 0.99) & (lines < 0.05)].mean()


def test_banjir_foxes_and_cockles_the_sheet():
    """Mould on and off: brown spots on the sheet; the cockle on and off: a ruled grid's
    lines moved a little (under a millimetre) and the sheet's light uneven."""
    dpi = 60
    u = dpi / 25.4
    grid = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (248, 246, 238))
    d = ImageDraw.Draw(grid)
    for y in np.arange(10, 290, 6):
        d.line([(0, y * u), (grid.width, y * u)], fill=(0, 0, 0), width=1)
    for seed in range(3):
        kw = dict(ink=False, stain=False, capture=False, name_box=(60, 150, 150, 158))
        a, b = (np.asarray(IG29.banjir(grid, random.Random(seed), dpi, mould=m, cockle=False,
                                       **kw)).astype(float) for m in (True, False))
        spots = (b - a).mean(axis=2) > 8
        assert spots.sum() > 20 and ((b - a)[spots][:, 2] > (b - a)[spots][:, 0]).mean() > 0.5
        a, b = (np.asarray(IG29.banjir(grid, random.Random(seed), dpi, mould=False, cockle=c,
                                       **kw)).astype(float).mean(axis=2) for c in (True, False))
        moved = np.abs(a - b)
        assert moved.max() > 60 and moved.mean() < 12


def test_smp_page_shows_the_flood_round_the_name(diplomas):
    """The rendered SMP page against its page as drawn (same seed): changed round the
    name (its ink bled), and its paper browned or greyed in part."""
    page, _ = diplomas["smp_banjir", True]
    bare, _ = diplomas["smp_banjir", "bare"]
    g, b = _grey(page).astype(float), _grey(bare).astype(float)
    u = 120 / 25.4
    name = (slice(int(108 * u), int(130 * u)), slice(int(80 * u), int(180 * u)))
    assert np.abs(g - b)[name].mean() > 6
    assert np.abs(g - b).mean() > 3


# -- through an automatic document feeder in black and white ---------------------------------

def _sheet(dpi: int, fill: int = 250) -> Image.Image:
    return Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (fill, fill, fill))


def test_pengumpan_is_one_bit_at_200_dpi():
    """At 200 dpi every pixel is black or white; at 400 dpi each 200 dpi pixel is a 2 x 2
    block of one value."""
    page = _sheet(200)
    d = ImageDraw.Draw(page)
    d.rectangle([200, 300, 1200, 340], fill=(20, 20, 20))
    d.rectangle([200, 500, 1200, 700], fill=(170, 170, 170))
    out = np.asarray(IG29.pengumpan(page, random.Random(1), 200).convert("L"))
    assert set(np.unique(out)) <= {0, 255}
    big = np.asarray(IG29.pengumpan(page.resize((page.width * 2, page.height * 2)),
                                    random.Random(1), 400).convert("L"))
    assert (big[0::2, 0::2] == big[1::2, 1::2]).mean() > 0.999


def test_pengumpan_holds_text_and_diffuses_greys(monkeypatch):
    """Without the feed's moves or streaks: a black bar solid black, the paper white, a
    mid-grey patch a scatter of black and white dots (error diffusion), paler grey fewer."""
    page = _sheet(200)
    d = ImageDraw.Draw(page)
    d.rectangle([200, 300, 1200, 340], fill=(20, 20, 20))
    d.rectangle([200, 500, 1200, 700], fill=(150, 150, 150))
    d.rectangle([200, 800, 1200, 1000], fill=(175, 175, 175))
    for seed in range(3):
        plan = IG29.feeder_plan((1654, 2339), random.Random(seed), 200 / 25.4)
        out = np.asarray(IG29.pengumpan(page, random.Random(seed), 200, move=False, curl=False,
                                        streaks=False).convert("L")).astype(float)
        assert out[305:335, 250:1150].mean() < 5 and out[1200:1600, 300:1300].mean() > 250
        mid, pale = out[520:680, 250:1150] / 255, out[820:980, 250:1150] / 255
        expect = np.clip(0.5 + (np.array([150, 175]) / 250 - plan["threshold"])
                         * plan["contrast"], 0, 1)
        assert abs(mid.mean() - expect[0]) < 0.08 and abs(pale.mean() - expect[1]) < 0.08
        assert 0.02 < mid.mean() < 0.98 and np.abs(np.diff(mid, axis=1)).mean() > 0.05
        assert pale.mean() > mid.mean() or expect[1] >= 1


def test_pengumpan_streaks_run_down_the_whole_page():
    """A blank sheet: with the dust, one or two dark lines 1-3 px wide running down every
    row of the page (the feeder's frame), none without."""
    page = _sheet(200)
    for seed in range(5):
        plan = IG29.feeder_plan((1654, 2339), random.Random(seed), 200 / 25.4)
        a, b = (np.asarray(IG29.pengumpan(page, random.Random(seed), 200, streaks=s)
                           .convert("L")).astype(float) for s in (True, False))
        inner = slice(50, -50)   # clear of the sheet's own edges, askew down the frame
        cols = np.flatnonzero((a[:, inner] < 128).mean(axis=0) > 0.85)
        runs = np.split(cols, np.flatnonzero(np.diff(cols) > 1) + 1)
        assert len(runs) == len(plan["streaks"])
        assert all(1 <= len(r) <= 3 for r in runs)
        assert ((b[:, inner] < 128).mean(axis=0) > 0.5).sum() == 0


def test_pengumpan_stretches_skews_and_curls(monkeypatch):
    """Two full-width rules and a grey sheet (greys kept): the rules' distance apart
    stretched by the plan's stretch, each sloping by its skew; the sheet's top edge bowed
    down into it at its middle by the curl; white past the sheet's edges."""
    plans = []
    plan_of = IG29.feeder_plan

    def recorded(*a, **k):
        plans.append(plan_of(*a, **k))
        return plans[-1]
    monkeypatch.setattr(IG29, "feeder_plan", recorded)
    page = _sheet(200, fill=200)
    d = ImageDraw.Draw(page)
    for y in (600, 1800):
        d.line([(0, y), (page.width, y)], fill=(0, 0, 0), width=3)
    for seed in range(5):
        out = np.asarray(IG29.pengumpan(page, random.Random(seed), 200, streaks=False,
                                        binary=False).convert("L")).astype(float)
        plan = plans[-1]
        cols = (400, 827, 1250)
        ys = {c: [r for r in np.flatnonzero(out[:, c] < 60) if 300 < r < 2100] for c in cols}
        mids = {c: (np.mean([r for r in ys[c] if r < 1200]), np.mean([r for r in ys[c]
                                                                     if r >= 1200]))
                for c in cols}
        gap = mids[827][1] - mids[827][0]
        assert abs(gap / 1200 - plan["stretch"]) < 0.006
        slope = (mids[1250][0] - mids[400][0]) / 850
        assert abs(slope - np.tan(np.radians(plan["skew"]))) < 0.004
        top = [np.flatnonzero(out[:200, c] < 240)[0] for c in (827, 60, 1594)]
        bow = top[0] - (top[1] + top[2]) / 2
        assert abs(bow - plan["curl"]) < 0.45 * plan["curl"] + 3
        assert out[:3, 827].min() > 240


def test_feeder_plan_puts_a_streak_across_the_name_on_half_the_pages():
    u = 200 / 25.4
    box = (60.0, 120.0, 150.0, 130.0)
    on = 0
    for seed in range(200):
        plan = IG29.feeder_plan((1654, 2339), random.Random(seed), u, box)
        x = plan["streaks"][0][0] / u
        on += box[0] <= x <= box[2]
        assert 1 <= len(plan["streaks"]) <= 2
        assert 0.97 <= plan["stretch"] <= 1.03 and abs(plan["skew"]) <= 1.0
    assert 70 < on < 150


def test_universitas_page_is_black_and_white(diplomas):
    """The rendered page: all but a sliver of its pixels black or white (the viewer's
    slight blur aside)."""
    page, _ = diplomas["universitas_pengumpan", True]
    g = _grey(page)
    assert ((g < 40) | (g > 215)).mean() > 0.93
