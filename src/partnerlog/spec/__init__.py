"""Every command's arguments and options, declared once (the commands themselves
are in `spec.top` and `spec.groups`).

Every command line is read from this by one parser (`partnerlog.spec.argv`),
and the Typer app (`partnerlog.cli`) builds its help and completion from it,
converting values through the same `argv.convert`. A default, range or
choice changed here changes everywhere.

A command names its body (``action``, a function in `partnerlog.app`) and what
draws its result (``show``, a function in `partnerlog.present`) as
"module.function" text, imported only when the command runs. Cheap to import.
"""

from partnerlog.core.vocabulary import (
    BENEFITS,
    EXPORT_FORMATS,  # noqa: F401 (spec.transfer and the tests read it here)
    PARTNER_KINDS,
    PILLARS,
    RELATIONS,
    SETTINGS,
    TONES,
)
from partnerlog.i18n import N_, _

# How many entries `timeline` and `search` show unless asked for another number.
TIMELINE_LIMIT = 20
SEARCH_LIMIT = 50
# How far back `summary --window` may look.
LONGEST_WINDOW_DAYS = 3650


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

    __slots__ = ("path", "help", "examples", "params", "action", "show", "journal", "ask")

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
    ) -> None:
        self.path = tuple(path.split())
        self.help = help
        self.examples = examples
        self.params = params
        self.action = action
        self.show = show
        self.journal = journal  # "read", "create" (may start a new journal) or None
        self.ask = ask  # what to ask before a destructive action (see `runner`)

    @property
    def name(self) -> str:
        return " ".join(self.path)

    def param(self, name: str) -> Param:
        return next(p for p in self.params if p.name == name)


def value_name(param: Param) -> str:
    """What a parameter's value is called in help and in mistakes (WHO, DATE,
    KIND), in the language chosen: its metavar, else its name in capitals."""
    return _(param.metavar or param.name.upper().replace("_", "-"))


# The value names, for the catalogue (most come from the parameters' names).
VALUE_NAMES = (
    N_("AREA"), N_("BENEFIT"), N_("CADENCE"), N_("DATE"), N_("DESTINATION"), N_("DEVICE"),
    N_("DUE"), N_("EMAIL"), N_("FILE"), N_("FOLDER"), N_("HANDLE"), N_("KIND"), N_("LABEL"),
    N_("LANG"), N_("ME"), N_("NAME"), N_("NEW"), N_("NOTE"), N_("NOTES"), N_("OLD"), N_("ORG"),
    N_("PHONE"), N_("PILLAR"), N_("QUERY"), N_("REASON"), N_("RELATION"), N_("REMOVE-EMAIL"),
    N_("REMOVE-PHONE"), N_("ROLE"),
    N_("SINCE"), N_("TAG"), N_("TEXT"), N_("TITLE"), N_("UNTIL"), N_("WHEN"), N_("WHO"),
    N_("WITHIN"), N_("ZONE"),
)  # fmt: skip


# -- the parameters several commands share ---------------------------------------


def who(help: str = N_("Handle, name or unique prefix."), *, optional: bool = False) -> Param:
    return Param("who", help=help, metavar="WHO", complete="partner", required=not optional)


def json_flag(help: str = N_("Print JSON instead of a table.")) -> Param:
    return Param("json", "--json", help=help, kind="flag")


def dry_run_flag(help: str = N_("Say what would change, change nothing.")) -> Param:
    return Param("dry_run", "--dry-run", kind="flag", help=help)


def yes_flag() -> Param:
    return Param("yes", "--yes", "-y", help=N_("Do not ask for confirmation."), kind="flag")


def entry_id() -> Param:
    return Param(
        "id", kind="int", metavar="ID", help=N_("The entry's id (see timeline)."), required=True
    )


def goal_id() -> Param:
    return Param(
        "id", kind="int", metavar="ID", help=N_("The goal's id (see: goal list)."), required=True
    )


def output(help: str = N_("Write to this file instead of stdout.")) -> Param:
    return Param("output", "--output", "-o", kind="path", help=help)


def since(help: str = N_("From this day on ('30 days ago', 2026-01-01).")) -> Param:
    return Param("since", "--since", help=help)


WHEN_HELP = N_("When it happened: yesterday, '3 days ago', 'last friday', kemarin, 2026-11-27…")
TONE_HELP = N_("How it went, -2 (bad) to 2 (great).")


