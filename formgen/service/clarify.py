"""Disdukcapil clarification: read the answered sheet back and apply its corrections.

The recap's ``Disdukcapil`` sheet lists name, NIK and birth data; the civil
registry answers per row ``sesuai`` or ``tidak sesuai`` with corrected values.
Rows are matched to applicants by NIK. An applicant whose data the registry
contradicts gets no dossier until the roster holds the corrected values.
"""
from __future__ import annotations

import csv
import io
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from formgen.core.db import audit, current_user, now, write_transaction
from formgen.core.errors import InputError, MissingFileError
from formgen.core.i18n import t
from formgen.domain.nik import check_nik
from formgen.service.batches import parse_date

SHEET = "Disdukcapil"
COLUMNS = ("No", "Nama", "NIK", "Tempat/Tanggal Lahir", "Alamat", "Jawaban", "Nama Koreksi",
           "NIK Koreksi", "Tempat Lahir Koreksi", "Tanggal Lahir Koreksi", "Keterangan")
REQUIRED = ("NIK", "Jawaban")
# correction column -> applicants column
CORRECTION_COLUMNS = {"Nama Koreksi": "nama", "NIK Koreksi": "nik",
                      "Tempat Lahir Koreksi": "tempat_lahir",
                      "Tanggal Lahir Koreksi": "tanggal_lahir"}
STATUSES = ("belum_diklarifikasi", "sesuai", "tidak_sesuai")
_HEADER_SEARCH_ROWS = 10


@dataclass
class SheetRow:
    line: int
    nik: str
    jawaban: str
    corrections: dict[str, object]   # applicants column -> raw cell value (non-empty only)
    keterangan: str


@dataclass
class Problem:
    line: int
    nik: str
    reason: str
    message: str


@dataclass
class Answer:
    line: int
    applicant_id: int
    nik: str
    answer: str                        # sesuai | tidak_sesuai
    values: dict[str, str]             # corrected values as given (applicants column -> text)
    changes: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # col -> (old, new)
    keterangan: str = ""


@dataclass
class ImportPlan:
    source: str
    answers: list[Answer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unanswered: list[tuple[int, str]] = field(default_factory=list)

    @property
    def corrections(self) -> list[dict]:
        return [{"applicant": a.applicant_id, "nik": a.nik, "field": col, "old": old, "new": new}
                for a in self.answers for col, (old, new) in a.changes.items()]

    def counts(self) -> dict[str, int]:
        return {"sesuai": sum(a.answer == "sesuai" for a in self.answers),
                "tidak_sesuai": sum(a.answer == "tidak_sesuai" for a in self.answers),
                "unanswered": len(self.unanswered), "problems": len(self.problems)}


# -- reading the answered sheet ------------------------------------------------

def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).replace("\u00a0", " ").split()).lstrip("'")


def _header_key(value: object) -> str:
    return re.sub(r"\s+", " ", _cell_text(value)).strip().lower()


