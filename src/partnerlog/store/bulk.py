"""New entries written in bulk, for a merge that brings many of them at once.

A merge of a big file adds tens of thousands of entries. Written one by one,
each entry and each of its links is a statement of its own, and the triggers
that keep the pillar and benefit masks rewrite the entry once per link: at
100,000 entries that was most of a first sync. Here new entries are gathered
and written together when the merge asks (`BulkEntries.flush`): their tags,
pillars and benefits first (foreign keys are checked at commit; the masks'
triggers find no entry to rewrite, and the masks are written with it), then
the entries in id order, then their partners (whose copies of the entry's
fields a trigger fills in), then their version vectors.
"""

from __future__ import annotations

import json

from partnerlog.core.vocabulary import BENEFITS, PILLARS

LINKS = (
    ("interaction_tags", "tag", "tags"),
    ("interaction_pillars", "pillar", "pillars"),
    ("interaction_benefits", "benefit", "benefits"),
)


class BulkEntries:
    def __init__(self, conn) -> None:
        self.conn = conn
        row = conn.execute(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'interactions'), 0),"
            " coalesce((SELECT max(id) FROM interactions), 0))"
        ).fetchone()
        self.highest = row[0]  # the highest id ever used here, pending ones included
        self.entries: list[tuple] = []
        self.columns: tuple[str, ...] | None = None
        self.links: dict[str, list[tuple]] = {table: [] for table, _c, _k in LINKS}
        self.partners: list[tuple] = []
        self.vectors: list[tuple] = []

    def add(self, values: dict, doc: dict, partner_ids: list[int]) -> int:
        """Gather one new entry (``values``: its columns, ``id`` the one the file
        gave it or None); return the id it will have."""
        wanted = values.get("id")
        entry_id = wanted if wanted is not None and wanted > self.highest else self.highest + 1
        self.highest = entry_id
        values = {**values, "id": entry_id}
        values["pillar_mask"] = _mask(doc.get("pillars"), PILLARS)
        values["benefit_mask"] = _mask(doc.get("benefits"), BENEFITS)
        if self.columns is None:
            self.columns = tuple(values)
        self.entries.append(tuple(values[column] for column in self.columns))
        for table, _column, key in LINKS:
            self.links[table].extend((entry_id, v) for v in dict.fromkeys(doc.get(key) or ()))
        self.partners.extend((entry_id, p) for p in dict.fromkeys(partner_ids))
        if doc.get("seen"):
            self.vectors.append((doc["uuid"], values["updated_at"], json.dumps(doc["seen"],
                                 sort_keys=True)))  # fmt: skip
        if len(self.entries) >= 10_000:  # a big file's are written as they come, not all kept
            self.flush()
        return entry_id

    def flush(self) -> None:
        if not self.entries:
            return
        conn = self.conn
        conn.execute("PRAGMA defer_foreign_keys = ON")  # until this transaction ends
        for table, column, _key in LINKS:
            conn.executemany(
                f"INSERT OR IGNORE INTO {table} (interaction_id, {column}) VALUES (?, ?)",
                self.links[table],
            )
            self.links[table].clear()
        columns = ", ".join(self.columns)
        conn.executemany(
            f"INSERT INTO interactions ({columns}) VALUES ({', '.join('?' * len(self.columns))})",
            self.entries,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO interaction_partners (interaction_id, partner_id) VALUES (?, ?)",
            self.partners,
        )
        conn.executemany(
            "INSERT OR REPLACE INTO versions (uuid, stamp, seen) VALUES (?, ?, ?)", self.vectors
        )
        self.entries.clear()
        self.partners.clear()
        self.vectors.clear()


def _mask(values, vocabulary: tuple[str, ...]) -> int:
    """Bit n set for vocabulary[n] in ``values`` (m003's masks)."""
    return sum(1 << vocabulary.index(v) for v in set(values or ()) if v in vocabulary)
