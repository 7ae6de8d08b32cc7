"""What the attribution rules ask of the workspace: packs, applicants' NIKs and names,
blank-pack claims."""
from __future__ import annotations

import sqlite3

from rapidfuzz.distance import Levenshtein

from formgen.core import db
from formgen.ingest.attribute import AttributionContext, PackRef
from formgen.ingest.compare import normalise_text

BLANK_PACK_CLAIMED = "blank_pack_claimed"
PACK_VOIDED = "pack.void"  # a pack replaced by a newer one printed for its applicant
NEAR_NAME = 2              # letters by which a read name may be another applicant's misread


def voided_packs(conn: sqlite3.Connection) -> set[int]:
    """Ids of packs replaced by a newer pack for the same applicant (their numbers are void)."""
    return {r[0] for r in conn.execute(
        "SELECT json_extract(detail, '$.pack') FROM audit WHERE action = ?", (PACK_VOIDED,))}


def pack_printed_blank(conn: sqlite3.Connection, pack_id: int) -> bool:
    """A pack printed without an applicant: still unclaimed, or claimed from a returned scan.

    The claim is recorded in the audit log in the transaction that gave the pack its
    provisional applicant, so it stays known after the applicant joins a roster entry.
    """
    row = conn.execute(
        "SELECT (SELECT applicant_id IS NULL FROM packs WHERE id = ?) AS unclaimed, "
        "EXISTS (SELECT 1 FROM audit WHERE action = ? AND json_extract(detail, '$.pack') = ?) "
        "AS claimed", (pack_id, BLANK_PACK_CLAIMED, pack_id)).fetchone()
    return bool(row["unclaimed"]) or bool(row["claimed"])


def workspace_context(conn: sqlite3.Connection, workspace_id: str) -> AttributionContext:
    """An ``AttributionContext`` reading and writing ``conn`` (inside the caller's transaction)."""

    voided = voided_packs(conn)

    def find_pack(number: int) -> PackRef | None:
        row = conn.execute("SELECT id, applicant_id FROM packs WHERE id = ?", (number,)).fetchone()
        if row is None:
            return None
        return PackRef(row["id"], row["applicant_id"], pack_printed_blank(conn, row["id"]),
                       voided=row["id"] in voided)

    def applicant_nik(applicant_id: int) -> str | None:
        row = conn.execute("SELECT nik FROM applicants WHERE id = ?", (applicant_id,)).fetchone()
        return row["nik"] if row else None

    def claim_blank_pack(pack_id: int) -> int:
        now = db.now()
        cur = conn.execute("INSERT INTO applicants(provisional, created_at, updated_at) "
                           "VALUES (1, ?, ?)", (now, now))
        conn.execute("UPDATE packs SET applicant_id = ? WHERE id = ?", (cur.lastrowid, pack_id))
        db.audit(conn, BLANK_PACK_CLAIMED, applicant_id=cur.lastrowid, pack=pack_id)
        return cur.lastrowid

    def applicant_name(applicant_id: int) -> str | None:
        row = conn.execute("SELECT nama FROM applicants WHERE id = ?", (applicant_id,)).fetchone()
        return row["nama"] if row else None

    def find_owner(key: str, value: str) -> tuple[int, int | None] | None:
        """(applicant, newest pack) whose NIK or name is ``value``, when exactly one's is; a
        name a letter or two from another applicant's (a misreading of it) names nobody."""
        column = {"nik": "nik", "nama": "nama"}[key]
        wanted = normalise_text(value)
        rows = [(r["id"], normalise_text(r["value"])) for r in conn.execute(
            f"SELECT id, {column} AS value FROM applicants WHERE {column} IS NOT NULL")]
        owners = [applicant for applicant, known in rows if known == wanted]
        if len(owners) != 1 or (key == "nama" and any(
                known != wanted and Levenshtein.distance(known, wanted) <= NEAR_NAME
                for _, known in rows)):
            return None
        packs = [r["id"] for r in conn.execute(
            "SELECT id FROM packs WHERE applicant_id = ? ORDER BY id DESC", (owners[0],))
            if r["id"] not in voided]
        return owners[0], packs[0] if packs else None

    return AttributionContext(workspace_id, find_pack, applicant_nik, claim_blank_pack,
                              applicant_name, find_owner)
