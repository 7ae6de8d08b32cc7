"""A KTP value's line read again on its own: other lines and background remains left out."""
from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr.ktp.cards import mm
from ocr.ktp.labels import Field, Line, _value_words, match_label
from ocr.ktp.read import _in_order, _on_grid, _under_nik
from ocr.ktp.reading import clean_name
from ocr.ktp.values import (
    AGREED,
    DISPUTED,
    faint_past_end,
    line_crop,
    line_readings,
    name_against_print,
    own_rows,
    print_end,
    print_spaces,
    vote_name,
    word_spaces,
)
from scansim.ktp_designs import face


def test_own_rows_leave_out_the_halves_of_the_lines_above_and_below():
    ink = np.zeros((45, 50), bool)
    ink[0:5, 5:40] = True        # the bottom of the line above
    ink[10:31, 3:45] = True      # the value's own line
    ink[36:45, 5:40] = True      # the top of the line below
    assert own_rows(ink, 20) == (10, 31)
    assert own_rows(ink[:, :2], 20) is None


def test_print_end_stops_at_a_gap_wider_than_between_words():
    ink = np.zeros((20, 400), bool)
    ink[:, 0:60] = True
    ink[:, 72:130] = True                # the next word, a normal gap apart
    ink[5:8, 130 + mm(5.0):140 + mm(5.0)] = True    # a remain of the background further on
    assert print_end(ink) == 130
    assert print_end(np.zeros((5, 5), bool)) is None


def test_a_first_letter_its_word_box_cut_is_followed_to_its_start_the_colon_left_out():
    """A value's box starting inside its first letter (a W whose left stroke it left out
    reads as an N: 'NAWAN' for WAWAN): the crop takes the letter whole, not the colon a
    gap to its left."""
    print_ = np.full((40, 300), 255, np.uint8)
    print_[10:30, 20:23] = 0           # the colon, a gap before the value
    print_[10:30, 40:70] = 0           # the first letter, begun left of the box
    print_[10:30, 80:120] = 0
    crop = line_crop(print_, (60, 10, 120, 30), right=300, print_=print_,
                     to_print_end=False)
    assert crop.shape[1] == 300 - 40 and (crop[:, 0] == 0).any()
    # a box starting in the gap after the colon is not moved
    assert line_crop(print_, (36, 10, 120, 30), right=300, print_=print_,
                     to_print_end=False).shape[1] == 300 - (36 - mm(0.4))


def test_a_short_name_whose_w_its_box_cut_is_not_read_as_an_n():
    """WAWAN on a 200 dpi grey copy of a card with a wide-set block: the name's word box
    began inside the W, and every reading of the crop read 'NAWAN', surely."""
    from benchmarks.ktp_accuracy import LATER, card_case, later_numbers, stream
    from scansim.people import make_people

    people = make_people(10, seed=11)
    case = card_case(people[6], later_numbers(6, 8, 13)[0], 11, list(LATER[13]), stream(13))
    assert case["design"] == "andika_kopi" and case["dpi"] == 200 and not case["colour"]
    assert case["read_nama"] in (None, "WAWAN") and not case["name_wrong"]


def _tight_card() -> np.ndarray:
    """Three value lines set tightly at the cut-out's resolution, a speck far right."""
    img = np.full((mm(12.0), mm(60.0)), 255, np.uint8)
    pitch, left = mm(2.95), mm(2.0)
    for i, text in enumerate(("SANTOSO WIDODO", "TAMBUN", "PANGKALAN BUN, 16-09-1970")):
        base = mm(3.0) + i * pitch
        cv2.putText(img, text, (left, base), cv2.FONT_HERSHEY_DUPLEX, 0.95, 0, 2)
    img[mm(5.2):mm(5.4), mm(40.0):mm(43.0)] = 0
    return img


def test_value_read_without_the_neighbouring_lines_or_specks_beyond_it():
    img = _tight_card()
    x0, x1 = mm(2.0), mm(18.0)
    y0, y1 = mm(3.0) + mm(2.95) - mm(2.0), mm(3.0) + mm(2.95)
    texts = line_readings([(img, 1.5)], (x0, y0, x1, y1), right=img.shape[1], print_=img)
    assert texts[0].strip() == "TAMBUN"


def test_a_short_name_read_in_small_letters_is_kept():
    assert clean_name("Dwi") == "DWI"
    assert clean_name("BUDI SANTOSO ae") == "BUDI SANTOSO"


