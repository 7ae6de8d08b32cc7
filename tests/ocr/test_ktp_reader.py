"""The KTP reader on rendered copy pages of the tuned card designs, with real Tesseract."""
from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest
from PIL import ImageDraw

from benchmarks import formboxes as F
from ocr.ktp import find_cards, print_share, read_ktp
from ocr.ktp.nikread import choose
from scansim.ktp import make_ktp_copy_page
from scansim.ktp_designs import TUNED
from scansim.people import make_people

SCALES = (0.85, 1.5, 1.2, 1.0, 1.35, 1.1, 1.45)


@pytest.fixture(scope="module")
def people():
    people = make_people(12, seed=20261130)
    for p in people[1::2]:
        p["jenis_kelamin"] = "P"
        day = p["tanggal_lahir"].day + 40
        p["nik"] = p["nik"][:6] + f"{day:02d}" + p["nik"][8:]
    return people


def _by_name(findings):
    return {f.name: f for f in findings}


@pytest.fixture(scope="module")
def readings(people):
    """One copy page per tuned design: 200/300 dpi, grey/colour, zoomed, turned, with and
    without the back, read once for the tests below."""
    out = []
    for i, design in enumerate(TUNED):
        dpi, color = (200, 300)[i % 2], i % 3 != 0
        page, truth = make_ktp_copy_page(people[i], rng=random.Random(100 + i), dpi=dpi,
                                         color=color, back=i % 2 == 0, design=design,
                                         scale=SCALES[i % len(SCALES)], turn=i % 4)
        out.append((truth, read_ktp(page, dpi=dpi), color, i % 2 == 0))
    return out


def test_each_design_found_and_never_a_confident_wrong_value(readings):
    for truth, reading, color, back in readings:
        assert reading.found and reading.cards == (2 if back else 1), truth["design"]
        assert reading.color is color
        for key, value in reading.confident_values().items():
            assert value == truth[key] or (key == "alamat" and value in truth[key]), \
                (truth["design"], key, value)


def test_most_niks_read_with_confidence_and_names_read(readings):
    sure = [r.nik == t["nik"] and r.nik_valid for t, r, _, _ in readings
            if "nik" in r.confident_values()]
    assert sum(sure) >= len(readings) - 1
    for truth, reading, _, _ in readings:
        assert reading.nama == truth["nama"], truth["design"]
        assert reading.jenis_kelamin == truth["jenis_kelamin"], truth["design"]
        if reading.nik_matches_card:
            assert reading.tanggal_lahir == truth["tanggal_lahir"]


def test_upright_angle_undoes_the_turn(readings):
    for truth, reading, _, _ in readings:
        turned = (reading.upright_angle + truth["card_angle"]) % 360
        assert min(turned, 360 - turned) < 6, truth["design"]


def test_findings_compared_with_the_roster(people):
    page, truth = make_ktp_copy_page(people[3], rng=random.Random(4), dpi=300,
                                     design=TUNED[0])
    reading = read_ktp(page)
    own = _by_name(reading.findings(people[3]))
    assert own["nik"].ok is True and own["nama"].ok is True and own["alamat"].ok is True
    assert own["tanggal_lahir"].confidence >= 0.95      # the NIK vouches for the date
    other = _by_name(reading.findings(people[0]))
    assert other["nik"].ok is False and other["nama"].ok is False
    assert other["nik"].expected == people[0]["nik"]


def test_a_nik_partly_covered_is_not_read_with_confidence(people):
    page, truth = make_ktp_copy_page(people[5], rng=random.Random(5), dpi=300,
                                     design=TUNED[1], max_skew=0.0)
    x0, y0, x1, y1 = truth["card_box"]
    u = (x1 - x0) / 85.6
    # a smudge over the last digits of the NIK (the serial, which nothing else confirms)
    ImageDraw.Draw(page).rectangle([x0 + 47 * u, y0 + 9.8 * u, x0 + 57 * u, y0 + 14.2 * u],
                                   fill=(252, 252, 252))
    reading = read_ktp(page)
    assert reading.found
    assert reading.nik is None or reading.value_confidence("nik") < 0.6
    assert "nik" not in reading.confident_values()


def test_votes_and_cross_checks():
    birth, nik = dt.date(1985, 8, 16), "6201045608850029"
    assert choose([nik, nik, nik], birth, "P").confidence >= 0.95
    serial_shapes = ("glyph", "?" * 12 + nik[12:])      # digit shapes saw the serial alike
    assert choose([serial_shapes, nik, nik], birth, "P").confidence >= 0.95
    # the serial, which nothing on the card checks, read alike by text twice only: a face
    # the text model misreads (a 9 read as 4) misreads it the same way every time
    assert choose([nik, nik], birth, "P").confidence < 0.6
    assert choose([nik, nik, nik, nik[:12] + "0028"], birth, "P").confidence < 0.6
    assert choose([nik], birth, "P").confidence < 0.6                    # one reading only
    worn = nik[:12] + "9929"           # a worn "00" read "99" alike by every reading
    assert choose([("glyph", worn), worn, worn, worn], birth, "P").confidence < 0.6
    assert choose([serial_shapes, nik, nik], birth, "L").confidence < 0.6   # sex disagrees
    assert choose([serial_shapes, nik, nik], dt.date(1985, 8, 15), "P").confidence < 0.6
    rival = "6201045608850028"
    assert choose([nik, rival, nik, rival], birth, "P").confidence < 0.6  # a tie
    assert choose([nik, rival, nik], birth, "P").nik == nik
    assert choose(["620104560885", "12"], birth, "P").nik is None


