"""The one list of document types agrees with the forms and rules shipped, and has no twin."""
from __future__ import annotations

import re
from pathlib import Path

from formgen.checks.rules import load_rules
from formgen.domain.doctypes import (
    ATTACHMENT_KINDS,
    DOC_TYPES,
    FORMS,
    HANDED_IN,
    OPTIONAL_FORMS,
    SEPARATOR,
)
from formgen.forms import pack_docs, template_names

ROOT = Path(__file__).resolve().parents[2]


def test_lists_fit_together():
    assert FORMS[0] == SEPARATOR
    assert pack_docs() == [d for d in FORMS if d not in OPTIONAL_FORMS]
    assert set(FORMS) <= set(template_names())
    assert len(set(DOC_TYPES)) == len(DOC_TYPES) == len(FORMS) + len(ATTACHMENT_KINDS)
    assert tuple(r.code for r in load_rules().requirements) == HANDED_IN
    assert all(doc in DOC_TYPES for r in load_rules().requirements for doc in r.docs)


def test_no_second_list_in_the_product():
    """No module but doctypes writes two document types side by side as a list."""
    pair = re.compile(r"""["'](sampul|permohonan|ktp|ijazah|pas_foto)["'],\s*["']"""
                      r"""(permohonan|pengalaman_kerja|ijazah|pas_foto|blank)["']""")
    holders = sorted(p.relative_to(ROOT).as_posix()
                     for folder in ("formgen", "ocr") for p in (ROOT / folder).rglob("*.py")
                     if pair.search(p.read_text(encoding="utf-8")))
    assert holders == ["formgen/domain/doctypes.py"]
