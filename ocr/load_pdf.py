"""PDF input: pages rendered by pdfium (a scanner's page image decoded as stored), damaged
files rebuilt, filled AcroForm values read."""
from __future__ import annotations

import itertools
import logging
import re
import shutil
import tempfile
import warnings
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image
from pypdf import PdfReader, PdfWriter

from ocr.errors import BadInput
from ocr.load_common import ENCRYPTED, Document, max_pixels, normalise_mode, quiet_pypdf

log = logging.getLogger(__name__)


class PdfDocument(Document):
    kind = "pdf"

    def __init__(self, path: Path, *, max_pages: int) -> None:
        self.path = path
        self._tmpdir: str | None = None
        self._pdf = self._open(path)
        try:
            count = len(self._pdf)
            if count == 0:
                empty, self._pdf = self._pdf, None
                empty.close()
                self._pdf = self._repair(path, "the PDF has no readable pages")
                count = len(self._pdf)
            if count > max_pages:
                raise BadInput("too_many_pages", f"{count} pages, more than {max_pages}",
                               path=path.name)
            # Forms must be initialised before any page is loaded so field values are drawn.
            self._pdf.init_forms()
        except BaseException:
            self.close()
            raise
        self.page_count = count

    def _open(self, path: Path) -> pdfium.PdfDocument:
        try:
            return pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            code = getattr(exc, "err_code", None)
            if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
                try:  # an owner-password-only PDF opens with an empty user password
                    return pdfium.PdfDocument(str(path), password="")
                except pdfium.PdfiumError:
                    raise BadInput("encrypted", ENCRYPTED, path=path.name) from exc
            return self._repair(path, str(exc))

    def _repair(self, path: Path, reason: str) -> pdfium.PdfDocument:
        """Rebuild a damaged PDF with pypdf's lenient reader into a temporary copy."""
        self._tmpdir = tempfile.mkdtemp(prefix="formgen-repair-")
        try:
            reader = _lenient_reader(path, Path(self._tmpdir))
            if reader.is_encrypted and not reader.decrypt(""):
                raise BadInput("encrypted", ENCRYPTED, path=path.name)
            fixed = Path(self._tmpdir) / "repaired.pdf"
            with warnings.catch_warnings(), quiet_pypdf():
                warnings.simplefilter("ignore")
                writer = PdfWriter()
                for page in reader.pages:
                    writer.add_page(page)
                if not writer.pages:
                    raise ValueError("no pages recovered")
                with fixed.open("wb") as fh:
                    writer.write(fh)
            pdf = pdfium.PdfDocument(str(fixed))
        except BadInput:
            self._cleanup()
            raise
        except Exception as exc:  # pypdf raises many kinds on a broken file
            self._cleanup()
            raise BadInput("truncated", f"the PDF is damaged and could not be repaired "
                           f"({reason}; {type(exc).__name__}: {exc})", path=path.name) from exc
        self.repaired = True
        log.warning("%s: damaged PDF repaired, %d page(s) recovered (%s)", path.name, len(pdf),
                    reason)
        return pdf

    def render(self, index: int, dpi: int = 200) -> Image.Image:
        self._check_index(index)
        try:
            page = self._pdf[index]
        except pdfium.PdfiumError as exc:
            raise BadInput("unreadable_page", f"page {index + 1}: {exc}",
                           path=self.path.name) from exc
        try:
            width_pt, height_pt = page.get_size()
            scale = dpi / 72.0
            pixels = width_pt * scale * height_pt * scale
            if pixels > max_pixels():
                raise BadInput("decompression_bomb", f"page {index + 1} would be "
                               f"{pixels / 1e6:.0f} megapixels at {dpi} dpi", path=self.path.name)
            img = _scanned_image(page, width_pt * scale, height_pt * scale)
            if img is None:
                img = page.render(scale=scale, may_draw_forms=True).to_pil()
        except pdfium.PdfiumError as exc:
            raise BadInput("unreadable_page", f"page {index + 1}: {exc}",
                           path=self.path.name) from exc
        finally:
            page.close()
        img = normalise_mode(img)
        img.info["dpi"] = (dpi, dpi)
        return img

    def close(self) -> None:
        pdf, self._pdf = getattr(self, "_pdf", None), None
        if pdf is not None:
            pdf.close()
        self._cleanup()

    def _cleanup(self) -> None:
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None


