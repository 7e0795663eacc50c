"""The journal's schema, as sqlite-utils Migrations. Append-only.

Never edit a migration that has shipped: add the next one to ``STEPS``. The
steps live by subject: `store.steps_entries`, `store.steps_changes`,
`store.steps_people`; the names they share are in `store.schema`.
This module imports sqlite-utils only when migrations are actually applied,
so opening an up-to-date journal stays cheap.
"""

MIGRATION_SET = "partnerlog"


def m001_initial(db) -> None:
    from partnerlog.store.initial_schema import INITIAL_SCHEMA

    db.executescript(INITIAL_SCHEMA)
    # Accent-insensitive search: "jose" finds "José".
    tokenize = "unicode61 remove_diacritics 2"
    db["interactions"].enable_fts(["note"], create_triggers=True, tokenize=tokenize)
    db["goals"].enable_fts(["title", "note"], create_triggers=True, tokenize=tokenize)


# Every migration, in order, with the module that holds it (imported only when
# migrations are applied: opening an up-to-date journal reads NAMES alone). The
# names are recorded in the journal file; a file that has applied a name missing
# here was written by a newer partnerlog.
STEPS: tuple[tuple[str, str], ...] = (
    ("m001_initial", "migrations"),
    ("m002_contact_dates", "steps_entries"),
    ("m003_interaction_masks", "steps_entries"),
    ("m004_link_copies", "steps_entries"),
    ("m005_changes_and_deletions", "steps_changes"),
    ("m006_partner_emails", "steps_people"),
    ("m007_goals_of_my_own", "steps_people"),
    ("m008_follow_ups_pauses_and_dates", "steps_people"),
    ("m009_sync_bases_and_clock", "steps_changes"),
    ("m010_private_entries_index", "steps_entries"),
    ("m011_full_text_on_text_changes", "steps_entries"),
    ("m012_tones_by_partner", "steps_entries"),
    ("m013_partner_phones", "steps_people"),
    ("m014_last_contacts", "steps_entries"),
    ("m015_stamps_by_partner", "steps_entries"),
    ("m016_my_open_promises", "steps_people"),
)
NAMES = tuple(name for name, _ in STEPS)


def step(name: str):
    """The migration called ``name``, imported from its module."""
    import importlib

    module = dict(STEPS)[name]
    return getattr(importlib.import_module(f"partnerlog.store.{module}"), name)


def migrations():
    """The sqlite-utils ``Migrations`` set for the journal."""
    from sqlite_utils.migrations import Migrations

    migration_set = Migrations(MIGRATION_SET)
    for name, _module in STEPS:
        migration_set(name=name)(step(name))
    return migration_set
