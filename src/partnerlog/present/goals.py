"""What the goal commands print."""

from partnerlog.i18n import _
from partnerlog.present.text import plural, print_json, say


def added(result, values: dict, now) -> None:
    goal, name = result
    if values["json"]:
        print_json(goal.to_json())
        return
    say(
        "Added goal #{id} with {name}: {title} ({owner}{due}).",
        id=goal.id,
        name=name,
        title=goal.title,
        owner=_(goal.owner),
        due=", " + _("due {day}").format(day=goal.due_on) if goal.due_on else "",
    )


def listed(result, values: dict, now) -> None:
    goals, names = result
    if values["json"]:
        print_json([goal.to_json() for goal in goals])
        return
    if not goals:
        if values["all"]:
            say("No goals yet. Add one with: partnerlog goal add WHO TITLE")
        else:
            say("No open goals (see --all for closed ones).")
        return
    from partnerlog.present.screen import draw
    from partnerlog.present.tables import goals_table

    draw(goals_table(goals, names, now.date()))


def updated(goal, values: dict, now) -> None:
    say(
        "Checked in on goal #{id} ({title}): {progress}% after {count}.",
        id=goal.id,
        title=goal.title,
        progress=goal.progress,
        count=plural(len(goal.updates), "check-in"),
    )


def closed(goal, values: dict, now) -> None:
    say("Goal #{id} {status}: {title}.", id=goal.id, status=_(goal.status), title=goal.title)


def edited(goal, values: dict, now) -> None:
    say("Goal #{id} is now: {title} ({owner}{due}).", id=goal.id, title=goal.title,
        owner=_(goal.owner),
        due=", " + _("due {day}").format(day=goal.due_on) if goal.due_on else "")  # fmt: skip


def reopened(goal, values: dict, now) -> None:
    say("Goal #{id} is open again: {title}.", id=goal.id, title=goal.title)
