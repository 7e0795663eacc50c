"""`partnerlog log WHO [NOTE]`: record an interaction in one line.

The work is in `partnerlog.commands` (`record`, `report_logged`), which the
quick path runs too; the options come from `partnerlog.options`, shared with it.
"""

from typing import Annotated

import typer

from partnerlog import options
from partnerlog.cli.state import complete_partner, state

LOG = options.LOG


def register(app: typer.Typer) -> None:
    app.command("log")(log)


def log(
    ctx: typer.Context,
    who: Annotated[
        str,
        typer.Argument(
            metavar="WHO",
            help="Who: handle, name or unique prefix; several separated by commas.",
            autocompletion=complete_partner,
        ),
    ],
    note: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="NOTE",
            help="What happened. @handle adds a partner, #word adds a tag. "
            "Read from stdin when omitted.",
        ),
    ] = None,
    kind: Annotated[str | None, typer.Option(*LOG["kind"].flags, help=LOG["kind"].help)] = None,
    when: Annotated[str | None, typer.Option(*LOG["when"].flags, help=LOG["when"].help)] = None,
    tone: Annotated[int | None, typer.Option(*LOG["tone"].flags, help=LOG["tone"].help)] = None,
    where: Annotated[str | None, typer.Option(*LOG["where"].flags, help=LOG["where"].help)] = None,
    pillar: Annotated[
        list[str] | None, typer.Option(*LOG["pillar"].flags, help=LOG["pillar"].help)
    ] = None,
    benefit: Annotated[
        list[str] | None, typer.Option(*LOG["benefit"].flags, help=LOG["benefit"].help)
    ] = None,
    tag: Annotated[list[str] | None, typer.Option(*LOG["tag"].flags, help=LOG["tag"].help)] = None,
    private: Annotated[bool, typer.Option(*LOG["private"].flags, help=LOG["private"].help)] = False,
    json: Annotated[bool, typer.Option(*LOG["json"].flags, help=LOG["json"].help)] = False,
) -> None:
    """Record an interaction with one or more partners.

    Examples:
      partnerlog log sari "lunch, talked about the migration #roadmap"
      partnerlog log sari,budi -k review -t 1 "design review went well"
      partnerlog log budi --when kemarin -k coffee -s outside
    """
    from partnerlog.commands import record, report_logged

    # No `create`: without a journal there is nobody to log with yet, and the
    # error says how to start one.
    journal = state(ctx).journal()
    logged = record(
        journal,
        who,
        note,
        kind=kind,
        when=when,
        tone=tone,
        where=where,
        pillar=pillar,
        benefit=benefit,
        tag=tag,
        private=private,
    )
    report_logged(logged, json)
