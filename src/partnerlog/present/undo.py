"""What `undo` says before and after."""

from partnerlog.present.text import Shown, say


def ask(latest, values: dict, now) -> str:
    say("The most recent record is {what}", what=Shown(latest.description))
    return "Remove it?"


def undone(latest, values: dict, now) -> None:
    say("Removed {what}", what=Shown(latest.description.splitlines()[0]))
