"""A name line no reading settled, matched against the roster's names: the recognizer's
character probabilities along the line make the roster name it spells stand out, and a
line of someone not on the roster (or a roster of look-alike names) gives no name."""
from __future__ import annotations

import numpy as np
import pytest

from benchmarks.accuracy import run_ijazah
from formgen.checks.evidence import Fact
from formgen.checks.rules import load_rules
from formgen.service.verify_queue import needs_person
from ocr import roster_match
from scansim.people import make_people

CHARSET = ("blank", *"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:. ")


def _line(text: str, sure: float = 0.9, blur: dict[int, str] | None = None) -> np.ndarray:
    """Probabilities a recognizer might give along a line showing ``text``: each character
    over two slices then a blank slice, sure of it at ``sure``; ``blur``: at these
    positions of ``text`` it splits its belief evenly between the character and another."""
    rng = np.random.default_rng(len(text))
    rows = []
    for k, ch in enumerate(text):
        for _ in range(2):
            row = rng.uniform(0, 1e-3, len(CHARSET))
            row[CHARSET.index(ch)] = sure
            if blur and k in blur:
                row[CHARSET.index(ch)] = row[CHARSET.index(blur[k])] = sure / 2
            rows.append(row / row.sum())
        row = rng.uniform(0, 1e-3, len(CHARSET))
        row[0] = sure
        rows.append(row / row.sum())
    return np.array(rows)


ROSTER = ("Heru Saputro", "Budi Prasetyo", "Ijai Arsyad", "Tri", "Anwar Hidayat")


def test_the_roster_name_a_line_spells_is_found_whatever_its_case_and_marks():
    assert roster_match.matched([(_line(": Heru Saputro."), CHARSET)], ROSTER) == "Heru Saputro"
    assert roster_match.matched([(_line("IJAIARSYAD"), CHARSET)], ROSTER) == "Ijai Arsyad"


def test_a_letter_the_recognizer_doubts_does_not_stop_the_name_it_spells():
    line = _line("Heru Saputre", blur={11: "o"})     # a pen's o read half as e
    assert roster_match.matched([(line, CHARSET)], ROSTER) == "Heru Saputro"


def test_a_line_of_someone_not_on_the_roster_gives_no_name():
    assert roster_match.matched([(_line("Bahen Sandan"), CHARSET)], ROSTER) is None
    # a roster name inside a longer name on the line is no match ('HERU' of 'HERU SAPUTRO')
    assert roster_match.matched([(_line("Heru Saputro"), CHARSET)], ("Heru", "Budi")) is None


def test_look_alike_roster_names_leave_the_line_to_a_person():
    line = _line("IJAI ARSYAD", blur={1: "L"})
    assert roster_match.matched([(line, CHARSET)], ("Ijai Arsyad", "Ilai Arsyad")) is None
    assert roster_match.matched([(line, CHARSET)], ("Ijai Arsyad", "Budi")) == "Ijai Arsyad"


def test_a_whole_line_showing_more_than_the_roster_name_a_cut_crop_fits():
    """A crop cut where the cleaned print ended lost the end of the line ('GUSTI ANANG');
    the line cut to its full width shows print the shorter roster name does not spell."""
    cut, whole = _line("GUSTI ANANG"), _line("GUSTI ANANG SYARIFUDDIN")
    assert roster_match.matched([(cut, CHARSET)], ("Gusti Anang", "Budi")) == "Gusti Anang"
    assert roster_match.shows_more("Gusti Anang", (whole, CHARSET))
    assert not roster_match.shows_more("Gusti Anang", (cut, CHARSET))
    # a few marks of the background past the name are no more print
    assert not roster_match.shows_more("Gusti Anang", (_line("GUSTI ANANG X"), CHARSET))
    # nor a background's zigzags read as one letter over and over
    assert not roster_match.shows_more("Gusti Anang",
                                       (_line("GUSTI ANANG VV V V V V VVV"), CHARSET))
    assert roster_match.shows_more("Gusti Anang", (_line("GUSTI ANANG SYARIFUDDIN VV"),
                                                   CHARSET))


