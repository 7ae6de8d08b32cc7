"""A small real workspace for the reliability tests: roster, packs and simulated scans.

Built with the same parts as ``formgen demo`` (synthetic people only), at a low
resolution so that a test stays quick.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from formgen.core.workspace import init_workspace
from formgen.forms import generate_packs
from formgen.roster import import_roster
from scansim.people import make_people, write_roster_xlsx
from scansim.printed import printed_batch
from scansim.scan import simulate_returns

ROOT = Path(__file__).resolve().parents[2]
SCAN_DPI = 100
WORK_DPI = 150


def make_workspace(root: Path, scans: Path, *, applicants: int = 2, seed: int = 5,
                   defects: dict | None = None, file_mode: str | None = None):
    """A workspace with ``applicants`` imported and their packs printed, and their scans.

    Returns ``(people_by_id, batch)``; the scans are written to ``scans``
    (outside the workspace, as a scanner's folder would be).
    """
    kwargs = {"file_mode": file_mode} if file_mode else {}
    ws, people_by_id, batch = printed_batch(root, scans, applicants=applicants, seed=seed,
                                            dpi=WORK_DPI, scan_dpi=SCAN_DPI,
                                            defects=defects or {}, upside_down_rate=0.0,
                                            **kwargs)
    ws.close()
    return people_by_id, batch


def formgen(*args, workspace: Path, timeout: float = 300, env: dict | None = None,
            **popen) -> subprocess.CompletedProcess:
    """Run ``python -m formgen --workspace W ARGS`` from the source tree."""
    return subprocess.run([sys.executable, "-m", "formgen", "--workspace", str(workspace),
                           *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})}, **popen)


def integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# More awkward inputs, beside tests/badinputs.py ------------------------------------------

def nested_compression_pdf(folder: Path) -> Path:
    """One page whose content stream is deflated twice (/Filter [/FlateDecode /FlateDecode])."""
    import zlib

    content = b"BT /F1 36 Tf 40 300 Td (Hal 1) Tj ET 40 40 200 100 re f"
    stream = zlib.compress(zlib.compress(content))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(stream)
        + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path = folder / "bersarang.pdf"
    path.write_bytes(bytes(out))
    return path


def active_filled_pack(pack: Path, target: Path, *, field: str, value: str,
                       keep_pages: int = 2) -> Path:
    """A printed pack as a PDF reader would save it after filling ``field`` on its first page,
    carrying JavaScript, a launch action and an embedded file (its first ``keep_pages``)."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(pack))
    for index in range(len(writer.pages) - 1, keep_pages - 1, -1):
        writer.remove_page(index)
    writer.update_page_form_field_values(writer.pages[0], {field: value},
                                         auto_regenerate=False)
    writer.add_attachment("muatan.bat", b"echo jangan dijalankan\r\n")
    script = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject(
                                   "app.launchURL('http://example.invalid/', true);")})
    names = writer._root_object["/Names"].get_object()
    names[NameObject("/JavaScript")] = DictionaryObject({NameObject("/Names"): ArrayObject(
        [TextStringObject("mulai"), writer._add_object(script)])})
    launch = DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                               NameObject("/F"): TextStringObject("muatan.bat")})
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(launch)
    with target.open("wb") as handle:
        writer.write(handle)
    return target


ACTIVE_KEYS = ("/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles",
               "/OpenAction", "/AA")


def active_content(path: Path) -> set[str]:
    """Active-content keys found anywhere in a PDF (its raw bytes and every object)."""
    from pypdf import PdfReader

    raw = path.read_bytes()
    found = {key for key in ACTIVE_KEYS
             if any(key.encode() + end in raw for end in (b" ", b"/", b"<", b"("))}
    reader = PdfReader(str(path))
    seen: set[int] = set()

    def walk(obj, depth=0):
        if depth > 50:
            return
        if hasattr(obj, "idnum"):
            if obj.idnum in seen:
                return
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, dict):
            for key, value in obj.items():
                if key in ACTIVE_KEYS:
                    found.add(key)
                if value in ("/Launch", "/JavaScript"):
                    found.add(str(value))
                walk(value, depth + 1)
        elif isinstance(obj, list):
            for value in obj:
                walk(value, depth + 1)

    walk(reader.trailer)
    return found


# One real run shared by the tests of a session -------------------------------------------

_RUN: dict = {}
SHARED_NAME_FROM = 1   # applicant 2 gets applicant 1's name: two people, one name


def shared_run(base: Path) -> dict:
    """A workspace after one real ``formgen ingest --json`` of good and bad files, built once.

    Two applicants with the same name; the batch holds their simulated scans,
    the bad-input corpus, a filled pack carrying active content, a doubly
    compressed PDF and a folder with a symlink loop. Tests copy ``workspace``
    before changing anything.
    """
    if _RUN:
        return _RUN
    import shutil

    from tests.support import badinputs

    base.mkdir(parents=True, exist_ok=True)
    root, scans, inputs = base / "ws", base / "scans", base / "in"
    inputs.mkdir()
    people = make_people(2, seed=5)
    people[1]["nama"] = people[0]["nama"]
    ws, _ = init_workspace(root, dpi=WORK_DPI)
    try:
        roster = base / "roster.xlsx"
        write_roster_xlsx(people, roster)
        import_roster(ws, roster)
        by_nik = {r["nik"]: r["id"] for r in ws.conn.execute("SELECT id, nik FROM applicants")}
        people_by_id = {by_nik[p["nik"]]: p for p in people}
        packs = generate_packs(ws, all_applicants=True)["packs"]
        batch = simulate_returns(packs, scans, dpi=SCAN_DPI, seed=5, people=people_by_id,
                                 defects={}, upside_down_rate=0.0)
    finally:
        ws.close()
    corpus = {name: case.make(inputs) for name, case in badinputs.CORPUS.items()
              if name != "tiff_500_frames"}
    (inputs / "banyak").mkdir()
    corpus["tiff_many_frames"] = badinputs.tiff_500_frames(inputs / "banyak", frames=6)
    corpus["nested_compression"] = nested_compression_pdf(inputs)
    first = min(people_by_id)
    pack = next(Path(p["path"]) for p in packs if p["applicant"] == first)
    corpus["active_filled_pack"] = active_filled_pack(pack, inputs / "paket_isi.pdf",
                                                      field="no_hp", value="081299990000")
    loop = inputs / "putaran"
    loop.mkdir()
    badinputs.palette_png(loop)
    (loop / "ini").symlink_to(".", target_is_directory=True)
    (loop / "atas").symlink_to("..", target_is_directory=True)
    (loop / "salinan.png").symlink_to(loop / "palet.png")
    result = formgen("-v", "ingest", "--json", "-j", "2", *batch.files, *corpus.values(), loop,
                     workspace=root, timeout=600)
    shutil.copytree(root, base / "ws_after_ingest", symlinks=True)
    _RUN.update(base=base, workspace=root, pristine=base / "ws_after_ingest", batch=batch,
                people=people_by_id, corpus=corpus, loop=loop, result=result, packs=packs,
                active_applicant=first)
    return _RUN
