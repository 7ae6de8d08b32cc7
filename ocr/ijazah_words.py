"""An ijazah's words in the rows they stand in, and a holder's name among them: which words
look like a name (stray marks, pieces of a script face and letters set wide apart put
right), and a line read again on its own, enlarged, its leading marks cleared."""
from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass
from importlib.resources import files

import cv2
import numpy as np
from PIL import Image

from ocr import imaging, tesseract
from ocr.dotted import clear_dotted
from ocr.ijazah_text import READ_DPI, lift_background
from ocr.ktp import dots
from ocr.names import name_end
from ocr.small_caps import even_capitals

# A name is taken only when its words were read at least this surely (Tesseract 0-100).
NAME_MEAN_CONF = 80.0
NAME_MIN_CONF = 60.0
LINE_MIN_CONF = 50.0   # a line read less surely than this (median word) is no text
LINE_WORD_CHARS = 3    # ... of its words this long (letters, digits), where it has any
# A row's first word of a letter or two read this unsurely, standing this many row heights
# before the next, is a frame's ornament read as letters ('Al 1. Nama', 'NA Nama'); so is
# its last, standing far past the rest ('RAFII 7', 'belajar : hp'), not the row's print.
ORNAMENT_LETTERS = 2
ORNAMENT_CONF = 50.0
ORNAMENT_GAP = 1.0
ORNAMENT_END_CONF = 80.0
ORNAMENT_END_GAP = 6.0
OTHER_SCRIPT_CONF = 50.0   # a small word read less surely, before a name in capitals
FAR_END = 5.0          # letter heights: a word of a letter or two this far past a name
GLUED = 0.35           # a letter this close to a word (share of its height) is part of it
PIECE_GAP = 0.15       # a short piece this close to a word (share of its height) is part of it
SPACED_GLYPH = 0.5     # a capital's least width (share of its height), for spaced letters
LEAD_TALL = 0.6        # a letter: at least this share of the line's tall marks' height
LEAD_MARK = 0.55       # a mark before the first letter lower than this share of it: no letter
ENCLOSED = 3           # a stroke around at least this many marks is a shape drawn about them
ENCLOSING_HEIGHT = 1.3   # ... when this many times taller than the marks it goes around
ENCLOSING_SIDE = 0.5   # ... running above and below this share of the width they take
BRIDGE = 0.12          # breaks in an outline up to this share of a letter's height are bridged
OUTLINE_SHADE = 0.5    # of the way from print to paper: an outline printed paler still counts
INK_RUN = 12           # print followed along a name's line at most this many letter heights
INK_GAP = 0.8          # ... past gaps up to this share of a letter's height (a word space)
T_BAR = 0.3            # a T's bar: wider than its stem and its foot by this share of its height
THIN = 0.25            # a piece of outline: lower than this share of a letter, twice as wide
LEADER_INSIDE = re.compile(r"(?<=[A-Za-z])[.…·]{2,}(?=[A-Za-z])")   # dots between two words
NOT_NAME = frozenset(
    line.strip() for line in
    files("ocr").joinpath("data", "not_name_words.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#"))   # words around a name, never one of it


@dataclass
class Row:
    """Words standing side by side on the page, left to right."""

    words: list
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


TALL_WORD = 2.0      # a word boxed this many times its line's typical height: a mark through it
GUTTER_SPAN = (0.35, 0.65)   # of the page's width: where two pages copied side by side meet
GUTTER_MIN = 0.015           # of the width: the least blank between them
HALF_SHARE = 0.25            # of the page's words: each side holds at least this many


