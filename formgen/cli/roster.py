"""formgen roster import / list."""
from __future__ import annotations

from pathlib import Path

import click

from formgen.cli._common import (
    AppContext,
    argument,
    command,
    emit_json,
    error_line,
    group,
    json_option,
    option,
    pass_app,
    warning_line,
)
from formgen.core.errors import ExitCode
from formgen.core.i18n import t
from formgen.roster import import_roster, list_applicants

_LIST_KEYS = ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat",
              "kelurahan", "kecamatan", "no_hp", "email", "pendidikan", "jabatan_kerja",
              "jenjang", "provisional", "experience_rows", "retention_until")
_NAME_WIDTH = 32
_JOB_WIDTH = 28


@group("roster", help="help.roster")
def roster_group() -> None:
    """The roster: import and list."""


@command("import", help="help.roster_import")
@argument("file", type=click.Path(path_type=Path, dir_okay=False), metavar="BERKAS")
@option("--pengalaman", type=click.Path(path_type=Path, dir_okay=False), default=None,
        metavar="BERKAS", help="help.roster_import.pengalaman")
@json_option
@pass_app
def import_command(app: AppContext, file: Path, pengalaman: Path | None, as_json: bool) -> None:
    """Import a roster file; every bad row named on stderr."""
    result = import_roster(app.workspace(), file, pengalaman=pengalaman)
    for item in result.ignored:
        warning_line(t("roster.import.ignored_columns", file=item["file"],
                       columns=", ".join(f"'{c}'" for c in item["columns"]),
                       known=", ".join(item["known"])))
    for rejection in result.rejected:
        error_line(rejection.one_line(), ",".join(rejection.codes))
    if as_json:
        emit_json(result.to_json())
    else:
        click.echo(t("roster.import.summary", imported=result.imported, updated=result.updated,
                     experience=result.experience, rejected=len(result.rejected)))
    if result.rejected:
        click.get_current_context().exit(int(ExitCode.input_rejected))


@command("list", help="help.roster_list")
@json_option
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    """Show the applicants."""
    applicants = list_applicants(app.workspace())
    if as_json:
        emit_json({"applicants": [{"applicant": a["id"], **{k: a.get(k) for k in _LIST_KEYS}}
                                  for a in applicants]})
        return
    if not applicants:
        click.echo(t("roster.list.empty"))
        return
    header = t("roster.list.header").split("|")
    rows = [[str(a["id"]), a["nik"] or "-", _fit(a["nama"], _NAME_WIDTH),
             _fit(a["jabatan_kerja"], _JOB_WIDTH), str(a["jenjang"] or "-")]
            for a in applicants]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _fit(text: str | None, width: int) -> str:
    text = text or "-"
    return text if len(text) <= width else text[: width - 1] + "…"


roster_group.add_command(import_command)
roster_group.add_command(list_command)
COMMANDS = [roster_group]
