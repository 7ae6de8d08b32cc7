"""KTP-el card designs: type faces, security backgrounds, layout offsets and print quality.

Real cards come from many printers: the NIK in an OCR-A-like face or a plain mono one,
labels in DejaVu, Liberation or FreeSans, backgrounds of fine wavy guilloche lines, a
mesh or a rosette on pale blue and green gradients. Each :class:`KtpDesign` is one such
printer; designs listed in :data:`HELD_OUT` are kept apart from any tuning of the reader
and only measured (benchmarks/accuracy.py reports them separately).
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from scansim.draw import font as dejavu
from scansim.draw import guilloche

FONT_ROOT = Path("/usr/share/fonts/truetype")
# Face name -> file under FONT_ROOT (Debian packages fonts-dejavu-core/-extra,
# fonts-liberation, fonts-freefont-ttf, fonts-ocr-a, fonts-urw-base35); DejaVu stands
# in when one is missing.
FACES = {
    "dejavu_cond": ("dejavu/DejaVuSansCondensed.ttf", "cond"),
    "dejavu_cond_bold": ("dejavu/DejaVuSansCondensed-Bold.ttf", "cond_bold"),
    "dejavu_bold": ("dejavu/DejaVuSans-Bold.ttf", "bold"),
    "dejavu_mono_bold": ("dejavu/DejaVuSansMono-Bold.ttf", "mono_bold"),
    "liberation_sans": ("liberation/LiberationSans-Regular.ttf", "sans"),
    "liberation_sans_bold": ("liberation/LiberationSans-Bold.ttf", "bold"),
    "liberation_narrow": ("liberation/LiberationSansNarrow-Regular.ttf", "cond"),
    "liberation_narrow_bold": ("liberation/LiberationSansNarrow-Bold.ttf", "cond_bold"),
    "liberation_mono_bold": ("liberation/LiberationMono-Bold.ttf", "mono_bold"),
    "free_sans": ("freefont/FreeSans.ttf", "sans"),
    "free_sans_bold": ("freefont/FreeSansBold.ttf", "bold"),
    "free_mono_bold": ("freefont/FreeMonoBold.ttf", "mono_bold"),
    "ocr_a": ("ocr-a/OCRA.ttf", "mono_bold"),
    "nimbus_sans": ("../opentype/urw-base35/NimbusSans-Regular.otf", "sans"),
    "nimbus_sans_bold": ("../opentype/urw-base35/NimbusSans-Bold.otf", "bold"),
    "nimbus_narrow_bold": ("../opentype/urw-base35/NimbusSansNarrow-Bold.otf", "cond_bold"),
    "nimbus_mono_bold": ("../opentype/urw-base35/NimbusMonoPS-Bold.otf", "mono_bold"),
}


@lru_cache(maxsize=512)
def face(name: str, size: int) -> ImageFont.FreeTypeFont:
    """The face ``name`` at ``size`` px (DejaVu when its package is not installed)."""
    path, fallback = FACES[name]
    if (FONT_ROOT / path).is_file():
        return ImageFont.truetype(str(FONT_ROOT / path), max(4, int(size)))
    return dejavu(fallback, size)


def fit_face(draw: ImageDraw.ImageDraw, text: str, name: str, size: int, width: float):
    """The largest size of face ``name`` not above ``size`` in which ``text`` fits ``width``."""
    while size > 6 and draw.textlength(text, font=face(name, size)) > width:
        size -= 1
    return face(name, size)


@dataclass(frozen=True)
class KtpDesign:
    """One printer's card: faces, sizes (mm), offsets (mm), background and print quality."""

    name: str
    label_face: str
    value_face: str
    nik_face: str
    head_face: str
    background: str                  # guilloche | wave | mesh | rosette | dots | dense
    tint: tuple[tuple[int, int, int], tuple[int, int, int]]   # gradient from, to
    line_color: tuple[int, int, int]
    text_mm: float = 2.05            # cap-to-descender size of labels and values
    nik_mm: float = 4.0
    step_mm: float = 2.95            # line pitch of the field block
    label_x_mm: float = 2.5
    colon_x_mm: float = 21.0
    nik_y_mm: float = 9.7
    first_y_mm: float = 15.6
    photo_x_mm: float = 62.5
    upper_labels: bool = False       # "NAMA" rather than "Nama"
    ink: tuple[int, int, int] = (18, 18, 22)
    fade: float = 0.0                # 0 crisp toner .. 1 worn, light print
    blur: float = 0.5


