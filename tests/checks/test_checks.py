"""Verdicts of formgen check for each kind of defect, from real workspace rows."""
from __future__ import annotations

import json

import pytest

from formgen.checks import REQUIREMENT_CODES, check_applicants, load_rules
from formgen.core.errors import InputError
from formgen.core.i18n import set_language
from scansim.records import (
    add_decision,
    add_finding,
    add_page,
    complete_applicant,
    nik_for,
)


@pytest.fixture(autouse=True)
def _indonesian():
    set_language("id")
    yield
    set_language("id")


def verdict(ws, app_id):
    (result,) = check_applicants(ws, applicant=app_id)
    return result


def statuses(result):
    return {code: r["status"] for code, r in result["requirements"].items()}


def test_rules_file_lists_six_requirements_in_order():
    rules = load_rules()
    assert tuple(r.code for r in rules.requirements) == REQUIREMENT_CODES
    assert rules.requirement("pernyataan_kebenaran").title.startswith(
        "Form Pernyataan Kebenaran Data")


def test_complete_applicant_is_lengkap(workspace):
    app = complete_applicant(workspace, nik=nik_for(1), nama="BUDI SANTOSO", images=False)
    result = verdict(workspace, app)
    assert result["status"] == "lengkap"
    assert set(result["requirements"]) == set(REQUIREMENT_CODES)
    assert all(s == "ok" for s in statuses(result).values())
    assert result["nik"] == nik_for(1) and result["nama"] == "BUDI SANTOSO"
    # by NIK as well as by id
    assert check_applicants(workspace, applicant=nik_for(1))[0]["applicant"] == app


def test_missing_ktp(workspace):
    app = complete_applicant(workspace, nik=nik_for(2), nama="SITI AMINAH", images=False,
                             skip=("ktp",))
    result = verdict(workspace, app)
    assert result["status"] == "belum_lengkap"
    assert result["requirements"]["ktp"] == {"status": "missing",
                                             "reasons": ["belum diserahkan"]}
    assert statuses(result)["ijazah"] == "ok"


def test_unsigned_form(workspace):
    app = complete_applicant(workspace, nik=nik_for(3), nama="ANDI", images=False,
                             override={"signature/ttd_pemberi_kerja": False})
    req = verdict(workspace, app)["requirements"]["pengalaman_kerja"]
    assert req["status"] == "invalid"
    assert req["reasons"] == ["belum ditandatangani pemberi kerja"]


def test_handwritten_or_unsure_signature_is_review(workspace):
    app = complete_applicant(workspace, nik=nik_for(4), nama="ANDI",  images=False,
                             override={"signature/ttd_pemohon": (False, 0.3, None)})
    result = verdict(workspace, app)
    assert statuses(result)["permohonan"] == "review"
    assert result["status"] == "perlu_diperiksa"


def test_no_materai(workspace):
    app = complete_applicant(workspace, nik=nik_for(5), nama="ANDI", images=False,
                             override={"materai/materai": False})
    req = verdict(workspace, app)["requirements"]["pernyataan_kebenaran"]
    assert req["status"] == "invalid" and "meterai" in req["reasons"][0]


def test_greyscale_ktp_copy(workspace):
    app = complete_applicant(workspace, nik=nik_for(6), nama="ANDI", images=False,
                             override={"ktp/color": False})
    req = verdict(workspace, app)["requirements"]["ktp"]
    assert req == {"status": "invalid", "reasons": ["KTP bukan salinan berwarna"]}


def test_colour_from_page_when_reader_says_nothing(workspace):
    from scansim.records import add_applicant
    app = add_applicant(workspace, nik=nik_for(7), nama="ANDI")
    add_page(workspace, app, "ijazah", is_color=False,
             findings=[("ijazah", "nama", "ANDI"), ("ijazah", "jenjang", "SMK")])
    req = verdict(workspace, app)["requirements"]["ijazah"]
    assert req["status"] == "invalid" and req["reasons"] == ["ijazah bukan salinan berwarna"]


@pytest.mark.parametrize("override, reason", [
    ({"pas_foto/aspect_ok": False, "pas_foto/aspect": 1.0}, "bukan 3 x 4"),
    ({"pas_foto/faces": 2}, "terdeteksi 2"),
    ({"pas_foto/plain_background": False}, "tidak polos"),
])
def test_wrong_photo(workspace, override, reason):
    app = complete_applicant(workspace, nik=nik_for(8), nama="ANDI", images=False,
                             override=override)
    req = verdict(workspace, app)["requirements"]["pas_foto"]
    assert req["status"] == "invalid"
    assert any(reason in r for r in req["reasons"]), req


