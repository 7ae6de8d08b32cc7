"""The twenty-sixth held-out group of card and diploma designs: kept apart (registered in
group 26, never drawn unasked), what is new on them shows on the rendered pages (a card
photographed held in the hand: a thumb over a lower corner and never over the NIK's or
the name's line, the other fingers below its foot, a desk or cloth round it, a few
degrees from square, shaken; a card's copy scanned through a slipping sheet feeder: bands
drawn out and squeezed, rows read twice and rows dropped, a dust streak down the whole
sheet, a colour fringe in colour only; an A3 diploma copied in two halves taped
together: a seam off the name's line, a strip printed twice or never, the halves out of
line and turned, the tape's edges; an electronic diploma's phone screenshot printed on an
inkjet: the status bar and toolbar, the diploma small on the sheet, the screenshot's JPEG
blocks, the inkjet's bands), what is printed is the truth, their faces' files are
installed, and the earlier designs keep their drawing (the new looks are off on all of
them). No reader runs here."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group26 as IG26
from scansim import ktp_designs as KD
from scansim import ktp_group26 as KG26
from scansim.draw import mm_px
from scansim.ktp import make_ktp_copy_page
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

KTP_26 = ("millimetre_genggam", "konatu_selip")
IJAZAH_26 = ("universitas_sambung", "politeknik_tangkapan_layar")
# The font package each of the group's new diploma faces comes from, by file name.
PACKAGES_26 = {"MuseumBible": "fonts-levien-museum", "AveriaSerif": "fonts-averia-serif-gwf",
               "VeranaSans": "fonts-adf-verana", "Klaudia": "fonts-klaudia-berenika"}


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261226)


def _skin(rgb: np.ndarray) -> np.ndarray:
    """Pixels of skin from light to dark brown: red well over green, green over blue."""
    r, g, b = (rgb[..., k].astype(float) for k in range(3))
    return (r > g + 14) & (g > b) & (r - b > 30) & (r > 70) & (r < 248)


# -- the card group -------------------------------------------------------------------------

def test_group_26_differs_from_every_earlier_design():
    _new_looks(26, KTP_26, ("genggam", "selip"), {"ukel", "tumpal"})


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_26_backgrounds_have_both_colours(dpi):
    """Ukel and tumpal: marks in both of each print's colours."""
    _two_colour_lines("millimetre_genggam", 3, dpi, 0.01)
    _two_colour_lines("konatu_selip", 4, dpi, 0.01)




# -- held in the hand and photographed ------------------------------------------------------

def _ruled_card(dpi: int) -> Image.Image:
    """A white card with a black bar along the NIK's line and one along the name's (as
    millimetre_genggam places them) and a grey field under the rest."""
    u = dpi / 25.4
    des = KD.DESIGNS["millimetre_genggam"]
    card = _card((250, 250, 250), dpi)
    d = ImageDraw.Draw(card)
    d.rectangle([3 * u, des.nik_y_mm * u, 60 * u, (des.nik_y_mm + des.nik_mm) * u],
                fill=(10, 10, 10))
    d.rectangle([3 * u, des.first_y_mm * u, 60 * u, (des.first_y_mm + des.text_mm) * u],
                fill=(10, 10, 10))
    d.rectangle([3 * u, 22 * u, 82 * u, 52 * u], fill=(200, 200, 200))
    return card


@pytest.fixture(scope="module")
def held():
    """The ruled card photographed in each grip, with and without the thumb (150 dpi),
    and where the NIK's and name's bars lie without it."""
    dpi = 150
    des = KD.DESIGNS["millimetre_genggam"]
    clear = (des.first_y_mm + des.text_mm + 0.8) * dpi / 25.4
    card = _ruled_card(dpi)
    out = {}
    for k, grip in enumerate(("sudut", "bawah", "kiri", "sudut", "bawah", "kiri")):
        pair = [np.asarray(KG26.genggam(card, random.Random(k), 0.8, dpi, clear=clear,
                                        grip=grip, thumb=t)).astype(float)
                for t in (True, False)]
        out[k, grip] = pair
    return out


