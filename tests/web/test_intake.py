"""The watched intake folder: slow copies, unreadable files, a watcher killed mid-file."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from formgen.service.watchfolder import FAILED, PROCESSED, REASON_SUFFIX, WatchFolder
from tests.support.badinputs import sample_pdf


def _file_rows(ws):
    return ws.conn.execute("SELECT sha256, status, pages FROM files").fetchall()


def _poll_until(watcher, ws, done, timeout=120.0):
    results, end = [], time.monotonic() + timeout
    while time.monotonic() < end:
        results += watcher.poll(ws)
        if done(results):
            return results
        time.sleep(0.2)
    raise AssertionError(f"watcher did not finish: {results}")


def test_slow_copy_is_ingested_once(workspace, tmp_path):
    inbox = tmp_path / "scanner"
    inbox.mkdir()
    data = sample_pdf(3)
    target = inbox / "feeder_run.pdf"
    watcher = WatchFolder(inbox, settle=1.0, jobs=1)

    def copy_slowly():
        with target.open("wb") as out:
            for start in range(0, len(data), 400):
                out.write(data[start:start + 400])
                out.flush()
                time.sleep(0.15)

    writer = threading.Thread(target=copy_slowly)
    writer.start()
    seen_partial = []
    while writer.is_alive():
        seen_partial += watcher.poll(workspace)
        time.sleep(0.1)
    writer.join()
    assert seen_partial == []  # nothing taken while it was still growing
    results = _poll_until(watcher, workspace, lambda r: len(r) >= 1)
    assert [r.status for r in results] == ["ingested"]
    assert (inbox / PROCESSED / "feeder_run.pdf").read_bytes() == data
    assert not target.exists()
    rows = _file_rows(workspace)
    assert len(rows) == 1 and rows[0]["status"] == "ingested" and rows[0]["pages"] == 3
    pages = workspace.conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
    assert pages == 3
    # the same scan dropped again is a duplicate, moved aside, nothing doubled
    (inbox / "again.pdf").write_bytes(data)
    again = _poll_until(watcher, workspace, lambda r: len(r) >= 1)
    assert [r.status for r in again] == ["duplicate"]
    assert workspace.conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 3


def test_unreadable_file_goes_to_failed_with_reason(workspace, tmp_path):
    inbox = tmp_path / "scanner"
    inbox.mkdir()
    (inbox / "rusak.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    (inbox / "teks.pdf").write_text("bukan pindaian", encoding="utf-8")
    watcher = WatchFolder(inbox, settle=0.3, jobs=1)
    results = _poll_until(watcher, workspace, lambda r: len(r) >= 2)
    assert sorted(r.status for r in results) == ["failed", "failed"]
    for name in ("rusak.pdf", "teks.pdf"):
        assert (inbox / FAILED / name).is_file()
        reason = (inbox / FAILED / f"{name}{REASON_SUFFIX}").read_text(encoding="utf-8")
        assert reason.strip() and "[" in reason
        assert not (inbox / name).exists()
    assert workspace.conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 0


def _watch(root: Path, inbox: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "formgen", "--workspace", str(root), "watch", str(inbox),
         "--settle", "0.5", "--interval", "0.2", "--jobs", "1", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def test_watcher_killed_mid_file_then_restarted(workspace, tmp_path):
    inbox = tmp_path / "scanner"
    inbox.mkdir()
    pages = 12
    (inbox / "batch.pdf").write_bytes(sample_pdf(pages))
    db_path = workspace.db_path
    watcher = _watch(workspace.root, inbox)
    try:
        end = time.monotonic() + 120
        while time.monotonic() < end:
            with sqlite3.connect(db_path, timeout=30) as conn:
                row = conn.execute("SELECT status FROM files").fetchone()
            if row and row[0] == "pending":
                break
            assert watcher.poll() is None, watcher.stderr.read().decode()
            time.sleep(0.05)
        else:
            raise AssertionError("the watcher never started on the file")
        time.sleep(0.5)  # some pages read, none committed
    finally:
        os.killpg(watcher.pid, signal.SIGKILL)  # the watcher and its page workers
        watcher.wait()
    assert (inbox / "batch.pdf").is_file()  # not moved before its pages were committed
    again = _watch(workspace.root, inbox, "--once")
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert (inbox / PROCESSED / "batch.pdf").is_file()
    rows = workspace.conn.execute("SELECT sha256, status, pages FROM files").fetchall()
    assert len(rows) == 1 and rows[0]["status"] == "ingested"
    idx = [r[0] for r in workspace.conn.execute("SELECT idx FROM pages ORDER BY idx")]
    assert idx == list(range(pages))  # every page exactly once
