"""The NIK's digit shapes read in faces the reader has no templates of, over-inked ones
among them, and a glyph between two digits left unread."""
from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.ktp.cards import mm
from ocr.ktp.glyphs import (
    FONT_ROOT,
    MIN_MATCH,
    SIDE_PAIRS,
    _drawn,
    _shows,
    _similarity,
    face_weights,
    glyph_spans,
    match_shapes,
    normalise_band,
    number_faces,
    read_glyphs,
)
from ocr.ktp.nikread import fit_band
from tests.support.nik_band import read_shapes

NIK = "6201054709910003"


def _band(face: str, text: str = NIK, squeeze: float = 1.0) -> np.ndarray:
    """``text`` set in ``face`` (a path under FONT_ROOT) as a card's NIK line, 4 mm type,
    at the cut-out card's resolution, binarised (print 0 on 255)."""
    font = ImageFont.truetype(str(FONT_ROOT / face), mm(4.0))
    left, top, right, bottom = font.getbbox(text)
    img = Image.new("L", (right - left + mm(4.0), bottom - top + mm(3.0)), 255)
    ImageDraw.Draw(img).text((mm(2.0) - left, mm(1.5) - top), text, font=font, fill=0)
    if squeeze != 1.0:
        img = img.resize((int(img.width * squeeze), img.height), Image.LANCZOS)
    return np.where(np.asarray(img) < 128, 0, 255).astype(np.uint8)


@pytest.mark.parametrize(("face", "squeeze"), [
    ("truetype/ocr-a/OCRACondensed.ttf", 1.0),     # the condensed OCR-A-like NIK face
    ("truetype/ocr-a/OCRABold.ttf", 0.8),           # a heavier OCR-A, printed narrower
    ("truetype/dejavu/DejaVuSansMono-Bold.ttf", 0.75),   # a template face, squeezed
])
def test_a_face_the_reader_has_no_templates_of_is_read(face, squeeze):
    if not (FONT_ROOT / face).is_file():
        pytest.skip(f"{face} is not installed (scripts/setup.sh installs it)")
    assert squeeze != 1.0 or face not in number_faces()
    read = read_shapes(_band(face, squeeze=squeeze), NIK)
    assert read.count("?") <= 1, read


def test_a_glyph_between_two_digits_is_left_unread():
    """Half a 0 and half an 8 in one glyph: neither digit clearly beats the other."""
    face = "truetype/dejavu/DejaVuSansMono-Bold.ttf"
    eight = _band(face, NIK[:9] + "8" + NIK[10:])
    zero = _band(face, NIK[:9] + "0" + NIK[10:])
    x0, x1, _, _ = glyph_spans(eight)[9]
    mixed = eight.copy()
    middle = (x0 + x1) // 2
    mixed[:, x0:middle] = zero[:, x0:middle]
    boxes = glyph_spans(mixed)
    assert len(boxes) == len(NIK)
    read = read_glyphs(mixed, boxes)
    assert read[9] == "?"
    assert read[:9] + read[10:] == NIK[:9] + NIK[10:]


def test_pieces_that_are_not_the_digits_name_none():
    """Sixteen boxes that are fourteen digits, two of them broken in two (a thin face
    broken apart), do not step evenly along the band: no digit is named from them."""
    band = _band("truetype/dejavu/DejaVuSansMono.ttf")
    pieces = []
    for i, (x0, x1, y0, y1) in enumerate(glyph_spans(band)[:14]):
        middle = (x0 + x1) // 2
        pieces += [(x0, middle, y0, y1), (middle, x1, y0, y1)] if i in (3, 4) else \
            [(x0, x1, y0, y1)]
    assert len(pieces) == len(NIK)
    assert read_glyphs(band, pieces) == "?" * len(NIK)


def test_the_foot_of_a_digit_that_broke_off_joins_it():
    # three whole glyphs and a 2 struck in dots whose foot (one row of dots, a little
    # below the line) parted from its upper part
    band = np.full((60, 200), 255, np.uint8)
    for x in (10, 50, 130):
        band[8:46, x:x + 25] = 0
    band[8:32, 92:117] = 0           # the 2's bowl and diagonal
    band[44:49, 90:116] = 0          # its foot
    boxes = glyph_spans(band)
    assert len(boxes) == 4
    assert boxes[2][:2] == (90, 117) and boxes[2][2:] == (8, 49)


def test_a_glyph_matched_far_worse_than_the_band_is_not_named():
    # a glyph cut wrong (a 3 whose arms broke off) that still looks a little like a 1:
    # the band's other glyphs match almost perfectly, it matches a 1 far worse
    band = _band("truetype/dejavu/DejaVuSansMono.ttf", "6201032604920025")
    ink = band == 0
    shapes = normalise_band([ink[y0:y1, x0:x1] for x0, x1, y0, y1 in glyph_spans(band)])
    noise = np.random.default_rng(0).normal(0, 0.3, shapes[3].shape)
    shapes[5] = np.clip(shapes[3] + noise, 0, 1).astype(np.float32)
    assert MIN_MATCH < float(_similarity(np.array(shapes[5:6])).max()) < 0.85
    assert match_shapes(shapes) == "62010?2604920025"


