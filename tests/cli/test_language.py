"""One language per run: the command-line framework's words, help texts and metavars."""
from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from formgen.cli import main
from formgen.core.i18n import has_message, t

ENGLISH_FRAMEWORK = ("Usage:", "Options:", "Commands:", "Show this message and exit.",
                     "[required]", "Error:", "default:")
INDONESIAN_FRAMEWORK = ("Penggunaan:", "Opsi:", "Perintah:", "Tampilkan pesan ini", "[wajib]",
                        "Galat:", "bawaan:")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="formgen", catch_exceptions=False)


def all_commands(group=main, path=()):
    for name, command in sorted(group.commands.items()):
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*path, name))


COMMANDS = [path for path, _ in all_commands()]


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda p: " ".join(p) or "formgen")
def test_help_speaks_one_language_each_way(path):
    indonesian = invoke(*path, "--help")
    english = invoke("--lang", "en", *path, "--help")
    assert indonesian.exit_code == english.exit_code == 0
    for word in ENGLISH_FRAMEWORK:
        assert word not in indonesian.stdout, word
    for word in INDONESIAN_FRAMEWORK:
        assert word not in english.stdout, word
    assert "Penggunaan:" in indonesian.stdout and "Usage:" in english.stdout
    for wrong in ("ID_OR_NIK", " NAME", "PAGE_ID", "APPLICANT_REF", "STAGE_CODE", "TEXT", "COMMAND",
                  "INTEGER", "YYYY"):
        assert wrong not in indonesian.stdout, wrong
    for wrong in ("ID_ATAU_NIK", "NAMA", "HALAMAN", "BERKAS", "TEKS", "TTTT"):
        assert wrong not in english.stdout, wrong
    for word in (" yang ", " untuk ", " dan ", "pemohon"):
        assert word not in english.stdout.split("Usage:")[1], word


def test_every_help_text_and_metavar_is_in_the_catalogue_in_both_languages():
    for path, command in [((), main), *all_commands()]:
        assert command._help and has_message(command._help), path
        assert t(command._help, "en") != t(command._help, "id"), path
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param._help and has_message(param._help), (path, param.name)
                assert t(param._help, "en") != t(param._help, "id"), (path, param.name)
            if param.metavar and not param.metavar.startswith("["):
                key = f"metavar.{param.metavar}"
                assert has_message(key), (path, param.name, param.metavar)


def test_framework_errors_in_indonesian_by_default_and_english_on_request():
    unknown = invoke("imprt")
    assert unknown.exit_code == 2
    assert "Galat: Perintah 'imprt' tidak ada." in unknown.stderr
    assert "Coba 'formgen --help' untuk bantuan." in unknown.stderr
    english = invoke("--lang", "en", "imprt")
    assert "Error: No such command 'imprt'." in english.stderr
    bad_date = invoke("status", "--today", "kemarin")
    assert bad_date.exit_code == 2 and "Nilai '--today' tidak sah" in bad_date.stderr
    required = invoke("certificate", "record", "--help")
    assert "[wajib]" in required.stdout and "ID_ATAU_NIK" in required.stdout
    missing = invoke("certificate", "record")
    assert "Opsi belum diberikan: '--applicant'" in missing.stderr


def test_help_option_follows_the_language_of_each_run():
    assert "Show this message and exit." in invoke("--lang", "en", "check", "--help").stdout
    assert "Tampilkan pesan ini lalu keluar." in invoke("check", "--help").stdout


def test_review_type_usage_keeps_words_whole():
    result = invoke("review", "type", "--help")
    usage = result.stdout.split("\n\n")[0]
    assert re.sub(r"\s+", " ", usage).strip() == \
        "Penggunaan: formgen review type [OPSI] HALAMAN JENIS"
    assert "pengalaman_kerja" in result.stdout  # the document types are listed in its help


@pytest.mark.parametrize(("lang", "choices", "answers"), [
    ("id", "[y/T]", {"ya": True, "t": False, "tidak": False, "": False}),
    ("en", "[y/N]", {"yes": True, "y": True, "n": False, "": False}),
])
def test_yes_no_question_in_the_run_language(lang, choices, answers):
    from formgen.cli._common import ask_yes_no
    from formgen.core.i18n import set_language

    @click.command()
    def ask():
        click.echo(f"answer={ask_yes_no('Lanjut?')}")

    set_language(lang)
    try:
        for typed, meant in answers.items():
            result = CliRunner().invoke(ask, input=f"{typed}\n")
            assert f"Lanjut? {choices}" in result.output
            assert f"answer={meant}" in result.output
        again = CliRunner().invoke(ask, input="mungkin\nya\n")
        assert t("cli.answer_invalid") in again.output and "answer=True" in again.output
    finally:
        set_language("id")
