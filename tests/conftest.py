"""Shared fixtures: a fresh workspace and an in-process CLI runner."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from formgen.cli import main
from formgen.core.i18n import set_language
from formgen.core.resources import use_office_templates
from formgen.core.workspace import init_workspace


@pytest.fixture(autouse=True)
def _process_defaults():
    """Each test starts in Indonesian with the shipped templates, whatever the last one set."""
    set_language("id")
    use_office_templates(None)
    yield


@pytest.fixture
def workspace(tmp_path: Path):
    ws, _ = init_workspace(tmp_path / "ws")
    yield ws
    ws.close()


@pytest.fixture
def cli(tmp_path: Path):
    """Run ``formgen --workspace <tmp>/ws ARGS``; returns the click Result."""
    runner = CliRunner()

    def run(*args: str, workspace: Path | None = None, input: str | None = None):
        ws = workspace or (tmp_path / "ws")
        return runner.invoke(main, ["--workspace", str(ws), *map(str, args)], input=input,
                             catch_exceptions=False)

    return run


def load_json(result) -> dict:
    return json.loads(result.stdout)
