"""Reading an ijazah (school or university diploma) by its words, whatever its design.

The page is read once with Tesseract (``ind``) at about 150 dpi, keeping each word's box
and confidence. Words are put back into the rows they stand in on paper (a label and its
value in separate columns are one row). Then:

- the name is the row after a cue ("Nama :", "Nama Peserta Didik", "diberikan kepada",
  "menerangkan bahwa"), on the cue's row or the next one, kept only when it looks like a
  name and was read with confidence;
- the level comes from the programme the title prints ("SEKOLAH MENENGAH KEJURUAN",
  "PROGRAM PAKET C", "DIPLOMA III"), found through the levels and aliases of rules.yaml;
- the year from "TAHUN PELAJARAN 2002/2003", "lulus ... 2003" or the date it was signed;
- the school and the diploma number where printed.

A value that is not read with confidence is left out (None): a person looks at it.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from formgen.domain import education
from ocr.features import color_stats, to_rgb
from ocr.findings import Finding
from ocr.ijazah_text import PageText, keyword_count, page_text
from ocr.ijazah_words import (
    NAME_MEAN_CONF,
    Pixels,
    Row,
    after,
    candidate,
    first_glyph_is_t,
    ink_end,
    line_crop,
    reread,
    rows_of,
    sure,
    value_words,
)
from ocr.names import (
    letter_apart,
    letters,
    maybe_split,
    short,
    short_name_agreed,
    spelled_near,
)

AGREED_CONF = 50.0     # two readings spelling the name alike: each at least this sure
TRANSLATION_GAP = 4.0  # a row this many cue heights below, past a line that is no name
CONTINUED_CAPITALS = 0.7   # of its letters: a name's second line in capitals (or Title Case)
INK_UNDER = 0.25       # of the width under a name: print there may be its second line
CONTINUED_GAP = 0.9    # a name's second line starts within this many letter heights below
NAME_MARGIN = 3.0      # a name's line read again this many letter heights beyond its words
CUT_EDGE = 0.25       # a word read this close to the box's end (letter heights) may go on
REREAD_SCALES = (2.0, 3.0)   # a name's line read again, enlarged, as a share of the page as read
LABEL = re.compile(r"^\W{0,3}(?:nama|narna|nam a)\b(?P<qual>(?:\s+(?:lengkap|peserta\s+didik|"
                   r"siswa|mahasiswa|pelajar|murid|santri|taruna|warga\s+belajar|pemilik|"
                   r"pemegang(?:\s+ijazah)?))*)\s*[:;.,]?\s*"
                   r"(?P<rest>.*)$", re.I)
OTHER_NAME = re.compile(r"^\W{0,3}nama\s+(?:sekolah|orang|ayah|ibu|wali|kepala|satuan|program|"
                        r"perguruan|madrasah|lembaga|ortu)", re.I)
CUE = re.compile(r"\b(?:(?:diberikan\s+)?kepada(?:\s+(?:saudara|saudari|sdri?)\b\.?)?|"
                 r"(?:menerangkan|menyatakan)\s+bahwa|"
                 r"diberikan(?=\s*[:;]?\s*$)|"      # its 'kepada:' alone below, unread
                 r"(?:yang\s+)?bernama|"              # 'peserta didik yang bernama'
                 r"\w?tas\s+nama|"                   # 'atas nama', its a misread as u
                 r"confers\s+upon|(?:is\s+)?awarded\s+to|certif(?:y|ies)\s+that)\b\s*[:;]?",
                 re.I)   # a bilingual diploma's English under its Indonesian
SCHOOL = re.compile(r"\b(?:(?:SD|SMP|SMA|SMK|MI|MTs|MA|SDN|SMPN|SMAN|SMKN|MIN|MTsN|MAN)\s+"
                    r"(?:NEGERI|SWASTA|N|ISLAM|KATOLIK|KRISTEN|MUHAMMADIYAH|IT)\b"
                    r"|(?:UNIVERSITAS|POLITEKNIK|INSTITUT|AKADEMI|SEKOLAH\s+TINGGI|PKBM)\s)"
                    r"[A-Za-z0-9 .'-]{2,60}", re.I)
SCHOOL_LABEL = re.compile(r"(?:satuan\s+pendidikan|nama\s+sekolah|asal\s+sekolah|"
                          r"nama\s+madrasah|perguruan\s+tinggi)\s*[:;.]?\s*(?P<rest>.+)$", re.I)
NUMBER = re.compile(r"(?:No(?:mor)?\.?\s*(?:Seri\s*)?(?:Ijazah)?\s*[:;.]\s*(?P<a>[A-Za-z0-9./ -]"
                    r"{5,40}))|(?P<b>\bDN\s*-\s*\d{2}\s*[A-Za-z]{1,2}\.?\s*\d{5,8}\b)", re.I)
MONTHS = ("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
          "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER")


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

    def findings(self) -> list[Finding]:
        """Findings of kind ``ijazah`` (compared with the roster later, in ingest)."""
        def one(name: str, value) -> Finding:
            conf = round(self.confidences.get(name, self.confidence if value else 0.0), 3)
            return Finding("ijazah", name, value, conf, note=None if value else "unreadable")

        return [one("jenjang", self.jenjang), one("nama", self.nama),
                one("tahun", self.tahun), one("sekolah", self.sekolah),
                one("nomor", self.nomor), Finding("ijazah", "color", self.color, 0.9)]



def _name_of(words: list[dict], pixels: Pixels | None, row: Row | None = None
             ) -> tuple[str, float, list] | None:
    """(NAME, confidence 0..1) in ``words``, checked on their line read again on its own,
    enlarged twice (and three times when the two disagree): the page's layout sometimes
    loses a letter of a large name, a script face or a faint print reads better enlarged.
    A name two readings spell alike is taken; a lone reading only when sure and no other
    sure reading contradicts it. Pieces ('AB DUL') stand only when two readings cut them alike.
    Every reading made comes third: a short name is settled on all of them (see settled)."""
    words = value_words(words)
    first = candidate(words)
    if not words or pixels is None:
        return (first[0], round(first[1] / 100, 3), [first]) \
            if sure(first) and not maybe_split(first[0]) else None
    # The line's height and band from its words, not from an outline's marks read beside
    # them ('Z', '(' of a ribbon's tails), which would take in the line above.
    core = [w for w in words if len(re.sub(r"[^A-Za-z]", "", w["text"])) >= 2] or words
    height = max(w["height"] for w in core)
    band = (min(w["top"] for w in core), max(w["top"] + w["height"] for w in core))
    # Word boxes of a large face may leave out a letter they read: a wide margin each side,
    # but not over the label or cue before the name on its row (small print beside large
    # defeats the reading of the line).
    start = min(w["left"] for w in words)
    before = [w["left"] + w["width"] for w in (row.words if row else ())
              if w["left"] + w["width"] <= start]
    # ... and to the end of the print the words stand in: a large name's last letters left
    # out of its word boxes would otherwise be cut off by the box ('WAHY' for 'WAHYU').
    end = ink_end(pixels.small, band, max(w["left"] + w["width"] for w in words), height)
    box = (max(start - NAME_MARGIN * height, max(before, default=-10 ** 6) + 1),
           band[0] - height / 2, end + NAME_MARGIN * height, band[1] + height / 2)
    readings = [first] if first and first[1] >= AGREED_CONF else []
    seen = {letters(first[0])} if first else set()   # however unsurely read
    every = [first] if first else []
    found_short = None
    for scale in REREAD_SCALES:
        line = _on_line(reread(pixels, box, scale=scale, lead=True), band)
        cut = any(w["left"] + w["width"] >= box[2] - CUT_EDGE * height for w in line)
        again = None if cut else candidate(value_words(line))   # print on past the box
        if again is not None:
            seen.add(letters(again[0]))
            every.append(again)
        if again is None or again[1] < AGREED_CONF:
            continue
        for other in readings:
            if letters(other[0]) != letters(again[0]):
                continue
            whole = [r for r in (again, other) if not maybe_split(r[0])]
            pick = whole[0] if whole else again \
                if again[0] == other[0] and not letter_apart(again[0]) else None
            if pick is not None and len({s for s in _spacings(pick[0], every)
                                         if not maybe_split(s)}) > 1:
                pick = None   # another reading cut it into words otherwise ('FAHR URRAZI')
            conf = min(other[1], again[1])
            if pick is not None and conf < NAME_MEAN_CONF and \
                    spelled_near(pick[0], seen):
                pick = None   # agreed, but not surely, and another reading spelled it
                #               otherwise: a script face's F read as J twice ('JAUZIAH')
            if pick is not None and short(pick[0]):
                found_short = pick[0], round(conf / 100, 3)   # every reading made first
            elif pick is not None:
                return pick[0], round(conf / 100, 3), every
        readings.append(again)
    if found_short:
        return *found_short, _lookalike_settled(every, found_short[0], pixels, box, band)
    surely = [r for r in readings if sure(r)]
    if len({r[0] for r in surely}) == 1 and not maybe_split(surely[0][0]) \
            and not spelled_near(surely[0][0], seen) and \
            len(_spacings(surely[0][0], every)) == 1:
        # (and no reading, however unsure, cut it into words otherwise: 'RAHMAH AZIZAH')
        return surely[0][0], round(surely[0][1] / 100, 3), every
    return None


def _spacings(name: str, every: list) -> set[str]:
    """The ways ``every`` reading that spells ``name``'s letters cut them into words."""
    return {r[0] for r in every if letters(r[0]) == letters(name)}