def _rows_from_file(path: Path) -> list[list[object]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise InputError(t("clarify.unreadable", detail=type(exc).__name__), path=str(path),
                             code="unreadable") from exc
        try:
            sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
            return [list(r) for r in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    if suffix in (".csv", ".txt"):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            text = path.read_bytes().decode("cp1252", errors="replace")
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    raise InputError(t("clarify.bad_type"), path=str(path), code="unsupported_type")


def read_sheet(path: Path) -> list[SheetRow]:
    """The answered rows of a Disdukcapil sheet (xlsx or csv); blank rows are skipped."""
    path = Path(path)
    if not path.is_file():
        raise MissingFileError(t("clarify.no_file"), path=str(path), code="not_found")
    rows = _rows_from_file(path)
    wanted = {c.lower(): c for c in COLUMNS}
    header_index = next((i for i, row in enumerate(rows[:_HEADER_SEARCH_ROWS])
                         if all(c.lower() in [_header_key(v) for v in row] for c in REQUIRED)),
                        None)
    if header_index is None:
        raise InputError(t("clarify.missing_columns", columns=", ".join(REQUIRED)),
                         path=str(path), code="missing_column")
    keys = [_header_key(v) for v in rows[header_index]]
    index = {wanted[k]: i for i, k in enumerate(keys) if k in wanted}

    def cell(row: list[object], column: str) -> object:
        i = index.get(column)
        return row[i] if i is not None and i < len(row) else None

    out = []
    for number, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        if not any(_cell_text(v) for v in row):
            continue
        corrections = {col: cell(row, name) for name, col in CORRECTION_COLUMNS.items()
                       if _cell_text(cell(row, name))}
        out.append(SheetRow(line=number, nik=_cell_text(cell(row, "NIK")),
                            jawaban=_cell_text(cell(row, "Jawaban")),
                            corrections=corrections,
                            keterangan=_cell_text(cell(row, "Keterangan"))))
    return out


# -- answers -------------------------------------------------------------------

def normalise_answer(text: str) -> str | None:
    """``sesuai`` / ``tidak_sesuai`` / ``""`` (unanswered), or None for anything else."""
    key = re.sub(r"[\s_\-.]+", " ", text.strip().lower()).strip()
    if not key:
        return ""
    if key in ("sesuai", "s", "ya", "cocok", "benar"):
        return "sesuai"
    if key in ("tidak sesuai", "tdk sesuai", "ts", "tidak", "tidak cocok", "salah"):
        return "tidak_sesuai"
    return None


def check_nik_value(nik: str, *, tanggal_lahir: str | None = None,
                    jenis_kelamin: str | None = None) -> list[str]:
    """Reasons why ``nik`` is not acceptable (empty when it is)."""
    born = parse_date(tanggal_lahir) if tanggal_lahir else None
    result = check_nik(nik, tanggal_lahir=born, jenis_kelamin=jenis_kelamin)
    return [] if result.ok else [_nik_reason(r) for r in result.reasons] or ["invalid"]


def _nik_reason(code: str) -> str:
    try:
        return t(f"nik.{code}")
    except KeyError:
        return str(code)


def _same(old: str | None, new: str, column: str) -> bool:
    if column == "nama" or column == "tempat_lahir":
        return " ".join((old or "").upper().split()) == " ".join(new.upper().split())
    return (old or "") == new


def plan_import(conn: sqlite3.Connection, rows: list[SheetRow], *, source: str) -> ImportPlan:
    """Match rows to applicants and work out each correction; nothing is written."""
    plan = ImportPlan(source=source)
    seen: set[str] = set()
    new_niks: dict[str, int] = {}

    def problem(row: SheetRow, reason: str, **kw: object) -> None:
        plan.problems.append(Problem(row.line, row.nik, reason,
                                     t(f"clarify.problem.{reason}", line=row.line, nik=row.nik,
                                       **kw)))

    for row in rows:
        applicant = conn.execute("SELECT * FROM applicants WHERE nik = ?",
                                 (row.nik,)).fetchone() if row.nik else None
        if applicant is None:
            problem(row, "unknown_nik")
            continue
        if row.nik in seen:
            problem(row, "duplicate_row")
            continue
        seen.add(row.nik)
        answer = normalise_answer(row.jawaban)
        if answer == "":
            plan.unanswered.append((row.line, row.nik))
            continue
        if answer is None:
            problem(row, "bad_answer", value=row.jawaban)
            continue
        if answer == "sesuai":
            if row.corrections:
                problem(row, "sesuai_with_corrections")
                continue
            plan.answers.append(Answer(row.line, applicant["id"], row.nik, "sesuai", {},
                                       keterangan=row.keterangan))
            continue
        values: dict[str, str] = {}
        try:
            for column, raw in row.corrections.items():
                if column == "tanggal_lahir":
                    values[column] = parse_date(raw, what="Tanggal Lahir Koreksi").isoformat()
                elif column == "nik":
                    values[column] = re.sub(r"[\s.\-]", "", _cell_text(raw))
                else:
                    values[column] = _cell_text(raw)
        except InputError:
            problem(row, "bad_date", value=_cell_text(row.corrections.get("tanggal_lahir")))
            continue
        if "nik" in values and values["nik"] != applicant["nik"]:
            new_nik = values["nik"]
            reasons = check_nik_value(
                new_nik, tanggal_lahir=values.get("tanggal_lahir", applicant["tanggal_lahir"]),
                jenis_kelamin=applicant["jenis_kelamin"])
            if reasons:
                problem(row, "bad_nik", value=new_nik, reasons=", ".join(reasons))
                continue
            other = conn.execute("SELECT id FROM applicants WHERE nik = ? AND id != ?",
                                 (new_nik, applicant["id"])).fetchone()
            if other is not None or new_nik in new_niks:
                problem(row, "nik_collision", value=new_nik)
                continue
            new_niks[new_nik] = applicant["id"]
        changes = {col: (applicant[col], new) for col, new in values.items()
                   if not _same(applicant[col], new, col)}
        plan.answers.append(Answer(row.line, applicant["id"], row.nik, "tidak_sesuai", values,
                                   changes, row.keterangan))
    return plan


def apply_import(conn: sqlite3.Connection, plan: ImportPlan) -> int:
    """Record every answer and write the corrections to the roster; returns answers recorded."""
    with write_transaction(conn):
        stamp = now()
        for a in plan.answers:
            for column, (_old, new) in a.changes.items():
                conn.execute(f"UPDATE applicants SET {column} = ?, updated_at = ? WHERE id = ?",
                             (new, stamp, a.applicant_id))
            conn.execute(
                "INSERT INTO clarifications(applicant_id, answer, nama_koreksi, nik_koreksi, "
                "tempat_lahir_koreksi, tanggal_lahir_koreksi, keterangan, source, applied_at, "
                "created_at, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.applicant_id, a.answer, a.values.get("nama"), a.values.get("nik"),
                 a.values.get("tempat_lahir"), a.values.get("tanggal_lahir"),
                 a.keterangan or None, plan.source, stamp if a.changes else None, stamp,
                 current_user()))
            audit(conn, "clarify.answer", applicant_id=a.applicant_id, answer=a.answer,
                  corrected=sorted(a.changes))
    return len(plan.answers)


# -- what other parts ask -------------------------------------------------------

def _latest(conn: sqlite3.Connection, applicant_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM clarifications WHERE applicant_id = ? "
                        "ORDER BY id DESC LIMIT 1", (applicant_id,)).fetchone()


def clarification_status(conn: sqlite3.Connection, applicant_id: int) -> str:
    """Disdukcapil's latest answer: belum_diklarifikasi, sesuai or tidak_sesuai."""
    row = _latest(conn, applicant_id)
    return row["answer"] if row else "belum_diklarifikasi"


def _resolved(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
    """Whether the roster now holds every value Disdukcapil gave as the correct one."""
    wanted = {col: row[f"{col}_koreksi"] for col in CORRECTION_COLUMNS.values()
              if row[f"{col}_koreksi"]}
    if not wanted:
        return False
    applicant = conn.execute("SELECT * FROM applicants WHERE id = ?",
                             (row["applicant_id"],)).fetchone()
    return applicant is not None and all(_same(applicant[c], v, c) for c, v in wanted.items())


def is_clarified(conn: sqlite3.Connection, applicant_id: int) -> bool:
    """Disdukcapil confirmed the data, or the roster now holds its corrections."""
    row = _latest(conn, applicant_id)
    return row is not None and (row["answer"] == "sesuai" or _resolved(conn, row))


def blocks_dossier(conn: sqlite3.Connection, applicant_id: int) -> str | None:
    """Why no dossier may be made yet (the registry contradicts the data), or None."""
    row = _latest(conn, applicant_id)
    if row is None or row["answer"] == "sesuai" or _resolved(conn, row):
        return None
    return t("clarify.blocked", note=row["keterangan"] or "-")
