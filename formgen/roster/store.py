"""Applicants and their work experience in the workspace database."""
from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta

from formgen.core import db
from formgen.core.errors import InputError
from formgen.core.i18n import t
from formgen.domain.nik import NIK_LENGTH

APPLICANT_FIELDS = ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat",
                    "kelurahan", "kecamatan", "no_hp", "email", "pendidikan", "jabatan_kerja",
                    "jenjang", "npwp", "kode_pos", "nama_sekolah", "program_studi", "no_ijazah",
                    "tahun_lulus", "alamat_sekolah", "propinsi_sekolah", "kabupaten_sekolah")
EXPERIENCE_FIELDS = ("nama_proyek", "pemberi_kerja", "jabatan", "lokasi", "mulai", "selesai",
                     "nilai_proyek", "jenis_pengalaman")
_OTHER_KEYS = ("id", "batch_id")
_NIK_REF = re.compile(rf"[0-9]{{{NIK_LENGTH}}}")
_ID_REF = re.compile(r"[Aa]?0*([0-9]{1,9})")  # 12, or as a page code prints it: A12, A000012


def upsert_applicant(conn: sqlite3.Connection, record: dict, *,
                     retention_days: int | None = None) -> tuple[int, bool]:
    """Create or update the applicant with ``record["nik"]``; returns (id, created).

    Runs in the caller's transaction. Keys are columns of ``applicants``;
    a None value leaves the stored value as it is. With ``record["id"]`` the
    NIK is given to that (e.g. provisional) applicant, unless another
    applicant already holds it (InputError ``nik_taken``). The applicant
    stops being provisional; ``retention_until`` becomes today plus
    ``retention_days`` when that is later than the stored one.
    """
    unknown = set(record) - set(APPLICANT_FIELDS) - set(_OTHER_KEYS)
    if unknown:
        raise ValueError(f"unknown applicant fields: {sorted(unknown)}")
    nik = record.get("nik")
    if not isinstance(nik, str) or len(nik) != NIK_LENGTH or not nik.isdigit():
        raise InputError(t("nik.nik_length"), code="nik_length")
    values = {k: _db_value(v) for k, v in record.items()
              if k in APPLICANT_FIELDS or k == "batch_id"}
    given = {k: v for k, v in values.items() if v is not None}
    stamp = db.now()
    retention = ((date.today() + timedelta(days=retention_days)).isoformat()
                 if retention_days else None)

    holder = conn.execute("SELECT id FROM applicants WHERE nik = ?", (nik,)).fetchone()
    target_id = record.get("id")
    if holder and target_id is not None and holder["id"] != target_id:
        raise InputError(t("roster.nik_taken", other=holder["id"]), code="nik_taken")
    existing_id = holder["id"] if holder else target_id
    if existing_id is not None:
        row = conn.execute("SELECT retention_until FROM applicants WHERE id = ?",
                           (existing_id,)).fetchone()
        if row is None:
            raise ValueError(f"no applicant with id {existing_id}")
        if retention and (row["retention_until"] or "") < retention:
            given["retention_until"] = retention
        assignments = ", ".join(f"{k} = ?" for k in given)
        conn.execute(f"UPDATE applicants SET {assignments}, provisional = 0, updated_at = ? "
                     "WHERE id = ?", (*given.values(), stamp, existing_id))
        db.audit(conn, "applicant.update", applicant_id=existing_id, fields=sorted(given))
        return existing_id, False
    if retention:
        given["retention_until"] = retention
    columns = ", ".join(given)
    marks = ", ".join("?" for _ in given)
    cursor = conn.execute(
        f"INSERT INTO applicants ({columns}, created_at, updated_at) VALUES ({marks}, ?, ?)",
        (*given.values(), stamp, stamp))
    db.audit(conn, "applicant.create", applicant_id=cursor.lastrowid, fields=sorted(given))
    return cursor.lastrowid, True


def replace_experience(conn: sqlite3.Connection, applicant_id: int, rows: list[dict]) -> None:
    """The applicant's work experience becomes ``rows`` (in the caller's transaction)."""
    conn.execute("DELETE FROM experience WHERE applicant_id = ?", (applicant_id,))
    for row in rows:
        conn.execute(
            f"INSERT INTO experience (applicant_id, {', '.join(EXPERIENCE_FIELDS)}) "
            f"VALUES (?, {', '.join('?' for _ in EXPERIENCE_FIELDS)})",
            (applicant_id, *(_db_value(row.get(k)) for k in EXPERIENCE_FIELDS)))
    db.audit(conn, "applicant.experience", applicant_id=applicant_id, rows=len(rows))


def applicant_id_by_nik(conn: sqlite3.Connection, nik: str) -> int | None:
    row = conn.execute("SELECT id FROM applicants WHERE nik = ?", (nik,)).fetchone()
    return row["id"] if row else None


def find_applicant(conn: sqlite3.Connection, ref: str | int) -> sqlite3.Row | None:
    """The applicant ``ref`` names (a 16-digit NIK, an id ``12``, ``A12`` or ``A000012``), or None.

    The one reading of an applicant given on the command line or in a file.
    """
    text = str(ref).strip()
    if _NIK_REF.fullmatch(text):
        return conn.execute("SELECT * FROM applicants WHERE nik = ?", (text,)).fetchone()
    if match := _ID_REF.fullmatch(text):
        return conn.execute("SELECT * FROM applicants WHERE id = ?",
                            (int(match[1]),)).fetchone()
    return None


def require_applicant(conn: sqlite3.Connection, ref: str | int) -> sqlite3.Row:
    """:func:`find_applicant`, or InputError ``unknown_applicant`` naming ``ref``."""
    row = find_applicant(conn, ref)
    if row is None:
        raise InputError(t("roster.unknown_applicant", ref=str(ref).strip()),
                         code="unknown_applicant")
    return row


def select_applicants(conn: sqlite3.Connection, ref: str | int | None = None) -> list[dict]:
    """Every applicant by id, or only the one ``ref`` names (InputError when none)."""
    if ref is None:
        return [dict(r) for r in conn.execute("SELECT * FROM applicants ORDER BY id")]
    return [dict(require_applicant(conn, ref))]


def list_applicants(ws) -> list[dict]:
    """Every applicant (all columns, ``id`` included, plus ``experience_rows``), by id."""
    rows = ws.conn.execute(
        "SELECT a.*, (SELECT count(*) FROM experience e WHERE e.applicant_id = a.id) "
        "AS experience_rows FROM applicants a ORDER BY a.id").fetchall()
    return [dict(row) for row in rows]


def get_applicant(ws, ref: str | int) -> dict | None:
    """One applicant (see :func:`find_applicant`) with ``experience`` (list of dicts); else None."""
    row = find_applicant(ws.conn, ref)
    if row is None:
        return None
    applicant = dict(row)
    applicant["experience"] = [dict(r) for r in ws.conn.execute(
        "SELECT * FROM experience WHERE applicant_id = ? ORDER BY mulai, id",
        (applicant["id"],))]
    return applicant


def _db_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value
