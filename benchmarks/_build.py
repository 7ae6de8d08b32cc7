"""A workspace with a roster, printed packs and their simulated returned scans, for benchmarks."""
from __future__ import annotations

from pathlib import Path

from formgen.core.workspace import Workspace, init_workspace
from formgen.forms import generate_packs
from formgen.roster import import_roster
from scansim.people import make_people, write_roster_xlsx
from scansim.scan import SimulatedBatch, simulate_returns


def printed_batch(root: Path, scans: Path, *, applicants: int, seed: int, dpi: int,
                  scan_dpi: int | None = None, defects_by_person: dict[int, set[str]] | None = None,
                  **simulate: object) -> tuple[Workspace, dict[int, dict], SimulatedBatch]:
    """(open workspace at ``root``, people by applicant id, the batch scanned into ``scans``).

    ``defects_by_person``: defects by the person's position in the roster (0-based);
    ``simulate``: further options of ``scansim.scan.simulate_returns``.
    """
    ws, _ = init_workspace(root, dpi=dpi)
    people = make_people(applicants, seed=seed)
    roster = scans.parent / f"roster_{seed}.xlsx"
    write_roster_xlsx(people, roster)
    import_roster(ws, roster)
    by_nik = {r["nik"]: r["id"] for r in ws.conn.execute("SELECT id, nik FROM applicants")}
    people_by_id = {by_nik[p["nik"]]: p for p in people}
    packs = generate_packs(ws, all_applicants=True)["packs"]
    defects = {by_nik[people[i]["nik"]]: d for i, d in (defects_by_person or {}).items()}
    batch = simulate_returns(packs, scans, dpi=scan_dpi or dpi, seed=seed, people=people_by_id,
                             defects=defects, **simulate)
    return ws, people_by_id, batch