def interaction_details(*, replacing: bool) -> tuple[Param, ...]:
    """The options `log` and `entry edit` share; for an edit, each replaces what is there."""

    def said(new: str, old: str) -> str:
        return old if replacing else new

    return (
        Param(
            "kind", "--kind", "-k", complete="kind",
            help=said(N_("lunch, coffee, 1on1, review, planning, chat… (default chat)"), N_("A new kind.")),
        ),
        Param("when", "--when", "-w", help=said(WHEN_HELP, N_("A new date."))),
        Param(
            "tone", "--tone", "-t", kind="int", low=TONES[0], high=TONES[1],
            help=said(TONE_HELP, N_("-2 to 2.")),
        ),
        Param(
            "where", "--where", "-s", choices=SETTINGS,
            help=N_("office, outside or remote."),
        ),
        Param(
            "pillar", "--pillar", "-p", multiple=True, choices=PILLARS,
            help=said(
                N_("communication, bond, understanding, goals, complement (default: from the "
                   "kind and place)."),
                N_("Replace the pillars."),
            ),
        ),
        Param(
            "benefit", "--benefit", "-b", multiple=True, choices=BENEFITS,
            help=said(
                N_("productivity, network, growth, wellbeing, environment."),
                N_("Replace the benefits."),
            ),
        ),
        Param("tag", "--tag", multiple=True, help=said(N_("A tag (repeatable)."), N_("Replace the tags."))),
        Param(
            "private", "--private",
            kind="switch" if replacing else "flag",
            off_flag="--public" if replacing else None,
            help=said(
                N_("Private: reports and sync leave it out (a full export keeps it)."),
                N_("Private (reports and sync leave it out), or not."),
            ),
        ),
        Param(
            "edit", "--edit", "-e", kind="flag",
            help=said(
                N_("Write the note in your editor ($VISUAL, $EDITOR), from the kind's template."),
                N_("Change the note in your editor."),
            ),
        ),
        Param(
            "new_kind", "--new-kind", kind="flag",
            help=N_("Accept a kind partnerlog does not know and that looks like a typo of one it does."),
        ),
    )  # fmt: skip


def partner_details() -> tuple[Param, ...]:
    """The options `partner add` and `partner edit` share."""
    return (
        Param(
            "handle", "--handle", help=N_("What you type to name them (default: from the name).")
        ),
        Param(
            "kind",
            "--kind",
            help=N_("partner (same organisation) or colleague (same profession)."),
            choices=PARTNER_KINDS,
        ),
        Param(
            "relation",
            "--relation",
            help=N_("superior, peer, subordinate or external."),
            choices=RELATIONS,
        ),
        Param("role", "--role", help=N_("Their profession or specialisation.")),
        Param("org", "--org", help=N_("Their organisation.")),
        Param(
            "cadence",
            "--cadence",
            help=N_(
                "How often you want contact: days, or 2w / 1m (default by relation: "
                "subordinate 7d, peer and superior 14d, external 30d)."
            ),
        ),
        Param("notes", "--notes", help=N_("Anything worth remembering.")),
        Param(
            "email",
            "--email",
            multiple=True,
            help=N_("An email address (repeatable): how calendar imports and vCards find them."),
        ),
        Param(
            "phone",
            "--phone",
            multiple=True,
            help=N_("A phone number (repeatable): how chat exports find them."),
        ),
    )


# -- the root ------------------------------------------------------------------

ROOT_HELP = N_(
    "A journal for the people you work with: log, look back, and tend your partnerships.\n\n"
    'Start with: partnerlog partner add "Sari Wulandari", then: partnerlog log sari "lunch".'
)
LANG = Param(
    "lang",
    "--lang",
    help=N_(
        "The language to speak for this command: en or id (default: $PARTNERLOG_LANG, "
        "else your locale's)."
    ),
)
DB = Param(
    "db",
    "--db",
    kind="path",
    help=N_("Journal file to use (default: $PARTNERLOG_DB, else your data folder)."),
)

# The options before any command (`partnerlog --db FILE log …`).
ROOT = (DB, LANG)

GROUPS = {
    "partner": N_("Add, list, show, edit, pause and archive partners."),
    "partner date": N_("The dates that matter to partners: birthdays, anniversaries, returns."),
    "goal": N_("Targets and plans with each partner, and check-ins on them."),
    "trait": N_("Strengths and weaknesses, yours (WHO = me) and your partners'."),
    "entry": N_("Show, fix or remove one logged interaction."),
    "db": N_("Where the journal is, whether it is sound, and copies of it."),
    "calendar": N_("Let your calendar do the logging: meetings from an iCalendar export."),
    "tag": N_("Fix the tags on your entries."),
    "chat": N_("Let your chats do the logging: WhatsApp and Telegram exports."),
}


# The commands, declared in two modules that build on the definitions above.
from partnerlog.spec import groups, top  # noqa: E402

COMMANDS = top.COMMANDS + groups.COMMANDS
BY_PATH = {command.path: command for command in COMMANDS}


def partner_first() -> list[list[str]]:
    """The commands whose first argument names a partner (quick completion answers them)."""
    found = []
    for command in COMMANDS:
        first = next((p for p in command.params if p.is_argument), None)
        if first is not None and first.complete == "partner":
            found.append(list(command.path))
    return found