def test_a_name_whose_short_word_is_read_two_ways_goes_to_a_person():
    # the block's reading and one of the line's agree; another reading of the line
    # shows the five-letter word otherwise: BASAI may be BASRI
    assert vote_name(["UTUH BASAI", "UTUH BASRI", None, "UTUH BASAI"])[1] == DISPUTED
    assert vote_name(["MAT ARSYAD", "WAI ARSYAD", "WATARSYAD", "WATARSYAD"])[1] == DISPUTED
    # a letter read two ways in a long word: the majority stands
    assert vote_name(["WIDODO SAPLITRO", "WIDODO SAPUTRO", "WIDODO SAPUTRO"]) == \
        ("WIDODO SAPUTRO", AGREED)
    # the block's reading, made among the other lines, is outvoted by three of the line's
    assert vote_name(["YA ARSYAD", "IAI ARSYAD", "IAI ARSYAD"])[1] == DISPUTED
    assert vote_name(["NUSUF SANTOSO", "YUSUF SANTOSO", "YUSUF SANTOSO", "YUSUF SANTOSO"]) \
        == ("YUSUF SANTOSO", AGREED)
    assert vote_name(["SANTOSO WIDODQ", "SANTOSO WIDODO", "SANTOSO WIDODO"]) == \
        ("SANTOSO WIDODO", AGREED)


def test_a_mark_read_after_a_short_word_does_not_show_it_otherwise():
    # 'IRWAN HAKIM' read so three times, once with a dot after IRWAN (a speck)
    values = ["IRWAN HAKIM", "IRWAN HAKIM", "IRWAN. HAKIM", "IRWAN HAKIM", "IRWAN HAKIM"]
    assert vote_name(values, [0.48, 0.7, 0.39, 0.79, 0.97], True) == ("IRWAN HAKIM", AGREED)
    # an initial read in one reading only is another name: a person looks
    assert vote_name(["YUSUF AKBAR", "YUSUF AKBAR", "M. YUSUF AKBAR", "YUSUF AKBAR"],
                     [0.9, 0.9, 0.9, 0.9], True)[1] == DISPUTED


def test_a_short_word_with_a_mark_glued_or_a_rendering_that_read_nothing_is_taken():
    sure = [0.9, 1.0, 0.92, 0.57, 0.91, 0.91]
    # NOOR starts with a letter an I and a J set close read as; a dot glued before it in
    # one reading spells it no otherwise
    values = ["AKHMAD NOOR", "AKHMAD NOOR", "AKHMAD NOOR", "AKHMAD .NOOR", "AKHMAD NOOR",
              "AKHMAD NOOR"]
    assert vote_name(values, sure, True) == ("AKHMAD NOOR", AGREED)
    # a rendering that read nothing, and one that read a speck of the background ('TE')
    values = ["AKHMAD NOOR", "AKHMAD NOOR", "AKHMAD NOOR", None, "AKHMAD NOOR", "TE"]
    assert vote_name(values, [0.8, 1.0, 0.86, 0.0, 0.91, 0.03], True) == \
        ("AKHMAD NOOR", AGREED)
    # ... but not with too few readings to show it, nor with one that spells it otherwise
    assert vote_name(["AKHMAD NOOR", "AKHMAD NOOR", None, "AKHMAD NOOR", None],
                     [0.8, 1.0, 0.0, 0.91, 0.0], True)[1] == DISPUTED
    values = ["IJAI ARSYAD", "IJAI ARSYAD", "IJAI ARSYAD", None, "IJAI ARSYAD", "NAI ARSYAD"]
    assert vote_name(values, sure, True)[1] == DISPUTED


def test_a_word_cut_by_a_mark_in_few_readings_is_taken_whole():
    # a crease across the card read as a mark inside YULIANA by two of six readings
    values = ["YUL IANA TINGANG", "YULIANA TINGANG", "YULIANA TINGANG", "YULIANA TINGANG",
              "YUL IANA TINGANG", "YULIANA TINGANG"]
    assert vote_name(values, [0.65, 1.0, 0.91, 0.91, 0.79, 0.87], True) == \
        ("YULIANA TINGANG", AGREED)
    # as often cut as whole: a person looks
    values = ["NUR AINI", "NURAINI", "NUR AINI", "NURAINI", "NUR AINI", "NURAINI"]
    assert vote_name(values, [0.9] * 6, True)[1] == DISPUTED


