"""Reading a KTP-el (Indonesian ID card) from a photocopy page or a photo of the card.

The card is found as a card-sized rectangle (85.6 x 53.98 mm, ID-1) at any place
and a small angle; a page may hold the front and the back. Each candidate is cut
out upright at 12 px/mm, the front is recognised by its header, and the fields
are read by the standard label layout: labels left of the colon column, values
right of it. The NIK is read on its own band with a digit whitelist, fixed for
common digit confusions, validated for its structure and cross-checked with the
printed birth date and sex.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import cv2
import numpy as np
from rapidfuzz import fuzz
from stdnum.id import nik as stdnik

from ocr import tesseract
from ocr.features import (
    color_stats,
    estimate_dpi,
    find_rectangles,
    order_corners,
    to_rgb,
    upright_angle,
    warp_corners,
)
from ocr.findings import Finding

CARD_MM = (85.6, 53.98)
CARD_TOLERANCE = 0.12             # relative, per side
PX_PER_MM = 12                    # working resolution of a cut-out card (~305 dpi)
COLON_X_MM = 21.0                 # the colon column of the field block
PHOTO_X_MM = 60.5                 # left edge of the photo: fields end before it
NIK_BAND_MM = (15.1, 8.8, 61.0, 15.4)   # x0, y0, x1, y1 of the NIK digits
MIN_PRINT_SHARE = 0.03
CROSS_CHECKED = ("nik", "tanggal_lahir", "jenis_kelamin")   # the NIK encodes the other two
CROSS_CHECKED_CONFIDENCE = 0.95
DISAGREEING_CONFIDENCE = 0.5
HEADER_WORDS = ("PROVINSI", "KABUPATEN", "KOTA", "NIK", "NAMA", "LAHIR", "KELAMIN", "ALAMAT",
                "AGAMA", "PEKERJAAN", "BERLAKU", "HINGGA", "KEWARGANEGARAAN")
LABELS = {
    "nama": "Nama",
    "tempat_tgl_lahir": "Tempat/Tgl Lahir",
    "jenis_kelamin": "Jenis Kelamin",
    "alamat": "Alamat",
    "rt_rw": "RT/RW",
    "kel_desa": "Kel/Desa",
    "kecamatan": "Kecamatan",
    "agama": "Agama",
    "status_perkawinan": "Status Perkawinan",
    "pekerjaan": "Pekerjaan",
    "kewarganegaraan": "Kewarganegaraan",
    "berlaku_hingga": "Berlaku Hingga",
}
# What Tesseract reads instead of a digit in the NIK font.
DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "U": "0", "I": "1",
                             "l": "1", "|": "1", "i": "1", "!": "1", "L": "1", "Z": "2",
                             "z": "2", "B": "8", "S": "5", "s": "5", "G": "6", "b": "6",
                             "T": "7", "g": "9", "q": "9", "A": "4"})
DATE_RE = re.compile(r"(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})")


@dataclass
class KtpReading:
    """What a KTP copy shows. Values are None when not readable."""

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
    confidence: float = 0.0
    cards: int = 0                        # card-sized rectangles on the page
    upright_angle: float | None = None    # ccw degrees that stand the front upright on the page
    front_words: int = 0                  # words of a KTP front's printed labels that were read
    fields: dict = field(default_factory=dict)   # every label read, raw

    def _checked_confidence(self, conf: float) -> float:
        """Confidence in the NIK, birth date and sex: the NIK encodes the other two, so when
        its well-formed reading agrees with them, three separate readings vouch for each
        other; when they disagree, one of them is wrong."""
        if self.nik_valid and self.nik_matches_card:
            return max(conf, CROSS_CHECKED_CONFIDENCE)
        if self.nik is not None and (not self.nik_valid or self.nik_matches_card is False):
            return min(conf, DISAGREEING_CONFIDENCE)
        return conf

    def findings(self, expected: dict | None = None) -> list[Finding]:
        """Findings of kind ``ktp``; ``expected`` holds roster values (nik, nama, tempat_lahir,
        tanggal_lahir, jenis_kelamin) to compare with."""
        exp = expected or {}
        out = []
        conf = round(self.confidence, 3)
        for name in ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat"):
            value = getattr(self, name)
            field_conf = self._checked_confidence(conf) if name in CROSS_CHECKED else conf
            want = exp.get(name)
            if isinstance(want, dt.date):
                want = want.isoformat()
            ok = None if want in (None, "") or value is None else _agrees(name, value, str(want))
            out.append(Finding("ktp", name, value, field_conf, want or None, ok,
                               None if value is not None else "unreadable"))
        out.append(Finding("ktp", "nik_valid", self.nik_valid, self._checked_confidence(conf)))
        out.append(Finding("ktp", "nik_matches_card", self.nik_matches_card,
                           self._checked_confidence(conf)))
        out.append(Finding("ktp", "color", self.color, 0.9 if self.color is not None else 0.0))
        return out


def _norm(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def _agrees(name: str, value: str, want: str) -> bool:
    if name == "nik":
        return value == re.sub(r"\D", "", want)
    if name in ("nama", "tempat_lahir", "alamat"):
        threshold = 90 if name == "nama" else 85
        a = " ".join(re.sub(r"[^0-9A-Z ]", " ", value.upper()).split())
        b = " ".join(re.sub(r"[^0-9A-Z ]", " ", want.upper()).split())
        if name == "alamat":  # the roster's address adds RT/RW to the street the card shows
            return fuzz.partial_ratio(a, b) >= threshold
        return fuzz.ratio(a, b) >= threshold
    if name == "jenis_kelamin":
        return value[:1].upper() == want[:1].upper()
    return value == want


def nik_structure_ok(nik: str | None) -> bool:
    """16 digits, a known region and a real birth date (day + 40 for women)."""
    if not nik or not re.fullmatch(r"\d{16}", nik):
        return False
    try:
        stdnik.validate(nik)
    except stdnik.ValidationError:
        return False
    return True


def nik_agrees(nik: str, birth: dt.date | None, sex: str | None) -> bool | None:
    """Do the NIK's date digits agree with the printed birth date and sex?

    None when there is nothing to compare."""
    if birth is None or not re.fullmatch(r"\d{16}", nik or ""):
        return None
    day = birth.day + (40 if sex == "P" else 0)
    if sex is None:
        return nik[8:12] == f"{birth.month:02d}{birth.year % 100:02d}" and \
            int(nik[6:8]) % 40 == birth.day
    return nik[6:12] == f"{day:02d}{birth.month:02d}{birth.year % 100:02d}"


def _card_size_ok(w_mm: float, h_mm: float) -> bool:
    return abs(w_mm / CARD_MM[0] - 1) <= CARD_TOLERANCE and \
        abs(h_mm / CARD_MM[1] - 1) <= CARD_TOLERANCE


@dataclass(frozen=True)
class Card:
    """A card cut out of a page: ``image`` (RGB, landscape, at PX_PER_MM) and ``corners``,
    the page pixels of the cut-out's top-left, top-right, bottom-right, bottom-left."""

    image: np.ndarray
    corners: np.ndarray

    def flipped(self) -> Card:
        """The same card turned round (upside down)."""
        return Card(cv2.rotate(self.image, cv2.ROTATE_180), np.roll(self.corners, 2, axis=0))

    @property
    def upright_angle(self) -> float:
        """Counter-clockwise degrees that turn the page so that this cut-out stands upright."""
        return upright_angle(self.corners)


