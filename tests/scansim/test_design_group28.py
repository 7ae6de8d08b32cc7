"""The twenty-eighth held-out group of card and diploma designs: kept apart (registered in
group 28, never drawn unasked), what is new on them shows on the rendered pages (a card
"scanned" with a phone's scanner app in its magic-colour mode: the paper bleached white,
loud colours, pale print crushed, hard halos, the app's mark in a bottom corner, a JPEG of
the app's size; on a copy page the app's own page; a card copied at the corner of the
glass on a copier low on toner: a strip of one or two sides lost past the printing edge,
never the labels, the NIK's digits or the name's line, horizontal bands of paler print;
an STM diploma typed into its blank on a manual typewriter and copied twice: uneven
strikes off the line, letters struck twice, strokes fattened, fine lines and pale tints
gone, grey speckle; a Paket C certificate printed on an inkjet and scanned with the lid
not pressed down: the passes and a clogged nozzle's line, one edge dark, soft and its
lines bent, a dark gap past it), what is printed is the truth, their faces' files are
installed, and the earlier designs keep their drawing (the new looks are off on all of
them). No reader runs here."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group28 as IG28
from scansim import ktp as KTP
from scansim import ktp_designs as KD
from scansim import ktp_group28 as KG28
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
    _pair,
    _printed,
    _two_colour_lines,
)

KTP_28 = ("induni_ajaib", "uralic_pojok")
IJAZAH_28 = ("stm_ketik_ulang", "paket_c_tutup_renggang")
# The font package each of the group's new diploma faces comes from, by file name.
PACKAGES_28 = {"SolideMirage": "fonts-solide-mirage", "IndUni-N": "fonts-johnsmith-induni",
               "IndUni-T": "fonts-johnsmith-induni", "TlwgTypewriter": "fonts-tlwg-typewriter-ttf",
               "Loma": "fonts-tlwg-loma-ttf", "Sawasdee": "fonts-tlwg-sawasdee-ttf"}


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261228)


# -- the card group -------------------------------------------------------------------------

def test_group_28_differs_from_every_earlier_design():
    _new_looks(28, KTP_28, ("ajaib", "pojok"), {"pring_sedapur", "latohan"})


def test_group_28_backgrounds_have_both_colours():
    """Pring sedapur and latohan: marks in both of each print's colours."""
    _two_colour_lines("induni_ajaib", 3, 200, 0.01)
    _two_colour_lines("uralic_pojok", 4, 200, 0.01)


@pytest.mark.parametrize("name", KTP_28)
def test_group_28_cards_print_every_field(people, name):
    """Every row has ink left of its colon (the label) and right of it (the value), the
    NIK its digits, on the cards as they are handed in (bleached by the app; a strip lost,
    pale bands)."""
    _every_field_printed(people, name)


# -- "scanned" with a phone's scanner app -------------------------------------------------------

def _tinted_card(dpi: int) -> Image.Image:
    """A card of a pale blue ground with dark text-like bars, a pale grey bar, a strong
    red patch and a mid-grey patch."""
    u = dpi / 25.4
    card = _card((222, 232, 246), dpi)
    d = ImageDraw.Draw(card)
    for k in range(6):
        d.rectangle([8 * u, (14 + 4 * k) * u, 40 * u, (14.6 + 4 * k) * u], fill=(30, 30, 40))
    d.rectangle([8 * u, 40 * u, 40 * u, 40.6 * u], fill=(186, 190, 198))   # pale print
    d.rectangle([50 * u, 12 * u, 70 * u, 30 * u], fill=(190, 70, 70))
    d.rectangle([50 * u, 34 * u, 70 * u, 46 * u], fill=(120, 120, 120))
    return card


