"""Who may see what: the login check, CSRF on state-changing requests, login rate limiting."""
from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque
from urllib.parse import parse_qs

from starlette.datastructures import Headers, QueryParams
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from formgen.core import db
from formgen.core.i18n import LANGUAGES, set_language, t
from formgen.service.accounts import user_by_id

PUBLIC_PATHS = ("/healthz", "/login", "/lang")
PUBLIC_PREFIXES = ("/static/",)
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
MAX_FORM_BYTES = 256 * 1024
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def csrf_token(session: dict) -> str:
    """The session's CSRF token, made on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


class CsrfMiddleware:
    """Refuse (403) a POST/PUT/PATCH/DELETE whose token does not match the session's.

    The token comes in the X-CSRF-Token header (scripts), the ``csrf_token``
    field of a url-encoded form, or for a multipart upload from a plain form
    the ``csrf_token`` query parameter.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        expected = scope.get("session", {}).get("csrf")
        headers = Headers(scope=scope)
        given = headers.get(CSRF_HEADER)
        ctype = headers.get("content-type", "")
        if given is None and ctype.startswith("application/x-www-form-urlencoded"):
            body = await _read_body(receive)
            if body is None:
                await PlainTextResponse(t("web.error.too_large"), 413)(scope, receive, send)
                return
            fields = parse_qs(body.decode("latin-1"), keep_blank_values=True)
            given = (fields.get(CSRF_FIELD) or [None])[0]
            receive = _replay(body)
        elif given is None:
            given = QueryParams(scope.get("query_string", b"")).get(CSRF_FIELD)
        if not expected or not given or not secrets.compare_digest(str(expected), str(given)):
            await PlainTextResponse(t("web.error.csrf"), 403)(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _read_body(receive: Receive) -> bytes | None:
    chunks, size = [], 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


class AuthMiddleware:
    """Every path but the public ones needs a live session of an active account.

    Without one, /api/* answers 401 and pages redirect to /login. A session
    ends when its account is disabled or its password changed (session epoch).
    Also sets the language and the acting staff member for the request.
    """

    def __init__(self, app: ASGIApp, *, conn_factory) -> None:
        self.app = app
        self.conn_factory = conn_factory

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = scope.get("session", {})
        lang = session.get("lang")
        set_language(lang if lang in LANGUAGES else "id")
        path = scope["path"]
        user = None
        if "uid" in session:
            user = user_by_id(self.conn_factory(), int(session["uid"]))
            if user is None or not user.active or user.session_epoch != session.get("epoch"):
                session.clear()
                user = None
        scope.setdefault("state", {})["user"] = user
        if user is None and not _is_public(path):
            if path.startswith("/api/"):
                response = JSONResponse({"error": "login_required"}, 401)
            else:
                response = RedirectResponse("/login", 303)
            await response(scope, receive, send)
            return
        token = db.acting_user.set(user.name if user else None)
        try:
            await self.app(scope, receive, send)
        finally:
            db.acting_user.reset(token)


class LoginLimiter:
    """At most ``limit`` failed logins per client address and per account in ``window`` s."""

    def __init__(self, limit: int = 5, window: float = 300.0) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        found = self._failures[key]
        while found and now - found[0] > self.window:
            found.popleft()
        return found

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(len(self._recent(k, now)) >= self.limit for k in keys)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


# Everything comes from this server: no inline scripts or styles, no frames, forms post here.
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)
