"""Reading the front of a KTP-el: the card found, stood upright, cleaned, read by its labels.

Steps: the cards on the page (:mod:`ocr.ktp.cards`), each turned so its photo is on the
right; the security background removed (:mod:`ocr.ktp.clean`); the field block left of
the photo read once and split by its labels (:mod:`ocr.ktp.labels`); the NIK read by
voting digit-only readings and cross-checked with the birth date and sex read on the
card (:mod:`ocr.ktp.nikread`). A second recognizer, independent of Tesseract (the line
recognizer, :mod:`ocr.textline`), reads the NIK band, the name's line and, when the NIK
and the birth date disagree, the date: a value the two recognizers read otherwise goes
to a person. A value that is not read is None; one read with doubt carries a low
confidence, so that a person looks at it.
"""
from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import replace
from functools import partial
from itertools import combinations

import cv2
import numpy as np

from formgen.domain.nik import (
    NIK_LENGTH,
    check_nik,
    nik_agrees,
    nik_well_formed,
    region_by_names,
)
from ocr.features import color_stats, to_rgb
from ocr.ktp.cards import CARD_MM, PX_PER_MM, Card, find_cards, mm, stand_upright
from ocr.ktp.clean import (
    clean_card,
    digits_print,
    masked,
    pale_print,
    screened_print,
    without_outline,
    without_pattern,
)
from ocr.ktp.crossing import crossed_digits
from ocr.ktp.dots import join_dotted
from ocr.ktp.labels import (
    HEADER_KEYS,
    LABELS,
    Field,
    Line,
    front_words,
    match_label,
    nik_line,
    read_fields,
)
from ocr.ktp.nikread import (
    CONFIDENT,
    NikResult,
    _otsu,
    choose,
    fit_band,
    nik_band,
    read_nik_band,
)
from ocr.ktp.reading import (
    MIN_VALUE_CONFIDENCE,
    KtpReading,
    clean_address,
    clean_name,
    parse_birth,
    parse_sex,
)
from ocr.ktp.values import (
    AGREED,
    DISPUTED,
    faint_past_end,
    line_crop,
    line_readings,
    name_against_print,
    print_spaces,
    read_agreed,
    value_print,
    vote,
    vote_name,
    whole_line_crop,
    witness_reading,
)

MIN_PRINT_SHARE = 0.03          # share of print on a cleaned front (a back has almost none)
MIN_FRONT_LABELS = 3
BIRTH_AND_SEX = {"tempat_tgl_lahir", "jenis_kelamin"}   # the rows under the name
FEW_LABELS = 6          # labels read below this, those rows among them: a faded field block
UNDER_PHOTO_MM = 1.5             # a value ending this near the photo may run on under it
SOFTEN_MM = 0.13                # a black-and-white scan's dot (200 dpi), merged into grey
NO_PHOTO_RIGHT_MM = 60.0        # where the field block ends when the photo is not found
DISAGREEING_CONFIDENCE = 0.5
DATE_CHARS = "0123456789-"
LINE_PITCH_MM = 2.95            # of the field block, when not measured on the card
HALF_LINE_MM = 1.0              # half the height of a value's capitals
ORDER_SLACK = 0.6               # of a line pitch: a name's distance from a later line
GRID_SLACK = 0.4                # of a line pitch: a value this far off the card's grid of lines
PITCH_RANGE = (0.75, 1.3)       # of LINE_PITCH_MM: the line pitches printers use
UNDER_NIK_PITCHES = 1.8         # of LINE_PITCH_MM: the name's line at most this far under
#                                 the NIK's (set larger, the NIK takes more room)
# the lines under the NIK, in the card's fixed order, one line pitch apart
BODY_LINES = [k for k in LABELS if k not in (*HEADER_KEYS, "nik")]
BETWEEN_LETTERS = 4             # a word this long on a line between the NIK and the name: print
SEX_READ = 0.85                 # LAKI-LAKI or PEREMPUAN read clearly (the two differ a lot)
PALE_START_MM = 3.0             # the NIK band begun this far past its label: digits lost (~1 digit)


def print_share(card: Card) -> float:
    """Share of print on a cut-out card once its background is removed (measured once)."""
    if "print_share" not in card.memo:
        card.memo["print_share"] = float((clean_card(card, mm(NO_PHOTO_RIGHT_MM))[1] == 0).mean())
    return card.memo["print_share"]


