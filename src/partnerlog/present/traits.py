"""What the trait commands and `complement` print."""

from partnerlog.i18n import N_, _
from partnerlog.present.text import print_json, say


def added(added, values: dict, now) -> None:
    trait = added.trait
    if not added.new:
        say(
            "Already recorded as #{id}: {name}, {polarity} in {label}. Nothing added.",
            id=trait.id,
            name=added.name,
            polarity=_(trait.polarity),
            label=trait.label,
        )
    if values["json"]:
        print_json(trait.to_json())
    elif added.new:
        say(
            "Recorded #{id}: {name}, {polarity} in {label}.",
            id=trait.id,
            name=added.name,
            polarity=_(trait.polarity),
            label=trait.label,
        )


def listed(traits, values: dict, now) -> None:
    if values["json"]:
        print_json([t.to_json() for t in traits])
        return
    if not traits:
        say("No traits yet. Add one with: partnerlog trait add me strength SQL")
        return
    from partnerlog.present.screen import draw
    from partnerlog.present.tables import traits_table

    draw(traits_table(traits))


def ask_remove(trait, values: dict, now) -> str:
    say(
        "Remove #{id}: {subject}, {polarity} in {label}?",
        id=trait.id,
        subject=trait.subject,
        polarity=trait.polarity,
        label=trait.label,
    )
    return _("Remove it?")


def removed(trait, values: dict, now) -> None:
    say(
        "Removed #{id}: {subject}, {polarity} in {label}.",
        id=trait.id,
        subject=trait.subject,
        polarity=trait.polarity,
        label=trait.label,
    )


def complement(found, values: dict, now) -> None:
    if values["json"]:
        print_json([p.to_json() for p in found.pairs])
        return
    if not found.pairs:
        if found.area is not None:
            say("Nobody in your journal is recorded as strong in {area!r} yet.", area=found.area)
        elif not found.any_traits:
            say("No strengths or weaknesses yet. Start with: partnerlog trait add me weakness AREA")
        else:
            say("No complements yet: nobody's strength meets someone else's weakness.")
        return
    from partnerlog.present.screen import draw, on_terminal

    if not on_terminal():
        draw(complement_sheet(found.pairs, found.names))
        return
    from partnerlog.present.terminal import complement_view, console

    console().print(complement_view(found.pairs, found.names))


def complement_sheet(pairs: list, names: dict):
    """Who complements whom, as data: an area a line, who is strong and who is weak
    in it (no one yet: empty)."""
    from partnerlog.present.sheet import Sheet, cell

    sheet = Sheet()
    for column in (N_("area"), N_("strong"), N_("weak")):
        sheet.add_column(_(column))

    def who(handle):
        return "" if handle is None else cell(names.get(handle, handle))

    for pair in pairs:
        sheet.add_row(cell(pair.label or pair.area), who(pair.strong), who(pair.weak))
    return sheet
