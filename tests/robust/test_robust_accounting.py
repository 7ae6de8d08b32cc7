"""The accounting line after every ingest: pages in = attributed + in review + blank."""
from __future__ import annotations

import sqlite3
from collections import deque

from formgen.core.workspace import init_workspace
from formgen.ingest import store
from tests.support.badinputs import sample_image, sample_pdf


def _inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    pdf = folder / "dua.pdf"
    pdf.write_bytes(sample_pdf(2))
    png = folder / "satu.png"
    sample_image().save(png)
    return pdf, png


def test_cli_prints_the_line_per_file_and_in_total(tmp_path, cli):
    init_workspace(tmp_path / "ws", dpi=150)[0].close()
    pdf, png = _inputs(tmp_path)
    result = cli("--lang", "en", "ingest", "-j", "1", pdf, png)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{pdf}: ingested, pages in 2 = attributed 0 + in review 2")
               for line in lines), lines
    assert any(line.startswith(f"{png}: ingested, pages in 1 = ") for line in lines), lines
    assert lines[-1] == "Pages in 3 = attributed 0 + in review 3 + blank 0"


def test_a_dropped_page_is_an_error_and_the_file_stays_pending(tmp_path, cli, monkeypatch):
    init_workspace(tmp_path / "ws", dpi=150)[0].close()
    pdf, png = _inputs(tmp_path)
    real_insert = store.insert_page
    dropped = deque([1])  # the first page stored is lost once

    def lossy(ws, result, place, geometry):
        if dropped and result.index == 0:
            dropped.popleft()
            return None
        return real_insert(ws, result, place, geometry)

    monkeypatch.setattr(store, "insert_page", lossy)
    result = cli("ingest", "-j", "1", pdf, png)
    assert result.exit_code == 1
    bad = [line for line in result.stderr.splitlines() if "jumlah halaman tidak cocok" in line]
    assert len(bad) == 1 and bad[0].startswith(f"{pdf}:"), result.stderr
    conn = sqlite3.connect(tmp_path / "ws" / "formgen.db")
    status = dict(conn.execute("SELECT original_name, status FROM files").fetchall())
    assert status == {"dua.pdf": "pending", "satu.png": "ingested"}
    # rolled back: nothing of the file was kept
    assert conn.execute("SELECT count(*) FROM pages p JOIN files f USING (sha256) "
                        "WHERE f.original_name = 'dua.pdf'").fetchone()[0] == 0
    conn.close()

    monkeypatch.setattr(store, "insert_page", real_insert)
    again = cli("ingest", "-j", "1", pdf, png)
    assert again.exit_code == 0, again.stderr
    conn = sqlite3.connect(tmp_path / "ws" / "formgen.db")
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 3
    conn.close()
