"""Converting the journal file as a whole: encrypting it, decrypting it, or
giving it a new passphrase (`db encrypt`, `db decrypt`, `db rekey`), safely."""

from __future__ import annotations

import os

from partnerlog.errors import NotAJournal, UsageError
from partnerlog.i18n import _
from partnerlog.store.cipher import connect, driver, table_counts


def convert(path: str, current: str | None, new: str | None) -> None:
    """Put the journal at ``path`` (encrypted with ``current``, None: plain) in
    its own place encrypted with ``new`` (None: plain), safely.

    The whole journal is written to a new file beside it (``sqlcipher_export``),
    checked (SQLite's integrity check, and every table holding as many rows as
    before), then moved over the journal in one rename. Killed before the
    rename, the journal is as it was; after it, it is converted. No copy of the
    journal in its old form is left beside it, nor a -wal or -shm of it.

    Another partnerlog may not use the journal meanwhile: the journal leaves
    WAL mode first (SQLite allows that only to its one user), and the write
    lock is held until the old file is gone. The old file's pages are then
    overwritten with zeros: a partnerlog that opened it just before the rename
    and waits for the lock finds no journal in it (and says so) instead of
    writing to a file nobody will read again.
    """
    import tempfile

    from partnerlog.store.connection import BUSY_TIMEOUT_SECONDS
    from partnerlog.store.files import remove_database, remove_killed_copies

    in_use = UsageError(_("the journal is in use by another partnerlog; try again when it is done"))
    folder = os.path.dirname(os.path.abspath(path))
    remove_killed_copies(folder)
    fd, copy = tempfile.mkstemp(prefix=".convert.", suffix=".db", dir=folder)
    os.close(fd)
    source = connect(path, current, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    replaced = False
    try:
        if source.execute("PRAGMA journal_mode = DELETE").fetchone()[0] != "delete":
            raise in_use
        # The write lock, held until the copy has replaced the journal: no other
        # partnerlog writes to the old file meanwhile (a second connection reads
        # it, and writes the copy).
        source.execute("BEGIN IMMEDIATE")
        before = _export(path, current, copy, new)
        _check(copy, new, before)
        with open(copy, "rb") as handle:
            os.fsync(handle.fileno())
        with open(path, "r+b") as old:
            os.replace(copy, path)
            replaced = True
            _fsync_folder(folder)
            _blank(old)
    except BaseException as error:
        if not replaced:
            remove_database(copy)
        if isinstance(error, driver(path).OperationalError) and "locked" in str(error):
            raise in_use from None
        raise
    finally:
        if source.in_transaction:
            source.execute("ROLLBACK")
        if not replaced:
            source.execute("PRAGMA journal_mode = WAL").fetchall()
        source.close()


def _export(path: str, current: str | None, copy: str, new: str | None) -> dict[str, int]:
    """Write the journal into ``copy`` encrypted with ``new`` (None: in clear);
    the rows of each of its tables, as read for the copy."""
    reader = connect(path, current, isolation_level=None)
    try:
        before = table_counts(reader)
        reader.execute("ATTACH DATABASE ? AS converted KEY ?", [copy, new or ""])
        reader.execute("SELECT sqlcipher_export('converted')")
        reader.execute("DETACH DATABASE converted")
        return before
    finally:
        reader.close()


def _blank(handle) -> None:
    """Overwrite a replaced journal file with zeros, a megabyte at a time."""
    size = os.fstat(handle.fileno()).st_size
    zeros = bytes(min(size, 1 << 20))
    handle.seek(0)
    written = 0
    while written < size:
        written += handle.write(zeros[: size - written])
    handle.flush()
    os.fsync(handle.fileno())


def _fsync_folder(folder: str) -> None:
    """Make a rename in ``folder`` last through a power cut (where the system can)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _check(copy: str, passphrase: str | None, before: dict[str, int]) -> None:
    """The converted copy opens with ``passphrase``, is sound, and holds every row."""
    target = connect(copy, passphrase, isolation_level=None)
    try:
        problems = [row[0] for row in target.execute("PRAGMA integrity_check")]
        after = table_counts(target)
        if problems != ["ok"] or after != before:
            raise NotAJournal(
                _("the converted copy did not match the journal; the journal is unchanged")
            )
        target.execute("PRAGMA journal_mode = WAL").fetchall()  # as a journal lives
    finally:
        target.close()
