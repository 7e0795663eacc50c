"""`partnerlog entry edit|delete ID` and `partnerlog undo`: fixing mistakes."""

import sys
from typing import Annotated

import typer

from partnerlog.cli.state import (
    check_kind,
    check_tone,
    choose,
    choose_one,
    split_list,
    state,
)
from partnerlog.domain import BENEFITS, PILLARS, SETTINGS
from partnerlog.errors import PartnerlogError, UsageError

app = typer.Typer(help="Fix or remove one logged interaction.", no_args_is_help=True)

Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]


def register(root: typer.Typer) -> None:
    root.command("undo")(undo)


@app.command("edit")
def edit(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry's id (see timeline).")],
    note: Annotated[str | None, typer.Option("--note", help="Replace the note.")] = None,
    who: Annotated[
        str | None, typer.Option("--who", help="Replace the partners (comma-separated).")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="A new kind.")] = None,
    when: Annotated[str | None, typer.Option("--when", "-w", help="A new date.")] = None,
    tone: Annotated[int | None, typer.Option("--tone", "-t", help="-2 to 2.")] = None,
    where: Annotated[
        str | None, typer.Option("--where", "-s", help="office, outside, remote.")
    ] = None,
    pillar: Annotated[
        list[str] | None, typer.Option("--pillar", "-p", help="Replace the pillars.")
    ] = None,
    benefit: Annotated[
        list[str] | None, typer.Option("--benefit", "-b", help="Replace the benefits.")
    ] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="Replace the tags.")] = None,
    private: Annotated[
        bool | None, typer.Option("--private/--public", help="Keep out of reports, or not.")
    ] = None,
) -> None:
    """Change one interaction; only the options you give change.

    Example: partnerlog entry edit 12 --when yesterday --tone 1
    """
    from partnerlog import dates
    from partnerlog.models import hashtags, normal_tag

    changes: dict = {}
    if note is not None:
        changes["note"] = note
    if kind is not None:
        changes["kind"] = check_kind(kind)
    if when is not None:
        changes["occurred_at"] = dates.iso(dates.parse_when(when, dates.now()))
    if tone is not None:
        changes["tone"] = check_tone(tone)
    if where is not None:
        changes["setting"] = choose_one(where, SETTINGS, "--where")
    if private is not None:
        changes["private"] = int(private)
    pillars = choose(pillar, PILLARS, "--pillar") if pillar else None
    benefits = choose(benefit, BENEFITS, "--benefit") if benefit is not None else None
    tags = [normal_tag(t) for t in split_list(tag)] if tag is not None else None
    if note is not None and hashtags(note):
        tags = list(dict.fromkeys((tags if tags is not None else []) + hashtags(note)))
    if not changes and all(v is None for v in (who, pillars, benefits, tags)):
        raise UsageError("nothing to change; give an option such as --note or --when")
    journal = state(ctx).journal()
    with journal.transaction():
        current = journal.interaction(entry_id)
        if tags is not None and tag is None:
            # A new note's #tags add to the tags already there.
            tags = list(dict.fromkeys(current.tags + tags))
        partner_ids = None
        if who is not None:
            names = split_list([who])
            if not names:
                raise UsageError("--who needs at least one partner")
            partner_ids = [p.id for p in journal.named(*names)]
        updated = journal.update_interaction(
            entry_id,
            changes,
            partner_ids=partner_ids,
            tags=tags,
            pillars=pillars,
            benefits=benefits,
        )
    _echo_entry("Updated", journal, updated)


@app.command("delete")
def delete(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry's id (see timeline).")],
    yes: Yes = False,
) -> None:
    """Delete one interaction, after showing it.

    Example: partnerlog entry delete 12
    """
    journal = state(ctx).journal()
    entry = journal.interaction(entry_id)
    _echo_entry("Delete", journal, entry, question=True)
    confirm(yes, "Delete this entry?")
    with journal.transaction():
        journal.delete_interaction(entry_id)
    typer.echo(f"Deleted entry #{entry_id}.", err=True)


def undo(ctx: typer.Context, yes: Yes = False) -> None:
    """Remove the most recently created record (an entry, partner, goal, check-in or trait).

    Example: partnerlog undo
    """
    journal = state(ctx).journal()
    latest = journal.latest_record()
    if latest is None:
        raise UsageError("nothing to undo: the journal is empty")
    table, record_id = latest
    description = describe_record(journal, table, record_id)
    typer.echo(f"The most recent record is {description}", err=True)
    confirm(yes, "Remove it?")
    with journal.transaction():
        if journal.latest_record() != latest:
            raise UsageError("the journal changed meanwhile; run undo again")
        journal.remove_record(table, record_id)
    typer.echo(f"Removed {description.splitlines()[0]}", err=True)


def describe_record(journal, table: str, record_id: int) -> str:
    from partnerlog import dates
    from partnerlog.models import visible

    if table == "interactions":
        from partnerlog.render import interaction_summary

        names = {p.handle: p.name for p in journal.partners(include_archived=True)}
        text = interaction_summary(journal.interaction(record_id), names, dates.now())
        return "entry " + text.plain
    if table == "partners":
        partner = journal.partner(record_id)
        return f"partner {visible(partner.name, one_line=True)} ({partner.handle})"
    return journal.describe_other(table, record_id)


def confirm(yes: bool, question: str) -> None:
    """Ask before destroying; with no terminal and no --yes, refuse rather than guess."""
    if yes:
        return
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageError("not removing without confirmation; add --yes to do it without a question")
    if not typer.confirm(question, default=False, err=True):
        raise PartnerlogError("kept; nothing was changed")


def _echo_entry(verb: str, journal, entry, *, question: bool = False) -> None:
    """Say which entry is meant, in the words `timeline` uses."""
    from partnerlog import dates
    from partnerlog.render import interaction_summary

    names = {p.handle: p.name for p in journal.partners(include_archived=True)}
    summary = interaction_summary(entry, names, dates.now()).plain
    typer.echo(f"{verb} entry {summary}{'?' if question else '.'}", err=True)
