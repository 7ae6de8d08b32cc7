"""A NIK struck by a dot-matrix head is recognised and joined into strokes before it is
read; a NIK in ordinary print is left as it is; a 0 and an 8 told apart by their waist."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from ocr.ktp.cards import PX_PER_MM, mm
from ocr.ktp.dots import dotted, join_dotted, join_print
from ocr.ktp.glyphs import (
    EIGHT_WAIST,
    FONT_ROOT,
    ZERO_WAIST,
    _waist_digit,
    normalise_band,
    waist,
)
from ocr.ktp.nikread import fit_band, read_nik_band
from scansim.ktp_prints import dot_text
from tests.support.nik_band import read_shapes

NIK = "3201054709910023"
FACE = "truetype/dejavu/DejaVuSansMono.ttf"
BIRTH = dt.date(1991, 9, 7)


def _band(dots: bool, slant: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """(grey, print) of a NIK line, 4 mm type at the cut-out card's resolution, drawn
    twice as large and reduced as a scan does, softened a little."""
    if not (FONT_ROOT / FACE).is_file():
        pytest.skip(f"{FACE} is not installed")
    font = ImageFont.truetype(str(FONT_ROOT / FACE), 2 * mm(4.0))
    left, top, right, bottom = font.getbbox(NIK)
    img = Image.new("L", (right - left + 2 * mm(4.0), bottom - top + 2 * mm(3.0)), 255)
    d = ImageDraw.Draw(img)
    xy = (2 * mm(2.0) - left, 2 * mm(1.5) - top)
    if dots:
        dot_text(d, xy, NIK, font, 0, slant=slant)
    else:
        d.text(xy, NIK, font=font, fill=0)
    img = img.resize((img.width // 2, img.height // 2), Image.BOX)
    grey = np.asarray(img.filter(ImageFilter.GaussianBlur(0.5)))
    return grey, np.where(grey < 128, 0, 255).astype(np.uint8)


def _band_200dpi(dots: bool) -> tuple[np.ndarray, np.ndarray]:
    """(grey, print) of a NIK line, 4.5 mm type, scanned at 200 dpi (its dots run
    together) and cut out at the card's resolution."""
    if not (FONT_ROOT / FACE).is_file():
        pytest.skip(f"{FACE} is not installed")
    font = ImageFont.truetype(str(FONT_ROOT / FACE), mm(4.5))
    left, top, right, bottom = font.getbbox(NIK)
    img = Image.new("L", (right - left + 2 * mm(4.0), bottom - top + 2 * mm(3.0)), 255)
    xy = (mm(2.0) - left, mm(1.5) - top)
    if dots:
        dot_text(ImageDraw.Draw(img), xy, NIK, font, 0, slant=6.0)
    else:
        ImageDraw.Draw(img).text(xy, NIK, font=font, fill=0)
    f = 200 / 25.4 / PX_PER_MM
    scan = img.filter(ImageFilter.GaussianBlur(0.6)).resize(
        (round(img.width * f), round(img.height * f)), Image.BOX)
    grey = np.asarray(scan.resize(img.size, Image.BICUBIC))
    return grey, np.where(grey < 140, 0, 255).astype(np.uint8)


def test_a_dot_matrix_band_scanned_at_200_dpi_is_recognised_on_its_digits_line():
    # the dots have run together: a closing fills little, but specks stay enclosed
    for dots in (True, False):
        grey, binary = _band_200dpi(dots)
        rows, cols = fit_band(binary, slice(0, binary.shape[0]), slice(0, binary.shape[1]))
        assert dotted(binary[rows, cols]) is dots
    grey, binary = _band_200dpi(True)
    whole = slice(0, binary.shape[0]), slice(0, binary.shape[1])
    flat, ink, thin = join_dotted(grey, binary, binary, *whole)
    result = read_nik_band(flat, ink, dt.date(1991, 9, 7), "PEREMPUAN", thin,
                           dotted=ink is not binary)
    assert ink is not binary and result.nik == NIK and result.confident