def test_grip_plan_keeps_the_thumb_below_the_name_and_on_a_lower_corner():
    """Over many cards and sizes the thumb's tip, its round included, stays below the
    NIK's and name's lines; it lies over the card's lower half and at its right for a
    right hand, at its left for a left hand; the fingers curl below the foot."""
    des = KD.DESIGNS["millimetre_genggam"]
    for dpi in (150, 200, 300):
        u = dpi / 25.4
        size = (mm_px(85.6, dpi), mm_px(53.98, dpi))
        clear = (des.first_y_mm + des.text_mm + 0.8) * u
        for seed in range(60):
            plan = KG26.grip_plan(size, random.Random(seed), u, clear=clear)
            (tx, ty), r = plan["tip"], plan["radius"]
            assert ty - 1.12 * r >= clear
            assert ty > 0.5 * size[1]
            assert (tx > 0.4 * size[0]) if plan["grip"] != "kiri" else (tx < 0.3 * size[0])
            assert plan["direction"][1] < 0                     # pointing up, into the card
            assert all(fy > size[1] for (_, fy), _, _ in plan["fingers"])
    grips = {KG26.grip_plan(size, random.Random(s), u)["grip"] for s in range(30)}
    assert grips == set(KG26.GRIPS)


def test_genggam_thumb_lies_over_a_lower_corner_never_the_nik_or_name(held):
    """The same photo with and without the thumb: what the thumb changes is skin, a good
    part of the picture, in its lower half and on the grip's side, and none of it on
    the NIK's or the name's bar."""
    for (k, grip), (with_, without) in held.items():
        h, w, _ = with_.shape
        changed = np.abs(with_ - without).max(axis=2) > 40
        assert 0.03 < changed.mean() < 0.3, (k, grip)
        ys, xs = np.nonzero(changed)
        assert ys.mean() > 0.55 * h
        assert (xs.mean() > 0.5 * w) if grip != "kiri" else (xs.mean() < 0.5 * w)
        assert _skin(with_)[changed].mean() > 0.6
        dark = without.mean(axis=2) < 70   # the two black bars, as photographed: the rows
        rows = (dark.mean(axis=1) > 0.3) & (np.arange(h) < 0.6 * h)   # mostly dark ...
        bars = dark & rows[:, None]
        assert bars.mean() > 0.02
        assert not (changed & bars).any(), (k, grip)


def test_genggam_shows_the_hand_and_a_surface_round_the_card(held):
    """Round the card: not the card's white but what lies behind it, and below the
    card's foot on the grip's side the other fingers' skin even without the thumb."""
    for (_, grip), (_, without) in held.items():
        h, w, _ = without.shape
        frame = np.concatenate([without[:4].reshape(-1, 3), without[-4:].reshape(-1, 3),
                                without[:, :4].reshape(-1, 3), without[:, -4:].reshape(-1, 3)])
        assert (frame.min(axis=1) > 235).mean() < 0.3      # mostly not the card's white
        foot = without[int(0.9 * h):, int(0.55 * w):] if grip != "kiri" else \
            without[int(0.9 * h):, :int(0.45 * w)]
        assert _skin(foot).mean() > 0.05


def test_genggam_sees_the_card_a_few_degrees_from_square(held):
    """The card's white edge rows and columns: its top edge and its left and right edges
    are not all square with the picture (keystone or a turn)."""
    for (_, _), (_, without) in held.items():
        white = without.min(axis=2) > 232
        h, w = white.shape
        tops = [int(np.argmax(white[:, x])) for x in (int(0.25 * w), int(0.75 * w))]
        lefts = [int(np.argmax(white[y, :])) for y in (int(0.12 * h), int(0.3 * h))]
        assert abs(tops[0] - tops[1]) >= 2 or abs(lefts[0] - lefts[1]) >= 2


def test_genggam_varies_skin_and_shakes_the_picture():
    """Over many cards the thumb's skin runs from light to dark brown; a black bar's
    sharp edge comes out spread over more than a pixel or two (the shake, the lens)."""
    dpi = 100
    u = dpi / 25.4
    card = _card((245, 245, 245), dpi)
    ImageDraw.Draw(card).rectangle([20 * u, 5 * u, 60 * u, 12 * u], fill=(0, 0, 0))
    tones = []
    for seed in range(10):
        a, b = (np.asarray(KG26.genggam(card, random.Random(seed), 0.8, dpi, grip="sudut",
                                        thumb=t)).astype(float) for t in (True, False))
        thumb = np.abs(a - b).max(axis=2) > 40
        tones.append(a[thumb].mean())
    assert max(tones) - min(tones) > 60
    grey = b.mean(axis=2)
    column = grey[:, int(0.45 * grey.shape[1])]
    spread = ((column > 60) & (column < 200)).sum()
    assert spread >= 4   # two edges, each over two pixels or more


