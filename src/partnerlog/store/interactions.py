"""Interactions: logging, reading back, editing, deleting and searching them."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import cache

from partnerlog.core.records import Interaction
from partnerlog.core.vocabulary import BENEFITS, PILLARS
from partnerlog.errors import NotFound
from partnerlog.i18n import _
from partnerlog.store.clock import timestamp
from partnerlog.store.connection import marks, one_of, split_values, where_clause

TYPE_CHECKING = False
if TYPE_CHECKING:
    from partnerlog.core.records import Goal

INTERACTION_COLUMNS = (
    "uuid", "occurred_at", "kind", "setting", "tone", "note", "private", "created_at",
)  # fmt: skip


class InteractionStore:
    # -- interactions ------------------------------------------------------

    def add_interaction(self, interaction: Interaction, partner_ids: Iterable[int]) -> Interaction:
        interaction.id = self._insert("interactions", interaction, INTERACTION_COLUMNS)
        self._set_links(
            interaction.id,
            partner_ids,
            interaction.tags,
            interaction.pillars,
            interaction.benefits,
        )
        return interaction

    def _set_links(
        self,
        interaction_id: int,
        partner_ids: Iterable[int] | None = None,
        tags: Iterable[str] | None = None,
        pillars: Iterable[str] | None = None,
        benefits: Iterable[str] | None = None,
        *,
        fresh: bool = False,
    ) -> None:
        """Set an interaction's links (None: leave that kind as it is); ``fresh``:
        the interaction was just inserted and has none yet."""
        links = (
            ("interaction_partners", "partner_id", partner_ids),
            ("interaction_tags", "tag", tags),
            ("interaction_pillars", "pillar", pillars),
            ("interaction_benefits", "benefit", benefits),
        )
        for table, column, values in links:
            if values is None:
                continue
            if not fresh:
                self.conn.execute(f"DELETE FROM {table} WHERE interaction_id = ?", [interaction_id])
            rows = [(interaction_id, value) for value in values]
            if rows:  # (an empty executemany still costs a statement: a merge does thousands)
                self.conn.executemany(
                    f"INSERT OR IGNORE INTO {table} (interaction_id, {column}) VALUES (?, ?)", rows
                )

    def interactions(
        self,
        *,
        partner_id: int | None = None,
        since: date | None = None,
        until: date | None = None,
        kind: str | None = None,
        tag: str | None = None,
        limit: int | None = None,
        ids: Iterable[int] | None = None,
    ) -> list[Interaction]:
        """Interactions newest first, filtered; each with its partners, tags, pillars, benefits."""
        where, params = [], []
        if partner_id is not None:
            where.append(
                "i.id IN (SELECT interaction_id FROM interaction_partners WHERE partner_id = ?)"
            )
            params.append(partner_id)
        if since is not None:
            where.append("i.occurred_at >= ?")
            params.append(since.isoformat())
        if until is not None:
            where.append("i.occurred_at < ?")
            params.append((until + timedelta(days=1)).isoformat())
        if kind is not None:
            where.append("i.kind = ?")
            params.append(kind)
        if tag is not None:
            where.append("i.id IN (SELECT interaction_id FROM interaction_tags WHERE tag = ?)")
            params.append(tag)
        if ids is not None:
            one_of("i.id", ids, where, params)
        sql = INTERACTION_SELECT + where_clause(where) + " ORDER BY i.occurred_at DESC, i.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [interaction_from_row(row) for row in self.conn.execute(sql, params)]

    def interactions_by_partner(
        self,
        partner_ids: list[int],
        *,
        since: date,
        until: date,
        include_private: bool = False,
    ) -> Iterator[tuple[int, Interaction]]:
        """(partner id, interaction) in range, streamed in ``partner_ids`` order, newest first.

        One query for any number of partners, for reports.
        """
        if not partner_ids:
            return
        # The caller's order (a CTE of positions) lets SQLite stream the rows.
        positions = ", ".join("(?, ?)" for _ in partner_ids)
        sql = (
            f"WITH wanted (pid, pos) AS (VALUES {positions}) "
            + INTERACTION_SELECT_COLUMNS
            # CROSS JOIN keeps SQLite to this order: each partner, then their
            # interactions in range from the (partner_id, occurred_at) index.
            + ", ip.partner_id AS for_partner FROM wanted"
            " CROSS JOIN interaction_partners ip ON ip.partner_id = wanted.pid"
            " JOIN interactions i ON i.id = ip.interaction_id"
            " WHERE ip.occurred_at >= ? AND ip.occurred_at < ?"
            + ("" if include_private else " AND i.private = 0")
            + " ORDER BY wanted.pos, i.occurred_at DESC, i.id DESC"
        )
        params = [value for n, pid in enumerate(partner_ids) for value in (pid, n)]
        params += [since.isoformat(), (until + timedelta(days=1)).isoformat()]
        for row in self.conn.execute(sql, params):
            yield row["for_partner"], interaction_from_row(row)

    def activity_counts(
        self, partner_ids: list[int], *, since: date, until: date, include_private: bool = False
    ) -> list[tuple[str, str, int]]:
        """(month "YYYY-MM", kind, interactions) for these partners in range."""
        if not partner_ids:
            return []
        placeholders = marks(partner_ids)
        rows = self.conn.execute(
            "SELECT substr(occurred_at, 1, 7), kind, count(*) FROM interactions"
            " WHERE occurred_at >= ? AND occurred_at < ?"
            + ("" if include_private else " AND private = 0")
            + " AND id IN (SELECT interaction_id FROM interaction_partners"
            f" WHERE partner_id IN ({placeholders})) GROUP BY 1, 2 ORDER BY 1, 2",
            [since.isoformat(), (until + timedelta(days=1)).isoformat(), *partner_ids],
        )
        return [(row[0], row[1], row[2]) for row in rows]

    def interaction(self, interaction_id: int) -> Interaction:
        found = self.interactions(ids=[interaction_id])
        if not found:
            raise NotFound(
                _("no entry with id {interaction_id}").format(interaction_id=interaction_id)
            )
        return found[0]

    def update_interaction(
        self,
        interaction_id: int,
        changes: dict,
        *,
        partner_ids: Iterable[int] | None = None,
        tags: Iterable[str] | None = None,
        pillars: Iterable[str] | None = None,
        benefits: Iterable[str] | None = None,
    ) -> Interaction:
        self.interaction(interaction_id)  # raises NotFound
        allowed = {"occurred_at", "kind", "setting", "tone", "note", "private"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"not interaction fields: {sorted(unknown)}")
        self._before_change("interactions", interaction_id)
        assignments = "".join(f"{column} = ?, " for column in changes)
        self.conn.execute(
            f"UPDATE interactions SET {assignments}updated_at = ? WHERE id = ?",
            [*changes.values(), timestamp(), interaction_id],
        )
        self._set_links(interaction_id, partner_ids, tags, pillars, benefits)
        return self.interaction(interaction_id)

    def moments_off_their_zone(self, where) -> list[tuple[int, str, str]]:
        """(id, stored moment, the moment corrected) of every entry whose offset
        ``where`` did not have on its date (`zones.corrected`): an entry from a
        calendar keeps its instant, any other its time of day."""
        from partnerlog.core.zones import corrected

        rows = self.conn.execute(
            "SELECT i.id, i.occurred_at, EXISTS (SELECT 1 FROM interaction_tags t"
            " WHERE t.interaction_id = i.id AND t.tag = 'calendar') FROM interactions i"
            " ORDER BY i.id"
        )
        found = []
        for entry_id, stored, from_calendar in rows:
            fixed = corrected(stored, where, keep_instant=bool(from_calendar))
            if fixed is not None:
                found.append((entry_id, stored, fixed))
        return found

    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag with how many entries carry it, the most used first."""
        return [
            (row[0], row[1])
            for row in self.conn.execute(
                "SELECT tag, count(*) FROM interaction_tags GROUP BY tag ORDER BY 2 DESC, 1"
            )
        ]

    def rename_tag(self, old: str, new: str) -> int:
        """Put ``new`` where ``old`` was (merging when an entry has both); how many entries."""
        ids = [
            row[0]
            for row in self.conn.execute(
                "SELECT interaction_id FROM interaction_tags WHERE tag = ?", [old]
            )
        ]
        self._before_changes("interactions", ids, tags_only=True)
        self.conn.execute(  # (one statement for them all: 1,500 entries in 10 ms)
            "UPDATE interactions SET updated_at = ?"
            " WHERE id IN (SELECT interaction_id FROM interaction_tags WHERE tag = ?)",
            [timestamp(), old],
        )
        self.conn.execute(
            "INSERT OR IGNORE INTO interaction_tags (interaction_id, tag)"
            " SELECT interaction_id, ? FROM interaction_tags WHERE tag = ?",
            [new, old],
        )
        self.conn.execute("DELETE FROM interaction_tags WHERE tag = ?", [old])
        return len(ids)

    def kind_used(self, kind: str) -> bool:
        """Whether any interaction has this kind (the links' covering index answers it)."""
        return (
            self.conn.execute(
                "SELECT 1 FROM interaction_partners WHERE kind = ? LIMIT 1", [kind]
            ).fetchone()
            is not None
            or self.conn.execute(
                "SELECT 1 FROM interactions WHERE kind = ? LIMIT 1", [kind]
            ).fetchone()
            is not None
        )

    def kind_counts(self) -> dict[str, int]:
        """How many interactions of each kind there are."""
        return dict(self.conn.execute("SELECT kind, count(*) FROM interactions GROUP BY kind"))

    def delete_interaction(self, interaction_id: int) -> None:
        self.interaction(interaction_id)  # raises NotFound
        self._before_change("interactions", interaction_id)
        self.watch_deletions()
        self.conn.execute("DELETE FROM interactions WHERE id = ?", [interaction_id])

    def _matching_ids(self, table: str, query: str, limit: int | None) -> list[int]:
        """Ids in ``table`` whose full-text index matches every word of ``query``, best first."""
        match = fts_query(query)
        if not match:
            return []
        sql = f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? ORDER BY rank"
        params: list = [match]
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return [row[0] for row in self.conn.execute(sql, params)]

    def search_goals(self, query: str, *, limit: int | None = None) -> list[Goal]:
        """Goals whose title or note matches every word of ``query``, best first."""
        ids = self._matching_ids("goals", query, limit)
        by_id = {g.id: g for g in self.goals(ids=ids)}
        return [by_id[i] for i in ids if i in by_id]

    def search(self, query: str, *, limit: int | None = None) -> list[Interaction]:
        """Interactions whose note matches every word of ``query`` (prefixes too), newest
        first, as the timeline lists them. (Ranking every match by relevance cost 41 ms
        for a word in 37,000 of 100,000 notes; this order costs 19.)"""
        match = fts_query(query)
        if not match:
            return []
        sql = (
            "SELECT id FROM interactions WHERE id IN"
            " (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH ?)"
            " ORDER BY occurred_at DESC, id DESC"
        )
        params: list = [match]
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        ids = [row[0] for row in self.conn.execute(sql, params)]
        by_id = {i.id: i for i in self.interactions(ids=ids)}
        return [by_id[i] for i in ids if i in by_id]


