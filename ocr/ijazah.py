"""Reading an ijazah (school or university diploma) by its words, whatever its design.

The page is read once with Tesseract (``ind``) at about 150 dpi, keeping each word's box
and confidence. Words are put back into the rows they stand in on paper (a label and its
value in separate columns are one row). Then:

- the name is the row after a cue ("Nama :", "Nama Peserta Didik", "diberikan kepada",
  "menerangkan bahwa"), on the cue's row or the next one, kept only when it looks like a
  name and was read with confidence;
- the level comes from the programme the title prints ("SEKOLAH MENENGAH KEJURUAN",
  "PROGRAM PAKET C", "DIPLOMA III"), found through the levels and aliases of rules.yaml;
- the year from "TAHUN PELAJARAN 2002/2003", "lulus ... 2003" or the date it was signed;
- the school and the diploma number where printed.

A value that is not read with confidence is left out (None): a person looks at it.
"""
from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

from formgen.domain import education
from ocr import imaging, tesseract
from ocr.features import color_stats, to_rgb
from ocr.findings import Finding
from ocr.ijazah_text import PageText, keyword_count, lift_background, page_text

# A name is taken only when its words were read at least this surely (Tesseract 0-100).
NAME_MEAN_CONF = 80.0
NAME_MIN_CONF = 60.0
AGREED_CONF = 50.0     # two readings spelling the name alike: each at least this sure
LINE_MIN_CONF = 50.0   # a line read less surely than this (median word) is no text
GLUED = 0.35           # a letter this close to a word (share of its height) is part of it
TRANSLATION_GAP = 4.0  # a row this many cue heights below, past a line that is no name
PIECE_GAP = 0.15       # a short piece this close to a word (share of its height) is part of it
SPACED_GLYPH = 0.5     # a capital's least width (share of its height), for spaced letters
LEAD_TALL = 0.6        # a letter: at least this share of the line's tall marks' height
LEAD_MARK = 0.55       # a mark before the first letter lower than this share of it: no letter
NAME_MARGIN = 3.0      # a name's line read again this many letter heights beyond its words
REREAD_SCALES = (2.0, 3.0)   # a name's line read again, enlarged, as a share of the page as read
LABEL = re.compile(r"^\W{0,3}(?:nama|narna|nam a)\b(?P<qual>(?:\s+(?:lengkap|peserta\s+didik|"
                   r"siswa|mahasiswa|pemilik|pemegang(?:\s+ijazah)?))*)\s*[:;.,]?\s*"
                   r"(?P<rest>.*)$", re.I)
OTHER_NAME = re.compile(r"^\W{0,3}nama\s+(?:sekolah|orang|ayah|ibu|wali|kepala|satuan|program|"
                        r"perguruan|madrasah|lembaga|ortu)", re.I)
CUE = re.compile(r"\b(?:(?:diberikan\s+)?kepada|(?:menerangkan|menyatakan)\s+bahwa|"
                 r"diberikan(?=\s*[:;]?\s*$)|"      # its 'kepada:' alone below, unread
                 r"\w?tas\s+nama|"                   # 'atas nama', its a misread as u
                 r"confers\s+upon|(?:is\s+)?awarded\s+to|certif(?:y|ies)\s+that)\b\s*[:;]?",
                 re.I)   # a bilingual diploma's English under its Indonesian
NOT_NAME = {"TEMPAT", "LAHIR", "TANGGAL", "NOMOR", "INDUK", "SEKOLAH", "LULUS", "TELAH", "DENGAN",
            "YANG", "PROGRAM", "IJAZAH", "BAHWA", "KEPADA", "UNIVERSITAS", "NEGERI", "TAHUN",
            "DIBERIKAN", "SISWA", "MAHASISWA", "PESERTA", "DIDIK", "NAMA", "SATUAN", "PENDIDIKAN",
            "STUDI", "ORANG", "TUA", "WALI", "DINYATAKAN", "BERTANDA", "TANGAN", "INI", "DAN",
            "GELAR", "MENYELESAIKAN", "PADA", "DARI", "KOMPETENSI", "KEAHLIAN", "NIS", "NISN",
            "NIM", "REPUBLIK", "INDONESIA", "KEMENTERIAN", "KEPALA", "MADRASAH", "AHLI",
            "MADYA", "MUDA", "PRATAMA", "SARJANA", "MAGISTER", "DOKTOR", "TERAPAN", "TEKNIK",
            "KEPADANYA", "BERIKUT", "MENERANGKAN", "MENYATAKAN", "SEBAGAI", "LENGKAP",
            "PEMILIK", "PEMEGANG", "ATAS"}
