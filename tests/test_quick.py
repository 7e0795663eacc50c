"""The one parser and the Typer app must be one program: same rows, same output,
same answer to every mistake."""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime

import pytest

from partnerlog import cli, i18n, quick, spec
from partnerlog.spec import argv as one_parser
from partnerlog.store import clock


def typer_path(argv):
    """The console script, parsing with the Typer app even where the quick path could."""
    return quick.main(argv, quick=False)


SETUP = [
    ("partner", "add", "Sari Wulandari"),
    ("partner", "add", "Budi Santoso", "--relation", "superior"),
    ("partner", "add", "José Álvarez", "--relation", "subordinate"),
    ("partner", "add", "[red]Rudi[/]", "--handle", "rudi"),
    ("trait", "add", "me", "weakness", "public speaking"),
    ("trait", "add", "sari", "strength", "public speaking"),
    ("goal", "add", "sari", "ship it"),
]

# (argv, stdin). The one parser reads every one of these itself.
QUICK_CASES = [
    (["log", "sari", "lunch at the warung"], None),
    (["log", "sari,budi", "-k", "review", "-t", "1", "design", "review"], None),
    (["log", "jose", "--when", "yesterday", "--kind=coffee", "--where", "outside"], None),
    (["log", "JOSÉ", "-w", "3 hari lalu", "-klunch", "-t", "-2", "@budi joined #Food"], None),
    (
        ["log", "budi", "-p", "goals", "-p", "bond", "-b", "growth,network", "--tag", "q1", "x"],
        None,
    ),
    (["log", "sari", "--private", "--json", "secret"], None),
    (["log", "sari"], "note from stdin\nwith two lines"),
    (["log", "sari", "--", "-- not an option"], None),
    (["log", "sari", "@nobody is not a partner"], None),
    (["log", "rudi", "\x1b[2J [bold]x[/]"], None),
    (["log", "sarah", "typo"], None),
    (["log", "s", "ambiguous? no: sari only starts with s"], None),
    (["log", "sari", "-t", "5", "out of range"], None),
    (["log", "sari", "-w", "someday", "bad date"], None),
    (["log", "sari", "-w", "tomorrow", "future"], None),
    (["log", "sari", "-s", "home", "bad place"], None),
    (["log", "sari", "-p", "love", "bad pillar"], None),
    (["log", "sari", "-k", "two words", "bad kind"], None),
    (["due"], None),
    (["due", "--json"], None),
    (["due", "--exit-code"], None),
    (["timeline"], None),
    (["timeline", "sari", "--limit", "2", "--json"], None),
    (["timeline", "--since", "2 days ago", "--kind", "review"], None),
    (["timeline", "--limit", "-1"], None),
    (["summary"], None),
    (["summary", "--json", "--window", "30"], None),
    (["partner", "show", "sari"], None),
    (["partner", "show", "budi", "--json"], None),
    (["partner", "show", "nobody"], None),
    (["partner", "list"], None),
    (["partner", "list", "--json"], None),
    (["goal", "list"], None),
    (["goal", "update", "1", "--progress", "４０"], None),
    (["trait", "list", "me"], None),
    (["tags"], None),
    (["kinds", "--json"], None),
    (["search", "lunch"], None),
    (["undo", "--list"], None),
    (["complement", "sari"], None),
    (["open"], None),
    (["agenda"], None),
    (["entry", "edit", "1", "--private", "-t", "２"], None),
    (["entry", "edit", "1", "--public", "-s", "kantor", "-p", "goal,bond"], None),
    (["partner", "edit", "budi", "--relation", "sub"], None),
    (["timeline", "-n", "３"], None),
    (["--", "timeline", "-n", "1"], None),
]

# Only help is left to Typer.
HELP_CASES = [
    ([], ()), (["--help"], ()), (["--db", "x.db", "-h"], ()), (["log", "--help"], ("log",)),
    (["log", "sari", "-h"], ("log",)), (["partner"], ("partner",)), (["db"], ("db",)),
    (["partner", "date", "--help"], ("partner", "date")), (["partner", "-h"], ("partner",)),
]  # fmt: skip
TYPER_CASES = [
    ["--install-completion"],
    ["--show-completion"],
    ["--db", "x.db", "--show-completion"],
]


