"""Synthetic construction workers of Kabupaten Kotawaringin Barat, as roster rows.

Every person is made up from the word lists in ``data/people.yaml``; the NIK follows the
real structure (62 01 <district> <day(+40 for women)> <month> <yy> <serial>) so that the
readers' checks can be exercised, but no row describes a real person.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
from functools import lru_cache
from pathlib import Path

from formgen.core.atomic import atomic_open
from formgen.core.cells import safe_cell
from formgen.core.yamlfile import load_yaml

DATA = Path(__file__).with_name("data") / "people.yaml"

ROSTER_COLUMNS = ["nama", "nik", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat",
                  "kelurahan", "kecamatan", "no_hp", "email", "pendidikan", "jabatan_kerja",
                  "jenjang", "kode_pos", "nama_sekolah", "program_studi", "no_ijazah",
                  "tahun_lulus", "alamat_sekolah", "propinsi_sekolah", "kabupaten_sekolah"]
PENGALAMAN_COLUMNS = ["nik", "nama_proyek", "pemberi_kerja", "jabatan", "lokasi", "mulai",
                      "selesai", "nilai_proyek", "jenis_pengalaman"]

PROVINCE = "62"
REGENCY = "01"
EMAIL_DOMAINS = ["contoh.co.id", "surel.contoh.id", "mail.contoh.id"]
PHONE_PREFIXES = ["0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0877",
                  "0895"]
MARITAL = [("KAWIN", 60), ("BELUM KAWIN", 32), ("CERAI HIDUP", 5), ("CERAI MATI", 3)]
SCHOOL_AGE = {"SD": 12, "SMP": 15, "SMA": 18, "SMK": 18, "D1": 19, "D2": 20, "D3": 21,
              "D4": 22, "S1": 22, "S2": 25, "S3": 29}
BLOOD = [("-", 40), ("O", 22), ("A", 15), ("B", 17), ("AB", 6)]
# Postcodes of the districts (kecamatan code -> kode pos), for SIKI's kodepos.
POSTCODES = {"01": "74181", "02": "74112", "03": "74161", "04": "74152", "05": "74184",
             "06": "74183"}
SCHOOLS = {"SD": "SD Negeri {n} {town}", "SMP": "SMP Negeri {n} {town}",
           "SMA": "SMA Negeri {n} {town}", "SMK": "SMK Negeri {n} {town}",
           "D": "Politeknik Negeri {city}", "S": "Universitas {city}"}
SCHOOL_TOWNS = ["Pangkalan Bun", "Kumai", "Kotawaringin Lama", "Pangkalan Banteng",
                "Pangkalan Lada", "Arut Utara"]
UNIVERSITY_CITIES = ["Palangka Raya", "Antakusuma", "Lambung Mangkurat", "Banjarmasin"]
# Where a school or university of those names stands: (province, regency or city, street).
KOBAR = ("Kalimantan Tengah", "Kotawaringin Barat")
SCHOOL_PLACES = {
    "Palangka Raya": ("Kalimantan Tengah", "Kota Palangka Raya", "Jl. Yos Sudarso, Palangka Raya"),
    "Antakusuma": ("Kalimantan Tengah", "Kotawaringin Barat", "Jl. Iskandar, Pangkalan Bun"),
    "Lambung Mangkurat": ("Kalimantan Selatan", "Kota Banjarmasin",
                          "Jl. Brigjen H. Hasan Basri, Banjarmasin"),
    "Banjarmasin": ("Kalimantan Selatan", "Kota Banjarmasin", "Jl. A. Yani Km 4, Banjarmasin")}
STUDY = {"SMK": ["Teknik Konstruksi dan Perumahan", "Desain Pemodelan dan Informasi Bangunan",
                 "Teknik Konstruksi Gedung, Sanitasi dan Perawatan"],
         "SMA": ["IPA", "IPS"],
         "higher": ["Teknik Sipil", "Arsitektur", "Teknik Konstruksi Gedung"]}
EXPERIENCE_KINDS = {"Pengawas": "Pengawasan", "Ahli": "Perencanaan"}


@lru_cache(maxsize=1)
def load_data() -> dict:
    """The word lists (names, districts, villages, streets, jobs, employers)."""
    return load_yaml(DATA)


def _weighted(rng: random.Random, pairs) -> str:
    values = [p[0] for p in pairs]
    weights = [p[1] for p in pairs]
    return rng.choices(values, weights=weights)[0]


def nik_for(district: str, birth: dt.date, sex: str, serial: int) -> str:
    """The 16-digit NIK for an issuing district, birth date, sex ("L"/"P") and serial."""
    day = birth.day + (40 if sex == "P" else 0)
    return (f"{PROVINCE}{REGENCY}{district}{day:02d}{birth.month:02d}{birth.year % 100:02d}"
            f"{serial:04d}")


def _name(rng: random.Random, group: dict, sex: str) -> str:
    key = "male" if sex == "L" else "female"
    first = rng.choice(group[key])
    if rng.random() < 0.75:
        second = rng.choice(group["second_" + key])
        if second.lower() not in first.lower() and \
                f"{first} {second}" not in load_data()["not_drawn"]:
            return f"{first} {second}"
    return first


def _birth_date(rng: random.Random, today: dt.date, *, min_age: int) -> dt.date:
    age_days = rng.randint(min_age * 366, 58 * 365)
    return today - dt.timedelta(days=age_days)


def _phone(rng: random.Random) -> str:
    return rng.choice(PHONE_PREFIXES) + "".join(str(rng.randint(0, 9))
                                                for _ in range(rng.choice([7, 8])))


def _email(rng: random.Random, nama: str, birth: dt.date) -> str:
    parts = [p.lower() for p in nama.split() if p.isalpha()]
    local = ".".join(parts[:2]) if rng.random() < 0.6 else parts[0] + str(birth.year % 100)
    return f"{local}{rng.randint(1, 99)}@{rng.choice(EMAIL_DOMAINS)}"


def _address(rng: random.Random, data: dict) -> tuple[str, str, str]:
    street = rng.choice(data["streets"])
    if rng.random() < 0.3:
        street = f"{street} {rng.choice(data['lanes'])}"
    return f"{street} No. {rng.randint(1, 120)}", f"{rng.randint(1, 25):03d}", \
        f"{rng.randint(1, 9):03d}"


def _project(rng: random.Random, data: dict, jabatan: str, end: dt.date) -> dict:
    code = rng.choice(list(data["districts"]))
    district = data["districts"][code]["name"]
    village = rng.choice(data["districts"][code]["villages"])
    place = rng.choice(data["project_places"]).format(
        district=district, village=village, n=rng.randint(1, 6))
    name = rng.choice(data["project_works"]).format(
        place=place, village=village, road=f"{rng.choice(data['streets'])}",
        river=rng.choice(data["rivers"]))
    months = rng.randint(2, 10)
    selesai = end - dt.timedelta(days=rng.randint(0, 60))
    mulai = selesai - dt.timedelta(days=months * 30 + rng.randint(0, 20))
    return {"nama_proyek": name,
            "pemberi_kerja": rng.choice(data["employers"]),
            "jabatan": jabatan,
            "lokasi": f"{village}, {district}",
            "mulai": mulai,
            "selesai": selesai}


def make_people(n: int, *, seed: int, today: dt.date | None = None) -> list[dict]:
    """``n`` synthetic roster rows, the same for the same ``seed``.

    Besides the roster keys (see ``ROSTER_COLUMNS``) and ``pengalaman`` each row carries
    what a KTP shows: ``jalan``, ``rt``, ``rw``, ``agama``, ``status_perkawinan``,
    ``gol_darah``, ``kecamatan_kode`` (issuing district of the NIK), ``sekolah`` and
    ``tahun_lulus`` for the diploma.
    """
    data = load_data()
    rng = random.Random(seed)
    today = today or dt.date(2026, 11, 1)
    groups = data["names"]
    group_names = list(groups)
    group_weights = [35, 20, 30, 15]
    districts = data["districts"]
    dweights = data["district_weights"]
    jobs = data["jobs"]
    used_nik: set[str] = set()
    serials: dict[tuple, int] = {}
    people = []
    for _ in range(n):
        group = groups[rng.choices(group_names, weights=group_weights)[0]]
        sex = "L" if rng.random() < 0.88 else "P"
        nama = _name(rng, group, sex)
        code = rng.choices(list(dweights), weights=list(dweights.values()))[0]
        kecamatan = districts[code]["name"]
        kelurahan = rng.choice(districts[code]["villages"])
        issue = code if rng.random() < 0.85 else rng.choice(list(districts))
        jalan, rt, rw = _address(rng, data)
        job = rng.choices(jobs, weights=[j["weight"] for j in jobs])[0]
        jenjang = rng.choice(job["jenjang"])
        pendidikan = rng.choice(job["pendidikan"])
        school_age = SCHOOL_AGE[pendidikan]
        # Old enough to have finished school and worked up to the level.
        birth = _birth_date(rng, today, min_age=max(19, school_age + 1 + 2 * (jenjang - 1)))
        # Serials start low and grow per (district, birth date, sex), as Disdukcapil issues them.
        key = (issue, birth, sex)
        serials[key] = serials.get(key, 0) + rng.randint(1, 40)
        nik = nik_for(issue, birth, sex, serials[key])
        while nik in used_nik:
            serials[key] += 1
            nik = nik_for(issue, birth, sex, serials[key])
        used_nik.add(nik)
        end = today - dt.timedelta(days=rng.randint(10, 400))
        pengalaman = []
        for _k in range(rng.randint(1, 3)):
            project = _project(rng, data, job["jabatan"], end)
            pengalaman.append(project)
            end = project["mulai"] - dt.timedelta(days=rng.randint(15, 200))
        pengalaman.reverse()
        people.append({
            "nama": nama,
            "nik": nik,
            "tempat_lahir": _weighted(rng, data["birthplaces"]).title(),
            "tanggal_lahir": birth,
            "jenis_kelamin": sex,
            "alamat": f"{jalan} RT {rt}/RW {rw}",
            "kelurahan": kelurahan,
            "kecamatan": kecamatan,
            "no_hp": _phone(rng),
            "email": _email(rng, nama, birth) if rng.random() < 0.7 else "",
            "pendidikan": pendidikan,
            "jabatan_kerja": job["jabatan"],
            "jenjang": jenjang,
            "pengalaman": pengalaman,
            "jalan": jalan,
            "rt": rt,
            "rw": rw,
            "agama": rng.choice(group["religion"]).upper(),
            "status_perkawinan": _weighted(rng, MARITAL),
            "gol_darah": _weighted(rng, BLOOD),
            "kecamatan_kode": issue,
            "tahun_lulus": birth.year + school_age,
        })
        _add_siki_fields(people[-1], seed=seed)
    return people


def roster_names(people: list[dict], size: int, *, seed: int) -> tuple[str, ...]:
    """The names on a workspace roster that holds ``people`` among others: theirs, then
    other synthetic people's, ``size`` names in all (at least ``people``'s)."""
    names = [p["nama"] for p in people]
    others = make_people(max(0, size - len(names)), seed=seed + 1000)
    return tuple(names + [p["nama"] for p in others])


def roster_niks(people: list[dict], size: int, *, seed: int) -> tuple[str, ...]:
    """The NIKs of the roster :func:`roster_names` makes, in its order."""
    others = make_people(max(0, size - len(people)), seed=seed + 1000)
    return tuple(p["nik"] for p in [*people, *others])


def roster_without(roster, name: str) -> tuple[str, ...]:
    """``roster`` with ``name`` left off (however it is written)."""
    return tuple(n for n in roster if n.upper() != name.upper())


def _add_siki_fields(person: dict, *, seed: int) -> None:
    """What SIKI also takes (postcode, school, diploma number, project values), drawn from a
    stream of its own so that the rest of a person stays as it was for the same seed."""
    rng = random.Random(f"siki-{seed}-{person['nik']}")
    level = person["pendidikan"]
    code = next((c for c, d in load_data()["districts"].items()
                 if d["name"] == person["kecamatan"]), "02")
    person["kode_pos"] = POSTCODES.get(code, "74112")
    fmt = SCHOOLS.get(level) or SCHOOLS[level[0]]
    town, city = rng.choice(SCHOOL_TOWNS), rng.choice(UNIVERSITY_CITIES)
    person["nama_sekolah"] = fmt.format(n=rng.randint(1, 4), town=town, city=city)
    place = SCHOOL_PLACES[city] if "{city}" in fmt else None
    province, regency, street = place or (*KOBAR, f"Jl. Pendidikan No. {rng.randint(1, 40)}, "
                                                  f"{town}")
    person["alamat_sekolah"] = street
    person["propinsi_sekolah"], person["kabupaten_sekolah"] = province, regency
    study = STUDY.get(level) or (STUDY["higher"] if level[0] in "DS" else None)
    person["program_studi"] = rng.choice(study) if study else ""
    person["no_ijazah"] = (f"DN-{rng.randint(10, 16):02d} {rng.choice(['Dd', 'Dl', 'Ma', 'Mk'])}"
                           f" {rng.randint(0, 9999999):07d}")
    kind = next((v for k, v in EXPERIENCE_KINDS.items() if k in person["jabatan_kerja"]),
                "Pelaksanaan")
    for project in person["pengalaman"]:
        project["nilai_proyek"] = rng.randint(8, 900) * 5_000_000
        project["jenis_pengalaman"] = kind


def _cell(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def roster_rows(people: list[dict]) -> list[list[str]]:
    return [[_cell(p[c]) for c in ROSTER_COLUMNS] for p in people]


def pengalaman_rows(people: list[dict]) -> list[list[str]]:
    return [[p["nik"]] + [_cell(x[c]) for c in PENGALAMAN_COLUMNS[1:]]
            for p in people for x in p["pengalaman"]]


def write_roster_csv(people: list[dict], path: Path) -> Path:
    """The roster as CSV (UTF-8, comma, header row); projects are not in a CSV roster."""
    path = Path(path)
    with atomic_open(path, "w", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(ROSTER_COLUMNS)
        writer.writerows([[safe_cell(v) for v in row] for row in roster_rows(people)])
    return path


def write_roster_xlsx(people: list[dict], path: Path) -> Path:
    """The roster as xlsx: sheet ``roster`` and sheet ``pengalaman`` (one row per project)."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "roster"
    ws.append(ROSTER_COLUMNS)
    for row in roster_rows(people):
        ws.append([safe_cell(v) for v in row])
    ws2 = wb.create_sheet("pengalaman")
    ws2.append(PENGALAMAN_COLUMNS)
    for row in pengalaman_rows(people):
        ws2.append([safe_cell(v) for v in row])
    for sheet in (ws, ws2):
        for col in sheet.columns:
            # NIKs and dates stay text so that spreadsheets do not turn them into numbers.
            for cell in col:
                cell.number_format = "@"
    with atomic_open(path, "wb") as fh:
        wb.save(fh)
    return path
