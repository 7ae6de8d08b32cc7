"""Fixtures of the web tests: a workspace with staff accounts and an ASGI test client."""
from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from formgen.service.accounts import add_user
from formgen.web import create_app

PASSWORD = "rahasia-kantor-1"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def staff_ws(workspace):
    for name, role in (("ani", "admin"), ("budi", "verifikator"), ("citra", "petugas")):
        add_user(workspace.conn, name, role, PASSWORD)
    return workspace


def csrf_of(html: str) -> str:
    return _CSRF.search(html).group(1)


def login(client: TestClient, name: str, password: str = PASSWORD):
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"username": name, "password": password,
                                       "csrf_token": token}, follow_redirects=False)


@pytest.fixture
def make_client(staff_ws):
    clients = []

    def make(user: str | None = None) -> TestClient:
        client = TestClient(create_app(staff_ws.root, worker=False), follow_redirects=False)
        client.__enter__()
        clients.append(client)
        if user:
            assert login(client, user).status_code == 303
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def page_csrf(client: TestClient, path: str = "/") -> str:
    return csrf_of(client.get(path).text)
