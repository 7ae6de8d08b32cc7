"""File names made from roster data: never escaping their folder, valid on Windows and Linux."""
from __future__ import annotations

import re
import unicodedata

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 80


def safe_component(text: str, *, fallback: str = "tanpa_nama", max_len: int = MAX_STEM) -> str:
    """``text`` as one safe path component: ASCII letters, digits, ``_`` and ``-`` only.

    Accents are folded (É -> E), bidi controls, emoji, separators and dots
    are dropped, Windows device names are prefixed, the length is bounded.
    """
    folded = unicodedata.normalize("NFKD", text or "")
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9]+", "_", ascii_text).strip("_")
    cleaned = cleaned[:max_len].rstrip("_")
    if not cleaned:
        cleaned = fallback
    if cleaned.split("_")[0].upper() in _WINDOWS_RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


def applicant_filename(nik: str | None, nama: str | None, *, suffix: str = ".pdf",
                       applicant_id: int | None = None) -> str:
    """``<NIK>_<NAMA>.pdf`` made safe; applicants without NIK are named by their id."""
    head = nik if nik and nik.isdigit() else (f"ID{applicant_id:06d}" if applicant_id else "ID")
    return f"{head}_{safe_component((nama or '').upper())}{suffix}"


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name`` with ``-2``, ``-3``… before its suffix when already taken."""
    if name.lower() not in {t.lower() for t in taken}:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    n = 2
    lowered = {t.lower() for t in taken}
    while True:
        candidate = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
        if candidate.lower() not in lowered:
            return candidate
        n += 1