def two_up(words: list[dict], width: float) -> list[list[dict]]:
    """The words of each page when ``words`` (on a page ``width`` wide) come from two pages
    copied side by side ("2 in 1": a diploma beside its SKHUN or transcript), left first:
    a blank column near the middle that no word crosses, words enough on either side.
    [] when the page is one page (a title across the middle crosses any such column)."""
    sure = [w for w in words if w["conf"] >= 60 and len(re.sub(r"\W", "", w["text"])) >= 2]
    if len(sure) < 20 or width <= 0:
        return []
    covered = np.zeros(int(width) + 1, bool)
    for w in sure:
        covered[max(0, int(w["left"])):int(w["left"] + w["width"]) + 1] = True
    lo, hi = int(GUTTER_SPAN[0] * width), int(GUTTER_SPAN[1] * width)
    blank = np.flatnonzero(~covered[lo:hi]) + lo
    if blank.size == 0:
        return []
    runs = np.split(blank, np.flatnonzero(np.diff(blank) > 1) + 1)
    run = max(runs, key=len)
    if len(run) < GUTTER_MIN * width:
        return []
    middle = (run[0] + run[-1]) / 2
    left = [w for w in words if w["left"] + w["width"] / 2 < middle]
    right = [w for w in words if w["left"] + w["width"] / 2 >= middle]
    share = sum(w["left"] < middle for w in sure) / len(sure)
    return [left, right] if HALF_SHARE <= share <= 1 - HALF_SHARE else []


def rows_of(words: list[dict]) -> list[Row]:
    """Tesseract's lines joined into the rows they form on paper, top to bottom."""
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault((w["block"], w["par"], w["line"]), []).append(w)
    boxes = sorted(((min(w["top"] for w in ws), max(w["top"] + w["height"] for w in ws), ws)
                    for ws in lines.values()), key=lambda b: (b[0] + b[1]) / 2)
    # The typical line: of lines holding a word, not of an ornament's marks, which Tesseract
    # may give as dozens of one-mark lines ('(' along a scalloped frame) that would make a
    # title's large letters look like a picture.
    worded = [b - t for t, b, ws in boxes
              if any(len(re.sub(r"[^A-Za-z0-9]", "", w["text"])) >= 3 for w in ws)]
    typical = statistics.median(worded or [b - t for t, b, _ in boxes]) if boxes else 0
    # a line much taller than the typical one is a frame or a picture read as one; one
    # read unsurely an ornament read as letters ('KMI MI SM NI'), not print
    rows = stack_rows([(top, bottom, ws) for top, bottom, ws in boxes
                       if bottom - top <= 3 * typical
                       and _line_conf(ws) >= LINE_MIN_CONF], 3)
    for row in rows:
        _drop_frame_marks(row)
    return rows


def _line_conf(words: list[dict]) -> float:
    """How surely a line was read: the median of its words of LINE_WORD_CHARS or more
    (all of them where it has none). Marks a rule or a neighbouring column leaves in the
    line ('Go. nama TEGUH SUTRISNO b' by a copy's streak) do not outvote its words."""
    long = [w["conf"] for w in words
            if len(re.sub(r"[^A-Za-z0-9]", "", w["text"])) >= LINE_WORD_CHARS]
    return statistics.median(long or [w["conf"] for w in words])


def _drop_frame_marks(row: Row) -> None:
    """``row`` without the frame's ornament read at its start or end (see ORNAMENT_*)."""
    words, height = row.words, row.bottom - row.top

    def gap(a: dict, b: dict) -> float:
        return b["left"] - (a["left"] + a["width"])

    if len(words) > 1 and len(words[-1]["text"].strip()) <= ORNAMENT_LETTERS \
            and words[-1]["conf"] < ORNAMENT_END_CONF \
            and gap(words[-2], words[-1]) > ORNAMENT_END_GAP * height:
        del words[-1]
    if len(words) > 1 and len(words[0]["text"].strip()) <= ORNAMENT_LETTERS \
            and words[0]["conf"] < ORNAMENT_CONF \
            and gap(words[0], words[1]) > ORNAMENT_GAP * height:
        del words[0]


