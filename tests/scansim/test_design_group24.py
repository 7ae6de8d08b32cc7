"""The twenty-fourth held-out group of card and diploma designs: kept apart (registered in
group 24, never drawn unasked), what is new on them shows on the rendered pages (a card
cracked across and mended with clear tape: the crack's dark line through every row, the
tape's yellowed band and bright edges; a card copied on thin double-sided paper: the
other side's print showing through mirrored; a diploma scanned in a glossy sheet
protector: glare washing the print out, the punched strip; a diploma photographed curling
off the table: its lines bowed and squeezed toward the curl), what is printed is the
truth, their faces' files are installed, and the earlier designs keep their drawing (the
new looks are off on all of them). No reader runs here."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group24 as IG24
from scansim import ktp_designs as KD
from scansim import ktp_group24 as KG24
from scansim.draw import mm_px
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

KTP_24 = ("ume_selotip", "dotum_tembus")
IJAZAH_24 = ("akper_map_plastik", "stai_gulung")
# The font package each of the group's new diploma faces comes from, by family name.
PACKAGES_24 = {"Norasi": "fonts-tlwg-norasi-ttf", "Laksaman": "fonts-tlwg-laksaman-ttf",
               "Isabella": "fonts-isabella"}


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261224)


# -- the card group -------------------------------------------------------------------------

def test_group_24_differs_from_every_earlier_design():
    _new_looks(24, KTP_24, ("selotip", "tembus"), {"gringsing", "tirta_teja"})


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_24_backgrounds_have_both_colours(dpi):
    """Gringsing and tirta teja: marks in both of each print's colours."""
    _two_colour_lines("ume_selotip", 3, dpi, 0.01)
    _two_colour_lines("dotum_tembus", 4, dpi, 0.01)



# -- cracked and mended with clear tape ---------------------------------------------------

def _crack_columns(grey: np.ndarray, path, u: float) -> np.ndarray:
    """For each row band of 2 mm down the card, the darkest pixel within 1.5 mm of the
    crack's path there."""
    h, w = grey.shape
    out = []
    for y in range(int(1 * u), h - int(1 * u), int(2 * u)):
        x = np.interp(y, [p[1] for p in path], [p[0] for p in path])
        lo, hi = max(0, int(x - 1.5 * u)), min(w, int(x + 1.5 * u))
        out.append(grey[y, lo:hi].min())
    return np.array(out)


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("cracks", [1, 2])
def test_selotip_crack_runs_across_the_card_under_yellowed_tape(dpi, cracks):
    """A white card through the crack and tape: each crack a dark line found in (nearly)
    every 2 mm row band down the card along its path and nowhere far from it; over it the
    tape's band, yellower (blue below red) than the card beside it, its edges a bright
    hairline; bubbles and dust leave marks inside it."""
    u = dpi / 25.4
    card = _card((255, 255, 255), dpi)
    rng = random.Random(11)
    out = KG24.selotip(card, rng, 0.9, dpi, cracks=cracks)
    # the same draws again: the paths it cracked along
    again = random.Random(11)
    places = [again.uniform(0.32, 0.68)] if cracks == 1 else [again.uniform(0.2, 0.4),
                                                              again.uniform(0.6, 0.8)]
    paths = [KG24.crack_path(card.size, again, u, at) for at in places]
    rgb = np.asarray(out).astype(float)
    grey = rgb.mean(axis=2)
    for path in paths:
        darkest = _crack_columns(grey, path, u)
        assert (darkest < 120).mean() > 0.85
    # away from the cracks and the tape the card stays white
    far = np.ones(grey.shape, bool)
    for path in paths:
        xs = [p[0] for p in path]
        far[:, max(0, int(min(xs) - 12 * u)):int(max(xs) + 12 * u)] = False
    if far.any():
        assert (grey[far] < 120).mean() < 0.002
    # the tape: yellow over the crack's neighbourhood, not beside the tape
    x = int(np.mean([p[0] for p in paths[0]]))
    band = rgb[int(10 * u):int(44 * u), x + int(1.5 * u):x + int(4 * u)]
    light = band.mean(axis=2) > 200
    assert (band[..., 0] - band[..., 2])[light].mean() > 8
    if far.any():
        outside = rgb[far]
        assert (outside[:, 0] - outside[:, 2]).mean() < 2


