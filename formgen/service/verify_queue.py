"""What needs a person, field by field: the unsure readings of the verification station.

A reading needs a person when nobody decided it yet and it is handwritten,
unread, below the confidence threshold, or differs from the roster. Only
readings with a text value count (ticks, signatures and stamps are judged on
the page); pages still waiting for an applicant are the page queue's.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from formgen.checks import load_evidence, load_rules
from formgen.checks.evidence import Evidence, Fact
from formgen.checks.rules import Rules
from formgen.domain.doctypes import ATTACHMENTS
from ocr import roster_match

# Findings that carry a text a person can type: a form's boxes, then what the readers of the
# attachments with text read (their findings are named after the document).
TEXT_KINDS = ("field", *(doc for doc in ATTACHMENTS if doc != "pas_foto"))
# Order of the fields of a pack as a person reads it.
_KIND_ORDER = {kind: n for n, kind in enumerate(TEXT_KINDS)}


@dataclass
class FieldItem:
    finding_id: int
    page_id: int
    applicant_id: int
    nama: str
    doc: str | None
    kind: str
    name: str
    reading: object           # what the reader found (None: nothing read)
    expected: object          # the roster's value, when compared
    suggestion: str           # what the input is filled with
    from_roster: bool         # the suggestion is the roster's value, not a reading
    confidence: float
    note: str | None
    version: int

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.name}"


def needs_person(fact: Fact, rules: Rules) -> bool:
    if fact.decision is not None or fact.kind not in TEXT_KINDS or fact.note == "empty":
        return False
    if isinstance(fact.value, (bool, int, float)) and not isinstance(fact.value, str):
        return False
    if fact.note == roster_match.NOTE and fact.ok:
        return False   # a name line matched against its own applicant's name
    return (fact.value in (None, "") or fact.note == "handwritten"
            or fact.confidence < rules.min_confidence or fact.ok is False)


def field_versions(conn: sqlite3.Connection) -> dict[tuple[int, str, str], int]:
    return {(r["page_id"], r["kind"], r["name"]): r["version"]
            for r in conn.execute("SELECT page_id, kind, name, version FROM field_versions")}


def field_queue(conn: sqlite3.Connection, *, key: str | None = None, page_id: int | None = None,
                applicant_id: int | None = None, evidence: Evidence | None = None,
                rules: Rules | None = None) -> list[FieldItem]:
    """Readings that need a person, in pack order; ``key`` ('ktp/nik') walks one field."""
    rules = rules or load_rules()
    evidence = evidence or load_evidence(conn)
    names = {r["id"]: r["nama"] or "" for r in conn.execute("SELECT id, nama FROM applicants")}
    versions = field_versions(conn)
    items = []
    for page in evidence.pages.values():
        if page.rejected or page.applicant_id is None or page.review is not None:
            continue
        if page_id is not None and page.id != page_id:
            continue
        if applicant_id is not None and page.applicant_id != applicant_id:
            continue
        for fact in evidence.facts.get(page.id, ()):
            if fact.id is None or not needs_person(fact, rules):
                continue
            if key is not None and f"{fact.kind}/{fact.name}" != key:
                continue
            reading = fact.value if fact.value not in (None, "") else None
            from_roster = reading is None and fact.expected not in (None, "")
            suggestion = reading if reading is not None else (fact.expected or "")
            items.append(FieldItem(
                finding_id=fact.id, page_id=page.id, applicant_id=page.applicant_id,
                nama=names.get(page.applicant_id, ""), doc=page.doc, kind=fact.kind,
                name=fact.name, reading=reading, expected=fact.expected,
                suggestion=str(suggestion), from_roster=from_roster,
                confidence=fact.confidence, note=fact.note,
                version=versions.get((page.id, fact.kind, fact.name), 0)))
    items.sort(key=lambda i: (i.applicant_id, _KIND_ORDER.get(i.kind, 9), i.page_id,
                              i.finding_id))
    return items


def queue_counts(items: list[FieldItem]) -> dict[str, int]:
    """How many readings wait per field, most first."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.key] = counts.get(item.key, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def decided_value(conn: sqlite3.Connection, page_id: int, kind: str, name: str):
    row = conn.execute("SELECT * FROM field_versions WHERE page_id = ? AND kind = ? AND name = ?",
                       (page_id, kind, name)).fetchone()
    if row is None:
        return None
    return {"version": row["version"], "user": row["user"], "at": row["at"],
            "value": json.loads(row["value"]) if row["value"] else None}