def stack_rows(boxes: list[tuple[float, float, list[dict]]], look_back: int) -> list[Row]:
    """Lines of words (top, bottom, words), taken top to bottom, joined into the rows they
    form on paper: a line overlapping one of the last ``look_back`` rows by half the
    smaller height joins it. A word boxed more than TALL_WORD times its line's typical
    height (a copier's streak run through 'Kepala') does not count in the overlap, so it
    does not join the lines above and below it."""
    rows: list[Row] = []
    spans: list[list[float]] = []   # each row's extent without such words: [top, bottom]
    for top, bottom, ws in boxes:
        typical = statistics.median(w["height"] for w in ws)
        kept = [w for w in ws if w["height"] <= TALL_WORD * typical]
        span_top = min(w["top"] for w in kept)
        span_bottom = max(w["top"] + w["height"] for w in kept)
        for row, span in list(zip(rows, spans, strict=True))[-look_back:]:
            overlap = min(span_bottom, span[1]) - max(span_top, span[0])
            if overlap >= 0.5 * min(span_bottom - span_top, span[1] - span[0]):
                row.words.extend(ws)
                row.top, row.bottom = min(top, row.top), max(bottom, row.bottom)
                span[:] = min(span_top, span[0]), max(span_bottom, span[1])
                break
        else:
            rows.append(Row(list(ws), top, bottom))
            spans.append([span_top, span_bottom])
    for row in rows:
        row.words.sort(key=lambda w: w["left"])
    return rows


def after(row: Row, start_char: int) -> list[dict]:
    """The words of ``row`` from character ``start_char`` of its text on; a word that
    character falls in keeps its part from there ('.NORHADI' after 'Didik ', a mark read
    onto the name, is 'NORHADI')."""
    out, pos = [], 0
    for w in row.words:
        if pos >= start_char:
            out.append(w)
        elif pos + len(w["text"]) > start_char:
            out.append(dict(w, text=w["text"][start_char - pos:]))
        pos += len(w["text"]) + 1
    return out


def split_leaders(words: list[dict]) -> list[dict]:
    """``words`` with a word that a dotted leader runs through ('MUHAMMAD..ARDIANSYAH': a
    name typed over a dotted line, the dots between its words read as the word's) cut
    into the words on either side, each with its share of the box."""
    out = []
    for w in words:
        parts = LEADER_INSIDE.split(w["text"])
        if len(parts) == 1:
            out.append(w)
            continue
        pitch, at = w["width"] / max(1, len(w["text"])), 0
        for part in parts:
            start = w["text"].index(part, at)
            at = start + len(part)
            if part:
                out.append(dict(w, text=part, left=w["left"] + start * pitch,
                                width=len(part) * pitch))
    return out


