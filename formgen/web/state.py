"""What the web app holds while it runs: the workspace path, a connection per thread, templates."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import PackageLoader
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from formgen.checks import check_applicants, load_evidence, load_rules
from formgen.core.i18n import get_language, t
from formgen.core.jinjaenv import sandboxed_environment
from formgen.core.workspace import Workspace, open_workspace
from formgen.service.verify_queue import field_queue
from formgen.web.security import LoginLimiter, csrf_token
from formgen.web.snapshot import Snapshot


@dataclass
class WebState:
    root: Path
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    intake: object | None = None  # the background ingest worker (formgen.web.intake)
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _templates: Jinja2Templates | None = field(default=None, repr=False)
    _snapshot: Snapshot | None = field(default=None, repr=False)

    def workspace(self) -> Workspace:
        """This thread's open workspace (SQLite connections stay in their thread)."""
        ws = getattr(self._local, "ws", None)
        if ws is None:
            ws = self._local.ws = open_workspace(self.root)
        return ws

    def conn(self):
        return self.workspace().conn

    # -- shared reads, rebuilt when the database changed -----------------------------------
    @property
    def snapshot(self) -> Snapshot:
        if self._snapshot is None:
            self._snapshot = Snapshot(self.workspace().db_path)
        return self._snapshot

    def evidence(self):
        return self.snapshot.get("evidence", lambda: load_evidence(self.conn()))

    def verdicts(self) -> dict[int, dict]:
        """applicant id -> verdict (``formgen check`` shape), for every applicant."""
        return self.snapshot.get("verdicts", lambda: {
            v["applicant"]: v for v in check_applicants(self.workspace(), rules=load_rules(),
                                                        evidence=self.evidence())})

    def fields(self):
        """Every reading that needs a person (formgen.service.verify_queue)."""
        return self.snapshot.get("fields", lambda: field_queue(self.conn(),
                                                               evidence=self.evidence()))

    @property
    def templates(self) -> Jinja2Templates:
        if self._templates is None:
            env = sandboxed_environment(loader=PackageLoader("formgen.web", "templates"),
                                        autoescape=True)
            env.globals.update(t=t, lang=get_language)
            self._templates = Jinja2Templates(env=env)
        return self._templates


def state_of(request: Request) -> WebState:
    return request.app.state.web


def render(request: Request, name: str, status_code: int = 200, **context: object):
    """A page from formgen/web/templates with the user, CSRF token and messages at hand."""
    for optional in ("error", "username", "message"):
        context.setdefault(optional, None)
    context.update(request=request, user=request.scope.get("state", {}).get("user"),
                   csrf=csrf_token(request.session), path=request.url.path)
    return state_of(request).templates.TemplateResponse(request, name, context,
                                                        status_code=status_code)


async def with_conn(request: Request, func, *args, **kwargs):
    """``func(conn, *args)`` in a worker thread, with that thread's own connection."""
    state = state_of(request)
    return await run_in_threadpool(lambda: func(state.conn(), *args, **kwargs))


async def with_ws(request: Request, func, *args, **kwargs):
    """``func(workspace, *args)`` in a worker thread, with that thread's own workspace."""
    state = state_of(request)
    return await run_in_threadpool(lambda: func(state.workspace(), *args, **kwargs))
