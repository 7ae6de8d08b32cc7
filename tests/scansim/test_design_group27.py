"""The twenty-seventh held-out group of card and diploma designs: kept apart (registered in
group 27, never drawn unasked), what is new on them shows on the rendered pages (a card
copied lying on the holder's Kartu Keluarga: the family card's table round the card, the
other members' names and NIKs, never the holder's; on a copy page the whole family card
beside the card; a card photographed at night under a lamp: its yellow cast, the phone's
shadow below the name's line, a blur along one axis only, a dark table round it; an SMEA
diploma lettered in by hand and eaten by termites: its lines wavering, galleries and bore
holes through to the scanner's lid or a dark sheet, grazed paper and mud round them, all
of it off the name's and the number's lines; a STIKES diploma on copy-evident paper,
photocopied: its ground's hidden words, even with the ground on the print, come out on
the copy), what is printed is the truth, their faces' files are installed, and the
earlier designs keep their drawing (the new looks are off on all of them). No reader runs
here."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group27 as IG27
from scansim import ktp as KTP
from scansim import ktp_designs as KD
from scansim import ktp_group27 as KG27
from scansim.draw import mm_px
from scansim.ktp import ktp_fields, make_ktp_copy_page
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    _card,
    _diploma_faces,
    _diploma_faces_from_packages,
    _grey,
    _new_diploma_group,
    _new_looks,
    _pair,
    _printed,
    _two_colour_lines,
)

KTP_27 = ("aboriginal_keluarga", "bpg_malam")
IJAZAH_27 = ("smea_rayap", "stikes_salinan")
# The font package each of the group's new diploma faces comes from, by file name.
PACKAGES_27 = {"Jessen": "fonts-gotico-antiqua", "Hamlet": "fonts-gotico-antiqua",
               "BIZUDPMincho": "fonts-morisawa-bizud-mincho",
               "OldaniaADF": "fonts-adf-oldania", "damase": "fonts-mph-2b-damase",
               "LobsterTwo": "fonts-lobstertwo"}


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261227)


# -- the card group -------------------------------------------------------------------------

def test_group_27_differs_from_every_earlier_design():
    _new_looks(27, KTP_27, ("keluarga", "malam"), {"lurik", "sawat"})


def test_group_27_backgrounds_have_both_colours():
    """Lurik and sawat: marks in both of each print's colours."""
    _two_colour_lines("aboriginal_keluarga", 3, 200, 0.01)
    _two_colour_lines("bpg_malam", 4, 200, 0.01)


# -- copied lying on the family card ----------------------------------------------------------

def test_family_lists_only_other_people_with_nik_of_their_own(people):
    """The family card of a holder: three to five others, none with the holder's NIK or
    name, each NIK sixteen digits of the holder's district whose date is the member's
    birth (a woman's day plus 40), all apart; the card's number of the same district; the
    holder's own address; the same family for the same holder every time."""
    for k, person in enumerate(people):
        fields = ktp_fields(person, random.Random(k))
        kk = KG27.family(fields)
        assert kk == KG27.family(fields)
        members = kk["members"]
        assert 3 <= len(members) <= 5
        assert fields["nik"] not in {m["nik"] for m in members}
        assert fields["nama"] not in {m["nama"] for m in members} | {kk["kepala"]}
        assert len({m["nik"] for m in members}) == len(members)
        for m in members:
            assert re.fullmatch(r"\d{16}", m["nik"]) and m["nik"][:6] == fields["nik"][:6]
            day, month, year = m["tanggal"].split("-")
            shown = int(day) + (40 if m["sex"] == "PEREMPUAN" else 0)
            assert m["nik"][6:12] == f"{shown:02d}{month}{year[2:]}"
        assert re.fullmatch(r"\d{16}", kk["nomor"]) and kk["nomor"][:6] == fields["nik"][:6]
        assert kk["alamat"] == fields["alamat"] and members[0]["nama"] == kk["kepala"]
    drawn = {KG27.family(None, random.Random(s))["nomor"] for s in range(5)}
    assert len(drawn) == 5


