"""The eighteenth held-out group of card and diploma designs: kept apart (registered in group
18, never drawn unasked, listed by the benchmark), what is new on them shows on the rendered
cards (a scratched drum's line through the NIK's digits, a used sheet's letter showing
through, the values set below their labels' line; a diploma copied two-up with its SKHUN,
one torn and mended with tape), every field is printed and what is printed is the truth,
their faces' files are installed, and the earlier designs keep their drawing (the new looks
are off on all of them). No reader runs here."""
from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from benchmarks import ktp_accuracy
from scansim import ijazah as IJ
from scansim import ktp_designs as KD
from scansim.draw import mm_px
from scansim.ijazah_group18 import dua_satu, taped_tear
from scansim.ktp import make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.ktp_group18 import LETTER_PHRASES, drum_streak, show_through
from scansim.people import make_people
from tests.scansim.test_design_groups import (
    IJAZAH_18,
    KTP_18,
    _card,
    _faces_from_new_packages,
    _grey,
    _new_ktp_group,
    _pair,
    _printed,
    _two_colour_lines,
)

VALUES = ("nama", "tempat_tgl_lahir", "jenis_kelamin_text", "alamat", "rt_rw", "kel_desa",
          "kecamatan", "agama", "status_perkawinan", "pekerjaan", "kewarganegaraan",
          "berlaku_hingga")


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261218)


def test_group_18_is_held_out_and_listed():
    assert KD.HELD_OUT_18 == KTP_18 == KD.HELD_OUT_GROUPS[18]
    names = tuple(KD.DESIGNS)
    at = names.index(KTP_18[0])                  # added after all the others before it,
    assert names[at:at + 2] == KTP_18            # the later groups' after it
    assert all(KD.DESIGNS[n].group < 18 for n in names[:at])
    assert all(KD.DESIGNS[n].group > 18 for n in names[at + 2:])
    for name in KTP_18:
        assert KD.DESIGNS[name].group == 18
        assert name not in KD.TUNED and name not in KD.DRAWN
    assert tuple(ktp_accuracy.LATER[18]) == KTP_18
    assert ktp_accuracy.stream(18) == "held-out-18"


def test_group_18_differs_from_every_earlier_design():
    earlier = _new_ktp_group(18, KD.HELD_OUT_18)
    _faces_from_new_packages(earlier, KTP_18)
    streaked, used = (KD.DESIGNS[n] for n in KTP_18)
    assert streaked.drum_streak > 0 and not streaked.show_through
    assert used.show_through > 0 and not used.drum_streak
    assert streaked.nik_track_mm > 0 and used.upper_labels and not streaked.upper_labels
    # the values sit lower under their labels than on any earlier card
    assert used.value_dy_mm > max(e.value_dy_mm for e in earlier)
    # the new looks are off on every earlier card: their drawing is as it was
    assert not any(e.drum_streak or e.show_through for e in earlier)
    assert {"parang", "truntum"} <= set(KD.PATTERNS)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_18_parang_background(dpi):
    """The parang card's print has blade outlines in both of its colours."""
    _two_colour_lines("tuffy_garis", 3, dpi, 0.01)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_18_truntum_background(dpi):
    """The truntum card's print has petals and hearts in both of its colours."""
    _two_colour_lines("quercus_bekas", 4, dpi, 0.01)


