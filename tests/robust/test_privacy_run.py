"""Personal data after a real run: owner-only files, safe names, quiet logs, export and purge."""
from __future__ import annotations

import getpass
import json
import re
import shutil
import sqlite3
import stat
import zipfile
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from formgen.core.safenames import applicant_filename
from tests.support.robust_workspace import active_content, formgen, integrity, shared_run

pytestmark = pytest.mark.slow  # one real ingest of ~50 pages, shared


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    """The shared ingest, then letters, dossiers for everyone, recap and an export, with -v."""
    run = shared_run(tmp_path_factory.mktemp("shared"))
    ws = tmp_path_factory.mktemp("privacy") / "ws"
    shutil.copytree(run["pristine"], ws, symlinks=True)
    steps = {}
    for args in (["check", "--letters"], ["dossier", "--all", "--force"], ["recap", "--bundle"],
                 ["export", "--applicant", "1"]):
        steps[args[0]] = result = formgen("-v", *args, workspace=ws)
        assert result.returncode in (0, 1), (args, result.stderr)
        assert "Traceback" not in result.stderr
    return dict(run, ws=ws, steps=steps)


def _secrets(people: dict) -> list[str]:
    out = []
    for person in people.values():
        out += [person["nik"], person["nama"], person["nama"].upper(), person["no_hp"]]
    return out


def test_everything_is_owner_only(full):
    for path in [full["ws"], *full["ws"].rglob("*")]:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            continue
        assert mode & 0o077 == 0, f"{path}: {oct(mode & 0o777)}"


def test_two_people_with_one_name_get_two_dossiers_inside_their_folder(full):
    conn = sqlite3.connect(full["ws"] / "formgen.db")
    rows = conn.execute("SELECT a.nama, d.path FROM dossiers d JOIN applicants a "
                        "ON a.id = d.applicant_id").fetchall()
    conn.close()
    assert len(rows) == 2 and rows[0][0] == rows[1][0]      # one name, two applicants
    paths = [full["ws"] / p for _, p in rows]
    assert len(set(paths)) == 2 and all(p.is_file() for p in paths)
    for path in paths:
        assert path.resolve().parent == (full["ws"] / "dossiers").resolve()
    # a hostile name stays one plain component
    name = applicant_filename("6201010101900001", "../../etc/passwd\\..\\x:y*z\x00")
    assert "/" not in name and "\\" not in name and ".." not in name and "\x00" not in name


def test_no_personal_data_in_verbose_logs(full):
    secrets = _secrets(full["people"])
    for step, result in full["steps"].items():
        for secret in secrets:
            assert secret not in result.stderr, (step, secret)
    for secret in secrets:
        assert secret not in full["result"].stderr


def test_no_personal_data_in_pdf_metadata(full):
    secrets = _secrets(full["people"])
    pdfs = [p for folder in ("dossiers", "packs", "letters")
            for p in (full["ws"] / folder).glob("*.pdf")]
    assert len(pdfs) >= 5
    for path in pdfs:
        reader = PdfReader(str(path))
        meta = " ".join(str(v) for v in (reader.metadata or {}).values())
        xmp = reader.xmp_metadata
        meta += str(xmp.rdf_root.toxml()) if xmp is not None else ""
        for secret in secrets:
            assert secret not in meta, (path.name, secret)


def test_bundle_says_the_password_goes_another_way(full):
    (bundle,) = (full["ws"] / "recap").glob("kiriman_LSP_*.zip")
    with zipfile.ZipFile(bundle) as zf:
        manifest = zf.read("MANIFEST.txt").decode("utf-8")
        assert not [n for n in zf.namelist() if "sandi" in n.lower() or "password" in n.lower()]
    assert "kata sandi" in manifest.lower() and "saluran lain" in manifest.lower()


def test_export_holds_the_applicants_data(full):
    person = full["people"][1]
    (export,) = (full["ws"] / "exports").glob(f"{person['nik']}_*.zip")
    with zipfile.ZipFile(export) as zf:
        data = json.loads(zf.read("data.json"))
        names = zf.namelist()
    assert data["applicant"]["nik"] == person["nik"]
    assert data["pages"] and all(p["applicant_id"] == 1 for p in data["pages"])
    assert any(n.startswith("halaman/") for n in names)
    assert any(n.startswith("berkas/") for n in names)
    assert full["people"][2]["nik"] not in json.dumps(data)   # nobody else's data
    conn = sqlite3.connect(full["ws"] / "formgen.db")
    who = conn.execute("SELECT user FROM audit WHERE action = 'export' AND applicant_id = 1"
                       ).fetchall()
    conn.close()
    assert who == [(getpass.getuser(),)]


