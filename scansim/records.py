"""Applicants whose paperwork was already read: page images and findings put into a workspace.

For check, dossier and recap tests and benchmarks, without scanning and OCR: rows are
written with SQL as the ingest pipeline would; page images are drawn with Pillow at
the workspace's scan dpi and saved under ``pages/``.
"""
from __future__ import annotations

import hashlib
import itertools
import json

from PIL import Image, ImageDraw, ImageFont

from formgen.core.db import now
from formgen.core.workspace import Workspace

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
_counter = itertools.count(1)

FORM_PAGES = {"permohonan": 2, "pengalaman_kerja": 1, "pernyataan_kebenaran": 1}
SIGNATURES = {"permohonan": ["ttd_pemohon"], "pengalaman_kerja": ["ttd_pemohon",
                                                                  "ttd_pemberi_kerja"],
              "pernyataan_kebenaran": ["ttd_pemohon"]}


def _font(px: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_BOLD if bold else FONT, px)


def mm_px(mm: float, dpi: int) -> int:
    return round(mm / 25.4 * dpi)


# -- page images ----------------------------------------------------------------------------

def form_image(title: str, lines: list[str], *, dpi: int = 300) -> Image.Image:
    """An A4 form page as scanned: a title, typed lines, a signature stroke."""
    img = Image.new("L", (mm_px(210, dpi), mm_px(297, dpi)), 250)
    draw = ImageDraw.Draw(img)
    x, y = mm_px(20, dpi), mm_px(25, dpi)
    draw.text((x, y), title, font=_font(mm_px(5, dpi), bold=True), fill=10)
    y += mm_px(15, dpi)
    for line in lines:
        draw.text((x, y), line, font=_font(mm_px(3.5, dpi)), fill=20)
        y += mm_px(8, dpi)
    sy = mm_px(250, dpi)
    draw.line([(mm_px(120, dpi), sy), (mm_px(140, dpi), sy - mm_px(8, dpi)),
               (mm_px(160, dpi), sy)], fill=0, width=max(2, dpi // 100))
    return img


def ktp_image(nik: str, nama: str, *, dpi: int = 300, color: bool = True) -> Image.Image:
    """An A4 photocopy page holding an e-KTP card (85.6 x 54 mm) at its real size."""
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (252, 252, 250))
    cw, ch = mm_px(85.6, dpi), mm_px(54, dpi)
    card = Image.new("RGB", (cw, ch), (200, 225, 245))
    draw = ImageDraw.Draw(card)
    s = dpi / 300
    draw.text((int(cw / 2), int(20 * s)), "PROVINSI KALIMANTAN TENGAH", anchor="mt",
              font=_font(int(30 * s), True), fill=(0, 0, 0))
    draw.text((int(cw / 2), int(58 * s)), "KABUPATEN KOTAWARINGIN BARAT", anchor="mt",
              font=_font(int(30 * s), True), fill=(0, 0, 0))
    draw.text((int(25 * s), int(110 * s)), f"NIK : {nik}", font=_font(int(44 * s), True),
              fill=(0, 0, 0))
    rows = [("Nama", nama), ("Tempat/Tgl Lahir", "PANGKALAN BUN, 12-03-1990"),
            ("Jenis Kelamin", "LAKI-LAKI"), ("Alamat", "JL. CONTOH NO. 1"),
            ("Agama", "ISLAM"), ("Pekerjaan", "WIRASWASTA")]
    y = int(180 * s)
    for label, value in rows:
        draw.text((int(25 * s), y), f"{label:<17}: {value}", font=_font(int(24 * s)),
                  fill=(0, 0, 0))
        y += int(40 * s)
    draw.rectangle([int(cw - 260 * s), int(150 * s), int(cw - 40 * s), int(450 * s)],
                   fill=(200, 40, 40))
    page.paste(card, (mm_px(30, dpi), mm_px(30, dpi)))
    return page if color else page.convert("L")


def ijazah_image(nama: str, jenjang: str = "SMA", *, dpi: int = 300,
                 color: bool = True) -> Image.Image:
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (250, 246, 230))
    draw = ImageDraw.Draw(page)
    draw.rectangle([mm_px(10, dpi), mm_px(10, dpi), mm_px(200, dpi), mm_px(287, dpi)],
                   outline=(20, 90, 40), width=mm_px(2, dpi))
    cx = mm_px(105, dpi)
    for i, (text, size) in enumerate([("IJAZAH", 10), (f"{jenjang} NEGERI 1 PANGKALAN BUN", 5),
                                      ("diberikan kepada", 4), (nama, 6),
                                      ("TAHUN PELAJARAN 2008", 4)]):
        draw.text((cx, mm_px(50 + i * 25, dpi)), text, anchor="mt",
                  font=_font(mm_px(size, dpi), bold=i in (0, 3)), fill=(20, 20, 60))
    return page if color else page.convert("L")


