"""An applicant's rights over their data (UU 27/2022): access (export) and erasure (purge).

Purge removes an applicant everywhere formgen keeps them: records, findings
(the OCR text), page images, thumbnails, dossiers, letters, certificates,
printed packs and exports, and recaps (recaps, combined print files and
combined letters hold everyone, so they are removed and must be written
again). An original scan that also holds other applicants' pages is kept;
the purge is recorded in the audit log with the OS user who ran it.
"""
from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

from formgen.core import db
from formgen.core.atomic import atomic_open
from formgen.core.safenames import applicant_filename
from formgen.core.workspace import Workspace

_TABLE_EXPORT = ("applicants", "experience", "packs", "dossiers", "decisions")


def _rows(conn, sql: str, args: tuple) -> list[dict]:
    return [dict(r) for r in conn.execute(sql, args)]


def export_applicant(ws: Workspace, applicant_id: int) -> Path:
    """A zip in exports/ with the applicant's data, page images, dossiers and processing history."""
    conn = ws.conn
    applicant = conn.execute("SELECT * FROM applicants WHERE id = ?", (applicant_id,)).fetchone()
    data = {
        "applicant": dict(applicant),
        "experience": _rows(conn, "SELECT * FROM experience WHERE applicant_id = ?",
                            (applicant_id,)),
        "pages": _rows(conn, "SELECT * FROM pages WHERE applicant_id = ?", (applicant_id,)),
        "findings": _rows(conn, "SELECT f.* FROM findings f JOIN pages p ON p.id = f.page_id "
                                "WHERE p.applicant_id = ?", (applicant_id,)),
        "decisions": _rows(conn, "SELECT * FROM decisions WHERE applicant_id = ?",
                           (applicant_id,)),
        "dossiers": _rows(conn, "SELECT * FROM dossiers WHERE applicant_id = ?", (applicant_id,)),
        "processing_history": _rows(conn, "SELECT at, user, action, detail FROM audit "
                                          "WHERE applicant_id = ? ORDER BY id", (applicant_id,)),
    }
    target = ws.dir("exports") / applicant_filename(applicant["nik"], applicant["nama"],
                                                    suffix=".zip", applicant_id=applicant_id)
    with atomic_open(target, "wb") as handle, zipfile.ZipFile(handle, "w",
                                                                zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str))
        for page in data["pages"]:
            if page["image_path"] and (ws.root / page["image_path"]).exists():
                bundle.write(ws.root / page["image_path"],
                             f"halaman/{page['id']:06d}_{page['doc'] or 'lain'}.jpg")
        for dossier in data["dossiers"]:
            if (ws.root / dossier["path"]).exists():
                bundle.write(ws.root / dossier["path"], f"berkas/{Path(dossier['path']).name}")
    with db.write_transaction(conn):
        db.audit(conn, "export", applicant_id=applicant_id)
    return target


def _remove(path: Path, removed: list[str]) -> None:
    try:
        path.chmod(0o600)
        path.unlink()
        removed.append(str(path))
    except FileNotFoundError:
        pass


