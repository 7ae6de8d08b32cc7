"""formgen ingest, pages and review."""
from __future__ import annotations

from pathlib import Path

import click

from formgen.checks.evidence import FOREIGN
from formgen.checks.judge import review_reason
from formgen.cli._common import (
    AppContext,
    argument,
    command,
    emit_json,
    error_line,
    group,
    handle_errors,
    json_option,
    lang_option,
    option,
    pass_app,
    warning_line,
)
from formgen.core.errors import ExitCode, MissingFileError, UsageError
from formgen.core.i18n import doc_label, t
from formgen.core.progress import progress
from formgen.domain.doctypes import DOC_TYPES
from formgen.ingest.queries import list_pages
from formgen.ingest.review import (
    REVIEW_REASONS,
    assign_page,
    decide_finding,
    identify_applicant,
    reject_page,
    reject_pages,
    review_queue,
    set_page_type,
    waiting_identification,
    waiting_pages,
)
from formgen.ingest.run import ingest_paths
from formgen.roster.store import require_applicant


@command("ingest", help="help.ingest")
@argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="BERKAS")
@option("--jobs", "-j", type=click.IntRange(1, 64), default=None, help="help.option.jobs")
@json_option
@pass_app
def ingest_command(app: AppContext, paths: tuple[Path, ...], jobs: int | None,
                   as_json: bool) -> None:
    """Take in scanned files and folders: archive, read, attribute, account."""
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:  # nothing is read: a wrong name on the command line is a usage error
        raise MissingFileError(t("ingest.error.not_found_paths", paths=", ".join(missing)),
                               code="not_found")
    ws = app.workspace()
    with progress(t("ingest.progress"), enabled=not as_json) as bar:
        report = ingest_paths(ws, list(paths), jobs=jobs, progress=bar.advance,
                              on_total=bar.set_total)
    foreign: dict[str, int] = {}  # file -> pages printed by another workspace
    for entry in report.files:
        if entry.status == "error":
            error_line(f"{entry.path}: {entry.error}", entry.error_code)
        elif entry.repaired:
            error_line(t("ingest.file_repaired", path=entry.path, pages=entry.pages))
        if entry.page_errors:
            codes = sorted({e["code"] for e in entry.page_errors})
            error_line(t("ingest.page_errors", path=entry.path, count=len(entry.page_errors),
                         pages=", ".join(str(e["index"] + 1) for e in entry.page_errors[:10])),
                       ",".join(codes))
        if entry.status == "ingested" and entry.review:
            foreign[entry.path] = len(waiting_pages(ws.conn, sha256=entry.sha256,
                                                    reason=FOREIGN))
        if foreign.get(entry.path):
            warning_line(t("ingest.foreign_pages", path=entry.path, count=foreign[entry.path],
                           name=Path(entry.path).name))
    empty = [str(p) for p in paths if p.is_dir() and not any(
        Path(f.path).is_relative_to(p) for f in report.files)]
    for folder in empty:
        error_line(t("ingest.empty_folder", path=folder), "no_scans")
    if as_json:
        body = report.as_json()
        for item in body["files"]:
            item["foreign_pages"] = foreign.get(item["path"], 0)
        emit_json({**body, "empty_folders": empty})
        error_line(t("ingest.summary", **report.totals))  # stdout holds only the JSON
    else:
        for entry in report.files:
            if entry.status == "ingested":
                click.echo(t("ingest.file_accounting", path=entry.path, pages=entry.pages,
                             attributed=entry.attributed, review=entry.review, blank=entry.blank,
                             status=t("ingest.status.ingested")))
            elif entry.status != "error":
                click.echo(t("ingest.file_line", path=entry.path, pages=entry.pages,
                             status=t(f"ingest.status.{entry.status}")))
        click.echo(t("ingest.summary", **report.totals))
    if report.has_errors or empty:
        raise SystemExit(int(ExitCode.input_rejected))


@command("pages", help="help.pages")
@option("--applicant", "applicant_ref", metavar="ID_ATAU_NIK", help="help.pages.applicant")
@option("--review", "review_only", is_flag=True, help="help.pages.review")
@json_option
@pass_app
def pages_command(app: AppContext, applicant_ref: str | None, review_only: bool,
                  as_json: bool) -> None:
    """List the pages taken in and where each went."""
    ws = app.workspace()
    applicant_id = require_applicant(ws.conn, applicant_ref)["id"] if applicant_ref else None
    pages = list_pages(ws.conn, applicant_id=applicant_id, review_only=review_only)
    if as_json:
        emit_json({"pages": pages})
        return
    for p in pages:
        where = (f"A{p['applicant']}" if p["applicant"] is not None
                 else review_reason(p["review"]))
        click.echo(f"{p['id']:>6}  {p['file'][:32]:<32} #{p['index']:<4} "
                   f"{doc_label(p['doc']):<26} {where}")


