"""The twenty-fifth held-out group of card and diploma designs: kept apart (registered in
group 25, never drawn unasked), what is new on them shows on the rendered pages (a card
photographed off a screen: the viewer's black round a keystoned card, the screen's colour
mesh and moire bands, a window's reflection; a card printed from a tiny photo: its pixels
enlarged into blocks or smeared soft, the laser printer's dot screen, the JPEG's ringing;
a diploma framed behind glass on a wall: mat and moulding, keystoned from below, the
glass's reflections washing the print, a JPEG with its EXIF orientation; a diploma on a
dark green blank copied in grey: print and ground close, a stamp over the name), what is
printed is the truth, their faces' files are installed, and the earlier designs keep
their drawing (the new looks are off on all of them). No reader runs here."""
from __future__ import annotations

import random
import re

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageOps

from scansim import ijazah as IJ
from scansim import ijazah_group25 as IG25
from scansim import ktp_designs as KD
from scansim import ktp_group25 as KG25
from scansim.draw import mm_px
from scansim.people import make_people
from scansim.phone import EXIF_ORIENTATION_TAG
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

KTP_25 = ("eurofurence_layar", "dustismo_piksel")
IJAZAH_25 = ("stie_bingkai_kaca", "mts_cap_menimpa")
# The font package each of the group's new diploma faces comes from, by family name.
PACKAGES_25 = {"Dustismo": "fonts-dustin", "Gamaliel": "fonts-gamaliel",
               "Lemonada": "fonts-lemonada"}


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261225)


# -- the card group -------------------------------------------------------------------------

def test_group_25_differs_from_every_earlier_design():
    _new_looks(25, KTP_25, ("layar", "piksel"), {"kopi_pecah", "cakar_ayam"})


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_25_backgrounds_have_both_colours(dpi):
    """Kopi pecah and cakar ayam: marks in both of each print's colours."""
    _two_colour_lines("eurofurence_layar", 3, dpi, 0.01)
    _two_colour_lines("dustismo_piksel", 4, dpi, 0.01)




# -- photographed off a screen --------------------------------------------------------------

def _shown(dpi: int, seed: int, colour=(255, 255, 255), reflection: bool = False):
    """A blank card of ``colour`` through the screen photo, as floats (h, w, 3)."""
    card = _card(colour, dpi)
    return np.asarray(KG25.layar(card, random.Random(seed), 0.8, dpi,
                                 reflection=reflection)).astype(float)


@pytest.mark.parametrize("dpi", [200, 300])
def test_layar_lays_a_colour_mesh_and_moire_bands_over_a_white_card(dpi):
    """A white card on the screen comes out coloured: in its middle the pixels swing
    between reds, greens and blues (the stripes as the camera sampled them), and smoothed
    over a quarter of a millimetre the balance of red against blue still wanders across
    the card in bands (the moire), where a white card would be flat."""
    u = dpi / 25.4
    for seed in (1, 3):
        rgb = _shown(dpi, seed)
        h, w, _ = rgb.shape
        mid = rgb[int(0.25 * h):int(0.75 * h), int(0.25 * w):int(0.75 * w)]
        chroma = mid.max(axis=2) - mid.min(axis=2)
        assert chroma.mean() > 30
        tilt = cv2.GaussianBlur((mid[..., 0] - mid[..., 2]).astype(np.float32), (0, 0),
                                0.25 * u)
        assert tilt.std() > 8
        assert mid.mean() > 150                                  # the white still bright


@pytest.mark.parametrize("seed", [0, 3, 6])
def test_layar_shows_the_viewer_black_round_a_keystoned_card(seed):
    """Round the shown card the viewer's black (the picture's corners dark); the card
    fills most of the picture and is taller at its near side than at its far one."""
    dpi = 200
    grey = _shown(dpi, seed).mean(axis=2)
    h, w = grey.shape
    for cy, cx in ((0, 0), (0, w - 1), (h - 1, 0), (h - 1, w - 1)):
        assert grey[max(0, cy - 3):cy + 4, max(0, cx - 3):cx + 4].mean() < 60
    lit = grey > 90
    assert 0.7 < lit.mean() < 0.93
    left = lit[:, int(0.12 * w):int(0.16 * w)].any(axis=1).sum()
    right = lit[:, int(0.84 * w):int(0.88 * w)].any(axis=1).sum()
    assert abs(left - right) > 0.01 * h


