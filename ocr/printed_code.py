"""The page code printed beside a form's QR code, read by OCR when the QR itself is not seen.

A torn corner, a stamp or a coffee ring can take a QR code off a form page while the line
of text printed beside it (``FG1 <workspace> P<pack> A<applicant> <doc> <page>/<total>
<layout>``, in a monospaced face) survives. On a page aligned by its corner marks, the
line is looked for only in the bands where this workspace's layouts print a QR code, read
six ways (three sizes, each as scanned and cut at Otsu's level), and taken only when most
readings agree on every part of it and it names a layout this workspace printed, that
layout's document and one of its pages. Anything less leaves the page to a person.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import cv2
import numpy as np
from PIL import Image
from rapidfuzz.distance import Levenshtein

from ocr import tesseract
from ocr.features import MM_PER_INCH
from ocr.geometry import DocumentGeometry
from ocr.pageid import PageId
from ocr.register import Registered, register_page

BAND_ABOVE_MM = 3.0     # the band around a printed QR where its code line may stand
BAND_BELOW_MM = 8.0
READ_PX_PER_MM = (16.0, 20.0, 24.0)   # Courier at 6 pt read with ~25-35 px capitals
FIND_PX_PER_MM = 12.0   # where the code line is looked for on the band
MIN_AGREEING = 3        # readings (of six) that must give the same value for each part
CODE_CHARS = "FG0123456789ABCDEFHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_/- "
# a digit read as a letter inside the numbers of a code
_DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1",
                              "S": "5", "B": "8", "Z": "2"})
_HEX_FIXES = str.maketrans({"o": "0", "l": "1", "i": "1", "s": "5", "g": "9"})
_NUMBER = "[0-9OoDlI|SBZ]"
_CUE = re.compile(rf"F[G6][1lI|]|[PA]{_NUMBER}{{5,9}}|{_NUMBER}{{1,2}}/{_NUMBER}{{1,2}}")
_LOOSE = re.compile(
    rf"(?:F\S{{0,3}}\s+)?(?P<ws>[A-Z0-9]{{4,12}})\s+P(?P<pack>{_NUMBER}{{1,9}})\s+"
    rf"(?:A(?P<app>{_NUMBER}{{1,9}})|-)\s+(?P<doc>[A-Za-z_]{{2,40}})\s+"
    rf"(?P<page>{_NUMBER}{{1,3}})\s*[/-]\s*(?P<total>{_NUMBER}{{1,3}})\s+"
    r"(?P<layout>[0-9A-Za-z]{4,40})")


def code_bands(layouts: Mapping[str, DocumentGeometry]) -> list[tuple[float, float]]:
    """(top, bottom) in mm of the horizontal bands where the layouts print a QR code and its
    text, merged where they overlap."""
    bands = sorted({(max(0.0, p.qr[1] - BAND_ABOVE_MM), p.qr[1] + p.qr[3] + BAND_BELOW_MM)
                    for g in layouts.values() for p in g.pages if p.qr[2] > 0})
    merged: list[tuple[float, float]] = []
    for top, bottom in bands:
        if merged and top <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def read_printed_code(page: Registered, layouts: Mapping[str, DocumentGeometry], *,
                      workspace_id: str | None = None) -> PageId | None:
    """The page code printed on ``page`` (registered by its corner marks), when enough
    readings agree on every part of it and it names a layout of ``layouts``, that layout's
    document and one of its pages; None otherwise. A workspace code read two characters off
    ``workspace_id`` at most is taken as it (another workspace's code that close does not
    occur)."""
    px_per_mm = max(page.px_per_mm, 1.0)    # the scan's own resolution, in the paper's frame
    for top, bottom in code_bands(layouts):
        band = page.crop((0.0, top, page.size_mm[0], min(bottom, page.size_mm[1]) - top),
                         dpi=round(px_per_mm * MM_PER_INCH))
        line = _code_line(band, px_per_mm, {g.doc for g in layouts.values()})
        if line is None:
            continue
        readings = [fields for image in _renderings(line, px_per_mm)
                    if (fields := _fields_in(image, layouts, workspace_id)) is not None]
        if len(readings) >= MIN_AGREEING:
            page_id = _agreed(readings, layouts)
            if page_id is not None:
                return page_id
    return None


def register_as_form(page: Image.Image, layouts: Mapping[str, DocumentGeometry]
                     ) -> Registered | None:
    """Upright ``page`` aligned to the paper of this workspace's forms by three or four of
    their corner marks; None when it does not carry them (a form's words alone may be on
    someone else's paper)."""
    geometry = next(iter(layouts.values()), None)
    if geometry is None:
        return None
    registered = register_page(page, geometry.page(1), geometry.size_mm)
    return registered if registered.ok and registered.marks_found >= 3 else None


def _code_line(band: np.ndarray, px_per_mm: float, docs: set[str]) -> np.ndarray | None:
    """The line of ``band`` that looks most like a page code (words like "FG1", a pack or
    applicant number, a document's name, a page count), cut out with a margin; None when no
    line has two such words."""
    if band.shape[0] < 8:
        return None
    scale = FIND_PX_PER_MM / px_per_mm
    scaled = cv2.resize(band, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    for psm in (6, 11):    # as a block of text first; as scattered words when that fails
        lines: dict[tuple, list[dict]] = {}
        for w in tesseract.ocr_data(scaled, psm=psm, whitelist=CODE_CHARS, lang="eng"):
            if _CUE.fullmatch(w["text"]) or any(_near(w["text"].lower(), d) for d in docs):
                lines.setdefault((w["block"], w["par"], w["line"]), []).append(w)
        best = max(lines.values(), key=len, default=[])
        if len(best) >= 2:
            break
    else:
        return None
    mid = float(np.median([w["top"] + w["height"] / 2 for w in best]))
    height = max(w["height"] for w in best)
    y0 = max(0, round((mid - 1.2 * height) / scale))
    return band[y0:round((mid + 1.2 * height) / scale)]


def _near(read: str, word: str) -> bool:
    """Whether ``read`` is ``word`` with at most one letter in three wrong (same length)."""
    return (len(read) == len(word) >= 5
            and 3 * sum(a != b for a, b in zip(read, word, strict=True)) <= len(word))


def _renderings(band: np.ndarray, px_per_mm: float) -> list[np.ndarray]:
    """The band enlarged to a few sizes, each as scanned and cut at Otsu's level."""
    out = []
    for target in READ_PX_PER_MM:
        scaled = cv2.resize(band, None, fx=target / px_per_mm, fy=target / px_per_mm,
                            interpolation=cv2.INTER_CUBIC)
        _, otsu = cv2.threshold(scaled, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        out += [scaled, otsu]
    return out


def _fields_in(image: np.ndarray, layouts: Mapping[str, DocumentGeometry],
               workspace_id: str | None = None) -> dict | None:
    text, _ = tesseract.ocr_text(image, psm=7, whitelist=CODE_CHARS, lang="eng")
    for line in text.splitlines():
        match = _LOOSE.search(line)
        if match:
            fields = match.groupdict()
            for key in ("pack", "app", "page", "total"):
                if fields[key] is not None:
                    fields[key] = int(fields[key].translate(_DIGIT_FIXES))
            fields["doc"] = fields["doc"].lower()
            fields["layout"] = _nearest(fields["layout"].lower().translate(_HEX_FIXES),
                                        layouts)
            fields["ws"] = _nearest(fields["ws"], [workspace_id] if workspace_id else [])
            return fields
    return None


def _nearest(read: str, known) -> str:
    """The one of ``known`` that ``read`` is two edits from at most, when only one is (layout
    ids and workspace codes are random: two of them that close do not occur); else ``read``."""
    near = [k for k in known if Levenshtein.distance(k, read) <= 2]
    return near[0] if len(near) == 1 else read


def _agreed(readings: list[dict], layouts: Mapping[str, DocumentGeometry]) -> PageId | None:
    """The code every part of which most readings agree on, checked against its layout."""
    parts = {}
    for key in ("ws", "pack", "app", "doc", "page", "total", "layout"):
        votes = Counter(r.get(key) for r in readings).most_common()
        value, count = votes[0]
        runner_up = votes[1][1] if len(votes) > 1 else 0
        if count < MIN_AGREEING or count < 2 * runner_up:
            return None
        parts[key] = value
    page_id = PageId(parts["ws"], parts["pack"], parts["app"], parts["doc"], parts["page"],
                     parts["total"], parts["layout"])
    geometry = layouts.get(page_id.layout)
    if (geometry is None or geometry.doc != page_id.doc
            or page_id.total != len(geometry.pages) or not 1 <= page_id.page <= page_id.total):
        return None
    return page_id
