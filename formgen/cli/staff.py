"""formgen user add / list / disable / passwd: staff accounts of the web app."""
from __future__ import annotations

import sys

import click

from formgen.cli._common import AppContext, command, emit_json, json_option, pass_app
from formgen.core.i18n import t
from formgen.service.accounts import ROLES, add_user, disable_user, list_users, set_password


@click.group("user")
def user_group() -> None:
    """Akun petugas untuk aplikasi web (formgen serve)."""


def _read_password() -> str:
    return sys.stdin.readline()


@command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="Peran akun.")
@click.option("--password-stdin", is_flag=True, required=True,
              help="Baca kata sandi dari masukan standar.")
@pass_app
def add_command(app: AppContext, name: str, role: str, password_stdin: bool) -> None:
    """Buat akun baru; kata sandi dibaca dari masukan standar."""
    user = add_user(app.workspace().conn, name, role, _read_password())
    click.echo(t("web.user.added", name=user.name, role=user.role))


@command("list")
@json_option
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    """Tampilkan semua akun."""
    users = list_users(app.workspace().conn)
    if as_json:
        emit_json({"users": [{"name": u.name, "role": u.role, "active": u.active}
                             for u in users]})
        return
    for u in users:
        state = t("web.user.active") if u.active else t("web.user.disabled")
        click.echo(f"{u.name:<24} {u.role:<12} {state}")


@command("disable")
@click.argument("name")
@pass_app
def disable_command(app: AppContext, name: str) -> None:
    """Nonaktifkan akun; sesi yang terbuka berakhir."""
    user = disable_user(app.workspace().conn, name)
    click.echo(t("web.user.disabled_done", name=user.name))


@command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, required=True,
              help="Baca kata sandi dari masukan standar.")
@pass_app
def passwd_command(app: AppContext, name: str, password_stdin: bool) -> None:
    """Ganti kata sandi; sesi yang terbuka berakhir."""
    user = set_password(app.workspace().conn, name, _read_password())
    click.echo(t("web.user.password_set", name=user.name))


for _c in (add_command, list_command, disable_command, passwd_command):
    user_group.add_command(_c)

COMMANDS = [user_group]