def _lookalike_settled(every: list, name: str, pixels: Pixels, box: tuple, band: tuple
                       ) -> list:
    """``every`` reading of a short name, those that read its first letter T as I ('IRI'
    for 'TRI') spelled with T when the first letter's shape is clearly a T (a bar across
    the top, a narrow stem): the readings then agree."""
    rest = {r[0][1:] for r in every}
    firsts = {r[0][:1] for r in every}
    if len(rest) != 1 or firsts != {"T", "I"} or name[:1] != "T":
        return every
    scale = REREAD_SCALES[0]
    crop = line_crop(pixels, box, scale=scale, lead=True)   # as the line was read again
    if crop is None or not first_glyph_is_t(
            crop, ((band[0] - box[1]) * scale, (band[1] - box[1]) * scale)):
        return every
    return [("T" + r[0][1:], *r[1:]) for r in every]


def _sentence(row: Row) -> bool:
    """Whether ``row`` holds a word of running text (three letters or more in small
    letters, read surely: 'upon'), which no name line holds."""
    return any(re.fullmatch(r"[a-z]{3,}", w["text"].strip(".,:;")) and w["conf"] >= 80
               for w in row.words)


def _on_line(words: list[dict], band: tuple[float, float]) -> list[dict]:
    """The ``words`` reaching into the middle half of the line ``band`` (top, bottom) from
    above and below: print of the lines above and below, cut by the box, read apart (a
    word's box may take in such print above it: its foot still stands on the line)."""
    quarter = (band[1] - band[0]) / 4
    return [w for w in words if w["top"] + w["height"] > band[0] + quarter
            and w["top"] < band[1] - quarter]