def candidate(words: list[dict]) -> tuple[str, float, float] | None:
    """(NAME, mean and least word confidence) when ``words`` look like a holder's name
    (a dotted leader between two of its words cut them apart: see split_leaders; an
    academic degree after it left out: see ocr.names.DEGREE)."""
    line = " ".join(w["text"] for w in words)
    words = words[:len(line[:name_end(line)].split())]
    kept = []
    for w in split_leaders(words):
        raw = re.sub(r"[^A-Za-z.'-]", "", w["text"])
        token = raw.strip(".-'")
        if len(token) == 1 and "." in raw:
            token += "."   # an initial: 'M. RIZKY'
        if not token:
            if kept and re.search(r"[A-Za-z0-9]", w["text"]):
                break  # digits after the name: something else begins
            continue
        kept.append((token, w["conf"], w))
    kept = _join_pieces(kept)
    while len(kept) >= 2 and len(kept[-1][0]) <= 2 and \
            kept[-1][2]["left"] - (kept[-2][2]["left"] + kept[-2][2]["width"]) > \
            FAR_END * kept[-2][2]["height"]:
        kept.pop()   # letters far off the name's end: a bilingual row's label in another
        #              script at its far end, read as Latin letters ('LI')
    while len(kept) >= 2 and kept[0][1] < OTHER_SCRIPT_CONF and kept[0][0][0].islower() \
            and all(t.isupper() for t, _, _ in kept[1:]):
        kept.pop(0)   # a bilingual row's label in another script, under its Latin label and
        #              before the name, read as a small Latin word ('etos”' for Arabic)
    while kept and len(kept[0][0]) == 1:    # a stray mark before the name, read as a letter
        (letter, _, mark), rest = kept[0], kept[1:]
        if rest and rest[0][2]["left"] - (mark["left"] + mark["width"]) \
                <= _glue_gap(rest[0][0], rest[0][2]):
            kept[:2] = [(letter + rest[0][0], min(kept[0][1], rest[0][1]), rest[0][2])]
            break   # unless it stands against the word: its first letter, read apart
        kept.pop(0)
    if len(kept) >= 2 and len(kept[-1][0]) == 1 and kept[-2][0][-1:] != ".":
        (token, conf, word), (letter, c, mark) = kept[-2], kept[-1]
        gap = mark["left"] - (word["left"] + word["width"])
        if GLUED * word["height"] < _glue_gap(token, word) and gap <= _glue_gap(token, word):
            kept[-2:] = [(token + letter, min(conf, c), word)]   # the last letter of a name
            #                                                      set in spaced capitals
    trailing = []
    while kept and len(kept[-1][0]) <= 2:   # or after it (an initial stands first)
        trailing.append(kept.pop())
    if len(trailing) > 1 or any(len(t.rstrip(".")) == 2 and c >= 70 for t, c, _ in trailing):
        return None   # not a stray mark: the end of the name read in pieces
    if not kept or len(kept) > 6:
        return None
    tokens = [t for t, _, _ in kept]
    chars = "".join(tokens).replace(".", "")
    if len(chars) < 3 or any(t.upper() in NOT_NAME for t in tokens):
        return None
    capitals = sum(c.isupper() for c in chars) / len(chars)
    if capitals < 0.8 and not all(t[0].isupper() for t in tokens):
        return None
    confs = [c for _, c, _ in kept]
    return " ".join(t.upper() for t in tokens), statistics.mean(confs), min(confs)


def _join_pieces(kept: list[tuple]) -> list[tuple]:
    """A short piece (three letters at most, no initial) and the word it stands against
    joined: Tesseract cuts a word of a script face where two letters barely touch
    ('SANG KAI'), leaving less room than any space between words."""
    out = kept[:1]
    for token, conf, word in kept[1:]:
        prev, pconf, pword = out[-1]
        gap = word["left"] - (pword["left"] + pword["width"])
        short = min(len(prev), len(token)) <= 3 and not prev.endswith(".") and len(prev) > 1 \
            and len(token) > 1
        if short and gap < PIECE_GAP * max(word["height"], pword["height"]):
            out[-1] = (prev + token, min(pconf, conf),
                       dict(pword, width=word["left"] + word["width"] - pword["left"]))
        else:
            out.append((token, conf, word))
    return out


def _glue_gap(token: str, word: dict) -> float:
    """How far a lone letter may stand from ``word`` (read as ``token``) and still be one of
    its letters: a little for ordinary print; in capitals set wide apart ('S U M A R N I'),
    the space between the word's own letters."""
    height = word["height"]
    pitch = word["width"] / max(1, len(token))
    return max(GLUED * height, pitch - SPACED_GLYPH * height)


def sure(found: tuple[str, float, float] | None) -> bool:
    return found is not None and found[1] >= NAME_MEAN_CONF and found[2] >= NAME_MIN_CONF


# Another field on the name's row ('YUSUF AKBAR   NISN : 1503506512'): a student number's
# label or a number (three digits or more: a digit misread inside a name's word is no
# field). Not any word before a colon: a label's misread tail stands before one ('Swa :').
NEXT_FIELD = re.compile(r"^(?:NISN|NIS|NIM|NPM|NIRM|NIK|NO|NOMOR)\b\.?:?$|\d{3}", re.I)


