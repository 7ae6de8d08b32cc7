"""The field block of a KTP-el front read by its labels, wherever the printer put them.

The cleaned card left of the photo is read once for its words and their boxes. Each
text line is matched to a label of the KTP-el (SPEC §8) by fuzzy comparison of its
first words, so OCR confusions (``Tempat/Tgi Lahir``, ``Kelamln``) still match; the
value is what follows the colon on the same line. The colon column is measured on
the card (the median x of the colons read), not assumed.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from ocr import tesseract
from ocr.ktp.cards import mm

# Key -> label as printed, in the card's order.
LABELS = {
    "provinsi": "PROVINSI",
    "kabupaten": "KABUPATEN",
    "nik": "NIK",
    "nama": "Nama",
    "tempat_tgl_lahir": "Tempat/Tgl Lahir",
    "jenis_kelamin": "Jenis Kelamin",
    "alamat": "Alamat",
    "rt_rw": "RT/RW",
    "kel_desa": "Kel/Desa",
    "kecamatan": "Kecamatan",
    "agama": "Agama",
    "status_perkawinan": "Status Perkawinan",
    "pekerjaan": "Pekerjaan",
    "kewarganegaraan": "Kewarganegaraan",
    "berlaku_hingga": "Berlaku Hingga",
}
HEADER_KEYS = ("provinsi", "kabupaten")
MIN_LABEL_SCORE = 72
COLON_MARKS = ":;|!"
MAX_WORD_GAP_MM = 4.0
NIK_DIGITS_SEEN = 12         # digits in one word: the NIK line, its label unread
COLON_CLEAR_MM = 0.6         # right of the colon column's centre, clear of the colon
SPECK_CONF = 60               # a word of two letters or fewer read less sure than this
VALUE_STRIP = " :;|!-—=\"'“”#.,_"


@dataclass
class Line:
    """One text line: its words (dicts from :func:`ocr.tesseract.ocr_data`), left to right."""

    words: list[dict]

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (min(w["left"] for w in self.words), min(w["top"] for w in self.words),
                max(w["left"] + w["width"] for w in self.words),
                max(w["top"] + w["height"] for w in self.words))

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class Field:
    """A labelled value: its text, the box of its words, their mean confidence (0-1) and
    the box of its trailing words that hold digits (a birth date's own)."""

    text: str
    box: tuple[int, int, int, int]
    confidence: float
    digits_box: tuple[int, int, int, int] | None = None


def norm(text: str) -> str:
    """``text`` in capitals, letters and digits only (what label matching compares)."""
    return re.sub(r"[^0-9A-Z]", "", text.upper())


_WANTED = {key: norm(label) for key, label in LABELS.items()}


def lines_of(words: list[dict]) -> list[Line]:
    """Words grouped into lines by the overlap of their vertical extents."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: w["top"] + w["height"] / 2):
        cy = w["top"] + w["height"] / 2
        if lines:
            last = lines[-1]
            top = statistics.median(x["top"] for x in last)
            bottom = statistics.median(x["top"] + x["height"] for x in last)
            if top - mm(0.3) <= cy <= bottom + mm(0.3):
                last.append(w)
                continue
        lines.append([w])
    return [Line(sorted(line, key=lambda w: w["left"])) for line in lines]


def _label_score(text: str, key: str) -> float:
    """How much ``text`` (normalised by :func:`norm`) reads as the label ``key`` (0-100)."""
    want = _WANTED[key]
    if not text:
        return 0.0
    if key in HEADER_KEYS:
        return fuzz.ratio(text[:len(want)], want)
    return fuzz.ratio(text, want)


def match_label(line: Line, colon_x: float | None = None) -> tuple[str | None, int, float]:
    """(label key, number of leading words that form the label, score) of a line. A word
    right of the colon column (``colon_x``, where measured) is a value's, never part of a
    label ('Na AHMAD' is no "Nama")."""
    best: tuple[str | None, int, float] = (None, 0, 0.0)
    heads = len(line.words) if colon_x is None else sum(
        1 for w in line.words if w["left"] < colon_x + mm(COLON_CLEAR_MM))
    for n in range(1, min(4, heads) + 1):
        # a colon glued to the label ("Agama:") is not part of it
        text = norm(" ".join(w["text"].rstrip(COLON_MARKS) for w in line.words[:n]))
        for key in LABELS:
            score = _label_score(text, key)
            if score > best[2]:
                best = (key, n, score)
    return best if best[2] >= MIN_LABEL_SCORE else (None, 0, best[2])


def _colon_x(lines: list[Line]) -> float | None:
    """The x of the field block's colon column, measured on the colons read."""
    xs = []
    for line in lines:
        for w in line.words[1:4]:
            if w["text"][:1] in COLON_MARKS and len(w["text"]) <= 2:
                xs.append(w["left"] + w["width"] / 2)
                break
            if w["text"][:1] in ":;" and len(w["text"]) > 2:
                xs.append(w["left"])
                break
    return float(statistics.median(xs)) if len(xs) >= 3 else None


def _value_words(line: Line, n_label: int, colon_x: float | None) -> list[dict]:
    rest = line.words[n_label:]
    if colon_x is not None:
        rest = [w for w in rest if w["left"] + w["width"] > colon_x + mm(0.5)]
    if rest and len(rest[0]["text"]) == 1 and rest[0]["text"] in COLON_MARKS + "1Iil" and (
            colon_x is None or rest[0]["left"] < colon_x + mm(1.0)):
        rest = rest[1:]          # the colon, read as a letter or a one
    while rest and not re.search(r"[A-Za-z0-9]", rest[0]["text"]):
        rest = rest[1:]          # the colon read as a mark ("Nama . BUDI"): no value's start
    while len(rest) > 1 and _speck(rest[0]) and \
            rest[1]["left"] - (rest[0]["left"] + rest[0]["width"]) > mm(MAX_WORD_GAP_MM):
        rest = rest[1:]          # a speck of the background before the value, far from it
    out: list[dict] = []
    for w in rest:
        if out and w["left"] - (out[-1]["left"] + out[-1]["width"]) > mm(MAX_WORD_GAP_MM):
            break                # what follows a wide gap is not part of the value
        text = w["text"].lstrip(COLON_MARKS) if not out else w["text"]
        if text:
            out.append(dict(w, text=text))
    while out and _speck(out[-1]) and len(out) > 1:
        out.pop()                # a speck of the background read at the end
    return out


def _speck(word: dict) -> bool:
    """Whether ``word`` may be a speck of the background read as a letter or two."""
    return len(word["text"]) <= 2 and word["conf"] < SPECK_CONF


def read_fields(binary: np.ndarray) -> tuple[dict[str, Field], list[Line], float]:
    """Labelled values of a cleaned card (the part left of the photo), the lines read and
    the mean word confidence (0-1)."""
    words = tesseract.ocr_data(binary, psm=6, lang="ind", invert=False)   # black on white
    lines = lines_of(words)
    colon_x = _colon_x(lines)
    fields: dict[str, Field] = {}
    for line in lines:
        key, n, _score = match_label(line, colon_x)
        if key is None or key in fields:
            continue
        if key in HEADER_KEYS:
            value = line.words[n:]
        else:
            value = _value_words(line, n, colon_x)
        if key == "jenis_kelamin":   # "LAKI-LAKI Gol. Darah : O"
            cut = next((i for i, w in enumerate(value)
                        if i and fuzz.ratio(norm(w["text"])[:3], "GOL") >= 66), len(value))
            value = value[:cut]
        text = " ".join(w["text"] for w in value).strip(VALUE_STRIP)
        if not text:
            continue
        box = Line(value).box
        if colon_x is not None and box[0] < colon_x + mm(COLON_CLEAR_MM):
            # a colon read as part of the value ("LARIF"): its box starts after the colon
            box = (int(colon_x + mm(COLON_CLEAR_MM)), *box[1:])
        conf = float(np.mean([w["conf"] for w in value])) / 100
        tail = []
        for w in reversed(value[-3:]):
            if not re.search(r"\d", w["text"]):
                break
            tail.insert(0, w)
        fields[key] = Field(text, box, conf, Line(tail).box if tail else None)
    mean = float(np.mean([w["conf"] for w in words])) / 100 if words else 0.0
    return fields, lines, mean


def nik_line(lines: list[Line]) -> Line | None:
    """The line that starts with the NIK label (not one another label starts: "WNI"
    after "Kewarganegaraan" is no NIK)."""
    candidates = [line for line in lines if match_label(line)[0] in (None, "nik")]

    def starts(line: Line, alike) -> bool:
        return any(alike(norm(word["text"])[:3]) for word in line.words[:2])

    # the label as read, or as its usual misreadings, before the line of the number
    # itself (its label under a fingertip or a stain), before a word merely like the
    # label ('Iko', the card's corner read above the title; 'Nispka', a fingertip's edge)
    return next((line for line in candidates
                 if starts(line, lambda first: first in ("NIK", "N1K", "NLK", "HIK"))), None) \
        or next((line for line in lines if match_label(line)[0] == "nik"), None) \
        or next((line for line in candidates
                 if any(len(re.sub(r"\D", "", w["text"])) >= NIK_DIGITS_SEEN
                        for w in line.words)), None) \
        or next((line for line in candidates
                 if starts(line, lambda first: fuzz.ratio(first, "NIK") >= 66)), None)


def front_words(lines: list[Line]) -> int:
    """How many distinct KTP-el labels were read (a front shows a dozen)."""
    return len({match_label(line)[0] for line in lines} - {None})
