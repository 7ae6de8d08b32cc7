"""How an ijazah's holder's name is put together from the words read: capitals set wide
apart, a mark read onto the name, a script face cut in pieces, a name broken over two
lines, rules and colons cleared from what is read; and the diplomas that carry them."""
from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from benchmarks.accuracy import IJAZAH_COPIES, run_ijazah
from ocr.attachments import read_attachment_page
from ocr.ijazah_name import CUE, LABEL, OTHER_NAME, find_name
from ocr.ijazah_text import clear_rules
from ocr.ijazah_words import (
    Pixels,
    Row,
    after,
    candidate,
    clear_lead,
    line_crop,
    reread,
    rows_of,
    struck_in_dots,
)
from scansim import ijazah as IJ
from scansim.ijazah import face
from scansim.ktp_prints import dot_text
from scansim.people import make_people


def _w(text: str, left: float, width: float, *, height: float = 19, top: float = 100,
       conf: float = 90, line: int = 1) -> dict:
    return {"text": text, "left": left, "top": top, "width": width, "height": height,
            "conf": conf, "block": 1, "par": 1, "line": line}


def test_a_letter_of_a_name_in_spaced_capitals_is_kept():
    """'Z AINAL': the lone letter stands as far from the word as the word's own letters stand
    apart, so it is the name's first letter; before ordinary print it is a stray mark."""
    spaced = [_w("Z", 632, 15), _w("AINAL", 662, 128), _w("FAUZAN", 833, 166)]
    assert candidate(spaced)[0] == "ZAINAL FAUZAN"
    last = [_w("ZAINAL", 634, 157), _w("FAUZA", 833, 128), _w("N", 977, 14)]
    assert candidate(last)[0] == "ZAINAL FAUZAN"
    plain = [_w("I", 600, 3, height=20), _w("BUDI", 625, 60, height=20),
             _w("SANTOSO", 695, 105, height=20)]
    assert candidate(plain)[0] == "BUDI SANTOSO"


def test_a_piece_standing_against_a_word_is_part_of_it():
    """A script face cut where two letters barely touch ('SANG KAI'); a word space keeps
    two words apart."""
    words = [_w("RIMBANG", 519, 190, height=30), _w("SANG", 718, 107, height=30),
             _w("KAI", 828, 72, height=30)]
    assert candidate(words)[0] == "RIMBANG SANGKAI"
    apart = [_w("RIMBANG", 519, 190, height=30), _w("SRI", 724, 60, height=30)]
    assert candidate(apart)[0] == "RIMBANG SRI"


def test_a_mark_read_onto_the_name_does_not_drop_its_first_word():
    """'Nama Peserta Didik .NORHADI KUSASI': the colon read onto the name is cut off the
    word, not the word with it."""
    row = Row([_w("Nama", 271, 35), _w("Peserta", 316, 51), _w("Didik", 374, 38),
               _w(".NORHADI", 605, 213, conf=88), _w("KUSASI", 862, 157)], 100, 118)
    assert [w["text"] for w in after(row, len("Nama Peserta Didik ."))] == ["NORHADI", "KUSASI"]
    assert find_name([row])[0] == "NORHADI KUSASI"


def _row(top: float, left: float, *words: str, height: float = 30) -> list[dict]:
    out = []
    for text in words:
        out.append(_w(text, left, 18 * len(text), height=height, top=top, conf=93,
                      line=int(top)))
        left += 18 * len(text) + 14
    return out


