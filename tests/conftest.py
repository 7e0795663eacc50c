"""Every test runs against its own journal in tmp_path; none can touch a real one."""

import io
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from partnerlog.quick import main

NOW = "2026-11-28T18:00:00+07:00"  # a Saturday evening in Jakarta
# The suite's person lives in Jakarta too (tests of other zones set TZ themselves);
# PARTNERLOG_TEST_TZ moves them elsewhere, to run the zone-neutral tests there.
os.environ["TZ"] = os.environ.get("PARTNERLOG_TEST_TZ", "Asia/Jakarta")
time.tzset()
# The language the suite speaks: English, unless PARTNERLOG_TEST_LANG asks for
# another (CI runs the language-neutral tests, `-m "not english"`, in Indonesian too).
LANGUAGE = os.environ.get("PARTNERLOG_TEST_LANG", "en")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "english: asserts on English text (left out when the suite runs in another language)",
    )


def pytest_collection_modifyitems(config, items):
    if LANGUAGE != "en":
        skip = pytest.mark.skip(reason=f"asserts on English text; the suite speaks {LANGUAGE}")
        for item in items:
            if "english" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def journal_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "journal.db"
    monkeypatch.setenv("PARTNERLOG_DB", str(path))
    monkeypatch.setenv("PARTNERLOG_NOW", NOW)
    monkeypatch.setenv("PARTNERLOG_LANG", LANGUAGE)
    from partnerlog import i18n

    i18n.choose(None)  # whatever the test before chose, in this process
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("PARTNERLOG_DEBUG", raising=False)
    # No passphrase, passphrase command or config of the person running the tests.
    monkeypatch.delenv("PARTNERLOG_PASSPHRASE", raising=False)
    monkeypatch.delenv("PARTNERLOG_PASSPHRASE_COMMAND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return path


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys, monkeypatch):
    """Run the real CLI in-process: ``run("log", "sari", "lunch", input=None)``."""

    def _run(*args: str, input: str | None = None) -> Result:
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO(input or ""))
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _run


@pytest.fixture
def rows(journal_path):
    """Query the journal file directly: ``rows("SELECT * FROM partners")``."""

    def _rows(sql: str, params=()) -> list[dict]:
        conn = sqlite3.connect(journal_path)
        conn.row_factory = sqlite3.Row
        try:
            return [dict(row) for row in conn.execute(sql, params)]
        finally:
            conn.close()

    return _rows


def dump(path: Path) -> list[str] | None:
    """The journal's whole logical content (None when the file does not exist)."""
    if not path.exists():
        return None
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def from_the_future(path: Path) -> None:
    """Mark the journal at ``path`` as migrated by a newer partnerlog."""
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('partnerlog', 'm999_from_the_future', 'x')"
    )
    conn.commit()
    conn.close()


@pytest.fixture
def unchanged(journal_path):
    """``with unchanged(): run(...)`` asserts the journal's content did not change."""
    from contextlib import contextmanager

    @contextmanager
    def _unchanged():
        before = dump(journal_path)
        yield
        assert dump(journal_path) == before

    return _unchanged


@pytest.fixture
def team(run):
    """A small journal: Sari (peer), Budi (superior), José (subordinate), Maria (colleague)."""
    for args in (
        ("partner", "add", "Sari Wulandari", "--role", "data engineer"),
        ("partner", "add", "Budi Santoso", "--relation", "superior"),
        ("partner", "add", "José Álvarez", "--relation", "subordinate"),
        ("partner", "add", "Maria Gonzalez", "--kind", "colleague", "--relation", "external"),
    ):
        assert run(*args).exit_code == 0
    return run


@pytest.fixture(scope="session")
def demo_journal(tmp_path_factory) -> Path:
    """A demo journal built once (as of NOW), copied by the tests that change it."""
    import subprocess

    folder = tmp_path_factory.mktemp("demo")
    env = dict(os.environ, PARTNERLOG_NOW=NOW, PARTNERLOG_LANG="en")
    subprocess.run(
        [sys.executable, "-m", "partnerlog", "demo", "--path", str(folder / "demo.db")],
        env=env,
        check=True,
        capture_output=True,
    )
    return folder / "demo.db"
