"""Applicant page, letter, dossier, dashboard and recap downloads."""
from __future__ import annotations

import pytest

from scansim.records import complete_applicant, nik_for
from tests.web.conftest import page_csrf


@pytest.fixture
def two_apps(staff_ws):
    done = complete_applicant(staff_ws, nik=nik_for(11), nama="AGUS LENGKAP")
    short = complete_applicant(staff_ws, nik=nik_for(12), nama="BUDI KURANG", skip=("ijazah",))
    return staff_ws, done, short


def test_applicant_page_shows_six_requirements(make_client, two_apps):
    ws, done, short = two_apps
    client = make_client("citra")
    html = client.get(f"/applicants/{short}").text
    assert html.count('class="req ') == 6
    assert "Belum ada" in html and "/media/page/" in html
    listing = client.get("/applicants?status=belum_lengkap").text
    assert "BUDI KURANG" in listing and "AGUS LENGKAP" not in listing
    assert client.get("/applicants/99999").status_code == 404


def test_letter_is_a_pdf(make_client, two_apps):
    ws, done, short = two_apps
    client = make_client("citra")
    response = client.get(f"/applicants/{short}/letter.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_dossier_needs_a_verifikator(make_client, two_apps):
    ws, done, short = two_apps
    clerk = make_client("citra")
    token = page_csrf(clerk, f"/applicants/{done}")
    assert clerk.post(f"/applicants/{done}/dossier", data={"csrf_token": token}
                      ).status_code == 403
    verifier = make_client("budi")
    token = page_csrf(verifier, f"/applicants/{done}")
    response = verifier.post(f"/applicants/{done}/dossier", data={"csrf_token": token})
    assert response.status_code == 303 and "dossier_made" in response.headers["location"]
    pdf = verifier.get(f"/applicants/{done}/dossier.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert clerk.get(f"/applicants/{done}/dossier.pdf").status_code == 403
    assert f"/applicants/{done}/dossier.pdf" in verifier.get(f"/applicants/{done}").text
    history = ws.conn.execute("SELECT user FROM audit WHERE action = 'dossier'").fetchone()
    assert history["user"] == "budi"


def test_dashboard_and_recap(make_client, two_apps):
    ws, done, short = two_apps
    client = make_client("budi")
    html = client.get("/").text
    assert "Ringkasan" in html
    token = page_csrf(client)
    assert client.post("/recap", data={"csrf_token": token}).status_code == 303
    html = client.get("/").text
    assert "rekap.xlsx" in html
    response = client.get("/recap/rekap.xlsx")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    for bad in ("/recap/..%2fformgen.toml", "/recap/%2Fetc%2Fpasswd", "/recap/formgen.toml"):
        assert client.get(bad).status_code == 404, bad


def test_every_screen_in_english(make_client, two_apps):
    ws, done, short = two_apps
    client = make_client("ani")
    token = page_csrf(client)
    client.post("/lang", data={"lang": "en", "back": "/", "csrf_token": token})
    for path in ("/", "/verify", "/verify/pages", "/applicants", f"/applicants/{short}",
                 "/intake", "/users"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Log out" in response.text and "Keluar" not in response.text, path