def test_a_name_one_crop_shows_more_print_than_is_neither_taken_nor_a_rival():
    """Two crops of one script line: the roomy one read 'HER UT', which HERU fits best;
    the tight one read surely 'HERU SAPUTRO'. With its holder off the roster, HERU is
    not taken; with him on it, HERU is no rival to his name."""
    roomy = _line("HER UT", blur={3: "U", 4: "blank", 5: "blank"})   # unsure past HER
    crops = [(_line("HERU SAPUTRO"), CHARSET), (roomy, CHARSET)]
    assert roster_match.matched(crops, ("Heru", "Budi Prasetyo")) is None
    assert roster_match.matched(crops, ("Heru", "Heru Saputro", "Budi")) == "Heru Saputro"


def test_short_roster_names_are_no_evidence_alone():
    assert roster_match.fits([(_line("Al"), CHARSET)], ("Al",)) == {}


def test_a_handwritten_name_left_to_a_person_is_matched_against_the_roster():
    """An SD diploma whose name a clerk wrote in cursive: no reading settles it blind;
    matched against the batch's names it is its holder's, and with the holder left off
    the roster no name is taken."""
    people = make_people(19, seed=18)
    names = tuple(p["nama"] for p in people)
    job = ("sd_tulis_tangan", 200, "colour", 1, people[6], 11)
    assert run_ijazah(job)["nama"] is False                # read blind: to a person
    row = run_ijazah((*job, names))
    assert row["nama_exact"] and row["from_roster"]
    assert row["absent_checked"] and row["absent_taken"] is None


@pytest.mark.parametrize("group, k, design", [(8, 0, "noto_hologram"),
                                              (12, 1, "manrope_miring")])
def test_a_200_dpi_grey_card_whose_short_first_name_is_unsure_is_matched(group, k, design):
    """IJAI ARSYAD on 200 dpi grey copies: I and J touch and read as U; the short-word
    rules leave the name to a person, the roster's name is matched."""
    from benchmarks.ktp_accuracy import LATER, card_case, later_numbers, stream

    people = make_people(10, seed=11)
    names = tuple(p["nama"] for p in people)
    n = later_numbers(2, 8, group)[k]
    case = card_case(people[2], n, 11, list(LATER[group]), stream(group), roster=names)
    assert case["design"] == design and case["dpi"] == 200 and not case["colour"]
    assert case["name"] and case["from_roster"]
    assert case["absent_checked"] and case["absent_taken"] is None


def test_a_matched_name_agreeing_with_its_applicant_needs_no_person():
    rules = load_rules()

    def fact(ok, note=roster_match.NOTE):
        return Fact(id=None, page_id=1, kind="ijazah", name="nama", value="HERU SAPUTRO",
                    confidence=roster_match.CONFIDENCE, ok=ok, note=note)
    assert not needs_person(fact(True), rules)
    assert needs_person(fact(False), rules)        # another applicant's name: a person looks
    assert needs_person(fact(True, note=None), rules)   # read unsurely, not matched


def test_a_doubled_letter_read_as_one_still_spells_its_roster_name():
    line = _line("Rafi")                        # the recognizer runs RAFII's two I into one
    assert roster_match.matched([(line, CHARSET)], ("Rafii", "Budi")) == "Rafii"
    assert roster_match.matched([(line, CHARSET)], ("Rafii", "Rafi")) is None


def test_a_name_read_without_its_space_takes_the_spaces_of_the_roster_name_it_spells():
    names = ["Salasiah Aulia", "Budi", "Budi Santoso", "Budis Antoso"]
    assert roster_match.respaced("SALASIAHAULIA", names) == "SALASIAH AULIA"
    assert roster_match.respaced("Salasiahaulia", names) == "Salasiah Aulia"
    assert roster_match.respaced("SALASIAH AULIA", names) == "SALASIAH AULIA"
    # letters the roster does not spell, or two roster names spelled alike: as read
    assert roster_match.respaced("SALASIAHAULIE", names) == "SALASIAHAULIE"
    assert roster_match.respaced("BUDISANTOSO", names) == "BUDISANTOSO"
    assert roster_match.respaced("HERU SAPUT'RO", ["Heru Saputro"]) == "HERU SAPUT'RO"
    assert roster_match.respaced(None, names) is None


