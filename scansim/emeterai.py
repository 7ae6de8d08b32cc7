"""A synthetic e-Meterai (electronic duty stamp) as printed from a PDF onto paper.

An e-Meterai is a square image stamped into an electronic document: a QR code with the
serial number, the emblem, "METERAI ELEKTRONIK", "10000" and "SEPULUH RIBU RUPIAH".
Printed, signed and scanned it is not a valid materai; the readers must tell it from
the pink sticker (scansim.documents.make_materai).
"""
from __future__ import annotations

import random

from PIL import Image, ImageDraw
from reportlab.graphics.barcode.qr import QrCodeWidget

from scansim.draw import centered, font, mm_px
from scansim.ornament import emblem

E_METERAI_MM = 24.0


def qr_image(text: str, side: int) -> Image.Image:
    """A QR code of ``text`` (reportlab's encoder), black on white, ``side`` pixels wide."""
    qr = QrCodeWidget(text).qr
    qr.make()
    modules = qr.modules
    n = len(modules) + 8   # a quiet zone of four modules round it
    img = Image.new("L", (n, n), 255)
    px = img.load()
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                px[x + 4, y + 4] = 0
    return img.resize((side, side), Image.NEAREST).convert("RGB")


def make_e_meterai(*, rng: random.Random, dpi: int = 300) -> Image.Image:
    """The e-Meterai mark as an RGBA image (white square, printed in colour)."""
    side = mm_px(E_METERAI_MM, dpi)
    u = dpi / 25.4
    img = Image.new("RGB", (side, side), (255, 255, 255))
    d = ImageDraw.Draw(img)
    serial = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(22))
    qr = qr_image(serial, int(11 * u))
    img.paste(qr, (int(1 * u), int(1 * u)))
    emblem(d, 17.5 * u, 5.5 * u, 3.2 * u, (150, 120, 50))
    ink = (30, 30, 35)
    centered(d, 17.5 * u, 9.6 * u, "METERAI", font("bold", int(1.8 * u)), ink)
    centered(d, 17.5 * u, 11.8 * u, "ELEKTRONIK", font("bold", int(1.5 * u)), ink)
    centered(d, side / 2, 13.5 * u, "10000", font("bold", int(5.5 * u)), (190, 40, 110))
    centered(d, side / 2, 19.6 * u, "SEPULUH RIBU RUPIAH", font("cond_bold", int(1.7 * u)), ink)
    centered(d, side / 2, 21.8 * u, serial, font("mono_bold", int(1.2 * u)), ink)
    out = img.convert("RGBA")
    out.putalpha(255)
    return out
