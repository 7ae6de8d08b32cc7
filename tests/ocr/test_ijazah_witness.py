"""The line recognizer as a second witness of an ijazah holder's name: a name Tesseract
could not read is read when the recognizer reads it surely; a name the two spell
otherwise, or a pen's line, is left to a person. Pages drawn as the benchmark draws
them, read as ingest reads them; lines drawn and read by the recognizer itself."""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from benchmarks.accuracy import run_ijazah
from ocr import textline
from ocr.ijazah_witness import contradicts, lone_letter_joined, spelled, witnessed
from scansim.ijazah import face
from scansim.people import make_people

PEOPLE = make_people(3 * 6 + 1, seed=11 + 7)   # as the benchmark draws 3 pages a cell

needs_recognizer = pytest.mark.skipif(not textline.available(),
                                      reason="line recognizer not installed")


def _line(text: str) -> Image.Image:
    img = Image.new("L", (40 + 22 * len(text), 70), 255)
    ImageDraw.Draw(img).text((20, 15), text, font=face("times", 36), fill=30)
    return img


@needs_recognizer
@pytest.mark.parametrize(("design", "dpi", "copy", "index", "k"), [
    ("sekolah_lanskap", 200, "faded", 0, 2),    # the name beside 'Diberikan kepada :',
    #                                             left out of the page's reading
    ("garamond_dwikolom", 200, "faded", 0, 2),  # its cue read 'dengan ini meny'
])
def test_names_tesseract_could_not_read_are_read_by_the_witness(design, dpi, copy, index, k):
    person = PEOPLE[(index * 6 + k) % len(PEOPLE)]
    assert run_ijazah((design, dpi, copy, index, person, 11))["nama_exact"]


@needs_recognizer
def test_a_pen_s_line_stays_with_a_person():
    """The recognizer reads this pen's 'Heru Saputro' as 'Heru Saputre', surely: no witness."""
    person = PEOPLE[0]
    got = run_ijazah(("sd_tulis_tangan", 200, "colour", 0, person, 11))
    assert not got["nama_wrong"] and not got["nama_inexact"]


@needs_recognizer
def test_a_name_the_recognizer_spells_otherwise_goes_to_a_person():
    read = textline.read_line(_line("TEGUH SUTRISNO"))
    settled = ("TEGUH SUTRISNO", 0.93, [])
    assert witnessed(settled, [], read) == settled
    assert witnessed(("TEGUH SUTRISMO", 0.93, []), [], read) is None


@needs_recognizer
def test_a_line_tesseract_read_unsurely_is_read_when_the_recognizer_is_sure():
    read = textline.read_line(_line("ANWAR HIDAYAT"))
    assert read.score >= 0.95
    assert witnessed(None, [("ANWAR HIDAYAT", 55.0, 40.0)], read)[0] == "ANWAR HIDAYAT"
    # a sure reading of Tesseract, or one a letter or two otherwise, stands against it
    assert witnessed(None, [("ANWAR HIDAYAN", 92.0, 85.0)], read) is None
    assert witnessed(None, [("ANWAR HIDAYN", 55.0, 40.0)], read) is None


@needs_recognizer
def test_the_recognizer_alone_that_read_fewer_words_than_tesseract_saw_is_no_name():
    """A stamp over a name's last letter: the recognizer reads 'SYAHRU' surely, Tesseract
    sees 'YAHRU SANA' (the stamp's letters a word beyond): the line holds more than the
    recognizer read, so a person reads it."""
    read = textline.read_line(_line("SYAHRU"))
    assert read.score >= 0.95
    assert witnessed(None, [], read)[0] == "SYAHRU"
    assert witnessed(None, [("YAHRU SANA", 75.0, 60.0)], read) is None
    assert witnessed(None, [("YAHRU SANA", 40.0, 30.0)], read)[0] == "SYAHRU"   # (no reading)


def test_a_doubled_letter_run_into_one_is_no_contradiction():
    assert not contradicts("RAFII", "Rafi")
    assert not contradicts("HERU SAPUTRO", ": HERUSAPUTRO")
    assert contradicts("RAFII", "Rafa")
    assert contradicts("RAFI", "Rafii")


@pytest.mark.parametrize(("text", "name"), [
    (": ..Masrani..Fadillah.", "MASRANI FADILLAH"),
    ("Jailani Effendi", "JAILANI EFFENDI"),
    (".RABIATUL.RAHMAH", "RABIATUL RAHMAH"),
    ("peserta didik yang bernama", None),
    ("tempat dan tanggal lahir: Palangka Raya, 22 Januari 1993", None),
    ("JarLANI", None),
    ("TEMPAT LAHIR", None),
])
def test_what_a_reading_spells(text, name):
    assert spelled(text) == name


def test_a_two_line_name_under_a_hanging_letter_is_not_cut_short():
    """'Rafii' over 'Kusasi' in an italic whose f hangs below the line: the first line's
    box stands taller than the second, which once made 'RAFII' the whole name."""
    people = make_people(3 * 6 + 1, seed=3 + 7)
    got = run_ijazah(("sarjana_dua_tengah", 300, "colour", 0, people[0], 3))
    assert not got["nama_wrong"] and not got["nama_inexact"]


