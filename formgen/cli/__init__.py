"""The formgen command line: parses options, calls the library, prints results."""
from __future__ import annotations

import logging
from pathlib import Path

import click

from formgen.cli import (
    checks,
    demo,
    forms,
    ingest,
    init,
    notify,
    privacy,
    roster,
    service,
    staff,
    web,
)
from formgen.cli._common import AppContext, group, option
from formgen.cli._words import Option, localise_click
from formgen.core.i18n import LANGUAGES, set_language
from formgen.core.workspace import DEFAULT_WORKSPACE

_COMMAND_MODULES = (init, roster, forms, ingest, checks, service, notify, demo, privacy, staff,
                    web)

localise_click()


def _set_lang(ctx: click.Context, param: click.Parameter, value: str) -> str:
    set_language(value)  # eager, so that --help and usage errors speak it too
    return value


@group(context_settings={"help_option_names": ["-h", "--help"]}, help="help.main")
@option("--workspace", "-w", "workspace_path", envvar="FORMGEN_WORKSPACE",
        type=click.Path(path_type=Path), default=DEFAULT_WORKSPACE, show_default=True,
        metavar="FOLDER", help="help.main.workspace")
@option("--lang", type=click.Choice(LANGUAGES), envvar="FORMGEN_LANG", default="id",
        show_default=True, is_eager=True, callback=_set_lang, help="help.main.lang")
@option("-v", "--verbose", count=True, help="help.main.verbose")
@click.version_option(package_name="formgen", cls=Option, help="help.main.version",
                      message="%(prog)s %(version)s")
@click.pass_context
def main(ctx: click.Context, workspace_path: Path, lang: str, verbose: int) -> None:
    """The command group: language, logging and the workspace every command shares."""
    logging.basicConfig(level=logging.DEBUG if verbose > 1 else
                        logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    app = AppContext(workspace_path=workspace_path, verbose=verbose)
    ctx.obj = app
    ctx.call_on_close(app.close)


for _module in _COMMAND_MODULES:
    for _command in _module.COMMANDS:
        main.add_command(_command)
