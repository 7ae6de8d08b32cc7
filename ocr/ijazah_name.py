"""Where an ijazah names its holder: after a "Nama" label or a cue ("diberikan kepada",
"menerangkan bahwa"), on the cue's row, in the gap below it or the row after, and the line
under a long name that goes on there."""
from __future__ import annotations

import re
import statistics

from rapidfuzz import fuzz

from ocr.ijazah_line import in_small_capitals, name_of, settled
from ocr.ijazah_witness import MARGIN, WITNESS_SCORE, gap_name, reading
from ocr.ijazah_words import Pixels, Row, after, reread, stack_rows, value_words

TRANSLATION_GAP = 4.0  # a row this many cue heights below, past a line that is no name
CONTINUED_CAPITALS = 0.7   # of its letters: a name's second line in capitals (or Title Case)
INK_UNDER = 0.25       # of the width under a name: print there may be its second line
GAP_SCALE = 2.0        # a label's value or a gap under a cue read as nothing: read again
#                        so enlarged
TALL_VALUE = 1.2       # of a label's height: room above and below it for a large value
DESCENDER = 1.35       # a word's height with a hanging letter, of its height without
HANGING_LOW = 0.55     # of a name's word height: a line below this low may still be its rest
#                        when a letter of the name hangs below its line
CONTINUED_GAP = 0.9    # a name's second line starts within this many letter heights below
PATRONYMIC_GAP = 2.5   # ... or this many when it starts with "bin"/"binti": a form's next row
#                        whose label column is empty, set there for a long name's father's
PATRONYMIC = re.compile(r"(?:b[il1|]n(?:t[il1|])?|bt)\.?", re.I)
LABEL_COLON_WORDS = 3  # words after "Nama" a colon ending its label may stand in
LABEL_WORDS = ("nama", "lengkap", "peserta", "didik", "siswa", "santri", "mahasiswa")
UNSURE_LABEL = 60      # a row's first word read below this (0-100) may be a label misread
LABEL_AGAIN = 80       # a word so alike one of LABEL_WORDS (0-100) is the label read again
# a row's number before its label ('1. Nama'; its dot may be lost: '1 Nama'; its 1 read
# as letters: 'Il. Nama'), after a frame's marks read as a few pieces of a letter or two
# ('V | IL Nama'; 'Go. nama': a copy's streak) or a number of a page copied beside it
# ('1800 Nama': a transcript's column; not a year, which ends a sentence)
NUMBERED = (r"^(?:\S{1,2}[.,]?\s+|(?!(?:19|20)\d\d\b)[\d.,]{3,6}\s+(?=\D)){0,3}?\W{0,3}"
            r"(?:\d{1,2}(?:\s?[.)]\s*|\s+)|[Il|]{1,2}[.)]\s*)?")
# what a diploma calls its holder, after "Nama" or a cue ("menerangkan bahwa santri :")
HOLDER = (r"peserta\s+(?:didik|ujian)|siswa|mahasiswa|pelajar|murid|santri|taruna|"
          r"warga\s+belajar")
# 'Nama Santri' read as one word ('NamaSani': a phone scan lost the space) is a label too,
# and 'Nam:' ("Nama" its last letter lost against its colon)
GLUED_WORD = r"(?-i:[A-Z][a-z]{2,})\b"
LABEL = re.compile(NUMBERED + r"n\s?a\s?(?:m|rn)\s?(?:a|(?=[:;]))(?:\b|(?=" + GLUED_WORD + r"))"
                   r"(?P<qual>(?:" + GLUED_WORD + r")?(?:\s+(?:lengkap|" + HOLDER +
                   r"|pemilik|pemegang(?:\s+ijazah)?))*)\s*[:;.,]?\s*"
                   r"(?P<rest>.*)$", re.I)