def photo_image(*, dpi: int = 300, width_mm: float = 30, height_mm: float = 40,
                faces: int = 1, background=(30, 80, 200)) -> Image.Image:
    """A pas foto page: the photo (3 x 4 by default) pasted on an A4 sheet."""
    pw, ph = mm_px(width_mm, dpi), mm_px(height_mm, dpi)
    photo = Image.new("RGB", (pw, ph), background)
    draw = ImageDraw.Draw(photo)
    for i in range(faces):
        cx = pw * (i + 1) // (faces + 1)
        r = pw // (2 * faces + 1)
        draw.ellipse([cx - r, ph // 4, cx + r, ph // 4 + int(r * 2.6)], fill=(225, 180, 150))
        draw.rectangle([cx - int(r * 1.4), int(ph * 0.72), cx + int(r * 1.4), ph],
                       fill=(240, 240, 240))
    page = Image.new("RGB", (mm_px(210, dpi), mm_px(297, dpi)), (252, 252, 252))
    page.paste(photo, (mm_px(20, dpi), mm_px(20, dpi)))
    return page


# -- rows -----------------------------------------------------------------------------------

def add_applicant(ws: Workspace, *, nik: str | None, nama: str, pendidikan: str = "SMA",
                  **extra: object) -> int:
    values = {"nik": nik, "nama": nama, "pendidikan": pendidikan, "tempat_lahir": "Pangkalan Bun",
              "tanggal_lahir": "1990-03-12", "jenis_kelamin": "L",
              "alamat": "Jl. Contoh No. 1", "kelurahan": "Raja", "kecamatan": "Arut Selatan",
              "no_hp": "081234567890", "email": "contoh@example.com",
              "jabatan_kerja": "Tukang Pasang Bata", "jenjang": 2, **extra,
              "created_at": now(), "updated_at": now()}
    cols = ", ".join(values)
    cur = ws.conn.execute(f"INSERT INTO applicants({cols}) VALUES "
                          f"({', '.join('?' * len(values))})", tuple(values.values()))
    return cur.lastrowid


def add_page(ws: Workspace, applicant_id: int | None, doc: str | None, *,
             image: Image.Image | None = None, page_no: int | None = None,
             total: int | None = None, review: str | None = None, rejected: bool = False,
             is_color: bool | None = None, findings: list[tuple] = ()) -> int:
    """A page row with its image and findings ``(kind, name, value[, confidence[, note]])``."""
    n = next(_counter)
    sha = hashlib.sha256(f"page-{n}-{doc}-{applicant_id}".encode()).hexdigest()
    ws.conn.execute("INSERT INTO files(sha256, original_name, stored_path, kind, pages, status, "
                    "created_at) VALUES (?, ?, ?, 'jpeg', 1, 'ingested', ?)",
                    (sha, f"scan{n}.jpg", f"originals/{sha}.jpg", now()))
    rel = None
    if image is not None:
        rel = f"pages/{sha}_0.jpg"
        path = ws.dir("pages") / f"{sha}_0.jpg"
        image.save(path, "JPEG", quality=85, dpi=(ws.settings.dpi, ws.settings.dpi))
        if is_color is None:
            is_color = image.mode == "RGB"
    qr, pack_id = None, None
    if review and applicant_id:
        pack_id = _pack_of(ws, applicant_id)  # a page in review knows its applicant only so
    if page_no and total and applicant_id:
        qr = (f"FG1 {ws.settings.workspace_id} P{n:06d} A{applicant_id:06d} {doc} "
              f"{page_no}/{total} abcd1234")
    cur = ws.conn.execute(
        "INSERT INTO pages(sha256, idx, applicant_id, pack_id, doc, page_no, qr_text, is_color, "
        "image_path, review, rejected, created_at) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (sha, None if review else applicant_id, pack_id, doc, page_no, qr,
         None if is_color is None else int(is_color), rel, review, int(rejected), now()))
    page_id = cur.lastrowid
    for finding in findings:
        add_finding(ws, page_id, *finding)
    return page_id


def _pack_of(ws: Workspace, applicant_id: int) -> int:
    row = ws.conn.execute("SELECT id FROM packs WHERE applicant_id = ?", (applicant_id,)).fetchone()
    if row:
        return row["id"]
    return ws.conn.execute("INSERT INTO packs(number, applicant_id, paper, created_at) "
                           "VALUES (?, ?, 'A4', ?)",
                           (f"P{applicant_id:06d}", applicant_id, now())).lastrowid


def add_finding(ws: Workspace, page_id: int, kind: str, name: str, value: object,
                confidence: float = 0.95, note: str | None = None, *, expected: object = None,
                ok: bool | None = None) -> int:
    cur = ws.conn.execute(
        "INSERT INTO findings(page_id, kind, name, value, confidence, expected, ok, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (page_id, kind, name, json.dumps(value), confidence,
         None if expected is None else json.dumps(expected), None if ok is None else int(ok),
         note))
    return cur.lastrowid


