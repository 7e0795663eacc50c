"""`partnerlog summary` and `partnerlog due`: how every partnership is going."""

from typing import Annotated

import typer

from partnerlog import options
from partnerlog.cli.state import state


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
    app.command("due")(due)


SUMMARY = options.SUMMARY


def summary(
    ctx: typer.Context,
    all_rows: Annotated[
        bool, typer.Option(*SUMMARY["all"].flags, help=SUMMARY["all"].help)
    ] = False,
    window: Annotated[
        int, typer.Option(*SUMMARY["window"].flags, help=SUMMARY["window"].help, min=1, max=3650)
    ] = 90,
    json: Annotated[bool, typer.Option(*SUMMARY["json"].flags, help=SUMMARY["json"].help)] = False,
) -> None:
    """The dashboard: every active partnership, who needs attention first, and what to do next.

    Example: partnerlog summary --window 60
    """
    from partnerlog.commands import summary as show_summary

    show_summary(state(ctx).journal(), all_rows=all_rows, window=window, as_json=json)


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
    from partnerlog.commands import due_report

    code = due_report(state(ctx).journal(), exit_code=exit_code, as_json=json)
    if code:
        raise typer.Exit(code)
