"""A small real workspace for the reliability tests: roster, packs and simulated scans.

Built with the same parts as ``formgen demo`` (synthetic people only), at a low
resolution so that a test stays quick.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from formgen.forms import generate_packs
from formgen.roster import import_roster
from formgen.synth.people import make_people, write_roster_xlsx
from formgen.synth.scan import simulate_returns
from formgen.workspace import init_workspace

ROOT = Path(__file__).resolve().parents[1]
SCAN_DPI = 100
WORK_DPI = 150


def make_workspace(root: Path, scans: Path, *, applicants: int = 2, seed: int = 5,
                   defects: dict | None = None, file_mode: str | None = None):
    """A workspace with ``applicants`` imported and their packs printed, and their scans.

    Returns ``(people_by_id, batch)``; the scans are written to ``scans``
    (outside the workspace, as a scanner's folder would be).
    """
    ws, _ = init_workspace(root, dpi=WORK_DPI)
    try:
        people = make_people(applicants, seed=seed)
        roster = scans.parent / f"roster_{seed}.xlsx"
        write_roster_xlsx(people, roster)
        import_roster(ws, roster)
        by_nik = {r["nik"]: r["id"] for r in ws.conn.execute("SELECT id, nik FROM applicants")}
        people_by_id = {by_nik[p["nik"]]: p for p in people}
        packs = generate_packs(ws, all_applicants=True)["packs"]
        kwargs = {"file_mode": file_mode} if file_mode else {}
        batch = simulate_returns(packs, scans, dpi=SCAN_DPI, seed=seed, people=people_by_id,
                                 defects=defects or {}, upside_down_rate=0.0, **kwargs)
    finally:
        ws.close()
    return people_by_id, batch


def formgen(*args, workspace: Path, timeout: float = 300, env: dict | None = None,
            **popen) -> subprocess.CompletedProcess:
    """Run ``python -m formgen --workspace W ARGS`` from the source tree."""
    return subprocess.run([sys.executable, "-m", "formgen", "--workspace", str(workspace),
                           *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})}, **popen)


def integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
