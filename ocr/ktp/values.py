"""A value of the field block read again on its own line, and the readings put to a vote.

The block reading sees a value once; a word misread there (``SANTOSI``) would pass as
read. The value's line is read twice more, cut out on its own: from the cleaned print
enlarged, and from the flattened grey. A value two readings agree on is taken; one read three
ways is shown to a person. A name is held to more: a short word of it (a misread letter
there makes another name, IJAI read WAI) that readings of its own line show in two ways
goes to a person; so does a name of one short word, or one whose short word the block
read otherwise, that fewer than three readings agree on, and a name no more than half of
the readings made show; and the rules every name reader keeps (:mod:`ocr.names`), for
which each reading of the line carries its confidence. The line recognizer's reading of
a name's line (:func:`witness_reading`) votes with Tesseract's; a name whose letters it
reads otherwise goes to a person.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher

import cv2
import numpy as np

from ocr import tesseract, textline
from ocr.imaging import runs
from ocr.ktp.cards import mm
from ocr.names import (
    another_line,
    capitals,
    digits_shown,
    letter_lost,
    letters,
    letters_run_together,
    lookalike_short,
    mark_between_consonants,
    marks_for_letters,
    maybe_split,
    no_name,
    piece_glued,
    short_name_agreed,
    spelled_near,
    unsure_word,
)
from ocr.textline import LineReading

# (readings, the confidence of each reading of the line, every reading made, the words
# of each reading with their confidences) -> value, conf
# (values, confidences, all_made, words, line_from=...): see read_agreed
Judge = Callable[..., tuple]
Words = list[tuple[str, float]]     # a reading's words as read, each with its confidence
AGREED = 0.9
DISPUTED = 0.3
PAD_MM = 1.0
LEFT_PAD_MM = 0.4
LEFT_FOLLOW_MM = 1.5        # a first letter the crop's left edge cuts is followed this far left
ROW_MARGIN_PX = 3           # kept above and below the value's own line of print
END_GAP_MM = 3.0            # a wider gap on the value's line ends the value (specks beyond)
SHORT_WORD = 5              # letters: a name's word this short misread by one is another name
SHORT_NAME_READINGS = 3     # readings that must agree on a name of one short word
SURE_READING = 0.75         # a reading of a name's line this sure (mean word confidence)
NEAR_SURE = 2               # sure readings that settle a name another spelled a letter apart
STRONG_READING = 0.85       # a reading of the name's own line by Tesseract this sure ...
STRONG_READINGS = 3         # ... and this many alike, none as sure otherwise: settled
GLYPH_TALL = 0.5            # of the line's height: a run of inked columns this tall is a letter
WORD_SPACE = 0.25           # of the line's height: a gap between letters this wide may be a word
WORD_JUMP = 2.0             # ... space, when this many times as wide as every narrower gap
CUT_OUTVOTED = 3            # readings that, twice as many as cut it, show a word whole
COLON_WIDTH = 0.25          # of the line's height: a colon's dots are no wider
WORD_ROOM = 0.2             # ... and wider than it by this much of the line's height
GROUND_PERCENTILE = 1       # of the ground between lines: no darker is no print
MIN_GROUND_PX = 200         # ... measured on at least so many pixels
FAINT_LETTER = 0.3          # of the line's height: pale print this wide past the clean print's end


def own_rows(ink: np.ndarray, middle: int) -> tuple[int, int] | None:
    """(first, end) rows of the line of print through row ``middle`` of a crop's print
    mask: the run of rows with print around it, the halves of the lines above and below
    (which a crop padded for skew catches on a tightly set card) left out. None when
    no print lies near the middle."""
    inked = ink.any(axis=1)
    near = [y for y in range(max(0, middle - 3), min(len(inked), middle + 4)) if inked[y]]
    if not near:
        return None
    return next((a, b) for a, b in runs(inked) if a <= near[0] < b)


def print_end(ink: np.ndarray) -> int | None:
    """The column where the print of a value's line (``ink``: its rows, from the value's
    start on) ends: at the first gap wider than END_GAP_MM, so that remains of the
    background further right are not read as more words. None without print."""
    cols = np.flatnonzero(ink.any(axis=0))
    if cols.size == 0:
        return None
    gaps = np.flatnonzero(np.diff(cols) > mm(END_GAP_MM))
    return int(cols[gaps[0]] if gaps.size else cols[-1]) + 1


def _own_line(print_: np.ndarray | None, box: tuple[int, int, int, int], right: int
              ) -> tuple[tuple[int, int] | None, int]:
    """(rows of the value's own line of print, from PAD_MM above ``box``; the column a
    little past where its print ends, at most ``right``) in the cleaned ``print_``."""
    x0, y0, x1, y1 = box
    top = max(0, y0 - mm(PAD_MM))
    if print_ is None:
        return None, right
    rows = own_rows(print_[top:y1 + mm(PAD_MM), x0:max(x1, x0 + 1)] == 0, (y0 + y1) // 2 - top)
    if rows is not None:
        end = print_end(print_[top + rows[0]:top + rows[1], x0:right] == 0)
        if end is not None:
            right = min(right, x0 + end + mm(1.0))
    return rows, right


def _own_band(print_: np.ndarray, box: tuple[int, int, int, int], right: int
              ) -> tuple[slice | None, int]:
    """:func:`_own_line` on the card: (the rows of the value's own line in ``print_``, or
    None; the column a little past where its print ends)."""
    rows, end = _own_line(print_, box, right)
    if rows is None:
        return None, end
    top = max(0, box[1] - mm(PAD_MM))
    return slice(top + rows[0], top + rows[1]), end


def value_print(print_: np.ndarray, box: tuple[int, int, int, int], right: int
                ) -> np.ndarray | None:
    """The print (True) of a value's own line, from ``box``'s left to where it ends."""
    rows, end = _own_band(print_, box, right)
    return None if rows is None else print_[rows, box[0]:end] == 0


def faint_past_end(grey: np.ndarray, print_: np.ndarray, box: tuple[int, int, int, int],
                   right: int) -> bool:
    """Whether the grey rendering of a value's line (``grey``) shows a letter past where
    its cleaned print (``print_``) ends: print paler than the rest of the line (a pale
    band of the card's background over the name's last letter), which the cleaning lost
    and every reading of the line then loses too ('BAHEN SANDA' for 'BAHEN SANDAN').
    Darker than halfway between the line's ink and its paper, FAINT_LETTER of the line's
    height wide (its strokes taken together across gaps of FAINT_LETTER: a faded R shows
    as a stem and a broken bowl) and GLYPH_TALL of it tall, before the next gap of
    END_GAP_MM."""
    rows, _ = _own_band(print_, box, right)
    if rows is None:
        return False
    ink = print_[rows, box[0]:right] == 0
    band = grey[rows, box[0]:right]
    end = print_end(ink)
    if end is None or end >= band.shape[1] or not (~ink).any():
        return False
    level = (np.median(band[:, :end][ink[:, :end]]) + np.median(band[~ink])) / 2
    past = band[:, end:min(band.shape[1], end + mm(END_GAP_MM))] <= level
    height = band.shape[0]
    pieces: list[list[int]] = []
    for a, b in runs(past.any(axis=0)):
        if pieces and a - pieces[-1][1] <= FAINT_LETTER * height:
            pieces[-1][1] = b
        else:
            pieces.append([a, b])
    for a, b in pieces:
        inked = np.flatnonzero(past[:, a:b].any(axis=1))
        if b - a >= FAINT_LETTER * height and inked[-1] - inked[0] + 1 >= GLYPH_TALL * height:
            return True
    return False


def _print_start(ink_rows: np.ndarray, left: int) -> int:
    """``left``, or further left when the print of the line (``ink_rows``, the cleaned
    print's rows of the value's line) runs on past it: the value's first letter began left
    of its word box (a W whose left stroke the box left out reads as an N: 'NAWAN'). Its
    print is followed, at most LEFT_FOLLOW_MM, to the first column without any; the colon
    before the value stands apart."""
    stop = max(0, left - mm(LEFT_FOLLOW_MM))
    col = left
    while col > stop and (ink_rows[:, col - 1] == 0).any():
        col -= 1
    return col if col > stop else left


def line_readings(images: list[tuple[np.ndarray, float]], box: tuple[int, int, int, int], *,
                  right: int, whitelist: str | None = None,
                  print_: np.ndarray | None = None) -> list[str]:
    """The text of ``box`` (widened to ``right``, where the photo starts) in each image,
    the cut-out scaled by the factor given with it. ``print_``: the cleaned print of the
    card (black on white), by which rows of other lines are whitened in the crops."""
    return [" ".join(text for text, _ in words)
            for words in line_reads(images, box, right=right, whitelist=whitelist,
                                    print_=print_)]


def line_crop(img: np.ndarray, box: tuple[int, int, int, int], *, right: int,
              print_: np.ndarray | None = None, to_print_end: bool = True) -> np.ndarray:
    """The cut-out of ``box`` in ``img`` that a value's own line is read on: padded, widened
    to where its print ends (at most ``right``; with ``to_print_end`` False, to ``right``:
    the cleaned print may end early where a copy lost the rest of the line), the rows of
    other lines whitened (by the cleaned ``print_``); little room on the left, so that the
    colon before the value stays out."""
    x0, y0, x1, y1 = box
    pad = mm(PAD_MM)
    top, left = max(0, y0 - pad), max(0, x0 - mm(LEFT_PAD_MM))
    rows, end = _own_line(print_, box, right)
    right = end if to_print_end else right
    if rows is not None:
        left = _print_start(print_[top + rows[0]:top + rows[1]], left)
    crop = img[top:y1 + pad, left:right]
    if rows is not None:
        crop = crop.copy()
        crop[:max(0, rows[0] - ROW_MARGIN_PX)] = 255
        crop[rows[1] + ROW_MARGIN_PX:] = 255
    return crop


def whole_line_crop(img: np.ndarray, box: tuple[int, int, int, int], *, right: int,
                    print_: np.ndarray) -> np.ndarray:
    """:func:`line_crop` to ``right`` (not where the cleaned print ends) with every pixel
    no darker than the security ground between the lines made white: a ground still
    faintly there past the value's end is no print for a recognizer to read as letters
    ('SYAHRULYAYAZAVAC' over pale shields), while print a copy's streak lightened (the
    rest of a name the cleaned print lost) stands darker than the clean ground round it
    and stays. The ground's level: GROUND_PERCENTILE of the grey above and below the
    line's own rows, where the cleaned print has none."""
    crop = line_crop(img, box, right=right, print_=print_, to_print_end=False)
    rows, _ = _own_line(print_, box, right)
    if rows is None:
        return crop
    top = max(0, box[1] - mm(PAD_MM))
    grey = img[top:box[3] + mm(PAD_MM), box[0]:right]
    ground = print_[top:box[3] + mm(PAD_MM), box[0]:right] > 0
    ground[max(0, rows[0] - ROW_MARGIN_PX):rows[1] + ROW_MARGIN_PX] = False
    if ground.sum() < MIN_GROUND_PX:
        return crop
    level = float(np.percentile(grey[ground], GROUND_PERCENTILE))
    return np.where(crop >= level, 255, crop).astype(np.uint8)


