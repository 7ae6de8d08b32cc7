"""The work on one page, run in a worker process: render, upright, identify, register, read.

Workers only read the original and write the page's own image (a derived,
idempotent file); every database write happens in the parent, which gets a
``PageResult`` back.
"""
from __future__ import annotations

import errno
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from formgen.core.atomic import atomic_open
from ocr.attachments import read_attachment_page
from ocr.errors import BadInput
from ocr.findings import Finding
from ocr.formpage import read_form_boxes
from ocr.geometry import DocumentGeometry
from ocr.imaging import is_color, pixels
from ocr.load import open_document
from ocr.pageid import PageId
from ocr.qr import identify
from ocr.register import register_page
from ocr.upright import make_upright

log = logging.getLogger(__name__)

PAGE_IMAGE_QUALITY = 85
CROP_DPI = 200


@dataclass(frozen=True)
class PageTask:
    sha256: str
    index: int
    source: str          # archived original (absolute path)
    image_path: str      # where the upright page image goes (absolute path)
    dpi: int


@dataclass
class PageResult:
    sha256: str
    index: int
    error: str | None = None
    error_code: str | None = None
    rotation: int = 0
    skew: float = 0.0
    is_color: bool = False
    qr_status: str = "none"          # ok | none | unreadable
    page_id: PageId | None = None
    doc: str | None = None           # from the QR, or the attachment classifier
    doc_confidence: float = 0.0
    registered: bool | None = None
    residual_mm: float | None = None
    findings: list[Finding] = field(default_factory=list)


# Per worker process: the layouts printed in this workspace (id -> geometry),
# given once by the pool initializer, and the document last opened.
_LAYOUTS: dict[str, DocumentGeometry] = {}
_OPEN: dict[str, object] = {}


def init_worker(layouts: dict[str, str]) -> None:
    _LAYOUTS.clear()
    _LAYOUTS.update({k: DocumentGeometry.from_json(v) for k, v in layouts.items()})


def _document(path: str):
    doc = _OPEN.get(path)
    if doc is None:
        for old in _OPEN.values():
            old.close()
        _OPEN.clear()
        doc = _OPEN[path] = open_document(Path(path))
    return doc


def close_documents() -> None:
    for doc in _OPEN.values():
        doc.close()
    _OPEN.clear()


def process_page(task: PageTask) -> PageResult:
    """Everything about one page; a failure becomes a result with an error, never a crash."""
    result = PageResult(sha256=task.sha256, index=task.index)
    try:
        image = _document(task.source).render(task.index, task.dpi)
        _read_page(image, task, result)
    except BadInput as exc:
        result.error, result.error_code = exc.detail or str(exc), exc.code
    except MemoryError:
        result.error, result.error_code = "page too large", "page_too_large"
    except OSError as exc:
        if not _workspace_write_failed(exc, task):
            log.debug("page %s:%d failed", task.sha256[:12], task.index, exc_info=True)
        result.error = exc.strerror or str(exc)
        result.error_code = "unreadable_page"
        if _workspace_write_failed(exc, task):  # the parent stops the run: nothing to review
            result.error_code = ("disk_full" if exc.errno in (errno.ENOSPC, errno.EDQUOT)
                                 else "workspace_not_writable")
    except Exception as exc:  # one bad page must not stop the batch
        log.debug("page %s:%d failed", task.sha256[:12], task.index, exc_info=True)
        result.error, result.error_code = f"{type(exc).__name__}: {exc}", "unreadable_page"
    return result


def _workspace_write_failed(exc: OSError, task: PageTask) -> bool:
    """True when the page image could not be written: the workspace is full or read-only."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
        return True
    pages_dir = os.path.dirname(os.path.dirname(task.image_path))
    return exc.errno in (errno.EACCES, errno.EPERM) and str(exc.filename or "").startswith(
        pages_dir)


def _read_page(image, task: PageTask, result: PageResult) -> None:
    identity = identify(image)
    result.qr_status = identity.status
    if identity.page_id is not None:
        upright = make_upright(image, qr_hits=[identity.hit])
        result.page_id = identity.page_id
        result.doc, result.doc_confidence = identity.page_id.doc, 1.0
        result.is_color = bool(is_color(upright.image))
        _read_form(upright.image, identity.page_id, upright.hits[0], result)
    elif identity.status == "none":
        dpi = image.info.get("dpi", (None,))[0]
        attachment = read_attachment_page(image, dpi=dpi)
        upright = attachment.upright
        result.doc, result.doc_confidence = attachment.doc, attachment.confidence
        result.findings = attachment.findings
        result.is_color = bool(is_color(upright.image))
    else:  # a QR is there but unreadable: a person looks at the page, upright
        upright = make_upright(image)
        result.is_color = bool(is_color(upright.image))
    result.rotation, result.skew = upright.rotation, upright.skew
    _save_image(upright.image, task.image_path, color=result.is_color)


def _read_form(page, page_id: PageId, qr_hit, result: PageResult) -> None:
    geometry = _LAYOUTS.get(page_id.layout)
    if geometry is None or page_id.page > len(geometry.pages):
        result.registered = None  # printed elsewhere: identified, but its boxes are unknown
        return
    page_geometry = geometry.page(page_id.page)
    registered = register_page(page, page_geometry, geometry.size_mm, qr_hit=qr_hit)
    result.registered = bool(registered.ok)
    result.residual_mm = registered.residual_mm
    if registered.ok:
        result.findings = read_form_boxes(registered, page_geometry, is_color=result.is_color,
                                          dpi=CROP_DPI)


def _save_image(page, path: str, *, color: bool) -> None:
    mode = "RGB" if color else "L"
    image = page if page.mode == mode else Image.fromarray(pixels(page, mode))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with atomic_open(Path(path), "wb") as handle:
        image.save(handle, format="JPEG", quality=PAGE_IMAGE_QUALITY, optimize=False)
