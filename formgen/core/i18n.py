"""User-facing messages in Indonesian (default) or English, from formgen/core/messages/*.yaml.

Each YAML file maps a key to ``{id: ..., en: ...}``; texts are str.format
templates. Every area of the program keeps its own file, so wording stays
out of code. The command-line framework's own English words are translated
from messages/framework/<lang>.yaml, keyed by the framework's text.
"""
from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator
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


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Speak ``lang`` inside the block: papers for applicants and the LSP are Indonesian
    whatever language the clerk's screen speaks."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


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


def has_message(key: str) -> bool:
    return key in _catalog()


def message_keys() -> list[str]:
    return sorted(_catalog())


@cache
def _framework_table(lang: str) -> dict[str, str]:
    from formgen.core.yamlfile import parse_yaml

    path = _MESSAGES_DIR / "framework" / f"{lang}.yaml"
    if not path.is_file():
        return {}
    return dict(parse_yaml(path.read_bytes()) or {})


def framework_text(message: str) -> str:
    """A word of the command-line framework (its English text) in the current language."""
    return _framework_table(get_language()).get(message, message)


def framework_ntext(singular: str, plural: str, n: int) -> str:
    """``framework_text`` of the singular or plural form, as gettext's ngettext chooses."""
    return framework_text(singular if n == 1 else plural)


def say_value(value: object) -> str:
    """A finding's value as a person writes it: ya/tidak, a number with a decimal comma
    in Indonesian, '-' for nothing; never a Python literal."""
    if value is None or value == "":
        return t("value.none")
    if isinstance(value, bool):
        return t("value.yes" if value else "value.no")
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if get_language() == "id" else text
    if isinstance(value, (list, tuple)):
        return ", ".join(say_value(v) for v in value)
    return str(value)


def _words(name: str) -> str:
    return name.replace("_", " ")


def field_label(name: str) -> str:
    """A form field or roster column as people call it ('tanggal lahir', 'proyek ke-2, lokasi')."""
    if has_message(f"field.{name}"):
        return t(f"field.{name}")
    row = re.fullmatch(r"proyek_(\d+)_(\w+)", name)
    if row and has_message(f"field.proyek.{row[2]}"):
        return t("field.proyek_row", row=row[1], column=t(f"field.proyek.{row[2]}"))
    return _words(name)


def doc_label(doc: str | None) -> str:
    """A document type as people call it ('formulir permohonan', 'KTP')."""
    key = f"doc.{doc or 'unknown'}"
    return t(key) if has_message(key) else _words(str(doc))


def finding_label(kind: str, name: str) -> str:
    """What a finding is about, in words ('ukuran pas foto (3 x 4)')."""
    if kind == "field":
        return field_label(name)
    if kind == "signature" and has_message(f"check.who.{name}"):
        return t("finding.signature", who=t(f"check.who.{name}"))
    key = f"finding.{kind}.{name}"
    return t(key) if has_message(key) else f"{doc_label(kind)}: {_words(name)}"
