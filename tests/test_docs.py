"""Every command has help text with an example, and help works for each."""

import pytest
import typer

from partnerlog.cli import app_for
from partnerlog.i18n import _, language


def commands(group: typer.Typer, prefix=()):
    for info in group.registered_commands:
        yield prefix + (info.name or info.callback.__name__,), info.callback
    for sub in group.registered_groups:
        yield from commands(sub.typer_instance, prefix + (sub.name,))


ALL = list(commands(app_for(language())))


@pytest.mark.parametrize("path, callback", ALL, ids=[" ".join(p) for p, _ in ALL])
def test_every_command_has_help_with_an_example(run, path, callback):
    assert callback.__doc__ and "Example" in callback.__doc__
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(_("Usage:") + " partnerlog " + " ".join(path))


def test_help_reads_like_a_person_wrote_it(run):
    """No Python types in the options' help ("<list[str]>", "<int range>", "<bool>")."""
    for argv in (["--help"], ["log", "--help"], ["summary", "--help"], ["partner", "add", "-h"]):
        shown = run(*argv).stdout
        options = shown.split(_("Options") + ":")[1]
        assert not [t for t in ("<bool>", "<list[str]>", "<int", "<str>") if t in options], argv
    log_help = run("log", "--help").stdout
    assert "-t, --tone N" in log_help
    usage = f"{_('Usage:')} partnerlog log {_('[OPTIONS]')} {_('WHO')} [{_('NOTE')}]..."
    assert usage in log_help
    assert "{WHO}" not in log_help and "<str>" not in log_help
