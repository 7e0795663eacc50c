"""What the follow-up commands print: what was added or closed, the open list, and
the line `log` adds about what is still open with someone."""

from partnerlog.core.when import due_words
from partnerlog.i18n import N_, _
from partnerlog.present.tables import what
from partnerlog.present.text import note, print_json, say


def added(found, values: dict, now) -> None:
    if values.get("json"):
        print_json([item.to_json() for item in found.items])
        return
    for item in found.items:
        due = due_words(item.due_on, now.date(), whole=True)
        say(
            "Added {what} #{id} with {name}{due}. Close it with: partnerlog close {id}",
            what=what(item),
            id=item.id,
            name=found.names[item.partner],
            due=f", {due}" if due else "",
        )
    for mention in found.skipped:
        note("@{mention} is not a partner; kept as text", mention=mention)


def listed(result, values: dict, now) -> None:
    items, names = result
    if values["json"]:
        print_json([item.to_json() for item in items])
        return
    if not items:
        say(
            "Nothing open. Add a topic with: partnerlog raise WHO TEXT, "
            "a promise with: partnerlog owe WHO TEXT"
        )
        return
    from partnerlog.present.screen import draw
    from partnerlog.present.tables import follow_ups_table

    draw(follow_ups_table(items, names, now.date()))


def closed(result, values: dict, now) -> None:
    items, names = result
    for item in items:
        said_closed(item, names.get(item.partner, item.partner))


def postponed(result, values: dict, now) -> None:
    item, name = result
    due = due_words(item.due_on, now.date(), whole=True) or _("without a day")
    say("{What} #{id} with {name} is now {due}: {text}", What=what(item).capitalize(),
        id=item.id, name=name, due=due, text=item.text)  # fmt: skip


def said_closed(item, name: str) -> None:
    say("Closed {what} #{id} with {name}: {text}", what=what(item), id=item.id, name=name,
        text=item.text)  # fmt: skip


def open_line(partner, items: list[tuple], today) -> str:
    """ "Open with Sari: 2 to raise, 1 you owe (due Fri), 1 they owe — partnerlog open sari"."""
    from partnerlog.present.text import phrase

    counts = {"raise": [], "me": [], "partner": []}
    for kind, owner, due_on in items:
        counts["raise" if kind == "raise" else owner].append(due_on)
    parts = []
    for key, words in (
        ("raise", N_("{count} to raise")), ("me", N_("{count} you owe")),
        ("partner", N_("{count} they owe")),
    ):  # fmt: skip
        found = counts[key]
        if found:
            first_due = next((d for d in found if d), None)
            due = (
                f" ({due_words(first_due, today, whole=True)})"
                if first_due and key != "raise"
                else ""
            )
            parts.append(_(words).format(count=len(found)) + due)
    return phrase(
        "Open with {name}: {parts} (partnerlog open {handle})",
        name=partner.name,
        parts=", ".join(parts),
        handle=partner.handle,
    )
