"""Rich views for people, and the one safe way to print user text.

User text (names, notes, tags) is always wrapped in ``rich.text.Text`` after
``text.visible`` has made control characters visible, so ``[bold]`` prints
as typed and an escape sequence can never reach the terminal. Consoles are
made with markup and emoji off for the same reason.

`rich.table` loads only when a table is drawn: the dashboard draws none, and
importing it costs about a quarter of Python's own start-up.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.console import Console, Group
from rich.text import Text

from partnerlog.core import dates, when
from partnerlog.core.health import PILLAR_POINTS
from partnerlog.core.records import Goal, Interaction, Pair, Partner, Trait
from partnerlog.core.vocabulary import PILLARS, WINDOW_DAYS
from partnerlog.i18n import N_, _, number
from partnerlog.present.tables import (
    complement_sections,
    goals_table,
    interactions_table,
    kind_words,
    partner_facts,
    traits_table,
    trend_arrow,
)
from partnerlog.present.text import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.table import Table


class _Console(Console):
    """Rich's console, leaving a closed pipe to partnerlog's one error boundary.

    Rich ends the process with exit 1 when the reader goes away; for
    partnerlog, `timeline | head` is not an error, whichever view drew it.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def console(*, stderr: bool = False) -> Console:
    # Made per call (not at import) so tests that swap stdout see the output.
    return _Console(stderr=stderr, markup=False, emoji=False, highlight=False)


def user_text(text: str | None, *, one_line: bool = False, style: str = "") -> Text:
    """User text as a Rich ``Text``: printed exactly as typed, never as markup."""
    return Text(visible(text or "", one_line=one_line), style=style)


def grid(**options) -> Table:
    """Columns without headings or borders (Rich's ``Table.grid``)."""
    from rich.table import Table

    return Table.grid(**options)


def entry_view(interaction: Interaction, names: dict[str, str], now: datetime) -> Group:
    """One entry in full: its facts, then its whole note as typed (made safe)."""
    facts = grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    moment = dates.from_iso(interaction.occurred_at).astimezone(now.tzinfo)
    rows = [
        (N_("entry"), f"#{interaction.id}"),
        (N_("when"), f"{moment:%Y-%m-%d %H:%M} ({when.describe(moment, now)})"),
        (N_("with"), ", ".join(names.get(h, h) for h in interaction.partners)),
        (N_("kind"), kind_words(interaction)),
        (N_("tone"), "" if interaction.tone is None else f"{interaction.tone:+d}"),
        (N_("pillars"), ", ".join(_(p) for p in interaction.pillars)),
        (N_("benefits"), ", ".join(_(b) for b in interaction.benefits)),
        (N_("tags"), " ".join("#" + t for t in interaction.tags)),
        (N_("private"), _("yes") if interaction.private else ""),
    ]
    for label, value in rows:
        if value:
            facts.add_row(_(label), user_text(value, one_line=True))
    return Group(facts, Text(""), user_text(interaction.note))


def show_partner(
    partner: Partner,
    recent: list[Interaction],
    names: dict[str, str],
    now: datetime,
    *,
    goals: list[Goal] = (),
    traits: list[Trait] = (),
    pairs: list[Pair] = (),
    verdict=None,
    emails: list[str] = (),
    phones: list[str] = (),
    opening: list = (),
    dates_shown: str = "",
) -> Group:
    """The profile of one partner; ``opening`` comes first after the facts (what to
    bring next time)."""
    title = user_text(partner.name, one_line=True, style="bold")
    title.append(f"  ({visible(partner.handle, one_line=True)})", style="dim")
    if partner.archived:
        title.append("  " + _("archived"), style="yellow")
    facts = grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    for label, value in partner_facts(partner, recent, now, emails, dates_shown, phones):
        facts.add_row(label, value.rich())
    parts: list = [title, facts, *opening]
    if verdict is not None:
        parts += [Text(""), health_view(verdict)]
    if goals:
        parts += [
            Text("\n" + _("Goals"), style="bold"),
            goals_table(list(goals), names, now.date()).rich(),
        ]
    if traits:
        parts += [
            Text("\n" + _("Strengths and weaknesses"), style="bold"),
            traits_table(list(traits)).rich(),
        ]
    if pairs:
        parts += [Text("\n" + _("Complement"), style="bold"), complement_view(list(pairs), names)]
    if recent:
        parts += [
            Text("\n" + _("Recent interactions"), style="bold"),
            interactions_table(recent, names, now, besides=partner.handle).rich(),
        ]
    return Group(*parts)


