"""Attribution rules on page results in file order (the rules of formgen/ingest/attribute.py)."""
from formgen.ingest.attribute import AttributionContext, PackRef, attribute_file
from ocr.findings import Finding
from ocr.page import PageResult
from ocr.pageid import PageId

WS = "TESTWS"
NIKS = {1: "6201024505900003", 2: "6201011203880001"}


def form(pack, applicant, doc, page=1):
    pid = PageId(WS, pack, applicant, doc, page, 1, "abcd1234")
    return PageResult("f" * 64, 0, qr_status="ok", page_id=pid, doc=doc)


def attachment(doc, nik=None, valid=True, confidence=0.95, nama=None):
    findings = []
    if nik:
        findings = [Finding("ktp", "nik", nik, confidence), Finding("ktp", "nik_valid", valid)]
    if nama:
        findings.append(Finding("ktp", "nama", nama, confidence))
    return PageResult("f" * 64, 0, doc=doc, findings=findings)


def context(packs=None):
    if packs is None:
        packs = {1: PackRef(1, 1), 2: PackRef(2, 2), 3: PackRef(3, None)}
    claimed = []

    def claim(pack_id):
        claimed.append(pack_id)
        return 100 + pack_id

    ctx = AttributionContext(WS, packs.get, NIKS.get, claim, {1: "Siti Aminah"}.get)
    return ctx, claimed


def test_run_of_two_applicants():
    ctx, _ = context()
    pages = [form(1, 1, "sampul"), attachment("ktp", NIKS[1]), form(1, 1, "permohonan"),
             attachment("pas_foto"), attachment("blank"),
             form(2, 2, "sampul"), attachment("ijazah"), form(2, 2, "pernyataan_kebenaran")]
    placed = attribute_file(pages, ctx)
    assert [p.applicant_id for p in placed] == [1, 1, 1, 1, 1, 2, 2, 2]
    assert all(p.review is None for p in placed)
    assert placed[4].blank and placed[4].doc == "blank"


def test_attachment_before_any_separator_goes_to_review():
    ctx, _ = context()
    placed = attribute_file([attachment("ktp"), form(1, 1, "permohonan"), attachment("ijazah"),
                             form(1, 1, "sampul"), attachment("ijazah")], ctx)
    assert [p.review for p in placed] == ["no_separator", None, "no_separator", None, None]
    assert placed[1].applicant_id == 1  # a form identifies itself


def test_ktp_of_someone_else_goes_to_review():
    ctx, _ = context()
    placed = attribute_file([form(1, 1, "sampul"), attachment("ktp", NIKS[2])], ctx)
    assert placed[1].review == "ktp_nik_mismatch" and placed[1].applicant_id is None


def test_malformed_nik_reading_is_no_contradiction_but_an_unsure_other_nik_is():
    ctx, _ = context()
    placed = attribute_file([form(1, 1, "sampul"), attachment("ktp", NIKS[2], valid=False),
                             attachment("ktp", NIKS[2], confidence=0.3),
                             attachment("ktp", NIKS[1], confidence=0.3),
                             attachment("ktp", NIKS[2], confidence=0.3, nama="SITI AMINAH"),
                             attachment("ktp", NIKS[2], confidence=0.3, nama="BUDI")], ctx)
    assert [p.applicant_id for p in placed] == [1, None, None, 1, 1, None]
    assert placed[1].review == "ktp_owner_unconfirmed"     # nothing on it says whose it is
    assert placed[2].review == placed[5].review == "ktp_nik_mismatch"


def test_ktp_whose_identity_cannot_be_read_waits_for_a_person():
    ctx, _ = context()
    placed = attribute_file([form(1, 1, "sampul"), attachment("ktp"),
                             attachment("ktp", nama="BUDI SANTOSO"),
                             attachment("ktp", nama="SITI AMINAH"),
                             form(2, 2, "sampul"), attachment("ktp", nama="ANY NAME")], ctx)
    assert [p.applicant_id for p in placed] == [1, None, None, 1, 2, 2]
    assert placed[1].review == placed[2].review == "ktp_owner_unconfirmed"
    assert placed[1].pack_id == 1      # still shown as this applicant's question


def test_attachment_after_another_applicants_form_is_ambiguous():
    ctx, _ = context()
    placed = attribute_file([form(1, 1, "sampul"), form(2, 2, "permohonan"),
                             attachment("ijazah")], ctx)
    assert placed[1].applicant_id == 2
    assert placed[2].review == "ambiguous_applicant"


def test_unreadable_foreign_and_unknown_codes_go_to_review():
    ctx, _ = context()
    unreadable = PageResult("f" * 64, 0, qr_status="unreadable")
    foreign = form(1, 1, "sampul")
    foreign.page_id = PageId("OTHER", 1, 1, "sampul", 1, 1, "abcd1234")
    unknown = form(99, 1, "sampul")
    broken = PageResult("f" * 64, 0, error="bad", error_code="unreadable_page")
    placed = attribute_file([unreadable, foreign, unknown, broken], ctx)
    assert [p.review for p in placed] == ["qr_unreadable", "foreign_workspace", "unknown_pack",
                                          "unreadable_page"]
    assert all(p.applicant_id is None for p in placed)


