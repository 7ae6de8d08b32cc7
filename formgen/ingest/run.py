"""``formgen ingest``: archive files, process their pages in a pool, attribute and record them.

Crash safety: a file is recorded as ``pending`` before its pages are read;
its pages, findings and the ``ingested`` status are written in one
transaction once all its pages are back. A run killed half way leaves the
file pending; running the same command again reads it again and nothing is
doubled. Temporary files a killed run left behind are removed on the next
run once they are older than a few minutes.

A workspace that cannot be written (disk full, read-only) stops the run with
one WorkspaceError; files not finished stay pending for the next run.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from formgen.core import db
from formgen.core.atomic import clean_stale_temps
from formgen.core.errors import FormgenError, WorkspaceError
from formgen.core.i18n import t
from formgen.core.workspace import Workspace
from formgen.ingest.archive import archive_file, archive_path, sha256_file
from formgen.ingest.attribute import Placement, attribute_file
from formgen.ingest.compare import compare_with_roster
from formgen.ingest.context import workspace_context
from formgen.ingest.discover import discover_files
from formgen.ingest.pagework import PageResult, PageTask, close_documents, init_worker, process_page
from ocr.findings import Finding
from ocr.geometry import DocumentGeometry

log = logging.getLogger(__name__)


class AccountingError(FormgenError):
    """Pages in != attributed + review + blank: something was lost or doubled."""


@dataclass
class FileReport:
    path: str
    sha256: str | None
    status: str                 # ingested | duplicate | error
    error: str | None = None
    error_code: str | None = None
    pages: int = 0
    repaired: bool = False      # a damaged PDF rebuilt; ``pages`` is what was recovered
    attributed: int = 0
    review: int = 0
    blank: int = 0
    # pages that could not be read (they are in review): [{"index": 0, "code": "truncated"}]
    page_errors: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {k: v for k, v in asdict(self).items()}


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, int]:
        done = [f for f in self.files if f.status == "ingested"]
        return {key: sum(getattr(f, key) for f in done)
                for key in ("pages", "attributed", "review", "blank")}

    @property
    def has_errors(self) -> bool:
        """A file was rejected, or a page of one could not be read."""
        return any(f.status == "error" or f.page_errors for f in self.files)

    def as_json(self) -> dict:
        return {"files": [f.as_json() for f in self.files], "accounting": self.totals}


@dataclass
class _PendingFile:
    report: FileReport
    stored_path: Path
    kind: str
    results: dict[int, PageResult] = field(default_factory=dict)
    form_fields: dict[int, dict[str, str]] = field(default_factory=dict)  # page -> name -> value


# errno values that mean the workspace itself cannot take what is written
_WORKSPACE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
_WORKSPACE_DENIED = {errno.EACCES, errno.EPERM}
_SQLITE_WORKSPACE = ("disk is full", "readonly database", "disk i/o error")


def _as_workspace_error(ws: Workspace, exc: BaseException) -> WorkspaceError | None:
    """The WorkspaceError an OS or SQLite error stands for, if it is about the workspace."""
    if isinstance(exc, sqlite3.OperationalError):
        if any(text in str(exc).lower() for text in _SQLITE_WORKSPACE):
            return WorkspaceError(t("ingest.workspace_write", detail=str(exc)),
                                  path=str(ws.root), code="workspace_not_writable")
        return None
    if not isinstance(exc, OSError):
        return None
    inside = bool(exc.filename) and str(exc.filename).startswith(str(ws.root))
    if exc.errno in _WORKSPACE_ERRNOS or (exc.errno in _WORKSPACE_DENIED and inside):
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
        code = "disk_full" if full else "workspace_not_writable"
        return WorkspaceError(t("ingest.workspace_write", detail=exc.strerror or str(exc)),
                              path=str(ws.root), code=code)
    return None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def ingest_paths(ws: Workspace, paths: list[Path], *, jobs: int | None = None,
                 progress: Callable[[int], None] | None = None,
                 on_total: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest ``paths`` (files or folders) into ``ws``; see the module docstring."""
    try:
        return _ingest(ws, paths, jobs=jobs, progress=progress, on_total=on_total)
    except (OSError, sqlite3.OperationalError) as exc:
        problem = _as_workspace_error(ws, exc)
        if problem is None:
            raise
        raise problem from exc


