"""Shell completion's queries: read-only, cheap, and never creating or locking a journal."""

from __future__ import annotations

import os
import sqlite3


def read_only(path: str | os.PathLike) -> sqlite3.Connection:
    from pathlib import Path

    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def complete_areas(path: str | os.PathLike, prefix: str, limit: int = 200) -> list[tuple[str, str]]:
    """(area label, "strength"/"weakness") already in the journal, for shell completion."""
    if not os.path.isfile(path):
        return []
    try:
        conn = read_only(path)
        try:
            rows = conn.execute(
                # Each area once, as it was first written.
                "SELECT label, polarity FROM traits WHERE id IN (SELECT min(id) FROM traits"
                " WHERE area LIKE ? || '%' GROUP BY area) ORDER BY area LIMIT ?",
                [prefix.lower(), limit],
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    return [(row[0], row[1]) for row in rows]


def complete_handles(
    path: str | os.PathLike, prefix: str, limit: int = 200
) -> list[tuple[str, str]]:
    """(handle, name) of active partners starting with ``prefix``, read-only and cheap.

    For shell completion: it never creates, migrates or locks the journal.
    """
    if not os.path.isfile(path):
        return []
    try:
        conn = read_only(path)
        try:
            rows = conn.execute(
                "SELECT handle, name FROM partners WHERE archived_at IS NULL"
                " AND substr(handle, 1, ?) = ? ORDER BY handle LIMIT ?",
                [len(prefix), prefix.lower(), limit],
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    return [(row[0], row[1]) for row in rows]
