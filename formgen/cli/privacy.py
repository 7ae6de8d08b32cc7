"""formgen export and purge: an applicant's data handed over, or erased."""
from __future__ import annotations

import click

from formgen.cli._common import (
    AppContext,
    ask_yes_no,
    command,
    emit_json,
    json_option,
    option,
    pass_app,
)
from formgen.core.errors import UsageError
from formgen.core.i18n import t
from formgen.privacy import expired_applicants, export_applicant, purge_applicant
from formgen.roster.store import require_applicant


@command("export", help="help.export")
@option("--applicant", "applicant_ref", required=True, metavar="ID_ATAU_NIK",
        help="help.export.applicant")
@json_option
@pass_app
def export_command(app: AppContext, applicant_ref: str, as_json: bool) -> None:
    """Hand an applicant their data and its processing history."""
    ws = app.workspace()
    path = export_applicant(ws, require_applicant(ws.conn, applicant_ref)["id"])
    if as_json:
        emit_json({"export": str(path)})
    else:
        click.echo(t("privacy.exported", path=path))


@command("purge", help="help.purge")
@option("--applicant", "applicant_ref", metavar="ID_ATAU_NIK", help="help.purge.applicant")
@option("--expired", is_flag=True, help="help.purge.expired")
@option("--yes", is_flag=True, help="help.purge.yes")
@json_option
@pass_app
def purge_command(app: AppContext, applicant_ref: str | None, expired: bool, yes: bool,
                  as_json: bool) -> None:
    """Erase one applicant, or every expired one, everywhere."""
    if bool(applicant_ref) == expired:
        raise UsageError(t("privacy.purge_usage"), code="usage")
    ws = app.workspace()
    ids = ([require_applicant(ws.conn, applicant_ref)["id"]] if applicant_ref
           else expired_applicants(ws))
    if ids and not yes and not as_json:
        if not ask_yes_no(t("privacy.confirm", count=len(ids))):
            click.echo(t("privacy.cancelled"))
            return
    reports = [purge_applicant(ws, applicant_id) for applicant_id in ids]
    if as_json:
        emit_json({"purged": reports})
        return
    for report in reports:
        click.echo(t("privacy.purged", applicant=report["applicant"],
                     pages=report["rows"].get("pages", 0), files=len(report["files_removed"]),
                     kept=len(report["originals_kept"])))
    if not reports:
        click.echo(t("privacy.nothing"))


COMMANDS = [export_command, purge_command]
