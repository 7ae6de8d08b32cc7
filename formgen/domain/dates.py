"""Dates as offices write them (2026-05-15, 15-05-2026, 15/05/2026) and every way they are printed.

Printed: ``15 Mei 1990`` (letters, forms; the month names are formgen/data/bulan.yaml),
``15-05-1990`` (figures, as on Indonesian documents and in the recap), date spans
for schedules and ``2 Nov`` for the chart.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from formgen.core.errors import InputError
from formgen.core.i18n import t
from formgen.core.resources import package_data
from formgen.core.yamlfile import load_yaml

_MONTHS_PATH = package_data("bulan.yaml")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")
# an ISO date or month, a stored timestamp's time part ignored
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ].*)?)?$")


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
    """The Indonesian month names, January first."""
    names = load_yaml(_MONTHS_PATH, mapping=False)
    if not isinstance(names, list) or len(names) != 12:
        raise RuntimeError(f"{_MONTHS_PATH.name}: 12 month names expected")
    return tuple(str(n) for n in names)


def format_tanggal(value: date) -> str:
    """``15 Mei 1990``: a date as Indonesian letters and forms print it."""
    return f"{value.day} {month_names()[value.month - 1]} {value.year}"


def format_numeric(value: date | str | None) -> str:
    """``15-05-1990`` (``05-1990`` for a month): a date in figures, as Indonesian papers write it.

    Takes a date or ISO text (a stored timestamp counts as its date); other text
    is returned as it is, None as "".
    """
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    match = _ISO_PREFIX.match(value.strip())
    if not match:
        return value
    year, month, day = match.groups()
    try:
        date(int(year), int(month), int(day or 1))
    except ValueError:
        return value
    return f"{day}-{month}-{year}" if day else f"{month}-{year}"


def format_span(first: date, last: date) -> str:
    """'2–4 November 2026', '28 November – 2 Desember 2026' or '5 November 2026'."""
    if first == last:
        return format_tanggal(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{format_tanggal(last)}"
    if first.year == last.year:
        return f"{first.day} {month_names()[first.month - 1]} – {format_tanggal(last)}"
    return f"{format_tanggal(first)} – {format_tanggal(last)}"


def format_short(day: date) -> str:
    """``2 Nov``: day and short month in the language of the messages (for the chart)."""
    return f"{day.day} {t('service.months_short').split(',')[day.month - 1]}"
