"""Cut the crops of the fields waiting for a person ahead of time, so a clerk never waits."""
from __future__ import annotations

import logging
import threading

from formgen.web.images import cached_crops, field_crop

log = logging.getLogger(__name__)

IDLE_SECONDS = 2.0
MAX_AHEAD = 1500  # never more than the image cache holds


class CropWarmer:
    def __init__(self, state) -> None:
        self.state = state
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="formgen-crops", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                done = cached_crops()
                todo = [f.finding_id for f in self.state.fields()[:MAX_AHEAD]
                        if f.finding_id not in done]
                for finding_id in todo:
                    if self._stop.is_set():
                        return
                    field_crop(self.state.root, self.state.conn(), finding_id)
            except Exception:  # a missing image or a busy database: try again later
                log.debug("crop warming failed", exc_info=True)
            self._stop.wait(IDLE_SECONDS)
