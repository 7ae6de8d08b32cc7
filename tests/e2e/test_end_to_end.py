"""The whole chain on a small simulated batch, driven through the CLI's --json contract.

Roster → packs → returned paperwork (scan simulator, with defects) → ingest →
pages → check → dossiers → recap. Every page must be attributed to its true
applicant or be in review — never attributed wrongly — and every applicant's
verdict must follow from the defects the simulator put in.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from formgen.cli import main
from scansim.people import make_people, write_roster_xlsx
from scansim.scan import simulate_returns

DPI = 200
# applicant (roster order) -> defects of their returned paperwork
PLAN = [set(), {"unsigned"}, {"missing_ktp", "upside_down"}, {"ktp_other_person", "blank_back"}]
INCOMPLETE = {"unsigned", "missing_ktp", "missing_ijazah", "missing_pas_foto", "no_materai",
              "greyscale_ktp", "greyscale_ijazah", "wrong_photo"}
NEEDS_A_PERSON = {"ktp_other_person"}


def expected_status(defects: set[str]) -> str:
    if defects & INCOMPLETE:
        return "belum_lengkap"
    if defects & NEEDS_A_PERSON:
        return "perlu_diperiksa"
    return "lengkap"


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    ws = root / "ws"
    runner = CliRunner()

    def run(*args, ok=(0,)):
        result = runner.invoke(main, ["--workspace", str(ws), *map(str, args)],
                               catch_exceptions=False)
        assert result.exit_code in ok, result.output
        return json.loads(result.stdout) if "--json" in args else result

    run("init", "--dpi", DPI)
    people = make_people(len(PLAN), seed=7)
    write_roster_xlsx(people, root / "roster.xlsx")  # with the sheet of their projects
    imported = run("roster", "import", root / "roster.xlsx", "--json")
    assert imported["imported"] == len(PLAN) and imported["rejected"] == []
    roster = run("roster", "list", "--json")["applicants"]
    by_nik = {a["nik"]: a["applicant"] for a in roster}
    packs = run("pack", "--all", "--json")
    defects = {by_nik[p["nik"]]: d for p, d in zip(people, PLAN, strict=True) if d}
    batch = simulate_returns(packs["packs"], root / "scans", dpi=DPI, seed=7,
                             people={by_nik[p["nik"]]: p for p in people}, defects=defects,
                             truth_file=root / "truth.json")
    ingest = run("ingest", *batch.files, "--jobs", "2", "--json")
    return {"run": run, "people": people, "by_nik": by_nik, "batch": batch, "ingest": ingest,
            "defects": defects, "pages": run("pages", "--json")["pages"],
            "check": run("check", "--json")["applicants"]}


def test_every_page_is_attributed_correctly_or_in_review(chain):
    pages = {(p["file"], p["index"]): p for p in chain["pages"]}
    assert len(pages) == len(chain["batch"].truth)
    for truth in chain["batch"].truth:
        page = pages[(truth.file, truth.index)]
        owner = truth.belongs_to if truth.belongs_to is not None else truth.applicant
        if page["applicant"] is None:
            assert page["review"], (truth, page)
        else:
            assert page["applicant"] == owner, (truth, page)
            assert page["review"] is None
    misplaced = [t for t in chain["batch"].truth if t.review
                 and pages[(t.file, t.index)]["applicant"] is not None]
    assert not misplaced, "a page the simulator marked for review was attributed"


def test_accounting_adds_up(chain):
    totals = chain["ingest"]["accounting"]
    assert totals["pages"] == len(chain["batch"].truth)
    assert totals["pages"] == totals["attributed"] + totals["review"] + totals["blank"]
    blanks = [t for t in chain["batch"].truth if t.doc == "blank"]
    assert totals["blank"] >= len(blanks) - sum(1 for p in chain["pages"]
                                                if p["review"] and p["doc"] == "blank")


def test_verdicts_follow_the_defects(chain):
    verdicts = {v["applicant"]: v for v in chain["check"]}
    assert set(verdicts) == set(chain["by_nik"].values())
    for applicant in verdicts:
        defects = chain["defects"].get(applicant, set())
        verdict = verdicts[applicant]
        reqs = verdict["requirements"]
        problems = {code: r for code, r in reqs.items() if r["status"] != "ok"}
        assert verdict["status"] == expected_status(defects), (applicant, defects, problems)
        if "missing_ktp" in defects:
            assert reqs["ktp"]["status"] == "missing"
        if "ktp_other_person" in defects:
            assert reqs["ktp"]["status"] == "review"
        if "unsigned" in defects:
            unsigned_docs = {t.doc for t in chain["batch"].truth
                             if t.applicant == applicant and t.signed
                             and not t.signed.get("ttd_pemohon", True)}
            assert unsigned_docs
            for doc in unsigned_docs:
                assert reqs[doc]["status"] == "invalid", reqs[doc]


def test_dossiers_only_for_complete_applicants_and_recap(chain, tmp_path):
    run = chain["run"]
    dossiers = run("dossier", "--all", "--json", ok=(0, 1))["dossiers"]
    complete = {v["applicant"] for v in chain["check"] if v["status"] == "lengkap"}
    assert {d["applicant"] for d in dossiers} == complete
    for d in dossiers:
        assert d["bytes"] < 2_000_000 and d["pages"] >= 8
    assert run("recap", "--json")
