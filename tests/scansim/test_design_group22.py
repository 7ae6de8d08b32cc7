"""The twenty-second held-out group of card and diploma designs: kept apart (registered in
group 22, never drawn unasked, listed by the benchmark), what is new on them shows on the
rendered cards and pages (a card copied onto kertas buram, grey and flecked; a card copy
scanned with a paper clip over it; an English-first university diploma naming its holder
in a blackletter, scanned with a sticky note on it; an SMU diploma filled in by a
dot-matrix printer off its lines, stapled with a corner folded down), what is printed is
the truth, their faces' files are installed, and the earlier designs keep their drawing
(the new looks are off on all of them). No reader runs here."""
from __future__ import annotations

import dataclasses
import random
import re

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group22 as IG22
from scansim import ktp_designs as KD
from scansim import ktp_group22 as KG22
from scansim.draw import mm_px
from scansim.ktp import make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_22,
    KTP_22,
    _card,
    _faces_from_new_packages,
    _grey,
    _listed_apart,
    _new_ktp_group,
    _pair,
    _printed,
    _two_colour_lines,
)


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261222)


def test_group_22_is_held_out_and_listed():
    assert KD.HELD_OUT_22 == KTP_22 and IJ.HELD_OUT_22 == IJAZAH_22
    _listed_apart(22, KTP_22, IJAZAH_22)


def test_group_22_differs_from_every_earlier_design():
    earlier = _new_ktp_group(22, KD.HELD_OUT_22)
    _faces_from_new_packages(earlier, KTP_22)
    buram, klip = (KD.DESIGNS[n] for n in KTP_22)
    assert buram.buram > 0 and not buram.klip
    assert klip.klip > 0 and not klip.buram
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.buram or e.klip for e in earlier)
    assert {"nitik", "insang"} <= set(KD.PATTERNS)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_22_backgrounds_have_both_colours(dpi):
    """Nitik and insang: marks in both of each print's colours."""
    _two_colour_lines("undotum_buram", 3, dpi, 0.01)
    _two_colour_lines("sawarabi_klip", 4, dpi, 0.01)


# -- copied onto kertas buram -------------------------------------------------------------

@pytest.mark.parametrize("dpi", [200, 300])
def test_buram_is_grey_beige_and_flecked(dpi):
    """A white card copied onto buram comes out a grey-beige (redder than it is blue, far
    from white), cloudy, with dark flecks here and there; a pale tint is dropped to the
    paper's own grey."""
    u = dpi / 25.4
    out = KG22.buram_copy(_card((255, 255, 255), dpi), random.Random(1), 0.8, dpi)
    rgb = np.asarray(out).reshape(-1, 3).astype(float).mean(axis=0)
    assert 180 < rgb.mean() < 205 and rgb[0] - rgb[2] > 12
    grey = _grey(out)
    assert (grey < 110).sum() / (grey.size / u ** 2) > 0.1       # flecks per mm²
    assert np.percentile(grey, 99) - np.percentile(grey, 1) > 30
    tint = KG22.buram_copy(_card((200, 214, 206), dpi), random.Random(1), 0.8, dpi)
    assert abs(_grey(tint).mean() - grey.mean()) < 10


@pytest.mark.parametrize("dpi", [200, 300])
def test_buram_toner_stays_dark_but_breaks_up(dpi):
    """A solid black bar stays dark on buram, but the rough sheet leaves pin-holes in it."""
    u = dpi / 25.4
    card = _card((255, 255, 255), dpi)
    ImageDraw.Draw(card).rectangle([10 * u, 10 * u, 30 * u, 16 * u], fill=(20, 20, 20))
    bar = _grey(KG22.buram_copy(card, random.Random(2), 0.8, dpi))[
        int(11 * u):int(15 * u), int(11 * u):int(29 * u)]
    assert np.median(bar) < 70
    assert 0.003 < (bar > 110).mean() < 0.2


