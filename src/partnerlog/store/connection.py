"""Opening the journal file, its schema, its transactions, and the file as a whole.

``Connection.open`` checks what the file is before touching it (not SQLite, not
a partnerlog journal, written by a newer partnerlog), creates it privately when
asked to, and applies pending migrations under SQLite's write lock so two
processes opening a brand-new journal at once both succeed. Every write goes
through ``transaction()``: one ``BEGIN IMMEDIATE`` transaction, so a failed
command changes nothing.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from partnerlog.errors import (
    JournalBusy,
    JournalMissing,
    NewerJournal,
    NotAJournal,
    UsageError,
    sql_errors,
)
from partnerlog.i18n import _
from partnerlog.paths import create_private_file, ensure_private_folder
from partnerlog.store import migrations
from partnerlog.store.clock import ClockStore, _clock, timestamp

SQLITE_MAGIC = b"SQLite format 3\x00"
# Whether this process has committed a change: Ctrl-C then says it was saved.
saved = False
BUSY_TIMEOUT_SECONDS = 10.0


def new_uuid() -> str:
    """A random (version 4) UUID as text, without importing the uuid module."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def is_busy(error: Exception) -> bool:
    text = str(error)
    return "locked" in text or "busy" in text


class Connection(ClockStore):
    """An open journal file: the connection every record kind's queries share."""

    def __init__(self, path: str, conn: sqlite3.Connection, passphrase: str | None = None) -> None:
        self.path = path
        self.conn = conn
        # An encrypted journal's passphrase (None: a plain journal): its backups
        # and its file in a sync folder are encrypted with it too.
        self.passphrase = passphrase
        # The action the open transaction records for `undo` (see `transaction`):
        # its command, and its row once something has been remembered.
        self._command: str | None = None
        self._action: int | None = None
        self._remembered: set[str] = set()
        self._created: set[tuple[str, int]] = set()  # (table, id) the action inserted
        self._fresh_tombstones = False

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = False, passphrase=None):
        """Open the journal at ``path``; with ``create``, make it if it is missing.

        An encrypted journal is opened with what ``passphrase()`` returns (asked
        only then: a plain journal never calls it)."""
        path = os.fspath(path)
        module, key = sqlite3, None
        if os.path.isdir(path):
            raise UsageError(_("{path} is a folder; the journal is a file").format(path=path))
        if not os.path.exists(path):
            if not create:
                raise JournalMissing(_("there is no journal at {path} yet").format(path=path))
            ensure_private_folder(os.path.dirname(os.path.abspath(path)))
            create_private_file(path)
        elif not _looks_like_sqlite(path):
            from partnerlog.store import cipher

            if not cipher.might_be_encrypted(path):
                raise NotAJournal(
                    _("{path} is not a partnerlog journal (not an SQLite database)").format(
                        path=path
                    )
                )
            module = cipher.driver(path)
            key = passphrase() if passphrase is not None else None
            if key is None:
                raise NotAJournal(_("{path} is encrypted; give its passphrase").format(path=path))
        elif os.path.exists(path + "-wal"):
            from partnerlog.store.files import check_wal

            check_wal(path)
        conn = _connect(path, module)
        if key is not None:
            cipher.unlock(conn, path, key)
        conn.row_factory = module.Row
        journal = cls(path, conn, key)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            # Reading through a memory map halves the time of the big queries.
            conn.execute("PRAGMA mmap_size = 268435456")
            journal._bring_schema_up_to_date(create)
        except sql_errors("OperationalError") as error:
            conn.close()
            if is_busy(error):
                raise JournalBusy(
                    _("the journal {path} is busy; try again in a moment").format(path=path)
                ) from None
            raise
        except sql_errors("DatabaseError"):
            conn.close()
            raise NotAJournal(
                _("{path} is corrupt or not a partnerlog journal").format(path=path)
            ) from None
        except BaseException:
            conn.close()
            raise
        return journal

    def close(self) -> None:
        self.conn.close()

    def schema_state(self) -> tuple[list[str], list[str]]:
        """(applied migration names, pending names). Raises for files that are not ours."""
        try:
            rows = self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [migrations.MIGRATION_SET],
            ).fetchall()
        except sql_errors("OperationalError") as error:
            if "no such table" not in str(error):
                raise
            rows = None
        if rows is None or not rows:
            tables = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
            if tables:
                raise NotAJournal(
                    _("{path} is an SQLite database but not a partnerlog journal").format(
                        path=self.path
                    )
                )
            return [], list(migrations.NAMES)
        applied = [row[0] for row in rows]
        unknown = [name for name in applied if name not in migrations.NAMES]
        if unknown:
            raise NewerJournal(
                _(
                    "{path} was written by a newer partnerlog (schema {value}); upgrade partnerlog to open it"
                ).format(path=self.path, value=unknown[-1])
            )
        return applied, [name for name in migrations.NAMES if name not in applied]

    def _bring_schema_up_to_date(self, create: bool) -> None:
        applied, pending = self.schema_state()
        if not pending:
            return
        if not applied and not create:
            # An empty file (or another program's empty database): a command that
            # only reads must not turn it into a journal.
            raise JournalMissing(
                _("{path} is empty, not a partnerlog journal yet").format(path=self.path)
            )
        self._use_wal()
        from sqlite_utils import Database

        # Take the write lock before looking again: another process may be
        # creating the same journal right now, and sqlite-utils' migrations
        # alone would race it to create the tables.
        # Foreign keys off while migrating: a migration may rebuild a table, and
        # dropping the old copy must not delete the rows that refer to it. (The
        # setting cannot change inside a transaction.)
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.transaction():
                pending = self.schema_state()[1]
                if pending:
                    migrations.migrations().apply(Database(self.conn, execute_plugins=False))
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")
        self._compact_after_migrating()

    def _compact_after_migrating(self) -> None:
        """Give back the space a migration that rebuilt tables left free (m005 left a
        fifth of a large journal free, and scattered reads over it: the report of
        100,000 interactions needed 130 MiB instead of 86). Optional: skipped when
        another process is busy with the journal."""
        free = self.conn.execute("PRAGMA freelist_count").fetchone()[0]
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        if pages and free * 8 > pages:
            with suppress(*sql_errors("OperationalError")):
                self.conn.execute("VACUUM")

    def _use_wal(self) -> None:
        """Switch the file to WAL, waiting out other processes opening it at the same moment.

        WAL lets readers and one writer work at once; it is a property of the
        file, so setting it once when the schema is created is enough. SQLite
        does not wait on its busy timeout for this switch, so we do.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL").fetchall()
                return
            except sql_errors("OperationalError") as error:
                if not is_busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    # -- transactions ------------------------------------------------------

    @contextmanager
    def transaction(self, action: str | None = None) -> Iterator[Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: all of the block lands, or none of it.

        With ``action`` (the command, "entry edit"), every record the block
        creates, changes or deletes is remembered as it was before, in the same
        transaction, so `undo` can put it back exactly.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sql_errors("OperationalError") as error:
            if is_busy(error):
                raise JournalBusy(
                    _("the journal {path} is busy; try again in a moment").format(path=self.path)
                ) from None
            raise
        self._command, self._action, self._remembered = action, None, set()
        self._created = set()
        self._changes: list[tuple] = []
        clock, changes = self._read_clock(), self.conn.total_changes
        try:
            yield self
            self._write_changes()
            if self.conn.total_changes != changes:  # a write that wrote nothing leaves it
                self._settle_clock(clock)
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
                self._fresh_tombstones = False  # (its temporary trigger went with it)
            raise
        finally:
            self._command = self._action = None
            self._changes = []
            _clock["last"] = ""
        try:
            self.conn.execute("COMMIT")
        finally:
            if not self.conn.in_transaction:
                global saved
                saved = True

    def _remember(self, kind: str, uuid: str, before: dict | str | None) -> None:
        """Note, for `undo`, what a record was before this action touched it (a
        document or its JSON text; None: the action created it). Only its first
        state counts."""
        if self._command is None or uuid in self._remembered:
            return
        if before is not None and type(before) is not str:  # (or its JSON text already)
            import json  # not on `log`'s path: a new record has no before-image

            before = json.dumps(before, ensure_ascii=False)
        if self._action is None:  # the action's first change: the action begins to exist
            self._action = self.conn.execute(
                "INSERT INTO actions (command, at) VALUES (?, ?)", [self._command, timestamp()]
            ).lastrowid
        self._remembered.add(uuid)
        self._changes.append((self._action, len(self._remembered), kind, uuid, before))
        if len(self._changes) >= 5000:  # (a merge of 100,000 records: written in batches)
            self._write_changes()

    def _write_changes(self) -> None:
        """What `_remember` noted, written together (one statement a batch)."""
        if self._changes:
            self.conn.executemany(
                "INSERT INTO action_changes (action_id, seq, kind, uuid, before)"
                " VALUES (?, ?, ?, ?, ?)",
                self._changes,
            )
            self._changes.clear()

    def _before_change(self, kind: str, record_id: int) -> None:
        """Remember a record as it is now, before the action changes or deletes it."""
        self._before_changes(kind, [record_id])

    def _before_changes(self, kind: str, record_ids: list[int], *, tags_only=False) -> None:
        """Remember records as they are now, read together (``tags_only``: entries'
        tags alone, all a tag rename changes of 1,500 of them)."""
        if self._command is not None:
            # (a record this action created is remembered as absent already)
            record_ids = [i for i in record_ids if (kind, i) not in self._created]
            for uuid, before in self.before_images(kind, record_ids, tags_only=tags_only):
                self._remember(kind, uuid, before)

    def _insert(self, table: str, record, columns: tuple[str, ...]) -> int:
        """Insert ``record``'s ``columns`` into ``table`` (giving it a uuid and a
        creation time when it has none); return the new row's id."""
        record.uuid = record.uuid or new_uuid()
        record.created_at = record.created_at or timestamp()
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}, updated_at) VALUES ({marks(columns)}, ?)",
            [*(getattr(record, column) for column in columns), record.created_at],
        )
        self._remember(table, record.uuid, None)
        self._created.add((table, cursor.lastrowid))
        return cursor.lastrowid

    def without_memory_map(self) -> None:
        """Read the file through a page cache of 32 MiB rather than a memory map:
        a command that reads all of a large journal (sync writes it out whole)
        would otherwise hold every page of it in its memory (130 MiB of a
        journal of 200,000 entries), and one that writes all over it (a big
        merge) would read its pages again and again through SQLite's default 2."""
        self.conn.execute("PRAGMA mmap_size = 0")
        self.conn.execute("PRAGMA cache_size = -32768")

    # -- meta --------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def forget_files_written(self) -> None:
        """Forget which file this journal last wrote into each sync folder, so its
        next sync writes it again (encrypted, in clear, or with a new passphrase)."""
        with self.transaction():
            self.conn.execute(
                "UPDATE meta SET value = json_remove(value, '$.fingerprint')"
                " WHERE key LIKE 'sync_file:%'"
            )

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def _connect(path: str, module=sqlite3) -> sqlite3.Connection:
    """A connection to the journal at ``path``.

    A journal this user cannot write (a file of someone else's, a read-only
    folder or file system, a backup disk) is read as it is on disk: SQLite
    cannot open a WAL-mode file there at all (it needs a -shm file beside it),
    so it is opened read-only and immutable; every read works, and a write fails
    as a read-only journal ("nothing was changed"). Unless a -wal file there
    holds writes only its owner can fold in: then it fails the same way."""
    folder = os.path.dirname(os.path.abspath(path))
    writable = os.access(path, os.W_OK) and os.access(folder, os.W_OK)
    wal = path + "-wal"
    if not writable and not (os.path.exists(wal) and os.path.getsize(wal)):
        from pathlib import Path

        return module.connect(
            Path(path).resolve().as_uri() + "?mode=ro&immutable=1",
            uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
        )  # fmt: skip
    return module.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)