def complement_view(pairs: list[Pair], names: dict[str, str]) -> Group:
    """Three short lists: who covers my gaps, whose gaps I cover, and my uncovered gaps."""
    parts: list = []
    for heading, lines in complement_sections(pairs, names):
        parts.append(Text(heading, style="bold underline"))
        parts += [Text("  ") + line.rich() for line in lines]
    return Group(*parts)


STATUS_STYLES = {
    "thriving": "bold green",
    "steady": "green",
    "new": "cyan",
    "drifting": "yellow",
    "at-risk": "bold red",
}
BLOCKS = "▁▂▃▄▅▆▇█"
SPARKS = " ▁▂▃▄▅▆▇█"


def pillar_bars(pillars: dict[str, int]) -> Text:
    """The five pillars as five small bars (0–20 each), coloured by strength."""
    text = Text()
    for pillar in PILLARS:
        value = pillars[pillar]
        block = BLOCKS[min(len(BLOCKS) - 1, value * len(BLOCKS) // 21)]
        text.append(block, style="red" if value < 7 else "yellow" if value < 14 else "green")
    return text


def sparkline(counts: list[int], top: int) -> Text:
    """Weekly activity on a scale shared by every row (``top`` = the busiest week anywhere)."""
    if top <= 0:
        return Text(" " * len(counts))
    chars = [SPARKS[0 if n == 0 else max(1, round(n * (len(SPARKS) - 1) / top))] for n in counts]
    return Text("".join(chars), style="cyan")


def trend_mark(trend: float | None) -> Text:
    arrow, style = trend_arrow(trend)
    return Text(arrow, style=style)


STEP_INDENT = 12  # the dashboard's next step starts under the partner's name


def health_view(verdict) -> Group:
    """A partner's health: status and score, each pillar with its reason, next step, benefits."""
    head = Text(_("Health") + "  ", style="bold")
    head.append(_(verdict.status), style=STATUS_STYLES[verdict.status])
    head.append(f"  {verdict.score}/100")
    if verdict.tone_avg_90d is not None:
        head.append("  " + _("tone {tone}").format(tone=number(verdict.tone_avg_90d, "+.1f")) + " ")
        head.append(trend_mark(verdict.tone_trend))
    table = grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column()
    for pillar in PILLARS:
        value = verdict.pillars[pillar]
        filled = round(value / 2)
        bar = Text("█" * filled, style="red" if value < 7 else "yellow" if value < 14 else "green")
        bar.append("░" * (10 - filled), style="dim")
        table.add_row(
            _(pillar), bar, f"{value}/{PILLAR_POINTS}", user_text(verdict.pillar_reasons[pillar])
        )
    step = Text(_("Next step") + "  ", style="bold")
    step.append(user_text(verdict.next_step))
    delivered = [f"{_(b)} {n}" for b, n in verdict.benefits.items() if n]
    benefits = Text(_("Benefits ({days} days)").format(days=WINDOW_DAYS) + "  ", style="bold")
    benefits.append(
        ", ".join(delivered) if delivered else _("none tagged yet (log with --benefit)")
    )
    parts: list = [head, table, step, benefits]
    if verdict.reasons:
        parts.insert(1, Text("; ".join(visible(r) for r in verdict.reasons), style="dim"))
    return Group(*parts)


def _days_ago(days: int) -> str:
    """As `when.ago` says it, from a number of days."""
    return when.ago(datetime(2000, 1, 1) - timedelta(days=days), datetime(2000, 1, 1))