def test_selotip_tape_edges_and_glare(people):
    """On a card of mid-grey: the tape's edges as bright hairlines (lighter than the tape
    and the card on either side) and its glare streak lighter than the tape's mean."""
    dpi = 300
    u = dpi / 25.4
    card = _card((150, 150, 150), dpi)
    rng = random.Random(4)
    out = np.asarray(KG24.selotip(card, rng, 0.8, dpi, cracks=1)).astype(float).mean(axis=2)
    rows = out[int(15 * u):int(40 * u)]
    assert np.median(rows.max(axis=1)) > 190   # in each row an edge's bright line, the glare
    assert np.median(rows) < 160              # the card itself, away from the tape


@pytest.mark.parametrize("dpi", [200, 300])
def test_selotip_card_differs_from_its_unmended_self(people, dpi):
    """Against the same card not cracked: the crack's dark thin line shows in every row
    of the field block (the NIK's and the name's rows too), the tape's yellow over it."""
    u = dpi / 25.4
    des = KD.DESIGNS["ume_selotip"]
    card, bare, truth = _pair(people[2], "ume_selotip", dpi, dpi, selotip=0.0)
    a, b = np.asarray(card).astype(float), np.asarray(bare).astype(float)
    assert np.abs(a - b).mean() > 2
    warm = (a[..., 0] - a[..., 2]) - (b[..., 0] - b[..., 2])
    assert (warm > 6).mean() > 0.08                              # the yellowed band
    nik_rows = slice(int(des.nik_y_mm * u), int((des.nik_y_mm + des.nik_mm) * u))
    changed = np.abs(a - b).max(axis=2) > 40
    assert changed[nik_rows].any(axis=1).mean() > 0.8            # through the NIK's rows
    assert truth["nik"] == people[2]["nik"]


def test_selotip_varies_from_card_to_card():
    card = _card((255, 255, 255), 200)
    a, b = (np.asarray(KG24.selotip(card, random.Random(s), 0.8, 200)).astype(float)
            for s in (1, 2))
    assert np.abs(a - b).mean() > 2


# -- copied on thin double-sided paper ------------------------------------------------------

def _reverse(size, dpi: int) -> Image.Image:
    """A print on the sheet's other side: a thick bar across its left third (as printed
    there)."""
    u = dpi / 25.4
    layer = Image.new("L", size, 0)
    ImageDraw.Draw(layer).rectangle([int(4 * u), int(20 * u), int(22 * u), int(34 * u)],
                                    fill=255)
    return layer


@pytest.mark.parametrize("dpi", [200, 300])
def test_tembus_shows_the_other_side_mirrored_and_faint(dpi):
    """A white card with a bar printed on the other side at its left: the bar shows at
    the card's right (mirrored), darker than the paper round it but faint (a person
    reads through it); nothing of it at the left, where it was printed."""
    u = dpi / 25.4
    card = _card((255, 255, 255), dpi)
    layer = _reverse(card.size, dpi)
    out = np.asarray(KG24.tembus(card, random.Random(3), 0.9, dpi, reverse=layer))
    grey = out.astype(float).mean(axis=2)
    w = grey.shape[1]
    rows = slice(int(23 * u), int(31 * u))
    mirrored = grey[rows, w - int(19 * u):w - int(7 * u)].mean()
    printed = grey[rows, int(7 * u):int(19 * u)].mean()
    paper = grey[int(40 * u):int(50 * u), int(30 * u):int(55 * u)].mean()
    assert paper - mirrored > 12                         # darker than the paper
    assert paper - mirrored < 80                         # but faint
    assert abs(printed - paper) < 3                      # not where it was printed
    assert paper < 250                                   # the copier's grey


def test_tembus_strength_varies_from_page_to_page():
    dpi = 200
    u = dpi / 25.4
    card = _card((255, 255, 255), dpi)
    layer = _reverse(card.size, dpi)
    depths = []
    for seed in range(6):
        grey = np.asarray(KG24.tembus(card, random.Random(seed), 0.9, dpi, reverse=layer)
                          ).astype(float).mean(axis=2)
        w = grey.shape[1]
        depths.append(grey[int(40 * u):, int(30 * u):int(55 * u)].mean() -
                      grey[int(23 * u):int(31 * u), w - int(19 * u):w - int(7 * u)].mean())
    assert max(depths) - min(depths) > 6


@pytest.mark.parametrize("dpi", [200, 300])
def test_tembus_card_is_darker_and_greyer_than_its_plain_copy(people, dpi):
    """Against the same card on ordinary paper: darker marks where its paper was clear
    (the other side's print), and its colours duller."""
    card, bare, _ = _pair(people[3], "dotum_tembus", dpi, dpi, tembus=0.0)
    a, b = np.asarray(card).astype(float), np.asarray(bare).astype(float)
    sat = lambda rgb: (rgb.max(axis=2) - rgb.min(axis=2)).mean()   # noqa: E731
    assert sat(a) < sat(b) - 3
    assert a.mean() < b.mean() - 3


