"""Hostile files, hostile text and bad moments: nothing destroys, poisons or hijacks
the journal, and every message tells the truth. Everything through the console script."""

import json
import os
import pty
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import dump

CONSOLE_SCRIPT = Path(sys.executable).parent / "partnerlog"
needs_script = pytest.mark.skipif(not CONSOLE_SCRIPT.exists(), reason="needs the console script")

# What must never reach a terminal from user text: escape, bell, C1 controls and
# the characters that reorder or hide text.
FORBIDDEN = ["\x1b", "\x07", "\x9b", "\u202e", "\u061c", "\u2066", "\u200b"]
HOSTILE = "x\x1b]52;c;aGk=\x07y \x9b2J \u202eevil\u202c \u061c \u2066i\u2069 \u200bz"


# -- output paths -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "-o", "{db}"],
        ["export", "-o", "{db}-wal"],
        ["report", "-o", "{db}"],
        ["export", "--format", "csv", "-o", "{db}"],
        ["db", "backup", "{db}"],
    ],
)
@pytest.mark.english
def test_nothing_is_written_onto_the_journal(team, journal_path, unchanged, argv):
    team("log", "sari", "lunch")
    with unchanged():
        result = team(*[a.format(db=journal_path) for a in argv])
    assert result.exit_code == 2, result.stderr
    assert "journal itself" in result.stderr or "is a file" in result.stderr
    assert team("summary").exit_code == 0


