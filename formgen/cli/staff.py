"""formgen user add / list / disable / passwd: staff accounts of the web app."""
from __future__ import annotations

import sys

import click

from formgen.cli._common import (
    AppContext,
    argument,
    command,
    emit_json,
    group,
    json_option,
    option,
    pass_app,
)
from formgen.core.i18n import t
from formgen.service.accounts import ROLES, add_user, disable_user, list_users, set_password


@group("user", help="help.user")
def user_group() -> None:
    """Staff accounts of the web app (formgen serve)."""


def _read_password() -> str:
    return sys.stdin.readline()


@command("add", help="help.user_add")
@argument("name", metavar="NAMA")
@option("--role", type=click.Choice(ROLES), required=True, help="help.user_add.role")
@option("--password-stdin", is_flag=True, required=True, help="help.user.password_stdin")
@pass_app
def add_command(app: AppContext, name: str, role: str, password_stdin: bool) -> None:
    """A new account; the password is read from standard input."""
    user = add_user(app.workspace().conn, name, role, _read_password())
    click.echo(t("web.user.added", name=user.name, role=user.role))


@command("list", help="help.user_list")
@json_option
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    """Every account."""
    users = list_users(app.workspace().conn)
    if as_json:
        emit_json({"users": [{"name": u.name, "role": u.role, "active": u.active}
                             for u in users]})
        return
    for u in users:
        state = t("web.user.active") if u.active else t("web.user.disabled")
        click.echo(f"{u.name:<24} {u.role:<12} {state}")


@command("disable", help="help.user_disable")
@argument("name", metavar="NAMA")
@pass_app
def disable_command(app: AppContext, name: str) -> None:
    """Disable an account; its open sessions end."""
    user = disable_user(app.workspace().conn, name)
    click.echo(t("web.user.disabled_done", name=user.name))


@command("passwd", help="help.user_passwd")
@argument("name", metavar="NAMA")
@option("--password-stdin", is_flag=True, required=True, help="help.user.password_stdin")
@pass_app
def passwd_command(app: AppContext, name: str, password_stdin: bool) -> None:
    """A new password; the account's open sessions end."""
    user = set_password(app.workspace().conn, name, _read_password())
    click.echo(t("web.user.password_set", name=user.name))


for _c in (add_command, list_command, disable_command, passwd_command):
    user_group.add_command(_c)

COMMANDS = [user_group]