def settled(found: tuple[str, float, list] | None) -> tuple[str, float] | None:
    """(name, confidence) of what :func:`_name_of` found, a short name (its line and any
    line that continues it) only when every reading agrees (see _short_name)."""
    if found is None:
        return None
    return _short_name(found[2]) if short(found[0]) else (found[0], found[1])


def _short_name(every: list[tuple[str, float, float]]) -> tuple[str, float] | None:
    """A short one-word name ('TRI', 'JOKO') from ``every`` reading of its line, taken as
    :func:`ocr.names.short_name_agreed` allows (every reading made: the line and its
    enlargements)."""
    if not every or not short(every[0][0]) or not short_name_agreed(
            every[0][0], [r[0] for r in every], sure=sum(sure(r) for r in every),
            all_made=len(every) == 1 + len(REREAD_SCALES)):
        return None
    return every[0][0], round(min(r[1] for r in every) / 100, 3)


def _right_of(row: Row, words: list[dict]) -> tuple[float, float, float, float]:
    """The box of ``row`` to the right of ``words`` (a label), a little taller."""
    pad = (row.bottom - row.top) * 0.6
    return (max(w["left"] + w["width"] for w in words) + 2, row.top - pad, 10 ** 6,
            row.bottom + pad)


def _text_span(rows: list[Row]) -> tuple[float, float]:
    """Left and right edge of the page's text (well read words), ornaments left outside."""
    words = [w for r in rows for w in r.words if w["conf"] >= 80 and len(w["text"]) >= 3]
    if not words:
        return 0, 10 ** 6
    height = statistics.median(w["height"] for w in words)
    return (min(w["left"] for w in words) - height,
            max(w["left"] + w["width"] for w in words) + height)