@pytest.mark.parametrize("dpi", [200, 300])
def test_undotum_buram_card_is_on_buram(people, dpi):
    """The card as drawn against the same card not copied onto buram: its ground grey-beige
    and flecked where the bare card is a pale tint, the NIK's digits still dark."""
    u = dpi / 25.4
    des = KD.DESIGNS["undotum_buram"]
    card, bare, truth = _pair(people[0], "undotum_buram", dpi, dpi, buram=0.0)
    ground = (slice(int(47 * u), int(52 * u)), slice(int(30 * u), int(55 * u)))
    assert np.asarray(card)[ground].reshape(-1, 3).mean() < \
        np.asarray(bare)[ground].reshape(-1, 3).mean() - 10
    grey = _grey(card)
    nik = grey[int(des.nik_y_mm * u):int((des.nik_y_mm + des.nik_mm) * u),
               int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
    assert (nik < 110).mean() > 0.08
    assert truth["nik"] == people[0]["nik"] and truth["design"] == "undotum_buram"


@pytest.mark.parametrize("color", [True, False])
def test_buram_copy_page_is_all_buram(people, color):
    """On a copy page with the back, the sheet round the cards is buram's grey, not the
    near white of a copy on ordinary paper; the cards' print stays dark."""
    page, truth = make_ktp_copy_page(people[1], rng=random.Random(8), dpi=150, color=color,
                                     back=True, design="undotum_buram")
    grey = _grey(page)
    sheet = np.ones_like(grey, bool)
    for box in (truth["card_box"], truth["back_box"]):
        x0, y0, x1, y1 = box
        sheet[max(0, y0 - 10):y1 + 10, max(0, x0 - 10):x1 + 10] = False
    assert 150 < np.median(grey[sheet]) < 232
    plain, _ = make_ktp_copy_page(people[1], rng=random.Random(8), dpi=150, color=color,
                                  back=True, design="sawarabi_klip")
    assert np.median(_grey(plain)) > np.median(grey[sheet]) + 15


# -- a paper clip over the copy -----------------------------------------------------------

def test_clip_mask_is_two_legs_and_a_round_end():
    """The wire: two legs the clip's width apart from the card's top edge down, joined by a
    round end at its depth; nothing below it nor between the legs above the end."""
    dpi = 300
    u = dpi / 25.4
    mask = KG22.clip_mask(_card(dpi=dpi).size, 30.0, 7.0, 20.0, 0.8, dpi)
    row = mask[int(5 * u)]
    on = np.nonzero(row > 0.5)[0] / u
    assert len(on) and abs(on.min() - 26.5) < 0.6 and abs(on.max() - 33.5) < 0.6
    assert row[int(28 * u):int(32 * u)].max() < 0.1              # between the legs
    assert mask[int(19.6 * u), int(29.5 * u):int(30.5 * u)].max() > 0.5   # the round end
    assert mask[int(20.8 * u):].max() < 0.05


@pytest.mark.parametrize("dpi", [200, 300])
def test_klip_is_a_dark_wire_with_a_glint_and_shade_round_it(dpi):
    """On a white card the clip comes in from the top edge where it is put: dark steel
    with a bright glint along it, the paper shaded round it, the rest as it was."""
    u = dpi / 25.4
    out = _grey(KG22.klip(_card(dpi=dpi), random.Random(3), 0.8, dpi, x_mm=40.0))
    changed = np.abs(out - 255) > 4
    ys, xs = np.nonzero(changed)
    assert xs.min() > (40 - 4.25 - 4) * u and xs.max() < (40 + 4.25 + 4) * u
    assert ys.max() < (24 + 4) * u
    wire = out[int(4 * u):int(8 * u), int(33 * u):int(47 * u)]
    assert wire.min() < 90 and wire.max() > 240
    row = out[int(6 * u), :int(40 * u)]                          # across the left leg
    dark = np.nonzero(row < 110)[0]
    assert len(dark) and dark.max() - dark.min() < 1.2 * u
    assert row[dark.min():dark.max() + 1].max() > row[dark].min() + 50   # the glint
    shade = out[int(4 * u):int(8 * u)]
    assert ((shade > 200) & (shade < 250)).sum() > 2 * u     # the paper shaded near it


@pytest.mark.parametrize("dpi", [200, 300])
def test_sawarabi_klip_card_has_the_clip_at_its_top(people, dpi):
    """The card as drawn against the same card without the clip: changed only in the
    clip's reach from the top edge; the back (copied without a clip) is as it was."""
    u = dpi / 25.4
    card, bare, truth = _pair(people[2], "sawarabi_klip", dpi, dpi, klip=0.0)
    diff = np.abs(_grey(card) - _grey(bare)) > 30
    assert diff.sum() / u ** 2 > 4                                 # mm² of wire
    assert not diff[int((24 + 4) * u):].any()
    back = make_ktp_back(rng=random.Random(1), dpi=100, design="sawarabi_klip")
    plain = make_ktp_back(rng=random.Random(1), dpi=100,
                          design=dataclasses.replace(KD.DESIGNS["sawarabi_klip"], klip=0.0))
    assert back.tobytes() == plain.tobytes()
    assert truth["nik"] == people[2]["nik"]


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", KTP_22)
def test_group_22_copies_stay_legible(people, name, color):
    """On a grey or colour copy page at 200 dpi the card's print is still far darker than
    the card round it."""
    page, truth = make_ktp_copy_page(people[3], rng=random.Random(3), dpi=200, color=color,
                                     design=name)
    x0, y0, x1, y1 = truth["card_box"]
    inner = _grey(page)[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4,
                        x0 + (x1 - x0) // 8:x0 + (x1 - x0) // 2]
    assert np.percentile(inner, 50) > 150 and np.percentile(inner, 3) < 110
    assert truth["design"] == name and truth["nik"] == people[3]["nik"]


@pytest.mark.parametrize("name", KTP_22)
def test_group_22_cards_are_deterministic(people, name):
    a, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    b, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    assert a.tobytes() == b.tobytes()
    back = make_ktp_back(rng=random.Random(1), dpi=100, design="undotum_buram")
    plain = make_ktp_back(rng=random.Random(1), dpi=100,
                          design=dataclasses.replace(KD.DESIGNS["undotum_buram"], buram=0.0))
    assert back.size == a.size and back.tobytes() != plain.tobytes()   # the same sheet


# -- diplomas -----------------------------------------------------------------------------

def test_group_22_diplomas_differ_and_are_numbered(people):
    gotik, smu = (IJ.get_design(n) for n in IJAZAH_22)
    assert IJ.programs_of(gotik) == ["S1", "S2"] and IJ.programs_of(smu) == ["SMA"]
    for k in range(3):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="sarjana_gotik")
        assert truth["jenjang"] in ("S1", "S2") and truth["group"] == 22 and truth["held_out"]
        assert truth["nama"] == people[k]["nama"].upper()
        assert re.fullmatch(rf"U[A-Z]+\.{truth['tahun']}\.{truth['jenjang']}\.\d{{6}}",
                            truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="smu_matriks")
        assert truth["jenjang"] == "SMA" and 1996 <= truth["tahun"] <= 2003
        assert truth["nama"] == people[k]["nama"].upper()
        assert truth["sekolah"].startswith("SMU NEGERI ")
        assert re.fullmatch(r"\d\d Mu \d{7}", truth["nomor"])


@pytest.mark.parametrize("name", IJAZAH_22)
def test_group_22_diplomas_print_the_truth(people, name, monkeypatch):
    """The holder's name is printed whole (in Title Case in the blackletter; in capitals
    letter by letter by the dot-matrix printer), the level as the page names it, the
    year and the number as the truth has them."""
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(6), dpi=60, design=name)
    joined = " ".join(texts)
    if name == "sarjana_gotik":
        assert truth["nama"].title() in texts
        at = texts.index("This is to certify that")
        assert texts[at + 1] == "dengan ini menyatakan bahwa"
        assert texts.index("Place and Date of Birth") < texts.index("Tempat dan Tanggal Lahir")
        degree = {"S1": "Bachelor of Engineering", "S2": "Master of Engineering"}
        assert degree[truth["jenjang"]] in texts
    else:
        letters = "".join(t for t in texts if len(t) == 1 and t != ":")
        assert truth["nama"].replace(" ", "") in letters
        assert "SEKOLAH MENENGAH UMUM" in texts and "SEKOLAH MENENGAH ATAS" not in joined
        assert f"No. {truth['nomor']}" in texts and "dari SMU Negeri" in joined
    assert str(truth["tahun"]) in joined and truth["nomor"] in joined


