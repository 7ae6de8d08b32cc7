"""The review queue: what a person decides about pages the program was not sure of.

Every decision is stored in ``decisions`` (it overrides a reader's finding)
and in the audit log. A rejected page belongs to nobody: its applicant is
cleared, its review reason becomes ``rejected`` and it leaves the queue, so
that ``applicant`` is null exactly when ``review`` is not (SPEC §7), while
``rejected`` tells a decided page from a waiting one.
"""
from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from formgen.checks.evidence import FOREIGN
from formgen.core import db
from formgen.core.atomic import atomic_open
from formgen.core.errors import InputError, UsageError
from formgen.core.i18n import t
from formgen.core.workspace import Workspace
from formgen.domain.doctypes import DOC_TYPES
from formgen.ingest.claims import provisional_applicants, set_applicant_nik
from formgen.ingest.compare import recompare_applicant_pages
from formgen.ingest.queries import list_pages
from formgen.roster.store import require_applicant

# Why a page waits for a person (pages.review); 'rejected' marks a decided page.
REVIEW_REASONS = ("unreadable_page", "qr_unreadable", "form_code_lost", FOREIGN, "unknown_pack",
                  "qr_mismatch", "no_separator", "ambiguous_applicant", "ktp_nik_mismatch",
                  "ktp_owner_unconfirmed", "blank_without_separator", "after_unidentified",
                  "voided_pack", "pas_foto_other_name")
THUMB_WIDTH = 500
REJECTED = "rejected"


def _page(ws: Workspace, page_id: int):
    row = ws.conn.execute("SELECT * FROM pages WHERE id = ?", (page_id,)).fetchone()
    if row is None:
        raise InputError(t("review.no_page", page=page_id), code="no_page")
    return row


def _decide(ws: Workspace, action: str, *, page_id: int | None = None,
            applicant_id: int | None = None, **detail: object) -> None:
    conn = ws.conn
    conn.execute("INSERT INTO decisions(page_id, applicant_id, action, detail, user, at) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 (page_id, applicant_id, action, json.dumps(detail, default=str),
                  db.current_user(), db.now()))
    db.audit(conn, f"review_{action}", applicant_id=applicant_id, page=page_id, **detail)


def review_queue(ws: Workspace, *, thumbnails: bool = True) -> list[dict]:
    """The pages waiting for a person, each with a thumbnail written under review/."""
    pages = list_pages(ws.conn, review_only=True)
    if thumbnails:
        folder = ws.dir("review")
        for page in pages:
            thumb = write_thumbnail(ws, page, folder)
            page["thumbnail"] = str(thumb) if thumb else None
    return pages


def waiting_identification(ws: Workspace) -> list[dict]:
    """Provisional applicants (returned blank packs) whose NIK a person must enter."""
    return provisional_applicants(ws.conn)


def write_thumbnail(ws: Workspace, page: dict, folder: Path) -> Path | None:
    if not page.get("image"):
        return None
    target = folder / f"halaman_{page['id']:06d}.png"
    if not target.exists():
        with Image.open(ws.root / page["image"]) as image:
            image.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 2))
            with atomic_open(target, "wb") as handle:
                image.save(handle, format="PNG", optimize=True)
    return target


def assign_page(ws: Workspace, page_id: int, applicant_id: int) -> None:
    conn = ws.conn
    page = _page(ws, page_id)
    require_applicant(conn, applicant_id)
    with db.write_transaction(conn):
        conn.execute("UPDATE pages SET applicant_id = ?, review = NULL, rejected = 0 WHERE id = ?",
                     (applicant_id, page_id))
        recompare_applicant_pages(conn, applicant_id)
        _decide(ws, "assign", page_id=page_id, applicant_id=applicant_id,
                applicant=applicant_id, previous_applicant=page["applicant_id"],
                previous_review=page["review"])


def set_page_type(ws: Workspace, page_id: int, doc: str) -> None:
    if doc not in DOC_TYPES:
        raise InputError(t("review.bad_type", doc=doc, types=", ".join(DOC_TYPES)),
                         code="bad_type")
    page = _page(ws, page_id)
    with db.write_transaction(ws.conn):
        ws.conn.execute("UPDATE pages SET doc = ? WHERE id = ?", (doc, page_id))
        _decide(ws, "set_type", page_id=page_id, applicant_id=page["applicant_id"],
                previous=page["doc"], doc=doc)


