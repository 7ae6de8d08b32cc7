"""What a diploma blank printed in its year: a ministry's or an agency's name, a title's
spelling, each in force until a last year (a group's wording in scansim/data)."""
from __future__ import annotations


def by_year(pairs, year: int) -> str:
    """The entry of ``pairs`` ([last year, text], in order) standing in ``year``."""
    return next(text for last, text in pairs if year <= last)