def test_letters_alike_cut_into_words_otherwise_go_to_a_person():
    read = textline.LineReading("FAHRURRAZIRAHMAN", 0.97)
    assert witnessed(None, [("FAHRURRAZI RAHMAN", 60.0, 45.0)], read) is None
    assert witnessed(None, [], read) is None   # alone, a word that long may be two
    read = textline.LineReading("Gusti Anang Syarifuddin", 0.97)
    assert witnessed(None, [("GUSTI ANANG SYARI FUDDIN", 60.0, 45.0)], read) is None
    assert witnessed(None, [("GUSTI ANANG SYARIFUDDIN", 60.0, 45.0)], read)[0] == \
        "GUSTI ANANG SYARIFUDDIN"


@needs_recognizer
@pytest.mark.parametrize(("design", "dpi", "copy", "index", "truth"), [
    ("smp_isian", 200, "grey", 0, "UTUH FADILLAH"),   # typed over a dotted line: read
    #                        unsurely cut close, surely with room round it; Tesseract's
    #                        readings ('NTUH.FARILLAH' at 20) too unsure to speak against
])
def test_a_line_read_unsurely_is_read_again_with_room_round_it(design, dpi, copy, index,
                                                               truth):
    people = make_people(3 * 6 + 1, seed=3 + 7)   # as the benchmark draws seed 3
    person = people[(index * 6 + ("colour", "grey", "faded").index(copy)) % len(people)]
    assert person["nama"].upper() == truth
    assert run_ijazah((design, dpi, copy, index, person, 3))["nama_exact"]


@needs_recognizer
def test_tesseract_readings_too_unsure_spell_nothing_against_the_recognizer():
    read = textline.read_line(_line("UTUH FADILLAH"))
    assert read.score >= 0.95
    assert witnessed(None, [("NTUH.FARILLAH", 20.0, 20.0), ("UTYA..EARILLAH", 11.0, 11.0)],
                     read)[0] == "UTUH FADILLAH"
    # read with some confidence, a spelling a letter otherwise still stands against it
    assert witnessed(None, [("NTUH FARILLAH", 60.0, 55.0)], read) is None


def test_a_letter_tesseract_left_alone_is_joined_as_the_recognizer_joins_it():
    """Small capitals after a full capital ('Bambang Kurniawan' set so): Tesseract reads
    'BAMBANG K URNIAWAN' three times alike; the recognizer, very sure, joins the K."""
    seen = [("BAMBANG K URNIAWAN", 92.0, 91.0)] * 3
    read = textline.LineReading("BAMBANG KURNIAWAN", 0.985)
    assert witnessed(None, seen, read)[0] == "BAMBANG KURNIAWAN"
    # less than very sure, or running two words into one through it: a person sees
    assert witnessed(None, seen, textline.LineReading("BAMBANG KURNIAWAN", 0.92)) is None
    assert not lone_letter_joined("BAMBANG K URNIAWAN", "BAMBANGKURNIAWAN")
    assert not lone_letter_joined("SYARI FUDDIN", "SYARIFUDDIN")   # no letter alone
    assert not lone_letter_joined("M. RIZKY", "M.RIZKY")           # an initial, not alone
    assert lone_letter_joined("ENDAN G LESTARI", "ENDANG LESTARI")


@needs_recognizer
@pytest.mark.parametrize(("design", "dpi", "copy", "index", "truth"), [
    ("madrasah_arab", 300, "grey", 2, "FAJAR"),      # 'NISN : 4903573826' on its row
    ("madrasah_arab", 200, "faded", 2, "FAUZIAH"),
])
def test_the_witness_reads_the_name_not_the_next_field_on_its_row(design, dpi, copy, index,
                                                                  truth):
    """A name read on past its box (a word may stand beyond a wide space) is witnessed
    to the end of its words: the student number after it on its row is no part of it."""
    people = make_people(3 * 6 + 1, seed=1 + 7)   # as the benchmark draws seed 1
    person = people[(index * 6 + ("colour", "grey", "faded").index(copy)) % len(people)]
    assert person["nama"].upper() == truth
    assert run_ijazah((design, dpi, copy, index, person, 1))["nama_exact"]


@needs_recognizer
def test_a_copperplate_name_alone_under_its_cue_is_no_case_for_the_recognizer():
    """`sarjana_elegan` 200 dpi faded: Tesseract reads nothing of the script name, the
    recognizer reads it 'Feguh Sutrisne' surely (for Teguh Sutrisno): its thin strokes
    make it a script, which a person reads."""
    people = make_people(6 * 6 + 1, seed=11 + 7)   # as the benchmark draws 6 pages a cell
    got = run_ijazah(("sarjana_elegan", 200, "faded", 0, people[2], 11))
    assert not got["nama_wrong"] and not got["nama_inexact"]
