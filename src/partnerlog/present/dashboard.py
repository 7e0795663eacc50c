"""The dashboard (`summary`, and the demo's first look) and the list of who is `due`."""

import sys

from partnerlog.present.text import phrase, plural, print_json, say

# The dashboard shows this many partnerships unless asked for --all.
DEFAULT_ROWS = 25


def summary(found: list, values: dict, now) -> None:
    if values["json"]:
        print_json([v.to_json() for v in found])
        return
    dashboard(found, all_rows=values["all"])


def dashboard(found: list, *, all_rows: bool = False) -> None:
    """Print the dashboard: the neediest partnerships first, with the next step for each."""
    if not found:
        say("No partners yet. Add one with: partnerlog partner add NAME")
        return
    from partnerlog.present.terminal import console, summary_table

    shown = found if all_rows else found[:DEFAULT_ROWS]
    out = console()
    # The sparkline shares one scale across every row, shown or not.
    out.print(summary_table(shown, max((max(v.weekly) for v in found), default=0), out))
    hidden = len(found) - len(shown)
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
        width = max(len(item.handle) for item in found)
        lines = []
        for item in found:
            last = "never" if item.days_since is None else f"{item.days_since} days ago"
            lines.append(
                phrase(
                    "{handle:<{width}}  {overdue:>3} days overdue  "
                    "last contact {last}, every {cadence} days  {name}",
                    handle=item.handle,
                    width=width,
                    overdue=item.overdue_days,
                    last=last,
                    cadence=item.cadence_days,
                    name=item.name,
                )
            )
        sys.stdout.write("\n".join(lines) + "\n")
    elif not values["exit_code"]:
        say("Nobody is due. Well kept!")
    from partnerlog.errors import SOMEONE_DUE

    return SOMEONE_DUE if values["exit_code"] and found else 0


def demo(built, values: dict, now) -> None:
    """`demo`: what was built, the dashboard on it, and where to look next."""
    import shlex

    target, added, found = built
    say(
        "Built a demo journal with {partners} partners, {interactions} interactions over a "
        "year, {goals} goals and {traits} strengths and weaknesses, in {target}",
        target=str(target),
        **added,
    )
    dashboard(found)
    say(
        "\nExplore it (your own journal is untouched):\n"
        "  export PARTNERLOG_DB={path}\n"
        "  partnerlog partner show sari     (a thriving partnership)\n"
        "  partnerlog partner show andi     (one at risk)\n"
        "  partnerlog due\n"
        "  partnerlog timeline dewi\n"
        "  partnerlog complement\n"
        "  partnerlog search migrasi\n"
        "and when you are done: unset PARTNERLOG_DB",
        path=shlex.quote(str(target)),
    )
