"""The README's tour runs for real: each `$ partnerlog …` line, with the output it shows.

Lines starting with `$ ` in ```console blocks are commands; the lines up to the
next command are what they print (messages and data together). `pl` is the
README's alias for `partnerlog log`. The clock is fixed at the conftest's NOW.
"""

import re
import shlex
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"


def tour() -> list[tuple[str, str]]:
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(), re.S):
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


def test_the_readme_tour_prints_what_it_shows(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    for command, shown in tour():
        if command.startswith("alias "):
            continue
        stdin = None
        if " | " in command:
            producer, command = command.split(" | ", 1)
            stdin = shlex.split(producer)[1] + "\n"  # `echo "text" | …`
        words = shlex.split(command)
        if words[0] == "pl":
            words = ["partnerlog", "log", *words[1:]]
        assert words[0] == "partnerlog", command
        result = run(*words[1:], input=stdin)
        # The README shows mistakes too; those, and only those, fail.
        assert (result.exit_code != 0) == shown.startswith("partnerlog: "), command
        assert normalise(result.stderr + result.stdout) == normalise(shown), command


def test_the_first_lines_give_exactly_two_setup_commands():
    first_block = re.search(r"```sh\n(.*?)```", README.read_text(), re.S).group(1)
    commands = [line for line in first_block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    assert commands[0].endswith("partnerlog demo")
    assert "pytest" in commands[1]