def test_a_name_broken_over_two_lines_is_read_whole():
    """'Nama : DAMBUNG' and 'LAMBUNG' close under it, where the name starts: one name. A
    label's row or a sentence under the name is not part of it."""
    label = _row(100, 100, "Nama")
    broken = [*label, *_row(100, 400, "DAMBUNG"), *_row(142, 400, "LAMBUNG"),
              *_row(200, 100, "Tempat", "lahir", ":", "Kumai")]
    assert find_name(rows_of(broken))[0] == "DAMBUNG LAMBUNG"
    whole = [*label, *_row(100, 400, "DAMBUNG", "LAMBUNG"),
             *_row(142, 100, "tempat", "lahir", ":", "Kumai")]
    assert find_name(rows_of(whole))[0] == "DAMBUNG LAMBUNG"
    # the second line there, but not read surely: no name rather than half of one
    unsure = [*label, *_row(100, 400, "DAMBUNG"), _w("LAMBUNG", 400, 126, height=30,
                                                      top=142, conf=60, line=2)]
    assert find_name(rows_of(unsure))[0] is None


def test_a_sentence_ending_diberikan_introduces_the_name():
    """'Ijazah ini diberikan', its 'kepada:' alone on the next line lost by the page
    layout: the name under it is still the holder's."""
    words = [*_row(100, 300, "Ijazah", "ini", "diberikan"), *_row(150, 300, "SAHAT", "USOP"),
             *_row(210, 100, "tempat", "lahir", ":", "Kumai")]
    assert find_name(rows_of(words))[0] == "SAHAT USOP"


def test_colon_before_the_first_letter_cleared_letters_kept():
    crop = Image.new("L", (600, 80), 255)
    d = ImageDraw.Draw(crop)
    d.text((10, 15), ":", font=face("sans_bold", 40), fill=0)
    d.text((60, 15), "S U M A", font=face("sans_bold", 40), fill=0)
    before = np.asarray(crop)
    cleared = clear_lead(before)
    assert (cleared[:, :40] < 128).sum() == 0 < (before[:, :40] < 128).sum()
    assert np.array_equal(cleared[:, 50:], before[:, 50:])


def test_table_rules_cleared_print_kept():
    page = Image.new("L", (900, 300), 255)
    d = ImageDraw.Draw(page)
    d.rectangle([20, 20, 880, 280], outline=60, width=2)
    d.line([(300, 20), (300, 280)], fill=60, width=2)
    d.text((40, 120), "Nama Lengkap", font=face("times", 24), fill=0)
    d.text((320, 110), "INDAH LESTARI", font=face("times_bold", 40), fill=0)
    grey = np.asarray(page)
    out = clear_rules(grey, 150)
    assert (out[20:23, 100:800] < 200).sum() == 0 and (out[50:250, 299:302] < 200).sum() == 0
    text = (slice(100, 170), slice(30, 700))
    assert (out[text] < 128).sum() >= 0.95 * (grey[text] < 128).sum()


@pytest.mark.parametrize("design", IJ.NAMED_ONLY)
def test_later_tuned_designs_read(design):
    """Each later tuned design, as a grey copy at 200 dpi: the name read right or not at
    all, the level and year right."""
    person = make_people(1, seed=IJ.NAMED_ONLY.index(design) + 70)[0]
    rng = random.Random(7)
    page, truth = IJ.make_ijazah(person, rng=rng, dpi=200, design=design, color=False)
    page = IJ.copy_quality(page, rng=rng, kind="grey")
    page.info["dpi"] = (200, 200)
    got = {f.name: f.value for f in read_attachment_page(page, dpi=200).findings}
    assert got["nama"] in (None, truth["nama"])
    assert (got["jenjang"], got["tahun"]) == (truth["jenjang"], truth["tahun"])


def test_a_parents_label_with_a_word_lost_is_no_holders_label():
    """'Nama Orang Tua/Wali' read without 'Orang': the parent's name after it is not the
    holder's."""
    words = [*_row(100, 100, "Nama", "Tua/Wali", ":"), *_row(100, 500, "YAKOBUS", "DEHEN")]
    assert find_name(rows_of(words))[0] is None
    # 'Orang' cut: the holder's name is still the one the cue introduces
    cut = [*_row(100, 300, "dengan", "ini", "menyatakan", "bahwa"),
           *_row(150, 300, "HERU", "SAPUTRO"),
           *_row(210, 100, "Nama", "Ora", "g", "Tua/wali"), *_row(210, 500, "Sukardi")]
    assert find_name(rows_of(cut))[0] == "HERU SAPUTRO"


