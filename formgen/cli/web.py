"""formgen serve (the staff web app) and formgen watch (a folder a scanner drops files into)."""
from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from formgen.cli._common import AppContext, argument, command, error_line, option, pass_app
from formgen.core.i18n import t
from formgen.service.accounts import list_users


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def intake_dir_of(app: AppContext) -> Path | None:
    ws = app.workspace()
    folder = ws.settings.raw.get("intake", {}).get("dir")
    if not folder:
        return None
    path = Path(str(folder)).expanduser()
    return path if path.is_absolute() else ws.root / path


@command("serve", help="help.serve")
@option("--host", default="127.0.0.1", show_default=True, metavar="ALAMAT",
        help="help.serve.host")
@option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True,
        metavar="PORT", help="help.serve.port")
@pass_app
def serve_command(app: AppContext, host: str, port: int) -> None:
    """Run the staff web app."""
    import uvicorn

    from formgen.web import create_app

    ws = app.workspace()
    if not list_users(ws.conn):
        error_line(t("web.serve.no_users"))
    if not _is_loopback(host):
        error_line(t("web.serve.lan_warning", host=host))
    web_app = create_app(ws.root, intake_dir=intake_dir_of(app))
    error_line(t("web.serve.listening", url=f"http://{host}:{port}/"))
    uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False,
                workers=1, timeout_graceful_shutdown=5)


def _report_line(result) -> str:
    if result.status == "failed":
        return t("web.watch.failed", name=result.name, reason=result.report.error or "",
                 code=result.report.error_code or "")
    r = result.report
    return t("web.watch.done", name=result.name, status=t(f"ingest.status.{result.status}"),
             pages=r.pages, attributed=r.attributed, review=r.review, blank=r.blank)


@command("watch", help="help.watch")
@argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="FOLDER")
@option("--settle", type=click.FloatRange(0.2, 600), default=3.0, show_default=True,
        metavar="DETIK", help="help.watch.settle")
@option("--interval", type=click.FloatRange(0.1, 600), default=1.0, show_default=True,
        metavar="DETIK", help="help.watch.interval")
@option("--once", is_flag=True, help="help.watch.once")
@option("--jobs", "-j", type=click.IntRange(1, 64), default=None, metavar="N",
        help="help.option.jobs")
@pass_app
def watch_command(app: AppContext, folder: Path, settle: float, interval: float, once: bool,
                  jobs: int | None) -> None:
    """Ingest what a network scanner drops into FOLDER."""
    import time

    from formgen.service.watchfolder import WatchFolder

    ws = app.workspace()
    watcher = WatchFolder(folder, settle=settle, jobs=jobs)
    error_line(t("web.watch.started", folder=str(folder)))
    try:
        while True:
            for result in watcher.poll(ws):
                click.echo(_report_line(result))
            if once and not watcher.candidates():
                return
            time.sleep(interval)
    except KeyboardInterrupt:
        error_line(t("web.watch.stopped"))


COMMANDS = [serve_command, watch_command]