def test_a_serial_digit_the_shapes_read_outweighs_a_text_reading_slip():
    birth, nik = dt.date(1985, 8, 16), "6201045608850029"
    slip = nik[:12] + "8029"           # one text reading: a struck 0 read as an 8
    shapes = ("glyph", "?" * 12 + "0??9")
    assert choose([shapes, nik, nik, slip, nik], birth, "P").confidence >= 0.95
    # the digit the text readings disagree on, not read by the shapes: unsure
    assert choose([("glyph", "?" * 13 + "0?9"), nik, nik, slip, nik], birth,
                  "P").confidence < 0.6


def test_a_serial_digit_the_shapes_name_elsewhere_but_not_there_is_not_the_text_s():
    # a flat-topped 3 that no template draws so, left open by the digit shapes, read as
    # 5 by every text reading; the shapes named the band's own 5 (a 200 dpi colour copy)
    birth, nik = dt.date(1976, 12, 25), "6201022512760005"
    shapes = [("glyph", "620102251276000?")] * 2
    text = [("text", nik)] * 3
    assert choose([*shapes, *text], birth, "L").confidence < 0.6
    # a digit the shapes named nowhere on the band: the text's alike readings vouch for it
    other = "6201022512760004"
    assert choose([*shapes, *[("text", other)] * 3], birth, "L").confidence >= 0.95


def test_background_only_back_has_no_print(people):
    page, _ = make_ktp_copy_page(people[0], rng=random.Random(7), dpi=200, color=False,
                                 back=True, design=TUNED[2])
    shares = sorted(print_share(card) for card in find_cards(np.asarray(page), dpi=200))
    assert len(shares) == 2 and shares[0] < 0.01 < 0.03 < shares[1]


def test_no_card_on_page():
    reading = read_ktp(F.letter_page(np.random.default_rng(5), 200))
    assert reading.found is False and reading.nik is None
    assert reading.confident_values() == {}
    assert _by_name(reading.findings({"nik": "6201041608850029"}))["nik"].ok is None


def test_two_ways_of_reading_that_disagree_are_not_outvoted():
    birth, nik, other = dt.date(1970, 9, 5), "6201010509700009", "6201010509700004"
    text = [("text", other)] * 5
    assert choose(text, birth, "L").confidence >= 0.95
    assert choose([("glyph", nik), ("glyph", nik), *text], birth, "L").confidence < 0.6
    # a digit shape not read says nothing against it; one read otherwise does
    assert choose([("glyph", "620101050970000?"), *text], birth, "L").confidence >= 0.95
    assert choose([("glyph", "62010105097000?9"), *text], birth, "L").confidence < 0.6


def test_digit_shapes_fill_in_from_the_text_only_where_the_card_checks():
    birth, nik = dt.date(2001, 2, 6), "6201050602010004"
    shapes = [("glyph", "620105?602010004"), ("glyph", "620105?602010004")]
    text = [("text", "6201050602016004"), ("text", "6201050602616604"),
            ("text", "6201650602610604"), ("text", "6201050602616004")]
    assert choose([*shapes, *text], birth, "L").nik == nik
    assert choose([*shapes, *text], birth, "L").confidence >= 0.95
    # a gap in the serial is not filled from the text
    gap = [("glyph", "62010506020100?4")] * 2
    assert choose([*gap, *text], birth, "L").confidence < 0.6
    # a fitting text reading read twice stands against the shapes
    twice = [("text", "6201050602016004")] * 2
    assert choose([*shapes, *twice, *text[1:]], birth, "L").confidence < 0.6


def test_a_text_reading_with_a_serial_no_card_carries_is_no_rival_to_the_shapes():
    # a widely spaced zero of the serial read as a nine by the text model every time, as
    # a zero by the digit shapes (a 200 dpi colour copy of a card with a wide bold NIK)
    birth, nik = dt.date(2005, 2, 9), "6201020902050030"
    shapes = [("glyph", nik)] * 3
    text = [("text", "6201020902059030")] * 6 + [("text", "6201020902054030"), ("text", nik)]
    chosen = choose([*shapes, *text], birth, "L")
    assert chosen.nik == nik and chosen.confidence >= 0.95
    # no text reading shows the shapes' NIK: the text's stands against them
    assert choose([*shapes, *text[:-1]], birth, "L").confidence < 0.6
    # read so with a serial cards carry, the text reading stands against the shapes
    usual = [("text", "6201020902050080")] * 6
    assert choose([*shapes, *usual], birth, "L").confidence < 0.6


