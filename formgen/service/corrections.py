"""A person's value for a reading: a decision the checks honour, with a version per field.

Two people correcting one field at once: each sends the version they saw;
the first write raises it, the second is refused with what the first decided
(``FieldConflict``), so nothing is silently lost.
"""
from __future__ import annotations

import json
import re

from stdnum.id import nik as stdnik

from formgen.checks import check_applicants
from formgen.core import db
from formgen.core.errors import InputError
from formgen.core.i18n import t
from formgen.core.workspace import Workspace

MAX_VALUE = 200


class FieldConflict(InputError):
    """Someone else decided this field since the page was loaded."""

    def __init__(self, *, user: str, value: object, version: int):
        super().__init__(t("web.verify.conflict", user=user, value=value if value else "-"),
                         code="field_conflict")
        self.user, self.value, self.version = user, value, version


def _normalise(kind: str, name: str, value: str) -> str:
    value = " ".join(str(value).split())[:MAX_VALUE]
    if name == "nik":
        digits = re.sub(r"\D", "", value)
        if len(digits) != 16:
            raise InputError(t("web.verify.bad_nik"), code="bad_nik")
        return digits
    return value


def decide_field(ws: Workspace, finding_id: int, value: str, *, version: int) -> dict:
    """Record ``value`` for the reading ``finding_id``; returns the applicant's new verdict."""
    conn = ws.conn
    row = conn.execute("SELECT f.*, p.applicant_id FROM findings f JOIN pages p "
                       "ON p.id = f.page_id WHERE f.id = ?", (finding_id,)).fetchone()
    if row is None:
        raise InputError(t("review.no_finding", finding=finding_id), code="no_finding")
    kind, name, page_id = row["kind"], row["name"], row["page_id"]
    value = _normalise(kind, name, value)
    user = db.current_user()
    with db.write_transaction(conn):
        current = conn.execute("SELECT * FROM field_versions WHERE page_id = ? AND kind = ? "
                               "AND name = ?", (page_id, kind, name)).fetchone()
        seen = current["version"] if current else 0
        if seen != version:
            raise FieldConflict(user=current["user"], value=json.loads(current["value"]),
                                version=seen)
        reading = json.loads(row["value"]) if row["value"] else None
        _decide(conn, page_id, row["applicant_id"], finding_id=finding_id, kind=kind,
                name=name, value=value, corrected=value != reading)
        if (kind, name) == ("ktp", "nik"):
            _decide_nik_flag(conn, page_id, row["applicant_id"], value)
        conn.execute("INSERT INTO field_versions(page_id, kind, name, version, value, user, at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(page_id, kind, name) DO UPDATE "
                     "SET version = excluded.version, value = excluded.value, "
                     "user = excluded.user, at = excluded.at",
                     (page_id, kind, name, seen + 1, json.dumps(value), user, db.now()))
    verdict = check_applicants(ws, applicant=row["applicant_id"])[0]
    return {"version": seen + 1, "value": value, "verdict": verdict}


def _decide(conn, page_id: int, applicant_id: int | None, **detail: object) -> None:
    conn.execute("INSERT INTO decisions(page_id, applicant_id, action, detail, user, at) "
                 "VALUES (?, ?, 'accept_finding', ?, ?, ?)",
                 (page_id, applicant_id, json.dumps(detail, default=str), db.current_user(),
                  db.now()))
    # the audit log holds no personal data: which field, not its value
    db.audit(conn, "review_accept_finding", applicant_id=applicant_id, page=page_id,
             finding_id=detail.get("finding_id"), kind=detail.get("kind"),
             name=detail.get("name"), corrected=detail.get("corrected"))


def _decide_nik_flag(conn, page_id: int, applicant_id: int | None, nik: str) -> None:
    """A NIK typed by a person replaces the reader's verdict on its structure."""
    flag = conn.execute("SELECT id FROM findings WHERE page_id = ? AND kind = 'ktp' "
                        "AND name = 'nik_valid'", (page_id,)).fetchone()
    if flag is not None:
        _decide(conn, page_id, applicant_id, finding_id=flag["id"], kind="ktp",
                name="nik_valid", value=bool(stdnik.is_valid(nik)), corrected=True)
