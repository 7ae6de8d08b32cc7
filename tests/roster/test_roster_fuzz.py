"""Whatever a roster file holds, import ends in a result or one clean InputError."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from formgen.core.errors import InputError
from formgen.core.workspace import init_workspace
from formgen.domain.nik import make_nik
from formgen.roster import import_roster, list_applicants

HEADER = ["nama", "nik", "tanggal_lahir", "jenis_kelamin", "no_hp", "jenjang", "email"]
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "L", "P", "Perempuan", "15-05-1990", "1990-05-15", "3.2E+15",
                     "=1+1", "+62812345678", "@x", "\u202e", "7", "10", "0"]),
    st.builds(lambda d, s: make_nik(birth=d, sex=s),
              st.dates(min_value=date(1950, 1, 1), max_value=date(2005, 12, 31)),
              st.sampled_from("LP")),
)
rows = st.lists(st.lists(cell, min_size=0, max_size=9), min_size=0, max_size=6)


@pytest.fixture(scope="module")
def shared_workspace(tmp_path_factory):
    ws, _ = init_workspace(tmp_path_factory.mktemp("fuzz") / "ws")
    yield ws
    ws.close()


def _check(ws, path) -> None:
    before = len(list_applicants(ws))
    try:
        result = import_roster(ws, path)
    except InputError as exc:
        assert exc.code and "\n" not in exc.one_line()
        assert len(list_applicants(ws)) == before
        return
    assert result.imported + result.updated + len(result.rejected) >= 0
    assert len(list_applicants(ws)) == before + result.imported
    for rejection in result.rejected:
        assert rejection.line >= 1 and rejection.codes
        assert all(f"[{code}]" in rejection.one_line(code=True) for code in rejection.codes)
    for applicant in list_applicants(ws):
        assert isinstance(applicant["nik"], str) and len(applicant["nik"]) == 16


@FUZZ
@given(data=rows, delimiter=st.sampled_from([",", ";"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_random_csv_cells(shared_workspace, tmp_path_factory, data, delimiter, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADER)
    writer.writerows(data)
    path = tmp_path_factory.mktemp("csv") / "roster.csv"
    try:
        path.write_bytes(buffer.getvalue().encode(encoding))
    except UnicodeEncodeError:  # lone surrogates cannot be written at all
        return
    _check(shared_workspace, path)


@FUZZ
@given(data=rows)
def test_random_xlsx_cells(shared_workspace, tmp_path_factory, data):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    try:
        for row in data:
            sheet.append(row)
    except Exception:  # openpyxl refuses some control characters itself
        return
    path = tmp_path_factory.mktemp("xlsx") / "roster.xlsx"
    book.save(path)
    _check(shared_workspace, path)


@FUZZ
@given(st.binary(max_size=600))
def test_random_bytes(shared_workspace, tmp_path_factory, content):
    path = tmp_path_factory.mktemp("bin") / "roster.csv"
    path.write_bytes(content)
    _check(shared_workspace, path)
