"""Exit codes for files that are not (or not yet, or no longer) a journal this version can use."""

import sqlite3
import subprocess
import sys

import pytest

from partnerlog import store
from partnerlog.store import connection

from .conftest import dump, from_the_future


@pytest.mark.english
def test_a_file_that_is_not_sqlite_exits_4_untouched(run, journal_path):
    journal_path.write_bytes(b"my shopping list\n")
    for args in (("timeline",), ("log", "sari", "x"), ("partner", "add", "Sari")):
        result = run(*args)
        assert result.exit_code == 4
        assert "not a partnerlog journal" in result.stderr
    assert journal_path.read_bytes() == b"my shopping list\n"


def test_a_corrupt_file_exits_4(run, journal_path):
    run("partner", "add", "Sari")
    data = bytearray(journal_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    journal_path.write_bytes(bytes(data))
    result = run("timeline")
    assert result.exit_code == 4
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.english
def test_another_programs_sqlite_file_exits_4(run, journal_path):
    conn = sqlite3.connect(journal_path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = dump(journal_path)
    result = run("partner", "add", "Sari")
    assert result.exit_code == 4 and "not a partnerlog journal" in result.stderr
    assert dump(journal_path) == before


@pytest.mark.english
def test_a_newer_journal_exits_5_untouched(run, journal_path):
    run("partner", "add", "Sari")
    from_the_future(journal_path)
    before = dump(journal_path)
    for args in (("timeline",), ("log", "sari", "x"), ("db", "check")):
        result = run(*args)
        assert result.exit_code == 5
        assert "newer partnerlog" in result.stderr
    assert dump(journal_path) == before


def test_a_busy_journal_exits_3_and_changes_nothing(run, journal_path, monkeypatch):
    run("partner", "add", "Sari")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_SECONDS", 0.1)
    blocker = sqlite3.connect(journal_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        result = run("log", "sari", "blocked")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert result.exit_code == 3
    assert "busy" in result.stderr
    assert run("timeline", "--json").stdout.strip() == "[]"


@pytest.mark.english
def test_a_folder_as_journal_is_a_usage_error(run, tmp_path):
    result = run("--db", str(tmp_path), "timeline")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("is a folder; the journal is a file")


@pytest.mark.english
def test_an_unexpected_crash_never_prints_the_note(run, team, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("secret note: I am quitting")

    monkeypatch.setattr(store.Journal, "add_interaction", explode)
    result = team("log", "sari", "secret note: I am quitting")
    assert result.exit_code == 1
    assert "internal error (RuntimeError)" in result.stderr
    assert "secret" not in result.stderr and "Traceback" not in result.stderr


def test_no_arguments_shows_help_and_succeeds():
    result = subprocess.run(
        [sys.executable, "-m", "partnerlog"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "log" in result.stdout and "timeline" in result.stdout


@pytest.mark.parametrize("group", ["partner", "entry", "db"])
def test_a_group_without_a_command_shows_its_help(run, group):
    result = run(group)
    assert result.exit_code == 0


def test_a_file_of_zeros_exits_4_untouched(run, journal_path):
    journal_path.write_bytes(b"\x00" * 8192)
    result = run("timeline")
    assert result.exit_code == 4
    assert journal_path.read_bytes() == b"\x00" * 8192


@pytest.mark.english
def test_an_empty_journal_path_is_refused_not_taken_for_the_default(run, tmp_path, monkeypatch):
    """`--db "$JOURNAL"` with the variable unset must not write into another journal."""
    other = tmp_path / "other.db"
    monkeypatch.setenv("PARTNERLOG_DB", str(other))
    assert run("partner", "add", "Sari").exit_code == 0
    for args in (("--db", ""), ("--db=",)):
        result = run(*args, "log", "sari", "lunch")
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == (
            "partnerlog: --db needs a file name, not an empty one (see: partnerlog --help)\n"
        )
    import sqlite3

    with sqlite3.connect(other) as conn:
        assert conn.execute("SELECT count(*) FROM interactions").fetchone() == (0,)


@pytest.mark.english
def test_a_value_the_command_cannot_use_points_at_its_help_like_a_parser_mistake(run, rows):
    """One error rule: a date, a tone, an empty note... the command could not use
    names the command's own help, as an unknown option does; a message that
    points somewhere already, or one about the journal file, keeps its own."""
    run("partner", "add", "Sari")
    cases = [
        (["log", "sari", "-w", "next week", "x"], "(see: partnerlog log --help)"),
        (["partner", "pause", "sari", "--until", "2020-01-01"],
         "(see: partnerlog partner pause --help)"),
        (["timeline", "--since", "tomorrow", "--until", "yesterday"],
         "(see: partnerlog timeline --help)"),
        (["log", "sari", "--bogus"], "(see: partnerlog log --help)"),  # the parser's own
    ]  # fmt: skip
    for args, pointer in cases:
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1 and result.stderr.endswith(pointer + "\n"), args
        assert result.stderr.count("(see:") == 1
    assert rows("SELECT count(*) AS n FROM interactions") == [{"n": 0}]


@pytest.mark.english
def test_a_journal_this_user_cannot_write_is_read_and_a_write_says_so(
    run, rows, journal_path, monkeypatch
):
    """A journal on a read-only disk or of another user: SQLite cannot even read a
    WAL-mode file there (it needs a -shm beside it), so partnerlog opens it
    read-only; reads work, and a write is refused in one line, changing nothing.
    (As root every file is writable: the test says the journal's folder is not.)"""
    import os

    run("partner", "add", "Sari")
    run("log", "sari", "lunch talk", "-k", "lunch")
    before = rows("SELECT * FROM interactions")
    folder = str(journal_path.parent)
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if mode == os.W_OK and os.fspath(path) in (folder, str(journal_path)):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    for args in (["timeline"], ["summary"], ["partner", "show", "sari"], ["due"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert "lunch talk" in run("timeline").stdout
    refused = run("log", "sari", "another")
    assert refused.exit_code == 1
    assert refused.stderr == "partnerlog: the journal is read-only here; nothing was changed\n"
    monkeypatch.undo()
    assert rows("SELECT * FROM interactions") == before
