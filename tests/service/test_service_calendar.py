"""Due dates of the six stages: calendar days, working days with holidays, an edited table."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from formgen.core.errors import InputError, TemplateError, WorkspaceError
from formgen.core.resources import template_path
from formgen.service.batches import (
    WorkCalendar,
    calendar_from_settings,
    load_stages,
    parse_date,
    schedule,
)


def dues(plans) -> list[str]:
    return [p.due.isoformat() for p in plans]


def test_stage_table_is_the_thirty_day_standard():
    table = load_stages()
    assert [(s.code, s.hari) for s in table.stages] == [
        ("pengumuman", 3), ("verifikasi", 1), ("input_portal", 2), ("proses_portal", 14),
        ("uji_kompetensi", 5), ("penerbitan_sertifikat", 5)]
    assert [s.code for s in table.states] == [
        "terdaftar", "berkas_lengkap", "diklarifikasi", "dikirim_lsp", "input_siki", "diuji",
        "bersertifikat"]


def test_calendar_days_one_stage_after_another():
    plans = schedule(date(2026, 11, 2), load_stages())
    assert dues(plans) == ["2026-11-04", "2026-11-05", "2026-11-07", "2026-11-21",
                           "2026-11-26", "2026-12-01"]
    assert [p.start.isoformat() for p in plans][:3] == ["2026-11-02", "2026-11-05",
                                                       "2026-11-06"]
    assert (plans[-1].due - plans[0].start).days + 1 == 30


def test_calendar_days_ignore_weekends_and_holidays():
    calendar = WorkCalendar(working_days=False, holidays=frozenset({date(2026, 11, 3)}))
    assert dues(schedule(date(2026, 11, 2), load_stages(), calendar))[0] == "2026-11-04"


def test_working_days_skip_weekends_and_holidays():
    calendar = WorkCalendar(True, frozenset({date(2026, 12, 25), date(2027, 1, 1)}))
    plans = schedule(date(2026, 12, 21), load_stages(), calendar)
    # Mon 21–Wed 23; Thu 24; (Fri 25 holiday, weekend) Mon 28–Tue 29; 14 days from Wed 30
    # skipping Fri 1 Jan and weekends; then 5 and 5 working days.
    assert dues(plans) == ["2026-12-23", "2026-12-24", "2026-12-29", "2027-01-19",
                           "2027-01-26", "2027-02-02"]
    assert plans[2].start == date(2026, 12, 28)
    assert all(calendar.is_workday(p.start) and calendar.is_workday(p.due) for p in plans)


def test_working_days_start_moves_off_a_weekend():
    plans = schedule(date(2026, 11, 7), load_stages(), WorkCalendar(True))  # a Saturday
    assert plans[0].start == date(2026, 11, 9)
    assert plans[0].due == date(2026, 11, 11)


def test_edited_stage_table(tmp_path: Path):
    data = yaml.safe_load(template_path("stages.yaml").read_text(encoding="utf-8"))
    data["stages"][3]["hari"] = 10
    data["stages"][0]["nama"] = "Sosialisasi"
    path = tmp_path / "stages.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    table = load_stages(path)
    plans = schedule(date(2026, 11, 2), table)
    assert plans[0].nama == "Sosialisasi"
    assert dues(plans)[3:] == ["2026-11-17", "2026-11-22", "2026-11-27"]


@pytest.mark.parametrize("edit", [
    lambda d: d["stages"][1].update(hari=0),
    lambda d: d["stages"][1].update(hari="satu"),
    lambda d: d["stages"].append(dict(d["stages"][0])),
    lambda d: d["applicant_states"][1].update(due_stage="tidak_ada"),
    lambda d: d["stages"][2].pop("code"),
])
def test_bad_stage_table_is_rejected(tmp_path: Path, edit):
    data = yaml.safe_load(template_path("stages.yaml").read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "stages.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        load_stages(path)
    assert err.value.code == "bad_stage_table" and str(path) in err.value.one_line()


def test_calendar_settings_accept_toml_dates_and_text():
    cal = calendar_from_settings({"calendar": {"working_days": True,
                                               "holidays": [date(2026, 12, 25), "2027-01-01"]}})
    assert cal.working_days and cal.holidays == {date(2026, 12, 25), date(2027, 1, 1)}
    assert calendar_from_settings({}) == WorkCalendar()
    with pytest.raises(WorkspaceError):
        calendar_from_settings({"calendar": {"holidays": ["25 Desember"]}})
    with pytest.raises(WorkspaceError):
        calendar_from_settings({"calendar": {"working_days": "ya"}})


def test_parse_date_formats():
    assert parse_date("2026-11-02") == parse_date("02-11-2026") == parse_date("02/11/2026")
    with pytest.raises(InputError):
        parse_date("2026-02-30")


def test_workspace_calendar_from_formgen_toml(workspace, cli):
    with Path(workspace.config_path).open("a", encoding="utf-8") as handle:
        handle.write('\n[calendar]\nworking_days = true\nholidays = [2026-12-25, "2027-01-01"]\n')
    assert cli("batch", "create", "Gelombang 1", "--start", "2026-12-21").exit_code == 0
    listed = json.loads(cli("batch", "list", "--json").stdout)["batches"]
    assert listed[0]["start"] == "2026-12-21" and listed[0]["end"] == "2027-02-02"


@settings(max_examples=60, deadline=None)
@given(start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
       holidays=st.sets(st.dates(min_value=date(2024, 1, 1), max_value=date(2031, 6, 30)),
                        max_size=20),
       working=st.booleans())
def test_each_stage_gets_exactly_its_days(start, holidays, working):
    calendar = WorkCalendar(working, frozenset(holidays))
    plans = schedule(start, load_stages(), calendar)
    previous_due = start - timedelta(days=1)
    for plan in plans:
        assert plan.start > previous_due
        # no working day is skipped between two stages
        assert all(not calendar.is_workday(previous_due + timedelta(days=n))
                   for n in range(1, (plan.start - previous_due).days))
        days = [plan.start + timedelta(days=n) for n in range((plan.due - plan.start).days + 1)]
        assert sum(calendar.is_workday(d) for d in days) == plan.hari
        assert calendar.is_workday(plan.start) and calendar.is_workday(plan.due)
        previous_due = plan.due
