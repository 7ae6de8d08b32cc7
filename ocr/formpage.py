"""Read every box of a registered form page: typed values, checkboxes, signatures, materai."""
from __future__ import annotations

from ocr.fields import read_field
from ocr.findings import Finding
from ocr.geometry import PageGeometry
from ocr.marks import read_checkbox, read_signature
from ocr.materai import read_materai
from ocr.register import Registered

# Box borders are printed lines: read inside them.
BORDER_INSET_MM = 0.6


def read_form_boxes(registered: Registered, page: PageGeometry, *, is_color: bool,
                    dpi: int = 200) -> list[Finding]:
    findings: list[Finding] = []
    for box in page.boxes:
        if box.kind == "text":
            reading = read_field(registered.crop(box.rect, dpi=dpi, inset_mm=BORDER_INSET_MM),
                                 charset=box.charset, multiline=box.rect[3] > 12)
            findings.append(Finding("field", box.name, reading.text, reading.confidence,
                                    note=reading.note))
        elif box.kind == "checkbox":
            ticked, confidence = read_checkbox(registered.crop(box.rect, dpi=dpi))
            findings.append(Finding("checkbox", box.name, ticked, confidence))
        elif box.kind == "signature":
            signed, confidence = read_signature(registered.crop(box.rect, dpi=dpi), dpi=dpi)
            findings.append(Finding("signature", box.name, signed, confidence))
        elif box.kind == "materai":
            present, kind, confidence = read_materai(
                registered.crop(box.rect, dpi=dpi, color=True), is_color_scan=is_color)
            findings.append(Finding("materai", box.name, present, confidence, note=kind))
    return findings
