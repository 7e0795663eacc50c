"""The journal's schema, as sqlite-utils Migrations. Append-only.

Never edit a migration that has shipped: add the next one to ``STEPS``.
This module imports sqlite-utils only when migrations are actually applied,
so opening an up-to-date journal stays cheap.
"""

from collections.abc import Callable

MIGRATION_SET = "partnerlog"


def m001_initial(db) -> None:
    from partnerlog.store.initial_schema import INITIAL_SCHEMA

    db.executescript(INITIAL_SCHEMA)
    # Accent-insensitive search: "jose" finds "José".
    tokenize = "unicode61 remove_diacritics 2"
    db["interactions"].enable_fts(["note"], create_triggers=True, tokenize=tokenize)
    db["goals"].enable_fts(["title", "note"], create_triggers=True, tokenize=tokenize)


def m002_contact_dates(db) -> None:
    """Each partner's interactions by date, straight from an index.

    "When did I last see Sari" and "who did I see this quarter" are asked on
    every dashboard; with the date copied onto the interaction↔partner link,
    an index answers them without reading every interaction. Triggers keep the
    copy right, whoever writes the file.
    """
    db.executescript(
        """
        ALTER TABLE interaction_partners ADD COLUMN occurred_at TEXT;
        UPDATE interaction_partners SET occurred_at =
            (SELECT occurred_at FROM interactions WHERE id = interaction_id);
        CREATE INDEX interaction_partners_when ON interaction_partners (partner_id, occurred_at);
        CREATE INDEX interaction_partners_recent ON interaction_partners (occurred_at);
        CREATE TRIGGER interaction_partners_date AFTER INSERT ON interaction_partners
        WHEN NEW.occurred_at IS NULL BEGIN
            UPDATE interaction_partners
            SET occurred_at = (SELECT occurred_at FROM interactions WHERE id = NEW.interaction_id)
            WHERE interaction_id = NEW.interaction_id AND partner_id = NEW.partner_id;
        END;
        CREATE TRIGGER interactions_date_follows AFTER UPDATE OF occurred_at ON interactions
        BEGIN
            UPDATE interaction_partners SET occurred_at = NEW.occurred_at
            WHERE interaction_id = NEW.id;
        END;
        """
    )


def _bit(column: str, values: tuple[str, ...]) -> str:
    """SQL for the bit of ``column``'s value: 'bond' → (1 << 1)."""
    cases = " ".join(f"WHEN '{value}' THEN {n}" for n, value in enumerate(values))
    return f"(1 << CASE {column} {cases} END)"


def m003_interaction_masks(db) -> None:
    """Each interaction's pillars and benefits as bits on the interaction itself.

    The link tables stay the truth (and what Datasette users query); the masks
    let the dashboard read tens of thousands of interactions without two
    lookups for each. Bit n is PILLARS[n] / BENEFITS[n]; triggers keep them right.
    """
    pillars = ("communication", "bond", "understanding", "goals", "complement")
    benefits = ("productivity", "network", "growth", "wellbeing", "environment")
    statements = [
        "ALTER TABLE interactions ADD COLUMN pillar_mask INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE interactions ADD COLUMN benefit_mask INTEGER NOT NULL DEFAULT 0",
    ]
    for table, column, values, mask in (
        ("interaction_pillars", "pillar", pillars, "pillar_mask"),
        ("interaction_benefits", "benefit", benefits, "benefit_mask"),
    ):
        statements += [
            f"UPDATE interactions SET {mask} = coalesce((SELECT sum({_bit(column, values)})"
            f" FROM {table} WHERE interaction_id = interactions.id), 0)",
            f"CREATE TRIGGER {table}_mask_add AFTER INSERT ON {table} BEGIN"
            f" UPDATE interactions SET {mask} = {mask} | {_bit('NEW.' + column, values)}"
            " WHERE id = NEW.interaction_id; END",
            f"CREATE TRIGGER {table}_mask_remove AFTER DELETE ON {table} BEGIN"
            f" UPDATE interactions SET {mask} = {mask} & ~{_bit('OLD.' + column, values)}"
            " WHERE id = OLD.interaction_id; END",
        ]
    for statement in statements:
        db.execute(statement)


# What each interaction↔partner link copies from its interaction (m004).
LINK_COPIES = ("occurred_at", "kind", "setting", "tone", "pillar_mask", "benefit_mask")


