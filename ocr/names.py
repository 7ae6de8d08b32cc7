"""When readings of a holder's name agree enough to take it (KTP and ijazah readers alike).

A letter misread in a name makes another name as plausible, which nothing else on the page
contradicts. Rules that guard against it: a short word ('TRI', 'IJAI') is taken only when
every reading spells it alike, and when it starts with a letter the text model reads as
another (T, I, J: 'IRI', 'TJAI'; a W or an N, as 'IJ' set close reads: 'WAI', 'NAI')
only when every reading was made; a name another reading spelled a letter or two otherwise
('MAHYLNI' against 'MAHYUNI') is not taken on readings that were not sure of it, nor one
another reading shows with a letter more or with two narrow letters for one ('KHADNAH'
against 'KHADIJAH'); a short piece ('RAHM ADI') stands only when two readings cut the name
alike; two long pieces ('SYARI FUDDIN') with no more room between them than between the
letters of the line are one word cut in two, and a short one-word name with letters that
read as one another at low resolution (F, H, E, P) is not taken there however alike it is
read; nor a name a reading shows with a mark glued to a word's end ('MAHYUN!': a narrow
last letter not read as one; 'SYAHRU,' at the name's end), nor one with a word every
reading of its line guessed, nor one with a word that starts with a consonant twice
('YYSUF': one letter read twice) or a letter three times in a row ('YYYYY'), nor one
read on a line that shows a date.
"""
from __future__ import annotations

import re
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

SHORT_NAME = 4          # a one-word name of at most this many letters: every reading must agree
# a short name starting so: every reading made as well (T, I and J read as each other;
# an I and a J set close together read as one W or N)
LOOKALIKE_START = "TIJWN"
NARROW = "IJLT"         # letters that, with a J, a text model runs together into one wide letter
NEAR_LETTERS = 2        # readings this many letters apart (or fewer) spell one name two ways
CUT_PIECE = 4           # two pieces of at least this many letters may be one word cut in two
LETTER_ROOM = 1.5       # ... when the room between them is at most this many letter spaces
LETTER_MARKS = "!|)]}1/:"  # marks a narrow letter (I, J, L) at a word's end is read as
#                            (a colon too: never printed after a name's word, 'KRIS:' AN)
SPECK_MARKS = ".,-'"     # marks a speck between words is read as; any other mark alone is letters
END_MARKS = ","         # ... and at the name's end only (a comma inside stands before a title)
DATE_DIGITS = 4         # digits a reading of a name's line shows when it read a date
CONSONANT = "[B-DF-HJ-NP-TV-XZ]"   # a letter that is neither a vowel nor a Y
VOWELS = "AEIOU"        # a word may start with one doubled ('AAN', 'IIS'); with a consonant, no
UNSURE_WORD = 0.6       # a word's confidence (0-1) below which its reading is a guess
GUESSES_ALIKE = 3       # readings of a line that, each guessing a word alike, settle it
SAME_LINE = 0.5         # share of a name's letters a reading of its line spells alike at least
LOOKALIKE_LETTERS = "FHEP"   # letters read as one another at low resolution (R and B
#                             too, but a short name's B is read alike far more often than
#                             it is misread: 'BUDI' would always wait)

# an academic degree after the holder's name, past a comma ('RUDI HARTONO, S.T.', 'SITI
# AMINAH, A.Md.Keb.', 'S.Pd., M.Pd.'): a university prints it with the name; no part of it
# (its S read as a 5 or an 8 in a script face: 'SETIAWAN,8.T.')
DEGREE = re.compile(r"(?:[A-Z58][A-Za-z]{0,3}\.){1,3}(?:[A-Z][A-Za-z]{0,3}\.?)?")


def name_end(text: str) -> int:
    """Where the name ends in ``text`` (a name's line as read): at a comma followed by
    academic degrees only (see DEGREE), else at the end."""
    for comma in re.finditer(",", text):
        rest = text[comma.end():].replace(",", " ").split()
        if text[:comma.start()].strip() and rest and all(DEGREE.fullmatch(w) for w in rest):
            return comma.start()
    return len(text)


def letters(name: str) -> str:
    """The name's letters, spaces left out."""
    return name.replace(" ", "")


def letter_apart(name: str) -> bool:
    """Whether a lone letter stands in the name ('ENDAN G LESTARI'): never a whole name
    part, however often it is read so (an initial has its full stop)."""
    return any(len(t) == 1 for t in name.split())


def maybe_split(name: str) -> bool:
    """Whether a piece of the name is short enough to be half a word that widely spaced
    capitals made Tesseract cut in two ('AB DUL', 'DAM BUNG'); an initial ('M.') is not."""
    return any(len(t) <= 3 and not t.endswith(".") for t in name.split())


def short(name: str) -> bool:
    """Whether ``name`` is one word of at most SHORT_NAME letters."""
    return len(name.split()) == 1 and len(letters(name)) <= SHORT_NAME


