"""An encrypted journal (`db encrypt`, `db rekey`, `db decrypt`), where its
passphrase comes from, and what stays encrypted: the file, its backups, its
file in a sync folder."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="encryption needs the encrypt extra (sqlcipher3)")

from sqlcipher3 import dbapi2 as cipher  # noqa: E402

from partnerlog.errors import NOT_A_JOURNAL  # noqa: E402
from partnerlog.i18n import _  # noqa: E402

SECRET = "the budget cut nobody knows about"
PASS = "correct horse battery staple"
TESTS = Path(__file__).parent


@pytest.fixture(autouse=True)
def no_passphrase_around(monkeypatch, tmp_path):
    """Nothing from the person running the tests: no passphrase, no command, no
    keyring, a config folder of the test's own."""
    for name in ("PARTNERLOG_PASSPHRASE", "PARTNERLOG_PASSPHRASE_COMMAND"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.syspath_prepend(str(TESTS))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "file_keyring.FileKeyring")
    monkeypatch.setenv("PARTNERLOG_TEST_KEYRING", str(tmp_path / "keyring.json"))
    monkeypatch.setattr("keyring.core._keyring_backend", None)  # (chosen again, from the env)


def cipher_rows(path: Path, passphrase: str, sql: str) -> list[tuple]:
    conn = cipher.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def holds(path: Path, text: str) -> bool:
    return text.encode("utf-8") in path.read_bytes()


def beside(path: Path) -> list[str]:
    """What lies in the journal's folder besides the journal (and the test's own files)."""
    ours = {"config", "data", "keyring.json", path.name}
    return sorted(p.name for p in path.parent.iterdir() if p.name not in ours)


@pytest.fixture
def encrypted(team, run, journal_path, monkeypatch):
    """A journal with a secret note, encrypted with PASS (piped in)."""
    assert run("log", "sari", SECRET).exit_code == 0
    result = run("db", "encrypt", input=PASS + "\n")
    assert result.exit_code == 0, result.stderr
    return journal_path


# -- encrypt ----------------------------------------------------------------------------------


def test_encrypt_leaves_no_readable_byte_and_nothing_beside_the_journal(encrypted):
    assert not encrypted.read_bytes().startswith(b"SQLite format 3")
    assert not holds(encrypted, SECRET) and not holds(encrypted, "Sari")
    assert beside(encrypted) == []  # no plain copy, no -wal, no -shm
    assert cipher_rows(encrypted, PASS, "SELECT note FROM interactions") == [(SECRET,)]
    assert cipher_rows(encrypted, PASS, "PRAGMA journal_mode") == [("wal",)]
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted).execute("SELECT * FROM interactions").fetchall()


def test_every_command_works_with_the_passphrase(encrypted, run, monkeypatch):
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    assert run("log", "budi", "second note").exit_code == 0
    assert SECRET in run("search", "budget").stdout
    assert run("summary").exit_code == 0
    assert run("partner", "add", "Made Wirawan").exit_code == 0
    assert run("undo", "--yes").exit_code == 0
    found = cipher_rows(encrypted, PASS, "SELECT note FROM interactions ORDER BY id")
    assert found == [(SECRET,), ("second note",)]
    assert cipher_rows(encrypted, PASS, "SELECT count(*) FROM partners WHERE handle = 'made'") == [
        (0,)
    ]
    exported = json.loads(run("export").stdout)
    assert [i["note"] for i in exported["interactions"]] == [SECRET, "second note"]
    assert not holds(encrypted, "second note")


def test_without_a_passphrase_it_says_where_to_give_one_and_changes_nothing(
    encrypted, run, unchanged
):
    before = encrypted.read_bytes()
    result = run("log", "sari", "lunch")
    assert result.exit_code == NOT_A_JOURNAL
    assert "PARTNERLOG_PASSPHRASE" in result.stderr and result.stderr.count("\n") == 1
    assert encrypted.read_bytes() == before


