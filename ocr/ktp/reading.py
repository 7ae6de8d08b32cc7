"""What a KTP copy shows, as findings, and how its printed values are parsed."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from formgen.domain.nik import check_nik, nik_agrees
from ocr import roster_match, textline
from ocr.findings import Finding
from ocr.ktp.labels import norm
from ocr.ktp.nikread import roster_nik
from ocr.ktp.values import DISPUTED

FIELDS = ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat")
MIN_VALUE_CONFIDENCE = 0.6     # below this a value is shown to a person, not taken
# a card holder is at least 17; a reading that makes them older than any living person
# ('1502' taken for 1902, where the 9's bowl filled in) or too young is no birth date
BIRTH_YEARS = (1920, 16)       # the first year born, years before today of the last
DATE_RE = re.compile(r"(\d{1,2})\s*[-./ ]\s*(\d{1,2})\s*[-./ ]\s*(\d{4})")
# What Tesseract reads instead of a digit in a date.
DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1",
                             "|": "1", "i": "1", "!": "1", "Z": "2", "B": "8", "S": "5",
                             "G": "6", "b": "6", "T": "7", "g": "9", "q": "9"})


@dataclass
class KtpReading:
    """What a KTP copy shows. Values are None when not read; ``confidences`` per value."""

    found: bool = False
    nik: str | None = None
    nama: str | None = None
    tempat_lahir: str | None = None
    tanggal_lahir: str | None = None      # ISO date
    jenis_kelamin: str | None = None      # "L" | "P"
    alamat: str | None = None
    nik_valid: bool | None = None
    nik_matches_card: bool | None = None
    color: bool | None = None
    confidence: float = 0.0               # mean word confidence of the field block
    confidences: dict = field(default_factory=dict)
    cards: int = 0                        # card-shaped rectangles on the page
    upright_angle: float | None = None    # ccw degrees that stand the front upright on the page
    front_words: int = 0                  # KTP-el labels read on the front
    fields: dict = field(default_factory=dict)   # every label read, raw
    # the name's line cut out as read, kept while no reading settled the name: it may
    # still be matched against the roster's names (ocr.roster_match)
    name_lines: list = field(default_factory=list, repr=False)
    # ... and cut to the field block's right edge, past where its cleaned print ends
    whole_name_lines: list = field(default_factory=list, repr=False)
    # the NIK's readings ((method, digits) as ocr.ktp.nikread makes them): a NIK they did
    # not settle may still be one the roster holds
    nik_readings: tuple = field(default=(), repr=False)
    # which of the page's cards was read (its place in the list the reader was given)
    card_index: int | None = field(default=None, repr=False)
    # the values taken from the roster (a name its line spells; a NIK its readings show,
    # with the birth date and sex it carries where the card's lines were not read surely)
    from_roster: set = field(default_factory=set)
    # the name's line cut out of the card read again softened (its ``name_lines`` and
    # ``whole_name_lines``), made only when the roster is tried and the lines above
    # spell no roster name; None when there is no such reading to make
    softened_name_lines: Callable[[], tuple[list, list] | None] | None = \
        field(default=None, repr=False)

    def match_roster(self, names, niks=()) -> None:
        """The NIK taken from the roster's ``niks`` when no reading settled it and its
        readings show one of them (:meth:`_match_nik`). The name taken from the roster's
        ``names`` when no reading settled it and its line spells one of them (see
        :mod:`ocr.roster_match`); a name read surely keeps its letters, its word spaces
        put where the roster name it spells has them. A name read surely that is no
        roster name but a letter off one ('RUDI WBOWO' beside RUDI
        WIBOWO: a narrow I lost in every reading) is not sure after all: its line is
        matched against the roster like an unsettled one, and left to a person when it
        spells no roster name."""
        self._match_nik(niks)
        if names and self.value_confidence("nama") >= MIN_VALUE_CONFIDENCE:
            self.nama = roster_match.respaced(self.nama, names)
            if not roster_match.letter_off(self.nama, names):
                return
            self.confidences["nama"] = min(self.value_confidence("nama"), roster_match.LETTER_OFF)
        if not names or self.value_confidence("nama") >= MIN_VALUE_CONFIDENCE:
            return
        name = _roster_name(self.name_lines, self.whole_name_lines, names)
        if name is None and self.softened_name_lines is not None and \
                (soft := self.softened_name_lines()) is not None:
            # a copy's grain that broke the name's letters merges into grey: its line
            # read so may spell the roster name (never taken on a reading of its own)
            name = _roster_name(soft[0], [*self.whole_name_lines, *soft[1]], names)
        if name is not None:
            self.nama = name.upper()
            self.from_roster.add("nama")

    def _match_nik(self, niks) -> None:
        """The roster NIK the readings of a NIK not read surely show
        (:func:`ocr.ktp.nikread.roster_nik`), checked against the birth date and sex the
        card's lines read surely; the date and sex it carries are taken where the lines
        were not read surely."""
        if not niks or self.value_confidence("nik") >= MIN_VALUE_CONFIDENCE:
            return
        sure = {name: getattr(self, name) for name in ("tanggal_lahir", "jenis_kelamin")
                if self.value_confidence(name) >= MIN_VALUE_CONFIDENCE}
        birth = dt.date.fromisoformat(sure["tanggal_lahir"]) if sure.get("tanggal_lahir") \
            else None
        sex = sure.get("jenis_kelamin")
        nik = roster_nik(self.nik_readings, niks, birth, sex)
        if nik is None:
            return
        holder = check_nik(nik)
        self.nik, self.nik_valid, self.nik_matches_card = nik, True, nik_agrees(nik, birth, sex)
        self.from_roster.add("nik")
        if birth is None and (born := holder.holder_birth_date()) is not None:
            self.tanggal_lahir = born.isoformat()
            self.from_roster.add("tanggal_lahir")
        if sex is None and holder.sex:
            self.jenis_kelamin = holder.sex
            self.from_roster.add("jenis_kelamin")

    def keep_agreed(self, other: KtpReading) -> None:
        """Each value taken only when ``other`` (the same card read again, cut otherwise)
        takes it alike; one it reads otherwise or unsurely is left to a person."""
        for name in FIELDS:
            if self.value_confidence(name) >= MIN_VALUE_CONFIDENCE and (
                    getattr(other, name) != getattr(self, name)
                    or other.value_confidence(name) < MIN_VALUE_CONFIDENCE):
                self.confidences[name] = DISPUTED

    def take_surer(self, other: KtpReading) -> None:
        """Values ``other`` (the same card read in another rendering, its NIK alike) was
        surer of replace this reading's: a name, place or address read surely the first
        time is not lost because a second reading, made for the NIK, read it unsurely; a
        date or sex both read alike keeps the surer confidence."""
        for name in ("nama", "tempat_lahir", "alamat"):
            if getattr(other, name) is not None and \
                    other.value_confidence(name) > self.value_confidence(name):
                setattr(self, name, getattr(other, name))
                self.confidences[name] = other.value_confidence(name)
                if name == "nama":
                    self.name_lines, self.whole_name_lines = \
                        other.name_lines, other.whole_name_lines
        for name in ("tanggal_lahir", "jenis_kelamin"):
            if getattr(other, name) == getattr(self, name):
                self.confidences[name] = max(self.value_confidence(name),
                                             other.value_confidence(name))

    def value_confidence(self, name: str) -> float:
        return float(self.confidences.get(name, self.confidence))

    def confident_values(self) -> dict:
        """The values read beyond doubt (SPEC §7 ``fields`` of a KTP page)."""
        return {name: getattr(self, name) for name in FIELDS
                if getattr(self, name) is not None
                and self.value_confidence(name) >= MIN_VALUE_CONFIDENCE}

    def findings(self, expected: dict | None = None) -> list[Finding]:
        """Findings of kind ``ktp``; ``expected`` holds roster values (nik, nama, tempat_lahir,
        tanggal_lahir, jenis_kelamin) to compare with."""
        exp = expected or {}
        out = []
        nik_conf = round(self.value_confidence("nik"), 3)
        for name in FIELDS:
            value = getattr(self, name)
            want = exp.get(name)
            if isinstance(want, dt.date):
                want = want.isoformat()
            ok = None if want in (None, "") or value is None else agrees(name, value, str(want))
            note = None if value is not None else "unreadable"
            conf = round(self.value_confidence(name), 3)
            if name in self.from_roster:
                note, conf = roster_match.NOTE, roster_match.CONFIDENCE
            out.append(Finding("ktp", name, value, conf, want or None, ok, note))
        if "nik" in self.from_roster:
            nik_conf = roster_match.CONFIDENCE
        out.append(Finding("ktp", "nik_valid", self.nik_valid, nik_conf))
        out.append(Finding("ktp", "nik_matches_card", self.nik_matches_card, nik_conf))
        out.append(Finding("ktp", "color", self.color, 0.9 if self.color is not None else 0.0))
        return out


def _roster_name(lines: list, whole_lines: list, names) -> str | None:
    """The roster name the name's ``lines`` spell (:func:`ocr.roster_match.matched`) when
    one of their readings holds it word by word (:func:`ocr.roster_match.words_alike`),
    unless one of ``whole_lines`` (the lines cut to the block's edge) shows more print
    than it spells; None when there is none."""
    if not lines:
        return None
    probabilities = _probabilities(lines)
    name = roster_match.matched(probabilities, names)
    if name is None or not any(roster_match.words_alike(name, line)
                               for line in probabilities) or \
            any(roster_match.shows_more(name, line) for line in _probabilities(whole_lines)):
        return None
    return name


def _probabilities(crops: list) -> list:
    """The line recognizer's character probabilities along each of ``crops``."""
    return [p for p in (textline.line_probabilities(crop, border=textline.WHITE_BORDER_PX)
                        for crop in crops) if p is not None]


def agrees(name: str, value: str, want: str) -> bool:
    """Whether a value read agrees with the roster's."""
    if name == "nik":
        return value == re.sub(r"\D", "", want)
    if name in ("nama", "tempat_lahir", "alamat"):
        a = " ".join(re.sub(r"[^0-9A-Z ]", " ", value.upper()).split())
        b = " ".join(re.sub(r"[^0-9A-Z ]", " ", want.upper()).split())
        if name == "alamat":  # the roster's address adds RT/RW to the street the card shows
            return fuzz.partial_ratio(a, b) >= 85
        return fuzz.ratio(a, b) >= (90 if name == "nama" else 85)
    if name == "jenis_kelamin":
        return value[:1].upper() == want[:1].upper()
    return value == want


def parse_birth(text: str | None) -> tuple[str | None, dt.date | None]:
    """'PANGKALAN BUN, 03-01-2003' -> ('PANGKALAN BUN', date)."""
    if not text:
        return None, None
    comma = text.rfind(",")
    head, tail = (text[:comma], text[comma + 1:]) if comma >= 0 else ("", text)
    match = DATE_RE.search(tail.translate(DIGIT_FIXES)) or DATE_RE.search(text)
    groups = match.groups() if match else None
    digits = re.sub(r"\D", "", tail.translate(DIGIT_FIXES))
    if groups is None and len(digits) == 8:      # a separator not read: DDMMYYYY
        groups = (digits[:2], digits[2:4], digits[4:])
    birth = None
    if groups:
        d, m, y = (int(g) for g in groups)
        if y // 100 not in (19, 20) and y // 1000 in (1, 2):
            y = (1900 if y < 2000 else 2000) + y % 100   # "1075": the 9's bowl filled in
        try:
            birth = dt.date(y, m, d)
        except ValueError:
            birth = None
        if birth is not None and not \
                BIRTH_YEARS[0] <= birth.year <= dt.date.today().year - BIRTH_YEARS[1]:
            birth = None
        if comma < 0 and match:
            head = text[:match.start()]
    place = " ".join(re.sub(r"[^A-Za-z' ]", " ", head).split()).upper() or None
    return place, birth


def parse_sex(text: str | None) -> str | None:
    """'LAKI-LAKI' -> 'L', 'PEREMPUAN' -> 'P', None when neither reads."""
    if not text:
        return None
    head = norm(text)[:10]
    male, female = fuzz.ratio(head[:8], "LAKILAKI"), fuzz.ratio(head[:9], "PEREMPUAN")
    if max(male, female) < 70 or abs(male - female) < 20:
        return None
    return "L" if male > female else "P"


def clean_address(text: str | None) -> str | None:
    """A street address as printed: upper case, without tokens that hold neither a letter
    nor a digit (a card edge read as "|") or a lone character before the street (its
    colon), "NO:" read for the printed "NO."."""
    if not text:
        return None
    words = [w for w in text.upper().split() if re.search(r"[A-Z0-9]", w)]
    while len(words) > 1 and len(words[0]) == 1 and words[1][0].isalpha():
        words.pop(0)      # the value's colon read as "1" or "I" before the street
    address = re.sub(r"\bNO\s*[:;,]\s*", "NO. ", " ".join(words))
    return address.strip(" :;,.-|") or None


def clean_name(text: str | None) -> str | None:
    """A name as printed: upper-case letters, spaces, dots, commas and apostrophes."""
    if not text:
        return None
    name = re.sub(r"(?<=[A-Za-z]{3})[.,](?=[A-Za-z]{3})", " ", text)   # "GUSTI.ANANG"
    words = re.sub(r"[^A-Za-z.,' ]", " ", name).split()
    while len(words) > 1 and sum(c.islower() for c in words[-1]) * 2 > len(words[-1]):
        # specks read as small letters after the name (printed in capitals); the first
        # word is the name's own even when read in small letters ("Dwi")
        words.pop()
    name = " ".join(words).upper().strip(" .,'")
    return name if len(name) >= 2 else None
