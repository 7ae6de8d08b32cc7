import stat
from pathlib import Path

import pytest

from formgen.core import db
from formgen.core.config import parse_settings
from formgen.core.errors import WorkspaceError
from formgen.core.workspace import open_workspace


def mode(path):
    return stat.S_IMODE(Path(path).stat().st_mode)


def test_init_creates_owner_only_workspace(cli, tmp_path):
    result = cli("init")
    assert result.exit_code == 0, result.output
    root = tmp_path / "ws"
    assert mode(root) == 0o700
    assert mode(root / "formgen.toml") == 0o600
    assert mode(root / "formgen.db") == 0o600
    for sub in ("originals", "packs", "dossiers", "recap"):
        assert mode(root / sub) == 0o700
    ws = open_workspace(root)
    assert ws.settings.paper == "A4"
    assert ws.settings.dpi == 300
    assert "KOTAWARINGIN BARAT" in ws.settings.office.pemerintah
    assert "Sutan Syahrir" in ws.settings.office.alamat
    ws.close()


def test_init_twice_keeps_settings(cli, tmp_path):
    cli("init", "--paper", "F4")
    first = (tmp_path / "ws" / "formgen.toml").read_text()
    result = cli("--lang", "en", "init")
    assert result.exit_code == 0
    assert "already exists" in result.output
    assert (tmp_path / "ws" / "formgen.toml").read_text() == first
    assert open_workspace(tmp_path / "ws").settings.paper == "F4"


def test_schema_version_and_migrations(workspace):
    version = workspace.conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == db.SCHEMA_VERSION >= 1
    assert workspace.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # re-opening migrates nothing more and keeps data
    workspace.conn.execute("INSERT INTO batches(name, created_at) VALUES ('b1', 'now')")
    workspace.close()
    conn = db.connect(workspace.db_path)
    assert conn.execute("SELECT count(*) FROM batches").fetchone()[0] == 1


def test_newer_schema_is_refused(workspace):
    workspace.conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 5}")
    workspace.close()
    with pytest.raises(WorkspaceError) as info:
        db.connect(workspace.db_path)
    assert info.value.code == "newer_schema"


def test_bad_settings_are_reported():
    with pytest.raises(WorkspaceError) as info:
        parse_settings({"workspace": {"id": "ABC"}, "paper": {"size": "A3"}})
    assert "A3" in info.value.message