def test_ktp_of_another_person(workspace):
    app = complete_applicant(workspace, nik=nik_for(9), nama="BUDI SANTOSO", images=False,
                             override={"ktp/nik": nik_for(99), "ktp/nama": "JOKO WIDODO"})
    req = verdict(workspace, app)["requirements"]["ktp"]
    assert req["status"] == "invalid"
    assert any(nik_for(99) in r and nik_for(9) in r for r in req["reasons"])
    assert any("JOKO WIDODO" in r for r in req["reasons"])


def test_own_nik_with_a_name_read_otherwise_is_looked_at_not_refused(workspace):
    app = complete_applicant(workspace, nik=nik_for(8), nama="IJAI", images=False,
                             override={"ktp/nama": "WA"})
    req = verdict(workspace, app)["requirements"]["ktp"]
    assert req["status"] == "review"
    assert any("WA" in r for r in req["reasons"])


def test_same_nik_on_two_applicants_ktp(workspace):
    a = complete_applicant(workspace, nik=nik_for(10), nama="ANDI", images=False)
    b = complete_applicant(workspace, nik=nik_for(11), nama="ANDI", images=False,
                           override={"ktp/nik": nik_for(10)})
    ra, rb = verdict(workspace, a), verdict(workspace, b)
    assert ra["requirements"]["ktp"]["status"] == "invalid"
    assert any(f"nomor {b}" in r for r in ra["requirements"]["ktp"]["reasons"])
    assert rb["requirements"]["ktp"]["status"] == "invalid"


def test_invalid_nik_structure(workspace):
    app = complete_applicant(workspace, nik=nik_for(12), nama="ANDI", images=False,
                             override={"ktp/nik_valid": False})
    req = verdict(workspace, app)["requirements"]["ktp"]
    assert req["status"] == "invalid" and "struktur NIK" in req["reasons"][0]


@pytest.mark.parametrize("reading, shown", [("", False), ("62010211184", False),
                                             (nik_for(15), True)])
def test_unsure_nik_is_shown_only_when_well_formed(workspace, reading, shown):
    app = complete_applicant(workspace, nik=nik_for(14), nama="ANDI", images=False,
                             override={"ktp/nik": (reading, 0.3, None)})
    req = verdict(workspace, app)["requirements"]["ktp"]
    assert req["status"] == "review"
    unsure = [r for r in req["reasons"] if "belum pasti terbaca" in r]
    assert unsure and all("()" not in r for r in unsure)
    assert (bool(reading) and any(reading in r for r in unsure)) is shown


def test_name_close_is_review_far_is_invalid(workspace):
    a = complete_applicant(workspace, nik=nik_for(13), nama="MUHAMMAD RIZKY PRATAMA",
                           images=False, override={"ijazah/nama": "MUHAMAD RIZKI PRATAMA"})
    assert statuses(verdict(workspace, a))["ijazah"] == "ok"   # spelling variants
    b = complete_applicant(workspace, nik=nik_for(14), nama="MUHAMMAD RIZKY PRATAMA",
                           images=False, override={"ijazah/nama": "M. RIZKY"})
    assert statuses(verdict(workspace, b))["ijazah"] == "review"
    c = complete_applicant(workspace, nik=nik_for(15), nama="MUHAMMAD RIZKY PRATAMA",
                           images=False, override={"ijazah/nama": "SRI WAHYUNINGSIH"})
    assert statuses(verdict(workspace, c))["ijazah"] == "invalid"


def test_ijazah_level_must_match_pendidikan(workspace):
    app = complete_applicant(workspace, nik=nik_for(16), nama="ANDI", images=False,
                             pendidikan="S1")
    req = verdict(workspace, app)["requirements"]["ijazah"]
    assert req["status"] == "invalid" and "SMA" in req["reasons"][0] and "S1" in req["reasons"][0]
    ok = complete_applicant(workspace, nik=nik_for(17), nama="ANDI", images=False,
                            pendidikan="SMK")
    assert statuses(verdict(workspace, ok))["ijazah"] == "ok"


def test_page_in_review(workspace):
    app = complete_applicant(workspace, nik=nik_for(18), nama="ANDI", images=False,
                             skip=("ijazah",))
    add_page(workspace, app, "ijazah", review="ambiguous_applicant")
    result = verdict(workspace, app)
    assert statuses(result)["ijazah"] == "review"
    reason = result["requirements"]["ijazah"]["reasons"][0]
    assert "pemiliknya tidak pasti" in reason and "ambiguous_applicant" not in reason
    assert result["status"] == "perlu_diperiksa"


