"""``formgen demo``: the whole service on synthetic applicants, in a workspace of its own.

Roster → packs → returned paperwork simulated with the scan simulator →
ingest → check → letters, dossiers and recap. Synthetic people only.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from formgen.core.atomic import write_text
from formgen.core.errors import WorkspaceError
from formgen.core.i18n import t
from formgen.core.resources import package_data
from formgen.core.workspace import Workspace, init_workspace, is_workspace
from formgen.core.yamlfile import load_yaml

DEMO_MARKER = ".formgen-demo"
_PLAN_PATH = package_data("demo.yaml")


@cache
def demo_plan() -> dict:
    return load_yaml(_PLAN_PATH)


def defects_for(count: int) -> list[set[str]]:
    """The defects of applicants 1..count, in roster order."""
    planned = [set(d) for d in demo_plan()["applicants"]]
    return [planned[i] if i < len(planned) else set() for i in range(count)]


@dataclass
class DemoResult:
    workspace: Path
    ingest: dict = field(default_factory=dict)
    applicants: list[dict] = field(default_factory=list)
    paths: dict[str, object] = field(default_factory=dict)
    defects: dict[int, list[str]] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"workspace": str(self.workspace), "ingest": self.ingest,
                "applicants": self.applicants, "paths": self.paths,
                "defects": {str(k): v for k, v in self.defects.items()}}


def prepare_demo_workspace(path: Path) -> Workspace:
    """A fresh demo workspace at ``path``; refuses a workspace that holds real applicants."""
    root = Path(path)
    if is_workspace(root):
        if not (root / DEMO_MARKER).exists():
            raise WorkspaceError(t("demo.real_workspace", path=str(root)), path=str(root),
                                 code="not_a_demo_workspace")
        shutil.rmtree(root)
    elif root.exists() and any(root.iterdir()):
        raise WorkspaceError(t("demo.not_empty", path=str(root)), path=str(root),
                             code="not_empty")
    ws, _ = init_workspace(root)
    write_text(root / DEMO_MARKER, "synthetic demo data\n")
    return ws


Step = Callable[[str], None]
Bar = Callable[[str, int], Callable[[int], None]]


def run_demo(path: Path, *, applicants: int = 12, jobs: int | None = None,
             step: Step = lambda key: None,
             bar: Bar = lambda key, total: (lambda n: None)) -> DemoResult:
    """Run the whole chain; ``step`` announces each stage, ``bar`` makes a progress callback."""
    from formgen.checks import check_applicants
    from formgen.forms import generate_packs
    from formgen.ingest.run import ingest_paths
    from formgen.outputs.bundle import write_bundle
    from formgen.outputs.checklist_letter import write_letters
    from formgen.outputs.dossier import write_dossiers
    from formgen.outputs.recap import write_recap
    from formgen.roster import import_roster
    from scansim.people import make_people, write_roster_xlsx
    from scansim.scan import simulate_returns

    plan = demo_plan()
    step("demo.step.workspace")
    ws = prepare_demo_workspace(path)
    result = DemoResult(workspace=ws.root)
    try:
        step("demo.step.roster")
        people = make_people(applicants, seed=plan["seed"])
        roster_file = ws.dir("tmp") / "roster_demo.xlsx"
        write_roster_xlsx(people, roster_file)
        imported = import_roster(ws, roster_file)
        result.paths["roster"] = str(roster_file)
        by_nik = {r["nik"]: r["id"] for r in ws.conn.execute("SELECT id, nik FROM applicants")}
        people_by_id = {by_nik[p["nik"]]: p for p in people}
        defects = {by_nik[p["nik"]]: d for p, d in zip(people, defects_for(len(people)),
                                                        strict=True) if d}
        result.defects = {k: sorted(v) for k, v in defects.items()}
        assert imported.imported == len(people), imported

        step("demo.step.packs")
        packs = generate_packs(ws, all_applicants=True)
        result.paths["packs"] = str(ws.root / "packs")
        result.paths["print_file"] = packs["print_file"]

        step("demo.step.scan")
        scans = ws.dir("scans")
        batch = simulate_returns(packs["packs"], scans, dpi=plan["dpi"], seed=plan["seed"],
                                 people=people_by_id, defects=defects,
                                 truth_file=ws.dir("tmp") / "scan_truth.json")
        result.paths["scans"] = str(scans)

        step("demo.step.ingest")
        advance = {"cb": None}

        def on_total(total: int) -> None:
            advance["cb"] = bar("demo.bar.ingest", total)

        report = ingest_paths(ws, [*batch.files, *batch.corrupt], jobs=jobs,
                              on_total=on_total,
                              progress=lambda n: advance["cb"] and advance["cb"](n))
        result.ingest = report.as_json()

        step("demo.step.check")
        result.applicants = check_applicants(ws)
        letters = write_letters(ws, result.applicants)
        result.paths["letters"] = [letter["path"] for letter in letters]

        step("demo.step.dossiers")
        dossiers = write_dossiers(ws, all_applicants=True)
        result.paths["dossiers"] = [d["path"] for d in dossiers["dossiers"]]

        step("demo.step.recap")
        recap = write_recap(ws)
        result.paths["recap"] = recap["xlsx"]
        bundle = write_bundle(ws, [Path(recap["xlsx"]), *map(Path, recap["csv"].values())])
        result.paths["bundle"] = bundle["bundle"]
    finally:
        ws.close()
    return result
