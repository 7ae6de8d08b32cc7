"""The name rules the KTP and ijazah readers share: short words, near spellings, pieces."""
from __future__ import annotations

from ocr.names import (
    another_line,
    cut_in_one,
    digits_shown,
    doubled_start,
    holds_cut,
    letter_as_mark,
    letter_lost,
    letters_run_together,
    lookalike_letters,
    lookalike_short,
    mark_between_consonants,
    marks_for_letters,
    maybe_split,
    name_end,
    no_name,
    piece_glued,
    short,
    short_lookalike,
    short_name_agreed,
    spelled_near,
    unsure_word,
)


def test_a_short_word_starting_with_a_letter_read_as_another_is_told():
    assert lookalike_short("IJAI ARSYAD") and lookalike_short("TRI") and lookalike_short("JOKO")
    assert not lookalike_short("RINA") and not lookalike_short("IRWAN HAKIM")
    assert not lookalike_short("M. YUSUF") and short("TRI") and not short("TRI WAHYUNI")
    # an I and a J set close together read as one W or N: 'IJAI' as 'WAI', 'NAI'
    assert lookalike_short("WAI ARSYAD") and not lookalike_short("WAHYUDI")
    assert lookalike_short("NAI ARSYAD") and not lookalike_short("NURHAYATI")


def test_a_short_name_needs_every_reading_alike():
    assert short_name_agreed("TRI", ["TRI", "TRI", "TRI"], sure=1, all_made=True)
    assert not short_name_agreed("TRI", ["TRI", "TRI"], sure=2, all_made=False)
    # a mark glued to a short word (a speck) spells it no otherwise
    assert short_name_agreed("AKHMAD NOOR", ["AKHMAD .NOOR", "AKHMAD NOOR"], sure=1,
                             all_made=True)
    # ... nor a mark read for the space, nor a space lost
    assert short_name_agreed("AKHMAD NOOR", ["AKHMAD'NOOR", "AKHMADNOOR"], sure=1,
                             all_made=True)
    assert not short_name_agreed("AKHMAD NOOR", ["AKHMAD'N0OR", "AKHMAD NOOR"], sure=1,
                                 all_made=True)
    assert not short_name_agreed("TRI", ["TRI", "IRI", "TRI"], sure=3, all_made=True)
    assert short_name_agreed("RINA", ["RINA", "RINA"], sure=2, all_made=False)
    # in a longer name, the short word is what every reading must show alike
    assert short_name_agreed("IJAI ARSYAD", ["IJAI ARSYAD", "IJAI ARSYAO"], sure=1,
                             all_made=True)
    assert not short_name_agreed("IJAI ARSYAD", ["IJAI ARSYAD", "TJAI ARSYAD"], sure=1,
                                 all_made=True)


def test_a_spelling_a_letter_or_two_apart_is_near():
    assert spelled_near("MAHYLNI", ["MAHYUNI"]) and spelled_near("RAHM ADI", {"RAHMADL"})
    assert not spelled_near("MAHYUNI", ["MAHYUNI", "MAHYU NI", None])
    assert not spelled_near("MAHYUNI", ["SUTRISNO"])
    assert maybe_split("RAHM ADI") and not maybe_split("M. YUSUF")


def test_marks_and_a_lone_letter_apart_are_no_spelling():
    assert not spelled_near("KRISTIAN RANYING", ["KRISTIAN. RANYING"])
    assert not spelled_near("IRWAN", ["H IRWAN"]) and spelled_near("IRWAN", ["HIRWAN"])


def test_a_reading_with_a_letter_more_may_show_one_the_name_lost():
    assert letter_lost("RUDI WBOWO", ["RUDI WIBOWO", None, "RUDIWBOWO"])
    assert not letter_lost("RUDI WIBOWO", ["RUDI WBOWO"])          # one less: no
    assert not letter_lost("IRWAN", ["H IRWAN"])                     # a speck apart: no
    assert not letter_lost("WIDODO SAPUTRO", ["WIDODO SAPLITRO"])    # U read as LI: no
    assert not letter_lost("IRWAN HAKIM", ["LIRWAN HAKIM", "HIRWAN HAKIM"])  # glued to it


