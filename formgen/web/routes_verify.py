"""The verification station: unsure fields keyed in, pages assigned, typed, turned, rejected."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from formgen.core.errors import InputError
from formgen.core.i18n import t
from formgen.domain.doctypes import DOC_TYPES
from formgen.ingest.queries import list_pages, read_values
from formgen.ingest.review import assign_page, reject_page, set_page_type
from formgen.service.corrections import FieldConflict, decide_field
from formgen.service.pageturn import turn_page
from formgen.service.verify_queue import queue_counts
from formgen.web.labels import field_label, status_label
from formgen.web.state import render, state_of, with_conn, with_ws

ROWS_PER_SCREEN = 40


def _int_param(request: Request, name: str) -> int | None:
    value = request.query_params.get(name)
    if value is None or value == "":
        return None
    if not value.isdigit():
        raise HTTPException(404)
    return int(value)


def _station(state, key, page_id, applicant_id):
    every = state.fields()
    conn = state.conn()
    counts = queue_counts(every)
    if key is not None and key not in counts:
        key = None
    items = [i for i in every if (key is None or i.key == key)
             and (page_id is None or i.page_id == page_id)
             and (applicant_id is None or i.applicant_id == applicant_id)]
    pages_waiting = conn.execute("SELECT COUNT(*) FROM pages WHERE review IS NOT NULL "
                                 "AND rejected = 0").fetchone()[0]
    return counts, key, items[:ROWS_PER_SCREEN], len(items), pages_waiting


async def station(request: Request) -> Response:
    key = request.query_params.get("field")
    page_id, applicant_id = _int_param(request, "page"), _int_param(request, "applicant")
    counts, key, items, total, pages_waiting = await run_in_threadpool(
        _station, state_of(request), key, page_id, applicant_id)
    return render(request, "verify.html", counts=counts, key=key, items=items, total=total,
                  pages_waiting=pages_waiting, field_label=field_label, all_count=sum(
                      counts.values()))


async def _save_field(request: Request, finding_id: int, value: str, version: int):
    return await with_ws(request, decide_field, finding_id, value, version=version)


async def api_field(request: Request) -> Response:
    finding_id = request.path_params["finding_id"]
    try:
        body = await request.json()
        value, version = str(body["value"]), int(body["version"])
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"error": "bad_request"}, 400)
    try:
        result = await _save_field(request, finding_id, value, version)
    except FieldConflict as exc:
        return JSONResponse({"error": "conflict", "message": exc.message, "user": exc.user,
                             "value": exc.value, "version": exc.version}, 409)
    except InputError as exc:
        return JSONResponse({"error": exc.code, "message": exc.message}, 400)
    verdict = result["verdict"]
    return JSONResponse({"version": result["version"], "value": result["value"],
                         "status": verdict["status"],
                         "message": t("web.verify.saved", nama=verdict["nama"],
                                      status=status_label(verdict["status"]))})


async def form_field(request: Request) -> Response:
    """The same without scripts: a plain form post, back to the station."""
    form = await request.form()
    try:
        await _save_field(request, request.path_params["finding_id"],
                          str(form.get("value", "")), int(str(form.get("version", "0"))))
    except (InputError, ValueError):
        pass  # the station shows the field again with its current state
    return RedirectResponse(str(request.headers.get("referer") or "/verify")
                            if _same_site(request) else "/verify", 303)


def _same_site(request: Request) -> bool:
    referer = request.headers.get("referer") or ""
    return referer.startswith(str(request.base_url))


# -- pages waiting for a person -----------------------------------------------------------------

async def pages(request: Request) -> Response:
    waiting = await with_conn(request, lambda conn: list_pages(conn, review_only=True))
    return render(request, "pages.html", pages=waiting)


def _page_view(conn, page_id: int):
    waiting = list_pages(conn, review_only=True)
    ids = [p["id"] for p in waiting]
    row = conn.execute("SELECT p.*, f.original_name, a.nama FROM pages p JOIN files f "
                       "ON f.sha256 = p.sha256 LEFT JOIN applicants a ON a.id = p.applicant_id "
                       "WHERE p.id = ?", (page_id,)).fetchone()
    if row is None:
        raise HTTPException(404)
    if page_id in ids:  # the page after this one in the queue
        at = ids.index(page_id)
        following = ids[at + 1] if at + 1 < len(ids) else None
    else:
        following = ids[0] if ids else None
    hint = None
    if row["pack_id"]:
        hint = conn.execute("SELECT a.id, a.nama, a.nik FROM packs k JOIN applicants a "
                            "ON a.id = k.applicant_id WHERE k.id = ?",
                            (row["pack_id"],)).fetchone()
    return dict(row), following, len(ids), hint, read_values(conn, page_id, row["doc"])


async def page_view(request: Request) -> Response:
    page, following, waiting, hint, read = await with_conn(request, _page_view,
                                                           request.path_params["page_id"])
    return render(request, "page.html", page=page, following=following, waiting=waiting,
                  hint=hint, read=read, doc_types=DOC_TYPES,
                  error=request.query_params.get("error"))


async def page_action(request: Request) -> Response:
    page_id, action = request.path_params["page_id"], request.path_params["action"]
    form = await request.form()
    after = str(form.get("next", ""))
    try:
        if action == "assign":
            applicant = str(form.get("applicant", ""))
            if not applicant.isdigit():
                raise InputError(t("web.verify.choose_applicant"), code="no_applicant")
            await with_ws(request, assign_page, page_id, int(applicant))
        elif action == "type":
            await with_ws(request, set_page_type, page_id, str(form.get("doc", "")))
            after = str(page_id)
        elif action == "turn":
            await with_ws(request, turn_page, page_id, int(str(form.get("degrees", "0"))))
            after = str(page_id)
        elif action == "reject":
            await with_ws(request, reject_page, page_id)
        else:
            raise HTTPException(404)
    except (InputError, ValueError) as exc:
        message = exc.message if isinstance(exc, InputError) else str(exc)
        return render(request, "page_error.html", 400, message=message, page_id=page_id)
    target = f"/verify/page/{int(after)}" if after.isdigit() else "/verify/pages"
    return RedirectResponse(target, 303)


def _search(conn, query: str) -> list[dict]:
    query = " ".join(query.split())[:64]
    if len(query) < 2:
        return []
    if query.isdigit():
        rows = conn.execute("SELECT id, nik, nama FROM applicants WHERE nik LIKE ? OR id = ? "
                            "ORDER BY nama LIMIT 12", (f"{query}%", int(query)))
    else:
        rows = conn.execute("SELECT id, nik, nama FROM applicants WHERE nama LIKE ? "
                            "ORDER BY nama LIMIT 12", (f"%{query}%",))
    return [dict(r) for r in rows]


async def api_applicants(request: Request) -> Response:
    found = await with_conn(request, _search, request.query_params.get("q", ""))
    return JSONResponse({"applicants": found})


ROUTES = [
    Route("/verify", station),
    Route("/verify/field/{finding_id:int}", form_field, methods=["POST"]),
    Route("/api/fields/{finding_id:int}", api_field, methods=["POST"]),
    Route("/verify/pages", pages),
    Route("/verify/page/{page_id:int}", page_view),
    Route("/verify/page/{page_id:int}/{action}", page_action, methods=["POST"]),
    Route("/api/applicants", api_applicants),
]
