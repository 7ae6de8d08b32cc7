"""Batches of applicants and the stages of the 30-day service time.

The stage table (codes, names, durations) and the applicant states are data
in form_templates/stages.yaml. Due dates are computed from the batch start:
calendar days by default, or working days (Monday–Friday minus the holidays)
when formgen.toml says ``[calendar] working_days = true``.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from formgen.core.db import audit, current_user, now, write_transaction
from formgen.core.errors import InputError, TemplateError, UsageError, WorkspaceError
from formgen.core.i18n import get_language, t
from formgen.core.resources import template_path
from formgen.core.yamlfile import load_file
from formgen.domain import dates
from formgen.roster.store import require_applicant


@dataclass(frozen=True)
class Stage:
    code: str
    nama: str  # in the run's language
    hari: int
    names: tuple[str, ...] = ()  # every name it goes by, for finding it from what people type


@dataclass(frozen=True)
class ApplicantState:
    code: str
    nama: str
    when: dict
    due_stage: str


@dataclass(frozen=True)
class StageTable:
    stages: tuple[Stage, ...]
    states: tuple[ApplicantState, ...]

    @property
    def codes(self) -> list[str]:
        return [s.code for s in self.stages]

    def stage(self, text: str) -> Stage:
        """The stage named ``text``: its code or a name as 'formgen status' shows it, any case."""
        wanted = _fold(text)
        for stage in self.stages:
            if wanted in {_fold(n) for n in (stage.code, *stage.names)}:
                return stage
        known = "; ".join(f"{s.nama} ({s.code})" for s in self.stages)
        raise UsageError(t("service.unknown_stage", stage=text, known=known),
                         code="unknown_stage")


def _fold(text: str) -> str:
    return " ".join(str(text).replace("_", " ").casefold().split())


def _name(item: dict) -> str:
    """The name of a stage or state in the run's language (``nama_en`` for English)."""
    return str(item.get(f"nama_{get_language()}") or item["nama"])


@dataclass(frozen=True)
class StagePlan:
    code: str
    nama: str
    hari: int
    start: date
    due: date


@dataclass(frozen=True)
class WorkCalendar:
    """Calendar days, or working days Monday–Friday without ``holidays``."""

    working_days: bool = False
    holidays: frozenset[date] = field(default_factory=frozenset)

    def is_workday(self, day: date) -> bool:
        if not self.working_days:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def next_workday(self, day: date) -> date:
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day

    def span(self, first: date, days: int) -> tuple[date, date]:
        """(first day, last day) of a stage of ``days`` days starting on or after ``first``."""
        start = self.next_workday(first)
        last, counted = start, 1
        while counted < days:
            last = self.next_workday(last + timedelta(days=1))
            counted += 1
        return start, last


def parse_date(value: object, *, what: str = "tanggal") -> date:
    """:func:`formgen.domain.dates.parse_date`, with the message naming what the date is for."""
    try:
        return dates.parse_date(value)
    except InputError as exc:
        raise InputError(t("service.bad_date", what=what, value=str(value or "").strip()),
                         code="bad_date") from exc


def load_stages(path: Path | None = None) -> StageTable:
    """Read and validate the stage table (form_templates/stages.yaml by default)."""
    path = Path(path or template_path("stages.yaml"))
    tf = load_file(path, code="bad_stage_table", message="service.bad_stage_table")
    data = tf.data

    def bad(detail: str, node: object = None) -> TemplateError:
        return tf.error(t("service.bad_stage_table", detail=detail), node,
                        code="bad_stage_table")

    stages = []
    for item in data.get("stages") or []:
        if not isinstance(item, dict) or not {"code", "nama", "hari"} <= item.keys():
            raise bad(f"stage {item!r}: code, nama, hari", item)
        hari = item["hari"]
        if not isinstance(hari, int) or isinstance(hari, bool) or hari < 1:
            raise bad(f"{item['code']}: hari = {hari!r}", item)
        names = tuple(str(v) for k, v in item.items() if k.startswith("nama"))
        stages.append(Stage(str(item["code"]), _name(item), hari, names))
    codes = [s.code for s in stages]
    if not stages or len(set(codes)) != len(codes):
        raise bad(f"stages {codes}")
    states = []
    for item in data.get("applicant_states") or []:
        if not isinstance(item, dict) or not {"code", "nama", "when", "due_stage"} <= item.keys():
            raise bad(f"applicant state {item!r}: code, nama, when, due_stage", item)
        if item["due_stage"] not in codes:
            raise bad(f"{item['code']}: due_stage {item['due_stage']!r}", item)
        states.append(ApplicantState(str(item["code"]), _name(item), dict(item["when"]),
                                     str(item["due_stage"])))
    if not states:
        raise bad("applicant_states")
    return StageTable(tuple(stages), tuple(states))


