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

from formgen.cli._words import Argument, Command, Group, Option
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


def option(*names: str, **kwargs):
    """click.option whose help (a ``help.*`` key) and metavar follow the run's language."""
    return click.option(*names, cls=Option, **kwargs)


def argument(*names: str, **kwargs):
    return click.argument(*names, cls=Argument, **kwargs)


def group(name: str | None = None, **kwargs):
    """A command group whose help and framework words follow the run's language."""
    return click.group(name, cls=Group, **kwargs)


lang_option = option(
    "--lang", type=click.Choice(LANGUAGES), default=None, expose_value=False, is_eager=True,
    callback=_set_lang, help="help.option.lang")
json_option = option("--json", "as_json", is_flag=True, help="help.option.json")


def is_technical() -> bool:
    """Whether this run shows stable codes beside messages (--verbose or --json)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return False
    app = ctx.find_object(AppContext)
    return bool((app and app.verbose) or ctx.params.get("as_json"))


def with_code(message: str, code: str | None) -> str:
    """``message [code]`` for a technician, ``message`` for everyone else."""
    return f"{message} [{code}]" if code and is_technical() else message


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def error_line(message: str, code: str | None = None) -> None:
    """One line on stderr, for one rejected input; the command goes on. ``code`` shows only
    with --verbose or --json."""
    click.echo(with_code(message, code), err=True)


def warning_line(message: str) -> None:
    click.echo(f"{t('cli.warning_prefix')}: {message}", err=True)


def ask_yes_no(question: str, *, err: bool = False) -> bool:
    """A yes/no question in the run's language: ``[y/T]`` (ya/tidak) in Indonesian, ``[y/N]``
    in English; Enter alone means no. click.confirm knows only English answers."""
    yes, no = t("cli.answer_yes").split(), t("cli.answer_no").split()

    def answer(value: str) -> bool:
        word = value.strip().lower()
        if word in yes:
            return True
        if word in no or not word:
            return False
        raise click.UsageError(t("cli.answer_invalid"))

    return click.prompt(f"{question} {t('cli.answer_choices')}", default="", show_default=False,
                        value_proc=answer, err=err)


def handle_errors(func):
    """Map FormgenError to its one-line message and exit code; library callers get the exception."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except FormgenError as exc:
            click.echo(f"{t('cli.error_prefix')}: {exc.one_line(code=is_technical())}", err=True)
            ctx = click.get_current_context()
            app = ctx.find_object(AppContext)
            if app and app.verbose:
                log.exception("details")
            ctx.exit(int(exc.exit_code))

    return wrapper


def command(name: str | None = None, **kwargs):
    """A formgen command: --lang accepted, FormgenError reported as one line with its exit code;
    ``help`` is a ``help.*`` catalogue key."""

    def decorate(func):
        return click.command(name, cls=Command, **kwargs)(lang_option(handle_errors(func)))

    return decorate


def exit_with(code: ExitCode) -> None:
    if code != ExitCode.ok:
        sys.exit(int(code))