def _nik_box(lines: list[Line], fields: dict[str, Field]) -> tuple[int, int, int, int] | None:
    """Where the NIK digits start: after the NIK label on its line, or above the name
    (where its label was read, or where it stands above the birth line)."""
    line = nik_line(lines)
    if line is not None:
        at = next((i for i, w in enumerate(line.words[:3]) if "NIK" in w["text"].upper()), 0)
        label = line.words[at]
        rest = [w for w in line.words[at + 1:] if re.sub(r"[:;|!]", "", w["text"])]
        glued = re.search(r"\d{4,}", label["text"])
        if glued and not any(re.search(r"\d", w["text"]) for w in rest):
            # "NIK..:6201022409000030" read as one word: the digits start inside it
            x0 = label["left"] + label["width"] * glued.start() // len(label["text"])
        else:
            x0 = rest[0]["left"] if rest else label["left"] + label["width"] + mm(1.5)
        _, y0, _, y1 = line.box
        return x0, y0, 0, y1
    name = fields.get("nama") or _name_field(fields)
    if name is not None:     # the NIK line is the one above the name
        _, y0, _, _ = name.box
        return mm(12.0), max(0, y0 - mm(6.5)), 0, max(0, y0 - mm(0.8))
    return None


def _paler_start(lines: list[Line], grey: np.ndarray, rows: slice, cols: slice,
                 fitted: tuple[slice, slice]) -> tuple[slice, slice] | None:
    """The NIK band begun right after its label's colon, fitted to the grey's own print,
    when the band as read began a digit or more past it: a lamination's glare over the
    NIK's first digits left them too pale for the cleaned print and for the words
    Tesseract read (': 201062…' for 6201062…). None when nothing stands before the band."""
    line = nik_line(lines)
    if line is None:
        return None
    at = next((i for i, w in enumerate(line.words[:3]) if "NIK" in w["text"].upper()), None)
    if at is None:
        return None
    label = line.words[at]
    start = label["left"] + label["width"] + (0 if label["text"].endswith(":") else mm(1.5))
    if fitted[1].start - start < mm(PALE_START_MM):
        return None
    split = _otsu(grey[rows, start:cols.stop])
    ink = np.full_like(grey, 255)
    ink[rows, start:cols.stop] = split
    wider = fit_band(ink, rows, slice(start, cols.stop))
    return wider if wider[1].start < fitted[1].start - mm(PALE_START_MM) / 2 else None


def _name_field(fields: dict[str, Field]) -> Field | None:
    """Where the name stands when its label was not read: the value one line pitch above
    the birth line's (the card's order is fixed), nothing read there yet."""
    born = fields.get("tempat_tgl_lahir")
    if born is None:
        return None
    x0, y0, x1, y1 = born.box
    below = fields.get("jenis_kelamin")
    pitch = below.box[1] - y0 if below is not None and below.box[1] > y0 else mm(LINE_PITCH_MM)
    middle = (y0 + y1) // 2 - pitch       # the birth line's box may hold specks: its middle
    if middle - mm(HALF_LINE_MM) < 0:
        return None
    return Field("", (x0, middle - mm(HALF_LINE_MM), x1, middle + mm(HALF_LINE_MM)), 0.0)


def _under_nik(lines: list[Line], nik_x: int, key: str = "nama") -> Field | None:
    """Where the value of line ``key`` stands when its label was not read (a worn
    ribbon's pale labels washed out): the card's order being fixed, on the lines under
    the NIK line, each about one line pitch below the one before and none labelled as
    another line; its words from the NIK's value column (``nik_x``) on. Its confidence is
    nil: only readings that agree with it (or with the NIK) make it count."""
    line = nik_line(lines)
    if line is None:
        return None
    at = lines.index(line)
    steps = BODY_LINES.index(key) + 1
    if at + steps >= len(lines):
        return None
    for k in range(1, steps + 1):
        above, below = lines[at + k - 1], lines[at + k]
        gap = (below.box[1] + below.box[3] - above.box[1] - above.box[3]) / 2
        reach = UNDER_NIK_PITCHES if k == 1 else PITCH_RANGE[1]
        if not mm(LINE_PITCH_MM) * PITCH_RANGE[0] <= gap <= mm(LINE_PITCH_MM) * reach \
                or match_label(below)[0] not in (None, BODY_LINES[k - 1]):
            return None
    words = [w for w in lines[at + steps].words if w["left"] >= nik_x - mm(1.0)]
    if not any(len(re.sub(r"[^A-Za-z]", "", w["text"])) >= 2 for w in words):
        return None
    return Field(" ".join(w["text"] for w in words), Line(words).box, 0.0)