DESIGNS: dict[str, KtpDesign] = {d.name: d for d in (
    KtpDesign("dejavu_guilloche", "dejavu_cond", "dejavu_cond_bold", "dejavu_mono_bold",
              "dejavu_bold", "guilloche", ((206, 228, 240), (222, 238, 222)), (176, 206, 226)),
    KtpDesign("liberation_wave", "liberation_sans", "liberation_sans", "liberation_mono_bold",
              "liberation_sans_bold", "wave", ((200, 222, 244), (226, 240, 248)),
              (160, 190, 225), text_mm=2.1, nik_mm=3.8, step_mm=3.0, colon_x_mm=22.0,
              nik_y_mm=10.2, first_y_mm=16.0, ink=(30, 30, 40), fade=0.2),
    KtpDesign("ocra_guilloche", "free_sans", "free_sans_bold", "ocr_a", "free_sans_bold",
              "guilloche", ((214, 236, 214), (206, 226, 242)), (170, 210, 180),
              text_mm=2.0, nik_mm=3.9, step_mm=2.9, colon_x_mm=20.5, nik_y_mm=9.5,
              first_y_mm=15.3, ink=(15, 20, 25), blur=0.6),
    KtpDesign("freemono_mesh", "free_sans", "free_sans", "free_mono_bold", "free_sans_bold",
              "mesh", ((210, 230, 246), (232, 242, 232)), (175, 200, 228), text_mm=2.15,
              nik_mm=4.3, step_mm=3.0, colon_x_mm=21.5, nik_y_mm=9.9, first_y_mm=15.8,
              upper_labels=True, ink=(25, 25, 25), fade=0.1),
    KtpDesign("narrow_rosette", "liberation_narrow", "liberation_narrow_bold",
              "dejavu_mono_bold", "liberation_narrow_bold", "rosette",
              ((196, 224, 238), (214, 236, 226)), (168, 200, 222), text_mm=2.2, nik_mm=4.1,
              step_mm=2.95, colon_x_mm=19.5, nik_y_mm=9.6, first_y_mm=15.5, ink=(35, 35, 50),
              fade=0.3, blur=0.7),
    # Worn cards under a dark, dense security print: in a grey copy the background is
    # nearly as dark as the faded toner (tuning designs, not held out).
    KtpDesign("nimbus_dense", "nimbus_sans", "nimbus_sans_bold", "nimbus_mono_bold",
              "nimbus_sans_bold", "dense", ((190, 214, 236), (208, 230, 214)),
              (138, 170, 204), text_mm=2.1, nik_mm=3.9, step_mm=2.95, colon_x_mm=21.2,
              nik_y_mm=9.8, first_y_mm=15.6, ink=(45, 45, 55), fade=0.4, blur=0.7),
    KtpDesign("ocra_darkwave", "nimbus_sans", "nimbus_narrow_bold", "ocr_a",
              "nimbus_sans_bold", "wave", ((196, 210, 240), (220, 232, 244)),
              (148, 170, 212), text_mm=2.05, nik_mm=4.1, step_mm=2.9, colon_x_mm=20.2,
              nik_y_mm=9.6, first_y_mm=15.4, upper_labels=True, ink=(30, 32, 40), fade=0.3,
              blur=0.8),
    # Held out: never looked at while tuning the reader.
    KtpDesign("ocra_mesh", "liberation_sans", "liberation_sans_bold", "ocr_a",
              "liberation_sans_bold", "mesh", ((204, 226, 246), (224, 242, 230)),
              (168, 198, 230), text_mm=2.1, nik_mm=4.0, step_mm=2.95, colon_x_mm=21.8,
              nik_y_mm=10.0, first_y_mm=15.8, ink=(20, 24, 30), fade=0.15, blur=0.6),
    KtpDesign("freesans_wave", "free_sans", "free_sans_bold", "dejavu_bold", "free_sans_bold",
              "wave", ((226, 226, 244), (210, 236, 236)), (190, 180, 222), text_mm=2.0,
              nik_mm=3.7, step_mm=2.9, colon_x_mm=20.8, nik_y_mm=9.8, first_y_mm=15.4,
              ink=(40, 40, 48), fade=0.35, blur=0.8),
)}
HELD_OUT = ("ocra_mesh", "freesans_wave")
TUNED = tuple(name for name in DESIGNS if name not in HELD_OUT)


