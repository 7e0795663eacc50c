"""The migrations that let journals merge and undo: change times, version stamps
and deletions (m005), sync bases and the clock (m009). Never edit one that
has shipped."""

from partnerlog.store.schema import (
    FOLLOW_UP_TABLES,
    LINK_TABLES,
    NOW_SQL,
    RECORD_TABLES,
    STAMPED_BY_TRIGGER,
)


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
