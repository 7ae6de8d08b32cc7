"""Scans nobody on the project made (OCRmyPDF's and Tesseract's test files), each a file of
its own: every page accounted for, none filed under anyone, each in review with a reason."""
from __future__ import annotations

import hashlib
from pathlib import Path

from tests.support.cli import workspace_cli

OUTSIDE = Path(__file__).resolve().parents[2] / "benchmarks" / "outside"
# file -> its pages: four cardinal turns, three pages of odd sizes, an RGBA TIFF on its side
FILES = {"ocrmypdf/cardinal.pdf": 4, "ocrmypdf/3small.pdf": 3, "tesseract/phototestrot.tif": 1}
OUR_FORMS = {"sampul", "permohonan", "pengalaman_kerja", "pernyataan_kebenaran"}


def test_outside_scans_are_all_accounted_for_and_wait_in_review(tmp_path):
    run = workspace_cli(tmp_path / "ws")
    run("init", "--dpi", "150")
    paths = [OUTSIDE / name for name in FILES]
    ingested = run("ingest", *paths, "--jobs", "1", "--json")
    assert [f["status"] for f in ingested["files"]] == ["ingested"] * len(FILES)
    pages = run("pages", "--json")["pages"]
    for path, count in zip(paths, FILES.values(), strict=True):
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        own = [p for p in pages if p["sha256"] == sha]
        assert sorted(p["index"] for p in own) == list(range(count)), path.name
    assert len(pages) == sum(FILES.values())
    for page in pages:
        assert page["applicant"] is None and page["review"], page
        assert page["doc"] not in OUR_FORMS, page