def _on_grid(fields: dict[str, Field]) -> dict[str, Field]:
    """``fields`` without the values whose label was matched on another line: the lines
    below the NIK stand in a fixed order at one pitch, so the values that most of them
    agree on (the order and a pitch fitted through two of them) make the card's grid, and
    a label read on a line off it ("Nama" matched on the religion line, "Alamat" on the
    name's) is dropped: its value is then found where the grid puts it, or left unread."""
    rows = [(BODY_LINES.index(k), (f.box[1] + f.box[3]) / 2, k) for k, f in fields.items()
            if k in BODY_LINES]
    lo, hi = (mm(LINE_PITCH_MM) * r for r in PITCH_RANGE)
    best: list[str] = []
    for (i1, y1, _), (i2, y2, _) in combinations(rows, 2):
        pitch = (y2 - y1) / (i2 - i1) if i2 != i1 else 0.0
        if lo <= pitch <= hi:
            on = [k for i, y, k in rows if abs(y1 + (i - i1) * pitch - y) <= GRID_SLACK * pitch]
            best = on if len(on) > len(best) else best
    if len(best) < 3 or 2 * len(best) <= len(rows):
        return fields        # no grid most values agree on: nothing to go by
    return {k: f for k, f in fields.items() if k not in BODY_LINES or k in best}


def _row_field(fields: dict[str, Field], key: str, images: list, right: int,
               binary: np.ndarray) -> Field | None:
    """A value whose label was not read (washed out under a glare), where the card's fixed
    order of lines puts it: the line pitch and the value column measured on the values
    that were read, the value read on its own line. Its confidence is nil: only readings
    that agree with it or with the NIK make it count."""
    rows = sorted((BODY_LINES.index(k), (f.box[1] + f.box[3]) / 2, f.box[0])
                  for k, f in fields.items() if k in BODY_LINES)
    pitches = [(y2 - y1) / (j2 - j1)
               for (j1, y1, _), (j2, y2, _) in zip(rows, rows[1:], strict=False)]
    if len(rows) < 3 or not pitches:
        return None
    pitch = statistics.median(pitches)
    if abs(pitch - mm(LINE_PITCH_MM)) > mm(LINE_PITCH_MM) * 0.25:
        return None       # the values read do not stand at a card's pitch
    at = BODY_LINES.index(key)
    j, y, _ = min(rows, key=lambda r: abs(r[0] - at))
    middle = int(round(y + (at - j) * pitch))
    x0 = int(statistics.median(r[2] for r in rows))
    if middle - mm(HALF_LINE_MM) < 0 or x0 >= right:
        return None
    box = (x0, middle - mm(HALF_LINE_MM), right, middle + mm(HALF_LINE_MM))
    text = line_readings(images, box, right=right, print_=binary)[0].strip(" :;|!-")
    return Field(text, box, 0.0) if text else None


def _in_order(name: Field | None, lines: list[Line], fields: dict[str, Field]) -> Field | None:
    """The name as its label found it, unless it breaks the card's fixed order of lines:
    above the NIK line or a header line (specks before the regency line read as "ama",
    the regency line itself), below a line that comes after it ("Agama" or "Alamat" read
    as "Nama"), or not one line pitch or so above the nearest later line read."""
    if name is None:
        return None
    line = nik_line(lines)
    if line is not None and name.box[3] <= line.box[1]:
        return None
    if line is not None and _lines_between(lines, line.box[3], name.box[1]):
        return None       # the name is the first line under the NIK ("Nama" matched on
        #                   the religion line, the lines between it and the NIK unlabelled)
    order = list(LABELS)
    middle = (name.box[1] + name.box[3]) / 2
    later = []
    for key, field in fields.items():
        if key == "nama" or key not in order:
            continue
        centre = (field.box[1] + field.box[3]) / 2
        if key in HEADER_KEYS and centre >= middle - mm(HALF_LINE_MM):
            return None
        steps = order.index(key) - order.index("nama")
        if steps > 0:
            if centre <= middle:
                return None
            later.append((steps, centre - middle))
    if later:
        steps, gap = min(later)
        expected = steps * mm(LINE_PITCH_MM)
        if abs(gap - expected) > mm(LINE_PITCH_MM) * ORDER_SLACK + 0.2 * expected:
            return None
    return name


