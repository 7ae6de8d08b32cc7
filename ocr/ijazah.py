"""Reading an ijazah (school or university diploma) by its words, whatever its design.

The page is read once with Tesseract (``ind``) at about 150 dpi, keeping each word's box
and confidence. Words are put back into the rows they stand in on paper (a label and its
value in separate columns are one row). Then:

- the name is the row after a cue ("Nama :", "Nama Peserta Didik", "diberikan kepada",
  "menerangkan bahwa"), on the cue's row or the next one, kept only when it looks like a
  name and was read with confidence (:mod:`ocr.ijazah_name`, :mod:`ocr.ijazah_line`);
- the level comes from the programme the title prints ("SEKOLAH MENENGAH KEJURUAN",
  "PROGRAM PAKET C", "DIPLOMA III"), found through the levels and aliases of rules.yaml;
- the year from "TAHUN PELAJARAN 2002/2003", "lulus ... 2003" or the date it was signed;
- the school and the diploma number where printed.

A value that is not read with confidence is left out (None): a person looks at it.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np

from formgen.domain import education
from ocr import roster_match, tesseract
from ocr.features import color_stats, to_rgb
from ocr.findings import Finding
from ocr.ijazah_name import find_name
from ocr.ijazah_roster import roster_name_on_page
from ocr.ijazah_text import PageText, keyword_count, page_text
from ocr.ijazah_witness import roster_name
from ocr.ijazah_words import Pixels, Row, rows_of, two_up
from ocr.imaging import line_depth

SCHOOL = re.compile(r"\b(?:(?:SD|SMP|SMA|SMK|MI|MTs|MA|SDN|SMPN|SMAN|SMKN|MIN|MTsN|MAN)\s+"
                    r"(?:NEGERI|SWASTA|N|ISLAM|KATOLIK|KRISTEN|MUHAMMADIYAH|IT)\b"
                    r"|(?:UNIVERSITAS|POLITEKNIK|INSTITUT|AKADEMI|SEKOLAH\s+TINGGI|PKBM)\s)"
                    r"[A-Za-z0-9 .'-]{2,60}", re.I)
SCHOOL_LABEL = re.compile(r"(?:satuan\s+pendidikan|nama\s+sekolah|asal\s+sekolah|"
                          r"nama\s+madrasah|perguruan\s+tinggi)\s*[:;.]?\s*(?P<rest>.+)$", re.I)
# "No. Ijazah :", "Nomor Seri Ijazah :", "Nomor Ijazah Nasional :" (the 15 digits of the
# national numbering), "No. STTB :" and the value after it; or a national serial alone,
# with its year group ("DN-12 Mk/15 1956431")
NUMBER = re.compile(r"(?:No(?:mor)?\.?\s*(?:Seri\s*)?(?:Ijazah|STTB)?\s*(?:Nasional)?\s*[:;.]\s*"
                    r"(?P<a>[A-Za-z0-9./ -]{5,40}))|"
                    r"(?P<b>\bDN\s*-\s*\d{2}\s*[A-Za-z]{1,2}(?:/\d{2})?\.?\s*\d{5,8}\b)", re.I)
# a second number's label on the row after the first number ('Nomor Ijazah Nasional :
# 0976... Nomor : 1591/UPA/...': the national number left, the school's own right)
NEXT_LABEL = re.compile(r"\s+No(?:mor)?\b\.?", re.I)
# a row giving a birth date, in Indonesian or English ('Place and Date of Birth')
BIRTH_ROW = re.compile(r"lahir|birth|\bborn\b", re.I)
# a national serial: "DN-", the province, the series, its year group, seven digits
DN_SERIAL = re.compile(r"DN\s*-\s*(?P<province>\d{2})\s*(?P<series>[A-Za-z1|]{2})"
                       r"(?P<rest>/\d{2})?\s+(?P<serial>\d{7})")
# the series as read (capitals; a small l read as I, 1 or |, a c as e) -> as written
DN_SERIES = {"DD": "Dd", "DL": "Dl", "DI": "Dl", "D1": "Dl", "D|": "Dl", "MA": "Ma",
             "MK": "Mk", "PA": "Pa", "PB": "Pb", "PC": "Pc", "PE": "Pc"}
NUMBER_WORD_CONF = 90   # Tesseract's word confidence (0-100) for a number's digits
SURE_NUMBER = 0.7       # a number read so is taken
UNSURE_NUMBER = 0.5     # ... otherwise it is shown to a person to check
DN_LAST_PROVINCE = 38    # a national serial's province code runs from 01 to this
NUMBER_SCALE = 2.0      # a sure number's words read again at this scale of the page as read
DIPLOMA_LEVELS = {"D1", "D2", "D3", "D4"}
ROMAN_END = re.compile(r"(?:[\s-]|^D)[IV]+$")   # a level alias ending in a Roman numeral
UNSURE_LEVEL_TAKEN = 0.7   # a level taken although the numerals read disagree
CROSSING_SPAN = 2.5     # a mark this many times the name's height, across it: a stamp's ring
CROSSING_INK = 128      # grey below this is ink on the read (background lifted) image
FAINT_GAP = 1.0         # of the name's height: a gap between words this wide may hold a letter
FAINT_MARGIN = 0.15     # ... and how far from a word's box its own letters' edges may reach
FAINT_INK = 20          # grey levels under the paper round it: print, however pale ...
FAINT_SHARE = 0.25      # ... and at least this share of the name's own print's depth
FAINT_PALER = 0.7       # of the name's print's depth: a lost letter is no darker than this
FAINT_NAME_INK = 98     # percentile of the line's depths: the name's print
FAINT_BLUR = 0.04       # of the line's height: the blur that joins a pale letter's specks
FAINT_TALL = 0.35       # of the line's height: a mark this tall ...
FAINT_WIDTH = 0.2       # ... and this wide is a letter, not a speck
MARK_WIDTH = 0.5        # of the name's height: a narrower tall mark is a rule (a box's side)
MONTHS = ("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
          "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER")
# a date's year: its day (a 1 read as 'l', 'I' or '|'; an old-style 9 or 0, which hang
# below or sit at the small letters' height, read as 'g' or 'o'), month and year
DATED = (r"(?<![\w|])[\dIl|go]{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b")


@dataclass
class IjazahReading:
    jenjang: str | None = None
    nama: str | None = None
    tahun: int | None = None
    sekolah: str | None = None
    nomor: str | None = None
    color: bool | None = None
    confidence: float = 0.0
    keywords: int = 0
    text: str = ""
    confidences: dict = field(default_factory=dict)
    from_roster: bool = False   # the name matched against the roster, not read blind

    def findings(self) -> list[Finding]:
        """Findings of kind ``ijazah`` (compared with the roster later, in ingest)."""
        def one(name: str, value) -> Finding:
            conf = round(self.confidences.get(name, self.confidence if value else 0.0), 3)
            return Finding("ijazah", name, value, conf, note=None if value else "unreadable")

        name = one("nama", self.nama)
        if self.from_roster:
            name = Finding("ijazah", "nama", self.nama, roster_match.CONFIDENCE,
                           note=roster_match.NOTE)
        return [one("jenjang", self.jenjang), name,
                one("tahun", self.tahun), one("sekolah", self.sekolah),
                one("nomor", self.nomor), Finding("ijazah", "color", self.color, 0.9)]


def find_level(rows: list[Row], name_row: int | None) -> tuple[str | None, float]:
    """The level the title names: phrases count double, the title's rows double again;
    two levels named alike leave it unread, unless both are diplomas (D1-D4) and the
    words that spell one without Roman numerals ("AHLI MADYA", "DIPLOMA TIGA", "D-3")
    name one only: a numeral's I is lost or gained where light washes the print out
    ('PROGRAM DIPLOMA II' read, 'AHLI MADYA' beside it)."""
    scores: dict[str, float] = {}
    spelled: set[str] = set()     # levels named other than in Roman numerals
    phrase_in_title = set()
    title_end = name_row if name_row is not None else max(1, len(rows) // 2)
    for i, row in enumerate(rows):
        # a diploma number's letters ('DN-29 Ma 2178491') code its issuer, not a level
        for m in education.mentions(NUMBER.sub(" ", row.text)):
            weight = (2.0 if m.phrase else 1.0) * (2.0 if i <= title_end else 1.0)
            scores[m.code] = scores.get(m.code, 0.0) + weight
            if m.phrase and i <= title_end:
                phrase_in_title.add(m.code)
            if not ROMAN_END.search(m.alias):
                spelled.add(m.code)
    if not scores:
        return None, 0.0
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    if len(ranked) > 1 and ranked[1][1] >= 0.5 * score:
        if set(scores) <= DIPLOMA_LEVELS and len(spelled) == 1:
            return spelled.pop(), UNSURE_LEVEL_TAKEN
        return None, 0.0
    return best, 0.95 if best in phrase_in_title else 0.7


def find_year(rows: list[Row]) -> tuple[int | None, float]:
    """The year of graduation: school year, 'lulus ... YYYY', 'tahun YYYY', signing date.
    A school year read as two years not one apart ('2012/2015': an old-style 3 read as 5)
    shows the page's digits misread: then only the year after its first is taken, and
    that one when another mention reads it too."""
    votes: list[int] = []
    misread: set[int] = set()   # the year a school year read apart should end in
    for k, row in enumerate(rows):
        after = rows[k + 1] if k + 1 < len(rows) else None
        text = row.text
        if BIRTH_ROW.search(text):   # a birth date ('Place and Date of Birth : ..., 1986')
            continue
        # the school year may run on to the next line ('... pada tahun pelajaran' /
        # '2014/2015 dengan ...' in a letter's sentence): found where it begins
        joined = f"{text} {after.text}" if after is not None else text
        m = re.search(r"PELAJARAN\s*((?:19|20)\d\d)\s*[/-]\s*((?:19|20)\d\d)", joined, re.I)
        m = m if m and m.start() < len(text) else None
        if m and int(m.group(2)) - int(m.group(1)) == 1:
            votes += [int(m.group(2))] * 2
        elif m:
            misread.add(int(m.group(1)) + 1)
        for pattern in (r"lulus\D{0,40}?((?:19|20)\d\d)\b", r"tahun\s+((?:19|20)\d\d)\b",
                        DATED):
            votes += [int(y) for y in re.findall(pattern, text, re.I)]
    if not votes:
        return None, 0.0
    counts = {y: votes.count(y) for y in votes}
    best = max(counts, key=lambda y: (counts[y], y))
    if misread and best not in misread:
        # the year the school year's start points to, when another mention reads it too
        # (the date it was signed): the mention that read otherwise misread its digits
        agreed = [y for y in misread if y in counts]
        return (agreed[0], 0.6) if len(agreed) == 1 and len(misread) == 1 else (None, 0.0)
    if counts[best] < 2:
        return best, 0.6
    return best, round(0.6 + 0.35 * counts[best] / len(votes), 3)


def find_school(rows: list[Row]) -> tuple[str | None, float]:
    for row in rows:
        m = SCHOOL_LABEL.search(row.text)
        if m and len(m.group("rest").strip(" :")) >= 4:
            return _clean(m.group("rest")), 0.8
    for row in rows:
        m = SCHOOL.search(row.text)
        if m:
            return _clean(re.split(r"\s+pada\s+tahun|,", m.group(0), flags=re.I)[0]), 0.7
    return None, 0.0


def _clean(text: str) -> str:
    return " ".join(re.sub(r"[^A-Za-z0-9 .'-]", " ", text).split()).upper().strip(" .:")


def _as_written(text: str) -> tuple[str, bool]:
    """A number's text as the register writes it, and whether it may be taken as read: a
    national serial ("DN-..") is whole, with a series the register knows ('DI' for Dl)."""
    value = " ".join(text.split()).strip(" .:")
    # a national serial is the number whole: a word read before it ('Ijazah DN-14 Ma
    # ...', the label's last word) is not part of it
    serial = DN_SERIAL.search(value)
    if serial and not re.fullmatch(r"[A-Za-z]*\s*", value[:serial.start()]):
        serial = None   # digits before it: not a serial alone
    if serial and value[serial.end():].strip():
        serial = None   # more after it: read as a whole, shown to a person
    series = None
    if serial and not 1 <= int(serial.group("province")) <= DN_LAST_PROVINCE:
        serial = None   # no province is numbered so ('DN-86' for DN-06): misread
    if serial:
        series = DN_SERIES.get(serial.group("series").upper())
        value = f"DN-{serial.group('province')} {series or serial.group('series')}" \
                f"{serial.group('rest') or ''} {serial.group('serial')}"
    return value, "DN" not in value.upper() or serial is not None and series is not None


def _number_key(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def _read_again(pixels: Pixels, words: list[dict]) -> str:
    """The number's words (boxes on the page as read) read again on their own, as one
    line at twice the scale: a second look that a misread digit seldom survives."""
    pad = max(w["height"] for w in words) * 0.4
    box = (min(w["left"] for w in words) - pad, min(w["top"] for w in words) - pad,
           max(w["left"] + w["width"] for w in words) + pad,
           max(w["top"] + w["height"] for w in words) + pad)
    crop = pixels.crop(box, scale=NUMBER_SCALE)
    if crop is None:
        return ""
    return " ".join(w["text"] for w in tesseract.ocr_data(crop, psm=7, invert=False))


def find_number(rows: list[Row], pixels: Pixels | None = None) -> tuple[str | None, float]:
    """The diploma's number and how sure it is: SURE_NUMBER when every word of it holding
    a digit was read at NUMBER_WORD_CONF or surer, a national serial ("DN-..") is whole,
    with a series the register knows, and (``pixels``: where the page's lines are read
    again) its words read again on their own spell it alike ('DL02.02/1/7058/2016' once,
    'DL.02.02/1/7658/2016' again); UNSURE_NUMBER (shown to a person to check) otherwise."""
    # a national serial is the diploma's own number wherever it stands: a letter that
    # replaces a diploma heads with its own number ('Nomor : 421.5/1914/Dikbud/2009')
    serials = [row for row in rows if DN_SERIAL.search(row.text)]
    for row in [*serials, *rows]:
        m = NUMBER.search(row.text)
        if not m:
            continue
        raw = m.group("a") or re.sub(r"(?<=[A-Za-z])\.", " ", m.group("b"))
        raw = NEXT_LABEL.split(raw, maxsplit=1)[0]   # another label read on its row
        if sum(c.isdigit() for c in raw) < 4:
            continue
        value, whole = _as_written(raw)
        if sum(c.isdigit() for c in value) < 4:
            continue
        shown = [w for w in row.words if w["text"].strip(" .:") and
                 w["text"].strip(" .:") in value]       # the number's words
        own = [w for w in shown if re.search(r"\d", w["text"])]
        sure = bool(own) and min(w.get("conf", 0.0) for w in own) >= NUMBER_WORD_CONF \
            and whole
        if sure and pixels is not None:
            again = _read_again(pixels, shown)
            found = NUMBER.search(f"No: {again}")
            again_value = _as_written(found.group("a") or found.group("b"))[0] \
                if found else again
            sure = _number_key(again_value) == _number_key(value)
        return value, SURE_NUMBER if sure else UNSURE_NUMBER
    return None, 0.0


def _of_name(word: dict, tokens: set[str]) -> bool:
    """Whether the page's ``word`` is one of a name's words (``tokens``, in capitals)."""
    return re.sub(r"[^A-Z]", "", word["text"].upper()) in tokens


def crossed_by_mark(rows: list[Row], name_row: int, name: str, read: PageText) -> bool:
    """Whether a mark far taller than the name's letters (a round stamp's ring, a
    signature's stroke; not a box's side, a thin upright rule) runs across the words
    ``name`` was read from, on the read image; where the page's words hold none of the
    name, across the gap after its row's last word, where a value read off them stands."""
    image = read.image
    if image is None:
        return False
    tokens = set(name.upper().split())
    words = [w for row in rows[name_row:name_row + 2] for w in row.words
             if _of_name(w, tokens)]
    if words:
        top = min(w["top"] for w in words)
        bottom = max(w["top"] + w["height"] for w in words)
        left = min(w["left"] for w in words)
        holding = next(row for row in rows[name_row:name_row + 2] if words[0] in row.words)
        right = max(w["left"] + w["width"] for w in holding.words)   # the value runs on
    else:
        row = rows[name_row]
        top, bottom = int(row.top), int(row.bottom)
        left = max(w["left"] + w["width"] for w in row.words)
        right = left + (len(name) + 4) * 2 * (bottom - top)
    height = max(1, bottom - top)
    pad = int(CROSSING_SPAN * height)
    y0, y1 = max(0, top - pad), min(image.shape[0], bottom + pad)
    ink = (image[y0:y1, max(0, left):right] < CROSSING_INK).astype(np.uint8)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    stats = stats[1:]
    return bool(((stats[:, cv2.CC_STAT_TOP] < top - y0 + height) &
                 (stats[:, cv2.CC_STAT_TOP] + stats[:, cv2.CC_STAT_HEIGHT] > top - y0) &
                 (stats[:, cv2.CC_STAT_HEIGHT] >= CROSSING_SPAN * height) &
                 (stats[:, cv2.CC_STAT_WIDTH] >= MARK_WIDTH * height)).any())