def test_layar_window_reflection_washes_part_of_the_card():
    """A dark card: the same photo with and without the glass's reflection differs only
    by light added, strongly over a pane covering part of the card and hardly at all
    elsewhere."""
    dpi = 150
    with_, without = (_shown(dpi, 4, (30, 30, 30), reflection=r).mean(axis=2)
                      for r in (True, False))
    added = with_ - without
    assert added.min() > -12                                     # light only added
    strong = added > 30
    assert 0.08 < strong.mean() < 0.7
    assert (added < 12).mean() > 0.2


@pytest.mark.parametrize("dpi", [200, 300])
def test_layar_card_differs_from_its_plain_self(people, dpi):
    """Against the same card not photographed off a screen: darker and coloured at its
    edges (the viewer's black), the print's field block moved and carrying colour."""
    card, bare, truth = _pair(people[2], "eurofurence_layar", dpi, dpi, layar=0.0)
    a, b = np.asarray(card).astype(float), np.asarray(bare).astype(float)
    assert np.abs(a - b).mean() > 10
    edge = a[:, :3].mean()
    assert edge < 80 and b[:, :3].mean() > 150
    assert truth["nik"] == people[2]["nik"]


def test_layar_varies_from_card_to_card():
    a, b = (_shown(150, s) for s in (1, 2))
    assert np.abs(a - b).mean() > 5


# -- printed from a tiny photo ----------------------------------------------------------------

def _slanted(dpi: int) -> Image.Image:
    """A white card with a black shape whose left edge slants (a quarter pixel across for
    each pixel down)."""
    u = dpi / 25.4
    card = _card((255, 255, 255), dpi)
    h = card.height
    ImageDraw.Draw(card).polygon([(20 * u, 0), (35 * u, 0), (35 * u + 0.25 * h, h),
                                  (20 * u + 0.25 * h, h)], fill=(0, 0, 0))
    return card


def _stepped(grey: np.ndarray, dpi: int) -> float:
    """Down the slanted edge, row by row where the black begins: the share of rows lying
    in runs of six or more rows that begin at the same pixel (a staircase's treads)."""
    u = dpi / 25.4
    h = grey.shape[0]
    starts = [int(np.argmax(grey[y, int(10 * u):] < 128))
              for y in range(int(4 * u), h - int(4 * u))]
    runs, n = [], 1
    for a, b in zip(starts[:-1], starts[1:], strict=True):
        if a == b:
            n += 1
        else:
            runs.append(n)
            n = 1
    runs.append(n)
    return sum(r for r in runs if r >= 6) / len(starts)


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("seed", [0, 1])
def test_piksel_blocks_the_edges_or_smears_them(dpi, seed):
    """Enlarged as blocks, a slanting edge climbs in a staircase (it starts at the same
    pixel for a block's worth of rows, then jumps a block across); smeared soft, it moves
    a pixel at a time, every few rows, as the edge itself does."""
    card = _slanted(dpi)
    blok, halus = (np.asarray(KG25.piksel(card, random.Random(seed), 0.8, dpi, mode=m)
                              ).astype(float).mean(axis=2) for m in ("blok", "halus"))
    assert _stepped(blok, dpi) > 0.55
    assert _stepped(halus, dpi) < 0.35


