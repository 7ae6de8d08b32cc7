"""An ijazah name is never taken wrong where it used to be: a word a script face cut in two,
a name's second line beside a frame's mark, a short name whose letters read as others at
low resolution, a typed name on a dotted line whose print runs past the box it is read in.
Pages drawn as the benchmark draws them, read as ingest reads them."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

import ocr.ijazah_line as line_reader
from benchmarks.accuracy import run_ijazah
from ocr.dotted import clear_dotted, dotted_lines
from ocr.ijazah_name import find_name
from ocr.ijazah_words import Pixels, letter_space, rows_of
from scansim.ijazah import face
from scansim.people import make_people


def _w(text: str, left: float, width: float, *, top: float = 100, height: float = 22,
       conf: float = 93, line: int = 1) -> dict:
    return {"text": text, "left": left, "top": top, "width": width, "height": height,
            "conf": conf, "block": 1, "par": 1, "line": line}


def _typed_on_dots(text: str, *, px_mm: float = 6.0) -> tuple[np.ndarray, tuple]:
    """``text`` typewritten over a dotted line, as an old STTB's value (150 dpi-ish)."""
    img = Image.new("L", (900, 90), 255)
    d = ImageDraw.Draw(img)
    font = face("typewriter", 26)
    d.text((40, 20), text, font=font, fill=40)
    dot = face("bookman", 22)
    d.text((20, 30), "." * 110, font=dot, fill=90)
    box = d.textbbox((40, 20), text, font=font)
    return np.asarray(img), box


def test_the_dots_under_a_typed_value_are_cleared_its_letters_kept():
    grey, box = _typed_on_dots("RAFII KUSASI")
    mask = dotted_lines(grey, 6.0)
    assert mask.sum() > 0
    rows = np.flatnonzero(mask.any(axis=1))
    assert rows.min() > box[1] + 0.6 * (box[3] - box[1])   # the dots only, under the letters
    out = clear_dotted(grey, 6.0)
    letters = (slice(box[1], box[3] - 2), slice(box[0], box[2]))
    assert np.array_equal(out[letters], grey[letters])
    assert (out[:, box[2] + 10:] < 200).sum() == 0            # the dots past the value gone


def test_full_stops_of_initials_are_no_dotted_line():
    img = Image.new("L", (900, 90), 255)
    ImageDraw.Draw(img).text((20, 20), "M. A. R. S. H. I. T. B. K.", font=face("times", 30),
                             fill=0)
    grey = np.asarray(img)
    assert not dotted_lines(grey, 6.0).any()
    assert np.array_equal(clear_dotted(grey, 6.0), grey)


def test_the_room_between_letters_is_read_from_the_line_itself():
    """A pale typed line: the room between its letters is the print's, not the gaps a
    fixed threshold would see where a letter is pale."""
    img = Image.new("L", (700, 80), 255)
    d = ImageDraw.Draw(img)
    font = face("typewriter", 30)
    d.text((20, 20), "SIGIT", font=font, fill=170)
    x = 20 + d.textlength("SIGIT ", font=font)
    d.text((x, 20), "PURNOMO", font=font, fill=120)
    grey = np.asarray(img)
    a, b = d.textbbox((20, 20), "SIGIT", font=font), d.textbbox((x, 20), "PURNOMO", font=font)
    words = [_w("SIGIT", a[0], a[2] - a[0]), _w("PURNOMO", b[0], b[2] - b[0])]
    space = letter_space(grey, words, (a[1], a[3]))
    assert 0 < space < (b[0] - a[2]) / 1.5
    # a word's box that took in the space after it does not widen the letters' room
    wide = [_w("SIGIT", a[0], b[0] + 10 - a[0]), _w("PURNOMO", b[0], b[2] - b[0])]
    assert letter_space(grey, wide, (a[1], a[3])) < (b[0] - a[2]) / 1.5


