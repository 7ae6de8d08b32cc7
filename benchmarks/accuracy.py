"""Accuracy of the page readers on synthetic applicants with known truth.

For each applicant (scansim people) it makes the attachments (KTP copies of
the card designs in turn, see benchmarks/ktp_accuracy.py, with the held-out
designs reported apart; ijazah; pas foto of every kind; now and then a blank
or unrelated page) and the form-box crops (checkboxes,
signatures with and without a rubber stamp, the materai box on colour and
greyscale scans, typed, empty and handwritten fields) at 200 and 300 dpi with
scan defects (skew up to 1.5 degrees, gain, noise, dust, JPEG, shifted crops),
runs every reader and prints precision and recall (or the exact-match rate).

    python benchmarks/accuracy.py [--applicants 50] [--ktp-cards 2] [--seed 1] [--workers 2]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _figures import report  # noqa: E402

from benchmarks import formboxes as F  # noqa: E402
from benchmarks import ktp_accuracy  # noqa: E402
from ocr.classify import classify_attachment  # noqa: E402
from ocr.fields import normalise, read_field  # noqa: E402
from ocr.ijazah import names_agree, read_ijazah  # noqa: E402
from ocr.ktp import read_ktp  # noqa: E402
from ocr.marks import read_checkbox, read_signature  # noqa: E402
from ocr.materai import read_materai  # noqa: E402
from ocr.pasfoto import check_pas_foto  # noqa: E402
from scansim import documents as D  # noqa: E402
from scansim.ktp import make_ktp_copy_page  # noqa: E402
from scansim.ktp_designs import TUNED  # noqa: E402
from scansim.people import make_people  # noqa: E402

TARGETS = {"fields_exact": 0.97, "signature": 0.99, "checkbox": 0.99,
           "materai_colour": 0.98, "pas_foto": 0.95}


def _page_scan(img, g: np.random.Generator, colour: bool):
    """A scanned attachment: a little skew, gain, noise, JPEG; greyscale unless in colour."""
    scanned = F.scan(F.skew(img.convert("RGB"), g), g, grey=False,
                     jpeg=int(g.integers(70, 90)), noise=3.0)
    return scanned.convert("RGB" if colour else "L").convert("RGB")


def run_applicant(args: tuple[int, dict, int, int]) -> dict:
    """Every reader on one applicant's pages and boxes; returns (name -> [(truth, read)])
    and, under ``ktp_cases``, the KTP cases of benchmarks/ktp_accuracy.py."""
    index, person, seed, ktp_cards = args
    rng = random.Random(seed * 1000 + index)
    g = np.random.default_rng(seed * 1000 + index)
    dpi = (200, 300)[index % 2]
    out: dict[str, list] = defaultdict(list)

    # ---- attachments
    colour = rng.random() < 0.7
    ktp_page, ktp_truth = make_ktp_copy_page(person, rng=rng, dpi=dpi, color=colour,
                                             back=rng.random() < 0.3,
                                             design=TUNED[index % len(TUNED)])
    ktp_page = _page_scan(ktp_page, g, colour)
    ij_colour = rng.random() < 0.7
    ij_page, ij_truth = D.make_ijazah(person, rng=rng, dpi=dpi, color=ij_colour)
    ij_page = _page_scan(ij_page, g, True)
    kind = D.PAS_FOTO_KINDS[index % len(D.PAS_FOTO_KINDS)] if rng.random() < 0.6 else "ok"
    maker = D.make_pas_foto_page if rng.random() < 0.6 else D.make_pas_foto
    photo, pf_truth = maker(person, rng=rng, dpi=dpi, kind=kind)
    if maker is D.make_pas_foto_page:
        photo = _page_scan(photo, g, True)
    pages = [("ktp", ktp_page), ("ijazah", ij_page), ("pas_foto", photo)]
    if index % 5 == 0:
        pages.append(("blank", F.blank_page(g, dpi)))
    if index % 5 == 2:
        pages.append(("other", F.letter_page(g, dpi)))

    texts = {}
    for truth, page in pages:
        doc, _conf, details = classify_attachment(page)
        out["classify"].append((truth, doc))
        texts[truth] = details.get("text")

    ktp = read_ktp(ktp_page)
    out["ktp_color"].append((colour, ktp.color))
    out["ktp_cases"] = [ktp_accuracy.card_case(person, index * ktp_cards + j, seed,
                                               ktp_accuracy.NAMES) for j in range(ktp_cards)]
    other = ktp.findings({"nik": "6201010101900001", "nama": "Bukan Orangnya"})
    out["ktp_mismatch_flagged"].append((True, all(f.ok is False for f in other
                                                  if f.name in ("nik", "nama"))))

    ij = read_ijazah(ij_page, text=texts.get("ijazah"))
    out["ijazah_jenjang"].append((ij_truth["jenjang"], ij.jenjang))
    out["ijazah_nama"].append((True, bool(ij.nama) and names_agree(ij.nama, ij_truth["nama"])))
    out["ijazah_tahun"].append((ij_truth["tahun"], ij.tahun))
    out["ijazah_color"].append((ij_colour, ij.color))

    pf = check_pas_foto(photo)
    out["pas_foto_aspect_ok"].append((pf_truth["aspect_ok"], pf.aspect_ok))
    out["pas_foto_faces"].append((pf_truth["faces"], pf.faces))
    out["pas_foto_plain_background"].append((pf_truth["plain_background"], pf.plain_background))
    out["pas_foto"].append((pf_truth["kind"] == "ok", pf.ok))

    # ---- form boxes
    for _ in range(4):
        tick = rng.choice([None, None, "v", "x"])
        box = F.render_box(5, 5, dpi, shift=F.random_shift(g))
        if tick:
            F.draw_tick(box, g, tick)
        crop = np.asarray(F.scan(box, g, speckle=int(g.integers(0, 8))))
        out["checkbox"].append((tick is not None, read_checkbox(crop)[0]))
    for _ in range(2):
        signed, stamp = rng.random() < 0.6, rng.random() < 0.25
        box = F.render_box(60, 25, dpi, shift=F.random_shift(g))
        if signed:
            F.paste_signature(box, rng, dpi)
        if stamp:
            F.draw_stamp(box, g, dpi)
        crop = np.asarray(F.scan(box, g, speckle=int(g.integers(0, 40)),
                                 jpeg=int(g.integers(40, 85))))
        out["signature"].append((signed, read_signature(crop, dpi=dpi)[0]))
    for colour_scan in (True, False):
        what = rng.choice(["sticker", "sticker", "none", "signature_only", "e-meterai"])
        box = F.render_box(40, 30, dpi, shift=F.random_shift(g))
        if what == "sticker":
            F.paste_materai(box, rng, dpi)
        if what == "e-meterai":
            F.paste_e_meterai(box, rng, dpi)
        if what != "none" and rng.random() < 0.8:
            F.paste_signature(box, rng, dpi)
        scanned = F.scan(box, g, grey=not colour_scan).convert("RGB")
        present = read_materai(np.asarray(scanned), is_color_scan=colour_scan)[0]
        out["materai_colour" if colour_scan else "materai_grey"].append(
            (what in ("sticker", "e-meterai"), present))
    birth = person["tanggal_lahir"]
    values = [("digits", person["nik"]), ("date", f"{birth:%d-%m-%Y}"),
              ("alpha", person["nama"].upper()), ("any", person["alamat"][:38])]
    for charset, value in values:
        state = rng.choices(["typed", "empty", "hand"], weights=[8, 1, 1])[0]
        box = F.render_box(90, 7, dpi, text=value if state == "typed" else None,
                           shift=F.random_shift(g))
        if state == "hand":
            F.draw_handwriting(box, g, dpi)
        reading = read_field(np.asarray(F.scan(box, g, speckle=int(g.integers(0, 5)))),
                             charset=charset, expected=value)
        if state == "typed":
            out["fields_exact"].append((normalise(value, charset),
                                        normalise(reading.text, charset) if reading.text
                                        else None))
        else:
            out["fields_note"].append(({"empty": "empty", "hand": "handwritten"}[state],
                                       reading.note))
    return dict(out)


def _binary(pairs: list) -> str:
    tp = sum(1 for t, p in pairs if t and p)
    fp = sum(1 for t, p in pairs if not t and p)
    fn = sum(1 for t, p in pairs if t and not p)
    acc = sum(1 for t, p in pairs if bool(t) == bool(p)) / len(pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return (f"precision {precision:6.1%}  recall {recall:6.1%}  accuracy {acc:6.1%}  "
            f"(n={len(pairs)}, positives={tp + fn})"), acc


def _exact(pairs: list) -> tuple[str, float]:
    rate = sum(1 for t, p in pairs if t == p) / len(pairs)
    return f"exact {rate:6.1%}  (n={len(pairs)})", rate


BINARY = {"checkbox", "signature", "materai_colour", "materai_grey", "pas_foto",
          "pas_foto_aspect_ok", "pas_foto_plain_background", "ktp_color", "ijazah_color"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ktp-cards", type=int, default=2,
                    help="KTP pages per applicant for the per-design KTP figures")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--misses", action="store_true", help="list the wrong readings too")
    args = ap.parse_args(argv)
    people = make_people(args.applicants, seed=args.seed)
    started = time.time()
    results: dict[str, list] = defaultdict(list)
    jobs = [(i, p, args.seed, args.ktp_cards) for i, p in enumerate(people)]
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for done, res in enumerate(pool.map(run_applicant, jobs), 1):
            for k, v in res.items():
                results[k].extend(v)
            if sys.stderr.isatty():
                print(f"\r{done}/{len(jobs)} applicants", end="", file=sys.stderr, flush=True)
    print(f"{args.applicants} synthetic applicants, 200 and 300 dpi, seed {args.seed}, "
          f"{time.time() - started:.0f} s\n")
    failed = []
    ktp_cases = results.pop("ktp_cases", [])
    for name in sorted(results):
        pairs = results[name]
        if name in BINARY:
            line, score = _binary(pairs)
        else:
            line, score = _exact(pairs)
        target = TARGETS.get(name)
        mark = ""
        if target is not None:
            mark = f"  target {target:.0%} {'ok' if score >= target else 'MISSED'}"
            if score < target:
                failed.append(name)
        print(f"{name:28s} {line}{mark}")
        if target is not None:
            report(f"accuracy: {name}", score * 100, "%", target=target * 100)
        if args.misses:
            for truth, read in [(t, p) for t, p in pairs if t != p][:5]:
                print(f"{'':30s}expected {truth!r}, read {read!r}")
    if ktp_cases:
        print("\nKTP per card design (benchmarks/ktp_accuracy.py):")
        ktp_accuracy.summarise(ktp_cases)
    classes = sorted({t for t, _ in results["classify"]})
    print("\nclassify per class (recall):",
          ", ".join(f"{c} {sum(1 for t, p in results['classify'] if t == p == c)}/"
                    f"{sum(1 for t, _ in results['classify'] if t == c)}" for c in classes))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
