"""Crash safety: an ingest killed part way, then run again, records every page exactly once."""
from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from formgen.core.workspace import init_workspace
from tests.support.badinputs import sample_image, sample_pdf
from tests.support.robust_workspace import ROOT, formgen, integrity


def _batch(folder: Path, files: int = 3, pages: int = 3) -> dict[Path, int]:
    """Small PDFs and PNGs, each different (so each its own SHA-256)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for n in range(files):
        path = folder / f"kiriman_{n}.pdf"
        path.write_bytes(sample_pdf(pages + n))
        made[path] = pages + n
    image = folder / "lampiran.png"
    sample_image((300 + files, 200)).save(image)
    made[image] = 1
    return made


def _status(db: Path) -> Counter:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return Counter(r[0] for r in conn.execute("SELECT status FROM files"))
        finally:
            conn.close()
    except sqlite3.Error:
        return Counter()


def _assert_whole(root: Path, truth: dict[Path, int]) -> None:
    """Each page once; every visible file complete; the database sound."""
    import hashlib

    conn = sqlite3.connect(root / "formgen.db")
    per_page = Counter(conn.execute("SELECT sha256, idx FROM pages").fetchall())
    assert per_page and max(per_page.values()) == 1
    shas = {hashlib.sha256(p.read_bytes()).hexdigest(): n for p, n in truth.items()}
    for sha, pages in shas.items():
        assert sorted(i for s, i in per_page if s == sha) == list(range(pages))
    assert sum(per_page.values()) == sum(truth.values())
    statuses = dict(conn.execute("SELECT sha256, status FROM files").fetchall())
    assert {statuses[s] for s in shas} == {"ingested"}
    conn.close()
    assert integrity(root / "formgen.db") == "ok"
    for path in root.rglob("*"):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.suffix.lower() in (".jpg", ".png", ".tif"):
            with Image.open(path) as image:
                image.load()
        elif path.suffix.lower() == ".pdf":
            reader = PdfReader(str(path), strict=True)
            assert len(reader.pages) >= 1


def test_killed_ingest_then_run_again(tmp_path):
    root = tmp_path / "ws"
    init_workspace(root, dpi=150)[0].close()
    truth = _batch(tmp_path / "in")
    stale = root / "pages" / ".lama.jpg.abc123.tmp"
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"half a page")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    fresh = root / "pages" / ".baru.jpg.def456.tmp"   # another process may be writing it
    fresh.write_bytes(b"being written")
    args = [sys.executable, "-m", "formgen", "--workspace", str(root), "ingest", "-j", "2",
            *map(str, truth)]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.time() + 120
    try:
        while time.time() < deadline and proc.poll() is None:
            if _status(root / "formgen.db")["ingested"] >= 1:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "ingest ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)       # the parent and its page workers
    finally:
        proc.wait(30)
        proc.stderr.close()
    status = _status(root / "formgen.db")
    assert status["ingested"] >= 1 and status["pending"] >= 1, status
    assert not stale.exists() and fresh.exists()  # a killed run's temp file is gone next time

    again = formgen("ingest", "-j", "2", *truth, workspace=root)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    _assert_whole(root, truth)
    fresh.unlink()


@pytest.fixture
def small(tmp_path):
    root = tmp_path / "ws"
    init_workspace(root, dpi=150)[0].close()
    return root, _batch(tmp_path / "in", files=2, pages=2)


def _refuse_writes_into(monkeypatch, folder: str, code: int, *, name_file: bool = False):
    """``os.replace`` into the workspace's ``folder`` fails with ``code`` (the source named in
    the error when ``name_file``); returns the real ``os.replace``."""
    real_replace = os.replace

    def refuse(src, dst, *a, **kw):
        if f"{os.sep}{folder}{os.sep}" in str(dst):
            raise OSError(code, os.strerror(code), *([str(src)] if name_file else []))
        return real_replace(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", refuse)
    return real_replace


def test_full_disk_stops_cleanly_and_the_same_command_finishes(small, cli, monkeypatch):
    root, truth = small
    real_replace = _refuse_writes_into(monkeypatch, "pages", errno.ENOSPC)
    result = cli("ingest", "-j", "1", *truth, workspace=root)
    assert result.exit_code == 3
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "tidak dapat ditulisi" in lines[0], result.stderr
    assert "[disk_full]" not in lines[0]  # the code is for a technician (--verbose, --json)
    conn = sqlite3.connect(root / "formgen.db")
    assert conn.execute("SELECT count(*) FROM files WHERE status='pending'").fetchone()[0] >= 1
    assert conn.execute("SELECT count(*) FROM files WHERE status='ingested'").fetchone()[0] == 0
    conn.close()
    monkeypatch.setattr(os, "replace", real_replace)
    result = cli("ingest", "-j", "1", *truth, workspace=root)
    assert result.exit_code == 0, result.stderr
    _assert_whole(root, truth)


def test_read_only_archive_stops_before_any_page(small, cli, monkeypatch):
    root, truth = small
    _refuse_writes_into(monkeypatch, "originals", errno.EROFS, name_file=True)
    result = cli("ingest", "-j", "1", *truth, workspace=root)
    assert result.exit_code == 3
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "tidak dapat ditulisi" in lines[0], result.stderr
    assert not list((root / "originals").rglob("*.*"))
    conn = sqlite3.connect(root / "formgen.db")
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 0
    conn.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_pages_folder_exit_3_then_retry(small):
    root, truth = small
    pages = root / "pages"
    pages.chmod(0o500)
    try:
        result = formgen("ingest", "-j", "2", *truth, workspace=root)
    finally:
        pages.chmod(0o700)
    assert result.returncode == 3, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "tidak dapat ditulisi" in lines[0], result.stderr
    again = formgen("ingest", "-j", "2", *truth, workspace=root)
    assert again.returncode == 0, again.stderr
    _assert_whole(root, truth)
