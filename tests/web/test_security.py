"""Security of the web app: login, sessions, CSRF, roles, paths."""
from __future__ import annotations

from formgen.service.accounts import disable_user, set_password
from tests.web.conftest import PASSWORD, csrf_of, login, page_csrf


def test_health_without_login(make_client):
    client = make_client()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


def test_nothing_without_login(make_client):
    client = make_client()
    for path in ("/", "/verify", "/applicants", "/users", "/intake", "/no/such/page"):
        response = client.get(path)
        assert response.status_code in (302, 303), path
        assert response.headers["location"].endswith("/login")
    for path in ("/api/queue", "/api/anything"):
        assert client.get(path).status_code == 401
        assert client.post(path, json={}).status_code == 401


def test_login_form_and_session(make_client):
    client = make_client()
    html = client.get("/login").text
    assert 'name="username"' in html and 'name="password"' in html
    response = login(client, "ani")
    assert response.status_code == 303
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "max-age=" in cookie
    assert client.get("/").status_code == 200


def test_wrong_password_gives_no_session(make_client):
    client = make_client()
    response = login(client, "ani", "salah-sekali")
    assert response.status_code in (200, 401)
    assert client.get("/").status_code == 303


def test_unknown_account_same_answer(make_client):
    client = make_client()
    assert login(client, "siapa", PASSWORD).status_code in (200, 401)


def test_post_without_csrf_refused(make_client):
    client = make_client()
    client.get("/login")
    response = client.post("/login", data={"username": "ani", "password": PASSWORD})
    assert response.status_code in (400, 403)
    assert client.get("/").status_code == 303
    response = client.post("/login", data={"username": "ani", "password": PASSWORD,
                                           "csrf_token": "forged"})
    assert response.status_code in (400, 403)


def test_logged_in_post_without_csrf_refused(make_client, staff_ws):
    client = make_client("ani")
    response = client.post("/users/add", data={"name": "dodi", "role": "admin",
                                               "password": PASSWORD})
    assert response.status_code == 403
    assert "dodi" not in client.get("/users").text


def test_login_rate_limited(make_client):
    client = make_client()
    for _ in range(5):
        assert login(client, "ani", "salah-sekali").status_code == 401
    assert login(client, "ani").status_code == 429  # even the right password waits


def test_petugas_cannot_manage_users(make_client):
    client = make_client("citra")
    assert client.get("/users").status_code == 403
    token = page_csrf(client)
    response = client.post("/users/add", data={"name": "dodi", "role": "admin",
                                               "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 403
    response = client.post("/users/disable", data={"name": "ani", "csrf_token": token})
    assert response.status_code == 403


def test_admin_manages_users(make_client):
    client = make_client("ani")
    token = csrf_of(client.get("/users").text)
    response = client.post("/users/add", data={"name": "dodi", "role": "petugas",
                                               "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 303
    assert "dodi" in client.get("/users").text


def test_disabled_user_session_ends(make_client, staff_ws):
    client = make_client("citra")
    assert client.get("/").status_code == 200
    disable_user(staff_ws.conn, "citra")
    assert client.get("/").status_code == 303
    assert login(client, "citra").status_code == 401


def test_new_password_ends_old_sessions(make_client, staff_ws):
    client = make_client("budi")
    set_password(staff_ws.conn, "budi", "kata-sandi-baru-2")
    assert client.get("/").status_code == 303


def test_unknown_path_404_when_logged_in(make_client):
    client = make_client("ani")
    assert client.get("/no/such/page").status_code == 404


def test_language_switch(make_client):
    client = make_client("ani")
    token = page_csrf(client)
    assert "Keluar" in client.get("/").text
    client.post("/lang", data={"lang": "en", "back": "//evil.example", "csrf_token": token})
    assert "Log out" in client.get("/").text


def test_serve_binds_loopback_and_warns_for_the_lan(cli, staff_ws, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    quiet = cli("serve", "--port", "8765")
    assert quiet.exit_code == 0 and calls[-1]["host"] == "127.0.0.1"
    assert "PERINGATAN" not in quiet.stderr
    loud = cli("serve", "--host", "0.0.0.0", "--port", "8765")
    assert loud.exit_code == 0 and calls[-1]["host"] == "0.0.0.0"
    assert "PERINGATAN" in loud.stderr
