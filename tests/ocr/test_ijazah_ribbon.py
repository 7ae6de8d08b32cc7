"""An ijazah's name on a ribbon after "yang bernama", and short names read only when every
reading agrees."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from ocr.ijazah import read_ijazah
from ocr.ijazah_line import _short_name
from ocr.ijazah_name import find_name
from ocr.ijazah_words import Row, clear_enclosing, rows_of
from scansim.ijazah import face

RED = (176, 36, 44)


def _ribbon(d: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    """A banner: a pale band with an outline, its notched tails behind it."""
    x0, y0, x1, y1 = box
    for side, edge in ((-1, x0), (1, x1)):
        tail = edge - side * 30, edge + side * 80
        mid = (y0 + y1) // 2 + 20
        d.polygon([(tail[0], y0 + 20), (tail[1], y0 + 20), (tail[1] - side * 25, mid),
                   (tail[1], y1 + 20), (tail[0], y1 + 20)], fill=(236, 190, 192), outline=RED,
                  width=2)
    d.rectangle(box, fill=(245, 220, 221), outline=RED, width=2)


def _page(name: str) -> Image.Image:
    """An elementary certificate's body at 150 dpi: the cue ending "yang bernama", the name
    in an oblique gothic face on a ribbon, then the holder's table."""
    page = Image.new("RGB", (1240, 900), (252, 246, 214))
    d = ImageDraw.Draw(page)
    body, big = face("go_regular", 26), face("gothic_demi_oblique", 46)
    d.text((620, 60), "IJAZAH", font=face("go_bold", 80), fill=RED, anchor="mt")
    d.text((620, 200), "Yang bertanda tangan di bawah ini menerangkan bahwa", font=body,
           fill=0, anchor="mt")
    d.text((620, 240), "peserta didik yang bernama", font=body, fill=0, anchor="mt")
    width = int(d.textlength(name, font=big))
    _ribbon(d, (620 - width // 2 - 60, 300, 620 + width // 2 + 60, 385))
    d.text((620, 342), name, font=big, fill=(20, 20, 20), anchor="mm")
    for k, (label, value) in enumerate((("Tempat dan Tanggal Lahir", "Kumai, 13 Oktober 1994"),
                                        ("Nomor Induk Siswa Nasional", "4020412011"))):
        d.text((150, 460 + 45 * k), label, font=body, fill=0)
        d.text((560, 460 + 45 * k), f":  {value}", font=body, fill=0)
    return page


def test_a_name_on_a_ribbon_after_yang_bernama_is_read():
    """The cue ends "bernama"; the band's outline and tails around the name are no letters."""
    reading = read_ijazah(_page("UTUH FADILLAH"), dpi=150)
    assert reading.nama == "UTUH FADILLAH"


def test_yang_bernama_introduces_the_name_on_the_row_below():
    def words(top, *texts):
        return [{"text": t, "left": 100 + 120 * k, "top": top, "width": 100, "height": 24,
                 "conf": 95, "block": 1, "par": 1, "line": 1} for k, t in enumerate(texts)]
    rows = [Row(words(100, "peserta", "didik", "yang", "bernama"), 100, 124),
            Row(words(140, "UTUH", "FADILLAH"), 140, 164)]
    assert find_name(rows)[:1] == ("UTUH FADILLAH",)


def test_the_outline_around_a_name_is_cleared_its_letters_kept():
    page = Image.new("RGB", (900, 160), (255, 255, 255))
    d = ImageDraw.Draw(page)
    _ribbon(d, (150, 30, 750, 120))
    d.text((450, 75), "RAFII KUSASI", font=face("gothic_demi_oblique", 46), fill=0, anchor="mm")
    grey = np.asarray(page.convert("L"))
    out = clear_enclosing(grey)
    assert (out[30:33, 160:740] < 128).sum() == 0          # the band's top edge
    letters = (slice(50, 100), slice(280, 620))
    assert (out[letters] < 128).sum() == (grey[letters] < 128).sum()
    word = Image.new("L", (400, 80), 255)
    ImageDraw.Draw(word).text((20, 10), "BUDI OKO", font=face("go_bold", 40), fill=0)
    plain = np.asarray(word)
    assert np.array_equal(clear_enclosing(plain), plain)   # nothing drawn around: unchanged


def test_a_short_name_is_taken_only_when_every_reading_agrees():
    """'TRI' read 'IRI' twice, enlarged: a name as plausible, so a person decides."""
    assert _short_name([("TRI", 96, 96), ("IRI", 92, 92), ("IRI", 95, 95)]) is None
    assert _short_name([("JOKO", 96, 96), ("JOKO", 92, 92), ("JOKO", 95, 95)]) == ("JOKO", 0.92)
    assert _short_name([("JOKO", 96, 96), ("JOKO", 92, 92)]) is None     # a third not made
    assert _short_name([("RINA", 96, 96), ("RINA", 92, 92)]) == ("RINA", 0.92)
    assert _short_name([("RINA", 96, 96), ("RINA", 60, 50)]) is None     # one surely only
    assert _short_name([("JOKO", 77, 77), ("JOKO", 96, 96), ("JOKO", 44, 44)]) == ("JOKO", 0.44)
    assert _short_name([("JOKO", 77, 77), ("JOKO", 79, 79), ("JOKO", 44, 44)]) is None


def test_a_title_stays_a_row_beside_many_marks_of_a_scalloped_frame():
    """Dozens of one-mark lines along a frame do not make the title's large letters look
    like a picture."""
    def line(n, text, top, height):
        return [{"text": text, "left": 100, "top": top, "width": 40, "height": height,
                 "conf": 70, "block": 1, "par": 1, "line": n}]
    words = [w for n in range(30) for w in line(n, "(", 10, 12)]
    words += line(40, "IJAZAH", 100, 60) + line(41, "PROGRAM", 180, 38)
    words += line(42, "Yang", 240, 20) + line(43, "Tempat", 280, 20)
    texts = [r.text for r in rows_of(words)]
    assert "IJAZAH" in texts and "PROGRAM" in texts