def test_piksel_prints_grey_through_a_dot_screen():
    """A flat pale card comes out as a laser printer's dot screen scanned: grey (no
    colour even from a coloured card), about as dark on average, with a strong texture
    where the card was flat."""
    dpi = 300
    card = _card((205, 200, 215), dpi)
    rgb = np.asarray(KG25.piksel(card, random.Random(2), 0.8, dpi)).astype(float)
    assert np.abs(rgb[..., 0] - rgb[..., 2]).max() <= 3             # grey: a mono printer
    grey = rgb.mean(axis=2)[40:-40, 40:-40]
    assert 150 < grey.mean() < 235
    assert grey.std() > 10


@pytest.mark.parametrize("dpi", [200, 300])
def test_piksel_jpeg_rings_round_the_blocks(dpi):
    """Beside black bars the paper is not clean white: two to six pixels off their edges
    the scan's JPEG rings (a good share of the paper there a few levels off its white),
    where paper far from any print is clean."""
    u = dpi / 25.4
    card = _card((255, 255, 255), dpi)
    d = ImageDraw.Draw(card)
    for k in range(6):
        d.rectangle([(8 + 12 * k) * u, 15 * u, (14 + 12 * k) * u, 35 * u], fill=(0, 0, 0))
    grey = np.asarray(KG25.piksel(card, random.Random(3), 0.8, dpi, mode="blok")
                      ).astype(float).mean(axis=2)
    paper = np.median(grey[int(42 * u):int(50 * u)])
    dist = cv2.distanceTransform((grey >= 128).astype(np.uint8), cv2.DIST_L2, 3)
    off = np.abs(grey - paper) >= 3
    assert off[(dist >= 2) & (dist <= 6)].mean() > 0.15
    assert off[dist > 20].mean() < 0.01


@pytest.mark.parametrize("dpi", [200, 300])
def test_piksel_card_is_a_grey_coarse_print_of_itself(people, dpi):
    """Against the same card as printed: grey (a black-and-white printer), its fine
    detail gone (much less difference between neighbouring pixels in the photo's
    tints), yet the NIK's row still dark."""
    des = KD.DESIGNS["dustismo_piksel"]
    u = dpi / 25.4
    card, bare, truth = _pair(people[3], "dustismo_piksel", dpi, dpi, piksel=0.0)
    a, b = np.asarray(card).astype(float), np.asarray(bare).astype(float)
    assert np.abs(a[..., 0] - a[..., 2]).max() <= 3
    assert (b.max(axis=2) - b.min(axis=2)).mean() > 10
    nik = a[int(des.nik_y_mm * u):int((des.nik_y_mm + des.nik_mm) * u),
            int(15 * u):int(60 * u)].mean(axis=2)
    assert (nik < 110).mean() > 0.06
    assert truth["nik"] == people[3]["nik"]


# == diplomas: a school of economics' framed on a wall, a madrasah's dark blank ==========

