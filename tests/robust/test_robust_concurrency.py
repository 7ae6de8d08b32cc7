"""``formgen ingest`` and ``formgen check`` at the same time on one workspace: both succeed."""
from __future__ import annotations

import subprocess
import sys
import time

from formgen.core.workspace import init_workspace
from tests.support.badinputs import sample_image, sample_pdf
from tests.support.robust_workspace import ROOT, formgen, integrity


def test_ingest_and_check_side_by_side(tmp_path):
    root = tmp_path / "ws"
    init_workspace(root, dpi=150)[0].close()
    folder = tmp_path / "in"
    folder.mkdir()
    files = []
    for n in range(2):
        path = folder / f"kiriman_{n}.pdf"
        path.write_bytes(sample_pdf(1 + n))
        files.append(path)
    image = folder / "lampiran.png"
    sample_image().save(image)
    files.append(image)
    ingest = subprocess.Popen([sys.executable, "-m", "formgen", "--workspace", str(root),
                               "ingest", "-j", "1", *map(str, files)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    checks = []
    try:
        # The first check starts while ingest is still importing; on a loaded machine
        # ingest may end before a second one, which then reads the finished workspace.
        while ingest.poll() is None or len(checks) < 2:
            checks.append(formgen("check", "--json", workspace=root, timeout=120))
            time.sleep(0.2)
        out, err = ingest.communicate(timeout=300)
    finally:
        if ingest.poll() is None:
            ingest.kill()
    assert ingest.returncode == 0, err
    assert len(checks) >= 2
    for check in checks:
        assert check.returncode == 0, check.stderr
        assert "Traceback" not in check.stderr and "locked" not in check.stderr
    assert integrity(root / "formgen.db") == "ok"
    final = formgen("pages", "--json", workspace=root)
    assert final.returncode == 0 and final.stdout.count('"index"') == 1 + 2 + 1
