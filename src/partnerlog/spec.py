"""Every command's arguments and options, declared once.

Both parsers are generated from this: the Typer app (`partnerlog.cli`) builds
its parameters, help and completion from it, and the quick path
(`partnerlog.quick`) parses the everyday commands with the same flags,
defaults, ranges and arity. A default changed here changes everywhere.

A command names its body (``action``, a function in `partnerlog.app`) and what
draws its result (``show``, a function in `partnerlog.present`) as
"module.function" text, imported only when the command runs. Cheap to import.
"""

from partnerlog.core.tally import WINDOW_DAYS
from partnerlog.core.vocabulary import (
    BENEFITS,
    GOAL_OWNERS,
    PARTNER_KINDS,
    PILLARS,
    POLARITIES,
    RELATIONS,
    SETTINGS,
)

# How many entries `timeline` and `search` show unless asked for another number.
TIMELINE_LIMIT = 20
SEARCH_LIMIT = 50
# How far back `summary --window` may look.
LONGEST_WINDOW_DAYS = 3650
EXPORT_FORMATS = ("json", "csv")


class Param:
    """One argument (no flags) or option of a command.

    ``kind`` is "text", "int", "path", "flag" (on when given) or "switch" (a
    ``--yes/--no`` pair: True, False, or None when neither is given).
    ``complete`` is what the shell completes: "partner", "subject" (a partner
    or "me"), "area", or None; ``choices`` complete too.
    """

    __slots__ = (
        "name", "flags", "help", "kind", "default", "multiple", "low", "high", "choices",
        "complete", "metavar", "required", "off_flag",
    )  # fmt: skip

    def __init__(
        self,
        name: str,
        *flags: str,
        help: str = "",
        kind: str = "text",
        default=None,
        multiple: bool = False,
        low: int | None = None,
        high: int | None = None,
        choices: tuple[str, ...] = (),
        complete: str | None = None,
        metavar: str | None = None,
        required: bool = False,
        off_flag: str | None = None,
    ) -> None:
        self.name = name
        self.flags = flags
        self.help = help
        self.kind = kind
        self.default = False if kind == "flag" and default is None else default
        self.multiple = multiple
        self.low = low
        self.high = high
        self.choices = choices
        self.complete = complete
        self.metavar = metavar
        self.required = required
        self.off_flag = off_flag

    @property
    def is_argument(self) -> bool:
        return not self.flags

    @property
    def takes_value(self) -> bool:
        return self.kind not in ("flag", "switch")


class Command:
    """One command: where it sits, what it says about itself, and what it runs."""

    __slots__ = ("path", "help", "examples", "params", "action", "show", "journal", "ask", "quick")

    def __init__(
        self,
        path: str,
        help: str,
        *params: Param,
        examples: tuple[str, ...],
        action: str,
        show: str | None = None,
        journal: str | None = "read",
        ask: str | None = None,
        quick: bool = False,
    ) -> None:
        self.path = tuple(path.split())
        self.help = help
        self.examples = examples
        self.params = params
        self.action = action
        self.show = show
        self.journal = journal  # "read", "create" (may start a new journal) or None
        self.ask = ask  # what to ask before a destructive action (see `runner`)
        self.quick = quick  # the quick path parses it too

    @property
    def name(self) -> str:
        return " ".join(self.path)

    def param(self, name: str) -> Param:
        return next(p for p in self.params if p.name == name)


# -- the parameters several commands share ---------------------------------------


def who(help: str = "Handle, name or unique prefix.", *, optional: bool = False) -> Param:
    return Param("who", help=help, metavar="WHO", complete="partner", required=not optional)


def json_flag(help: str = "Print JSON instead of a table.") -> Param:
    return Param("json", "--json", help=help, kind="flag")


def yes_flag() -> Param:
    return Param("yes", "--yes", "-y", help="Do not ask for confirmation.", kind="flag")


def entry_id() -> Param:
    return Param(
        "id", kind="int", metavar="ID", help="The entry's id (see timeline).", required=True
    )


def goal_id() -> Param:
    return Param(
        "id", kind="int", metavar="ID", help="The goal's id (see: goal list).", required=True
    )