SCHOOL = re.compile(r"\b(?:(?:SD|SMP|SMA|SMK|MI|MTs|MA|SDN|SMPN|SMAN|SMKN|MIN|MTsN|MAN)\s+"
                    r"(?:NEGERI|SWASTA|N|ISLAM|KATOLIK|KRISTEN|MUHAMMADIYAH|IT)\b"
                    r"|(?:UNIVERSITAS|POLITEKNIK|INSTITUT|AKADEMI|SEKOLAH\s+TINGGI|PKBM)\s)"
                    r"[A-Za-z0-9 .'-]{2,60}", re.I)
SCHOOL_LABEL = re.compile(r"(?:satuan\s+pendidikan|nama\s+sekolah|asal\s+sekolah|"
                          r"nama\s+madrasah|perguruan\s+tinggi)\s*[:;.]?\s*(?P<rest>.+)$", re.I)
NUMBER = re.compile(r"(?:No(?:mor)?\.?\s*(?:Seri\s*)?(?:Ijazah)?\s*[:;.]\s*(?P<a>[A-Za-z0-9./ -]"
                    r"{5,40}))|(?P<b>\bDN\s*-\s*\d{2}\s*[A-Za-z]{1,2}\s*\d{5,8}\b)", re.I)
MONTHS = ("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
          "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER")


@dataclass
class Row:
    """Words standing side by side on the page, left to right."""

    words: list
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class IjazahReading:
    jenjang: str | None = None
    nama: str | None = None
    tahun: int | None = None
    sekolah: str | None = None
    nomor: str | None = None
    color: bool | None = None
    confidence: float = 0.0
    keywords: int = 0
    text: str = ""
    confidences: dict = field(default_factory=dict)

    def findings(self) -> list[Finding]:
        """Findings of kind ``ijazah`` (compared with the roster later, in ingest)."""
        def one(name: str, value) -> Finding:
            conf = round(self.confidences.get(name, self.confidence if value else 0.0), 3)
            return Finding("ijazah", name, value, conf, note=None if value else "unreadable")

        return [one("jenjang", self.jenjang), one("nama", self.nama),
                one("tahun", self.tahun), one("sekolah", self.sekolah),
                one("nomor", self.nomor), Finding("ijazah", "color", self.color, 0.9)]


def rows_of(words: list[dict]) -> list[Row]:
    """Tesseract's lines joined into the rows they form on paper, top to bottom."""
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault((w["block"], w["par"], w["line"]), []).append(w)
    boxes = sorted(((min(w["top"] for w in ws), max(w["top"] + w["height"] for w in ws), ws)
                    for ws in lines.values()), key=lambda b: (b[0] + b[1]) / 2)
    typical = statistics.median([b - t for t, b, _ in boxes]) if boxes else 0
    rows: list[Row] = []
    for top, bottom, ws in boxes:
        if bottom - top > 3 * typical:
            continue  # not a line of text: a frame or a picture read as one
        if statistics.median(w["conf"] for w in ws) < LINE_MIN_CONF:
            continue  # an ornament read as letters ('KMI MI SM NI'), not print
        for row in rows[-3:]:
            overlap = min(bottom, row.bottom) - max(top, row.top)
            if overlap >= 0.5 * min(bottom - top, row.bottom - row.top):
                row.words.extend(ws)
                row.top, row.bottom = min(top, row.top), max(bottom, row.bottom)
                break
        else:
            rows.append(Row(list(ws), top, bottom))
    for row in rows:
        row.words.sort(key=lambda w: w["left"])
    return rows


def _after(row: Row, start_char: int) -> list[dict]:
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


def _candidate(words: list[dict]) -> tuple[str, float, float] | None:
    """(NAME, mean and least word confidence) when ``words`` look like a holder's name."""
    kept = []
    for w in words:
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
    letters = "".join(tokens).replace(".", "")
    if len(letters) < 3 or any(t.upper() in NOT_NAME for t in tokens):
        return None
    capitals = sum(c.isupper() for c in letters) / len(letters)
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


