"""One reading of "which applicant": an id, A12 as a page code prints it, or a 16-digit NIK."""
from __future__ import annotations

from datetime import date

import pytest

from formgen.core import db
from formgen.core.errors import InputError
from formgen.core.i18n import set_language
from formgen.domain.nik import make_nik
from formgen.roster import find_applicant, require_applicant, select_applicants, upsert_applicant

BUDI = make_nik(birth=date(1990, 5, 15), sex="L", region="620102", serial=1)
SITI = make_nik(birth=date(1985, 11, 3), sex="P", region="620101", serial=12)


@pytest.fixture
def two(workspace):
    with db.write_transaction(workspace.conn):
        budi, _ = upsert_applicant(workspace.conn, {"nik": BUDI, "nama": "BUDI"})
        siti, _ = upsert_applicant(workspace.conn, {"nik": SITI, "nama": "SITI"})
    return workspace, budi, siti


@pytest.mark.parametrize("form", ["{id}", " {id} ", "A{id}", "a{id}", "A{id:06d}", "{id:03d}"])
def test_by_id_in_every_written_form(two, form):
    ws, _, siti = two
    assert find_applicant(ws.conn, form.format(id=siti))["nama"] == "SITI"


def test_by_nik_and_by_int(two):
    ws, budi, _ = two
    assert find_applicant(ws.conn, BUDI)["id"] == budi
    assert find_applicant(ws.conn, budi)["nik"] == BUDI


@pytest.mark.parametrize("ref", ["", "abc", "B1", "A", "99", "1.0", "-1", "62010215059000011",
                                 "6201021505900099", "0000000000000001", "１"])
def test_nothing_else_names_an_applicant(two, ref):
    ws, _, _ = two
    assert find_applicant(ws.conn, ref) is None


def test_unknown_is_one_error_with_one_message(two):
    ws, _, _ = two
    with pytest.raises(InputError) as info:
        require_applicant(ws.conn, " 9999 ")
    assert info.value.code == "unknown_applicant"
    assert info.value.message == "pemohon tidak ditemukan: 9999"
    set_language("en")
    with pytest.raises(InputError, match="no such applicant: A77"):
        require_applicant(ws.conn, "A77")


def test_select_all_or_one(two):
    ws, budi, siti = two
    assert [a["id"] for a in select_applicants(ws.conn)] == [budi, siti]
    assert [a["nik"] for a in select_applicants(ws.conn, f"A{siti}")] == [SITI]
    with pytest.raises(InputError):
        select_applicants(ws.conn, "6201029999999999")


@pytest.mark.parametrize("args", [
    ("check", "--applicant", "A999"),
    ("pages", "--applicant", "999"),
    ("pack", "--applicant", "999"),
])
def test_commands_say_the_same(two, cli, args):
    result = cli(*args)
    assert result.exit_code == 1
    assert "pemohon tidak ditemukan: " in result.stderr
    assert "[unknown_applicant]" not in result.stderr  # codes only with --verbose or --json
    assert "[unknown_applicant]" in cli("-v", *args).stderr
