"""Synthetic ijazah: designs, programmes and levels, paper, copies (scansim.ijazah)."""
from __future__ import annotations

import random

import numpy as np
import pytest

from formgen.domain.education import level_code
from scansim import ijazah as IJ
from scansim.people import make_people

TUNED = [d.name for d in IJ.DESIGNS if not d.held_out]


@pytest.fixture(scope="module")
def person():
    return make_people(1, seed=20261130)[0]


def test_designs_vary_and_two_are_held_out():
    assert len(IJ.DESIGNS) >= 6 and len(IJ.HELD_OUT) >= 2
    assert len({d.title for d in IJ.DESIGNS}) >= 4 and len({d.cue for d in IJ.DESIGNS}) >= 5
    assert {d.landscape for d in IJ.DESIGNS} == {True, False}
    families = {f for d in IJ.DESIGNS for f in (d.family, *d.families)}
    # kejuruan_lama: the STM an old STTB names (group 6), drawn by no other design
    assert families == {"sekolah", "madrasah", "kesetaraan", "pt", "kejuruan_lama"}


def test_every_programme_is_a_level_rules_yaml_knows():
    for program, spec in IJ.load_data()["programs"].items():
        assert level_code(program) == spec["jenjang"], program


def test_held_out_designs_are_never_picked_unasked(person):
    rng = random.Random(1)
    for level in ("SD", "SMP", "SMA", "SMK", "D3", "S1", "S2"):
        for _ in range(20):
            design, program = IJ.pick(dict(person, pendidikan=level), rng)
            assert not design.held_out
            assert program in IJ.load_data()["roster_programs"][level]


@pytest.mark.parametrize("name", TUNED)
def test_design_page_and_truth(person, name):
    page, truth = IJ.make_ijazah(person, rng=random.Random(3), dpi=100, design=name)
    design = IJ.get_design(name)
    assert (page.width > page.height) == design.landscape
    assert truth["design"] == name and truth["held_out"] is False
    assert truth["nama"] == person["nama"].upper() and truth["jenjang"] in \
        {"SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"}
    assert truth["nomor"] and truth["sekolah"]


def test_landscape_design_turned_onto_a_portrait_glass(person):
    page, truth = IJ.make_ijazah(person, rng=random.Random(4), dpi=100, design="kesetaraan",
                                 paper_mm=(210, 297))
    assert page.height > page.width and truth["turned"] in (90, 270)


def test_copies(person):
    page, _ = IJ.make_ijazah(person, rng=random.Random(5), dpi=100, design="madrasah")
    for kind in ("grey", "faded"):
        arr = np.asarray(IJ.copy_quality(page, rng=random.Random(6), kind=kind))
        assert np.array_equal(arr[..., 0], arr[..., 2])
    faded = np.asarray(IJ.copy_quality(page, rng=random.Random(6), kind="faded").convert("L"))
    assert faded.min() > 40   # a pale print: no black left
    colour = np.asarray(IJ.copy_quality(page, rng=random.Random(6), kind="colour"))
    assert not np.array_equal(colour[..., 0], colour[..., 2])
