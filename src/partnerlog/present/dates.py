"""What the date and pause commands print."""

from partnerlog.core.when import ahead
from partnerlog.i18n import N_, _, ngettext
from partnerlog.present.text import print_json, say


def when(item) -> str:
    """ "14 Mar" (every year), "14 Mar 1990", or "4 Jan 2027" (once)."""
    from partnerlog.core.when import month

    shown = f"{item.day} {month(item.month)}"
    return f"{shown} {item.year}" if item.year else shown


def coming(item, day, today, whole: bool = False) -> str:
    """ "Thu 3 Dec, in 4 days, turns 36" for the day it next falls on (``whole``,
    in a sentence: "Thursday, 3 Dec, …")."""
    if day is None:
        return _("gone by")
    return ", ".join([ahead(day, today, whole), *extras(item, day, today)])


def extras(item, day, today) -> list[str]:
    """ "in 4 days", and "turns 36" or "7 years" when the year is known."""
    days = (day - today).days
    found = [_("in {days} days").format(days=days)] if days > 1 else []
    years = item.years_on(day)
    if years:
        found.append(
            _("turns {years}").format(years=years)
            if item.is_birthday
            else ngettext("{count} year", "{count} years", years).format(count=years)
        )
    return found


def added(result, values: dict, now) -> None:
    found, name = result
    if values["json"]:
        print_json(found.to_json())
        return
    today = now.date()
    say(
        "Added {label} of {name} (#{id}): {when}{every}; next {next}.",
        label=found.label, name=name, id=found.id, when=when(found),
        every=", " + _("every year") if found.yearly else "",
        next=coming(found, found.next_on(today), today, whole=True),
    )  # fmt: skip


def listed(result, values: dict, now) -> None:
    found, names = result
    if values["json"]:
        print_json([{**item.to_json(), "next_on": day and day.isoformat()} for item, day in found])
        return
    if not found:
        say('No dates yet. Add one with: partnerlog partner date add WHO birthday "14 march"')
        return
    from partnerlog.present.screen import draw
    from partnerlog.present.sheet import Sheet
    from partnerlog.present.sheet import cell as user_text

    today = now.date()
    table = Sheet()
    for column in (N_("id"), N_("who"), N_("what"), N_("date"), N_("next")):
        table.add_column(_(column), justify="right" if column == "id" else "left")
    for item, day in found:
        table.add_row(
            str(item.id),
            user_text(names.get(item.partner, item.partner), one_line=True),
            user_text(item.label, one_line=True),
            when(item) + (" " + _("yearly") if item.yearly and item.year else ""),
            coming(item, day, today),
        )
    draw(table)


def removed(result, values: dict, now) -> None:
    found, name = result
    say("Removed {label} of {name} (#{id}).", label=found.label, name=name, id=found.id)


def paused(result, values: dict, now) -> None:
    partner = result.partner
    if result.until is None:
        say("{name} ({handle}) is back: their cadence counts from today.",
            name=partner.name, handle=partner.handle)  # fmt: skip
        return
    say(
        "Paused {name} ({handle}) until {until}{reason}: not due until they are back.",
        name=partner.name, handle=partner.handle, until=ahead(result.until, now.date(), whole=True),
        reason=f" ({result.reason})" if result.reason else "",
    )  # fmt: skip
