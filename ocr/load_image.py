"""Image input (TIFF, JPEG, PNG): frames decoded one at a time, turned as their EXIF says,
brought to the working dpi; a phone photo of a page or card is rectified like a scan."""
from __future__ import annotations

import logging
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ocr.errors import BadInput
from ocr.imaging import scale_array
from ocr.load_common import Document, max_pixels, normalise_mode
from ocr.photo import rectify_photo

log = logging.getLogger(__name__)

# A scanned image's own dpi is believed only when it gives the picture a paper-like size.
_DPI_RANGE = (50.0, 2400.0)
_PAPER_LONG_MM = (20.0, 500.0)
# Values that software writes when it knows nothing (phones, screenshots): not a scan's dpi.
_DEFAULT_DPIS = (72.0, 96.0)
# An image without believable dpi (a phone photo, a screenshot) whose document outline cannot
# be found is taken to show about one page: its long side is made an F4 page's at the target
# dpi (never enlarged).
_PHOTO_LONG_MM = 330.0


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
            raise BadInput("corrupt", f"{where}the image cannot be decoded",
                           path=path.name) from exc
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
    if size[0] * size[1] > max_pixels():
        raise BadInput("decompression_bomb", f"{what}: declared size {size[0]}x{size[1]} pixels "
                       f"is above the limit of {max_pixels():.0f}", path=path.name)


class ImageDocument(Document):
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
            frame = normalise_mode(frame)
        if _believable_dpi(source_dpi, frame.size):
            frame = _to_target_dpi(frame, source_dpi, dpi)
        else:
            photo = rectify_photo(frame, dpi=dpi)
            if photo is not None:
                return photo  # at the photo's own resolution, which info["dpi"] gives
            frame = _cap_photo(frame, dpi)
        frame.info["dpi"] = (dpi, dpi)
        return frame

    @staticmethod
    def _draft(img: Image.Image, dpi: int):
        """Let the JPEG decoder skip resolution the target dpi throws away; the dpi it leaves."""
        source_dpi = img.info.get("dpi")
        src = _believable_dpi(source_dpi, img.size)
        if img.format == "JPEG" and not src:
            # a photo: the page is somewhere in the frame, so twice the page's pixels are kept
            want = 2 * _PHOTO_LONG_MM / 25.4 * dpi
            if max(img.size) >= 2 * want:
                factor = want / max(img.size)
                img.draft(img.mode, (round(img.width * factor), round(img.height * factor)))
            return source_dpi
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
    """Resample a scanned image of believable ``source_dpi`` to ``dpi``."""
    src = _believable_dpi(source_dpi, img.size)
    return _resized(img, dpi / src[0], dpi / src[1])


def _cap_photo(img: Image.Image, dpi: int) -> Image.Image:
    """A photo whose document was not found, shrunk to one F4 page's long side at ``dpi``."""
    factor = min(1.0, _PHOTO_LONG_MM / 25.4 * dpi / max(img.size))
    return _resized(img, factor, factor)


def _resized(img: Image.Image, fx: float, fy: float) -> Image.Image:
    if abs(fx - 1) < 0.03 and abs(fy - 1) < 0.03:
        return img
    if abs(fx - fy) < 1e-3:
        return Image.fromarray(scale_array(np.asarray(img), fx), img.mode)
    size = (max(1, round(img.width * fx)), max(1, round(img.height * fy)))
    return img.resize(size, Image.LANCZOS)


