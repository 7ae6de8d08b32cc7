"""An ijazah page's words, read with its frame and background cleared, and its evidence.

The words are read once; they also tell whether a page is an ijazah at all. Diplomas
are printed on tinted security paper, inside dense guilloche or rosette frames, with a
large pale seal behind the text; a grey photocopy darkens all of it. Tesseract's page
layout takes such areas for pictures and drops the text on them. So before reading, the
frame along the edges is painted over as paper and every shade clearly lighter than the
print (paper, tint, pattern, seal) is lifted to white, the print kept as it is.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

from ocr import tesseract
from ocr.dotted import clear_dotted
from ocr.features import estimate_dpi
from ocr.imaging import grey_percentiles

READ_DPI = 150
FRAME_BAND = (0.02, 0.075)   # of the shorter side: where a page's frame runs
FRAME_COVER = 0.6            # share of an edge the frame's ink covers
ACROSS_SHARE = 0.7           # of a page's long words, lying across it when it is upright
INK_PERCENTILE = 0.5         # the darkest print on the page (%)
PAPER_PERCENTILE = 90        # the paper (%)
PRINT_SHARE = 0.6            # of the way from the print to the paper: lighter is background
GENTLE_SHARE = 0.9           # ... on a page that read poorly so (see page_text)
GENTLE_GAIN = 2              # ... kept when it reads this many times the sure words
POOR_WORDS = 20              # sure words (SURE_WORD) below which a page read poorly
SURE_WORD = 60               # Tesseract's confidence in a sure word
MIN_CONTRAST = 35            # grey levels between print and paper, below which nothing is lifted
                             # (a faded grey copy of a tinted sheet still has this much)
SHEET_MIDDLE = 0.15          # of each side: cut off around the part of a page the sheet fills
LIGHTER_AROUND = 20          # grey levels by which what lies around a tinted sheet is lighter
RULE_MM = (15, 14)            # a straight stroke this long across, or down, is a rule
RULE_INK = 210                # grey below this is ink (or a pale rule), when looking for rules
KEYWORDS = ("IJAZAH", "SEKOLAH", "LULUS", "TAHUN PELAJARAN", "KEPALA SEKOLAH", "NOMOR INDUK",
            "SATUAN PENDIDIKAN", "DIBERIKAN KEPADA", "UNIVERSITAS", "REKTOR", "MADRASAH",
            "PROGRAM STUDI", "DINYATAKAN", "POLITEKNIK", "PESERTA DIDIK", "TANDA TAMAT BELAJAR",
            "KEPALA MADRASAH", "ORANG TUA/WALI", "PROGRAM PAKET", "KESETARAAN", "PKBM",
            "DIBERIKAN GELAR", "MENYELESAIKAN", "NAMA SISWA", "NAMA MAHASISWA")
# Words of the office's own forms and letters: a page carrying them is no diploma.
FORM_WORDS = ("FORMULIR", "PERMOHONAN", "SERTIFIKASI", "ASESI", "ASESOR", "ASESMEN", "PEMOHON",
              "LSP", "JABATAN KERJA", "PENGALAMAN KERJA", "SURAT PERNYATAAN", "MATERAI")
TITLE = "IJAZAH"
TITLE_HEIGHT = 1.6           # the title's letters: at least this many times the text's height
# Where most lines of a page stand on end, Tesseract reads the whole page turned, and the
# few lines lying across it (a card copied upright beside a document copied standing)
# come out as garbage. A reading whose words of STANDING_LETTERS or more stand on end for
# more than STANDING_SHARE of them is made again with standing lines not read as such, and
# the surer of the two readings kept.
STANDING_LETTERS = 3
STANDING_SHARE = 0.5


class PageText(NamedTuple):
    """A page read by :func:`page_text`: its text, mean confidence (0..1), words, the
    grey image they were read on (their boxes are in its pixels) and the grey levels
    (print, background) by which the background was lifted (None: it was not)."""

    text: str
    confidence: float
    words: list
    image: np.ndarray | None = None
    levels: tuple[float, float] | None = None


def page_text(page: np.ndarray, *, dpi: float | None = None, read_dpi: int = READ_DPI
              ) -> PageText:
    """The words of an upright page (RGB or grey) read at about ``read_dpi`` (block
    layout, ``ind``), with the page's text and mean confidence; a reading Tesseract made
    as if the page were turned is made again (see STANDING_SHARE). A page that reads
    poorly with its background lifted (fewer than POOR_WORDS sure words) is read again
    lifted more gently (GENTLE_SHARE), and that reading kept when it reads well and at
    least GENTLE_GAIN times as many sure words (a card alone on a sheet reads few words
    either way, and stays as it was read): where
    the page's darkest print is a picture or a seal far darker than its soft or faded
    text (a reader-printer's copy of a microfilm), the usual lift takes the letters'
    edges for background and breaks them up."""
    dpi = dpi or estimate_dpi(page.shape)
    grey = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY) if page.ndim == 3 else page
    factor = min(1.0, read_dpi / dpi)
    if factor < 1.0:
        grey = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    grey = clear_frame(grey)
    levels = print_levels(grey)
    read = _read_lifted(grey, levels, min(dpi, read_dpi))
    if levels is not None and _sure_words(read.words) < POOR_WORDS:
        gentle = print_levels(grey, GENTLE_SHARE)
        again = _read_lifted(grey, gentle, min(dpi, read_dpi))
        if _sure_words(again.words) >= max(POOR_WORDS, GENTLE_GAIN * _sure_words(read.words)):
            read = again
    return read


def _read_lifted(grey: np.ndarray, levels: tuple[float, float] | None, dpi: float
                 ) -> PageText:
    """:func:`page_text`'s reading of ``grey`` (at ``dpi``) lifted by ``levels``."""
    if levels is not None:
        grey = lift_background(grey, levels)
    grey = clear_rules(grey, dpi)
    grey = clear_dotted(grey, dpi / 25.4)   # the dots a value is typed on
    words = tesseract.ocr_data(grey, psm=3, invert=False)   # a diploma prints dark on light
    if _read_turned(words):
        across = tesseract.ocr_data(grey, psm=3, invert=False, vertical=False)
        if _confidence(across) > _confidence(words):
            words = across
    if not words:
        return PageText("", 0.0, [], grey, levels)
    return PageText(tesseract.join_lines(words), _confidence(words), words, grey, levels)


def _sure_words(words: list[dict]) -> int:
    """Words of STANDING_LETTERS letters or more read at least SURE_WORD sure."""
    return sum(len(w["text"]) >= STANDING_LETTERS and w["conf"] >= SURE_WORD for w in words)


def _confidence(words: list[dict]) -> float:
    """The mean confidence (0..1) of ``words``; 0 for none."""
    return float(np.mean([w["conf"] for w in words])) / 100.0 if words else 0.0


def _read_turned(words: list[dict]) -> bool:
    """Whether Tesseract read the page as if turned: most of its longer words' boxes
    stand on end (see STANDING_SHARE)."""
    long = [w for w in words if len(w["text"]) >= STANDING_LETTERS]
    return sum(w["height"] > w["width"] for w in long) > STANDING_SHARE * len(long) > 0


def cleaned(grey: np.ndarray) -> np.ndarray:
    """``grey`` with its frame painted over and its background lifted to white."""
    grey = clear_frame(grey)
    levels = print_levels(grey)
    return grey if levels is None else lift_background(grey, levels)


def clear_rules(grey: np.ndarray, dpi: float) -> np.ndarray:
    """``grey`` with long straight rules made paper: a table's cell lines, the line a value
    is typed on. Tesseract reads them as letters ('|', '—') or takes the rows between them
    for a picture; no letter has a stroke this long."""
    px = dpi / 25.4
    ink = (grey < RULE_INK).astype(np.uint8)
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                              cv2.getStructuringElement(cv2.MORPH_RECT, (int(RULE_MM[0] * px), 1)))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                            cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(RULE_MM[1] * px))))
    rules = cv2.dilate(across | down, np.ones((3, 3), np.uint8))
    if not rules.any():
        return grey
    out = grey.copy()
    out[rules > 0] = 255
    return out


