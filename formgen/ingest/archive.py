"""Keep every ingested file once, by SHA-256, read-only, never changed."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from formgen.core.atomic import atomic_open

_CHUNK = 1 << 20
_SUFFIX = {"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def archive_path(root: Path, sha256: str, kind: str | None) -> Path:
    """Where a file with this hash lives: originals/<aa>/<sha256><suffix>."""
    return root / "originals" / sha256[:2] / f"{sha256}{_SUFFIX.get(kind or '', '.bin')}"


def archive_file(source: Path, target: Path, sha256: str) -> Path:
    """Copy ``source`` to ``target`` (atomically) unless it is there already; make it read-only."""
    if target.exists() and sha256_file(target) == sha256:
        return target
    with Path(source).open("rb") as src, atomic_open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, _CHUNK)
    if sha256_file(target) != sha256:  # the source changed while we read it
        target.unlink()
        raise OSError(f"{source} changed while it was being archived")
    target.chmod(0o400)
    return target
