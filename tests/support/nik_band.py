"""The digit-shape reading of a NIK band in tests: cut into its glyphs, never a digit wrong."""
from __future__ import annotations

import numpy as np

from ocr.ktp.glyphs import glyph_spans, read_glyphs


def read_shapes(binary: np.ndarray, truth: str) -> str:
    """The digits the shapes name on ``binary`` (print 0 on 255), ``?`` where unsure; the
    band must fall apart into one glyph per digit of ``truth`` and name none wrong."""
    boxes = glyph_spans(binary)
    assert len(boxes) == len(truth)
    read = read_glyphs(binary, boxes)
    assert all(r in ("?", t) for r, t in zip(read, truth, strict=True)), read   # never wrong
    return read