def test_a_name_s_second_line_is_found_past_a_frame_s_mark():
    """'Nama  SUGENG', 'KURNIAWAN' close under it and a frame's dash far right on its row:
    the whole name (the dash made it look like a wide low line)."""
    words = [_w("Nama", 295, 45, top=562, height=12), _w("SUGENG", 650, 135, top=554),
             _w("KURNIAWAN", 649, 214, top=591, line=2),
             _w("—", 1691, 25, top=592, height=2, line=2),
             _w("tempat", 295, 52, top=654, height=16, line=3),
             _w("lahir", 354, 32, top=654, height=13, line=3)]
    assert find_name(rows_of(words))[0] == "SUGENG KURNIAWAN"


def test_a_centred_name_s_longer_second_line_is_read_with_it():
    """A name centred under its cue, broken over two lines, the second the longer: it
    starts well left of the first, but stands centred under it: the rest of the name."""
    words = [_w("diberikan", 500, 80, top=60, height=16), _w("kepada", 590, 60, top=60,
                                                              height=16),
             _w("GUSTI", 480, 110, top=100, line=2), _w("ANANG", 600, 120, top=100, line=2),
             _w("SYARIFUDDIN", 345, 250, top=134, line=3),
             _w("RAHMANSYAH", 605, 240, top=134, line=3)]
    assert find_name(rows_of(words))[0] == "GUSTI ANANG SYARIFUDDIN RAHMANSYAH"


@pytest.mark.parametrize(("first", "second"), [(("Teguh", 41), ("Sutrisno", 28)),
                                               (("Anwar", 28), ("Hidayat", 40))])
def test_a_mixed_case_name_s_second_line_is_read_whatever_its_letters_hang_below(
        first, second):
    """A name in mixed case centred on two lines: a word with a letter hanging below its
    baseline ('Teguh', 'Hidayat') stands a third taller than one without, in the same
    type: still the rest of the name, not a line of other type."""
    words = [_w("Dengan", 521, 65, top=668, height=18), _w("ini", 594, 20, top=673, height=8),
             _w("menyatakan", 622, 102, top=668, height=14),
             _w("bahwa", 733, 54, top=668, height=13),
             _w(first[0], 600, 115, top=710, height=first[1], line=2),
             _w(second[0], 580, 155, top=760, height=second[1], line=3),
             _w("Tempat", 406, 61, top=827, height=18, line=4),
             _w("Lahir", 571, 56, top=827, height=13, line=4)]
    assert find_name(rows_of(words))[0] == f"{first[0]} {second[0]}".upper()


@pytest.mark.parametrize("misread", ["nama", "mama", "pama"])
def test_atas_nama_read_with_its_n_misread_still_names_the_holder(misread):
    """'atas nama' over a pale crest, its n read as m or p: still the cue before the name."""
    words = [_w("atas", 353, 29, height=10), _w(misread, 389, 38, height=8),
             _w("Gusti", 732, 54), _w("Anang", 800, 93)]
    assert find_name(rows_of(words))[0] == "GUSTI ANANG"


def test_a_name_whose_print_runs_on_past_the_box_is_not_taken_short(monkeypatch):
    """The page read 'RAFII' surely; read again, a word stands at the box's end however far
    the box is widened: the name may go on, so a person reads it."""
    monkeypatch.setattr(line_reader, "ink_end", lambda small, band, right, height: right)

    def cut(pixels, box, **kw):
        return [_w("RAFII", 537, 62), _w("KU", box[2] - 22, 20)]

    monkeypatch.setattr(line_reader, "reread", cut)
    page = Pixels(np.full((400, 1400), 255, np.uint8))
    assert line_reader.name_of([_w("RAFII", 537, 62)], page) is None

    def widened(pixels, box, **kw):   # the widened box holds the whole name
        if box[2] < 700:
            return [_w("RAFII", 537, 62), _w("KU", box[2] - 22, 20)]
        return [_w("RAFII", 537, 62), _w("KUSASI", 620, 80)]

    monkeypatch.setattr(line_reader, "reread", widened)
    monkeypatch.setattr(line_reader, "ink_end",
                        lambda small, band, right, height: right if right < 650 else 700)
    assert line_reader.name_of([_w("RAFII", 537, 62)], page)[0] == "RAFII KUSASI"


