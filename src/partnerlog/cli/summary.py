"""`partnerlog summary` and `partnerlog due`: how every partnership is going."""

from datetime import datetime
from typing import Annotated

import typer

from partnerlog import options
from partnerlog.cli.state import state, verdicts

# The dashboard shows this many partnerships unless asked for --all.
DEFAULT_ROWS = 25


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
    app.command("due")(due)


Window = Annotated[
    int, typer.Option("--window", help="Days the pillars look back over.", min=1, max=3650)
]


def summary(
    ctx: typer.Context,
    all_rows: Annotated[bool, typer.Option("--all", help="Show every partnership.")] = False,
    window: Window = 90,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The dashboard: every active partnership, who needs attention first, and what to do next.

    Example: partnerlog summary --window 60
    """
    from partnerlog import dates

    now = dates.now()
    journal = state(ctx).journal()
    found = verdicts(journal, now, window)
    if json:
        from partnerlog.render import print_json

        print_json([v.to_json() for v in found])
        return
    show_dashboard(journal, now, found, all_rows=all_rows)


def show_dashboard(journal, now: datetime, found=None, *, all_rows: bool = False) -> None:
    """Print the dashboard (the summary's table) for a journal."""
    if found is None:
        found = verdicts(journal, now, 90)
    if not found:
        typer.echo("No partners yet. Add one with: partnerlog partner add NAME", err=True)
        return
    from partnerlog.render import console, summary_table

    shown = found if all_rows else found[:DEFAULT_ROWS]
    out = console()
    # The sparkline shares one scale across every row, shown or not.
    out.print(summary_table(shown, max((max(v.weekly) for v in found), default=0), out.width))
    hidden = len(found) - len(shown)
    if hidden:
        typer.echo(
            f"… and {hidden} more partnership{'s' if hidden != 1 else ''} doing better "
            "(partnerlog summary --all shows every one)",
            err=True,
        )


def due(
    ctx: typer.Context,
    exit_code: Annotated[
        bool, typer.Option(*options.DUE["exit_code"].flags, help=options.DUE["exit_code"].help)
    ] = False,
    json: Annotated[
        bool, typer.Option(*options.DUE["json"].flags, help=options.DUE["json"].help)
    ] = False,
) -> None:
    """Who is overdue for contact, most overdue first.

    Example: partnerlog due --exit-code || echo "time to reach out"
    """
    from partnerlog.quick import due_report

    code = due_report(state(ctx).journal(), exit_code=exit_code, as_json=json)
    if code:
        raise typer.Exit(code)
