"""A second, independent recognizer for single text lines the readers have already found.

Tesseract reads the page's words; on card and diploma designs it was never shown (unusual
type faces, security backgrounds, handwriting) it often reads a NIK or a name only in part.
A line recognizer trained on real-world text (PP-OCR, run by RapidOCR on ONNX Runtime; the
models ship inside the package, nothing is downloaded) reads such lines far more often, and
it errs differently from Tesseract, so its reading is a second witness: a reader takes a
value when the witnesses and the document's own checks agree, and asks a person when they
do not. Only recognition runs here (no text detection): a line crop costs some 30 ms.

The engine is loaded once per process, single-threaded (pages are read in parallel
processes already) and imported on first use (the import alone takes about a second).
Where the package is missing, :func:`available` is False and the readers carry on with
Tesseract alone.
"""
from __future__ import annotations

import functools
import importlib.util
import logging
import threading
from dataclasses import dataclass

import numpy as np
from PIL import Image

_LOCK = threading.Lock()  # one loaded engine reads one crop at a time
MIN_HEIGHT_PX = 8  # a crop lower than this holds no readable line
WHITE_BORDER_PX = 6  # white a caller keeps round a crop cut tight to its print


@dataclass(frozen=True)
class LineReading:
    """What the recognizer read on a line crop and how sure it was (0-1, the mean of its
    characters' probabilities)."""
    text: str
    score: float


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """True when the line recognizer is installed."""
    return importlib.util.find_spec("rapidocr") is not None


@functools.lru_cache(maxsize=1)
def _engine():
    from rapidocr import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return RapidOCR(params={
        "Global.log_level": "error",
        "Global.text_score": 0.0,           # every reading comes back, with its score
        "EngineConfig.onnxruntime.intra_op_num_threads": 1,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    })


def warm_up() -> None:
    """Load the recognizer now (a worker's start) rather than on its first line: a first
    reading loads it and sets it up."""
    read_line(np.full((32, 96, 3), 255, np.uint8))


def _rgb(image: Image.Image | np.ndarray, border: int = 0) -> np.ndarray | None:
    """``image`` as the RGB array the recognizer takes, ``border`` pixels of white round
    it; None when it is too small to hold a line."""
    array = np.asarray(image.convert("RGB") if isinstance(image, Image.Image) else image)
    if array.ndim == 2:
        array = np.stack([array] * 3, axis=-1)
    if border:
        array = np.pad(array, ((border, border), (border, border), (0, 0)),
                       constant_values=255)
    if array.shape[0] < MIN_HEIGHT_PX or array.shape[1] < MIN_HEIGHT_PX:
        return None
    return np.ascontiguousarray(array)


def line_probabilities(image: Image.Image | np.ndarray, *, border: int = 0
                       ) -> tuple[np.ndarray, tuple[str, ...]] | None:
    """How likely each character is on each slice of the line on ``image`` (slices x
    characters, the recognizer's blank first; ``border`` as for :func:`read_line`) and
    the characters; None when the recognizer is not installed or the crop holds no line."""
    array = _rgb(image, border) if available() else None
    if array is None:
        return None
    with _LOCK:
        engine = _engine()
        if engine.text_rec is None:
            engine._load_rec_model()
        rec = engine.text_rec
        height, width = rec.rec_image_shape[1:3]
        ratio = max(width / height, array.shape[1] / array.shape[0])
        probs = rec.session(rec.resize_norm_img(array, ratio)[np.newaxis].astype(np.float32))
    return np.asarray(probs)[0], tuple(rec.postprocess_op.character)


def read_line(image: Image.Image | np.ndarray, *, border: int = 0) -> LineReading | None:
    """Read one line of text on ``image`` (a crop around the line, upright), with
    ``border`` pixels of white added round it first. None when the recognizer is not
    installed or the crop is too small to hold a line."""
    array = _rgb(image, border) if available() else None
    if array is None:
        return None
    with _LOCK:
        out = _engine()(array, use_det=False, use_cls=False,
                        use_rec=True)
    texts = list(out.txts or ())
    if not texts:
        return LineReading("", 0.0)
    return LineReading(texts[0].strip(), float(out.scores[0]))