def _ingest(ws: Workspace, paths: list[Path], *, jobs: int | None,
            progress: Callable[[int], None] | None,
            on_total: Callable[[int], None] | None) -> IngestReport:
    from ocr.errors import BadInput
    from ocr.load import open_document, sniff_kind

    clean_stale_temps(ws.root)
    report = IngestReport()
    files, problems = discover_files(paths)
    for path, code in problems:
        report.files.append(FileReport(str(path), None, "error", t(f"ingest.error.{code}"),
                                       code))
    conn = ws.conn
    pending: list[_PendingFile] = []
    seen_now: set[str] = set()
    for path in files:
        entry = FileReport(str(path), None, "error")
        report.files.append(entry)
        try:
            entry.sha256 = sha = sha256_file(path)
        except OSError as exc:
            entry.error, entry.error_code = t("ingest.error.unreadable",
                                              detail=exc.strerror or str(exc)), "unreadable"
            continue
        row = conn.execute("SELECT status, pages FROM files WHERE sha256 = ?", (sha,)).fetchone()
        if sha in seen_now or (row and row["status"] == "ingested"):
            entry.status, entry.pages = "duplicate", row["pages"] if row else 0
            continue
        seen_now.add(sha)
        try:
            kind = sniff_kind(path)
            stored = archive_file(path, archive_path(ws.root, sha, kind), sha)
            document = open_document(stored)
            try:
                page_count = document.page_count
                repaired = document.repaired
            finally:
                document.close()
        except BadInput as exc:
            entry.error, entry.error_code = t(f"ingest.bad_input.{exc.code}",
                                              fallback=exc.detail), exc.code
            _record_file_error(ws, path, sha, entry)
            continue
        except OSError as exc:
            if _as_workspace_error(ws, exc):
                raise
            entry.error, entry.error_code = t("ingest.error.unreadable",
                                              detail=exc.strerror or str(exc)), "unreadable"
            continue
        entry.pages, entry.repaired = page_count, repaired
        form_fields = _form_fields_by_page(stored) if kind == "pdf" and not repaired else {}
        with db.write_transaction(conn):
            conn.execute(
                "INSERT INTO files(sha256, original_name, stored_path, kind, pages, status, "
                "created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT(sha256) DO UPDATE "
                "SET status='pending', pages=excluded.pages, error=NULL, error_code=NULL",
                (sha, path.name, str(stored.relative_to(ws.root)), kind, page_count, db.now()))
        pending.append(_PendingFile(entry, stored, kind, form_fields=form_fields))

    if on_total:
        on_total(sum(p.report.pages for p in pending))
    layouts = {r["id"]: r["geometry"] for r in conn.execute("SELECT id, geometry FROM layouts")}
    for pending_file, results in _run_pages(ws, pending, layouts, jobs=jobs, progress=progress):
        pending_file.results = {}  # the list below is all that is kept of them
        _add_form_fields(results, pending_file.form_fields)
        pending_file.report.page_errors = [{"index": r.index, "code": r.error_code}
                                           for r in results if r.error_code]
        try:
            _store_file(ws, pending_file, results, layouts)
        except AccountingError as exc:  # rolled back: the file stays pending, the batch goes on
            entry = pending_file.report
            entry.status, entry.error, entry.error_code = "error", exc.message, exc.code
            log.debug("accounting mismatch for %s", entry.path)
    return report


def _form_fields_by_page(path: Path) -> dict[int, dict[str, str]]:
    """The values of a filled PDF form (e.g. a pack filled in a PDF reader), by page index.

    Field names are ``<doc>.<field>``; the page of each comes from its widget.
    Empty values are left out. A PDF without a form, or whose form cannot be
    read, gives ``{}`` (its pages are read by OCR like any scan).
    """
    from ocr.errors import BadInput
    from ocr.load import extract_form_fields

    try:
        values = {k: v for k, v in extract_form_fields(path).items() if v not in ("", "Off")}
    except BadInput:
        return {}
    if not values:
        return {}
    from pypdf import PdfReader

    by_page: dict[int, dict[str, str]] = {}
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        for index, page in enumerate(reader.pages):
            for annot in page.get("/Annots") or []:
                widget = annot.get_object()
                name = _full_field_name(widget)
                if name in values:
                    by_page.setdefault(index, {})[name] = values[name]
    except Exception:  # a broken form is read by OCR instead
        log.debug("form fields of %s not placed on pages", path.name, exc_info=True)
        return {}
    return by_page