def _gradient(size: tuple[int, int], tint, rng: random.Random) -> Image.Image:
    grad = Image.linear_gradient("L").rotate(rng.uniform(-60, 60), expand=False).resize(size)
    return Image.composite(Image.new("RGB", size, tint[1]), Image.new("RGB", size, tint[0]),
                           grad)


def _wave(img: Image.Image, rng: random.Random, color, u: float) -> None:
    """Dense fine wavy lines running across the card, two families crossing."""
    w, h = img.size
    width = max(1, round(0.08 * u))
    guilloche(img, rng, color, lines=int(h / (0.9 * u)), amplitude=0.03, width=width)
    lighter = tuple(min(255, c + 14) for c in color)
    guilloche(img, rng, lighter, lines=int(h / (1.7 * u)), amplitude=0.09, width=width)


def _mesh(img: Image.Image, rng: random.Random, color, u: float) -> None:
    """A pale diagonal mesh of fine lines, slightly wavy."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    pitch = rng.uniform(1.0, 1.5) * u
    width = max(1, round(0.07 * u))
    for sign in (1, -1):
        k = -h
        while k < w + h:
            pts = [(k + sign * y + 0.25 * u * math.sin(y / (2.5 * u)), y)
                   for y in range(0, h + 4, 4)]
            d.line(pts, fill=color, width=width)
            k += pitch


def _rosette(img: Image.Image, rng: random.Random, color, u: float) -> None:
    guilloche(img, rng, color, lines=int(img.height / (1.6 * u)), amplitude=0.06,
              width=max(1, round(0.08 * u)))
    d = ImageDraw.Draw(img)
    w, h = img.size
    cx, cy, r = w * rng.uniform(0.35, 0.55), h * rng.uniform(0.45, 0.65), h * 0.32
    for k in range(48):
        a = k * math.pi / 24
        d.ellipse([cx + r * 0.5 * math.cos(a) - r * 0.5, cy + r * 0.5 * math.sin(a) - r * 0.5,
                   cx + r * 0.5 * math.cos(a) + r * 0.5, cy + r * 0.5 * math.sin(a) + r * 0.5],
                  outline=color, width=max(1, round(0.07 * u)))


def _dots(img: Image.Image, rng: random.Random, color, u: float) -> None:
    d = ImageDraw.Draw(img)
    step = max(3, int(0.7 * u))
    r = max(1, int(0.12 * u))
    for y in range(0, img.height, step):
        for x in range((y // step % 2) * step // 2, img.width, step):
            d.ellipse([x - r, y - r, x + r, y + r], fill=color)


def _dense(img: Image.Image, rng: random.Random, color, u: float) -> None:
    """Close-set guilloche over a mesh: the dark security print of some card series."""
    guilloche(img, rng, color, lines=int(img.height / (0.8 * u)), amplitude=0.05,
              width=max(1, round(0.09 * u)))
    _mesh(img, rng, tuple(min(255, c + 18) for c in color), u)


PATTERNS = {"wave": _wave, "mesh": _mesh, "rosette": _rosette, "dots": _dots, "dense": _dense,
            "guilloche": lambda img, rng, color, u: (
                guilloche(img, rng, color, lines=int(img.height / (1.5 * u)), amplitude=0.05,
                          width=max(1, round(0.08 * u))),
                guilloche(img, rng, tuple(min(255, c + 12) for c in color),
                          lines=int(img.height / (3.0 * u)), amplitude=0.12,
                          width=max(1, round(0.07 * u))))}


def background(design: KtpDesign, size: tuple[int, int], rng: random.Random,
               dpi: int) -> Image.Image:
    """The card's security print: a pale gradient under the design's fine-line pattern."""
    img = _gradient(size, design.tint, rng)
    PATTERNS[design.background](img, rng, design.line_color, dpi / 25.4)
    return img


__all__ = ["DESIGNS", "HELD_OUT", "TUNED", "KtpDesign", "background", "face", "fit_face"]