def test_a_cue_s_translation_read_unsurely_is_passed_over():
    """'this is to certify that' read 'Ibis is to certify uhat', no word of it sure: words
    in small letters are running text all the same, and the name is the row under it."""
    words = [*_row(100, 300, "dengan", "ini", "menyatakan", "bahwa"),
             *[dict(w, conf=70) for w in _row(135, 300, "Ibis", "is", "to", "certify", "uhat")],
             *_row(175, 300, "ANWAR", "HIDAYAT"), *_row(240, 100, "Tempat", "lahir", ":", "Kumai")]
    assert find_name(rows_of(words))[0] == "ANWAR HIDAYAT"


def test_a_cue_with_its_bahwa_misread_still_introduces_the_name():
    words = [*_row(100, 300, "dengan", "ini", "menyatakan", "bihwa"),
             *_row(150, 300, "SAHAT", "USOP"), *_row(210, 100, "Tempat", "lahir", ":", "Kumai")]
    assert find_name(rows_of(words))[0] == "SAHAT USOP"


@pytest.mark.parametrize("copy, index, truth", [
    ("grey", 0, "RAFII"),            # small capitals read 'RARII', surely
    ("grey", 2, "BUDI PRASETYO"),    # no row read under the cue's translation
    ("grey", 3, "WAHYU"),            # small capitals in a thin face taken for a pen's
    ("faded", 1, "TRI"),             # the gap under the cue read as nothing at first
])
def test_a_name_alone_in_small_capitals_is_read(copy, index, truth):
    """The two-column diploma whose holder's name stands alone in large small capitals,
    under the cue and its English, at 200 dpi."""
    people = make_people(37, seed=18)
    person = people[(index * 6 + IJAZAH_COPIES.index(copy)) % len(people)]
    row = run_ijazah(("garamond_dwikolom", 200, copy, index, person, 11))
    assert person["nama"].upper() == truth and row["nama_exact"]


def test_a_large_name_right_of_its_label_read_when_first_read_as_nothing():
    """'NAMA' read alone on its row, the name beside it in letters twice its height: the
    box the value is read again in at first cuts the name's letters, and reads nothing."""
    person = make_people(19, seed=18)[1]
    row = run_ijazah(("kampus_resmi", 300, "grey", 0, person, 11))
    assert person["nama"].upper() == "RAFII" and row["nama_exact"]


@pytest.mark.parametrize("seed, index, truth", [
    (3, 4, "JAILANI RAHMAN"),   # read 'JarLANI', 'JarLaNi', 'JarLaNI': taken as JARLANI
    (5, 4, "JUMBERI NOOR"),     # 'Jumseri' read surely once, the others saw two words
])
def test_a_faded_name_in_small_capitals_is_never_taken_wrong(seed, index, truth):
    people = make_people(37, seed=seed + 7)
    person = people[(index * 6 + IJAZAH_COPIES.index("faded")) % len(people)]
    row = run_ijazah(("garamond_dwikolom", 300, "faded", index, person, seed))
    assert person["nama"].upper() == truth
    assert not row["nama_wrong"] and not row["nama_inexact"]


