"""Applicants: the list, one applicant's six requirements, letter and dossier."""
from __future__ import annotations

from datetime import date

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from formgen import notify
from formgen.checks import check_applicants
from formgen.core.errors import InputError, UsageError
from formgen.outputs.checklist_letter import build_letter
from formgen.outputs.dossier import write_dossiers
from formgen.roster.store import select_applicants
from formgen.web.downloads import file_response
from formgen.web.labels import doc_label, field_label, status_label
from formgen.web.routes_auth import require
from formgen.web.state import render, state_of, with_ws
from formgen.web.views import STATUS_ORDER, applicant_list, applicant_view


async def applicants(request: Request) -> Response:
    query = request.query_params.get("q", "")[:64]
    status = request.query_params.get("status", "")
    status = status if status in STATUS_ORDER else ""
    state = state_of(request)
    rows = await run_in_threadpool(lambda: applicant_list(list(state.verdicts().values()),
                                                          query=query, status=status))
    return render(request, "applicants.html", rows=rows, q=query, status=status,
                  statuses=STATUS_ORDER, status_label=status_label)


def _view(state, applicant_id: int) -> dict:
    verdicts = state.verdicts()
    if applicant_id not in verdicts:
        raise HTTPException(404)
    return applicant_view(state.workspace(), applicant_id, verdicts=verdicts,
                          evidence=state.evidence(), fields=state.fields())


async def applicant(request: Request) -> Response:
    state = state_of(request)
    view = await run_in_threadpool(_view, state, request.path_params["applicant_id"])
    return render(request, "applicant.html", v=view, status_label=status_label,
                  doc_label=doc_label, field_label=field_label,
                  message=request.query_params.get("msg"))


def _letter(ws, applicant_id: int) -> tuple[bytes, str]:
    try:
        (person,) = select_applicants(ws.conn, applicant_id)
    except InputError as exc:
        raise HTTPException(404) from exc
    verdict = check_applicants(ws, applicant=applicant_id)[0]
    return build_letter(ws, person, verdict, today=date.today()), f"kekurangan_{applicant_id}.pdf"


async def letter(request: Request) -> Response:
    data, name = await with_ws(request, _letter, request.path_params["applicant_id"])
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{name}"'})


async def make_dossier(request: Request) -> Response:
    require(request, "verifikator")
    applicant_id = request.path_params["applicant_id"]
    form = await request.form()
    result = await with_ws(request, write_dossiers, applicant=applicant_id,
                           force=form.get("force") == "1")
    msg = "dossier_made" if result["dossiers"] else "dossier_skipped"
    return RedirectResponse(f"/applicants/{applicant_id}?msg={msg}", 303)


def _notify(ws, applicant_id: int, channel: str):
    """The applicant's deficiency message sent by e-mail, or made into a WhatsApp link."""
    outcomes = notify.plan(ws, [str(applicant_id)], channel=channel, kind="kekurangan",
                           today=date.today())
    return notify.deliver(ws, outcomes, channel=channel, kind="kekurangan")[0]


async def send_message(request: Request) -> Response:
    """A clerk's click: the message goes now, by e-mail or as a WhatsApp link they open."""
    applicant_id = request.path_params["applicant_id"]
    form = await request.form()
    channel = str(form.get("channel", ""))
    if channel not in notify.CHANNELS:
        raise HTTPException(400)
    try:
        out = await with_ws(request, _notify, applicant_id, channel)
    except InputError as exc:
        raise HTTPException(404) from exc
    except UsageError:  # no mail server set up in formgen.toml
        return RedirectResponse(f"/applicants/{applicant_id}?msg=notify_no_smtp", 303)
    if out.status == "link":
        return RedirectResponse(out.link, 303)
    return RedirectResponse(f"/applicants/{applicant_id}?msg=notify_{out.status}", 303)


def _dossier_path(ws, applicant_id: int):
    row = ws.conn.execute("SELECT path FROM dossiers WHERE applicant_id = ?",
                          (applicant_id,)).fetchone()
    return (ws.root, "dossiers", row["path"]) if row else None


async def dossier(request: Request) -> Response:
    require(request, "verifikator")
    found = await with_ws(request, _dossier_path, request.path_params["applicant_id"])
    if found is None:
        raise HTTPException(404)
    return file_response(*found)


ROUTES = [
    Route("/applicants", applicants),
    Route("/applicants/{applicant_id:int}", applicant),
    Route("/applicants/{applicant_id:int}/letter.pdf", letter),
    Route("/applicants/{applicant_id:int}/dossier", make_dossier, methods=["POST"]),
    Route("/applicants/{applicant_id:int}/dossier.pdf", dossier),
    Route("/applicants/{applicant_id:int}/notify", send_message, methods=["POST"]),
]