def test_active_content_never_reaches_a_dossier(full):
    """The filled pack carried JavaScript, a launch action and an embedded file."""
    assert active_content(full["corpus"]["active_filled_pack"])  # the input does carry them
    dossiers = list((full["ws"] / "dossiers").glob("*.pdf"))
    assert dossiers
    for path in dossiers:
        assert active_content(path) == set(), path
        # outside the streams (compressed image bytes may hold any three letters by chance)
        data = re.sub(rb"stream\r?\n.*?endstream", b"", path.read_bytes(), flags=re.S)
        for key in (b"/JS", b"/Launch", b"/EmbeddedFile", b"muatan.bat"):
            assert key not in data, (path.name, key)


def test_purge_one_then_the_expired(full, tmp_path):
    ws = tmp_path / "ws"
    shutil.copytree(full["ws"], ws, symlinks=True)
    gone, stays = full["people"][1], full["people"][2]
    conn = sqlite3.connect(ws / "formgen.db")
    conn.row_factory = sqlite3.Row
    images = [r[0] for r in conn.execute("SELECT image_path FROM pages WHERE applicant_id = 1 "
                                         "AND image_path IS NOT NULL")]
    own_originals = [r[0] for r in conn.execute(
        "SELECT stored_path FROM files f WHERE EXISTS (SELECT 1 FROM pages p WHERE "
        "p.sha256 = f.sha256 AND p.applicant_id = 1) AND NOT EXISTS (SELECT 1 FROM pages p "
        "WHERE p.sha256 = f.sha256 AND (p.applicant_id IS NULL OR p.applicant_id != 1))")]
    shared = [r[0] for r in conn.execute(
        "SELECT stored_path FROM files f WHERE EXISTS (SELECT 1 FROM pages p WHERE "
        "p.sha256 = f.sha256 AND p.applicant_id = 1) AND EXISTS (SELECT 1 FROM pages p "
        "WHERE p.sha256 = f.sha256 AND p.applicant_id = 2)")]
    conn.close()
    assert images and own_originals and shared

    result = formgen("purge", "--applicant", gone["nik"], "--yes", "--json", workspace=ws)
    assert result.returncode == 0, result.stderr
    (report,) = json.loads(result.stdout)["purged"]
    assert report["originals_kept"]

    conn = sqlite3.connect(ws / "formgen.db")
    conn.row_factory = sqlite3.Row
    for table in ("applicants", "pages", "experience", "dossiers", "decisions"):
        column = "id" if table == "applicants" else "applicant_id"
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = 1").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM findings f LEFT JOIN pages p ON p.id = f.page_id "
                        "WHERE p.id IS NULL").fetchone()[0] == 0
    audit = conn.execute("SELECT user, action, applicant_id, detail FROM audit "
                         "WHERE action = 'purge'").fetchall()
    assert [(a["user"], a["applicant_id"]) for a in audit] == [(getpass.getuser(), 1)]
    assert json.loads(audit[0]["detail"])["originals_kept"] == len(report["originals_kept"])
    conn.close()
    for rel in images + own_originals:
        assert not (ws / rel).exists(), rel
    for rel in shared:
        assert (ws / rel).exists(), rel
    for folder in ("dossiers", "letters", "packs", "exports", "review"):
        assert not list((ws / folder).glob(f"{gone['nik']}_*")), folder
    assert not list((ws / "recap").iterdir())
    assert list((ws / "dossiers").glob(f"{stays['nik']}_*"))
    # the NIK is nowhere in the database files any more (rows overwritten, log truncated)
    for db_file in ws.glob("formgen.db*"):
        assert gone["nik"].encode() not in db_file.read_bytes(), db_file.name
    assert integrity(ws / "formgen.db") == "ok"

    # retention: only an applicant whose date has passed goes
    conn = sqlite3.connect(ws / "formgen.db")
    conn.execute("UPDATE applicants SET retention_until = ? WHERE id = 2",
                 ((date.today() - timedelta(days=1)).isoformat(),))
    conn.commit()
    conn.close()
    result = formgen("purge", "--expired", "--yes", "--json", workspace=ws)
    assert result.returncode == 0, result.stderr
    assert [r["applicant"] for r in json.loads(result.stdout)["purged"]] == [2]
    again = formgen("purge", "--expired", "--yes", "--json", workspace=ws)
    assert json.loads(again.stdout)["purged"] == []
