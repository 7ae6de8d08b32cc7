"""A name set in small capitals is told from small letters and from capitals, and reads as
capitals once its full capitals are brought to the small capitals' height (real print,
real Tesseract)."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr import tesseract
from ocr.small_caps import even_capitals, small_capitals
from scansim.ijazah import face


def _line(text: str, *, small_caps: bool, role: str = "ebgaramond", size: int = 64,
          speck: bool = False) -> tuple[np.ndarray, tuple[float, float]]:
    """``text`` printed on a grey line (300 dpi), and the band its letters stand in."""
    img = Image.new("L", (900, 160), 255)
    d = ImageDraw.Draw(img)
    features = ["smcp"] if small_caps else None
    font = face(role, size)
    d.text((60, 40), text, font=font, fill=20, features=features)
    box = d.textbbox((60, 40), text, font=font, features=features)
    if speck:   # a copy's speck above the line, beside the name
        d.rectangle([box[2] + 60, box[1] + 8, box[2] + 63, box[1] + 11], fill=30)
    return np.asarray(img), (box[1], box[3])


@pytest.mark.parametrize("text", ["Rafii", "Sutrisno", "Anwar Hidayat"])
def test_small_capitals_are_told(text):
    assert small_capitals(*_line(text, small_caps=True))
    assert small_capitals(*_line(text, small_caps=True, speck=True))


@pytest.mark.parametrize("text, small_caps", [
    ("Rafii Hidayat", False),     # small letters: dots and ascenders above the others
    ("Sugiyanto", False),         # a letter below the line
    ("RAFII", False),             # capitals only
    ("RAFII", True),
])
def test_small_letters_and_capitals_are_no_small_capitals(text, small_caps):
    assert not small_capitals(*_line(text, small_caps=small_caps))


def test_small_letters_whose_ascender_joins_a_dotted_letter_are_no_small_capitals():
    """'Setiawan' in a bold italic: t and i touch as one mark of nearly a capital's height,
    the dot over it; a tall letter inside a word is a small letter's ascender."""
    assert not small_capitals(*_line("Setiawan", small_caps=False, role="lato_bold_italic"))


def test_small_capitals_read_as_capitals_once_evened():
    """'Rafii' in small capitals reads 'Rarii' (an F taken for a small r); evened, RAFII."""
    crop, band = _line("Rafii", small_caps=True)
    read = " ".join(w["text"] for w in tesseract.ocr_data(crop, psm=7, invert=False))
    evened = " ".join(w["text"] for w in tesseract.ocr_data(even_capitals(crop, band),
                                                            psm=7, invert=False))
    assert evened == "RAFII" != read.upper()


def test_a_line_not_at_two_heights_is_left_as_it_is():
    crop, band = _line("RAFII KUSASI", small_caps=False)
    assert np.array_equal(even_capitals(crop, band), crop)
