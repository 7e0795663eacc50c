"""The dashboard (`summary`, and the demo's first look) and the list of who is `due`."""

from __future__ import annotations

import sys

from partnerlog.core.vocabulary import PILLARS
from partnerlog.core.when import days_ago
from partnerlog.i18n import N_, _, ngettext
from partnerlog.present.text import phrase, plural, print_json, say, visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.console import Console, Group


def summary(board, values: dict, now) -> None:
    if values["json"]:
        print_json([v.to_json() for v in board.shown])
        return
    dashboard(board)


def dashboard(board) -> None:
    """Print the dashboard (an `app.dashboard.Dashboard`): the neediest
    partnerships first, with the next step for each."""
    if not board.total:
        say("No partners yet. Add one with: partnerlog partner add NAME")
        return
    from partnerlog.present.screen import draw, on_terminal

    shown = board.shown
    if not on_terminal():
        draw(summary_sheet(shown))  # piped: a record a line, without Rich
    else:
        from partnerlog.present.terminal import console

        out = console()
        # The sparkline shares one scale across every row, shown or not.
        out.print(summary_table(shown, board.top_week, out))
    hidden = board.total - len(shown)
    if hidden:
        say(
            "… and {more} doing better (partnerlog summary --all shows every one)",
            more=plural(hidden, "more partnership"),
        )


def due(found: list, values: dict, now) -> int:
    """Who is overdue; the exit code `--exit-code` asks for."""
    if values["json"]:
        print_json([item.to_json() for item in found])
    elif found:
        from partnerlog.present.screen import on_terminal

        lines = due_lines if on_terminal() else due_records
        sys.stdout.write("\n".join(lines(found, now.date())) + "\n")
    elif not values["exit_code"]:
        say("Nobody is due. Well kept!")
    from partnerlog.errors import SOMEONE_DUE

    anyone = any(not item.upcoming for item in found)
    return SOMEONE_DUE if values["exit_code"] and anyone else 0


def due_records(found: list, today) -> list[str]:
    """Who is due, as data: a header, then a person a line (tab-separated, their
    late promises in one field). Written without a `Sheet`: `due` may list
    hundreds of people, and its budget is `log`'s."""
    from partnerlog.core.when import due_words
    from partnerlog.present.sheet import field

    header = (
        N_("handle"), N_("name"), N_("state"), N_("days overdue"), N_("due in days"),
        N_("last contact"), N_("every (days)"), N_("promises"),
    )  # fmt: skip
    lines = ["\t".join(field(_(column)) for column in header)]
    states = {"upcoming": _("upcoming"), "overdue": _("overdue"), "": _("promise overdue")}
    ago = {}  # (a few distinct counts of days among hundreds of people)
    for item in found:
        state = "upcoming" if item.upcoming else "overdue" if item.overdue_days else ""
        promises = "; ".join(
            phrase(
                "{text} ({late}; partnerlog close {id})",
                text=p.text, late=due_words(p.due_on, today), id=p.id,
            )
            for p in item.promises
        )  # fmt: skip
        if item.days_since not in ago:
            ago[item.days_since] = (
                _("never") if item.days_since is None else days_ago(item.days_since)
            )
        lines.append(
            "\t".join((
                field(visible(item.handle)), field(visible(item.name)), states[state],
                str(item.overdue_days), str(item.due_in_days) if item.upcoming else "",
                ago[item.days_since], str(item.cadence_days),
                field(visible(promises)) if promises else "",
            ))
        )  # fmt: skip
    return lines


