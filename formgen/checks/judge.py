"""One requirement of one applicant judged against its rules: ok, missing, invalid or review."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from stdnum.id import nik as stdnik

from formgen.checks.evidence import Evidence, Fact, Page
from formgen.checks.rules import Requirement, Rules
from formgen.core.i18n import doc_label, field_label, finding_label, has_message, say_value, t

STATUS_ORDER = ("ok", "review", "invalid", "missing")  # later wins


@dataclass
class Outcome:
    status: str  # ok, review, invalid
    reason: str | None = None


@dataclass
class Subject:
    """What a rule may look at for one applicant."""

    applicant: dict
    rules: Rules
    evidence: Evidence
    ktp_niks: dict[str, set[int]]  # NIK read from a KTP -> applicants whose KTP shows it
    roster_rows: dict[str, int] = field(default_factory=dict)  # roster table -> rows typed


def judge_requirement(req: Requirement, subject: Subject) -> dict:
    """``{"status": ..., "reasons": [...]}`` for ``req``."""
    app_id = subject.applicant["id"]
    pages = subject.evidence.counted_pages(app_id, req.docs)
    in_review = [p for p in subject.evidence.review_pages(app_id) if p.doc in req.docs]
    unknown_review = [p for p in subject.evidence.review_pages(app_id) if p.doc in (None, "other")]
    outcomes: list[Outcome] = []
    if in_review:
        outcomes.append(_review_pages_outcome(in_review))
    if not any(p.doc == req.docs[0] for p in pages):  # the requirement's own document
        if in_review:
            return _summarise(outcomes)
        if unknown_review:
            # One of the pages waiting in review may be the missing document.
            return _summarise([Outcome("review", t("check.reason.missing")),
                               _review_pages_outcome(unknown_review)])
        return {"status": "missing", "reasons": [t("check.reason.missing")]}
    facts = subject.evidence.facts_of(pages)
    for rule in req.rules:
        outcomes.extend(CHECKS[rule["check"]](rule, req, pages, facts, subject))
    return _summarise(outcomes)


def _summarise(outcomes: list[Outcome]) -> dict:
    status = "ok"
    for o in outcomes:
        if STATUS_ORDER.index(o.status) > STATUS_ORDER.index(status):
            status = o.status
    reasons = []
    for o in outcomes:
        if o.reason and o.reason not in reasons:
            reasons.append(o.reason)
    return {"status": status, "reasons": reasons}


def _review_pages_outcome(pages: list[Page]) -> Outcome:
    why = "; ".join(sorted({review_reason(p.review) for p in pages}))
    return Outcome("review", t("check.reason.page_in_review", count=len(pages), why=why))


def review_reason(code: str | None) -> str:
    """Why a page waits for a person, in words."""
    key = f"review.reason.{code}"
    return t(key) if has_message(key) else t("review.reason.other")


# -- shared judging of one finding ------------------------------------------------------------

def _is_confident(fact: Fact, rules: Rules) -> bool:
    return fact.decision == "accept" or (
        fact.value is not None and fact.note != "handwritten"
        and fact.confidence >= rules.min_confidence)


def _judge_facts(facts: list[Fact], rules: Rules, *, passes: Callable[[object], bool],
                 fail: Callable[[Fact], str], unclear: Callable[[Fact], str],
                 on_fail: str = "invalid") -> list[Outcome]:
    out = []
    for fact in facts:
        if fact.decision == "reject":
            out.append(Outcome("ok", t("check.reason.overruled",
                                       finding=finding_label(fact.kind, fact.name))))
            continue
        ok = fact.value is not None and passes(fact.value)
        if ok and _is_confident(fact, rules):
            out.append(Outcome("ok"))
        elif _is_confident(fact, rules):
            reason = fail(fact)
            if fact.decision == "accept":
                reason = t("check.reason.decided", reason=reason)
            out.append(Outcome(on_fail, reason))
        else:
            out.append(Outcome("review", unclear(fact)))
    return out


def _select(facts: list[Fact], key: str) -> list[Fact]:
    kind, _, name = key.partition("/")
    return [f for f in facts if f.kind == kind and f.name == name]


def _digits(value: object) -> str:
    return re.sub(r"\D", "", str(value or ""))


def _norm_name(value: object) -> str:
    return " ".join(re.sub(r"[^A-Z ]", " ", str(value or "").upper()).split())


# -- the checks named in rules.yaml ------------------------------------------------------------

def check_all_pages(rule, req, pages, facts, subject) -> list[Outcome]:
    """Every page of each document handed in is there (a page waiting in review counts)."""
    waiting = subject.evidence.review_pages(subject.applicant["id"])
    out = []
    for doc in req.docs:
        totals = [p.total for p in pages if p.doc == doc and p.total]
        if not totals:
            continue
        total = max(totals)
        present = {p.page_no for p in pages if p.doc == doc}
        present |= {p.page_no for p in waiting if p.doc == doc}
        missing = [str(n) for n in range(1, total + 1) if n not in present]
        if missing:
            out.append(Outcome("invalid", t("check.reason.pages_missing",
                                            pages=", ".join(missing), total=total)))
    return out or [Outcome("ok")]


def check_signed(rule, req, pages, facts, subject) -> list[Outcome]:
    out = []
    for name in rule.get("names") or ["ttd_pemohon"]:
        who = t(f"check.who.{name}") if has_message(f"check.who.{name}") else \
            name.removeprefix("ttd_").replace("_", " ")
        found = _select(facts, f"signature/{name}")
        if not found:
            out.append(Outcome("review", t("check.reason.signature_not_read", who=who)))
            continue
        out += _judge_facts(found, subject.rules, passes=lambda v: v is True,
                            fail=lambda f, who=who: t("check.reason.unsigned", who=who),
                            unclear=lambda f, who=who: t("check.reason.signature_unclear",
                                                         who=who))
    return out


def check_materai(rule, req, pages, facts, subject) -> list[Outcome]:
    found = _select(facts, "materai/materai")
    if not found:
        return [Outcome("review", t("check.reason.materai_unclear"))]
    not_valid = rule.get("not_valid") or {}   # kind of materai -> message (e-Meterai on paper)
    out = []
    for fact in found:
        if fact.value is True and fact.note in not_valid and fact.decision is None:
            out.append(Outcome(rule.get("not_valid_status", "review"), t(not_valid[fact.note])))
            continue
        out += _judge_facts([fact], subject.rules, passes=lambda v: v is True,
                            fail=lambda f: t("check.reason.no_materai"),
                            unclear=lambda f: t("check.reason.materai_unclear"))
    return out


def _nik_unclear(value) -> str:
    """The unsure reading is shown only when it is a well-formed NIK; a broken guess would
    only mislead the person comparing it with the card."""
    nik = _digits(value)
    if len(nik) == 16 and stdnik.is_valid(nik):
        return t("check.reason.nik_unclear", nik=nik)
    return t("check.reason.nik_unclear_unshown")


def check_nik_valid(rule, req, pages, facts, subject) -> list[Outcome]:
    niks = _select(facts, "ktp/nik")
    shown = _digits(niks[0].value) if niks else ""
    flags = _select(facts, "ktp/nik_valid")
    if flags:
        return _judge_facts(flags, subject.rules, passes=lambda v: v is True,
                            fail=lambda f: t("check.reason.nik_invalid", nik=shown),
                            unclear=lambda f: _nik_unclear(shown))
    if not niks:
        return [Outcome("review", t("check.reason.nik_unread"))]
    return _judge_facts(niks, subject.rules,
                        passes=lambda v: len(_digits(v)) == 16 and stdnik.is_valid(_digits(v)),
                        fail=lambda f: t("check.reason.nik_invalid", nik=_digits(f.value)),
                        unclear=lambda f: _nik_unclear(f.value))


def check_nik_roster(rule, req, pages, facts, subject) -> list[Outcome]:
    expected = subject.applicant.get("nik")
    if not expected:
        return [Outcome("ok")]
    niks = _select(facts, "ktp/nik")
    if not niks:
        return [Outcome("review", t("check.reason.nik_unread"))]
    out = []
    for fact in niks:
        if _digits(fact.value) == expected and fact.decision != "reject":
            out.append(Outcome("ok"))  # agreeing with the roster is itself confirmation
        else:
            out += _judge_facts([fact], subject.rules, passes=lambda v: _digits(v) == expected,
                                fail=lambda f: t("check.reason.nik_mismatch",
                                                 found=_digits(f.value), expected=expected),
                                unclear=lambda f: _nik_unclear(f.value))
    return out


def check_flag(rule, req, pages, facts, subject, *, passes=lambda v: v is True) -> list[Outcome]:
    key = rule["finding"]
    found = _select(facts, key)
    what = finding_label(*key.split("/", 1))
    if not found:
        return [Outcome("review", t("check.reason.not_read", what=what))]
    message = rule.get("message")

    def fail(f: Fact) -> str:
        if message:
            return t(message, value=say_value(f.value))
        return t("check.reason.finding_failed", finding=what, value=say_value(f.value))

    return _judge_facts(found, subject.rules, passes=passes, fail=fail,
                        unclear=lambda f: t("check.reason.unclear", what=what),
                        on_fail=rule.get("on_fail", "invalid"))


def check_equals(rule, req, pages, facts, subject) -> list[Outcome]:
    want = rule.get("value")
    return check_flag(rule, req, pages, facts, subject, passes=lambda v: v == want)


def check_name_match(rule, req, pages, facts, subject) -> list[Outcome]:
    doc = doc_label(rule["finding"].split("/")[0])
    expected = _norm_name(subject.applicant.get("nama"))
    found = _select(facts, rule["finding"])
    if not expected:
        return [Outcome("ok")]
    if not found:
        return [Outcome("review", t("check.reason.name_unread", doc=doc))]
    rules = subject.rules
    out = []
    for fact in found:
        name = _norm_name(fact.value)
        params = {"doc": doc, "found": say_value(fact.value),
                  "expected": subject.applicant.get("nama")}
        score = fuzz.token_sort_ratio(name, expected) if name else 0.0
        # a shortened name ('M. RIZKY') holds a part of the registered one: a person decides
        close = score >= rules.name_review or _is_shortened(name, expected, rules.name_ok)
        if fact.decision == "reject":
            out.append(Outcome("ok", t("check.reason.overruled",
                                       finding=finding_label(fact.kind, fact.name))))
        elif not name:
            out.append(Outcome("review", t("check.reason.name_unread", doc=doc)))
        elif score >= rules.name_ok:
            out.append(Outcome("ok"))  # agreeing with the roster is itself confirmation
        elif fact.decision == "accept":
            status = "ok" if close else "invalid"
            key = "name_unclear" if close else "name_mismatch"
            out.append(Outcome(status, t("check.reason.decided",
                                         reason=t(f"check.reason.{key}", **params))))
        elif close or not _is_confident(fact, rules) or _owner_by_nik(facts, fact, subject,
                                                                      rules):
            out.append(Outcome("review", t("check.reason.name_unclear", **params)))
        else:
            out.append(Outcome("invalid", t("check.reason.name_mismatch", **params)))
    return out


def _owner_by_nik(facts: list[Fact], fact: Fact, subject, rules: Rules) -> bool:
    """Whether the page the name was read on carries the applicant's own NIK, read with
    confidence: a card of theirs whose name reads otherwise is more likely misread than
    someone else's, so a person looks rather than the card being refused."""
    expected = subject.applicant.get("nik")
    return bool(expected) and any(
        f.page_id == fact.page_id and f.name == "nik" and _digits(f.value) == expected
        and _is_confident(f, rules) and f.decision != "reject" for f in facts)