def test_a_word_space_few_readings_show_and_the_print_not_goes_to_a_person():
    # the recognizer alone cut KRISTIAN after its S (a loose pitch); the print shows one
    # word space
    values = ["KRISTIAN RANYING", "KRIS TIAN RANYING", "KRISTIAN RANYING",
              "KRISTIAN RANYING", "KRISTIAN RANYING", "KRISTIAN RANYING"]
    # (the reading with the most words was taken: a person looks, the print cannot say
    # which space is lost where it shows fewer than the words of a longer name)
    assert vote_name(values, [0.92, 0.98, 0.9, 0.91, 0.91, 0.92], True, print_spaces=1) == \
        ("KRIS TIAN RANYING", DISPUTED)
    assert vote_name(values, [0.92, 0.98, 0.9, 0.91, 0.91, 0.92], True, print_spaces=2) == \
        ("KRIS TIAN RANYING", AGREED)
    # a space most readings lost that the print shows is taken as before
    values = ["UTUH ARSYAD", "UTUHARSYAD", "UTUHARSYAD", "UTUH ARSYAD", "UTUH ARSYAD"]
    assert vote_name(values, [0.9] * 5, True, print_spaces=1) == ("UTUH ARSYAD", AGREED)


def test_a_name_whose_readings_show_letters_as_marks_goes_to_a_person():
    # every reading read TI of KRISTIAN, under the sleeve's glare, as a mark
    values = ["KRIS AN RANYING", "KRIS AN RANYING", "KRIS AN RANYING"]
    words = [[("KRIS", 0.57), ("»", 0.57), ("AN", 0.57), ("RANYING", 0.57)],
             [("KRIS:", 0.98), ("AN", 0.98), ("RANYING", 0.98)],
             [("KRIS:", 0.91), ("AN", 0.93), ("RANYING", 0.92)]]
    assert vote_name(values, [0.57, 0.98, 0.92], True, words)[1] == DISPUTED


def test_the_colon_cut_with_a_name_is_no_word_space():
    ink = np.zeros((19, 235), bool)
    ink[2:6, 0:2] = ink[13:17, 0:2] = True      # the colon's two dots
    for a, b in [(17, 30), (33, 43), (45, 56), (59, 86), (87, 98), (99, 105), (106, 142),
                 (150, 172), (174, 185), (186, 199), (200, 223)]:
        ink[:, a:b] = True                        # MUHDIANSYAH RAHMAN's runs of print
    assert name_against_print("MUHDIANSYAH RAHMAN", print_spaces(ink))
    assert not name_against_print("MUHDIANSYAHRAHMAN", print_spaces(ink))


def test_a_letter_spaced_print_tells_no_word_space():
    """Letters set apart (a card printer's tracking) leave every gap alike and wide: no
    step down from the widest gap tells a word space, and a name read with its own space
    is not doubted for the gaps between its letters."""
    img = Image.new("L", (mm(90.0), mm(5.0)), 255)
    draw, font, x = ImageDraw.Draw(img), face("carlito_bold", mm(2.6)), 5
    for letter in "YULIANA":
        draw.text((x, 5), letter, font=font, fill=0)
        x += int(draw.textlength(letter, font=font)) + mm(0.6)
    ink = np.asarray(img) < 128
    assert word_spaces(ink) == 0
    assert name_against_print("YULIANA", print_spaces(ink))


def test_a_gap_beside_an_a_at_200_dpi_is_no_word_space():
    """At 200 dpi an A's slant leaves a gap of four pixels beside it, twice the others'
    two: twice as wide, but not by a word space's room."""
    ink = np.zeros((16, 100), bool)
    for a, b in [(0, 13), (17, 30), (32, 45), (47, 63), (64, 77), (81, 94), (96, 99)]:
        ink[:, a:b] = True          # RAHMADI as its print's runs of inked columns
    assert word_spaces(ink) == 0
    assert name_against_print("RAHMADI", print_spaces(ink))
    ink[:, 47:63] = False
    ink[:, 55:63] = True            # a word space's room: 'RAH MADI'
    assert word_spaces(ink) == 1


def test_a_name_of_one_short_word_needs_three_readings():
    assert vote_name(["RINA", None, "RINA"])[1] == DISPUTED
    assert vote_name(["RINA", None, "RINA", "RINA"]) == ("RINA", AGREED)


