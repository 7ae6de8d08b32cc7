"""Synthetic attachment images: sizes, colours, what a reader finds on them."""
from __future__ import annotations

import random

import cv2
import numpy as np
import pytesseract
import pytest

from scansim.documents import (
    make_materai,
    make_pas_foto,
    make_pas_foto_page,
    make_signature,
)
from scansim.people import make_people

CASCADE = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")


def faces(image) -> int:
    grey = cv2.cvtColor(np.asarray(image.convert("RGB")), cv2.COLOR_RGB2GRAY)
    return len(CASCADE.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5,
                                        minSize=(grey.shape[1] // 5, grey.shape[1] // 5)))


@pytest.fixture(scope="module")
def people():
    people = make_people(30, seed=21)
    for p in people[::3]:  # enough women to draw hijab and long hair
        p["jenis_kelamin"] = "P"
    return people


def test_pas_foto_faces_detected_by_kind(people):
    found = [faces(make_pas_foto(p, rng=random.Random(i), kind="ok")[0])
             for i, p in enumerate(people[:20])]
    assert sum(n == 1 for n in found) >= 18, found
    photo, truth = make_pas_foto(people[0], rng=random.Random(1), kind="ok")
    assert photo.size == (354, 472) and truth["faces"] == 1 and truth["aspect_ok"]
    for i, p in enumerate(people[:8]):
        photo, truth = make_pas_foto(p, rng=random.Random(i), kind="no_face")
        assert faces(photo) == 0 and truth["faces"] == 0
    two = [faces(make_pas_foto(p, rng=random.Random(i), kind="two_faces")[0])
           for i, p in enumerate(people[:8])]
    assert sum(n == 2 for n in two) >= 6, two
    square, truth = make_pas_foto(people[0], rng=random.Random(2), kind="square")
    assert square.size == (472, 472) and not truth["aspect_ok"] and faces(square) == 1
    with pytest.raises(ValueError):
        make_pas_foto(people[0], rng=random.Random(2), kind="selfie")


def test_pas_foto_background_is_plain_except_busy(people):
    for bg, rgb in (("red", (196, 32, 38)), ("blue", (28, 72, 168)), ("white", (246, 246, 244))):
        photo, truth = make_pas_foto(people[4], rng=random.Random(5), background=bg)
        corner = np.asarray(photo)[5:40, 5:40].reshape(-1, 3)
        assert np.abs(corner - np.array(rgb)).max() < 12 and truth["plain_background"]
    busy, truth = make_pas_foto(people[4], rng=random.Random(5), kind="busy_background")
    assert np.asarray(busy)[:60].reshape(-1, 3).std(axis=0).max() > 25
    assert not truth["plain_background"]


def test_pas_foto_page_keeps_a_detectable_face(people):
    page, truth = make_pas_foto_page(people[5], rng=random.Random(6), dpi=300, copies=2)
    assert page.size == (2480, 3508) and truth["copies"] == 2
    x0, y0, x1, y1 = truth["photo_boxes"][0]
    assert faces(page.crop((x0, y0, x1, y1))) == 1


def test_materai_is_a_pink_sticker_with_perforations():
    sticker = make_materai(rng=random.Random(8), dpi=300)
    assert sticker.mode == "RGBA" and sticker.size == (354, 295)  # 30 x 25 mm
    arr = np.asarray(sticker).astype(int)
    opaque = arr[arr[..., 3] > 0]
    pink = (opaque[:, 0] > 170) & (opaque[:, 1] < 140) & (opaque[:, 2] > 90)
    assert pink.mean() > 0.5
    assert arr[0, 0, 3] == 0  # the perforated edge is cut out
    text = pytesseract.image_to_string(sticker.convert("RGB").convert("L"), config="--psm 6")
    assert "10000" in text.replace(" ", "")


def test_signature_has_ink_inside_its_size():
    for seed in range(5):
        sig = make_signature(rng=random.Random(seed), width_px=400, height_px=150)
        alpha = np.asarray(sig)[..., 3]
        assert sig.size == (400, 150)
        assert 0.02 < (alpha > 0).mean() < 0.3
    a = make_signature(rng=random.Random(1), width_px=200, height_px=80)
    b = make_signature(rng=random.Random(1), width_px=200, height_px=80)
    assert a.tobytes() == b.tobytes()
