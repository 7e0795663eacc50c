"""`agenda` as plain text (the same at a terminal, in a pipe, in mail) or JSON."""

import sys
from datetime import date

from partnerlog.core.when import ahead, day_month, due_words, full
from partnerlog.i18n import _
from partnerlog.present.text import phrase, plural, print_json, say


def agenda(found, values: dict, now) -> None:
    today = now.date()
    if values["json"]:
        print_json(
            {
                "from": found.first.isoformat(),
                "to": found.last.isoformat(),
                "due": [d.to_json() for d in found.due],
                "promises": [i.to_json() for i in found.promises],
                "to_raise": [i.to_json() for i in found.to_raise],
                "other_topics": found.others,
                "dates": [{**d.to_json(), "on": day.isoformat()} for d, day in found.dates],
                "returning": [
                    {"handle": p.handle, "name": p.name, "back_on": p.back_on.isoformat(),
                     "reason": p.pause_reason}
                    for p in found.returning
                ],
            }
        )  # fmt: skip
        return
    lines = [
        phrase(
            "Agenda from {first} to {last}",
            first=day_month(found.first),
            last=full(found.last),
        )
    ]
    names = found.names
    if found.due:
        from partnerlog.present.dashboard import due_lines

        lines += ["", _("Due or coming due")]
        lines += ["  " + line for line in due_lines(found.due, today)]
    if found.promises:
        lines += ["", _("Promises")]
        for item in found.promises:
            who = names.get(item.partner, item.partner)
            owing = (_("you owe {who}") if item.owner == "me" else _("{who} owes you")).format(
                who=who
            )
            when = _("no date")
            if item.due_on:
                day = date.fromisoformat(item.due_on)
                when = due_words(item.due_on, today) if day < today else _day(day)
            lines.append(
                phrase(
                    "  {when:<15} {owing}: {text} (#{id})",
                    when=when,
                    owing=owing,
                    text=item.text,
                    id=item.id,
                )  # fmt: skip
            )
    if found.to_raise:
        lines += ["", _("To raise with people you are likely to meet")]
        for item in found.to_raise:
            lines.append(phrase("  {who}: {text} (#{id})",
                                who=names.get(item.partner, item.partner), text=item.text,
                                id=item.id))  # fmt: skip
    if found.others:
        lines.append(
            "  "
            + _("… and {topics} for others (partnerlog open)").format(
                topics=plural(found.others, "topic")
            )
            if found.to_raise
            else "\n"
            + _("{topics} to raise with others (partnerlog open)").format(
                topics=plural(found.others, "topic")
            )
        )
    if found.dates:
        from partnerlog.present.dates import extras

        lines += ["", _("Dates")]
        for item, day in found.dates:
            more = [ahead(day, today)] if (day - today).days < 2 else []
            more += extras(item, day, today)
            lines.append(
                phrase(
                    "  {day:<15} {who}: {label} ({more})",
                    day=_day(day),
                    who=names.get(item.partner, item.partner),
                    label=item.label,
                    more=", ".join(more),
                )  # fmt: skip
            )
    if found.returning:
        lines += ["", _("Back from a pause")]
        for partner in found.returning:
            lines.append(
                phrase("  {day:<15} {name}{reason}", day=_day(partner.back_on),
                       name=partner.name,
                       reason=f" ({partner.pause_reason})" if partner.pause_reason else "")
            )  # fmt: skip
    if len(lines) == 1:
        say("Nothing on the agenda for the next {days}. Well kept!",
            days=plural((found.last - found.first).days, "day"))  # fmt: skip
        return
    sys.stdout.write("\n".join(lines) + "\n")


def _day(day: date) -> str:
    return day_month(day)