def test_two_narrow_letters_read_as_one_wide_one_are_told():
    assert letters_run_together("KHADNAH ZULAIKHA", ["KHADIJAH ZULAIKHA"])
    assert letters_run_together("WAI ARSYAD", ["IJAI ARSYAD", None])
    # the other way round (a wide letter split in two) and other letters are not
    assert not letters_run_together("KHADIJAH ZULAIKHA", ["KHADNAH ZULAIKHA"])
    assert not letters_run_together("HASAN", ["HASAAN", "HASAN"])
    assert not letters_run_together("HASAN", ["HASAN"])
    assert not letters_run_together("SAPUTRO", ["SAPLITRO"])    # a U split in two


def test_two_long_pieces_as_close_as_the_letters_are_one_word_cut_in_two():
    """'SYARI FUDDIN' with no more room between the pieces than between letters (2 px):
    one word; a word space wider than that, or short pieces, are not judged here."""
    line = ["GUSTI", "ANANG", "SYARI", "FUDDIN"]
    assert cut_in_one(line, [7, 7, 2], letter_space=2) == ["SYARI FUDDIN"]
    assert holds_cut("GUSTI ANANG SYARI FUDDIN", {"SYARI FUDDIN"})
    assert not holds_cut("GUSTI ANANG SYARIFUDDIN", {"SYARI FUDDIN"})
    assert cut_in_one(["SIGIT", "PURNOMO"], [17], letter_space=5) == []
    assert cut_in_one(["ABD", "ULLAH"], [1], letter_space=3) == []


def test_a_short_name_with_lookalike_letters_waits_at_low_resolution():
    assert short_lookalike("RAHI", low_resolution=True)
    assert short_lookalike("PEPI", low_resolution=True)
    assert not short_lookalike("BUDI", low_resolution=True)          # a B reads as a B
    assert not short_lookalike("RAHI", low_resolution=False)
    assert not short_lookalike("TONI", low_resolution=True)          # no look-alike letters
    assert not short_lookalike("RAHMAT HIDAYAT", low_resolution=True)  # not a short name
    assert lookalike_letters("PEPI") and not lookalike_letters("SITI")
    assert not lookalike_letters("BUDI")


def test_a_mark_glued_to_a_words_end_stands_for_a_narrow_letter():
    assert letter_as_mark("MAHYUN!") and letter_as_mark("MAHYUN)") and letter_as_mark("AULI|")
    assert not letter_as_mark("M.") and not letter_as_mark("KRISTIAN.")
    assert not letter_as_mark("!") and not letter_as_mark("|WAN")
    # a comma only at the name's end: inside it stands before a title ('BUDI, S.T.')
    assert letter_as_mark("SYAHRU,", last=True) and not letter_as_mark("BUDI,")


def test_an_apostrophe_between_two_consonants_is_a_letter_read_as_a_mark():
    assert mark_between_consonants("YULIANA T'NGANG")
    assert not mark_between_consonants("MA'RUF") and not mark_between_consonants("SYAFI'I")
    assert not mark_between_consonants("YULIANA TINGANG")


def test_a_word_starting_with_a_consonant_twice_is_no_name():
    assert doubled_start("YYSUF AKBAR") and doubled_start("GUSTI SSYARIFUDDIN")
    # a doubled vowel starts Sundanese names ('AAN', 'IIS'); doubled inside, many names
    assert not doubled_start("AAN SUPRIYADI") and not doubled_start("IIS DAHLIA")
    assert not doubled_start("YUSUF AKBAR") and not doubled_start("MUHAMMAD ALLAH")