def _lines_between(lines: list[Line], top: int, bottom: int) -> int:
    """How many lines with words of print (BETWEEN_LETTERS letters or more) stand wholly
    between rows ``top`` and ``bottom``."""
    return sum(1 for ln in lines if ln.box[1] >= top and ln.box[3] <= bottom and
               any(len(re.sub(r"[^A-Za-z0-9]", "", w["text"])) >= BETWEEN_LETTERS
                   for w in ln.words))


def _date_iso(text: str | None) -> str | None:
    birth = parse_birth(text)[1] or parse_birth(f", {text}")[1] if text else None
    return birth.isoformat() if birth else None


def _settle_date(born: Field, birth: dt.date | None, sex: str | None, result: NikResult,
                 renderings: list, conf: float, binary: np.ndarray, grey: np.ndarray
                 ) -> tuple[dt.date | None, NikResult, float]:
    """The NIK and the birth date disagree (or the NIK is unsure): the date is read again,
    as digits, in other renderings. A date read so that the NIK's readings then make a
    sure NIK, or that agrees with a sure NIK, is taken: two independent readings agree.
    Otherwise a date two readings agree on, or the first one with a low confidence."""
    box = born.digits_box or born.box      # the date alone
    dates = [_date_iso(t) for t in line_readings(renderings, box, right=box[2] + mm(1.0),
                                                 whitelist=DATE_CHARS, print_=binary)]
    # and by the line recognizer, whose misreadings are not Tesseract's
    witness = witness_reading(grey, box, right=box[2] + mm(1.0), print_=binary)
    dates.append(_date_iso(witness.text) if witness else None)
    for iso in dict.fromkeys(d for d in dates if d):
        other = dt.date.fromisoformat(iso)
        if result.confident and nik_agrees(result.nik, other, None):
            return other, result, AGREED
        retry = choose(list(result.readings), other, sex)
        if not result.confident and retry.confident:
            return other, retry, AGREED
    iso, agreed = vote([_date_iso(born.text), *dates])
    if iso and agreed >= AGREED:
        return dt.date.fromisoformat(iso), choose(list(result.readings),
                                                  dt.date.fromisoformat(iso), sex), agreed
    return birth, result, min(conf, agreed)


def _read_sex(field: Field | None, renderings: list, right: int,
              binary: np.ndarray) -> str | None:
    """LAKI-LAKI or PEREMPUAN as the block read it, else as the first of ``renderings``
    of its own line that reads as one of them (the two words differ too much to be
    mistaken for each other)."""
    if field is None:
        return None
    sex = parse_sex(field.text)
    for image in renderings if sex is None else ():
        sex = parse_sex(line_readings([image], field.box, right=right, print_=binary)[0])
        if sex is not None:
            break
    return sex


def _runs_under_photo(box: tuple, right: int) -> bool:
    """Whether a value's line ends at the photo's edge: a long address the printer ran
    under the photo, whose end cannot be read."""
    return box[2] >= right - mm(UNDER_PHOTO_MM)


def _nik_band(photo: tuple | None, box: tuple, right: int, shape) -> tuple[slice, slice]:
    """Rows and columns of the NIK band: up to the photo's edge, or on to near the card's
    edge, above the photo, when the photo starts below the NIK line (printers that set
    the NIK wide run it over the photo's column)."""
    if photo is None or photo[1] < box[3]:
        return nik_band(box, right, shape)
    rows, cols = nik_band(box, shape[1] - mm(2.0), shape)
    return slice(rows.start, max(box[3] + 1, min(rows.stop, photo[1] - mm(0.3)))), cols


