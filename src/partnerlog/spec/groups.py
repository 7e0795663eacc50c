"""The commands in groups: partner, goal, trait and entry (db is in
`spec.journal_file`)."""

from partnerlog.core.vocabulary import GOAL_OWNERS, POLARITIES, PROGRESS
from partnerlog.i18n import N_
from partnerlog.spec import (
    Command,
    Param,
    dry_run_flag,
    entry_id,
    goal_id,
    interaction_details,
    json_flag,
    partner_details,
    who,
    yes_flag,
)
from partnerlog.spec.journal_file import JOURNAL_FILE

COMMANDS = (
    # -- partner ---------------------------------------------------------------
    Command(
        "partner add",
        N_("Add someone you work with."),
        Param("name", metavar="NAME", required=True, help=N_("Their name, as you want to see it.")),
        *partner_details(),
        yes_flag(),
        json_flag(N_("Print the partner as JSON.")),
        examples=(N_('partner add "Wayan Sudirta" --relation peer --role "data engineer"'),),
        action="partners.add",
        show="partners.added",
        journal="create",
    ),
    Command(
        "partner list",
        N_("List your partners and when you last saw each."),
        Param("archived", "--archived", kind="flag", help=N_("Include archived partners.")),
        json_flag(),
        examples=(N_("partner list --json"),),
        action="partners.list_partners",
        show="partners.listed",
    ),
    Command(
        "partner show",
        N_("Everything about one partner: profile, health, goals, traits and recent interactions."),
        who(),
        json_flag(),
        examples=(N_("partner show sari"),),
        action="partners.profile",
        show="partners.profile",
    ),
    Command(
        "partner edit",
        N_("Change a partner's details; only the options you give change."),
        who(),
        Param("name", "--name", help=N_("A new name.")),
        *partner_details(),
        Param(
            "remove_email",
            "--remove-email",
            multiple=True,
            help=N_("An address of theirs to forget (repeatable): a mistyped one, an old one."),
        ),
        Param(
            "remove_phone",
            "--remove-phone",
            multiple=True,
            help=N_("A number of theirs to forget (repeatable)."),
        ),
        examples=(
            N_('partner edit sari --cadence 7 --role "tech lead"'),
            N_("partner edit sari --remove-email sari@old.example"),
        ),
        action="partners.edit",
        show="partners.edited",
    ),
    Command(
        "partner archive",
        N_(
            "Archive a partner: their history stays, they leave the lists and the dashboard "
            "(undo with --restore)."
        ),
        who(),
        Param("restore", "--restore", kind="flag", help=N_("Bring them back.")),
        examples=(N_("partner archive budi"),),
        action="partners.archive",
        show="partners.archived",
    ),
    Command(
        "partner pause",
        N_(
            "Someone is away (leave, a project elsewhere): out of due and of overdue "
            "penalties until the day given, shown as paused. Their cadence starts afresh then."
        ),
        who(),
        Param(
            "until",
            "--until",
            required=True,
            help=N_("The last day away: 2027-01-15, 'in 3 weeks', 'next monday'."),
        ),
        Param("reason", metavar="REASON", multiple=True, help=N_("Why, for you: parental leave…")),
        examples=(N_('partner pause budi --until 2027-01-04 "year-end leave"'),),
        action="dates.pause",
        show="dates.paused",
    ),
    Command(
        "partner resume",
        N_("End a pause early: they are back today."),
        who(),
        examples=(N_("partner resume kenji"),),
        action="dates.resume",
        show="dates.paused",
    ),
    Command(
        "partner date add",
        N_(
            "A date that matters: a birthday (with or without the year), a work anniversary, "
            "back from leave. Listed in partner show and agenda; a coming birthday becomes a next step."
        ),
        who(),
        Param(
            "label", metavar="LABEL", required=True, help=N_("What it is: birthday, anniversary…")
        ),
        Param(
            "date",
            metavar="DATE",
            required=True,
            help=N_("1990-03-14, '14 March', 'march 14' (no year: every year), 'in 2 weeks'."),
        ),
        Param("yearly", "--yearly", kind="flag", help=N_("Every year (a date without a year is).")),
        json_flag(N_("Print the date as JSON.")),
        examples=(
            N_('partner date add sari birthday "14 march"'),
            N_('partner date add budi "work anniversary" 2019-06-03 --yearly'),
        ),
        action="dates.add",
        show="dates.added",
    ),
    Command(
        "partner date list",
        N_("The dates that matter, next first: whose, what, when, and in how many days."),
        who(N_("Only this partner (handle, name or prefix)."), optional=True),
        json_flag(),
        examples=(N_("partner date list"),),
        action="dates.list_dates",
        show="dates.listed",
    ),
    Command(
        "partner date remove",
        N_("Remove a date (its id from: partner date list)."),
        Param("id", kind="int", metavar="ID", required=True, help=N_("The date's id.")),
        examples=(N_("partner date remove 1"),),
        action="dates.remove",
        show="dates.removed",
    ),
    Command(
        "partner import",
        N_(
            "Add people from a vCard file (an address book's export): name, email, organisation "
            "and title; someone already here (by email, else by name) is updated, not doubled."
        ),
        Param(
            "file",
            kind="path",
            metavar="FILE",
            required=True,
            help=N_("A .vcf file ('-' for stdin)."),
        ),
        dry_run_flag(),
        json_flag(N_("Print what happened as JSON.")),
        examples=(N_("partner import contacts.vcf --dry-run"),),
        action="vcards.import_vcards",
        show="calendar.vcards",
        journal="create",
    ),
    # -- goal ----------------------------------------------------------------------
    Command(
        "goal add",
        N_("Add a goal with a partner, or one of your own (WHO = me)."),
        Param(
            "who", metavar="WHO", required=True, complete="subject", help=N_("A partner, or 'me'.")
        ),
        Param("title", metavar="TITLE", multiple=True, required=True, help=N_("What you aim for.")),
        Param(
            "owner",
            "--owner",
            default="shared",
            choices=GOAL_OWNERS,
            help=N_("Whose goal: me, partner, or shared (you both work on it)."),
        ),
        Param("due", "--due", help=N_("Due date: 'friday', 'in 10 days', 2027-03-31…")),
        Param("note", "--note", help=N_("Details.")),
        json_flag(N_("Print the goal as JSON.")),
        examples=(N_('goal add sari "ship the new warehouse pipeline" --due 2027-03-31'),),
        action="goals.add",
        show="goals.added",
    ),
    Command(
        "goal list",
        N_("List open goals (overdue ones marked); --all includes closed ones."),
        who(N_("Only this partner (handle, name or prefix)."), optional=True),
        Param("all", "--all", kind="flag", help=N_("Include done and dropped goals.")),
        json_flag(),
        examples=(N_("goal list sari --all"),),
        action="goals.list_goals",
        show="goals.listed",
    ),
    Command(
        "goal update",
        N_("Check in on a goal: a dated progress figure and/or note; the history is kept."),
        goal_id(),
        Param(
            "progress",
            "--progress",
            kind="int",
            low=PROGRESS[0],
            high=PROGRESS[1],
            help=N_("0 to 100."),
        ),
        Param("note", "--note", help=N_("How it is going.")),
        examples=(N_('goal update 1 --progress 40 --note "staging works"'),),
        action="goals.update",
        show="goals.updated",
    ),
    Command(
        "goal done",
        N_("Mark a goal as reached."),
        goal_id(),
        Param("note", "--note", help=N_("How it ended.")),
        examples=(N_('goal done 1 --note "shipped on time"'),),
        action="goals.done",
        show="goals.closed",
    ),
    Command(
        "goal drop",
        N_("Drop a goal you no longer pursue, with an optional reason."),
        goal_id(),
        Param("reason", metavar="REASON", multiple=True, help=N_("Why.")),
        examples=(N_("goal drop 1 priorities changed"),),
        action="goals.drop",
        show="goals.closed",
    ),
    Command(
        "goal edit",
        N_("Fix what was typed: a goal's title, due date ('none' clears it), owner or note."),
        goal_id(),
        Param("title", "--title", help=N_("A new title.")),
        Param(
            "due", "--due", help=N_("A new due date ('friday', 2027-03-31; 'none' for no date).")
        ),
        Param("owner", "--owner", choices=GOAL_OWNERS, help=N_("me, partner or shared.")),
        Param("note", "--note", help=N_("A new note.")),
        examples=(N_("goal edit 1 --due 2027-01-31"),),
        action="goals.edit",
        show="goals.edited",
    ),
    Command(
        "goal reopen",
        N_("Open again a goal closed as done or dropped by mistake."),
        goal_id(),
        examples=(N_("goal reopen 2"),),
        action="goals.reopen",
        show="goals.reopened",
    ),
    # -- trait -----------------------------------------------------------------------
    Command(
        "trait add",
        N_("Record a strength or weakness (yours with WHO = me)."),
        Param(
            "who", metavar="WHO", required=True, complete="subject", help=N_("A partner, or 'me'.")
        ),
        Param(
            "polarity",
            metavar="strength|weakness",
            required=True,
            choices=POLARITIES,
            help=N_("strength or weakness."),
        ),
        Param(
            "area",
            metavar="AREA",
            multiple=True,
            required=True,
            complete="area",
            help=N_("e.g. SQL, public speaking."),
        ),
        Param("note", "--note", help=N_("An example, a detail.")),
        json_flag(N_("Print the trait as JSON.")),
        examples=(N_('trait add me weakness "public speaking"'),),
        action="traits.add",
        show="traits.added",
        journal="create",
    ),
    Command(
        "trait list",
        N_("List strengths and weaknesses."),
        Param("who", metavar="WHO", complete="subject", help=N_("A partner, or 'me'.")),
        json_flag(),
        examples=(N_("trait list me"),),
        action="traits.list_traits",
        show="traits.listed",
    ),
    Command(
        "trait remove",
        N_("Remove one strength or weakness."),
        Param(
            "id",
            kind="int",
            metavar="ID",
            required=True,
            help=N_("The trait's id (see: trait list)."),
        ),
        yes_flag(),
        examples=(N_("trait remove 4 --yes"),),
        action="traits.remove",
        ask="traits.ask_remove",
        show="traits.removed",
    ),
    # -- entry -------------------------------------------------------------------------
    Command(
        "entry edit",
        N_("Change one interaction; only the options you give change."),
        entry_id(),
        Param("note", "--note", help=N_("Replace the note.")),
        Param(
            "who", "--who", complete="partner", help=N_("Replace the partners (comma-separated).")
        ),
        *interaction_details(replacing=True),
        examples=(N_("entry edit 12 --when yesterday --tone 1"),),
        action="interactions.edit",
        show="interactions.edited",
    ),
    Command(
        "entry show",
        N_("Show one interaction in full, its whole note included."),
        entry_id(),
        json_flag(N_("Print the entry as JSON.")),
        examples=(N_("entry show 12"),),
        action="interactions.show",
        show="interactions.shown",
    ),
    Command(
        "entry delete",
        N_("Delete one interaction, after showing it."),
        entry_id(),
        yes_flag(),
        examples=(N_("entry delete 12 --yes"),),
        action="interactions.delete",
        ask="interactions.ask_delete",
        show="interactions.deleted",
    ),
    Command(
        "calendar import",
        N_(
            "Log the meetings in an iCalendar file (.ics, as Google Calendar, Outlook or Apple "
            "Calendar export it): each past event with a partner among its attendees becomes an "
            "entry tagged #calendar; importing it again adds nothing and moves what moved."
        ),
        Param(
            "file",
            kind="path",
            metavar="FILE",
            required=True,
            help=N_("An .ics file ('-' for stdin)."),
        ),
        Param("since", "--since", help=N_("Only events from this day on.")),
        Param("until", "--until", help=N_("Only events up to this day (never the future).")),
        Param("me", "--me", help=N_("Your own address, left out of the attendees (remembered).")),
        Param(
            "add_unknown",
            "--add-unknown",
            kind="flag",
            help=N_("Add the attendees who are not partners yet as partners."),
        ),
        dry_run_flag(),
        json_flag(N_("Print what happened as JSON.")),
        examples=(N_("calendar import calendar.ics --dry-run"),),
        action="calendar.import_calendar",
        show="calendar.imported",
    ),
    Command(
        "chat import",
        N_(
            "Log the days you and a partner wrote to each other. A WhatsApp export (.txt or "
            ".zip) or a Telegram result.json becomes one entry (a message) for each such day, "
            "tagged #whatsapp or #telegram; what was said is never kept, only how many "
            "messages. Importing a longer export again adds only the new days."
        ),
        Param(
            "file",
            kind="path",
            metavar="FILE",
            required=True,
            help=N_("The export: .txt, .zip or result.json ('-' for stdin)."),
        ),
        Param("since", "--since", help=N_("Only days from this one on.")),
        Param("until", "--until", help=N_("Only days up to this one.")),
        Param("me", "--me", help=N_("Your name as the chat shows it (remembered).")),
        Param("day_first", "--day-first", kind="flag", help=N_("The dates read 31/12.")),
        Param("month_first", "--month-first", kind="flag", help=N_("The dates read 12/31.")),
        Param(
            "add_unknown",
            "--add-unknown",
            kind="flag",
            help=N_("Add the senders who are not partners yet as partners."),
        ),
        Param(
            "keep_text",
            "--keep-text",
            kind="flag",
            help=N_("Keep what was written in each day's note; those entries are private."),
        ),
        dry_run_flag(),
        json_flag(N_("Print what happened as JSON.")),
        examples=(N_('chat import "WhatsApp Chat with Sari Wulandari.txt" --me "Budi" --dry-run'),),
        action="chats.import_chat",
        show="chats.imported",
    ),
    Command(
        "tag rename",
        N_("Rename a tag on every entry that has it (merging into a tag that exists)."),
        Param("old", metavar="OLD", required=True, help=N_("The tag now.")),
        Param("new", metavar="NEW", required=True, help=N_("What to call it.")),
        examples=(N_("tag rename project projects"),),
        action="interactions.rename_tag",
        show="interactions.renamed",
    ),
    *JOURNAL_FILE,
)
