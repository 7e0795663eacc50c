"""The migrations of the entries and their indexes: contact dates on the links
(m002), pillar and benefit masks (m003), the links' copies of their entry
(m004), private entries indexed (m010), full-text indexes kept on text changes
(m011), each partner's tones by date (m012), each partner's last contact
(m014), each partner's links by instant (m015). Never edit one that has shipped."""

from partnerlog.store.schema import FULL_TEXT_COLUMNS, LINK_COPIES


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


def m010_private_entries_index(db) -> None:
    """An index of the entries logged private: a report that leaves them out looks
    them up instead of reading every entry, three times (57 ms of a one-partner
    report on a journal of 100,000 entries)."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS interactions_private ON interactions (id) WHERE private = 1"
    )


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


def m012_tones_by_partner(db) -> None:
    """Each partner's interactions by date with their tone, from one index.

    The dashboard orders every partnership by what its last contacts and tones
    say, and scores in full only those it may show: with the tone in the index,
    where each partner stands is read without visiting an interaction. It
    replaces the (partner_id, occurred_at) index it extends."""
    db.execute(
        "CREATE INDEX interaction_partners_tones ON interaction_partners"
        " (partner_id, occurred_at, tone)"
    )
    db.execute("DROP INDEX interaction_partners_when")


def m014_last_contacts(db) -> None:
    """Each partner's last contact, kept by triggers as their links change.

    `due` and `agenda` ask every partner when they were last in touch: one
    index seek each, over a thousand partners, read most of the links' index
    from disk on every call. The roll-up answers it from a table of one row a
    partner. A link added, or moved later, can only raise the latest; a link
    moved earlier, to another partner or deleted, when it was the latest,
    makes the partner's latest be read again from the (partner_id,
    occurred_at) index (m012). The triggers' statements cannot conflict: a
    statement that fires them with OR IGNORE or OR REPLACE would impose that
    policy on theirs.
    """
    row = (
        "INSERT INTO last_contacts (partner_id) SELECT {who} WHERE NOT EXISTS"
        " (SELECT 1 FROM last_contacts WHERE partner_id = {who});"
    )
    again = row + (
        " UPDATE last_contacts SET occurred_at = (SELECT max(occurred_at)"
        " FROM interaction_partners WHERE partner_id = {who}) WHERE partner_id = {who};"
    )
    raise_ = row.format(who="NEW.partner_id") + (
        " UPDATE last_contacts SET occurred_at = NEW.occurred_at WHERE partner_id ="
        " NEW.partner_id AND (occurred_at IS NULL OR occurred_at < NEW.occurred_at);"
    )
    rises = (
        "NEW.partner_id = OLD.partner_id AND NEW.occurred_at IS NOT NULL"
        " AND NEW.occurred_at >= coalesce(OLD.occurred_at, '')"
    )
    statements = [
        "CREATE TABLE last_contacts (partner_id INTEGER PRIMARY KEY, occurred_at TEXT)",
        "INSERT INTO last_contacts (partner_id, occurred_at)"
        " SELECT partner_id, max(occurred_at) FROM interaction_partners GROUP BY partner_id",
        "CREATE TRIGGER last_contacts_added AFTER INSERT ON interaction_partners"
        f" WHEN NEW.occurred_at IS NOT NULL BEGIN {raise_} END",
        "CREATE TRIGGER last_contacts_later AFTER UPDATE OF occurred_at, partner_id"
        f" ON interaction_partners WHEN {rises} BEGIN {raise_} END",
        "CREATE TRIGGER last_contacts_moved AFTER UPDATE OF occurred_at, partner_id"
        f" ON interaction_partners WHEN NOT coalesce({rises}, 0) BEGIN"
        f" {again.format(who='NEW.partner_id')} {again.format(who='OLD.partner_id')} END",
        "CREATE TRIGGER last_contacts_removed AFTER DELETE ON interaction_partners BEGIN"
        " UPDATE last_contacts SET occurred_at = (SELECT max(occurred_at)"
        " FROM interaction_partners WHERE partner_id = OLD.partner_id)"
        " WHERE partner_id = OLD.partner_id AND occurred_at <= OLD.occurred_at; END",
        "CREATE TRIGGER last_contacts_go AFTER DELETE ON partners BEGIN"
        " DELETE FROM last_contacts WHERE partner_id = OLD.id; END",
    ]
    for statement in statements:
        db.execute(statement)


def m015_stamps_by_partner(db) -> None:
    """Each partner's links by their instant (in seconds, as `store.health`'s
    STAMP_SQL computes it, word for word), with the tone and the stored time.

    The dashboard reads, for every partner, their last few contacts and tones
    newest first. Stored times carry the offset of their own date, so their
    text does not sort as their instants do: each partner's rows were read
    and sorted (20 of `summary`'s 90 ms on 100,000 entries). Ordered by the
    instant, the index gives the first few without a sort; with the stored
    time in it too, it answers alone (SQLite reads no row of the table).
    """
    db.execute(
        "CREATE INDEX interaction_partners_stamps ON interaction_partners (partner_id,"
        " CAST(round((julianday(occurred_at) - 2440587.5) * 86400) AS INTEGER), tone,"
        " occurred_at)"
    )
