"""Open an input file (PDF, TIFF, JPEG, PNG) as a document of pages rendered one at a time.

The kind is told by content, never by the file name. Failures become
:class:`ocr.errors.BadInput` with a stable reason code.
"""
from __future__ import annotations

import itertools
import logging
import re
import shutil
import struct
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter

from ocr.errors import BadInput
from ocr.imaging import scale_array

log = logging.getLogger(__name__)

DEFAULT_MAX_PAGES = 2000
SNIFF_BYTES = 1024
# A scanned image's own dpi is believed only when it gives the picture a paper-like size.
_DPI_RANGE = (50.0, 2400.0)
_PAPER_LONG_MM = (20.0, 500.0)
# Values that software writes when it knows nothing (phones, screenshots): not a scan's dpi.
_DEFAULT_DPIS = (72.0, 96.0)
_ENCRYPTED = "the PDF is password protected; save an unprotected copy and ingest that"
# Images without believable dpi are shrunk so their long side is at most this at the target dpi.
_MAX_LONG_MM = 500.0


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


class Document:
    """Pages of one input file. ``render`` makes one page image at a time; nothing is cached."""

    kind: str
    page_count: int
    path: Path
    #: True when a damaged PDF was rebuilt before reading (``page_count`` is what was recovered).
    repaired: bool = False

    def render(self, index: int, dpi: int = 200) -> Image.Image:
        """Page ``index`` (0-based) as an RGB or L image at ``dpi``; ``info["dpi"]`` is set."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _check_index(self, index: int) -> None:
        if not 0 <= index < self.page_count:
            raise IndexError(f"page {index} of {self.page_count}")


def open_document(path: str | Path, *, max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    """Open ``path`` by its content; raise BadInput (with a reason code) when it cannot be read."""
    path = Path(path)
    kind = sniff_kind(path)
    if kind == "pdf":
        return _PdfDocument(path, max_pages=max_pages)
    return _ImageDocument(path, kind, max_pages=max_pages)


def iter_pages(path: str | Path, *, dpi: int = 200,
               max_pages: int = DEFAULT_MAX_PAGES) -> Iterator[tuple[int, Image.Image]]:
    """``(index, image)`` for every page of ``path``, rendered one at a time."""
    with open_document(path, max_pages=max_pages) as doc:
        for index in range(doc.page_count):
            yield index, doc.render(index, dpi)


# PDF ---------------------------------------------------------------------------------------

class _PdfDocument(Document):
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
                    raise BadInput("encrypted", _ENCRYPTED, path=path.name) from exc
            return self._repair(path, str(exc))

    def _repair(self, path: Path, reason: str) -> pdfium.PdfDocument:
        """Rebuild a damaged PDF with pypdf's lenient reader into a temporary copy."""
        self._tmpdir = tempfile.mkdtemp(prefix="formgen-repair-")
        try:
            reader = _lenient_reader(path, Path(self._tmpdir))
            if reader.is_encrypted and not reader.decrypt(""):
                raise BadInput("encrypted", _ENCRYPTED, path=path.name)
            fixed = Path(self._tmpdir) / "repaired.pdf"
            with warnings.catch_warnings(), _quiet_pypdf():
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
            if pixels > _max_pixels():
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
        img = _normalise_mode(img)
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


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repair step as a warning; the one-line summary here is enough."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_CATALOG = re.compile(rb"(\d+)\s+\d+\s+obj\s*<<(?:(?!endobj).){0,2000}?/Type\s*/Catalog", re.S)


def _lenient_reader(path: Path, workdir: Path):
    """A pypdf reader of ``path``; a file cut short gets a trailer naming its catalog first.

    A PDF cut before its cross-reference table has no trailer, and pypdf then cannot
    find the document's root. Everything after the last complete object is dropped and
    a trailer pointing at the catalog appended, so pypdf rebuilds the table by scanning.
    """
    with warnings.catch_warnings(), _quiet_pypdf():
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


# Images ------------------------------------------------------------------------------------

def _max_pixels() -> float:
    limit = Image.MAX_IMAGE_PIXELS
    return float(limit) if limit else float("inf")


@contextmanager
def _pillow_errors(path: Path, what: str = "") -> Iterator[None]:
    """Translate Pillow's failures (bomb warning as an error, truncation) into BadInput."""
    where = f"{what}: " if what else ""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except BadInput:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise BadInput("decompression_bomb", f"{where}{exc}", path=path.name) from exc
        except UnidentifiedImageError as exc:
            raise BadInput("corrupt", f"{where}the image cannot be decoded", path=path.name) from exc
        except (OSError, SyntaxError, ValueError, struct.error, EOFError) as exc:
            text = str(exc)
            code = "truncated" if ("truncated" in text or "broken data stream" in text
                                   or isinstance(exc, EOFError)) else "unreadable_page"
            raise BadInput(code, f"{where}{text or type(exc).__name__}",
                           path=path.name) from exc
        except Exception as exc:  # Pillow's plugins raise TypeError, KeyError... on bad data
            raise BadInput("unreadable_page", f"{where}{type(exc).__name__}: {exc}",
                           path=path.name) from exc


def _check_pixels(path: Path, size: tuple[int, int], what: str) -> None:
    if size[0] * size[1] > _max_pixels():
        raise BadInput("decompression_bomb", f"{what}: declared size {size[0]}x{size[1]} pixels "
                       f"is above the limit of {_max_pixels():.0f}", path=path.name)