def faint_letter_lost(rows: list[Row], name_row: int, name: str, pixels: Pixels) -> bool:
    """Whether a letter-sized mark of print paler than the rest, which the reading lost,
    stands in a wide gap between the words ``name`` was read from, on the page as scanned
    (its background not lifted), measured against the paper round it: a typewriter key
    struck lightly ('GUSTI ANAN SYARIFUDDIN' for ANANG). Such a name is no sure reading.
    Past the name's last word is not looked at: a seal, a frame or the rest of a name read
    as another word may stand there."""
    tokens = set(name.upper().split())
    holding = next((row for row in rows[name_row:name_row + 2] for w in row.words
                    if _of_name(w, tokens)), None)
    if holding is None:
        return False
    words = sorted(holding.words, key=lambda w: w["left"])
    first = next(k for k, w in enumerate(words) if _of_name(w, tokens))
    words = words[first:first + len(tokens)]     # the name's words, as the row read them
    top = min(w["top"] for w in words)
    height = max(1, max(w["top"] + w["height"] for w in words) - top)
    gaps = [(a["left"] + a["width"], b["left"]) for a, b in itertools.pairwise(words)
            if b["left"] - a["left"] - a["width"] >= FAINT_GAP * height]
    if not gaps:
        return False
    left = words[0]["left"]
    crop = pixels.crop((left, top, words[-1]["left"] + words[-1]["width"], top + height),
                       scale=pixels.resolution, lifted=False)
    if crop is None or crop.shape[0] < 4:
        return False
    crop = cv2.GaussianBlur(crop, (0, 0), FAINT_BLUR * crop.shape[0])   # a pale letter's
    #                                                         specks joined into its strokes
    depth = line_depth(crop)   # no shade
    ink = float(np.percentile(depth, FAINT_NAME_INK))
    # a mark a quarter as dark as the name's print, at least: not a security ground's line
    dark = (depth > max(FAINT_INK, FAINT_SHARE * ink)).astype(np.uint8)
    scale, margin = crop.shape[0] / height, FAINT_MARGIN * height
    for x0, x1 in gaps:
        a = int(max(0, (x0 + margin - left) * scale))
        b = int(min(crop.shape[1], (x1 - margin - left) * scale))
        if b - a < FAINT_WIDTH * crop.shape[0]:
            continue
        count, labels, stats, _ = cv2.connectedComponentsWithStats(dark[:, a:b],
                                                                   connectivity=8)
        for k in range(1, count):
            if stats[k, cv2.CC_STAT_HEIGHT] >= FAINT_TALL * crop.shape[0] and \
                    stats[k, cv2.CC_STAT_WIDTH] >= FAINT_WIDTH * crop.shape[0] and \
                    depth[:, a:b][labels == k].max() <= FAINT_PALER * ink:
                return True     # paler than the name's print: no flourish of its face
    return False


