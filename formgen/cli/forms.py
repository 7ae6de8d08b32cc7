"""formgen template list|check|preview and formgen pack: the form commands."""
from __future__ import annotations

from pathlib import Path

import click

from formgen.cli._common import AppContext, command, emit_json, error_line, json_option, pass_app
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

_paper = click.option("--paper", type=click.Choice(sorted(PAPER_SIZES_MM), case_sensitive=False),
                      default=None, help="Ukuran kertas (bawaan: dari formgen.toml).")


@click.group("template")
def template_group() -> None:
    """Templat formulir di form_templates/: daftar, periksa, contoh cetak."""


@command("list")
@json_option
def template_list(as_json: bool) -> None:
    """Daftar templat formulir."""
    names = template_names()
    if as_json:
        emit_json({"templates": names})
    else:
        for name in names:
            click.echo(name)


@command("check")
@click.argument("name")
@json_option
def template_check(name: str, as_json: bool) -> None:
    """Periksa templat NAME (tata letak A4 dan F4, kotak tidak bertumpuk, isi kotak bersih)."""
    problems = check_template(name)
    if as_json:
        emit_json({"template": name, "ok": not problems,
                   "problems": [{"path": p.path, "line": p.line, "code": p.code,
                                 "message": p.message} for p in problems]})
    else:
        for problem in problems:
            error_line(problem.one_line())
        if not problems:
            click.echo(t("forms.template_ok", name=name,
                         a4=len(layout_document(name, "A4").pages),
                         f4=len(layout_document(name, "F4").pages)))
    if problems:
        click.get_current_context().exit(int(ExitCode.input_rejected))


@command("preview")
@click.argument("name")
@_paper
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="Berkas PDF keluaran (bawaan: contoh_NAME.pdf).")
@click.option("--blank", is_flag=True, help="Tanpa data contoh (formulir kosong).")
@pass_app
def template_preview(app: AppContext, name: str, paper: str | None, output: Path | None,
                     blank: bool) -> None:
    """Cetak contoh templat NAME dengan data contoh (orang fiktif)."""
    settings = _settings_if_any(app)
    paper = (paper or (settings.paper if settings else "A4")).upper()
    out = output or Path(f"contoh_{name}.pdf")
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


@command("export")
@click.argument("folder", type=click.Path(path_type=Path))
def template_export(folder: Path) -> None:
    """Salin templat bawaan ke FOLDER agar kantor dapat mengubahnya sendiri."""
    if folder.exists() and any(folder.iterdir()):
        raise UsageError(t("forms.export_not_empty", path=str(folder)), code="folder_not_empty")
    written = export_templates(folder)
    click.echo(t("forms.exported", path=str(folder), files=len(written)))


template_group.add_command(template_list)
template_group.add_command(template_export)
template_group.add_command(template_check)
template_group.add_command(template_preview)


@command("pack")
@click.option("--all", "all_applicants", is_flag=True, help="Semua pemohon di daftar.")
@click.option("--applicant", "applicants", multiple=True, metavar="ID_ATAU_NIK",
              help="Pemohon tertentu (boleh diulang).")
@click.option("--blank", type=int, default=0, metavar="N",
              help="N berkas kosong bernomor (untuk pemohon yang belum terdaftar).")
@_paper
@json_option
@pass_app
def pack_command(app: AppContext, all_applicants: bool, applicants: tuple[str, ...], blank: int,
                 paper: str | None, as_json: bool) -> None:
    """Cetak berkas formulir: sampul, permohonan, pengalaman kerja, pernyataan kebenaran data."""
    if not (all_applicants or applicants or blank):
        raise UsageError(t("forms.pack_nothing"), code="no_selection")
    if all_applicants and applicants:
        raise UsageError(t("forms.pack_conflict"), code="conflicting_selection")
    ws = app.workspace()
    result = generate_packs(ws, applicant_ids=list(applicants) or None,
                            all_applicants=all_applicants, blank=blank, paper=paper)
    for item in result["rejected"]:
        error_line(f"{item['applicant']}: {item['reason']} [{item['code']}]")
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