def purge_applicant(ws: Workspace, applicant_id: int) -> dict:
    """Erase one applicant; returns a report of what was removed and what was kept."""
    conn = ws.conn
    root = ws.root
    report: dict = {"applicant": applicant_id, "files_removed": [], "originals_kept": [],
                    "rows": {}}
    person = conn.execute("SELECT nik FROM applicants WHERE id = ?", (applicant_id,)).fetchone()
    own_prefix = _file_prefix(person["nik"] if person else None, applicant_id)
    pages = conn.execute("SELECT id, sha256, image_path FROM pages WHERE applicant_id = ?",
                         (applicant_id,)).fetchall()
    certificates = _certificate_paths(conn, applicant_id)
    dossiers = conn.execute("SELECT path FROM dossiers WHERE applicant_id = ?",
                            (applicant_id,)).fetchall()
    shas = sorted({p["sha256"] for p in pages})
    with db.write_transaction(conn):
        report["rows"]["pages"] = len(pages)
        report["rows"]["findings"] = conn.execute(
            "SELECT count(*) FROM findings f JOIN pages p ON p.id = f.page_id "
            "WHERE p.applicant_id = ?", (applicant_id,)).fetchone()[0]
        conn.execute("DELETE FROM findings WHERE page_id IN "
                     "(SELECT id FROM pages WHERE applicant_id = ?)", (applicant_id,))
        conn.execute("DELETE FROM decisions WHERE applicant_id = ? OR page_id IN "
                     "(SELECT id FROM pages WHERE applicant_id = ?)", (applicant_id, applicant_id))
        conn.execute("DELETE FROM pages WHERE applicant_id = ?", (applicant_id,))
        for table in ("experience", "dossiers"):
            report["rows"][table] = conn.execute(
                f"DELETE FROM {table} WHERE applicant_id = ?", (applicant_id,)).rowcount
        # the pack number stays (a late scan of it goes to review); its file, named
        # after the applicant, goes below
        conn.execute("UPDATE packs SET applicant_id = NULL, path = NULL WHERE applicant_id = ?",
                     (applicant_id,))
        for extra in _optional_tables(conn):
            conn.execute(f"DELETE FROM {extra} WHERE applicant_id = ?", (applicant_id,))
        report["rows"]["applicants"] = conn.execute(
            "DELETE FROM applicants WHERE id = ?", (applicant_id,)).rowcount
        # an original holding nobody else's pages goes; one shared with others stays
        for sha in shas:
            others = conn.execute("SELECT count(*) FROM pages WHERE sha256 = ?",
                                  (sha,)).fetchone()[0]
            row = conn.execute("SELECT stored_path FROM files WHERE sha256 = ?", (sha,)).fetchone()
            if others:
                report["originals_kept"].append(sha)
            elif row:
                if row["stored_path"]:
                    _remove(root / row["stored_path"], report["files_removed"])
                conn.execute("DELETE FROM files WHERE sha256 = ?", (sha,))
        db.audit(conn, "purge", applicant_id=applicant_id, pages=len(pages),
                 originals_kept=len(report["originals_kept"]))
    # erased rows are overwritten (secure_delete); the write-ahead log holding them goes too
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for page in pages:
        if page["image_path"]:
            _remove(root / page["image_path"], report["files_removed"])
        _remove(root / "review" / f"halaman_{page['id']:06d}.png", report["files_removed"])
    for rel in [d["path"] for d in dossiers] + certificates:
        _remove(root / rel, report["files_removed"])
    # files named after the applicant, wherever formgen writes them
    for folder in _OWN_FILE_FOLDERS:
        for path in sorted((root / folder).glob(f"{own_prefix}*")):
            if path.is_file():
                _remove(path, report["files_removed"])
    # files that hold everyone: written again from what is left
    for folder, pattern in _SHARED_FILES:
        for path in sorted((root / folder).glob(pattern)):
            if path.is_file():
                _remove(path, report["files_removed"])
    return report


# Folders whose files are named ``<NIK or ID000123>_<NAMA>…`` (see safenames.applicant_filename).
_OWN_FILE_FOLDERS = ("dossiers", "letters", "sertifikat", "packs", "exports")
# Files holding several applicants at once.
_SHARED_FILES = (("recap", "*"), ("packs", "cetak_*"), ("letters", "*_gabungan.pdf"))


def _file_prefix(nik: str | None, applicant_id: int) -> str:
    """The start of every file name made for this applicant (the separator included)."""
    return f"{nik}_" if nik and nik.isdigit() else f"ID{applicant_id:06d}_"


def _certificate_paths(conn, applicant_id: int) -> list[str]:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "certificates" not in names:
        return []
    return [r[0] for r in conn.execute(
        "SELECT path FROM certificates WHERE applicant_id = ? AND path IS NOT NULL",
        (applicant_id,))]


def _optional_tables(conn) -> list[str]:
    """Tables added by later migrations that hold an applicant_id column."""
    known = {"experience", "dossiers", "pages", "decisions", "audit", "packs"}
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return [n for n in names if n not in known and n != "applicants" and any(
        c[1] == "applicant_id" for c in conn.execute(f"PRAGMA table_info({n})"))]


def expired_applicants(ws: Workspace, *, today: date | None = None) -> list[int]:
    today = today or date.today()
    return [r["id"] for r in ws.conn.execute(
        "SELECT id FROM applicants WHERE retention_until IS NOT NULL AND retention_until < ?",
        (today.isoformat(),))]
