"""KTP reading per card design, the held-out designs apart, at 200 and 300 dpi, grey and colour.

Each synthetic person gets KTP copy pages of the designs in turn (scansim.ktp_designs):
anywhere on the sheet, 80-160 % zoom, any quarter turn, a few degrees askew, with or
without the back, then scanned (skew, gain, noise, JPEG). Each page goes through the
attachment reader as ingest runs it (classification, reading, findings); a value counts
only as the product takes it (confidence at least the review threshold). Printed per
design and, for the held-out designs (never looked at while tuning), per dpi and copy
kind: NIK exactly right, NIK confidently wrong, name, sex, birth date, CPU per page. The
held-out designs are reported all together and per group ("held out N": the group made
after group N-1 had been measured, from "held out 2" to the newest). Each later group's
pages come in a pass of their own (its own seed stream), so a seed draws the same pages
of the other designs as before that group existed.

    python -m benchmarks.ktp_accuracy [--people 40] [--cards 4] [--seed 1] [--workers 2]
                                      [--designs tuned|NAME,...] [--misses] [--by-labels]
                                      [--dpi 200|300] [--grey|--colour] [--glare 0.3]
"""
from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from benchmarks import formboxes as F
from benchmarks._figures import report
from ocr import classify, roster_match
from ocr.attachments import read_attachment_page, warm_up
from ocr.ktp.reading import MIN_VALUE_CONFIDENCE
from scansim.ktp import make_ktp_copy_page
from scansim.ktp_designs import DESIGNS, HELD_OUT, HELD_OUT_GROUPS, NAMED_ONLY, TUNED
from scansim.people import make_people, roster_names, roster_niks, roster_without

# taken in turn, one pass (tuned designs drawn only when named: by --designs)
NAMES = [name for name, d in DESIGNS.items() if d.group < 2 and name not in NAMED_ONLY]
LATER = {g: names for g, names in HELD_OUT_GROUPS.items() if g >= 2}   # a pass each


def stream(group: int) -> str:
    """The seed stream of a later held-out group's own pass."""
    return f"held-out-{group}"

TARGETS = {"nik_right": 98.0, "nik_wrong": 0.5, "name": 95.0, "sex": 97.0, "birth": 97.0}
MAX_CPU_S = 1.0


def _scan(page, g: np.random.Generator, colour: bool):
    scanned = F.scan(F.skew(page.convert("RGB"), g), g, grey=False,
                     jpeg=int(g.integers(70, 90)), noise=3.0)
    return scanned.convert("RGB" if colour else "L").convert("RGB")


