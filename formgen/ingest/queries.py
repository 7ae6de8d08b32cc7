"""Read pages and their findings back out of the workspace (``formgen pages``)."""
from __future__ import annotations

import json
import sqlite3

# The values an attachment's reader puts under a page's ``fields`` (SPEC §7).
# A pas foto sheet's: the name written under the photos.
READER_FIELDS = {"ijazah": ("nama", "jenjang", "tahun", "sekolah", "nomor"),
                 "pas_foto": ("nama",)}


def _value(text: str | None):
    return json.loads(text) if text else None


# Values a card reader's findings contribute to a page's ``fields`` (SPEC §7).
CARD_FIELDS = {"ktp": ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
                       "alamat")}
MIN_FIELD_CONFIDENCE = 0.6      # below it a value waits for a person: shown as null


def _fields(own: list[sqlite3.Row]) -> dict:
    """A page's ``fields``: a form's boxes by name, a card's values as SPEC §7 names them
    (null when not read with confidence: never a guess)."""
    fields = {f["name"]: _value(f["value"]) for f in own if f["kind"] == "field"}
    for f in own:
        if f["name"] in CARD_FIELDS.get(f["kind"], ()):
            sure = (f["confidence"] or 0.0) >= MIN_FIELD_CONFIDENCE
            fields[f["name"]] = _value(f["value"]) if sure else None
        elif f["name"] in READER_FIELDS.get(f["kind"], ()):   # null when not read
            fields.setdefault(f["name"], _value(f["value"]))
    return fields


def read_values(conn: sqlite3.Connection, page_id: int,
                doc: str | None) -> list[tuple[str, object]]:
    """What the reader of an attachment read on page ``page_id``, in its fields' order:
    (field, value or None when not read with confidence); [] for other pages."""
    names = CARD_FIELDS.get(doc or "", ()) + READER_FIELDS.get(doc or "", ())
    if not names:
        return []
    own = conn.execute("SELECT * FROM findings WHERE page_id = ? ORDER BY id",
                       (page_id,)).fetchall()
    fields = _fields([f for f in own if f["kind"] == doc])
    return [(name, fields.get(name)) for name in names]


def list_pages(conn: sqlite3.Connection, *, applicant_id: int | None = None,
               review_only: bool = False) -> list[dict]:
    """Pages in SPEC §7 shape (plus ``id``, ``file``, ``rejected``, ``image``, ``findings``).

    ``applicant`` is null exactly when ``review`` is not. A page a person
    rejected belongs to nobody: ``applicant`` null, ``review`` "rejected" and
    ``rejected`` true; it is not in the queue (``review_only`` leaves it out).
    """
    where, args = ["1=1"], []
    if applicant_id is not None:
        where.append("p.applicant_id = ?")
        args.append(applicant_id)
    if review_only:
        where.append("p.review IS NOT NULL AND p.rejected = 0")
    rows = conn.execute(
        f"SELECT p.*, a.nik, f.original_name FROM pages p "
        f"LEFT JOIN applicants a ON a.id = p.applicant_id "
        f"JOIN files f ON f.sha256 = p.sha256 WHERE {' AND '.join(where)} "
        f"ORDER BY f.created_at, p.sha256, p.idx", args).fetchall()
    findings: dict[int, list[sqlite3.Row]] = {}
    if rows:
        ids = [r["id"] for r in rows]
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for f in conn.execute(f"SELECT * FROM findings WHERE page_id IN ({marks}) "
                                  f"ORDER BY id", chunk):
                findings.setdefault(f["page_id"], []).append(f)
    pages = []
    for r in rows:
        own = findings.get(r["id"], [])
        signatures = {f["name"]: _value(f["value"]) for f in own if f["kind"] == "signature"}
        materai = [_value(f["value"]) for f in own if f["kind"] == "materai"]
        fields = _fields(own)
        pages.append({
            "id": r["id"], "sha256": r["sha256"], "index": r["idx"], "file": r["original_name"],
            "applicant": r["applicant_id"], "nik": r["nik"], "doc": r["doc"],
            "review": r["review"], "rejected": bool(r["rejected"]),
            "signatures": signatures, "materai": materai[0] if materai else None,
            "fields": fields, "color": bool(r["is_color"]), "rotation": r["rotation"],
            "image": r["image_path"],
            "findings": [{"id": f["id"], "kind": f["kind"], "name": f["name"],
                          "value": _value(f["value"]), "confidence": f["confidence"],
                          "expected": _value(f["expected"]),
                          "ok": None if f["ok"] is None else bool(f["ok"]), "note": f["note"]}
                         for f in own],
        })
    return pages
