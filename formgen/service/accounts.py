"""Staff accounts of the web app: roles, argon2 password hashes, disabling, the cookie secret."""
from __future__ import annotations

import re
import secrets
import sqlite3
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from formgen.core import db
from formgen.core.errors import InputError
from formgen.core.i18n import t

ROLES = ("admin", "verifikator", "petugas")
# What each role may do, cumulative: petugas < verifikator < admin.
RANK = {"petugas": 1, "verifikator": 2, "admin": 3}
MIN_PASSWORD = 8
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
_HASHER = PasswordHasher()  # argon2id, memory-hard


@cache
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so both cases cost the same time."""
    return _HASHER.hash(secrets.token_hex(16))


@dataclass(frozen=True)
class Staff:
    id: int
    name: str
    role: str
    active: bool
    session_epoch: int

    def may(self, role: str) -> bool:
        return RANK[self.role] >= RANK[role]


def _row(row: sqlite3.Row | None) -> Staff | None:
    if row is None:
        return None
    return Staff(id=row["id"], name=row["name"], role=row["role"], active=bool(row["active"]),
                 session_epoch=row["session_epoch"])


def _check_password(password: str) -> str:
    password = password.rstrip("\r\n")
    if len(password) < MIN_PASSWORD:
        raise InputError(t("web.user.password_short", n=MIN_PASSWORD), code="password_short")
    return password


def add_user(conn: sqlite3.Connection, name: str, role: str, password: str) -> Staff:
    name = name.strip().lower()
    if not _NAME.fullmatch(name):
        raise InputError(t("web.user.bad_name", name=name), code="bad_user_name")
    if role not in ROLES:
        raise InputError(t("web.user.bad_role", role=role, roles=", ".join(ROLES)),
                         code="bad_role")
    hashed = _HASHER.hash(_check_password(password))
    with db.write_transaction(conn):
        if conn.execute("SELECT 1 FROM staff WHERE name = ?", (name,)).fetchone():
            raise InputError(t("web.user.exists", name=name), code="user_exists")
        conn.execute("INSERT INTO staff(name, role, password_hash, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?)", (name, role, hashed, db.now(), db.now()))
        db.audit(conn, "user_add", name=name, role=role)
    return get_user(conn, name)


def get_user(conn: sqlite3.Connection, name: str) -> Staff:
    found = _row(conn.execute("SELECT * FROM staff WHERE name = ?",
                              (name.strip().lower(),)).fetchone())
    if found is None:
        raise InputError(t("web.user.unknown", name=name), code="unknown_user")
    return found


def user_by_id(conn: sqlite3.Connection, user_id: int) -> Staff | None:
    return _row(conn.execute("SELECT * FROM staff WHERE id = ?", (user_id,)).fetchone())


def list_users(conn: sqlite3.Connection) -> list[Staff]:
    return [_row(r) for r in conn.execute("SELECT * FROM staff ORDER BY name")]


def disable_user(conn: sqlite3.Connection, name: str) -> Staff:
    """The account can no longer log in; its open sessions end at their next request."""
    user = get_user(conn, name)
    with db.write_transaction(conn):
        conn.execute("UPDATE staff SET active = 0, session_epoch = session_epoch + 1, "
                     "updated_at = ? WHERE id = ?", (db.now(), user.id))
        db.audit(conn, "user_disable", name=user.name)
    return get_user(conn, name)


def set_password(conn: sqlite3.Connection, name: str, password: str) -> Staff:
    """A new password; sessions opened with the old one end."""
    user = get_user(conn, name)
    hashed = _HASHER.hash(_check_password(password))
    with db.write_transaction(conn):
        conn.execute("UPDATE staff SET password_hash = ?, session_epoch = session_epoch + 1, "
                     "updated_at = ? WHERE id = ?", (hashed, db.now(), user.id))
        db.audit(conn, "user_passwd", name=user.name)
    return get_user(conn, name)


def authenticate(conn: sqlite3.Connection, name: str, password: str) -> Staff | None:
    """The active account whose password this is, or None (same cost either way)."""
    row = conn.execute("SELECT * FROM staff WHERE name = ?",
                       (str(name).strip().lower(),)).fetchone()
    try:
        _HASHER.verify(row["password_hash"] if row else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    user = _row(row)
    return user if user is not None and user.active else None


def web_secret(conn: sqlite3.Connection) -> str:
    """The key that signs session cookies, made once per workspace."""
    row = conn.execute("SELECT secret FROM web_secret WHERE id = 1").fetchone()
    if row:
        return row["secret"]
    with db.write_transaction(conn):
        conn.execute("INSERT OR IGNORE INTO web_secret(id, secret) VALUES (1, ?)",
                     (secrets.token_urlsafe(48),))
    return conn.execute("SELECT secret FROM web_secret WHERE id = 1").fetchone()["secret"]
