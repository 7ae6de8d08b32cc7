"""The workspace database: SQLite in WAL mode, one writer at a time, numbered migrations.

Migrations are the files formgen/migrations/NNN_name.sql, applied in order;
``PRAGMA user_version`` holds the number of the last one applied.
"""
from __future__ import annotations

import contextlib
import contextvars
import getpass
import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path

from formgen.core.errors import WorkspaceError
from formgen.core.i18n import t

# Shipped as package data beside this module (found as an installed package finds it).
_MIGRATIONS_DIR = Path(str(files("formgen.core").joinpath("migrations")))
BUSY_TIMEOUT_MS = 30_000


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(_MIGRATIONS_DIR.glob("*.sql")):
        match = re.match(r"(\d+)_", path.name)
        if match:
            found.append((int(match.group(1)), path))
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps: {numbers}")
    return found


SCHEMA_VERSION = len(migrations())


def now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


# The staff member a web request acts for (formgen serve); the OS user otherwise.
acting_user: contextvars.ContextVar[str | None] = contextvars.ContextVar("formgen_acting_user",
                                                                        default=None)


def current_user() -> str:
    if acting_user.get():
        return acting_user.get()
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def connect(path: Path) -> sqlite3.Connection:
    """Open the database and bring its schema up to date."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")  # erased personal data is overwritten
        migrate(conn)
    except sqlite3.OperationalError as exc:
        raise WorkspaceError(t("workspace.not_writable", detail=str(exc)), path=str(path),
                             code="db_unusable") from exc
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(t("workspace.not_writable", detail=str(exc)), path=str(path),
                             code="db_corrupt") from exc
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise WorkspaceError(t("workspace.newer_schema", found=version, known=SCHEMA_VERSION),
                             code="newer_schema")
    for number, path in migrations():
        if number <= version:
            continue
        with write_transaction(conn):
            for statement in _split_sql(path.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT: takes the write lock up front, waiting with the busy timeout."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def audit(conn: sqlite3.Connection, action: str, *, applicant_id: int | None = None,
          **detail: object) -> None:
    """Record who (OS user) did what to whose data. ``detail`` must hold no personal data."""
    conn.execute(
        "INSERT INTO audit(at, user, action, applicant_id, detail) VALUES (?, ?, ?, ?, ?)",
        (now(), current_user(), action, applicant_id,
         json.dumps(detail, ensure_ascii=False, default=str) if detail else None),
    )