def _letters(name: str) -> str:
    return name.replace(" ", "")


def _letter_apart(name: str) -> bool:
    """Whether a lone letter stands in the name ('ENDAN G LESTARI'): never a whole name
    part, however often it is read so (an initial has its full stop)."""
    return any(len(t) == 1 for t in name.split())


def _maybe_split(name: str) -> bool:
    """Whether a piece of the name is short enough to be half a word that widely spaced
    capitals made Tesseract cut in two ('AB DUL', 'DAM BUNG'); an initial ('M.') is not."""
    return any(len(t) <= 3 and not t.endswith(".") for t in name.split())


def _sure(found: tuple[str, float, float] | None) -> bool:
    return found is not None and found[1] >= NAME_MEAN_CONF and found[2] >= NAME_MIN_CONF


def _value_words(words: list[dict]) -> list[dict]:
    """Drop the colon (and stray marks) between a label and its value."""
    i = 0
    while i < len(words) and not re.search(r"[A-Za-z0-9]", words[i]["text"]):
        i += 1
    if i < len(words):
        return [dict(words[i], text=words[i]["text"].lstrip(":;.,"))] + words[i + 1:]
    return []


class Pixels:
    """Where lines are read again: the page as it was read (``small``, the words' pixels)
    and, when known, the same page upright at its scanned resolution (``fine``), on which
    a second look sees more."""

    def __init__(self, small: np.ndarray | None, fine=None,
                 levels: tuple[float, float] | None = None) -> None:
        self.small, self._fine, self.levels = small, fine, levels

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

    def crop(self, box: tuple[float, float, float, float], *, scale: float) -> np.ndarray | None:
        """``box`` (in ``small``'s pixels) cut out at ``scale`` times ``small``'s size."""
        if self.small is None:
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
        if self.fine is not None and self.levels is not None:
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


def _reread(pixels: Pixels | None, box: tuple[float, float, float, float], *,
            scale: float = 1.0, lead: bool = False) -> list[dict]:
    """Words of one line read again inside ``box`` (x0, y0, x1, y1 of the page as read):
    a large name alone in its row is sometimes taken for a picture by the page layout.
    ``lead``: the marks before the line's first letter are cleared first (see clear_lead)."""
    crop = pixels.crop(box, scale=scale) if pixels is not None else None
    if crop is None:
        return []
    if lead:
        crop = clear_lead(crop)
    # Sparse text: a label and its value far apart, or a copier's streak beside them,
    # defeat the line and block layouts. Boxes are given back in the page's pixels.
    words = tesseract.ocr_data(crop, psm=11, invert=False)
    for w in words:
        w.update(left=box[0] + w["left"] / scale, top=box[1] + w["top"] / scale,
                 width=w["width"] / scale, height=w["height"] / scale)
    return sorted(words, key=lambda w: w["left"])


def _name_of(words: list[dict], pixels: Pixels | None, row: Row | None = None
             ) -> tuple[str, float] | None:
    """(NAME, confidence 0..1) in ``words``, checked on their line read again on its own,
    enlarged twice (and three times when the two disagree): the page's layout sometimes
    loses a letter of a large name, a script face or a faint print reads better enlarged.
    A name two readings spell alike is taken; a lone reading only when sure and no other
    sure reading contradicts it. Pieces ('AB DUL') stand only when two readings cut them alike."""
    words = _value_words(words)
    first = _candidate(words)
    if not words or pixels is None:
        return (first[0], round(first[1] / 100, 3)) \
            if _sure(first) and not _maybe_split(first[0]) else None
    height = max(w["height"] for w in words)
    # Word boxes of a large face may leave out a letter they read: a wide margin each side,
    # but not over the label or cue before the name on its row (small print beside large
    # defeats the reading of the line).
    start = min(w["left"] for w in words)
    before = [w["left"] + w["width"] for w in (row.words if row else ())
              if w["left"] + w["width"] <= start]
    box = (max(start - NAME_MARGIN * height, max(before, default=-10 ** 6) + 1),
           min(w["top"] for w in words) - height / 2,
           max(w["left"] + w["width"] for w in words) + NAME_MARGIN * height,
           max(w["top"] + w["height"] for w in words) + height / 2)
    readings = [first] if first and first[1] >= AGREED_CONF else []
    for scale in REREAD_SCALES:
        again = _candidate(_value_words(_reread(pixels, box, scale=scale, lead=True)))
        if again is None or again[1] < AGREED_CONF:
            continue
        for other in readings:
            if _letters(other[0]) != _letters(again[0]):
                continue
            whole = [r for r in (again, other) if not _maybe_split(r[0])]
            pick = whole[0] if whole else again \
                if again[0] == other[0] and not _letter_apart(again[0]) else None
            if pick is not None:
                return pick[0], round(min(other[1], again[1]) / 100, 3)
        readings.append(again)
    sure = [r for r in readings if _sure(r)]
    if len({_letters(r[0]) for r in sure}) == 1 and not _maybe_split(sure[0][0]):
        return sure[0][0], round(sure[0][1] / 100, 3)
    return None


