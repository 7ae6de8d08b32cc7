"""NIK (Nomor Induk Kependudukan): structure check and spreadsheet-damage detection.

A NIK is 16 digits ``PPRRSSDDMMYYXXXX``: province, regency, district at the
time of issue, the birth date (40 added to the day for women) and a serial.
There is no check digit, so a NIK can only be checked for its form and
against the holder's birth date and sex. python-stdnum's ``stdnum.id.nik``
gives the structure; the region codes the office needs are data
(formgen/data/regions.yaml), and the century always comes from the roster's
birth date (stdnum reads 2000-2009 as 190x).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import yaml
from rapidfuzz import fuzz
from stdnum.id import nik as stdnum_nik

from formgen.core.resources import package_data

_REGIONS_PATH = package_data("regions.yaml")
NIK_LENGTH = 16
FEMALE_DAY_OFFSET = 40
KTP_MIN_AGE = 17        # a KTP-el is issued from 17 (or on marriage)

# Reason codes, in the order they are reported.
NIK_MISSING = "nik_missing"
NIK_MANGLED = "nik_mangled"
NIK_NOT_DIGITS = "nik_not_digits"
NIK_LENGTH_CODE = "nik_length"
NIK_PROVINCE = "nik_province"
NIK_REGENCY = "nik_regency"
NIK_DISTRICT = "nik_district"
NIK_BIRTH_DATE = "nik_birth_date"
NIK_SERIAL = "nik_serial"
UNUSUAL_SERIAL = 2000   # see nik_serial_usual
# A region's name as read (letters only): how long, and how alike (rapidfuzz ratio)
# to one name and ahead of the next, to be that region.
REGION_NAME_MIN = 4
REGION_NAME_SCORE = 85
REGION_NAME_MARGIN = 10
NIK_BIRTH_MISMATCH = "nik_birth_mismatch"
NIK_SEX_MISMATCH = "nik_sex_mismatch"

_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+$")
_FLOAT_TEXT = re.compile(r"^\d{6,}[.,]\d+$")
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00a0"}


@dataclass
class NikCheck:
    """What a NIK says and what is wrong with it.

    ``province``, ``regency`` and ``district`` are the two-digit parts as
    written (``"62"``, ``"01"``, ``"02"``); ``birth_day`` is the real day (40
    taken off for women); ``birth_yy`` the two-digit year; ``sex`` ``"L"`` or
    ``"P"``. Decoded parts are None when the NIK is too malformed to read.
    """

    nik: str
    ok: bool = False
    reasons: list[str] = field(default_factory=list)
    province: str | None = None
    regency: str | None = None
    district: str | None = None
    birth_day: int | None = None
    birth_month: int | None = None
    birth_yy: int | None = None
    sex: str | None = None
    serial: str | None = None

    @property
    def region_code(self) -> str | None:
        """Kemendagri district code, e.g. ``"62.01.02"``."""
        if self.province is None:
            return None
        return f"{self.province}.{self.regency}.{self.district}"

    @property
    def province_name(self) -> str | None:
        return _regions()["provinces"].get(self.province or "")

    @property
    def regency_name(self) -> str | None:
        return _regions()["regencies"].get(self.province or "", {}).get(self.regency or "")

    @property
    def district_name(self) -> str | None:
        key = f"{self.province}{self.regency}"
        return _regions()["districts"].get(key, {}).get(self.district or "")

    def birth_date(self, century_from: date | None = None) -> date | None:
        """The birth date in the NIK, its century taken from ``century_from``.

        Without ``century_from`` the year is read as 19yy or, if that date
        does not exist, 20yy (as stdnum does). None when it is no date.
        """
        if self.birth_day is None:
            return None
        centuries = [century_from.year // 100 * 100] if century_from else [1900, 2000]
        for base in centuries:
            try:
                return date(base + self.birth_yy, self.birth_month, self.birth_day)
            except ValueError:
                continue
        return None

    def holder_birth_date(self, today: date | None = None) -> date | None:
        """The birth date in the NIK of a KTP-el holder: the century that makes them at
        least KTP_MIN_AGE years old (the card is issued from that age)."""
        this_century = self.birth_date(date(2000, 1, 1))
        year = (today or date.today()).year
        if this_century is not None and this_century.year <= year - KTP_MIN_AGE:
            return this_century
        return self.birth_date(date(1900, 1, 1))


@cache
def _regions() -> dict:
    data = yaml.safe_load(_REGIONS_PATH.read_text(encoding="utf-8"))
    return {
        "provinces": {str(k): v for k, v in data["provinces"].items()},
        "regencies": {str(p): {str(k): v for k, v in r.items()}
                      for p, r in data.get("regencies", {}).items()},
        "districts": {str(p): {str(k): v for k, v in d.items()}
                      for p, d in data.get("districts", {}).items()},
    }


def known_districts(province: str, regency: str) -> dict[str, str]:
    """District code -> name of one regency, when the data file lists them."""
    return dict(_regions()["districts"].get(f"{province}{regency}", {}))


def known_provinces() -> dict[str, str]:
    return dict(_regions()["provinces"])


def _named(text: str | None, names: dict[str, str]) -> str | None:
    """The code whose name ``text`` spells (letters only, a letter or two misread), None
    when it spells none, or two alike."""
    letters = re.sub(r"[^A-Z]", "", (text or "").upper())
    if len(letters) < REGION_NAME_MIN:
        return None
    scores = sorted(((fuzz.ratio(letters, re.sub(r"[^A-Z]", "", name.upper())), code)
                     for code, name in names.items()), reverse=True)
    if not scores or scores[0][0] < REGION_NAME_SCORE or \
            (len(scores) > 1 and scores[1][0] > scores[0][0] - REGION_NAME_MARGIN):
        return None
    return scores[0][1]


def region_by_names(province: str | None, regency: str | None
                    ) -> tuple[str | None, str | None]:
    """(province code, regency code) that a card's header names ("KALIMANTAN TENGAH",
    "KOTAWARINGIN BARAT"), each None where the text names none the data file lists."""
    code = _named(province, _regions()["provinces"])
    regencies = _regions()["regencies"].get(code or "", {})
    return code, _named(regency, regencies) if regencies else None


def normalise_nik(raw: object) -> str | None:
    """A NIK cell as text, or None when a spreadsheet turned it into a number.

    A NIK typed into a spreadsheet without a text format becomes a number:
    shown as ``6.20102E+15``, saved as ``6201021505900001.0`` (or read as a
    float), or with its 16th digit replaced by 0 (spreadsheets keep 15
    significant digits). None of these can be trusted, so they are reported
    as ``nik_mangled``. A whole number whose last digit is not 0 was stored
    exactly (by a program, not typed) and is kept. Spaces,
    dashes and dots between digit groups are removed; an empty cell gives
    ``""``. The result is not checked further: see :func:`check_nik`.
    """
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, int):
        return _from_number(raw)
    if isinstance(raw, float):
        return None
    text = "".join(ch for ch in unicodedata.normalize("NFKC", str(raw))
                   if ch not in _INVISIBLE).strip()
    if text.startswith("'"):  # a spreadsheet's "this is text" mark
        text = text[1:].strip()
    if _SCIENTIFIC.match(text) or _FLOAT_TEXT.match(text):
        return None
    return stdnum_nik.compact(text)


def _from_number(value: int) -> str | None:
    """A NIK stored as a number: exact only if its last digit survived."""
    text = str(value)
    if len(text) == NIK_LENGTH and text.endswith("0"):
        return None
    return text


def check_nik(nik: str, *, tanggal_lahir: date | None = None,
              jenis_kelamin: str | None = None) -> NikCheck:
    """Check ``nik`` (16-character text) for its structure and against the holder's data.

    ``tanggal_lahir`` (birth date) and ``jenis_kelamin`` (``"L"``/``"P"``),
    when given, must agree with the date and the day offset in the NIK.
    """
    result = NikCheck(nik=nik if isinstance(nik, str) else str(nik))
    text = result.nik
    if not text:
        result.reasons.append(NIK_MISSING)
        return result
    if not text.isascii() or not text.isdigit():
        result.reasons.append(NIK_NOT_DIGITS)
        return result
    if len(text) != NIK_LENGTH:
        result.reasons.append(NIK_LENGTH_CODE)
        return result

    result.province, result.regency, result.district = text[0:2], text[2:4], text[4:6]
    raw_day = int(text[6:8])
    result.birth_month, result.birth_yy = int(text[8:10]), int(text[10:12])
    result.serial = text[12:16]
    result.sex = nik_sex(text)
    result.birth_day = raw_day - FEMALE_DAY_OFFSET if raw_day > FEMALE_DAY_OFFSET else raw_day

    result.reasons.extend(_region_reasons(result.province, result.regency, result.district))
    if not 1 <= result.birth_day <= 31 or not _date_exists(text, tanggal_lahir):
        result.reasons.append(NIK_BIRTH_DATE)
    if result.serial == "0000":
        result.reasons.append(NIK_SERIAL)
    if tanggal_lahir is not None and NIK_BIRTH_DATE not in result.reasons:
        if (result.birth_day, result.birth_month, result.birth_yy) != (
                tanggal_lahir.day, tanggal_lahir.month, tanggal_lahir.year % 100):
            result.reasons.append(NIK_BIRTH_MISMATCH)
    if jenis_kelamin in ("L", "P") and jenis_kelamin != result.sex:
        result.reasons.append(NIK_SEX_MISMATCH)
    result.ok = not result.reasons
    return result


def nik_sex(nik: str) -> str:
    """The holder's sex a 16-digit NIK encodes: ``"P"`` when its day carries the 40."""
    return "P" if int(nik[6:8]) > FEMALE_DAY_OFFSET else "L"


