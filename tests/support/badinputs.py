"""Generate a corpus of awkward and broken input files, with what reading each should give.

Every maker writes one small file into a folder and returns its path. ``CORPUS``
lists them with the expectation: a BadInput reason code, or the document kind and
page count that ``ocr.load.open_document`` should report.
"""
from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas


def sample_pdf(pages: int = 3) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(300, 400))
    for i in range(pages):
        c.setFont("Helvetica-Bold", 40)
        c.drawString(40, 300, f"Hal {i + 1}")
        c.rect(40, 40, 200, 100, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def sample_image(size=(240, 160), mode="RGB") -> Image.Image:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((10, 10, 60, 40), fill=(200, 30, 30))  # a red block top-left
    draw.rectangle((size[0] - 50, size[1] - 30, size[0] - 10, size[1] - 10), fill="black")
    return img.convert(mode) if mode != "RGB" else img


def empty(d: Path) -> Path:
    p = d / "kosong.pdf"
    p.write_bytes(b"")
    return p


def html_named_pdf(d: Path) -> Path:
    p = d / "unduhan.pdf"
    p.write_text("<!DOCTYPE html>\n<html><head><title>Login</title></head>"
                 "<body>Sesi berakhir</body></html>\n", encoding="utf-8")
    return p


def text_named_pdf(d: Path) -> Path:
    p = d / "catatan.pdf"
    p.write_text("Nama: Budi Contoh\nNIK: 6201010101010001\n", encoding="utf-8")
    return p


def jpeg_named_pdf(d: Path) -> Path:
    p = d / "ktp.pdf"
    sample_image().save(p, "JPEG", quality=85)
    return p


def truncated_pdf_repairable(d: Path) -> Path:
    """Cut inside the last page's content stream: the cross-reference table and trailer are gone."""
    data = sample_pdf(3)
    cut = data.rindex(b"stream\n") + 20
    p = d / "terpotong.pdf"
    p.write_bytes(data[:cut])
    return p


def truncated_pdf_unrecoverable(d: Path) -> Path:
    p = d / "rusak.pdf"
    p.write_bytes(sample_pdf(3)[:300])
    return p


def _encrypted(d: Path, name: str, user: str) -> Path:
    reader = PdfReader(io.BytesIO(sample_pdf(2)))
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=user, owner_password="pemilik-rahasia", algorithm="AES-128")
    p = d / name
    with p.open("wb") as fh:
        writer.write(fh)
    return p


def encrypted_empty_user_password(d: Path) -> Path:
    return _encrypted(d, "terkunci_pemilik.pdf", "")


