"""Spreadsheet cells never start a formula."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from formgen.core.cells import safe_cell

FORMULA_START = ("=", "+", "-", "@")


def test_examples():
    assert safe_cell('=HYPERLINK("http://x","klik")') == '\'=HYPERLINK("http://x","klik")'
    assert safe_cell("+6281234567890") == "'+6281234567890"
    assert safe_cell("@budi") == "'@budi"
    assert safe_cell("-1") == "'-1"
    assert safe_cell("Budi") == "Budi"
    assert safe_cell("6201021505900001") == "6201021505900001"
    assert safe_cell(None) == ""
    assert safe_cell(3) == 3


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=50), st.none(), st.integers(), st.floats(allow_nan=False)))
def test_never_starts_a_formula(value):
    cell = safe_cell(value)
    if isinstance(cell, str):
        assert not cell.startswith(FORMULA_START)
        assert not cell.startswith(("\t", "\r"))
        if isinstance(value, str) and value:
            assert cell.endswith(value)  # the text itself is kept
    else:
        assert cell == value
