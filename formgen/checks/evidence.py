"""What the workspace holds about applicants' pages: pages, findings and people's decisions.

Decisions from review are applied here, over the readers' results: ``assign``,
``set_type`` and ``reject`` change a page; ``accept_finding`` confirms a
finding (optionally with a corrected ``value``), ``reject_finding`` overrules
it so the rule it feeds passes. The latest decision wins.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from formgen.domain.doctypes import BLANK, OTHER, SEPARATOR
from ocr.pageid import parse_page_id

# Review reason of a page printed for another workspace: it belongs to nobody here.
FOREIGN = "foreign_workspace"
# Pages that never satisfy a requirement.
NOT_EVIDENCE = {None, "", BLANK, OTHER, SEPARATOR}


@dataclass
class Page:
    id: int
    sha256: str
    idx: int
    applicant_id: int | None
    owner_hint: int | None  # applicant named by its pack or QR code, for pages still in review
    doc: str | None
    page_no: int | None
    total: int | None
    review: str | None
    rejected: bool
    is_color: bool | None
    image_path: str | None


@dataclass
class Fact:
    """A finding as it stands after people's decisions."""

    id: int | None
    page_id: int
    kind: str
    name: str
    value: object
    confidence: float
    expected: object = None
    ok: bool | None = None
    note: str | None = None
    decision: str | None = None  # 'accept' or 'reject' when a person decided


@dataclass
class Evidence:
    pages: dict[int, Page]
    facts: dict[int, list[Fact]] = field(default_factory=dict)  # by page id

    def counted_pages(self, applicant_id: int, docs: tuple[str, ...] | None = None) -> list[Page]:
        """The applicant's pages that count as evidence, in document order."""
        found = [p for p in self.pages.values()
                 if p.applicant_id == applicant_id and not p.rejected and p.review is None
                 and p.doc not in NOT_EVIDENCE and (docs is None or p.doc in docs)]
        return sorted(found, key=lambda p: (p.page_no or 0, p.id))  # form page, then ingest order

    def review_pages(self, applicant_id: int) -> list[Page]:
        return [p for p in self.pages.values()
                if not p.rejected and p.review is not None
                and applicant_id in (p.applicant_id, p.owner_hint)]

    def facts_of(self, pages: list[Page]) -> list[Fact]:
        return [f for p in pages for f in self.facts.get(p.id, ())]


def _json(text: str | None) -> object:
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def load_evidence(conn: sqlite3.Connection) -> Evidence:
    """Every page, finding and decision of the workspace, decisions applied."""
    pages: dict[int, Page] = {}
    rows = conn.execute(
        "SELECT p.*, k.applicant_id AS pack_applicant FROM pages p "
        "LEFT JOIN packs k ON k.id = p.pack_id ORDER BY p.id").fetchall()
    for row in rows:
        pid = parse_page_id(row["qr_text"]) if row["qr_text"] else None
        hint = row["pack_applicant"] or (pid.applicant if pid else None)
        if row["review"] == FOREIGN:
            hint = None  # another office's numbers name nobody here
        pages[row["id"]] = Page(
            id=row["id"], sha256=row["sha256"], idx=row["idx"], applicant_id=row["applicant_id"],
            owner_hint=hint, doc=row["doc"], page_no=row["page_no"] or (pid.page if pid else None),
            total=pid.total if pid else None, review=row["review"], rejected=bool(row["rejected"]),
            is_color=None if row["is_color"] is None else bool(row["is_color"]),
            image_path=row["image_path"])
    facts: dict[int, list[Fact]] = defaultdict(list)
    by_id: dict[int, Fact] = {}
    for row in conn.execute("SELECT * FROM findings ORDER BY id"):
        fact = Fact(id=row["id"], page_id=row["page_id"], kind=row["kind"], name=row["name"],
                    value=_json(row["value"]),
                    confidence=1.0 if row["confidence"] is None else float(row["confidence"]),
                    expected=_json(row["expected"]),
                    ok=None if row["ok"] is None else bool(row["ok"]), note=row["note"])
        facts[fact.page_id].append(fact)
        by_id[fact.id] = fact
    evidence = Evidence(pages=pages, facts=facts)
    for row in conn.execute("SELECT * FROM decisions ORDER BY at, id"):
        _apply_decision(evidence, by_id, row)
    return evidence


def _apply_decision(ev: Evidence, by_id: dict[int, Fact], row: sqlite3.Row) -> None:
    detail = _json(row["detail"])
    detail = detail if isinstance(detail, dict) else {}
    action = row["action"]
    page = ev.pages.get(row["page_id"]) if row["page_id"] is not None else None
    if action == "assign" and page is not None:
        page.applicant_id = detail.get("applicant", row["applicant_id"])
        page.review = None
        page.rejected = False  # assigning a page takes back an earlier rejection
    elif action == "set_type" and page is not None and detail.get("doc"):
        page.doc = detail["doc"]
    elif action == "reject" and page is not None:
        page.rejected = True
    elif action in ("accept_finding", "reject_finding"):
        fact = by_id.get(detail.get("finding_id")) if detail.get("finding_id") else None
        if fact is None and page is not None and detail.get("kind") and detail.get("name"):
            fact = next((f for f in ev.facts.get(page.id, ())
                         if (f.kind, f.name) == (detail["kind"], detail["name"])), None)
            if fact is None and "value" in detail:
                # The reader missed it altogether; the person says what is there.
                fact = Fact(id=None, page_id=page.id, kind=detail["kind"], name=detail["name"],
                            value=None, confidence=1.0)
                ev.facts.setdefault(page.id, []).append(fact)
        if fact is None:
            return
        fact.decision = "accept" if action == "accept_finding" else "reject"
        if "value" in detail:
            fact.value = detail["value"]
        fact.confidence, fact.note = 1.0, None
