"""The twentieth held-out group of card and diploma designs: kept apart (registered in group
20, never drawn unasked, listed by the benchmark), what is new on them shows on the rendered
cards and pages (a card copied onto coloured paper, its toner uneven; a copy with a
fingertip over a corner and a crease across it; a diploma whose holder's name is set
letter-spaced, a red stamp over the signature; an old madrasah diploma naming its holder
"bin"/"binti" the father, foxed and copied grey), what is printed is the truth, their faces'
files are installed, and the earlier designs keep their drawing (the new looks are off on
all of them). No reader runs here."""
from __future__ import annotations

import dataclasses
import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group20 as IG20
from scansim import ktp_designs as KD
from scansim import ktp_group20 as KG20
from scansim.draw import mm_px
from scansim.ijazah_group20 import foxing, name_lines, with_father
from scansim.ktp import make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.ktp_group20 import CORNER_MM, PAPERS, TONER, fingertip, hvs_copy
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_20,
    KTP_20,
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
    return make_people(4, seed=20261220)


def test_group_20_is_held_out_and_listed():
    assert KD.HELD_OUT_20 == KTP_20 and IJ.HELD_OUT_20 == IJAZAH_20
    _listed_apart(20, KTP_20, IJAZAH_20)


def test_group_20_differs_from_every_earlier_design():
    earlier = _new_ktp_group(20, KD.HELD_OUT_20)
    _faces_from_new_packages(earlier, KTP_20)
    hvs, lipat = (KD.DESIGNS[n] for n in KTP_20)
    assert hvs.hvs > 0 and not (hvs.fingertip or hvs.folded)
    assert lipat.fingertip > 0 and lipat.folded > 0 and not lipat.hvs
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.hvs or e.fingertip or e.folded for e in earlier)
    assert {"pucuk_rebung", "sulur"} <= set(KD.PATTERNS)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_20_backgrounds_have_both_colours(dpi):
    """Pucuk rebung and sulur: lines in both of each print's colours."""
    _two_colour_lines("averia_hvs", 3, dpi, 0.01)
    _two_colour_lines("neohellenic_lipat", 4, dpi, 0.01)


# -- a copy on coloured paper ------------------------------------------------------------

