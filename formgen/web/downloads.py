"""Send a file of the workspace, only from a known folder and only if it really lies there."""
from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse

_TYPES = {".pdf": "application/pdf", ".csv": "text/csv; charset=utf-8", ".zip": "application/zip",
          ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          ".png": "image/png"}


def safe_file(root: Path, folder: str, relative: str) -> Path:
    """``root/relative`` when it is a regular file inside ``root/folder``; 404 otherwise."""
    base = (root / folder).resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(base) or not path.is_file() or path.suffix not in _TYPES:
        raise HTTPException(404)
    return path


def file_response(root: Path, folder: str, relative: str) -> FileResponse:
    path = safe_file(root, folder, relative)
    return FileResponse(path, media_type=_TYPES[path.suffix], filename=path.name,
                        headers={"X-Content-Type-Options": "nosniff",
                                 "Cache-Control": "private, no-store"})
