"""The options of the commands the quick path also parses, defined once.

The Typer commands build their parameters from these specs, and the quick path
(`partnerlog.quick`) parses argv with the same flags, so the two cannot drift
apart. Cheap to import.
"""


class Opt:
    """One command-line option: its flags, its help, and how it takes values."""

    __slots__ = ("flags", "help", "takes_value", "multiple")

    def __init__(
        self, *flags: str, help: str, takes_value: bool = True, multiple: bool = False
    ) -> None:
        self.flags = flags
        self.help = help
        self.takes_value = takes_value
        self.multiple = multiple


DB = Opt("--db", help="Journal file to use (default: $PARTNERLOG_DB, else your data folder).")

LOG = {
    "kind": Opt("--kind", "-k", help="lunch, coffee, 1on1, review, planning, chat… (default chat)"),
    "when": Opt(
        "--when",
        "-w",
        help="When it happened: yesterday, '3 days ago', 'last friday', kemarin, 2026-11-27…",
    ),
    "tone": Opt("--tone", "-t", help="How it went, -2 (bad) to 2 (great)."),
    "where": Opt("--where", "-s", help="office, outside or remote."),
    "pillar": Opt(
        "--pillar",
        "-p",
        help="communication, bond, understanding, goals, complement "
        "(default: from the kind and place).",
        multiple=True,
    ),
    "benefit": Opt(
        "--benefit",
        "-b",
        help="productivity, network, growth, wellbeing, environment.",
        multiple=True,
    ),
    "tag": Opt("--tag", help="A tag (repeatable).", multiple=True),
    "private": Opt("--private", help="Keep out of reports and exports.", takes_value=False),
    "json": Opt("--json", help="Print the saved entry as JSON.", takes_value=False),
}

DUE = {
    "exit_code": Opt(
        "--exit-code",
        help="Exit 1 when anyone is due, 0 otherwise (for prompts, cron).",
        takes_value=False,
    ),
    "json": Opt("--json", help="Print JSON.", takes_value=False),
}

TIMELINE = {
    "since": Opt("--since", help="From this day on ('30 days ago', 2026-01-01)."),
    "until": Opt("--until", help="Up to and including this day."),
    "kind": Opt("--kind", "-k", help="Only this kind."),
    "tag": Opt("--tag", help="Only entries with this tag."),
    "limit": Opt("--limit", "-n", help="At most this many (0 = all)."),
    "json": Opt("--json", help="Print JSON instead of a table.", takes_value=False),
}

SUMMARY = {
    "all": Opt("--all", help="Show every partnership.", takes_value=False),
    "window": Opt("--window", help="Days the pillars look back over."),
    "json": Opt("--json", help="Print JSON.", takes_value=False),
}

PARTNER_SHOW = {
    "json": Opt("--json", help="Print JSON instead of a table.", takes_value=False),
}