def _form_page(dpi: int):
    """A blank A4 page to draw the SMU's rows on, and its design."""
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 250))
    return IJ._Page(img, dpi, (25, 25, 30)), IJ.get_design("smu_matriks")


ROWS = [("tempat dan tanggal lahir", "Sampit, 3 Mei 1980"),
        ("nomor induk siswa nasional", "0012345678"),
        ("nama orang tua/wali", "Sukardi"), ("satuan pendidikan", "Smu Negeri 2 Sampit")]


def _ribbon_centre(p, dpi: int) -> np.ndarray:
    """Where (mm) the ribbon's dots of the name's row lie, on average."""
    u = dpi / 25.4
    rgb = np.asarray(p.img).astype(int)
    ribbon = (np.abs(rgb - np.array(IG22.RIBBON)).sum(axis=2) < 40)
    ribbon[:, :int(84 * u)] = False                              # right of the colons,
    ribbon[:int(106 * u)] = False                                # the name's row only
    ribbon[int(118 * u):] = False
    ys, xs = np.nonzero(ribbon)
    return np.array([xs.mean(), ys.mean()]) / u


@pytest.mark.parametrize("dpi", [150, 300])
def test_the_printers_pass_runs_off_the_lines(dpi, monkeypatch):
    """The values printed on a pass set right and down run that far from where a pass in
    place puts them (the dotted lines stay), and the name's box follows them."""
    monkeypatch.setattr(IG22, "PASS_MM", {"dx": (0.0, 0.0), "dy": (0.0, 0.0),
                                          "turn": (0.0, 0.0)})
    p, dz = _form_page(dpi)
    IG22.matriks_isian(p, dz, 100.0, "SITI AMINAH", ROWS, (3.6, 6.5))
    at, box = _ribbon_centre(p, dpi), p.name_box
    monkeypatch.setattr(IG22, "PASS_MM", {"dx": (2.0, 2.0), "dy": (-1.5, -1.5),
                                          "turn": (0.0, 0.0)})
    q, _ = _form_page(dpi)
    IG22.matriks_isian(q, dz, 100.0, "SITI AMINAH", ROWS, (3.6, 6.5))
    moved = _ribbon_centre(q, dpi) - at
    assert abs(moved[0] - 2.0) < 0.3 and abs(moved[1] + 1.5) < 0.3
    assert abs(q.name_box[0] - box[0] - 2.0) < 0.05 and abs(q.name_box[1] - box[1] + 1.5) < 0.05


