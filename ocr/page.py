"""One page read whole: its identity (QR), then a form's boxes or an attachment's reading.

The decision for each page lives here, with everything it decides with:
- a formgen QR code read: the page is a form; the QR turns it upright, the corner
  marks register it to its printed layout, every box is read (no full-page OCR), and
  the values a filled PDF form carries replace what OCR read of the same fields;
- no QR at all: an attachment, classified and read as scanned (KTP, ijazah, pas foto,
  blank, other); unless it carries a form's words and corner marks: then its QR was lost,
  and the page code printed beside it identifies it when it reads with certainty (else a
  person does);
- a QR there but unreadable: turned upright only, for a person to look at.
A page that cannot be read becomes a result with an error code, never a crash. No
database and no files written here: the caller stores the result and the upright image.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PIL import Image

from ocr.attachments import read_attachment_page
from ocr.errors import BadInput
from ocr.findings import Finding
from ocr.formpage import read_form_boxes
from ocr.geometry import DocumentGeometry
from ocr.imaging import is_color
from ocr.load import Document
from ocr.pageid import PageId
from ocr.printed_code import read_printed_code, register_as_form
from ocr.qr import identify
from ocr.register import register_page
from ocr.upright import make_upright

log = logging.getLogger(__name__)

CROP_DPI = 200  # resolution the boxes of a registered form are cut out at
PRINTED_CODE_CONFIDENCE = 0.9   # a page known by its printed code line, its QR code lost


@dataclass
class PageResult:
    sha256: str
    index: int
    error: str | None = None
    error_code: str | None = None
    rotation: int = 0
    skew: float = 0.0
    is_color: bool = False
    qr_status: str = "none"   # ok | none | unreadable | printed (read from the code's text
    #                           beside a lost QR) | missing (a form page, no code found)
    page_id: PageId | None = None
    doc: str | None = None           # from the QR, or the attachment classifier
    doc_confidence: float = 0.0
    registered: bool | None = None
    residual_mm: float | None = None
    findings: list[Finding] = field(default_factory=list)


def read_page(document: Document, index: int, *, dpi: int,
              layouts: Mapping[str, DocumentGeometry],
              form_values: Mapping[str, str] | None = None,
              sha256: str = "", workspace_id: str | None = None,
              names: Sequence[str] = (), niks: Sequence[str] = ()
              ) -> tuple[PageResult, Image.Image | None]:
    """Page ``index`` of ``document`` read whole: (result, the page upright or None on error).

    A page that cannot be read is a result with ``error_code``; an OSError is raised
    (it may be about the caller's own disk rather than the page).

    ``layouts``: the printed layouts by id (a form printed elsewhere is identified but its
    boxes are unknown); ``workspace_id``: the workspace that printed them (helps read the
    code printed beside a lost QR code); ``form_values``: a filled PDF form's values on this
    page, by ``<doc>.<field>``; ``names`` and ``niks``: the roster's, which a name or a
    card's NIK on an attachment no reading settled is matched against.
    """
    result = PageResult(sha256=sha256, index=index)
    try:
        image = document.render(index, dpi)
        upright = _decide(image, result, layouts, workspace_id, names, niks)
    except BadInput as exc:
        result.error, result.error_code = exc.detail or str(exc), exc.code
        return result, None
    except MemoryError:
        result.error, result.error_code = "page too large", "page_too_large"
        return result, None
    except OSError:
        raise  # perhaps the caller's disk, full or read-only: the caller knows which
    except Exception as exc:  # one bad page must not stop the batch
        log.debug("page %s:%d failed", sha256[:12], index, exc_info=True)
        result.error, result.error_code = f"{type(exc).__name__}: {exc}", "unreadable_page"
        return result, None
    if form_values:
        apply_form_values(result, form_values)
    return result, upright


def _decide(image: Image.Image, result: PageResult, layouts: Mapping[str, DocumentGeometry],
            workspace_id: str | None = None, names: Sequence[str] = (),
            niks: Sequence[str] = ()) -> Image.Image:
    identity = identify(image)
    result.qr_status = identity.status
    if identity.page_id is not None:
        upright = make_upright(image, qr_hits=[identity.hit])
        result.page_id = identity.page_id
        result.doc, result.doc_confidence = identity.page_id.doc, 1.0
        result.is_color = bool(is_color(upright.image))
        _read_form(upright.image, identity.page_id, upright.hits[0], result, layouts)
    elif identity.status == "none":
        dpi = image.info.get("dpi", (None,))[0]
        attachment = read_attachment_page(image, dpi=dpi, names=names, niks=niks)
        upright = attachment.upright
        result.is_color = bool(is_color(upright.image))
        own_form = register_as_form(upright.image, layouts) if attachment.form_page else None
        page_id = (read_printed_code(own_form, layouts, workspace_id=workspace_id)
                   if own_form else None)
        if page_id is not None:
            result.qr_status, result.page_id = "printed", page_id
            result.doc, result.doc_confidence = page_id.doc, PRINTED_CODE_CONFIDENCE
            _read_form(upright.image, page_id, None, result, layouts)
        else:
            result.qr_status = "none" if own_form is None else "missing"
            result.doc, result.doc_confidence = attachment.doc, attachment.confidence
            result.findings = attachment.findings
    else:  # a QR is there but unreadable: a person looks at the page, upright
        upright = make_upright(image)
        result.is_color = bool(is_color(upright.image))
    result.rotation, result.skew = upright.rotation, upright.skew
    return upright.image


def _read_form(page: Image.Image, page_id: PageId, qr_hit, result: PageResult,
               layouts: Mapping[str, DocumentGeometry]) -> None:
    geometry = layouts.get(page_id.layout)
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


def apply_form_values(result: PageResult, values: Mapping[str, str]) -> None:
    """Put a filled form's own values first on a page whose document is known.

    A typed value is exact, so it replaces what OCR read for the same field. Values of
    another document's fields (``<doc>.<field>``) are left out.
    """
    if result.doc is None:
        return
    own = []
    for name, value in values.items():
        doc, _, short = name.rpartition(".")
        if doc and doc != result.doc:
            continue
        own.append(Finding("field", short, value, 1.0, note="acroform"))
    names = {f.name for f in own}
    result.findings = own + [f for f in result.findings
                             if not (f.kind == "field" and f.name in names)]
