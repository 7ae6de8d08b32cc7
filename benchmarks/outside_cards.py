"""KTP-el fronts of synthetic people on a card template and layout from outside the project.

The blank card (labels, globe and wavy security print, no photo) and the place of each
value come from the MIT-licensed e-KTP generator named in benchmarks/outside/SOURCES.md:
a design nobody on the project drew. Its own fonts are proprietary (Monotype OCR A
Extended and Arial), so the NIK is set in Debian's OCR-A (fonts-ocr-a, the same design)
and the values in Liberation Sans (metric-compatible with Arial). The photo is a
simulated portrait and the signature a drawn one: no real face, no real person.
"""
from __future__ import annotations

import datetime as dt
import random
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from scansim.documents import make_pas_foto
from scansim.draw import BLACK_INK, make_signature, mm_px
from scansim.ktp import KTP_MM, PROVINCE, REGENCY, ktp_fields
from scansim.ktp_designs import face

TEMPLATE = Path(__file__).with_name("outside") / "ektp" / "template.jpg"
TEMPLATE_SIZE = (720, 463)
DESIGN = "outside_ektp_generator"
# Positions in the template's own pixels (TEMPLATE_SIZE), as its generator places them: the
# left end (or the centre, for the heading) and the baseline of each value, and the size
# of its face in pixels.
HEAD_CENTRE_X, HEAD_SIZE, HEAD_BASELINES = 380, 25, (65, 90)
NIK_AT, NIK_SIZE = (170, 125), 32
VALUE_SIZE, VALUE_X = 16, 190
VALUE_BASELINES = {
    "nama": 155, "tempat_tgl_lahir": 178, "jenis_kelamin_text": 201, "alamat": 222,
    "rt_rw": 244, "kel_desa": 267, "kecamatan": 289, "agama": 310, "status_perkawinan": 333,
    "pekerjaan": 356, "kewarganegaraan": 379, "berlaku_hingga": 400,
}
GOL_DARAH_AT = (463, 200)
ISSUED_PLACE_AT, ISSUED_DATE_AT = (553, 350), (570, 370)
PHOTO_BOX = (520, 140, 693, 320)          # where the generator pastes the photo
SIGNATURE_BOX = (540, 385, 660, 435)


@lru_cache(maxsize=4)
def _template(size: tuple[int, int]) -> Image.Image:
    """The blank card at ``size`` (the template is 2 % short of the ID-1 shape: a printed
    card is 85.6 x 53.98 mm, so it is stretched that much)."""
    with Image.open(TEMPLATE) as im:
        return im.convert("RGB").resize(size, Image.LANCZOS)


def make_outside_ktp(person: dict, *, rng: random.Random, dpi: int = 300
                     ) -> tuple[Image.Image, dict]:
    """The front of ``person``'s KTP-el on the outside template at ``dpi``: (image, truth).

    Truth as :func:`scansim.ktp.make_ktp` gives it (the values printed), with ``design``
    naming the outside template."""
    fields = ktp_fields(person, rng)
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    card = _template(size).copy()
    k, ky = size[0] / TEMPLATE_SIZE[0], size[1] / TEMPLATE_SIZE[1]

    def at(x: float, y: float) -> tuple[float, float]:
        return x * k, y * ky

    d = ImageDraw.Draw(card)
    ink = (0, 0, 0)
    head = face("liberation_sans", round(HEAD_SIZE * k))
    for text, base in zip((f"PROVINSI {PROVINCE}", f"KABUPATEN {REGENCY}"), HEAD_BASELINES,
                          strict=True):
        d.text(at(HEAD_CENTRE_X, base), text, font=head, fill=ink, anchor="ms")
    d.text(at(*NIK_AT), fields["nik"], font=face("ocr_a", round(NIK_SIZE * k)), fill=ink,
           anchor="ls")
    value = face("liberation_sans", round(VALUE_SIZE * k))
    for key, base in VALUE_BASELINES.items():
        d.text(at(VALUE_X, base), fields[key].upper(), font=value, fill=ink, anchor="ls")
    d.text(at(*GOL_DARAH_AT), fields["gol_darah"], font=value, fill=ink, anchor="ls")
    issued = dt.date(rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28))
    d.text(at(*ISSUED_PLACE_AT), REGENCY, font=value, fill=ink, anchor="ls")
    d.text(at(*ISSUED_DATE_AT), f"{issued:%d-%m-%Y}", font=value, fill=ink, anchor="ls")
    box = [round(v * f) for v, f in zip(PHOTO_BOX, (k, ky, k, ky), strict=True)]
    photo, _ = make_pas_foto(person, rng=rng, dpi=dpi,
                             background=fields["photo_background"])
    card.paste(photo.resize((box[2] - box[0], box[3] - box[1]), Image.LANCZOS), box[:2])
    sig_box = [round(v * f) for v, f in zip(SIGNATURE_BOX, (k, ky, k, ky), strict=True)]
    sig = make_signature(rng=rng, width_px=sig_box[2] - sig_box[0],
                         height_px=sig_box[3] - sig_box[1], ink=BLACK_INK)
    card.paste(sig, sig_box[:2], sig)
    card = card.filter(ImageFilter.GaussianBlur(max(0.4, dpi / 300 * 0.6)))
    truth = {"doc": "ktp", **fields, "tanggal_terbit": issued.isoformat(), "color": True,
             "side": "front", "design": DESIGN}
    return card, truth
