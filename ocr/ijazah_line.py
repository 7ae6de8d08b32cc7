"""A holder's name on an ijazah's line, read and read again until the readings agree.

The line the cue points to is read on the page, then again on its own, enlarged twice
(three times when they disagree); a name is taken when readings agree as the name rules
(:mod:`ocr.names`) allow, else None: a person reads it.
"""
from __future__ import annotations

import re
from itertools import pairwise

from ocr.ijazah_hand import written_by_hand
from ocr.ijazah_witness import line_box, reading, witnessed
from ocr.ijazah_words import (
    INK_RUN,
    NAME_MEAN_CONF,
    Pixels,
    Row,
    candidate,
    first_glyph_is_t,
    in_crop,
    ink_end,
    letter_space,
    line_crop,
    pieces,
    reread,
    struck_in_dots,
    sure,
    value_words,
    word_letters,
)
from ocr.names import (
    cut_in_one,
    holds_cut,
    letter_apart,
    letters,
    mark_between_consonants,
    maybe_split,
    no_name,
    short,
    short_lookalike,
    short_name_agreed,
    spelled_near,
)
from ocr.small_caps import small_capitals

AGREED_CONF = 50.0     # two readings spelling the name alike: each at least this sure
NAME_MARGIN = 3.0      # a name's line read again this many letter heights beyond its words
UNTIL_PAD = 0.35      # past where a name ends in a running sentence: its comma, no next word
CUT_EDGE = 0.25       # a word read this close to the box's end (letter heights) may go on
REREAD_SCALES = (2.0, 3.0)   # a name's line read again, enlarged, as a share of the page as read
LETTER_FLOOR = 0.1     # of the letter height: the least room letters keep (a script face's
#                        letters overlap across the line, yet stand apart no further)
EVEN_SCALE = 1.5       # a line in small capitals read a third time, at this enlargement
LOW_RES = 1.5          # scanned pixels per pixel of the page as read (150 dpi): below, low


def _stop(until: float | None, height: float) -> float:
    """How far a name's line is read when the name ends at ``until`` (no end: 10**6)."""
    return 10 ** 6 if until is None else until + UNTIL_PAD * height


def _line_box(words: list[dict], pixels: Pixels, row: Row | None, until: float | None = None
              ) -> tuple[tuple[float, float, float, float], tuple[float, float], float, float]:
    """(box the line of ``words`` is read again in, its band (top, bottom), letter height,
    where its print ends); ``until``: where the name ends whatever print goes on (a
    sentence that runs on past it)."""
    # The line's height and band from its words, not from an outline's marks read beside
    # them ('Z', '(' of a ribbon's tails), which would take in the line above.
    core = [w for w in words if len(word_letters(w)) >= 2] or words
    height = max(w["height"] for w in core)
    band = (min(w["top"] for w in core), max(w["top"] + w["height"] for w in core))
    # Word boxes of a large face may leave out a letter they read: a wide margin each side,
    # but not over the label or cue before the name on its row (small print beside large
    # defeats the reading of the line).
    start = min(w["left"] for w in words)
    before = [w["left"] + w["width"] for w in (row.words if row else ())
              if w["left"] + w["width"] <= start]
    # ... and to the end of the print the words stand in: a large name's last letters left
    # out of its word boxes would otherwise be cut off by the box ('WAHY' for 'WAHYU').
    end = ink_end(pixels.small, band, max(w["left"] + w["width"] for w in words), height)
    end = end if until is None else min(end, until)
    box = (max(start - NAME_MARGIN * height, max(before, default=-10 ** 6) + 1),
           band[0] - height / 2, min(end + NAME_MARGIN * height, _stop(until, height)),
           band[1] + height / 2)
    return box, band, height, end


def in_small_capitals(words: list[dict], pixels: Pixels | None) -> bool:
    """Whether the line of ``words`` is set in small capitals (see ocr.small_caps)."""
    words = value_words(words)
    if not words or pixels is None:
        return False
    box, band, _, _ = _line_box(words, pixels, None)
    return small_capitals(line_crop(pixels, box, scale=REREAD_SCALES[0], lead=True),
                          in_crop(band, box, REREAD_SCALES[0]))


def name_of(words: list[dict], pixels: Pixels | None, row: Row | None = None, *,
            capitals: bool = True, until: float | None = None
            ) -> tuple[str, float, list] | None:
    """(NAME, confidence 0..1, every reading) in ``words`` as Tesseract's readings of their
    line settle it (see _read_name), witnessed by a second recognizer's reading of the
    line (see :mod:`ocr.ijazah_witness`); ``until``: where the name ends (see _line_box)."""
    seen: list = []
    reach: list = []
    found = _read_name(words, pixels, row, capitals=capitals, every=seen, reach=reach,
                       until=until)
    words = value_words(words)
    if not words or pixels is None:
        return found
    box, band, _, end = _line_box(words, pixels, row, until)
    end = max([end, *reach])   # a word beyond a wide space the line's rereading took in
    line = line_box(words, band, box[0], end)
    pixels.name_lines.append(line)
    if found is None and not seen and written_by_hand(words, pixels):
        return None   # a pen's script: the recognizer reads its o as e as surely as
        #               Tesseract does ('Heru Saputre'), so it is no second witness there
    found = witnessed(found, seen, reading(pixels, line))
    return None if found and no_name(found[0]) else found


