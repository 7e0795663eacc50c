import json
import os
import sqlite3
import stat

import pytest


def test_db_path_follows_option_then_env(run, journal_path, tmp_path):
    assert run("db", "path").stdout.strip() == str(journal_path)
    other = tmp_path / "other.db"
    assert run("--db", str(other), "db", "path").stdout.strip() == str(other)


def test_db_path_default_is_the_user_data_folder(run, monkeypatch, tmp_path):
    monkeypatch.delenv("PARTNERLOG_DB")
    shown = run("db", "path").stdout.strip()
    assert shown == str(tmp_path / "data" / "partnerlog" / "partnerlog.db")


@pytest.mark.english
def test_db_check_reports_a_sound_journal(team):
    result = team("db", "check", "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["integrity"] == ["ok"] and report["migrations_pending"] == []
    assert report["counts"]["partners"] == 4
    assert "integrity:    ok" in team("db", "check").stdout


@pytest.mark.english
def test_db_check_finds_broken_foreign_keys(team, journal_path):
    conn = sqlite3.connect(journal_path)
    conn.execute("INSERT INTO interaction_partners (interaction_id, partner_id) VALUES (999, 999)")
    conn.commit()
    conn.close()
    result = team("db", "check")
    assert result.exit_code == 1
    assert "2 broken references" in result.stdout


def test_db_backup_is_a_private_consistent_copy(team, tmp_path):
    team("log", "sari", "lunch")
    target = tmp_path / "copy.db"
    result = team("db", "backup", str(target))
    assert result.exit_code == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT note FROM interactions").fetchall() == [("lunch",)]
    conn.close()
    assert not list(tmp_path.glob(".copy.db.*"))  # no temporary file left behind


@pytest.mark.english
def test_db_backup_default_name_and_refusing_the_journal_itself(team, journal_path):
    assert team("db", "backup").exit_code == 0
    assert list(journal_path.parent.glob("journal-backup-*.db"))
    result = team("db", "backup", str(journal_path))
    assert result.exit_code == 2 and "cannot be the journal itself" in result.stderr


def test_db_check_finds_and_repair_deletes_entries_left_with_nobody(team, journal_path, rows):
    """Another program deleted a partner (its links went with it): the entry
    with nobody is reported, --repair deletes it as one step, undo brings it back."""
    import sqlite3

    assert team("log", "budi", "budget talk").exit_code == 0
    assert team("log", "sari", "lunch").exit_code == 0
    conn = sqlite3.connect(journal_path)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        conn.execute("DELETE FROM partners WHERE handle = 'budi'")
    conn.close()
    checked = team("db", "check", "--json")
    assert checked.exit_code == 1
    assert json.loads(checked.stdout)["entries_with_nobody"] == 1
    assert team("db", "check", "--repair").exit_code == 0
    assert [r["note"] for r in rows("SELECT note FROM interactions")] == ["lunch"]
    assert team("undo", "--yes").exit_code == 0
    assert sorted(r["note"] for r in rows("SELECT note FROM interactions")) == [
        "budget talk", "lunch",
    ]  # fmt: skip


@pytest.mark.english
def test_a_backup_is_never_overwritten_without_force(team, tmp_path, rows):
    target = tmp_path / "b.db"
    assert team("db", "backup", str(target)).exit_code == 0
    first = target.read_bytes()
    assert team("log", "sari", "after the backup").exit_code == 0
    again = team("db", "backup", str(target))
    assert again.exit_code == 2 and again.stderr.count("\n") == 1
    assert "--force" in again.stderr and target.read_bytes() == first
    assert team("db", "backup", str(target), "--force").exit_code == 0
    assert target.read_bytes() != first


def test_two_dated_backups_in_one_second_are_both_kept(team, journal_path):
    assert team("db", "backup").exit_code == 0
    assert team("db", "backup").exit_code == 0
    assert len(list(journal_path.parent.glob("journal-backup-*.db"))) == 2


@pytest.mark.english
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize(
    "command",
    [("export", "-o"), ("report", "sari", "-o"), ("db", "backup")],
    ids=["export", "report", "backup"],
)
def test_outputs_onto_a_pipe_or_a_device_are_refused(team, tmp_path, command):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/full"):
        result = team(*command, target)
        assert result.exit_code == 2, (target, result.stderr)
        assert "not a regular file" in result.stderr and result.stderr.count("\n") == 1
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe


def test_a_restored_journal_is_in_wal_mode_and_two_restores_keep_both_copies(
    team, tmp_path, journal_path
):
    backup = tmp_path / "b.db"
    assert team("db", "backup", str(backup)).exit_code == 0
    for _ in range(2):
        assert team("db", "restore", str(backup), "--yes").exit_code == 0
    with sqlite3.connect(journal_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    kept = list(journal_path.parent.glob("journal-before-restore-*.db"))
    assert len(kept) == 2
    # Still a journal that two commands can write in turn.
    assert team("log", "sari", "after the restore").exit_code == 0


def test_a_killed_restores_working_copy_is_removed_by_the_next_restore(
    team, tmp_path, journal_path
):
    backup = tmp_path / "b.db"
    assert team("db", "backup", str(backup)).exit_code == 0
    left = journal_path.parent / ".restore.abc123.db"
    left.write_bytes(b"x" * 1024)
    fresh = journal_path.parent / ".restore.def456.db"  # another restore, running now
    fresh.write_bytes(b"y")
    old = left.stat().st_mtime - 2 * 3600
    os.utime(left, (old, old))
    assert team("db", "restore", str(backup), "--yes").exit_code == 0
    assert not left.exists() and fresh.exists()


@pytest.mark.english
def test_a_restore_error_names_the_file_given(team, tmp_path):
    newer = tmp_path / "newer.db"
    assert team("db", "backup", str(newer)).exit_code == 0
    with sqlite3.connect(newer) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('partnerlog', 'm999_from_the_future', '2030-01-01')")  # fmt: skip
    conn.close()
    result = team("db", "restore", str(newer), "--yes")
    assert result.exit_code == 5
    assert str(newer) in result.stderr and ".restore." not in result.stderr