def test_card_of_another_printer_wide_nik_and_address_under_the_photo():
    """A card laid out by someone else (benchmarks/outside): the NIK runs over the photo's
    column and is read whole; an address hidden at its end under the photo is not taken."""
    from PIL import Image

    from benchmarks.outside_cards import make_outside_ktp

    people = make_people(3, seed=2)
    for i in (0, 2):
        card, truth = make_outside_ktp(people[i], rng=random.Random(i), dpi=300)
        page = Image.new("RGB", (2480, 3508), "white")
        page.paste(card, (300, 300))
        sure = read_ktp(page).confident_values()
        assert sure.get("nik") == truth["nik"]
        assert sure.get("alamat") in (None, truth["alamat"])


@pytest.mark.parametrize("read, printed", [
    ("1 JL. PANGERAN ANTASARI NO. 18", "JL. PANGERAN ANTASARI NO. 18"),   # colon read as 1
    ("JL. KASUARI NO: 1 |", "JL. KASUARI NO. 1"),                          # card edge as |
    ("jl. melati gg. family no. 51", "JL. MELATI GG. FAMILY NO. 51"),
    ("GG. MAWAR 1", "GG. MAWAR 1"),
])
def test_address_as_printed(read, printed):
    from ocr.ktp.reading import clean_address

    assert clean_address(read) == printed


@pytest.mark.parametrize(("design", "person", "n"), [
    ("dosis_gelap", 0, 5),        # a copy made far too dark: a grey fog over a woven mesh
    ("slab_legalisir", 17, 140),  # a dense ikat print, the card copied at 80 %, 200 dpi
])
def test_a_card_copied_too_dark_is_still_a_card_and_its_values_go_to_a_person(design, person,
                                                                                n):
    """The print cut as usual takes the dark background with it and shows no labels, so
    the page was taken for a pas foto (its photo) or for nothing; cut nearer the ink, the
    labels read: a KTP, whatever of its values a person then reads."""
    from benchmarks.ktp_accuracy import card_case

    got = card_case(make_people(18, seed=11)[person], n, 11, ["slab_legalisir", "dosis_gelap"])
    assert (got["design"], got["dpi"], got["colour"]) == (design, 200, False)
    assert got["doc"] == "ktp"
    assert not got["nik_wrong"] and not got["name_wrong"]


def test_a_card_read_again_keeps_the_reading_with_more_labels():
    """`cantarell_pita` 200 dpi colour: the name's row is not among the first reading's
    fields; the print cut nearer the ink shows a 'name' but fewer labels (a place name
    taken for it, 'NUINLAMA'), so the first reading stands and the name is found by the
    rows' order."""
    from benchmarks.ktp_accuracy import LATER, card_case, stream

    got = card_case(make_people(10, seed=11)[0], 1, 11, list(LATER[7]), stream(7))
    assert (got["design"], got["dpi"], got["colour"]) == ("cantarell_pita", 200, True)
    assert got["nik_right"] and got["name"]


def test_a_card_the_wrong_way_up_is_read_once_each_way_before_again(people, monkeypatch):
    """A card whose photo was not found is tried as it lies and turned round: the wrong
    way up reads no label, and the right way up is read before the wrong way up is read
    again in the renderings a dark copy needs (two readings of the field block, not
    four)."""
    import ocr.ktp.read as read_module
    from ocr.ktp.cards import stand_upright

    page, truth = make_ktp_copy_page(people[0], rng=random.Random(7), dpi=300, color=False,
                                     back=False, design=TUNED[0], scale=1.0, turn=0)
    upright, photo = stand_upright(find_cards(page, dpi=300)[0])
    assert photo is not None
    calls = []
    real = read_module.read_fields
    monkeypatch.setattr(read_module, "read_fields",
                        lambda img: calls.append(img.shape) or real(img))
    wrong_way = upright.flipped()
    reading, turned = read_module.read_card(wrong_way, (wrong_way, None))
    assert len(calls) == 2
    assert reading.nik == truth["nik"] and reading.front_words >= read_module.MIN_FRONT_LABELS


def test_a_second_reading_made_for_the_nik_keeps_what_the_first_read_surely():
    from ocr.ktp.reading import KtpReading

    first = KtpReading(found=True, nik="6201012505790017", nama="WAWAN",
                       tanggal_lahir="1979-05-25", jenis_kelamin="L",
                       confidences={"nik": 0.4, "nama": 0.9, "tanggal_lahir": 0.9,
                                    "jenis_kelamin": 0.9})
    again = KtpReading(found=True, nik="6201012505790017", nama="WAWAN",
                       tanggal_lahir="1979-05-25", jenis_kelamin="P",
                       confidences={"nik": 0.95, "nama": 0.3, "tanggal_lahir": 0.6,
                                    "jenis_kelamin": 0.5})
    again.take_surer(first)
    assert again.confident_values()["nama"] == "WAWAN"
    assert again.value_confidence("nik") == 0.95 and again.value_confidence("tanggal_lahir") == 0.9
    # a sex read otherwise keeps the second reading's own, unsure, value
    assert (again.jenis_kelamin, again.value_confidence("jenis_kelamin")) == ("P", 0.5)
