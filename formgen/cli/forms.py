"""formgen template list|check|preview and formgen pack: the form commands."""
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
from formgen.core.config import PAPER_SIZES_MM, Settings
from formgen.core.errors import ExitCode, FormgenError, UsageError
from formgen.core.i18n import t
from formgen.core.resources import export_templates
from formgen.core.workspace import is_workspace, open_workspace
from formgen.forms import (
    check_template,
    generate_packs,
    layout_document,
    render_preview,
    template_names,
)

_paper = option("--paper", type=click.Choice(sorted(PAPER_SIZES_MM), case_sensitive=False),
                default=None, help="help.option.paper")


@group("template", help="help.template")
def template_group() -> None:
    """Form templates: list, check, preview, export."""


@command("list", help="help.template_list")
@json_option
def template_list(as_json: bool) -> None:
    """List the form templates."""
    names = template_names()
    if as_json:
        emit_json({"templates": names})
    else:
        for name in names:
            click.echo(name)


@command("check", help="help.template_check")
@argument("name", metavar="NAMA")
@json_option
def template_check(name: str, as_json: bool) -> None:
    """Check one template's layouts and boxes."""
    problems = check_template(name)
    if as_json:
        emit_json({"template": name, "ok": not problems,
                   "problems": [{"path": p.path, "line": p.line, "code": p.code,
                                 "message": p.message} for p in problems]})
    else:
        for problem in problems:
            error_line(problem.one_line(), problem.code)
        if not problems:
            click.echo(t("forms.template_ok", name=name,
                         a4=len(layout_document(name, "A4").pages),
                         f4=len(layout_document(name, "F4").pages)))
    if problems:
        click.get_current_context().exit(int(ExitCode.input_rejected))


@command("preview", help="help.template_preview")
@argument("name", metavar="NAMA")
@_paper
@option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
        metavar="BERKAS", help="help.template_preview.output")
@option("--blank", is_flag=True, help="help.template_preview.blank")
@pass_app
def template_preview(app: AppContext, name: str, paper: str | None, output: Path | None,
                     blank: bool) -> None:
    """Print a sample of a template, into the workspace when there is one."""
    settings = _settings_if_any(app)
    paper = (paper or (settings.paper if settings else "A4")).upper()
    folder = app.workspace().dir("preview") if settings else Path()
    out = output or folder / f"contoh_{name}.pdf"
    pages = render_preview(name, out, paper=paper, settings=settings, blank=blank)
    click.echo(t("forms.preview_written", path=str(out), pages=pages))


def _settings_if_any(app: AppContext) -> Settings | None:
    """The workspace's settings when there is a workspace (preview works without one)."""
    if not is_workspace(app.workspace_path):
        return None
    try:
        return open_workspace(app.workspace_path).settings
    except FormgenError:
        return None


@command("export", help="help.template_export")
@argument("folder", type=click.Path(path_type=Path), metavar="FOLDER")
def template_export(folder: Path) -> None:
    """Copy the shipped templates for the office to change."""
    if folder.exists() and any(folder.iterdir()):
        raise UsageError(t("forms.export_not_empty", path=str(folder)), code="folder_not_empty")
    written = export_templates(folder)
    click.echo(t("forms.exported", path=str(folder), files=len(written)))


template_group.add_command(template_list)
template_group.add_command(template_export)
template_group.add_command(template_check)
template_group.add_command(template_preview)


@command("pack", help="help.pack")
@option("--all", "all_applicants", is_flag=True, help="help.pack.all")
@option("--applicant", "applicants", multiple=True, metavar="ID_ATAU_NIK",
        help="help.pack.applicant")
@option("--blank", type=int, default=0, metavar="N", help="help.pack.blank")
@_paper
@json_option
@pass_app
def pack_command(app: AppContext, all_applicants: bool, applicants: tuple[str, ...], blank: int,
                 paper: str | None, as_json: bool) -> None:
    """Print form packs for applicants, or numbered blank ones."""
    if not (all_applicants or applicants or blank):
        raise UsageError(t("forms.pack_nothing"), code="no_selection")
    if all_applicants and applicants:
        raise UsageError(t("forms.pack_conflict"), code="conflicting_selection")
    ws = app.workspace()
    result = generate_packs(ws, applicant_ids=list(applicants) or None,
                            all_applicants=all_applicants, blank=blank, paper=paper)
    for item in result["rejected"]:
        error_line(f"{item['applicant']}: {item['reason']}", item["code"])
    for pack in result["packs"]:
        if pack["replaces"]:
            warning_line(t("forms.pack_reissued", applicant=pack["applicant"],
                           number=pack["number"], old=", ".join(pack["replaces"])))
    if as_json:
        emit_json(result)
    else:
        for pack in result["packs"]:
            click.echo(pack["path"])
        click.echo(t("forms.pack_written", count=len(result["packs"]),
                     pages=sum(p["pages"] for p in result["packs"]),
                     print_file=result["print_file"]))
    if result["rejected"]:
        click.get_current_context().exit(int(ExitCode.input_rejected))


COMMANDS = [template_group, pack_command]
