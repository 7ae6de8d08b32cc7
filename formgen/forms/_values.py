"""Values a pack shows: roster rows turned into the keys the form templates name."""
from __future__ import annotations

import sqlite3

from formgen.domain.dates import format_numeric
from formgen.domain.jabatan import competency_units

ROSTER_KEYS = ("nama", "nik", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat",
               "kelurahan", "kecamatan", "kode_pos", "no_hp", "email", "pendidikan",
               "nama_sekolah", "program_studi", "tahun_lulus", "no_ijazah", "jabatan_kerja",
               "jenjang")
# experience column -> suffix of the form key proyek_<n>_<suffix>
EXPERIENCE_KEYS = {"nama_proyek": "nama", "pemberi_kerja": "pemberi_kerja",
                   "jabatan": "jabatan", "lokasi": "lokasi", "mulai": "mulai",
                   "selesai": "selesai"}


def applicant_values(row: sqlite3.Row | dict, experience: list) -> dict[str, str]:
    values: dict[str, str] = {}
    for key in ROSTER_KEYS:
        value = row[key] if key in row.keys() else None
        if value is not None and value != "":
            values[key] = str(value)
    if "tanggal_lahir" in values:
        values["tanggal_lahir"] = format_numeric(values["tanggal_lahir"])
    for n, (kode, judul) in enumerate(competency_units(values.get("jabatan_kerja")), start=1):
        values[f"unit_{n}_kode"], values[f"unit_{n}_judul"] = kode, judul
    for n, exp in enumerate(experience, start=1):
        for column, suffix in EXPERIENCE_KEYS.items():
            value = exp[column]
            if value:
                text = format_numeric(str(value)) if column in ("mulai", "selesai") else str(value)
                values[f"proyek_{n}_{suffix}"] = text
    return values


def load_applicants(conn: sqlite3.Connection, ids: list[int]) -> list[tuple[sqlite3.Row, dict]]:
    """(row, values) of each applicant in ``ids``, in that order."""
    result = []
    for applicant_id in ids:
        row = conn.execute("SELECT * FROM applicants WHERE id = ?", (applicant_id,)).fetchone()
        experience = conn.execute(
            "SELECT * FROM experience WHERE applicant_id = ? ORDER BY id", (applicant_id,)
        ).fetchall()
        result.append((row, applicant_values(row, experience)))
    return result