def m004_link_copies(db) -> None:
    """Each link carries what the dashboard reads of its interaction.

    The dashboard reads every interaction of the last 90 days for every
    partner; with the kind, setting, tone and masks beside the date on the
    link, one covering index answers it without visiting the interactions
    (tens of thousands of lookups). Triggers keep the copies equal to the
    interaction: when a link is made, and whenever one of them changes.
    """
    columns = ", ".join(LINK_COPIES)
    copy = f"({columns}) = (SELECT {columns} FROM interactions WHERE id = interaction_id)"
    statements = [
        "ALTER TABLE interaction_partners ADD COLUMN kind TEXT",
        "ALTER TABLE interaction_partners ADD COLUMN setting TEXT",
        "ALTER TABLE interaction_partners ADD COLUMN tone INTEGER",
        "ALTER TABLE interaction_partners ADD COLUMN pillar_mask INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE interaction_partners ADD COLUMN benefit_mask INTEGER NOT NULL DEFAULT 0",
        f"UPDATE interaction_partners SET {copy}",
        # m002's triggers copied the date only; these copy everything.
        "DROP TRIGGER interaction_partners_date",
        "DROP TRIGGER interactions_date_follows",
        "CREATE TRIGGER interaction_partners_copy AFTER INSERT ON interaction_partners BEGIN"
        f" UPDATE interaction_partners SET {copy}"
        " WHERE interaction_id = NEW.interaction_id AND partner_id = NEW.partner_id"
        " AND EXISTS (SELECT 1 FROM interactions WHERE id = NEW.interaction_id); END",
        f"CREATE TRIGGER interactions_copies_follow AFTER UPDATE OF {columns} ON interactions"
        f" BEGIN UPDATE interaction_partners SET ({columns}) = "
        f"({', '.join('NEW.' + column for column in LINK_COPIES)})"
        " WHERE interaction_id = NEW.id; END",
        "DROP INDEX interaction_partners_recent",
        "CREATE INDEX interaction_partners_recent ON interaction_partners"
        f" (occurred_at, partner_id, {', '.join(LINK_COPIES[1:])})",
    ]
    for statement in statements:
        db.execute(statement)


# The records people refer to by id, and whose changes and deletions a merge must see.
RECORD_TABLES = ("partners", "interactions", "goals", "goal_updates", "traits")
LINK_TABLES = (
    "interaction_partners",
    "interaction_tags",
    "interaction_pillars",
    "interaction_benefits",
)
# What another program may change in a record without stamping `updated_at`;
# a trigger stamps it. (Not for interactions and goals: their full-text index
# is kept by sqlite-utils' triggers, and an update made from inside a trigger
# on the same table can run before the index has seen the first one, which
# corrupts it. partnerlog stamps every change it makes itself.)
STAMPED_BY_TRIGGER = {
    "partners": "handle, name, kind, relation, role, org, cadence_days, notes, archived_at",
    "goal_updates": "at, progress, note",
    "traits": "partner_id, polarity, area, label, note",
}
# The time in SQL, in the shape Python writes it (UTC, microseconds, offset).
NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now')"


