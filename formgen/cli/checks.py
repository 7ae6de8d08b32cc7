"""formgen check, dossier and recap: verdicts per applicant and what goes to the LSP."""
from __future__ import annotations

import click

from ..checks import check_applicants, load_rules
from ..i18n import t
from ._common import AppContext, command, emit_json, json_option, pass_app

_MARK = {"ok": "✓", "missing": "✗", "invalid": "✗", "review": "?"}


def _print_table(results: list[dict]) -> None:
    titles = {r.code: r.title for r in load_rules().requirements}
    if not results:
        click.echo(t("check.none"))
    for res in results:
        status = t(f"check.applicant_status.{res['status']}")
        click.echo(click.style(t("check.table.applicant", id=res["applicant"],
                                 nik=res["nik"] or "-", nama=res["nama"], status=status),
                               bold=True))
        for code, req in res["requirements"].items():
            line = f"  {_MARK[req['status']]} {titles[code]}: {t('check.status.' + req['status'])}"
            click.echo(line)
            for reason in req["reasons"]:
                click.echo(f"      - {reason}")
        click.echo("")


@command("check")
@click.option("--applicant", "who", metavar="ID_ATAU_NIK", help="Hanya satu pemohon.")
@click.option("--letters", is_flag=True,
              help="Tulis surat daftar kekurangan (PDF) ke letters/ untuk yang belum lengkap.")
@json_option
@pass_app
def check_command(app: AppContext, who: str | None, letters: bool, as_json: bool) -> None:
    """Periksa kelengkapan persyaratan setiap pemohon."""
    ws = app.workspace()
    results = check_applicants(ws, applicant=who)
    written = []
    if letters:
        from ..checklist_letter import write_letters
        written = write_letters(ws, results)
    if as_json:
        out: dict = {"applicants": results}
        if letters:
            out["letters"] = written
        emit_json(out)
        return
    _print_table(results)
    if letters:
        click.echo(t("check.letters_written", count=len(written)))
        for item in written:
            click.echo(f"  {item['path']}")


COMMANDS = [check_command]
