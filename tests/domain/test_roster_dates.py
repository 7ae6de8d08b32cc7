"""Dates as rosters write them, and every way formgen prints them."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from formgen.core.errors import InputError
from formgen.core.i18n import set_language
from formgen.domain.dates import (
    format_numeric,
    format_short,
    format_span,
    format_tanggal,
    month_names,
    parse_date,
)


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


@pytest.mark.parametrize(("value", "printed"), [
    ("1990-03-12", "12-03-1990"),
    (date(2026, 1, 2), "02-01-2026"),
    (" 2019-03-07 ", "07-03-2019"),
    ("2019-03", "03-2019"),
    ("2026-11-30T10:15:00", "30-11-2026"),
    ("2026-11-30 10:15:00", "30-11-2026"),
    ("2019-02-30", "2019-02-30"),
    ("sejak 2019", "sejak 2019"),
    ("", ""),
    (None, ""),
])
def test_format_numeric(value, printed):
    assert format_numeric(value) == printed


def test_format_span():
    assert format_span(date(2026, 11, 5), date(2026, 11, 5)) == "5 November 2026"
    assert format_span(date(2026, 11, 2), date(2026, 11, 4)) == "2–4 November 2026"
    assert format_span(date(2026, 11, 28), date(2026, 12, 2)) == "28 November – 2 Desember 2026"
    assert format_span(date(2026, 12, 30), date(2027, 1, 2)) == \
        "30 Desember 2026 – 2 Januari 2027"


def test_format_short_follows_the_language():
    assert format_short(date(2026, 8, 3)) == "3 Agu"
    set_language("en")
    try:
        assert format_short(date(2026, 8, 3)) == "3 Aug"
    finally:
        set_language("id")


def test_no_other_month_names_in_the_product():
    """The Indonesian month names are written once, in formgen/data/bulan.yaml."""
    root = Path(__file__).resolve().parents[2]
    holders = [p.relative_to(root).as_posix()
               for folder in ("formgen", "ocr", "form_templates")
               for p in (root / folder).rglob("*") if p.suffix in (".py", ".yaml", ".j2")
               and "Oktober" in p.read_text(encoding="utf-8")]
    assert holders == ["formgen/data/bulan.yaml"]
