"""The lists as sheets (`present.sheet`): entries, partners, goals, traits and
follow-ups. Drawn by Rich on a terminal, tab-separated when piped; nothing
here imports Rich."""

from __future__ import annotations

from datetime import date, datetime

from partnerlog.core import dates, when
from partnerlog.core.records import Goal, Interaction, Partner, Trait
from partnerlog.core.vocabulary import hashtags
from partnerlog.core.when import due_words
from partnerlog.i18n import N_, _
from partnerlog.present.sheet import Cell, Sheet, cell, tone_mark
from partnerlog.present.text import visible

TYPE_WORDS = {"raise": N_("topic to raise"), "promise": N_("promise")}


def what(item) -> str:
    """ "promise", "their promise", "topic to raise"."""
    if item.type == "promise" and item.owner == "partner":
        return _("their promise")
    return _(TYPE_WORDS[item.type])


# Views show this much of a long note; `entry show ID` shows all of it.
TABLE_NOTE = 1_000
LINE_NOTE = 200


def kind_words(interaction: Interaction) -> str:
    """An entry's kind and, when logged, where: "lunch (outside)"."""
    setting = interaction.setting
    return interaction.kind + (f" ({_(setting)})" if setting else "")


def shortened(note: str, entry_id: int | None, most: int) -> str:
    """``note``, or its beginning and how much more there is to read."""
    if len(note) <= most:
        return note
    rest = len(note) - most
    where = f"; partnerlog entry show {entry_id}" if entry_id is not None else ""
    more = _("({count:,} more characters{where})").format(count=rest, where=where)
    return f"{note[:most]}… {more}"


def interactions_table(
    interactions: list[Interaction],
    names: dict[str, str],
    now: datetime,
    *,
    besides: str | None = None,
) -> Sheet:
    """Entries, newest first. ``besides``: the partner whose profile this is; the
    "with" column then goes, and who else was there follows the note."""
    others = {i.id: [h for h in i.partners if h != besides] for i in interactions}
    show_with = besides is None
    table = Sheet()
    table.add_column(_("id"), justify="right", style="dim")
    table.add_column(_("when"), no_wrap=True)
    if show_with:
        table.add_column(_("with"))
    table.add_column(_("kind"))
    table.add_column(_("tone"), justify="center")
    table.add_column(_("note"), ratio=1)
    for interaction in interactions:
        moment = dates.from_iso(interaction.occurred_at).astimezone(now.tzinfo)
        kind = kind_words(interaction)
        note = cell(shortened(interaction.note, interaction.id, TABLE_NOTE))
        in_note = set(hashtags(interaction.note))
        extra_tags = [tag for tag in interaction.tags if tag not in in_note]
        if extra_tags:
            shown = visible(" ".join("#" + tag for tag in extra_tags), one_line=True)
            note.append("  " + shown, style="cyan")
        if besides and others[interaction.id]:  # who else was there, after the note
            also = ", ".join(names.get(h, h) for h in others[interaction.id])
            note.append("  " + _("with {names}").format(names=visible(also, one_line=True)),
                        style="dim")  # fmt: skip
        if interaction.private:
            note.append("  " + _("(private)"), style="dim")
        people = others[interaction.id] if besides else interaction.partners
        cells = [str(interaction.id), moment.strftime("%Y-%m-%d %H:%M")]
        if show_with:
            cells.append(cell(", ".join(names.get(h, h) for h in people), one_line=True))
        table.add_row(
            *cells,
            cell(kind, one_line=True),
            tone_mark(interaction.tone),
            note,
        )
    return table


