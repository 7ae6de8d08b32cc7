"""The package sent to the LSP: every dossier and the recap in one zip, with SHA-256 sums."""
from __future__ import annotations

import hashlib
import zipfile
from datetime import date
from pathlib import Path

from formgen.core.atomic import atomic_open
from formgen.core.db import audit, write_transaction
from formgen.core.jinjaenv import render_text
from formgen.core.resources import template_path
from formgen.core.workspace import Workspace
from formgen.core.yamlfile import load_yaml
from formgen.domain.dates import format_numeric


def write_bundle(ws: Workspace, recap_files: list[Path]) -> dict:
    """Zip the dossiers on record and ``recap_files`` into recap/kiriman_LSP_<date>.zip.

    MANIFEST.txt lists ``<sha256>  <name>`` per file (``sha256sum -c`` reads it) under a
    note that any dossier password goes by another channel.
    """
    dossiers = [ws.root / r["path"] for r in ws.conn.execute(
        "SELECT path FROM dossiers ORDER BY applicant_id")]
    members = [(f"dossiers/{p.name}", p) for p in dossiers if p.is_file()]
    members += [(f"rekap/{Path(p).name}", Path(p)) for p in recap_files]
    layout = load_yaml(template_path("checklist", "recap.yaml"))
    today = date.today()
    head = render_text(layout["manifest_title"], office=ws.settings.office,
                       date=format_numeric(today))
    lines = [f"# {head}", *(f"# {line}" for line in layout["manifest_note"].splitlines()), ""]
    path = ws.dir("recap") / f"kiriman_LSP_{today.isoformat()}.zip"
    with atomic_open(path, "wb") as handle, zipfile.ZipFile(handle, "w") as zf:
        for arcname, source in members:
            data = source.read_bytes()
            lines.append(f"{hashlib.sha256(data).hexdigest()}  {arcname}")
            compress = zipfile.ZIP_STORED if arcname.endswith(".pdf") else zipfile.ZIP_DEFLATED
            zf.writestr(arcname, data, compress_type=compress)
        zf.writestr("MANIFEST.txt", "\n".join(lines) + "\n", compress_type=zipfile.ZIP_DEFLATED)
    with write_transaction(ws.conn):
        audit(ws.conn, "bundle", files=len(members))
    return {"bundle": str(path), "files": len(members)}
