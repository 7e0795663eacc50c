"""The `db` commands: where the journal file is, whether it is sound, and copies of it."""

from partnerlog.i18n import N_
from partnerlog.spec import Command, Param, dry_run_flag, json_flag, yes_flag


def remember_flag() -> Param:
    return Param(
        "remember",
        "--remember",
        kind="flag",
        help=N_(
            "Keep the passphrase in the system keyring, so this journal opens without asking "
            "(only when you ask: never otherwise)."
        ),
    )


JOURNAL_FILE = (
    # -- db --------------------------------------------------------------------------------
    Command(
        "db path",
        N_(
            "Print where the journal file is (it may not exist yet). Use it with other tools: "
            'sqlite-utils tables "$(partnerlog db path)".'
        ),
        examples=(N_("db path"),),
        action="journal_file.path",
        show="journal_file.path",
        journal=None,
    ),
    Command(
        "db check",
        N_(
            "Check the file's integrity, foreign keys and schema, and that every entry's time "
            "has the UTC offset of its own date in your time zone; exit 1 if anything is wrong. "
            "--repair fixes what it can, as one step undo reverses."
        ),
        Param(
            "repair",
            "--repair",
            kind="flag",
            help=N_(
                "Remove links to deleted records, recompute what is copied, and give entries "
                "their date's offset (a calendar's keep their instant, others their time of day)."
            ),
        ),
        Param(
            "zone",
            "--zone",
            metavar="ZONE",
            help=N_("The time zone the entries were logged in (default: yours): Europe/Berlin."),
        ),
        dry_run_flag(N_("With --repair: list what would change.")),
        json_flag(N_("Print JSON.")),
        examples=(
            N_("db check"),
            N_("db check --repair --dry-run"),
            N_("db check --repair --zone Europe/Berlin"),
        ),
        action="journal_file.check",
        show="journal_file.check",
    ),
    Command(
        "db backup",
        N_("Write a consistent copy of the journal (SQLite's backup API), readable only by you."),
        Param(
            "destination",
            kind="path",
            metavar="DESTINATION",
            help=N_("Where to write the copy (default: beside the journal, dated)."),
        ),
        Param(
            "force",
            "--force",
            kind="flag",
            help=N_("Replace a backup that is already there (it is kept otherwise)."),
        ),
        examples=(
            N_("db backup ~/backups/partnerlog.db"),
            N_("db backup ~/backups/partnerlog.db --force"),
        ),
        action="journal_file.backup",
        show="journal_file.backed_up",
    ),
    Command(
        "db restore",
        N_(
            "Replace the journal with a backup, safely: the backup is checked first, the "
            "journal it replaces is kept beside it, and a -wal left there is set aside, not "
            "replayed into the restored journal."
        ),
        Param("file", kind="path", metavar="FILE", required=True, help=N_("A backup (db backup).")),
        yes_flag(),
        examples=(N_("db restore partnerlog-backup.db --yes"),),
        action="journal_file.restore",
        ask="journal_file.ask_restore",
        show="journal_file.restored",
        journal=None,
    ),
    Command(
        "db encrypt",
        N_(
            "Encrypt the journal with a passphrase (SQLCipher). Type it twice at the terminal, or "
            "pipe it in; it needs the encrypt extra: pip install 'partnerlog[encrypt]'. Every "
            "command then asks for it, or reads it from PARTNERLOG_PASSPHRASE or your passphrase "
            "command."
        ),
        remember_flag(),
        examples=(N_("db encrypt"), N_("db encrypt --remember")),
        action="encryption.encrypt",
        show="journal_file.encrypted",
    ),
    Command(
        "db rekey",
        N_("Change the encrypted journal's passphrase (typed twice at the terminal, or piped in)."),
        remember_flag(),
        examples=(N_("db rekey"),),
        action="encryption.rekey",
        show="journal_file.rekeyed",
    ),
    Command(
        "db decrypt",
        N_("Store the journal in clear again, as before db encrypt."),
        yes_flag(),
        examples=(N_("db decrypt --yes"),),
        action="encryption.decrypt",
        ask="journal_file.ask_decrypt",
        show="journal_file.decrypted",
    ),
)