def _bars(dpi: int) -> tuple[Image.Image, tuple[float, float, float, float]]:
    """A white card with a row of black bars where a NIK stands, and the box round them."""
    u = dpi / 25.4
    img = _card(dpi=dpi)
    d = ImageDraw.Draw(img)
    for k in range(16):
        x = (16 + 2.6 * k) * u
        d.rectangle([x, 10 * u, x + 0.6 * u, 14 * u], fill=(0, 0, 0))
    return img, (15 * u, 9.5 * u, 60 * u, 14.5 * u)


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_drum_streak_runs_through_the_nik(dpi, seed):
    """The line runs down the whole card, narrow and dark grey, on one of the NIK's
    strokes; the paper only a little fogged; the bars it crosses stay darker than it."""
    u = dpi / 25.4
    img, box = _bars(dpi)
    grey = _grey(drum_streak(img, random.Random(seed), 0.85, dpi, box))
    above = grey[int(4 * u):int(9.5 * u)]              # just above the bars: paper and line
    cols = above.mean(axis=0)
    paper = float(np.median(cols))
    x = int(np.argmin(cols))
    assert 225 < paper < 250                           # fogged a little, not grey
    assert cols[x] < paper - 60
    assert ((cols < paper - 30).sum()) < 1.0 * u       # narrow: under a millimetre
    down = grey[:, x - int(0.3 * u):x + int(0.3 * u) + 1].min(axis=1)   # the line, a shade
    assert (down < paper - 30).mean() > 0.9                             # off plumb: all down
    bars = [int((16 + 2.6 * k) * u) for k in range(16)]
    assert any(b - 2 <= x <= b + 0.6 * u + 2 for b in bars)   # on a stroke, not a gap
    crossed = grey[int(10.5 * u):int(13.5 * u), x - 2:x + 3].min(axis=1)
    assert crossed.max() < 40 < cols[x]                 # the bar darker than the line


