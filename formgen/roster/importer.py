"""Import a roster file: every good row in, every bad row named, all in one transaction."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from formgen.core import db
from formgen.core.errors import UsageError
from formgen.core.i18n import t
from formgen.domain.nik import normalise_nik
from formgen.roster.rows import Problem, RowRejected, check_applicant, check_experience
from formgen.roster.store import applicant_id_by_nik, replace_experience, upsert_applicant
from formgen.roster.tables import Table, known_columns, read_roster, read_table

log = logging.getLogger(__name__)


@dataclass
class Rejection:
    """A refused row: where it is (``file``, ``line``) and why (messages, and their codes)."""

    file: str
    line: int
    problems: list[Problem]

    @property
    def reason(self) -> str:
        return "; ".join(p.text() for p in self.problems)

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    def to_json(self) -> dict:
        return {"line": self.line, "reason": self.reason, "file": self.file,
                "codes": self.codes}

    def one_line(self, *, code: bool = False) -> str:
        return f"{self.file}:{self.line}: {'; '.join(p.text(code=code) for p in self.problems)}"


@dataclass
class ImportResult:
    imported: int = 0
    updated: int = 0
    experience: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    applicant_ids: list[int] = field(default_factory=list)
    # columns left unread: [{"file": ..., "columns": [...], "known": [...]}]
    ignored: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"imported": self.imported, "updated": self.updated,
                "experience": self.experience,
                "rejected": [r.to_json() for r in self.rejected],
                "ignored_columns": self.ignored}


def import_roster(ws, path: Path, *, pengalaman: Path | None = None) -> ImportResult:
    """Import the roster at ``path`` (CSV or XLSX) into workspace ``ws``.

    Work experience comes from ``pengalaman`` or the roster's ``pengalaman``
    sheet and replaces the stored experience of each applicant it names.
    Applicants are matched by NIK: a known NIK is updated, never doubled.
    A file that cannot be read raises InputError before anything is written.
    """
    path = Path(path)
    roster, experience = read_roster(path)
    if pengalaman is not None:
        if experience is not None:
            raise UsageError(t("roster.file.two_experience_sources", sheet=str(path),
                               file=str(pengalaman)), code="two_experience_sources")
        experience = read_table(Path(pengalaman), "experience")

    result = ImportResult()
    for table, kind in ((roster, "applicant"), (experience, "experience")):
        if table is not None and table.ignored:
            result.ignored.append({"file": table.label, "columns": table.ignored,
                                   "known": known_columns(kind)})
    applicants = _check_applicants(roster, result)
    experience_rows = _check_experience(experience, result) if experience is not None else []

    conn = ws.conn
    with db.write_transaction(conn):
        ids_by_nik: dict[str, int] = {}
        for _, record in applicants:
            applicant_id, created = upsert_applicant(
                conn, record, retention_days=ws.settings.retention_days)
            ids_by_nik[record["nik"]] = applicant_id
            result.applicant_ids.append(applicant_id)
            if created:
                result.imported += 1
            else:
                result.updated += 1
        refused_niks = _refused_niks(roster, result)
        grouped: dict[int, list[dict]] = {}
        for label, line, record in experience_rows:
            nik = record["nik"]
            applicant_id = ids_by_nik.get(nik)
            if applicant_id is None and nik not in refused_niks:
                applicant_id = applicant_id_by_nik(conn, nik)
            if applicant_id is None:
                code = ("experience_applicant_rejected" if nik in refused_niks
                        else "experience_unknown_nik")
                result.rejected.append(Rejection(label, line, [
                    Problem(code, t(f"roster.reason.{code}"))]))
                continue
            grouped.setdefault(applicant_id, []).append(record)
        for applicant_id, records in grouped.items():
            replace_experience(conn, applicant_id, records)
            result.experience += len(records)
        db.audit(conn, "roster.import", imported=result.imported,
                 updated=result.updated, experience=result.experience,
                 rejected=len(result.rejected))
    result.rejected.sort(key=lambda r: (r.file != roster.label, r.file, r.line))
    log.info("roster import: %d new, %d updated, %d experience rows, %d rejected",
             result.imported, result.updated, result.experience, len(result.rejected))
    return result


def _check_applicants(table: Table, result: ImportResult) -> list[tuple[int, dict]]:
    good: list[tuple[int, dict]] = []
    first_line: dict[str, int] = {}
    for line, cells in table.rows:
        nik = normalise_nik(cells.get("nik"))
        if nik and nik in first_line:  # never guess which of the two rows is right
            result.rejected.append(Rejection(table.label, line, [Problem(
                "nik_duplicate_in_file",
                t("roster.reason.nik_duplicate_in_file", first=first_line[nik]))]))
            continue
        if nik:
            first_line[nik] = line
        try:
            good.append((line, check_applicant(cells)))
        except RowRejected as exc:
            result.rejected.append(Rejection(table.label, line, exc.problems))
    return good


def _refused_niks(table: Table, result: ImportResult) -> set[str]:
    """NIKs of roster rows refused in this import (their experience is refused too)."""
    refused_lines = {r.line for r in result.rejected if r.file == table.label}
    niks = set()
    for line, cells in table.rows:
        if line in refused_lines:
            nik = normalise_nik(cells.get("nik"))
            if nik:
                niks.add(nik)
    return niks


def _check_experience(table: Table, result: ImportResult) -> list[tuple[str, int, dict]]:
    good = []
    for line, cells in table.rows:
        try:
            good.append((table.label, line, check_experience(cells)))
        except RowRejected as exc:
            result.rejected.append(Rejection(table.label, line, exc.problems))
    return good