# (marks read between "Nama" and its word, a frame's or a dash, not a colon: 'NAMA — ORANG
# TUAWALI')
OTHER_NAME = re.compile(NUMBERED + r"n\s?a\s?(?:m|rn)\s?a\s*(?:[^\w\s:;]+\s*)*"
                        r"(?:sekolah|orang|ora(?:ng?)?\b|ayah|ibu|"   # 'Nama Ora': its end shaded
                        r"wali|kepala|satuan|program|perguruan|madrasah|lembaga|ortu"
                        r"|(?:\S+\s+){0,2}tua\b"   # 'Orang Tua', 'Orang' lost, cut or
                        #                             read as a mark ('Nama » Tua/Wali')
                        r"|(?:\S+\s+){0,2}[a-z]*/\s*w[a-z]{1,3}\b)",   # '... Tua/Wali', 'Tua'
                        re.I)                       # misread ('Orai ua/wali')
# a cue's verb, its "bahwa" (misread 'bawa'), and the holder's kind that may follow it
CUE_VERB = r"(?:menerangkan|menyatakan|menetapkan)"
BAHWA = r"b[a-z]{0,2}wa\b"
HOLDER_KIND = r"(?:\s+(?:" + HOLDER + r")\b)?\s*[:;.]?"
CUE = re.compile(r"\b(?:(?:diberikan\s+)?kepada(?:\s+(?:saudara|saudari|sdri?)\b\.?)?|"
                 + CUE_VERB + r"(?:\s+[a-z]+){0,2}?\s+" + BAHWA + "|"
                 #                  'dengan sesungguhnya' between, 'bahwa' misread ('bawa')
                 r"dengan\s+\w{0,3}ni\b[^:]{0,30}?\bb[a-z]hwa|"   # its verb or 'bahwa' misread
                 r"diberikan(?=\s*[:;]?\s*$)|"      # its 'kepada:' alone below, unread
                 r"(?:yang\s+)?bernama|"              # 'peserta didik yang bernama'
                 r"\w?tas\s+(?:[a-z]ama|narna)\b|"   # 'atas nama', its a misread as u,
                 #                                     its n as m or p ('atas pama')
                 r"confers\s+up[a-z]n|(?:is\s+)?awarded\s+to|certif(?:[yv]|ies)\s+that)\b"
                 + HOLDER_KIND,   # '... bahwa santri :'
                 re.I)   # a bilingual diploma's English under its Indonesian ('upon' read
#                          'upan', 'certify' read 'certifv' too)

# a cue's verb ending a row and its "bahwa" beginning the next ('... dengan ini menyatakan'
# / 'bahwa'): the sentence wrapped where the line was full
CUE_VERB_END = re.compile(r"\b" + CUE_VERB + r"\s*$", re.I)
CUE_END = re.compile(BAHWA + HOLDER_KIND, re.I)


# "atas nama Senat ...": a cue's words followed by a body that signs, not by the holder
SIGNING_BODY = re.compile(r"(?:senat|rektor|dekan|menteri|pemerintah|republik|universitas|"
                          r"institut|kepala|direktur|ketua|yayasan)\b", re.I)

CUE_RUN = 8            # letter heights a cue's row is read on past its last word read
#                        (the rest of a cue Tesseract read only in part)
SENTENCE_WORDS = 3     # words in small letters that make a line running text, however read


def _sentence(row: Row) -> bool:
    """Whether ``row`` holds a word of running text (three letters or more in small
    letters, read surely: 'upon') or several words in small letters however unsurely read
    ('Ibis is to certify uhat'), which no name line holds."""
    small = [w for w in row.words if re.fullmatch(r"[a-z]{2,}", w["text"].strip(".,:;"))]
    return any(len(w["text"].strip(".,:;")) >= 3 and w["conf"] >= 80 for w in small) or \
        len(small) >= SENTENCE_WORDS


def _right_of(row: Row, words: list[dict], pad: float = 0.6
              ) -> tuple[float, float, float, float]:
    """The box of ``row`` to the right of ``words`` (a label), taller by ``pad`` of its
    height above and below."""
    pad *= row.bottom - row.top
    return (max(w["left"] + w["width"] for w in words) + 2, row.top - pad, 10 ** 6,
            row.bottom + pad)