@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-25 diploma at 200 dpi in colour and grey and at 300 dpi in colour, and
    again at 200 dpi (same seed) without its finish, keyed with "bare"."""
    out = {}
    for k, name in enumerate(IJAZAH_25):
        for dpi, color in ((200, True), (200, False), (300, True)):
            out[name, dpi, color] = IJ.make_ijazah(
                people[k], rng=random.Random(dpi), dpi=dpi, color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        for finish in ("bingkai_kaca", "kertas_gelap"):
            mp.setitem(IJ.HAND_INS, finish, lambda img, rng, dpi: img)
        for k, name in enumerate(IJAZAH_25):
            out[name, 200, True, "bare"] = IJ.make_ijazah(
                people[k], rng=random.Random(200), dpi=200, color=True, design=name)
    return out


def test_group_25_diplomas_differ_from_every_earlier_design():
    earlier = _new_diploma_group(25, IJAZAH_25)
    stie, mts = (IJ.get_design(n) for n in IJAZAH_25)
    assert IJ.programs_of(stie) == ["S1"] and IJ.programs_of(mts) == ["MTS"]
    assert (stie.finish, mts.finish) == ("bingkai_kaca", "kertas_gelap")
    assert stie.landscape and not mts.landscape
    assert {stie.header, mts.header} == {"stie_kepala", "mts_kepala"}
    assert {stie.border, mts.border} == {"wajik", "lereng"}
    assert not stie.sticker and mts.sticker == "cap_nama"
    assert not {d.finish for d in earlier} & {"bingkai_kaca", "kertas_gelap"}
    assert not {d.header for d in earlier} & {"stie_kepala", "mts_kepala"}
    assert "cap_nama" not in {d.sticker for d in earlier}
    assert IJ.HAND_INS["bingkai_kaca"] is IG25.bingkai_kaca
    assert IJ.HAND_INS["kertas_gelap"] is IG25.kertas_gelap
    assert IJ.STICKERS["cap_nama"] is IG25.cap_nama
    assert _diploma_faces(stie).isdisjoint(_diploma_faces(mts))


def test_group_25_faces_come_from_their_new_packages():
    _diploma_faces_from_packages(25, IJAZAH_25, PACKAGES_25)


@pytest.mark.parametrize("key", [(200, True), (200, False), (300, True)])
@pytest.mark.parametrize("name", IJAZAH_25)
def test_group_25_diplomas_render_grey_and_colour(diplomas, people, name, key):
    dpi, color = key
    page, truth = diplomas[name, dpi, color]
    long_px, short_px = mm_px(297, dpi), mm_px(210, dpi)
    landscape = name == "stie_bingkai_kaca"
    assert page.size == ((long_px, short_px) if landscape else (short_px, long_px))
    rgb = np.asarray(page).astype(int)
    coloured = bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 20)
    assert coloured is (color and landscape)   # the madrasah's page: a grey copy either way
    assert truth["group"] == 25 and truth["held_out"] and truth["design"] == name
    assert truth["nama"] == people[IJAZAH_25.index(name)]["nama"].upper()
    if dpi == 200:
        assert truth == dict(diplomas[name, dpi, not color][1], color=color)


def test_group_25_truth_is_as_the_designs_promise(people):
    for k in range(4):
        person = people[k]
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30,
                                  design="stie_bingkai_kaca")
        assert truth["jenjang"] == truth["program"] == "S1" and 2021 <= truth["tahun"] <= 2024
        assert re.fullmatch(r"SEKOLAH TINGGI ILMU EKONOMI TRI DHARMA [A-Z ]+", truth["sekolah"])
        assert re.fullmatch(rf"\d{{6}}{truth['tahun']}\d{{5}}", truth["nomor"])
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30, design="mts_cap_menimpa")
        assert truth["jenjang"] == "SMP" and truth["program"] == "MTS"
        assert 2011 <= truth["tahun"] <= 2016
        assert re.fullmatch(r"MADRASAH TSANAWIYAH NEGERI [1-4] [A-Z ]+", truth["sekolah"])
        assert re.fullmatch(rf"MTs\.\d\d\.\d\d/PP\.01\.1/\d{{4}}/{truth['tahun']}",
                            truth["nomor"])


def test_stie_prints_the_truth_and_its_programmes_degree(people, monkeypatch):
    studies = IG25._data()["stie"]["studies"]
    seen = set()
    for k in range(4):
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=60,
                                  design="stie_bingkai_kaca")
        assert f"Nomor Ijazah Nasional : {truth['nomor']}" in texts
        assert truth["sekolah"] in texts
        at = texts.index(truth["nama"])
        assert texts[at - 2].startswith("Ketua Sekolah Tinggi Ilmu Ekonomi Tri Dharma ")
        assert texts[at - 1].startswith("berdasarkan hasil Yudisium tanggal ")
        assert texts[at - 1].endswith("menyatakan bahwa")
        assert re.fullmatch(r"Nomor Induk Mahasiswa : \d{9}", texts[at + 1])
        study, degree = next(s for s in studies
                             if f"Program Studi {s[0]} Program Sarjana (S1)" in texts)
        assert degree in texts and "Sarjana Teknik (S.T.)" not in texts
        seen.add(study)
    assert len(seen) > 1


def test_mts_prints_the_truth_on_its_rows(people, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[2], rng=random.Random(3), dpi=60,
                              design="mts_cap_menimpa")
    assert f"Nomor : {truth['nomor']}" in texts
    assert "KEMENTERIAN AGAMA REPUBLIK INDONESIA" in texts and "MADRASAH TSANAWIYAH" in texts
    at = texts.index(truth["nama"])
    assert texts[at - 2:at] == ["Nama", ":"]
    assert texts[at - 3].startswith("Kepala Madrasah Tsanawiyah Negeri ")
    assert texts[at - 3].endswith("menerangkan bahwa :")
    assert texts[at + 1:at + 4] == ["Tempat dan Tanggal Lahir", ":",
                                    texts[at + 3]] and ", " in texts[at + 3]
    assert "NISN" in texts[at:]
    assert any(t.endswith(f"pada tahun {truth['tahun']}.") for t in texts[at:])


@pytest.mark.parametrize("name", IJAZAH_25)
def test_group_25_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=50, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=50, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=50, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- bingkai_kaca: framed behind glass on a wall ---------------------------------------------

def _text_page(dpi: int) -> Image.Image:
    """A landscape A4 page of dark lines of 'text' (bars 1 mm tall every 4 mm)."""
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(297, dpi), mm_px(210, dpi)), (250, 248, 240))
    d = ImageDraw.Draw(img)
    for y in np.arange(25 * u, 190 * u, 4 * u):
        for x in np.arange(25 * u, 270 * u, 6 * u):
            d.rectangle([x, y, x + 4 * u, y + 1 * u], fill=(30, 30, 30))
    return img


def test_bingkai_kaca_saves_its_exif_orientation():
    """The photo is a JPEG carrying the EXIF orientation the phone was held at: held the
    other way up, its pixels lie upside down, and turned as the tag says they are the
    level photo's."""
    dpi = 50
    page = _text_page(dpi)
    level = IG25.bingkai_kaca(page, random.Random(7), dpi, orientation=1)
    turned = IG25.bingkai_kaca(page, random.Random(7), dpi, orientation=3)
    assert level.getexif()[EXIF_ORIENTATION_TAG] == 1
    assert turned.getexif()[EXIF_ORIENTATION_TAG] == 3
    assert level.size == turned.size == page.size
    a = np.asarray(level).astype(float)
    b = np.asarray(ImageOps.exif_transpose(turned)).astype(float)
    assert np.abs(a - b).mean() < 3
    assert np.abs(a - np.asarray(turned).astype(float)).mean() > 10
    drawn = {IG25.bingkai_kaca(page, random.Random(s), dpi).getexif()[EXIF_ORIENTATION_TAG]
             for s in range(8)}
    assert drawn <= {1, 3} and 1 in drawn


