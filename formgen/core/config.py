"""Workspace settings (formgen.toml): one typed object, validated once when read."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

import tomllib
from jinja2 import PackageLoader

from formgen.core.errors import WorkspaceError
from formgen.core.i18n import t
from formgen.core.jinjaenv import sandboxed_environment

PAPER_SIZES_MM = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
MIN_DPI, MAX_DPI = 100, 1200
_ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class Office:
    pemerintah: str
    nama: str
    alamat: str
    kota: str
    telepon: str
    whatsapp: str = ""
    email: str = ""
    layanan: str = ""
    standar: str = ""


@dataclass(frozen=True)
class Smtp:
    """The office's outgoing mail server ([smtp]); the password comes from the environment."""

    host: str
    sender: str
    port: int = 587
    security: str = "starttls"  # starttls, ssl or none
    user: str = ""
    password_env: str = "FORMGEN_SMTP_PASSWORD"


SMTP_SECURITY = ("starttls", "ssl", "none")


@dataclass(frozen=True)
class Settings:
    workspace_id: str
    office: Office
    lsp_nama: str
    paper: str = "A4"
    dpi: int = 300
    retention_days: int = 1825
    templates_dir: Path | None = None  # the office's own templates ([templates] dir)
    smtp: Smtp | None = None
    pack_extras: tuple[str, ...] = ()  # optional pack documents asked for in [pack]
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def paper_mm(self) -> tuple[float, float]:
        return PAPER_SIZES_MM[self.paper]


def new_workspace_id() -> str:
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(6))


def render_default_toml(*, workspace_id: str, paper: str = "A4", dpi: int = 300) -> str:
    env = sandboxed_environment(loader=PackageLoader("formgen", "data"),
                                keep_trailing_newline=True)
    return env.get_template("formgen.toml.j2").render(workspace_id=workspace_id, paper=paper,
                                                       dpi=dpi)


def load_settings(path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise WorkspaceError(t("config.missing"), path=str(path), code="no_config") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkspaceError(t("config.invalid", detail=str(exc)), path=str(path),
                             code="bad_config") from exc
    return parse_settings(data, path=path)


def parse_settings(data: dict, *, path: Path | None = None) -> Settings:
    def bad(detail: str) -> WorkspaceError:
        return WorkspaceError(t("config.invalid", detail=detail),
                              path=str(path) if path else None, code="bad_config")

    paper = str(data.get("paper", {}).get("size", "A4")).upper()
    if paper not in PAPER_SIZES_MM:
        raise bad(f"paper.size = {paper!r} (A4 / F4)")
    dpi = data.get("scan", {}).get("dpi", 300)
    if not isinstance(dpi, int) or not MIN_DPI <= dpi <= MAX_DPI:
        raise bad(f"scan.dpi = {dpi!r} ({MIN_DPI}-{MAX_DPI})")
    days = data.get("retention", {}).get("days", 1825)
    if not isinstance(days, int) or days < 1:
        raise bad(f"retention.days = {days!r}")
    try:
        office = Office(**{k: str(v) for k, v in data.get("office", {}).items()})
    except TypeError as exc:
        raise bad(str(exc)) from exc
    ws_id = str(data.get("workspace", {}).get("id", ""))
    if not ws_id or not ws_id.isalnum():
        raise bad(f"workspace.id = {ws_id!r}")
    templates = data.get("templates", {}).get("dir") or None
    if templates is not None:
        templates = Path(str(templates)).expanduser()
        if not templates.is_absolute() and path is not None:
            templates = path.parent / templates
        if not templates.is_dir():
            raise bad(f"templates.dir = {str(templates)!r}")
    smtp = _parse_smtp(data.get("smtp") or {}, bad)
    pack = data.get("pack") or {}
    extras = tuple(sorted(str(k) for k, v in pack.items() if v is True))
    return Settings(workspace_id=ws_id, office=office, smtp=smtp, pack_extras=extras,
                    lsp_nama=str(data.get("lsp", {}).get("nama", "")), paper=paper, dpi=dpi,
                    retention_days=days, templates_dir=templates, raw=data)


def _parse_smtp(section: dict, bad) -> Smtp | None:
    """[smtp] as a typed object, or None when the office sends no e-mail (no host)."""
    if not section.get("host"):
        return None
    try:
        smtp = Smtp(**{k: section[k] for k in section if k in Smtp.__dataclass_fields__})
    except TypeError as exc:
        raise bad(str(exc)) from exc
    if not isinstance(smtp.port, int) or not 0 < smtp.port < 65536:
        raise bad(f"smtp.port = {smtp.port!r}")
    if smtp.security not in SMTP_SECURITY:
        raise bad(f"smtp.security = {smtp.security!r} ({' / '.join(SMTP_SECURITY)})")
    if "@" not in str(smtp.sender):
        raise bad(f"smtp.sender = {smtp.sender!r}")
    return smtp