def _holes(img: Image.Image, box) -> float:
    """How much a 3x3 closing fills in of the ink in ``box`` (pixels), as a share of it:
    the gaps between dots a solid stroke has not."""
    x0, y0, x1, y1 = box
    ink = np.uint8(_grey(img)[y0:y1, x0:x1] < 140)
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    return float((closed.sum() - ink.sum()) / ink.sum())


def test_the_name_is_struck_in_dots():
    """The name's strokes are a mesh of dots (a dot-matrix head's): closing their gaps
    adds far more ink than it adds to the same name set solid in the same face."""
    dpi = 300
    p, dz = _form_page(dpi)
    IG22.matriks_isian(p, dz, 100.0, "SITI AMINAH", ROWS, (3.6, 6.5))
    box = tuple(int(v * dpi / 25.4) for v in p.name_box)
    solid, _ = _form_page(dpi)
    solid.text(p.name_box[0], p.name_box[1], "SITI AMINAH", dz.name_face, 3.6 * 1.2)
    assert _holes(p.img, box) > 0.3 and _holes(solid.img, box) < 0.15


@pytest.mark.parametrize("place", ["corner", "photo"])
def test_memo_tempel_sticks_a_written_note(place):
    """On a white page a coloured square note where it is put (the top right corner or the
    photo's place at the foot on the left), written on, a shadow by it; the rest as it
    was."""
    dpi = 150
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 250))
    out = np.asarray(IG22.memo_tempel(img, random.Random(2), dpi, place=place)).astype(int)
    h, w, _ = out.shape
    coloured = (out.max(axis=2) - out.min(axis=2)) > 30
    assert coloured.sum() / u ** 2 > 1200                        # mm², a note 45-55 mm
    ys, xs = np.nonzero(coloured)
    if place == "corner":
        assert xs.min() > w - 70 * u and ys.max() < 70 * u
    else:
        assert xs.max() < w / 2 and ys.min() > h - 90 * u
    note = out[ys.min():ys.max(), xs.min():xs.max()].mean(axis=2)
    assert (note < 120).sum() / u ** 2 > 3                       # the handwriting
    grey = out.mean(axis=2)
    assert ((grey < 240) & ~coloured & (grey > 150)).any()        # its shadow
    rest = np.ones_like(coloured)
    rest[max(0, ys.min() - int(4 * u)):ys.max() + int(4 * u),
         max(0, xs.min() - int(4 * u)):xs.max() + int(4 * u)] = False
    assert np.abs(out[rest] - 250).max() == 0


