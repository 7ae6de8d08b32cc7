"""Build the ASGI app: routes, sessions, CSRF, login check, static files."""
from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from formgen.core.workspace import open_workspace
from formgen.service.accounts import web_secret
from formgen.web import routes_auth
from formgen.web.security import AuthMiddleware, CsrfMiddleware, SecurityHeadersMiddleware
from formgen.web.state import WebState
from formgen.web.warmer import CropWarmer

SESSION_COOKIE = "formgen_session"
SESSION_MAX_AGE = int(timedelta(hours=10).total_seconds())  # one working day


def _route_modules():
    from formgen.web import (
        routes_applicant,
        routes_dashboard,
        routes_intake,
        routes_media,
        routes_verify,
    )

    return (routes_auth, routes_dashboard, routes_verify, routes_applicant, routes_media,
            routes_intake)


def create_app(root: Path, *, intake_dir: Path | None = None, worker: bool = True) -> Starlette:
    """The web app over the workspace at ``root``."""
    ws = open_workspace(Path(root))
    secret = web_secret(ws.conn)
    ws.close()
    state = WebState(root=Path(root))
    routes = [r for module in _route_modules() for r in module.ROUTES]
    routes.append(Mount("/static", StaticFiles(packages=[("formgen.web", "static")]),
                        name="static"))
    middleware = [
        Middleware(SecurityHeadersMiddleware),
        Middleware(SessionMiddleware, secret_key=secret, session_cookie=SESSION_COOKIE,
                   max_age=SESSION_MAX_AGE, same_site="strict", https_only=False),
        # who first (no session: 401 or the login page), then whether the form is genuine
        Middleware(AuthMiddleware, conn_factory=state.conn),
        Middleware(CsrfMiddleware),
    ]
    if worker:
        from formgen.web.intake import IntakeWorker

        state.intake = IntakeWorker(Path(root), watch_dir=intake_dir)

    warmer = CropWarmer(state) if worker else None

    @contextlib.asynccontextmanager
    async def lifespan(app):
        for part in (state.intake, warmer):
            if part is not None:
                part.start()
        try:
            yield
        finally:
            for part in (warmer, state.intake):
                if part is not None:
                    part.stop()

    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.web = state
    return app