@pytest.mark.parametrize("dpi", [200, 300])
def test_millimetre_genggam_card_differs_from_its_plain_self(people, dpi):
    card, bare, truth = _pair(people[2], "millimetre_genggam", dpi, dpi, genggam=0.0)
    a, b = np.asarray(card).astype(float), np.asarray(bare).astype(float)
    assert np.abs(a - b).mean() > 10
    assert _skin(a).mean() > _skin(b).mean() + 0.05
    assert truth["nik"] == people[2]["nik"]


# -- through a slipping sheet feeder --------------------------------------------------------

def test_feed_rows_stretch_squeeze_stall_and_skip():
    """The rows read: never backwards; in places the same row again and again (a stall),
    in places a jump of rows (a skip); over a millimetre the speed now slower, now faster
    by a few percent; the whole sheet within a percent of its length."""
    for seed in range(6):
        for dpi in (200, 300):
            u = dpi / 25.4
            n = mm_px(297, dpi)
            s = KG26.feed_rows(n, random.Random(seed), 0.8, u)
            step = np.diff(s)
            assert step.min() >= 0
            assert (step == 0).sum() >= 2 and step.max() > 1.5
            per_mm = (s[int(u):] - s[:-int(u)]) / int(u)
            assert per_mm.min() < 0.97 and per_mm.max() > 1.03
            assert abs(s[-1] - (n - 1)) <= 0.0101 * (n - 1)


def _ramp(dpi: int) -> Image.Image:
    """A card whose grey runs evenly from dark at its top to light at its foot (each
    column's levels a fraction apart, so that a row's mean climbs smoothly)."""
    card = _card((0, 0, 0), dpi)
    h, w = card.height, card.width
    ramp = np.linspace(30, 230, h, dtype=np.float32)[:, None] + \
        (np.arange(w) % 7 / 7).astype(np.float32)[None, :]
    return Image.fromarray(np.uint8(np.repeat(ramp[..., None], 3, axis=2)), "RGB")


def test_selip_smears_and_drops_rows():
    """A smooth ramp through the feeder: rows whose mean stands still for a few rows (the
    sheet stopped: the same row read again), and steps several times the ramp's own (rows
    never read), where the plain ramp climbs evenly."""
    dpi = 300
    for seed in range(3):
        out = np.asarray(KG26.selip(_ramp(dpi), random.Random(seed), 0.8, dpi)).astype(float)
        rows = np.median(out[..., 1], axis=1)[5:-5]
        mean = out[..., 1].mean(axis=1)[5:-5]
        step = np.diff(mean)
        typical = np.median(step)
        assert typical > 0.2
        still = np.abs(step) < 0.3 * typical
        runs = np.convolve(still, np.ones(2), "valid") == 2
        assert runs.any()
        assert step.max() > 2 * typical
        assert rows[0] < rows[-1]


def test_selip_streaks_the_whole_card_and_fringes_only_in_colour():
    """A white card with black bars: a thin darker column from top to foot (the dust); in
    colour the bars' edges carry colour (red and blue read apart), in a grey page scan
    they carry none."""
    dpi = 300
    u = dpi / 25.4
    card = _card((250, 250, 250), dpi)
    d = ImageDraw.Draw(card)
    for k in range(8):
        d.rectangle([5 * u, (4 + 6 * k) * u, 80 * u, (5.2 + 6 * k) * u], fill=(0, 0, 0))
    for seed in range(3):
        out = np.asarray(KG26.selip(card, random.Random(seed), 0.8, dpi)).astype(float)
        grey = out.mean(axis=2)
        h = grey.shape[0]
        top, foot = grey[:int(3.5 * u)].mean(axis=0), grey[-int(3 * u):].mean(axis=0)
        col = int(np.argmin(top))
        assert top[col] < 235 and foot[col] < 235                   # the streak runs through
        assert np.median(top) > 245
        chroma = out.max(axis=2) - out.min(axis=2)
        chroma[:, max(0, col - int(u)):col + int(u)] = 0         # (the dust's own tint)
        assert chroma.max() > 40                                  # the bars' edges coloured
        assert np.median(chroma) < 8                              # the paper and bars not
        page = Image.new("RGB", (mm_px(210, 150), mm_px(297, 150)), (250, 250, 250))
        ImageDraw.Draw(page).rectangle([100, 300, 900, 330], fill=(0, 0, 0))
        scan, rows = KG26.selip_page(page, random.Random(seed), 0.8, 150, color=False)
        rgb = np.asarray(scan).astype(int)
        assert (rgb.max(axis=2) - rgb.min(axis=2)).max() == 0
        assert h > 0 and len(rows) == scan.height