@group("review", invoke_without_command=True, help="help.review")
@lang_option
@json_option
@pass_app
@click.pass_context
@handle_errors
def review_group(ctx: click.Context, app: AppContext, as_json: bool) -> None:
    """The review queue (without a subcommand), with thumbnails under review/."""
    if ctx.invoked_subcommand is not None:
        return
    ws = app.workspace()
    pages = review_queue(ws)
    provisional = waiting_identification(ws)
    if as_json:
        emit_json({"pages": pages, "provisional": provisional})
        return
    if not pages and not provisional:
        click.echo(t("review.empty"))
        return
    if pages:
        click.echo(t("review.header", count=len(pages), folder=ws.root / "review"))
        for p in pages:
            click.echo(f"{p['id']:>6}  {review_reason(p['review'])} — {doc_label(p['doc'])} "
                       f"({t('review.page_of_file', file=p['file'], page=p['index'] + 1)})  "
                       f"{p.get('thumbnail') or ''}".rstrip())
        click.echo(t("review.hint"))
    if provisional:
        click.echo(t("review.provisional_header", count=len(provisional)))
        for entry in provisional:
            click.echo("  " + t("review.provisional_line", applicant=entry["applicant"],
                                packs=", ".join(entry["packs"]), pages=entry["pages"]))


@command("assign", help="help.review_assign")
@argument("page_id", type=int, metavar="HALAMAN")
@argument("applicant_ref", metavar="ID_ATAU_NIK")
@pass_app
def review_assign(app: AppContext, page_id: int, applicant_ref: str) -> None:
    """Give a page to an applicant."""
    ws = app.workspace()
    assign_page(ws, page_id, require_applicant(ws.conn, applicant_ref)["id"])
    click.echo(t("review.done"))


@command("type", help="help.review_type")
@argument("page_id", type=int, metavar="HALAMAN")
@argument("doc", type=click.Choice(DOC_TYPES), metavar="JENIS")
@pass_app
def review_type(app: AppContext, page_id: int, doc: str) -> None:
    """Change the document type of a page."""
    set_page_type(app.workspace(), page_id, doc)
    click.echo(t("review.done"))


@command("reject", help="help.review_reject")
@argument("page_id", type=int, required=False, metavar="HALAMAN")
@option("--file", "file", metavar="BERKAS", help="help.review_reject.file")
@option("--reason", type=click.Choice(REVIEW_REASONS), metavar="ALASAN",
        help="help.review_reject.reason")
@pass_app
def review_reject(app: AppContext, page_id: int | None, file: str | None,
                  reason: str | None) -> None:
    """Reject one page, or every waiting page of a file and/or a reason."""
    if (page_id is None) == (file is None and reason is None):
        raise UsageError(t("review.reject_target"), code="no_target")
    if page_id is not None:
        reject_page(app.workspace(), page_id)
        click.echo(t("review.done"))
        return
    rejected = reject_pages(app.workspace(), file=file, reason=reason)
    click.echo(t("review.rejected_many", count=len(rejected)))


ACCEPT, REJECT = ("terima", "accept"), ("tolak", "reject")  # either language's word


@command("finding", help="help.review_finding")
@argument("finding_id", type=int, metavar="TEMUAN")
@argument("decision", type=click.Choice([*ACCEPT, *REJECT], case_sensitive=False),
          metavar="KEPUTUSAN")
@pass_app
def review_finding(app: AppContext, finding_id: int, decision: str) -> None:
    """Accept or overrule a reader's finding."""
    decide_finding(app.workspace(), finding_id, decision.lower() in ACCEPT)
    click.echo(t("review.done"))


@command("identify", help="help.review_identify")
@argument("applicant_ref", metavar="ID_ATAU_NIK")
@option("--nik", required=True, help="help.review_identify.nik")
@option("--nama", metavar="NAMA", help="help.review_identify.nama")
@pass_app
def review_identify(app: AppContext, applicant_ref: str, nik: str, nama: str | None) -> None:
    """Enter the NIK of a provisional applicant from a blank pack."""
    ws = app.workspace()
    identify_applicant(ws, require_applicant(ws.conn, applicant_ref)["id"], nik, nama=nama)
    click.echo(t("review.done"))


for _sub in (review_assign, review_type, review_reject, review_finding, review_identify):
    review_group.add_command(_sub)

COMMANDS = [ingest_command, pages_command, review_group]
