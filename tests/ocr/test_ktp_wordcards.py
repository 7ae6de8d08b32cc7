"""A card whose outline is not found is found by its labels on the page's text."""
from __future__ import annotations

import numpy as np
import pytest

import ocr.classify
from benchmarks import ktp_accuracy as K
from ocr.ktp.wordcards import FIRST_ROW_MM, LABEL_X_MM, PITCH_MM, cards_by_words

DPI = 150


def _label(text: str, row: int, px_mm: float, at: tuple[float, float], *, line: int,
           standing: bool = False) -> dict:
    """A label word as the page text reads it on a card whose top left is ``at``: upright,
    or (``standing``) turned a quarter clockwise, its text running down the page."""
    across = LABEL_X_MM * px_mm
    down = (FIRST_ROW_MM + row * PITCH_MM) * px_mm
    length, height = 4.5 * len(text) / 3 * px_mm, 2.0 * px_mm
    if standing:   # the card's right is the page's down, its down the page's left
        left, top, width, h = at[0] - down - height, at[1] + across, height, length
    else:
        left, top, width, h = at[0] + across, at[1] + down, length, height
    return {"text": text, "conf": 90.0, "left": int(left), "top": int(top),
            "width": int(width), "height": int(h), "block": 1, "par": 1, "line": line}


def _words(rows: dict[int, str], px_mm: float, at, standing: bool = False) -> list[dict]:
    return [_label(text, row, px_mm, at, line=i, standing=standing)
            for i, (row, text) in enumerate(rows.items())]


ROWS = {0: "Nama", 3: "Alamat", 7: "Agama", 9: "Pekerjaan", 11: "Berlaku"}


def test_labels_in_their_rows_place_the_card_at_its_scale():
    px_mm = DPI / 25.4 * 1.2                    # a copy at 120 %
    page = np.full((1800, 1300, 3), 240, np.uint8)
    cards = cards_by_words(page, _words(ROWS, px_mm, (200, 300)), 1.0, DPI)
    assert len(cards) == 1
    corners = cards[0].corners
    assert corners[0] == pytest.approx((200, 300), abs=3)
    assert corners[2] == pytest.approx((200 + 85.6 * px_mm, 300 + 53.98 * px_mm), abs=4)
    assert cards[0].image.shape[:2] == (648, 1027)     # cut out as every card is


def test_a_line_run_on_from_left_of_the_card_does_not_move_its_edge():
    """A card lying on a document: Tesseract ran one label's line on from the document's
    words left of the card, so that label seems to start far left. The labels' column is
    where the others start."""
    px_mm = DPI / 25.4
    page = np.full((1800, 1300, 3), 240, np.uint8)
    words = _words(ROWS, px_mm, (400, 300))
    words[1] = {**words[1], "left": words[1]["left"] - 300}    # "Alamat" starts far off
    cards = cards_by_words(page, words, 1.0, DPI)
    assert len(cards) == 1
    assert cards[0].corners[0] == pytest.approx((400, 300), abs=3)


def test_a_card_turned_a_quarter_is_placed_turned():
    """Its labels read standing on end: the rows follow each other leftwards."""
    px_mm = DPI / 25.4
    page = np.full((1800, 1300, 3), 240, np.uint8)
    cards = cards_by_words(page, _words(ROWS, px_mm, (900, 200), standing=True), 1.0, DPI)
    assert len(cards) == 1
    top_left, top_right = cards[0].corners[:2]
    assert top_left == pytest.approx((900, 200), abs=3)
    assert top_right[1] - top_left[1] == pytest.approx(85.6 * px_mm, abs=3)
    assert top_right[0] == pytest.approx(top_left[0], abs=1)


