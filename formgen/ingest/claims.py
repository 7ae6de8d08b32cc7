"""A returned blank pack: its provisional applicant gets a NIK from the KTP read, or a person's.

The provisional applicant (``applicants.provisional = 1``, no NIK) is keyed by
its pack number. Once its NIK is known it joins the roster entry with that NIK
if there is one (its pages, pack and decisions move there and the provisional
record is removed), else it becomes an applicant of its own: never two records
for one NIK.

From a KTP read alone this happens only when the reading is beyond doubt: one
KTP page on the applicant (no other KTP NIK read), the NIK confident, valid
and consistent with the birth date and sex printed on the card, and — to join
an existing entry — the name on the card agreeing with that entry's name.
Otherwise the applicant stays provisional and a person enters the NIK
(``formgen review identify``).
"""
from __future__ import annotations

import json
import sqlite3

from formgen.core import db
from formgen.ingest.compare import recompare_applicant_pages, values_agree

_IDENTITY_FROM_KTP = ("nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat")
MIN_NIK_CONFIDENCE = 0.6


def _ktp_reading(conn: sqlite3.Connection, applicant_id: int) -> dict[str, object] | None:
    """The identity from this applicant's KTP page, when it is beyond doubt (module docstring)."""
    rows = conn.execute(
        "SELECT f.page_id, f.name, f.value, f.confidence FROM findings f "
        "JOIN pages p ON p.id = f.page_id WHERE p.applicant_id = ? AND p.doc = 'ktp' "
        "AND p.review IS NULL AND p.rejected = 0 AND f.kind = 'ktp' ORDER BY f.page_id",
        (applicant_id,)).fetchall()
    by_page: dict[int, dict[str, tuple[object, float]]] = {}
    for r in rows:
        by_page.setdefault(r["page_id"], {})[r["name"]] = (
            json.loads(r["value"]) if r["value"] else None, r["confidence"] or 0.0)
    niks = {str(v["nik"][0]) for v in by_page.values() if v.get("nik", (None,))[0]}
    if len(by_page) != 1 or len(niks) != 1:
        return None
    (values,) = by_page.values()
    nik, confidence = values["nik"]
    if (values.get("nik_valid", (None,))[0] is not True
            or values.get("nik_matches_card", (None,))[0] is not True
            or confidence < MIN_NIK_CONFIDENCE):
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
        recompare_applicant_pages(conn, target)
        return target
    fields = {k: v for k, v in (identity or {}).items() if k in _IDENTITY_FROM_KTP and v}
    if fields.get("jenis_kelamin") not in (None, "L", "P"):
        fields.pop("jenis_kelamin")
    assignments = ", ".join(f"{k} = ?" for k in fields)
    conn.execute(f"UPDATE applicants SET nik = ?, provisional = 0, updated_at = ?"
                 f"{', ' + assignments if assignments else ''} WHERE id = ?",
                 (nik, db.now(), *fields.values(), applicant_id))
    db.audit(conn, "provisional_identified", applicant_id=applicant_id, by=by)
    recompare_applicant_pages(conn, applicant_id)
    return applicant_id


def resolve_provisional_applicants(conn: sqlite3.Connection) -> None:
    """Identify provisional applicants whose KTP reading is beyond doubt (module docstring)."""
    for row in conn.execute("SELECT id FROM applicants WHERE provisional = 1 AND nik IS NULL"
                            ).fetchall():
        reading = _ktp_reading(conn, row["id"])
        if not reading:
            continue
        nik = str(reading.pop("nik"))
        existing = conn.execute("SELECT nama FROM applicants WHERE nik = ?", (nik,)).fetchone()
        if existing and not values_agree(reading.get("nama"), existing["nama"], kind="name"):
            continue  # the card's NIK is someone else's on the roster: a person decides
        set_applicant_nik(conn, row["id"], nik, reading, by="ktp")


def provisional_applicants(conn: sqlite3.Connection) -> list[dict]:
    """Applicants known only by a returned blank pack, waiting for their NIK."""
    rows = conn.execute(
        "SELECT a.id, group_concat(k.number) AS packs, "
        "(SELECT count(*) FROM pages p WHERE p.applicant_id = a.id) AS pages "
        "FROM applicants a LEFT JOIN packs k ON k.applicant_id = a.id "
        "WHERE a.provisional = 1 AND a.nik IS NULL GROUP BY a.id ORDER BY a.id").fetchall()
    return [{"applicant": r["id"], "packs": (r["packs"] or "").split(",") if r["packs"] else [],
             "pages": r["pages"]} for r in rows]
