"""A returned blank pack: its provisional applicant gets a NIK from the KTP read, or joins the roster.

Never two records for one NIK: when the roster already has the NIK, the
provisional applicant's pages and pack move to that entry and the
provisional record is removed.
"""
from __future__ import annotations

import json
import sqlite3

from .. import db

_IDENTITY_FROM_KTP = ("nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat")
MIN_NIK_CONFIDENCE = 0.6


def _ktp_reading(conn: sqlite3.Connection, applicant_id: int) -> dict[str, object] | None:
    """The identity from this applicant's KTP page, when its NIK is confident and valid."""
    rows = conn.execute(
        "SELECT f.name, f.value, f.confidence FROM findings f JOIN pages p ON p.id = f.page_id "
        "WHERE p.applicant_id = ? AND p.doc = 'ktp' AND p.review IS NULL AND p.rejected = 0 "
        "AND f.kind = 'ktp'", (applicant_id,)).fetchall()
    values = {r["name"]: (json.loads(r["value"]) if r["value"] else None, r["confidence"])
              for r in rows}
    nik, confidence = values.get("nik", (None, 0.0))
    valid, _ = values.get("nik_valid", (False, 0.0))
    if not nik or valid is not True or (confidence or 0) < MIN_NIK_CONFIDENCE:
        return None
    return {"nik": str(nik), **{k: values[k][0] for k in _IDENTITY_FROM_KTP if k in values}}


def set_applicant_nik(conn: sqlite3.Connection, applicant_id: int, nik: str,
                      identity: dict[str, object] | None = None, *, by: str) -> int:
    """Give a provisional applicant its NIK; returns the applicant id that now holds the pages."""
    existing = conn.execute("SELECT id FROM applicants WHERE nik = ? AND id != ?",
                            (nik, applicant_id)).fetchone()
    if existing:
        target = existing["id"]
        conn.execute("UPDATE pages SET applicant_id = ? WHERE applicant_id = ?",
                     (target, applicant_id))
        conn.execute("UPDATE packs SET applicant_id = ? WHERE applicant_id = ?",
                     (target, applicant_id))
        conn.execute("UPDATE decisions SET applicant_id = ? WHERE applicant_id = ?",
                     (target, applicant_id))
        conn.execute("DELETE FROM applicants WHERE id = ?", (applicant_id,))
        db.audit(conn, "provisional_joined", applicant_id=target, provisional=applicant_id, by=by)
        return target
    fields = {k: v for k, v in (identity or {}).items() if k in _IDENTITY_FROM_KTP and v}
    if fields.get("jenis_kelamin") not in (None, "L", "P"):
        fields.pop("jenis_kelamin")
    assignments = ", ".join(f"{k} = ?" for k in fields)
    conn.execute(f"UPDATE applicants SET nik = ?, provisional = 0, updated_at = ?"
                 f"{', ' + assignments if assignments else ''} WHERE id = ?",
                 (nik, db.now(), *fields.values(), applicant_id))
    db.audit(conn, "provisional_identified", applicant_id=applicant_id, by=by)
    return applicant_id


def resolve_provisional_applicants(conn: sqlite3.Connection) -> None:
    for row in conn.execute("SELECT id FROM applicants WHERE provisional = 1 AND nik IS NULL"
                            ).fetchall():
        reading = _ktp_reading(conn, row["id"])
        if reading:
            set_applicant_nik(conn, row["id"], reading.pop("nik"), reading, by="ktp")
