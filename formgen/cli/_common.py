"""What every command shares: the app context, --json/--lang options, error handling, output."""
from __future__ import annotations

import functools
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from formgen.core.errors import ExitCode, FormgenError
from formgen.core.i18n import LANGUAGES, set_language, t
from formgen.core.workspace import Workspace, is_network_share, open_workspace

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    workspace_path: Path
    verbose: int = 0
    _workspace: Workspace | None = field(default=None, repr=False)

    def workspace(self) -> Workspace:
        """The opened workspace (exit 3 with a clear line when it cannot be used)."""
        if self._workspace is None:
            self._workspace = open_workspace(self.workspace_path)
            if is_network_share(self.workspace_path):
                click.echo(t("workspace.network_share", fs=str(self.workspace_path)), err=True)
        return self._workspace

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()


pass_app = click.make_pass_decorator(AppContext)


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        set_language(value)
    return value


lang_option = click.option(
    "--lang", type=click.Choice(LANGUAGES), default=None, expose_value=False, is_eager=True,
    callback=_set_lang, help="Bahasa pesan: id (bawaan) atau en.")
json_option = click.option("--json", "as_json", is_flag=True,
                           help="Keluaran JSON untuk program lain.")


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def error_line(message: str) -> None:
    """One line on stderr, for one rejected input; the command goes on."""
    click.echo(message, err=True)


def handle_errors(func):
    """Map FormgenError to its one-line message and exit code; library callers get the exception."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except FormgenError as exc:
            click.echo(f"{t('cli.error_prefix')}: {exc.one_line()}", err=True)
            ctx = click.get_current_context()
            app = ctx.find_object(AppContext)
            if app and app.verbose:
                log.exception("details")
            ctx.exit(int(exc.exit_code))

    return wrapper


def command(name: str | None = None, **kwargs):
    """A formgen command: --lang accepted, FormgenError reported as one line with its exit code."""

    def decorate(func):
        return click.command(name, **kwargs)(lang_option(handle_errors(func)))

    return decorate


def exit_with(code: ExitCode) -> None:
    if code != ExitCode.ok:
        sys.exit(int(code))
