"""Uploading scans from the browser (several files, or a phone's camera) to the intake worker."""
from __future__ import annotations

import shutil
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from formgen.core.safenames import safe_component, unique_name
from formgen.ingest.discover import SCAN_SUFFIXES
from formgen.web.intake import PARTIAL
from formgen.web.state import render, state_of

MAX_FILES = 50
MAX_FILE_BYTES = 300 * 1024 * 1024


def _worker(request: Request):
    worker = state_of(request).intake
    if worker is None:
        raise HTTPException(503)
    return worker


def upload_name(name: str, taken: set[str]) -> str:
    """A safe file name for an uploaded file: its stem cleaned, a scan suffix kept."""
    given = Path(str(name).replace("\\", "/")).name
    suffix = Path(given).suffix.lower()
    stem = safe_component(Path(given).stem, fallback="pindaian")
    return unique_name(f"{stem}{suffix if suffix in SCAN_SUFFIXES else '.bin'}", taken)


async def intake_page(request: Request) -> Response:
    worker = state_of(request).intake
    return render(request, "intake.html", jobs=worker.jobs() if worker else [],
                  watching=str(worker.watch_dir) if worker and worker.watch_dir else None,
                  watch_lines=worker.watch_lines if worker else [])


async def upload(request: Request) -> Response:
    worker = _worker(request)
    form = await request.form(max_files=MAX_FILES, max_fields=10)
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        return JSONResponse({"error": "no_files"}, 400)
    job_id, folder = worker.upload_folder()
    names: list[str] = []
    for item in files:
        name = upload_name(item.filename, set(names))
        size = 0
        partial = folder / f"{name}{PARTIAL}"
        with partial.open("wb") as out:
            while chunk := await item.read(1 << 20):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    out.close()
                    shutil.rmtree(folder, ignore_errors=True)
                    return JSONResponse({"error": "too_large", "name": item.filename}, 413)
                out.write(chunk)
        partial.replace(folder / name)  # complete: a restarted server may read it
        names.append(name)
    user = request.scope["state"]["user"].name
    job = worker.submit(job_id, folder, names, user)
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"job": job.id}, 202)
    return RedirectResponse("/intake", 303)


async def api_jobs(request: Request) -> Response:
    worker = state_of(request).intake
    return JSONResponse({"jobs": worker.jobs() if worker else []})


ROUTES = [
    Route("/intake", intake_page),
    Route("/intake/upload", upload, methods=["POST"]),
    Route("/api/intake/jobs", api_jobs),
]