def _value_right_of(row: Row, label: list[dict], pixels: Pixels | None) -> list[dict]:
    """The words to the right of a ``label`` the page's reading found alone on its ``row``;
    when read as nothing, read again enlarged in a box tall enough for a name in letters
    twice the label's (print of the rows above and below read there left out)."""
    words = reread(pixels, _right_of(row, label))
    if words:
        return words
    lines = _lines(reread(pixels, _right_of(row, label, pad=TALL_VALUE), scale=GAP_SCALE))
    middle = (row.top + row.bottom) / 2
    return min(lines, key=lambda r: abs((r.top + r.bottom) / 2 - middle)).words \
        if lines else []


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
    # a frame's or a rule's piece read on the name's row ('—') is no part of its line
    words = [w for w in value_words(words) if re.search(r"[A-Za-z0-9]", w["text"])]
    if found is None or not words:
        return found
    height = _body_height(words)
    left = min(w["left"] for w in words)
    right = max(w["left"] + w["width"] for w in words)
    bottom = max(w["top"] + w["height"] for w in words)
    nxt = rows[k + 1] if k + 1 < len(rows) else None
    if nxt is not None and (nxt.top - bottom <= (CONTINUED_GAP + 0.6) * height or
                            nxt.top - bottom <= PATRONYMIC_GAP * height and
                            _patronymic(nxt.words, left, height)):
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
    # marks that are neither letters, digits nor a label's colon: a frame's or a rule's
    # piece read at the row's end ('—'), which would make the line look wider and lower
    line = [w for w in line if re.search(r"[A-Za-z0-9:]", w["text"])]
    if not line:
        return found
    n_left = min(w["left"] for w in line)
    n_right = max(w["left"] + w["width"] for w in line)
    n_height = _body_height(line)
    centred = abs(n_left + n_right - left - right) <= 3 * height   # under a centred name
    if n_left < left - 2 * height and not centred or \
            not HANGING_LOW * height <= n_height <= 1.4 * height:
        return found
    if abs(n_left - left) > 2 * height and not centred:
        return found
    text = " ".join(w["text"] for w in line)
    chars = re.sub(r"[^A-Za-z]", "", text)
    titled = all(w["text"].lstrip("\"'(-")[:1].isupper() for w in line)
    if re.search(r"[0-9:]", text) or len(chars) < 2 or not titled and \
            sum(c.isupper() for c in chars) < CONTINUED_CAPITALS * len(chars):
        return found   # a sentence or a label's row, not the rest of a name
    if n_height < 0.7 * height:
        return None   # lower than the name's words, yet their boxes may take in a letter
        #               hanging below the line ('Rafii' in an italic whose f hangs): the
        #               rest of the name may stand there, so it is not cut short
    # a name is set in one type: the rest of a name in small letters ('Mulyono') is in
    # small letters too, though its letters may stand at two heights only ('Purnomo')
    more = name_of(line, pixels, capitals=not _small_letters(words, pixels))
    if more is None:
        return None
    return f"{found[0]} {more[0]}", min(found[1], more[1]), found[2] + more[2]


def _patronymic(words: list[dict], left: float, height: float) -> bool:
    """Whether ``words`` begin with "bin"/"binti" where a name above begins (its value
    column): the father's name a form set on its next row, the label there left empty."""
    words = sorted(words, key=lambda w: w["left"])
    return bool(words) and abs(words[0]["left"] - left) <= height and \
        PATRONYMIC.fullmatch(words[0]["text"]) is not None


def _body_height(words: list[dict]) -> float:
    """The typical height of ``words`` above their baseline: a word in mixed case with a
    letter that hangs below it ('Sugeng', 'Hidayat') stands taller by its descender than
    one without ('Kurniawan') although set in the same type."""
    return statistics.median(w["height"] / DESCENDER if re.search(r"[gjpqy]", w["text"])
                             else w["height"] for w in words)


def _small_letters(words: list[dict], pixels: Pixels | None) -> bool:
    """Whether the line of ``words`` is surely set in small letters: read so, with a letter
    reaching above or below the small letters' height, and not set in small capitals."""
    return any(w["conf"] >= 80 and re.search(r"[bdfhklgjpqy]", w["text"])
               and re.fullmatch(r"[A-Z]?[a-z]+", w["text"].strip(".,")) for w in words) \
        and not in_small_capitals(words, pixels)


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


