"""The layout engine: turns a form template (data) into pages of ink and boxes, for one paper size.

It knows element types (title, section, text, fields, table, signatures, ...)
and page furniture, never a form's wording. Positions depend only on the
template and the paper, never on the values filled in, so the geometry of a
layout is fixed and can be stored and hashed.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import lru_cache

from formgen.core.config import PAPER_SIZES_MM
from formgen.forms._elements import TextElements
from formgen.forms._engine import EngineBase, round_mm
from formgen.forms._model import DocumentLayout
from formgen.forms._tables import TableElements
from formgen.forms._templates import load_common, load_template
from ocr.geometry import DocumentGeometry, PageGeometry


class _Engine(TextElements, TableElements, EngineBase):
    """Lays out one template on one paper size."""


# -- public entry points ---------------------------------------------------------------------
def layout_document(doc: str, paper: str) -> DocumentLayout:
    tf = load_template(doc)
    common = load_common()
    return _layout_cached(doc, paper, tf.digest, common.digest)


@lru_cache(maxsize=32)
def _layout_cached(doc: str, paper: str, _digest: str, _common_digest: str) -> DocumentLayout:
    tf = load_template(doc)
    common = load_common()
    engine = _Engine(tf, common, paper)
    pages = engine.layout()
    size = PAPER_SIZES_MM[paper]
    geo_pages = tuple(PageGeometry(page=p.number, marks=p.marks,
                                   qr=tuple(round_mm(v) for v in p.qr),
                                   boxes=tuple(f.box for f in p.fields)) for p in pages)
    body = json.dumps([asdict(p) for p in geo_pages], separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(
        f"{doc}|{paper}|{body}|{tf.digest}|{common.digest}".encode()).hexdigest()[:8]
    geometry = DocumentGeometry(id=digest, doc=doc, paper=paper, size_mm=size, pages=geo_pages)
    font, size_pt = engine.style("page_id")
    return DocumentLayout(doc=doc, paper=paper, size_mm=size, title=str(tf.data.get("title", "")),
                          pages=pages, geometry=geometry, qr_text_size=size_pt,
                          lines=dict(engine.names), path=str(tf.path))