def calendar_from_settings(raw: dict) -> WorkCalendar:
    """The [calendar] table of formgen.toml: working_days (bool) and holidays (dates)."""
    section = raw.get("calendar", {}) or {}
    working = section.get("working_days", False)
    if not isinstance(working, bool):
        raise WorkspaceError(t("config.invalid", detail=f"calendar.working_days = {working!r}"),
                             code="bad_config")
    holidays = set()
    for value in section.get("holidays", []) or []:
        try:
            holidays.add(parse_date(value, what="calendar.holidays"))
        except InputError as exc:
            raise WorkspaceError(t("config.invalid", detail=exc.message),
                                 code="bad_config") from exc
    return WorkCalendar(working, frozenset(holidays))


def schedule(start: date, table: StageTable, calendar: WorkCalendar | None = None
             ) -> list[StagePlan]:
    """Each stage's first and last (due) day, one after the other from ``start``."""
    calendar = calendar or WorkCalendar()
    plans, first = [], start
    for stage in table.stages:
        begin, due = calendar.span(first, stage.hari)
        plans.append(StagePlan(stage.code, stage.nama, stage.hari, begin, due))
        first = due + timedelta(days=1)
    return plans


# -- batches in the workspace -------------------------------------------------

def get_batch(conn: sqlite3.Connection, name: str | None) -> sqlite3.Row:
    """The batch called ``name``; without a name, the only batch there is."""
    if name is None:
        rows = conn.execute("SELECT * FROM batches ORDER BY id").fetchall()
        if len(rows) == 1:
            return rows[0]
        raise UsageError(t("service.batch_required" if rows else "service.no_batches"),
                         code="batch_required" if rows else "no_batches")
    row = conn.execute("SELECT * FROM batches WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise UsageError(t("service.unknown_batch", batch=name), code="unknown_batch")
    return row


def batch_start(row: sqlite3.Row) -> date:
    """The batch's start date (its creation day when none was given)."""
    return parse_date(row["start_date"] or row["created_at"][:10])


def create_batch(conn: sqlite3.Connection, name: str, start: date) -> int:
    name = name.strip()
    if not name:
        raise UsageError(t("service.empty_batch_name"), code="empty_batch_name")
    with write_transaction(conn):
        if conn.execute("SELECT 1 FROM batches WHERE name = ?", (name,)).fetchone():
            raise InputError(t("service.batch_exists", batch=name), code="batch_exists")
        cur = conn.execute("INSERT INTO batches(name, start_date, created_at) VALUES (?, ?, ?)",
                           (name, start.isoformat(), now()))
        audit(conn, "batch.create", batch=cur.lastrowid, start=start.isoformat())
    return cur.lastrowid


def assign(conn: sqlite3.Connection, batch_name: str, keys: list[str] | None = None, *,
           all_unassigned: bool = False) -> tuple[list[int], list[dict]]:
    """Put applicants in the batch; returns (assigned ids, rejected [{"applicant", "reason"}])."""
    batch = get_batch(conn, batch_name)
    assigned, rejected = [], []
    with write_transaction(conn):
        if all_unassigned:
            ids = [r[0] for r in conn.execute(
                "SELECT id FROM applicants WHERE batch_id IS NULL ORDER BY id")]
        else:
            ids = []
            for key in keys or []:
                try:
                    ids.append(require_applicant(conn, key)["id"])
                except InputError as exc:
                    rejected.append({"applicant": key, "reason": exc.code})
        for applicant_id in dict.fromkeys(ids):
            conn.execute("UPDATE applicants SET batch_id = ?, updated_at = ? WHERE id = ?",
                         (batch["id"], now(), applicant_id))
            audit(conn, "batch.assign", applicant_id=applicant_id, batch=batch["id"])
            assigned.append(applicant_id)
    return assigned, rejected


def list_batches(conn: sqlite3.Connection, table: StageTable, calendar: WorkCalendar
                 ) -> list[dict]:
    out = []
    for row in conn.execute("SELECT * FROM batches ORDER BY start_date, id"):
        count = conn.execute("SELECT count(*) FROM applicants WHERE batch_id = ?",
                             (row["id"],)).fetchone()[0]
        start = batch_start(row)
        end = schedule(start, table, calendar)[-1].due
        out.append({"batch": row["name"], "id": row["id"], "start": start.isoformat(),
                    "end": end.isoformat(), "applicants": count})
    return out


def stage_done(conn: sqlite3.Connection, table: StageTable, stage: str,
               batch_name: str | None, done: date) -> sqlite3.Row:
    """Record that the batch finished ``stage`` on ``done`` (a later record replaces it)."""
    stage = table.stage(stage).code
    batch = get_batch(conn, batch_name)
    with write_transaction(conn):
        conn.execute(
            "INSERT INTO batch_stages(batch_id, stage, done_date, recorded_at, user) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(batch_id, stage) DO UPDATE SET "
            "done_date = excluded.done_date, recorded_at = excluded.recorded_at, "
            "user = excluded.user",
            (batch["id"], stage, done.isoformat(), now(), current_user()))
        audit(conn, "stage.done", batch=batch["id"], stage=stage, date=done.isoformat())
    return batch


def done_dates(conn: sqlite3.Connection, batch_id: int) -> dict[str, date]:
    return {r["stage"]: parse_date(r["done_date"]) for r in conn.execute(
        "SELECT stage, done_date FROM batch_stages WHERE batch_id = ?", (batch_id,))}