def value_words(words: list[dict]) -> list[dict]:
    """Drop the colon (and stray marks) between a label and its value, and whatever stands
    after the value on its row from the next field's label on (:data:`NEXT_FIELD`)."""
    i = 0
    while i < len(words) and not re.search(r"[A-Za-z0-9]", words[i]["text"]):
        i += 1
    if i == len(words):
        return []
    value = [dict(words[i], text=words[i]["text"].lstrip(":;.,"))] + words[i + 1:]
    for k in range(1, len(value)):
        if NEXT_FIELD.search(value[k]["text"]):
            return value[:k]
    return value


class Pixels:
    """Where lines are read again: the page as it was read (``small``, the words' pixels)
    and, when known, the same page upright at its scanned resolution (``fine``), on which
    a second look sees more."""

    def __init__(self, small: np.ndarray | None, fine=None,
                 levels: tuple[float, float] | None = None) -> None:
        self.small, self._fine, self.levels = small, fine, levels
        # every line a name was read on (page as read): when none settled it, one may
        # still spell a roster name (ocr.roster_match)
        self.name_lines: list[tuple[float, float, float, float]] = []

    @functools.cached_property
    def fine(self) -> np.ndarray | None:
        """The upright page's pixels (grey or RGB: only the lines cut out are made grey)."""
        if self._fine is None or self.small is None:
            return None
        fine = self._fine
        if isinstance(fine, Image.Image):
            fine = imaging.pixels(fine) if fine.mode in ("L", "RGB") else imaging.to_gray(fine)
        fine = np.asarray(fine)
        h, w = self.small.shape[:2]
        if abs(fine.shape[1] / w - fine.shape[0] / h) > 0.02 * fine.shape[1] / w:
            return None   # not the same page (turned otherwise): use the small copy
        return fine

    @property
    def resolution(self) -> float:
        """Pixels of the scan per pixel of the page as read (1 when the scan is not known)."""
        return 1.0 if self.fine is None else self.fine.shape[1] / self.small.shape[1]

    def crop(self, box: tuple[float, float, float, float], *, scale: float,
             lifted: bool = True) -> np.ndarray | None:
        """``box`` (in ``small``'s pixels) cut out at ``scale`` times ``small``'s size;
        with ``lifted`` False, as scanned (its background not lifted; None when only the
        page as read, lifted, is known)."""
        if self.small is None or not lifted and (self.fine is None or self.levels is None):
            return None
        source, factor = self.small, 1.0
        if self.fine is not None:
            source, factor = self.fine, self.fine.shape[1] / self.small.shape[1]
        h, w = source.shape[:2]
        x0, y0 = int(max(0, box[0] * factor)), int(max(0, box[1] * factor))
        x1, y1 = int(min(w, box[2] * factor)), int(min(h, box[3] * factor))
        if x1 - x0 < 20 or y1 - y0 < 8:
            return None
        crop = imaging.to_gray(source[y0:y1, x0:x1])
        if lifted and self.fine is not None and self.levels is not None:
            crop = lift_background(crop, self.levels)   # as the small copy was read
        if abs(scale / factor - 1.0) > 0.05:
            crop = cv2.resize(crop, None, fx=scale / factor, fy=scale / factor,
                              interpolation=cv2.INTER_CUBIC if scale > factor else cv2.INTER_AREA)
        return np.ascontiguousarray(crop)