def print_levels(grey: np.ndarray, share: float = PRINT_SHARE
                 ) -> tuple[float, float] | None:
    """(print, background) grey levels of a page: shades lighter than ``background``
    (``share`` of the way from the print to the paper) are paper, tint or pattern; None
    on a page with too little contrast to tell."""
    ink = grey_percentiles(grey, (INK_PERCENTILE,))[0]
    paper = sheet_level(grey, PAPER_PERCENTILE)
    if paper - ink < MIN_CONTRAST:
        return None
    return ink, ink + share * (paper - ink)


def sheet_level(grey: np.ndarray, percentile: float) -> float:
    """The ``percentile`` grey level of the sheet: of the page's middle when that is clearly
    darker than the whole page. A tinted sheet (a dark security blank copied in grey) lies
    on a lighter scanner lid, and a page turned straight gains white corners; their white
    is no paper of the sheet's, and taken for it, the tint would be kept as print."""
    whole = grey_percentiles(grey, (percentile,))[0]
    h, w = grey.shape[:2]
    dy, dx = int(SHEET_MIDDLE * h), int(SHEET_MIDDLE * w)
    middle = grey_percentiles(grey[dy:h - dy, dx:w - dx], (percentile,))[0]
    return middle if middle < whole - LIGHTER_AROUND else whole


