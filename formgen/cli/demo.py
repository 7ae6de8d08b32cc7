"""formgen demo: the whole service on synthetic applicants."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from click.core import ParameterSource

from formgen.checks import load_rules
from formgen.cli._common import AppContext, command, emit_json, json_option, option, pass_app
from formgen.core.i18n import t
from formgen.core.progress import Progress
from formgen.demo import run_demo

DEMO_WORKSPACE = Path("output") / "demo"
_STATUS_MARK = {"lengkap": "✔", "belum_lengkap": "✘", "perlu_diperiksa": "?"}


@command("demo", help="help.demo")
@option("--applicants", type=click.IntRange(1, 500), default=12, show_default=True,
        help="help.demo.applicants")
@option("--jobs", "-j", type=click.IntRange(1, 64), default=None, help="help.option.jobs")
@json_option
@pass_app
@click.pass_context
def demo_command(ctx: click.Context, app: AppContext, applicants: int, jobs: int | None,
                 as_json: bool) -> None:
    """The whole service on synthetic applicants, in output/demo or the given workspace."""
    source = ctx.parent.get_parameter_source("workspace_path") if ctx.parent else None
    path = app.workspace_path if source not in (None, ParameterSource.DEFAULT) else DEMO_WORKSPACE
    started = time.monotonic()
    bars: list[Progress] = []

    def step(key: str) -> None:
        for bar in bars:
            bar.close()
        if not as_json:
            click.echo(f"• {t(key)}…", err=True)

    def bar(key: str, total: int):
        progress = Progress(t(key), enabled=not as_json)
        progress.set_total(total)
        bars.append(progress)
        return progress.advance

    result = run_demo(path, applicants=applicants, jobs=jobs, step=step, bar=bar)
    for b in bars:
        b.close()
    if as_json:
        emit_json(result.as_json())
        return
    _print_table(result)
    _print_paths(result)
    click.echo(t("demo.elapsed", seconds=time.monotonic() - started))
    sys.stdout.flush()


def _print_table(result) -> None:
    titles = {r.code: r.label(short=True) for r in load_rules().requirements}
    click.echo()
    click.echo(t("demo.table_header"))
    for row in result.applicants:
        mark = _STATUS_MARK.get(row["status"], "")
        click.echo(f"  {mark} A{row['applicant']:<4} {row['nik'] or '-':<16}  "
                   f"{(row['nama'] or '')[:28]:<28}  "
                   f"{t('check.applicant_status.' + row['status'])}")
        for code, req in row["requirements"].items():
            if req["status"] != "ok":
                status = t(f"check.status.{req['status']}")
                reasons = "; ".join(req["reasons"])
                click.echo(f"        - {titles[code]}: {status}"
                           + (f" — {reasons}" if reasons else ""))


def _print_paths(result) -> None:
    paths = result.paths
    click.echo()
    click.echo(t("demo.written"))
    click.echo(f"  {t('demo.path.print_file')}: {paths.get('print_file')}")
    click.echo(f"  {t('demo.path.scans')}: {paths.get('scans')}")
    click.echo(f"  {t('demo.path.dossiers')}: {result.workspace / 'dossiers'} "
               f"({len(paths.get('dossiers', []))})")
    click.echo(f"  {t('demo.path.letters')}: {result.workspace / 'letters'} "
               f"({len(paths.get('letters', []))})")
    click.echo(f"  {t('demo.path.recap')}: {paths.get('recap')}")
    click.echo(f"  {t('demo.path.bundle')}: {paths.get('bundle')}")
    click.echo(f"  {t('demo.path.chart')}: {paths.get('chart')}")
    click.echo(t("demo.open_hint", ws=result.workspace))


COMMANDS = [demo_command]