def test_a_wrong_passphrase_exits_4_and_changes_nothing(encrypted, run, monkeypatch):
    before = encrypted.read_bytes()
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", "wrong")
    for command in (("log", "sari", "lunch"), ("timeline",), ("db", "check")):
        result = run(*command)
        assert result.exit_code == NOT_A_JOURNAL
        wrong = _("{path}: wrong passphrase, or not a partnerlog journal").format(path=encrypted)
        assert result.stderr == f"partnerlog: {wrong}\n"
    assert encrypted.read_bytes() == before
    assert beside(encrypted) == []


def test_encrypting_twice_or_decrypting_a_plain_journal_is_refused(encrypted, run, monkeypatch):
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    before = encrypted.read_bytes()
    result = run("db", "encrypt", input="another\n")
    assert result.exit_code == 1 and "db rekey" in result.stderr
    assert encrypted.read_bytes() == before
    assert run("db", "decrypt", "--yes").exit_code == 0
    result = run("db", "decrypt", "--yes")
    assert result.exit_code == 1
    assert _("the journal is not encrypted; partnerlog db encrypt encrypts it") in result.stderr


EMPTY = "the passphrase is empty; nothing was changed"
WITH_NUL = "the passphrase contains a NUL character; nothing was changed"


@pytest.mark.parametrize("piped, said", [("", EMPTY), ("\n", EMPTY), ("a\x00b\n", WITH_NUL)])
def test_an_empty_or_unusable_passphrase_is_refused(
    team, run, journal_path, unchanged, piped, said
):
    result = run("db", "encrypt", input=piped)
    assert result.exit_code == 2 and _(said) in result.stderr
    assert journal_path.read_bytes().startswith(b"SQLite format 3")


def test_encrypting_a_journal_of_an_older_schema_migrates_it_after(tmp_path, run, monkeypatch):
    """A journal written by an older partnerlog, encrypted: the migrations
    sqlite-utils applies work through SQLCipher's driver."""
    from sqlite_utils import Database

    from partnerlog.store import migrations
    from partnerlog.store.conversion import convert

    path = tmp_path / "old.db"
    older = migrations.migrations()
    older._migrations = older._migrations[:9]
    older.apply(Database(path))
    convert(str(path), None, PASS)
    monkeypatch.setenv("PARTNERLOG_DB", str(path))
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    assert run("partner", "add", "Sari W").exit_code == 0
    assert run("log", "sari", SECRET).exit_code == 0
    applied = cipher_rows(path, PASS, "SELECT count(*) FROM _sqlite_migrations")
    assert applied == [(len(migrations.NAMES),)]
    assert not holds(path, SECRET)


# -- rekey and decrypt ------------------------------------------------------------------------


def test_rekey_changes_the_passphrase(encrypted, run, monkeypatch):
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    assert run("db", "rekey", input="new one\n").exit_code == 0
    assert run("timeline").exit_code == NOT_A_JOURNAL
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", "new one")
    assert SECRET in run("timeline").stdout
    assert beside(encrypted) == []
    result = run("db", "rekey", input="new one\n")
    assert result.exit_code == 2
    assert _("that is the passphrase it has now; nothing was changed") in result.stderr


def test_decrypt_asks_first_then_stores_in_clear(encrypted, run, monkeypatch):
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    result = run("db", "decrypt")
    assert result.exit_code == 2 and "--yes" in result.stderr  # (no terminal to ask at)
    assert not holds(encrypted, SECRET)
    assert run("db", "decrypt", "--yes").exit_code == 0
    monkeypatch.delenv("PARTNERLOG_PASSPHRASE")
    conn = sqlite3.connect(encrypted)
    assert conn.execute("SELECT note FROM interactions").fetchall() == [(SECRET,)]
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    assert beside(encrypted) == []


# -- where the passphrase comes from ----------------------------------------------------------