def lift_background(grey: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """``grey`` stretched so that ``levels`` (print, background) become black and white:
    the print keeps its edges, everything at least as light as the background is paper."""
    ink, background = levels
    lut = np.clip((np.arange(256) - ink) * 255.0 / max(1.0, background - ink), 0, 255)
    return cv2.LUT(grey, lut.astype(np.uint8))


def clear_frame(grey: np.ndarray) -> np.ndarray:
    """``grey`` with an ornamental frame along three or four edges painted over as paper.

    A border of ropes, dots or guilloche read as text merges with the rows beside it
    (and the holder's name with them). A frame is ink along most of an edge band
    (2-7.5 % of the shorter side in from the edge); text never runs along three sides.
    """
    h, w = grey.shape[:2]
    side = min(h, w)
    outer, inner = int(FRAME_BAND[0] * side), int(FRAME_BAND[1] * side)
    if inner <= outer or h <= 2 * inner or w <= 2 * inner:
        return grey
    paper_level = grey_percentiles(grey, (90,))[0]
    ink = grey < paper_level - 50
    cover = [ink[outer:inner, inner:w - inner].any(axis=0).mean(),
             ink[h - inner:h - outer, inner:w - inner].any(axis=0).mean(),
             ink[inner:h - inner, outer:inner].any(axis=1).mean(),
             ink[inner:h - inner, w - inner:w - outer].any(axis=1).mean()]
    if sum(c >= FRAME_COVER for c in cover) < 3:
        return grey
    out = grey.copy()
    fill = int(paper_level)
    out[:inner], out[h - inner:], out[:, :inner], out[:, w - inner:] = fill, fill, fill, fill
    return out


def reads_across(words: list[dict]) -> bool:
    """Whether the page's words lie across it: Tesseract also reads lines of a page lying
    sideways, as words taller than wide, which does not make the page upright."""
    long = [w for w in words if len(w["text"]) >= 4 and w["conf"] >= 60]
    if not long:
        return True
    return sum(w["width"] > w["height"] for w in long) >= ACROSS_SHARE * len(long)


def keyword_count(text: str) -> int:
    upper = text.upper()
    return sum(1 for k in KEYWORDS if k in upper)


def form_words(text: str) -> int:
    """How many words of the office's own forms and letters the text carries."""
    upper = text.upper()
    return sum(1 for k in FORM_WORDS if re.search(rf"\b{k}\b", upper))


def has_title(words: list[dict]) -> bool:
    """Whether the page is headed "IJAZAH" in large letters, however a decorative face or
    letters set apart ("I J A Z A H") were read: two letters wrong or missing at most."""
    if not words:
        return False
    height = float(np.median([w["height"] for w in words]))
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault((w["block"], w["par"], w["line"]), []).append(w)
    for line in lines.values():
        big = [w for w in sorted(line, key=lambda w: w["left"])
               if w["height"] >= TITLE_HEIGHT * height]
        candidates = [re.sub(r"[^A-Z]", "", w["text"].upper()) for w in big]
        candidates.append("".join(c for c in candidates if len(c) == 1))   # I J A Z A H
        if any(len(c) >= 4 and Levenshtein.distance(c, TITLE) <= (2 if len(c) >= 5 else 1)
               for c in candidates):
            return True
    return False
