"""The requirement rules of the service standard, read from form_templates/rules.yaml."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from formgen.core.errors import TemplateError
from formgen.core.i18n import t
from formgen.core.resources import template_path
from formgen.domain.education import Level, find_level, parse_levels

REQUIREMENT_CODES = ("permohonan", "pengalaman_kerja", "pernyataan_kebenaran", "ktp", "ijazah",
                     "pas_foto")
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
    min_confidence: float = 0.6
    name_ok: float = 88.0
    name_review: float = 70.0
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
    def bad(detail: str) -> TemplateError:
        return TemplateError(t("check.bad_rules", detail=detail), path=str(path),
                             code="bad_rules")

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise bad(str(exc)) from exc
    requirements = []
    for item in data.get("requirements") or []:
        code = item.get("code")
        rules = tuple(item.get("rules") or ())
        for rule in rules:
            if rule.get("check") not in CHECKS:
                raise bad(f"{code}: check {rule.get('check')!r} ({', '.join(CHECKS)})")
            if rule["check"] in _NEEDS_FINDING and "/" not in str(rule.get("finding", "")):
                raise bad(f"{code}: {rule['check']} needs finding: kind/name")
            for key in ("on_fail", "not_valid_status"):
                if rule.get(key, "invalid") not in ("invalid", "review"):
                    raise bad(f"{code}: {key} {rule.get(key)!r} (invalid / review)")
            if not isinstance(rule.get("not_valid", {}), dict):
                raise bad(f"{code}: not_valid must map a kind of materai to a message key")
        requirements.append(Requirement(code=code, title=str(item.get("title", code)),
                                        docs=tuple(item.get("docs") or (code,)), rules=rules,
                                        ocr=bool(item.get("ocr", True)),
                                        short=str(item.get("short") or code)))
    codes = tuple(r.code for r in requirements)
    if codes != REQUIREMENT_CODES:
        raise bad(f"requirements must be {', '.join(REQUIREMENT_CODES)} in this order; "
                  f"found {', '.join(map(str, codes))}")
    th = data.get("thresholds") or {}
    try:
        levels = parse_levels(data.get("education_levels"))
        return Rules(requirements=tuple(requirements),
                     min_confidence=float(th.get("min_confidence", 0.6)),
                     name_ok=float(th.get("name_ok", 88)),
                     name_review=float(th.get("name_review", 70)), levels=levels)
    except (TypeError, ValueError, KeyError) as exc:
        raise bad(f"thresholds / education_levels: {exc}") from exc
