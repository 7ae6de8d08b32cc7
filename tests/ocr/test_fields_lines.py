"""Typed values the form wrapped onto a second line inside a one-line box are read whole."""
from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from benchmarks.formboxes import scan
from ocr.fields import normalise, read_field


def _two_lines(first: str, second: str, *, dpi: int = 200, w_mm: float = 60.0,
               h_mm: float = 9.0) -> np.ndarray:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(w_mm * mm, h_mm * mm))
    c.setFont("Helvetica", 8)
    c.drawString(1.5 * mm, (h_mm - 3.8) * mm, first)
    c.drawString(1.5 * mm, (h_mm - 7.3) * mm, second)
    c.save()
    page = pdfium.PdfDocument(buf.getvalue())[0]
    img = page.render(scale=dpi / 72).to_pil().convert("RGB")
    return np.asarray(scan(img, np.random.default_rng(5)))


def test_wrapped_project_name_is_read_whole_not_half():
    value = ("Pembangunan Rumah Dinas Masjid", "Jami Sungai Rangit Jaya")
    reading = read_field(_two_lines(*value), charset="any", expected=" ".join(value))
    # read as one line, only half the value came back, confidently
    assert reading.ok is True, reading


def test_street_abbreviation_is_not_read_as_ji():
    from ocr.fields import _closed_up

    reading = read_field(_two_lines("Peningkatan Jalan", "Jl. Kenanga"), charset="any")
    assert reading.text is not None and "Ji." not in reading.text
    assert normalise(reading.text) == normalise("Peningkatan Jalan Jl. Kenanga")
    # at the end of a wrapped line too
    assert _closed_up("Pembangunan Drainase Ji.\nPelabuhan", "any") == \
        "Pembangunan Drainase Jl.\nPelabuhan"


def test_a_diploma_numbers_series_dl_is_not_read_as_di():
    """Helvetica draws the small l of the series Dl as the capital I Tesseract reads."""
    from ocr.fields import _closed_up

    reading = read_field(_two_lines("DN-12 Dl 4163691", ""), charset="any")
    assert reading.text == "DN-12 Dl 4163691", reading
    assert _closed_up("DN-12 DI 4163691", "any") == "DN-12 Dl 4163691"
    assert _closed_up("DN-16 Di 8910456", "any") == "DN-16 Dl 8910456"
    assert _closed_up("DN-12 Dd 4163691", "any") == "DN-12 Dd 4163691"
    assert _closed_up("Gedung DI Pusat", "any") == "Gedung DI Pusat"


def test_a_state_schools_sdn_is_not_read_as_son():
    """Both models read the D of a soft photographed 'SDN 3' as an O now and then."""
    from ocr.fields import _closed_up

    assert _closed_up("Pembangunan Rumah Dinas SON 3\nLada Mandala Jaya", "any") == \
        "Pembangunan Rumah Dinas SDN 3\nLada Mandala Jaya"
    assert _closed_up("Rehabilitasi S0N 12 Kumai", "any") == "Rehabilitasi SDN 12 Kumai"
    assert _closed_up("Jalan Sonya 3", "any") == "Jalan Sonya 3"


def test_a_capital_i_one_model_reads_as_a_small_l_is_the_same_reading():
    """On a photo both models must read a value alike; the English model reads the I of
    'Ijai' as an l (the form's sans type draws them alike), which is no disagreement in a
    name whose other words start with capitals. A value typed in small letters keeps its
    l, and an l inside a word is no I."""
    from ocr.fields import _alike, _capital_i

    assert _alike("ljai Arsyad", "Ijai Arsyad", "any")
    assert _capital_i("ljai Arsyad") == "Ijai Arsyad"
    assert _capital_i("lukman hakim") == "lukman hakim"
    assert not _alike("Ali Akbar", "AIi Akbar", "any")
    assert not _alike("ljai", "Ijai", "digits")


def test_a_photographed_value_with_a_weak_word_goes_to_a_person(monkeypatch):
    """Soft print on a photo: both models read 'Teknik' as 'Teknit', the line confident but
    that word not; the value waits for a person. The same reading with every word sure is
    taken; on a scan the weak word is no bar."""
    import ocr.fields as fields

    crop = _two_lines("CV Pangkalan Bun", "Teknik")
    for weakest, strict, taken in ((0.674, True, False), (0.76, True, True),
                                   (0.674, False, True)):
        monkeypatch.setattr(fields, "_read_as_lines", lambda *a, w=weakest, **k: (
            "CV Pangkalan Bun\nTeknit", 0.886, w))
        reading = read_field(crop, charset="any", strict=strict)
        assert (reading.text is not None) == taken, (weakest, strict, reading)


def test_a_scanned_value_with_a_soft_word_is_confirmed_by_the_other_model(monkeypatch):
    """On a scan one model's sure reading is taken, unless one of its words is soft: the
    Indonesian model read 'SMK' as 'SIVK' at 0.75, the English one read SMK; the two
    disagree and the value waits for a person. With every word firm the other model is
    not asked."""
    import ocr.fields as fields

    asked = []

    def reading(image, charset, lang, bands=None, *, weakest):
        asked.append(lang)
        if lang == "ind":
            return "SIVK Negeri 2 Kumai", 0.9, weakest
        return "SMK Negeri 2 Kumai", 0.93, 0.92

    crop = _two_lines("SMK Negeri 2 Kumai", "")
    for weakest, text, models in ((0.75, None, {"ind", "eng"}), (0.9, "SIVK Negeri 2 Kumai",
                                                                  {"ind"})):
        asked.clear()
        monkeypatch.setattr(fields, "_read_as_lines",
                            lambda *a, w=weakest, **k: reading(*a, weakest=w, **k))
        assert read_field(crop, charset="any").text == text
        assert set(asked) == models
