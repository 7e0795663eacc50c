"""The journal as files: a -wal that must not be replayed, and copies of a database.

Only consulted when something lies beside the journal, or for a restore: the
everyday commands never load this module.
"""

import os
import sqlite3
import time

from partnerlog.errors import NotAJournal, sql_errors
from partnerlog.i18n import _

# -- a -wal that does not belong ----------------------------------------------------

WAL_HEADER = 32
WAL_FRAME_HEADER = 24


def check_wal(path: str) -> None:
    """Set aside a ``-wal`` file that would damage the journal if replayed, as
    `db restore` does, keeping it under a name SQLite never replays, and leave the
    person a note saying so.

    SQLite replays whatever valid ``-wal`` lies beside a database, and a clean
    close removes it; so one that is there belongs to a process using the
    journal now (left alone) or to one that was killed (replayed, as it
    should be). Two situations are neither, and replaying them loses data:
    the journal file was replaced (a backup copied over it) after the -wal was
    last written, or the -wal comes from another database (another page size,
    or commits that would shrink the journal, which partnerlog never does).
    """
    reason = _wal_trouble(path)
    if reason is not None:
        # Another process may be closing the journal this very moment (its last
        # checkpoint writes the journal, then removes the -wal): look once more.
        time.sleep(0.05)
        reason = _wal_trouble(path)
    if reason:
        from partnerlog.core.zones import note

        kept = f"{path}-wal.set-aside-{time.strftime('%Y%m%d-%H%M%S')}"
        number = 2
        while os.path.exists(kept):
            kept = f"{path}-wal.set-aside-{time.strftime('%Y%m%d-%H%M%S')}-{number}"
            number += 1
        os.replace(path + "-wal", kept)
        if os.path.exists(path + "-shm"):
            os.unlink(path + "-shm")  # (its index was of the -wal set aside)
        note(
            "{path}-wal did not belong to this journal ({reason}): it was not replayed, and"
            " is kept as {kept}; the journal is as its file is",
            path=path, reason=reason, kept=kept,
        )  # fmt: skip


def _wal_trouble(path: str) -> str | None:
    """Why the -wal beside ``path`` must not be replayed, or None."""
    wal = path + "-wal"
    try:
        return _wal_mismatch(path, wal)
    except FileNotFoundError:
        return None  # removed meanwhile by a clean close: nothing to replay


def _wal_mismatch(path: str, wal: str) -> str | None:
    size = os.path.getsize(wal)
    if size <= WAL_HEADER or wal_in_use(path):
        return None
    with open(wal, "rb") as handle:
        header = handle.read(WAL_HEADER)
        page_size = int.from_bytes(header[8:12], "big")
        smallest = None
        frame = WAL_HEADER
        while page_size and frame + WAL_FRAME_HEADER <= size:
            handle.seek(frame)
            pages_after_commit = int.from_bytes(handle.read(WAL_FRAME_HEADER)[4:8], "big")
            if pages_after_commit:
                smallest = min(smallest or pages_after_commit, pages_after_commit)
            frame += WAL_FRAME_HEADER + page_size
    with open(path, "rb") as handle:
        db_header = handle.read(100)
    db_page_size = int.from_bytes(db_header[16:18], "big") if len(db_header) >= 18 else 0
    db_page_size = 65536 if db_page_size == 1 else db_page_size
    db_pages = os.path.getsize(path) // db_page_size if db_page_size else 0
    if db_page_size and page_size != db_page_size:
        return "it was written for another database (another page size)"
    if smallest is not None and smallest < db_pages:
        return "it would shrink the journal, so it belongs to another database"
    if os.path.getmtime(path) > os.path.getmtime(wal) + 1:
        return "the journal file was replaced after it was written"
    return None


def wal_in_use(path: str) -> bool:
    """Whether another process has the journal open now (it holds SQLite's lock
    on the shared-memory file), in which case its -wal is live and fine."""
    shm = path + "-shm"
    if not os.path.exists(shm):
        return False
    try:
        import fcntl
    except ImportError:  # not a POSIX system: cannot tell, leave it to SQLite
        return True
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return True  # cannot tell: leave it to SQLite
    try:
        # SQLite's unix VFS: every connection holds a shared lock on byte 128
        # ("DMS") of the -shm file while it has the database open.
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def _connect(path: str, passphrase: str | None, uri: bool = False):
    """A plain connection, or an SQLCipher one keyed with ``passphrase``."""
    if passphrase is None:
        return sqlite3.connect(path, uri=uri)
    from partnerlog.store import cipher

    return cipher.connect(path, passphrase, uri=uri)


# A working copy older than this was left by a `db restore` (or a conversion by
# `db encrypt`, `db decrypt` or `db rekey`) that was killed.
STALE_COPY_SECONDS = 3600


def remove_killed_copies(folder: str) -> None:
    """Working copies (and their -wal and -shm) that a killed `db restore` or
    conversion left beside the journal: a full-size file each, which nothing
    else removes."""
    now = time.time()
    for name in os.listdir(folder):
        if name.startswith((".restore.", ".convert.")) and ".db" in name:
            path = os.path.join(folder, name)
            try:
                if now - os.path.getmtime(path) > STALE_COPY_SECONDS:
                    os.unlink(path)
            except OSError:
                pass


def remove_database(path: str, *, sidecars_only: bool = False) -> None:
    """Remove a working copy of a database and the files SQLite keeps beside it
    (``sidecars_only``: those alone)."""
    for suffix in (
        ("-wal", "-shm", "-journal") if sidecars_only else ("", "-wal", "-shm", "-journal")
    ):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)


def copy_into(source, path: str, passphrase: str | None = None) -> None:
    """Copy the database ``source`` reads into the file ``path`` through SQLite's
    backup API: a standalone copy, one file with no -wal beside it (encrypted
    with ``passphrase`` as the source is)."""
    target = _connect(path, passphrase)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def copy_database(source: str, destination: str, passphrase: str | None = None) -> None:
    """Copy the SQLite file ``source`` to ``destination`` (one file, no -wal) through
    the backup API, without changing ``source`` or leaving files beside it."""
    # Immutable when nothing lies beside it: then reading leaves no -shm behind.
    alone = "" if os.path.exists(source + "-wal") else "&immutable=1"
    reader = _connect(f"file:{os.path.abspath(source)}?mode=ro{alone}", passphrase, uri=True)
    try:
        copy_into(reader, destination, passphrase)
    except sql_errors("DatabaseError"):
        raise NotAJournal(_("{source} is not a partnerlog journal").format(source=source)) from None
    finally:
        reader.close()


def use_wal(path: str, passphrase: str | None = None) -> None:
    """Put the database at ``path`` in WAL mode, as a journal lives (a backup is
    written in rollback mode)."""
    import contextlib

    with contextlib.closing(_connect(path, passphrase)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