def _read_name(words: list[dict], pixels: Pixels | None, row: Row | None, *,
               capitals: bool, every: list, reach: list | None = None,
               until: float | None = None) -> tuple[str, float, list] | None:
    """(NAME, confidence 0..1) in ``words``, checked on their line read again on its own,
    enlarged twice (and three times when the two disagree): the page's layout sometimes
    loses a letter of a large name, a script face or a faint print reads better enlarged.
    A name two readings spell alike is taken; a lone reading only when sure, no other
    sure reading contradicts it and no reading saw more words; a reading that mixes the
    letters' case inside a word counts for nothing (see case_mixed). Pieces ('AB DUL')
    stand only when two readings cut them alike.
    Every reading made comes third: a short name is settled on all of them (see settled).
    A name is not taken either when a reading cut one of its words in two (see
    :func:`ocr.names.cut_in_one`) or while print goes on past the box it is read in,
    nor when the line was written in by hand (see :mod:`ocr.ijazah_hand`).
    ``capitals``: whether the line may be set in small capitals (not the rest of a name
    whose first line is not); ``every``: where every reading made is kept; ``reach``:
    where the value's words end when the line was read on past its box; ``until``: where
    the name ends (see _line_box)."""
    words = value_words(words)
    first = candidate(words)
    if not words or pixels is None:
        return (first[0], round(first[1] / 100, 3), [first]) \
            if sure(first) and not maybe_split(first[0]) else None
    box, band, height, end = _line_box(words, pixels, row, until)
    # A line in small capitals reads as small letters ('Rarii' for RAFII) however sure the
    # reading: then only readings with its capitals brought to one height count.
    crop = line_crop(pixels, box, scale=REREAD_SCALES[0], lead=True)
    even = band if capitals and small_capitals(
        crop, in_crop(band, box, REREAD_SCALES[0])) else None
    if even is None and written_by_hand(words, pixels):
        return None   # (small capitals read as small letters, in a thin face, are print)
    # A line struck in dots reads as other letters, however surely ('BAINAL' for ZAINAL):
    # then only readings with its dots run together count.
    joined = even is None and struck_in_dots(crop, in_crop(band, box, REREAD_SCALES[0]))
    if even is not None:
        words = value_words(_on_line(
            reread(pixels, box, scale=EVEN_SCALE, lead=True, even=even), band))
        first = candidate(words)
    readings = [first] if first and first[1] >= AGREED_CONF and not case_mixed(words) \
        and not joined else []
    seen = {letters(first[0])} if first else set()   # however unsurely read
    every += [first] if first else []

    def one_word_cuts(ws: list[dict]) -> list[str]:   # a word of the name read in two pieces
        room = max(letter_space(pixels.small, ws, band), LETTER_FLOOR * height)
        parts = pieces(ws)
        return cut_in_one([p[0] for p in parts], [b[1] - a[2] for a, b in pairwise(parts)],
                          room)

    # judged on the line's own readings: the page's reading may draw a word's box over the
    # next ('ANWAR' over the swash of 'HIDAYAT') where the line read alone does not
    cuts: set[str] = set()
    found_short = None
    went_on = False   # print read on past the box's end, however it was widened
    for scale in REREAD_SCALES:
        line = _on_line(reread(pixels, box, scale=scale, lead=True, even=even,
                               joined=joined), band)
        cut = any(w["left"] + w["width"] >= box[2] - CUT_EDGE * height for w in line)
        if cut and box[2] < end + (NAME_MARGIN + INK_RUN) * height:
            # a word beyond a space wider than the page's print showed ('RAFII KUSASI'
            # typed, 'KU' at the box's end): the box goes on to the end of its print
            box = (*box[:2], min(ink_end(pixels.small, band, box[2], height) +
                                 NAME_MARGIN * height, _stop(until, height)), box[3])
            line = _on_line(reread(pixels, box, scale=scale, lead=True, even=even,
                                   joined=joined), band)
            if reach is not None and value_words(line):   # the value's words, not a next
                reach.append(max(w["left"] + w["width"]   # field's on its row ('NISN')
                                 for w in value_words(line)))
            cut = any(w["left"] + w["width"] >= box[2] - CUT_EDGE * height for w in line)
        went_on |= cut
        again = None if cut else candidate(value_words(line))   # print on past the box
        if again is not None:
            seen.add(letters(again[0]))
            every.append(again)
            cuts.update(one_word_cuts(line))
        if again is None or again[1] < AGREED_CONF or case_mixed(line):
            continue
        for other in readings:
            if letters(other[0]) != letters(again[0]):
                continue
            whole = [r for r in (again, other) if not maybe_split(r[0])]
            pick = whole[0] if whole else again \
                if again[0] == other[0] and not letter_apart(again[0]) else None
            if pick is not None and len({s for s in _spacings(pick[0], every)
                                         if not maybe_split(s)}) > 1:
                pick = None   # another reading cut it into words otherwise ('FAHR URRAZI')
            conf = min(other[1], again[1])
            if pick is not None and conf < NAME_MEAN_CONF and \
                    spelled_near(pick[0], seen):
                pick = None   # agreed, but not surely, and another reading spelled it
                #               otherwise: a script face's F read as J twice ('JAUZIAH')
            if pick is not None and (went_on or doubted(pick[0], cuts)):
                return None
            if pick is not None and short(pick[0]):
                found_short = pick[0], round(conf / 100, 3)   # every reading made first
            elif pick is not None:
                return pick[0], round(conf / 100, 3), every
        readings.append(again)
    if went_on:
        return None   # the name may go on past what was read
    if found_short:
        return *found_short, _lookalike_settled(every, found_short[0], pixels, box, band)
    surely = [r for r in readings if sure(r)]
    if len({r[0] for r in surely}) == 1 and not maybe_split(surely[0][0]) \
            and not any(len(r[0].split()) > len(surely[0][0].split()) for r in every) \
            and not spelled_near(surely[0][0], seen) and \
            len(_spacings(surely[0][0], every)) == 1 and \
            not doubted(surely[0][0], cuts):
        # (and no reading, however unsure, cut it into words otherwise: 'RAHMAH AZIZAH')
        return surely[0][0], round(surely[0][1] / 100, 3), every
    return None