@pytest.mark.parametrize("corner", sorted(IG22.FOLD_MM))
def test_a_dog_ear_shows_the_sheet_under_and_the_flaps_back(corner):
    """A page of one colour with its corner folded: at the very corner the white sheet
    under it (grey, not the page's colour), beside the fold the flap's back (the page's
    colour a little darker), away from the corner nothing changed."""
    dpi = 150
    u = dpi / 25.4
    colour = np.array([200, 228, 250])
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), tuple(colour))
    out = np.asarray(IG22.dog_ear(img, random.Random(4), dpi, corner)).astype(int)
    h, w, _ = out.shape
    y = 2 if corner == "top_right" else h - 3
    tip = out[y, w - 3]
    assert tip.max() - tip.min() < 12 and np.abs(tip - colour).max() > 20
    back = np.abs(out - (0.95 * colour).astype(int)).max(axis=2) <= 3
    assert back.sum() / u ** 2 > 0.3 * IG22.FOLD_MM[corner][0] ** 2 / 2
    far = out[:, :w - int(60 * u)]
    assert np.abs(far - colour).max() == 0
    rows = slice(int(60 * u), h - int(60 * u))
    assert np.abs(out[rows] - colour).max() == 0


def test_a_staple_sits_in_the_top_left_corner():
    dpi = 200
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 250))
    out = _grey(IG22.staple(img, random.Random(1), dpi))
    ys, xs = np.nonzero(out < 150)
    assert len(xs) > 10 * u and xs.max() < 25 * u and ys.max() < 25 * u
    assert (out[int(25 * u):] == 250).all()


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_22)
def test_group_22_diplomas_draw_grey_and_colour(people, name, color):
    page, truth = IJ.make_ijazah(people[0], rng=random.Random(2), dpi=100, color=color,
                                 design=name)
    assert page.size == (mm_px(210, 100), mm_px(297, 100))
    rgb = np.asarray(page).astype(int)
    coloured = bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 20)
    assert coloured == color
    assert truth["color"] is color and truth["group"] == 22


@pytest.mark.parametrize("name", IJAZAH_22)
def test_group_22_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    b, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    assert a.tobytes() == b.tobytes()
