"""Bad input through the real CLI: one line per bad file, exit 1, and the rest ingested."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter

import pytest
from PIL import Image

from tests.support.badinputs import CORPUS
from tests.support.robust_workspace import shared_run

REJECTED = {name: case.code for name, case in CORPUS.items()
            if case.code and name not in ("truncated_jpeg",)}

pytestmark = pytest.mark.slow  # one real ingest of ~50 pages, shared


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return shared_run(tmp_path_factory.mktemp("shared"))


def _files(run) -> dict[str, dict]:
    return {entry["path"]: entry for entry in json.loads(run["result"].stdout)["files"]}


def test_exit_code_and_one_line_per_bad_file(run):
    result = run["result"]
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for name, code in REJECTED.items():
        path = str(run["corpus"][name])
        mine = [line for line in lines if line.startswith(f"{path}:")]
        assert len(mine) == 1, (name, mine)
        assert mine[0].endswith(f"[{code}]"), mine
    # the truncated JPEG: its page cannot be decoded, it is named and goes to review
    path = str(run["corpus"]["truncated_jpeg"])
    mine = [line for line in lines if line.startswith(f"{path}:")]
    assert len(mine) == 1 and "[truncated]" in mine[0], mine


def test_the_rest_of_the_batch_is_ingested(run):
    files = _files(run)
    for scan in run["batch"].files:
        entry = files[str(scan)]
        assert entry["status"] == "ingested" and not entry["page_errors"]
        assert entry["attributed"] + entry["blank"] + entry["review"] == entry["pages"]
        # the good scans lose nothing to the bad files beside them: only a KTP whose
        # identity the reader could not read with certainty waits for a person
        conn = sqlite3.connect(run["workspace"] / "formgen.db")
        waiting = conn.execute("SELECT p.doc FROM pages p WHERE p.sha256 = ? AND "
                               "p.review IS NOT NULL", (entry["sha256"],)).fetchall()
        conn.close()
        assert len(waiting) == entry["review"] and {d for (d,) in waiting} <= {"ktp"}
    expected_pages = {name: case.pages for name, case in CORPUS.items() if case.pages}
    expected_pages.pop("tiff_500_frames")
    expected_pages.update(tiff_many_frames=6, nested_compression=1, active_filled_pack=None)
    for name, pages in expected_pages.items():
        entry = files[str(run["corpus"][name])]
        assert entry["status"] == "ingested", (name, entry)
        if pages is not None:
            assert entry["pages"] == pages, name
        assert entry["attributed"] + entry["review"] + entry["blank"] == entry["pages"]
    for name, code in REJECTED.items():
        entry = files[str(run["corpus"][name])]
        assert (entry["status"], entry["error_code"]) == ("error", code)
    totals = json.loads(run["result"].stdout)["accounting"]
    assert totals["pages"] == totals["attributed"] + totals["review"] + totals["blank"]
    # the accounting line goes to stderr when stdout holds the JSON
    assert f"{totals['pages']} = " in run["result"].stderr.splitlines()[-1]


def test_repaired_pdf_names_its_recovered_pages(run):
    path = str(run["corpus"]["truncated_pdf_repairable"])
    entry = _files(run)[path]
    assert entry["repaired"] is True and entry["pages"] == 3
    assert any(line.startswith(f"{path}:") and " 3 " in line
               for line in run["result"].stderr.splitlines())


def test_symlink_loop_folder_ends_and_a_linked_file_counts_once(run):
    files = _files(run)
    inside = [p for p in files if p.startswith(str(run["loop"]))]
    assert inside == [str(run["loop"] / "palet.png")]


def test_pages_recorded_once_and_images_normalised(run):
    conn = sqlite3.connect(run["workspace"] / "formgen.db")
    conn.row_factory = sqlite3.Row
    per_page = Counter(tuple(r) for r in conn.execute("SELECT sha256, idx FROM pages"))
    assert per_page and max(per_page.values()) == 1
    for name in ("cmyk_jpeg", "png_16bit", "palette_png", "exif_rotated_jpeg", "jpeg_named_pdf"):
        original = run["corpus"][name].name
        (row,) = conn.execute("SELECT p.image_path FROM pages p JOIN files f USING (sha256) "
                              "WHERE f.original_name = ?", (original,)).fetchall()
        with Image.open(run["workspace"] / row["image_path"]) as image:
            image.load()
            assert image.format == "JPEG" and image.mode in ("RGB", "L"), name
    kinds = dict(conn.execute("SELECT original_name, kind FROM files").fetchall())
    assert kinds["ktp.pdf"] == "jpeg"          # a JPEG named .pdf is read as a JPEG
    assert kinds["unduhan.pdf"] is None        # HTML named .pdf: rejected, not archived
    conn.close()


def test_filled_form_values_are_findings_before_ocr(run):
    conn = sqlite3.connect(run["workspace"] / "formgen.db")
    conn.row_factory = sqlite3.Row
    rows = conn.execute(
        "SELECT f.name, f.value, f.confidence, p.applicant_id, p.doc, p.idx FROM findings f "
        "JOIN pages p ON p.id = f.page_id JOIN files USING (sha256) "
        "WHERE files.original_name = 'paket_isi.pdf' AND f.note = 'acroform'").fetchall()
    conn.close()
    by_name = {(r["doc"], r["name"]): r for r in rows}
    phone = by_name[("sampul", "no_hp")]
    assert json.loads(phone["value"]) == "081299990000" and phone["confidence"] == 1.0
    assert phone["applicant_id"] == run["active_applicant"] and phone["idx"] == 0
    person = run["people"][run["active_applicant"]]
    assert json.loads(by_name[("sampul", "nik")]["value"]) == person["nik"]
    # the typed value replaced what OCR read for that field: one finding per field and page
    names = Counter((r["idx"], r["name"]) for r in rows)
    assert max(names.values()) == 1