def _first_reading(card: Card, photo: tuple | None) -> tuple:
    """The card cleaned and its field block read once: (right edge, flat, print, fields,
    lines, confidence)."""
    right = photo[0] - mm(0.6) if photo else mm(NO_PHOTO_RIGHT_MM)
    flat, binary = clean_card(card, right)
    return (right, flat, binary, *read_fields(binary[:, :right]))


def _read_front(card: Card, photo: tuple | None, first: tuple | None = None
                ) -> KtpReading | None:
    """The front's reading; ``first``: its :func:`_first_reading` when already made."""
    right, flat, binary, fields, lines, conf = first or _first_reading(card, photo)
    labels = front_words(lines)
    thin = digits_print(flat, right)      # bold digits filled in at 200 dpi keep open here
    if labels < MIN_FRONT_LABELS or "nama" not in fields:
        # a copy made too dark: its outline printed as a rule down the card's side, which
        # Tesseract takes the rows for a table's, or its background nearly as dark as the
        # letters' soft edges, where only the print cut nearer the ink reads (the cut the
        # NIK's digits get). Read again so; taken when it finds the labels, or the name's
        # row the first reading did not with as many labels.
        for other in (without_outline(binary), thin, without_pattern(binary)):
            if other is binary:
                continue   # no outline to leave out
            read = read_fields(other[:, :right])
            count = front_words(read[1])
            if count >= max(labels, MIN_FRONT_LABELS) and \
                    ("nama" in read[0] or labels < MIN_FRONT_LABELS):
                (fields, lines, conf), labels, binary = read, count, other
                break
    if "nama" not in fields:
        # letters printed as a screen of fine dots (a stencil copy's) blur into a grey far
        # paler than the NIK's solid digits: cut at the field block's own split, taken
        # only when the name's row is found so, with as many labels (on a card whose
        # print is solid, that cut takes in the background, and reads labels out of it)
        other = screened_print(flat, right)
        read = read_fields(other[:, :right])
        count = front_words(read[1])
        if "nama" in read[0] and count >= max(labels, MIN_FRONT_LABELS):
            (fields, lines, conf), labels, binary = read, count, other
    name_print = binary   # the print the name's row was read in
    if MIN_FRONT_LABELS <= labels < FEW_LABELS and not BIRTH_AND_SEX & fields.keys():
        # most labels under the NIK unread: their print may have faded far paler than the
        # NIK's digits; read again cut from their own ink, and taken when it reads more,
        # but for the name's row the first reading read: read on in the print it was read
        # in (the paler cut joins a pen's tick or a dense background to its letters)
        pale = pale_print(flat, right)
        read = read_fields(pale[:, :right])
        count = front_words(read[1])
        if "nama" in read[0] and count > labels:
            first_name = fields.get("nama")
            (fields, lines, conf), labels, binary = read, count, pale
            if first_name is not None:
                fields["nama"] = first_name
            else:
                name_print = pale
    if labels < MIN_FRONT_LABELS:
        return None
    fields = _on_grid(fields)
    again = [(binary, 1.5), (flat, 1.0)]     # renderings a value is read again in
    # the grey near the print only: soft edges without the background lines between them
    soft = masked(flat, binary)
    for key in ("tempat_tgl_lahir", "jenis_kelamin"):
        if key not in fields and (found := _row_field(fields, key, [(flat, 1.5)], right,
                                                      binary)) is not None:
            fields[key] = found
    under = _nik_box(lines, fields)
    name = _in_order(fields.get("nama"), lines, fields) or _name_field(fields) or \
        (_under_nik(lines, under[0]) if under is not None else None)
    for key, parse in (("tempat_tgl_lahir", lambda t: parse_birth(t)[1]),
                       ("jenis_kelamin", parse_sex)):
        if key not in fields and under is not None and \
                (found := _under_nik(lines, under[0], key)) is not None and parse(found.text):
            fields[key] = found        # its line found by the order under the NIK
    born = fields.get("tempat_tgl_lahir")
    place, birth = parse_birth(born.text if born else None)
    sex = _read_sex(fields.get("jenis_kelamin"), [(soft, 1.5), (flat, 1.5)], right, binary)
    result, crossed = NikResult(None, 0.0), set()
    box = _nik_box(lines, fields)
    if box is not None:
        rows, cols = _nik_band(photo, box, right, binary.shape)
        # digits struck in dots are joined into strokes before they are cut and read
        grey, ink, thin_ink = join_dotted(flat, binary, thin, rows, cols)
        fitted = fit_band(ink, rows, cols)
        result = read_nik_band(grey[fitted], ink[fitted], birth, sex, thin_ink[fitted],
                               dotted=ink is not binary)
        if not any(len(r) == NIK_LENGTH for _, r in result.readings) and \
                (wider := _paler_start(lines, grey, rows, cols, fitted)) is not None:
            result = read_nik_band(grey[wider], ink[wider], birth, sex, thin_ink[wider],
                                   dotted=ink is not binary)
        crossed = crossed_digits(flat, *fitted)
    confidences = {"tempat_lahir": born.confidence if born else 0.0,
                   "tanggal_lahir": born.confidence if born else 0.0,
                   "jenis_kelamin": SEX_READ if sex else 0.0,
                   "alamat": 0.0}
    if born is not None and not (result.confident and nik_agrees(result.nik, birth, None)):
        birth, result, confidences["tanggal_lahir"] = _settle_date(
            born, birth, sex, result, [*again, (thin, 1.0), (soft, 1.5), (flat, 1.5), (thin, 2.0)],
            confidences["tanggal_lahir"], binary, flat)
    nama = (None, 0.0)
    if name is not None:
        near = soft if name_print is binary else masked(flat, name_print)
        spaces = print_spaces(value_print(name_print, name.box, right))
        # grey renderings first: the block was read on the print, a second reading of
        # the print would share its mistakes
        witness = witness_reading(near, name.box, right=right, print_=name_print)
        nama = read_agreed(name.text or None,
                           [(near, 1.5), (flat, 1.5), (name_print, 1.5), (near, 1.0)],
                           name.box, right=right, clean=clean_name, print_=name_print,
                           judge=partial(vote_name, print_spaces=spaces),
                           first_confidence=name.confidence, witness=witness)
        if not name_against_print(nama[0], spaces) or \
                faint_past_end(flat, name_print, name.box, right):
            nama = (nama[0], min(nama[1], DISPUTED))   # every reading lost a letter or a space
    confidences["nama"] = nama[1]
    if "alamat" in fields:
        # digits in a street number: only a reading of another rendering confirms them
        alamat, confidences["alamat"] = read_agreed(
            fields["alamat"].text, [(flat, 1.0), (flat, 1.5)], fields["alamat"].box,
            right=right, clean=clean_address, print_=binary)
        if _runs_under_photo(fields["alamat"].box, right):
            confidences["alamat"] = min(confidences["alamat"], DISPUTED)
        fields["alamat"] = replace(fields["alamat"], text=alamat or "")
    if born is not None and place:
        place, confidences["tempat_lahir"] = read_agreed(
            born.text, again, born.box, right=right, clean=lambda t: parse_birth(t)[0],
            print_=binary)
    if crossed and result.nik and not crossed <= _confirmed(result.nik, birth, fields):
        # a line across digits nothing else on the card vouches for: a person looks
        result = NikResult(result.nik, min(result.confidence, DISPUTED), result.readings)
    reading = _reading(fields, conf, labels, place, birth, sex, result, nama[0], confidences)
    if name is not None:     # a name read surely may still be a letter off the roster's
        reading.name_lines = [line_crop(img, name.box, right=right, print_=name_print)
                              for img in (near, flat)]
        reading.whole_name_lines = [whole_line_crop(img, name.box, right=right,
                                                    print_=name_print) for img in (near, flat)]
    return reading