def _continued(rows: list[Row], k: int, words: list[dict],
               found: tuple[str, float, list] | None,
               pixels: Pixels | None) -> tuple[str, float, list] | None:
    """``found`` (read in ``words`` on row ``k``) with the rest of the name when it goes on
    in the line just below (a long name broken over two lines): a row close under it, as
    tall, starting where it starts (or centred under it), nothing in the label column; or,
    when the page's reading left no row there, print there read again. When that line
    cannot be read surely, None: the name is not cut short."""
    words = value_words(words)
    if found is None or not words:
        return found
    height = statistics.median(w["height"] for w in words)
    left = min(w["left"] for w in words)
    right = max(w["left"] + w["width"] for w in words)
    bottom = max(w["top"] + w["height"] for w in words)
    nxt = rows[k + 1] if k + 1 < len(rows) else None
    if nxt is not None and nxt.top - bottom <= (CONTINUED_GAP + 0.6) * height:
        line = nxt.words   # a row the page's reading made there: judged as it stands (the
        #                    value column of 'Tempat ... Lahir : Palangka Raya' read alone
        #                    would look like the rest of a name)
    elif _ink_under(pixels, (left - height, bottom + 0.15 * height, right + height,
                             bottom + (CONTINUED_GAP + 0.6) * height)):
        line = reread(pixels, (left - 2 * height, bottom + 0.1 * height, right + 2 * height,
                               bottom + (CONTINUED_GAP + 1.4) * height), scale=2.0, lead=True)
        if not line:
            return found   # a flourish of the name's face, read as nothing
    else:
        return found
    n_left = min(w["left"] for w in line)
    n_right = max(w["left"] + w["width"] for w in line)
    n_height = statistics.median(w["height"] for w in line)
    if n_left < left - 2 * height or not 0.7 * height <= n_height <= 1.4 * height:
        return found
    if abs(n_left - left) > 2 * height and abs(n_left + n_right - left - right) > 3 * height:
        return found
    text = " ".join(w["text"] for w in line)
    chars = re.sub(r"[^A-Za-z]", "", text)
    titled = all(w["text"].lstrip("\"'(-")[:1].isupper() for w in line)
    if re.search(r"[0-9:]", text) or len(chars) < 2 or not titled and \
            sum(c.isupper() for c in chars) < CONTINUED_CAPITALS * len(chars):
        return found   # a sentence or a label's row, not the rest of a name
    more = _name_of(line, pixels)
    if more is None:
        return None
    return f"{found[0]} {more[0]}", min(found[1], more[1]), found[2] + more[2]


def _ink_under(pixels: Pixels | None, box: tuple[float, float, float, float]) -> bool:
    """Whether ``box`` of the page as read holds print across a good part of its width."""
    if pixels is None or pixels.small is None:
        return False
    h, w = pixels.small.shape[:2]
    x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
    x1, y1 = min(w, int(box[2])), min(h, int(box[3]))
    if x1 - x0 < 8 or y1 - y0 < 3:
        return False
    ink = pixels.small[y0:y1, x0:x1] < 128
    return bool(ink.any(axis=0).mean() > INK_UNDER and ink.mean() > 0.02)


def _name_below(rows: list[Row], i: int, pixels: Pixels | None
                ) -> tuple[str, float, list] | None:
    """The name on the row after row ``i``, or in the gap below it when nothing was read
    there although the gap holds a line; the row after the gap when that line is no name
    (a bilingual diploma's translation of the cue, in small italics)."""
    # rows of marks only ('|', a piece of a ribbon's outline) are no line of the page
    rows = rows[:i + 1] + [r for r in rows[i + 1:] if re.search(r"[A-Za-z0-9]{2}", r.text)]
    row = rows[i]
    height = row.bottom - row.top
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    if nxt is not None and nxt.top - row.bottom < 1.6 * height:
        if LABEL.match(nxt.text):
            return None
        found = _continued(rows, i + 1, nxt.words, _name_of(nxt.words, pixels), pixels)
        if found is None and _sentence(nxt) and not CUE.search(nxt.text) and \
                i + 2 < len(rows) and \
                not LABEL.match(rows[i + 2].text) and \
                rows[i + 2].top - row.bottom < TRANSLATION_GAP * height:
            found = _continued(rows, i + 2, rows[i + 2].words,   # the cue's translation
                               _name_of(rows[i + 2].words, pixels), pixels)  # misread
        return found
    bottom = nxt.top if nxt is not None else row.bottom + 4 * height
    left, right = _text_span(rows)
    words = reread(pixels, (left, row.bottom + 1, right, bottom - 1))
    m = LABEL.match(" ".join(w["text"] for w in words))
    if m and not OTHER_NAME.match(m.group(0)):   # the missed row held "Nama : ..." itself
        words = after(Row(words, 0, 0), m.start("rest"))
    found = _name_of(words, pixels)
    if found is None and nxt is not None and not LABEL.match(nxt.text) and \
            nxt.top - row.bottom < TRANSLATION_GAP * height:
        found = _continued(rows, i + 1, nxt.words, _name_of(nxt.words, pixels),
                           pixels)   # the gap held the cue's translation, not a name
    return found


