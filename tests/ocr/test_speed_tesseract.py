"""The in-process Tesseract engine reads as the command line does, and is reused."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr import tesseract
from ocr.fields import prepare, read_field

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

pytestmark = pytest.mark.skipif(tesseract.tesserocr is None, reason="tesserocr not installed")


def _typed(text: str, size=(900, 70)) -> np.ndarray:
    img = Image.new("L", size, 255)
    ImageDraw.Draw(img).text((12, 12), text, font=ImageFont.truetype(FONT, 34), fill=0)
    return np.array(img)


def test_loaded_engine_reads_like_the_command_line():
    image, _ = prepare(_typed("Kotawaringin Barat 1987"))
    loaded = tesseract.ocr_data(image, psm=7, loaded=True)
    command = tesseract.ocr_data(image, psm=7, loaded=False)
    assert [w["text"] for w in loaded] == [w["text"] for w in command] \
        == ["Kotawaringin", "Barat", "1987"]
    for a, b in zip(loaded, command, strict=True):
        assert abs(a["left"] - b["left"]) <= 2 and a["line"] == b["line"] == 1


def test_engine_is_kept_per_language_and_whitelist_applies_per_reading():
    first = tesseract._engine("ind")
    assert tesseract._engine("ind") is first and tesseract._engine("eng") is not first
    reading = read_field(_typed("6201060504750013"), charset="digits")
    assert reading.text == "6201060504750013" and reading.note is None
    # letters are not in the digits whitelist: no confident typed reading of a word
    assert read_field(_typed("Pangkalan Bun"), charset="digits").text != "Pangkalan Bun"
    # the same engine, next reading: the whitelist is gone again
    assert read_field(_typed("Pangkalan Bun"), charset="any").text == "Pangkalan Bun"


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_orientation_of_a_turned_page(turn):
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 22)
    for i in range(30):
        draw.text((80, 80 + 40 * i), "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten",
                  font=font, fill=0)
    rotation, confidence = tesseract.orientation(np.array(page.rotate(turn, expand=True)),
                                                 dpi=150)
    assert rotation == (360 - turn) % 360 and confidence > 2


def test_orientation_of_a_blank_page_is_unknown_or_weak():
    got = tesseract.orientation(np.full((600, 400), 255, np.uint8), dpi=150)
    assert got is None or got[1] < 2