def test_keluarga_lays_the_card_on_the_family_cards_table():
    """The picture with and without the card (same draws): they differ only where the
    card lies (its 86-91 % of the picture, as planned); round it the family card's ruled
    rows and print, dark marks over a part of the margin."""
    dpi = 150
    card = _card((236, 236, 236), dpi)
    ImageDraw.Draw(card).rectangle([10, 10, card.width - 10, card.height - 10],
                                   outline=(0, 0, 0), width=3)
    for seed in range(3):
        plan = KG27.keluarga_plan(card.size, random.Random(seed))
        a, b = (np.asarray(KG27.keluarga(card, random.Random(seed), 0.8, dpi, card=c))
                .astype(float).mean(axis=2) for c in (True, False))
        x, y, cw, ch = plan["card"]
        assert 0.85 < cw / card.width < 0.92
        changed = np.abs(a - b) > 25
        ys, xs = np.nonzero(changed)
        assert xs.min() >= x - 3 and xs.max() <= x + cw + 3
        assert ys.min() >= y - 3 and ys.max() <= y + ch + 3
        outside = np.ones(a.shape, bool)
        outside[max(0, y - 3):y + ch + 3, max(0, x - 3):x + cw + 3] = False
        assert (a[outside] < 100).mean() > 0.015                # the table's rules and print


def test_aboriginal_keluarga_card_prints_the_others_niks_round_it(people, monkeypatch):
    """The card as handed in: its own NIK drawn once (on the card), the family's NIKs and
    names drawn round it (the KK's table), the card's values all printed."""
    texts = _printed(monkeypatch)
    card, truth = KTP.make_ktp(people[1], rng=random.Random(4), dpi=100,
                               design="aboriginal_keluarga")
    kk = KG27.family(truth)
    assert texts.count(truth["nik"]) == 1
    for m in kk["members"]:
        assert m["nik"] in texts and m["nama"] in texts
    assert "NIK" in texts and "Nama Lengkap" in texts
    for key in ("nama", "alamat", "tempat_tgl_lahir", "kecamatan"):
        assert truth[key] in texts


@pytest.mark.parametrize("dpi", [200])
def test_aboriginal_keluarga_card_differs_from_its_plain_self(people, dpi):
    card, bare, truth = _pair(people[2], "aboriginal_keluarga", dpi, dpi, keluarga=0.0)
    a, b = np.asarray(card).astype(float), np.asarray(bare).astype(float)
    assert np.abs(a - b).mean() > 10
    assert truth["nik"] == people[2]["nik"]


def test_keluarga_copy_page_has_the_family_card_beside_the_bare_card(people, monkeypatch):
    """The copy page: the family card reduced in the wider band beside the cards (its
    table's rules many long dark rows), its members' NIKs printed there; the card itself
    drawn bare (no family card round it in the card's box)."""
    boxes = []
    place = KTP.keluarga_page

    def recorded(page, rng, dpi, cards, fields=None):
        page, box = place(page, rng, dpi, cards, fields)
        boxes.append((box, cards))
        return page, box
    monkeypatch.setattr(KTP, "keluarga_page", recorded)
    monkeypatch.setattr(KTP, "keluarga", lambda *a, **k: pytest.fail("card drawn on the KK"))
    texts = _printed(monkeypatch)
    dpi = 100
    for k in range(2):
        page, truth = make_ktp_copy_page(people[k], rng=random.Random(k), dpi=dpi,
                                         color=bool(k), back=True,
                                         design="aboriginal_keluarga")
        (x0, y0, x1, y1), cards = boxes[-1]
        above, below = cards[1], page.height - cards[3]
        assert (y0 + y1) / 2 < page.height / 2 if above >= below else \
            (y0 + y1) / 2 > page.height / 2
        grey = _grey(page)
        free = np.ones(grey.shape, bool)
        free[cards[1]:cards[3], cards[0]:cards[2]] = False
        kk = (grey < 120)[max(0, y0):y1, max(0, x0):x1][free[max(0, y0):y1, max(0, x0):x1]]
        assert kk.mean() > 0.03 and (x1 - x0) > 0.55 * page.width
        for m in KG27.family(truth)["members"]:
            assert m["nik"] in texts
        cx0, cy0, cx1, cy1 = truth["card_box"]
        assert (grey[cy0:cy1, cx0:cx1] < 110).mean() > 0.02
    assert "KARTU KELUARGA" in texts


# -- photographed at night under a lamp -----------------------------------------------------

