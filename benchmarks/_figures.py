"""One way for every benchmark to report a figure against its target.

Each figure is printed; when FORMGEN_BENCH_FIGURES names a file, it is also
appended there as a JSON line, so that run_all.py can print one table.
"""
from __future__ import annotations

import json
import os
from pathlib import Path


def report(name: str, value: float, unit: str, *, target: float | None = None,
           better: str = "higher", note: str = "") -> None:
    """``better``: "higher" (value ≥ target passes) or "lower" (value ≤ target passes)."""
    met = None
    if target is not None:
        met = value >= target if better == "higher" else value <= target
    sign = "≥" if better == "higher" else "≤"
    aim = ""
    if target is not None:
        aim = f" (target {sign} {target:g} {unit}: {'met' if met else 'MISSED'})"
    print(f"FIGURE {name}: {value:.4g} {unit}{aim}{' — ' + note if note else ''}")
    path = os.environ.get("FORMGEN_BENCH_FIGURES")
    if path:
        with Path(path).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"name": name, "value": value, "unit": unit, "target": target,
                                     "better": better, "met": met, "note": note}) + "\n")