def _confirmed(nik: str, birth: dt.date | None, fields: dict[str, Field]) -> set[int]:
    """Positions of the NIK's digits that the card's other print vouches for: the region's
    four when the header names its province and regency alike, the date's six when the
    birth line reads the date they spell."""
    sure = set()
    if None not in (named := _header_codes(fields)) and nik[:4] == "".join(named):
        sure |= set(range(4))
    if birth is not None and nik_agrees(nik, birth, None):
        sure |= set(range(6, 12))
    return sure


def _header_codes(fields: dict[str, Field]) -> tuple[str | None, str | None]:
    return region_by_names(
        *(fields[key].text if key in fields else None for key in ("provinsi", "kabupaten")))


def _header_agrees(nik: str, fields: dict[str, Field]) -> bool:
    """Whether the NIK's province and regency digits are those the card's header names,
    where it names ones the region data lists."""
    province, regency = _header_codes(fields)
    return (province is None or nik[:2] == province) and \
        (regency is None or nik[2:4] == regency)


def _reading(fields: dict[str, Field], conf: float, labels: int, place: str | None,
             birth: dt.date | None, sex: str | None, result: NikResult, nama: str | None,
             confidences: dict[str, float]) -> KtpReading:
    nik = result.nik
    matches = nik_agrees(nik, birth, sex) if nik else None     # as the card's lines read
    if nik and not _header_agrees(nik, fields):
        # the header names another region than the NIK's first digits: a holder who moved
        # keeps the NIK of where it was issued, but a digit misread (a clip or a fold over
        # it) does the same; a person looks
        result = NikResult(nik, min(result.confidence, DISPUTED), result.readings)
    if result.confident and nik_well_formed(nik):
        # a sure NIK carries the date and sex the card prints: a line not read, or read
        # without certainty, is taken from it (the century from the holder's age);
        # nik_matches_card still tells what the lines showed
        holder = check_nik(nik)
        if (birth is None or confidences["tanggal_lahir"] < MIN_VALUE_CONFIDENCE) and \
                not nik_agrees(nik, birth, None) and \
                (born := holder.holder_birth_date()) is not None:
            birth, confidences = born, dict(confidences, tanggal_lahir=AGREED)
        if (sex is None or confidences["jenis_kelamin"] < MIN_VALUE_CONFIDENCE) and \
                holder.sex and sex != holder.sex:
            sex, confidences = holder.sex, dict(confidences, jenis_kelamin=AGREED)
    confidences = dict(confidences, nik=result.confidence)
    if nik and nik_well_formed(nik):
        # the NIK's digits vouch for the date and the sex they agree with
        agree = {"tanggal_lahir": nik_agrees(nik, birth, None),
                 "jenis_kelamin": sex is not None and sex == check_nik(nik).sex}
        for name, ok in agree.items():
            if ok and result.confidence >= CONFIDENT:
                confidences[name] = max(confidences[name], CONFIDENT)
            elif not ok and matches is False:
                confidences[name] = min(confidences[name], DISAGREEING_CONFIDENCE)
    alamat = fields["alamat"].text if "alamat" in fields else None
    return KtpReading(
        found=True, nik=nik, nama=nama, tempat_lahir=place,
        tanggal_lahir=birth.isoformat() if birth else None,
        jenis_kelamin=sex, alamat=alamat.upper() if alamat else None,
        nik_valid=nik_well_formed(nik) if nik else None, nik_matches_card=matches,
        nik_readings=result.readings,
        confidence=round(conf, 3), confidences={k: round(v, 3) for k, v in confidences.items()},
        front_words=labels, fields={k: f.text for k, f in fields.items()})


