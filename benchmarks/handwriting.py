"""Handwritten NIKs in the comb boxes of walk-in packs: how many are read, how many wrongly.

    python -m benchmarks.handwriting [--boxes 60] [--seed 3]

Synthetic people's NIKs are written by hand, a digit a cell, into the NIK comb box
(``scansim.handwriting``: Debian's handwriting faces, with size, slant, turn, place and
stroke varied, blue or black ink) at 200 and 300 dpi, scanned (gain, noise, dust, JPEG,
a shifted crop) and read as a form page reads its NIK box: typed reading first, then cell
by cell, then the NIK's own checks (region codes, birth date, serial) and its agreement
with the birth date and sex on the page. Figures: share of boxes read (a value given),
share read right, and wrong values given (target 0); and cell by cell (every cell read on
its own, before the NIK's checks): share of written digits read, and read wrongly.
"""
from __future__ import annotations

import argparse
import random
import time

import numpy as np

from benchmarks import formboxes as F
from benchmarks._figures import report
from ocr.findings import Finding
from ocr.formpage import BORDER_INSET_MM, read_text_box
from ocr.geometry import Box
from ocr.handdigits import cross_check_nik, read_comb_cells
from scansim.handwriting import write_digits
from scansim.people import make_people

BOX_MM = (122.0, 7.5)
READ_CPU: list[float] = []   # s of CPU to read each box as a form page does


def read_one(person: dict, rng: random.Random, g: np.random.Generator, dpi: int):
    """(truth, value given or None, the digit taken in each cell or None) for one
    handwritten NIK box."""
    box = Box(name="nik", kind="text", rect=(0.0, 0.0, *BOX_MM), key="nik", charset="digits",
              comb=16)
    img = F.render_comb(*BOX_MM, 16, dpi, shift=F.random_shift(g))
    write_digits(img, (0, 0, img.width, img.height), person["nik"], rng)
    scanned = np.asarray(F.scan(img, g, speckle=int(g.integers(0, 6)),
                                jpeg=int(g.integers(55, 85))))
    inset = round(BORDER_INSET_MM * dpi / 25.4)
    crop = scanned[inset:-inset, inset:-inset]
    started = time.process_time()
    reading = read_text_box(crop, box, dpi)
    READ_CPU.append(time.process_time() - started)
    birth = person["tanggal_lahir"]
    page = [reading.finding("nik"),
            Finding("field", "tanggal_lahir", f"{birth:%d-%m-%Y}", 0.9),
            Finding("checkbox", "jenis_kelamin_l", person["jenis_kelamin"] == "L", 0.9),
            Finding("checkbox", "jenis_kelamin_p", person["jenis_kelamin"] == "P", 0.9)]
    cells = [c.digit for c in read_comb_cells(crop, 16)]
    return person["nik"], cross_check_nik(page)[0].value, cells


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--boxes", type=int, default=60)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    people = make_people(args.boxes, seed=args.seed)
    rng, g = random.Random(args.seed), np.random.default_rng(args.seed)
    started = time.time()
    read = right = wrong = 0
    cells_read, cells_wrong = np.zeros(10, int), np.zeros(10, int)
    cells_written = np.zeros(10, int)
    for i, person in enumerate(people):
        truth, value, cells = read_one(person, rng, g, (200, 300)[i % 2])
        for digit, taken in zip(truth, cells, strict=True):
            cells_written[int(digit)] += 1
            cells_read[int(digit)] += taken is not None
            cells_wrong[int(digit)] += taken not in (None, digit)
        read += value is not None
        right += value == truth
        if value is not None and value != truth:
            wrong += 1
            print(f"  WRONG {truth} read {value}")
        elif args.misses and value is None:
            print(f"  unread {truth}")
    n = len(people)
    print(f"{n} handwritten NIK boxes (200 and 300 dpi), {time.time() - started:.0f} s: "
          f"read {read} ({read / n:.1%}), right {right}, wrong {wrong}")
    print(f"CPU to read a box: mean {np.mean(READ_CPU):.3f} s, max {max(READ_CPU):.3f} s "
          f"(the first box trains the digit classifier)")
    written = cells_written.sum()
    print(f"{written} written digits, cell by cell: read {cells_read.sum()} "
          f"({cells_read.sum() / written:.1%}), wrong {cells_wrong.sum()}")
    print("  read per digit: " + ", ".join(
        f"{d}: {cells_read[d]}/{cells_written[d]}" for d in range(10) if cells_written[d]))
    if cells_wrong.any():
        print("  wrong per digit: " + ", ".join(
            f"{d}: {cells_wrong[d]}" for d in range(10) if cells_wrong[d]))
    report("handwriting: NIK boxes read", 100 * read / n, "%")
    report("handwriting: digit cells read", 100 * cells_read.sum() / written, "%")
    report("handwriting: digit cells read wrongly", int(cells_wrong.sum()), "cells",
           target=0, better="lower")
    report("handwriting: wrong NIKs given", wrong, "boxes", target=0, better="lower")
    return 0 if wrong == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
