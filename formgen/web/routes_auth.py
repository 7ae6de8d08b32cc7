"""Login, logout, language, health check and staff accounts (admin)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from formgen.core.errors import InputError
from formgen.core.i18n import LANGUAGES, t
from formgen.service.accounts import ROLES, add_user, authenticate, disable_user, list_users
from formgen.web.security import csrf_token
from formgen.web.state import render, state_of, with_conn


def current_user(request: Request):
    return request.scope.get("state", {}).get("user")


def require(request: Request, role: str) -> None:
    """403 unless the logged-in account has at least ``role``."""
    from starlette.exceptions import HTTPException

    user = current_user(request)
    if user is None or not user.may(role):
        raise HTTPException(403, t("web.error.forbidden"))


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


async def login_page(request: Request) -> Response:
    if current_user(request) is not None:
        return RedirectResponse("/", 303)
    return render(request, "login.html")


async def login_submit(request: Request) -> Response:
    form = await request.form()
    name = str(form.get("username", "")).strip().lower()[:64]
    password = str(form.get("password", ""))[:256]
    state = state_of(request)
    client = request.client.host if request.client else "-"
    keys = (f"ip:{client}", f"user:{name}")
    if state.limiter.blocked(*keys):
        return render(request, "login.html", 429, error=t("web.login.too_many"), username=name)
    user = await with_conn(request, authenticate, name, password)
    if user is None:
        state.limiter.failed(*keys)
        return render(request, "login.html", 401, error=t("web.login.failed"), username=name)
    state.limiter.succeeded(*keys)
    lang = request.session.get("lang")
    request.session.clear()  # a fresh session: no fixation
    request.session.update(uid=user.id, epoch=user.session_epoch)
    if lang:
        request.session["lang"] = lang
    csrf_token(request.session)
    return RedirectResponse("/", 303)


async def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", 303)


async def set_lang(request: Request) -> Response:
    form = await request.form()
    lang = str(form.get("lang", "id"))
    if lang in LANGUAGES:
        request.session["lang"] = lang
    back = str(form.get("back", "/"))
    # only a path of this site, never an address elsewhere
    return RedirectResponse(back if back.startswith("/") and not back.startswith("//") else "/",
                            303)


def _users_page(request: Request, **extra):
    users = list_users(state_of(request).conn())
    return render(request, "users.html", users=users, roles=ROLES, **extra)


def users(request: Request) -> Response:
    require(request, "admin")
    return _users_page(request)


async def users_add(request: Request) -> Response:
    require(request, "admin")
    form = await request.form()
    try:
        await with_conn(request, add_user, str(form.get("name", "")),
                        str(form.get("role", "")), str(form.get("password", "")))
    except InputError as exc:
        return _users_page(request, error=exc.message)
    return RedirectResponse("/users", 303)


async def users_disable(request: Request) -> Response:
    require(request, "admin")
    form = await request.form()
    try:
        await with_conn(request, disable_user, str(form.get("name", "")))
    except InputError as exc:
        return _users_page(request, error=exc.message)
    return RedirectResponse("/users", 303)


ROUTES = [
    Route("/healthz", healthz),
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login_submit, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
    Route("/lang", set_lang, methods=["POST"]),
    Route("/users", users, methods=["GET"]),
    Route("/users/add", users_add, methods=["POST"]),
    Route("/users/disable", users_disable, methods=["POST"]),
]
