"""Exceptions and exit codes: one place that says how each failure ends a command."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    ok = 0
    input_rejected = 1  # done, but some input was rejected (each named on stderr)
    usage = 2
    workspace = 3  # the workspace cannot be used
    missing_dependency = 4  # a program or its data (Tesseract, a language pack) is not installed


class FormgenError(Exception):
    """Base of every error formgen reports to a user.

    ``code`` is a stable machine-readable reason (e.g. ``"missing_column"``);
    the message is already translated and names the user's file, never a
    temporary path.
    """

    exit_code = ExitCode.input_rejected

    def __init__(self, message: str, *, code: str = "error", path: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = path

    def one_line(self, *, code: bool = False) -> str:
        """The message on one line, after the file it concerns; ``code`` adds ``[code]``
        (for a technician: --verbose or --json)."""
        prefix = f"{self.path}: " if self.path else ""
        return f"{prefix}{self.message}{f' [{self.code}]' if code else ''}"


class InputError(FormgenError):
    """A file or value given by the user cannot be used."""


class UsageError(FormgenError):
    exit_code = ExitCode.usage


class MissingFileError(InputError):
    """A file or folder named on the command line does not exist: nothing was read, so it is
    a usage error (exit 2), not a rejected input (exit 1)."""

    exit_code = ExitCode.usage


class WorkspaceError(FormgenError):
    exit_code = ExitCode.workspace


class MissingDependencyError(FormgenError):
    """A program formgen runs, or its data, is not installed; the message says how to install it."""

    exit_code = ExitCode.missing_dependency


class TemplateError(FormgenError):
    """A form template is invalid; ``path`` and ``line`` say where."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 code: str = "template_error"):
        super().__init__(message, code=code, path=path)
        self.line = line

    def one_line(self, *, code: bool = False) -> str:
        where = self.path or ""
        if self.line:
            where += f":{self.line}"
        text = f"{self.message}{f' [{self.code}]' if code else ''}"
        return f"{where}: {text}" if where else text