@pytest.mark.english
def test_output_never_follows_or_replaces_a_link(team, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "out.json"
    link.symlink_to(victim)
    for argv in (["export", "-o", str(link)], ["report", "-o", str(link)]):
        result = team(*argv)
        assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert victim.read_text() == "keep me" and link.is_symlink()


def test_exports_leave_no_temporary_files(team, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    assert team("export", "-o", str(folder / "j.json")).exit_code == 0
    assert team("export", "--format", "csv", "-o", str(folder / "csv")).exit_code == 0
    assert team("db", "backup", str(folder / "b.db")).exit_code == 0
    names = [p.name for p in folder.rglob("*")]
    assert not [n for n in names if n.endswith(".tmp")], names


@pytest.mark.parametrize(
    "argv, words",
    [
        (["export", "-o", "/nonexistent/folder/j.json"], "there is no folder"),
        (["report", "-o", "{tmp}"], "is a folder"),
        (["export", "-o", "{tmp}"], "is a folder"),
    ],
)
@pytest.mark.english
def test_an_unusable_output_path_is_explained(team, tmp_path, argv, words):
    result = team(*[a.format(tmp=tmp_path) for a in argv])
    assert result.exit_code == 2 and words in result.stderr
    assert "internal error" not in result.stderr


# -- files beside and instead of the journal ---------------------------------------------


def killed_writer(path: Path, sql: str) -> None:
    """A process that writes to ``path`` and is killed before closing: its -wal stays."""
    code = (
        "import os, sqlite3\n"
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        f"c.execute({sql!r})\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", code])
    assert Path(f"{path}-wal").stat().st_size > 32


def test_a_killed_writers_wal_is_replayed(team, journal_path):
    killed_writer(journal_path, "UPDATE partners SET notes = 'kept' WHERE handle = 'sari'")
    shown = json.loads(team("partner", "show", "sari", "--json").stdout)
    exported = json.loads(team("export").stdout)
    assert shown["health"] and [p["notes"] for p in exported["partners"]].count("kept") == 1


@pytest.mark.english
def test_another_journals_wal_is_set_aside_not_replayed(team, journal_path, tmp_path):
    for n in range(30):
        team("log", "sari", f"entry {n} " + "x" * 500)
    other = tmp_path / "other.db"
    team("--db", str(other), "partner", "add", "Tiny")
    killed_writer(other, "UPDATE partners SET notes = 'x'")
    shutil.copy(f"{other}-wal", f"{journal_path}-wal")
    stale = Path(f"{journal_path}-wal").read_bytes()
    before = journal_path.read_bytes()
    result = team("summary")
    assert result.exit_code == 0 and "did not belong to this journal" in result.stderr
    assert result.stderr.startswith("partnerlog: note: ") and result.stderr.count("\n") == 1
    assert journal_path.read_bytes() == before  # not replayed
    [kept] = tmp_path.glob("journal.db-wal.set-aside-*")
    assert kept.read_bytes() == stale  # nothing was thrown away either
    assert str(kept) in result.stderr
    assert (
        team("log", "sari", "x").exit_code == 0
        and "did not belong" not in team("db", "check").stderr
    )


@pytest.mark.english
def test_a_backup_copied_over_a_journal_with_a_stale_wal_is_not_undone(
    team, journal_path, tmp_path
):  # noqa: E501
    team("log", "sari", "in the backup")
    backup = tmp_path / "b.db"
    assert team("db", "backup", str(backup)).exit_code == 0
    killed_writer(journal_path, "DELETE FROM interactions")
    os.utime(f"{journal_path}-wal", (1, 1))  # the -wal was written before the copy below
    shutil.copy(backup, journal_path)
    result = team("timeline", "--json")  # the backup, as copied: the -wal set aside
    assert result.exit_code == 0 and "did not belong" in result.stderr
    assert [e["note"] for e in json.loads(result.stdout)] == ["in the backup"]
    assert list(tmp_path.glob("journal.db-wal.set-aside-*"))
    restored = team("db", "restore", str(backup), "--yes")
    assert restored.exit_code == 0, restored.stderr
    notes = [e["note"] for e in json.loads(team("timeline", "--json").stdout)]
    assert notes == ["in the backup"]
    assert list(tmp_path.glob("journal-before-restore-*.db"))


def test_restore_refuses_what_is_not_a_journal_and_changes_nothing(team, tmp_path, unchanged):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with unchanged():
        assert team("db", "restore", str(junk), "--yes").exit_code == 4
        assert team("db", "restore", str(tmp_path / "missing.db"), "--yes").exit_code == 2
        assert team("db", "restore", str(junk)).exit_code == 4  # checked before asking


def corrupt_a_page(path: Path) -> None:
    """Overwrite the b-tree header of the traits table's page: one damaged data page."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'traits'").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek(page_size * (root - 1))
        handle.write(b"\x0d" + b"\xff" * 11)


@pytest.mark.english
def test_a_damaged_journal_is_not_backed_up(team, journal_path, tmp_path):
    for n in range(40):
        team("log", "sari", f"entry {n} " + "y" * 300)
    corrupt_a_page(journal_path)
    result = team("db", "backup", str(tmp_path / "copy.db"))
    assert result.exit_code == 4 and "damaged" in result.stderr
    assert not (tmp_path / "copy.db").exists()
    assert team("db", "check").exit_code == 1


@pytest.mark.english
@pytest.mark.parametrize("content", [b"", "sqlite"])
@pytest.mark.parametrize("argv", [["summary"], ["db", "check"], ["export"], ["timeline"]])
def test_read_commands_never_turn_an_empty_file_into_a_journal(run, journal_path, content, argv):
    if content == "sqlite":
        sqlite3.connect(journal_path).execute("PRAGMA user_version = 1").connection.close()
    else:
        journal_path.write_bytes(content)
    before = journal_path.read_bytes()
    result = run(*argv)
    assert result.exit_code == 1 and "not a partnerlog journal yet" in result.stderr
    assert journal_path.read_bytes() == before


# -- text that would hijack the terminal or a report ----------------------------------------


VIEWS = [
    ["timeline"],
    ["search", "x"],
    ["partner", "show", "sari"],
    ["partner", "list"],
    ["goal", "list"],
    ["trait", "list"],
    ["complement"],
    ["summary"],
    ["due"],
    ["entry", "show", "1"],
    ["undo", "--list"],
    ["report"],
]


@pytest.fixture
def hostile(team):
    team("partner", "add", f"Eve {HOSTILE}", "--handle", "eve", "--role", HOSTILE)
    for args in (
        ("log", "sari,eve", f"note {HOSTILE} #tag", "--tag", HOSTILE.replace(" ", "")),
        ("goal", "add", "sari", f"goal {HOSTILE}", "--note", HOSTILE),
        ("trait", "add", "me", "weakness", f"area {HOSTILE}"),
        ("trait", "add", "eve", "strength", f"area {HOSTILE}"),
    ):
        result = team(*args)
        assert result.exit_code == 0, result.stderr
        assert not [c for c in FORBIDDEN if c in result.stderr], args
    return team


@pytest.mark.parametrize("argv", VIEWS, ids=" ".join)
def test_no_view_passes_escapes_or_reordering_characters(hostile, argv):
    result = hostile(*argv)
    assert result.exit_code in (0, 1), result.stderr
    shown = result.stdout + result.stderr
    assert not [c for c in FORBIDDEN if c in shown], argv
    assert "\\x1b" in shown or argv in (["due"], ["summary"], ["undo", "--list"])


def on_a_terminal(argv: list[str], env: dict) -> tuple[int, bytes]:
    """Run the console script on a pseudo-terminal: (exit code, all it showed there)."""
    main, child = pty.openpty()
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), *argv], stdin=child, stdout=child, stderr=child, env=env
    )
    os.close(child)
    output = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    code = process.wait(timeout=60)
    os.close(main)
    return code, output


@needs_script
def test_on_a_real_terminal_no_escape_from_user_text_arrives(hostile, journal_path):
    """On a pty Rich draws in colour; what it sends must not include the user's escapes."""
    for argv in (
        ["timeline"],
        ["partner", "show", "eve"],
        ["log", "sari", "--tag", HOSTILE.replace(" ", ""), "n"],
    ):
        env = dict(os.environ, PARTNERLOG_DB=str(journal_path), COLUMNS="200", TERM="xterm")
        _, output = on_a_terminal(argv, env)
        text = output.decode("utf-8", "replace")
        assert "\x1b]" not in text and "\x07" not in text and "\u202e" not in text, argv
        assert "\\x1b]52" in text, argv


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("handle", "sa,ri", "partners[0].handle: expected a handle"),
        ("kind", 'chat" : 1\n```\n# Injected heading\n<img src=x>', "interactions[0].kind"),
        ("occurred_at", "20261120T1000", "interactions[0].occurred_at: expected an ISO date"),
        ("created_at", "yesterday-ish", "created_at: expected an ISO date"),
    ],
)
@pytest.mark.english
def test_poisoned_imports_are_refused_whole(team, tmp_path, unchanged, field, value, words):
    team("log", "sari", "lunch")
    document = json.loads(team("export").stdout)
    section = "partners" if field == "handle" else "interactions"
    document[section][0][field] = value
    path = tmp_path / "poison.json"
    path.write_text(json.dumps(document))
    other = tmp_path / "other.db"
    result = team("--db", str(other), "import", str(path))
    assert result.exit_code == 1 and words in result.stderr, result.stderr
    assert (
        not other.exists()
        or json.loads(team("--db", str(other), "export").stdout)["partners"] == []
    )


