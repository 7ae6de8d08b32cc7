"""The text of a message to an applicant: what to bring, or a reminder that a stage ends."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from formgen.checks import load_rules
from formgen.core.config import Settings
from formgen.core.resources import template_path
from formgen.domain.dates import format_tanggal
from formgen.outputs.checklist_letter import letter_wording

KINDS = ("kekurangan", "pengingat")


@dataclass(frozen=True)
class Text:
    subject: str
    body: str


@cache
def message_wording(path: Path | None = None) -> dict:
    path = path or template_path("pesan", "pesan.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def office_name(nama: str) -> str:
    """'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG' as a sentence writes it."""
    small = {"dan", "dari", "di", "ke", "untuk", "atas"}
    words = nama.strip().split()
    return " ".join(w.lower() if i and w.lower() in small else w.capitalize()
                    for i, w in enumerate(words))


def to_bring(verdict: dict, values: dict) -> list[str]:
    """What the applicant must bring, one line per requirement missing or to be corrected."""
    env = SandboxedEnvironment(undefined=StrictUndefined)
    bring = letter_wording()["bawa"]
    return [env.from_string(bring[req.code]).render(**values)
            for req in load_rules().requirements
            if verdict["requirements"][req.code]["status"] in ("missing", "invalid")]


def compose(settings: Settings, applicant: dict, verdict: dict, *, kind: str, today: date,
            stage: str = "", due: date | None = None) -> Text:
    """The subject and body of message ``kind`` (kekurangan / pengingat) for one applicant."""
    words = message_wording()[kind]
    env = SandboxedEnvironment(undefined=StrictUndefined, keep_trailing_newline=False)
    values = {"applicant": applicant, "office": settings.office, "lsp": settings.lsp_nama,
              "tanggal": format_tanggal(today), "tahap": stage,
              "batas": format_tanggal(due) if due else "",
              "kantor": office_name(settings.office.nama)}
    values["kekurangan"] = to_bring(verdict, values)
    subject = " ".join(env.from_string(words["subjek"]).render(**values).split())
    body = env.from_string(words["isi"]).render(**values)
    return Text(subject=subject, body=_tidy(body))


def _tidy(body: str) -> str:
    """Trailing spaces gone, at most one blank line between paragraphs."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"