def reject_page(ws: Workspace, page_id: int) -> None:
    """The page is used for nobody (see the module docstring)."""
    page = _page(ws, page_id)
    with db.write_transaction(ws.conn):
        _reject(ws, page)


def _reject(ws: Workspace, page) -> None:
    ws.conn.execute("UPDATE pages SET rejected = 1, applicant_id = NULL, review = ? "
                    "WHERE id = ?", (REJECTED, page["id"]))
    _decide(ws, "reject", page_id=page["id"], applicant_id=page["applicant_id"],
            previous_applicant=page["applicant_id"], previous_review=page["review"])


def waiting_pages(conn, *, file: str | Path | None = None, sha256: str | None = None,
                  reason: str | None = None) -> list:
    """Pages waiting in review from ``file`` (a path, or the name it was ingested under) or
    the file ``sha256``, and/or with review ``reason``."""
    where, args = ["p.review IS NOT NULL", "p.rejected = 0"], []
    if sha256 is not None:
        where.append("p.sha256 = ?")
        args.append(sha256)
    if file is not None:
        path = Path(file)
        if path.is_file():
            from formgen.ingest.archive import sha256_file
            where.append("p.sha256 = ?")
            args.append(sha256_file(path))
        else:
            where.append("f.original_name = ?")
            args.append(path.name)
    if reason is not None:
        where.append("p.review = ?")
        args.append(reason)
    return conn.execute(f"SELECT p.* FROM pages p JOIN files f ON f.sha256 = p.sha256 "
                        f"WHERE {' AND '.join(where)} ORDER BY p.id", args).fetchall()


def reject_pages(ws: Workspace, *, file: str | Path | None = None,
                 reason: str | None = None) -> list[int]:
    """Reject every page waiting from ``file`` and/or for ``reason``, each recorded like one
    ``reject_page``; the ids rejected (InputError when none waits)."""
    if file is None and reason is None:
        raise UsageError(t("review.reject_target"), code="no_target")
    if reason is not None and reason not in REVIEW_REASONS:
        raise UsageError(t("review.bad_reason", reason=reason,
                           reasons=", ".join(REVIEW_REASONS)), code="bad_reason")
    pages = waiting_pages(ws.conn, file=file, reason=reason)
    if not pages:
        raise InputError(t("review.nothing_to_reject"), code="nothing_to_reject")
    with db.write_transaction(ws.conn):
        for page in pages:
            _reject(ws, page)
    return [page["id"] for page in pages]


def decide_finding(ws: Workspace, finding_id: int, accept: bool) -> None:
    conn = ws.conn
    row = conn.execute("SELECT f.*, p.applicant_id FROM findings f JOIN pages p "
                       "ON p.id = f.page_id WHERE f.id = ?", (finding_id,)).fetchone()
    if row is None:
        raise InputError(t("review.no_finding", finding=finding_id), code="no_finding")
    with db.write_transaction(conn):
        _decide(ws, "accept_finding" if accept else "reject_finding", page_id=row["page_id"],
                applicant_id=row["applicant_id"], finding_id=finding_id, kind=row["kind"],
                name=row["name"])


def identify_applicant(ws: Workspace, applicant_id: int, nik: str, *,
                       nama: str | None = None) -> int:
    """A person enters the NIK (and name) of a provisional applicant from a blank pack."""
    from formgen.domain.nik import check_nik

    conn = ws.conn
    row = require_applicant(conn, applicant_id)
    if not row["provisional"] or row["nik"] is not None:
        raise InputError(t("review.not_provisional", ref=applicant_id), code="not_provisional")
    nik = str(nik).strip()
    check = check_nik(nik)
    if not check.ok:
        raise InputError(t("review.bad_nik", nik=nik, reasons=", ".join(check.reasons)),
                         code="bad_nik")
    with db.write_transaction(conn):
        target = set_applicant_nik(conn, applicant_id, nik, {"nama": nama} if nama else None,
                                   by="person")
        _decide(ws, "set_nik", applicant_id=target, provisional=applicant_id)
    return target
