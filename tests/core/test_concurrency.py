"""Two formgen processes on one workspace never corrupt it (WAL, busy timeout, immediate writes)."""
import multiprocessing as mp

from formgen.core import db
from formgen.core.workspace import open_workspace


def _writer(root: str, tag: str, count: int) -> None:
    ws = open_workspace(root)
    conn = ws.conn
    for i in range(count):
        with db.write_transaction(conn):
            before = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
            db.audit(conn, "probe", tag=tag, i=i, before=before)
    ws.close()


def _reader(root: str, count: int, out) -> None:
    ws = open_workspace(root)
    seen = 0
    for _ in range(count):
        seen = max(seen, ws.conn.execute("SELECT count(*) FROM audit").fetchone()[0])
    out.put(seen)
    ws.close()


def test_two_writers_and_a_reader(workspace):
    root = str(workspace.root)
    workspace.close()
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(root, "a", 150)),
             ctx.Process(target=_writer, args=(root, "b", 150)),
             ctx.Process(target=_reader, args=(root, 300, out))]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    ws = open_workspace(root)
    conn = ws.conn
    assert conn.execute("SELECT count(*) FROM audit WHERE action='probe'").fetchone()[0] == 300
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert out.get(timeout=5) >= 0
    ws.close()


def test_network_share_detection(tmp_path, monkeypatch):
    from formgen.core import workspace as wsmod

    monkeypatch.setattr(wsmod, "filesystem_type", lambda path: "cifs")
    assert wsmod.is_network_share(tmp_path)
    monkeypatch.setattr(wsmod, "filesystem_type", lambda path: "ext4")
    assert not wsmod.is_network_share(tmp_path)
