"""formgen check, dossier and recap: verdicts per applicant and what goes to the LSP."""
from __future__ import annotations

import click

from formgen.checks import check_applicants, load_rules
from formgen.cli._common import (
    AppContext,
    command,
    emit_json,
    error_line,
    exit_with,
    json_option,
    option,
    pass_app,
)
from formgen.core.errors import ExitCode, UsageError
from formgen.core.i18n import field_label, t
from formgen.outputs.recap import siki_column, siki_missing

# ASCII marks: a Windows console or a redirected file may not take other characters
_MARK = {"ok": "v", "missing": "x", "invalid": "x", "review": "?"}


def _print_table(results: list[dict], siki: dict[int, list[str]]) -> None:
    titles = {r.code: r.label() for r in load_rules().requirements}
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
        if siki.get(res["applicant"]):
            fields = ", ".join(field_label(k) for k in siki[res["applicant"]])
            click.echo("  " + t("check.siki_missing", fields=fields))
        click.echo("")
    if results:
        counts = {s: sum(r["status"] == s for r in results)
                  for s in ("lengkap", "belum_lengkap", "perlu_diperiksa")}
        click.echo(t("check.summary", **counts))


@command("check", help="help.check")
@option("--applicant", "who", metavar="ID_ATAU_NIK", help="help.check.applicant")
@option("--letters", is_flag=True, help="help.check.letters")
@json_option
@pass_app
def check_command(app: AppContext, who: str | None, letters: bool, as_json: bool) -> None:
    """Judge every applicant (or one) against the six requirements."""
    ws = app.workspace()
    results = check_applicants(ws, applicant=who)
    siki = siki_missing(ws, None if who else results)
    for res in results:
        res["siki_missing"] = [siki_column(k) for k in siki.get(res["applicant"], [])]
    written = []
    if letters:
        from formgen.outputs.checklist_letter import write_letters
        written = write_letters(ws, results)
    if as_json:
        out: dict = {"applicants": results}
        if letters:
            out["letters"] = written
        emit_json(out)
        return
    _print_table(results, siki)
    if letters:
        click.echo(t("check.letters_written", count=len(written)))
        for item in written:
            click.echo(f"  {item['path']}")


@command("dossier", help="help.dossier")
@option("--all", "all_applicants", is_flag=True, help="help.dossier.all")
@option("--applicant", "who", metavar="ID_ATAU_NIK", help="help.dossier.applicant")
@option("--force", is_flag=True, help="help.dossier.force")
@option("--encrypt", is_flag=True, help="help.dossier.encrypt")
@option("--password", metavar="KATA_SANDI", help="help.dossier.password")
@json_option
@pass_app
def dossier_command(app: AppContext, all_applicants: bool, who: str | None, force: bool,
                    encrypt: bool, password: str | None, as_json: bool) -> None:
    """Write one PDF dossier per applicant for the LSP."""
    from formgen.outputs.dossier import write_dossiers

    if not all_applicants and not who:
        raise UsageError(t("dossier.need_target"), code="no_target")
    result = write_dossiers(app.workspace(), applicant=who, all_applicants=all_applicants,
                            force=force, encrypt=encrypt or bool(password), password=password)
    rejected = [item for item in result["skipped"] if item["code"] == "bad_image"]
    for item in rejected:
        error_line(t("dossier.skipped", id=item["applicant"], reason=item["reason"]),
                   item["code"])
    if as_json:
        emit_json(result)
    else:
        click.echo(t("dossier.written", count=len(result["dossiers"])))
        for item in result["dossiers"]:
            click.echo("  " + t("dossier.line", path=item["path"], pages=item["pages"],
                                kb=item["bytes"] // 1024))
        for item in result["skipped"]:
            if item not in rejected:
                click.echo(t("dossier.skipped", id=item["applicant"], reason=item["reason"]))
        if "password" in result:
            click.echo(t("dossier.password", password=result["password"]))
    exit_with(ExitCode.input_rejected if rejected else ExitCode.ok)


@command("recap", help="help.recap")
@option("--bundle", is_flag=True, help="help.recap.bundle")
@json_option
@pass_app
def recap_command(app: AppContext, bundle: bool, as_json: bool) -> None:
    """Write the recap workbook and CSVs, and the bundle on request."""
    from formgen.outputs.bundle import write_bundle
    from formgen.outputs.recap import write_recap

    ws = app.workspace()
    result = write_recap(ws)
    if bundle:
        result["bundle"] = write_bundle(ws, [result["xlsx"], *result["csv"].values()])["bundle"]
    if as_json:
        emit_json(result)
        return
    click.echo(t("recap.written", path=result["xlsx"]))
    for path in result["csv"].values():
        click.echo(f"  {path}")
    if bundle:
        click.echo(t("recap.bundle_written", path=result["bundle"]))


COMMANDS = [check_command, dossier_command, recap_command]