def test_selip_draws_bands_of_stretched_and_squeezed_lines():
    """Black lines ruled every 2 mm down a card: through the feeder their spacing comes out
    wider in some places and narrower in others by a few percent."""
    dpi = 300
    u = dpi / 25.4
    card = _card((250, 250, 250), dpi)
    d = ImageDraw.Draw(card)
    for y in np.arange(2 * u, card.height - 2 * u, 2 * u):
        d.rectangle([5 * u, y, 80 * u, y + 0.3 * u], fill=(0, 0, 0))
    spread = []
    for seed in range(4):
        out = np.asarray(KG26.selip(card, random.Random(seed), 0.8, dpi)).astype(float)
        profile = 255 - np.median(out[..., 1][:, int(10 * u):int(75 * u)], axis=1)
        ink = profile > 120
        starts = np.flatnonzero(ink[1:] & ~ink[:-1]) + 1
        centres = np.array([s + (profile[s:s + int(u)] > 120).sum() / 2 for s in starts])
        gaps = np.diff(centres) / (2 * u)
        spread.append((gaps.min(), gaps.max()))
    assert min(lo for lo, _ in spread) < 0.97 and max(hi for _, hi in spread) > 1.03


def test_selip_page_feeds_the_whole_sheet_and_moves_the_boxes(people):
    """The copy page of konatu_selip: a dust streak from the sheet's top to its foot where
    the paper is otherwise clean, the card drawn only once through the feeder (the same
    page without the feeder differs only as the feeder moves it), the card's box still
    round the card."""
    dpi = 150
    page, truth = make_ktp_copy_page(people[0], rng=random.Random(3), dpi=dpi, color=True,
                                     design="konatu_selip", back=False)
    grey = _grey(page).astype(float)
    top, foot = grey[:40].mean(axis=0), grey[-40:].mean(axis=0)
    col = int(np.argmin(top + foot))
    assert top[col] < np.median(top) - 12 and foot[col] < np.median(foot) - 12
    x0, y0, x1, y1 = truth["card_box"]
    inside = grey[y0:y1, x0:x1]
    assert (inside < 110).mean() > 0.02
    assert grey[max(0, y0 - 40):max(1, y0 - 10), x0:x1].mean() > 235   # paper just above


@pytest.mark.parametrize("dpi", [200, 300])
def test_konatu_selip_card_differs_from_its_plain_self(people, dpi):
    card, bare, truth = _pair(people[3], "konatu_selip", dpi, dpi, selip=0.0)
    a, b = np.asarray(card).astype(float), np.asarray(bare).astype(float)
    assert np.abs(a - b).mean() > 2
    assert truth["nik"] == people[3]["nik"]


# == diplomas: a university's A3 sheet taped from two copies, an e-diploma's screenshot ==

