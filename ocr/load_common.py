"""What every kind of input document shares: the page-document interface and pixel modes."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PIL import Image

ENCRYPTED = "the PDF is password protected; save an unprotected copy and ingest that"


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


def max_pixels() -> float:
    """Pillow's decompression-bomb limit (infinite when switched off)."""
    limit = Image.MAX_IMAGE_PIXELS
    return float(limit) if limit else float("inf")


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repair step as a warning; the one-line summary of the caller is enough."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def normalise_mode(img: Image.Image) -> Image.Image:
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
        arr = np.asarray(img)
        if arr.dtype.kind == "f":
            top = float(arr.max()) if arr.size else 0.0
            arr = arr * 255.0 if top <= 1.0 else arr
        elif arr.size and int(arr.max()) > 255:
            arr = arr / 257.0
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    return img.convert("RGB")  # CMYK, YCbCr, LAB, HSV
