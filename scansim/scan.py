"""Simulated returned paperwork: printed packs signed, stacked with attachments and scanned.

``simulate_returns`` renders each pack PDF page, signs its ``ttd_*`` signature fields, sticks
a materai on the ``materai`` field, puts a KTP photocopy, an ijazah and a pas foto page
after the applicant's sampul, stacks the pages as a person would, and degrades every page
the way a feeder scanner does (skew, noise, blur, JPEG, some pages upside down or grey).
Per-applicant ``defects`` make the bad cases the checks must catch. It writes the scans
and ``truth.json``: for every output page, what it is and what a reader should find.

Pages are processed one at a time (only compressed bytes are kept), so a batch of
hundreds of 300-dpi pages fits in little memory.
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter, ImageOps

from formgen.core.atomic import atomic_open, write_bytes, write_text
from ocr.pageid import find_page_code, parse_page_id
from scansim.documents import (
    make_ijazah,
    make_materai,
    make_pas_foto_page,
    make_signature,
)
from scansim.draw import BLACK_INK, BLUE_INK
from scansim.jpegpdf import JpegPdfWriter
from scansim.ktp import make_ktp_copy_page
from scansim.people import make_people

DEFECTS = frozenset({
    "missing_ktp", "missing_ijazah", "missing_pas_foto", "unsigned", "no_materai",
    "greyscale_ktp", "greyscale_ijazah", "wrong_photo", "ktp_other_person", "upside_down",
    "blank_back", "scanned_twice", "corrupt_file",
})
FILE_MODES = ("per_batch", "per_applicant")
FORMATS = ("pdf", "tiff", "jpeg")
# Signature fields filled in later by the LSP or the office, not by the applicant's side.
UNSIGNED_BY_APPLICANT = ("admin", "lsp", "asesor", "petugas")
SCANNER_BED = (238, 238, 236)
ATTACHMENTS = ("ktp", "ijazah", "pas_foto")


@dataclass
class PageTruth:
    """What one output page is and what a reader should find on it.

    ``index`` counts from 0 within ``file``; ``rotation`` is the angle (degrees,
    counter-clockwise) the page was turned by on the scanner: a small skew, plus 180 when
    ``upside_down``. ``signed`` maps each ``ttd_*`` field of a form page to whether it holds
    ink; ``materai`` is None on pages without a materai box. ``attachment`` is the drawn
    document's truth (KTP fields, ijazah fields, photo kind); ``belongs_to`` the applicant an
    attachment was handed in with; ``review`` the reason a reader should send the page to
    review (``ktp_other_person``), else None. ``duplicate_of`` names the original of a file
    written twice.
    """
    file: str
    index: int
    applicant: int | None
    nik: str | None
    doc: str
    page_id: str | None = None
    rotation: float = 0.0
    upside_down: bool = False
    greyscale: bool = False
    signed: dict[str, bool] = field(default_factory=dict)
    materai: bool | None = None
    attachment: dict | None = None
    belongs_to: int | None = None
    review: str | None = None
    defects: list[str] = field(default_factory=list)
    duplicate_of: str | None = None


@dataclass
class SimulatedBatch:
    files: list[Path]
    truth: list[PageTruth]
    truth_path: Path | None = None
    corrupt: list[Path] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)  # copy name -> original name

    def pages_of(self, applicant: int) -> list[PageTruth]:
        return [t for t in self.truth if t.applicant == applicant and t.duplicate_of is None]


@dataclass
class _Page:
    """A page to be scanned: what it carries, and how to draw it when its turn comes."""
    doc: str
    draw: Callable[[], Image.Image]
    page_id: str | None = None
    signed: dict[str, bool] = field(default_factory=dict)
    materai: bool | None = None
    attachment: dict | None = None
    review: str | None = None
    defects: list[str] = field(default_factory=list)
    color_doc: bool = True


# --------------------------------------------------------------------------- pack PDF reading

def _field_name(annot) -> tuple[str, str | None]:
    """Full dotted name and field type of a widget annotation (walking up its parents)."""
    names, ftype, node = [], None, annot
    while node is not None:
        if "/T" in node:
            names.append(str(node["/T"]))
        if ftype is None and "/FT" in node:
            ftype = str(node["/FT"])
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return ".".join(reversed(names)), ftype


def pack_boxes(path: Path) -> list[dict[str, tuple[float, float, float, float]]]:
    """Per page, the signature and materai fields: short name -> (x0, y0, x1, y1) in points
    from the top-left corner of the page."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = []
    for page in reader.pages:
        box = page.mediabox
        left, top = float(box.left), float(box.top)
        found = {}
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget" or "/Rect" not in annot:
                continue
            name, _ftype = _field_name(annot)
            short = name.rsplit(".", 1)[-1]
            if not (short.startswith("ttd_") or short == "materai"):
                continue
            x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
            found[short] = (min(x0, x1) - left, top - max(y0, y1), max(x0, x1) - left,
                            top - min(y0, y1))
        pages.append(found)
    return pages


