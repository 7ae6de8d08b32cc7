"""One locator for the data formgen ships: forms, rules, stages, wording, letters, package data.

The shipped set is the installed package ``form_templates`` (found by importlib.resources,
so a wheel or pipx install finds it as the source tree does). An office may keep its own
copy (``formgen template export DIR`` starts one) and name it in formgen.toml
(``[templates] dir = ...``) or in FORMGEN_TEMPLATES: a file there is used instead of the
shipped one of the same name, so an office overrides only what it changed.
"""
from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from formgen.core.atomic import ensure_dir, write_bytes

TEMPLATES_ENV = "FORMGEN_TEMPLATES"

# The office folder named by the workspace being used (one workspace per process).
_office_dir: Path | None = None


def shipped_templates() -> Path:
    """The form_templates package as installed."""
    return Path(str(files("form_templates")))


def package_data(*parts: str) -> Path:
    """A file of formgen's own data (formgen/data/...): regions, months, demo plan."""
    return Path(str(files("formgen").joinpath("data", *parts)))


def use_office_templates(folder: Path | None) -> None:
    """Use ``folder`` (the workspace's [templates] dir) before the shipped templates."""
    global _office_dir
    _office_dir = Path(folder) if folder else None


def office_templates() -> Path | None:
    env = os.environ.get(TEMPLATES_ENV)
    if env:
        return Path(env)
    return _office_dir


def template_dirs() -> list[Path]:
    """Where templates are looked up, the office's folder first."""
    office = office_templates()
    shipped = shipped_templates()
    return [office, shipped] if office and office != shipped else [shipped]


def template_path(*parts: str) -> Path:
    """The template file ``parts`` (e.g. "checklist", "letter.yaml"): office copy or shipped."""
    for folder in template_dirs():
        path = folder.joinpath(*parts)
        if path.exists():
            return path
    return shipped_templates().joinpath(*parts)


def template_files(pattern: str) -> list[Path]:
    """Template files matching ``pattern`` in the top folder, an office copy hiding its twin."""
    found: dict[str, Path] = {}
    for folder in reversed(template_dirs()):
        for path in folder.glob(pattern):
            found[path.name] = path
    return [found[name] for name in sorted(found)]


def export_templates(dest: Path) -> list[Path]:
    """Copy the shipped templates into ``dest`` (a new or empty folder) for an office to edit."""
    src = shipped_templates()
    written = []
    for path in sorted(src.rglob("*")):
        if path.is_dir() or path.name == "__init__.py" or "__pycache__" in path.parts:
            continue
        target = dest / path.relative_to(src)
        ensure_dir(target.parent)
        write_bytes(target, path.read_bytes())
        written.append(target)
    return written
