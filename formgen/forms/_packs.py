"""Printing form packs: one PDF per applicant (or blank, numbered) and one print file per run."""
from __future__ import annotations

import io
import logging
from pathlib import Path

from formgen.core import db
from formgen.core.atomic import write_bytes
from formgen.core.config import PAPER_SIZES_MM, Settings
from formgen.core.errors import InputError, UsageError, WorkspaceError
from formgen.core.i18n import t
from formgen.core.safenames import applicant_filename
from formgen.core.workspace import Workspace
from formgen.domain.doctypes import FORMS, OPTIONAL_FORMS
from formgen.forms._layout import layout_document
from formgen.forms._pdfwriter import PdfWriter
from formgen.forms._render import PageDrawer
from formgen.forms._values import load_applicants
from formgen.ingest.context import PACK_VOIDED, voided_packs
from formgen.roster.store import require_applicant
from ocr.pageid import PageId

log = logging.getLogger(__name__)
MAX_BLANK = 10_000
def _void_earlier_packs(conn, applicant_id: int, new_pack: int, voided: set[int]) -> list[str]:
    """Void the applicant's earlier printed packs; their numbers, for the announcement."""
    old = [r["id"] for r in conn.execute(
        "SELECT id FROM packs WHERE applicant_id = ? AND id < ? AND path IS NOT NULL "
        "ORDER BY id", (applicant_id, new_pack)) if r["id"] not in voided]
    for pack_id in old:
        db.audit(conn, PACK_VOIDED, applicant_id=applicant_id, pack=pack_id,
                 replaced_by=new_pack)
        voided.add(pack_id)
    return [f"P{pack_id:06d}" for pack_id in old]


def pack_docs(settings: Settings | None = None) -> list[str]:
    """The documents of a pack, in print order; an optional one only when the workspace asks
    for it in formgen.toml (``[pack] asesmen_mandiri = true``)."""
    wanted = set(settings.pack_extras) if settings else set()
    return [d for d in FORMS if d not in OPTIONAL_FORMS or d in wanted]


class PackPrinter:
    """Draws packs into their own PDFs and, at the same time, into the run's print file."""

    def __init__(self, settings: Settings, paper: str, docs: list[str] | None = None):
        self.settings = settings
        self.layouts = [layout_document(doc, paper) for doc in (docs or pack_docs(settings))]
        self.drawer = PageDrawer(settings)

    def draw(self, out: PdfWriter, *, pack: int, applicant_id: int | None,
             values: dict) -> int:
        """Draw one pack into ``out``; each document's fields go under a field named after it."""
        number = f"P{pack:06d}"
        ctx = {"pack_number": number, "values": values, "office": self.settings.office,
               "lsp": {"nama": self.settings.lsp_nama}}
        pages = 0
        for layout in self.layouts:
            total = len(layout.pages)
            for page in layout.pages:
                page_id = PageId(workspace=self.settings.workspace_id, pack=pack,
                                 applicant=applicant_id, doc=layout.doc, page=page.number,
                                 total=total, layout=layout.geometry.id).encode()
                self.drawer.draw_page(out, layout, page, page_id=page_id, values=values,
                                      prefix=(layout.doc,), pack_ctx=ctx)
                pages += 1
        return pages

    def new_pdf(self, target, title: str, *, flatten: bool = False) -> PdfWriter:
        return PdfWriter(target, size_mm=self.layouts[0].size_mm, settings=self.settings,
                         title=title, flatten=flatten)


