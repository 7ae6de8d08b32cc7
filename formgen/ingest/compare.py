"""Compare what was read on a page with the applicant's roster data (fills expected/ok)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz

from formgen.checks.rules import load_rules
from formgen.domain.education import level_code
from ocr.findings import Finding
from ocr.geometry import PageGeometry

# Free text read back from print: one or two confusable characters (Jl./JI.) still agree.
TEXT_MATCH_MIN = 92.0
# Letters a type face may draw alike in a number such as a diploma's (Dl / DI / D1, O / 0).
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})


def normalise_text(value: object) -> str:
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", " ", text.upper()).strip()


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    digits = re.findall(r"\d+", str(value or ""))
    try:
        if len(digits) == 3 and len(digits[0]) == 4:
            return date(int(digits[0]), int(digits[1]), int(digits[2]))
        if len(digits) == 3 and len(digits[2]) == 4:
            return date(int(digits[2]), int(digits[1]), int(digits[0]))
    except ValueError:
        return None
    return None


def values_agree(read: object, expected: object, *, kind: str = "text") -> bool:
    if kind == "name":
        return (fuzz.token_sort_ratio(normalise_text(read), normalise_text(expected))
                >= load_rules().name_ok)  # rules.yaml thresholds
    if kind == "date":
        a, b = _as_date(read), _as_date(expected)
        return a is not None and a == b
    if kind == "level":
        found = level_code(str(read))
        return found is not None and found == level_code(str(expected))
    if kind == "free_text":
        return fuzz.ratio(normalise_text(read), normalise_text(expected)) >= TEXT_MATCH_MIN
    if kind == "identifier":
        return (normalise_text(read).translate(_CONFUSABLE)
                == normalise_text(expected).translate(_CONFUSABLE))
    if kind == "sex":
        sex = normalise_text(read)[:1]
        return sex in ("L", "P") and sex == normalise_text(expected)[:1]
    return normalise_text(read) == normalise_text(expected)


_KEY_KIND = {"nama": "name", "tanggal_lahir": "date", "jenis_kelamin": "sex",
             "alamat": "free_text", "tempat_lahir": "free_text", "kelurahan": "free_text",
             "kecamatan": "free_text", "jabatan_kerja": "free_text", "pendidikan": "free_text",
             "email": "free_text", "nama_sekolah": "free_text", "program_studi": "free_text",
             "no_ijazah": "identifier"}
_KTP_KEYS = {"nik": "text", "nama": "name", "tanggal_lahir": "date", "jenis_kelamin": "sex",
             "tempat_lahir": "text"}
_IJAZAH_KEYS = {"nama": ("nama", "name"), "jenjang": ("pendidikan", "level")}


def _compare(finding: Finding, expected: object, kind: str) -> Finding:
    if expected in (None, "") or finding.value in (None, ""):
        return replace(finding, expected=expected)
    return replace(finding, expected=expected, ok=values_agree(finding.value, expected, kind=kind))


def compare_with_roster(findings: list[Finding], applicant: dict | None, *,
                        page: PageGeometry | None = None) -> list[Finding]:
    """``findings`` with ``expected`` and ``ok`` set where the roster has something to compare."""
    if not applicant:
        return findings
    keys = {b.name: b.key for b in page.boxes} if page else {}
    out = []
    for f in findings:
        if f.kind == "field" and f.note not in ("handwritten", "empty"):
            key = keys.get(f.name) or f.name
            if key in applicant:
                f = _compare(f, applicant[key], _KEY_KIND.get(key, "text"))
        elif f.kind == "ktp" and f.name in _KTP_KEYS:
            f = _compare(f, applicant.get(f.name), _KTP_KEYS[f.name])
        elif f.kind == "ijazah" and f.name in _IJAZAH_KEYS:
            key, kind = _IJAZAH_KEYS[f.name]
            f = _compare(f, applicant.get(key), kind)
        out.append(f)
    return out


def recompare_applicant_pages(conn, applicant_id: int) -> None:
    """Fill ``expected``/``ok`` of the findings on ``applicant_id``'s pages again.

    After a page is assigned by a person or a provisional applicant gets its
    identity, the findings are compared with the data the applicant has now.
    """
    import json

    from ocr.geometry import DocumentGeometry

    row = conn.execute("SELECT * FROM applicants WHERE id = ?", (applicant_id,)).fetchone()
    if row is None:
        return
    applicant = dict(row)
    layouts: dict[str, DocumentGeometry | None] = {}
    for page in conn.execute("SELECT id, layout_id, page_no FROM pages WHERE applicant_id = ?",
                             (applicant_id,)).fetchall():
        geometry = None
        if page["layout_id"]:
            if page["layout_id"] not in layouts:
                stored = conn.execute("SELECT geometry FROM layouts WHERE id = ?",
                                      (page["layout_id"],)).fetchone()
                layouts[page["layout_id"]] = (DocumentGeometry.from_json(stored["geometry"])
                                              if stored else None)
            doc = layouts[page["layout_id"]]
            if doc is not None and page["page_no"] and page["page_no"] <= len(doc.pages):
                geometry = doc.page(page["page_no"])
        rows = conn.execute("SELECT * FROM findings WHERE page_id = ? ORDER BY id",
                            (page["id"],)).fetchall()
        findings = [Finding(r["kind"], r["name"], json.loads(r["value"]) if r["value"] else None,
                            r["confidence"],
                            json.loads(r["expected"]) if r["expected"] else None,
                            None if r["ok"] is None else bool(r["ok"]), note=r["note"])
                    for r in rows]
        for stored_row, before, f in zip(rows, findings,
                                         compare_with_roster(findings, applicant, page=geometry),
                                         strict=True):
            if f == before:
                continue
            conn.execute("UPDATE findings SET expected = ?, ok = ? WHERE id = ?",
                         (json.dumps(f.expected, ensure_ascii=False, default=str)
                          if f.expected is not None else None,
                          None if f.ok is None else int(bool(f.ok)), stored_row["id"]))
