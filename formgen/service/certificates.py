"""Competency certificates (SKK) issued by the LSP, with their PDF kept in the workspace."""
from __future__ import annotations

import hashlib
import io
import sqlite3
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from formgen.core.atomic import write_bytes
from formgen.core.db import audit, current_user, now, write_transaction
from formgen.core.errors import InputError, MissingFileError, UsageError
from formgen.core.i18n import t
from formgen.core.safenames import applicant_filename, safe_component
from formgen.core.workspace import Workspace
from formgen.roster.store import require_applicant

CERT_DIR = "sertifikat"


def _read_pdf(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise MissingFileError(t("certificate.unreadable", detail=exc.strerror or str(exc)),
                               path=str(path), code="not_found") from exc
    except OSError as exc:
        raise InputError(t("certificate.unreadable", detail=exc.strerror or str(exc)),
                         path=str(path), code="unreadable") from exc
    if not data.startswith(b"%PDF"):
        raise InputError(t("certificate.not_pdf"), path=str(path), code="not_pdf")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(t("certificate.encrypted"), path=str(path), code="encrypted")
        if len(reader.pages) == 0:
            raise InputError(t("certificate.not_pdf"), path=str(path), code="empty_pdf")
    except (PdfReadError, ValueError, KeyError) as exc:
        raise InputError(t("certificate.not_pdf"), path=str(path), code="corrupt_pdf") from exc
    return data


def record_certificate(ws: Workspace, applicant: str, number: str, issued: date,
                       file: Path | None = None) -> dict:
    """Record a certificate; the PDF (if any) is copied owner-only into ``sertifikat/``."""
    conn = ws.conn
    try:
        row = require_applicant(conn, applicant)
    except InputError as exc:  # this command has always ended an unknown applicant with exit 2
        raise UsageError(exc.message, code=exc.code) from exc
    number = " ".join(number.split())
    if not number:
        raise UsageError(t("certificate.empty_number"), code="empty_number")
    rel_path = sha256 = None
    if file is not None:
        data = _read_pdf(Path(file))
        sha256 = hashlib.sha256(data).hexdigest()
        name = applicant_filename(row["nik"], row["nama"], applicant_id=row["id"],
                                  suffix=f"_SKK_{safe_component(number, max_len=40)}.pdf")
        write_bytes(ws.dir(CERT_DIR) / name, data)
        rel_path = f"{CERT_DIR}/{name}"
    with write_transaction(conn):
        conn.execute(
            "INSERT INTO certificates(applicant_id, number, issued_date, path, sha256, "
            "created_at, user) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(applicant_id, number) DO UPDATE SET issued_date = excluded.issued_date,"
            " path = coalesce(excluded.path, path), sha256 = coalesce(excluded.sha256, sha256)",
            (row["id"], number, issued.isoformat(), rel_path, sha256, now(), current_user()))
        audit(conn, "certificate.record", applicant_id=row["id"], file=bool(file))
    return latest_certificate(conn, row["id"]) or {}


def latest_certificate(conn: sqlite3.Connection, applicant_id: int) -> dict | None:
    """{"number", "date", "path"} of the applicant's latest certificate, or None."""
    row = conn.execute("SELECT number, issued_date, path FROM certificates WHERE applicant_id = ?"
                       " ORDER BY issued_date DESC, id DESC LIMIT 1", (applicant_id,)).fetchone()
    if row is None:
        return None
    return {"applicant": applicant_id, "number": row["number"], "date": row["issued_date"],
            "path": row["path"]}