def _render(pdf, index: int, scale: float, *, forms: bool = True) -> Image.Image:
    """One page of an open pdfium document as an RGB image, freeing pdfium's memory at once."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=scale, may_draw_forms=forms)
        try:
            return bitmap.to_pil().convert("RGB")
        finally:
            bitmap.close()
    finally:
        page.close()


def _page_id(pdf_page) -> str | None:
    textpage = pdf_page.get_textpage()
    text = textpage.get_text_range()
    textpage.close()
    return find_page_code(text)


def _qr_page_id(image: Image.Image) -> str | None:
    import zxingcpp

    small = image.convert("L")
    small = small.resize((small.width // 2, small.height // 2))
    for result in zxingcpp.read_barcodes(small):
        code = find_page_code(result.text)
        if code:
            return code
    return None


def _doc_of(page_id: str | None, index: int) -> str:
    parsed = parse_page_id(page_id) if page_id else None
    if parsed:
        return parsed.doc
    return "sampul" if index == 0 else "other"


# --------------------------------------------------------------------------- page making

def _sign_page(image: Image.Image, boxes: dict, scale: float, rng: random.Random, *,
               skip: set[str], materai: bool, dpi: int, ink: tuple[int, int, int]
               ) -> tuple[dict[str, bool], bool | None]:
    signed: dict[str, bool] = {}
    has_materai = None
    if "materai" in boxes:
        has_materai = materai
        if materai:
            sticker = make_materai(rng=rng, dpi=dpi).rotate(rng.uniform(-6, 6), expand=True,
                                                           resample=Image.BICUBIC)
            x0, y0, x1, y1 = (v * scale for v in boxes["materai"])
            cx = (x0 + x1) / 2 + rng.uniform(-0.1, 0.1) * (x1 - x0)
            cy = (y0 + y1) / 2 + rng.uniform(-0.1, 0.1) * (y1 - y0)
            image.paste(sticker, (int(cx - sticker.width / 2), int(cy - sticker.height / 2)),
                        sticker)
    for name, rect in sorted(boxes.items()):
        if not name.startswith("ttd_"):
            continue
        if any(word in name for word in UNSIGNED_BY_APPLICANT) or name in skip:
            signed[name] = False
            continue
        x0, y0, x1, y1 = (v * scale for v in rect)
        w, h = x1 - x0, y1 - y0
        sw, sh = int(w * rng.uniform(0.7, 0.95)), int(h * rng.uniform(0.7, 0.95))
        sig = make_signature(rng=rng, width_px=sw, height_px=sh, ink=ink)
        px = x0 + rng.uniform(0, max(0.0, w - sw))
        py = y0 + rng.uniform(0, max(0.0, h - sh))
        if has_materai and name == "ttd_pemohon" and rng.random() < 0.6:
            # People sign across the stamp: up to a quarter of the signature over the materai.
            mx = (boxes["materai"][0] + boxes["materai"][2]) / 2 * scale
            px += math.copysign(rng.uniform(0.1, 0.25) * sw, mx - (x0 + x1) / 2)
        image.paste(sig, (int(px), int(py)), sig)
        signed[name] = True
    return signed, has_materai


def _form_pages(pdf, boxes: list[dict], rng: random.Random, dpi: int,
                defects: set[str]) -> list[_Page]:
    """The pack's pages, to be rendered as filled in and signed by the applicant."""
    scale = dpi / 72
    ink = BLUE_INK if rng.random() < 0.6 else BLACK_INK
    signable = [i for i, b in enumerate(boxes) if "ttd_pemohon" in b]
    unsigned_at = rng.choice(signable) if "unsigned" in defects and signable else None
    pages: list[_Page] = []
    for i in range(len(pdf)):
        pdf_page = pdf[i]
        page_id = _page_id(pdf_page)
        pdf_page.close()
        if page_id is None:
            page_id = _qr_page_id(_render(pdf, i, 150 / 72))
        page = _Page(_doc_of(page_id, i), draw=lambda: None, page_id=page_id)
        skip = {"ttd_pemohon"} if i == unsigned_at else set()
        if skip:
            page.defects.append("unsigned")
        if "materai" in (boxes[i] if i < len(boxes) else {}) and "no_materai" in defects:
            page.defects.append("no_materai")

        def draw(page=page, i=i, skip=skip) -> Image.Image:
            image = _render(pdf, i, scale)
            page.signed, page.materai = _sign_page(
                image, boxes[i] if i < len(boxes) else {}, scale, rng, skip=skip,
                materai="no_materai" not in defects, dpi=dpi, ink=ink)
            return image

        page.draw = draw
        pages.append(page)
    return pages


