"""The workspace folder: settings, database and the folders formgen writes, owner-only."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from formgen.core import db
from formgen.core.atomic import DIR_MODE, FILE_MODE, ensure_dir, write_text
from formgen.core.config import Settings, load_settings, new_workspace_id, render_default_toml
from formgen.core.errors import WorkspaceError
from formgen.core.i18n import t
from formgen.core.resources import use_office_templates

DEFAULT_WORKSPACE = Path("output")
SUBDIRS = ("originals", "pages", "packs", "dossiers", "recap", "review", "letters", "tmp")
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs"}


@dataclass
class Workspace:
    root: Path
    settings: Settings
    _conn: sqlite3.Connection | None = field(default=None, repr=False)

    # -- paths -------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.root / "formgen.db"

    @property
    def config_path(self) -> Path:
        return self.root / "formgen.toml"

    def dir(self, name: str) -> Path:
        """A workspace sub-folder (created owner-only on first use)."""
        return ensure_dir(self.root / name)

    # -- database ----------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = db.connect(self.db_path)
            self.db_path.chmod(FILE_MODE)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_workspace(path: Path) -> bool:
    return (Path(path) / "formgen.toml").is_file()


def init_workspace(path: Path, *, paper: str = "A4", dpi: int = 300) -> tuple[Workspace, bool]:
    """Create the workspace at ``path``; returns (workspace, created). An existing one is kept."""
    root = Path(path)
    created = not is_workspace(root)
    try:
        ensure_dir(root)
        if created:
            text = render_default_toml(workspace_id=new_workspace_id(), paper=paper, dpi=dpi)
            write_text(root / "formgen.toml", text)
        for name in SUBDIRS:
            ensure_dir(root / name)
    except OSError as exc:
        raise WorkspaceError(t("workspace.not_writable", detail=exc.strerror or str(exc)),
                             path=str(root), code="not_writable") from exc
    ws = open_workspace(root)
    ws.conn  # noqa: B018 - creates and migrates the database now
    Path(root).chmod(DIR_MODE)
    return ws, created


def open_workspace(path: Path) -> Workspace:
    root = Path(path)
    if not is_workspace(root):
        raise WorkspaceError(t("workspace.not_initialised", path=str(root)), path=str(root),
                             code="not_a_workspace")
    settings = load_settings(root / "formgen.toml")
    use_office_templates(settings.templates_dir)
    return Workspace(root=root, settings=settings)


def filesystem_type(path: Path) -> str | None:
    """The mount type holding ``path`` (Linux /proc/mounts), or None when unknown."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    target = str(Path(path).resolve())
    best, best_type = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and target.startswith(parts[1]) and len(parts[1]) > len(best):
            best, best_type = parts[1], parts[2]
    return best_type


def is_network_share(path: Path) -> bool:
    return filesystem_type(path) in _NETWORK_FS
