"""Thirtieth-group KTP prints and print looks: a print of jala (a fisherman's cast net:
knotted meshes of cords that sag a little between their knots, a heavier cord now and then,
in two colours by turns), a print of kipas (rows of small folding fans: the ribs radiating
from a rivet under a scalloped edge, turned up and down by rows, in two colours), a card
sent on by fax (faks: a photocopy of it fed into a village office's fax machine and
received on a plain-paper fax: every dot black or white at 204 dots an inch across and
98 (standard) or 196 (fine) lines an inch down, the pale tints gone and the photo a dark
blot or a dither of dots, the motor's unevenness, lines lost or garbled on the telephone
line; on a copy page the sending machine's header line across the top: the date and time,
the sender's name and fax number, the page), and a card photographed through the clear
window of an ID-card holder hanging on its lanyard (kalung: the soft plastic sleeve a few
millimetres larger than the card all round, its welded seam, a thumb notch in its front
sheet and the slot at its top with the lanyard's metal clip and ribbon running out of the
picture; the plastic's milky haze, its yellowing, wrinkles and scuffs and a broad glare
band off the NIK's and the name's lines; lying on a desk or a cloth, photographed a
little from the side, a JPEG)."""
from __future__ import annotations

import datetime as dt
import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from scansim.formpages import jpeg
from scansim.ktp_group26 import SURFACES, _surface, photo_quad, shake_kernel
from scansim.ktp_group29 import copy_look

FONT_ROOT = "/usr/share/fonts/truetype"
HEADER_FONT = f"{FONT_ROOT}/glasstty/Glass_TTY_VT220.ttf"   # a fax machine's dot face
# A card sent on by fax (see fax_plan): each drawn per card or page.
FAX = {"dpi_x": 204,                   # dots an inch across the scan line
       "lpi": {"fine": 196, "standard": 98},   # lines an inch down, by mode
       "modes": ("fine", "fine", "standard"),  # the sender's resolution key
       "zoom": {"fine": (1.0, 1.2), "standard": (1.4, 1.6)},   # the card's copy enlarged
       #                               before it was faxed (standard mode: so it stays read)
       "photo": 0.3,                   # the share sent in photo mode (greys as dithered dots)
       "threshold": (0.5, 0.6),        # text mode's cut (share of the paper's white)
       "skew": (-0.6, 0.6),            # degrees the sheet went through askew
       "drift": 0.05,                  # the motor's unevenness (lines, per line)
       "lost": (2, 5),                 # lines lost on the line (the one before printed again)
       "garbled": (0, 2),              # lines garbled to noise on the line
       "header_mm": (2.2, 2.7)}        # the header line's height (its capitals)
# Who sends a resident's card on from the regency's villages and kecamatan, and how.
SENDERS = ("KANTOR DESA PASIR PANJANG", "KANTOR DESA KUMPAI BATU ATAS",
           "KANTOR DESA SUNGAI RANGIT", "KANTOR DESA RANGDA", "KANTOR DESA MEDANG SARI",
           "KANTOR DESA SULUNG", "KEC. ARUT SELATAN", "KEC. KOTAWARINGIN LAMA",
           "KEC. PANGKALAN LADA", "KELURAHAN MENDAWAI", "KELURAHAN RAJA SERUYAN",
           "WARTEL BERKAH KUMAI")
# An ID-card holder on its lanyard (see kalung_plan).
HOLDER = {"fill": (0.82, 0.88),        # the card's width as a share of the picture's
          "room_mm": (2.5, 4.5),       # the sleeve past the card's edges
          "seam_mm": (1.4, 2.4),       # its welded seam's width
          "notch_mm": (6.0, 8.0),      # the thumb notch's radius (in the front sheet's foot)
          "slot_mm": ((12.0, 15.0), (2.6, 3.4)),   # the slot at its top (width, height)
          "haze": (0.06, 0.13),        # the plastic's milky haze
          "yellow": (0.0, 0.06),       # ... and how yellow it has gone
          "glare": (0.3, 0.5),         # the glare band's strength at its heart
          "glare_mm": (4.0, 7.5),      # ... its half width
          "keystone": (0.01, 0.035),   # the far side shorter (a share of its size)
          "turn": (-2.5, 2.5),         # degrees turned in the picture
          "shake_mm": (0.08, 0.25),    # the phone's movement while the shutter was open
          "quality": (70, 86)}         # the phone's JPEG