def partners_table(
    partners: list[Partner], last_contact: dict[int, str], now: datetime, width: int = 200
) -> Sheet:
    """Partners; on a narrow screen role and organisation give way (`partner show` has
    them) so the handle, the name and the rest are never cut."""
    wide = width >= 100
    table = Sheet()
    longest = max((len(p.name) for p in partners), default=4)
    table.add_column(_("handle"), no_wrap=True)
    table.add_column(_("name"), min_width=min(longest, 16))
    for column in (N_("kind"), N_("relation"), *((N_("role"), N_("org")) if wide else ())):
        table.add_column(_(column), no_wrap=column in ("kind", "relation"))
    table.add_column(_("cadence"), no_wrap=True)
    table.add_column(_("last contact"), no_wrap=True)
    for partner in partners:
        seen = last_contact.get(partner.id)
        name = cell(partner.name, one_line=True)
        if partner.archived:
            name.append(" " + _("(archived)"), style="dim")
        details = [cell(partner.role, one_line=True), cell(partner.org, one_line=True)]
        cadence = _("{days}d").format(days=partner.effective_cadence)
        if wide and not partner.cadence_days:
            cadence += " " + _("(default)")
        table.add_row(
            cell(partner.handle, one_line=True, style="bold"),
            name,
            _(partner.kind),
            _(partner.relation),
            *(details if wide else ()),
            cadence,
            when.ago(dates.from_iso(seen) if seen else None, now),
        )
    return table


def goals_table(goals: list[Goal], names: dict[str, str], today: date) -> Sheet:
    table = Sheet()
    for column in (
        N_("id"), N_("with"), N_("owner"), N_("goal"), N_("due"), N_("progress"),
        N_("last check-in"),
    ):  # fmt: skip
        # A date is never cut ("2026-1…"): the goal's title wraps instead.
        whole = {"min_width": 10} if column == "due" else {}
        table.add_column(
            _(column), justify="right" if column in ("id", "progress") else "left", **whole
        )
    for goal in goals:
        due = Cell(goal.due_on or "")
        overdue = goal.overdue_days(today)
        if overdue:
            due.append(" " + _("overdue {days}d").format(days=overdue), style="bold red")
        title = cell(goal.title)
        if goal.status != "open":
            title.append(f"  ({_(goal.status)})", style="dim")
        last = goal.updates[-1] if goal.updates else None
        check_in = Cell("")
        if last is not None:
            check_in = Cell(last.at[:10] + " ", style="dim")
            check_in.append(cell(last.note or "", one_line=True).plain)
        table.add_row(
            str(goal.id),
            cell(names.get(goal.partner, goal.partner), one_line=True),
            _(goal.owner),
            title,
            due,
            progress_bar(goal.progress),
            check_in,
        )
    return table


def progress_bar(percent: int, width: int = 10) -> Cell:
    filled = round(percent * width / 100)
    text = Cell("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {percent:>3}%")
    return text


def traits_table(traits: list[Trait]) -> Sheet:
    table = Sheet()
    for column in (N_("id"), N_("who"), N_("strength/weakness"), N_("area"), N_("note")):
        table.add_column(_(column), justify="right" if column == "id" else "left")
    for trait in traits:
        mark = (
            Cell("+ " + _("strength"), style="green")
            if trait.polarity == "strength"
            else Cell("− " + _("weakness"), style="yellow")
        )
        table.add_row(
            str(trait.id),
            cell(_(trait.subject) if trait.subject == "me" else trait.subject, one_line=True),
            mark,
            cell(trait.label, one_line=True),
            cell(trait.note or "", one_line=True),
        )
    return table


def follow_ups_table(items, names: dict[str, str], today, *, with_whom: bool = True):
    """Follow-ups: id, with whom, what, the text, and when due (overdue in red)."""

    table = Sheet()
    table.add_column(_("id"), justify="right", no_wrap=True)
    if with_whom:
        table.add_column(_("with"), no_wrap=True)
    show_what = with_whom or any(item.type != "raise" for item in items)
    if show_what:
        table.add_column(_("what"), no_wrap=True)
    table.add_column(_("text"))
    table.add_column(_("due"), no_wrap=True)
    for item in items:
        due = Cell(due_words(item.due_on, today))
        if item.overdue_days(today):
            due.stylize("bold red")
        if item.status != "open":
            due = Cell(_("done {day}").format(day=(item.closed_at or "")[:10]), style="dim")
        cells = [str(item.id)]
        if with_whom:
            cells.append(cell(names.get(item.partner, item.partner), one_line=True))
        if show_what:
            cells.append(what(item))
        table.add_row(*cells, cell(item.text, one_line=True), due)
    return table