@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-26 diploma at 200 dpi in colour and in grey, and again in colour (same
    seed) without its finish, keyed with "bare"."""
    out = {}
    for k, name in enumerate(IJAZAH_26):
        for color in (True, False):
            out[name, color] = IJ.make_ijazah(people[k], rng=random.Random(200), dpi=200,
                                              color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(IJ.HAND_INS, "sambung", lambda img, rng, dpi, name_box=None: img)
        mp.setitem(IJ.HAND_INS, "tangkapan_layar", lambda img, rng, dpi: img)
        for k, name in enumerate(IJAZAH_26):
            out[name, "bare"] = IJ.make_ijazah(people[k], rng=random.Random(200), dpi=200,
                                               color=True, design=name)
    return out


def test_group_26_diplomas_differ_from_every_earlier_design():
    earlier = _new_diploma_group(26, IJAZAH_26)
    univ, poltek = (IJ.get_design(n) for n in IJAZAH_26)
    assert IJ.programs_of(univ) == ["S1"] and IJ.programs_of(poltek) == ["D3", "D4"]
    assert (univ.finish, poltek.finish) == ("sambung", "tangkapan_layar")
    assert not univ.landscape and not poltek.landscape and poltek.upright_sheet
    assert not any(d.upright_sheet for d in earlier)
    assert {univ.header, poltek.header} == {"univ_kepala", "poltek_kepala"}
    assert {univ.border, poltek.border} == {"untu_walang", "garis_digital"}
    assert not {d.finish for d in earlier} & {"sambung", "tangkapan_layar"}
    assert not {d.header for d in earlier} & {"univ_kepala", "poltek_kepala"}
    assert IJ.HAND_INS["sambung"] is IG26.sambung
    assert IJ.HAND_INS["tangkapan_layar"] is IG26.tangkapan_layar
    assert "sambung" in IJ.CLEAR_OF_NAME and "tangkapan_layar" not in IJ.CLEAR_OF_NAME
    assert _diploma_faces(univ).isdisjoint(_diploma_faces(poltek))


def test_group_26_faces_come_from_their_new_packages():
    _diploma_faces_from_packages(26, IJAZAH_26, PACKAGES_26)


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_26)
def test_group_26_diplomas_render_grey_and_colour(diplomas, people, name, color):
    page, truth = diplomas[name, color]
    assert page.size == (mm_px(210, 200), mm_px(297, 200))            # upright A4, both
    rgb = np.asarray(page).astype(int)
    coloured = bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 40)
    if not color or name == "politeknik_tangkapan_layar":
        assert coloured is color
    assert truth["group"] == 26 and truth["held_out"] and truth["design"] == name
    assert truth["nama"] == people[IJAZAH_26.index(name)]["nama"].upper()
    assert not truth["landscape"]
    assert truth == dict(diplomas[name, not color][1], color=color)


def test_group_26_truth_is_as_the_designs_promise(people):
    for k in range(4):
        person = people[k]
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30,
                                  design="universitas_sambung")
        assert truth["jenjang"] == truth["program"] == "S1" and 2008 <= truth["tahun"] <= 2019
        assert re.fullmatch(r"UNIVERSITAS KARYA NUSA [A-Z]+", truth["sekolah"])
        assert re.fullmatch(rf"UKN[A-Z]\.{truth['tahun']}\.S1\.\d{{6}}", truth["nomor"])
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30,
                                  design="politeknik_tangkapan_layar")
        assert truth["jenjang"] == truth["program"] and truth["program"] in ("D3", "D4")
        assert 2022 <= truth["tahun"] <= 2025
        assert re.fullmatch(r"POLITEKNIK NEGERI [A-Z ]+", truth["sekolah"])
        assert re.fullmatch(rf"\d{{6}}{truth['tahun']}\d{{5}}", truth["nomor"])


def test_univ_prints_the_truth_and_its_programmes_degree(people, monkeypatch):
    studies = IG26._data()["univ"]["studies"]
    seen = set()
    for k in range(4):
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=60,
                                  design="universitas_sambung")
        assert f"Nomor Seri Ijazah : {truth['nomor']}" in texts
        assert truth["sekolah"] in texts
        at = texts.index(truth["nama"])
        before = " ".join(texts[texts.index("IJAZAH") + 2:at])
        assert before.startswith("Rektor Universitas Karya Nusa ")
        assert before.endswith("dengan ini menyatakan bahwa :")
        assert re.fullmatch(r"Nomor Pokok Mahasiswa : \d{9}", texts[at + 1])
        assert texts[at + 2].startswith("lahir di ")
        faculty, study, degree = next(s for s in studies
                                      if f"mahasiswa Fakultas {s[0]}, Program Studi {s[1]}"
                                      in texts)
        assert degree in texts and "Sarjana Teknik (S.T.)" not in texts
        seen.add(study)
    assert len(seen) > 1


def test_poltek_prints_the_truth_its_qr_and_its_signature_line(people, monkeypatch):
    words = IG26._data()["poltek"]
    levels = set()
    for k in range(4):
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k + 5), dpi=60,
                                  design="politeknik_tangkapan_layar")
        assert f"Nomor Ijazah Nasional : {truth['nomor']}" in texts
        assert truth["sekolah"] in texts and words["signed"] in texts
        at = texts.index(truth["nama"])
        assert texts[at - 1].startswith("Direktur Politeknik Negeri ")
        assert texts[at + 1:at + 4] == [words["rows"][0], ":", texts[at + 3]]
        assert texts[at + 3].isdigit()
        degrees = [d for _, d in words["studies"][truth["program"]]]
        assert any(d in texts for d in degrees)
        assert any(t == "1 / 1" for t in texts)                          # the viewer's
        levels.add(truth["program"])
    assert levels == {"D3", "D4"}


def test_poltek_qr_code_carries_its_number(diplomas):
    """On the diploma as issued (its finish left off) the QR code at the top right reads
    as the check address of its national number."""
    zxingcpp = pytest.importorskip("zxingcpp")
    page, truth = diplomas["politeknik_tangkapan_layar", "bare"]
    found = [r.text for r in zxingcpp.read_barcodes(page)]
    assert any(t.endswith(truth["nomor"]) for t in found), found


@pytest.mark.parametrize("name", IJAZAH_26)
def test_group_26_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=40, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=40, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=40, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- sambung: two halves taped together and copied again -----------------------------------

@pytest.mark.parametrize("at", [0.4, 0.47, 0.5, 0.53, 0.6])
def test_join_plan_keeps_the_seam_and_the_tape_off_the_name(at):
    """Wherever the name's line lies, the seam keeps 3 mm or more off it, and a piece of
    tape over the name's columns ends short of it."""
    dpi = 100
    u = dpi / 25.4
    size = (mm_px(210, dpi), mm_px(297, dpi))
    box = (50.0, 297 * at - 4, 160.0, 297 * at + 4)
    for seed in range(40):
        plan = IG26.join_plan(size, random.Random(seed), u, box)
        seam = plan["seam"] / u
        assert seam <= box[1] - 3 + 1e-6 or seam >= box[3] + 3 - 1e-6
        for cx, cy, width, length, _ in plan["pieces"]:
            if length > size[0] / 2:   # the long strip along the seam
                assert (cy + width / 2) / u < box[1] or (cy - width / 2) / u > box[3]
                continue
            if box[0] - width / u < cx / u < box[2] + width / u:
                ends = (cy - length / 2) / u, (cy + length / 2) / u
                assert ends[1] < box[1] + 0.01 or ends[0] > box[3] - 0.01, (seed, at)


