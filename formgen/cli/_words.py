"""One language per run: click's own words, our help texts and metavars in the current language.

click marks its words for gettext (``from gettext import gettext as _`` in each of its
modules), which only a compiled .mo catalogue and the process locale could reach; formgen
chooses its language per run (--lang), so ``localise_click`` points those names at the
table in formgen/core/messages/framework/. Help texts and metavars of our commands are
catalogue keys (``help.*``, ``metavar.*``) that the classes below look up when help is shown.
"""
from __future__ import annotations

import click

from formgen.core.i18n import framework_ntext, framework_text, has_message, t

_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui")


def localise_click() -> None:
    """Route click's gettext calls through formgen's framework table (idempotent)."""
    import importlib

    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = framework_text
        if hasattr(module, "ngettext"):
            module.ngettext = framework_ntext


def localise(text: str | None) -> str | None:
    """A catalogue key (``help.…``) as its text in the current language; other text as it is."""
    if text and "." in text and " " not in text and has_message(text):
        return t(text)
    return text


def localise_metavar(metavar: str) -> str:
    """A metavar (ID_ATAU_NIK, TEXT, [PAGE]...) in the current language."""
    core = metavar.strip("[].")
    key = f"metavar.{core}"
    word = t(key) if has_message(key) else framework_text(core)
    return metavar.replace(core, word, 1)


class _LocalisedHelp:
    """``help`` read through the catalogue at the moment help is shown."""

    @property
    def help(self) -> str | None:
        return localise(self._help)

    @help.setter
    def help(self, value: str | None) -> None:
        self._help = value


class Option(_LocalisedHelp, click.Option):
    def make_metavar(self, ctx: click.Context) -> str:
        return localise_metavar(super().make_metavar(ctx))


class Argument(click.Argument):
    def make_metavar(self, ctx: click.Context) -> str:
        return localise_metavar(super().make_metavar(ctx))


class _LocalisedCommand(_LocalisedHelp):
    @property
    def options_metavar(self) -> str | None:
        return framework_text(self._options_metavar) if self._options_metavar else None

    @options_metavar.setter
    def options_metavar(self, value: str | None) -> None:
        self._options_metavar = value

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:  # click caches it with the words of the first run
            option.help = framework_text("Show this message and exit.")
        return option


class Command(_LocalisedCommand, click.Command):
    pass


class Group(_LocalisedCommand, click.Group):
    command_class = Command

    @property
    def subcommand_metavar(self) -> str | None:
        return framework_text(self._subcommand_metavar) if self._subcommand_metavar else None

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str | None) -> None:
        self._subcommand_metavar = value


Group.group_class = Group
