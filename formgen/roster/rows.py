"""One roster row checked and cleaned into a record, or the reasons it is refused.

Text is kept as the text it is: a cell like ``=HYPERLINK(...)`` or
``+62812...`` is stored verbatim and never evaluated (exports escape it with
formgen.core.cells.safe_cell). Bidi controls are removed, other control
characters refused, lengths bounded.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time

from formgen.core.errors import InputError
from formgen.core.i18n import field_label, t
from formgen.domain.dates import parse_date
from formgen.domain.nik import NIK_MANGLED, check_nik, normalise_nik
from formgen.roster.tables import column_specs

# Bidi embedding/override/isolate marks: they make "gpj.exe" look like "exe.jpg".
_BIDI = dict.fromkeys(map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                               "\u2066\u2067\u2068\u2069\ufeff\u200b"))
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE_CHARS = re.compile(r"^[0-9 +\-().]+$")
MIN_PHONE_DIGITS = 8
MAX_PHONE_DIGITS = 15
OLDEST_BIRTH_YEAR = 1900
# Control, surrogate, private-use characters and line/paragraph separators.
_REFUSED_CATEGORIES = ("Cc", "Cs", "Co", "Zl", "Zp")


@dataclass
class Problem:
    """One reason a row is refused: a stable code and its translated message."""

    code: str
    message: str

    def text(self, *, code: bool = False) -> str:
        return f"{self.message} [{self.code}]" if code else self.message


class RowRejected(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.text(code=True) for p in problems))
        self.problems = problems


def _problem(code: str, key: str | None = None, **values: object) -> Problem:
    if "field" in values:
        values["field"] = field_label(str(values["field"]))
    return Problem(code, t(key or f"roster.reason.{code}", **values))


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without ``.0``, dates as ISO, None as ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def clean_text(value: object, field: str, *, max_len: int | None) -> tuple[str, Problem | None]:
    """Bidi marks removed, line breaks and tabs made spaces, NFC; control characters refused."""
    text = unicodedata.normalize("NFC", cell_text(value)).translate(_BIDI)
    text = " ".join(re.split(r"[ \t\r\n\u00a0]+", text)).strip()
    if any(unicodedata.category(ch) in _REFUSED_CATEGORIES for ch in text):
        return text, _problem("control_chars", field=field)
    if max_len is not None and len(text) > max_len:
        return text, _problem("too_long", field=field, length=len(text), limit=max_len)
    return text, None


def _max_len(kind: str, name: str) -> int | None:
    return (column_specs()[kind]["columns"].get(name) or {}).get("max_len")


def _parse_jenis_kelamin(text: str) -> str | None:
    key = re.sub(r"[\s\-_.]+", "", text.lower())
    for code, spellings in column_specs()["jenis_kelamin"].items():
        if key in spellings:
            return code
    return None


def _parse_jenjang(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = cell_text(value).strip()
        if not re.fullmatch(r"\d{1,2}(\.0+)?", text):
            return None
        number = int(float(text))
    return number if 1 <= number <= 9 else None


def _parse_day(value: object, field: str, problems: list[Problem]) -> date | None:
    try:
        day = parse_date(value)
    except InputError:
        problems.append(_problem("bad_date", field=field, value=_short(cell_text(value))))
        return None
    if not OLDEST_BIRTH_YEAR <= day.year <= date.today().year + 1:
        problems.append(_problem("date_out_of_range", field=field, value=day.isoformat()))
        return None
    return day


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _nik(value: object, problems: list[Problem]) -> str | None:
    nik = normalise_nik(value)
    if nik is None:
        problems.append(_problem(NIK_MANGLED, f"nik.{NIK_MANGLED}"))
    return nik


def check_applicant(cells: dict[str, object]) -> dict:
    """The record for ``applicants`` from one roster row; raises RowRejected with every reason.

    Only columns present in the file appear in the record; an empty cell gives
    None (meaning: no value given).
    """
    problems: list[Problem] = []
    record: dict[str, object] = {}
    for name, value in cells.items():
        if name in ("nik", "tanggal_lahir", "jenis_kelamin", "jenjang", "tahun_lulus"):
            continue
        text, problem = clean_text(value, name, max_len=_max_len("applicant", name))
        if problem:
            problems.append(problem)
        record[name] = text or None
    if not record.get("nama"):
        problems.append(_problem("required", field="nama"))

    tanggal_lahir = None
    if _blank(cells.get("tanggal_lahir")):
        problems.append(_problem("required", field="tanggal_lahir"))
    else:
        tanggal_lahir = _parse_day(cells["tanggal_lahir"], "tanggal_lahir", problems)
        if tanggal_lahir and tanggal_lahir > date.today():
            problems.append(_problem("date_out_of_range", field="tanggal_lahir",
                                     value=tanggal_lahir.isoformat()))
            tanggal_lahir = None
    record["tanggal_lahir"] = tanggal_lahir.isoformat() if tanggal_lahir else None

    jenis_kelamin = None
    raw_jk = cell_text(cells.get("jenis_kelamin")).strip()
    if not raw_jk:
        problems.append(_problem("required", field="jenis_kelamin"))
    else:
        jenis_kelamin = _parse_jenis_kelamin(raw_jk)
        if jenis_kelamin is None:
            problems.append(_problem("bad_jenis_kelamin", value=_short(raw_jk)))
    record["jenis_kelamin"] = jenis_kelamin

    if "jenjang" in cells:
        record["jenjang"] = None
        if not _blank(cells["jenjang"]):
            record["jenjang"] = _parse_jenjang(cells["jenjang"])
            if record["jenjang"] is None:
                problems.append(_problem("bad_jenjang", value=_short(cell_text(cells["jenjang"]))))

    if not _blank(cells.get("tahun_lulus")):
        record["tahun_lulus"] = _parse_year(cells["tahun_lulus"])
        if record["tahun_lulus"] is None:
            problems.append(_problem("bad_tahun_lulus",
                                     value=_short(cell_text(cells["tahun_lulus"]))))
    if record.get("npwp"):
        digits = "".join(ch for ch in record["npwp"] if ch.isdigit())
        if len(digits) not in (15, 16):
            problems.append(_problem("bad_npwp"))
        record["npwp"] = digits
    if isinstance(cells.get("no_hp"), int | float) and str(record.get("no_hp")).startswith("8"):
        # A number cell lost the leading 0 of a mobile number (08xx).
        record["no_hp"] = "0" + record["no_hp"]
    if record.get("no_hp") and not _phone_ok(record["no_hp"]):
        problems.append(_problem("bad_no_hp"))
    if record.get("email") and not _EMAIL.match(record["email"]):
        problems.append(_problem("bad_email"))

    nik = _nik(cells.get("nik"), problems)
    if nik is not None:
        checked = check_nik(nik, tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin)
        problems.extend(_problem(code, f"nik.{code}") for code in checked.reasons)
    record["nik"] = nik
    if problems:
        raise RowRejected(problems)
    return record


def _phone_ok(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return bool(_PHONE_CHARS.match(text)) and MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_experience(cells: dict[str, object]) -> dict:
    """One work-experience row: its NIK (16 digits) and the ``experience`` columns."""
    problems: list[Problem] = []
    record: dict[str, object] = {}
    for name in ("nama_proyek", "pemberi_kerja", "jabatan", "lokasi", "jenis_pengalaman"):
        if name not in cells:
            continue
        text, problem = clean_text(cells[name], name, max_len=_max_len("experience", name))
        if problem:
            problems.append(problem)
        record[name] = text or None
    if not record.get("nama_proyek"):
        problems.append(_problem("required", field="nama_proyek"))
    days = {}
    for name in ("mulai", "selesai"):
        value = cells.get(name)
        days[name] = None
        if _blank(value) or (name == "selesai" and _is_ongoing(value)):
            continue
        days[name] = _parse_day(value, name, problems)
    if not _blank(cells.get("nilai_proyek")):
        record["nilai_proyek"] = parse_rupiah(cells["nilai_proyek"])
        if record["nilai_proyek"] is None:
            problems.append(_problem("bad_nilai_proyek",
                                     value=_short(cell_text(cells["nilai_proyek"]))))
    if days["mulai"] and days["selesai"] and days["selesai"] < days["mulai"]:
        problems.append(_problem("experience_dates_order"))
    record.update({k: v.isoformat() if v else None for k, v in days.items()})
    nik = _nik(cells.get("nik"), problems)
    if nik is not None:
        reasons = [r for r in check_nik(nik).reasons if r in ("nik_missing", "nik_not_digits",
                                                               "nik_length")]
        problems.extend(_problem(code, f"nik.{code}") for code in reasons)
    record["nik"] = nik
    if problems:
        raise RowRejected(problems)
    return record


def _is_ongoing(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower() in column_specs()["ongoing"]


def _parse_year(value: object) -> int | None:
    text = cell_text(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if len(text) == 4 and text.isdigit() and 1940 <= int(text) <= date.today().year:
        return int(text)
    return None


def parse_rupiah(value: object) -> int | None:
    """A project value as offices write it ('Rp 1.250.000.000', '1250000000', 1.25e9) in rupiah."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if value >= 0 else None
    text = cell_text(value).strip().lower().replace("rp", "").replace(" ", "")
    if text.endswith(",00") or text.endswith(",-"):
        text = text.rsplit(",", 1)[0]
    digits = text.replace(".", "").replace(",", "")
    return int(digits) if digits.isdigit() else None
