"""A holder's name line read by a second recognizer (:mod:`ocr.textline`), a witness
beside Tesseract's readings of it.

The line recognizer errs differently from Tesseract and reads what Tesseract cannot (a
faded or unusual face, a line the page's reading left out). Its reading counts only as
a witness:

- a name Tesseract's readings settled is kept when the recognizer spells the same
  letters (case, spaces, dotted leaders and colons aside), or when it read the line too
  unsurely to count, or ran a doubled letter into one (see :func:`contradicts`); a sure
  reading of other letters leaves the name to a person;
- a line Tesseract's readings did not settle (or a line it read nothing on) is read as
  the recognizer spells it when a reading of Tesseract spells the same letters, or when
  the recognizer read it very surely, no sure reading of Tesseract spells other letters
  and none read with some confidence spells it a letter or two otherwise; and only when
  the reading looks like a name (:func:`spelled`) and is not a short one (one short
  word: every reading must agree there, see :mod:`ocr.names`) nor holds a short piece
  that may be half a word. Where Tesseract's readings spell the same letters but cut
  them into words otherwise, only a letter they left alone ('BAMBANG K URNIAWAN') that
  the recognizer, very sure, joins to a word is cut as the recognizer cuts it.

A line written with a pen is no case for it (see :func:`ocr.ijazah_line.name_of`).
"""
from __future__ import annotations

import re

import numpy as np

from ocr import imaging, roster_match, textline
from ocr.ijazah_hand import script_line
from ocr.ijazah_words import NOT_NAME, Pixels, line_crop, sure
from ocr.names import capitals, letters, maybe_split, name_end, no_name, short, spelled_near

WITNESS_SCORE = 0.9     # the recognizer's mean character probability: below, it is unsure
ALONE_SCORE = 0.95      # ... at least this to read a line Tesseract did not settle
COUNTED_CONF = 50.0     # Tesseract's reading read less surely (mean, 0-100) spells nothing
#                         otherwise: a face it cannot read ('NTUH.FARILLAH' at 20)
ROOM = 0.5              # of its box's height: room added above and below a line read again
CLEAR_SCALE = 2.0       # ... cleared, at least so enlarged (300 dpi of the page as read)
MARGIN = 0.3            # of the letter height: room kept above and below the line's words
SIDE_MARGIN = 1.0       # ... and after the end of their print
MAX_WORDS = 6           # a reading of more words is a sentence, not a name
LONG_WORD = 12          # letters: a longer word the recognizer alone reads may be two run
#                         together (it reads spaces from the words it knows, not the print)
MIN_LETTERS = 3         # a reading of fewer letters is a mark or a piece of one
MIN_CONTRAST = 40       # grey levels between paper and the darkest print: less is no print
INK_SHARE = 0.5         # of the way from the paper to the darkest print: darker is print
MIN_INK_PX = 3          # a pixel row of a gap with this much print crosses a line
MIN_LINE_PX = 6         # a run of such rows this high is a line of print (page as read)
LEADERS = re.compile(r"[.:;,_…·]+")   # dotted leaders and a label's colon around the words


def reading(pixels: Pixels | None, box: tuple[float, float, float, float]
            ) -> textline.LineReading | None:
    """The recognizer's reading of the line in ``box`` (page as read), cut out of the
    scan at its own resolution; None when there is nothing to read it with. Read unsurely,
    the line is read again with more room above and below, as Tesseract reads it again
    (:func:`ocr.ijazah_words.line_crop`: a dotted line typed over, a label's colon before
    it and an outline round it cleared), and the surer reading kept: cut close, the dots
    under a typed name's letters ('UTUH..FADILLAH') or a large face's tall letters make
    the recognizer unsure of letters it reads surely with room round them."""
    if pixels is None or not textline.available():
        return None
    crop = pixels.crop(box, scale=pixels.resolution)
    read = textline.read_line(crop) if crop is not None else None
    if read is None or read.score >= WITNESS_SCORE:
        return read
    clear = _roomy_crop(pixels, box)
    again = textline.read_line(clear) if clear is not None else None
    return again if again is not None and again.score > read.score else read


def _roomy_crop(pixels: Pixels, box: tuple[float, float, float, float]) -> np.ndarray | None:
    """The line in ``box`` cut out with ROOM above and below, cleared as Tesseract reads
    it again, at least CLEAR_SCALE enlarged."""
    room = ROOM * (box[3] - box[1])
    return line_crop(pixels, (box[0], box[1] - room, box[2], box[3] + room),
                     scale=max(pixels.resolution, CLEAR_SCALE), lead=True)


