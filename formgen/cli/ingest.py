"""formgen ingest, pages and review."""
from __future__ import annotations

from pathlib import Path

import click

from formgen.cli._common import (
    AppContext,
    command,
    emit_json,
    error_line,
    handle_errors,
    json_option,
    lang_option,
    pass_app,
)
from formgen.core.errors import ExitCode
from formgen.core.i18n import t
from formgen.core.progress import progress
from formgen.domain.doctypes import DOC_TYPES
from formgen.ingest.queries import list_pages
from formgen.ingest.review import (
    assign_page,
    decide_finding,
    identify_applicant,
    reject_page,
    review_queue,
    set_page_type,
    waiting_identification,
)
from formgen.ingest.run import ingest_paths
from formgen.roster.store import require_applicant


@command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Jumlah proses paralel (bawaan: semua inti CPU).")
@json_option
@pass_app
def ingest_command(app: AppContext, paths: tuple[Path, ...], jobs: int | None,
                   as_json: bool) -> None:
    """Masukkan hasil pindaian (PDF, TIFF, JPEG, PNG atau folder)."""
    ws = app.workspace()
    with progress(t("ingest.progress"), enabled=not as_json) as bar:
        report = ingest_paths(ws, list(paths), jobs=jobs, progress=bar.advance,
                              on_total=bar.set_total)
    for entry in report.files:
        if entry.status == "error":
            error_line(f"{entry.path}: {entry.error} [{entry.error_code}]")
        elif entry.repaired:
            error_line(t("ingest.file_repaired", path=entry.path, pages=entry.pages))
        if entry.page_errors:
            codes = sorted({e["code"] for e in entry.page_errors})
            error_line(t("ingest.page_errors", path=entry.path, count=len(entry.page_errors),
                         pages=", ".join(str(e["index"] + 1) for e in entry.page_errors[:10]))
                       + f" [{','.join(codes)}]")
    if as_json:
        emit_json(report.as_json())
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
    if report.has_errors:
        raise SystemExit(int(ExitCode.input_rejected))


@command("pages")
@click.option("--applicant", "applicant_ref", help="ID atau NIK pemohon.")
@click.option("--review", "review_only", is_flag=True, help="Hanya yang perlu diperiksa.")
@json_option
@pass_app
def pages_command(app: AppContext, applicant_ref: str | None, review_only: bool,
                  as_json: bool) -> None:
    """Daftar halaman yang sudah dimasukkan dan ke mana perginya."""
    ws = app.workspace()
    applicant_id = require_applicant(ws.conn, applicant_ref)["id"] if applicant_ref else None
    pages = list_pages(ws.conn, applicant_id=applicant_id, review_only=review_only)
    if as_json:
        emit_json({"pages": pages})
        return
    for p in pages:
        where = (f"A{p['applicant']}" if p["applicant"] is not None
                 else t(f"review.reason.{p['review']}", fallback=p["review"] or "-"))
        click.echo(f"{p['id']:>6}  {p['file'][:32]:<32} #{p['index']:<4} {p['doc'] or '-':<22}"
                   f" {where}")


@click.group("review", invoke_without_command=True)
@lang_option
@json_option
@pass_app
@click.pass_context
@handle_errors
def review_group(ctx: click.Context, app: AppContext, as_json: bool) -> None:
    """Halaman yang perlu diperiksa petugas, dan keputusannya.

    Tanpa subperintah: daftar antrean dengan gambar kecil di folder review/.
    """
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
            reason = t(f"review.reason.{p['review']}", fallback=p["review"])
            click.echo(f"{p['id']:>6}  {reason}  [{p['doc']}]  {p['file']} #{p['index']}  "
                       f"{p.get('thumbnail') or ''}")
        click.echo(t("review.hint"))
    if provisional:
        click.echo(t("review.provisional_header", count=len(provisional)))
        for entry in provisional:
            click.echo("  " + t("review.provisional_line", applicant=entry["applicant"],
                                packs=", ".join(entry["packs"]), pages=entry["pages"]))


@command("assign")
@click.argument("page_id", type=int)
@click.argument("applicant_ref")
@pass_app
def review_assign(app: AppContext, page_id: int, applicant_ref: str) -> None:
    """Tetapkan halaman ke pemohon (ID atau NIK)."""
    ws = app.workspace()
    assign_page(ws, page_id, require_applicant(ws.conn, applicant_ref)["id"])
    click.echo(t("review.done"))


@command("type")
@click.argument("page_id", type=int)
@click.argument("doc", type=click.Choice(DOC_TYPES))
@pass_app
def review_type(app: AppContext, page_id: int, doc: str) -> None:
    """Ubah jenis dokumen sebuah halaman."""
    set_page_type(app.workspace(), page_id, doc)
    click.echo(t("review.done"))


@command("reject")
@click.argument("page_id", type=int)
@pass_app
def review_reject(app: AppContext, page_id: int) -> None:
    """Tolak halaman (tidak dipakai untuk pemohon mana pun)."""
    reject_page(app.workspace(), page_id)
    click.echo(t("review.done"))


@command("finding")
@click.argument("finding_id", type=int)
@click.argument("decision", type=click.Choice(["accept", "reject"]))
@pass_app
def review_finding(app: AppContext, finding_id: int, decision: str) -> None:
    """Terima atau tolak temuan pembaca (mis. tanda tangan yang tidak terdeteksi)."""
    decide_finding(app.workspace(), finding_id, decision == "accept")
    click.echo(t("review.done"))


@command("identify")
@click.argument("applicant_ref")
@click.option("--nik", required=True, help="NIK 16 digit dari KTP.")
@click.option("--nama", help="Nama lengkap.")
@pass_app
def review_identify(app: AppContext, applicant_ref: str, nik: str, nama: str | None) -> None:
    """Isi NIK pemohon sementara (paket kosong bernomor)."""
    ws = app.workspace()
    identify_applicant(ws, require_applicant(ws.conn, applicant_ref)["id"], nik, nama=nama)
    click.echo(t("review.done"))


for _sub in (review_assign, review_type, review_reject, review_finding, review_identify):
    review_group.add_command(_sub)

COMMANDS = [ingest_command, pages_command, review_group]
