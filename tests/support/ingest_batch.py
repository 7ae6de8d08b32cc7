"""Build a workspace with a simulated returned batch for the ingest and review tests.

Roster of three synthetic people; personalised packs for the first two, two blank
numbered packs (one handed back by the roster's third person with no attachment, one by
a person not on the roster, with a KTP only); every pack scanned by the simulator at 150 dpi.
Extra files carry the bad cases: attachments without their separator, a damaged QR
code, a form of another workspace, an unknown pack and a blank-pack code on a
personal pack.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

from formgen.cli import main
from formgen.core.workspace import Workspace, init_workspace
from formgen.forms import generate_packs
from formgen.ingest.archive import sha256_file
from formgen.roster import import_roster
from scansim.people import make_people, write_roster_xlsx
from scansim.scan import simulate_returns

DPI = 150
SEED = 4242
NO_ATTACHMENTS = {"missing_ktp", "missing_ijazah", "missing_pas_foto"}


def run_cli(root: Path, *args: object):
    result = CliRunner().invoke(main, ["--workspace", str(root), *map(str, args)],
                                catch_exceptions=False)
    return result


def cli_json(root: Path, *args: object) -> dict:
    result = run_cli(root, *args, "--json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@dataclass
class Batch:
    ws: Workspace
    root: Path
    people: list[dict]
    ids: list[int]                    # roster applicant ids, in roster order
    packs: list[dict]
    blank_packs: list[dict]
    sim: object                       # SimulatedBatch of the personal packs
    blank_sims: list[object]          # one SimulatedBatch per blank pack
    outsider: dict                    # the person of the second blank pack (not on the roster)
    files: dict[str, Path] = field(default_factory=dict)
    reports: dict[str, dict] = field(default_factory=dict)


def single_page_pdf(source: Path, index: int, target: Path) -> Path:
    writer = PdfWriter()
    writer.add_page(PdfReader(str(source)).pages[index])
    with Path(target).open("wb") as handle:
        writer.write(handle)
    return target


def drop_pages(source: Path, keep: list[int], target: Path) -> Path:
    reader, writer = PdfReader(str(source)), PdfWriter()
    for i in keep:
        writer.add_page(reader.pages[i])
    with Path(target).open("wb") as handle:
        writer.write(handle)
    return target


def _append_letter(target: Path) -> None:
    """Add a typed letter that shows no one's NIK or name: with no separator before it,
    nothing tells whose it is."""
    page = Image.new("RGB", (int(8.27 * DPI), int(11.69 * DPI)), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=DPI // 6)
    lines = ("SURAT KETERANGAN", "Yang bertanda tangan di bawah ini menerangkan",
             "bahwa pekerjaan tersebut telah selesai dengan baik.")
    for i, line in enumerate(lines):
        draw.text((DPI, DPI * (1 + i / 2)), line, fill="black", font=font)
    buf = io.BytesIO()
    page.save(buf, "PDF", resolution=DPI)
    writer = PdfWriter(clone_from=str(target))
    writer.append(PdfReader(buf))
    with Path(target).open("wb") as handle:
        writer.write(handle)


def render(source: Path, index: int, dpi: int) -> Image.Image:
    pdf = pdfium.PdfDocument(str(source))
    try:
        return pdf[index].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def damage_qr(image: Image.Image) -> Image.Image:
    """Ink a band across the data area of the page's QR code, leaving its finder patterns."""
    import zxingcpp

    (code,) = [r for r in zxingcpp.read_barcodes(image) if r.text.startswith("FG1 ")]
    p = code.position
    pts = np.array([[p.top_left.x, p.top_left.y], [p.top_right.x, p.top_right.y],
                    [p.bottom_right.x, p.bottom_right.y], [p.bottom_left.x, p.bottom_left.y]])
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    w, h = x1 - x0, y1 - y0
    out = image.copy()
    draw = ImageDraw.Draw(out)
    draw.rectangle((x0 + w * 0.35, y0 + h * 0.2, x0 + w * 0.65, y0 + h * 0.8), fill="black")
    draw.rectangle((x0 + w * 0.2, y0 + h * 0.4, x0 + w * 0.8, y0 + h * 0.6), fill="white")
    return out


def other_workspace(path: Path, workspace_id: str | None = None) -> Workspace:
    """A second workspace; with ``workspace_id`` it prints codes that claim to be the first's."""
    ws, _ = init_workspace(path, dpi=DPI)
    if workspace_id:
        ws.close()
        toml = path / "formgen.toml"
        text = toml.read_text(encoding="utf-8")
        current = ws.settings.workspace_id
        toml.write_text(text.replace(f'id = "{current}"', f'id = "{workspace_id}"'),
                        encoding="utf-8")
        ws, _ = init_workspace(path, dpi=DPI)
        assert ws.settings.workspace_id == workspace_id
    return ws


