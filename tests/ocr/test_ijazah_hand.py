"""A name written in by hand with a pen is left to a person; printed names, in capitals or
in Title Case, in a bold, italic or script-like face, are not taken for handwriting."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from benchmarks.accuracy import run_ijazah
from ocr.ijazah_hand import written_by_hand
from ocr.ijazah_words import Pixels
from scansim.ijazah import face
from scansim.people import make_people


def _line(text: str, role: str, size: int = 64, ink: int = 40) -> tuple[list[dict], Pixels]:
    """``text`` set in ``role``'s face on a 300 dpi line; its words' boxes as the page
    read at half that size gives them."""
    img = Image.new("L", (1600, 200), 245)
    d = ImageDraw.Draw(img)
    font = face(role, size)
    words, x = [], 40
    for word in text.split():
        box = d.textbbox((x, 50), word, font=font)
        d.text((x, 50), word, font=font, fill=ink)
        words.append({"text": word, "left": box[0] / 2, "top": box[1] / 2,
                      "width": (box[2] - box[0]) / 2, "height": (box[3] - box[1]) / 2,
                      "conf": 90})
        x = box[2] + size // 2
    small = np.asarray(img.resize((800, 100), Image.LANCZOS))
    return words, Pixels(small, img)


def test_a_name_written_in_a_joined_pen_script_is_handwriting():
    assert written_by_hand(*_line("Anang Rahman", "dancing_script"))
    assert written_by_hand(*_line("Setiawan", "dancing_script", ink=90))   # a paler pen


def _hand_line(text: str, seed: int, ink: int = 40) -> tuple[list[dict], Pixels]:
    """``text`` in capitals drawn letter by letter as a hand prints them (Breip, a
    ballpoint's face, one width of stroke): each a little above or below the line; its
    words' boxes as :func:`_line` gives them."""
    rng = np.random.default_rng(seed)
    img = Image.new("L", (1600, 200), 245)
    d = ImageDraw.Draw(img)
    words, x = [], 40
    for word in text.split():
        left, top, right, bottom = x, 200, x, 0
        for letter in word:
            font = face("breip", 64)
            y = 50 + rng.uniform(-4, 4)
            box = d.textbbox((x, y), letter, font=font)
            d.text((x, y), letter, font=font, fill=ink)
            top, bottom, right = min(top, box[1]), max(bottom, box[3]), box[2]
            x = box[2] + 4
        words.append({"text": word, "left": left / 2, "top": top / 2,
                      "width": (right - left) / 2, "height": (bottom - top) / 2, "conf": 90})
        x += 32
    small = np.asarray(img.resize((800, 100), Image.LANCZOS))
    return words, Pixels(small, img)


@pytest.mark.parametrize("text, seed, ink", [("ANANG RAHMAN", 1, 40), ("TEGUH SUTRISNO", 2, 90)])
def test_capitals_printed_by_hand_with_a_ballpoint_are_handwriting(text, seed, ink):
    assert written_by_hand(*_hand_line(text, seed, ink))


@pytest.mark.parametrize("text, role", [
    ("ANANG RAHMAN", "times"),                 # capitals of a regular face
    ("ANANG RAHMAN", "bookman_light_italic"),  # ... of a light one
    ("Anang Rahman", "lato_bold_italic"),      # Title Case, a full stroke
    ("Anang Rahman", "times"),
    ("ANANG RAHMAN", "chancery"),              # a printed script face, in capitals
    ("ANANG RAHMAN", "dancing_script"),        # capitals: no running hand
])
def test_printed_names_are_no_handwriting(text, role):
    assert not written_by_hand(*_line(text, role))


def test_a_handwritten_name_once_taken_wrong_is_left_to_a_person():
    """An SD diploma whose name a clerk wrote in cursive: 'Setiawan' was read 'SELIAWAN'."""
    person = make_people(25, seed=18)[12]
    row = run_ijazah(("sd_tulis_tangan", 200, "colour", 2, person, 11))
    assert not row["nama_wrong"]
    assert any(m.startswith("nama: read None") for m in row["misses"])
