"""`partnerlog timeline` and `partnerlog search`: reading the journal back."""

from typing import Annotated

import typer

from partnerlog.cli.state import check_kind, complete_partner, partner_named, state
from partnerlog.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline)
    app.command("search")(search)


Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def timeline(
    ctx: typer.Context,
    who: Annotated[
        str | None,
        typer.Argument(
            metavar="[WHO]",
            help="Only this partner (handle, name or prefix).",
            autocompletion=complete_partner,
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this day on ('30 days ago', 2026-01-01).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to and including this day.")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="Only this kind.")] = None,
    tag: Annotated[str | None, typer.Option("--tag", help="Only entries with this tag.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many (0 = all).")] = 20,
    json: Json = False,
) -> None:
    """Interactions, newest first.

    Example: partnerlog timeline sari --since "30 days ago" --tag roadmap
    """
    from partnerlog import dates
    from partnerlog.models import normal_tag

    if limit < 0:
        raise UsageError("--limit cannot be negative")
    now = dates.now()
    since_day = dates.parse_day(since, now) if since else None
    until_day = dates.parse_day(until, now) if until else None
    if since_day and until_day and since_day > until_day:
        raise UsageError(f"--since {since_day} is after --until {until_day}")
    journal = state(ctx).journal()
    partner = partner_named(journal, who) if who else None
    entries = journal.interactions(
        partner_id=partner.id if partner else None,
        since=since_day,
        until=until_day,
        kind=check_kind(kind) if kind else None,
        tag=normal_tag(tag) if tag else None,
        limit=limit or None,
    )
    show_interactions(journal, entries, json, empty="No interactions match.")


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
        from partnerlog.render import print_json

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


def show_interactions(journal, entries, json: bool, *, empty: str) -> None:
    if json:
        from partnerlog.render import print_json

        print_json([entry.to_json() for entry in entries])
        return
    if not entries:
        typer.echo(empty, err=True)
        return
    from partnerlog import dates
    from partnerlog.render import console, interactions_table

    names = {p.handle: p.name for p in journal.partners(include_archived=True)}
    console().print(interactions_table(entries, names, dates.now()))
