"""``formgen demo``: the whole service on synthetic applicants, in a workspace of its own.

Roster → packs → returned paperwork simulated with the scan simulator →
ingest → check → letters, dossiers and recap. Synthetic people only.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from formgen.core.atomic import write_text
from formgen.core.errors import WorkspaceError
from formgen.core.i18n import t
from formgen.core.programs import require_tesseract
from formgen.core.resources import package_data
from formgen.core.workspace import Workspace, init_workspace, is_workspace, open_workspace
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


def is_unused_workspace(root: Path) -> bool:
    """A workspace just made with ``formgen init``: no applicant, no scanned file yet."""
    with open_workspace(root) as ws:
        return all(ws.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
                   for table in ("applicants", "files", "packs", "batches"))


def prepare_demo_workspace(path: Path) -> Workspace:
    """A fresh demo workspace at ``path``; refuses a workspace that holds real applicants.

    An earlier demo workspace is made again from nothing; a workspace that was only
    initialised (nothing in it yet) is used as it is, its settings kept.
    """
    root = Path(path)
    if is_workspace(root):
        if not (root / DEMO_MARKER).exists():
            if not is_unused_workspace(root):
                raise WorkspaceError(t("demo.real_workspace", path=str(root)), path=str(root),
                                     code="not_a_demo_workspace")
            write_text(root / DEMO_MARKER, "synthetic demo data\n")
            return open_workspace(root)
        shutil.rmtree(root)
    elif root.exists() and any(root.iterdir()):
        raise WorkspaceError(t("demo.not_empty", path=str(root)), path=str(root),
                             code="not_empty")
    ws, _ = init_workspace(root)
    write_text(root / DEMO_MARKER, "synthetic demo data\n")
    extras = demo_plan().get("pack_extras") or ()
    if extras:  # the optional forms the demo shows too, switched on as an office would
        ws.close()
        config = root / "formgen.toml"
        text = config.read_text(encoding="utf-8")
        for doc in extras:
            text = text.replace(f"{doc} = false", f"{doc} = true")
        write_text(config, text)
        ws = open_workspace(root)
    return ws


def _make_batch(ws: Workspace, spec: dict) -> str:
    """The demo's batch, begun ``started_days_ago``, its first stages done as the plan says."""
    from formgen.service import batches

    table = batches.load_stages()
    start = date.today() - timedelta(days=int(spec["started_days_ago"]))
    name = str(spec["name"])
    batches.create_batch(ws.conn, name, start)
    batches.assign(ws.conn, name, all_unassigned=True)
    for code, after in (spec.get("done") or {}).items():
        batches.stage_done(ws.conn, table, code, name, start + timedelta(days=int(after)))
    return name


def _draw_chart(ws: Workspace) -> Path:
    from formgen.service.chart import draw_timeline
    from formgen.service.status import build_status

    return draw_timeline(build_status(ws), ws.dir("status") / "jadwal.png")


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

    require_tesseract(command=True)  # before anything is made: ingest and dossiers need it
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
        result.paths["batch"] = _make_batch(ws, plan["batch"])

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
        result.paths["chart"] = str(_draw_chart(ws))
    finally:
        ws.close()
    return result
