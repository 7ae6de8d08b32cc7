"""The recap workbook for the LSP committee, the Disdukcapil clarification list and SIKI entry.

One xlsx in recap/ with the sheets ``LSP``, ``Disdukcapil`` and ``SIKI`` and the
same sheets as CSV (UTF-8 with BOM, so Excel opens them). Columns come from
form_templates/checklist/recap.yaml; every cell goes through
:func:`formgen.core.cells.safe_cell`, and a NIK is always text.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from formgen.checks import check_applicants, load_evidence, load_rules, pages_by_requirement
from formgen.core.atomic import atomic_open, write_bytes
from formgen.core.cells import safe_cell
from formgen.core.db import audit, write_transaction
from formgen.core.i18n import language, t
from formgen.core.jinjaenv import render_text
from formgen.core.resources import template_path
from formgen.core.workspace import Workspace
from formgen.core.yamlfile import load_yaml
from formgen.domain.dates import format_numeric
from formgen.domain.jabatan import find_jabatan, kualifikasi

XLSX_NAME = "rekap.xlsx"
# written and formatted as text
TEXT_KEYS = {"nik", "blank_nik", "no_hp", "npwp", "kode_pos", "no_ijazah"}
MAX_WIDTH = 60


def recap_layout() -> dict:
    return load_yaml(template_path("checklist", "recap.yaml"))


def _rows(ws: Workspace, verdicts: list[dict] | None = None
          ) -> tuple[dict[str, list[list[tuple[str, object]]]], dict[str, list[int]]]:
    """Per sheet, the rows as (key, value) lists in column order, and whose each row is.

    ``verdicts``: every applicant's, when the caller has them already (their wording is
    then the caller's); else judged here in Indonesian, as the LSP and Disdukcapil read it.
    """
    layout = recap_layout()
    rules = load_rules()
    if verdicts is None:
        with language("id"):
            verdicts = check_applicants(ws)
    verdicts = {v["applicant"]: v for v in verdicts}
    evidence = load_evidence(ws.conn)
    conn = ws.conn
    batches = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM batches")}
    dossiers = {r["applicant_id"]: Path(r["path"]).name
                for r in conn.execute("SELECT applicant_id, path FROM dossiers ORDER BY id")}
    read = _ijazah_readings(evidence, rules.min_confidence)
    sheets: dict[str, list] = {name: [] for name in layout["sheets"]}
    owners: dict[str, list[int]] = {name: [] for name in layout["sheets"]}
    wilayah = {str(k): v for k, v in (layout.get("wilayah") or {}).items()}
    for no, person in enumerate(conn.execute("SELECT * FROM applicants ORDER BY id"), start=1):
        p = dict(person)
        verdict = verdicts[p["id"]]
        nik = p["nik"] or ""
        dossier = dossiers.get(p["id"], "")
        refs: dict[str, list[int]] = {}
        for n, item in enumerate(pages_by_requirement(evidence, p["id"], rules), start=2):
            refs.setdefault(item.requirement, []).append(n)

        def ref(code: str, refs=refs, dossier=dossier) -> str:
            pages = refs.get(code)
            if not dossier or not pages:
                return ""
            span = str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"
            return render_text(layout["file_ref"], dossier=dossier, pages=span)

        alamat = ", ".join(x for x in (p["alamat"], p["kelurahan"], p["kecamatan"]) if x)
        job = find_jabatan(p["jabatan_kerja"])
        ijazah = read.get(p["id"], {})
        base = {
            "nomor": no, "applicant_id": p["id"], "nik": nik, "nama": p["nama"] or "",
            "tempat_lahir": p["tempat_lahir"] or "",
            "tanggal_lahir": format_numeric(p["tanggal_lahir"]),
            "jenis_kelamin": (layout.get("jenis_kelamin") or {}).get(p["jenis_kelamin"], ""),
            "alamat": p["alamat"] or "", "kelurahan": p["kelurahan"] or "",
            "kecamatan": p["kecamatan"] or "", "alamat_lengkap": alamat,
            "no_hp": p["no_hp"] or "", "email": p["email"] or "",
            "pendidikan": p["pendidikan"] or "", "jabatan_kerja": p["jabatan_kerja"] or "",
            "jenjang": p["jenjang"], "batch": batches.get(p["batch_id"], ""),
            "status": t(f"check.applicant_status.{verdict['status']}"),
            "reasons": "; ".join(f"{rules.requirement(code).short}: {r}"
                                 for code, req in verdict["requirements"].items()
                                 for r in req["reasons"]),
            "dossier": dossier,
            "ttl": ", ".join(x for x in (p["tempat_lahir"], format_numeric(p["tanggal_lahir"]))
                             if x),
            "negara": layout.get("negara", ""),
            "propinsi": wilayah.get(nik[:2], ""), "kabupaten": wilayah.get(nik[:4], ""),
            "tahun_lulus": p["tahun_lulus"] or ijazah.get("tahun", ""),
            "kualifikasi": kualifikasi(p["jenjang"]),
            "klasifikasi": job.klasifikasi if job else "",
            "subklasifikasi": job.subklasifikasi if job else "",
            # for residents the NIK serves as NPWP (PMK 112/PMK.03/2022)
            "npwp": p["npwp"] or nik, "kode_pos": p["kode_pos"] or "",
            "iso_tanggal_lahir": p["tanggal_lahir"] or "",
            "nama_sekolah": p["nama_sekolah"] or ijazah.get("sekolah", ""),
            "no_ijazah": p["no_ijazah"] or ijazah.get("nomor", ""),
            "program_studi": p["program_studi"] or "",
            "alamat_sekolah": p["alamat_sekolah"] or "",
            "propinsi_sekolah": p["propinsi_sekolah"] or "",
            "kabupaten_sekolah": p["kabupaten_sekolah"] or "",
            "blank": "", "blank_nik": "",
            **{f"file_{r.code}": ref(r.code) for r in rules.requirements},
        }
        req_cols = [(r.short, t(f"check.status.{verdict['requirements'][r.code]['status']}"))
                    for r in rules.requirements]
        projects = [dict(r) for r in conn.execute(
            "SELECT * FROM experience WHERE applicant_id = ? ORDER BY mulai, id", (p["id"],))]
        per_project = set(layout.get("per_proyek") or ())
        for sheet, columns in layout["sheets"].items():
            for project in projects if sheet in per_project else [{}]:
                values = {**base, "nama_proyek": project.get("nama_proyek") or "",
                          "lokasi_proyek": project.get("lokasi") or "",
                          "tanggal_awal": project.get("mulai") or "",
                          "tanggal_akhir": project.get("selesai") or "",
                          "jabatan": project.get("jabatan") or "",
                          "nilai_proyek": project.get("nilai_proyek") or "",
                          "jenis_pengalaman": project.get("jenis_pengalaman") or "",
                          "pemberi_kerja": project.get("pemberi_kerja") or ""}
                row = []
                for _header, key in columns:
                    if key == "requirements":
                        row += [(f"req:{h}", v) for h, v in req_cols]
                    else:
                        row.append((key, values[key]))
                sheets[sheet].append(row)
                owners[sheet].append(p["id"])
    return sheets, owners


def _ijazah_readings(evidence, min_confidence: float) -> dict[int, dict[str, str]]:
    """Per applicant, what was read on their ijazah (tahun, sekolah, nomor): read surely,
    or confirmed or typed by a person; a value read unsurely stays out of the recap (its
    cell left empty, so the recap asks for it) rather than reach SIKI misread."""
    read: dict[int, dict[str, str]] = {}
    for page in evidence.pages.values():
        if page.doc == "ijazah" and page.applicant_id and not page.rejected:
            for fact in evidence.facts.get(page.id, ()):
                if fact.kind == "ijazah" and fact.name in ("tahun", "sekolah", "nomor") \
                        and fact.value and (fact.decision == "accept" or
                                            fact.decision is None and
                                            fact.confidence >= min_confidence):
                    read.setdefault(page.applicant_id, {})[fact.name] = str(fact.value)
    return read


def siki_missing(ws: Workspace, verdicts: list[dict] | None = None) -> dict[int, list[str]]:
    """Per applicant id, the keys of the SIKI fields still empty (``proyek``: no project);
    ``verdicts``: every applicant's, when the caller has judged them already."""
    return _siki_missing(*_rows(ws, verdicts))


