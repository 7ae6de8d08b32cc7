"""What is known of an input file before its pages are read: kind, pages, a filled form's values.

A PDF filled in a PDF reader carries its values as form fields; they are read here once
per file (with pypdf, which sees the fields pdfium leaves to the page) and given to each
page's reading (:func:`ocr.page.read_page`).
"""
from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from ocr.errors import BadInput
from ocr.load import extract_form_fields, open_document, sniff_kind

log = logging.getLogger(__name__)

_EMPTY_VALUES = ("", "Off")
_MAX_FIELD_DEPTH = 32  # a /Parent chain longer than this is a broken (looping) form


@dataclass
class SourceFile:
    kind: str                    # pdf | tiff | jpeg | png
    page_count: int
    repaired: bool               # a damaged PDF rebuilt; ``page_count`` is what was recovered
    # a filled form's values by page index, then by full field name ("<doc>.<field>")
    form_values: dict[int, dict[str, str]] = field(default_factory=dict)


def describe_file(path: Path) -> SourceFile:
    """Open ``path`` by its content and say what it holds; BadInput when it cannot be read."""
    kind = sniff_kind(path)
    with open_document(path) as document:
        page_count, repaired = document.page_count, document.repaired
    values = form_values_by_page(path) if kind == "pdf" and not repaired else {}
    return SourceFile(kind, page_count, repaired, values)


def form_values_by_page(path: Path) -> dict[int, dict[str, str]]:
    """The values of a filled PDF form (e.g. a pack filled in a PDF reader), by page index.

    Field names are ``<doc>.<field>``; the page of each comes from its widget.
    Empty values are left out. A PDF without a form, or whose form cannot be
    read, gives ``{}`` (its pages are read by OCR like any scan).
    """
    try:
        values = {k: v for k, v in extract_form_fields(path).items() if v not in _EMPTY_VALUES}
    except BadInput:
        return {}
    if not values:
        return {}
    by_page: dict[int, dict[str, str]] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(str(path), strict=False)
            if reader.is_encrypted:
                reader.decrypt("")
            for index, page in enumerate(reader.pages):
                for annot in page.get("/Annots") or []:
                    name = _full_field_name(annot.get_object())
                    if name in values:
                        by_page.setdefault(index, {})[name] = values[name]
    except Exception:  # a broken form is read by OCR instead
        log.debug("form fields of %s not placed on pages", path.name, exc_info=True)
        return {}
    return by_page


def _full_field_name(widget) -> str | None:
    parts = []
    node, depth = widget, 0
    while node is not None and depth < _MAX_FIELD_DEPTH:
        if "/T" in node:
            parts.append(str(node["/T"]))
        parent = node.get("/Parent")
        node, depth = (parent.get_object() if parent is not None else None), depth + 1
    return ".".join(reversed(parts)) or None
