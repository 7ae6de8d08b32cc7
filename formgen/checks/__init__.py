"""Requirement checks: each applicant judged against the six requirements of the service standard.

Per requirement the status is, by precedence: ``missing`` (no page counts), ``invalid``
(a rule fails on a confident finding), ``review`` (an uncertain finding, or a page of
theirs waiting in review), ``ok``. An applicant is ``lengkap`` when all six are ok,
``belum_lengkap`` when anything is definitely missing or invalid, and
``perlu_diperiksa`` when nothing is definitely wrong but a person must look first.
"""
from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from formgen.checks.evidence import Evidence, Page, load_evidence
from formgen.checks.judge import Subject, judge_requirement
from formgen.checks.rules import REQUIREMENT_CODES, Requirement, Rules, load_rules
from formgen.core.errors import InputError
from formgen.core.i18n import t
from formgen.core.workspace import Workspace

__all__ = ["REQUIREMENT_CODES", "Evidence", "Page", "Requirement", "Rules",
           "applicant_status", "check_applicants", "find_applicants", "load_evidence",
           "load_rules"]


def applicant_status(statuses: list[str]) -> str:
    if any(s in ("missing", "invalid") for s in statuses):
        return "belum_lengkap"
    if any(s == "review" for s in statuses):
        return "perlu_diperiksa"
    return "lengkap"


def find_applicants(conn: sqlite3.Connection, who: str | int | None = None) -> list[dict]:
    """All applicants by id, or the one whose id or NIK is ``who`` (InputError when none)."""
    if who is None:
        rows = conn.execute("SELECT * FROM applicants ORDER BY id").fetchall()
        return [dict(r) for r in rows]
    text = str(who).strip()
    row = None
    if re.fullmatch(r"\d{16}", text):
        row = conn.execute("SELECT * FROM applicants WHERE nik = ?", (text,)).fetchone()
    if row is None and re.fullmatch(r"A?0*\d{1,9}", text):
        row = conn.execute("SELECT * FROM applicants WHERE id = ?",
                           (int(text.lstrip("A")),)).fetchone()
    if row is None:
        raise InputError(t("check.unknown_applicant", who=text), code="unknown_applicant")
    return [dict(row)]


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
    results = []
    for person in find_applicants(ws.conn, applicant):
        subject = Subject(applicant=person, rules=rules, evidence=evidence, ktp_niks=ktp_niks)
        requirements = {req.code: judge_requirement(req, subject) for req in rules.requirements}
        results.append({
            "applicant": person["id"], "nik": person["nik"], "nama": person["nama"] or "",
            "status": applicant_status([r["status"] for r in requirements.values()]),
            "requirements": requirements,
        })
    return results
