"""One program: both parsers follow the spec, one error boundary, and a layout that holds.

Each test here pins a seam where the quick path and the Typer app once drifted apart.
"""

import importlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from partnerlog import quick, spec
from partnerlog.spec import argv as one_parser

SOURCE = Path(__file__).resolve().parent.parent / "src" / "partnerlog"
CONSOLE_SCRIPT = Path(sys.executable).parent / "partnerlog"


def typer_path(argv):
    return quick.main(argv, quick=False)


def test_a_default_changed_in_the_spec_is_seen_by_both_paths(run, team, capsys):
    for n in range(3):
        assert run("log", "sari", f"entry {n}").exit_code == 0
    limit = spec.BY_PATH[("timeline",)].param("limit")
    original = limit.default
    cli = importlib.import_module("partnerlog.cli")
    try:
        limit.default = 2
        cli.rebuild()  # the Typer app is generated from the spec again
        assert one_parser.read(["timeline", "--json"])[1]["limit"] == 2  # the one parser sees it
        capsys.readouterr()
        assert quick.main(["timeline", "--json"]) == 0
        fast = json.loads(capsys.readouterr().out)
        assert typer_path(["timeline", "--json"]) == 0
        full = json.loads(capsys.readouterr().out)
        assert len(fast) == len(full) == 2
        assert typer_path(["timeline", "--help"]) == 0
        assert "[default: 2]" in capsys.readouterr().out
    finally:
        limit.default = original
        cli.rebuild()
    assert len(json.loads(run("timeline", "--json").stdout)) == 3


def test_the_one_parser_reads_every_command():
    for command in spec.COMMANDS:
        line = list(command.path)
        for param in command.params:
            if param.required:
                line.append(param.choices[0] if param.choices else "1")
        assert one_parser.read(line)[0] is command, command.name


@pytest.mark.parametrize("how", ["quick", "typer"])
def test_ctrl_c_in_any_command_says_so_and_exits_130(run, team, monkeypatch, tmp_path, how):
    """Typer used to turn Ctrl-C into a silent exit 130 before partnerlog saw it."""
    from partnerlog.app import interactions
    from partnerlog.app import merging as transfer

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(transfer, "import_file", interrupted)
    monkeypatch.setattr(interactions, "log", interrupted)
    export = tmp_path / "e.json"
    assert run("export", "-o", str(export)).exit_code == 0
    main = quick.main if how == "quick" else typer_path
    for argv in (["import", str(export)], ["log", "sari", "lunch"]):
        code = main(argv)
        assert code == 130, argv


@pytest.mark.english
def test_ctrl_c_message_is_one_line_on_stderr(run, team, monkeypatch):
    from partnerlog.app import merging as transfer

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(transfer, "import_file", interrupted)
    result = run("import", "-", input="{}")
    assert result.exit_code == 130
    assert result.stderr == "partnerlog: interrupted; nothing was changed\n"


@pytest.mark.skipif(not CONSOLE_SCRIPT.exists(), reason="needs the installed console script")
@pytest.mark.parametrize("argv", [["export"], ["timeline", "-n", "0"], ["search", "a"]])
def test_a_closed_pipe_exits_0_quietly_on_every_command(demo_journal, argv):
    """`partnerlog export | head -1` used to exit 1 (Click's EPIPE handling)."""
    env = dict(os.environ, PARTNERLOG_DB=str(demo_journal), COLUMNS="80")
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.readline()
    process.stdout.close()  # the reader goes away, as `head -1` does
    code = process.wait(timeout=60)
    error = process.stderr.read().decode()
    assert code == 0, error
    assert error == ""