def test_blank_pack_gets_one_provisional_applicant():
    ctx, claimed = context()
    placed = attribute_file([form(3, None, "sampul"), attachment("ktp", "6201010101900001"),
                             form(3, None, "permohonan"), attachment("ktp")], ctx)
    assert claimed == [3]
    assert [p.applicant_id for p in placed] == [103, 103, 103, None]
    assert placed[3].review == "ktp_owner_unconfirmed"


def test_blank_page_without_separator_waits_for_a_person():
    ctx, _ = context()
    placed = attribute_file([attachment("blank")], ctx)
    assert placed[0].review == "blank_without_separator" and placed[0].applicant_id is None


def test_code_and_pack_must_agree_on_being_blank():
    packs = {1: PackRef(1, 1), 3: PackRef(3, None), 4: PackRef(4, 7, printed_blank=True)}
    ctx, claimed = context(packs)
    placed = attribute_file([
        form(1, None, "sampul"),      # a blank pack's code, but pack 1 was printed for A1
        form(3, 5, "permohonan"),     # a personal code on a blank pack
        form(4, None, "sampul"),      # a blank pack claimed earlier: its provisional applicant
        form(4, 7, "permohonan"),     # a personal code on a pack printed blank
        attachment("ijazah"),
    ], ctx)
    # an unidentified page ends the run: the attachment after it waits too
    assert [p.review for p in placed] == ["qr_mismatch", "qr_mismatch", None, "qr_mismatch",
                                          "after_unidentified"]
    assert [p.applicant_id for p in placed] == [None, None, 7, None, None]
    assert claimed == []


def test_an_unidentified_page_ends_the_run():
    """A damaged separator must not hand its applicant's attachments to the one before."""
    ctx, _ = context()
    unreadable = PageResult("f" * 64, 0, qr_status="unreadable")
    unknown = form(99, 1, "sampul")
    placed = attribute_file([form(1, 1, "sampul"), attachment("ktp", NIKS[1]), unreadable,
                             attachment("ijazah"), attachment("blank"), form(2, 2, "sampul"),
                             attachment("pas_foto"), unknown, attachment("ktp")], ctx)
    assert [p.applicant_id for p in placed] == [1, 1, None, None, None, 2, 2, None, None]
    assert [p.review for p in placed] == [None, None, "qr_unreadable", "after_unidentified",
                                          "after_unidentified", None, None, "unknown_pack",
                                          "after_unidentified"]


def test_a_voided_pack_waits_for_a_person():
    ctx, _ = context({1: PackRef(1, 1, voided=True), 2: PackRef(2, 1)})
    placed = attribute_file([form(1, 1, "sampul"), attachment("ktp", NIKS[1]),
                             form(2, 1, "sampul"), attachment("ktp", NIKS[1])], ctx)
    assert [(p.applicant_id, p.review) for p in placed] == [
        (None, "voided_pack"), (None, "after_unidentified"), (1, None), (1, None)]


def test_form_page_without_a_code_waits_for_a_person_and_ends_the_run():
    """A page with a form's words but no QR code and no printed code read is never filed
    under the run it lies in, nor are the attachments after it."""
    ctx, _ = context()
    lost = PageResult("f" * 64, 0, qr_status="missing", doc="other")
    placed = attribute_file([form(1, 1, "sampul"), lost, attachment("ijazah")], ctx)
    assert [p.review for p in placed] == [None, "form_code_lost", "after_unidentified"]
    assert placed[1].applicant_id is None and placed[2].applicant_id is None


def test_form_page_known_by_its_printed_code_is_filed_like_one_with_its_qr():
    ctx, _ = context()
    printed = form(1, 1, "permohonan")
    printed.qr_status = "printed"
    placed = attribute_file([form(1, 1, "sampul"), printed, attachment("ijazah")], ctx)
    assert [(p.applicant_id, p.review) for p in placed] == [(1, None)] * 3


def owner_context():
    """A workspace of two applicants whose NIKs and names the attachments are looked up in."""
    names = {1: "Siti Aminah", 2: "Budi Santoso"}

    def find_owner(key, value):
        table = NIKS if key == "nik" else names
        owners = [a for a, v in table.items() if v.upper() == value.upper()]
        return (owners[0], 10 + owners[0]) if len(owners) == 1 else None

    ctx = AttributionContext(WS, {1: PackRef(1, 1), 2: PackRef(2, 2)}.get, NIKS.get,
                             lambda pack_id: 0, names.get, find_owner)
    return ctx