def due_lines(found: list, today) -> list[str]:
    """A line for each person due (or coming due), and one under it for each late promise."""
    from partnerlog.core.when import due_words

    def state(item) -> str:
        if item.upcoming:
            if not item.due_in_days:
                return _("due today (upcoming)")
            return ngettext(
                "due in {count} day (upcoming)", "due in {count} days (upcoming)", item.due_in_days
            ).format(count=item.due_in_days)
        if item.overdue_days:
            return ngettext(
                "{count} day overdue", "{count} days overdue", item.overdue_days
            ).format(count=item.overdue_days)
        return _("promise overdue")

    width = max(len(item.handle) for item in found)
    states = [state(item) for item in found]
    column = max(len(s) for s in states)
    lines = []
    # (As `phrase` fills it in, translated once for the hundreds of lines.)
    template = _(
        "{handle:<{width}}  {state:<{column}}  last contact {last}, every {cadence} days  {name}"
    )
    for item, said in zip(found, states, strict=True):
        lines.append(
            template.format(
                handle=visible(item.handle, one_line=True), width=width, state=said,
                column=column, last=days_ago(item.days_since), cadence=item.cadence_days,
                name=visible(item.name, one_line=True),
            )
        )  # fmt: skip
        for promise in item.promises:
            lines.append(
                phrase(
                    "{pad}  you promised: {text} ({late}; partnerlog close {id})",
                    pad=" " * width, text=promise.text, id=promise.id,
                    late=due_words(promise.due_on, today),
                )
            )  # fmt: skip
    return lines


def demo(built, values: dict, now) -> None:
    """`demo`: what was built, the dashboard on it, and where to look next."""
    import os
    import shlex

    target, added, found = built
    say(
        "Built a demo journal with {partners} partners, {interactions} interactions over a "
        "year, {goals} goals, {follow_ups} follow-ups and {traits} strengths and weaknesses, "
        "in {target}",
        target=str(target),
        **added,
    )
    dashboard(found)
    say(
        "\nExplore it (your own journal is untouched):\n"
        "  export PARTNERLOG_DB={path}\n"
        "  partnerlog partner show sari     (a thriving partnership)\n"
        "  partnerlog partner show andi     (one at risk)\n"
        "  partnerlog agenda                (the week ahead)\n"
        "  partnerlog report sari           (a 1:1 prep sheet)\n"
        "  partnerlog timeline dewi\n"
        "  partnerlog complement\n"
        "  partnerlog search migrasi\n"
        "and when you are done: unset PARTNERLOG_DB",
        path=shlex.quote(os.path.abspath(target)),  # (it must work after a cd)
    )


def summary_sheet(verdicts: list):
    """The dashboard as data: a partnership a line, its figures, then its next step."""
    from partnerlog.present.sheet import Sheet, cell

    sheet = Sheet()
    for column in (
        N_("status"), N_("partner"), N_("handle"), N_("score"), *PILLARS, N_("last seen"),
        N_("30d/90d"), N_("tone trend"), N_("next step"),
    ):  # fmt: skip
        sheet.add_column(_(column))
    for verdict in verdicts:
        trend = "" if verdict.tone_trend is None else f"{verdict.tone_trend:+.1f}"
        sheet.add_row(
            _(verdict.status), cell(verdict.name), cell(verdict.handle), str(verdict.score),
            *(str(verdict.pillars[pillar]) for pillar in PILLARS),
            _("never") if verdict.days_since is None else days_ago(verdict.days_since),
            f"{verdict.interactions_30d}/{verdict.interactions_90d}", trend,
            cell(verdict.next_step),
        )  # fmt: skip
    return sheet


# The dashboard's columns and their widths (the partner's is worked out).
_DASHBOARD_COLUMNS = (
    (N_("status"), 8), (N_("partner"), 0), (N_("score"), 5), (N_("pillars"), 7),
    (N_("last seen"), 11), (N_("30d/90d"), 7), (N_("12 weeks"), 12), (N_("tone"), 4),
)  # fmt: skip
_ALWAYS = {"status", "score", "pillars", "last seen", "tone"}
NAME_ROOM = 24


