"""Small image helpers shared by the page readers (PIL <-> numpy, grey, colour, scaling)."""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

ImageLike = Image.Image | np.ndarray


def pixels(img: Image.Image, mode: str | None = None) -> np.ndarray:
    """The pixels of ``img`` (converted to ``mode``, "L" or "RGB", when given) as a read-only
    array, made once per image and mode.

    PIL copies every pixel on each conversion to an array, and a page is looked at many
    times (QR, upright, registration, colour, classification); the array is kept on the
    image, read-only so that no look can change what the next one sees.
    """
    mode = mode or img.mode
    cache = img.__dict__.setdefault("_formgen_pixels", {})
    arr = cache.get(mode)
    if arr is None:
        if mode == img.mode:
            arr = np.asarray(img)
        elif mode == "L" and img.mode == "RGB":
            arr = cv2.cvtColor(pixels(img), cv2.COLOR_RGB2GRAY)
        elif mode == "RGB" and img.mode == "L":
            arr = cv2.cvtColor(pixels(img), cv2.COLOR_GRAY2RGB)
        else:
            arr = np.asarray(img.convert(mode))
        arr.flags.writeable = False
        cache[mode] = arr
    return arr


def to_gray(img: ImageLike) -> np.ndarray:
    """An 8-bit single-channel array of ``img`` (PIL image or RGB/grey array)."""
    if isinstance(img, Image.Image):
        return pixels(img, "L")
    arr = np.asarray(img)
    if arr.ndim == 2:
        return arr if arr.dtype == np.uint8 else np.clip(arr, 0, 255).astype(np.uint8)
    if arr.shape[2] == 4:
        arr = arr[:, :, :3]
    return cv2.cvtColor(np.ascontiguousarray(arr), cv2.COLOR_RGB2GRAY)


def to_pil(arr: np.ndarray) -> Image.Image:
    """A PIL image of a grey or RGB uint8 array."""
    return Image.fromarray(np.ascontiguousarray(arr))