def find_cards(img, *, dpi: float | None = None) -> list[Card]:
    """Card-sized rectangles on the page, each cut out upright at PX_PER_MM.

    An image that is itself a card (a photo of the card, cropped) is returned whole.
    """
    rgb = to_rgb(img)
    h, w = rgb.shape[:2]
    out_w, out_h = round(CARD_MM[0] * PX_PER_MM), round(CARD_MM[1] * PX_PER_MM)
    if 1.45 <= w / h <= 1.72:
        whole = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
        return [Card(cv2.resize(rgb, (out_w, out_h), interpolation=cv2.INTER_AREA if w > out_w
                                else cv2.INTER_CUBIC), whole)]
    dpi = dpi or estimate_dpi(rgb.shape)
    cards = []
    for quad in find_rectangles(rgb, min_mm=CARD_MM[1] * 0.7, dpi=dpi):
        if quad.fill >= 0.85 and _card_size_ok(quad.width_mm(dpi), quad.height_mm(dpi)):
            corners = order_corners(quad, landscape=True)
            cards.append(Card(warp_corners(rgb, corners, out_w=out_w, out_h=out_h), corners))
    return cards


def _binarise(grey: np.ndarray) -> np.ndarray:
    """Dark print on the card's light security pattern: keep the print only."""
    blur = cv2.GaussianBlur(grey, (3, 3), 0)
    thr, _ = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    thr = min(thr, 135.0)
    return np.where(blur < thr, 0, 255).astype(np.uint8)


def _mm(v: float) -> int:
    return int(round(v * PX_PER_MM))


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into text lines by their vertical centre."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: w["top"] + w["height"] / 2):
        cy = w["top"] + w["height"] / 2
        if lines and abs(lines[-1][-1]["top"] + lines[-1][-1]["height"] / 2 - cy) < _mm(1.1):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["left"]) for line in lines]