def _right_of(row: Row, words: list[dict]) -> tuple[float, float, float, float]:
    """The box of ``row`` to the right of ``words`` (a label), a little taller."""
    pad = (row.bottom - row.top) * 0.6
    return (max(w["left"] + w["width"] for w in words) + 2, row.top - pad, 10 ** 6,
            row.bottom + pad)


def _text_span(rows: list[Row]) -> tuple[float, float]:
    """Left and right edge of the page's text (well read words), ornaments left outside."""
    words = [w for r in rows for w in r.words if w["conf"] >= 80 and len(w["text"]) >= 3]
    if not words:
        return 0, 10 ** 6
    height = statistics.median(w["height"] for w in words)
    return (min(w["left"] for w in words) - height,
            max(w["left"] + w["width"] for w in words) + height)


def _name_below(rows: list[Row], i: int, pixels: Pixels | None) -> tuple[str, float] | None:
    """The name on the row after row ``i``, or in the gap below it when nothing was read
    there although the gap holds a line; the row after the gap when that line is no name
    (a bilingual diploma's translation of the cue, in small italics)."""
    row = rows[i]
    height = row.bottom - row.top
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    if nxt is not None and nxt.top - row.bottom < 1.6 * height:
        return None if LABEL.match(nxt.text) else _name_of(nxt.words, pixels)
    bottom = nxt.top if nxt is not None else row.bottom + 4 * height
    left, right = _text_span(rows)
    words = _reread(pixels, (left, row.bottom + 1, right, bottom - 1))
    m = LABEL.match(" ".join(w["text"] for w in words))
    if m and not OTHER_NAME.match(m.group(0)):   # the missed row held "Nama : ..." itself
        words = _after(Row(words, 0, 0), m.start("rest"))
    found = _name_of(words, pixels)
    if found is None and nxt is not None and not LABEL.match(nxt.text) and \
            nxt.top - row.bottom < TRANSLATION_GAP * height:
        found = _name_of(nxt.words, pixels)   # the gap held the cue's translation, not a name
    return found


def find_name(rows: list[Row], pixels: Pixels | None = None
              ) -> tuple[str | None, float, int | None]:
    """(name, confidence, row index) from the cue that introduces the holder."""
    for i, row in enumerate(rows):        # a "Nama" label first: the most explicit cue
        m = LABEL.match(row.text)
        if not m or OTHER_NAME.match(row.text):
            continue
        label = _after(row, 0)[:len(row.text[:m.start("rest")].split())]
        rest = _value_words(_after(row, m.start("rest")))
        if rest:
            found = _name_of(rest, pixels, row)
        else:
            found = _name_of(_reread(pixels, _right_of(row, label)), pixels, Row(label, 0, 0)) \
                or _name_below(rows, i, pixels)
        return (found[0], found[1], i) if found else (None, 0.0, i)
    first = None
    for i, row in enumerate(rows):        # else a sentence that introduces the holder: the
        m = CUE.search(row.text)          # next one when the first is followed by its own
        if not m:                         # translation ("kepada" / "confers upon")
            continue
        rest = _value_words(_after(row, m.end()))
        found = _name_of(rest, pixels, row) if rest else _name_below(rows, i, pixels)
        if found:
            return found[0], found[1], i
        first = i if first is None else first
    return None, 0.0, first


