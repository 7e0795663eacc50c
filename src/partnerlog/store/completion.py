"""Shell completion's queries: read-only, cheap, and never creating or locking a journal."""

from __future__ import annotations

import os
import sqlite3

# Completion offers at most this many values.
MOST = 200


def _pairs(path: str | os.PathLike, sql: str, params: list) -> list[tuple[str, str]]:
    """The rows of one query on a read-only connection; nothing when the file is
    missing or not a journal (completion never complains)."""
    if not os.path.isfile(path):
        return []
    from pathlib import Path

    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = conn.execute(sql, params).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    return [(row[0], row[1]) for row in rows]


def complete_areas(
    path: str | os.PathLike, prefix: str, limit: int = MOST
) -> list[tuple[str, str]]:
    """(area label, "strength"/"weakness") already in the journal, for shell completion."""
    return _pairs(
        path,
        # Each area once, as it was first written.
        "SELECT label, polarity FROM traits WHERE id IN (SELECT min(id) FROM traits"
        " WHERE area LIKE ? || '%' GROUP BY area) ORDER BY area LIMIT ?",
        [prefix.lower(), limit],
    )


def complete_handles(
    path: str | os.PathLike, prefix: str, limit: int = MOST
) -> list[tuple[str, str]]:
    """(handle, name) of active partners whose handle starts with ``prefix``; when
    none does, of those a word of whose name does ("wul" finds Sari Wulandari)."""
    found = _pairs(
        path,
        "SELECT handle, name FROM partners WHERE archived_at IS NULL"
        " AND substr(handle, 1, ?) = ? ORDER BY handle LIMIT ?",
        [len(prefix), prefix.lower(), limit],
    )
    if found or not prefix:
        return found
    return _pairs(
        path,
        "SELECT handle, name FROM partners WHERE archived_at IS NULL"
        " AND (name LIKE ? || '%' OR name LIKE '% ' || ? || '%') ORDER BY handle LIMIT ?",
        [prefix, prefix, limit],
    )


def complete_kinds(path: str | os.PathLike, prefix: str) -> list[tuple[str, str]]:
    """(kind, how many entries) of the kinds logged in the journal starting with ``prefix``."""
    return _pairs(
        path,
        "SELECT kind, count(*) FROM interactions WHERE substr(kind, 1, ?) = ?"
        " GROUP BY kind ORDER BY kind LIMIT ?",
        [len(prefix), prefix.lower(), MOST],
    )
