"""Progress on stderr, only when stderr is a terminal; stdout stays clean for --json."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import click


class Progress:
    """A bar whose total may be set once known; silent when not on a terminal or quiet."""

    def __init__(self, label: str, *, enabled: bool):
        self.label = label
        self.enabled = enabled and sys.stderr.isatty()
        self._bar = None

    def set_total(self, total: int) -> None:
        if self.enabled and total > 0 and self._bar is None:
            self._bar = click.progressbar(length=total, label=self.label, file=sys.stderr,
                                          show_pos=True, show_eta=True)
            self._bar.__enter__()

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


@contextlib.contextmanager
def progress(label: str, *, enabled: bool = True) -> Iterator[Progress]:
    bar = Progress(label, enabled=enabled)
    try:
        yield bar
    finally:
        bar.close()