def find_level(rows: list[Row], name_row: int | None) -> tuple[str | None, float]:
    """The level the title names: phrases count double, the title's rows double again;
    two levels named alike leave it unread."""
    scores: dict[str, float] = {}
    phrase_in_title = set()
    title_end = name_row if name_row is not None else max(1, len(rows) // 2)
    for i, row in enumerate(rows):
        for m in education.mentions(row.text):
            weight = (2.0 if m.phrase else 1.0) * (2.0 if i <= title_end else 1.0)
            scores[m.code] = scores.get(m.code, 0.0) + weight
            if m.phrase and i <= title_end:
                phrase_in_title.add(m.code)
    if not scores:
        return None, 0.0
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    if len(ranked) > 1 and ranked[1][1] >= 0.5 * score:
        return None, 0.0
    return best, 0.95 if best in phrase_in_title else 0.7


def find_year(rows: list[Row]) -> tuple[int | None, float]:
    """The year of graduation: school year, 'lulus ... YYYY', 'tahun YYYY', signing date."""
    votes: list[int] = []
    for row in rows:
        text = row.text
        if re.search(r"lahir", text, re.I):
            continue
        m = re.search(r"PELAJARAN\s*((?:19|20)\d\d)\s*[/-]\s*((?:19|20)\d\d)", text, re.I)
        if m and int(m.group(2)) - int(m.group(1)) == 1:
            votes += [int(m.group(2))] * 2
        for pattern in (r"lulus\D{0,40}?((?:19|20)\d\d)\b", r"tahun\s+((?:19|20)\d\d)\b",
                        r"\b\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b"):
            votes += [int(y) for y in re.findall(pattern, text, re.I)]
    if not votes:
        return None, 0.0
    counts = {y: votes.count(y) for y in votes}
    best = max(counts, key=lambda y: (counts[y], y))
    if counts[best] < 2:
        return best, 0.6
    return best, round(0.6 + 0.35 * counts[best] / len(votes), 3)


def find_school(rows: list[Row]) -> tuple[str | None, float]:
    for row in rows:
        m = SCHOOL_LABEL.search(row.text)
        if m and len(m.group("rest").strip(" :")) >= 4:
            return _clean(m.group("rest")), 0.8
    for row in rows:
        m = SCHOOL.search(row.text)
        if m:
            return _clean(re.split(r"\s+pada\s+tahun|,", m.group(0), flags=re.I)[0]), 0.7
    return None, 0.0


def _clean(text: str) -> str:
    return " ".join(re.sub(r"[^A-Za-z0-9 .'-]", " ", text).split()).upper().strip(" .:")


def find_number(rows: list[Row]) -> tuple[str | None, float]:
    for row in rows:
        m = NUMBER.search(row.text)
        if m:
            value = (m.group("a") or m.group("b")).strip(" .:")
            if sum(c.isdigit() for c in value) >= 4:
                return " ".join(value.split()), 0.7
    return None, 0.0


def read_ijazah(img, *, dpi: float | None = None, read: PageText | None = None,
                upright=None) -> IjazahReading:
    """Read level, name, year, school and number from an ijazah page: ``img`` upright, or
    ``read`` (the page's OCR from :func:`page_text`) made already on the page ``upright``
    (a PIL image at the scan's resolution)."""
    rgb = to_rgb(img)
    if read is None:
        read = page_text(rgb, dpi=dpi)
        upright = rgb
    rows = rows_of(read.words)
    nama, name_conf, name_row = find_name(rows, Pixels(read.image, upright, read.levels))
    jenjang, level_conf = find_level(rows, name_row)
    tahun, year_conf = find_year(rows)
    sekolah, school_conf = find_school(rows)
    nomor, number_conf = find_number(rows)
    return IjazahReading(
        jenjang=jenjang, nama=nama, tahun=tahun, sekolah=sekolah, nomor=nomor,
        color=color_stats(rgb)[0], confidence=round(read.confidence, 3),
        keywords=keyword_count(read.text), text=read.text,
        confidences={"jenjang": level_conf, "nama": name_conf, "tahun": year_conf,
                     "sekolah": school_conf, "nomor": number_conf})