def _other_person(seed: int, applicant, avoid: str | None) -> dict:
    digest = hashlib.sha256(f"{seed}:{applicant}:other".encode()).digest()
    for person in make_people(3, seed=int.from_bytes(digest[:6], "big")):
        if person["nik"] != avoid:
            return person
    raise RuntimeError("no other person")  # three distinct NIKs always include one


def _attachment(doc: str, maker: Callable[[], tuple[Image.Image, dict]], **kw) -> _Page:
    page = _Page(doc, draw=lambda: None, **kw)

    def draw() -> Image.Image:
        image, page.attachment = maker()
        return image

    page.draw = draw
    return page


def _attachments(person: dict, applicant, rng: random.Random, dpi: int, paper_mm,
                 defects: set[str], seed: int) -> list[_Page]:
    """The applicant's photocopies and photo, each drawn when it is scanned."""
    pages = []
    if "missing_ktp" not in defects:
        owner, review, page_defects = person, None, []
        if "ktp_other_person" in defects:
            owner = _other_person(seed, applicant, person.get("nik"))
            review = "ktp_other_person"
            page_defects.append("ktp_other_person")
        color = "greyscale_ktp" not in defects
        if not color:
            page_defects.append("greyscale_ktp")
        back = rng.random() < 0.4
        pages.append(_attachment("ktp", lambda: make_ktp_copy_page(
            owner, rng=rng, dpi=dpi, paper_mm=paper_mm, color=color, back=back),
            review=review, defects=page_defects, color_doc=color))
    if "missing_ijazah" not in defects:
        color_ij = "greyscale_ijazah" not in defects
        pages.append(_attachment("ijazah", lambda: make_ijazah(
            person, rng=rng, dpi=dpi, paper_mm=paper_mm, color=color_ij), color_doc=color_ij,
            defects=[] if color_ij else ["greyscale_ijazah"]))
    if "missing_pas_foto" not in defects:
        kind = rng.choice(["square", "two_faces"]) if "wrong_photo" in defects else "ok"
        pages.append(_attachment("pas_foto", lambda: make_pas_foto_page(
            person, rng=rng, dpi=dpi, kind=kind, paper_mm=paper_mm),
            defects=["wrong_photo"] if kind != "ok" else []))
    return pages