def test_a_passphrase_command_from_the_environment_or_the_config(encrypted, run, monkeypatch):
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE_COMMAND", f"printf '%s\\n' '{PASS}'")
    assert SECRET in run("timeline").stdout
    monkeypatch.delenv("PARTNERLOG_PASSPHRASE_COMMAND")
    config = Path(os.environ["XDG_CONFIG_HOME"], "partnerlog")
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f"passphrase_command = \"echo '{PASS}'\"\n")
    assert SECRET in run("timeline").stdout
    (config / "config.toml").write_text('passphrase_command = "exit 3"\n')
    result = run("timeline")
    assert result.exit_code == 1
    assert (
        _("the passphrase command {command!r} gave no passphrase (exit {code})").format(
            command="exit 3", code=3
        )
        in result.stderr
    )
    (config / "config.toml").write_text("passphrase_command = [\n")
    result = run("timeline")
    assert result.exit_code == 2 and "config.toml" in result.stderr


def test_the_keyring_only_when_asked(team, run, journal_path, monkeypatch, tmp_path):
    assert run("log", "sari", SECRET).exit_code == 0
    assert run("db", "encrypt", input=PASS + "\n").exit_code == 0
    keyring = tmp_path / "keyring.json"
    assert not keyring.exists()  # not asked: not kept
    assert run("timeline").exit_code == NOT_A_JOURNAL
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    assert run("db", "rekey", "--remember", input="kept\n").exit_code == 0
    assert list(json.loads(keyring.read_text()).values()) == ["kept"]
    monkeypatch.delenv("PARTNERLOG_PASSPHRASE")
    assert SECRET in run("timeline").stdout  # opened without asking: the person chose so
    assert run("db", "rekey", input="kept two\n").exit_code == 0  # still remembered
    assert list(json.loads(keyring.read_text()).values()) == ["kept two"]
    assert run("db", "decrypt", "--yes").exit_code == 0
    assert json.loads(keyring.read_text()) == {}


def test_remember_without_a_keyring_refuses_before_changing_anything(
    team, run, journal_path, monkeypatch
):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    result = run("db", "encrypt", "--remember", input=PASS + "\n")
    assert result.exit_code == 1
    why = _("no keyring service is running")
    assert _("the system keyring cannot be used here ({why})").format(why=why) in result.stderr
    assert journal_path.read_bytes().startswith(b"SQLite format 3")


