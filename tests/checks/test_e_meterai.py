"""An e-Meterai printed on the paper statement goes to review; a Rp10.000 sticker is valid."""
from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image

from formgen.checks import check_applicants
from formgen.core.i18n import set_language
from ocr.materai import materai_finding
from scansim.documents import make_materai
from scansim.draw import make_signature, mm_px
from scansim.emeterai import make_e_meterai
from scansim.records import complete_applicant, nik_for


@pytest.fixture(autouse=True)
def _indonesian():
    set_language("id")
    yield
    set_language("id")


def _materai_box(mark: Image.Image, *, dpi: int, colour: bool, seed: int) -> np.ndarray:
    """The statement's materai box as scanned: the mark, signed across."""
    rng = random.Random(seed)
    box = Image.new("RGB", (mm_px(45, dpi), mm_px(32, dpi)), (250, 250, 248))
    box.paste(mark, (mm_px(4, dpi), mm_px(3, dpi)), mark)
    sig = make_signature(rng=rng, width_px=mm_px(30, dpi), height_px=mm_px(14, dpi))
    box.paste(sig, (mm_px(10, dpi), mm_px(12, dpi)), sig)
    return np.asarray(box if colour else box.convert("L").convert("RGB"))


def _statement(ws, crop: np.ndarray, *, colour: bool, n: int) -> dict:
    finding = materai_finding(crop, is_color_scan=colour)
    app = complete_applicant(ws, nik=nik_for(n), nama="ANDI", images=False, override={
        "materai/materai": (finding.value, finding.confidence, finding.note)})
    (result,) = check_applicants(ws, applicant=app)
    return result["requirements"]["pernyataan_kebenaran"]


@pytest.mark.parametrize("dpi,colour", [(200, True), (300, False)])
def test_e_meterai_on_paper_is_review_with_a_sentence(workspace, dpi, colour):
    mark = make_e_meterai(rng=random.Random(dpi), dpi=dpi)
    req = _statement(workspace, _materai_box(mark, dpi=dpi, colour=colour, seed=dpi),
                     colour=colour, n=40 + dpi // 100)
    assert req["status"] == "review"
    assert req["reasons"] == ["meterai pada surat pernyataan adalah e-Meterai yang dicetak di "
                              "kertas; e-Meterai hanya sah untuk dokumen elektronik, jadi surat "
                              "kertas perlu meterai tempel Rp10.000"]


@pytest.mark.parametrize("dpi,colour", [(200, True), (300, False)])
def test_sticker_stays_valid(workspace, dpi, colour):
    mark = make_materai(rng=random.Random(dpi), dpi=dpi)
    req = _statement(workspace, _materai_box(mark, dpi=dpi, colour=colour, seed=dpi),
                     colour=colour, n=50 + dpi // 100)
    assert req == {"status": "ok", "reasons": []}


def test_reason_in_english(workspace):
    set_language("en")
    mark = make_e_meterai(rng=random.Random(3), dpi=200)
    req = _statement(workspace, _materai_box(mark, dpi=200, colour=True, seed=3),
                     colour=True, n=60)
    assert req["status"] == "review" and "e-Meterai printed on paper" in req["reasons"][0]