def build_batch(tmp: Path) -> Batch:
    ws, _ = init_workspace(tmp / "ws", dpi=DPI)
    people = make_people(4, seed=SEED)
    roster, outsider = people[:3], people[3]
    write_roster_xlsx(roster, tmp / "roster.xlsx")
    import_roster(ws, tmp / "roster.xlsx")
    by_nik = {r["nik"]: r["id"] for r in ws.conn.execute("SELECT id, nik FROM applicants")}
    ids = [by_nik[p["nik"]] for p in roster]
    packs = generate_packs(ws, applicant_ids=ids[:2])["packs"]
    blank_packs = generate_packs(ws, blank=2)["packs"]
    scans = tmp / "scans"
    sim = simulate_returns(
        packs, scans, dpi=DPI, seed=SEED, people=dict(zip(ids, roster, strict=True)),
        defects={ids[0]: {"ktp_other_person", "upside_down"},
                 ids[1]: {"blank_back", "scanned_twice"}},
        upside_down_rate=0.0, greyscale_rate=0.0)
    # A blank pack handed back by the roster's third person (no KTP: a person must identify
    # it) and one by someone not on the roster (with a KTP).
    blank_sims = [
        simulate_returns([blank_packs[0]], tmp / "blank1", dpi=DPI, seed=SEED + 1,
                         people={None: roster[2]}, defects={None: NO_ATTACHMENTS},
                         upside_down_rate=0.0, greyscale_rate=0.0),
        simulate_returns([blank_packs[1]], tmp / "blank2", dpi=DPI, seed=SEED + 2,
                         people={None: outsider},
                         defects={None: {"missing_ijazah", "missing_pas_foto"}},
                         upside_down_rate=0.0, greyscale_rate=0.0),
    ]
    batch = Batch(ws, ws.root, people, ids, packs, blank_packs, sim, blank_sims, outsider)
    batch.files["main"] = sim.files[0]
    batch.files["copy"] = sim.files[1]
    batch.files["blank1"] = blank_sims[0].files[0]
    batch.files["blank2"] = blank_sims[1].files[0]
    return batch


def build_bad_cases(batch: Batch, tmp: Path) -> None:
    """Files for the review reasons: no separator, damaged QR, foreign and unknown codes."""
    out = tmp / "bad"
    out.mkdir()
    main_file = batch.files["main"]
    a2_pages = [t for t in batch.sim.truth
                if t.applicant == batch.ids[1] and t.duplicate_of is None]
    assert a2_pages[0].doc == "sampul"
    # the second applicant's attachments and one of their forms, without the sampul
    keep = [t.index for t in a2_pages if t.doc not in ("sampul", "permohonan",
                                                       "pengalaman_kerja")]
    keep.append(next(t.index for t in a2_pages if t.doc == "permohonan"))
    batch.files["no_separator"] = drop_pages(main_file, sorted(keep), out / "tanpa_sampul.pdf")
    _append_letter(batch.files["no_separator"])

    image = damage_qr(render(main_file, 0, DPI))
    buf = io.BytesIO()
    image.save(buf, "PNG", dpi=(DPI, DPI))
    (out / "qr_rusak.png").write_bytes(buf.getvalue())
    batch.files["qr_damaged"] = out / "qr_rusak.png"

    foreign = other_workspace(tmp / "ws_other")
    foreign_pack = generate_packs(foreign, blank=1)["packs"][0]
    foreign.close()
    # Same workspace code, different packs: P000001 is the first applicant's personal pack in
    # the main workspace, P000006 does not exist there.
    twin = other_workspace(tmp / "ws_twin", batch.ws.settings.workspace_id)
    twin_packs = generate_packs(twin, blank=6)["packs"]
    twin.close()
    for name, pack in (("foreign", foreign_pack), ("blank_code_on_personal", twin_packs[0]),
                       ("unknown_pack", twin_packs[5])):
        sampul = single_page_pdf(Path(pack["path"]), 0, out / f"{name}_sampul.pdf")
        sim = simulate_returns([{**pack, "path": str(sampul), "pages": 1}], out / name, dpi=DPI,
                               seed=SEED + 7, people={None: batch.outsider},
                               defects={None: NO_ATTACHMENTS}, upside_down_rate=0.0,
                               greyscale_rate=0.0)
        assert len(sim.truth) == 1
        batch.files[name] = sim.files[0]


def page_row(ws: Workspace, path: Path, index: int):
    return ws.conn.execute("SELECT * FROM pages WHERE sha256 = ? AND idx = ?",
                           (sha256_file(path), index)).fetchone()