def test_tembus_page_shows_a_mirrored_typed_page():
    """A blank sheet with a typed page on its back: rows of faint dark marks (its lines),
    mirrored: the typed block's left margin ends up at the sheet's right."""
    dpi = 100
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (252, 252, 252))
    out = np.asarray(KG24.tembus_page(page, random.Random(2), dpi)).astype(float).mean(axis=2)
    marks = out < 245
    assert 0.02 < marks.mean() < 0.5
    assert out.min() > 120                                           # faint
    cols = marks.mean(axis=0)
    assert cols[-int(15 * u):].mean() < 0.01                         # the margin, mirrored
    assert cols[int(40 * u):int(170 * u)].mean() > 0.03


# == diplomas: a nursing academy's in a sheet protector, an Islamic college's curling ======

@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-24 diploma at 200 and 300 dpi in colour and grey, and again (same seed)
    without its finish, keyed with "bare"."""
    out = {}
    for k, name in enumerate(IJAZAH_24):
        for dpi in (200, 300):
            for color in (True, False):
                out[name, dpi, color] = IJ.make_ijazah(
                    people[k], rng=random.Random(dpi), dpi=dpi, color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        for finish in ("map_plastik", "gulung"):
            mp.setitem(IJ.HAND_INS, finish, lambda img, rng, dpi: img)
        for k, name in enumerate(IJAZAH_24):
            out[name, 200, True, "bare"] = IJ.make_ijazah(
                people[k], rng=random.Random(200), dpi=200, color=True, design=name)
    return out


def test_group_24_diplomas_differ_from_every_earlier_design():
    earlier = _new_diploma_group(24, IJAZAH_24)
    akper, stai = (IJ.get_design(n) for n in IJAZAH_24)
    assert IJ.programs_of(akper) == ["D3"] and IJ.programs_of(stai) == ["S1"]
    assert (akper.finish, stai.finish) == ("map_plastik", "gulung")
    assert not akper.landscape and stai.landscape
    assert {akper.header, stai.header} == {"akper_kepala", "stai_kepala"}
    assert {akper.border, stai.border} == {"renda", "kufi"}
    assert not {d.finish for d in earlier} & {"map_plastik", "gulung"}
    assert not {d.header for d in earlier} & {"akper_kepala", "stai_kepala"}
    assert IJ.HAND_INS["map_plastik"] is IG24.map_plastik
    assert IJ.HAND_INS["gulung"] is IG24.gulung
    assert _diploma_faces(akper).isdisjoint(_diploma_faces(stai))


def test_group_24_faces_come_from_their_new_packages():
    _diploma_faces_from_packages(24, IJAZAH_24, PACKAGES_24)


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", IJAZAH_24)
def test_group_24_diplomas_render_grey_and_colour(diplomas, people, name, dpi, color):
    page, truth = diplomas[name, dpi, color]
    long_px, short_px = mm_px(297, dpi), mm_px(210, dpi)
    landscape = name == "stai_gulung"
    assert page.size == ((long_px, short_px) if landscape else (short_px, long_px))
    rgb = np.asarray(page).astype(int)
    assert bool((rgb.max(axis=2) - rgb.min(axis=2)).max() > 20) is color
    assert truth["group"] == 24 and truth["held_out"] and truth["design"] == name
    assert truth["nama"] == people[IJAZAH_24.index(name)]["nama"].upper()
    assert truth == dict(diplomas[name, dpi, not color][1], color=color)


def test_group_24_truth_is_as_the_designs_promise(people):
    for k in range(6):
        person = people[k % 4]
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30,
                                  design="akper_map_plastik")
        assert truth["jenjang"] == truth["program"] == "D3" and 2015 <= truth["tahun"] <= 2019
        assert re.fullmatch(r"AKADEMI KEPERAWATAN PEMERINTAH KABUPATEN [A-Z ]+",
                            truth["sekolah"])
        assert re.fullmatch(rf"\d{{4}}/AKPER-[A-Z]{{3}}/D-III/{truth['tahun']}", truth["nomor"])
        _, truth = IJ.make_ijazah(person, rng=random.Random(k), dpi=30, design="stai_gulung")
        assert truth["jenjang"] == truth["program"] == "S1" and 2012 <= truth["tahun"] <= 2024
        assert truth["sekolah"].startswith("SEKOLAH TINGGI AGAMA ISLAM AL-FALAH ")
        assert re.fullmatch(rf"STAI-ALF\.{truth['tahun']}\.S1\.\d{{6}}", truth["nomor"])


def test_akper_prints_the_truth_and_its_degree(people, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[2], rng=random.Random(3), dpi=60,
                              design="akper_map_plastik")
    assert f"Nomor Ijazah : {truth['nomor']}" in texts and truth["sekolah"] in texts
    at = texts.index(truth["nama"])
    assert texts[at - 1].startswith("Direktur Akademi Keperawatan Pemerintah Kabupaten ")
    assert texts[at - 1].endswith("dengan ini menerangkan bahwa")
    assert "Diploma III Keperawatan" in texts and "Ahli Madya Keperawatan (A.Md.Kep.)" in texts
    assert "Ahli Madya Teknik (A.Md.T.)" not in texts
    assert any(t.endswith(str(truth["tahun"])) for t in texts[at:])


def test_stai_prints_the_truth_and_its_programmes_degree(people, monkeypatch):
    studies = IG24._data()["stai"]["studies"]
    seen = set()
    for k in range(4):
        texts = _printed(monkeypatch)
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=60, design="stai_gulung")
        assert f"Nomor Seri Ijazah : {truth['nomor']}" in texts and truth["sekolah"] in texts
        at = texts.index(truth["nama"])
        assert texts[at - 1] == "memberikan ijazah dan gelar akademik kepada"
        assert re.fullmatch(r"NIM : \d{8}", texts[at + 1])
        study, degree = next(s for s in studies if f"Program Studi {s[0]}" in texts)
        assert degree in texts and "Sarjana Teknik (S.T.)" not in texts
        seen.add(study)
    assert len(seen) > 1


@pytest.mark.parametrize("name", IJAZAH_24)
def test_group_24_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=50, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=50, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=50, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


# -- map_plastik: in a glossy sheet protector ------------------------------------------------

def _text_page(dpi: int) -> Image.Image:
    """An upright A4 page of dark lines of 'text' (bars 1 mm tall every 4 mm)."""
    u = dpi / 25.4
    img = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 246))
    d = ImageDraw.Draw(img)
    for y in np.arange(25 * u, 275 * u, 4 * u):
        for x in np.arange(25 * u, 185 * u, 6 * u):
            d.rectangle([x, y, x + 4 * u, y + 1 * u], fill=(30, 30, 30))
    return img


@pytest.mark.parametrize("seed", [0, 5])
def test_map_plastik_glare_washes_out_the_print(seed):
    """Where the sleeve's light is strongest the print is brighter and has far less
    contrast than where it is weakest; everywhere a haze lifts the black."""
    dpi = 100
    u = dpi / 25.4
    page = _text_page(dpi)
    out = np.asarray(IG24.map_plastik(page, random.Random(seed), dpi, side="left")
                     ).astype(float).mean(axis=2)
    rng = random.Random(seed)   # the same draws as far as the light
    rng.uniform(*IG24.SLEEVE["strip_mm"])
    rng.uniform(1.0, 2.5)
    rng.choice(IG24.SLEEVE["holes"])
    rng.uniform(*IG24.SLEEVE["haze"])
    for _ in range(rng.randint(*IG24.SLEEVE["wrinkles"])):
        IG24._wrinkle(np.zeros((8, 8, 3), np.float32), rng, u)
    lift = IG24.sleeve_light(page.size, rng, u)
    inner = np.zeros(lift.shape, bool)
    inner[int(30 * u):int(270 * u), int(40 * u):int(180 * u)] = True
    hot = inner & (lift > 0.45)
    cold = inner & (lift < 0.08)
    assert hot.sum() > 200 and cold.sum() > 200
    assert out[hot].mean() > out[cold].mean() + 15
    assert out[hot].std() < 0.7 * out[cold].std()
    assert np.percentile(out[inner], 1) > 30                          # the haze


@pytest.mark.parametrize("side", ["left", "right"])
def test_map_plastik_shows_the_punched_strip(side):
    """Beyond the page's edge the sleeve's strip: the lid's light grey with round holes
    (a darker rim) down it, 4 or 11 of them."""
    dpi = 100
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 246))
    out = np.asarray(IG24.map_plastik(page, random.Random(1), dpi, side=side)
                     ).astype(float).mean(axis=2)
    w = out.shape[1]
    strip = out[:, :int(10 * u)] if side == "left" else out[:, w - int(10 * u):]
    rims = np.convolve((strip < 185).any(axis=1), np.ones(int(2 * u)), "same") > 0
    runs = np.count_nonzero(np.diff(rims.astype(int)) == 1)
    assert runs in (4, 11)
    assert 190 < np.median(strip) < 245


@pytest.mark.parametrize("dpi", [200, 300])
def test_akper_page_is_hazier_with_glare(diplomas, dpi):
    page, _ = diplomas["akper_map_plastik", dpi, True]
    grey = _grey(page)
    assert np.percentile(grey, 0.5) > 15                          # no true black
    if dpi == 200:
        bare, _ = diplomas["akper_map_plastik", 200, True, "bare"]
        assert np.abs(grey.astype(float) - _grey(bare)).mean() > 5


# -- gulung: kept rolled, photographed curling ----------------------------------------------

def _ruled(dpi: int, landscape: bool) -> Image.Image:
    """A page with straight black rules across its width every 10 mm."""
    u = dpi / 25.4
    size = (mm_px(297, dpi), mm_px(210, dpi)) if landscape else (mm_px(210, dpi),
                                                                 mm_px(297, dpi))
    img = Image.new("RGB", size, (250, 250, 246))
    d = ImageDraw.Draw(img)
    if landscape:   # rules down the page: across its length, which curls
        for x in np.arange(10 * u, size[0] - 5 * u, 10 * u):
            d.line([(x, 0), (x, size[1])], fill=(0, 0, 0), width=max(2, round(0.5 * u)))
    else:
        for y in np.arange(10 * u, size[1] - 5 * u, 10 * u):
            d.line([(0, y), (size[0], y)], fill=(0, 0, 0), width=max(2, round(0.5 * u)))
    return img


def test_curl_bows_and_squeezes_the_lines():
    """A ruled upright page through the curl alone (no turn, curling at the far end): in
    the flat part a rule stays straight; in the curl a rule bows (its middle nearer the
    flat end than its sides by over a millimetre) and the rules crowd (their spacing
    shrinking toward the end)."""
    dpi = 100
    u = dpi / 25.4
    page = np.asarray(_ruled(dpi, False).convert("L")).astype(np.float32)
    map_x, map_y, cover, shade = IG24.curl_maps((page.shape[1], page.shape[0]),
                                                random.Random(3), end="far")
    import cv2
    warped = cv2.remap(page, map_x, map_y, cv2.INTER_LINEAR, borderValue=255)
    warped = np.where(cover > 0.5, warped, 255)
    h, w = warped.shape

    def rule_rows(col: int) -> np.ndarray:
        dark = warped[:, col] < 128
        starts = np.nonzero(np.diff(dark.astype(int)) == 1)[0]
        return starts

    left, mid, right = (rule_rows(c) for c in (int(20 * u), w // 2, w - int(20 * u)))
    n = min(len(left), len(mid), len(right))
    left, mid, right = left[:n], mid[:n], right[:n]
    flat = mid < 0.5 * h
    assert np.abs(mid[flat] - left[flat]).max() <= 1
    bowed = (left - mid) > 1.0 * u
    assert bowed.any()
    gaps = np.diff(mid)
    assert gaps[-1] < 0.8 * gaps[0]
    assert shade[cover > 0.5].min() < 0.8                         # shaded along the curl


@pytest.mark.parametrize("holder", ["jempol", "beban"])
def test_gulung_photo_has_table_holder_and_no_exif(holder):
    dpi = 60
    page = _ruled(dpi, True)
    out = IG24.gulung(page, random.Random(2), dpi, holder=holder, turn=0.0)
    assert out.size == page.size and not out.info.get("exif")
    grey = _grey(out).astype(float)
    assert grey[:3].mean() < 235 and grey[:, :3].mean() < 235   # the table round it
    rgb = np.asarray(out).astype(int)
    skin_or_weight = (np.abs(rgb - np.array((250, 250, 246))).sum(axis=2) > 60)
    assert skin_or_weight.mean() > 0.1


@pytest.mark.parametrize("dpi", [200, 300])
def test_stai_page_is_a_curling_photo(diplomas, dpi):
    page, _ = diplomas["stai_gulung", dpi, True]
    grey = _grey(page)
    assert grey[:5].mean() < 235 and grey[-5:].mean() < 235        # table above and below
    if dpi == 200:
        bare, _ = diplomas["stai_gulung", 200, True, "bare"]
        assert np.abs(grey.astype(float) - _grey(bare)).mean() > 10
