"""FR.APL.02 (asesmen mandiri) end to end: printed when asked, read back, in the dossier.

The units of competency come from the jabatan kerja table; the simulated applicant ticks K
for every unit printed and signs; the self-assessment counts with FR.APL.01 and stands
right after it in the dossier.
"""
from __future__ import annotations

import json
import sqlite3

import pdfplumber
import pytest
from pypdf import PdfReader

from formgen.domain.jabatan import competency_units
from scansim.people import make_people, write_roster_xlsx
from scansim.scan import simulate_returns
from tests.support.cli import workspace_cli

DPI = 200


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    root = tmp_path_factory.mktemp("apl02")
    ws = root / "ws"
    run = workspace_cli(ws)

    run("init", "--dpi", DPI)
    config = ws / "formgen.toml"
    text = config.read_text(encoding="utf-8")
    assert "asesmen_mandiri = false" in text
    config.write_text(text.replace("asesmen_mandiri = false", "asesmen_mandiri = true"),
                      encoding="utf-8")
    people = make_people(2, seed=11)
    write_roster_xlsx(people, root / "roster.xlsx")
    run("roster", "import", root / "roster.xlsx", "--json")
    by_nik = {a["nik"]: a["applicant"] for a in run("roster", "list", "--json")["applicants"]}
    packs = run("pack", "--all", "--json")["packs"]
    batch = simulate_returns(packs, root / "scans", dpi=DPI, seed=11,
                             people={by_nik[p["nik"]]: p for p in people}, defects={})
    run("ingest", *batch.files, "--jobs", "2", "--json")
    return {"run": run, "ws": ws, "people": people, "by_nik": by_nik, "packs": packs,
            "pages": run("pages", "--json")["pages"], "check": run("check", "--json")}


def test_pack_carries_the_units_of_the_applicants_job(chain):
    person = chain["people"][0]
    pack = next(p for p in chain["packs"] if p["nik"] == person["nik"])
    fields = {k: v.get("/V") for k, v in PdfReader(pack["path"]).get_fields().items()}
    units = competency_units(person["jabatan_kerja"])
    assert units
    for n, (_kode, judul) in enumerate(units, start=1):
        assert fields[f"asesmen_mandiri.unit_{n}_judul"] == judul
    assert "asesmen_mandiri.ttd_pemohon" in fields


def test_self_assessment_read_back_and_counted(chain):
    apl02 = [p for p in chain["pages"] if p["doc"] == "asesmen_mandiri"]
    assert len(apl02) == len(chain["people"])
    for page in apl02:
        assert page["applicant"] is not None and page["review"] is None
        assert page["signatures"]["ttd_pemohon"] is True
    for verdict in chain["check"]["applicants"]:
        assert verdict["requirements"]["permohonan"]["status"] == "ok", verdict
        assert verdict["status"] == "lengkap", verdict


def test_ticks_read_as_ticked(chain):
    person = chain["people"][0]
    applicant = chain["by_nik"][person["nik"]]
    units = competency_units(person["jabatan_kerja"])
    with sqlite3.connect(chain["ws"] / "formgen.db") as conn:
        ticks = dict(conn.execute(
            "SELECT f.name, f.value FROM findings f JOIN pages p ON p.id = f.page_id"
            " WHERE p.doc = 'asesmen_mandiri' AND p.applicant_id = ? AND f.kind = 'checkbox'",
            (applicant,)).fetchall())
    for n in range(1, len(units) + 1):
        assert json.loads(ticks[f"unit_{n}_k"]) is True, n
        assert json.loads(ticks[f"unit_{n}_bk"]) is False, n
    assert json.loads(ticks[f"unit_{len(units) + 1}_k"]) is False  # a row with no unit


def test_dossier_puts_the_self_assessment_after_the_application(chain):
    applicant = chain["by_nik"][chain["people"][0]["nik"]]
    result = chain["run"]("dossier", "--applicant", applicant, "--json")
    (dossier,) = result["dossiers"]
    with pdfplumber.open(dossier["path"]) as pdf:
        texts = [" ".join((page.extract_text() or "").split()).upper() for page in pdf.pages]

    def first(word: str) -> int:  # page 1 is the cover, which names every requirement
        return next(i for i, text in enumerate(texts) if i > 0 and word in text)

    # the application form lists the experience form among its attachments: its title
    assert first("FR.APL.01") < first("ASESMEN MANDIRI") < first("FORMULIR KETERANGAN")
