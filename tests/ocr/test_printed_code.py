"""A form page whose QR code is lost is known by the code line printed beside it, or not at all."""
from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from formgen.forms import generate_packs
from ocr.geometry import DocumentGeometry
from ocr.page import PageResult, _decide
from ocr.pageid import PageId
from ocr.printed_code import _agreed, _nearest, code_bands, register_as_form
from tests.support.pack_support import add_applicant, render

DPI = 200
WORKSPACE = "K7B2QX"


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    """(pages as scanned with their QR codes inked out, the codes they carried, layouts)."""
    from formgen.core.workspace import init_workspace

    root = tmp_path_factory.mktemp("ws")
    ws, _ = init_workspace(root, dpi=DPI)
    ws.close()      # one workspace code for every run: what is read does not vary by chance
    toml = root / "formgen.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        f'id = "{ws.settings.workspace_id}"', f'id = "{WORKSPACE}"'), encoding="utf-8")
    ws, _ = init_workspace(root, dpi=DPI)
    assert ws.settings.workspace_id == WORKSPACE
    applicant = add_applicant(ws)
    (printed,) = generate_packs(ws, applicant_ids=[applicant])["packs"]
    layouts = {r["id"]: DocumentGeometry.from_json(r["geometry"])
               for r in ws.conn.execute("SELECT id, geometry FROM layouts")}
    ws.close()
    pages, codes = [], []
    for index in (0, 1):    # the separator (QR in the body), the first form page (QR below)
        image = Image.fromarray(render(printed["path"], index, DPI, forms=True)).convert("RGB")
        (qr,) = zxingcpp.read_barcodes(image)
        codes.append(qr.text)
        p = qr.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        ImageDraw.Draw(image).rectangle((min(xs) - 8, min(ys) - 8, max(xs) + 8, max(ys) + 8),
                                        fill="white")     # a torn-off or covered QR code
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=70)               # as a scanner stores it
        scanned = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
        scanned.info["dpi"] = (DPI, DPI)
        pages.append(scanned)
    return pages, codes, layouts


def test_code_line_identifies_a_page_that_lost_its_qr(pack):
    pages, codes, layouts = pack
    for page, code in zip(pages, codes, strict=True):
        assert not zxingcpp.read_barcodes(page)
        result = PageResult("x", 0)
        _decide(page, result, layouts, code.split()[1])
        assert result.qr_status == "printed"
        assert f"FG1 {result.page_id.workspace}" in code
        assert result.page_id.pack == 1 and result.page_id.doc in code
        assert f"{result.page_id.page}/{result.page_id.total} {result.page_id.layout}" in code
    # the form page is registered and its boxes read as with its QR code
    form = PageResult("x", 0)
    _decide(pages[1], form, layouts, codes[1].split()[1])
    assert form.registered is True
    assert any(f.name == "nama" and f.value for f in form.findings)


def test_form_page_with_no_code_left_is_not_an_attachment(pack):
    pages, codes, layouts = pack
    page = pages[1].copy()
    width, height = page.size
    px_per_mm = width / 210
    for top, bottom in code_bands(layouts):        # the code line inked out as well
        ImageDraw.Draw(page).rectangle((width * 0.4, top * px_per_mm, width,
                                        min(height, bottom * px_per_mm)), fill="white")
    result = PageResult("x", 0)
    _decide(page, result, layouts, codes[1].split()[1])
    assert result.qr_status == "missing" and result.page_id is None
    assert result.doc == "other"        # its NIK and Nama labels do not make it a KTP


def test_readings_that_disagree_or_name_no_layout_give_no_code(pack):
    _, _, layouts = pack
    layout, geometry = next(iter(layouts.items()))
    good = {"ws": "AB12CD", "pack": 3, "app": 7, "doc": geometry.doc, "page": 1,
            "total": len(geometry.pages), "layout": layout}
    assert _agreed([good] * 3, layouts) == PageId("AB12CD", 3, 7, geometry.doc, 1,
                                                   len(geometry.pages), layout)
    split = [good, good, {**good, "pack": 8}, {**good, "pack": 8}]
    assert _agreed(split, layouts) is None               # two and two: nobody knows
    assert _agreed([{**good, "layout": "00000000"}] * 3, layouts) is None
    assert _agreed([{**good, "page": len(geometry.pages) + 1}] * 3, layouts) is None
    assert register_as_form(Image.new("RGB", (1654, 2339), "white"), layouts) is None


def test_someone_elses_paper_with_form_words_stays_an_attachment(pack):
    """An LSP's letter or another office's form names the same things but has none of the
    corner marks of this workspace's forms: it is not a form page that lost its code."""
    pages, codes, layouts = pack
    page = pages[1].copy()
    width, height = page.size
    side = round(width * 0.06)
    draw = ImageDraw.Draw(page)
    for x, y in ((0, 0), (width - side, 0), (0, height - side), (width - side, height - side)):
        draw.rectangle((x, y, x + side, y + side), fill="white")
    result = PageResult("x", 0)
    _decide(page, result, layouts, codes[1].split()[1])
    assert result.qr_status == "none" and result.page_id is None and result.doc == "other"


def test_a_code_read_near_this_workspace_is_this_workspace():
    assert _nearest("AB1ZCD", ["AB12CD"]) == "AB12CD"      # one letter misread
    assert _nearest("QX9W3K", ["AB12CD"]) == "QX9W3K"      # another workspace stays itself
    assert _nearest("4e4bc5f6", ["4e4bc5f0", "cd1f4776"]) == "4e4bc5f0"