def roster_name(pixels: Pixels, names) -> str | None:
    """The roster name one of the lines a name was read on spells (call it when none was
    settled), cut out as :func:`reading` cuts them (see :mod:`ocr.roster_match`); None
    when none stands out."""
    for box in dict.fromkeys(pixels.name_lines):   # a line tried from two cues: once
        crops = (pixels.crop(box, scale=pixels.resolution), _roomy_crop(pixels, box))
        lines = [p for p in map(textline.line_probabilities,
                                (c for c in crops if c is not None)) if p is not None]
        name = roster_match.matched(lines, names) if lines else None
        if name is not None:
            return name.upper()   # as the readings give a name
    return None


def line_box(words: list[dict], band: tuple[float, float], left: float, end: float
             ) -> tuple[float, float, float, float]:
    """The box round a line's value ``words``: its ``band`` (top and bottom) with MARGIN
    of its height above and below, from ``left`` (room before the words, yet not over a
    label or cue on their row) to the end of its print ``end`` and SIDE_MARGIN beyond."""
    height = band[1] - band[0]
    right = max(end, max(w["left"] + w["width"] for w in words))
    return (left, band[0] - MARGIN * height, right + SIDE_MARGIN * height,
            band[1] + MARGIN * height)


def spelled(text: str) -> str | None:
    """The name a recognizer's reading spells, in capitals (dotted leaders, a colon and
    marks round the words aside: ': ..Masrani..Fadillah.' is 'MASRANI FADILLAH'), or None
    when it does not look like a name: a word not in capitals or Title Case, a digit, a
    lone letter, a word printed round names, too few letters or too many words."""
    text = text[:name_end(text)]   # an academic degree after the name aside
    if re.search(r"\d", text):
        return None
    words = [w.strip("'-") for w in LEADERS.sub(" ", text).split()]
    words = [w for w in words if w]
    if not words or len(words) > MAX_WORDS:
        return None
    for w in words:
        if not re.fullmatch(r"[A-Za-z]+(?:['-][A-Za-z]+)*", w) or len(w) < 2:
            return None
        if not (w.isupper() or w[0].isupper() and w[1:].replace("'", "").replace(
                "-", "").islower()):
            return None   # a word in small letters (a sentence) or case mixed ('JarLANI')
        if w.upper() in NOT_NAME:
            return None
    name = " ".join(w.upper() for w in words)
    if len(letters(name)) < MIN_LETTERS or no_name(name):
        return None
    return name


def same_letters(a: str, b: str) -> bool:
    """Whether two readings spell the same letters (case, spaces and marks aside)."""
    return capitals(a) == capitals(b)


def contradicts(name: str, text: str) -> bool:
    """Whether the recognizer's reading ``text`` of a line spells other letters than the
    ``name`` Tesseract's readings settled. Not when it only runs a doubled letter into one
    ('Rafi' for 'RAFII'): the recognizer (CTC decoding) merges a letter repeated without
    a gap it sees between the two, so on a doubled letter it is no witness either way."""
    own, other = capitals(name), capitals(text)
    if own == other:
        return False
    single = re.compile(r"(.)\1+")
    return not (len(other) < len(own) and single.sub(r"\1", own) == single.sub(r"\1", other))


def _cuts(name: str) -> set[int]:
    """Where ``name``'s words end, counted in its letters."""
    ends, at = set(), 0
    for word in name.split()[:-1]:
        at += len(capitals(word))
        ends.add(at)
    return ends


def lone_letter_joined(tess: str, name: str) -> bool:
    """Whether Tesseract's reading ``tess`` spells ``name`` but for a letter it left
    standing alone that ``name`` joins to a word beside it ('BAMBANG K URNIAWAN', a
    capital before small capitals, for 'BAMBANG KURNIAWAN'): no name part is one letter
    without a stop, so the reading that joins it cuts the words as printed."""
    if not same_letters(tess, name) or any(len(capitals(w)) == 1 for w in name.split()):
        return False
    own, other = _cuts(name), _cuts(tess)
    if not own < other:
        return False
    lone, count, at = set(), 0, 0
    for word in tess.split():
        size = len(capitals(word))
        if size == 1 and not word.endswith("."):
            lone |= {at, at + 1}
            count += 1
        at += size
    # each lone letter joined to one word, not two run together through it
    return (other - own) <= lone and len(name.split()) == len(tess.split()) - count