def test_unknown_page_in_review_stands_in_for_missing_one(workspace):
    app = complete_applicant(workspace, nik=nik_for(19), nama="ANDI", images=False,
                             skip=("pas_foto",))
    add_page(workspace, app, None, review="unknown_attachment")
    assert statuses(verdict(workspace, app))["pas_foto"] == "review"


def test_missing_beats_review_for_applicant_status(workspace):
    app = complete_applicant(workspace, nik=nik_for(20), nama="ANDI", images=False,
                             skip=("ktp",), override={"materai/materai": (True, 0.2, None)})
    result = verdict(workspace, app)
    assert statuses(result)["pernyataan_kebenaran"] == "review"
    assert result["status"] == "belum_lengkap"


def test_rejected_and_blank_pages_do_not_count(workspace):
    app = complete_applicant(workspace, nik=nik_for(21), nama="ANDI", images=False,
                             skip=("ktp", "pas_foto"))
    add_page(workspace, app, "ktp", rejected=True, findings=[("ktp", "nik", nik_for(21))])
    add_page(workspace, app, "blank")
    result = verdict(workspace, app)
    assert statuses(result)["ktp"] == "missing" and statuses(result)["pas_foto"] == "missing"


def test_missing_form_page(workspace):
    app = complete_applicant(workspace, nik=nik_for(22), nama="ANDI", images=False)
    workspace.conn.execute("DELETE FROM pages WHERE applicant_id = ? AND doc = 'permohonan' "
                           "AND page_no = 1", (app,))
    req = verdict(workspace, app)["requirements"]["permohonan"]
    assert req == {"status": "invalid", "reasons": ["halaman 1 dari 2 tidak ada"]}


def test_decision_overrides_finding(workspace):
    app = complete_applicant(workspace, nik=nik_for(23), nama="ANDI", images=False,
                             override={"materai/materai": False})
    fid = workspace.conn.execute(
        "SELECT f.id FROM findings f JOIN pages p ON p.id = f.page_id "
        "WHERE p.applicant_id = ? AND f.kind = 'materai'", (app,)).fetchone()[0]
    add_decision(workspace, "reject_finding", applicant_id=app, finding_id=fid)
    req = verdict(workspace, app)["requirements"]["pernyataan_kebenaran"]
    assert req["status"] == "ok"
    assert any("diputuskan petugas" in r for r in req["reasons"])
    assert verdict(workspace, app)["status"] == "lengkap"


def test_accepting_an_unsure_finding_makes_it_count(workspace):
    app = complete_applicant(workspace, nik=nik_for(24), nama="ANDI", images=False,
                             override={"signature/ttd_pemohon": (False, 0.3, "handwritten")})
    page = workspace.conn.execute("SELECT id FROM pages WHERE applicant_id = ? AND "
                                  "doc = 'permohonan' AND page_no = 2", (app,)).fetchone()[0]
    assert statuses(verdict(workspace, app))["permohonan"] == "review"
    add_decision(workspace, "accept_finding", page_id=page, kind="signature", name="ttd_pemohon")
    req = verdict(workspace, app)["requirements"]["permohonan"]
    assert req["status"] == "invalid"
    assert req["reasons"] == ["belum ditandatangani pemohon (diputuskan petugas)"]
    # a later decision with the value the person saw wins
    add_decision(workspace, "accept_finding", page_id=page, kind="signature", name="ttd_pemohon",
                 value=True)
    assert statuses(verdict(workspace, app))["permohonan"] == "ok"


def test_assign_decision_moves_a_review_page_to_the_applicant(workspace):
    app = complete_applicant(workspace, nik=nik_for(25), nama="ANDI", images=False,
                             skip=("pas_foto",))
    page = add_page(workspace, None, "pas_foto", review="no_separator",
                    findings=[("pas_foto", "aspect_ok", True), ("pas_foto", "faces", 1),
                              ("pas_foto", "plain_background", True), ("pas_foto", "color", True)])
    assert statuses(verdict(workspace, app))["pas_foto"] == "missing"
    add_decision(workspace, "assign", page_id=page, applicant_id=app)
    assert verdict(workspace, app)["status"] == "lengkap"


def test_a_page_assigned_after_its_rejection_counts_again(workspace):
    app = complete_applicant(workspace, nik=nik_for(31), nama="ANDI", images=False,
                             skip=("pas_foto",))
    page = add_page(workspace, None, "pas_foto", review="no_separator",
                    findings=[("pas_foto", "aspect_ok", True), ("pas_foto", "faces", 1),
                              ("pas_foto", "plain_background", True), ("pas_foto", "color", True)])
    add_decision(workspace, "reject", page_id=page)
    assert statuses(verdict(workspace, app))["pas_foto"] == "missing"
    add_decision(workspace, "assign", page_id=page, applicant_id=app)
    assert verdict(workspace, app)["status"] == "lengkap"