def test_framed_page_has_its_mat_and_moulding():
    """Round the page: the mat, one even colour, its window lapping over the page's edge;
    outside it the moulding, lit from above (its top face brighter than its foot)."""
    u = 60 / 25.4
    page = np.full((mm_px(210, 60), mm_px(297, 60), 3), 200.0, np.float32)
    framed = IG25.framed_page(page, random.Random(3), u)
    h, w = framed.shape[:2]
    assert w > page.shape[1] + 2 * (16 + 10 - 7) * u and h > page.shape[0]
    grey = framed.mean(axis=2)
    mould = int(10 * u)
    top, foot = grey[2:mould - 2, w // 3:2 * w // 3], grey[h - mould + 2:h - 2, w // 3:2 * w // 3]
    assert top.mean() > foot.mean() + 10
    mat = framed[mould + int(8 * u), w // 3:2 * w // 3]
    assert np.ptp(mat, axis=0).max() < 2 and mat.mean() > 220       # the mat: even, pale
    assert abs(grey[h // 2, w // 2] - 200) < 1                       # the page in its window


@pytest.mark.parametrize("seed", range(6))
def test_frame_is_seen_from_below_and_aside(seed):
    """The frame's corners in the photo: all inside it, the top edge always the shorter
    (the phone below the frame), the nearer side the taller or the frame turned a little
    (not square on)."""
    view = (1400, 990)
    corners = IG25.frame_corners((1300, 960), view, random.Random(seed))
    assert (corners >= 0).all() and (corners[:, 0] <= view[0]).all()
    assert (corners[:, 1] <= view[1]).all()
    top = np.linalg.norm(corners[1] - corners[0])
    foot = np.linalg.norm(corners[2] - corners[3])
    assert top < foot
    left = np.linalg.norm(corners[3] - corners[0])
    right = np.linalg.norm(corners[2] - corners[1])
    assert abs(left - right) > 1 or abs(corners[0, 1] - corners[1, 1]) > 2


@pytest.mark.parametrize("seed", [0, 5])
def test_bingkai_kaca_glass_washes_part_of_the_print(seed):
    """The same photo with and without the glass's reflections: only light is added,
    strongly over part of the page, and there the print's lines stand out far less."""
    dpi = 60
    page = _text_page(dpi)
    with_, without = (np.asarray(IG25.bingkai_kaca(page, random.Random(seed), dpi,
                                                   orientation=1, reflections=r)
                                 ).astype(float).mean(axis=2) for r in (True, False))
    added = with_ - without
    assert np.percentile(added, 1) > -8
    strong = added > 25
    assert 0.03 < strong.mean() < 0.8
    hot = strong & (without < 200)   # the print's lines where the glass lights them
    assert hot.sum() > 50
    assert with_[hot].mean() > without[hot].mean() + 30


@pytest.mark.parametrize("dpi", [200, 300])
def test_stie_page_is_a_photo_of_the_framed_diploma(diplomas, dpi):
    page, _ = diplomas["stie_bingkai_kaca", dpi, True]
    assert page.getexif()[EXIF_ORIENTATION_TAG] in (1, 3)
    grey = _grey(page)
    corners = [grey[:8, :8], grey[:8, -8:], grey[-8:, :8], grey[-8:, -8:]]
    assert max(c.mean() for c in corners) < 246                      # the wall, not paper
    if dpi == 200:
        bare, _ = diplomas["stie_bingkai_kaca", 200, True, "bare"]
        assert np.abs(grey.astype(float) - _grey(bare)).mean() > 15


# -- the madrasah's dark blank, its stamp, its grey copy -----------------------------------

def test_lereng_lays_a_dark_green_blank():
    """The blank before it is filled in: deep green all over, its guilloche's pale and
    darker lines and its microtext on it, pale gold stripes in the band along its edge."""
    dpi = 100
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (246, 246, 246))
    IG25.lereng(img, (112, 34, 30), random.Random(4), dpi=dpi, margin_mm=10)
    rgb = np.asarray(img).astype(int)
    inner = rgb[int(40 * u):int(250 * u), int(30 * u):int(180 * u)]

    def near(colour, area) -> float:
        return float((np.abs(area - np.array(colour)).sum(axis=2) < 12).mean())
    assert np.median(inner[..., 1]) < 140 and (inner[..., 1] > inner[..., 0]).mean() > 0.95
    assert near(IG25.GROUND, inner) > 0.2
    assert near(IG25.GUILLOCHE_LIGHT, inner) > 0.05
    assert (inner[..., 1] < IG25.GROUND[1] - 6).mean() > 0.03       # darker lines, microtext
    band = rgb[int(40 * u):int(250 * u), int(10.5 * u):int(16.5 * u)]
    assert near(IG25.GOLD, band) > 0.1


def test_kertas_gelap_copies_print_and_ground_close():
    """On the blank's deep green, black print: the grey copy makes the ground a middling
    grey and the print only so much darker (far less apart than black on white)."""
    dpi = 100
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), IG25.GROUND)
    d = ImageDraw.Draw(img)
    d.rectangle([40 * u, 100 * u, 170 * u, 110 * u], fill=(25, 25, 30))
    out = np.asarray(IG25.kertas_gelap(img, random.Random(5), dpi)).astype(float)
    assert np.abs(out[..., 0] - out[..., 2]).max() == 0
    grey = out.mean(axis=2)
    ground = np.median(grey[int(150 * u):int(250 * u), int(40 * u):int(170 * u)])
    ink = np.median(grey[int(102 * u):int(108 * u), int(45 * u):int(165 * u)])
    assert 110 < ground < 170
    assert 30 < ground - ink < 95
    assert ink > 35


def test_cap_nama_presses_the_stamp_through_the_name():
    """The stamp's ink falls on the name's box (its line crossed by the ring or the
    lettering), darkening it; its mark is about the stamp's size and its middle near the
    name's line."""
    dpi = 100
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (240, 240, 236))
    box = (80.0, 120.0, 150.0, 127.0)
    for seed in range(4):
        out = np.asarray(IG25.cap_nama(img, random.Random(seed), dpi, box)).astype(float)
        inked = (240 - out.mean(axis=2)) > 25
        ys, xs = np.nonzero(inked)
        assert len(ys)
        height = (ys.max() - ys.min()) / u
        assert IG25.STAMP_MM[0] - 5 < height < IG25.STAMP_MM[1] + 1
        middle = (ys.max() + ys.min()) / 2 / u
        assert abs(middle - (box[1] + box[3]) / 2) < 0.35 * IG25.STAMP_MM[1]
        on_name = inked[int(box[1] * u):int(box[3] * u), int(box[0] * u):int(box[2] * u)]
        assert on_name.mean() > 0.01