def _blank_back(size: tuple[int, int], rng: random.Random, front: Image.Image) -> Image.Image:
    """A duplex back: white paper with the front faintly showing through, mirrored."""
    ghost = ImageOps.mirror(front.convert("L")).resize(size, Image.BILINEAR)
    ghost = ghost.point(lambda v: 255 - (255 - v) // rng.randint(14, 22))
    return ghost.filter(ImageFilter.GaussianBlur(2)).convert("RGB")


# --------------------------------------------------------------------------- scanner

def _degrade(image: Image.Image, rng: random.Random, *, dpi: int, upside_down: bool,
             greyscale: bool) -> tuple[Image.Image, float]:
    """The page as a feeder scanner returns it; returns the image and the rotation applied
    (degrees counter-clockwise: a small skew, plus 180 when the page went in upside down)."""
    import cv2

    angle = max(-3.0, min(3.0, rng.gauss(0, 1.0)))
    rotation = angle + (180.0 if upside_down else 0.0)
    arr = np.asarray(image.convert("L") if greyscale else image.convert("RGB"))
    h, w = arr.shape[:2]
    # Rotation about the centre on a canvas large enough to keep the whole page, plus shear.
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), rotation, 1.0)
    shear = rng.uniform(-0.004, 0.004)
    matrix[0, 1] += shear
    cos, sin = abs(math.cos(math.radians(angle))), abs(math.sin(math.radians(angle)))
    nw, nh = int(w * cos + h * sin + abs(shear) * h), int(h * cos + w * sin)
    matrix[0, 2] += (nw - w) / 2 - shear * h / 2
    matrix[1, 2] += (nh - h) / 2
    fill = SCANNER_BED[0] if greyscale else SCANNER_BED
    arr = cv2.warpAffine(arr, matrix, (nw, nh), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=fill)
    sigma = rng.uniform(0.3, 0.8) * dpi / 300
    arr = cv2.GaussianBlur(arr, (0, 0), sigma)
    cv2.setRNGSeed(rng.randrange(2**31))
    noise = np.empty(arr.shape, np.int16)
    cv2.randn(noise, 0, rng.uniform(2, 6))
    arr = cv2.add(arr.astype(np.int16), noise, dtype=cv2.CV_16S)
    # Speckle: dust specks and dropouts.
    count = int(nw * nh * rng.uniform(2e-5, 1.5e-4))
    srng = np.random.default_rng(rng.randrange(2**32))
    ys, xs = srng.integers(0, nh, count), srng.integers(0, nw, count)
    arr[ys, xs] = srng.choice(np.array([20, 235], np.int16), size=(count,) + arr.shape[2:])
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L" if greyscale else "RGB")
    return out, round(rotation, 3)


def _jpeg(image: Image.Image, rng: random.Random, dpi: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=rng.randint(55, 85), dpi=(dpi, dpi), optimize=False)
    return buf.getvalue()


class _Sink:
    """Writes compressed pages into one output file (or one file per page for JPEG)."""

    def __init__(self, out_dir: Path, stem: str, fmt: str, dpi: int):
        self.out_dir, self.stem, self.fmt, self.dpi = out_dir, stem, fmt, dpi
        self.count = 0
        self.paths: list[Path] = []
        self._pdf: JpegPdfWriter | None = None
        self._tiff = None

    def add(self, data: bytes, size: tuple[int, int], grey: bool) -> tuple[str, int]:
        """Append a page; returns (file name, index within that file)."""
        if self.fmt == "jpeg":
            path = self.out_dir / f"{self.stem}_{self.count + 1:03d}.jpg"
            write_bytes(path, data)
            self.paths.append(path)
            self.count += 1
            return path.name, 0
        if self.fmt == "pdf":
            if self._pdf is None:
                path = self.out_dir / f"{self.stem}.pdf"
                self.paths.append(path)
                self._pdf = JpegPdfWriter(path)
            self._pdf.add(data, size[0], size[1], grey=grey, dpi=self.dpi)
        else:
            from PIL import TiffImagePlugin

            if self._tiff is None:
                path = self.out_dir / f"{self.stem}.tif"
                self.paths.append(path)
                self._tiff_file = atomic_open(path, "w+b")  # visible only once complete
                self._tiff = TiffImagePlugin.AppendingTiffWriter(self._tiff_file.__enter__(),
                                                                 new=True)
            with Image.open(io.BytesIO(data)) as im:
                im.save(self._tiff, "TIFF", compression="jpeg", quality=90,
                        dpi=(self.dpi, self.dpi))
            self._tiff.newFrame()
        self.count += 1
        return self.paths[-1].name, self.count - 1

    def close(self) -> list[Path]:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        if self._tiff is not None:
            self._tiff.close()
            self._tiff_file.__exit__(None, None, None)
            self._tiff = None
        return self.paths