def _is_shortened(name: str, expected: str, threshold: float) -> bool:
    """Every word of ``name`` is a word or an initial of ``expected``, one at least whole."""
    words, full = name.split(), expected.split()
    whole = [w for w in words if len(w) > 1 and any(fuzz.ratio(w, e) >= threshold for e in full)]
    initials = [w for w in words if len(w) == 1 and any(e.startswith(w) for e in full)]
    return bool(whole) and len(whole) + len(initials) == len(words)


def check_color(rule, req, pages, facts, subject) -> list[Outcome]:
    kind = rule["finding"].split("/")[0]
    doc = doc_label(kind)
    found = _select(facts, rule["finding"])
    if found:
        return _judge_facts(found, subject.rules, passes=lambda v: v is True,
                            fail=lambda f: t("check.reason.not_color", doc=doc),
                            unclear=lambda f: t("check.reason.color_unknown", doc=doc))
    if any(p.is_color is False for p in pages):
        return [Outcome("invalid", t("check.reason.not_color", doc=doc))]
    if all(p.is_color for p in pages):
        return [Outcome("ok")]
    return [Outcome("review", t("check.reason.color_unknown", doc=doc))]


def check_jenjang(rule, req, pages, facts, subject) -> list[Outcome]:
    rules = subject.rules
    expected = rules.level_rank(subject.applicant.get("pendidikan"))
    found = _select(facts, rule["finding"])
    if expected is None:
        return [Outcome("ok")]
    if not found:
        return [Outcome("review", t("check.reason.jenjang_unread"))]

    def level(v: object) -> str | None:
        got = rules.level_rank(v)
        return got[1] if got else None

    return _judge_facts(found, rules, passes=lambda v: level(v) == expected[1],
                        fail=lambda f: t("check.reason.jenjang_mismatch",
                                         found=level(f.value) or say_value(f.value),
                                         expected=expected[1]),
                        unclear=lambda f: t("check.reason.jenjang_unread"))