def test_night_plan_keeps_the_shadow_below_the_name_and_blurs_along_one_axis():
    """Over many cards: the phone's move near level or near upright, 0.3-0.65 mm long at
    most; the lamp warm (red over green over blue); all of the phone's shadow below the
    NIK's and name's lines."""
    des = KD.DESIGNS["bpg_malam"]
    for dpi in (150, 300):
        u = dpi / 25.4
        size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
        clear = (des.first_y_mm + des.text_mm + 0.8) * u
        angles = set()
        for seed in range(40):
            plan = KG27.night_plan(size, random.Random(seed), u, 0.8, clear=clear)
            off = plan["angle"] % 90
            assert min(off, 90 - off) <= 8.01
            angles.add(round(plan["angle"] / 90))
            assert 0.18 * u <= plan["blur"] <= 0.65 * u
            r, g, b = plan["lamp"]
            assert r > g > b
            assert plan["shadow_at"][1] - 1.3 * plan["shadow_r"][1] >= clear - 1e-6
        assert angles == {0, 1}


def _checker(dpi: int) -> Image.Image:
    """A card of black and white squares 1 mm across."""
    u = dpi / 25.4
    card = _card((255, 255, 255), dpi)
    d = ImageDraw.Draw(card)
    for i in range(int(card.width / u) + 1):
        for j in range(int(card.height / u) + 1):
            if (i + j) % 2:
                d.rectangle([i * u, j * u, (i + 1) * u - 1, (j + 1) * u - 1], fill=(0, 0, 0))
    return card


def test_malam_blurs_along_its_axis_only():
    """A checkerboard photographed with and without the phone's move (same draws): the
    edges across the move's axis lose far more of their sharpness (the energy of the
    differences between neighbours) than those along it."""
    dpi = 150
    u = dpi / 25.4
    card = _checker(dpi)
    for seed in range(4):
        plan = KG27.night_plan(card.size, random.Random(seed), u, 0.8)
        a, b = (np.asarray(KG27.malam(card, random.Random(seed), 0.8, dpi, shadow=False,
                                      blur=t)).astype(float).mean(axis=2) for t in (True, False))
        inner = (slice(int(8 * u), -int(8 * u)), slice(int(8 * u), -int(8 * u)))
        gx = [np.square(np.diff(x[inner], axis=1)).mean() for x in (a, b)]
        gy = [np.square(np.diff(x[inner], axis=0)).mean() for x in (a, b)]
        along_x, along_y = gx[0] / gx[1], gy[0] / gy[1]
        level = round(plan["angle"] / 90) == 0
        assert (along_x < 0.85 * along_y) if level else (along_y < 0.85 * along_x), seed


def test_malam_is_warm_dark_round_the_card_and_shades_below_the_name():
    """A white card at night: yellow (red well over blue) in its middle; round it the
    table, darker than the card; the shadow (with against without, same draws) darkens
    only rows below the name's line, on a good part of the card."""
    dpi = 100
    u = dpi / 25.4
    card = _card((255, 255, 255), dpi)
    des = KD.DESIGNS["bpg_malam"]
    clear = (des.first_y_mm + des.text_mm + 0.8) * u
    for seed in range(4):
        a, b = (np.asarray(KG27.malam(card, random.Random(seed), 0.8, dpi, clear=clear,
                                      shadow=s)).astype(float) for s in (True, False))
        h, w, _ = b.shape
        mid = b[int(0.35 * h):int(0.5 * h), int(0.35 * w):int(0.65 * w)].reshape(-1, 3)
        r, g, bl = mid.mean(axis=0)
        assert r > g + 15 and g > bl + 15 and r > bl + 50
        frame = np.concatenate([b[:2].reshape(-1, 3), b[-2:].reshape(-1, 3)]).mean()
        assert frame < mid.mean() - 40
        darker = (b - a).mean(axis=2) > 14
        ys, _ = np.nonzero(darker)
        assert darker.mean() > 0.03
        # the card lies at 93-97 % of the picture, centred, turned 2.5 degrees at most:
        # the name's line (a third of the way down) comes out below 0.3 of its height
        assert clear / u < 0.36 * 53.98 and ys.min() >= 0.3 * h


