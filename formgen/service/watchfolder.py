"""A folder a network scanner drops files into: each file ingested once, then moved aside.

A file is taken once its size and modification time have not changed for
``settle`` seconds. It moves to ``processed/`` only after its pages are
committed, or to ``failed/`` beside ``NAME.reason.txt`` when it cannot be
read. The folder itself is the state: a watcher killed at any point (even
kill -9) finds the file still in place when it starts again and ingests it
again, which the ingest's SHA-256 bookkeeping turns into a duplicate, so no
page is lost or doubled.
"""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from formgen.core.atomic import write_text
from formgen.core.safenames import unique_name
from formgen.core.workspace import Workspace
from formgen.ingest.run import FileReport, ingest_paths

log = logging.getLogger(__name__)

PROCESSED, FAILED = "processed", "failed"
REASON_SUFFIX = ".reason.txt"
# names a scanner or copier uses while a file is still being written
_PARTIAL_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", "~")


@dataclass
class WatchResult:
    name: str
    status: str              # ingested | duplicate | failed
    moved_to: Path
    report: FileReport


@dataclass
class WatchFolder:
    folder: Path
    settle: float = 2.0
    jobs: int | None = None
    clock: Callable[[], float] = time.monotonic
    _seen: dict[str, tuple[int, int, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.folder = Path(self.folder)
        for name in (PROCESSED, FAILED):
            (self.folder / name).mkdir(parents=True, exist_ok=True)

    def candidates(self) -> list[Path]:
        """Files waiting in the folder itself (not in processed/ or failed/), oldest first."""
        found = []
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if (entry.name.startswith(".") or entry.name.endswith(_PARTIAL_SUFFIXES)
                        or not entry.is_file(follow_symlinks=False)):
                    continue
                found.append(Path(entry.path))
        return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))

    def stable(self) -> list[Path]:
        """The files whose size and time have not changed for ``settle`` seconds."""
        now, ready, present = self.clock(), [], set()
        for path in self.candidates():
            try:
                info = path.stat()
            except FileNotFoundError:
                continue
            present.add(path.name)
            mark = (info.st_size, info.st_mtime_ns)
            seen = self._seen.get(path.name)
            if seen is None or seen[:2] != mark:
                self._seen[path.name] = (*mark, now)
            elif now - seen[2] >= self.settle and info.st_size > 0:
                ready.append(path)
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return ready

    def poll(self, ws: Workspace, *, progress=None, on_total=None) -> list[WatchResult]:
        """One pass: ingest every file that has settled, one at a time, and move it aside."""
        results = []
        for path in self.stable():
            result = self.take(ws, path, progress=progress, on_total=on_total)
            if result is not None:
                results.append(result)
        return results

    def take(self, ws: Workspace, path: Path, *, progress=None, on_total=None
             ) -> WatchResult | None:
        report = ingest_paths(ws, [path], jobs=self.jobs, progress=progress,
                              on_total=on_total).files[0]
        if not path.exists():
            return None
        self._seen.pop(path.name, None)
        if report.status in ("ingested", "duplicate"):
            return WatchResult(path.name, report.status, self._move(path, PROCESSED), report)
        if report.error_code == "unreadable" and report.sha256 is None:
            return None  # could not even be opened right now: try again next pass
        target_dir = self.folder / FAILED
        name = unique_name(path.name, _names(target_dir))
        write_text(target_dir / f"{name}{REASON_SUFFIX}",
                   f"{report.error or report.error_code}\n[{report.error_code}]\n")
        moved = target_dir / name
        path.replace(moved)
        return WatchResult(path.name, "failed", moved, report)

    def _move(self, path: Path, sub: str) -> Path:
        target_dir = self.folder / sub
        target = target_dir / unique_name(path.name, _names(target_dir))
        path.replace(target)
        return target


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()