def line_reads(images: list[tuple[np.ndarray, float]], box: tuple[int, int, int, int], *,
               right: int, whitelist: str | None = None,
               print_: np.ndarray | None = None) -> list[Words]:
    """:func:`line_readings`, each as its words with their confidences (0-1)."""
    out = []
    for img, factor in images:
        crop = line_crop(img, box, right=right, print_=print_)
        if factor != 1.0:
            crop = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
        crop = cv2.copyMakeBorder(crop, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)
        lang = "eng" if whitelist else "ind"
        words = tesseract.ocr_data(crop, psm=7, lang=lang, whitelist=whitelist)
        out.append([(w["text"], w["conf"] / 100.0) for w in words])
    return out


def read_agreed(first: str | None, images: list[tuple[np.ndarray, float]],
                box: tuple[int, int, int, int], *, right: int, clean,
                whitelist: str | None = None, print_: np.ndarray | None = None,
                judge: Judge | None = None, first_confidence: float = 0.0,
                witness: LineReading | None = None) -> tuple[str | None, float]:
    """A value read in the block (``first``, read with ``first_confidence``) and again on
    its own line in each (image, scale), in turn until the readings (as ``clean`` makes
    them) agree: by :func:`vote`, or as ``judge`` says, given the readings, the
    confidence of each (the mean of its words'), whether every reading has been made and
    the words of each (the block's each with ``first_confidence``) and ``line_from``,
    where Tesseract's readings of the value's own line begin. ``witness``: the line
    recognizer's reading of the line (:func:`witness_reading`), which votes as a reading
    of the line right after the block's; a value whose letters it reads otherwise is
    DISPUTED (two recognizers disagree) unless those readings settle it
    (:func:`strong_consensus`), and the line is read on in the other renderings."""
    values, confidences = [clean(first)], [first_confidence]
    words = [[(w, first_confidence) for w in (first or "").split()]]
    if witness is not None:
        values.append(clean(witness.text))
        confidences.append(witness.score)
        words.append([(w, witness.score) for w in witness.text.split()])
    line_from = len(values)    # where the readings of the value's own line begin

    def judged(all_made: bool) -> tuple[str | None, float]:
        result = judge(values, confidences, all_made, words, line_from=line_from) \
            if judge else vote(values)
        if witness is not None and result[0] and result[1] > DISPUTED and \
                capitals(result[0]) != capitals(values[1] or "") and \
                not strong_consensus(result[0], values[line_from:], confidences[line_from:]):
            return result[0], DISPUTED     # read on: more renderings may outweigh it
        return result

    result = judged(not images)
    for k, img in enumerate(images):
        read = line_reads([img], box, right=right, whitelist=whitelist, print_=print_)[0]
        values.append(clean(" ".join(text for text, _ in read)))
        confidences.append(float(np.mean([c for _, c in read])) if read else 0.0)
        words.append(read)
        result = judged(k == len(images) - 1)
        if result[1] >= AGREED:
            break
    return result