def _grid_page(dpi: int) -> Image.Image:
    """An upright page ruled with horizontal bars every 5 mm (0.5 mm thick) between two
    vertical lines at 40 and 170 mm."""
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 250))
    d = ImageDraw.Draw(page)
    for y in np.arange(20, 280, 5.0):
        d.rectangle([60 * u, y * u, 150 * u, (y + 0.5) * u], fill=(0, 0, 0))
    for x in (40, 170):
        d.rectangle([x * u, 15 * u, (x + 0.5) * u, 285 * u], fill=(0, 0, 0))
    return page


def _bars(profile: np.ndarray) -> np.ndarray:
    """The centres (rows) of the dark bars in a column's profile."""
    ink = profile < 120
    starts = np.flatnonzero(ink[1:] & ~ink[:-1]) + 1
    ends = np.flatnonzero(~ink[1:] & ink[:-1]) + 1
    return np.array([(s + e - 1) / 2 for s, e in zip(starts, ends[ends > starts[0]],
                                                     strict=False)])


def _line_x(out: np.ndarray, row: int, left_mm: float, u: float) -> float:
    """Where (mm) a dark upright line crosses rows ``row`` - 1 .. ``row`` + 1 within 10 mm
    of ``left_mm``: the darkness-weighted middle."""
    x0 = int((left_mm - 10) * u)
    dark = np.clip(240 - out[row - 1:row + 2, x0:x0 + int(20 * u)].mean(axis=0), 0, None)
    dark[dark < 0.5 * dark.max()] = 0
    return (x0 + (dark * np.arange(len(dark))).sum() / dark.sum()) / u


@pytest.mark.parametrize("join", ["tumpang", "celah"])
def test_sambung_prints_a_strip_twice_or_never_and_puts_the_halves_out_of_line(join):
    """The ruled page through the two-pass copy (no tape): the bars just below the seam
    stand off the 5 mm rhythm of those above by the strip printed twice (lower) or never
    (higher); the two upright lines below it stand sideways off themselves above it (by
    the shift at their middle), their spacing a little larger or smaller, and slant
    against themselves above."""
    dpi = 150
    u = dpi / 25.4
    page = _grid_page(dpi)
    for seed in range(3):
        plan = IG26.join_plan(page.size, random.Random(seed), u, None, join=join)
        out = np.asarray(IG26.sambung(page, random.Random(seed), dpi, join=join,
                                      tape=False)).astype(float).mean(axis=2)
        seam = plan["seam"]
        profile = np.median(out[:, int(95 * u):int(115 * u)], axis=1)
        bars = _bars(profile)
        above = bars[(bars < seam - 1.2 * u) & (bars > seam - 16 * u)]
        below = bars[(bars > seam + 1.8 * u) & (bars < seam + 16 * u)]
        phase = lambda ys: np.median(np.mod(ys / u - 0.25, 5.0))   # noqa: E731
        shift = phase(below) - phase(above)
        off = lambda mm: abs(np.mod(mm + 2.5, 5.0) - 2.5)   # noqa: E731  (mm off, modulo 5)
        assert off(shift - plan["step"] / u) < 0.45, (seed, shift, plan["step"] / u)
        assert off(shift) > 0.7
        up = [[_line_x(out, int(seam - k * u), x, u) for x in (40, 170)] for k in (60, 5)]
        down = [[_line_x(out, int(seam + k * u), x, u) for x in (40, 170)] for k in (5, 60)]
        moved = (down[0][0] + down[0][1] - up[1][0] - up[1][1]) / 2
        assert abs(moved - plan["shift"] / u) < 0.4 and abs(moved) > 0.7
        spacing = (down[0][1] - down[0][0]) - (up[1][1] - up[1][0])
        assert abs(spacing) > 0.5                                      # scaled
        slant = (down[1][0] - down[0][0]) / 55 - (up[1][0] - up[0][0]) / 55
        assert abs(slant) > 0.002                                     # turned