def test_a_letter_three_times_in_a_row_is_no_name():
    """A moiré's marks read as letters ('YYYYY') are no name; a doubled letter is."""
    assert no_name("YYYYY") and no_name("WAWAN SUTRIIISNO") and no_name("YYSUF")
    assert not no_name("WAWAN SUTRISNO") and not no_name("RAFII") and not no_name("AAN")


def test_a_word_every_reading_guessed_is_unsure():
    assert unsure_word("SALASIAH AUUA", [[("SALASIAH", 0.92), ("AUUA", 0.52)]])
    assert not unsure_word("SALASIAH AUUA", [[("SALASIAH", 0.92), ("AUUA", 0.52)],
                                             [("SALASIAH", 0.9), ("AUUA", 0.7)]])
    assert not unsure_word("SALASIAH AULIA", [])      # no reading of the line: no sign
    # four readings of the line guessed 'IJAI' alike: more than chance
    guessed = [[("IJAI", c), ("ARSYAD", 0.96)] for c in (0.46, 0.54, 0.32, 0.5)]
    assert not unsure_word("IJAI ARSYAD", guessed)
    assert unsure_word("IJAI ARSYAD", guessed[:2])


def test_a_reading_that_shows_a_date_is_of_another_line():
    assert digits_shown(["KOTAWARINGIN", "LAMA,", "07-01-1986"])
    assert not digits_shown(["YUSUF", "AKBAR"]) and not digits_shown(["1RWAN", "HAKIM"])


def test_a_reading_that_shares_few_letters_with_a_name_is_of_another_line():
    assert another_line("AKHMAD NOOR", "TE")
    assert another_line("RAHMADI", "PANTAI DTIKI")
    assert not another_line("IJAI ARSYAD", "HA ARSYAD")
    assert not another_line("AKHMAD NOOR", "AKHMAD")


def test_letters_read_as_marks_in_a_name():
    assert marks_for_letters(["KRIS:", "AN", "RANYING"])          # TI under a glare: ':'
    assert marks_for_letters(["KRIS", "»", "AN", "RANYING"])
    assert marks_for_letters(["MAHYUN!"])
    # the colon before the value, a speck between words: no letters lost
    assert not marks_for_letters([":", "MUHDIANSYAH", "RAHMAN"])
    assert not marks_for_letters(["IRWAN", ".", "HAKIM"])
    assert not marks_for_letters(["AKHMAD:NOOR"])


def test_a_short_piece_a_reading_joins_by_a_mark_is_a_scratch_in_a_word():
    assert piece_glued("SUTRISN O SETIAWAN", [["SUTRISN", "O", "SETIAWAN"],
                                              ["SUTRISN-O", "SETIAWAN"]])
    assert piece_glued("HAIR ANI RAHMAN", [["HAIR.ANI", "RAHMAN"]])
    assert not piece_glued("M NOOR", [["M.NOOR"]])              # an initial's period
    assert not piece_glued("ABDUL RAHMAN", [["ABDUL-RAHMAN"]])   # no short piece
    assert not piece_glued("SUTRISN O SETIAWAN", [["SUTRISN", "O", "SETIAWAN"]])


def test_an_academic_degree_after_the_name_is_no_part_of_it():
    """A university prints the degree after the holder's name, past a comma."""
    def name(text: str) -> str:
        return text[:name_end(text)]

    assert name("RUDI HARTONO, S.T.") == "RUDI HARTONO"
    assert name("HERU SAPUTRO,S.T.") == "HERU SAPUTRO"
    assert name("Siti Aminah, A.Md.Keb.") == "Siti Aminah"
    assert name("BUDI, S.Pd., M.Pd.") == "BUDI"
    assert name("SETIAWAN,8.T.") == "SETIAWAN"      # its S read as an 8 in a script face
    # no degree: the line as it is (a sentence's comma, a place, a name alone)
    for text in ("BUDI, lahir di Kumai", "RUDI HARTONO", "Pangkalan Bun, 6 Juli 1997",
                 "AHMAD, S", ", S.T."):
        assert name(text) == text