def test_a_short_word_starting_with_t_i_or_j_needs_every_reading_of_its_line():
    sure = [0.0, 0.9, 0.9, 0.9, 0.9]
    # two alike, more renderings left: not yet
    assert vote_name(["TJAI ARSYAD", "TJAI ARSYAD"], sure[:2], False)[1] == DISPUTED
    # every rendering read, one of them otherwise or not at all: a person looks
    assert vote_name(["TJAI ARSYAD", "TJAI ARSYAD", "TJAI ARSYAD", "IJAI ARSYAD",
                      "TJAI ARSYAD"], sure, True)[1] == DISPUTED
    assert vote_name(["JOKO", None, "JOKO", "JOKO", "JOKO"], sure, True)[1] == DISPUTED
    # every reading of the line alike and sure: the block's slip is outvoted
    assert vote_name(["TJAI ARSYAD", "IJAI ARSYAD", "IJAI ARSYAD", "IJAI ARSYAD",
                      "IJAI ARSYAD"], sure, True) == ("IJAI ARSYAD", AGREED)
    assert vote_name(["JOKO", "JOKO", "JOKO", "JOKO", "JOKO"], sure, True) == \
        ("JOKO", AGREED)
    # 'IJAI' read as 'NAI' by the block and the first reading of the line: more are made
    assert vote_name(["NAI ARSYAD", "NAI ARSYAD"], [0.79, 0.92], False)[1] == DISPUTED
    # 'KHADIJAH' read as 'KHADNAH' by two sure readings of the line, right by the block's
    assert vote_name(["KHADIJAH ZULAIKHA", "KHADNAH ZULAIKHA", None, "KHADNAH ZULAIKHA"],
                     [0.91, 0.81, 0.0, 0.86], True)[1] == DISPUTED
    # 'IJAI' read as 'WAI' by three readings of the line, a fourth made nothing: a person
    # looks (a 200 dpi grey copy of a card set in a narrow sans)
    assert vote_name(["WAJARSYAD", "WAI ARSYAD", None, "WAI ARSYAD", "WAI ARSYAD"],
                     [0.72, 0.8, 0.0, 0.78, 0.6], True)[1] == DISPUTED


def test_a_name_a_reading_spells_a_letter_otherwise_needs_two_sure_readings():
    # U read as L by two unsure readings, as U by a sure one
    values = ["MAHYLNI", "MAHYLNI", "MAHYUNI", "MAHILNI", "MAHYLNI"]
    assert vote_name(values, [0.0, 0.48, 0.9, 0.2, 0.38], True)[1] == DISPUTED
    assert vote_name(["MAHLUNI", None, "MAHYUNI", "MAHLUNI"], [0.0, 0.0, 0.62, 0.48],
                     False)[1] == DISPUTED
    # read alike twice, unsurely both times: more readings are made first
    assert vote_name(["MAHYLNI", "MAHYLNI"], [0.57, 0.48], False)[1] == DISPUTED
    # read so surely twice, the other reading's slip does not stand
    assert vote_name(["MAHYUNI", "MAHYUNI", "MAHYLNI", "MAHYUNI"], [0.0, 0.92, 0.4, 0.9],
                     True) == ("MAHYUNI", AGREED)


def test_a_name_another_reading_shows_with_a_letter_more_goes_to_a_person():
    values = ["RUDI WIBOWO", None, "RUDIWBOWO", "RUDI WBOWO", "RUDI WBOWO"]
    assert vote_name(values, [0.62, 0.0, 0.89, 0.91, 0.1], True)[1] == DISPUTED
    # a mark or a speck read apart in one reading: the name stands
    assert vote_name(["H IRWAN", "IRWAN", "IRWAN", "IRWAN"], [0.1, 0.74, 0.49, 0.87],
                     True) == ("IRWAN", AGREED)
    assert vote_name(["KRISTIAN RANYING", "KRISTIAN. RANYING", "KRISTIAN RANYING",
                      "KRISTIAN RANYING"], [0.88, 0.42, 0.69, 0.63], True) == \
        ("KRISTIAN RANYING", AGREED)


def test_a_word_cut_in_two_once_goes_to_a_person():
    assert vote_name(["RAHMADI", "RAHM ADI"])[1] == DISPUTED
    assert vote_name(["RAHM ADI", "RAHMADI", "RAHMADI", "RAHM ADI"])[1] == DISPUTED
    assert vote_name(["RAHMADI", "RAHMADI"]) == ("RAHMADI", AGREED)
    assert vote_name(["UTUH ADI", "UTUH ADI", "UTUHADI"]) == ("UTUH ADI", AGREED)
    assert vote_name(["SUPRIYADI", "SUPRIYADI"]) == ("SUPRIYADI", AGREED)


