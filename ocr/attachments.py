"""Read an attachment page once its kind is known: KTP, ijazah or pas foto findings."""
from __future__ import annotations

from ocr.findings import Finding
from ocr.ijazah import read_ijazah
from ocr.ktp import read_ktp
from ocr.pasfoto import check_pas_foto


def read_attachment(page, doc: str, *, dpi: float | None = None) -> list[Finding]:
    """Findings for an upright attachment ``page`` classified as ``doc`` (none for others).

    Comparison with the roster happens later, once the page's applicant is known.
    """
    if doc == "ktp":
        return read_ktp(page, dpi=dpi).findings(None)
    if doc == "ijazah":
        return read_ijazah(page, dpi=dpi).findings(None)
    if doc == "pas_foto":
        return check_pas_foto(page, dpi=dpi).findings()
    return []