def short_words(name: str) -> list[str]:
    """The words of ``name`` of at most SHORT_NAME letters (an initial, 'M.', aside)."""
    return [w for w in name.split() if len(w) <= SHORT_NAME and not w.endswith(".")]


def lookalike_short(name: str) -> bool:
    """Whether a short word of ``name`` starts with a letter that reads as another ('IJAI
    ARSYAD', 'TRI'): misread, it makes another name just as plausible ('TJAI', 'IRI')."""
    return any(w[:1].upper() in LOOKALIKE_START for w in short_words(name))


def short_name_agreed(name: str, readings: list[str], *, sure: int, all_made: bool) -> bool:
    """Whether the short words of ``name`` (all of it, when it is one word) may be taken on
    ``readings`` (every reading made of its line): every reading spells them alike; and
    every reading was made (``all_made``) and one at least surely (``sure``: readings of
    it that were sure), or two surely when none of them starts with a letter that reads
    as another."""
    words = {capitals(w) for w in short_words(name)}
    one_word = len(name.split()) == 1
    # a mark read for a space or glued to a word ('AKHMAD\'NOOR', '.NOOR') or a space lost
    # spells it no otherwise; a letter read as a mark does
    if not readings or any(capitals(r) != capitals(name) if one_word
                           else not (words <= set(re.findall("[A-Z]+", r.upper()))
                                     or capitals(r) == capitals(name))
                           for r in readings):
        return False
    return all_made and sure >= 1 or sure >= 2 and not lookalike_short(name)


def another_line(name: str, reading: str) -> bool:
    """Whether ``reading`` shares too few of ``name``'s letters to be a reading of its
    line at all ('TE' for 'AKHMAD NOOR': a speck of the background read): it neither
    confirms the name nor spells it otherwise."""
    return Levenshtein.normalized_similarity(_spelling(name), _spelling(reading)) < SAME_LINE


def capitals(word: str) -> str:
    """A word as read, in capitals, with its marks ('KRISTIAN.', 'MAHYUN!') left out."""
    return re.sub(r"[^A-Z]", "", word.upper())


def _spelled_words(name: str) -> list[str]:
    """The words a reading spells a name with: capitals only, a lone letter standing
    apart (a speck read as one, 'H IRWAN') and marks ('KRISTIAN.') left out."""
    words = [capitals(w) for w in name.split()]
    return [w for w in words if len(w) > 1] if len(words) > 1 else words


def _spelling(name: str) -> str:
    return "".join(_spelled_words(name))


def spelled_near(name: str, seen) -> bool:
    """Whether another reading in ``seen`` spelled ``name`` a letter or two otherwise
    (spaces, marks and lone letters aside): a glyph that reads either way, which one
    reading does not settle."""
    own = _spelling(name)
    return any(0 < Levenshtein.distance(own, _spelling(other)) <= NEAR_LETTERS
               for other in seen if other)


def letter_as_mark(word: str, last: bool = False) -> bool:
    """Whether a word as read ends in a mark glued to its letters ('MAHYUN!', 'MAHYUN)'):
    no name is printed so, the mark is a narrow last letter the text model did not read as
    one, and the name without it is a letter short. ``last``: the name's last word, where
    a comma is such a mark too ('SYAHRU,' for 'SYAHRUL')."""
    marks = LETTER_MARKS + (END_MARKS if last else "")
    return len(word) >= 3 and word[-1] in marks and word[-2].isalpha()


def marks_for_letters(words: list[str]) -> bool:
    """Whether a reading of a name's line (its words as read) shows letters read as marks:
    a mark glued to a word's end (:func:`letter_as_mark`) or a word of marks alone between
    two words that is no speck's ('KRIS » AN RANYING' for KRISTIAN RANYING)."""
    last = len(words) - 1
    return any(letter_as_mark(word, last=j == last) or
               (0 < j < last and not any(c.isalnum() for c in word)
                and not set(word) <= set(SPECK_MARKS))
               for j, word in enumerate(words))


def digits_shown(words) -> bool:
    """Whether a reading of a name's line (its words as read) shows DATE_DIGITS digits or
    more: no name is printed with them; the reading is of another line (the birth line's
    place and date, 'KOTAWARINGIN LAMA, 07-01-1986')."""
    return sum(c.isdigit() for word in words for c in word) >= DATE_DIGITS


def mark_between_consonants(name: str) -> bool:
    """Whether an apostrophe stands between two consonants in ``name`` ('YULIANA
    T'NGANG'): a name carries one after a vowel ('MA'RUF', 'SYAFI'I'); between two
    consonants it is a narrow letter (an I) that both text models read as a mark."""
    return re.search(f"{CONSONANT}'{CONSONANT}", name.upper()) is not None


def piece_glued(name: str, readings: list[list[str]]) -> bool:
    """Whether a reading of a name's line (each of ``readings``: its words as read) shows
    two neighbouring words of ``name``, one of them a short piece (:func:`maybe_split`),
    joined by a mark: a scratch or a speck read in the gap inside one word ('SUTRISN-O',
    'HAIR.ANI'), which the other readings took for a word space. (An initial's period is
    no such mark: 'M.NOOR'.)"""
    words = name.upper().split()
    for a, b in zip(words, words[1:], strict=False):
        if min(len(a), len(b)) > 3:
            continue
        mark = r"[^\sA-Z0-9.]" if len(a) == 1 else r"[^\sA-Z0-9]"
        glued = re.compile(re.escape(a) + mark + re.escape(b))
        if any(glued.search(" ".join(reading).upper()) for reading in readings):
            return True
    return False


