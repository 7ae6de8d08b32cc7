"""What many requests read, built once per state of the database and shared read-only.

``PRAGMA data_version`` on a connection that never writes changes whenever any
other connection (a request thread, the intake worker, a command in a terminal)
commits; a cached value is rebuilt then, by one thread while the others wait.
"""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any


class Snapshot:
    def __init__(self, db_path: Path) -> None:
        self._conn = sqlite3.connect(db_path, check_same_thread=False, timeout=30)
        self._conn_lock = threading.Lock()
        self._values: dict[str, tuple[int, Any]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def version(self) -> int:
        with self._conn_lock:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def get(self, name: str, build: Callable[[], Any]) -> Any:
        """The value ``name`` for the database as it is now (``build()`` when it changed)."""
        with self._guard:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            version = self.version()
            found = self._values.get(name)
            if found is not None and found[0] == version:
                return found[1]
            value = build()
            self._values[name] = (version, value)
            return value

    def close(self) -> None:
        with self._conn_lock:
            self._conn.close()
