"""The thirtieth held-out group of card and diploma designs: kept apart (registered in
group 30, never drawn unasked), what is new on them shows on the rendered pages (a card
photocopied and sent on by fax: every dot black or white at the fax's resolution, 204 dots
an inch across and 98 or 196 lines down, no line lost on the NIK's and the name's rows, on
a copy page the sending machine's header line across the top with a number that is never
the NIK; a card photographed in an ID-card holder on its lanyard: the sleeve round it, the
plastic's haze, the glare band off the NIK's and the name's lines, the lanyard's clip and
ribbon through the slot; an SPG diploma whose pen-written particulars faded in a frame on a
sunny wall: inside the mat's window the ink browned and paled, the colours bleached, the
paper yellowed, a mat burn's line, the margin as it was; the open university's diploma
copied on a worn copier: the fuser's ghost of the page a roller's turn down it, a smear
off the name's line, a grey copy), what is printed is the truth, their faces' files are
installed, and the earlier designs keep their drawing (the new looks are off on all of
them). No reader runs here."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scansim import ijazah as IJ
from scansim import ijazah_group30 as IG30
from scansim import ktp as KTP
from scansim import ktp_designs as KD
from scansim import ktp_group30 as KG30
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

KTP_30 = ("comic_faks", "dyslexic_kalung")
IJAZAH_30 = ("spg_luntur", "ut_hantu")
# The font package each of the group's new diploma faces comes from, by file name.
PACKAGES_30 = {"GalSIL": "fonts-sil-galatia", "Kristi": "fonts-kristi",
               "summersby": "fonts-summersby", "Apropal": "fonts-apropal"}


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261230)


# -- the card group -------------------------------------------------------------------------

def test_group_30_differs_from_every_earlier_design():
    _new_looks(30, KTP_30, ("faks", "kalung"), {"jala", "kipas"})


def test_group_30_backgrounds_have_both_colours():
    """Jala and kipas: marks in both of each print's colours."""
    _two_colour_lines("comic_faks", 3, 200, 0.01)
    _two_colour_lines("dyslexic_kalung", 4, 200, 0.01)


@pytest.mark.parametrize("name", KTP_30)
def test_group_30_cards_print_every_field(people, name):
    """Every row has ink left of its colon (the label) and right of it (the value), the
    NIK its digits, on the cards as they are handed in (faxed; in an ID holder)."""
    _every_field_printed(people, name)


