"""Messages to applicants: e-mail read back from a local SMTP server, WhatsApp links, history."""
from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

from formgen.core.workspace import open_workspace
from scansim.records import complete_applicant, nik_for
from tests.support.mail import smtp_server


@pytest.fixture
def inbox(workspace):
    with smtp_server(workspace.root) as received:
        yield received


def _people(ws):
    done = complete_applicant(ws, nik=nik_for(1), nama="BUDI SANTOSO", images=False)
    todo = complete_applicant(ws, nik=nik_for(2), nama="SITI AMINAH", images=False,
                              skip=("ktp",), override={"materai/materai": False})
    other = complete_applicant(ws, nik=nik_for(3), nama="RAHMAT HIDAYAT", images=False,
                               skip=("pas_foto",))
    with ws.conn:
        for pid, email, hp in ((done, "budi@example.org", "081234567801"),
                               (todo, "siti@example.org", "0812-3456-7802"),
                               (other, "rahmat@example.org", "+62 812 3456 7803")):
            ws.conn.execute("UPDATE applicants SET email = ?, no_hp = ? WHERE id = ?",
                            (email, hp, pid))
    return done, todo, other


def test_email_reaches_the_right_applicant_only(workspace, cli, inbox):
    done, todo, other = _people(workspace)
    result = cli("notify", "email", "--applicant", str(todo), "--yes", "--json")
    assert result.exit_code == 0, result.output
    assert len(inbox.messages) == 1
    rcpts, msg = inbox.messages[0]
    assert rcpts == ["siti@example.org"] and msg["To"] == "siti@example.org"
    body = msg.get_content()
    assert "SITI AMINAH" in body and "Fotokopi KTP berwarna" in body
    assert "meterai Rp10.000" in body and "tidak dipungut biaya" in body
    # nobody else's details, and no NIK in an e-mail
    for text in ("BUDI", "RAHMAT", nik_for(2), nik_for(1)):
        assert text not in body and text not in str(msg["Subject"])
    sent = json.loads(result.stdout)["messages"]
    assert [(m["applicant"], m["status"]) for m in sent] == [(todo, "sent")]
    history = json.loads(cli("notify", "history", str(todo), "--json").stdout)["messages"]
    assert [(h["channel"], h["status"], h["recipient"]) for h in history] == [
        ("email", "sent", "siti@example.org")]
    ws = open_workspace(workspace.root)
    actions = [r[0] for r in ws.conn.execute(
        "SELECT action FROM audit WHERE applicant_id = ?", (todo,))]
    assert "notify_email" in actions


def test_all_incomplete_skips_complete_and_letters_only(workspace, cli, inbox):
    done, todo, other = _people(workspace)
    assert cli("notify", "letters-only", str(other)).exit_code == 0
    result = cli("notify", "email", "--all", "--yes", "--json")
    assert result.exit_code == 0, result.output
    outcome = {m["applicant"]: m for m in json.loads(result.stdout)["messages"]}
    assert outcome[todo]["status"] == "sent"
    assert outcome[done]["status"] == "skipped" and "lengkap" in outcome[done]["reason"]
    assert outcome[other]["status"] == "skipped" and "surat" in outcome[other]["reason"]
    assert [r for r, _ in inbox.messages] == [["siti@example.org"]]


def test_nothing_sent_without_confirmation(workspace, cli, inbox):
    _people(workspace)
    result = cli("notify", "email", "--all")
    assert result.exit_code == 2
    assert "--yes" in result.stderr
    assert inbox.messages == []


def test_whatsapp_link_carries_the_message(workspace, cli):
    done, todo, other = _people(workspace)
    result = cli("notify", "whatsapp", "--applicant", str(other), "--json")
    assert result.exit_code == 0, result.output
    (msg,) = json.loads(result.stdout)["messages"]
    link = urlparse(msg["link"])
    assert link.netloc == "wa.me" and link.path == "/6281234567803"
    text = parse_qs(link.query)["text"][0]
    assert "RAHMAT HIDAYAT" in text and "Pas foto 3 x 4" in text
    assert nik_for(3) not in text


def test_email_without_server_is_one_clear_line(workspace, cli):
    _, todo, _ = _people(workspace)
    result = cli("notify", "email", "--applicant", str(todo), "--yes")
    assert result.exit_code == 2
    assert "[smtp]" in result.stderr and "Traceback" not in result.output


def test_reminder_for_incomplete_applicants_of_a_batch_near_its_deadline(workspace, cli, inbox):
    done, todo, other = _people(workspace)
    assert cli("batch", "create", "Gelombang 1", "--start", "2026-11-02").exit_code == 0
    assert cli("batch", "assign", "Gelombang 1", "--applicant", str(done), "--applicant",
               str(todo)).exit_code == 0
    result = cli("notify", "email", "--reminder", "3", "--today", "2026-11-03", "--yes",
                 "--json")
    assert result.exit_code == 0, result.output
    outcome = {m["applicant"]: m for m in json.loads(result.stdout)["messages"]}
    assert set(outcome) == {todo}  # done is complete, other is in no batch
    (_, msg), = inbox.messages
    assert "Pengingat" in str(msg["Subject"]) and "berakhir pada" in msg.get_content()
