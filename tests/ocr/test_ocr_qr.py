"""Reading page identities from QR codes, and telling a damaged one from none at all."""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from ocr.pageid import PageId
from ocr.qr import find_page_id, identify, read_codes
from scansim.formpages import (
    PAGE_ID,
    QR_RECT,
    gaussian_noise,
    jpeg,
    make_form_pdf,
    render_pdf,
    rotate,
    speckle,
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("qr")
    out = {}
    for name, kw in {"form": {}, "plain": {"with_qr": False},
                     "foreign": {"with_qr": False, "extra_qr_text": "https://meterai.example/A1B2"},
                     "both": {"extra_qr_text": "https://meterai.example/A1B2"}}.items():
        make_form_pdf(d / f"{name}.pdf", **kw)
        out[name] = d / f"{name}.pdf"
    return out


@pytest.mark.parametrize("dpi", [150, 200, 300])
@pytest.mark.parametrize("turn", [0, 90, 180, 270, 3, -3])
def test_page_id_any_turn(pages, dpi, turn):
    img = rotate(render_pdf(pages["form"], dpi), turn)
    page_id, status = find_page_id(img)
    assert (page_id, status) == (PAGE_ID, "ok")
    (hit,) = read_codes(img)
    assert hit.orientation_deg == pytest.approx((-turn) % 360, abs=1.0)
    assert hit.modules == 33


@pytest.mark.parametrize("defect", ["grey-jpeg50", "noise", "speckle"])
def test_page_id_through_scan_defects(pages, defect):
    img = render_pdf(pages["form"], 200)
    damage = {"grey-jpeg50": lambda i: jpeg(i.convert("L"), 50),
              "noise": lambda i: gaussian_noise(i, 20), "speckle": lambda i: speckle(i, 0.01)}
    img = damage[defect](img)
    assert find_page_id(img) == (PAGE_ID, "ok")


def test_foreign_code_is_not_a_page_id(pages):
    img = render_pdf(pages["foreign"], 200)
    hits = read_codes(img)
    assert [h.text for h in hits] == ["https://meterai.example/A1B2"]
    assert find_page_id(img, hits=hits) == (None, "none")
    # with the page's own code too, the page id wins
    assert find_page_id(render_pdf(pages["both"], 200)) == (PAGE_ID, "ok")


def test_no_code_at_all(pages):
    assert find_page_id(render_pdf(pages["plain"], 150)) == (None, "none")
    assert find_page_id(Image.new("L", (1240, 1754), 255)) == (None, "none")


def _damage(img: Image.Image, dpi: int) -> Image.Image:
    """Ink a band across the QR's data area, leaving its finder patterns."""
    img = img.copy()
    x, y, w, h = (v * dpi / 25.4 for v in QR_RECT)
    draw = ImageDraw.Draw(img)
    draw.rectangle((x + w * 0.35, y + h * 0.2, x + w * 0.65, y + h * 0.8), fill="black")
    draw.rectangle((x + w * 0.2, y + h * 0.4, x + w * 0.8, y + h * 0.6), fill="white")
    return img


@pytest.mark.parametrize("dpi", [150, 300])
def test_damaged_code_is_unreadable_not_none(pages, dpi):
    img = _damage(render_pdf(pages["form"], dpi), dpi)
    assert read_codes(img) == []
    assert find_page_id(img) == (None, "unreadable")
    # a damaged page id next to a readable foreign code still needs a person
    both = _damage(render_pdf(pages["both"], dpi), dpi)
    assert find_page_id(both) == (None, "unreadable")


def test_two_different_page_ids_are_unreadable(tmp_path):
    other = PageId(workspace="7K3QX2", pack=13, applicant=35, doc="permohonan", page=1, total=2,
                   layout="3f9a1c2e")
    make_form_pdf(tmp_path / "a.pdf")
    make_form_pdf(tmp_path / "b.pdf", page_id=other)
    a, b = render_pdf(tmp_path / "a.pdf", 150), render_pdf(tmp_path / "b.pdf", 150)
    sheet = Image.new("RGB", (a.width * 2, a.height), "white")
    sheet.paste(a, (0, 0))
    sheet.paste(b, (a.width, 0))
    ident = identify(sheet)
    assert (ident.page_id, ident.status) == (None, "unreadable")
