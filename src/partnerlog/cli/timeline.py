"""`partnerlog timeline` and `partnerlog search`: reading the journal back."""

from typing import Annotated

import typer

from partnerlog import options
from partnerlog.cli.state import Json, OptionalWho, state
from partnerlog.commands import show_interactions
from partnerlog.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline)
    app.command("search")(search)


TIMELINE = options.TIMELINE


def timeline(
    ctx: typer.Context,
    who: OptionalWho = None,
    since: Annotated[
        str | None, typer.Option(*TIMELINE["since"].flags, help=TIMELINE["since"].help)
    ] = None,
    until: Annotated[
        str | None, typer.Option(*TIMELINE["until"].flags, help=TIMELINE["until"].help)
    ] = None,
    kind: Annotated[
        str | None, typer.Option(*TIMELINE["kind"].flags, help=TIMELINE["kind"].help)
    ] = None,
    tag: Annotated[
        str | None, typer.Option(*TIMELINE["tag"].flags, help=TIMELINE["tag"].help)
    ] = None,
    limit: Annotated[int, typer.Option(*TIMELINE["limit"].flags, help=TIMELINE["limit"].help)] = 20,
    json: Annotated[
        bool, typer.Option(*TIMELINE["json"].flags, help=TIMELINE["json"].help)
    ] = False,
) -> None:
    """Interactions, newest first.

    Example: partnerlog timeline sari --since "30 days ago" --tag roadmap
    """
    from partnerlog.commands import timeline as show_timeline

    show_timeline(
        state(ctx).journal(),
        who,
        since=since,
        until=until,
        kind=kind,
        tag=tag,
        limit=limit,
        as_json=json,
    )


def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help="Words to find in notes (prefixes match).")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many (0 = all).")] = 50,
    json: Json = False,
) -> None:
    """Full-text search over notes and goals; every word must match, accents ignored.

    Example: partnerlog search roadmap migration
    """
    text = " ".join(query)
    if not text.strip():
        raise UsageError("give some words to search for")
    journal = state(ctx).journal()
    entries = journal.search(text, limit=limit or None)
    goals = journal.search_goals(text, limit=limit or None)
    if json:
        from partnerlog.output import print_json

        print_json(
            {
                "interactions": [entry.to_json() for entry in entries],
                "goals": [goal.to_json() for goal in goals],
            }
        )
        return
    if goals:
        from partnerlog import dates
        from partnerlog.render import console, goals_table

        names = {p.handle: p.name for p in journal.partners(include_archived=True)}
        console().print(goals_table(goals, names, dates.now().date()))
        if entries:
            console().print()
    if entries or not goals:
        show_interactions(journal, entries, False, empty=f"Nothing matches {text!r}.")
