"""The identity a printed page carries in its QR code, and the same text printed beside it.

Format (space-separated, readable by a person)::

    FG1 <workspace> <pack> <applicant> <doc> <page>/<total> <layout>
    FG1 7K3QX2 P000012 A000034 permohonan 1/2 3f9a1c2e
    FG1 7K3QX2 P000013 - sampul 1/1 0b4d5e6f        (blank numbered pack)

``pack`` is the printed pack's number, ``applicant`` the workspace id of the
applicant (``-`` for a blank pack), ``page``/``total`` count within the
document, ``layout`` names the stored geometry the page was printed with.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "FG1"
_BODY = (r"FG1 (?P<ws>[A-Z0-9]{1,12}) P(?P<pack>\d{1,9}) (?:A(?P<app>\d{1,9})|-) "
         r"(?P<doc>[a-z_]{1,40}) (?P<page>\d{1,3})/(?P<total>\d{1,3}) (?P<layout>[0-9a-f]{4,40})")
_PATTERN = re.compile(f"^{_BODY}$")
_SEARCH = re.compile(_BODY)


def find_page_code(text: str) -> str | None:
    """The first page code inside a longer text (a page's text layer, a QR payload)."""
    match = _SEARCH.search(" ".join(text.split()))
    return match.group(0) if match else None


@dataclass(frozen=True)
class PageId:
    workspace: str
    pack: int
    applicant: int | None
    doc: str
    page: int
    total: int
    layout: str

    def encode(self) -> str:
        app = f"A{self.applicant:06d}" if self.applicant is not None else "-"
        return (f"{PREFIX} {self.workspace} P{self.pack:06d} {app} {self.doc} "
                f"{self.page}/{self.total} {self.layout}")

    @property
    def pack_number(self) -> str:
        return f"P{self.pack:06d}"


def parse_page_id(text: str) -> PageId | None:
    """The PageId in ``text``, or None when it is not a formgen page code."""
    match = _PATTERN.match(text.strip())
    if not match:
        return None
    page, total = int(match["page"]), int(match["total"])
    if not 1 <= page <= total:
        return None
    return PageId(workspace=match["ws"], pack=int(match["pack"]),
                  applicant=int(match["app"]) if match["app"] else None, doc=match["doc"],
                  page=page, total=total, layout=match["layout"])
