"""Jabatan kerja -> klasifikasi, subklasifikasi, kualifikasi and KKNI jenjang, from templates data.

The table is form_templates/jabatan_kerja.yaml (an office keeps it in step with the LSP's
skema list). A roster may write a job as the table names it or by one of its other names.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from formgen.core.resources import template_path
from formgen.core.yamlfile import load_yaml


@dataclass(frozen=True)
class Jabatan:
    nama: str
    klasifikasi: str
    subklasifikasi: str
    jenjang: tuple[int, ...]
    units: tuple[tuple[str, str], ...] = ()


@cache
def _table(path: Path) -> tuple[dict[str, Jabatan], tuple[tuple[tuple[int, ...], str], ...],
                               tuple[tuple[str, str], ...]]:
    data = load_yaml(path) or {}
    by_name: dict[str, Jabatan] = {}
    for row in data.get("jabatan") or ():
        job = Jabatan(nama=row["nama"], klasifikasi=row["klasifikasi"],
                      subklasifikasi=row["subklasifikasi"], jenjang=tuple(row["jenjang"]),
                      units=tuple((str(k), str(j)) for k, j in row.get("unit") or ()))
        for name in (row["nama"], *(row.get("nama_lain") or ())):
            by_name[_key(name)] = job
    levels = tuple((tuple(k["jenjang"]), k["nama"]) for k in data.get("kualifikasi") or ())
    general = tuple((str(k), str(j)) for k, j in data.get("unit_umum") or ())
    return by_name, levels, general


def _key(name: str) -> str:
    return " ".join(str(name).lower().split())


def find_jabatan(name: str | None) -> Jabatan | None:
    """The table's row for a roster's jabatan kerja, or None when the table does not know it."""
    if not name:
        return None
    return _table(template_path("jabatan_kerja.yaml"))[0].get(_key(name))


def kualifikasi(jenjang: int | None) -> str:
    """Operator, Teknisi/Analis or Ahli for a KKNI jenjang ('' when unknown)."""
    for levels, nama in _table(template_path("jabatan_kerja.yaml"))[1]:
        if jenjang in levels:
            return nama
    return ""


def competency_units(name: str | None) -> tuple[tuple[str, str], ...]:
    """(kode, judul) of the units an applicant for ``name`` assesses, the general list when
    the table names none for that job."""
    job = find_jabatan(name)
    return (job.units if job and job.units else
            _table(template_path("jabatan_kerja.yaml"))[2])
