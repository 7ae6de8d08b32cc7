"""A missing Tesseract or language pack stops a command at its start with one line and exit 4."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from formgen.core.errors import ExitCode
from ocr import tesseract

TESSDATA = Path(tesseract._tessdata() or "/usr/share/tesseract-ocr/5/tessdata")


def _formgen(tmp_path: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "formgen", "--workspace", str(tmp_path / "ws"),
                           *args], capture_output=True, text=True, env={**os.environ, **env},
                          cwd=Path(__file__).resolve().parents[2], timeout=120)


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    path = tmp_path / "scan.png"
    Image.new("L", (200, 280), 255).save(path)
    return path


@pytest.fixture
def tessdata_without(tmp_path: Path):
    """A TESSDATA_PREFIX holding the system's language data except the languages given."""

    def make(*left_out: str) -> str:
        folder = tmp_path / ("tessdata_no_" + "_".join(left_out))
        folder.mkdir()
        for data in TESSDATA.glob("*.traineddata"):
            if data.stem not in left_out:
                shutil.copy(data, folder / data.name)
        return str(folder)

    return make


def _one_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_missing_language_pack_stops_ingest(tmp_path, scan, tessdata_without):
    env = {"TESSDATA_PREFIX": tessdata_without("ind")}
    assert _formgen(tmp_path, "init", env=env).returncode == 0
    result = _formgen(tmp_path, "ingest", str(scan), env=env)
    assert result.returncode == ExitCode.missing_dependency == 4
    line = _one_line(result)
    assert "'ind'" in line and "sudo apt-get install tesseract-ocr-ind" in line
    assert line.startswith("galat: data bahasa Tesseract")
    # nothing was read or recorded: the page is not in review, the file not archived
    assert not any((tmp_path / "ws" / "originals").rglob("*.*"))


def test_missing_osd_data_named_in_english(tmp_path, scan, tessdata_without):
    env = {"TESSDATA_PREFIX": tessdata_without("osd")}
    _formgen(tmp_path, "init", env=env)
    result = _formgen(tmp_path, "ingest", "--lang", "en", str(scan), env=env)
    assert result.returncode == 4
    line = _one_line(result)
    assert line.startswith("error: Tesseract language data 'osd'")
    assert "sudo apt-get install tesseract-ocr-osd" in line


def test_missing_program_stops_dossier(tmp_path):
    assert shutil.which("tesseract"), "the test needs Tesseract installed to hide it"
    bin_dir = tmp_path / "bin"  # only the Python in use, no tesseract
    bin_dir.mkdir()
    env = {"PATH": str(bin_dir), "FORMGEN_TESSERACT": "cli"}
    _formgen(tmp_path, "init", env=env)
    result = _formgen(tmp_path, "dossier", "--all", env=env)
    assert result.returncode == 4
    line = _one_line(result)
    assert "Tesseract" in line and "sudo apt-get install tesseract-ocr tesseract-ocr-ind" in line


def test_nothing_missing_on_this_machine():
    tesseract.check_ready()
    tesseract.check_ready(command=True)
