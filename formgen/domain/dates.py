"""Dates as offices write them (2026-05-15, 15-05-2026, 15/05/2026) and as forms print them."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

import yaml

from formgen.core.errors import InputError
from formgen.core.i18n import t
from formgen.core.resources import package_data

_MONTHS_PATH = package_data("bulan.yaml")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")


def parse_date(value: object) -> date:
    """A date from a roster cell: ``YYYY-MM-DD``, ``DD-MM-YYYY``, ``DD/MM/YYYY``, or a date object.

    A spreadsheet's midnight datetime counts as its date. Anything else raises
    InputError with code ``bad_date`` (numbers too: a bare number is no date).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip() if isinstance(value, str) else None
    if text:
        if match := _ISO.match(text):
            year, month, day = (int(g) for g in match.groups())
            return _make(year, month, day, text)
        if match := _DAY_FIRST.match(text):
            day, _, month, year = match.groups()
            return _make(int(year), int(month), int(day), text)
    raise InputError(t("dates.bad", value=_shown(value)), code="bad_date")


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(t("dates.bad", value=text), code="bad_date") from None


def _shown(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 40 else text[:40] + "…"


@cache
def month_names() -> tuple[str, ...]:
    names = yaml.safe_load(_MONTHS_PATH.read_text(encoding="utf-8"))
    if len(names) != 12:
        raise RuntimeError(f"{_MONTHS_PATH.name}: 12 month names expected")
    return tuple(names)


def format_tanggal(value: date) -> str:
    """``15 Mei 1990``: a date as Indonesian forms print it."""
    return f"{value.day} {month_names()[value.month - 1]} {value.year}"