def _name_below(rows: list[Row], i: int, pixels: Pixels | None, below: bool = False
                ) -> tuple[str, float, list] | None:
    """The name on the row after row ``i``, or in the gap below it when nothing was read
    there although the gap holds a line; the row after the gap when that line is no name
    (a bilingual diploma's translation of the cue, in small italics), or the gap below
    that translation when nothing was read there (``below``: row ``i`` is the translation
    already)."""
    # rows of marks only ('|', a piece of a ribbon's outline) are no line of the page
    rows = rows[:i + 1] + [r for r in rows[i + 1:] if re.search(r"[A-Za-z0-9]{2}", r.text)]
    row = rows[i]
    height = row.bottom - row.top
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    if nxt is not None and nxt.top - row.bottom < 1.6 * height:
        if LABEL.match(nxt.text):
            return None
        found = _continued(rows, i + 1, nxt.words, name_of(nxt.words, pixels), pixels)
        if found is None and _sentence(nxt) and not CUE.search(nxt.text) and \
                i + 2 < len(rows) and \
                not LABEL.match(rows[i + 2].text) and \
                rows[i + 2].top - row.bottom < TRANSLATION_GAP * height:
            found = _continued(rows, i + 2, rows[i + 2].words,   # the cue's translation
                               name_of(rows[i + 2].words, pixels), pixels)  # misread
        elif found is None and _sentence(nxt) and not CUE.search(nxt.text) and not below:
            found = _name_below(rows, i + 1, pixels, below=True)   # ... and the name in
            #                                                        the gap under it
        return found
    bottom = nxt.top if nxt is not None else row.bottom + 4 * height
    left, right = _text_span(rows)
    gap = (left, row.bottom + 1, right, bottom - 1)
    words = _lettered(reread(pixels, gap)) or _lettered(reread(pixels, gap, scale=GAP_SCALE))
    #       a gap read as nothing at the page's size (a large line, specks), or as marks
    #       only (the rule under a name in a script face read '—')
    m = LABEL.match(" ".join(w["text"] for w in words))
    after_label = False
    if m and not OTHER_NAME.match(m.group(0)):   # the missed row held "Nama : ..." itself
        label = words
        words = after(Row(words, 0, 0), m.start("rest"))
        if not words:   # ... its value not read: the gap's line is right of the label
            gap = (max(w["left"] + w["width"] for w in label) + 2, *gap[1:])
            after_label = True
    elif any(_sentence(r) or CUE.search(r.text) for r in _lines(words)):
        lines = [r for r in _lines(words) if not _sentence(r) and not CUE.search(r.text)]
        words = lines[0].words if lines else []   # the cue's translation over the name
    found = name_of(words, pixels) if words else gap_name(pixels, gap, after_label)
    #                                     read as nothing: a faded line, which the line
    #                                     recognizer may read
    if found is None and nxt is not None and not LABEL.match(nxt.text) and \
            nxt.top - row.bottom < TRANSLATION_GAP * height:
        found = _continued(rows, i + 1, nxt.words, name_of(nxt.words, pixels),
                           pixels)   # the gap held the cue's translation, not a name
    return found


def _lettered(words: list[dict]) -> list[dict]:
    """``words``, or none when not one of them holds a letter."""
    return words if any(re.search(r"[A-Za-z]", w["text"]) for w in words) else []


def _lines(words: list[dict]) -> list[Row]:
    """``words`` read again in a gap, in the lines they stand in (top to bottom)."""
    return stack_rows([(w["top"], w["top"] + w["height"], [w])
                       for w in sorted(words, key=lambda w: w["top"] + w["height"] / 2)], 1)


def _translation_of(cue: Row, row: Row) -> bool:
    """Whether ``row`` stands close enough under the cue row ``cue`` to be its translation
    (or the cue said again round the name) rather than a later sentence of the page."""
    return row.top - cue.bottom < TRANSLATION_GAP * (cue.bottom - cue.top)


