"""Cards copied from a black-and-white scan, and a holder named below a cue ending in a
colon: read as the held-out group 19 showed they were not."""
from __future__ import annotations

import random

import numpy as np

from benchmarks import ktp_accuracy as K
from benchmarks.accuracy import IJAZAH_COPIES, ijazah_page
from ocr.attachments import read_attachment_page
from ocr.ktp import read_ktp
from ocr.ktp.nikread import CONFIDENT
from scansim.ktp import make_ktp_copy_page
from scansim.people import make_people


def test_a_card_printed_from_a_dithered_scan_is_read_softened():
    """Its background and photo are scattered dots that break the letters' edges: the NIK
    read on the card as it is stays unsure; softened, it is read surely and right."""
    person = make_people(10, seed=11)[0]
    rng, g = random.Random(11 * 100003 + 4), np.random.default_rng(11 * 100003 + 4)
    page, truth = make_ktp_copy_page(person, rng=rng, dpi=200, color=False,
                                     back=rng.random() < 0.5, design="routed_hitamputih",
                                     scale=rng.uniform(0.8, 1.6), turn=rng.randint(0, 3))
    reading = read_ktp(K._scan(page, g, False), dpi=200)
    assert reading.nik == truth["nik"]
    assert reading.value_confidence("nik") >= CONFIDENT


def test_a_holder_below_a_cue_that_ends_in_a_colon_is_read():
    """'... menerangkan bahwa peserta didik Program Paket A setara SD/MI :' and the name in
    a captioned box on the row below."""
    person = make_people(13, seed=18)[0]
    page, truth = ijazah_page("paket_a_goyang", 200, "colour", 0, person, 11)
    assert IJAZAH_COPIES[0] == "colour"
    read = {f.name: f.value for f in read_attachment_page(page, dpi=200).findings}
    assert read.get("nama") == truth["nama"]


def test_a_signatory_title_is_no_name():
    """'... Keputusan Direktur Jenderal ...' once gave 'DIREKTUR' for the holder."""
    from ocr.ijazah_words import NOT_NAME
    assert {"DIREKTUR", "REKTOR", "DEKAN", "KEPUTUSAN"} <= NOT_NAME