def test_a_cue_with_words_between_its_verb_and_bahwa_introduces_the_name():
    """'menerangkan dengan sesungguhnya bahwa :' (words between the verb and 'bahwa'), and
    'menyatakan bawa' (its h lost): the holder's name is the row under either."""
    long = [*_row(100, 300, "menerangkan", "dengan", "sesungguhnya", "bahwa", ":"),
            *_row(150, 300, "UTUH", "FADILLAH"), *_row(210, 100, "Tempat", "lahir", ":", "Kumai")]
    assert find_name(rows_of(long))[0] == "UTUH FADILLAH"
    lost = [*_row(100, 300, "an", "ini", "menyatakan", "bawa"),
            *_row(150, 300, "SAHAT", "USOP"), *_row(210, 100, "Tempat", "lahir", ":", "Kumai")]
    assert find_name(rows_of(lost))[0] == "SAHAT USOP"
    # a later sentence that only says something of the holder names nobody
    later = [*_row(100, 300, "menerangkan", "bahwa", "yang", "tersebut", "dinyatakan"),
             *_row(150, 300, "LULUS")]
    assert find_name(rows_of(later))[0] is None


def test_a_label_set_in_spaced_letters_is_read_as_the_name_label():
    """'N a m a' spaced wide on a pre-printed form, read 'N a ma': its value is the name;
    the parent's label spaced so is still the parent's."""
    words = [*_row(100, 100, "N", "a", "ma"), *_row(100, 400, ":", "HADI", "WIDODO")]
    assert find_name(rows_of(words))[0] == "HADI WIDODO"
    parent = [*_row(100, 100, "N", "a", "m", "a", "Orang", "Tua"), *_row(100, 400, "HASANAH")]
    assert find_name(rows_of(parent))[0] is None


def test_a_parents_label_misread_before_its_slash_is_no_holders_label():
    """'Nama Orang Tua/wali' read 'Nama Orai ua/wali': still the parent's label, and the
    holder's name is the one the cue introduces."""
    words = [*_row(100, 300, "dengan", "ini", "menyatakan", "bahwa"),
             *_row(150, 300, "RAFII", "KUSASI"),
             *_row(210, 100, "Nama", "Orai", "ua/wali"), *_row(210, 500, "Hasanah")]
    assert find_name(rows_of(words))[0] == "RAFII KUSASI"
    # a label with its English after a slash is still the holder's
    assert OTHER_NAME.match("Nama Orai ua/wali Hasanah")
    assert not OTHER_NAME.match("Nama / Name : RAFII KUSASI")


def test_a_parents_label_with_a_dash_read_after_nama_is_no_holders_label():
    """'NAMA ORANG TUA/WALI' read 'NAMA — ORANG 0 TUAWALI' (a jittered scan), the holder's
    own label unread: the parent's row is passed over and the cue's row below names the
    holder."""
    words = [*_row(100, 100, "Ketua", "PKBM", "menerangkan", "bahwa", "peserta", "didik",
                   "Program", "Paket", "A", "setara", "SD/MI:"),
             *_row(150, 300, "HERU", "SAPUTRO"),
             *_row(210, 100, "NAMA", "\u2014", "ORANG", "0", "TUAWALI"),
             *_row(260, 300, "Yakobus", "Dehen")]
    assert find_name(rows_of(words))[0] == "HERU SAPUTRO"
    assert OTHER_NAME.match("NAMA \u2014 ORANG 0 TUAWALI")
    assert OTHER_NAME.match("Nama | Orang Tua : Hasanah")
    assert not OTHER_NAME.match("Nama : \u2014 ORANG KAYA")   # no such name, but a colon
    assert not OTHER_NAME.match("NAMA \u2014 RAFII KUSASI")


def test_certify_with_its_y_read_as_v_still_introduces_the_name():
    """'This is to certify that' read 'certifv that' on a 200 dpi copy: still the cue."""
    words = [*_row(100, 300, "This", "is", "to", "certifv", "that"),
             *_row(150, 300, "HERU", "SAPUTRO"),
             *_row(210, 100, "Place", "and", "Date", "of", "Birth", "Pangkut,", "2000")]
    assert find_name(rows_of(words))[0] == "HERU SAPUTRO"