def test_sambung_tape_greys_its_pieces_and_shows_their_edges():
    """With and without the tape: it only darkens, and only near the seam; along its edges
    more than over its middle."""
    dpi = 150
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (245, 245, 245))
    for seed in range(3):
        plan = IG26.join_plan(page.size, random.Random(seed), u)
        a, b = (np.asarray(IG26.sambung(page, random.Random(seed), dpi, tape=t)).astype(float)
                .mean(axis=2) for t in (True, False))
        darker = b - a
        assert darker.min() > -3
        changed = darker > 2
        ys, _ = np.nonzero(changed)
        assert changed.mean() > 0.005
        assert np.abs(ys - plan["seam"]).max() < 30 * u
        assert np.percentile(darker[changed], 99) > 2 * np.median(darker[changed])


def test_universitas_page_has_its_seam_off_the_name(people, monkeypatch):
    """On the university's rendered page the seam (a dark line across the sheet, darker
    than the rows 2 mm either side of it) keeps off the name's line."""
    plans = []
    plan_of = IG26.join_plan

    def recorded(size, rng, u, name_box=None, **kw):
        plans.append((plan_of(size, rng, u, name_box, **kw), name_box))
        return plans[-1][0]
    monkeypatch.setattr(IG26, "join_plan", recorded)
    dpi = 150
    u = dpi / 25.4
    for k in range(3):
        page, _ = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=dpi,
                                 design="universitas_sambung")
        plan, box = plans[-1]
        assert box is not None
        seam = plan["seam"] / u
        assert seam < box[1] - 2.9 or seam > box[3] + 2.9
        grey = _grey(page).astype(float)
        xs = np.arange(int(20 * u), int(190 * u))
        slope = np.tan(np.radians(plan["upper_turn"] + plan["turn"]))
        edge = plan["seam"] - slope * (xs - grey.shape[1] / 2)   # the lower sheet's edge

        def along(dy: float, edge=edge, grey=grey, xs=xs) -> float:   # dy px below the edge
            ys = np.clip(np.round(edge + dy).astype(int), 0, grey.shape[0] - 1)
            return float(np.median(grey[ys, xs]))
        line = min(along(dy) for dy in (-1, 0, 1))
        assert line < min(along(-2 * u), along(2 * u)) - 12


def test_universitas_page_differs_from_its_untaped_self(diplomas):
    page, _ = diplomas["universitas_sambung", True]
    bare, _ = diplomas["universitas_sambung", "bare"]
    assert np.abs(_grey(page).astype(float) - _grey(bare)).mean() > 4


# -- tangkapan_layar: a screenshot printed on an inkjet -------------------------------------

