"""The scan simulator: its truth matches the pages it writes."""
from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from scansim.people import make_people
from scansim.scan import pack_boxes, simulate_returns
from tests.support.synth_packs import make_pack

DPI = 100
VIEW = 2 * DPI  # pages are looked at upsampled: QR modules of a 100-dpi scan are thin
FORM_DOCS = ["sampul", "permohonan", "permohonan", "pengalaman_kerja", "pernyataan_kebenaran"]
DEFECTS = {
    2: {"unsigned", "upside_down", "blank_back", "ktp_other_person", "greyscale_ktp"},
    3: {"no_materai", "scanned_twice", "corrupt_file", "missing_ijazah", "wrong_photo"},
    4: {"missing_ktp", "missing_pas_foto"},
}


def _packs(folder: Path, count: int, seed: int = 31):
    people = make_people(count, seed=seed)
    packs = []
    for applicant, person in enumerate(people, start=1):
        pack = make_pack(folder / f"pack_{applicant}.pdf", applicant, person["nama"],
                         hierarchical=applicant % 2 == 0)
        packs.append(dict(pack, nik=person["nik"]))
    return packs, dict(enumerate(people, start=1))


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scan")
    packs, people = _packs(folder, 4)
    result = simulate_returns(packs, folder / "out", dpi=DPI, seed=3, people=people,
                              defects=DEFECTS, upside_down_rate=0.0)
    return result, packs, people


