"""`partnerlog trait …` and `partnerlog complement`: strengths, weaknesses, and who covers whom."""

from typing import Annotated

import typer

from partnerlog.cli.state import (
    Json,
    OptionalWho,
    choose_one,
    complete_partner,
    partner_named,
    state,
)
from partnerlog.errors import UsageError
from partnerlog.models import ME, POLARITIES, Trait, area_key, visible

app = typer.Typer(
    help="Strengths and weaknesses, yours (WHO = me) and your partners'.", no_args_is_help=True
)


def register(root: typer.Typer) -> None:
    root.command("complement")(complement)


def complete_subject(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    me = [(ME, "yourself")] if ME.startswith(incomplete.lower()) else []
    return me + complete_partner(ctx, incomplete)


def complete_area(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from partnerlog import paths
    from partnerlog.store import complete_areas

    db_option = ctx.find_root().params.get("db")
    return complete_areas(paths.journal_path(db_option), area_key(incomplete))


def subject_of(journal, who: str):
    """(partner id or None for me, handle or "me", display name)."""
    if who.strip().lower() == ME:
        return None, ME, "you"
    partner = partner_named(journal, who)
    return partner.id, partner.handle, partner.name


@app.command("add")
def add(
    ctx: typer.Context,
    who: Annotated[
        str,
        typer.Argument(metavar="WHO", help="A partner, or 'me'.", autocompletion=complete_subject),
    ],
    polarity: Annotated[str, typer.Argument(metavar="strength|weakness")],
    area: Annotated[
        list[str],
        typer.Argument(
            metavar="AREA", help="e.g. SQL, public speaking.", autocompletion=complete_area
        ),
    ],
    note: Annotated[str | None, typer.Option("--note", help="An example, a detail.")] = None,
    json: Json = False,
) -> None:
    """Record a strength or weakness (yours with WHO = me).

    Example: partnerlog trait add me weakness "public speaking"
    """
    polarity_value = choose_one(polarity, POLARITIES, "polarity")
    label = " ".join(area).strip()
    key = area_key(label)
    if not key:
        raise UsageError(f"the area {label!r} needs at least one letter or digit")
    journal = state(ctx).journal()
    with journal.transaction():
        partner_id, subject, name = subject_of(journal, who)
        existing = journal.same_trait(partner_id, polarity_value, key)
        if existing is None:
            trait = journal.add_trait(
                Trait(
                    subject=subject,
                    partner_id=partner_id,
                    polarity=polarity_value,
                    area=key,
                    label=label,
                    note=note,
                )
            )
    if existing is not None:
        typer.echo(
            f"Already recorded as #{existing.id}: {visible(name, one_line=True)}, "
            f"{polarity_value} in {visible(existing.label, one_line=True)}. Nothing added.",
            err=True,
        )
        if json:
            from partnerlog.output import print_json

            print_json(existing.to_json())
        return
    if json:
        from partnerlog.output import print_json

        print_json(trait.to_json())
        return
    typer.echo(
        f"Recorded #{trait.id}: {visible(name, one_line=True)}, "
        f"{polarity_value} in {visible(label, one_line=True)}.",
        err=True,
    )


@app.command("list")
def list_traits(
    ctx: typer.Context,
    who: Annotated[
        str | None,
        typer.Argument(metavar="WHO", help="A partner, or 'me'.", autocompletion=complete_subject),
    ] = None,
    json: Json = False,
) -> None:
    """List strengths and weaknesses.

    Example: partnerlog trait list me
    """
    journal = state(ctx).journal()
    if who is None:
        traits = journal.traits()
    else:
        partner_id, _, _ = subject_of(journal, who)
        traits = journal.traits(mine=partner_id is None, partner_id=partner_id)
    if json:
        from partnerlog.output import print_json

        print_json([t.to_json() for t in traits])
        return
    if not traits:
        typer.echo("No traits yet. Add one with: partnerlog trait add me strength SQL", err=True)
        return
    from partnerlog.render import console, traits_table

    console().print(traits_table(traits))


@app.command("remove")
def remove(
    ctx: typer.Context,
    trait_id: Annotated[
        int, typer.Argument(metavar="ID", help="The trait's id (see: trait list).")
    ],
) -> None:
    """Remove one strength or weakness.

    Example: partnerlog trait remove 4
    """
    journal = state(ctx).journal()
    with journal.transaction():
        trait = journal.trait(trait_id)
        journal.remove_trait(trait_id)
    typer.echo(
        f"Removed #{trait.id}: {trait.subject}, {trait.polarity} in "
        f"{visible(trait.label, one_line=True)}.",
        err=True,
    )


def complement(
    ctx: typer.Context,
    who: OptionalWho = None,
    area: Annotated[
        str | None,
        typer.Option(
            "--area", help="Who can help me with this area?", autocompletion=complete_area
        ),
    ] = None,
    json: Json = False,
) -> None:
    """Who covers whose gaps: their strengths against my weaknesses, and mine against theirs.

    Example: partnerlog complement --area "public speaking"
    """
    from partnerlog.models import Pair, complement_pairs

    journal = state(ctx).journal()
    partner = partner_named(journal, who) if who else None
    traits = journal.traits()
    pairs = complement_pairs(traits, only=partner.handle if partner else None)
    if area is not None:
        key = area_key(area)
        if not key:
            raise UsageError(f"--area {area!r} needs at least one letter or digit")
        pairs = [p for p in pairs if p.area == key]
        # "Who can help me with this?" is a fair question even before I wrote
        # the weakness down: every partner strong in the area can.
        helpers = {p.strong for p in pairs if p.weak == ME and p.strong}
        pairs = [p for p in pairs if not (p.strong is None and helpers)]
        for trait in traits:
            if (
                trait.area == key
                and trait.polarity == "strength"
                and trait.subject not in helpers | {ME}
                and (partner is None or trait.subject == partner.handle)
            ):
                pairs.append(Pair(key, trait.subject, ME, trait.label))
        pairs.sort(key=lambda p: (p.strong is None, p.strong or "", p.weak))
    if json:
        from partnerlog.output import print_json

        print_json([p.to_json() for p in pairs])
        return
    names = {p.handle: p.name for p in journal.partners(include_archived=True)}
    if not pairs:
        if area is not None:
            message = f"Nobody in your journal is recorded as strong in {area!r} yet."
        elif not traits:
            message = (
                "No strengths or weaknesses yet. Start with: partnerlog trait add me weakness AREA"
            )
        else:
            message = "No complements yet: nobody's strength meets someone else's weakness."
        typer.echo(message, err=True)
        return
    from partnerlog.render import complement_view, console

    console().print(complement_view(pairs, names))
