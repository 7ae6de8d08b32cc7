"""Support for the form and pack tests (no tests here): synthetic applicants, reading PDFs back."""
from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from formgen.core.db import now, write_transaction

MM_PER_INCH = 25.4


def add_applicant(ws, *, nik: str = "6201021507880003", nama: str = "SITI NURHALIZA CONTOH",
                  alamat: str = "Jl. Contoh No. 1, RT 001/RW 002", jenis_kelamin: str = "P",
                  jenjang: int = 2, experience: int = 2, **extra) -> int:
    """Insert a synthetic applicant (and ``experience`` project rows); returns its id."""
    stamp = now()
    row = {"nik": nik, "nama": nama, "tempat_lahir": "Pangkalan Bun",
           "tanggal_lahir": "1988-07-15", "jenis_kelamin": jenis_kelamin, "alamat": alamat,
           "kelurahan": "Baru", "kecamatan": "Arut Selatan", "no_hp": "081200000001",
           "email": "contoh@example.org", "pendidikan": "SMA/SMK",
           "jabatan_kerja": "Tukang Pasang Bata", "jenjang": jenjang, **extra}
    with write_transaction(ws.conn) as conn:
        cur = conn.execute(
            f"INSERT INTO applicants({', '.join(row)}, created_at, updated_at) "
            f"VALUES ({', '.join('?' * len(row))}, ?, ?)", (*row.values(), stamp, stamp))
        for n in range(experience):
            conn.execute(
                "INSERT INTO experience(applicant_id, nama_proyek, pemberi_kerja, jabatan, lokasi,"
                " mulai, selesai) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (cur.lastrowid, f"Proyek Contoh {n + 1}", "CV Contoh", "Tukang", "Kumai",
                 f"201{n}-03", f"201{n}-09"))
    return cur.lastrowid


def render(path, index: int, dpi: int, *, forms: bool = False) -> np.ndarray:
    """Page ``index`` of ``path`` as a greyscale array (with form values when ``forms``)."""
    pdf = pdfium.PdfDocument(str(path))
    if forms:
        pdf.init_forms()
    image = pdf[index].render(scale=dpi / 72, may_draw_forms=forms, grayscale=True).to_pil()
    array = np.asarray(image.convert("L"))
    pdf.close()
    return array


def flatten(path, out) -> None:
    """Flatten every page's form fields into page content with PDFium (what a printer gets)."""
    pdf = pdfium.PdfDocument(str(path))
    pdf.init_forms()
    for i in range(len(pdf)):
        page = pdf[i]
        pdfium_raw.FPDFPage_Flatten(page.raw, pdfium_raw.FLAT_PRINT)
    pdf.save(str(out))
    pdf.close()


def px(mm: float, dpi: int) -> int:
    return int(round(mm / MM_PER_INCH * dpi))
