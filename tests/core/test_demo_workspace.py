"""Where the demo may run: its own workspace, or one just initialised and still empty."""
from __future__ import annotations

import pytest

from formgen.core.errors import WorkspaceError
from formgen.core.workspace import init_workspace
from formgen.demo import DEMO_MARKER, prepare_demo_workspace
from scansim.records import add_applicant, nik_for


def test_a_freshly_initialised_workspace_takes_the_demo(tmp_path):
    ws, _ = init_workspace(tmp_path / "baru", paper="F4")
    ws.close()
    demo = prepare_demo_workspace(tmp_path / "baru")
    assert (tmp_path / "baru" / DEMO_MARKER).exists()
    assert demo.settings.paper == "F4"  # the office's settings are kept
    demo.close()


def test_a_workspace_with_applicants_is_refused(tmp_path):
    ws, _ = init_workspace(tmp_path / "kantor")
    add_applicant(ws, nik=nik_for(1), nama="BUDI")
    ws.close()
    with pytest.raises(WorkspaceError) as info:
        prepare_demo_workspace(tmp_path / "kantor")
    assert "data pemohon sungguhan" in info.value.message
    assert not (tmp_path / "kantor" / DEMO_MARKER).exists()


def test_the_cli_says_so_in_words(cli, tmp_path):
    assert cli("init").exit_code == 0
    ws_root = tmp_path / "ws"
    from formgen.core.workspace import open_workspace
    with open_workspace(ws_root) as ws:
        add_applicant(ws, nik=nik_for(2), nama="SITI")
    result = cli("demo")
    assert result.exit_code == 3 and "data pemohon sungguhan" in result.stderr
    assert "[" not in result.stderr
