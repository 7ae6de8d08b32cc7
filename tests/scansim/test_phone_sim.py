"""The phone-photo simulator: a page on a table in perspective, as a phone's JPEG with EXIF."""
from __future__ import annotations

import io
import random

import numpy as np
import pytest
from PIL import Image, ImageOps

from scansim.phone import EXIF_ORIENTATION_TAG, photograph, projected_corners
from scansim.scan import simulate_returns


def _page() -> Image.Image:
    page = Image.new("RGB", (850, 1200), (250, 250, 248))
    page.paste((20, 20, 20), (100, 100, 750, 160))
    return page


@pytest.mark.parametrize("seed", [0, 3])
def test_photo_is_a_phone_jpeg_with_its_orientation(seed):
    data, truth = photograph(_page(), random.Random(seed))
    with Image.open(io.BytesIO(data)) as raw:
        assert raw.format == "JPEG"
        assert raw.getexif()[EXIF_ORIENTATION_TAG] == truth["orientation"]
        assert round(raw.info["dpi"][0]) == 72
        assert sorted(raw.size) in ([2448, 3264], [3024, 4032])
        seen = np.asarray(ImageOps.exif_transpose(raw).convert("L"))
    assert seen.shape[0] > seen.shape[1]              # a portrait page held upright
    corners = np.asarray(truth["corners"])
    inside = seen[int(corners[:, 1].mean()), int(corners[:, 0].mean())]
    table = seen[2, 2]
    assert inside > table + 40                        # paper lighter than the table
    assert (corners >= 0).all() and (corners[:, 0] < seen.shape[1]).all()
    assert 0 < truth["tilt"] <= 25


def test_projection_keeps_the_page_in_the_frame_and_tilts_it():
    for seed in range(5):
        corners, tilt = projected_corners(2100, 2970, 3024, 4032, random.Random(seed))
        assert (corners >= 0).all() and (corners[:, 0] <= 3024).all()
        assert (corners[:, 1] <= 4032).all()
        top = np.linalg.norm(corners[1] - corners[0])
        bottom = np.linalg.norm(corners[2] - corners[3])
        assert 7.5 <= tilt <= 25
        assert abs(top / bottom - 1) > 0.005 or abs(
            np.linalg.norm(corners[3] - corners[0]) / np.linalg.norm(corners[2] - corners[1])
            - 1) > 0.005                              # in perspective, not a flat scan


def test_unknown_capture_is_refused(tmp_path):
    with pytest.raises(ValueError, match="capture"):
        simulate_returns([], tmp_path, people={}, capture="fax")