def _full_field_name(widget) -> str | None:
    parts = []
    node, depth = widget, 0
    while node is not None and depth < 32:
        if "/T" in node:
            parts.append(str(node["/T"]))
        parent = node.get("/Parent")
        node, depth = (parent.get_object() if parent is not None else None), depth + 1
    return ".".join(reversed(parts)) or None


def _add_form_fields(results: list[PageResult], fields: dict[int, dict[str, str]]) -> None:
    """Put a filled form's own values first on pages whose document is known.

    A typed value is exact, so it replaces what OCR read for the same field.
    """
    for result in results:
        values = fields.get(result.index)
        if not values or result.doc is None:
            continue
        own = []
        for name, value in values.items():
            doc, _, short = name.rpartition(".")
            if doc and doc != result.doc:
                continue
            own.append(Finding("field", short, value, 1.0, note="acroform"))
        names = {f.name for f in own}
        result.findings = own + [f for f in result.findings
                                 if not (f.kind == "field" and f.name in names)]


def _tasks(ws: Workspace, pending: list[_PendingFile]) -> Iterator[tuple[int, PageTask]]:
    pages_dir = ws.dir("pages")
    for number, item in enumerate(pending):
        sha = item.report.sha256
        for index in range(item.report.pages):
            yield number, PageTask(sha256=sha, index=index, source=str(item.stored_path),
                                   image_path=str(pages_dir / sha[:2] / f"{sha}_{index:04d}.jpg"),
                                   dpi=ws.settings.dpi)


def _run_pages(ws: Workspace, pending: list[_PendingFile], layouts: dict[str, str], *,
               jobs: int | None, progress: Callable[[int], None] | None
               ) -> Iterator[tuple[_PendingFile, list[PageResult]]]:
    """Yield each file with its page results, in order, as soon as all its pages are back.

    At most ``2 * jobs`` pages are in flight, so memory follows the number of
    workers, not the size of the batch.
    """
    jobs = jobs or default_jobs()
    remaining = {i: p.report.pages for i, p in enumerate(pending)}

    def collect(number: int, result: PageResult):
        if result.error_code in ("disk_full", "workspace_not_writable"):
            raise WorkspaceError(t("ingest.workspace_write", detail=result.error),
                                 path=str(ws.root), code=result.error_code)
        item = pending[number]
        item.results[result.index] = result
        remaining[number] -= 1
        if progress:
            progress(1)
        if remaining[number] == 0:
            return item, [item.results[i] for i in range(item.report.pages)]
        return None

    for number, item in enumerate(pending):  # a file with no page at all
        if item.report.pages == 0:
            yield item, []
    if jobs == 1:
        init_worker(layouts)
        try:
            for number, task in _tasks(ws, pending):
                done = collect(number, process_page(task))
                if done:
                    yield done
        finally:
            close_documents()
        return
    window: deque[tuple[int, Future]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=init_worker,
                             initargs=(layouts,)) as pool:
        for number, task in _tasks(ws, pending):
            window.append((number, pool.submit(process_page, task)))
            while len(window) >= 2 * jobs:
                n, future = window.popleft()
                done = collect(n, future.result())
                if done:
                    yield done
        while window:
            n, future = window.popleft()
            done = collect(n, future.result())
            if done:
                yield done


def _record_file_error(ws: Workspace, path: Path, sha: str, entry: FileReport) -> None:
    conn = ws.conn
    with db.write_transaction(conn):
        conn.execute(
            "INSERT INTO files(sha256, original_name, stored_path, status, error, error_code, "
            "created_at) VALUES (?, ?, '', 'error', ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET "
            "status='error', error=excluded.error, error_code=excluded.error_code",
            (sha, path.name, entry.error, entry.error_code, db.now()))
        db.audit(conn, "ingest_error", sha256=sha, code=entry.error_code)