_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_CATALOG = re.compile(rb"(\d+)\s+\d+\s+obj\s*<<(?:(?!endobj).){0,2000}?/Type\s*/Catalog", re.S)


def _lenient_reader(path: Path, workdir: Path):
    """A pypdf reader of ``path``; a file cut short gets a trailer naming its catalog first.

    A PDF cut before its cross-reference table has no trailer, and pypdf then cannot
    find the document's root. Everything after the last complete object is dropped and
    a trailer pointing at the catalog appended, so pypdf rebuilds the table by scanning.
    """
    with warnings.catch_warnings(), quiet_pypdf():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(str(path), strict=False)
            _ = len(reader.pages)
            return reader
        except Exception as exc:  # pypdf raises many kinds on a broken file
            first_error = exc
        data = path.read_bytes()
        end = data.rfind(b"endobj")
        catalog = _CATALOG.search(data)
        if end < 0 or catalog is None:
            raise first_error
        body = data[:end + len(b"endobj")]
        size = max(int(m.group(1)) for m in _OBJ.finditer(body)) + 1
        trailer = (f"\ntrailer\n<< /Root {int(catalog.group(1))} 0 R /Size {size} >>\n"
                   f"startxref\n0\n%%EOF\n").encode()
        patched = workdir / "patched.pdf"
        patched.write_bytes(body + trailer)
        reader = PdfReader(str(patched), strict=False)
        _ = len(reader.pages)
        return reader


_SCAN_FILTERS = {"DCTDecode", "FlateDecode"}
_SCAN_PIXELS = {(pdfium_c.FPDF_COLORSPACE_DEVICEGRAY, 8), (pdfium_c.FPDF_COLORSPACE_DEVICERGB, 24)}


def _scanned_image(page, width_px: float, height_px: float) -> Image.Image | None:
    """The page's one embedded scan, decoded as it is stored, when rendering would only copy
    it; None otherwise (then the page is rendered).

    A scanner's PDF page is a single 8-bit grey or 24-bit colour image filling an unrotated
    page; when its pixels already are the size the page would be rendered at, decoding the
    image is the render, without pdfium's resampling and colour conversion (and a grey
    scan stays one channel).
    """
    if page.get_rotation() % 360:
        return None
    objects = list(itertools.islice(page.get_objects(), 2))
    if len(objects) != 1 or not isinstance(objects[0], pdfium.PdfImage):
        return None
    image = objects[0]
    a, b, c, d, e, f = image.get_matrix().get()
    width_pt, height_pt = page.get_size()
    if b or c or abs(e) > 0.5 or abs(f) > 0.5 or abs(a - width_pt) > 0.5 \
            or abs(d - height_pt) > 0.5:
        return None
    meta = image.get_metadata()
    if (meta.colorspace, meta.bits_per_pixel) not in _SCAN_PIXELS \
            or not set(image.get_filters()) <= _SCAN_FILTERS:
        return None
    w, h = image.get_px_size()
    if abs(w - width_px) > max(2.0, 0.01 * width_px) or \
            abs(h - height_px) > max(2.0, 0.01 * height_px):
        return None
    img = image.get_bitmap(render=False).to_pil()
    return img if img.mode in ("L", "RGB") else None


# Filled forms -------------------------------------------------------------------------------

def pdf_form_fields(path: str | Path) -> dict[str, str]:
    """Values of a filled AcroForm PDF's text, choice and button fields, by full field name.

    Checkbox values come without the leading slash (``"Yes"``, ``"Off"``). Signature
    fields are left out. A PDF without a form gives ``{}``.
    """
    path = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with quiet_pypdf():
                reader = PdfReader(str(path), strict=False)
                if reader.is_encrypted and not reader.decrypt(""):
                    raise BadInput("encrypted", ENCRYPTED, path=path.name)
                fields = reader.get_fields() or {}
    except BadInput:
        raise
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise BadInput("corrupt", f"form fields cannot be read: {exc}", path=path.name) from exc
    values: dict[str, str] = {}
    for name, field in fields.items():
        if field.get("/FT") not in ("/Tx", "/Btn", "/Ch"):
            continue
        value = field.get("/V")
        if value is None:
            values[name] = ""
        elif isinstance(value, list):
            values[name] = ", ".join(str(v).lstrip("/") for v in value)
        else:
            values[name] = str(value).lstrip("/") if str(value).startswith("/") else str(value)
    return values
