"""Rich views for people, and the one safe way to print user text.

User text (names, notes, tags) is always wrapped in ``rich.text.Text`` after
``models.visible`` has made control characters visible, so ``[bold]`` prints
as typed and an escape sequence can never reach the terminal. Consoles are
made with markup and emoji off for the same reason.
"""

import json
import sys
from datetime import date, datetime

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from partnerlog import dates
from partnerlog.models import Goal, Interaction, Pair, Partner, Trait, hashtags, visible

TONE_MARKS = {-2: "−−", -1: "−", 0: "·", 1: "+", 2: "++"}
TONE_STYLES = {-2: "red", -1: "red", 0: "", 1: "green", 2: "green"}


def console(*, stderr: bool = False) -> Console:
    # Made per call (not at import) so tests that swap stdout see the output.
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False)


def user_text(text: str | None, *, one_line: bool = False, style: str = "") -> Text:
    """User text as a Rich ``Text``: printed exactly as typed, never as markup."""
    return Text(visible(text or "", one_line=one_line), style=style)


def print_json(data: object) -> None:
    """``--json`` output: plain ``json.dumps``, no Rich."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def tone_mark(tone: int | None) -> Text:
    if tone is None:
        return Text("")
    return Text(TONE_MARKS[tone], style=TONE_STYLES[tone])


def interactions_table(
    interactions: list[Interaction], names: dict[str, str], now: datetime
) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("id", justify="right", style="dim")
    table.add_column("when", no_wrap=True)
    table.add_column("with")
    table.add_column("kind")
    table.add_column("tone", justify="center")
    table.add_column("note", ratio=1)
    for interaction in interactions:
        moment = dates.from_iso(interaction.occurred_at)
        kind = interaction.kind + (f" ({interaction.setting})" if interaction.setting else "")
        note = user_text(interaction.note)
        in_note = set(hashtags(interaction.note))
        extra_tags = [tag for tag in interaction.tags if tag not in in_note]
        if extra_tags:
            note.append("  " + " ".join("#" + tag for tag in extra_tags), style="cyan")
        if interaction.private:
            note.append("  (private)", style="dim")
        table.add_row(
            str(interaction.id),
            moment.strftime("%Y-%m-%d %H:%M"),
            user_text(", ".join(names.get(h, h) for h in interaction.partners), one_line=True),
            user_text(kind, one_line=True),
            tone_mark(interaction.tone),
            note,
        )
    return table


def partners_table(partners: list[Partner], last_contact: dict[int, str], now: datetime) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for column in ("handle", "name", "kind", "relation", "role", "org", "cadence", "last contact"):
        table.add_column(column)
    for partner in partners:
        seen = last_contact.get(partner.id)
        name = user_text(partner.name, one_line=True)
        if partner.archived:
            name.append(" (archived)", style="dim")
        table.add_row(
            user_text(partner.handle, one_line=True, style="bold"),
            name,
            partner.kind,
            partner.relation,
            user_text(partner.role, one_line=True),
            user_text(partner.org, one_line=True),
            f"{partner.effective_cadence}d" + ("" if partner.cadence_days else " (default)"),
            dates.ago(dates.from_iso(seen) if seen else None, now),
        )
    return table


def interaction_summary(interaction: Interaction, names: dict[str, str], now: datetime) -> Text:
    """One entry as a few lines, for confirmations ("delete this?") and `undo`."""
    moment = dates.from_iso(interaction.occurred_at)
    text = Text(f"#{interaction.id} ", style="dim")
    text.append(f"{interaction.kind} with ")
    text.append(user_text(", ".join(names.get(h, h) for h in interaction.partners), one_line=True))
    text.append(f", {dates.describe(moment, now)}")
    if interaction.note:
        text.append("\n  ")
        text.append(user_text(interaction.note, one_line=True))
    return text


def show_partner(
    partner: Partner,
    recent: list[Interaction],
    names: dict[str, str],
    now: datetime,
    *,
    goals: list[Goal] = (),
    traits: list[Trait] = (),
    pairs: list[Pair] = (),
) -> Group:
    """The profile of one partner."""
    title = user_text(partner.name, one_line=True, style="bold")
    title.append(f"  ({partner.handle})", style="dim")
    if partner.archived:
        title.append("  archived", style="yellow")
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    facts.add_row("kind", f"{partner.kind}, {partner.relation}")
    for label, value in (("role", partner.role), ("org", partner.org), ("notes", partner.notes)):
        if value:
            facts.add_row(label, user_text(value))
    cadence = f"every {partner.effective_cadence} days"
    facts.add_row("cadence", cadence + ("" if partner.cadence_days else " (default)"))
    last = dates.from_iso(recent[0].occurred_at) if recent else None
    facts.add_row("last contact", dates.ago(last, now))
    parts: list = [title, facts]
    if goals:
        parts += [Text("\nGoals", style="bold"), goals_table(list(goals), names, now.date())]
    if traits:
        parts += [Text("\nStrengths and weaknesses", style="bold"), traits_table(list(traits))]
    if pairs:
        parts += [Text("\nComplement", style="bold"), complement_view(list(pairs), names)]
    if recent:
        parts += [
            Text("\nRecent interactions", style="bold"),
            interactions_table(recent, names, now),
        ]
    return Group(*parts)


def goals_table(goals: list[Goal], names: dict[str, str], today: date) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for column in ("id", "with", "owner", "goal", "due", "progress", "last check-in"):
        table.add_column(column, justify="right" if column in ("id", "progress") else "left")
    for goal in goals:
        due = Text(goal.due_on or "")
        overdue = goal.overdue_days(today)
        if overdue:
            due.append(f" overdue {overdue}d", style="bold red")
        title = user_text(goal.title)
        if goal.status != "open":
            title.append(f"  ({goal.status})", style="dim")
        last = goal.updates[-1] if goal.updates else None
        check_in = Text("")
        if last is not None:
            check_in = Text(last.at[:10] + " ", style="dim")
            check_in.append(user_text(last.note or "", one_line=True))
        table.add_row(
            str(goal.id),
            user_text(names.get(goal.partner, goal.partner), one_line=True),
            goal.owner,
            title,
            due,
            progress_bar(goal.progress),
            check_in,
        )
    return table


def progress_bar(percent: int, width: int = 10) -> Text:
    filled = round(percent * width / 100)
    text = Text("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {percent:>3}%")
    return text


def traits_table(traits: list[Trait]) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for column in ("id", "who", "", "area", "note"):
        table.add_column(column, justify="right" if column == "id" else "left")
    for trait in traits:
        mark = (
            Text("+ strength", style="green")
            if trait.polarity == "strength"
            else Text("− weakness", style="yellow")
        )
        table.add_row(
            str(trait.id),
            user_text(trait.subject, one_line=True),
            mark,
            user_text(trait.label, one_line=True),
            user_text(trait.note or "", one_line=True),
        )
    return table


def complement_view(pairs: list[Pair], names: dict[str, str]) -> Group:
    """Three short lists: who covers my gaps, whose gaps I cover, and my uncovered gaps."""

    def who(handle: str) -> Text:
        return user_text(names.get(handle, handle), one_line=True, style="bold")

    covering_me = [p for p in pairs if p.weak == "me" and p.strong]
    covering_them = [p for p in pairs if p.strong == "me"]
    uncovered = [p for p in pairs if p.strong is None]
    parts: list = []
    if covering_me:
        parts.append(Text("Who covers my weaknesses", style="bold underline"))
        for pair in covering_me:
            line = Text("  ")
            line.append(user_text(pair.label or pair.area, one_line=True))
            line.append(": ")
            line.append(who(pair.strong))
            line.append(" is strong where I am weak")
            parts.append(line)
    if covering_them:
        parts.append(Text("Where my strengths cover theirs", style="bold underline"))
        for pair in covering_them:
            line = Text("  ")
            line.append(user_text(pair.label or pair.area, one_line=True))
            line.append(": I can help ")
            line.append(who(pair.weak))
            parts.append(line)
    if uncovered:
        parts.append(Text("My weaknesses nobody covers yet", style="bold underline"))
        for pair in uncovered:
            line = Text("  ")
            line.append(user_text(pair.label or pair.area, one_line=True))
            line.append(" — look for someone strong here", style="dim")
            parts.append(line)
    return Group(*parts)