@pytest.mark.english
def test_two_partners_with_one_handle_are_named_as_such(team, tmp_path):
    document = json.loads(team("export").stdout)
    document["partners"][1]["handle"] = document["partners"][0]["handle"]
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(document))
    result = team("import", str(path))
    assert result.exit_code == 1 and "appears twice in the file" in result.stderr


@pytest.mark.parametrize(
    "text, words",
    [
        ("[" * 10_000 + "]" * 10_000, "nested too deeply"),
        ('{"format": "partnerlog", "version": 1' + "0" * 5000 + "}", "too large"),
    ],
)
@pytest.mark.english
def test_monstrous_json_is_refused_in_words(team, tmp_path, text, words):
    path = tmp_path / "x.json"
    path.write_text(text)
    result = team("import", str(path))
    assert result.exit_code == 1 and words in result.stderr, result.stderr


def test_an_export_saved_with_a_byte_order_mark_imports(team, tmp_path):
    path = tmp_path / "bom.json"
    path.write_text("\ufeff" + team("export").stdout, encoding="utf-8")
    result = team("--db", str(tmp_path / "o.db"), "import", str(path))
    assert result.exit_code == 0, result.stderr


def test_a_mermaid_label_can_never_leave_its_quotes():
    from partnerlog.present.markdown import mermaid_label

    label = mermaid_label('chat" : 1\n```\n# x <img>')
    assert set(label) <= set("abcdefghijklmnopqrstuvwxyz_ -1") and "chat" in label


