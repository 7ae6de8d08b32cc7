"""Words a clerk understands for codes: field names, document types, statuses."""
from __future__ import annotations

from formgen.core.i18n import doc_label, t

__all__ = ["doc_label", "field_label", "status_label"]


def field_label(key: str) -> str:
    """'ktp/nik' -> 'KTP · NIK'; a field of a form by its name from the catalogue."""
    kind, _, name = key.partition("/")
    doc = t(f"web.kind.{kind}", fallback=kind)
    return f"{doc} · {t(f'web.field.{name}', fallback=name.replace('_', ' '))}"


def status_label(status: str) -> str:
    return t(f"web.status.{status}", fallback=status)