def witness_reading(img: np.ndarray, box: tuple[int, int, int, int], *, right: int,
                    print_: np.ndarray | None = None) -> LineReading | None:
    """The line recognizer's reading of a value's own line (:func:`line_crop` of ``img``,
    with a white margin); None when it is not installed or read nothing."""
    read = textline.read_line(line_crop(img, box, right=right, print_=print_),
                              border=textline.WHITE_BORDER_PX)
    return read if read is not None and read.text else None


def vote(values: list[str | None]) -> tuple[str | None, float]:
    """The value most readings agree on (at least two; a space read or not makes no
    difference, the reading with the most words is taken) and AGREED; else the first
    value read and DISPUTED; (None, 0) when nothing was read."""
    read = [v for v in values if v]
    if not read:
        return None, 0.0
    key, count = Counter(v.replace(" ", "") for v in read).most_common(1)[0]
    if count >= 2:
        same = [v for v in read if v.replace(" ", "") == key]
        return max(same, key=lambda v: v.count(" ")), AGREED
    return read[0], DISPUTED


def strong_consensus(value: str | None, values: list[str | None],
                     confidences: list[float]) -> bool:
    """Whether ``values`` (Tesseract's readings of a value's own line, each rendering's,
    with their ``confidences``) show ``value``'s letters STRONG_READINGS times or more,
    each at least STRONG_READING, and none shows other letters as surely: renderings that
    agree so outweigh a block's reading that lost a letter ('TUH FADILLAH'), a reading or
    two of a rendering that blurred one, and the line recognizer's misspelling ('UTUR
    FFADLLAH', 'KHADUAH' for KHADIJAH: its decoding runs I and J into a U)."""
    if not value:
        return False
    key = letters(value)
    sure = [letters(v) for v, c in zip(values, confidences, strict=False)
            if v and c >= STRONG_READING]
    return sure.count(key) >= STRONG_READINGS and all(k == key for k in sure)