def test_a_cue_wrapped_after_its_verb_introduces_the_name_below():
    """"... dengan ini menyatakan" ends a row, "bahwa" begins the next, the name under it;
    a row that begins with "bahwa" after another sentence introduces nobody."""
    words = [*_row(100, 100, "Rektor", "Universitas", "Bumi", "Tambun,", "dengan", "ini",
                   "menyatakan"),
             *_row(140, 500, "bahwa"), *_row(200, 400, "SETIAWAN"),
             *_row(260, 100, "Nomor", "Induk", "Mahasiswa", ":", "201327865")]
    assert find_name(rows_of(words))[0] == "SETIAWAN"
    words[6:7] = _row(100, 700, "menyatakan.")    # the sentence ended: no cue
    assert find_name(rows_of(words))[0] is None


def test_a_degree_after_the_name_is_left_out():
    """'Nama : RUDI HARTONO, S.T.': the degree a university prints after the name is no
    part of it."""
    row = Row([_w("Nama", 100, 60), _w(":", 200, 6), _w("RUDI", 220, 70),
               _w("HARTONO,", 300, 120), _w("S.T.", 430, 50)], 100, 119)
    assert find_name([row])[0] == "RUDI HARTONO"
    assert candidate([_w("RUDI", 220, 70), _w("HARTONO", 300, 110)])[0] == "RUDI HARTONO"


def test_a_dotted_leader_between_two_words_cuts_them_apart():
    """A name typed over a dotted line, the dots between its words read as part of one
    word ('MUHAMMAD..ARDIANSYAH'): two words; an initial's single stop stays."""
    words = [_w(":", 560, 6), _w("..MUHAMMAD..ARDIANSYAH", 600, 420, conf=68)]
    assert candidate(words)[0] == "MUHAMMAD ARDIANSYAH"
    assert candidate([_w("M.RIZKY", 600, 140), _w("AKBAR", 760, 100)])[0] == "M.RIZKY AKBAR"
    row = Row([_w("Nama", 271, 60), *[dict(w, conf=90) for w in words]], 100, 119)
    assert find_name([row])[0] == "MUHAMMAD ARDIANSYAH"


def test_a_cues_english_misread_still_passes_over_to_the_name():
    """'confers upon' read 'confers upan', neither word sure: the name is the row under
    it, not nothing."""
    words = [*_row(100, 300, "Memberikan", "ijazah", "kepada"),
             *[dict(w, conf=74) for w in _row(135, 300, "confers", "upan")],
             *_row(175, 300, "MUHAMMAD", "ARDIANSYAH"), *_row(240, 300, "Kendal,", "1983")]
    assert find_name(rows_of(words))[0] == "MUHAMMAD ARDIANSYAH"


def _struck(text: str, *, dotted: bool) -> Image.Image:
    """``text`` at 300 dpi, struck by a dot-matrix head or printed solid."""
    img = Image.new("L", (60 + 30 * len(text), 90), 255)
    d = ImageDraw.Draw(img)
    fnt = face("typewriter", 44)
    if dotted:
        dot_text(d, (30, 20), text, fnt, 40, rows=14, dot=0.58)
    else:
        d.text((30, 20), text, font=fnt, fill=40)
    return img


