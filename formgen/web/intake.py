"""One background worker that ingests uploads (and the watched folder) while the app runs.

It is the only thread of the web app that ingests, with its own workspace
connection; requests only queue jobs and read their progress.
"""
from __future__ import annotations

import itertools
import logging
import queue
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

from formgen.core import db
from formgen.core.i18n import t
from formgen.core.workspace import open_workspace
from formgen.ingest.run import ingest_paths

log = logging.getLogger(__name__)

UPLOADS = "uploads"
KEPT_JOBS = 30
PARTIAL = ".part"  # an upload still being received
WATCH_INTERVAL = 2.0


@dataclass
class IntakeJob:
    id: int
    user: str
    names: list[str]
    folder: Path
    state: str = "waiting"   # waiting | running | done | failed
    total: int = 0
    done: int = 0
    lines: list[str] = field(default_factory=list)
    summary: str = ""

    def as_json(self) -> dict:
        return {"id": self.id, "user": self.user, "names": self.names, "state": self.state,
                "total": self.total, "done": self.done, "lines": self.lines,
                "summary": self.summary}


class IntakeWorker:
    def __init__(self, root: Path, *, watch_dir: Path | None = None, jobs: int = 1) -> None:
        self.root, self.watch_dir, self.page_jobs = Path(root), watch_dir, jobs
        self._queue: queue.Queue[IntakeJob | None] = queue.Queue()
        self._jobs: list[IntakeJob] = []
        self._ids = itertools.count(_next_job_number(self.root / "tmp" / UPLOADS))
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.watch_lines: list[str] = []

    # -- requests ------------------------------------------------------------------------
    def upload_folder(self) -> tuple[int, Path]:
        """A fresh folder for one upload's files, inside the workspace."""
        job_id = next(self._ids)
        folder = self.root / "tmp" / UPLOADS / f"job{job_id:06d}"
        folder.mkdir(parents=True, exist_ok=True)
        return job_id, folder

    def submit(self, job_id: int, folder: Path, names: list[str], user: str) -> IntakeJob:
        job = IntakeJob(id=job_id, user=user, names=names, folder=folder)
        with self._lock:
            self._jobs.append(job)
            del self._jobs[:-KEPT_JOBS]
        self._queue.put(job)
        return job

    def jobs(self) -> list[dict]:
        with self._lock:
            return [j.as_json() for j in reversed(self._jobs)]

    # -- the worker thread ---------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._recover()
            self._thread = threading.Thread(target=self._run, name="formgen-intake", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=30)
            self._thread = None

    def _recover(self) -> None:
        """Uploads a stopped server had not read yet are read now: none is lost."""
        folder = self.root / "tmp" / UPLOADS
        for job_dir in sorted(folder.glob("job*")) if folder.is_dir() else ():
            names = sorted(p.name for p in job_dir.iterdir() if not p.name.endswith(PARTIAL))
            if not names:
                shutil.rmtree(job_dir, ignore_errors=True)
                continue
            number = int(job_dir.name[3:]) if job_dir.name[3:].isdigit() else next(self._ids)
            self.submit(number, job_dir, names, t("web.intake.recovered"))

    def _run(self) -> None:
        ws = open_workspace(self.root)
        watcher = None
        if self.watch_dir is not None:
            from formgen.service.watchfolder import WatchFolder

            watcher = WatchFolder(self.watch_dir, jobs=self.page_jobs)
        try:
            while True:
                try:
                    job = self._queue.get(timeout=WATCH_INTERVAL)
                except queue.Empty:
                    job = False
                if job is None:
                    return
                if job:
                    self._ingest(ws, job)
                elif watcher is not None:
                    self._watch(ws, watcher)
        finally:
            ws.close()

    def _ingest(self, ws, job: IntakeJob) -> None:
        job.state = "running"

        def advance(n: int) -> None:
            job.done += n

        def set_total(n: int) -> None:
            job.total = n

        acting = db.acting_user.set(job.user)  # the audit log names who uploaded
        try:
            report = ingest_paths(ws, [job.folder / name for name in job.names],
                                  jobs=self.page_jobs, progress=advance, on_total=set_total)
        except Exception as exc:  # the worker lives on for the next job
            log.exception("intake job %d failed", job.id)
            job.state, job.summary = "failed", str(getattr(exc, "message", exc))
            return
        finally:
            db.acting_user.reset(acting)
        for entry in report.files:
            name = Path(entry.path).name
            if entry.status == "error":
                job.lines.append(f"{name}: {entry.error} [{entry.error_code}]")
            else:
                job.lines.append(t("ingest.file_accounting", path=name, pages=entry.pages,
                                   attributed=entry.attributed, review=entry.review,
                                   blank=entry.blank, status=t(f"ingest.status.{entry.status}")))
        job.summary = t("ingest.summary", **report.totals)
        job.done = job.total
        job.state = "done"
        shutil.rmtree(job.folder, ignore_errors=True)  # the originals are archived by hash

    def _watch(self, ws, watcher) -> None:
        try:
            for result in watcher.poll(ws):
                status = t(f"ingest.status.{result.status}", fallback=result.status)
                line = f"{result.name}: {status}"
                self.watch_lines = [line, *self.watch_lines][:KEPT_JOBS]
        except Exception:
            log.exception("watched folder pass failed")


def _next_job_number(folder: Path) -> int:
    numbers = [int(p.name[3:]) for p in folder.glob("job*") if p.name[3:].isdigit()] \
        if folder.is_dir() else []
    return max(numbers, default=0) + 1