RIBBONS = ((24, 60, 140), (150, 28, 36), (20, 110, 70), (30, 30, 34), (220, 140, 20))
RIBBON_TEXT = ("PEMKAB KOTAWARINGIN BARAT", "DINAS PUPR", "KOBAR", "SEHAT  BERKAH  AMANAH")


# -- the security prints ------------------------------------------------------------------

def jala(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Jala: a cast net's meshes 3.2-4.0 mm across, set as diamonds: cords running both
    ways on the diagonals, sagging 0.25-0.45 mm between their knots (each a small dot), the
    cords of one direction in ``color``, of the other in ``second``; every fifth cord a
    heavier one."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    mesh = rng.uniform(3.2, 4.0) * u
    sag = rng.uniform(0.25, 0.45) * u
    width = max(1, round(0.08 * u))
    heavy = max(width + 1, round(0.16 * u))
    ox = rng.uniform(0, mesh)
    span = w + h
    for k, c in enumerate(np.arange(-h + ox, span, mesh / math.sqrt(2) * 1.4142)):
        for sign, ink in ((1, color), (-1, second)):
            pts = []
            for t in np.arange(0, span + mesh, mesh / 8):
                x = c + t / math.sqrt(2) if sign > 0 else c - t / math.sqrt(2) + h
                y = t / math.sqrt(2)
                phase = (t % mesh) / mesh
                drop = sag * math.sin(math.pi * phase)
                pts.append((x + sign * 0.3 * drop, y + drop))
            d.line(pts, fill=ink, width=heavy if k % 5 == 0 else width, joint="curve")
    knot = max(1.0, 0.22 * u)
    step = mesh / math.sqrt(2) * 1.4142
    for i, x in enumerate(np.arange(ox - step, w + step, step / 2)):
        for y in np.arange((i % 2) * step / 2, h + step, step):
            d.ellipse([x - knot, y - knot, x + knot, y + knot],
                      fill=color if i % 2 == 0 else second)


def kipas(img: Image.Image, rng: random.Random, color, u: float, *, second) -> None:
    """Kipas: folding fans 4.4-5.2 mm across in rows 3.6-4.2 mm apart (each row shifted
    half a fan), each nine to eleven ribs radiating from a rivet under a scalloped edge
    (one scallop between each two ribs), turned up on one row and down on the next; the
    rows in ``color`` and ``second`` by turns."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    across = rng.uniform(4.4, 5.2) * u
    row = rng.uniform(3.6, 4.2) * u
    ribs = rng.randint(9, 11)
    width = max(1, round(0.08 * u))
    oy, ox = rng.uniform(0, row), rng.uniform(0, across)
    r = 0.5 * across
    for k, y in enumerate(np.arange(oy - row, h + row, row)):
        ink = color if k % 2 == 0 else second
        up = 1 if k % 2 == 0 else -1
        for x in np.arange(ox - across + (k % 2) * across / 2, w + across, across):
            cx, cy = x, y + up * 0.45 * r
            angles = np.linspace(math.radians(20), math.radians(160), ribs)
            tips = [(cx + r * math.cos(a), cy - up * r * math.sin(a)) for a in angles]
            for tx, ty in tips:
                d.line([(cx, cy), (tx, ty)], fill=ink, width=width)
            edge = []
            for a0, a1 in zip(angles[:-1], angles[1:], strict=True):
                for t in np.linspace(0, 1, 5):
                    a = a0 + (a1 - a0) * t
                    rr = r * (1 + 0.08 * math.sin(math.pi * t))
                    edge.append((cx + rr * math.cos(a), cy - up * rr * math.sin(a)))
            d.line(edge, fill=ink, width=width)
            d.ellipse([cx - 0.2 * u, cy - 0.2 * u, cx + 0.2 * u, cy + 0.2 * u], fill=ink)


# -- sent on by fax --------------------------------------------------------------------------

def fax_plan(rng: random.Random, *, nik: str = "", standard_ok: bool = True) -> dict:
    """How a card went through the fax: the sender's mode (fine or standard; standard only
    where ``standard_ok``: the card enlarged enough to be read), the zoom its copy was
    made at, text or photo mode, the cut, the skew, the lines lost and garbled (as shares
    of the page's height) and the sending machine's header line (the date and time, the
    sender's name and fax number, never the card's ``nik`` nor a part of it, the page)."""
    mode = rng.choice(FAX["modes"]) if standard_ok else "fine"
    while True:
        number = f"0532 {rng.randint(2, 9)}{rng.randint(0, 99999):05d}"[:10]
        if not nik or number.replace(" ", "")[-5:] not in nik:
            break
    when = dt.datetime(rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28),
                       rng.randint(7, 15), rng.randint(0, 59))
    sender = rng.choice(SENDERS)
    page, pages = 1, rng.randint(1, 3)
    style = rng.randrange(3)
    if style == 0:
        header = f"{when:%d/%m/%Y %H:%M}   FAX {number}   {sender}   HAL. {page:02d}/{pages:02d}"
    elif style == 1:
        header = f"{when:%b-%d-%Y %H:%M}  FROM: {sender}  {number}  P.{page:03d}/{pages:03d}"
    else:
        header = f"{when:%d-%m-%Y %H:%M}  {number}  {sender}  #{rng.randint(1, 999):04d} " \
                 f"P.{page:03d}"
    lost = [rng.uniform(0.02, 0.98) for _ in range(rng.randint(*FAX["lost"]))]
    garbled = [rng.uniform(0.02, 0.98) for _ in range(rng.randint(*FAX["garbled"]))]
    return {"mode": mode, "lpi": FAX["lpi"][mode], "zoom": rng.uniform(*FAX["zoom"][mode]),
            "photo": rng.random() < FAX["photo"], "threshold": rng.uniform(*FAX["threshold"]),
            "skew": rng.uniform(*FAX["skew"]), "lost": lost, "garbled": garbled,
            "header": header, "number": number, "sender": sender, "when": when,
            "header_mm": rng.uniform(*FAX["header_mm"])}


def fax_dots(grey: np.ndarray, plan: dict, rng: random.Random, dpi: float, *,
             keep: list[tuple[float, float]] = (), header: bool = False) -> np.ndarray:
    """``grey`` (h, w, 0..255) as the fax's dots: read at FAX["dpi_x"] by the plan's lines
    an inch (``dpi``: the image's own resolution, of the sheet as it went through),
    turned by its skew, each line read a little above or below where it should (the
    motor), cut to black or white (text mode) or dithered (photo mode), a few lines lost
    (the one before printed again) or garbled to noise, never inside ``keep`` (bands of
    rows, px); with ``header`` the sending machine's line across its top. Returns the dots
    (fh, fw, 0 or 255) at the fax's own grid."""
    h, w = grey.shape
    fw, fh = max(8, round(w * FAX["dpi_x"] / dpi)), max(8, round(h * plan["lpi"] / dpi))
    turned = Image.fromarray(np.uint8(np.clip(grey, 0, 255)), "L").rotate(
        plan["skew"], resample=Image.BICUBIC, fillcolor=255)
    small = np.asarray(turned.resize((fw, fh), Image.BOX), np.float32)
    g = np.random.default_rng(rng.getrandbits(32))
    drift = np.cumsum(g.normal(0, FAX["drift"], fh))
    drift -= np.linspace(0, drift[-1], fh)
    small = small[np.clip(np.round(np.arange(fh) + drift).astype(int), 0, fh - 1)]
    paper = max(1.0, float(np.percentile(small, 90)))
    tone = np.clip(small / paper, 0, 1)
    if plan["photo"]:   # photo mode: the greys diffused into dots
        dots = np.asarray(Image.fromarray(np.uint8(tone * 255), "L").convert("1"),
                          np.uint8) * 255
    else:
        noise = g.normal(0, 0.03, tone.shape)
        dots = np.where(tone + noise < plan["threshold"], 0, 255).astype(np.uint8)
    scale = fh / h
    bands = [(y0 * scale - 2, y1 * scale + 2) for y0, y1 in keep]

    def clear(row: int) -> bool:
        return all(not (b0 <= row <= b1) for b0, b1 in bands)
    for at in plan["lost"]:
        row = int(at * (fh - 2)) + 1
        if clear(row):
            dots[row] = dots[row - 1]
    for at in plan["garbled"]:
        row = int(at * (fh - 2)) + 1
        if clear(row):
            dots[row] = np.where(g.random(fw) < 0.35, 0, 255).astype(np.uint8)
    if header:
        # the machine's dot face, its dots square at 204 an inch, then taken to the lines
        height = plan["header_mm"] / 25.4 * FAX["dpi_x"]
        fnt = ImageFont.truetype(HEADER_FONT, max(6, round(height * 1.35)))
        strip = Image.new("L", (fw, max(8, round(height * 2.2))), 255)
        sd = ImageDraw.Draw(strip)
        sd.text((round(0.03 * fw), round(0.3 * height)), plan["header"], font=fnt, fill=0,
                stroke_width=1 if height > 14 else 0, stroke_fill=0)
        lines = max(2, round(strip.height * plan["lpi"] / FAX["dpi_x"]))
        line = np.asarray(strip.resize((fw, lines), Image.BOX))
        top = max(1, round(0.004 * fh))
        dots[top:top + line.shape[0]] = np.minimum(dots[top:top + line.shape[0]],
                                                   np.where(line < 128, 0, 255))
    return dots


def faks(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
         keep: tuple[float, float] | None = None, binary: bool = True) -> Image.Image:
    """The card as its fax shows it: photocopied in grey (the copy fed into the machine,
    enlarged by the plan's zoom), then its dots (:func:`fax_dots`; the lines lost or
    garbled kept off ``keep``, px: the NIK's and the name's rows) brought back to the
    card's size, a dot a block; received on a plain-paper fax, its toner a little grey on
    the tray's greyish paper.
    ``amount`` (0..1): how dark the receiving printer's toner. With ``binary`` False the
    copy's greys are kept (every draw the same)."""
    plan = fax_plan(rng)
    copy = copy_look(img, rng, dpi)
    grey = np.asarray(copy.convert("L"), np.float32)
    dots = fax_dots(grey, plan, rng, dpi * plan["zoom"], keep=[keep] if keep else [])
    h, w = grey.shape
    back = Image.fromarray(dots, "L").resize((w, h), Image.NEAREST)
    arr = np.asarray(back, np.float32)
    if not binary:
        arr = grey
    black = 255 - (255 - rng.uniform(14, 34)) * (0.7 + 0.3 * amount)
    paper = rng.uniform(234, 242)   # the fax tray's cheap paper, a little grey
    arr = np.where(arr < 128, black, paper)
    return Image.fromarray(np.uint8(arr), "L").convert("RGB")


def faks_page(page: Image.Image, rng: random.Random, dpi: int, *, nik: str,
              scale: float, keep: list[tuple[float, float]] = (), color: bool = True
              ) -> tuple[Image.Image, dict]:
    """A copy page as the office received it by fax (:func:`fax_plan`: standard mode only
    where the copier's ``scale`` enlarged the cards to 130 % or more; the header's number
    never the card's ``nik``): the page's dots with the sending machine's header line
    across its top (:func:`fax_dots`; nothing lost or garbled in ``keep``, bands of rows,
    px), printed on a plain-paper fax and scanned (the dots a little soft, the toner not
    quite black, the paper a little warm in colour). Returns the page and the plan."""
    plan = fax_plan(rng, nik=nik, standard_ok=scale >= 1.3)
    grey = np.asarray(page.convert("L"), np.float32)
    dots = fax_dots(grey, plan, rng, dpi, keep=keep, header=True)
    h, w = grey.shape
    back = np.asarray(Image.fromarray(dots, "L").resize((w, h), Image.NEAREST), np.float32)
    ink = rng.uniform(16, 36)
    arr = np.where(back < 128, ink, 250.0).astype(np.float32)
    arr = cv2.GaussianBlur(arr, (0, 0), max(0.4, dpi / 300 * 0.6))
    g = np.random.default_rng(rng.getrandbits(32))
    arr = arr + g.normal(0, 2.0, arr.shape).astype(np.float32)
    out = np.repeat(arr[..., None], 3, axis=2)
    if color:
        out = out * np.array((1.0, 0.99, 0.965), np.float32)
    return Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB"), plan


# -- through an ID-card holder on its lanyard -------------------------------------------------

def kalung_plan(rng: random.Random, u: float) -> dict:
    """The holder and the picture (``u`` px a mm): the sleeve's room past the card, its
    seam, thumb notch and slot, the plastic's haze and yellowing, the glare band (its
    strength, half width, slope and where down the card, a share of its height), the
    ribbon's colour and print, the card's share of the picture's width, its keystone and
    turn, the shake, the JPEG."""
    (sw0, sw1), (sh0, sh1) = HOLDER["slot_mm"]
    return {"room": rng.uniform(*HOLDER["room_mm"]) * u,
            "seam": rng.uniform(*HOLDER["seam_mm"]) * u,
            "notch": rng.uniform(*HOLDER["notch_mm"]) * u,
            "slot": (rng.uniform(sw0, sw1) * u, rng.uniform(sh0, sh1) * u),
            "haze": rng.uniform(*HOLDER["haze"]), "yellow": rng.uniform(*HOLDER["yellow"]),
            "glare": rng.uniform(*HOLDER["glare"]), "glare_w": rng.uniform(*HOLDER["glare_mm"]) * u,
            "glare_slope": rng.uniform(-0.35, 0.35), "glare_at": rng.uniform(0.0, 1.0),
            "ribbon": rng.choice(RIBBONS), "ribbon_text": rng.choice(RIBBON_TEXT),
            "fill": rng.uniform(*HOLDER["fill"]), "keystone": rng.uniform(*HOLDER["keystone"]),
            "far": rng.choice(("left", "right", "top", "bottom")),
            "turn": rng.uniform(*HOLDER["turn"]), "shake": rng.uniform(*HOLDER["shake_mm"]) * u,
            "quality": rng.randint(*HOLDER["quality"]), "surface": rng.choice(SURFACES)}


def glare_rows(h: int, plan: dict, clear: list[tuple[float, float]]) -> float:
    """Where the glare band's middle crosses the card (px from its top): the plan's share
    of the card's height, moved off the ``clear`` bands (rows, px) it would lie on."""
    at = plan["glare_at"] * h
    pad = plan["glare_w"] * 1.2
    for _ in range(4):
        hit = [(y0, y1) for y0, y1 in clear if y0 - pad < at < y1 + pad]
        if not hit:
            break
        y0, y1 = hit[0]
        at = y1 + pad + 1 if y1 + pad + 1 < h else y0 - pad - 1
    return at


def sleeve_over(card: np.ndarray, plan: dict, rng: random.Random, u: float, *,
                clear: list[tuple[float, float]] = (), glare: bool = True) -> tuple[
                    np.ndarray, np.ndarray]:
    """The card (h, w, 3) inside the holder, as a flat picture with the sleeve round it:
    returns the picture (the card at the plan's room inside the sleeve; the sleeve's seam
    milky and ridged, the plastic's haze and yellowing over the card but not in the thumb
    notch at the foot, faint wrinkles and scuffs, the glare band, kept off the ``clear``
    rows of the card, px, with ``glare``) and its cover (where the sleeve is, 0..1)."""
    h, w = card.shape[:2]
    room = int(round(plan["room"]))
    seam = plan["seam"]
    slot_w, slot_h = plan["slot"]
    top = int(round(room + slot_h + 2.5 * u))   # the slot's strip above the card
    H, W = h + room + top, w + 2 * room
    pic = np.full((H, W, 3), 226.0, np.float32)   # the sleeve's plastic round the card
    pic[top:top + h, room:room + w] = card
    mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, W - 1, H - 1], radius=round(2.5 * u),
                                           fill=255)
    sleeve = np.asarray(mask, np.float32) / 255
    g = np.random.default_rng(rng.getrandbits(32))
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    inner = np.minimum(np.minimum(xx, W - 1 - xx), np.minimum(yy, H - 1 - yy))
    # between the card and the seam the two clear sheets: what lies behind shows through
    cover = sleeve * 0.4
    cover[top:top + h, room:room + w] = 1.0
    # the slot through the sleeve's top strip: a rounded hole
    sx0, sy0 = (W - slot_w) / 2, (top - slot_h) / 2
    hole = Image.new("L", (W, H), 0)
    ImageDraw.Draw(hole).rounded_rectangle([sx0, sy0, sx0 + slot_w, sy0 + slot_h],
                                           radius=slot_h / 2, fill=255)
    hole = np.asarray(hole, np.float32) / 255
    # the welded seam: a milky, finely ridged strip along the sleeve's edge
    ridge = 0.5 + 0.5 * np.sin(inner / max(1.0, 0.25 * u) * math.pi)
    seam_band = (inner < seam).astype(np.float32) * sleeve
    cover = np.maximum(cover, 0.85 * seam_band) * (1 - hole)
    pic = pic * (1 - 0.35 * seam_band[..., None]) + (205 + 30 * ridge)[..., None] * \
        0.35 * seam_band[..., None]
    # the plastic's haze and yellowing over everything under the front sheet, not the notch
    notch = (np.hypot(xx - W / 2, yy - (H - 1)) < plan["notch"]).astype(np.float32)
    notch = cv2.GaussianBlur(notch, (0, 0), max(0.6, 0.15 * u))
    film = (1 - notch) * (cover > 0)
    milk = np.array((246, 246, 240), np.float32) * (1 - plan["yellow"]) + \
        np.array((240, 222, 160), np.float32) * plan["yellow"]
    pic = pic * (1 - plan["haze"] * film[..., None]) + milk * plan["haze"] * film[..., None]
    tint = 1 - plan["yellow"] * np.array((0.0, 0.15, 0.55), np.float32)
    pic = pic * (1 - film[..., None] * (1 - tint))
    # the notch's rim: the front sheet's cut edge, a thin bright and dark line
    rim = np.abs(np.hypot(xx - W / 2, yy - (H - 1)) - plan["notch"]) < max(1.0, 0.12 * u)
    pic[rim & (sleeve > 0)] *= 0.8
    # wrinkles and scuffs: faint curved lines of light in the soft plastic
    lines = np.zeros((H, W), np.float32)
    for _ in range(rng.randint(2, 4)):
        x0, y0 = rng.uniform(0, W), rng.uniform(0, H)
        a = rng.uniform(0, math.pi)
        bend = rng.uniform(-0.004, 0.004) / max(1.0, u / 10)
        along = (xx - x0) * math.cos(a) + (yy - y0) * math.sin(a)
        off = -(xx - x0) * math.sin(a) + (yy - y0) * math.cos(a) - bend * along ** 2
        lines += np.exp(-(off / max(0.8, 0.3 * u)) ** 2) * np.exp(-(along / (18 * u)) ** 2)
    scuff = cv2.GaussianBlur(g.random((H, W)).astype(np.float32), (0, 0), max(0.5, 0.1 * u))
    scuff = np.clip((scuff - 0.5) * 8, 0, 1) * 0.06
    pic = pic + (np.clip(lines, 0, 1) * 22 + scuff * 120)[..., None] * film[..., None]
    if glare:   # a window's or lamp's reflection: a broad soft band across the plastic
        mid = top + glare_rows(h, plan, list(clear))
        off = (yy - mid) - plan["glare_slope"] * (xx - W / 2)
        band = np.exp(-(off / plan["glare_w"]) ** 2) * plan["glare"] * film
        pic = pic * (1 - band[..., None]) + 255 * band[..., None]
    return np.clip(pic, 0, 255), cover