@pytest.mark.parametrize("dpi", [200, 300])
def test_tuffy_garis_line_crosses_the_nik_digits(people, dpi):
    """The card as drawn against the same card without the scratched drum: what differs
    most is one narrow line down the card (the whole height) through the NIK's digits,
    and the NIK row keeps its ink."""
    u = dpi / 25.4
    des = KD.DESIGNS["tuffy_garis"]
    card, bare, truth = _pair(people[0], "tuffy_garis", dpi, dpi, drum_streak=0.0)
    diff = _grey(bare) - _grey(card)
    assert (diff < -3).mean() < 0.001                  # only ever darker
    strong = (diff > 40).mean(axis=0)
    x = int(np.argmax(strong))
    assert strong[x] > 0.6                             # down most of the card's height
    assert (strong > 0.3).sum() < 1.2 * u              # one narrow line
    nik = _grey(bare)[int(des.nik_y_mm * u):int((des.nik_y_mm + des.nik_mm) * u)]
    inked = np.flatnonzero((nik < 120).any(axis=0))
    inked = inked[inked > (des.label_x_mm + 12.5) * u]
    assert inked[0] < x < inked[-1]
    box = _grey(card)[int((des.nik_y_mm - 0.5) * u):int((des.nik_y_mm + des.nik_mm + 0.5) * u),
                      int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
    assert (box < 100).mean() > 0.06
    line = np.median(_grey(card)[:, x])
    assert np.percentile(box, 3) + 50 < line < np.median(_grey(bare)) - 60   # grey, not black
    assert truth["nik"] == people[0]["nik"] and truth["design"] == "tuffy_garis"


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_show_through_lays_pale_lines_of_text(dpi, seed):
    """On a white card the letter behind it only darkens, and only a little (pale), over
    a fair share of the card, in lines along the card: the rows' darkening comes and
    goes far more than the columns'."""
    img = _card(dpi=dpi)
    lift = _grey(show_through(img, random.Random(seed), 0.85, dpi)) - 255
    assert lift.max() <= 0 and lift.min() > -75
    marked = lift < -6
    assert 0.03 < marked.mean() < 0.5
    rows, cols = marked.mean(axis=1), marked.mean(axis=0)
    assert rows.std() > 2 * cols.std()


def test_letter_phrases_are_an_office_letters():
    joined = " ".join(LETTER_PHRASES)
    assert "Nomor" in joined and "Demikian" in joined and len(LETTER_PHRASES) >= 12


@pytest.mark.parametrize("dpi", [200, 300])
def test_quercus_bekas_letter_shows_under_the_print(people, dpi):
    """The card as drawn against the same card on a clean sheet: darker only, over a good
    part of the card, pale beside the print: the NIK's ink stays far darker."""
    u = dpi / 25.4
    des = KD.DESIGNS["quercus_bekas"]
    card, bare, truth = _pair(people[1], "quercus_bekas", dpi, dpi, show_through=0.0)
    lift = _grey(card) - _grey(bare)
    assert (lift > 3).mean() < 0.001
    assert (lift < -8).mean() > 0.03
    assert np.percentile(lift, 1) > -70
    nik = _grey(card)[int((des.nik_y_mm - 0.5) * u):int((des.nik_y_mm + des.nik_mm + 0.5) * u),
                      int((des.label_x_mm + 13) * u):int((des.photo_x_mm - 2) * u)]
    assert np.percentile(nik, 5) < 80 and np.percentile(nik, 60) > 150
    assert truth["nik"] == people[1]["nik"] and truth["design"] == "quercus_bekas"


def _value_bottom(grey: np.ndarray, des, row: int, u: float) -> int:
    """The lowest row (px) of dark ink in the value of field-block row ``row``."""
    top = des.first_y_mm + row * des.step_mm
    band = grey[int((top - 0.5) * u):int((top + des.text_mm + 1.2) * u),
                int((des.colon_x_mm + 1.0) * u):int((des.colon_x_mm + 9) * u)]
    return int((top - 0.5) * u) + int(np.flatnonzero((band < 110).any(axis=1))[-1])


@pytest.mark.parametrize("dpi", [200, 300])
def test_quercus_bekas_values_sit_below_their_labels(people, dpi):
    """Drawn with the values on their labels' line, every value's ink ends about half a
    millimetre higher than as designed; the labels do not move."""
    u = dpi / 25.4
    des = dataclasses.replace(KD.DESIGNS["quercus_bekas"], show_through=0.0, wear=0.0)
    low, _ = make_ktp(people[2], rng=random.Random(3), dpi=dpi, design=des)
    level, _ = make_ktp(people[2], rng=random.Random(3), dpi=dpi,
                        design=dataclasses.replace(des, value_dy_mm=0.0))
    a, b = _grey(low), _grey(level)
    for row in (0, 7, 10):   # Nama, Agama, Kewarganegaraan
        drop = _value_bottom(a, des, row, u) - _value_bottom(b, des, row, u)
        assert abs(drop - des.value_dy_mm * u) <= 1.5, row
    labels = (slice(int(des.first_y_mm * u), int(50 * u)),
              slice(int(des.label_x_mm * u), int((des.colon_x_mm - 1) * u)))
    assert np.abs(a[labels] - b[labels]).max() < 3


@pytest.mark.parametrize("name", KTP_18)
def test_group_18_cards_print_the_truth(people, name, monkeypatch):
    """The NIK (set digit by digit where tracked) and every value are printed as the truth
    records them, the name the person's."""
    texts = _printed(monkeypatch)
    _, truth = make_ktp(people[1], rng=random.Random(5), dpi=100, design=name)
    assert truth["nik"] in "".join(texts)
    for key in VALUES:
        assert truth[key] in texts, key
    assert truth["nama"] == people[1]["nama"].upper() and truth["nik"] == people[1]["nik"]


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("name", KTP_18)
def test_group_18_copies_stay_legible(people, name, color):
    """On a grey or colour copy page at 200 dpi the card's print is still far darker than
    the paper round it (the line and the letter behind it are pale beside it)."""
    page, truth = make_ktp_copy_page(people[3], rng=random.Random(3), dpi=200, color=color,
                                     design=name)
    x0, y0, x1, y1 = truth["card_box"]
    inner = _grey(page)[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4,
                        x0 + (x1 - x0) // 8:x0 + (x1 - x0) // 2]
    assert np.percentile(inner, 50) > 150 and np.percentile(inner, 3) < 70
    assert truth["design"] == name and truth["nik"] == people[3]["nik"]


@pytest.mark.parametrize("name", KTP_18)
def test_group_18_cards_are_deterministic(people, name):
    a, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    b, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    assert a.tobytes() == b.tobytes()
    front, _ = make_ktp(people[2], rng=random.Random(1), dpi=100, design=name)
    back = make_ktp_back(rng=random.Random(1), dpi=100, design=name)
    plain = make_ktp_back(rng=random.Random(1), dpi=100,
                          design=dataclasses.replace(KD.DESIGNS[name], drum_streak=0.0,
                                                     show_through=0.0))
    assert back.size == front.size and back.tobytes() != plain.tobytes()   # the same copy


def test_two_up_lays_two_pages_side_by_side(people):
    """Two upright pages come out reduced on one landscape sheet, one in each half, both
    inked; the margins between and around them stay paper."""
    dpi = 60
    w, h = mm_px(210, dpi), mm_px(297, dpi)
    page = Image.new("RGB", (w, h), (250, 250, 250))
    ImageDraw.Draw(page).rectangle([w // 5, h // 5, 4 * w // 5, 4 * h // 5], fill=(20, 20, 20))
    sheet = np.asarray(dua_satu(page, page.copy(), random.Random(3), dpi).convert("L"))
    assert sheet.shape == (w, h)                       # landscape: A4 turned
    dark = sheet < 100
    left, right = dark[:, : h // 2], dark[:, h // 2:]
    for half in (left, right):
        assert 0.15 < half.mean() < 0.45               # a reduced page's block of ink
    assert not dark[:, h // 2 - 2: h // 2 + 2].any()   # a gap between them


@pytest.mark.parametrize("dpi", [100, 200])
def test_taped_tear_leaves_amber_tape_across_the_page(dpi):
    """A white page comes back with an amber band (the tape) across its middle, the top
    and bottom of the page still white paper."""
    w, h = mm_px(210, dpi), mm_px(297, dpi)
    out = np.asarray(taped_tear(Image.new("RGB", (w, h), (250, 250, 250)),
                                random.Random(4), dpi)).astype(int)
    assert out.shape[:2] == (h, w)
    amber = (out[..., 0] - out[..., 2] > 25)
    rows = amber.mean(axis=1)
    assert rows[h // 2 - mm_px(15, dpi): h // 2 + mm_px(15, dpi)].max() > 0.5
    assert rows[: h // 4].max() < 0.01 and rows[-h // 4:].max() < 0.01


def test_skhun_dua_satu_names_the_holder_twice(people, monkeypatch):
    """The diploma and its SKHUN both print the holder's name; the sheet is landscape and
    the truth keeps the diploma's own level and number."""
    texts = _printed(monkeypatch)
    img, truth = IJ.make_ijazah(people[0], rng=random.Random(5), dpi=60,
                                design="skhun_dua_satu")
    assert img.width > img.height and truth["jenjang"] in ("SMP", "SMA")
    assert texts.count(truth["nama"]) >= 2
    assert "SURAT KETERANGAN HASIL UJIAN NASIONAL" in texts
    assert any(truth["nomor"] in t for t in texts)


def test_institut_selotip_names_the_holder_in_its_sentence(people, monkeypatch):
    """The institute's diploma names the holder (each word of the name printed) after
    "menyatakan bahwa"; the level is S1."""
    texts = _printed(monkeypatch)
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(6), dpi=60,
                              design="institut_selotip")
    joined = " ".join(texts)
    assert truth["jenjang"] == "S1"
    assert "menyatakan bahwa" in joined
    after = joined[joined.index("menyatakan bahwa"):]
    assert all(word in after for word in truth["nama"].split(" "))


@pytest.mark.parametrize("name", IJAZAH_18)
def test_group_18_diplomas_are_deterministic(people, name):
    a, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    b, _ = IJ.make_ijazah(people[2], rng=random.Random(1), dpi=60, design=name)
    assert a.tobytes() == b.tobytes()