def encrypted_with_password(d: Path) -> Path:
    return _encrypted(d, "terkunci.pdf", "rahasia")


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def decompression_bomb_png(d: Path, side: int = 30000) -> Path:
    """A 1-bit white PNG of side x side pixels in ~100 kB: one deflate block repeated.

    A full flush makes a block independent of what precedes it, so its bytes can be
    repeated; the zlib stream then ends with an empty final block and the Adler-32.
    """
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    rows_per_block = 1000
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block_data = row * rows_per_block
    block = comp.compress(block_data) + comp.flush(zlib.Z_FULL_FLUSH)
    rest = row * (side % rows_per_block)
    tail = comp.compress(rest) + comp.flush()
    adler = 1
    for _ in range(side // rows_per_block):
        adler = zlib.adler32(block_data, adler)
    adler = zlib.adler32(rest, adler)
    stream = (b"\x78\xda" + block * (side // rows_per_block) + tail
              + struct.pack(">I", adler & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    p = d / "bom.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
                  + _png_chunk(b"IDAT", stream) + _png_chunk(b"IEND", b""))
    return p


def truncated_jpeg(d: Path) -> Path:
    buf = io.BytesIO()
    sample_image((800, 600)).save(buf, "JPEG", quality=90)
    data = buf.getvalue()
    p = d / "foto_terpotong.jpg"
    p.write_bytes(data[:len(data) // 2])
    return p


def tiff_500_frames(d: Path, frames: int = 500) -> Path:
    imgs = [Image.new("L", (16, 16), i % 256) for i in range(frames)]
    p = d / "banyak.tif"
    imgs[0].save(p, save_all=True, append_images=imgs[1:], compression="tiff_deflate")
    return p


def _tiff_ifd_offsets(data: bytes) -> list[tuple[int, int]]:
    """(IFD offset, position of its next-IFD pointer) of a little-endian classic TIFF."""
    out = []
    offset = struct.unpack_from("<I", data, 4)[0]
    while offset and len(out) < 100:
        count = struct.unpack_from("<H", data, offset)[0]
        next_pos = offset + 2 + 12 * count
        out.append((offset, next_pos))
        offset = struct.unpack_from("<I", data, next_pos)[0]
    return out


def _three_frame_tiff() -> bytes:
    buf = io.BytesIO()
    imgs = [Image.new("L", (32, 32), v) for v in (0, 128, 255)]
    imgs[0].save(buf, "TIFF", save_all=True, append_images=imgs[1:])
    return buf.getvalue()


def tiff_frame_loop(d: Path) -> Path:
    """Three frames, the last one's next-IFD pointer leads back to the first (a cycle)."""
    data = bytearray(_three_frame_tiff())
    ifds = _tiff_ifd_offsets(bytes(data))
    struct.pack_into("<I", data, ifds[-1][1], ifds[0][0])
    p = d / "putar.tif"
    p.write_bytes(bytes(data))
    return p


def tiff_frame_past_end(d: Path) -> Path:
    """Three frames, the last one claims a fourth IFD far beyond the end of the file."""
    data = bytearray(_three_frame_tiff())
    ifds = _tiff_ifd_offsets(bytes(data))
    struct.pack_into("<I", data, ifds[-1][1], len(data) + 10_000_000)
    p = d / "bohong.tif"
    p.write_bytes(bytes(data))
    return p


def cmyk_jpeg(d: Path) -> Path:
    p = d / "cmyk.jpg"
    sample_image(mode="CMYK").save(p, "JPEG", quality=90)
    return p


def png_16bit(d: Path) -> Path:
    img = Image.new("I;16", (64, 32))
    img.putdata([(x * 1024) % 65536 for y in range(32) for x in range(64)])
    p = d / "abu16.png"
    img.save(p)
    return p


def palette_png(d: Path) -> Path:
    p = d / "palet.png"
    sample_image().convert("P", palette=Image.ADAPTIVE, colors=8).save(p)
    return p


def exif_rotated_jpeg(d: Path) -> Path:
    """Stored 240x160 with the red block top-left; EXIF orientation 6 (turn 90 deg clockwise)."""
    img = sample_image()
    exif = Image.Exif()
    exif[0x0112] = 6
    p = d / "miring.jpg"
    img.save(p, "JPEG", quality=90, exif=exif.tobytes())
    return p


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]
    code: str | None = None       # expected BadInput code (from open or render)
    kind: str | None = None       # else the expected kind ...
    pages: int | None = None      # ... and page count


CORPUS = {
    "empty": Case(empty, code="empty_file"),
    "html_named_pdf": Case(html_named_pdf, code="not_a_document"),
    "text_named_pdf": Case(text_named_pdf, code="not_a_document"),
    "jpeg_named_pdf": Case(jpeg_named_pdf, kind="jpeg", pages=1),
    "truncated_pdf_repairable": Case(truncated_pdf_repairable, kind="pdf", pages=3),
    "truncated_pdf_unrecoverable": Case(truncated_pdf_unrecoverable, code="truncated"),
    "encrypted_empty_user_password": Case(encrypted_empty_user_password, kind="pdf", pages=2),
    "encrypted_with_password": Case(encrypted_with_password, code="encrypted"),
    "decompression_bomb_png": Case(decompression_bomb_png, code="decompression_bomb"),
    "truncated_jpeg": Case(truncated_jpeg, code="truncated"),
    "tiff_500_frames": Case(tiff_500_frames, kind="tiff", pages=500),
    "tiff_frame_loop": Case(tiff_frame_loop, kind="tiff", pages=3),
    "tiff_frame_past_end": Case(tiff_frame_past_end, kind="tiff", pages=3),
    "cmyk_jpeg": Case(cmyk_jpeg, kind="jpeg", pages=1),
    "png_16bit": Case(png_16bit, kind="png", pages=1),
    "palette_png": Case(palette_png, kind="png", pages=1),
    "exif_rotated_jpeg": Case(exif_rotated_jpeg, kind="jpeg", pages=1),
}


def write_corpus(folder: Path) -> dict[str, Path]:
    """Write every corpus file into ``folder``; name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    return {name: case.make(folder) for name, case in CORPUS.items()}


if __name__ == "__main__":  # python -m tests.support.badinputs DIR
    import sys

    for name, path in write_corpus(Path(sys.argv[1])).items():
        print(f"{name}\t{path}")
