"""Record one file's pages in one transaction: placements, findings, and the accounting line.

pages in = attributed + in review + blank, or the transaction is rolled back and the
file stays pending (an AccountingError for that file; the batch goes on).
"""
from __future__ import annotations

import json

from formgen.core import db
from formgen.core.errors import FormgenError
from formgen.core.i18n import t
from formgen.core.workspace import Workspace
from formgen.ingest.admit import PendingFile
from formgen.ingest.attribute import Placement, attribute_file
from formgen.ingest.claims import resolve_provisional_applicants
from formgen.ingest.compare import compare_with_roster
from formgen.ingest.context import workspace_context
from ocr.findings import Finding
from ocr.geometry import DocumentGeometry
from ocr.page import PageResult


class AccountingError(FormgenError):
    """Pages in != attributed + review + blank: something was lost or doubled."""


def store_file(ws: Workspace, item: PendingFile, results: list[PageResult],
               layouts: dict[str, str]) -> None:
    """Attribute and insert the file's pages, check the accounting line, mark it ingested."""
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
            insert_page(ws, result, place, geometry)
        resolve_provisional_applicants(conn)
        _balance(conn, item)
        conn.execute("UPDATE files SET status='ingested', ingested_at=? WHERE sha256=?",
                     (db.now(), sha))
        db.audit(conn, "ingest", sha256=sha, pages=item.report.pages, review=item.report.review)
    item.report.status = "ingested"


def _balance(conn, item: PendingFile) -> None:
    """Fill the file's accounting line from what was stored; raise when it does not add up."""
    counts = conn.execute(
        "SELECT count(*) AS pages, "
        "sum(review IS NULL AND doc != 'blank') AS attributed, "
        "sum(review IS NOT NULL) AS review, "
        "sum(review IS NULL AND doc = 'blank') AS blank FROM pages WHERE sha256 = ?",
        (item.report.sha256,)).fetchone()
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


def insert_page(ws: Workspace, result: PageResult, place: Placement, geometry) -> None:
    """One page row and its findings (compared with the roster once the applicant is known)."""
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