def test_ajaib_bleaches_the_ground_louds_the_colours_and_crushes_pale_print():
    """With and without the magic colour (same draws): the card's tinted ground comes out
    pure white, the red patch more saturated, the pale grey bar gone to white while the
    dark bars stay dark."""
    dpi = 150
    u = dpi / 25.4
    card = _tinted_card(dpi)
    for seed in range(3):
        a, b = (np.asarray(KG28.ajaib(card, random.Random(seed), 1.0, dpi, magic=m, mark=False))
                .astype(float) for m in (True, False))
        ground = (slice(int(5 * u), int(11 * u)), slice(int(10 * u), int(40 * u)))
        assert a[ground].min(axis=2).mean() > 245 and b[ground].min(axis=2).mean() < 235
        red = (slice(int(16 * u), int(26 * u)), slice(int(54 * u), int(66 * u)))
        sat = [(x[red].max(axis=2) - x[red].min(axis=2)).mean() for x in (a, b)]
        assert sat[0] > sat[1] + 30
        rows = {m: x[:, int(12 * u):int(36 * u)].mean(axis=(1, 2)) for m, x in (("a", a),
                                                                            ("b", b))}
        pale = slice(int(38.5 * u), int(42 * u))   # the pale bar, wherever the photo put it
        assert rows["a"][pale].min() > 240 and rows["b"][pale].min() < 215
        bar = slice(int(12.5 * u), int(16 * u))
        assert rows["a"][bar].min() < 80


def test_ajaib_sharpens_with_hard_halos():
    """A dark block on the mid-grey patch: with the magic colour the grey right beside the
    block's edge stands lighter than the grey further off (the sharpening's halo), which
    it does not without."""
    dpi = 200
    u = dpi / 25.4
    card = _card((240, 240, 240), dpi)
    d = ImageDraw.Draw(card)
    d.rectangle([20 * u, 15 * u, 70 * u, 45 * u], fill=(110, 110, 110))
    d.rectangle([40 * u, 20 * u, 50 * u, 40 * u], fill=(20, 20, 20))
    for seed in range(3):
        out = {m: np.asarray(KG28.ajaib(card, random.Random(seed), 1.0, dpi, magic=m,
                                        mark=False).convert("L")).astype(float)
               for m in (True, False)}
        rows = slice(int(26 * u), int(34 * u))
        x = int(50 * u)
        halo = {m: o[rows, x + int(0.35 * u):x + int(0.8 * u)].mean() for m, o in out.items()}
        far = {m: o[rows, x + int(4 * u):x + int(6 * u)].mean() for m, o in out.items()}
        assert halo[True] > far[True] + 12
        assert halo[False] < far[False] + 3


def test_ajaib_stamps_the_apps_mark_in_a_bottom_corner(monkeypatch):
    """With and without the app's mark (same draws): they differ only in a bottom corner
    (the plan's side), where "Dipindai dengan <app>" is printed small."""
    dpi = 150
    card = _card((236, 240, 244), dpi)
    for seed in range(4):
        texts = _printed(monkeypatch)
        plan = KG28.ajaib_plan(card.size, random.Random(seed), dpi / 25.4)
        a, b = (np.asarray(KG28.ajaib(card, random.Random(seed), 1.0, dpi, mark=m))
                .astype(float).mean(axis=2) for m in (True, False))
        assert f"Dipindai dengan {plan['app']}" in texts
        ys, xs = np.nonzero(np.abs(a - b) > 30)
        h, w = a.shape
        assert len(ys) > 50 and ys.min() > 0.85 * h
        assert (xs.max() < 0.45 * w) if plan["mark_side"] == "left" else (xs.min() > 0.55 * w)


def test_app_jpeg_keeps_the_apps_page_size():
    """Saved at the app's page size: stripes two pixels apart on a 300 dpi card are gone
    (the card is 505-674 px wide on the app's page); at the card's own size they stay."""
    dpi = 300
    card = _card((255, 255, 255), dpi)
    arr = np.asarray(card).copy()
    arr[:, ::2] = 0
    card = Image.fromarray(arr)
    for seed in range(3):
        plan = KG28.ajaib_plan(card.size, random.Random(seed), dpi / 25.4)
        small = np.asarray(KG28.app_jpeg(card, plan, 85.6 / 210).convert("L")).astype(float)
        kept = np.asarray(KG28.app_jpeg(card, dict(plan, page_px=card.width), 1.0)
                          .convert("L")).astype(float)
        assert small[20:-20, 20:-20].std() < 30 < kept[20:-20, 20:-20].std()


