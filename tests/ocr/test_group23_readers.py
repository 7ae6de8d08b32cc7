"""A KTP handed in as an inkjet print of a WhatsApp photo: read as the held-out group 23
showed it was not."""
from __future__ import annotations

import pytest

from benchmarks import ktp_accuracy as K

GROUP_23 = ["aerial_wa_cetak", "gulim_stempel"]


@pytest.fixture(scope="module")
def people():
    return K.make_people(10, seed=11)


@pytest.mark.parametrize("n, name", [(4, "YUSUF AKBAR"), (46, "RUDI WIBOWO")])
def test_a_name_in_an_inkjet_prints_grain_is_read_softened(people, n, name):
    """Grey copies of the printed photo: the inkjet's dither grain broke the name's
    letters ('PNUSUFAKBAR', 'ZARUDIWBOW', left to a person); the card read again softened
    reads it surely, its NIK alike."""
    case = K.card_case(people[n // 8], n, 11, GROUP_23)
    assert (case["design"], case["colour"]) == ("aerial_wa_cetak", False)
    assert case["nik_right"] and case["read_nama"] == name and case["name"]
