"""Each record's version vector (`core.vectors`), as merges and exports read it.

Only records a merge has touched have a row in ``versions``; a record's vector
is its row's ``seen`` while the record still carries the row's ``stamp``, and
that plus this journal's own change once it has been changed here since.
A record with no row has seen only this journal's change.
"""

from __future__ import annotations

from partnerlog.core.kinds import TABLES
from partnerlog.core.vectors import as_text, with_change


class VersionStore:
    def version_rows(self) -> dict[str, tuple[str, str]]:
        """Every row of ``versions``: uuid → (stamp, seen as JSON), read once (an export, a merge)."""
        return {uuid: (stamp, seen) for uuid, stamp, seen in self.conn.execute(
            "SELECT uuid, stamp, seen FROM versions")}  # fmt: skip

    def version_rows_of(self, uuids: list[str]) -> dict[str, tuple[str, str]]:
        """The rows of ``versions`` of these records (at most 500), as `version_rows`."""
        marks = ", ".join("?" * len(uuids))
        return {uuid: (stamp, seen) for uuid, stamp, seen in self.conn.execute(
            f"SELECT uuid, stamp, seen FROM versions WHERE uuid IN ({marks})", uuids)}  # fmt: skip

    def vector(self, uuid: str, stamp: str, rows: dict | None = None) -> dict[str, str]:
        """The vector of the version of record ``uuid`` stamped ``stamp`` here (a
        deletion's time for a tombstone). ``rows``: `version_rows`, when read."""
        if rows is None:
            row = self.conn.execute(
                "SELECT stamp, seen FROM versions WHERE uuid = ?", [uuid]
            ).fetchone()
        else:
            row = rows.get(uuid)
        if row is None:
            return {self.journal_id(): stamp}
        import json  # (not at the top: `log` imports the store and never needs it)

        seen = json.loads(row[1])
        return seen if row[0] == stamp else with_change(seen, self.journal_id(), stamp)

    def set_vector(self, uuid: str, stamp: str, seen: dict[str, str]) -> None:
        """Record the version of ``uuid`` stamped ``stamp`` as having seen ``seen``."""
        self.conn.execute(
            "INSERT OR REPLACE INTO versions (uuid, stamp, seen) VALUES (?, ?, ?)",
            [uuid, stamp, as_text(seen)],
        )

    def journal_id(self) -> str:
        if getattr(self, "_journal_id", None) is None:
            self._journal_id = self.get_meta("journal_id")
        return self._journal_id

    def fingerprint(self, include_private: bool) -> str:
        """A digest of what a sync file of this journal would say: every record's
        uuid and change stamp, every deletion, every version vector. The same
        fingerprint as when the file was last written: no need to write it again
        (a sync with nothing new costs a read, not an export)."""
        from hashlib import blake2b

        digest = blake2b(digest_size=16)
        digest.update(b"private" if include_private else b"public")
        private = "" if include_private else " WHERE private = 0"
        for query in (
            *(f"SELECT uuid, updated_at FROM {table} ORDER BY id" for table in RECORDS),
            f"SELECT uuid, updated_at FROM interactions{private} ORDER BY id",
            "SELECT uuid, deleted_at FROM tombstones ORDER BY uuid",
            "SELECT uuid, stamp || seen FROM versions ORDER BY uuid",
        ):
            for uuid, stamp in self.conn.execute(query):
                digest.update(f"{uuid}{stamp}".encode())
            digest.update(b"|")
        return digest.hexdigest()


# The record tables a sync file holds, but for interactions (some may be private).
RECORDS = tuple(table for table in TABLES if table != "interactions")