def test_induni_ajaib_card_is_bleached_and_differs_from_its_plain_self(people):
    card, bare, truth = _pair(people[1], "induni_ajaib", 200, 5, ajaib=0.0)
    a, b = np.asarray(card).astype(float), np.asarray(bare).astype(float)
    assert np.abs(a - b).mean() > 8
    white = [(x.min(axis=2) >= 240).mean() for x in (a, b)]   # the paper bleached white
    assert white[0] > 0.3 and white[1] < 0.02
    assert truth["nik"] == people[1]["nik"]


def test_ajaib_copy_page_is_the_apps_own_page(people, monkeypatch):
    """The copy page is the app's ID-card page: no copier (its levels never run), the
    cards upright and centred across a white page, the app's mark printed, the front
    drawn bare (the app's look over the whole page once)."""
    monkeypatch.setattr(KTP, "_photocopy", lambda *a, **k: pytest.fail("photocopied"))
    monkeypatch.setattr(KTP, "ajaib", lambda *a, **k: pytest.fail("the card done twice"))
    for k in range(2):
        texts = _printed(monkeypatch)
        page, truth = make_ktp_copy_page(people[k], rng=random.Random(k), dpi=100,
                                         color=bool(k), back=True, design="induni_ajaib")
        assert any(t.startswith("Dipindai dengan ") for t in texts)
        assert abs(((truth["card_angle"] + 180) % 360) - 180) <= 0.31
        x0, y0, x1, y1 = truth["card_box"]
        assert abs((x0 + x1) / 2 - page.width / 2) < mm_px(12, 100)
        grey = _grey(page)
        assert np.median(grey) >= 252
        assert (grey[y0:y1, x0:x1] < 110).mean() > 0.02


# -- copied at the corner of the glass, low on toner ---------------------------------------------

def test_pojok_plan_keeps_off_the_labels_and_the_niks_line():
    """Over many cards: one or two sides lost, 1.5-4 mm of the top or right, at most
    2.2 mm of the left and never past the labels' edge; the pale bands never over the
    NIK's rows."""
    dpi = 200
    u = dpi / 25.4
    size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
    seen = set()
    for seed in range(60):
        clear = random.Random(seed).uniform(1.6, 3.0) * u
        keep = (9.0 * u, 14.5 * u)
        plan = KG28.pojok_plan(size, random.Random(seed), u, left_clear=clear, keep=keep)
        assert 1 <= len(plan["cuts"]) <= 2 and "bottom" not in plan["cuts"]
        seen |= set(plan["cuts"])
        for side, px in plan["cuts"].items():
            if side == "left":
                assert px <= min(2.2 * u, clear) + 1e-6
            else:
                assert 1.5 * u - 1e-6 <= px <= 4.0 * u + 1e-6
        assert 2 <= len(plan["bands"]) <= 4
        for mid, half, kept in plan["bands"]:
            assert mid + 1.6 * half < keep[0] or mid - 1.6 * half > keep[1]
            assert 0.45 <= kept <= 0.7
    assert seen == {"top", "left", "right"}


def test_pojok_cuts_its_strips_to_bare_paper():
    """With and without the cut (same draws): they differ only in the planned strips,
    which are the copy paper's bare white."""
    dpi = 150
    u = dpi / 25.4
    card = _card((170, 180, 170), dpi)
    for seed in range(5):
        plan = KG28.pojok_plan(card.size, random.Random(seed), u, left_clear=2.5 * u)
        a, b = (np.asarray(KG28.pojok(card, random.Random(seed), 0.85, dpi, left_clear=2.5 * u,
                                      cut=c)).astype(float) for c in (True, False))
        strip = np.zeros(a.shape[:2], bool)
        h, w = strip.shape
        for side, px in plan["cuts"].items():
            n = round(px)
            strip[{"top": (slice(0, n), slice(None)), "left": (slice(None), slice(0, n)),
                   "right": (slice(None), slice(w - n, w))}[side]] = True
        changed = np.abs(a - b).max(axis=2) > 20
        assert changed.any() and not changed[~strip].any()
        assert a[strip].mean() > 240 and a[strip].std() < 4