@pytest.mark.parametrize("dpi", [200])
def test_bpg_malam_card_differs_from_its_plain_self(people, dpi):
    card, bare, truth = _pair(people[3], "bpg_malam", dpi, dpi, malam=0.0)
    a, b = np.asarray(card).astype(float), np.asarray(bare).astype(float)
    assert np.abs(a - b).mean() > 10
    r, g, bl = a[a.shape[0] // 3:, :a.shape[1] // 2].reshape(-1, 3).mean(axis=0)
    assert r > bl + 30                                                 # the lamp's yellow
    assert truth["nik"] == people[3]["nik"]


# == diplomas: an SMEA's lettered in by hand and eaten by termites, a STIKES's copied ===

@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-27 diploma at 120 dpi in colour and in grey, and again in colour (same
    seed) without its finish, keyed with "bare"; the name's box each was drawn with."""
    out = {}
    for k, name in enumerate(IJAZAH_27):
        for color in (True, False):
            out[name, color] = IJ.make_ijazah(people[k], rng=random.Random(270), dpi=120,
                                              color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        boxes = {}

        def bare(img, rng, dpi, name_box=None):
            boxes["smea_rayap"] = name_box
            return img
        mp.setitem(IJ.HAND_INS, "rayap", bare)
        mp.setitem(IJ.HAND_INS, "salinan", lambda img, rng, dpi: img)
        for k, name in enumerate(IJAZAH_27):
            out[name, "bare"] = IJ.make_ijazah(people[k], rng=random.Random(270), dpi=120,
                                               color=True, design=name)
    out["name_box"] = boxes["smea_rayap"]
    return out


def test_group_27_diplomas_differ_from_every_earlier_design():
    earlier = _new_diploma_group(27, IJAZAH_27)
    smea, stikes = (IJ.get_design(n) for n in IJAZAH_27)
    assert IJ.programs_of(smea) == ["SMA"] and IJ.programs_of(stikes) == ["D3", "S1"]
    assert (smea.finish, stikes.finish) == ("rayap", "salinan")
    assert {smea.header, stikes.header} == {"smea_kepala", "stikes_kepala"}
    assert {smea.border, stikes.border} == {"cengkeh", "palang"}
    assert not {d.finish for d in earlier} & {"rayap", "salinan"}
    assert not {d.header for d in earlier} & {"smea_kepala", "stikes_kepala"}
    assert IJ.HAND_INS["rayap"] is IG27.rayap and IJ.HAND_INS["salinan"] is IG27.salinan
    # of the hand-ins up to this group, these two keep off the name
    upto = {d.finish for d in IJ.DESIGNS if d.group <= 27}
    assert IJ.CLEAR_OF_NAME & upto == {"sambung", "rayap"}
    assert _diploma_faces(smea).isdisjoint(_diploma_faces(stikes))


def test_group_27_faces_come_from_their_new_packages():
    _diploma_faces_from_packages(27, IJAZAH_27, PACKAGES_27)


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_27)
def test_group_27_diplomas_render_grey_and_colour(diplomas, people, name, color):
    page, truth = diplomas[name, color]
    assert page.size == (mm_px(210, 120), mm_px(297, 120))
    rgb = np.asarray(page).astype(int)
    coloured = bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 40)
    if not color or name == "smea_rayap":
        assert coloured is color
    assert truth["group"] == 27 and truth["held_out"] and truth["design"] == name
    assert truth["nama"] == people[IJAZAH_27.index(name)]["nama"].upper()
    assert truth == dict(diplomas[name, not color][1], color=color)


def test_group_27_truth_is_as_the_designs_promise(people):
    for k in range(4):
        person = people[k]
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30, design="smea_rayap")
        assert truth["jenjang"] == truth["program"] == "SMA" and 1980 <= truth["tahun"] <= 1996
        assert re.fullmatch(r"SMEA NEGERI [A-Z ]+", truth["sekolah"])
        assert re.fullmatch(r"\d{2} Oc \d{6}", truth["nomor"])
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30,
                                  design="stikes_salinan")
        assert truth["jenjang"] == truth["program"] and truth["program"] in ("D3", "S1")
        assert 2012 <= truth["tahun"] <= 2023
        assert re.fullmatch(r"SEKOLAH TINGGI ILMU KESEHATAN [A-Z ]+", truth["sekolah"])
        assert re.fullmatch(rf"\d{{6}}{truth['tahun']}\d{{5}}", truth["nomor"])


def test_smea_prints_the_truth_lettered_on_its_rows(people, monkeypatch):
    words = IG27._data()["smea"]
    for k in range(3):
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=50, design="smea_rayap")
        assert f"No. {truth['nomor']}" in texts
        assert words["level"] in texts and "DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN" in texts
        assert f"TAHUN PELAJARAN {truth['tahun'] - 1}/{truth['tahun']}" in texts
        at = texts.index(truth["nama"])
        assert texts[at - 3:at - 1] == ["nama", ":"]
        assert texts[at - 4].startswith("Kepala SMEA Negeri ") or \
            texts[at - 5].startswith("Kepala SMEA Negeri ")
        assert any(t in words["majors"] for t in texts)
        town = truth["sekolah"].removeprefix("SMEA NEGERI ").title()
        assert f"dari SMEA Negeri {town} pada tahun {truth['tahun']}." in texts


