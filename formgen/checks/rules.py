"""The requirement rules of the service standard, read from form_templates/rules.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from formgen.core.errors import TemplateError
from formgen.core.i18n import t
from formgen.core.resources import template_path
from formgen.core.yamlfile import load_file
from formgen.domain.doctypes import HANDED_IN

REQUIREMENT_CODES = HANDED_IN  # one requirement per document handed in, in this order
CHECKS = ("all_pages", "signed", "materai", "nik_valid", "nik_roster", "flag", "equals",
          "name_match", "color", "jenjang", "unique_nik", "fields")
_NEEDS_FINDING = {"flag", "equals", "name_match", "color", "jenjang"}


@dataclass(frozen=True)
class Requirement:
    code: str
    title: str
    docs: tuple[str, ...]
    rules: tuple[dict, ...]
    ocr: bool = True
    short: str = ""


@dataclass(frozen=True)
class Rules:
    requirements: tuple[Requirement, ...]
    min_confidence: float  # a finding less sure than this is doubtful: a person looks
    name_ok: float         # name similarity (0-100) at or above which two names agree
    name_review: float     # ... at or above which they are close: a person decides
    levels: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    def requirement(self, code: str) -> Requirement:
        return next(r for r in self.requirements if r.code == code)

    def level_rank(self, text: object) -> tuple[int, str] | None:
        """(rank, code) of an education level written as ``text`` ('SMK', 'S-1', 'D III'…)."""
        if not isinstance(text, str) or not text.strip():
            return None
        norm = _norm_level(text)
        for rank, (code, aliases) in enumerate(self.levels):
            if norm in {_norm_level(a) for a in (code, *aliases)}:
                return rank, code
        return None


def _norm_level(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


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
            if rule.get("on_fail", "invalid") not in ("invalid", "review"):
                raise bad(f"{code}: on_fail {rule.get('on_fail')!r} (invalid / review)", rule)
        requirements.append(Requirement(code=code, title=str(item.get("title", code)),
                                        docs=tuple(item.get("docs") or (code,)), rules=rules,
                                        ocr=bool(item.get("ocr", True)),
                                        short=str(item.get("short") or code)))
    codes = tuple(r.code for r in requirements)
    if codes != REQUIREMENT_CODES:
        raise bad(f"requirements must be {', '.join(REQUIREMENT_CODES)} in this order; "
                  f"found {', '.join(map(str, codes))}", data.get("requirements"))
    th = data.get("thresholds") or {}
    missing = [k for k in ("min_confidence", "name_ok", "name_review") if k not in th]
    if missing:
        raise bad(f"thresholds: {', '.join(missing)}", th or data)
    levels = tuple((str(lv["code"]), tuple(str(a) for a in lv.get("aliases") or ()))
                   for lv in data.get("education_levels") or ())
    try:
        return Rules(requirements=tuple(requirements),
                     min_confidence=float(th["min_confidence"]),
                     name_ok=float(th["name_ok"]),
                     name_review=float(th["name_review"]), levels=levels)
    except (TypeError, ValueError) as exc:
        raise bad(f"thresholds: {exc}", th) from exc
