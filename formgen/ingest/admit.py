"""Admit the files of a run: hash, skip duplicates, archive, and record each as pending or error.

A file is recorded as ``pending`` before its pages are read, so a run killed half way
leaves it pending and the next run reads it again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from formgen.core import db
from formgen.core.i18n import t
from formgen.core.workspace import Workspace
from formgen.ingest.archive import archive_file, archive_path, sha256_file
from formgen.ingest.oserrors import as_workspace_error
from formgen.ingest.report import FileReport, IngestReport
from ocr.errors import BadInput
from ocr.load import sniff_kind
from ocr.page import PageResult
from ocr.source import describe_file


@dataclass
class PendingFile:
    report: FileReport
    stored_path: Path
    kind: str
    results: dict[int, PageResult] = field(default_factory=dict)
    form_values: dict[int, dict[str, str]] = field(default_factory=dict)  # page -> name -> value


def admit_files(ws: Workspace, files: list[Path], report: IngestReport) -> list[PendingFile]:
    """A report line for every file; the files whose pages are to be read, recorded pending."""
    conn = ws.conn
    pending: list[PendingFile] = []
    seen_now: set[str] = set()
    for path in files:
        entry = FileReport(str(path), None, "error")
        report.files.append(entry)
        try:
            entry.sha256 = sha = sha256_file(path)
        except OSError as exc:
            entry.error, entry.error_code = _unreadable(exc)
            continue
        row = conn.execute("SELECT status, pages FROM files WHERE sha256 = ?", (sha,)).fetchone()
        if sha in seen_now or (row and row["status"] == "ingested"):
            entry.status, entry.pages = "duplicate", row["pages"] if row else 0
            continue
        seen_now.add(sha)
        try:
            kind = sniff_kind(path)
            stored = archive_file(path, archive_path(ws.root, sha, kind), sha)
            source = describe_file(stored)
        except BadInput as exc:
            entry.error, entry.error_code = t(f"ingest.bad_input.{exc.code}",
                                              fallback=exc.detail), exc.code
            record_file_error(ws, path, sha, entry)
            continue
        except OSError as exc:
            if as_workspace_error(ws.root, exc):
                raise
            entry.error, entry.error_code = _unreadable(exc)
            continue
        entry.pages, entry.repaired = source.page_count, source.repaired
        with db.write_transaction(conn):
            conn.execute(
                "INSERT INTO files(sha256, original_name, stored_path, kind, pages, status, "
                "created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT(sha256) DO UPDATE "
                "SET status='pending', pages=excluded.pages, error=NULL, error_code=NULL",
                (sha, path.name, str(stored.relative_to(ws.root)), kind, source.page_count,
                 db.now()))
        pending.append(PendingFile(entry, stored, kind, form_values=source.form_values))
    return pending


def _unreadable(exc: OSError) -> tuple[str, str]:
    return t("ingest.error.unreadable", detail=exc.strerror or str(exc)), "unreadable"


def record_file_error(ws: Workspace, path: Path, sha: str, entry: FileReport) -> None:
    conn = ws.conn
    with db.write_transaction(conn):
        conn.execute(
            "INSERT INTO files(sha256, original_name, stored_path, status, error, error_code, "
            "created_at) VALUES (?, ?, '', 'error', ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET "
            "status='error', error=excluded.error, error_code=excluded.error_code",
            (sha, path.name, entry.error, entry.error_code, db.now()))
        db.audit(conn, "ingest_error", sha256=sha, code=entry.error_code)