def find_name(rows: list[Row], pixels: Pixels | None = None
              ) -> tuple[str | None, float, int | None]:
    """(name, confidence, row index) from the cue that introduces the holder."""
    for i, row in enumerate(rows):        # a "Nama" label first: the most explicit cue
        m = LABEL.match(row.text)
        if not m or OTHER_NAME.match(row.text):
            continue
        label = after(row, 0)[:len(row.text[:m.start("rest")].split())]
        rest = value_words(after(row, m.start("rest")))
        if rest:
            found = _continued(rows, i, rest, _name_of(rest, pixels, row), pixels)
        else:
            found = _name_of(reread(pixels, _right_of(row, label)), pixels, Row(label, 0, 0)) \
                or _name_below(rows, i, pixels)
        found = settled(found)
        return (found[0], found[1], i) if found else (None, 0.0, i)
    first = None
    for i, row in enumerate(rows):        # else a sentence that introduces the holder: the
        m = CUE.search(row.text)          # next one when the first is followed by its own
        if not m:                         # translation ("kepada" / "confers upon")
            continue
        rest = value_words(after(row, m.end()))
        found = settled(_continued(rows, i, rest, _name_of(rest, pixels, row), pixels) if rest
                        else _name_below(rows, i, pixels))
        if found:
            return found[0], found[1], i
        first = i if first is None else first
    return None, 0.0, first


def find_level(rows: list[Row], name_row: int | None) -> tuple[str | None, float]:
    """The level the title names: phrases count double, the title's rows double again;
    two levels named alike leave it unread."""
    scores: dict[str, float] = {}
    phrase_in_title = set()
    title_end = name_row if name_row is not None else max(1, len(rows) // 2)
    for i, row in enumerate(rows):
        # a diploma number's letters ('DN-29 Ma 2178491') code its issuer, not a level
        for m in education.mentions(NUMBER.sub(" ", row.text)):
            weight = (2.0 if m.phrase else 1.0) * (2.0 if i <= title_end else 1.0)
            scores[m.code] = scores.get(m.code, 0.0) + weight
            if m.phrase and i <= title_end:
                phrase_in_title.add(m.code)
    if not scores:
        return None, 0.0
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    if len(ranked) > 1 and ranked[1][1] >= 0.5 * score:
        return None, 0.0
    return best, 0.95 if best in phrase_in_title else 0.7


def find_year(rows: list[Row]) -> tuple[int | None, float]:
    """The year of graduation: school year, 'lulus ... YYYY', 'tahun YYYY', signing date."""
    votes: list[int] = []
    for row in rows:
        text = row.text
        if re.search(r"lahir", text, re.I):
            continue
        m = re.search(r"PELAJARAN\s*((?:19|20)\d\d)\s*[/-]\s*((?:19|20)\d\d)", text, re.I)
        if m and int(m.group(2)) - int(m.group(1)) == 1:
            votes += [int(m.group(2))] * 2
        for pattern in (r"lulus\D{0,40}?((?:19|20)\d\d)\b", r"tahun\s+((?:19|20)\d\d)\b",
                        r"\b\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b"):
            votes += [int(y) for y in re.findall(pattern, text, re.I)]
    if not votes:
        return None, 0.0
    counts = {y: votes.count(y) for y in votes}
    best = max(counts, key=lambda y: (counts[y], y))
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


def find_number(rows: list[Row]) -> tuple[str | None, float]:
    for row in rows:
        m = NUMBER.search(row.text)
        if m:
            value = (m.group("a") or re.sub(r"(?<=[A-Za-z])\.", " ", m.group("b"))).strip(" .:")
            if sum(c.isdigit() for c in value) >= 4:
                return " ".join(value.split()), 0.7
    return None, 0.0


def read_ijazah(img, *, dpi: float | None = None, read: PageText | None = None,
                upright=None) -> IjazahReading:
    """Read level, name, year, school and number from an ijazah page: ``img`` upright, or
    ``read`` (the page's OCR from :func:`page_text`) made already on the page ``upright``
    (a PIL image at the scan's resolution)."""
    rgb = to_rgb(img)
    if read is None:
        read = page_text(rgb, dpi=dpi)
        upright = rgb
    rows = rows_of(read.words)
    nama, name_conf, name_row = find_name(rows, Pixels(read.image, upright, read.levels))
    jenjang, level_conf = find_level(rows, name_row)
    tahun, year_conf = find_year(rows)
    sekolah, school_conf = find_school(rows)
    nomor, number_conf = find_number(rows)
    return IjazahReading(
        jenjang=jenjang, nama=nama, tahun=tahun, sekolah=sekolah, nomor=nomor,
        color=color_stats(rgb)[0], confidence=round(read.confidence, 3),
        keywords=keyword_count(read.text), text=read.text,
        confidences={"jenjang": level_conf, "nama": name_conf, "tahun": year_conf,
                     "sekolah": school_conf, "nomor": number_conf})