def doubled_start(name: str) -> bool:
    """Whether a word of ``name`` starts with one consonant twice ('YYSUF'): no name is
    spelled so; the text model read one letter twice, the second in place of another."""
    return any(len(w) >= 2 and w[0] == w[1] and w[0].isalpha() and w[0] not in VOWELS
               for w in name.upper().split())


def no_name(name: str) -> bool:
    """Whether ``name`` is spelled as no name is: a word that starts with one consonant
    twice (:func:`doubled_start`) or a letter three times in a row ('YYYYY': a printed
    pattern's marks read as letters)."""
    return doubled_start(name) or re.search(r"([A-Z])\1\1", name.upper()) is not None


def unsure_word(name: str, readings: list[list[tuple[str, float]]]) -> bool:
    """Whether a word of ``name`` was read below UNSURE_WORD by every one of ``readings``
    (the words, with their confidences, of each reading of the name's line) that shows
    it, fewer than GUESSES_ALIKE of them: 'AUUA' for 'AULIA', guessed once. (Four
    readings of the line that each guess 'IJAI' alike agree by more than chance.)"""
    for word in _spelled_words(name):
        seen = [conf for reading in readings for text, conf in reading
                if capitals(text) == word]
        if seen and max(seen) < UNSURE_WORD and len(seen) < GUESSES_ALIKE:
            return True
    return False


def letter_lost(name: str, seen) -> bool:
    """Whether another reading in ``seen`` shows ``name`` with one letter more inside a
    word ('RUDI WIBOWO' against 'RUDI WBOWO'): a text model drops a narrow letter it does
    not see far more often than it invents one there (a speck or a colon glued to a
    word's start or end, 'LIRWAN', is another matter)."""
    own = _spelling(name)
    for other in seen:
        words = _spelled_words(other) if other else []
        spelled = "".join(words)
        if len(spelled) != len(own) + 1:
            continue
        edges, at = set(), 0
        for word in words:
            edges |= {at, at + len(word) - 1}
            at += len(word)
        if any(spelled[:k] + spelled[k + 1:] == own for k in range(len(spelled))
               if k not in edges):
            return True
    return False


def letters_run_together(name: str, seen) -> bool:
    """Whether another reading in ``seen`` shows ``name`` with two narrow letters, one of
    them a J, where it has one other letter ('KHADIJAH' against 'KHADNAH', 'IJAI' against
    'WAI'): a J set close to an I, L or T tucks its hook under it, and the text model
    reads the two as one wide letter (an N, a W, an H). Other pairs are left to the
    majority: a U read as 'LI' is one letter split in two."""
    own = _spelling(name)
    for other in seen:
        spelled = _spelling(other) if other else ""
        if len(spelled) != len(own) + 1:
            continue
        if any(spelled[:k] == own[:k] and spelled[k + 2:] == own[k + 1:]
               and set(spelled[k:k + 2]) <= set(NARROW) and "J" in spelled[k:k + 2]
               and own[k] not in NARROW
               for k in range(len(own))):
            return True
    return False


def cut_in_one(pieces: list[str], rooms: list[float], letter_space: float) -> list[str]:
    """The neighbouring ``pieces`` (a name's words as read), each of CUT_PIECE letters or
    more, whose room between them in print (``rooms``: the widest gap between the middles
    of each two) is no wider than the room the letters of their line keep
    (``letter_space``), as 'A B': a person sees one word that the reading cut in two
    ('SYARI FUDDIN' for 'SYARIFUDDIN'), which makes another name."""
    return [f"{_spelling(a)} {_spelling(b)}"
            for (a, b), room in zip(pairwise(pieces), rooms, strict=True)
            if min(len(_spelling(a)), len(_spelling(b))) >= CUT_PIECE
            and room <= LETTER_ROOM * letter_space]


def holds_cut(name: str, cuts) -> bool:
    """Whether ``name`` shows one of ``cuts`` (see cut_in_one) as two of its words."""
    words = _spelled_words(name)
    return any(f"{a} {b}" in cuts for a, b in pairwise(words))


def lookalike_letters(name: str) -> bool:
    """Whether ``name`` holds a letter that reads as another of its kind at low resolution
    (F, H, E and P: 'RAHI' for 'RAFII', a script face's F and I read as one H)."""
    return any(c in LOOKALIKE_LETTERS for c in name.upper())


def short_lookalike(name: str, *, low_resolution: bool) -> bool:
    """Whether ``name`` is a short one-word name read at ``low_resolution`` with letters
    that read as others there: however alike every reading spells it, a person reads it."""
    return low_resolution and short(name) and lookalike_letters(name)
