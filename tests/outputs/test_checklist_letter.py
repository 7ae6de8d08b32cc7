"""Checklist letters: one page per applicant not lengkap: what is missing, what to bring."""
from __future__ import annotations

import json

import pdfplumber
from pypdf import PdfReader

from formgen.outputs.checklist_letter import write_letters
from scansim.records import complete_applicant, nik_for


def test_letters_for_incomplete_applicants(workspace, cli):
    done = complete_applicant(workspace, nik=nik_for(1), nama="BUDI", images=False)
    todo = complete_applicant(workspace, nik=nik_for(2), nama="SITI AMINAH", images=False,
                              skip=("ktp",), override={"materai/materai": False,
                                                       "pas_foto/faces": 2})
    written = write_letters(workspace)
    assert [w["applicant"] for w in written] == [todo]
    path = written[0]["path"]
    assert path.endswith(f"{nik_for(2)}_SITI_AMINAH_kekurangan.pdf")
    assert len(PdfReader(path).pages) == 1
    with pdfplumber.open(path) as pdf:
        text = " ".join(pdf.pages[0].extract_text().split())
    assert "DINAS PEKERJAAN UMUM" in text and "SITI AMINAH" in text
    assert "Belum ada" in text and "Perlu diperbaiki" in text and "Sudah memenuhi" in text
    assert "Fotokopi KTP berwarna" in text and "meterai Rp10.000" in text
    assert "Pas foto 3 x 4" in text and "tidak dipungut biaya" in text
    assert "Fotokopi ijazah" not in text  # nothing to bring for what is fine
    assert done not in [w["applicant"] for w in written]

    result = cli("check", "--letters", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [w["applicant"] for w in data["letters"]] == [todo]
    shown = cli("check", "--letters")
    assert "kekurangan.pdf" in shown.stdout
    # once complete, the old letter goes
    verdict = next(r for r in data["applicants"] if r["applicant"] == todo)
    assert write_letters(workspace, [{**verdict, "status": "lengkap"}]) == []
    assert not (workspace.root / "letters").joinpath(path.rsplit("/", 1)[1]).exists()


def test_long_reasons_still_fit_one_page(workspace):
    app = complete_applicant(workspace, nik=nik_for(3), nama="A" * 60 + " " + "B" * 60,
                             images=False, skip=("permohonan", "ktp", "ijazah", "pas_foto"),
                             override={"signature/ttd_pemohon": False,
                                       "signature/ttd_pemberi_kerja": (False, 0.2, None),
                                       "materai/materai": False})
    (letter,) = write_letters(workspace)
    assert letter["applicant"] == app
    assert len(PdfReader(letter["path"]).pages) == 1
