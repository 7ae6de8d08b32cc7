"""The two ways a message leaves the office: an e-mail through the office's server, a WhatsApp link.

E-mail goes through smtplib to the server named in formgen.toml [smtp]. WhatsApp is a
click-to-chat link (https://wa.me/<number>?text=...) that a clerk opens: formgen never
talks to WhatsApp itself.
"""
from __future__ import annotations

import os
import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import quote

from formgen.core.config import Smtp

TIMEOUT_S = 30
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def valid_email(address: str | None) -> bool:
    return bool(address and _EMAIL.fullmatch(address.strip()))


def send_email(smtp: Smtp, *, to: str, subject: str, body: str) -> None:
    """Hand one message to the office's mail server; OSError/SMTPException when it refuses."""
    msg = EmailMessage()
    msg["From"] = smtp.sender
    msg["To"] = to.strip()
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=smtp.sender.rsplit("@", 1)[-1])
    msg.set_content(body)
    password = os.environ.get(smtp.password_env, "")
    if smtp.security == "ssl":
        server = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=TIMEOUT_S,
                                  context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT_S)
    with server:
        if smtp.security == "starttls":
            server.starttls(context=ssl.create_default_context())
        if smtp.user:
            server.login(smtp.user, password)
        server.send_message(msg)


def whatsapp_number(phone: str | None) -> str | None:
    """An Indonesian phone number as WhatsApp wants it (62..., digits only), or None."""
    digits = re.sub(r"[\s().-]", "", phone or "")
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit():
        return None
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    if not digits.startswith("62") or not 10 <= len(digits) <= 15:
        return None
    return digits


def whatsapp_link(number: str, text: str) -> str:
    return f"https://wa.me/{number}?text={quote(text, safe='')}"
