"""ingest says what it could not use: an empty folder, a name that does not exist."""
from __future__ import annotations

import json


def test_an_empty_folder_is_named(cli, tmp_path):
    cli("init")
    empty = tmp_path / "pindaian"
    empty.mkdir()
    (empty / "catatan.txt").write_text("bukan pindaian", encoding="utf-8")
    result = cli("ingest", empty)
    assert result.exit_code == 1  # some input rejected: the folder gave nothing
    assert f"{empty}: folder ini tidak berisi berkas pindaian" in result.stderr
    assert "Halaman masuk 0" in result.stdout


def test_a_missing_path_is_a_usage_error_and_nothing_is_read(cli, tmp_path):
    cli("init")
    folder = tmp_path / "ada"
    folder.mkdir()
    result = cli("ingest", folder, tmp_path / "tidak_ada.pdf")
    assert result.exit_code == 2
    assert "tidak_ada.pdf" in result.stderr and "tidak ada yang dibaca" in result.stderr
    assert "[" not in result.stderr
    assert "folder ini tidak berisi" not in result.stderr  # nothing was read at all


def test_the_empty_folder_is_in_the_json_too(cli, tmp_path):
    cli("init")
    (tmp_path / "kosong").mkdir()
    result = cli("ingest", tmp_path / "kosong", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["empty_folders"] == [str(tmp_path / "kosong")]
    assert "[no_scans]" in result.stderr  # with --json the code follows the message
