"""Files nobody on the project made, put through formgen as a user would: what each became.

    python -m benchmarks.outside [--applicants 6] [--seed 13] [--dpi 200] [--jobs 2]
                                 [--keep DIR] [--misses] [--more DIR]

The outside material and its licences are listed in benchmarks/outside/SOURCES.md:

- a KTP-el card template and layout from an MIT-licensed generator (benchmarks/
  outside_cards.py puts our synthetic people on it): each applicant's KTP photocopy is
  one of these cards, at 80-160 % zoom, any quarter turn, a few degrees askew, every
  second copy in grey; the third stack holds someone else's card, which must wait in
  review;
- public scanned-document test files (OCRmyPDF's and Tesseract's test resources): skewed,
  turned by /Rotate, four cardinal directions on four pages, a palette image, JBIG2,
  200 x 100 dpi, 1-bit and RGBA TIFF, odd page sizes.

``--more DIR`` adds every scan in DIR as a file of its own (a checkout of OCRmyPDF's
tests/resources holds 51 such files, too many megabytes to keep here).

The run: ``formgen init``, ``roster import`` of synthetic people, ``pack --all``; the
simulator prints the packs, has them signed and scanned with the outside cards as the
KTP copies and one outside page slipped into each stack among the attachments; the
outside files themselves are added as files of their own; then ``formgen ingest`` of the
whole folder, ``pages --json`` and ``check --json``.

Printed per file: pages in, pages accounted for, what they were classified as, where
they went (an applicant or review, with the reason); per outside card the fields read
against the card's truth; and the misfiled pages. A page is misfiled when it is filed
under an applicant who did not hand it in; an outside file of its own has no applicant,
so any applicant it is filed under is a misfiling.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from functools import partial
from pathlib import Path

from benchmarks._figures import report

HERE = Path(__file__).with_name("outside")
OUTSIDE_FILES = sorted([*HERE.glob("ocrmypdf/*.pdf"), *HERE.glob("tesseract/*.tif")])
SCAN_SUFFIXES = {".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".png"}
# Pages slipped into the applicants' stacks, in turn: (file, page index).
SLIPPED = [("ocrmypdf/cardinal.pdf", 0), ("tesseract/phototestrot.tif", 0),
           ("ocrmypdf/palette.pdf", 0), ("ocrmypdf/3small.pdf", 0),
           ("tesseract/phototest.tif", 0), ("ocrmypdf/3small.pdf", 2)]
CARD_FIELDS = ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat")
FORMS = ("sampul", "permohonan", "pengalaman_kerja", "pernyataan_kebenaran", "asesmen_mandiri",
         "blank")


def formgen(ws: Path, *args: str, ok: tuple[int, ...] = (0,)) -> dict | str:
    """``formgen --workspace ws ARGS`` as a separate program; its JSON with ``--json``."""
    run = subprocess.run([sys.executable, "-m", "formgen", "--workspace", str(ws), *args],
                         capture_output=True, text=True, check=False)
    if run.returncode not in ok:
        raise SystemExit(f"formgen {' '.join(args)} exited {run.returncode}:\n{run.stderr}")
    return json.loads(run.stdout) if "--json" in args else run.stdout


def page_count(path: Path) -> int:
    """Pages in ``path`` (0 when the file cannot be opened at all)."""
    try:
        return _pages(path)
    except Exception:  # noqa: BLE001 - a broken file holds no page to account for
        return 0


def _pages(path: Path) -> int:
    if path.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    from PIL import Image

    with Image.open(path) as im:
        return getattr(im, "n_frames", 1)


def render(path: Path, index: int, dpi: int):
    """Page ``index`` of an outside file as it prints at ``dpi`` (its /Rotate applied)."""
    from PIL import Image

    if path.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return pdf[index].render(scale=dpi / 72).to_pil().convert("RGB")
        finally:
            pdf.close()
    with Image.open(path) as im:
        im.seek(index)
        own = (im.info.get("dpi") or (dpi, dpi))[0] or dpi
        image = im.convert("RGB")
    return image.resize((round(image.width * dpi / own), round(image.height * dpi / own)))


def slipped_page(name: str, index: int, *, rng, dpi: int, paper_mm=(210, 297)):
    """An outside page printed on a sheet (shrunk to fit, as "fit to page" does)."""
    from PIL import Image

    image = render(HERE / name, index, dpi)
    sheet = Image.new("RGB", (round(paper_mm[0] / 25.4 * dpi), round(paper_mm[1] / 25.4 * dpi)),
                      (250, 250, 248))
    fit = min(1.0, sheet.width * 0.94 / image.width, sheet.height * 0.94 / image.height)
    if fit < 1.0:
        image = image.resize((round(image.width * fit), round(image.height * fit)))
    sheet.paste(image, ((sheet.width - image.width) // 2, round(sheet.height * 0.03)))
    return sheet, {"doc": "other", "source": f"{name}#{index}"}


def outside_copy_page(person: dict, *, rng, dpi: int, paper_mm, color: bool, back: bool):
    """A photocopy page of ``person``'s card on the outside template (no back)."""
    from benchmarks.outside_cards import make_outside_ktp
    from scansim.ktp import make_ktp_copy_page

    return make_ktp_copy_page(person, rng=rng, dpi=dpi, paper_mm=paper_mm, color=color,
                              back=False, front=make_outside_ktp,
                              scale=round(rng.uniform(0.8, 1.6), 2), turn=rng.randrange(4))


