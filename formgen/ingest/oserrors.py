"""Which OS and SQLite errors mean the workspace itself cannot be written (disk full, read-only)."""
from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from formgen.core.errors import WorkspaceError
from formgen.core.i18n import t

# errno values that mean the workspace itself cannot take what is written
_WORKSPACE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
_WORKSPACE_DENIED = {errno.EACCES, errno.EPERM}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_SQLITE_WORKSPACE = ("disk is full", "readonly database", "disk i/o error")
WORKSPACE_CODES = ("disk_full", "workspace_not_writable")


def workspace_error_code(exc: OSError, inside: Path | str) -> str | None:
    """``"disk_full"`` or ``"workspace_not_writable"`` when ``exc`` is about the workspace.

    A permission refused counts only for a file under ``inside`` (the workspace's own
    files); one refused on an input file is that file's problem.
    """
    named = bool(exc.filename) and str(exc.filename).startswith(str(inside))
    if exc.errno in _WORKSPACE_ERRNOS or (exc.errno in _WORKSPACE_DENIED and named):
        return "disk_full" if exc.errno in _FULL_ERRNOS else "workspace_not_writable"
    return None


def as_workspace_error(root: Path, exc: BaseException) -> WorkspaceError | None:
    """The WorkspaceError an OS or SQLite error stands for, if it is about the workspace."""
    if isinstance(exc, sqlite3.OperationalError):
        if any(text in str(exc).lower() for text in _SQLITE_WORKSPACE):
            return WorkspaceError(t("ingest.workspace_write", detail=str(exc)),
                                  path=str(root), code="workspace_not_writable")
        return None
    if not isinstance(exc, OSError):
        return None
    code = workspace_error_code(exc, root)
    if code is None:
        return None
    return WorkspaceError(t("ingest.workspace_write", detail=exc.strerror or str(exc)),
                          path=str(root), code=code)
