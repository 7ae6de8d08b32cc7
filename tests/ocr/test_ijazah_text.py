"""Reading an ijazah page's words: background lifted, the title found however it was read,
and the office's own form pages never taken for a diploma."""
from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw

from formgen.forms._preview import render_preview
from ocr.classify import classify_attachment, ijazah_score
from ocr.ijazah import find_level, find_number
from ocr.ijazah_text import (
    PageText,
    form_words,
    has_title,
    lift_background,
    page_text,
    print_levels,
)
from ocr.ijazah_words import Row
from scansim.ijazah import face


def _word(text: str, left: int, height: int, line: int = 1) -> dict:
    return {"text": text, "left": left, "top": 100 * line, "width": 20 * len(text),
            "height": height, "conf": 90.0, "block": 1, "par": 1, "line": line}


def _body(n: int = 12) -> list[dict]:
    return [_word("kata", 30 * i, 20, line=2 + i // 4) for i in range(n)]


@pytest.mark.parametrize("title", [["IJAZAH"], ["YAZAH"], ["IJAZAK"], list("IJAZAH"),
                                   ["I", "J", "A", "Z", "A", "H"]])
def test_large_title_found_however_read(title):
    words = [_word(t, 200 + 40 * i, 60) for i, t in enumerate(title)] + _body()
    assert has_title(words)


@pytest.mark.parametrize("title", [["IJAZAH"], ["PIAGAM"], ["JAZZ"]])
def test_small_or_other_titles_are_not_the_title(title):
    small = [_word(t, 200, 20) for t in title] + _body()
    assert not has_title(small)
    if title != ["IJAZAH"]:
        assert not has_title([_word(t, 200, 60) for t in title] + _body())


def test_form_words_turn_a_page_away():
    text = "FORMULIR PERMOHONAN SERTIFIKASI\nNomor ijazah / tahun lulus\nNama sekolah"
    assert form_words(text) >= 2
    assert ijazah_score(PageText(text, 0.9, [])) == 0
    assert ijazah_score(PageText("IJAZAH\nSEKOLAH MENENGAH ATAS\nLULUS", 0.9, [])) == 3


def test_background_lifted_print_kept():
    """Text on tinted paper over a darker seal, as a grey copy makes it: the seal and the
    paper become white, the letters stay black and are read."""
    img = Image.new("L", (1200, 300), 205)
    d = ImageDraw.Draw(img)
    d.ellipse([300, -200, 900, 400], fill=150)            # the seal behind the text
    d.text((60, 110), "SEKOLAH MENENGAH ATAS NEGERI", font=face("times_bold", 64), fill=25)
    grey = np.asarray(img)
    levels = print_levels(grey)
    assert levels is not None
    lifted = lift_background(grey, levels)
    assert lifted[20, 600] == 255 and lifted[20, 20] == 255       # seal and paper
    assert lifted[grey < 60].mean() < 40                           # the print
    assert "SEKOLAH MENENGAH ATAS" in page_text(grey, dpi=150).text.upper()


def test_flat_page_left_alone():
    assert print_levels(np.full((100, 100), 200, np.uint8)) is None


@pytest.fixture(scope="module")
def form_pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("forms")
    pages = []
    for name in ("permohonan", "pernyataan_kebenaran"):
        path = out / f"{name}.pdf"
        render_preview(name, path)
        pdf = pdfium.PdfDocument(str(path))
        for i in range(len(pdf)):
            page = pdf[i].render(scale=150 / 72).to_pil().convert("RGB")
            page.info["dpi"] = (150, 150)
            pages.append((f"{name} {i + 1}", page))
        pdf.close()
    return pages


def test_the_offices_own_form_pages_are_never_an_ijazah(form_pages):
    """A form page whose code could not be seen is read as an attachment: though it asks
    for the ijazah's number and school, it is never taken for one."""
    for label, page in form_pages:
        doc, _conf, details = classify_attachment(page, dpi=150, page=page)
        assert doc != "ijazah", (label, details.get("keywords"))


def _rows(lines: list[str]):
    return [Row([{"text": t} for t in line.split()], 100.0 * i, 100.0 * i + 40)
            for i, line in enumerate(lines)]


def test_level_not_taken_from_the_diploma_numbers_issuer_code():
    """'DN-29 Ma. 2178491' codes the issuer: an SD diploma whose title lost a letter
    ('EKOLAH DASAR') is still an SD one, and its number is read without the stray dot."""
    rows = _rows(["IJAZAH", "EKOLAH DASAR", "Ijazah ini diberikan atas nama", "SYAHRUL",
                  "satuan pendidikan : SD Negeri 4 Kuala Pembuang",
                  "dari Sd Negeri 4 Kuala Pembuang pada tahun 2017.", "DN-29 Ma. 2178491"])
    assert find_level(rows, 3)[0] == "SD"
    assert find_number(rows)[0] == "DN-29 Ma 2178491"
    assert find_level(_rows(["IJAZAH", "MADRASAH ALIYAH", "DN-29 Dd 2178491"]), 1)[0] == "SMA"


@pytest.mark.parametrize("lines, level", [
    # a plastic sleeve's glare washed an I out of the title: the degree names the level
    (["IJAZAH", "PROGRAM DIPLOMA II (D-III)", "GUSTI ANANG",
      "telah menyelesaikan program diploma iii", "Ahli Madya Keperawatan (A.Md.Kep.)"], "D3"),
    # ... and with nothing but numerals to go by, the numerals' disagreement stands
    (["IJAZAH", "PROGRAM DIPLOMA II", "GUSTI ANANG", "telah menyelesaikan program diploma iii",
      "Program Studi Diploma III Keperawatan"], None),
    # two levels spelled out alike are no misread numeral: a person decides
    (["IJAZAH", "PROGRAM DIPLOMA II", "GUSTI ANANG", "Ahli Muda Teknik", "Ahli Madya Teknik",
      "telah menyelesaikan program diploma iii"], None),
    (["IJAZAH", "SEKOLAH MENENGAH ATAS", "GUSTI ANANG", "MADRASAH TSANAWIYAH",
      "MADRASAH TSANAWIYAH"], None),
])
def test_diploma_levels_whose_numerals_disagree(lines, level):
    found, confidence = find_level(_rows(lines), 2)
    assert found == level
    assert confidence == (0.7 if level else 0.0)