def build(tmp: Path, applicants: int, seed: int, dpi: int, more: Path | None = None):
    """The workspace, the scans folder (simulated stacks + outside files) and the truth."""
    from scansim.people import make_people, write_roster_xlsx
    from scansim.scan import simulate_returns

    ws, scans = tmp / "ws", tmp / "scans"
    formgen(ws, "init", "--dpi", str(dpi))
    people = make_people(applicants, seed=seed)
    roster = write_roster_xlsx(people, tmp / "roster.xlsx")
    formgen(ws, "roster", "import", str(roster), "--json")
    packs = formgen(ws, "pack", "--all", "--json")["packs"]
    by_nik = {p["nik"]: p for p in people}
    people_by_id = {pack["applicant"]: by_nik[pack["nik"]] for pack in packs}
    order = [pack["applicant"] for pack in packs]
    defects = {a: {"greyscale_ktp"} for a in order[1::2]}
    if len(order) > 2:   # someone else's card in the third stack: it must wait in review
        defects[order[2]] = {"ktp_other_person"}
    others = {a: [partial(slipped_page, *SLIPPED[i % len(SLIPPED)])]
              for i, a in enumerate(order)}
    batch = simulate_returns(packs, scans / "stacks", dpi=dpi, seed=seed, people=people_by_id,
                             defects=defects, file_mode="per_applicant",
                             upside_down_rate=0.05, ktp_page=outside_copy_page,
                             others=others, truth_file=tmp / "truth.json")
    own = scans / "outside"
    own.mkdir(parents=True)
    for path in OUTSIDE_FILES:
        shutil.copy2(path, own / f"{path.parent.name}_{path.name}")
    for path in sorted(more.iterdir()) if more else ():
        if path.suffix.lower() in SCAN_SUFFIXES and not (own / path.name).exists():
            shutil.copy2(path, own / path.name)
    return ws, scans, batch


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _norm(value) -> str:
    return re.sub(r"[^0-9A-Z]", "", str(value or "").upper())


def card_fields(page: dict, truth: dict) -> dict[str, str]:
    """Per KTP field: ``right``, ``unsure`` (not read, or not sure) or ``WRONG``."""
    out = {}
    for name in CARD_FIELDS:
        got, want = page["fields"].get(name), truth.get(name)
        if got in (None, ""):
            out[name] = "unsure"
        else:
            out[name] = "right" if _norm(got) == _norm(want) else "WRONG"
    return out


def evaluate(ws: Path, scans: Path, batch) -> dict:
    pages = formgen(ws, "pages", "--json")["pages"]
    checks = formgen(ws, "check", "--json")["applicants"]
    by_sha: dict[str, list[dict]] = {}
    for page in pages:
        by_sha.setdefault(page["sha256"], []).append(page)
    truth = {(t.file, t.index): t for t in batch.truth if t.duplicate_of is None}
    files, cards, misses = [], [], []
    totals: Counter = Counter()
    for path in sorted(scans.rglob("*")):
        if not path.is_file() or path.name.endswith(".json"):
            continue
        outside = path.parent.name == "outside"
        got = sorted(by_sha.get(sha256(path), []), key=lambda p: p["index"])
        row = {"file": path.name, "outside": outside, "pages_in": page_count(path),
               "accounted": len({p["index"] for p in got}), "docs": Counter(),
               "review": Counter(), "filed": 0, "misfiled": 0, "misclassified": 0}
        for page in got:
            row["docs"][page["doc"]] += 1
            if page["applicant"] is None:
                row["review"][page["review"]] += 1
            else:
                row["filed"] += 1
            t = None if outside else truth.get((path.name, page["index"]))
            owner = None if t is None else (t.belongs_to or t.applicant)
            waits = t is not None and t.review is not None      # someone else's card
            if page["applicant"] is not None and (page["applicant"] != owner or waits):
                row["misfiled"] += 1
                why = f", should wait in review: {t.review}" if waits else ""
                misses.append(f"MISFILED {path.name}#{page['index']} ({t.doc if t else 'outside'})"
                              f" -> applicant {page['applicant']} as {page['doc']}{why}")
            if (outside or (t is not None and t.doc == "other")) and page["doc"] not in (
                    "other", "blank"):
                row["misclassified"] += 1
                misses.append(f"classified {path.name}#{page['index']} as {page['doc']}")
            if t is not None and t.doc == "ktp":
                read = card_fields(page, t.attachment or {})
                cards.append({"file": path.name, "index": page["index"],
                              "owner": None if t.review else owner,
                              "applicant": page["applicant"], "doc": page["doc"],
                              "review": page["review"], "grey": not t.attachment.get("color"),
                              "scale": t.attachment.get("scale"),
                              "turn": t.attachment.get("turn"), "read": read})
        for key in ("pages_in", "accounted", "filed", "misfiled", "misclassified"):
            totals[key] += row[key]
        totals["review"] += sum(row["review"].values())
        files.append(row)
    return {"files": files, "cards": cards, "checks": checks, "totals": totals,
            "misses": misses}