def _owners(text: str) -> tuple[list[int], list[int]]:
    """The word each letter of ``text`` (spaces left out) belongs to, and the words' lengths."""
    words = text.split()
    return [k for k, word in enumerate(words) for _ in word], [len(w) for w in words]


def _short_word_differs(value: str, other: str) -> bool:
    """Whether two readings of a name differ (spaces aside) in a word that, in either of
    them, has at most SHORT_WORD letters."""
    (own_a, len_a), (own_b, len_b) = _owners(value), _owners(other)
    a, b = value.replace(" ", ""), other.replace(" ", "")
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        touched_a = own_a[i1:i2] or own_a[max(0, i1 - 1):i1 + 1]
        touched_b = own_b[j1:j2] or own_b[max(0, j1 - 1):j1 + 1]
        if any(len_a[k] <= SHORT_WORD for k in touched_a) or \
                any(len_b[k] <= SHORT_WORD for k in touched_b):
            return True
    return False


def _unmarked(name: str) -> str:
    """A name's letters and spaces: a mark read after a word ('IRWAN. HAKIM') spells no
    letter of it otherwise (a lone letter, an initial's, stays)."""
    return " ".join(w for w in map(capitals, name.split()) if w)


def _majority_cut(value: str, same: list[str]) -> str:
    """``value`` (the letters most readings agree on, cut into the most words; ``same``:
    the readings of its letters), or, when it holds a piece short enough to be a word cut
    in two, the cut into words without one that at least CUT_OUTVOTED readings and twice
    as many show ('YULIANA' four times, 'YUL!IANA' twice: a crease read as a mark inside
    the word). The name is still checked against its print's word spaces."""
    if not maybe_split(value):
        return value
    cuts = Counter(same)
    whole = [v for v in cuts if not maybe_split(v)]
    best = max(whole, key=lambda v: cuts[v], default=None)
    if best is None or cuts[best] < max(CUT_OUTVOTED, 2 * cuts[value]):
        return value
    return best


