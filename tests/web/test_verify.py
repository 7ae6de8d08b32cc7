"""The verification station: unsure readings keyed in, checks re-run, conflicts told."""
from __future__ import annotations

import pytest

from formgen.checks import check_applicants
from scansim.records import add_page, complete_applicant, ktp_image, nik_for
from tests.web.conftest import page_csrf

WRONG = "6201021203900099"


@pytest.fixture
def unsure_ws(staff_ws):
    ws = staff_ws
    apps = [complete_applicant(ws, nik=nik_for(n), nama=f"PEMOHON CONTOH {n}",
                               override={"ktp/nik": (WRONG, 0.35, None)}) for n in (1, 2)]
    return ws, apps


def _finding(ws, app_id, kind="ktp", name="nik"):
    return ws.conn.execute("SELECT f.id FROM findings f JOIN pages p ON p.id = f.page_id "
                           "WHERE p.applicant_id = ? AND f.kind = ? AND f.name = ?",
                           (app_id, kind, name)).fetchone()["id"]


def test_queue_lists_unsure_nik_and_walks_one_field(make_client, unsure_ws):
    ws, apps = unsure_ws
    client = make_client("citra")
    html = client.get("/verify").text
    assert "PEMOHON CONTOH 1" in html and "PEMOHON CONTOH 2" in html
    assert f"/media/crop/{_finding(ws, apps[0])}.jpg" in html
    walk = client.get("/verify?field=ktp/nik").text
    assert walk.count('class="field-row"') == 2
    crop = client.get(f"/media/crop/{_finding(ws, apps[0])}.jpg")
    assert crop.status_code == 200 and crop.headers["content-type"] == "image/jpeg"


def test_typed_value_is_a_decision_and_status_follows(make_client, unsure_ws):
    ws, apps = unsure_ws
    assert check_applicants(ws, applicant=apps[0])[0]["status"] != "lengkap"
    client = make_client("citra")
    token = page_csrf(client, "/verify")
    response = client.post(f"/api/fields/{_finding(ws, apps[0])}",
                           json={"value": nik_for(1), "version": 0},
                           headers={"X-CSRF-Token": token})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "lengkap"
    assert check_applicants(ws, applicant=apps[0])[0]["status"] == "lengkap"
    row = ws.conn.execute("SELECT user, action FROM decisions ORDER BY id DESC").fetchone()
    assert row["user"] == "citra" and row["action"] == "accept_finding"
    audit = ws.conn.execute("SELECT user FROM audit WHERE action = 'review_accept_finding'"
                            ).fetchone()
    assert audit["user"] == "citra"
    assert "PEMOHON CONTOH 1" not in client.get("/verify").text  # decided: out of the queue


def test_bad_nik_refused(make_client, unsure_ws):
    ws, apps = unsure_ws
    client = make_client("citra")
    token = page_csrf(client, "/verify")
    response = client.post(f"/api/fields/{_finding(ws, apps[0])}",
                           json={"value": "12345", "version": 0},
                           headers={"X-CSRF-Token": token})
    assert response.status_code == 400


def test_field_post_without_csrf_refused(make_client, unsure_ws):
    ws, apps = unsure_ws
    client = make_client("citra")
    response = client.post(f"/api/fields/{_finding(ws, apps[0])}",
                           json={"value": nik_for(1), "version": 0})
    assert response.status_code == 403
    assert ws.conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 0


def test_two_staff_same_field_one_wins_other_told(make_client, unsure_ws):
    ws, apps = unsure_ws
    finding = _finding(ws, apps[0])
    first, second = make_client("citra"), make_client("budi")
    t1, t2 = page_csrf(first, "/verify"), page_csrf(second, "/verify")
    # both loaded the station at version 0
    ok = first.post(f"/api/fields/{finding}", json={"value": nik_for(1), "version": 0},
                    headers={"X-CSRF-Token": t1})
    late = second.post(f"/api/fields/{finding}", json={"value": nik_for(7), "version": 0},
                       headers={"X-CSRF-Token": t2})
    assert ok.status_code == 200
    assert late.status_code == 409
    body = late.json()
    assert body["user"] == "citra" and body["value"] == nik_for(1) and body["version"] == 1
    # told, the second person may decide again knowingly
    again = second.post(f"/api/fields/{finding}", json={"value": nik_for(1), "version": 1},
                        headers={"X-CSRF-Token": t2})
    assert again.status_code == 200 and again.json()["version"] == 2