def _never_reuse_ids(db, table: str) -> None:
    """Rebuild ``table`` with AUTOINCREMENT, keeping every row, id, index and trigger.

    SQLite cannot add AUTOINCREMENT to a table; this is its documented way of
    changing a table's definition (create, copy, drop, rename), run with
    foreign keys off by the caller so the drop deletes no linked row.
    """
    create = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()[0]
    dependents = [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
            " AND sql IS NOT NULL",
            [table],
        )
    ]
    rebuilt = create.replace("id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1)
    rebuilt = rebuilt.replace(f"CREATE TABLE {table} ", f"CREATE TABLE {table}_rebuilt ", 1)
    columns = ", ".join(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
    db.execute(rebuilt)
    db.execute(f"INSERT INTO {table}_rebuilt ({columns}) SELECT {columns} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    for statement in dependents:
        db.execute(statement)


def m005_changes_and_deletions(db) -> None:
    """Every record knows when it last changed, a deletion leaves a tombstone, ids are
    never reused, and links go with their records whichever program deletes them.
    (A record another program inserts without `updated_at` counts as changed
    when it was created.)

    A merge tells new, changed, deleted and unchanged records apart by these
    (`updated_at`, `tombstones`); `undo` restores a deleted record under its
    own id, which no later record can have taken. Triggers keep all of it
    right for any client: `sqlite3` and `sqlite-utils` leave foreign keys off,
    so a deletion there used to leave its links (and the dashboard's counts) behind.
    """
    db.execute("PRAGMA legacy_alter_table = ON")
    for table in RECORD_TABLES:
        _never_reuse_ids(db, table)
    db.execute("PRAGMA legacy_alter_table = OFF")
    statements = [f"ALTER TABLE {table} ADD COLUMN updated_at TEXT" for table in RECORD_TABLES]
    statements += [
        "UPDATE partners SET updated_at = max(created_at, coalesce(archived_at, ''))",
        "UPDATE interactions SET updated_at = created_at",
        "UPDATE goal_updates SET updated_at = created_at",
        "UPDATE traits SET updated_at = created_at",
        "UPDATE goals SET updated_at = max(created_at, coalesce(closed_at, ''),"
        " coalesce((SELECT max(created_at) FROM goal_updates WHERE goal_id = goals.id), ''))",
        # Which journal this is, when it meets its copies on other devices.
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('journal_id', lower(hex(randomblob(16))))",
        "CREATE TABLE tombstones (uuid TEXT PRIMARY KEY, kind TEXT NOT NULL,"
        " deleted_at TEXT NOT NULL) WITHOUT ROWID",
        "CREATE TABLE actions (id INTEGER PRIMARY KEY AUTOINCREMENT, command TEXT NOT NULL,"
        " at TEXT NOT NULL, undone_at TEXT)",
        "CREATE TABLE action_changes (action_id INTEGER NOT NULL REFERENCES actions (id)"
        " ON DELETE CASCADE, seq INTEGER NOT NULL, kind TEXT NOT NULL, uuid TEXT NOT NULL,"
        " before TEXT, PRIMARY KEY (action_id, seq)) WITHOUT ROWID",
        # Links go with their interaction, goal or partner, foreign keys on or off.
        "CREATE TRIGGER interactions_links_go AFTER DELETE ON interactions BEGIN "
        + " ".join(f"DELETE FROM {link} WHERE interaction_id = OLD.id;" for link in LINK_TABLES)
        + " END",
        "CREATE TRIGGER goals_check_ins_go AFTER DELETE ON goals BEGIN"
        " DELETE FROM goal_updates WHERE goal_id = OLD.id; END",
        "CREATE TRIGGER partners_history_goes AFTER DELETE ON partners BEGIN"
        " DELETE FROM interaction_partners WHERE partner_id = OLD.id;"
        " DELETE FROM goals WHERE partner_id = OLD.id;"
        " DELETE FROM traits WHERE partner_id = OLD.id; END",
    ]
    for table, columns in STAMPED_BY_TRIGGER.items():
        # Only a real change that came without a new time: partnerlog's own
        # writes (a merge putting back a record as it was) pass untouched.
        changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns.split(", "))
        statements.append(
            f"CREATE TRIGGER {table}_touched AFTER UPDATE OF {columns} ON {table}"
            f" WHEN NEW.updated_at IS OLD.updated_at AND ({changed}) BEGIN"
            f" UPDATE {table} SET updated_at = {NOW_SQL} WHERE id = NEW.id; END"
        )
    for table in RECORD_TABLES:
        statements += [
            f"CREATE TRIGGER {table}_tombstone AFTER DELETE ON {table} BEGIN"
            f" INSERT OR REPLACE INTO tombstones (uuid, kind, deleted_at)"
            f" VALUES (OLD.uuid, '{table}', {NOW_SQL}); END",
            f"CREATE TRIGGER {table}_alive AFTER INSERT ON {table} BEGIN"
            " DELETE FROM tombstones WHERE uuid = NEW.uuid; END",
        ]
    for statement in statements:
        db.execute(statement)


def m006_partner_emails(db) -> None:
    """Partners' email addresses: how a calendar's attendees and a vCard find them.

    An address belongs to one partner (case-insensitive); it goes with its
    partner whichever program deletes them.
    """
    for statement in (
        "CREATE TABLE partner_emails (partner_id INTEGER NOT NULL REFERENCES partners (id)"
        " ON DELETE CASCADE, email TEXT NOT NULL COLLATE NOCASE UNIQUE,"
        " PRIMARY KEY (partner_id, email)) WITHOUT ROWID",
        "CREATE TRIGGER partners_emails_go AFTER DELETE ON partners BEGIN"
        " DELETE FROM partner_emails WHERE partner_id = OLD.id; END",
    ):
        db.execute(statement)


def m007_goals_of_my_own(db) -> None:
    """A goal may be mine alone (no partner): goals.partner_id may be empty.

    SQLite cannot loosen a column, so the table is rebuilt as m005 rebuilt the
    record tables (foreign keys are off while migrating), keeping every row,
    id, index and trigger.
    """
    create = db.execute("SELECT sql FROM sqlite_master WHERE name = 'goals'").fetchone()[0]
    dependents = [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'goals'"
            " AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        )
    ]
    rebuilt = create.replace(
        "partner_id INTEGER NOT NULL REFERENCES partners (id)",
        "partner_id INTEGER REFERENCES partners (id)",
        1,
    ).replace('CREATE TABLE "goals"', "CREATE TABLE goals_rebuilt", 1)
    rebuilt = rebuilt.replace("CREATE TABLE goals ", "CREATE TABLE goals_rebuilt ", 1)
    columns = ", ".join(row[1] for row in db.execute("PRAGMA table_info(goals)"))
    db.execute("PRAGMA legacy_alter_table = ON")
    db.execute(rebuilt)
    db.execute(f"INSERT INTO goals_rebuilt ({columns}) SELECT {columns} FROM goals")
    db.execute("DROP TABLE goals")
    db.execute("ALTER TABLE goals_rebuilt RENAME TO goals")
    db.execute("PRAGMA legacy_alter_table = OFF")
    for statement in dependents:
        db.execute(statement)


# The records m008 adds (kept apart from RECORD_TABLES, which m005 applied).
FOLLOW_UP_TABLES = ("follow_ups", "partner_dates")


def m008_follow_ups_pauses_and_dates(db) -> None:
    """What to bring next time, pauses, and the dates that matter to people.

    - ``follow_ups``: a topic to raise with a partner or a promise, owned by
      ``me`` or the ``partner``, with an optional due day; closed when done,
      ``closed_in`` naming the interaction (by uuid) where it was settled.
    - ``partner_dates``: a birthday, an anniversary, a return from leave: a
      month and day, the year when known, yearly or once.
    - ``partners.paused_until`` and ``pause_reason``: someone away (leave, a
      project elsewhere) is not due until that day.

    Both tables are records like the others: uuids, change times, tombstones,
    ids never reused, and they go with their partner whichever program deletes them.
    """
    statements = [
        "CREATE TABLE follow_ups (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " uuid TEXT NOT NULL UNIQUE,"
        " partner_id INTEGER NOT NULL REFERENCES partners (id),"
        " type TEXT NOT NULL CHECK (type IN ('raise', 'promise')),"
        " owner TEXT NOT NULL CHECK (owner IN ('me', 'partner')),"
        " text TEXT NOT NULL,"
        " due_on TEXT,"
        " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),"
        " closed_at TEXT,"
        " closed_in TEXT,"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT)",
        # `log` lists a partner's open items after every entry: one index seek.
        "CREATE INDEX follow_ups_open ON follow_ups (partner_id, status)",
        "CREATE TABLE partner_dates (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " uuid TEXT NOT NULL UNIQUE,"
        " partner_id INTEGER NOT NULL REFERENCES partners (id),"
        " label TEXT NOT NULL,"
        " month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
        " day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),"
        " year INTEGER,"
        " yearly INTEGER NOT NULL DEFAULT 0 CHECK (yearly IN (0, 1)),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT)",
        "CREATE INDEX partner_dates_partner ON partner_dates (partner_id)",
        "ALTER TABLE partners ADD COLUMN paused_until TEXT",
        "ALTER TABLE partners ADD COLUMN pause_reason TEXT",
        "CREATE TRIGGER partners_follow_ups_go AFTER DELETE ON partners BEGIN"
        " DELETE FROM follow_ups WHERE partner_id = OLD.id;"
        " DELETE FROM partner_dates WHERE partner_id = OLD.id; END",
    ]
    # (Not follow_ups: it has a full-text index; see STAMPED_BY_TRIGGER.)
    stamped = {
        "partner_dates": "partner_id, label, month, day, year, yearly",
        "partners": "paused_until, pause_reason",
    }
    for table, columns in stamped.items():
        changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns.split(", "))
        name = f"{table}_touched" if table != "partners" else "partners_pause_touched"
        statements.append(
            f"CREATE TRIGGER {name} AFTER UPDATE OF {columns} ON {table}"
            f" WHEN NEW.updated_at IS OLD.updated_at AND ({changed}) BEGIN"
            f" UPDATE {table} SET updated_at = {NOW_SQL} WHERE id = NEW.id; END"
        )
    for table in FOLLOW_UP_TABLES:
        statements += [
            f"CREATE TRIGGER {table}_tombstone AFTER DELETE ON {table} BEGIN"
            f" INSERT OR REPLACE INTO tombstones (uuid, kind, deleted_at)"
            f" VALUES (OLD.uuid, '{table}', {NOW_SQL}); END",
            f"CREATE TRIGGER {table}_alive AFTER INSERT ON {table} BEGIN"
            " DELETE FROM tombstones WHERE uuid = NEW.uuid; END",
        ]
    for statement in statements:
        db.execute(statement)
    db["follow_ups"].enable_fts(
        ["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


def m009_sync_bases_and_clock(db) -> None:
    """Merges that clocks cannot fool.

    - ``sync_bases``: for each other journal (``source``), each record as its
      file last had it (a digest to compare, and the content, for merging
      field by field). What changed since then decides a merge, not whose
      wall clock is later.
    - ``versions``: which versions each record's current version has seen (a
      version vector: for each journal, the stamp of its latest change this
      version includes), kept for records a merge has touched; a record
      changed here since (its ``updated_at`` is not the row's ``stamp``)
      adds this journal's own change. A version that has seen the other
      side's replaces it without a conflict; one that has not is concurrent.
    - ``meta.clock``: the newest change stamp this journal has made or seen;
      new stamps are never behind it (a hybrid logical clock), so an edit
      made after a merge sorts after everything that merge brought in.

    The stamps m005 kept per source (``merge_base:…``, wall-clock times) go:
    nothing reads them any more.
    """
    stamps = " UNION ALL ".join(
        f"SELECT max(updated_at) AS stamp FROM {table}"
        for table in (*RECORD_TABLES, *FOLLOW_UP_TABLES)
    )
    for statement in (
        "CREATE TABLE sync_bases (source TEXT NOT NULL, uuid TEXT NOT NULL,"
        " digest TEXT NOT NULL, content TEXT NOT NULL,"
        " PRIMARY KEY (source, uuid)) WITHOUT ROWID",
        "CREATE TABLE versions (uuid TEXT PRIMARY KEY, stamp TEXT NOT NULL, seen TEXT NOT NULL)"
        " WITHOUT ROWID",
        "INSERT OR REPLACE INTO meta (key, value) SELECT 'clock', max(stamp) FROM"
        f" ({stamps} UNION ALL SELECT max(deleted_at) FROM tombstones) WHERE stamp IS NOT NULL"
        " HAVING max(stamp) IS NOT NULL",
        "DELETE FROM meta WHERE key LIKE 'merge\\_base:%' ESCAPE '\\'",
    ):
        db.execute(statement)


def m010_private_entries_index(db) -> None:
    """An index of the entries logged private: a report that leaves them out looks
    them up instead of reading every entry, three times (57 ms of a one-partner
    report on a journal of 100,000 entries)."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS interactions_private ON interactions (id) WHERE private = 1"
    )


# The full-text indexes and the columns each holds (m001, m008).
FULL_TEXT_COLUMNS = (("interactions", ("note",)), ("goals", ("title", "note")),
                     ("follow_ups", ("text",)))  # fmt: skip


def m011_full_text_on_text_changes(db) -> None:
    """Re-index a record's text only when its text changes. The update triggers
    sqlite-utils made fire on any change: a pillar logged (its mask trigger
    touches the entry), `updated_at` set by a tag rename, a goal's progress —
    each deleted and re-added the note in the index."""
    for table, columns in FULL_TEXT_COLUMNS:
        names = ", ".join(f'"{column}"' for column in columns)
        old = ", ".join(f'old."{column}"' for column in columns)
        new = ", ".join(f'new."{column}"' for column in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(
            f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {names} ON "{table}" BEGIN\n'
            f'  INSERT INTO "{table}_fts" ("{table}_fts", rowid, {names})'
            f" VALUES('delete', old.rowid, {old});\n"
            f'  INSERT INTO "{table}_fts" (rowid, {names}) VALUES (new.rowid, {new});\n'
            "END"
        )


# Every migration, in order. The names are recorded in the journal file;
# a file that has applied a name missing here was written by a newer partnerlog.
STEPS: tuple[tuple[str, Callable], ...] = (
    ("m001_initial", m001_initial),
    ("m002_contact_dates", m002_contact_dates),
    ("m003_interaction_masks", m003_interaction_masks),
    ("m004_link_copies", m004_link_copies),
    ("m005_changes_and_deletions", m005_changes_and_deletions),
    ("m006_partner_emails", m006_partner_emails),
    ("m007_goals_of_my_own", m007_goals_of_my_own),
    ("m008_follow_ups_pauses_and_dates", m008_follow_ups_pauses_and_dates),
    ("m009_sync_bases_and_clock", m009_sync_bases_and_clock),
    ("m010_private_entries_index", m010_private_entries_index),
    ("m011_full_text_on_text_changes", m011_full_text_on_text_changes),
)
NAMES = tuple(name for name, _ in STEPS)


def migrations():
    """The sqlite-utils ``Migrations`` set for the journal."""
    from sqlite_utils.migrations import Migrations

    migration_set = Migrations(MIGRATION_SET)
    for name, step in STEPS:
        migration_set(name=name)(step)
    return migration_set
