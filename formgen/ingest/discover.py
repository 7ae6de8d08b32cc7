"""Expand the paths given to ``formgen ingest`` into files, safely (no symlink loops)."""
from __future__ import annotations

import os
from pathlib import Path

SCAN_SUFFIXES = {".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".png"}


def discover_files(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to ingest, in a stable order, and (path, reason code) for what cannot be used.

    A folder is walked without following symlinked folders, so a symlink loop
    ends; inside folders only scan-like suffixes are taken (the content is
    checked later, whatever the name says). A path named directly is always
    taken, whatever its suffix.
    """
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            files.append(path)

    for given in paths:
        given = Path(given)
        if given.is_dir():
            for folder, subdirs, names in os.walk(given, followlinks=False):
                subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
                for name in sorted(names):
                    path = Path(folder) / name
                    if name.startswith(".") or path.suffix.lower() not in SCAN_SUFFIXES:
                        continue
                    if path.is_file():
                        add(path)
                    elif path.is_symlink():
                        problems.append((path, "broken_link"))
        elif given.is_file():
            add(given)
        elif given.is_symlink():
            problems.append((given, "broken_link"))
        else:
            problems.append((given, "not_found"))
    return files, problems