def find_name(rows: list[Row], pixels: Pixels | None = None
              ) -> tuple[str | None, float, int | None]:
    """(name, confidence, row index) from the cue that introduces the holder; when the
    page's reading shows no cue, from a cue the line recognizer reads on a sentence's row
    that Tesseract misread ('dengan ini meny' for 'dengan ini menyatakan bahwa')."""
    found = _find_name(rows, pixels)
    if found[0] is None and pixels is not None and \
            (labels := _labels_read_again(rows, pixels)) is not rows:
        again = _find_name(labels, pixels)
        if again[0] is not None:
            return again
    if found[2] is not None or pixels is None:
        return found
    cues = _cues_read_again(rows, pixels)
    return _find_name(cues, pixels) if cues is not rows else found


def _labels_read_again(rows: list[Row], pixels: Pixels) -> list[Row]:
    """``rows`` with a row's first word that Tesseract read unsurely (below
    UNSURE_LABEL) and the line recognizer reads surely as "Nama" made that reading, or
    ``rows`` themselves when none is: a label misread on grainy print ('Tama.') hid the
    holder's row."""
    out = list(rows)
    for i, row in enumerate(rows):
        first = row.words[0]
        if len(row.words) < 2 or first["conf"] >= UNSURE_LABEL or LABEL.match(row.text):
            continue
        height = row.bottom - row.top
        read = reading(pixels, (first["left"] - height / 2, row.top - MARGIN * height,
                                first["left"] + first["width"] + height / 2,
                                row.bottom + MARGIN * height))
        text = read.text.strip(" .:;") if read else ""
        if read is None or read.score < WITNESS_SCORE or \
                not re.fullmatch(r"nama", text, re.I):
            continue
        words = [dict(first, text=text, conf=round(100 * read.score)), *row.words[1:]]
        relabelled = Row(words, row.top, row.bottom)
        if not OTHER_NAME.match(relabelled.text):
            out[i] = relabelled
    return out if out != rows else rows


def _cues_read_again(rows: list[Row], pixels: Pixels) -> list[Row]:
    """``rows`` with a sentence's row (words in small letters) that the line recognizer
    reads as a cue ending the row made that cue's reading (one word over the row), or
    ``rows`` themselves when none is."""
    out = list(rows)
    for i, row in enumerate(rows):
        if not any(re.fullmatch(r"[a-z]{2,}", w["text"]) for w in row.words):
            continue
        height = row.bottom - row.top
        left = min(w["left"] for w in row.words)
        right = max(w["left"] + w["width"] for w in row.words)
        read = reading(pixels, (left - height, row.top - MARGIN * height,
                                right + CUE_RUN * height, row.bottom + MARGIN * height))
        text = read.text.strip(" .:;") if read else ""
        m = CUE.search(text)
        if m is None or read.score < WITNESS_SCORE or text[m.end():].strip(" .:;"):
            continue
        out[i] = Row([dict(row.words[0], text=text, left=left, width=right - left,
                           conf=round(100 * read.score))], row.top, row.bottom)
    return out if out != rows else rows


def _past_label_colon(words: list[dict]) -> list[dict]:
    """``words`` (what follows a row's "Nama") from past a colon in the first few: the
    label went on to it, a word of another script read among its words ('Nama Map
    Lengk: HERU SAPUTRO', the Arabic under 'Nama Lengkap' read as 'Map'). A name has no
    colon."""
    for k, word in enumerate(words[:LABEL_COLON_WORDS]):
        if word["text"].endswith((":", ";")) and k + 1 < len(words):
            return words[k + 1:]
    return _past_label_again(words)


def _past_label_again(words: list[dict]) -> list[dict]:
    """``words`` from the run of words in capitals that ends them, where a label's word
    read again stands before it ('ama Lengkap Lengka besi . TEGUH SUTRISNO': a faded
    label and the script under it read twice); ``words`` otherwise."""
    k = len(words)
    while k and re.fullmatch(r"[A-Z][A-Z'.-]+", words[k - 1]["text"]):
        k -= 1
    before = [re.sub(r"[^a-z]", "", w["text"].lower()) for w in words[:k]]
    if 0 < k < len(words) and any(
            fuzz.ratio(b, label) >= LABEL_AGAIN for b in before if len(b) >= 3
            for label in LABEL_WORDS):
        return words[k:]
    return words


