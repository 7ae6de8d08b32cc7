"""formgen notify: e-mail and WhatsApp messages to applicants, sent only when a clerk says so."""
from __future__ import annotations

import sys
from datetime import date

import click

from formgen import notify
from formgen.cli._common import (
    argument,
    ask_yes_no,
    command,
    emit_json,
    error_line,
    exit_with,
    group,
    json_option,
    option,
    pass_app,
)
from formgen.core.errors import ExitCode, UsageError
from formgen.core.i18n import t


@group("notify", help="help.notify")
def notify_group() -> None:
    """Messages to applicants by e-mail or WhatsApp, sent only on a clerk's command."""


def _send_options(func):
    func = option("--applicant", "applicants", multiple=True, metavar="ID_ATAU_NIK",
                  help="help.notify.applicant")(func)
    func = option("--all", "all_incomplete", is_flag=True, help="help.notify.all")(func)
    func = option("--reminder", "reminder_days", type=click.IntRange(0, 30), default=None,
                  metavar="HARI", help="help.notify.reminder")(func)
    func = option("--yes", "-y", "confirmed", is_flag=True, help="help.notify.yes")(func)
    func = option("--today", default=None, metavar="TTTT-BB-HH", help="help.notify.today")(func)
    return json_option(pass_app(func))


def _run(app, channel: str, applicants, all_incomplete, reminder_days, confirmed, today,
         as_json) -> None:
    if not applicants and not all_incomplete and reminder_days is None:
        raise UsageError(t("notify.who"), code="notify_who")
    ws = app.workspace()
    day = date.fromisoformat(today) if today else date.today()
    reminders = (notify.due_reminders(ws, within_days=reminder_days, today=day)
                 if reminder_days is not None else None)
    kind = "pengingat" if reminders is not None else "kekurangan"
    outcomes = notify.plan(ws, list(applicants) or None, channel=channel, kind=kind, today=day,
                           reminders=reminders)
    ready = [o for o in outcomes if o.status == "ready"]
    if ready and not confirmed:
        for out in ready:
            click.echo(t("notify.will_send", nama=out.nama, to=out.recipient), err=True)
        if not sys.stdin.isatty():
            raise UsageError(t("notify.confirm_needed"), code="confirm_needed")
        if not ask_yes_no(t(f"notify.confirm_{channel}", n=len(ready)), err=True):
            raise UsageError(t("notify.cancelled"), code="cancelled")
    notify.deliver(ws, outcomes, channel=channel, kind=kind)
    if as_json:
        emit_json({"messages": [o.as_dict() for o in outcomes]})
    else:
        for out in outcomes:
            if out.status in ("skipped", "failed"):
                error_line(t(f"notify.line_{out.status}", nama=out.nama, reason=out.reason))
            elif out.status == "link":
                click.echo(t("notify.line_link", nama=out.nama, link=out.link))
            else:
                click.echo(t("notify.line_sent", nama=out.nama, to=out.recipient))
    if any(o.status == "failed" for o in outcomes):
        exit_with(ExitCode.input_rejected)


@command("email", help="help.notify_email")
@_send_options
def notify_email(app, applicants, all_incomplete, reminder_days, confirmed, today, as_json):
    """E-mail the list of what is missing (or a reminder) to applicants."""
    _run(app, "email", applicants, all_incomplete, reminder_days, confirmed, today, as_json)


@command("whatsapp", help="help.notify_whatsapp")
@_send_options
def notify_whatsapp(app, applicants, all_incomplete, reminder_days, confirmed, today, as_json):
    """Click-to-chat WhatsApp links with the message; a clerk opens each one."""
    _run(app, "whatsapp", applicants, all_incomplete, reminder_days, True, today, as_json)


@command("letters-only", help="help.notify_letters_only")
@argument("who", metavar="ID_ATAU_NIK")
@option("--off", is_flag=True, help="help.notify_letters_only.off")
@pass_app
def notify_letters_only(app, who: str, off: bool) -> None:
    """The applicant gets printed letters only, no e-mail or WhatsApp."""
    person = notify.set_letters_only(app.workspace(), who, not off)
    click.echo(t("notify.letters_only_off" if off else "notify.letters_only_on",
                 nama=person["nama"] or person["id"]))


@command("history", help="help.notify_history")
@argument("who", metavar="ID_ATAU_NIK")
@json_option
@pass_app
def notify_history(app, who: str, as_json: bool) -> None:
    """The messages sent to an applicant."""
    rows = notify.history(app.workspace(), who)
    if as_json:
        emit_json({"messages": rows})
        return
    if not rows:
        click.echo(t("notify.history_empty"))
    for row in rows:
        click.echo(t("notify.history_line", at=row["created_at"][:16].replace("T", " "),
                     channel=t(f"notify.channel_{row['channel']}"),
                     status=t(f"notify.status_{row['status']}"), to=row["recipient"],
                     staff=row["staff"]))


for _cmd in (notify_email, notify_whatsapp, notify_letters_only, notify_history):
    notify_group.add_command(_cmd)

COMMANDS = [notify_group]
