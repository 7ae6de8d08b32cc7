"""Synthetic roster people: valid, unique, consistent NIKs and roster files that read back."""
from __future__ import annotations

import csv
import datetime as dt

from openpyxl import load_workbook
from stdnum.id import nik as stdnik

from scansim.people import (
    PENGALAMAN_COLUMNS,
    ROSTER_COLUMNS,
    load_data,
    make_people,
    write_roster_csv,
    write_roster_xlsx,
)


def test_nik_valid_unique_and_consistent():
    people = make_people(400, seed=11)
    niks = [p["nik"] for p in people]
    assert len(set(niks)) == len(niks)
    districts = load_data()["districts"]
    for p in people:
        nik = p["nik"]
        assert stdnik.is_valid(nik), nik
        assert nik[:4] == "6201" and nik[4:6] in districts
        birth = p["tanggal_lahir"]
        day = int(nik[6:8])
        assert day == birth.day + (40 if p["jenis_kelamin"] == "P" else 0)
        assert nik[8:10] == f"{birth.month:02d}" and nik[10:12] == f"{birth.year % 100:02d}"
        assert int(nik[12:]) >= 1
        assert p["kecamatan_kode"] == nik[4:6]
    assert {"L", "P"} == {p["jenis_kelamin"] for p in people}
    assert len({p["nik"][4:6] for p in people}) == 6


def test_rows_are_complete_and_jobs_match_levels():
    data = load_data()
    levels = {j["jabatan"]: j for j in data["jobs"]}
    for p in make_people(150, seed=2):
        for key in ROSTER_COLUMNS:
            assert key in p
        job = levels[p["jabatan_kerja"]]
        assert p["jenjang"] in job["jenjang"] and 1 <= p["jenjang"] <= 9
        assert p["pendidikan"] in job["pendidikan"]
        village_lists = data["districts"][next(k for k, d in data["districts"].items()
                                               if d["name"] == p["kecamatan"])]["villages"]
        assert p["kelurahan"] in village_lists
        assert f"RT {p['rt']}/RW {p['rw']}" in p["alamat"]
        assert p["no_hp"].startswith("08") and p["no_hp"].isdigit()
        assert 1 <= len(p["pengalaman"]) <= 3
        previous_end = None
        for project in p["pengalaman"]:
            assert set(PENGALAMAN_COLUMNS[1:]) <= set(project)
            assert project["mulai"] < project["selesai"]
            if previous_end:
                assert previous_end < project["mulai"]
            previous_end = project["selesai"]
        age = (dt.date(2026, 11, 1) - p["tanggal_lahir"]).days / 365.25
        assert 18 < age < 60


def test_same_seed_same_people_other_seed_others():
    assert make_people(20, seed=5) == make_people(20, seed=5)
    assert [p["nik"] for p in make_people(20, seed=5)] != \
        [p["nik"] for p in make_people(20, seed=6)]


def test_roster_csv_and_xlsx_read_back(tmp_path):
    people = make_people(12, seed=3)
    people[0]["nama"] = "=HYPERLINK(\"x\")"
    path = write_roster_csv(people, tmp_path / "roster.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ROSTER_COLUMNS
    assert [r["nik"] for r in rows] == [p["nik"] for p in people]
    assert rows[1]["tanggal_lahir"] == people[1]["tanggal_lahir"].isoformat()
    assert rows[0]["nama"].startswith("'=")

    path = write_roster_xlsx(people, tmp_path / "roster.xlsx")
    wb = load_workbook(path)
    roster = list(wb["roster"].values)
    assert list(roster[0]) == ROSTER_COLUMNS
    assert [r[1] for r in roster[1:]] == [p["nik"] for p in people]  # text, not numbers
    projects = list(wb["pengalaman"].values)
    assert list(projects[0]) == PENGALAMAN_COLUMNS
    assert len(projects) - 1 == sum(len(p["pengalaman"]) for p in people)
    first = people[1]["pengalaman"][0]
    match = [r for r in projects[1:] if r[0] == people[1]["nik"]][0]
    assert match[1] == first["nama_proyek"] and match[5] == first["mulai"].isoformat()


def test_schooling_and_level_fit_the_age():
    for p in make_people(300, seed=4):
        assert p["tahun_lulus"] < 2026
        age = 2026 - p["tanggal_lahir"].year
        assert age >= 19 + (p["jenjang"] >= 7) * 6, (age, p["jenjang"], p["pendidikan"])
def test_a_well_known_person_s_full_name_is_never_drawn():
    """The random pairs could make 'Joko Widodo'; the first name then stands alone."""
    import random

    from scansim.people import _name, load_data

    class Picks(random.Random):
        def choice(self, seq):
            return next(x for x in seq if x in ("Joko", "Widodo"))

        def random(self):
            return 0.0   # always a second name

    group = load_data()["names"]["jawa"]
    assert _name(Picks(1), group, "L") == "Joko"