def lanyard(scene: np.ndarray, rng: random.Random, u: float, plan: dict,
            slot: tuple[float, float], up: tuple[float, float]) -> np.ndarray:
    """The lanyard's ribbon (its colour, its print repeated along it) running from the
    holder's slot at ``slot`` (px) out of the picture in direction ``up``, and its metal
    clip through the slot: a flat steel strap with a bright ridge and a press stud."""
    H, W = scene.shape[:2]
    sx, sy = slot
    dx, dy = up
    width = rng.uniform(13, 16) * u
    length = math.hypot(W, H)
    layer = Image.new("RGB", (W, H), (0, 0, 0))
    alpha = Image.new("L", (W, H), 0)
    ld, ad = ImageDraw.Draw(layer), ImageDraw.Draw(alpha)
    clip_len = rng.uniform(14, 18) * u
    bx, by = sx + dx * clip_len, sy + dy * clip_len   # where the ribbon's loop starts
    nx, ny = -dy, dx
    ribbon = [(bx + nx * width / 2, by + ny * width / 2),
              (bx - nx * width / 2, by - ny * width / 2),
              (bx - nx * width / 2 + dx * length, by - ny * width / 2 + dy * length),
              (bx + nx * width / 2 + dx * length, by + ny * width / 2 + dy * length)]
    ld.polygon(ribbon, fill=plan["ribbon"])
    ad.polygon(ribbon, fill=255)
    # the strap and its stud
    strap = 0.42 * width
    metal = [(sx + nx * strap / 2, sy + ny * strap / 2), (sx - nx * strap / 2, sy - ny * strap / 2),
             (bx - nx * strap / 2 + dx * 4 * u, by - ny * strap / 2 + dy * 4 * u),
             (bx + nx * strap / 2 + dx * 4 * u, by + ny * strap / 2 + dy * 4 * u)]
    ld.polygon(metal, fill=(150, 152, 156))
    ad.polygon(metal, fill=255)
    ld.line([(sx, sy), (bx + dx * 4 * u, by + dy * 4 * u)], fill=(228, 230, 234),
            width=max(1, round(0.6 * u)))
    cx, cy = sx + dx * 0.55 * clip_len, sy + dy * 0.55 * clip_len
    r = 0.3 * strap
    ld.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(112, 114, 118), outline=(210, 212, 214))
    arr = np.asarray(layer, np.float32)
    cover = np.asarray(alpha, np.float32)[..., None] / 255
    # the ribbon's print along it: its words in white, turned with it
    text = Image.new("L", (int(length), int(width)), 0)
    fnt = ImageFont.truetype(HEADER_FONT.replace("glasstty/Glass_TTY_VT220.ttf",
                                                 "dejavu/DejaVuSans-Bold.ttf"),
                             max(6, int(0.5 * width)))
    td = ImageDraw.Draw(text)
    x = 2 * u
    while x < length:
        td.text((x, 0.2 * width), plan["ribbon_text"], font=fnt, fill=220)
        x += td.textlength(plan["ribbon_text"], font=fnt) + 6 * u
    angle = math.degrees(math.atan2(-dy, dx))
    text = text.rotate(angle, expand=True, resample=Image.BICUBIC)
    words = Image.new("L", (W, H), 0)
    ox = bx + dx * length / 2 - text.width / 2
    oy = by + dy * length / 2 - text.height / 2
    words.paste(text, (round(ox), round(oy)))
    wv = np.asarray(words, np.float32)[..., None] / 255 * \
        (np.asarray(alpha, np.float32)[..., None] / 255)
    arr = arr * (1 - wv) + 235 * wv
    return scene * (1 - cover) + arr * cover