def test_stikes_prints_the_truth_and_its_programmes_degree(people, monkeypatch):
    words = IG27._data()["stikes"]
    levels = set()
    for k in range(6):
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k % 4], rng=random.Random(k + 3), dpi=50,
                                  design="stikes_salinan")
        assert f"Nomor Ijazah Nasional : {truth['nomor']}" in texts
        assert truth["sekolah"] in texts
        at = texts.index(truth["nama"])
        assert texts[at - 1].endswith("menyatakan bahwa")
        assert any(t.startswith("Ketua Sekolah Tinggi Ilmu Kesehatan ") for t in texts[:at])
        assert texts[at + 1:at + 3] == [words["rows"][0], ":"] and texts[at + 3].isdigit()
        degrees = [d for _, d in words["studies"][truth["program"]]]
        assert any(d in texts for d in degrees)
        levels.add(truth["program"])
    assert levels == {"D3", "S1"}


@pytest.mark.parametrize("name", IJAZAH_27)
def test_group_27_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=30, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- lettered in by hand ------------------------------------------------------------------------

def test_lettered_line_wavers_and_its_ink_runs_paler():
    """A row of H lettered in: the feet of its stems do not stand on one straight line,
    and its ink is darker in some stretches than in others (the pen's dips)."""
    dpi = 300
    u = dpi / 25.4
    for seed in range(3):
        p = IJ._Page(Image.new("RGB", (mm_px(150, dpi), mm_px(20, dpi)), (255, 255, 255)),
                     dpi, (0, 0, 0))
        IG27.lettered(p, 5, 14, "H" * 24, "hamlet_tertia", 6.0, random.Random(seed),
                      ink=(0, 0, 0), anchor="ls")
        grey = np.asarray(p.img.convert("L")).astype(float)
        inked = grey < 128
        height = inked.sum(axis=0)
        cols = np.flatnonzero(height > 0.6 * height.max())      # the stems
        feet = np.array([np.flatnonzero(inked[:, c]).max() for c in cols])
        assert (feet.max() - feet.min()) / u > 0.15
        dark = [grey[:, c][inked[:, c]].mean() for c in cols]
        assert max(dark) - min(dark) > 25


# -- eaten by termites ----------------------------------------------------------------------

@pytest.mark.parametrize("at", [0.3, 0.5, 0.7])
def test_rayap_plan_keeps_off_the_name_and_the_number(at):
    """Wherever the name's line lies, every bite and bore hole keeps 3 mm off it and off
    the number; every gallery starts at the sheet's edge."""
    dpi = 60
    u = dpi / 25.4
    size = (mm_px(210, dpi), mm_px(297, dpi))
    name = (45.0, 297 * at - 4, 170.0, 297 * at + 4)
    keep = [IG27.SMEA_NUMBER, name]
    for seed in range(30):
        plan = IG27.rayap_plan(size, random.Random(seed), u, keep)
        assert plan["galleries"]
        for bites in plan["galleries"]:
            for x, y, r in bites + plan["bores"]:
                for x0, y0, x1, y1 in keep:
                    dx = max(x0 * u - x, 0, x - x1 * u)
                    dy = max(y0 * u - y, 0, y - y1 * u)
                    assert max(dx, dy) >= r + 3 * u - 1e-6
        starts = [b[0] for b in plan["galleries"] if b]
        edge = [min(x, y, size[0] - x, size[1] - y) for x, y, _ in starts]
        assert sum(e < 1 for e in edge) >= 2


def test_rayap_shows_the_lid_or_a_dark_sheet_through_the_holes_and_mud_round_them():
    """A mid-grey page through the termites: where the paper is gone the scanner's white
    lid or the dark sheet behind it (a hole's lip shaded on one side); round the holes
    paler grazed paper; brown mud in patches; elsewhere the page as it was."""
    dpi = 60
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (150, 140, 120))
    kinds = set()
    for seed in range(6):
        plan = IG27.rayap_plan(page.size, random.Random(seed), u, [IG27.SMEA_NUMBER])
        out = np.asarray(IG27.rayap(page, random.Random(seed), dpi)).astype(float)
        grey = out.mean(axis=2)
        kinds.add(plan["backing"])
        holes = grey > 225 if not plan["backing"] else grey < 60
        assert holes.mean() > 0.004
        brown = (out[..., 0] - out[..., 2] > 45) & (grey < 110)
        assert brown.sum() > 3
        pale = (grey > 158) & (grey < 215)
        assert pale.sum() > 20
        assert np.median(grey) == pytest.approx(136.7, abs=3)
    assert kinds == {True, False}