def clear_lead(crop: np.ndarray) -> np.ndarray:
    """``crop`` (a line, dark print on white) with the small marks before its first letter
    made paper: the colon after a label, a quote or a speck, which Tesseract otherwise
    reads onto a name set in spaced capitals ('.NORHADI', '-Z AINAL')."""
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 3:
        return crop
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    tall = heights >= LEAD_TALL * np.percentile(heights, 90)
    first = stats[1:, cv2.CC_STAT_LEFT][tall].min()
    typical = np.median(heights[tall])
    out = crop
    for x, y, w, h, _ in stats[1:]:
        if x + w <= first and h < LEAD_MARK * typical:
            out = out if out is not crop else crop.copy()
            out[y:y + h, x:x + w] = 255
    return out


def clear_enclosing(crop: np.ndarray) -> np.ndarray:
    """``crop`` (dark print on white) with the outline of a shape drawn around its print made
    paper: a ribbon or banner behind a name (its tails and folds too), a box or cartouche.
    Tesseract reads such an outline as letters beside and through the name ('Ta', '|', 'Z');
    no letter goes around three others. A thin outline broken by a copy is bridged first:
    its pieces are found as one shape, but only pieces no letter could be are cleared
    (on the shape's edge, taller than the letters, or a thin stroke)."""
    level, _ = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    paper = float(np.percentile(crop, 90))
    ink = (crop < level + OUTLINE_SHADE * (paper - level)).astype(np.uint8)   # a pale
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)  # outline
    if count < ENCLOSED + 2:                                                       # counts
        return crop
    x, y, w, h = (stats[1:, k] for k in (cv2.CC_STAT_LEFT, cv2.CC_STAT_TOP,
                                         cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT))
    sizeable = h[h >= LEAD_TALL * np.percentile(h, 90)]
    reach = max(3, int(BRIDGE * np.median(sizeable)) | 1)
    bridged = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (reach, reach)))
    b_count, b_labels, b_stats, _ = cv2.connectedComponentsWithStats(bridged, connectivity=8)
    # each mark lies wholly in one bridged shape: the shape of one of its pixels
    first = np.zeros(count, np.int64)
    flat = labels.ravel()
    order = np.argsort(flat, kind="stable")
    starts = np.searchsorted(flat[order], np.arange(1, count))
    first[1:] = b_labels.ravel()[order[starts]]
    shape_of = first[1:]
    bx, by, bw, bh = (b_stats[1:, k] for k in (cv2.CC_STAT_LEFT, cv2.CC_STAT_TOP,
                                               cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT))
    out = crop
    for i in np.argsort(-bw * bh)[:4]:   # the largest shapes only
        x0, y0, x1, y1 = bx[i], by[i], bx[i] + bw[i], by[i] + bh[i]
        member = shape_of == i + 1
        edge = (x <= x0 + reach) | (y <= y0 + reach) | (x + w >= x1 - reach) | \
            (y + h >= y1 - reach)
        inside = (x >= x0) & (y >= y0) & (x + w <= x1) & (y + h <= y1) & ~edge
        if inside.sum() < ENCLOSED:
            continue
        typical = np.median(h[inside])
        if bh[i] < ENCLOSING_HEIGHT * typical or h[inside].max() < 0.3 * bh[i]:
            continue   # a letter with small marks in its bowl, or a frame about specks
        shape = b_labels[y0:y1, x0:x1] == i + 1
        held = inside & (h >= 0.5 * typical)   # its letters, not specks
        ix0, ix1 = x[held].min() - x0, (x + w)[held].max() - x0
        iy0, iy1 = y[held].min() - y0, (y + h)[held].max() - y0
        if min(shape[:iy0, ix0:ix1].any(axis=0).mean() if iy0 > 0 else 0.0,
               shape[iy1:, ix0:ix1].any(axis=0).mean() if iy1 < shape.shape[0] else 0.0
               ) < ENCLOSING_SIDE:
            continue   # not above and below the marks it holds: a word of a script face
        stroke = (h < THIN * typical) & (w > 2 * THIN * typical)
        gone = member & (edge | (h >= ENCLOSING_HEIGHT * typical) | stroke)
        if not gone.any():
            continue
        out = out if out is not crop else crop.copy()
        out[np.isin(labels, np.flatnonzero(gone) + 1)] = 255
    return out


