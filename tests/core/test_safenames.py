"""File names made from roster names never escape their folder, on Windows or Linux."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from formgen.core.safenames import MAX_STEM, applicant_filename, safe_component, unique_name

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
            *(f"LPT{i}" for i in range(1, 10))}


def _assert_safe(name: str) -> None:
    assert "/" not in name and "\\" not in name
    assert ".." not in name
    assert name not in (".", "")
    assert not name.endswith((".", " "))
    assert name.split(".")[0].upper() not in RESERVED
    assert re.fullmatch(r"[A-Za-z0-9_.\-]+", name), name


def test_hostile_names():
    for nama in ["../../etc/passwd", "..", "CON", "con.txt", "Budi.", "LPT1", "nul",
                 "Siti\u202egpj.exe", "Andi 😀 Pratama", "A" * 300, "", "   ", "C:\\x",
                 "=HYPERLINK(\"http://x\")"]:
        component = safe_component(nama)
        _assert_safe(component)
        assert len(component) <= MAX_STEM + 1
        _assert_safe(applicant_filename("6201021505900001", nama))


def test_readable_results():
    assert safe_component("Budi Santoso") == "Budi_Santoso"
    assert safe_component("Élodie") == "Elodie"
    assert safe_component("CON") == "_CON"
    assert safe_component("Siti\u202egpj.exe") == "Sitigpj_exe"  # bidi mark dropped
    assert applicant_filename("6201021505900001", "Budi Santoso") == \
        "6201021505900001_BUDI_SANTOSO.pdf"
    assert applicant_filename(None, "Budi", applicant_id=12) == "ID000012_BUDI.pdf"
    assert applicant_filename("../../x", "Budi", applicant_id=3) == "ID000003_BUDI.pdf"


def test_unique_name():
    taken = {"a.pdf", "A-2.pdf"}
    assert unique_name("b.pdf", taken) == "b.pdf"
    assert unique_name("A.pdf", taken) == "A-3.pdf"
    assert unique_name("readme", {"readme"}) == "readme-2"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_a_safe_component(text):
    component = safe_component(text)
    _assert_safe(component)
    assert len(component) <= MAX_STEM + 1


@settings(max_examples=200, deadline=None)
@given(nama=st.text(max_size=300), digits=st.lists(st.text("0123456789", min_size=16,
                                                             max_size=16),
                                                     min_size=2, max_size=6, unique=True))
def test_applicant_filename_unique_per_nik(nama, digits):
    names = [applicant_filename(nik, nama) for nik in digits]
    assert len(set(names)) == len(digits)
    for name in names:
        _assert_safe(name)
        assert len(name) <= 16 + 1 + MAX_STEM + 1 + len(".pdf")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=20), max_size=8))
def test_unique_name_never_repeats(names):
    taken: set[str] = set()
    for name in names:
        chosen = unique_name(safe_component(name) + ".pdf", taken)
        assert chosen.lower() not in {t.lower() for t in taken}
        taken.add(chosen)
