"""What clerks and applicants read is sentences: no internal names, codes or Python literals.

Every reason message of the catalogues is rendered in both languages; every rule of
rules.yaml is driven to each of its outcomes (met, failed, unsure, unread, overruled)
and its reasons checked; every review reason and both letter variants are read back.
"""
from __future__ import annotations

import re
import string

import pdfplumber
import pytest

from formgen.checks import check_applicants
from formgen.core.i18n import LANGUAGES, message_keys, set_language, t
from formgen.ingest.review import REVIEW_REASONS
from formgen.outputs.checklist_letter import write_letters
from scansim.records import add_finding, add_page, complete_applicant, nik_for

SNAKE = re.compile(r"(?<![\w/.-])[a-z]+(?:_[a-z0-9]+)+(?![\w/.])")
CODE = re.compile(r"\[[a-z0-9_, ]+\]")
LITERAL = re.compile(r"\b(True|False|None)\b|'[a-z_]+'")

# Messages people read as reasons, statuses and names (not command hints or file layouts).
READ_BY_PEOPLE = ("check.reason.", "check.status.", "check.applicant_status.", "check.who.",
                  "review.reason.", "roster.reason.", "nik.", "ingest.bad_input.",
                  "ingest.error.", "dossier.skip.", "doc.", "field.", "finding.", "value.")
SAMPLES = {"field": "tanggal lahir", "what": "ukuran pas foto", "doc": "KTP", "who": "pemohon",
           "finding": "meterai", "reason": "tidak ada meterai", "status": "belum lengkap",
           "found": "BUDI", "expected": "BUDI SANTOSO", "nik": "6201021203900001",
           "others": "3, 7", "pages": "2", "total": "3", "count": "2", "why": "kode QR rusak",
           "value": "2", "min": "1", "row": "2", "column": "lokasi", "path": "scan.pdf"}


def sentence_problems(text: str) -> list[str]:
    """The internal names, bracketed codes and Python literals found in ``text``."""
    return SNAKE.findall(text) + CODE.findall(text) + [m.group(0) for m in LITERAL.finditer(text)]


def render(key: str, lang: str) -> str:
    names = {name for _, name, _, _ in string.Formatter().parse(t(key, lang)) if name}
    return t(key, lang, **{n: SAMPLES.get(n, "contoh") for n in names})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_read_by_people_is_a_sentence(lang):
    keys = [k for k in message_keys() if k.startswith(READ_BY_PEOPLE)]
    assert len(keys) > 150
    for key in keys:
        assert not sentence_problems(render(key, lang)), (key, render(key, lang))


def test_the_checker_itself():
    assert sentence_problems("ukuran foto bukan 3 x 4 (rasio False)") == ["False"]
    assert sentence_problems("1 halaman menunggu (ktp_nik_mismatch)") == ["ktp_nik_mismatch"]
    assert "[not_found]" in sentence_problems("berkas tidak ditemukan [not_found]")
    assert sentence_problems("KTP nik_matches_card belum terbaca") == ["nik_matches_card"]
    assert not sentence_problems("NIK pada KTP (6201021203900001) belum terbaca: scan_01.pdf")


# -- every rule to every outcome ----------------------------------------------------------

VARIANTS = {  # how a finding of a complete applicant is spoilt
    "failed": False,
    "unsure": (True, 0.2, None),
    "empty": (None, 0.9, None),
    "handwritten": (None, 0.9, "handwritten"),
    "odd": ("???", 0.95, None),
}


def _finding_keys(ws) -> list[str]:
    app = complete_applicant(ws, nik=nik_for(90), nama="CONTOH", images=False)
    rows = ws.conn.execute("SELECT DISTINCT f.kind || '/' || f.name FROM findings f JOIN pages p "
                           "ON p.id = f.page_id WHERE p.applicant_id = ?", (app,)).fetchall()
    return sorted(r[0] for r in rows)


