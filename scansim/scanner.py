"""What a feeder scanner makes of a page (skew, blur, noise, speckle, JPEG), and the files
the scanned pages are written into (one PDF or TIFF per run, or a JPEG per page)."""
from __future__ import annotations

import io
import math
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from formgen.core.atomic import atomic_open, write_bytes
from scansim.jpegpdf import JpegPdfWriter

SCANNER_BED = (238, 238, 236)


def blank_back(size: tuple[int, int], rng: random.Random, front: Image.Image) -> Image.Image:
    """A duplex back: white paper with the front faintly showing through, mirrored."""
    ghost = ImageOps.mirror(front.convert("L")).resize(size, Image.BILINEAR)
    ghost = ghost.point(lambda v: 255 - (255 - v) // rng.randint(14, 22))
    return ghost.filter(ImageFilter.GaussianBlur(2)).convert("RGB")


# --------------------------------------------------------------------------- scanner

def degrade(image: Image.Image, rng: random.Random, *, dpi: int, upside_down: bool,
             greyscale: bool) -> tuple[Image.Image, float]:
    """The page as a feeder scanner returns it; returns the image and the rotation applied
    (degrees counter-clockwise: a small skew, plus 180 when the page went in upside down)."""
    import cv2

    angle = max(-3.0, min(3.0, rng.gauss(0, 1.0)))
    rotation = angle + (180.0 if upside_down else 0.0)
    arr = np.asarray(image.convert("L") if greyscale else image.convert("RGB"))
    h, w = arr.shape[:2]
    # Rotation about the centre on a canvas large enough to keep the whole page, plus shear.
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), rotation, 1.0)
    shear = rng.uniform(-0.004, 0.004)
    matrix[0, 1] += shear
    cos, sin = abs(math.cos(math.radians(angle))), abs(math.sin(math.radians(angle)))
    nw, nh = int(w * cos + h * sin + abs(shear) * h), int(h * cos + w * sin)
    matrix[0, 2] += (nw - w) / 2 - shear * h / 2
    matrix[1, 2] += (nh - h) / 2
    fill = SCANNER_BED[0] if greyscale else SCANNER_BED
    arr = cv2.warpAffine(arr, matrix, (nw, nh), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=fill)
    sigma = rng.uniform(0.3, 0.8) * dpi / 300
    arr = cv2.GaussianBlur(arr, (0, 0), sigma)
    cv2.setRNGSeed(rng.randrange(2**31))
    noise = np.empty(arr.shape, np.int16)
    cv2.randn(noise, 0, rng.uniform(2, 6))
    arr = cv2.add(arr.astype(np.int16), noise, dtype=cv2.CV_16S)
    # Speckle: dust specks and dropouts.
    count = int(nw * nh * rng.uniform(2e-5, 1.5e-4))
    srng = np.random.default_rng(rng.randrange(2**32))
    ys, xs = srng.integers(0, nh, count), srng.integers(0, nw, count)
    arr[ys, xs] = srng.choice(np.array([20, 235], np.int16), size=(count,) + arr.shape[2:])
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L" if greyscale else "RGB")
    return out, round(rotation, 3)


def scanner_jpeg(image: Image.Image, rng: random.Random, dpi: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=rng.randint(55, 85), dpi=(dpi, dpi), optimize=False)
    return buf.getvalue()


class Sink:
    """Writes compressed pages into one output file (or one file per page for JPEG)."""

    def __init__(self, out_dir: Path, stem: str, fmt: str, dpi: int):
        self.out_dir, self.stem, self.fmt, self.dpi = out_dir, stem, fmt, dpi
        self.count = 0
        self.paths: list[Path] = []
        self._pdf: JpegPdfWriter | None = None
        self._tiff = None

    def add(self, data: bytes, size: tuple[int, int], grey: bool) -> tuple[str, int]:
        """Append a page; returns (file name, index within that file)."""
        if self.fmt == "jpeg":
            path = self.out_dir / f"{self.stem}_{self.count + 1:03d}.jpg"
            write_bytes(path, data)
            self.paths.append(path)
            self.count += 1
            return path.name, 0
        if self.fmt == "pdf":
            if self._pdf is None:
                path = self.out_dir / f"{self.stem}.pdf"
                self.paths.append(path)
                self._pdf = JpegPdfWriter(path)
            self._pdf.add(data, size[0], size[1], grey=grey, dpi=self.dpi)
        else:
            from PIL import TiffImagePlugin

            if self._tiff is None:
                path = self.out_dir / f"{self.stem}.tif"
                self.paths.append(path)
                self._tiff_file = atomic_open(path, "w+b")  # visible only once complete
                self._tiff = TiffImagePlugin.AppendingTiffWriter(self._tiff_file.__enter__(),
                                                                 new=True)
            with Image.open(io.BytesIO(data)) as im:
                im.save(self._tiff, "TIFF", compression="jpeg", quality=90,
                        dpi=(self.dpi, self.dpi))
            self._tiff.newFrame()
        self.count += 1
        return self.paths[-1].name, self.count - 1

    def close(self) -> list[Path]:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        if self._tiff is not None:
            self._tiff.close()
            self._tiff_file.__exit__(None, None, None)
            self._tiff = None
        return self.paths
