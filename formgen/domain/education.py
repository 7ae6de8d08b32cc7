"""Education levels (SD to S3) and the ways they are written, from rules.yaml only.

The ``education_levels`` section of the rules file lists the levels from low to high,
each with its aliases: how a roster writes it ("SLTA", "S-1") and how a diploma's title
prints it ("SEKOLAH MENENGAH KEJURUAN", "PROGRAM PAKET C", "AHLI MADYA"). The roster
check, the comparison with what was read and the ijazah reader all use this module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from formgen.core.resources import template_path
from formgen.core.yamlfile import load_file

# An alias with a space in it, or this long, is a phrase: found in running text in any
# case. Shorter ones ("SD", "MTs", "D-I") are abbreviations: only whole words not written
# in small letters, since "ma" or "sd" are also ordinary words or fragments of them.
PHRASE_MIN = 6


@dataclass(frozen=True)
class Level:
    code: str
    rank: int
    aliases: tuple[str, ...]


def norm(text: str) -> str:
    """Upper case, letters and digits only: 'S-1' -> 'S1', 'Paket C' -> 'PAKETC'."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def parse_levels(data: object) -> tuple[Level, ...]:
    """The levels of a parsed ``education_levels`` list (low to high)."""
    levels = []
    for rank, item in enumerate(data or ()):
        code = str(item["code"])
        aliases = tuple(str(a) for a in item.get("aliases") or ())
        levels.append(Level(code, rank, (code, *aliases)))
    return tuple(levels)


def _rules(path: Path | None = None):
    return load_file(Path(path) if path else template_path("rules.yaml"), code="bad_rules",
                     message="check.bad_rules")


def levels(path: Path | None = None) -> tuple[Level, ...]:
    """The levels in force: rules.yaml of the office's templates, else the shipped one."""
    rules = _rules(path)
    if rules.digest not in _PARSED:
        _PARSED[rules.digest] = parse_levels(rules.data.get("education_levels"))
    return _PARSED[rules.digest]


_PARSED: dict[str, tuple[Level, ...]] = {}   # by the rules file's sha256


def find_level(text: object, table: tuple[Level, ...] | None = None) -> Level | None:
    """The level written as ``text`` ('SMK', 'S-1', 'D III', 'Paket C'); None when unknown."""
    if not isinstance(text, str) or not text.strip():
        return None
    key = norm(text)
    for level in table if table is not None else levels():
        if key in {norm(a) for a in level.aliases}:
            return level
    return None


def level_code(text: object) -> str | None:
    """The code ('SMA', 'S1') of an education level as written; None when unknown."""
    found = find_level(text)
    return found.code if found else None


def _capitals(word: str) -> bool:
    """Whether an abbreviation found in text is written as one: its first two letters in
    capitals ('SMA', 'MTs', 'D-III'). 'Mi' or 'Ma' is a word or a name read, no level."""
    letters = [c for c in word if c.isalpha()][:2]
    return all(c.isupper() for c in letters)


@dataclass(frozen=True)
class LevelMention:
    """An alias of a level found in running text, at ``start:end`` of it."""

    code: str
    alias: str
    start: int
    end: int
    phrase: bool


@cache
def _patterns(table: tuple[Level, ...]) -> tuple[tuple[str, str, re.Pattern, bool], ...]:
    out = []
    for level in table:
        for alias in level.aliases:
            words = re.split(r"[\s-]+", alias.strip())
            phrase = " " in alias.strip() or len(norm(alias)) >= PHRASE_MIN
            # 'D-I' must keep its hyphen (or a space) in text: 'DI' alone is a word.
            body = (r"[\s\-.]*" if phrase else r"[\s\-.]+").join(re.escape(w) for w in words if w)
            out.append((level.code, alias, re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])",
                                                      re.IGNORECASE), phrase))
    return tuple(out)


def not_levels(path: Path | None = None) -> tuple[str, ...]:
    """Phrases that hold a level's alias but name no level (``education_not_levels``: a
    programme that trains teachers for primary school is no primary school)."""
    return tuple(str(p) for p in _rules(path).data.get("education_not_levels") or ())


@cache
def _phrase_patterns(phrases: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(r"[\s\-.]*".join(re.escape(w) for w in re.split(r"[\s-]+", p)
                                            if w), re.IGNORECASE) for p in phrases)


def mentions(text: str, table: tuple[Level, ...] | None = None) -> list[LevelMention]:
    """Every level alias in ``text``, the longest where aliases overlap ('SARJANA
    TERAPAN' over 'SARJANA', 'DIPLOMA III' over 'DIPLOMA II'), in reading order; with
    the levels in force (no ``table``), none within a phrase that names no level
    (:func:`not_levels`)."""
    found = []
    blocked = [] if table is not None else \
        [m.span() for p in _phrase_patterns(not_levels()) for m in p.finditer(text)]
    for code, alias, pattern, phrase in _patterns(table if table is not None else levels()):
        for m in pattern.finditer(text):
            if not phrase and not _capitals(m.group()) or \
                    any(m.start() < end and start < m.end() for start, end in blocked):
                continue
            found.append(LevelMention(code, alias, m.start(), m.end(), phrase))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[LevelMention] = []
    for m in sorted(found, key=lambda m: -(m.end - m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)
