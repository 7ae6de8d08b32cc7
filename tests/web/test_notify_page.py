"""Messages from the applicant's page: one click sends the e-mail or opens WhatsApp, recorded."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from scansim.records import complete_applicant, nik_for
from tests.support.mail import smtp_server
from tests.web.conftest import page_csrf


@pytest.fixture
def short(staff_ws):
    applicant = complete_applicant(staff_ws, nik=nik_for(21), nama="SITI KURANG",
                                   skip=("ktp",))
    with staff_ws.conn:
        staff_ws.conn.execute("UPDATE applicants SET email = 'siti@example.org',"
                              " no_hp = '081234567821' WHERE id = ?", (applicant,))
    return applicant


def test_email_from_the_page_reaches_the_applicant_and_the_history(staff_ws, make_client,
                                                                    short):
    with smtp_server(staff_ws.root) as inbox:
        clerk = make_client("citra")
        token = page_csrf(clerk, f"/applicants/{short}")
        response = clerk.post(f"/applicants/{short}/notify",
                              data={"csrf_token": token, "channel": "email"})
        assert response.status_code == 303
        assert response.headers["location"].endswith("msg=notify_sent")
    ((_, msg),) = inbox.messages
    assert msg["To"] == "siti@example.org" and "SITI KURANG" in msg.get_content()
    staff = staff_ws.conn.execute("SELECT staff FROM messages WHERE applicant_id = ?",
                                  (short,)).fetchone()
    assert staff["staff"] == "citra"
    page = clerk.get(f"/applicants/{short}").text
    assert "E-mail terkirim" in clerk.get(response.headers["location"]).text
    assert "pesan e-mail" in page


def test_whatsapp_opens_a_filled_link_and_a_post_needs_its_token(make_client, short):
    clerk = make_client("citra")
    assert clerk.post(f"/applicants/{short}/notify", data={"channel": "whatsapp"}
                      ).status_code in (400, 403)
    token = page_csrf(clerk, f"/applicants/{short}")
    response = clerk.post(f"/applicants/{short}/notify",
                          data={"csrf_token": token, "channel": "whatsapp"})
    assert response.status_code == 303
    link = urlparse(response.headers["location"])
    assert link.netloc == "wa.me" and link.path == "/6281234567821"
    assert "SITI KURANG" in parse_qs(link.query)["text"][0]
    no_server = clerk.post(f"/applicants/{short}/notify",
                           data={"csrf_token": token, "channel": "email"})
    assert no_server.headers["location"].endswith("msg=notify_no_smtp")
