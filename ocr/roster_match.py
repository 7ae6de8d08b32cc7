"""A name line no reading settled, checked against the names on the workspace's roster.

Reading a name blind asks for every letter to be sure; a pen's script ('Heru Saputre':
both recognizers read its o as e) or a copy too coarse for two narrow letters ('IJAI' at
200 dpi) rarely gives that. Whether the line says a name the office already knows is a
far easier question, and the one the check asks anyway (is this the applicant's
ijazah?). The line recognizer (:mod:`ocr.textline`) gives, for every slice of the line,
how likely each character is; from these the likelihood that the line spells a given
name is summed over every way of laying the name's letters along it (the CTC forward
sum), against the likelihood of the recognizer's own best reading. A roster name is
taken when it is nearly as likely as that best reading (``FIT``, a little more for a
long name: ``FIT_PER_LETTER``, as a script face leaves every letter a little uncertain)
and every other roster name is far less likely (``APART``). A crop the recognizer reads
fewer than ``MIN_LETTERS`` letters on (a crop past the line's print) shows no name: any
short name fits such a void nearly as well as the void itself. A line of someone not on
the roster fits no name, or fits a name a letter or so off, which the roster comparison
would let agree anyway; it stays with a person unless one name stands out. A name that
leaves print after it on a crop of the line unspelled ('HERU' of a line another crop
reads surely 'HERU SAPUTRO') is neither taken nor a rival.

Letter case is ignored (a handwritten 'Heru' is HERU); before, between and after the
words the line may show marks (a colon, dotted leaders, a space or none).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ocr.names import name_end

FIT = 5.0      # nats below the best reading's likelihood a roster name may stand
FIT_PER_LETTER = 0.8   # ... or this much per letter of a long name, where that is more
APART = 6.0    # ... and at least this far above the next roster name
DOUBLED = 2.0  # nats: a doubled letter read as one
MIN_LETTERS = 3    # a shorter roster name is no evidence on its own
MORE_LETTERS = 3   # a crop read with this many letters more than a name shows more print
#                    (each letter counted by the recognizer's probability of it)
REPEATED = 3       # one letter read so many times running: a background's pattern
LOST = 20.0        # nats below a crop's reading: a name that leaves print there unspelled
SPELLED = 70.0     # the recognizer's own reading of the line spells the name at least so
#                    alike (0-100): a likely name must also look like what was read
CONFIDENCE = 0.5   # a name so matched confirms its own applicant (the roster comparison
#                    agrees); below the checks' min_confidence, any other goes to a person
WORD_EDITS = (2, 3)   # a reading's word spells a name's word at most so many letters off
#                       (this many, or one per so many letters of a long word)
WORDS_JOINED = 3      # a name's word read split in at most so many, or so many run together
LETTER_OFF = 0.3   # a name read surely but a letter off a roster name: a person looks
TWO_OFF_LETTERS = 8   # ... or two letters off, in a name at least this long
PATTERN_START = re.compile(r"[()\[\]{}]")   # what a line's reading of a name never holds
NOTE = "roster"    # the finding's note: matched against the roster, not read blind
_FLOOR = 1e-12
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MARKS = set(" .:;,-_'\"`|/()")   # what may stand round and between a name's words
_BLANK, _FILL = 0, 1   # emission columns: the recognizer's blank; a blank, space or mark


def spelling(name: str) -> list[str]:
    """The words of ``name`` in capital ASCII letters (accents dropped, marks as spaces)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    return re.sub(r"[^A-Z]+", " ", text).split()


