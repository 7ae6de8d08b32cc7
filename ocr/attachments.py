"""Read an attachment page once its kind is known: KTP, ijazah or pas foto findings."""
from __future__ import annotations

import dataclasses

from ocr.findings import Finding
from ocr.ijazah import read_ijazah
from ocr.ktp import read_ktp
from ocr.pasfoto import check_pas_foto


def read_attachment(page, doc: str, *, dpi: float | None = None,
                    details: dict | None = None) -> list[Finding]:
    """Findings for an upright attachment ``page`` classified as ``doc`` (none for others).

    ``details``: the classifier's evidence; the photo check and the page text it made
    (``pas_foto``; ``text`` with ``ocr_confidence``) are reused rather than made again.
    Comparison with the roster happens later, once the page's applicant is known.
    """
    if doc == "ktp":
        return read_ktp(page, dpi=dpi).findings(None)
    if doc == "ijazah":
        text = (details or {}).get("text")
        if text is None:
            return read_ijazah(page, dpi=dpi).findings(None)
        reading = read_ijazah(page, dpi=dpi, text=text)
        reading = dataclasses.replace(reading, confidence=details.get("ocr_confidence",
                                                                      reading.confidence))
        return reading.findings(None)
    if doc == "pas_foto":
        photo = (details or {}).get("pas_foto")
        return (photo or check_pas_foto(page, dpi=dpi)).findings()
    return []
