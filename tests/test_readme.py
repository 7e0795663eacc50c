"""The README's tour runs for real: each `$ partnerlog …` line, with the output it shows.

Lines starting with `$ ` in ```console blocks are commands; the lines up to the
next command are what they print (messages and data together). `pl` is the
README's alias for `partnerlog log`. The clock is fixed at the conftest's NOW.
"""

import contextlib
import io
import os
import re
import shlex
import sys
from pathlib import Path

import pytest

from partnerlog.quick import main

README = Path(__file__).parent.parent / "README.md"
# The tour in Indonesian, run in Indonesian.
README_ID = Path(__file__).parent.parent / "README.id.md"


def tour(readme: Path = README) -> list[tuple[str, str]]:
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", readme.read_text(), re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
    return [(command, "\n".join(output).rstrip()) for command, output in steps]


def normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def test_the_readme_has_a_tour():
    assert len(tour()) >= 10


def run_line(command: str) -> tuple[int, str]:
    """Run one README command line: `partnerlog …`, `pl …`, `echo "x" | …`,
    `… > /dev/null || echo "x"` and `…; test $? -eq N && echo "x"`. Returns (exit code,
    what a terminal shows)."""
    stdin = None
    if " | " in command:
        producer, command = command.split(" | ", 1)
        stdin = shlex.split(producer)[1] + "\n"  # `echo "text" | …`
    fallback = None
    expected = None
    if " || " in command:
        command, alternative = command.split(" || ", 1)
        fallback = shlex.split(alternative)[1]  # `|| echo "text"`
    if "; test $? -eq " in command:  # `…; test $? -eq 6 && echo "text"`
        command, check = command.split("; test $? -eq ", 1)
        code_text, alternative = check.split(" && ", 1)
        expected, fallback = int(code_text), shlex.split(alternative)[1]
    quiet = command.endswith(" > /dev/null")
    words = shlex.split(command.removesuffix(" > /dev/null"))
    if words[0] == "pl":
        words = ["partnerlog", "log", *words[1:]]
    assert words[0] == "partnerlog", command
    exit_code, shown = run_in_terminal(words[1:], stdin, quiet)
    if expected is not None:
        return 0, shown + (fallback + "\n" if exit_code == expected else "")
    if fallback is not None and exit_code:
        return 0, shown + fallback + "\n"
    return exit_code, shown


def run_in_terminal(args: list[str], stdin: str | None, quiet: bool) -> tuple[int, str]:
    """Run the CLI with stdout and stderr on one stream, interleaved as a terminal shows them."""
    screen = io.StringIO()
    sys.stdin = io.StringIO(stdin or "")
    out = io.StringIO() if quiet else screen
    with contextlib.redirect_stderr(screen), contextlib.redirect_stdout(out):
        code = main(args)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", screen.getvalue())  # colours and bold
    # The tour runs in a scratch folder; the README shows it as a home folder.
    return code, shown.replace(os.getcwd(), "/home/you")


@pytest.mark.english
@pytest.mark.parametrize("readme, language", [(README, "en"), (README_ID, "id")], ids=["en", "id"])
def test_the_readme_tour_prints_what_it_shows(monkeypatch, tmp_path, readme, language):
    monkeypatch.setenv("PARTNERLOG_LANG", language)
    monkeypatch.setenv("COLUMNS", "100")
    # What a terminal shows (tables, not the piped tab-separated lines); its colours
    # are taken out below.
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("LINES", "100000")  # a screen tall enough that nothing is paged
    monkeypatch.chdir(tmp_path)  # the tour's demo.db goes here
    monkeypatch.setattr(sys, "stdin", sys.stdin)
    for command, shown in tour(readme):
        if command.startswith("alias "):
            continue
        exit_code, output = run_line(command)
        # The README shows mistakes too; those, and only those, fail.
        assert (exit_code != 0) == shown.startswith("partnerlog: "), command
        assert normalise(output) == normalise(shown), command


def test_the_first_lines_give_exactly_two_setup_commands():
    first_block = re.search(r"```sh\n(.*?)```", README.read_text(), re.S).group(1)
    commands = [line for line in first_block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    assert commands[0].endswith("partnerlog demo")
    assert "pytest" in commands[1]
