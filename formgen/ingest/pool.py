"""Read the pages of admitted files in a process pool and hand each file back when it is whole.

Workers return results; only the parent writes. At most ``2 * jobs`` pages are in
flight, so memory follows the number of workers, not the size of the batch.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from formgen.core.errors import WorkspaceError
from formgen.core.i18n import t
from formgen.core.workspace import Workspace
from formgen.ingest.admit import PendingFile
from formgen.ingest.oserrors import WORKSPACE_CODES
from formgen.ingest.pagework import PageTask, close_documents, init_worker, process_page
from ocr.page import PageResult


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def _tasks(ws: Workspace, pending: list[PendingFile]) -> Iterator[tuple[int, PageTask]]:
    pages_dir = ws.dir("pages")
    for number, item in enumerate(pending):
        sha = item.report.sha256
        for index in range(item.report.pages):
            yield number, PageTask(sha256=sha, index=index, source=str(item.stored_path),
                                   image_path=str(pages_dir / sha[:2] / f"{sha}_{index:04d}.jpg"),
                                   dpi=ws.settings.dpi,
                                   form_values=item.form_values.get(index))


def run_pages(ws: Workspace, pending: list[PendingFile], layouts: dict[str, str], *,
              jobs: int | None, progress: Callable[[int], None] | None,
              names: tuple[str, ...] = (), niks: tuple[str, ...] = ()
              ) -> Iterator[tuple[PendingFile, list[PageResult]]]:
    """Yield each file with its page results, in order, as soon as all its pages are back.
    ``names``, ``niks``: the roster's names and NIKs, for the readers (see ocr.roster_match
    and ocr.ktp.nikread.roster_nik).

    A page the workspace could not take (disk full, read-only) stops the run with a
    WorkspaceError.
    """
    jobs = jobs or default_jobs()
    remaining = {i: p.report.pages for i, p in enumerate(pending)}

    def collect(number: int, result: PageResult):
        if result.error_code in WORKSPACE_CODES:
            raise WorkspaceError(t("ingest.workspace_write", detail=result.error),
                                 path=str(ws.root), code=result.error_code)
        item = pending[number]
        item.results[result.index] = result
        remaining[number] -= 1
        if progress:
            progress(1)
        if remaining[number] == 0:
            return item, [item.results[i] for i in range(item.report.pages)]
        return None

    for item in pending:  # a file with no page at all
        if item.report.pages == 0:
            yield item, []
    if jobs == 1:  # in process: for debugging, and where processes cost more than they give
        init_worker(layouts, ws.settings.workspace_id, names, niks)
        try:
            for number, task in _tasks(ws, pending):
                done = collect(number, process_page(task))
                if done:
                    yield done
        finally:
            close_documents()
        return
    window: deque[tuple[int, Future]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=init_worker,
                             initargs=(layouts, ws.settings.workspace_id, names, niks)
                             ) as pool:
        for number, task in _tasks(ws, pending):
            window.append((number, pool.submit(process_page, task)))
            while len(window) >= 2 * jobs:
                n, future = window.popleft()
                done = collect(n, future.result())
                if done:
                    yield done
        while window:
            n, future = window.popleft()
            done = collect(n, future.result())
            if done:
                yield done