def output(help: str = "Write to this file instead of stdout.") -> Param:
    return Param("output", "--output", "-o", kind="path", help=help)


def since(help: str = "From this day on ('30 days ago', 2026-01-01).") -> Param:
    return Param("since", "--since", help=help)


WHEN_HELP = "When it happened: yesterday, '3 days ago', 'last friday', kemarin, 2026-11-27…"
TONE_HELP = "How it went, -2 (bad) to 2 (great)."
PILLAR_HELP = ", ".join(PILLARS)
BENEFIT_HELP = ", ".join(BENEFITS)


def partner_details() -> tuple[Param, ...]:
    """The options `partner add` and `partner edit` share."""
    return (
        Param("handle", "--handle", help="What you type to name them (default: from the name)."),
        Param(
            "kind",
            "--kind",
            help="partner (same organisation) or colleague (same profession).",
            choices=PARTNER_KINDS,
        ),
        Param(
            "relation",
            "--relation",
            help="superior, peer, subordinate or external.",
            choices=RELATIONS,
        ),
        Param("role", "--role", help="Their profession or specialisation."),
        Param("org", "--org", help="Their organisation."),
        Param(
            "cadence",
            "--cadence",
            help="How often you want contact: days, or 2w / 1m (default by relation: "
            "subordinate 7d, peer and superior 14d, external 30d).",
        ),
        Param("notes", "--notes", help="Anything worth remembering."),
    )


# -- the root ------------------------------------------------------------------

ROOT_HELP = (
    "A journal for the people you work with: log, look back, and tend your partnerships.\n\n"
    'Start with: partnerlog partner add "Sari Wulandari", then: partnerlog log sari "lunch".'
)
DB = Param(
    "db",
    "--db",
    kind="path",
    help="Journal file to use (default: $PARTNERLOG_DB, else your data folder).",
)

GROUPS = {
    "partner": "Add, list, show, edit and archive partners.",
    "goal": "Targets and plans with each partner, and check-ins on them.",
    "trait": "Strengths and weaknesses, yours (WHO = me) and your partners'.",
    "entry": "Fix or remove one logged interaction.",
    "db": "Where the journal is, whether it is sound, and copies of it.",
}

# -- the commands ------------------------------------------------------------------