def test_a_name_only_two_of_many_readings_show_goes_to_a_person():
    # five readings, four ways: two alike by chance do not make the name
    values = ["SUTRISNGI", "SUTRISNCI", "SUTRISNC", "SUTRISNG", "SUTRISNCI"]
    assert vote_name(values) == ("SUTRISNCI", DISPUTED)
    assert vote_name(["SUTRISNGI", "SUTRISNO", "SUTRISNO"]) == ("SUTRISNO", AGREED)


def _word(text: str, left: int, top: int = 100) -> dict:
    return {"text": text, "left": left, "top": top, "width": 12 * len(text), "height": 20,
            "conf": 90.0}


def test_a_colon_read_as_a_mark_does_not_hide_the_value():
    # no colon column measured (none read as a colon): the "." stands where it was
    line = Line([_word("Nama", 30), _word(".", 110), _word("KRISTIAN", 305),
                 _word("RANYING", 420)])
    assert [w["text"] for w in _value_words(line, 1, None)] == ["KRISTIAN", "RANYING"]


def test_a_name_label_below_the_birth_line_is_not_the_names():
    nik = Line([_word("NIK", 30, 150), _word("6201011005800038", 160, 150)])
    born = Field("PANGKALAN BUN, 10-05-1980", (305, 240, 640, 260), 0.9)
    above = Field("KRISTIAN RANYING", (305, 202, 528, 220), 0.9)
    below = Field("JL. KASUARI NO. 111", (305, 317, 542, 333), 0.9)   # "Alamat" read "Mama"
    fields = {"tempat_tgl_lahir": born}
    assert _in_order(above, [nik], fields) is above
    assert _in_order(below, [nik], fields) is None
    assert _in_order(below, [nik], {}) is below      # no birth line read: nothing to go by


def test_a_name_label_matched_below_unlabelled_lines_under_the_nik_is_not_the_names():
    """No label but the NIK's read (pale labels lost): "Nama" matched on the religion line
    ("Nasa ISLAM") has lines of print between it and the NIK, the name has none."""
    nik = Line([_word("NIK", 30, 120), _word(":6201031606020016", 160, 120)])
    name = Line([_word("ng", 40, 190), _word("PRASETYO", 298, 190), _word("NUGROHO", 420, 190)])
    born = Line([_word("PANGKALAN", 298, 228), _word("BUN,", 420, 228)])
    sex = Line([_word("n.", 40, 264), _word("LAKI-LAKI", 298, 264)])
    lines = [nik, name, born, sex]
    assert _in_order(Field("ISLAM", (298, 448, 362, 464), 0.9), [*lines, Line(
        [_word("Nasa", 40, 448), _word("ISLAM", 298, 448)])], {}) is None
    first = Field("PRASETYO NUGROHO", (298, 190, 504, 210), 0.9)
    assert _in_order(first, lines, {}) is first


def test_a_name_label_matched_on_a_line_out_of_the_card_s_order_is_not_the_names():
    """No NIK line read: the religion line ("Agama" read as "Nama") below the address, or
    the regency line, is no name; the line one pitch above the birth line is."""
    born = Field("PANGKALAN BUN, 10-05-1980", (305, 240, 640, 260), 0.9)
    address = Field("JL. KASUARI NO. 111", (305, 310, 542, 330), 0.9)
    name = Field("KRISTIAN RANYING", (305, 202, 528, 220), 0.9)
    religion = Field("HINDU", (305, 420, 380, 440), 0.9)
    regency = Field("KOTAWARINGIN BARAT", (200, 60, 600, 82), 0.9)
    assert _in_order(name, [], {"tempat_tgl_lahir": born, "alamat": address}) is name
    assert _in_order(religion, [], {"alamat": address}) is None
    assert _in_order(regency, [], {"alamat": address}) is None     # four lines too far up
    assert _in_order(name, [], {"kabupaten": regency, "alamat": address}) is name
    assert _in_order(regency, [], {"provinsi": Field("KALIMANTAN TENGAH",
                                                     (200, 70, 600, 92), 0.9)}) is None