def _name_in_sentence(words: list[dict]) -> tuple[list[dict], bool]:
    """The holder's name where a sentence names them and runs on past the name ('... bahwa
    RAFII, lahir di Pangkalan Bun ...'): the words in capitals or Title Case up to the
    comma that closes it (a mark read beside the comma: 'SAPUTRO),') or up to a word in
    small letters, when the sentence goes on in small letters; and whether it did (the
    name then ends there). Else ``words`` as they are: a word of another kind after the
    name's first words may be its misread rest."""
    taken: list[dict] = []
    closed = False
    for w in words:
        if not re.fullmatch(r"[A-Z][A-Za-z'.-]*[^\w\s]{0,3}", w["text"]):
            break
        if re.search(r"[^\w\s.'-]$", w["text"]) and "," not in w["text"]:
            break   # a word ending in another mark: no name's end told
        taken.append(w)
        if "," in w["text"]:
            closed = True
            break
    following = words[len(taken):]
    small = [w for w in following if re.fullmatch(r"[a-z]{2,}[,.]?", w["text"])]
    ends = closed or (small and small[0] is following[0])   # or a small word right after
    if not taken or not ends or len(small) < SENTENCE_WORDS - 1:
        return words, False
    last = taken[-1]
    return taken[:-1] + [dict(last, text=re.sub(r"[^A-Za-z.'-]+$", "", last["text"]))], True


def _find_name(rows: list[Row], pixels: Pixels | None
               ) -> tuple[str | None, float, int | None]:
    for i, row in enumerate(rows):        # a "Nama" label first: the most explicit cue
        m = LABEL.match(row.text)
        if not m or OTHER_NAME.match(row.text):
            continue
        label = after(row, 0)[:len(row.text[:m.start("rest")].split())]
        rest = _past_label_colon(value_words(after(row, m.start("rest"))))
        if rest:
            found = _continued(rows, i, rest, name_of(rest, pixels, row), pixels) \
                or (name_of(_value_right_of(row, row.words, pixels), pixels, row)
                    if len(rest) == 1 else None)
            #      (a label's word or its translation read past it, the value unread:
            #      'Nama Lengka' where the name stands further right in its cell)
        else:
            found = name_of(_value_right_of(row, label, pixels), pixels, Row(label, 0, 0)) \
                or _name_below(rows, i, pixels) \
                or gap_name(pixels, _right_of(row, label, pad=TALL_VALUE), after_label=True)
        found = settled(found, pixels)
        return (found[0], found[1], i) if found else (None, 0.0, i)
    first = None
    for i, row in enumerate(rows):        # else a sentence that introduces the holder: the
        m = CUE.search(row.text) or (     # next one when the first is followed by its own
            CUE_END.match(row.text) if i and CUE_VERB_END.search(rows[i - 1].text)
            else None)                    # translation ("kepada" / "confers upon"); a cue
        if not m:                         # cut after its verb ends on the next row's "bahwa"
            continue
        if first is not None and not _translation_of(rows[first], row):
            break   # a later sentence's "kepada" names no holder ('PANGKALAN BUN')
        rest, ran_on = _name_in_sentence(value_words(after(row, m.end())))
        if rest and SIGNING_BODY.match(rest[0]["text"]):
            continue   # 'Rektor, atas nama Senat Institut, ...': the holder comes later
        if ran_on:
            found = name_of(rest, pixels, row, until=rest[-1]["left"] + rest[-1]["width"])
        else:
            found = _continued(rows, i, rest, name_of(rest, pixels, row), pixels) \
                if rest else None
        # nothing after the cue, or words up to a colon that name nobody ('bahwa peserta
        # didik Program Paket A setara SD/MI :'): the holder stands below
        after_cue = value_words(after(row, m.end()))
        if found is None and (not rest or any(":" in w["text"] for w in after_cue)):
            found = _name_below(rows, i, pixels) or (None if rest else gap_name(
                pixels, _right_of(row, row.words, pad=TALL_VALUE)))
            #      (a name beside its cue that the page's reading left out)
        found = settled(found, pixels)
        if found:
            return found[0], found[1], i
        first = i if first is None else first
    return None, 0.0, first
