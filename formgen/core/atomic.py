"""Write files so that a crash never leaves a half-written one visible.

Every file formgen produces goes to a temporary name in the same folder, is
flushed to disk, and is renamed into place.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

FILE_MODE = 0o600
DIR_MODE = 0o700
#: A temporary file older than this was left by a run that was killed: it can go.
STALE_TEMP_SECONDS = 600


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with contextlib.suppress(PermissionError):
        path.chmod(DIR_MODE)
    return path


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "wb", *, encoding: str | None = None) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success it replaces ``path``."""
    path = Path(path)
    ensure_dir(path.parent)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        tmp.chmod(FILE_MODE)
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> Path:
    with atomic_open(path, "wb") as handle:
        handle.write(data)
    return Path(path)


def write_text(path: Path, text: str) -> Path:
    with atomic_open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return Path(path)


def clean_stale_temps(root: Path, *, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove ``.<name>.*.tmp`` files under ``root`` left by a killed run; the removed paths.

    A temporary file is never visible under its final name, so readers ignore
    it; only files older than ``older_than`` seconds are removed, so a write
    still in progress in another process is left alone.
    """
    removed = []
    limit = time.time() - older_than
    for folder, _subdirs, names in os.walk(root, followlinks=False):
        for name in names:
            if not (name.startswith(".") and name.endswith(".tmp")):
                continue
            path = Path(folder) / name
            with contextlib.suppress(OSError):
                if path.lstat().st_mtime < limit:
                    path.unlink()
                    removed.append(path)
    return removed