def test_form_fields_handwritten_or_differing_need_a_look(workspace):
    app = complete_applicant(workspace, nik=nik_for(29), nama="ANDI", images=False,
                             override={"field/nama": ("ANDI S", 0.3, "handwritten")})
    result = verdict(workspace, app)
    assert statuses(result)["permohonan"] == "review"
    assert "isian nama lengkap ditulis tangan" in result["requirements"]["permohonan"]["reasons"][0]
    other = complete_applicant(workspace, nik=nik_for(30), nama="ANDI", images=False)
    page = workspace.conn.execute("SELECT id FROM pages WHERE applicant_id = ? AND "
                                  "doc = 'pernyataan_kebenaran'", (other,)).fetchone()[0]
    add_finding(workspace, page, "field", "tanggal_lahir", "13-03-1990", expected="12-03-1990",
                ok=False)
    add_finding(workspace, page, "field", "email", None, 0.0, "empty")
    req = verdict(workspace, other)["requirements"]["pernyataan_kebenaran"]
    assert req["status"] == "review"
    assert req["reasons"] == ["isian tanggal lahir (13-03-1990) berbeda dengan data terdaftar "
                              "(12-03-1990)"]


def test_english_reasons(workspace):
    set_language("en")
    app = complete_applicant(workspace, nik=nik_for(26), nama="ANDI", images=False,
                             skip=("ktp",))
    assert verdict(workspace, app)["requirements"]["ktp"]["reasons"] == ["not handed in"]


def test_unknown_applicant(workspace):
    with pytest.raises(InputError):
        check_applicants(workspace, applicant="9999")


def test_cli_check_json_and_table(workspace, cli):
    a = complete_applicant(workspace, nik=nik_for(27), nama="BUDI", images=False)
    b = complete_applicant(workspace, nik=nik_for(28), nama="=HYPERLINK(\"x\")", images=False,
                           skip=("ijazah",))
    result = cli("check", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    by_id = {r["applicant"]: r for r in data["applicants"]}
    assert by_id[a]["status"] == "lengkap" and by_id[b]["status"] == "belum_lengkap"
    assert set(by_id[b]["requirements"]) == set(REQUIREMENT_CODES)
    one = cli("check", "--applicant", nik_for(28))
    assert one.exit_code == 0
    assert "belum lengkap" in one.stdout and "ijazah" in one.stdout.lower()
    assert "belum diserahkan" in one.stdout
    missing = cli("check", "--applicant", "12345")
    assert missing.exit_code == 1 and "12345" in missing.stderr


def test_every_rule_kind_has_a_check():
    from formgen.checks import judge, rules
    assert set(rules.CHECKS) == set(judge.CHECKS)


def _empty_table(ws, app_id):
    ws.conn.execute("UPDATE findings SET value = 'null', note = 'empty' WHERE name LIKE 'proyek%' "
                    "AND page_id IN (SELECT id FROM pages WHERE applicant_id = ?)", (app_id,))


def test_empty_experience_table_is_not_met(workspace):
    app = complete_applicant(workspace, nik=nik_for(40), nama="ANDI", images=False)
    assert statuses(verdict(workspace, app))["pengalaman_kerja"] == "ok"
    _empty_table(workspace, app)
    req = verdict(workspace, app)["requirements"]["pengalaman_kerja"]
    assert req == {"status": "invalid", "reasons": [
        "tabel pengalaman kerja kosong: isi paling sedikit 1 proyek yang pernah dikerjakan"]}


def test_experience_typed_in_the_roster_counts(workspace):
    app = complete_applicant(workspace, nik=nik_for(41), nama="ANDI", images=False)
    _empty_table(workspace, app)
    workspace.conn.execute("INSERT INTO experience(applicant_id, nama_proyek) VALUES (?, ?)",
                           (app, "Jalan Desa Sungai Bedaun"))
    assert statuses(verdict(workspace, app))["pengalaman_kerja"] == "ok"


def test_handwritten_project_row_counts_and_unread_table_needs_a_look(workspace):
    app = complete_applicant(workspace, nik=nik_for(42), nama="ANDI", images=False,
                             override={"field/proyek_1_nama": (None, 0.3, "handwritten")})
    assert "tabel" not in " ".join(verdict(workspace, app)["requirements"]
                                   ["pengalaman_kerja"]["reasons"])
    workspace.conn.execute("DELETE FROM findings WHERE name LIKE 'proyek%'")
    req = verdict(workspace, app)["requirements"]["pengalaman_kerja"]
    assert req["status"] == "review"
    assert "isi tabel pengalaman kerja belum terbaca" in req["reasons"]
