"""Phone photos of returned packs and KTP cards, ingested as a batch: misfiled and read pages.

    python -m benchmarks.phone [--applicants 4] [--seed 5] [--jobs 2] [--keep DIR]

Each applicant's pack (sampul, forms) and attachments (the KTP card itself, the
ijazah and pas foto pages) are photographed with a phone by the simulator
(``scansim.phone``: 8-12 MP, perspective up to 25 degrees, uneven light, a shadow,
slight blur, EXIF orientation), one JPEG per photo, and ingested as one batch.
Figures, per page of the truth:

- misfiled: filed under another applicant than the one who handed it in (target 0);
- read: a form page filed under the right applicant as the right document with every
  typed value the pack printed read back exactly; an attachment read as the right
  document (a KTP with its NIK exact) and not filed under anyone else. Each photo is a
  file of its own, so no separator precedes an attachment: it is filed by the identity
  it shows (a KTP's NIK, an ijazah's name read from it) or waits in review for a person
  to say whose it is (target >= 90 %);
- identified form pages, their typed values read (share of values), signatures right,
  KTP cards classified and their NIK exact, and the pages in review with their reasons.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks._figures import report
from ocr.fields import normalise
from scansim.printed import printed_batch

TARGET_READ = 0.90
FORMS = ("sampul", "permohonan", "pengalaman_kerja", "pernyataan_kebenaran")
# Charsets of the values compared (others compare as text).
CHARSETS = {"nik": "digits", "no_hp": "digits", "kode_pos": "digits", "tanggal_lahir": "date"}


def build(tmp: Path, applicants: int, seed: int, dpi: int):
    """The workspace, its packs (``{"applicant", "path"}``) and their photos."""
    ws, _people, batch = printed_batch(tmp / "ws", tmp / "photos", applicants=applicants,
                                       seed=seed, dpi=dpi, scan_dpi=300, capture="phone",
                                       file_mode="per_applicant", upside_down_rate=0.1)
    packs = [{"applicant": r["applicant_id"], "path": ws.root / r["path"]
              if not Path(r["path"]).is_absolute() else Path(r["path"])}
             for r in ws.conn.execute("SELECT applicant_id, path FROM packs")]
    return ws, packs, batch


def printed_values(packs: list[dict]) -> dict[int, dict[str, dict[str, str]]]:
    """applicant -> doc -> box name -> the value the pack printed."""
    from ocr.load import extract_form_fields

    out: dict[int, dict[str, dict[str, str]]] = {}
    for pack in packs:
        values: dict[str, dict[str, str]] = {}
        for full, value in extract_form_fields(pack["path"]).items():
            doc, _, name = full.rpartition(".")
            if value and value not in ("Off", "Yes") and doc:
                values.setdefault(doc.rsplit(".", 1)[-1], {})[name] = value
        out[pack["applicant"]] = values
    return out


def evaluate(pages: list[dict], truth: list, printed: dict) -> dict:
    by_key = {(t.file, t.index): t for t in truth if t.duplicate_of is None}
    counts: Counter = Counter()
    reviews: Counter = Counter()
    misses: list[str] = []
    for page in pages:
        t = by_key.get((page["file"], page["index"]))
        if t is None:
            continue
        counts["pages"] += 1
        owner = t.belongs_to if t.doc not in FORMS else t.applicant
        if page["applicant"] is not None and page["applicant"] != owner:
            counts["misfiled"] += 1
            misses.append(f"MISFILED {t.file} {t.doc} -> {page['applicant']} (is {owner})")
        if page["review"]:
            reviews[f"{t.doc}: {page['review']}"] += 1
        right = page["applicant"] == owner and page["doc"] == t.doc
        if t.doc in FORMS:
            counts["form_pages"] += 1
            counts["form_identified"] += right
            want = printed.get(t.applicant, {}).get(t.doc, {})
            fields = page["fields"]
            typed = [name for name in fields if name in want]
            good = 0
            for name in typed:
                charset = CHARSETS.get(name, "any")
                if fields[name] is None:
                    misses.append(f"unsure {t.file} {name}: {want[name]!r}")
                elif normalise(str(fields[name]), charset) == normalise(want[name], charset):
                    good += 1
                else:
                    counts["values_wrong"] += 1
                    misses.append(f"WRONG {t.file} {name}: {fields[name]!r} != {want[name]!r}")
            counts["values"] += len(typed)
            counts["values_read"] += good
            signs = page["signatures"]
            counts["signatures"] += len(t.signed)
            counts["signatures_right"] += sum(1 for k, v in t.signed.items() if signs.get(k) == v)
            page_read = right and bool(typed) == bool(want) and good == len(typed)
        else:
            # a photo is a file of its own: no separator before it, so an attachment is
            # filed by what it shows or waits for a person (it is read all the same)
            page_read = page["doc"] == t.doc and page["applicant"] in (owner, None)
            counts["attachments"] += 1
            counts["attachments_filed"] += page["applicant"] == owner
            if t.doc == "ktp":
                counts["ktp"] += 1
                counts["ktp_classified"] += page["doc"] == "ktp"
                nik = next((f["value"] for f in page["findings"]
                            if f["kind"] == "ktp" and f["name"] == "nik"), None)
                page_read = page_read and nik == (t.attachment or {}).get("nik")
                counts["ktp_nik_exact"] += nik == (t.attachment or {}).get("nik")
                counts["ktp_nik_wrong"] += bool(nik) and nik != (t.attachment or {}).get("nik")
        counts["read"] += page_read
        if not page_read:
            misses.append(f"not read: {t.file} {t.doc} as {page['doc']} review={page['review']}")
    return {"counts": counts, "reviews": reviews, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=4)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--dpi", type=int, default=200, help="the workspace's working dpi")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it")
    ap.add_argument("--misses", action="store_true", help="list what went wrong")
    args = ap.parse_args(argv)
    from formgen.ingest.queries import list_pages
    from formgen.ingest.run import ingest_paths

    tmp = args.keep or Path(tempfile.mkdtemp(prefix="formgen-phone-"))
    try:
        started = time.time()
        ws, packs, batch = build(tmp, args.applicants, args.seed, args.dpi)
        made = time.time() - started
        started = time.time()
        ingest_paths(ws, batch.files, jobs=args.jobs)
        took = time.time() - started
        result = evaluate(list_pages(ws.conn), batch.truth, printed_values(packs))
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    c = result["counts"]
    pages = max(c["pages"], 1)
    print(f"{args.applicants} applicants, {c['pages']} phone photos (seed {args.seed}); "
          f"simulated in {made:.0f} s, ingested in {took:.0f} s ({took / pages:.1f} s a photo)")
    print(f"misfiled             {c['misfiled']}")
    print(f"read                 {c['read']}/{c['pages']} ({c['read'] / pages:.1%})")
    print(f"form pages identified {c['form_identified']}/{c['form_pages']}")
    print(f"typed values read     {c['values_read']}/{c['values']}, wrong {c['values_wrong']}")
    print(f"signatures right      {c['signatures_right']}/{c['signatures']}")
    print(f"attachments filed     {c['attachments_filed']}/{c['attachments']} (one photo a "
          f"file: no separator before them; filed by the NIK or name they show)")
    print(f"KTP classified        {c['ktp_classified']}/{c['ktp']}, NIK exact "
          f"{c['ktp_nik_exact']}, NIK wrong {c['ktp_nik_wrong']}")
    for reason, n in sorted(result["reviews"].items()):
        print(f"  review  {n} x {reason}")
    if args.misses:
        for line in result["misses"]:
            print("  " + line)
    report("phone: misfiled pages", c["misfiled"], "pages", target=0, better="lower")
    report("phone: pages read", 100 * c["read"] / pages, "%", target=100 * TARGET_READ)
    return 0 if c["misfiled"] == 0 and c["read"] / pages >= TARGET_READ else 1


if __name__ == "__main__":
    raise SystemExit(main())