def test_smea_page_is_eaten_off_its_name(diplomas):
    """On the rendered SMEA page the name's box was handed to the termites and they keep
    off it; elsewhere the page has holes (the lid's white or the dark sheet where the
    unfinished page had its yellowed paper or print)."""
    page, _ = diplomas["smea_rayap", True]
    bare, _ = diplomas["smea_rayap", "bare"]
    box = diplomas["name_box"]
    assert box is not None
    u = 120 / 25.4
    rgb, plain = np.asarray(page).astype(float), np.asarray(bare).astype(float)
    changed = np.abs(rgb - plain).max(axis=2) > 40
    assert changed.mean() > 0.003
    x0, y0, x1, y1 = (round(v * u) for v in box)
    pad = round(1 * u)
    assert not changed[y0 - pad:y1 + pad, x0 - pad:x1 + pad].any()


# -- photocopied: the copy-evident ground's words come out ------------------------------------

@pytest.fixture(scope="module")
def ground():
    """A page of nothing but the copy-evident ground (150 dpi), its hidden words' mask, and
    its photocopy."""
    dpi = 150
    u = dpi / 25.4
    p = IJ._Page(Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 246)),
                 dpi, (0, 0, 0))
    plan = IG27.ground_plan((p.w, p.h), u, random.Random(5))
    IG27.copy_evident(p, random.Random(5), (24.0, 24.0, 186.0, 273.0))
    words = IG27.latent_mask((p.w, p.h), u, plan) > 0.5
    copy = IG27.salinan(p.img, random.Random(9), dpi)
    return p.img, words, copy, u


def test_copy_evident_ground_hides_its_words_on_the_print(ground):
    """On the print the words' coarse dots and the ground's fine dots lay the same tint:
    the words' areas and the ground's are within two levels of each other, both tinted."""
    page, words, _, u = ground
    grey = _grey(page).astype(float)
    inside = np.zeros(grey.shape, bool)
    inside[int(30 * u):int(265 * u), int(30 * u):int(180 * u)] = True
    on, off = grey[inside & words].mean(), grey[inside & ~words].mean()
    assert abs(on - off) < 2.5 and on < 242 and off < 242
    assert words[inside].mean() > 0.1


def test_salinan_brings_the_hidden_words_out(ground):
    """On the copy the ground's fine dots are gone to white and the words' coarse dots
    stay: the words' areas stand darker than the ground's, many of their pixels grey where
    the ground's are almost all white."""
    _, words, copy, u = ground
    grey = _grey(copy).astype(float)
    inside = np.zeros(grey.shape, bool)
    inside[int(40 * u):int(255 * u), int(40 * u):int(170 * u)] = True
    on, off = grey[inside & words].mean(), grey[inside & ~words].mean()
    assert off > 240 and on < off - 10
    dark_on, dark_off = (grey[inside & words] < 215).mean(), (grey[inside & ~words] < 215).mean()
    assert dark_on > 0.08 and dark_off < 0.01


def test_stikes_page_shows_the_words_under_its_print(monkeypatch):
    """On the rendered STIKES copy, where the unfinished page has no print, the hidden
    words' areas have grey dots the rest has not (or far fewer)."""
    plans = []
    plan_of = IG27.ground_plan

    def recorded(size, u, rng):
        plans.append(plan_of(size, u, rng))
        return plans[-1]
    monkeypatch.setattr(IG27, "ground_plan", recorded)
    page, _ = IJ.make_ijazah(make_people(1, seed=3)[0], rng=random.Random(8), dpi=120,
                             design="stikes_salinan", color=False)
    with monkeypatch.context() as mp:
        mp.setitem(IJ.HAND_INS, "salinan", lambda img, rng, dpi: img)
        bare, _ = IJ.make_ijazah(make_people(1, seed=3)[0], rng=random.Random(8), dpi=120,
                                 design="stikes_salinan", color=False)
    u = 120 / 25.4
    words = IG27.latent_mask(page.size, u, plans[0]) > 0.5
    plain = _grey(bare) > 200
    inside = np.zeros(plain.shape, bool)
    inside[int(40 * u):int(250 * u), int(40 * u):int(170 * u)] = True
    dark = _grey(page) < 215
    on, off = dark[inside & plain & words].mean(), dark[inside & plain & ~words].mean()
    assert on > 0.04 and on > 3 * off