def test_two_glyphs_that_touch_are_cut_apart():
    # a slanted 2's foot run into the next digit: one piece as wide as two glyphs
    band = np.full((60, 260), 255, np.uint8)
    for x in (10, 50, 90, 130, 170):
        band[8:46, x:x + 25] = 0
        band[14:40, x + 6:x + 19] = 255      # each glyph's counter
    band[40:46, 115:130] = 0                 # the third's foot touches the fourth
    boxes = glyph_spans(band)
    assert len(boxes) == 5
    assert boxes[2][0] <= 90 and 115 <= boxes[2][1] <= boxes[3][0] <= 130 <= 155 <= boxes[3][1]
    assert all(b[1] - b[0] < 40 for b in boxes)


@pytest.mark.parametrize("grow", [0, 1])
def test_an_over_inked_band_in_a_face_with_other_shapes_is_read(grow):
    """A monospaced face whose 3 has a flat top, whose 6 a straight stem and whose 0 a
    bar inside (none of the template faces draws them so), also printed a pixel bolder
    all round: its 6s told from 8s and 0s and its 3s from 5s by the side they leave open."""
    face = "truetype/jetbrains-mono/JetBrainsMono-Bold.ttf"
    if not (FONT_ROOT / face).is_file():
        pytest.skip(f"{face} is not installed (scripts/setup.sh installs it)")
    assert face not in number_faces()
    nik = "6203046909360039"
    band = _band(face, nik)
    if grow:
        band = cv2.erode(band, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3)))
    read = read_shapes(band, nik)
    assert read.count("?") <= 1, read


def test_no_template_digit_shows_the_other_side_of_its_pair():
    """The side tests hold for every template face at every weight it is drawn in: no
    digit of a pair shows the side its mate leaves open or inked."""
    checked = 0
    for name, weights in face_weights().items():
        if not (FONT_ROOT / name).is_file():
            continue
        for weight in weights:
            shapes = normalise_band(_drawn(FONT_ROOT / name, weight))
            for open_digit, inked_digit, _, _ in SIDE_PAIRS:
                for digit, mate in ((open_digit, inked_digit), (inked_digit, open_digit)):
                    assert not _shows(shapes[int(digit)], mate, digit), (name, weight, digit)
                    checked += 1
    assert checked



def test_a_nik_band_cut_through_its_first_digit_is_widened_to_take_it_whole():
    """A 6 whose left half lies left of the band as found reads as a 5: the band is
    followed left to the end of the first digit's print, and no further."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
                              mm(4.0))
    page = Image.new("L", (mm(80), mm(8)), 255)
    ImageDraw.Draw(page).text((mm(8), mm(1)), "NIK   6201012505790017", font=font, fill=0)
    binary = np.asarray(page)
    first = glyph_spans(binary)[3][0]           # the 6, after the label's three letters
    cut = first + mm(1.0)                       # the band found starts inside the 6
    rows, cols = fit_band(binary, slice(0, binary.shape[0]), slice(cut, binary.shape[1]))
    assert first - mm(1.0) <= cols.start <= first
    assert read_shapes(binary[rows, cols], "6201012505790017")[0] in "6?"


def test_a_digit_printed_paler_than_the_rest_is_still_cut_and_named():
    """A colour gradient across the NIK prints one digit pale; the cleaned print loses it
    (fifteen glyphs). The grey's own split keeps it: the band is cut there, all sixteen
    glyphs, and its digit shapes are read."""
    from ocr.ktp.nikread import _shape_makers

    face = "truetype/dejavu/DejaVuSansMono-Bold.ttf"
    binary = _band(face)
    font = ImageFont.truetype(str(FONT_ROOT / face), mm(4.0))
    left, top, _, _ = font.getbbox(NIK)
    pale = Image.new("L", binary.shape[::-1], 255)
    draw = ImageDraw.Draw(pale)
    x = mm(2.0) - left
    for k, digit in enumerate(NIK):
        draw.text((x, mm(1.5) - top), digit, font=font, fill=120 if k == 3 else 20)
        x += font.getlength(digit)
    flat = np.asarray(pale)
    cleaned = np.where(flat < 80, 0, 255).astype(np.uint8)     # the pale digit gone
    assert len(glyph_spans(cleaned)) == 15
    main, _ = _shape_makers(flat, cleaned, cleaned)
    readings = [make() for make in main]
    assert len(readings) == 2
    assert readings[0][12:] == NIK[12:] and readings[0][3] == NIK[3], readings
