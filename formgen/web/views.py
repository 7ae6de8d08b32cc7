"""What the applicant and dashboard screens show, gathered from the library in one call each."""
from __future__ import annotations

import json
import sqlite3

from formgen.checks import load_rules
from formgen.core.workspace import Workspace
from formgen.roster.store import select_applicants

STATUS_ORDER = ("perlu_diperiksa", "belum_lengkap", "lengkap")
_FACT_KEYS = ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat",
              "kelurahan", "kecamatan", "no_hp", "pendidikan", "jabatan_kerja", "jenjang")


def applicant_list(verdicts: list[dict], *, query: str = "", status: str = "") -> list[dict]:
    query = " ".join(query.split()).upper()
    rows = [v for v in verdicts
            if (not query or query in (v["nama"] or "").upper() or query in (v["nik"] or ""))
            and (not status or v["status"] == status)]
    rows.sort(key=lambda v: (STATUS_ORDER.index(v["status"]), v["nama"]))
    return rows


def applicant_view(ws: Workspace, applicant_id: int, *, verdicts: dict[int, dict], evidence,
                   fields: list) -> dict:
    """One applicant's screen from the shared reads (``formgen.web.state.WebState``)."""
    conn = ws.conn
    (person,) = select_applicants(conn, applicant_id)
    verdict = verdicts[applicant_id]
    requirements = []
    for req in load_rules().requirements:
        counted = evidence.counted_pages(applicant_id, req.docs)
        waiting = [p for p in evidence.review_pages(applicant_id) if p.doc in req.docs]
        requirements.append({"code": req.code, "title": req.title,
                             **verdict["requirements"][req.code],
                             "pages": [p.id for p in counted + waiting if p.image_path]})
    dossier = conn.execute("SELECT * FROM dossiers WHERE applicant_id = ?",
                           (applicant_id,)).fetchone()
    batch = conn.execute("SELECT name FROM batches WHERE id = ?",
                         (person["batch_id"],)).fetchone() if person["batch_id"] else None
    return {"person": person, "facts": [(k, person.get(k)) for k in _FACT_KEYS],
            "verdict": verdict, "requirements": requirements,
            "fields_waiting": sum(1 for f in fields if f.applicant_id == applicant_id),
            "dossier": dict(dossier) if dossier else None,
            "batch": batch["name"] if batch else None, "history": history(conn, applicant_id)}


def history(conn: sqlite3.Connection, applicant_id: int, limit: int = 40) -> list[dict]:
    rows = conn.execute("SELECT at, user, action, detail FROM audit WHERE applicant_id = ? "
                        "ORDER BY id DESC LIMIT ?", (applicant_id, limit)).fetchall()
    out = []
    for r in rows:
        detail = json.loads(r["detail"]) if r["detail"] else {}
        out.append({"at": r["at"][:16].replace("T", " "), "user": r["user"],
                    "action": r["action"], "detail": detail})
    return out
