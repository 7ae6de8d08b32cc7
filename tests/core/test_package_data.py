"""The built wheel carries every data file the program reads (templates, wording, migrations)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The installed packages: every file in them that is not Python is data read at run time.
PACKAGES = ("formgen", "ocr", "scansim", "form_templates")
LEFT_OUT = (".venv", ".git", "build", "output", "__pycache__", "*.egg-info", ".pytest_cache",
            ".hypothesis")


@pytest.mark.slow
def test_wheel_holds_templates_messages_migrations_and_simulator_data(tmp_path):
    source = tmp_path / "src"  # a copy: building leaves build/ and egg-info beside the sources
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*LEFT_OUT))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                            "--wheel-dir", str(tmp_path / "dist"), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("formgen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {path.relative_to(ROOT).as_posix() for package in PACKAGES
                for path in (ROOT / package).rglob("*") if path.is_file()
                and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts}
    assert {"form_templates/_common.yaml", "form_templates/rules.yaml",
            "formgen/core/migrations/001_core.sql", "scansim/data/people.yaml",
            "form_templates/pesan/pesan.yaml",
            "formgen/core/messages/framework/id.yaml"} <= expected
    assert expected - names == set()
    assert not {n for n in names if n.startswith(("tests/", "benchmarks/"))}
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "formgen = formgen.__main__:main" in zipfile.ZipFile(wheel).read(entry).decode()
