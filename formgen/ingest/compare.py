"""Compare what was read on a page with the applicant's roster data (fills expected/ok)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz

from ocr.findings import Finding
from ocr.geometry import PageGeometry

NAME_MATCH_MIN = 85.0  # rapidfuzz token_sort_ratio, 0-100
# Free text read back from print: one or two confusable characters (Jl./JI.) still agree.
TEXT_MATCH_MIN = 92.0

_EDUCATION_LEVELS = {
    "SD": "SD", "SMP": "SMP", "SLTP": "SMP", "MTS": "SMP",
    "SMA": "SMA", "SMK": "SMA", "MA": "SMA", "SLTA": "SMA", "STM": "SMA",
    "D1": "D1", "D2": "D2", "D3": "D3", "D4": "D4", "S1": "S1", "S2": "S2", "S3": "S3",
}


def normalise_text(value: object) -> str:
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", " ", text.upper()).strip()


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    digits = re.findall(r"\d+", str(value or ""))
    try:
        if len(digits) == 3 and len(digits[0]) == 4:
            return date(int(digits[0]), int(digits[1]), int(digits[2]))
        if len(digits) == 3 and len(digits[2]) == 4:
            return date(int(digits[2]), int(digits[1]), int(digits[0]))
    except ValueError:
        return None
    return None


def values_agree(read: object, expected: object, *, kind: str = "text") -> bool:
    if kind == "name":
        return fuzz.token_sort_ratio(normalise_text(read), normalise_text(expected)) >= NAME_MATCH_MIN
    if kind == "date":
        a, b = _as_date(read), _as_date(expected)
        return a is not None and a == b
    if kind == "level":
        return (_EDUCATION_LEVELS.get(normalise_text(read).replace(" ", ""))
                == _EDUCATION_LEVELS.get(normalise_text(expected).replace(" ", "")))
    if kind == "free_text":
        return fuzz.ratio(normalise_text(read), normalise_text(expected)) >= TEXT_MATCH_MIN
    if kind == "sex":
        return normalise_text(read)[:1] in ("L", "P") and normalise_text(read)[:1] == normalise_text(expected)[:1]
    return normalise_text(read) == normalise_text(expected)


_KEY_KIND = {"nama": "name", "tanggal_lahir": "date", "jenis_kelamin": "sex",
             "alamat": "free_text", "tempat_lahir": "free_text", "kelurahan": "free_text",
             "kecamatan": "free_text", "jabatan_kerja": "free_text", "pendidikan": "free_text",
             "email": "free_text"}
_KTP_KEYS = {"nik": "text", "nama": "name", "tanggal_lahir": "date", "jenis_kelamin": "sex",
             "tempat_lahir": "text"}
_IJAZAH_KEYS = {"nama": ("nama", "name"), "jenjang": ("pendidikan", "level")}


def _compare(finding: Finding, expected: object, kind: str) -> Finding:
    if expected in (None, "") or finding.value in (None, ""):
        return replace(finding, expected=expected)
    return replace(finding, expected=expected, ok=values_agree(finding.value, expected, kind=kind))


def compare_with_roster(findings: list[Finding], applicant: dict | None, *,
                        page: PageGeometry | None = None) -> list[Finding]:
    """``findings`` with ``expected`` and ``ok`` set where the roster has something to compare."""
    if not applicant:
        return findings
    keys = {b.name: b.key for b in page.boxes} if page else {}
    out = []
    for f in findings:
        if f.kind == "field" and f.note not in ("handwritten", "empty"):
            key = keys.get(f.name) or f.name
            if key in applicant:
                f = _compare(f, applicant[key], _KEY_KIND.get(key, "text"))
        elif f.kind == "ktp" and f.name in _KTP_KEYS:
            f = _compare(f, applicant.get(f.name), _KTP_KEYS[f.name])
        elif f.kind == "ijazah" and f.name in _IJAZAH_KEYS:
            key, kind = _IJAZAH_KEYS[f.name]
            f = _compare(f, applicant.get(key), kind)
        out.append(f)
    return out