def test_mts_page_is_a_low_contrast_grey_copy_stamped_over_the_name(people, monkeypatch):
    """The madrasah's page: grey, its ground a middling grey, the name only so much
    darker than it, the stamp's ink on the name's box."""
    boxes = []
    stamp = IJ.STICKERS["cap_nama"]

    def recorded(img, rng, dpi, name_box=None):
        boxes.append(name_box)
        return stamp(img, rng, dpi, name_box)
    monkeypatch.setitem(IJ.STICKERS, "cap_nama", recorded)
    dpi = 150
    u = dpi / 25.4
    page, _ = IJ.make_ijazah(people[1], rng=random.Random(9), dpi=dpi, design="mts_cap_menimpa")
    monkeypatch.setitem(IJ.STICKERS, "cap_nama", lambda img, rng, dpi, name_box=None: img)
    plain, _ = IJ.make_ijazah(people[1], rng=random.Random(9), dpi=dpi,
                              design="mts_cap_menimpa")
    rgb = np.asarray(page).astype(int)
    assert (rgb.max(axis=2) - rgb.min(axis=2)).max() <= 2
    grey = rgb.mean(axis=2)
    ground = np.median(grey[int(200 * u):int(250 * u), int(40 * u):int(170 * u)])
    assert 105 < ground < 175
    x0, y0, x1, y1 = (int(v * u) for v in boxes[0])
    name = grey[y0:y1, x0:x1]
    assert ground - np.percentile(name, 2) < 110
    assert (name < ground - 30).mean() > 0.05
    stamped = np.abs(grey - np.asarray(plain).astype(float).mean(axis=2)) > 20
    assert stamped[y0:y1, x0:x1].mean() > 0.01


@pytest.mark.parametrize("dpi", [200, 300])
def test_mts_page_differs_from_its_uncopied_self(diplomas, dpi):
    page, _ = diplomas["mts_cap_menimpa", dpi, True]
    grey = _grey(page)
    assert 105 < np.median(grey) < 175
    if dpi == 200:
        bare, _ = diplomas["mts_cap_menimpa", 200, True, "bare"]
        rgb = np.asarray(bare).astype(int)
        assert (rgb.max(axis=2) - rgb.min(axis=2)).mean() > 20     # the blank's green
        assert np.abs(grey.astype(float) - _grey(bare)).mean() > 10
