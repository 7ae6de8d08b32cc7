"""Service-time commands: batches, stages, status, clarification, letters, certificates."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from formgen.cli._common import (
    argument,
    ask_yes_no,
    command,
    emit_json,
    error_line,
    exit_with,
    group,
    json_option,
    option,
    pass_app,
)
from formgen.core.errors import ExitCode, FormgenError
from formgen.core.i18n import field_label, t
from formgen.outputs import letters as letters_lib
from formgen.service import batches as batches_lib
from formgen.service import certificates as certificates_lib
from formgen.service import clarify as clarify_lib
from formgen.service.status import build_status


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return batches_lib.parse_date(value, what=f"--{param.name}")
    except FormgenError as exc:
        raise click.BadParameter(exc.message) from exc


def _date_option(*names: str, **kwargs):
    return option(*names, callback=_date, metavar="TTTT-BB-HH", **kwargs)


def _stage_context(ws):
    return batches_lib.load_stages(), batches_lib.calendar_from_settings(ws.settings.raw)


# -- batch ----------------------------------------------------------------------

@group("batch", help="help.batch")
def batch() -> None:
    """Batches of applicants."""


@command("create", help="help.batch_create")
@argument("name", metavar="NAMA")
@_date_option("--start", required=True, help="help.batch_create.start")
@json_option
@pass_app
def batch_create(app, name: str, start: date, as_json: bool) -> None:
    """Create a batch and show its end date."""
    ws = app.workspace()
    table, calendar = _stage_context(ws)
    batch_id = batches_lib.create_batch(ws.conn, name, start)
    end = batches_lib.schedule(start, table, calendar)[-1].due
    if as_json:
        emit_json({"batch": name.strip(), "id": batch_id, "start": start.isoformat(),
                   "end": end.isoformat()})
    else:
        click.echo(t("service.batch_created", batch=name.strip(), start=start.isoformat(),
                     end=end.isoformat()))


@command("assign", help="help.batch_assign")
@argument("name", metavar="NAMA")
@option("--applicant", "applicants", multiple=True, metavar="ID_ATAU_NIK",
        help="help.batch_assign.applicant")
@option("--all-unassigned", is_flag=True, help="help.batch_assign.all_unassigned")
@json_option
@pass_app
def batch_assign(app, name: str, applicants: tuple[str, ...], all_unassigned: bool,
                 as_json: bool) -> None:
    """Put applicants into a batch."""
    if bool(applicants) == all_unassigned:
        raise click.UsageError(t("service.assign_usage"))
    ws = app.workspace()
    keys = [k for value in applicants for k in value.replace(",", " ").split()]
    assigned, rejected = batches_lib.assign(ws.conn, name, keys,
                                            all_unassigned=all_unassigned)
    for item in rejected:
        error_line(t("roster.unknown_applicant", ref=item["applicant"]))
    if as_json:
        emit_json({"batch": name, "assigned": assigned, "rejected": rejected})
    else:
        click.echo(t("service.assigned", n=len(assigned), batch=name))
    exit_with(ExitCode.input_rejected if rejected else ExitCode.ok)


@command("list", help="help.batch_list")
@json_option
@pass_app
def batch_list(app, as_json: bool) -> None:
    """List the batches."""
    ws = app.workspace()
    table, calendar = _stage_context(ws)
    rows = batches_lib.list_batches(ws.conn, table, calendar)
    if as_json:
        emit_json({"batches": rows})
        return
    if not rows:
        click.echo(t("service.no_batches"))
    for row in rows:
        click.echo(t("service.batch_line", **row))


for _cmd in (batch_create, batch_assign, batch_list):
    batch.add_command(_cmd)


# -- stage ----------------------------------------------------------------------

@group("stage", help="help.stage")
def stage() -> None:
    """The stages of the 30-day service time."""


@command("done", help="help.stage_done")
@argument("stage_code", metavar="TAHAPAN")
@option("--batch", "batch_name", metavar="NAMA", help="help.stage_done.batch")
@_date_option("--date", "done", help="help.stage_done.date")
@pass_app
def stage_done(app, stage_code: str, batch_name: str | None, done: date | None) -> None:
    """Record a stage as done for a batch."""
    ws = app.workspace()
    table, _calendar = _stage_context(ws)
    done = done or date.today()
    row = batches_lib.stage_done(ws.conn, table, stage_code, batch_name, done)
    click.echo(t("service.stage_recorded", stage=table.stage(stage_code).nama,
                 batch=row["name"], date=done.isoformat()))


stage.add_command(stage_done)


# -- status ---------------------------------------------------------------------

@command("status", help="help.status")
@option("--batch", "batch_name", metavar="NAMA", help="help.status.batch")
@_date_option("--today", help="help.status.today")
@option("--chart", type=click.Path(dir_okay=False, path_type=Path), metavar="BERKAS",
        help="help.status.chart")
@json_option
@pass_app
def status(app, batch_name: str | None, today: date | None, chart: Path | None,
           as_json: bool) -> None:
    """Where every batch and applicant stands, and the chart on request."""
    ws = app.workspace()
    report = build_status(ws, batch=batch_name, today=today)
    if chart is not None:
        from formgen.service.chart import draw_timeline
        draw_timeline(report, chart)
    if as_json:
        emit_json({**report, "chart": str(chart) if chart else None})
        return
    _print_status(report)
    if chart is not None:
        click.echo(t("service.chart_written", path=str(chart)))


def _print_status(report: dict) -> None:
    if not report["batches"]:
        click.echo(t("service.no_batches"))
    for b in report["batches"]:
        click.echo(t("service.status_batch", batch=b["batch"], start=b["start"], end=b["end"],
                     today=report["today"]))
        for s in sorted(b["stages"], key=lambda s: -s["late_days"]):
            mark = "!" if s["late_days"] else ("✓" if s["done"] else " ")
            done = s["done"] or "-"
            late = t("service.late_days", n=s["late_days"]) if s["late_days"] else ""
            click.echo(f"  {mark} {s['nama'][:40]:<40} {t('service.due')} {s['due']}  "
                       f"{t('service.done')} {done:<10}  {late}".rstrip())
        click.echo(t("service.applicants_header") if b["applicants"] else
                   "  " + t("service.no_applicants"))
        for a in b["applicants"]:
            late = t("service.late_days", n=a["late_days"]) if a["late_days"] else ""
            if a["certificate"]:
                late = f"{t('service.certificate_no')} {a['certificate']}"
            mark = "!" if a["late_days"] else " "
            click.echo(f"  {mark} {a['applicant']:>5} {a['nik'] or '-':<16} "
                       f"{(a['nama'] or '')[:28]:<28} {a['state_name'] or '-':<26} {late}"
                       .rstrip())
    if report["unassigned"]:
        click.echo(t("service.unassigned", n=report["unassigned"]))


# -- clarify --------------------------------------------------------------------

@group("clarify", help="help.clarify")
def clarify() -> None:
    """Clarification with Disdukcapil."""


@command("import", help="help.clarify_import")
@argument("file", type=click.Path(path_type=Path), metavar="BERKAS")
@option("--yes", is_flag=True, help="help.clarify_import.yes")
@json_option
@pass_app
def clarify_import(app, file: Path, yes: bool, as_json: bool) -> None:
    """Read Disdukcapil's answer sheet and apply its corrections."""
    ws = app.workspace()
    rows = clarify_lib.read_sheet(file)
    plan = clarify_lib.plan_import(ws.conn, rows, source=file.name)
    for p in plan.problems:
        error_line(f"{file}: {p.message}", p.reason)
    corrections = plan.corrections
    if not as_json:
        counts = plan.counts()
        click.echo(t("clarify.summary", **counts))
        for c in corrections:
            click.echo(t("clarify.correction_line", applicant=c["applicant"], nik=c["nik"],
                         field=field_label(c['field']), old=c["old"] or "-",
                         new=c["new"]))
    applied = False
    if plan.answers:
        asked = corrections and not yes
        if not asked or ask_yes_no(t("clarify.confirm", n=len(corrections)), err=True):
            clarify_lib.apply_import(ws.conn, plan)
            applied = True
    if as_json:
        counts = plan.counts()
        emit_json({"file": str(file), "sesuai": counts["sesuai"],
                   "tidak_sesuai": counts["tidak_sesuai"], "applied": applied,
                   "answers": [{"applicant": a.applicant_id, "nik": a.nik, "answer": a.answer,
                                "line": a.line} for a in plan.answers],
                   "corrections": corrections,
                   "unanswered": [{"line": line, "nik": nik} for line, nik in plan.unanswered],
                   "problems": [{"line": p.line, "nik": p.nik, "reason": p.reason,
                                 "message": p.message} for p in plan.problems]})
    elif applied:
        click.echo(t("clarify.applied", n=len(plan.answers)))
    elif plan.answers:
        click.echo(t("clarify.not_applied"))
    exit_with(ExitCode.input_rejected if plan.problems else ExitCode.ok)