PEOPLE = make_people(6 * 6 + 1, seed=11 + 7)


@pytest.mark.parametrize(("design", "dpi", "copy", "index", "k", "expect"), [
    ("universitas", 300, "faded", 2, 2, None),               # 'SYARI FUDDIN' alike twice
    ("politeknik_label_atas", 200, "grey", 0, 1, None),      # 'RAHI' for 'RAFII'
    ("sarjana_dua_baris", 300, "colour", 4, 0, "exact"),    # 'SUGENG' + 'KURNIAWAN'
    ("sarjana_dua_tengah", 200, "colour", 4, 0, "exact"),   # 'Sugeng' + 'Kurniawan' ...
    ("sarjana_dua_tengah", 200, "grey", 1, 1, "exact"),     # 'Anwar' + 'Hidayat', centred
])
def test_names_once_taken_wrong_are_read_right_or_left_to_a_person(
        design, dpi, copy, index, k, expect):
    person = PEOPLE[(index * 6 + k) % len(PEOPLE)]
    got = run_ijazah((design, dpi, copy, index, person, 11))
    assert not got["nama_wrong"] and not got["nama_inexact"]
    if expect == "exact":
        assert got["nama_exact"]


@pytest.mark.parametrize(("design", "dpi", "copy", "index", "k"), [
    ("sarjana_dua_tengah", 200, "grey", 5, 1),   # 'Purnomo' under 'Mulyono': small letters
    #                                              of one height, not small capitals
    ("paket_c_lambang", 200, "faded", 3, 2),     # 'atas mama Anang Rahman'
    ("paket_c_lambang", 300, "faded", 2, 2),     # 'atas pama Gusti Anang Syarifuddin'
])
def test_names_once_left_unread_are_read(design, dpi, copy, index, k):
    person = PEOPLE[(index * 6 + k) % len(PEOPLE)]
    assert run_ijazah((design, dpi, copy, index, person, 11))["nama_exact"]


@pytest.mark.parametrize(("dpi", "copy", "index", "k"), [(200, "colour", 0, 0),
                                                         (200, "colour", 1, 0)])
def test_a_typed_name_on_a_dotted_line_is_read(dpi, copy, index, k):
    people = make_people(2 * 6 + 1, seed=3 + 7)
    got = run_ijazah(("sttb_ketik", dpi, copy, index, people[(index * 6 + k) % len(people)],
                      3))
    assert got["nama_exact"]


@pytest.mark.parametrize("after", [["NISN", ":", "1503506512"], ["NIS:", "0412"],
                                   ["No.", "Induk", ":", "7781"], ["1503506512"]])
def test_a_second_field_on_the_name_s_row_is_not_part_of_the_name(after):
    """'Nama : YUSUF AKBAR   NISN : 1503506512': the student number's field on the name's
    row ends the name (before, the whole row was no name and the holder went unread)."""
    words = [_w("Nama", 100, 60), _w(":", 280, 6), _w("YUSUF", 300, 90), _w("AKBAR", 400, 90)]
    words += [_w(t, 560 + 70 * k, 60) for k, t in enumerate(after)]
    assert find_name(rows_of(words))[0] == "YUSUF AKBAR"


def test_a_digit_misread_inside_a_name_s_word_does_not_cut_the_name_short():
    words = [_w("Nama", 100, 60), _w(":", 280, 6), _w("GUSTI", 300, 90), _w("ANANG", 400, 90),
             _w("SYAR1FUDDIN", 500, 200)]
    assert find_name(rows_of(words))[0] != "GUSTI ANANG"