def _match_label(text: str) -> str | None:
    best, score = None, 0.0
    for key, label in LABELS.items():
        s = fuzz.ratio(_norm(text), _norm(label))
        if s > score:
            best, score = key, s
    return best if score >= 70 else None


def _read_fields(binary: np.ndarray) -> tuple[dict, dict, float, str]:
    """Field values by label, their boxes (x0, y0, x1, y1), the mean confidence and the text."""
    words = tesseract.ocr_data(binary[:, :_mm(PHOTO_X_MM)], psm=6)
    fields: dict[str, str] = {}
    boxes: dict[str, tuple[int, int, int, int]] = {}
    for line in _lines(words):
        label = " ".join(w["text"] for w in line if w["left"] < _mm(COLON_X_MM - 0.6))
        value = [w for w in line if w["left"] >= _mm(COLON_X_MM + 0.4)]
        key = _match_label(label) if label else None
        if key and value and key not in fields:
            fields[key] = " ".join(w["text"] for w in value).strip(" :;-—=\"'“”#.")
            boxes[key] = (min(w["left"] for w in value), min(w["top"] for w in value),
                          max(w["left"] + w["width"] for w in value),
                          max(w["top"] + w["height"] for w in value))
    conf = float(np.mean([w["conf"] for w in words])) / 100 if words else 0.0
    return fields, boxes, conf, " ".join(w["text"] for w in words)


def _reread_date(grey: np.ndarray, box: tuple[int, int, int, int]) -> dt.date | None:
    """The birth date read again from its line with a digit model (``eng``, digits and -)."""
    x0, y0, x1, y1 = box
    pad = _mm(0.6)
    region = grey[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad]
    region = cv2.copyMakeBorder(region, 12, 12, 12, 12, cv2.BORDER_REPLICATE)
    text = tesseract.ocr_text(region, psm=7, lang="eng",
                              whitelist="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-, ")[0]
    return _parse_birth(text)[1]