def vote_name(values: list[str | None], confidences: list[float] | None = None,
              all_made: bool = True, words: list[Words] | None = None, *,
              print_spaces: int | None = None, line_from: int = 1
              ) -> tuple[str | None, float]:
    """:func:`vote` for a name (``values[0]``: the block's reading, the others each of the
    name's own line, read with ``confidences``; ``all_made``: no rendering is left to read
    it in), DISPUTED as well when a reading of the line shows one of its short words
    otherwise (in its letters: a mark read after it aside), or when fewer than
    SHORT_NAME_READINGS readings agree on a name of one short word or on one whose short
    word the block's reading shows otherwise (the block's reading, made among the other
    lines, may be outvoted, but by more than two); and when no reading that shows it was
    sure (SURE_READING); and as the rules every name reader keeps (:mod:`ocr.names`) say: a
    short piece only when two readings, and more than cut the name otherwise, cut it so; a
    name a reading spells a letter or two otherwise only when two readings of its line were
    sure of it, and never one a reading shows with a letter more or with two narrow letters
    for one; a short word that starts with a letter read as another only when every reading
    of the line was made and spells it alike (in a name of more words, a rendering that read
    nothing aside when more than SHORT_NAME_READINGS readings show it); a reading that
    shares too few letters with the name to be of its line ('TE') is left out; and
    (``words``: each reading's words as read, with their confidences) not when half the
    readings that show it or more read a mark at a word's end, where a narrow letter stands
    ('MAHYUN!'; a speck glued there by one reading, 'LESTARI!', is outvoted; a comma too at
    the name's end: 'SYAHRU,'), nor when a word starts with one consonant twice ('YYSUF'),
    nor when an apostrophe stands between two consonants ("T'NGANG": an I read as a mark),
    nor when a reading that shows it shows a date too (another line read), nor when each
    reading of the line that shows one of its words guessed that word (below UNSURE_WORD:
    'AUUA' for 'AULIA'), nor when (``print_spaces``: the word spaces its line's print
    shows) it is cut into more words than the print shows and by no more than half the
    readings of its letters ('KRIS TIAN RANYING' once, 'KRISTIAN RANYING' five times).
    Tesseract's readings of the line (from ``values[line_from]`` on: 2 when ``values[1]``
    is the line recognizer's) in :func:`strong_consensus` outweigh other readings that
    spell a short word otherwise or are as many as the readings that show the name."""
    value, conf = vote(values)
    if conf < AGREED or value is None:
        return value, conf
    key = letters(value)
    values = [None if v and another_line(value, v) else v for v in values]   # 'TE': a speck
    same = [v for v in values if v and letters(v) == key]   # the readings that show it
    value = _majority_cut(value, same)
    if print_spaces is not None and value.count(" ") > print_spaces and \
            same.count(value) * 2 <= len(same):
        return value, DISPUTED     # a space only some readings show, the print not
    others = [v for v in values[1:] if v and letters(v) != key]
    agreeing = len(same)
    block = values[0]
    block_differs = bool(block) and letters(block) != key and \
        _short_word_differs(value, block)
    strong = strong_consensus(value, values[line_from:], (confidences or [])[line_from:])
    if (not strong and any(_short_word_differs(_unmarked(value), _unmarked(v))
                           for v in others)) or \
            ((len(key) <= SHORT_WORD or block_differs) and agreeing < SHORT_NAME_READINGS):
        return value, DISPUTED
    if agreeing * 2 <= sum(1 for v in values if v) and not strong:
        return value, DISPUTED     # as many readings show it otherwise: two alike by chance
    shown = [k for k, v in enumerate(values) if v and letters(v) == key]
    read = words or [[] for _ in values]
    marked = sum(1 for k in shown if marks_for_letters([text for text, _ in read[k]]))
    if marked and marked * 2 >= len(shown):
        return value, DISPUTED     # 'MAHYUN!', 'KRIS: AN': letters read as marks
    if no_name(value):
        return value, DISPUTED     # 'YYSUF AKBAR', 'YYYYY': one letter read twice or more
    if piece_glued(value, [[text for text, _ in read[k]] for k in shown]):
        return value, DISPUTED     # 'SUTRISN-O SETIAWAN': a scratch in a word's gap
    if mark_between_consonants(value):
        return value, DISPUTED     # "YULIANA T'NGANG": an I read as a mark
    if any(digits_shown([text for text, _ in read[k]]) for k in shown):
        return value, DISPUTED     # 'KOTAWARINGIN LAMA, 07-01-1986': the birth line read
    if unsure_word(value, [read[k] for k in shown if k]):
        return value, DISPUTED     # 'SALASIAH AUUA', the last word guessed each time
    confidences = confidences or [1.0] * len(values)
    if max(c for v, c in zip(values, confidences, strict=False) if v and letters(v) == key) \
            < SURE_READING:
        return value, DISPUTED     # 'MAHYLNI' read twice, unsurely both times
    line = [(v, c) for v, c in zip(values[1:], confidences[1:], strict=False)]
    sure = sum(1 for v, c in line if v and letters(v) == key and c >= SURE_READING)
    cuts = Counter(same)
    if maybe_split(value) and (cuts[value] < 2 or cuts[value] * 2 <= sum(cuts.values())):
        return value, DISPUTED     # 'RAHM ADI' as often as 'RAHMADI': a word cut in two?
    if spelled_near(value, values) and sure < NEAR_SURE:
        return value, DISPUTED     # 'MAHYLNI' read, and 'MAHYUNI': U or L, unsure
    if letter_lost(value, values):
        return value, DISPUTED     # 'RUDI WBOWO' read, and 'RUDI WIBOWO': an I lost?
    if letters_run_together(value, values):
        return value, DISPUTED     # 'KHADNAH' read, and 'KHADIJAH': I and J run together?
    made = [v for v, _ in line if v]
    # a rendering of a name of more words that read nothing (or another line) spells its
    # short word no otherwise, but then more readings must show it
    if lookalike_short(value) and not short_name_agreed(
            value, made, sure=sure, all_made=all_made and (
                len(made) == len(line) or len(value.split()) > 1
                and agreeing > SHORT_NAME_READINGS)):
        return value, DISPUTED     # 'TJAI' read, and it may be 'IJAI'
    return value, conf


