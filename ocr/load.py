"""Open an input file (PDF, TIFF, JPEG, PNG) as a document of pages rendered one at a time.

The kind is told by content, never by the file name. Failures become
:class:`ocr.errors.BadInput` with a stable reason code. PDFs are read in
``ocr.load_pdf``, images (phone photos too) in ``ocr.load_image``.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PIL import Image

from ocr.errors import BadInput
from ocr.load_common import Document
from ocr.load_image import ImageDocument
from ocr.load_pdf import PdfDocument, pdf_form_fields

__all__ = ["DEFAULT_MAX_PAGES", "Document", "extract_form_fields", "iter_pages",
           "open_document", "sniff_kind"]

DEFAULT_MAX_PAGES = 2000
SNIFF_BYTES = 1024


def sniff_kind(path: str | Path) -> str:
    """``"pdf"``, ``"tiff"``, ``"jpeg"`` or ``"png"`` from the file's first bytes."""
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not head:
        raise BadInput("empty_file", "the file is empty (0 bytes)", path=path.name)
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if b"%PDF-" in head:  # the PDF header may follow a little junk
        return "pdf"
    raise BadInput("not_a_document", f"content looks like {_describe(head)}, not PDF/TIFF/JPEG/PNG",
                   path=path.name)


def _describe(head: bytes) -> str:
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in lowered:
        return "HTML"
    if lowered.startswith(b"<?xml") or lowered.startswith(b"<"):
        return "XML/markup"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "unknown binary data"
    return "text"


def open_document(path: str | Path, *, max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    """Open ``path`` by its content; raise BadInput (with a reason code) when it cannot be read."""
    path = Path(path)
    kind = sniff_kind(path)
    if kind == "pdf":
        return PdfDocument(path, max_pages=max_pages)
    return ImageDocument(path, kind, max_pages=max_pages)


def iter_pages(path: str | Path, *, dpi: int = 200,
               max_pages: int = DEFAULT_MAX_PAGES) -> Iterator[tuple[int, Image.Image]]:
    """``(index, image)`` for every page of ``path``, rendered one at a time."""
    with open_document(path, max_pages=max_pages) as doc:
        for index in range(doc.page_count):
            yield index, doc.render(index, dpi)


def extract_form_fields(path: str | Path) -> dict[str, str]:
    """Values of a filled AcroForm PDF's text, choice and button fields, by full field name.

    Checkbox values come without the leading slash (``"Yes"``, ``"Off"``). Signature
    fields are left out. A file that is no PDF, or a PDF without a form, gives ``{}``.
    """
    path = Path(path)
    if sniff_kind(path) != "pdf":
        return {}
    return pdf_form_fields(path)