def _region_reasons(province: str, regency: str, district: str) -> list[str]:
    regions = _regions()
    if province not in regions["provinces"]:
        return [NIK_PROVINCE]
    known_regencies = regions["regencies"].get(province)
    if regency == "00" or (known_regencies is not None and regency not in known_regencies):
        return [NIK_REGENCY]
    known = regions["districts"].get(province + regency)
    if district == "00" or (known is not None and district not in known):
        return [NIK_DISTRICT]
    return []


def _date_exists(text: str, tanggal_lahir: date | None) -> bool:
    """The DDMMYY of the NIK is a real date (in the roster's century when known)."""
    if tanggal_lahir is not None:
        day = int(text[6:8]) % FEMALE_DAY_OFFSET
        try:
            date(tanggal_lahir.year // 100 * 100 + int(text[10:12]), int(text[8:10]), day)
        except ValueError:
            return False
        return True
    try:
        stdnum_nik.get_birth_date(text)
    except Exception:  # stdnum raises InvalidComponent, or ValueError for day 0
        return False
    return True


def make_nik(*, birth: date, sex: str, region: str = "620102", serial: int = 1) -> str:
    """A well-formed NIK for synthetic people (demo data and tests): ``region`` is PPRRSS."""
    if len(region) != 6 or not region.isdigit() or sex not in ("L", "P") or \
            not 1 <= serial <= 9999:
        raise ValueError("region PPRRSS, sex L/P and serial 1-9999 expected")
    day = birth.day + (FEMALE_DAY_OFFSET if sex == "P" else 0)
    return f"{region}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def nik_well_formed(nik: str | None) -> bool:
    """16 digits, a known region and a real birth date (day + 40 for women)."""
    return bool(nik) and check_nik(str(nik)).ok


def nik_serial_usual(nik: str | None) -> bool:
    """Whether a NIK's serial is one real cards carry: it counts the holders of one birth
    date registered in one district, who number in the tens or hundreds, so a serial of
    ``UNUSUAL_SERIAL`` or more is far more often a misread (worn "00" read as "99") than a
    real number. Only a reader's certainty depends on it; such a NIK is still valid."""
    if not nik or len(nik) != NIK_LENGTH or not nik.isdigit():
        return True
    return int(nik[12:16]) < UNUSUAL_SERIAL


def nik_agrees(nik: str | None, birth: date | None, sex: str | None) -> bool | None:
    """Do the NIK's date digits agree with a birth date and sex (``"L"``/``"P"``, or None
    when unknown: then the day may carry the 40 of either)? None when there is nothing to
    compare or the NIK is not 16 digits."""
    if birth is None or not nik or len(nik) != NIK_LENGTH or not nik.isdigit():
        return None
    if sex not in ("L", "P"):
        return nik[8:12] == f"{birth.month:02d}{birth.year % 100:02d}" and \
            int(nik[6:8]) % FEMALE_DAY_OFFSET == birth.day
    day = birth.day + (FEMALE_DAY_OFFSET if sex == "P" else 0)
    return nik[6:12] == f"{day:02d}{birth.month:02d}{birth.year % 100:02d}"