def add_decision(ws: Workspace, action: str, *, page_id: int | None = None,
                 applicant_id: int | None = None, **detail: object) -> None:
    ws.conn.execute("INSERT INTO decisions(page_id, applicant_id, action, detail, user, at) "
                    "VALUES (?, ?, ?, ?, 'petugas', ?)",
                    (page_id, applicant_id, action, json.dumps(detail), now()))


def complete_applicant(ws: Workspace, *, nik: str, nama: str, images: bool = True,
                       skip: tuple[str, ...] = (), override: dict | None = None,
                       **extra: object) -> int:
    """An applicant with all six requirements handed in and read as fine.

    ``override`` maps ``"kind/name"`` to a replacement finding value or a
    ``(value, confidence, note)`` tuple; ``skip`` leaves whole documents out.
    """
    override = override or {}
    dpi = ws.settings.dpi
    app = add_applicant(ws, nik=nik, nama=nama, **extra)

    def f(kind: str, name: str, value: object) -> tuple:
        got = override.get(f"{kind}/{name}", value)
        return (kind, name, *got) if isinstance(got, tuple) else (kind, name, got)

    for doc, total in FORM_PAGES.items():
        if doc in skip:
            continue
        for page_no in range(1, total + 1):
            found = [f("field", "nama", nama)]
            if doc == "pengalaman_kerja" and page_no == 1:
                found.append(f("field", "proyek_1_nama", "Rehabilitasi Gedung Kantor"))
            if page_no == total:
                found += [f("signature", s, True) for s in SIGNATURES[doc]]
                if doc == "pernyataan_kebenaran":
                    found.append(f("materai", "materai", True))
            lines = [f"Nama lengkap : {nama}", f"NIK : {nik}", f"Halaman {page_no}/{total}"]
            add_page(ws, app, doc, page_no=page_no, total=total, findings=found,
                     image=form_image(doc.replace("_", " ").upper(), lines, dpi=dpi)
                     if images else None)
    if "ktp" not in skip:
        color = override.get("ktp/color", True)
        add_page(ws, app, "ktp", image=ktp_image(nik, nama, dpi=dpi, color=color is True)
                 if images else None,
                 findings=[f("ktp", "nik", nik), f("ktp", "nama", nama),
                           f("ktp", "nik_valid", True), f("ktp", "nik_matches_card", True),
                           f("ktp", "color", True)])
    if "ijazah" not in skip:
        add_page(ws, app, "ijazah", image=ijazah_image(nama, dpi=dpi) if images else None,
                 findings=[f("ijazah", "jenjang", "SMA"), f("ijazah", "nama", nama),
                           f("ijazah", "tahun", "2008"), f("ijazah", "color", True)])
    if "pas_foto" not in skip:
        add_page(ws, app, "pas_foto", image=photo_image(dpi=dpi) if images else None,
                 findings=[f("pas_foto", "aspect", 0.75), f("pas_foto", "aspect_ok", True),
                           f("pas_foto", "faces", 1), f("pas_foto", "plain_background", True),
                           f("pas_foto", "color", True)])
    return app


def nik_for(n: int, *, female: bool = False) -> str:
    """A structurally valid synthetic NIK in Kotawaringin Barat (62.01.02), born 12-03-1990."""
    day = 12 + (40 if female else 0)
    return f"620102{day:02d}0390{n:04d}"
