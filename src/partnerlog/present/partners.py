"""What the partner commands print."""

from partnerlog.i18n import N_, _
from partnerlog.present.text import print_json, say


def added(partner, values: dict, now) -> None:
    if values["json"]:
        print_json(partner.to_json())
        return
    say(
        "Added {name} as '{handle}' ({relation} {kind}, contact every {cadence} days). "
        'Log with: partnerlog log {handle} "what happened"',
        name=partner.name,
        handle=partner.handle,
        relation=_(partner.relation),
        kind=_(partner.kind),
        cadence=partner.effective_cadence,
    )


def listed(result, values: dict, now) -> None:
    partners, last_contacts = result
    if values["json"]:
        print_json([p.to_json() for p in partners])
        return
    if not partners:
        say("No partners yet. Add one with: partnerlog partner add NAME")
        return
    from partnerlog.present.screen import draw, width
    from partnerlog.present.tables import partners_table

    draw(partners_table(partners, last_contacts, now, width()))


def profile(found, values: dict, now) -> None:
    """`partner show`: the whole profile (or JSON)."""
    if values["json"]:
        print_json(
            {
                **found.partner.to_json(),
                "emails": found.emails,
                "health": {
                    **found.verdict.to_json(),
                    "pillar_reasons": found.verdict.pillar_reasons.words(),
                },
                "goals": [g.to_json() for g in found.goals],
                "traits": [t.to_json() for t in found.traits],
                "complement": [p.to_json() for p in found.pairs],
                "recent": [i.to_json() for i in found.recent],
                "open": [f.to_json() for f in found.follow_ups],
                "dates": [
                    {**d.to_json(), "next_on": day and day.isoformat()} for d, day in found.dates
                ],
            }
        )
        return
    from partnerlog.present.dates import coming
    from partnerlog.present.terminal import console, show_partner

    console().print(
        show_partner(
            found.partner,
            found.recent,
            found.names,
            now,
            goals=found.goals,
            traits=found.traits,
            pairs=found.pairs,
            verdict=found.verdict,
            emails=found.emails,
            opening=opening(found, now),
            dates_shown="; ".join(
                f"{d.label} {coming(d, day, now.date())}" for d, day in found.dates if day
            ),
        )
    )


def opening(found, now) -> list:
    """What `partner show` opens with: to raise, open promises, and their dates."""
    from rich.text import Text

    from partnerlog.present.tables import follow_ups_table

    today = now.date()
    parts: list = []
    to_raise = [f for f in found.follow_ups if f.type == "raise"]
    promises = [f for f in found.follow_ups if f.type == "promise"]
    for title, items in ((N_("To raise"), to_raise), (N_("Open promises"), promises)):
        if items:
            parts += [
                Text("\n" + _(title), style="bold"),
                follow_ups_table(items, found.names, today, with_whom=False).rich(),
            ]
    return parts


def edited(partner, values: dict, now) -> None:
    say("Updated {name} ({handle}).", name=partner.name, handle=partner.handle)


def archived(result, values: dict, now) -> None:
    partner, restored = result
    say(
        "{verb} {name} ({handle}).",
        verb=_("Restored") if restored else _("Archived"),
        name=partner.name,
        handle=partner.handle,
    )
