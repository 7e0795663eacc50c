"""Shell completion's queries: read-only, cheap, and never creating or locking a journal."""

from __future__ import annotations

import os
import sqlite3

# Completion offers at most this many values.
MOST = 200


def _pairs(
    path: str | os.PathLike, sql: str, params: list, passphrase: str | None
) -> list[tuple[str, str]]:
    """The rows of one query on a read-only connection; nothing when the file is
    missing or not a journal, or encrypted and no ``passphrase`` was given
    (completion never complains, and never asks)."""
    if not os.path.isfile(path):
        return []
    from pathlib import Path

    from partnerlog.errors import PartnerlogError, sql_errors
    from partnerlog.store.connection import file_kind

    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        if file_kind(os.fspath(path)) == "encrypted":
            if passphrase is None:
                return []
            from partnerlog.store.cipher import connect

            conn = connect(uri, passphrase, uri=True)
        else:
            conn = sqlite3.connect(uri, uri=True)
        try:
            rows = conn.execute(sql, params).fetchall()
        finally:
            conn.close()
    except (*sql_errors("Error"), PartnerlogError):
        return []
    return [(row[0], row[1]) for row in rows]


def complete_areas(
    path: str | os.PathLike, prefix: str, limit: int = MOST, passphrase: str | None = None
) -> list[tuple[str, str]]:
    """(area label, "strength"/"weakness") already in the journal, for shell completion."""
    return _pairs(
        path,
        # Each area once, as it was first written.
        "SELECT label, polarity FROM traits WHERE id IN (SELECT min(id) FROM traits"
        " WHERE area LIKE ? || '%' GROUP BY area) ORDER BY area LIMIT ?",
        [prefix.lower(), limit],
        passphrase,
    )


def complete_handles(
    path: str | os.PathLike, prefix: str, limit: int = MOST, passphrase: str | None = None
) -> list[tuple[str, str]]:
    """(handle, name) of active partners whose handle starts with ``prefix``; when
    none does, of those a word of whose name does ("wul" finds Sari Wulandari)."""
    found = _pairs(
        path,
        "SELECT handle, name FROM partners WHERE archived_at IS NULL"
        " AND substr(handle, 1, ?) = ? ORDER BY handle LIMIT ?",
        [len(prefix), prefix.lower(), limit],
        passphrase,
    )
    if found or not prefix:
        return found
    return _pairs(
        path,
        "SELECT handle, name FROM partners WHERE archived_at IS NULL"
        " AND (name LIKE ? || '%' OR name LIKE '% ' || ? || '%') ORDER BY handle LIMIT ?",
        [prefix, prefix, limit],
        passphrase,
    )


def complete_kinds(
    path: str | os.PathLike, prefix: str, passphrase: str | None = None
) -> list[tuple[str, str]]:
    """(kind, how many entries) of the kinds logged in the journal starting with ``prefix``."""
    return _pairs(
        path,
        "SELECT kind, count(*) FROM interactions WHERE substr(kind, 1, ?) = ?"
        " GROUP BY kind ORDER BY kind LIMIT ?",
        [len(prefix), prefix.lower(), MOST],
        passphrase,
    )