def test_labels_matched_off_the_card_s_grid_of_lines_are_dropped():
    """The top of the block matched on the wrong lines ("Nama" on the religion line, the
    birth label on the marital status line): most values agree on a grid of one pitch
    and the three off it are dropped; a card with too few values is left as read."""
    def at(y: int, text: str = "X") -> Field:
        return Field(text, (300, y - 8, 500, y + 8), 0.9)
    fields = {"kel_desa": at(386), "kecamatan": at(422), "nama": at(460, "HINDU"),
              "tempat_tgl_lahir": at(496), "jenis_kelamin": at(532),
              "pekerjaan": at(530), "kewarganegaraan": at(570), "berlaku_hingga": at(606),
              "provinsi": at(40), "nik": at(140)}
    kept = _on_grid(fields)
    assert set(fields) - set(kept) == {"nama", "tempat_tgl_lahir", "jenis_kelamin"}
    good = {"nama": at(211), "tempat_tgl_lahir": at(248), "jenis_kelamin": at(283),
            "alamat": at(320), "agama": at(465)}
    assert _on_grid(good) == good
    few = {"nama": at(460), "agama": at(465)}
    assert _on_grid(few) == few


def _printed(text: str, face_name: str = "carlito_bold") -> np.ndarray:
    """A value's line printed in ``face_name`` at a card's size (True: print)."""
    img = Image.new("L", (mm(60.0), mm(5.0)), 255)
    ImageDraw.Draw(img).text((5, 5), text, font=face(face_name, mm(2.6)), fill=0)
    return np.asarray(img) < 128


def _pale_end(name: str, pale: int) -> tuple[np.ndarray, np.ndarray, tuple]:
    """A card's grey line with ``name`` printed on it, its last letter ``pale`` (a pale band
    of the background over it), and the cleaned print, which kept only the dark letters."""
    grey = Image.new("L", (mm(60.0), mm(6.0)), 236)
    draw = ImageDraw.Draw(grey)
    font = face("carlito_bold", mm(2.6))
    draw.text((mm(2.0), mm(1.5)), name[:-1], font=font, fill=40)
    draw.text((mm(2.0) + draw.textlength(name[:-1], font=font), mm(1.5)), name[-1],
              font=font, fill=pale)
    grey = np.asarray(grey)
    print_ = np.where(grey < 100, 0, 255).astype(np.uint8)
    return grey, print_, (mm(2.0), mm(1.7), mm(2.0) + mm(10.0), mm(4.2))


def test_a_name_whose_last_letter_is_paler_than_the_rest_goes_to_a_person():
    """The cleaning lost the last letter (every reading of the line then reads 'SANDA'):
    the grey line shows it past the print's end. A letter as dark as the rest does not."""
    grey, print_, box = _pale_end("BAHEN SANDAN", 120)
    assert faint_past_end(grey, print_, box, grey.shape[1])
    grey, print_, box = _pale_end("BAHEN SANDAN", 40)
    assert not faint_past_end(grey, print_, box, grey.shape[1])
    grey, print_, box = _pale_end("BAHEN SANDAN", 225)      # the background's own tint
    assert not faint_past_end(grey, print_, box, grey.shape[1])


@pytest.mark.parametrize("face_name", ["carlito_bold", "cantarell_bold"])
def test_a_name_every_reading_spells_alike_is_checked_against_its_print(face_name):
    """A word space all readings lost shows in the print: a gap as wide as a word space."""
    two, three = (print_spaces(_printed(name, face_name))
                  for name in ("UTUH ARSYAD", "GUSTI ANANG EFFENDI"))
    assert name_against_print("UTUH ARSYAD", two)
    assert not name_against_print("UTUHARSYAD", two)
    assert name_against_print("GUSTI ANANG EFFENDI", three)
    # (Cantarell's letters stand too far apart for its second word space to be sure)
    lost = name_against_print("GUSTIANANG EFFENDI", three)
    assert lost is (face_name != "carlito_bold")
    assert word_spaces(_printed("HAMDAN", face_name)) == 0


def test_a_word_right_of_the_colon_column_is_never_part_of_a_label():
    # 'Na' read of the label, the value's first word beyond the colon column: 'Na AHMAD'
    # matches "Nama" as well as the label itself would
    line = Line([_word("Na", 30), _word("AHMAD", 180), _word("YANI", 260)])
    assert match_label(line)[0] == "nama"
    assert match_label(line, colon_x=150.0)[0] is None
    label = Line([_word("Nama", 30), _word(":", 146), _word("AHMAD", 180)])
    assert match_label(label, colon_x=150.0)[:2] == ("nama", 1)


