"""Checkbox, signature and materai readers on rendered form boxes with scan defects."""
from __future__ import annotations

import random

import numpy as np
import pytest

from benchmarks import formboxes as F
from ocr.marks import read_checkbox, read_signature
from ocr.materai import read_materai


@pytest.fixture
def rngs():
    return random.Random(7), np.random.default_rng(7)


def _checkbox(rngs, dpi, tick=None, speckle=0):
    _, g = rngs
    box = F.render_box(5, 5, dpi, shift=F.random_shift(g))
    if tick:
        F.draw_tick(box, g, tick)
    return np.asarray(F.scan(box, g, speckle=speckle))


@pytest.mark.parametrize("dpi", [200, 300])
def test_checkbox_ticked_and_empty(rngs, dpi):
    for _ in range(6):
        assert read_checkbox(_checkbox(rngs, dpi, tick="v"))[0] is True
        assert read_checkbox(_checkbox(rngs, dpi, tick="x"))[0] is True
        ticked, confidence = read_checkbox(_checkbox(rngs, dpi, speckle=6))
        assert ticked is False and confidence >= 0.8


def test_checkbox_border_of_a_shifted_box_is_not_a_tick(rngs):
    _, g = rngs
    for dx, dy in [(-2, 0), (2, 2), (0, -2)]:
        box = F.render_box(5, 5, 200, shift=(dx, dy))
        assert read_checkbox(np.asarray(F.scan(box, g)))[0] is False


def _signature_box(rngs, dpi, *, signed, stamp=False, speckle=30):
    r, g = rngs
    box = F.render_box(60, 25, dpi, shift=F.random_shift(g))
    if signed:
        F.paste_signature(box, r, dpi)
    if stamp:
        F.draw_stamp(box, g, dpi)
    return np.asarray(F.scan(box, g, speckle=speckle))


@pytest.mark.parametrize("dpi", [200, 300])
def test_signature_present_absent_and_stamp(rngs, dpi):
    for _ in range(4):
        signed, confidence = read_signature(_signature_box(rngs, dpi, signed=True), dpi=dpi)
        assert signed is True and confidence >= 0.7
        assert read_signature(_signature_box(rngs, dpi, signed=False), dpi=dpi)[0] is False
        # A rubber stamp alone is not a signature; a stamp over a signature still is one.
        assert read_signature(_signature_box(rngs, dpi, signed=False, stamp=True),
                              dpi=dpi)[0] is False
        assert read_signature(_signature_box(rngs, dpi, signed=True, stamp=True),
                              dpi=dpi)[0] is True


def test_signature_heavy_jpeg_noise_is_not_ink(rngs):
    _, g = rngs
    box = F.render_box(60, 25, 200)
    crop = np.asarray(F.scan(box, g, jpeg=25, noise=14, speckle=120))
    assert read_signature(crop, dpi=200)[0] is False


def _materai_box(rngs, dpi, *, grey, sticker=False, signature=False, e_meterai=False):
    r, g = rngs
    box = F.render_box(40, 30, dpi, shift=F.random_shift(g))
    if sticker:
        F.paste_materai(box, r, dpi)
    if e_meterai:
        F.paste_e_meterai(box, r, dpi)
    if signature:
        F.paste_signature(box, r, dpi)
    return np.asarray(F.scan(box, g, grey=False).convert("L" if grey else "RGB")
                      .convert("RGB"))


@pytest.mark.parametrize("dpi", [200, 300])
def test_materai_on_colour_scan(rngs, dpi):
    present, kind, confidence = read_materai(
        _materai_box(rngs, dpi, grey=False, sticker=True, signature=True), is_color_scan=True)
    assert (present, kind) == (True, "sticker") and confidence >= 0.8
    assert read_materai(_materai_box(rngs, dpi, grey=False), is_color_scan=True)[0] is False
    # Signature ink alone is not a materai.
    assert read_materai(_materai_box(rngs, dpi, grey=False, signature=True),
                        is_color_scan=True)[:2] == (False, None)


def test_materai_on_greyscale_scan(rngs):
    present, kind, _ = read_materai(_materai_box(rngs, 200, grey=True, sticker=True,
                                                 signature=True), is_color_scan=False)
    assert (present, kind) == (True, "texture")
    assert read_materai(_materai_box(rngs, 200, grey=True), is_color_scan=False)[0] is False
    assert read_materai(_materai_box(rngs, 200, grey=True, signature=True),
                        is_color_scan=False)[0] is False


def test_e_meterai_qr_counts(rngs):
    for grey in (False, True):
        present, kind, _ = read_materai(_materai_box(rngs, 200, grey=grey, e_meterai=True),
                                        is_color_scan=not grey)
        assert (present, kind) == (True, "e-meterai")
