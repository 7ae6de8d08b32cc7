"""A mail server on loopback for the tests, and the workspace set up to send through it."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

from aiosmtpd.controller import Controller

from tests.support.cli import free_port


class Inbox:
    """What arrived: (recipients, message) in order."""

    def __init__(self):
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append((envelope.rcpt_tos,
                              message_from_bytes(envelope.content, policy=default_policy)))
        return "250 OK"


@contextlib.contextmanager
def smtp_server(workspace_root: Path) -> Iterator[Inbox]:
    """A local SMTP server, named in the workspace's formgen.toml [smtp] while it runs."""
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    config = workspace_root / "formgen.toml"
    text = config.read_text(encoding="utf-8")
    assert "\n[smtp]\n" in text
    config.write_text(text.replace("\n[smtp]\n", f"""
[smtp]
host = "127.0.0.1"
port = {port}
security = "none"
sender = "layanan@pupr.example.go.id"
""", 1), encoding="utf-8")
    try:
        yield inbox
    finally:
        controller.stop()