def test_page_queue_assign_and_turn(make_client, staff_ws):
    ws = staff_ws
    app = complete_applicant(ws, nik=nik_for(3), nama="SITI CONTOH", skip=("ktp",))
    page = add_page(ws, None, "ktp", image=ktp_image(nik_for(3), "SITI CONTOH"),
                    review="no_separator", findings=[("ktp", "nik", nik_for(3))])
    client = make_client("citra")
    assert f"/verify/page/{page}" in client.get("/verify/pages").text
    view = client.get(f"/verify/page/{page}")
    assert view.status_code == 200
    # what the card reader read is beside the page; what it could not read says so
    read = view.text.split("Terbaca pada halaman ini", 1)[1].split("</section>", 1)[0]
    assert nik_for(3) in read
    assert "belum terbaca" in read.split("Nama", 1)[1].split("</dd>", 1)[0]
    found = client.get("/api/applicants?q=siti").json()["applicants"]
    assert [a["id"] for a in found] == [app]
    token = page_csrf(client, f"/verify/page/{page}")
    size_before = client.get(f"/media/page/{page}/s.jpg").content
    response = client.post(f"/verify/page/{page}/turn", data={"degrees": "90",
                                                                "csrf_token": token})
    assert response.status_code == 303
    assert client.get(f"/media/page/{page}/s.jpg").content != size_before
    response = client.post(f"/verify/page/{page}/assign", data={"applicant": str(app),
                                                                  "csrf_token": token})
    assert response.status_code == 303
    row = ws.conn.execute("SELECT applicant_id, review, rotation FROM pages WHERE id = ?",
                          (page,)).fetchone()
    assert (row["applicant_id"], row["review"], row["rotation"]) == (app, None, 90)
    assert ws.conn.execute("SELECT user FROM decisions WHERE action = 'assign'"
                           ).fetchone()["user"] == "citra"


@pytest.mark.parametrize("path", [
    "/media/page/../../formgen.toml", "/media/page/%2e%2e%2fformgen.toml/s.jpg",
    "/media/page/1/..%2f..%2fformgen.toml", "/media/crop/%2Fetc%2Fpasswd.jpg",
    "/static/../formgen.toml", "/static/%2e%2e/%2e%2e/formgen.toml", "//etc/passwd",
    "/media/page/1/x.jpg", "/media/page/99999/s.jpg",
])
def test_paths_from_requests_refused(make_client, unsure_ws, path):
    client = make_client("ani")
    response = client.get(path)
    assert response.status_code in (400, 404), path
    assert b"workspace" not in response.content


def test_image_outside_pages_folder_refused(make_client, unsure_ws):
    ws, apps = unsure_ws
    page = ws.conn.execute("SELECT id FROM pages WHERE image_path IS NOT NULL").fetchone()["id"]
    ws.conn.execute("UPDATE pages SET image_path = '../../../etc/hostname' WHERE id = ?", (page,))
    client = make_client("ani")
    assert client.get(f"/media/page/{page}/s.jpg").status_code == 404
    ws.conn.execute("UPDATE pages SET image_path = '/etc/hostname' WHERE id = ?", (page,))
    assert client.get(f"/media/page/{page}/s.jpg").status_code == 404


def test_a_pas_foto_page_shows_the_name_read_under_the_photos(make_client, staff_ws):
    ws = staff_ws
    complete_applicant(ws, nik=nik_for(4), nama="SITI CONTOH")
    page = add_page(ws, None, "pas_foto", review="pas_foto_other_name",
                    findings=[("pas_foto", "nama", "BUDI CONTOH", 0.9)])
    html = make_client("citra").get(f"/verify/page/{page}").text
    assert "nama di bawah pas foto adalah nama pemohon lain" in html
    read = html.split("Terbaca pada halaman ini", 1)[1].split("</section>", 1)[0]
    assert "BUDI CONTOH" in read
