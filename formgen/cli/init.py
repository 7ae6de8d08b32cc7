"""formgen init: create the workspace."""
from __future__ import annotations

import click

from formgen.cli._common import AppContext, command, emit_json, json_option, option, pass_app
from formgen.core.config import PAPER_SIZES_MM
from formgen.core.i18n import t
from formgen.core.workspace import init_workspace


@command("init", help="help.init")
@option("--paper", type=click.Choice(sorted(PAPER_SIZES_MM)), default="A4",
        show_default=True, help="help.init.paper")
@option("--dpi", type=click.IntRange(100, 1200), default=300, show_default=True,
        help="help.init.dpi")
@json_option
@pass_app
def init_command(app: AppContext, paper: str, dpi: int, as_json: bool) -> None:
    """Create the workspace (or say it is there already)."""
    ws, created = init_workspace(app.workspace_path, paper=paper, dpi=dpi)
    ws.close()
    if as_json:
        emit_json({"workspace": str(ws.root), "created": created})
    else:
        key = "workspace.created" if created else "workspace.exists"
        click.echo(t(key, path=str(ws.root)))


COMMANDS = [init_command]