def read_card(card: Card, stood: tuple[Card, tuple | None] | None = None
              ) -> tuple[KtpReading, Card] | None:
    """Read one cut-out card; None when it is not the front of a KTP. Returns the reading
    and the card as it was read (turned upright). ``stood``: the card already stood
    upright by its photo (:func:`ocr.ktp.cards.stand_upright`)."""
    upright, photo = stood or stand_upright(card)
    # what was taken for the photo may be something else (a patch of the background):
    # the labels, not the photo, tell a front, so the other way round is read too
    tries = [(upright, photo), (upright.flipped(), None)] if photo is not None else \
        [(card, None), (card.flipped(), None)]
    # each way up read once before either is read again in other renderings (a dark
    # copy's): the wrong way up reads no label in any of them
    firsts: list[tuple] = []
    for candidate, box in tries:
        firsts.append(_first_reading(candidate, box))
        if front_words(firsts[-1][4]) >= MIN_FRONT_LABELS:
            return _read_front(candidate, box, firsts[-1]), candidate
    for (candidate, box), first in zip(tries, firsts, strict=True):
        reading = _read_front(candidate, box, first)
        if reading is not None:
            return reading, candidate
    return None


def _best_front(cards: list[Card]) -> KtpReading | None:
    """The best reading of the fronts among ``cards``: cards that show a photo first; the
    others (a back, a front whose photo did not copy) only when no front was read."""
    stood = [(index, card, stand_upright(card)) for index, card in enumerate(cards)]
    with_photo = [s for s in stood if s[2][1] is not None]
    without = [s for s in stood if s[2][1] is None]
    best: KtpReading | None = None
    for group in (with_photo, without):
        for index, card, upright in group:
            if upright[1] is None and print_share(card) < MIN_PRINT_SHARE:
                continue  # the back of the card: security print only
            read = read_card(card, upright)
            if read is None:
                continue
            reading, turned = read
            reading.upright_angle = turned.upright_angle
            reading.color = color_stats(card.image)[0]
            reading.card_index = index
            if best is None or (reading.front_words, reading.confidence) > \
                    (best.front_words, best.confidence):
                best = reading
        if best is not None:
            break
    return best


