"""A real browser (headless Chromium) logs in and walks the verification station by keyboard.

Screenshots of the main screens go to tmp (or FORMGEN_SCREENSHOTS when set).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from formgen.service.accounts import add_user
from formgen.service.verify_queue import field_queue
from scansim.records import add_page, ktp_image
from scansim.unsure import batch_for, office_workspace

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="chromium and chromium-driver (scripts/setup.sh)")
PASSWORD = "rahasia-kantor-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(workspace):
    ids = office_workspace(workspace, 8)
    batch_for(workspace, ids)
    owner = workspace.conn.execute("SELECT id, nik, nama FROM applicants WHERE id = ?",
                                   (ids[-1],)).fetchone()
    add_page(workspace, None, "ktp", image=ktp_image(owner["nik"], owner["nama"]),
             review="no_separator", findings=[("ktp", "nik", owner["nik"])])
    add_user(workspace.conn, "citra", "petugas", PASSWORD)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "formgen", "--workspace",
                               str(workspace.root), "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError(server.stderr.read().decode())
        yield base, workspace, ids
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1366,768", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_window_size(1366, 768)
    try:
        yield driver
    finally:
        driver.quit()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FORMGEN_SCREENSHOTS") or tmp_path / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _wait(condition, timeout: float = 60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for line {condition.__code__.co_firstlineno}")


def test_keyboard_walk_through_station(served, browser, tmp_path):
    shots = _shots(tmp_path)
    try:
        _walk(served, browser, shots)
    except AssertionError as exc:  # say where the browser was
        browser.save_screenshot(str(shots / "failed.png"))
        active = browser.switch_to.active_element
        raise AssertionError(f"{exc}; at {browser.current_url}, focus on "
                             f"{active.tag_name}#{active.get_attribute('id')} "
                             f"(screenshot {shots / 'failed.png'})") from exc


def _walk(served, browser, shots: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, ws, ids = served
    keys = lambda *k: browser.switch_to.active_element.send_keys(*k)  # noqa: E731

    browser.get(f"{base}/verify")
    assert browser.current_url.endswith("/login")
    browser.save_screenshot(str(shots / "01_login.png"))
    keys("citra", Keys.TAB, PASSWORD, Keys.ENTER)
    _wait(lambda: browser.current_url.rstrip("/") == base)

    # one walk-in pack: every unsure field of one page, keyboard only
    page_id = field_queue(ws.conn)[0].page_id
    items = field_queue(ws.conn, page_id=page_id)
    browser.get(f"{base}/verify?page={page_id}")
    rows = browser.find_elements(By.CSS_SELECTOR, ".field-row")
    assert len(rows) == len(items) >= 3
    active = browser.switch_to.active_element
    assert active.get_attribute("name") == "value"  # the first field has the focus
    expected = {i.finding_id: i.expected for i in items}
    keystrokes = 0
    for n, item in enumerate(items):
        _wait(lambda n=n: rows[n].get_attribute("class").find("current") >= 0)
        if item.suggestion == item.expected:
            keys(Keys.ENTER)  # right as read: one keystroke
            keystrokes += 1
        else:
            keys(item.expected, Keys.ENTER)  # typing replaces the selected reading
        _wait(lambda n=n: "saved" in rows[n].get_attribute("class"))
        if n == 1:
            browser.save_screenshot(str(shots / "02_verification.png"))
    assert keystrokes >= 1
    assert browser.switch_to.active_element.get_attribute("id") == "more"  # Enter loads more
    decided = {r["finding_id"]: r["value"] for r in _decisions(ws)}
    assert decided == expected
    assert field_queue(ws.conn, page_id=page_id) == []
    # arrows move without deciding
    browser.get(f"{base}/verify?field=ktp/nik")
    first = browser.switch_to.active_element
    keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element != first
    keys(Keys.ARROW_UP)
    assert browser.switch_to.active_element == first
    browser.save_screenshot(str(shots / "03_one_field_many_applicants.png"))

    applicant = ws.conn.execute("SELECT applicant_id FROM pages WHERE id = ?",
                                (page_id,)).fetchone()[0]
    browser.get(f"{base}/applicants/{applicant}")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".req")) == 6
    _wait(lambda: browser.execute_script(
        "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0);"))
    browser.save_screenshot(str(shots / "04_applicant.png"))
    browser.get(f"{base}/")
    _wait(lambda: browser.execute_script(
        "const i = document.querySelector('img.chart'); return !i || i.complete;"))
    browser.save_screenshot(str(shots / "05_dashboard.png"))
    # a page without an owner: found by name and assigned, keyboard only
    waiting = ws.conn.execute("SELECT id FROM pages WHERE review IS NOT NULL").fetchone()[0]
    owner = ws.conn.execute("SELECT id, nik, nama FROM applicants WHERE id = ?",
                            (ids[-1],)).fetchone()
    browser.get(f"{base}/verify/page/{waiting}")
    keys(owner["nik"])  # by NIK: one match
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#applicant-results button"))
    browser.save_screenshot(str(shots / "07_page_without_owner.png"))
    keys(Keys.ENTER)  # take the match
    assert browser.find_element(By.ID, "applicant-id").get_attribute("value") == str(owner["id"])
    keys(Keys.ENTER)  # assign
    row = _wait(lambda: ws.conn.execute("SELECT applicant_id, review FROM pages WHERE id = ? "
                                        "AND review IS NULL", (waiting,)).fetchone())
    assert row["applicant_id"] == owner["id"]
    _wait(lambda: browser.current_url.endswith("/verify/pages"))  # on to the next page
    browser.get(f"{base}/intake")
    browser.save_screenshot(str(shots / "06_intake.png"))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 1366  # nothing wider than an office screen
    # the capture page on a phone
    browser.set_window_size(390, 844)
    browser.get(f"{base}/intake")
    capture = browser.find_element(By.CSS_SELECTOR, 'input[capture]')
    assert capture.get_attribute("accept") == "image/*"
    width = browser.execute_script("return document.documentElement.scrollWidth")
    inner = browser.execute_script("return window.innerWidth")
    assert width <= inner  # no sideways scrolling on a phone
    browser.save_screenshot(str(shots / "08_phone_capture.png"))


def _decisions(ws):
    import json

    out = []
    for row in ws.conn.execute("SELECT detail FROM decisions WHERE action = 'accept_finding' "
                               "AND user = 'citra'"):
        detail = json.loads(row["detail"])
        if detail["kind"] == "field":
            out.append(detail)
    return out