def test_a_card_whose_name_space_is_as_narrow_as_a_letter_gap_keeps_its_space():
    """SALASIAH AULIA on a 200 dpi grey copy of a tightly set card: the space between
    the words is as narrow as the gaps between letters. The name's line is read with its
    space, and the roster (which would give a run-together reading its spaces, see
    respaced) changes nothing."""
    from benchmarks.ktp_accuracy import card_case

    people = make_people(10, seed=11)
    names = tuple(p["nama"] for p in people)
    blind = card_case(people[4], 4 * 4 + 2, 11, ["manrope_miring"])
    assert blind["dpi"] == 200 and not blind["colour"]
    assert blind["read_nama"] == "SALASIAH AULIA" and blind["name"]
    case = card_case(people[4], 4 * 4 + 2, 11, ["manrope_miring"], roster=names)
    assert case["name"] and not case["from_roster"] and not case["name_wrong"]


def test_a_streaked_copy_that_lost_the_end_of_a_name_takes_no_shorter_roster_name():
    """GUSTI ANANG SYARIFUDDIN on a low-toner 300 dpi colour copy: the cleaned print of
    the name's line ends after 'GUSTI ANANG S', and the roster holds a GUSTI ANANG too.
    The other crop of the line still shows the rest, so neither name is taken, with the
    holder on the roster or left off it."""
    from benchmarks.ktp_accuracy import card_case
    from scansim.people import roster_names

    people = make_people(18, seed=11)
    names = tuple(roster_names(people, 300, seed=11))
    assert "Gusti Anang" in names
    case = card_case(people[11], 11 * 8 + 3, 11, ["andika_kopi", "din_toner"], roster=names)
    assert case["design"] == "din_toner" and case["dpi"] == 300 and case["colour"]
    assert not case["name_wrong"] and case["absent_taken"] is None


def test_a_pale_security_ground_past_a_name_is_no_more_print(monkeypatch):
    """SYAHRUL on a laminated colour copy of a card printed over pale shields, the card
    cut at the pouch's edge (as it was before a card was cut again at its own outline):
    its line cut to the field block's edge reads the shields past the name as letters
    ('SYABRUYAYAZAVACMONC'). Those are no darker than the ground between the lines, so
    they are no print the name leaves out: the name's lines spell SYAHRUL of the roster
    (the name is read surely too now, so the roster's lines are asked directly), and with
    the holder left off it they spell no name."""
    import ocr.ktp.cards
    from benchmarks.ktp_accuracy import case_page
    from ocr.ktp import read_ktp
    from ocr.ktp.reading import _roster_name
    from scansim.people import roster_names, roster_without

    monkeypatch.setattr(ocr.ktp.cards, "_inside_outline", lambda rgb, card: card)

    people = make_people(10, seed=11)
    names = tuple(roster_names(people, 300, seed=11))
    page, truth, design, dpi, colour = case_page(people[1], 11, 11,
                                                 ["harmattan_kilat", "motoya_laminasi"])
    assert design == "motoya_laminasi" and colour and truth["nama"] == "SYAHRUL"
    reading = read_ktp(page, dpi=dpi)
    assert reading.name_lines and reading.whole_name_lines
    assert _roster_name(reading.name_lines, reading.whole_name_lines, names).upper() == \
        "SYAHRUL"
    assert _roster_name(reading.name_lines, reading.whole_name_lines,
                        roster_without(names, "SYAHRUL")) is None