def _block(dpi: int, ground=(226, 236, 230)) -> Image.Image:
    """A tinted card with a solid dark bar over its middle and a very pale tint at its
    right end."""
    u = dpi / 25.4
    img = _card(ground, dpi)
    d = ImageDraw.Draw(img)
    d.rectangle([5 * u, 15 * u, 60 * u, 40 * u], fill=(20, 20, 20))
    d.rectangle([66 * u, 5 * u, 84 * u, 50 * u], fill=(244, 244, 244))
    return img


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_hvs_copy_lays_toner_on_the_paper_colour(dpi, paper):
    """Every dot lies between the toner and the paper's colour (the card's own colours
    gone); the pale tint comes out as bare paper; the dark bar stays dark but its toner
    lies in patches and bands (not flat)."""
    u = dpi / 25.4
    out, name = hvs_copy(_block(dpi), random.Random(4), 0.8, dpi, paper=paper)
    assert name == paper
    rgb = np.asarray(out).astype(float)
    colour, toner = np.array(PAPERS[paper], float), np.array(TONER, float)
    t = ((rgb - toner) @ (colour - toner)) / ((colour - toner) @ (colour - toner))
    off = np.linalg.norm(rgb - (toner + t[..., None] * (colour - toner)), axis=2)
    assert off.max() < 3                                   # on the toner-paper line only
    pale = rgb[int(8 * u):int(45 * u), int(68 * u):int(82 * u)].reshape(-1, 3)
    assert np.abs(pale.mean(axis=0) - colour).max() < 4    # the faintest tint dropped
    bar = _grey(out)[int(16 * u):int(39 * u), int(6 * u):int(59 * u)]
    assert bar.mean() < 90
    cells = bar[:bar.shape[0] // 8 * 8, :bar.shape[1] // 8 * 8].reshape(
        8, bar.shape[0] // 8, 8, bar.shape[1] // 8).mean(axis=(1, 3))
    assert np.ptp(cells) > 4                               # uneven toner


@pytest.mark.parametrize("dpi", [200, 300])
def test_averia_hvs_card_is_on_coloured_paper(people, dpi):
    """The card as drawn: its ground the colour of the paper its truth names, no other
    colour on it (the photo's red or blue ground gone); the same card not copied keeps
    its colours; the NIK's digits and values printed dark."""
    u = dpi / 25.4
    des = KD.DESIGNS["averia_hvs"]
    card, bare, truth = _pair(people[0], "averia_hvs", dpi, dpi, hvs=0.0)
    assert truth["kertas"] in PAPERS and "kertas" not in make_ktp(
        people[0], rng=random.Random(dpi), dpi=dpi, design=dataclasses.replace(des, hvs=0.0)
    )[1]
    colour = np.array(PAPERS[truth["kertas"]], float)
    rgb = np.asarray(card).astype(float)
    ground = np.percentile(rgb[int(50 * u):, int(30 * u):int(55 * u)].reshape(-1, 3), 90,
                           axis=0)
    assert np.abs(ground - colour).max() < 16
    photo = rgb[int(20 * u):int(35 * u), int((des.photo_x_mm + 1) * u):
                int((des.photo_x_mm + 4) * u)].reshape(-1, 3)
    plain = np.asarray(bare).astype(float)[int(20 * u):int(35 * u),
                                            int((des.photo_x_mm + 1) * u):
                                            int((des.photo_x_mm + 4) * u)].reshape(-1, 3)
    assert np.ptp(plain.mean(axis=0)) > 60                  # red or blue, not copied
    assert np.ptp(photo.mean(axis=0) / colour) < 0.12      # grey toner on the paper
    grey = _grey(card)
    nik = grey[int(des.nik_y_mm * u):int((des.nik_y_mm + des.nik_mm) * u),
               int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
    assert (nik < 100).mean() > 0.12
    assert truth["nik"] == people[0]["nik"] and truth["design"] == "averia_hvs"


@pytest.mark.parametrize("color", [True, False])
def test_hvs_copy_page_and_back_share_the_paper(people, color):
    """On a copy page with the back, the sheet round the cards and both cards' grounds
    are the same paper: in colour, the paper's hue; in grey, one grey."""
    page, truth = make_ktp_copy_page(people[1], rng=random.Random(8), dpi=150, color=color,
                                     back=True, design="averia_hvs")
    rgb = np.asarray(page).astype(float)
    sheet = np.median(rgb[:40, :40].reshape(-1, 3), axis=0)
    colour = np.array(PAPERS[truth["kertas"]], float)
    for box in (truth["card_box"], truth["back_box"]):
        x0, y0, x1, y1 = box
        inner = rgb[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4, x0 + (x1 - x0) // 3:
                    x1 - (x1 - x0) // 3].reshape(-1, 3)
        assert np.abs(np.percentile(inner, 90, axis=0) - sheet).max() < 30
    if color:
        assert np.argmin(sheet) == np.argmin(colour) and np.ptp(sheet) > 15
    else:
        assert np.ptp(sheet) < 1
    plain = make_ktp_back(rng=random.Random(1), dpi=100, design="averia_hvs", paper="kuning")
    back = np.asarray(plain).astype(float)
    assert np.percentile(back[..., 2], 90) < np.percentile(back[..., 0], 90) - 40


# -- a fingertip on the glass, a folded copy ---------------------------------------------

def _rows_block(dpi: int) -> Image.Image:
    """A tinted card with a dark bar in every row of the labels' column, the NIK's and
    the values' places."""
    u = dpi / 25.4
    img = _card((226, 236, 230), dpi)
    d = ImageDraw.Draw(img)
    for k in range(12):
        y = (15.6 + 2.95 * k) * u
        d.rectangle([2.5 * u, y, 19 * u, y + 1.8 * u], fill=(30, 30, 30))
        d.rectangle([23 * u, y, 60 * u, y + 1.8 * u], fill=(30, 30, 30))
    d.rectangle([15.5 * u, 9.7 * u, 60 * u, 13.7 * u], fill=(30, 30, 30))
    return img


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("corner", sorted(CORNER_MM))
def test_fingertip_darkens_one_corner_only(dpi, corner):
    """The finger lies in its corner's room only: a dark blob of several square
    millimetres there (its pad lighter than the rest of it), nothing beyond, so the NIK's
    digits and the values' column stay as printed."""
    u = dpi / 25.4
    img = _rows_block(dpi)
    before = _grey(img)
    out = fingertip(img, random.Random(3), 0.85, dpi, corner=corner)
    after = _grey(out)
    changed = np.abs(after - before) > 12
    h, w = before.shape
    reach_x, reach_y = (int((c + 0.5) * u) for c in CORNER_MM[corner])
    xs = slice(w - reach_x, w) if corner.endswith("right") else slice(0, reach_x)
    ys = slice(h - reach_y, h) if corner.startswith("bottom") else slice(0, reach_y)
    room = np.zeros_like(changed)
    room[ys, xs] = True
    assert not (changed & ~room).any()
    dark = (after < 70) & room
    assert dark.sum() / u ** 2 > 25                          # mm², the finger off the glass
    lit = changed & (after > 80) & (after < 170)
    assert lit.sum() / u ** 2 > 4                            # its pad on the glass
    assert not changed[int(9.7 * u):int(13.7 * u), int(15.5 * u):int(60 * u)].any()   # NIK
    assert not changed[:, int(21 * u):int(61 * u)].any()     # the values


def test_crease_shifts_the_far_side_and_cracks_the_toner():
    """A crease across the card at 30 mm: the print under it shifted up or down a
    fraction of a millimetre, the print above it as it was (but for a faint shade near
    it); along it a broken pale line where the toner cracked off, a shadow beside it."""
    dpi = 300
    u = dpi / 25.4
    img = _card((150, 150, 150), dpi)
    d = ImageDraw.Draw(img)
    for k in range(16):   # bars of print, none within 4 mm of the crease
        y = (2 + 3.2 * k) * u
        if abs(y / u - 30.3) > 4:
            d.rectangle([0, y, img.width, y + 1.2 * u], fill=(20, 20, 20))
    arr = np.asarray(img, np.float32)
    at = 30.3 * u
    out = KG20._crease(arr, random.Random(6), u, across=True, at=at)
    grey = out.mean(axis=2)
    flat = arr.mean(axis=2)
    above = slice(0, int(at - 8 * u))
    assert np.abs(grey[above] - flat[above]).max() < 2
    below = slice(int(at + 2 * u), int(at + 20 * u))
    col = flat[:, int(40 * u)]
    moved = grey[below, int(40 * u)]
    shifts = [abs(s) for s in range(-5, 6)
              if np.abs(np.roll(col, s)[below] - moved).mean() < 8]
    assert shifts and 0.1 * u <= min(shifts) <= 0.35 * u + 1
    near = slice(int(at - 1.8 * u), int(at + 1.8 * u))      # the crease runs a little askew
    assert ((grey[near] > flat[near] + 40).any(axis=0)).mean() > 0.25   # toner cracked off
    assert ((grey[near] < flat[near] - 15).any(axis=0)).mean() > 0.9   # its shadow


@pytest.mark.parametrize("dpi", [200, 300])
def test_neohellenic_lipat_shows_a_finger_and_a_crease(people, dpi):
    """The card as drawn against the same card without the finger and the fold: a dark
    blob in one corner, a line across it where rows changed; the NIK's digits whole but
    for a crease down the card at most."""
    u = dpi / 25.4
    des = KD.DESIGNS["neohellenic_lipat"]
    card, bare, truth = _pair(people[2], "neohellenic_lipat", dpi, dpi, fingertip=0.0,
                              folded=0.0)
    grey, plain = _grey(card), _grey(bare)
    diff = np.abs(grey - plain) > 25
    h, w = grey.shape
    corners = [grey[:int(11 * u), :int(11 * u)], grey[:int(10 * u), -int(12 * u):],
               grey[-int(11 * u):, :int(17 * u)], grey[-int(11 * u):, -int(15 * u):]]
    assert max((c < 70).mean() for c in corners) > 0.25      # the finger
    rows = diff[int(16 * u):int(47 * u)].mean(axis=1)
    assert rows.max() > 0.2                                   # the crease's line across
    nik = diff[int(des.nik_y_mm * u):int((des.nik_y_mm + des.nik_mm) * u),
               int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
    assert nik.mean() < 0.12
    assert truth["nik"] == people[2]["nik"] and truth["design"] == "neohellenic_lipat"


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", KTP_20)
def test_group_20_copies_stay_legible(people, name, color):
    """On a grey or colour copy page at 200 dpi the card's print is still far darker than
    the paper round it."""
    page, truth = make_ktp_copy_page(people[3], rng=random.Random(3), dpi=200, color=color,
                                     design=name)
    x0, y0, x1, y1 = truth["card_box"]
    inner = _grey(page)[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4,
                        x0 + (x1 - x0) // 8:x0 + (x1 - x0) // 2]
    assert np.percentile(inner, 50) > 150 and np.percentile(inner, 3) < 80
    assert truth["design"] == name and truth["nik"] == people[3]["nik"]


@pytest.mark.parametrize("name", KTP_20)
def test_group_20_cards_are_deterministic(people, name):
    a, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    b, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    assert a.tobytes() == b.tobytes()
    back = make_ktp_back(rng=random.Random(1), dpi=100, design=name)
    plain = make_ktp_back(rng=random.Random(1), dpi=100,
                          design=dataclasses.replace(KD.DESIGNS[name], hvs=0.0, folded=0.0))
    assert back.size == a.size and back.tobytes() != plain.tobytes()   # the same copy


# -- diplomas ---------------------------------------------------------------------------

def _woman(person: dict) -> dict:
    return dict(person, jenis_kelamin="P", nama="Siti Aminah")


def test_group_20_diplomas_differ_and_are_numbered(people):
    renggang, ketik = (IJ.get_design(n) for n in IJAZAH_20)
    assert IJ.programs_of(renggang) == ["SMA", "MA"] and IJ.programs_of(ketik) == ["MTS", "MA"]
    assert renggang.seal_over and renggang.stamp_ink and ketik.patronym
    for k in range(3):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="sma_nama_renggang")
        assert truth["jenjang"] == "SMA" and truth["group"] == 20 and truth["held_out"]
        assert 2015 <= truth["tahun"] <= 2024 and truth["nama"] == people[k]["nama"].upper()
        assert re.fullmatch(rf"DN-\d\d/M-(SMA|MA)/K13/{truth['tahun'] % 100:02d}/\d{{7}}",
                            truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="mts_bin_ketik")
        assert truth["jenjang"] in ("SMP", "SMA") and 1978 <= truth["tahun"] <= 1993
        short = {"SMP": "MTs", "SMA": "MA"}[truth["jenjang"]]
        assert re.fullmatch(rf"{short}/\d\d/\d{{4}}/{truth['tahun']}", truth["nomor"])
        own, father = people[k]["nama"].upper(), truth["nama_ayah"]
        link = "BINTI" if people[k]["jenis_kelamin"] == "P" else "BIN"
        assert truth["nama"] == f"{own} {link} {father}" and truth["nama_diri"] == own
    _, truth = IJ.make_ijazah(_woman(people[0]), rng=random.Random(1), dpi=40,
                              design="mts_bin_ketik")
    assert truth["nama"].startswith("SITI AMINAH BINTI ") and truth["nama_ayah"]


def test_the_father_is_the_holders_own():
    """The same holder always has the same father; "bin" for a son, "binti" for a
    daughter; the father's name is one of the list, in capitals in the name."""
    person = make_people(1, seed=4)[0]
    assert with_father(person) == with_father(dict(person))
    son, father = with_father(dict(person, jenis_kelamin="L"))
    daughter, _ = with_father(dict(person, jenis_kelamin="P"))
    assert son == f"{person['nama'].upper()} BIN {father.upper()}"
    assert daughter == f"{person['nama'].upper()} BINTI {father.upper()}"
    assert father in IG20._data()["bin_ayah"]["fathers"]


def test_a_long_name_breaks_before_bin():
    """A name too long for its line goes on the next from "BIN"/"BINTI"; a short one stays
    whole or is broken there as the typist chose; nothing else is broken."""
    long = "MUHAMMAD RIZKI RAMADHAN BIN ABDUL RAHMAN"
    assert name_lines(long, False, random.Random(1)) == ["MUHAMMAD RIZKI RAMADHAN",
                                                         "BIN ABDUL RAHMAN"]
    assert name_lines("SITI BINTI IDRIS", False, random.Random(1)) == ["SITI", "BINTI IDRIS"]
    chosen = {tuple(name_lines("HERU BIN IBRAHIM", True, random.Random(k))) for k in range(40)}
    assert chosen == {("HERU BIN IBRAHIM",), ("HERU", "BIN IBRAHIM")}
    assert name_lines("BINSAR SIREGAR", False, random.Random(1)) == ["BINSAR SIREGAR"]


@pytest.mark.parametrize("name", IJAZAH_20)
def test_group_20_diplomas_print_the_truth(people, name, monkeypatch):
    """The holder's name is printed whole (letter by letter when spaced, word by word when
    typed, on one line or two), the level and the year as the truth has them."""
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(6), dpi=60, design=name)
    joined = " ".join(texts)
    if name == "sma_nama_renggang":
        letters = "".join(t for t in texts if len(t) == 1 and t.isalpha())
        assert truth["nama"].replace(" ", "") in letters
        assert ("SEKOLAH MENENGAH ATAS" if truth["program"] == "SMA" else "MADRASAH ALIYAH") \
            in joined
    else:
        words = truth["nama"].split()
        at = texts.index(words[0])
        assert [t for t in texts[at:] if t in words][:len(words)] == words
        assert "Nama" in texts and truth["nama_ayah"].title() in joined
        assert ("MADRASAH TSANAWIYAH" if truth["jenjang"] == "SMP" else "MADRASAH ALIYAH") \
            in joined
    assert str(truth["tahun"]) in joined and truth["nomor"] in joined


def _with_name_box(monkeypatch, cue: str, seen: dict) -> None:
    """Keep the name's box (mm) cue ``cue`` sets in ``seen``."""
    maker = IJ.CUE_MAKERS[cue]

    def holder(p, *args):
        y = maker(p, *args)
        seen["name"] = p.name_box
        return y
    monkeypatch.setattr(IJ, "CUE_MAKERS", {**IJ.CUE_MAKERS, cue: holder})


@pytest.mark.parametrize("dpi", [150, 300])
def test_sma_nama_renggang_name_is_letter_spaced(people, monkeypatch, dpi):
    """On the page each letter of the name stands apart: as many separate columns of ink
    as letters, the gaps between letters at least half a letter's height, the gap between
    words wider still; a red stamp lies by the signature below, none of it on the name."""
    u = dpi / 25.4
    seen: dict = {}
    _with_name_box(monkeypatch, "kepada_renggang", seen)
    page, truth = IJ.make_ijazah(people[2], rng=random.Random(3), dpi=dpi,
                                 design="sma_nama_renggang")
    x0, y0, x1, y1 = (int(v * u) for v in seen["name"])
    ink = _grey(page)[y0:y1, x0 - 2:x1 + 2] < 110
    cols = ink.any(axis=0)
    edges = np.flatnonzero(np.diff(cols.astype(int)))
    starts, ends = edges[::2] + 1, edges[1::2] + 1
    assert len(starts) == len(truth["nama"].replace(" ", ""))
    gaps = (starts[1:] - ends[:len(starts) - 1]) / u
    height = (y1 - y0) / u
    assert np.median(gaps) > 0.45 * height
    assert gaps.max() > 1.8 * np.median(gaps)                # between words
    rgb = np.asarray(page).astype(int)
    red = (rgb[..., 0] > 150) & (rgb[..., 0] - rgb[..., 1] > 70)
    ys, xs = np.nonzero(red)
    assert len(ys) / u ** 2 > 20 and ys.min() > y1 + 40 * u  # a red stamp, well below it
    assert xs.mean() > page.width * 0.5                      # at the signature, right


def test_mts_bin_ketik_is_a_grey_copy_of_a_foxed_yellow_sheet(people, monkeypatch):
    """Scanned in colour the page is grey all over (a grey photocopy); the same sheet not
    copied is yellowed with rust-brown spots; the name with "BIN" is typed on it."""
    dpi = 100
    page, truth = IJ.make_ijazah(people[0], rng=random.Random(5), dpi=dpi,
                                 design="mts_bin_ketik", color=True)
    rgb = np.asarray(page).astype(int)
    assert (rgb.max(axis=2) == rgb.min(axis=2)).all()
    monkeypatch.setitem(IJ.HAND_INS, "foxed_grey_copy", lambda img, rng, dpi: img)
    sheet, _ = IJ.make_ijazah(people[0], rng=random.Random(5), dpi=dpi,
                              design="mts_bin_ketik", color=True)
    paper = np.asarray(sheet).astype(float).reshape(-1, 3)
    assert np.median(paper[:, 0]) - np.median(paper[:, 2]) > 25   # yellowed
    assert " BIN " in truth["nama"] or " BINTI " in truth["nama"]


@pytest.mark.parametrize("dpi", [150, 300])
def test_foxing_is_clusters_of_rust_spots(dpi):
    """On white paper foxing leaves a few dozen separate spots, rust-brown (red over
    blue), most of them nearer an edge than the middle, the rest of the sheet as it was."""
    import cv2
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 248, 240))
    out = np.asarray(foxing(img, random.Random(7), dpi)).astype(int)
    spot = (out[..., 0] - out[..., 2]) > 25
    count, labels, stats, centres = cv2.connectedComponentsWithStats(np.uint8(spot))
    assert count - 1 >= 15
    h, w = spot.shape
    near = [min(x, w - x, y, h - y) < 45 * u for x, y in centres[1:]]
    assert sum(near) > 0.5 * len(near)
    assert spot.mean() < 0.05
    assert (out[~spot] >= np.array((250, 248, 240)) - 30).all()


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_20)
def test_group_20_diplomas_draw_grey_and_colour(people, name, color):
    page, truth = IJ.make_ijazah(people[0], rng=random.Random(2), dpi=100, color=color,
                                 design=name)
    assert page.size == (mm_px(210, 100), mm_px(297, 100))
    rgb = np.asarray(page).astype(int)
    coloured = bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 20)
    assert coloured == (color and name == "sma_nama_renggang")   # the other a grey copy
    assert truth["color"] is color and truth["group"] == 20


@pytest.mark.parametrize("name", IJAZAH_20)
def test_group_20_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    b, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    assert a.tobytes() == b.tobytes()
