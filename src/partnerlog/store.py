"""The journal file: the only module that speaks SQL.

``Journal.open`` checks what the file is before touching it (not SQLite, not a
partnerlog journal, written by a newer partnerlog), creates it privately when
asked to, and applies pending migrations under SQLite's write lock so two
processes opening a brand-new journal at once both succeed. Every write goes
through ``Journal.transaction()``: one ``BEGIN IMMEDIATE`` transaction, so a
failed command changes nothing.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from partnerlog import migrations

# Only the light vocabulary at import time: `log` and `due` run on this module;
# the other records (models) are imported where they are built.
from partnerlog.domain import (
    BENEFITS,
    ME,
    PILLARS,
    Interaction,
    Partner,
    find_partner,
    fold,
    handle_candidates,
    visible,
)
from partnerlog.errors import (
    Conflict,
    JournalBusy,
    JournalMissing,
    NewerJournal,
    NotAJournal,
    NotFound,
)
from partnerlog.paths import create_private_file, ensure_private_folder

# Names for type hints only (annotations are not evaluated at run time).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from partnerlog.models import Goal, GoalUpdate, Trait

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 10.0

# The tables a CSV export writes, one file each.
EXPORT_TABLES = (
    "partners",
    "interactions",
    "interaction_partners",
    "interaction_tags",
    "interaction_pillars",
    "interaction_benefits",
    "goals",
    "goal_updates",
    "traits",
)

# The columns each record writes (its id is the table's).
PARTNER_FIELDS = tuple(field for field in Partner.__slots__ if field != "id")
INTERACTION_COLUMNS = (
    "uuid", "occurred_at", "kind", "setting", "tone", "note", "private", "created_at",
)  # fmt: skip
GOAL_COLUMNS = (
    "uuid", "partner_id", "owner", "title", "note", "due_on", "status", "progress",
    "created_at", "closed_at",
)  # fmt: skip
TRAIT_COLUMNS = ("uuid", "partner_id", "polarity", "area", "label", "note", "created_at")

# In the order of Partner's fields, so a row builds one positionally.
PARTNER_COLUMNS = ", ".join(Partner.__slots__)


def new_uuid() -> str:
    """A random (version 4) UUID as text, without importing the uuid module."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def timestamp() -> str:
    """When a record was created: UTC to the microsecond, so `undo` can order them."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def is_busy(error: sqlite3.OperationalError) -> bool:
    text = str(error)
    return "locked" in text or "busy" in text


class Journal:
    """An open journal file."""

    def __init__(self, path: str, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = False) -> Journal:
        """Open the journal at ``path``; with ``create``, make it if it is missing."""
        path = os.fspath(path)
        if os.path.isdir(path):
            raise NotAJournal(f"{path} is a folder, not a partnerlog journal")
        if not os.path.exists(path):
            if not create:
                raise JournalMissing(
                    f"there is no journal at {path} yet; "
                    "start one with: partnerlog partner add NAME"
                )
            ensure_private_folder(os.path.dirname(os.path.abspath(path)))
            create_private_file(path)
        elif not _looks_like_sqlite(path):
            raise NotAJournal(f"{path} is not a partnerlog journal (not an SQLite database)")
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        conn.row_factory = sqlite3.Row
        journal = cls(path, conn)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            # Reading through a memory map halves the time of the big queries.
            conn.execute("PRAGMA mmap_size = 268435456")
            journal._bring_schema_up_to_date()
        except sqlite3.OperationalError as error:
            conn.close()
            if is_busy(error):
                raise JournalBusy(f"the journal {path} is busy; try again in a moment") from None
            raise
        except sqlite3.DatabaseError:
            conn.close()
            raise NotAJournal(f"{path} is corrupt or not a partnerlog journal") from None
        except BaseException:
            conn.close()
            raise
        return journal

    def close(self) -> None:
        self.conn.close()

    def schema_state(self) -> tuple[list[str], list[str]]:
        """(applied migration names, pending names). Raises for files that are not ours."""
        try:
            rows = self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [migrations.MIGRATION_SET],
            ).fetchall()
        except sqlite3.OperationalError as error:
            if "no such table" not in str(error):
                raise
            rows = None
        if rows is None or not rows:
            tables = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
            if tables:
                raise NotAJournal(f"{self.path} is an SQLite database but not a partnerlog journal")
            return [], list(migrations.NAMES)
        applied = [row[0] for row in rows]
        unknown = [name for name in applied if name not in migrations.NAMES]
        if unknown:
            raise NewerJournal(
                f"{self.path} was written by a newer partnerlog "
                f"(schema {unknown[-1]}); upgrade partnerlog to open it"
            )
        return applied, [name for name in migrations.NAMES if name not in applied]

    def _bring_schema_up_to_date(self) -> None:
        _, pending = self.schema_state()
        if not pending:
            return
        self._use_wal()
        from sqlite_utils import Database

        # Take the write lock before looking again: another process may be
        # creating the same journal right now, and sqlite-utils' migrations
        # alone would race it to create the tables.
        with self.transaction():
            _, pending = self.schema_state()
            if pending:
                migrations.migrations().apply(Database(self.conn, execute_plugins=False))

    def _use_wal(self) -> None:
        """Switch the file to WAL, waiting out other processes opening it at the same moment.

        WAL lets readers and one writer work at once; it is a property of the
        file, so setting it once when the schema is created is enough. SQLite
        does not wait on its busy timeout for this switch, so we do.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL").fetchall()
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    # -- transactions ------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Journal]:
        """One ``BEGIN IMMEDIATE`` transaction: all of the block lands, or none of it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if is_busy(error):
                raise JournalBusy(
                    f"the journal {self.path} is busy; try again in a moment"
                ) from None
            raise
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _insert(self, table: str, record, columns: tuple[str, ...]) -> int:
        """Insert ``record``'s ``columns`` into ``table`` (giving it a uuid and a
        creation time when it has none); return the new row's id."""
        record.uuid = record.uuid or new_uuid()
        record.created_at = record.created_at or timestamp()
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(columns)})",
            [getattr(record, column) for column in columns],
        )
        return cursor.lastrowid

    # -- meta --------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    # -- partners ----------------------------------------------------------

    def partners(self, *, include_archived: bool = False) -> list[Partner]:
        where = "" if include_archived else "WHERE archived_at IS NULL"
        rows = self.conn.execute(f"SELECT {PARTNER_COLUMNS} FROM partners {where} ORDER BY handle")
        return [_partner(row) for row in rows]

    def partner(self, partner_id: int) -> Partner:
        row = self.conn.execute(
            f"SELECT {PARTNER_COLUMNS} FROM partners WHERE id = ?", [partner_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"no partner with id {partner_id}")
        return _partner(row)

    def named(self, *queries: str) -> list[Partner]:
        """The partners ``queries`` name, without repeats, by the rules of
        `domain.find_partner` (which raises for a name that matches nobody or
        several).

        An active partner's exact handle, the everyday case, is one indexed
        lookup; any other query loads every partner once.
        """
        found: dict[int, Partner] = {}
        everyone = None
        for query in queries:
            row = self.conn.execute(
                f"SELECT {PARTNER_COLUMNS} FROM partners WHERE handle = ? AND archived_at IS NULL",
                [query.lstrip("@")],
            ).fetchone()
            if row is not None:
                partner = _partner(row)
            else:
                if everyone is None:
                    everyone = self.partners(include_archived=True)
                partner = find_partner(everyone, query)
            found.setdefault(partner.id, partner)
        return list(found.values())

    def free_handle(self, name: str) -> str:
        """The first handle derived from ``name`` that nobody has yet."""
        taken = {row[0] for row in self.conn.execute("SELECT handle FROM partners")}
        return next(h for h in handle_candidates(name) if h not in taken)

    def add_partner(self, partner: Partner) -> Partner:
        if self._handle_owner(partner.handle) is not None:
            raise Conflict(f"the handle '{partner.handle}' is taken; choose another with --handle")
        partner.id = self._insert("partners", partner, PARTNER_FIELDS)
        return partner

    def update_partner(self, partner_id: int, changes: dict) -> Partner:
        allowed = {"handle", "name", "kind", "relation", "role", "org", "cadence_days", "notes"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"not partner fields: {sorted(unknown)}")
        if "handle" in changes:
            owner = self._handle_owner(changes["handle"])
            if owner is not None and owner != partner_id:
                raise Conflict(f"the handle '{changes['handle']}' is taken")
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            self.conn.execute(
                f"UPDATE partners SET {assignments} WHERE id = ?", [*changes.values(), partner_id]
            )
        return self.partner(partner_id)

    def set_archived(self, partner_id: int, archived: bool) -> Partner:
        self.conn.execute(
            "UPDATE partners SET archived_at = ? WHERE id = ?",
            [timestamp() if archived else None, partner_id],
        )
        return self.partner(partner_id)

    def partner_history(self, partner_id: int) -> int:
        """How many interactions, goals and traits refer to this partner."""
        return self.conn.execute(
            "SELECT (SELECT count(*) FROM interaction_partners WHERE partner_id = :id)"
            " + (SELECT count(*) FROM goals WHERE partner_id = :id)"
            " + (SELECT count(*) FROM traits WHERE partner_id = :id)",
            {"id": partner_id},
        ).fetchone()[0]

    def delete_partner(self, partner_id: int) -> None:
        """Delete a partner with no history; one with history can only be archived."""
        if self.partner_history(partner_id):
            raise Conflict(
                "this partner has interactions, goals or traits; archive them instead "
                "(partnerlog partner archive)"
            )
        self.conn.execute("DELETE FROM partners WHERE id = ?", [partner_id])

    def _handle_owner(self, handle: str) -> int | None:
        row = self.conn.execute("SELECT id FROM partners WHERE handle = ?", [handle]).fetchone()
        return row[0] if row else None

    def last_contacts(self) -> dict[int, str]:
        """partner id → occurred_at of the latest interaction with them (one index seek each)."""
        rows = self.conn.execute(
            "SELECT id, (SELECT max(occurred_at) FROM interaction_partners"
            " WHERE partner_id = partners.id) FROM partners"
        )
        return {row[0]: row[1] for row in rows if row[1] is not None}

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
    ) -> None:
        links = (
            ("interaction_partners", "partner_id", partner_ids),
            ("interaction_tags", "tag", tags),
            ("interaction_pillars", "pillar", pillars),
            ("interaction_benefits", "benefit", benefits),
        )
        for table, column, values in links:
            if values is None:
                continue
            self.conn.execute(f"DELETE FROM {table} WHERE interaction_id = ?", [interaction_id])
            self.conn.executemany(
                f"INSERT OR IGNORE INTO {table} (interaction_id, {column}) VALUES (?, ?)",
                [(interaction_id, value) for value in values],
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
            id_list = list(ids)
            where.append(f"i.id IN ({_marks(id_list)})")
            params.extend(id_list)
        sql = _INTERACTION_SELECT + _where(where) + " ORDER BY i.occurred_at DESC, i.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_interaction(row) for row in self.conn.execute(sql, params)]

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
            + _INTERACTION_COLUMNS
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
            yield row["for_partner"], _interaction(row)

    def activity_counts(
        self, partner_ids: list[int], *, since: date, until: date, include_private: bool = False
    ) -> list[tuple[str, str, int]]:
        """(month "YYYY-MM", kind, interactions) for these partners in range."""
        if not partner_ids:
            return []
        placeholders = _marks(partner_ids)
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
            raise NotFound(f"no entry with id {interaction_id}")
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
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            self.conn.execute(
                f"UPDATE interactions SET {assignments} WHERE id = ?",
                [*changes.values(), interaction_id],
            )
        self._set_links(interaction_id, partner_ids, tags, pillars, benefits)
        return self.interaction(interaction_id)

    def delete_interaction(self, interaction_id: int) -> None:
        self.interaction(interaction_id)  # raises NotFound
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
        """Interactions whose note matches every word of ``query`` (prefixes too), best first."""
        ids = self._matching_ids("interactions", query, limit)
        by_id = {i.id: i for i in self.interactions(ids=ids)}
        return [by_id[i] for i in ids if i in by_id]

    # -- goals -------------------------------------------------------------

    def add_goal(self, goal: Goal) -> Goal:
        goal.id = self._insert("goals", goal, GOAL_COLUMNS)
        return goal

    def goals(
        self,
        *,
        partner_id: int | None = None,
        include_closed: bool = False,
        closed_since: str | None = None,
        ids: Iterable[int] | None = None,
    ) -> list[Goal]:
        """Goals with their check-ins; open ones first, then by due date.

        ``closed_since`` adds goals closed on or after that ISO time to the open ones.
        """
        where, params = [], []
        if partner_id is not None:
            where.append("g.partner_id = ?")
            params.append(partner_id)
        if ids is not None:
            id_list = list(ids)
            where.append(f"g.id IN ({_marks(id_list)})")
            params.extend(id_list)
        elif not include_closed:
            if closed_since is not None:
                where.append("(g.status = 'open' OR g.closed_at >= ?)")
                params.append(closed_since)
            else:
                where.append("g.status = 'open'")
        sql = (
            "SELECT g.*, p.handle FROM goals g JOIN partners p ON p.id = g.partner_id"
            + _where(where)
            + " ORDER BY g.status != 'open', g.due_on IS NULL, g.due_on, g.id"
        )
        from partnerlog.models import Goal, GoalUpdate

        goals = [
            Goal(
                partner=row["handle"],
                **{k: row[k] for k in row.keys() if k != "handle"},  # noqa: SIM118
            )
            for row in self.conn.execute(sql, params)
        ]
        by_id = {goal.id: goal for goal in goals}
        if by_id:
            for row in self.conn.execute(
                f"SELECT goal_id, at, progress, note, uuid, created_at FROM goal_updates"
                f" WHERE goal_id IN ({_marks(by_id)}) ORDER BY at, id",
                list(by_id),
            ):
                by_id[row[0]].updates.append(GoalUpdate(*row[1:]))
        return goals

    def goal(self, goal_id: int) -> Goal:
        found = self.goals(ids=[goal_id])
        if not found:
            raise NotFound(f"no goal with id {goal_id} (see: partnerlog goal list --all)")
        return found[0]

    def add_goal_update(self, goal_id: int, update: GoalUpdate) -> Goal:
        """Record a dated check-in; a progress figure becomes the goal's progress."""
        self.conn.execute(
            "INSERT INTO goal_updates (uuid, goal_id, at, progress, note, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [new_uuid(), goal_id, update.at, update.progress, update.note, timestamp()],
        )
        if update.progress is not None:
            self.conn.execute(
                "UPDATE goals SET progress = ? WHERE id = ?", [update.progress, goal_id]
            )
        return self.goal(goal_id)

    def close_goal(self, goal_id: int, status: str, at: str) -> Goal:
        self.conn.execute(
            "UPDATE goals SET status = ?, closed_at = ?,"
            " progress = CASE WHEN ? = 'done' THEN 100 ELSE progress END WHERE id = ?",
            [status, at, status, goal_id],
        )
        return self.goal(goal_id)

    # -- traits --------------------------------------------------------------

    def add_trait(self, trait: Trait) -> Trait:
        trait.id = self._insert("traits", trait, TRAIT_COLUMNS)
        return trait

    def traits(
        self, *, partner_id: int | None = None, mine: bool = False, active_only: bool = True
    ) -> list[Trait]:
        """Traits, mine first, then by partner, polarity and area.

        ``mine`` limits to my own; ``partner_id`` to one partner's; archived
        partners' traits are left out unless ``active_only`` is False.
        """
        where, params = [], []
        if mine:
            where.append("t.partner_id IS NULL")
        elif partner_id is not None:
            where.append("t.partner_id = ?")
            params.append(partner_id)
        if active_only:
            where.append("(p.id IS NULL OR p.archived_at IS NULL)")
        sql = (
            "SELECT t.*, coalesce(p.handle, 'me') AS subject FROM traits t"
            " LEFT JOIN partners p ON p.id = t.partner_id"
            + _where(where)
            + " ORDER BY t.partner_id IS NOT NULL, subject, t.polarity, t.area"
        )
        from partnerlog.models import Trait

        return [
            Trait(**{k: row[k] for k in row.keys()})  # noqa: SIM118
            for row in self.conn.execute(sql, params)
        ]

    def trait(self, trait_id: int) -> Trait:
        row = self.conn.execute(
            "SELECT t.*, coalesce(p.handle, 'me') AS subject FROM traits t"
            " LEFT JOIN partners p ON p.id = t.partner_id WHERE t.id = ?",
            [trait_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no trait with id {trait_id} (see: partnerlog trait list)")
        from partnerlog.models import Trait

        return Trait(**{k: row[k] for k in row.keys()})  # noqa: SIM118

    def same_trait(self, partner_id: int | None, polarity: str, area: str) -> Trait | None:
        row = self.conn.execute(
            "SELECT id FROM traits WHERE partner_id IS ? AND polarity = ? AND area = ?",
            [partner_id, polarity, area],
        ).fetchone()
        return self.trait(row[0]) if row else None

    def remove_trait(self, trait_id: int) -> None:
        self.trait(trait_id)  # raises NotFound
        self.conn.execute("DELETE FROM traits WHERE id = ?", [trait_id])

    # -- what the health model needs ------------------------------------------

    def health_facts(self, since: datetime, *, partner_id: int | None = None) -> list:
        """Facts for every active partner (or one), in five queries whatever their number.

        ``since`` bounds the interactions loaded (the model's window, or more).
        """
        from partnerlog.health import CONTACT_CODE_SQL, Facts
        from partnerlog.models import complement_pairs

        partners = self.partners() if partner_id is None else [self.partner(partner_id)]
        facts = {p.id: Facts(partner=p) for p in partners}
        # For one partner, only their rows (through the (partner_id, occurred_at) index).
        selected = [] if partner_id is None else [partner_id]
        for row in self.conn.execute(
            # The count stops at 3: the model only asks "fewer than three?"
            "SELECT id, (SELECT max(occurred_at) FROM interaction_partners"
            "  WHERE partner_id = partners.id),"
            " (SELECT count(*) FROM (SELECT 1 FROM interaction_partners"
            "  WHERE partner_id = partners.id LIMIT 3)) FROM partners"
            + (" WHERE id = ?" if selected else ""),
            selected,
        ):
            if row[0] in facts and row[1] is not None:
                facts[row[0]].last_contact = datetime.fromisoformat(row[1])
                facts[row[0]].total_contacts = row[2]
        contacts = {key: found.contacts for key, found in facts.items()}
        plain = self.conn.cursor()
        plain.row_factory = None  # tuples: a contact is one, and they cost less than Rows
        for row in plain.execute(
            # For everyone, one covering index answers this (m004): no
            # interaction is visited. julianday() costs a fraction of strftime('%s').
            "SELECT partner_id,"
            " CAST(round((julianday(occurred_at) - 2440587.5) * 86400) AS INTEGER),"
            f" kind, {CONTACT_CODE_SQL} FROM interaction_partners WHERE occurred_at >= ?"
            + (" AND partner_id = ?" if selected else ""),
            [since.isoformat(), *selected],
        ):
            found = contacts.get(row[0])
            if found is not None:
                found.append(row[1:])  # a contact, as `health.contact` describes it
        for goal in self.goals(partner_id=partner_id, closed_since=since.isoformat()):
            if goal.partner_id in facts:
                facts[goal.partner_id].goals.append(goal)
        by_handle = {f.partner.handle: f for f in facts.values()}
        for pair in complement_pairs(self.traits()):
            for side in (pair.strong, pair.weak):
                if side in by_handle:
                    by_handle[side].pairs.append(pair)
        return list(facts.values())

    # -- export and import ----------------------------------------------------

    def export_partners(self) -> Iterator[dict]:
        rows = self.conn.execute(f"SELECT {PARTNER_COLUMNS} FROM partners ORDER BY id")
        for row in rows:
            partner = _partner(row)
            yield {
                **partner.to_json(),
                "notes": partner.notes,
                "created_at": partner.created_at,
                "archived_at": partner.archived_at,
            }

    def _partner_uuids(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT handle, uuid FROM partners"))

    def export_interactions(self, *, include_private: bool = True) -> Iterator[dict]:
        """Every interaction in the export shape (its JSON plus partner uuids and
        creation time), streamed oldest first."""
        uuids = self._partner_uuids()
        where = "" if include_private else " WHERE i.private = 0"
        for row in self.conn.execute(_INTERACTION_SELECT + where + " ORDER BY i.id"):
            interaction = _interaction(row)
            yield {
                **interaction.to_json(),
                "partner_uuids": [uuids[handle] for handle in interaction.partners],
                "created_at": interaction.created_at,
            }

    def export_goals(self) -> Iterator[dict]:
        """Every goal in the export shape: its JSON, check-ins with their uuids,
        and the partner's uuid."""
        uuids = self._partner_uuids()
        # In id order, so a journal imported from this file exports the same ids.
        for goal in sorted(self.goals(include_closed=True), key=lambda g: g.id):
            shown = goal.to_json()
            shown["updates"] = [
                {**u.to_json(), "uuid": u.uuid, "created_at": u.created_at} for u in goal.updates
            ]
            shown.update(
                partner_uuid=uuids[goal.partner],
                created_at=goal.created_at,
                closed_at=goal.closed_at,
            )
            yield shown

    def export_traits(self) -> Iterator[dict]:
        """Every trait in the export shape: its JSON, the partner's uuid (None for
        me) and its creation time."""
        uuids = self._partner_uuids()
        for trait in sorted(self.traits(active_only=False), key=lambda t: t.id):
            yield {
                **trait.to_json(),
                "partner_uuid": uuids.get(trait.subject) if trait.subject != ME else None,
                "created_at": trait.created_at,
            }

    def table_rows(self, table: str) -> tuple[list[str], Iterator[tuple]]:
        """(column names, rows) of one table, streamed, for CSV export."""
        if table not in EXPORT_TABLES:
            raise ValueError(f"not an exported table: {table}")
        cursor = self.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
        return [column[0] for column in cursor.description], iter(cursor)

    def public_rows(self, table: str, columns: list[str], rows: Iterator[tuple]) -> Iterator:
        """``rows`` of ``table`` without anything belonging to a private interaction."""
        private = {
            row[0] for row in self.conn.execute("SELECT id FROM interactions WHERE private = 1")
        }
        if not private:
            return rows
        if table == "interactions":
            key = columns.index("id")
        elif table.startswith("interaction_"):
            key = columns.index("interaction_id")
        else:
            return rows
        return (row for row in rows if row[key] not in private)

    def import_document(self, document: dict) -> dict:
        """Merge a validated export into this journal; call inside ``transaction()``.

        Records merge by uuid, so importing the same file twice adds nothing.
        A partner with a known uuid is the same partner; one whose handle is
        taken here by someone else with the same name is taken to be that
        person; a different person with a taken handle is imported under a
        free handle and reported.
        """
        from partnerlog.models import Goal, Trait

        added = dict.fromkeys(("partners", "interactions", "goals", "check_ins", "traits"), 0)
        skipped = dict.fromkeys(added, 0)
        notes: list[str] = []
        partner_ids: dict[str, int] = {}  # file uuid → id here
        for record in document["partners"]:
            row = self.conn.execute(
                "SELECT id FROM partners WHERE uuid = ?", [record["uuid"]]
            ).fetchone()
            if row:
                partner_ids[record["uuid"]] = row[0]
                skipped["partners"] += 1
                continue
            same_handle = self.conn.execute(
                "SELECT id, name FROM partners WHERE handle = ?", [record["handle"]]
            ).fetchone()
            if same_handle and fold(same_handle[1]) == fold(record["name"]):
                partner_ids[record["uuid"]] = same_handle[0]
                skipped["partners"] += 1
                notes.append(
                    f"partner '{record['handle']}' matched {visible(same_handle[1], one_line=True)}"
                    " here by handle and name"
                )
                continue
            handle = record["handle"]
            if same_handle:
                handle = self.free_handle(record["name"])
                notes.append(
                    f"partner '{record['handle']}' in the file "
                    f"({visible(record['name'], one_line=True)}) is someone else here "
                    f"({visible(same_handle[1], one_line=True)}); imported as '{handle}'"
                )
            partner = self.add_partner(
                Partner(
                    handle=handle,
                    name=record["name"],
                    kind=record["kind"],
                    relation=record["relation"],
                    role=record.get("role"),
                    org=record.get("org"),
                    cadence_days=record.get("cadence_days"),
                    notes=record.get("notes"),
                    uuid=record["uuid"],
                    created_at=record.get("created_at"),
                    archived_at=record.get("archived_at")
                    or (timestamp() if record.get("archived") else None),
                )
            )
            partner_ids[record["uuid"]] = partner.id
            added["partners"] += 1
        by_handle = {r["handle"]: r["uuid"] for r in document["partners"]}
        for record in document["interactions"]:
            if self._uuid_exists("interactions", record["uuid"]):
                skipped["interactions"] += 1
                continue
            uuids = record.get("partner_uuids") or [by_handle[h] for h in record["partners"]]
            self.add_interaction(
                Interaction(
                    occurred_at=record["occurred_at"],
                    kind=record["kind"],
                    setting=record.get("setting"),
                    tone=record.get("tone"),
                    note=record.get("note") or "",
                    private=bool(record.get("private")),
                    pillars=record.get("pillars") or [],
                    benefits=record.get("benefits") or [],
                    tags=record.get("tags") or [],
                    uuid=record["uuid"],
                    created_at=record.get("created_at"),
                ),
                [partner_ids[u] for u in uuids],
            )
            added["interactions"] += 1
        for record in document["goals"]:
            goal_row = self.conn.execute(
                "SELECT id FROM goals WHERE uuid = ?", [record["uuid"]]
            ).fetchone()
            if goal_row:
                goal_id = goal_row[0]
                skipped["goals"] += 1
            else:
                owner_uuid = record.get("partner_uuid") or by_handle[record["partner"]]
                goal_id = self.add_goal(
                    Goal(
                        partner=record["partner"],
                        partner_id=partner_ids[owner_uuid],
                        title=record["title"],
                        owner=record["owner"],
                        note=record.get("note"),
                        due_on=record.get("due_on"),
                        status=record["status"],
                        progress=record.get("progress") or 0,
                        uuid=record["uuid"],
                        created_at=record.get("created_at"),
                        closed_at=record.get("closed_at"),
                    )
                ).id
                added["goals"] += 1
            for update in record.get("updates") or []:
                if update.get("uuid") and self._uuid_exists("goal_updates", update["uuid"]):
                    skipped["check_ins"] += 1
                    continue
                self.conn.execute(
                    "INSERT INTO goal_updates (uuid, goal_id, at, progress, note, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        update.get("uuid") or new_uuid(),
                        goal_id,
                        update["at"],
                        update.get("progress"),
                        update.get("note"),
                        update.get("created_at") or timestamp(),
                    ],
                )
                added["check_ins"] += 1
        for record in document["traits"]:
            if self._uuid_exists("traits", record["uuid"]):
                skipped["traits"] += 1
                continue
            subject_uuid = record.get("partner_uuid")
            if subject_uuid is None and record["subject"] != ME:
                subject_uuid = by_handle[record["subject"]]
            partner_id = partner_ids[subject_uuid] if subject_uuid else None
            if self.same_trait(partner_id, record["polarity"], record["area"]):
                skipped["traits"] += 1
                continue
            self.add_trait(
                Trait(
                    subject=record["subject"],
                    partner_id=partner_id,
                    polarity=record["polarity"],
                    area=record["area"],
                    label=record["label"],
                    note=record.get("note"),
                    uuid=record["uuid"],
                    created_at=record.get("created_at"),
                )
            )
            added["traits"] += 1
        return {"added": added, "skipped": skipped, "notes": notes}

    def _uuid_exists(self, table: str, uuid: str) -> bool:
        return (
            self.conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", [uuid]).fetchone()
            is not None
        )

    # -- the record `undo` removes ------------------------------------------

    def latest_record(self) -> tuple[str, int] | None:
        """(table, id) of the most recently created record, or None in an empty journal."""
        row = self.conn.execute(
            "SELECT kind, id FROM ("
            " SELECT 'interactions' AS kind, id, created_at FROM interactions"
            " UNION ALL SELECT 'partners', id, created_at FROM partners"
            " UNION ALL SELECT 'goals', id, created_at FROM goals"
            " UNION ALL SELECT 'goal_updates', id, created_at FROM goal_updates"
            " UNION ALL SELECT 'traits', id, created_at FROM traits"
            ") ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
        return (row[0], row[1]) if row else None

    def remove_record(self, table: str, record_id: int) -> None:
        """Delete one record `latest_record` named (what `undo` does)."""
        if table == "interactions":
            self.delete_interaction(record_id)
        elif table == "partners":
            self.delete_partner(record_id)
        elif table == "goal_updates":
            goal_id = self.conn.execute(
                "SELECT goal_id FROM goal_updates WHERE id = ?", [record_id]
            ).fetchone()[0]
            self.conn.execute("DELETE FROM goal_updates WHERE id = ?", [record_id])
            # The goal's progress goes back to what the previous check-in said.
            self.conn.execute(
                "UPDATE goals SET progress = coalesce((SELECT progress FROM goal_updates"
                " WHERE goal_id = :goal AND progress IS NOT NULL ORDER BY at DESC, id DESC"
                " LIMIT 1), 0) WHERE id = :goal",
                {"goal": goal_id},
            )
        elif table in ("goals", "traits"):
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
        else:
            raise ValueError(f"cannot remove records from {table}")

    def describe_other(self, table: str, record_id: int) -> str:
        """A one-line description of a goal, check-in or trait (for `undo`)."""
        if table == "goals":
            row = self.conn.execute(
                "SELECT g.title, p.handle FROM goals g JOIN partners p ON p.id = g.partner_id"
                " WHERE g.id = ?",
                [record_id],
            ).fetchone()
            return f"goal #{record_id} with {row[1]}: {visible(row[0], one_line=True)}"
        if table == "goal_updates":
            row = self.conn.execute(
                "SELECT u.goal_id, u.progress, u.note FROM goal_updates u WHERE u.id = ?",
                [record_id],
            ).fetchone()
            progress = f" {row[1]}%" if row[1] is not None else ""
            return f"check-in on goal #{row[0]}{progress}: {visible(row[2] or '', one_line=True)}"
        row = self.conn.execute(
            "SELECT t.polarity, t.label, coalesce(p.handle, 'me') FROM traits t"
            " LEFT JOIN partners p ON p.id = t.partner_id WHERE t.id = ?",
            [record_id],
        ).fetchone()
        return f"{row[0]} #{record_id} of {row[2]}: {visible(row[1], one_line=True)}"

    # -- health of the file --------------------------------------------------

    def check(self) -> dict:
        """Integrity, foreign keys and schema state, as plain data."""
        integrity = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        foreign = [tuple(row) for row in self.conn.execute("PRAGMA foreign_key_check")]
        applied, pending = self.schema_state()
        counts = {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("partners", "interactions", "goals", "traits")
        }
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        return {
            "path": str(self.path),
            "integrity": integrity,
            "foreign_key_problems": len(foreign),
            "migrations_applied": applied,
            "migrations_pending": pending,
            "journal_mode": mode,
            "counts": counts,
            "ok": integrity == ["ok"] and not foreign and not pending,
        }

    def backup(self, destination: str | os.PathLike) -> None:
        """A consistent copy through SQLite's backup API, written 0600 and atomically."""
        destination = os.fspath(destination)
        folder, name = os.path.split(destination)
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
        create_private_file(temporary)
        try:
            target = sqlite3.connect(temporary)
            try:
                self.conn.backup(target)
                # A standalone copy: one file, no -wal beside it.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
            os.replace(temporary, destination)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise


_INTERACTION_COLUMNS = """
SELECT i.id, i.uuid, i.occurred_at, i.kind, i.setting, i.tone, i.note, i.private, i.created_at,
  (SELECT group_concat(p.handle, ',') FROM interaction_partners ip
     JOIN partners p ON p.id = ip.partner_id WHERE ip.interaction_id = i.id) AS partner_handles,
  (SELECT group_concat(tag, ',') FROM interaction_tags WHERE interaction_id = i.id) AS tag_list,
  (SELECT group_concat(pillar, ',') FROM interaction_pillars
     WHERE interaction_id = i.id) AS pillar_list,
  (SELECT group_concat(benefit, ',') FROM interaction_benefits
     WHERE interaction_id = i.id) AS benefit_list
"""
_INTERACTION_SELECT = _INTERACTION_COLUMNS + "FROM interactions i\n"


def _marks(values) -> str:
    """One ``?`` per value, for ``IN (…)`` and ``VALUES (…)``; ``NULL`` for none (matches nothing)."""
    return ", ".join("?" * len(values)) or "NULL"


def _where(conditions: list[str]) -> str:
    """A WHERE clause joining ``conditions`` with AND, or nothing."""
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _split(value: str | None) -> list[str]:
    return sorted(value.split(",")) if value else []


def _interaction(row: sqlite3.Row) -> Interaction:
    pillars = set(_split(row["pillar_list"]))
    benefits = set(_split(row["benefit_list"]))
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
        partners=_split(row["partner_handles"]),
        tags=_split(row["tag_list"]),
        pillars=[p for p in PILLARS if p in pillars],
        benefits=[b for b in BENEFITS if b in benefits],
    )


def _partner(row: sqlite3.Row) -> Partner:
    return Partner(*row)


def _read_only(path: str | os.PathLike) -> sqlite3.Connection:
    from pathlib import Path

    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def complete_areas(path: str | os.PathLike, prefix: str, limit: int = 200) -> list[tuple[str, str]]:
    """(area label, "strength"/"weakness") already in the journal, for shell completion."""
    if not os.path.isfile(path):
        return []
    try:
        conn = _read_only(path)
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
        conn = _read_only(path)
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


def _looks_like_sqlite(path: str) -> bool:
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    # A prefix (or zeros) counts too: another process may be writing a brand-new
    # journal's first page at this very moment (a short read, seen in the race
    # test). SQLite's own check ("file is not a database") still applies after.
    return SQLITE_MAGIC.startswith(header) or not header.strip(b"\x00")


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word quoted (so AND, NEAR, quotes are just words), as a prefix."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)