def check_unique_nik(rule, req, pages, facts, subject) -> list[Outcome]:
    app_id = subject.applicant["id"]
    others: set[int] = set()
    for fact in _select(facts, "ktp/nik"):
        if fact.decision == "reject":
            continue
        others |= subject.ktp_niks.get(_digits(fact.value), set()) - {app_id}
    if not others:
        return [Outcome("ok")]
    return [Outcome("invalid", t("check.reason.nik_duplicate",
                                 others=", ".join(map(str, sorted(others)))))]


def check_fields(rule, req, pages, facts, subject) -> list[Outcome]:
    """Typed form fields: handwritten or differing from the roster means a person decides."""
    names = set(rule.get("names") or ())
    on_fail = rule.get("on_fail", "review")
    if rule.get("docs"):  # only the boxes of these documents
        on_docs = {p.id for p in pages if p.doc in rule["docs"]}
        facts = [f for f in facts if f.page_id in on_docs]
    out = []
    for fact in facts:
        if fact.kind != "field" or (names and fact.name not in names) or fact.note == "empty":
            continue
        if fact.decision == "reject":
            out.append(Outcome("ok", t("check.reason.overruled",
                                       finding=field_label(fact.name))))
        elif fact.decision == "accept":
            out.append(Outcome("ok"))
        elif fact.note == "handwritten" or fact.confidence < subject.rules.min_confidence:
            out.append(Outcome("review", t("check.reason.field_handwritten",
                                           field=field_label(fact.name))))
        elif fact.ok is False:
            out.append(Outcome(on_fail, t("check.reason.field_mismatch",
                                          field=field_label(fact.name),
                                          found=say_value(fact.value),
                                          expected=say_value(fact.expected))))
    return out


