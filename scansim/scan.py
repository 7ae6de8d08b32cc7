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
import json
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from formgen.core.atomic import write_bytes, write_text
from scansim.documents import make_pas_foto_page
from scansim.ijazah import make_ijazah
from scansim.ktp import make_ktp, make_ktp_copy_page
from scansim.packpages import Page, form_pages, pack_boxes, render_page
from scansim.people import make_people
from scansim.phone import photograph
from scansim.scanner import Sink, blank_back, degrade, scanner_jpeg

__all__ = ["DEFECTS", "PageTruth", "SimulatedBatch", "pack_boxes", "simulate_returns"]

DEFECTS = frozenset({
    "missing_ktp", "missing_ijazah", "missing_pas_foto", "unsigned", "no_materai",
    "greyscale_ktp", "greyscale_ijazah", "wrong_photo", "ktp_other_person", "upside_down",
    "blank_back", "scanned_twice", "corrupt_file",
})
FILE_MODES = ("per_batch", "per_applicant")
FORMATS = ("pdf", "tiff", "jpeg")
CAPTURES = ("scanner", "phone")
ATTACHMENTS = ("ktp", "ijazah", "pas_foto")
OTHER = "other"  # paper that is none of the pack's documents, slipped into a stack


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
    photo: dict | None = None


@dataclass
class SimulatedBatch:
    files: list[Path]
    truth: list[PageTruth]
    truth_path: Path | None = None
    corrupt: list[Path] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)  # copy name -> original name

    def pages_of(self, applicant: int) -> list[PageTruth]:
        return [t for t in self.truth if t.applicant == applicant and t.duplicate_of is None]


def _other_person(seed: int, applicant, avoid: str | None) -> dict:
    digest = hashlib.sha256(f"{seed}:{applicant}:other".encode()).digest()
    for person in make_people(3, seed=int.from_bytes(digest[:6], "big")):
        if person["nik"] != avoid:
            return person
    raise RuntimeError("no other person")  # three distinct NIKs always include one


def _attachment(doc: str, maker: Callable[[], tuple[Image.Image, dict]], **kw) -> Page:
    page = Page(doc, draw=lambda: None, **kw)

    def draw() -> Image.Image:
        image, page.attachment = maker()
        return image

    page.draw = draw
    return page


def _attachments(person: dict, applicant, rng: random.Random, dpi: int, paper_mm,
                 defects: set[str], seed: int, *, phone: bool = False,
                 ktp_page: Callable[..., tuple[Image.Image, dict]] | None = None,
                 others: list[Callable[..., tuple[Image.Image, dict]]] = ()) -> list[Page]:
    """The applicant's photocopies and photo, each drawn when it is scanned (with ``phone``,
    the KTP card itself, to be photographed, instead of its photocopy), then ``others``."""
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
        if phone:
            maker = lambda: make_ktp(owner, rng=rng, dpi=dpi)  # noqa: E731
        else:
            maker = lambda: (ktp_page or make_ktp_copy_page)(  # noqa: E731
                owner, rng=rng, dpi=dpi, paper_mm=paper_mm, color=color, back=back)
        pages.append(_attachment("ktp", maker, review=review, defects=page_defects,
                                 color_doc=color or phone))
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
    for other in others:
        pages.append(_attachment(OTHER, lambda other=other: other(rng=rng, dpi=dpi)))
    return pages