@pytest.mark.parametrize("name", KTP_30)
def test_group_30_cards_print_the_truth(people, name, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = make_ktp(people[2], rng=random.Random(5), dpi=100, design=name)
    for key in ("nik", "nama", "tempat_tgl_lahir", "alamat", "kel_desa", "kecamatan"):
        assert truth[key] in texts, key
    assert truth["nama"] == people[2]["nama"].upper()


# -- sent on by fax ----------------------------------------------------------------------------

def test_fax_plan_modes_and_header(people):
    """Over many pages: fine mode most often, standard mode only where allowed, photo mode
    now and then; the header's date, sender and page, its number never part of the NIK."""
    modes, photo = [], 0
    for seed in range(200):
        nik = people[seed % 4]["nik"]
        plan = KG30.fax_plan(random.Random(seed), nik=nik)
        modes.append(plan["mode"])
        photo += plan["photo"]
        assert plan["lpi"] == KG30.FAX["lpi"][plan["mode"]]
        assert plan["sender"] in plan["header"] and plan["number"] in plan["header"]
        assert re.search(r"\d\d:\d\d", plan["header"]) and re.search(r"P\.|HAL\.", plan["header"])
        assert plan["number"].replace(" ", "")[-5:] not in nik
        low, high = KG30.FAX["zoom"][plan["mode"]]
        assert low <= plan["zoom"] <= high
        fine = KG30.fax_plan(random.Random(seed), nik=nik, standard_ok=False)
        assert fine["mode"] == "fine"
    assert 40 < modes.count("standard") < 100 and 30 < photo < 90


def test_fax_dots_are_one_bit_at_the_fax_grid():
    """A grey sheet's dots: 0 or 255 only, 204 across and the mode's lines down an inch;
    the header's dots dark along the top only when asked."""
    dpi = 200
    grey = np.full((mm_px(100, dpi), mm_px(80, dpi)), 235.0)
    grey[200:260, 100:500] = 40
    grey[400:460, 100:500] = 140
    for mode, lpi in (("fine", 196), ("standard", 98)):
        plan = dict(KG30.fax_plan(random.Random(1)), mode=mode, lpi=lpi, photo=False,
                    lost=[], garbled=[], skew=0.0)
        dots = KG30.fax_dots(grey, plan, random.Random(2), dpi)
        assert set(np.unique(dots)) <= {0, 255}
        assert dots.shape == (round(grey.shape[0] * lpi / dpi), round(grey.shape[1] * 204 / dpi))
        assert (dots[:12] == 0).sum() == 0
        top = KG30.fax_dots(grey, plan, random.Random(2), dpi, header=True)
        assert (top[:round(0.05 * top.shape[0])] == 0).sum() > 40
        assert (dots[round(210 * lpi / dpi):round(250 * lpi / dpi), 120:480] == 0).mean() > 0.9


def test_fax_keeps_its_lost_lines_off_the_band():
    """Lines lost or garbled on the telephone line never fall inside ``keep``."""
    dpi = 200
    grey = np.random.default_rng(0).uniform(0, 255, (400, 300))
    for seed in range(20):
        plan = dict(KG30.fax_plan(random.Random(seed)), photo=False, skew=0.0,
                    lost=[0.3, 0.5], garbled=[0.4])
        kept = KG30.fax_dots(grey, dict(plan, lost=[], garbled=[]), random.Random(seed), dpi)
        band = KG30.fax_dots(grey, plan, random.Random(seed), dpi, keep=[(100, 220)])
        fh = kept.shape[0]
        rows = slice(int(100 * fh / 400) + 3, int(220 * fh / 400) - 3)
        assert (kept[rows] == band[rows]).all()


def test_comic_faks_card_is_a_fax_of_it(people):
    """The card's own picture: two tones only before the scan's soft edge (the fax's
    dots), the security ground gone white, the NIK a clear dark row."""
    des = KD.DESIGNS["comic_faks"]
    dpi = 200
    u = dpi / 25.4
    for seed in range(4):
        card, truth = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="comic_faks")
        grey = _grey(card)
        mids = ((grey > 90) & (grey < 170)).mean()
        assert mids < 0.12
        assert (grey > 225).mean() > 0.6                       # the tints gone to paper
        nik = grey[int((des.nik_y_mm - 0.5) * u):int((des.nik_y_mm + des.nik_mm + 0.8) * u),
                   int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
        assert (nik < 100).mean() > 0.12
        rgb = np.asarray(card).astype(int)
        assert (rgb.max(axis=2) - rgb.min(axis=2)).max() <= 2    # black and white
        assert truth["nik"] == people[seed]["nik"]


def test_faks_copy_page_has_the_header_and_no_colour(people, monkeypatch):
    """On a copy page the whole sheet is faxed once (the card copied bare): the sending
    machine's header line dark across the top, the cards' print dark, and nothing but the
    paper's warm white in colour; standard mode only for an enlarged copy."""
    plans = []
    real = KTP.faks_page

    def recorded(*a, **k):
        page, plan = real(*a, **k)
        plans.append((plan, k))
        return page, plan
    monkeypatch.setattr(KTP, "faks_page", recorded)
    monkeypatch.setattr(KTP, "faks", lambda *a, **k: pytest.fail("the card faxed twice"))
    dpi = 100
    for seed in range(4):
        scale = 1.0 if seed % 2 else 1.4
        page, truth = make_ktp_copy_page(people[seed], rng=random.Random(seed), dpi=dpi,
                                         color=bool(seed % 2), back=True, scale=scale,
                                         design="comic_faks")
        plan, kw = plans[-1]
        assert kw["nik"] == truth["nik"] and kw["scale"] == scale
        if scale < 1.3:
            assert plan["mode"] == "fine"
        grey = _grey(page)
        top = grey[:mm_px(8, dpi)]
        assert (top < 120).sum() > 20
        x0, y0, x1, y1 = truth["card_box"]
        assert (grey[y0:y1, x0:x1] < 110).mean() > 0.02
        rgb = np.asarray(page).astype(int)
        assert (rgb.max(axis=2) - rgb.min(axis=2)).max() <= 12


# -- in an ID holder on its lanyard ------------------------------------------------------------

def test_sleeve_over_puts_the_card_in_its_holder():
    """The flat picture: the card inside the sleeve's room, hazed and yellowed but not in
    the thumb notch; the seam along the sleeve's edge; the slot a hole; the glare band
    brighter than the same picture without it, never across the ``clear`` rows."""
    dpi = 150
    u = dpi / 25.4
    card = np.asarray(_card((120, 120, 120), dpi)).astype(np.float32)
    h, w = card.shape[:2]
    for seed in range(4):
        plan = KG30.kalung_plan(random.Random(seed), u)
        clear = [(0.3 * h, 0.45 * h)]
        pic, cover = KG30.sleeve_over(card, plan, random.Random(seed), u, clear=clear)
        bare, _ = KG30.sleeve_over(card, plan, random.Random(seed), u, clear=clear,
                                   glare=False)
        H, W = cover.shape
        room = int(round(plan["room"]))
        top = H - h - room
        inside = bare[top + h // 3:top + h // 2, room + w // 3:room + w // 2]
        assert inside.mean() > 121                                 # the haze lifts the grey
        assert (inside[..., 2] <= inside[..., 0] + 0.5).all()      # yellowed, never bluer
        assert cover[top + h // 2, room + w // 2] == 1.0 and cover[0, 0] == 0
        sy = int(top / 2)
        assert cover[sy, W // 2] < 0.05                            # the slot
        assert 0.3 < cover[H // 2, 1] <= 0.86                      # the seam's plastic
        lift = (pic - bare).mean(axis=2)
        assert lift.max() > 40
        band = lift[top + int(clear[0][0]):top + int(clear[0][1]), room:room + w]
        assert band.mean() < 0.3 * lift[top:top + h, room:room + w].max()


def test_dyslexic_kalung_photo_shows_the_holder_and_lanyard(people, monkeypatch):
    """The card's own picture: a photo (colour, a JPEG's noise) whose edges are the
    holder and what it lies on, and whose lanyard, left out, changes only the top."""
    dpi = 150
    real = KTP.kalung
    for seed in range(3):
        card, truth = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="dyslexic_kalung")
        with monkeypatch.context() as mp:
            mp.setattr(KTP, "kalung", lambda *a, **k: real(*a, **k, lanyard_on=False))
            bare, _ = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi,
                               design="dyslexic_kalung")
        a, b = (np.asarray(x).astype(float) for x in (card, bare))
        diff = np.abs(a - b).max(axis=2) > 30
        h = diff.shape[0]
        assert diff[:int(0.12 * h)].sum() > 20 and diff[int(0.3 * h):].sum() < 0.01 * diff.size
        assert truth["nik"] == people[seed]["nik"]


def test_kalung_glare_keeps_off_the_nik_and_name():
    plan = {"glare_at": 0.25, "glare_w": 10.0}
    at = KG30.glare_rows(300, plan, [(60, 90), (100, 120)])
    assert all(not (y0 - 12 < at < y1 + 12) for y0, y1 in [(60, 90), (100, 120)])


# == diplomas: an SPG's faded in a frame, the open university's copied on a worn copier ========

@pytest.fixture(scope="module")
def diplomas(people):
    """Each group-30 diploma at 100 dpi in colour and in grey, and again in colour (same
    seed) without its finish, keyed with "bare"."""
    out = {}
    for k, name in enumerate(IJAZAH_30):
        for color in (True, False):
            out[name, color] = IJ.make_ijazah(people[k], rng=random.Random(300), dpi=100,
                                              color=color, design=name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(IJ.HAND_INS, "luntur", lambda img, rng, dpi, **k: img)
        mp.setitem(IJ.HAND_INS, "hantu", lambda img, rng, dpi, **k: img)
        for k, name in enumerate(IJAZAH_30):
            out[name, "bare"] = IJ.make_ijazah(people[k], rng=random.Random(300), dpi=100,
                                               color=True, design=name)
    return out


def test_group_30_diplomas_differ_from_every_earlier_design():
    _new_diploma_group(30, IJAZAH_30)
    spg, ut = (IJ.get_design(n) for n in IJAZAH_30)
    assert IJ.programs_of(spg) == ["SMA"] and IJ.programs_of(ut) == ["S1"]
    assert IJ.HAND_INS["luntur"] is IG30.luntur and IJ.HAND_INS["hantu"] is IG30.hantu
    assert IJ.BORDERS["manik_manik"] is IG30.manik_manik and IJ.BORDERS["pagar"] is IG30.pagar
    assert "luntur" in IJ.GIVEN_FILL_IN and "hantu" in IJ.CLEAR_OF_NAME
    assert not IJ.GIVEN_FILL_IN & IJ.CLEAR_OF_NAME
    assert _diploma_faces(spg).isdisjoint(_diploma_faces(ut))
    assert not any(d.finish in ("luntur", "hantu") for d in IJ.DESIGNS if d.group < 30)


def test_group_30_faces_come_from_their_new_packages():
    _diploma_faces_from_packages(30, IJAZAH_30, PACKAGES_30)


@pytest.mark.parametrize("name", IJAZAH_30)
@pytest.mark.parametrize("color", [True, False])
def test_group_30_diplomas_render_grey_and_colour(diplomas, people, name, color):
    page, truth = diplomas[name, color]
    assert page.size == (mm_px(210, 100), mm_px(297, 100))
    assert truth["design"] == name and truth["group"] == 30 and truth["held_out"]
    assert truth["nama"] == people[IJAZAH_30.index(name)]["nama"].upper()
    if not color:
        rgb = np.asarray(page).astype(int)
        assert (rgb.max(axis=2) - rgb.min(axis=2)).max() == 0


def test_group_30_truth_is_as_the_designs_promise(people):
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30, design="spg_luntur")
        assert truth["jenjang"] == "SMA" and truth["sekolah"].startswith("SPG NEGERI ")
        assert 1978 <= truth["tahun"] <= 1991 and re.fullmatch(r"\d\d Pg \d{6}", truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=30, design="ut_hantu")
        assert truth["jenjang"] == "S1" and truth["sekolah"] == "UNIVERSITAS TERBUKA"
        assert 2005 <= truth["tahun"] <= 2024
        assert re.fullmatch(r"\d{6}/UN31/[A-Z]+/\d{4}", truth["nomor"])


@pytest.mark.parametrize("name", IJAZAH_30)
def test_group_30_diplomas_print_the_truth(people, name, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(3), dpi=40, design=name)
    joined = " ".join(texts)
    assert truth["nama"] in texts and truth["nomor"] in joined
    if name == "spg_luntur":
        assert "SEKOLAH PENDIDIKAN GURU" in texts
        assert "DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN" in texts
    else:
        assert IG30.ministry_of(truth["tahun"]) in texts and "UNIVERSITAS TERBUKA" in texts
        assert any(t.startswith("Sarjana ") and t.endswith(")") for t in texts)


@pytest.mark.parametrize("name", IJAZAH_30)
def test_group_30_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    b, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=30, design=name)
    c, _ = IJ.make_ijazah(people[3], rng=random.Random(2), dpi=30, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


def test_ministry_of_the_open_university_by_year():
    assert IG30.ministry_of(2005) == "DEPARTEMEN PENDIDIKAN NASIONAL"
    assert IG30.ministry_of(2016) == "KEMENTERIAN RISET, TEKNOLOGI, DAN PENDIDIKAN TINGGI"
    assert IG30.ministry_of(2024).startswith("KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET")


# -- faded in a frame on a sunny wall ----------------------------------------------------------

def _framed_page(dpi: int):
    """A cream page with a green frame line, black text bars and blue-black pen bars (and
    the pen's mask), a bar of each inside the mat's window and out of it."""
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (246, 242, 230))
    filled = Image.new("L", page.size, 0)
    d, m = ImageDraw.Draw(page), ImageDraw.Draw(filled)
    d.rectangle([8 * u, 8 * u, 202 * u, 289 * u], outline=(24, 104, 72), width=round(2 * u))
    for y in (60, 140, 200):
        d.rectangle([40 * u, y * u, 170 * u, (y + 3) * u], fill=(20, 20, 24))
        d.rectangle([40 * u, (y + 8) * u, 170 * u, (y + 11) * u], fill=(30, 40, 92))
        m.rectangle([40 * u, (y + 8) * u, 170 * u, (y + 11) * u], fill=255)
    return page, filled


def test_luntur_fades_only_inside_the_window():
    """Inside the mat's window the pen's bars paled and browned (red up against blue), the
    paper yellowed (blue down), the black bars held; under the mat (the frame line) the
    green kept; with everything left out the page is as it was but for the scan's noise."""
    dpi = 50
    u = dpi / 25.4
    page, filled = _framed_page(dpi)
    base = np.asarray(page).astype(float)
    for seed in range(4):
        plan = IG30.luntur_plan(page.size, random.Random(seed), u)
        out = np.asarray(IG30.luntur(page, random.Random(seed), dpi, filled=filled,
                                     capture=False)).astype(float)
        none = np.asarray(IG30.luntur(page, random.Random(seed), dpi, filled=filled,
                                      pen=False, colour=False, paper=False, burn=False,
                                      capture=False)).astype(float)
        assert np.abs(none - base).max() <= 1
        pen = (slice(int(148.5 * u), int(150.5 * u)), slice(int(60 * u), int(150 * u)))
        black = (slice(int(140.5 * u), int(142.5 * u)), slice(int(60 * u), int(150 * u)))
        assert out[pen].mean() > base[pen].mean() + 15                     # paled
        assert (out[pen][..., 0] - out[pen][..., 2]).mean() > \
            (base[pen][..., 0] - base[pen][..., 2]).mean() + 15            # browned
        assert out[black].mean() < base[black].mean() + 12                  # the black held
        x0, y0, x1, y1 = plan["window"]
        paper = (slice(int(y0 + 20 * u), int(y0 + 30 * u)),
                 slice(int(x0 + 5 * u), int(x0 + 15 * u)))
        assert out[paper][..., 2].mean() < base[paper][..., 2].mean() - 4   # yellowed
        frame = (slice(int(100 * u), int(120 * u)), slice(int(8 * u), int(9.5 * u)))
        assert np.abs(out[frame] - base[frame]).mean() < 2                  # under the mat


def test_spg_page_shows_the_faded_pen_and_a_lighter_window(diplomas):
    """The rendered SPG page against the same page unfinished: the name's ink lighter and
    browner, the margin under the mat much as it was."""
    page, _ = diplomas["spg_luntur", True]
    bare, _ = diplomas["spg_luntur", "bare"]
    a, b = (np.asarray(x).astype(float) for x in (page, bare))
    h, w = a.shape[:2]
    ink = b.mean(axis=2) < 120
    middle = np.zeros_like(ink)
    middle[int(0.4 * h):int(0.55 * h), int(0.4 * w):int(0.85 * w)] = True
    sel = ink & middle
    assert sel.sum() > 20
    assert a[sel].mean() > b[sel].mean() + 10
    edge = (slice(int(0.3 * h), int(0.7 * h)), slice(0, int(0.02 * w)))
    assert np.abs(a[edge] - b[edge]).mean() < 6


# -- copied on a worn copier --------------------------------------------------------------------

def test_hantu_lays_a_ghost_a_rollers_turn_down():
    """A black bar near the top comes back pale a roller's turn (75-95 mm) lower and
    fainter a turn after that; without the ghost the place is white."""
    dpi = 50
    u = dpi / 25.4
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 250, 250))
    ImageDraw.Draw(page).rectangle([60 * u, 20 * u, 150 * u, 30 * u], fill=(10, 10, 10))
    for seed in range(4):
        plan = IG30.hantu_plan(page.size, random.Random(seed), u)
        out = _grey(IG30.hantu(page, random.Random(seed), dpi, smear=False, drum=False))
        plain = _grey(IG30.hantu(page, random.Random(seed), dpi, ghost=False, smear=False,
                                 drum=False))
        p = plan["pitch"]
        once = (slice(int(22 * u + p), int(28 * u + p)), slice(int(80 * u), int(130 * u)))
        twice = (slice(int(22 * u + 2 * p), int(28 * u + 2 * p)),
                 slice(int(80 * u), int(130 * u)))
        drop1 = plain[once].mean() - out[once].mean()
        drop2 = plain[twice].mean() - out[twice].mean()
        assert 15 < drop1 < 60 and 4 < drop2 < drop1
        assert 75 * u <= p <= 95 * u


def test_hantu_smear_keeps_off_the_name():
    dpi = 50
    u = dpi / 25.4
    for seed in range(30):
        plan = IG30.hantu_plan((mm_px(210, dpi), mm_px(297, dpi)), random.Random(seed), u,
                               (60, 120, 150, 128))
        x, width = plan["smear"]
        assert x + width < 60 * u or x > 150 * u


def test_ut_page_is_a_grey_copy_with_its_ghost(diplomas):
    page, _ = diplomas["ut_hantu", True]
    rgb = np.asarray(page).astype(int)
    assert (rgb.max(axis=2) - rgb.min(axis=2)).max() == 0                 # a grey copy
    grey = rgb[..., 0]
    assert (grey < 100).mean() > 0.01 and 0.002 < ((grey > 150) & (grey < 235)).mean()
