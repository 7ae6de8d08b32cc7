"""Registration of scanned form pages to their template, end to end from the rendered page."""
from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageOps

from ocr.errors import RegistrationError
from ocr.qr import identify
from ocr.register import register_page
from ocr.upright import make_upright
from scansim.formpages import (
    A4,
    PAGE_ID,
    TARGET_BOX,
    TARGET_FILL_CENTRE,
    TARGET_FILL_SIDE,
    gaussian_noise,
    jpeg,
    make_form_pdf,
    render_pdf,
    rotate,
    speckle,
)

DEFECTS = {
    "clean": lambda i: i,
    "rot+3": lambda i: rotate(i, 3),
    "rot-3": lambda i: rotate(i, -3),
    "upside-down": lambda i: rotate(i, 180),
    "grey": lambda i: i.convert("L"),
    "noise": lambda i: gaussian_noise(i, 15),
    "speckle": lambda i: speckle(i, 0.006),
    "jpeg50": lambda i: jpeg(i, 50),
    "all": lambda i: jpeg(speckle(gaussian_noise(rotate(i.convert("L"), 181.5), 12)), 50),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    d = tmp_path_factory.mktemp("register")
    geos = {"form": make_form_pdf(d / "form.pdf"),
            "nomarks": make_form_pdf(d / "nomarks.pdf", with_marks=False),
            "noqr": make_form_pdf(d / "noqr.pdf", with_qr=False),
            "bare": make_form_pdf(d / "bare.pdf", with_qr=False, with_marks=False)}
    return d, geos


def pipeline(img: Image.Image, geo):
    """What ingest does with a page: identify, turn upright, register."""
    ident = identify(img)
    up = make_upright(img, qr_hits=[ident.hit] if ident.hit else None)
    reg = register_page(up.image, geo, A4, qr_hit=up.hits[0] if up.hits else None)
    return ident, up, reg


def fill_offset_mm(reg, dpi: int = 200) -> float:
    """Distance between where the filled square sits in the target box's crop and where
    the template put it."""
    inset = 1.0  # drop the box's own border
    crop = reg.crop(TARGET_BOX.rect, dpi=dpi, inset_mm=inset)
    assert crop.shape == (round(18 * dpi / 25.4), round(78 * dpi / 25.4))
    _, binary = cv2.threshold(crop, 128, 255, cv2.THRESH_BINARY_INV)
    n, _, stats, centroids = cv2.connectedComponentsWithStats(binary)
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    side_px = TARGET_FILL_SIDE * dpi / 25.4
    assert stats[biggest, cv2.CC_STAT_AREA] == pytest.approx(side_px ** 2, rel=0.2)
    cx, cy = (centroids[biggest] + 0.5) * 25.4 / dpi + inset
    return float(np.hypot(cx - TARGET_FILL_CENTRE[0], cy - TARGET_FILL_CENTRE[1]))


@pytest.mark.parametrize("dpi,defect", [
    (150, "clean"), (150, "rot+3"), (150, "upside-down"), (150, "all"),
    (200, "clean"), (200, "rot-3"), (200, "grey"), (200, "noise"), (200, "speckle"),
    (200, "jpeg50"), (200, "all"),
    (300, "clean"), (300, "rot+3"), (300, "upside-down"), (300, "all"),
])
def test_form_page_registers(pdfs, dpi, defect):
    d, geos = pdfs
    img = DEFECTS[defect](render_pdf(d / "form.pdf", dpi))
    ident, up, reg = pipeline(img, geos["form"])
    assert (ident.page_id, ident.status) == (PAGE_ID, "ok")
    assert up.rotation == (180 if defect in ("upside-down", "all") else 0)
    assert (reg.ok, reg.method, reg.marks_found) == (True, "marks", 4)
    assert reg.residual_mm < 0.5
    assert reg.px_per_mm == pytest.approx(dpi / 25.4, rel=0.02)
    assert fill_offset_mm(reg) < 0.5


@pytest.mark.slow
def test_form_page_registers_at_600_dpi(pdfs):
    d, geos = pdfs
    _, up, reg = pipeline(rotate(render_pdf(d / "form.pdf", 600), -2), geos["form"])
    assert reg.method == "marks" and reg.residual_mm < 0.5
    assert fill_offset_mm(reg) < 0.5


def test_page_offset_on_the_scanner_glass(pdfs):
    """The paper lies 8 mm right and 6 mm down on a bigger scan, and has no QR to help."""
    d, geos = pdfs
    img = ImageOps.expand(render_pdf(d / "noqr.pdf", 150), border=(47, 35, 0, 0), fill="white")
    ident, up, reg = pipeline(img, geos["noqr"])
    assert ident.status == "none"
    assert reg.method == "marks" and reg.residual_mm < 0.5
    assert fill_offset_mm(reg) < 0.5


def test_missing_mark_falls_back_to_three(pdfs):
    d, geos = pdfs
    img = render_pdf(d / "form.pdf", 150)
    ImageDraw.Draw(img).rectangle((0, 0, 120, 120), fill="white")  # top-left mark gone
    _, _, reg = pipeline(img, geos["form"])
    assert (reg.method, reg.marks_found, reg.ok) == ("marks3", 3, True)
    assert reg.confidence < 1.0
    assert fill_offset_mm(reg) < 0.5


def test_no_marks_falls_back_to_the_qr(pdfs):
    d, geos = pdfs
    _, _, reg = pipeline(rotate(render_pdf(d / "nomarks.pdf", 200), 2), geos["nomarks"])
    assert (reg.method, reg.marks_found, reg.ok) == ("qr", 0, True)
    assert reg.confidence <= 0.5
    assert fill_offset_mm(reg) < 1.5  # a 30 mm symbol's corners carry less precision


def test_nothing_to_align_to(pdfs):
    d, geos = pdfs
    _, _, reg = pipeline(render_pdf(d / "bare.pdf", 150), geos["bare"])
    assert (reg.ok, reg.method, reg.confidence) == (False, "none", 0.0)
    with pytest.raises(RegistrationError):
        reg.crop(TARGET_BOX.rect)


def test_warp_gives_the_template_frame(pdfs):
    d, geos = pdfs
    _, _, reg = pipeline(rotate(render_pdf(d / "form.pdf", 200), 2.5), geos["form"])
    page = reg.warp(100)
    assert page.shape == (round(297 * 100 / 25.4), round(210 * 100 / 25.4))
    for cx, cy, _side in geos["form"].marks:  # every mark lands where the template has it
        x, y = round(cx * 100 / 25.4), round(cy * 100 / 25.4)
        assert page[y - 5:y + 5, x - 5:x + 5].max() < 100
    assert reg.to_px([(105.0, 148.5)]).shape == (1, 2)


def _perspective(img: Image.Image, shift: float) -> Image.Image:
    """A phone-photo-like view: the top edge narrower than the bottom, on a dark table."""
    arr = np.asarray(img.convert("L"))
    h, w = arr.shape
    pad = int(0.08 * w)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[pad + shift * w, pad], [pad + w - shift * w, pad + 0.01 * h],
                      [pad + w, pad + h], [pad, pad + h]])
    m = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(arr, m, (w + 2 * pad, h + 2 * pad), borderValue=40)
    result = Image.fromarray(out)
    result.info["dpi"] = img.info["dpi"]
    return result


def test_phone_photo_perspective(pdfs):
    d, geos = pdfs
    img = _perspective(render_pdf(d / "form.pdf", 200), 0.04)
    ident, _, reg = pipeline(img, geos["form"])
    assert ident.status == "ok"
    assert reg.method == "marks" and reg.residual_mm < 0.5
    assert fill_offset_mm(reg) < 0.5


def test_feeder_scan_with_dark_borders(pdfs):
    """A document feeder's skewed page shows the dark lid in the corners."""
    d, geos = pdfs
    page = render_pdf(d / "noqr.pdf", 200)
    img = page.rotate(2.0, resample=Image.BILINEAR, expand=False, fillcolor=(20, 20, 20))
    img.info["dpi"] = (200, 200)
    _, up, reg = pipeline(img, geos["noqr"])
    assert reg.method == "marks" and reg.residual_mm < 0.5
    assert fill_offset_mm(reg) < 0.5
