"""The dashboard: counts per status, batches and their stages, late applicants, recap files."""
from __future__ import annotations

import hashlib
import json
import threading

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from formgen.checks import check_applicants
from formgen.outputs.bundle import write_bundle
from formgen.outputs.recap import write_recap
from formgen.service.status import build_status, paperwork_results
from formgen.service.verify_queue import field_queue
from formgen.web.downloads import file_response
from formgen.web.labels import status_label
from formgen.web.routes_auth import require
from formgen.web.state import render, with_ws

_chart_lock = threading.Lock()
_chart_cache: dict[str, bytes] = {}
LATE_SHOWN = 12


def _recap_files(ws) -> list[str]:
    folder = ws.root / "recap"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.is_file() and p.suffix in (".xlsx", ".csv", ".zip"))


def _dashboard(ws) -> dict:
    verdicts = check_applicants(ws)
    report = build_status(ws, verdicts=verdicts)
    statuses = paperwork_results(ws, verdicts)
    counts = {s: 0 for s in ("lengkap", "perlu_diperiksa", "belum_lengkap")}
    for value in statuses.values():
        counts[value] = counts.get(value, 0) + 1
    late = sorted((dict(a, batch=b["batch"]) for b in report["batches"]
                   for a in b["applicants"] if a["late_days"] > 0),
                  key=lambda a: -a["late_days"])
    pages_waiting = ws.conn.execute("SELECT COUNT(*) FROM pages WHERE review IS NOT NULL "
                                    "AND rejected = 0").fetchone()[0]
    return {"report": report, "counts": counts, "total": len(statuses), "late": late[:LATE_SHOWN],
            "late_total": len(late), "fields_waiting": len(field_queue(ws.conn)),
            "pages_waiting": pages_waiting, "recap_files": _recap_files(ws)}


async def dashboard(request: Request) -> Response:
    data = await with_ws(request, _dashboard)
    return render(request, "dashboard.html", d=data, status_label=status_label)


def _chart(ws) -> bytes:
    from formgen.service.chart import draw_timeline

    report = build_status(ws)
    key = hashlib.sha256(json.dumps(report, sort_keys=True, default=str).encode()).hexdigest()
    with _chart_lock:  # pyplot keeps global state: one drawing at a time
        if key not in _chart_cache:
            path = ws.dir("tmp") / "web_timeline.png"
            draw_timeline(report, path)
            _chart_cache.clear()
            _chart_cache[key] = path.read_bytes()
        return _chart_cache[key]


async def chart(request: Request) -> Response:
    data = await with_ws(request, _chart)
    return Response(data, media_type="image/png", headers={"Cache-Control": "private, no-store"})


async def make_recap(request: Request) -> Response:
    require(request, "verifikator")

    def work(ws):
        made = write_recap(ws)
        write_bundle(ws, [made["xlsx"], *made["csv"].values()])

    await with_ws(request, work)
    return RedirectResponse("/#recap", 303)


async def recap_file(request: Request) -> Response:
    require(request, "verifikator")
    name = request.path_params["name"]

    def find(ws):
        if name not in _recap_files(ws):  # only a name the folder listing gave
            raise HTTPException(404)
        return ws.root

    root = await with_ws(request, find)
    return file_response(root, "recap", f"recap/{name}")


ROUTES = [
    Route("/", dashboard),
    Route("/dashboard/chart.png", chart),
    Route("/recap", make_recap, methods=["POST"]),
    Route("/recap/{name}", recap_file),
]