@pytest.mark.english
@pytest.mark.skipif(not CONSOLE_SCRIPT.exists(), reason="needs the installed console script")
def test_ctrl_c_during_a_slow_command_is_one_line(demo_journal, tmp_path):
    """A real SIGINT while `report` writes: one line, exit 130, no traceback."""
    env = dict(os.environ, PARTNERLOG_DB=str(demo_journal))
    code = (
        "import time, partnerlog.present.markdown as m\n"
        "slow = m.report\n"
        "def report(*a, **k):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(30)\n"
        "    yield from slow(*a, **k)\n"
        "m.report = report\n"
        "from partnerlog.quick import main\n"
        f"raise SystemExit(main(['report', '-o', {str(tmp_path / 'r.md')!r}]))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    # Interrupt once it is writing: a signal that lands while Python runs a finalizer
    # during start-up is only reported, never raised (seen on a busy machine).
    assert process.stdout.readline() == b"writing\n"
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 130
    assert process.stderr.read().decode() == "partnerlog: interrupted; nothing was changed\n"
    assert not (tmp_path / "r.md").exists()


def test_typer_completion_reads_the_db_option(run, tmp_path, monkeypatch, capsys):
    """`partnerlog --db work.db trait add e<TAB>` offered nothing: the completer read `db`,
    the root's parameter was called `db_path`."""
    work = tmp_path / "work.db"
    assert run("--db", str(work), "partner", "add", "Eko Prasetyo").exit_code == 0
    assert run("--db", str(work), "trait", "add", "eko", "strength", "SQL").exit_code == 0
    line = f"partnerlog --db {work} trait add e"
    monkeypatch.setenv("_PARTNERLOG_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(len(line.split()) - 1))
    capsys.readouterr()
    assert quick.main([]) == 0
    assert "eko" in capsys.readouterr().out.split()
    line = f"partnerlog --db {work} complement --area s"
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(len(line.split()) - 1))
    assert quick.main([]) == 0
    assert "sql" in capsys.readouterr().out.split()  # as the area's key: "s" starts it


@pytest.mark.parametrize(
    "line, offered",
    [
        ("partnerlog log sari --where o", {"office", "outside"}),
        ("partnerlog partner add X --relation s", {"superior", "subordinate"}),
        ("partnerlog goal add sari x --owner ", {"me", "partner", "shared"}),
        ("partnerlog log sari -p communication,b", {"communication,bond"}),
        ("partnerlog export --format ", {"json", "csv"}),
        ("partnerlog log sari -k cof", {"coffee"}),  # kinds, and their other words
        ("partnerlog log sari --kind ngop", {"ngopi"}),
    ],
)
def test_choice_options_complete_their_values(monkeypatch, capsys, line, offered):
    assert completed(monkeypatch, capsys, line) == offered


def completed(monkeypatch, capsys, line: str) -> set[str]:
    """What bash completion offers at the end of ``line``."""
    monkeypatch.setenv("_PARTNERLOG_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", line)
    words = line.split()
    monkeypatch.setenv("COMP_CWORD", str(len(words) - (0 if line.endswith(" ") else 1)))
    capsys.readouterr()
    assert quick.main([]) == 0
    return set(capsys.readouterr().out.split())


def test_kind_options_complete_the_kinds_you_invented_too(team, monkeypatch, capsys):
    team("log", "sari", "-k", "hackathon", "--new-kind", "x")
    assert completed(monkeypatch, capsys, "partnerlog timeline --kind hack") == {"hackathon"}
    assert "lunch" in completed(monkeypatch, capsys, "partnerlog entry edit 1 -k ")


def test_exporters_and_the_spec_agree_on_formats():
    from partnerlog.core.vocabulary import EXPORT_FORMATS
    from partnerlog.present.exporters import EXPORTERS

    assert tuple(EXPORTERS) == EXPORT_FORMATS == spec.EXPORT_FORMATS


# -- every example in the help runs ----------------------------------------------------

EXAMPLES = [(c.name, e) for c in spec.COMMANDS for e in c.examples]
ENCRYPTION = ("db encrypt", "db rekey", "db decrypt")


def keyring_in(monkeypatch, folder: Path) -> None:
    """The system keyring, for this test: a file in ``folder`` (tests/file_keyring.py)."""
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "file_keyring.FileKeyring")
    monkeypatch.setenv("PARTNERLOG_TEST_KEYRING", str(folder / "keyring.json"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setattr("keyring.core._keyring_backend", None)  # (chosen again, from the env)


def test_every_command_has_an_example():
    assert all(command.examples for command in spec.COMMANDS)


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("name, example", EXAMPLES, ids=[e for _, e in EXAMPLES])
def test_every_example_in_the_help_runs_on_the_demo(
    run, demo_journal, tmp_path, monkeypatch, name, example, language
):
    """In each language, as its help shows it (Indonesian notes and dates in Indonesian)."""
    import shlex

    from partnerlog import i18n

    i18n.choose(language)
    example = i18n._(example)
    monkeypatch.setenv("PARTNERLOG_LANG", language)
    journal = tmp_path / "journal.db"
    shutil.copy(demo_journal, journal)
    monkeypatch.setenv("PARTNERLOG_DB", str(journal))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert run("export", "-o", "partnerlog.json").exit_code == 0  # what `import` reads
    assert run("log", "sari", "coffee").exit_code == 0  # something for `undo`
    assert run("db", "backup", "partnerlog-backup.db").exit_code == 0  # for `db restore`
    Path("Sync", "partnerlog").mkdir(parents=True)  # the folder `sync` shares
    Path("backups").mkdir()  # where `db backup` writes in its example
    assert run("partner", "edit", "sari", "--email", "sari@old.example").exit_code == 0
    Path("contacts.vcf").write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Made Wirawan\nEND:VCARD\n")
    Path("WhatsApp Chat with Sari Wulandari.txt").write_text(
        "28/11/2026, 09:15 - Sari Wulandari: coffee?\n28/11/2026, 09:16 - Budi: yes\n"
    )
    Path("calendar.ics").write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1@x\nDTSTART:20261120T100000\n"
        "SUMMARY:Coffee\nATTENDEE;CN=Sari Wulandari:mailto:sari@x.org\nEND:VEVENT\n"
        "END:VCALENDAR\n"
    )
    given = None
    if name in ENCRYPTION:  # (a passphrase to give, and a keyring to keep it in)
        pytest.importorskip("sqlcipher3", reason="encryption needs the encrypt extra")
        keyring_in(monkeypatch, tmp_path)
        monkeypatch.setenv("PARTNERLOG_PASSPHRASE", "first secret")
        if name != "db encrypt":
            assert run("db", "encrypt", input="first secret\n").exit_code == 0
        given = "second secret\n"
    result = run(*shlex.split(example), input=given)
    assert result.exit_code == 0, (example, result.stderr)
    help_text = run(*name.split(), "--help").stdout
    assert i18n._("Example: partnerlog {example}").format(example=example) in " ".join(
        help_text.split()
    )


# -- the layout holds -----------------------------------------------------------------------


def modules():
    return sorted(SOURCE.rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SOURCE)))