def generate_packs(ws: Workspace, *, applicant_ids: list[int | str] | None = None,
                   all_applicants: bool = False, blank: int = 0,
                   paper: str | None = None) -> dict:
    """Print packs; returns ``{"packs": [{applicant, nik, path, pages, number, replaces}],
    "print_file": path, "rejected": [{applicant, reason, code}]}``.

    A new pack for an applicant voids their earlier ones (``replaces`` names them): pages
    that come back with a void number wait for a person.

    ``applicant_ids`` are ids or NIKs; unknown ones are rejected and the rest
    are printed (InputError when nothing is left to print).
    """
    paper = (paper or ws.settings.paper).upper()
    if paper not in PAPER_SIZES_MM:
        raise UsageError(t("forms.paper_unknown", paper=paper), code="bad_paper")
    if not (applicant_ids or all_applicants or blank):
        raise UsageError(t("forms.pack_nothing"), code="no_selection")
    if blank < 0 or blank > MAX_BLANK:
        raise UsageError(t("forms.blank_range", max=MAX_BLANK), code="bad_blank")
    conn = ws.conn
    rejected: list[dict] = []
    if all_applicants:
        ids = [r["id"] for r in conn.execute("SELECT id FROM applicants ORDER BY id")]
    else:
        ids = []
        for token in applicant_ids or []:
            try:
                applicant_id = int(require_applicant(conn, token)["id"])
            except InputError as exc:
                rejected.append({"applicant": str(token), "reason": exc.message,
                                 "code": exc.code})
                continue
            if applicant_id not in ids:
                ids.append(applicant_id)
    people = load_applicants(conn, ids)
    if not people and not blank:
        if len(rejected) == 1:
            raise InputError(rejected[0]["reason"], code=rejected[0]["code"])
        raise InputError(t("forms.no_applicants"), code="no_applicants")

    printer = PackPrinter(ws.settings, paper)
    folder = ws.dir("packs")
    count = len(people) + blank
    with db.write_transaction(conn):
        first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM packs").fetchone()[0]
        stamp = db.now()
        for i in range(count):
            applicant_id = people[i][0]["id"] if i < len(people) else None
            conn.execute("INSERT INTO packs(id, number, applicant_id, paper, created_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         (first + i, f"P{first + i:06d}", applicant_id, paper, stamp))
    try:
        results = _write_packs(printer, folder, people, blank, first)
    except BaseException as exc:
        with db.write_transaction(conn):  # the numbers were never printed: free them
            conn.execute("DELETE FROM packs WHERE id BETWEEN ? AND ? AND path IS NULL",
                         (first, first + count - 1))
        if isinstance(exc, OSError):
            raise WorkspaceError(t("workspace.not_writable", detail=exc.strerror or str(exc)),
                                 path=str(folder), code="not_writable") from exc
        raise
    packs, print_file = results
    voided = voided_packs(conn)
    with db.write_transaction(conn):
        for pack_id, entry in packs:
            entry["number"] = f"P{pack_id:06d}"
            entry["replaces"] = [] if entry["applicant"] is None else _void_earlier_packs(
                conn, entry["applicant"], pack_id, voided)
        for layout in printer.layouts:
            conn.execute("INSERT OR IGNORE INTO layouts(id, doc, paper, geometry, created_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         (layout.geometry.id, layout.doc, paper, layout.geometry.to_json(),
                          db.now()))
        for pack_id, entry in packs:
            conn.execute("UPDATE packs SET path = ?, pages = ? WHERE id = ?",
                         (entry["path"], entry["pages"], pack_id))
            if entry["applicant"] is not None:
                db.audit(conn, "pack.print", applicant_id=entry["applicant"],
                         pack=f"P{pack_id:06d}")
        db.audit(conn, "pack.generate", packs=len(packs), blank=blank, paper=paper,
                 first=f"P{first:06d}", last=f"P{first + count - 1:06d}",
                 print_file=Path(print_file).name)
    log.info("printed %d packs (%s-%s) on %s", len(packs), f"P{first:06d}",
             f"P{first + count - 1:06d}", paper)
    return {"packs": [entry for _, entry in packs], "print_file": print_file,
            "rejected": rejected}


def _write_packs(printer: PackPrinter, folder: Path, people: list, blank: int,
                 first: int) -> tuple[list, str]:
    last = first + len(people) + blank - 1
    print_path = folder / f"cetak_P{first:06d}-P{last:06d}.pdf"
    print_buffer = io.BytesIO()
    print_pdf = printer.new_pdf(print_buffer, t("forms.print_title"), flatten=True)
    packs = []
    jobs = [(row["id"], row["nik"], row["nama"], values) for row, values in people]
    jobs += [(None, None, None, {}) for _ in range(blank)]
    for offset, (applicant_id, nik, nama, values) in enumerate(jobs):
        pack = first + offset
        number = f"P{pack:06d}"
        if applicant_id is None:
            name = f"{number}.pdf"
        else:
            name = applicant_filename(nik, nama, applicant_id=applicant_id,
                                      suffix=f"_{number}.pdf")
        buffer = io.BytesIO()
        pdf = printer.new_pdf(buffer, number)
        pages = printer.draw(pdf, pack=pack, applicant_id=applicant_id, values=values)
        pdf.save()
        path = write_bytes(folder / name, buffer.getvalue())
        printer.draw(print_pdf, pack=pack, applicant_id=applicant_id, values=values)
        packs.append((pack, {"applicant": applicant_id, "nik": nik, "path": str(path),
                             "pages": pages}))
    print_pdf.save()
    write_bytes(print_path, print_buffer.getvalue())
    return packs, str(print_path)