def print_result(result: dict) -> None:
    print(f"{'file':32} {'in':>3} {'acct':>4} {'filed':>5} {'misf':>4}  classified as / review")
    for row in result["files"]:
        docs = ", ".join(f"{d} {n}" for d, n in sorted(row["docs"].items()))
        print(f"{row['file'][:32]:32} {row['pages_in']:>3} {row['accounted']:>4} "
              f"{row['filed']:>5} {row['misfiled']:>4}  {docs}")
        for reason, n in sorted(row["review"].items()):
            print(f"{'':52}review {n} x {reason}")
    print("\noutside KTP cards (fields read against the card; unsure = sent to a person)")
    print(f"{'file':18} {'copy':5} {'zoom':>4} {'turn':>4} {'doc':6} {'filed':>5}  "
          + " ".join(f"{n:>13}" for n in CARD_FIELDS))
    for card in result["cards"]:
        filed = ("review" if card["applicant"] is None
                 else "own" if card["applicant"] == card["owner"] else "OTHER")
        print(f"{card['file'][:18]:18} {'grey' if card['grey'] else 'col':5} "
              f"{card['scale'] or 0:>4} {card['turn'] or 0:>4} {card['doc']:6} {filed:>5}  "
              + " ".join(f"{card['read'][n]:>13}" for n in CARD_FIELDS))
    tally = {n: Counter(c["read"][n] for c in result["cards"]) for n in CARD_FIELDS}
    print(f"{'':52}" + " ".join(f"{tally[n]['right']:>5}/{len(result['cards']):<2} right"
                                 for n in CARD_FIELDS))
    print("\ncheck")
    for a in result["checks"]:
        ktp = a["requirements"].get("ktp", {})
        print(f"  applicant {a['applicant']}: {a['status']}; ktp {ktp.get('status')} "
              f"{'; '.join(ktp.get('reasons', []))}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=6)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it")
    ap.add_argument("--misses", action="store_true", help="list what went wrong")
    ap.add_argument("--more", type=Path, help="a folder of further outside scans (e.g. a "
                    "checkout of OCRmyPDF's tests/resources), each ingested as a file of its own")
    args = ap.parse_args(argv)
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="formgen-outside-"))
    try:
        started = time.time()
        ws, scans, batch = build(tmp, args.applicants, args.seed, args.dpi, args.more)
        made = time.time() - started
        started = time.time()
        ingested = formgen(ws, "ingest", str(scans), "--jobs", str(args.jobs), "--json",
                           ok=(0, 1))
        took = time.time() - started
        result = evaluate(ws, scans, batch)
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    errors = [f for f in ingested["files"] if f["status"] == "error"]
    t = result["totals"]
    print(f"{args.applicants} applicants at {args.dpi} dpi (seed {args.seed}), "
          f"{sum(row['outside'] for row in result['files'])} outside files; simulated in "
          f"{made:.0f} s, ingested "
          f"{t['pages_in']} pages in {took:.0f} s; {len(errors)} files refused")
    for f in errors:
        print(f"  refused {Path(f['path']).name}: {f['error']}")
    print_result(result)
    cards = result["cards"]
    nik_right = sum(c["read"]["nik"] == "right" for c in cards)
    nik_wrong = sum(c["read"]["nik"] == "WRONG" for c in cards)
    print(f"\npages in {t['pages_in']}, accounted {t['accounted']}, filed {t['filed']}, "
          f"in review {t['review']}, misfiled {t['misfiled']}, outside pages classified as "
          f"one of ours {t['misclassified']}; outside KTP cards taken for a KTP "
          f"{sum(c['doc'] == 'ktp' for c in cards)}/{len(cards)}, NIK exact {nik_right}, "
          f"NIK wrong {nik_wrong}")
    if args.misses:
        for line in result["misses"]:
            print("  " + line)
    report("outside: pages lost", t["pages_in"] - t["accounted"], "pages", target=0,
           better="lower")
    report("outside: pages misfiled", t["misfiled"], "pages", target=0, better="lower")
    report("outside: KTP NIK exact", 100 * nik_right / max(len(cards), 1), "%", target=98)
    report("outside: KTP NIK wrong", nik_wrong, "cards", target=0, better="lower")
    return 0 if t["pages_in"] == t["accounted"] and t["misfiled"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