def test_a_name_a_letter_or_two_off_a_roster_name_is_no_sure_reading():
    names = ["Rudi Wibowo", "Wati Astuti", "Ani", "Yanto"]
    assert roster_match.letter_off("RUDI WBOWO", names)        # a narrow I lost
    assert roster_match.letter_off("ATI ASTUTI", names)        # the first letter lost
    assert roster_match.letter_off("RUDI WIBOWOO", names)
    assert not roster_match.letter_off("RUDI WIBOWO", names)   # the roster's own
    assert not roster_match.letter_off("RUDIWIBOWO", names)    # spaces aside
    assert roster_match.letter_off("RUDI WIDODO", names)       # two off in a long name
    assert roster_match.letter_off("RUDI BOWO", names)         # a word's start lost
    assert roster_match.letter_off("WATI ASTU", names)         # a word's end lost
    assert roster_match.letter_off("YANT", names)              # a short name's end lost
    assert roster_match.letter_off("RUDI", names)              # a whole word lost ...
    assert roster_match.letter_off("WIBOWO", names)            # ... the first one too
    assert not roster_match.letter_off("ANI", names)           # ... yet a roster name
    assert not roster_match.letter_off("RUDI WIBOWO SANTOSO", ["Rudi Wibowo"])   # a word more
    assert roster_match.letter_off("YANTI", names)             # one off in a short one
    assert not roster_match.letter_off("SANTI", names)         # two off in a short one
    assert not roster_match.letter_off("RUDI WIJAYA", names)   # four off: another name
    assert not roster_match.letter_off("AN", names)            # too short to tell
    assert not roster_match.letter_off(None, names)


def test_a_card_whose_name_every_reading_lost_a_narrow_letter_of_takes_the_roster_name():
    """RUDI WIBOWO on a 200 dpi colour copy enlarged and reduced again: every reading of
    the name read 'RUDI WBOWO', surely. A roster name a letter off it makes it unsure:
    its line is matched against the roster and spells RUDI WIBOWO; with the holder left
    off the roster no name is taken."""
    from benchmarks.ktp_accuracy import card_case
    from scansim.people import roster_names

    people = make_people(10, seed=11)
    names = tuple(roster_names(people, 300, seed=11))
    case = card_case(people[5], 41, 11, ["cabin_stabilo", "spartan_perbesar"], roster=names)
    assert case["design"] == "spartan_perbesar" and case["dpi"] == 200 and case["colour"]
    assert case["name"] and not case["name_wrong"] and case["from_roster"]
    assert case["absent_checked"] and case["absent_taken"] is None


def test_a_background_read_as_letters_past_a_name_is_no_more_of_the_name():
    """SYAHRUL highlighted on a 300 dpi grey copy of a card printed over rings and arcs:
    the line cut to the field block's edge reads on into the pattern ('SYAHRUUO) (UL(UAUD)')
    and seemed to show more than the name. From a bracket on, a reading is pattern, not a
    name's print: the roster name the line spells is taken."""
    from benchmarks.ktp_accuracy import card_case
    from scansim.people import roster_names

    people = make_people(10, seed=11)
    names = tuple(roster_names(people, 300, seed=11))
    case = card_case(people[1], 14, 11, ["cabin_stabilo", "spartan_perbesar"], roster=names)
    assert case["design"] == "cabin_stabilo" and case["dpi"] == 300 and not case["colour"]
    assert case["name"] and case["from_roster"] and not case["name_wrong"]
    assert case["absent_checked"] and case["absent_taken"] is None


def test_a_roster_name_is_taken_only_from_a_reading_that_holds_it_word_by_word():
    """A tiny photo's card printed large: 'SALASIAH ALA' fits the roster's one-word
    SALASIAH best once SALASIAH AULIA is off the roster, and 'KRISTIAN RANIDG' fits
    KRISTIAN SANDAN closely enough once KRISTIAN RANYING is; neither is taken now."""
    def alike(text, name):
        return roster_match.words_alike(name, (_line(text), CHARSET))
    assert not alike("SALASIAH ALA", "Salasiah")            # a second name is there
    assert alike("SALASIAH ALA", "Salasiah Aulia")
    assert alike("SALASIAHAULIA", "Salasiah Aulia")         # words run together
    assert not alike("KPISTIAN RANIDG", "Kristian Sandan")  # a word spelled otherwise
    assert alike("KISTIAN RANTING", "Kristian Ranying")
    assert alike("GUSTI ANANG VV V V V V VVV", "Gusti Anang")   # a background's zigzags
    assert alike("IJAI ARS YAD", "Ijai Arsyad")             # a word split by a wide letter
    assert alike("SALA.SIAH AULIA", "Salasiah Aulia")       # ... or by a mark
    assert alike("KRISTIAN", "Kristian Ranying")            # a word not read