@pytest.mark.parametrize("slant", [0.0, 6.0])
def test_a_dot_matrix_band_is_joined_and_read(slant):
    grey, binary = _band(dots=True, slant=slant)
    assert dotted(binary)
    read = read_shapes(join_print(binary), NIK)
    assert read.count("?") <= 4, read


def test_a_dot_matrix_nik_is_read_sure():
    grey, binary = _band(dots=True, slant=6.0)
    rows, cols = slice(0, binary.shape[0]), slice(0, binary.shape[1])
    flat, ink, thin = join_dotted(grey, binary, binary, rows, cols)
    result = read_nik_band(flat, ink, BIRTH, "PEREMPUAN", thin)
    assert result.nik == NIK
    assert result.confident


def test_a_band_of_ordinary_print_is_left_as_it_is():
    grey, binary = _band(dots=False)
    assert not dotted(binary)
    rows, cols = slice(0, binary.shape[0]), slice(0, binary.shape[1])
    flat, ink, thin = join_dotted(grey, binary, binary, rows, cols)
    assert flat is grey and ink is binary and thin is binary


@pytest.mark.parametrize("face", ["truetype/freefont/FreeMonoBold.ttf",
                                  "truetype/liberation/LiberationMono-Bold.ttf",
                                  "opentype/urw-base35/NimbusMonoPS-Bold.otf"])
def test_a_zero_keeps_its_width_at_mid_height_and_an_eight_pinches(face):
    if not (FONT_ROOT / face).is_file():
        pytest.skip(f"{face} is not installed")
    font = ImageFont.truetype(str(FONT_ROOT / face), mm(4.0) * 2)
    shapes = []
    for digit in "08":
        img = Image.new("L", (mm(8.0), mm(8.0)), 255)
        ImageDraw.Draw(img).text((mm(1.0), mm(1.0)), digit, font=font, fill=0)
        shapes.append(np.asarray(img) < 128)
    zero, eight = normalise_band(shapes)
    assert waist(zero) >= ZERO_WAIST
    assert waist(eight) <= EIGHT_WAIST


def _ring(h: int = 32, w: int = 24, pinch: float = 0.0) -> np.ndarray:
    """A normalised 0: a ring of ink; pinched by ``pinch`` of its width at mid-height,
    an 8."""
    ys, xs = np.mgrid[0:h, 0:w]
    half = (w / 2 - 1) * (1 - pinch * np.exp(-((ys - h / 2) / 2.5) ** 2))
    rx = np.abs(xs - w / 2 + 0.5) / half
    ry = np.abs(ys - h / 2 + 0.5) / (h / 2 - 1)
    return ((np.hypot(rx, ry) <= 1.0) & (np.hypot(rx * 0.8, ry) >= 0.55)).astype(np.float32)


def test_a_struck_zero_keeps_its_waist_over_a_dot_row_and_an_eight_pinches():
    zero = _ring()
    notched = zero.copy()
    notched[15, :4] = 0          # the paper between two dots of its left side
    assert waist(notched) < ZERO_WAIST <= waist(notched, 3)
    eight = _ring(pinch=0.45)
    assert waist(eight, 3) <= EIGHT_WAIST


def test_a_struck_zero_matched_nearly_as_well_as_an_eight_is_named_by_its_waist():
    digits = np.array(list("0123456789"))
    row = np.array([0.78, 0.5, 0.5, 0.76, 0.5, 0.5, 0.5, 0.5, 0.80, 0.5])  # 8 first, 3 near
    zero = _ring()
    assert _waist_digit(row, digits, "8", zero, dotted=False) is None
    assert _waist_digit(row, digits, "8", zero, dotted=True) == "0"
    assert _waist_digit(row, digits, "8", _ring(pinch=0.45), dotted=True) == "8"
    row[3] = 0.795                # a 3 as near as the pair: no waist settles it
    assert _waist_digit(row, digits, "8", zero, dotted=True) is None
