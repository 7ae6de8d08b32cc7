"""The holder's name found by the roster when nothing the reader knows names it.

Diplomas introduce their holder in more ways than any list of cues holds ("Nama Peserta
Ujian :", "... menetapkan bahwa"); on a design whose way is new, no line is taken for the
name and none is matched against the roster. Whether a line of the page spells a name
the office already knows is a far easier question: each line that reads like a name (or
the part of a row after its label's colon) is matched against the roster's names
(:mod:`ocr.roster_match`), and a name is taken when exactly one roster name is matched,
on however many lines. A row naming a parent or the school's head ("Nama Orang Tua") is
passed over; a signatory or a parent who is also on the roster makes two names, and the
page goes to a person.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ocr import roster_match, textline
from ocr.ijazah_name import OTHER_NAME
from ocr.ijazah_witness import SIDE_MARGIN, line_box, spelled
from ocr.ijazah_words import Pixels, Row
from ocr.imaging import line_depth

LABEL_ONLY_LETTERS = 3   # letters after a label's words below which it has no value
LABEL_WORDS = re.compile(r"\b(?:orang|tua|wali|ayah|ibu|kandung)\b", re.I)   # a label's rest
UNREAD_LABEL_HEIGHTS = 3  # room left of a name-like line, in its heights, a label may stand in
LABEL_INK = 35            # grey levels under the paper round it: print
LABEL_INK_SHARE = 0.02    # of that room: print a label leaves there
MAX_LINES = 12    # name-like lines matched at most (the largest first): a page of lists
#                   is no diploma's body


def _value(row: Row) -> list[dict]:
    """The words of ``row`` a name may be: after its last colon (a label's), else all."""
    words = row.words
    for k in range(len(words) - 1, -1, -1):
        if words[k]["text"].rstrip().endswith((":", ";")):
            return words[k + 1:]
    return words


def _label_above(rows: list[Row], k: int) -> bool:
    """Whether row ``k`` is the value of a parent's or the head's row above it whose label
    stands alone ('Nama Orang Tua/Wali' over a line of Arabic, its value read as a row of
    its own below: 'Hasanah')."""
    if k == 0:
        return False
    label = OTHER_NAME.match(rows[k - 1].text)
    if label is None:
        return False
    rest = rows[k - 1].text[label.end():].rsplit(":", 1)[-1]
    return sum(ch.isalpha() for ch in LABEL_WORDS.sub("", rest)) < LABEL_ONLY_LETTERS


def _unread_label(row: Row, margin: float, pixels: Pixels) -> bool:
    """Whether print the page's reading left out stands on ``row`` left of its words,
    between them and the text's left ``margin``: a label too faint to read ('Nama Orang
    Tua' on a reader-printer's copy of a microfilm, before the parent's name), after
    which a name may be anyone's. A name standing alone on its line has none."""
    height = row.bottom - row.top
    left = min(w["left"] for w in row.words) - height
    if left - margin < UNREAD_LABEL_HEIGHTS * height:
        return False
    crop = pixels.crop((margin, row.top, left, row.bottom), scale=1.0, lifted=False)
    if crop is None:
        return False
    depth = line_depth(crop)   # no shade
    return float((depth > LABEL_INK).mean()) > LABEL_INK_SHARE


def _box(words: list[dict]) -> tuple[float, float, float, float]:
    """The box round ``words`` a name's line is read in, as the witness cuts it."""
    top = min(w["top"] for w in words)
    bottom = max(w["top"] + w["height"] for w in words)
    return line_box(words, (top, bottom),
                    min(w["left"] for w in words) - SIDE_MARGIN * (bottom - top),
                    max(w["left"] + w["width"] for w in words))


def roster_name_on_page(rows: list[Row], pixels: Pixels, names: Sequence[str]) -> str | None:
    """The one roster name the page's name-like lines spell (in capitals), or None."""
    if not names or not textline.available():
        return None
    margin = min((w["left"] for row in rows for w in row.words
                  if sum(ch.isalpha() for ch in w["text"]) >= LABEL_ONLY_LETTERS), default=0)
    lines = [words for k, row in enumerate(rows)
             if not OTHER_NAME.match(row.text) and not _label_above(rows, k)
             for words in [_value(row)] if words and spelled(" ".join(w["text"] for w in words))
             and not (words is row.words and _unread_label(row, margin, pixels))]
    lines.sort(key=lambda ws: -max(w["height"] for w in ws))
    found = set()
    for words in lines[:MAX_LINES]:
        crop = pixels.crop(_box(words), scale=pixels.resolution)
        probs = textline.line_probabilities(crop) if crop is not None else None
        name = roster_match.matched([probs], names) if probs is not None else None
        if name is not None:
            found.add(tuple(roster_match.spelling(name)))
    return " ".join(found.pop()) if len(found) == 1 else None
