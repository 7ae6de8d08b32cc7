"""Reading an ijazah (school or university diploma): level, name, year, colour.

The page is read once with Tesseract (``ind``) at about 150 dpi. The level comes
from the printed programme ("SEKOLAH MENENGAH ATAS", "DIPLOMA TIGA (D-III)",
"SARJANA (S-1)", a school name such as "SMK NEGERI 2"), the name from the line
after "diberikan kepada" or a "Nama" label, the year from "TAHUN PELAJARAN
2002/2003", "tahun 2003" or the latest plausible year on the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np
from rapidfuzz import fuzz

from ocr import tesseract
from ocr.features import color_stats, estimate_dpi, to_rgb
from ocr.findings import Finding

READ_DPI = 150
# Most specific first: the first pattern found on the page names the level. Phrases match
# in any case; abbreviations only in capitals ("di bawah" is not D-I).
LEVEL_PATTERNS = [
    ("S3", r"(?i:DOKTOR\b)|\bS-3\b"),
    ("S2", r"(?i:MAGISTER)|\bS-2\b"),
    ("D4", r"(?i:SARJANA\s+TERAPAN)|\bD-IV\b|\bD-4\b"),
    ("S1", r"(?i:SARJANA)|\bS-1\b"),
    ("D3", r"(?i:DIPLOMA\s+(TIGA|III)\b)|\bD-III\b|\bD-3\b"),
    ("D2", r"(?i:DIPLOMA\s+(DUA|II)\b)|\bD-II\b|\bD-2\b"),
    ("D1", r"(?i:DIPLOMA\s+(SATU|I)\b)|\bD-I\b|\bD-1\b"),
    ("SMK", r"(?i:MENENGAH\s+KEJURUAN)|\bSMK\b"),
    ("MA", r"(?i:MADRASAH\s+ALIYAH)|\bMAN\b"),
    ("SMA", r"(?i:MENENGAH\s+ATAS)|\bSMA\b|\bSMU\b"),
    ("SMP", r"(?i:MENENGAH\s+PERTAMA|MADRASAH\s+TSANAWIYAH)|\bSMP\b|\bSLTP\b|\bMTS\b"),
    ("SD", r"(?i:SEKOLAH\s+DASAR|MADRASAH\s+IBTIDAIYAH)|\bSD\b"),
]
# Roster wording of pendidikan -> normalised level.
LEVEL_ALIASES = {"SLTA": "SMA", "SMU": "SMA", "SLTP": "SMP", "MTS": "SMP", "MI": "SD",
                 "MAN": "MA", "STM": "SMK", "SMEA": "SMK", "D-I": "D1", "D-II": "D2",
                 "D-III": "D3", "D-IV": "D4", "S-1": "S1", "S-2": "S2", "S-3": "S3"}
KEYWORDS = ("IJAZAH", "SEKOLAH", "LULUS", "TAHUN PELAJARAN", "KEPALA SEKOLAH", "NOMOR INDUK",
            "SATUAN PENDIDIKAN", "DIBERIKAN KEPADA", "UNIVERSITAS", "REKTOR")


@dataclass
class IjazahReading:
    jenjang: str | None = None
    nama: str | None = None
    tahun: int | None = None
    color: bool | None = None
    confidence: float = 0.0
    keywords: int = 0
    text: str = ""

    def findings(self, expected: dict | None = None) -> list[Finding]:
        """Findings of kind ``ijazah``; ``expected`` may hold roster ``nama`` and ``pendidikan``."""
        exp = expected or {}
        conf = round(self.confidence, 3)
        want_level = normalise_level(exp.get("pendidikan")) if exp.get("pendidikan") else None
        want_name = exp.get("nama") or None
        return [
            Finding("ijazah", "jenjang", self.jenjang, conf, want_level,
                    None if want_level is None or self.jenjang is None
                    else self.jenjang == want_level,
                    None if self.jenjang else "unreadable"),
            Finding("ijazah", "nama", self.nama, conf, want_name,
                    None if want_name is None or self.nama is None
                    else names_agree(self.nama, want_name),
                    None if self.nama else "unreadable"),
            Finding("ijazah", "tahun", self.tahun, conf),
            Finding("ijazah", "color", self.color, 0.9),
        ]


def normalise_level(text: str | None) -> str | None:
    """'sma' -> 'SMA', 'S-1' -> 'S1', 'Diploma Tiga' -> 'D3'; None when unknown."""
    if not text:
        return None
    upper = " ".join(text.upper().split())
    if upper in LEVEL_ALIASES:
        return LEVEL_ALIASES[upper]
    compact = upper.replace("-", "").replace(" ", "")
    if compact in {code for code, _ in LEVEL_PATTERNS}:
        return compact
    return level_from_text(upper)


def level_from_text(text: str) -> str | None:
    for code, pattern in LEVEL_PATTERNS:
        if re.search(pattern, text):
            return code
    return None


def names_agree(read: str, expected: str, threshold: float = 88) -> bool:
    a = " ".join(re.sub(r"[^A-Z ]", " ", read.upper()).split())
    b = " ".join(re.sub(r"[^A-Z ]", " ", expected.upper()).split())
    return fuzz.ratio(a, b) >= threshold or fuzz.token_sort_ratio(a, b) >= threshold


def _name_from_lines(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        low = line.lower()
        if "kepada" in low and i + 1 < len(lines):
            return _clean_name(lines[i + 1])
        match = re.match(r"\s*nama\s*(lengkap)?\s*[:;]\s*(.+)", line, re.I)
        if match and "sekolah" not in low and "orang" not in low:
            return _clean_name(match.group(2))
    return None


def _clean_name(text: str) -> str | None:
    name = " ".join(re.sub(r"[^A-Za-z.,' ]", " ", text).split()).upper().strip(" .,")
    return name if len(name) >= 3 else None


def _year(text: str) -> int | None:
    match = re.search(r"PELAJARAN\s*(\d{4})\s*[/-]\s*(\d{4})", text, re.I)
    if match:
        return int(match.group(2))
    match = re.search(r"(?:tahun|lulus)\D{0,30}?((?:19|20)\d{2})", text, re.I)
    if match:
        return int(match.group(1))
    years = [int(y) for y in re.findall(r"\b((?:19[5-9]|20[0-4])\d)\b", text)]
    return max(years) if years else None


def page_text(page: np.ndarray, *, dpi: float | None = None, read_dpi: int = READ_DPI
              ) -> tuple[str, float]:
    """The text of an upright page (RGB or grey) at about ``read_dpi`` (block layout,
    ``ind``), with its confidence."""
    dpi = dpi or estimate_dpi(page.shape)
    grey = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY) if page.ndim == 3 else page
    factor = min(1.0, read_dpi / dpi)
    if factor < 1.0:
        grey = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    return tesseract.ocr_text(grey, psm=3)


def keyword_count(text: str) -> int:
    upper = text.upper()
    return sum(1 for k in KEYWORDS if k in upper)


def read_ijazah(img, *, dpi: float | None = None, text: str | None = None) -> IjazahReading:
    """Read level, name and year from an ijazah page (``text``: the page's OCR if already made)."""
    rgb = to_rgb(img)
    conf = 0.8
    if text is None:
        text, conf = page_text(rgb, dpi=dpi)
    lines = [line for line in text.splitlines() if line.strip()]
    return IjazahReading(jenjang=level_from_text(text), nama=_name_from_lines(lines),
                         tahun=_year(text), color=color_stats(rgb)[0],
                         confidence=round(conf, 3), keywords=keyword_count(text), text=text)
