"""Already-read applicants some of whose readings are unsure: work for the verification station.

Built with scansim.records (rows as ingest writes them, images drawn at the
workspace's dpi); walk-in permohonan pages are filled by hand in boxes whose
geometry is stored as a printed layout, so that a field's crop is a real box.
"""
from __future__ import annotations

import random

from PIL import Image, ImageDraw, ImageFont

from formgen.core.db import now
from formgen.core.workspace import Workspace
from ocr.geometry import Box, DocumentGeometry, PageGeometry
from scansim.records import (
    FONT,
    FONT_BOLD,
    add_finding,
    complete_applicant,
    mm_px,
    nik_for,
)

HAND = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"
LAYOUT_ID = "webtest1"
# name, label, x, y, w, h (mm)
BOXES = [("nama", "Nama lengkap", 60, 50, 130, 10), ("nik", "No. KTP / NIK", 60, 64, 130, 10),
         ("tempat_lahir", "Tempat lahir", 60, 78, 80, 10),
         ("tanggal_lahir", "Tanggal lahir", 60, 92, 60, 10),
         ("alamat", "Alamat rumah", 60, 106, 130, 10), ("no_hp", "Telepon / HP", 60, 120, 80, 10)]
FIRST = ["AHMAD", "SITI", "BUDI", "DEWI", "RUDI", "NUR", "AGUS", "RINA", "JOKO", "SRI", "YUDI",
         "LINA", "HADI", "TUTI", "ARIF", "MAYA"]
LAST = ["SANTOSO", "RAHAYU", "PRATAMA", "LESTARI", "HIDAYAT", "WULANDARI", "SAPUTRA", "ANGGRAINI",
        "KURNIAWAN", "PERMATA", "NUGROHO", "SARI"]


def layout() -> DocumentGeometry:
    boxes = tuple(Box(name=n, kind="text", rect=(x, y, w, h), key=n) for n, _, x, y, w, h in BOXES)
    page = PageGeometry(page=1, marks=((8, 8, 5), (202, 8, 5), (8, 289, 5), (202, 289, 5)),
                        qr=(170, 10, 25, 25), boxes=boxes)
    return DocumentGeometry(id=LAYOUT_ID, doc="permohonan", paper="A4", size_mm=(210, 297),
                            pages=(page,))


def store_layout(ws: Workspace) -> None:
    ws.conn.execute("INSERT OR IGNORE INTO layouts(id, doc, paper, geometry, created_at) "
                    "VALUES (?, 'permohonan', 'A4', ?, ?)", (LAYOUT_ID, layout().to_json(), now()))


def handwritten_page(values: dict[str, str], *, dpi: int, seed: int) -> Image.Image:
    """A permohonan page 1 with labelled boxes, values written in by hand (slanted, uneven)."""
    rng = random.Random(seed)
    img = Image.new("L", (mm_px(210, dpi), mm_px(297, dpi)), 248)
    draw = ImageDraw.Draw(img)
    draw.text((mm_px(20, dpi), mm_px(25, dpi)), "FR.APL.01 PERMOHONAN SERTIFIKASI KOMPETENSI",
              font=ImageFont.truetype(FONT_BOLD, mm_px(4.5, dpi)), fill=10)
    label_font = ImageFont.truetype(FONT, mm_px(3.2, dpi))
    for name, label, x, y, w, h in BOXES:
        draw.text((mm_px(20, dpi), mm_px(y + 3, dpi)), label, font=label_font, fill=30)
        draw.rectangle([mm_px(x, dpi), mm_px(y, dpi), mm_px(x + w, dpi), mm_px(y + h, dpi)],
                       outline=60, width=max(1, dpi // 150))
        text = values.get(name) or ""
        size = mm_px(rng.uniform(4.2, 5.2), dpi)
        draw.text((mm_px(x + 2 + rng.uniform(0, 3), dpi), mm_px(y + 1.5 + rng.uniform(0, 1), dpi)),
                  text, font=ImageFont.truetype(HAND, size), fill=rng.randint(15, 60))
    return img


def _misread(text: str, rng: random.Random) -> str:
    swaps = {"0": "8", "1": "7", "5": "6", "A": "R", "I": "1", "O": "0", "S": "5", "E": "F"}
    chars = list(text)
    for i in rng.sample(range(len(chars)), k=min(2, len(chars))):
        chars[i] = swaps.get(chars[i], chars[i])
    return "".join(chars)


def walk_in_form(ws: Workspace, applicant_id: int, person: dict, *, seed: int) -> int:
    """Give the applicant's permohonan page 1 hand-filled boxes read uncertainly."""
    rng = random.Random(seed)
    store_layout(ws)
    row = ws.conn.execute("SELECT id, image_path FROM pages WHERE applicant_id = ? AND "
                          "doc = 'permohonan' ORDER BY id LIMIT 1", (applicant_id,)).fetchone()
    values = {n: str(person.get(n) or "") for n, *_ in BOXES}
    handwritten_page(values, dpi=ws.settings.dpi, seed=seed).save(
        ws.root / row["image_path"], "JPEG", quality=85)
    ws.conn.execute("UPDATE pages SET layout_id = ? WHERE id = ?", (LAYOUT_ID, row["id"]))
    ws.conn.execute("DELETE FROM findings WHERE page_id = ? AND kind = 'field'", (row["id"],))
    for name, value in values.items():
        roll = rng.random()
        if roll < 0.35:
            reading, conf, note = None, 0.0, "handwritten"
        elif roll < 0.7:
            reading, conf, note = _misread(value, rng), rng.uniform(0.3, 0.55), None
        else:
            reading, conf, note = value, rng.uniform(0.4, 0.58), None
        ok = None if reading is None else reading == value
        add_finding(ws, row["id"], "field", name, reading, conf, note, expected=value, ok=ok)
    return row["id"]


def office_workspace(ws: Workspace, applicants: int, *, seed: int = 7) -> list[int]:
    """``applicants`` people with their paperwork; some walk-in forms and unsure KTP NIKs."""
    rng = random.Random(seed)
    ids = []
    for n in range(1, applicants + 1):
        nama = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        nik = nik_for(n, female=n % 2 == 0)
        override, skip = {}, ()
        if n % 3 == 1:
            override["ktp/nik"] = (_misread(nik, rng), 0.4, None)
        if n % 7 == 3:
            skip = ("ijazah",)
        app = complete_applicant(ws, nik=nik, nama=nama, skip=skip, override=override,
                                 no_hp=f"0812{rng.randint(10_000_000, 99_999_999)}")
        person = dict(ws.conn.execute("SELECT * FROM applicants WHERE id = ?", (app,)).fetchone())
        if n % 2 == 1:
            walk_in_form(ws, app, person, seed=seed * 1000 + n)
        ids.append(app)
    return ids


def batch_for(ws: Workspace, ids: list[int], *, name: str = "Gelombang I",
              start: str = "2026-10-26") -> None:
    cur = ws.conn.execute("INSERT INTO batches(name, start_date, created_at) VALUES (?, ?, ?)",
                          (name, start, now()))
    ws.conn.executemany("UPDATE applicants SET batch_id = ? WHERE id = ?",
                        [(cur.lastrowid, a) for a in ids])

