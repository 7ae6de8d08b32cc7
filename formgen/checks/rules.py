"""The requirement rules of the service standard, read from form_templates/rules.yaml."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from formgen.core.errors import TemplateError
from formgen.core.i18n import get_language, t
from formgen.core.resources import template_path
from formgen.core.yamlfile import load_file
from formgen.domain.doctypes import HANDED_IN
from formgen.domain.education import Level, find_level, parse_levels

REQUIREMENT_CODES = HANDED_IN  # one requirement per document handed in, in this order
CHECKS = ("all_pages", "signed", "materai", "nik_valid", "nik_roster", "flag", "equals",
          "name_match", "color", "jenjang", "unique_nik", "fields", "table_rows")
ROSTER_TABLES = ("experience",)  # roster tables a table_rows rule may count
_NEEDS_FINDING = {"flag", "equals", "name_match", "color", "jenjang"}


@dataclass(frozen=True)
class Requirement:
    code: str
    title: str
    docs: tuple[str, ...]
    rules: tuple[dict, ...]
    ocr: bool = True
    short: str = ""
    english: tuple[str, str] = ("", "")  # (title, short) shown in English runs

    def label(self, *, short: bool = False) -> str:
        """The title (or short title) in the run's language; letters and dossiers keep the
        service standard's Indonesian ``title``."""
        if get_language() == "en" and self.english[short]:
            return self.english[short]
        return self.short if short else self.title


@dataclass(frozen=True)
class Rules:
    requirements: tuple[Requirement, ...]
    min_confidence: float  # a finding less sure than this is doubtful: a person looks
    name_ok: float         # name similarity (0-100) at or above which two names agree
    name_review: float     # ... at or above which they are close: a person decides
    levels: tuple[Level, ...] = field(default=())

    def requirement(self, code: str) -> Requirement:
        return next(r for r in self.requirements if r.code == code)

    def level_rank(self, text: object) -> tuple[int, str] | None:
        """(rank, code) of an education level written as ``text`` ('SMK', 'S-1', 'D III'…)."""
        level = find_level(text, self.levels)
        return (level.rank, level.code) if level else None


def load_rules(path: Path | None = None) -> Rules:
    """The rules in force: ``path``, or rules.yaml of the office's templates or the shipped ones."""
    return _load_rules(Path(path) if path else template_path("rules.yaml"))


@cache
def _load_rules(path: Path) -> Rules:
    """Parse and validate the rules file; a broken file is a TemplateError naming it."""
    tf = load_file(path, code="bad_rules", message="check.bad_rules")
    data = tf.data

    def bad(detail: str, node: object = None) -> TemplateError:
        return tf.error(t("check.bad_rules", detail=detail), node, code="bad_rules")

    requirements = []
    for item in data.get("requirements") or []:
        code = item.get("code")
        rules = tuple(item.get("rules") or ())
        for rule in rules:
            if rule.get("check") not in CHECKS:
                raise bad(f"{code}: check {rule.get('check')!r} ({', '.join(CHECKS)})", rule)
            if rule["check"] in _NEEDS_FINDING and "/" not in str(rule.get("finding", "")):
                raise bad(f"{code}: {rule['check']} needs finding: kind/name", rule)
            if rule["check"] == "table_rows" and (
                    "{i}" not in str(rule.get("fields", ""))
                    or rule.get("roster", ROSTER_TABLES[0]) not in ROSTER_TABLES):
                raise bad(f"{code}: table_rows needs fields: name_{{i}}_ "
                          f"and roster: {' / '.join(ROSTER_TABLES)}", rule)
            for key in ("on_fail", "not_valid_status"):
                if rule.get(key, "invalid") not in ("invalid", "review"):
                    raise bad(f"{code}: {key} {rule.get(key)!r} (invalid / review)", rule)
            if not isinstance(rule.get("not_valid", {}), dict):
                raise bad(f"{code}: not_valid must map a kind of materai to a message key", rule)
        requirements.append(Requirement(code=code, title=str(item.get("title", code)),
                                        docs=tuple(item.get("docs") or (code,)), rules=rules,
                                        ocr=bool(item.get("ocr", True)),
                                        short=str(item.get("short") or code),
                                        english=(str(item.get("title_en") or ""),
                                                 str(item.get("short_en") or ""))))
    codes = tuple(r.code for r in requirements)
    if codes != REQUIREMENT_CODES:
        raise bad(f"requirements must be {', '.join(REQUIREMENT_CODES)} in this order; "
                  f"found {', '.join(map(str, codes))}", data.get("requirements"))
    th = data.get("thresholds") or {}
    missing = [k for k in ("min_confidence", "name_ok", "name_review") if k not in th]
    if missing:
        raise bad(f"thresholds: {', '.join(missing)}", th or data)
    try:
        levels = parse_levels(data.get("education_levels"))
    except (TypeError, KeyError, AttributeError) as exc:
        raise bad(f"education_levels: {exc}", data.get("education_levels")) from exc
    try:
        return Rules(requirements=tuple(requirements),
                     min_confidence=float(th["min_confidence"]),
                     name_ok=float(th["name_ok"]),
                     name_review=float(th["name_review"]), levels=levels)
    except (TypeError, ValueError) as exc:
        raise bad(f"thresholds: {exc}", th) from exc