def read_ijazah(img, *, dpi: float | None = None, read: PageText | None = None,
                upright=None, names: Sequence[str] = ()) -> IjazahReading:
    """Read level, name, year, school and number from an ijazah page: ``img`` upright, or
    ``read`` (the page's OCR from :func:`page_text`) made already on the page ``upright``
    (a PIL image at the scan's resolution). ``names``: the roster's names, which a name
    line no reading settled is matched against (see :mod:`ocr.roster_match`)."""
    rgb = to_rgb(img)
    if read is None:
        read = page_text(rgb, dpi=dpi)
        upright = rgb
    rows = rows_of(read.words)
    pixels = Pixels(read.image, upright, read.levels)
    nama, name_conf, name_row = find_name(rows, pixels)
    if nama is None:   # two pages copied side by side: each read on its own, left first
        width = read.image.shape[1] if read.image is not None else \
            max((w["left"] + w["width"] for w in read.words), default=0)
        for half in two_up(read.words, width):
            found = find_name(rows_of(half), pixels)
            if found[0] is not None:
                nama, name_conf = found[:2]
                break
    if nama is not None and name_row is not None and crossed_by_mark(rows, name_row, nama, read):
        # a stamp or a signature drawn across the holder's name: a letter under its stroke
        # is a guess however surely read; only the roster may settle the name
        nama, name_conf = None, 0.0
    if nama is not None and name_row is not None and \
            faint_letter_lost(rows, name_row, nama, pixels):
        nama, name_conf = None, 0.0     # the roster may settle it, else a person looks
    from_roster = False
    if nama is None and names:   # no reading settled it: does it spell a roster name?
        # ... or, where the design names its holder in a way not known, does a line do so?
        nama = roster_name(pixels, names) or roster_name_on_page(rows, pixels, names)
        from_roster = nama is not None
    elif names:                  # read: its spaces as the roster name it spells has them
        nama = roster_match.respaced(nama, names)
        if roster_match.letter_off(nama, names):
            # read surely, yet a letter off a roster name ('TECUH' for TEGUH, a pen's G
            # left open): its line is matched against the roster like an unsettled one,
            # and left to a person when it spells no roster name
            matched = roster_name(pixels, names)
            if matched is not None:
                nama, from_roster = matched, True
            else:
                name_conf = min(name_conf, roster_match.LETTER_OFF)
    jenjang, level_conf = find_level(rows, name_row)
    tahun, year_conf = find_year(rows)
    sekolah, school_conf = find_school(rows)
    nomor, number_conf = find_number(rows, pixels)
    return IjazahReading(
        jenjang=jenjang, nama=nama, tahun=tahun, sekolah=sekolah, nomor=nomor,
        color=color_stats(rgb)[0], confidence=round(read.confidence, 3),
        keywords=keyword_count(read.text), text=read.text, from_roster=from_roster,
        confidences={"jenjang": level_conf, "nama": name_conf, "tahun": year_conf,
                     "sekolah": school_conf, "nomor": number_conf})
