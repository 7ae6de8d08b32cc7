"""``formgen ingest``: find the files, admit them, read their pages in a pool, record each file.

Crash safety: a file is recorded as ``pending`` before its pages are read
(``admit``); its pages, findings and the ``ingested`` status are written in one
transaction once all its pages are back (``store``). A run killed half way leaves
the file pending; running the same command again reads it again and nothing is
doubled. Temporary files a killed run left behind are removed on the next run
once they are older than a few minutes.

A workspace that cannot be written (disk full, read-only) stops the run with
one WorkspaceError; files not finished stay pending for the next run.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from formgen.core.atomic import clean_stale_temps
from formgen.core.i18n import t
from formgen.core.programs import require_tesseract
from formgen.core.workspace import Workspace
from formgen.ingest.admit import admit_files
from formgen.ingest.discover import discover_files
from formgen.ingest.oserrors import as_workspace_error
from formgen.ingest.pool import run_pages
from formgen.ingest.report import FileReport, IngestReport
from formgen.ingest.store import AccountingError, store_file

__all__ = ["FileReport", "IngestReport", "ingest_paths"]

log = logging.getLogger(__name__)


def ingest_paths(ws: Workspace, paths: list[Path], *, jobs: int | None = None,
                 progress: Callable[[int], None] | None = None,
                 on_total: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest ``paths`` (files or folders) into ``ws``; see the module docstring."""
    require_tesseract()  # once, before any file: not one unreadable page per page
    try:
        return _ingest(ws, paths, jobs=jobs, progress=progress, on_total=on_total)
    except (OSError, sqlite3.OperationalError) as exc:
        problem = as_workspace_error(ws.root, exc)
        if problem is None:
            raise
        raise problem from exc


def _ingest(ws: Workspace, paths: list[Path], *, jobs: int | None,
            progress: Callable[[int], None] | None,
            on_total: Callable[[int], None] | None) -> IngestReport:
    clean_stale_temps(ws.root)
    report = IngestReport()
    files, problems = discover_files(paths)
    for path, code in problems:
        report.files.append(FileReport(str(path), None, "error", t(f"ingest.error.{code}"),
                                       code))
    pending = admit_files(ws, files, report)
    if on_total:
        on_total(sum(p.report.pages for p in pending))
    layouts = {r["id"]: r["geometry"]
               for r in ws.conn.execute("SELECT id, geometry FROM layouts")}
    # the names a name line no reading settled may be matched against (ocr.roster_match)
    names = tuple(r["nama"] for r in ws.conn.execute(
        "SELECT DISTINCT nama FROM applicants WHERE nama IS NOT NULL AND nama != ''"))
    # ... and the NIKs a card's NIK no reading settled may be one of (ocr.ktp.nikread)
    niks = tuple(r["nik"] for r in ws.conn.execute(
        "SELECT DISTINCT nik FROM applicants WHERE nik IS NOT NULL AND nik != ''"))
    for pending_file, results in run_pages(ws, pending, layouts, jobs=jobs, progress=progress,
                                           names=names, niks=niks):
        pending_file.results = {}  # the list below is all that is kept of them
        pending_file.report.page_errors = [{"index": r.index, "code": r.error_code}
                                           for r in results if r.error_code]
        try:
            store_file(ws, pending_file, results, layouts)
        except AccountingError as exc:  # rolled back: the file stays pending, the batch goes on
            entry = pending_file.report
            entry.status, entry.error, entry.error_code = "error", exc.message, exc.code
            log.debug("accounting mismatch for %s", entry.path)
    return report
