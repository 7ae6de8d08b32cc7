"""Dates as rosters write them, and as forms print them."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from formgen.core.errors import InputError
from formgen.core.i18n import set_language
from formgen.domain.dates import format_tanggal, month_names, parse_date


@pytest.mark.parametrize(("value", "expected"), [
    ("1990-05-15", date(1990, 5, 15)),
    ("15-05-1990", date(1990, 5, 15)),
    ("15/05/1990", date(1990, 5, 15)),
    ("5/1/2001", date(2001, 1, 5)),
    (" 1990-05-15 ", date(1990, 5, 15)),
    ("1990-05-15 00:00:00", date(1990, 5, 15)),
    (datetime(1990, 5, 15), date(1990, 5, 15)),
    (date(1990, 5, 15), date(1990, 5, 15)),
])
def test_accepted_forms(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [
    "", None, "15 Mei 1990", "1990/05/15", "15-05-90", "31-02-1990", "1990-13-01",
    "15-05/1990", 33008, 33008.0, "tomorrow", "=TODAY()",
])
def test_refused_with_a_clear_error(value):
    with pytest.raises(InputError) as info:
        parse_date(value)
    assert info.value.code == "bad_date"
    assert "TTTT-BB-HH" in info.value.message


def test_error_in_english():
    set_language("en")
    try:
        with pytest.raises(InputError, match="YYYY-MM-DD"):
            parse_date("15 May 1990")
    finally:
        set_language("id")


def test_format_tanggal():
    assert format_tanggal(date(1990, 5, 15)) == "15 Mei 1990"
    assert format_tanggal(date(2026, 1, 1)) == "1 Januari 2026"
    assert format_tanggal(date(2026, 8, 17)) == "17 Agustus 2026"
    assert len(month_names()) == 12 and month_names()[11] == "Desember"