def test_a_name_read_with_a_mark_for_its_last_letter_goes_to_a_person():
    # 'MAHYUNI' whose narrow final I the block read as ')' and the line as '!'
    words = [[("MAHYUN)", 0.9)], [("MAHYUN!", 0.84)]]
    assert vote_name(["MAHYUN", "MAHYUN"], [0.9, 0.84], False, words)[1] == DISPUTED
    # later readings without the mark as many as with it: still a person
    words += [[("MAHYUN", 0.91)], [("MAHYUN", 0.8)]]
    assert vote_name(["MAHYUN", "MAHYUN", "MAHYUN", "MAHYUN"], [0.9, 0.84, 0.91, 0.8], True,
                     words)[1] == DISPUTED
    # a speck glued after the name by one reading of three: the name stands
    words = [[("INDAH", 0.96), ("LESTARI", 0.9)], [("INDAH", 0.96), ("LESTARI!", 0.41)],
             [("INDAH", 0.84), ("LESTARI", 0.84)]]
    assert vote_name(["INDAH LESTARI"] * 3, [0.93, 0.69, 0.84], True, words) == \
        ("INDAH LESTARI", AGREED)
    # a mark in a reading that shows the name otherwise does not hold it back
    words = [[("MAHYUNI", 0.9)], [("MAHYUNI", 0.9)], [("MAHYUN!", 0.8)], [("MAHYUNI", 0.9)]]
    assert vote_name(["MAHYUNI", "MAHYUNI", "MAHYUN", "MAHYUNI"], [0.9, 0.9, 0.8, 0.9], True,
                     words) == ("MAHYUNI", AGREED)


def test_a_name_read_with_a_comma_for_its_last_letter_goes_to_a_person():
    # 'SYAHRUL' on a scratched 200 dpi grey copy: the block lost the L, its line read ','
    words = [[("SYAHRU", 0.89)], [("SYAHRU,", 0.62)]]
    assert vote_name(["SYAHRU", "SYAHRU"], [0.89, 0.62], False, words)[1] == DISPUTED
    words = [[("SYAHRUL", 0.89)], [("SYAHRUL", 0.9)]]
    assert vote_name(["SYAHRUL", "SYAHRUL"], [0.89, 0.9], False, words) == \
        ("SYAHRUL", AGREED)


def test_a_name_with_a_word_starting_with_a_consonant_twice_goes_to_a_person():
    # 'YUSUF' read 'YYSUF' surely by three readings of its line, 'YUSUF' by the block
    values = ["YUSUF AKBAR", "YYSUF AKBAR", "YYSUF AKBAR", "YYSUF AKBAR"]
    words = [[("YUSUF", 0.97), ("AKBAR", 0.97)]] + \
        [[("YYSUF", 0.91), ("AKBAR", 0.96)]] * 3
    assert vote_name(values, [0.97, 0.94, 0.94, 0.93], False, words)[1] == DISPUTED


def test_a_name_read_on_a_line_that_shows_a_date_goes_to_a_person():
    # the birth line taken for the name's on a 300 dpi colour copy: read alike twice
    words = [[], *[[("KOTAWARINGIN", 0.91), ("LAMA,", 0.97), ("07-01-1986", 0.92)]] * 2]
    values = [None, "KOTAWARINGIN LAMA", "KOTAWARINGIN LAMA"]
    assert vote_name(values, [0.0, 0.93, 0.93], False, words)[1] == DISPUTED


def test_a_name_whose_word_every_reading_of_its_line_guessed_goes_to_a_person():
    # 'AULIA' read 'AUUA' alike, surely by the block, at 0.52 on its own line
    words = [[("SALASIAH", 0.82), ("AUUA", 0.82)], [("SALASIAH", 0.92), ("AUUA", 0.52)]]
    assert vote_name(["SALASIAH AUUA", "SALASIAH AUUA"], [0.82, 0.72], False,
                     words)[1] == DISPUTED
    words[1][1] = ("AUUA", 0.77)
    assert vote_name(["SALASIAH AUUA", "SALASIAH AUUA"], [0.82, 0.85], False,
                     words) == ("SALASIAH AUUA", AGREED)


