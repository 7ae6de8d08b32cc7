"""Uploading scans through the browser: one background worker reads them, progress is shown."""
from __future__ import annotations

import time

from starlette.testclient import TestClient

from formgen.web import create_app
from formgen.web.routes_intake import upload_name
from tests.support.badinputs import sample_pdf
from tests.web.conftest import login, page_csrf


def test_upload_names_are_made_safe():
    assert upload_name("../../etc/passwd", set()) == "passwd.bin"
    assert upload_name("C:\\scan\\Hal 1.PDF", set()) == "Hal_1.pdf"
    assert upload_name("/abs/scan.pdf", {"scan.pdf"}) == "scan-2.pdf"


def test_upload_is_read_in_the_background(staff_ws):
    with TestClient(create_app(staff_ws.root), follow_redirects=False) as client:
        assert login(client, "citra").status_code == 303
        files = [("files", ("../../a b.pdf", sample_pdf(2), "application/pdf")),
                 ("files", ("kedua.pdf", sample_pdf(1), "application/pdf"))]
        refused = client.post("/intake/upload", files=files)
        assert refused.status_code == 403
        token = page_csrf(client, "/intake")
        answer = client.post("/intake/upload", files=files,
                             headers={"X-CSRF-Token": token, "Accept": "application/json"})
        assert answer.status_code == 202, answer.text
        end = time.monotonic() + 120
        while time.monotonic() < end:
            jobs = client.get("/api/intake/jobs").json()["jobs"]
            if jobs and jobs[0]["state"] in ("done", "failed"):
                break
            time.sleep(0.3)
        job = jobs[0]
        assert job["state"] == "done", job
        assert job["total"] == 3 and job["done"] == 3
        assert "3" in job["summary"] and len(job["lines"]) == 2
        assert job["names"] == ["a_b.pdf", "kedua.pdf"]
    names = {r[0] for r in staff_ws.conn.execute("SELECT original_name FROM files")}
    assert names == {"a_b.pdf", "kedua.pdf"}
    assert staff_ws.conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 3
    assert not list((staff_ws.root / "tmp" / "uploads").glob("job*/*"))


def test_serve_watches_the_intake_folder(staff_ws, tmp_path):
    inbox = tmp_path / "pemindai"
    inbox.mkdir()
    with TestClient(create_app(staff_ws.root, intake_dir=inbox), follow_redirects=False) as client:
        (inbox / "scan_001.pdf").write_bytes(sample_pdf(2))
        end = time.monotonic() + 120
        while time.monotonic() < end and not (inbox / "processed" / "scan_001.pdf").exists():
            time.sleep(0.3)
        assert (inbox / "processed" / "scan_001.pdf").exists()
        assert login(client, "citra").status_code == 303
        assert "scan_001.pdf" in client.get("/intake").text
    assert staff_ws.conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 2


def test_upload_left_by_a_stopped_server_is_read_after_restart(staff_ws):
    left = staff_ws.root / "tmp" / "uploads" / "job000007"
    left.mkdir(parents=True)
    (left / "tertinggal.pdf").write_bytes(sample_pdf(2))
    (left / "setengah.pdf.part").write_bytes(sample_pdf(1)[:100])  # never finished arriving
    with TestClient(create_app(staff_ws.root), follow_redirects=False) as client:
        assert login(client, "citra").status_code == 303
        end = time.monotonic() + 120
        while time.monotonic() < end:
            jobs = client.get("/api/intake/jobs").json()["jobs"]
            if jobs and jobs[-1]["state"] == "done":
                break
            time.sleep(0.3)
        assert jobs[-1]["names"] == ["tertinggal.pdf"] and jobs[-1]["state"] == "done"
        _, folder = client.app.state.web.intake.upload_folder()
        assert folder.name == "job000008"  # new uploads never reuse a left folder
    assert staff_ws.conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 2