clarify.add_command(clarify_import)


# -- letter ---------------------------------------------------------------------

@group("letter", help="help.letter")
def letter() -> None:
    """Letters of the service."""


@command("rekrutmen", help="help.letter_rekrutmen")
@option("--batch", "batch_name", metavar="NAMA", help="help.letter_rekrutmen.batch")
@option("--kelurahan", "kelurahan", multiple=True, metavar="NAMA",
        help="help.letter_rekrutmen.kelurahan")
@option("--nomor", metavar="NOMOR", help="help.letter_rekrutmen.nomor")
@_date_option("--date", "letter_date", help="help.letter_rekrutmen.date")
@json_option
@pass_app
def letter_rekrutmen(app, batch_name: str | None, kelurahan: tuple[str, ...], nomor: str | None,
                     letter_date: date | None, as_json: bool) -> None:
    """Recruitment letters per village and one print file."""
    ws = app.workspace()
    result = letters_lib.write_recruitment_letters(
        ws, batch_name, kelurahan=list(kelurahan) or None, nomor=nomor,
        letter_date=letter_date)
    if as_json:
        emit_json(result)
        return
    for item in result["letters"]:
        click.echo(t("letter.written", kelurahan=item["kelurahan"], path=item["path"]))
    click.echo(t("letter.print_file", path=result["print_file"]))


letter.add_command(letter_rekrutmen)


# -- certificate ----------------------------------------------------------------

@group("certificate", help="help.certificate")
def certificate() -> None:
    """Issued competence certificates."""


@command("record", help="help.certificate_record")
@option("--applicant", required=True, metavar="ID_ATAU_NIK",
        help="help.certificate_record.applicant")
@option("--number", required=True, metavar="NOMOR", help="help.certificate_record.number")
@_date_option("--date", "issued", required=True, help="help.certificate_record.date")
@option("--file", "file", type=click.Path(path_type=Path), metavar="BERKAS",
        help="help.certificate_record.file")
@json_option
@pass_app
def certificate_record(app, applicant: str, number: str, issued: date, file: Path | None,
                       as_json: bool) -> None:
    """Record an issued certificate."""
    ws = app.workspace()
    row = certificates_lib.record_certificate(ws, applicant, number, issued, file)
    if as_json:
        emit_json(row)
    else:
        click.echo(t("certificate.recorded", applicant=row["applicant"], number=row["number"],
                     date=row["date"]))


certificate.add_command(certificate_record)

COMMANDS: list = [batch, stage, status, clarify, letter, certificate]
