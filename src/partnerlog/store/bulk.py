"""New entries written in bulk, for a merge that brings many of them at once.

A merge of a big file adds tens of thousands of entries. Written one by one,
each entry and each of its links is a statement of its own, and the triggers
that keep the pillar and benefit masks rewrite the entry once per link: at
100,000 entries that was most of a first sync. Here new entries are gathered
and written together when the merge asks (`BulkEntries.flush`): their tags,
pillars and benefits first (foreign keys are checked at commit; the masks'
triggers find no entry to rewrite, and the masks are written with it), then
the entries in id order, then their partners (with the copies of the entry's
fields a trigger would fill in), then their version vectors.
"""

from __future__ import annotations

from contextlib import contextmanager

from partnerlog.core.vectors import as_text
from partnerlog.core.vocabulary import BENEFITS, PILLARS
from partnerlog.store.schema import (
    FULL_TEXT_COLUMNS,
    LAST_CONTACT_TRIGGERS,
    LAST_CONTACTS_SQL,
    LINK_COPIES,
)

LINKS = (
    ("interaction_tags", "tag", "tags"),
    ("interaction_pillars", "pillar", "pillars"),
    ("interaction_benefits", "benefit", "benefits"),
)


# The triggers a bulk merge does without, and does their work itself: the
# full-text indexes' (rebuilt after: 0.2 s for 100,000 entries, where keeping
# them up to date cost 4.5 s), a new entry's tombstone removal, the masks kept
# from the pillar and benefit links, the copies a partner link keeps of its
# entry's fields, and each partner's last contact (read again after).
FULL_TEXT = tuple(table for table, _columns in FULL_TEXT_COLUMNS)
# How many records with a full-text index arriving at once make a merge write in bulk.
BULK = 2000
DROPPED = (
    *(f"{table}_{suffix}" for table in FULL_TEXT for suffix in ("ai", "ad", "au")),
    "interactions_alive",
    "interaction_pillars_mask_add",
    "interaction_benefits_mask_add",
    "interaction_partners_copy",
    *LAST_CONTACT_TRIGGERS,
)
COPY_COLUMNS = LINK_COPIES
# From how many records a block drops the entries' and links' own indexes and
# builds them again after (a first sync of a year's journal); below it, the
# rebuild (of the whole table) would cost more than it saves.
WHOLESALE = 20_000
INDEXED = ("interactions", *(table for table, _column, _key in LINKS), "interaction_partners")
COPIES = ", ".join(COPY_COLUMNS)


class BulkEntries:
    """Inside a transaction, as a context manager: the triggers above are dropped
    for the block and put back after it, with their work done in bulk (all in
    the same transaction: an interrupted merge leaves everything as it was)."""

    def __enter__(self) -> BulkEntries:
        marks = ", ".join("?" * len(DROPPED))
        self.triggers = self.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
            DROPPED,
        ).fetchall()
        for name, _sql in self.triggers:
            self.conn.execute(f"DROP TRIGGER {name}")
        self.indexes = []
        if self.expected >= WHOLESALE:
            # Tens of thousands of new entries: their links' and entries' own
            # indexes (not the unique ones, which check) are built again after,
            # in one pass each (97,000 links: 0.5 s, not 1.4 s kept row by row).
            self.indexes = self.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                f" AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({', '.join('?' * len(INDEXED))})",
                INDEXED,
            ).fetchall()
            for name, _sql in self.indexes:
                self.conn.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is not None:
            return  # the transaction is rolled back, triggers and all
        self.flush()
        conn = self.conn
        conn.execute("DELETE FROM tombstones WHERE uuid IN (SELECT uuid FROM interactions)")
        for _name, sql in self.triggers:
            conn.execute(sql)
        for _name, sql in self.indexes:
            conn.execute(sql)
        if any(name in LAST_CONTACT_TRIGGERS for name, _sql in self.triggers):
            # (after the indexes: it reads each partner's latest through one)
            conn.execute(LAST_CONTACTS_SQL)
        for table in FULL_TEXT:
            conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")

    def changed(self, entry_id: int, doc: dict) -> None:
        """An entry changed (not added) during the block: its masks and its
        partner links' copies, as the dropped triggers would have kept them."""
        self.conn.execute(
            "UPDATE interactions SET pillar_mask = ?, benefit_mask = ? WHERE id = ?",
            [_mask(doc.get("pillars"), PILLARS), _mask(doc.get("benefits"), BENEFITS), entry_id],
        )
        self._copy(entry_id, entry_id)

    def _copy(self, first: int, last: int) -> None:
        self.conn.execute(
            f"UPDATE interaction_partners SET ({COPIES}) = (SELECT {COPIES} FROM interactions"
            " WHERE id = interaction_id) WHERE interaction_id BETWEEN ? AND ?",
            [first, last],
        )

    def __init__(self, conn, expected: int = 0) -> None:
        self.conn = conn
        self.expected = expected  # how many records the block may write
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
        copies = tuple(values[column] for column in COPY_COLUMNS)
        self.partners.extend((entry_id, p, *copies) for p in dict.fromkeys(partner_ids))
        if doc.get("seen"):
            self.vectors.append((doc["uuid"], values["updated_at"], as_text(doc["seen"])))
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
        conn.executemany(  # with the copies of the entry's fields the dropped trigger keeps
            f"INSERT OR IGNORE INTO interaction_partners (interaction_id, partner_id, {COPIES})"
            f" VALUES (?, ?, {', '.join('?' * len(COPY_COLUMNS))})",
            self.partners,
        )
        conn.executemany(  # (in key order: see `Merge.save_bases`)
            "INSERT OR REPLACE INTO versions (uuid, stamp, seen) VALUES (?, ?, ?)",
            sorted(self.vectors),
        )
        self.entries.clear()
        self.partners.clear()
        self.vectors.clear()


def _mask(values, vocabulary: tuple[str, ...]) -> int:
    """Bit n set for vocabulary[n] in ``values`` (m003's masks)."""
    return sum(1 << vocabulary.index(v) for v in set(values or ()) if v in vocabulary)


@contextmanager
def written_in_bulk(journal, count: int):
    """Inside a transaction: new entries ``put`` in the block are written in bulk
    when there are more than BULK of them (a big merge, a year of a calendar)."""
    if count <= BULK:
        yield
        return
    try:
        with BulkEntries(journal.conn, count) as journal.bulk:
            yield
    finally:
        journal.bulk = None