def test_a_school_year_read_apart_leaves_a_misread_year_untaken():
    """'TAHUN PELAJARAN 2012/2015' (an old-style 3 read as 5) with 'tahun 2015' and
    '8 Juli 2015' below: the page's 3s read as 5s, so 2015 is not the year; 2013 would be."""
    from ocr.ijazah import find_year

    def rows(*texts):
        return rows_of([_w(w, 100 + 80 * k, 70, top=100 + 40 * i, line=i + 1)
                        for i, text in enumerate(texts) for k, w in enumerate(text.split())])

    assert find_year(rows("TAHUN PELAJARAN 2012/2015", "pada tahun 2015", "8 Juli 2015")) \
        == (None, 0.0)
    assert find_year(rows("TAHUN PELAJARAN 2012/2015", "pada tahun 2013", "8 Juli 2013"))[0] \
        == 2013
    assert find_year(rows("TAHUN PELAJARAN 2012/2013", "pada tahun 2013"))[0] == 2013
    # one mention misread as 5 like the school year's end, the date it was signed not:
    # the date agrees with the year the school year's start points to
    assert find_year(rows("TAHUN PELAJARAN 2012/2015", "pada tahun 2015", "9 Juli 2013")) \
        == (2013, 0.6)
    assert find_year(rows("TAHUN PELAJARAN 2012/2015", "pada tahun 2015", "9 Juli 2014")) \
        == (None, 0.0)



def test_an_english_birth_row_is_no_graduation_year_and_a_day_read_as_a_bar_still_dates():
    """An English-first diploma: 'Place and Date of Birth : ..., 12 Agustus 1986' (its
    Indonesian label on the line below) and the signing date 'Kumai, | Juni 2004', its
    1 read as a bar: the holder graduated in 2004."""
    from ocr.ijazah import find_year

    def rows(*texts):
        return rows_of([_w(w, 100 + 80 * k, 70, top=100 + 40 * i, line=i + 1)
                        for i, text in enumerate(texts) for k, w in enumerate(text.split())])

    assert find_year(rows("Place and Date of Birth : Pangkalan Bun, 12 Agustus 1986",
                          "Tempat dan Tanggal Lahir", "Kumai, | Juni 2004")) == (2004, 0.6)
    assert find_year(rows("born on 3 Mei 1990", "Kumai, 1 Juni 2012"))[0] == 2012
    assert find_year(rows("Kumai, |I Juni 2004"))[0] == 2004
    assert find_year(rows("Nomor 123 Juni 2004"))[0] is None    # no day: a number
    # old-style figures: a day's 9 hanging below the line read as 'g' (group 23's D4)
    assert find_year(rows("Pangkalan Bun. 1g Juli 2016"))[0] == 2016
    assert find_year(rows("Pangkalan Bun. tg Juli 2016"))[0] is None

def test_a_school_year_run_on_to_the_next_line_outweighs_the_letter_s_date():
    """A replacement letter: '... lulus dari SMA Negeri 3 pada tahun pelajaran' and
    '2014/2015 dengan Nomor Seri ...' on the next line, the letter signed in 2017: the
    holder finished in 2015."""
    from ocr.ijazah import find_year

    def rows(*texts):
        return rows_of([_w(w, 100 + 80 * k, 70, top=100 + 40 * i, line=i + 1)
                        for i, text in enumerate(texts) for k, w in enumerate(text.split())])

    assert find_year(rows("lulus dari SMA Negeri 3 pada tahun pelajaran",
                          "2014/2015 dengan Nomor Seri Ijazah DN-21", "Palangka Raya,",
                          "21 Mei 2017"))[0] == 2015


def test_a_label_s_misread_tail_before_its_colon_does_not_end_the_name_s_row():
    """'Nama Siswa : NORHADI KUSASI' read 'Nama Swa —...: NORHADI KUSASI': the colon after
    the label's tail is no next field (the name was lost to it)."""
    from ocr.ijazah_words import value_words
    words = [_w("Swa", 200, 40), _w("—...:", 250, 20), _w("NORHADI", 300, 120),
             _w("KUSASI", 430, 100)]
    assert [w["text"] for w in value_words(words)] == ["Swa", "—...:", "NORHADI", "KUSASI"]