def _stack(forms: list[_Page], attachments: list[_Page], rng: random.Random) -> list[_Page]:
    """The applicant's papers in the order a person hands them in: sampul always on top,
    each document's pages kept together."""
    sampul = [p for p in forms if p.doc == "sampul"][:1]
    rest = [p for p in forms if not any(p is s for s in sampul)]
    docs: list[list[_Page]] = []
    for page in rest:
        if docs and docs[-1][0].doc == page.doc and page.doc != "blank":
            docs[-1].append(page)
        elif page.doc == "blank" and docs:
            docs[-1].append(page)
        else:
            docs.append([page])
    extra = [[p] for p in attachments]
    rng.shuffle(extra)
    style = rng.random()
    if style < 0.5:
        ordered = docs + extra
    elif style < 0.8:
        ordered = extra + docs
    else:
        ordered = docs + extra
        rng.shuffle(ordered)
    return sampul + [p for group in ordered for p in group]


def simulate_returns(packs: list[dict], out_dir: Path, *, dpi: int = 300, seed: int = 0,
                     people: dict[int, dict], defects: dict[int, set[str]] | None = None,
                     file_mode: str = "per_batch", fmt: str = "pdf",
                     upside_down_rate: float = 0.03, greyscale_rate: float = 0.1,
                     truth_file: Path | None = None) -> SimulatedBatch:
    """Scan what the applicants of ``packs`` hand back; see the module docstring.

    ``packs``: ``[{"applicant": id, "nik": nik, "path": pack_pdf, "pages": n}]`` as
    ``formgen pack --json`` gives them; ``people``: applicant id -> person (as from
    ``make_people``); ``defects``: applicant id -> set of names in ``DEFECTS``.
    ``file_mode``: one file for the whole batch or one per applicant (``fmt="jpeg"``
    writes one file per page either way). ``upside_down_rate`` and ``greyscale_rate``:
    chance of any page going in upside down / of a form page scanned in grey.
    ``truth_file``: where the JSON truth goes (default ``out_dir/truth.json``).
    """
    if file_mode not in FILE_MODES:
        raise ValueError(f"file_mode must be one of {FILE_MODES}")
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}")
    defects = defects or {}
    for applicant, names in defects.items():
        unknown = set(names) - DEFECTS
        if unknown:
            raise ValueError(f"unknown defects for applicant {applicant}: {sorted(unknown)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    truth: list[PageTruth] = []
    files: list[Path] = []
    corrupt: list[Path] = []
    duplicates: dict[str, str] = {}
    file_no = 0

    def new_sink() -> _Sink:
        nonlocal file_no
        file_no += 1
        return _Sink(out_dir, f"scan_{file_no:04d}", fmt, dpi)

    sink = new_sink() if file_mode == "per_batch" else None
    twice: list[str] = []
    broken: list[list[tuple[bytes, tuple[int, int], bool]]] = []
    for number, pack in enumerate(packs):
        applicant = pack.get("applicant")
        own = set(defects.get(applicant, set()))
        rng = random.Random(f"{seed}:{number}:{applicant}")
        person = people.get(applicant) or make_people(1, seed=seed * 7919 + number)[0]
        nik = pack.get("nik") or person.get("nik")
        start = len(truth)
        pdf = pdfium.PdfDocument(str(pack["path"]))
        pdf.init_forms()
        try:
            first = pdf[0].get_size()
            size = (round(first[0] / 72 * dpi), round(first[1] / 72 * dpi))
            paper_mm = (round(first[0] / 72 * 25.4), round(first[1] / 72 * 25.4))
            forms = _form_pages(pdf, pack_boxes(Path(pack["path"])), rng, dpi, own)
            if "blank_back" in own:
                after = rng.choice([i for i, p in enumerate(forms) if p.doc != "sampul"] or [0])
                forms.insert(after + 1, _Page("blank", draw=lambda after=after: _blank_back(
                    size, rng, _render(pdf, after, 50 / 72)),
                    defects=["blank_back"]))
            stack = _stack(forms, _attachments(person, applicant, rng, dpi, paper_mm, own, seed),
                           rng)
            flips = set()
            if "upside_down" in own and len(stack) > 1:
                flips.update(rng.sample(range(1, len(stack)), k=min(len(stack) - 1,
                                                                    rng.randint(1, 2))))
            flips.update(i for i in range(len(stack)) if rng.random() < upside_down_rate)
            applicant_sink = sink if sink is not None else new_sink()
            kept: list[tuple[bytes, tuple[int, int], bool]] = []
            for i, page in enumerate(stack):
                # Scanner grey mode hits forms; attachments keep the colour they were copied in.
                grey = page.doc not in ATTACHMENTS and rng.random() < greyscale_rate
                image, rotation = _degrade(page.draw(), rng, dpi=dpi,
                                           upside_down=i in flips, greyscale=grey)
                data = _jpeg(image, rng, dpi)
                if "corrupt_file" in own and len(kept) < (1 if fmt == "jpeg" else 2):
                    kept.append((data, image.size, image.mode == "L"))
                name, index = applicant_sink.add(data, image.size, image.mode == "L")
                del image
                attachment = dict(page.attachment) if page.attachment else None
                if attachment is not None:
                    attachment["color"] = page.color_doc
                page_defects = list(page.defects)
                if i in flips and "upside_down" in own:
                    page_defects.append("upside_down")
                truth.append(PageTruth(
                    file=name, index=index, applicant=applicant, nik=nik, doc=page.doc,
                    page_id=page.page_id, rotation=rotation, upside_down=i in flips,
                    greyscale=grey, signed=page.signed, materai=page.materai,
                    attachment=attachment,
                    belongs_to=applicant if page.doc in ATTACHMENTS else None,
                    review=page.review, defects=page_defects))
        finally:
            pdf.close()
        if sink is None:
            files.extend(applicant_sink.close())
        if "scanned_twice" in own:
            twice.extend(t.file for t in truth[start:])
        if kept:
            broken.append(kept)
    if sink is not None:
        files.extend(sink.close())
    for name in dict.fromkeys(twice):
        original = out_dir / name
        copy = out_dir / f"{original.stem}_ulang{original.suffix}"
        write_bytes(copy, original.read_bytes())
        duplicates[copy.name] = name
        files.append(copy)
        truth.extend([PageTruth(**dict(asdict(t), file=copy.name, duplicate_of=name))
                      for t in truth if t.file == name and t.duplicate_of is None])
    for kept in broken:
        part = new_sink()
        for data, size, grey in kept:
            part.add(data, size, grey)
        for path in part.close():
            blob = path.read_bytes()
            write_bytes(path, blob[: max(16, len(blob) * 2 // 5)])
            corrupt.append(path)
            files.append(path)
    truth_path = Path(truth_file) if truth_file else out_dir / "truth.json"
    write_text(truth_path, json.dumps({
        "seed": seed, "dpi": dpi, "file_mode": file_mode, "format": fmt,
        "files": [{"name": f.name, "corrupt": f in corrupt,
                   "duplicate_of": duplicates.get(f.name)} for f in files],
        "pages": [asdict(t) for t in truth],
    }, ensure_ascii=False, indent=1, default=str))
    return SimulatedBatch(files=files, truth=truth, truth_path=truth_path, corrupt=corrupt,
                          duplicates=duplicates)