def softened(card: Card) -> Card:
    """The card with its finest dots merged into grey (SOFTEN_MM): a card copied from a
    black-and-white scan, or printed over a halftone, shows its background and photo as
    scattered dots that break the letters' edges; solid print stays dark."""
    return Card(cv2.GaussianBlur(card.image, (0, 0), SOFTEN_MM * PX_PER_MM), card.corners)


def _lines_if_same(soft: KtpReading | None, nik: str) -> tuple[list, list] | None:
    """The name's lines of ``soft`` (the card read softened) when it reads the same
    ``nik``: for the roster only. A name is not taken on a softened reading of its own: a
    halftone's or a hologram's name was read so surely wrong ('WAVIAN' for WAWAN)."""
    if soft is None or soft.nik != nik:
        return None
    return soft.name_lines, soft.whole_name_lines


def _softened_name_lines(cards: list[Card], nik: str) -> tuple[list, list] | None:
    """:func:`_lines_if_same` of the :func:`softened` ``cards``, read only when asked."""
    return _lines_if_same(_best_front([softened(card) for card in cards]), nik)


def read_ktp(img, *, dpi: float | None = None, cards: list[Card] | None = None) -> KtpReading:
    """Find the KTP on a page (or a photo of the card) and read its front.

    ``cards``: the page's cards when already found (:func:`find_cards`). Cards that show
    a photo are read first; the others (a back, a front whose photo did not copy) only
    when no front was read. A front whose NIK was not read surely is read once more
    softened (:func:`softened`: a black-and-white scan's dots); that reading is taken
    when it reads the NIK surely, keeping the values the first reading of the same NIK
    was surer of. The reading's ``upright_angle`` tells how the page is turned so that
    the front reads upright.
    """
    rgb = to_rgb(img)
    if cards is None:
        cards = find_cards(rgb, dpi=dpi)
    best = _best_front(cards)
    soft: KtpReading | None = None
    softened_read = best is None or best.value_confidence("nik") < CONFIDENT
    if softened_read:
        soft = _best_front([softened(card) for card in cards])
        if soft is not None and soft.value_confidence("nik") >= CONFIDENT:
            if best is not None and best.nik == soft.nik:
                soft.take_surer(best)    # the same card: what it read surely stays
            best = soft
    if best is None and soft is not None:
        # only the card softened reads as a front, and not its NIK surely: no front is
        # found (the page's text may still place the card), but where the page is a KTP
        # by no other reading, this is its card's: nothing on it taken as read (a
        # softened name was read surely wrong), its NIK's and name's readings may still
        # show a roster member
        soft.confidences = {k: min(v, DISPUTED) for k, v in soft.confidences.items()}
        soft.found = False
        best = soft
    if best is not None and soft is not None and best is not soft and \
            soft.card_index == best.card_index:
        # the same card's NIK read softened: its readings count too where the roster's
        # NIKs are matched (a face one rendering reads and the other does not)
        best.nik_readings = (*best.nik_readings, *soft.nik_readings)
    if best is not None and best is not soft and best.nik is not None:
        best.softened_name_lines = partial(_lines_if_same, soft, best.nik) if softened_read \
            else partial(_softened_name_lines, cards, best.nik)
    if best is None:
        color = color_stats(cards[0].image)[0] if cards else color_stats(rgb)[0]
        return KtpReading(found=False, cards=len(cards), color=color)
    best.cards = len(cards)
    return best


__all__ = ["CARD_MM", "MIN_PRINT_SHARE", "print_share", "read_card", "read_ktp"]