def siki_column(key: str) -> str:
    """The SIKI column name of a recap key (``proyek`` for the project sheet as a whole)."""
    for columns in recap_layout()["sheets"].values():
        for header, column_key in columns:
            if column_key == key:
                return str(header)
    return key


def _siki_missing(sheets: dict[str, list], owners: dict[str, list[int]]) -> dict[int, list[str]]:
    layout = recap_layout()
    missing: dict[int, list[str]] = {i: [] for rows in owners.values() for i in rows}
    for sheet, keys in (layout.get("siki_wajib") or {}).items():
        for applicant, row in zip(owners[sheet], sheets[sheet], strict=True):
            values = dict(row)
            missing[applicant] += [k for k in keys
                                   if values.get(k) in (None, "") and k not in missing[applicant]]
        if sheet in (layout.get("per_proyek") or ()):
            for applicant in set(missing) - set(owners[sheet]):
                missing[applicant].append("proyek")
    return missing


def _headers(layout: dict, sheet: str) -> list[tuple[str, str]]:
    out = []
    for header, key in layout["sheets"][sheet]:
        if key == "requirements":
            out += [(r.short, f"req:{r.short}") for r in load_rules().requirements]
        else:
            out.append((str(header), key))
    return out


def build_workbook(sheets: dict[str, list]) -> Workbook:
    layout = recap_layout()
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        sheet = wb.create_sheet(name)
        headers = _headers(layout, name)
        sheet.append([safe_cell(h) for h, _ in headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        widths = [len(h) for h, _ in headers]
        for r, row in enumerate(rows, start=2):
            for c, (key, value) in enumerate(row, start=1):
                text = key in TEXT_KEYS
                cell = sheet.cell(row=r, column=c,
                                  value=safe_cell(str(value) if text else value))
                if text:
                    cell.number_format = "@"
                widths[c - 1] = max(widths[c - 1], len(str(cell.value or "")))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = min(width + 2, MAX_WIDTH)
        sheet.freeze_panes = "A2"
        if rows:
            sheet.auto_filter.ref = sheet.dimensions
        if name == "Disdukcapil":
            # the answer column offers its two answers; the NIK correction column stays text
            col = next(i for i, (h, _) in enumerate(headers, start=1) if h.startswith("Jawaban"))
            letter = get_column_letter(col)
            dv = DataValidation(type="list", formula1='"sesuai,tidak sesuai"', allow_blank=True)
            sheet.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{max(2, len(rows) + 1)}")
    return wb


def _csv_bytes(headers: list[tuple[str, str]], rows: list) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h, _ in headers])
    for row in rows:
        writer.writerow([safe_cell(v) for _, v in row])
    return buf.getvalue().encode("utf-8-sig")


def write_recap(ws: Workspace) -> dict:
    """Write recap/rekap.xlsx and one CSV per sheet; returns ``{"xlsx": p, "csv": {...}, ...}``."""
    layout = recap_layout()
    sheets, _owners = _rows(ws)
    folder = ws.dir("recap")
    xlsx = folder / XLSX_NAME
    with atomic_open(xlsx, "wb") as handle:
        build_workbook(sheets).save(handle)
    csvs = {}
    for name, rows in sheets.items():
        path = folder / f"rekap_{name}.csv"
        write_bytes(path, _csv_bytes(_headers(layout, name), rows))
        csvs[name] = str(path)
    applicants = len(sheets.get("LSP", []))
    with write_transaction(ws.conn):
        audit(ws.conn, "recap", applicants=applicants)
    return {"xlsx": str(xlsx), "csv": csvs, "applicants": applicants}
