"""The commands at the top level: logging, reading back, the dashboard, and undo
(moving data between journals is in `spec.transfer`)."""

from partnerlog.core.vocabulary import WINDOW_DAYS
from partnerlog.i18n import N_
from partnerlog.spec import (
    LONGEST_WINDOW_DAYS,
    SEARCH_LIMIT,
    TIMELINE_LIMIT,
    Command,
    Param,
    interaction_details,
    json_flag,
    output,
    since,
    who,
    yes_flag,
)
from partnerlog.spec.transfer import MOVING

NO_PAGER = Param(
    "no_pager",
    "--no-pager",
    kind="flag",
    help=N_("Print it all at once, not through $PAGER (piping never pages)."),
)

# Who `log`, `raise` and `owe` are with: one or several partners.
SEVERAL = who(N_("Who: handle, name or unique prefix; several separated by commas."))


def item_text(help: str) -> Param:
    """What a follow-up (`raise`, `owe`) says."""
    return Param("text", metavar="TEXT", multiple=True, required=True, help=help)


COMMANDS = (
    Command(
        "log",
        N_("Record an interaction with one or more partners."),
        SEVERAL,
        Param(
            "note",
            metavar="NOTE",
            multiple=True,
            help=N_(
                "What happened. @handle adds a partner, #word adds a tag. "
                "Read from stdin when omitted."
            ),
        ),
        *interaction_details(replacing=False),
        Param(
            "close",
            "--close",
            multiple=True,
            metavar="ID,ID",
            help=N_(
                "Close these follow-ups (ids from: partnerlog open), settled in this conversation."
            ),
        ),
        Param(
            "yes",
            "--yes",
            "-y",
            kind="flag",
            help=N_("Log with an archived partner without asking."),
        ),
        json_flag(N_("Print the saved entry as JSON.")),
        examples=(
            N_('log sari "lunch, talked about the migration #roadmap"'),
            N_('log sari,budi -k review -t 1 "design review went well"'),
            N_('log budi --when "kemarin sore" -k ngopi -s luar "talked about the offsite"'),
            N_('log sari -k 1on1 "went through the deck" --close 4,7'),
        ),
        action="interactions.log",
        show="interactions.logged",
    ),
    Command(
        "raise",
        N_(
            "A topic to raise with a partner next time; `log` reminds you of it after every "
            "entry with them."
        ),
        SEVERAL,
        item_text(N_("What to raise. @handle adds a partner (one item each); #word is a tag.")),
        json_flag(N_("Print what was added as JSON.")),
        examples=(N_('raise sari "the offsite budget #planning"'),),
        action="follow_ups.raise_topic",
        show="follow_ups.added",
    ),
    Command(
        "owe",
        N_(
            "A promise: something you said you would do for a partner (or, with --theirs, "
            "they for you). An overdue promise of yours counts in due and in health."
        ),
        SEVERAL,
        item_text(N_("What was promised. @handle adds a partner (one item each); #word is a tag.")),
        Param(
            "due", "--due", help=N_("When it is due: friday, 'in 2 weeks', 2026-12-15 (not past).")
        ),
        Param("theirs", "--theirs", kind="flag", help=N_("They promised it, not you.")),
        json_flag(N_("Print what was added as JSON.")),
        examples=(
            N_('owe sari "send the migration deck" --due friday'),
            N_('owe budi "review my proposal" --theirs'),
        ),
        action="follow_ups.owe",
        show="follow_ups.added",
    ),
    Command(
        "open",
        N_("Everything open to raise or deliver, overdue first; with WHO, what to bring to them."),
        who(N_("Only this partner (handle, name or prefix)."), optional=True),
        Param("all", "--all", kind="flag", help=N_("Include closed ones.")),
        json_flag(),
        examples=(N_("open"), N_("open sari")),
        action="follow_ups.open_list",
        show="follow_ups.listed",
    ),
    Command(
        "close",
        N_("Close follow-ups: a topic raised, a promise kept. All the ids given, or none."),
        Param(
            "id",
            metavar="ID",
            multiple=True,
            required=True,
            help=N_("Ids from: partnerlog open (several, or 3,5)."),
        ),
        examples=(N_("close 4"), N_("close 4 7")),
        action="follow_ups.close",
        show="follow_ups.closed",
    ),
    Command(
        "postpone",
        N_(
            "Agree a new day for a follow-up (a promise you cannot keep in time); 'none' "
            "takes its day away."
        ),
        Param(
            "id", kind="int", metavar="ID", required=True, help=N_("Its id (see: partnerlog open).")
        ),
        Param(
            "due",
            metavar="DATE",
            required=True,
            help=N_("The new day: friday, 'in 2 weeks', 2026-12-15 (not past), or none."),
        ),
        examples=(N_("postpone 5 'next friday'"),),
        action="follow_ups.postpone",
        show="follow_ups.postponed",
    ),
    Command(
        "agenda",
        N_(
            "The week ahead on one page: who is due or coming due, promises by date, what to "
            "raise with people you are likely to meet, and dates coming up. Plain text when "
            "piped: for mail or a notification from cron."
        ),
        Param(
            "days",
            "--days",
            kind="int",
            default=7,
            low=1,
            high=366,
            help=N_("How many days ahead to look (default 7)."),
        ),
        json_flag(),
        examples=(N_("agenda"), N_("agenda --days 14")),
        action="agenda.agenda",
        show="agenda.agenda",
    ),
    Command(
        "summary",
        N_(
            "The dashboard: every active partnership, who needs attention first, and what to do next."
        ),
        Param("all", "--all", kind="flag", help=N_("Show every partnership.")),
        Param(
            "window",
            "--window",
            kind="int",
            default=WINDOW_DAYS,
            low=1,
            high=LONGEST_WINDOW_DAYS,
            help=N_("Days the pillars look back over."),
        ),
        json_flag(N_("Print JSON.")),
        examples=(N_("summary --window 60"),),
        action="dashboard.summary",
        show="dashboard.summary",
    ),
    Command(
        "due",
        N_(
            "Who is overdue for contact (or for a promise you made), most overdue first. With "
            "--exit-code it exits 6 when anyone is due (an error is 1 to 5): for a shell prompt or cron."
        ),
        Param(
            "exit_code",
            "--exit-code",
            kind="flag",
            help=N_("Exit 6 when anyone is due, 0 otherwise (for prompts, cron)."),
        ),
        Param(
            "within",
            "--within",
            help=N_("Also who comes due within this time (7d, 2w), marked upcoming."),
        ),
        json_flag(N_("Print JSON.")),
        examples=(N_("due"), N_("due --within 7d"), N_("due --json")),
        action="dashboard.due",
        show="dashboard.due",
    ),
    Command(
        "timeline",
        N_("Interactions, newest first."),
        who(N_("Only this partner (handle, name or prefix)."), optional=True),
        since(),
        Param("until", "--until", help=N_("Up to and including this day.")),
        Param("kind", "--kind", "-k", complete="kind", help=N_("Only this kind.")),
        Param("tag", "--tag", help=N_("Only entries with this tag.")),
        Param(
            "limit",
            "--limit",
            "-n",
            kind="int",
            default=TIMELINE_LIMIT,
            help=N_("At most this many (0 = all)."),
        ),
        NO_PAGER,
        json_flag(),
        examples=(N_('timeline sari --since "30 days ago" --tag migration'),),
        action="interactions.timeline",
        show="interactions.listed",
    ),
    Command(
        "search",
        N_(
            "Full-text search over notes, goals and follow-ups; every word must match, accents "
            "ignored. Entries come newest first."
        ),
        Param(
            "query",
            metavar="QUERY",
            multiple=True,
            required=True,
            help=N_("Words to find in notes (prefixes match)."),
        ),
        Param(
            "limit",
            "--limit",
            "-n",
            kind="int",
            default=SEARCH_LIMIT,
            help=N_("At most this many (0 = all)."),
        ),
        NO_PAGER,
        json_flag(),
        examples=(N_("search migration warehouse"),),
        action="interactions.search",
        show="interactions.found",
    ),
    Command(
        "tags",
        N_("Every tag, with how many entries carry it."),
        json_flag(),
        examples=(N_("tags"),),
        action="interactions.tags",
        show="interactions.tags",
    ),
    Command(
        "kinds",
        N_(
            "The kinds of interaction partnerlog knows, the pillars each builds, the other "
            "words for it (ngopi is coffee), and how often you have logged each."
        ),
        json_flag(),
        examples=(N_("kinds"),),
        action="interactions.kinds",
        show="interactions.kinds",
    ),
    Command(
        "complement",
        N_(
            "Who covers whose gaps: their strengths against my weaknesses, and mine against theirs."
        ),
        who(N_("Only this partner (handle, name or prefix)."), optional=True),
        Param("area", "--area", help=N_("Who can help me with this area?"), complete="area"),
        json_flag(),
        examples=(N_('complement --area "public speaking"'),),
        action="traits.complement",
        show="traits.complement",
    ),
    Command(
        "report",
        N_(
            "A markdown report: overview, then each partner's health, goals, traits and "
            "interactions. One partner makes a 1:1 prep sheet."
        ),
        Param(
            "who",
            metavar="WHO",
            multiple=True,
            complete="partner",
            help=N_("Partners to report on (default: every active one)."),
        ),
        output(),
        since(N_("First day of interactions (default 90 days ago).")),
        Param("until", "--until", help=N_("Last day (default today).")),
        Param(
            "include_private",
            "--include-private",
            kind="flag",
            help=N_("Include entries logged --private."),
        ),
        Param(
            "charts", "--charts", kind="flag", help=N_("Add Mermaid charts (rendered by GitHub).")
        ),
        NO_PAGER,
        examples=(N_("report sari -o sari.md"),),
        action="transfer.report",
        show="transfer.report",
    ),
    *MOVING,
    Command(
        "undo",
        N_(
            "Reverse your last action (a log, an edit, a delete, a goal closed, an import…), "
            "after saying what it changed; again for the one before."
        ),
        yes_flag(),
        Param(
            "list",
            "--list",
            kind="flag",
            help=N_("List the actions undo can reverse, latest first."),
        ),
        examples=(N_("undo --list"), N_("undo --yes")),
        action="undo.undo",
        ask="undo.ask",
        show="undo.undone",
    ),
    Command(
        "demo",
        N_("Build a realistic sample journal in its own file (never yours) and show it."),
        Param(
            "path",
            "--path",
            kind="path",
            help=N_("Where to build it (default: demo.db in your data folder)."),
        ),
        examples=(N_("demo"), N_("demo --path demo.db")),
        action="demo.demo",
        show="dashboard.demo",
        journal=None,
    ),
)