def file_kind(path: str) -> str:
    """What the file at ``path`` is, from its first bytes: "missing", "plain"
    (SQLite), "encrypted" (could be SQLCipher), or "other"."""
    if not os.path.isfile(path):
        return "missing"
    if _looks_like_sqlite(path):
        return "plain"
    from partnerlog.store.cipher import might_be_encrypted

    return "encrypted" if might_be_encrypted(path) else "other"


def _looks_like_sqlite(path: str) -> bool:
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    # A prefix (or zeros) counts too: another process may be writing a brand-new
    # journal's first page at this very moment (a short read, seen in the race
    # test). SQLite's own check ("file is not a database") still applies after.
    return SQLITE_MAGIC.startswith(header) or not header.strip(b"\x00")


# -- small helpers for building SQL, shared by the store's modules ---------------


def marks(values) -> str:
    """One ``?`` per value, for ``IN (…)`` and ``VALUES (…)``; ``NULL`` for none (matches nothing)."""
    return ", ".join("?" * len(values)) or "NULL"


def one_of(column: str, values, where: list[str], params: list) -> None:
    """Add ``column IN (…values)`` to a WHERE clause being built (``where``, ``params``)."""
    chosen = list(values)
    where.append(f"{column} IN ({marks(chosen)})")
    params.extend(chosen)


def where_clause(conditions: list[str]) -> str:
    """A WHERE clause joining ``conditions`` with AND, or nothing."""
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def split_values(value: str | None) -> list[str]:
    return sorted(value.split(",")) if value else []