def test_a_journal_not_remembered_never_loads_the_keyring(encrypted, run, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no.such.backend")
    result = run("timeline")
    assert result.exit_code == NOT_A_JOURNAL and "keyring" not in result.stderr


def test_without_the_extra_it_names_the_package_to_install(encrypted, run, monkeypatch):
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    result = run("timeline")
    assert result.exit_code == NOT_A_JOURNAL
    assert "pip install 'partnerlog[encrypt]'" in result.stderr


# -- the file's other forms ---------------------------------------------------------------------


def test_backup_stays_encrypted_and_restores_with_its_passphrase(
    encrypted, run, monkeypatch, tmp_path
):
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    backup = tmp_path / "backup.db"
    assert run("db", "backup", str(backup)).exit_code == 0
    assert not holds(backup, SECRET)
    assert cipher_rows(backup, PASS, "SELECT note FROM interactions") == [(SECRET,)]
    assert run("log", "sari", "after the backup").exit_code == 0
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", "wrong")
    result = run("db", "restore", str(backup), "--yes")
    assert result.exit_code == NOT_A_JOURNAL and str(backup) in result.stderr
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    assert run("db", "restore", str(backup), "--yes").exit_code == 0
    assert cipher_rows(encrypted, PASS, "SELECT note FROM interactions") == [(SECRET,)]
    assert not holds(encrypted, SECRET)


def test_db_path_and_db_check_say_it_is_encrypted(encrypted, run, monkeypatch):
    result = run("db", "path")
    said = _("(encrypted: partnerlog asks for its passphrase)")
    assert result.stdout == f"{encrypted}\n" and result.stderr == said + "\n"
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    assert json.loads(run("db", "check", "--json").stdout)["encrypted"] is True
    assert run("db", "decrypt", "--yes").exit_code == 0
    assert json.loads(run("db", "check", "--json").stdout)["encrypted"] is False
    assert run("db", "path").stderr == ""


def test_completion_never_asks_and_completes_with_the_passphrase_given(encrypted, monkeypatch):
    from partnerlog.app.completion import partner_completions

    monkeypatch.setenv("PARTNERLOG_PASSPHRASE_COMMAND", "sleep 600")  # never run
    assert partner_completions(None, "sa") == []
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    assert [value for value, _name in partner_completions(None, "sa")] == ["sari"]


# -- processes: concurrent logging, a conversion killed ------------------------------------


def test_concurrent_logging_on_an_encrypted_journal_lands_every_entry(encrypted, monkeypatch):
    env = dict(os.environ, PARTNERLOG_PASSPHRASE=PASS)
    script = (
        "import sys\nfrom partnerlog.quick import main\n"
        "for n in range(15):\n"
        "    sys.exit(code) if (code := main(['log', 'sari', f'{sys.argv[1]} {n}'])) else None\n"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", script, name], env=env, stderr=subprocess.PIPE)
        for name in ("left", "right", "middle")
    ]
    said = [writer.communicate(timeout=300)[1].decode(errors="replace") for writer in writers]
    assert [w.returncode for w in writers] == [0, 0, 0], said
    assert cipher_rows(encrypted, PASS, "SELECT count(*) FROM interactions") == [(46,)]


def _big_journal(path: Path) -> None:
    from partnerlog.store import Journal

    journal = Journal.open(path, create=True)
    with journal.transaction():
        for n in range(100):
            journal.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)", [f"filler {n}", "x" * 200_000]
            )
    journal.close()


