"""Phone photos of a form page or a KTP: EXIF turned, the document found and rectified like a
scan, identified and registered; photos without a document are capped, never blown up."""
from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image

from ocr.attachments import SHEETS
from ocr.load import open_document
from ocr.photo import find_document_quad, flatten_light, nearest_paper, rectangle_ratio
from ocr.qr import identify
from ocr.register import register_page
from ocr.upright import make_upright
from scansim.formpages import PAGE_ID, document_geometry, make_form_pdf, render_pdf
from scansim.ktp import make_ktp
from scansim.people import make_people
from scansim.phone import photograph, projected_corners


@pytest.fixture(scope="module")
def form_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("photo") / "form.pdf"
    make_form_pdf(path)
    return render_pdf(path, 200)


def _photo(tmp_path, document: Image.Image, seed: int, **kw):
    data, truth = photograph(document, random.Random(seed), **kw)
    path = tmp_path / f"photo_{seed}.jpg"
    path.write_bytes(data)
    return path, truth


@pytest.mark.parametrize("seed", [1, 4])
def test_photographed_form_is_identified_and_registered(tmp_path, form_page, seed):
    path, truth = _photo(tmp_path, form_page, seed)
    with Image.open(path) as raw:
        assert raw.getexif()[0x0112] == truth["orientation"]
        assert 7.9e6 <= raw.width * raw.height <= 12.5e6
    with open_document(path) as doc:
        page = doc.render(0, dpi=200)
    assert page.info["photo"] == "A4"
    photo_dpi = page.info["dpi"][0]
    assert 200 <= photo_dpi <= 300                    # the photo's own resolution is kept
    short, long = sorted(page.size)                   # A4, sideways or not
    assert abs(short - 210 / 25.4 * photo_dpi) <= 1 and abs(long - 297 / 25.4 * photo_dpi) <= 1
    identity = identify(page)
    assert identity.page_id == PAGE_ID
    upright = make_upright(page, qr_hits=[identity.hit])
    geometry = document_geometry()
    registered = register_page(upright.image, geometry.page(1), geometry.size_mm,
                               qr_hit=upright.hits[0])
    assert registered.ok and registered.method == "marks", registered
    assert registered.residual_mm < 0.5


def test_photographed_ktp_is_cut_out_as_a_card(tmp_path):
    person = make_people(1, seed=3)[0]
    card, _truth = make_ktp(person, rng=random.Random(2), dpi=300)
    path, _ = _photo(tmp_path, card, 6)
    with open_document(path) as doc:
        page = doc.render(0, dpi=200)
    assert page.info["photo"] == "card"
    assert page.width > page.height                    # landscape, as card readers want it
    assert abs(page.width / page.height - 85.6 / 53.98) < 0.02


def test_photo_without_a_document_is_capped_not_rectified(tmp_path):
    rng = np.random.default_rng(0)
    noise = rng.integers(90, 160, (3024, 4032, 3), dtype=np.uint8)
    path = tmp_path / "meja.jpg"
    Image.fromarray(noise).save(path, "JPEG", quality=80, dpi=(72, 72))
    with open_document(path) as doc:
        page = doc.render(0, dpi=200)
    assert "photo" not in page.info
    assert max(page.size) <= round(330 / 25.4 * 200) + 1


@pytest.mark.parametrize("size_mm,paper", [((210, 297), "A4"), ((215, 330), "F4"),
                                           ((85.6, 53.98), "card")])
def test_perspective_ratio_tells_a4_from_f4_and_card(size_mm, paper):
    for seed in range(6):  # tilted up to 25 degrees, anywhere in the frame
        corners, _tilt = projected_corners(round(size_mm[0] * 10), round(size_mm[1] * 10),
                                           3024, 4032, random.Random(seed))
        assert nearest_paper(rectangle_ratio(corners, (4032, 3024))) == paper


def test_a_focal_length_solved_far_out_is_held_to_a_phone_cameras():
    """A card's outline found on a simulated phone photo (dark table, card tilted): its
    corners a pixel or two off, the focal length solves to 1.25 times the frame's
    diagonal and the card's proportions to 1.76, no paper; held to a phone camera's
    focal length they are a card's. A well-solved outline is not changed."""
    from ocr.photo import PHONE_FOCAL

    quad = np.array([[645.1, 797.0], [2718.9, 493.1], [2839.4, 2062.5], [738.1, 2018.1]])
    assert nearest_paper(rectangle_ratio(quad, (2448, 3264))) is None
    assert nearest_paper(rectangle_ratio(quad, (2448, 3264), focal_bounds=PHONE_FOCAL)) == "card"
    corners, _ = projected_corners(2100, 2970, 3024, 4032, random.Random(3))
    assert rectangle_ratio(corners, (4032, 3024), focal_bounds=PHONE_FOCAL) == \
        pytest.approx(rectangle_ratio(corners, (4032, 3024)), rel=0.02)


def test_paper_by_proportions():
    assert nearest_paper(297 / 210) == "A4"
    assert nearest_paper(330 / 215) == "F4"
    assert nearest_paper(85.6 / 53.98) == "card"
    assert nearest_paper(1.0) is None


def test_flatten_light_evens_a_shadowed_page():
    page = np.full((800, 600), 235, np.float32)
    page[:, :300] *= 0.6                                 # half the page in shadow
    page[400:410, 100:500] = 30                          # a printed line crossing it
    flat = flatten_light(page.astype(np.uint8), dpi=100)
    assert abs(int(flat[200, 100]) - int(flat[200, 500])) < 15
    assert flat[405, 150] < 90 and flat[405, 450] < 90   # ink stays ink on both sides


def _screen(sheet_print: bool) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A diploma's screenshot printed: a white sheet (A4 landscape) on the viewer's light
    grey, between its toolbar and navigation bar, with lines of print or none."""
    page = np.full((1400, 1000, 3), 246, np.uint8)            # the printed sheet's margin
    page[60:1340, 200:800] = 200                              # the viewer's grey
    page[60:160, 200:800] = 40                                # the toolbar
    page[1260:1340, 200:800] = 20                             # the navigation bar
    top, bottom, left, right = 420, 420 + 416, 206, 794
    page[top:bottom, left:right] = 250
    for y in range(top + 40, bottom - 40, 18) if sheet_print else ():
        page[y:y + 6, left + 60:right - 60 - (y % 5) * 30] = 60
    return page, (left, top, right, bottom)


def test_a_printed_sheet_on_a_light_screen_is_found():
    """The white sheet on the light grey that Otsu's level takes with it is found by what is
    nearly as light as the lightest of the picture."""
    page, (left, top, right, bottom) = _screen(sheet_print=True)
    quad = find_document_quad(page, papers=SHEETS)
    assert quad is not None
    xs, ys = quad[:, 0], quad[:, 1]
    assert abs(xs.min() - left) < 12 and abs(xs.max() - right) < 12
    assert abs(ys.min() - top) < 12 and abs(ys.max() - bottom) < 12


def test_an_empty_rectangle_is_no_sheet():
    """A rectangle of a paper's proportions with nothing printed in it (a screen's empty
    part) is not taken for the sheet."""
    page, _ = _screen(sheet_print=False)
    assert find_document_quad(page, papers=SHEETS) is None