def test_pojok_pales_the_print_in_horizontal_bands():
    """A dark card with and without the bands (same draws): lighter rows where the bands
    lie, the rest as it was; each band runs across the whole card."""
    dpi = 150
    u = dpi / 25.4
    card = _card((60, 60, 60), dpi)
    for seed in range(4):
        plan = KG28.pojok_plan(card.size, random.Random(seed), u)
        a, b = (np.asarray(KG28.pojok(card, random.Random(seed), 0.85, dpi, cut=False, bands=t)
                           .convert("L")).astype(float) for t in (True, False))
        inner = slice(int(3 * u), -int(3 * u))
        diff = (a - b)[:, inner]
        for mid, _half, _ in plan["bands"]:
            row = int(np.clip(mid, 0, a.shape[0] - 1))
            assert diff[row].mean() > 25
            left, right = diff[row, :diff.shape[1] // 2], diff[row, diff.shape[1] // 2:]
            assert abs(left.mean() - right.mean()) < 10
        far = np.ones(a.shape[0], bool)
        for mid, half, _ in plan["bands"]:
            far[max(0, int(mid - 2.5 * half)):int(mid + 2.5 * half) + 1] = False
        assert np.abs(diff[far]).mean() < 3


def test_uralic_pojok_card_keeps_its_strips_off_the_nik_and_the_name(people, monkeypatch):
    """The rendered cards: the strips lost never reach the NIK's digits nor any of the
    name's line (its label included); the pale bands never cross the NIK's line."""
    plans = []
    plan_of = KG28.pojok_plan

    def recorded(*a, **k):
        plans.append(plan_of(*a, **k))
        return plans[-1]
    monkeypatch.setattr(KG28, "pojok_plan", recorded)
    des = KD.DESIGNS["uralic_pojok"]
    dpi = 100
    u = dpi / 25.4
    w, h = mm_px(85.6, dpi), mm_px(53.98, dpi)
    for seed in range(12):
        make_ktp(people[seed % 4], rng=random.Random(seed), dpi=dpi, design="uralic_pojok")
        cuts = plans[-1]["cuts"]
        nik = ((des.label_x_mm + 13 - 0.6) * u, (des.nik_y_mm - 0.5) * u,
               (des.nik_y_mm + des.nik_mm + 0.5) * u)
        name_top = (des.first_y_mm - 0.5) * u
        assert cuts.get("top", 0) < min(nik[1], name_top)
        assert cuts.get("left", 0) < (des.label_x_mm - 0.6) * u
        assert w - cuts.get("right", 0) > (des.photo_x_mm - 2) * u
        for mid, half, _ in plans[-1]["bands"]:
            assert mid + 1.6 * half < nik[1] or mid - 1.6 * half > nik[2]
        assert h > 0


def test_pojok_copy_page_lays_the_front_at_the_sheets_edge(people):
    """On the copy page the front lies against one or two edges of the sheet, squared
    (within 0.4 degrees of its quarter turn), and along each such edge the sheet is bare
    for the strip its print lost."""
    dpi = 100
    u = dpi / 25.4
    for seed in range(6):
        turn = seed % 4
        page, truth = make_ktp_copy_page(people[seed % 4], rng=random.Random(seed), dpi=dpi,
                                         color=bool(seed % 2), back=True, turn=turn,
                                         design="uralic_pojok")
        off = abs(((truth["card_angle"] - 90 * turn + 180) % 360) - 180)
        assert off <= 0.41
        x0, y0, x1, y1 = truth["card_box"]
        grey = _grey(page)
        H, W = grey.shape
        edges = [side for side, gap in (("left", x0), ("top", y0), ("right", W - x1),
                                        ("bottom", H - y1)) if gap <= 2]
        assert 1 <= len(edges) <= 2
        band = max(1, round(0.8 * u))
        for side in edges:
            strip = {"left": grey[y0:y1, :band], "right": grey[y0:y1, W - band:],
                     "top": grey[:band, x0:x1], "bottom": grey[H - band:, x0:x1]}[side]
            assert (strip < 200).mean() < 0.01
        assert (grey[y0:y1, x0:x1] < 110).mean() > 0.02


# == diplomas: an STM's typed in and copied twice, a Paket C's scanned with the lid up ========

@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-28 diploma at 120 dpi in colour and in grey, and again in colour (same
    seed) without its finish, keyed with "bare"."""
    out = {}
    for k, name in enumerate(IJAZAH_28):
        for color in (True, False):
            out[name, color] = IJ.make_ijazah(people[k], rng=random.Random(280), dpi=120,
                                              color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(IJ.HAND_INS, "salin_ulang", lambda img, rng, dpi: img)
        mp.setitem(IJ.HAND_INS, "tutup_renggang", lambda img, rng, dpi: img)
        for k, name in enumerate(IJAZAH_28):
            out[name, "bare"] = IJ.make_ijazah(people[k], rng=random.Random(280), dpi=120,
                                               color=True, design=name)
    return out


def test_group_28_diplomas_differ_from_every_earlier_design():
    earlier = _new_diploma_group(28, IJAZAH_28)
    stm, paket = (IJ.get_design(n) for n in IJAZAH_28)
    assert IJ.programs_of(stm) == ["STM"] and IJ.programs_of(paket) == ["PAKET C"]
    assert (stm.finish, paket.finish) == ("salin_ulang", "tutup_renggang")
    assert {stm.header, paket.header} == {"stm_kepala", "pkbm_kepala"}
    assert {stm.border, paket.border} == {"roda_gigi", "tali_pintal"}
    assert not {d.finish for d in earlier} & {"salin_ulang", "tutup_renggang"}
    assert not {d.header for d in earlier} & {"stm_kepala", "pkbm_kepala"}
    assert IJ.HAND_INS["salin_ulang"] is IG28.salin_ulang
    assert IJ.HAND_INS["tutup_renggang"] is IG28.tutup_renggang
    assert IJ.BORDERS["roda_gigi"] is IG28.roda_gigi
    assert IJ.BORDERS["tali_pintal"] is IG28.tali_pintal
    assert _diploma_faces(stm).isdisjoint(_diploma_faces(paket))


def test_group_28_faces_come_from_their_new_packages():
    _diploma_faces_from_packages(28, IJAZAH_28, PACKAGES_28)


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_28)
def test_group_28_diplomas_render_grey_and_colour(diplomas, people, name, color):
    page, truth = diplomas[name, color]
    land = IJ.get_design(name).landscape
    assert page.size == ((mm_px(297, 120), mm_px(210, 120)) if land
                         else (mm_px(210, 120), mm_px(297, 120)))
    rgb = np.asarray(page).astype(int)
    coloured = bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 40)
    assert coloured is (color and name != "stm_ketik_ulang")   # a B/W copier's copy
    assert truth["group"] == 28 and truth["held_out"] and truth["design"] == name
    assert truth["nama"] == people[IJAZAH_28.index(name)]["nama"].upper()
    assert truth["jenjang"] == "SMA"
    assert truth == dict(diplomas[name, not color][1], color=color)


def test_group_28_truth_is_as_the_designs_promise(people):
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30,
                                  design="stm_ketik_ulang")
        assert truth["program"] == "STM" and 1976 <= truth["tahun"] <= 1993
        assert re.fullmatch(r"STM NEGERI [A-Z ]+", truth["sekolah"])
        assert re.fullmatch(r"\d{2} Ot \d{6}", truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30,
                                  design="paket_c_tutup_renggang")
        assert truth["program"] == "PAKET C" and 2021 <= truth["tahun"] <= 2025
        assert re.fullmatch(r"PKBM [A-Z ]+", truth["sekolah"])
        assert re.fullmatch(r"DN-PC/\d{2} \d{7}", truth["nomor"])


def test_stm_types_the_truth_on_its_rows(people, monkeypatch):
    """The serial, the name and the rows are typed (by the typist, letter by letter) after
    the blank's printed labels; the name typed in capitals, by the page's name step."""
    typed = []
    type_px = IG28.Typist.type_px

    def recorded(self, at, text, *a, **k):
        typed.append(text)
        return type_px(self, at, text, *a, **k)
    monkeypatch.setattr(IG28.Typist, "type_px", recorded)
    names = []
    name_step = IJ._Page.name

    def named(self, *a, **k):
        names.append((a[2], k.get("draw")))
        return name_step(self, *a, **k)
    monkeypatch.setattr(IJ._Page, "name", named)
    words = IG28._data()["stm"]
    for k in range(3):
        typed.clear()
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=50,
                                  design="stm_ketik_ulang")
        assert typed[0] == truth["nomor"] and typed[1] == truth["nama"]
        assert names[-1][0] == truth["nama"] and names[-1][1] is not None
        assert typed[-1] in words["majors"] and re.fullmatch(r"\d{4}", typed[-2])
        for label in words["rows"]:
            assert label in texts
        assert words["level"] in texts and "DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN" in texts
        assert truth["nama"] not in texts   # never drawn whole: struck letter by letter
        town = truth["sekolah"].removeprefix("STM NEGERI ").title()
        assert f"dari STM Negeri {town} pada tahun {truth['tahun']}." in texts


def test_paket_c_prints_the_truth_its_qr_code_and_the_holders_photo(people, monkeypatch):
    codes = []
    qr = IG28.qr_image

    def recorded(text, side):
        codes.append(text)
        return qr(text, side)
    monkeypatch.setattr(IG28, "qr_image", recorded)
    words = IG28._data()["paket_c"]
    for k in range(3):
        texts = _printed(monkeypatch)
        page, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=60,
                                     design="paket_c_tutup_renggang")
        assert f"Nomor : {truth['nomor']}" in texts and truth["nama"] in texts
        assert codes[-1].endswith(truth["nomor"].replace("/", "-").replace(" ", ""))
        at = texts.index(truth["nama"])
        assert texts[at - 1].endswith("menerangkan bahwa :")
        assert texts[at + 1] == "Tempat dan tanggal lahir"
        assert all(line in texts for line in words["programme"])
        assert any(m in texts for _, m in words["ministries"])
        assert f"dari PKBM {truth['sekolah'].removeprefix('PKBM ').title()} pada tahun " \
            f"{truth['tahun']}." in texts


def test_paket_c_photo_is_in_colour_at_the_foot(diplomas):
    """The bare page: the photo's red or blue ground in a 30 x 40 mm box at the foot's
    left."""
    page, _ = diplomas["paket_c_tutup_renggang", "bare"]
    u = 120 / 25.4
    rgb = np.asarray(page).astype(int)
    box = rgb[int(150 * u):int(186 * u), int(56 * u):int(86 * u)]
    red = (box[..., 0] > box[..., 2] + 80).mean()
    blue = (box[..., 2] > box[..., 0] + 80).mean()
    assert max(red, blue) > 0.25


@pytest.mark.parametrize("name", IJAZAH_28)
def test_group_28_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=30, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- typed on a manual typewriter ------------------------------------------------------------------

def _typed_row(seed: int, text: str, dpi: int = 300) -> tuple[np.ndarray, float]:
    p = IJ._Page(Image.new("RGB", (mm_px(150, dpi), mm_px(16, dpi)), (255, 255, 255)), dpi,
                 (0, 0, 0))
    IG28.Typist(p, "tlwg_typewriter_bold", seed).type(5, 11, text)
    return np.asarray(p.img.convert("L")).astype(float), dpi / 25.4


def test_typist_strikes_unevenly_and_off_the_line():
    """A row of H typed (a space between each two): the letters' feet do not stand on one
    line (0.12 mm or more apart), and some letters are struck far darker than others."""
    for seed in range(3):
        grey, u = _typed_row(seed, "H " * 26)
        inked = grey < 200
        cols = np.flatnonzero(inked.sum(axis=0) > 0)
        groups = np.split(cols, np.flatnonzero(np.diff(cols) > 2) + 1)
        feet = [np.flatnonzero(inked[:, g].any(axis=1)).max() for g in groups if len(g) > 3]
        assert (max(feet) - min(feet)) / u >= 0.12
        dark = [grey[:, g][inked[:, g]].mean() for g in groups if len(g) > 3]
        assert max(dark) - min(dark) > 30


def test_typist_strikes_a_letter_twice_now_and_then(monkeypatch):
    """Over a long text, more strikes than letters (some struck over again), each second
    strike a little off the first."""
    strikes = []
    strike = IG28.Typist.strike

    def recorded(self, x, y, ch, fnt, power):
        strikes.append((x, y, ch))
        return strike(self, x, y, ch, fnt, power)
    monkeypatch.setattr(IG28.Typist, "strike", recorded)
    text = "PANGKALAN BUN 1976 " * 12
    _typed_row(4, text, dpi=100)
    letters = sum(ch != " " for ch in text) + text.count(" ")
    assert len(strikes) > letters
    again = [(a, b) for a, b in zip(strikes, strikes[1:], strict=False) if a[2] == b[2]
             and 0 < abs(a[0] - b[0]) < 0.25 * 100 / 25.4 + 1e-6]
    assert again


# -- photocopied, and the copy copied again ----------------------------------------------------

def test_photocopy_fattens_strokes_and_drops_fine_lines_and_tints():
    """A bold bar, a hairline and a pale tint copied twice (left where they lay, no
    specks): the bar comes out wider, the hairline and the tint gone to paper."""
    dpi = 300
    u = dpi / 25.4
    dark = np.zeros((mm_px(30, dpi), mm_px(60, dpi)), np.float32)
    dark[int(5 * u):int(6 * u), int(5 * u):int(55 * u)] = 1.0          # a bold bar
    dark[int(12 * u):int(12 * u) + 1, int(5 * u):int(55 * u)] = 0.7     # a hairline
    dark[int(18 * u):int(25 * u), int(5 * u):int(55 * u)] = 0.12        # a pale tint
    rng = random.Random(3)
    out = IG28.photocopy(IG28.photocopy(dark, rng, u, move=False, specks=False), rng, u,
                         move=False, specks=False)
    cols = slice(int(20 * u), int(40 * u))
    assert (out[:, cols] > 0.5).sum(axis=0)[:1].item() > (dark[:, cols] > 0.5).sum(axis=0)[0]
    assert out[int(11 * u):int(13 * u), cols].max() < 0.3
    assert out[int(19 * u):int(24 * u), cols].max() < 0.05


def test_photocopy_speckles_the_paper():
    """A blank sheet copied twice: grey specks and haze on it, none without them."""
    dpi = 150
    u = dpi / 25.4
    blank = np.zeros((mm_px(60, dpi), mm_px(60, dpi)), np.float32)
    for seed in range(2):
        with_specks = IG28.photocopy(IG28.photocopy(blank, random.Random(seed), u), random.Random(
            seed + 9), u)
        without = IG28.photocopy(IG28.photocopy(blank, random.Random(seed), u, specks=False),
                                 random.Random(seed + 9), u, specks=False)
        inner = (slice(int(5 * u), -int(5 * u)), slice(int(5 * u), -int(5 * u)))
        assert (with_specks[inner] > 0.25).sum() > 5
        assert (without[inner] > 0.05).sum() == 0


def test_stm_page_is_a_grey_copy_of_a_copy(diplomas):
    """The rendered STM page against its blank as typed (same seed): grey, its paper
    specked where the blank was bare, and its frame's fine rules and the dotted lines
    thinner or gone while the bold heading grows."""
    page, _ = diplomas["stm_ketik_ulang", True]
    bare, _ = diplomas["stm_ketik_ulang", "bare"]
    u = 120 / 25.4
    g, b = _grey(page), _grey(bare)
    rgb = np.asarray(page).astype(int)
    assert (rgb.max(axis=2) - rgb.min(axis=2)).max() <= 12
    inner = (slice(int(200 * u), int(215 * u)), slice(int(30 * u), int(180 * u)))
    assert (b[inner] < 200).mean() == 0 and (g[inner] < 200).sum() > 0


# -- printed on an inkjet, scanned with the lid not pressed down --------------------------------

def test_inkjet_print_lays_passes_and_a_clogged_nozzles_lines():
    """A page of even grey printed: its rows' darkness steps between the head's passes,
    and some rows (the clogged nozzles') stand far paler than their neighbours."""
    dpi = 200
    arr = np.full((mm_px(60, dpi), mm_px(40, dpi), 3), 120, np.float32)
    for seed in range(3):
        out = IG28.inkjet_print(arr, random.Random(seed), dpi / 25.4).mean(axis=(1, 2))
        rows = out[10:-10]
        assert np.percentile(rows, 90) - np.percentile(rows, 10) > 4
        assert (rows - np.median(rows)).max() > 15


def _grid(dpi: int) -> Image.Image:
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(297, dpi), mm_px(210, dpi)), (250, 250, 250))
    d = ImageDraw.Draw(page)
    for y in np.arange(10, 205, 4):
        d.line([(0, y * u), (page.width, y * u)], fill=(0, 0, 0), width=max(1, round(0.2 * u)))
    for x in np.arange(10, 292, 4):
        d.line([(x * u, 0), (x * u, page.height)], fill=(0, 0, 0), width=max(1, round(0.2 * u)))
    return page