def diploma(nama, confidence=0.9, note=None):
    return PageResult("f" * 64, 0, doc="ijazah",
                      findings=[Finding("ijazah", "nama", nama, confidence, note=note)])


def test_attachment_alone_is_filed_by_the_identity_it_shows():
    """A KTP or ijazah photographed alone (no separator before it) goes to the one applicant
    whose NIK or name it shows, with that applicant's pack."""
    placed = attribute_file([attachment("ktp", NIKS[2])], owner_context())
    assert [(p.applicant_id, p.pack_id, p.review) for p in placed] == [(2, 12, None)]
    placed = attribute_file([diploma("SITI AMINAH")], owner_context())
    assert [(p.applicant_id, p.pack_id, p.review) for p in placed] == [(1, 11, None)]
    placed = attribute_file([attachment("ktp", nama="BUDI SANTOSO")], owner_context())
    assert placed[0].applicant_id == 2


def test_attachment_alone_that_does_not_show_one_owner_waits_for_a_person():
    placed = attribute_file([
        attachment("ktp", "6201010101900001"),              # nobody's NIK
        attachment("ktp", NIKS[1], confidence=0.3),          # unsure
        attachment("ktp", NIKS[1], valid=False),             # not well-formed
        attachment("ktp", "6201010101900001", nama="SITI AMINAH"),  # the NIK decides
        diploma("SITI AMINAH", note="roster"),               # matched, not read
        diploma("SITI AMINAH", confidence=0.4),              # read unsure
        diploma("AHMAD"),                                    # nobody's name
        attachment("pas_foto"),                              # shows no identity
    ], owner_context())
    assert all(p.applicant_id is None for p in placed)
    assert {p.review for p in placed} == {"no_separator"}


def test_attachment_after_an_unidentified_page_is_filed_by_its_nik_too():
    unreadable = PageResult("f" * 64, 0, qr_status="unreadable")
    placed = attribute_file([unreadable, attachment("ktp", NIKS[1]), attachment("ijazah")],
                            owner_context())
    assert [(p.applicant_id, p.review) for p in placed] == [
        (None, "qr_unreadable"), (1, None), (None, "after_unidentified")]


def photo_sheet(nama=None, confidence=0.9):
    findings = [Finding("pas_foto", "nama", nama, confidence)] if nama else []
    return PageResult("f" * 64, 0, doc="pas_foto", findings=findings)


def test_pas_foto_sheet_alone_is_filed_by_the_name_under_its_photos():
    placed = attribute_file([photo_sheet("Budi Santoso"), photo_sheet(), photo_sheet("Ahmad")],
                            owner_context())
    assert [(p.applicant_id, p.review) for p in placed] == [
        (2, None), (None, "no_separator"), (None, "no_separator")]


def test_pas_foto_sheet_with_another_applicants_name_waits_for_a_person():
    ctx = owner_context()
    placed = attribute_file([form(1, 1, "sampul"), photo_sheet("BUDI SANTOSO"),
                             photo_sheet("Siti Aminah"), photo_sheet("Nobody Known"),
                             photo_sheet()], ctx)
    assert [(p.applicant_id, p.review) for p in placed] == [
        (1, None), (None, "pas_foto_other_name"), (1, None), (1, None), (1, None)]
    assert placed[1].pack_id == 1   # shown as this applicant's question


def test_workspace_finds_the_one_applicant_a_nik_or_name_belongs_to(workspace):
    from formgen.core.db import write_transaction
    from formgen.ingest.context import workspace_context
    from tests.support.pack_support import add_applicant

    siti = add_applicant(workspace, nik="6201024505900003", nama="SITI AMINAH")
    budi = add_applicant(workspace, nik="6201011203880001", nama="Budi Santoso")
    add_applicant(workspace, nik="6201011203880002", nama="BUDI SANTOSA")  # a letter apart
    add_applicant(workspace, nik="6201011203880003", nama="RAHMAT")
    add_applicant(workspace, nik="6201011203880004", nama="Rahmat")
    with write_transaction(workspace.conn) as conn:
        conn.execute("INSERT INTO packs(number, applicant_id, paper, created_at) "
                     "VALUES ('P1', ?, 'A4', 'now')", (siti,))
    ctx = workspace_context(workspace.conn, workspace.settings.workspace_id)
    pack = workspace.conn.execute("SELECT id FROM packs WHERE number = 'P1'").fetchone()["id"]
    assert ctx.find_owner("nik", "6201024505900003") == (siti, pack)
    assert ctx.find_owner("nik", "6201011203880001") == (budi, None)
    assert ctx.find_owner("nama", "Siti  Aminah") == (siti, pack)
    assert ctx.find_owner("nama", "BUDI SANTOSO") is None    # BUDI SANTOSA is near
    assert ctx.find_owner("nama", "RAHMAT") is None          # two applicants
    assert ctx.find_owner("nik", "6201019999990001") is None