def case_mixed(words: list[dict]) -> bool:
    """Whether a word was read with a capital after a small letter ('JarLANI', 'JumBeEri'):
    no name is printed so; its letters' case, and with it their shapes, were misjudged (a
    line in small capitals the page's print did not show as such), so the reading is no
    evidence for a name however sure it is."""
    return any(re.search(r"[a-z][A-Z]", w["text"]) for w in words)


def doubted(name: str, cuts: set[str]) -> bool:
    """Whether ``name``, however its readings agree, is left to a person: a reading of
    its line cut one of its words in two (``cuts``)."""
    return holds_cut(name, cuts)


def _spacings(name: str, every: list) -> set[str]:
    """The ways ``every`` reading that spells ``name``'s letters cut them into words."""
    return {r[0] for r in every if letters(r[0]) == letters(name)}


def _lookalike_settled(every: list, name: str, pixels: Pixels, box: tuple, band: tuple
                       ) -> list:
    """``every`` reading of a short name, those that read its first letter T as I ('IRI'
    for 'TRI') spelled with T when the first letter's shape is clearly a T (a bar across
    the top, a narrow stem): the readings then agree."""
    rest = {r[0][1:] for r in every}
    firsts = {r[0][:1] for r in every}
    if len(rest) != 1 or firsts != {"T", "I"} or name[:1] != "T":
        return every
    scale = REREAD_SCALES[0]
    crop = line_crop(pixels, box, scale=scale, lead=True)   # as the line was read again
    if crop is None or not first_glyph_is_t(
            crop, ((band[0] - box[1]) * scale, (band[1] - box[1]) * scale)):
        return every
    return [("T" + r[0][1:], *r[1:]) for r in every]


def _on_line(words: list[dict], band: tuple[float, float]) -> list[dict]:
    """The ``words`` reaching into the middle half of the line ``band`` (top, bottom) from
    above and below: print of the lines above and below, cut by the box, read apart (a
    word's box may take in such print above it: its foot still stands on the line)."""
    quarter = (band[1] - band[0]) / 4
    return [w for w in words if w["top"] + w["height"] > band[0] + quarter
            and w["top"] < band[1] - quarter]


def settled(found: tuple[str, float, list] | None, pixels: Pixels | None = None
            ) -> tuple[str, float] | None:
    """(name, confidence) of what :func:`name_of` found (its line and any line that
    continues it), a short name only when every reading agrees (see _short_name) and
    never when it holds letters that read as others on a scan of low resolution (below
    LOW_RES: 'RAHI' for 'RAFII'; ``pixels``: where it was read) nor a mark between two
    consonants (:func:`ocr.names.mark_between_consonants`)."""
    if found is None:
        return None
    low = pixels is None or pixels.resolution < LOW_RES
    if short_lookalike(found[0], low_resolution=low) or mark_between_consonants(found[0]):
        return None   # (a mark between two consonants: a narrow letter, 'SAPUT'RO')
    return _short_name(found[2]) if short(found[0]) else (found[0], found[1])


def _short_name(every: list[tuple[str, float, float]]) -> tuple[str, float] | None:
    """A short one-word name ('TRI', 'JOKO') from ``every`` reading of its line, taken as
    :func:`ocr.names.short_name_agreed` allows (every reading made: the line and its
    enlargements)."""
    if not every or not short(every[0][0]) or not short_name_agreed(
            every[0][0], [r[0] for r in every], sure=sum(sure(r) for r in every),
            all_made=len(every) == 1 + len(REREAD_SCALES)):
        return None
    return every[0][0], round(min(r[1] for r in every) / 100, 3)
