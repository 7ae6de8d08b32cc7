"""The NIK of a KTP-el read as 16 digits, by several digit-only readings that vote.

The band right of the NIK label is read with a digit whitelist in several renderings
(the cleaned print, the flattened grey, thickened and thinned strokes, other scales):
plain and OCR-A-like faces fail in different renderings, rarely in the same digit. The
readings are tried in order and stop as soon as two independent ones agree on a
well-formed NIK that agrees with the birth date and sex printed on the card.
The result says how sure it is: a NIK is only *confident* when it is well formed,
agrees with the card and was read the same by at least two renderings, and by two more
than any other reading that would also fit the card; its serial (the last four digits,
which neither the card nor the region table checks) must also be read, each digit of it,
by the digit shapes, or else by three text readings alike and by no text reading
otherwise: a face the text model misreads (a 9 read as 4) misreads it the same way
every time; and it must be a serial real cards carry
(:func:`formgen.domain.nik.nik_serial_usual`). Otherwise it goes to a person.

Then a second recognizer, independent of Tesseract (the line recognizer,
:mod:`ocr.textline`), reads the band: once (the cleaned print) when the vote is sure, and
a sure NIK it reads as sixteen other digits goes to a person (two recognizers that
disagree on a digit); on both crops (the cleaned print and the grey) when the vote is
unsure, and its NIK is then taken when both crops read it alike, it is well formed,
agrees with the birth date and sex read on the card and has a usual serial, no other
reading contradicts it (no text reading that fits the card, unless Tesseract's readings
that show the recognizer's NIK outnumber such rivals TEXT_MAJORITY times; no digit-shape
reading that names most digits) and an independent witness confirms it: a Tesseract
reading alike, or each digit the card does not check (the region's and the serial's)
read so by a Tesseract or a digit-shape reading, or both crops read surely
(LINE_SURE_SCORE). When the digit shapes (:func:`_shapes_filled`), or Tesseract's text
readings with no rival among them, read the same sixteen digits as both crops and they
fit the card, the third reader is outvoted: two readers against one, however many
renderings that one read alike.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

import cv2
import numpy as np

from formgen.domain.nik import (
    NIK_LENGTH,
    nik_agrees,
    nik_serial_usual,
    nik_sex,
    nik_well_formed,
)
from ocr import tesseract, textline
from ocr.imaging import runs
from ocr.ktp.cards import mm
from ocr.ktp.glyphs import glyph_spans, read_glyphs

CONFIDENT = 0.95
UNSURE = 0.4
PAD_MM = 1.8                # around the NIK line as read, before fitting it to the digits
GLYPH_PAD_MM = 0.7
LINE_INK = 0.03             # share of a row's pixels that print makes it part of a line
MIN_DIGIT_MM = 2.0          # a line this tall can be the NIK's (its digits ~2.8 mm)
FOLLOW_MM = 5.0             # a first digit cut by the band's edge followed this far left
STREAK_MM = 0.25            # a gap this narrow across a line of print is a light streak
BORDER_PX = 14
UNANIMOUS_TEXT = 4          # text readings that, with two digit-shape ones, outweigh the card
CHECKED_DIGITS = 12         # region and birth date: checked against the table and the card
MIN_SHAPES_NAMED = 10       # digits a shape reading must name before it can veto
RIVAL_MARGIN = 2            # readings more than any other reading that fits the card
SERIAL_TEXT_SUPPORT = 3     # text readings alike that vouch for a serial no digit shape read
DATE_DIGITS = range(6, 12)  # the NIK's digits the birth date and sex on the card check
REGION_DIGITS = range(0, 6)  # ... and those the region table checks
TEXT_MAJORITY = 3           # times as many text readings as any fitting rival: Tesseract's verdict
LINE = "line"               # a reading of the line recognizer (ocr.textline), read surely
LINE_UNSURE = "line?"       # ... read less surely
LINE_METHODS = (LINE, LINE_UNSURE)
LINE_SURE_SCORE = 0.95      # the recognizer's mean character probability of a sure reading
ROSTER_SUPPORT = 2          # readings of all sixteen digits that show a roster NIK, by two readers


@dataclass(frozen=True)
class NikResult:
    """The NIK read (None: no 16-digit reading), how sure (0-1) and the readings made
    ((method, digits), ``?`` for a digit not read)."""

    nik: str | None
    confidence: float
    readings: tuple[tuple[str, str], ...] = ()

    @property
    def confident(self) -> bool:
        return self.nik is not None and self.confidence >= CONFIDENT


def _digits(img: np.ndarray) -> str:
    band = cv2.copyMakeBorder(img, BORDER_PX, BORDER_PX, BORDER_PX, BORDER_PX,
                              cv2.BORDER_CONSTANT, value=255)
    text, _ = tesseract.ocr_text(band, psm=7, lang="eng", whitelist="0123456789")
    return re.sub(r"\D", "", text)


def _scaled(img: np.ndarray, f: float) -> np.ndarray:
    return cv2.resize(img, None, fx=f, fy=f, interpolation=cv2.INTER_AREA if f < 1
                      else cv2.INTER_CUBIC)


def _otsu(grey: np.ndarray) -> np.ndarray:
    return cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]


def renderings(flat: np.ndarray, binary: np.ndarray) -> list[Callable[[], np.ndarray]]:
    """The band in the renderings read in turn (made only when needed)."""
    k = np.ones((2, 2), np.uint8)
    return [
        lambda: binary,
        lambda: flat,
        lambda: _scaled(binary, 0.7),
        lambda: cv2.erode(binary, k),          # thicker strokes (white shrinks)
        lambda: _otsu(_scaled(flat, 1.4)),
        lambda: cv2.dilate(binary, k),         # thinner strokes
        lambda: _scaled(flat, 0.6),
    ]


def _support(readings: list[str]) -> Counter:
    return Counter(r for r in readings if len(r) == NIK_LENGTH and r.isdigit())


def _fits(nik: str, birth: dt.date | None, sex: str | None) -> bool:
    return nik_well_formed(nik) and nik_agrees(nik, birth, sex) is True


def _contradicts(reading: str, nik: str, positions=range(NIK_LENGTH)) -> bool:
    """Whether an aligned reading shows another digit than ``nik`` somewhere it read one
    (of ``positions``: every digit unless given)."""
    return any(reading[p] not in ("?", nik[p]) for p in positions)


def _credible_shapes(reading: str) -> bool:
    """Whether a digit-shape reading named enough digits to have cut the band right (a
    band cut into sixteen pieces that are not the digits matches almost none)."""
    return sum(c != "?" for c in reading) >= MIN_SHAPES_NAMED


def choose(made: list, birth: dt.date | None, sex: str | None) -> NikResult:
    """The NIK the readings in ``made`` make and how sure it is (the module docstring):
    Tesseract's text readings and the digit shapes vote (:func:`_vote`); the line
    recognizer's readings (methods LINE and LINE_UNSURE) then confirm, doubt or supply
    the NIK (:func:`_line_witness`)."""
    made = [m if isinstance(m, tuple) else ("text", m) for m in made]
    own = [(m, r) for m, r in made if m not in LINE_METHODS]
    voted = _vote(own, birth, sex)
    return _line_witness(NikResult(voted.nik, voted.confidence, tuple(made)), own,
                         [(m, r) for m, r in made if m in LINE_METHODS], birth, sex)


def _vote(made: list, birth: dt.date | None, sex: str | None) -> NikResult:
    """The best-supported reading and how sure it is (see the module docstring).

    ``made``: the readings, each a digit string or (method, digit string). A method
    (``glyph``: digit shapes; ``text``: the text model) none of whose readings is the best
    one makes the best one unsure when one of its readings credibly shows another digit
    somewhere (a digit shape, matched only when clear, from a band cut into its digits:
    one naming at least MIN_SHAPES_NAMED of them; a text reading that would fit the
    card too): two ways of reading that disagree are not outvoted by the repetitions of
    one of them. A well-formed NIK both ways read the same every time is sure even when
    the printed date or sex (read once, as text) disagrees; the disagreement is reported
    as such. So is the NIK the digit shapes agree on (a gap in the region or date digits
    filled by the text readings' clear majority) when it fits the card and no other
    text reading that fits was read twice (one with a serial no card carries aside, when a
    text reading too showed the shapes' NIK)."""
    made = [m if isinstance(m, tuple) else ("text", m) for m in made]
    readings = [r for _, r in made]
    support = _support(readings)
    if not support:
        return NikResult(None, 0.0, tuple(made))
    aligned = [r for r in readings if len(r) == NIK_LENGTH]
    if len(support) > 1 or len(aligned) >= 3:   # a digit-wise vote joins in
        columns = [Counter(c for c in col if c != "?") for col in zip(*aligned, strict=True)]
        if all(columns):
            support.setdefault("".join(c.most_common(1)[0][0] for c in columns), 0)
    ranked = sorted(support, key=lambda r: (_fits(r, birth, sex), nik_well_formed(r),
                                            support[r]), reverse=True)
    best = ranked[0]
    rival = max((support[r] for r in ranked[1:] if _fits(r, birth, sex)), default=0)
    sure = _fits(best, birth, sex) and support[best] >= 2 and \
        (rival == 0 or support[best] >= rival + RIVAL_MARGIN)
    for method in {m for m, _ in made}:
        own = [r for m, r in made if m == method and len(r) == NIK_LENGTH]
        if best not in own and any(_contradicts(r, best) and (
                _credible_shapes(r) if method == "glyph" else _fits(r, birth, sex))
                for r in own):
            sure = False
    aligned_all = [(m, r) for m, r in made if len(r) == NIK_LENGTH]
    glyphs = [r for m, r in aligned_all if m == "glyph"]
    texts = [r for m, r in aligned_all if m == "text"]
    if sure and not _serial_vouched(best, glyphs, texts):
        sure = False    # the serial, which nothing else checks, seen one way only, too few times
    if not sure and nik_well_formed(best) and best in glyphs and len(glyphs) >= 2 and \
            texts.count(best) >= UNANIMOUS_TEXT and \
            not any(_contradicts(r, best) for _, r in aligned_all):
        sure = True     # both ways read the same sixteen digits every time
    if not sure:
        shaped = _shapes_filled(made)
        # once a text reading too shows the shapes' NIK, a text reading whose serial no
        # card carries ('0030' read '9030' by a text model that takes a wide zero for a
        # nine) is no rival: it would be doubted itself
        seen = any(m == "text" and r == shaped for m, r in made)
        texts_fit = Counter(r for m, r in made if m == "text" and len(r) == NIK_LENGTH
                            and r.isdigit() and r != shaped and _fits(r, birth, sex)
                            and not (seen and not nik_serial_usual(r)))
        if shaped and _fits(shaped, birth, sex) and max(texts_fit.values(), default=0) < 2 \
                and nik_serial_usual(shaped):
            return NikResult(shaped, CONFIDENT, tuple(made))
    sure = sure and nik_serial_usual(best)   # a serial no card carries is doubted, not taken
    return NikResult(best, CONFIDENT if sure else UNSURE, tuple(made))


def _line_witness(result: NikResult, own: list[tuple[str, str]],
                  lines: list[tuple[str, str]], birth: dt.date | None, sex: str | None
                  ) -> NikResult:
    """``result`` (the vote of Tesseract and the digit shapes, readings ``own``) as the line
    recognizer's readings (``lines``) leave it: a sure NIK one of them reads otherwise goes
    to a person; an unsure one gives way to the recognizer's NIK when that fits the card
    (or its sex, its date digits standing without the card's printed date:
    :func:`_date_stands`),
    has a usual serial, was read so by each crop, by no digit-shape reading that names
    most digits otherwise, and otherwise by no text reading that fits the card, unless
    the text readings that show it outnumber those TEXT_MAJORITY times (and are
    SERIAL_TEXT_SUPPORT at least: Tesseract's clear verdict; a shape reading's other date
    digit where the card's printed date agrees with the NIK is outvoted), and has a witness:
    a text reading alike, each digit the card does not check (the region's and the
    serial's) read so by a text or a digit-shape reading, or both crops read surely
    alike. A NIK both crops read alike, that fits the card, and that the digit shapes
    (:func:`_shapes_filled`) or SERIAL_TEXT_SUPPORT text readings (no fitting text reading
    otherwise) read too is taken whatever the third reader shows."""
    read = [(m, r) for m, r in lines if len(r) == NIK_LENGTH]
    if not read:
        return result
    seen = {r for _, r in read}
    if result.confident:
        return result if seen == {result.nik} else replace(result, confidence=UNSURE)
    if len(seen) > 1:
        return result
    nik = seen.pop()
    texts = [r for m, r in own if m == "text" and len(r) == NIK_LENGTH]
    glyphs = [r for m, r in own if m == "glyph" and len(r) == NIK_LENGTH]
    if not (_fits(nik, birth, sex) or _date_stands(nik, birth, sex, texts, glyphs, read)) or \
            not nik_serial_usual(nik):
        return result
    # read so on both crops, a text reading the digit shapes contradict where they named a
    # digit (a dotted zero read as an 8 by Tesseract, named 0 by its shape) is outvoted,
    # not a rival
    credible = [g for g in glyphs if _credible_shapes(g)]
    deniers = credible if len(read) >= 2 else []
    rivals = sum(r != nik and _fits(r, birth, sex) and not _shapes_deny(r, deniers)
                 for r in texts)
    alike = texts.count(nik)
    # (the shapes' NIK stands only where no shape reading names another digit)
    shapes_alike = _shapes_filled(own) == nik
    text_alike = alike >= SERIAL_TEXT_SUPPORT and not rivals
    if len(read) >= 2 and _fits(nik, birth, sex) and (shapes_alike or text_alike):
        # two of the three readers (Tesseract, the digit shapes, the recognizer on both
        # crops) read the same sixteen digits, the card's printed date among them: the
        # third, however many renderings it read alike, is outvoted (a serial's 9 read
        # as 4 by Tesseract each time; B612 Mono's flat-topped 3 matched as a 5)
        return NikResult(nik, CONFIDENT, result.readings)
    # where the card's printed date shows the NIK's date digits, a digit shape read there
    # otherwise is outvoted (B612 Mono's flat-topped 3 matched as a 5)
    checked = [p for p in range(NIK_LENGTH)
               if p not in DATE_DIGITS or nik_agrees(nik, birth, sex) is not True]
    if (rivals and not (alike >= SERIAL_TEXT_SUPPORT and alike >= TEXT_MAJORITY * rivals)) or \
            (result.nik not in (None, nik) and _fits(result.nik, birth, sex)
             and not _shapes_deny(result.nik, deniers)) or \
            any(_contradicts(g, nik, checked) for g in credible):
        return result     # Tesseract or the digit shapes read another NIK
    witnessed = nik in texts or \
        all(any(r[pos] == nik[pos] for r in [*texts, *glyphs])
            for pos in range(NIK_LENGTH) if pos not in DATE_DIGITS) \
        or sum(m == LINE for m, _ in read) >= 2
    return NikResult(nik, CONFIDENT, result.readings) if witnessed else result


def roster_nik(readings: tuple[tuple[str, str], ...], niks, birth: dt.date | None,
               sex: str | None) -> str | None:
    """The one roster NIK (of ``niks``) an unsure card's ``readings`` show, or None.

    The readings did not settle the NIK (a digit read otherwise somewhere, or the birth
    date that vouches for it not read), but a NIK the workspace's roster holds is shown
    when at least ROSTER_SUPPORT readings of all sixteen digits spell it, by two of the
    readers (Tesseract's text, the digit shapes, the line recognizer), more readings than
    spell any other sixteen digits, no digit-shape reading that names most digits
    (:func:`_credible_shapes`) names another digit, it is well formed and agrees with the
    birth date and sex the card's lines read surely (``birth``, ``sex``; None: not read).
    A reader's reading that spells all but the first digit counts as that reader's (a
    face whose first digit Tesseract reads as part of the label's colon), not as one of
    the sixteen-digit readings.
    Two readers spelling a roster NIK digit for digit by chance is what a card of
    someone off the roster would need: its NIK differs in some digit, and a misreading
    must land on a roster NIK's digit in both. Two roster NIKs shown: neither."""
    whole = [(m, r) for m, r in readings if len(r) == NIK_LENGTH and r.isdigit()]
    support = Counter(r for _, r in whole)

    def reader(method: str) -> str:
        return "line" if method in LINE_METHODS else method

    shown = [nik for nik in set(niks) if support[nik] >= ROSTER_SUPPORT and
             len({reader(m) for m, r in readings if r in (nik, nik[1:])}) >= 2]
    if len(shown) != 1:
        return None
    nik = shown[0]
    glyphs = [r for m, r in readings if m == "glyph" and len(r) == NIK_LENGTH]
    if any(support[r] >= support[nik] for r in support if r != nik) or \
            not nik_well_formed(nik) or nik_agrees(nik, birth, sex) is False or \
            sex in ("L", "P") and nik_sex(nik) != sex or \
            _shapes_deny(nik, [g for g in glyphs if _credible_shapes(g)]):
        return None
    return nik


def _shapes_deny(reading: str, credible: list[str]) -> bool:
    """Whether one of the ``credible`` digit-shape readings (each naming most digits)
    shows another digit than ``reading`` somewhere it named one."""
    return any(_contradicts(g, reading) for g in credible)


def _region_slip(reading: str, nik: str) -> bool:
    """Whether ``reading`` differs from ``nik`` only in region digits, spelling no known
    region (:func:`formgen.domain.nik.nik_well_formed`)."""
    return reading != nik and not nik_well_formed(reading) and \
        not _contradicts(reading, nik, range(REGION_DIGITS.stop, NIK_LENGTH))


def _texts_show(texts: list[str], nik: str) -> bool:
    """Whether the text readings of sixteen digits show ``nik``: every one of them, or all
    but a few that read another region (a dark copy's 1 thickened into a 7 in one
    rendering or two: '6207…' for 6201…), which those showing ``nik`` outnumber
    TEXT_MAJORITY times; a date or serial digit read otherwise is never outvoted."""
    others = [t for t in texts if t != nik]
    return not others or \
        all(not _contradicts(t, nik, range(REGION_DIGITS.stop, NIK_LENGTH)) for t in others) \
        and texts.count(nik) >= TEXT_MAJORITY * len(others)


def _date_stands(nik: str, birth: dt.date | None, sex: str | None, texts: list[str],
                 glyphs: list[str], lines: list[tuple[str, str]]) -> bool:
    """Whether ``nik``'s date digits stand though the card's printed birth date does not
    confirm them: the NIK is well formed and fits the card's sex, no digit shape reads a
    date digit otherwise, and, the printed date read otherwise (once, as text), a shape
    reading names all six as the NIK shows them (the NIK's date read three ways alike);
    the printed date not read, every reading of sixteen digits shows the NIK: every text
    reading (:func:`_texts_show`; SERIAL_TEXT_SUPPORT of them at least, or a shape reading
    naming all sixteen alike) and both crops surely. Neither the printed date nor the sex
    read (a pen's note written across both lines), the NIK stands on its own readers
    alone: every text reading of sixteen digits shows it (:func:`_texts_show`),
    UNANIMOUS_TEXT of them at least (SERIAL_TEXT_SUPPORT when two digit-shape readings
    name all sixteen digits so), both crops read it (one surely) and no digit shape reads
    a digit otherwise. A text reading that shows another
    digit only among the region's, where it spells no region, is a slip the table catches,
    not a reading otherwise ('6201920…' for 6201020…)."""
    credible = [g for g in glyphs if _credible_shapes(g)]
    texts = [t for t in texts if not _region_slip(t, nik)]
    if birth is None and sex is None:
        shaped = sum(g == nik for g in glyphs) >= 2    # the digit shapes name all sixteen
        return nik_well_formed(nik) and \
            texts.count(nik) >= (SERIAL_TEXT_SUPPORT if shaped else UNANIMOUS_TEXT) and \
            _texts_show(texts, nik) and len(lines) >= 2 and \
            all(r == nik for _, r in lines) and any(m == LINE for m, _ in lines) and \
            not any(_contradicts(g, nik) for g in credible)
    if sex not in ("L", "P") or not nik_well_formed(nik) or nik_sex(nik) != sex or \
            any(_contradicts(g, nik, DATE_DIGITS) for g in credible):
        return False
    if birth is not None:
        return any(all(g[p] == nik[p] for p in DATE_DIGITS) for g in credible)
    return bool(texts) and _texts_show(texts, nik) and \
        (texts.count(nik) >= SERIAL_TEXT_SUPPORT or nik in glyphs) and \
        sum(m == LINE and r == nik for m, r in lines) >= 2


def line_reading(band: np.ndarray) -> tuple[str, str] | None:
    """The line recognizer's reading of the band, (LINE or LINE_UNSURE, its digits); None
    when the recognizer is not installed."""
    read = textline.read_line(band, border=textline.WHITE_BORDER_PX)
    if read is None:
        return None
    return LINE if read.score >= LINE_SURE_SCORE else LINE_UNSURE, re.sub(r"\D", "", read.text)


def _serial_vouched(best: str, glyphs: list[str], texts: list[str]) -> bool:
    """Whether each digit of ``best``'s serial (which neither the card nor the region table
    checks) was read so by a digit shape, or else, when SERIAL_TEXT_SUPPORT text readings
    show the whole NIK alike, by every text reading: a text reading's slip in a digit the
    shapes confirm does not make the serial unsure, a digit the text alone reads does. A
    digit a shape reading that names most of the band's digits (:func:`_credible_shapes`)
    named elsewhere but not here is not the text's to vouch for: one face prints a digit
    alike, so a glyph it could not name is likely another digit (a flat-topped 3 read
    as 5 by the text every time)."""
    whole = texts.count(best) >= SERIAL_TEXT_SUPPORT
    return all(any(g[pos] == best[pos] for g in glyphs) or
               whole and all(r[pos] == best[pos] for r in texts)
               and not any(best[pos] in g for g in glyphs if _credible_shapes(g))
               for pos in range(CHECKED_DIGITS, NIK_LENGTH))


def _shapes_filled(made: list[tuple[str, str]]) -> str | None:
    """The digits the digit-shape readings agree on (at least two readings, none
    contradicting another), a digit none of them read taken from a clear majority of the
    text readings, but only in the first twelve digits (region and birth date, which the
    card and the region table check); None when that leaves a digit open."""
    glyphs = [r for m, r in made if m == "glyph" and len(r) == NIK_LENGTH]
    texts = [r for m, r in made if m == "text" and len(r) == NIK_LENGTH]
    if len(glyphs) < 2:
        return None
    out = []
    for pos, column in enumerate(zip(*glyphs, strict=True)):
        seen = {c for c in column if c != "?"}
        if len(seen) > 1:
            return None
        if seen:
            out.append(seen.pop())
            continue
        votes = Counter(r[pos] for r in texts).most_common(2)
        if pos >= CHECKED_DIGITS or not votes or votes[0][1] < 2 or \
                (len(votes) > 1 and votes[1][1] * 2 >= votes[0][1]):
            return None
        out.append(votes[0][0])
    return "".join(out)


def _shape_makers(flat: np.ndarray, binary: np.ndarray, thin: np.ndarray | None,
                  dotted: bool = False
                  ) -> tuple[list[Callable[[], str]], list[Callable[[], str]]]:
    """(readings of the glyphs as cut, reading of the thin print cut on its own);
    ``dotted``: the band was struck in dots (:func:`ocr.ktp.glyphs.read_glyphs`)."""
    boxes = glyph_spans(binary)
    thin_boxes = glyph_spans(thin) if thin is not None else []
    cut, other = (binary, _otsu(flat)) if len(boxes) == NIK_LENGTH else (thin, _otsu(flat))
    if len(boxes) != NIK_LENGTH:
        boxes = thin_boxes
    if len(boxes) != NIK_LENGTH and len(thin_boxes) != NIK_LENGTH:
        # a digit printed paler than the rest (a colour gradient across the NIK) that the
        # cleaning took for background: the grey's own split keeps it, and cuts the band
        cut, other = _otsu(flat), binary
        boxes = glyph_spans(cut)
    main: list[Callable[[], str]] = []
    if len(boxes) == NIK_LENGTH:
        main = [lambda: read_glyphs(cut, boxes, dotted),
                lambda: read_glyphs(other, boxes, dotted)]
    own = [lambda: read_glyphs(thin, thin_boxes, dotted)] if (
        thin is not None and cut is not thin and len(thin_boxes) == NIK_LENGTH) else []
    return main, own


def shape_readings(flat: np.ndarray, binary: np.ndarray, thin: np.ndarray | None = None
                   ) -> list[Callable[[], str]]:
    """The digit-shape readings of the band (:mod:`ocr.ktp.glyphs`), in the order they
    are tried; none when the band falls apart into sixteen glyphs neither on the cleaned
    nor on the thin print.

    The glyphs are cut on the cleaned print (on the thin one when the cleaned print does
    not fall apart into sixteen) and matched there and on the grey's own Otsu split;
    then, cut apart on its own, on the thin print. Heavy digits keep the dots of their
    zeros apart only in the thin print; the thin strokes of OCR-A-like faces survive
    only in the other."""
    main, own = _shape_makers(flat, binary, thin)
    return main + own


def read_nik_band(flat: np.ndarray, binary: np.ndarray, birth: dt.date | None,
                  sex: str | None, thin: np.ndarray | None = None,
                  dotted: bool = False) -> NikResult:
    """Read the NIK band (flattened grey and cleaned print of the same crop; ``thin``: the
    print cut nearer the ink, :func:`ocr.ktp.clean.digits_print`; ``dotted``: struck in
    dots and joined, :mod:`ocr.ktp.dots`).

    The text renderings (:func:`renderings`) and the digit-shape readings
    (:func:`shape_readings`) are tried interleaved: the first shape reading, two text
    ones, the second shape reading, a text one, the thin print (its own shape reading,
    then as text), then the other text renderings."""
    readings: list[tuple[str, str]] = []
    result = NikResult(None, 0.0)
    text = renderings(flat, binary)
    main, own = _shape_makers(flat, binary, thin, dotted)
    makers = [*main[:1], *text[:2], *main[1:]]
    rest = text[2:]
    if main:
        makers, rest = [*makers, text[2]], text[3:]
    if thin is not None:
        makers += [*own, lambda: thin]
    for make in [*makers, *rest]:
        made = make()
        readings.append(("glyph", made) if isinstance(made, str) else ("text", _digits(made)))
        result = choose(readings, birth, sex)
        if result.confident:
            break
    # the line recognizer: once on a sure NIK (which its reading must not contradict),
    # on both crops on an unsure one
    for band in (binary,) if result.confident else (binary, flat):
        made = line_reading(band)
        if made is not None:
            readings.append(made)
            result = choose(readings, birth, sex)
    return result


def nik_band(box: tuple[int, int, int, int], right: int, shape) -> tuple[slice, slice]:
    """Rows and columns of the NIK digits: from ``box`` (the line's value words, or the
    line) to ``right`` (the photo's left edge), padded."""
    x0, y0, _, y1 = box
    pad = mm(PAD_MM)
    return (slice(max(0, y0 - pad), min(shape[0], y1 + pad)),
            slice(max(0, x0 - pad), max(x0 + mm(10), right)))


def _tallest_line(ink_rows: np.ndarray) -> tuple[int, int] | None:
    """(first, end) of the tallest run of rows with print: the NIK's digits are the
    card's largest type, the lines above and below it smaller. Runs a copier's light
    streak parts (a gap of a few rows) count as one."""
    joined: list[tuple[int, int]] = []
    for first, end in runs(ink_rows):
        if joined and first - joined[-1][1] <= mm(STREAK_MM):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((first, end))
    return max(joined, key=lambda r: r[1] - r[0], default=None)


def fit_band(binary: np.ndarray, rows: slice, cols: slice) -> tuple[slice, slice]:
    """``rows`` and ``cols`` (a band cut generously round the NIK line) narrowed to the
    digits: the tallest line of print on it (the name or the regency line caught in
    the band left out), then the height of the tall glyphs found on that, from the
    first of them on (the colon before it left out), padded."""
    band = binary[rows, cols]
    y0, x0 = rows.start or 0, cols.start or 0
    line = _tallest_line((band == 0).sum(axis=1) > LINE_INK * band.shape[1])
    if line is not None and line[1] - line[0] >= mm(MIN_DIGIT_MM):
        pad = mm(GLYPH_PAD_MM)
        y0, stop = max(y0, y0 + line[0] - pad), min(rows.stop, y0 + line[1] + pad)
        rows = slice(y0, stop)
    boxes = glyph_spans(binary[rows, cols])
    if len(boxes) < NIK_LENGTH // 2:
        return rows, cols
    top = int(np.median([b[2] for b in boxes]))
    bottom = int(np.median([b[3] for b in boxes]))
    pad = mm(GLYPH_PAD_MM)
    rows = slice(max(0, y0 + top - pad), min(rows.stop, y0 + bottom + pad))
    start = max(x0, x0 + boxes[0][0] - pad)
    if boxes[0][0] <= 1:
        # the first glyph cut by the band's edge (a 6 cut to a 5): its print followed left
        ink = (binary[rows, :x0] == 0).any(axis=0)
        while start > 0 and x0 - start < mm(FOLLOW_MM) and ink[start - 1]:
            start -= 1
        start = max(0, start - pad)
    return rows, slice(start, cols.stop)
