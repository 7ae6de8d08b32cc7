"""Bounded fuzzing of the page pipeline: mutated PDFs and PNGs end in a result or a clean error.

The cases run in one child process (``python tests/ocr/test_fuzz_pipeline.py``),
each under an alarm, so a crash of a native library shows as the child dying
and a hang as a timeout, never as a passing test.
"""
from __future__ import annotations

import io
import json
import random
import signal
import subprocess
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261125
CASES = 30
CASE_SECONDS = 30


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One of: bit flips, a truncation, a duplicated chunk (kept past the first bytes)."""
    kind = rng.choice(["flip", "truncate", "duplicate"])
    body = bytearray(data)
    if kind == "flip":
        for _ in range(rng.randint(1, 24)):
            pos = rng.randrange(8, len(body))
            body[pos] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        body = body[:rng.randrange(16, len(body))]
    else:
        start = rng.randrange(8, len(body) - 8)
        chunk = body[start:start + rng.randint(4, 512)]
        at = rng.randrange(8, len(body))
        body[at:at] = chunk * rng.randint(1, 4)
    return kind, bytes(body)


def seeds() -> dict[str, bytes]:
    sys.path.insert(0, str(ROOT))
    from tests.support.badinputs import sample_image, sample_pdf

    png = io.BytesIO()
    sample_image().save(png, "PNG")
    return {"pdf": sample_pdf(1), "png": png.getvalue()}


class CaseTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise CaseTimeout


def run_cases(folder: Path) -> list[dict]:
    """Every case through ``ingest_paths`` (one worker); one outcome per case."""
    sys.path.insert(0, str(ROOT))
    from formgen.core.errors import FormgenError
    from formgen.core.workspace import init_workspace
    from formgen.ingest.run import ingest_paths

    ws, _ = init_workspace(folder / "ws", dpi=100)
    rng = random.Random(SEED)
    base = seeds()
    outcomes = []
    signal.signal(signal.SIGALRM, _alarm)
    for number in range(CASES):
        kind = "pdf" if number % 2 == 0 else "png"
        how, data = mutate(base[kind], rng)
        path = folder / f"kasus_{number:02d}.{kind}"
        path.write_bytes(data)
        outcome = {"case": number, "kind": kind, "mutation": how}
        signal.alarm(CASE_SECONDS)
        try:
            report = ingest_paths(ws, [path], jobs=1)
            (entry,) = report.files
            outcome.update(status=entry.status, code=entry.error_code, pages=entry.pages,
                           balanced=entry.attributed + entry.review + entry.blank
                           == entry.pages if entry.status == "ingested" else True)
        except CaseTimeout:
            outcome.update(status="hang")
        except FormgenError as exc:
            outcome.update(status="clean_error", code=exc.code)
        except Exception:
            outcome.update(status="crash", traceback=traceback.format_exc())
        finally:
            signal.alarm(0)
        outcomes.append(outcome)
    ws.close()
    return outcomes


def test_mutated_inputs_never_crash_or_hang(tmp_path):
    child = subprocess.run([sys.executable, str(Path(__file__)), str(tmp_path)], cwd=ROOT,
                           capture_output=True, text=True, timeout=CASES * CASE_SECONDS)
    assert child.returncode == 0, child.stderr[-2000:]
    assert "Traceback" not in child.stderr
    outcomes = json.loads(child.stdout)
    assert len(outcomes) == CASES
    bad = [o for o in outcomes if o["status"] in ("hang", "crash") or not o.get("balanced", True)]
    assert not bad, bad
    statuses = {o["status"] for o in outcomes}
    assert statuses <= {"ingested", "error", "duplicate", "clean_error"}
    assert "error" in statuses and "ingested" in statuses  # the mutations did bite, not all


if __name__ == "__main__":
    print(json.dumps(run_cases(Path(sys.argv[1]))))
