"""Spreadsheet cells that never start a formula (CSV/formula injection)."""
from __future__ import annotations

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` for a spreadsheet cell: text that could start a formula gets a leading ``'``.

    Numbers stay numbers; a NIK must be passed as text (it is 16 digits, not a number).
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