@pytest.mark.parametrize("words, number, sure", [
    # a national serial's series read 'DI' is the register's Dl; every digit read surely
    ([("No.", 90), ("Ijazah:", 92), ("DN-20", 95), ("DI", 91), ("8032350", 96)],
     "DN-20 Dl 8032350", True),
    # a digit word read unsurely: shown to a person to check
    ([("DN-13", 95), ("Ma", 93), ("2254299", 71)], "DN-13 Ma 2254299", False),
    # a series the register has not: unsure
    ([("DN-11", 95), ("Pq", 90), ("0100933", 95)], "DN-11 Pq 0100933", False),
    # the label's last word read into the value: the serial is the number, alone
    ([("Nomor", 94), (":", 90), ("Ijazah", 94), ("DN-14", 95), ("Ma", 95), ("6783387", 96)],
     "DN-14 Ma 6783387", True),
    # digits before a serial: the value is not a serial alone, shown to a person
    ([("No.", 94), (":", 90), ("12", 94), ("DN-14", 95), ("Ma", 95), ("6783387", 96)],
     "12 DN-14 Ma 6783387", False),
    # a university's own number, read surely
    ([("Nomor", 94), ("Ijazah", 94), (":", 90), ("5109/UN8/D4/2015", 93)],
     "5109/UN8/D4/2015", True),
    # no province is numbered 86: a 0 misread, however surely
    ([("No.", 94), ("DN-86", 95), ("Dd", 93), ("4957547", 96)], "DN-86 Dd 4957547", False),
    # the national numbering's fifteen digits, an old STTB's number, a serial's year group
    ([("Nomor", 97), ("Ijazah", 96), ("Nasional:", 93), ("033148201501541", 91)],
     "033148201501541", True),
    ([("No.", 93), ("STTB:", 90), ("03", 96), ("Ob", 97), ("477929", 97)], "03 Ob 477929", True),
    ([("DN-12", 93), ("Mk/15", 93), ("1956431", 97)], "DN-12 Mk/15 1956431", True),
    # a student's national number is no diploma's
    ([("Nomor", 97), ("Induk", 96), ("Siswa", 96), ("Nasional", 90), (":", 90),
      ("3276066955", 97)], None, False),
    # the national number at the row's left, the university's own with its label at the
    # right: the first number ends where the second label begins
    ([("Nomor", 97), ("Ijazah", 96), ("Nasional", 93), (":", 90), ("097623201756732", 95),
      ("Nomor", 96), (":", 91), ("1591/UPA/FT/S1/2017", 90)], "097623201756732", True)])
def test_a_diploma_number_is_taken_only_when_read_surely(words, number, sure):
    from ocr.ijazah import SURE_NUMBER, UNSURE_NUMBER, find_number
    left, row = 100, []
    for text, conf in words:
        row.append(_w(text, left, 12 * len(text), conf=conf))
        left += 12 * len(text) + 10
    expected = (number, SURE_NUMBER if sure else UNSURE_NUMBER) if number else (None, 0.0)
    assert find_number(rows_of(row)) == expected


def test_a_replacement_letters_own_number_is_not_the_diplomas():
    """A letter that replaces a lost diploma heads with its own number; the diploma's is
    the national serial it names further down."""
    from ocr.ijazah import find_number
    rows = []
    for k, line in enumerate([[("Nomor", 95), (":", 93), ("421.5/1914/Dikbud/2009", 95)],
                              [("dengan", 96), ("Nomor", 95), ("Seri", 95), ("Ijazah", 95),
                               ("DN-22", 95), ("DI", 92), ("9474065.", 95)]]):
        left = 100
        for text, conf in line:
            rows.append(_w(text, left, 12 * len(text), conf=conf, top=100 + 60 * k,
                           line=k + 1))
            left += 12 * len(text) + 10
    assert find_number(rows_of(rows))[0] == "DN-22 Dl 9474065"
