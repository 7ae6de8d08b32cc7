"""template preview writes into the workspace's preview/ folder, not wherever the clerk stands."""
from __future__ import annotations


def test_preview_goes_into_the_workspace(cli, tmp_path, monkeypatch):
    assert cli("init").exit_code == 0
    elsewhere = tmp_path / "di_sini"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = cli("template", "preview", "sampul")
    assert result.exit_code == 0, result.output
    written = tmp_path / "ws" / "preview" / "contoh_sampul.pdf"
    assert written.is_file() and str(written) in result.stdout
    assert not any(elsewhere.iterdir())