def test_a_name_struck_in_dots_is_read_with_its_dots_run_together():
    """A dot-matrix line reads as other letters ('SAlNAL' for ZAINAL); its dots run
    together, it reads right. Solid print is not taken for dots."""
    fine = _struck("ZAINAL FAUZAN", dotted=True)
    small = np.asarray(fine.resize((fine.width // 2, fine.height // 2)))
    pixels = Pixels(small, fine)   # the page read at 150 dpi, scanned at 300
    box = (0, 0, small.shape[1], small.shape[0])
    crop = line_crop(pixels, box, scale=2.0)
    assert struck_in_dots(crop, (20, 62))
    assert candidate(reread(pixels, box, scale=2.0))[0] != "ZAINAL FAUZAN"
    assert candidate(reread(pixels, box, scale=2.0, joined=True))[0] == "ZAINAL FAUZAN"
    solid = np.asarray(_struck("ZAINAL FAUZAN", dotted=False))
    assert not struck_in_dots(solid, (20, 62))


def test_a_numbered_row_s_label_is_a_label():
    """A typed form's rows numbered before their labels ('1. Nama', '3. Nama Orang
    Tua/Wali'): the holder's label still, the parent's still another's."""
    from ocr.ijazah_name import LABEL

    assert LABEL.match("1. Nama : RAFII").group("rest") == "RAFII"
    assert LABEL.match("12) Nama Lengkap : BUDI").group("rest") == "BUDI"
    assert OTHER_NAME.match("3. Nama Orang Tua/Wali : YAKOBUS DEHEN")
    assert not LABEL.match("2004 Nama")
    # a number of a transcript copied beside the diploma, read into the row
    assert LABEL.match("1800 Nama : RAFII").group("rest") == "RAFII"
    # the row's 1 read as letters
    assert LABEL.match("Il. Nama Lengkap HERU SAPUTRO").group("rest") == "HERU SAPUTRO"
    # a faxed copy loses the number's dot
    assert LABEL.match("1 Nama TEGUH SUTRISNO").group("rest") == "TEGUH SUTRISNO"
    # a frame's marks before the row, read as pieces of a letter or two
    assert LABEL.match("V | IL Nama : SUGENG SAPUTRO").group("rest") == "SUGENG SAPUTRO"
    # the parent's row with 'Orang' read as a mark is still the parent's
    assert OTHER_NAME.match("3. Nama » Tua/Wali Yakobus Dehen")


def test_a_frame_s_ornament_read_before_a_row_is_not_its_print():
    """The frame beside a numbered row read as 'Al', unsurely, a gap before the row's
    number: the row is '1. Nama RAFII'. A word read surely, or standing close to the
    next, stays."""
    row = [_w("Al", 103, 35, conf=2), _w("1.", 200, 11, conf=64), _w("Nama", 234, 51),
           _w("RAFII", 531, 93)]
    (read,) = rows_of(row)
    assert read.text == "1. Nama RAFII"
    assert LABEL.match(read.text).group("rest") == "RAFII"
    sure = [_w("Al", 103, 35, conf=80), *row[1:]]
    assert rows_of(sure)[0].text.startswith("Al ")
    close = [_w("Al", 180, 15, conf=2), *row[1:]]
    assert rows_of(close)[0].text.startswith("Al ")
    # the frame on the right: a mark far past the name ('RAFII 7'), or past a cue's colon
    framed = [_w("RAFII", 840, 106, conf=88), _w("7", 1681, 8, conf=52)]
    assert rows_of(framed)[0].text == "RAFII"
    near = [_w("RAFII", 840, 106, conf=88), _w("7", 960, 8, conf=52)]
    assert rows_of(near)[0].text == "RAFII 7"


def test_a_mark_between_two_consonants_keeps_a_diploma_name_from_being_taken():
    """'HERU SAPUT'RO': a narrow letter read as a mark; no name carries one there."""
    from ocr.ijazah_line import settled

    assert settled(("HERU SAPUT'RO", 0.9, [])) is None
    assert settled(("MA'RUF HIDAYAT", 0.9, [])) == ("MA'RUF HIDAYAT", 0.9)


def test_the_examinee_s_label_and_a_director_s_ruling_name_the_holder():
    """'Nama Peserta Ujian :' (the examinee's row of the national-examination years, under
    'menyerahkan Ijazah ini kepada :') and '... menetapkan bahwa' over the name."""
    examinee = [*_row(100, 100, "menyerahkan", "Ijazah", "ini", "kepada", ":"),
                *_row(150, 100, "Nama", "Peserta", "Ujian"), *_row(150, 400, ":", "HERU",
                                                                   "SAPUTRO"),
                *_row(200, 100, "Nomor", "Peserta", "Ujian"), *_row(200, 400, ":", "2-49-73")]
    assert find_name(rows_of(examinee))[0] == "HERU SAPUTRO"
    ruling = [*_row(100, 100, "Direktur,", "berdasarkan", "hasil", "Yudisium,", "menetapkan",
                    "bahwa"),
              *_row(150, 100, "HERU", "SAPUTRO"), *_row(210, 100, "Tempat", "lahir", ":",
                                                        "Pangkut")]
    assert find_name(rows_of(ruling))[0] == "HERU SAPUTRO"


@pytest.mark.parametrize("design", ["sma_kusut", "d1_arsip"])
def test_diplomas_of_group_14_name_their_holder(design):
    """Both designs of the fourteenth held-out group read no name at their first, blind
    measurement (their cues were unknown): now read on a 300 dpi colour copy."""
    people = make_people(9 * 6 + 1, seed=18)
    row = run_ijazah((design, 300, "colour", 0, people[0], 11))
    assert row["nama_exact"] and not row["from_roster"]


def test_a_cue_that_names_the_holder_s_kind_and_a_label_read_as_one_word():
    """'... menerangkan bahwa santri :' over 'Nama Santri : HERU SAPUTRO', the label read as
    one word by a phone scan ('NamaSani'), the row's Arabic label far right read as 'La'."""
    santri = [*_row(100, 100, "Kepala", "MA", "menerangkan", "bahwa", "santri", ":"),
              *_row(150, 100, "NamaSani"), *_row(150, 400, "HERU", "SAPUTRO"),
              *_row(150, 1400, "La"),
              *_row(200, 100, "Tempat", "dan", "Tanggal", "Lahir", ":", "Pangkut")]
    assert find_name(rows_of(santri))[0] == "HERU SAPUTRO"
    assert LABEL.match("NamaSani HERU SAPUTRO").group("rest") == "HERU SAPUTRO"
    assert OTHER_NAME.match("NamaSekolah : SMA NEGERI 1 KUMAI")
    assert not LABEL.match("Namanya BUDI")
    m = CUE.search("menerangkan bahwa warga belajar :")
    assert m and m.end() == len("menerangkan bahwa warga belajar :")


@pytest.mark.parametrize("design", ["paket_b_sablon", "ma_santri"])
def test_diplomas_of_group_15_name_their_holder(design):
    """The fifteenth held-out group's diplomas on a 300 dpi colour copy: a pesantren's
    'Nama Santri' row through a phone scan, a Paket B's stencilled capitals."""
    people = make_people(9 * 6 + 1, seed=18)
    row = run_ijazah((design, 300, "colour", 0, people[0], 11))
    assert row["nama_exact"] and not row["from_roster"]


@pytest.mark.parametrize("design, dpi, copy, roster, matched", [
    # the row's 1 read as 'Il.', the Arabic under 'Nama Lengkap' read among its words
    ("madrasah_moire", 200, "colour", False, False),
    # 'Nama Lengka' read, the name further right in its cell not: read again right of it;
    # the roster is at hand but not needed
    ("madrasah_moire", 300, "colour", True, False),
    # a transcript copied beside the diploma: its column's '1800' read before 'Nama'
    ("politeknik_perkecil", 200, "grey", False, False),
])
def test_a_bilingual_or_crowded_row_still_names_its_holder(design, dpi, copy, roster,
                                                           matched):
    from benchmarks.accuracy import IJAZAH_COPIES, run_ijazah
    from scansim.people import make_people, roster_names

    people = make_people(2 * 6 + 1, seed=18)
    names = tuple(roster_names(people, 300, seed=11)) if roster else ()
    row = run_ijazah((design, dpi, copy, 0, people[IJAZAH_COPIES.index(copy)], 11, names))
    assert row["nama_exact"] and row["from_roster"] == matched
    assert not roster or row["absent_taken"] is None