def check_table_rows(rule, req, pages, facts, subject) -> list[Outcome]:
    """A table of the form (boxes named like ``proyek_{i}_nama``) has at least ``min`` rows,
    counting rows read from the form with ink in them, or rows typed in the roster table
    named by ``roster``."""
    pattern = re.compile(re.escape(rule["fields"]).replace(r"\{i\}", r"(\d+)"))
    wanted = int(rule.get("min", 1))
    boxes = [(pattern.match(f.name), f) for f in facts if f.kind == "field"]
    boxes = [(m[1], f) for m, f in boxes if m]
    filled = {row for row, f in boxes
              if f.decision != "reject" and f.note != "empty"
              and (f.note == "handwritten" or say_value(f.value).strip("- "))}
    typed = subject.roster_rows.get(rule.get("roster", ""), 0)
    if max(len(filled), typed) >= wanted:
        return [Outcome("ok")]
    what = t(rule["label"]) if rule.get("label") else field_label(rule["fields"])
    if not boxes:
        return [Outcome("review", t("check.reason.not_read", what=what))]
    return [Outcome(rule.get("on_fail", "invalid"),
                    t(rule.get("message", "check.reason.table_empty"), what=what, min=wanted))]


CHECKS = {
    "all_pages": check_all_pages, "signed": check_signed, "materai": check_materai,
    "nik_valid": check_nik_valid, "nik_roster": check_nik_roster, "flag": check_flag,
    "equals": check_equals, "name_match": check_name_match, "color": check_color,
    "jenjang": check_jenjang, "unique_nik": check_unique_nik, "fields": check_fields,
    "table_rows": check_table_rows,
}