def interaction_summary(interaction: Interaction, names: dict[str, str], now: datetime) -> str:
    """One entry as a few lines of plain text, for confirmations ("delete this?") and
    `undo`: user text made safe, and no Rich."""
    moment = dates.from_iso(interaction.occurred_at).astimezone(now.tzinfo)
    who = visible(", ".join(names.get(h, h) for h in interaction.partners), one_line=True)
    text = f"#{interaction.id} " + _("{kind} with {who}").format(
        kind=visible(interaction.kind, one_line=True), who=who
    )
    text += f", {when.describe(moment, now)}"
    if interaction.note:
        note = shortened(interaction.note, interaction.id, LINE_NOTE)
        text += "\n  " + visible(note, one_line=True)
    return text


# -- a partner's profile (`partner show`), in parts both views draw -------------


def partner_facts(
    partner: Partner, recent: list, now: datetime, emails, dates_shown: str, phones=()
):
    """The profile's facts: (label, value) pairs, user text as cells."""
    from partnerlog.core.when import ahead

    facts: list = [(_("kind"), Cell(f"{_(partner.kind)}, {_(partner.relation)}"))]
    for label, value in (
        (N_("role"), partner.role), (N_("org"), partner.org), (N_("notes"), partner.notes),
    ):  # fmt: skip
        if value:
            facts.append((_(label), cell(value)))
    if emails:
        facts.append((_("email"), cell(", ".join(emails), one_line=True)))
    if phones:
        facts.append((_("phone"), cell(", ".join(phones), one_line=True)))
    cadence = _("every {days} days").format(days=partner.effective_cadence)
    cadence += "" if partner.cadence_days else " " + _("(default)")
    facts.append((_("cadence"), Cell(cadence)))
    last = dates.from_iso(recent[0].occurred_at) if recent else None
    facts.append((_("last contact"), Cell(when.ago(last, now))))
    if partner.paused(now.date()):
        away = _("until {day}").format(
            day=ahead(date.fromisoformat(partner.paused_until), now.date())
        )
        if partner.pause_reason:
            away += f" ({partner.pause_reason})"
        facts.append((_("paused"), cell(away)))
    if dates_shown:
        facts.append((_("dates"), cell(dates_shown)))
    return facts


def complement_sections(pairs: list, names: dict[str, str]) -> list[tuple[str, list[Cell]]]:
    """Three short lists, each (heading, lines): who covers my weaknesses, whose I
    cover, and my weaknesses nobody covers yet."""

    def who(handle: str) -> tuple[str, str]:
        return visible(names.get(handle, handle), one_line=True), "bold"

    sections = (
        (
            _("Who covers my weaknesses"),
            [p for p in pairs if p.weak == "me" and p.strong],
            lambda pair: [(": ", ""), who(pair.strong), (" " + _("is strong where I am weak"), "")],
        ),
        (
            _("Where my strengths cover theirs"),
            [p for p in pairs if p.strong == "me"],
            lambda pair: [(": " + _("I can help") + " ", ""), who(pair.weak)],
        ),
        (
            _("My weaknesses nobody covers yet"),
            [p for p in pairs if p.strong is None],
            lambda pair: [(" — " + _("look for someone strong here"), "dim")],
        ),
    )
    found = []
    for heading, chosen, words in sections:
        lines = []
        for pair in chosen:
            line = cell(pair.label or pair.area, one_line=True)
            for text, style in words(pair):
                line.append(text, style)
            lines.append(line)
        if lines:
            found.append((heading, lines))
    return found


def trend_arrow(trend: float | None) -> tuple[str, str]:
    """The tone's trend as an arrow and its style ("" with no trend)."""
    if trend is None:
        return "", ""
    if trend >= 0.5:
        return "↗", "green"
    if trend <= -0.5:
        return "↘", "red"
    return "→", ""