def _stack(forms: list[Page], attachments: list[Page], rng: random.Random) -> list[Page]:
    """The applicant's papers in the order a person hands them in: sampul always on top,
    each document's pages kept together."""
    sampul = [p for p in forms if p.doc == "sampul"][:1]
    rest = [p for p in forms if not any(p is s for s in sampul)]
    docs: list[list[Page]] = []
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
                     truth_file: Path | None = None, capture: str = "scanner",
                     ktp_page: Callable[..., tuple[Image.Image, dict]] | None = None,
                     others: dict[int, list[Callable[..., tuple[Image.Image, dict]]]] | None = None,
                     ) -> SimulatedBatch:
    """Scan what the applicants of ``packs`` hand back; see the module docstring.

    ``packs``: ``[{"applicant": id, "nik": nik, "path": pack_pdf, "pages": n}]`` as
    ``formgen pack --json`` gives them; ``people``: applicant id -> person (as from
    ``make_people``); ``defects``: applicant id -> set of names in ``DEFECTS``.
    ``file_mode``: one file for the whole batch or one per applicant (``fmt="jpeg"``
    writes one file per page either way). ``upside_down_rate`` and ``greyscale_rate``:
    chance of any page going in upside down / of a form page scanned in grey.
    ``truth_file``: where the JSON truth goes (default ``out_dir/truth.json``).
    ``capture``: "scanner", or "phone": every page (and the KTP card itself) photographed
    with a phone (``scansim.phone``), one JPEG per photo whatever ``fmt`` says.
    ``ktp_page``: another maker of the KTP photocopy page, called like
    :func:`scansim.ktp.make_ktp_copy_page` (a card design from elsewhere; scanner only).
    ``others``: applicant id -> makers ``(rng=, dpi=) -> (image, truth)`` of foreign pages
    slipped into that applicant's stack among the attachments (truth doc ``other``).
    """
    if file_mode not in FILE_MODES:
        raise ValueError(f"file_mode must be one of {FILE_MODES}")
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}")
    if capture not in CAPTURES:
        raise ValueError(f"capture must be one of {CAPTURES}")
    phone = capture == "phone"
    if phone:
        fmt = "jpeg"
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

    def new_sink() -> Sink:
        nonlocal file_no
        file_no += 1
        return Sink(out_dir, f"scan_{file_no:04d}", fmt, dpi)

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
            forms = form_pages(pdf, pack_boxes(Path(pack["path"])), rng, dpi, own)
            if "blank_back" in own:
                after = rng.choice([i for i, p in enumerate(forms) if p.doc != "sampul"] or [0])
                forms.insert(after + 1, Page("blank", draw=lambda after=after, size=size, rng=rng,
                                             pdf=pdf: blank_back(
                    size, rng, render_page(pdf, after, 50 / 72)),
                    defects=["blank_back"]))
            stack = _stack(forms, _attachments(
                person, applicant, rng, dpi, paper_mm, own, seed, phone=phone,
                ktp_page=ktp_page, others=(others or {}).get(applicant, ())), rng)
            flips = set()
            if "upside_down" in own and len(stack) > 1:
                flips.update(rng.sample(range(1, len(stack)), k=min(len(stack) - 1,
                                                                    rng.randint(1, 2))))
            flips.update(i for i in range(len(stack)) if rng.random() < upside_down_rate)
            applicant_sink = sink if sink is not None else new_sink()
            kept: list[tuple[bytes, tuple[int, int], bool]] = []
            for i, page in enumerate(stack):
                # Scanner grey mode hits forms; attachments keep the colour they were copied in.
                grey = (page.doc not in (*ATTACHMENTS, OTHER)
                        and rng.random() < greyscale_rate)
                shot = None
                if phone:  # a phone sees colour, and whichever way the page lies
                    grey, rotation = False, 180.0 if i in flips else 0.0
                    drawn = page.draw()
                    data, shot = photograph(drawn.rotate(180) if i in flips else drawn, rng)
                    pixels, grey_pixels = (0, 0), False
                else:
                    image, rotation = degrade(page.draw(), rng, dpi=dpi,
                                              upside_down=i in flips, greyscale=grey)
                    data = scanner_jpeg(image, rng, dpi)
                    pixels, grey_pixels = image.size, image.mode == "L"
                    del image
                if "corrupt_file" in own and len(kept) < (1 if fmt == "jpeg" else 2):
                    kept.append((data, pixels, grey_pixels))
                name, index = applicant_sink.add(data, pixels, grey_pixels)
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
                    belongs_to=applicant if page.doc in (*ATTACHMENTS, OTHER) else None,
                    review=page.review, defects=page_defects, photo=shot))
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
