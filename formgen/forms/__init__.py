"""Printable, fillable form packs: templates in form_templates/, laid out and drawn as PDFs.

Public API: :func:`generate_packs`, :func:`document_geometry`, :func:`render_preview`,
:func:`check_template`, :func:`template_names`.
"""
from __future__ import annotations

from ocr.geometry import DocumentGeometry

from ._check import check_template
from ._layout import layout_document
from ._packs import generate_packs, pack_docs, resolve_applicant
from ._preview import render_preview
from ._templates import form_names as template_names
from ._templates import templates_dir


def document_geometry(doc: str, paper: str) -> DocumentGeometry:
    """The geometry of ``doc`` printed on ``paper`` (A4/F4): marks, QR and every box, in mm."""
    return layout_document(doc, paper.upper()).geometry


__all__ = ["check_template", "document_geometry", "generate_packs", "layout_document",
           "pack_docs", "render_preview", "resolve_applicant", "template_names",
           "templates_dir"]
