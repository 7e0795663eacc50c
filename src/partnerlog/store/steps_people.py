"""The migrations of what is kept about people: their email addresses (m006),
goals of my own (m007), follow-ups, pauses and dates (m008), phone numbers
(m013), my open promises by due day (m016). Never edit one that has shipped."""

from partnerlog.store.schema import FOLLOW_UP_TABLES, NOW_SQL


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


def m013_partner_phones(db) -> None:
    """Partners' phone numbers: how a chat export's senders shown as numbers
    find them. A number is known by its last nine digits (``tail``: "+62
    812-3456-7890" and "0812 3456 7890" are one number) and belongs to one
    partner; it goes with its partner whichever program deletes them.
    """
    for statement in (
        "CREATE TABLE partner_phones (partner_id INTEGER NOT NULL REFERENCES partners (id)"
        " ON DELETE CASCADE, phone TEXT NOT NULL, tail TEXT NOT NULL UNIQUE,"
        " PRIMARY KEY (partner_id, tail)) WITHOUT ROWID",
        "CREATE TRIGGER partners_phones_go AFTER DELETE ON partners BEGIN"
        " DELETE FROM partner_phones WHERE partner_id = OLD.id; END",
    ):
        db.execute(statement)


def m016_my_open_promises(db) -> None:
    """My open promises by due day, in an index of their own (partial: only
    they are in it). `due`, `agenda` and the dashboard ask which are late; the
    follow-ups were read whole for it (5,000 of them: 3 ms of a 40 ms `due`)."""
    db.execute(
        "CREATE INDEX follow_ups_my_promises ON follow_ups (due_on)"
        " WHERE type = 'promise' AND owner = 'me' AND status = 'open'"
    )