def test_too_few_labels_or_labels_out_of_line_place_no_card():
    px_mm = DPI / 25.4
    page = np.full((1800, 1300, 3), 240, np.uint8)
    assert cards_by_words(page, _words({0: "Nama", 3: "Alamat"}, px_mm, (200, 300)),
                          1.0, DPI) == []
    scattered = _words(ROWS, px_mm, (200, 300))
    for word, top in zip(scattered, (100, 900, 400, 1500, 250), strict=True):
        word["top"] = top
    assert cards_by_words(page, scattered, 1.0, DPI) == []
    tiny = _words(ROWS, px_mm * 0.4, (200, 300))          # no card is that small
    assert cards_by_words(page, tiny, 1.0, DPI) == []


@pytest.mark.parametrize("design, n, turn", [("nanum_lepuh", 0, 0), ("routed_hitamputih", 5, 90)])
def test_a_card_whose_outline_is_not_found_is_read_by_its_labels(monkeypatch, design, n, turn):
    """Benchmark pages with the outline finder made blind: the card is cut out where its
    labels put it and read; on the page whose card lies turned a quarter on the sheet (its
    labels too poorly read standing on end), the page is read again turned as it stands."""
    monkeypatch.setattr(ocr.classify, "find_cards", lambda rgb, dpi=None: [])
    turns = []
    standing_turn = ocr.classify.standing_turn
    monkeypatch.setattr(ocr.classify, "standing_turn",
                        lambda words: turns.append(standing_turn(words)) or turns[-1])
    people = K.make_people(10, seed=11)
    case = K.card_case(people[n // 8], n, 11, [design])
    assert case["doc"] == "ktp"
    assert case["nik_right"] and not case["nik_wrong"]
    assert turns == ([turn] if turn else [])


@pytest.mark.parametrize("design, n", [("nimbus_dense", 2), ("sunset_glare", 6)])
def test_a_card_on_a_dark_tint_whose_outline_is_not_found_is_no_pas_foto(monkeypatch, design, n):
    """A grey copy of a card whose tint is darker than the page's mark threshold: by the
    paper's measure the card is one blob and the page shows no letters beside the card's
    photo. Its letters, darker than the tint around them, count as text, so the page is
    read and the card found by its labels, not taken for a pas foto."""
    monkeypatch.setattr(ocr.classify, "find_cards", lambda rgb, dpi=None: [])
    people = K.make_people(10, seed=11)
    case = K.card_case(people[0], n, 11, [design])
    assert case["dpi"] == 200 and not case["colour"]
    assert case["doc"] == "ktp"
    assert case["nik_right"] and not case["nik_wrong"]


def test_a_card_placed_by_its_labels_takes_only_what_two_cuts_read_alike(monkeypatch):
    """A grey oxygen_pelangi copy, its outline not found: cut as its labels place it, its
    NIK's serial reads '0088', cut 2 % wider '0008', cut 4 % wider '0068', each surely.
    Read at two cuts, the NIK they disagree on is left to a person; the name both read
    alike is taken."""
    monkeypatch.setattr(ocr.classify, "find_cards", lambda rgb, dpi=None: [])
    people = K.make_people(10, seed=11)
    case = K.card_case(people[5], 5, 11, list(K.LATER[11]), K.stream(11))
    assert case["design"] == "oxygen_pelangi" and case["dpi"] == 200 and not case["colour"]
    assert case["doc"] == "ktp"
    assert not case["nik_wrong"] and case["read_nik"] is None
    assert case["name"] and not case["name_wrong"]


def test_values_two_readings_take_otherwise_are_left_to_a_person():
    from ocr.ktp.reading import MIN_VALUE_CONFIDENCE, KtpReading

    one = KtpReading(found=True, nik="6201022907790008", nama="RUDI WIBOWO", jenis_kelamin="L",
                     confidences={"nik": 0.95, "nama": 0.9, "jenis_kelamin": 0.9})
    other = KtpReading(found=True, nik="6201022907790068", nama="RUDI WIBOWO",
                       jenis_kelamin="L", confidences={"nik": 0.95, "nama": 0.9,
                                                       "jenis_kelamin": 0.4})
    one.keep_agreed(other)
    assert one.confident_values() == {"nama": "RUDI WIBOWO"}
    assert one.value_confidence("nik") < MIN_VALUE_CONFIDENCE
