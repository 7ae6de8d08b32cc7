"""The text of a message to an applicant: what to bring, or a reminder that a stage ends."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from formgen.checks import load_rules
from formgen.core.config import Settings
from formgen.core.jinjaenv import render_text
from formgen.core.resources import template_path
from formgen.core.yamlfile import load_yaml
from formgen.domain.dates import format_tanggal
from formgen.outputs.checklist_letter import letter_wording

KINDS = ("kekurangan", "pengingat")


@dataclass(frozen=True)
class Text:
    subject: str
    body: str


def message_wording() -> dict:
    return load_yaml(template_path("pesan", "pesan.yaml"))


def to_bring(verdict: dict, values: dict) -> list[str]:
    """What the applicant must bring, one line per requirement missing or to be corrected."""
    bring = letter_wording()["bawa"]
    return [render_text(bring[req.code], **values)
            for req in load_rules().requirements
            if verdict["requirements"][req.code]["status"] in ("missing", "invalid")]


def compose(settings: Settings, applicant: dict, verdict: dict, *, kind: str, today: date,
            stage: str = "", due: date | None = None) -> Text:
    """The subject and body of message ``kind`` (kekurangan / pengingat) for one applicant."""
    words = message_wording()[kind]
    values = {"applicant": applicant, "office": settings.office, "lsp": settings.lsp_nama,
              "tanggal": format_tanggal(today), "tahap": stage,
              "batas": format_tanggal(due) if due else ""}
    values["kekurangan"] = to_bring(verdict, values)
    subject = " ".join(render_text(words["subjek"], **values).split())
    body = render_text(words["isi"], **values)
    return Text(subject=subject, body=_tidy(body))


def _tidy(body: str) -> str:
    """Trailing spaces gone, at most one blank line between paragraphs."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"
