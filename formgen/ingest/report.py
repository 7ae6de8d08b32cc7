"""What ``formgen ingest`` reports: a line per file and the accounting line (a JSON contract)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class FileReport:
    path: str
    sha256: str | None
    status: str                 # ingested | duplicate | error
    error: str | None = None
    error_code: str | None = None
    pages: int = 0
    repaired: bool = False      # a damaged PDF rebuilt; ``pages`` is what was recovered
    attributed: int = 0
    review: int = 0
    blank: int = 0
    # pages that could not be read (they are in review): [{"index": 0, "code": "truncated"}]
    page_errors: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {k: v for k, v in asdict(self).items()}


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, int]:
        done = [f for f in self.files if f.status == "ingested"]
        return {key: sum(getattr(f, key) for f in done)
                for key in ("pages", "attributed", "review", "blank")}

    @property
    def has_errors(self) -> bool:
        """A file was rejected, or a page of one could not be read."""
        return any(f.status == "error" or f.page_errors for f in self.files)

    def as_json(self) -> dict:
        return {"files": [f.as_json() for f in self.files], "accounting": self.totals}
