"""The work on one page, run in a worker process: read it (ocr.page) and keep its upright image.

Workers only read the original and write the page's own image (a derived,
idempotent file); every database write happens in the parent, which gets a
``PageResult`` back.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from formgen.core.atomic import atomic_open, ensure_dir
from formgen.ingest.oserrors import workspace_error_code
from ocr.attachments import warm_up
from ocr.errors import BadInput
from ocr.geometry import DocumentGeometry
from ocr.imaging import pixels
from ocr.load import Document, open_document
from ocr.page import PageResult, read_page

log = logging.getLogger(__name__)

PAGE_IMAGE_QUALITY = 85


@dataclass(frozen=True)
class PageTask:
    sha256: str
    index: int
    source: str          # archived original (absolute path)
    image_path: str      # where the upright page image goes (absolute path)
    dpi: int
    form_values: dict[str, str] | None = None  # a filled PDF form's values on this page


# Per worker process: the layouts printed in this workspace (id -> geometry) and the
# roster's names, given once by the pool initializer, and the document last opened.
_LAYOUTS: dict[str, DocumentGeometry] = {}
_OPEN: dict[str, Document] = {}
_WORKSPACE_ID: str | None = None
_NAMES: tuple[str, ...] = ()
_NIKS: tuple[str, ...] = ()


def init_worker(layouts: dict[str, str], workspace_id: str | None = None,
                names: tuple[str, ...] = (), niks: tuple[str, ...] = ()) -> None:
    global _WORKSPACE_ID, _NAMES, _NIKS
    _LAYOUTS.clear()
    _LAYOUTS.update({k: DocumentGeometry.from_json(v) for k, v in layouts.items()})
    _WORKSPACE_ID, _NAMES, _NIKS = workspace_id, names, niks
    warm_up()   # the readers' models, once per worker, not on its first page


def _document(path: str) -> Document:
    doc = _OPEN.get(path)
    if doc is None:
        close_documents()
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
        result, upright = read_page(_document(task.source), task.index, dpi=task.dpi,
                                    layouts=_LAYOUTS, form_values=task.form_values,
                                    sha256=task.sha256, workspace_id=_WORKSPACE_ID,
                                    names=_NAMES, niks=_NIKS)
        if upright is not None:
            _save_image(upright, Path(task.image_path), color=result.is_color)
    except BadInput as exc:  # the file opened in the parent but not here
        result.error, result.error_code = exc.detail or str(exc), exc.code
    except OSError as exc:
        # a workspace that cannot be written stops the run in the parent: nothing to review
        code = workspace_error_code(exc, Path(task.image_path).parent.parent)
        if code is None:
            log.debug("page %s:%d failed", task.sha256[:12], task.index, exc_info=True)
        result.error, result.error_code = exc.strerror or str(exc), code or "unreadable_page"
    except Exception as exc:  # one bad page must not stop the batch
        log.debug("page %s:%d failed", task.sha256[:12], task.index, exc_info=True)
        result.error, result.error_code = f"{type(exc).__name__}: {exc}", "unreadable_page"
    return result


def _save_image(page: Image.Image, path: Path, *, color: bool) -> None:
    mode = "RGB" if color else "L"
    image = page if page.mode == mode else Image.fromarray(pixels(page, mode))
    ensure_dir(path.parent)
    with atomic_open(path, "wb") as handle:
        image.save(handle, format="JPEG", quality=PAGE_IMAGE_QUALITY, optimize=False)
