"""How a diploma page is handed in: a colour copy, a grey office photocopy or a faded print."""
from __future__ import annotations

import random

from PIL import Image, ImageDraw, ImageEnhance, ImageOps


def copy_quality(img: Image.Image, *, rng: random.Random, kind: str) -> Image.Image:
    """The page as handed in: ``colour`` (a colour copy or scan: a little more saturation
    and contrast), ``grey`` (an office photocopy: grey, hard contrast, toner specks) or
    ``faded`` (a pale, worn print copied in grey)."""
    if kind == "colour":
        img = ImageEnhance.Color(img).enhance(rng.uniform(1.0, 1.3))
        return ImageEnhance.Contrast(img).enhance(rng.uniform(1.0, 1.25))
    grey = img.convert("L")
    if kind == "faded":
        grey = ImageEnhance.Contrast(grey).enhance(rng.uniform(0.45, 0.65))
        grey = ImageEnhance.Brightness(grey).enhance(rng.uniform(1.05, 1.15))
    else:
        grey = ImageOps.autocontrast(grey, cutoff=1)
        grey = ImageEnhance.Contrast(grey).enhance(rng.uniform(1.3, 1.8))
        grey = ImageEnhance.Brightness(grey).enhance(rng.uniform(0.92, 1.03))
    out = grey.convert("RGB")
    d = ImageDraw.Draw(out)
    for _ in range(rng.randint(0, 3)):
        x = rng.randint(0, out.width - 1)
        d.line([(x, 0), (x, out.height)], fill=(205, 205, 205), width=1)
    for _ in range(rng.randint(30, 150)):
        x, y = rng.randint(0, out.width - 2), rng.randint(0, out.height - 2)
        r = rng.choice([1, 1, 2])
        d.ellipse([x, y, x + r, y + r], fill=(70, 70, 70))
    return out