def case_page(person: dict, n: int, seed: int, designs: list[str], stream: str = "",
              only: tuple[int | None, bool | None] = (None, None), glare: float = 0.0
              ) -> tuple:
    """Case ``n``'s scanned page: (page, truth, design, dpi, colour); design, dpi and copy
    kind cycle so every design meets each of them. ``stream``: another sequence of random
    pages for the same ``seed`` and ``n``; ``only``: (dpi, colour) that every page gets
    instead, where not None; ``glare``: the share of cards given a lamination glare patch
    whatever their design."""
    if stream:
        rng = random.Random(f"{stream}-{seed}-{n}")
        g = np.random.default_rng(rng.randrange(2 ** 32))
    else:
        rng = random.Random(seed * 100003 + n)
        g = np.random.default_rng(seed * 100003 + n)
    design = designs[n % len(designs)]
    dpi = (200, 300)[n // len(designs) % 2]
    colour = n // (2 * len(designs)) % 2 == 0
    dpi = only[0] or dpi
    colour = colour if only[1] is None else only[1]
    page, truth = make_ktp_copy_page(person, rng=rng, dpi=dpi, color=colour,
                                     back=rng.random() < 0.5, design=design,
                                     scale=rng.uniform(0.8, 1.6), turn=rng.randint(0, 3),
                                     glare_share=glare)
    page = _scan(page, g, colour)
    page.info["dpi"] = (dpi, dpi)
    return page, truth, design, dpi, colour


def card_case(person: dict, n: int, seed: int, designs: list[str], stream: str = "",
              only: tuple[int | None, bool | None] = (None, None), glare: float = 0.0,
              roster: tuple[str, ...] = (), niks: tuple[str, ...] = ()) -> dict:
    """Case ``n`` (:func:`case_page`) read as ingest reads it; ``roster``, ``niks``: the
    batch's names and NIKs, given to the reader as ingest gives the roster's."""
    page, truth, design, dpi, colour = case_page(person, n, seed, designs, stream, only,
                                                 glare)
    started = time.process_time()
    result = read_attachment_page(page, dpi=dpi, names=roster, niks=niks)
    cpu = time.process_time() - started
    taken = {f.name: f.value for f in result.findings
             if f.kind == "ktp" and f.value is not None and
             (f.confidence >= MIN_VALUE_CONFIDENCE or f.note == roster_match.NOTE)}
    from_roster = {f.name for f in result.findings if f.note == roster_match.NOTE}
    # with the holder left off the roster: a name or a NIK then taken is a wrong one
    checked = bool(roster) and ("nama" in from_roster or "nama" not in taken)
    nik_checked = bool(niks) and ("nik" in from_roster or "nik" not in taken)
    absent = {f.name: f.value for f in read_attachment_page(
        page, dpi=dpi, names=roster_without(roster, truth["nama"]),
        niks=tuple(k for k in niks if k != truth["nik"])).findings
        if f.kind == "ktp" and f.note == roster_match.NOTE} if checked or nik_checked else {}
    nik = taken.get("nik")
    return {"design": design, "held_out": design in HELD_OUT,
            "group": DESIGNS[design].group, "dpi": dpi, "colour": colour,
            "doc": result.doc, "nik_right": nik == truth["nik"],
            "nik_wrong": nik is not None and nik != truth["nik"],
            "name": taken.get("nama") == truth["nama"],
            "name_wrong": taken.get("nama") not in (None, truth["nama"]),
            "sex": taken.get("jenis_kelamin") == truth["jenis_kelamin"],
            "birth": taken.get("tanggal_lahir") == truth["tanggal_lahir"], "cpu": cpu,
            "truth_nik": truth["nik"], "read_nik": nik, "truth_nama": truth["nama"],
            "read_nama": taken.get("nama"), "from_roster": "nama" in from_roster,
            "nik_from_roster": "nik" in from_roster,
            "absent_checked": checked, "absent_taken": absent.get("nama") if checked else None,
            "absent_nik_checked": nik_checked,
            "absent_nik_taken": absent.get("nik") if nik_checked else None}


def later_numbers(index: int, cards: int, group: int = 2) -> list[int]:
    """Case numbers of later held-out ``group`` for person ``index`` when the others get
    ``cards`` pages each: about as many pages per design as the main pass's designs get."""
    per_person = max(1, round(cards * len(LATER[group]) / len(NAMES)))
    return [index * per_person + j for j in range(per_person)]


def later_cases(person: dict, index: int, seed: int, cards: int) -> list[dict]:
    """The later held-out groups' pages of person ``index`` (each its own seed stream)."""
    return [card_case(person, n, seed, list(names), stream(group))
            for group, names in LATER.items() for n in later_numbers(index, cards, group)]


def _worker(by_labels: bool) -> None:
    warm_up()
    if by_labels:   # the outline finder made blind: cards found by their labels only
        classify.find_cards = lambda rgb, dpi=None: []


def _run(args: tuple[dict, list[int], int, list[str], str, tuple, float, tuple]
         ) -> list[dict]:
    person, numbers, seed, designs, stream, only, glare, (roster, niks) = args
    return [card_case(person, n, seed, designs, stream, only, glare, roster, niks)
            for n in numbers]


def _row(label: str, cases: list[dict]) -> str:
    def pct(key):
        return 100.0 * sum(c[key] for c in cases) / len(cases)
    cpu = sorted(c["cpu"] for c in cases)
    return (f"{label:34s} n={len(cases):4d}  NIK right {pct('nik_right'):5.1f} %  "
            f"wrong {pct('nik_wrong'):4.1f} %  name {pct('name'):5.1f} % "
            f"(wrong {pct('name_wrong'):4.1f} %)  "
            f"sex {pct('sex'):5.1f} %  birth {pct('birth'):5.1f} %  "
            f"CPU median {cpu[len(cpu) // 2]:.2f} s max {cpu[-1]:.2f} s")


def summarise(cases: list[dict], *, misses: bool = False) -> None:
    """Print the table: per design, then the held-out designs per dpi and copy kind."""
    by_design = defaultdict(list)
    for c in cases:
        by_design[c["design"]].append(c)
    for name in DESIGNS:
        if by_design[name]:
            group = DESIGNS[name].group
            tag = {0: "", 1: " (held out)"}.get(group, f" (held out {group})")
            print(_row(name + tag, by_design[name]))
    held = [c for c in cases if c["held_out"]]
    tuned = [c for c in cases if not c["held_out"]]
    print()
    for dpi in (200, 300):
        for colour in (False, True):
            part = [c for c in held if c["dpi"] == dpi and c["colour"] == colour]
            if part:
                print(_row(f"held out, {dpi} dpi, {'colour' if colour else 'grey'}", part))
    groups = {g: [c for c in held if c["group"] == g] for g in HELD_OUT_GROUPS}
    for number in LATER:
        for dpi in (200, 300):
            for colour in (False, True):
                part = [c for c in groups[number] if c["dpi"] == dpi and c["colour"] == colour]
                if part:
                    print(_row(f"held out {number}, {dpi} dpi, "
                               f"{'colour' if colour else 'grey'}", part))
    if tuned:
        print(_row("tuned designs, all", tuned))
    if held:
        print(_row("HELD-OUT DESIGNS, ALL", held))
        checked = [c for c in held if c["absent_checked"]]
        if checked:
            taken = [c["absent_taken"] for c in checked if c["absent_taken"]]
            blind = sum(c["name"] and not c["from_roster"] for c in held)
            print(f"  names matched against the roster: "
                  f"{sum(c['from_roster'] for c in held)} of {len(held)} held-out pages "
                  f"(read right without it: {blind}); "
                  f"holder left off the roster: a name taken on {len(taken)} of "
                  f"{len(checked)} pages {taken}")
        checked = [c for c in held if c["absent_nik_checked"]]
        if checked:
            taken = [c["absent_nik_taken"] for c in checked if c["absent_nik_taken"]]
            print(f"  NIKs matched against the roster: "
                  f"{sum(c['nik_from_roster'] for c in held)} of {len(held)} held-out pages; "
                  f"holder left off the roster: a NIK taken on {len(taken)} of "
                  f"{len(checked)} pages {taken}")
        later = any(groups[number] for number in LATER)   # then every group apart too
        apart = [(f"held-out {number}", part) for number, part in groups.items()
                 if part and later]
        for label, part in apart:
            print(_row(f"{label.replace('-', ' ')}, all", part))
        for label, part in [("held-out", held), *apart]:
            for key, target in TARGETS.items() if part else ():
                value = 100.0 * sum(c[key] for c in part) / len(part)
                report(f"ktp {label} {key}", value, "%", target=target,
                       better="lower" if key == "nik_wrong" else "higher")
        cpu = max(c["cpu"] for c in cases)
        report("ktp page CPU max", cpu, "s", target=MAX_CPU_S, better="lower")
    if misses:
        for c in cases:
            if not (c["nik_right"] and c["name"]):
                print(f"  {c['design']:16s} {c['dpi']} {'colour' if c['colour'] else 'grey'}"
                      f" doc={c['doc']} nik {c['read_nik']} (truth {c['truth_nik']}) "
                      f"nama {c['read_nama']!r} (truth {c['truth_nama']!r})")


def run(people: list[dict], *, cards: int, seed: int, workers: int,
        designs: list[str] | None = None,
        only: tuple[int | None, bool | None] = (None, None), glare: float = 0.0,
        roster: int = 0, by_labels: bool = False) -> list[dict]:
    """Read ``cards`` KTP pages per person, the designs taken in turn; by default (no
    ``designs``) the later held-out groups too, each in a pass of its own. ``only``: (dpi, colour)
    every page gets, where not None (instead of cycling through them); ``glare``: the share
    of cards of any design given a lamination glare patch; ``roster``: the reader is given
    a roster of this many names and their NIKs, the people's among them, as ingest gives
    the workspace's (see card_case); 0: none. ``by_labels``: no card's outline is found,
    so every card is looked for by its labels on the page's text (what that way alone
    reads)."""
    known = (roster_names(people, roster, seed=seed), roster_niks(people, roster, seed=seed)) \
        if roster else ((), ())
    jobs = [(p, [i * cards + j for j in range(cards)], seed, designs or NAMES, "", only, glare,
             known) for i, p in enumerate(people)]
    if designs is None:
        jobs += [(p, later_numbers(i, cards, group), seed, list(names), stream(group), only,
                  glare, known) for group, names in LATER.items() for i, p in enumerate(people)]
    out: list[dict] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker,   # as ingest
                             initargs=(by_labels,)) as pool:
        for res in pool.map(_run, jobs):
            out.extend(res)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=40)
    ap.add_argument("--cards", type=int, default=4, help="KTP pages per person")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--designs", help="comma-separated design names taken in turn (default: "
                    "all, each later held-out group in a pass of its own; 'tuned' for the "
                    "designs "
                    "that are not held out)")
    ap.add_argument("--misses", action="store_true", help="list the cards not fully read")
    ap.add_argument("--dpi", type=int, choices=(200, 300), help="every page at this dpi")
    copy = ap.add_mutually_exclusive_group()
    copy.add_argument("--grey", action="store_const", const=False, dest="colour",
                      help="every page a grey copy")
    copy.add_argument("--colour", action="store_const", const=True, dest="colour",
                      help="every page a colour copy")
    ap.add_argument("--glare", type=float, default=0.0,
                    help="share of cards of any design with a lamination glare patch")
    ap.add_argument("--roster", type=int, default=0, metavar="N",
                    help="give the reader a roster of N names and NIKs, the people's among "
                         "them, as ingest gives the workspace's; cards whose name or NIK it "
                         "cannot settle are also read with their holder left off")
    ap.add_argument("--by-labels", action="store_true",
                    help="find no card by its outline: every card by its labels on the "
                         "page's text, as a card whose outline does not show is found")
    args = ap.parse_args(argv)
    designs = None if not args.designs else (
        list(TUNED) if args.designs == "tuned" else args.designs.split(","))
    started = time.time()
    cases = run(make_people(args.people, seed=args.seed), cards=args.cards, seed=args.seed,
                workers=args.workers, designs=designs, only=(args.dpi, args.colour),
                glare=args.glare, roster=args.roster, by_labels=args.by_labels)
    shown = designs or NAMES + [n for names in LATER.values() for n in names]
    groups = "; ".join(f"held out{'' if g == 1 else f' {g}'}: {', '.join(names)}"
                       for g, names in HELD_OUT_GROUPS.items())
    print(f"{len(cases)} KTP copy pages, designs {', '.join(shown)}; {groups}; "
          f"seed {args.seed}, {time.time() - started:.0f} s\n")
    summarise(cases, misses=args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
