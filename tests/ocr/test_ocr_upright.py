"""Turning pages upright: by the QR code, by Tesseract OSD without one, and deskewing."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr.qr import read_codes
from ocr.upright import _letter_marks, make_upright
from scansim.formpages import make_form_pdf, render_pdf, rotate
from scansim.ijazah import face


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    d = tmp_path_factory.mktemp("upright")
    make_form_pdf(d / "form.pdf")
    make_form_pdf(d / "text.pdf", with_qr=False, with_marks=False)
    return d


@pytest.mark.parametrize("turn", [0, 90, 180, 270, 2.5, -2.5, 182, 88])
def test_qr_gives_rotation_and_skew(pdfs, turn):
    img = rotate(render_pdf(pdfs / "form.pdf", 150), turn)
    hits = read_codes(img)
    up = make_upright(img, qr_hits=hits)
    total = (up.rotation + up.skew) % 360
    assert up.method == "qr" and up.confidence == 1.0
    assert up.rotation == round(-turn / 90) % 4 * 90
    assert min(abs(total - (-turn) % 360), 360 - abs(total - (-turn) % 360)) < 0.6
    # the hits moved with the page: reading the upright page finds the code where they say
    (again,) = read_codes(up.image)
    assert np.abs(np.subtract(again.corners_px, up.hits[0].corners_px)).max() < 3
    assert up.hits[0].orientation_deg == pytest.approx(0, abs=0.6) or \
        up.hits[0].orientation_deg == pytest.approx(360, abs=0.6)


def test_quarter_turns_keep_pixels(pdfs):
    img = render_pdf(pdfs / "form.pdf", 100)
    up = make_upright(img.rotate(90, expand=True), qr_hits=read_codes(img.rotate(90, expand=True)))
    assert (up.rotation, up.skew) == (270, 0.0)
    assert np.array_equal(np.asarray(up.image), np.asarray(img))  # exact, no resampling
    assert up.image.info["dpi"] == (100, 100)


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_osd_without_qr(pdfs, turn):
    img = rotate(render_pdf(pdfs / "text.pdf", 150).convert("L"), turn)
    up = make_upright(img)
    assert up.method == "osd"
    assert up.rotation == (-turn) % 360
    assert up.image.size == (img.size if turn == 180 else (img.height, img.width))


@pytest.mark.parametrize("skew", [4.0, -2.5])
def test_deskew_without_qr(pdfs, skew):
    img = rotate(render_pdf(pdfs / "text.pdf", 150).convert("L"), skew)
    up = make_upright(img)
    assert up.rotation == 0
    assert up.skew == pytest.approx(-skew, abs=0.25)


def test_deskew_can_be_left_out(pdfs):
    img = rotate(render_pdf(pdfs / "form.pdf", 100), 2)
    up = make_upright(img, qr_hits=read_codes(img), deskew=False)
    assert (up.rotation, up.skew) == (0, 0.0) and up.image is img


def test_blank_and_photo_pages_do_not_fail():
    blank = Image.new("L", (1240, 1754), 255)
    blank.info["dpi"] = (150, 150)
    up = make_upright(blank)
    assert (up.rotation, up.skew, up.confidence) == (0, 0.0, 0.0)
    assert up.image is blank
    rng = np.random.default_rng(3)
    photo = Image.fromarray(rng.integers(0, 255, (300, 400, 3), dtype=np.uint8), "RGB")
    up = make_upright(photo)  # no dpi, no text: a guess at worst, never an error
    assert up.rotation in (0, 90, 180, 270) and up.confidence <= 0.5


def test_a_line_of_words_has_more_letter_marks_than_a_signature():
    """The lines a sideways page is probed with are lines of words, not the inkier stroke
    of a signature or a seal's ring."""
    words = Image.new("L", (700, 40), 255)
    ImageDraw.Draw(words).text((10, 5), "dari Mts Negeri 2 Pangkalan", font=face("sans", 26),
                                fill=0)
    stroke = Image.new("L", (700, 40), 255)
    ImageDraw.Draw(stroke).line([(10 + 20 * k, 5 + 28 * (k % 2)) for k in range(30)],
                                fill=0, width=4)
    ink = []
    for img in (words, stroke):   # a line's rows of ink, as the probe cuts them
        mask = (np.asarray(img) < 128).astype(np.uint8)
        rows = np.flatnonzero(mask.any(axis=1))
        ink.append(mask[rows[0]:rows[-1] + 1])
    assert ink[1].sum() > ink[0].sum()            # the stroke is the inkier line
    assert _letter_marks(ink[0]) >= 15 > 2 >= _letter_marks(ink[1])