def kalung(img: Image.Image, rng: random.Random, amount: float, dpi: int, *,
           clear: list[tuple[float, float]] = (), glare: bool = True,
           lanyard_on: bool = True) -> Image.Image:
    """The card photographed in its ID-card holder hanging on a lanyard (:func:`kalung_plan`):
    the holder (:func:`sleeve_over`: the sleeve, its seam, notch and slot, the plastic's
    haze, yellowing, wrinkles and scuffs and the glare band, kept off ``clear``, px rows
    of the card; ``glare``) lying on a desk or a cloth, the lanyard's ribbon and clip
    through the slot out of the picture (``lanyard_on``); the card filling 82-88 % of the
    picture's width, its far side a little shorter, turned a little; the room's light, the
    phone's shake (longer with ``amount``), sharpening and noise; a JPEG. Every draw is
    the same whatever is left out."""
    u = dpi / 25.4
    w, h = img.size
    plan = kalung_plan(rng, u)
    card = np.asarray(img.convert("RGB"), np.float32)
    pic, cover = sleeve_over(card, plan, rng, u, clear=clear, glare=glare)
    H, W = cover.shape
    room = int(round(plan["room"]))
    top = H - h - room
    # the picture: the card's width a share of it, the holder's top (and slot) above
    fill = plan["fill"]
    cx, cy = w / 2 + rng.uniform(-0.02, 0.02) * w, h / 2 + rng.uniform(0.02, 0.045) * h
    quad = photo_quad((w, h), plan, (cx, cy))
    turn = math.radians(plan["turn"])
    src = np.float32([[room, top], [room + w, top], [room + w, top + h], [room, top + h]])
    matrix = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(pic, matrix, (w, h), flags=cv2.INTER_LINEAR)
    held = cv2.warpPerspective(cover, matrix, (w, h), flags=cv2.INTER_LINEAR)
    scene = _surface((w, h), random.Random(rng.getrandbits(32)), u * fill,
                     plan["surface"])
    shade = cv2.GaussianBlur(np.roll(held, (round(0.6 * u), round(0.4 * u)), (0, 1)),
                             (0, 0), 1.2 * u)
    scene = scene * (1 - 0.35 * shade)[..., None]
    # what lies behind the sleeve's slot and its empty margin shows faintly through it
    out = scene * (1 - held[..., None]) + warped * held[..., None]
    slot_pt = matrix @ np.array([W / 2, (top - plan["slot"][1]) / 2 + plan["slot"][1] / 2, 1.0])
    sx, sy = slot_pt[0] / slot_pt[2], slot_pt[1] / slot_pt[2]
    up = (-math.sin(turn) + rng.uniform(-0.25, 0.25), -math.cos(turn))
    norm = math.hypot(*up)
    if lanyard_on:
        out = lanyard(out, rng, u * fill, plan, (sx, sy), (up[0] / norm, up[1] / norm))
    else:
        rng.uniform(13, 16), rng.uniform(14, 18)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    lx, ly = rng.uniform(-0.2, 1.2) * w, rng.uniform(-0.4, 0.3) * h
    light = 1.05 - 0.18 * np.hypot(xx - lx, yy - ly) / math.hypot(w, h)
    warm = rng.uniform(-0.03, 0.06)
    out = out * light[..., None] * np.array((1 + warm / 2, 1.0, 1 - warm), np.float32)
    length = max(1.0, plan["shake"] * (0.6 + 0.4 * amount))
    out = cv2.filter2D(np.clip(out, 0, 255).astype(np.float32), -1,
                       shake_kernel(length, rng.uniform(0, math.pi)))
    soft = cv2.GaussianBlur(out, (0, 0), max(1.0, 0.1 * u))
    g = np.random.default_rng(rng.getrandbits(32))
    out = out + 0.5 * (out - soft) + g.normal(0, 2.4, out.shape).astype(np.float32)
    picture = Image.fromarray(np.uint8(np.clip(out, 0, 255)), "RGB")
    return jpeg(picture, plan["quality"]).convert("RGB")


__all__ = ["FAX", "HOLDER", "SENDERS", "fax_dots", "fax_plan", "faks", "faks_page",
           "glare_rows", "jala", "kalung", "kalung_plan", "kipas", "lanyard", "sleeve_over"]
