"""`partnerlog partner …`: the people you work with."""

import re
from typing import Annotated

import typer

from partnerlog import dates
from partnerlog.cli.state import Json, Who, choose_one, partner_named, state
from partnerlog.errors import UsageError
from partnerlog.models import PARTNER_KINDS, RELATIONS, Partner, slug, valid_handle, visible

app = typer.Typer(help="Add, list, show, edit and archive partners.", no_args_is_help=True)

HandleOpt = Annotated[
    str | None,
    typer.Option("--handle", help="What you type to name them (default: from the name)."),
]
KindOpt = Annotated[
    str | None,
    typer.Option("--kind", help="partner (same organisation) or colleague (same profession)."),
]
RelationOpt = Annotated[
    str | None, typer.Option("--relation", help="superior, peer, subordinate or external.")
]
RoleOpt = Annotated[str | None, typer.Option("--role", help="Their profession or specialisation.")]
OrgOpt = Annotated[str | None, typer.Option("--org", help="Their organisation.")]
CadenceOpt = Annotated[
    str | None,
    typer.Option(
        "--cadence",
        help="How often you want contact: days, or 2w / 1m (default by relation: "
        "subordinate 7d, peer and superior 14d, external 30d).",
    ),
]
NotesOpt = Annotated[str | None, typer.Option("--notes", help="Anything worth remembering.")]


def parse_cadence(text: str | None) -> int | None:
    """ "14" / "14d" → 14, "2w" → 14, "1m" → 30; "default" or "" clears it."""
    if text is None:
        return None
    match = re.fullmatch(r"\s*(\d+)\s*([dwm]?)\s*", text.lower())
    if not match or int(match.group(1)) == 0:
        raise UsageError(f"--cadence {text!r} should be a number of days, like 14, 2w or 1m")
    return int(match.group(1)) * {"": 1, "d": 1, "w": 7, "m": 30}[match.group(2)]


def parse_handle(text: str) -> str:
    handle = text.strip().lstrip("@").lower()
    if not valid_handle(handle):
        raise UsageError(
            f"--handle {text!r} should be one word of letters, digits, '-', '_' or '.' "
            "(and not 'me')"
        )
    return handle


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Their name, as you want to see it.")],
    handle: HandleOpt = None,
    kind: KindOpt = None,
    relation: RelationOpt = None,
    role: RoleOpt = None,
    org: OrgOpt = None,
    cadence: CadenceOpt = None,
    notes: NotesOpt = None,
    json: Json = False,
) -> None:
    """Add someone you work with.

    Example: partnerlog partner add "Sari Wulandari" --relation peer --role "data engineer"
    """
    if not name.strip():
        raise UsageError("a partner needs a name")
    if not slug(name) and handle is None:
        raise UsageError(f"cannot make a handle from {name!r}; give one with --handle")
    partner = Partner(
        handle="",
        name=name.strip(),
        kind=choose_one(kind, PARTNER_KINDS, "--kind") or "partner",
        relation=choose_one(relation, RELATIONS, "--relation") or "peer",
        role=role,
        org=org,
        cadence_days=parse_cadence(cadence),
        notes=notes,
    )
    chosen_handle = parse_handle(handle) if handle is not None else None
    journal = state(ctx).journal(create=True)
    with journal.transaction():
        partner.handle = chosen_handle or journal.free_handle(partner.name)
        journal.add_partner(partner)
    if json:
        from partnerlog.output import print_json

        print_json(partner.to_json())
        return
    typer.echo(
        f"Added {visible(partner.name, one_line=True)} as '{partner.handle}' "
        f"({partner.relation} {partner.kind}, contact every {partner.effective_cadence} days). "
        f'Log with: partnerlog log {partner.handle} "what happened"',
        err=True,
    )


@app.command("list")
def list_partners(
    ctx: typer.Context,
    archived: Annotated[
        bool, typer.Option("--archived", help="Include archived partners.")
    ] = False,
    json: Json = False,
) -> None:
    """List your partners and when you last saw each.

    Example: partnerlog partner list --json
    """
    journal = state(ctx).journal()
    partners = journal.partners(include_archived=archived)
    if json:
        from partnerlog.output import print_json

        print_json([p.to_json() for p in partners])
        return
    if not partners:
        typer.echo("No partners yet. Add one with: partnerlog partner add NAME", err=True)
        return
    from partnerlog.render import console, partners_table

    console().print(partners_table(partners, journal.last_contacts(), dates.now()))


@app.command("show")
def show(ctx: typer.Context, who: Who, json: Json = False) -> None:
    """Everything about one partner: profile and recent interactions.

    Example: partnerlog partner show sari
    """
    from partnerlog.commands import partner_profile

    partner_profile(state(ctx).journal(), who, as_json=json)


@app.command("edit")
def edit(
    ctx: typer.Context,
    who: Who,
    name: Annotated[str | None, typer.Option("--name", help="A new name.")] = None,
    handle: HandleOpt = None,
    kind: KindOpt = None,
    relation: RelationOpt = None,
    role: RoleOpt = None,
    org: OrgOpt = None,
    cadence: CadenceOpt = None,
    notes: NotesOpt = None,
) -> None:
    """Change a partner's details; only the options you give change.

    Example: partnerlog partner edit sari --cadence 7 --role "tech lead"
    """
    changes: dict = {}
    if name is not None:
        if not name.strip():
            raise UsageError("--name cannot be empty")
        changes["name"] = name.strip()
    if handle is not None:
        changes["handle"] = parse_handle(handle)
    if kind is not None:
        changes["kind"] = choose_one(kind, PARTNER_KINDS, "--kind")
    if relation is not None:
        changes["relation"] = choose_one(relation, RELATIONS, "--relation")
    if cadence is not None:
        changes["cadence_days"] = (
            None if cadence.strip().lower() == "default" else (parse_cadence(cadence))
        )
    for field, value in (("role", role), ("org", org), ("notes", notes)):
        if value is not None:
            changes[field] = value or None
    if not changes:
        raise UsageError("nothing to change; give an option such as --role or --cadence")
    journal = state(ctx).journal()
    with journal.transaction():
        partner = partner_named(journal, who)
        partner = journal.update_partner(partner.id, changes)
    typer.echo(f"Updated {visible(partner.name, one_line=True)} ({partner.handle}).", err=True)


@app.command("archive")
def archive(
    ctx: typer.Context,
    who: Who,
    restore: Annotated[bool, typer.Option("--restore", help="Bring them back.")] = False,
) -> None:
    """Archive a partner: their history stays, they leave the lists and the dashboard.

    Example: partnerlog partner archive budi   (undo with --restore)
    """
    journal = state(ctx).journal()
    with journal.transaction():
        partner = partner_named(journal, who)
        journal.set_archived(partner.id, not restore)
    verb = "Restored" if restore else "Archived"
    typer.echo(f"{verb} {visible(partner.name, one_line=True)} ({partner.handle}).", err=True)
