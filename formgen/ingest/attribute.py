"""Which applicant each page of one scanned file belongs to — or why a person must decide.

The rules, in file order:
- a page with a formgen QR code belongs to the applicant its pack was printed for
  (a blank numbered pack gets a provisional applicant keyed by its pack number);
  a code whose applicant part disagrees with its pack (a personal code on a blank pack,
  a blank pack's code on a pack printed for someone) goes to review;
- a separator (``sampul``) starts that applicant's run: the attachments after it
  (no QR: KTP, ijazah, pas foto, other) are theirs until the next separator;
- an attachment before any separator (a photo taken alone, a stack scanned without its
  cover) is filed by what it shows when that names exactly one applicant: a KTP by its
  well-formed NIK read with confidence (or, no NIK read, by its name), an ijazah by its
  name, a pas foto sheet by the name under the photos, each name read from the page
  itself, not matched against the roster, and alike with one applicant's only (no other
  applicant's a letter or two from it). Any other such attachment goes to review;
- an attachment after a form of another applicant inside
  the run, a KTP whose NIK contradicts the applicant or a pas foto sheet with another
  applicant's name under the photos goes to review; so does a
  KTP that does not show whose it is (no well-formed NIK read, and no name read
  that agrees with the applicant's): its owner is not confirmed;
- a page whose QR cannot be read (or a form page whose QR was lost and whose printed
  code could not be read), from another workspace, an unknown pack or a pack
  voided by a newer one for its applicant goes to review; so does a page that could not
  be read at all. Such a page may be the next applicant's separator, so it ends the
  run: the attachments after it wait for a person (``after_unidentified``) until the
  next separator;
- a blank page (a duplex back) is recorded as blank for the current applicant.
Nothing is ever attributed on a guess.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from formgen.domain.doctypes import ATTACHMENTS, SEPARATOR
from formgen.ingest.compare import values_agree
from ocr import roster_match
from ocr.page import PageResult

# A page's code not read: its review reason, by the reader's QR status.
_CODE_UNREAD = {"unreadable": "qr_unreadable", "missing": "form_code_lost"}
# A name read blind, below this confidence, files no attachment by itself.
OWNER_NAME_CONFIDENCE = 0.6


@dataclass
class Placement:
    applicant_id: int | None
    pack_id: int | None
    doc: str
    review: str | None = None
    blank: bool = False


@dataclass
class PackRef:
    pack_id: int
    applicant_id: int | None   # None: a blank pack not yet claimed
    printed_blank: bool = False  # printed without an applicant (claimed or not)
    voided: bool = False         # replaced by a newer pack for the same applicant


@dataclass
class AttributionContext:
    workspace_id: str
    find_pack: Callable[[int], PackRef | None]
    applicant_nik: Callable[[int], str | None]
    claim_blank_pack: Callable[[int], int]   # pack_id -> provisional applicant id
    applicant_name: Callable[[int], str | None] = lambda applicant_id: None
    # (applicant, their pack) whose "nik" or "nama" is the value given, when exactly one's is
    find_owner: Callable[[str, str], tuple[int, int | None] | None] = \
        lambda key, value: None


def ktp_nik(result: PageResult, *, min_confidence: float = 0.6) -> str | None:
    """The NIK read from a KTP page when it is structurally valid and confident enough."""
    values = {(f.kind, f.name): f for f in result.findings}
    nik, valid = values.get(("ktp", "nik")), values.get(("ktp", "nik_valid"))
    if nik and valid and valid.value is True and nik.value and nik.confidence >= min_confidence:
        return str(nik.value)
    return None


def _name_finding(result: PageResult, kind: str):
    """The ``nama`` finding of kind ``kind`` on a page (None when there is none)."""
    return next((f for f in result.findings if (f.kind, f.name) == (kind, "nama")), None)


def _card_names(result: PageResult, name: str | None) -> bool:
    """Whether the name read from a KTP page agrees with ``name``."""
    read = getattr(_name_finding(result, "ktp"), "value", None)
    return bool(read and name and values_agree(read, name, kind="name"))


def _owner_confirmed(result: PageResult, name: str | None) -> bool:
    """Whether a KTP page shows its owner: a well-formed NIK (a differing one is a question
    of its own), or else a name that agrees with ``name`` (any name when none is known)."""
    if ktp_nik(result, min_confidence=0.0):
        return True
    read = getattr(_name_finding(result, "ktp"), "value", None)
    return bool(read) and (name is None or values_agree(read, name, kind="name"))


def _read_name(result: PageResult, kind: str) -> str | None:
    """The holder's name read from an attachment page itself (not matched against the roster)."""
    name = _name_finding(result, kind)
    if name is None or not name.value or name.note == roster_match.NOTE \
            or name.confidence < OWNER_NAME_CONFIDENCE:
        return None
    return str(name.value)