def _height(ink: np.ndarray) -> int:
    """The height of a line's print (``ink``): from its first inked row to its last."""
    rows = np.flatnonzero(ink.any(axis=1))
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


def glyph_runs(ink: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) columns of each run of inked columns of a line's print (``ink``) that
    stands GLYPH_TALL of the line's height or taller: a letter, or letters that touch
    (specks left out)."""
    height = _height(ink)
    if not height:
        return []
    tall = GLYPH_TALL * height
    out = []
    for a, b in runs(ink.any(axis=0)):
        inked = np.flatnonzero(ink[:, a:b].any(axis=1))
        if inked[-1] - inked[0] + 1 >= tall:
            out.append((a, b))
    return out


def word_spaces(ink: np.ndarray) -> int:
    """How many word spaces a line's print (``ink``) shows: the widest gaps between its
    letters, when at least WORD_SPACE of the line's height and WORD_JUMP times as wide as
    the next narrower gap and WORD_ROOM of the height wider (the first such step down from
    the widest gap: at 200 dpi a gap of 4 pixels beside an A is twice one of 2). Gaps all
    wide with no such step are letters spaced out (a letter-spaced print): no word space
    told."""
    glyphs = glyph_runs(ink)
    if len(glyphs) < 2:
        return 0
    gaps = sorted((b[0] - a[1] for a, b in zip(glyphs, glyphs[1:], strict=False)),
                  reverse=True)
    height = _height(ink)
    least = WORD_SPACE * height
    for k, gap in enumerate(gaps):
        if gap < least:
            return 0
        if k + 1 == len(gaps):
            return 1 if k == 0 else 0
        if gap >= WORD_JUMP * gaps[k + 1] and gap - gaps[k + 1] >= WORD_ROOM * height:
            return k + 1
    return 0


def print_spaces(ink: np.ndarray | None) -> int | None:
    """The word spaces a value's line of print shows (:func:`word_spaces`, the colon cut
    with it left out); None without its print."""
    return None if ink is None else word_spaces(_colon_left_out(ink))


def name_against_print(name: str | None, spaces: int | None) -> bool:
    """Whether a name agrees with the print of its line (``spaces``: the word spaces it
    shows, :func:`print_spaces`): no more than the name has ('UTUHARSYAD' for 'UTUH
    ARSYAD'), which readings that all make the same mistake cannot tell. (More letters
    apart than the name has is no sign: a letter whose thin bar the cleaning lost stands
    as two.)"""
    if not name or spaces is None:
        return True
    return spaces < len(name.split())


def _colon_left_out(ink: np.ndarray) -> np.ndarray:
    """A line's print without the colon before its value, when it was cut with it: a first
    mark no wider than COLON_WIDTH of the line's height, of two dots one above the other."""
    glyphs = glyph_runs(ink)
    if glyphs:
        a, b = glyphs[0]
        rows = np.flatnonzero(ink[:, a:b].any(axis=1))
        if b - a <= COLON_WIDTH * _height(ink) and (np.diff(rows) > 1).any():
            return ink[:, b:]
    return ink