def summary_table(verdicts: list, top_week: int, out: Console) -> Group:
    """The dashboard: one line of figures per partnership, its next step beneath.

    Laid out by hand (not a Rich table) so the next step gets the full width
    and the dashboard stays readable in an 80-column terminal.
    """
    from rich.console import Group
    from rich.text import Text

    from partnerlog.core.health import PILLAR_POINTS
    from partnerlog.present.terminal import (
        STATUS_STYLES,
        STEP_INDENT,
        _days_ago,
        pillar_bars,
        sparkline,
        trend_mark,
        user_text,
    )

    width = out.width
    # "last seen" holds up to "99 days ago" (or "never") in the language spoken.
    seen_room = max(11, len(_days_ago(99)), len(_("never")))
    layout = [
        (name, seen_room if name == "last seen" else size) for name, size in _DASHBOARD_COLUMNS
    ]
    # Names are what the dashboard is for: they get up to NAME_ROOM columns, and
    # when the screen is narrow the weekly sparkline, then the 30d/90d counts,
    # give way before a name is cut.
    seen: dict[str, int] = {}
    for verdict in verdicts:
        seen[verdict.name] = seen.get(verdict.name, 0) + 1
    # Two people of one name are told apart by their handles.
    names = {
        v.handle: user_text(v.name + (f" ({v.handle})" if seen[v.name] > 1 else ""), one_line=True)
        for v in verdicts
    }
    longest = max((n.cell_len for n in names.values()), default=12)
    wanted = max(12, min(NAME_ROOM, longest))
    shown = {"12 weeks", "30d/90d"}
    for optional in ("12 weeks", "30d/90d"):
        sizes = [size for name, size in layout if name != "partner" and name in
                 shown | _ALWAYS]  # fmt: skip
        if sum(sizes) + 2 * len(sizes) + wanted <= width:
            break
        shown.discard(optional)
    sizes = [size for name, size in layout if name != "partner" and name in shown | _ALWAYS]
    name_width = max(12, min(wanted, width - sum(sizes) - 2 * len(sizes)))

    def cell(text: Text | str, size: int, right: bool = False) -> Text:
        text = Text(text) if isinstance(text, str) else text.copy()
        text.truncate(size, overflow="ellipsis")
        pad = " " * (size - text.cell_len)
        return Text(pad) + text if right else text + Text(pad)

    columns = [
        (name, name_width if name == "partner" else size, name in ("score", "30d/90d"))
        for name, size in layout
        if name == "partner" or name in shown | _ALWAYS
    ]
    header = Text("  ").join(
        cell(Text(_(name), style="bold"), size, right) for name, size, right in columns
    )
    lines: list = [header]
    for verdict in verdicts:
        last = _("never") if verdict.days_since is None else _days_ago(verdict.days_since)
        every = {
            "status": Text(_(verdict.status), style=STATUS_STYLES[verdict.status]),
            "partner": names[verdict.handle],
            "score": Text(str(verdict.score)),
            "pillars": pillar_bars(verdict.pillars),
            "last seen": Text(last, style="red" if verdict.due else ""),
            "30d/90d": Text(f"{verdict.interactions_30d}/{verdict.interactions_90d}"),
            "12 weeks": sparkline(verdict.weekly, top_week),
            "tone": Text(" ") + trend_mark(verdict.tone_trend),
        }
        values = [every[column[0]] for column in columns]
        row = Text("  ").join(
            cell(value, column[1], column[2]) for value, column in zip(values, columns, strict=True)
        )
        lines.append(row.rstrip() or row)
        # The next step beneath, wrapped with a hanging indent.
        step = user_text(verdict.next_step).wrap(out, max(1, width - STEP_INDENT))
        for number, line in enumerate(step):
            lead = Text("↳ ".rjust(STEP_INDENT), style="dim") if number == 0 else STEP_INDENT * " "
            line.rstrip()
            lines.append(Text.assemble(lead, line))
    key = Text(
        _("pillars: {names}  (each 0–{points}; the score is their sum)").format(
            names=" · ".join(_(p) for p in PILLARS), points=PILLAR_POINTS
        ),
        style="dim",
    )
    for line in key.wrap(out, width):
        line.rstrip()
        lines.append(line)
    return Group(*lines)