def run(main, argv, stdin):
    out, err = io.StringIO(), io.StringIO()
    sys.stdin = io.StringIO(stdin or "")
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def rows(path):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    tables = ["partners", "interactions", "interaction_partners", "interaction_tags"]
    tables += ["interaction_pillars", "interaction_benefits", "goals", "traits"]
    found = {}
    for table in tables:
        found[table] = [
            {k: row[k] for k in row.keys() if k not in ("uuid", "created_at", "updated_at")}  # noqa: SIM118
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
        ]
    conn.close()
    return found


def without_uuids(text: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        return text

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "uuid"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return json.dumps(strip(data))


def test_the_quick_path_and_typer_agree(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", sys.stdin)
    # Both journals' change stamps from one stopped clock (the hybrid clock still
    # orders them), so a minute turning between the two runs of a case cannot
    # make `undo --list` differ.
    stopped = datetime.fromisoformat(os.environ["PARTNERLOG_NOW"])
    monkeypatch.setattr(clock, "wall_clock", lambda: stopped)
    fast, full = str(tmp_path / "fast.db"), str(tmp_path / "full.db")
    for args in SETUP:
        for path in (fast, full):
            assert run(typer_path, ["--db", path, *args], None)[0] == 0
    for argv, stdin in QUICK_CASES:
        quick_result = run(quick.main, ["--db", fast, *argv], stdin)
        typer_result = run(typer_path, ["--db", full, *argv], stdin)
        assert quick_result[0] == typer_result[0], argv
        assert without_uuids(quick_result[1]) == without_uuids(typer_result[1]), argv
        assert quick_result[2] == typer_result[2], argv
    assert rows(fast) == rows(full)


@pytest.mark.parametrize("argv", TYPER_CASES, ids=" ".join)
def test_only_completion_set_up_goes_to_typer(argv):
    assert one_parser.read(argv) is None


@pytest.mark.parametrize(
    "argv, path", HELP_CASES, ids=[" ".join(a) or "(none)" for a, _ in HELP_CASES]
)
def test_help_is_drawn_by_the_one_parser(argv, path):
    asked = one_parser.read(argv)
    assert isinstance(asked, one_parser.HelpAsked) and asked.path == path


@pytest.mark.english
@pytest.mark.parametrize("columns", ["60", "80", "120"])
def test_the_help_drawn_from_the_spec_is_typers_word_for_word(columns, monkeypatch):
    """Every command's and group's help, drawn without Typer, reads as Typer drew it."""
    monkeypatch.setenv("COLUMNS", columns)
    paths = [(), *(tuple(g.split()) for g in spec.GROUPS), *(c.path for c in spec.COMMANDS)]
    for path in paths:
        ours = run(quick.main, [*path, "--help"], None)
        typers = run(typer_path, [*path, "--help"], None)
        assert ours == typers, path


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def mistakes(command: spec.Command) -> list[list[str]]:
    """Command lines for ``command`` that are wrong in every way the parser knows."""
    path, params = list(command.path), command.params
    good = [p.choices[0] if p.choices else "1" for p in params if p.is_argument and p.required]
    lines = [path + good + ["--no-such-option"], path + good + ["-30%"]]
    if any(p.required for p in params if p.is_argument):
        lines.append(path)  # a missing argument
    if not any(p.multiple for p in params if p.is_argument):
        lines.append(path + good + ["one", "too", "many"])
    for param in params:
        if param.is_argument:
            continue
        flag = param.flags[0]
        if param.takes_value:
            lines.append(path + good + [flag])  # no value
        else:
            lines.append(path + good + [flag + "=yes"])
        if param.kind == "int":
            lines.append(path + good + [flag, "great"])
            if param.low is not None:
                lines.append(path + good + [flag, str(param.low - 1)])
            if param.high is not None:  # in full-width digits, as a Japanese IME types
                lines.append(path + good + [flag, str(param.high + 1).translate(FULL_WIDTH)])
        if param.choices:
            lines.append(path + good + [flag, "nonsense"])
    for n, param in enumerate(p for p in params if p.is_argument):
        if param.kind == "int" or param.choices:
            wrong = list(good)
            wrong[n] = "nonsense"
            lines.append(path + wrong)
    return lines


MISTAKES = [line for command in spec.COMMANDS for line in mistakes(command)]
MISTAKES += [["lgo", "sari"], ["partner", "lst"], ["--bogus"], ["--db"], ["log", "sari", "-yk"]]
MISTAKES += [["-"], ["export", "-o", ""], ["--lang"]]


def test_every_command_answers_every_mistake_alike_through_both_parsers(tmp_path, monkeypatch):
    """A differential run: every command of the spec, with each kind of bad value,
    through the one parser and through Typer: same exit code, same words, and
    nothing changed."""
    monkeypatch.setenv("EDITOR", "false")
    monkeypatch.setattr(sys, "stdin", sys.stdin)
    path = str(tmp_path / "j.db")
    for args in SETUP:
        assert run(typer_path, ["--db", path, *args], None)[0] == 0
    before = rows(path)
    assert len(MISTAKES) > 300
    for line in MISTAKES:
        fast = run(quick.main, ["--db", path, *line], None)
        full = run(typer_path, ["--db", path, *line], None)
        assert fast == full, line
        code, out, err = fast
        assert code == 2 and out == "", line
        assert err.startswith("partnerlog: ") and err.endswith(" --help)\n"), (line, err)
        assert err.count("\n") == 1, line
    assert rows(path) == before


@pytest.mark.parametrize(
    "argv, allowed",
    [
        (["log", "sari", "x"], set()),
        (["log", "sari", "-w", "kemarin", "-k", "lunch", "-t", "1", "x"], set()),
        (["due", "--exit-code"], set()),
        (["timeline", "--limit", "5"], set()),  # piped: tab-separated, without Rich
        (["partner", "list"], set()),
        (["goal", "list"], set()),
        (["search", "sari"], set()),
        (["open"], set()),
        (["trait", "list"], set()),
        (["summary"], set()),
    ],
)
def test_the_quick_path_does_not_import_the_world(tmp_path, argv, allowed):
    path = str(tmp_path / "j.db")
    run(typer_path, ["--db", path, "partner", "add", "Sari"], None)
    heavy = {"typer", "click", "rich", "sqlite_utils", "dateparser", "pydantic", "platformdirs"}
    heavy.add("rich.table")
    code = (
        "import json, sys\n"
        "from partnerlog.quick import main\n"
        f"main({['--db', path, *argv]!r})\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    modules = set(json.loads(result.stdout.strip().splitlines()[-1]))
    loaded = ({name.split(".")[0] for name in modules} | modules) & heavy
    assert loaded <= allowed, result.stderr


def test_the_default_journal_folder_matches_platformdirs(monkeypatch, tmp_path):
    from platformdirs import user_data_path

    from partnerlog.paths import quick_data_dir

    cases = [
        {"XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path)},
        {"XDG_DATA_HOME": "", "HOME": str(tmp_path)},
        {"XDG_DATA_HOME": "relative/path", "HOME": str(tmp_path)},
        {"HOME": str(tmp_path) + "/"},
    ]
    for env in cases:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        quick_answer = quick_data_dir()
        if quick_answer is not None:
            assert quick_answer == str(user_data_path("partnerlog", appauthor=False)), env


def complete(monkeypatch, shell, line, action="get-args"):
    """Set the environment a shell's completion script sets for ``line`` (the
    cursor at its end), as Typer's scripts do."""
    monkeypatch.setenv("_PARTNERLOG_COMPLETE", f"complete_{shell}")
    if shell == "bash":
        words = line.split()
        monkeypatch.setenv("COMP_WORDS", line)
        monkeypatch.setenv("COMP_CWORD", str(len(words) - (0 if line.endswith(" ") else 1)))
    else:
        monkeypatch.setenv("_TYPER_COMPLETE_ARGS", line)
        monkeypatch.setenv("_TYPER_COMPLETE_FISH_ACTION", action)


def typer_answer(capsys):
    """What the full Typer app prints for the completion the environment asks for."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        cli.app_for(i18n.language())(args=[], prog_name="partnerlog")
    return stopped.value.code or 0, capsys.readouterr().out


SHELLS = ["bash", "zsh", "fish"]


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize(
    "line",
    [
        "partnerlog log s", "partnerlog log ", "partnerlog log sari,b", "partnerlog timeline j",
        "partnerlog partner show b", "partnerlog goal list ", "partnerlog complement s",
        "partnerlog --db {db} report b", "partnerlog log nobody",
    ],
)  # fmt: skip
def test_quick_completion_answers_like_typer(tmp_path, monkeypatch, capsys, shell, line):
    path = str(tmp_path / "j.db")
    monkeypatch.setenv("PARTNERLOG_DB", path)
    for args in SETUP[:3]:
        run(typer_path, list(args), None)
    run(typer_path, ["partner", "add", "Dewi $'`:\"x", "--handle", "dewi"], None)
    complete(monkeypatch, shell, line.format(db=path))
    capsys.readouterr()
    assert quick._complete_quickly() == 0
    fast = capsys.readouterr().out
    assert (0, fast) == typer_answer(capsys)
    assert fast.strip() or "nobody" in line  # something was offered


@pytest.mark.parametrize("line, offered", [("partnerlog log s", 0), ("partnerlog log zz", 1)])
def test_fish_asks_whether_to_offer_arguments_or_files(
    tmp_path, monkeypatch, capsys, line, offered
):
    monkeypatch.setenv("PARTNERLOG_DB", str(tmp_path / "j.db"))
    run(typer_path, list(SETUP[0]), None)
    complete(monkeypatch, "fish", line, action="is-args")
    capsys.readouterr()
    assert quick._complete_quickly() == offered
    assert capsys.readouterr().out == ""
    assert typer_answer(capsys) == (offered, "")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_names_beside_completions_print_as_typed(tmp_path, monkeypatch, capsys, shell):
    """Both paths: markup stays text, a control character is made visible."""
    monkeypatch.setenv("PARTNERLOG_DB", str(tmp_path / "j.db"))
    run(typer_path, ["partner", "add", "[bold]Eve[/] \x1b[31m", "--handle", "eve"], None)
    complete(monkeypatch, shell, "partnerlog log e")
    capsys.readouterr()
    assert quick._complete_quickly() == 0
    answers = [capsys.readouterr().out, typer_answer(capsys)[1]]
    complete(monkeypatch, shell, "partnerlog trait add e")  # Typer's own completion
    answers.append(typer_answer(capsys)[1])
    for out in answers:
        assert "[bold]Eve[/] \\x1b[31m" in out and "\x1b" not in out, out


def test_quick_completion_knows_every_command_whose_first_argument_is_a_partner():
    import typer.main

    def walk(command, path):
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])
        arguments = [p for p in command.params if p.param_type_name == "argument"]
        completer = getattr(arguments[0], "_custom_shell_complete", None) if arguments else None
        cells = [cell.cell_contents for cell in getattr(completer, "__closure__", None) or ()]
        # Typer wraps a copy of the function: compare where it comes from.
        names = {(getattr(c, "__module__", ""), getattr(c, "__name__", "")) for c in cells}
        if ("partnerlog.cli.completion", "complete_partner") in names:
            yield path

    found = list(walk(typer.main.get_command(cli.app_for(i18n.language())), []))
    assert sorted(found) == sorted(spec.partner_first())


def test_other_completions_are_left_to_typer(monkeypatch):
    for shell in SHELLS:
        for line in ("partnerlog goal update ", "partnerlog log sari --k", "partnerlog trait add "):
            complete(monkeypatch, shell, line)
            assert quick._complete_quickly() is None
        for line in ("partnerlog log 'unfinished", "partnerlog lo"):
            complete(monkeypatch, shell, line)
            assert quick._complete_quickly() is None, line
    monkeypatch.setenv("_PARTNERLOG_COMPLETE", "source_zsh")
    assert quick._complete_quickly() is None


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_the_readmes_bash_completion_for_the_alias_works(tmp_path, monkeypatch):
    """The README's `_pl_complete` function, run in a real bash, offers partners."""
    import re
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text()
    snippet = re.search(r"# bash\n(.*?)\ncomplete -o default", readme, re.S).group(1)
    script = Path(sys.executable).parent / "partnerlog"
    if not script.exists():
        pytest.skip("needs the console script")
    db = tmp_path / "j.db"
    run(typer_path, ["--db", str(db), "partner", "add", "Sari Wulandari"], None)
    run(typer_path, ["--db", str(db), "partner", "add", "Budi Santoso"], None)
    program = (
        f'{snippet}\nCOMP_WORDS=(pl sa); COMP_CWORD=1; _pl_complete; echo "${{COMPREPLY[*]}}"\n'
    )
    env = dict(os.environ, PARTNERLOG_DB=str(db), PATH=f"{script.parent}:{os.environ['PATH']}")
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, env=env)
    assert result.stdout.split() == ["sari"], result.stderr
