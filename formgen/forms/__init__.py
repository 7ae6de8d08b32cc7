"""Printable, fillable form packs: templates in form_templates/, laid out and drawn as PDFs.

A pack is sampul, permohonan, pengalaman_kerja and pernyataan_kebenaran (the
order is ``FORMS`` in formgen/domain/doctypes.py). In a pack PDF each document's
fields sit under a parent field named after the document (``permohonan.nama``,
``pernyataan_kebenaran.ttd_pemohon``); the combined print file of a run is
flattened (values in the page content, no fields). Geometry and field naming
are described in form_templates/README.md.
"""
from __future__ import annotations

from formgen.forms._check import check_template
from formgen.forms._layout import layout_document
from formgen.forms._packs import generate_packs, pack_docs
from formgen.forms._preview import render_preview
from formgen.forms._templates import form_names as template_names
from ocr.geometry import DocumentGeometry


def document_geometry(doc: str, paper: str) -> DocumentGeometry:
    """The geometry of ``doc`` printed on ``paper`` (A4/F4): marks, QR and every box, in mm."""
    return layout_document(doc, paper.upper()).geometry


__all__ = ["check_template", "document_geometry", "generate_packs", "layout_document",
           "pack_docs", "render_preview", "template_names"]
