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


def test_capitals_printed_by_hand_with_a_ballpoint_are_handwriting():
    assert written_by_hand(*_line("ANANG RAHMAN", "breip"))
    assert written_by_hand(*_line("TEGUH SUTRISNO", "breip", ink=90))   # a paler pen


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
