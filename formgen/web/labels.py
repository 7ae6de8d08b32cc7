"""Words a clerk understands for codes: field names, document types, statuses."""
from __future__ import annotations

from formgen.core.i18n import t


def field_label(key: str) -> str:
    """'ktp/nik' -> 'KTP · NIK'; a field of a form by its name from the catalogue."""
    kind, _, name = key.partition("/")
    doc = t(f"web.kind.{kind}", fallback=kind)
    return f"{doc} · {t(f'web.field.{name}', fallback=name.replace('_', ' '))}"


def doc_label(doc: str | None) -> str:
    return t(f"check.doc.{doc}", fallback=doc or "?") if doc else t("web.doc.unknown")


def status_label(status: str) -> str:
    return t(f"web.status.{status}", fallback=status)
