"""Every file formgen writes goes through formgen.core.atomic; pages in flight stay bounded."""
from __future__ import annotations

import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from formgen.core.atomic import clean_stale_temps
from formgen.core.workspace import init_workspace
from formgen.ingest import pool, run
from tests.support.badinputs import sample_pdf

ROOT = Path(__file__).resolve().parents[2]
# A write straight to a final path: Path.write_bytes/write_text, open(..., "w"/"a"/"x"),
# shutil.copy* (the atomic module itself is where such writes belong).
DIRECT_WRITE = re.compile(r"(?<!atomic)\.(write_bytes|write_text)\("
                          r"|\bopen\([^)]*[\"'][wax]b?\+?[\"']"
                          r"|shutil\.copy(?!fileobj)")


def test_no_direct_file_writes_in_formgen():
    offenders = []
    for path in sorted((ROOT / "formgen").rglob("*.py")):
        if path.name == "atomic.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            for match in DIRECT_WRITE.finditer(code):
                before = code[:match.start()]
                if re.search(r"\b(atomic|write_bytes|write_text)\s*$", before):
                    continue
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_stale_temp_files_only_are_cleaned(tmp_path):
    import os
    import time

    old, new, kept = tmp_path / ".a.pdf.x1.tmp", tmp_path / ".b.pdf.x2.tmp", tmp_path / "c.tmp"
    for path in (old, new, kept):
        path.write_bytes(b"x")
    os.utime(old, (time.time() - 3600,) * 2)
    os.utime(kept, (time.time() - 3600,) * 2)
    assert clean_stale_temps(tmp_path) == [old]
    assert new.exists() and kept.exists()


class _CountingPool(ProcessPoolExecutor):
    """A real pool that remembers how many pages were in flight at most."""
    most = 0

    def submit(self, fn, *args, **kwargs):
        future = super().submit(fn, *args, **kwargs)
        self._live = [f for f in getattr(self, "_live", []) if not f.done()] + [future]
        type(self).most = max(type(self).most, len(self._live))
        return future


def test_pages_in_flight_follow_the_workers_not_the_batch(tmp_path, monkeypatch):
    ws, _ = init_workspace(tmp_path / "ws", dpi=100)
    pdf = tmp_path / "dua_belas.pdf"
    pdf.write_bytes(sample_pdf(12))
    monkeypatch.setattr(pool, "ProcessPoolExecutor", _CountingPool)
    report = run.ingest_paths(ws, [pdf], jobs=2)
    ws.close()
    assert report.files[0].status == "ingested" and report.files[0].pages == 12
    assert 2 <= _CountingPool.most <= 2 * 2
