"""The formgen command line: parses options, calls the library, prints results."""
from __future__ import annotations

import logging
from pathlib import Path

import click

from formgen.cli import checks, demo, forms, ingest, init, privacy, roster, service, staff, web
from formgen.cli._common import AppContext
from formgen.core.i18n import LANGUAGES, set_language
from formgen.core.workspace import DEFAULT_WORKSPACE

_COMMAND_MODULES = (init, roster, forms, ingest, checks, service, demo, privacy, staff,
                    web)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--workspace", "-w", "workspace_path", envvar="FORMGEN_WORKSPACE",
              type=click.Path(path_type=Path), default=DEFAULT_WORKSPACE, show_default=True,
              help="Folder ruang kerja (atau variabel FORMGEN_WORKSPACE).")
@click.option("--lang", type=click.Choice(LANGUAGES), envvar="FORMGEN_LANG", default="id",
              show_default=True, help="Bahasa pesan: id atau en.")
@click.option("-v", "--verbose", count=True, help="Tampilkan rincian (untuk teknisi).")
@click.version_option(package_name="formgen")
@click.pass_context
def main(ctx: click.Context, workspace_path: Path, lang: str, verbose: int) -> None:
    """formgen — berkas sertifikasi tenaga kerja konstruksi (Dinas PUPR Kotawaringin Barat).

    Cetak formulir, baca hasil pindaian, periksa persyaratan, kirim berkas ke LSP.
    """
    set_language(lang)
    logging.basicConfig(level=logging.DEBUG if verbose > 1 else
                        logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    app = AppContext(workspace_path=workspace_path, verbose=verbose)
    ctx.obj = app
    ctx.call_on_close(app.close)


for _module in _COMMAND_MODULES:
    for _command in _module.COMMANDS:
        main.add_command(_command)