def _shown_owner(result: PageResult, doc: str,
                 ctx: AttributionContext) -> tuple[int, int | None] | None:
    """(applicant, pack) an attachment with no separator before it shows it belongs to: a
    card by its NIK when one is read well-formed (it decides, sure or not), else any
    attachment by the holder's name read from it (an ijazah's, the one under a pas foto's
    photos)."""
    if doc == "ktp" and ktp_nik(result, min_confidence=0.0):
        nik = ktp_nik(result)
        return ctx.find_owner("nik", nik) if nik else None
    name = _read_name(result, doc) if doc in ATTACHMENTS else None
    return ctx.find_owner("nama", name) if name else None


def _code_fits_pack(code_applicant: int | None, pack: PackRef) -> bool:
    """Whether the applicant part of a page code agrees with what the pack was printed as."""
    if code_applicant is None:
        return pack.applicant_id is None or pack.printed_blank
    return not pack.printed_blank and code_applicant == pack.applicant_id


def attribute_file(results: list[PageResult], ctx: AttributionContext) -> list[Placement]:
    placements: list[Placement] = []
    current: int | None = None     # applicant of the last separator in this file
    current_pack: int | None = None
    mixed = False                  # a form of another applicant appeared inside the run
    interrupted = False            # an unidentified page (maybe a separator) ended the run

    def unidentified(pack_id: int | None, doc: str, reason: str) -> None:
        nonlocal current, current_pack, mixed, interrupted
        placements.append(Placement(None, pack_id, doc, review=reason))
        current, current_pack, mixed, interrupted = None, None, False, True

    for result in results:
        if result.error:
            unidentified(None, "other", "unreadable_page")
            continue
        if result.qr_status in _CODE_UNREAD:
            unidentified(None, result.doc or "other", _CODE_UNREAD[result.qr_status])
            continue
        page_id = result.page_id
        if page_id is not None:
            if page_id.workspace != ctx.workspace_id:
                unidentified(None, page_id.doc, "foreign_workspace")
                continue
            pack = ctx.find_pack(page_id.pack)
            if pack is None:
                unidentified(None, page_id.doc, "unknown_pack")
                continue
            if not _code_fits_pack(page_id.applicant, pack):
                unidentified(pack.pack_id, page_id.doc, "qr_mismatch")
                continue
            if pack.voided:
                unidentified(pack.pack_id, page_id.doc, "voided_pack")
                continue
            if pack.applicant_id is None:
                pack.applicant_id = ctx.claim_blank_pack(pack.pack_id)
                pack.printed_blank = True
            if page_id.doc == SEPARATOR:
                current, current_pack = pack.applicant_id, pack.pack_id
                mixed = interrupted = False
            elif current is not None and pack.applicant_id != current:
                mixed = True
            placements.append(Placement(pack.applicant_id, pack.pack_id, page_id.doc))
            continue
        doc = result.doc or "other"
        if doc == "blank":
            if current is None:
                reason = "after_unidentified" if interrupted else "blank_without_separator"
                placements.append(Placement(None, None, doc, review=reason, blank=True))
            else:
                placements.append(Placement(current, current_pack, doc, blank=True))
            continue
        if current is None:
            owner = _shown_owner(result, doc, ctx)
            if owner is not None:
                placements.append(Placement(owner[0], owner[1], doc))
                continue
            reason = "after_unidentified" if interrupted else "no_separator"
            placements.append(Placement(None, None, doc, review=reason))
            continue
        if mixed:
            placements.append(Placement(None, None, doc, review="ambiguous_applicant"))
            continue
        if doc == "ktp":
            # a well-formed NIK that differs is a question for a person; only an unsure
            # reading on a card that carries the applicant's own name is taken as a misread
            read_nik = ktp_nik(result, min_confidence=0.0)
            own_nik = ctx.applicant_nik(current)
            if read_nik and own_nik and read_nik != own_nik and not (
                    ktp_nik(result) is None and _card_names(result, ctx.applicant_name(current))):
                # kept with the run's pack, so the check shows it as this applicant's question
                placements.append(Placement(None, current_pack, doc, review="ktp_nik_mismatch"))
                continue
            if not _owner_confirmed(result, ctx.applicant_name(current)):
                placements.append(Placement(None, current_pack, doc,
                                            review="ktp_owner_unconfirmed"))
                continue
        if doc == "pas_foto" and _names_another(result, current, ctx):
            placements.append(Placement(None, current_pack, doc, review="pas_foto_other_name"))
            continue
        placements.append(Placement(current, current_pack, doc))
    return placements


def _names_another(result: PageResult, applicant: int, ctx: AttributionContext) -> bool:
    """Whether a pas foto sheet bears the name of an applicant other than ``applicant``."""
    name = _read_name(result, "pas_foto")
    owner = ctx.find_owner("nama", name) if name else None
    own = ctx.applicant_name(applicant)
    return owner is not None and owner[0] != applicant and not (
        own and values_agree(name, own, kind="name"))