outcomes = []  # (whether each killed encryption left the journal plain: both happen)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_killed_encryption_leaves_the_journal_whole(team, run, journal_path, seed):
    """Killed at a random moment: the journal is either as it was (plain) or
    wholly encrypted, and whatever copy is left holds none of the text."""
    assert run("log", "sari", SECRET).exit_code == 0
    _big_journal(journal_path)  # (big enough to kill it on the way)
    env = dict(os.environ, PARTNERLOG_DB=str(journal_path))
    process = subprocess.Popen(
        [sys.executable, "-c", "from partnerlog.quick import main; main()", "db", "encrypt"],
        env=env,
        stdin=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    process.stdin.write(f"{PASS}\n".encode())
    process.stdin.close()
    time.sleep(random.Random(seed).uniform(0.2, 1.2))
    process.send_signal(signal.SIGKILL)
    process.wait(60)
    outcomes.append(journal_path.read_bytes().startswith(b"SQLite format 3"))
    if outcomes[-1]:
        conn = sqlite3.connect(journal_path)
        assert conn.execute("SELECT note FROM interactions").fetchall() == [(SECRET,)]
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.close()
    else:
        assert cipher_rows(journal_path, PASS, "SELECT note FROM interactions") == [(SECRET,)]
        assert not holds(journal_path, SECRET)
    for left in journal_path.parent.glob(".convert.*"):
        assert not holds(left, SECRET)


# -- the sync folder ----------------------------------------------------------------------------


def _journal(run, monkeypatch, path: Path, name: str, note: str, passphrase: str | None):
    monkeypatch.setenv("PARTNERLOG_DB", str(path))
    monkeypatch.delenv("PARTNERLOG_PASSPHRASE", raising=False)
    assert run("partner", "add", name).exit_code == 0
    assert run("log", name.split()[0].lower(), note).exit_code == 0
    if passphrase:
        assert run("db", "encrypt", input=passphrase + "\n").exit_code == 0


def _sync(run, monkeypatch, path: Path, folder: Path, device: str, passphrase: str | None):
    monkeypatch.setenv("PARTNERLOG_DB", str(path))
    if passphrase:
        monkeypatch.setenv("PARTNERLOG_PASSPHRASE", passphrase)
    else:
        monkeypatch.delenv("PARTNERLOG_PASSPHRASE", raising=False)
    return run("sync", str(folder), "--device", device, "--create")


def test_two_encrypted_journals_sync_through_a_folder_nobody_else_can_read(
    run, monkeypatch, tmp_path
):
    folder = tmp_path / "shared"
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    _journal(run, monkeypatch, a, "Sari W", "from a: " + SECRET, PASS)
    _journal(run, monkeypatch, b, "Budi S", "from b: private plans", PASS)
    for path, device in ((a, "a"), (b, "b"), (a, "a")):
        assert _sync(run, monkeypatch, path, folder, device, PASS).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["a.json.enc", "b.json.enc"]
    for file in folder.iterdir():
        assert not holds(file, "budget") and not holds(file, "private plans")
        assert not holds(file, "Sari") and not holds(file, "interactions")
    notes = "SELECT note FROM interactions ORDER BY note"
    assert cipher_rows(a, PASS, notes) == cipher_rows(b, PASS, notes)
    assert len(cipher_rows(a, PASS, notes)) == 2


def test_a_journal_with_another_passphrase_or_none_cannot_read_the_folder(
    run, monkeypatch, tmp_path
):
    folder = tmp_path / "shared"
    a, other, plain = tmp_path / "a.db", tmp_path / "other.db", tmp_path / "plain.db"
    _journal(run, monkeypatch, a, "Sari W", SECRET, PASS)
    _journal(run, monkeypatch, other, "Budi S", "other note", "another passphrase")
    _journal(run, monkeypatch, plain, "Citra D", "plain note", None)
    assert _sync(run, monkeypatch, a, folder, "a", PASS).exit_code == 0
    result = _sync(run, monkeypatch, other, folder, "other", "another passphrase")
    other_passphrase = _("{file} is encrypted with another passphrase (or damaged)")
    assert result.exit_code == 7 and other_passphrase.format(file="a.json.enc") in result.stderr
    result = _sync(run, monkeypatch, plain, folder, "plain", None)
    assert result.exit_code == 7
    plain_reads = _(
        "{file} is encrypted and this journal is not; encrypt this journal with the same"
        " passphrase to read it (partnerlog db encrypt)"
    )
    assert plain_reads.format(file="a.json.enc") in result.stderr
    assert (folder / "plain.json").exists() and holds(folder / "plain.json", "plain note")
    conn = sqlite3.connect(plain)
    assert conn.execute("SELECT note FROM interactions").fetchall() == [("plain note",)]
    conn.close()
    # The encrypted journal reads the plain one's file (and keeps its own sealed).
    result = _sync(run, monkeypatch, a, folder, "a", PASS)
    assert result.exit_code == 7  # (the other passphrase's file, skipped)
    assert ("plain note",) in cipher_rows(a, PASS, "SELECT note FROM interactions")
    assert not holds(folder / "a.json.enc", "plain note")


def test_encrypting_replaces_the_journals_plain_file_in_the_folder(run, monkeypatch, tmp_path):
    folder = tmp_path / "shared"
    a = tmp_path / "a.db"
    _journal(run, monkeypatch, a, "Sari W", SECRET, None)
    assert _sync(run, monkeypatch, a, folder, "a", None).exit_code == 0
    assert holds(folder / "a.json", SECRET)
    assert run("db", "encrypt", input=PASS + "\n").exit_code == 0
    assert _sync(run, monkeypatch, a, folder, "a", PASS).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["a.json.enc"]
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    assert run("db", "decrypt", "--yes").exit_code == 0
    assert _sync(run, monkeypatch, a, folder, "a", None).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["a.json"]


# -- at the terminal ----------------------------------------------------------------------------


def answers(monkeypatch, *typed):
    """The terminal, answering each passphrase question with the next of ``typed``."""
    given = list(typed)
    monkeypatch.setattr("partnerlog.present.text.ask_secret", lambda prompt: given.pop(0))
    return given


def test_a_passphrase_mistyped_at_the_terminal_is_asked_again(encrypted, run, monkeypatch):
    left = answers(monkeypatch, "wrong", PASS)
    result = run("log", "sari", "after a typo")
    assert result.exit_code == 0 and left == []
    assert result.stderr.count(_("Wrong passphrase; try again.")) == 1
    answers(monkeypatch, "wrong", "again wrong", "still wrong")
    assert run("log", "sari", "three typos").exit_code == NOT_A_JOURNAL
    notes = cipher_rows(encrypted, PASS, "SELECT note FROM interactions ORDER BY id")
    assert notes == [(SECRET,), ("after a typo",)]


def test_a_new_passphrase_typed_twice_must_match(team, run, journal_path, monkeypatch):
    monkeypatch.setattr("partnerlog.present.text.at_a_terminal", lambda: True)
    answers(monkeypatch, "one", "two")
    result = run("db", "encrypt")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert journal_path.read_bytes().startswith(b"SQLite format 3")
    answers(monkeypatch, PASS, PASS)
    assert run("db", "encrypt").exit_code == 0
    assert cipher_rows(journal_path, PASS, "SELECT count(*) FROM partners") == [(4,)]  # (team)


# -- the sealed format ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 1023, 1024, 1025, 3 * 1024])
def test_a_sealed_file_opens_whole_and_only_whole(monkeypatch, size):
    from partnerlog.core import sealed

    monkeypatch.setattr(sealed, "CHUNK", 1024)
    text = ("é" * size)[:size] if size else ""
    pieces = [text[i : i + 100] for i in range(0, len(text), 100)] or [""]
    blob = b"".join(sealed.seal(pieces, PASS))
    assert sealed.unseal(blob, PASS) == text.encode("utf-8")
    with pytest.raises(sealed.CannotOpen):
        sealed.unseal(blob, "another")
    tampered = bytearray(blob)
    tampered[-1] ^= 1
    with pytest.raises(sealed.CannotOpen):
        sealed.unseal(bytes(tampered), PASS)
    header = len(sealed.MAGIC) + sealed.SALT + sealed.PREFIX
    if len(blob) > header + 1024 + sealed.TAG:  # cut off after a whole chunk
        with pytest.raises(sealed.CannotOpen):
            sealed.unseal(blob[: header + 1024 + sealed.TAG], PASS)


def test_a_passphrase_with_quotes_spaces_and_any_script(team, run, journal_path, monkeypatch):
    odd = 'it\'s a "pass" wörd, 🔑 kata sandi; DROP TABLE partners; --'
    assert run("log", "sari", SECRET).exit_code == 0
    assert run("db", "encrypt", input=odd + "\n").exit_code == 0
    assert cipher_rows(journal_path, odd, "SELECT note FROM interactions") == [(SECRET,)]
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", odd)
    assert SECRET in run("timeline").stdout
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", odd[:-1])
    assert run("timeline").exit_code == NOT_A_JOURNAL


def test_exports_and_reports_say_at_a_terminal_that_they_are_in_clear(
    encrypted, run, monkeypatch, tmp_path
):
    monkeypatch.setenv("PARTNERLOG_PASSPHRASE", PASS)
    reminder = _(
        "The journal is encrypted; this file is not: keep it somewhere only you can read,"
        " and delete it when you are done."
    )
    piped = run("export", "-o", str(tmp_path / "piped.json"))
    assert piped.exit_code == 0 and reminder not in piped.stderr
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    for command in (
        ("export", "-o", str(tmp_path / "all.json")),
        ("report", "-o", str(tmp_path / "r.md")),
    ):
        result = run(*command)
        assert result.exit_code == 0 and reminder in result.stderr
    assert holds(tmp_path / "all.json", SECRET)  # (in clear, as asked)
    assert run("db", "decrypt", "--yes").exit_code == 0
    assert reminder not in run("export", "-o", str(tmp_path / "plain.json")).stderr