def witnessed(found: tuple[str, float, list] | None, seen: list,
              read: textline.LineReading | None) -> tuple[str, float, list] | None:
    """What :func:`ocr.ijazah_line.name_of` found on a line (``found``, from Tesseract's
    readings ``seen``) with the recognizer's reading ``read`` of it as a witness (see the
    module's rules)."""
    if read is None:
        return found
    if found is not None:
        if read.score < WITNESS_SCORE or not contradicts(found[0], read.text):
            return found
        return None   # two witnesses spell the name otherwise: a person reads it
    name = spelled(read.text)
    if name is None or short(name) or maybe_split(name) or read.score < WITNESS_SCORE:
        return None
    agreed = {r[0] for r in seen if same_letters(r[0], name)}
    if agreed and agreed != {name} and not (
            read.score >= ALONE_SCORE and all(lone_letter_joined(r, name) for r in agreed)):
        return None   # the letters alike, cut into words otherwise: the recognizer may run
        #               two words into one ('FAHRURRAZIRAHMAN'), Tesseract cut one in two
        #               ('SYARI FUDDIN'); a person sees which. Unless Tesseract only left a
        #               letter alone that the recognizer, very sure, joins to a word
    counted = [r[0] for r in seen if r[1] >= COUNTED_CONF]
    if not agreed and (read.score < ALONE_SCORE or any(sure(r) for r in seen)
                       or spelled_near(name, counted)
                       or any(len(r.split()) > len(name.split()) for r in counted)
                       or any(len(w) > LONG_WORD for w in name.split())):
        return None   # the recognizer alone, unsure, or with words perhaps run together;
        #               or a sure reading of Tesseract, or one a letter or two otherwise,
        #               spells the line otherwise, or saw more words on it than it read (a
        #               stamp over the last letter: 'SYAHRU' read, 'YAHRU SANA' seen)
    return name, round(read.score, 3), [*seen, (name, 100 * read.score, 100 * read.score)]


def _one_line(small: np.ndarray, gap: tuple[float, float, float, float]
              ) -> tuple[float, float, float, float] | None:
    """The box (left, top, right, bottom) of the one line of print in ``gap`` of the page
    as read, or None when it holds no print or more than one line. Print cut by the gap's
    top or bottom edge is no line of it: the rows around it reaching in, as a curled
    sheet's bowed row does ('HIDAYAT' of ANWAR HIDAYAT read in the gap over its row)."""
    h, w = small.shape[:2]
    x0, y0 = max(0, int(gap[0])), max(0, int(gap[1]))
    x1, y1 = min(w, int(gap[2])), min(h, int(gap[3]))
    if x1 - x0 < 20 or y1 - y0 < MIN_LINE_PX:
        return None
    crop = imaging.to_gray(small[y0:y1, x0:x1])
    paper, ink = np.percentile(crop, 90), np.percentile(crop, 0.1)
    if paper - ink < MIN_CONTRAST:
        return None
    marks = crop < paper - INK_SHARE * (paper - ink)
    lines = [(a, b) for a, b in imaging.runs(marks.sum(axis=1) >= MIN_INK_PX)
             if b - a >= MIN_LINE_PX and 0 < a and b < y1 - y0]
    if len(lines) != 1:
        return None
    top, bottom = lines[0]
    cols = np.flatnonzero(marks[top:bottom].any(axis=0))
    return x0 + cols[0], y0 + top, x0 + cols[-1] + 1, y0 + bottom


def gap_name(pixels: Pixels | None, gap: tuple[float, float, float, float],
             after_label: bool = False) -> tuple[str, float, list] | None:
    """The name on the one line of print in ``gap`` (under a cue, where Tesseract read
    nothing: a faded line), as the recognizer alone reads it (see :func:`witnessed`).
    ``after_label``: the gap begins where a "Nama" label ends, and the line's crop does
    not reach back over it ('NamaSETHAWAN')."""
    if pixels is None or pixels.small is None:
        return None
    line = _one_line(pixels.small, gap)
    if line is None:
        return None
    left, top, right, bottom = line
    height = bottom - top
    start = left - SIDE_MARGIN * height
    box = (max(gap[0], start) if after_label else start, top - MARGIN * height,
           right + SIDE_MARGIN * height, bottom + MARGIN * height)
    pixels.name_lines.append(box)   # (matched against the roster when nothing is settled)
    read = reading(pixels, box)
    if read is not None and script_line(read.text, pixels, box):
        return None   # a script of thin strokes: the recognizer reads its o as e surely
    return witnessed(None, [], read)