def _render(path: Path, index: int) -> Image.Image:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[index].render(scale=VIEW / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def _to_scan(x: float, y: float, size: tuple[int, int], scan: tuple[int, int], rotation: float):
    """Where a point of the printed page (px) lands on the scanned image."""
    w, h = size
    a = math.radians(rotation)
    dx, dy = x - w / 2, y - h / 2
    sx = math.cos(a) * dx + math.sin(a) * dy + scan[0] / 2
    sy = -math.sin(a) * dx + math.cos(a) * dy + scan[1] / 2
    return sx, sy


def _region(image: Image.Image, rect_pt, rotation: float, shrink: float = 0.3) -> np.ndarray:
    """Pixels around the middle of a field rect (points, top-left origin) on a scanned page."""
    size = (round(595.2756 / 72 * VIEW), round(841.8898 / 72 * VIEW))
    x0, y0, x1, y1 = (v * VIEW / 72 for v in rect_pt)
    cx, cy = _to_scan((x0 + x1) / 2, (y0 + y1) / 2, size, image.size, rotation)
    hw, hh = (x1 - x0) * (1 - shrink) / 2, (y1 - y0) * (1 - shrink) / 2
    return np.asarray(image.crop((int(cx - hw), int(cy - hh), int(cx + hw), int(cy + hh))))


def _ink(region: np.ndarray) -> float:
    arr = region.astype(int)
    dark = arr.min(axis=2) < 110
    blue = arr[..., 2] - arr[..., 0] > 60
    return float((dark | blue).mean())


def test_files_and_truth_agree(batch):
    result, _packs_, _people = batch
    data = json.loads(result.truth_path.read_text(encoding="utf-8"))
    assert len(data["pages"]) == len(result.truth)
    pages_per_file = Counter(t.file for t in result.truth)
    for path in result.files:
        if path in result.corrupt:
            with pytest.raises(PyPdfError):
                PdfReader(str(path), strict=True).pages[0]
            with pytest.raises(pdfium.PdfiumError):
                pdfium.PdfDocument(str(path))
            continue
        assert len(PdfReader(str(path)).pages) == pages_per_file[path.name]
        indexes = [t.index for t in result.truth if t.file == path.name]
        assert indexes == list(range(len(indexes)))
    assert len(result.corrupt) == 1
    (copy, original), = result.duplicates.items()
    folder = result.files[0].parent
    assert (folder / copy).read_bytes() == (folder / original).read_bytes()


def test_each_applicant_stack(batch):
    result, packs, people = batch
    seen = []
    for t in result.truth:
        if t.duplicate_of is None and (not seen or seen[-1] != t.applicant):
            seen.append(t.applicant)
    assert seen == [1, 2, 3, 4]  # each applicant's pages together, in pack order
    expected_attachments = {1: {"ktp", "ijazah", "pas_foto"}, 2: {"ktp", "ijazah", "pas_foto"},
                            3: {"ktp", "pas_foto"}, 4: {"ijazah"}}
    for applicant in people:
        pages = result.pages_of(applicant)
        assert pages[0].doc == "sampul"
        docs = [t.doc for t in pages]
        forms = [d for d in docs if d in FORM_DOCS]
        assert forms.count("permohonan") == 2 and sorted(forms) == sorted(FORM_DOCS)
        assert set(docs) - set(FORM_DOCS) - {"blank"} == expected_attachments[applicant]
        assert docs.count("blank") == (1 if applicant == 2 else 0)
        for t in pages:
            assert t.nik == people[applicant]["nik"]
            if t.doc in ("ktp", "ijazah", "pas_foto"):
                assert t.belongs_to == applicant and t.attachment["doc"] == t.doc
    blank = [i for i, t in enumerate(result.pages_of(2)) if t.doc == "blank"][0]
    assert result.pages_of(2)[blank - 1].doc in FORM_DOCS[1:]


def test_defects_show_in_truth(batch):
    result, _packs_, people = batch
    ktp2 = [t for t in result.pages_of(2) if t.doc == "ktp"][0]
    assert ktp2.review == "ktp_other_person" and ktp2.attachment["nik"] != people[2]["nik"]
    assert ktp2.attachment["color"] is False
    ktp1 = [t for t in result.pages_of(1) if t.doc == "ktp"][0]
    assert ktp1.review is None and ktp1.attachment["nik"] == people[1]["nik"]
    unsigned = [t for t in result.pages_of(2) if t.signed.get("ttd_pemohon") is False]
    assert len(unsigned) == 1 and "unsigned" in unsigned[0].defects
    assert all(t.signed.get("ttd_pemohon", True) for a in (1, 3, 4) for t in result.pages_of(a))
    assert sum(t.upside_down for t in result.pages_of(2)) >= 1
    assert not any(t.upside_down for a in (1, 3, 4) for t in result.pages_of(a))
    materai = {a: [t.materai for t in result.pages_of(a) if t.materai is not None]
               for a in people}
    assert materai == {1: [True], 2: [True], 3: [False], 4: [True]}
    photo = [t for t in result.pages_of(3) if t.doc == "pas_foto"][0]
    assert photo.attachment["kind"] in ("square", "two_faces") and "wrong_photo" in photo.defects
    for t in result.truth:
        assert all(not v for k, v in t.signed.items() if "admin" in k)


def test_pages_are_what_truth_says(batch):
    """QR codes still decode and sit where the rotation says; ink is where signatures are."""
    result, packs, _people = batch
    boxes = {p["applicant"]: pack_boxes(Path(p["path"])) for p in packs}
    checked_ink = checked_materai = 0
    for t in result.truth:
        if t.duplicate_of or t.doc not in FORM_DOCS:
            continue
        image = _render(result.files[0].parent / t.file, t.index)
        found = zxingcpp.read_barcodes(image)
        assert [r.text for r in found] == [t.page_id]
        pos = found[0].position
        qx = (pos.top_left.x + pos.bottom_right.x) / 2
        qy = (pos.top_left.y + pos.bottom_right.y) / 2
        upright = qx > image.width / 2 and qy < image.height / 2
        assert upright != t.upside_down, (t.file, t.index, t.rotation)
        assert abs(t.rotation - (180 if t.upside_down else 0)) <= 3
        if t.upside_down:
            turned = zxingcpp.read_barcodes(image.transpose(Image.Transpose.ROTATE_180))
            assert [r.text for r in turned] == [t.page_id]
            assert turned[0].position.top_left.x > image.width / 2
        # Which pack page this is: the page code says document and page within it.
        doc, page = t.page_id.split()[4], int(t.page_id.split()[5].split("/")[0])
        index = FORM_DOCS.index(doc) + page - 1
        rects = boxes[t.applicant][index]
        assert set(t.signed) == {k for k in rects if k.startswith("ttd_")}
        for name, signed in t.signed.items():
            if t.materai is not None:
                continue  # the materai under the signature is ink too
            ink = _ink(_region(image, rects[name], t.rotation))
            assert (ink > 0.01) if signed else (ink < 0.002), (name, signed, ink)
            checked_ink += 1
        if t.materai is not None and not t.greyscale:
            region = _region(image, rects["materai"], t.rotation, shrink=0.5).astype(int)
            pink = ((region[..., 0] > 150) & (region[..., 1] < 130)).mean()
            assert (pink > 0.3) if t.materai else (pink < 0.01), (t.applicant, pink)
            checked_materai += 1
    assert checked_ink >= 12 and checked_materai >= 2


def test_deterministic_by_seed_and_other_formats(tmp_path):
    packs, people = _packs(tmp_path, 2, seed=8)
    runs = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        out = tmp_path / name
        result = simulate_returns(packs[:1], out, dpi=40, seed=seed, people=people,
                                  defects={1: {"upside_down"}})
        runs.append(([p.read_bytes() for p in result.files],
                     (out / "truth.json").read_text(encoding="utf-8")))
    assert runs[0] == runs[1]
    assert runs[0][0] != runs[2][0]

    result = simulate_returns(packs, tmp_path / "tiff", dpi=40, seed=1, people=people,
                              file_mode="per_applicant", fmt="tiff",
                              defects={2: {"missing_ktp"}})
    assert [p.suffix for p in result.files] == [".tif", ".tif"]
    for path in result.files:
        with Image.open(path) as tif:
            assert tif.n_frames == sum(t.file == path.name for t in result.truth)
    assert {t.applicant for t in result.truth if t.file == result.files[1].name} == {2}

    result = simulate_returns(packs[:1], tmp_path / "jpeg", dpi=40, seed=1, people=people,
                              fmt="jpeg")
    assert len(result.files) == len(result.truth) and all(t.index == 0 for t in result.truth)
    with Image.open(result.files[0]) as first:
        assert first.format == "JPEG" and round(first.info["dpi"][0]) == 40

    with pytest.raises(ValueError):
        simulate_returns(packs, tmp_path / "x", people=people, defects={1: {"coffee_stain"}})


def test_real_form_packs(workspace, tmp_path):
    """Packs from the form generator: every signature field is found and signed."""
    from formgen.core.db import now, write_transaction
    from formgen.forms import generate_packs
    from ocr.pageid import parse_page_id
    from scansim.people import ROSTER_COLUMNS

    people = {}
    with write_transaction(workspace.conn) as conn:
        for person in make_people(2, seed=77):
            row = {k: str(person[k]) if k == "tanggal_lahir" else person[k]
                   for k in ROSTER_COLUMNS}
            cur = conn.execute(
                f"INSERT INTO applicants({', '.join(row)}, created_at, updated_at) "
                f"VALUES ({', '.join('?' * len(row))}, ?, ?)", (*row.values(), now(), now()))
            people[cur.lastrowid] = person
    packs = generate_packs(workspace, all_applicants=True)["packs"]
    result = simulate_returns(packs, tmp_path / "out", dpi=60, seed=1, people=people,
                              defects={2: {"no_materai"}})
    for applicant in people:
        pages = result.pages_of(applicant)
        forms = [t for t in pages if t.page_id]
        assert len(forms) == next(p["pages"] for p in packs if p["applicant"] == applicant)
        for t in forms:
            page_id = parse_page_id(t.page_id)
            assert page_id.applicant == applicant and page_id.doc == t.doc
        signed = [t for t in forms if t.signed.get("ttd_pemohon")]
        assert len(signed) >= 3
        assert [t.materai for t in forms if t.materai is not None] == [applicant == 1]