def is_color(img: ImageLike, *, min_fraction: float = 0.01, min_chroma: int = 40) -> bool:
    """Whether a page holds real colour: at least ``min_fraction`` of pixels with chroma.

    Chroma is max(R,G,B) - min(R,G,B) on a downscaled copy, so JPEG noise and the
    faint tint of a scanner's grey do not count as colour. The copy averages every
    third pixel of each third row: as good a sample, at a ninth of the reading.
    """
    if isinstance(img, Image.Image):
        if img.mode not in ("RGB", "RGBA"):
            return False
        arr = pixels(img, "RGB")
    else:
        arr = np.asarray(img)
        if arr.ndim == 2:
            return False
        arr = arr[:, :, :3]
    h, w = arr.shape[:2]
    step = max(1, min(3, max(h, w) // 1200))
    sample = arr if step == 1 else cv2.resize(np.ascontiguousarray(arr), (w // step, h // step),
                                              interpolation=cv2.INTER_NEAREST)
    small = scale_array(sample, min(1.0, 400 / max(sample.shape[:2])))
    chroma = small.max(axis=2).astype(np.int16) - small.min(axis=2)
    return float((chroma >= min_chroma).mean()) >= min_fraction


class _ShrunkCopies:
    """Shrunk copies of the pages being worked on.

    A page is shrunk for several looks (QR, ink, rectangles, photos, colour), and one area
    resize of a 300-dpi page costs more than most of those looks; so the copies of the
    latest few arrays (a page's colour and grey pixels) are kept, keyed by their pixel
    buffer, and handed out read-only. Smaller copies come from the nearest larger one.
    """

    SOURCES = 3
    FIRST_SIDE = 1400   # most looks work at this size or a little below: made first, then shrunk

    def __init__(self) -> None:
        # key -> (source held so its buffer cannot be reused, {max_side: (copy, factor)})
        self.entries: dict[tuple, tuple[np.ndarray, dict[int, tuple[np.ndarray, float]]]] = {}

    def get(self, arr: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
        key = (arr.__array_interface__["data"][0], arr.shape, arr.strides, arr.dtype.str)
        entry = self.entries.pop(key, None) or (arr, {})
        self.entries[key] = entry                       # most recent last
        while len(self.entries) > self.SOURCES:
            self.entries.pop(next(iter(self.entries)))
        copies = entry[1]
        found = copies.get(max_side)
        if found is None:
            h, w = arr.shape[:2]
            factor = max_side / max(h, w)
            size = (max(1, round(w * factor)), max(1, round(h * factor)))
            larger = [side for side in copies if side > max_side]
            if not larger and self.FIRST_SIDE / 2 <= max_side < self.FIRST_SIDE < max(h, w):
                self.get(arr, self.FIRST_SIDE)
                larger = [self.FIRST_SIDE]
            base = copies[min(larger)][0] if larger else arr
            small = cv2.resize(base, size, interpolation=cv2.INTER_AREA)
            small.flags.writeable = False
            found = copies[max_side] = (small, factor)
        return found


_SHRUNK = _ShrunkCopies()


def downscale(arr: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    """``arr`` shrunk (area interpolation) so its longer side is at most ``max_side``, and
    the factor applied. The result may be shared: it is read-only."""
    if max(arr.shape[:2]) <= max_side:
        return arr, 1.0
    return _SHRUNK.get(arr, max_side)


def scale_array(arr: np.ndarray, factor: float) -> np.ndarray:
    """``arr`` resized by ``factor`` (area interpolation down, linear up)."""
    if abs(factor - 1) < 1e-6:
        return arr
    h, w = arr.shape[:2]
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    interp = cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR
    return cv2.resize(arr, size, interpolation=interp)


def runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of true values in ``flags`` (e.g. the rows of a crop
    that hold print: its lines of text)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], np.asarray(flags, np.int8), [0]))))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def grey_percentiles(grey: np.ndarray, qs: tuple[float, ...]) -> tuple[float, ...]:
    """``np.percentile(grey, q)`` for each of ``qs`` (linear interpolation, the same floats),
    from the grey levels' histogram: an 8-bit page is counted once instead of sorted once
    per look."""
    if grey.dtype != np.uint8 or not 0 < grey.size < 2 ** 24:   # float32 counts stay exact
        return tuple(float(v) for v in np.percentile(grey, qs))
    hist = cv2.calcHist([np.ascontiguousarray(grey)], [0], None, [256], [0, 256])
    cumulative = np.cumsum(hist.ravel().astype(np.int64))
    n = int(cumulative[-1])
    out = []
    for q in qs:
        share = np.float64(q) / 100
        index = (n - 1) * share                               # numpy's "linear" position
        below = min(int(np.floor(index)), n - 1)
        gamma = float(index - below)
        a, b = (np.uint8(np.searchsorted(cumulative, k, side="right"))
                for k in (below, min(below + 1, n - 1)))
        diff = b - a
        out.append(float(b - diff * (1 - gamma)) if gamma >= 0.5 else float(a + diff * gamma))
    return tuple(out)


def depth_below_paper(grey: np.ndarray, size: int) -> np.ndarray:
    """How much darker each pixel of ``grey`` is than the lightest within ``size`` pixels
    of it (a grey closing: the paper round a stroke narrower than ``size``), as int16. A
    shadow or a lamp's fall-off, far wider than a stroke, comes out near 0; print
    however pale stands out by its own depth."""
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size | 1,) * 2)
    return cv2.dilate(grey, k).astype(np.int16) - grey.astype(np.int16)


LETTER_PAPER_SPAN = 0.8   # of a line's height: the paper round a letter lies this near


def line_depth(crop: np.ndarray) -> np.ndarray:
    """:func:`depth_below_paper` of a crop one line of print high: each pixel's depth
    below the paper round its letters, a shade over the line left out."""
    return depth_below_paper(crop, int(LETTER_PAPER_SPAN * crop.shape[0]))