COMMANDS = (
    Command(
        "log",
        "Record an interaction with one or more partners.",
        who("Who: handle, name or unique prefix; several separated by commas."),
        Param(
            "note",
            metavar="NOTE",
            multiple=True,
            help="What happened. @handle adds a partner, #word adds a tag. "
            "Read from stdin when omitted.",
        ),
        Param(
            "kind",
            "--kind",
            "-k",
            help="lunch, coffee, 1on1, review, planning, chat… (default chat)",
        ),
        Param("when", "--when", "-w", help=WHEN_HELP),
        Param("tone", "--tone", "-t", kind="int", help=TONE_HELP),
        Param("where", "--where", "-s", help="office, outside or remote.", choices=SETTINGS),
        Param(
            "pillar",
            "--pillar",
            "-p",
            multiple=True,
            choices=PILLARS,
            help=f"{PILLAR_HELP} (default: from the kind and place).",
        ),
        Param(
            "benefit", "--benefit", "-b", multiple=True, choices=BENEFITS, help=f"{BENEFIT_HELP}."
        ),
        Param("tag", "--tag", multiple=True, help="A tag (repeatable)."),
        Param("private", "--private", kind="flag", help="Keep out of reports and exports."),
        json_flag("Print the saved entry as JSON."),
        examples=(
            'log sari "lunch, talked about the migration #roadmap"',
            'log sari,budi -k review -t 1 "design review went well"',
            "log budi --when kemarin -k coffee -s outside",
        ),
        action="interactions.log",
        show="interactions.logged",
        quick=True,
    ),
    Command(
        "summary",
        "The dashboard: every active partnership, who needs attention first, and what to do next.",
        Param("all", "--all", kind="flag", help="Show every partnership."),
        Param(
            "window",
            "--window",
            kind="int",
            default=WINDOW_DAYS,
            low=1,
            high=LONGEST_WINDOW_DAYS,
            help="Days the pillars look back over.",
        ),
        json_flag("Print JSON."),
        examples=("summary --window 60",),
        action="dashboard.summary",
        show="dashboard.summary",
        quick=True,
    ),
    Command(
        "due",
        "Who is overdue for contact, most overdue first. With --exit-code it exits 1 when "
        'anyone is due: partnerlog due --exit-code || echo "time to reach out".',
        Param(
            "exit_code",
            "--exit-code",
            kind="flag",
            help="Exit 1 when anyone is due, 0 otherwise (for prompts, cron).",
        ),
        json_flag("Print JSON."),
        examples=("due", "due --json"),
        action="dashboard.due",
        show="dashboard.due",
        quick=True,
    ),
    Command(
        "timeline",
        "Interactions, newest first.",
        who("Only this partner (handle, name or prefix).", optional=True),
        since(),
        Param("until", "--until", help="Up to and including this day."),
        Param("kind", "--kind", "-k", help="Only this kind."),
        Param("tag", "--tag", help="Only entries with this tag."),
        Param(
            "limit",
            "--limit",
            "-n",
            kind="int",
            default=TIMELINE_LIMIT,
            help="At most this many (0 = all).",
        ),
        json_flag(),
        examples=('timeline sari --since "30 days ago" --tag migration',),
        action="interactions.timeline",
        show="interactions.listed",
        quick=True,
    ),
    Command(
        "search",
        "Full-text search over notes and goals; every word must match, accents ignored.",
        Param(
            "query",
            metavar="QUERY",
            multiple=True,
            required=True,
            help="Words to find in notes (prefixes match).",
        ),
        Param(
            "limit",
            "--limit",
            "-n",
            kind="int",
            default=SEARCH_LIMIT,
            help="At most this many (0 = all).",
        ),
        json_flag(),
        examples=("search migration warehouse",),
        action="interactions.search",
        show="interactions.found",
    ),
    Command(
        "complement",
        "Who covers whose gaps: their strengths against my weaknesses, and mine against theirs.",
        who("Only this partner (handle, name or prefix).", optional=True),
        Param("area", "--area", help="Who can help me with this area?", complete="area"),
        json_flag(),
        examples=('complement --area "public speaking"',),
        action="traits.complement",
        show="traits.complement",
    ),
    Command(
        "report",
        "A markdown report: overview, then each partner's health, goals, traits and "
        "interactions. One partner makes a 1:1 prep sheet.",
        Param(
            "who",
            metavar="WHO",
            multiple=True,
            complete="partner",
            help="Partners to report on (default: every active one).",
        ),
        output(),
        since(f"First day of interactions (default {WINDOW_DAYS} days ago)."),
        Param("until", "--until", help="Last day (default today)."),
        Param(
            "include_private",
            "--include-private",
            kind="flag",
            help="Include entries logged --private.",
        ),
        Param("charts", "--charts", kind="flag", help="Add Mermaid charts (rendered by GitHub)."),
        examples=("report sari -o sari.md",),
        action="transfer.report",
        show="transfer.report",
    ),
    Command(
        "export",
        "Export the whole journal, losslessly: JSON (to import elsewhere) or one CSV per table.",
        Param(
            "format",
            "--format",
            "-f",
            default=EXPORT_FORMATS[0],
            choices=EXPORT_FORMATS,
            help="json (default) or csv.",
        ),
        output("File for json (default stdout); folder for csv."),
        Param(
            "exclude_private",
            "--exclude-private",
            kind="flag",
            help="Leave out entries logged --private.",
        ),
        examples=("export -o partnerlog.json",),
        action="transfer.export",
        show="transfer.export",
    ),
    Command(
        "import",
        "Merge a JSON export into this journal; importing the same file twice adds nothing.",
        Param(
            "file",
            kind="path",
            metavar="FILE",
            required=True,
            help="A JSON export ('-' for stdin).",
        ),
        json_flag("Print what happened as JSON."),
        examples=("import partnerlog.json",),
        action="transfer.import_file",
        show="transfer.imported",
        journal="create",
    ),
    Command(
        "undo",
        "Remove the most recently created record (an entry, partner, goal, check-in or trait).",
        yes_flag(),
        examples=("undo --yes",),
        action="undo.undo",
        ask="undo.ask",
        show="undo.undone",
    ),
    Command(
        "demo",
        "Build a realistic sample journal in its own file (never yours) and show it.",
        Param(
            "path",
            "--path",
            kind="path",
            help="Where to build it (default: demo.db in your data folder).",
        ),
        examples=("demo", "demo --path demo.db"),
        action="demo.demo",
        show="dashboard.demo",
        journal=None,
    ),
    # -- partner ---------------------------------------------------------------
    Command(
        "partner add",
        "Add someone you work with.",
        Param("name", metavar="NAME", required=True, help="Their name, as you want to see it."),
        *partner_details(),
        json_flag("Print the partner as JSON."),
        examples=('partner add "Rina Kusuma" --relation peer --role "data engineer"',),
        action="partners.add",
        show="partners.added",
        journal="create",
    ),
    Command(
        "partner list",
        "List your partners and when you last saw each.",
        Param("archived", "--archived", kind="flag", help="Include archived partners."),
        json_flag(),
        examples=("partner list --json",),
        action="partners.list_partners",
        show="partners.listed",
    ),
    Command(
        "partner show",
        "Everything about one partner: profile, health, goals, traits and recent interactions.",
        who(),
        json_flag(),
        examples=("partner show sari",),
        action="partners.profile",
        show="partners.profile",
        quick=True,
    ),
    Command(
        "partner edit",
        "Change a partner's details; only the options you give change.",
        who(),
        Param("name", "--name", help="A new name."),
        *partner_details(),
        examples=('partner edit sari --cadence 7 --role "tech lead"',),
        action="partners.edit",
        show="partners.edited",
    ),
    Command(
        "partner archive",
        "Archive a partner: their history stays, they leave the lists and the dashboard "
        "(undo with --restore).",
        who(),
        Param("restore", "--restore", kind="flag", help="Bring them back."),
        examples=("partner archive budi", "partner archive budi --restore"),
        action="partners.archive",
        show="partners.archived",
    ),
    # -- goal ----------------------------------------------------------------------
    Command(
        "goal add",
        "Add a goal with a partner.",
        who(),
        Param("title", metavar="TITLE", multiple=True, required=True, help="What you aim for."),
        Param(
            "owner",
            "--owner",
            default="shared",
            choices=GOAL_OWNERS,
            help="Whose goal: me, partner, or shared (you both work on it).",
        ),
        Param("due", "--due", help="Due date: 'friday', 'in 10 days', 2027-03-31…"),
        Param("note", "--note", help="Details."),
        json_flag("Print the goal as JSON."),
        examples=('goal add sari "ship the new warehouse pipeline" --due 2027-03-31',),
        action="goals.add",
        show="goals.added",
    ),
    Command(
        "goal list",
        "List open goals (overdue ones marked); --all includes closed ones.",
        who("Only this partner (handle, name or prefix).", optional=True),
        Param("all", "--all", kind="flag", help="Include done and dropped goals."),
        json_flag(),
        examples=("goal list sari --all",),
        action="goals.list_goals",
        show="goals.listed",
    ),
    Command(
        "goal update",
        "Check in on a goal: a dated progress figure and/or note; the history is kept.",
        goal_id(),
        Param("progress", "--progress", kind="int", help="0 to 100."),
        Param("note", "--note", help="How it is going."),
        examples=('goal update 1 --progress 40 --note "staging works"',),
        action="goals.update",
        show="goals.updated",
    ),
    Command(
        "goal done",
        "Mark a goal as reached.",
        goal_id(),
        Param("note", "--note", help="How it ended."),
        examples=('goal done 1 --note "shipped on time"',),
        action="goals.done",
        show="goals.closed",
    ),
    Command(
        "goal drop",
        "Drop a goal you no longer pursue, with an optional reason.",
        goal_id(),
        Param("reason", metavar="REASON", multiple=True, help="Why."),
        examples=("goal drop 1 priorities changed",),
        action="goals.drop",
        show="goals.closed",
    ),
    # -- trait -----------------------------------------------------------------------
    Command(
        "trait add",
        "Record a strength or weakness (yours with WHO = me).",
        Param("who", metavar="WHO", required=True, complete="subject", help="A partner, or 'me'."),
        Param(
            "polarity",
            metavar="strength|weakness",
            required=True,
            choices=POLARITIES,
            help="strength or weakness.",
        ),
        Param(
            "area",
            metavar="AREA",
            multiple=True,
            required=True,
            complete="area",
            help="e.g. SQL, public speaking.",
        ),
        Param("note", "--note", help="An example, a detail."),
        json_flag("Print the trait as JSON."),
        examples=('trait add me weakness "public speaking"',),
        action="traits.add",
        show="traits.added",
    ),
    Command(
        "trait list",
        "List strengths and weaknesses.",
        Param("who", metavar="WHO", complete="subject", help="A partner, or 'me'."),
        json_flag(),
        examples=("trait list me",),
        action="traits.list_traits",
        show="traits.listed",
    ),
    Command(
        "trait remove",
        "Remove one strength or weakness.",
        Param(
            "id", kind="int", metavar="ID", required=True, help="The trait's id (see: trait list)."
        ),
        examples=("trait remove 4",),
        action="traits.remove",
        show="traits.removed",
    ),
    # -- entry -------------------------------------------------------------------------
    Command(
        "entry edit",
        "Change one interaction; only the options you give change.",
        entry_id(),
        Param("note", "--note", help="Replace the note."),
        Param("who", "--who", complete="partner", help="Replace the partners (comma-separated)."),
        Param("kind", "--kind", "-k", help="A new kind."),
        Param("when", "--when", "-w", help="A new date."),
        Param("tone", "--tone", "-t", kind="int", help="-2 to 2."),
        Param("where", "--where", "-s", choices=SETTINGS, help="office, outside, remote."),
        Param(
            "pillar", "--pillar", "-p", multiple=True, choices=PILLARS, help="Replace the pillars."
        ),
        Param(
            "benefit",
            "--benefit",
            "-b",
            multiple=True,
            choices=BENEFITS,
            help="Replace the benefits.",
        ),
        Param("tag", "--tag", multiple=True, help="Replace the tags."),
        Param(
            "private",
            "--private",
            kind="switch",
            off_flag="--public",
            help="Keep out of reports, or not.",
        ),
        examples=("entry edit 12 --when yesterday --tone 1",),
        action="interactions.edit",
        show="interactions.edited",
    ),
    Command(
        "entry delete",
        "Delete one interaction, after showing it.",
        entry_id(),
        yes_flag(),
        examples=("entry delete 12 --yes",),
        action="interactions.delete",
        ask="interactions.ask_delete",
        show="interactions.deleted",
    ),
    # -- db --------------------------------------------------------------------------------
    Command(
        "db path",
        "Print where the journal file is (it may not exist yet). Use it with other tools: "
        'sqlite-utils tables "$(partnerlog db path)".',
        examples=("db path",),
        action="journal_file.path",
        show="journal_file.path",
        journal=None,
    ),
    Command(
        "db check",
        "Check the file's integrity, foreign keys and schema; exit 1 if anything is wrong.",
        json_flag("Print JSON."),
        examples=("db check",),
        action="journal_file.check",
        show="journal_file.check",
    ),
    Command(
        "db backup",
        "Write a consistent copy of the journal (SQLite's backup API), readable only by you.",
        Param(
            "destination",
            kind="path",
            metavar="DESTINATION",
            help="Where to write the copy (default: beside the journal, dated).",
        ),
        examples=("db backup ~/partnerlog-backup.db",),
        action="journal_file.backup",
        show="journal_file.backed_up",
    ),
)

BY_PATH = {command.path: command for command in COMMANDS}


def partner_first() -> list[list[str]]:
    """The commands whose first argument names a partner (quick completion answers them)."""
    found = []
    for command in COMMANDS:
        first = next((p for p in command.params if p.is_argument), None)
        if first is not None and first.complete == "partner":
            found.append(list(command.path))
    return found