def _nik_band(img: np.ndarray, scale: float = 1.0) -> np.ndarray:
    x0, y0, x1, y1 = NIK_BAND_MM
    band = img[_mm(y0):_mm(y1), _mm(x0):_mm(x1)]
    if scale != 1.0:
        band = cv2.resize(band, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return cv2.copyMakeBorder(band, 12, 12, 12, 12, cv2.BORDER_REPLICATE)


def _keep_darkest(band: np.ndarray, share: float) -> np.ndarray:
    """Stretch the darkest tones to the full range: the security lines of a greyscale copy,
    lighter than the digits, fade to white."""
    b = band.astype(np.float32)
    ink, paper = np.percentile(b, 3), np.percentile(b, 60)
    cut = ink + share * max(paper - ink, 1.0)
    return np.clip((b - ink) / (cut - ink) * 255, 0, 255).astype(np.uint8)


def _read_nik(grey: np.ndarray, header_text: str,
              birth: dt.date | None, sex: str | None) -> str | None:
    """Independent readings of the NIK band; more are made only while they disagree.

    The grey band read with the ``eng`` model reads digits best (binarising eats into the
    digits' counters), so two such readings at different scales come first; further
    readings (another scale, the darkest tones only, the ``ind`` model, the unrestricted
    reading with digit fixes) join only when those two disagree, and the best-supported
    reading wins.
    """
    def digits(img, scale=1.0, lang="eng", dark=None):
        band = _nik_band(img, scale)
        if dark is not None:
            band = _keep_darkest(band, dark)
        return re.sub(r"\D", "", tesseract.ocr_text(band, psm=7, lang=lang,
                                                    whitelist="0123456789")[0])

    found = [digits(grey), digits(grey, 0.7)]
    if found[0] == found[1] and nik_structure_ok(found[0]) and nik_agrees(found[0], birth, sex):
        return found[0]
    found += [digits(grey, 1.5), digits(grey, 0.7, dark=0.65), digits(grey, dark=0.5),
              digits(grey, lang="ind")]
    raw = tesseract.ocr_text(_nik_band(grey), psm=7)[0]
    found.append(re.sub(r"\D", "", raw.replace(" ", "").translate(DIGIT_FIXES)))
    match = re.search(r"NIK\W*([0-9A-Za-z|!]{14,18})", header_text)
    if match:
        found.append(re.sub(r"\D", "", match.group(1).translate(DIGIT_FIXES)))
    return _choose_nik(found, birth, sex)


def _parse_birth(text: str | None) -> tuple[str | None, dt.date | None]:
    """'PANGKALAN BUN, 03-01-2003' -> ('PANGKALAN BUN', date)."""
    if not text:
        return None, None
    match = DATE_RE.search(text)
    birth = None
    if match:
        d, m, y = (int(g) for g in match.groups())
        try:
            birth = dt.date(y, m, d)
        except ValueError:
            birth = None
        place = text[:match.start()]
    else:
        place = text
    place = " ".join(re.sub(r"[^A-Za-z' ]", " ", place).split()).upper() or None
    return place, birth


def _parse_sex(text: str | None) -> str | None:
    if not text:
        return None
    head = _norm(text.split("Gol")[0])[:10]
    male, female = fuzz.partial_ratio(head, "LAKILAKI"), fuzz.partial_ratio(head, "PEREMPUAN")
    if max(male, female) < 60:
        return None
    return "L" if male >= female else "P"


def _front_score(text: str) -> int:
    upper = text.upper()
    return sum(1 for w in HEADER_WORDS if w in upper)


def read_card(card_rgb: np.ndarray) -> KtpReading | None:
    """Read one cut-out card; None when it is not the front of a KTP."""
    grey = cv2.cvtColor(card_rgb, cv2.COLOR_RGB2GRAY)
    binary = _binarise(grey)
    fields, boxes, conf, text = _read_fields(binary)
    front_words = _front_score(text)
    if front_words < 3:
        return None
    place, birth = _parse_birth(fields.get("tempat_tgl_lahir"))
    sex = _parse_sex(fields.get("jenis_kelamin"))
    nik = _read_nik(grey, text, birth, sex)
    if not nik_agrees(nik, birth, sex) and "tempat_tgl_lahir" in boxes:
        # Either the NIK or the date was misread: read the date once more, on its own.
        again = _reread_date(grey, boxes["tempat_tgl_lahir"])
        if again is not None and again != birth:
            birth = again
            nik = _read_nik(grey, text, birth, sex)
    nama = fields.get("nama")
    nama = " ".join(re.sub(r"[^A-Za-z.,' ]", " ", nama).split()).upper() if nama else None
    valid = nik_structure_ok(nik)
    return KtpReading(found=True, nik=nik, nama=nama or None, tempat_lahir=place,
                      tanggal_lahir=birth.isoformat() if birth else None, jenis_kelamin=sex,
                      alamat=fields.get("alamat"), nik_valid=valid,
                      nik_matches_card=nik_agrees(nik, birth, sex) if nik else None,
                      confidence=round(conf, 3), fields=fields, front_words=front_words)


def _choose_nik(candidates: list[str], birth: dt.date | None, sex: str | None) -> str | None:
    """The best-supported 16-digit reading: well-formed, agreeing with the card, most often read.

    A digit-wise majority of the readings joins the candidates, so one misread digit in
    one reading is outvoted by the others.
    """
    sixteen = [c for c in candidates if len(c) == 16]
    if not sixteen:
        return next((c for c in candidates if c), None)
    if len(sixteen) >= 3:
        columns = zip(*sixteen)
        sixteen.append("".join(max(set(col), key=col.count) for col in map(list, columns)))

    def score(c: str) -> tuple:
        return (nik_structure_ok(c) and bool(nik_agrees(c, birth, sex)), nik_structure_ok(c),
                sixteen.count(c))

    return max(sixteen, key=score)


def print_share(card_rgb: np.ndarray) -> float:
    """Share of dark print on a cut-out card (the front's text and photo; the back has little)."""
    grey = cv2.cvtColor(card_rgb, cv2.COLOR_RGB2GRAY)
    return float((_binarise(grey) == 0).mean())


def read_ktp(img, *, dpi: float | None = None, cards: list[Card] | None = None) -> KtpReading:
    """Find the KTP on a page (or a photo of the card) and read its front.

    ``cards``: the page's cards when already found (:func:`find_cards`). The reading's
    ``upright_angle`` tells how the page is turned so that the front reads upright.
    """
    rgb = to_rgb(img)
    if cards is None:
        cards = find_cards(rgb, dpi=dpi)
    best: KtpReading | None = None
    for card in cards:
        reading = None
        if print_share(card.image) < MIN_PRINT_SHARE:
            continue  # the back of the card: security print only
        for candidate in (card, card.flipped()):
            reading = read_card(candidate.image)
            if reading is not None:
                reading.upright_angle = candidate.upright_angle
                break
        if reading is not None and (best is None or reading.confidence > best.confidence):
            best = reading
            best.color = color_stats(card.image)[0]
    if best is None:
        color = color_stats(cards[0].image)[0] if cards else color_stats(rgb)[0]
        return KtpReading(found=False, cards=len(cards), color=color)
    best.cards = len(cards)
    return best


__all__ = ["Card", "KtpReading", "find_cards", "nik_agrees", "nik_structure_ok", "print_share",
           "read_card", "read_ktp"]