INTERACTION_SELECT_COLUMNS = """
SELECT i.id, i.uuid, i.occurred_at, i.kind, i.setting, i.tone, i.note, i.private, i.created_at,
  i.updated_at,
  (SELECT group_concat(p.handle, ',') FROM interaction_partners ip
     JOIN partners p ON p.id = ip.partner_id WHERE ip.interaction_id = i.id) AS partner_handles,
  (SELECT group_concat(tag, ',') FROM interaction_tags WHERE interaction_id = i.id) AS tag_list,
  i.pillar_mask, i.benefit_mask
"""
INTERACTION_SELECT = INTERACTION_SELECT_COLUMNS + "FROM interactions i\n"


def named(mask: int, names: tuple[str, ...]) -> list[str]:
    """The names whose bits ``mask`` sets, in their order (m003's masks, which
    triggers keep equal to the link tables: one column read instead of a lookup)."""
    return list(_named(mask, names))


@cache
def _named(mask: int, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for bit, name in enumerate(names) if mask >> bit & 1)


def interaction_from_row(row: sqlite3.Row) -> Interaction:
    return Interaction(
        id=row["id"],
        uuid=row["uuid"],
        occurred_at=row["occurred_at"],
        kind=row["kind"],
        setting=row["setting"],
        tone=row["tone"],
        note=row["note"],
        private=bool(row["private"]),
        created_at=row["created_at"],
        partners=split_values(row["partner_handles"]),
        tags=split_values(row["tag_list"]),
        pillars=named(row["pillar_mask"], PILLARS),
        benefits=named(row["benefit_mask"], BENEFITS),
    )


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word quoted (so AND, NEAR, quotes are just words), as a prefix."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)