class _ImageDocument(Document):
    def __init__(self, path: Path, kind: str, *, max_pages: int) -> None:
        self.path = path
        self.kind = kind
        self._tiff: Image.Image | None = None
        with _pillow_errors(path):
            img = Image.open(path)
        if kind != "tiff":
            # JPEG (also phones' MPO) and PNG (also APNG) are one page: extra frames are
            # thumbnails or animation, not pages.
            img.close()
            self.page_count = 1
            return
        self._tiff = img
        try:
            self.page_count = self._count_frames(max_pages)
        except BaseException:
            self.close()
            raise

    def _count_frames(self, max_pages: int) -> int:
        """Frames found by seeking until the end; the declared count is not trusted."""
        count = 0
        while True:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", UserWarning)  # "Corrupt EXIF data"
                    self._tiff.seek(count)
            except EOFError:
                break
            except Exception as exc:  # a broken IFD: Pillow raises many kinds
                if count == 0:
                    raise BadInput("corrupt", f"first TIFF frame: {exc}",
                                   path=self.path.name) from exc
                log.warning("%s: TIFF frame %d is broken (%s); reading %d frame(s)",
                            self.path.name, count + 1, exc, count)
                break
            count += 1
            if count > max_pages:
                raise BadInput("too_many_pages", f"more than {max_pages} frames",
                               path=self.path.name)
        return count

    def render(self, index: int, dpi: int = 200) -> Image.Image:
        self._check_index(index)
        what = f"page {index + 1}"
        with _pillow_errors(self.path, what):
            if self._tiff is not None:
                self._tiff.seek(index)
                _check_pixels(self.path, self._tiff.size, what)
                self._tiff.load()
                frame = self._tiff.copy()
                source_dpi = frame.info.get("dpi")
            else:
                with Image.open(self.path) as img:
                    _check_pixels(self.path, img.size, what)
                    source_dpi = self._draft(img, dpi)
                    img.load()
                    frame = img.copy()
            frame = ImageOps.exif_transpose(frame)
            frame = _normalise_mode(frame)
        frame = _to_target_dpi(frame, source_dpi, dpi)
        frame.info["dpi"] = (dpi, dpi)
        return frame

    @staticmethod
    def _draft(img: Image.Image, dpi: int):
        """Let the JPEG decoder skip resolution the target dpi throws away; the dpi it leaves."""
        source_dpi = img.info.get("dpi")
        src = _believable_dpi(source_dpi, img.size)
        if img.format != "JPEG" or not src or src[0] < 2 * dpi:
            return source_dpi
        width, height = img.size
        factor = dpi / src[0]
        img.draft(img.mode, (round(width * factor), round(height * factor)))
        return src[0] * img.width / width, src[1] * img.height / height

    def close(self) -> None:
        if self._tiff is not None:
            self._tiff.close()
            self._tiff = None


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


def _normalise_mode(img: Image.Image) -> Image.Image:
    """RGB or L: alpha composited on white, CMYK/palette/YCbCr to RGB, 1/16-bit/float to L."""
    mode = img.mode
    if mode in ("RGB", "L"):
        return img
    if mode == "1":
        return img.convert("L")
    if mode in ("LA", "La", "PA", "P", "RGBA", "RGBa"):
        rgba = img.convert("RGBA")
        base = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        base.alpha_composite(rgba)
        grey = mode in ("LA", "La")
        return base.convert("L" if grey else "RGB")
    if mode.startswith("I") or mode == "F":
        import numpy as np

        arr = np.asarray(img)
        if arr.dtype.kind == "f":
            top = float(arr.max()) if arr.size else 0.0
            arr = arr * 255.0 if top <= 1.0 else arr
        elif arr.size and int(arr.max()) > 255:
            arr = arr / 257.0
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    return img.convert("RGB")  # CMYK, YCbCr, LAB, HSV


def _believable_dpi(dpi, size: tuple[int, int]) -> tuple[float, float] | None:
    try:
        xdpi, ydpi = float(dpi[0]), float(dpi[1])
    except (TypeError, ValueError, IndexError):
        return None
    lo, hi = _DPI_RANGE
    if not (lo <= xdpi <= hi and lo <= ydpi <= hi):
        return None
    if round(xdpi) in _DEFAULT_DPIS and round(ydpi) in _DEFAULT_DPIS:
        return None
    long_mm = max(size[0] / xdpi, size[1] / ydpi) * 25.4
    if not _PAPER_LONG_MM[0] <= long_mm <= _PAPER_LONG_MM[1]:
        return None
    return xdpi, ydpi


def _to_target_dpi(img: Image.Image, source_dpi, dpi: int) -> Image.Image:
    """Resample a scanned image to ``dpi`` when its own dpi is believable; else cap its size."""
    import numpy as np

    src = _believable_dpi(source_dpi, img.size)
    if src:
        fx, fy = dpi / src[0], dpi / src[1]
    else:
        long_px = max(img.size)
        cap = _MAX_LONG_MM / 25.4 * dpi
        fx = fy = min(1.0, cap / long_px)
    if abs(fx - 1) < 0.03 and abs(fy - 1) < 0.03:
        return img
    if abs(fx - fy) < 1e-3:
        return Image.fromarray(scale_array(np.asarray(img), fx), img.mode)
    size = (max(1, round(img.width * fx)), max(1, round(img.height * fy)))
    return img.resize(size, Image.LANCZOS)


# Filled forms -------------------------------------------------------------------------------

def extract_form_fields(path: str | Path) -> dict[str, str]:
    """Values of a filled AcroForm PDF's text, choice and button fields, by full field name.

    Checkbox values come without the leading slash (``"Yes"``, ``"Off"``). Signature
    fields are left out. A PDF without a form gives ``{}``.
    """
    path = Path(path)
    if sniff_kind(path) != "pdf":
        return {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with _quiet_pypdf():
                reader = PdfReader(str(path), strict=False)
                if reader.is_encrypted and not reader.decrypt(""):
                    raise BadInput("encrypted", _ENCRYPTED, path=path.name)
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
