"""Previewing one template with synthetic sample data (form_templates/_sample.yaml)."""
from __future__ import annotations

import io
from pathlib import Path

import tomllib

from formgen.core.atomic import write_bytes
from formgen.core.config import PAPER_SIZES_MM, Settings, parse_settings, render_default_toml
from formgen.core.errors import UsageError
from formgen.core.i18n import t
from formgen.forms._layout import layout_document
from formgen.forms._packs import PackPrinter
from formgen.forms._pdfwriter import PdfWriter
from formgen.forms._templates import load_file, template_path
from formgen.forms._values import applicant_values

PREVIEW_WORKSPACE = "CONTOH"


def default_settings() -> Settings:
    return parse_settings(tomllib.loads(render_default_toml(workspace_id=PREVIEW_WORKSPACE)))


def sample_values() -> dict[str, str]:
    data = load_file(template_path("_sample")).data
    return applicant_values(dict(data["applicant"]), [dict(e) for e in data["experience"]])


def render_preview(name: str, out: Path, *, paper: str = "A4",
                   settings: Settings | None = None, blank: bool = False) -> int:
    """Write template ``name`` filled with sample data to ``out``; returns the page count."""
    paper = paper.upper()
    if paper not in PAPER_SIZES_MM:
        raise UsageError(t("forms.paper_unknown", paper=paper), code="bad_paper")
    settings = settings or default_settings()
    layout = layout_document(name, paper)
    printer = PackPrinter(settings, paper, docs=[name])
    buffer = io.BytesIO()
    pdf = PdfWriter(buffer, size_mm=layout.size_mm, settings=settings, title=layout.title)
    pages = printer.draw(pdf, pack=1, applicant_id=None if blank else 1,
                         values={} if blank else sample_values())
    pdf.save()
    write_bytes(Path(out), buffer.getvalue())
    return pages