def first_glyph_is_t(crop: np.ndarray, band: tuple[float, float]) -> bool:
    """Whether the first letter on the line ``band`` (top, bottom, in ``crop``'s pixels) of
    ``crop`` (dark print on white) is clearly a T: its top wider than its stem and its foot
    by a good share of its height. An I is as wide at the foot as at the top (serifs) or
    no wider anywhere; a face whose T and I cannot be told apart says no."""
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 2:
        return False
    x, y, w, h = (stats[1:, k] for k in (cv2.CC_STAT_LEFT, cv2.CC_STAT_TOP,
                                         cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT))
    on_line = np.minimum(y + h, band[1]) - np.maximum(y, band[0]) >= 0.5 * h
    tall = on_line & (h >= LEAD_TALL * max(1, np.percentile(h[on_line], 90)
                                           if on_line.any() else 1))
    if not tall.any():
        return False
    i = int(np.flatnonzero(tall)[np.argmin(x[tall])])
    glyph = labels[y[i]:y[i] + h[i], x[i]:x[i] + w[i]] == i + 1
    widths = glyph.sum(axis=1)
    height = h[i]
    if height < 12:
        return False
    top = widths[:height // 6].max()
    bottom = widths[-(height // 6):].max()
    stem = np.median(widths[height // 3: 2 * height // 3])
    return bool(top - stem >= T_BAR * height and top - bottom >= T_BAR * height)


def ink_end(small: np.ndarray | None, band: tuple[float, float], right: float,
            height: float) -> float:
    """Where the print that runs on from ``right`` along the line ``band`` (top, bottom)
    ends: past gaps narrower than a word space, at most ``INK_RUN`` letter heights on."""
    if small is None:
        return right
    y0, y1 = max(0, int(band[0])), min(small.shape[0], int(band[1]) + 1)
    x0 = max(0, int(right))
    x1 = min(small.shape[1], int(right + INK_RUN * height))
    if y1 - y0 < 2 or x1 - x0 < 2:
        return right
    columns = np.flatnonzero((small[y0:y1, x0:x1] < 128).any(axis=0))
    end, gap = 0, INK_GAP * height
    for c in columns:
        if c - end > gap:
            break
        end = c
    return float(x0 + end)


def word_letters(word: dict) -> str:
    """The letters of a word as read (digits and marks left out)."""
    return re.sub(r"[^A-Za-z]", "", word["text"])


def pieces(words: list[dict]) -> list[tuple[str, float, float]]:
    """(letters, left, right) of the ``words`` of a line that hold letters, left to right."""
    out = []
    for w in sorted(words, key=lambda w: w["left"]):
        text = word_letters(w).upper()
        if text:
            out.append((text, w["left"], w["left"] + w["width"]))
    return out


def letter_space(small: np.ndarray | None, words: list[dict], band: tuple[float, float]
                 ) -> float:
    """The room letters keep inside the ``words`` of a line (page pixels): the middle of
    the rooms between neighbouring letters of its words of three letters or more (a word
    box that took in a space does not widen it; letters of a script face that overlap
    across the line keep none), measured in the print of the page as read across the line
    ``band`` (top, bottom), pale print (a worn ribbon) told from paper by the line's own
    contrast."""
    words = [w for w in words if len(word_letters(w)) >= 3]
    if small is None or not words:
        return 0.0
    y0, y1 = max(0, int(band[0])), min(small.shape[0], int(band[1]) + 1)
    x0 = max(0, int(min(w["left"] for w in words)))
    x1 = min(small.shape[1], int(max(w["left"] + w["width"] for w in words)) + 1)
    if y1 - y0 < 2 or x1 - x0 < 2:
        return 0.0
    _, ink = cv2.threshold(np.ascontiguousarray(small[y0:y1, x0:x1]), 0, 1,
                           cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    rooms = []
    for w in words:
        left = int(w["left"]) - x0
        columns = np.flatnonzero(ink[:, max(0, left):left + int(w["width"]) + 1].any(axis=0))
        steps = np.diff(columns) - 1
        rooms.extend(int(r) for r in steps[steps > 0])
    return float(np.median(rooms)) if rooms else 0.0


def struck_in_dots(crop: np.ndarray | None, band: tuple[float, float]) -> bool:
    """Whether the line ``band`` (top, bottom in ``crop``'s pixels) of ``crop`` (a line
    cut out at about 300 dpi, the resolution :mod:`ocr.ktp.dots` judges at) was struck by
    a dot-matrix head: Tesseract reads such letters as others, however surely ('BAINAL'
    for 'ZAINAL' at 91), until their dots are run together."""
    if crop is None:
        return False
    rows = crop[max(0, int(band[0])):int(np.ceil(band[1])) + 1]
    if rows.shape[0] < 4 or rows.shape[1] < 4:
        return False
    _, binary = cv2.threshold(np.ascontiguousarray(rows), 0, 255,
                              cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return dots.dotted(binary)


def line_crop(pixels: Pixels | None, box: tuple[float, float, float, float], *,
              scale: float = 1.0, lead: bool = False,
              even: tuple[float, float] | None = None,
              joined: bool = False) -> np.ndarray | None:
    """``box`` of the page cut out at ``scale`` as a line is read again: the dotted line a
    value is typed on (see ocr.dotted) and an outline drawn around its print cleared (see
    clear_enclosing) and, with ``lead``, the marks before its first letter (see
    clear_lead); with ``even`` (the line's top and bottom on the page), its capitals
    brought to the height of the small capitals beside them (see ocr.small_caps); with
    ``joined``, the dots of a dot-matrix print run together into strokes
    (:func:`ocr.ktp.dots.join_grey`); None when the box holds no pixels."""
    crop = pixels.crop(box, scale=scale) if pixels is not None else None
    if crop is None:
        return None
    px_per_mm = READ_DPI * scale / 25.4
    crop = clear_enclosing(clear_dotted(crop, px_per_mm))
    crop = clear_lead(crop) if lead else crop
    if joined:
        crop = dots.join_grey(crop, px_per_mm)
    return crop if even is None else even_capitals(crop, in_crop(even, box, scale))


def in_crop(band: tuple[float, float], box: tuple[float, float, float, float],
            scale: float) -> tuple[float, float]:
    """The line ``band`` (top, bottom on the page as read) in the pixels of ``box`` cut out
    at ``scale``."""
    return (band[0] - max(0.0, box[1])) * scale, (band[1] - max(0.0, box[1])) * scale


def reread(pixels: Pixels | None, box: tuple[float, float, float, float], *,
            scale: float = 1.0, lead: bool = False,
            even: tuple[float, float] | None = None, joined: bool = False) -> list[dict]:
    """Words of one line read again inside ``box`` (x0, y0, x1, y1 of the page as read):
    a large name alone in its row is sometimes taken for a picture by the page layout.
    ``lead``: the marks before the line's first letter are cleared first (see clear_lead);
    ``even``: small capitals read as capitals; ``joined``: a dot-matrix print's dots run
    together (see line_crop)."""
    crop = line_crop(pixels, box, scale=scale, lead=lead, even=even, joined=joined)
    if crop is None:
        return []
    # Sparse text: a label and its value far apart, or a copier's streak beside them,
    # defeat the line and block layouts. Boxes are given back in the page's pixels.
    words = tesseract.ocr_data(crop, psm=11, invert=False)
    for w in words:
        w.update(left=box[0] + w["left"] / scale, top=box[1] + w["top"] / scale,
                 width=w["width"] / scale, height=w["height"] / scale)
    return sorted(words, key=lambda w: w["left"])
