"""NIK structure, birth date and sex, region codes, and spreadsheet damage."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formgen.domain.nik import (
    check_nik,
    known_districts,
    make_nik,
    nik_agrees,
    nik_well_formed,
    normalise_nik,
)

KOBAR_DISTRICTS = sorted(known_districts("62", "01"))


def test_kotawaringin_barat_districts_are_known():
    assert known_districts("62", "01") == {
        "01": "Kumai", "02": "Arut Selatan", "03": "Kotawaringin Lama", "04": "Arut Utara",
        "05": "Pangkalan Lada", "06": "Pangkalan Banteng"}


def test_male_nik_decodes():
    result = check_nik("6201021505900001", tanggal_lahir=date(1990, 5, 15), jenis_kelamin="L")
    assert result.ok and result.reasons == []
    assert (result.province, result.regency, result.district) == ("62", "01", "02")
    assert (result.birth_day, result.birth_month, result.birth_yy, result.sex) == (15, 5, 90, "L")
    assert result.region_code == "62.01.02"
    assert result.district_name == "Arut Selatan"
    assert result.regency_name == "Kotawaringin Barat"
    assert result.province_name == "Kalimantan Tengah"


def test_female_day_plus_forty():
    result = check_nik("6201015505900002", tanggal_lahir=date(1990, 5, 15), jenis_kelamin="P")
    assert result.ok
    assert (result.birth_day, result.sex, result.district_name) == (15, "P", "Kumai")


def test_century_comes_from_the_roster():
    # 29 Feb 2004 exists, 29 Feb 1904 also does; 29 Feb 2000 exists while 1900 did not.
    nik = make_nik(birth=date(2000, 2, 29), sex="L", region="620103")
    assert check_nik(nik, tanggal_lahir=date(2000, 2, 29), jenis_kelamin="L").ok
    result = check_nik(nik)
    assert result.ok and result.birth_date() == date(2000, 2, 29)
    assert result.birth_date(date(2000, 1, 1)) == date(2000, 2, 29)
    # The same digits for someone born in 1900 are no date at all.
    assert check_nik(nik, tanggal_lahir=date(1900, 3, 1)).reasons == ["nik_birth_date"]


def test_young_worker_born_in_2005():
    nik = make_nik(birth=date(2005, 7, 3), sex="P", region="620106")
    result = check_nik(nik, tanggal_lahir=date(2005, 7, 3), jenis_kelamin="P")
    assert result.ok and result.birth_date(date(2005, 7, 3)) == date(2005, 7, 3)


@pytest.mark.parametrize(("nik", "reason"), [
    ("", "nik_missing"),
    ("62010215059000", "nik_length"),
    ("62010215059000011", "nik_length"),
    ("62010215O5900001", "nik_not_digits"),
    ("６２０１０２１５０５９０００01", "nik_not_digits"),
    ("9901021505900001", "nik_province"),
    ("0001021505900001", "nik_province"),
    ("6299021505900001", "nik_regency"),
    ("3200021505900001", "nik_regency"),
    ("6201071505900001", "nik_district"),
    ("6201001505900001", "nik_district"),
    ("6201023205900001", "nik_birth_date"),
    ("6201020005900001", "nik_birth_date"),
    ("6201027205900001", "nik_birth_date"),
    ("6201021513900001", "nik_birth_date"),
    ("6201021500900001", "nik_birth_date"),
    ("6201021505900000", "nik_serial"),
])
def test_structure_reasons(nik, reason):
    result = check_nik(nik)
    assert not result.ok
    assert reason in result.reasons


def test_other_province_checked_for_form_only():
    assert check_nik("3273011505900001").ok  # Bandung: regency list not kept, form is fine
    assert check_nik("6271011505900001").ok  # Palangka Raya


def test_birth_date_mismatch():
    result = check_nik("6201021505900001", tanggal_lahir=date(1990, 5, 16), jenis_kelamin="L")
    assert result.reasons == ["nik_birth_mismatch"]
    result = check_nik("6201021505900001", tanggal_lahir=date(1991, 5, 15), jenis_kelamin="L")
    assert result.reasons == ["nik_birth_mismatch"]


def test_sex_mismatch():
    # A woman's NIK (day + 40) for a roster row saying L, and the other way round.
    assert check_nik("6201015505900002", tanggal_lahir=date(1990, 5, 15),
                     jenis_kelamin="L").reasons == ["nik_sex_mismatch"]
    assert check_nik("6201011505900002", tanggal_lahir=date(1990, 5, 15),
                     jenis_kelamin="P").reasons == ["nik_sex_mismatch"]


def test_leap_day_in_the_wrong_century():
    nik = make_nik(birth=date(2004, 2, 29), sex="L")
    assert check_nik(nik, tanggal_lahir=date(2004, 2, 29)).ok
    # 1904 was a leap year too, but 2001/1901 were not: 29-02-01 is no date.
    assert "nik_birth_date" in check_nik("6201022902010001",
                                         tanggal_lahir=date(2001, 3, 1)).reasons


@pytest.mark.parametrize("raw", [
    "3.2E+15", "6.20102E+15", "6,20102E+15", "6.201021505900001e15", "6201021505900001.0",
    "6201021505900001,00", 6201021505900000, 6.2010215059e15, 6201021505900000.0,
    float("nan"),
])
def test_mangled_by_a_spreadsheet(raw):
    assert normalise_nik(raw) is None


@pytest.mark.parametrize(("raw", "expected"), [
    ("6201021505900001", "6201021505900001"),
    (" 6201 0215 0590 0001 ", "6201021505900001"),
    ("6201-0215-0590-0001", "6201021505900001"),
    ("'6201021505900001", "6201021505900001"),
    ("\ufeff6201021505900001\u200b", "6201021505900001"),
    ("6201021505900010", "6201021505900010"),  # as text a final 0 is trusted
    (6201021505900001, "6201021505900001"),  # exact number: its last digit survived
    (None, ""),
    ("", ""),
])
def test_normalise_keeps_text(raw, expected):
    assert normalise_nik(raw) == expected


def test_make_nik_refuses_nonsense():
    with pytest.raises(ValueError):
        make_nik(birth=date(1990, 1, 1), sex="X")
    with pytest.raises(ValueError):
        make_nik(birth=date(1990, 1, 1), sex="L", region="62")


# -- properties ----------------------------------------------------------------

births = st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31))
sexes = st.sampled_from(["L", "P"])
districts = st.sampled_from(KOBAR_DISTRICTS)
serials = st.integers(min_value=1, max_value=9999)


@settings(max_examples=300, deadline=None)
@given(birth=births, sex=sexes, district=districts, serial=serials)
def test_valid_niks_accepted_and_decoded(birth, sex, district, serial):
    nik = make_nik(birth=birth, sex=sex, region=f"6201{district}", serial=serial)
    result = check_nik(nik, tanggal_lahir=birth, jenis_kelamin=sex)
    assert result.ok, result.reasons
    assert len(nik) == 16 and nik.isdigit()
    assert (result.province, result.regency, result.district) == ("62", "01", district)
    assert (result.birth_day, result.birth_month, result.birth_yy) == (
        birth.day, birth.month, birth.year % 100)
    assert result.sex == sex
    assert result.birth_date(birth) == birth
    assert int(result.serial) == serial


@settings(max_examples=400, deadline=None)
@given(birth=births, sex=sexes, district=districts, serial=serials,
       position=st.integers(min_value=0, max_value=15), digit=st.integers(0, 9))
def test_mutated_niks_rejected_or_consistent(birth, sex, district, serial, position, digit):
    nik = make_nik(birth=birth, sex=sex, region=f"6201{district}", serial=serial)
    mutated = nik[:position] + str(digit) + nik[position + 1:]
    result = check_nik(mutated, tanggal_lahir=birth, jenis_kelamin=sex)
    if mutated == nik:
        assert result.ok
    elif 6 <= position < 12:
        assert not result.ok  # the birth date or sex no longer agree with the roster
    if result.ok:
        # Whatever is accepted decodes back to exactly its own digits.
        rebuilt = make_nik(birth=result.birth_date(birth), sex=result.sex,
                           region=result.province + result.regency + result.district,
                           serial=int(result.serial))
        assert rebuilt == mutated
        assert result.region_code.replace(".", "") == mutated[:6]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=24))
def test_any_text_gives_reasons_not_errors(text):
    result = check_nik(text)
    assert result.ok == (result.reasons == [])
    normalised = normalise_nik(text)
    assert normalised is None or isinstance(normalised, str)


def test_well_formed_and_card_agreement():
    assert nik_well_formed("6201041608850029")
    assert not nik_well_formed("6201041608850")            # too short
    assert not nik_well_formed("6201043208850029")         # day 32
    assert not nik_well_formed("6201091608850029")         # no district 09 in Kotawaringin Barat
    assert not nik_well_formed(None)
    woman = "6201045608850029"                              # 16 + 40
    assert nik_agrees(woman, date(1985, 8, 16), "P") is True
    assert nik_agrees(woman, date(1985, 8, 16), "L") is False
    assert nik_agrees(woman, date(1985, 8, 16), None) is True     # sex not read
    assert nik_agrees(woman, date(1985, 8, 17), None) is False
    assert nik_agrees(woman, None, "P") is None
    assert nik_agrees("62010456088500", date(1985, 8, 16), "P") is None


def test_holder_birth_date_takes_the_century_of_an_adult():
    today = date(2026, 11, 30)
    assert check_nik("6201020106040014").holder_birth_date(today) == date(2004, 6, 1)
    assert check_nik("6201020106100014").holder_birth_date(today) == date(1910, 6, 1)
    assert check_nik("6201024106850014").holder_birth_date(today) == date(1985, 6, 1)


def test_a_serial_no_card_carries_is_doubted_not_refused():
    from formgen.domain.nik import nik_serial_usual, nik_well_formed

    assert nik_serial_usual("6201020701040024")
    assert not nik_serial_usual("6201020701049924")      # worn "00" read as "99"
    assert nik_well_formed("6201020701049924")           # still a valid NIK on a roster
    assert nik_serial_usual(None) and nik_serial_usual("62010207")
