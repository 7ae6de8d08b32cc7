"""User-facing messages in Indonesian (default) or English, from formgen/messages/*.yaml.

Each YAML file maps a key to ``{id: ..., en: ...}``; texts are str.format
templates. Every area of the program keeps its own file, so wording stays
out of code.
"""
from __future__ import annotations

import contextvars
from functools import cache
from pathlib import Path

LANGUAGES = ("id", "en")
_MESSAGES_DIR = Path(__file__).with_name("messages")
_language: contextvars.ContextVar[str] = contextvars.ContextVar("formgen_language", default="id")


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _language.set(lang)


def get_language() -> str:
    return _language.get()


@cache
def _catalog() -> dict[str, dict[str, str]]:
    # imported here: the YAML reader words its own errors through this module
    from formgen.core.yamlfile import YamlSyntaxError, parse_yaml

    catalog: dict[str, dict[str, str]] = {}
    for path in sorted(_MESSAGES_DIR.glob("*.yaml")):
        try:
            data = parse_yaml(path.read_bytes()) or {}
        except YamlSyntaxError as exc:
            raise RuntimeError(f"{path.name}:{exc.line or 1}: {exc.detail}") from exc
        for key, texts in data.items():
            if key in catalog:
                raise RuntimeError(f"{path.name}: message key {key!r} defined twice")
            catalog[key] = texts
    return catalog


def t(key: str, lang: str | None = None, *, fallback: str | None = None,
      **values: object) -> str:
    """The message ``key`` in the current language, formatted with ``values``.

    ``fallback`` is returned for a key with no message (e.g. a reason code
    that a newer reader produced); without it a missing key is an error.
    """
    texts = _catalog().get(key)
    if texts is None:
        if fallback is not None:
            return fallback
        raise KeyError(f"no message {key!r} in formgen/messages")
    text = texts.get(lang or get_language()) or texts["id"]
    return text.format(**values) if values else text