def test_no_module_is_over_500_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "CREATE TABLE", ".execute(")


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SOURCE)))
def test_sql_lives_only_in_the_store(path):
    if path.relative_to(SOURCE).parts[0] == "store":
        return
    text = path.read_text(encoding="utf-8")
    assert not [word for word in SQL_WORDS if word in text]


def layer(folder: str) -> list[Path]:
    return sorted((SOURCE / folder).glob("*.py"))


def test_the_layers_hold_as_import_linter_checks_them():
    """The contracts in pyproject.toml: a new upward import, a cycle between the
    app and the views, or a view reading the journal fails here."""
    from importlinter.cli import lint_imports

    pyproject = Path(__file__).parent.parent / "pyproject.toml"
    assert lint_imports(config_filename=str(pyproject), no_cache=True) == 0


@pytest.mark.parametrize("path", layer("store"), ids=lambda p: p.name)
def test_the_store_speaks_no_command_words(path):
    assert "partnerlog partner" not in path.read_text() and "(see: partnerlog" not in (
        path.read_text()
    )


@pytest.mark.parametrize("path", layer("cli"), ids=lambda p: p.name)
def test_the_typer_adapters_hold_no_journal(path):
    assert "journal" not in path.read_text()


def test_the_model_loads_without_store_or_views():
    code = (
        "import sys, json\n"
        "import partnerlog.core.health, partnerlog.core.matching, partnerlog.core.document\n"
        "import partnerlog.core.complement, partnerlog.core.dates\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    loaded = json.loads(result.stdout)
    assert not [
        m for m in loaded if m.startswith(("partnerlog.store", "partnerlog.present", "rich"))
    ]


@pytest.mark.parametrize("path", layer("app"), ids=lambda p: p.name)
def test_the_app_layer_neither_prints_nor_prompts_nor_reads_stdin(path):
    """Data in, data out: what an app function needs of the person (a yes, a note
    in the editor, stdin, a progress bar) it asks of the session the runner gives it."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    streams = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "sys"
    }
    assert not names & {"print", "input"} and not streams & {"stdin", "stdout", "stderr"}


@pytest.mark.parametrize("command", spec.COMMANDS, ids=lambda c: c.name)
def test_every_command_body_takes_its_values_as_typed_arguments(command):
    """No dictionary keyed by command-line names: each parameter of the command's
    app function is one of its spec's values (a built-in's name ends in "_"),
    keyword-only and annotated, and the runner passes exactly those."""
    import inspect

    from partnerlog.runner import arguments, resolve

    action = resolve("app", command.action)
    parameters = list(inspect.signature(action).parameters.values())
    assert parameters[0].name == "session"
    taken = parameters[1:]
    assert all(p.kind is p.KEYWORD_ONLY for p in taken)
    assert all(p.annotation is not p.empty for p in taken)
    declared = {p.name for p in command.params}
    assert {p.name.removesuffix("_") for p in taken} <= declared
    values = {p.name: object() for p in command.params}
    assert set(arguments(action, values)) == {p.name for p in taken}