def test_tutup_renggang_darkens_softens_and_bends_along_its_lifted_edge(monkeypatch):
    """A ruled grid scanned with the lid up, each look on and off (same draws): the lifted
    edge darker than the middle (and a dark gap past it), the lines there softer, and
    those running across that edge bent there (most towards their ends) while the middle
    stays."""
    dpi = 60
    page = _grid(dpi)
    edges = set()
    plans = []
    plan_of = IG28.lid_plan

    def recorded(*a, **k):
        plans.append(plan_of(*a, **k))
        return plans[-1]
    monkeypatch.setattr(IG28, "lid_plan", recorded)
    for seed in range(5):
        plans.clear()
        full = {k: np.asarray(IG28.tutup_renggang(page, random.Random(seed), dpi, **{k: False}))
                .astype(float).mean(axis=2) for k in ("bend", "shade", "blur")}
        both = np.asarray(IG28.tutup_renggang(page, random.Random(seed), dpi)).astype(float) \
            .mean(axis=2)
        plan = plans[-1]
        assert all(p["edge"] == plan["edge"] for p in plans)   # the same draws each time
        edges.add(plan["edge"])
        h, w = both.shape
        reach = int(0.3 * plan["reach"]) + int(plan["gap"]) + 2
        gap = int(plan["gap"])
        edge = {"left": (slice(None), slice(gap + 1, reach)),
                "right": (slice(None), slice(w - reach, w - gap - 1)),
                "top": (slice(gap + 1, reach), slice(None)),
                "bottom": (slice(h - reach, h - gap - 1), slice(None))}[plan["edge"]]
        middle = (slice(h // 3, 2 * h // 3), slice(w // 3, 2 * w // 3))
        shaded = full["shade"][edge].mean() - both[edge].mean()
        assert shaded > 20 and abs(full["shade"][middle].mean() - both[middle].mean()) < 8
        blurred = np.abs(np.diff(both[edge], axis=0)).mean() \
            < np.abs(np.diff(full["blur"][edge], axis=0)).mean()
        assert blurred
        moved = np.abs(full["bend"] - both)
        ends = np.zeros((h, w), bool)   # where the bend shows most: towards the ends of the
        ends[edge] = True               # lines that cross the edge, or all along it
        if plan["edge"] in ("left", "right"):
            ends[h // 4:3 * h // 4] = False
        else:
            ends[:, w // 4:3 * w // 4] = False
        assert moved[ends].mean() > 3 and moved[middle].mean() < 0.5
        past = {"left": (slice(None), slice(0, gap)), "right": (slice(None), slice(w - gap, w)),
                "top": (slice(0, gap), slice(None)), "bottom": (slice(h - gap, h), slice(None))}
        assert both[past[plan["edge"]]].mean() < 50
    assert len(edges) >= 2


def test_paket_c_page_is_dark_along_one_edge_only(diplomas):
    """The rendered certificate against its page as drawn (same seed): one edge of the
    sheet far darker than the opposite one, the middle about as it was."""
    page, _ = diplomas["paket_c_tutup_renggang", True]
    bare, _ = diplomas["paket_c_tutup_renggang", "bare"]
    g, b = _grey(page).astype(float), _grey(bare).astype(float)
    h, w = g.shape
    band = 25
    drops = {"left": (b[:, :band] - g[:, :band]).mean(),
             "right": (b[:, -band:] - g[:, -band:]).mean(),
             "top": (b[:band] - g[:band]).mean(), "bottom": (b[-band:] - g[-band:]).mean()}
    top = max(drops, key=drops.get)
    opposite = {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}[top]
    assert drops[top] > drops[opposite] + 40
    assert abs((b - g)[h // 3:2 * h // 3, w // 3:2 * w // 3].mean()) < 10