def test_a_name_whose_label_and_the_birth_lines_washed_out_is_under_the_nik():
    """A worn ribbon's pale labels lost: the line right under the NIK line, from the NIK's
    value column on, is where the name stands (to be read again on its own line)."""
    nik = Line([_word("NIK", 30, 120), _word(":6201022002940010", 160, 120)])
    name = Line([_word("|oonasa", 30, 160), _word("PETRUS", 172, 160)])
    born = Line([_word("Peak", 30, 197), _word("SAMPIT,", 172, 197)])
    found = _under_nik([nik, name, born], 160)
    assert found is not None and found.text == "PETRUS" and found.confidence == 0.0
    assert found.box[0] == 172
    # the line under the NIK is another label's (the name's line not read): no name
    other = Line([_word("Tempat/Tgl", 30, 160), _word("Lahir", 150, 160),
                  _word("SAMPIT,", 172, 160)])
    assert _under_nik([nik, other, born], 160) is None
    # nothing about a line pitch under the NIK: no name
    assert _under_nik([nik, Line([_word("PETRUS", 172, 260)])], 160) is None
    # the birth line's label washed out too: the line under the name's
    assert _under_nik([nik, name, born], 160, "tempat_tgl_lahir").text == "SAMPIT,"
    assert _under_nik([nik, name, born], 160, "jenis_kelamin") is None
    assert _under_nik([nik, other, born], 160, "tempat_tgl_lahir") is None


def test_a_name_cut_where_a_reading_shows_a_mark_inside_a_word_is_not_taken():
    """A scratch across the gap between two letters: Tesseract read 'SUTRISN-O', the
    block and the line recognizer a word space there (a card of group 9 at 200 dpi)."""
    values = ["SUTRISK O SETIAWAN", "SUTRISN O SETIAWAN", "SUTRISN O SETIAWAN"]
    confidences = [0.559, 0.938, 0.885]
    words = [[("SUTRISK", 0.56), ("O", 0.56), ("SETIAWAN", 0.56)],
             [("SUTRISN", 0.94), ("O", 0.94), ("SETIAWAN", 0.94)],
             [("SUTRISN-O", 0.85), ("SETIAWAN", 0.92)]]
    assert vote_name(values, confidences, False, words, print_spaces=0)[1] == DISPUTED
    spaced = [*words[:2], [("SUTRISN", 0.85), ("O", 0.85), ("SETIAWAN", 0.92)]]
    assert vote_name(values, confidences, False, spaced, print_spaces=0)[1] == AGREED


def test_a_faded_end_broken_into_strokes_still_shows_past_the_print():
    """A toner streak over 'RI' of JUMBERI: pale, and broken into thin strokes with gaps
    between them, none a letter's width on its own (every reading read 'JUMBE')."""
    img = Image.new("L", (mm(60.0), mm(6.0)), 236)
    draw = ImageDraw.Draw(img)
    font = face("carlito_bold", mm(2.6))
    draw.text((mm(2.0), mm(1.5)), "JUMBE", font=font, fill=40)
    start = mm(2.0) + int(draw.textlength("JUMBE", font=font))
    draw.text((start, mm(1.5)), "RI", font=font, fill=130)
    grey = np.asarray(img).copy()
    print_ = np.where(grey < 100, 0, 255).astype(np.uint8)
    box = (mm(2.0), mm(1.7), mm(2.0) + mm(10.0), mm(4.2))
    assert faint_past_end(grey, print_, box, grey.shape[1])
    grey[:, start::3] = 236                  # the streak's mottle: every third column lost
    assert faint_past_end(grey, print_, box, grey.shape[1])


def test_the_nik_label_as_read_wins_over_a_word_merely_like_it():
    """The card's corner read above the title as 'Iko' is as like 'NIK' as a misread
    label; the line whose second word is 'NIK:' is the NIK's."""
    from ocr.ktp.labels import nik_line

    def line(top: int, *texts: str) -> Line:
        return Line([{"text": t, "left": 10 + 60 * k, "top": top, "width": 50, "height": 20,
                      "conf": 90} for k, t in enumerate(texts)])

    title = line(14, "Iko", "PROVINSI", "KALIMANTAN", "TENGAH")
    nik = line(130, "|", "NIK:", "6201066106970008")
    assert nik_line([title, nik]) is nik
    assert nik_line([title, line(130, "|", "NlK:", "6201066106970008")]).words[1]["text"] \
        == "NlK:"
    assert nik_line([title]) is title      # nothing nearer the label: the likeness counts