@pytest.mark.english
def test_reports_reveal_nothing_private_without_asking(team):
    team("log", "jose", "salary talk", "-w", "yesterday", "--private", "-t", "-2", "-b", "growth")
    team("log", "jose", "walk", "-w", "yesterday", "-s", "outside", "--private")
    public = team("report", "jose").stdout
    assert "salary" not in public and "Interactions (0)" in public
    assert "| never |" in public or "never" in public.split("## Overview")[1].splitlines()[4]
    assert "growth" not in public and "Tone (" not in public
    private = team("report", "jose", "--include-private").stdout
    assert "salary talk" in private and "growth 1" in private and "Tone (" in private


# -- bad moments ------------------------------------------------------------------------------


@pytest.mark.english
def test_ctrl_c_after_the_change_was_saved_says_so(team, monkeypatch, rows):
    from partnerlog.present import interactions

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(interactions, "logged", interrupted)
    result = team("log", "sari", "lunch")
    assert result.exit_code == 130
    assert result.stderr == "partnerlog: interrupted after the change was saved\n"
    assert rows("SELECT note FROM interactions") == [{"note": "lunch"}]


@pytest.mark.english
def test_a_busy_journal_says_back_the_note_it_could_not_save(team, journal_path, monkeypatch):
    from partnerlog.store import connection

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_SECONDS", 0.1)
    blocker = sqlite3.connect(journal_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        result = team("log", "sari", input="a long note from stdin\nsecond line")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert result.exit_code == 3
    assert "the note was not saved: a long note from stdin ⏎ second line" in result.stderr


@pytest.mark.english
@needs_script
def test_invalid_utf8_is_a_clear_message(team, journal_path):
    env = dict(os.environ, PARTNERLOG_DB=str(journal_path))
    for argv, stdin in ((["log", "sari"], b"caf\xe9"), (["log", "sari", b"caf\xe9"], b"")):
        result = subprocess.run(
            [str(CONSOLE_SCRIPT), *argv], input=stdin, env=env, capture_output=True
        )  # noqa: E501
        assert result.returncode == 2, result.stderr
        assert b"not valid UTF-8" in result.stderr and b"internal error" not in result.stderr


@needs_script
def test_a_terminal_without_utf8_still_gets_every_view(hostile, journal_path):
    env = dict(os.environ, PARTNERLOG_DB=str(journal_path), PYTHONIOENCODING="iso-8859-1")
    hostile("partner", "add", "渡辺 健二")
    for argv in (["summary"], ["partner", "show", "sari"], ["report"], ["timeline"]):
        result = subprocess.run([str(CONSOLE_SCRIPT), *argv], env=env, capture_output=True)
        assert result.returncode == 0, (argv, result.stderr)


@pytest.mark.english
def test_a_note_has_a_size_limit_and_long_ones_are_shortened(team, unchanged, rows):
    with unchanged():
        result = team("log", "sari", input="x" * 70_000)
    assert result.exit_code == 2 and "at most 65,536" in result.stderr
    team("log", "sari", input="y" * 5_000)
    timeline = team("timeline").stdout
    assert "4,000 more characters; partnerlog entry show 1" in timeline.replace("\n", "")
    assert team("entry", "show", "1").stdout.count("y") >= 5_000
    undo = team("undo", "--yes").stderr
    assert len(undo) < 600 and "more characters" in undo
    assert rows("SELECT count(*) AS n FROM interactions") == [{"n": 0}]


@pytest.mark.skipif(not os.environ.get("PARTNERLOG_ADVERSARIAL"), reason="opt-in long run")
@needs_script
def test_ctrl_c_at_random_moments_tells_the_truth(team, journal_path):
    """SIGINT at a random moment of `log`: the message must match what the journal holds."""
    import random
    import signal
    import time

    env = dict(os.environ, PARTNERLOG_DB=str(journal_path))
    trials = int(os.environ.get("PARTNERLOG_ADVERSARIAL"))
    counts = {"saved": 0, "not saved": 0, "finished": 0, "before partnerlog started": 0}
    for n in range(trials):
        before = len(json.loads(team("timeline", "--json", "-n", "0").stdout))
        process = subprocess.Popen(
            [str(CONSOLE_SCRIPT), "log", "sari", f"trial {n}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(random.uniform(0.0, 0.08))
        process.send_signal(signal.SIGINT)
        _, error = process.communicate(timeout=30)
        after = len(json.loads(team("timeline", "--json", "-n", "0").stdout))
        text = error.decode()
        if process.returncode == 0 or text.startswith("Logged"):
            # Done (a signal after the receipt ends the process, the receipt stands).
            counts["finished"] += 1
            assert after == before + 1
        elif "partnerlog:" not in text:
            # Python itself was still starting (its own start-up, not partnerlog's code).
            counts["before partnerlog started"] += 1
            assert after == before, text
        elif "after the change was saved" in text:
            counts["saved"] += 1
            assert after == before + 1, text
        else:
            counts["not saved"] += 1
            assert after == before, text
            assert "Traceback" not in text, text
    print(counts)
    assert dump(journal_path)


@pytest.mark.english
@needs_script
def test_long_work_shows_progress_on_a_terminal_only(team, tmp_path, journal_path):
    """A 2,500-entry import: a progress bar on a terminal's stderr, nothing when piped."""
    document = json.loads(team("export").stdout)
    sari = next(p for p in document["partners"] if p["handle"] == "sari")
    document["interactions"] = [
        {"uuid": f"00000000-0000-4000-8000-{n:012d}", "occurred_at": "2026-11-01T12:00:00+07:00",
         "kind": "chat", "note": f"n{n}", "partner_uuids": [sari["uuid"]], "partners": ["sari"]}
        for n in range(2500)
    ]  # fmt: skip
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document))
    env = dict(os.environ, PARTNERLOG_DB=str(tmp_path / "other.db"), TERM="xterm")
    code, output = on_a_terminal(["import", str(path)], env)
    assert code == 0
    assert b"Merging" in output and b"Added" in output
    env["PARTNERLOG_DB"] = str(tmp_path / "third.db")
    piped = subprocess.run([str(CONSOLE_SCRIPT), "import", str(path)], env=env, capture_output=True)
    assert piped.returncode == 0 and b"Merging" not in piped.stderr


def test_every_character_made_visible_is_one_python_cannot_print():
    """`visible` returns printable text as it is: that is exact only while every
    character its pattern makes visible is unprintable to Python."""
    from partnerlog.safe import _INVISIBLE, visible

    caught = [chr(n) for n in range(0x110000) if re.match(_INVISIBLE, chr(n))]
    assert len(caught) > 90 and not [c for c in caught if c.isprintable()]
    assert visible("tab\there\u200b") == "tab\there\\u200b"
    assert visible("a\nb\tc", one_line=True) == "a ⏎ b c"
    assert visible("Sari [bold]Wulandari[/] 木村") == "Sari [bold]Wulandari[/] 木村"