def _spoilt_workspace(ws) -> int:
    n = 100
    for key in _finding_keys(ws):
        for spoil in VARIANTS.values():
            complete_applicant(ws, nik=nik_for(n), nama="BUDI SANTOSO", images=False,
                               override={key: spoil})
            n += 1
        app = complete_applicant(ws, nik=nik_for(n), nama="BUDI SANTOSO", images=False)
        kind, name = key.split("/")
        ws.conn.execute("DELETE FROM findings WHERE kind = ? AND name = ? AND page_id IN "
                        "(SELECT id FROM pages WHERE applicant_id = ?)", (kind, name, app))
        fid = add_finding(ws, add_page(ws, app, "other"), kind, name, False)
        ws.conn.execute("INSERT INTO decisions(page_id, applicant_id, action, detail, user, at) "
                        "VALUES (NULL, ?, 'reject_finding', json_object('finding_id', ?), "
                        "'petugas', '2026-01-01')", (app, fid))
        n += 1
    for reason in (*REVIEW_REASONS, "a_reason_from_a_newer_reader"):
        app = complete_applicant(ws, nik=nik_for(n), nama="BUDI SANTOSO", images=False,
                                 skip=("ijazah",))
        add_page(ws, app, "ijazah", review=reason)
        n += 1
    for skip in (("ktp",), ("permohonan", "pas_foto")):
        complete_applicant(ws, nik=nik_for(n), nama="BUDI SANTOSO", images=False, skip=skip)
        n += 1
    return n - 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_outcome_reads_as_sentences(workspace, lang):
    made = _spoilt_workspace(workspace)
    set_language(lang)
    results = check_applicants(workspace)
    assert len(results) == made + 1
    seen = set()
    for result in results:
        for code, req in result["requirements"].items():
            seen.add((code, req["status"]))
            for reason in req["reasons"]:
                assert not sentence_problems(reason), (result["applicant"], code, reason)
    # the spoilt findings reached every status of the requirements they feed
    assert {("ktp", s) for s in ("ok", "invalid", "review", "missing")} <= seen
    assert {("pas_foto", s) for s in ("ok", "invalid", "review", "missing")} <= seen
    assert {("pengalaman_kerja", s) for s in ("ok", "invalid", "review")} <= seen


def test_check_output_reads_as_sentences_both_ways(workspace, cli):
    _spoilt_workspace(workspace)
    for args in ((), ("--lang", "en")):
        result = cli(*args, "check")
        assert result.exit_code == 0
        for line in result.stdout.splitlines():
            assert not sentence_problems(line), line
    english = cli("--lang", "en", "check").stdout
    assert "sesuai format LSP" not in english and "memenuhi" not in english
    assert "Application form in the LSP format: ok" in english


# -- letters ------------------------------------------------------------------------------

def _letter_text(path: str) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(pdf.pages[0].extract_text().split())


def test_every_letter_variant_reads_as_sentences(workspace):
    missing = complete_applicant(workspace, nik=nik_for(1), nama="SITI AMINAH", images=False,
                                 skip=("ktp",), override={"pas_foto/aspect_ok": False,
                                                          "pas_foto/faces": 2})
    waiting = complete_applicant(workspace, nik=nik_for(2), nama="BUDI SANTOSO", images=False,
                                 skip=("ktp",))
    add_page(workspace, waiting, "ktp", review="ktp_nik_mismatch")
    unsure = complete_applicant(workspace, nik=nik_for(3), nama="RINA", images=False,
                                override={"materai/materai": (True, 0.2, None)})
    letters = {w["applicant"]: w for w in write_letters(workspace)}
    assert set(letters) == {missing, waiting, unsure}
    texts = {app: _letter_text(w["path"]) for app, w in letters.items()}
    for app, text in texts.items():
        assert not sentence_problems(text), (app, text)
        assert re.search(r"Nomor: 600\.1/\d{4}-KB/PUPR\.I/\d{4}", text), text
    assert "Kekurangan tersebut dapat diserahkan" in texts[missing]
    assert "ukuran pas foto bukan 3 x 4" in texts[missing]
    for app in (waiting, unsure):
        assert "Kekurangan tersebut dapat diserahkan" not in texts[app]
        assert "tidak ada yang perlu dibawa" in texts[app]
    assert "NIK pada KTP berbeda dengan NIK pemohon" in texts[waiting]
    numbers = {re.search(r"600\.1/(\d{4})", text)[1] for text in texts.values()}
    assert len(numbers) == 3  # each letter its own number


def test_papers_speak_indonesian_whatever_the_screen_speaks(workspace, cli):
    complete_applicant(workspace, nik=nik_for(5), nama="SITI AMINAH", images=False,
                       override={"materai/materai": False})
    result = cli("--lang", "en", "check", "--letters")
    assert result.exit_code == 0 and "no Rp10,000 duty stamp" in result.stdout
    (letter,) = list((workspace.root / "letters").iterdir())
    text = _letter_text(str(letter))
    assert "tidak ada meterai Rp10.000" in text and "duty stamp" not in text
