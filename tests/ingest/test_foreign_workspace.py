"""A scan printed by another workspace counts for nobody here, is announced, and goes at once."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from formgen.checks import check_applicants
from formgen.cli import main
from formgen.core.workspace import init_workspace
from formgen.forms import generate_packs
from scansim.records import complete_applicant, nik_for
from tests.support.pack_support import add_applicant

pytestmark = pytest.mark.slow  # one real ingest of a five-page pack


def run(root, *args):
    return CliRunner().invoke(main, ["--workspace", str(root), *map(str, args)],
                              catch_exceptions=False)


def test_foreign_pages_touch_no_applicant_and_go_with_one_command(tmp_path):
    here, _ = init_workspace(tmp_path / "here", dpi=150)
    mine = complete_applicant(here, nik=nik_for(1), nama="BUDI SANTOSO", images=False)
    here.close()
    there, _ = init_workspace(tmp_path / "there", dpi=150)
    theirs = add_applicant(there)
    assert theirs == mine == 1  # the same number in both offices
    (pack,) = generate_packs(there, applicant_ids=[theirs])["packs"]
    there.close()
    scan = tmp_path / "kiriman_kantor_lain.pdf"
    scan.write_bytes(open(pack["path"], "rb").read())  # noqa: PTH123 - a copy, as handed in

    result = run(tmp_path / "here", "ingest", scan, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["files"][0]["foreign_pages"] == 5
    notice = [line for line in result.stderr.splitlines() if "ruang kerja lain" in line]
    assert len(notice) == 1 and "5 halaman dari ruang kerja lain" in notice[0]
    assert "review reject --file kiriman_kantor_lain.pdf" in notice[0]

    from formgen.core.workspace import open_workspace

    with open_workspace(tmp_path / "here") as ws:
        (verdict,) = check_applicants(ws, applicant=mine)
        assert verdict["status"] == "lengkap", verdict  # nothing waits in their name
    check = run(tmp_path / "here", "check")
    assert "menunggu pemeriksaan" not in check.stdout

    rejected = run(tmp_path / "here", "review", "reject", "--file", scan.name)
    assert rejected.exit_code == 0, rejected.output
    assert "5 halaman ditolak" in rejected.stdout
    queue = json.loads(run(tmp_path / "here", "review", "--json").stdout)
    assert queue["pages"] == []
    with open_workspace(tmp_path / "here") as ws:
        decisions = ws.conn.execute("SELECT count(*) FROM decisions WHERE action = 'reject'"
                                    ).fetchone()[0]
        audited = ws.conn.execute("SELECT count(*) FROM audit WHERE action = 'review_reject'"
                                  ).fetchone()[0]
        assert decisions == audited == 5
    again = run(tmp_path / "here", "review", "reject", "--reason", "foreign_workspace")
    assert again.exit_code == 1 and "tidak ada halaman" in again.stderr
