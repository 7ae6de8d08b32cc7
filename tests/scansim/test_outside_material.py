"""Outside material: cards on the outside template, foreign pages slipped into stacks,
and every outside file named with its origin and licence."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from benchmarks.outside_cards import DESIGN, TEMPLATE, TEMPLATE_SIZE, make_outside_ktp
from scansim.ktp import make_ktp_copy_page
from scansim.people import make_people
from scansim.scan import simulate_returns
from tests.support.synth_packs import make_pack

OUTSIDE = Path(TEMPLATE).parents[1]


def test_every_outside_file_is_named_in_sources():
    listed = (OUTSIDE / "SOURCES.md").read_text(encoding="utf-8")
    files = [p for p in OUTSIDE.rglob("*") if p.is_file() and p.name != "SOURCES.md"]
    assert files
    for path in files:
        assert f"`{path.relative_to(OUTSIDE).as_posix()}`" in listed, path


def test_card_on_the_outside_template_carries_the_persons_values():
    person = make_people(1, seed=5)[0]
    card, truth = make_outside_ktp(person, rng=random.Random(1), dpi=200)
    assert card.size == (674, 425)                      # 85.6 x 53.98 mm at 200 dpi
    assert truth["nik"] == person["nik"] and truth["design"] == DESIGN
    arr = np.asarray(card.convert("L"))
    nik_band = arr[int(0.20 * card.height):int(0.30 * card.height),
                   int(0.24 * card.width):int(0.70 * card.width)]
    assert (nik_band < 80).mean() > 0.05                # the NIK is printed there
    with Image.open(TEMPLATE) as blank:
        assert blank.size == TEMPLATE_SIZE


def test_outside_cards_and_slipped_pages_reach_the_stack_and_its_truth(tmp_path):
    person = make_people(1, seed=9)[0]
    pack = dict(make_pack(tmp_path / "pack.pdf", 1, person["nama"]), nik=person["nik"])

    def ktp_page(person, **kw):
        kw.pop("back")
        return make_ktp_copy_page(person, back=False, front=make_outside_ktp, **kw)

    def leaflet(*, rng, dpi):
        return Image.new("RGB", (dpi * 8, dpi * 11), (255, 255, 255)), {"source": "leaflet"}

    batch = simulate_returns([pack], tmp_path / "out", dpi=60, seed=2, people={1: person},
                             file_mode="per_applicant", upside_down_rate=0.0,
                             ktp_page=ktp_page, others={1: [leaflet]})
    by_doc = {t.doc: t for t in batch.truth}
    assert by_doc["ktp"].attachment["design"] == DESIGN
    other = by_doc["other"]
    assert other.belongs_to == 1 and other.attachment["source"] == "leaflet"
    assert other.index > 0 and not other.greyscale      # after the sampul, as handed in
    pdf = pdfium.PdfDocument(str(tmp_path / "out" / other.file))
    try:
        assert len(pdf) == len(batch.truth)
    finally:
        pdf.close()
