"""Where each batch and each applicant stands in the 30-day service time."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from formgen.checks import check_applicants
from formgen.core.errors import TemplateError
from formgen.core.workspace import Workspace
from formgen.service.batches import (
    StageTable,
    WorkCalendar,
    batch_start,
    calendar_from_settings,
    done_dates,
    get_batch,
    load_stages,
    schedule,
)
from formgen.service.certificates import latest_certificate
from formgen.service.clarify import clarification_status, is_clarified


@dataclass
class Facts:
    """What is known about one applicant, for the state rules in stages.yaml."""

    check: str | None = None
    clarified: bool = False
    dossier: bool = False
    stages_done: set[str] = field(default_factory=set)
    certificate: bool = False


def holds(when: dict, facts: Facts) -> bool:
    """Evaluate one ``when`` condition of the applicant state table."""
    results = []
    for key, value in when.items():
        if key == "always":
            results.append(bool(value))
        elif key == "check":
            results.append(facts.check == value)
        elif key in ("clarified", "dossier", "certificate"):
            results.append(getattr(facts, key) == bool(value))
        elif key == "stage_done":
            results.append(value in facts.stages_done)
        elif key == "any":
            results.append(any(holds(c, facts) for c in value))
        elif key == "all":
            results.append(all(holds(c, facts) for c in value))
        else:
            raise TemplateError(f"unknown condition {key!r}", path="stages.yaml",
                                code="bad_stage_table")
    return all(results)


def applicant_state(table: StageTable, facts: Facts) -> tuple[int, list[str]]:
    """(index of the state reached in order, codes of every state whose condition holds)."""
    reached = [s.code for s in table.states if holds(s.when, facts)]
    index = -1
    for i, state in enumerate(table.states):
        if state.code not in reached:
            break
        index = i
    return index, reached


def paperwork_results(ws: Workspace, verdicts: list[dict] | None = None) -> dict[int, str]:
    """applicant id -> lengkap / belum_lengkap / perlu_diperiksa from the requirement check
    (``verdicts`` when the caller has judged already)."""
    return {r["applicant"]: r["status"]
            for r in (check_applicants(ws) if verdicts is None else verdicts)}


def build_status(ws: Workspace, *, batch: str | None = None, today: date | None = None,
                 table: StageTable | None = None, verdicts: list[dict] | None = None) -> dict:
    """The status report (see README / `formgen status --json`); ``verdicts`` are the
    requirement check's, when the caller has them already."""
    conn = ws.conn
    table = table or load_stages()
    calendar = calendar_from_settings(ws.settings.raw)
    today = today or date.today()
    rows = [get_batch(conn, batch)] if batch else conn.execute(
        "SELECT * FROM batches ORDER BY start_date, id").fetchall()
    has_applicants = conn.execute(
        "SELECT 1 FROM applicants WHERE batch_id IS NOT NULL LIMIT 1").fetchone()
    checks = paperwork_results(ws, verdicts) if has_applicants else {}
    dossiers = {r[0] for r in conn.execute("SELECT DISTINCT applicant_id FROM dossiers")}
    report = {"today": today.isoformat(),
              "calendar": "working_days" if calendar.working_days else "calendar_days",
              "holidays": sorted(d.isoformat() for d in calendar.holidays),
              "batches": [_batch_status(ws, row, table, calendar, today, checks, dossiers)
                          for row in rows],
              "unassigned": conn.execute(
                  "SELECT count(*) FROM applicants WHERE batch_id IS NULL").fetchone()[0]}
    return report


def _batch_status(ws: Workspace, row, table: StageTable, calendar: WorkCalendar, today: date,
                  checks: dict[int, str], dossiers: set[int]) -> dict:
    conn = ws.conn
    done = done_dates(conn, row["id"])
    plans = schedule(batch_start(row), table, calendar)
    due_of = {p.code: p.due for p in plans}
    stages = []
    for plan in plans:
        finished = done.get(plan.code)
        late = ((finished or today) - plan.due).days
        stages.append({"stage": plan.code, "nama": plan.nama, "days": plan.hari,
                       "start": plan.start.isoformat(),
                       "due": plan.due.isoformat(),
                       "done": finished.isoformat() if finished else None,
                       "late_days": max(0, late)})
    applicants = []
    for a in conn.execute("SELECT id, nik, nama FROM applicants WHERE batch_id = ? ORDER BY id",
                          (row["id"],)):
        certificate = latest_certificate(conn, a["id"])
        facts = Facts(check=checks.get(a["id"]), clarified=is_clarified(conn, a["id"]),
                      dossier=a["id"] in dossiers, stages_done=set(done),
                      certificate=certificate is not None)
        index, reached = applicant_state(table, facts)
        state = table.states[index] if index >= 0 else None
        nxt = table.states[index + 1] if index + 1 < len(table.states) else None
        next_due = due_of[nxt.due_stage] if nxt else None
        applicants.append({
            "applicant": a["id"], "nik": a["nik"], "nama": a["nama"],
            "state": state.code if state else None, "state_name": state.nama if state else None,
            "reached": reached,
            "next_state": nxt.code if nxt else None,
            "next_due": next_due.isoformat() if next_due else None,
            "late_days": max(0, (today - next_due).days) if next_due else 0,
            "paperwork": checks.get(a["id"]),
            "clarification": clarification_status(conn, a["id"]),
            "certificate": certificate["number"] if certificate else None,
        })
    applicants.sort(key=lambda x: (-x["late_days"], x["applicant"]))
    return {"batch": row["name"], "start": plans[0].start.isoformat(),
            "end": plans[-1].due.isoformat(), "stages": stages, "applicants": applicants,
            "late_stages": sum(s["late_days"] > 0 for s in stages),
            "late_applicants": sum(a["late_days"] > 0 for a in applicants)}
