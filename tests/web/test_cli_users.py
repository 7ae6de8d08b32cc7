"""formgen user add / list / disable / passwd and the serve command's address check."""
from __future__ import annotations

import json

from formgen.cli.web import _is_loopback
from formgen.service.accounts import authenticate


def test_user_commands(cli, workspace):
    result = cli("user", "add", "Ani", "--role", "admin", "--password-stdin",
                 input="rahasia-kantor-1\n")
    assert result.exit_code == 0, result.output
    assert cli("user", "add", "ani", "--role", "admin", "--password-stdin",
               input="rahasia-kantor-1\n").exit_code == 1
    assert cli("user", "add", "budi", "--role", "petugas", "--password-stdin",
               input="pendek\n").exit_code == 1
    assert cli("user", "add", "budi", "--role", "bos", "--password-stdin",
               input="rahasia-kantor-1\n").exit_code == 2
    listed = json.loads(cli("user", "list", "--json").stdout)
    assert listed == {"users": [{"name": "ani", "role": "admin", "active": True}]}
    row = workspace.conn.execute("SELECT password_hash FROM staff").fetchone()
    assert row["password_hash"].startswith("$argon2id$")
    assert authenticate(workspace.conn, "ani", "rahasia-kantor-1")
    assert cli("user", "passwd", "ani", "--password-stdin",
               input="kata-sandi-baru\n").exit_code == 0
    assert not authenticate(workspace.conn, "ani", "rahasia-kantor-1")
    assert authenticate(workspace.conn, "ani", "kata-sandi-baru")
    assert cli("user", "disable", "ani").exit_code == 0
    assert not authenticate(workspace.conn, "ani", "kata-sandi-baru")
    assert json.loads(cli("user", "list", "--json").stdout)["users"][0]["active"] is False
    assert cli("user", "disable", "nobody").exit_code == 1


def test_only_loopback_is_quiet():
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0")
    assert not _is_loopback("192.168.1.10")
