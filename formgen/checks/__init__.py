"""Requirement checks: each applicant judged against the six requirements of the service standard.

Per requirement the status is, by precedence: ``missing`` (no page counts), ``invalid``
(a rule fails on a confident finding), ``review`` (an uncertain finding, or a page of
theirs waiting in review), ``ok``. An applicant is ``lengkap`` when all six are ok,
``belum_lengkap`` when anything is definitely missing or invalid, and
``perlu_diperiksa`` when nothing is definitely wrong but a person must look first.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from formgen.checks.evidence import Evidence, Page, load_evidence
from formgen.checks.judge import Subject, judge_requirement
from formgen.checks.rules import REQUIREMENT_CODES, Requirement, Rules, load_rules
from formgen.core.workspace import Workspace
from formgen.roster.store import select_applicants

__all__ = ["REQUIREMENT_CODES", "Evidence", "Page", "Requirement", "RequirementPage", "Rules",
           "applicant_status", "check_applicants", "load_evidence", "load_rules",
           "pages_by_requirement"]


class RequirementPage(NamedTuple):
    requirement: str  # code of the requirement the page counts for
    page: Page


def applicant_status(statuses: list[str]) -> str:
    if any(s in ("missing", "invalid") for s in statuses):
        return "belum_lengkap"
    if any(s == "review" for s in statuses):
        return "perlu_diperiksa"
    return "lengkap"


def pages_by_requirement(evidence: Evidence, applicant_id: int, rules: Rules | None = None
                         ) -> list[RequirementPage]:
    """The applicant's counted pages with an image, in requirement order (as in a dossier)."""
    found = []
    for req in (rules or load_rules()).requirements:
        for doc in req.docs:
            found += [RequirementPage(req.code, p)
                      for p in evidence.counted_pages(applicant_id, (doc,)) if p.image_path]
    return found


def _ktp_niks(evidence: Evidence) -> dict[str, set[int]]:
    found: dict[str, set[int]] = defaultdict(set)
    for page in evidence.pages.values():
        if page.doc != "ktp" or page.rejected or page.review is not None or not page.applicant_id:
            continue
        for fact in evidence.facts.get(page.id, ()):
            if (fact.kind, fact.name) == ("ktp", "nik") and fact.decision != "reject":
                digits = re.sub(r"\D", "", str(fact.value or ""))
                if len(digits) == 16:
                    found[digits].add(page.applicant_id)
    return found


def check_applicants(ws: Workspace, *, applicant: str | int | None = None,
                     rules: Rules | None = None, evidence: Evidence | None = None) -> list[dict]:
    """The verdict for every applicant (or the one with id/NIK ``applicant``), SPEC §7 shape."""
    rules = rules or load_rules()
    evidence = evidence or load_evidence(ws.conn)
    ktp_niks = _ktp_niks(evidence)
    experience = dict(ws.conn.execute(
        "SELECT applicant_id, count(*) FROM experience GROUP BY applicant_id").fetchall())
    results = []
    for person in select_applicants(ws.conn, applicant):
        subject = Subject(applicant=person, rules=rules, evidence=evidence, ktp_niks=ktp_niks,
                          roster_rows={"experience": experience.get(person["id"], 0)})
        requirements = {req.code: judge_requirement(req, subject) for req in rules.requirements}
        results.append({
            "applicant": person["id"], "nik": person["nik"], "nama": person["nama"] or "",
            "status": applicant_status([r["status"] for r in requirements.values()]),
            "requirements": requirements,
        })
    return results