def _landscape_page(dpi: int = 100) -> Image.Image:
    """A landscape A4 page of a smooth diagonal tint with dark bars of 'text'."""
    u = dpi / 25.4
    w, h = mm_px(297, dpi), mm_px(210, dpi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    tint = 150 + 90 * (xx / w + yy / h) / 2
    page = Image.fromarray(np.uint8(np.repeat(tint[..., None], 3, axis=2)), "RGB")
    d = ImageDraw.Draw(page)
    for y in np.arange(30 * u, 180 * u, 8 * u):
        d.rectangle([40 * u, y, 250 * u, y + 2 * u], fill=(20, 20, 30))
    return page


def test_screenshot_shows_bars_over_a_small_page_in_jpeg_blocks():
    """The screenshot: upright, the page across its width only (a landscape page in an
    upright screen: a small part of it), the status bar and toolbar above it carrying
    icons and text in a colour apart from theirs, the page's smooth tint broken into
    8-pixel JPEG blocks."""
    page = _landscape_page()
    for seed in range(4):
        shot, where = IG26.screenshot(page, random.Random(seed))
        rgb = np.asarray(shot).astype(float)
        sh, sw, _ = rgb.shape
        x0, y0, x1, y1 = where["page"]
        assert sh > 2 * sw and (x1 - x0) > 0.9 * sw
        assert (x1 - x0) * (y1 - y0) / (sw * sh) < 0.35
        top = rgb[:y0 - 4].mean(axis=2)
        bar = np.median(top)
        assert (np.abs(top - bar) > 60).mean() > 0.01                   # icons and text
        inner = rgb[y0 + 40:y1 - 40, x0 + 40:x1 - 40].mean(axis=2)
        smooth = inner[inner.min(axis=1) > 120]            # rows of the tint alone, no text
        edges = np.abs(np.diff(smooth, axis=1))           # column k: between k and k + 1
        cols = np.arange(edges.shape[1]) + x0 + 40
        at_block = edges[:, (cols + 1) % 8 == 0].mean()   # across a JPEG block's edge
        inside = edges[:, (cols + 1) % 8 == 4].mean()
        assert at_block > 1.3 * inside, (seed, at_block, inside)


def test_inkjet_print_fits_the_screenshot_and_bands_it():
    """A flat grey screenshot printed: centred on the sheet and as tall as its printable
    area; with banding its rows' ink varies in a rhythm down the sheet (and a nozzle's
    line of one ink missing shows colour), its columns do not; without, neither."""
    dpi = 100
    u = dpi / 25.4
    shot = Image.new("RGB", (1080, 2400), (140, 140, 140))
    for seed in range(3):
        a, b = (np.asarray(IG26.inkjet_print(shot, random.Random(seed), dpi, banding=t))
                .astype(float) for t in (True, False))
        grey = a.mean(axis=2)
        inked = grey < 220
        ys, xs = np.nonzero(inked)
        height, width = (ys.max() - ys.min()) / u, (xs.max() - xs.min()) / u
        assert 283 < height < 292 and abs(width - height * 1080 / 2400) < 2
        assert abs((xs.min() + xs.max()) / 2 - a.shape[1] / 2) < 3
        area = (slice(ys.min() + 5, ys.max() - 5), slice(xs.min() + 5, xs.max() - 5))
        rows_a, cols_a = grey[area].mean(axis=1), grey[area].mean(axis=0)
        rows_b = b.mean(axis=2)[area].mean(axis=1)
        assert rows_a.std() > 2.5 * rows_b.std() and rows_a.std() > 2 * cols_a.std()
        chroma_a = (a[area].max(axis=2) - a[area].min(axis=2)).mean(axis=1)
        chroma_b = (b[area].max(axis=2) - b[area].min(axis=2)).mean(axis=1)
        assert chroma_a.max() > chroma_b.max() + 8


def test_politeknik_page_is_a_small_banded_printed_screenshot(diplomas):
    """The e-diploma's page: the print of the screenshot a tall narrow strip in the
    sheet's middle, the diploma itself in a small part of it (the bare diploma, drawn
    landscape, spans the page), and the print's rows banded where the viewer's grey
    lies."""
    page, _ = diplomas["politeknik_tangkapan_layar", True]
    bare, _ = diplomas["politeknik_tangkapan_layar", "bare"]
    assert bare.width > bare.height
    grey = _grey(page).astype(float)
    h, w = grey.shape
    inked = grey < 235
    cols = np.flatnonzero(inked.mean(axis=0) > 0.5)
    rows = np.flatnonzero(inked[:, w // 2 - 50:w // 2 + 50].mean(axis=1) > 0.5)
    assert 0.5 * w < cols[-1] - cols[0] < 0.7 * w
    assert rows[-1] - rows[0] > 0.9 * h
    # the diploma's own white page on the viewer's grey: its rows, a small share
    white = (grey > 238)[:, cols[0] + 10:cols[-1] - 10].mean(axis=1) > 0.6
    assert 0.15 * h < white.sum() < 0.4 * h
    viewer = grey[rows[0]:rows[-1], cols[0] + 20:cols[-1] - 20]
    band_rows = viewer[~white[rows[0]:rows[-1]]]
    assert band_rows.mean(axis=1).std() > 1.0