@functools.lru_cache(maxsize=1)
def _columns(charset: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the recognizer's ``charset``: the columns of each letter A-Z, either case
    (index, letter), and the mask of the marks (and its blank) round a name's words."""
    upper = [(i, _LETTERS.index(c.upper())) for i, c in enumerate(charset)
             if len(c) == 1 and c.isascii() and c.isalpha()]
    marks = np.array([c in _MARKS for c in charset])
    marks[_BLANK] = True
    index = np.array([i for i, _ in upper])
    letter = np.array([k for _, k in upper])
    return index, letter, marks


def emissions(probs: np.ndarray, charset: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(log-probabilities per slice of the line: blank, blank-or-mark, A..Z either case;
    log-probability of the recognizer's best character per slice)."""
    index, letter, marks = _columns(tuple(charset))
    out = np.zeros((probs.shape[0], 2 + len(_LETTERS)))
    out[:, _BLANK] = probs[:, _BLANK]
    out[:, _FILL] = probs[:, marks].max(axis=1)
    np.add.at(out.T, letter + 2, probs[:, index].T)
    best = np.maximum(probs.max(axis=1), out[:, 2:].max(axis=1))
    return np.log(out + _FLOOR), np.log(best + _FLOOR)


def _states(words: list[str]) -> list[int]:
    """The name's path of emission columns: a blank-or-mark before, between and after
    its words, a blank between the letters of a word."""
    out = [_FILL]
    for word in words:
        for k, ch in enumerate(word):
            out += [_BLANK] if k else []
            out.append(2 + _LETTERS.index(ch))
        out.append(_FILL)
    return out


def likelihoods(logp: np.ndarray, names: Sequence[list[str]]) -> np.ndarray:
    """log P(line spells name) for each name (its words), all names at once."""
    paths = [_states(words) for words in names]
    size = max(len(p) for p in paths)
    ext = np.full((len(paths), size), _FILL)
    for n, p in enumerate(paths):
        ext[n, :len(p)] = p
    letter = ext >= 2
    skip = np.zeros_like(letter)   # a letter reached straight from the letter before it
    skip[:, 2:] = letter[:, 2:] & (ext[:, 1:-1] == _BLANK)
    # ... a doubled one too, at a cost: the recognizer runs a doubled letter into one
    # ('Rafi' for RAFII), leaving no blank between them
    cost = np.where(skip & (np.pad(ext, ((0, 0), (2, 0)))[:, :-2] == ext), -DOUBLED, 0.0)
    length = np.array([len(p) for p in paths])
    inside = np.arange(size)[None, :] < length[:, None]
    alpha = np.full(ext.shape, -np.inf)
    alpha[:, :2] = logp[0][ext[:, :2]]
    for t in range(1, logp.shape[0]):
        step = alpha.copy()
        step[:, 1:] = np.logaddexp(step[:, 1:], alpha[:, :-1])
        step[:, 2:] = np.where(skip[:, 2:],
                               np.logaddexp(step[:, 2:], alpha[:, :-2] + cost[:, 2:]),
                               step[:, 2:])
        alpha = np.where(inside, step + logp[t][ext], -np.inf)
    rows = np.arange(len(paths))
    return np.logaddexp(alpha[rows, length - 1], alpha[rows, length - 2])


def fits(lines: Iterable[tuple[np.ndarray, Sequence[str]]], names: Sequence[str]
         ) -> dict[str, float]:
    """For each roster name, how far below the recognizer's best reading its likelihood
    stands (nats; 0 or above: as likely), on the best of ``lines`` (each the recognizer's
    character probabilities per slice of one crop of the line, and its charset)."""
    known = {name: spelling(name) for name in names}
    known = {n: w for n, w in known.items() if sum(map(len, w)) >= MIN_LETTERS}
    if not known:
        return {}
    best = dict.fromkeys(known, -np.inf)
    for probs, charset in lines:
        probs = _name_part(probs, charset)
        logp, top = emissions(probs, charset)
        if logp.shape[0] < 2 or _letters(best_reading(probs, charset)) < MIN_LETTERS:
            continue
        scores = likelihoods(logp, list(known.values())) - top.sum()
        for name, score in zip(known, scores, strict=True):
            best[name] = max(best[name], float(score))
    return best


def _name_part(probs: np.ndarray, charset: Sequence[str]) -> np.ndarray:
    """``probs`` up to the comma before an academic degree that the recognizer reads after
    the name ('HERU SAPUTRO, S.T.'; see ocr.names.DEGREE), else all of them."""
    top, slices = _read_slices(probs)
    text = "".join(charset[top[i]] for i in slices)
    end = name_end(text)
    return probs[:slices[end]] if end < len(text) else probs


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def best_reading(probs: np.ndarray, charset: Sequence[str]) -> str:
    """The recognizer's own reading: its likeliest character in each slice, repeats run
    together and blanks dropped."""
    return "".join(ch for ch, _ in _sure_reading(probs, charset))


def matched(lines: Iterable[tuple[np.ndarray, Sequence[str]]], names: Sequence[str]
            ) -> str | None:
    """The one roster name the line spells (see the module's rule), or None."""
    lines = list(lines)
    read = [_letters_read(line) for line in lines]
    ranked = _ranked(lines, names, read)
    if not ranked:
        return None
    name = "".join(spelling(ranked[0][0]))
    spelled = [line for line in lines
               if fuzz.ratio("".join(spelling(best_reading(*line))), name) >= SPELLED]
    if not spelled:
        return None
    if len(spelled) < len(lines):
        # the crops read as the name decide, not a crop read as marks ('EHH': a roomy
        # crop of a pen's SETIAWAN that took in the dotted line under it), which short
        # names fit about as well as its own reading
        ranked = _ranked(spelled, names, read)
        if not ranked or "".join(spelling(ranked[0][0])) != name:
            return None
    if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - APART and \
            spelling(ranked[1][0]) != spelling(ranked[0][0]):
        return None
    return ranked[0][0]


def _ranked(lines: list, names: Sequence[str], read: list[list[tuple[str, float]]]
            ) -> list[tuple[str, float]]:
    """The roster name that fits ``lines`` best closely enough to be taken, and the next
    that could rival it, leaving out each name a crop shows more print after than
    (:func:`_more_after`; ``read``: every crop's :func:`_letters_read`): 'HERU' fits the
    crop of a script line read 'HER UT' best, while the crop beside it is read surely
    'HERU SAPUTRO'; with HERU SAPUTRO off the roster, HERU was taken."""
    kept: list[tuple[str, float]] = []
    for name, score in sorted(fits(lines, names).items(), key=lambda kv: -kv[1]):
        if not kept and score < -max(FIT, FIT_PER_LETTER * len("".join(spelling(name)))):
            break      # no name fits closely enough
        if kept and score <= kept[0][1] - APART:
            break      # no rival
        if not any(_more_after(name, letters) for letters in read):
            kept.append((name, score))
            if len(kept) == 2:
                break
    return kept


def _letters_read(line: tuple[np.ndarray, Sequence[str]]) -> list[tuple[str, float]]:
    """The letters the recognizer reads surely on a crop of the line (its probabilities
    and charset), each with how sure it is of it; a degree after the name's comma and a
    background's pattern (see :func:`_pattern_dropped`) left out."""
    chars = _sure_reading(*line)
    chars = _pattern_dropped(chars[:name_end("".join(ch for ch, _ in chars))])
    return [(ch, p) for ch, p in chars if ch.isalpha()]


def _more_after(name: str, letters: list[tuple[str, float]]) -> bool:
    """Whether a crop's ``letters`` (:func:`_letters_read`) spell ``name`` and then
    MORE_LETTERS or more letters past it, each counted by how sure it is of it ('HERU'
    in 'HERU SAPUTRO'). Print before the name is no objection: the crop may take in the
    end of its label ('namaHERUSAPUTRO')."""
    want = "".join(spelling(name))
    found = fuzz.partial_ratio_alignment(want, "".join(ch for ch, _ in letters).upper())
    if found is None or found.score < SPELLED:
        return False
    return sum(p for _, p in letters[found.dest_end:]) >= MORE_LETTERS


def _word_alike(read: str, want: str) -> bool:
    """Whether a reading's word spells a name's word but for a few letters (WORD_EDITS)."""
    return Levenshtein.distance(read, want) <= max(WORD_EDITS[0], len(want) // WORD_EDITS[1])


def words_alike(name: str, line: tuple[np.ndarray, Sequence[str]]) -> bool:
    """Whether the recognizer's reading of a crop (its probabilities and charset) holds
    ``name`` word by word, in order: each word it reads of MIN_LETTERS letters or more
    spells one of the name's words but for a few letters, a word split by a wide letter
    or a mark ('ARS YAD', 'SALA.SIAH') and words run together ('SALASIAHAULIA') counting
    as one. A name word it does not read is no objection (the line's likelihood vouched
    for the name); a word it reads that the name does not hold is: 'SALASIAH ALA' is no
    reading of SALASIAH (a second name is there, its letters unsure), 'KRISTIAN RANIDG'
    none of KRISTIAN SANDAN (a name whose holder is not on the roster shares a word with
    another's). A background read as letters past the name is left out as
    :func:`shows_more` leaves it."""
    want = spelling(name)
    read = spelling("".join(ch for ch, _ in _pattern_dropped(_sure_reading(*line))))
    reach = {(0, 0)}      # (reading words, name words) accounted for so far
    for i in range(len(read) + 1):
        for j in range(len(want) + 1):
            if (i, j) not in reach:
                continue
            if i < len(read) and len(read[i]) < MIN_LETTERS:
                reach.add((i + 1, j))                 # a speck read as a letter or two
            if j < len(want):
                reach.add((i, j + 1))                 # a name word not read
            for k in range(1, WORDS_JOINED + 1):
                if i + k <= len(read) and j < len(want) and \
                        _word_alike("".join(read[i:i + k]), want[j]):
                    reach.add((i + k, j + 1))         # a word read whole or split
                if j + k <= len(want) and i < len(read) and k > 1 and \
                        _word_alike(read[i], "".join(want[j:j + k])):
                    reach.add((i + 1, j + k))         # words read run together
    return (len(read), len(want)) in reach


def shows_more(name: str, line: tuple[np.ndarray, Sequence[str]]) -> bool:
    """Whether a crop of the line (the recognizer's probabilities and charset) shows print
    ``name`` does not spell: the recognizer reads MORE_LETTERS or more letters there than
    the name has, each counted by how sure it is of it, and the name stands LOST below
    that reading. A crop cut where the cleaned print ends may have lost the end of the
    line ('GUSTI ANANG' of a streaked copy) and a shorter roster name fit what is left;
    the line cut to its full width still shows the rest (GUSTI ANANG SYARIFUDDIN), read
    surely. A background read past the name is read unsurely ('ARSYAONIANINIAAWAL') or
    as one letter over and over ('ARSYAD VV V V V V'), which no name's print is."""
    letters = sum(p for ch, p in _pattern_dropped(_sure_reading(*line)) if ch.isalpha())
    if letters < len("".join(spelling(name))) + MORE_LETTERS:
        return False
    return fits([line], [name]).get(name, 0.0) < -LOST


def _sure_reading(probs: np.ndarray, charset: Sequence[str]) -> list[tuple[str, float]]:
    """:func:`best_reading` character by character, each with the recognizer's
    probability of it where it is likeliest."""
    top, slices = _read_slices(probs)
    return [(charset[top[i]], float(probs[i, top[i]])) for i in slices]


def _read_slices(probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the likeliest character of each slice, the slices that character is read at:
    neither a blank nor the same as the slice before)."""
    top = probs.argmax(axis=1)
    return top, np.flatnonzero((top != _BLANK) & np.r_[True, top[1:] != top[:-1]])


def _pattern_dropped(chars: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """``chars`` up to a bracket (a background's rings and arcs read as letters:
    'SYAHRUUO) (UL(UAUD)'), with every run of one letter read REPEATED times or more
    (spaces and marks between) left out: a background's zigzags ('VV V V V V VV')."""
    text = "".join(ch for ch, _ in chars)
    cut = PATTERN_START.search(text)
    chars = chars[:cut.start()] if cut else chars
    out: list[tuple[str, float]] = []
    run: list[tuple[str, float]] = []
    for ch, p in chars + [("", 0.0)]:
        letter = next((c for c, _ in run if c.isalpha()), None)
        if ch and (not ch.isalpha() or letter in (None, ch.upper())):
            run.append((ch.upper() if ch.isalpha() else ch, p))
            continue
        if sum(c.isalpha() for c, _ in run) < REPEATED:
            out.extend(run)
        run = [(ch.upper(), p)] if ch else []
    return out


def letter_off(name: str | None, names: Sequence[str]) -> bool:
    """Whether ``name`` spells no roster name but one of them save a single letter (one
    lost, added or changed: 'RUDI WBOWO' for RUDI WIBOWO), or save two in a name of
    ``TWO_OFF_LETTERS`` letters or more ('UAI ARSYAD' for IJAI ARSYAD: an IJ run into a
    U), word spaces aside, or save the start or the end of one of its words or a whole
    word (:func:`_cut_short`); names shorter than ``MIN_LETTERS`` count for nothing."""
    letters = "".join(spelling(name or ""))
    if len(letters) < MIN_LETTERS:
        return False
    spelled = [spelling(n) for n in names]
    known = {"".join(w) for w in spelled}
    if letters in known:
        return False
    most = 2 if len(letters) >= TWO_OFF_LETTERS else 1
    return any(len(k) >= MIN_LETTERS and
               0 < Levenshtein.distance(letters, k, score_cutoff=most) <= most
               for k in known) or _cut_short(spelling(name or ""), spelled)


def _cut_short(words: list[str], spelled: list[list[str]]) -> bool:
    """Whether ``words`` are the words of a roster name (``spelled``: each as
    :func:`spelling` gives it) but for one of them read without its first or last letters
    ('ASIAH AULIA' for SALASIAH AULIA: the start of a word lost under a background's line;
    'BUD' for BUDI, a typewriter's faint I) or not read at all ('ARSYAD' for IJAI ARSYAD:
    a thin-stroked IJAI lost in a card's pattern)."""
    for want in spelled:
        if len(want) == len(words) + 1 and words and \
                any(want[:k] + want[k + 1:] == words for k in range(len(want))):
            return True
        if len(want) != len(words) or len("".join(want)) < MIN_LETTERS:
            continue
        apart = [(w, r) for w, r in zip(words, want, strict=True) if w != r]
        if len(apart) == 1 and (cut := apart[0])[0] and \
                (cut[1].startswith(cut[0]) or cut[1].endswith(cut[0])):
            return True
    return False


def respaced(name: str | None, names: Sequence[str]) -> str | None:
    """``name`` (read letter by letter) with the word spaces of the one roster name it
    spells but for them (a space too narrow to see on a coarse copy: 'SALASIAHAULIA'),
    in the reading's letter case; ``name`` itself otherwise. The letters are the
    reading's; only the spaces are taken."""
    letters = "".join((name or "").upper().split())
    if not letters.isalpha() or not letters.isascii():
        return name
    alike = {tuple(spelling(n)) for n in names if "".join(spelling(n)) == letters}
    if len(alike) != 1:
        return name
    words = alike.pop()
    if list(words) == name.upper().split():
        return name
    return " ".join(words) if name.isupper() else " ".join(w.capitalize() for w in words)
