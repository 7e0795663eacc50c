"""What the partner commands print."""

import sys

from partnerlog.i18n import N_, _, number
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
                "phones": found.phones,
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
    from partnerlog.present.screen import on_terminal

    dates_shown = "; ".join(
        f"{d.label} {coming(d, day, now.date())}" for d, day in found.dates if day
    )
    if not on_terminal():
        sys.stdout.write("\n".join(profile_lines(found, now, dates_shown)) + "\n")
        return
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
            phones=found.phones,
            opening=opening(found, now),
            dates_shown=dates_shown,
        )
    )


def profile_lines(found, now, dates_shown: str) -> list[str]:
    """The profile piped, without Rich: its title, then "label<TAB>value" lines, and
    each section under its heading after a blank line, its lists tab-separated
    with a header line (as every list is piped)."""
    from partnerlog.core.health import PILLAR_POINTS
    from partnerlog.core.vocabulary import PILLARS, WINDOW_DAYS
    from partnerlog.present.sheet import field
    from partnerlog.present.tables import (
        complement_sections,
        follow_ups_table,
        goals_table,
        interactions_table,
        partner_facts,
        traits_table,
        trend_arrow,
    )
    from partnerlog.present.text import visible

    def flat(text) -> str:  # a value on one line, tabs and all made safe
        return field(visible(str(text), one_line=True))

    partner, today = found.partner, now.date()
    title = f"{flat(partner.name)} ({flat(partner.handle)})"
    lines = [title + ("  " + _("archived") if partner.archived else "")]
    facts = partner_facts(partner, found.recent, now, found.emails, dates_shown, found.phones)
    lines += [f"{label}\t{flat(value)}" for label, value in facts]

    def section(title: str, body: list[str]) -> None:
        if body:
            lines.extend(["", title, *body])

    for title, kind in ((N_("To raise"), "raise"), (N_("Open promises"), "promise")):
        items = [f for f in found.follow_ups if f.type == kind]
        if items:
            section(_(title), follow_ups_table(items, found.names, today, with_whom=False).lines())
    verdict = found.verdict
    head = [_(verdict.status), f"{verdict.score}/100"]
    if verdict.tone_avg_90d is not None:
        tone = _("tone {tone}").format(tone=number(verdict.tone_avg_90d, "+.1f"))
        head.append(f"{tone} {trend_arrow(verdict.tone_trend)[0]}".strip())
    health = ["\t".join(head)]
    if verdict.reasons:
        health.append(flat("; ".join(str(reason) for reason in verdict.reasons)))
    health += [
        f"{_(pillar)}\t{verdict.pillars[pillar]}/{PILLAR_POINTS}"
        f"\t{flat(verdict.pillar_reasons[pillar])}"
        for pillar in PILLARS
    ]
    delivered = [f"{_(b)} {n}" for b, n in verdict.benefits.items() if n]
    step = _("Next step")
    health += [
        f"{step}\t{flat(verdict.next_step)}",
        _("Benefits ({days} days)").format(days=WINDOW_DAYS) + "\t"
        + (", ".join(delivered) or _("none tagged yet (log with --benefit)")),
    ]  # fmt: skip
    section(_("Health"), health)
    if found.goals:
        section(_("Goals"), goals_table(list(found.goals), found.names, today).lines())
    if found.traits:
        section(_("Strengths and weaknesses"), traits_table(list(found.traits)).lines())
    complement = []
    for heading, entries in complement_sections(list(found.pairs), found.names):
        complement += [f"{heading}\t{flat(entry)}" for entry in entries]
    section(_("Complement"), complement)
    if found.recent:
        recent = interactions_table(found.recent, found.names, now, besides=partner.handle)
        section(_("Recent interactions"), recent.lines())
    return lines


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
