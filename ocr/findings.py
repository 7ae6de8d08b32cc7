"""What a reader found on a page: the unit stored in the workspace's findings table."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One observation. ``kind``/``name`` as in docs/architecture.md; ``value`` is JSON-able.

    ``expected`` and ``ok`` are filled when a reading is compared with the roster
    (``ok`` None: nothing to compare or no confident reading).
    """

    kind: str
    name: str
    value: Any
    confidence: float = 1.0
    expected: Any = None
    ok: bool | None = None
    note: str | None = None
