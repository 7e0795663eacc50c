"""Encrypted journals: SQLCipher 4, through the optional `encrypt` extra (sqlcipher3).

Loaded only for a file whose first bytes are not SQLite's (an SQLCipher file
looks random from its first byte) and by `db encrypt`, `db decrypt` and
`db rekey`: a plain journal never imports it.

SQLCipher's defaults are kept: AES-256 in CBC mode with an HMAC-SHA512 per
page, and a key derived from the passphrase by PBKDF2-HMAC-SHA512 with
256,000 iterations (a tenth of a second each time the journal is opened, on
purpose: it is what makes guessing the passphrase slow).
"""

from __future__ import annotations

import os

from partnerlog.errors import NotAJournal, UsageError, WrongPassphrase
from partnerlog.i18n import _

EXTRA = "pip install 'partnerlog[encrypt]'"
# An SQLCipher file is a whole number of pages, and a page is at least this.
SMALLEST_PAGE = 512


def might_be_encrypted(path: str) -> bool:
    """Whether a file that is not plain SQLite could be an encrypted journal:
    a whole number of pages, at least one (a text file seldom is)."""
    size = os.path.getsize(path)
    return size >= SMALLEST_PAGE and size % SMALLEST_PAGE == 0


def driver(path: str):
    """sqlcipher3's DB-API module; without the extra, why the file cannot be opened."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise NotAJournal(
            _(
                "{path} is encrypted (or not a partnerlog journal); an encrypted journal needs: {extra}"
            ).format(path=path, extra=EXTRA)
        ) from None
    return dbapi2


def checked(passphrase: str) -> str:
    """A passphrase SQLCipher can take: not empty, no NUL character."""
    if not passphrase:
        raise UsageError(_("the passphrase is empty; nothing was changed"))
    if "\x00" in passphrase:
        raise UsageError(_("the passphrase contains a NUL character; nothing was changed"))
    return passphrase


def _quoted(passphrase: str) -> str:
    """The passphrase as an SQL string (PRAGMA key takes no parameters)."""
    return "'" + checked(passphrase).replace("'", "''") + "'"


def unlock(conn, path: str, passphrase: str) -> None:
    """Give ``conn`` (a new SQLCipher connection to ``path``) the key, and prove
    it by reading the first page; the connection is closed if it does not open."""
    module = driver(path)
    conn.execute("PRAGMA cipher_log_level = NONE")  # (it prints a failed HMAC on stderr)
    conn.execute(f"PRAGMA key = {_quoted(passphrase)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as error:
        conn.close()
        if "not a database" not in str(error):
            raise
        if path.startswith("file:"):  # (a URI: the file it names)
            path = path.removeprefix("file:").partition("?")[0]
        raise WrongPassphrase(
            _("{path}: wrong passphrase, or not a partnerlog journal").format(path=path)
        ) from None


def connect(path: str, passphrase: str | None, **options):
    """A connection through SQLCipher's driver: keyed with ``passphrase``, or,
    with None, reading a plain file (SQLCipher reads those too)."""
    conn = driver(path).connect(path, **options)
    if passphrase is None:
        conn.execute("PRAGMA cipher_log_level = NONE")
    else:
        unlock(conn, path, passphrase)
    return conn


def table_counts(conn) -> dict[str, int]:
    """The rows of every table, the full-text indexes' own tables included."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
