"""The commands that move data between journals: export, import and sync."""

from partnerlog.i18n import N_
from partnerlog.spec import EXPORT_FORMATS, Command, Param, dry_run_flag, json_flag, output

PREFER = Param(
    "prefer",
    "--prefer",
    choices=("mine", "theirs"),
    help=N_("Settle every conflict (a record changed on both sides) this way, not by the newer."),
)


MOVING = (
    Command(
        "export",
        N_(
            "Export the whole journal, losslessly: JSON (to import elsewhere) or one CSV per table."
        ),
        Param(
            "format",
            "--format",
            "-f",
            default=EXPORT_FORMATS[0],
            choices=EXPORT_FORMATS,
            help=N_("json (default) or csv."),
        ),
        output(N_("File for json (default stdout); folder for csv.")),
        Param(
            "exclude_private",
            "--exclude-private",
            kind="flag",
            help=N_("Leave out entries logged --private."),
        ),
        examples=(N_("export -o partnerlog.json"),),
        action="transfer.export",
        show="transfer.export",
    ),
    Command(
        "import",
        N_(
            "Merge a JSON export into this journal: new, changed and deleted records, the newer "
            "change winning; importing the same file twice changes nothing."
        ),
        Param(
            "file",
            kind="path",
            metavar="FILE",
            required=True,
            help=N_("A JSON export ('-' for stdin)."),
        ),
        PREFER,
        dry_run_flag(),
        json_flag(N_("Print what happened as JSON.")),
        examples=(N_("import partnerlog.json --dry-run"), N_("import partnerlog.json")),
        action="merging.import_file",
        show="transfer.imported",
        journal="create",
    ),
    Command(
        "sync",
        N_(
            "Converge this journal with your other devices through a shared folder (Syncthing, "
            "Dropbox, git). It merges every other journal's file there, then writes this one's as "
            "FOLDER/DEVICE.json: every partner, entry, goal, trait, follow-up and date, and "
            "which records were deleted, in clear text; private entries only with "
            "--include-private. A file that cannot be read is skipped and named (exit code 7). "
            "Never put the journal file itself in a synced folder."
        ),
        Param(
            "folder", kind="path", metavar="FOLDER", required=True, help=N_("The shared folder.")
        ),
        Param(
            "device",
            "--device",
            help=N_("This device's name in the folder (default: remembered, else the host name)."),
        ),
        Param(
            "create",
            "--create",
            kind="flag",
            help=N_(
                "Make the folder when it does not exist (otherwise a mistyped name is refused)."
            ),
        ),
        Param(
            "include_private",
            "--include-private",
            kind="flag",
            help=N_(
                "Write private entries to the folder too (by default they stay on this device)."
            ),
        ),
        PREFER,
        json_flag(N_("Print what happened as JSON.")),
        examples=(
            N_("sync ~/Sync/partnerlog --create --device laptop"),
            N_("sync ~/Sync/partnerlog"),
        ),
        action="sync_folder.sync",
        show="transfer.synced",
        journal="create",
    ),
)
