"""Deliver messages to chosen applicants and keep their history; find reminders that are due."""
from __future__ import annotations

import smtplib
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from formgen.checks import check_applicants, load_evidence
from formgen.core.db import audit, current_user, now, write_transaction
from formgen.core.errors import UsageError
from formgen.core.i18n import t
from formgen.core.workspace import Workspace
from formgen.notify.channels import send_email, valid_email, whatsapp_link, whatsapp_number
from formgen.notify.compose import KINDS, compose
from formgen.roster.store import require_applicant, select_applicants
from formgen.service.status import build_status

CHANNELS = ("email", "whatsapp")


@dataclass
class Outcome:
    """What became of one applicant's message: sent, failed, link, or skipped with a reason."""

    applicant: int
    nama: str
    status: str
    recipient: str | None = None
    reason: str | None = None  # a sentence, for skipped and failed
    link: str | None = None
    subject: str | None = None
    body: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Reminder:
    applicant: int
    stage: str
    due: date
    verdict: dict  # the requirement check's, so the message does not judge a second time


def due_reminders(ws: Workspace, *, within_days: int, today: date) -> list[Reminder]:
    """Applicants still incomplete whose batch has a stage ending within ``within_days``."""
    found = []
    verdicts = check_applicants(ws)
    by_applicant = {v["applicant"]: v for v in verdicts}
    for batch in build_status(ws, today=today, verdicts=verdicts)["batches"]:
        upcoming = [s for s in batch["stages"] if not s["done"]
                    and today <= date.fromisoformat(s["due"]) <= today + timedelta(within_days)]
        if not upcoming:
            continue
        stage = upcoming[0]
        for person in batch["applicants"]:
            if person["paperwork"] in ("belum_lengkap", "perlu_diperiksa"):
                found.append(Reminder(person["applicant"], stage["nama"],
                                      date.fromisoformat(stage["due"]),
                                      by_applicant[person["applicant"]]))
    return found


def _recipient(channel: str, person: dict) -> str | None:
    if channel == "email":
        return person["email"].strip() if valid_email(person.get("email")) else None
    return whatsapp_number(person.get("no_hp"))


def plan(ws: Workspace, who: list[str] | None, *, channel: str, kind: str, today: date,
         reminders: list[Reminder] | None = None) -> list[Outcome]:
    """The messages that would go out, each composed, or skipped with its reason."""
    if channel not in CHANNELS or kind not in KINDS:
        raise UsageError(t("notify.bad_choice", channel=channel, kind=kind))
    by_reminder = {r.applicant: r for r in reminders or ()}
    people = ([dict(require_applicant(ws.conn, key)) for key in who] if who
              else select_applicants(ws.conn))
    if reminders is not None:
        people = [p for p in people if p["id"] in by_reminder]
    verdicts = {r.applicant: r.verdict for r in reminders or ()}
    unjudged = [p for p in people if p["id"] not in verdicts]
    if unjudged:
        evidence = load_evidence(ws.conn)
        verdicts.update((v["applicant"], v) for p in unjudged
                        for v in check_applicants(ws, applicant=p["id"], evidence=evidence))
    outcomes = []
    for person in people:
        verdict = verdicts[person["id"]]
        out = Outcome(applicant=person["id"], nama=person["nama"] or "", status="skipped")
        outcomes.append(out)
        if verdict["status"] == "lengkap":
            out.reason = t("notify.skip_complete")
            continue
        if person.get("letters_only"):
            out.reason = t("notify.skip_letters_only")
            continue
        out.recipient = _recipient(channel, person)
        if not out.recipient:
            out.reason = t(f"notify.skip_no_{channel}")
            continue
        reminder = by_reminder.get(person["id"])
        text = compose(ws.settings, person, verdict, kind=kind, today=today,
                       stage=reminder.stage if reminder else "",
                       due=reminder.due if reminder else None)
        out.subject, out.body, out.status = text.subject, text.body, "ready"
    return outcomes


def deliver(ws: Workspace, outcomes: list[Outcome], *, channel: str, kind: str) -> list[Outcome]:
    """Send the ready e-mails (or make the WhatsApp links) and record each in the history."""
    smtp = ws.settings.smtp
    if channel == "email" and smtp is None and any(o.status == "ready" for o in outcomes):
        raise UsageError(t("notify.no_smtp"), code="no_smtp")
    for out in outcomes:
        if out.status != "ready":
            continue
        if channel == "whatsapp":
            out.link, out.status = whatsapp_link(out.recipient, out.body), "link"
        else:
            try:
                send_email(smtp, to=out.recipient, subject=out.subject, body=out.body)
                out.status = "sent"
            except (OSError, smtplib.SMTPException) as exc:
                out.status, out.reason = "failed", t("notify.send_failed", detail=str(exc))
        _record(ws, out, channel=channel, kind=kind)
    return outcomes


def _record(ws: Workspace, out: Outcome, *, channel: str, kind: str) -> None:
    with write_transaction(ws.conn) as conn:
        conn.execute(
            "INSERT INTO messages(applicant_id, channel, kind, recipient, subject, body, status,"
            " error, staff, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (out.applicant, channel, kind, out.recipient, out.subject, out.body, out.status,
             out.reason, current_user(), now()))
        audit(conn, f"notify_{channel}", applicant_id=out.applicant, kind=kind,
              status=out.status)


def history(ws: Workspace, who: str) -> list[dict]:
    person = require_applicant(ws.conn, who)
    rows = ws.conn.execute(
        "SELECT created_at, channel, kind, recipient, subject, status, error, staff"
        " FROM messages WHERE applicant_id = ? ORDER BY id", (person["id"],))
    return [dict(r) for r in rows]


def set_letters_only(ws: Workspace, who: str, value: bool) -> dict:
    person = require_applicant(ws.conn, who)
    with write_transaction(ws.conn) as conn:
        conn.execute("UPDATE applicants SET letters_only = ? WHERE id = ?",
                     (int(value), person["id"]))
        audit(conn, "notify_letters_only", applicant_id=person["id"], value=value)
    return person