def _store_file(ws: Workspace, item: _PendingFile, results: list[PageResult],
                layouts: dict[str, str]) -> None:
    conn = ws.conn
    sha = item.report.sha256
    geometries: dict[str, DocumentGeometry] = {}

    def geometry(layout_id: str) -> DocumentGeometry | None:
        if layout_id not in geometries and layout_id in layouts:
            geometries[layout_id] = DocumentGeometry.from_json(layouts[layout_id])
        return geometries.get(layout_id)

    ctx = workspace_context(conn, ws.settings.workspace_id)
    with db.write_transaction(conn):
        conn.execute("DELETE FROM pages WHERE sha256 = ?", (sha,))
        placements = attribute_file(results, ctx)
        for result, place in zip(results, placements, strict=True):
            _insert_page(ws, result, place, geometry)
        from formgen.ingest.claims import resolve_provisional_applicants

        resolve_provisional_applicants(conn)
        counts = conn.execute(
            "SELECT count(*) AS pages, "
            "sum(review IS NULL AND doc != 'blank') AS attributed, "
            "sum(review IS NOT NULL) AS review, "
            "sum(review IS NULL AND doc = 'blank') AS blank FROM pages WHERE sha256 = ?",
            (sha,)).fetchone()
        report = item.report
        report.attributed, report.review, report.blank = (counts["attributed"] or 0,
                                                          counts["review"] or 0,
                                                          counts["blank"] or 0)
        if counts["pages"] != report.pages or (
                report.attributed + report.review + report.blank != report.pages):
            raise AccountingError(
                t("ingest.accounting_mismatch", pages=report.pages, stored=counts["pages"],
                  attributed=report.attributed, review=report.review, blank=report.blank),
                path=report.path, code="accounting_mismatch")
        conn.execute("UPDATE files SET status='ingested', ingested_at=? WHERE sha256=?",
                     (db.now(), sha))
        db.audit(conn, "ingest", sha256=sha, pages=report.pages, review=report.review)
    report.status = "ingested"


def _insert_page(ws: Workspace, result: PageResult, place: Placement, geometry) -> None:
    conn = ws.conn
    page_id = result.page_id
    image_rel = None
    image = ws.root / "pages" / result.sha256[:2] / f"{result.sha256}_{result.index:04d}.jpg"
    if image.exists():
        image_rel = str(image.relative_to(ws.root))
    layout = page_id.layout if page_id else None
    if layout is not None and conn.execute("SELECT 1 FROM layouts WHERE id = ?",
                                           (layout,)).fetchone() is None:
        layout = None  # printed elsewhere (another workspace): a layout this one never had
    cur = conn.execute(
        "INSERT INTO pages(sha256, idx, applicant_id, pack_id, doc, page_no, layout_id, qr_text, "
        "rotation, skew, is_color, image_path, review, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (result.sha256, result.index, place.applicant_id, place.pack_id, place.doc,
         page_id.page if page_id else None, layout,
         page_id.encode() if page_id else None, result.rotation, result.skew,
         int(result.is_color), image_rel, place.review, db.now()))
    findings = result.findings
    if place.applicant_id is not None and findings:
        row = conn.execute("SELECT * FROM applicants WHERE id = ?",
                           (place.applicant_id,)).fetchone()
        page_geometry = None
        if page_id is not None:
            doc_geometry = geometry(page_id.layout)
            if doc_geometry and page_id.page <= len(doc_geometry.pages):
                page_geometry = doc_geometry.page(page_id.page)
        findings = compare_with_roster(findings, dict(row) if row else None, page=page_geometry)
    if result.registered is False:
        from ocr.findings import Finding

        findings = [*findings, Finding("page", "registered", False, 0.0,
                                       note="corner marks not found")]
    for f in findings:
        conn.execute(
            "INSERT INTO findings(page_id, kind, name, value, confidence, expected, ok, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (cur.lastrowid, f.kind, f.name, json.dumps(f.value, ensure_ascii=False, default=str),
             f.confidence, json.dumps(f.expected, ensure_ascii=False, default=str)
             if f.expected is not None else None,
             None if f.ok is None else int(bool(f.ok)), f.note))
